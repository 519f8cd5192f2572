/* test-fuzz-regressions.c: every input the fuzzers found a bug with
 * (tests/fuzz/regressions/) and every seed (tests/fuzz/corpus/markdown/,
 * corpus/json/, corpus/layout/, corpus/csv/, corpus/glossary/ and corpus/rich/), fed to every
 * harness (the three bank readers, the md4c block layer, the layout
 * detector, the CSV reader, the glossary and the reading pane's tree),
 * which must
 * return cleanly: a bank that passes
 * the harnesses' checks, or an error naming the file and line.
 *
 * Built in every configuration, so the ASan + UBSan pass of .ci/run runs
 * these inputs too, without libFuzzer.  One test case per file:
 *
 *   /Wenda/Fuzz/regressions/NAME
 *   /Wenda/Fuzz/corpus/markdown/NAME
 *   /Wenda/Fuzz/corpus/json/NAME
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "fuzz-common.h"

/* The folders under G_TEST_SRCDIR (tests/fuzz) whose files are inputs */
static const char * const input_dirs[] = {
  "regressions",
  "corpus/markdown",
  "corpus/json",
  "corpus/layout",
  "corpus/csv",
  "corpus/glossary",
  "corpus/rich",
};

static void
test_input (gconstpointer data)
{
  const char *path = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *exact = NULL;
  gsize size;

  /* Each file in a child of its own: a crash or a failed check then fails
   * that file's test case, and the others still run.  Its stderr (the
   * failed check, the sanitizer's report) goes to the log. */
  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  g_assert_true (g_file_get_contents (path, &contents, &size, &error));
  g_assert_no_error (error);

  /* A copy of exactly @size bytes with no NUL after it, as libFuzzer
   * passes them, so ASan sees a read past the end. */
  exact = g_memdup2 (contents, size);

  g_test_message ("%s: %" G_GSIZE_FORMAT " bytes", path, size);

  fuzz_run_markdown (exact, size);
  fuzz_run_json (exact, size);
  fuzz_run_import (exact, size);
  fuzz_run_blocks (exact, size);
  fuzz_run_layout (exact, size);
  fuzz_run_csv (exact, size);
  fuzz_run_glossary (exact, size);
  fuzz_run_rich (exact, size);
}

/* The path of every input, for the life of the process */
static GPtrArray *input_paths;

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* Adds a test case for each file of @dir_name, in name order; returns how
 * many.  README files describe the folder and are not inputs. */
static guint
add_tests_for_dir (const char *dir_name)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, dir_name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (dir_path, 0, &error);
  if (dir == NULL)
    {
      /* git keeps no empty folder: no regressions yet is not a failure */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return 0;
      g_error ("%s", error->message);
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (name[0] == '.' || g_str_has_prefix (name, "README"))
        continue;
      g_ptr_array_add (names, g_strdup (name));
    }

  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/Wenda/Fuzz/%s/%s", dir_name, file);

      char *path = g_build_filename (dir_path, file, NULL);

      /* Kept in a global, not freed by the test case: GTest's child for
       * one test exits without freeing the test cases, and LSan would call
       * the path a leak */
      g_ptr_array_add (input_paths, path);
      g_test_add_data_func (test_path, path, test_input);
    }

  return names->len;
}

int
main (int    argc,
      char **argv)
{
  guint n_corpus = 0;
  int ret;

  g_test_init (&argc, &argv, NULL);
  /* A file that fails marks its own test case failed; the rest still run */
  g_test_set_nonfatal_assertions ();

  input_paths = g_ptr_array_new_with_free_func (g_free);

  add_tests_for_dir (input_dirs[0]);
  for (guint i = 1; i < G_N_ELEMENTS (input_dirs); i++)
    n_corpus += add_tests_for_dir (input_dirs[i]);

  /* A seed corpus that has gone missing would make this test pass empty */
  if (n_corpus == 0)
    g_error ("no seed corpus under %s", g_test_get_dir (G_TEST_DIST));

  ret = g_test_run ();
  g_clear_pointer (&input_paths, g_ptr_array_unref);

  return ret;
}
