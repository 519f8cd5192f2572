/* test-content.c: the bundled bank says what its source document says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "wenda-bank-loader.h"

#include "test-util.h"

#define SOURCE_FILE UNIT_SEED_FILE
#define BUNDLED_PATH "/io/github/wenda/Wenda/content/bank.json"

static WendaBank *
parse_source (void)
{
  g_autofree char *text = NULL;
  gsize length;

  text = unit_read_seed (&length);

  return unit_parse_markdown (text, length, SOURCE_FILE);
}

/* The bundled JSON and the Markdown it was made from hold the same items;
 * only the ids differ, by design. */
static void
test_content_matches_source (void)
{
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(WendaBank) parsed = parse_source ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bundled));

  g_assert_cmpuint (n_items, ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (parsed)), ==, n_items);
  g_assert_cmpstr (wenda_bank_get_title (bundled), ==, wenda_bank_get_title (parsed));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) a = g_list_model_get_item (G_LIST_MODEL (bundled), i);
      g_autoptr(WendaQaItem) b = g_list_model_get_item (G_LIST_MODEL (parsed), i);
      g_autofree char *id = g_strdup_printf ("llm-training-%03u", wenda_qa_item_get_number (a));

      g_assert_cmpuint (wenda_qa_item_get_number (a), ==, i + 1);
      g_assert_cmpuint (wenda_qa_item_get_number (a), ==, wenda_qa_item_get_number (b));
      g_assert_cmpstr (wenda_qa_item_get_question (a), ==, wenda_qa_item_get_question (b));
      g_assert_cmpstr (wenda_qa_item_get_answer (a), ==, wenda_qa_item_get_answer (b));
      g_assert_cmpstr (wenda_qa_item_get_explanation (a), ==, wenda_qa_item_get_explanation (b));
      g_assert_cmpstr (wenda_qa_item_get_id (a), ==, id);
    }
}

/* Checks the bundled bank against the raw lines of the source, without the
 * Markdown parser: every question is the text after "题目 N：" on its
 * heading line, and every paragraph of an answer or explanation is a whole
 * line of the source, word for word. */
static void
test_content_words_kept (void)
{
  g_autoptr(WendaBank) bundled = unit_load_bundled ();
  g_autoptr(GHashTable) source_lines = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *text = unit_read_seed (NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_headings = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *colon;
      g_autofree char *prefix = NULL;
      WendaQaItem *item;
      guint64 number;

      g_hash_table_add (source_lines, (gpointer)line);

      if (!g_str_has_prefix (line, "#### 题目 "))
        continue;

      number = g_ascii_strtoull (line + strlen ("#### 题目 "), NULL, 10);
      prefix = g_strdup_printf ("#### 题目 %u：", (guint)number);
      g_assert_true (g_str_has_prefix (line, prefix));
      colon = line + strlen (prefix);

      item = wenda_bank_lookup_number (bundled, number);
      g_assert_nonnull (item);
      g_assert_cmpstr (wenda_qa_item_get_question (item), ==, colon);
      n_headings++;
    }

  g_assert_cmpuint (n_headings, ==, 30);

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bundled), i);
      const char *texts[] = {
        wenda_qa_item_get_answer (item),
        wenda_qa_item_get_explanation (item),
      };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_auto(GStrv) paragraphs = g_strsplit (texts[t], "\n\n", -1);

          g_assert_cmpuint (g_strv_length (paragraphs), >=, 1);
          for (guint p = 0; paragraphs[p] != NULL; p++)
            {
              if (!g_hash_table_contains (source_lines, paragraphs[p]))
                g_error ("item %u: “%s” is not a line of " SOURCE_FILE, i + 1, paragraphs[p]);
            }
        }
    }
}

static void
assert_clean (const char *field,
              guint       number)
{
  gunichar first, last;

  if (field[0] == '\0')
    g_error ("item %u has an empty field", number);

  first = g_utf8_get_char (field);
  last = g_utf8_get_char (g_utf8_find_prev_char (field, field + strlen (field)));

  if (strstr (field, "**") != NULL || strstr (field, "__") != NULL ||
      g_unichar_isspace (first) || g_unichar_isspace (last) ||
      strchr (field, '\r') != NULL || strstr (field, "\n\n\n") != NULL)
    g_error ("item %u has markup or stray blanks: “%s”", number, field);
}

static void
test_content_clean (void)
{
  g_autoptr(WendaBank) bundled = unit_load_bundled ();

  g_assert_cmpstr (wenda_bank_get_title (bundled), ==, "大模型训练的两个关键步骤");

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bundled), i);

      assert_clean (wenda_qa_item_get_question (item), i + 1);
      assert_clean (wenda_qa_item_get_answer (item), i + 1);
      assert_clean (wenda_qa_item_get_explanation (item), i + 1);
      g_assert_true (g_str_has_suffix (wenda_qa_item_get_question (item), "？"));
    }
}

/* bank.json is what `meson compile update-content` makes from the source:
 * nobody edited one without the other. */
static void
test_content_up_to_date (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) parsed = parse_source ();
  g_autoptr(WendaBank) renamed = NULL;
  g_autofree char *regenerated = NULL;
  g_autofree char *bundled_text = NULL;
  JsonObject *root;
  const char *data;
  gsize size;

  bytes = g_resources_lookup_data (BUNDLED_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  bundled_text = g_strndup (data, size);

  json_parser_load_from_data (parser, bundled_text, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "source"), ==,
                   "大模型训练的两个关键步骤 — question bank seed, shared/seeds/000_8e77f8e049ce3a31.txt");

  renamed = wenda_bank_rename_ids (parsed, "llm-training");
  regenerated = wenda_bank_to_json (renamed, json_object_get_string_member (root, "source"));

  if (g_strcmp0 (regenerated, bundled_text) != 0)
    g_error ("resources/content/bank.json is out of date: run `meson compile -C BUILDDIR update-content`");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Content/matches-source", test_content_matches_source);
  g_test_add_func ("/Wenda/Content/words-kept", test_content_words_kept);
  g_test_add_func ("/Wenda/Content/clean", test_content_clean);
  g_test_add_func ("/Wenda/Content/up-to-date", test_content_up_to_date);

  return g_test_run ();
}
