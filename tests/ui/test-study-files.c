/* test-study-files.c: the app with a study file it cannot use: the user is
 * told, in a toast that names the file, and nothing is lost
 *
 * Run with one argument, the case: "corrupt", "future" or "unwritable".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-study-view.h"
#include "wenda-window.h"

static WendaApplication *app;
static WendaWindow *window;
static const char *scenario;
static char *study_file;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)

static const char future_file[] =
  "{ \"format\": \"wenda-study\", \"version\": 99, \"cards\": {}, \"starred\": [\"llm-training-001\"], \"log\": [] }\n";
static const char corrupt_file[] = "{ \"format\": \"wenda-study\", \"version\": 1, \"cards\": { \"llm-";

/* The text of a toast on screen that contains @needle, if any. */
static const char *
find_label_containing (GtkWidget  *root,
                       const char *needle)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), needle) != NULL)
    return gtk_label_get_text (GTK_LABEL (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      const char *found = find_label_containing (child, needle);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
find_kept_file (void)
{
  g_autofree char *dir = g_path_get_dirname (study_file);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    if (g_str_has_prefix (name, "study.json.corrupt-"))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

/* A file cut in the middle: kept aside with its bytes, a toast names it,
 * and the app starts empty and saves a new file. */
static void
test_corrupt (void)
{
  g_autofree char *kept = find_kept_file ();
  g_autofree char *kept_name = NULL;
  g_autofree char *kept_contents = NULL;
  g_autofree char *now_contents = NULL;

  g_assert_nonnull (kept);
  kept_name = g_path_get_basename (kept);
  ui_assert_eventually (find_label_containing (WIN ("toast_overlay"), kept_name) != NULL);
  g_test_message ("toast: %s", find_label_containing (WIN ("toast_overlay"), kept_name));

  kept_contents = read_file (kept);
  g_assert_cmpstr (kept_contents, ==, corrupt_file);

  /* The app works: a star is saved to a new study.json. */
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (g_file_test (study_file, G_FILE_TEST_EXISTS));
  now_contents = read_file (study_file);
  g_assert_nonnull (strstr (now_contents, "llm-training-001"));

  /* The kept file is untouched. */
  g_clear_pointer (&kept_contents, g_free);
  kept_contents = read_file (kept);
  g_assert_cmpstr (kept_contents, ==, corrupt_file);
}

/* A file from a newer version: left exactly as it is; the toast at
 * startup says so; starring works in the window but is not written. */
static void
test_future (void)
{
  g_autofree char *contents = NULL;
  GStatBuf before, after;

  ui_assert_eventually (find_label_containing (WIN ("toast_overlay"), "newer version") != NULL);
  g_test_message ("toast: %s", find_label_containing (WIN ("toast_overlay"), "newer version"));
  g_assert_nonnull (strstr (find_label_containing (WIN ("toast_overlay"), "newer version"), "study.json"));
  g_assert_cmpint (g_stat (study_file, &before), ==, 0);

  /* The star shows (the file says topic 1 is not starred here: the
   * store starts empty) but is not saved.  The star's handler saves at
   * once, before it returns: by the time the star shows, the save has
   * been tried (and refused). */
  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (WIN ("star_button"))),
                                   "starred-symbolic") == 0);

  contents = read_file (study_file);
  g_assert_cmpstr (contents, ==, future_file);
  g_assert_cmpint (g_stat (study_file, &after), ==, 0);
  g_assert_cmpint (before.st_mtime, ==, after.st_mtime);
  g_assert_null (find_kept_file ());
}

/* The data folder goes away while the app runs (it becomes a file, which
 * stops root too): the next save fails, the user is told at once, and
 * the app keeps working. */
static void
test_unwritable (void)
{
  g_autofree char *app_dir = g_path_get_dirname (study_file);
  g_autofree char *moved = g_strconcat (app_dir, ".moved", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_rename (app_dir, moved), ==, 0);
  g_file_set_contents (app_dir, "not a folder\n", -1, &error);
  g_assert_no_error (error);

  ui_keys (GTK_WINDOW (window), "ctrl+d");
  ui_assert_eventually (find_label_containing (WIN ("toast_overlay"), "not being saved") != NULL);
  g_test_message ("toast: %s", find_label_containing (WIN ("toast_overlay"), "not being saved"));

  /* Still usable: the next topic, and a study session with a grade. */
  ui_keys (GTK_WINDOW (window), "alt+Right");
  ui_assert_eventually (wenda_qa_item_get_number (wenda_window_get_current_item (window)) == 2);
  ui_keys (GTK_WINDOW (window), "ctrl+Return");
  ui_assert_eventually (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (WIN ("detail_stack"))),
                                   "study") == 0);
  ui_keys (GTK_WINDOW (window), "space");
  ui_assert_eventually (wenda_study_view_get_revealed (WENDA_STUDY_VIEW (ui_find_widget (window, WENDA_TYPE_STUDY_VIEW))));
  ui_keys (GTK_WINDOW (window), "3");
  ui_assert_eventually (wenda_study_store_get_n_reviews (wenda_application_get_study_store (app)) == 1);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *app_dir = NULL;
  int status;

  g_assert_cmpint (argc, >=, 2);
  scenario = argv[argc - 1];
  argc--;

  study_file = ui_study_file ();
  app_dir = g_path_get_dirname (study_file);

  if (g_str_equal (scenario, "corrupt") || g_str_equal (scenario, "future"))
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (app_dir, 0700), ==, 0);
      g_file_set_contents (study_file, g_str_equal (scenario, "corrupt") ? corrupt_file : future_file,
                           -1, &error);
      g_assert_no_error (error);
    }
  else
    {
      g_assert_cmpstr (scenario, ==, "unwritable");
      g_assert_cmpint (g_mkdir_with_parents (app_dir, 0700), ==, 0);
    }

  window = ui_start_app (&argc, &argv, &app);

  if (g_str_equal (scenario, "corrupt"))
    g_test_add_func ("/Wenda/StudyFiles/corrupt", test_corrupt);
  else if (g_str_equal (scenario, "future"))
    g_test_add_func ("/Wenda/StudyFiles/future", test_future);
  else
    g_test_add_func ("/Wenda/StudyFiles/unwritable", test_unwritable);

  status = g_test_run ();
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  g_free (study_file);

  return status;
}
