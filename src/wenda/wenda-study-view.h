/* wenda-study-view.h: a study session: reveal, grade, and a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-glossary.h"
#include "wenda-study-session.h"

G_BEGIN_DECLS

#define WENDA_TYPE_STUDY_VIEW (wenda_study_view_get_type ())
G_DECLARE_FINAL_TYPE (WendaStudyView, wenda_study_view, WENDA, STUDY_VIEW, GtkWidget)

void               wenda_study_view_start        (WendaStudyView    *self,
                                                  WendaStudySession *session,
                                                  GListModel        *all_items);
WendaStudySession *wenda_study_view_get_session  (WendaStudyView    *self);
void               wenda_study_view_set_glossary (WendaStudyView    *self,
                                                  WendaGlossary     *glossary);
void               wenda_study_view_set_media_dir (WendaStudyView    *self,
                                                   GFile             *media_dir);
void               wenda_study_view_focus        (WendaStudyView    *self);
gboolean           wenda_study_view_get_revealed (WendaStudyView    *self);
WendaQaItem       *wenda_study_view_get_current_item (WendaStudyView *self);

G_END_DECLS
