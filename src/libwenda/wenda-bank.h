/* wenda-bank.h: a question bank, as a GListModel of WendaQaItem
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-catalog.h"
#include "wenda-qa-item.h"
#include "wenda-section.h"

G_BEGIN_DECLS

#define WENDA_TYPE_BANK (wenda_bank_get_type ())

G_DECLARE_FINAL_TYPE (WendaBank, wenda_bank, WENDA, BANK, GObject)

WendaBank   *wenda_bank_new                (const char   *title,
                                            GPtrArray    *items);
const char  *wenda_bank_get_title          (WendaBank    *self);
guint        wenda_bank_get_max_number     (WendaBank    *self);
WendaQaItem *wenda_bank_lookup_number      (WendaBank    *self,
                                            guint         number);
WendaQaItem *wenda_bank_lookup_id          (WendaBank    *self,
                                            const char   *id);
gboolean     wenda_bank_find_position      (WendaBank    *self,
                                            WendaQaItem  *item,
                                            guint        *position);
guint        wenda_bank_apply_catalog      (WendaBank    *self,
                                            WendaCatalog *catalog);
gboolean     wenda_bank_has_translation    (WendaBank    *self);
GPtrArray   *wenda_bank_get_sections       (WendaBank    *self);
const char  *wenda_bank_get_title_in       (WendaBank    *self,
                                            WendaLanguage language);
GFile       *wenda_bank_get_media_dir      (WendaBank    *self);
void         wenda_bank_set_media_dir      (WendaBank    *self,
                                            GFile        *media_dir);

G_END_DECLS
