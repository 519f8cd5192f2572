/* wenda-lazy.c: widgets made when they are first needed, not for the
 * first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-lazy.h"

typedef struct
{
  GMenuModel *menu;
  char       *label;
} LazyMenu;

static void
lazy_menu_free (gpointer data)
{
  LazyMenu *lazy = data;

  g_object_unref (lazy->menu);
  g_free (lazy->label);
  g_free (lazy);
}

static void
set_menu_on_popup (GtkMenuButton *button,
                   gpointer       user_data)
{
  LazyMenu *lazy = user_data;

  if (gtk_menu_button_get_menu_model (button) == lazy->menu)
    return;

  gtk_menu_button_set_menu_model (button, lazy->menu);
  /* Else the popover is named after its type in the accessibility tree. */
  if (lazy->label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, lazy->label, -1);
}

/**
 * wenda_menu_button_set_menu_lazily:
 * @label: (nullable): the menu's accessible name
 *
 * Gives @button @menu the first time it opens (a click, or F10 on the
 * primary menu), instead of now: a menu model's popover is built, with a
 * widget per item, as soon as it is set, and the window's two menus were
 * 96 widgets at the first frame that nobody sees (tests/benchmarks).
 */
void
wenda_menu_button_set_menu_lazily (GtkMenuButton *button,
                                   GMenuModel    *menu,
                                   const char    *label)
{
  LazyMenu *lazy;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (menu));

  lazy = g_new0 (LazyMenu, 1);
  lazy->menu = g_object_ref (menu);
  lazy->label = g_strdup (label);
  gtk_menu_button_set_create_popup_func (button, set_menu_on_popup, lazy, lazy_menu_free);
}
