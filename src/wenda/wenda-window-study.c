/* wenda-window-study.c: the window's study: stars, sessions, progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-progress-view.h"
#include "wenda-sidebar.h"
#include "wenda-study-session.h"
#include "wenda-study-view.h"
#include "wenda-window-private.h"

/* Study: the item that stars apply to.  While studying, the card;
 * otherwise the topic in the reading pane.  None when the pane is off
 * screen: Ctrl+D must not star what the user cannot see. */
static WendaQaItem *
wenda_window_get_star_item (WendaWindow *self)
{
  /* Also reached while the template is being built. */
  if (self->detail_stack == NULL || self->split_view == NULL || self->sidebar == NULL)
    return NULL;
  if (self->content_page != CONTENT_PAGE_READING && !wenda_window_pane_shown (self))
    return NULL;
  /* (The study page is gone while the window is disposed.) */
  if (self->content_page == CONTENT_PAGE_STUDY)
    return self->study_view ? wenda_study_view_get_current_item (self->study_view) : NULL;
  if (self->content_page == CONTENT_PAGE_PROGRESS ||
      !g_str_equal (gtk_stack_get_visible_child_name (self->detail_stack), "detail"))
    return NULL;

  return wenda_sidebar_get_selected_item (self->sidebar);
}

/* The star button and Ctrl+D follow the item stars apply to; the arrows
 * and where typing goes, what the pane shows. */
void
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
  g_object_notify (G_OBJECT (self), "starred");
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
    wenda_progress_view_refresh (wenda_window_get_progress_view (self));
  wenda_window_update_star (self);
}

/* "reset" has no id: every card may have changed. */
static void
on_store_reset (WendaWindow *self)
{
  on_store_changed (self, NULL);
}

/* The pane shows a study session or the progress page. */
void
wenda_window_show_special_page (WendaWindow *self,
                                ContentPage  page)
{
  self->content_page = page;

  if (page == CONTENT_PAGE_STUDY)
    {
      /* Translators: the title of the reading pane during a study session */
      adw_window_title_set_title (self->content_title, _("Study"));
      wenda_window_show_detail_page (self, "study");
    }
  else
    {
      /* Translators: the title of the progress page */
      adw_window_title_set_title (self->content_title, _("Study Progress"));
      wenda_progress_view_refresh (wenda_window_get_progress_view (self));
      wenda_window_show_detail_page (self, "progress");
    }

  /* (Side by side, both panes show whatever this says.) */
  adw_navigation_split_view_set_show_content (self->split_view, TRUE);

  wenda_window_update_star (self);
  wenda_window_update_actions (self);
}

/* Starts a session over @topics, as they are now */
static void
study_topics (WendaWindow *self,
              GListModel  *topics)
{
  g_autoptr(WendaStudySession) session = NULL;

  if (self->store == NULL || self->scheduler == NULL)
    return;

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
    wenda_study_view_start (wenda_window_get_study_view (self), session, G_LIST_MODEL (studied));
  }
  wenda_window_show_special_page (self, CONTENT_PAGE_STUDY);
  wenda_study_view_focus (self->study_view);
}

/* Starts a session over the topics the list shows (win.study). */
void
wenda_window_study (WendaWindow *self)
{
  /* The topics the list shows, search and filter applied. */
  study_topics (self, wenda_sidebar_get_topics (self->sidebar));
}

/* "Study This Section" on a section's header: the topics the list shows
 * in @section and the sections inside it */
void
wenda_window_study_section (WendaWindow  *self,
                            WendaSection *section)
{
  GListModel *topics = wenda_sidebar_get_topics (self->sidebar);
  g_autoptr(GListStore) in_section = g_list_store_new (WENDA_TYPE_QA_ITEM);
  guint n = g_list_model_get_n_items (topics);

  g_return_if_fail (WENDA_IS_SECTION (section));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (topics, i);
      WendaSection *item_section = wenda_qa_item_get_section (item);

      if (item_section != NULL && wenda_section_contains (section, item_section))
        g_list_store_append (in_section, item);
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (in_section)) == 0)
    return;

  study_topics (self, G_LIST_MODEL (in_section));
  if (self->content_page == CONTENT_PAGE_STUDY)
    {
      WendaLanguage language = self->shown_mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN
                                                                        : WENDA_LANGUAGE_ZH;
      g_autofree char *title = NULL;

      /* The page says what is studied ("Study “1.2 正则化”"), until it is
       * left (another page sets its own title) */
      /* Translators: the title of the study page for a section; %s is
       * its title */
      title = g_strdup_printf (_("Study “%s”"), wenda_section_get_title_in (section, language));
      adw_window_title_set_title (self->content_title, title);
    }
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

/* A page of the reading pane, named @label for the accessibility tree,
 * showing the content in the window's reading mode. */
static void
add_study_page (WendaWindow *self,
                GtkWidget   *page,
                const char  *name,
                const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_bind_property (self, "shown-mode", page, "mode", G_BINDING_SYNC_CREATE);
  gtk_stack_add_named (self->detail_stack, page, name);
}

/* The study page, made the first time a session starts. */
WendaStudyView *
wenda_window_get_study_view (WendaWindow *self)
{
  if (self->study_view != NULL)
    return self->study_view;

  self->study_view = g_object_new (WENDA_TYPE_STUDY_VIEW, NULL);
  wenda_study_view_set_glossary (self->study_view, self->glossary);
  if (self->bank != NULL)
    wenda_study_view_set_media_dir (self->study_view, wenda_bank_get_media_dir (self->bank));
  g_signal_connect_object (self->study_view, "done",
                           G_CALLBACK (on_study_done), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->study_view, "show-topic",
                           G_CALLBACK (on_study_show_topic), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->study_view, "message",
                           G_CALLBACK (on_study_message), self, G_CONNECT_SWAPPED);
  /* A star follows the card. */
  g_signal_connect_object (self->study_view, "notify::current-item",
                           G_CALLBACK (on_study_card_changed), self, G_CONNECT_SWAPPED);
  add_study_page (self, GTK_WIDGET (self->study_view), "study", _("Study session"));

  return self->study_view;
}

/* The progress page, made the first time it is shown. */
WendaProgressView *
wenda_window_get_progress_view (WendaWindow *self)
{
  if (self->progress_view != NULL)
    return self->progress_view;

  self->progress_view = g_object_new (WENDA_TYPE_PROGRESS_VIEW, NULL);
  g_signal_connect_object (self->progress_view, "show-topic",
                           G_CALLBACK (on_study_show_topic), self, G_CONNECT_SWAPPED);
  wenda_progress_view_set_sources (self->progress_view, self->store, self->bank);
  add_study_page (self, GTK_WIDGET (self->progress_view), "progress", _("Study progress"));

  return self->progress_view;
}

/* The window's "starred": whether the item stars apply to has one. */
gboolean
wenda_window_get_starred (WendaWindow *self)
{
  WendaQaItem *item = wenda_window_get_star_item (self);

  return item != NULL && self->store != NULL &&
         wenda_study_store_get_starred (self->store, wenda_qa_item_get_id (item));
}

void
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

/* Study needs the store: enabled once the window has one. */
void
wenda_window_update_study_ui (WendaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.progress", self->store != NULL);
  wenda_window_update_mode_ui (self);
  wenda_window_update_star (self);
}

/* Attaches the study store, where stars and progress live. */
void
wenda_window_attach_store (WendaWindow *self)
{
  /* A store that will not write (a file from a newer version, or one that
   * could not be read) was explained by the application at startup. */
  self->told_save_failed = wenda_study_store_get_read_only (self->store);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "reset", G_CALLBACK (on_store_reset),
                           self, G_CONNECT_SWAPPED);
  if (self->progress_view != NULL)
    wenda_progress_view_set_sources (self->progress_view, self->store, self->bank);
  /* Its filters, and the Study button */
  wenda_sidebar_set_study_store (self->sidebar, self->store);
  wenda_window_update_study_ui (self);
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
