/* test-sections.c: a bank with sections in the real window: the topic
 * list's section headers, through a search; the section path and the
 * bank's own numbers in the reading pane; "Study This Section"; a
 * question with no answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ui-helpers.h"
#include "wenda-detail-view.h"
#include "wenda-import.h"
#include "wenda-library.h"
#include "wenda-sidebar.h"
#include "wenda-study-view.h"
#include "wenda-window.h"

static WendaWindow *window;
static WendaApplication *app;
static WendaLibrary *library;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define DETAIL(name) ui_template_child (WIN ("detail_view"), WENDA_TYPE_DETAIL_VIEW, name)

/* Imports a layout fixture into the library and shows it */
static void
show_fixture (const char *name,
              const char *id)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "layouts", name, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaLibraryBank *entry;
  guint position = G_MAXUINT;
  gsize length;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
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
  g_assert_false (gtk_widget_get_visible (DETAIL ("answer_label")));
  wait_label ("number_label", "№1");
}

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

  return g_test_run ();
}
