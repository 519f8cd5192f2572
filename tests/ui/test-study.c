/* test-study.c: study mode, stars and filters, driven with real keys and
 * clicks, with the clock under the test's control
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-bar-chart.h"
#include "wenda-detail-view.h"
#include "wenda-progress-view.h"
#include "wenda-study-view.h"
#include "wenda-window.h"

/* 2026-11-29 09:00:00 UTC */
#define T0 G_GINT64_CONSTANT (1795942800)
#define DAY (24 * 60 * 60)

static WendaApplication *app;
static WendaWindow *window;
static WendaBank *bank;
static WendaStudyStore *store;
static gint64 now = T0;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define STUDY(name) ui_template_child (ui_find_widget (window, WENDA_TYPE_STUDY_VIEW), WENDA_TYPE_STUDY_VIEW, name)
#define CARD(name) ui_template_child (STUDY ("card_view"), WENDA_TYPE_DETAIL_VIEW, name)
#define PROGRESS(name) ui_template_child (ui_find_widget (window, WENDA_TYPE_PROGRESS_VIEW), WENDA_TYPE_PROGRESS_VIEW, name)

static gint64
fake_clock (gpointer user_data)
{
  return now;
}

/* The button of a filter of the topic list: a toggle of the group, whose
 * child is the label the window keeps. */
static GtkWidget *
filter_button (const char *name)
{
  g_autofree char *label = g_strdup_printf ("filter_%s_label", name);

  return gtk_widget_get_parent (WIN (label));
}

static const char *
text_of (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

static const char *
content_page (void)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (WIN ("detail_stack")));
}

static const char *
study_page (void)
{
  return gtk_stack_get_visible_child_name (GTK_STACK (STUDY ("stack")));
}

static const char *
id_of (guint number)
{
  return wenda_qa_item_get_id (wenda_bank_lookup_number (bank, number));
}

static guint
card_number (void)
{
  WendaQaItem *item = wenda_study_view_get_current_item (WENDA_STUDY_VIEW (ui_find_widget (window, WENDA_TYPE_STUDY_VIEW)));

  return item ? wenda_qa_item_get_number (item) : 0;
}

static gboolean
answer_shown (void)
{
  return gtk_widget_get_visible (CARD ("answer_heading")) &&
         gtk_widget_get_mapped (CARD ("answer_view"));
}

static GListModel *
list_model (void)
{
  return G_LIST_MODEL (ui_template_object (window, WENDA_TYPE_WINDOW, "selection"));
}

static guint
list_count (void)
{
  return g_list_model_get_n_items (list_model ());
}

static gboolean
list_has (guint number)
{
  GListModel *model = list_model ();

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);

      if (wenda_qa_item_get_number (item) == number)
        return TRUE;
    }

  return FALSE;
}

/* Reads the study file back from disk, as the next start would. */
static WendaStudyStore *
reload_store (void)
{
  g_autofree char *path = ui_study_file ();
  g_autoptr(GError) error = NULL;
  WendaStudyStore *copy = wenda_study_store_new (path);

  g_assert_true (wenda_study_store_load (copy, &error));
  g_assert_no_error (error);
  return copy;
}

static void
open_topic (guint number)
{
  ui_show_topic (window, number);
}

/* Before any review, the progress page says so, and offers to start. */
static void
test_progress_empty (void)
{
  ui_keys (GTK_WINDOW (window), "ctrl+i");
  ui_assert_eventually (g_strcmp0 (content_page (), "progress") == 0);
  g_assert_true (wenda_progress_view_is_empty (WENDA_PROGRESS_VIEW (ui_find_widget (window, WENDA_TYPE_PROGRESS_VIEW))));
  g_assert_true (gtk_widget_get_mapped (PROGRESS ("empty_study_button")));

  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
}

/* Ctrl+D stars the open topic, the Starred filter shows it, and the
 * filter combines with the search.  The counts follow. */
static void
test_star_and_filter (void)
{
  g_autoptr(WendaStudyStore) saved = NULL;

  open_topic (3);
  g_assert_false (wenda_study_store_get_starred (store, id_of (3)));
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (wenda_study_store_get_starred (store, id_of (3)));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (WIN ("star_button"))), ==, "starred-symbolic");
  g_assert_cmpstr (text_of (WIN ("filter_starred_label")), ==, "Starred 1");

  /* The star button, with the mouse, on topic 7. */
  open_topic (7);
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (WIN ("star_button"))), ==, "non-starred-symbolic");
  ui_click (WIN ("star_button"));
  ui_assert_eventually (wenda_study_store_get_starred (store, id_of (7)));
  g_assert_cmpstr (text_of (WIN ("filter_starred_label")), ==, "Starred 2");

  /* Saved at once. */
  saved = reload_store ();
  g_assert_true (wenda_study_store_get_starred (saved, id_of (3)));
  g_assert_true (wenda_study_store_get_starred (saved, id_of (7)));

  ui_click (filter_button ("starred"));
  ui_assert_eventually (list_count () == 2);
  g_assert_true (list_has (3));
  g_assert_true (list_has (7));
  g_assert_cmpstr (adw_toggle_group_get_active_name (ADW_TOGGLE_GROUP (WIN ("filter_box"))), ==, "starred");
  g_assert_true (gtk_widget_get_state_flags (filter_button ("starred")) & GTK_STATE_FLAG_CHECKED);

  /* Search within the starred: "transfer" is in topic 7's English
   * question only (and in other, unstarred topics). */
  wenda_window_set_search_text (window, "transfer learning");
  ui_assert_eventually (list_count () == 1);
  g_assert_true (list_has (7));
  wenda_window_set_search_text (window, "");
  ui_assert_eventually (list_count () == 2);

  /* Unstar 7 while the filter shows it: the count follows at once, but
   * the open topic stays until the user moves on, so a second Ctrl+D
   * undoes the first instead of unstarring the next topic. */
  open_topic (7);
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (!wenda_study_store_get_starred (store, id_of (7)));
  g_assert_cmpstr (text_of (WIN ("filter_starred_label")), ==, "Starred 1");
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (WIN ("star_button"))), ==, "non-starred-symbolic");
  /* What the unstarring set off has run (counting, and a refilter if one
   * were queued), and the window has drawn a frame since: the list still
   * holds 7. */
  ui_wait_idle ();
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpuint (list_count (), ==, 2);
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (wenda_study_store_get_starred (store, id_of (7)));
  g_assert_true (wenda_study_store_get_starred (store, id_of (3)));
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (!wenda_study_store_get_starred (store, id_of (7)));
  /* Moving on lets the list catch up. */
  open_topic (3);
  ui_assert_eventually (list_count () == 1);
  g_assert_true (list_has (3));

  ui_click (filter_button ("all"));
  ui_assert_eventually (list_count () == 30);
  ui_assert_eventually (g_strcmp0 (text_of (WIN ("filter_all_label")), "All 30") == 0);
  g_assert_cmpstr (text_of (WIN ("filter_new_label")), ==, "New 30");
  g_assert_cmpstr (text_of (WIN ("filter_due_label")), ==, "Due 0");
}

/* The filter counts are of what the search leaves.  A keystroke never
 * waits for them: the list follows at once, and the counts once the main
 * loop has drawn it (one count, however many changes came). */
static void
test_counts_follow_search (void)
{
  g_autofree char *expected = NULL;

  wenda_window_set_search_text (window, "梯度");
  g_assert_cmpuint (list_count (), ==, 5);
  g_assert_cmpstr (text_of (WIN ("filter_all_label")), ==, "All 30");
  ui_assert_eventually (g_strcmp0 (text_of (WIN ("filter_all_label")), "All 5") == 0);
  g_assert_cmpstr (text_of (WIN ("filter_new_label")), ==, "New 5");
  g_assert_cmpstr (text_of (WIN ("filter_starred_label")), ==, "Starred 0");

  /* Typing on and back within one turn of the main loop: counted once,
   * for what is typed last. */
  wenda_window_set_search_text (window, "梯度裁");
  wenda_window_set_search_text (window, "模型");
  expected = g_strdup_printf ("All %u", list_count ());
  g_assert_cmpuint (list_count (), >, 5);
  ui_assert_eventually (g_strcmp0 (text_of (WIN ("filter_all_label")), expected) == 0);

  wenda_window_set_search_text (window, "");
  ui_assert_eventually (list_count () == 30);
  ui_assert_eventually (g_strcmp0 (text_of (WIN ("filter_all_label")), "All 30") == 0);
  g_assert_cmpstr (text_of (WIN ("filter_starred_label")), ==, "Starred 1");
}

static void
assert_interval_labels (void)
{
  g_autoptr(WendaScheduler) scheduler = wenda_scheduler_new ();
  const char *names[] = { "again_interval", "hard_interval", "good_interval", "easy_interval" };
  WendaCard card;

  wenda_study_store_get_card (store, id_of (card_number ()), &card);
  for (WendaRating r = WENDA_RATING_AGAIN; r <= WENDA_RATING_EASY; r++)
    {
      WendaCard next;
      g_autofree char *expected = NULL;

      wenda_scheduler_review (scheduler, &card, r, now, 0, &next, NULL);
      expected = wenda_format_interval (next.due - now);
      g_assert_cmpstr (text_of (STUDY (names[r - 1])), ==, expected);
    }
}

/* Grades the card on screen with @how (a key, or NULL to click
 * @button), and checks that it was saved with the interval its button
 * showed. */
static void
grade_card (const char *key,
            const char *button,
            const char *interval_label,
            WendaRating expected_rating)
{
  guint number = card_number ();
  g_autofree char *shown = g_strdup (text_of (STUDY (interval_label)));
  guint reviews = wenda_study_store_get_n_reviews (store);
  const WendaStudyLogEntry *entry;
  g_autoptr(WendaStudyStore) saved = NULL;
  g_autofree char *interval = NULL;
  WendaCard card;

  g_assert_true (answer_shown ());
  assert_interval_labels ();

  if (key != NULL)
    ui_keys (GTK_WINDOW (window), key);
  else
    ui_click (STUDY (button));
  ui_assert_eventually (wenda_study_store_get_n_reviews (store) == reviews + 1);

  entry = wenda_study_store_get_review (store, reviews);
  g_assert_cmpstr (entry->id, ==, id_of (number));
  g_assert_cmpint (entry->review.rating, ==, expected_rating);
  g_assert_cmpint (entry->review.time, ==, now);

  /* The next due date is what the button said. */
  wenda_study_store_get_card (store, id_of (number), &card);
  interval = wenda_format_interval (card.due - now);
  g_assert_cmpstr (interval, ==, shown);

  /* And it is on disk already. */
  saved = reload_store ();
  g_assert_cmpuint (wenda_study_store_get_n_reviews (saved), ==, reviews + 1);
}

static void
reveal_with_space (void)
{
  g_assert_false (answer_shown ());
  ui_keys (GTK_WINDOW (window), "space");
  ui_assert_eventually (answer_shown ());
}

/* A session over the starred and two more topics: reveal, grade with each
 * button and key, see learning cards come back, and read the summary. */
static void
test_session (void)
{
  WendaCard card;
  g_autofree char *next_due = NULL;

  /* Starred: 3 (from before), 5 and 9. */
  open_topic (5);
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  open_topic (9);
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_click (filter_button ("starred"));
  ui_assert_eventually (list_count () == 3);

  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0);
  g_assert_cmpstr (study_page (), ==, "card");
  g_assert_cmpuint (card_number (), ==, 3);
  g_assert_cmpstr (text_of (STUDY ("progress_label")), ==, "New card · 3 cards left");

  /* The question shows, the answer does not. */
  g_assert_true (gtk_widget_get_mapped (CARD ("question_label")));
  g_assert_false (answer_shown ());
  g_assert_true (gtk_widget_get_mapped (STUDY ("reveal_button")));

  /* №3: Space reveals; the mouse on Again. */
  reveal_with_space ();
  g_assert_cmpstr (text_of (STUDY ("again_interval")), ==, "1 min");
  g_assert_cmpstr (text_of (STUDY ("good_interval")), ==, "10 min");
  grade_card (NULL, "again_button", "again_interval", WENDA_RATING_AGAIN);
  wenda_study_store_get_card (store, id_of (3), &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_LEARNING);
  g_assert_cmpint (card.due, ==, now + 60);

  /* №5: the mouse on Show Answer, then on Hard. */
  ui_assert_eventually (card_number () == 5);
  ui_click (STUDY ("reveal_button"));
  ui_assert_eventually (answer_shown ());
  grade_card (NULL, "hard_button", "hard_interval", WENDA_RATING_HARD);

  /* №9: Space, then the mouse on Good. */
  ui_assert_eventually (card_number () == 9);
  reveal_with_space ();
  grade_card (NULL, "good_button", "good_interval", WENDA_RATING_GOOD);
  wenda_study_store_get_card (store, id_of (9), &card);
  g_assert_cmpint (card.due, ==, now + 600);

  /* Nothing new is left; the learning cards come back (learn ahead),
   * the one due first first: №3, a minute later. */
  now += 60;
  ui_assert_eventually (card_number () == 3);
  g_assert_cmpstr (text_of (STUDY ("progress_label")), ==, "Learning · 3 cards left");
  reveal_with_space ();
  grade_card (NULL, "easy_button", "easy_interval", WENDA_RATING_EASY);
  wenda_study_store_get_card (store, id_of (3), &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_REVIEW);
  g_assert_cmpint (card.due - now, >=, DAY);

  /* №5 and №9 with the keys: 4 (Easy), then Space twice (reveal, Good). */
  ui_assert_eventually (card_number () == 5);
  reveal_with_space ();
  grade_card ("4", NULL, "easy_interval", WENDA_RATING_EASY);
  ui_assert_eventually (card_number () == 9);
  reveal_with_space ();
  grade_card ("space", NULL, "good_interval", WENDA_RATING_GOOD);
  wenda_study_store_get_card (store, id_of (9), &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_REVIEW);

  /* The summary: 6 reviews, 5 correct, and the next due date. */
  ui_assert_eventually (g_strcmp0 (study_page (), "summary") == 0);
  g_assert_cmpstr (text_of (STUDY ("reviewed_label")), ==, "6");
  g_assert_cmpstr (text_of (STUDY ("correct_label")), ==, "5 (83%)");
  {
    gint64 first = G_MAXINT64;
    const guint numbers[] = { 3, 5, 9 };

    for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
      {
        wenda_study_store_get_card (store, id_of (numbers[i]), &card);
        first = MIN (first, card.due);
      }
    next_due = wenda_format_interval (first - now);
  }
  g_assert_true (g_str_has_prefix (text_of (STUDY ("next_due_label")), "in "));
  g_assert_nonnull (strstr (text_of (STUDY ("next_due_label")), next_due));
  g_assert_true (gtk_widget_has_focus (STUDY ("done_button")));

  /* Back to reading, with Enter on the focused button. */
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
}

/* With nothing due, a session says so, and when the next card is due. */
static void
test_nothing_due (void)
{
  ui_click (filter_button ("due"));
  ui_assert_eventually (list_count () == 0);
  /* The empty list says why. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("list_stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (WIN ("no_results_page"))), ==,
                   "Nothing Is Due");
  g_assert_cmpstr (text_of (WIN ("match_label")), ==, "0 topics");
  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0);
  g_assert_cmpstr (study_page (), ==, "nothing");
  ui_keys (GTK_WINDOW (window), "Escape");
  /* The list is empty: no topic to read, and focus goes to what would
   * fill it, not to the hidden list. */
  ui_assert_eventually (g_strcmp0 (content_page (), "empty") == 0);
  ui_assert_eventually (gtk_widget_has_focus (filter_button ("due")));
}

/* Days later the cards are due: the Due filter and its count show them,
 * and a session over Due takes exactly them. */
static void
test_due_later (void)
{
  now += 400 * DAY;
  /* Choosing the filter again refilters at the new time. */
  ui_click (filter_button ("new"));
  ui_assert_eventually (list_count () == 27);
  ui_click (filter_button ("due"));
  ui_assert_eventually (list_count () == 3);
  ui_assert_eventually (g_strcmp0 (text_of (WIN ("filter_due_label")), "Due 3") == 0);
  g_assert_true (list_has (3) && list_has (5) && list_has (9));

  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0);
  g_assert_cmpstr (study_page (), ==, "card");
  g_assert_cmpstr (text_of (STUDY ("progress_label")), ==, "Review · 3 cards left");
  reveal_with_space ();
  grade_card ("3", NULL, "good_interval", WENDA_RATING_GOOD);

  /* Escape ends the session; the grade stays. */
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
  ui_assert_eventually (list_count () == 2);
  ui_click (filter_button ("all"));
  ui_assert_eventually (list_count () == 30);
}

/* The study card follows the reading mode. */
static void
test_card_follows_mode (void)
{
  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0);
  g_assert_true (gtk_widget_get_mapped (CARD ("question_label")));
  ui_keys (GTK_WINDOW (window), "ctrl+2");
  ui_assert_eventually (gtk_widget_get_mapped (CARD ("question_en_label")));
  g_assert_false (gtk_widget_get_mapped (CARD ("question_label")));
  g_assert_cmpstr (text_of (CARD ("question_en_label")), ==,
                   wenda_qa_item_get_text (wenda_bank_lookup_number (bank, card_number ()),
                                           WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN));
  ui_keys (GTK_WINDOW (window), "ctrl+1");
  ui_assert_eventually (gtk_widget_get_mapped (CARD ("question_label")));

  /* A star given during study applies to the card. */
  {
    const char *id = id_of (card_number ());
    gboolean starred = wenda_study_store_get_starred (store, id);

    ui_keys (GTK_WINDOW (window), "ctrl+d");
    ui_assert_eventually (wenda_study_store_get_starred (store, id) == !starred);
    ui_keys (GTK_WINDOW (window), "ctrl+d");
    ui_assert_eventually (wenda_study_store_get_starred (store, id) == starred);
  }

  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
}

/* The progress page: counts, and a chart of the next 14 days that
 * matches the store. */
static void
test_progress (void)
{
  guint due[14];
  WendaBarChart *chart;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));

  ui_keys (GTK_WINDOW (window), "ctrl+i");
  ui_assert_eventually (g_strcmp0 (content_page (), "progress") == 0);
  g_assert_false (wenda_progress_view_is_empty (WENDA_PROGRESS_VIEW (ui_find_widget (window, WENDA_TYPE_PROGRESS_VIEW))));
  g_assert_cmpstr (text_of (PROGRESS ("new_count")), ==, "27");
  g_assert_cmpstr (text_of (PROGRESS ("review_count")), ==, "3");
  g_assert_cmpstr (text_of (PROGRESS ("learning_count")), ==, "0");
  g_assert_cmpstr (text_of (PROGRESS ("total_label")), ==, "7");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_ptr_array_add (ids, (gpointer) wenda_qa_item_get_id (item));
    }
  wenda_study_store_due_per_day (store, (const char *const *) ids->pdata, ids->len, now, NULL, due, 14);

  chart = WENDA_BAR_CHART (PROGRESS ("due_chart"));
  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 14);
  {
    guint total = 0;

    for (guint i = 0; i < 14; i++)
      {
        g_assert_cmpuint (wenda_bar_chart_get_value (chart, i), ==, due[i]);
        total += due[i];
      }
    /* Two of the three are due today (overdue); the one graded Good
     * today is due within the fortnight or later. */
    g_assert_cmpuint (due[0], ==, 2);
    g_assert_cmpuint (total, <=, 3);
  }
  /* Mapped now, laid out at the next frame. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chart)));
  ui_assert_eventually (gtk_widget_get_height (GTK_WIDGET (chart)) >= 100);

  /* The studied topics are listed; activating one opens it. */
  {
    GtkWidget *first_row = gtk_widget_get_first_child (PROGRESS ("topic_list"));

    g_assert_nonnull (first_row);
    /* It is below the fold: reach it as a keyboard user would. */
    gtk_widget_grab_focus (first_row);
    ui_keys (GTK_WINDOW (window), "Return");
    ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
  }
}

/* A glossary term chosen during a session is read, and Ctrl+D then
 * stars nothing hidden. */
static void
test_glossary_leaves_study (void)
{
  guint starred_before = 0;

  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0);
  ui_keys (GTK_WINDOW (window), "ctrl+g");
  ui_assert_eventually (gtk_root_get_focus (GTK_ROOT (window)) != NULL &&
                        gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                WIN ("glossary_entry")));
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "term") == 0);
  for (guint n = 1; n <= 30; n++)
    starred_before += wenda_study_store_get_starred (store, id_of (n));
  g_assert_false (gtk_widget_get_visible (WIN ("star_button")));
  /* ui_keys() returns once GTK has handled the keys' presses and
   * releases (it counts them where GDK hands them to GTK); then whatever
   * they set off has run. */
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_wait_idle ();
  {
    guint starred_after = 0;

    for (guint n = 1; n <= 30; n++)
      starred_after += wenda_study_store_get_starred (store, id_of (n));
    g_assert_cmpuint (starred_after, ==, starred_before);
  }
  ui_keys (GTK_WINDOW (window), "ctrl+g");
  ui_assert_eventually (g_strcmp0 (content_page (), "detail") == 0);
}

/* In a narrow window, Back from a session shows the list: typing searches
 * again, and Ctrl+D stars nothing hidden. */
static void
test_narrow_back_from_study (void)
{
  int width, height;
  const char *id;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  ui_assert_eventually (adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view"))));

  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (content_page (), "study") == 0 && card_number () != 0);
  id = id_of (card_number ());
  ui_assert_eventually (gtk_widget_get_mapped (WIN ("back_button")));
  /* The reading page has slid in: the button is where it stays. */
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view")));
  ui_click (WIN ("back_button"));
  ui_assert_eventually (!adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view"))));
  {
    gboolean starred = wenda_study_store_get_starred (store, id);

    /* GTK has handled the keys (see test_glossary_leaves_study), and
     * what they set off has run. */
    ui_keys (GTK_WINDOW (window), "ctrl+d");
    ui_wait_idle ();
    g_assert_cmpint (wenda_study_store_get_starred (store, id), ==, starred);
  }
  ui_type (GTK_WINDOW (window), "grad");
  ui_assert_eventually (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (WIN ("search_bar"))));
  wenda_window_set_search_text (window, "");

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  ui_assert_eventually (!adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view"))));
  ui_wait_allocation (GTK_WIDGET (window), width, height);
  ui_show_topic (window, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  wenda_clock_set_func (fake_clock, NULL);
  window = ui_start_app (&argc, &argv, &app);
  bank = wenda_window_get_bank (window);
  store = wenda_application_get_study_store (app);

  g_test_add_func ("/Wenda/Study/progress-empty", test_progress_empty);
  g_test_add_func ("/Wenda/Study/star-and-filter", test_star_and_filter);
  g_test_add_func ("/Wenda/Study/counts-follow-search", test_counts_follow_search);
  g_test_add_func ("/Wenda/Study/session", test_session);
  g_test_add_func ("/Wenda/Study/nothing-due", test_nothing_due);
  g_test_add_func ("/Wenda/Study/due-later", test_due_later);
  g_test_add_func ("/Wenda/Study/card-follows-mode", test_card_follows_mode);
  g_test_add_func ("/Wenda/Study/progress", test_progress);
  g_test_add_func ("/Wenda/Study/glossary-leaves-study", test_glossary_leaves_study);
  g_test_add_func ("/Wenda/Study/narrow-back-from-study", test_narrow_back_from_study);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);

  return status;
}
