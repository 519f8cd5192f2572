/* wenda-search-filter.c: the topic list's search, fast on large banks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A GtkFilter that keeps the WendaQaItems whose search text (see
 * wenda_qa_item_get_search_text()) contains the search, both folded by
 * wenda_normalize_for_search().  It gives the same answers as the
 * GtkStringFilter on "search-text" it replaces, but it is built for banks
 * of 100,000 items and more, where a GtkStringFilter normalizes and
 * case-folds every item's whole text again on every keystroke:
 *
 *   - The first search folds the search texts of all the items of @model
 *     once, into one buffer, each text ended by a NUL.  The items'
 *     own search-text is not built, so the texts are not held twice.
 *   - Each search is one memmem() pass over that buffer, and the result a
 *     bit per item; match() only tests the item's bit.
 *   - A search that contains the previous one (typing on) only looks again
 *     at the items that matched, and tells the filter model the change is
 *     GTK_FILTER_CHANGE_MORE_STRICT, so that it does the same.
 *   - The matches are also kept as a sorted list of positions, so that a
 *     list model can show them without asking about each item of @model
 *     (WendaMatchModel): get_n_matches() and get_match_position() read it,
 *     and "matches-changed" says which stretch of it changed (the common
 *     start and end of the old and the new list left out), before
 *     "changed" is emitted.
 *
 * Items that are not in @model (or with no model) are matched against
 * their own search text, as a GtkStringFilter would.
 *
 * The model must hold its items (as WendaBank does): the filter maps an
 * item to its position by its address.
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <string.h>

#include "wenda-qa-item.h"
#include "wenda-search-filter.h"

struct _WendaSearchFilter
{
  GtkFilter   parent_instance;

  /* Owned */
  GListModel *model;
  char       *search;
  char       *needle;      /* @search folded; NULL when it is empty */

  /* The index, built on the first search and dropped when the model
   * changes: the folded texts, and where each item's text starts. */
  GString    *texts;
  gsize      *starts;      /* n_items + 1 offsets into texts */
  gpointer   *items;       /* borrowed: the model holds them */
  GHashTable *positions;   /* item → position + 1 */
  guint       n_items;
  guint       guess;       /* the position after the last lookup */

  /* The items that match needle: one bit each, and their positions in
   * order; spare holds the previous positions while they are compared. */
  guint64    *bits;
  guint      *matches;
  guint      *spare;
  guint       n_matches;
};

G_DEFINE_FINAL_TYPE (WendaSearchFilter, wenda_search_filter, GTK_TYPE_FILTER)

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  MATCHES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Folding {{{ */

/* The text of wenda_qa_item_get_search_text(), before folding: the
 * number, then each field in Chinese and, if the item has them, in
 * English.  (get_text() gives the Chinese for a missing translation,
 * which the search text leaves empty.) */
static void
append_item_text (GString     *joined,
                  WendaQaItem *item)
{
  g_string_append_printf (joined, "№%u", wenda_qa_item_get_number (item));

  for (WendaLanguage language = WENDA_LANGUAGE_ZH; language <= WENDA_LANGUAGE_EN; language++)
    for (WendaQaField field = WENDA_QA_FIELD_QUESTION; field <= WENDA_QA_FIELD_EXPLANATION; field++)
      {
        const char *text = wenda_qa_item_get_text (item, field, language);

        g_string_append_c (joined, '\n');
        if (text == NULL ||
            (language == WENDA_LANGUAGE_EN && text == wenda_qa_item_get_text (item, field, WENDA_LANGUAGE_ZH)))
          continue;
        g_string_append (joined, text);
      }
}

/* }}} */

/* The index {{{ */

static void
wenda_search_filter_clear_index (WendaSearchFilter *self)
{
  if (self->texts != NULL)
    g_string_free (self->texts, TRUE);
  self->texts = NULL;
  g_clear_pointer (&self->starts, g_free);
  g_clear_pointer (&self->items, g_free);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_pointer (&self->bits, g_free);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->spare, g_free);
  self->n_items = 0;
  self->n_matches = 0;
  self->guess = 0;
}

static void
wenda_search_filter_ensure_index (WendaSearchFilter *self)
{
  g_autoptr(GString) joined = NULL;

  if (self->texts != NULL || self->model == NULL)
    return;

  self->n_items = g_list_model_get_n_items (self->model);
  self->starts = g_new (gsize, self->n_items + 1);
  self->items = g_new (gpointer, MAX (self->n_items, 1));
  self->positions = g_hash_table_new (NULL, NULL);
  self->bits = g_new0 (guint64, self->n_items / 64 + 1);
  self->matches = g_new (guint, self->n_items + 1);
  self->spare = g_new (guint, self->n_items + 1);
  /* The folded text is as long as the text, give or take: ~420 bytes an
   * item for the bundled bank. */
  self->texts = g_string_sized_new ((gsize)self->n_items * 512 + 1);
  joined = g_string_sized_new (4096);

  for (guint i = 0; i < self->n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (self->model, i);

      self->items[i] = item;
      g_hash_table_insert (self->positions, item, GUINT_TO_POINTER (i + 1));
      self->starts[i] = self->texts->len;

      g_string_truncate (joined, 0);
      append_item_text (joined, item);
      wenda_normalize_for_search_append (self->texts, joined->str, joined->len);
      g_string_append_c (self->texts, '\0');
    }
  self->starts[self->n_items] = self->texts->len;
}

static guint
wenda_search_filter_find (WendaSearchFilter *self,
                          gpointer           item)
{
  guint position;

  if (self->items == NULL)
    return G_MAXUINT;

  /* The filter model asks in order: try the one after the last. */
  if (self->guess < self->n_items && self->items[self->guess] == item)
    return self->guess++;

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, item));
  if (position == 0)
    return G_MAXUINT;

  self->guess = position;
  return position - 1;
}

#define BIT_IS_SET(bits, i) (((bits)[(i) / 64] >> ((i) % 64)) & 1)
#define SET_BIT(bits, i)    ((bits)[(i) / 64] |= G_GUINT64_CONSTANT (1) << ((i) % 64))
#define CLEAR_BIT(bits, i)  ((bits)[(i) / 64] &= ~(G_GUINT64_CONSTANT (1) << ((i) % 64)))

/* The old positions go to spare, for wenda_search_filter_emit_diff(). */
static void
wenda_search_filter_swap_matches (WendaSearchFilter *self)
{
  guint *old = self->matches;

  self->matches = self->spare;
  self->spare = old;
}

/* One pass of memmem() over all the texts. */
static void
wenda_search_filter_scan_all (WendaSearchFilter *self)
{
  const char *texts = self->texts->str;
  gsize n = self->texts->len;
  gsize needle_len = strlen (self->needle);
  gsize offset = 0;
  guint i = 0;

  memset (self->bits, 0, (self->n_items / 64 + 1) * sizeof (guint64));
  self->n_matches = 0;

  while (offset < n)
    {
      const char *hit = memmem (texts + offset, n - offset, self->needle, needle_len);

      if (hit == NULL)
        break;

      /* The item the hit is in; then go on from the next item. */
      while (self->starts[i + 1] <= (gsize)(hit - texts))
        i++;
      SET_BIT (self->bits, i);
      self->matches[self->n_matches++] = i;
      offset = self->starts[++i];
    }
}

/* Typing on: only the items that matched can match.  The previous
 * matches are in spare (see swap_matches()), @n_old of them. */
static void
wenda_search_filter_scan_matches (WendaSearchFilter *self,
                                  guint              n_old)
{
  gsize needle_len = strlen (self->needle);

  self->n_matches = 0;

  for (guint k = 0; k < n_old; k++)
    {
      guint i = self->spare[k];
      const char *text = self->texts->str + self->starts[i];

      if (memmem (text, self->starts[i + 1] - self->starts[i] - 1, self->needle, needle_len) != NULL)
        self->matches[self->n_matches++] = i;
      else
        CLEAR_BIT (self->bits, i);
    }
}

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
wenda_search_filter_emit_diff (WendaSearchFilter *self,
                               const guint       *old,
                               guint              n_old,
                               const guint       *new,
                               guint              n_new)
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

/* }}} */

/* GtkFilter {{{ */

static gboolean
wenda_search_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (filter);
  guint position;

  if (self->needle == NULL)
    return TRUE;

  position = wenda_search_filter_find (self, item);
  if (position != G_MAXUINT)
    return BIT_IS_SET (self->bits, position);

  return WENDA_IS_QA_ITEM (item) &&
         strstr (wenda_qa_item_get_search_text (item), self->needle) != NULL;
}

static GtkFilterMatch
wenda_search_filter_get_strictness (GtkFilter *filter)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (filter);

  if (self->needle == NULL)
    return GTK_FILTER_MATCH_ALL;

  if (self->texts != NULL && self->n_matches == 0 && self->n_items > 0)
    return GTK_FILTER_MATCH_NONE;

  return GTK_FILTER_MATCH_SOME;
}

/* }}} */

static void
on_model_items_changed (WendaSearchFilter *self,
                        guint              position,
                        guint              removed,
                        guint              added)
{
  guint n_old = self->n_matches;

  wenda_search_filter_clear_index (self);

  /* Everything matches: the matches are the model's items. */
  if (self->needle == NULL)
    {
      if (removed > 0 || added > 0)
        g_signal_emit (self, signals[MATCHES_CHANGED], 0, position, removed, added);
      return;
    }

  /* The items moved: the positions say nothing about them any more. */
  wenda_search_filter_ensure_index (self);
  wenda_search_filter_scan_all (self);
  if (n_old > 0 || self->n_matches > 0)
    g_signal_emit (self, signals[MATCHES_CHANGED], 0, 0, n_old, self->n_matches);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
wenda_search_filter_dispose (GObject *object)
{
  WendaSearchFilter *self = (WendaSearchFilter *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  g_clear_object (&self->model);
  wenda_search_filter_clear_index (self);

  G_OBJECT_CLASS (wenda_search_filter_parent_class)->dispose (object);
}

static void
wenda_search_filter_finalize (GObject *object)
{
  WendaSearchFilter *self = (WendaSearchFilter *)object;

  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (wenda_search_filter_parent_class)->finalize (object);
}

static void
wenda_search_filter_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_search_filter_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      wenda_search_filter_set_model (self, g_value_get_object (value));
      break;

    case PROP_SEARCH:
      wenda_search_filter_set_search (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_search_filter_class_init (WendaSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = wenda_search_filter_dispose;
  object_class->finalize = wenda_search_filter_finalize;
  object_class->get_property = wenda_search_filter_get_property;
  object_class->set_property = wenda_search_filter_set_property;

  filter_class->match = wenda_search_filter_match;
  filter_class->get_strictness = wenda_search_filter_get_strictness;

  /* The items to index: the model the filter model filters. */
  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* What the user typed; "" or NULL matches everything. */
  properties[PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * WendaSearchFilter::matches-changed:
   * @position: the first match that changed
   * @removed: how many matches went, from @position on
   * @added: how many came in their place
   *
   * The list of matches (get_n_matches(), get_match_position()) changed,
   * as GListModel::items-changed says of a model: emitted before
   * GtkFilter::changed.
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
wenda_search_filter_init (WendaSearchFilter *self)
{
}

WendaSearchFilter *
wenda_search_filter_new (GListModel *model)
{
  g_return_val_if_fail (model == NULL || G_IS_LIST_MODEL (model), NULL);

  return g_object_new (WENDA_TYPE_SEARCH_FILTER,
                       "model", model,
                       NULL);
}

GListModel *
wenda_search_filter_get_model (WendaSearchFilter *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), NULL);

  return self->model;
}

void
wenda_search_filter_set_model (WendaSearchFilter *self,
                               GListModel        *model)
{
  guint n_old, n_new;

  g_return_if_fail (WENDA_IS_SEARCH_FILTER (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  n_old = wenda_search_filter_get_n_matches (self);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed",
                             G_CALLBACK (on_model_items_changed), self,
                             G_CONNECT_SWAPPED);

  /* The answers stay the same: only where they come from changes.  The
   * list of matches is another one, all of it. */
  wenda_search_filter_clear_index (self);
  if (self->needle != NULL)
    {
      wenda_search_filter_ensure_index (self);
      if (self->texts != NULL)
        wenda_search_filter_scan_all (self);
    }
  n_new = wenda_search_filter_get_n_matches (self);
  if (n_old > 0 || n_new > 0)
    g_signal_emit (self, signals[MATCHES_CHANGED], 0, 0, n_old, n_new);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

const char *
wenda_search_filter_get_search (WendaSearchFilter *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), NULL);

  return self->search;
}

/**
 * wenda_search_filter_get_n_matches:
 *
 * Returns: how many items of the model match the search (all of them when
 * the search is empty)
 */
guint
wenda_search_filter_get_n_matches (WendaSearchFilter *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), 0);

  if (self->model == NULL)
    return 0;

  if (self->needle == NULL)
    return g_list_model_get_n_items (self->model);

  return self->n_matches;
}

/**
 * wenda_search_filter_get_match_position:
 * @index: which match, from 0
 *
 * Returns: the position in the model of the @index-th matching item, in
 * the model's order; G_MAXUINT when there are not that many
 */
guint
wenda_search_filter_get_match_position (WendaSearchFilter *self,
                                        guint              index)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), G_MAXUINT);

  if (self->model == NULL)
    return G_MAXUINT;

  if (self->needle == NULL)
    return index < g_list_model_get_n_items (self->model) ? index : G_MAXUINT;

  return index < self->n_matches ? self->matches[index] : G_MAXUINT;
}

void
wenda_search_filter_set_search (WendaSearchFilter *self,
                                const char        *search)
{
  g_autofree char *old = NULL;
  GtkFilterChange change;
  guint n_old;

  g_return_if_fail (WENDA_IS_SEARCH_FILTER (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  old = g_steal_pointer (&self->needle);
  if (search != NULL)
    {
      self->needle = wenda_normalize_for_search (search, -1);
      if (self->needle[0] == '\0')
        g_clear_pointer (&self->needle, g_free);
    }

  if (g_strcmp0 (old, self->needle) == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
      return;
    }

  if (self->needle == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (old == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->needle, old) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (old, self->needle) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  n_old = self->n_matches;
  if (self->needle != NULL)
    {
      wenda_search_filter_ensure_index (self);

      if (self->texts == NULL)
        ;  /* no model: match() looks at each item */
      else
        {
          wenda_search_filter_swap_matches (self);
          if (old != NULL && change == GTK_FILTER_CHANGE_MORE_STRICT &&
              n_old < self->n_items / 2)
            wenda_search_filter_scan_matches (self, n_old);
          else
            wenda_search_filter_scan_all (self);

          /* From everything (the empty search), or from the last matches. */
          if (old == NULL)
            wenda_search_filter_emit_diff (self, NULL, self->n_items, self->matches, self->n_matches);
          else
            wenda_search_filter_emit_diff (self, self->spare, n_old, self->matches, self->n_matches);
        }
    }
  else if (self->texts != NULL)
    {
      /* Back to everything. */
      wenda_search_filter_emit_diff (self, self->matches, n_old, NULL, self->n_items);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  gtk_filter_changed (GTK_FILTER (self), change);
}
