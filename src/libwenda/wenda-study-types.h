/* wenda-study-types.h: the types of study progress: the error domain, a
 * review log entry, the counts; the format version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "wenda-fsrs.h"

G_BEGIN_DECLS

/* Apart from wenda-study-store.h, which includes this, so that the store's
 * file and statistics (wenda-study-file.c, wenda-study-stats.c) have them
 * without the store's own header. */

#define WENDA_STUDY_FORMAT_VERSION 1

#define WENDA_STUDY_STORE_ERROR (wenda_study_store_error_quark ())

typedef enum
{
  WENDA_STUDY_STORE_ERROR_CORRUPT,        /* unreadable; moved aside, state is empty */
  WENDA_STUDY_STORE_ERROR_FUTURE_VERSION, /* a newer app wrote it; left untouched, store is read-only */
  WENDA_STUDY_STORE_ERROR_READ_ONLY,      /* the store will not write (see above) */
} WendaStudyStoreError;

GQuark wenda_study_store_error_quark (void);

/* One review log entry and the item it was for. */
typedef struct
{
  const char  *id;
  WendaReview  review;
} WendaStudyLogEntry;

/* What wenda_study_store_count() counts */
typedef struct
{
  guint n_new;
  guint n_learning;
  guint n_review;
  guint n_relearning;
  guint n_due;          /* not new, due at @now */
  guint n_starred;
} WendaStudyCounts;

G_END_DECLS
