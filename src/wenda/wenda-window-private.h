/* wenda-window-private.h: WendaWindow's instance struct, and the functions
 * its files share
 *
 * The window is one type in several files, one a feature: wenda-window.c
 * (the type, its properties, the reading mode), -actions.c (win.*),
 * -navigation.c (the panes), -search.c, -study.c, -glossary.c and
 * -banks.c (the chooser, import, export).  Only they include this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-glossary.h"
#include "wenda-types.h"
#include "wenda-window.h"

G_BEGIN_DECLS

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
  AdwWindowTitle       *content_title;
  GtkStack             *detail_stack;
  GtkScrolledWindow    *detail_scroller;
  WendaDetailView      *detail_view;
  GtkWidget            *back_button;
  GtkWidget            *previous_button;
  GtkWidget            *next_button;
  GtkMenuButton        *mode_button;
  GMenuModel           *mode_menu;
  GtkLabel             *mode_label;
  GtkWidget            *mode_icon;
  AdwClamp             *detail_clamp;
  AdwToastOverlay      *toast_overlay;
  GtkWidget            *star_button;

  /* The pages of the reading pane made the first time they are shown
   * (wenda_window_show_detail_page()); its stack holds them. */
  WendaTermView        *term_view;
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

/* wenda-window.c */
void          wenda_window_set_bank                 (WendaWindow      *self,
                                                     WendaBank        *bank);
void          wenda_window_update_mode_ui           (WendaWindow      *self);

/* wenda-window-actions.c */
void          wenda_window_class_actions_init       (WendaWindowClass *klass);

/* wenda-window-navigation.c */
void          wenda_window_class_navigation_init    (WendaWindowClass *klass);
void          wenda_window_update_actions           (WendaWindow      *self);
void          wenda_window_update_arrows            (WendaWindow      *self);
gboolean      wenda_window_pane_shown               (WendaWindow      *self);
void          wenda_window_show_content             (WendaWindow      *self);
void          wenda_window_show_reading             (WendaWindow      *self);
void          wenda_window_show_reading_page        (WendaWindow      *self);
void          wenda_window_show_sidebar             (WendaWindow      *self,
                                                     void            (*focus) (WendaSidebar *sidebar));
void          wenda_window_selection_changed        (WendaWindow      *self);
void          wenda_window_move                     (WendaWindow      *self,
                                                     int               delta);
void          wenda_window_show_detail_page         (WendaWindow      *self,
                                                     const char       *name);
WendaTermView *wenda_window_get_term_view           (WendaWindow      *self);

/* wenda-window-search.c */
void          wenda_window_search_init              (WendaWindow      *self);
void          wenda_window_update_key_capture       (WendaWindow      *self);

/* wenda-window-study.c */
WendaStudyView *wenda_window_get_study_view         (WendaWindow      *self);
WendaProgressView *wenda_window_get_progress_view   (WendaWindow      *self);
void          wenda_window_attach_store             (WendaWindow      *self);
void          wenda_window_update_study_ui          (WendaWindow      *self);
void          wenda_window_update_star              (WendaWindow      *self);
gboolean      wenda_window_get_starred              (WendaWindow      *self);
void          wenda_window_set_starred              (WendaWindow      *self,
                                                     gboolean          starred);
void          wenda_window_show_special_page        (WendaWindow      *self,
                                                     ContentPage       page);
void          wenda_window_study                    (WendaWindow      *self);
void          wenda_window_study_section            (WendaWindow      *self,
                                                     WendaSection     *section);

/* wenda-window-glossary.c */
void          wenda_window_class_glossary_init      (WendaWindowClass *klass);
void          wenda_window_load_glossary            (WendaWindow      *self);
gboolean      wenda_window_showing_glossary         (WendaWindow      *self);
void          wenda_window_update_term_page         (WendaWindow      *self);

/* wenda-window-banks.c */
void          wenda_window_class_banks_init         (WendaWindowClass *klass);
void          wenda_window_banks_init               (WendaWindow      *self);
void          wenda_window_attach_library           (WendaWindow      *self);
void          wenda_window_update_bank_ui           (WendaWindow      *self);
void          wenda_window_open_bank                (WendaWindow      *self);
void          wenda_window_open_folder              (WendaWindow      *self);
void          wenda_window_export_bank              (WendaWindow      *self,
                                                     gboolean          anki);
void          wenda_window_rename_bank              (WendaWindow      *self);
void          wenda_window_remove_bank              (WendaWindow      *self);

G_END_DECLS
