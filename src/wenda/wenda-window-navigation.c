/* wenda-window-navigation.c: the window's panes and the way between them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-sidebar.h"
#include "wenda-term-view.h"
#include "wenda-window-private.h"

/* What the window can do now: move through the list, go back. */
void
wenda_window_update_actions (WendaWindow *self)
{
  guint n_items = g_list_model_get_n_items (wenda_sidebar_get_topics (self->sidebar));
  guint position = wenda_sidebar_get_selected (self->sidebar);
  gboolean has_selection = position != GTK_INVALID_LIST_POSITION;
  gboolean collapsed = adw_navigation_split_view_get_collapsed (self->split_view);
  gboolean showing_content = adw_navigation_split_view_get_show_content (self->split_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous", has_selection && position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next", has_selection && position + 1 < n_items);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.first", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.last", n_items > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 (collapsed && showing_content) ||
                                 self->content_page == CONTENT_PAGE_PROGRESS);
}

/* Shows the reading pane (in a narrow window, its page slides in), with
 * the focus at the start of the topic. */
void
wenda_window_show_content (WendaWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  wenda_detail_view_focus_start (self->detail_view);
}

static void
on_split_view_changed (WendaWindow *self)
{
  wenda_window_update_actions (self);
  wenda_window_update_star (self);
}

/* Whether the reading pane is on screen (a narrow window shows one page
 * at a time). */
gboolean
wenda_window_pane_shown (WendaWindow *self)
{
  return !adw_navigation_split_view_get_collapsed (self->split_view) ||
         adw_navigation_split_view_get_show_content (self->split_view);
}

/* The arrows move through the topic list: they belong to reading. */
void
wenda_window_update_arrows (WendaWindow *self)
{
  gtk_widget_set_visible (gtk_widget_get_parent (self->previous_button),
                          self->content_page == CONTENT_PAGE_READING);
}

/* The pane shows the selected topic, or the glossary's term. */
void
wenda_window_show_reading_page (WendaWindow *self)
{
  self->content_page = CONTENT_PAGE_READING;
  if (wenda_window_showing_glossary (self))
    wenda_window_update_term_page (self);
  else
    wenda_window_selection_changed (self);
  wenda_window_update_star (self);
  wenda_window_update_actions (self);
}

/* Back from a study session or the progress page to reading. */
void
wenda_window_show_reading (WendaWindow *self)
{
  if (self->content_page != CONTENT_PAGE_READING)
    wenda_window_show_reading_page (self);
}

/* Shows the sidebar (in a narrow window, its page slides back in) with
 * the focus where @focus puts it.  At the end of the slide the split
 * view gives the page back the focus it had when it was left, so @focus
 * runs again then (on_sidebar_shown). */
void
wenda_window_show_sidebar (WendaWindow *self,
                           void       (*focus) (WendaSidebar *sidebar))
{
  gboolean slides = adw_navigation_split_view_get_collapsed (self->split_view) &&
                    adw_navigation_split_view_get_show_content (self->split_view);

  self->sidebar_focus = slides ? focus : NULL;
  adw_navigation_split_view_set_show_content (self->split_view, FALSE);
  focus (self->sidebar);
}

/* The sidebar's page has slid in, in a narrow window: back from the
 * reading page by our action, or by the split view's own (Escape, the
 * back gesture).  The split view has given the page the focus it had when
 * it was left; the open topic may have changed since, and is what the
 * focus belongs on, unless the action asked for another place. */
static void
on_sidebar_shown (WendaWindow *self)
{
  void (*focus) (WendaSidebar *sidebar) = g_steal_pointer (&self->sidebar_focus);

  if (!adw_navigation_split_view_get_collapsed (self->split_view))
    return;
  if (focus == NULL)
    focus = wenda_window_showing_glossary (self) ? wenda_sidebar_focus_search
                                                 : wenda_sidebar_focus_selected_row;
  focus (self->sidebar);
}

static void on_detail_show_topic (WendaWindow *self,
                                  guint        number);

/* The term page: the glossary's term, with the topics that use it. */
WendaTermView *
wenda_window_get_term_view (WendaWindow *self)
{
  GtkWidget *scroller;
  GtkWidget *clamp;

  if (self->term_view != NULL)
    return self->term_view;

  self->term_view = g_object_new (WENDA_TYPE_TERM_VIEW, NULL);
  g_signal_connect_object (self->term_view, "show-topic",
                           G_CALLBACK (on_detail_show_topic), self, G_CONNECT_SWAPPED);
  clamp = g_object_new (ADW_TYPE_CLAMP,
                        "maximum-size", 720,
                        "child", self->term_view,
                        NULL);
  scroller = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "child", clamp,
                           NULL);
  gtk_stack_add_named (self->detail_stack, scroller, "term");

  return self->term_view;
}

static GtkWidget *
status_page_new (const char *icon_name,
                 const char *title,
                 const char *description)
{
  return g_object_new (ADW_TYPE_STATUS_PAGE,
                       "icon-name", icon_name,
                       "title", title,
                       "description", description,
                       NULL);
}

/* Shows the page @name of the reading pane: "detail" (the topic), "term",
 * "no-term", "empty", "study" or "progress".  All but the topic are made
 * the first time they are shown: nobody sees them at the first frame, and
 * building them all cost about a fifth of the window's start-up
 * (tests/benchmarks/README.md). */
void
wenda_window_show_detail_page (WendaWindow *self,
                               const char  *name)
{
  if (gtk_stack_get_child_by_name (self->detail_stack, name) == NULL)
    {
      if (g_str_equal (name, "term"))
        wenda_window_get_term_view (self);
      else if (g_str_equal (name, "study"))
        wenda_window_get_study_view (self);
      else if (g_str_equal (name, "progress"))
        wenda_window_get_progress_view (self);
      else if (g_str_equal (name, "no-term"))
        gtk_stack_add_named (self->detail_stack,
                             status_page_new ("accessories-dictionary-symbolic",
                                              _("Choose a Term"),
                                              _("Each term links to the topics that use it")),
                             name);
      else if (g_str_equal (name, "empty"))
        gtk_stack_add_named (self->detail_stack,
                             status_page_new ("view-list-symbolic",
                                              _("No Topic Selected"),
                                              _("Change the search to see topics again")),
                             name);
      else
        g_assert_not_reached ();
    }

  gtk_stack_set_visible_child_name (self->detail_stack, name);
}

/* The sidebar's selection has changed (and the bank, when it is new):
 * the pane shows the topic, from its start, unless it shows a study
 * session or the progress page and the user is not moving through the
 * list. */
void
wenda_window_selection_changed (WendaWindow *self)
{
  WendaQaItem *item = wenda_sidebar_get_selected_item (self->sidebar);
  GtkAdjustment *vadjustment;

  /* A study session or the progress page stays, unless the user is
   * moving through the list. */
  if (self->content_page != CONTENT_PAGE_READING)
    {
      if (!wenda_sidebar_list_has_focus (self->sidebar))
        {
          wenda_window_update_actions (self);
          return;
        }
      self->content_page = CONTENT_PAGE_READING;
    }

  if (wenda_window_showing_glossary (self))
    {
      wenda_window_update_actions (self);
      return;
    }

  if (item != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: the title of the reading pane, e.g. "Topic 12 of 30" */
      title = g_strdup_printf (_("Topic %u of %'u"),
                               wenda_qa_item_get_number (item),
                               g_list_model_get_n_items (G_LIST_MODEL (self->bank)));
      adw_window_title_set_title (self->content_title, title);
      wenda_window_show_detail_page (self, "detail");

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-topic", wenda_qa_item_get_id (item));
    }
  else
    {
      adw_window_title_set_title (self->content_title, "");
      wenda_window_show_detail_page (self, "empty");
    }

  /* A new topic is read from its start. */
  vadjustment = gtk_scrolled_window_get_vadjustment (self->detail_scroller);
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));

  wenda_window_update_actions (self);
  wenda_window_update_star (self);
}

/* The list has changed: the bank, the search or the filter. */
static void
on_sidebar_topics_changed (WendaWindow *self)
{
  wenda_window_update_actions (self);
}

/* Enter (or a double click) on a topic, which the sidebar has selected */
static void
on_topic_activated (WendaWindow *self)
{
  wenda_window_show_reading (self);
  wenda_window_show_content (self);
}

static gboolean
show_content_idle (gpointer user_data)
{
  WendaWindow *self = WENDA_WINDOW (user_data);

  /* The window may have been closed since the click. */
  if (self->split_view == NULL)
    return G_SOURCE_REMOVE;

  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  return G_SOURCE_REMOVE;
}

/* A click on a topic opens it (in a narrow window, the reading page comes
 * in).  The row selects itself on press; we navigate once the click is
 * released. */
static void
on_topic_clicked (WendaWindow *self)
{
  /* A click on a topic reads it, whatever the pane was showing. */
  wenda_window_show_reading (self);

  g_idle_add_full (G_PRIORITY_DEFAULT, show_content_idle, g_object_ref (self), g_object_unref);
}

static void
on_detail_show_topic (WendaWindow *self,
                      guint        number)
{
  gboolean from_glossary = wenda_window_showing_glossary (self);

  wenda_window_show_topic (self, number);

  /* From the glossary, a topic opens in the reader, with focus on it. */
  if (from_glossary && adw_navigation_split_view_get_collapsed (self->split_view))
    wenda_window_show_content (self);
  else if (from_glossary)
    wenda_detail_view_focus_start (self->detail_view);
}

static void
on_sidebar_page_changed (WendaWindow *self)
{
  /* Back to the topics, a study session or the progress page stays. */
  if (self->content_page == CONTENT_PAGE_READING || wenda_window_showing_glossary (self))
    wenda_window_show_reading_page (self);
}

/* Moves @delta topics through the list (win.previous, win.next). */
void
wenda_window_move (WendaWindow *self,
                   int          delta)
{
  guint n_items = g_list_model_get_n_items (wenda_sidebar_get_topics (self->sidebar));
  guint position = wenda_sidebar_get_selected (self->sidebar);
  gint64 target;

  if (n_items == 0)
    return;

  wenda_sidebar_set_page (self->sidebar, WENDA_SIDEBAR_PAGE_TOPICS);
  wenda_window_show_reading (self);

  if (position == GTK_INVALID_LIST_POSITION)
    target = 0;
  else
    target = CLAMP ((gint64)position + delta, 0, (gint64)n_items - 1);

  wenda_sidebar_select_position (self->sidebar, (guint)target);
}

/**
 * wenda_window_get_current_item:
 *
 * Returns: (transfer none) (nullable): the topic in the reading pane
 */
WendaQaItem *
wenda_window_get_current_item (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), NULL);

  return wenda_sidebar_get_selected_item (self->sidebar);
}

/**
 * wenda_window_show_topic:
 * @number: a topic number
 *
 * Selects topic @number, clearing the search first if the search hides it.
 *
 * Returns: %FALSE if the bank has no such topic
 */
gboolean
wenda_window_show_topic (WendaWindow *self,
                         guint        number)
{
  WendaQaItem *target;

  g_return_val_if_fail (WENDA_IS_WINDOW (self), FALSE);

  if (self->bank == NULL || !(target = wenda_bank_lookup_number (self->bank, number)))
    return FALSE;

  wenda_sidebar_set_page (self->sidebar, WENDA_SIDEBAR_PAGE_TOPICS);
  wenda_window_show_reading (self);

  return wenda_sidebar_show_topic (self->sidebar, target);
}

void
wenda_window_class_navigation_init (WendaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_split_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_shown);
  gtk_widget_class_bind_template_callback (widget_class, wenda_window_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_topics_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_clicked);
  gtk_widget_class_bind_template_callback (widget_class, wenda_window_study_section);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_show_topic);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_page_changed);
}
