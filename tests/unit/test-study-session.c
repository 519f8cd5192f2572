/* test-study-session.c: which cards a study session shows, and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "test-util.h"
#include "wenda-study-session.h"

/* 2026-11-29 09:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1795942800)
#define DAY (24 * 60 * 60)

typedef struct
{
  char            *dir;
  WendaStudyStore *store;
  WendaScheduler  *scheduler;
  WendaBank       *bank;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("wenda-session-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "study.json", NULL);
  f->store = wenda_study_store_new (path);
  g_assert_true (wenda_study_store_load (f->store, &error));
  g_assert_no_error (error);
  f->scheduler = wenda_scheduler_new ();
  f->bank = unit_load_bundled ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "study.json", NULL);

  g_clear_object (&f->bank);
  g_clear_pointer (&f->scheduler, wenda_scheduler_free);
  g_clear_object (&f->store);
  g_remove (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static WendaQaItem *
item_number (Fixture *f,
             guint    number)
{
  return wenda_bank_lookup_number (f->bank, number);
}

static void
set_review_card (Fixture *f,
                 guint    number,
                 gint64   due)
{
  WendaCard card;

  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_REVIEW;
  card.stability = 5;
  card.difficulty = 5;
  card.due = due;
  card.last_review = due - 5 * DAY;
  card.reps = 3;
  wenda_study_store_set_card (f->store, wenda_qa_item_get_id (item_number (f, number)), &card);
}

/* With nothing studied, every item is new: the session takes all 30 in
 * the bank's order. */
static void
test_new_cards_in_order (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(WendaStudySession) session =
    wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (f->bank), T0);

  g_assert_cmpuint (wenda_study_session_get_n_total (session), ==, 30);
  g_assert_cmpuint (wenda_study_session_get_n_left (session), ==, 30);
  g_assert_cmpuint (wenda_qa_item_get_number (wenda_study_session_get_current (session)), ==, 1);
  g_assert_cmpint (wenda_study_session_get_current_state (session), ==, WENDA_CARD_STATE_NEW);
}

/* Cards under review come first, the most overdue first; cards not yet due
 * stay out; new cards follow in order. */
static void
test_due_order (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GListStore) items = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaStudySession) session = NULL;
  guint expected[] = { 7, 3, 5, 2, 9 };

  for (guint n = 2; n <= 9; n++)
    g_list_store_append (items, item_number (f, n));

  set_review_card (f, 3, T0 - 2 * DAY);
  set_review_card (f, 5, T0 - 1);
  set_review_card (f, 7, T0 - 3 * DAY);
  set_review_card (f, 4, T0 + 2 * DAY);   /* not due */
  set_review_card (f, 6, T0 + 1);         /* not due, by a second */
  set_review_card (f, 8, T0 + DAY);       /* not due */

  session = wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (items), T0);
  g_assert_cmpuint (wenda_study_session_get_n_total (session), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      WendaQaItem *current = wenda_study_session_get_current (session);

      g_assert_nonnull (current);
      g_assert_cmpuint (wenda_qa_item_get_number (current), ==, expected[i]);
      /* Easy sends every card days away: none comes back. */
      g_assert_true (wenda_study_session_grade (session, WENDA_RATING_EASY, T0, NULL));
      wenda_study_session_advance (session, T0);
    }

  g_assert_null (wenda_study_session_get_current (session));
  g_assert_cmpuint (wenda_study_session_get_n_left (session), ==, 0);
}

/* The labels on the buttons are what grading gives. */
static void
test_preview_matches_grade (Fixture       *f,
                            gconstpointer  data)
{
  for (WendaRating rating = WENDA_RATING_AGAIN; rating <= WENDA_RATING_EASY; rating++)
    {
      g_autoptr(WendaStudySession) session =
        wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (f->bank), T0);
      WendaQaItem *item = wenda_study_session_get_current (session);
      gint64 preview = wenda_study_session_preview (session, rating, T0);
      WendaCard card;

      g_assert_true (wenda_study_session_grade (session, rating, T0, NULL));
      wenda_study_store_get_card (f->store, wenda_qa_item_get_id (item), &card);
      g_assert_cmpint (card.due - T0, ==, preview);

      /* Start the next rating from a new card again. */
      wenda_card_init (&card);
      wenda_study_store_set_card (f->store, wenda_qa_item_get_id (item), &card);
    }
}

/* A new card's intervals grow from Again to Easy, and Easy graduates it. */
static void
test_preview_order (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(WendaStudySession) session =
    wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (f->bank), T0);
  gint64 again = wenda_study_session_preview (session, WENDA_RATING_AGAIN, T0);
  gint64 hard = wenda_study_session_preview (session, WENDA_RATING_HARD, T0);
  gint64 good = wenda_study_session_preview (session, WENDA_RATING_GOOD, T0);
  gint64 easy = wenda_study_session_preview (session, WENDA_RATING_EASY, T0);

  g_assert_cmpint (again, ==, 60);
  g_assert_cmpint (again, <, hard);
  g_assert_cmpint (hard, <, good);
  g_assert_cmpint (good, ==, 600);
  g_assert_cmpint (easy, >=, DAY);
}

/* Good on a new card sets a 10-minute step: the card comes back in the
 * same session (learn ahead), and a second Good graduates it. */
static void
test_learning_cards_come_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListStore) items = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaStudySession) session = NULL;
  g_autoptr(GError) error = NULL;
  guint seen[4] = { 0 };
  guint n = 0;

  g_list_store_append (items, item_number (f, 1));
  g_list_store_append (items, item_number (f, 2));
  session = wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (items), T0);

  while (wenda_study_session_get_current (session) != NULL)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (seen));
      seen[n++] = wenda_qa_item_get_number (wenda_study_session_get_current (session));
      wenda_study_session_grade (session, WENDA_RATING_GOOD, T0 + n, &error);
      g_assert_no_error (error);
      wenda_study_session_advance (session, T0 + n);
    }

  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (seen[0], ==, 1);
  g_assert_cmpuint (seen[1], ==, 2);
  g_assert_cmpuint (seen[2], ==, 1);
  g_assert_cmpuint (seen[3], ==, 2);
  g_assert_cmpuint (wenda_study_session_get_n_reviewed (session), ==, 4);
  g_assert_cmpuint (wenda_study_session_get_n_correct (session), ==, 4);

  /* Both graduated: due a day or more after the session. */
  g_assert_cmpint (wenda_study_session_next_due (session, G_LIST_MODEL (items)), >=, T0 + DAY);
}

/* Again counts as a review but not as correct, and the card comes back. */
static void
test_again_not_correct (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListStore) items = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaStudySession) session = NULL;

  g_list_store_append (items, item_number (f, 12));
  session = wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (items), T0);

  wenda_study_session_grade (session, WENDA_RATING_AGAIN, T0, NULL);
  g_assert_true (wenda_study_session_advance (session, T0));
  g_assert_cmpuint (wenda_qa_item_get_number (wenda_study_session_get_current (session)), ==, 12);
  wenda_study_session_grade (session, WENDA_RATING_EASY, T0 + 60, NULL);
  g_assert_false (wenda_study_session_advance (session, T0 + 60));

  g_assert_cmpuint (wenda_study_session_get_n_reviewed (session), ==, 2);
  g_assert_cmpuint (wenda_study_session_get_n_correct (session), ==, 1);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (f->store), ==, 2);
}

/* A card due beyond the learn-ahead limit waits for another session. */
static void
test_learn_ahead_limit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListStore) items = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaStudySession) session = NULL;
  WendaCard card;

  g_list_store_append (items, item_number (f, 3));
  session = wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (items), T0);
  wenda_study_session_grade (session, WENDA_RATING_AGAIN, T0, NULL);

  /* Pretend the step were longer than the limit. */
  wenda_study_store_get_card (f->store, wenda_qa_item_get_id (item_number (f, 3)), &card);
  card.due = T0 + WENDA_STUDY_LEARN_AHEAD + 1;
  wenda_study_store_set_card (f->store, wenda_qa_item_get_id (item_number (f, 3)), &card);

  g_assert_false (wenda_study_session_advance (session, T0));
  g_assert_cmpint (wenda_study_session_next_due (session, G_LIST_MODEL (items)), ==,
                   T0 + WENDA_STUDY_LEARN_AHEAD + 1);
}

/* Advancing without a grade keeps the card. */
static void
test_advance_keeps_ungraded (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WendaStudySession) session =
    wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (f->bank), T0);

  g_assert_true (wenda_study_session_advance (session, T0));
  g_assert_cmpuint (wenda_qa_item_get_number (wenda_study_session_get_current (session)), ==, 1);
  g_assert_cmpuint (wenda_study_session_get_n_left (session), ==, 30);
}

/* Grades are saved as they are given: a second store reading the file
 * sees them. */
static void
test_grades_are_saved (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(WendaStudySession) session =
    wenda_study_session_new (f->store, f->scheduler, G_LIST_MODEL (f->bank), T0);
  g_autoptr(WendaStudyStore) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *id = wenda_qa_item_get_id (wenda_study_session_get_current (session));
  WendaCard card;

  g_assert_true (wenda_study_session_grade (session, WENDA_RATING_HARD, T0, &error));
  g_assert_no_error (error);

  again = wenda_study_store_new (wenda_study_store_get_path (f->store));
  g_assert_true (wenda_study_store_load (again, &error));
  g_assert_no_error (error);
  wenda_study_store_get_card (again, id, &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_LEARNING);
  g_assert_cmpint (card.last_review, ==, T0);
  g_assert_cmpuint (wenda_study_store_get_n_reviews (again), ==, 1);
}

/* The sidebar's filters: each shows what its name says, and no more. */
static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  static const struct {
    guint    number;
    gboolean all, starred, due, new;
  } cases[] = {
    { 1, TRUE, FALSE, FALSE, TRUE },   /* never studied */
    { 2, TRUE, TRUE,  FALSE, TRUE },   /* starred, new */
    { 3, TRUE, FALSE, TRUE,  FALSE },  /* overdue */
    { 4, TRUE, TRUE,  FALSE, FALSE },  /* starred, due tomorrow */
    { 5, TRUE, FALSE, TRUE,  FALSE },  /* due this very second */
  };

  wenda_study_store_set_starred (f->store, wenda_qa_item_get_id (item_number (f, 2)), TRUE);
  wenda_study_store_set_starred (f->store, wenda_qa_item_get_id (item_number (f, 4)), TRUE);
  set_review_card (f, 3, T0 - DAY);
  set_review_card (f, 4, T0 + DAY);
  set_review_card (f, 5, T0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *id = wenda_qa_item_get_id (item_number (f, cases[i].number));

      g_test_message ("topic %u", cases[i].number);
      g_assert_cmpint (wenda_study_filter_matches (WENDA_STUDY_FILTER_ALL, f->store, id, T0), ==, cases[i].all);
      g_assert_cmpint (wenda_study_filter_matches (WENDA_STUDY_FILTER_STARRED, f->store, id, T0), ==, cases[i].starred);
      g_assert_cmpint (wenda_study_filter_matches (WENDA_STUDY_FILTER_DUE, f->store, id, T0), ==, cases[i].due);
      g_assert_cmpint (wenda_study_filter_matches (WENDA_STUDY_FILTER_NEW, f->store, id, T0), ==, cases[i].new);
    }

  /* A day later, topic 4 is due too. */
  g_assert_true (wenda_study_filter_matches (WENDA_STUDY_FILTER_DUE, f->store,
                                             wenda_qa_item_get_id (item_number (f, 4)), T0 + DAY));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Wenda/StudySession/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("new-cards-in-order", test_new_cards_in_order);
  ADD ("due-order", test_due_order);
  ADD ("preview-matches-grade", test_preview_matches_grade);
  ADD ("preview-order", test_preview_order);
  ADD ("learning-cards-come-back", test_learning_cards_come_back);
  ADD ("again-not-correct", test_again_not_correct);
  ADD ("learn-ahead-limit", test_learn_ahead_limit);
  ADD ("advance-keeps-ungraded", test_advance_keeps_ungraded);
  ADD ("grades-are-saved", test_grades_are_saved);
  ADD ("filters", test_filters);
#undef ADD

  return g_test_run ();
}
