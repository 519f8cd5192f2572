/* wenda-progress-view.h: study progress: card states, due cards, reviews
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-bank.h"
#include "wenda-study-store.h"

G_BEGIN_DECLS

#define WENDA_PROGRESS_DAYS 14

#define WENDA_TYPE_PROGRESS_VIEW (wenda_progress_view_get_type ())
G_DECLARE_FINAL_TYPE (WendaProgressView, wenda_progress_view, WENDA, PROGRESS_VIEW, GtkWidget)

void     wenda_progress_view_set_sources (WendaProgressView *self,
                                          WendaStudyStore   *store,
                                          WendaBank         *bank);
void     wenda_progress_view_refresh     (WendaProgressView *self);
gboolean wenda_progress_view_is_empty    (WendaProgressView *self);

G_END_DECLS
