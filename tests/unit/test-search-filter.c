/* test-search-filter.c: WendaSearchFilter, the topic list's search
 *
 * The filter must give the answers of a plain search of each item's
 * search-text (what the GtkStringFilter it replaces gives), in Chinese
 * and in English, also while the search is typed on and erased, and tell
 * the filter model how the search changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank.h"
#include "wenda-catalog.h"
#include "wenda-search-filter.h"

#include "test-util.h"

/* Helpers {{{ */

/* The bundled bank, with its English catalog (so that both languages are
 * in the search texts). */
static WendaBank *
load_bilingual_bank (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled ();
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  const char *localedir = g_getenv ("WENDA_LOCALEDIR");

  g_assert_nonnull (localedir);
  catalog = wenda_catalog_load_language (localedir, "wenda", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wenda_bank_apply_catalog (bank, catalog), >, 0);

  return g_steal_pointer (&bank);
}

/* Checks every item of @bank against a plain search of its search text. */
static void
assert_same_as_plain (WendaSearchFilter *filter,
                      WendaBank         *bank,
                      const char        *search)
{
  g_autofree char *needle = wenda_normalize_for_search (search, -1);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  guint n_expected = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      gboolean expected = strstr (wenda_qa_item_get_search_text (item), needle) != NULL;

      n_expected += expected;
      if (expected != gtk_filter_match (GTK_FILTER (filter), item))
        g_error ("“%s”, item %u: expected %s", search, i + 1, expected ? "a match" : "no match");
    }

  if (needle[0] != '\0' && wenda_search_filter_get_model (filter) != NULL)
    g_assert_cmpuint (wenda_search_filter_get_n_matches (filter), ==, n_expected);
}

static void
on_changed (GtkFilter       *filter,
            GtkFilterChange  change,
            GtkFilterChange *last)
{
  *last = change;
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
  g_autoptr(WendaBank) bank = load_bilingual_bank ();

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *slow = wenda_normalize_for_search (texts[i], -1);
      g_autofree char *fast = wenda_search_filter_normalize (texts[i], -1);

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
            g_autofree char *slow = wenda_normalize_for_search (text, -1);
            g_autofree char *fast = wenda_search_filter_normalize (text, -1);

            g_assert_cmpstr (fast, ==, slow);
          }
    }
}

static void
test_same_as_plain (void)
{
  static const char * const searches[] = {
    "梯", "梯度", "梯度裁剪", "gradient", "GRADIENT", "Ｇｒａｄｉｅｎｔ",
    "（", "(pre", "№3\n", "no3", "模型", "the model", "zzz-no-such-text", "。",
  };
  g_autoptr(WendaBank) bank = load_bilingual_bank ();
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (bank));

  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      wenda_search_filter_set_search (filter, searches[i]);
      g_assert_cmpstr (wenda_search_filter_get_search (filter), ==, searches[i]);
      assert_same_as_plain (filter, bank, searches[i]);
    }

  /* No model: each item is searched on its own. */
  wenda_search_filter_set_model (filter, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      wenda_search_filter_set_search (filter, searches[i]);
      assert_same_as_plain (filter, bank, searches[i]);
    }

  wenda_search_filter_set_search (filter, "");
  g_assert_null (wenda_search_filter_get_search (filter));
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_ALL);
}

/* Typing a word letter by letter, then erasing it, through a filter
 * model: each step gives the same items as a search from scratch, and the
 * change says which way the search went. */
static void
test_typing (void)
{
  static const struct { const char *search; GtkFilterChange change; } steps[] = {
    { "g", GTK_FILTER_CHANGE_MORE_STRICT },
    { "gr", GTK_FILTER_CHANGE_MORE_STRICT },
    { "gra", GTK_FILTER_CHANGE_MORE_STRICT },
    { "grad", GTK_FILTER_CHANGE_MORE_STRICT },
    { "Grad", -1 },                              /* folds the same: no change */
    { "gra", GTK_FILTER_CHANGE_LESS_STRICT },
    { "梯", GTK_FILTER_CHANGE_DIFFERENT },
    { "梯度", GTK_FILTER_CHANGE_MORE_STRICT },
    { "梯度裁剪", GTK_FILTER_CHANGE_MORE_STRICT },
    { "度裁", GTK_FILTER_CHANGE_LESS_STRICT },
    { "", GTK_FILTER_CHANGE_LESS_STRICT },
  };
  g_autoptr(WendaBank) bank = load_bilingual_bank ();
  WendaSearchFilter *filter = wenda_search_filter_new (G_LIST_MODEL (bank));
  g_autoptr(GtkFilterListModel) model = NULL;
  g_autoptr(WendaSearchFilter) fresh = wenda_search_filter_new (G_LIST_MODEL (bank));
  GtkFilterChange last = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &last);
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (bank)), GTK_FILTER (filter));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
      guint n_shown = 0;

      last = -1;
      wenda_search_filter_set_search (filter, steps[i].search);
      g_assert_cmpint (last, ==, steps[i].change);
      assert_same_as_plain (filter, bank, steps[i].search);

      /* The filter model kept what a search from scratch keeps. */
      wenda_search_filter_set_search (fresh, steps[i].search);
      for (guint j = 0; j < n_items; j++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), j);

          if (gtk_filter_match (GTK_FILTER (fresh), item))
            {
              g_autoptr(WendaQaItem) shown = g_list_model_get_item (G_LIST_MODEL (model), n_shown);

              g_assert_true (shown == item);
              n_shown++;
            }
        }
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_shown);
      if (steps[i].search[0] != '\0')
        g_assert_cmpuint (n_shown, ==, wenda_search_filter_get_n_matches (filter));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);
}

/* The model changes under the filter: it searches the new items. */
static void
test_model_changes (void)
{
  g_autoptr(GListStore) store = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (store));
  g_autoptr(WendaQaItem) a = wenda_qa_item_new ("t-1", 1, "什么是梯度？", "Gradient 是导数。", "");
  g_autoptr(WendaQaItem) b = wenda_qa_item_new ("t-2", 2, "什么是损失？", "Loss 是误差。", NULL);
  GtkFilterChange last = -1;

  g_signal_connect (filter, "changed", G_CALLBACK (on_changed), &last);
  g_list_store_append (store, a);
  wenda_search_filter_set_search (filter, "是");
  g_assert_cmpuint (wenda_search_filter_get_n_matches (filter), ==, 1);
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), a));
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), b));  /* not in the model */

  last = -1;
  g_list_store_append (store, b);
  g_assert_cmpint (last, ==, GTK_FILTER_CHANGE_DIFFERENT);
  g_assert_cmpuint (wenda_search_filter_get_n_matches (filter), ==, 2);

  wenda_search_filter_set_search (filter, "loss");
  g_assert_cmpuint (wenda_search_filter_get_n_matches (filter), ==, 1);
  g_assert_false (gtk_filter_match (GTK_FILTER (filter), a));
  g_assert_true (gtk_filter_match (GTK_FILTER (filter), b));
  wenda_search_filter_set_search (filter, "no3");
  g_assert_cmpint (gtk_filter_get_strictness (GTK_FILTER (filter)), ==, GTK_FILTER_MATCH_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/SearchFilter/normalize", test_normalize);
  g_test_add_func ("/Wenda/SearchFilter/same-as-plain", test_same_as_plain);
  g_test_add_func ("/Wenda/SearchFilter/typing", test_typing);
  g_test_add_func ("/Wenda/SearchFilter/model-changes", test_model_changes);

  return g_test_run ();
}
