/* wenda-match-model.c: the items that match the search, as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The items of a WendaSearchFilter's model that match its search, in the
 * model's order.  It takes them from the filter's own list of matches, so
 * a keystroke costs what the filter's memmem() pass costs, and not a visit
 * to every item of the model (ref, gtk_filter_match(), unref), as a
 * GtkFilterListModel does: 100,000 of them, spread over the heap, are
 * ~100 ms.  Its items-changed is the filter's "matches-changed": one
 * stretch, the common start and end of the old and the new matches left
 * out.
 *
 * The window puts it before the GtkFilterListModel of the study filters
 * (All/Starred/Due/New), which passes the items through untouched while
 * that filter matches all.
 *
 * Its sections (GtkSectionModel, for the list's section headers) are the
 * runs of matches in one section of the bank: a bank's sections hold
 * consecutive items, so a search or a filter keeps the grouping.  The
 * sections change only with the items (the bank's sections are fixed
 * when it is made), so items-changed says all there is to say of them:
 * GTK asks again for the sections of the items it names and of those
 * next to them. */

#include "config.h"

#include <gtk/gtk.h>

#include "wenda-match-model.h"
#include "wenda-bank.h"
#include "wenda-qa-item.h"
#include "wenda-section.h"

struct _WendaMatchModel
{
  GObject            parent_instance;

  /* Owned */
  WendaSearchFilter *filter;
  /* The run of each item of runs_model (see ensure_runs()): owned, NULL
   * when that model has no sections, made again for another model */
  GListModel        *runs_model;
  guint             *runs;
  gboolean           runs_valid;
};

static void wenda_match_model_list_model_init (GListModelInterface *iface);
static void wenda_match_model_section_model_init (GtkSectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WendaMatchModel, wenda_match_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      wenda_match_model_list_model_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SECTION_MODEL,
                                                      wenda_match_model_section_model_init))

enum {
  PROP_0,
  PROP_FILTER,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* GListModel {{{ */

static GType
wenda_match_model_get_item_type (GListModel *model)
{
  return WENDA_TYPE_QA_ITEM;
}

static guint
wenda_match_model_get_n_items (GListModel *model)
{
  WendaMatchModel *self = WENDA_MATCH_MODEL (model);

  return self->filter != NULL ? wenda_search_filter_get_n_matches (self->filter) : 0;
}

static gpointer
wenda_match_model_get_item (GListModel *model,
                            guint       position)
{
  WendaMatchModel *self = WENDA_MATCH_MODEL (model);
  guint source_position;

  if (self->filter == NULL)
    return NULL;

  source_position = wenda_search_filter_get_match_position (self->filter, position);
  if (source_position == G_MAXUINT)
    return NULL;

  return g_list_model_get_item (wenda_search_filter_get_model (self->filter), source_position);
}

static void
wenda_match_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = wenda_match_model_get_item_type;
  iface->get_n_items = wenda_match_model_get_n_items;
  iface->get_item = wenda_match_model_get_item;
}

/* }}} */

/* GtkSectionModel {{{ */

/* The runs of the bank: run[i] is the number of the run of item i, where
 * a run is a stretch of consecutive items in the same innermost section
 * (or in none).  The numbers only grow along the bank, and the matches are
 * in the bank's order, so along the matches too: the sections of the
 * matches are found by bisection, whatever the bank's sections are (a
 * chapter's own questions after those of its sub-sections make a run of
 * their own).  Made when first asked for, for the filter's model of the
 * time; NULL for a model with no sections. */
static void
ensure_runs (WendaMatchModel *self)
{
  GListModel *model = self->filter != NULL ? wenda_search_filter_get_model (self->filter) : NULL;
  WendaSection *last = NULL;
  guint n, run = 0;

  if (self->runs_model == model && self->runs_valid)
    return;

  g_clear_pointer (&self->runs, g_free);
  g_set_object (&self->runs_model, model);
  self->runs_valid = TRUE;

  if (!WENDA_IS_BANK (model) || wenda_bank_get_sections (WENDA_BANK (model))->len == 0)
    return;

  n = g_list_model_get_n_items (model);
  self->runs = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);
      WendaSection *section = wenda_qa_item_get_section (item);

      if (i > 0 && section != last)
        run++;
      self->runs[i] = run;
      last = section;
    }
}

/* The run of match @position */
static guint
match_run (WendaMatchModel *self,
           guint            position)
{
  return self->runs[wenda_search_filter_get_match_position (self->filter, position)];
}

static void
wenda_match_model_get_section (GtkSectionModel *model,
                               guint            position,
                               guint           *out_start,
                               guint           *out_end)
{
  WendaMatchModel *self = WENDA_MATCH_MODEL (model);
  guint n = wenda_match_model_get_n_items (G_LIST_MODEL (self));
  guint run, lo, hi;

  if (position >= n)
    {
      *out_start = n;
      *out_end = G_MAXUINT;
      return;
    }

  /* A bank with no sections is one */
  ensure_runs (self);
  if (self->runs == NULL)
    {
      *out_start = 0;
      *out_end = n;
      return;
    }

  /* The first match in this run, and the first after it in another */
  run = match_run (self, position);
  lo = 0;
  hi = position;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (match_run (self, mid) < run)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out_start = lo;

  lo = position + 1;
  hi = n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (match_run (self, mid) <= run)
        lo = mid + 1;
      else
        hi = mid;
    }
  *out_end = lo;
}

static void
wenda_match_model_section_model_init (GtkSectionModelInterface *iface)
{
  iface->get_section = wenda_match_model_get_section;
}

/* }}} */

/* Every change goes through here. */
static void
wenda_match_model_items_changed (WendaMatchModel *self,
                                 guint            position,
                                 guint            removed,
                                 guint            added)
{
  g_assert (WENDA_IS_MATCH_MODEL (self));

  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
on_matches_changed (WendaMatchModel   *self,
                    guint              position,
                    guint              removed,
                    guint              added,
                    WendaSearchFilter *filter)
{
  /* A new model of the filter (a bank replaced by another) */
  if (self->runs_model != wenda_search_filter_get_model (filter))
    {
      g_clear_object (&self->runs_model);
      g_clear_pointer (&self->runs, g_free);
      self->runs_valid = FALSE;
    }

  wenda_match_model_items_changed (self, position, removed, added);
}

static void
wenda_match_model_dispose (GObject *object)
{
  WendaMatchModel *self = (WendaMatchModel *)object;

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_matches_changed, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->runs_model);
  g_clear_pointer (&self->runs, g_free);
  self->runs_valid = FALSE;

  G_OBJECT_CLASS (wenda_match_model_parent_class)->dispose (object);
}

static void
wenda_match_model_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WendaMatchModel *self = WENDA_MATCH_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      g_value_set_object (value, self->filter);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_match_model_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WendaMatchModel *self = WENDA_MATCH_MODEL (object);

  switch (prop_id)
    {
    case PROP_FILTER:
      wenda_match_model_set_filter (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_match_model_class_init (WendaMatchModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = wenda_match_model_dispose;
  object_class->get_property = wenda_match_model_get_property;
  object_class->set_property = wenda_match_model_set_property;

  /* The search: its matches are the items, its model holds them. */
  properties[PROP_FILTER] =
    g_param_spec_object ("filter", NULL, NULL,
                         WENDA_TYPE_SEARCH_FILTER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenda_match_model_init (WendaMatchModel *self)
{
}

WendaMatchModel *
wenda_match_model_new (WendaSearchFilter *filter)
{
  g_return_val_if_fail (filter == NULL || WENDA_IS_SEARCH_FILTER (filter), NULL);

  return g_object_new (WENDA_TYPE_MATCH_MODEL,
                       "filter", filter,
                       NULL);
}

WendaSearchFilter *
wenda_match_model_get_filter (WendaMatchModel *self)
{
  g_return_val_if_fail (WENDA_IS_MATCH_MODEL (self), NULL);

  return self->filter;
}

void
wenda_match_model_set_filter (WendaMatchModel   *self,
                              WendaSearchFilter *filter)
{
  guint n_old, n_new;

  g_return_if_fail (WENDA_IS_MATCH_MODEL (self));
  g_return_if_fail (filter == NULL || WENDA_IS_SEARCH_FILTER (filter));

  if (self->filter == filter)
    return;

  n_old = g_list_model_get_n_items (G_LIST_MODEL (self));

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_func (self->filter, on_matches_changed, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect_object (filter, "matches-changed",
                             G_CALLBACK (on_matches_changed), self,
                             G_CONNECT_SWAPPED);

  n_new = g_list_model_get_n_items (G_LIST_MODEL (self));
  wenda_match_model_items_changed (self, 0, n_old, n_new);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}
