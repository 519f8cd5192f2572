/* wenda-search-index.c: the folded texts of a list of items, searched fast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An index of the WendaQaItems of a list model, for searching them as
 * wenda_qa_item_get_search_text() does (the number, then each field in
 * Chinese and in English, folded by wenda_normalize_for_search()), built
 * for banks of 100,000 items and more:
 *
 *   - build() folds the texts of all the items once, into one buffer,
 *     each text ended by a NUL.  The items' own search-text is not built,
 *     so the texts are not held twice.  It reads the model then, and
 *     never again: when the model changes, make a new index.
 *   - A search is one memmem() pass over that buffer; a hit skips to the
 *     next item's text.
 *
 * Two ways to search it:
 *
 *   - search(): every item whose text contains each of some terms, among
 *     all the items or some of them (the GNOME Shell search provider).
 *     Once the index is built it changes nothing, so an index built in a
 *     worker thread can then be searched from any thread.
 *   - The current search, set_search(): what the user types into the
 *     topic list (WendaSearchFilter).  Its result is a bit per item and
 *     the sorted list of the matching positions.  A search that contains
 *     the previous one (typing on) only looks again at the items that
 *     matched.  "matches-changed" says which stretch of the list of
 *     matches changed (the common start and end of the old and the new
 *     list left out), so that a list model can show the matches without
 *     asking about each item (WendaMatchModel).  The empty search matches
 *     every item, and does not build the index.  The current search is
 *     for one caller, in one thread.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "wenda-search-index.h"
#include "wenda-qa-item-private.h"

struct _WendaSearchIndex
{
  GObject       parent_instance;

  /* Owned */
  GListModel   *model;       /* until built */
  char         *needle;      /* the current search, folded; NULL: everything */

  /* Built once: the folded texts, and where each item's text starts */
  GString      *texts;       /* NULL until built */
  gsize        *starts;      /* n_items + 1 offsets into texts */
  WendaQaItem **items;       /* owned references */
  GHashTable   *positions;   /* item → position + 1 */
  guint         n_items;
  guint         guess;       /* the position after the last item_matches() */

  /* The items that match needle: one bit each, and their positions in
   * order; spare holds the previous positions while they are compared. */
  guint64      *bits;
  guint        *matches;
  guint        *spare;
  guint         n_matches;
};

G_DEFINE_FINAL_TYPE (WendaSearchIndex, wenda_search_index, G_TYPE_OBJECT)

enum {
  MATCHES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define BIT_IS_SET(bits, i) (((bits)[(i) / 64] >> ((i) % 64)) & 1)
#define SET_BIT(bits, i)    ((bits)[(i) / 64] |= G_GUINT64_CONSTANT (1) << ((i) % 64))
#define CLEAR_BIT(bits, i)  ((bits)[(i) / 64] &= ~(G_GUINT64_CONSTANT (1) << ((i) % 64)))

/* Building {{{ */

/**
 * wenda_search_index_build:
 *
 * Reads the items of the model and folds their texts, if that is not done
 * yet; every other function does it when it needs it.  It may run in a
 * worker thread, on an index no other thread uses until it returns (and
 * on a model that does not change meanwhile, as a WendaBank does not).
 */
void
wenda_search_index_build (WendaSearchIndex *self)
{
  g_autoptr(GString) joined = NULL;
  guint n_items;

  g_return_if_fail (WENDA_IS_SEARCH_INDEX (self));

  if (self->texts != NULL)
    return;

  n_items = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
  self->n_items = n_items;
  self->starts = g_new (gsize, n_items + 1);
  self->items = g_new (WendaQaItem *, MAX (n_items, 1));
  self->positions = g_hash_table_new (NULL, NULL);
  self->bits = g_new0 (guint64, n_items / 64 + 1);
  self->matches = g_new (guint, n_items + 1);
  self->spare = g_new (guint, n_items + 1);
  /* The folded text is as long as the text, give or take: ~420 bytes an
   * item for the bundled bank. */
  self->texts = g_string_sized_new ((gsize)n_items * 512 + 1);
  joined = g_string_sized_new (4096);

  for (guint i = 0; i < n_items; i++)
    {
      WendaQaItem *item = g_list_model_get_item (self->model, i);

      g_assert (WENDA_IS_QA_ITEM (item));
      self->items[i] = item;
      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
      self->starts[i] = self->texts->len;

      g_string_truncate (joined, 0);
      wenda_qa_item_append_search_source (item, joined);
      wenda_normalize_for_search_append (self->texts, joined->str, joined->len);
      g_string_append_c (self->texts, '\0');
    }
  self->starts[n_items] = self->texts->len;

  /* The items are read: the index never looks at the model again. */
  g_clear_object (&self->model);
}

/* }}} */

/* Scanning {{{ */

/* One pass of memmem() over all the texts: the positions of the items
 * that contain @needle go to @out, in order.  Returns how many. */
static guint
scan_all (WendaSearchIndex *self,
          const char       *needle,
          guint            *out)
{
  const char *texts = self->texts->str;
  gsize n = self->texts->len;
  gsize needle_len = strlen (needle);
  gsize offset = 0;
  guint i = 0, n_out = 0;

  while (offset < n)
    {
      const char *hit = memmem (texts + offset, n - offset, needle, needle_len);

      if (hit == NULL)
        break;

      /* The item the hit is in; then go on from the next item. */
      while (self->starts[i + 1] <= (gsize)(hit - texts))
        i++;
      out[n_out++] = i;
      offset = self->starts[++i];
    }

  return n_out;
}

static inline gboolean
text_contains (WendaSearchIndex *self,
               guint             position,
               const char       *needle,
               gsize             needle_len)
{
  const char *text = self->texts->str + self->starts[position];

  return memmem (text, self->starts[position + 1] - self->starts[position] - 1,
                 needle, needle_len) != NULL;
}

/* Keeps those of the @n positions in @positions whose text contains
 * @needle, in their order; @out may be @positions.  Returns how many. */
static guint
scan_some (WendaSearchIndex *self,
           const char       *needle,
           const guint      *positions,
           guint             n,
           guint            *out)
{
  gsize needle_len = strlen (needle);
  guint n_out = 0;

  for (guint k = 0; k < n; k++)
    if (text_contains (self, positions[k], needle, needle_len))
      out[n_out++] = positions[k];

  return n_out;
}

/* }}} */

/* One-off searches {{{ */

/**
 * wenda_search_index_search:
 * @terms: words that must all occur (in either language, ignoring case)
 * @among: (nullable) (array length=n_among): search only these positions
 * @n_among: how many there are
 *
 * The items whose text contains every one of @terms.  Terms that fold to
 * nothing are left out; with none left, nothing matches.  Positions in
 * @among that are not in the index are left out.  It does not touch the
 * current search; once the index is built, any thread may call it.
 *
 * Returns: (transfer full) (element-type guint): the positions of the
 *   matching items, in index order (or in the order of @among)
 */
GArray *
wenda_search_index_search (WendaSearchIndex   *self,
                           const char * const *terms,
                           const guint        *among,
                           guint               n_among)
{
  g_autoptr(GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  GArray *result;
  guint n = 0;

  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), NULL);
  g_return_val_if_fail (terms != NULL, NULL);
  g_return_val_if_fail (among != NULL || n_among == 0, NULL);

  wenda_search_index_build (self);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      char *term = wenda_normalize_for_search (terms[i], -1);

      if (term[0] != '\0')
        g_ptr_array_add (folded, term);
      else
        g_free (term);
    }

  result = g_array_new (FALSE, FALSE, sizeof (guint));
  if (folded->len == 0)
    return result;

  /* The first term finds the candidates; each other term narrows them. */
  if (among == NULL)
    {
      g_array_set_size (result, self->n_items);
      n = scan_all (self, g_ptr_array_index (folded, 0), (guint *)(gpointer)result->data);
    }
  else
    {
      g_array_set_size (result, n_among);
      for (guint k = 0; k < n_among; k++)
        if (among[k] < self->n_items)
          g_array_index (result, guint, n++) = among[k];
      n = scan_some (self, g_ptr_array_index (folded, 0),
                     (guint *)(gpointer)result->data, n, (guint *)(gpointer)result->data);
    }

  for (guint t = 1; t < folded->len && n > 0; t++)
    n = scan_some (self, g_ptr_array_index (folded, t),
                   (guint *)(gpointer)result->data, n, (guint *)(gpointer)result->data);

  g_array_set_size (result, n);
  return result;
}

/* }}} */

/* The current search {{{ */

/* The position of the @index-th match in a list of positions; a NULL
 * list is every position (the empty search). */
static inline guint
position_at (const guint *positions,
             guint        index)
{
  return positions != NULL ? positions[index] : index;
}

/* Emits "matches-changed" for the stretch between the common start and
 * the common end of the lists @old and @new. */
static void
emit_diff (WendaSearchIndex *self,
           const guint      *old,
           guint             n_old,
           const guint      *new,
           guint             n_new)
{
  guint n_common = MIN (n_old, n_new);
  guint start = 0, end = 0;

  while (start < n_common && position_at (old, start) == position_at (new, start))
    start++;
  while (end < n_common - start &&
         position_at (old, n_old - 1 - end) == position_at (new, n_new - 1 - end))
    end++;

  if (n_old - start - end > 0 || n_new - start - end > 0)
    g_signal_emit (self, signals[MATCHES_CHANGED], 0,
                   start, n_old - start - end, n_new - start - end);
}

/* needle from scratch: the bits, and the list in matches */
static void
match_all (WendaSearchIndex *self)
{
  memset (self->bits, 0, (self->n_items / 64 + 1) * sizeof (guint64));
  self->n_matches = scan_all (self, self->needle, self->matches);
  for (guint k = 0; k < self->n_matches; k++)
    SET_BIT (self->bits, self->matches[k]);
}

/* Typing on: only the @n_old items in spare (the previous matches) can
 * match. */
static void
match_among_old (WendaSearchIndex *self,
                 guint             n_old)
{
  guint k = 0;

  self->n_matches = scan_some (self, self->needle, self->spare, n_old, self->matches);

  /* Both lists are in order: clear the bits of those that went. */
  for (guint j = 0; j < n_old; j++)
    {
      if (k < self->n_matches && self->matches[k] == self->spare[j])
        k++;
      else
        CLEAR_BIT (self->bits, self->spare[j]);
    }
}

static WendaSearchChange
classify_change (const char *old,
                 const char *new)
{
  if (g_strcmp0 (old, new) == 0)
    return WENDA_SEARCH_CHANGE_NONE;
  if (new == NULL)
    return WENDA_SEARCH_CHANGE_LESS_STRICT;
  if (old == NULL || strstr (new, old) != NULL)
    return WENDA_SEARCH_CHANGE_MORE_STRICT;
  if (strstr (old, new) != NULL)
    return WENDA_SEARCH_CHANGE_LESS_STRICT;
  return WENDA_SEARCH_CHANGE_DIFFERENT;
}

/**
 * wenda_search_index_set_search:
 * @search: (nullable): what the user typed; "" or %NULL matches every item
 *
 * Makes @search the current search.  "matches-changed" is emitted, before
 * this returns, if the list of matches changed.
 *
 * Returns: how the search changed, as a filter would say it
 */
WendaSearchChange
wenda_search_index_set_search (WendaSearchIndex *self,
                               const char       *search)
{
  g_autofree char *old = NULL;
  WendaSearchChange change;
  guint n_old;

  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), WENDA_SEARCH_CHANGE_NONE);

  old = g_steal_pointer (&self->needle);
  if (search != NULL && search[0] != '\0')
    {
      self->needle = wenda_normalize_for_search (search, -1);
      if (self->needle[0] == '\0')
        g_clear_pointer (&self->needle, g_free);
    }

  change = classify_change (old, self->needle);
  if (change == WENDA_SEARCH_CHANGE_NONE)
    return change;

  n_old = self->n_matches;
  if (self->needle != NULL)
    {
      guint *previous;

      wenda_search_index_build (self);

      /* The old positions go to spare, for emit_diff(). */
      previous = self->matches;
      self->matches = self->spare;
      self->spare = previous;

      if (old != NULL && change == WENDA_SEARCH_CHANGE_MORE_STRICT && n_old < self->n_items / 2)
        match_among_old (self, n_old);
      else
        match_all (self);

      /* From everything (the empty search), or from the last matches. */
      if (old == NULL)
        emit_diff (self, NULL, self->n_items, self->matches, self->n_matches);
      else
        emit_diff (self, self->spare, n_old, self->matches, self->n_matches);
    }
  else if (self->texts != NULL)
    {
      /* Back to everything. */
      emit_diff (self, self->matches, n_old, NULL, self->n_items);
    }

  return change;
}

/**
 * wenda_search_index_get_needle:
 *
 * Returns: (nullable): the current search, folded; %NULL when it matches
 *   every item
 */
const char *
wenda_search_index_get_needle (WendaSearchIndex *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), NULL);

  return self->needle;
}

/**
 * wenda_search_index_get_n_matches:
 *
 * Returns: how many items match the current search (all of them when it
 *   is empty)
 */
guint
wenda_search_index_get_n_matches (WendaSearchIndex *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), 0);

  if (self->needle == NULL)
    return wenda_search_index_get_n_items (self);

  return self->n_matches;
}

/**
 * wenda_search_index_get_match_position:
 * @index: which match, from 0
 *
 * Returns: the position of the @index-th item that matches the current
 *   search, in the model's order; G_MAXUINT when there are not that many
 */
guint
wenda_search_index_get_match_position (WendaSearchIndex *self,
                                       guint             index)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), G_MAXUINT);

  if (self->needle == NULL)
    return index < wenda_search_index_get_n_items (self) ? index : G_MAXUINT;

  return index < self->n_matches ? self->matches[index] : G_MAXUINT;
}

/**
 * wenda_search_index_position_matches:
 *
 * Returns: whether the item at @position matches the current search
 */
gboolean
wenda_search_index_position_matches (WendaSearchIndex *self,
                                     guint             position)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), FALSE);

  if (position >= wenda_search_index_get_n_items (self))
    return FALSE;

  return self->needle == NULL || BIT_IS_SET (self->bits, position);
}

/**
 * wenda_search_index_item_matches:
 * @item: a WendaQaItem, or any other object
 *
 * Whether @item matches the current search.  An item that is not in the
 * index is matched against its own search text (as a GtkStringFilter on
 * "search-text" would); anything else never matches a search.
 */
gboolean
wenda_search_index_item_matches (WendaSearchIndex *self,
                                 gpointer          item)
{
  guint position;

  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), FALSE);

  if (self->needle == NULL)
    return TRUE;

  /* A filter model asks in order: try the one after the last. */
  if (self->guess < self->n_items && (gpointer)self->items[self->guess] == item)
    position = self->guess + 1;
  else
    position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));

  if (position != 0)
    {
      self->guess = position;
      return BIT_IS_SET (self->bits, position - 1);
    }

  return WENDA_IS_QA_ITEM (item) &&
         strstr (wenda_qa_item_get_search_text (item), self->needle) != NULL;
}

/* }}} */

static void
wenda_search_index_finalize (GObject *object)
{
  WendaSearchIndex *self = (WendaSearchIndex *)object;

  if (self->items != NULL)
    for (guint i = 0; i < self->n_items; i++)
      g_object_unref (self->items[i]);
  g_clear_pointer (&self->items, g_free);
  if (self->texts != NULL)
    g_string_free (self->texts, TRUE);
  g_clear_pointer (&self->starts, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->bits, g_free);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->spare, g_free);
  g_clear_pointer (&self->needle, g_free);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (wenda_search_index_parent_class)->finalize (object);
}

static void
wenda_search_index_class_init (WendaSearchIndexClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_search_index_finalize;

  /**
   * WendaSearchIndex::matches-changed:
   * @position: the first match that changed
   * @removed: how many matches went, from @position on
   * @added: how many came in their place
   *
   * The list of matches of the current search (get_n_matches(),
   * get_match_position()) changed, as GListModel::items-changed says of a
   * model.
   */
  signals[MATCHES_CHANGED] =
    g_signal_new ("matches-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);
}

static void
wenda_search_index_init (WendaSearchIndex *self)
{
}

/**
 * wenda_search_index_new:
 * @items: (nullable): a list model of WendaQaItem (a WendaBank); %NULL
 *   for an index of nothing
 *
 * Makes an index of the items of @items.  It is built (the texts folded)
 * at the first search, or by wenda_search_index_build(); the items are
 * read then, once.
 */
WendaSearchIndex *
wenda_search_index_new (GListModel *items)
{
  WendaSearchIndex *self;

  g_return_val_if_fail (items == NULL || G_IS_LIST_MODEL (items), NULL);

  self = g_object_new (WENDA_TYPE_SEARCH_INDEX, NULL);
  g_set_object (&self->model, items);

  return self;
}

gboolean
wenda_search_index_is_built (WendaSearchIndex *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), FALSE);

  return self->texts != NULL;
}

/**
 * wenda_search_index_get_n_items:
 *
 * Returns: how many items the index holds (before it is built: how many
 *   the model has)
 */
guint
wenda_search_index_get_n_items (WendaSearchIndex *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), 0);

  if (self->texts != NULL)
    return self->n_items;

  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

/**
 * wenda_search_index_get_item:
 *
 * Returns: (transfer none) (nullable): the item at @position, or %NULL
 */
WendaQaItem *
wenda_search_index_get_item (WendaSearchIndex *self,
                             guint             position)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), NULL);

  wenda_search_index_build (self);

  return position < self->n_items ? self->items[position] : NULL;
}

/**
 * wenda_search_index_find:
 *
 * Returns: the position of @item in the index, or G_MAXUINT if it is not
 *   there
 */
guint
wenda_search_index_find (WendaSearchIndex *self,
                         WendaQaItem      *item)
{
  guint position;

  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), G_MAXUINT);

  wenda_search_index_build (self);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));
  return position != 0 ? position - 1 : G_MAXUINT;
}

/**
 * wenda_search_index_get_text:
 *
 * Returns: (nullable): the folded text the item at @position is searched
 *   in, or %NULL
 */
const char *
wenda_search_index_get_text (WendaSearchIndex *self,
                             guint             position)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), NULL);

  wenda_search_index_build (self);

  return position < self->n_items ? self->texts->str + self->starts[position] : NULL;
}

/**
 * wenda_search_index_get_size:
 *
 * Returns: the bytes of folded text the index holds (0 before it is built)
 */
gsize
wenda_search_index_get_size (WendaSearchIndex *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_INDEX (self), 0);

  return self->texts != NULL ? self->texts->len : 0;
}
