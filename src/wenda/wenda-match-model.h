/* wenda-match-model.h: the items that match the search, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-search-filter.h"

G_BEGIN_DECLS

#define WENDA_TYPE_MATCH_MODEL (wenda_match_model_get_type ())

G_DECLARE_FINAL_TYPE (WendaMatchModel, wenda_match_model, WENDA, MATCH_MODEL, GObject)

WendaMatchModel   *wenda_match_model_new        (WendaSearchFilter *filter);
WendaSearchFilter *wenda_match_model_get_filter (WendaMatchModel   *self);
void               wenda_match_model_set_filter (WendaMatchModel   *self,
                                                 WendaSearchFilter *filter);

G_END_DECLS
