/* wenda-bank-private.h: the bank builder, for the readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"
#include "wenda-qa-item-private.h"

G_BEGIN_DECLS

/* Builds a bank from items added one at a time; large banks are indexed
 * in a thread of their own while the items are still coming. */
typedef struct _WendaBankBuilder WendaBankBuilder;

WendaBankBuilder *wenda_bank_builder_new         (void);
void              wenda_bank_builder_add         (WendaBankBuilder *self,
                                                  WendaQaItem      *item);
void              wenda_bank_builder_add_packed  (WendaBankBuilder *self,
                                                  WendaPackedItem  *packed);
guint             wenda_bank_builder_get_n_items (WendaBankBuilder *self);
WendaBank        *wenda_bank_builder_finish      (WendaBankBuilder *self,
                                                  const char       *title);
void              wenda_bank_builder_free        (WendaBankBuilder *self);

/* Before the bank is shown: it has no "title" notification */
void              wenda_bank_set_title           (WendaBank        *self,
                                                  const char       *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaBankBuilder, wenda_bank_builder_free)

G_END_DECLS
