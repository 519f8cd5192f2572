/* wenda-window-search.c: the window's side of the search: where typing goes
 *
 * The search itself (its bar, its entry, the list it filters) is the
 * sidebar's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-sidebar.h"
#include "wenda-window-private.h"

/* Typing starts a search while reading, not while studying: keys there
 * reveal and grade. */
void
wenda_window_update_key_capture (WendaWindow *self)
{
  wenda_sidebar_set_key_capture_widget (self->sidebar,
                                        self->content_page == CONTENT_PAGE_STUDY &&
                                        wenda_window_pane_shown (self)
                                        ? NULL : GTK_WIDGET (self));
}

void
wenda_window_set_search_text (WendaWindow *self,
                              const char  *text)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));

  wenda_sidebar_set_search_text (self->sidebar, text);
}

void
wenda_window_search_init (WendaWindow *self)
{
  /* Typing anywhere in the window starts a search. */
  wenda_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self));
}
