/* wenda-fsrs.h: FSRS spaced-repetition scheduling, with no clock of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * WendaCardState:
 * Where a card is in its life.  The nicks ("new", "learning", "review",
 * "relearning") are what the study file stores.
 */
typedef enum
{
  WENDA_CARD_STATE_NEW,
  WENDA_CARD_STATE_LEARNING,
  WENDA_CARD_STATE_REVIEW,
  WENDA_CARD_STATE_RELEARNING,
} WendaCardState;

/**
 * WendaRating:
 * The four grades, numbered as FSRS and Anki number them (and as the keys
 * 1–4 pick them).
 */
typedef enum
{
  WENDA_RATING_AGAIN = 1,
  WENDA_RATING_HARD  = 2,
  WENDA_RATING_GOOD  = 3,
  WENDA_RATING_EASY  = 4,
} WendaRating;

/**
 * WendaCard:
 * The memory state of one item.  Times are Unix seconds (UTC).
 * A zeroed struct (wenda_card_init()) is a new card, due at once.
 */
typedef struct
{
  WendaCardState state;
  guint          step;         /* index into the (re)learning steps */
  double         stability;    /* days; 0 while new */
  double         difficulty;   /* 1..10; 0 while new */
  gint64         due;          /* 0 while new: due now */
  gint64         last_review;  /* 0: never reviewed */
  guint          reps;         /* reviews so far */
  guint          lapses;       /* times forgotten (Again in review) */
} WendaCard;

/**
 * WendaReview:
 * One entry of the review log.
 */
typedef struct
{
  gint64         time;          /* when the grade was given */
  WendaRating    rating;
  WendaCardState state;         /* the card's state before the grade */
  double         elapsed_days;  /* since the previous review; 0 for the first */
  gint64         interval;      /* seconds from @time to the new due date */
} WendaReview;

typedef struct _WendaScheduler WendaScheduler;

#define WENDA_FSRS_N_PARAMETERS 21   /* FSRS-6; see wenda-fsrs.c for sources */

WendaScheduler *wenda_scheduler_new            (void);
WendaScheduler *wenda_scheduler_copy           (const WendaScheduler *self);
void            wenda_scheduler_free           (WendaScheduler       *self);
gboolean        wenda_scheduler_set_parameters (WendaScheduler       *self,
                                                const double         *w,
                                                gsize                 n_w,
                                                GError              **error);
void            wenda_scheduler_set_desired_retention
                                               (WendaScheduler       *self,
                                                double                retention);
double          wenda_scheduler_get_desired_retention
                                               (const WendaScheduler *self);
void            wenda_scheduler_set_maximum_interval
                                               (WendaScheduler       *self,
                                                guint                 days);
/* Learning and relearning steps, in seconds; defaults 1 min, 10 min / 10 min. */
void            wenda_scheduler_set_learning_steps
                                               (WendaScheduler       *self,
                                                const gint64         *steps,
                                                gsize                 n_steps);
void            wenda_scheduler_set_relearning_steps
                                               (WendaScheduler       *self,
                                                const gint64         *steps,
                                                gsize                 n_steps);
/* Interval fuzz, off by default (the app turns it on from its setting). */
void            wenda_scheduler_set_fuzz       (WendaScheduler       *self,
                                                gboolean              fuzz);
gboolean        wenda_scheduler_get_fuzz       (const WendaScheduler *self);

void            wenda_card_init                (WendaCard            *card);
gboolean        wenda_card_is_due              (const WendaCard      *card,
                                                gint64                now);

/* Grades @card at @now.  @out_card may be @card.  @fuzz_seed makes the
 * fuzz repeatable (the caller derives it from the item and its reps); it is
 * ignored when fuzz is off.  @out_review may be NULL. */
void            wenda_scheduler_review         (const WendaScheduler *self,
                                                const WendaCard      *card,
                                                WendaRating           rating,
                                                gint64                now,
                                                guint32               fuzz_seed,
                                                WendaCard            *out_card,
                                                WendaReview          *out_review);
/* The probability of recall at @now; 0 for a new card. */
double          wenda_scheduler_retrievability (const WendaScheduler *self,
                                                const WendaCard      *card,
                                                gint64                now);

const char     *wenda_card_state_to_nick       (WendaCardState        state);
gboolean        wenda_card_state_from_nick     (const char           *nick,
                                                WendaCardState       *state);

/* "10 min", "3 d", "2.5 mo", "1.1 y": the label of an interval on a grade
 * button, translated (UI domain). */
char           *wenda_format_interval          (gint64                seconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaScheduler, wenda_scheduler_free)

/* The injectable clock.  wenda_clock_now() is real time, unless a test has
 * set a function, or WENDA_TEST_NOW (ISO 8601, read once) fixes it. */
typedef gint64 (*WendaClockFunc) (gpointer user_data);

gint64          wenda_clock_now                (void);
void            wenda_clock_set_func           (WendaClockFunc        func,
                                                gpointer              user_data);

G_END_DECLS
