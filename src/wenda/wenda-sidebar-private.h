/* wenda-sidebar-private.h: WendaSidebar's instance struct, and the
 * functions its files share
 *
 * The sidebar is one type in several files, one a feature:
 * wenda-sidebar.c (the type, its properties, the pages, the glossary and
 * the bank chooser), -list.c (the focus rules, the topics, the selection,
 * Enter and clicks), -sections.c (the section headers, and studying a
 * section), -search.c (the search bar and its entry) and -filters.c
 * (All/Starred/Due/New and their counts).  Only they include
 * this.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-search-filter.h"
#include "wenda-sidebar.h"

G_BEGIN_DECLS

struct _WendaSidebar
{
  AdwNavigationPage     parent_instance;

  /* Template widgets */
  AdwWindowTitle       *sidebar_title;
  GtkStack             *title_stack;
  GtkDropDown          *bank_dropdown;
  GtkWidget            *study_button;
  GtkWidget            *search_button;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  AdwViewStack         *sidebar_stack;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  AdwToggleGroup       *filter_box;
  GtkLabel             *filter_all_label;
  GtkLabel             *filter_starred_label;
  GtkLabel             *filter_due_label;
  GtkLabel             *filter_new_label;
  GtkLabel             *match_label;
  GtkStack             *list_stack;
  GtkScrolledWindow    *list_scroller;
  GtkListView          *list_view;
  GtkSignalListItemFactory *topic_factory;
  /* The section headers, set on the list while the bank has sections;
   * the boxes of those bound, to follow the reading mode
   * (wenda-sidebar-sections.c) */
  GtkListItemFactory   *header_factory;
  GPtrArray            *header_boxes;
  GtkSingleSelection   *selection;
  GtkFilterListModel   *filter_model;
  WendaSearchFilter    *search_filter;
  GtkCustomFilter      *study_filter;
  AdwStatusPage        *no_results_page;
  AdwBin               *glossary_bin;
  GtkSingleSelection   *glossary_selection;
  GtkFilterListModel   *glossary_filter_model;
  GtkStringFilter      *glossary_filter;

  /* The glossary page, made the first time it is shown (its bin holds
   * it): wenda_sidebar_ensure_glossary_page() */
  GtkSearchEntry       *glossary_entry;
  GtkLabel             *glossary_count_label;
  GtkListView          *glossary_list;

  /* Owned references */
  WendaBank            *bank;
  WendaStudyStore      *store;
  WendaLibrary         *library;
  WendaGlossary        *glossary;
  /* Each item's id, by its position in bank: borrowed from the items,
   * which bank holds.  Built for the counts, on the first one. */
  GPtrArray            *bank_ids;

  /* Puts the focus on the open topic once the list has its row, unless
   * the focus has moved from focus_row_from meanwhile. */
  guint                 focus_row_tick;
  guint                 focus_row_frames;
  GtkWidget            *focus_row_from;

  /* Brings a section's header into view above its first topic, for a few
   * frames after the selection moves there (wenda-sidebar-sections.c) */
  guint                 reveal_header_tick;
  guint                 reveal_header_frames;

  guint                 refresh_timeout;
  guint                 refilter_idle;
  /* The counts on the filter buttons, once per change, after the frame. */
  guint                 counts_idle;

  /* The width of the topic rows' numbers, in characters (number-width) */
  int                   number_width;

  WendaContentMode      shown_mode;
  WendaStudyFilter      study_filter_kind;
  /* A star changed on the open topic of the Starred list: filter again
   * once the user moves on. */
  guint                 refilter_pending : 1;
  guint                 compact : 1;
};

/* The filter buttons' labels, by filter. */
static const gsize filter_labels[] = {
  [WENDA_STUDY_FILTER_ALL] = G_STRUCT_OFFSET (WendaSidebar, filter_all_label),
  [WENDA_STUDY_FILTER_STARRED] = G_STRUCT_OFFSET (WendaSidebar, filter_starred_label),
  [WENDA_STUDY_FILTER_DUE] = G_STRUCT_OFFSET (WendaSidebar, filter_due_label),
  [WENDA_STUDY_FILTER_NEW] = G_STRUCT_OFFSET (WendaSidebar, filter_new_label),
};

#define FILTER_LABEL(self, filter) G_STRUCT_MEMBER (GtkLabel *, (self), filter_labels[(filter)])

/* wenda-sidebar.c */
void          wenda_sidebar_ensure_glossary_page        (WendaSidebar    *self);

/* wenda-sidebar-list.c */
gboolean      wenda_sidebar_focus_is_inside             (WendaSidebar    *self,
                                                         GtkWidget       *ancestor);
void          wenda_sidebar_on_topics_changed           (WendaSidebar    *self);
void          wenda_sidebar_update_number_width         (WendaSidebar    *self);
void          wenda_sidebar_on_selected_item_changed    (WendaSidebar    *self);
void          wenda_sidebar_on_list_activate            (WendaSidebar    *self,
                                                         guint            position);
void          wenda_sidebar_on_list_click_released      (GtkGestureClick *gesture,
                                                         int              n_press,
                                                         double           x,
                                                         double           y,
                                                         WendaSidebar    *self);

/* wenda-sidebar-sections.c */
void          wenda_sidebar_class_sections_init         (WendaSidebarClass *klass);
void          wenda_sidebar_sections_init               (WendaSidebar    *self);
void          wenda_sidebar_update_header_factory       (WendaSidebar    *self);
void          wenda_sidebar_update_headers              (WendaSidebar    *self);
void          wenda_sidebar_reveal_header               (WendaSidebar    *self);

/* wenda-sidebar-search.c */
void          wenda_sidebar_on_search_mode_changed      (WendaSidebar    *self);
void          wenda_sidebar_on_search_text_changed      (WendaSidebar    *self);
void          wenda_sidebar_on_search_changed           (WendaSidebar    *self);
void          wenda_sidebar_on_search_activate          (WendaSidebar    *self);
void          wenda_sidebar_on_search_stop              (WendaSidebar    *self);

/* wenda-sidebar-filters.c */
void          wenda_sidebar_update_study_ui             (WendaSidebar    *self);
void          wenda_sidebar_update_study_filter_func    (WendaSidebar    *self);
void          wenda_sidebar_update_filter_counts        (WendaSidebar    *self);
void          wenda_sidebar_queue_filter_counts         (WendaSidebar    *self);
gboolean      wenda_sidebar_refilter_idle_cb            (gpointer         user_data);
gboolean      wenda_sidebar_refresh_timeout_cb          (gpointer         user_data);
void          wenda_sidebar_on_filter_toggled           (WendaSidebar    *self);

G_END_DECLS
