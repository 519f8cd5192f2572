/* wenda-first-frame.h: report the first painted frame, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wenda_report_first_frame (GtkWindow    *window,
                               GApplication *app);

G_END_DECLS
