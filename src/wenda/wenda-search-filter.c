/* wenda-search-filter.c: the topic list's search, fast on large banks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A GtkFilter that keeps the WendaQaItems whose search text (see
 * wenda_qa_item_get_search_text()) contains the search, both folded by
 * wenda_normalize_for_search().  It gives the same answers as the
 * GtkStringFilter on "search-text" it replaces, but it is built for banks
 * of 100,000 items and more, where a GtkStringFilter normalizes and
 * case-folds every item's whole text again on every keystroke.
 *
 * The work is a WendaSearchIndex's (libwenda): it folds the texts of the
 * items of @model once, at the first search, and keeps the current search
 * as a bit per item and a sorted list of positions.  The filter only
 * says what the index found the way a GtkFilter says it:
 *
 *   - match() reads the item's bit;
 *   - a search that contains the previous one (typing on) is
 *     GTK_FILTER_CHANGE_MORE_STRICT, so that the filter model, like the
 *     index, only looks again at the items that matched;
 *   - get_n_matches() and get_match_position() read the list of matches,
 *     so that a list model can show them without asking about each item
 *     of @model (WendaMatchModel); "matches-changed" is the index's,
 *     emitted before "changed".
 *
 * When the model changes, the index is made again.  Items that are not in
 * @model (or with no model) are matched against their own search text,
 * as a GtkStringFilter would.
 */

#include "config.h"

#include "wenda-search-filter.h"
#include "wenda-search-index.h"

struct _WendaSearchFilter
{
  GtkFilter         parent_instance;

  /* Owned */
  GListModel       *model;
  char             *search;
  WendaSearchIndex *index;     /* of model's items, with search; never NULL */
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

static void
on_index_matches_changed (WendaSearchFilter *self,
                          guint              position,
                          guint              removed,
                          guint              added)
{
  g_signal_emit (self, signals[MATCHES_CHANGED], 0, position, removed, added);
}

/* A new index of the model's items, with the search already made in it:
 * its own "matches-changed" would count from all the items, not from the
 * old index's matches, so it is connected afterwards. */
static void
wenda_search_filter_replace_index (WendaSearchFilter *self)
{
  g_autoptr(WendaSearchIndex) index = wenda_search_index_new (self->model);

  wenda_search_index_set_search (index, self->search);

  if (self->index != NULL)
    g_signal_handlers_disconnect_by_func (self->index, on_index_matches_changed, self);
  g_set_object (&self->index, index);
  g_signal_connect_object (index, "matches-changed",
                           G_CALLBACK (on_index_matches_changed), self,
                           G_CONNECT_SWAPPED);
}

/* GtkFilter {{{ */

static gboolean
wenda_search_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (filter);

  return wenda_search_index_item_matches (self->index, item);
}

static GtkFilterMatch
wenda_search_filter_get_strictness (GtkFilter *filter)
{
  WendaSearchFilter *self = WENDA_SEARCH_FILTER (filter);

  if (wenda_search_index_get_needle (self->index) == NULL)
    return GTK_FILTER_MATCH_ALL;

  if (wenda_search_index_get_n_matches (self->index) == 0 &&
      wenda_search_index_get_n_items (self->index) > 0)
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
  guint n_old = wenda_search_index_get_n_matches (self->index);
  guint n_new;

  wenda_search_filter_replace_index (self);

  /* Everything matches: the matches are the model's items. */
  if (wenda_search_index_get_needle (self->index) == NULL)
    {
      if (removed > 0 || added > 0)
        g_signal_emit (self, signals[MATCHES_CHANGED], 0, position, removed, added);
      return;
    }

  /* The items moved: the positions say nothing about them any more. */
  n_new = wenda_search_index_get_n_matches (self->index);
  if (n_old > 0 || n_new > 0)
    g_signal_emit (self, signals[MATCHES_CHANGED], 0, 0, n_old, n_new);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
wenda_search_filter_dispose (GObject *object)
{
  WendaSearchFilter *self = (WendaSearchFilter *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed, self);
  g_clear_object (&self->model);
  if (self->index != NULL)
    g_signal_handlers_disconnect_by_func (self->index, on_index_matches_changed, self);
  g_clear_object (&self->index);

  G_OBJECT_CLASS (wenda_search_filter_parent_class)->dispose (object);
}

static void
wenda_search_filter_finalize (GObject *object)
{
  WendaSearchFilter *self = (WendaSearchFilter *)object;

  g_clear_pointer (&self->search, g_free);

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
  wenda_search_filter_replace_index (self);
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
  wenda_search_filter_replace_index (self);
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

/* How many items of the model match (all of them for the empty search):
 * see wenda_search_index_get_n_matches(). */
guint
wenda_search_filter_get_n_matches (WendaSearchFilter *self)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), 0);

  return wenda_search_index_get_n_matches (self->index);
}

/* The model's position of the @index-th match, or G_MAXUINT: see
 * wenda_search_index_get_match_position(). */
guint
wenda_search_filter_get_match_position (WendaSearchFilter *self,
                                        guint              index)
{
  g_return_val_if_fail (WENDA_IS_SEARCH_FILTER (self), G_MAXUINT);

  return wenda_search_index_get_match_position (self->index, index);
}

void
wenda_search_filter_set_search (WendaSearchFilter *self,
                                const char        *search)
{
  static const GtkFilterChange changes[] = {
    [WENDA_SEARCH_CHANGE_MORE_STRICT] = GTK_FILTER_CHANGE_MORE_STRICT,
    [WENDA_SEARCH_CHANGE_LESS_STRICT] = GTK_FILTER_CHANGE_LESS_STRICT,
    [WENDA_SEARCH_CHANGE_DIFFERENT] = GTK_FILTER_CHANGE_DIFFERENT,
  };
  WendaSearchChange change;

  g_return_if_fail (WENDA_IS_SEARCH_FILTER (self));

  if (search != NULL && search[0] == '\0')
    search = NULL;

  if (g_strcmp0 (self->search, search) == 0)
    return;

  g_free (self->search);
  self->search = g_strdup (search);

  /* The index emits "matches-changed" (ours) if the matches changed. */
  change = wenda_search_index_set_search (self->index, search);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH]);
  if (change != WENDA_SEARCH_CHANGE_NONE)
    gtk_filter_changed (GTK_FILTER (self), changes[change]);
}
