/* wenda-qa-item.h: one question, its answer and its explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-core-types.h"

G_BEGIN_DECLS

#define WENDA_TYPE_QA_ITEM (wenda_qa_item_get_type ())

G_DECLARE_FINAL_TYPE (WendaQaItem, wenda_qa_item, WENDA, QA_ITEM, GObject)

WendaQaItem *wenda_qa_item_new             (const char   *id,
                                            guint         number,
                                            const char   *question,
                                            const char   *answer,
                                            const char   *explanation);
const char  *wenda_qa_item_get_id          (WendaQaItem  *self);
guint        wenda_qa_item_get_number      (WendaQaItem  *self);
const char  *wenda_qa_item_get_question    (WendaQaItem  *self);
const char  *wenda_qa_item_get_answer      (WendaQaItem  *self);
const char  *wenda_qa_item_get_explanation (WendaQaItem  *self);
const char  *wenda_qa_item_get_search_text (WendaQaItem  *self);
const char  *wenda_qa_item_get_label       (WendaQaItem  *self);
WendaSection *wenda_qa_item_get_section    (WendaQaItem  *self);
char        *wenda_qa_item_dup_term        (WendaQaItem  *self);
const guint *wenda_qa_item_get_duplicates  (WendaQaItem  *self,
                                            guint        *n_duplicates);
gboolean     wenda_qa_item_equal           (WendaQaItem  *a,
                                            WendaQaItem  *b);
const char  *wenda_qa_item_get_text        (WendaQaItem  *self,
                                            WendaQaField  field,
                                            WendaLanguage language);
gboolean     wenda_qa_item_has_translation (WendaQaItem  *self);

char       **wenda_split_paragraphs        (const char   *text);

char        *wenda_normalize_for_search    (const char   *text,
                                            gssize        len);
void         wenda_normalize_for_search_append (GString  *out,
                                                const char *text,
                                                gssize    len);
char        *wenda_normalize_for_search_slow (const char *text,
                                              gssize      len);
const guint *wenda_qa_item_get_duplicate_group (WendaQaItem *self,
                                                guint       *n_numbers,
                                                guint       *position);

G_END_DECLS
