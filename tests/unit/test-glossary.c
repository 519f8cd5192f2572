/* test-glossary.c: WendaGlossary, the bilingual terms of a bank, and the
 * links between items
 *
 * The tests on the bundled bank run twice: on the Chinese alone, and with
 * the English catalog applied, which must change neither the terms nor
 * the links in the Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "wenda-bank.h"
#include "wenda-catalog.h"
#include "wenda-glossary.h"
#include "wenda-import.h"

#include "test-util.h"

/* How many terms the bundled bank glosses */
#define BUNDLED_N_TERMS 27

/* Helpers {{{ */

typedef enum
{
  WITH_CHINESE_ONLY,
  WITH_ENGLISH,
} BankVariant;

/* The bundled bank, with the English catalog applied for WITH_ENGLISH. */
static WendaBank *
load_bank (BankVariant variant)
{
  return variant == WITH_ENGLISH ? unit_load_bundled_bilingual () : unit_load_bundled ();
}

static WendaBank *
make_bank (const char * const *texts,
           guint                n_items)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* texts holds a question and an answer for each item */
  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *id = g_strdup_printf ("g-%u", i + 1);

      g_ptr_array_add (items, wenda_qa_item_new (id, i + 1, texts[2 * i], texts[2 * i + 1], NULL));
    }

  return wenda_bank_new ("术语", items);
}

static gboolean
numbers_contain (const guint *numbers,
                 guint        n,
                 guint        number)
{
  for (guint i = 0; i < n; i++)
    if (numbers[i] == number)
      return TRUE;
  return FALSE;
}

static void
assert_numbers (const guint *numbers,
                guint        n,
                const guint *expected,
                guint        n_expected)
{
  g_assert_cmpmem (numbers, n * sizeof (guint), expected, n_expected * sizeof (guint));
}

/* Asserts the term @zh exists with @en and @abbreviation, and returns it. */
static WendaGlossaryTerm *
assert_term (WendaGlossary *glossary,
             const char    *zh,
             const char    *en,
             const char    *abbreviation)
{
  WendaGlossaryTerm *term = wenda_glossary_lookup (glossary, zh);

  if (term == NULL)
    g_error ("no term “%s”", zh);

  g_assert_cmpstr (wenda_glossary_term_get_zh (term), ==, zh);
  g_assert_cmpstr (wenda_glossary_term_get_en (term), ==, en);
  g_assert_cmpstr (wenda_glossary_term_get_abbreviation (term), ==, abbreviation);

  return term;
}

static void
assert_definers (WendaGlossaryTerm *term,
                 const guint       *expected,
                 guint              n_expected)
{
  const guint *definers;
  guint n = G_MAXUINT;

  definers = wenda_glossary_term_get_definers (term, &n);
  assert_numbers (definers, n, expected, n_expected);
}

/* The text of @link in @text. */
static char *
link_text (const char          *text,
           const WendaTermLink *link)
{
  return g_strndup (text + link->start, link->end - link->start);
}

/* Whether @text has a link to @target whose text is @span. */
static gboolean
has_link (GArray     *links,
          const char *text,
          const char *span,
          guint       target)
{
  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *s = link_text (text, link);

      if (link->target == target && g_str_equal (s, span))
        return TRUE;
    }

  return FALSE;
}

static gboolean
links_to (GArray *links,
          guint   target)
{
  for (guint i = 0; i < links->len; i++)
    if (g_array_index (links, WendaTermLink, i).target == target)
      return TRUE;
  return FALSE;
}

static gboolean
is_char_boundary (const char *text,
                  gsize       offset)
{
  return ((guchar)text[offset] & 0xC0) != 0x80;
}

/* What every list of links must be: in order, not overlapping, on
 * character boundaries, each the text of its term, to an item that
 * defines the term and is not @number. */
static void
assert_links_valid (WendaGlossary *glossary,
                    const char    *text,
                    guint          number,
                    GArray        *links)
{
  gsize len = strlen (text);
  gsize previous_end = 0;

  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *span = link_text (text, link);
      WendaGlossaryTerm *term = link->term;
      const char *abbreviation;
      const guint *definers;
      guint n_definers;

      g_assert_cmpuint (link->start, <, link->end);
      g_assert_cmpuint (link->end, <=, len);
      g_assert_cmpuint (link->start, >=, previous_end);
      previous_end = link->end;

      g_assert_true (is_char_boundary (text, link->start));
      g_assert_true (is_char_boundary (text, link->end));
      g_assert_true (g_utf8_validate (span, -1, NULL));

      g_assert_true (WENDA_IS_GLOSSARY_TERM (term));
      g_assert_true (wenda_glossary_lookup (glossary, wenda_glossary_term_get_zh (term)) == term);

      abbreviation = wenda_glossary_term_get_abbreviation (term);
      if (!g_str_equal (span, wenda_glossary_term_get_zh (term)) &&
          g_ascii_strcasecmp (span, wenda_glossary_term_get_en (term)) != 0 &&
          g_strcmp0 (span, abbreviation) != 0)
        g_error ("link “%s” is not the text of %s", span, wenda_glossary_term_get_en (term));

      /* Never to the item itself, nor a term it defines */
      definers = wenda_glossary_term_get_definers (term, &n_definers);
      g_assert_cmpuint (n_definers, >, 0);
      g_assert_cmpuint (link->target, ==, definers[0]);
      g_assert_cmpuint (link->target, !=, number);
      g_assert_false (numbers_contain (definers, n_definers, number));
    }
}

static GArray *
find_links (WendaGlossary *glossary,
            const char    *text,
            guint          number)
{
  GArray *links = wenda_glossary_find_links (glossary, text, number);

  g_assert_nonnull (links);
  assert_links_valid (glossary, text, number, links);

  return links;
}

static GArray *
find_item_links (WendaGlossary *glossary,
                 WendaBank     *bank,
                 guint          number,
                 WendaQaField   field,
                 WendaLanguage  language,
                 const char   **text)
{
  WendaQaItem *item = wenda_bank_lookup_number (bank, number);

  g_assert_nonnull (item);
  *text = wenda_qa_item_get_text (item, field, language);

  return find_links (glossary, *text, number);
}

/* }}} */

/* Terms of the bundled bank {{{ */

static void
test_glossary_terms (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  GListModel *model = G_LIST_MODEL (glossary);
  WendaGlossaryTerm *term;
  const guint *numbers;
  guint n;

  g_assert_true (g_list_model_get_item_type (model) == WENDA_TYPE_GLOSSARY_TERM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, BUNDLED_N_TERMS);
  g_assert_null (g_list_model_get_item (model, BUNDLED_N_TERMS));

  term = assert_term (glossary, "预训练", "Pre-training", NULL);
  assert_definers (term, (guint[]) { 1 }, 1);
  term = assert_term (glossary, "微调", "Fine-tuning", NULL);
  assert_definers (term, (guint[]) { 1 }, 1);
  term = assert_term (glossary, "知识蒸馏", "Knowledge Distillation", NULL);
  assert_definers (term, (guint[]) { 9, 29 }, 2);
  term = assert_term (glossary, "图神经网络", "Graph Neural Network", "GNN");
  assert_definers (term, (guint[]) { 16 }, 1);
  term = assert_term (glossary, "联邦学习", "Federated Learning", NULL);
  assert_definers (term, (guint[]) { 12, 30 }, 2);
  term = assert_term (glossary, "迁移学习", "Transfer Learning", NULL);
  assert_definers (term, (guint[]) { 7, 27 }, 2);
  term = assert_term (glossary, "自注意力机制", "Self-Attention", NULL);
  assert_definers (term, (guint[]) { 24 }, 1);
  term = assert_term (glossary, "注意力机制", "Attention Mechanism", NULL);
  assert_definers (term, (guint[]) { 14 }, 1);
  /* 24 uses it on its own; 25 only inside 自注意力机制, which is no use of
   * it (users are found the way links are: longest term first). */
  numbers = wenda_glossary_term_get_users (term, &n);
  assert_numbers (numbers, n, (guint[]) { 14, 24 }, 2);
  /* The abbreviation glossed in the question of item 23 itself */
  term = assert_term (glossary, "长短时记忆网络", "Long Short-Term Memory", "LSTM");
  assert_definers (term, (guint[]) { 23 }, 1);

  /* Item 9 glosses 大型卷积神经网络（CNN）: it joins the term of item 21 */
  term = assert_term (glossary, "卷积神经网络", "Convolutional Neural Network", "CNN");
  assert_definers (term, (guint[]) { 21 }, 1);
  numbers = wenda_glossary_term_get_users (term, &n);
  g_assert_true (numbers_contain (numbers, n, 9));
  g_assert_true (numbers_contain (numbers, n, 21));
  g_assert_null (wenda_glossary_lookup (glossary, "大型卷积神经网络"));

  /* Glossed only in answers and explanations: a term nobody defines */
  term = assert_term (glossary, "随机梯度下降", "SGD", NULL);
  assert_definers (term, NULL, 0);
  numbers = wenda_glossary_term_get_users (term, &n);
  assert_numbers (numbers, n, (guint[]) { 6, 26 }, 2);
}

static void
test_glossary_sorted (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  GListModel *model = G_LIST_MODEL (glossary);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *previous = NULL;
  guint n_items = g_list_model_get_n_items (model);

  g_assert_cmpuint (n_items, ==, BUNDLED_N_TERMS);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaGlossaryTerm) term = g_list_model_get_item (model, i);
      const char *en = wenda_glossary_term_get_en (term);
      const char *zh = wenda_glossary_term_get_zh (term);
      const guint *numbers;
      guint n;

      g_assert_nonnull (en);
      g_assert_nonnull (zh);
      g_assert_cmpstr (zh, !=, "");

      /* By English, ignoring case */
      if (previous != NULL)
        g_assert_cmpint (g_ascii_strcasecmp (previous, en), <, 0);
      g_free (previous);
      previous = g_strdup (en);

      /* One term for each Chinese word */
      g_assert_false (g_hash_table_contains (seen, zh));
      g_hash_table_add (seen, (gpointer)zh);

      /* Numbers ascend, and whoever defines a term uses it */
      numbers = wenda_glossary_term_get_definers (term, &n);
      for (guint j = 1; j < n; j++)
        g_assert_cmpuint (numbers[j - 1], <, numbers[j]);
      for (guint j = 0; j < n; j++)
        {
          const guint *users;
          guint n_users;

          users = wenda_glossary_term_get_users (term, &n_users);
          g_assert_true (numbers_contain (users, n_users, numbers[j]));
        }
      numbers = wenda_glossary_term_get_users (term, &n);
      g_assert_cmpuint (n, >, 0);
      for (guint j = 1; j < n; j++)
        g_assert_cmpuint (numbers[j - 1], <, numbers[j]);
    }

  /* Ignoring case, "Self-Attention" comes before "SGD" (a plain strcmp()
   * puts it after), so the loop above checks that too */
  {
    g_autoptr(WendaGlossaryTerm) first = g_list_model_get_item (model, 0);
    g_autoptr(WendaGlossaryTerm) last = g_list_model_get_item (model, n_items - 1);

    g_assert_cmpstr (wenda_glossary_term_get_en (first), ==, "Adaptive Learning Rate");
    g_assert_cmpstr (wenda_glossary_term_get_en (last), ==, "Transfer Learning");
  }
}

static void
test_glossary_lookup (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  WendaGlossaryTerm *gnn = wenda_glossary_lookup (glossary, "图神经网络");

  g_assert_nonnull (gnn);
  g_assert_true (wenda_glossary_lookup (glossary, "Graph Neural Network") == gnn);
  g_assert_true (wenda_glossary_lookup (glossary, "graph neural network") == gnn);
  g_assert_true (wenda_glossary_lookup (glossary, "GRAPH Neural NETWORK") == gnn);
  g_assert_true (wenda_glossary_lookup (glossary, "GNN") == gnn);
  g_assert_true (wenda_glossary_lookup (glossary, "pre-training") ==
                 wenda_glossary_lookup (glossary, "预训练"));
  g_assert_true (wenda_glossary_lookup (glossary, "CNN") ==
                 wenda_glossary_lookup (glossary, "卷积神经网络"));

  /* Not a part of a term, nor a term with more or less around it */
  g_assert_null (wenda_glossary_lookup (glossary, "神经网络"));
  g_assert_null (wenda_glossary_lookup (glossary, "什么是预训练"));
  g_assert_null (wenda_glossary_lookup (glossary, "Graph"));
  g_assert_null (wenda_glossary_lookup (glossary, "Graph Neural Networks"));
  g_assert_null (wenda_glossary_lookup (glossary, ""));
  g_assert_null (wenda_glossary_lookup (glossary, "Transformer"));
}

/* }}} */

/* Links in the bundled bank {{{ */

static void
test_glossary_links_longest (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  const char *text;

  /* 基于自注意力机制的: the longer term, not 注意力机制 inside it */
  links = find_item_links (glossary, bank, 25, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (has_link (links, text, "自注意力机制", 24));
  g_assert_false (links_to (links, 14));
  g_clear_pointer (&links, g_array_unref);

  links = find_item_links (glossary, bank, 25, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_ZH, &text);
  g_assert_true (has_link (links, text, "自注意力机制", 24));
  g_assert_true (has_link (links, text, "自然语言处理", 20));
  g_assert_false (links_to (links, 14));
  g_clear_pointer (&links, g_array_unref);

  /* Where 注意力机制 stands alone, it is a link */
  links = find_item_links (glossary, bank, 24, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_true (has_link (links, text, "注意力机制", 14));
}

static void
test_glossary_links_abbreviation (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  const char *text;

  /* 一种改进的 RNN 模型: RNN is item 22's; LSTM, item 23's own, is none */
  links = find_item_links (glossary, bank, 23, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (has_link (links, text, "RNN", 22));
}

static void
test_glossary_links_chinese (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  const char *text;

  /* 基于图神经网络的深度学习模型 */
  links = find_item_links (glossary, bank, 17, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (has_link (links, text, "图神经网络", 16));
  g_clear_pointer (&links, g_array_unref);

  /* Item 9 defines 知识蒸馏, item 8 links to it */
  links = find_item_links (glossary, bank, 8, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_ZH, &text);
  g_assert_true (has_link (links, text, "知识蒸馏", 9));
  g_clear_pointer (&links, g_array_unref);

  /* and item 9 does not, to itself or to its twin 29 */
  links = find_item_links (glossary, bank, 9, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_false (links_to (links, 9));
  g_assert_false (links_to (links, 29));
}

/* Every field of every item, in both languages: no link to the item
 * itself, or to a term it defines (assert_links_valid()). */
static void
test_glossary_links_never_self (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  guint n_links = 0;

  g_assert_cmpuint (n_items, ==, 30);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      guint number = wenda_qa_item_get_number (item);

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          for (WendaLanguage l = WENDA_LANGUAGE_ZH; l <= WENDA_LANGUAGE_EN; l++)
            {
              const char *text = wenda_qa_item_get_text (item, f, l);
              g_autoptr(GArray) links = find_links (glossary, text, number);

              n_links += links->len;
            }
        }
    }

  /* So that the checks above ran on something */
  g_assert_cmpuint (n_links, >=, 20);
}

/* A question glosses the term it defines: no question of the bundled bank
 * links to its own term, and the glossed English is no link either. */
static void
test_glossary_links_definer (gconstpointer data)
{
  g_autoptr(WendaBank) bank = load_bank (GPOINTER_TO_INT (data));
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  const char *text;

  /* 什么是图神经网络（Graph Neural Network）？ */
  links = find_item_links (glossary, bank, 16, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 0);
  g_clear_pointer (&links, g_array_unref);

  /* The same question from another item is a link, Chinese and English */
  links = find_links (glossary, text, 17);
  g_assert_cmpuint (links->len, ==, 2);
  g_assert_true (has_link (links, text, "图神经网络", 16));
  g_assert_true (has_link (links, text, "Graph Neural Network", 16));
}

static void
test_glossary_links_english (void)
{
  g_autoptr(WendaBank) bank = load_bank (WITH_ENGLISH);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  g_autofree char *lowered = NULL;
  const char *text;

  /* "… based on self-attention." */
  links = find_item_links (glossary, bank, 25, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN, &text);
  g_assert_true (has_link (links, text, "self-attention", 24));
  g_assert_false (links_to (links, 14));
  g_clear_pointer (&links, g_array_unref);

  /* "… is a model based on graph neural networks" or the like */
  links = find_item_links (glossary, bank, 17, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN, &text);
  g_assert_true (links_to (links, 16));
  g_clear_pointer (&links, g_array_unref);

  /* "… an improved RNN model" */
  links = find_item_links (glossary, bank, 23, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN, &text);
  g_assert_true (has_link (links, text, "RNN", 22));
  g_clear_pointer (&links, g_array_unref);

  /* The English question of item 24 names its own term, unlinked */
  links = find_item_links (glossary, bank, 24, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN, &text);
  lowered = g_ascii_strdown (text, -1);
  g_assert_nonnull (strstr (lowered, "self-attention"));
  g_assert_cmpuint (links->len, ==, 0);
}

/* }}} */

/* Links in synthetic text {{{ */

typedef struct
{
  const char *text;
  const char *span;     /* NULL: no link */
  guint       target;
} WordCase;

static void
test_glossary_word_boundaries (void)
{
  static const WordCase cases[] = {
    { "RNN", "RNN", 22 },
    { "An RNN model", "RNN", 22 },
    { "Two RNNs remember", "RNN", 22 },
    { "(RNN)", "RNN", 22 },
    { "RNN.", "RNN", 22 },
    { "一种RNN模型", "RNN", 22 },
    { "xRNN", NULL, 0 },
    { "RNNx", NULL, 0 },
    { "RNNsx", NULL, 0 },
    { "2RNN", NULL, 0 },
    { "RNN_cell", NULL, 0 },
    { "Graph Neural Networks learn", "Graph Neural Network", 16 },
    { "a graph neural network", "graph neural network", 16 },
    { "GRAPH NEURAL NETWORK", "GRAPH NEURAL NETWORK", 16 },
    { "Graph Neural Networked", NULL, 0 },
    { "subgraph neural network", NULL, 0 },
    /* "attention" after "self-" is no word of its own */
    { "self-attention mechanism", "self-attention", 24 },
    /* Chinese has no word boundaries */
    { "一种图神经网络模型", "图神经网络", 16 },
    /* Nobody defines SGD */
    { "SGD", NULL, 0 },
    { "随机梯度下降", NULL, 0 },
  };
  g_autoptr(WendaBank) bank = load_bank (WITH_CHINESE_ONLY);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* 0 is no item: every term may link */
      g_autoptr(GArray) links = find_links (glossary, cases[i].text, 0);

      g_test_message ("“%s”", cases[i].text);

      if (cases[i].span == NULL)
        {
          g_assert_cmpuint (links->len, ==, 0);
        }
      else
        {
          g_assert_cmpuint (links->len, ==, 1);
          g_assert_true (has_link (links, cases[i].text, cases[i].span, cases[i].target));
        }
    }

  /* The item that defines RNN does not link it */
  {
    g_autoptr(GArray) links = find_links (glossary, "Two RNNs remember", 22);

    g_assert_cmpuint (links->len, ==, 0);
  }
}

static void
test_glossary_links_several (void)
{
  static const char text[] = "预训练和微调之后，用知识蒸馏把 CNN 压缩，再用 GNN 和图神经网络。";
  static const struct { const char *span; guint target; } expected[] = {
    { "预训练", 1 },
    { "微调", 1 },
    { "知识蒸馏", 9 },
    { "CNN", 21 },
    { "GNN", 16 },
    { "图神经网络", 16 },
  };
  g_autoptr(WendaBank) bank = load_bank (WITH_CHINESE_ONLY);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = find_links (glossary, text, 0);
  g_autoptr(GArray) from_1 = NULL;

  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *span = link_text (text, link);

      g_assert_cmpstr (span, ==, expected[i].span);
      g_assert_cmpuint (link->target, ==, expected[i].target);
    }

  /* Item 1 defines 预训练 and 微调 */
  from_1 = find_links (glossary, text, 1);
  g_assert_cmpuint (from_1->len, ==, G_N_ELEMENTS (expected) - 2);
  g_assert_false (links_to (from_1, 1));
}

/* }}} */

/* Synthetic banks {{{ */

static void
test_glossary_single_gloss (void)
{
  static const char * const texts[] = {
    "什么是优化器？", "常见的优化器包括随机梯度下降（SGD）等。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  WendaGlossaryTerm *term;
  const guint *users;
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);

  /* Cut after 包括, not 常见的优化器包括随机梯度下降 */
  term = assert_term (glossary, "随机梯度下降", "SGD", NULL);
  assert_definers (term, NULL, 0);
  users = wenda_glossary_term_get_users (term, &n);
  assert_numbers (users, n, (guint[]) { 1 }, 1);
}

static void
test_glossary_single_question (void)
{
  static const char * const texts[] = {
    "什么是知识蒸馏（Knowledge Distillation）？", "一种压缩模型的方法。",
    "什么是模型压缩？", "例如知识蒸馏。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  WendaGlossaryTerm *term;
  const guint *users;
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);

  /* Cut after 什么是 */
  term = assert_term (glossary, "知识蒸馏", "Knowledge Distillation", NULL);
  assert_definers (term, (guint[]) { 1 }, 1);
  users = wenda_glossary_term_get_users (term, &n);
  assert_numbers (users, n, (guint[]) { 1, 2 }, 2);

  links = find_links (glossary, texts[3], 2);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (has_link (links, texts[3], "知识蒸馏", 1));
}

static void
test_glossary_common_suffix (void)
{
  static const char * const texts[] = {
    "什么是卷积神经网络（Convolutional Neural Network，CNN）？",
    "卷积神经网络（Convolutional Neural Network）用于图像。",
    "什么是迁移学习？",
    "例如，使用大型卷积神经网络（CNN）和小型卷积神经网络(convolutional neural network)。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  WendaGlossaryTerm *term;
  const guint *users;
  guint n;

  /* One term, whatever the case of its English, the brackets, and an
   * abbreviation glossed alone */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);
  term = assert_term (glossary, "卷积神经网络", "Convolutional Neural Network", "CNN");
  assert_definers (term, (guint[]) { 1 }, 1);
  users = wenda_glossary_term_get_users (term, &n);
  assert_numbers (users, n, (guint[]) { 1, 2 }, 2);
}

static void
test_glossary_suffix_boundary (void)
{
  /* 预 and 的 end in the same byte (E9 A2 84, E7 9A 84): the common
   * suffix must not start inside a character */
  static const char * const texts[] = {
    "什么是预训练（Pre-training）？", "大模型的训练（Pre-training）很重要。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(WendaGlossaryTerm) term = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);
  term = g_list_model_get_item (G_LIST_MODEL (glossary), 0);
  g_assert_true (g_utf8_validate (wenda_glossary_term_get_zh (term), -1, NULL));
  g_assert_cmpstr (wenda_glossary_term_get_zh (term), ==, "训练");
}

static void
test_glossary_ascii_brackets (void)
{
  static const char * const texts[] = {
    "什么是预训练(Pre-training)?", "预训练( Pre-training )是第一步。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  WendaGlossaryTerm *term;

  /* The English is stripped of the blanks around it */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);
  term = assert_term (glossary, "预训练", "Pre-training", NULL);
  assert_definers (term, (guint[]) { 1 }, 1);
}

static void
test_glossary_abbreviations (void)
{
  static const char * const texts[] = {
    /* The first abbreviation stays */
    "什么是强化学习（Reinforcement Learning，RL）？", "强化学习（Reinforcement Learning, RLX）是一种方法。",
    /* A blank or nothing after the comma is no abbreviation */
    "什么是变换器（Transformer，a model）？", "变换器（Transformer，）是一种模型。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 2);
  assert_term (glossary, "强化学习", "Reinforcement Learning", "RL");
  assert_term (glossary, "变换器", "Transformer", NULL);
  g_assert_null (wenda_glossary_lookup (glossary, "RLX"));
  g_assert_null (wenda_glossary_lookup (glossary, "a model"));
}

/* Where one term starts another, the longer one is the link, in either
 * language. */
static void
test_glossary_longest_match (void)
{
  static const char * const texts[] = {
    "什么是注意力（Attention）？", "一种机制。",
    "什么是注意力机制（Attention Mechanism）？", "一种方法。",
  };
  static const char text[] = "注意力机制与注意力; Attention Mechanism and attention";
  static const struct { const char *span; guint target; } expected[] = {
    { "注意力机制", 2 },
    { "注意力", 1 },
    { "Attention Mechanism", 2 },
    { "attention", 1 },
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) from_2 = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 2);
  assert_term (glossary, "注意力", "Attention", NULL);
  assert_term (glossary, "注意力机制", "Attention Mechanism", NULL);

  links = find_links (glossary, text, 0);
  g_assert_cmpuint (links->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *span = link_text (text, link);

      g_assert_cmpstr (span, ==, expected[i].span);
      g_assert_cmpuint (link->target, ==, expected[i].target);
    }

  /* In item 2, its own term hides the shorter one inside it */
  from_2 = find_links (glossary, text, 2);
  g_assert_cmpuint (from_2->len, ==, 2);
  g_assert_true (has_link (from_2, text, "注意力", 1));
  g_assert_true (has_link (from_2, text, "attention", 1));
}

/* The Han run before a gloss must be there: after Latin text, a gloss
 * is none, and does not spoil the term's other occurrences. */
static void
test_glossary_latin_before_gloss (void)
{
  static const char * const texts[] = {
    "什么是预训练（Pre-training）？", "See (Pre-training): 预训练（Pre-training）是第一步。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 1);
  assert_term (glossary, "预训练", "Pre-training", NULL);
}

/* Users are found in the English too; the fixture catalog renders
 * 这种方法很常用。 with "Fine-tuning" in it. */
static void
test_glossary_english_users (void)
{
  static const char * const texts[] = {
    "什么是微调（Fine-tuning）？", "微调是在小规模数据集上调整模型权重。",
    "什么是梯度裁剪？", "这种方法很常用。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) before = wenda_glossary_new_for_bank (bank);
  g_autoptr(WendaGlossary) after = NULL;
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) links = NULL;
  g_autofree char *path = NULL;
  WendaGlossaryTerm *term;
  const guint *users;
  const char *text;
  guint n;

  term = assert_term (before, "微调", "Fine-tuning", NULL);
  users = wenda_glossary_term_get_users (term, &n);
  assert_numbers (users, n, (guint[]) { 1 }, 1);

  path = g_test_build_filename (G_TEST_BUILT, "catalog-sample-little.mo", NULL);
  catalog = wenda_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  wenda_bank_apply_catalog (bank, catalog);

  after = wenda_glossary_new_for_bank (bank);
  term = assert_term (after, "微调", "Fine-tuning", NULL);
  users = wenda_glossary_term_get_users (term, &n);
  assert_numbers (users, n, (guint[]) { 1, 2 }, 2);

  links = find_item_links (after, bank, 2, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN, &text);
  g_assert_cmpstr (text, ==, "Fine-tuning is a common method.");
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_true (has_link (links, text, "Fine-tuning", 1));
}

static void
test_glossary_no_glosses (void)
{
  static const char * const texts[] = {
    "什么是优化器？", "优化器是一种用于更新模型参数的算法。",
    "什么是Transformer模型？", "Transformer 模型是一种序列到序列模型。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (glossary), 0));
  g_assert_null (wenda_glossary_lookup (glossary, "优化器"));

  links = find_links (glossary, texts[1], 2);
  g_assert_cmpuint (links->len, ==, 0);
}

static void
test_glossary_empty_bank (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(WendaBank) bank = wenda_bank_new (NULL, items);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = find_links (glossary, "", 1);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 0);
  g_assert_cmpuint (links->len, ==, 0);
}

static void
test_glossary_not_glosses (void)
{
  static const char * const texts[] = {
    /* Chinese inside the brackets */
    "什么是多模态学习？", "同时处理多种类型数据（如文本、图像）的方法。",
    "什么是混合（mixed 精度）训练？", "一种训练方法。",
    /* No letter inside */
    "什么是批量大小？", "常用的批量大小（32）和（）。",
    /* No Chinese before */
    "What is (Pre-training)?", "它是 (Pre-training)。",
    /* Never closed */
    "什么是微调（Fine-tuning？", "没有右括号。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (glossary)), ==, 0);
}

/* Each text is the answer of a bank's one item; the glossary must hold
 * exactly the term given, or none. */
typedef struct
{
  const char *text;
  const char *zh;            /* NULL: no term */
  const char *en;
  const char *abbreviation;
} GlossCase;

static void
check_gloss_cases (const GlossCase *cases,
                   gsize            n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      const char * const texts[] = { "问题？", cases[i].text };
      g_autoptr(WendaBank) bank = make_bank (texts, 1);
      g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
      guint n_terms = g_list_model_get_n_items (G_LIST_MODEL (glossary));

      g_test_message ("“%s”", cases[i].text);
      if (cases[i].zh == NULL)
        {
          if (n_terms > 0)
            {
              g_autoptr(WendaGlossaryTerm) term = g_list_model_get_item (G_LIST_MODEL (glossary), 0);

              g_error ("“%s” is no term, but gave %s ↔ %s", cases[i].text,
                       wenda_glossary_term_get_zh (term), wenda_glossary_term_get_en (term));
            }
        }
      else
        {
          g_assert_cmpuint (n_terms, ==, 1);
          assert_term (glossary, cases[i].zh, cases[i].en, cases[i].abbreviation);
        }
    }
}

/* The ways notes gloss a term */
static void
test_glossary_gloss_shapes (void)
{
  static const GlossCase cases[] = {
    { "张量并行（Tensor Parallelism, TP）把矩阵切开。", "张量并行", "Tensor Parallelism", "TP" },
    { "而张量并行（TP，Tensor Parallelism）要频繁通信。", "张量并行", "Tensor Parallelism", "TP" },
    { "把模型切开叫流水线并行 (pipeline parallelism)。", "流水线并行", "pipeline parallelism", NULL },
    { "可以用**梯度累积**（Gradient Accumulation）模拟大批量。", "梯度累积", "Gradient Accumulation", NULL },
    { "**梯度累积（Gradient Accumulation）**是常用的方法。", "梯度累积", "Gradient Accumulation", NULL },
    /* Never cut inside a word */
    { "什么是在线学习（online learning）？", "在线学习", "online learning", NULL },
    { "每个词元由路由器（router）分配。", "路由器", "router", NULL },
    { "它通过函数调用（function calling）使用工具。", "函数调用", "function calling", NULL },
    /* A Latin token of the word */
    { "推理时用 KV 缓存（KV Cache）。", "KV 缓存", "KV Cache", NULL },
    { "常和 top-p 采样（nucleus sampling）一起用。", "top-p 采样", "nucleus sampling", NULL },
    { "加上 L2 正则化（L2 regularization）。", "L2 正则化", "L2 regularization", NULL },
    /* English first */
    { "LoRA（低秩适配）冻结原来的权重。", "低秩适配", "LoRA", NULL },
    { "很多模型换成了 RMSNorm（均方根归一化）。", "均方根归一化", "RMSNorm", NULL },
    /* What the parentheses say of it */
    { "张量并行（简称 TP）要频繁通信。", "张量并行", "TP", NULL },
    { "张量并行（英文：Tensor Parallelism）。", "张量并行", "Tensor Parallelism", NULL },
    /* Function words, particles and frames */
    { "常见的优化器包括随机梯度下降（SGD）。", "随机梯度下降", "SGD", NULL },
    { "这就是偏差-方差权衡（bias-variance tradeoff）。", "偏差-方差权衡", "bias-variance tradeoff", NULL },
    { "在张量并行（TP）中，每张卡只算一部分。", "张量并行", "TP", NULL },
    { "基于人类反馈的强化学习（Reinforcement Learning from Human Feedback，RLHF）分三步。",
      "基于人类反馈的强化学习", "Reinforcement Learning from Human Feedback", "RLHF" },
    { "模型用了混合专家（Mixture of Experts，MoE）结构。", "混合专家", "Mixture of Experts", "MoE" },
    /* "B without A" at the very start of the text (a 的 is looked for
     * before the word: not before the text) */
    { "微调（tuning without labels）很常见。", "微调", "tuning without labels", NULL },
    /* Acronyms are no sentence words */
    { "什么是重要性采样（IS）？", "重要性采样", "IS", NULL },
  };

  check_gloss_cases (cases, G_N_ELEMENTS (cases));
}

/* Parentheses that are no gloss of a term */
static void
test_glossary_gloss_traps (void)
{
  static const GlossCase cases[] = {
    /* Products, models and hardware */
    { "在 8 卡的节点（DGX A100）上训练。", NULL, NULL, NULL },
    { "一张显卡（H100）的显存是 80 GB。", NULL, NULL, NULL },
    { "所以也写作张量并行（Megatron-LM）。", NULL, NULL, NULL },
    { "常用的训练框架（DeepSpeed）支持 ZeRO。", NULL, NULL, NULL },
    { "深度学习框架（PyTorch）会跳过这些参数。", NULL, NULL, NULL },
    { "集合通信库（NCCL）负责 All-Reduce。", NULL, NULL, NULL },
    { "显卡（RTX 4090）不够用。", NULL, NULL, NULL },
    { "大模型（GPT-4）的能力很强。", NULL, NULL, NULL },
    { "模型（Llama2）开源了。", NULL, NULL, NULL },
    { "HumanEval（代码生成）是常用的基准。", NULL, NULL, NULL },
    /* People and citations */
    { "推荐斯坦福的机器学习（Andrew Ng）公开课。", NULL, NULL, NULL },
    { "深度学习先驱杰弗里·辛顿（Geoffrey Hinton）。", NULL, NULL, NULL },
    { "反向传播后来被推广（Rumelhart et al., 1986）。", NULL, NULL, NULL },
    { "这一结构来自残差网络（He et al., 2016）。", NULL, NULL, NULL },
    { "这种做法并不等价（Loshchilov & Hutter, 2019）。", NULL, NULL, NULL },
    { "注意力机制（2017）很流行。", NULL, NULL, NULL },
    /* Formulas, code, URLs, images */
    { "学习率取如下（$ a = 0.5 $）。", NULL, NULL, NULL },
    { "缩放系数（$\\alpha$）常取 16。", NULL, NULL, NULL },
    { "对应的实现是 `DistributedDataParallel`（DDP）。", NULL, NULL, NULL },
    { "用函数（`softmax`）归一化。", NULL, NULL, NULL },
    { "原始论文（https://arxiv.org/abs/1706.03762）。", NULL, NULL, NULL },
    { "论文见 https://arxiv.org/abs/1604.06174（Chen et al., 2016）。", NULL, NULL, NULL },
    { "![张量并行（Tensor Parallelism）](images/tp.png)", NULL, NULL, NULL },
    { "```\n张量并行（Tensor Parallelism）\n```", NULL, NULL, NULL },
    { "见 images/lora.png（示意图）。", NULL, NULL, NULL },
    /* Single characters */
    { "秩（r）远小于维度。", NULL, NULL, NULL },
    { "每个头（head）独立计算。", NULL, NULL, NULL },
    { "查询、键（key）和值（value）。", NULL, NULL, NULL },
    { "它是 (Pre-training)。", NULL, NULL, NULL },
    /* Asides, in Chinese and in English */
    { "网络拓扑（见下文）也有影响。", NULL, NULL, NULL },
    { "LoRA 的结构（如图所示）。", NULL, NULL, NULL },
    { "LLaMA-Factory（可选）也可以。", NULL, NULL, NULL },
    { "Milvus（两者都开源）。", NULL, NULL, NULL },
    { "数据质量更重要（This is the main lesson of LIMA.）。", NULL, NULL, NULL },
    { "通常一起使用（see the DeepSpeed-MoE paper）。", NULL, NULL, NULL },
    { "变换器（a model of its own）。", NULL, NULL, NULL },
    { "激活函数（可选 GELU）。", NULL, NULL, NULL },
    /* English with English: no Chinese side */
    { "BF16（bfloat16）的范围大。", NULL, NULL, NULL },
  };

  check_gloss_cases (cases, G_N_ELEMENTS (cases));
}

/* Who defines a term, and so where links go: the items whose question
 * glosses it, else those whose question names it, never one that only
 * uses it. */
static void
test_glossary_definers_named (void)
{
  static const char * const texts[] = {
    "什么是张量并行？", "张量并行（Tensor Parallelism）把一层切到多张卡上。",
    "如何训练大模型？", "可以用张量并行，也可以用流水线并行（pipeline parallelism）和节点内的通信。",
    "流水线并行的气泡怎么减少？", "切成微批次。",
    "什么是数据并行（Data Parallelism）？", "每张卡一份模型。",
    "多节点训练要注意什么？", "数据并行（DP）的通信量和张量并行不同。",
  };
  g_autoptr(WendaBank) bank = make_bank (texts, G_N_ELEMENTS (texts) / 2);
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  g_autoptr(GArray) links = NULL;
  WendaGlossaryTerm *term;
  const char *text;

  /* Glossed in an answer, named by its question */
  term = assert_term (glossary, "张量并行", "Tensor Parallelism", NULL);
  assert_definers (term, (guint[]) { 1 }, 1);
  /* Glossed in an answer, named by another item's question */
  term = assert_term (glossary, "流水线并行", "pipeline parallelism", NULL);
  assert_definers (term, (guint[]) { 3 }, 1);
  /* Glossed in a question: that question, not the others that name it */
  term = assert_term (glossary, "数据并行", "Data Parallelism", "DP");
  assert_definers (term, (guint[]) { 4 }, 1);

  /* The English of a gloss is a link too (as in links/definer) */
  links = find_item_links (glossary, bank, 2, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_true (has_link (links, text, "张量并行", 1));
  g_assert_true (has_link (links, text, "流水线并行", 3));
  g_assert_true (has_link (links, text, "pipeline parallelism", 3));
  g_clear_pointer (&links, g_array_unref);

  /* 数据并行（DP）: the abbreviation glossed alone joined the term */
  links = find_item_links (glossary, bank, 5, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_true (has_link (links, text, "数据并行", 4));
  g_assert_true (has_link (links, text, "DP", 4));
  g_assert_true (has_link (links, text, "张量并行", 1));
  g_clear_pointer (&links, g_array_unref);

  /* The definers link to none of their own terms */
  links = find_item_links (glossary, bank, 1, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH, &text);
  g_assert_cmpuint (links->len, ==, 0);
}

/* }}} */

/* Fixture banks: how often the glossary is right {{{ */

/* tests/fixtures/glossary/ holds banks written for this test in the
 * layouts Wenda reads, with the terms each one glosses checked by hand in
 * expected.txt (its header says how).  The glossary built from each bank
 * is compared with that list:
 *
 *   precision  correct terms / terms produced
 *   recall     expected terms produced / expected terms
 *
 * A produced term is correct when its Chinese, its English (ignoring
 * case) and its abbreviation are those of an expected term.  Links are
 * those the reading pane makes in each topic's Chinese text; a link is
 * wrong when it points to a topic that does not define its term by hand
 * (the expected term with the link term's Chinese, English or
 * abbreviation), or when its term is none of them. */

#define QUALITY_MIN_PRECISION 0.95
#define QUALITY_MIN_RECALL    0.80

typedef struct
{
  char   *zh;
  char   *en;
  char   *abbreviation;  /* nullable */
  GArray *definers;      /* guint */
  gboolean found;
} ExpectedTerm;

static void
expected_term_free (gpointer data)
{
  ExpectedTerm *term = data;

  g_free (term->zh);
  g_free (term->en);
  g_free (term->abbreviation);
  g_array_unref (term->definers);
  g_free (term);
}

typedef struct
{
  char      *file;
  GPtrArray *terms;      /* of ExpectedTerm */
} ExpectedBank;

static void
expected_bank_free (gpointer data)
{
  ExpectedBank *bank = data;

  g_free (bank->file);
  g_ptr_array_unref (bank->terms);
  g_free (bank);
}

/* Reads expected.txt: "[FILE]" sections of "zh\ten\tabbr\tdefiners" lines. */
static GPtrArray *
read_expected (void)
{
  g_autofree char *text = unit_read_fixture ("glossary/expected.txt", NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *banks = g_ptr_array_new_with_free_func (expected_bank_free);
  ExpectedBank *bank = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_auto(GStrv) fields = NULL;
      ExpectedTerm *term;

      if (line[0] == '\0' || line[0] == '#')
        continue;

      if (line[0] == '[')
        {
          gsize len = strlen (line);

          g_assert_cmpint (line[len - 1], ==, ']');
          bank = g_new0 (ExpectedBank, 1);
          bank->file = g_strndup (line + 1, len - 2);
          bank->terms = g_ptr_array_new_with_free_func (expected_term_free);
          g_ptr_array_add (banks, bank);
          continue;
        }

      g_assert_nonnull (bank);
      fields = g_strsplit (line, "\t", -1);
      if (g_strv_length (fields) != 4)
        g_error ("expected.txt:%u: not 4 fields: %s", i + 1, line);

      term = g_new0 (ExpectedTerm, 1);
      term->zh = g_strdup (fields[0]);
      term->en = g_strdup (fields[1]);
      term->abbreviation = g_str_equal (fields[2], "-") ? NULL : g_strdup (fields[2]);
      term->definers = g_array_new (FALSE, FALSE, sizeof (guint));
      if (!g_str_equal (fields[3], "-"))
        {
          g_auto(GStrv) numbers = g_strsplit (fields[3], ",", -1);

          for (guint n = 0; numbers[n] != NULL; n++)
            {
              guint64 number = 0;

              g_assert_true (g_ascii_string_to_unsigned (numbers[n], 10, 1, G_MAXUINT, &number, NULL));
              g_array_append_vals (term->definers, &(guint) { (guint) number }, 1);
            }
        }
      g_ptr_array_add (bank->terms, term);
    }

  return banks;
}

/* The expected term a link's term stands for, when it is not one: the
 * one with its Chinese, English or abbreviation */
static ExpectedTerm *
expected_like (ExpectedBank      *bank,
               WendaGlossaryTerm *term)
{
  const char *abbreviation = wenda_glossary_term_get_abbreviation (term);

  for (guint i = 0; i < bank->terms->len; i++)
    {
      ExpectedTerm *expected = g_ptr_array_index (bank->terms, i);

      if (g_str_equal (expected->zh, wenda_glossary_term_get_zh (term)) ||
          g_ascii_strcasecmp (expected->en, wenda_glossary_term_get_en (term)) == 0 ||
          (abbreviation != NULL && g_strcmp0 (expected->abbreviation, abbreviation) == 0))
        return expected;
    }

  return NULL;
}

static ExpectedTerm *
expected_match (ExpectedBank      *bank,
                WendaGlossaryTerm *term)
{
  for (guint i = 0; i < bank->terms->len; i++)
    {
      ExpectedTerm *expected = g_ptr_array_index (bank->terms, i);

      if (g_str_equal (expected->zh, wenda_glossary_term_get_zh (term)) &&
          g_ascii_strcasecmp (expected->en, wenda_glossary_term_get_en (term)) == 0 &&
          g_strcmp0 (expected->abbreviation, wenda_glossary_term_get_abbreviation (term)) == 0)
        return expected;
    }

  return NULL;
}

typedef struct
{
  guint produced;
  guint correct;
  guint expected;
  guint found;
  guint links;
  guint wrong_links;
} Quality;

static void
measure_bank (ExpectedBank *expected,
              Quality      *quality)
{
  g_autofree char *name = g_build_filename ("glossary", expected->file, NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaGlossary) glossary = NULL;
  g_autoptr(GHashTable) correct = g_hash_table_new (NULL, NULL);  /* term → ExpectedTerm */
  Quality q = { 0, };
  guint n_terms, n_items;
  gsize length;

  text = unit_read_fixture (name, &length);
  bank = wenda_import_parse (text, length, expected->file, WENDA_IMPORT_FORMAT_MARKDOWN, "gloss",
                             NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  glossary = wenda_glossary_new_for_bank (bank);

  n_terms = g_list_model_get_n_items (G_LIST_MODEL (glossary));
  for (guint i = 0; i < n_terms; i++)
    {
      g_autoptr(WendaGlossaryTerm) term = g_list_model_get_item (G_LIST_MODEL (glossary), i);
      ExpectedTerm *match = expected_match (expected, term);
      const char *abbreviation = wenda_glossary_term_get_abbreviation (term);

      q.produced++;
      if (match != NULL)
        {
          q.correct++;
          match->found = TRUE;
          g_hash_table_insert (correct, term, match);
        }
      else
        g_test_message ("%s: wrong: %s ↔ %s%s%s", expected->file,
                        wenda_glossary_term_get_zh (term), wenda_glossary_term_get_en (term),
                        abbreviation ? ", " : "", abbreviation ? abbreviation : "");
    }

  for (guint i = 0; i < expected->terms->len; i++)
    {
      ExpectedTerm *term = g_ptr_array_index (expected->terms, i);

      q.expected++;
      if (term->found)
        q.found++;
      else
        g_test_message ("%s: missed: %s ↔ %s", expected->file, term->zh, term->en);
    }

  /* The links of every topic's Chinese text, as the reading pane makes them */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      guint number = wenda_qa_item_get_number (item);

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          const char *field = wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH);
          g_autoptr(GArray) links = find_links (glossary, field, number);

          for (guint l = 0; l < links->len; l++)
            {
              const WendaTermLink *link = &g_array_index (links, WendaTermLink, l);
              ExpectedTerm *match = g_hash_table_lookup (correct, link->term);
              g_autofree char *span = link_text (field, link);

              if (match == NULL)
                match = expected_like (expected, link->term);
              q.links++;
              if (match == NULL ||
                  !numbers_contain ((const guint *)(gpointer) match->definers->data,
                                    match->definers->len, link->target))
                {
                  q.wrong_links++;
                  g_test_message ("%s: wrong link in №%u: “%s” → №%u", expected->file,
                                  number, span, link->target);
                }
            }
        }
    }

  g_test_message ("%s: %u terms, %u correct, %u of %u expected found; %u links, %u wrong",
                  expected->file, q.produced, q.correct, q.found, q.expected,
                  q.links, q.wrong_links);

  /* So that the figures are about something */
  g_assert_cmpuint (n_items, >=, 10);
  g_assert_cmpuint (q.expected, >=, 15);

  quality->produced += q.produced;
  quality->correct += q.correct;
  quality->expected += q.expected;
  quality->found += q.found;
  quality->links += q.links;
  quality->wrong_links += q.wrong_links;
}

static void
test_glossary_fixtures_quality (void)
{
  g_autoptr(GPtrArray) banks = read_expected ();
  Quality quality = { 0, };
  double precision, recall;

  g_assert_cmpuint (banks->len, >=, 5);
  for (guint i = 0; i < banks->len; i++)
    measure_bank (g_ptr_array_index (banks, i), &quality);

  precision = quality.produced > 0 ? (double) quality.correct / quality.produced : 0;
  recall = (double) quality.found / quality.expected;
  g_test_message ("all %u banks: precision %.1f%% (%u correct of %u terms), "
                  "recall %.1f%% (%u of %u expected terms); %u links, %u wrong",
                  banks->len, 100 * precision, quality.correct, quality.produced,
                  100 * recall, quality.found, quality.expected,
                  quality.links, quality.wrong_links);

  g_assert_cmpfloat (precision, >=, QUALITY_MIN_PRECISION);
  g_assert_cmpfloat (recall, >=, QUALITY_MIN_RECALL);
  /* Links go only to topics that define their term */
  g_assert_cmpuint (quality.links, >=, 30);
  g_assert_cmpuint (quality.wrong_links, ==, 0);
}

/* }}} */

static void
add_bank_test (const char    *name,
               GTestDataFunc  func)
{
  g_autofree char *zh = g_strdup_printf ("/Wenda/Glossary/chinese/%s", name);
  g_autofree char *en = g_strdup_printf ("/Wenda/Glossary/english/%s", name);

  g_test_add_data_func (zh, GINT_TO_POINTER (WITH_CHINESE_ONLY), func);
  g_test_add_data_func (en, GINT_TO_POINTER (WITH_ENGLISH), func);
}

int
main (int   argc,
      char *argv[])
{
  /* The quality test's messages name terms in Chinese */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  add_bank_test ("terms", test_glossary_terms);
  add_bank_test ("sorted", test_glossary_sorted);
  add_bank_test ("lookup", test_glossary_lookup);
  add_bank_test ("links/longest", test_glossary_links_longest);
  add_bank_test ("links/abbreviation", test_glossary_links_abbreviation);
  add_bank_test ("links/chinese", test_glossary_links_chinese);
  add_bank_test ("links/never-self", test_glossary_links_never_self);
  add_bank_test ("links/definer", test_glossary_links_definer);

  g_test_add_func ("/Wenda/Glossary/links/english-text", test_glossary_links_english);
  g_test_add_func ("/Wenda/Glossary/links/word-boundaries", test_glossary_word_boundaries);
  g_test_add_func ("/Wenda/Glossary/links/several", test_glossary_links_several);

  g_test_add_func ("/Wenda/Glossary/synthetic/single-gloss", test_glossary_single_gloss);
  g_test_add_func ("/Wenda/Glossary/synthetic/single-question", test_glossary_single_question);
  g_test_add_func ("/Wenda/Glossary/synthetic/common-suffix", test_glossary_common_suffix);
  g_test_add_func ("/Wenda/Glossary/synthetic/suffix-boundary", test_glossary_suffix_boundary);
  g_test_add_func ("/Wenda/Glossary/synthetic/ascii-brackets", test_glossary_ascii_brackets);
  g_test_add_func ("/Wenda/Glossary/synthetic/abbreviations", test_glossary_abbreviations);
  g_test_add_func ("/Wenda/Glossary/synthetic/longest-match", test_glossary_longest_match);
  g_test_add_func ("/Wenda/Glossary/synthetic/latin-before-gloss", test_glossary_latin_before_gloss);
  g_test_add_func ("/Wenda/Glossary/synthetic/english-users", test_glossary_english_users);
  g_test_add_func ("/Wenda/Glossary/synthetic/no-glosses", test_glossary_no_glosses);
  g_test_add_func ("/Wenda/Glossary/synthetic/empty-bank", test_glossary_empty_bank);
  g_test_add_func ("/Wenda/Glossary/synthetic/not-glosses", test_glossary_not_glosses);

  g_test_add_func ("/Wenda/Glossary/synthetic/gloss-shapes", test_glossary_gloss_shapes);
  g_test_add_func ("/Wenda/Glossary/synthetic/gloss-traps", test_glossary_gloss_traps);
  g_test_add_func ("/Wenda/Glossary/synthetic/definers-named", test_glossary_definers_named);

  g_test_add_func ("/Wenda/Glossary/fixtures/quality", test_glossary_fixtures_quality);

  return g_test_run ();
}
