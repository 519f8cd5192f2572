/* test-item.c: WendaQaItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-qa-item.h"

static void
test_item_properties (void)
{
  g_autoptr(WendaQaItem) item = NULL;
  g_autofree char *id = NULL;
  g_autofree char *question = NULL;
  g_autofree char *answer = NULL;
  g_autofree char *explanation = NULL;
  g_autofree char *search_text = NULL;
  guint number = 0;

  item = wenda_qa_item_new ("llm-training-007", 7,
                            "什么是迁移学习（Transfer Learning）？",
                            "一种方法。\n\n第二段。",
                            "一个解析。");

  g_object_get (item,
                "id", &id,
                "number", &number,
                "question", &question,
                "answer", &answer,
                "explanation", &explanation,
                "search-text", &search_text,
                NULL);

  g_assert_cmpstr (id, ==, "llm-training-007");
  g_assert_cmpuint (number, ==, 7);
  g_assert_cmpstr (question, ==, "什么是迁移学习（Transfer Learning）？");
  g_assert_cmpstr (answer, ==, "一种方法。\n\n第二段。");
  g_assert_cmpstr (explanation, ==, "一个解析。");
  g_assert_cmpstr (search_text, ==, wenda_qa_item_get_search_text (item));

  g_assert_cmpstr (wenda_qa_item_get_id (item), ==, "llm-training-007");
  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, 7);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, answer);
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, explanation);
}

static void
test_item_null_fields (void)
{
  g_autoptr(WendaQaItem) item = wenda_qa_item_new (NULL, 12, NULL, NULL, NULL);

  /* No label ever gets NULL; the id falls back to the number */
  g_assert_cmpstr (wenda_qa_item_get_id (item), ==, "q12");
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, "");
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "");
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, "");
  g_assert_nonnull (wenda_qa_item_get_search_text (item));
}

static void
test_item_normalize (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Transfer Learning", "transfer learning" },
    { "ＴＲＡＮＳＦＥＲ　Ｌｅａｒｎｉｎｇ", "transfer learning" },   /* full-width, U+3000 */
    { "迁移学习（Transfer Learning）？", "迁移学习(transfer learning)?" },
    { "ＧＮＮ，ＣＮＮ：１２３", "gnn,cnn:123" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *normalized = wenda_normalize_for_search (cases[i].in, -1);

      g_assert_cmpstr (normalized, ==, cases[i].out);
    }
}

static void
test_item_search_text (void)
{
  g_autoptr(WendaQaItem) item = NULL;
  const char *text;

  item = wenda_qa_item_new ("x", 16, "什么是图神经网络（Graph Neural Network）？",
                            "ＧＮＮ是一种神经网络。", "适用于社交网络。");
  text = wenda_qa_item_get_search_text (item);

  /* Number, question, answer and explanation, folded */
  g_assert_nonnull (strstr (text, "16"));
  g_assert_nonnull (strstr (text, "graph neural network"));
  g_assert_nonnull (strstr (text, "gnn是一种神经网络"));
  g_assert_nonnull (strstr (text, "适用于社交网络"));
  g_assert_null (strstr (text, "Graph"));
  g_assert_null (strstr (text, "ＧＮＮ"));
  /* Built once */
  g_assert_true (text == wenda_qa_item_get_search_text (item));
}

static void
test_item_dup_term (void)
{
  static const struct { const char *question, *term; } cases[] = {
    { "什么是迁移学习（Transfer Learning）？", "transferlearning" },
    { "什么是图神经网络（Graph Neural Network，GNN）？", "graphneuralnetwork" },
    { "什么是长短时记忆网络（Long Short-Term Memory，LSTM）？", "longshort-termmemory" },
    { "什么是生成对抗网络（GAN）？", "gan" },
    { "What is (Transfer  Learning)?", "transferlearning" },
    { "什么是Transformer模型？", "什么是transformer模型" },
    { "什么是 ＡＩ ?", "什么是ai" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WendaQaItem) item = wenda_qa_item_new (NULL, i + 1, cases[i].question, "a", NULL);
      g_autofree char *term = wenda_qa_item_dup_term (item);

      g_assert_cmpstr (term, ==, cases[i].term);
    }
}

static void
test_item_equal (void)
{
  g_autoptr(WendaQaItem) a = wenda_qa_item_new ("id", 1, "q", "a", "e");
  g_autoptr(WendaQaItem) same = wenda_qa_item_new ("id", 1, "q", "a", "e");
  g_autoptr(WendaQaItem) other_id = wenda_qa_item_new ("id2", 1, "q", "a", "e");
  g_autoptr(WendaQaItem) other_number = wenda_qa_item_new ("id", 2, "q", "a", "e");
  g_autoptr(WendaQaItem) other_question = wenda_qa_item_new ("id", 1, "Q", "a", "e");
  g_autoptr(WendaQaItem) other_answer = wenda_qa_item_new ("id", 1, "q", "A", "e");
  g_autoptr(WendaQaItem) other_explanation = wenda_qa_item_new ("id", 1, "q", "a", "");

  g_assert_true (wenda_qa_item_equal (a, a));
  g_assert_true (wenda_qa_item_equal (a, same));
  g_assert_true (wenda_qa_item_equal (same, a));
  g_assert_false (wenda_qa_item_equal (a, other_id));
  g_assert_false (wenda_qa_item_equal (a, other_number));
  g_assert_false (wenda_qa_item_equal (a, other_question));
  g_assert_false (wenda_qa_item_equal (a, other_answer));
  g_assert_false (wenda_qa_item_equal (a, other_explanation));
}

static void
test_item_no_duplicates (void)
{
  g_autoptr(WendaQaItem) item = wenda_qa_item_new ("id", 1, "q", "a", "e");
  guint n = 99;

  /* Only a bank sets duplicates */
  g_assert_null (wenda_qa_item_get_duplicates (item, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* The fast folding (by hand for ASCII, CJK and full-width text) must give
 * exactly what GLib's NFKC + case-folding gives, also around characters
 * that compose or expand. */
static void
test_item_normalize_fast (void)
{
  static const char * const texts[] = {
    "Transfer Learning",
    "ＴＲＡＮＳＦＥＲ　Ｌｅａｒｎｉｎｇ（ＬｏＲＡ）？",
    "什么是图神经网络（Graph Neural Network，GNN）？",
    "e\xcc\x81t\xc3\xa9",                 /* e + U+0301 composes */
    "a=\xcc\xb8" "b",                     /* = + U+0338 → ≠ */
    "\xe2\x84\x96" "12",                   /* № → no */
    "Stra\xc3\x9f" "e \xc4\xb0stanbul",    /* ß, İ expand when folded */
    "\xea\xb0\x80\xe1\x86\xa8",           /* Hangul LV + T */
    "\xef\xac\x81le \xe2\x85\xa0",        /* ﬁ, Ⅰ */
    "「引号」《书名》—“双引号”、。",
    "\xe3\x81\x8b\xe3\x82\x99",           /* か + dakuten → が */
    "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *fast = wenda_normalize_for_search (texts[i], -1);
      g_autofree char *slow = wenda_normalize_for_search_slow (texts[i], -1);

      g_assert_cmpstr (fast, ==, slow);

      /* Every prefix, in bytes, also with a length */
      for (gsize n = 0; n <= strlen (texts[i]); n++)
        {
          g_autofree char *fast_n = wenda_normalize_for_search (texts[i], n);
          g_autofree char *slow_n = wenda_normalize_for_search_slow (texts[i], n);

          g_assert_cmpstr (fast_n, ==, slow_n);
        }
    }

  /* Every ASCII character, alone and before each of a few others */
  for (guint c = 1; c < 0x80; c++)
    {
      static const char * const after[] = { "", "A", "\xcc\x81", "（", "中" };

      for (guint j = 0; j < G_N_ELEMENTS (after); j++)
        {
          g_autofree char *text = g_strdup_printf ("%c%s", c, after[j]);
          g_autofree char *fast = wenda_normalize_for_search (text, -1);
          g_autofree char *slow = wenda_normalize_for_search_slow (text, -1);

          g_assert_cmpstr (fast, ==, slow);
        }
    }

  /* Invalid UTF-8 folds to "", as GLib's does */
  {
    g_autofree char *fast = wenda_normalize_for_search ("ab\xff", -1);
    g_autofree char *slow = wenda_normalize_for_search_slow ("ab\xff", -1);

    g_assert_cmpstr (fast, ==, slow);
  }
}

/* The term key drops exactly what g_unichar_isspace() calls a blank (and
 * '?'), also on the ASCII fast path. */
static void
test_item_dup_term_blanks (void)
{
  for (guint c = 1; c < 0x80; c++)
    {
      g_autofree char *question = g_strdup_printf ("(A%cB)", c);
      g_autoptr(WendaQaItem) item = wenda_qa_item_new (NULL, 1, question, "a", NULL);
      g_autofree char *term = wenda_qa_item_dup_term (item);
      gboolean dropped = c == '?' || g_unichar_isspace (c);
      g_autofree char *expected = NULL;

      if (c == ')' || c == ',' || c == ';')
        continue;  /* ends the gloss */

      expected = dropped ? g_strdup ("ab") : g_strdup_printf ("a%cb", g_ascii_tolower (c));
      g_assert_cmpstr (term, ==, expected);
    }
}

/* A gloss is cut at '、' as a character, not at any byte it shares with
 * another character (而 is E8 80 8C, and 、 is E3 80 81), which used to cut
 * 而 in half and read past the end of the key. */
static void
test_item_dup_term_cjk_gloss (void)
{
  static const struct { const char *question, *term; } cases[] = {
    { "什么是（而且）？", "而且" },
    { "什么是（注意力、自注意力）？", "注意力" },
    { "什么是（Ｌｏｒａ；低秩）？", "lora" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WendaQaItem) item = wenda_qa_item_new (NULL, i + 1, cases[i].question, "a", NULL);
      g_autofree char *term = wenda_qa_item_dup_term (item);

      g_assert_cmpstr (term, ==, cases[i].term);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Item/properties", test_item_properties);
  g_test_add_func ("/Wenda/Item/null-fields", test_item_null_fields);
  g_test_add_func ("/Wenda/Item/normalize", test_item_normalize);
  g_test_add_func ("/Wenda/Item/search-text", test_item_search_text);
  g_test_add_func ("/Wenda/Item/dup-term", test_item_dup_term);
  g_test_add_func ("/Wenda/Item/equal", test_item_equal);
  g_test_add_func ("/Wenda/Item/no-duplicates", test_item_no_duplicates);
  g_test_add_func ("/Wenda/Item/normalize-fast", test_item_normalize_fast);
  g_test_add_func ("/Wenda/Item/dup-term-blanks", test_item_dup_term_blanks);
  g_test_add_func ("/Wenda/Item/dup-term-cjk-gloss", test_item_dup_term_cjk_gloss);

  return g_test_run ();
}
