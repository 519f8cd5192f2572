/* test-import.c: importing a user's bank, leniently and off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "wenda-bank-loader.h"
#include "wenda-import.h"

#include "test-util.h"

/* Helpers {{{ */

static char *
import_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static char *
read_import_fixture (const char *name,
                     gsize      *length)
{
  g_autofree char *path = import_fixture_path (name);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

/* Imports @text, which must import; @report gets the report */
static WendaBank *
import_ok (const char          *text,
           gsize               length,
           const char         *filename,
           WendaImportFormat   format,
           WendaImportReport **report)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank;

  bank = wenda_import_parse (text, length, filename, format, "imp",
                             NULL, NULL, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  if (report != NULL)
    {
      g_assert_nonnull (*report);
      g_assert_cmpuint (wenda_import_report_get_n_items (*report), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (bank)));
    }

  return bank;
}

static WendaBank *
import_fixture_ok (const char         *name,
                   WendaImportReport **report)
{
  g_autofree char *text = NULL;
  gsize length;

  text = read_import_fixture (name, &length);
  return import_ok (text, length, name, WENDA_IMPORT_FORMAT_AUTO, report);
}

/* Imports @text, which must fail with @code, the message starting with
 * "@filename:@line:"; returns the report. */
static WendaImportReport *
import_fails (const char     *text,
              gsize           length,
              const char     *filename,
              WendaBankError  code,
              guint           line)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *prefix = g_strdup_printf ("%s:%u:", filename, line);
  WendaImportReport *report = NULL;
  const WendaImportProblem *last;

  bank = wenda_import_parse (text, length, filename, WENDA_IMPORT_FORMAT_AUTO, "imp",
                             NULL, NULL, NULL, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, (int)code);
  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);

  /* The report has the same problem, last */
  g_assert_nonnull (report);
  g_assert_cmpuint (wenda_import_report_get_n_items (report), ==, 0);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), >=, 1);
  last = wenda_import_report_get_problem (report, wenda_import_report_get_n_problems (report) - 1);
  g_assert_cmpuint (last->line, ==, line);
  g_assert_true (g_str_has_prefix (last->message, prefix));

  return report;
}

static void
assert_item (WendaBank  *bank,
             guint       position,
             const char *id,
             guint       number,
             const char *question,
             const char *answer,
             const char *explanation)
{
  g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), position);

  g_assert_nonnull (item);
  g_assert_cmpstr (wenda_qa_item_get_id (item), ==, id);
  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, number);
  if (question != NULL)
    g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
  if (answer != NULL)
    g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, answer);
  if (explanation != NULL)
    g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, explanation);
}

static void
assert_problem (const WendaImportReport *report,
                guint                    i,
                guint                    line,
                guint                    first_line,
                guint                    last_line,
                const char              *words)
{
  const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);
  g_autofree char *prefix = NULL;

  g_assert_nonnull (problem);
  prefix = g_strdup_printf ("%s:%u: ", wenda_import_report_get_filename (report), line);

  g_test_message ("problem %u: %s", i, problem->message);
  g_assert_cmpuint (problem->line, ==, line);
  g_assert_cmpuint (problem->first_line, ==, first_line);
  g_assert_cmpuint (problem->last_line, ==, last_line);
  g_assert_true (g_str_has_prefix (problem->message, prefix));
  g_assert_nonnull (strstr (problem->message, words));

  if (first_line == 0)
    g_assert_null (strstr (problem->message, "skipped"));
  else if (first_line == last_line)
    {
      g_autofree char *skipped = g_strdup_printf ("line %u skipped", first_line);
      g_assert_nonnull (strstr (problem->message, skipped));
    }
  else
    {
      g_autofree char *skipped = g_strdup_printf ("lines %u–%u skipped", first_line, last_line);
      g_assert_nonnull (strstr (problem->message, skipped));
    }
}

/* The two items of tests/fixtures/import/seed-format.md and its variants */
static void
assert_seed_format_items (WendaBank *bank,
                          gboolean   first_explained)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "格式测试");
  assert_item (bank, 0, "imp-001", 1, "什么是预训练（Pre-training）？",
               "预训练是在大规模语料上训练模型。",
               first_explained ? "预训练让模型学到通用的表示。" : "");
  assert_item (bank, 1, "imp-002", 2, "什么是微调？",
               "微调是在小数据集上继续训练。", "微调让模型适应具体任务。");
}

/* }}} */

/* Markdown variants {{{ */

static void
test_import_variant (gconstpointer data)
{
  const char *name = data;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = import_fixture_ok (name, &report);
  assert_seed_format_items (bank, !g_str_equal (name, "missing-explanation.md"));
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpstr (wenda_import_report_get_filename (report), ==, name);
}

/* The seed's format with CRLF line ends and a BOM, made here so that no
 * tool on the way can change the bytes */
static void
test_import_crlf_bom (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GString) text = g_string_new ("\xEF\xBB\xBF");
  g_autofree char *lf = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  lf = read_import_fixture ("seed-format.md", &length);
  lines = g_strsplit (lf, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_string_append (text, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append (text, "\r\n");
    }
  g_assert_nonnull (strstr (text->str, "\r\n\r\n"));

  bank = import_ok (text->str, text->len, "crlf.md", WENDA_IMPORT_FORMAT_MARKDOWN, &report);
  assert_seed_format_items (bank, TRUE);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
}

/* Text is kept byte for byte: no markup, entity or format is read */
static void
test_import_markup (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = import_fixture_ok ("markup.md", &report);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "标记 <b>不是</b> &amp; 标记");

  assert_item (bank, 0, "imp-001", 1,
               "<span size=\"99999999\">大</span> 是 <b>粗体</b> 吗？",
               "&amp; 和 &#0; 以及 &lt;i&gt; 都原样保留，%s%n%d%%。\n\n"
               "<span size=\"99999999\">巨大的文字</span>",
               "<b>未闭合 <i>标签 & 孤立的和号 %n%s");
  assert_item (bank, 1, "imp-002", 2,
               "格式串 %s%n 与实体 &#0;&amp;？",
               "<span foreground=\"red\">%1$s</span> &nbsp; \\n",
               "`<tt>代码</tt>` 与 <a href=\"x\">链接</a>");
}

/* }}} */

/* Lenient reading {{{ */

static void
test_import_lenient_markdown (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *text = NULL;

  bank = import_fixture_ok ("lenient.md", &report);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 3);
  assert_item (bank, 0, "imp-001", 1, "第一题？", "答案一。", "解析一。");
  assert_item (bank, 1, "imp-004", 4, "第四题？", "答案四。", "");
  assert_item (bank, 2, "imp-006", 6, "第六题？", "答案六。", "");

  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 6);
  assert_problem (report, 0, 3, 3, 4, "before the first question");
  assert_problem (report, 1, 16, 16, 18, "question 2 has no answer");
  assert_problem (report, 2, 26, 20, 28, "second “答案”");
  assert_problem (report, 3, 34, 34, 36, "on line 6 and on line 34");
  assert_problem (report, 4, 38, 38, 40, "question 5 has no text");
  assert_problem (report, 5, 44, 44, 44, "outside any question");

  text = wenda_import_report_to_text (report);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "lenient.md: 3 questions read.\n6 problems:\n"));
  g_assert_nonnull (strstr (text, "\nline 16: question 2 has no answer"));
  g_assert_nonnull (strstr (text, "; lines 20–28 skipped\n"));
  g_assert_true (g_str_has_suffix (text, "; line 44 skipped"));
}

/* A skipped question's number is free again, and an unnumbered question
 * after it still counts from it. */
static void
test_import_lenient_numbers (void)
{
  const char *text =
    "#### 题目 1：一？\n"          /* 1 */
    "\n"
    "**答案：** 一。\n"            /* 3 */
    "\n"
    "#### 题目 2：没有答案？\n"    /* 5 */
    "\n"
    "#### 题目：三？\n"            /* 7: number 3 */
    "\n"
    "答案：三。\n"                 /* 9 */
    "\n"
    "#### 题目 2：二？\n"          /* 11 */
    "答案：二。\n"                 /* 12 */
    "#### 题目 3：又一个三？\n"    /* 13 */
    "答案：重复。\n";              /* 14 */
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = import_ok (text, strlen (text), "numbers.md", WENDA_IMPORT_FORMAT_AUTO, &report);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 3);
  assert_item (bank, 0, "imp-001", 1, "一？", "一。", "");
  assert_item (bank, 1, "imp-003", 3, "三？", "三。", "");
  assert_item (bank, 2, "imp-002", 2, "二？", "二。", "");

  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 2);
  assert_problem (report, 0, 5, 5, 5, "question 2 has no answer");
  assert_problem (report, 1, 13, 13, 14, "on line 7 and on line 13");
}

static void
test_import_lenient_json (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = import_fixture_ok ("lenient.json", &report);

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "JSON 导入");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  assert_item (bank, 0, "imp-001", 1, "第一题？", "答案一。", "");
  assert_item (bank, 1, "imp-005", 5, "第五题？", "答案五。", "");

  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 4);
  assert_problem (report, 0, 13, 13, 18, "must be an integer");
  assert_problem (report, 1, 19, 19, 23, "has no “answer”");
  assert_problem (report, 2, 24, 24, 29, "on line 6 and on line 24");
  assert_problem (report, 3, 30, 30, 30, "must be an object");
}

static void
test_import_json_syntax (void)
{
  const char *text = "{\n  \"format\": \"wenda-bank\",\n  \"items\": [\n    {\"number\": 1,,}\n  ]\n}\n";
  g_autoptr(WendaImportReport) report = NULL;

  report = import_fails (text, strlen (text), "syntax.json", WENDA_BANK_ERROR_SYNTAX, 4);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
}

/* }}} */

/* Files that cannot be read {{{ */

static void
test_import_invalid_utf8 (void)
{
  const char *text = "#### 题目 1：一？\n\n**答案：** 一。\n\n#### 题目 2：\xC0\xAF？\n";
  g_autoptr(WendaImportReport) report = NULL;

  report = import_fails (text, strlen (text), "latin1.md", WENDA_BANK_ERROR_INVALID_UTF8, 5);
  g_assert_nonnull (strstr (wenda_import_report_get_problem (report, 0)->message, "UTF-8"));
}

/* Text in another encoding is not "binary": it gets the UTF-8 message */
static void
test_import_gbk (void)
{
  /* "题目 1：" and more in GBK */
  const char *text = "#### \xCC\xE2\xC4\xBF 1\xA3\xBA\xD2\xBB\xA3\xBF\n\n**\xB4\xF0\xB0\xB8\xA3\xBA**\n";
  g_autoptr(WendaImportReport) report = NULL;

  report = import_fails (text, strlen (text), "gbk.md", WENDA_BANK_ERROR_INVALID_UTF8, 1);
}

static void
test_import_empty (void)
{
  g_autoptr(WendaImportReport) empty = NULL;
  g_autoptr(WendaImportReport) blank = NULL;
  g_autoptr(WendaImportReport) bom = NULL;

  empty = import_fails ("", 0, "empty.md", WENDA_BANK_ERROR_EMPTY, 1);
  blank = import_fails (" \n\r\n\t\n", 6, "blank.json", WENDA_BANK_ERROR_EMPTY, 1);
  bom = import_fails ("\xEF\xBB\xBF\n", 4, "bom.md", WENDA_BANK_ERROR_EMPTY, 1);
  g_assert_cmpstr (wenda_import_report_get_problem (empty, 0)->message, ==,
                   "empty.md:1: the file is empty");
  g_assert_cmpstr (wenda_import_report_get_problem (blank, 0)->message, ==,
                   "blank.json:1: the file is empty");
  g_assert_cmpstr (wenda_import_report_get_problem (bom, 0)->message, ==,
                   "bom.md:1: the file is empty");
}

static void
test_import_binary (void)
{
  /* The start of a PNG */
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  g_autoptr(GByteArray) noise = g_byte_array_new ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaImportReport) noise_report = NULL;
  g_autoptr(WendaImportReport) nul_report = NULL;
  static const char nul_text[] = "#### 题目 1：一？\n\n**答案：** 一。\n\n\0\n";

  report = import_fails (png, sizeof png - 1, "picture.md", WENDA_BANK_ERROR_NOT_TEXT, 1);
  g_assert_nonnull (strstr (wenda_import_report_get_problem (report, 0)->message,
                            "not a text file"));

  /* Control characters without a NUL */
  for (guint i = 0; i < 4096; i++)
    {
      guint8 byte = (i * 7919) % 255 + 1;
      g_byte_array_append (noise, &byte, 1);
    }
  noise_report = import_fails ((const char *)noise->data, noise->len, "noise",
                               WENDA_BANK_ERROR_NOT_TEXT, 1);

  /* A NUL byte in a text file: its line */
  nul_report = import_fails (nul_text, sizeof nul_text - 1, "nul.md", WENDA_BANK_ERROR_NOT_TEXT, 5);
}

static void
test_import_utf16 (void)
{
  static const char text[] = "\xFF\xFE#\0#\0 \0";
  g_autoptr(WendaImportReport) report = NULL;

  report = import_fails (text, sizeof text - 1, "utf16.md", WENDA_BANK_ERROR_INVALID_UTF8, 1);
  g_assert_nonnull (strstr (wenda_import_report_get_problem (report, 0)->message, "UTF-16"));
}

static void
test_import_no_items (void)
{
  g_autofree char *text = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaImportReport) all_bad = NULL;
  const char *bad = "#### 题目 1：一？\n\n#### 题目 2：二？\n\n答案：\n";
  gsize length;

  text = read_import_fixture ("no-items.md", &length);
  report = import_fails (text, length, "no-items.md", WENDA_BANK_ERROR_EMPTY, 1);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);

  /* Every question has a problem: each is reported, then the failure */
  all_bad = import_fails (bad, strlen (bad), "bad.md", WENDA_BANK_ERROR_EMPTY, 1);
  g_assert_cmpuint (wenda_import_report_get_n_problems (all_bad), ==, 3);
  assert_problem (all_bad, 0, 1, 1, 1, "question 1 has no answer");
  assert_problem (all_bad, 1, 5, 3, 5, "the answer to question 2 is empty");
  assert_problem (all_bad, 2, 1, 0, 0, "no question could be read");
}

static void
test_import_too_large (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  /* The length alone is refused: the bytes after the first are never
   * read (this buffer has one) */
  bank = wenda_import_parse ("#", (gsize)WENDA_IMPORT_MAX_SIZE + 1, "huge.md",
                             WENDA_IMPORT_FORMAT_AUTO, "imp", NULL, NULL, NULL,
                             &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (error->message, "huge.md:1: "));
  g_assert_nonnull (strstr (error->message, "too large"));
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
}

/* }}} */

/* Formats and ids {{{ */

static void
test_import_format_detection (void)
{
  const char *json = "{\"format\": \"wenda-bank\", \"version\": 1, \"title\": \"J\", \"items\": "
                     "[{\"id\": \"x\", \"number\": 7, \"question\": \"Q\", \"answer\": \"A\"}]}";
  const char *markdown = "#### 题目 7：Q\n\n答案：A\n";
  const struct
  {
    const char        *text;
    const char        *filename;
    WendaImportFormat  format;
    gboolean           ok;
  } cases[] = {
    { json, "bank.json", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { json, "BANK.JSON", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { json, "bank", WENDA_IMPORT_FORMAT_AUTO, TRUE },            /* by content */
    { json, "bank.md", WENDA_IMPORT_FORMAT_AUTO, FALSE },        /* by name: Markdown */
    { json, "bank.md", WENDA_IMPORT_FORMAT_JSON, TRUE },         /* as told */
    { markdown, "bank.md", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { markdown, "bank.Markdown", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { markdown, "bank.txt", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { markdown, "bank", WENDA_IMPORT_FORMAT_AUTO, TRUE },
    { markdown, "bank.json", WENDA_IMPORT_FORMAT_AUTO, FALSE },
    { markdown, "bank.json", WENDA_IMPORT_FORMAT_MARKDOWN, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = NULL;

      g_test_message ("case %u: %s", i, cases[i].filename);
      bank = wenda_import_parse (cases[i].text, strlen (cases[i].text), cases[i].filename,
                                 cases[i].format, "fmt", NULL, NULL, NULL, NULL, &error);
      if (!cases[i].ok)
        {
          WendaBankError code = cases[i].text == json ? WENDA_BANK_ERROR_EMPTY
                                                      : WENDA_BANK_ERROR_STRUCTURE;

          g_assert_null (bank);
          g_assert_error (error, WENDA_BANK_ERROR, (int)code);
          continue;
        }

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 1);
      assert_item (bank, 0, "fmt-007", 7, "Q", "A", "");
    }
}

/* Ids come from the numbers, at least three digits, the same each time */
static void
test_import_ids (void)
{
  const char *text = "#### 题目 1：a\n答案：a\n#### 题目 42：b\n答案：b\n"
                     "#### 题目 1234：c\n答案：c\n#### 题目：d\n答案：d\n";
  g_autoptr(WendaBank) first = NULL;
  g_autoptr(WendaBank) again = NULL;

  first = import_ok (text, strlen (text), "ids.md", WENDA_IMPORT_FORMAT_AUTO, NULL);
  assert_item (first, 0, "imp-001", 1, NULL, NULL, NULL);
  assert_item (first, 1, "imp-042", 42, NULL, NULL, NULL);
  assert_item (first, 2, "imp-1234", 1234, NULL, NULL, NULL);
  assert_item (first, 3, "imp-1235", 1235, NULL, NULL, NULL);

  again = import_ok (text, strlen (text), "ids.md", WENDA_IMPORT_FORMAT_AUTO, NULL);
  unit_assert_same_items (first, again);
}

/* The bundled bank's Markdown source imports to the bundled bank's items */
static void
test_import_bundled_source (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) imported = NULL;
  g_autoptr(WendaBank) bundled = NULL;
  g_autofree char *text = NULL;
  gsize length;
  guint n;

  text = unit_read_seed (&length);
  imported = import_ok (text, length, UNIT_SEED_FILE, WENDA_IMPORT_FORMAT_AUTO, &report);
  bundled = unit_load_bundled ();

  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
  n = g_list_model_get_n_items (G_LIST_MODEL (bundled));
  g_assert_cmpuint (n, ==, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (imported)), ==, n);
  g_assert_cmpstr (wenda_bank_get_title (imported), ==, wenda_bank_get_title (bundled));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) a = g_list_model_get_item (G_LIST_MODEL (imported), i);
      g_autoptr(WendaQaItem) b = g_list_model_get_item (G_LIST_MODEL (bundled), i);
      g_autofree char *id = g_strdup_printf ("imp-%03u", wenda_qa_item_get_number (b));

      g_assert_cmpuint (wenda_qa_item_get_number (a), ==, wenda_qa_item_get_number (b));
      g_assert_cmpstr (wenda_qa_item_get_id (a), ==, id);
      g_assert_cmpstr (wenda_qa_item_get_question (a), ==, wenda_qa_item_get_question (b));
      g_assert_cmpstr (wenda_qa_item_get_answer (a), ==, wenda_qa_item_get_answer (b));
      g_assert_cmpstr (wenda_qa_item_get_explanation (a), ==, wenda_qa_item_get_explanation (b));
    }
}

/* }}} */

/* Progress and cancellation {{{ */

/* Large enough for several progress calls (one every 4096 lines), small
 * enough for the sanitizer build (~2 MB) */
#define LARGE_BANK_SIZE 12000

/* A bank of @n items in the seed's format */
static char *
make_large_bank (guint  n,
                 gsize *length)
{
  GString *text = g_string_new ("# 大题库\n\n");

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (text,
                            "#### 题目 %u：什么是第 %u 个概念（Concept %u）？\n\n"
                            "**答案：**\n\n它是一个用来测试 import 速度的 answer，带有中文和 English。\n\n"
                            "#### 解析：\n\n解析 %u：the explanation of the concept.\n\n",
                            i, i, i, i);

  *length = text->len;
  return g_string_free (text, FALSE);
}

typedef struct
{
  GCancellable *cancellable;
  GMainContext *context;      /* where the calls must come; NULL: any */
  double        last;
  guint         calls;
  guint         cancel_at;    /* 0: never */
  gint64        first_time;
  gint64        last_time;
  gboolean      destroyed;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;
  gint64 now = g_get_monotonic_time ();

  g_assert_false (progress->destroyed);
  if (progress->context != NULL)
    g_assert_true (g_main_context_is_owner (progress->context));
  g_assert_cmpfloat (fraction, >, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);

  /* At most ~20 a second (1.0 may come early).  Calls sent to a main
   * context may arrive closer together than they were sent. */
  if (progress->context == NULL && progress->calls > 0 && fraction < 1.0)
    g_assert_cmpint (now - progress->last_time, >=, G_USEC_PER_SEC / 20 - 1000);

  if (progress->calls == 0)
    progress->first_time = now;
  progress->last_time = now;
  progress->last = fraction;
  progress->calls++;

  if (progress->calls == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_import_progress (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Progress progress = { 0, };
  gsize length;

  text = make_large_bank (LARGE_BANK_SIZE, &length);
  bank = wenda_import_parse (text, length, "large.md", WENDA_IMPORT_FORMAT_AUTO, "big",
                             NULL, on_progress, &progress, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, LARGE_BANK_SIZE);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_test_message ("%u progress calls", progress.calls);
  assert_item (bank, LARGE_BANK_SIZE - 1, "big-12000", LARGE_BANK_SIZE,
               "什么是第 12000 个概念（Concept 12000）？", NULL, NULL);
}

static void
test_import_cancel_before (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "#### 题目 1：一？\n答案：一。\n";

  g_cancellable_cancel (cancellable);
  bank = wenda_import_parse (text, strlen (text), "x.md", WENDA_IMPORT_FORMAT_AUTO, "imp",
                             cancellable, NULL, NULL, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
}

static void
test_import_cancel_during (gconstpointer data)
{
  const char *filename = data;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Progress progress = { 0, };
  gsize length;

  /* JSON goes through json-glib, which is slow under the sanitizers */
  text = make_large_bank (g_str_has_suffix (filename, ".json") ? LARGE_BANK_SIZE / 4 : LARGE_BANK_SIZE,
                          &length);
  if (g_str_has_suffix (filename, ".json"))
    {
      g_autoptr(WendaBank) source = import_ok (text, length, "x.md", WENDA_IMPORT_FORMAT_AUTO, NULL);

      g_free (text);
      text = wenda_bank_to_json (source, NULL);
      length = strlen (text);
    }

  progress.cancellable = cancellable;
  progress.cancel_at = 1;
  bank = wenda_import_parse (text, length, filename, WENDA_IMPORT_FORMAT_AUTO, "imp",
                             cancellable, on_progress, &progress, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 1);
  g_assert_cmpfloat (progress.last, <, 1.0);
}

/* }}} */

/* Importing a file {{{ */

typedef struct
{
  GMainLoop          *loop;
  WendaBank          *bank;
  WendaImportReport  *report;
  GError             *error;
  Progress           *progress;
} AsyncResult;

static void
async_result_clear (AsyncResult *self)
{
  g_clear_pointer (&self->loop, g_main_loop_unref);
  g_clear_object (&self->bank);
  g_clear_pointer (&self->report, wenda_import_report_free);
  g_clear_error (&self->error);
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AsyncResult *self = user_data;

  /* The progress data went first */
  if (self->progress != NULL)
    g_assert_true (self->progress->destroyed);

  self->bank = wenda_import_file_finish (result, &self->report, &self->error);
  g_main_loop_quit (self->loop);
}

static void
on_progress_destroy (gpointer data)
{
  Progress *progress = data;

  g_assert_false (progress->destroyed);
  progress->destroyed = TRUE;
}

static void
import_file (GFile             *file,
             GCancellable      *cancellable,
             Progress          *progress,
             AsyncResult       *result)
{
  result->loop = g_main_loop_new (NULL, FALSE);
  result->progress = progress;
  if (progress != NULL)
    progress->context = g_main_context_default ();

  wenda_import_file_async (file, WENDA_IMPORT_FORMAT_AUTO, "file", cancellable,
                           progress ? on_progress : NULL, progress,
                           progress ? on_progress_destroy : NULL,
                           on_imported, result);
  g_main_loop_run (result->loop);
}

static void
test_import_file_async (void)
{
  g_autofree char *path = import_fixture_path ("lenient.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult result = { 0, };
  Progress progress = { 0, };

  import_file (file, NULL, &progress, &result);

  g_assert_no_error (result.error);
  g_assert_nonnull (result.bank);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (result.bank)), ==, 3);
  assert_item (result.bank, 2, "file-006", 6, "第六题？", "答案六。", "");
  g_assert_nonnull (result.report);
  g_assert_cmpstr (wenda_import_report_get_filename (result.report), ==, "lenient.md");
  g_assert_cmpuint (wenda_import_report_get_n_problems (result.report), ==, 6);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_true (progress.destroyed);

  async_result_clear (&result);
}

static void
test_import_file_large_async (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wenda-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  AsyncResult result = { 0, };
  Progress progress = { 0, };
  gsize length;

  text = make_large_bank (LARGE_BANK_SIZE, &length);
  g_file_set_contents (path, text, length, &error);
  g_assert_no_error (error);

  /* Cancelled from the progress function, in this thread */
  progress.cancellable = cancellable;
  progress.cancel_at = 1;
  import_file (file, cancellable, &progress, &result);

  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result.bank);
  g_assert_cmpuint (progress.calls, >=, 1);
  g_assert_cmpfloat (progress.last, <, 1.0);
  g_assert_true (progress.destroyed);
  async_result_clear (&result);

  /* And to the end, with progress in order */
  memset (&progress, 0, sizeof progress);
  import_file (file, NULL, &progress, &result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (result.bank)), ==, LARGE_BANK_SIZE);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_test_message ("%u progress calls", progress.calls);
  async_result_clear (&result);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_import_file_cancel_before (void)
{
  g_autofree char *path = import_fixture_path ("lenient.md");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncResult result = { 0, };
  Progress progress = { 0, };

  g_cancellable_cancel (cancellable);
  import_file (file, cancellable, &progress, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, ==, 0);
  g_assert_true (progress.destroyed);
  async_result_clear (&result);
}

/* A 1 GB sparse file is refused from its size, at once */
static void
test_import_file_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("wenda-import-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.md", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AsyncResult result = { 0, };
  gint64 start;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t)1 << 30), ==, 0);
  g_assert_cmpint (close (fd), ==, 0);

  start = g_get_monotonic_time ();
  import_file (file, NULL, NULL, &result);
  g_test_message ("refused in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC / 2);

  g_assert_error (result.error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_TOO_LARGE);
  g_assert_true (g_str_has_prefix (result.error->message, "huge.md:1: "));
  g_assert_nonnull (result.report);
  g_assert_cmpuint (wenda_import_report_get_n_problems (result.report), ==, 1);
  async_result_clear (&result);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_import_file_missing (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/wenda/bank.md");
  AsyncResult result = { 0, };

  import_file (file, NULL, NULL, &result);
  g_assert_error (result.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (result.report);
  g_assert_cmpuint (wenda_import_report_get_n_problems (result.report), ==, 1);
  g_assert_cmpuint (wenda_import_report_get_problem (result.report, 0)->line, ==, 0);
  async_result_clear (&result);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  static const char * const variants[] = {
    "seed-format.md",
    "half-width-colon.md",
    "heading-levels.md",
    "plain-answer.md",
    "missing-explanation.md",
    "blank-lines.md",
    "unnumbered.md",
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Wenda/Import/markdown/%s", variants[i]);

      g_test_add_data_func (path, variants[i], test_import_variant);
    }
  g_test_add_func ("/Wenda/Import/markdown/crlf-bom", test_import_crlf_bom);
  g_test_add_func ("/Wenda/Import/markdown/markup", test_import_markup);

  g_test_add_func ("/Wenda/Import/lenient/markdown", test_import_lenient_markdown);
  g_test_add_func ("/Wenda/Import/lenient/numbers", test_import_lenient_numbers);
  g_test_add_func ("/Wenda/Import/lenient/json", test_import_lenient_json);

  g_test_add_func ("/Wenda/Import/fatal/json-syntax", test_import_json_syntax);
  g_test_add_func ("/Wenda/Import/fatal/invalid-utf8", test_import_invalid_utf8);
  g_test_add_func ("/Wenda/Import/fatal/gbk", test_import_gbk);
  g_test_add_func ("/Wenda/Import/fatal/empty", test_import_empty);
  g_test_add_func ("/Wenda/Import/fatal/binary", test_import_binary);
  g_test_add_func ("/Wenda/Import/fatal/utf16", test_import_utf16);
  g_test_add_func ("/Wenda/Import/fatal/no-items", test_import_no_items);
  g_test_add_func ("/Wenda/Import/fatal/too-large", test_import_too_large);

  g_test_add_func ("/Wenda/Import/format/detection", test_import_format_detection);
  g_test_add_func ("/Wenda/Import/ids/stable", test_import_ids);
  g_test_add_func ("/Wenda/Import/content/bundled-source", test_import_bundled_source);

  g_test_add_func ("/Wenda/Import/progress/monotonic", test_import_progress);
  g_test_add_func ("/Wenda/Import/cancel/before", test_import_cancel_before);
  g_test_add_data_func ("/Wenda/Import/cancel/during-markdown", "large.md", test_import_cancel_during);
  g_test_add_data_func ("/Wenda/Import/cancel/during-json", "large.json", test_import_cancel_during);

  g_test_add_func ("/Wenda/Import/file/async", test_import_file_async);
  g_test_add_func ("/Wenda/Import/file/large-async", test_import_file_large_async);
  g_test_add_func ("/Wenda/Import/file/cancel-before", test_import_file_cancel_before);
  g_test_add_func ("/Wenda/Import/file/too-large", test_import_file_too_large);
  g_test_add_func ("/Wenda/Import/file/missing", test_import_file_missing);

  return g_test_run ();
}
