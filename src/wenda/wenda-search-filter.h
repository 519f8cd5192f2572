/* wenda-search-filter.h: the topic list's search, fast on large banks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WENDA_TYPE_SEARCH_FILTER (wenda_search_filter_get_type ())

G_DECLARE_FINAL_TYPE (WendaSearchFilter, wenda_search_filter, WENDA, SEARCH_FILTER, GtkFilter)

WendaSearchFilter *wenda_search_filter_new        (GListModel        *model);
GListModel        *wenda_search_filter_get_model  (WendaSearchFilter *self);
void               wenda_search_filter_set_model  (WendaSearchFilter *self,
                                                   GListModel        *model);
const char        *wenda_search_filter_get_search (WendaSearchFilter *self);
void               wenda_search_filter_set_search (WendaSearchFilter *self,
                                                   const char        *search);
guint              wenda_search_filter_get_n_matches (WendaSearchFilter *self);
guint              wenda_search_filter_get_match_position (WendaSearchFilter *self,
                                                           guint              index);

G_END_DECLS
