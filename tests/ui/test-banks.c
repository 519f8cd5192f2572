/* test-banks.c: the user's own banks in the window: the import dialog
 * (its preview, its report, another layout or level, Cancel, the keys),
 * updates, a bank full of markup shown literally, the original-only
 * reading mode, rename, remove and export, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <langinfo.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-detail-view.h"
#include "wenda-image.h"
#include "wenda-image-viewer.h"
#include "wenda-rich-view.h"
#include "wenda-import.h"
#include "wenda-import-dialog.h"
#include "wenda-library.h"
#include "wenda-study-store.h"
#include "wenda-search-filter.h"
#include "wenda-sidebar.h"
#include "wenda-topic-row.h"
#include "wenda-window.h"


/* Whether the locale groups the digits of a number ("6,000"). */
static gboolean
locale_groups (void)
{
  const char *separator = nl_langinfo (THOUSEP);

  return separator != NULL && *separator != '\0';
}
static WendaApplication *app;
static WendaWindow *window;
static WendaLibrary *library;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define DETAIL(name) ui_template_child (WIN ("detail_view"), WENDA_TYPE_DETAIL_VIEW, name)

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "banks", name, NULL);
}

static const char *
bank_title (void)
{
  WendaLibraryBank *entry = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (WIN ("bank_dropdown")));

  return entry ? wenda_library_bank_get_title (entry) : NULL;
}

static guint
n_banks (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (library));
}

/* The alert the window shows, if any. */
static AdwAlertDialog *
find_dialog (void)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  return ADW_IS_ALERT_DIALOG (dialog) ? ADW_ALERT_DIALOG (dialog) : NULL;
}

/* The button of @response, found by its label as a user would. */
static GtkWidget *
find_response_button (GtkWidget  *widget,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      if ((found = find_response_button (child, label)))
        return found;
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* @button is laid out and drawn at its own size, where it stays: a dialog
 * grows into place when it opens, and a click aimed at a button while it
 * grows lands beside it. */
static gboolean
button_in_place (gpointer data)
{
  GtkWidget *button = data;
  graphene_rect_t own, in_window;

  return gtk_widget_get_mapped (button) && gtk_widget_get_width (button) > 0 &&
         gtk_widget_compute_bounds (button, button, &own) &&
         gtk_widget_compute_bounds (button, GTK_WIDGET (gtk_widget_get_root (button)), &in_window) &&
         G_APPROX_VALUE (in_window.size.width, own.size.width, 0.5) &&
         G_APPROX_VALUE (in_window.size.height, own.size.height, 0.5);
}

static void
record_response (AdwAlertDialog *dialog,
                 const char     *response,
                 char          **got)
{
  g_free (*got);
  *got = g_strdup (response);
}

/* Answers the dialog with a click on the button of @response: the dialog
 * emits that response (so the app's handlers of it, connected before this
 * one, have run), and closes. */
static void
respond (AdwAlertDialog *dialog,
         const char     *response)
{
  g_autoptr(AdwAlertDialog) keep = g_object_ref (dialog);
  GtkWidget *button = find_response_button (GTK_WIDGET (dialog),
                                            adw_alert_dialog_get_response_label (dialog, response));
  g_autofree char *got = NULL;
  gulong handler;

  g_assert_nonnull (button);
  g_assert_true (ui_wait_for (button_in_place, button, 3000));
  handler = g_signal_connect (dialog, "response", G_CALLBACK (record_response), &got);
  ui_click (button);
  ui_assert_eventually (got != NULL);
  g_signal_handler_disconnect (dialog, handler);
  g_assert_cmpstr (got, ==, response);
  ui_assert_eventually (find_dialog () != dialog);
}

/* The import dialog {{{ */

/* The import dialog the window shows, if any: the one on top. */
static WendaImportDialog *
find_import_dialog (void)
{
  AdwDialog *dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window));

  return WENDA_IS_IMPORT_DIALOG (dialog) ? WENDA_IMPORT_DIALOG (dialog) : NULL;
}

#define PREVIEW(dialog, name) ui_template_child ((dialog), WENDA_TYPE_IMPORT_DIALOG, (name))

/* The import dialog has read its file and shows what it holds, and its
 * Import button is drawn where it stays. */
static gboolean
preview_ready (gpointer data)
{
  WendaImportDialog *dialog = find_import_dialog ();

  return dialog != NULL && (data == NULL || data == (gpointer)dialog) &&
         !wenda_import_dialog_is_busy (dialog) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (PREVIEW (dialog, "stack"))), "preview") == 0 &&
         button_in_place (PREVIEW (dialog, "import_button"));
}

static WendaImportDialog *
wait_preview (void)
{
  g_assert_true (ui_wait_for (preview_ready, NULL, 20000));
  return find_import_dialog ();
}

/* Opens the file at @path as `wenda FILE` or a drop does, and waits for
 * its preview. */
static WendaImportDialog *
open_preview (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  wenda_window_import_file (window, file);
  return wait_preview ();
}

static const char *
preview_text (WendaImportDialog *dialog,
              const char        *name)
{
  return gtk_label_get_text (GTK_LABEL (PREVIEW (dialog, name)));
}

static gboolean
preview_shows (WendaImportDialog *dialog,
               const char        *name)
{
  return gtk_widget_get_mapped (PREVIEW (dialog, name));
}

static gboolean
import_usable (WendaImportDialog *dialog)
{
  return gtk_widget_is_sensitive (PREVIEW (dialog, "import_button"));
}

/* The first label under @widget, depth first: a row's prefix comes before
 * its title */
static GtkWidget *
first_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child))
        return child;
      if ((found = first_label (child)) != NULL)
        return found;
    }

  return NULL;
}

/* The questions the preview lists: "NUMBER QUESTION", one a row */
static char *
preview_questions (WendaImportDialog *dialog)
{
  GtkWidget *list = PREVIEW (dialog, "questions_list");
  g_autoptr(GString) text = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *prefix = first_label (row);

      g_assert_true (ADW_IS_ACTION_ROW (row));
      /* Text of the file: never markup */
      g_assert_false (adw_preferences_row_get_use_markup (ADW_PREFERENCES_ROW (row)));
      g_assert_nonnull (prefix);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s %s", gtk_label_get_text (GTK_LABEL (prefix)),
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The problems the preview lists, one a line, as its rows show them */
static char *
preview_problems (WendaImportDialog *dialog)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (PREVIEW (dialog, "problems_view"))));
  g_autoptr(GString) text = g_string_new (NULL);

  if (!preview_shows (dialog, "problems_group"))
    return g_strdup ("");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) message = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_string_object_get_string (message));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The choices of a combo row, as its list shows them, one a line */
static char *
combo_choices (GtkWidget *row)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (model, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, gtk_string_object_get_string (choice));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
combo_find (GtkWidget  *row,
            const char *choice)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (row));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), choice))
        return i;
    }

  g_error ("no choice “%s” in:\n%s", choice, combo_choices (row));
}

/* Chooses @choice in the combo row @name, as a click in its list does,
 * and waits for the file to be read again: meanwhile Import waits. */
static void
choose (WendaImportDialog *dialog,
        const char        *name,
        const char        *choice)
{
  GtkWidget *row = PREVIEW (dialog, name);

  g_assert_true (gtk_widget_is_sensitive (row));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), combo_find (row, choice));
  g_assert_true (wenda_import_dialog_is_busy (dialog));
  g_assert_false (import_usable (dialog));
  g_assert_true (ui_wait_for (preview_ready, dialog, 20000));
}

static void
on_imported (WendaImportDialog *dialog,
             WendaLibraryBank  *entry,
             gboolean           updated,
             WendaLibraryBank **got)
{
  *got = entry;
}

/* Import, clicked: the bank is saved, the dialog closes, and the window
 * has drawn the bank.  Returns it. */
static WendaLibraryBank *
click_import (WendaImportDialog *dialog)
{
  g_autoptr(WendaImportDialog) keep = g_object_ref (dialog);
  GtkWidget *button = PREVIEW (dialog, "import_button");
  WendaLibraryBank *entry = NULL;
  gulong handler;

  g_assert_true (import_usable (dialog));
  g_assert_true (ui_wait_for (button_in_place, button, 3000));
  handler = g_signal_connect (dialog, "imported", G_CALLBACK (on_imported), &entry);
  ui_click (button);
  ui_assert_eventually (entry != NULL);
  g_signal_handler_disconnect (dialog, handler);
  ui_assert_eventually (find_import_dialog () != dialog);
  ui_wait_frame (GTK_WIDGET (window));

  return entry;
}

/* Cancel, clicked: the dialog closes, and nothing is saved */
static void
click_cancel (WendaImportDialog *dialog)
{
  g_autoptr(WendaImportDialog) keep = g_object_ref (dialog);
  GtkWidget *button = PREVIEW (dialog, "cancel_button");

  g_assert_true (ui_wait_for (button_in_place, button, 3000));
  ui_click (button);
  ui_assert_eventually (find_import_dialog () != dialog);
}

/* The fixture @name of tests/fixtures/import/ */
static char *
import_fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

/* What the import API itself makes of the file at @path: the dialog must
 * show that */
static WendaImportReport *
read_report (const char               *path,
             const WendaImportOptions *options)
{
  g_autofree char *data = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(WendaBank) bank = NULL;
  WendaImportReport *report = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  bank = wenda_import_parse_full (data, length, basename, WENDA_IMPORT_FORMAT_AUTO, options,
                                  "x", NULL, NULL, NULL, &report, NULL);
  return report;
}

/* Import as a new bank, also when the library has one of the file's
 * name, which the dialog offers to update */
static WendaLibraryBank *
import_as_new (WendaImportDialog *dialog)
{
  if (adw_combo_row_get_selected (ADW_COMBO_ROW (PREVIEW (dialog, "target_row"))) != 0)
    choose (dialog, "target_row", "Add as a New Bank");

  return click_import (dialog);
}

/* Imports the fixture @name of tests/fixtures/banks/ through the dialog,
 * as a new bank */
static void
import (const char *name)
{
  g_autofree char *path = fixture (name);
  guint before = n_banks ();

  import_as_new (open_preview (path));
  ui_assert_eventually (n_banks () == before + 1);
  /* The dialog has gone, and the window has drawn the bank. */
  ui_assert_eventually (!wenda_window_is_importing (window));
  ui_wait_frame (GTK_WIDGET (window));
}

/* }}} */

/* A Markdown bank: the dialog shows what it holds before anything is
 * saved; Import adds it to the library, the chooser shows it, and it is
 * read like the bundled one. */
static void
test_import (void)
{
  g_autofree char *path = fixture ("interview.md");
  g_autofree char *copy = NULL;
  g_autofree char *questions = NULL;
  g_autoptr(GDir) dir = NULL;
  WendaImportDialog *dialog;
  guint before = n_banks ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("title_stack"))), ==, "title");
  dialog = open_preview (path);

  /* The file's name, its title, how many questions, the layout found */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (PREVIEW (dialog, "window_title"))),
                   ==, "interview.md");
  g_assert_cmpstr (preview_text (dialog, "title_label"), ==, "我的面试题");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "3 questions");
  g_assert_cmpstr (preview_text (dialog, "layout_label"), ==, "Read as 题目 headings");
  g_assert_true (preview_shows (dialog, "layout_label"));
  g_assert_false (preview_shows (dialog, "refusal_box"));
  /* The first questions, with their numbers; no problems */
  questions = preview_questions (dialog);
  g_assert_cmpstr (questions, ==, "1 什么是过拟合（Overfitting）？\n"
                                  "2 什么是批归一化？\n"
                                  "3 什么是早停（Early Stopping）？");
  g_assert_false (preview_shows (dialog, "problems_group"));
  /* A new bank: nothing in the library has its name */
  g_assert_false (preview_shows (dialog, "changes_group"));
  g_assert_true (import_usable (dialog));

  /* Nothing is saved before Import */
  g_assert_cmpuint (n_banks (), ==, before);
  copy = g_build_filename (ui_data_home (), APP_ID, "banks", NULL);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (!wenda_window_is_importing (window));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("title_stack"))), ==, "banks");
  g_assert_cmpstr (bank_title (), ==, "我的面试题");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 3);
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (DETAIL ("question_label"))),
                                   "什么是过拟合（Overfitting）？") == 0);

  /* A copy is kept in the user's data folder. */
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_DIR));
  dir = g_dir_open (copy, 0, NULL);
  g_assert_nonnull (dir);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "interview.json");
}

/* Every control of the dialog has a name a screen reader says */
static void
assert_accessible (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_PREFERENCES_ROW (child))
        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), !=, "");
      else if (GTK_IS_BUTTON (child) && gtk_button_get_label (GTK_BUTTON (child)) == NULL &&
               !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (child)))
        g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL));
      else if (GTK_IS_LIST_VIEW (child) || GTK_IS_LIST_BOX (child) || GTK_IS_PROGRESS_BAR (child) ||
               ADW_IS_SPINNER (child))
        {
          /* The rows of the first questions are in a list box of their own */
          if ((!GTK_IS_LIST_BOX (child) || child == PREVIEW (find_import_dialog (), "questions_list")) &&
              !gtk_test_accessible_has_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL))
            g_error ("a %s with no accessible label (%s)", G_OBJECT_TYPE_NAME (child), G_OBJECT_TYPE_NAME (gtk_widget_get_parent (child)));
        }

      /* A combo row's list is its own business */
      if (!GTK_IS_POPOVER (child) && !ADW_IS_COMBO_ROW (child))
        assert_accessible (child);
    }
}

/* From the keyboard: the focus is on Import, Escape cancels, Enter
 * imports; every control has a name. */
static void
test_import_keys (void)
{
  g_autofree char *path = import_fixture ("seed-format.md");
  WendaImportDialog *dialog;
  guint before = n_banks ();

  ui_focus_window (GTK_WINDOW (window));
  dialog = open_preview (path);
  g_assert_cmpstr (preview_text (dialog, "title_label"), ==, "格式测试");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "2 questions");
  assert_accessible (GTK_WIDGET (dialog));
  g_assert_true (adw_dialog_get_default_widget (ADW_DIALOG (dialog)) == PREVIEW (dialog, "import_button"));
  ui_wait_focus (PREVIEW (dialog, "import_button"));

  /* Escape: nothing saved */
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (find_import_dialog () == NULL);
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);

  /* Enter: imported */
  dialog = open_preview (path);
  ui_wait_focus (PREVIEW (dialog, "import_button"));
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (find_import_dialog () == NULL);
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpstr (bank_title (), ==, "格式测试");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 2);
}

/* Cancel saves nothing: no bank, no file */
static void
test_import_cancel (void)
{
  g_autofree char *path = import_fixture ("missing-explanation.md");
  g_autofree char *folder = g_build_filename (ui_data_home (), APP_ID, "banks", NULL);
  g_autofree char *before_files = NULL;
  g_autofree char *after_files = NULL;
  g_autofree char *title = g_strdup (bank_title ());
  guint before = n_banks ();
  g_autoptr(GString) names = g_string_new (NULL);

  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_string_append_printf (names, "%s ", name);
    before_files = g_strdup (names->str);
  }

  click_cancel (open_preview (path));
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);
  g_assert_cmpstr (bank_title (), ==, title);

  g_string_truncate (names, 0);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      g_string_append_printf (names, "%s ", name);
    after_files = g_strdup (names->str);
  }
  g_assert_cmpstr (after_files, ==, before_files);
}

/* A file no question can be read from: the same dialog, with the reason
 * and the whole report, every problem with its line; Import is off, and
 * the layout can still be chosen. */
static void
test_import_refused (void)
{
  g_autofree char *path = import_fixture ("all-bad.md");
  g_autoptr(WendaImportReport) report = read_report (path, NULL);
  g_autofree char *problems = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);
  const WendaImportProblem *last;
  WendaImportDialog *dialog;
  guint before = n_banks ();
  guint n;

  dialog = open_preview (path);
  g_assert_false (import_usable (dialog));
  g_assert_true (preview_shows (dialog, "refusal_box"));
  g_assert_false (preview_shows (dialog, "counts_label"));
  g_assert_false (preview_shows (dialog, "questions_group"));
  g_assert_cmpstr (preview_text (dialog, "refusal_heading"), ==, "Nothing Can Be Imported");

  /* The reason is the report's last problem */
  n = wenda_import_report_get_n_problems (report);
  g_assert_cmpuint (n, ==, 4);
  last = wenda_import_report_get_problem (report, n - 1);
  g_assert_cmpstr (preview_text (dialog, "reason_label"), ==, last->message);
  g_assert_true (g_str_has_prefix (last->message, "all-bad.md:1: no question"));

  /* Every problem, with its line */
  for (guint i = 0; i < n; i++)
    g_string_append_printf (expected, "%s%s", i > 0 ? "\n" : "",
                            wenda_import_report_get_problem (report, i)->message);
  problems = preview_problems (dialog);
  g_test_message ("problems:\n%s", problems);
  g_assert_cmpstr (problems, ==, expected->str);
  g_assert_true (g_str_has_prefix (problems, "all-bad.md:3: "));
  g_assert_nonnull (strstr (problems, "\nall-bad.md:5: "));
  g_assert_nonnull (strstr (problems, "\nall-bad.md:13: "));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (PREVIEW (dialog, "problems_group"))),
                   ==, "4 Problems");
  /* Their rows are drawn, the text as it is */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (PREVIEW (dialog, "problems_stack"))), ==, "few");
  g_assert_nonnull (ui_find_by_label (PREVIEW (dialog, "problems_list"), GTK_TYPE_LABEL,
                                      wenda_import_report_get_problem (report, 0)->message));
  g_assert_nonnull (ui_find_by_label (PREVIEW (dialog, "problems_list"), GTK_TYPE_LABEL, last->message));

  /* The layout row stays usable */
  g_assert_true (preview_shows (dialog, "layout_row"));
  g_assert_true (gtk_widget_is_sensitive (PREVIEW (dialog, "layout_row")));

  /* The keyboard is on the layout row, the one thing to do; Cancel
   * closes the dialog */
  ui_focus_window (GTK_WINDOW (window));
  ui_wait_focus (PREVIEW (dialog, "layout_row"));
  click_cancel (dialog);
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);
}

/* A file with many problems: every one is listed, in a list of its own
 * that makes only the rows it shows */
static void
test_import_many_problems (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "many-problems.md", NULL);
  g_autoptr(GString) text = g_string_new ("# 很多问题\n\n");
  g_autoptr(WendaImportReport) report = NULL;
  g_autofree char *problems = NULL;
  g_auto(GStrv) lines = NULL;
  WendaImportDialog *dialog;
  guint before = n_banks ();
  GListModel *model;

  /* Line 3 + 4 (i - 1): 题目 i; every odd one has no answer */
  for (guint i = 1; i <= 1000; i++)
    {
      if (i % 2)
        g_string_append_printf (text, "#### 题目 %u：没有答案？\n\n\n\n", i);
      else
        g_string_append_printf (text, "#### 题目 %u：有答案？\n\n**答案：** 有。\n\n", i);
    }
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  report = read_report (path, NULL);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 500);

  dialog = open_preview (path);
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "500 questions");
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (PREVIEW (dialog, "problems_group"))),
                   ==, "500 Problems");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (PREVIEW (dialog, "problems_stack"))), ==, "many");
  problems = preview_problems (dialog);
  lines = g_strsplit (problems, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 500);
  g_assert_true (g_str_has_prefix (lines[0], "many-problems.md:3: "));
  g_assert_true (g_str_has_prefix (lines[499], "many-problems.md:3995: "));
  /* The list shows its first rows, not all 500 */
  ui_wait_frame (GTK_WIDGET (dialog));
  g_assert_nonnull (ui_find_by_label (PREVIEW (dialog, "problems_view"), GTK_TYPE_LABEL, lines[0]));
  g_assert_null (ui_find_by_label (PREVIEW (dialog, "problems_view"), GTK_TYPE_LABEL, lines[499]));
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (PREVIEW (dialog, "problems_view"))));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 500);

  click_cancel (dialog);
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);
  g_unlink (path);
}

/* Refused as it is, but the reader saw the headings that look like
 * questions: choosing their level reads them, and Import can then add
 * them. */
static void
test_import_refused_choose_level (void)
{
  g_autofree char *path = import_fixture ("few-headings.md");
  g_autofree char *questions = NULL;
  WendaImportDialog *dialog;
  guint before = n_banks ();

  dialog = open_preview (path);
  g_assert_false (import_usable (dialog));
  g_test_message ("reason: %s", preview_text (dialog, "reason_label"));
  g_assert_cmpstr (preview_text (dialog, "reason_label"), ==,
                   "few-headings.md:1: no question found; the headings at level 3 look like questions: choose them?");

  choose (dialog, "layout_row", "Level 3 headings");
  g_assert_true (import_usable (dialog));
  g_assert_false (preview_shows (dialog, "refusal_box"));
  g_assert_cmpstr (preview_text (dialog, "title_label"), ==, "笔记");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "2 questions");
  g_assert_cmpstr (preview_text (dialog, "layout_label"), ==, "Read as level 3 headings");
  questions = preview_questions (dialog);
  g_assert_cmpstr (questions, ==, "1 什么是 A？\n2 什么是 B？");

  click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  g_assert_cmpstr (bank_title (), ==, "笔记");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 2);
}

/* The layout row offers the levels that have headings with text under
 * them, and the other layouts; another level reads the file again, and
 * the counts, questions and problems follow. */
static void
test_import_choose_level (void)
{
  g_autofree char *path = import_fixture ("levels.md");
  g_autoptr(WendaImportReport) report = read_report (path, NULL);
  g_autoptr(GString) expected = g_string_new ("Automatic\n题目 headings");
  g_autofree char *choices = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *problems = NULL;
  WendaImportDialog *dialog;
  guint before = n_banks ();

  for (guint level = 1; level <= 6; level++)
    if (wenda_import_report_get_n_headings (report, level) > 0)
      g_string_append_printf (expected, "\nLevel %u headings", level);
  g_string_append (expected, "\nBold questions\nQ/A markers\nDetails blocks\nQuestion list");

  dialog = open_preview (path);
  choices = combo_choices (PREVIEW (dialog, "layout_row"));
  g_assert_cmpstr (choices, ==, expected->str);
  /* This file has candidates at two levels */
  g_assert_nonnull (strstr (choices, "Level 2 headings"));
  g_assert_nonnull (strstr (choices, "Level 3 headings"));

  /* As found: the level 3 headings are the questions, in two sections */
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "3 questions in 2 sections");
  g_assert_cmpstr (preview_text (dialog, "layout_label"), ==, "Read as level 3 headings");
  problems = preview_problems (dialog);
  g_assert_true (g_str_has_prefix (problems, "levels.md:5: "));
  g_assert_nonnull (strstr (problems, "\nlevels.md:17: "));

  /* Level 2: two questions, the chapters */
  choose (dialog, "layout_row", "Level 2 headings");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "2 questions");
  g_assert_cmpstr (preview_text (dialog, "layout_label"), ==, "Read as level 2 headings");
  questions = preview_questions (dialog);
  g_assert_cmpstr (questions, ==, "1 基础\n2 概率");
  g_assert_false (preview_shows (dialog, "problems_group"));

  /* Back to what Wenda finds */
  choose (dialog, "layout_row", "Automatic");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "3 questions in 2 sections");

  /* A layout the file does not have: refused, and the report says why */
  choose (dialog, "layout_row", "Details blocks");
  g_assert_false (import_usable (dialog));
  g_assert_true (preview_shows (dialog, "refusal_box"));
  g_test_message ("as details: %s", preview_text (dialog, "reason_label"));

  /* Level 2 again, and Import takes that reading */
  choose (dialog, "layout_row", "Level 2 headings");
  click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 2);
}

/* The titles of the table of first rows, joined with "|" */
static char *
table_titles (WendaImportDialog *dialog)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (PREVIEW (dialog, "table_view")));
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (i > 0)
        g_string_append_c (text, '|');
      g_string_append (text, gtk_column_view_column_get_title (column));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const char *
combo_selected (WendaImportDialog *dialog,
                const char        *name)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (ADW_COMBO_ROW (PREVIEW (dialog, name)));

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

/* A CSV file: the preview shows the delimiter, the header, the columns
 * found and a table of the first rows; another question column reads the
 * file again (the answer takes the question's old column), and Import
 * takes that reading. */
static void
test_import_csv (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "csv", "semicolon.csv", NULL);
  g_autofree char *titles = NULL;
  g_autofree char *choices = NULL;
  g_autofree char *questions = NULL;
  WendaImportDialog *dialog;
  WendaQaItem *first;
  guint before = n_banks ();

  dialog = open_preview (path);
  g_assert_false (preview_shows (dialog, "layout_row"));
  g_assert_true (preview_shows (dialog, "csv_group"));
  g_assert_true (preview_shows (dialog, "table_group"));
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "3 questions");
  g_assert_cmpstr (preview_text (dialog, "layout_label"), ==, "Read as CSV columns");
  g_assert_cmpstr (combo_selected (dialog, "delimiter_row"), ==, "Semicolon");
  g_assert_true (adw_switch_row_get_active (ADW_SWITCH_ROW (PREVIEW (dialog, "header_row"))));
  titles = table_titles (dialog);
  g_assert_cmpstr (titles, ==, "Number|Question|Answer");
  choices = combo_choices (PREVIEW (dialog, "explanation_column_row"));
  g_assert_cmpstr (choices, ==, "None\nNumber (column 1)\nQuestion (column 2)\nAnswer (column 3)");
  g_assert_cmpstr (combo_selected (dialog, "question_column_row"), ==, "Question (column 2)");
  g_assert_cmpstr (combo_selected (dialog, "answer_column_row"), ==, "Answer (column 3)");
  g_assert_cmpstr (combo_selected (dialog, "explanation_column_row"), ==, "None");
  g_assert_cmpstr (combo_selected (dialog, "tags_column_row"), ==, "None");
  questions = preview_questions (dialog);
  g_assert_true (g_str_has_prefix (questions, "1.1 What is a tensor?\n"));

  /* The answers as the questions: the answer row takes column 2 */
  choose (dialog, "question_column_row", "Answer (column 3)");
  g_assert_cmpstr (combo_selected (dialog, "question_column_row"), ==, "Answer (column 3)");
  g_assert_cmpstr (combo_selected (dialog, "answer_column_row"), ==, "Question (column 2)");
  g_clear_pointer (&questions, g_free);
  questions = preview_questions (dialog);
  g_assert_true (g_str_has_prefix (questions, "1.1 A multi-dimensional array.\n"));

  /* Every control of it takes the keyboard */
  g_assert_true (gtk_widget_get_focusable (PREVIEW (dialog, "delimiter_row")));
  g_assert_true (gtk_widget_get_focusable (PREVIEW (dialog, "header_row")));

  click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  first = g_list_model_get_item (G_LIST_MODEL (wenda_window_get_bank (window)), 0);
  g_assert_cmpstr (wenda_qa_item_get_question (first), ==, "A multi-dimensional array.");
  g_assert_cmpstr (wenda_qa_item_get_answer (first), ==, "What is a tensor?");
  g_assert_cmpstr (wenda_qa_item_get_label (first), ==, "1.1");
  g_object_unref (first);
}

/* Importing a new version of a bank already in the library is an update:
 * the dialog says how many questions are added, removed and changed, and
 * Import replaces the bank's content, keeping its id, so the progress of
 * every question still there stays. */
static void
test_import_update (void)
{
  g_autofree char *folder = g_build_filename (ui_data_home (), "update", NULL);
  g_autofree char *path = g_build_filename (folder, "notes.md", NULL);
  g_autofree char *v1 = import_fixture ("update-v1.md");
  g_autofree char *v2 = import_fixture ("update-v2.md");
  g_autofree char *text = NULL;
  g_autofree char *choices = NULL;
  WendaStudyStore *store = wenda_application_get_study_store (app);
  WendaLibraryBank *entry, *updated, *added;
  WendaImportDialog *dialog;
  WendaCard card;
  WendaBank *bank;
  gboolean starred = FALSE;
  guint before;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_get_contents (v1, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));
  g_clear_pointer (&text, g_free);

  /* The first version, new to the library */
  before = n_banks ();
  dialog = open_preview (path);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (PREVIEW (dialog, "target_row"))), ==, 0);
  g_assert_false (preview_shows (dialog, "changes_group"));
  entry = click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  g_assert_cmpstr (wenda_library_bank_get_id (entry), ==, "notes");
  g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, 4);

  /* Progress on №2 (whose answer changes), №3 (which goes) and №4 */
  wenda_study_store_set_starred (store, "notes-002", TRUE);
  wenda_study_store_set_starred (store, "notes-003", TRUE);
  wenda_card_init (&card);
  card.state = WENDA_CARD_STATE_REVIEW;
  card.stability = 12;
  card.difficulty = 4;
  card.due = g_get_real_time () / G_USEC_PER_SEC + 7 * 86400;
  card.last_review = g_get_real_time () / G_USEC_PER_SEC;
  card.reps = 3;
  wenda_study_store_set_card (store, "notes-004", &card);

  /* The second version, in the same place */
  g_assert_true (g_file_get_contents (v2, &text, &length, NULL));
  g_assert_true (g_file_set_contents (path, text, length, NULL));

  before = n_banks ();
  dialog = open_preview (path);
  /* The bank of the same name is chosen, and the changes are counted */
  choices = combo_choices (PREVIEW (dialog, "target_row"));
  g_assert_nonnull (strstr (choices, "Add as a New Bank\n"));
  g_assert_nonnull (strstr (choices, "\nUpdate “更新测试”"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (PREVIEW (dialog, "target_row"))), ==,
                    combo_find (PREVIEW (dialog, "target_row"), "Update “更新测试”"));
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "5 questions");
  g_assert_true (preview_shows (dialog, "changes_group"));
  g_assert_cmpstr (preview_text (dialog, "added_label"), ==, "2");
  g_assert_cmpstr (preview_text (dialog, "removed_label"), ==, "1");
  g_assert_cmpstr (preview_text (dialog, "changed_label"), ==, "1");
  g_assert_cmpstr (preview_text (dialog, "unchanged_label"), ==, "2");

  updated = click_import (dialog);
  ui_assert_eventually (!wenda_window_is_importing (window));
  /* The same bank, no new one */
  g_assert_true (updated == entry);
  g_assert_cmpuint (n_banks (), ==, before);
  g_assert_cmpstr (wenda_library_bank_get_id (entry), ==, "notes");
  g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, 5);

  /* The window shows the new content */
  bank = wenda_window_get_bank (window);
  g_assert_true (bank == wenda_library_bank_get_bank (entry));
  g_assert_null (wenda_bank_lookup_id (bank, "notes-003"));
  g_assert_nonnull (wenda_bank_lookup_id (bank, "notes-006"));
  g_assert_cmpstr (wenda_qa_item_get_answer (wenda_bank_lookup_id (bank, "notes-002")), ==,
                   "模型容量不足，连训练集都拟合不好。");

  /* Progress stays with the questions still there */
  g_assert_true (wenda_study_store_get_starred (store, "notes-002"));
  wenda_study_store_get_card (store, "notes-004", &card);
  g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_REVIEW);
  g_assert_cmpuint (card.reps, ==, 3);
  ui_show_topic (window, 2);
  g_object_get (window, "starred", &starred, NULL);
  g_assert_true (starred);
  ui_show_topic (window, 1);
  g_object_get (window, "starred", &starred, NULL);
  g_assert_false (starred);

  /* The same file as a new bank: the other choice; no changes shown */
  dialog = open_preview (path);
  choose (dialog, "target_row", "Add as a New Bank");
  g_assert_false (preview_shows (dialog, "changes_group"));
  added = click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  g_assert_true (added != entry);
  g_assert_cmpstr (wenda_library_bank_get_id (added), ==, "notes-2");
  g_assert_nonnull (wenda_bank_lookup_id (wenda_library_bank_get_bank (added), "notes-2-001"));
  g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, 5);
}

/* An imported bank has no English: the reading-language control says so,
 * and the text stays as written whatever mode was chosen. */
static void
test_original_only (void)
{
  GtkWidget *mode_button = WIN ("mode_button");

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  /* English is chosen, and the window has drawn what it shows for it. */
  ui_assert_eventually (wenda_window_get_content_mode (window) == WENDA_CONTENT_MODE_EN);
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_false (gtk_widget_get_sensitive (mode_button));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (WIN ("mode_label"))), ==, "Original Only");
  g_assert_true (gtk_widget_get_mapped (DETAIL ("question_label")));
  g_assert_false (gtk_widget_get_mapped (DETAIL ("question_en_label")));
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

/* Whether @label's layout has an attribute of @type, over @text if not
 * NULL */
static gboolean
label_has_attr (GtkWidget     *label,
                PangoAttrType  type,
                const char    *text)
{
  PangoLayout *layout = gtk_label_get_layout (GTK_LABEL (label));
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  const char *shown = pango_layout_get_text (layout);
  g_autoptr(GSList) all = NULL;
  const char *at = text != NULL ? strstr (shown, text) : NULL;

  if (attrs == NULL)
    return FALSE;

  all = pango_attr_list_get_attributes (attrs);
  for (GSList *l = all; l != NULL; l = l->next)
    {
      PangoAttribute *attr = l->data;

      if (attr->klass->type == type &&
          (text == NULL || (at != NULL && attr->start_index <= (guint) (at - shown) &&
                            attr->end_index >= (guint) (at - shown + strlen (text)))))
        {
          g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
          return TRUE;
        }
    }
  g_slist_free_full (g_steal_pointer (&all), (GDestroyNotify) pango_attribute_destroy);
  return FALSE;
}

/* A bank full of Pango markup and printf directives: none of it is read
 * as Pango markup.  As Markdown, its HTML is HTML: <b> and <i> format,
 * an unknown tag (<span size=…>) is dropped with its text kept, entities
 * are decoded; the printf directives stay. */
static void
test_markup_is_text (void)
{
  g_autofree char *path = fixture ("markup.md");
  g_autofree char *questions = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *explanation = NULL;
  WendaImportDialog *dialog;
  GtkWidget *question, *label;

  /* The preview shows it as it is, too */
  dialog = open_preview (path);
  g_assert_cmpstr (preview_text (dialog, "title_label"), ==, "<b>Markup</b> &amp; friends");
  g_assert_false (gtk_label_get_use_markup (GTK_LABEL (PREVIEW (dialog, "title_label"))));
  questions = preview_questions (dialog);
  g_assert_cmpstr (questions, ==, "1 <span size=\"99999999\">大</span> 还是 <b>粗</b>？");
  click_import (dialog);

  g_assert_cmpstr (bank_title (), ==, "<b>Markup</b> &amp; friends");
  question = DETAIL ("question_label");
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (question)), "大 还是 粗？") == 0);
  g_assert_true (label_has_attr (question, PANGO_ATTR_WEIGHT, "粗"));
  g_assert_false (label_has_attr (question, PANGO_ATTR_SIZE, NULL));
  g_assert_false (label_has_attr (question, PANGO_ATTR_ABSOLUTE_SIZE, NULL));

  answer = ui_label_texts (DETAIL ("answer_view"), "|", TRUE);
  /* &#0; stands for no character: it stays as written */
  g_assert_cmpstr (answer, ==, "& 和 &#0; 以及 %s%n 都应原样显示。");
  explanation = ui_label_texts (DETAIL ("explanation_view"), "|", TRUE);
  g_assert_cmpstr (explanation, ==, "斜体 链接 %s%s%s%n");
  label = GTK_WIDGET (wenda_rich_view_get_first_label (WENDA_RICH_VIEW (DETAIL ("explanation_view"))));
  g_assert_true (label_has_attr (label, PANGO_ATTR_STYLE, "斜体"));
  g_assert_false (label_has_attr (label, PANGO_ATTR_SIZE, NULL));
  /* The title in the window's header, too. */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (WIN ("sidebar_title"))), ==,
                   "<b>Markup</b> &amp; friends");
}

/* Rename, through the dialog the menu opens. */
static void
test_rename (void)
{
  AdwAlertDialog *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  dialog = find_dialog ();
  entry = adw_alert_dialog_get_extra_child (dialog);
  gtk_editable_set_text (GTK_EDITABLE (entry), "标记测试");
  respond (dialog, "rename");
  ui_assert_eventually (g_strcmp0 (bank_title (), "标记测试") == 0);
}

/* Remove asks first; Cancel keeps the bank, Remove deletes it and shows
 * the bundled bank. */
static void
test_remove (void)
{
  guint before = n_banks ();
  AdwAlertDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  /* The dialog answered Cancel, and the app has handled the answer. */
  respond (find_dialog (), "cancel");
  g_assert_cmpuint (n_banks (), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  dialog = find_dialog ();
  respond (dialog, "remove");
  ui_assert_eventually (n_banks () == before - 1);
  g_assert_true (wenda_library_bank_is_bundled (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (WIN ("bank_dropdown")))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 30);
}

/* A file that is not a bank: the dialog names it and says why, and
 * nothing is added. */
static void
test_import_error (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "binary.md", NULL);
  static const char binary[] = "\x7f" "ELF\0\0\0\x01\x02\x03 not text";
  guint before = n_banks ();
  WendaImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, binary, sizeof binary, NULL));
  dialog = open_preview (path);
  g_test_message ("reason: %s", preview_text (dialog, "reason_label"));
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (PREVIEW (dialog, "window_title"))),
                   ==, "binary.md");
  g_assert_true (g_str_has_prefix (preview_text (dialog, "reason_label"), "binary.md:"));
  g_assert_false (import_usable (dialog));
  click_cancel (dialog);
  /* The dialog has gone, and nothing more comes of it. */
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);
  g_unlink (path);
}

/* Choosing a bank in the header's chooser shows it; the choice is kept. */
static void
test_choose_bank (void)
{
  guint position;

  import ("interview.md");
  /* Where the chooser lists it (the library sorts by title) */
  position = gtk_drop_down_get_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")));
  g_assert_cmpuint (position, >, 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")), 0);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 30);
  g_assert_true (gtk_widget_get_sensitive (WIN ("mode_button")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")), position);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 3);
}

static gboolean
glossary_ready (gpointer data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))), "0 terms") != 0 &&
         gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label")))[0] != '\0';
}

/* The reading of a slow file shows its progress, and Cancel ends it.
 * The "file" is a named pipe the test writes to only after the user has
 * cancelled, so the reading is slow for sure. */
static void
test_slow_import_cancelled (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "slow.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_banks ();
  WendaImportDialog *dialog;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  wenda_window_import_file (window, file);

  ui_assert_eventually (find_import_dialog () != NULL);
  dialog = find_import_dialog ();
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (PREVIEW (dialog, "window_title"))),
                   ==, "slow.md");
  g_assert_true (wenda_import_dialog_is_busy (dialog));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (PREVIEW (dialog, "stack"))), ==, "loading");
  /* The spinner and the progress show once it takes a moment */
  ui_assert_eventually (gtk_widget_get_mapped (PREVIEW (dialog, "busy_spinner")) &&
                        gtk_widget_get_mapped (PREVIEW (dialog, "progress_bar")));
  g_assert_false (import_usable (dialog));

  /* The user cancels.  The reader, blocked opening the pipe, then sees
   * the cancellation and stops, so the write may find no reader (EPIPE;
   * GIO ignores SIGPIPE). */
  click_cancel (dialog);
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  if (write (fd, "#### 题目 1：问？\n\n**答案：** 答。\n", 40) < 0)
    g_test_message ("write: %s", g_strerror (errno));
  close (fd);

  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_null (find_import_dialog ());
  /* The reading's end, in its thread, changes nothing */
  for (guint i = 0; i < 10; i++)
    {
      ui_wait_idle ();
      g_usleep (10000);
    }
  ui_wait_idle ();
  g_assert_cmpuint (n_banks (), ==, before);
  g_unlink (path);
}

/* A question asked many times links to the first ten repeats and says how
 * many more there are. */
static void
test_many_repeats (void)
{
  GtkWidget *box;
  guint n_links = 0;
  gboolean more = FALSE;

  import ("repeated.md");
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 13);
  ui_show_topic (window, 1);
  box = DETAIL ("related_box");
  /* The pane shows topic 1, and its links under it. */
  ui_assert_eventually (wenda_qa_item_get_number (wenda_window_get_current_item (window)) == 1 &&
                        gtk_widget_get_mapped (box));
  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_BUTTON (c))
        n_links++;
      else if (GTK_IS_LABEL (c) &&
               g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), "and 2 more topics ask the same") == 0)
        more = TRUE;
    }
  g_assert_cmpuint (n_links, ==, 10);
  g_assert_true (more);
}

/* A bank too large to scan at once gets its glossary from a worker
 * thread: the window shows the bank first, the terms a moment later. */
static void
test_large_bank_glossary (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "large.md", NULL);
  g_autoptr(GString) text = g_string_new ("### 大题库\n\n");
  guint before = n_banks ();

  static const char *stems[] = { "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸" };
  static const char *branches[] = { "子", "丑", "寅", "卯", "辰" };

  /* 50 terms, each glossed: 甲子（Term AA）… */
  for (guint i = 1; i <= 2100; i++)
    g_string_append_printf (text, "#### 题目 %u：什么是%s%s学习（Term %c%c Learning）？\n\n"
                                  "**答案：** 第 %u 个答案。\n\n",
                            i, stems[i / 5 % 10], branches[i % 5],
                            'A' + i / 5 % 10, 'A' + i % 5, i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  click_import (open_preview (path));
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 2100);
  /* The count is on the glossary page, which is made when first shown. */
  wenda_sidebar_set_page (WENDA_SIDEBAR (WIN ("sidebar")), WENDA_SIDEBAR_PAGE_GLOSSARY);
  g_assert_true (ui_wait_for (glossary_ready, NULL, 20000));
  g_test_message ("glossary: %s", gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))), ==, "50 terms");
  wenda_sidebar_set_page (WENDA_SIDEBAR (WIN ("sidebar")), WENDA_SIDEBAR_PAGE_TOPICS);
}

static void
count_searches (GObject    *filter,
                GParamSpec *pspec,
                gpointer    data)
{
  if (wenda_search_filter_get_search (WENDA_SEARCH_FILTER (filter)) != NULL)
    (*(guint *)data)++;
}

/* A template child of the window that is not a widget */
#define WIN_OBJECT(name) ui_template_object (window, WENDA_TYPE_WINDOW, name)

static guint
n_listed (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (WIN_OBJECT ("filter_model")));
}

static gboolean
list_has_n_items (gpointer data)
{
  return n_listed () == GPOINTER_TO_UINT (data);
}

/* No window of the app is showing but the main one (the import's
 * progress dialog, shown after 0.5 s, has gone) */
static gboolean
only_main_window (gpointer data)
{
  GList *toplevels = gtk_window_list_toplevels ();
  gboolean only = TRUE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer)window && gtk_widget_get_visible (l->data))
      only = FALSE;
  g_list_free (toplevels);

  return only;
}

/* The first topic row under @widget */
static GtkWidget *
find_topic_row (GtkWidget *widget)
{
  if (WENDA_IS_TOPIC_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_topic_row (child);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static int
row_number_width (void)
{
  GtkWidget *row = find_topic_row (GTK_WIDGET (window));

  g_assert_nonnull (row);
  /* The number is the row's first label. */
  return gtk_label_get_width_chars (GTK_LABEL (gtk_widget_get_first_child (row)));
}

static void
set_flag (gpointer  instance,
          gboolean *flag)
{
  *flag = TRUE;
}

static void
clear_flag (gpointer  instance,
            gboolean *flag)
{
  *flag = FALSE;
}

/* The search bar has slid open: its revealer's transition has ended. */
static gboolean
search_bar_revealed (gpointer data)
{
  for (GtkWidget *child = gtk_widget_get_first_child (WIN ("search_bar")); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_REVEALER (child))
        return gtk_revealer_get_child_revealed (GTK_REVEALER (child)) && gtk_widget_get_mapped (child);
    }

  g_error ("the search bar has no revealer");
}

static gboolean
entry_has_text (gpointer data)
{
  return g_str_equal (gtk_editable_get_text (GTK_EDITABLE (WIN ("search_entry"))), data);
}

/* In a bank of over 5,000 topics the search runs when typing pauses, not
 * at every key; clearing it, Enter, and a search from outside the window
 * run it at once.  The count under the search says what the list shows. */
static void
test_large_bank_search (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "huge.md", NULL);
  g_autoptr(GString) text = g_string_new ("### 很大的题库\n\n");
  GtkEditable *entry = GTK_EDITABLE (WIN ("search_entry"));
  GObject *filter = WIN_OBJECT ("search_filter");
  const guint n_items = 6000;
  guint n_searches = 0;
  gboolean search_pending = FALSE;
  gulong handler, changed, search_changed;

  for (guint i = 1; i <= n_items; i++)
    g_string_append_printf (text, "#### 题目 %u：第 %u 个问题？\n\n**答案：** %s %u。\n\n",
                            i, i, i % 3 == 0 ? "gradient clipping" : "知识蒸馏", i);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  click_import (open_preview (path));
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == n_items);
  g_assert_true (ui_wait_for (list_has_n_items, GUINT_TO_POINTER (n_items), 5000));

  /* The rows' numbers are as wide as 6000, so that the questions line up */
  {
    int width = 0;

    g_object_get (window, "number-width", &width, NULL);
    g_assert_cmpint (width, ==, 4);
    /* The rows follow it. */
    ui_assert_eventually (find_topic_row (GTK_WIDGET (window)) != NULL && row_number_width () == 4);
  }

  /* A change of the text alone does not search yet... */
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (WIN ("search_bar")), TRUE);
  gtk_editable_set_text (entry, "gradient");
  g_assert_cmpuint (n_listed (), ==, n_items);
  /* Counts are grouped the locale's way (the test runs in C.UTF-8, which
   * has no grouping, and in en_US.UTF-8). */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIN ("match_label"))), ==,
                   locale_groups () ? "6,000 topics" : "6000 topics");
  /* ...the pause does */
  g_assert_true (ui_wait_for (list_has_n_items, GUINT_TO_POINTER (n_items / 3), 5000));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIN ("match_label"))), ==,
                   locale_groups () ? "2,000 matches" : "2000 matches");

  /* Clearing is at once */
  gtk_editable_set_text (entry, "");
  g_assert_cmpuint (n_listed (), ==, n_items);

  /* Enter searches what was typed, at once */
  gtk_editable_set_text (entry, "知识蒸馏");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (n_listed (), ==, n_items - n_items / 3);

  /* So does a search from outside (the desktop's search provider) */
  wenda_window_set_search_text (window, "clipping");
  g_assert_cmpuint (n_listed (), ==, n_items / 3);
  wenda_window_set_search_text (window, "");
  g_assert_cmpuint (n_listed (), ==, n_items);

  /* Typed with real keys, a word is searched once, not once a letter */
  handler = g_signal_connect (filter, "notify::search", G_CALLBACK (count_searches), &n_searches);
  changed = g_signal_connect (entry, "changed", G_CALLBACK (set_flag), &search_pending);
  search_changed = g_signal_connect (entry, "search-changed", G_CALLBACK (clear_flag), &search_pending);
  g_assert_true (ui_wait_for (only_main_window, NULL, 5000));
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (WIN ("search_bar")), TRUE);
  /* The entry has slid into place. */
  g_assert_true (ui_wait_for (search_bar_revealed, NULL, 5000));
  ui_click (GTK_WIDGET (entry));
  ui_keys (GTK_WINDOW (window), "g r a d");
  g_assert_true (ui_wait_for (entry_has_text, (gpointer)"grad", 5000));
  g_assert_true (ui_wait_for (list_has_n_items, GUINT_TO_POINTER (n_items / 3), 5000));
  /* The entry's search-changed has come after its last change: the pause
   * it waits for is over, and no search is pending. */
  ui_assert_eventually (!search_pending);
  ui_wait_idle ();
  g_assert_cmpuint (n_searches, ==, 1);
  g_signal_handler_disconnect (filter, handler);
  g_signal_handler_disconnect (entry, changed);
  g_signal_handler_disconnect (entry, search_changed);

  wenda_window_set_search_text (window, "");
}

/* File › Open.  Without a portal (as under Xvfb), GtkFileDialog shows an
 * in-process file chooser window.  The tests find it among the toplevels
 * and use it as a user would: they read its title, its buttons and its
 * list of filters, type the bank's path into its location entry, and
 * press its keys and click its buttons. */

/* The window the app shows beside its main one (the file chooser), shown
 * or hidden: once it has answered the app must leave none behind. */
static GtkWindow *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (toplevel != GTK_WINDOW (window))
        {
          g_assert_null (found);   /* only one */
          found = toplevel;        /* owned by GTK's list of toplevels */
        }
    }

  return found;
}

/* The first mapped widget of @type under @root, depth first. */
static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_widget (child, type)))
        return found;
    }

  return NULL;
}

/* The button of @chooser labelled @label, as a user sees it. */
static GtkWidget *
chooser_button (GtkWindow  *chooser,
                const char *label)
{
  return ui_find_by_label (GTK_WIDGET (chooser), GTK_TYPE_BUTTON, label);
}

static gboolean
button_usable (GtkWidget *button)
{
  return button != NULL && gtk_widget_is_drawable (button) && gtk_widget_is_sensitive (button) &&
         gtk_widget_get_width (button) > 0;
}

/* The chooser is up: mapped, with its buttons drawn (Open is greyed out
 * until a file is chosen) and its list of filters showing one. */
static gboolean
chooser_ready (gpointer data)
{
  GtkWindow *chooser = find_chooser ();
  GtkWidget *open, *filters;

  if (chooser == NULL || !gtk_widget_get_mapped (GTK_WIDGET (chooser)))
    return FALSE;

  open = chooser_button (chooser, "_Open");
  filters = find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN);

  return open != NULL && gtk_widget_is_drawable (open) &&
         button_usable (chooser_button (chooser, "_Cancel")) &&
         filters != NULL && gtk_drop_down_get_selected_item (GTK_DROP_DOWN (filters)) != NULL;
}

/* Ctrl+O, pressed on the window, opens the chooser. */
static GtkWindow *
open_chooser (void)
{
  g_assert_null (find_chooser ());
  ui_keys (GTK_WINDOW (window), "ctrl+o");
  g_assert_true (ui_wait_for (chooser_ready, NULL, 5000));

  return find_chooser ();
}

/* The chooser's list of filters, the drop-down at its bottom: its items
 * are the filters, in the order the user sees them. */
static GtkDropDown *
chooser_filters (GtkWindow *chooser)
{
  GtkWidget *dropdown = find_widget (GTK_WIDGET (chooser), GTK_TYPE_DROP_DOWN);
  GListModel *model;

  g_assert_nonnull (dropdown);
  g_assert_true (gtk_widget_is_drawable (dropdown));
  g_assert_true (gtk_widget_is_sensitive (dropdown));
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (GTK_IS_FILE_FILTER (item));
    }

  return GTK_DROP_DOWN (dropdown);
}

static GtkFileFilter *
chooser_filter (GtkWindow *chooser,
                guint      i)
{
  GListModel *filters = gtk_drop_down_get_model (chooser_filters (chooser));
  g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

  g_assert_nonnull (filter);
  /* Owned by the chooser. */
  return filter;
}

/* Whether @filter shows the file at @path in the chooser: it is matched
 * against the same attributes the chooser reads. */
static gboolean
filter_shows (GtkFileFilter *filter,
              const char    *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *attributes = g_strjoinv (",", (char **)gtk_file_filter_get_attributes (filter));
  g_autoptr(GFileInfo) info = g_file_query_info (file, attributes, G_FILE_QUERY_INFO_NONE, NULL, NULL);

  g_assert_nonnull (info);
  return gtk_filter_match (GTK_FILTER (filter), info);
}

/* The chooser's location entry, where the keyboard is: the entry that
 * says "Location" when it is empty. */
static GtkEditable *
location_entry (GtkWindow *chooser)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (chooser));
  GtkWidget *entry = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) : NULL;

  if (entry == NULL || !gtk_widget_get_mapped (entry) ||
      g_strcmp0 (gtk_entry_get_placeholder_text (GTK_ENTRY (entry)), "Location") != 0)
    return NULL;

  return GTK_EDITABLE (entry);
}

typedef struct
{
  GtkWindow  *chooser;
  const char *text;   /* NULL: any */
} LocationWait;

static gboolean
location_says (gpointer data)
{
  LocationWait *wait = data;
  GtkEditable *entry = location_entry (wait->chooser);

  return entry != NULL && (wait->text == NULL || g_strcmp0 (gtk_editable_get_text (entry), wait->text) == 0);
}

/* The user picks the file at @path: Ctrl+L opens the location entry,
 * and the path goes in. */
static void
type_location (GtkWindow  *chooser,
               const char *path)
{
  LocationWait any = { chooser, NULL };
  LocationWait typed = { chooser, path };

  ui_keys (chooser, "ctrl+l");
  g_assert_true (ui_wait_for (location_says, &any, 5000));
  /* The path goes in as a paste would, not typed: the entry's inline
   * completion, which lands a moment after each key, mixes with keys that
   * come while it does ("….mdk/"), and nothing the test can see says when
   * it has landed. */
  gtk_editable_set_text (location_entry (chooser), path);
  gtk_editable_set_position (location_entry (chooser), -1);
  if (!ui_wait_for (location_says, &typed, 5000))
    g_error ("the location entry says “%s”, not “%s”",
             location_entry (chooser) ? gtk_editable_get_text (location_entry (chooser)) : "(none)", path);
}

/* Back in the window, the focus is where it was before the chooser
 * opened.  (Which X window has the keyboard is the window manager's
 * business: with none, as under Xvfb, it goes to the root when the
 * chooser closes, so the tests check GTK's focus, and give the window
 * the keyboard as a click would before they press keys.) */
static void
assert_focus_kept (GtkWidget *before)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  g_assert_nonnull (before);
  g_assert_true (focus == before);
  g_assert_true (gtk_widget_get_mapped (focus));
  g_assert_true (gtk_widget_is_sensitive (focus));
}


/* Folders of chapter files {{{ */

static char *
chapters_path (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "folders", "chapters", NULL);

  return g_canonicalize_filename (path, NULL);
}

/* The images the reading pane shows under the answer */
static GPtrArray *
answer_images (void)
{
  GPtrArray *images = g_ptr_array_new ();

  GtkWidget *view = DETAIL ("answer_view");
  GtkWidget *image;

  for (guint i = 0; (image = ui_find_nth (view, WENDA_TYPE_IMAGE, i)) != NULL; i++)
    g_ptr_array_add (images, image);

  return images;
}

static gboolean
image_settled (gpointer data)
{
  return wenda_image_get_state (data) != WENDA_IMAGE_LOADING;
}

/* The label texts under @widget, depth first, joined by "|" */
static char *
label_texts (GtkWidget *widget)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *stack[64];
  guint n = 0;

  stack[n++] = widget;
  while (n > 0)
    {
      GtkWidget *w = stack[--n];
      GtkWidget *children[64];
      guint m = 0;

      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        {
          if (text->len > 0)
            g_string_append_c (text, '|');
          g_string_append (text, gtk_label_get_text (GTK_LABEL (w)));
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && m < 64; c = gtk_widget_get_next_sibling (c))
        children[m++] = c;
      while (m > 0 && n < 64)
        stack[n++] = children[--m];
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The button under @widget whose tooltip is @tooltip (an icon button's) */
static GtkWidget *
button_with_tooltip (GtkWidget  *widget,
                     const char *tooltip)
{
  GtkWidget *button;

  for (guint i = 0; (button = ui_find_nth (widget, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (button), tooltip) == 0)
      return button;
  g_error ("no button “%s”", tooltip);
}

/* A folder of chapter files: the preview counts its files and images and
 * lists what was refused; imported, it is one bank with a section a file,
 * and its images show in the reading pane from the library's copy. */
static void
test_import_folder (void)
{
  g_autofree char *path = chapters_path ();
  g_autoptr(GPtrArray) images = NULL;
  g_autofree char *problems = NULL;
  g_autofree char *texts = NULL;
  WendaImportDialog *dialog;
  WendaLibraryBank *entry;
  WendaImage *image;
  GdkTexture *texture;
  char *label;
  guint before = n_banks ();

  dialog = open_preview (path);
  g_assert_cmpstr (wenda_import_dialog_get_name (dialog), ==, "chapters");
  g_assert_cmpstr (preview_text (dialog, "title_label"), ==, "机器学习面试笔记");
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "7 questions in 6 sections");
  g_assert_true (preview_shows (dialog, "media_label"));
  g_assert_cmpstr (preview_text (dialog, "media_label"), ==,
                   "From 5 files · 2 images, kept with the bank · 1 image on the web, not fetched");
  g_assert_false (preview_shows (dialog, "folder_box"));

  /* Each refusal with its file and line */
  problems = preview_problems (dialog);
  g_assert_nonnull (strstr (problems, "README.md:1: no question found"));
  g_assert_nonnull (strstr (problems, "2-deep-learning.md:15: “../outside.png” is refused: it leaves the bank's folder"));
  g_assert_nonnull (strstr (problems, "2-deep-learning.md:27: “/etc/hostname” is refused: an absolute path leaves the bank's folder"));
  g_assert_nonnull (strstr (problems, "2-deep-learning.md:29: “images/notes.png” is refused: it is not an image"));
  g_assert_nonnull (strstr (problems, "2-deep-learning.md:9: “images/missing.png” is not there"));

  entry = import_as_new (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpstr (wenda_library_bank_get_title (entry), ==, "机器学习面试笔记");
  g_assert_nonnull (wenda_bank_get_media_dir (wenda_library_bank_get_bank (entry)));

  /* №1: its image, decoded, at its own size, named by its alt text */
  ui_show_topic (window, 1);
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (DETAIL ("question_label"))),
                                   "什么是过拟合？") == 0);
  images = answer_images ();
  g_assert_cmpuint (images->len, ==, 1);
  image = images->pdata[0];
  g_assert_true (ui_wait_for (image_settled, image, 10000));
  g_assert_cmpint (wenda_image_get_state (image), ==, WENDA_IMAGE_SHOWN);
  texture = wenda_image_get_texture (image);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 64);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 40);
  g_assert_true (gtk_widget_get_visible (DETAIL ("answer_view")));
  ui_wait_still (GTK_WIDGET (image));
  /* Never scaled up */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (image)), ==, 64);
  label = NULL;
  {
    GtkWidget *picture = gtk_widget_get_first_child (GTK_WIDGET (image));
    AdwDialog *viewer;

    g_assert_true (GTK_IS_PICTURE (picture));
    g_assert_cmpint (gtk_widget_get_width (picture), ==, 64);
    g_assert_cmpint (gtk_widget_get_height (picture), ==, 40);
    /* Enter on it (or a click) opens it full size, to zoom */
    g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (image)));
    gtk_widget_grab_focus (GTK_WIDGET (image));
    ui_assert_eventually (gtk_widget_has_focus (GTK_WIDGET (image)));
    ui_keys (GTK_WINDOW (window), "Return");
    ui_assert_eventually ((viewer = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))) != NULL);
    g_assert_cmpstr (adw_dialog_get_title (viewer), ==, "过拟合示意图");
    g_assert_cmpfloat (wenda_image_viewer_get_zoom (viewer), ==, 1.0);
    ui_click (button_with_tooltip (GTK_WIDGET (viewer), "Zoom In"));
    ui_assert_eventually (wenda_image_viewer_get_zoom (viewer) > 1.2);
    ui_assert_eventually (gtk_widget_get_width (ui_find_nth (GTK_WIDGET (viewer), GTK_TYPE_PICTURE, 0)) == 80);
    ui_click (button_with_tooltip (GTK_WIDGET (viewer), "Original Size"));
    ui_assert_eventually (wenda_image_viewer_get_zoom (viewer) == 1.0);
    adw_dialog_force_close (viewer);
    ui_assert_eventually (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)) == NULL);
    /* The focus is back on the image; the next topic replaces it, and
     * the focus goes to the start of that topic */
    ui_assert_eventually (gtk_widget_has_focus (GTK_WIDGET (image)));
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (picture)), ==,
                     GTK_ACCESSIBLE_ROLE_IMG);
    g_assert_cmpstr (gtk_picture_get_alternative_text (GTK_PICTURE (picture)), ==, "过拟合示意图");
  }
  g_clear_pointer (&images, g_ptr_array_unref);

  /* №3: an image that was not there shows its alt text and why */
  ui_show_topic (window, 3);
  ui_assert_eventually (gtk_widget_has_focus (DETAIL ("question_label")));
  images = answer_images ();
  g_assert_cmpuint (images->len, ==, 1);
  image = images->pdata[0];
  g_assert_true (ui_wait_for (image_settled, image, 10000));
  g_assert_cmpint (wenda_image_get_state (image), ==, WENDA_IMAGE_FAILED);
  texts = label_texts (GTK_WIDGET (image));
  g_assert_cmpstr (texts, ==, "A figure that is missing|“images/missing.png” was not imported with the bank");
  g_clear_pointer (&images, g_ptr_array_unref);

  /* №5: a refused image and a remote one: the remote one is not fetched
   * and shows nothing (the text keeps its link); the others as above */
  ui_show_topic (window, 5);
  images = answer_images ();
  g_assert_cmpuint (images->len, ==, 3);
  g_assert_true (ui_wait_for (image_settled, images->pdata[0], 10000));
  g_assert_cmpint (wenda_image_get_state (images->pdata[0]), ==, WENDA_IMAGE_SHOWN);
  g_assert_cmpstr (wenda_image_get_alt (images->pdata[0]), ==, "Scaled dot-product attention");
  g_assert_cmpint (wenda_image_get_state (images->pdata[1]), ==, WENDA_IMAGE_FAILED);
  g_assert_nonnull (strstr (wenda_image_get_reason (images->pdata[1]), "absolute path"));
  g_assert_true (ui_wait_for (image_settled, images->pdata[2], 10000));
  g_assert_cmpint (wenda_image_get_state (images->pdata[2]), ==, WENDA_IMAGE_FAILED);
  (void)label;
}

/* A file that came alone through the document portal, as the Flatpak's
 * chooser gives it: the preview says why its images cannot come, and
 * offers its folder */
static void
test_import_portal_file (void)
{
  g_autofree char *doc = g_build_filename (g_get_user_runtime_dir (), "doc", "f00d", NULL);
  g_autofree char *path = g_build_filename (doc, "notes.md", NULL);
  g_autofree char *folder = chapters_path ();
  WendaImportDialog *dialog;
  GtkWindow *chooser;
  GtkWidget *button;

  g_assert_cmpint (g_mkdir_with_parents (doc, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "## 1. 什么是过拟合？\n\n答：见图。\n\n![图](images/overfit.png)\n\n"
                                      "## 2. 什么是欠拟合？\n\n答：见图。\n\n![图](images/underfit.png)\n\n"
                                      "## 3. 什么是正则化？\n\n答：约束参数。\n",
                                      -1, NULL));

  dialog = open_preview (path);
  g_assert_true (preview_shows (dialog, "folder_box"));
  g_assert_cmpstr (preview_text (dialog, "folder_label"), ==,
                   "The bank refers to 2 images beside it, which Wenda cannot read: a file chosen "
                   "alone gives no access to the files next to it. Open the folder it is in to bring "
                   "its images too.");
  /* Still importable as it is */
  g_assert_true (import_usable (dialog));

  /* The offer opens a chooser of folders; the folder chosen is read in
   * the file's place */
  button = PREVIEW (dialog, "folder_button");
  g_assert_true (ui_wait_for (button_in_place, button, 3000));
  ui_click (button);
  ui_assert_eventually ((chooser = find_chooser ()) != NULL && gtk_widget_get_mapped (GTK_WIDGET (chooser)));
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Open the Bank's Folder");
  type_location (chooser, folder);
  button = chooser_button (chooser, "_Open");
  ui_assert_eventually (button_usable (button));
  ui_click (button);
  ui_assert_eventually (find_chooser () == NULL);

  ui_assert_eventually (find_import_dialog () == dialog &&
                        g_strcmp0 (wenda_import_dialog_get_name (dialog), "chapters") == 0);
  g_assert_true (ui_wait_for (preview_ready, dialog, 20000));
  g_assert_false (preview_shows (dialog, "folder_box"));
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "7 questions in 6 sections");
  click_cancel (dialog);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (doc), ==, 0);
}

/* }}} */

/* Ctrl+O opens a chooser for question banks; choosing a file and Open
 * imports it and shows it. */
static void
test_open_chooser (void)
{
  g_autofree char *md = fixture ("interview.md");
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "resources", "content", "bank.json", NULL);
  g_autofree char *other = g_build_filename (ui_data_home (), "notes.txt", NULL);
  g_autofree char *md_path = g_canonicalize_filename (md, NULL);
  static const char *names[] = { "Question Banks", "Markdown", "JSON", "CSV, TSV and Anki Text" };
  guint before = n_banks ();
  GtkWindow *chooser;
  GtkDropDown *filters;
  GtkWidget *files, *open;

  g_assert_true (g_file_set_contents (other, "not a bank\n", -1, NULL));

  chooser = open_chooser ();
  g_assert_cmpstr (gtk_window_get_title (chooser), ==, "Open a Question Bank");
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (chooser));
  /* It opens files: its button says Open (not Save or Select), and its
   * list of files selects several, which are read as one bank. */
  g_assert_nonnull (chooser_button (chooser, "_Open"));
  g_assert_null (chooser_button (chooser, "_Save"));
  g_assert_null (chooser_button (chooser, "_Select"));
  files = find_widget (GTK_WIDGET (chooser), GTK_TYPE_COLUMN_VIEW);
  g_assert_nonnull (files);
  g_assert_true (GTK_IS_MULTI_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (files))));

  /* Question banks (shown first, and chosen), Markdown, JSON, CSV (with
   * Anki's .txt): each shows
   * the files it names, and only those. */
  filters = chooser_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (filters)), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (gtk_file_filter_get_name (chooser_filter (chooser, i)), ==, names[i]);
  g_assert_cmpuint (gtk_drop_down_get_selected (filters), ==, 0);
  g_assert_cmpstr (gtk_file_filter_get_name (gtk_drop_down_get_selected_item (filters)), ==,
                   "Question Banks");
  g_assert_true (filter_shows (chooser_filter (chooser, 0), md));
  g_assert_true (filter_shows (chooser_filter (chooser, 0), json));
  g_assert_false (filter_shows (chooser_filter (chooser, 0), other));
  g_assert_true (filter_shows (chooser_filter (chooser, 1), md));
  g_assert_false (filter_shows (chooser_filter (chooser, 1), json));
  g_assert_false (filter_shows (chooser_filter (chooser, 2), md));
  g_assert_true (filter_shows (chooser_filter (chooser, 2), json));
  g_assert_false (filter_shows (chooser_filter (chooser, 3), md));
  g_assert_true (filter_shows (chooser_filter (chooser, 3), other));

  /* The user types the bank's path, then presses Enter, which activates
   * Open, the chooser's default button.  (A chooser of several files
   * greys Open out until a file is selected in its list, typed or not;
   * a click on it does nothing in GTK 4.18 to 4.24 either, for the
   * chooser then compares the widget focused before the click with the
   * entry, and that was the text inside the entry.) */
  type_location (chooser, md_path);
  open = chooser_button (chooser, "_Open");
  g_assert_nonnull (open);
  g_assert_true (gtk_window_get_default_widget (chooser) == open);
  ui_keys (chooser, "Return");

  ui_assert_eventually (find_chooser () == NULL);
  /* The preview, then Import (a new bank: the library has one of that
   * name already, which it offers to update) */
  import_as_new (wait_preview ());
  ui_assert_eventually (n_banks () == before + 1);
  /* The import has ended, and the window has drawn the bank. */
  ui_assert_eventually (!wenda_window_is_importing (window));
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpstr (bank_title (), ==, "我的面试题");
  g_assert_false (wenda_library_bank_is_bundled (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (WIN ("bank_dropdown")))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 3);
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (DETAIL ("question_label"))),
                                   "什么是过拟合（Overfitting）？") == 0);
  g_assert_null (find_dialog ());
  g_unlink (other);
}

/* After a Cancel: the chooser has gone, nothing was imported, and the
 * window shows what it showed, with the focus where it was. */
static void
assert_nothing_imported (guint       n_before,
                         const char *title,
                         GtkWidget  *focus)
{
  ui_assert_eventually (find_chooser () == NULL);
  /* The chooser's answer is handled, and no import started from it. */
  ui_assert_eventually (!wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, n_before);
  g_assert_cmpstr (bank_title (), ==, title);
  g_assert_null (find_dialog ());
  assert_focus_kept (focus);
}

static gboolean
location_closed (gpointer data)
{
  return location_entry (data) == NULL;
}

/* Cancel, and Escape, import nothing and leave no chooser behind; the
 * window keeps its focus, and Ctrl+O works again. */
static void
test_open_chooser_cancel (void)
{
  g_autofree char *fixture_path = fixture ("markup.md");
  g_autofree char *path = g_canonicalize_filename (fixture_path, NULL);
  g_autofree char *title = g_strdup (bank_title ());
  guint before = n_banks ();
  GtkWidget *focus;
  GtkWindow *chooser;
  GtkWidget *cancel;

  /* A file is typed in, but the user clicks Cancel. */
  ui_focus_window (GTK_WINDOW (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  chooser = open_chooser ();
  type_location (chooser, path);
  cancel = chooser_button (chooser, "_Cancel");
  g_assert_true (button_usable (cancel));
  ui_click (cancel);
  assert_nothing_imported (before, title, focus);

  /* Ctrl+O again, and a file typed in; Escape closes the location entry
   * (the chooser stays), and Escape again is a Cancel too. */
  chooser = open_chooser ();
  type_location (chooser, path);
  ui_keys (chooser, "Escape");
  g_assert_true (ui_wait_for (location_closed, chooser, 5000));
  g_assert_true (find_chooser () == chooser);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (chooser)));
  ui_keys (chooser, "Escape");
  assert_nothing_imported (before, title, focus);
}

/* Drops on the window.  The window's own GtkDropTarget gets the files a
 * drag carries: its "drop" signal is emitted with a GdkFileList, as GTK
 * does when the user lets go of the files over the window. */
static GtkDropTarget *
window_drop_target (void)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_assert_null (found);   /* only one */
          found = GTK_DROP_TARGET (controller);
        }
    }

  g_assert_nonnull (found);
  return found;
}

/* Drops the files at @paths (NULL-terminated) in the middle of the
 * window; returns whether the window took them. */
static gboolean
drop_files (const char *const *paths)
{
  GtkDropTarget *target = window_drop_target ();
  GSList *files = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  /* It takes files, copied. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), GDK_TYPE_FILE_LIST));
  g_assert_true (gtk_drop_target_get_actions (target) & GDK_ACTION_COPY);
  g_assert_true (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target)) == GTK_WIDGET (window));

  for (guint i = 0; paths[i] != NULL; i++)
    files = g_slist_append (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free_full (files, g_object_unref);

  g_signal_emit_by_name (target, "drop", &value,
                         gtk_widget_get_width (GTK_WIDGET (window)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (window)) / 2.0,
                         &handled);
  return handled;
}

/* The library's own banks (not the bundled one) titled @title. */
static guint
n_banks_titled (const char *title)
{
  guint n = 0;

  for (guint i = 0; i < n_banks (); i++)
    {
      g_autoptr(WendaLibraryBank) entry = g_list_model_get_item (G_LIST_MODEL (library), i);

      if (!wenda_library_bank_is_bundled (entry) &&
          g_strcmp0 (wenda_library_bank_get_title (entry), title) == 0)
        n++;
    }

  return n;
}

/* A bank dropped on the window is imported and shown. */
static void
test_drop (void)
{
  g_autofree char *path = fixture ("repeated.md");
  const char *paths[] = { path, NULL };
  guint before = n_banks ();
  guint titled_before = n_banks_titled ("重复的题目");

  g_assert_true (drop_files (paths));
  import_as_new (wait_preview ());
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (!wenda_window_is_importing (window));
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpstr (bank_title (), ==, "重复的题目");
  g_assert_cmpuint (n_banks_titled ("重复的题目"), ==, titled_before + 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("title_stack"))), ==, "banks");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 13);
  g_assert_null (find_dialog ());
}

/* Two banks dropped together, a Markdown one and a JSON one, are both
 * imported; the window shows one of them. */
static void
test_drop_two (void)
{
  g_autofree char *md = fixture ("interview.md");
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "resources", "content", "bank.json", NULL);
  const char *paths[] = { md, json, NULL };
  const char *json_title = "大模型训练的两个关键步骤";
  guint before = n_banks ();
  guint md_before = n_banks_titled ("我的面试题");
  guint n_items;

  g_assert_true (drop_files (paths));
  /* A dialog for each, one over the other: the second file's on top */
  {
    WendaImportDialog *first, *second;

    second = wait_preview ();
    g_assert_cmpstr (wenda_import_dialog_get_name (second), ==, "bank.json");
    /* JSON: no layout to choose */
    g_assert_cmpstr (preview_text (second, "layout_label"), ==, "Read as Wenda JSON");
    g_assert_false (preview_shows (second, "layout_row"));
    g_assert_cmpstr (preview_text (second, "counts_label"), ==, "30 questions");
    import_as_new (second);
    first = wait_preview ();
    g_assert_true (first != second);
    g_assert_cmpstr (wenda_import_dialog_get_name (first), ==, "interview.md");
    import_as_new (first);
  }
  /* Both imports have ended, and the window has drawn the bank shown. */
  ui_assert_eventually (n_banks () == before + 2);
  ui_assert_eventually (!wenda_window_is_importing (window));
  ui_wait_frame (GTK_WIDGET (window));
  g_assert_cmpuint (n_banks_titled ("我的面试题"), ==, md_before + 1);
  g_assert_cmpuint (n_banks_titled (json_title), ==, 1);

  g_assert_false (wenda_library_bank_is_bundled (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (WIN ("bank_dropdown")))));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window)));
  if (g_strcmp0 (bank_title (), json_title) == 0)
    g_assert_cmpuint (n_items, ==, 30);
  else
    {
      g_assert_cmpstr (bank_title (), ==, "我的面试题");
      g_assert_cmpuint (n_items, ==, 3);
    }
  g_assert_null (find_dialog ());
}

/* A bank with a bad question: the good ones are imported and shown, and
 * the report names the file and the problem. */
static void
test_drop_with_problems (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "half.md", NULL);
  const char *paths[] = { path, NULL };
  static const char text[] = "### 一半的题\n\n"
                             "#### 题目 1：有答案吗？\n\n**答案：** 有。\n\n"
                             "#### 题目 2：这题没有答案？\n\n"
                             "#### 题目 3：还有一题？\n\n**答案：** 有。\n";
  guint before = n_banks ();
  g_autofree char *problems = NULL;
  WendaImportDialog *dialog;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_assert_true (drop_files (paths));
  /* The preview counts the good ones and lists the problem, with its
   * line, before anything is saved */
  dialog = wait_preview ();
  g_assert_cmpstr (preview_text (dialog, "counts_label"), ==, "2 questions");
  problems = preview_problems (dialog);
  g_test_message ("problems: %s", problems);
  g_assert_true (g_str_has_prefix (problems, "half.md:7: "));
  g_assert_null (strchr (problems, '\n'));
  g_assert_cmpstr (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (PREVIEW (dialog, "problems_group"))),
                   ==, "1 Problem");
  g_assert_cmpuint (n_banks (), ==, before);
  click_import (dialog);
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (!wenda_window_is_importing (window));
  /* No other report afterwards: it was shown */
  g_assert_null (find_dialog ());

  g_assert_cmpstr (bank_title (), ==, "一半的题");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 2);
  g_unlink (path);
}

/* Files that are not banks: the dialog names each, and nothing is added.
 * An empty drop is refused. */
static void
test_drop_not_a_bank (void)
{
  g_autofree char *binary_path = g_build_filename (ui_data_home (), "picture.png", NULL);
  g_autofree char *empty_path = g_build_filename (ui_data_home (), "empty.md", NULL);
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
  const char *none[] = { NULL };
  const char *cases[][2] = { { binary_path, NULL }, { empty_path, NULL } };
  const char *names[] = { "picture.png", "empty.md" };
  g_autofree char *title = g_strdup (bank_title ());
  guint before = n_banks ();

  g_assert_true (g_file_set_contents (binary_path, binary, sizeof binary - 1, NULL));
  g_assert_true (g_file_set_contents (empty_path, "", 0, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WendaImportDialog *dialog;
      const char *reason;

      g_assert_true (drop_files (cases[i]));
      dialog = wait_preview ();
      reason = preview_text (dialog, "reason_label");
      g_test_message ("reason: %s", reason);
      g_assert_true (gtk_widget_get_root (GTK_WIDGET (dialog)) == GTK_ROOT (window));
      g_assert_true (preview_shows (dialog, "refusal_box"));
      g_assert_cmpstr (wenda_import_dialog_get_name (dialog), ==, names[i]);
      g_assert_true (g_str_has_prefix (reason, names[i]));
      g_assert_false (import_usable (dialog));
      click_cancel (dialog);
      /* The dialog has gone, and nothing more comes of it. */
      ui_assert_eventually (!wenda_window_is_importing (window));
      g_assert_cmpuint (n_banks (), ==, before);
      g_assert_cmpstr (bank_title (), ==, title);
    }

  /* Refused at once: no import starts. */
  g_assert_false (drop_files (none));
  g_assert_false (wenda_window_is_importing (window));
  g_assert_cmpuint (n_banks (), ==, before);
  g_assert_null (find_dialog ());

  g_unlink (binary_path);
  g_unlink (empty_path);
}

int
main (int   argc,
      char *argv[])
{
  int status;


  window = ui_start_app (&argc, &argv, &app);
  library = wenda_application_get_library (app);

  g_test_add_func ("/Wenda/Banks/import", test_import);
  g_test_add_func ("/Wenda/Banks/import-keys", test_import_keys);
  g_test_add_func ("/Wenda/Banks/import-cancel", test_import_cancel);
  g_test_add_func ("/Wenda/Banks/import-refused", test_import_refused);
  g_test_add_func ("/Wenda/Banks/import-many-problems", test_import_many_problems);
  g_test_add_func ("/Wenda/Banks/import-csv", test_import_csv);
  g_test_add_func ("/Wenda/Banks/import-refused-choose-level", test_import_refused_choose_level);
  g_test_add_func ("/Wenda/Banks/import-choose-level", test_import_choose_level);
  g_test_add_func ("/Wenda/Banks/import-update", test_import_update);
  g_test_add_func ("/Wenda/Banks/original-only", test_original_only);
  g_test_add_func ("/Wenda/Banks/markup-is-text", test_markup_is_text);
  g_test_add_func ("/Wenda/Banks/rename", test_rename);
  g_test_add_func ("/Wenda/Banks/remove", test_remove);
  g_test_add_func ("/Wenda/Banks/import-error", test_import_error);
  g_test_add_func ("/Wenda/Banks/choose-bank", test_choose_bank);
  g_test_add_func ("/Wenda/Banks/slow-import-cancelled", test_slow_import_cancelled);
  g_test_add_func ("/Wenda/Banks/many-repeats", test_many_repeats);
  g_test_add_func ("/Wenda/Banks/large-bank-glossary", test_large_bank_glossary);
  g_test_add_func ("/Wenda/Banks/large-bank-search", test_large_bank_search);
  g_test_add_func ("/Wenda/Banks/open-chooser", test_open_chooser);
  g_test_add_func ("/Wenda/Banks/open-chooser-cancel", test_open_chooser_cancel);
  g_test_add_func ("/Wenda/Banks/drop", test_drop);
  g_test_add_func ("/Wenda/Banks/drop-two", test_drop_two);
  g_test_add_func ("/Wenda/Banks/drop-with-problems", test_drop_with_problems);
  g_test_add_func ("/Wenda/Banks/drop-not-a-bank", test_drop_not_a_bank);
  g_test_add_func ("/Wenda/Banks/import-folder", test_import_folder);
  g_test_add_func ("/Wenda/Banks/import-portal-file", test_import_portal_file);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);

  return status;
}
