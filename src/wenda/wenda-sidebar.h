/* wenda-sidebar.h: the window's sidebar: topics, search, filters, glossary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wenda-bank.h"
#include "wenda-glossary.h"
#include "wenda-library.h"
#include "wenda-study-store.h"
#include "wenda-types.h"

G_BEGIN_DECLS

/**
 * WendaSidebarPage:
 * What the sidebar lists: the topics or the glossary's terms.
 */
typedef enum
{
  WENDA_SIDEBAR_PAGE_TOPICS,
  WENDA_SIDEBAR_PAGE_GLOSSARY,
} WendaSidebarPage;

#define WENDA_TYPE_SIDEBAR_PAGE (wenda_sidebar_page_get_type ())
GType wenda_sidebar_page_get_type (void);

#define WENDA_TYPE_SIDEBAR (wenda_sidebar_get_type ())

G_DECLARE_FINAL_TYPE (WendaSidebar, wenda_sidebar, WENDA, SIDEBAR, AdwNavigationPage)

/* Properties: what it shows */
WendaBank         *wenda_sidebar_get_bank             (WendaSidebar      *self);
void               wenda_sidebar_set_bank             (WendaSidebar      *self,
                                                       WendaBank         *bank);
WendaStudyStore   *wenda_sidebar_get_study_store      (WendaSidebar      *self);
void               wenda_sidebar_set_study_store      (WendaSidebar      *self,
                                                       WendaStudyStore   *store);
WendaLibrary      *wenda_sidebar_get_library          (WendaSidebar      *self);
void               wenda_sidebar_set_library          (WendaSidebar      *self,
                                                       WendaLibrary      *library);
WendaGlossary     *wenda_sidebar_get_glossary         (WendaSidebar      *self);
void               wenda_sidebar_set_glossary         (WendaSidebar      *self,
                                                       WendaGlossary     *glossary);
WendaContentMode   wenda_sidebar_get_shown_mode       (WendaSidebar      *self);
void               wenda_sidebar_set_shown_mode       (WendaSidebar      *self,
                                                       WendaContentMode   mode);
WendaStudyFilter   wenda_sidebar_get_study_filter     (WendaSidebar      *self);
void               wenda_sidebar_set_study_filter     (WendaSidebar      *self,
                                                       WendaStudyFilter   filter);
WendaSidebarPage   wenda_sidebar_get_page             (WendaSidebar      *self);
void               wenda_sidebar_set_page             (WendaSidebar      *self,
                                                       WendaSidebarPage   page);
gboolean           wenda_sidebar_get_compact          (WendaSidebar      *self);
void               wenda_sidebar_set_compact          (WendaSidebar      *self,
                                                       gboolean           compact);

/* Properties: what the user chose */
WendaQaItem       *wenda_sidebar_get_selected_item    (WendaSidebar      *self);
WendaGlossaryTerm *wenda_sidebar_get_selected_term    (WendaSidebar      *self);
WendaLibraryBank  *wenda_sidebar_get_library_bank     (WendaSidebar      *self);

/* The topic list */
GListModel        *wenda_sidebar_get_topics           (WendaSidebar      *self);
guint              wenda_sidebar_get_selected         (WendaSidebar      *self);
void               wenda_sidebar_select_position      (WendaSidebar      *self,
                                                       guint              position);
gboolean           wenda_sidebar_show_topic           (WendaSidebar      *self,
                                                       WendaQaItem       *target);
void               wenda_sidebar_set_search_text      (WendaSidebar      *self,
                                                       const char        *text);
void               wenda_sidebar_set_key_capture_widget
                                                      (WendaSidebar      *self,
                                                       GtkWidget         *widget);
void               wenda_sidebar_study_changed        (WendaSidebar      *self,
                                                       const char        *kept_id);
gboolean           wenda_sidebar_select_library_bank  (WendaSidebar      *self,
                                                       WendaLibraryBank  *entry);

/* The keyboard focus */
gboolean           wenda_sidebar_list_has_focus       (WendaSidebar      *self);
void               wenda_sidebar_focus_selected_row   (WendaSidebar      *self);
void               wenda_sidebar_focus_list           (WendaSidebar      *self);
void               wenda_sidebar_focus_search         (WendaSidebar      *self);

G_END_DECLS
