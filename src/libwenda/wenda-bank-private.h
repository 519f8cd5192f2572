/* wenda-bank-private.h: internal API shared by the bank and its items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

/* Items of a bank that ask the same question: their numbers, in bank
 * order.  One block (a g_atomic_rc_box) is shared by every item of the
 * group, so a group of g items costs O(g) memory, not O(g²): each item
 * holds a reference and its own position in @numbers. */
typedef struct
{
  guint n_numbers;
  guint numbers[];
} WendaDuplicateGroup;

WendaDuplicateGroup *wenda_duplicate_group_new (guint n_numbers);

/* Whether @text is valid UTF-8 with no NUL byte, exactly as
 * g_utf8_validate_len() decides, faster (wenda-markdown.c) */
gboolean wenda_utf8_validate (const char *text,
                              gsize       length);

/* An item's number, id and texts in one block, before the item is made:
 * the Markdown reader packs them, and the bank builder's thread makes the
 * items. */
typedef struct
{
  char   *texts;       /* id, question, answer, explanation, each NUL-ended */
  gsize   lengths[4];
  guint   number;
} WendaPackedItem;

void         wenda_packed_item_init   (WendaPackedItem     *packed,
                                       guint                number,
                                       const char          *id,
                                       gsize                id_len,
                                       const char          *question,
                                       gsize                question_len,
                                       const char          *answer,
                                       gsize                answer_len,
                                       const char          *explanation,
                                       gsize                explanation_len);
void         wenda_packed_item_clear  (WendaPackedItem     *packed);
WendaQaItem *wenda_qa_item_new_packed (WendaPackedItem     *packed);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaBankBuilder, wenda_bank_builder_free)

void wenda_qa_item_set_duplicates      (WendaQaItem         *self,
                                        const guint         *numbers,
                                        guint                n_numbers);
void wenda_qa_item_set_duplicate_group (WendaQaItem         *self,
                                        WendaDuplicateGroup *group,
                                        guint                position);
void wenda_qa_item_append_term         (WendaQaItem         *self,
                                        GString             *key,
                                        GString             *scratch);
void wenda_qa_item_set_translation     (WendaQaItem         *self,
                                        const char          *question,
                                        const char          *answer,
                                        const char          *explanation,
                                        gboolean             complete);

G_END_DECLS
