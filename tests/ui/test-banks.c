/* test-banks.c: the user's own banks in the window: import, a bank full of
 * markup shown literally, the original-only reading mode, rename, remove
 * and export, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-detail-view.h"
#include "wenda-library.h"
#include "wenda-window.h"

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

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* Answers the dialog as a click on its button would: the response, then
 * the dialog closes. */
static void
respond (GtkWindow  *dialog,
         const char *response)
{
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), response);
  gtk_window_close (dialog);
  ui_assert_eventually (find_dialog () != dialog);
}

static void
import (const char *name)
{
  g_autofree char *path = fixture (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_banks ();

  wenda_window_import_file (window, file);
  ui_assert_eventually (n_banks () == before + 1);
  ui_pump (100);
}

/* A Markdown bank imports into the library, shows in the chooser, and is
 * read like the bundled one. */
static void
test_import (void)
{
  g_autofree char *copy = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("title_stack"))), ==, "title");
  import ("interview.md");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("title_stack"))), ==, "banks");
  g_assert_cmpstr (bank_title (), ==, "我的面试题");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 3);
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (DETAIL ("question_label"))),
                                   "什么是过拟合（Overfitting）？") == 0);

  /* A copy is kept in the user's data folder. */
  copy = g_build_filename (ui_data_home (), APP_ID, "banks", NULL);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_DIR));
}

/* An imported bank has no English: the reading-language control says so,
 * and the text stays as written whatever mode was chosen. */
static void
test_original_only (void)
{
  GtkWidget *mode_button = WIN ("mode_button");

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  ui_pump (100);
  g_assert_false (gtk_widget_get_sensitive (mode_button));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (mode_button)), ==, "Original Only");
  g_assert_true (gtk_widget_get_mapped (DETAIL ("question_label")));
  g_assert_false (gtk_widget_get_mapped (DETAIL ("question_en_label")));
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

/* A bank full of Pango markup and printf directives shows it literally. */
static void
test_markup_is_text (void)
{
  GtkWidget *answer;

  import ("markup.md");
  g_assert_cmpstr (bank_title (), ==, "<b>Markup</b> &amp; friends");
  ui_assert_eventually (g_strcmp0 (gtk_label_get_text (GTK_LABEL (DETAIL ("question_label"))),
                                   "<span size=\"99999999\">大</span> 还是 <b>粗</b>？") == 0);
  answer = DETAIL ("answer_label");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (answer)), ==,
                   "&amp; 和 &#0; 以及 %s%n 都应原样显示。");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (DETAIL ("explanation_label"))), ==,
                   "<i>斜体</i> <a href=\"x\">链接</a> %s%s%s%n");
  /* The title in the window's header, too. */
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (WIN ("sidebar_title"))), ==,
                   "<b>Markup</b> &amp; friends");
}

/* Rename, through the dialog the menu opens. */
static void
test_rename (void)
{
  GtkWindow *dialog;
  GtkWidget *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.rename-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  dialog = find_dialog ();
  entry = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
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
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  respond (find_dialog (), "cancel");
  ui_pump (200);
  g_assert_cmpuint (n_banks (), ==, before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-bank", NULL));
  g_assert_true (ui_wait_for (dialog_shown, NULL, 3000));
  dialog = find_dialog ();
  respond (dialog, "remove");
  ui_assert_eventually (n_banks () == before - 1);
  g_assert_true (wenda_library_bank_is_bundled (gtk_drop_down_get_selected_item (GTK_DROP_DOWN (WIN ("bank_dropdown")))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))), ==, 30);
}

/* A file that is not a bank: the dialog names it, and nothing is added. */
static void
test_import_error (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "binary.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const char binary[] = "\x7f" "ELF\0\0\0\x01\x02\x03 not text";
  guint before = n_banks ();
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (path, binary, sizeof binary, NULL));
  wenda_window_import_file (window, file);
  g_assert_true (ui_wait_for (dialog_shown, NULL, 5000));
  dialog = find_dialog ();
  g_test_message ("dialog: %s / %s", adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                  adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "binary.md"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), "binary.md"));
  respond (dialog, "close");
  ui_pump (100);
  g_assert_cmpuint (n_banks (), ==, before);
}

/* Choosing a bank in the header's chooser shows it; the choice is kept. */
static void
test_choose_bank (void)
{
  import ("interview.md");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")), 0);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 30);
  g_assert_true (gtk_widget_get_sensitive (WIN ("mode_button")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (WIN ("bank_dropdown")), 1);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 3);
}

/* A label of the toast overlay's that contains @needle. */
static gboolean
find_label (GtkWidget  *root,
            const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    if (find_label (c, needle))
      return TRUE;

  return FALSE;
}

static gboolean
glossary_ready (gpointer data)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))), "0 terms") != 0 &&
         gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label")))[0] != '\0';
}

static gboolean
cancelled_toast_shown (gpointer data)
{
  return find_label (WIN ("toast_overlay"), "cancelled");
}

/* An import that takes more than half a second shows its progress and can
 * be cancelled.  The "file" is a named pipe the test writes to only after
 * the user has cancelled, so the import is slow for sure. */
static void
test_slow_import_cancelled (void)
{
  g_autofree char *path = g_build_filename (ui_data_home (), "slow.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  guint before = n_banks ();
  GtkWindow *dialog;
  int fd;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  wenda_window_import_file (window, file);

  g_assert_true (ui_wait_for (dialog_shown, NULL, 5000));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), "slow.md"));
  g_assert_true (GTK_IS_PROGRESS_BAR (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));

  /* The user cancels.  The reader, blocked opening the pipe, then sees
   * the cancellation and stops, so the write may find no reader (EPIPE;
   * GIO ignores SIGPIPE). */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  fd = open (path, O_WRONLY);
  g_assert_cmpint (fd, >=, 0);
  if (write (fd, "#### 题目 1：问？\n\n**答案：** 答。\n", 40) < 0)
    g_test_message ("write: %s", g_strerror (errno));
  close (fd);

  ui_assert_eventually (find_dialog () == NULL);
  /* Toasts queue: earlier ones show for 10 s each first. */
  g_assert_true (ui_wait_for (cancelled_toast_shown, NULL, 40000));
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
  wenda_window_show_topic (window, 1);
  ui_pump (200);
  box = DETAIL ("related_box");
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
  g_autoptr(GFile) file = g_file_new_for_path (path);
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

  wenda_window_import_file (window, file);
  ui_assert_eventually (n_banks () == before + 1);
  ui_assert_eventually (g_list_model_get_n_items (G_LIST_MODEL (wenda_window_get_bank (window))) == 2100);
  g_assert_true (ui_wait_for (glossary_ready, NULL, 20000));
  g_test_message ("glossary: %s", gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (WIN ("glossary_count_label"))), ==, "50 terms");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  window = ui_start_app (&argc, &argv, &app);
  library = wenda_application_get_library (app);

  g_test_add_func ("/Wenda/Banks/import", test_import);
  g_test_add_func ("/Wenda/Banks/original-only", test_original_only);
  g_test_add_func ("/Wenda/Banks/markup-is-text", test_markup_is_text);
  g_test_add_func ("/Wenda/Banks/rename", test_rename);
  g_test_add_func ("/Wenda/Banks/remove", test_remove);
  g_test_add_func ("/Wenda/Banks/import-error", test_import_error);
  g_test_add_func ("/Wenda/Banks/choose-bank", test_choose_bank);
  g_test_add_func ("/Wenda/Banks/slow-import-cancelled", test_slow_import_cancelled);
  g_test_add_func ("/Wenda/Banks/many-repeats", test_many_repeats);
  g_test_add_func ("/Wenda/Banks/large-bank-glossary", test_large_bank_glossary);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);

  return status;
}
