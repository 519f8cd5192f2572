/* test-loader.c: the JSON bank format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-loader.h"
#include "wenda-markdown.h"

#include "test-util.h"

static void
test_loader_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_bundled (&error);

  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 30);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "大模型训练的两个关键步骤");

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autofree char *id = g_strdup_printf ("llm-training-%03u", i + 1);

      g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
      g_assert_cmpstr (wenda_qa_item_get_id (item), ==, id);
      g_assert_true (wenda_bank_lookup_id (bank, id) == item);
    }
}

static void
test_loader_missing_resource (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = wenda_bank_load_resource ("/io/github/wenda/Wenda/content/no-such-bank.json", &error);
  g_assert_null (bank);
  g_assert_error (error, G_RESOURCE_ERROR, G_RESOURCE_ERROR_NOT_FOUND);
}

static void
test_loader_valid (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaQaItem *item;
  gsize length;

  contents = unit_read_fixture ("valid.json", &length);
  bank = wenda_bank_load_json (contents, length, "valid.json", &error);
  g_assert_no_error (error);

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "测试题库");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);

  item = wenda_bank_lookup_id (bank, "t-001");
  g_assert_nonnull (item);
  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, 1);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, "什么是问题？");
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "第一段。\n\n第二段。");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "一个解析。");

  /* No explanation: empty; unknown members: ignored */
  item = wenda_bank_lookup_number (bank, 2);
  g_assert_cmpstr (wenda_qa_item_get_id (item), ==, "t-002");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "");
}

/* Errors {{{ */

static const UnitErrorCase error_cases[] = {
  { "syntax-error.json", WENDA_BANK_ERROR_SYNTAX, 9, 26, 0 },
  { "single-quotes.json", WENDA_BANK_ERROR_SYNTAX, 4, 3, 0 },
  { "comment.json", WENDA_BANK_ERROR_SYNTAX, 3, 17, 0 },
  { "two-values.json", WENDA_BANK_ERROR_SYNTAX, 9, 1, 0 },
  { "bad-utf8.json", WENDA_BANK_ERROR_INVALID_UTF8, 4, 15, 0 },
  { "wrong-type.json", WENDA_BANK_ERROR_WRONG_TYPE, 12, 0, 0 },
  { "version-string.json", WENDA_BANK_ERROR_WRONG_TYPE, 3, 0, 0 },
  { "number-not-integer.json", WENDA_BANK_ERROR_WRONG_TYPE, 7, 0, 0 },
  { "item-not-object.json", WENDA_BANK_ERROR_WRONG_TYPE, 7, 0, 0 },
  { "missing-field.json", WENDA_BANK_ERROR_MISSING_FIELD, 12, 0, 0 },
  { "missing-format.json", WENDA_BANK_ERROR_MISSING_FIELD, 1, 0, 0 },
  { "duplicate-id.json", WENDA_BANK_ERROR_DUPLICATE, 12, 0, 6 },
  { "duplicate-number.json", WENDA_BANK_ERROR_DUPLICATE, 8, 0, 6 },
  { "future-version.json", WENDA_BANK_ERROR_UNSUPPORTED_VERSION, 3, 0, 0 },
  { "wrong-format.json", WENDA_BANK_ERROR_STRUCTURE, 2, 0, 0 },
  { "not-object.json", WENDA_BANK_ERROR_STRUCTURE, 1, 1, 0 },
  { "number-zero.json", WENDA_BANK_ERROR_STRUCTURE, 6, 0, 0 },
  { "no-items.json", WENDA_BANK_ERROR_EMPTY, 6, 0, 0 },
  { "empty.json", WENDA_BANK_ERROR_EMPTY, 1, 0, 0 },
  { "blank.json", WENDA_BANK_ERROR_EMPTY, 1, 0, 0 },
};

static void
test_loader_error (gconstpointer data)
{
  const UnitErrorCase *c = data;
  g_autofree char *path = unit_fixture_path (c->file);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  gsize length;

  /* Through a file: messages name its basename */
  bank = wenda_bank_load_file (file, &error);
  g_assert_null (bank);
  unit_assert_error_message (error, c->file, c);

  /* From memory, without a name */
  g_clear_error (&error);
  contents = unit_read_fixture (c->file, &length);
  bank = wenda_bank_load_json (contents, length, NULL, &error);
  g_assert_null (bank);
  unit_assert_error_message (error, "<input>", c);
}

static void
test_loader_error_inline (void)
{
  static const struct {
    const char *text;
    gssize length;
    WendaBankError code;
    const char *prefix;
  } cases[] = {
    { "{\"format\": \"wenda-bank\"\0}", 25, WENDA_BANK_ERROR_INVALID_UTF8, "t.json:1:24: " },
    { "\xEF\xBB\xBF", -1, WENDA_BANK_ERROR_EMPTY, "t.json:1: " },
    { "\"wenda-bank\" {\"a\": 1}", -1, WENDA_BANK_ERROR_STRUCTURE, "t.json:1:1: " },
    { "{\"a\": 1} {\"b\": 2}", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:1:10: " },
    { "{\"a\": 1}\n\n  [1]", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:3:3: " },
    { "{\"a\": 1};", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:1:9: " },
    { "{\"a\":\n  \"中文\", @}", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:2:9: " },
    { "{\"a\": [1, 2", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:1:" },
    { "{\"a\": \"unterminated", -1, WENDA_BANK_ERROR_SYNTAX, "t.json:1:" },
    { "{\"format\": \"wenda-bank\", \"version\": 1.0}", -1, WENDA_BANK_ERROR_WRONG_TYPE, "t.json:1: " },
    { "{\"format\": \"wenda-bank\", \"version\": 0}", -1, WENDA_BANK_ERROR_UNSUPPORTED_VERSION, "t.json:1: " },
    { "{\"format\": \"wenda-bank\", \"version\": 1}", -1, WENDA_BANK_ERROR_MISSING_FIELD, "t.json:1: " },
    { "{\"format\": \"wenda-bank\",\n\"version\": 1,\n\"title\": \"t\",\n\"items\": {}}", -1,
      WENDA_BANK_ERROR_WRONG_TYPE, "t.json:4: " },
    { "{\"format\": \"wenda-bank\",\n\"version\": 1,\n\"title\": null,\n\"items\": []}", -1,
      WENDA_BANK_ERROR_WRONG_TYPE, "t.json:3: " },
    { "{\"format\": 1}", -1, WENDA_BANK_ERROR_WRONG_TYPE, "t.json:1: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = NULL;

      bank = wenda_bank_load_json (cases[i].text, cases[i].length, "t.json", &error);
      g_assert_null (bank);
      g_assert_error (error, WENDA_BANK_ERROR, (int)cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].prefix);
    }
}

static void
test_loader_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"format\": \"wenda-bank\", \"x\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');

  bank = wenda_bank_load_json (text->str, text->len, "deep.json", &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_STRUCTURE);
  g_assert_true (g_str_has_prefix (error->message, "deep.json:1:"));
}

/* }}} */

/* Writing {{{ */

static void
test_loader_round_trip_bundled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_bundled (&error);
  g_autoptr(WendaBank) again = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  g_assert_no_error (error);

  json = wenda_bank_to_json (bank, "a source");
  again = wenda_bank_load_json (json, -1, "round-trip.json", &error);
  g_assert_no_error (error);
  unit_assert_same_items (bank, again);

  /* Writing is stable */
  json_again = wenda_bank_to_json (again, "a source");
  g_assert_cmpstr (json, ==, json_again);
}

static void
test_loader_to_json_format (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *json = NULL;
  g_autofree char *with_source = NULL;

  g_ptr_array_add (items, wenda_qa_item_new ("x-001", 1, "什么是“引号”\\和\t制表？",
                                             "第一段\n\n第二段", NULL));
  bank = wenda_bank_new ("标题", items);

  json = wenda_bank_to_json (bank, NULL);
  g_assert_true (g_str_has_prefix (json, "{\n  \"format\" : \"wenda-bank\",\n  \"version\" : 1,\n"));
  g_assert_true (g_str_has_suffix (json, "\n}\n"));
  g_assert_nonnull (strstr (json, "\n  \"title\" : \"标题\",\n"));
  g_assert_nonnull (strstr (json, "\n  \"language\" : \"zh-CN\",\n"));
  g_assert_nonnull (strstr (json, "\n      \"id\" : \"x-001\",\n"));
  g_assert_nonnull (strstr (json, "\"question\" : \"什么是“引号”\\\\和\\t制表？\""));
  g_assert_nonnull (strstr (json, "\"answer\" : \"第一段\\n\\n第二段\""));
  g_assert_nonnull (strstr (json, "\"explanation\" : \"\""));
  /* UTF-8, not \u escapes; no source unless given */
  g_assert_null (strstr (json, "\\u"));
  g_assert_null (strstr (json, "\"source\""));

  with_source = wenda_bank_to_json (bank, "来源");
  g_assert_nonnull (strstr (with_source, "\n  \"source\" : \"来源\",\n"));
}

static void
test_loader_round_trip_markdown (void)
{
  const char *text = "# 题库\n\n#### 题目 3：三？\n\n**答案：**\n\n三。\n\n#### 题目 5：五？\n答案：五。\n解析：\"引号\" 和 \\ 反斜杠。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaBank) renamed = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autofree char *json = NULL;

  bank = wenda_markdown_parse (text, -1, NULL, &error);
  g_assert_no_error (error);

  json = wenda_bank_to_json (bank, NULL);
  again = wenda_bank_load_json (json, -1, NULL, &error);
  g_assert_no_error (error);
  unit_assert_same_items (bank, again);
  g_assert_nonnull (wenda_bank_lookup_id (again, "q5"));

  renamed = wenda_bank_rename_ids (bank, "demo");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (renamed)), ==, 2);
  g_assert_cmpstr (wenda_bank_get_title (renamed), ==, "题库");
  g_assert_cmpstr (wenda_qa_item_get_id (wenda_bank_lookup_number (renamed, 3)), ==, "demo-003");
  g_assert_cmpstr (wenda_qa_item_get_id (wenda_bank_lookup_number (renamed, 5)), ==, "demo-005");
  g_assert_cmpstr (wenda_qa_item_get_explanation (wenda_bank_lookup_number (renamed, 5)), ==,
                   "\"引号\" 和 \\ 反斜杠。");
}

/* }}} */

/* Files {{{ */

static GFile *
write_temp (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  dir = g_dir_make_tmp ("wenda-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static void
delete_temp (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

static void
test_loader_file_kinds (void)
{
  static const char markdown[] = "#### 题目 1：一？\n答案：一。\n";
  static const char json[] =
    "{\"format\": \"wenda-bank\", \"version\": 1, \"title\": \"\", \"items\": "
    "[{\"id\": \"j1\", \"number\": 1, \"question\": \"一？\", \"answer\": \"一。\"}]}";
  static const struct { const char *name, *contents, *id; } cases[] = {
    { "bank.md", markdown, "q1" },
    { "bank.MARKDOWN", markdown, "q1" },
    { "bank.txt", markdown, "q1" },
    { "bank.json", json, "j1" },
    { "bank.JSON", json, "j1" },
    { "bank", json, "j1" },         /* sniffed */
    { "bank.dat", markdown, "q1" }, /* sniffed */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = write_temp (cases[i].name, cases[i].contents);
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = wenda_bank_load_file (file, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 1);
      g_assert_nonnull (wenda_bank_lookup_id (bank, cases[i].id));
      delete_temp (file);
    }
}

static void
test_loader_file_errors (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/wenda/bank.json");
  g_autoptr(GFile) md_as_json = write_temp ("bank.json", "#### 题目 1：一？\n答案：一。\n");
  g_autoptr(GFile) json_as_md = write_temp ("题库.md", "{\"format\": \"wenda-bank\"}\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = wenda_bank_load_file (missing, &error);
  g_assert_null (bank);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The name decides; messages use the basename */
  bank = wenda_bank_load_file (md_as_json, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_STRUCTURE);
  g_assert_true (g_str_has_prefix (error->message, "bank.json:1:1: "));
  g_clear_error (&error);

  bank = wenda_bank_load_file (json_as_md, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "题库.md:1: "));

  delete_temp (md_as_json);
  delete_temp (json_as_md);
}

/* }}} */

static void
test_loader_mutations (void)
{
  static const char * const snippets[] = {
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "1", "-", "1e999",
    "99999999999999999999", "null", "true", "'", "/*", "*/", "//", "#", " ", "\n",
    "\xFF", "\xE4\xB8", "\0", "\"number\": 0", "\"version\": 9", "{\"a\":1}", "var",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240602);
  g_autofree char *seed = NULL;
  gsize seed_length;
  guint n_ok = 0;

  /* A short bank keeps the rounds fast */
  seed = unit_read_fixture ("valid.json", &seed_length);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GByteArray) text = g_byte_array_new ();
      g_autoptr(GError) round_error = NULL;
      g_autoptr(WendaBank) bank = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 5);

      g_byte_array_append (text, (const guint8 *)seed, seed_length);

      for (guint e = 0; e < n_edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, text->len + 1);

          if (g_rand_boolean (rand))
            {
              unit_insert_snippet (text, at,
                                   snippets[g_rand_int_range (rand, 0, G_N_ELEMENTS (snippets))]);
            }
          else if (at < text->len)
            {
              guint n = g_rand_int_range (rand, 1, 40);

              g_byte_array_remove_range (text, at, MIN (text->len - at, n));
            }
        }

      bank = wenda_bank_load_json ((const char *)text->data, text->len, NULL, &round_error);
      if (unit_assert_outcome (bank, round_error))
        n_ok++;
    }

  g_assert_cmpuint (n_ok, >, 0);
  g_assert_cmpuint (n_ok, <, 3000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Loader/bundled", test_loader_bundled);
  g_test_add_func ("/Wenda/Loader/missing-resource", test_loader_missing_resource);
  g_test_add_func ("/Wenda/Loader/valid", test_loader_valid);

  unit_add_error_cases ("/Wenda/Loader/error", error_cases, G_N_ELEMENTS (error_cases),
                        test_loader_error);
  g_test_add_func ("/Wenda/Loader/error/inline", test_loader_error_inline);
  g_test_add_func ("/Wenda/Loader/error/too-deep", test_loader_too_deep);

  g_test_add_func ("/Wenda/Loader/write/round-trip-bundled", test_loader_round_trip_bundled);
  g_test_add_func ("/Wenda/Loader/write/format", test_loader_to_json_format);
  g_test_add_func ("/Wenda/Loader/write/round-trip-markdown", test_loader_round_trip_markdown);

  g_test_add_func ("/Wenda/Loader/file/kinds", test_loader_file_kinds);
  g_test_add_func ("/Wenda/Loader/file/errors", test_loader_file_errors);

  g_test_add_func ("/Wenda/Loader/robust/mutations", test_loader_mutations);

  return g_test_run ();
}
