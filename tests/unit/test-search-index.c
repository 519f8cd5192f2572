/* test-search-index.c: WendaSearchIndex, the search of a bank's texts
 *
 * The index must give the answers of a plain search of each item's
 * search-text, in Chinese and in English, ignoring case, for one-off
 * searches of several terms (the search provider's) and for the current
 * search while it is typed on and erased (the topic list's); and the list
 * of matches it keeps, followed through "matches-changed" alone, must be
 * the list a plain search gives.  With no GTK: the index is libwenda's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank.h"
#include "wenda-bank-private.h"
#include "wenda-search-index.h"

#include "test-util.h"

/* Helpers {{{ */

/* The positions of the items of @model whose search text contains every
 * one of @terms (folded), in order: what the index must find. */
static GArray *
plain_search (GListModel         *model,
              const char * const *terms)
{
  GArray *expected = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  guint n_items = g_list_model_get_n_items (model);

  for (guint t = 0; terms[t] != NULL; t++)
    {
      char *term = wenda_normalize_for_search (terms[t], -1);

      if (term[0] != '\0')
        g_ptr_array_add (folded, term);
      else
        g_free (term);
    }
  if (folded->len == 0)
    return expected;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);
      const char *text = wenda_qa_item_get_search_text (item);
      gboolean all = TRUE;

      for (guint t = 0; all && t < folded->len; t++)
        all = strstr (text, g_ptr_array_index (folded, t)) != NULL;
      if (all)
        g_array_append_val (expected, i);
    }

  return expected;
}

static void
assert_same_positions (GArray     *found,
                       GArray     *expected,
                       const char *what)
{
  if (found->len != expected->len)
    g_error ("“%s”: %u matches, a plain search finds %u", what, found->len, expected->len);
  for (guint k = 0; k < found->len; k++)
    if (g_array_index (found, guint, k) != g_array_index (expected, guint, k))
      g_error ("“%s”: match %u is item %u, a plain search says %u", what, k,
               g_array_index (found, guint, k), g_array_index (expected, guint, k));
}

/* The current search of @index is @search: its matches, bits and items
 * are what a plain search gives. */
static void
assert_current_search (WendaSearchIndex *index,
                       GListModel       *model,
                       const char       *search)
{
  const char *terms[] = { search ? search : "", NULL };
  g_autoptr(GArray) expected = plain_search (model, terms);
  g_autofree char *needle = wenda_normalize_for_search (search ? search : "", -1);
  guint n_items = g_list_model_get_n_items (model);
  guint k = 0;

  /* The empty search matches everything. */
  if (needle[0] == '\0')
    {
      g_assert_null (wenda_search_index_get_needle (index));
      g_array_set_size (expected, 0);
      for (guint i = 0; i < n_items; i++)
        g_array_append_val (expected, i);
    }
  else
    g_assert_cmpstr (wenda_search_index_get_needle (index), ==, needle);

  g_assert_cmpuint (wenda_search_index_get_n_matches (index), ==, expected->len);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);
      gboolean expect = k < expected->len && g_array_index (expected, guint, k) == i;

      if (expect != wenda_search_index_position_matches (index, i) ||
          expect != wenda_search_index_item_matches (index, item))
        g_error ("“%s”, item %u: expected %s", search, i + 1, expect ? "a match" : "no match");
      if (expect)
        g_assert_cmpuint (wenda_search_index_get_match_position (index, k++), ==, i);
    }
  g_assert_cmpuint (wenda_search_index_get_match_position (index, k), ==, G_MAXUINT);
  g_assert_false (wenda_search_index_position_matches (index, n_items));
}

/* A copy of the list of matches, kept up to date from "matches-changed"
 * alone. */
typedef struct {
  GArray *positions;
  guint   n_signals;
} Mirror;

static void
on_mirror_matches_changed (WendaSearchIndex *index,
                           guint             position,
                           guint             removed,
                           guint             added,
                           Mirror           *mirror)
{
  g_assert_cmpuint (removed + added, >, 0);
  g_assert_cmpuint (position + removed, <=, mirror->positions->len);
  g_assert_cmpuint (mirror->positions->len - removed + added, ==,
                    wenda_search_index_get_n_matches (index));

  g_array_remove_range (mirror->positions, position, removed);
  for (guint i = 0; i < added; i++)
    {
      guint p = wenda_search_index_get_match_position (index, position + i);

      g_array_insert_val (mirror->positions, position + i, p);
    }
  mirror->n_signals++;
}

static Mirror *
mirror_new (WendaSearchIndex *index)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->positions = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < wenda_search_index_get_n_matches (index); i++)
    {
      guint p = wenda_search_index_get_match_position (index, i);

      g_array_append_val (mirror->positions, p);
    }
  g_signal_connect (index, "matches-changed", G_CALLBACK (on_mirror_matches_changed), mirror);
  return mirror;
}

static void
mirror_assert (Mirror           *mirror,
               WendaSearchIndex *index)
{
  g_assert_cmpuint (mirror->positions->len, ==, wenda_search_index_get_n_matches (index));
  for (guint i = 0; i < mirror->positions->len; i++)
    g_assert_cmpuint (g_array_index (mirror->positions, guint, i), ==,
                      wenda_search_index_get_match_position (index, i));
}

static void
mirror_free (Mirror *mirror)
{
  g_array_unref (mirror->positions);
  g_free (mirror);
}

/* The numbers of the items at @positions, "4 12 30". */
static char *
numbers_of (WendaSearchIndex *index,
            GArray           *positions)
{
  GString *numbers = g_string_new (NULL);

  for (guint k = 0; k < positions->len; k++)
    g_string_append_printf (numbers, "%s%u", k ? " " : "",
                            wenda_qa_item_get_number (wenda_search_index_get_item (index,
                                                                                   g_array_index (positions, guint, k))));
  return g_string_free (numbers, FALSE);
}

static char *
search_numbers (WendaSearchIndex   *index,
                const char * const *terms)
{
  g_autoptr(GArray) found = wenda_search_index_search (index, terms, NULL, 0);

  return numbers_of (index, found);
}

/* }}} */

static void
test_normalize (void)
{
  static const char * const texts[] = {
    "",
    "Gradient Clipping",
    "梯度裁剪（Gradient Clipping）是一种限制梯度大小的方法。",
    "ＬＳＴＭ，ＧＡＮ：Ａｄａｍ！",
    "№12\nA\u0301 e\u0301 Ａ\u0301 梯\u0301 ß ẞ Ⅻ ｶﾞ ﬁ ㈱ ①",
    "가각 \u1100\u1161\u11A8 Straße İ ǅ",
    "“quoted” ‘single’ – — 、。《》「」【】 \u3000 …",
    "e\u0301\u0323 \u0323\u0301x",
  };
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *slow = wenda_normalize_for_search_slow (texts[i], -1);
      g_autofree char *fast = wenda_normalize_for_search (texts[i], -1);

      g_assert_cmpstr (fast, ==, slow);
    }

  /* Every text of the bank, in both languages. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      for (WendaLanguage l = WENDA_LANGUAGE_ZH; l <= WENDA_LANGUAGE_EN; l++)
        for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
          {
            const char *text = wenda_qa_item_get_text (item, f, l);
            g_autofree char *slow = wenda_normalize_for_search_slow (text, -1);
            g_autofree char *fast = wenda_normalize_for_search (text, -1);

            g_assert_cmpstr (fast, ==, slow);
          }
    }
}

/* The index holds each item's search text, folded, and finds the items
 * by position. */
static void
test_texts (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  g_autoptr(WendaQaItem) stranger = wenda_qa_item_new ("x-1", 1, "问？", "答。", NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  gsize size = 0;

  /* Nothing is folded until it is needed. */
  g_assert_false (wenda_search_index_is_built (index));
  g_assert_cmpuint (wenda_search_index_get_n_items (index), ==, 30);
  g_assert_cmpuint (wenda_search_index_get_size (index), ==, 0);
  wenda_search_index_set_search (index, NULL);
  g_assert_false (wenda_search_index_is_built (index));
  g_assert_cmpuint (wenda_search_index_get_n_matches (index), ==, 30);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_assert_cmpstr (wenda_search_index_get_text (index, i), ==, wenda_qa_item_get_search_text (item));
      g_assert_true (wenda_search_index_get_item (index, i) == item);
      g_assert_cmpuint (wenda_search_index_find (index, item), ==, i);
      size += strlen (wenda_qa_item_get_search_text (item)) + 1;
    }
  g_assert_true (wenda_search_index_is_built (index));
  g_assert_cmpuint (wenda_search_index_get_size (index), ==, size);
  g_assert_null (wenda_search_index_get_text (index, n_items));
  g_assert_null (wenda_search_index_get_item (index, n_items));
  g_assert_cmpuint (wenda_search_index_find (index, stranger), ==, G_MAXUINT);
}

/* The current search gives what a plain search gives, in both languages
 * and ignoring case, typed in any order. */
static void
test_same_as_plain (void)
{
  static const char * const searches[] = {
    "梯", "梯度", "梯度裁剪", "gradient", "GRADIENT", "Ｇｒａｄｉｅｎｔ",
    "（", "(pre", "№3\n", "no3", "模型", "the model", "zzz-no-such-text", "。",
    "№17", "№1", "", "知识蒸馏", "Knowledge Distillation",
  };
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));

  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      wenda_search_index_set_search (index, searches[i]);
      assert_current_search (index, G_LIST_MODEL (bank), searches[i]);
    }
  for (gsize i = G_N_ELEMENTS (searches); i-- > 0;)
    {
      wenda_search_index_set_search (index, searches[i]);
      assert_current_search (index, G_LIST_MODEL (bank), searches[i]);
    }
}

/* What the README promises: a word finds its topic in either language,
 * whatever the case or width of its letters; a topic number finds that
 * topic. */
static void
test_languages (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  static const char * const gradient_clipping[] = { "gradient", "clipping", NULL };
  static const char * const shouting[] = { "GRADIENT", "CLIPPING", NULL };
  static const char * const wide[] = { "Ｇｒａｄｉｅｎｔ", "ｃｌｉｐｐｉｎｇ", NULL };
  static const char * const chinese[] = { "梯度裁剪", NULL };
  static const char * const mixed[] = { "梯度", "clipping", NULL };
  static const char * const topic_17[] = { "№17", NULL };
  static const char * const topic_3[] = { "№3\n", NULL };
  static const char * const distillation[] = { "知识蒸馏", NULL };
  static const char * const distillation_en[] = { "knowledge distillation", NULL };
  g_autofree char *zh = NULL;
  g_autofree char *en = NULL;

  g_assert_cmpstr ((zh = search_numbers (index, gradient_clipping)), ==, "4");
  g_clear_pointer (&zh, g_free);
  g_assert_cmpstr ((zh = search_numbers (index, shouting)), ==, "4");
  g_clear_pointer (&zh, g_free);
  g_assert_cmpstr ((zh = search_numbers (index, wide)), ==, "4");
  g_clear_pointer (&zh, g_free);
  g_assert_cmpstr ((zh = search_numbers (index, chinese)), ==, "4");
  g_clear_pointer (&zh, g_free);
  g_assert_cmpstr ((zh = search_numbers (index, mixed)), ==, "4");
  g_clear_pointer (&zh, g_free);

  /* "№17" is not "№1": the number is followed by the question. */
  g_assert_cmpstr ((zh = search_numbers (index, topic_17)), ==, "17");
  g_clear_pointer (&zh, g_free);
  g_assert_cmpstr ((zh = search_numbers (index, topic_3)), ==, "3");
  g_clear_pointer (&zh, g_free);
  wenda_search_index_set_search (index, "№17");
  g_assert_cmpuint (wenda_search_index_get_n_matches (index), ==, 1);
  g_assert_cmpuint (wenda_search_index_get_match_position (index, 0), ==, 16);

  /* The topics of a term are the same in both languages. */
  zh = search_numbers (index, distillation);
  en = search_numbers (index, distillation_en);
  g_assert_cmpstr (zh, !=, "");
  g_assert_cmpstr (zh, ==, en);
}

/* No match: nothing found, in every way of asking. */
static void
test_no_match (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  static const char * const none[] = { "zzz-no-such-text", NULL };
  static const char * const one_missing[] = { "梯度", "zzz-no-such-text", NULL };
  static const char * const nothing[] = { NULL };
  static const char * const blank[] = { "", "", NULL };
  g_autoptr(GArray) found = NULL;

  found = wenda_search_index_search (index, none, NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = wenda_search_index_search (index, one_missing, NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);

  /* No terms (or only empty ones) find nothing: the Shell never lists a
   * whole bank. */
  found = wenda_search_index_search (index, nothing, NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_array_unref);
  found = wenda_search_index_search (index, blank, NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);

  g_assert_cmpint (wenda_search_index_set_search (index, "zzz-no-such-text"), ==,
                   WENDA_SEARCH_CHANGE_MORE_STRICT);
  g_assert_cmpuint (wenda_search_index_get_n_matches (index), ==, 0);
  g_assert_cmpuint (wenda_search_index_get_match_position (index, 0), ==, G_MAXUINT);
  for (guint i = 0; i < 30; i++)
    g_assert_false (wenda_search_index_position_matches (index, i));
}

/* One-off searches: every term required, among some positions, in their
 * order; they leave the current search alone. */
static void
test_terms (void)
{
  static const char * const sets[][4] = {
    { "梯度", NULL },
    { "梯度", "SGD", NULL },
    { "the", "model", "training", NULL },
    { "模型", "", "训练", NULL },
    { "gradient", "梯度", NULL },
  };
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  static const char * const model[] = { "模型", NULL };
  const guint among[] = { 29, 3, 1000, 0, 11, 3 };
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) expected = NULL;

  wenda_search_index_set_search (index, "梯度");
  for (gsize s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      found = wenda_search_index_search (index, sets[s], NULL, 0);
      expected = plain_search (G_LIST_MODEL (bank), sets[s]);
      assert_same_positions (found, expected, sets[s][0]);
      g_clear_pointer (&found, g_array_unref);
      g_clear_pointer (&expected, g_array_unref);
    }
  assert_current_search (index, G_LIST_MODEL (bank), "梯度");

  /* Among some: in their order, those out of the index left out (and a
   * position given twice is kept twice, as asked). */
  found = wenda_search_index_search (index, model, among, G_N_ELEMENTS (among));
  expected = plain_search (G_LIST_MODEL (bank), model);
  for (guint k = 0, j = 0; k < G_N_ELEMENTS (among); k++)
    {
      gboolean matches = FALSE;

      for (guint e = 0; e < expected->len; e++)
        matches |= g_array_index (expected, guint, e) == among[k];
      if (matches)
        g_assert_cmpuint (g_array_index (found, guint, j++), ==, among[k]);
      if (k == G_N_ELEMENTS (among) - 1)
        g_assert_cmpuint (found->len, ==, j);
    }
  g_clear_pointer (&found, g_array_unref);
  found = wenda_search_index_search (index, model, among, 0);
  g_assert_cmpuint (found->len, ==, 0);
}

/* Typing a word letter by letter, then erasing it: each step gives the
 * same matches as a search from scratch, says which way the search went,
 * and the list of matches follows through "matches-changed". */
static void
test_typing (void)
{
  static const struct { const char *search; WendaSearchChange change; } steps[] = {
    { "g", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "gr", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "gra", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "grad", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "Grad", WENDA_SEARCH_CHANGE_NONE },           /* folds the same */
    { "ＧＲＡＤ", WENDA_SEARCH_CHANGE_NONE },
    { "gra", WENDA_SEARCH_CHANGE_LESS_STRICT },
    { "梯", WENDA_SEARCH_CHANGE_DIFFERENT },
    { "梯度", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "梯度裁剪", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "度裁", WENDA_SEARCH_CHANGE_LESS_STRICT },
    { "", WENDA_SEARCH_CHANGE_LESS_STRICT },
    { NULL, WENDA_SEARCH_CHANGE_NONE },
    { "zzzq", WENDA_SEARCH_CHANGE_MORE_STRICT },
    { "qqqz", WENDA_SEARCH_CHANGE_DIFFERENT },
  };
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  Mirror *mirror = mirror_new (index);

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint before = mirror->n_signals;
      g_autoptr(WendaSearchIndex) fresh = wenda_search_index_new (G_LIST_MODEL (bank));

      g_assert_cmpint (wenda_search_index_set_search (index, steps[i].search), ==, steps[i].change);
      assert_current_search (index, G_LIST_MODEL (bank), steps[i].search);
      mirror_assert (mirror, index);
      /* One stretch at most; none when nothing changed. */
      g_assert_cmpuint (mirror->n_signals - before, <=, 1);
      if (steps[i].change == WENDA_SEARCH_CHANGE_NONE)
        g_assert_cmpuint (mirror->n_signals, ==, before);

      wenda_search_index_set_search (fresh, steps[i].search);
      g_assert_cmpuint (wenda_search_index_get_n_matches (fresh), ==,
                        wenda_search_index_get_n_matches (index));
    }

  /* "qqqz" after "zzzq": no match after no match, nothing to say. */
  g_assert_cmpuint (mirror->n_signals, >, 0);
  mirror_free (mirror);
}

/* Random keystrokes: typing on, erasing, a search of its own, clearing;
 * after each, the matches are what a plain search gives, and the mirror
 * kept from the signal alone holds them. */
static void
test_random (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  g_autofree char *search = NULL;
  g_autofree char *word = NULL;
  glong typed = 0;
  Mirror *mirror = mirror_new (index);

  for (guint step = 0; step < 2000; step++)
    {
      g_free (search);
      search = unit_random_keystroke (G_LIST_MODEL (bank), &word, &typed);
      wenda_search_index_set_search (index, search);
      assert_current_search (index, G_LIST_MODEL (bank), search);
      mirror_assert (mirror, index);
    }

  mirror_free (mirror);
}

/* The index is of the items as they were when it was built; an item it
 * does not hold is matched against its own text.  An index of nothing
 * matches nothing of its own. */
static void
test_snapshot (void)
{
  g_autoptr(GListStore) store = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaQaItem) a = wenda_qa_item_new ("t-1", 1, "什么是梯度？", "Gradient 是导数。", "");
  g_autoptr(WendaQaItem) b = wenda_qa_item_new ("t-2", 2, "什么是损失？", "Loss 是误差。", NULL);
  g_autoptr(WendaSearchIndex) index = NULL;
  g_autoptr(WendaSearchIndex) empty = wenda_search_index_new (NULL);
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);
  static const char * const is[] = { "是", NULL };
  g_autoptr(GArray) found = NULL;

  g_list_store_append (store, a);
  index = wenda_search_index_new (G_LIST_MODEL (store));
  wenda_search_index_set_search (index, "是");
  g_list_store_append (store, b);

  g_assert_cmpuint (wenda_search_index_get_n_items (index), ==, 1);
  g_assert_cmpuint (wenda_search_index_get_n_matches (index), ==, 1);
  g_assert_true (wenda_search_index_item_matches (index, a));
  g_assert_true (wenda_search_index_item_matches (index, b));   /* by its own text */
  g_assert_false (wenda_search_index_item_matches (index, other));
  found = wenda_search_index_search (index, is, NULL, 0);
  g_assert_cmpuint (found->len, ==, 1);

  wenda_search_index_set_search (index, "LOSS");
  g_assert_false (wenda_search_index_item_matches (index, a));
  g_assert_true (wenda_search_index_item_matches (index, b));
  wenda_search_index_set_search (index, NULL);
  g_assert_true (wenda_search_index_item_matches (index, other));

  g_assert_cmpuint (wenda_search_index_get_n_items (empty), ==, 0);
  g_assert_cmpint (wenda_search_index_set_search (empty, "loss"), ==, WENDA_SEARCH_CHANGE_MORE_STRICT);
  g_assert_cmpuint (wenda_search_index_get_n_matches (empty), ==, 0);
  g_assert_true (wenda_search_index_item_matches (empty, b));
  g_assert_false (wenda_search_index_item_matches (empty, a));
  g_clear_pointer (&found, g_array_unref);
  found = wenda_search_index_search (empty, is, NULL, 0);
  g_assert_cmpuint (found->len, ==, 0);
}

/* A large bank {{{ */

#define LARGE_ITEMS 20000

/* Items of three kinds, every third with an English rendering. */
static WendaBank *
make_large_bank (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 1; i <= LARGE_ITEMS; i++)
    {
      g_autofree char *id = g_strdup_printf ("large-%05u", i);
      g_autofree char *question = g_strdup_printf ("第 %u 个问题：什么是%s？", i,
                                                   i % 3 == 0 ? "梯度裁剪" : i % 3 == 1 ? "知识蒸馏" : "过拟合");
      g_autofree char *answer = g_strdup_printf ("这是第 %u 个答案，编号 K%uQ。", i, i * 7);
      WendaQaItem *item = wenda_qa_item_new (id, i, question, answer, i % 5 ? "" : "见教科书。");

      if (i % 3 == 0)
        {
          g_autofree char *en = g_strdup_printf ("Question %u: what is Gradient Clipping?", i);
          g_autofree char *en_answer = g_strdup_printf ("This is answer %u, code K%uQ.", i, i * 7);

          wenda_qa_item_set_translation (item, en, en_answer, i % 5 ? "" : "See the textbook.", TRUE);
        }
      g_ptr_array_add (items, item);
    }

  return wenda_bank_new ("大题库", items);
}

static void
build_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  wenda_search_index_build (task_data);
  g_task_return_boolean (task, TRUE);
}

/* 20,000 items: built in a worker thread, then searched as the provider
 * and as the topic list search; the answers are a plain search's. */
static void
test_large_bank (void)
{
  static const char * const searches[][3] = {
    { "梯度裁剪", NULL },
    { "GRADIENT clipping", NULL },
    { "gradient", "第 9", NULL },
    { "k7q", NULL },                /* "K7Q": item 1 only */
    { "№19999\n", NULL },
    { "No-such-text", NULL },
    { "。", NULL },
  };
  g_autoptr(WendaBank) bank = make_large_bank ();
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (G_LIST_MODEL (bank));
  g_autoptr(GTask) task = g_task_new (NULL, NULL, NULL, NULL);
  g_autoptr(GArray) found = NULL;
  Mirror *mirror = NULL;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  g_task_set_task_data (task, g_object_ref (index), g_object_unref);
  g_task_run_in_thread_sync (task, build_thread);
  g_assert_true (g_task_propagate_boolean (task, NULL));
  g_test_message ("built %u items, %.1f MB, in %.1f ms", LARGE_ITEMS,
                  wenda_search_index_get_size (index) / 1e6,
                  (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_true (wenda_search_index_is_built (index));
  g_assert_cmpuint (wenda_search_index_get_n_items (index), ==, LARGE_ITEMS);

  for (gsize s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      g_autoptr(GArray) expected = plain_search (G_LIST_MODEL (bank), searches[s]);

      t0 = g_get_monotonic_time ();
      found = wenda_search_index_search (index, searches[s], NULL, 0);
      g_test_message ("“%s”: %u matches in %.2f ms", searches[s][0], found->len,
                      (g_get_monotonic_time () - t0) / 1000.0);
      assert_same_positions (found, expected, searches[s][0]);
      g_clear_pointer (&found, g_array_unref);
    }
  {
    static const char * const k7q[] = { "k7q", NULL };

    found = wenda_search_index_search (index, k7q, NULL, 0);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpuint (g_array_index (found, guint, 0), ==, 0);
  }

  /* Typing: "梯" matches a third (the narrowing scans all), "梯度裁剪 1"
   * and on narrow among the last matches. */
  mirror = mirror_new (index);
  {
    static const char * const typing[] = {
      "梯", "梯度", "梯度裁剪", "个", "第 1", "第 12", "第 123", "第 1234", "第 12", "", "k1", "k14q",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (typing); i++)
      {
        wenda_search_index_set_search (index, typing[i]);
        assert_current_search (index, G_LIST_MODEL (bank), typing[i]);
        mirror_assert (mirror, index);
      }
  }
  mirror_free (mirror);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/SearchIndex/normalize", test_normalize);
  g_test_add_func ("/Wenda/SearchIndex/texts", test_texts);
  g_test_add_func ("/Wenda/SearchIndex/same-as-plain", test_same_as_plain);
  g_test_add_func ("/Wenda/SearchIndex/languages", test_languages);
  g_test_add_func ("/Wenda/SearchIndex/no-match", test_no_match);
  g_test_add_func ("/Wenda/SearchIndex/terms", test_terms);
  g_test_add_func ("/Wenda/SearchIndex/typing", test_typing);
  g_test_add_func ("/Wenda/SearchIndex/random", test_random);
  g_test_add_func ("/Wenda/SearchIndex/snapshot", test_snapshot);
  g_test_add_func ("/Wenda/SearchIndex/large-bank", test_large_bank);

  return g_test_run ();
}
