/* wenda-study-store.h: study progress and stars, kept in a versioned file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-study-types.h"

G_BEGIN_DECLS

#define WENDA_TYPE_STUDY_STORE (wenda_study_store_get_type ())
G_DECLARE_FINAL_TYPE (WendaStudyStore, wenda_study_store, WENDA, STUDY_STORE, GObject)

/* The file the app uses: g_get_user_data_dir()/APP_ID/study.json. */
char            *wenda_study_store_default_path (const char *app_id);

WendaStudyStore *wenda_study_store_new          (const char       *path);
const char      *wenda_study_store_get_path     (WendaStudyStore  *self);

/* Reads the file.  A missing file is an empty state (TRUE).  Otherwise, on
 * FALSE, @error says what happened, in words for a user, naming the file:
 *   CORRUPT: the file was renamed to PATH.corrupt-YYYYMMDD-HHMMSS (see
 *     get_kept_path()), and the store starts empty and writable;
 *   FUTURE_VERSION: the file is left as it is and the store is read-only;
 *   G_IO_ERROR_*: the file could not be read; it is left as it is and the
 *     store is read-only.
 * Stray temporary files of an interrupted save are removed. */
gboolean         wenda_study_store_load         (WendaStudyStore  *self,
                                                 GError          **error);
const char      *wenda_study_store_get_kept_path (WendaStudyStore *self);
gboolean         wenda_study_store_get_read_only (WendaStudyStore *self);

/* Writes the whole state atomically (g_file_set_contents_full), creating the
 * folder.  Fails with READ_ONLY, or with the GIO error of the write; the
 * state in memory is kept either way. */
gboolean         wenda_study_store_save         (WendaStudyStore  *self,
                                                 GError          **error);

/* The card of an item; a new card for an id the store has not seen. */
void             wenda_study_store_get_card     (WendaStudyStore  *self,
                                                 const char       *id,
                                                 WendaCard        *card);
void             wenda_study_store_set_card     (WendaStudyStore  *self,
                                                 const char       *id,
                                                 const WendaCard  *card);
gboolean         wenda_study_store_get_starred  (WendaStudyStore  *self,
                                                 const char       *id);
void             wenda_study_store_set_starred  (WendaStudyStore  *self,
                                                 const char       *id,
                                                 gboolean          starred);
guint            wenda_study_store_get_n_reviews (WendaStudyStore *self);
const WendaStudyLogEntry *
                 wenda_study_store_get_review   (WendaStudyStore  *self,
                                                 guint             position);

/* Grades @id at @now with @scheduler: updates its card, appends to the log
 * and saves.  The new card is in @out_card (may be NULL).  Returns the
 * result of the save; the grade stays in memory even when it fails. */
gboolean         wenda_study_store_grade        (WendaStudyStore       *self,
                                                 const WendaScheduler  *scheduler,
                                                 const char            *id,
                                                 WendaRating            rating,
                                                 gint64                 now,
                                                 WendaCard             *out_card,
                                                 GError               **error);

/* Signals: "changed" (const char *id) after set_card, set_starred or
 * grade, and "reset" after load. */

/* Statistics over the items @ids (n_ids of them), at @now; days are local
 * days in @tz (NULL: local time zone).  WendaStudyCounts is in
 * wenda-study-types.h. */
void             wenda_study_store_count        (WendaStudyStore   *self,
                                                 const char *const *ids,
                                                 gsize              n_ids,
                                                 gint64             now,
                                                 WendaStudyCounts  *counts);
/* out[0] is today (and everything overdue), out[n_days-1] the last day. */
void             wenda_study_store_due_per_day  (WendaStudyStore   *self,
                                                 const char *const *ids,
                                                 gsize              n_ids,
                                                 gint64             now,
                                                 GTimeZone         *tz,
                                                 guint             *out,
                                                 guint              n_days);
/* out[n_days-1] is today, out[0] n_days-1 days ago; all items. */
void             wenda_study_store_reviews_per_day (WendaStudyStore *self,
                                                 gint64             now,
                                                 GTimeZone         *tz,
                                                 guint             *out,
                                                 guint              n_days);
/* The share of reviews of cards in review state, over the last @days days,
 * that were not Again; -1 when there were none.  @n_reviews may be NULL. */
double           wenda_study_store_retention    (WendaStudyStore   *self,
                                                 gint64             now,
                                                 guint              days,
                                                 guint             *n_reviews);

G_END_DECLS
