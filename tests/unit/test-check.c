/* test-check.c: `wenda --check FILE…`: its lines and its exit status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
                   "layouts/mixed.md:24: warning: this question has no answer: it is kept, to be studied by recall\n");
}

static void
test_check_refused (void)
{
  g_autofree char *path = fixture ("import", "no-items.md");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "layouts", NULL);
  g_autofree char *empty = g_dir_make_tmp ("wenda-check-XXXXXX", NULL);
  const char *paths[] = { path, "/nonexistent/bank.md", empty, NULL };
  g_autofree char *expected = g_strdup_printf ("%s: refused: the folder has no Markdown file (.md)", empty);
  WendaCheckStatus status;
  g_autofree char *out = check (&status, paths);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpint (status, ==, WENDA_CHECK_REFUSED);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  g_assert_true (g_str_has_prefix (lines[0], "import/no-items.md: refused: no question found"));
  g_assert_true (g_str_has_prefix (lines[1], "import/no-items.md:1: no question found"));
  g_assert_true (g_str_has_prefix (lines[2], "/nonexistent/bank.md: refused: "));
  g_assert_cmpstr (lines[3], ==, expected);
  g_assert_true (g_str_has_prefix (lines[4], empty));
  g_assert_cmpstr (lines[4] + strlen (empty), ==, ": the folder has no Markdown file (.md)");
  g_assert_cmpstr (lines[5], ==, "");
  g_assert_cmpint (g_rmdir (empty), ==, 0);
  (void)dir;
}

/* A folder of chapter files, as it would import: its files' problems,
 * its images' included, below it */
static void
test_check_folder (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "fixtures", "folders", "chapters", NULL);
  const char *paths[] = { dir, NULL };
  WendaCheckStatus status;
  g_autofree char *out = check (&status, paths);

  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_cmpstr (out, ==,
                   "folders/chapters: 7 questions in 6 sections from 5 files (level 3 headings)\n"
                   "folders/chapters/2-deep-learning.md:9: warning: “images/missing.png” is not there\n"
                   "folders/chapters/2-deep-learning.md:15: warning: “../outside.png” is refused: it leaves the bank's folder\n"
                   "folders/chapters/2-deep-learning.md:27: warning: “/etc/hostname” is refused: an absolute path leaves the bank's folder\n"
                   "folders/chapters/2-deep-learning.md:29: warning: “images/notes.png” is refused: it is not an image in a format Wenda shows (PNG, JPEG, GIF, WebP, BMP, TIFF or SVG)\n"
                   "folders/chapters/README.md:1: no question found; the headings at level 1 look like questions: choose them?\n");
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

/* The bundled bank's layout, each problem in full */
static void
test_check_seed (void)
{
  g_autofree char *good = fixture ("import", "seed-format.md");
  g_autofree char *lenient = fixture ("import", "lenient.md");
  const char *one[] = { good, NULL };
  const char *two[] = { lenient, NULL };
  WendaCheckStatus status;
  g_autofree char *out1 = check (&status, one);
  g_autofree char *out2 = NULL;

  g_assert_cmpint (status, ==, WENDA_CHECK_OK);
  g_assert_cmpstr (out1, ==, "import/seed-format.md: 2 questions in 0 sections (题目 headings)\n");

  out2 = check (&status, two);
  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_cmpstr (out2, ==,
                   "import/lenient.md: 3 questions in 0 sections (题目 headings)\n"
                   "import/lenient.md:3: text before the first question: a question starts with a "
                   "heading “#### 题目 1：…”; lines 3–4 skipped\n"
                   "import/lenient.md:16: question 2 has no answer: add a line “**答案：**” and the "
                   "answer; lines 16–18 skipped\n"
                   "import/lenient.md:26: question 3 has a second “答案” section (the first is on "
                   "line 22); lines 20–28 skipped\n"
                   "import/lenient.md:34: question number 1 is used twice: on line 6 and on line 34; "
                   "lines 34–36 skipped\n"
                   "import/lenient.md:38: question 5 has no text after “题目 5：”; lines 38–40 skipped\n"
                   "import/lenient.md:44: text outside any question (after a heading that is not "
                   "“题目”); line 44 skipped\n");
}

/* JSON banks: good, with skipped items, refused */
static void
test_check_json (void)
{
  g_autofree char *good = g_test_build_filename (G_TEST_DIST, "fixtures", "valid.json", NULL);
  g_autofree char *lenient = fixture ("import", "lenient.json");
  g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "fixtures", "syntax-error.json", NULL);
  const char *one[] = { good, NULL };
  const char *two[] = { lenient, NULL };
  const char *three[] = { broken, NULL };
  WendaCheckStatus status;
  g_autofree char *out1 = check (&status, one);
  g_autofree char *out2 = NULL;
  g_autofree char *out3 = NULL;

  g_assert_cmpint (status, ==, WENDA_CHECK_OK);
  g_assert_cmpstr (out1, ==, "valid.json: 2 questions in 0 sections (Wenda JSON)\n");

  out2 = check (&status, two);
  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_cmpstr (out2, ==,
                   "import/lenient.json: 2 questions in 0 sections (Wenda JSON)\n"
                   "import/lenient.json:13: “number” of item 2 must be an integer, not a string; "
                   "lines 13–18 skipped\n"
                   "import/lenient.json:19: question 3 has no “answer”; lines 19–23 skipped\n"
                   "import/lenient.json:24: two items have the number 1: on line 6 and on line 24; "
                   "lines 24–29 skipped\n"
                   "import/lenient.json:30: item 5 must be an object, not a string; line 30 skipped\n");

  out3 = check (&status, three);
  g_assert_cmpint (status, ==, WENDA_CHECK_REFUSED);
  g_assert_cmpstr (out3, ==,
                   "syntax-error.json: refused: Parse error: unexpected string constant "
                   "\"什么是问题？\", expected character `,'\n"
                   "syntax-error.json:9: Parse error: unexpected string constant "
                   "\"什么是问题？\", expected character `,'\n");
}

/* CSV, TSV and Anki's text files: the same path as the import */
static void
test_check_csv (void)
{
  g_autofree char *quoted = fixture ("csv", "quoted.csv");
  g_autofree char *anki = fixture ("csv", "anki-notes.txt");
  g_autofree char *ragged = fixture ("csv", "ragged.csv");
  const char *good[] = { quoted, anki, NULL };
  const char *bad[] = { ragged, NULL };
  WendaCheckStatus status;
  g_autofree char *out1 = check (&status, good);
  g_autofree char *out2 = NULL;

  g_assert_cmpint (status, ==, WENDA_CHECK_OK);
  g_assert_cmpstr (out1, ==,
                   "csv/quoted.csv: 3 questions in 0 sections (CSV columns)\n"
                   "csv/anki-notes.txt: 3 questions in 3 sections (CSV columns)\n");

  out2 = check (&status, bad);
  g_assert_cmpint (status, ==, WENDA_CHECK_PROBLEMS);
  g_assert_cmpstr (out2, ==,
                   "csv/ragged.csv: 4 questions in 0 sections (CSV columns)\n"
                   "csv/ragged.csv:2: warning: this row has 2 fields, the file 3 columns: "
                   "the explanation (column 3) is empty\n"
                   "csv/ragged.csv:3: warning: this row has 1 field, the file 3 columns: "
                   "the answer (column 2) is empty\n"
                   "csv/ragged.csv:4: this row has no question: column 1 is empty; line 4 skipped\n"
                   "csv/ragged.csv:5: warning: this row has 5 fields, the file 3 columns: "
                   "the last 2 are not read\n");
}

static gpointer
feed_fifo (gpointer data)
{
  const char *fifo = data;
  g_autofree char *path = fixture ("layouts", "bold.md");
  g_autofree char *text = NULL;
  gsize length = 0;
  int fd;

  g_assert_true (g_file_get_contents (path, &text, &length, NULL));
  fd = g_open (fifo, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, text, length), ==, (gssize)length);
  g_assert_true (g_close (fd, NULL));

  return NULL;
}

/* A file that does not say its size, as `wenda --check /dev/stdin < FILE`
 * or `<(…)` give it, is read to its end */
static void
test_check_pipe (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wenda-check-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "bank", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: 4 questions in 2 sections (bold questions)\n", fifo);
  const char *paths[] = { fifo, NULL };
  g_autoptr(GString) out = g_string_new (NULL);
  WendaCheckStatus status;
  GThread *writer;
  int fd;

  g_assert_nonnull (dir);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  writer = g_thread_new ("feed", feed_fifo, fifo);

  status = wenda_check_files (paths, out);
  /* Had the check not opened the pipe, the writer would wait for ever */
  fd = g_open (fifo, O_RDONLY | O_NONBLOCK, 0);
  g_thread_join (writer);
  g_assert_true (g_close (fd, NULL));

  g_assert_cmpint (status, ==, WENDA_CHECK_OK);
  g_assert_cmpstr (out->str, ==, expected);
  g_assert_cmpint (g_remove (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Check/ok", test_check_ok);
  g_test_add_func ("/Wenda/Check/problems", test_check_problems);
  g_test_add_func ("/Wenda/Check/refused", test_check_refused);
  g_test_add_func ("/Wenda/Check/folder", test_check_folder);
  g_test_add_func ("/Wenda/Check/mixed", test_check_mixed);
  g_test_add_func ("/Wenda/Check/seed", test_check_seed);
  g_test_add_func ("/Wenda/Check/json", test_check_json);
  g_test_add_func ("/Wenda/Check/csv", test_check_csv);
  g_test_add_func ("/Wenda/Check/pipe", test_check_pipe);

  return g_test_run ();
}
