/* wenda-study-session.c: one sitting of study over a set of items
 *
 * A session takes the items that are due (or new) when it starts, reviews
 * cards first, by due date, then new cards in their order.  A card graded
 * into a short (re)learning step comes back in the same session once it is
 * due, or early if nothing else is left and it is due within
 * WENDA_STUDY_LEARN_AHEAD, as Anki does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-study-session.h"

struct _WendaStudySession
{
  GObject          parent_instance;

  /* Owned references */
  WendaStudyStore *store;
  WendaScheduler  *scheduler;
  WendaScheduler  *preview_scheduler;  /* the same, with no fuzz */
  GPtrArray       *queue;              /* WendaQaItem, waiting */
  WendaQaItem     *current;

  guint            n_total;
  guint            n_reviewed;
  guint            n_correct;
};

G_DEFINE_FINAL_TYPE (WendaStudySession, wenda_study_session, G_TYPE_OBJECT)

typedef struct
{
  WendaQaItem *item;
  WendaCard    card;
  guint        position;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a;
  const Candidate *cb = b;
  gboolean new_a = ca->card.state == WENDA_CARD_STATE_NEW;
  gboolean new_b = cb->card.state == WENDA_CARD_STATE_NEW;

  /* Cards under review first, the longest overdue first; then new cards
   * in the bank's order. */
  if (new_a != new_b)
    return new_a ? 1 : -1;
  if (!new_a && ca->card.due != cb->card.due)
    return ca->card.due < cb->card.due ? -1 : 1;
  return ca->position < cb->position ? -1 : (ca->position > cb->position);
}

static void
wenda_study_session_finalize (GObject *object)
{
  WendaStudySession *self = (WendaStudySession *)object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->scheduler, wenda_scheduler_free);
  g_clear_pointer (&self->preview_scheduler, wenda_scheduler_free);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (wenda_study_session_parent_class)->finalize (object);
}

static void
wenda_study_session_class_init (WendaStudySessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_study_session_finalize;
}

static void
wenda_study_session_init (WendaStudySession *self)
{
  self->queue = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * wenda_study_session_new:
 * @store: where the cards are kept, and where grades are saved
 * @scheduler: the scheduler to grade with (copied)
 * @items: a list of #WendaQaItem: the items the user chose to study
 * @now: the time the session starts
 *
 * Takes the items of @items that are new or due at @now, and makes the
 * first of them current.
 */
WendaStudySession *
wenda_study_session_new (WendaStudyStore      *store,
                         const WendaScheduler *scheduler,
                         GListModel           *items,
                         gint64                now)
{
  g_autoptr(GArray) candidates = NULL;
  WendaStudySession *self;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_STUDY_STORE (store), NULL);
  g_return_val_if_fail (scheduler != NULL, NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (WENDA_TYPE_STUDY_SESSION, NULL);
  self->store = g_object_ref (store);
  self->scheduler = wenda_scheduler_copy (scheduler);
  self->preview_scheduler = wenda_scheduler_copy (scheduler);
  wenda_scheduler_set_fuzz (self->preview_scheduler, FALSE);

  n_items = g_list_model_get_n_items (items);
  candidates = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (items, i);
      Candidate candidate = { .item = item, .position = i };

      g_return_val_if_fail (WENDA_IS_QA_ITEM (item), self);

      wenda_study_store_get_card (store, wenda_qa_item_get_id (item), &candidate.card);
      if (candidate.card.state == WENDA_CARD_STATE_NEW || wenda_card_is_due (&candidate.card, now))
        g_array_append_val (candidates, candidate);
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (self->queue, g_object_ref (g_array_index (candidates, Candidate, i).item));

  self->n_total = self->queue->len;
  wenda_study_session_advance (self, now);

  return self;
}

static gint64
card_due (WendaStudySession *self,
          WendaQaItem       *item)
{
  WendaCard card;

  wenda_study_store_get_card (self->store, wenda_qa_item_get_id (item), &card);
  return card.state == WENDA_CARD_STATE_NEW ? G_MININT64 : card.due;
}

/**
 * wenda_study_session_advance:
 *
 * Makes the next card current: the first in the queue that is due at
 * @now; if none is, the one due soonest, if that is within the learn-ahead
 * limit.
 *
 * Returns: %FALSE when the session is over
 */
gboolean
wenda_study_session_advance (WendaStudySession *self,
                             gint64             now)
{
  guint best = G_MAXUINT;
  gint64 best_due = G_MAXINT64;

  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), FALSE);

  /* A current card that was not graded goes back where it was taken. */
  if (self->current != NULL)
    g_ptr_array_insert (self->queue, 0, g_steal_pointer (&self->current));

  for (guint i = 0; i < self->queue->len; i++)
    {
      gint64 due = card_due (self, g_ptr_array_index (self->queue, i));

      if (due <= now)
        {
          best = i;
          break;
        }
      if (due < best_due)
        {
          best = i;
          best_due = due;
        }
    }

  if (best != G_MAXUINT &&
      (best_due == G_MAXINT64 || best_due - now <= WENDA_STUDY_LEARN_AHEAD))
    self->current = g_ptr_array_steal_index (self->queue, best);

  return self->current != NULL;
}

WendaQaItem *
wenda_study_session_get_current (WendaStudySession *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), NULL);

  return self->current;
}

WendaCardState
wenda_study_session_get_current_state (WendaStudySession *self)
{
  WendaCard card;

  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), WENDA_CARD_STATE_NEW);
  g_return_val_if_fail (self->current != NULL, WENDA_CARD_STATE_NEW);

  wenda_study_store_get_card (self->store, wenda_qa_item_get_id (self->current), &card);
  return card.state;
}

/**
 * wenda_study_session_preview:
 *
 * Returns: the interval, in seconds, that grading the current card with
 *   @rating at @now would give, before any fuzz (Anki's buttons show the
 *   same)
 */
gint64
wenda_study_session_preview (WendaStudySession *self,
                             WendaRating        rating,
                             gint64             now)
{
  WendaCard card, next;

  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);
  g_return_val_if_fail (self->current != NULL, 0);
  g_return_val_if_fail (rating >= WENDA_RATING_AGAIN && rating <= WENDA_RATING_EASY, 0);

  wenda_study_store_get_card (self->store, wenda_qa_item_get_id (self->current), &card);
  wenda_scheduler_review (self->preview_scheduler, &card, rating, now, 0, &next, NULL);

  return next.due - now;
}

/**
 * wenda_study_session_grade:
 *
 * Grades the current card and saves.  The card leaves the session, or
 * comes back later in it if it is due again soon.  Call
 * wenda_study_session_advance() for the next card.
 *
 * Returns: %FALSE if the grade could not be saved (it still counts, and
 *   stays in memory)
 */
gboolean
wenda_study_session_grade (WendaStudySession  *self,
                           WendaRating         rating,
                           gint64              now,
                           GError            **error)
{
  g_autoptr(WendaQaItem) item = NULL;
  WendaCard card;
  gboolean saved;

  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), FALSE);
  g_return_val_if_fail (self->current != NULL, FALSE);
  g_return_val_if_fail (rating >= WENDA_RATING_AGAIN && rating <= WENDA_RATING_EASY, FALSE);

  item = g_steal_pointer (&self->current);
  saved = wenda_study_store_grade (self->store, self->scheduler, wenda_qa_item_get_id (item),
                                   rating, now, NULL, error);
  /* The store's card is the truth (a grade it refused leaves the old one). */
  wenda_study_store_get_card (self->store, wenda_qa_item_get_id (item), &card);

  self->n_reviewed++;
  if (rating != WENDA_RATING_AGAIN)
    self->n_correct++;

  if (card.state != WENDA_CARD_STATE_REVIEW && card.due - now <= WENDA_STUDY_LEARN_AHEAD)
    g_ptr_array_add (self->queue, g_steal_pointer (&item));

  return saved;
}

/* The cards the session started with. */
guint
wenda_study_session_get_n_total (WendaStudySession *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);

  return self->n_total;
}

/* The cards still to see, the current one included. */
guint
wenda_study_session_get_n_left (WendaStudySession *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);

  return self->queue->len + (self->current != NULL);
}

guint
wenda_study_session_get_n_reviewed (WendaStudySession *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);

  return self->n_reviewed;
}

/* Grades other than Again. */
guint
wenda_study_session_get_n_correct (WendaStudySession *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);

  return self->n_correct;
}

/**
 * wenda_study_session_next_due:
 * @items: the items to look at (all of the bank, usually)
 *
 * Returns: the earliest due date of the cards of @items that have been
 *   studied, or 0 if none has
 */
gint64
wenda_study_session_next_due (WendaStudySession *self,
                              GListModel        *items)
{
  gint64 next = 0;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_STUDY_SESSION (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), 0);

  n_items = g_list_model_get_n_items (items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (items, i);
      WendaCard card;

      wenda_study_store_get_card (self->store, wenda_qa_item_get_id (item), &card);
      if (card.state != WENDA_CARD_STATE_NEW && (next == 0 || card.due < next))
        next = card.due;
    }

  return next;
}

/**
 * wenda_study_filter_matches:
 *
 * Whether the sidebar's @filter shows the item @id at @now.  "Due" is a
 * card that has been studied and is due; a new card is "New", not "Due".
 */
gboolean
wenda_study_filter_matches (WendaStudyFilter  filter,
                            WendaStudyStore  *store,
                            const char       *id,
                            gint64            now)
{
  WendaCard card;

  g_return_val_if_fail (WENDA_IS_STUDY_STORE (store), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  switch (filter)
    {
    case WENDA_STUDY_FILTER_ALL:
      return TRUE;

    case WENDA_STUDY_FILTER_STARRED:
      return wenda_study_store_get_starred (store, id);

    case WENDA_STUDY_FILTER_DUE:
      wenda_study_store_get_card (store, id, &card);
      return card.state != WENDA_CARD_STATE_NEW && wenda_card_is_due (&card, now);

    case WENDA_STUDY_FILTER_NEW:
      wenda_study_store_get_card (store, id, &card);
      return card.state == WENDA_CARD_STATE_NEW;

    default:
      g_return_val_if_reached (FALSE);
    }
}
