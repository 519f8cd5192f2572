/* wenda-sidebar-list.c: the sidebar's topic list
 *
 * The focus rules of the list, the topics it shows (the count, the empty
 * page), the selection, and Enter and clicks on a topic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-sidebar-private.h"

/* Focus */

static GtkWidget *
get_focus (WendaSidebar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return root != NULL ? gtk_root_get_focus (root) : NULL;
}

gboolean
wenda_sidebar_focus_is_inside (WendaSidebar *self,
                               GtkWidget    *ancestor)
{
  GtkWidget *focus = get_focus (self);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

static gboolean
focus_row_tick (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);
  guint position = gtk_single_selection_get_selected (self->selection);
  GtkWidget *focus = get_focus (self);

  /* The user has moved the focus, or the selection has gone: done.  The
   * row can take a few frames to come: in a narrow window, the sidebar's
   * page slides back in first.  After a second's worth of frames with no
   * row, the focus stays on the list itself. */
  if (focus != self->focus_row_from ||
      position == GTK_INVALID_LIST_POSITION ||
      ++self->focus_row_frames > 60)
    {
      self->focus_row_tick = 0;
      g_clear_weak_pointer (&self->focus_row_from);
      return G_SOURCE_REMOVE;
    }

  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
  wenda_sidebar_reveal_header (self);
  if (!wenda_sidebar_focus_is_inside (self, GTK_WIDGET (self->list_view)) ||
      get_focus (self) == GTK_WIDGET (self->list_view))
    return G_SOURCE_CONTINUE;

  self->focus_row_tick = 0;
  g_clear_weak_pointer (&self->focus_row_from);
  return G_SOURCE_REMOVE;
}

/**
 * wenda_sidebar_focus_selected_row:
 *
 * Moves keyboard focus onto the selected row, scrolling it into view, so
 * that arrow keys continue from the topic on screen.
 */
void
wenda_sidebar_focus_selected_row (WendaSidebar *self)
{
  guint position;

  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Nothing to focus in the list: keep focus in the search. */
      if (gtk_search_bar_get_search_mode (self->search_bar))
        gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      else
        gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return;
    }

  gtk_list_view_scroll_to (self->list_view, position, GTK_LIST_SCROLL_FOCUS, NULL);
  wenda_sidebar_reveal_header (self);

  /* The row may not exist yet: at startup, or just after the list
   * changed, GTK has not laid it out, and gtk_list_view_scroll_to() moves
   * no focus.  (At startup GTK would then give the focus to the first
   * control, the Study button.)  Keep the focus in the list meanwhile,
   * and focus the row once it is there. */
  if (!wenda_sidebar_focus_is_inside (self, GTK_WIDGET (self->list_view)))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      g_set_weak_pointer (&self->focus_row_from, get_focus (self));
      self->focus_row_frames = 0;
      if (self->focus_row_tick == 0)
        self->focus_row_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                             focus_row_tick, self, NULL);
    }
}

/**
 * wenda_sidebar_focus_list:
 *
 * Focus for the list: the selected row, or when the list is empty, what
 * would fill it (the search entry, or the filter's button).
 */
void
wenda_sidebar_focus_list (WendaSidebar *self)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    wenda_sidebar_focus_selected_row (self);
  else if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  else
    /* The button of the chosen filter: its label's parent, a toggle of
     * the group. */
    gtk_widget_grab_focus (gtk_widget_get_parent (GTK_WIDGET (FILTER_LABEL (self, self->study_filter_kind))));
}

/**
 * wenda_sidebar_focus_search:
 *
 * Focus in the search of the page shown: the topics' (the search bar
 * opens), or the glossary's.
 */
void
wenda_sidebar_focus_search (WendaSidebar *self)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  if (wenda_sidebar_get_page (self) == WENDA_SIDEBAR_PAGE_GLOSSARY)
    {
      wenda_sidebar_ensure_glossary_page (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->glossary_entry));
      return;
    }

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * wenda_sidebar_list_has_focus:
 *
 * Whether the keyboard focus is in the topic list: the user is moving
 * through it.
 */
gboolean
wenda_sidebar_list_has_focus (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), FALSE);

  return wenda_sidebar_focus_is_inside (self, GTK_WIDGET (self->list_view));
}


/* The topic list */

/* number-width: as many characters as the widest number a row shows, the
 * bank's own ("1.1.10") where it has one, and at least two */
void
wenda_sidebar_update_number_width (WendaSidebar *self)
{
  guint n = self->bank != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->bank)) : 0;
  guint max = self->bank != NULL ? wenda_bank_get_max_number (self->bank) : 0;
  int width = 1;

  for (; max >= 10; max /= 10)
    width++;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);
      const char *label = wenda_qa_item_get_label (item);

      if (label != NULL)
        width = MAX (width, (int)g_utf8_strlen (label, -1));
    }
  width = MAX (width, 2);

  if (width != self->number_width)
    {
      self->number_width = width;
      g_object_notify (G_OBJECT (self), "number-width");
    }
}

void
wenda_sidebar_on_topics_changed (WendaSidebar *self)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  guint n_total = self->bank ? g_list_model_get_n_items (G_LIST_MODEL (self->bank)) : 0;
  /* What the list shows: in a large bank the entry may be ahead of it */
  const char *query = wenda_search_filter_get_search (self->search_filter);
  g_autofree char *text = NULL;

  if (query == NULL)
    query = "";

  if (query[0] == '\0')
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u topic", "%'u topics", n_shown),
                            n_shown);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u match", "%'u matches", n_shown),
                            n_shown);

  gtk_label_set_label (self->match_label, text);
  wenda_sidebar_queue_filter_counts (self);

  if (n_shown == 0 && query[0] != '\0')
    {
      /* The status page renders its description as markup: escape the
       * user's text. */
      g_autofree char *escaped = g_markup_escape_text (query, -1);
      g_autofree char *description = NULL;

      /* Translators: %s is what the user searched for */
      description = g_strdup_printf (_("No question, answer or explanation contains “%s”"), escaped);
      adw_status_page_set_description (self->no_results_page, description);
      adw_status_page_set_title (self->no_results_page, _("No Topics Found"));
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else if (n_shown == 0 && n_total > 0)
    {
      const char *title = NULL, *description = NULL;

      /* An empty filter says what would fill it. */
      switch (self->study_filter_kind)
        {
        case WENDA_STUDY_FILTER_STARRED:
          title = _("No Starred Topics");
          description = _("Star a topic with Ctrl+D or the star in its header");
          break;
        case WENDA_STUDY_FILTER_DUE:
          title = _("Nothing Is Due");
          description = _("Topics you have studied come back here when they are due");
          break;
        case WENDA_STUDY_FILTER_NEW:
          title = _("No New Topics");
          description = _("You have studied every topic");
          break;
        case WENDA_STUDY_FILTER_ALL:
        default:
          title = _("No Topics Found");
          break;
        }

      adw_status_page_set_title (self->no_results_page, title);
      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
    }

  g_signal_emit_by_name (self, "topics-changed");
}

void
wenda_sidebar_on_selected_item_changed (WendaSidebar *self)
{
  /* Not from inside the selection's own notification. */
  if (self->refilter_pending && self->refilter_idle == 0)
    {
      self->refilter_pending = FALSE;
      self->refilter_idle = g_idle_add (wenda_sidebar_refilter_idle_cb, self);
    }

  g_object_notify (G_OBJECT (self), "selected-item");
}

void
wenda_sidebar_on_list_activate (WendaSidebar *self,
                                guint         position)
{
  gtk_single_selection_set_selected (self->selection, position);
  g_signal_emit_by_name (self, "topic-activated");
}

/* A click on a topic opens it (in a narrow window, the reading page comes
 * in).  The row selects itself on press; the click is told of once it is
 * released. */
void
wenda_sidebar_on_list_click_released (GtkGestureClick *gesture,
                                      int              n_press,
                                      double           x,
                                      double           y,
                                      WendaSidebar    *self)
{
  GtkWidget *picked;

  picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  if (picked == NULL || picked == GTK_WIDGET (self->list_view))
    return;

  g_signal_emit_by_name (self, "topic-clicked");
}

/**
 * wenda_sidebar_select_position:
 *
 * Selects the topic at @position of the list.  If the list had the focus,
 * the focus moves onto the topic's row; otherwise the row is only
 * scrolled into view.
 */
void
wenda_sidebar_select_position (WendaSidebar *self,
                               guint         position)
{
  gboolean list_had_focus;

  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  list_had_focus = wenda_sidebar_focus_is_inside (self, GTK_WIDGET (self->list_view));
  gtk_single_selection_set_selected (self->selection, position);

  if (list_had_focus)
    wenda_sidebar_focus_selected_row (self);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  wenda_sidebar_reveal_header (self);
}

/**
 * wenda_sidebar_show_topic:
 * @target: an item of the bank
 *
 * Selects @target, clearing the search first if the search hides it.
 *
 * Returns: %FALSE if the list does not have it even then
 */
gboolean
wenda_sidebar_show_topic (WendaSidebar *self,
                          WendaQaItem  *target)
{
  GListModel *model;

  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), FALSE);
  g_return_val_if_fail (WENDA_IS_QA_ITEM (target), FALSE);

  model = G_LIST_MODEL (self->filter_model);
  for (guint pass = 0; pass < 2; pass++)
    {
      guint n_items = g_list_model_get_n_items (model);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);

          if (item == target)
            {
              wenda_sidebar_select_position (self, i);
              return TRUE;
            }
        }

      /* Hidden by the search: show everything and look again. */
      gtk_search_bar_set_search_mode (self->search_bar, FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
    }

  g_return_val_if_reached (FALSE);
}

/**
 * wenda_sidebar_get_topics:
 *
 * Returns: (transfer none): the topics the list shows, search and filter
 *   applied
 */
GListModel *
wenda_sidebar_get_topics (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}

/**
 * wenda_sidebar_get_selected:
 *
 * Returns: the position of the selected topic in the list, or
 *   %GTK_INVALID_LIST_POSITION
 */
guint
wenda_sidebar_get_selected (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), GTK_INVALID_LIST_POSITION);

  return gtk_single_selection_get_selected (self->selection);
}
