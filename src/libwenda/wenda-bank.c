/* wenda-bank.c: a question bank, as a GListModel of WendaQaItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-private.h"
#include "wenda-section-private.h"

struct _WendaBank
{
  GObject     parent_instance;

  char       *title;
  char       *title_en;
  guint       n_translated;
  GPtrArray  *items;       /* of WendaQaItem, in bank order */
  GHashTable *by_number;   /* guint → borrowed WendaQaItem */
  GHashTable *by_id;       /* id → borrowed WendaQaItem */
  guint       max_number;
  GPtrArray  *sections;    /* of WendaSection, parents first, in order */
  GFile      *media_dir;   /* where its images are, or NULL */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WendaBank, wenda_bank, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_N_ITEMS,
  PROP_HAS_TRANSLATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
wenda_bank_get_item_type (GListModel *model)
{
  return WENDA_TYPE_QA_ITEM;
}

static guint
wenda_bank_get_n_items (GListModel *model)
{
  return WENDA_BANK (model)->items->len;
}

static gpointer
wenda_bank_get_item (GListModel *model,
                     guint       position)
{
  WendaBank *self = WENDA_BANK (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wenda_bank_get_item_type;
  iface->get_n_items = wenda_bank_get_n_items;
  iface->get_item = wenda_bank_get_item;
}

static void
wenda_bank_finalize (GObject *object)
{
  WendaBank *self = (WendaBank *)object;

  g_clear_pointer (&self->by_number, g_hash_table_unref);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_object (&self->media_dir);

  G_OBJECT_CLASS (wenda_bank_parent_class)->finalize (object);
}

static void
wenda_bank_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  WendaBank *self = WENDA_BANK (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_HAS_TRANSLATION:
      g_value_set_boolean (value, wenda_bank_has_translation (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_bank_class_init (WendaBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_bank_finalize;
  object_class->get_property = wenda_bank_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /* Whether at least one item is fully rendered in English (an imported
   * bank has none); partly translated items alone do not count. */
  properties[PROP_HAS_TRANSLATION] =
    g_param_spec_boolean ("has-translation", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenda_bank_init (WendaBank *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->sections = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_number = g_hash_table_new (NULL, NULL);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/* Drops the bank's own reference: the items hold theirs.  Groups of one
 * are never made, so their slot is NULL. */
static void
group_release (gpointer group)
{
  if (group != NULL)
    g_atomic_rc_box_release (group);
}

/* Building a bank {{{ */

/* The state of a bank being built.  Each item is indexed as it comes (its
 * number, its id, and the term its question defines, see
 * wenda_qa_item_dup_term()), and the groups of items that ask the same
 * thing are made at the end.  All of it is O(n) expected time and memory:
 * one hash lookup per item and key, and each group is one array of
 * numbers shared by its items (see WendaDuplicateGroup), not a list of
 * the others per item, which for a group of 10,000 items would be 10⁸
 * numbers. */
typedef struct
{
  WendaBank    *bank;
  GHashTable   *groups;    /* term → group index + 1; the terms live in @keys */
  GStringChunk *keys;
  GString      *key;
  GString      *scratch;
  GArray       *sizes;     /* group index → number of items */
  GArray       *group_of;  /* item position → group index, or G_MAXUINT */
  gboolean      repeats;   /* whether two items had the same number or id */
} Build;

/* g_str_hash() takes a byte at a time; a term key is often a whole
 * question, so this takes 8 (a multiply-rotate hash, as rustc's FxHash) */
static guint
term_hash (gconstpointer key)
{
  const char *p = key;
  gsize length = strlen (p);
  guint64 h = length;

  for (; length >= 8; p += 8, length -= 8)
    {
      guint64 word;

      memcpy (&word, p, 8);
      h = ((h << 5) | (h >> 59)) ^ word;
      h *= G_GUINT64_CONSTANT (0x517cc1b727220a95);
    }
  if (length > 0)
    {
      guint64 word = 0;

      memcpy (&word, p, length);
      h = ((h << 5) | (h >> 59)) ^ word;
      h *= G_GUINT64_CONSTANT (0x517cc1b727220a95);
    }

  return (guint)(h ^ (h >> 32));
}

static void
build_init (Build *self)
{
  self->bank = g_object_new (WENDA_TYPE_BANK, NULL);
  self->groups = g_hash_table_new (term_hash, g_str_equal);
  self->keys = g_string_chunk_new (4096);
  self->key = g_string_sized_new (64);
  self->scratch = g_string_sized_new (256);
  self->sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->group_of = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
build_clear (Build *self)
{
  g_clear_object (&self->bank);
  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_string_chunk_free);
  if (self->key != NULL)
    g_string_free (g_steal_pointer (&self->key), TRUE);
  if (self->scratch != NULL)
    g_string_free (g_steal_pointer (&self->scratch), TRUE);
  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->group_of, g_array_unref);
}

/* The first of the bank's items with the number of @item, which is one
 * of them.  Linear: used once per bank at most. */
static WendaQaItem *
first_with_number (WendaBank   *bank,
                   WendaQaItem *item)
{
  guint number = wenda_qa_item_get_number (item);

  for (guint i = 0; ; i++)
    {
      WendaQaItem *other = g_ptr_array_index (bank->items, i);

      if (wenda_qa_item_get_number (other) == number)
        return other;
    }
}

static WendaQaItem *
first_with_id (WendaBank   *bank,
               WendaQaItem *item)
{
  const char *id = wenda_qa_item_get_id (item);

  for (guint i = 0; ; i++)
    {
      WendaQaItem *other = g_ptr_array_index (bank->items, i);

      if (g_str_equal (wenda_qa_item_get_id (other), id))
        return other;
    }
}

/* Adds @item (taking the reference) at the end.  Lookups find the first
 * of equal numbers or ids. */
static void
build_add (Build       *self,
           WendaQaItem *item)
{
  WendaBank *bank = self->bank;
  gpointer number = GUINT_TO_POINTER (wenda_qa_item_get_number (item));
  const char *id = wenda_qa_item_get_id (item);
  gpointer found;
  guint group;

  g_ptr_array_add (bank->items, item);
  bank->max_number = MAX (bank->max_number, GPOINTER_TO_UINT (number));

  /* One hash operation per key while they are all different (the
   * readers refuse equal numbers).  g_hash_table_insert() replaces the
   * value of a key it has: at the first repeat, the first item is put
   * back, and from then on each key is looked up first. */
  if (self->repeats)
    {
      if (!g_hash_table_contains (bank->by_number, number))
        g_hash_table_insert (bank->by_number, number, item);
      if (!g_hash_table_contains (bank->by_id, id))
        g_hash_table_insert (bank->by_id, (gpointer)id, item);
    }
  else
    {
      if (!g_hash_table_insert (bank->by_number, number, item))
        {
          g_hash_table_insert (bank->by_number, number, first_with_number (bank, item));
          self->repeats = TRUE;
        }
      if (!g_hash_table_insert (bank->by_id, (gpointer)id, item))
        {
          g_hash_table_insert (bank->by_id, (gpointer)id, first_with_id (bank, item));
          self->repeats = TRUE;
        }
    }

  g_string_truncate (self->key, 0);
  wenda_qa_item_append_term (item, self->key, self->scratch);

  if (self->key->len == 0)
    {
      group = G_MAXUINT;
    }
  else if ((found = g_hash_table_lookup (self->groups, self->key->str)) != NULL)
    {
      group = GPOINTER_TO_UINT (found) - 1;
      g_array_index (self->sizes, guint, group)++;
    }
  else
    {
      guint one = 1;

      group = self->sizes->len;
      g_array_append_val (self->sizes, one);
      g_hash_table_insert (self->groups,
                           g_string_chunk_insert_len (self->keys, self->key->str, self->key->len),
                           GUINT_TO_POINTER (group + 1));
    }

  g_array_append_val (self->group_of, group);
}

/* Adds @section after its parents, once */
static void
add_section (GPtrArray    *sections,
             GHashTable   *seen,
             WendaSection *section)
{
  WendaSection *parent = wenda_section_get_parent (section);

  if (g_hash_table_contains (seen, section))
    return;
  if (parent != NULL)
    add_section (sections, seen, parent);

  g_hash_table_add (seen, section);
  wenda_section_set_index (section, sections->len);
  g_ptr_array_add (sections, g_object_ref (section));
}

/* The sections of the items, in the order they are first met */
static void
collect_sections (WendaBank *bank)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  WendaSection *last = NULL;

  g_ptr_array_set_size (bank->sections, 0);

  for (guint i = 0; i < bank->items->len; i++)
    {
      WendaSection *section = wenda_qa_item_get_section (g_ptr_array_index (bank->items, i));

      if (section != NULL && section != last)
        add_section (bank->sections, seen, section);
      last = section;
    }
}

/* Makes the groups of two or more, in bank order, and returns the bank. */
static WendaBank *
build_finish (Build      *self,
              const char *title)
{
  g_autoptr(GPtrArray) shared = NULL;
  g_autofree guint *filled = NULL;
  GPtrArray *items = self->bank->items;
  guint n_groups = self->sizes->len;
  WendaBank *bank;

  g_clear_pointer (&self->groups, g_hash_table_unref);
  g_clear_pointer (&self->keys, g_string_chunk_free);

  shared = g_ptr_array_new_full (n_groups, group_release);
  g_ptr_array_set_size (shared, n_groups);
  filled = g_new0 (guint, n_groups);

  for (guint i = 0; i < items->len; i++)
    {
      WendaQaItem *item = g_ptr_array_index (items, i);
      WendaDuplicateGroup *group;
      guint g = g_array_index (self->group_of, guint, i);

      if (g == G_MAXUINT || g_array_index (self->sizes, guint, g) < 2)
        continue;

      group = g_ptr_array_index (shared, g);
      if (group == NULL)
        {
          group = wenda_duplicate_group_new (g_array_index (self->sizes, guint, g));
          g_ptr_array_index (shared, g) = group;
        }

      group->numbers[filled[g]] = wenda_qa_item_get_number (item);
      wenda_qa_item_set_duplicate_group (item, group, filled[g]);
      filled[g]++;
    }

  bank = g_steal_pointer (&self->bank);
  g_free (bank->title);
  bank->title = g_strdup (title ? title : "");
  collect_sections (bank);
  build_clear (self);

  return bank;
}

/* A bank builder takes the items one by one, as a reader makes them.
 * Once a batch of BATCH_SIZE items is full, a thread of its own indexes
 * them while the reader goes on: a 100,000-item bank is read and indexed
 * at the same time, on two CPUs.  The batches go through @queue, in
 * order; the thread alone touches @build until it is joined. */
#define BATCH_SIZE 1024

/* An item of a batch: made already, or to make from its packed texts */
typedef struct
{
  WendaQaItem     *item;
  WendaPackedItem  packed;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
  wenda_packed_item_clear (&entry->packed);
}

static GArray *
batch_new (void)
{
  GArray *batch = g_array_sized_new (FALSE, FALSE, sizeof (Entry), BATCH_SIZE);

  g_array_set_clear_func (batch, entry_clear);
  return batch;
}

struct _WendaBankBuilder
{
  Build        build;
  GArray      *batch;     /* of Entry */
  GAsyncQueue *queue;     /* of batches; end_of_items ends it */
  GThread     *thread;
  guint        n_items;
  gboolean     no_thread;  /* a thread could not be made */
};

static char end_of_items;

/* Makes and indexes the items of @batch, and empties it. */
static void
build_add_batch (Build  *build,
                 GArray *batch)
{
  for (guint i = 0; i < batch->len; i++)
    {
      Entry *entry = &g_array_index (batch, Entry, i);
      WendaQaItem *item = entry->item != NULL ? g_steal_pointer (&entry->item)
                                              : wenda_qa_item_new_packed (&entry->packed);

      build_add (build, item);
    }

  g_array_set_size (batch, 0);
}

static gpointer
builder_thread (gpointer data)
{
  WendaBankBuilder *self = data;
  gpointer batch;

  while ((batch = g_async_queue_pop (self->queue)) != &end_of_items)
    {
      build_add_batch (&self->build, batch);
      g_array_unref (batch);
    }

  return NULL;
}

/**
 * wenda_bank_builder_new:
 *
 * Returns: (transfer full): a builder, for wenda_bank_builder_add() and
 *   then wenda_bank_builder_finish() or wenda_bank_builder_free()
 */
WendaBankBuilder *
wenda_bank_builder_new (void)
{
  WendaBankBuilder *self = g_new0 (WendaBankBuilder, 1);

  build_init (&self->build);
  self->batch = batch_new ();

  return self;
}

/* Stops the thread, once it has indexed every batch sent. */
static void
builder_join (WendaBankBuilder *self)
{
  if (self->thread == NULL)
    return;

  g_async_queue_push (self->queue, &end_of_items);
  g_thread_join (g_steal_pointer (&self->thread));
  g_clear_pointer (&self->queue, g_async_queue_unref);
}

/* Sends a full batch to the thread (started the first time), or indexes
 * it here if there is no thread to be had. */
static void
builder_send (WendaBankBuilder *self)
{
  self->n_items++;
  if (self->batch->len < BATCH_SIZE)
    return;

  if (self->thread == NULL && !self->no_thread)
    {
      self->queue = g_async_queue_new ();
      self->thread = g_thread_try_new ("wenda-bank-builder", builder_thread, self, NULL);
      if (self->thread == NULL)
        {
          g_clear_pointer (&self->queue, g_async_queue_unref);
          self->no_thread = TRUE;
        }
    }

  if (self->thread != NULL)
    {
      g_async_queue_push (self->queue, g_steal_pointer (&self->batch));
      self->batch = batch_new ();
    }
  else
    {
      build_add_batch (&self->build, self->batch);
    }
}

/**
 * wenda_bank_builder_add:
 * @item: (transfer full): the next item
 */
void
wenda_bank_builder_add (WendaBankBuilder *self,
                        WendaQaItem      *item)
{
  Entry entry = { item, { NULL, } };

  g_return_if_fail (self != NULL);
  g_return_if_fail (WENDA_IS_QA_ITEM (item));

  g_array_append_val (self->batch, entry);
  builder_send (self);
}

/**
 * wenda_bank_builder_add_packed:
 * @packed: the next item's texts, which the builder takes (it is left
 *   empty); the item is made in the builder's thread
 */
void
wenda_bank_builder_add_packed (WendaBankBuilder *self,
                               WendaPackedItem  *packed)
{
  Entry entry = { NULL, *packed };

  g_return_if_fail (self != NULL);
  g_return_if_fail (packed->texts != NULL);

  packed->texts = NULL;
  packed->label = NULL;
  packed->section = NULL;
  g_array_append_val (self->batch, entry);
  builder_send (self);
}

/* How many items were added. */
guint
wenda_bank_builder_get_n_items (WendaBankBuilder *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

/**
 * wenda_bank_builder_finish:
 * @title: the bank's title
 *
 * Frees @self.
 *
 * Returns: (transfer full): the bank of the items added, in order
 */
WendaBank *
wenda_bank_builder_finish (WendaBankBuilder *self,
                           const char       *title)
{
  WendaBank *bank;

  g_return_val_if_fail (self != NULL, NULL);

  builder_join (self);
  build_add_batch (&self->build, self->batch);

  bank = build_finish (&self->build, title);
  wenda_bank_builder_free (self);

  return bank;
}

/* Frees @self and the items added. */
void
wenda_bank_builder_free (WendaBankBuilder *self)
{
  if (self == NULL)
    return;

  builder_join (self);
  build_clear (&self->build);
  g_clear_pointer (&self->batch, g_array_unref);
  g_free (self);
}

/**
 * wenda_bank_new:
 * @title: the bank's title
 * @items: (element-type WendaQaItem) (transfer none): the items, in order
 *
 * Numbers and ids are expected to be unique (the loaders check that); when
 * they are not, lookups find the first item.
 */
WendaBank *
wenda_bank_new (const char *title,
                GPtrArray  *items)
{
  Build build;

  g_return_val_if_fail (items != NULL, NULL);

  build_init (&build);
  for (guint i = 0; i < items->len; i++)
    {
      WendaQaItem *item = g_ptr_array_index (items, i);

      g_return_val_if_fail (WENDA_IS_QA_ITEM (item), build_finish (&build, title));

      build_add (&build, g_object_ref (item));
    }

  return build_finish (&build, title);
}

/* }}} */

/* The largest item number, 0 for an empty bank: how wide numbers get */
guint
wenda_bank_get_max_number (WendaBank *self)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), 0);

  return self->max_number;
}

const char *
wenda_bank_get_title (WendaBank *self)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  return self->title;
}

/**
 * wenda_bank_lookup_number:
 *
 * Returns: (transfer none) (nullable): the item numbered @number
 */
WendaQaItem *
wenda_bank_lookup_number (WendaBank *self,
                          guint      number)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  return g_hash_table_lookup (self->by_number, GUINT_TO_POINTER (number));
}

/**
 * wenda_bank_lookup_id:
 *
 * Returns: (transfer none) (nullable): the item whose stable id is @id
 */
WendaQaItem *
wenda_bank_lookup_id (WendaBank  *self,
                      const char *id)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

gboolean
wenda_bank_find_position (WendaBank   *self,
                          WendaQaItem *item,
                          guint       *position)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), FALSE);
  g_return_val_if_fail (WENDA_IS_QA_ITEM (item), FALSE);

  return g_ptr_array_find (self->items, item, position);
}

/* Translates @text paragraph by paragraph.  A paragraph the catalog lacks
 * stays in Chinese, and *complete becomes FALSE. */
static char *
translate_paragraphs (WendaCatalog *catalog,
                      const char   *text,
                      gboolean     *complete)
{
  g_auto(GStrv) paragraphs = wenda_split_paragraphs (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      const char *translation = wenda_catalog_lookup (catalog, paragraphs[i]);

      if (translation == NULL)
        {
          translation = paragraphs[i];
          *complete = FALSE;
        }

      if (i > 0)
        g_string_append (out, "\n\n");
      g_string_append (out, translation);
    }

  return g_string_free (out, FALSE);
}

/**
 * wenda_bank_apply_catalog:
 * @catalog: the English catalog
 *
 * Gives every item its English rendering from @catalog, whose msgids are
 * the Chinese title, questions and paragraphs.
 *
 * Returns: how many items are fully translated
 */
guint
wenda_bank_apply_catalog (WendaBank    *self,
                          WendaCatalog *catalog)
{
  const char *title_en;

  g_return_val_if_fail (WENDA_IS_BANK (self), 0);
  g_return_val_if_fail (WENDA_IS_CATALOG (catalog), 0);

  self->n_translated = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      WendaQaItem *item = g_ptr_array_index (self->items, i);
      gboolean complete = TRUE;
      g_autofree char *question = NULL;
      g_autofree char *answer = NULL;
      g_autofree char *explanation = NULL;

      question = translate_paragraphs (catalog, wenda_qa_item_get_question (item), &complete);
      answer = translate_paragraphs (catalog, wenda_qa_item_get_answer (item), &complete);
      explanation = translate_paragraphs (catalog, wenda_qa_item_get_explanation (item), &complete);

      wenda_qa_item_set_translation (item, question, answer, explanation, complete);

      if (complete)
        self->n_translated++;
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      WendaSection *section = g_ptr_array_index (self->sections, i);

      wenda_section_set_title_en (section, wenda_catalog_lookup (catalog, wenda_section_get_title (section)));
    }

  title_en = self->title[0] ? wenda_catalog_lookup (catalog, self->title) : NULL;
  g_free (self->title_en);
  self->title_en = g_strdup (title_en);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_TRANSLATION]);

  return self->n_translated;
}

/**
 * wenda_bank_has_translation:
 *
 * Returns: %TRUE if at least one item has every paragraph in English
 */
gboolean
wenda_bank_has_translation (WendaBank *self)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), FALSE);

  return self->n_translated > 0;
}

/**
 * wenda_bank_get_sections:
 *
 * The bank's sections, each after the one it is in, in the order the
 * bank first uses them.  Empty for a bank with no sections.
 *
 * Returns: (transfer none) (element-type WendaSection): the sections
 */
GPtrArray *
wenda_bank_get_sections (WendaBank *self)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  return self->sections;
}

/**
 * wenda_bank_get_title_in:
 *
 * Returns: the title in @language, falling back to the source title
 */
const char *
wenda_bank_get_title_in (WendaBank     *self,
                         WendaLanguage  language)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  if (language == WENDA_LANGUAGE_EN && self->title_en != NULL)
    return self->title_en;

  return self->title;
}

/**
 * wenda_bank_get_media_dir:
 *
 * The folder that holds the images the bank's items refer to: an
 * imported bank's own folder in the library (wenda-library.c), which
 * sets it.  The names there are those of wenda_media_resolve_name().
 *
 * Returns: (transfer none) (nullable): the folder, or %NULL when the
 *   bank has no images
 */
GFile *
wenda_bank_get_media_dir (WendaBank *self)
{
  g_return_val_if_fail (WENDA_IS_BANK (self), NULL);

  return self->media_dir;
}

void
wenda_bank_set_media_dir (WendaBank *self,
                          GFile     *media_dir)
{
  g_return_if_fail (WENDA_IS_BANK (self));
  g_return_if_fail (media_dir == NULL || G_IS_FILE (media_dir));

  g_set_object (&self->media_dir, media_dir);
}

/* A bank read with no title of its own gets its file's name */
void
wenda_bank_set_title (WendaBank  *self,
                      const char *title)
{
  g_return_if_fail (WENDA_IS_BANK (self));
  g_return_if_fail (title != NULL);

  g_free (self->title);
  self->title = g_strdup (title);
}
