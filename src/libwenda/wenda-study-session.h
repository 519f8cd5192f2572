/* wenda-study-session.h: one sitting of study over a set of items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-qa-item.h"
#include "wenda-study-store.h"

G_BEGIN_DECLS

/* A card that is due again within this many seconds comes back in the same
 * session, as in Anki ("learn ahead limit"). */
#define WENDA_STUDY_LEARN_AHEAD (20 * 60)

#define WENDA_TYPE_STUDY_SESSION (wenda_study_session_get_type ())
G_DECLARE_FINAL_TYPE (WendaStudySession, wenda_study_session, WENDA, STUDY_SESSION, GObject)

WendaStudySession *wenda_study_session_new           (WendaStudyStore       *store,
                                                      const WendaScheduler  *scheduler,
                                                      GListModel            *items,
                                                      gint64                 now);
WendaQaItem       *wenda_study_session_get_current   (WendaStudySession     *self);
gboolean           wenda_study_session_advance       (WendaStudySession     *self,
                                                      gint64                 now);
gint64             wenda_study_session_preview       (WendaStudySession     *self,
                                                      WendaRating            rating,
                                                      gint64                 now);
gboolean           wenda_study_session_grade         (WendaStudySession     *self,
                                                      WendaRating            rating,
                                                      gint64                 now,
                                                      GError               **error);
guint              wenda_study_session_get_n_total   (WendaStudySession     *self);
guint              wenda_study_session_get_n_left    (WendaStudySession     *self);
guint              wenda_study_session_get_n_reviewed (WendaStudySession    *self);
guint              wenda_study_session_get_n_correct (WendaStudySession     *self);
WendaCardState     wenda_study_session_get_current_state (WendaStudySession *self);
gint64             wenda_study_session_next_due      (WendaStudySession     *self,
                                                      GListModel            *items);

gboolean           wenda_study_filter_matches        (WendaStudyFilter       filter,
                                                      WendaStudyStore       *store,
                                                      const char            *id,
                                                      gint64                 now);

G_END_DECLS
