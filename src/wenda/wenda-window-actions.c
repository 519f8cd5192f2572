/* wenda-window-actions.c: the window's actions (win.*) and their keys
 *
 * The accelerators are the application's (wenda-application.c); the keys
 * here are the window's own bindings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-detail-view.h"
#include "wenda-progress-view.h"
#include "wenda-sidebar.h"
#include "wenda-window-private.h"

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
glossary_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  /* Toggles between the topics and the glossary. */
  if (wenda_window_showing_glossary (self))
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
show_topic_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  wenda_window_show_topic (WENDA_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
study_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  wenda_window_study (WENDA_WINDOW (widget));
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  wenda_window_show_special_page (self, CONTENT_PAGE_PROGRESS);
  gtk_widget_child_focus (GTK_WIDGET (wenda_window_get_progress_view (self)), GTK_DIR_TAB_FORWARD);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  wenda_window_open_bank (WENDA_WINDOW (widget));
}

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  wenda_window_open_folder (WENDA_WINDOW (widget));
}

/* "anki" or "markdown" */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  wenda_window_export_bank (WENDA_WINDOW (widget),
                            g_str_equal (g_variant_get_string (parameter, NULL), "anki"));
}

static void
rename_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  wenda_window_rename_bank (WENDA_WINDOW (widget));
}

static void
remove_bank_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  wenda_window_remove_bank (WENDA_WINDOW (widget));
}

void
wenda_window_class_actions_init (WendaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
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
