/* wenda-study-stats.c: counts and chart data from the study state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-study-stats-private.h"

#define SECONDS_PER_DAY 86400

/* The card of @id: the stored one, or @new_card made new */
static const WendaCard *
lookup_card (WendaStudyState *state,
             const char      *id,
             WendaCard       *new_card)
{
  const WendaCard *card = g_hash_table_lookup (state->cards, id);

  if (card != NULL)
    return card;

  wenda_card_init (new_card);
  return new_card;
}

/* The local day of @t in @tz, as days since 1970-01-01 local time: days
 * change at local midnight, also across a change of UTC offset. */
static gint64
local_day (GTimeZone *tz,
           gint64     t)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, t);
  gint64 local = t + g_time_zone_get_offset (tz, interval);

  /* Rounded down, also before 1970 */
  return local >= 0 ? local / SECONDS_PER_DAY : -((-local + SECONDS_PER_DAY - 1) / SECONDS_PER_DAY);
}

/* Zeroes the @n_days counters of @out, and returns @tz, or the local time
 * zone when it is NULL: a new reference either way. */
static GTimeZone *
begin_days (guint     *out,
            guint      n_days,
            GTimeZone *tz)
{
  memset (out, 0, n_days * sizeof *out);

  return tz != NULL ? g_time_zone_ref (tz) : g_time_zone_new_local ();
}

void
wenda_study_stats_count (WendaStudyState   *state,
                         const char *const *ids,
                         gsize              n_ids,
                         gint64             now,
                         WendaStudyCounts  *counts)
{
  memset (counts, 0, sizeof *counts);

  for (gsize i = 0; i < n_ids; i++)
    {
      WendaCard new_card;
      const WendaCard *card = lookup_card (state, ids[i], &new_card);

      switch (card->state)
        {
        case WENDA_CARD_STATE_NEW:
          counts->n_new++;
          break;
        case WENDA_CARD_STATE_LEARNING:
          counts->n_learning++;
          break;
        case WENDA_CARD_STATE_REVIEW:
          counts->n_review++;
          break;
        case WENDA_CARD_STATE_RELEARNING:
        default:
          counts->n_relearning++;
          break;
        }

      if (card->state != WENDA_CARD_STATE_NEW && card->due <= now)
        counts->n_due++;

      if (g_hash_table_contains (state->starred, ids[i]))
        counts->n_starred++;
    }
}

/* New cards are not counted: they are due at once but are not reviews. */
void
wenda_study_stats_due_per_day (WendaStudyState   *state,
                               const char *const *ids,
                               gsize              n_ids,
                               gint64             now,
                               GTimeZone         *tz,
                               guint             *out,
                               guint              n_days)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 today;

  if (n_days == 0)
    return;

  zone = begin_days (out, n_days, tz);
  today = local_day (zone, now);

  for (gsize i = 0; i < n_ids; i++)
    {
      WendaCard new_card;
      const WendaCard *card = lookup_card (state, ids[i], &new_card);
      gint64 day;

      if (card->state == WENDA_CARD_STATE_NEW)
        continue;

      day = MAX (local_day (zone, card->due) - today, 0);
      if (day < n_days)
        out[day]++;
    }
}

void
wenda_study_stats_reviews_per_day (WendaStudyState *state,
                                   gint64           now,
                                   GTimeZone       *tz,
                                   guint           *out,
                                   guint            n_days)
{
  g_autoptr(GTimeZone) zone = NULL;
  gint64 today;

  if (n_days == 0)
    return;

  zone = begin_days (out, n_days, tz);
  today = local_day (zone, now);

  for (guint i = 0; i < state->log->len; i++)
    {
      const WendaStudyLogEntry *entry = g_ptr_array_index (state->log, i);
      gint64 ago = today - local_day (zone, entry->review.time);

      if (ago >= 0 && ago < n_days)
        out[n_days - 1 - ago]++;
    }
}

/* Reviews in (now - days, now], in seconds; a review at @now counts. */
double
wenda_study_stats_retention (WendaStudyState *state,
                             gint64           now,
                             guint            days,
                             guint           *n_reviews)
{
  gint64 since = now - (gint64)days * SECONDS_PER_DAY;
  guint n = 0, passed = 0;

  for (guint i = 0; i < state->log->len; i++)
    {
      const WendaStudyLogEntry *entry = g_ptr_array_index (state->log, i);

      if (entry->review.state != WENDA_CARD_STATE_REVIEW ||
          entry->review.time <= since || entry->review.time > now)
        continue;

      n++;
      if (entry->review.rating != WENDA_RATING_AGAIN)
        passed++;
    }

  if (n_reviews != NULL)
    *n_reviews = n;

  return n > 0 ? (double)passed / n : -1;
}
