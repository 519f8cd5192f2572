/* wenda-window.c: the main window, a topic list beside a reading pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-bank-export.h"
#include "wenda-detail-view.h"
#include "wenda-import.h"
#include "wenda-library.h"
#include "wenda-progress-view.h"
#include "wenda-sidebar.h"
#include "wenda-study-view.h"
#include "wenda-term-view.h"
#include "wenda-window.h"

/* What the reading pane shows: a topic (or a glossary term), a study
 * session, or the progress page. */
typedef enum
{
  CONTENT_PAGE_READING,
  CONTENT_PAGE_STUDY,
  CONTENT_PAGE_PROGRESS,
} ContentPage;

struct _WendaWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwNavigationSplitView *split_view;
  WendaSidebar         *sidebar;
  WendaTermView        *term_view;
  AdwWindowTitle       *content_title;
  GtkStack             *detail_stack;
  GtkScrolledWindow    *detail_scroller;
  WendaDetailView      *detail_view;
  GtkWidget            *back_button;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
  GtkMenuButton        *mode_button;
  GtkLabel             *mode_label;
  GtkWidget            *mode_icon;
  AdwClamp             *detail_clamp;
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *star_button;
  WendaStudyView       *study_view;
  WendaProgressView    *progress_view;

  /* Owned references */
  WendaBank            *bank;
  WendaStudyStore      *store;
  WendaLibrary         *library;
  WendaGlossary        *glossary;
  GSettings            *settings;

  /* Borrowed references: the application's, which outlives its windows */
  WendaScheduler       *scheduler;

  /* Imports under way, and File › Open choosers not yet answered. */
  guint                 n_imports;
  /* The last toast of news, which the next one replaces. */
  AdwToast             *news_toast;
  /* What takes the focus once the sidebar's page has slid back in. */
  void                (*sidebar_focus) (WendaSidebar *sidebar);

  WendaContentMode      content_mode;
  /* What the content is shown in: content_mode, or Chinese for a bank
   * with no English rendering (the choice itself is kept). */
  WendaContentMode      shown_mode;
  /* Characters for the topic numbers in the list, so that they line up */
  int                   number_width;
  /* The sidebar's, which binds to it */
  WendaStudyFilter      study_filter;
  ContentPage           content_page;
  /* The user has been told that stars and progress cannot be saved. */
  guint                 told_save_failed : 1;
  guint                 attaching_library : 1;
  /* Set while `wenda --language` applies its mode, which is not saved. */
  guint                 overriding_mode : 1;
  /* Set once constructed() has run: until then the bank given to
   * g_object_new() is only kept, for constructed() to show. */
  guint                 constructed : 1;
};

G_DEFINE_FINAL_TYPE (WendaWindow, wenda_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BANK,
  PROP_CONTENT_MODE,
  PROP_SHOWN_MODE,
  PROP_NUMBER_WIDTH,
  PROP_STUDY_FILTER,
  PROP_STARRED,
  PROP_LIBRARY,
  PROP_STUDY_STORE,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];



static void
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

static void
wenda_window_show_content (WendaWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  wenda_detail_view_focus_start (self->detail_view);
}

static void wenda_window_update_mode_ui (WendaWindow *self);
static void wenda_window_update_star (WendaWindow *self);

static void
on_split_view_changed (WendaWindow *self)
{
  wenda_window_update_actions (self);
  wenda_window_update_star (self);
}

static gboolean
showing_glossary (WendaWindow *self)
{
  return wenda_sidebar_get_page (self->sidebar) == WENDA_SIDEBAR_PAGE_GLOSSARY;
}

static void
wenda_window_update_term_page (WendaWindow *self)
{
  WendaGlossaryTerm *term = wenda_sidebar_get_selected_term (self->sidebar);

  /* Translators: the title of the reading pane while it shows a term */
  adw_window_title_set_title (self->content_title, _("Glossary"));
  wenda_term_view_set_term (self->term_view, term, self->bank, self->shown_mode);
  gtk_stack_set_visible_child_name (self->detail_stack, term ? "term" : "no-term");
}


/* Whether the reading pane is on screen (a narrow window shows one page
 * at a time). */
static gboolean
wenda_window_pane_shown (WendaWindow *self)
{
  return !adw_navigation_split_view_get_collapsed (self->split_view) ||
         adw_navigation_split_view_get_show_content (self->split_view);
}

/* Study: the item that stars apply to.  While studying, the card;
 * otherwise the topic in the reading pane.  None when the pane is off
 * screen: Ctrl+D must not star what the user cannot see. */
static WendaQaItem *
wenda_window_get_star_item (WendaWindow *self)
{
  /* Also reached while the template is being built. */
  if (self->detail_stack == NULL || self->study_view == NULL || self->split_view == NULL ||
      self->sidebar == NULL)
    return NULL;
  if (self->content_page != CONTENT_PAGE_READING && !wenda_window_pane_shown (self))
    return NULL;
  if (self->content_page == CONTENT_PAGE_STUDY)
    return wenda_study_view_get_current_item (self->study_view);
  if (self->content_page == CONTENT_PAGE_PROGRESS ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "detail"))
    return NULL;

  return wenda_sidebar_get_selected_item (self->sidebar);
}

/* The arrows move through the topic list: they belong to reading. */
static void
wenda_window_update_arrows (WendaWindow *self)
{
  gtk_widget_set_visible (gtk_widget_get_parent (self->previous_button),
                          self->content_page == CONTENT_PAGE_READING);
}

/* Typing starts a search while reading, not while studying: keys there
 * reveal and grade. */
static void
wenda_window_update_key_capture (WendaWindow *self)
{
  wenda_sidebar_set_key_capture_widget (self->sidebar,
                                        self->content_page == CONTENT_PAGE_STUDY &&
                                        wenda_window_pane_shown (self)
                                        ? NULL : GTK_WIDGET (self));
}

static void
wenda_window_update_star (WendaWindow *self)
{
  WendaQaItem *item = wenda_window_get_star_item (self);
  gboolean starred = item != NULL && self->store != NULL &&
                     wenda_study_store_get_starred (self->store, wenda_qa_item_get_id (item));

  if (self->star_button == NULL)
    return;

  wenda_window_update_arrows (self);
  wenda_window_update_key_capture (self);

  gtk_widget_set_visible (self->star_button, item != NULL && self->store != NULL);
  gtk_button_set_icon_name (GTK_BUTTON (self->star_button),
                            starred ? "starred-symbolic" : "non-starred-symbolic");
  gtk_widget_set_tooltip_text (self->star_button,
                               starred ? _("Remove the Star (Ctrl+D)") : _("Star This Topic (Ctrl+D)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.starred", item != NULL && self->store != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARRED]);
}

/* Tells the user, once a session, that their stars and progress are not
 * being saved; the message says why. */
static void
wenda_window_report_save_error (WendaWindow  *self,
                                const GError *error)
{
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (self->told_save_failed)
    return;

  self->told_save_failed = TRUE;
  /* Translators: %s says why, and names the file */
  message = g_strdup_printf (_("Stars and progress are not being saved: %s"), error->message);
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* Before anything else in the queue: the user is about to lose work. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}


static void
on_store_changed (WendaWindow *self,
                  const char  *id)
{
  /* While reading, a star that goes from the open topic keeps it in the
   * Starred list until the user moves on. */
  wenda_sidebar_study_changed (self->sidebar, self->content_page == CONTENT_PAGE_READING ? id : NULL);

  if (self->content_page == CONTENT_PAGE_PROGRESS)
    wenda_progress_view_refresh (self->progress_view);
  wenda_window_update_star (self);
}

/* "reset" has no id: every card may have changed. */
static void
on_store_reset (WendaWindow *self)
{
  on_store_changed (self, NULL);
}


static void on_selected_item_changed (WendaWindow *self);

/* The pane shows the selected topic, or the glossary's term. */
static void
wenda_window_show_reading_page (WendaWindow *self)
{
  self->content_page = CONTENT_PAGE_READING;
  if (showing_glossary (self))
    wenda_window_update_term_page (self);
  else
    on_selected_item_changed (self);
  wenda_window_update_star (self);
  wenda_window_update_actions (self);
}

/* Back from a study session or the progress page to reading. */
static void
wenda_window_show_reading (WendaWindow *self)
{
  if (self->content_page != CONTENT_PAGE_READING)
    wenda_window_show_reading_page (self);
}

static void
wenda_window_show_special_page (WendaWindow *self,
                                ContentPage  page)
{
  self->content_page = page;

  if (page == CONTENT_PAGE_STUDY)
    {
      /* Translators: the title of the reading pane during a study session */
      adw_window_title_set_title (self->content_title, _("Study"));
      gtk_stack_set_visible_child_name (self->detail_stack, "study");
    }
  else
    {
      /* Translators: the title of the progress page */
      adw_window_title_set_title (self->content_title, _("Study Progress"));
      wenda_progress_view_refresh (self->progress_view);
      gtk_stack_set_visible_child_name (self->detail_stack, "progress");
    }

  /* (Side by side, both panes show whatever this says.) */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  wenda_window_update_star (self);
  wenda_window_update_actions (self);
}

static void
study_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  g_autoptr(WendaStudySession) session = NULL;
  GListModel *topics;

  if (self->store == NULL || self->scheduler == NULL)
    return;

  /* The topics the list shows, search and filter applied. */
  topics = wenda_sidebar_get_topics (self->sidebar);
  session = wenda_study_session_new (self->store, self->scheduler, topics, wenda_clock_now ());
  /* The summary's "next card due" is of the topics studied, as they were
   * listed at the start (grading can take them out of a Due or New list). */
  {
    g_autoptr(GListStore) studied = g_list_store_new (WENDA_TYPE_QA_ITEM);
    guint n = g_list_model_get_n_items (topics);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(WendaQaItem) item = g_list_model_get_item (topics, i);

        g_list_store_append (studied, item);
      }
    wenda_study_view_start (self->study_view, session, G_LIST_MODEL (studied));
  }
  wenda_window_show_special_page (self, CONTENT_PAGE_STUDY);
  wenda_study_view_focus (self->study_view);
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  wenda_window_show_special_page (self, CONTENT_PAGE_PROGRESS);
  gtk_widget_child_focus (GTK_WIDGET (self->progress_view), GTK_DIR_TAB_FORWARD);
}


/* Shows the sidebar (in a narrow window, its page slides back in) with
 * the focus where @focus puts it.  At the end of the slide the split
 * view gives the page back the focus it had when it was left, so @focus
 * runs again then (on_sidebar_shown). */
static void
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
    focus = showing_glossary (self) ? wenda_sidebar_focus_search : wenda_sidebar_focus_selected_row;
  focus (self->sidebar);
}

static void
on_study_done (WendaWindow *self)
{
  wenda_window_show_reading (self);

  if (adw_navigation_split_view_get_collapsed (self->split_view) &&
      g_list_model_get_n_items (wenda_sidebar_get_topics (self->sidebar)) > 0)
    wenda_detail_view_focus_start (self->detail_view);
  else
    wenda_window_show_sidebar (self, wenda_sidebar_focus_list);
}

static void
on_study_show_topic (WendaWindow *self,
                     guint        number)
{
  wenda_window_show_topic (self, number);
  wenda_detail_view_focus_start (self->detail_view);
}

static void
on_study_message (WendaWindow *self,
                  const char  *message)
{
  g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, message);

  /* Once, like every other failed save. */
  wenda_window_report_save_error (self, error);
}

static void
on_study_card_changed (WendaWindow *self)
{
  wenda_window_update_star (self);
}

static gboolean
wenda_window_get_starred (WendaWindow *self)
{
  WendaQaItem *item = wenda_window_get_star_item (self);

  return item != NULL && self->store != NULL &&
         wenda_study_store_get_starred (self->store, wenda_qa_item_get_id (item));
}

static void
wenda_window_set_starred (WendaWindow *self,
                          gboolean     starred)
{
  WendaQaItem *item = wenda_window_get_star_item (self);
  g_autoptr(GError) error = NULL;

  if (item == NULL || self->store == NULL)
    return;

  wenda_study_store_set_starred (self->store, wenda_qa_item_get_id (item), starred);
  if (!wenda_study_store_save (self->store, &error))
    wenda_window_report_save_error (self, error);
}

/* The sidebar binds its own to it, and filters the list. */
static void
wenda_window_set_study_filter (WendaWindow      *self,
                               WendaStudyFilter  filter)
{
  if (self->study_filter == filter)
    return;

  self->study_filter = filter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_FILTER]);
}

static void
on_selected_item_changed (WendaWindow *self)
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

  if (showing_glossary (self))
    {
      wenda_window_update_actions (self);
      return;
    }

  if (item != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: the title of the reading pane, e.g. "Topic 12 of 30" */
      title = g_strdup_printf (_("Topic %u of %u"),
                               wenda_qa_item_get_number (item),
                               g_list_model_get_n_items (G_LIST_MODEL (self->bank)));
      adw_window_title_set_title (self->content_title, title);
      gtk_stack_set_visible_child_name (self->detail_stack, "detail");

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-topic", wenda_qa_item_get_id (item));
    }
  else
    {
      adw_window_title_set_title (self->content_title, "");
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
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
  gboolean from_glossary = showing_glossary (self);

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
  if (self->content_page == CONTENT_PAGE_READING || showing_glossary (self))
    wenda_window_show_reading_page (self);
}

static void
on_glossary_selected (WendaWindow *self)
{
  if (!showing_glossary (self))
    return;

  /* A term chosen during study or on the progress page is read. */
  if (self->content_page != CONTENT_PAGE_READING)
    wenda_window_show_reading_page (self);
  else
    wenda_window_update_term_page (self);
}

/* Enter (or a double click) on a term, which the sidebar has selected,
 * or Enter in the glossary's search. */
static void
on_term_activated (WendaWindow *self)
{
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);
  wenda_term_view_focus_first_topic (self->term_view);
}

static void
glossary_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  /* Toggles between the topics and the glossary. */
  if (showing_glossary (self))
    {
      wenda_sidebar_set_page (self->sidebar, WENDA_SIDEBAR_PAGE_TOPICS);
      /* In a narrow window showing the reading page, stay there. */
      if (adw_navigation_split_view_get_collapsed (self->split_view) &&
          adw_navigation_split_view_get_show_content (self->split_view))
        wenda_detail_view_focus_start (self->detail_view);
      else
        wenda_sidebar_focus_selected_row (self->sidebar);
    }
  else
    {
      wenda_sidebar_set_page (self->sidebar, WENDA_SIDEBAR_PAGE_GLOSSARY);
      wenda_window_show_sidebar (self, wenda_sidebar_focus_search);
    }
}

static void
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

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  wenda_window_move (WENDA_WINDOW (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wenda_window_move (WENDA_WINDOW (widget), 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  wenda_sidebar_select_position (WENDA_WINDOW (widget)->sidebar, 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  guint n_items = g_list_model_get_n_items (wenda_sidebar_get_topics (self->sidebar));

  if (n_items > 0)
    wenda_sidebar_select_position (self->sidebar, n_items - 1);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  /* Escape on the progress page goes back to reading. */
  if (self->content_page == CONTENT_PAGE_PROGRESS && !adw_navigation_split_view_get_collapsed (self->split_view))
    {
      wenda_window_show_reading (self);
      wenda_sidebar_focus_list (self->sidebar);
      return;
    }

  wenda_window_show_sidebar (self, wenda_sidebar_focus_selected_row);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  /* In a narrow window the search lives on the sidebar page. */
  wenda_window_show_sidebar (self, wenda_sidebar_focus_search);
}

static void
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  wenda_window_show_topic (WENDA_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static gboolean
wenda_window_close_request (GtkWindow *window)
{
  WendaWindow *self = WENDA_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);

      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (wenda_window_parent_class)->close_request (window);
}

static void
wenda_window_update_mode_ui (WendaWindow *self)
{
  /* Also reached from the split view's notifications while the template
   * is still being built. */
  if (self->mode_label == NULL || self->detail_clamp == NULL)
    return;

  gboolean translated = self->bank == NULL || wenda_bank_has_translation (self->bank);
  const char *label = NULL;

  switch (self->content_mode)
    {
    case WENDA_CONTENT_MODE_ZH:
      /* Translators: the reading-language button, content in Chinese */
      label = _("Chinese");
      break;

    case WENDA_CONTENT_MODE_EN:
      /* Translators: the reading-language button, content in English */
      label = _("English");
      break;

    case WENDA_CONTENT_MODE_BOTH:
      /* Translators: the reading-language button, content in both languages */
      label = _("Bilingual");
      break;

    default:
      g_assert_not_reached ();
    }

  /* A bank of the user's own has only its own language: say so, rather
   * than show blanks or the same text twice. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_button), translated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.content-mode", translated);

  /* In a narrow window the button shows an icon instead of the name (the
   * window's breakpoint), so the tooltip names the mode too.  The
   * accessible label stays "Reading language". */
  if (!translated)
    {
      /* Translators: the reading-language button when the bank has only
       * its original text */
      gtk_label_set_label (self->mode_label, _("Original Only"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_button),
                                   _("This bank has no English rendering: it is shown as written"));
    }
  else
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the reading-language button's tooltip; %s is
       * Chinese, English or Bilingual */
      tooltip = g_strdup_printf (_("Reading Language: %s (Ctrl+1, Ctrl+2, Ctrl+3)"), label);
      gtk_label_set_label (self->mode_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_button), tooltip);
    }

  /* Two columns need more room than one. */
  adw_clamp_set_maximum_size (self->detail_clamp,
                              self->shown_mode == WENDA_CONTENT_MODE_BOTH ? 1200 : 720);
  adw_clamp_set_tightening_threshold (self->detail_clamp,
                                      self->shown_mode == WENDA_CONTENT_MODE_BOTH ? 900 : 560);
}

/* Up to this many items, the glossary is built at once (the bundled bank
 * takes ~5 ms; 10,000 items about a second). */
#define GLOSSARY_SYNC_ITEMS 2000

/* Takes @glossary (nullable: none yet) for @bank, if that is still the
 * window's bank. */
static void
wenda_window_set_glossary (WendaWindow   *self,
                           WendaBank     *bank,
                           WendaGlossary *glossary)
{
  if (bank != self->bank)
    {
      g_clear_object (&glossary);
      return;
    }

  g_clear_object (&self->glossary);
  self->glossary = glossary;
  wenda_detail_view_set_glossary (self->detail_view, self->glossary);
  wenda_study_view_set_glossary (self->study_view, self->glossary);
  wenda_sidebar_set_glossary (self->sidebar, self->glossary);
}

static void
build_glossary_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  /* Only reads the items' texts, which never change. */
  g_task_return_pointer (task, wenda_glossary_new_for_bank (WENDA_BANK (task_data)), g_object_unref);
}

static void
on_glossary_built (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  WendaWindow *self = WENDA_WINDOW (source);
  WendaGlossary *glossary = g_task_propagate_pointer (G_TASK (result), NULL);

  /* The window may be closing, or showing another bank by now. */
  if (self->split_view == NULL)
    {
      g_clear_object (&glossary);
      return;
    }
  wenda_window_set_glossary (self, g_task_get_task_data (G_TASK (result)), glossary);
}

static void
wenda_window_update_number_width (WendaWindow *self)
{
  guint max = self->bank != NULL ? wenda_bank_get_max_number (self->bank) : 0;
  int width = 1;

  for (; max >= 10; max /= 10)
    width++;
  width = MAX (width, 2);

  if (width != self->number_width)
    {
      self->number_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER_WIDTH]);
    }
}

static void
wenda_window_update_shown_mode (WendaWindow *self)
{
  WendaContentMode shown = self->content_mode;

  if (self->bank != NULL && !wenda_bank_has_translation (self->bank))
    shown = WENDA_CONTENT_MODE_ZH;

  if (shown != self->shown_mode)
    {
      self->shown_mode = shown;
      if (showing_glossary (self))
        wenda_window_update_term_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_MODE]);
    }

  wenda_window_update_mode_ui (self);
}

/* Shows self->bank, which has just been set. */
static void
wenda_window_show_bank (WendaWindow *self)
{
  WendaBank *bank = self->bank;
  g_autofree char *last_topic = NULL;
  WendaQaItem *item;

  g_assert (WENDA_IS_WINDOW (self));
  g_assert (WENDA_IS_BANK (bank));

  /* Read before the model arrives: the first selection would overwrite it. */
  if (self->settings != NULL)
    last_topic = g_settings_get_string (self->settings, "last-topic");

  wenda_window_update_shown_mode (self);
  /* Before the rows are made for the new items */
  wenda_window_update_number_width (self);
  g_clear_object (&self->glossary);
  /* A large bank of the user's own takes seconds to scan for terms: do it
   * in a worker thread, and link terms once it is done. */
  if (g_list_model_get_n_items (G_LIST_MODEL (bank)) <= GLOSSARY_SYNC_ITEMS)
    wenda_window_set_glossary (self, bank, wenda_glossary_new_for_bank (bank));
  else
    {
      g_autoptr(GTask) task = g_task_new (self, NULL, on_glossary_built, NULL);

      wenda_window_set_glossary (self, bank, NULL);
      g_task_set_task_data (task, g_object_ref (bank), g_object_unref);
      g_task_run_in_thread (task, build_glossary_thread);
    }
  wenda_sidebar_set_bank (self->sidebar, bank);
  wenda_progress_view_set_sources (self->progress_view, self->store, bank);

  item = wenda_bank_lookup_id (bank, last_topic);
  if (item != NULL)
    wenda_window_show_topic (self, wenda_qa_item_get_number (item));

  on_selected_item_changed (self);
}

static void
wenda_window_set_bank (WendaWindow *self,
                       WendaBank   *bank)
{
  g_assert (WENDA_IS_WINDOW (self));
  g_assert (WENDA_IS_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  wenda_window_show_bank (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}


/* Banks: the user's own, next to the bundled one.  The chooser in the
 * sidebar's header lists them once there is more than one. */

static WendaLibraryBank *
wenda_window_get_library_bank (WendaWindow *self)
{
  return wenda_sidebar_get_library_bank (self->sidebar);
}

static void
wenda_window_update_bank_ui (WendaWindow *self)
{
  WendaLibraryBank *current = wenda_window_get_library_bank (self);
  gboolean own = current != NULL && !wenda_library_bank_is_bundled (current);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-bank", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-bank", own);
}

static void
on_bank_selected (WendaWindow *self)
{
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);

  if (entry == NULL || self->attaching_library)
    return;

  wenda_window_set_bank (self, wenda_library_bank_get_bank (entry));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-bank", wenda_library_bank_get_id (entry));
  wenda_window_update_bank_ui (self);
}

/* As if the user had chosen @entry (one of the library's) in the
 * chooser. */
static void
wenda_window_select_library_bank (WendaWindow      *self,
                                  WendaLibraryBank *entry)
{
  /* Through the reading view: a new bank is read from its start. */
  wenda_window_show_reading (self);
  /* (The chooser notifies if its choice changes; but a renamed bank
   * stays where it was.) */
  if (wenda_sidebar_select_library_bank (self->sidebar, entry))
    on_bank_selected (self);
}

static void
on_library_changed (WendaWindow *self)
{
  wenda_window_update_bank_ui (self);
}

/* A message for the user that needs an answer, or more room than a toast. */
static AdwAlertDialog *
wenda_window_message_dialog (WendaWindow *self,
                             const char  *heading,
                             const char  *body)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, NULL));

  /* The body is plain text: it can quote a file's contents. */
  adw_alert_dialog_set_body_use_markup (dialog, FALSE);
  if (body != NULL)
    adw_alert_dialog_set_body (dialog, body);
  return dialog;
}

static void
wenda_window_show_error (WendaWindow *self,
                         const char  *heading,
                         const char  *body)
{
  AdwAlertDialog *dialog = wenda_window_message_dialog (self, heading, body);

  adw_alert_dialog_add_response (dialog, "close", _("_Close"));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* The problems of an import, one per line, left-aligned and selectable
 * (a user may want to copy them), under a summary. */
static void
wenda_window_show_report (WendaWindow             *self,
                          const char              *name,
                          const WendaImportReport *report)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = wenda_import_report_to_text (report);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
  AdwAlertDialog *dialog;
  GtkWidget *scroller, *label;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Imported, with Problems"), name);
  dialog = wenda_window_message_dialog (self, heading, lines[0]);
  adw_alert_dialog_add_response (dialog, "close", _("_Close"));

  if (lines[0] != NULL && lines[1] != NULL)
    {
      g_autofree char *details = g_strjoinv ("\n", lines + 1);

      label = gtk_label_new (NULL);
      /* Plain text: it quotes the file. */
      gtk_label_set_text (GTK_LABEL (label), details);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems found"), -1);
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      adw_alert_dialog_set_extra_child (dialog, scroller);
    }

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

typedef struct
{
  WendaWindow      *self;          /* owned */
  GFile            *file;
  char             *name;          /* for messages */
  char             *id;
  GCancellable     *cancellable;
  AdwAlertDialog   *dialog;        /* the progress dialog, while shown */
  GtkProgressBar   *bar;
  double            fraction;
  guint             show_timeout;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->show_timeout, g_source_remove);
  if (job->dialog != NULL)
    {
      /* Closing animates: the dialog outlives the job. */
      g_signal_handlers_disconnect_by_data (job->dialog, job);
      adw_dialog_force_close (ADW_DIALOG (job->dialog));
    }
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  job->self->n_imports--;
  g_clear_object (&job->self);
  g_free (job->name);
  g_free (job->id);
  g_free (job);
}

static void
on_import_dialog_response (ImportJob  *job,
                           const char *response)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (job->cancellable);
}

/* Cancel, Escape or the window closing: the import goes on, or ends,
 * without its dialog. */
static void
on_import_dialog_closed (ImportJob *job)
{
  job->dialog = NULL;
  job->bar = NULL;
}

/* An import that takes over half a second shows its progress, and can be
 * cancelled. */
static gboolean
show_import_progress (gpointer user_data)
{
  ImportJob *job = user_data;
  g_autofree char *heading = NULL;

  job->show_timeout = 0;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Importing “%s”"), job->name);
  job->dialog = wenda_window_message_dialog (job->self, heading, _("Reading the questions…"));
  adw_alert_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  adw_alert_dialog_set_close_response (job->dialog, "cancel");
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_fraction (job->bar, job->fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_alert_dialog_set_extra_child (job->dialog, GTK_WIDGET (job->bar));
  /* Cancel (or Escape, the close response) cancels the import and closes
   * the dialog; the import's end closes it otherwise. */
  g_signal_connect_swapped (job->dialog, "response", G_CALLBACK (on_import_dialog_response), job);
  g_signal_connect_swapped (job->dialog, "closed", G_CALLBACK (on_import_dialog_closed), job);
  adw_dialog_present (ADW_DIALOG (job->dialog), GTK_WIDGET (job->self));

  return G_SOURCE_REMOVE;
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  job->fraction = fraction;
  if (job->bar != NULL)
    gtk_progress_bar_set_fraction (job->bar, fraction);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = user_data;
  WendaWindow *self = job->self;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  WendaLibraryBank *entry;

  bank = wenda_import_file_finish (result, &report, &error);

  /* The window may have been closed meanwhile. */
  if (self->split_view == NULL)
    {
      import_job_free (job);
      return;
    }

  if (bank == NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a file name */
          message = g_strdup_printf (_("The import of “%s” was cancelled"), job->name);
          wenda_window_add_toast (self, message);
        }
      else
        {
          /* Translators: %s is a file name */
          heading = g_strdup_printf (_("Could Not Import “%s”"), job->name);
          wenda_window_show_error (self, heading, error->message);
        }
      import_job_free (job);
      return;
    }

  entry = wenda_library_add (self->library, job->id, bank, &error);
  if (entry == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Keep a Copy of “%s”"), job->name);
      wenda_window_show_error (self, heading, error->message);
      import_job_free (job);
      return;
    }

  wenda_window_select_library_bank (self, entry);

  if (report != NULL && wenda_import_report_get_n_problems (report) > 0)
    wenda_window_show_report (self, job->name, report);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (bank));
      g_autofree char *message = NULL;

      /* Translators: %u questions were read from the file %s */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u question from “%s”",
                                              "Imported %u questions from “%s”", n),
                                 n, job->name);
      wenda_window_add_toast (self, message);
    }

  import_job_free (job);
}

/**
 * wenda_window_import_file:
 *
 * Imports @file (Markdown or JSON) into the library, off the main thread,
 * and shows it.  Problems are reported in a dialog.
 */
void
wenda_window_import_file (WendaWindow *self,
                          GFile       *file)
{
  ImportJob *job;
  g_autofree char *basename = NULL;

  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->library == NULL)
    return;

  basename = g_file_get_basename (file);
  job = g_new0 (ImportJob, 1);
  self->n_imports++;
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->name = g_filename_display_name (basename ? basename : "");
  job->id = wenda_library_make_id (self->library, job->name);
  job->cancellable = g_cancellable_new ();
  job->show_timeout = g_timeout_add (500, show_import_progress, job);

  wenda_import_file_async (file, WENDA_IMPORT_FORMAT_AUTO, job->id, job->cancellable,
                           on_import_progress, job, NULL,
                           on_import_done, job);
}

static void
on_open_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    wenda_window_import_file (self, file);
  self->n_imports--;
}

static GListStore *
bank_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) banks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (banks, _("Question Banks"));
  gtk_file_filter_add_mime_type (banks, "text/markdown");
  gtk_file_filter_add_mime_type (banks, "application/json");
  gtk_file_filter_add_suffix (banks, "md");
  gtk_file_filter_add_suffix (banks, "json");
  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_set_name (json, _("JSON"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  g_list_store_append (filters, banks);
  g_list_store_append (filters, markdown);
  g_list_store_append (filters, json);

  return filters;
}

/* File › Open, through the file chooser portal when there is one. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  g_autoptr(GListStore) filters = bank_file_filters ();
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open a Question Bank"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  self->n_imports++;
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_dialog_done, g_object_ref (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WendaWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    wenda_window_import_file (self, l->data);

  return files != NULL;
}

typedef struct
{
  WendaWindow *self;
  char        *contents;
  char        *name;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->self);
  g_free (job->contents);
  g_free (job->name);
  g_free (job);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), job->name);

      wenda_window_show_error (job->self, heading, error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), job->name);

      wenda_window_add_toast (job->self, message);
    }

  export_job_free (job);
}

static void
wenda_window_export_to (WendaWindow *self,
                        GFile       *file,
                        gboolean     anki)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *basename = g_file_get_basename (file);

  job->self = g_object_ref (self);
  job->name = g_filename_display_name (basename ? basename : "");
  job->contents = anki ? wenda_export_anki_tsv (self->bank, self->shown_mode)
                       : wenda_export_markdown (self->bank, self->shown_mode);
  g_file_replace_contents_async (file, job->contents, strlen (job->contents), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                 on_export_written, job);
}

static void
on_save_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    wenda_window_export_to (self, file,
                            GPOINTER_TO_INT (g_object_get_data (source, "wenda-anki")));
}

/* Export the bank in the reading mode shown: "anki" or "markdown". */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  gboolean anki = g_str_equal (g_variant_get_string (parameter, NULL), "anki");
  g_autofree char *name = NULL;
  const char *title = anki ? _("Export for Anki") : _("Export as Markdown");

  if (self->bank == NULL)
    return;

  /* The bank's title, without what a file name cannot hold. */
  name = g_strdup_printf ("%s.%s", wenda_bank_get_title (self->bank)[0] != '\0'
                                   ? wenda_bank_get_title (self->bank) : "wenda",
                          anki ? "txt" : "md");
  g_strdelimit (name, "/\\:", '-');

  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, name);
    g_object_set_data (G_OBJECT (dialog), "wenda-anki", GINT_TO_POINTER (anki));
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_dialog_done, g_object_ref (self));
  }
}

static void
on_rename_response (AdwAlertDialog *dialog,
                    const char     *response,
                    WendaWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  WendaLibraryBank *entry_bank = g_object_get_data (G_OBJECT (dialog), "wenda-bank");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "rename"))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (title[0] == '\0')
    return;

  if (!wenda_library_rename (self->library, entry_bank, title, &error))
    wenda_window_show_error (self, _("Could Not Rename the Bank"), error->message);
  else
    wenda_window_select_library_bank (self, entry_bank);
}

static void
rename_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);
  AdwAlertDialog *dialog;
  GtkWidget *text;

  if (entry == NULL || wenda_library_bank_is_bundled (entry))
    return;

  dialog = wenda_window_message_dialog (self, _("Rename the Bank"), NULL);
  text = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (text), wenda_library_bank_get_title (entry));
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bank name"), -1);
  adw_alert_dialog_set_extra_child (dialog, text);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "rename");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wenda-bank", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
on_remove_response (AdwAlertDialog *dialog,
                    const char     *response,
                    WendaWindow    *self)
{
  WendaLibraryBank *entry = g_object_get_data (G_OBJECT (dialog), "wenda-bank");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  /* Show the bundled bank first: the removed one's items go away. */
  {
    g_autoptr(WendaLibraryBank) bundled = g_list_model_get_item (G_LIST_MODEL (self->library), 0);

    wenda_window_select_library_bank (self, bundled);
  }
  if (!wenda_library_remove (self->library, entry, &error))
    wenda_window_show_error (self, _("Could Not Remove the Bank"), error->message);
}

static void
remove_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);
  AdwAlertDialog *dialog;
  g_autofree char *heading = NULL;

  if (entry == NULL || wenda_library_bank_is_bundled (entry))
    return;

  /* Translators: %s is a question bank's name */
  heading = g_strdup_printf (_("Remove “%s”?"), wenda_library_bank_get_title (entry));
  dialog = wenda_window_message_dialog (self, heading,
                                        _("Wenda’s copy of its questions is deleted. The file you "
                                          "imported it from is not touched, and your study progress "
                                          "is kept in case you import it again."));
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wenda-bank", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* Attaches the library: the chooser lists it, and the bank the user read
 * last opens. */
static void
wenda_window_attach_library (WendaWindow *self)
{
  WendaLibrary *library = self->library;
  g_autofree char *last = NULL;
  WendaLibraryBank *entry;

  /* Setting the library chooses its first bank: not a choice to act on. */
  self->attaching_library = TRUE;
  wenda_sidebar_set_library (self->sidebar, library);
  self->attaching_library = FALSE;
  g_signal_connect_object (library, "items-changed", G_CALLBACK (on_library_changed),
                           self, G_CONNECT_SWAPPED);

  /* A window made for another bank (wenda_window_new()) keeps it. */
  {
    g_autoptr(WendaLibraryBank) bundled = g_list_model_get_item (G_LIST_MODEL (library), 0);

    if (bundled == NULL || wenda_library_bank_get_bank (bundled) != self->bank)
      {
        wenda_window_update_bank_ui (self);
        return;
      }
  }

  last = self->settings ? g_settings_get_string (self->settings, "last-bank") : NULL;
  entry = wenda_library_lookup (library, last);
  if (entry != NULL && !wenda_library_bank_is_bundled (entry))
    wenda_window_select_library_bank (self, entry);

  wenda_window_update_bank_ui (self);
}

/* Study needs the store: enabled once the window has one. */
static void
wenda_window_update_study_ui (WendaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.progress", self->store != NULL);
  wenda_window_update_mode_ui (self);
  wenda_window_update_star (self);
}

/* Attaches the study store, where stars and progress live. */
static void
wenda_window_attach_store (WendaWindow *self)
{
  /* A store that will not write (a file from a newer version, or one that
   * could not be read) was explained by the application at startup. */
  self->told_save_failed = wenda_study_store_get_read_only (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset),
                           self, G_CONNECT_SWAPPED);
  wenda_progress_view_set_sources (self->progress_view, self->store, self->bank);
  /* Its filters, and the Study button */
  wenda_sidebar_set_study_store (self->sidebar, self->store);
  wenda_window_update_study_ui (self);
}

static void
wenda_window_map (GtkWidget *widget)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  GTK_WIDGET_CLASS (wenda_window_parent_class)->map (widget);

  /* Start with focus on the open topic, so arrows work at once. */
  if (gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    wenda_sidebar_focus_selected_row (self->sidebar);
}

static void
wenda_window_constructed (GObject *object)
{
  WendaWindow *self = (WendaWindow *)object;

  G_OBJECT_CLASS (wenda_window_parent_class)->constructed (object);

  wenda_window_update_study_ui (self);
  wenda_window_update_bank_ui (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  /* Through the setter, so the reading pane (bound at init, in zh) hears
   * of it; nothing to save. */
  self->overriding_mode = TRUE;
  wenda_window_set_content_mode (self, g_settings_get_enum (self->settings, "content-mode"));
  self->overriding_mode = FALSE;
  wenda_window_update_mode_ui (self);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Then what g_object_new() was given: the bank, the library (which may
   * open the bank the user read last instead) and the study store. */
  if (self->bank != NULL)
    wenda_window_show_bank (self);
  if (self->library != NULL)
    wenda_window_attach_library (self);
  if (self->store != NULL)
    wenda_window_attach_store (self);
  self->constructed = TRUE;
}

static void
wenda_window_dispose (GObject *object)
{
  WendaWindow *self = (WendaWindow *)object;

  g_clear_weak_pointer (&self->news_toast);

  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->bank);
  g_clear_object (&self->glossary);
  g_clear_object (&self->settings);
  self->scheduler = NULL;

  G_OBJECT_CLASS (wenda_window_parent_class)->dispose (object);
}

static void
wenda_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WendaWindow *self = WENDA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_CONTENT_MODE:
      g_value_set_enum (value, self->content_mode);
      break;

    case PROP_SHOWN_MODE:
      g_value_set_enum (value, self->shown_mode);
      break;

    case PROP_NUMBER_WIDTH:
      g_value_set_int (value, self->number_width);
      break;

    case PROP_STUDY_FILTER:
      g_value_set_enum (value, self->study_filter);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, wenda_window_get_starred (self));
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_STUDY_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SCHEDULER:
      g_value_set_pointer (value, self->scheduler);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WendaWindow *self = WENDA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BANK:
      /* At construction, kept for constructed() (NULL if none is given) */
      if (!self->constructed)
        g_set_object (&self->bank, g_value_get_object (value));
      else
        wenda_window_set_bank (self, g_value_get_object (value));
      break;

    case PROP_CONTENT_MODE:
      wenda_window_set_content_mode (self, g_value_get_enum (value));
      break;

    case PROP_STUDY_FILTER:
      wenda_window_set_study_filter (self, g_value_get_enum (value));
      break;

    case PROP_STARRED:
      wenda_window_set_starred (self, g_value_get_boolean (value));
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_STUDY_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SCHEDULER:
      self->scheduler = g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_window_class_init (WendaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wenda_window_constructed;
  object_class->dispose = wenda_window_dispose;
  object_class->get_property = wenda_window_get_property;
  object_class->set_property = wenda_window_set_property;

  widget_class->map = wenda_window_map;

  window_class->close_request = wenda_window_close_request;

  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL,
                         WENDA_TYPE_BANK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The reading language of the content: saved in GSettings, applied at
   * once to the list and the reading pane. */
  properties[PROP_CONTENT_MODE] =
    g_param_spec_enum ("content-mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The mode the content is shown in: content-mode, or Chinese when the
   * bank has no English rendering.  The panes bind to this one. */
  properties[PROP_SHOWN_MODE] =
    g_param_spec_enum ("shown-mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The width, in characters, of the largest topic number of the bank
   * (at least 2): the list's rows bind their numbers to it. */
  properties[PROP_NUMBER_WIDTH] =
    g_param_spec_int ("number-width", NULL, NULL,
                      2, 10, 2,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The sidebar's All/Starred/Due/New, combined with the search. */
  properties[PROP_STUDY_FILTER] =
    g_param_spec_enum ("study-filter", NULL, NULL,
                       WENDA_TYPE_STUDY_FILTER,
                       WENDA_STUDY_FILTER_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the topic in the pane (or on the study card) is starred. */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The user's banks, next to the bundled one (nullable: no chooser, no
   * import). */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENDA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Stars and progress (nullable: no stars, filters or study). */
  properties[PROP_STUDY_STORE] =
    g_param_spec_object ("study-store", NULL, NULL,
                         WENDA_TYPE_STUDY_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The WendaScheduler study sessions use, borrowed (it has no GType:
   * the application keeps it, with the user's fuzz setting, for longer
   * than its windows live). */
  properties[PROP_SCHEDULER] =
    g_param_spec_pointer ("scheduler", NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WENDA_TYPE_DETAIL_VIEW);
  g_type_ensure (WENDA_TYPE_STUDY_VIEW);
  g_type_ensure (WENDA_TYPE_PROGRESS_VIEW);
  g_type_ensure (WENDA_TYPE_SIDEBAR);
  g_type_ensure (WENDA_TYPE_TERM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, term_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_label);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_icon);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_clamp);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, star_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, study_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, progress_view);
  gtk_widget_class_bind_template_callback (widget_class, on_split_view_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_shown);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_topics_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_show_topic);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_term_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_glossary_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_study_done);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_study_show_topic);
  gtk_widget_class_bind_template_callback (widget_class, on_study_message);

  gtk_widget_class_install_action (widget_class, "win.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "win.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "win.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "win.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.glossary", NULL, glossary_action);
  gtk_widget_class_install_action (widget_class, "win.show-topic", "u", show_topic_action);
  /* A stateful action whose state is the mode's nick: "zh", "en", "both". */
  gtk_widget_class_install_property_action (widget_class, "win.content-mode", "content-mode");
  gtk_widget_class_install_property_action (widget_class, "win.study-filter", "study-filter");
  /* Toggles the star (Ctrl+D). */
  gtk_widget_class_install_property_action (widget_class, "win.starred", "starred");
  gtk_widget_class_install_action (widget_class, "win.study", NULL, study_action);
  gtk_widget_class_install_action (widget_class, "win.progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.rename-bank", NULL, rename_bank_action);
  gtk_widget_class_install_action (widget_class, "win.remove-bank", NULL, remove_bank_action);

  /* Home and End go to the first and last topic, unless the focused widget
   * (the list itself, the search entry, a text selection) uses them first:
   * class bindings run in the bubble phase. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "win.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "win.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "win.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "win.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
}

static void
wenda_window_init (WendaWindow *self)
{
  self->settings = g_settings_new ("io.github.wenda.Wenda");
  self->number_width = 2;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* GTK 4.8 names the popover after its type in the accessibility tree. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_menu_button_get_popover (self->mode_button)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reading language"), -1);

  /* Typing anywhere in the window starts a search. */
  wenda_sidebar_set_key_capture_widget (self->sidebar, GTK_WIDGET (self));

  /* A bank dropped on the window is imported. */
  {
    GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

    g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  }
  g_signal_connect_object (self->study_view, "notify::current-item",
                           G_CALLBACK (on_study_card_changed), self, G_CONNECT_SWAPPED);
}

/**
 * wenda_window_new:
 * @library: (nullable): the user's banks, for the chooser and imports
 * @store: (nullable): stars and progress, for the filters and study
 * @scheduler: (nullable): for study sessions; borrowed, it must outlive
 *   the window
 *
 * A window showing @bank.  Without a library, store or scheduler the
 * features that need them are off.
 */
WendaWindow *
wenda_window_new (GtkApplication  *application,
                  WendaBank       *bank,
                  WendaLibrary    *library,
                  WendaStudyStore *store,
                  WendaScheduler  *scheduler)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);
  g_return_val_if_fail (library == NULL || WENDA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (store == NULL || WENDA_IS_STUDY_STORE (store), NULL);

  return g_object_new (WENDA_TYPE_WINDOW,
                       "application", application,
                       "bank", bank,
                       "library", library,
                       "study-store", store,
                       "scheduler", scheduler,
                       NULL);
}

WendaBank *
wenda_window_get_bank (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), NULL);

  return self->bank;
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
wenda_window_set_search_text (WendaWindow *self,
                              const char  *text)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));

  wenda_sidebar_set_search_text (self->sidebar, text);
}

WendaContentMode
wenda_window_get_content_mode (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), WENDA_CONTENT_MODE_ZH);

  return self->content_mode;
}

/**
 * wenda_window_set_content_mode:
 *
 * Shows the content in @mode, at once, and saves the choice.
 */
void
wenda_window_set_content_mode (WendaWindow      *self,
                               WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (mode <= WENDA_CONTENT_MODE_BOTH);

  if (self->content_mode == mode)
    return;

  self->content_mode = mode;

  if (!self->overriding_mode && self->settings != NULL)
    g_settings_set_enum (self->settings, "content-mode", mode);

  wenda_window_update_shown_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_MODE]);
}

/**
 * wenda_window_override_content_mode:
 *
 * Like wenda_window_set_content_mode(), for `wenda --language`: the mode
 * applies to this window but the saved preference is left alone.
 */
void
wenda_window_override_content_mode (WendaWindow      *self,
                                    WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));

  self->overriding_mode = TRUE;
  wenda_window_set_content_mode (self, mode);
  self->overriding_mode = FALSE;
}

/**
 * wenda_window_add_toast:
 * @message: plain text (it is escaped: toasts take markup)
 *
 * Tells the user something, in a toast at the bottom of the window.
 */
void
wenda_window_add_toast (WendaWindow *self,
                        const char  *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* Long enough to read a file name. */
  adw_toast_set_timeout (toast, 10);
  /* Toasts show one at a time: news waiting behind older news (three
   * imports, then a Cancel) would come 30 s late.  The newest replaces
   * the one before. */
  if (self->news_toast != NULL)
    adw_toast_dismiss (self->news_toast);
  g_set_weak_pointer (&self->news_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * wenda_window_is_importing:
 *
 * Whether an import is under way, or File › Open is waiting for the
 * user's choice (which may start one).
 */
gboolean
wenda_window_is_importing (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), FALSE);

  return self->n_imports > 0;
}

/**
 * wenda_window_start_study:
 *
 * Starts a study session over the topics the list shows, as Ctrl+Enter
 * does.
 */
void
wenda_window_start_study (WendaWindow *self)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));

  gtk_widget_activate_action (GTK_WIDGET (self), "win.study", NULL);
}
