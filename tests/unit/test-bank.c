/* test-bank.c: WendaBank, the list model of items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-private.h"

#include "test-util.h"

static WendaBank *
make_bank (const char * const *questions,
           guint                n_questions)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_questions; i++)
    {
      g_autofree char *id = g_strdup_printf ("t-%u", i + 1);

      g_ptr_array_add (items, wenda_qa_item_new (id, i + 1, questions[i], "答案", NULL));
    }

  return wenda_bank_new ("测试", items);
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *called)
{
  *called = TRUE;
}

static void
test_bank_list_model (void)
{
  static const char * const questions[] = { "一？", "二？", "三？" };
  g_autoptr(WendaBank) bank = make_bank (questions, G_N_ELEMENTS (questions));
  GListModel *model = G_LIST_MODEL (bank);
  g_autofree char *title = NULL;
  gboolean changed = FALSE;
  guint n_items = 0;

  g_signal_connect (bank, "items-changed", G_CALLBACK (on_items_changed), &changed);

  g_assert_true (g_list_model_get_item_type (model) == WENDA_TYPE_QA_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);

  g_object_get (bank, "n-items", &n_items, "title", &title, NULL);
  g_assert_cmpuint (n_items, ==, 3);
  g_assert_cmpstr (title, ==, "测试");
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "测试");

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);
      g_autoptr(GObject) object = g_list_model_get_object (model, i);

      g_assert_true (WENDA_IS_QA_ITEM (item));
      g_assert_true (object == (GObject *)item);
      g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
      g_assert_cmpstr (wenda_qa_item_get_question (item), ==, questions[i]);
    }

  g_assert_null (g_list_model_get_item (model, 3));
  g_assert_null (g_list_model_get_item (model, G_MAXUINT));

  /* The bank never changes after construction */
  g_assert_false (changed);
}

static void
test_bank_empty (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(WendaBank) bank = wenda_bank_new (NULL, items);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (bank), 0));
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "");
  g_assert_null (wenda_bank_lookup_number (bank, 1));
  g_assert_cmpuint (wenda_bank_get_max_number (bank), ==, 0);
}

static void
test_bank_lookup (void)
{
  static const char * const questions[] = { "一？", "二？", "三？" };
  g_autoptr(WendaBank) bank = make_bank (questions, G_N_ELEMENTS (questions));
  g_autoptr(WendaQaItem) stranger = wenda_qa_item_new ("t-2", 2, "二？", "答案", NULL);
  WendaQaItem *item;
  guint position = 99;

  item = wenda_bank_lookup_number (bank, 2);
  g_assert_nonnull (item);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, "二？");
  g_assert_true (wenda_bank_lookup_id (bank, "t-2") == item);

  g_assert_null (wenda_bank_lookup_number (bank, 0));
  g_assert_null (wenda_bank_lookup_number (bank, 4));
  g_assert_null (wenda_bank_lookup_id (bank, "t-4"));
  g_assert_null (wenda_bank_lookup_id (bank, NULL));

  g_assert_true (wenda_bank_find_position (bank, item, &position));
  g_assert_cmpuint (position, ==, 1);

  item = wenda_bank_lookup_number (bank, 3);
  g_assert_true (wenda_bank_find_position (bank, item, &position));
  g_assert_cmpuint (position, ==, 2);

  /* An equal item that is not in the bank has no position */
  g_assert_false (wenda_bank_find_position (bank, stranger, NULL));
}

static void
test_bank_bundled_duplicates (void)
{
  /* The groups of items in the bundled bank that ask the same question */
  static const guint groups[][2] = { { 7, 27 }, { 8, 28 }, { 9, 29 }, { 12, 30 } };
  g_autoptr(WendaBank) bank = unit_load_bundled ();
  guint n_items;
  guint n_with_duplicates = 0;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  g_assert_cmpuint (n_items, ==, 30);

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    {
      for (guint j = 0; j < 2; j++)
        {
          WendaQaItem *item = wenda_bank_lookup_number (bank, groups[i][j]);
          const guint *duplicates;
          guint n = 0;

          g_assert_nonnull (item);
          duplicates = wenda_qa_item_get_duplicates (item, &n);
          g_assert_cmpuint (n, ==, 1);
          g_assert_cmpuint (duplicates[0], ==, groups[i][1 - j]);
        }
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      guint n = 0;

      if (wenda_qa_item_get_duplicates (item, &n) != NULL)
        n_with_duplicates++;
      else
        g_assert_cmpuint (n, ==, 0);
    }

  /* No other item has duplicates */
  g_assert_cmpuint (n_with_duplicates, ==, 8);
}

static void
test_bank_three_way_duplicates (void)
{
  static const char * const questions[] = {
    "什么是迁移学习（Transfer Learning）？",
    "什么是注意力机制（Attention Mechanism）？",
    "迁移学习是什么（transfer learning）",
    "What is (TRANSFER  LEARNING)?",
    "什么是自注意力机制（Self-Attention）？",
  };
  g_autoptr(WendaBank) bank = make_bank (questions, G_N_ELEMENTS (questions));
  const guint *duplicates;
  guint n = 0;

  duplicates = wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 1), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (duplicates[0], ==, 3);
  g_assert_cmpuint (duplicates[1], ==, 4);

  duplicates = wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 3), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (duplicates[0], ==, 1);
  g_assert_cmpuint (duplicates[1], ==, 4);

  duplicates = wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 4), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (duplicates[0], ==, 1);
  g_assert_cmpuint (duplicates[1], ==, 3);

  /* Attention Mechanism and Self-Attention are different terms */
  g_assert_null (wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 2), &n));
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 5), &n));
  g_assert_cmpuint (n, ==, 0);
}

static void
test_bank_duplicates_without_parens (void)
{
  static const char * const questions[] = {
    "什么是Transformer模型？",
    "什么是 transformer 模型",
    "什么是Transformer架构？",
  };
  g_autoptr(WendaBank) bank = make_bank (questions, G_N_ELEMENTS (questions));
  const guint *duplicates;
  guint n = 0;

  duplicates = wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 1), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (duplicates[0], ==, 2);

  duplicates = wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 2), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (duplicates[0], ==, 1);

  g_assert_null (wenda_qa_item_get_duplicates (wenda_bank_lookup_number (bank, 3), &n));
}

/* A group of 10,000 items that define the same term: each lists the
 * 9,999 others, in bank order, from one array shared by the group. */
static void
test_bank_large_group (void)
{
  const guint n_items = 10000;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;
  const guint *first_group = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *question = g_strdup_printf ("问题 %u：什么是低秩适配（LoRA）？", i + 1);

      g_ptr_array_add (items, wenda_qa_item_new (NULL, i + 1, question, "答案", NULL));
    }
  /* One more, with a different term */
  g_ptr_array_add (items, wenda_qa_item_new (NULL, n_items + 1, "什么是（QLoRA）？", "答案", NULL));

  bank = wenda_bank_new ("大组", items);

  for (guint i = 0; i < n_items; i++)
    {
      WendaQaItem *item = g_ptr_array_index (items, i);
      const guint *group;
      guint n_group = 0, position = 0;

      group = wenda_qa_item_get_duplicate_group (item, &n_group, &position);
      g_assert_cmpuint (n_group, ==, n_items);
      g_assert_cmpuint (position, ==, i);
      if (first_group == NULL)
        first_group = group;
      g_assert_true (group == first_group);
    }

  /* The lists, for a few */
  for (guint i = 0; i < n_items; i += 1111)
    {
      WendaQaItem *item = g_ptr_array_index (items, i);
      const guint *duplicates;
      guint n = 0;

      duplicates = wenda_qa_item_get_duplicates (item, &n);
      g_assert_cmpuint (n, ==, n_items - 1);
      for (guint j = 0, expected = 1; j < n; j++, expected++)
        {
          if (expected == i + 1)
            expected++;
          g_assert_cmpuint (duplicates[j], ==, expected);
        }
      /* Built once */
      g_assert_true (duplicates == wenda_qa_item_get_duplicates (item, &n));
    }

  {
    guint n = 99;

    g_assert_null (wenda_qa_item_get_duplicates (g_ptr_array_index (items, n_items), &n));
    g_assert_cmpuint (n, ==, 0);
    g_assert_null (wenda_qa_item_get_duplicate_group (g_ptr_array_index (items, n_items), &n, NULL));
    g_assert_cmpuint (n, ==, 0);
  }
}

/* Building a second bank of the same items regroups them; the group of
 * the first bank stays valid for as long as an item holds it. */
static void
test_bank_rebuild (void)
{
  static const char * const questions[] = {
    "什么是迁移学习（Transfer Learning）？",
    "迁移学习是什么（transfer learning）",
    "什么是（GAN）？",
  };
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) first = NULL;
  g_autoptr(WendaBank) second = NULL;
  const guint *duplicates;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (questions); i++)
    g_ptr_array_add (items, wenda_qa_item_new (NULL, i + 1, questions[i], "a", NULL));

  first = wenda_bank_new ("1", items);
  second = wenda_bank_new ("2", items);
  g_clear_object (&first);

  duplicates = wenda_qa_item_get_duplicates (g_ptr_array_index (items, 0), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (duplicates[0], ==, 2);
  duplicates = wenda_qa_item_get_duplicates (g_ptr_array_index (items, 1), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (duplicates[0], ==, 1);
  g_assert_null (wenda_qa_item_get_duplicates (g_ptr_array_index (items, 2), &n));
}

/* A bank of 5,000 items goes through the builder's thread (batches of
 * 1,024): the same items in the same order, the same lookups and the
 * same groups as wenda_bank_new() on its own copies of the items. */
static WendaQaItem *
numbered_item (guint i)
{
  static const char * const terms[] = {
    "迁移学习（Transfer Learning）", "低秩适配（LoRA）", "知识蒸馏（Knowledge Distillation）",
  };
  g_autofree char *question = NULL;
  g_autofree char *id = g_strdup_printf ("big-%05u", i);

  /* Every 7th asks about one of three terms; the rest are all different */
  if (i % 7 == 0)
    question = g_strdup_printf ("第 %u 问：什么是%s？", i, terms[(i / 7) % 3]);
  else
    question = g_strdup_printf ("问题 %u 是什么？", i);

  return wenda_qa_item_new (id, i + 1, question, "答案", NULL);
}

static void
test_bank_builder_threaded (void)
{
  const guint n_items = 5000;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBankBuilder) builder = wenda_bank_builder_new ();
  g_autoptr(WendaBank) built = NULL;
  g_autoptr(WendaBank) reference = NULL;

  for (guint i = 0; i < n_items; i++)
    {
      g_ptr_array_add (items, numbered_item (i));
      wenda_bank_builder_add (builder, numbered_item (i));
    }
  g_assert_cmpuint (wenda_bank_builder_get_n_items (builder), ==, n_items);

  built = wenda_bank_builder_finish (g_steal_pointer (&builder), "大");
  reference = wenda_bank_new ("大", items);

  g_assert_cmpstr (wenda_bank_get_title (built), ==, "大");
  g_assert_cmpuint (wenda_bank_get_max_number (built), ==, n_items);
  g_assert_cmpuint (wenda_bank_get_max_number (reference), ==, n_items);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (built)), ==, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) a = g_list_model_get_item (G_LIST_MODEL (built), i);
      WendaQaItem *b = g_ptr_array_index (items, i);
      g_autofree char *id = g_strdup_printf ("big-%05u", i);
      const guint *da, *db;
      guint na = 0, nb = 0;

      g_assert_cmpuint (wenda_qa_item_get_number (a), ==, i + 1);
      g_assert_true (wenda_bank_lookup_number (built, i + 1) == a);
      g_assert_true (wenda_bank_lookup_id (built, id) == a);
      g_assert_cmpstr (wenda_qa_item_get_question (a), ==, wenda_qa_item_get_question (b));

      da = wenda_qa_item_get_duplicates (a, &na);
      db = wenda_qa_item_get_duplicates (b, &nb);
      g_assert_cmpuint (na, ==, nb);
      if (i % 7 == 0)
        g_assert_cmpuint (na, >, 200);
      else
        g_assert_cmpuint (na, ==, 0);
      for (guint k = 0; k < na; k++)
        g_assert_cmpuint (da[k], ==, db[k]);
    }
}

static void
count_finalized (gpointer  data,
                 GObject  *where_the_object_was)
{
  (*(guint *)data)++;
}

/* Freed without finishing (a failed or cancelled read), the builder
 * stops its thread and frees every item it was given, once. */
static void
test_bank_builder_free (void)
{
  const guint sizes[] = { 0, 10, 1024, 3000 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      WendaBankBuilder *builder = wenda_bank_builder_new ();
      guint n_finalized = 0;

      for (guint i = 0; i < sizes[s]; i++)
        {
          WendaQaItem *item = numbered_item (i);
          WendaPackedItem packed;

          g_object_weak_ref (G_OBJECT (item), count_finalized, &n_finalized);
          wenda_bank_builder_add (builder, item);

          /* and texts not yet made into an item (ASan sees a leak) */
          wenda_packed_item_init (&packed, 100000 + i, "p", 1, "问", strlen ("问"), "答", strlen ("答"), "", 0);
          wenda_bank_builder_add_packed (builder, &packed);
          g_assert_null (packed.texts);
        }

      g_assert_cmpuint (wenda_bank_builder_get_n_items (builder), ==, 2 * sizes[s]);
      wenda_bank_builder_free (builder);
      g_assert_cmpuint (n_finalized, ==, sizes[s]);
    }
}

/* Packed texts become items in the builder: empty pieces are empty
 * strings, the others are copied as they were, in order, threaded or not. */
static void
test_bank_builder_packed (void)
{
  const guint sizes[] = { 3, 2500 };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(WendaBankBuilder) builder = wenda_bank_builder_new ();
      g_autoptr(WendaBank) bank = NULL;

      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autofree char *id = g_strdup_printf ("id-%u", i);
          g_autofree char *question = g_strdup_printf ("问题 %u？trailing", i);
          WendaPackedItem packed;

          /* Lengths cut the pieces: the tails must not be copied */
          wenda_packed_item_init (&packed, i + 1, id, strlen (id),
                                  question, strlen (question) - strlen ("trailing"),
                                  "答案xyz", strlen ("答案"),
                                  i % 2 ? "解析" : "", i % 2 ? strlen ("解析") : 0);
          wenda_bank_builder_add_packed (builder, &packed);
        }

      bank = wenda_bank_builder_finish (g_steal_pointer (&builder), "packed");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, sizes[s]);

      for (guint i = 0; i < sizes[s]; i++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
          g_autofree char *id = g_strdup_printf ("id-%u", i);
          g_autofree char *question = g_strdup_printf ("问题 %u？", i);

          g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
          g_assert_cmpstr (wenda_qa_item_get_id (item), ==, id);
          g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
          g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, "答案");
          g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, i % 2 ? "解析" : "");
          g_assert_true (wenda_bank_lookup_id (bank, id) == item);
        }
    }
}

/* Equal numbers or ids: lookups find the first. */
static void
test_bank_lookup_first (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;

  g_ptr_array_add (items, wenda_qa_item_new ("a", 1, "一", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("a", 1, "二", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("b", 2, "三", "a", NULL));
  /* After the first repeat, every key is looked up before it is added */
  g_ptr_array_add (items, wenda_qa_item_new ("b", 3, "四", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("c", 2, "五", "a", NULL));
  bank = wenda_bank_new (NULL, items);

  g_assert_true (wenda_bank_lookup_number (bank, 1) == g_ptr_array_index (items, 0));
  g_assert_true (wenda_bank_lookup_id (bank, "a") == g_ptr_array_index (items, 0));
  g_assert_true (wenda_bank_lookup_id (bank, "b") == g_ptr_array_index (items, 2));
  g_assert_true (wenda_bank_lookup_number (bank, 2) == g_ptr_array_index (items, 2));
  g_assert_true (wenda_bank_lookup_number (bank, 3) == g_ptr_array_index (items, 3));
  g_assert_true (wenda_bank_lookup_id (bank, "c") == g_ptr_array_index (items, 4));
}

/* A repeated id alone (the numbers all differ) */
static void
test_bank_lookup_first_id (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(WendaBank) bank = NULL;

  g_ptr_array_add (items, wenda_qa_item_new ("x", 1, "一", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("y", 2, "二", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("x", 3, "三", "a", NULL));
  g_ptr_array_add (items, wenda_qa_item_new ("y", 4, "四", "a", NULL));
  bank = wenda_bank_new (NULL, items);

  g_assert_true (wenda_bank_lookup_id (bank, "x") == g_ptr_array_index (items, 0));
  g_assert_true (wenda_bank_lookup_id (bank, "y") == g_ptr_array_index (items, 1));
  for (guint i = 0; i < 4; i++)
    g_assert_true (wenda_bank_lookup_number (bank, i + 1) == g_ptr_array_index (items, i));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Bank/list-model", test_bank_list_model);
  g_test_add_func ("/Wenda/Bank/empty", test_bank_empty);
  g_test_add_func ("/Wenda/Bank/lookup", test_bank_lookup);
  g_test_add_func ("/Wenda/Bank/duplicates/bundled", test_bank_bundled_duplicates);
  g_test_add_func ("/Wenda/Bank/duplicates/three-way", test_bank_three_way_duplicates);
  g_test_add_func ("/Wenda/Bank/duplicates/no-parens", test_bank_duplicates_without_parens);
  g_test_add_func ("/Wenda/Bank/duplicates/large-group", test_bank_large_group);
  g_test_add_func ("/Wenda/Bank/duplicates/rebuild", test_bank_rebuild);
  g_test_add_func ("/Wenda/Bank/lookup-first", test_bank_lookup_first);
  g_test_add_func ("/Wenda/Bank/lookup-first-id", test_bank_lookup_first_id);
  g_test_add_func ("/Wenda/Bank/builder/threaded", test_bank_builder_threaded);
  g_test_add_func ("/Wenda/Bank/builder/free", test_bank_builder_free);
  g_test_add_func ("/Wenda/Bank/builder/packed", test_bank_builder_packed);

  return g_test_run ();
}
