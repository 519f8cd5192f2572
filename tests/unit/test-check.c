/* test-check.c: `wenda --check FILE…`: its lines and its exit status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "wenda-check.h"

#include "test-util.h"

static char *
fixture (const char *dir,
         const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", dir, name, NULL);
}

/* Runs the check on @paths; returns its output with the fixture folder
 * cut from the paths, "DIR/NAME: …" */
static char *
check (WendaCheckStatus   *status,
       const char * const *paths)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autofree char *top = g_strconcat (fixtures, G_DIR_SEPARATOR_S, NULL);

  *status = wenda_check_files (paths, out);
  g_string_replace (out, top, "", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_check_ok (void)
{
  g_autofree char *path = fixture ("layouts", "headings-chapters.md");
  const char *paths[] = { path, NULL };
  WendaCheckStatus status;
  g_autofree char *out = check (&status, paths);

  g_assert_cmpint (status, ==, WENDA_CHECK_OK);
  g_assert_cmpstr (out, ==, "layouts/headings-chapters.md: 5 questions in 5 sections (level 3 headings)\n");
}

static void
test_check_problems (void)
{
  g_autofree char *path = fixture ("layouts", "mixed.md");
  const char *paths[] = { path, NULL };
  WendaCheckStatus status;
  g_autofree char *out = check (&status, paths);

  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_cmpstr (out, ==,
                   "layouts/mixed.md: 5 questions in 2 sections (level 3 headings)\n"
                   "layouts/mixed.md:24: this question has no answer: it is kept, to be studied by recall\n");
}

static void
test_check_refused (void)
{
  g_autofree char *path = fixture ("import", "no-items.md");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "layouts", NULL);
  const char *paths[] = { path, "/nonexistent/bank.md", dir, NULL };
  WendaCheckStatus status;
  g_autofree char *out = check (&status, paths);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpint (status, ==, WENDA_CHECK_REFUSED);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "import/no-items.md: refused: no question found"));
  g_assert_true (g_str_has_prefix (lines[1], "import/no-items.md:1: no question found"));
  g_assert_true (g_str_has_prefix (lines[2], "/nonexistent/bank.md: refused: "));
  g_assert_cmpstr (lines[3], ==, "layouts: refused: it is a folder, not a file");
  g_assert_cmpstr (lines[4], ==, "");
}

/* A refusal wins over problems, problems over nothing; every file is read */
static void
test_check_mixed (void)
{
  g_autofree char *ok = fixture ("layouts", "bold.md");
  g_autofree char *problems = fixture ("import", "lenient.md");
  g_autofree char *refused = fixture ("import", "no-items.md");
  const char *two[] = { ok, problems, NULL };
  const char *three[] = { refused, ok, problems, NULL };
  WendaCheckStatus status;
  g_autofree char *out2 = check (&status, two);
  g_autofree char *out3 = NULL;

  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_true (g_str_has_prefix (out2, "layouts/bold.md: 4 questions in 2 sections (bold questions)\n"
                                         "import/lenient.md: 3 questions in 0 sections"));
  /* Every problem, with its line */
  g_assert_nonnull (strstr (out2, "import/lenient.md:16: question 2 has no answer"));
  g_assert_nonnull (strstr (out2, "import/lenient.md:44: "));

  out3 = check (&status, three);
  g_assert_cmpint (status, ==, WENDA_CHECK_REFUSED);
  g_assert_nonnull (strstr (out3, "layouts/bold.md: 4 questions"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Check/ok", test_check_ok);
  g_test_add_func ("/Wenda/Check/problems", test_check_problems);
  g_test_add_func ("/Wenda/Check/refused", test_check_refused);
  g_test_add_func ("/Wenda/Check/mixed", test_check_mixed);

  return g_test_run ();
}
