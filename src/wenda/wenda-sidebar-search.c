/* wenda-sidebar-search.c: the search of the sidebar's topic list
 *
 * The search bar and its entry: when what is typed is searched for, Enter
 * and Escape in the entry, and the public functions over them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-sidebar-private.h"

/* The search */

void
wenda_sidebar_on_search_mode_changed (WendaSidebar *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      gboolean had_focus = wenda_sidebar_focus_is_inside (self, GTK_WIDGET (self->search_bar));

      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

      /* The entry is about to hide; don't leave focus in it. */
      if (had_focus)
        wenda_sidebar_focus_selected_row (self);
    }
}

/* In a bank of more than this many topics, the search runs when typing
 * pauses (the entry's search-changed, 150 ms after the last key) rather
 * than at every key: there a keystroke that changes the list rebuilds up
 * to ~200 rows of it, 20–160 ms, which would hold up the next key. */
#define INSTANT_SEARCH_MAX_TOPICS 5000

static gboolean
search_is_instant (WendaSidebar *self)
{
  return self->bank == NULL ||
         g_list_model_get_n_items (G_LIST_MODEL (self->bank)) <= INSTANT_SEARCH_MAX_TOPICS;
}

static void
apply_search (WendaSidebar *self)
{
  wenda_search_filter_set_search (self->search_filter,
                                  gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

void
wenda_sidebar_on_search_text_changed (WendaSidebar *self)
{
  /* Clearing the search is never put off */
  if (search_is_instant (self) ||
      gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    apply_search (self);
}

void
wenda_sidebar_on_search_changed (WendaSidebar *self)
{
  apply_search (self);
}

void
wenda_sidebar_on_search_activate (WendaSidebar *self)
{
  /* Enter in the search moves to the results, of what was typed */
  apply_search (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    wenda_sidebar_focus_selected_row (self);
}

void
wenda_sidebar_on_search_stop (WendaSidebar *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/**
 * wenda_sidebar_set_search_text:
 *
 * Searches for @text at once (the search bar opens, or closes for none).
 */
void
wenda_sidebar_set_search_text (WendaSidebar *self,
                               const char   *text)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, text != NULL && text[0] != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* Not typed: nothing to wait for */
  apply_search (self);
}

/**
 * wenda_sidebar_set_key_capture_widget:
 * @widget: (nullable): where typing starts a search
 */
void
wenda_sidebar_set_key_capture_widget (WendaSidebar *self,
                                      GtkWidget    *widget)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}
