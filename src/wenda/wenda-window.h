/* wenda-window.h: the main window, a topic list beside a reading pane
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wenda-bank.h"
#include "wenda-library.h"
#include "wenda-study-store.h"

G_BEGIN_DECLS

#define WENDA_TYPE_WINDOW (wenda_window_get_type ())

G_DECLARE_FINAL_TYPE (WendaWindow, wenda_window, WENDA, WINDOW, AdwApplicationWindow)

WendaWindow *wenda_window_new              (GtkApplication  *application,
                                            WendaBank       *bank,
                                            WendaLibrary    *library,
                                            WendaStudyStore *store,
                                            WendaScheduler  *scheduler);
WendaBank   *wenda_window_get_bank         (WendaWindow    *self);
WendaQaItem *wenda_window_get_current_item (WendaWindow    *self);
gboolean     wenda_window_show_topic       (WendaWindow    *self,
                                            guint           number);
gboolean     wenda_window_select_bank      (WendaWindow    *self,
                                            const char     *bank_id);
void         wenda_window_set_search_text  (WendaWindow    *self,
                                            const char     *text);
WendaContentMode wenda_window_get_content_mode      (WendaWindow      *self);
void             wenda_window_set_content_mode      (WendaWindow      *self,
                                                     WendaContentMode  mode);
void             wenda_window_override_content_mode (WendaWindow      *self,
                                                     WendaContentMode  mode);
void             wenda_window_add_toast             (WendaWindow      *self,
                                                     const char       *message);
gboolean         wenda_window_is_importing          (WendaWindow      *self);
void             wenda_window_start_study           (WendaWindow      *self);
void             wenda_window_import_file           (WendaWindow      *self,
                                                     GFile            *file);
void             wenda_window_import_files          (WendaWindow      *self,
                                                     GFile *const     *files,
                                                     guint             n_files);

G_END_DECLS
