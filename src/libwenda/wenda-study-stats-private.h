/* wenda-study-stats-private.h: counts and chart data from the study state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-study-file-private.h"
#include "wenda-study-types.h"

G_BEGIN_DECLS

/* The computations behind wenda_study_store_count(),
 * wenda_study_store_due_per_day(), wenda_study_store_reviews_per_day() and
 * wenda_study_store_retention() (see wenda-study-store.h), which check
 * their arguments and pass the store's state. */
void   wenda_study_stats_count           (WendaStudyState   *state,
                                          const char *const *ids,
                                          gsize              n_ids,
                                          gint64             now,
                                          WendaStudyCounts  *counts);
void   wenda_study_stats_due_per_day     (WendaStudyState   *state,
                                          const char *const *ids,
                                          gsize              n_ids,
                                          gint64             now,
                                          GTimeZone         *tz,
                                          guint             *out,
                                          guint              n_days);
void   wenda_study_stats_reviews_per_day (WendaStudyState   *state,
                                          gint64             now,
                                          GTimeZone         *tz,
                                          guint             *out,
                                          guint              n_days);
double wenda_study_stats_retention       (WendaStudyState   *state,
                                          gint64             now,
                                          guint              days,
                                          guint             *n_reviews);

G_END_DECLS
