/* wenda-detail-view.h: shows one question, its answer and explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-glossary.h"

G_BEGIN_DECLS

#define WENDA_TYPE_DETAIL_VIEW (wenda_detail_view_get_type ())

G_DECLARE_FINAL_TYPE (WendaDetailView, wenda_detail_view, WENDA, DETAIL_VIEW, GtkWidget)

WendaQaItem *wenda_detail_view_get_item (WendaDetailView *self);
void         wenda_detail_view_set_item (WendaDetailView *self,
                                         WendaQaItem     *item);
void         wenda_detail_view_focus_start (WendaDetailView *self);
void         wenda_detail_view_set_glossary (WendaDetailView *self,
                                             WendaGlossary   *glossary);
void         wenda_detail_view_set_media_dir (WendaDetailView *self,
                                              GFile           *media_dir);
WendaContentMode wenda_detail_view_get_mode (WendaDetailView  *self);
void         wenda_detail_view_set_mode (WendaDetailView  *self,
                                         WendaContentMode  mode);
void         wenda_detail_view_set_answer_visible (WendaDetailView *self,
                                                   gboolean         visible);
gboolean     wenda_detail_view_get_answer_visible (WendaDetailView *self);

G_END_DECLS
