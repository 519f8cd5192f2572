/* wenda-compat-fixtures.c: the files a user of this version has, made by
 * this version's own code, for tests/unit/test-compat.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: wenda-compat-fixtures SOURCES OUTPUT
 *
 * SOURCES holds the two files a user imports ("Interview Notes.md" and
 * "system-design.json"); OUTPUT is a folder that has none of the files
 * below yet (it need not exist).  With
 * GSETTINGS_SCHEMA_DIR naming the compiled schema of data/, it writes, as
 * a user's home has them:
 *
 *   OUTPUT/data/io.github.wenda.Wenda/banks/ID.json   the library: both
 *       files imported (wenda_import_file_async(), wenda_library_add(), as
 *       the window does), the JSON one then renamed (wenda_library_rename())
 *   OUTPUT/data/io.github.wenda.Wenda/study.json      the study store
 *       after sessions of graded reviews (WendaStudySession, the FSRS
 *       scheduler with interval fuzz on, as by default), stars, and one
 *       card set to "new" (the app itself stores "new" only in the log)
 *   OUTPUT/config/glib-2.0/settings/keyfile           every key of the
 *       schema set to a value that is not its default, through the keyfile
 *       backend, as in a Flatpak sandbox
 *   OUTPUT/schema.ini                                 the schema's keys:
 *       type, default and range of each
 *
 * and prints, on stdout, the C tables of what the store and the library
 * held in memory, for the test to check the files against.
 *
 * Do not rerun it to "update" tests/fixtures/compat/VERSION/: those are
 * the bytes VERSION wrote, and a later version must read them as they are.
 * It is kept to show how they were made, and to make the set of a later
 * version, when a format changes, with that version's code.
 */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wenda-bank-loader.h"
#include "wenda-import.h"
#include "wenda-library.h"
#include "wenda-study-session.h"

/* The folder of the stable app id: the .Devel build has its own */
#define DATA_FOLDER "io.github.wenda.Wenda"
#define SCHEMA_ID   "io.github.wenda.Wenda"

static G_NORETURN void
die (const char *what,
     GError     *error)
{
  g_printerr ("wenda-compat-fixtures: %s: %s\n", what, error ? error->message : "failed");
  exit (EXIT_FAILURE);
}

static gint64
iso (const char *text)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_iso8601 (text, NULL);

  g_assert (datetime != NULL);
  return g_date_time_to_unix (datetime);
}

static char *
format_time (gint64 t)
{
  g_autoptr(GDateTime) datetime = NULL;

  if (t == 0)
    return g_strdup ("NULL");

  datetime = g_date_time_new_from_unix_utc (t);
  return g_date_time_format (datetime, "\"%Y-%m-%dT%H:%M:%SZ\"");
}

/* @text as a C string literal; UTF-8 stays as it is */
static char *
c_string (const char *text)
{
  GString *out = g_string_new ("\"");

  for (const char *p = text; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* The names of the test's tables, not the file's nicks: the test must not
 * read the old file through the mapping it checks */
static const char *
state_name (WendaCardState state)
{
  static const char *const names[] = {
    [WENDA_CARD_STATE_NEW] = "WENDA_CARD_STATE_NEW",
    [WENDA_CARD_STATE_LEARNING] = "WENDA_CARD_STATE_LEARNING",
    [WENDA_CARD_STATE_REVIEW] = "WENDA_CARD_STATE_REVIEW",
    [WENDA_CARD_STATE_RELEARNING] = "WENDA_CARD_STATE_RELEARNING",
  };

  g_assert ((guint)state < G_N_ELEMENTS (names));
  return names[state];
}

static const char *
rating_name (WendaRating rating)
{
  static const char *const names[] = {
    [WENDA_RATING_AGAIN] = "WENDA_RATING_AGAIN",
    [WENDA_RATING_HARD] = "WENDA_RATING_HARD",
    [WENDA_RATING_GOOD] = "WENDA_RATING_GOOD",
    [WENDA_RATING_EASY] = "WENDA_RATING_EASY",
  };

  g_assert ((guint)rating < G_N_ELEMENTS (names) && names[rating] != NULL);
  return names[rating];
}

/* The library {{{ */

typedef struct
{
  GMainLoop  *loop;
  WendaBank  *bank;
  GError     *error;
} ImportWait;

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ImportWait *wait = user_data;

  wait->bank = wenda_import_file_finish (result, NULL, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* What the window does with a file the user picked */
static WendaLibraryBank *
import (WendaLibrary *library,
        const char   *sources,
        const char   *name)
{
  g_autofree char *path = g_build_filename (sources, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *id = wenda_library_make_id (library, name);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ImportWait wait = { loop, NULL, NULL };
  WendaLibraryBank *entry;
  GError *error = NULL;

  wenda_import_file_async (file, WENDA_IMPORT_FORMAT_AUTO, id, NULL,
                           NULL, NULL, NULL, on_imported, &wait);
  g_main_loop_run (loop);
  if (wait.bank == NULL)
    die (name, wait.error);

  entry = wenda_library_add (library, id, wait.bank, &error);
  g_object_unref (wait.bank);
  if (entry == NULL)
    die (name, error);

  return entry;
}

static void
print_library (WendaLibrary *library)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (library));

  printf ("/* The library, in its order (the bundled bank first, not listed) */\n"
          "static const ExpectedBank expected_banks[] = {\n");
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(WendaLibraryBank) entry = g_list_model_get_item (G_LIST_MODEL (library), i);
      g_autofree char *title = c_string (wenda_library_bank_get_title (entry));
      g_autofree char *basename = g_path_get_basename (wenda_library_bank_get_path (entry));

      printf ("  { \"%s\", \"%s\", %s, %u },\n", wenda_library_bank_get_id (entry), basename,
              title, wenda_library_bank_get_n_items (entry));
    }
  printf ("};\n\n");

  printf ("static const ExpectedItem expected_items[] = {\n");
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(WendaLibraryBank) entry = g_list_model_get_item (G_LIST_MODEL (library), i);
      GListModel *bank = G_LIST_MODEL (wenda_library_bank_get_bank (entry));

      for (guint j = 0; j < g_list_model_get_n_items (bank); j++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (bank, j);
          g_autofree char *question = c_string (wenda_qa_item_get_question (item));
          g_autofree char *answer = c_string (wenda_qa_item_get_answer (item));
          g_autofree char *explanation = c_string (wenda_qa_item_get_explanation (item));

          printf ("  { \"%s\", \"%s\", %u,\n    %s,\n    %s,\n    %s },\n",
                  wenda_library_bank_get_id (entry), wenda_qa_item_get_id (item),
                  wenda_qa_item_get_number (item), question, answer, explanation);
        }
    }
  printf ("};\n\n");
}

/* }}} */

/* Study {{{ */

/* The grades a user gives an item, one letter a grade, in the order the
 * item comes up: Again, Hard, Good, Easy.  Past the end: Good. */
typedef struct
{
  const char *id;
  const char *grades;
} Script;

static WendaRating
next_grade (const Script *script,
            gsize         n_script,
            GHashTable   *seen,
            const char   *id)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, id));

  g_hash_table_insert (seen, g_strdup (id), GUINT_TO_POINTER (n + 1));

  for (gsize i = 0; i < n_script; i++)
    {
      if (!g_str_equal (script[i].id, id) || n >= strlen (script[i].grades))
        continue;

      switch (script[i].grades[n])
        {
        case 'a': return WENDA_RATING_AGAIN;
        case 'h': return WENDA_RATING_HARD;
        case 'g': return WENDA_RATING_GOOD;
        case 'e': return WENDA_RATING_EASY;
        default: g_assert_not_reached ();
        }
    }

  return WENDA_RATING_GOOD;
}

/* One sitting over @items from @start, a grade every 25 seconds, that the
 * user ends after @max_grades grades (0: when it ends by itself) */
static void
study (WendaStudyStore      *store,
       const WendaScheduler *scheduler,
       GListModel           *items,
       const char           *start,
       const Script         *script,
       gsize                 n_script,
       guint                 max_grades)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(WendaStudySession) session = NULL;
  gint64 now = iso (start);
  guint n = 0;

  session = wenda_study_session_new (store, scheduler, items, now);
  while (wenda_study_session_get_current (session) != NULL)
    {
      const char *id = wenda_qa_item_get_id (wenda_study_session_get_current (session));
      WendaRating rating = next_grade (script, n_script, seen, id);
      GError *error = NULL;
      WendaCard card;

      if (!wenda_study_session_grade (session, rating, now, &error))
        die ("grade", error);
      if (max_grades > 0 && ++n == max_grades)
        break;

      now += 25;
      /* A card in a short step is shown again when it is due, once the
       * user has waited for it */
      if (!wenda_study_session_advance (session, now))
        break;
      id = wenda_qa_item_get_id (wenda_study_session_get_current (session));
      wenda_study_store_get_card (store, id, &card);
      if (card.state != WENDA_CARD_STATE_NEW && card.due > now)
        now = card.due;
    }
}

/* The first @n items of @bank */
static GListModel *
first_items (WendaBank *bank,
             guint      n)
{
  GListStore *store = g_list_store_new (WENDA_TYPE_QA_ITEM);

  for (guint i = 0; i < n && i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_list_store_append (store, item);
    }

  return G_LIST_MODEL (store);
}

static void
make_study (const char   *path,
            WendaBank    *bundled,
            WendaLibrary *library)
{
  static const Script day1[] = {
    { "interview-notes-001", "gg" },
    { "interview-notes-002", "e" },
    { "interview-notes-003", "aag" },
    { "interview-notes-004", "hg" },
    { "llm-training-001", "g" },
    { "llm-training-002", "e" },
    { "llm-training-003", "a" },
  };
  static const Script day4[] = {
    { "interview-notes-001", "a" },
    { "interview-notes-003", "ag" },
    { "interview-notes-004", "h" },
    { "system-design-001", "g" },
    { "system-design-002", "h" },
  };
  g_autoptr(WendaStudyStore) store = wenda_study_store_new (path);
  g_autoptr(WendaScheduler) scheduler = wenda_scheduler_new ();
  g_autoptr(GListModel) bundled_items = first_items (bundled, 4);
  WendaBank *notes = wenda_library_bank_get_bank (wenda_library_lookup (library, "interview-notes"));
  WendaBank *design = wenda_library_bank_get_bank (wenda_library_lookup (library, "system-design"));
  WendaCard card;
  GError *error = NULL;

  if (!wenda_study_store_load (store, &error))
    die (path, error);

  wenda_scheduler_set_fuzz (scheduler, TRUE);

  /* Day 1: the notes to the end; four of the bundled topics, stopping
   * after five grades */
  study (store, scheduler, G_LIST_MODEL (notes), "2026-11-02T08:30:00Z",
         day1, G_N_ELEMENTS (day1), 0);
  study (store, scheduler, bundled_items, "2026-11-02T19:05:00Z",
         day1, G_N_ELEMENTS (day1), 5);

  wenda_study_store_set_starred (store, "interview-notes-003", TRUE);
  wenda_study_store_set_starred (store, "llm-training-002", TRUE);
  wenda_study_store_set_starred (store, "llm-training-004", TRUE);
  wenda_study_store_set_starred (store, "system-design-003", TRUE);

  /* Day 4: what is due of the notes, two lapses, stopping when the first
   * is relearned; then the design bank, stopping after two grades */
  study (store, scheduler, G_LIST_MODEL (notes), "2026-11-05T07:45:10Z",
         day4, G_N_ELEMENTS (day4), 4);
  study (store, scheduler, G_LIST_MODEL (design), "2026-11-05T21:12:40Z",
         day4, G_N_ELEMENTS (day4), 2);

  wenda_study_store_set_starred (store, "llm-training-004", FALSE);

  /* A card back to "new": the store takes one, though the app sets none */
  wenda_card_init (&card);
  wenda_study_store_set_card (store, "llm-training-010", &card);

  if (!wenda_study_store_save (store, &error))
    die (path, error);
}

static void
print_study (const char *path)
{
  g_autoptr(WendaStudyStore) store = wenda_study_store_new (path);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  WendaStudyCounts counts;
  JsonObject *root;
  GError *error = NULL;
  GList *members;

  /* The ids from the file; everything else from the store */
  if (!wenda_study_store_load (store, &error))
    die (path, error);
  if (!json_parser_load_from_file (parser, path, &error))
    die (path, error);
  root = json_node_get_object (json_parser_get_root (parser));

  printf ("static const ExpectedCard expected_cards[] = {\n");
  members = json_object_get_members (json_object_get_object_member (root, "cards"));
  for (GList *l = members; l != NULL; l = l->next)
    {
      WendaCard card;
      g_autofree char *due = NULL;
      g_autofree char *last = NULL;

      wenda_study_store_get_card (store, l->data, &card);
      due = format_time (card.due);
      last = format_time (card.last_review);
      printf ("  { \"%s\", %s, %u, %.17g, %.17g,\n    %s, %s, %u, %u },\n",
              (char *)l->data, state_name (card.state), card.step,
              card.stability, card.difficulty, due, last, card.reps, card.lapses);
      g_ptr_array_add (ids, l->data);
    }
  printf ("};\n\n");

  printf ("static const char *const expected_starred[] = {\n");
  for (guint i = 0; i < json_array_get_length (json_object_get_array_member (root, "starred")); i++)
    printf ("  \"%s\",\n", json_array_get_string_element (json_object_get_array_member (root, "starred"), i));
  printf ("};\n\n");

  printf ("static const ExpectedReview expected_log[] = {\n");
  for (guint i = 0; i < wenda_study_store_get_n_reviews (store); i++)
    {
      const WendaStudyLogEntry *entry = wenda_study_store_get_review (store, i);
      g_autofree char *time = format_time (entry->review.time);

      printf ("  { \"%s\", %s, %s,\n    %s, %.17g, %" G_GINT64_FORMAT " },\n",
              entry->id, time, rating_name (entry->review.rating),
              state_name (entry->review.state),
              entry->review.elapsed_days, entry->review.interval);
    }
  printf ("};\n\n");

  wenda_study_store_count (store, (const char *const *)ids->pdata, ids->len,
                           iso ("2026-11-06T12:00:00Z"), &counts);
  printf ("/* wenda_study_store_count() of the cards' ids at 2026-11-06T12:00:00Z */\n"
          "static const WendaStudyCounts expected_counts = { %u, %u, %u, %u, %u, %u };\n\n",
          counts.n_new, counts.n_learning, counts.n_review, counts.n_relearning,
          counts.n_due, counts.n_starred);

  g_list_free (members);
}

/* }}} */

/* Settings {{{ */

/* Not one of them the default */
static const struct
{
  const char *key;
  const char *value;   /* GVariant text */
} settings_values[] = {
  { "window-width", "1234" },
  { "window-height", "777" },
  { "window-maximized", "true" },
  { "last-topic", "'interview-notes-002'" },
  { "content-mode", "'both'" },
  { "color-scheme", "'dark'" },
  { "text-scale", "1.3" },
  { "last-bank", "'system-design'" },
  { "interval-fuzz", "false" },
};

static void
make_settings (const char *keyfile,
               const char *record)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_auto(GStrv) names = NULL;
  GError *error = NULL;

  schema = source ? g_settings_schema_source_lookup (source, SCHEMA_ID, FALSE) : NULL;
  if (schema == NULL)
    die ("the schema " SCHEMA_ID " is not installed (set GSETTINGS_SCHEMA_DIR)", NULL);

  /* As GLib makes it in a Flatpak sandbox: root path "/", no root group */
  backend = g_keyfile_settings_backend_new (keyfile, "/", NULL);
  settings = g_settings_new_full (schema, backend, NULL);

  names = g_settings_schema_list_keys (schema);
  if (g_strv_length (names) != G_N_ELEMENTS (settings_values))
    die ("the schema's keys and settings_values differ", NULL);

  printf ("static const ExpectedSetting expected_settings[] = {\n");
  for (gsize i = 0; i < G_N_ELEMENTS (settings_values); i++)
    {
      const char *key = settings_values[i].key;
      g_autoptr(GSettingsSchemaKey) schema_key = g_settings_schema_get_key (schema, key);
      const GVariantType *type = g_settings_schema_key_get_value_type (schema_key);
      g_autoptr(GVariant) value = g_variant_parse (type, settings_values[i].value, NULL, NULL, &error);
      g_autoptr(GVariant) fallback = g_settings_schema_key_get_default_value (schema_key);
      g_autoptr(GVariant) range = g_settings_schema_key_get_range (schema_key);
      g_autofree char *default_text = g_variant_print (fallback, FALSE);
      g_autofree char *range_text = g_variant_print (range, FALSE);
      g_autoptr(GVariant) stored = NULL;
      g_autofree char *stored_text = NULL;
      g_autofree char *c_text = NULL;

      if (value == NULL)
        die (key, error);
      if (g_variant_equal (value, fallback))
        die ("a value is the default", NULL);
      if (!g_settings_set_value (settings, key, value))
        die (key, NULL);

      g_key_file_set_string (keys, key, "type", g_variant_type_peek_string (type));
      g_key_file_set_string (keys, key, "default", default_text);
      g_key_file_set_string (keys, key, "range", range_text);

      stored = g_settings_get_user_value (settings, key);
      stored_text = g_variant_print (stored, FALSE);
      c_text = c_string (stored_text);
      printf ("  { \"%s\", %s },\n", key, c_text);
    }
  printf ("};\n");

  g_settings_sync ();

  if (!g_key_file_save_to_file (keys, record, &error))
    die (record, error);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bundled = NULL;
  g_autoptr(WendaLibrary) library = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *data = NULL;
  g_autofree char *banks = NULL;
  g_autofree char *study_path = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *record = NULL;
  const char *sources, *output;
  WendaLibraryBank *design;

  setlocale (LC_ALL, "");

  if (argc != 3)
    {
      g_printerr ("Usage: wenda-compat-fixtures SOURCES OUTPUT\n");
      return 2;
    }
  sources = argv[1];
  output = argv[2];

  data = g_build_filename (output, "data", DATA_FOLDER, NULL);
  banks = g_build_filename (data, "banks", NULL);
  study_path = g_build_filename (data, "study.json", NULL);
  keyfile = g_build_filename (output, "config", "glib-2.0", "settings", "keyfile", NULL);
  record = g_build_filename (output, "schema.ini", NULL);

  /* The ids the library makes depend on the files there */
  for (const char *const *name = (const char *const[]) { "data", "config", "schema.ini", NULL };
       *name != NULL; name++)
    {
      g_autofree char *path = g_build_filename (output, *name, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_printerr ("wenda-compat-fixtures: %s exists; give a folder without it\n", path);
          return 2;
        }
    }

  bundled = wenda_bank_load_bundled (&error);
  if (bundled == NULL)
    die ("the bundled bank", error);

  library = wenda_library_new (banks, bundled);
  if (!wenda_library_load (library, problems, &error))
    die (banks, error);

  import (library, sources, "Interview Notes.md");
  design = import (library, sources, "system-design.json");
  if (!wenda_library_rename (library, design, "系统设计（复习）", &error))
    die ("rename", error);

  make_study (study_path, bundled, library);

  printf ("/* Made by tests/tools/wenda-compat-fixtures.c */\n\n");
  print_study (study_path);
  print_library (library);
  make_settings (keyfile, record);

  return EXIT_SUCCESS;
}
