/* wenda-study-file-private.h: the study file: what it holds, reading it,
 * checking it, writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-fsrs.h"

G_BEGIN_DECLS

/* Everything the file holds.  Ids are in @ids once; the other tables and
 * the log entries borrow them. */
typedef struct
{
  GHashTable *ids;       /* char* → itself, owned */
  GHashTable *cards;     /* id → WendaCard* */
  GHashTable *starred;   /* id → id */
  GPtrArray  *log;       /* WendaStudyLogEntry*, oldest first */
} WendaStudyState;

void        wenda_study_state_init          (WendaStudyState   *state);
void        wenda_study_state_clear         (WendaStudyState   *state);
const char *wenda_study_state_intern        (WendaStudyState   *state,
                                             const char        *id);
void        wenda_study_state_set_card      (WendaStudyState   *state,
                                             const char        *id,
                                             const WendaCard   *card);
void        wenda_study_state_append_review (WendaStudyState   *state,
                                             const char        *id,
                                             const WendaReview *review);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WendaStudyState, wenda_study_state_clear)

/* What the file can hold: the store checks what it is given with these,
 * so that it can always write what it holds. */
gboolean    wenda_study_id_is_valid         (const char        *id);
gboolean    wenda_study_time_is_valid       (gint64             t);
gboolean    wenda_study_rating_is_valid     (WendaRating        rating);
gboolean    wenda_study_card_is_valid       (const WendaCard   *card);
gboolean    wenda_study_review_is_valid     (const WendaReview *review);

/* What wenda_study_file_load() did */
typedef enum
{
  WENDA_STUDY_FILE_READ,        /* read into the state, or missing: empty */
  WENDA_STUDY_FILE_UNREADABLE,  /* could not be read; left as it is */
  WENDA_STUDY_FILE_NEWER,       /* from a newer format version; left as it is */
  WENDA_STUDY_FILE_KEPT,        /* damaged; renamed to the kept path */
  WENDA_STUDY_FILE_NOT_KEPT,    /* damaged, and could not be renamed */
} WendaStudyFileResult;

WendaStudyFileResult
            wenda_study_file_load           (const char        *path,
                                             WendaStudyState   *state,
                                             char             **kept_path,
                                             GError           **error);
gboolean    wenda_study_file_save           (const char        *path,
                                             WendaStudyState   *state,
                                             GError           **error);

G_END_DECLS
