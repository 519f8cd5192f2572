/* wenda-window-glossary.c: the window's glossary, and a term in the pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-sidebar.h"
#include "wenda-study-view.h"
#include "wenda-term-view.h"
#include "wenda-window-private.h"

/* Whether the sidebar lists the glossary's terms, not the topics. */
gboolean
wenda_window_showing_glossary (WendaWindow *self)
{
  return wenda_sidebar_get_page (self->sidebar) == WENDA_SIDEBAR_PAGE_GLOSSARY;
}

/* The reading pane shows the term chosen in the glossary, or asks for
 * one. */
void
wenda_window_update_term_page (WendaWindow *self)
{
  WendaGlossaryTerm *term = wenda_sidebar_get_selected_term (self->sidebar);

  /* Translators: the title of the reading pane while it shows a term */
  adw_window_title_set_title (self->content_title, _("Glossary"));
  /* (A term view made only to be told there is no term would be a waste.) */
  if (term != NULL || self->term_view != NULL)
    wenda_term_view_set_term (wenda_window_get_term_view (self), term, self->bank, self->shown_mode);
  wenda_window_show_detail_page (self, term ? "term" : "no-term");
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
  if (self->study_view != NULL)
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

/* The glossary of self->bank, which has just been set: the terms the
 * sidebar lists, and the links of the reading pane and the study card. */
void
wenda_window_load_glossary (WendaWindow *self)
{
  WendaBank *bank = self->bank;

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
}

static void
on_glossary_selected (WendaWindow *self)
{
  if (!wenda_window_showing_glossary (self))
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
  wenda_term_view_focus_first_topic (wenda_window_get_term_view (self));
}

void
wenda_window_class_glossary_init (WendaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_glossary_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_term_activated);
}
