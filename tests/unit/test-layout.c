/* test-layout.c: the question layouts of the field's Markdown banks, the
 * md4c block layer under them, and the plain text search reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-loader.h"
#include "wenda-import.h"
#include "wenda-layout-private.h"
#include "wenda-md-blocks-private.h"

#include "test-util.h"

/* Helpers {{{ */

static char *
read_layout_fixture (const char *name,
                     gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "layouts", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static WendaBank *
import_text (const char                *text,
             gsize                      length,
             const char                *name,
             const WendaImportOptions  *options,
             WendaImportReport        **report)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank;

  bank = wenda_import_parse_full (text, length, name, WENDA_IMPORT_FORMAT_MARKDOWN, options,
                                  "bk", NULL, NULL, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);

  return bank;
}

static WendaBank *
import_fixture (const char         *name,
                WendaImportReport **report)
{
  g_autofree char *text = NULL;
  gsize length;

  text = read_layout_fixture (name, &length);
  return import_text (text, length, name, NULL, report);
}

static void
assert_item (WendaBank  *bank,
             guint       i,
             const char *label,
             const char *section_path,
             const char *question)
{
  WendaQaItem *item = unit_item_at (bank, i);
  WendaSection *section = wenda_qa_item_get_section (item);
  g_autofree char *path = section != NULL ? wenda_section_dup_path (section, WENDA_LANGUAGE_ZH) : NULL;

  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
  g_assert_cmpstr (wenda_qa_item_get_label (item), ==, label);
  g_assert_cmpstr (path, ==, section_path);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
}

static guint
n_items (WendaBank *bank)
{
  return g_list_model_get_n_items (G_LIST_MODEL (bank));
}

/* }}} */

/* Titles and markers {{{ */

static void
test_title_numbers (void)
{
  static const struct {
    const char *text;
    const char *label;   /* NULL: not numbered */
    const char *rest;
    gboolean    asks;
  } cases[] = {
    { "1.1 什么是过拟合？", "1.1", "什么是过拟合？", TRUE },
    { "1.1.3 What is X?", "1.1.3", "What is X?", TRUE },
    { "12. What is attention?", "12", "What is attention?", TRUE },
    { "题目 4：什么是 DPO？", "4", "什么是 DPO？", TRUE },
    { "面试题 3：什么是 RLHF？", "3", "什么是 RLHF？", TRUE },
    { "题目 1.1：什么是 SFT？", "1.1", "什么是 SFT？", TRUE },
    { "题目 5. 温度", "5", "温度", FALSE },
    { "题目 6 Top-p 采样", "6", "Top-p 采样", FALSE },
    { "**1.1 什么是偏差？**", "1.1", "什么是偏差？", TRUE },
    { "Q3. What is a tree?", "3", "What is a tree?", TRUE },
    { "(2) 为什么？", "2", "为什么？", TRUE },
    { "一、基础", "一", "基础", FALSE },
    { "2021年的新模型", NULL, "2021年的新模型", FALSE },
    { "3D 卷积是什么", NULL, "3D 卷积是什么", FALSE },
    { "Quick question?", NULL, "Quick question?", TRUE },
    { "第 3 题：梯度", "3", "梯度", FALSE },
    { "题目：没有编号？", NULL, "没有编号？", TRUE },
    { "", NULL, "", FALSE },
    { "1.", "1", "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      WendaTitle title;
      g_autofree char *label = NULL;
      g_autofree char *rest = NULL;

      wenda_title_parse (cases[i].text, strlen (cases[i].text), &title);
      if (title.numbered)
        label = g_strndup (title.label, title.label_len);
      rest = g_strndup (title.rest, title.rest_len);

      if (g_strcmp0 (label, cases[i].label) != 0 || g_strcmp0 (rest, cases[i].rest) != 0 ||
          title.asks != cases[i].asks)
        g_error ("“%s”: label “%s”, rest “%s”, asks %d", cases[i].text, label, rest, title.asks);
    }
}

static void
test_markers (void)
{
  static const struct {
    const char  *text;
    gboolean     whole;
    WendaMarker  marker;
    const char  *rest;
  } cases[] = {
    { "问：什么是梯度消失？", FALSE, WENDA_MARKER_QUESTION, "什么是梯度消失？" },
    { "答：逐层变小", FALSE, WENDA_MARKER_ANSWER, "逐层变小" },
    { "**问题：** 如何缓解？", FALSE, WENDA_MARKER_QUESTION, "如何缓解？" },
    { "**答案：**使用 ReLU", FALSE, WENDA_MARKER_ANSWER, "使用 ReLU" },
    { "**答案**：使用 ReLU", FALSE, WENDA_MARKER_ANSWER, "使用 ReLU" },
    { "问题:什么是 Dropout?", FALSE, WENDA_MARKER_QUESTION, "什么是 Dropout?" },
    { "Q: What is weight decay?", FALSE, WENDA_MARKER_QUESTION, "What is weight decay?" },
    { "A: An L2 penalty", FALSE, WENDA_MARKER_ANSWER, "An L2 penalty" },
    { "**Question:** What?", FALSE, WENDA_MARKER_QUESTION, "What?" },
    { "answer: lower case", FALSE, WENDA_MARKER_ANSWER, "lower case" },
    { "Explanation: it is", FALSE, WENDA_MARKER_EXPLANATION, "it is" },
    { "解释：因为", FALSE, WENDA_MARKER_EXPLANATION, "因为" },
    { "解析：**", TRUE, WENDA_MARKER_EXPLANATION, "" },
    { "答案", TRUE, WENDA_MARKER_ANSWER, "" },
    { "Answer", TRUE, WENDA_MARKER_ANSWER, "" },
    /* Not markers */
    { "a: not a marker", FALSE, WENDA_MARKER_NONE, NULL },
    { "Answers are below", FALSE, WENDA_MARKER_NONE, NULL },
    { "问题 1：什么是", FALSE, WENDA_MARKER_NONE, NULL },
    { "答案见各章节", FALSE, WENDA_MARKER_NONE, NULL },
    { "答案在这里", TRUE, WENDA_MARKER_NONE, NULL },
    { "A", TRUE, WENDA_MARKER_NONE, NULL },
    { "Quality: high", FALSE, WENDA_MARKER_NONE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize rest = 0;
      WendaMarker marker = wenda_marker_parse (cases[i].text, strlen (cases[i].text),
                                               cases[i].whole, &rest);

      if (marker != cases[i].marker)
        g_error ("“%s”: marker %d, not %d", cases[i].text, marker, cases[i].marker);
      if (cases[i].rest != NULL)
        g_assert_cmpstr (cases[i].text + rest, ==, cases[i].rest);
    }
}

/* }}} */

/* The md4c block layer {{{ */

static void
test_blocks_offsets (void)
{
  static const char text[] =
    "# Title\r\n"              /* line 1 */
    "\r\n"
    "Para one\r\n"             /* 3 */
    "still one\r\n"
    "\r\n"
    "```python\r\n"            /* 6: the fence is the block's start */
    "x = 1\r\n"
    "```\r\n"
    "Setext\r\n"               /* 9 */
    "------\r\n"
    "- item **one**\r\n"       /* 11 */
    "- item two\r\n"
    "  1. nested\r\n"
    "\r\n"
    "---\r\n"                  /* a break: part of the list */
    "<details>\r\n";           /* 16 */
  g_autoptr(WendaMdDoc) doc = wenda_md_doc_parse (text, strlen (text));
  static const struct { WendaMdChunkKind kind; guint level; guint line; } expected[] = {
    { WENDA_MD_CHUNK_HEADING, 1, 1 },
    { WENDA_MD_CHUNK_PARAGRAPH, 0, 3 },
    { WENDA_MD_CHUNK_CODE, 0, 6 },
    { WENDA_MD_CHUNK_HEADING, 2, 9 },
    { WENDA_MD_CHUNK_LIST, 0, 11 },
    { WENDA_MD_CHUNK_HTML, 0, 16 },
  };
  const WendaMdChunk *list, *setext;
  const WendaMdItem *item;
  gsize len;
  const char *plain;

  g_assert_cmpuint (doc->blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);

      g_assert_cmpint (block->kind, ==, expected[i].kind);
      g_assert_cmpuint (block->level, ==, expected[i].level);
      g_assert_cmpuint (block->line, ==, expected[i].line);
      /* Every byte is in one block: each ends where the next starts */
      if (i + 1 < G_N_ELEMENTS (expected))
        g_assert_cmpuint (block->end, ==, g_array_index (doc->blocks, WendaMdChunk, i + 1).start);
      else
        g_assert_cmpuint (block->end, ==, strlen (text));
    }

  g_assert_true (g_array_index (doc->blocks, WendaMdChunk, 2).fenced);
  g_assert_true (g_str_has_prefix (text + g_array_index (doc->blocks, WendaMdChunk, 2).start, "```python"));

  /* A setext heading's underline is its own */
  setext = &g_array_index (doc->blocks, WendaMdChunk, 3);
  g_assert_cmpuint (setext->head_end, ==, setext->end);
  plain = wenda_md_doc_plain (doc, setext->plain, setext->plain_len, &len);
  g_assert_cmpmem (plain, len, "Setext", 6);

  /* A list's items, with the plain text before their inner blocks */
  list = &g_array_index (doc->blocks, WendaMdChunk, 4);
  g_assert_cmpuint (list->n_items, ==, 2);
  item = &g_array_index (doc->items, WendaMdItem, list->first_item + 1);
  g_assert_cmpuint (item->line, ==, 12);
  plain = wenda_md_doc_plain (doc, item->plain, item->plain_len, &len);
  g_assert_cmpmem (plain, len, "item two", 8);
  item = &g_array_index (doc->items, WendaMdItem, list->first_item);
  plain = wenda_md_doc_plain (doc, item->plain, item->plain_len, &len);
  g_assert_cmpmem (plain, len, "item one", 8);

  g_assert_cmpuint (wenda_md_doc_line_at (doc, 0), ==, 1);
  g_assert_cmpuint (wenda_md_doc_line_at (doc, strlen (text) - 1), ==, 16);
  g_assert_cmpuint (wenda_md_doc_line_at (doc, strlen (text)), ==, 17);
}

static void
test_blocks_empty (void)
{
  g_autoptr(WendaMdDoc) empty = wenda_md_doc_parse ("", 0);
  g_autoptr(WendaMdDoc) blank = wenda_md_doc_parse ("\n\n  \n---\n", 8);

  g_assert_cmpuint (empty->blocks->len, ==, 0);
  /* A thematic break has no text: no block of its own */
  g_assert_cmpuint (blank->blocks->len, ==, 0);
}

static void
test_plain_text (void)
{
  static const struct { const char *markdown; const char *plain; } cases[] = {
    { "**粗体**与*斜体*", "粗体与斜体\n" },
    { "see [the gradient](https://example.com/gradient) now", "see the gradient now\n" },
    { "a bare https://example.com/gradient link", "a bare  link\n" },
    { "![softmax curve](images/softmax.png)", "softmax curve\n" },
    { "`x = 1` and $a^2$", "x = 1 and a^2\n" },
    { "<b>html</b> tags &amp; entities &#x4E2D;", "html tags & entities 中\n" },
    { "```python\nprint(1)\n```\n", "print(1)\n" },
    { "| a | b |\n|---|---|\n| 1 | 2 |\n", "a b \n1 2 \n" },
    { "no marks at all", "no marks at all" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *plain = wenda_markdown_to_plain (cases[i].markdown, -1);

      g_assert_cmpstr (plain, ==, cases[i].plain);
    }
}

/* Search reads the plain text: a URL or "**" finds nothing */
static void
test_plain_search (void)
{
  g_autoptr(WendaQaItem) item = wenda_qa_item_new ("x-1", 1, "什么是**梯度**？",
                                                   "见 [这里](https://example.com/gradient)。",
                                                   "");
  const char *text = wenda_qa_item_get_search_text (item);

  g_assert_nonnull (strstr (text, "梯度"));
  g_assert_null (strstr (text, "gradient"));
  g_assert_null (strstr (text, "**"));
  g_assert_nonnull (strstr (text, "这里"));
}

/* }}} */

/* The layouts {{{ */

static void
test_headings_h4 (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("headings-h4.md", &report);
  WendaQaItem *item;

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_HEADINGS);
  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 4);
  g_assert_cmpuint (n_items (bank), ==, 5);
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 2);
  g_assert_cmpuint (wenda_import_report_get_n_sections (report), ==, 2);
  /* The preamble (badges, description, [TOC]) is no question and no problem */
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "深度学习面试笔记");
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);

  assert_item (bank, 0, "1.1", "1. 理论篇", "什么是过拟合？");
  assert_item (bank, 3, "2.1", "2. 实践篇", "如何在 PyTorch 中冻结部分参数？");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 0)), ==, "bk-1.1");

  /* A sub-heading stays in the answer, as a heading */
  item = unit_item_at (bank, 0);
  g_assert_nonnull (strstr (wenda_qa_item_get_answer (item), "##### 常见原因\n\n- 模型容量过大"));

  /* Math and code are kept as written */
  item = unit_item_at (bank, 1);
  g_assert_nonnull (strstr (wenda_qa_item_get_answer (item), "$$\nL = L_0 + \\lambda \\sum_i w_i^2\n$$"));
  item = unit_item_at (bank, 3);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==,
                   "```python\nfor p in model.backbone.parameters():\n    p.requires_grad = False\n```");

  /* Markers split the answer and the explanation */
  item = unit_item_at (bank, 2);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "对每一层的输入做标准化，使训练更稳定。");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "它减少了内部协变量偏移，允许更大的学习率。");

  /* A table ends the last answer */
  item = unit_item_at (bank, 4);
  g_assert_true (g_str_has_suffix (wenda_qa_item_get_answer (item), "| 1e-4 | 收敛慢 |"));
}

static void
test_headings_chapters (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("headings-chapters.md", &report);
  GPtrArray *sections = wenda_bank_get_sections (bank);
  WendaSection *section;

  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 3);
  g_assert_cmpuint (n_items (bank), ==, 5);
  /* Two chapters are two sections, not a title */
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "");
  g_assert_cmpuint (sections->len, ==, 5);

  section = g_ptr_array_index (sections, 0);
  g_assert_cmpstr (wenda_section_get_title (section), ==, "第一章 数学基础");
  g_assert_null (wenda_section_get_parent (section));
  section = g_ptr_array_index (sections, 1);
  g_assert_cmpstr (wenda_section_get_title (section), ==, "1.1 向量");
  g_assert_cmpuint (wenda_section_get_depth (section), ==, 2);
  g_assert_true (wenda_section_contains (g_ptr_array_index (sections, 0), section));
  g_assert_false (wenda_section_contains (g_ptr_array_index (sections, 3), section));

  assert_item (bank, 0, "1.1.1", "第一章 数学基础 › 1.1 向量", "什么是向量的内积？");
  assert_item (bank, 2, "1.2.1", "第一章 数学基础 › 1.2 概率", "什么是贝叶斯公式？");
  assert_item (bank, 4, "2.1.2", "第二章 优化 › 2.1 梯度下降", "What does momentum do?");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 4)), ==, "bk-2.1.2");
}

static void
test_headings_english (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("headings-english.md", &report);

  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 2);
  g_assert_cmpuint (n_items (bank), ==, 4);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "Large Language Model Interview Questions");
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 0);
  assert_item (bank, 0, "12", NULL, "What is the attention mechanism?");
  assert_item (bank, 3, "15", NULL, "What is LoRA?");
  /* "### Example" inside an answer stays there */
  g_assert_nonnull (strstr (wenda_qa_item_get_answer (unit_item_at (bank, 1)), "### Example\n\n```python"));
}

static void
test_headings_keywords (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("headings-keywords.md", &report);

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_HEADINGS);
  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 5);
  g_assert_cmpuint (n_items (bank), ==, 5);
  assert_item (bank, 0, "3", NULL, "什么是 RLHF？");
  assert_item (bank, 1, "4", NULL, "什么是 DPO？");
  assert_item (bank, 2, "1.1", NULL, "什么是 SFT？");
  assert_item (bank, 3, "5", NULL, "什么是温度系数？");
  assert_item (bank, 4, "6", NULL, "Top-p 采样是怎样的");
}

static void
test_bold (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("bold.md", &report);
  WendaQaItem *item;

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_BOLD);
  g_assert_cmpuint (n_items (bank), ==, 4);
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 2);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "机器学习面试宝典");
  assert_item (bank, 0, "1.1", "第一章 基础", "什么是偏差和方差？");
  assert_item (bank, 2, "3", "Chapter 2 Models", "What is a decision tree?");

  /* Text before "答案：" continues the question */
  item = unit_item_at (bank, 1);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, "什么是交叉验证？\n\n请说明 k 折交叉验证的做法。");
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==,
                   "把数据分成 k 份，轮流用一份做验证，这样可以更可靠地估计泛化误差。");

  /* A list ends the last answer, nested in it */
  item = unit_item_at (bank, 3);
  g_assert_true (g_str_has_suffix (wenda_qa_item_get_answer (item), "- random subsets of features"));
}

static void
test_markers_layout (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("markers.md", &report);
  WendaQaItem *item;

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_MARKERS);
  g_assert_cmpuint (n_items (bank), ==, 5);
  assert_item (bank, 0, NULL, "中文", "什么是梯度消失？");
  assert_item (bank, 1, NULL, "中文", "如何缓解梯度消失？");
  assert_item (bank, 2, NULL, "中文", "什么是 Dropout?");
  assert_item (bank, 3, NULL, "English", "What is weight decay?");
  assert_item (bank, 4, NULL, "English", "What is early stopping?");

  item = unit_item_at (bank, 0);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "反向传播时梯度逐层变小，靠前的层几乎不更新。");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==,
                   "sigmoid 的导数最大只有 0.25，层数多时连乘趋近于零。");
  item = unit_item_at (bank, 1);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "使用 ReLU、残差连接和合适的初始化。");
  item = unit_item_at (bank, 4);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "Stop training when the validation loss stops improving.");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "it is a form of regularization in time.");

  /* With no number, the id is the question's hash: stable, unique */
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_id (item), "bk-h"));
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 0)), !=, wenda_qa_item_get_id (item));
}

static void
test_details (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("details.md", &report);
  WendaQaItem *item;

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_DETAILS);
  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 0, NULL, "Basics", "What is a perceptron?");
  /* Tags in the summary are not the question */
  assert_item (bank, 1, "2", "Basics", "What is backpropagation?");
  assert_item (bank, 2, NULL, "Training", "什么是学习率预热？");

  item = unit_item_at (bank, 0);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "A single linear unit followed by a step function.");
  item = unit_item_at (bank, 1);
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_answer (item), "The chain rule"));
  g_assert_null (strstr (wenda_qa_item_get_answer (item), "</details>"));
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
}

static void
test_question_list (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("question-list.md", &report);

  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_LIST);
  g_assert_cmpuint (n_items (bank), ==, 7);
  assert_item (bank, 0, "1", "基础", "什么是 Transformer？");
  assert_item (bank, 3, "4", "基础", "什么是 RoPE？");
  assert_item (bank, 4, NULL, "Training", "What is gradient checkpointing?");
  /* Question-only: no answer, and no warning for it in a question list */
  g_assert_cmpstr (wenda_qa_item_get_answer (unit_item_at (bank, 0)), ==, "");
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
}

static void
test_mixed (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_fixture ("mixed.md", &report);
  const WendaImportProblem *problem;
  WendaQaItem *item;

  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 3);
  g_assert_cmpuint (n_items (bank), ==, 5);
  assert_item (bank, 0, "1.1", "1. 模型 Models", "What is the softmax function?");
  g_assert_nonnull (strstr (wenda_qa_item_get_answer (unit_item_at (bank, 0)), "![softmax curve](images/softmax.png)"));

  /* A nested list stays in its answer */
  item = unit_item_at (bank, 1);
  g_assert_nonnull (strstr (wenda_qa_item_get_answer (item), "1. 先取对数\n   - 注意数值稳定"));

  /* A question with no answer is kept, question-only, with a warning */
  item = unit_item_at (bank, 2);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, "什么是知识蒸馏？");
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "");
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
  problem = wenda_import_report_get_problem (report, 0);
  g_assert_true (problem->warning);
  g_assert_cmpuint (problem->line, ==, 24);
  g_assert_cmpuint (problem->first_line, ==, 0);
  g_assert_true (g_str_has_prefix (problem->message, "mixed.md:24: "));
}

/* The preview's choice: another level, another layout */
static void
test_options (void)
{
  g_autofree char *text = NULL;
  gsize length;
  WendaImportOptions options = { WENDA_LAYOUT_HEADINGS, 2 };
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  text = read_layout_fixture ("headings-chapters.md", &length);
  bank = import_text (text, length, "chapters.md", &options, &report);

  g_assert_cmpuint (wenda_import_report_get_question_level (report), ==, 2);
  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 0, "1.1", "第一章 数学基础", "向量");
  /* The level-3 headings are now in the answers */
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_answer (unit_item_at (bank, 0)), "### 1.1.1 什么是向量的内积？"));
  g_assert_cmpuint (wenda_import_report_get_n_headings (report, 3), ==, 5);
  g_assert_cmpuint (wenda_import_report_get_n_headings (report, 2), ==, 0);
}

static void
test_refusal_suggests (void)
{
  static const char text[] =
    "# 笔记\n\n### 什么是 A？\n\nA 是……\n\n### 什么是 B？\n\nB 是……\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaImportOptions options = { WENDA_LAYOUT_HEADINGS, 3 };

  /* Two headings are too few to guess… */
  bank = wenda_import_parse_full (text, strlen (text), "two.md", WENDA_IMPORT_FORMAT_MARKDOWN, NULL,
                                  "bk", NULL, NULL, NULL, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "two.md:1: no question found; the headings at level 3 look like questions: choose them?");
  g_assert_cmpuint (wenda_import_report_get_n_headings (report, 3), ==, 2);
  g_clear_pointer (&report, wenda_import_report_free);

  /* …but chosen, they are read */
  bank = import_text (text, strlen (text), "two.md", &options, &report);
  g_assert_cmpuint (n_items (bank), ==, 2);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "笔记");
}

static void
test_refusal_nothing (void)
{
  static const char text[] = "Just some notes.\n\nNo questions here.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = wenda_import_parse (text, strlen (text), "notes.md", WENDA_IMPORT_FORMAT_MARKDOWN,
                             "bk", NULL, NULL, NULL, NULL, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_EMPTY);
  g_assert_true (g_str_has_prefix (error->message, "notes.md:1: no question found: "));
}

/* Text under a section that is in no question is reported, with its lines */
static void
test_stray_text (void)
{
  static const char text[] =
    "## 一\n\n"             /* 1 */
    "本章介绍基础。\n\n"     /* 3: stray */
    "### 1. 甲？\n\n甲。\n\n"  /* 5 */
    "### 2. 乙？\n\n乙。\n\n"  /* 9 */
    "## 二\n\n"             /* 13 */
    "### 3. 丙？\n\n丙。\n";   /* 15 */
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_text (text, strlen (text), "s.md", NULL, &report);
  const WendaImportProblem *problem;

  g_assert_cmpuint (n_items (bank), ==, 3);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
  problem = wenda_import_report_get_problem (report, 0);
  g_assert_false (problem->warning);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpuint (problem->first_line, ==, 3);
  g_assert_cmpuint (problem->last_line, ==, 3);
}

/* Ids stay when a question is added or changed elsewhere */
static void
test_stable_ids (void)
{
  static const char before[] =
    "Q: 甲是什么？\n\nA: 甲。\n\nQ: 乙是什么？\n\nA: 乙。\n\nQ: 丙是什么？\n\nA: 丙。\n";
  static const char after[] =
    "Q: 新问题？\n\nA: 新。\n\nQ: 甲是什么？\n\nA: 甲，改过。\n\nQ: 丙是什么？\n\nA: 丙。\n";
  g_autoptr(WendaBank) a = import_text (before, strlen (before), "b.md", NULL, NULL);
  g_autoptr(WendaBank) b = import_text (after, strlen (after), "b.md", NULL, NULL);

  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (a, 0)), ==, wenda_qa_item_get_id (unit_item_at (b, 1)));
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (a, 2)), ==, wenda_qa_item_get_id (unit_item_at (b, 2)));
  g_assert_nonnull (wenda_bank_lookup_id (b, wenda_qa_item_get_id (unit_item_at (a, 0))));
  g_assert_null (wenda_bank_lookup_id (b, wenda_qa_item_get_id (unit_item_at (a, 1))));
}

/* A number used twice in a file (each chapter counting from 1) makes no
 * id of its own: the question's hash does */
static void
test_repeated_numbers (void)
{
  static const char text[] =
    "## 一\n\n### 1. 甲？\n\n甲。\n\n### 2. 乙？\n\n乙。\n\n"
    "## 二\n\n### 1. 丙？\n\n丙。\n\n### 3. 丁？\n\n丁。\n";
  g_autoptr(WendaBank) bank = import_text (text, strlen (text), "r.md", NULL, NULL);

  g_assert_cmpuint (n_items (bank), ==, 4);
  g_assert_cmpstr (wenda_qa_item_get_label (unit_item_at (bank, 2)), ==, "1");
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_id (unit_item_at (bank, 0)), "bk-h"));
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_id (unit_item_at (bank, 2)), "bk-h"));
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 1)), ==, "bk-2");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 3)), ==, "bk-3");
}

/* The seed's layout keeps its strict reader */
static void
test_seed_layout (void)
{
  g_autofree char *seed = NULL;
  gsize length;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;

  seed = unit_read_seed (&length);
  bank = import_text (seed, length, "seed.md", NULL, &report);
  g_assert_cmpint (wenda_import_report_get_layout (report), ==, WENDA_LAYOUT_SEED);
  g_assert_cmpuint (n_items (bank), ==, 30);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 0);
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, ==, 0);
  g_assert_null (wenda_qa_item_get_label (unit_item_at (bank, 0)));
}

/* Large and odd inputs end cleanly */
static void
test_unclosed_fence (void)
{
  static const char text[] =
    "### 1. 甲？\n\n甲。\n\n### 2. 乙？\n\n乙。\n\n### 3. 丙？\n\n```\ncode\n\n### 4. 丁？\n\n丁。\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = import_text (text, strlen (text), "f.md", NULL, &report);
  const WendaImportProblem *problem;

  /* The fence swallows question 4, and the report says why */
  g_assert_cmpuint (n_items (bank), ==, 3);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, 1);
  problem = wenda_import_report_get_problem (report, 0);
  g_assert_cmpuint (problem->line, ==, 11);
  g_assert_nonnull (strstr (problem->message, "never closed"));
}

/* JSON version 2 keeps the sections and the numbers {{{ */

static void
test_json_round_trip (void)
{
  g_autoptr(WendaBank) bank = import_fixture ("headings-chapters.md", NULL);
  g_autoptr(WendaBank) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = wenda_bank_to_json (bank, NULL);
  GPtrArray *sections;

  g_assert_nonnull (strstr (json, "\"version\" : 2"));
  g_assert_nonnull (strstr (json, "\"sections\""));
  again = wenda_bank_load_json (json, -1, "again.json", &error);
  g_assert_no_error (error);

  g_assert_cmpuint (n_items (again), ==, 5);
  sections = wenda_bank_get_sections (again);
  g_assert_cmpuint (sections->len, ==, 5);
  g_assert_true (wenda_section_get_parent (g_ptr_array_index (sections, 1)) ==
                 g_ptr_array_index (sections, 0));
  for (guint i = 0; i < 5; i++)
    {
      WendaQaItem *a = unit_item_at (bank, i);
      WendaQaItem *b = unit_item_at (again, i);
      g_autofree char *pa = wenda_section_dup_path (wenda_qa_item_get_section (a), WENDA_LANGUAGE_ZH);
      g_autofree char *pb = wenda_section_dup_path (wenda_qa_item_get_section (b), WENDA_LANGUAGE_ZH);

      g_assert_true (wenda_qa_item_equal (a, b));
      g_assert_cmpstr (wenda_qa_item_get_label (a), ==, wenda_qa_item_get_label (b));
      g_assert_cmpstr (pa, ==, pb);
    }
}

/* A bank with neither is still written as version 1 */
static void
test_json_version_1 (void)
{
  g_autofree char *seed = NULL;
  g_autofree char *json = NULL;
  g_autoptr(WendaBank) bank = NULL;
  gsize length;

  seed = unit_read_seed (&length);
  bank = import_text (seed, length, "seed.md", NULL, NULL);
  json = wenda_bank_to_json (bank, NULL);
  g_assert_nonnull (strstr (json, "\"version\" : 1"));
  g_assert_null (strstr (json, "\"sections\""));
}

static void
test_json_section_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"\",\n"
      " \"sections\": [{\"title\": \"a\", \"parent\": 0}],\n"
      " \"items\": [{\"id\": \"x\", \"number\": 1, \"question\": \"q\", \"answer\": \"a\"}]}",
      "s.json:2: “parent” of section 0 is 0, but there is no section before it" },
    { "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"\",\n"
      " \"sections\": [{\"title\": \"a\"}],\n"
      " \"items\": [\n{\"id\": \"x\", \"number\": 1, \"question\": \"q\", \"answer\": \"a\", \"section\": 3}]}",
      "s.json:4: “section” of question 1 must be a section's index, 0 to 0, not 3" },
    { "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"\",\n"
      " \"sections\": [{\"title\": \"\"}],\n"
      " \"items\": [{\"id\": \"x\", \"number\": 1, \"question\": \"q\", \"answer\": \"a\"}]}",
      "s.json:2: “title” of section 0 is empty" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = wenda_bank_load_json (cases[i].json, -1, "s.json", &error);

      g_assert_null (bank);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Layout/title/numbers", test_title_numbers);
  g_test_add_func ("/Wenda/Layout/title/markers", test_markers);
  g_test_add_func ("/Wenda/Layout/blocks/offsets", test_blocks_offsets);
  g_test_add_func ("/Wenda/Layout/blocks/empty", test_blocks_empty);
  g_test_add_func ("/Wenda/Layout/plain/text", test_plain_text);
  g_test_add_func ("/Wenda/Layout/plain/search", test_plain_search);
  g_test_add_func ("/Wenda/Layout/headings/h4", test_headings_h4);
  g_test_add_func ("/Wenda/Layout/headings/chapters", test_headings_chapters);
  g_test_add_func ("/Wenda/Layout/headings/english", test_headings_english);
  g_test_add_func ("/Wenda/Layout/headings/keywords", test_headings_keywords);
  g_test_add_func ("/Wenda/Layout/bold", test_bold);
  g_test_add_func ("/Wenda/Layout/markers", test_markers_layout);
  g_test_add_func ("/Wenda/Layout/details", test_details);
  g_test_add_func ("/Wenda/Layout/list", test_question_list);
  g_test_add_func ("/Wenda/Layout/mixed", test_mixed);
  g_test_add_func ("/Wenda/Layout/options", test_options);
  g_test_add_func ("/Wenda/Layout/refusal/suggests", test_refusal_suggests);
  g_test_add_func ("/Wenda/Layout/refusal/nothing", test_refusal_nothing);
  g_test_add_func ("/Wenda/Layout/stray-text", test_stray_text);
  g_test_add_func ("/Wenda/Layout/ids/stable", test_stable_ids);
  g_test_add_func ("/Wenda/Layout/ids/repeated-numbers", test_repeated_numbers);
  g_test_add_func ("/Wenda/Layout/seed", test_seed_layout);
  g_test_add_func ("/Wenda/Layout/unclosed-fence", test_unclosed_fence);
  g_test_add_func ("/Wenda/Layout/json/round-trip", test_json_round_trip);
  g_test_add_func ("/Wenda/Layout/json/version-1", test_json_version_1);
  g_test_add_func ("/Wenda/Layout/json/section-errors", test_json_section_errors);

  return g_test_run ();
}
