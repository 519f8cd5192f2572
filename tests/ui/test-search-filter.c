/* test-search-filter.c: WendaSearchFilter, the topic list's search
 *
 * The filter is a GtkFilter around a WendaSearchIndex (whose own test is
 * tests/unit/test-search-index.c).  It must give the answers of a plain
 * search of each item's search-text (what the GtkStringFilter it replaces
 * gives), also for items not in its model and with no model at all, while
 * the search is typed on and erased and while the model changes, and tell
 * the filter model how the search changed.
 *
 * WendaMatchModel, the list of the matches that the window shows, must
 * hold exactly the items a plain search leaves, in the bank's order, after
 * each keystroke, and say so with items-changed: a copy of it kept up to
 * date from its items-changed alone must be the same list.  Its sections
 * (GtkSectionModel) must be the runs of matches in one section, for every
 * position, through the models GTK puts over it, after each search and
 * after a change of bank.
 *
 * It links GTK but needs no display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank.h"
#include "wenda-bank-loader.h"
#include "wenda-match-model.h"
#include "wenda-search-filter.h"

#include "../unit/test-util.h"

/* Helpers {{{ */

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
test_same_as_plain (void)
{
  static const char * const searches[] = {
    "梯", "梯度", "梯度裁剪", "gradient", "GRADIENT", "Ｇｒａｄｉｅｎｔ",
    "（", "(pre", "№3\n", "no3", "模型", "the model", "zzz-no-such-text", "。",
  };
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
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
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
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

/* WendaMatchModel {{{ */

/* A copy of a list model, kept up to date from its items-changed alone. */
typedef struct {
  GPtrArray *items;
  guint      n_signals;
  guint      n_notifies;
} Mirror;

static void
on_mirror_items_changed (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  g_assert_cmpuint (removed + added, >, 0);
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_assert_cmpuint (mirror->items->len - removed + added, ==, g_list_model_get_n_items (model));

  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));
  mirror->n_signals++;
}

static void
on_mirror_n_items (GListModel *model,
                   GParamSpec *pspec,
                   Mirror     *mirror)
{
  mirror->n_notifies++;
}

static Mirror *
mirror_new (GListModel *model)
{
  Mirror *mirror = g_new0 (Mirror, 1);
  guint n = g_list_model_get_n_items (model);

  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_mirror_items_changed), mirror);
  g_signal_connect (model, "notify::n-items", G_CALLBACK (on_mirror_n_items), mirror);
  return mirror;
}

static void
mirror_free (Mirror *mirror)
{
  g_ptr_array_unref (mirror->items);
  g_free (mirror);
}

/* The model, its mirror and a plain search of @source agree on the items
 * that match @search, in @source's order. */
static void
assert_matches (WendaMatchModel *model,
                Mirror          *mirror,
                GListModel      *source,
                const char      *search)
{
  g_autofree char *needle = wenda_normalize_for_search (search ? search : "", -1);
  guint n_source = source ? g_list_model_get_n_items (source) : 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  guint k = 0;

  for (guint i = 0; i < n_source; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (source, i);
      g_autoptr(WendaQaItem) shown = NULL;

      if (strstr (wenda_qa_item_get_search_text (item), needle) == NULL)
        continue;

      if (k >= n)
        g_error ("“%s”: item %u of the source is missing", search, i);
      shown = g_list_model_get_item (G_LIST_MODEL (model), k);
      if (shown != item || g_ptr_array_index (mirror->items, k) != (gpointer)item)
        g_error ("“%s”: match %u is not item %u of the source", search, k, i);
      k++;
    }

  g_assert_cmpuint (n, ==, k);
  g_assert_cmpuint (mirror->items->len, ==, k);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), n));
}

/* Random keystrokes: typing on, erasing, a search of its own, clearing;
 * after each, the model is what a plain search gives. */
static void
test_match_model_random (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (bank));
  g_autoptr(WendaMatchModel) model = wenda_match_model_new (filter);
  g_autofree char *search = NULL;
  g_autofree char *word = NULL;
  glong typed = 0;
  Mirror *mirror = mirror_new (G_LIST_MODEL (model));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == WENDA_TYPE_QA_ITEM);
  assert_matches (model, mirror, G_LIST_MODEL (bank), NULL);

  for (guint step = 0; step < 2000; step++)
    {
      g_free (search);
      search = unit_random_keystroke (G_LIST_MODEL (bank), &word, &typed);
      wenda_search_filter_set_search (filter, search);
      assert_matches (model, mirror, G_LIST_MODEL (bank), search);
    }

  /* Each emission that changed the length notified n-items. */
  g_assert_cmpuint (mirror->n_notifies, <=, mirror->n_signals);
  mirror_free (mirror);
}

/* Typing on only removes matches; erasing only adds them; each keystroke
 * is one items-changed at most. */
static void
test_match_model_signals (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (bank));
  g_autoptr(WendaMatchModel) model = wenda_match_model_new (NULL);
  static const char * const typing[] = { "g", "gr", "gra", "grad", "gradi", "gradient" };
  Mirror *mirror = mirror_new (G_LIST_MODEL (model));
  guint before;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wenda_match_model_set_filter (model, filter);
  g_assert_true (wenda_match_model_get_filter (model) == filter);
  assert_matches (model, mirror, G_LIST_MODEL (bank), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (typing); i++)
    {
      guint n_before = g_list_model_get_n_items (G_LIST_MODEL (model));

      before = mirror->n_signals;
      wenda_search_filter_set_search (filter, typing[i]);
      g_assert_cmpuint (mirror->n_signals - before, <=, 1);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), <=, n_before);
      assert_matches (model, mirror, G_LIST_MODEL (bank), typing[i]);
    }
  for (guint i = G_N_ELEMENTS (typing); i-- > 0;)
    {
      guint n_before = g_list_model_get_n_items (G_LIST_MODEL (model));

      before = mirror->n_signals;
      wenda_search_filter_set_search (filter, i > 0 ? typing[i - 1] : "");
      g_assert_cmpuint (mirror->n_signals - before, <=, 1);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, n_before);
      assert_matches (model, mirror, G_LIST_MODEL (bank), i > 0 ? typing[i - 1] : "");
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 30);

  /* The same search again, or one that folds the same: nothing. */
  wenda_search_filter_set_search (filter, "Grad");
  before = mirror->n_signals;
  wenda_search_filter_set_search (filter, "GRAD");
  wenda_search_filter_set_search (filter, "ｇｒａｄ");
  g_assert_cmpuint (mirror->n_signals, ==, before);

  /* No match, then no match for another search: nothing either. */
  wenda_search_filter_set_search (filter, "zzzq");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  before = mirror->n_signals;
  wenda_search_filter_set_search (filter, "qqqz");
  g_assert_cmpuint (mirror->n_signals, ==, before);

  wenda_match_model_set_filter (model, NULL);
  g_assert_cmpuint (mirror->items->len, ==, 0);
  mirror_free (mirror);
}

/* Another bank, and items added to and taken from the bank, with and
 * without a search: the model follows. */
static void
test_match_model_bank_swap (void)
{
  g_autoptr(WendaBank) bank = unit_load_bundled_bilingual ();
  g_autoptr(GListStore) store = g_list_store_new (WENDA_TYPE_QA_ITEM);
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (NULL);
  g_autoptr(WendaMatchModel) model = wenda_match_model_new (filter);
  static const char * const searches[] = { NULL, "梯度", "the", "是", "zzzq" };
  Mirror *mirror = mirror_new (G_LIST_MODEL (model));

  /* Every other item of the bank, backwards. */
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (bank)); i-- > 0;)
    if (i % 2 == 0)
      {
        g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

        g_list_store_append (store, item);
      }

  for (guint s = 0; s < G_N_ELEMENTS (searches); s++)
    {
      const char *search = searches[s];

      wenda_search_filter_set_search (filter, search);
      assert_matches (model, mirror, NULL, search);

      wenda_search_filter_set_model (filter, G_LIST_MODEL (bank));
      assert_matches (model, mirror, G_LIST_MODEL (bank), search);
      wenda_search_filter_set_model (filter, G_LIST_MODEL (store));
      assert_matches (model, mirror, G_LIST_MODEL (store), search);

      /* The store changes under the filter. */
      for (guint step = 0; step < 20; step++)
        {
          guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

          if (n > 0 && g_test_rand_bit ())
            g_list_store_remove (store, g_test_rand_int_range (0, n));
          else
            {
              g_autoptr(WendaQaItem) item =
                g_list_model_get_item (G_LIST_MODEL (bank),
                                       g_test_rand_int_range (0, g_list_model_get_n_items (G_LIST_MODEL (bank))));

              g_list_store_insert (store, g_test_rand_int_range (0, n + 1), item);
            }
          assert_matches (model, mirror, G_LIST_MODEL (store), search);
        }

      wenda_search_filter_set_model (filter, G_LIST_MODEL (bank));
      assert_matches (model, mirror, G_LIST_MODEL (bank), search);
      wenda_search_filter_set_model (filter, NULL);
      assert_matches (model, mirror, NULL, search);
    }

  mirror_free (mirror);
}

/* }}} */


/* Sections {{{ */

static WendaBank *
load_bank (const char *json)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank = wenda_bank_load_json (json, -1, "sections.json", &error);

  g_assert_no_error (error);
  return bank;
}

static WendaBank *
load_sections_fixture (void)
{
  g_autofree char *text = NULL;
  gsize length;

  text = unit_read_fixture ("banks/sections.json", &length);
  return load_bank (text);
}

/* Every position of @model has the section a plain walk over its items
 * gives: the run of items in the same innermost section around it (the
 * whole list for a bank with no sections); past the end, (n, G_MAXUINT).
 * Returns the number of sections. */
static guint
assert_sections (GListModel *model,
                 gboolean    has_sections,
                 const char *what)
{
  guint n = g_list_model_get_n_items (model);
  guint n_sections = 0;
  guint start = 0;

  g_assert_true (GTK_IS_SECTION_MODEL (model));

  while (start < n)
    {
      g_autoptr(WendaQaItem) first = g_list_model_get_item (model, start);
      guint end = start + 1;

      for (; has_sections && end < n; end++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (model, end);

          if (wenda_qa_item_get_section (item) != wenda_qa_item_get_section (first))
            break;
        }
      if (!has_sections)
        end = n;

      for (guint p = start; p < end; p++)
        {
          guint s, e;

          gtk_section_model_get_section (GTK_SECTION_MODEL (model), p, &s, &e);
          if (s != start || e != end)
            g_error ("%s: position %u is in [%u, %u), not [%u, %u)", what, p, s, e, start, end);
        }
      n_sections++;
      start = end;
    }

  for (guint p = n; p < n + 3; p++)
    {
      guint s, e;

      gtk_section_model_get_section (GTK_SECTION_MODEL (model), p, &s, &e);
      g_assert_cmpuint (s, ==, n);
      g_assert_cmpuint (e, ==, G_MAXUINT);
    }

  return n_sections;
}

/* Items with an even number pass */
static gboolean
even_number (gpointer item,
             gpointer user_data)
{
  return wenda_qa_item_get_number (item) % 2 == 0;
}

/* The sections of the match model, and of the filter model and the
 * selection over it as in the sidebar, through searches and the study
 * filter */
static void
test_match_model_sections (void)
{
  static const struct { const char *search; guint n_sections; } searches[] = {
    { NULL, 5 },            /* 第一章 has no questions of its own */
    { "什么", 5 },
    { "transformer", 1 },   /* 2.2, whose title has it */
    { "第一章", 2 },        /* a chapter: its two sub-sections */
    { "2.1", 3 },           /* the bank's own numbers: 1.2.1, 2.1.x, 2.2.1 */
    { "the", 3 },
    { "zzzq", 0 },
    { "", 5 },
  };
  g_autoptr(WendaBank) bank = load_sections_fixture ();
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (bank));
  WendaMatchModel *model = wenda_match_model_new (filter);
  g_autoptr(GtkCustomFilter) study = gtk_custom_filter_new (NULL, NULL, NULL);
  GtkFilterListModel *filtered = gtk_filter_list_model_new (G_LIST_MODEL (model), g_object_ref (GTK_FILTER (study)));
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  Mirror *mirror = mirror_new (G_LIST_MODEL (model));

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      wenda_search_filter_set_search (filter, searches[i].search);
      assert_matches (model, mirror, G_LIST_MODEL (bank), searches[i].search);
      g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), TRUE, searches[i].search), ==,
                        searches[i].n_sections);
      assert_sections (G_LIST_MODEL (selection), TRUE, searches[i].search);

      /* A study filter over the search keeps the grouping too */
      gtk_custom_filter_set_filter_func (study, even_number, NULL, NULL);
      assert_sections (G_LIST_MODEL (selection), TRUE, searches[i].search);
      gtk_custom_filter_set_filter_func (study, NULL, NULL, NULL);
    }

  mirror_free (mirror);
}

/* A bank with no sections is one section; a chapter's own questions
 * after those of its sub-section are a section of their own; another bank
 * gives its own sections */
static void
test_match_model_sections_banks (void)
{
  const char *chapter_after =
    "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"t\",\n"
    " \"sections\": [{\"title\": \"A\"}, {\"title\": \"A.1\", \"parent\": 0}, {\"title\": \"B\"}],\n"
    " \"items\": [\n"
    "  {\"id\": \"0\", \"number\": 9, \"question\": \"前言？\", \"answer\": \"a\"},\n"
    "  {\"id\": \"1\", \"number\": 1, \"section\": 1, \"question\": \"什么 1\", \"answer\": \"a\"},\n"
    "  {\"id\": \"2\", \"number\": 2, \"section\": 1, \"question\": \"什么 2\", \"answer\": \"a\"},\n"
    "  {\"id\": \"3\", \"number\": 3, \"section\": 0, \"question\": \"什么 3\", \"answer\": \"a\"},\n"
    "  {\"id\": \"4\", \"number\": 4, \"section\": 0, \"question\": \"什么 4\", \"answer\": \"a\"},\n"
    "  {\"id\": \"5\", \"number\": 5, \"section\": 2, \"question\": \"什么 5\", \"answer\": \"a\"}]}";
  g_autoptr(WendaBank) plain = unit_load_bundled_bilingual ();
  g_autoptr(WendaBank) sections = load_sections_fixture ();
  g_autoptr(WendaBank) odd = load_bank (chapter_after);
  g_autoptr(WendaSearchFilter) filter = wenda_search_filter_new (G_LIST_MODEL (plain));
  g_autoptr(WendaMatchModel) model = wenda_match_model_new (filter);

  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), FALSE, "plain"), ==, 1);
  wenda_search_filter_set_search (filter, "the");
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), FALSE, "plain, the"), ==, 1);

  wenda_search_filter_set_model (filter, G_LIST_MODEL (odd));
  wenda_search_filter_set_search (filter, NULL);
  /* no section, A.1, A, B */
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), TRUE, "odd"), ==, 4);
  wenda_search_filter_set_search (filter, "什么");
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), TRUE, "odd, 什么"), ==, 3);
  wenda_search_filter_set_search (filter, "什么 2");
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), TRUE, "odd, 什么 2"), ==, 1);

  /* Another bank, then one with no sections, then none */
  wenda_search_filter_set_search (filter, NULL);
  wenda_search_filter_set_model (filter, G_LIST_MODEL (sections));
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), TRUE, "sections"), ==, 5);
  wenda_search_filter_set_model (filter, G_LIST_MODEL (plain));
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), FALSE, "plain again"), ==, 1);
  wenda_search_filter_set_model (filter, NULL);
  g_assert_cmpuint (assert_sections (G_LIST_MODEL (model), FALSE, "none"), ==, 0);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/SearchFilter/same-as-plain", test_same_as_plain);
  g_test_add_func ("/Wenda/SearchFilter/typing", test_typing);
  g_test_add_func ("/Wenda/SearchFilter/model-changes", test_model_changes);
  g_test_add_func ("/Wenda/MatchModel/random", test_match_model_random);
  g_test_add_func ("/Wenda/MatchModel/signals", test_match_model_signals);
  g_test_add_func ("/Wenda/MatchModel/bank-swap", test_match_model_bank_swap);
  g_test_add_func ("/Wenda/MatchModel/sections", test_match_model_sections);
  g_test_add_func ("/Wenda/MatchModel/sections-banks", test_match_model_sections_banks);

  return g_test_run ();
}
