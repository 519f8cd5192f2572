/* wenda-fsrs.c: FSRS spaced-repetition scheduling, with no clock of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* This is FSRS-6 (21 parameters), written after the Scheduler of py-fsrs,
 * the reference implementation of the Open Spaced Repetition project:
 *
 *   https://github.com/open-spaced-repetition/py-fsrs
 *     fsrs/scheduler.py at 805389491466f899582130776aa7e9b5352a6b6c
 *       (the math, the default parameters and their bounds, the step
 *       logic, the fuzz ranges; 06dda32a82004ba32b3f659b32e6f14e3ac2972c
 *       has the same)
 *     fsrs/card.py at 06dda32a82004ba32b3f659b32e6f14e3ac2972c
 *       (a new card is learning step 0 with no memory state)
 *     tests/test_basic.py, the version that goes with that scheduler.py
 *       (the examples that tests/unit/test-fsrs.c reproduces; see there)
 *
 * Note that the mean reversion of D aims at D0(Easy) unclamped, here about
 * -4.77 with the defaults, as in that scheduler.py (and in fsrs-rs).  An
 * older py-fsrs clamped it to 1 first, and its tests expect other numbers.
 *
 * The code is ours; only the formulas and the constants are theirs.  In
 * short, with S the stability in days, D the difficulty (1..10), R the
 * retrievability, t the whole days since the last review and G the grade
 * (Again 1 .. Easy 4):
 *
 *   R(t)        = (1 + F·t/S)^C, C = -w20, F = 0.9^(1/C) - 1, so R(S) = 0.9
 *   interval    = S/F · (r^(1/C) - 1) days for the desired retention r,
 *                 rounded half to even, in [1, maximum interval]
 *   S0(G)       = w[G-1]
 *   D0(G)       = w4 - e^(w5·(G-1)) + 1
 *   D'          = w7·D0(Easy) + (1 - w7)·(D + (10 - D)·(-w6·(G-3))/9)
 *   S' recall   = S·(1 + e^w8·(11 - D)·S^-w9·(e^((1-R)·w10) - 1)
 *                 ·(w15 if Hard)·(w16 if Easy))
 *   S' forget   = min (w11·D^-w12·((S+1)^w13 - 1)·e^((1-R)·w14),
 *                      S / e^(w17·w18))
 *   S' same day = S·e^(w17·(G - 3 + w18))·S^-w19, at least S for Good/Easy
 *
 * S is kept at 0.001 or more and D in 1..10.
 *
 * Where Wenda differs from py-fsrs:
 *  - py-fsrs has no "new" state: its new card is a learning card at step 0
 *    with no stability.  WENDA_CARD_STATE_NEW is that card, and is graded
 *    exactly as py-fsrs grades it.  A card of any state whose stability or
 *    difficulty is not positive (a damaged study file) is given the initial
 *    memory state, as py-fsrs does for a learning card without one.
 *  - Times are whole seconds, not datetimes with microseconds.  The elapsed
 *    days are whole days, floored, like timedelta.days in py-fsrs.
 *  - The fuzz is not random: it is drawn from @fuzz_seed, so the caller can
 *    replay it.  py-fsrs rounds random() · (max - min + 1) + min, which can
 *    land one day past max; we pick each whole day of [min, max] with the
 *    same chance, so the range documented in fuzz_range() is the real one.
 *  - The card also counts reps and lapses (Again while in review).
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "wenda-fsrs.h"

#define SECONDS_PER_DAY    G_GINT64_CONSTANT (86400)
#define STABILITY_MIN      0.001
#define STABILITY_MAX      1e9
#define DIFFICULTY_MIN     1.0
#define DIFFICULTY_MAX     10.0

G_STATIC_ASSERT (WENDA_FSRS_N_PARAMETERS == 21);

/* FSRS-6 defaults, as in py-fsrs's DEFAULT_PARAMETERS (w20 is the decay). */
static const double default_parameters[WENDA_FSRS_N_PARAMETERS] = {
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722,
  0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
};

/* The ranges py-fsrs accepts (its LOWER_ and UPPER_BOUNDS_PARAMETERS);
 * outside them the formulas above can divide by zero or run away. */
static const double lower_bounds[WENDA_FSRS_N_PARAMETERS] = {
  STABILITY_MIN, STABILITY_MIN, STABILITY_MIN, STABILITY_MIN, 1.0, 0.001,
  0.001, 0.001, 0.0, 0.0, 0.001, 0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0,
  0.0, 0.0, 0.1,
};

static const double upper_bounds[WENDA_FSRS_N_PARAMETERS] = {
  100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0,
  0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
};

/* py-fsrs's FUZZ_RANGES: each day of the interval in [start, end) widens
 * the fuzz by factor days. */
static const struct
{
  double start;
  double end;
  double factor;
} fuzz_ranges[] = {
  {  2.5,  7.0,        0.15 },
  {  7.0, 20.0,        0.10 },
  { 20.0, G_MAXDOUBLE, 0.05 },
};

static const gint64 default_learning_steps[] = { 60, 600 };
static const gint64 default_relearning_steps[] = { 600 };

struct _WendaScheduler
{
  double  w[WENDA_FSRS_N_PARAMETERS];
  double  desired_retention;
  guint   maximum_interval;      /* days */
  gint64 *learning_steps;        /* seconds */
  gsize   n_learning_steps;
  gint64 *relearning_steps;      /* seconds */
  gsize   n_relearning_steps;
  gboolean fuzz;

  /* Derived from w[20] whenever the parameters change */
  double  decay;
  double  factor;
};

static void
update_curve (WendaScheduler *self)
{
  self->decay = -self->w[20];
  self->factor = pow (0.9, 1.0 / self->decay) - 1.0;
}

static gint64 *
dup_steps (const gint64 *steps,
           gsize         n_steps)
{
  if (n_steps == 0)
    return NULL;

  return g_memdup2 (steps, n_steps * sizeof *steps);
}

WendaScheduler *
wenda_scheduler_new (void)
{
  WendaScheduler *self = g_new0 (WendaScheduler, 1);

  memcpy (self->w, default_parameters, sizeof self->w);
  self->desired_retention = 0.9;
  self->maximum_interval = 36500;
  self->n_learning_steps = G_N_ELEMENTS (default_learning_steps);
  self->learning_steps = dup_steps (default_learning_steps, self->n_learning_steps);
  self->n_relearning_steps = G_N_ELEMENTS (default_relearning_steps);
  self->relearning_steps = dup_steps (default_relearning_steps, self->n_relearning_steps);
  /* py-fsrs fuzzes by default; Wenda leaves that to the app's setting. */
  self->fuzz = FALSE;
  update_curve (self);

  return self;
}

WendaScheduler *
wenda_scheduler_copy (const WendaScheduler *self)
{
  WendaScheduler *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->learning_steps = dup_steps (self->learning_steps, self->n_learning_steps);
  copy->relearning_steps = dup_steps (self->relearning_steps, self->n_relearning_steps);

  return copy;
}

void
wenda_scheduler_free (WendaScheduler *self)
{
  if (self == NULL)
    return;

  g_free (self->learning_steps);
  g_free (self->relearning_steps);
  g_free (self);
}

gboolean
wenda_scheduler_set_parameters (WendaScheduler  *self,
                                const double    *w,
                                gsize            n_w,
                                GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (w != NULL || n_w == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_w != WENDA_FSRS_N_PARAMETERS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Expected %d FSRS parameters, got %" G_GSIZE_FORMAT,
                   WENDA_FSRS_N_PARAMETERS, n_w);
      return FALSE;
    }

  for (gsize i = 0; i < n_w; i++)
    {
      /* Written so that NaN fails too */
      if (!(w[i] >= lower_bounds[i] && w[i] <= upper_bounds[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "FSRS parameter w[%" G_GSIZE_FORMAT "] = %g is out of bounds [%g, %g]",
                       i, w[i], lower_bounds[i], upper_bounds[i]);
          return FALSE;
        }
    }

  memcpy (self->w, w, sizeof self->w);
  update_curve (self);

  return TRUE;
}

void
wenda_scheduler_set_desired_retention (WendaScheduler *self,
                                       double          retention)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (retention > 0.0 && retention < 1.0);

  self->desired_retention = retention;
}

double
wenda_scheduler_get_desired_retention (const WendaScheduler *self)
{
  g_return_val_if_fail (self != NULL, 0.0);

  return self->desired_retention;
}

void
wenda_scheduler_set_maximum_interval (WendaScheduler *self,
                                      guint           days)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (days >= 1);

  self->maximum_interval = days;
}

static gboolean
steps_are_valid (const gint64 *steps,
                 gsize         n_steps)
{
  if (steps == NULL && n_steps > 0)
    return FALSE;

  for (gsize i = 0; i < n_steps; i++)
    if (steps[i] <= 0)
      return FALSE;

  return TRUE;
}

void
wenda_scheduler_set_learning_steps (WendaScheduler *self,
                                    const gint64   *steps,
                                    gsize           n_steps)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (steps_are_valid (steps, n_steps));

  g_free (self->learning_steps);
  self->learning_steps = dup_steps (steps, n_steps);
  self->n_learning_steps = n_steps;
}

void
wenda_scheduler_set_relearning_steps (WendaScheduler *self,
                                      const gint64   *steps,
                                      gsize           n_steps)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (steps_are_valid (steps, n_steps));

  g_free (self->relearning_steps);
  self->relearning_steps = dup_steps (steps, n_steps);
  self->n_relearning_steps = n_steps;
}

void
wenda_scheduler_set_fuzz (WendaScheduler *self,
                          gboolean        fuzz)
{
  g_return_if_fail (self != NULL);

  self->fuzz = !!fuzz;
}

gboolean
wenda_scheduler_get_fuzz (const WendaScheduler *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->fuzz;
}

void
wenda_card_init (WendaCard *card)
{
  g_return_if_fail (card != NULL);

  memset (card, 0, sizeof *card);
  card->state = WENDA_CARD_STATE_NEW;
}

gboolean
wenda_card_is_due (const WendaCard *card,
                   gint64           now)
{
  g_return_val_if_fail (card != NULL, FALSE);

  return card->due <= now;
}

/* The math {{{ */

/* Python's round(): halves go to the even neighbour.  nearbyint() does
 * that in the default rounding mode, which nothing here changes. */
static double
round_half_even (double x)
{
  return nearbyint (x);
}

/* timedelta.days: whole days, rounded down (also when negative) */
static gint64
whole_days (gint64 seconds)
{
  gint64 days = seconds / SECONDS_PER_DAY;

  if (seconds % SECONDS_PER_DAY < 0)
    days--;

  return days;
}

static double
clamp_stability (double stability)
{
  /* py-fsrs has no upper bound; ours keeps the number one the study file
   * stores (it refuses more than 1e12), whatever the grades.  A stability
   * of 1e9 days is already far past the 36,500-day maximum interval. */
  return CLAMP (stability, STABILITY_MIN, STABILITY_MAX);
}

static double
clamp_difficulty (double difficulty)
{
  return CLAMP (difficulty, DIFFICULTY_MIN, DIFFICULTY_MAX);
}

static double
initial_stability (const WendaScheduler *self,
                   WendaRating           rating)
{
  return clamp_stability (self->w[rating - 1]);
}

static double
initial_difficulty_unclamped (const WendaScheduler *self,
                              WendaRating           rating)
{
  return self->w[4] - exp (self->w[5] * (rating - 1)) + 1.0;
}

static double
next_difficulty (const WendaScheduler *self,
                 double                difficulty,
                 WendaRating           rating)
{
  double delta = -(self->w[6] * (rating - 3.0));
  /* Linear damping: the nearer D is to 10, the less it can still grow */
  double damped = difficulty + (10.0 - difficulty) * delta / 9.0;
  /* Mean reversion towards D0(Easy), so D cannot stick at a bound */
  double reverted = self->w[7] * initial_difficulty_unclamped (self, WENDA_RATING_EASY)
                    + (1.0 - self->w[7]) * damped;

  return clamp_difficulty (reverted);
}

static double
short_term_stability (const WendaScheduler *self,
                      double                stability,
                      WendaRating           rating)
{
  double increase = exp (self->w[17] * (rating - 3.0 + self->w[18]))
                    * pow (stability, -self->w[19]);

  /* A same-day Good or Easy never lowers the stability */
  if (rating == WENDA_RATING_GOOD || rating == WENDA_RATING_EASY)
    increase = MAX (increase, 1.0);

  return clamp_stability (stability * increase);
}

static double
next_forget_stability (const WendaScheduler *self,
                       double                difficulty,
                       double                stability,
                       double                retrievability)
{
  double long_term = self->w[11]
                     * pow (difficulty, -self->w[12])
                     * (pow (stability + 1.0, self->w[13]) - 1.0)
                     * exp ((1.0 - retrievability) * self->w[14]);
  double short_term = stability / exp (self->w[17] * self->w[18]);

  return MIN (long_term, short_term);
}

static double
next_recall_stability (const WendaScheduler *self,
                       double                difficulty,
                       double                stability,
                       double                retrievability,
                       WendaRating           rating)
{
  double hard_penalty = rating == WENDA_RATING_HARD ? self->w[15] : 1.0;
  double easy_bonus = rating == WENDA_RATING_EASY ? self->w[16] : 1.0;

  return stability * (1.0
                      + exp (self->w[8])
                        * (11.0 - difficulty)
                        * pow (stability, -self->w[9])
                        * (exp ((1.0 - retrievability) * self->w[10]) - 1.0)
                        * hard_penalty
                        * easy_bonus);
}

static double
next_stability (const WendaScheduler *self,
                double                difficulty,
                double                stability,
                double                retrievability,
                WendaRating           rating)
{
  double next;

  if (rating == WENDA_RATING_AGAIN)
    next = next_forget_stability (self, difficulty, stability, retrievability);
  else
    next = next_recall_stability (self, difficulty, stability, retrievability, rating);

  return clamp_stability (next);
}

static double
forgetting_curve (const WendaScheduler *self,
                  double                elapsed_days,
                  double                stability)
{
  return pow (1.0 + self->factor * elapsed_days / stability, self->decay);
}

/* Days until the retrievability falls to the desired retention */
static gint64
next_interval_days (const WendaScheduler *self,
                    double                stability)
{
  double days = stability / self->factor
                * (pow (self->desired_retention, 1.0 / self->decay) - 1.0);

  days = round_half_even (days);
  days = MAX (days, 1.0);
  days = MIN (days, (double) self->maximum_interval);

  return (gint64) days;
}

/* The whole days a review interval of @days may be fuzzed to.  Intervals
 * of 2 days or less are not fuzzed. */
static void
fuzz_range (const WendaScheduler *self,
            gint64                days,
            gint64               *min_days,
            gint64               *max_days)
{
  double delta = 1.0;
  gint64 lo, hi;

  for (guint i = 0; i < G_N_ELEMENTS (fuzz_ranges); i++)
    delta += fuzz_ranges[i].factor
             * MAX (MIN ((double) days, fuzz_ranges[i].end) - fuzz_ranges[i].start, 0.0);

  lo = (gint64) round_half_even (days - delta);
  hi = (gint64) round_half_even (days + delta);
  lo = MAX (lo, 2);
  hi = MIN (hi, (gint64) self->maximum_interval);
  lo = MIN (lo, hi);

  *min_days = lo;
  *max_days = hi;
}

/* A number in [0, 1) from @seed alone (SplitMix64's output function), so
 * that the same card, grade and seed always fuzz alike, with no global
 * random state. */
static double
seed_to_unit (guint32 seed)
{
  guint64 z = (guint64) seed + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;

  return (double) (z >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);
}

static gint64
fuzz_interval (const WendaScheduler *self,
               gint64                seconds,
               guint32               seed)
{
  gint64 days = whole_days (seconds);
  gint64 min_days, max_days, fuzzed;

  if (days < 3)
    return seconds;

  fuzz_range (self, days, &min_days, &max_days);
  fuzzed = min_days + (gint64) (seed_to_unit (seed) * (double) (max_days - min_days + 1));
  fuzzed = MIN (fuzzed, max_days);

  return fuzzed * SECONDS_PER_DAY;
}

/* }}} */

static gint64
review_interval (const WendaScheduler *self,
                 double                stability)
{
  return next_interval_days (self, stability) * SECONDS_PER_DAY;
}

/* The interval of a Hard answer at @step: between the first two steps at
 * the first one (half again the only step if there is one), else the
 * current step again. */
static gint64
hard_step_interval (const gint64 *steps,
                    gsize         n_steps,
                    guint         step)
{
  if (step == 0 && n_steps == 1)
    return (gint64) round_half_even (steps[0] * 1.5);
  else if (step == 0 && n_steps >= 2)
    return (gint64) round_half_even ((steps[0] + steps[1]) / 2.0);
  else
    return steps[step];
}

/* The learning and relearning states share their step logic; only the
 * list of steps differs.  Returns the interval in seconds and moves
 * @card to its next state and step. */
static gint64
advance_steps (const WendaScheduler *self,
               WendaCard            *card,
               const gint64         *steps,
               gsize                 n_steps,
               WendaRating           rating)
{
  /* No steps, or more steps done than this scheduler has (a card from one
   * with more steps): any pass graduates. */
  if (n_steps == 0 || (card->step >= n_steps && rating != WENDA_RATING_AGAIN))
    {
      card->state = WENDA_CARD_STATE_REVIEW;
      card->step = 0;
      return review_interval (self, card->stability);
    }

  switch (rating)
    {
    case WENDA_RATING_AGAIN:
      card->step = 0;
      return steps[0];

    case WENDA_RATING_HARD:
      return hard_step_interval (steps, n_steps, card->step);

    case WENDA_RATING_GOOD:
      if (card->step + 1 < n_steps)
        {
          card->step++;
          return steps[card->step];
        }
      card->state = WENDA_CARD_STATE_REVIEW;
      card->step = 0;
      return review_interval (self, card->stability);

    case WENDA_RATING_EASY:
    default:
      card->state = WENDA_CARD_STATE_REVIEW;
      card->step = 0;
      return review_interval (self, card->stability);
    }
}

void
wenda_scheduler_review (const WendaScheduler *self,
                        const WendaCard      *card,
                        WendaRating           rating,
                        gint64                now,
                        guint32               fuzz_seed,
                        WendaCard            *out_card,
                        WendaReview          *out_review)
{
  WendaCard next;
  WendaCardState old_state;
  gboolean reviewed_before;
  gint64 elapsed_seconds = 0;
  gint64 interval;

  g_return_if_fail (self != NULL);
  g_return_if_fail (card != NULL);
  g_return_if_fail (rating >= WENDA_RATING_AGAIN && rating <= WENDA_RATING_EASY);
  g_return_if_fail (out_card != NULL);

  /* @out_card may be @card: work on a copy */
  next = *card;
  old_state = card->state;
  reviewed_before = card->last_review != 0;
  if (reviewed_before)
    elapsed_seconds = now - card->last_review;

  if (next.state == WENDA_CARD_STATE_NEW)
    {
      next.state = WENDA_CARD_STATE_LEARNING;
      next.step = 0;
    }

  /* The memory state */
  if (old_state == WENDA_CARD_STATE_NEW
      || !(card->stability > 0.0) || !(card->difficulty > 0.0))
    {
      next.stability = initial_stability (self, rating);
      next.difficulty = clamp_difficulty (initial_difficulty_unclamped (self, rating));
    }
  else
    {
      /* Less than a whole day after the last review is short-term memory,
       * with its own formula.  With no last review, py-fsrs takes the
       * long-term one at R = 0, and so do we. */
      if (reviewed_before && whole_days (elapsed_seconds) < 1)
        next.stability = short_term_stability (self, card->stability, rating);
      else
        next.stability = next_stability (self, card->difficulty, card->stability,
                                         wenda_scheduler_retrievability (self, card, now),
                                         rating);
      next.difficulty = next_difficulty (self, card->difficulty, rating);
    }

  /* The next state and interval */
  switch (next.state)
    {
    case WENDA_CARD_STATE_LEARNING:
      interval = advance_steps (self, &next, self->learning_steps,
                                self->n_learning_steps, rating);
      break;

    case WENDA_CARD_STATE_RELEARNING:
      interval = advance_steps (self, &next, self->relearning_steps,
                                self->n_relearning_steps, rating);
      break;

    case WENDA_CARD_STATE_NEW:     /* made learning above */
    case WENDA_CARD_STATE_REVIEW:
    default:
      next.state = WENDA_CARD_STATE_REVIEW;
      next.step = 0;
      if (rating == WENDA_RATING_AGAIN)
        {
          next.lapses++;
          if (self->n_relearning_steps > 0)
            {
              next.state = WENDA_CARD_STATE_RELEARNING;
              interval = self->relearning_steps[0];
              break;
            }
        }
      interval = review_interval (self, next.stability);
      break;
    }

  if (self->fuzz && next.state == WENDA_CARD_STATE_REVIEW)
    interval = fuzz_interval (self, interval, fuzz_seed);

  next.due = now + interval;
  next.last_review = now;
  next.reps++;

  if (out_review != NULL)
    {
      out_review->time = now;
      out_review->rating = rating;
      out_review->state = old_state;
      /* Exact, not floored like the days the math uses: the log keeps what
       * happened, and whole days can be had from it. */
      out_review->elapsed_days = reviewed_before
                                 ? MAX (elapsed_seconds, 0) / (double) SECONDS_PER_DAY
                                 : 0.0;
      out_review->interval = interval;
    }

  *out_card = next;
}

double
wenda_scheduler_retrievability (const WendaScheduler *self,
                                const WendaCard      *card,
                                gint64                now)
{
  gint64 elapsed_days;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (card != NULL, 0.0);

  if (card->state == WENDA_CARD_STATE_NEW
      || card->last_review == 0
      || !(card->stability > 0.0))
    return 0.0;

  elapsed_days = MAX (whole_days (now - card->last_review), 0);

  return forgetting_curve (self, (double) elapsed_days, card->stability);
}

static const char * const state_nicks[] = {
  [WENDA_CARD_STATE_NEW] = "new",
  [WENDA_CARD_STATE_LEARNING] = "learning",
  [WENDA_CARD_STATE_REVIEW] = "review",
  [WENDA_CARD_STATE_RELEARNING] = "relearning",
};

const char *
wenda_card_state_to_nick (WendaCardState state)
{
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_nicks), NULL);

  return state_nicks[state];
}

gboolean
wenda_card_state_from_nick (const char     *nick,
                            WendaCardState *state)
{
  g_return_val_if_fail (nick != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (state_nicks); i++)
    {
      if (g_str_equal (nick, state_nicks[i]))
        {
          if (state != NULL)
            *state = (WendaCardState) i;
          return TRUE;
        }
    }

  return FALSE;
}

/* @value with one decimal, without a trailing ".0" */
static char *
format_tenths (double value)
{
  double tenths = round (value * 10.0);

  if (fmod (tenths, 10.0) == 0.0)
    return g_strdup_printf ("%'.0f", tenths / 10.0);
  else
    return g_strdup_printf ("%'.1f", tenths / 10.0);
}

char *
wenda_format_interval (gint64 seconds)
{
  double days;

  seconds = MAX (seconds, 0);

  /* Each unit is used while the rounded number stays below the next unit,
   * so 59.6 minutes reads "1 h", not "60 min". */
  if (seconds < 60 * 60 - 30)
    {
      guint minutes = (guint) MAX ((seconds + 30) / 60, 1);

      /* Translators: a study grade button's interval in minutes; keep it short */
      return g_strdup_printf (C_("interval", "%u min"), minutes);
    }

  if (seconds < SECONDS_PER_DAY - 30 * 60)
    {
      guint hours = (guint) ((seconds + 30 * 60) / 3600);

      /* Translators: a study grade button's interval in hours; keep it short */
      return g_strdup_printf (C_("interval", "%u h"), hours);
    }

  days = seconds / (double) SECONDS_PER_DAY;

  if (days < 29.5)
    {
      guint whole = (guint) round (days);

      /* Translators: a study grade button's interval in days; keep it short */
      return g_strdup_printf (C_("interval", "%u d"), whole);
    }

  if (days < 365.0)
    {
      g_autofree char *months = format_tenths (days / 30.0);

      /* Translators: a study grade button's interval in months of 30 days,
       * %s being a number like "2" or "2.5"; keep it short */
      return g_strdup_printf (C_("interval", "%s mo"), months);
    }
  else
    {
      g_autofree char *years = format_tenths (days / 365.0);

      /* Translators: a study grade button's interval in years of 365 days,
       * %s being a number like "1" or "1.1"; keep it short */
      return g_strdup_printf (C_("interval", "%s y"), years);
    }
}

/* The clock {{{ */

G_LOCK_DEFINE_STATIC (clock);
static WendaClockFunc clock_func;
static gpointer clock_data;

enum
{
  TEST_NOW_UNSET = 1,
  TEST_NOW_SET,
};

static gint64 test_now;

/* WENDA_TEST_NOW, read at the first call and kept: 0 when it is unset or
 * not a date (which is said once). */
static gboolean
get_test_now (gint64 *now)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      const char *value = g_getenv ("WENDA_TEST_NOW");
      gsize result = TEST_NOW_UNSET;

      if (value != NULL && value[0] != '\0')
        {
          g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
          g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (value, utc);

          if (parsed != NULL)
            {
              test_now = g_date_time_to_unix (parsed);
              result = TEST_NOW_SET;
            }
          else
            g_warning ("WENDA_TEST_NOW=%s is not an ISO 8601 date and time; "
                       "using the real time", value);
        }

      g_once_init_leave (&once, result);
    }

  if (once != TEST_NOW_SET)
    return FALSE;

  *now = test_now;
  return TRUE;
}

gint64
wenda_clock_now (void)
{
  WendaClockFunc func;
  gpointer data;
  gint64 now;

  G_LOCK (clock);
  func = clock_func;
  data = clock_data;
  G_UNLOCK (clock);

  if (func != NULL)
    return func (data);

  if (get_test_now (&now))
    return now;

  return g_get_real_time () / G_USEC_PER_SEC;
}

void
wenda_clock_set_func (WendaClockFunc func,
                      gpointer       user_data)
{
  G_LOCK (clock);
  clock_func = func;
  clock_data = func != NULL ? user_data : NULL;
  G_UNLOCK (clock);
}

/* }}} */
