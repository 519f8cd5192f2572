/* wenda-qa-item-private.h: what the bank and the readers set in an item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-qa-item.h"

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

/* An item's number, id and texts in one block, before the item is made:
 * the Markdown reader packs them, and the bank builder's thread makes the
 * items. */
typedef struct
{
  char   *texts;       /* id, question, answer, explanation, each NUL-ended */
  gsize   lengths[4];
  guint   number;
  char         *label;    /* owned, or NULL (wenda_qa_item_get_label()) */
  WendaSection *section;  /* owned, or NULL */
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

void wenda_qa_item_set_duplicates      (WendaQaItem         *self,
                                        const guint         *numbers,
                                        guint                n_numbers);
void wenda_qa_item_set_duplicate_group (WendaQaItem         *self,
                                        WendaDuplicateGroup *group,
                                        guint                position);
void wenda_qa_item_append_term         (WendaQaItem         *self,
                                        GString             *key,
                                        GString             *scratch);
void wenda_qa_item_append_search_source (WendaQaItem         *self,
                                        GString             *joined);
void wenda_qa_item_set_label             (WendaQaItem         *self,
                                        const char          *label);
void wenda_qa_item_set_section           (WendaQaItem         *self,
                                        WendaSection        *section);
void wenda_qa_item_set_translation     (WendaQaItem         *self,
                                        const char          *question,
                                        const char          *answer,
                                        const char          *explanation,
                                        gboolean             complete);

G_END_DECLS
