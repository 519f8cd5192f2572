/* test-library.c: the user's own banks: files, order, signals, ids and
 * updates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each test works in a folder of its own made by g_dir_make_tmp() and
 * removed afterwards; the library's folder is DIR/banks, not there at
 * first.  The damaged-folder test copies tests/fixtures/library/. */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenda-bank-loader.h"
#include "wenda-library.h"
#include "wenda-study-store.h"

#include "test-util.h"

/* Helpers {{{ */

typedef struct
{
  char         *tmp;
  char         *dir;       /* TMP/banks */
  WendaBank    *bundled;
  WendaLibrary *library;
  GArray       *changes;   /* of Change, from "items-changed" */
  guint         n_items_notifies;
} Fixture;

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_items;           /* the model's size when the signal came */
} Change;

/* A bank of @n items with ids "@prefix-NNN" */
static WendaBank *
make_bank (const char *title,
           const char *prefix,
           guint       n)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%03u", prefix, i);
      g_autofree char *question = g_strdup_printf ("%s 的第 %u 题？", title, i);
      g_autofree char *answer = g_strdup_printf ("答案 %u。\n\n第二段。", i);

      g_ptr_array_add (items, wenda_qa_item_new (id, i, question, answer, i % 2 ? "解析。" : ""));
    }

  return wenda_bank_new (title, items);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *f)
{
  Change change = { position, removed, added, g_list_model_get_n_items (model) };

  /* The model must already be in its new state */
  g_assert_cmpuint (position + added, <=, change.n_items);
  g_array_append_val (f->changes, change);
}

static void
on_n_items_notify (GObject    *object,
                   GParamSpec *pspec,
                   Fixture    *f)
{
  f->n_items_notifies++;
}

static WendaLibrary *
fixture_new_library (Fixture *f)
{
  WendaLibrary *library = wenda_library_new (f->dir, f->bundled);

  g_signal_connect (library, "items-changed", G_CALLBACK (on_items_changed), f);
  g_signal_connect (library, "notify::n-items", G_CALLBACK (on_n_items_notify), f);

  return library;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->tmp = g_dir_make_tmp ("wenda-library-XXXXXX", &error);
  g_assert_no_error (error);
  f->dir = g_build_filename (f->tmp, "banks", NULL);
  f->bundled = make_bank ("大模型训练的两个关键步骤", "llm-training", 3);
  f->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  f->library = fixture_new_library (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->library);
  g_clear_object (&f->bundled);
  g_clear_pointer (&f->changes, g_array_unref);
  unit_remove_all (f->tmp);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->tmp, g_free);
}

static void
assert_change (Fixture *f,
               guint    i,
               guint    position,
               guint    removed,
               guint    added)
{
  Change *change;

  g_assert_cmpuint (i, <, f->changes->len);
  change = &g_array_index (f->changes, Change, i);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
}

static WendaLibraryBank *
nth_bank (WendaLibrary *library,
          guint         position)
{
  g_autoptr(WendaLibraryBank) bank = g_list_model_get_item (G_LIST_MODEL (library), position);

  g_assert_nonnull (bank);
  /* The library holds a reference: borrowing is safe in a test */
  return bank;
}

static WendaLibraryBank *
add_bank (Fixture    *f,
          const char *title,
          const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *id = wenda_library_make_id (f->library, name);
  WendaLibraryBank *entry;

  bank = make_bank (title, id, 2);
  entry = wenda_library_add (f->library, id, bank, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_true (wenda_library_bank_get_bank (entry) == bank);

  return entry;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The names in @path, sorted, as one string "a b c" */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return g_strdup ("<none>");

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **)names->pdata);
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

/* Imported banks are in order by title */
static void
assert_sorted (WendaLibrary *library)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  g_assert_true (wenda_library_bank_is_bundled (nth_bank (library, 0)));

  for (guint i = 2; i < n; i++)
    {
      WendaLibraryBank *a = nth_bank (library, i - 1);
      WendaLibraryBank *b = nth_bank (library, i);

      g_assert_false (wenda_library_bank_is_bundled (b));
      g_assert_cmpint (g_utf8_collate (wenda_library_bank_get_title (a),
                                       wenda_library_bank_get_title (b)), <=, 0);
    }
}

/* }}} */

/* Basics {{{ */

static void
test_library_empty (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  WendaLibraryBank *bundled;
  guint n_items = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (f->library)) == WENDA_TYPE_LIBRARY_BANK);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 1);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (f->library), 1));

  bundled = nth_bank (f->library, 0);
  g_assert_cmpstr (wenda_library_bank_get_id (bundled), ==, "llm-training");
  g_assert_cmpstr (wenda_library_bank_get_title (bundled), ==, "大模型训练的两个关键步骤");
  g_assert_null (wenda_library_bank_get_path (bundled));
  g_assert_true (wenda_library_bank_is_bundled (bundled));
  g_assert_true (wenda_library_bank_get_bank (bundled) == f->bundled);
  g_assert_cmpuint (wenda_library_bank_get_n_items (bundled), ==, 3);
  g_assert_true (wenda_library_lookup (f->library, "llm-training") == bundled);
  g_assert_null (wenda_library_lookup (f->library, "nothing"));
  g_assert_null (wenda_library_lookup (f->library, NULL));

  /* A folder that does not exist yet is an empty one; load makes none */
  g_assert_true (wenda_library_load (f->library, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));

  g_object_get (f->library, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, 1);
}

static void
test_library_default_dir (void)
{
  g_autofree char *dir = wenda_library_default_dir ("io.example.App");
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "io.example.App", "banks", NULL);

  g_assert_cmpstr (dir, ==, expected);
}

/* }}} */

/* Add, load, rename, remove {{{ */

static void
test_library_add (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = make_bank ("Interview questions", "interview-qa", 4);
  g_autoptr(WendaLibrary) again = NULL;
  g_autoptr(WendaBank) loaded = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *id = NULL;
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  WendaLibraryBank *entry;
  GStatBuf buf;

  id = wenda_library_make_id (f->library, "Interview QA.md");
  g_assert_cmpstr (id, ==, "interview-qa");

  entry = wenda_library_add (f->library, id, bank, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);

  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 0, 1);
  g_assert_cmpuint (f->n_items_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);
  g_assert_true (nth_bank (f->library, 1) == entry);
  g_assert_true (wenda_library_lookup (f->library, "interview-qa") == entry);

  g_assert_cmpstr (wenda_library_bank_get_id (entry), ==, "interview-qa");
  g_assert_cmpstr (wenda_library_bank_get_title (entry), ==, "Interview questions");
  g_assert_false (wenda_library_bank_is_bundled (entry));
  g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, 4);

  /* The file: DIR/ID.json, in a private folder, and nothing else there */
  path = g_build_filename (f->dir, "interview-qa.json", NULL);
  g_assert_cmpstr (wenda_library_bank_get_path (entry), ==, path);
  g_assert_cmpint (g_stat (f->dir, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 077, ==, 0);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "interview-qa.json");

  file = g_file_new_for_path (path);
  loaded = wenda_bank_load_file (file, &error);
  g_assert_no_error (error);
  unit_assert_same_items (bank, loaded);

  /* Another library over the same folder reads it back */
  again = wenda_library_new (f->dir, f->bundled);
  g_assert_true (wenda_library_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, 2);
  entry = wenda_library_lookup (again, "interview-qa");
  g_assert_nonnull (entry);
  g_assert_cmpstr (wenda_library_bank_get_path (entry), ==, path);
  unit_assert_same_items (bank, wenda_library_bank_get_bank (entry));
}

static void
test_library_add_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(WendaBank) bank = make_bank ("Second", "x", 1);
  g_autoptr(WendaBank) empty = NULL;
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  const char *bad_ids[] = { "", ".hidden", "a/b", "llm-training", "first" };

  add_bank (f, "First", "first.md");
  g_array_set_size (f->changes, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (bad_ids); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (wenda_library_add (f->library, bad_ids[i], bank, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_IO_ERROR);
    }

  /* A taken id is EXISTS: the file is never overwritten */
  {
    g_autoptr(GError) error = NULL;

    g_assert_null (wenda_library_add (f->library, "first", bank, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
    g_assert_cmpstr (wenda_library_bank_get_title (wenda_library_lookup (f->library, "first")),
                     ==, "First");
  }

  /* A bank with no items could not be read back */
  {
    g_autoptr(GError) error = NULL;

    empty = wenda_bank_new ("Empty", no_items);
    g_assert_null (wenda_library_add (f->library, "empty", empty, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  }

  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);
}

static void
test_library_sorting (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(WendaLibrary) again = NULL;
  g_autoptr(GError) error = NULL;
  const char *titles[] = { "Zeta", "alpha", "Beta", "gamma", "Alpha" };
  guint n;

  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      WendaLibraryBank *entry = add_bank (f, titles[i], titles[i]);
      guint position;
      Change *change;

      /* Each add is one insertion where the bank now is */
      g_assert_cmpuint (f->changes->len, ==, i + 1);
      change = &g_array_index (f->changes, Change, i);
      g_assert_cmpuint (change->removed, ==, 0);
      g_assert_cmpuint (change->added, ==, 1);
      position = change->position;
      g_assert_cmpuint (position, >=, 1);
      g_assert_true (nth_bank (f->library, position) == entry);
      assert_sorted (f->library);
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (f->library));
  g_assert_cmpuint (n, ==, 1 + G_N_ELEMENTS (titles));
  g_assert_cmpuint (f->n_items_notifies, ==, G_N_ELEMENTS (titles));

  /* Loading from the folder gives the same order, in one signal */
  again = fixture_new_library (f);
  g_array_set_size (f->changes, 0);
  g_assert_true (wenda_library_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 0, G_N_ELEMENTS (titles));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (wenda_library_bank_get_id (nth_bank (again, i)),
                     ==, wenda_library_bank_get_id (nth_bank (f->library, i)));

  /* Loading again replaces what was read */
  g_array_set_size (f->changes, 0);
  g_assert_true (wenda_library_load (again, NULL, &error));
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, G_N_ELEMENTS (titles), G_N_ELEMENTS (titles));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (again)), ==, n);
}

typedef struct
{
  guint title;
  guint bank;
} Notifies;

static void
on_bank_notify (GObject    *object,
                GParamSpec *pspec,
                Notifies   *notifies)
{
  if (g_str_equal (pspec->name, "title"))
    notifies->title++;
  else if (g_str_equal (pspec->name, "bank"))
    notifies->bank++;
}

static void
test_library_rename (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaLibrary) again = NULL;
  g_autoptr(WendaQaItem) item_before = NULL;
  g_autoptr(WendaQaItem) item_after = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *names = NULL;
  WendaLibraryBank *a, *b, *c;
  WendaBank *old_bank;
  JsonObject *root;
  Notifies notifies = { 0, };

  a = add_bank (f, "Apples", "apples.md");
  b = add_bank (f, "Bananas", "bananas.md");
  c = add_bank (f, "Cherries", "cherries.md");
  g_array_set_size (f->changes, 0);
  f->n_items_notifies = 0;

  g_signal_connect (c, "notify", G_CALLBACK (on_bank_notify), &notifies);
  old_bank = wenda_library_bank_get_bank (c);
  item_before = g_list_model_get_item (G_LIST_MODEL (old_bank), 0);

  /* Cherries → "Aardvarks": from position 3 to 1; one signal covers 1–3 */
  g_assert_true (wenda_library_rename (f->library, c, "Aardvarks", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 3, 3);
  g_assert_cmpuint (f->n_items_notifies, ==, 0);
  g_assert_true (nth_bank (f->library, 1) == c);
  g_assert_true (nth_bank (f->library, 2) == a);
  g_assert_true (nth_bank (f->library, 3) == b);
  assert_sorted (f->library);

  g_assert_cmpstr (wenda_library_bank_get_title (c), ==, "Aardvarks");
  g_assert_cmpstr (wenda_bank_get_title (wenda_library_bank_get_bank (c)), ==, "Aardvarks");
  g_assert_cmpstr (wenda_library_bank_get_id (c), ==, "cherries");
  g_assert_cmpuint (notifies.title, ==, 1);
  g_assert_cmpuint (notifies.bank, ==, 1);

  /* The items are the same objects */
  item_after = g_list_model_get_item (G_LIST_MODEL (wenda_library_bank_get_bank (c)), 0);
  g_assert_true (item_before == item_after);

  /* The file has the new title, and nothing else of it changed */
  json_parser_load_from_file (parser, wenda_library_bank_get_path (c), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Aardvarks");
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "wenda-bank");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), ==, 2);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "apples.json bananas.json cherries.json");

  /* A new title in the same place: notified, but no row moves */
  g_array_set_size (f->changes, 0);
  g_assert_true (wenda_library_rename (f->library, c, "Aardvarks and more", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (notifies.title, ==, 2);

  /* The same title: nothing at all */
  g_assert_true (wenda_library_rename (f->library, c, "Aardvarks and more", &error));
  g_assert_cmpuint (notifies.title, ==, 2);
  g_assert_cmpuint (notifies.bank, ==, 2);

  /* Down the list, past both others: 1 → 3 */
  g_assert_true (wenda_library_rename (f->library, a, "Zucchini", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 2, 2);
  assert_sorted (f->library);
  g_assert_true (nth_bank (f->library, 3) == a);

  /* A library over the same folder sees the new titles, in order */
  again = wenda_library_new (f->dir, f->bundled);
  g_assert_true (wenda_library_load (again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wenda_library_bank_get_title (nth_bank (again, 1)), ==, "Aardvarks and more");
  g_assert_cmpstr (wenda_library_bank_get_title (nth_bank (again, 2)), ==, "Bananas");
  g_assert_cmpstr (wenda_library_bank_get_title (nth_bank (again, 3)), ==, "Zucchini");

  g_signal_handlers_disconnect_by_data (c, &notifies);
}

/* Rename keeps the members it does not know, and "source" */
static void
test_library_rename_keeps_members (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *src = unit_fixture_path ("library/good.json");
  g_autofree char *dst = g_build_filename (f->dir, "good.json", NULL);
  g_autofree char *contents = NULL;
  WendaLibraryBank *good;
  JsonObject *root;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  contents = read_file (src, &length);
  g_file_set_contents (dst, contents, length, &error);
  g_assert_no_error (error);

  g_assert_true (wenda_library_load (f->library, NULL, &error));
  g_assert_no_error (error);
  good = wenda_library_lookup (f->library, "good");
  g_assert_nonnull (good);
  g_assert_cmpstr (wenda_library_bank_get_title (good), ==, "Networking basics");

  g_assert_true (wenda_library_rename (f->library, good, "网络基础", &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, dst, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "网络基础");
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==, "tests/fixtures/library/good.json");
  g_assert_true (json_object_has_member (root, "x-later-member"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "items"), 1),
                                                  "id"),
                   ==, "good-002");
}

static void
test_library_remove (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaLibraryBank) b = NULL;
  g_autofree char *names = NULL;
  g_autofree char *path = NULL;

  add_bank (f, "Apples", "apples.md");
  b = g_object_ref (add_bank (f, "Bananas", "bananas.md"));
  add_bank (f, "Cherries", "cherries.md");
  g_array_set_size (f->changes, 0);
  f->n_items_notifies = 0;
  path = g_strdup (wenda_library_bank_get_path (b));

  g_assert_true (wenda_library_remove (f->library, b, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 1, 0);
  g_assert_cmpuint (f->n_items_notifies, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 3);
  g_assert_null (wenda_library_lookup (f->library, "bananas"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "apples.json cherries.json");

  /* Not in the library any more */
  g_assert_false (wenda_library_remove (f->library, b, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (wenda_library_rename (f->library, b, "Back", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpuint (f->changes->len, ==, 1);

  /* Its id is free again */
  g_free (names);
  names = wenda_library_make_id (f->library, "Bananas.md");
  g_assert_cmpstr (names, ==, "bananas");

  /* A file someone else deleted is no error */
  g_assert_cmpint (g_unlink (wenda_library_bank_get_path (nth_bank (f->library, 1))), ==, 0);
  g_assert_true (wenda_library_remove (f->library, nth_bank (f->library, 1), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);
}

static void
test_library_bundled_protected (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  WendaLibraryBank *bundled = nth_bank (f->library, 0);

  add_bank (f, "Apples", "apples.md");
  g_array_set_size (f->changes, 0);

  g_assert_false (wenda_library_rename (f->library, bundled, "Mine now", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_assert_cmpstr (wenda_library_bank_get_title (bundled), ==, "大模型训练的两个关键步骤");

  g_assert_false (wenda_library_remove (f->library, bundled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_true (nth_bank (f->library, 0) == bundled);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);

  /* A bank sorting before it stays after it */
  add_bank (f, "", "empty-title.md");
  add_bank (f, "  AAA", "aaa.md");
  g_assert_true (nth_bank (f->library, 0) == bundled);
  assert_sorted (f->library);
}

/* }}} */

/* Ids {{{ */

static void
test_library_ids (Fixture       *f,
                  gconstpointer  data)
{
  static const struct {
    const char *name;
    const char *id;
  } cases[] = {
    { "Interview QA.md", "interview-qa" },
    { "interview_qa.json", "interview-qa" },
    { "/some/folder/Notes.TXT", "notes" },
    { "--A--b--.md", "a-b" },
    { "Übung Café.md", "ubung-cafe" },
    { "2024.md", "bank-2024" },
    { "面试题 v2.md", "v2" },
    { "llm-training.md", "llm-training-2" },
    { "LLM Training.md", "llm-training-2" },
    { "noext", "noext" },
    { ".md", "md" },
  };
  g_autofree char *cjk = NULL;
  g_autofree char *cjk_again = NULL;
  g_autofree char *other_cjk = NULL;
  g_autofree char *long_id = NULL;
  g_autofree char *taken = NULL;
  g_autofree char *taken2 = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = wenda_library_make_id (f->library, cases[i].name);

      g_test_message ("%s → %s", cases[i].name, id);
      g_assert_cmpstr (id, ==, cases[i].id);
    }

  /* No ASCII letters or digits: "bank-" and a short hash of the name,
   * the same every time */
  cjk = wenda_library_make_id (f->library, "面试题.md");
  cjk_again = wenda_library_make_id (f->library, "面试题.md");
  other_cjk = wenda_library_make_id (f->library, "常见问题.md");
  g_assert_cmpstr (cjk, ==, cjk_again);
  g_assert_cmpstr (cjk, !=, other_cjk);
  g_assert_true (g_str_has_prefix (cjk, "bank-"));
  g_assert_cmpuint (strlen (cjk), ==, strlen ("bank-") + 8);
  for (const char *p = cjk + strlen ("bank-"); *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));

  /* Long names are cut, with no "-" at the end */
  for (guint i = 0; i < 30; i++)
    g_string_append (long_name, "ab ");
  g_string_append (long_name, ".md");
  long_id = wenda_library_make_id (f->library, long_name->str);
  g_assert_cmpuint (strlen (long_id), <=, 48);
  g_assert_false (g_str_has_suffix (long_id, "-"));

  /* Every id is a slug */
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = wenda_library_make_id (f->library, cases[i].name);

      for (const char *p = id; *p; p++)
        g_assert_true (g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-');
      g_assert_true (g_ascii_isalpha (id[0]));
    }

  /* Taken by a bank: "-2", then "-3" */
  add_bank (f, "QA", "Interview QA.md");
  taken = wenda_library_make_id (f->library, "Interview QA.md");
  g_assert_cmpstr (taken, ==, "interview-qa-2");
  add_bank (f, "QA 2", "Interview QA.md");
  taken2 = wenda_library_make_id (f->library, "interview qa.md");
  g_assert_cmpstr (taken2, ==, "interview-qa-3");

  /* CJK names stay unique too */
  add_bank (f, "面试题", "面试题.md");
  g_free (cjk_again);
  cjk_again = wenda_library_make_id (f->library, "面试题.md");
  g_free (other_cjk);
  other_cjk = g_strconcat (cjk, "-2", NULL);
  g_assert_cmpstr (cjk_again, ==, other_cjk);
}

/* }}} */

/* Damage and failures {{{ */

static void
copy_fixture (const char *name,
              const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *fixture = g_build_filename ("library", name, NULL);
  g_autofree char *src = unit_fixture_path (fixture);
  g_autofree char *dst = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  contents = read_file (src, &length);
  g_file_set_contents (dst, contents, length, &error);
  g_assert_no_error (error);
}

static gboolean
has_problem (GPtrArray  *problems,
             const char *prefix)
{
  for (guint i = 0; i < problems->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (problems, i), prefix))
      return TRUE;

  return FALSE;
}

static void
test_library_damaged (Fixture       *f,
                      gconstpointer  data)
{
  static const char *files[] = { "good.json", "broken.json", "future.json", "llm-training.json", "notes.txt" };
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = make_bank ("Replacement", "broken", 1);
  g_autofree char *hidden = g_build_filename (f->dir, ".hidden.json", NULL);
  g_autofree char *folder = g_build_filename (f->dir, "folder.json", NULL);
  g_autofree char *id = NULL;
  g_autofree char *names = NULL;

  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    copy_fixture (files[i], f->dir);
  g_file_set_contents (hidden, "{", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i], NULL);

      g_ptr_array_add (before, read_file (path, NULL));
    }

  g_assert_true (wenda_library_load (f->library, problems, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_test_message ("problem: %s", (char *)g_ptr_array_index (problems, i));

  /* Only the good bank; each bad .json file reported by name and line */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);
  g_assert_nonnull (wenda_library_lookup (f->library, "good"));
  g_assert_true (wenda_library_lookup (f->library, "llm-training") == nth_bank (f->library, 0));
  g_assert_cmpuint (problems->len, ==, 3);
  g_assert_true (has_problem (problems, "broken.json:6:"));
  g_assert_true (has_problem (problems, "future.json:3:"));
  g_assert_true (has_problem (problems, "llm-training.json: "));

  /* The damaged files' names stay taken */
  id = wenda_library_make_id (f->library, "Broken.md");
  g_assert_cmpstr (id, ==, "broken-2");
  g_assert_null (wenda_library_add (f->library, "broken", bank, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  /* Renaming and removing the good bank touches no other file */
  g_assert_true (wenda_library_rename (f->library, wenda_library_lookup (f->library, "good"),
                                       "Renamed", &error));
  g_assert_no_error (error);
  g_assert_nonnull (wenda_library_add (f->library, id, bank, &error));
  g_assert_no_error (error);
  g_assert_true (wenda_library_remove (f->library, wenda_library_lookup (f->library, "good"), &error));
  g_assert_no_error (error);

  /* Loading again reports them again, and changes nothing */
  g_ptr_array_set_size (problems, 0);
  g_assert_true (wenda_library_load (f->library, problems, &error));
  g_assert_cmpuint (problems->len, ==, 3);

  for (gsize i = 1; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i], NULL);
      g_autofree char *after = read_file (path, NULL);

      g_assert_cmpstr (after, ==, g_ptr_array_index (before, i));
    }
  g_assert_true (g_file_test (hidden, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, ".hidden.json broken-2.json broken.json folder.json "
                              "future.json llm-training.json notes.txt");
}

/* A folder that cannot exist: its parent is a regular file.  (Tests may
 * run as root, who may write anywhere, so permissions would prove
 * nothing.) */
static void
test_library_unwritable (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaLibrary) library = NULL;
  g_autoptr(WendaBank) bank = make_bank ("Nowhere", "nowhere", 1);
  g_autofree char *file = g_build_filename (f->tmp, "a-file", NULL);
  g_autofree char *dir = g_build_filename (file, "banks", NULL);
  g_autofree char *id = NULL;

  g_file_set_contents (file, "", 0, &error);
  g_assert_no_error (error);

  g_clear_pointer (&f->dir, g_free);
  f->dir = g_strdup (dir);
  library = fixture_new_library (f);

  g_assert_false (wenda_library_load (library, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("load: %s", error->message);
  g_clear_error (&error);

  id = wenda_library_make_id (library, "Nowhere.md");
  g_assert_cmpstr (id, ==, "nowhere");
  g_assert_null (wenda_library_add (library, id, bank, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_test_message ("add: %s", error->message);

  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (f->n_items_notifies, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (library)), ==, 1);
  g_assert_null (wenda_library_lookup (library, "nowhere"));
}

/* A write that fails half-way (here: the file size limit) leaves the old
 * file, or none, and no temporary file. */
static void
test_library_atomic (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) add_error = NULL;
  g_autoptr(GError) rename_error = NULL;
  g_autoptr(WendaBank) big = make_bank ("Big", "big", 200);
  g_autoptr(WendaBank) small = make_bank ("Small", "small", 1);
  g_autofree char *huge_title = g_strnfill (64 * 1024, 'x');
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  WendaLibraryBank *entry;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);

  entry = wenda_library_add (f->library, "small", small, &error);
  g_assert_no_error (error);
  before = read_file (wenda_library_bank_get_path (entry), NULL);
  g_assert_cmpuint (strlen (before), <, 4096);
  g_array_set_size (f->changes, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* No output until the limit is gone: the log may be a file */
  g_assert_null (wenda_library_add (f->library, "big", big, &add_error));
  g_assert_false (wenda_library_rename (f->library, entry, huge_title, &rename_error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (add_error);
  g_test_message ("add: %s", add_error->message);
  g_assert_nonnull (rename_error);
  g_test_message ("rename: %s", rename_error->message);

  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "small.json");
  after = read_file (wenda_library_bank_get_path (entry), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (wenda_library_bank_get_title (entry), ==, "Small");
  g_assert_null (wenda_library_lookup (f->library, "big"));
  g_assert_cmpuint (f->changes->len, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->library)), ==, 2);

  /* With room again, both work */
  g_assert_nonnull (wenda_library_add (f->library, "big", big, &error));
  g_assert_no_error (error);
  g_assert_true (wenda_library_rename (f->library, entry, huge_title, &error));
  g_assert_no_error (error);
}

/* }}} */

/* Updates {{{ */

/* A new version of make_bank (title, prefix, 4): 1 and 3 the same, 2 with
 * another answer, 4 gone, 5 and 6 new */
static WendaBank *
make_update (const char *title,
             const char *prefix)
{
  g_autoptr(WendaBank) old = make_bank (title, prefix, 4);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (old), i);

      if (i == 1)
        g_ptr_array_add (items, wenda_qa_item_new (wenda_qa_item_get_id (item), 2,
                                                   wenda_qa_item_get_question (item),
                                                   "另一个答案。",
                                                   wenda_qa_item_get_explanation (item)));
      else
        g_ptr_array_add (items, g_object_ref (item));
    }
  for (guint i = 5; i <= 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%03u", prefix, i);

      g_ptr_array_add (items, wenda_qa_item_new (id, i, "新题？", "新答案。", ""));
    }

  return wenda_bank_new (title, items);
}

static void
assert_changes (const WendaBankChanges *changes,
                guint                   added,
                guint                   removed,
                guint                   changed,
                guint                   unchanged)
{
  g_assert_cmpuint (changes->n_added, ==, added);
  g_assert_cmpuint (changes->n_removed, ==, removed);
  g_assert_cmpuint (changes->n_changed, ==, changed);
  g_assert_cmpuint (changes->n_unchanged, ==, unchanged);
}

static void
test_library_compare (void)
{
  g_autoptr(WendaBank) old = make_bank ("Notes", "notes", 4);
  g_autoptr(WendaBank) update = make_update ("Notes", "notes");
  g_autoptr(WendaBank) same = make_bank ("Notes", "notes", 4);
  g_autoptr(WendaBank) other = make_bank ("Notes", "other", 4);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) explained = NULL;
  WendaBankChanges changes;

  wenda_library_compare (old, update, &changes);
  assert_changes (&changes, 2, 1, 1, 2);
  wenda_library_compare (update, old, &changes);
  assert_changes (&changes, 1, 2, 1, 2);
  wenda_library_compare (old, same, &changes);
  assert_changes (&changes, 0, 0, 0, 4);
  /* Ids, not numbers or texts, say which question is which */
  wenda_library_compare (old, other, &changes);
  assert_changes (&changes, 4, 4, 0, 0);

  /* The question and the explanation count too, the number does not */
  g_ptr_array_add (items, wenda_qa_item_new ("notes-001", 7, "Notes 的第 1 题？",
                                             "答案 1。\n\n第二段。", "解析。"));
  g_ptr_array_add (items, wenda_qa_item_new ("notes-002", 2, "改过的题？",
                                             "答案 2。\n\n第二段。", ""));
  g_ptr_array_add (items, wenda_qa_item_new ("notes-003", 3, "Notes 的第 3 题？",
                                             "答案 3。\n\n第二段。", "新的解析。"));
  explained = wenda_bank_new ("Notes", items);
  wenda_library_compare (old, explained, &changes);
  assert_changes (&changes, 0, 1, 2, 1);
}

/* The bank a file updates by default: the one its first import made */
static void
test_library_find_for_name (Fixture       *f,
                            gconstpointer  data)
{
  WendaLibraryBank *notes, *notes_2, *hashed, *seed;

  notes = add_bank (f, "Notes", "Notes.md");
  notes_2 = add_bank (f, "Notes again", "notes.md");
  hashed = add_bank (f, "面试题", "面试题.md");
  seed = add_bank (f, "Seed", "llm-training.md");
  g_assert_cmpstr (wenda_library_bank_get_id (notes_2), ==, "notes-2");
  g_assert_cmpstr (wenda_library_bank_get_id (seed), ==, "llm-training-2");

  g_assert_true (wenda_library_find_for_name (f->library, "notes.md") == notes);
  g_assert_true (wenda_library_find_for_name (f->library, "/some/where/NOTES.json") == notes);
  g_assert_true (wenda_library_find_for_name (f->library, "面试题.md") == hashed);
  g_assert_true (wenda_library_find_for_name (f->library, "llm-training.md") == seed);
  g_assert_null (wenda_library_find_for_name (f->library, "notes-3.md"));
  g_assert_null (wenda_library_find_for_name (f->library, "other.md"));
  (void)notes_2;
}

static void
test_library_update (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) update = NULL;
  g_autoptr(WendaBank) retitled = NULL;
  g_autoptr(WendaBank) loaded = NULL;
  g_autoptr(WendaLibrary) again = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *names = NULL;
  WendaLibraryBank *apples, *notes, *zebras;
  WendaBankChanges changes;
  Notifies notifies = { 0, };
  GStatBuf buf;

  apples = add_bank (f, "Apples", "apples.md");
  {
    g_autoptr(WendaBank) first = make_bank ("Notes", "notes", 4);

    notes = wenda_library_add (f->library, "notes", first, &error);
    g_assert_no_error (error);
  }
  zebras = add_bank (f, "Zebras", "zebras.md");
  path = g_strdup (wenda_library_bank_get_path (notes));
  g_array_set_size (f->changes, 0);
  f->n_items_notifies = 0;
  g_signal_connect (notes, "notify", G_CALLBACK (on_bank_notify), &notifies);

  update = make_update ("Notes", "notes");
  g_assert_true (wenda_library_update (f->library, notes, update, &changes, &error));
  g_assert_no_error (error);
  assert_changes (&changes, 2, 1, 1, 2);

  /* The same bank, id and file, with the new content */
  g_assert_true (wenda_library_lookup (f->library, "notes") == notes);
  g_assert_true (wenda_library_bank_get_bank (notes) == update);
  g_assert_cmpstr (wenda_library_bank_get_id (notes), ==, "notes");
  g_assert_cmpstr (wenda_library_bank_get_path (notes), ==, path);
  g_assert_cmpuint (wenda_library_bank_get_n_items (notes), ==, 5);
  g_assert_cmpuint (notifies.bank, ==, 1);
  g_assert_cmpuint (notifies.title, ==, 0);
  /* The library says the bank changed, in its place; its size is the same */
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 2, 1, 1);
  g_assert_cmpuint (f->n_items_notifies, ==, 0);
  g_assert_true (nth_bank (f->library, 1) == apples);
  g_assert_true (nth_bank (f->library, 2) == notes);
  g_assert_true (nth_bank (f->library, 3) == zebras);

  /* The file holds the update, still private, and nothing else is left */
  file = g_file_new_for_path (path);
  loaded = wenda_bank_load_file (file, &error);
  g_assert_no_error (error);
  unit_assert_same_items (update, loaded);
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 077, ==, 0);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "apples.json notes.json zebras.json");

  again = wenda_library_new (f->dir, f->bundled);
  g_assert_true (wenda_library_load (again, NULL, &error));
  g_assert_no_error (error);
  unit_assert_same_items (update, wenda_library_bank_get_bank (wenda_library_lookup (again, "notes")));

  /* A new title moves it: Notes → "Aardvarks", from 2 to 1 */
  g_array_set_size (f->changes, 0);
  retitled = make_update ("Aardvarks", "notes");
  g_assert_true (wenda_library_update (f->library, notes, retitled, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (wenda_library_bank_get_title (notes), ==, "Aardvarks");
  g_assert_cmpuint (notifies.title, ==, 1);
  g_assert_cmpuint (f->changes->len, ==, 1);
  assert_change (f, 0, 1, 2, 2);
  g_assert_true (nth_bank (f->library, 1) == notes);
  assert_sorted (f->library);

  g_signal_handlers_disconnect_by_data (notes, &notifies);
}

/* Progress is keyed by item id: after an update, every question whose id
 * is still there has its card and its star, saved and read back; the
 * progress of a question that went is kept, in case it comes back. */
static void
test_library_update_keeps_progress (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) first = make_bank ("Notes", "notes", 4);
  g_autoptr(WendaBank) update = make_update ("Notes", "notes");
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(WendaStudyStore) reread = NULL;
  g_autofree char *store_path = g_build_filename (f->tmp, "study.json", NULL);
  WendaLibraryBank *notes;
  WendaBank *bank;
  guint n_kept = 0;

  notes = wenda_library_add (f->library, "notes", first, &error);
  g_assert_no_error (error);

  store = wenda_study_store_new (store_path);
  g_assert_true (wenda_study_store_load (store, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (first), i);
      WendaCard card;

      wenda_card_init (&card);
      card.state = WENDA_CARD_STATE_REVIEW;
      card.stability = 10 + i;
      card.difficulty = 5;
      card.due = 1800000000 + i;
      card.last_review = 1790000000;
      card.reps = i + 1;
      wenda_study_store_set_card (store, wenda_qa_item_get_id (item), &card);
      wenda_study_store_set_starred (store, wenda_qa_item_get_id (item), TRUE);
    }
  g_assert_true (wenda_study_store_save (store, &error));
  g_assert_no_error (error);

  g_assert_true (wenda_library_update (f->library, notes, update, NULL, &error));
  g_assert_no_error (error);

  reread = wenda_study_store_new (store_path);
  g_assert_true (wenda_study_store_load (reread, &error));
  g_assert_no_error (error);

  bank = wenda_library_bank_get_bank (notes);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      const char *id = wenda_qa_item_get_id (item);
      WendaCard card;

      wenda_study_store_get_card (reread, id, &card);
      if (wenda_bank_lookup_id (first, id) != NULL)
        {
          /* 001, 002 (its answer changed) and 003 */
          g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_REVIEW);
          g_assert_cmpuint (card.reps, ==, wenda_qa_item_get_number (item));
          g_assert_true (wenda_study_store_get_starred (reread, id));
          n_kept++;
        }
      else
        {
          g_assert_cmpint (card.state, ==, WENDA_CARD_STATE_NEW);
          g_assert_false (wenda_study_store_get_starred (reread, id));
        }
    }
  g_assert_cmpuint (n_kept, ==, 3);
  g_assert_true (wenda_study_store_get_starred (reread, "notes-004"));
}

/* What an update refuses changes nothing: no file, no signal */
static void
test_library_update_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(WendaBank) first = make_bank ("Notes", "notes", 4);
  g_autoptr(WendaBank) other_ids = make_update ("Notes", "note");
  g_autoptr(WendaBank) update = make_update ("Notes", "notes");
  g_autoptr(WendaBank) empty = NULL;
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *future = NULL;
  g_autofree char *names = NULL;
  WendaLibraryBank *notes;
  gsize length;
  const char *damaged[] = {
    "{ \"format\": \"wenda-bank\", \"version\": 99, \"title\": \"Later\", \"items\": [] }",
    "{ \"format\": { \"x\": 1 }, \"version\": 1 }",
    "{ \"format\": \"wenda-bank\", \"version\": \"1\" }",
    "[ 1, 2 ]",
    "not json at all",
    "{ \"format\": \"wenda-bank\", \"version\": 1, ",
  };

  notes = wenda_library_add (f->library, "notes", first, &error);
  g_assert_no_error (error);
  before = read_file (wenda_library_bank_get_path (notes), NULL);
  g_array_set_size (f->changes, 0);

  /* The bundled bank */
  g_assert_false (wenda_library_update (f->library, nth_bank (f->library, 0), update, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);

  /* Ids made for another bank: every question would lose its progress */
  g_assert_false (wenda_library_update (f->library, notes, other_ids, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* No questions: it could not be read back */
  empty = wenda_bank_new ("Empty", no_items);
  g_assert_false (wenda_library_update (f->library, notes, empty, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  after = read_file (wenda_library_bank_get_path (notes), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (wenda_library_bank_get_bank (notes) == first);

  /* The file changed meanwhile into what this version cannot read: it is
   * kept as it is */
  for (gsize i = 0; i < G_N_ELEMENTS (damaged); i++)
    {
      g_assert_true (g_file_set_contents (wenda_library_bank_get_path (notes), damaged[i], -1, NULL));
      g_assert_false (wenda_library_update (f->library, notes, update, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_test_message ("damaged: %s", error->message);
      g_assert_nonnull (strstr (error->message, "notes.json"));
      g_clear_error (&error);
      g_free (future);
      future = read_file (wenda_library_bank_get_path (notes), &length);
      g_assert_cmpstr (future, ==, damaged[i]);
    }

  g_assert_true (wenda_library_bank_get_bank (notes) == first);
  g_assert_cmpuint (f->changes->len, ==, 0);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "notes.json");

  /* A file that has gone loses nothing: the update writes it again */
  g_assert_cmpint (g_unlink (wenda_library_bank_get_path (notes)), ==, 0);
  g_assert_true (wenda_library_update (f->library, notes, update, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (wenda_library_bank_get_path (notes), G_FILE_TEST_IS_REGULAR));
}

/* An update that fails half-way (the file size limit) leaves the old
 * file, the bank as it was, and no temporary file. */
static void
test_library_update_atomic (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) update_error = NULL;
  g_autoptr(WendaBank) small = make_bank ("Small", "small", 1);
  g_autoptr(WendaBank) big = make_bank ("Small", "small", 300);
  g_autofree char *names = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  WendaLibraryBank *entry;
  struct rlimit old_limit, limit;
  void (*old_handler) (int);

  entry = wenda_library_add (f->library, "small", small, &error);
  g_assert_no_error (error);
  before = read_file (wenda_library_bank_get_path (entry), NULL);
  g_assert_cmpuint (strlen (before), <, 4096);
  g_array_set_size (f->changes, 0);

  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  limit = old_limit;
  limit.rlim_cur = 4096;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

  /* No output until the limit is gone: the log may be a file */
  g_assert_false (wenda_library_update (f->library, entry, big, NULL, &update_error));

  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_nonnull (update_error);
  g_test_message ("update: %s", update_error->message);
  names = list_dir (f->dir);
  g_assert_cmpstr (names, ==, "small.json");
  after = read_file (wenda_library_bank_get_path (entry), NULL);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (wenda_library_bank_get_bank (entry) == small);
  g_assert_cmpuint (f->changes->len, ==, 0);

  /* With room again, it works */
  g_assert_true (wenda_library_update (f->library, entry, big, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (wenda_library_bank_get_n_items (entry), ==, 300);
}

/* }}} */

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/Wenda/Library/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("empty", test_library_empty);
  g_test_add_func ("/Wenda/Library/default-dir", test_library_default_dir);
  ADD ("add", test_library_add);
  ADD ("add-refused", test_library_add_refused);
  ADD ("sorting", test_library_sorting);
  ADD ("rename", test_library_rename);
  ADD ("rename-keeps-members", test_library_rename_keeps_members);
  ADD ("remove", test_library_remove);
  ADD ("bundled-protected", test_library_bundled_protected);
  ADD ("ids", test_library_ids);
  ADD ("damaged", test_library_damaged);
  ADD ("unwritable", test_library_unwritable);
  ADD ("atomic", test_library_atomic);
  g_test_add_func ("/Wenda/Library/compare", test_library_compare);
  ADD ("find-for-name", test_library_find_for_name);
  ADD ("update", test_library_update);
  ADD ("update-keeps-progress", test_library_update_keeps_progress);
  ADD ("update-refused", test_library_update_refused);
  ADD ("update-atomic", test_library_update_atomic);

#undef ADD

  return g_test_run ();
}
