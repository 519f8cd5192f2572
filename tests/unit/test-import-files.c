/* test-import-files.c: a folder of chapter files, several files, and the
 * images they refer to, from the reading to the library's copy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* tests/fixtures/folders/chapters/ is a bank as the field's repositories
 * lay them out: a README that lists the chapters, one Markdown file a
 * chapter ("1-基础.md", "2-deep-learning.md", "10-llm.md", so name order is
 * not byte order), a README in a subfolder, and images/ beside them, with
 * a file named .png that is text.  Its chapters refer to images that are
 * there, missing, on the web, outside the folder and absolute.  Tests that
 * add a symbolic link or a large image copy the folder to a temporary one
 * first. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wenda-import.h"
#include "wenda-library.h"
#include "wenda-media.h"

#include "test-util.h"

/* Helpers {{{ */

static GFile *
chapters_folder (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "folders", "chapters", NULL);

  return g_file_new_for_path (path);
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_assert_cmpint (g_mkdir_with_parents (to, 0700), ==, 0);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *src = g_build_filename (from, name, NULL);
      g_autofree char *dst = g_build_filename (to, name, NULL);

      if (g_file_test (src, G_FILE_TEST_IS_DIR))
        copy_tree (src, dst);
      else
        {
          g_autofree char *data = NULL;
          gsize len;

          g_assert_true (g_file_get_contents (src, &data, &len, NULL));
          g_assert_true (g_file_set_contents (dst, data, len, NULL));
        }
    }
}

/* A temporary copy of the chapters folder, and its parent */
typedef struct
{
  char  *tmp;
  char  *chapters;   /* TMP/chapters */
  GFile *folder;
} Copy;

static void
copy_init (Copy *copy)
{
  g_autoptr(GFile) fixture = chapters_folder ();
  g_autofree char *from = g_file_get_path (fixture);

  copy->tmp = g_dir_make_tmp ("wenda-folder-XXXXXX", NULL);
  g_assert_nonnull (copy->tmp);
  copy->chapters = g_build_filename (copy->tmp, "chapters", NULL);
  copy_tree (from, copy->chapters);
  copy->folder = g_file_new_for_path (copy->chapters);
}

static void
copy_clear (Copy *copy)
{
  unit_remove_all (copy->tmp);
  g_clear_object (&copy->folder);
  g_clear_pointer (&copy->tmp, g_free);
  g_clear_pointer (&copy->chapters, g_free);
}

static WendaBank *
import (GFile             *const *files,
        guint                     n_files,
        WendaImportReport       **report,
        GError                  **error)
{
  return wenda_import_files (files, n_files, WENDA_IMPORT_FORMAT_AUTO, NULL, "ch", NULL,
                             NULL, NULL, report, error);
}

/* The problem whose message contains @needle, or NULL */
static const WendaImportProblem *
find_problem (const WendaImportReport *report,
              const char              *needle)
{
  for (guint i = 0; i < wenda_import_report_get_n_problems (report); i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);

      if (strstr (problem->message, needle) != NULL)
        return problem;
    }

  return NULL;
}

static WendaMediaFile *
find_media (const WendaImportReport *report,
            const char              *name)
{
  GPtrArray *media = wenda_import_report_get_media (report);

  for (guint i = 0; i < media->len; i++)
    if (g_str_equal (((WendaMediaFile *)media->pdata[i])->name, name))
      return media->pdata[i];

  return NULL;
}

/* }}} */

/* Finding and naming images {{{ */

typedef struct
{
  GPtrArray *srcs;
  GPtrArray *alts;
  GArray    *offsets;
} Found;

static void
on_found (const char *src,
          const char *alt,
          gsize       offset,
          gpointer    user_data)
{
  Found *found = user_data;

  g_ptr_array_add (found->srcs, g_strdup (src));
  g_ptr_array_add (found->alts, g_strdup (alt));
  g_array_append_val (found->offsets, offset);
}

static void
test_foreach_image (void)
{
  const char *text =
    "Intro ![a *b*](img/a.png \"t\") and ![ref][r].\n"
    "\n"
    "`![not](code.png)` in code\n"
    "\n"
    "```\n![not](fence.png)\n```\n"
    "\n"
    "<p><img src=\"h&amp;t.png\" alt='Hi &lt;3'/></p>\n"
    "\n"
    "Inline <IMG SRC=up.svg> html, ![](my%20pic.png)\n"
    "\n"
    "[r]: img/ref.png\n";
  Found found = {
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func (g_free),
    g_array_new (FALSE, FALSE, sizeof (gsize)),
  };
  static const char *srcs[] = { "img/a.png", "img/ref.png", "h&t.png", "up.svg", "my%20pic.png" };
  static const char *alts[] = { "a b", "ref", "Hi <3", "", "" };

  wenda_markdown_foreach_image (text, strlen (text), on_found, &found);

  g_assert_cmpuint (found.srcs->len, ==, G_N_ELEMENTS (srcs));
  for (guint i = 0; i < G_N_ELEMENTS (srcs); i++)
    {
      g_assert_cmpstr (found.srcs->pdata[i], ==, srcs[i]);
      g_assert_cmpstr (found.alts->pdata[i], ==, alts[i]);
    }
  /* Where each one is, for its line */
  g_assert_cmpuint (g_array_index (found.offsets, gsize, 0), <, strchr (text, '\n') - text);
  g_assert_cmpuint (g_array_index (found.offsets, gsize, 2), ==, strstr (text, "<img") - text);

  g_ptr_array_unref (found.srcs);
  g_ptr_array_unref (found.alts);
  g_array_unref (found.offsets);
}

static void
test_resolve_name (void)
{
  static const struct { const char *base, *src, *name; WendaMediaError code; } cases[] = {
    { "", "images/a.png", "images/a.png", 0 },
    { "", "./images/./a.png", "images/a.png", 0 },
    { "part2", "../images/a.png", "images/a.png", 0 },
    { "part2", "img\\a.png", "part2/img/a.png", 0 },
    { "", "my%20pic.png", "my pic.png", 0 },
    { "", "a.png?raw=true", "a.png", 0 },
    { "", "a.svg#layer", "a.svg", 0 },
    { "", "图/注意力.png", "图/注意力.png", 0 },
    { "", "../a.png", NULL, WENDA_MEDIA_ERROR_OUTSIDE },
    { "part2", "../../a.png", NULL, WENDA_MEDIA_ERROR_OUTSIDE },
    { "", "images/../../a.png", NULL, WENDA_MEDIA_ERROR_OUTSIDE },
    { "", "/etc/passwd", NULL, WENDA_MEDIA_ERROR_ABSOLUTE },
    { "", "~/a.png", NULL, WENDA_MEDIA_ERROR_ABSOLUTE },
    { "", "C:\\pics\\a.png", NULL, WENDA_MEDIA_ERROR_ABSOLUTE },
    { "", "file:///etc/passwd", NULL, WENDA_MEDIA_ERROR_ABSOLUTE },
    { "", "https://example.com/a.png", NULL, WENDA_MEDIA_ERROR_REMOTE },
    { "", "//cdn.example.com/a.png", NULL, WENDA_MEDIA_ERROR_REMOTE },
    { "", "data:image/png;base64,AAAA", NULL, WENDA_MEDIA_ERROR_REMOTE },
    { "", "", NULL, WENDA_MEDIA_ERROR_EMPTY },
    { "", "images/..", NULL, WENDA_MEDIA_ERROR_EMPTY },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = wenda_media_resolve_name (cases[i].base, cases[i].src, &error);

      g_test_message ("%s + %s", cases[i].base, cases[i].src);
      g_assert_cmpstr (name, ==, cases[i].name);
      if (cases[i].name == NULL)
        g_assert_error (error, WENDA_MEDIA_ERROR, (int)cases[i].code);
      else
        g_assert_no_error (error);
    }
}

/* }}} */

/* A folder {{{ */

static void
test_folder_sections (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = import (&folder, 1, &report, &error);
  static const char *files[] = { "1-基础.md", "2-deep-learning.md", "10-llm.md", "part2/README.md" };
  static const char *titles[] = { "第一章 机器学习基础", "Chapter 2: Deep Learning", "第十章 大模型", "part2" };
  GPtrArray *sections;
  guint n_top = 0;
  const WendaImportProblem *readme;

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  /* The README lists the chapters and has no question: left out, said */
  g_assert_cmpuint (wenda_import_report_get_n_files (report), ==, 5);
  g_assert_cmpuint (wenda_import_report_get_n_files_read (report), ==, 4);
  readme = find_problem (report, "README.md:");
  g_assert_nonnull (readme);
  g_assert_true (g_str_has_prefix (readme->message, "README.md:"));
  g_assert_false (readme->warning);

  /* The bank is named by the README's title */
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "机器学习面试笔记");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2 + 3 + 1 + 1);

  /* A section a file, in name order ("10-" after "2-"), each knowing its file */
  sections = wenda_bank_get_sections (bank);
  for (guint i = 0; i < sections->len; i++)
    {
      WendaSection *section = sections->pdata[i];

      if (wenda_section_get_parent (section) != NULL)
        {
          g_assert_null (wenda_section_get_file (section));
          continue;
        }
      g_assert_cmpuint (n_top, <, G_N_ELEMENTS (files));
      g_assert_cmpstr (wenda_section_get_title (section), ==, titles[n_top]);
      g_assert_cmpstr (wenda_section_get_file (section), ==, files[n_top]);
      n_top++;
    }
  g_assert_cmpuint (n_top, ==, 4);

  /* A file's own sections go inside its section */
  {
    WendaQaItem *bn = unit_item_at (bank, 2);
    WendaSection *inner = wenda_qa_item_get_section (bn);

    g_assert_cmpstr (wenda_qa_item_get_question (bn), ==, "Why does batch normalisation help?");
    g_assert_cmpstr (wenda_section_get_title (inner), ==, "2.1 Optimisation");
    g_assert_cmpstr (wenda_section_get_title (wenda_section_get_parent (inner)), ==,
                     "Chapter 2: Deep Learning");
  }

  /* Numbers run through the bank; each file's ids are its own */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    g_assert_cmpuint (wenda_qa_item_get_number (unit_item_at (bank, i)), ==, i + 1);
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 2)), ==, "ch-2-deep-learning-1");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 5)), ==, "ch-10-llm-1");
  /* "1-基础.md": the ASCII of its name */
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 0)), ==, "ch-1-1");
  g_assert_cmpstr (wenda_qa_item_get_label (unit_item_at (bank, 5)), ==, "1");
}

/* The same files give the same ids again, so progress stays */
static void
test_folder_ids_stable (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(WendaBank) first = import (&folder, 1, NULL, NULL);
  g_autoptr(WendaBank) again = import (&folder, 1, NULL, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (first));

  g_assert_cmpuint (n, ==, g_list_model_get_n_items (G_LIST_MODEL (again)));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (first, i)), ==,
                     wenda_qa_item_get_id (unit_item_at (again, i)));
}

static void
test_several_files (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(GFile) a = g_file_get_child (folder, "10-llm.md");
  g_autoptr(GFile) b = g_file_get_child (folder, "1-基础.md");
  GFile *files[] = { a, b };
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = import (files, 2, &report, &error);
  GPtrArray *sections;

  g_assert_no_error (error);
  g_assert_cmpuint (wenda_import_report_get_n_files (report), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 3);
  /* In name order, whatever order they were chosen in */
  sections = wenda_bank_get_sections (bank);
  g_assert_cmpuint (sections->len, ==, 2);
  g_assert_cmpstr (wenda_section_get_file (sections->pdata[0]), ==, "1-基础.md");
  g_assert_cmpstr (wenda_section_get_file (sections->pdata[1]), ==, "10-llm.md");
  /* Named by the folder they are in */
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "chapters");
  {
    g_autofree char *name = wenda_import_files_dup_name (files, 2);
    g_autofree char *one = wenda_import_files_dup_name (files, 1);

    g_assert_cmpstr (name, ==, "chapters");
    g_assert_cmpstr (one, ==, "10-llm.md");
  }
  /* Both refer to images beside them */
  g_assert_nonnull (find_media (report, "images/overfit.png"));
  g_assert_nonnull (find_media (report, "images/attention.png"));
}

static void
test_folder_refused (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("wenda-folder-XXXXXX", NULL);
  g_autofree char *readme = g_build_filename (tmp, "README.md", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (tmp);
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *name = g_path_get_basename (tmp);
  g_autofree char *expected = NULL;

  /* No Markdown at all */
  bank = import (&folder, 1, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_EMPTY);
  expected = g_strdup_printf ("%s: the folder has no Markdown file (.md)", name);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
  g_clear_error (&error);
  g_clear_pointer (&report, wenda_import_report_free);

  /* Markdown with no question: each file's reason, then the folder's */
  g_assert_true (g_file_set_contents (readme, "# Notes\n\nJust a list of links.\n", -1, NULL));
  bank = import (&folder, 1, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "no question could be read from its 1 Markdown file"));
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 2);
  g_assert_true (g_str_has_prefix (wenda_import_report_get_problem (report, 0)->message, "README.md:"));

  g_assert_cmpint (g_unlink (readme), ==, 0);
  g_assert_cmpint (g_rmdir (tmp), ==, 0);
}

/* }}} */

/* Images {{{ */

static void
test_images_checked (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import (&folder, 1, &report, NULL);
  g_autoptr(GFile) expected = g_file_resolve_relative_path (folder, "images/overfit.png");
  g_autofree char *expected_path = g_file_get_path (expected);
  WendaMediaFile *overfit = find_media (report, "images/overfit.png");
  const WendaImportProblem *problem;

  g_assert_nonnull (bank);

  /* Copied once, though two files and an <img> refer to it */
  g_assert_cmpuint (wenda_import_report_get_media (report)->len, ==, 2);
  g_assert_nonnull (overfit);
  g_assert_cmpstr (overfit->path, ==, expected_path);
  g_assert_cmpint (overfit->size, ==, 117);
  g_assert_nonnull (find_media (report, "images/attention.png"));

  /* Remote: not fetched, counted, no problem */
  g_assert_cmpuint (wenda_import_report_get_n_remote_images (report), ==, 1);
  g_assert_null (find_problem (report, "example.com"));

  /* Each refusal is a warning of its file and line; the questions stay */
  problem = find_problem (report, "../outside.png");
  g_assert_nonnull (problem);
  g_assert_true (problem->warning);
  g_assert_cmpstr (problem->message, ==,
                   "2-deep-learning.md:15: “../outside.png” is refused: it leaves the bank's folder");
  problem = find_problem (report, "/etc/hostname");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, 27);
  g_assert_nonnull (strstr (problem->message, "an absolute path"));
  problem = find_problem (report, "images/notes.png");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, 29);
  g_assert_nonnull (strstr (problem->message, "not an image"));
  problem = find_problem (report, "images/missing.png");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, 9);
  g_assert_cmpuint (wenda_import_report_get_n_missing_images (report), ==, 1);
  g_assert_false (wenda_import_report_get_needs_folder (report));
}

static void
test_images_symlink_and_size (void)
{
  Copy copy = { 0, };
  g_autofree char *link = NULL;
  g_autofree char *linked_dir = NULL;
  g_autofree char *big = NULL;
  g_autofree char *md = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  const WendaImportProblem *problem;
  int fd;

  copy_init (&copy);
  link = g_build_filename (copy.chapters, "images", "link.png", NULL);
  g_assert_cmpint (symlink ("overfit.png", link), ==, 0);
  linked_dir = g_build_filename (copy.chapters, "linked", NULL);
  g_assert_cmpint (symlink ("images", linked_dir), ==, 0);

  /* A PNG of 20 MB and a byte: its first bytes are an image's */
  big = g_build_filename (copy.chapters, "images", "big.png", NULL);
  fd = g_open (big, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "\x89PNG\r\n\x1a\n", 8), ==, 8);
  g_assert_cmpint (ftruncate (fd, WENDA_MEDIA_MAX_SIZE + 1), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  md = g_build_filename (copy.chapters, "3-more.md", NULL);
  g_assert_true (g_file_set_contents (md,
                                      "## 1. Q?\n\nA.\n\n![l](images/link.png)\n\n"
                                      "![d](linked/overfit.png)\n\n![b](images/big.png)\n",
                                      -1, NULL));

  bank = import (&copy.folder, 1, &report, NULL);
  g_assert_nonnull (bank);

  problem = find_problem (report, "images/link.png");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, 5);
  g_assert_nonnull (strstr (problem->message, "symbolic link"));
  problem = find_problem (report, "linked/overfit.png");
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem->message, "symbolic link"));
  problem = find_problem (report, "images/big.png");
  g_assert_nonnull (problem);
  g_assert_cmpuint (problem->line, ==, 9);
  g_assert_nonnull (strstr (problem->message, "too large"));
  g_assert_null (find_media (report, "images/link.png"));
  g_assert_null (find_media (report, "images/big.png"));

  /* The linked folder is not read for chapters either */
  for (guint i = 0; i < wenda_bank_get_sections (bank)->len; i++)
    g_assert_false (g_str_has_prefix (wenda_section_get_file (wenda_bank_get_sections (bank)->pdata[i]) ?: "",
                                      "linked/"));

  copy_clear (&copy);
}

/* A file alone: its folder is the bank's, and "../" leaves it */
static void
test_images_single_file (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(GFile) file = g_file_get_child (folder, "2-deep-learning.md");
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import (&file, 1, &report, NULL);

  g_assert_nonnull (bank);
  g_assert_cmpuint (wenda_import_report_get_n_files (report), ==, 1);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "Chapter 2: Deep Learning");
  /* A file alone keeps its own ids and sections */
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 0)), ==, "ch-1");
  g_assert_null (wenda_section_get_file (wenda_bank_get_sections (bank)->pdata[0]));
  g_assert_cmpuint (wenda_import_report_get_media (report)->len, ==, 1);
  g_assert_nonnull (find_media (report, "images/attention.png"));
  g_assert_nonnull (find_problem (report, "2-deep-learning.md:15: “../outside.png” is refused"));
}

/* The Flatpak's file chooser gives a file alone, in the document portal:
 * the images beside it cannot be read, and the report says to open its
 * folder instead */
static void
test_images_portal (void)
{
  g_autofree char *doc = g_build_filename (g_get_user_runtime_dir (), "doc", "a1b2c3", NULL);
  g_autofree char *path = g_build_filename (doc, "notes.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *top = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  gboolean made_top = !g_file_test (top, G_FILE_TEST_EXISTS);

  g_assert_cmpint (g_mkdir_with_parents (doc, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "## 1. Q?\n\nA.\n\n![a](images/a.png)\n\n![b](images/b.png)\n"
                                      "\n![web](https://example.com/c.png)\n\n## 2. R?\n\nB.\n\n"
                                      "## 3. S?\n\nC.\n",
                                      -1, NULL));

  bank = import (&file, 1, &report, NULL);
  g_assert_nonnull (bank);
  /* No title of its own: its file's name */
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "notes");
  g_assert_true (wenda_import_report_get_needs_folder (report));
  g_assert_cmpuint (wenda_import_report_get_n_missing_images (report), ==, 2);
  /* The preview says why once; no line for each image */
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (doc), ==, 0);
  if (made_top)
    g_assert_cmpint (g_rmdir (top), ==, 0);
}

static void
test_check_file (void)
{
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(GError) error = NULL;
  g_autofree char *svg_dir = g_dir_make_tmp ("wenda-svg-XXXXXX", NULL);
  g_autofree char *svg = g_build_filename (svg_dir, "d.svg", NULL);
  g_autoptr(GFile) root = g_file_new_for_path (svg_dir);
  goffset size = 0;

  g_assert_true (wenda_media_check_file (folder, "images/overfit.png", &size, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (size, ==, 117);

  g_assert_false (wenda_media_check_file (folder, "images", NULL, NULL, &error));
  g_assert_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* SVG, after an XML declaration and a comment */
  g_assert_true (g_file_set_contents (svg,
                                      "\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- made by hand -->\n"
                                      "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", -1, NULL));
  g_assert_true (wenda_media_check_file (root, "d.svg", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (svg, "<html><svg/></html>", -1, NULL));
  g_assert_false (wenda_media_check_file (root, "d.svg", NULL, NULL, &error));
  g_assert_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_FORMAT);

  g_assert_cmpint (g_unlink (svg), ==, 0);
  g_assert_cmpint (g_rmdir (svg_dir), ==, 0);
}

/* }}} */

/* The library's copy {{{ */

static char *
read_copied (const char *dir,
             const char *id,
             const char *name)
{
  g_autofree char *media = g_strconcat (id, ".media", NULL);
  g_autofree char *path = g_build_filename (dir, media, name, NULL);
  char *data = NULL;

  if (!g_file_get_contents (path, &data, NULL, NULL))
    return NULL;
  return data;
}

static void
test_library_copies_images (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("wenda-library-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "banks", NULL);
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaLibrary) library = wenda_library_new (dir, bundled);
  g_autoptr(WendaLibrary) reloaded = wenda_library_new (dir, bundled);
  Copy copy = { 0, };
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaImportReport) report2 = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaBank) update = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *overfit = NULL;
  g_autofree char *media_dir = NULL;
  WendaLibraryBank *entry, *again;
  GFile *media;

  copy_init (&copy);
  bank = wenda_import_files (&copy.folder, 1, WENDA_IMPORT_FORMAT_AUTO, NULL, "chapters", NULL,
                             NULL, NULL, &report, &error);
  g_assert_no_error (error);

  entry = wenda_library_add_full (library, "chapters", bank,
                                  wenda_import_report_get_media (report), &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  /* Copied under the same names, byte for byte */
  overfit = g_build_filename (copy.chapters, "images", "overfit.png", NULL);
  g_assert_true (g_file_get_contents (overfit, &original, NULL, NULL));
  copied = read_copied (dir, "chapters", "images/overfit.png");
  g_assert_cmpstr (copied, ==, original);
  g_clear_pointer (&copied, g_free);
  copied = read_copied (dir, "chapters", "images/notes.png");
  g_assert_null (copied);

  /* The bank shows them from there, also once the original is gone */
  media_dir = g_build_filename (dir, "chapters.media", NULL);
  media = wenda_bank_get_media_dir (wenda_library_bank_get_bank (entry));
  g_assert_nonnull (media);
  g_assert_cmpstr (g_file_peek_path (media), ==, media_dir);
  copy_clear (&copy);

  g_assert_true (wenda_library_load (reloaded, NULL, &error));
  g_assert_no_error (error);
  again = wenda_library_lookup (reloaded, "chapters");
  g_assert_nonnull (again);
  media = wenda_bank_get_media_dir (wenda_library_bank_get_bank (again));
  g_assert_nonnull (media);
  g_assert_cmpstr (g_file_peek_path (media), ==, media_dir);
  /* Each file section kept its file, which the images are relative to */
  {
    GPtrArray *sections = wenda_bank_get_sections (wenda_library_bank_get_bank (again));

    g_assert_cmpstr (wenda_section_get_file (sections->pdata[0]), ==, "1-基础.md");
  }

  /* A new title keeps them */
  g_assert_true (wenda_library_rename (library, entry, "第二版", &error));
  g_assert_no_error (error);
  media = wenda_bank_get_media_dir (wenda_library_bank_get_bank (entry));
  g_assert_nonnull (media);
  g_assert_cmpstr (g_file_peek_path (media), ==, media_dir);

  /* An update with no images takes the old ones away */
  {
    g_autoptr(GFile) fixture = chapters_folder ();
    g_autoptr(GFile) one = g_file_get_child (fixture, "part2");

    update = wenda_import_files (&one, 1, WENDA_IMPORT_FORMAT_AUTO, NULL, "chapters", NULL,
                                 NULL, NULL, &report2, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (wenda_import_report_get_media (report2)->len, ==, 0);
    g_assert_true (wenda_library_update_full (library, entry, update,
                                              wenda_import_report_get_media (report2), NULL, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_test (media_dir, G_FILE_TEST_EXISTS));
    g_assert_null (wenda_bank_get_media_dir (wenda_library_bank_get_bank (entry)));
  }

  /* Removing the bank removes its images; no temporary folder is left */
  {
    g_autoptr(GDir) listing = NULL;

    g_assert_true (wenda_library_remove (library, entry, &error));
    g_assert_no_error (error);
    listing = g_dir_open (dir, 0, NULL);
    g_assert_nonnull (listing);
    g_assert_null (g_dir_read_name (listing));
  }

  unit_remove_all (tmp);
}

/* A copy that fails leaves nothing: no bank, no folder */
static void
test_library_copy_fails (void)
{
  g_autofree char *tmp = g_dir_make_tmp ("wenda-library-XXXXXX", NULL);
  g_autofree char *dir = g_build_filename (tmp, "banks", NULL);
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaLibrary) library = wenda_library_new (dir, bundled);
  g_autoptr(GFile) folder = chapters_folder ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) media = g_ptr_array_new_with_free_func ((GDestroyNotify)wenda_media_file_free);
  g_autoptr(GDir) listing = NULL;

  bank = import (&folder, 1, &report, &error);
  g_assert_no_error (error);
  g_ptr_array_add (media, wenda_media_file_new ("images/gone.png", "/nonexistent/gone.png", 10));

  g_assert_null (wenda_library_add_full (library, "ch", bank, media, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "images/gone.png"));
  g_assert_null (wenda_library_lookup (library, "ch"));
  listing = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (listing);
  g_assert_null (g_dir_read_name (listing));

  unit_remove_all (tmp);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/ImportFiles/foreach-image", test_foreach_image);
  g_test_add_func ("/Wenda/ImportFiles/resolve-name", test_resolve_name);
  g_test_add_func ("/Wenda/ImportFiles/check-file", test_check_file);
  g_test_add_func ("/Wenda/ImportFiles/folder-sections", test_folder_sections);
  g_test_add_func ("/Wenda/ImportFiles/folder-ids-stable", test_folder_ids_stable);
  g_test_add_func ("/Wenda/ImportFiles/several-files", test_several_files);
  g_test_add_func ("/Wenda/ImportFiles/folder-refused", test_folder_refused);
  g_test_add_func ("/Wenda/ImportFiles/images-checked", test_images_checked);
  g_test_add_func ("/Wenda/ImportFiles/images-symlink-and-size", test_images_symlink_and_size);
  g_test_add_func ("/Wenda/ImportFiles/images-single-file", test_images_single_file);
  g_test_add_func ("/Wenda/ImportFiles/images-portal", test_images_portal);
  g_test_add_func ("/Wenda/ImportFiles/library-copies-images", test_library_copies_images);
  g_test_add_func ("/Wenda/ImportFiles/library-copy-fails", test_library_copy_fails);

  return g_test_run ();
}
