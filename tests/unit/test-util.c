/* test-util.c: fixtures and checks that the unit tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "wenda-bank-loader.h"
#include "wenda-catalog.h"
#include "wenda-markdown.h"

#include "test-util.h"

/* Fixtures {{{ */

/* The path of tests/fixtures/@name. */
char *
unit_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/* The contents of tests/fixtures/@name; the test fails if it cannot be
 * read. */
char *
unit_read_fixture (const char *name,
                   gsize      *length)
{
  g_autofree char *path = unit_fixture_path (name);

  return read_file (path, length);
}

WendaQaItem *
unit_item_at (WendaBank *bank,
              guint      i)
{
  g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

  g_assert_nonnull (item);
  return item;   /* the bank holds it */
}

/* The contents of resources/content/UNIT_SEED_FILE, the Markdown the
 * bundled bank is made from. */
char *
unit_read_seed (gsize *length)
{
  g_autofree char *path = NULL;

  path = g_test_build_filename (G_TEST_DIST, "..", "resources", "content", UNIT_SEED_FILE, NULL);

  return read_file (path, length);
}

/* }}} */

/* Banks {{{ */

/* Parses Markdown that must parse. */
WendaBank *
unit_parse_markdown (const char *text,
                     gssize      length,
                     const char *filename)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank;

  bank = wenda_markdown_parse (text, length, filename, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

WendaBank *
unit_load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank = wenda_bank_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

/* The bundled bank with its English rendering applied, from the catalog
 * in WENDA_LOCALEDIR (so that both languages are in its texts). */
WendaBank *
unit_load_bundled_bilingual (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled ();
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("WENDA_LOCALEDIR");

  g_assert_nonnull (localedir);
  catalog = wenda_catalog_load_language (localedir, "wenda", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wenda_bank_apply_catalog (bank, catalog), ==, 30);

  return g_steal_pointer (&bank);
}

/* A search taken from the items' own search texts: @n_chars characters
 * from a random place of a random item's, in either language. */
static char *
random_search (GListModel *source,
               glong       n_chars)
{
  guint n = g_list_model_get_n_items (source);
  g_autoptr(WendaQaItem) item = g_list_model_get_item (source, g_test_rand_int_range (0, n));
  const char *text = wenda_qa_item_get_search_text (item);
  glong length = g_utf8_strlen (text, -1);
  glong start = g_test_rand_int_range (0, MAX (1, length - n_chars));

  return g_utf8_substring (text, start, MIN (length, start + n_chars));
}

/* A random keystroke into a search box: typing on the *@word of which
 * *@typed characters are in the box, erasing one, clearing, or a new word
 * from @source's texts, pasted or typed (*@word starts NULL, and is the
 * caller's to free).  Returns the search it leaves in the box. */
char *
unit_random_keystroke (GListModel  *source,
                       char       **word,
                       glong       *typed)
{
  guint what = g_test_rand_int_range (0, 10);

  if (*word == NULL || what == 0)
    {
      g_free (*word);
      *word = random_search (source, g_test_rand_int_range (1, 12));
      *typed = what == 0 ? g_utf8_strlen (*word, -1) : 1;
    }
  else if (what <= 5 && *typed < g_utf8_strlen (*word, -1))
    (*typed)++;
  else if (what <= 8 && *typed > 0)
    (*typed)--;
  else if (what == 9)
    *typed = 0;

  return g_utf8_substring (*word, 0, *typed);
}

/* Same title, and equal items in the same order. */
void
unit_assert_same_items (WendaBank *a,
                        WendaBank *b)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (a));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (b)), ==, n);
  g_assert_cmpstr (wenda_bank_get_title (a), ==, wenda_bank_get_title (b));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) x = g_list_model_get_item (G_LIST_MODEL (a), i);
      g_autoptr(WendaQaItem) y = g_list_model_get_item (G_LIST_MODEL (b), i);

      g_assert_true (wenda_qa_item_equal (x, y));
    }
}

/* }}} */

/* Errors {{{ */

/* @error is @c's, and its message starts with "@filename:LINE[:COLUMN]: ". */
void
unit_assert_error_message (const GError        *error,
                           const char          *filename,
                           const UnitErrorCase *c)
{
  g_autofree char *prefix = NULL;

  g_assert_error (error, WENDA_BANK_ERROR, (int)c->code);

  if (c->column > 0)
    prefix = g_strdup_printf ("%s:%u:%u: ", filename, c->line, c->column);
  else
    prefix = g_strdup_printf ("%s:%u: ", filename, c->line);

  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);

  if (c->other_line > 0)
    {
      g_autofree char *other = g_strdup_printf ("line %u", c->other_line);

      g_assert_nonnull (strstr (error->message, other));
    }
}

/* Adds @func as the test "@prefix/FILE" of each case. */
void
unit_add_error_cases (const char          *prefix,
                      const UnitErrorCase *cases,
                      gsize                n_cases,
                      GTestDataFunc        func)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s", prefix, cases[i].file);

      g_test_add_data_func (path, &cases[i], func);
    }
}

/* }}} */

/* Mutations {{{ */

/* Inserts @snippet into @text at @at; an empty @snippet is one NUL byte. */
void
unit_insert_snippet (GByteArray *text,
                     guint       at,
                     const char *snippet)
{
  gsize n = snippet[0] == '\0' ? 1 : strlen (snippet);

  g_byte_array_set_size (text, text->len + n);
  memmove (text->data + at + n, text->data + at, text->len - n - at);
  memcpy (text->data + at, snippet, n);
}

/* What reading mangled input may give: a bank with items and no error, or
 * no bank and a bank error that names "<input>".  Returns whether there
 * is a bank. */
gboolean
unit_assert_outcome (WendaBank    *bank,
                     const GError *error)
{
  if (bank != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), >, 0);
      return TRUE;
    }

  g_assert_nonnull (error);
  g_assert_true (error->domain == WENDA_BANK_ERROR);
  g_assert_true (g_str_has_prefix (error->message, "<input>:"));
  return FALSE;
}

/* }}} */

/**
 * unit_remove_all:
 *
 * Removes @path, and what it holds if it is a folder (made writable
 * first); a symbolic link is removed, not followed.  Nothing if it is
 * not there.
 */
void
unit_remove_all (const char *path)
{
  GStatBuf buf;

  if (g_lstat (path, &buf) != 0)
    return;

  if (S_ISDIR (buf.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          unit_remove_all (child);
        }
      g_assert_cmpint (g_rmdir (path), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}
