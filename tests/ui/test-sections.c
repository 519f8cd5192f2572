/* test-sections.c: a bank with sections in the real window: the topic
 * list's section headers, through a search; the section path and the
 * bank's own numbers in the reading pane; "Study This Section"; a
 * question with no answer
 *
 * The JSON bank tests/fixtures/banks/sections.json (two chapters, their
 * sub-sections, a question in a chapter itself, the bank's own numbers)
 * goes through the same: every header and its text, kept by searches and
 * the study filters; the rows' numbers; the path in the pane, in English
 * where a catalog gives the titles; sessions limited to a section, from
 * its header, from a topic's context menu (also from the keyboard), and
 * through a search; and a bank with no sections shows no header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ui-helpers.h"
#include "wenda-bank-loader.h"
#include "wenda-detail-view.h"
#include "wenda-import.h"
#include "wenda-library.h"
#include "wenda-sidebar.h"
#include "wenda-study-session.h"
#include "wenda-study-view.h"
#include "wenda-topic-row.h"
#include "wenda-window.h"

static WendaWindow *window;
static WendaApplication *app;
static WendaLibrary *library;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define DETAIL(name) ui_template_child (WIN ("detail_view"), WENDA_TYPE_DETAIL_VIEW, name)

/* Imports @text, as a file @name, into the library and shows it */
static void
show_text (const char *text,
           gsize       length,
           const char *name,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaLibraryBank *entry;
  guint position = G_MAXUINT;

  bank = wenda_import_parse (text, length, name, WENDA_IMPORT_FORMAT_AUTO, id,
                             NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  entry = wenda_library_add (library, id, bank, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (library)); i++)
    {
      g_autoptr(WendaLibraryBank) other = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (other == entry)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")), position);
  ui_wait_frame (GTK_WIDGET (window));
}

/* Imports a fixture of tests/fixtures/@dir into the library and shows it */
static void
show_fixture_in (const char *dir,
                 const char *name,
                 const char *id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  show_text (text, length, name, id);
}

/* Imports a layout fixture into the library and shows it */
static void
show_fixture (const char *name,
              const char *id)
{
  show_fixture_in ("layouts", name, id);
}

/* The section headers the list shows, top to bottom, "|" between */
static void
collect_headers (GtkWidget *widget,
                 GString   *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_HEADING)
        {
          if (out->len > 0)
            g_string_append_c (out, '|');
          g_string_append (out, gtk_label_get_text (GTK_LABEL (child)));
        }
      collect_headers (child, out);
    }
}

static char *
headers (void)
{
  GString *out = g_string_new (NULL);

  collect_headers (WIN ("list_view"), out);
  return g_string_free (out, FALSE);
}

typedef struct
{
  const char *expected;
} Headers;

static gboolean
headers_are (gpointer data)
{
  g_autofree char *now = headers ();

  return g_str_equal (now, ((Headers *)data)->expected);
}

static void
wait_headers (const char *expected)
{
  Headers h = { expected };

  if (!ui_wait_for (headers_are, &h, 10000))
    {
      g_autofree char *now = headers ();

      g_error ("the list's headers are “%s”, not “%s”", now, expected);
    }
}

static gboolean
search_done (gpointer data)
{
  return g_list_model_get_n_items (wenda_sidebar_get_topics (WENDA_SIDEBAR (WIN ("sidebar")))) ==
         GPOINTER_TO_UINT (data);
}

static void
test_headers_and_search (void)
{
  show_fixture ("headings-chapters.md", "chapters");

  wait_headers ("第一章 数学基础 › 1.1 向量|第一章 数学基础 › 1.2 概率|第二章 优化 › 2.1 梯度下降");

  /* A search keeps the grouping of what it finds */
  wenda_window_set_search_text (window, "什么是");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  wait_headers ("第一章 数学基础 › 1.1 向量|第一章 数学基础 › 1.2 概率");

  /* A search for a chapter finds its topics */
  wenda_window_set_search_text (window, "第二章");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  wait_headers ("第二章 优化 › 2.1 梯度下降");

  wenda_window_set_search_text (window, "");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (5), 10000));
}

static gboolean
label_is (gpointer data)
{
  const char **pair = data;

  return g_str_equal (gtk_label_get_text (GTK_LABEL (DETAIL (pair[0]))), pair[1]);
}

static void
wait_label (const char *name,
            const char *text)
{
  const char *pair[] = { name, text };

  if (!ui_wait_for (label_is, pair, 10000))
    g_error ("%s shows “%s”, not “%s”", name, gtk_label_get_text (GTK_LABEL (DETAIL (name))), text);
}

static void
test_reading_pane (void)
{
  show_fixture ("headings-chapters.md", "chapters-2");

  ui_show_topic (window, 3);
  wait_label ("section_label", "第一章 数学基础 › 1.2 概率");
  g_assert_true (gtk_widget_get_visible (DETAIL ("section_label")));
  wait_label ("number_label", "№1.2.1");
  wait_label ("question_label", "什么是贝叶斯公式？");
}

static gboolean
study_started (gpointer data)
{
  GtkWidget *study = ui_find_widget (window, WENDA_TYPE_STUDY_VIEW);

  return study != NULL && gtk_widget_get_mapped (study) &&
         strstr (gtk_label_get_text (GTK_LABEL (ui_template_child (study, WENDA_TYPE_STUDY_VIEW,
                                                                   "progress_label"))),
                 data) != NULL;
}

/* The first button whose tooltip (its accessible label too) is @text */
static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), text) == 0)
        return child;
      if ((found = find_by_tooltip (child, text)) != NULL)
        return found;
    }

  return NULL;
}

/* "Study This Section" on the first header studies its two topics */
static void
test_study_section (void)
{
  GtkWidget *button;
  GtkWidget *study;

  show_fixture ("headings-chapters.md", "chapters-3");
  wait_headers ("第一章 数学基础 › 1.1 向量|第一章 数学基础 › 1.2 概率|第二章 优化 › 2.1 梯度下降");

  button = find_by_tooltip (WIN ("list_view"), "Study This Section");
  g_assert_nonnull (button);
  ui_click (button);
  g_assert_true (ui_wait_for (study_started, "2 cards left", 10000));

  study = ui_find_widget (window, WENDA_TYPE_STUDY_VIEW);
  g_test_message ("study: %s",
                  gtk_label_get_text (GTK_LABEL (ui_template_child (study, WENDA_TYPE_STUDY_VIEW,
                                                                    "progress_label"))));
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_wait_idle ();
}

/* A question list's question: the pane says the bank gives no answer */
static void
test_no_answer (void)
{
  show_fixture ("question-list.md", "questions");

  ui_show_topic (window, 1);
  wait_label ("question_label", "什么是 Transformer？");
  g_assert_true (gtk_widget_get_visible (DETAIL ("no_answer_label")));
  g_assert_false (gtk_widget_get_visible (DETAIL ("answer_view")));
  wait_label ("number_label", "№1");
}


/* The JSON bank {{{ */

#define CH1 "第一章 机器学习基础"
#define CH2 "第二章 深度学习"
#define S22 "2.2 注意力 <Q, K, V> & Transformer"

static const char * const json_headers[] = {
  CH1 " › 1.1 偏差与方差",
  CH1 " › 1.2 正则化",
  CH2,
  CH2 " › 2.1 优化",
  CH2 " › " S22,
};

static GListModel *
list_model (void)
{
  return G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (WIN ("list_view"))));
}

/* The header on screen whose section starts at @start: its label */
static GtkWidget *
find_header_label (GtkWidget *widget,
                   guint      start)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_HEADING)
        {
          GtkListHeader *header = g_object_get_data (G_OBJECT (child), "wenda-list-header");

          if (header != NULL && gtk_list_header_get_start (header) == start)
            return child;
        }
      if ((found = find_header_label (child, start)) != NULL)
        return found;
    }

  return NULL;
}

typedef struct
{
  guint       start;
  const char *text;
} HeaderAt;

static gboolean
header_shown (gpointer data)
{
  HeaderAt *at = data;
  GtkWidget *label = find_header_label (WIN ("list_view"), at->start);

  return label != NULL && g_str_equal (gtk_label_get_text (GTK_LABEL (label)), at->text);
}

/* The list has a section for each of @expected, in order, and each has
 * its header with that text (scrolled to, one by one: a long list has
 * some off screen) */
static void
assert_all_headers (const char * const *expected,
                    guint               n_expected)
{
  GListModel *model = list_model ();
  guint n = g_list_model_get_n_items (model);
  guint start = 0;

  for (guint i = 0; i < n_expected; i++)
    {
      HeaderAt at = { start, expected[i] };
      guint s, end;

      g_assert_cmpuint (start, <, n);
      gtk_section_model_get_section (GTK_SECTION_MODEL (model), start, &s, &end);
      g_assert_cmpuint (s, ==, start);

      gtk_list_view_scroll_to (GTK_LIST_VIEW (WIN ("list_view")), start, GTK_LIST_SCROLL_NONE, NULL);
      if (!ui_wait_for (header_shown, &at, 10000))
        {
          GtkWidget *label = find_header_label (WIN ("list_view"), start);

          g_error ("the header at %u is “%s”, not “%s”", start,
                   label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : "(none)", expected[i]);
        }
      start = end;
    }
  g_assert_cmpuint (start, ==, n);
}

static void
show_json_bank (const char *id)
{
  show_fixture_in ("banks", "sections.json", id);
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (9), 10000));
}

/* The bank opens at its first topic, its header in view above it */
static gboolean
first_header_in_view (gpointer data)
{
  GtkWidget *label = find_header_label (WIN ("list_view"), 0);
  graphene_rect_t bounds;

  return label != NULL &&
         gtk_widget_compute_bounds (label, WIN ("list_view"), &bounds) &&
         bounds.origin.y >= 0;
}

static void
test_json_headers (void)
{
  show_json_bank ("ml");

  /* The header of the first section is not scrolled off by the first
   * topic's selection */
  ui_show_topic (window, 1);
  gtk_widget_grab_focus (WIN ("list_view"));
  wenda_sidebar_focus_list (WENDA_SIDEBAR (WIN ("sidebar")));
  if (!ui_wait_for (first_header_in_view, NULL, 10000))
    g_error ("the first header is out of view");

  /* Home from the end: the list scrolls to the first topic, and its
   * header comes into view with it */
  ui_show_topic (window, 9);
  wenda_sidebar_focus_list (WENDA_SIDEBAR (WIN ("sidebar")));
  ui_wait_focus (WIN ("list_view"));
  ui_assert_eventually (gtk_adjustment_get_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (WIN ("list_view")))) > 0);
  ui_keys (GTK_WINDOW (window), "Home");
  ui_assert_eventually (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (list_model ())) == 0);
  if (!ui_wait_for (first_header_in_view, NULL, 10000))
    g_error ("the first header is out of view after Home");

  assert_all_headers (json_headers, G_N_ELEMENTS (json_headers));

  /* Plain text: the title's < & > as written; a heading, for screen
   * readers too, and the study button has a name */
  {
    GtkWidget *label = find_header_label (WIN ("list_view"), 7);
    GtkWidget *button = gtk_widget_get_next_sibling (label);

    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==, CH2 " › " S22);
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
    g_assert_true (GTK_IS_BUTTON (button));
    g_assert_true (gtk_widget_get_visible (button));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Study This Section");
    gtk_test_accessible_assert_role (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_ROLE_HEADING);
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         "Study This Section");
  }
}

/* A search and the study filters keep the grouping */
static void
test_json_search (void)
{
  static const char * const what[] = { CH1 " › 1.1 偏差与方差", CH1 " › 1.2 正则化",
                                       CH2, CH2 " › 2.1 优化", CH2 " › " S22 };
  static const char * const transformer[] = { CH2 " › " S22 };
  static const char * const regularization[] = { CH1 " › 1.2 正则化" };
  static const char * const starred[] = { CH1 " › 1.1 偏差与方差", CH2 " › 2.1 优化" };
  WendaStudyStore *store = wenda_application_get_study_store (app);

  show_json_bank ("ml-search");

  /* 什么 and 为什么: 1, 3, 4, 5, 6 and 8 */
  wenda_window_set_search_text (window, "什么");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (6), 10000));
  assert_all_headers (what, G_N_ELEMENTS (what));

  /* The section's title is searched, and shown as written */
  wenda_window_set_search_text (window, "transformer");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  assert_all_headers (transformer, G_N_ELEMENTS (transformer));

  /* The bank's own numbers: "1.2." is 1.2.1 and 1.2.2 */
  wenda_window_set_search_text (window, "1.2.");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  assert_all_headers (regularization, G_N_ELEMENTS (regularization));

  /* The Starred filter, with no search */
  wenda_window_set_search_text (window, "");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (9), 10000));
  wenda_study_store_set_starred (store, "ml-search-001", TRUE);
  wenda_study_store_set_starred (store, "ml-search-007", TRUE);
  g_object_set (WIN ("sidebar"), "study-filter", WENDA_STUDY_FILTER_STARRED, NULL);
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  assert_all_headers (starred, G_N_ELEMENTS (starred));

  g_object_set (WIN ("sidebar"), "study-filter", WENDA_STUDY_FILTER_ALL, NULL);
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (9), 10000));
  assert_all_headers (json_headers, G_N_ELEMENTS (json_headers));
}

/* The row of the topic at @position of the list, on screen */
static WendaTopicRow *
find_row (GtkWidget *widget,
          guint      number)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      WendaTopicRow *found;

      if (WENDA_IS_TOPIC_ROW (child) && gtk_widget_get_mapped (child) &&
          wenda_topic_row_get_item (WENDA_TOPIC_ROW (child)) != NULL &&
          wenda_qa_item_get_number (wenda_topic_row_get_item (WENDA_TOPIC_ROW (child))) == number)
        return WENDA_TOPIC_ROW (child);
      if ((found = find_row (child, number)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
row_shown (gpointer data)
{
  return find_row (WIN ("list_view"), GPOINTER_TO_UINT (data)) != NULL;
}

static WendaTopicRow *
wait_row (guint number)
{
  ui_show_topic (window, number);
  g_assert_true (ui_wait_for (row_shown, GUINT_TO_POINTER (number), 10000));
  return find_row (WIN ("list_view"), number);
}

/* A row shows the bank's own number, or the number where there is none;
 * the numbers are one width, so that the questions line up */
static void
test_json_rows (void)
{
  GtkWidget *number_3, *number_5;

  show_json_bank ("ml-rows");

  number_3 = gtk_widget_get_first_child (GTK_WIDGET (wait_row (3)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number_3)), ==, "1.2.1");
  number_5 = gtk_widget_get_first_child (GTK_WIDGET (wait_row (5)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (number_5)), ==, "5");
  g_assert_cmpint (gtk_label_get_width_chars (GTK_LABEL (number_5)), ==, 5);
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (number_5), ==, gtk_widget_get_width (number_3));
}

/* The pane: the path above the question, the bank's own number */
static void
test_json_reading_pane (void)
{
  show_json_bank ("ml-pane");

  ui_show_topic (window, 8);
  wait_label ("section_label", CH2 " › " S22);
  g_assert_true (gtk_widget_get_visible (DETAIL ("section_label")));
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (DETAIL ("section_label"))));
  wait_label ("number_label", "№2.2.1");
  wait_label ("question_label", "自注意力为什么要除以 √d_k？");

  /* A question in the chapter itself, with no number of the bank's */
  ui_show_topic (window, 5);
  wait_label ("section_label", CH2);
  wait_label ("number_label", "№5");

  /* A bank with no sections: no path, and no header in the list */
  g_assert_true (wenda_window_select_bank (window, "llm-training"));
  ui_show_topic (window, 12);
  g_assert_false (gtk_widget_get_visible (DETAIL ("section_label")));
  g_assert_null (gtk_list_view_get_header_factory (GTK_LIST_VIEW (WIN ("list_view"))));
  wait_headers ("");
}

/* With a catalog that renders some titles: the headers and the pane
 * follow the reading language, a title with no English in Chinese */
static void
test_json_english (void)
{
  static const char * const pairs[] = {
    CH1, "Chapter 1 Machine Learning Basics",
    "1.2 正则化", "1.2 Regularization",
    "为什么 Dropout 能减轻过拟合？", "Why does dropout reduce overfitting?",
    "训练时随机丢弃神经元，迫使网络不依赖个别特征的共同适应，相当于对许多子网络做集成。",
    "Dropping random units in training keeps the network from relying on co-adapted features; it works like an ensemble of many sub-networks.",
    NULL,
  };
  static const char * const english[] = {
    "Chapter 1 Machine Learning Basics › 1.1 偏差与方差",
    "Chapter 1 Machine Learning Basics › 1.2 Regularization",
    CH2,
    CH2 " › 2.1 优化",
    CH2 " › " S22,
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "banks", "sections.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_file (file, &error);
  g_autoptr(WendaCatalog) catalog = ui_make_catalog (pairs);

  g_assert_no_error (error);
  g_assert_cmpuint (wenda_bank_apply_catalog (bank, catalog), ==, 1);
  g_object_set (window, "bank", bank, NULL);
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (9), 10000));

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  ui_show_topic (window, 4);
  wait_label ("section_label", "Chapter 1 Machine Learning Basics › 1.2 Regularization");
  assert_all_headers (english, G_N_ELEMENTS (english));

  /* Both languages: the source's titles, as the list shows the source
   * first */
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_BOTH);
  wait_label ("section_label", CH1 " › 1.2 正则化");
  assert_all_headers (json_headers, G_N_ELEMENTS (json_headers));

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
  wait_label ("section_label", CH1 " › 1.2 正则化");
  g_assert_true (wenda_window_select_bank (window, "llm-training"));
}

/* Topics before the first section are under a header of their own, with
 * nothing to study there */
static void
test_json_introduction (void)
{
  static const char text[] =
    "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"t\",\n"
    " \"sections\": [{\"title\": \"A <b>粗体</b>\"}],\n"
    " \"items\": [\n"
    "  {\"id\": \"1\", \"number\": 1, \"question\": \"前言？\", \"answer\": \"a\"},\n"
    "  {\"id\": \"2\", \"number\": 2, \"section\": 0, \"question\": \"什么 2\", \"answer\": \"a\"}]}";
  static const char * const expected[] = { "Introduction", "A <b>粗体</b>" };
  GtkWidget *label;

  show_text (text, sizeof text - 1, "intro.json", "intro");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  assert_all_headers (expected, G_N_ELEMENTS (expected));

  label = find_header_label (WIN ("list_view"), 0);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_next_sibling (label)));
  label = find_header_label (WIN ("list_view"), 1);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (label)));

  /* No path in the pane for the topic in no section */
  ui_show_topic (window, 1);
  g_assert_false (gtk_widget_get_visible (DETAIL ("section_label")));
  ui_show_topic (window, 2);
  wait_label ("section_label", "A <b>粗体</b>");
}

/* Study sessions limited to a section {{{ */

/* The first widget of @type under @root that is mapped, or NULL */
static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_mapped (child, type)) != NULL)
        return found;
    }

  return NULL;
}

static WendaStudyView *
study_view (void)
{
  return (WendaStudyView *)find_mapped (GTK_WIDGET (window), WENDA_TYPE_STUDY_VIEW);
}

static gboolean
studying (gpointer data)
{
  WendaStudyView *view = study_view ();

  return view != NULL && wenda_study_view_get_current_item (view) != NULL;
}

/* Goes through the session started, grading each card Easy (it does not
 * come back), and returns the numbers of its cards, in order: "3 4" */
static char *
study_numbers (void)
{
  GString *numbers = g_string_new (NULL);
  WendaStudyView *view;

  g_assert_true (ui_wait_for (studying, NULL, 10000));
  view = study_view ();

  for (guint i = 0; i < 20 && wenda_study_view_get_current_item (view) != NULL; i++)
    {
      WendaQaItem *item = wenda_study_view_get_current_item (view);

      if (numbers->len > 0)
        g_string_append_c (numbers, ' ');
      g_string_append_printf (numbers, "%u", wenda_qa_item_get_number (item));
      gtk_widget_activate_action (GTK_WIDGET (view), "study.reveal", NULL);
      gtk_widget_activate_action (GTK_WIDGET (view), "study.grade", "i", WENDA_RATING_EASY);
      ui_wait_idle ();
    }

  ui_keys (GTK_WINDOW (window), "Escape");
  ui_wait_idle ();
  return g_string_free (numbers, FALSE);
}

/* The button on the header of the section that starts at @start, which
 * is on screen */
static GtkWidget *
header_button (guint start)
{
  GtkWidget *label;

  /* (On screen as the bank opens: no scroll, which GTK 4.24 may carry out
   * a frame or two late) */
  ui_assert_eventually ((label = find_header_label (WIN ("list_view"), start)) != NULL);
  ui_wait_still (gtk_widget_get_next_sibling (label));
  return gtk_widget_get_next_sibling (label);
}

static GtkPopover *
find_popover_menu (void)
{
  return (GtkPopover *)find_mapped (WIN ("list_view"), GTK_TYPE_POPOVER_MENU);
}

/* The label of the menu item that has the focus */
static const char *
focused_menu_item (void)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *label = focus != NULL && gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER_MENU) != NULL
                       ? find_mapped (focus, GTK_TYPE_LABEL) : NULL;

  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : NULL;
}

static gboolean
menu_shown (gpointer data)
{
  return find_popover_menu () != NULL;
}

static void
test_json_study_section (void)
{
  GtkPopover *menu;
  GtkWidget *chapter_item;
  g_autofree char *from_header = NULL;
  g_autofree char *from_action = NULL;
  g_autofree char *from_chapter = NULL;
  g_autofree char *from_keys = NULL;
  g_autofree char *from_search = NULL;

  show_json_bank ("ml-study");

  /* The header of 1.2: its two topics; the page says so */
  ui_click (header_button (2));
  ui_assert_eventually (g_strcmp0 (adw_window_title_get_title (ADW_WINDOW_TITLE (WIN ("content_title"))),
                                   "Study “1.2 正则化”") == 0);
  from_header = study_numbers ();
  g_assert_cmpstr (from_header, ==, "3 4");

  /* sidebar.study-section, what the menus' items do, from a topic's row:
   * section 0, the first chapter, with its sub-sections */
  show_json_bank ("ml-study-2");
  gtk_widget_activate_action (GTK_WIDGET (wait_row (6)), "sidebar.study-section", "u", 0);
  from_action = study_numbers ();
  g_assert_cmpstr (from_action, ==, "1 2 3 4");

  /* The context menu of 2.1.1 (the Menu key; Shift+F10 is the same
   * shortcut, but xdotool in a sid root sends it with Alt): its section
   * and its chapter, which has a topic of its own and those of its
   * sub-sections */
  ui_show_topic (window, 6);
  wenda_sidebar_focus_list (WENDA_SIDEBAR (WIN ("sidebar")));
  ui_wait_focus (WIN ("list_view"));
  ui_keys (GTK_WINDOW (window), "Menu");
  g_assert_true (ui_wait_for (menu_shown, NULL, 10000));
  menu = find_popover_menu ();
  g_assert_nonnull (ui_find_by_label (GTK_WIDGET (menu), GTK_TYPE_LABEL, "Study “2.1 优化”"));
  chapter_item = ui_find_by_label (GTK_WIDGET (menu), GTK_TYPE_LABEL, "Study “" CH2 "”");
  g_assert_nonnull (chapter_item);
  ui_wait_still (chapter_item);
  ui_click (chapter_item);
  from_chapter = study_numbers ();
  g_assert_cmpstr (from_chapter, ==, "5 6 7 8 9");

  /* The keyboard alone: Menu on the focused topic, Down to the chapter,
   * Enter */
  show_json_bank ("ml-study-3");
  wait_row (2);
  wenda_sidebar_focus_list (WENDA_SIDEBAR (WIN ("sidebar")));
  ui_wait_focus (WIN ("list_view"));
  ui_keys (GTK_WINDOW (window), "Menu");
  g_assert_true (ui_wait_for (menu_shown, NULL, 10000));
  /* The menu opens on its first item, the topic's own section */
  ui_assert_eventually (g_strcmp0 (focused_menu_item (), "Study “1.1 偏差与方差”") == 0);
  ui_keys (GTK_WINDOW (window), "Down");
  ui_assert_eventually (g_strcmp0 (focused_menu_item (), "Study “" CH1 "”") == 0);
  ui_keys (GTK_WINDOW (window), "Return");
  from_keys = study_numbers ();
  g_assert_cmpstr (from_keys, ==, "1 2 3 4");

  /* A search for a section's title, then Study: its topics */
  show_json_bank ("ml-study-4");
  wenda_window_set_search_text (window, "2.1 优化");
  g_assert_true (ui_wait_for (search_done, GUINT_TO_POINTER (2), 10000));
  wenda_window_start_study (window);
  from_search = study_numbers ();
  g_assert_cmpstr (from_search, ==, "6 7");
  wenda_window_set_search_text (window, "");
}

/* }}} */

/* }}} */

int
main (int   argc,
      char *argv[])
{
  window = ui_start_app (&argc, &argv, &app);
  library = wenda_application_get_library (app);

  g_test_add_func ("/Wenda/Sections/headers-and-search", test_headers_and_search);
  g_test_add_func ("/Wenda/Sections/reading-pane", test_reading_pane);
  g_test_add_func ("/Wenda/Sections/study-section", test_study_section);
  g_test_add_func ("/Wenda/Sections/no-answer", test_no_answer);
  g_test_add_func ("/Wenda/Sections/json/headers", test_json_headers);
  g_test_add_func ("/Wenda/Sections/json/search", test_json_search);
  g_test_add_func ("/Wenda/Sections/json/rows", test_json_rows);
  g_test_add_func ("/Wenda/Sections/json/reading-pane", test_json_reading_pane);
  g_test_add_func ("/Wenda/Sections/json/english", test_json_english);
  g_test_add_func ("/Wenda/Sections/json/introduction", test_json_introduction);
  g_test_add_func ("/Wenda/Sections/json/study-section", test_json_study_section);

  return g_test_run ();
}
