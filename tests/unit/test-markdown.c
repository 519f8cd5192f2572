/* test-markdown.c: the Markdown reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-markdown-private.h"
#include "wenda-markdown.h"
#include "wenda-text-check-private.h"

#include "test-util.h"

static WendaBank *
parse_ok (const char *text)
{
  return unit_parse_markdown (text, -1, "test.md");
}

static void
assert_item (WendaBank  *bank,
             guint       position,
             guint       number,
             const char *question,
             const char *answer,
             const char *explanation)
{
  g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), position);
  g_autofree char *id = g_strdup_printf ("q%u", number);

  g_assert_nonnull (item);
  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, number);
  g_assert_cmpstr (wenda_qa_item_get_id (item), ==, id);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, answer);
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, explanation);
}

/* The seed {{{ */

static void
test_markdown_seed (void)
{
  g_autofree char *text = NULL;
  g_autoptr(WendaBank) bank = NULL;
  gsize length;

  text = unit_read_seed (&length);
  bank = parse_ok (text);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 30);
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "大模型训练的两个关键步骤");

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autofree char *id = g_strdup_printf ("q%u", i + 1);
      const char *fields[3];

      g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
      g_assert_cmpstr (wenda_qa_item_get_id (item), ==, id);

      fields[0] = wenda_qa_item_get_question (item);
      fields[1] = wenda_qa_item_get_answer (item);
      fields[2] = wenda_qa_item_get_explanation (item);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          g_assert_cmpstr (fields[f], !=, "");
          g_assert_null (strstr (fields[f], "**"));
          g_assert_null (strstr (fields[f], "答案："));
          g_assert_null (strstr (fields[f], "解析："));
          g_assert_null (strstr (fields[f], "#"));
          g_assert_false (g_ascii_isspace (fields[f][0]));
          g_assert_false (g_ascii_isspace (fields[f][strlen (fields[f]) - 1]));
        }
    }
}

static void
test_markdown_seed_items (void)
{
  g_autofree char *text = unit_read_seed (NULL);
  g_autoptr(WendaBank) bank = parse_ok (text);
  g_autoptr(WendaQaItem) first = g_list_model_get_item (G_LIST_MODEL (bank), 0);
  g_auto(GStrv) paragraphs = NULL;

  /* Item 1's answer has two paragraphs */
  paragraphs = g_strsplit (wenda_qa_item_get_answer (first), "\n\n", -1);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, 2);
  g_assert_true (g_str_has_prefix (paragraphs[0], "预训练（Pre-training）是指"));
  g_assert_true (g_str_has_prefix (paragraphs[1], "微调（Fine-tuning）是指"));
  g_assert_null (strchr (paragraphs[0], '\n'));

  assert_item (bank, 0, 1,
               "什么是预训练（Pre-training）和微调（Fine-tuning）？",
               "预训练（Pre-training）是指在大规模数据集上进行训练，使模型获得通用特征表示能力。这一阶段通常使用无监督学习方法，如自编码器或无监督预训练目标。\n\n微调（Fine-tuning）是指在小规模数据集上调整模型权重，使其适应特定任务。这一阶段通常使用监督学习方法，如分类或回归任务。",
               "预训练使模型具有泛化能力，可以处理未见过的数据。微调则使模型能够针对具体任务进行优化，提高准确率。例如，在自然语言处理领域，预训练模型通常在维基百科、新闻文章等大量文本上进行训练，而微调则是在特定任务数据上进行。");

  assert_item (bank, 11, 12,
               "什么是联邦学习（Federated Learning）？",
               "联邦学习（Federated Learning）是一种分布式机器学习方法，允许模型在不同设备上进行训练，而不需要共享原始数据。",
               "联邦学习有助于保护用户隐私，适用于涉及敏感数据的场景。通过聚合设备上的本地模型更新，联邦学习可以训练出一个全局模型，提高模型性能。");

  assert_item (bank, 24, 25,
               "什么是Transformer模型？",
               "Transformer 模型是一种基于自注意力机制的序列到序列模型。",
               "Transformer 模型在自然语言处理任务中取得了显著的性能提升，例如机器翻译、文本分类等。其自注意力机制可以同时关注序列中的所有信息，提高模型的计算效率。");

  assert_item (bank, 29, 30,
               "什么是联邦学习（Federated Learning）？",
               "联邦学习（Federated Learning）是一种分布式机器学习方法，允许模型在不同设备上进行训练，而不需要共享原始数据。",
               "联邦学习有助于保护用户隐私，适用于涉及敏感数据的场景。通过聚合设备上的本地模型更新，联邦学习可以训练出一个全局模型，提高模型性能。");
}

/* Re-encodes the seed's line ends: the items must not change */
static void
test_markdown_seed_line_ends (void)
{
  static const char * const line_ends[] = { "\r\n", "\r", "\n\n" };
  g_autofree char *text = unit_read_seed (NULL);
  g_autoptr(WendaBank) reference = parse_ok (text);

  for (guint i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *joined = g_strjoinv (line_ends[i], lines);
      g_autoptr(WendaBank) bank = parse_ok (joined);

      unit_assert_same_items (reference, bank);
    }
}

static void
test_markdown_seed_bom (void)
{
  g_autofree char *text = unit_read_seed (NULL);
  g_autofree char *with_bom = g_strconcat ("\xEF\xBB\xBF", text, NULL);
  g_autoptr(WendaBank) reference = parse_ok (text);
  g_autoptr(WendaBank) bank = parse_ok (with_bom);

  unit_assert_same_items (reference, bank);
}

/* }}} */

/* Variants {{{ */

static void
test_markdown_half_width_colon (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("# 题库\n\n"
                   "#### 题目 1: 什么是 A?\n\n"
                   "**答案:**\n\n"
                   "A 是 A。\n\n"
                   "#### 解析:**\n\n"
                   "因为 A。\n");

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "题库");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 1);
  assert_item (bank, 0, 1, "什么是 A?", "A 是 A。", "因为 A。");
}

static void
test_markdown_heading_levels (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* Items at ### and ##, markers as headings of any level, a closing
   * sequence of #s */
  bank = parse_ok ("### 题目 1：第一题？ ###\n"
                   "### 答案：\n"
                   "一。\n"
                   "### 解析：\n"
                   "解一。\n"
                   "## 题目 2：第二题？\n"
                   "###### 答案：\n"
                   "二。\n");

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  assert_item (bank, 0, 1, "第一题？", "一。", "解一。");
  assert_item (bank, 1, 2, "第二题？", "二。", "");
}

static void
test_markdown_marker_forms (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("#### 题目 1：plain\n\n答案：\n\n一。\n\n解析：\n\n解一。\n\n"
                   "#### 题目 2：underscores\n\n__答案：__\n\n二。\n\n__解析:__\n\n解二。\n\n"
                   "#### 题目 3：colon after the bold\n\n**答案**：\n\n三。\n\n**解析**:\n\n解三。\n\n"
                   "#### 题目 4：bare word\n\n**答案**\n\n四。\n\n解析\n\n解四。\n\n"
                   "#### **题目 5：bold heading**\n\n#### 答案：\n\n五。\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 5);
  assert_item (bank, 0, 1, "plain", "一。", "解一。");
  assert_item (bank, 1, 2, "underscores", "二。", "解二。");
  assert_item (bank, 2, 3, "colon after the bold", "三。", "解三。");
  assert_item (bank, 3, 4, "bare word", "四。", "解四。");
  assert_item (bank, 4, 5, "bold heading", "五。", "");
}

static void
test_markdown_not_markers (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* Words that merely start like a marker stay text */
  bank = parse_ok ("#### 题目 1：问？\n\n"
                   "**答案：**\n\n"
                   "答案是一。\n\n"
                   "参考答案：二。\n\n"
                   "**解析** 不是标记\n\n"
                   "#### 题目类型说明\n\n"
                   "#### 题目 2：问二？\n\n"
                   "答案：二。\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  assert_item (bank, 0, 1, "问？", "答案是一。\n\n参考答案：二。\n\n**解析** 不是标记", "");
  assert_item (bank, 1, 2, "问二？", "二。", "");
}

static void
test_markdown_missing_explanation (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("#### 题目 1：一？\n\n**答案：**\n\n一。\n\n"
                   "#### 题目 2：二？\n\n**答案：**\n\n二。\n\n#### 解析：**\n\n解二。\n\n"
                   "#### 题目 3：三？\n\n**答案：**\n\n三。\n\n#### 解析：**\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 3);
  assert_item (bank, 0, 1, "一？", "一。", "");
  assert_item (bank, 1, 2, "二？", "二。", "解二。");
  assert_item (bank, 2, 3, "三？", "三。", "");
}

static void
test_markdown_unnumbered (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("#### 题目：一？\n答案：一。\n"
                   "#### 题目：二？\n答案：二。\n"
                   "#### 题目 7：七？\n答案：七。\n"
                   "#### 题目：八？\n答案：八。\n"
                   "#### 题目１０：十？\n答案：十。\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 5);
  assert_item (bank, 0, 1, "一？", "一。", "");
  assert_item (bank, 1, 2, "二？", "二。", "");
  assert_item (bank, 2, 7, "七？", "七。", "");
  assert_item (bank, 3, 8, "八？", "八。", "");
  assert_item (bank, 4, 10, "十？", "十。", "");
}

static void
test_markdown_blank_lines (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("\n\n   \n\t\n### 标题\n\n\n\n"
                   "#### 题目 1：一？\n\n\n\n"
                   "**答案：**\n\n\n"
                   "第一段\n\n\n\n第二段\n   \n\t\n"
                   "#### 解析：**\n\n\n\n"
                   "解析。\n\n\n\n\n");

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "标题");
  assert_item (bank, 0, 1, "一？", "第一段\n\n第二段", "解析。");
}

static void
test_markdown_text_on_marker_line (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("#### 题目 1：一？\n"
                   "**答案：** 第一行\n"
                   "第二行\n\n"
                   "第二段\n"
                   "**解析：**解析文字\n");

  assert_item (bank, 0, 1, "一？", "第一行\n第二行\n\n第二段", "解析文字");
}

static void
test_markdown_blanks_in_lines (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* Leading and trailing blanks go, tabs and blanks inside stay */
  bank = parse_ok ("#### 题目 1：\t 一  二？  \t\n"
                   "  **答案：**   \n"
                   "   A\tB  \n"
                   "\t\tC D\t\n"
                   "\xE3\x80\x80\xE3\x80\x80全角缩进\xE3\x80\x80\n");

  assert_item (bank, 0, 1, "一  二？", "A\tB\nC D\n全角缩进", "");
}

static void
test_markdown_inline_markup (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* Stray or wrapping bold marks around the question go; bold inside the
   * text is kept as written */
  bank = parse_ok ("#### 题目 1：什么是**迁移学习**？\n答案：一。\n"
                   "#### 题目 2：**整个加粗？**\n答案：二。\n"
                   "#### 题目 3：尾巴？**\n答案：**三** 是答案。\n");

  assert_item (bank, 0, 1, "什么是**迁移学习**？", "一。", "");
  assert_item (bank, 1, 2, "整个加粗？", "二。", "");
  assert_item (bank, 2, 3, "尾巴？", "**三** 是答案。", "");
}

static void
test_markdown_code_block (void)
{
  g_autoptr(WendaBank) bank = NULL;

  bank = parse_ok ("#### 题目 1：代码？\n\n"
                   "**答案：**\n\n"
                   "看代码：\n"
                   "```python\n"
                   "#### 题目 2：not a heading\n"
                   "    indented  \n"
                   "\n"
                   "**答案：** not a marker\n"
                   "```\n"
                   "后文。\n\n"
                   "~~~~\n"
                   "```\n"
                   "~~~~\n");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 1);
  assert_item (bank, 0, 1, "代码？",
               "看代码：\n\n"
               "```python\n"
               "#### 题目 2：not a heading\n"
               "    indented  \n"
               "\n"
               "**答案：** not a marker\n"
               "```\n\n"
               "后文。\n\n"
               "~~~~\n```\n~~~~",
               "");
}

static void
test_markdown_nested_list (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* A list item under another keeps the spaces that nest it; other lines
   * of a paragraph are trimmed as before */
  bank = parse_ok ("#### 题目 1：步骤？\n\n**答案：**\n\n"
                   "1. 准备\n   - 清洗\n   - 切分\n2. 训练\n    1. 前向\n  继续\n\t- 制表\n");

  assert_item (bank, 0, 1, "步骤？",
               "1. 准备\n   - 清洗\n   - 切分\n2. 训练\n    1. 前向\n继续\n- 制表", "");
}

static void
test_markdown_sub_headings (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* A deeper heading is text of its section; a thematic break is nothing */
  bank = parse_ok ("# 题库\n\n## 第一部分\n\n"
                   "### 题目 1：一？\n\n**答案：**\n\n#### 要点\n\n一。\n\n---\n\n"
                   "## 第二部分\n\n"
                   "### 题目 2：二？\n\n**答案：**\n\n二。\n\n***\n");

  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "题库");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 2);
  assert_item (bank, 0, 1, "一？", "要点\n\n一。", "");
  assert_item (bank, 1, 2, "二？", "二。", "");
}

static void
test_markdown_question_paragraphs (void)
{
  g_autoptr(WendaBank) bank = NULL;

  /* Text between the item heading and the answer continues the question */
  bank = parse_ok ("#### 题目 1：下面的说法对吗？\n\n“模型越大越好。”\n\n**答案：**\n\n不对。\n");

  assert_item (bank, 0, 1, "下面的说法对吗？\n\n“模型越大越好。”", "不对。", "");
}

static void
test_markdown_explicit_length (void)
{
  const char *text = "#### 题目 1：一？\n答案：一。\n#### 题目 2：二？\n答案：二。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  /* Only the first item is inside the length */
  bank = wenda_markdown_parse (text, strstr (text, "#### 题目 2") - text, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 1);
}

/* }}} */

/* Block layer {{{ */

static void
test_markdown_blocks (void)
{
  static const char text[] =
    "\xEF\xBB\xBF# Title #\r\n"          /* 1 */
    "para one  \r"                       /* 2 */
    "\tpara two\n"                       /* 3 */
    "\n"                                 /* 4 */
    "   \n"                              /* 5 */
    "```c\n"                             /* 6 */
    "# not a heading\r\n"                /* 7 */
    "```\n"                              /* 8 */
    "- - -\n"                            /* 9 */
    "#hashtag\n"                         /* 10 */
    "####### seven\n"                    /* 11 */
    "###### six\n";                      /* 12 */
  static const struct {
    WendaMdBlockKind kind;
    guint line;
    guint level;
    const char *text;
  } expected[] = {
    { WENDA_MD_BLOCK_HEADING, 1, 1, "Title" },
    { WENDA_MD_BLOCK_PARAGRAPH, 2, 0, "para one\npara two" },
    { WENDA_MD_BLOCK_BLANK, 4, 0, NULL },
    { WENDA_MD_BLOCK_CODE, 6, 0, "```c\n# not a heading\n```" },
    { WENDA_MD_BLOCK_BREAK, 9, 0, NULL },
    { WENDA_MD_BLOCK_PARAGRAPH, 10, 0, "#hashtag\n####### seven" },
    { WENDA_MD_BLOCK_HEADING, 12, 6, "six" },
  };
  g_autoptr(GArray) blocks = wenda_markdown_tokenize (text, strlen (text));

  g_assert_cmpuint (blocks->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < blocks->len; i++)
    {
      const WendaMdBlock *block = &g_array_index (blocks, WendaMdBlock, i);

      g_assert_cmpint (block->kind, ==, expected[i].kind);
      g_assert_cmpuint (block->line, ==, expected[i].line);
      g_assert_cmpuint (block->level, ==, expected[i].level);
      g_assert_cmpstr (block->text, ==, expected[i].text);
    }
}

static void
test_markdown_blocks_empty (void)
{
  g_autoptr(GArray) blocks = wenda_markdown_tokenize ("", 0);
  g_autoptr(GArray) bom_only = wenda_markdown_tokenize ("\xEF\xBB\xBF", 3);

  g_assert_cmpuint (blocks->len, ==, 0);
  g_assert_cmpuint (bom_only->len, ==, 0);
}

/* }}} */

/* Errors {{{ */

static const UnitErrorCase error_cases[] = {
  { "bad-utf8.md", WENDA_BANK_ERROR_INVALID_UTF8, 8, 4, 0 },
  { "nul-byte.md", WENDA_BANK_ERROR_INVALID_UTF8, 3, 14, 0 },
  { "answer-before-question.md", WENDA_BANK_ERROR_STRUCTURE, 3, 0, 0 },
  { "text-before-question.md", WENDA_BANK_ERROR_STRUCTURE, 4, 0, 0 },
  { "text-after-section.md", WENDA_BANK_ERROR_STRUCTURE, 11, 0, 0 },
  { "second-answer.md", WENDA_BANK_ERROR_STRUCTURE, 9, 0, 5 },
  { "no-answer.md", WENDA_BANK_ERROR_MISSING_FIELD, 9, 0, 0 },
  { "empty-question.md", WENDA_BANK_ERROR_MISSING_FIELD, 9, 0, 0 },
  { "empty-answer.md", WENDA_BANK_ERROR_MISSING_FIELD, 5, 0, 0 },
  { "duplicate-number.md", WENDA_BANK_ERROR_DUPLICATE, 15, 0, 9 },
  { "duplicate-number-crlf.md", WENDA_BANK_ERROR_DUPLICATE, 9, 0, 3 },
  { "unclosed-fence.md", WENDA_BANK_ERROR_SYNTAX, 7, 0, 0 },
  { "empty.md", WENDA_BANK_ERROR_EMPTY, 1, 0, 0 },
  { "title-only.md", WENDA_BANK_ERROR_EMPTY, 1, 0, 0 },
};

static void
test_markdown_error (gconstpointer data)
{
  const UnitErrorCase *c = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  gsize length;

  contents = unit_read_fixture (c->file, &length);

  bank = wenda_markdown_parse (contents, length, c->file, &error);
  g_assert_null (bank);
  unit_assert_error_message (error, c->file, c);

  /* Without a file name */
  g_clear_error (&error);
  bank = wenda_markdown_parse (contents, length, NULL, &error);
  g_assert_null (bank);
  unit_assert_error_message (error, "<input>", c);
}

static void
test_markdown_error_inline (void)
{
  static const struct {
    const char *text;
    WendaBankError code;
    const char *prefix;
  } cases[] = {
    { "", WENDA_BANK_ERROR_EMPTY, "t.md:1: " },
    { "\xEF\xBB\xBF", WENDA_BANK_ERROR_EMPTY, "t.md:1: " },
    { "#### 题目 0：零？\n答案：零。\n", WENDA_BANK_ERROR_STRUCTURE, "t.md:1: " },
    { "#### 题目 99999999999999999999：大？\n答案：大。\n", WENDA_BANK_ERROR_STRUCTURE, "t.md:1: " },
    { "\n\n#### 题目 3\n答案：三。\n", WENDA_BANK_ERROR_MISSING_FIELD, "t.md:3: " },
    { "#### 题目 1：一？\r\r答案：一。\r\r#### 题目 1：又一？\r答案：又。\r",
      WENDA_BANK_ERROR_DUPLICATE, "t.md:5: " },
    { "#### 题目 1：一？\n答案：一。\n#### 题目 2：二？\n解析：没有答案。\n",
      WENDA_BANK_ERROR_MISSING_FIELD, "t.md:3: " },
    { "#### 题目 1：一？\n答案：一。\n解析：一。\n#### 解析：**\n又一个。\n",
      WENDA_BANK_ERROR_STRUCTURE, "t.md:4: " },
    { "#### 题目 1：一？\n答案：\xC3\xA9\xE4\xB8\n", WENDA_BANK_ERROR_INVALID_UTF8, "t.md:2:5: " },
    { "\xEF\xBB\xBF\xFF", WENDA_BANK_ERROR_INVALID_UTF8, "t.md:1:1: " },
    { "```\n#### 题目 1：一？\n答案：一。\n", WENDA_BANK_ERROR_SYNTAX, "t.md:1: " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = NULL;

      bank = wenda_markdown_parse (cases[i].text, strlen (cases[i].text), "t.md", &error);
      g_assert_null (bank);
      g_assert_error (error, WENDA_BANK_ERROR, (int)cases[i].code);
      if (!g_str_has_prefix (error->message, cases[i].prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, cases[i].prefix);
    }
}

static void
test_markdown_error_nul_with_length (void)
{
  static const char text[] = "#### 题目 1：一？\n答案：一\0。\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  /* With an explicit length, a NUL inside is seen, not taken as the end */
  bank = wenda_markdown_parse (text, sizeof text - 1, NULL, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_INVALID_UTF8);
  g_assert_true (g_str_has_prefix (error->message, "<input>:2:5: "));
}

/* }}} */

/* Robustness {{{ */

static void
test_markdown_mutations (void)
{
  static const char * const snippets[] = {
    "#### ", "### ", "#", "题目", "题目 ", "：", ":", "**", "__", "**答案：**",
    "答案：", "#### 解析：**", "\n", "\r", "\r\n", "\n\n", "```", "~~~", "---",
    " ", "\t", "\xE3\x80\x80", "\xEF\xBB\xBF", "\xFF", "\xE4\xB8", "\0", "7", "0",
    "4294967296", "１",
  };
  g_autofree char *seed = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240601);
  gsize seed_length;
  guint n_ok = 0;

  seed = unit_read_seed (&seed_length);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GByteArray) text = g_byte_array_new ();
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) bank = NULL;
      guint n_edits = g_rand_int_range (rand, 1, 8);

      g_byte_array_append (text, (const guint8 *)seed, seed_length);

      for (guint e = 0; e < n_edits; e++)
        {
          guint at = g_rand_int_range (rand, 0, text->len + 1);

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              unit_insert_snippet (text, at,
                                   snippets[g_rand_int_range (rand, 0, G_N_ELEMENTS (snippets))]);
              break;

            case 1:
              if (at < text->len)
                {
                  guint n = g_rand_int_range (rand, 1, 400);

                  g_byte_array_remove_range (text, at, MIN (text->len - at, n));
                }
              break;

            default:
              g_byte_array_set_size (text, MIN (text->len, at));
              break;
            }
        }

      bank = wenda_markdown_parse ((const char *)text->data, text->len, NULL, &error);
      if (unit_assert_outcome (bank, error))
        n_ok++;
    }

  /* Both outcomes were exercised */
  g_assert_cmpuint (n_ok, >, 0);
  g_assert_cmpuint (n_ok, <, 3000);
}

static void
test_markdown_large (void)
{
  g_autoptr(GString) text = g_string_new ("# 大题库\n");
  g_autoptr(GString) long_line = g_string_new (NULL);
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaQaItem) last = NULL;
  const guint n_items = 20000;

  for (guint i = 0; i < n_items; i++)
    g_string_append_printf (text, "#### 题目：问题 %u？\n**答案：**第 %u 个答案。\n", i, i);

  /* One long line, many short ones, many markers */
  for (guint i = 0; i < 100000; i++)
    g_string_append (long_line, "很长");
  g_string_append_printf (text, "#### 题目：长？\n答案：%s\n", long_line->str);
  for (guint i = 0; i < 50000; i++)
    g_string_append (text, "*\n");

  bank = parse_ok (text->str);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, n_items + 1);
  last = g_list_model_get_item (G_LIST_MODEL (bank), n_items);
  g_assert_cmpuint (wenda_qa_item_get_number (last), ==, n_items + 1);
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_answer (last), long_line->str));
}

/* }}} */

/* A backslash before a marker line makes it text, with one backslash
 * gone: "\\**答案：**" in an answer is the text "**答案：**". */
static void
test_markdown_escaped_marker (void)
{
  g_autoptr(WendaBank) bank = parse_ok ("#### 题目 1：问题？\n\n"
                                        "**答案：** 第一段\n\n"
                                        "\\**答案：**\n\n"
                                        "\\\\解析：两个反斜杠\n\n"
                                        "#### 解析：\n\n说明\n");
  WendaQaItem *item;

  g_assert_nonnull (bank);
  item = wenda_bank_lookup_number (bank, 1);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==,
                   "第一段\n\n**答案：**\n\n\\解析：两个反斜杠");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "说明");
}

/* UTF-8 validation {{{ */

/* wenda_utf8_validate() decides exactly as g_utf8_validate_len(): every
 * sequence of up to three bytes, and random strings of mixed bytes. */
static void
test_markdown_utf8_differential (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261129);
  guint n_valid = 0;

  /* Nothing is valid, even with no buffer */
  g_assert_true (wenda_utf8_validate (NULL, 0));
  g_assert_true (wenda_utf8_validate ("", 0));

  /* Every 1- and 2-byte string, and every 3-byte one led by 0xC0–0xFF */
  for (guint a = 0; a < 256; a++)
    {
      char one[1] = { (char)a };

      g_assert_cmpint (wenda_utf8_validate (one, 1), ==, g_utf8_validate_len (one, 1, NULL));
      for (guint b = 0; b < 256; b++)
        {
          char two[2] = { (char)a, (char)b };

          g_assert_cmpint (wenda_utf8_validate (two, 2), ==, g_utf8_validate_len (two, 2, NULL));
          if (a < 0xC0)
            continue;
          for (guint c = 0; c < 256; c++)
            {
              char three[3] = { (char)a, (char)b, (char)c };
              gboolean valid = g_utf8_validate_len (three, 3, NULL);

              g_assert_cmpint (wenda_utf8_validate (three, 3), ==, valid);
              n_valid += valid;
            }
        }
    }
  g_assert_cmpuint (n_valid, >, 0);

  /* Random strings, biased to ASCII and continuation bytes, long enough
   * for the 8-byte ASCII steps */
  n_valid = 0;
  for (guint i = 0; i < 200000; i++)
    {
      char text[40];
      guint length = g_rand_int_range (rand, 0, sizeof text);
      gboolean valid;

      for (guint k = 0; k < length; k++)
        {
          guint32 x = g_rand_int (rand);

          switch (x & 3)
            {
            case 0: text[k] = 0x20 + (x >> 8) % 0x5F; break;
            case 1: text[k] = (char)(0x80 | ((x >> 8) & 0x3F)); break;
            case 2: text[k] = (char)(0xE0 | ((x >> 8) & 0x1F)); break;
            default: text[k] = (char)(x >> 8); break;
            }
        }

      valid = g_utf8_validate_len (text, length, NULL);
      g_assert_cmpint (wenda_utf8_validate (text, length), ==, valid);
      n_valid += valid;
    }
  g_assert_cmpuint (n_valid, >, 1000);
}

/* Above 4 MiB the halves are validated in two threads: a bad byte is
 * found wherever it is, a character across the middle is valid, and the
 * message still names the right line and column. */
static void
test_markdown_utf8_large (void)
{
  const gsize size = 9 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 64);
  gsize middle;

  while (text->len < size)
    g_string_append (text, "梯度裁剪 gradient clipping，知识蒸馏。\n");
  g_assert_true (wenda_utf8_validate (text->str, text->len));

  /* Shifted by 0–7 bytes, the middle falls inside a character too */
  {
    guint n_inside = 0;

    for (gsize shift = 0; shift < 8; shift++)
      {
        g_autoptr(GString) shifted = g_string_sized_new (text->len + shift);

        for (gsize k = 0; k < shift; k++)
          g_string_append_c (shifted, 'a');
        g_string_append_len (shifted, text->str, text->len);

        n_inside += ((guchar)shifted->str[shifted->len / 2] & 0xC0) == 0x80;
        g_assert_true (wenda_utf8_validate (shifted->str, shifted->len));
      }
    g_assert_cmpuint (n_inside, >, 0);
  }

  middle = text->len / 2;

  {
    const gsize bad_at[] = { 0, 1, middle - 1, middle, middle + 1, text->len - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (bad_at); i++)
      for (guint k = 0; k < 2; k++)
        {
          g_autofree char *copy = g_memdup2 (text->str, text->len);
          g_autoptr(GError) error = NULL;
          const char *bad = NULL;
          guint line, column;
          g_autofree char *where = NULL;

          copy[bad_at[i]] = k == 0 ? (char)0xFF : '\0';
          g_assert_false (wenda_utf8_validate (copy, text->len));

          g_assert_false (wenda_text_validate (copy, text->len, "big.md", TRUE, &error));
          g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_INVALID_UTF8);
          g_assert_false (g_utf8_validate_len (copy, text->len, &bad));
          wenda_text_locate (copy, bad - copy, TRUE, &line, &column);
          where = g_strdup_printf ("big.md:%u:%u:", line, column);
          g_assert_true (g_str_has_prefix (error->message, where));
        }
  }
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Markdown/escaped-marker", test_markdown_escaped_marker);
  g_test_add_func ("/Wenda/Markdown/seed/parse", test_markdown_seed);
  g_test_add_func ("/Wenda/Markdown/seed/items", test_markdown_seed_items);
  g_test_add_func ("/Wenda/Markdown/seed/line-ends", test_markdown_seed_line_ends);
  g_test_add_func ("/Wenda/Markdown/seed/bom", test_markdown_seed_bom);

  g_test_add_func ("/Wenda/Markdown/variant/half-width-colon", test_markdown_half_width_colon);
  g_test_add_func ("/Wenda/Markdown/variant/heading-levels", test_markdown_heading_levels);
  g_test_add_func ("/Wenda/Markdown/variant/marker-forms", test_markdown_marker_forms);
  g_test_add_func ("/Wenda/Markdown/variant/not-markers", test_markdown_not_markers);
  g_test_add_func ("/Wenda/Markdown/variant/missing-explanation", test_markdown_missing_explanation);
  g_test_add_func ("/Wenda/Markdown/variant/unnumbered", test_markdown_unnumbered);
  g_test_add_func ("/Wenda/Markdown/variant/blank-lines", test_markdown_blank_lines);
  g_test_add_func ("/Wenda/Markdown/variant/text-on-marker-line", test_markdown_text_on_marker_line);
  g_test_add_func ("/Wenda/Markdown/variant/blanks-in-lines", test_markdown_blanks_in_lines);
  g_test_add_func ("/Wenda/Markdown/variant/inline-markup", test_markdown_inline_markup);
  g_test_add_func ("/Wenda/Markdown/variant/code-block", test_markdown_code_block);
  g_test_add_func ("/Wenda/Markdown/variant/sub-headings", test_markdown_sub_headings);
  g_test_add_func ("/Wenda/Markdown/variant/nested-list", test_markdown_nested_list);
  g_test_add_func ("/Wenda/Markdown/variant/question-paragraphs", test_markdown_question_paragraphs);
  g_test_add_func ("/Wenda/Markdown/variant/explicit-length", test_markdown_explicit_length);

  g_test_add_func ("/Wenda/Markdown/blocks/kinds", test_markdown_blocks);
  g_test_add_func ("/Wenda/Markdown/blocks/empty", test_markdown_blocks_empty);

  unit_add_error_cases ("/Wenda/Markdown/error", error_cases, G_N_ELEMENTS (error_cases),
                        test_markdown_error);
  g_test_add_func ("/Wenda/Markdown/error/inline", test_markdown_error_inline);
  g_test_add_func ("/Wenda/Markdown/error/nul-with-length", test_markdown_error_nul_with_length);

  g_test_add_func ("/Wenda/Markdown/robust/mutations", test_markdown_mutations);
  g_test_add_func ("/Wenda/Markdown/robust/large", test_markdown_large);
  g_test_add_func ("/Wenda/Markdown/utf8/differential", test_markdown_utf8_differential);
  g_test_add_func ("/Wenda/Markdown/utf8/large", test_markdown_utf8_large);

  return g_test_run ();
}
