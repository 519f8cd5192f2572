/* wenda-compat.h: the one place that asks which platform version it runs on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void       wenda_compat_show_shortcuts (GtkWindow *parent);
GtkWidget *wenda_compat_get_shortcuts  (GtkWindow *parent);

G_END_DECLS
