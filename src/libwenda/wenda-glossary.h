/* wenda-glossary.h: the bilingual terms of a bank, and links between items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

#define WENDA_TYPE_GLOSSARY_TERM (wenda_glossary_term_get_type ())
#define WENDA_TYPE_GLOSSARY      (wenda_glossary_get_type ())

G_DECLARE_FINAL_TYPE (WendaGlossaryTerm, wenda_glossary_term, WENDA, GLOSSARY_TERM, GObject)
G_DECLARE_FINAL_TYPE (WendaGlossary, wenda_glossary, WENDA, GLOSSARY, GObject)

typedef struct
{
  gsize              start;   /* byte offsets into the text */
  gsize              end;
  guint              target;  /* the number of the item that defines the term */
  WendaGlossaryTerm *term;    /* borrowed from the glossary */
} WendaTermLink;

const char        *wenda_glossary_term_get_zh          (WendaGlossaryTerm *self);
const char        *wenda_glossary_term_get_en          (WendaGlossaryTerm *self);
const char        *wenda_glossary_term_get_abbreviation (WendaGlossaryTerm *self);
const char        *wenda_glossary_term_get_search_text (WendaGlossaryTerm *self);
const guint       *wenda_glossary_term_get_definers    (WendaGlossaryTerm *self,
                                                        guint             *n_definers);
const guint       *wenda_glossary_term_get_users       (WendaGlossaryTerm *self,
                                                        guint             *n_users);

WendaGlossary     *wenda_glossary_new_for_bank         (WendaBank         *bank);
WendaGlossaryTerm *wenda_glossary_lookup               (WendaGlossary     *self,
                                                        const char        *zh_or_en);
GArray            *wenda_glossary_find_links           (WendaGlossary     *self,
                                                        const char        *text,
                                                        guint              item_number);

G_END_DECLS
