/* wenda-sidebar-filters.c: the sidebar's All/Starred/Due/New filters
 *
 * The study filter of the topic list, the counts on the filter buttons,
 * and filtering again as the study state changes and cards fall due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-sidebar-private.h"
#include "wenda-study-session.h"

/* The filters and their counts */

static gboolean
study_filter_func (gpointer item,
                   gpointer user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);

  if (self->store == NULL || self->study_filter_kind == WENDA_STUDY_FILTER_ALL)
    return TRUE;

  return wenda_study_filter_matches (self->study_filter_kind, self->store,
                                     wenda_qa_item_get_id (WENDA_QA_ITEM (item)),
                                     wenda_clock_now ());
}

/* The ids of the topics the search leaves, from the search's own list of
 * matches: no item is visited, but for its id the first time. */
static GPtrArray *
dup_matching_ids (WendaSidebar *self)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->bank));
  guint n_matches = wenda_search_filter_get_n_matches (self->search_filter);
  GPtrArray *ids;

  if (self->bank_ids == NULL || self->bank_ids->len != n_items)
    {
      g_clear_pointer (&self->bank_ids, g_ptr_array_unref);
      self->bank_ids = g_ptr_array_sized_new (n_items);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);

          g_ptr_array_add (self->bank_ids, (gpointer)wenda_qa_item_get_id (item));
        }
    }

  ids = g_ptr_array_sized_new (n_matches);
  for (guint k = 0; k < n_matches; k++)
    {
      guint position = wenda_search_filter_get_match_position (self->search_filter, k);

      g_assert (position < n_items);
      g_ptr_array_add (ids, g_ptr_array_index (self->bank_ids, position));
    }
  return ids;
}

/* The counts on the filter buttons: of the topics the search leaves. */
void
wenda_sidebar_update_filter_counts (WendaSidebar *self)
{
  guint counts[G_N_ELEMENTS (filter_labels)] = { 0 };

  /* A count asked for now needs no other. */
  g_clear_handle_id (&self->counts_idle, g_source_remove);

  if (self->filter_all_label == NULL)
    return;

  /* (While a new bank is being set, the search may still be on the old.) */
  if (self->bank != NULL &&
      wenda_search_filter_get_model (self->search_filter) == G_LIST_MODEL (self->bank))
    {
      counts[WENDA_STUDY_FILTER_ALL] = wenda_search_filter_get_n_matches (self->search_filter);

      if (self->store != NULL)
        {
          g_autoptr(GPtrArray) ids = dup_matching_ids (self);
          WendaStudyCounts study;

          wenda_study_store_count (self->store, (const char *const *)ids->pdata, ids->len,
                                   wenda_clock_now (), &study);
          counts[WENDA_STUDY_FILTER_STARRED] = study.n_starred;
          counts[WENDA_STUDY_FILTER_DUE] = study.n_due;
          counts[WENDA_STUDY_FILTER_NEW] = study.n_new;
        }
    }

  for (guint filter = 0; filter < G_N_ELEMENTS (filter_labels); filter++)
    {
      GtkLabel *label = FILTER_LABEL (self, filter);
      g_autofree char *text = NULL;

      switch (filter)
        {
        case WENDA_STUDY_FILTER_ALL:
          /* Translators: a filter button of the topic list, with the
           * number of topics it shows; keep it short */
          text = g_strdup_printf (_("All %'u"), counts[filter]);
          break;
        case WENDA_STUDY_FILTER_STARRED:
          /* Translators: a filter button: starred topics; keep it short */
          text = g_strdup_printf (_("Starred %'u"), counts[filter]);
          break;
        case WENDA_STUDY_FILTER_DUE:
          /* Translators: a filter button: topics due for review; keep it
           * short */
          text = g_strdup_printf (_("Due %'u"), counts[filter]);
          break;
        case WENDA_STUDY_FILTER_NEW:
          /* Translators: a filter button: topics never studied; keep it
           * short */
          text = g_strdup_printf (_("New %'u"), counts[filter]);
          break;
        default:
          g_assert_not_reached ();
        }

      /* The toggle's button is named after its label. */
      if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
        gtk_label_set_label (label, text);
    }
}

static gboolean
counts_idle_cb (gpointer user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);

  self->counts_idle = 0;
  wenda_sidebar_update_filter_counts (self);

  return G_SOURCE_REMOVE;
}

/* The list changed (a keystroke in the search, another filter): count
 * once, after the list has been drawn, however many signals came. */
void
wenda_sidebar_queue_filter_counts (WendaSidebar *self)
{
  if (self->counts_idle == 0)
    self->counts_idle = g_idle_add (counts_idle_cb, self);
}

/* The study filter has no function while All is chosen: it then matches
 * all, and the filter model passes the search's matches through without
 * looking at each. */
void
wenda_sidebar_update_study_filter_func (WendaSidebar *self)
{
  if (self->study_filter_kind == WENDA_STUDY_FILTER_ALL)
    gtk_custom_filter_set_filter_func (self->study_filter, NULL, NULL, NULL);
  else
    gtk_custom_filter_set_filter_func (self->study_filter, study_filter_func, self, NULL);
}

gboolean
wenda_sidebar_refilter_idle_cb (gpointer user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);

  self->refilter_idle = 0;
  gtk_filter_changed (GTK_FILTER (self->study_filter), GTK_FILTER_CHANGE_DIFFERENT);

  return G_SOURCE_REMOVE;
}

/**
 * wenda_sidebar_study_changed:
 * @kept_id: (nullable): the id of the topic whose star or card changed,
 *   when the change is of the topic open in the reading pane
 *
 * The study state has changed, as the user grades and stars: filter
 * again, count again.  The open topic stays in the Starred list when its
 * star goes (@kept_id), until the user moves on: otherwise the selection
 * would jump to the next starred topic, and a second Ctrl+D (to undo)
 * would unstar that one.
 */
void
wenda_sidebar_study_changed (WendaSidebar *self,
                             const char   *kept_id)
{
  WendaQaItem *open;

  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  open = gtk_single_selection_get_selected_item (self->selection);
  if (self->study_filter_kind == WENDA_STUDY_FILTER_STARRED && open != NULL && kept_id != NULL &&
      g_strcmp0 (wenda_qa_item_get_id (open), kept_id) == 0)
    {
      self->refilter_pending = TRUE;
      wenda_sidebar_update_filter_counts (self);
      return;
    }

  self->refilter_pending = FALSE;
  if (self->study_filter_kind != WENDA_STUDY_FILTER_ALL)
    gtk_filter_changed (GTK_FILTER (self->study_filter), GTK_FILTER_CHANGE_DIFFERENT);
  wenda_sidebar_update_filter_counts (self);
}

/* Cards fall due as time passes: count and filter again. */
gboolean
wenda_sidebar_refresh_timeout_cb (gpointer user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);

  if (self->study_filter_kind == WENDA_STUDY_FILTER_DUE)
    gtk_filter_changed (GTK_FILTER (self->study_filter), GTK_FILTER_CHANGE_DIFFERENT);
  wenda_sidebar_update_filter_counts (self);

  return G_SOURCE_CONTINUE;
}

/* A click on a filter (or the keyboard in the group) chooses it. */
void
wenda_sidebar_on_filter_toggled (WendaSidebar *self)
{
  const char *name = adw_toggle_group_get_active_name (self->filter_box);
  GEnumValue *value;

  if (name == NULL)
    return;
  value = g_enum_get_value_by_nick (g_type_class_peek (WENDA_TYPE_STUDY_FILTER), name);
  g_return_if_fail (value != NULL);
  wenda_sidebar_set_study_filter (self, value->value);
}

/* The study needs a store: without one, no filters and no Study button.
 * A compact header has no room for the button either: it stays in the
 * main menu and on Ctrl+Enter. */
void
wenda_sidebar_update_study_ui (WendaSidebar *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->filter_box), self->store != NULL);
  gtk_widget_set_visible (self->study_button, self->store != NULL && !self->compact);
}
