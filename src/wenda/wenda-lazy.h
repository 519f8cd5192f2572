/* wenda-lazy.h: widgets made when they are first needed, not for the
 * first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void wenda_menu_button_set_menu_lazily (GtkMenuButton *button,
                                        GMenuModel    *menu,
                                        const char    *label);

G_END_DECLS
