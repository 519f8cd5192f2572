/* wenda-bank-private.h: internal API shared by the bank and its items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

void wenda_qa_item_set_duplicates (WendaQaItem *self,
                                   const guint *numbers,
                                   guint        n_numbers);
void wenda_qa_item_set_translation (WendaQaItem *self,
                                    const char  *question,
                                    const char  *answer,
                                    const char  *explanation,
                                    gboolean     complete);

G_END_DECLS
