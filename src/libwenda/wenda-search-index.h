/* wenda-search-index.h: the folded texts of a list of items, searched fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-qa-item.h"

G_BEGIN_DECLS

/**
 * WendaSearchChange:
 * @WENDA_SEARCH_CHANGE_NONE: the new search folds to the old one
 * @WENDA_SEARCH_CHANGE_MORE_STRICT: it contains the old one: only items
 *   that matched can match
 * @WENDA_SEARCH_CHANGE_LESS_STRICT: the old one contains it: every item
 *   that matched still matches
 * @WENDA_SEARCH_CHANGE_DIFFERENT: anything else
 *
 * How the current search changed (wenda_search_index_set_search()): the
 * values of GtkFilterChange, and one for no change.
 */
typedef enum
{
  WENDA_SEARCH_CHANGE_NONE,
  WENDA_SEARCH_CHANGE_MORE_STRICT,
  WENDA_SEARCH_CHANGE_LESS_STRICT,
  WENDA_SEARCH_CHANGE_DIFFERENT,
} WendaSearchChange;

#define WENDA_TYPE_SEARCH_INDEX (wenda_search_index_get_type ())

G_DECLARE_FINAL_TYPE (WendaSearchIndex, wenda_search_index, WENDA, SEARCH_INDEX, GObject)

WendaSearchIndex *wenda_search_index_new            (GListModel        *items);
void              wenda_search_index_build          (WendaSearchIndex  *self);
gboolean          wenda_search_index_is_built       (WendaSearchIndex  *self);
guint             wenda_search_index_get_n_items    (WendaSearchIndex  *self);
WendaQaItem      *wenda_search_index_get_item       (WendaSearchIndex  *self,
                                                     guint              position);
guint             wenda_search_index_find           (WendaSearchIndex  *self,
                                                     WendaQaItem       *item);
const char       *wenda_search_index_get_text       (WendaSearchIndex  *self,
                                                     guint              position);
gsize             wenda_search_index_get_size       (WendaSearchIndex  *self);

/* One-off searches, for any number of callers (the search provider) */
GArray           *wenda_search_index_search         (WendaSearchIndex  *self,
                                                     const char * const *terms,
                                                     const guint       *among,
                                                     guint              n_among);

/* The current search, typed on and erased (the topic list's) */
WendaSearchChange wenda_search_index_set_search     (WendaSearchIndex  *self,
                                                     const char        *search);
const char       *wenda_search_index_get_needle     (WendaSearchIndex  *self);
guint             wenda_search_index_get_n_matches  (WendaSearchIndex  *self);
guint             wenda_search_index_get_match_position (WendaSearchIndex *self,
                                                         guint             index);
gboolean          wenda_search_index_position_matches (WendaSearchIndex *self,
                                                       guint             position);
gboolean          wenda_search_index_item_matches   (WendaSearchIndex  *self,
                                                     gpointer           item);

G_END_DECLS
