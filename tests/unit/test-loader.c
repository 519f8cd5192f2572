/* test-loader.c: the JSON bank format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-loader-private.h"
#include "wenda-markdown.h"
#include "wenda-qa-item-private.h"

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

/* Version 2: sections and the bank's own numbers {{{ */

static WendaQaItem *
item_at (WendaBank *bank,
         guint      position)
{
  g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), position);

  /* The bank holds it */
  return item;
}

static char *
item_path (WendaBank *bank,
           guint      position)
{
  WendaSection *section = wenda_qa_item_get_section (item_at (bank, position));

  return section != NULL ? wenda_section_dup_path (section, WENDA_LANGUAGE_ZH) : g_strdup ("");
}

static WendaBank *
load_sections_fixture (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  WendaBank *bank;
  gsize length;

  contents = unit_read_fixture ("banks/sections.json", &length);
  bank = wenda_bank_load_json (contents, length, "sections.json", &error);
  g_assert_no_error (error);

  return bank;
}

static void
test_loader_v2_sections (void)
{
  static const struct { const char *label; const char *path; } expected[] = {
    { "1.1.1", "第一章 机器学习基础 › 1.1 偏差与方差" },
    { "1.1.2", "第一章 机器学习基础 › 1.1 偏差与方差" },
    { "1.2.1", "第一章 机器学习基础 › 1.2 正则化" },
    { "1.2.2", "第一章 机器学习基础 › 1.2 正则化" },
    { NULL, "第二章 深度学习" },
    { "2.1.1", "第二章 深度学习 › 2.1 优化" },
    { "2.1.2", "第二章 深度学习 › 2.1 优化" },
    { "2.2.1", "第二章 深度学习 › 2.2 注意力 <Q, K, V> & Transformer" },
    { "2.2.2", "第二章 深度学习 › 2.2 注意力 <Q, K, V> & Transformer" },
  };
  g_autoptr(WendaBank) bank = load_sections_fixture ();
  GPtrArray *sections = wenda_bank_get_sections (bank);
  g_autofree char *needle = NULL;
  WendaSection *chapter2;

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "机器学习面试题");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *path = item_path (bank, i);

      g_assert_cmpuint (wenda_qa_item_get_number (item_at (bank, i)), ==, i + 1);
      g_assert_cmpstr (wenda_qa_item_get_label (item_at (bank, i)), ==, expected[i].label);
      g_assert_cmpstr (path, ==, expected[i].path);
    }

  /* The sections, parents first, as the file lists them */
  g_assert_cmpuint (sections->len, ==, 6);
  for (guint i = 0; i < sections->len; i++)
    g_assert_cmpuint (wenda_section_get_index (g_ptr_array_index (sections, i)), ==, i);
  chapter2 = g_ptr_array_index (sections, 3);
  g_assert_cmpstr (wenda_section_get_title (chapter2), ==, "第二章 深度学习");
  g_assert_null (wenda_section_get_parent (chapter2));
  g_assert_cmpuint (wenda_section_get_depth (chapter2), ==, 1);
  g_assert_true (wenda_section_get_parent (g_ptr_array_index (sections, 4)) == chapter2);
  g_assert_cmpuint (wenda_section_get_depth (g_ptr_array_index (sections, 4)), ==, 2);

  /* Item 5 is in the chapter itself, before its sub-sections */
  g_assert_true (wenda_qa_item_get_section (item_at (bank, 4)) == chapter2);
  g_assert_true (wenda_section_contains (chapter2, wenda_qa_item_get_section (item_at (bank, 8))));
  g_assert_false (wenda_section_contains (chapter2, wenda_qa_item_get_section (item_at (bank, 0))));

  /* A search finds a question by its own number */
  needle = wenda_normalize_for_search ("№2.1.1", -1);
  g_assert_nonnull (strstr (wenda_qa_item_get_search_text (item_at (bank, 5)), needle));
}

/* In a version 1 file, "sections", "label" and "section" are unknown
 * members: ignored, as they always were */
static void
test_loader_v2_ignored_in_v1 (void)
{
  const char *text =
    "{\"format\": \"wenda-bank\", \"version\": 1, \"title\": \"t\",\n"
    " \"sections\": [{\"title\": \"第一章\"}, 7],\n"
    " \"items\": [{\"id\": \"a\", \"number\": 1, \"label\": \"1.1\", \"section\": 0,\n"
    "             \"question\": \"q\", \"answer\": \"a\"},\n"
    "           {\"id\": \"b\", \"number\": 2, \"label\": 5, \"section\": \"x\",\n"
    "             \"question\": \"q\", \"answer\": \"a\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_json (text, -1, "v1.json", &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      g_assert_null (wenda_qa_item_get_label (item_at (bank, i)));
      g_assert_null (wenda_qa_item_get_section (item_at (bank, i)));
    }

  /* and it is written as version 1 again */
  json = wenda_bank_to_json (bank, NULL);
  g_assert_nonnull (strstr (json, "\"version\" : 1,"));
  g_assert_null (strstr (json, "\"label\""));
}

/* A chapter's own questions may come after those of its sub-sections:
 * the chapter's questions are still together */
static void
test_loader_v2_chapter_after_subsection (void)
{
  const char *text =
    "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"t\",\n"
    " \"sections\": [{\"title\": \"A\"}, {\"title\": \"A.1\", \"parent\": 0}, {\"title\": \"B\"}],\n"
    " \"items\": [\n"
    "  {\"id\": \"1\", \"number\": 1, \"section\": 1, \"question\": \"q\", \"answer\": \"a\"},\n"
    "  {\"id\": \"2\", \"number\": 2, \"section\": 0, \"question\": \"q\", \"answer\": \"a\"},\n"
    "  {\"id\": \"3\", \"number\": 3, \"section\": 2, \"question\": \"q\", \"answer\": \"a\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_json (text, -1, "t.json", &error);
  g_autofree char *p0 = NULL, *p1 = NULL, *p2 = NULL;

  g_assert_no_error (error);
  p0 = item_path (bank, 0);
  p1 = item_path (bank, 1);
  p2 = item_path (bank, 2);
  g_assert_cmpstr (p0, ==, "A › A.1");
  g_assert_cmpstr (p1, ==, "A");
  g_assert_cmpstr (p2, ==, "B");
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 3);
}

#define V2_HEAD "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"\",\n"
#define V2_ITEM(n, rest) \
  "{\"id\": \"x" #n "\", \"number\": " #n ", \"question\": \"q\", \"answer\": \"a\"" rest "}"

static const struct
{
  const char     *json;
  WendaBankError  code;
  const char     *message;
} v2_error_cases[] = {
  { V2_HEAD " \"sections\": {},\n \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_WRONG_TYPE,
    "s.json:2: “sections” must be an array, not an object" },
  { V2_HEAD " \"sections\": [\n  7],\n \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_WRONG_TYPE,
    "s.json:3: section 0 must be an object, not an integer" },
  { V2_HEAD " \"sections\": [\n  {\"parent\": null}],\n \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_MISSING_FIELD,
    "s.json:3: section 0 has no “title”" },
  { V2_HEAD " \"sections\": [{\"title\": \"a\"},\n  {\"title\": \"b\", \"parent\": \"0\"}],\n"
    " \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_WRONG_TYPE,
    "s.json:3: “parent” of section 1 must be an integer, not a string" },
  /* A section inside itself, or inside one of its own: a parent must
   * come first */
  { V2_HEAD " \"sections\": [{\"title\": \"a\"},\n  {\"title\": \"b\", \"parent\": 1}],\n"
    " \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:3: “parent” of section 1 must be a section's index, 0 to 0, not 1" },
  { V2_HEAD " \"sections\": [{\"title\": \"a\", \"parent\": 1},\n  {\"title\": \"b\", \"parent\": 0}],\n"
    " \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:2: “parent” of section 0 is 1, but there is no section before it" },
  { V2_HEAD " \"sections\": [{\"title\": \"a\"},\n  {\"title\": \"b\", \"parent\": -1}],\n"
    " \"items\": [" V2_ITEM (1, "") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:3: “parent” of section 1 must be a section's index, 0 to 0, not -1" },
  /* An item's section */
  { V2_HEAD " \"items\": [\n" V2_ITEM (1, ", \"section\": 0") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:3: “section” of question 1 is 0, but the bank has no “sections”" },
  { V2_HEAD " \"sections\": [{\"title\": \"a\"}],\n \"items\": [\n" V2_ITEM (1, ", \"section\": 1.5") "]}",
    WENDA_BANK_ERROR_WRONG_TYPE,
    "s.json:4: “section” of question 1 must be an integer, not a number" },
  { V2_HEAD " \"sections\": [{\"title\": \"a\"}],\n \"items\": [\n" V2_ITEM (1, ", \"section\": 1") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:4: “section” of question 1 must be a section's index, 0 to 0, not 1" },
  /* The bank's own number */
  { V2_HEAD " \"items\": [\n" V2_ITEM (1, ", \"label\": 3") "]}",
    WENDA_BANK_ERROR_WRONG_TYPE,
    "s.json:3: “label” of question 1 must be a string, not an integer" },
  { V2_HEAD " \"items\": [\n" V2_ITEM (1, ", \"label\": \"\"") "]}",
    WENDA_BANK_ERROR_MISSING_FIELD,
    "s.json:3: “label” of question 1 is empty" },
  /* The questions of a section are together */
  { V2_HEAD " \"sections\": [{\"title\": \"A\"}, {\"title\": \"B\"}],\n \"items\": [\n"
    V2_ITEM (1, ", \"section\": 0") ",\n"
    V2_ITEM (2, ", \"section\": 1") ",\n"
    V2_ITEM (3, ", \"section\": 0") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:6: question 3 is in section 0 (“A”), whose questions ended on line 4: "
    "the questions of a section must be together" },
  /* with those of the sections inside it */
  { V2_HEAD " \"sections\": [{\"title\": \"A\"}, {\"title\": \"A.1\", \"parent\": 0}, {\"title\": \"B\"}],\n"
    " \"items\": [\n"
    V2_ITEM (1, ", \"section\": 1") ",\n"
    V2_ITEM (2, ", \"section\": 0") ",\n"
    V2_ITEM (3, ", \"section\": 2") ",\n"
    V2_ITEM (4, ", \"section\": 1") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:7: question 4 is in section 1 (“A.1”), whose questions ended on line 4: "
    "the questions of a section must be together" },
  { V2_HEAD " \"sections\": [{\"title\": \"A\"}, {\"title\": \"A.1\", \"parent\": 0}, {\"title\": \"B\"}],\n"
    " \"items\": [\n"
    V2_ITEM (1, ", \"section\": 1") ",\n"
    V2_ITEM (2, ", \"section\": 2") ",\n"
    V2_ITEM (3, ", \"section\": 0") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:6: question 3 is in section 0 (“A”), whose questions ended on line 4: "
    "the questions of a section must be together" },
  { V2_HEAD " \"sections\": [{\"title\": \"A\"}],\n \"items\": [\n"
    V2_ITEM (1, "") ",\n"
    V2_ITEM (2, ", \"section\": 0") ",\n"
    V2_ITEM (3, "") "]}",
    WENDA_BANK_ERROR_STRUCTURE,
    "s.json:6: question 3 is in no section, but comes after questions in sections: "
    "questions outside the sections must come first" },
};

static void
test_loader_v2_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (v2_error_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = wenda_bank_load_json (v2_error_cases[i].json, -1, "s.json", &error);

      g_assert_null (bank);
      g_assert_error (error, WENDA_BANK_ERROR, (int)v2_error_cases[i].code);
      if (!g_str_equal (error->message, v2_error_cases[i].message))
        g_error ("case %u: “%s”, not “%s”", i, error->message, v2_error_cases[i].message);
    }
}

typedef struct
{
  guint    n;
  GString *messages;
} Problems;

static void
on_problem (guint       line,
            guint       first_line,
            guint       last_line,
            const char *message,
            gpointer    user_data)
{
  Problems *problems = user_data;

  problems->n++;
  g_string_append_printf (problems->messages, "%u-%u: %s\n", first_line, last_line, message);
}

/* The import's lenient reading skips a question out of its section's
 * place, reports it with its lines, and keeps the others */
static void
test_loader_v2_lenient (void)
{
  const char *text =
    V2_HEAD " \"sections\": [{\"title\": \"A\"}, {\"title\": \"B\"}],\n \"items\": [\n"
    V2_ITEM (1, ", \"section\": 0, \"label\": \"A1\"") ",\n"
    V2_ITEM (2, ", \"section\": 1, \"label\": \"B1\"") ",\n"
    V2_ITEM (3, ", \"section\": 0, \"label\": \"A2\"") ",\n"
    V2_ITEM (4, ", \"section\": 1, \"label\": \"B2\"") ",\n"
    V2_ITEM (5, ", \"section\": 9") "]}";
  g_autoptr(GString) messages = g_string_new (NULL);
  Problems problems = { 0, messages };
  WendaReadOptions options = { 0, };
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *p1 = NULL;

  options.problem = on_problem;
  options.user_data = &problems;
  options.id_prefix = "len";
  bank = wenda_bank_read_json (text, strlen (text), "s.json", &options, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (problems.n, ==, 2);
  g_assert_cmpstr (problems.messages->str, ==,
                   "6-6: question 3 is in section 0 (“A”), whose questions ended on line 4: "
                   "the questions of a section must be together\n"
                   "8-8: “section” of question 5 must be a section's index, 0 to 1, not 9\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 3);
  g_assert_cmpstr (wenda_qa_item_get_label (item_at (bank, 2)), ==, "B2");
  g_assert_cmpstr (wenda_qa_item_get_id (item_at (bank, 2)), ==, "len-004");
  p1 = item_path (bank, 1);
  g_assert_cmpstr (p1, ==, "B");
}

/* Writing a bank with sections and reading it back gives the same bank */
static void
test_loader_v2_round_trip (void)
{
  g_autoptr(WendaBank) bank = load_sections_fixture ();
  g_autoptr(WendaBank) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = wenda_bank_to_json (bank, NULL);
  g_autofree char *json_again = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bank));

  g_assert_nonnull (strstr (json, "\n  \"version\" : 2,\n"));
  g_assert_nonnull (strstr (json, "\"title\" : \"1.1 偏差与方差\",\n      \"parent\" : 0\n"));
  g_assert_nonnull (strstr (json, "\"label\" : \"2.2.2\",\n      \"section\" : 5,\n"));

  again = wenda_bank_load_json (json, -1, "again.json", &error);
  g_assert_no_error (error);
  unit_assert_same_items (bank, again);
  g_assert_cmpuint (wenda_bank_get_sections (again)->len, ==, wenda_bank_get_sections (bank)->len);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = item_path (bank, i);
      g_autofree char *path_again = item_path (again, i);

      g_assert_cmpstr (wenda_qa_item_get_label (item_at (again, i)), ==,
                       wenda_qa_item_get_label (item_at (bank, i)));
      g_assert_cmpstr (path_again, ==, path);
    }

  /* Writing is stable */
  json_again = wenda_bank_to_json (again, NULL);
  g_assert_cmpstr (json_again, ==, json);
}

/* Another bank made with some of the same items (and so the same
 * sections) numbers those sections its own way: a bank is still written
 * with its own */
static void
test_loader_v2_shared_sections (void)
{
  g_autoptr(WendaBank) bank = load_sections_fixture ();
  g_autoptr(GPtrArray) some = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) other = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  for (guint i = 5; i < 9; i++)
    g_ptr_array_add (some, g_object_ref (item_at (bank, i)));
  other = wenda_bank_new ("some", some);
  g_assert_cmpuint (wenda_bank_get_sections (other)->len, ==, 3);

  json = wenda_bank_to_json (bank, NULL);
  again = wenda_bank_load_json (json, -1, "again.json", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *path = item_path (bank, i);
      g_autofree char *path_again = item_path (again, i);

      g_assert_cmpstr (path_again, ==, path);
    }
}

/* Labels alone make a version 2 bank too, with no "sections" */
static void
test_loader_v2_labels_only (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  WendaQaItem *item = wenda_qa_item_new ("x-001", 1, "问题？", "答案。", NULL);

  wenda_qa_item_set_label (item, "Q1");
  g_ptr_array_add (items, item);
  g_ptr_array_add (items, wenda_qa_item_new ("x-002", 2, "问题二？", "答案。", NULL));
  bank = wenda_bank_new ("标题", items);

  json = wenda_bank_to_json (bank, NULL);
  g_assert_nonnull (strstr (json, "\"version\" : 2,"));
  g_assert_null (strstr (json, "\"sections\""));
  g_assert_null (strstr (json, "\"section\""));
  g_assert_nonnull (strstr (json, "\"label\" : \"Q1\""));

  again = wenda_bank_load_json (json, -1, "again.json", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (wenda_qa_item_get_label (item_at (again, 0)), ==, "Q1");
  g_assert_null (wenda_qa_item_get_label (item_at (again, 1)));
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

/* @data: the fixture mutated */
static void
test_loader_mutations (gconstpointer data)
{
  static const char * const snippets[] = {
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "1", "-", "1e999",
    "99999999999999999999", "null", "true", "'", "/*", "*/", "//", "#", " ", "\n",
    "\xFF", "\xE4\xB8", "\0", "\"number\": 0", "\"version\": 9", "{\"a\":1}", "var",
    "\"section\": 0", "\"section\": 5", "\"parent\": 0", "\"parent\": 2", "\"label\": \"\"",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240602);
  g_autofree char *seed = NULL;
  gsize seed_length;
  guint n_ok = 0;

  /* A short bank keeps the rounds fast */
  seed = unit_read_fixture (data, &seed_length);

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

  g_test_add_func ("/Wenda/Loader/v2/sections", test_loader_v2_sections);
  g_test_add_func ("/Wenda/Loader/v2/ignored-in-v1", test_loader_v2_ignored_in_v1);
  g_test_add_func ("/Wenda/Loader/v2/chapter-after-subsection", test_loader_v2_chapter_after_subsection);
  g_test_add_func ("/Wenda/Loader/v2/errors", test_loader_v2_errors);
  g_test_add_func ("/Wenda/Loader/v2/lenient", test_loader_v2_lenient);
  g_test_add_func ("/Wenda/Loader/v2/round-trip", test_loader_v2_round_trip);
  g_test_add_func ("/Wenda/Loader/v2/labels-only", test_loader_v2_labels_only);
  g_test_add_func ("/Wenda/Loader/v2/shared-sections", test_loader_v2_shared_sections);

  g_test_add_func ("/Wenda/Loader/file/kinds", test_loader_file_kinds);
  g_test_add_func ("/Wenda/Loader/file/errors", test_loader_file_errors);

  g_test_add_data_func ("/Wenda/Loader/robust/mutations", "valid.json", test_loader_mutations);
  g_test_add_data_func ("/Wenda/Loader/robust/mutations-v2", "banks/sections.json", test_loader_mutations);

  return g_test_run ();
}
