/* study-crash.h: the states that study-writer saves one after another,
 * and the check that a file holds one of them (the crash test of
 * test-study-store.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-study-store.h"

G_BEGIN_DECLS

/* State N is what steps 1..N made.  Step n sets the card "counter" and
 * the card "slot-(n % N_SLOTS)" from n, and stars or unstars
 * "star-(n % N_STARS)".  So state N differs from state N-1 in three
 * places, and a file that mixed two saves would not be any state. */
#define STUDY_CRASH_N_SLOTS 8
#define STUDY_CRASH_N_STARS 5
#define STUDY_CRASH_T0      G_GINT64_CONSTANT (1796203800)  /* 2026-12-02T09:30:00Z */

static inline void
study_crash_card (guint      n,
                  WendaCard *card)
{
  wenda_card_init (card);
  card->state = WENDA_CARD_STATE_REVIEW;
  card->step = n % 3;
  card->stability = n / 7.0;            /* no short decimal: a round-trip test */
  card->difficulty = 1.0 + (n % 900) / 100.0;
  card->due = STUDY_CRASH_T0 + n * G_GINT64_CONSTANT (60);
  card->last_review = STUDY_CRASH_T0 - n;
  card->reps = n;
  card->lapses = n % 11;
}

static inline char *
study_crash_slot (guint n)
{
  return g_strdup_printf ("slot-%u", n % STUDY_CRASH_N_SLOTS);
}

static inline char *
study_crash_star (guint n)
{
  return g_strdup_printf ("star-%u", n % STUDY_CRASH_N_STARS);
}

static inline gboolean
study_crash_starred (guint n)
{
  return (n / STUDY_CRASH_N_STARS) % 2 == 0;
}

/* Step @n. */
static inline void
study_crash_apply (WendaStudyStore *store,
                   guint            n)
{
  g_autofree char *slot = study_crash_slot (n);
  g_autofree char *star = study_crash_star (n);
  WendaCard card;

  study_crash_card (n, &card);
  wenda_study_store_set_card (store, "counter", &card);
  wenda_study_store_set_card (store, slot, &card);
  wenda_study_store_set_starred (store, star, study_crash_starred (n));
}

/* Which state @store holds: the reps of "counter" (0 for none). */
static inline guint
study_crash_state (WendaStudyStore *store)
{
  WendaCard card;

  wenda_study_store_get_card (store, "counter", &card);
  return card.reps;
}

G_END_DECLS
