/* wenda-application.h: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wenda-bank.h"
#include "wenda-library.h"
#include "wenda-study-store.h"
#include "wenda-types.h"

G_BEGIN_DECLS

#define WENDA_TYPE_APPLICATION (wenda_application_get_type ())

G_DECLARE_FINAL_TYPE (WendaApplication, wenda_application, WENDA, APPLICATION, AdwApplication)

WendaApplication *wenda_application_new      (void);
WendaBank        *wenda_application_get_bank (WendaApplication *self);
WendaWindow      *wenda_application_get_main_window (WendaApplication *self);
WendaWindow      *wenda_application_new_window      (WendaApplication *self,
                                                     WendaBank        *bank);
WendaStudyStore  *wenda_application_get_study_store (WendaApplication *self);
WendaLibrary     *wenda_application_get_library     (WendaApplication *self);
const char       *wenda_application_get_localedir (void);
void              wenda_i18n_init                 (void);

G_END_DECLS
