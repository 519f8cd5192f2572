/* test-util.h: fixtures and checks that the unit tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

/* The Markdown source of the bundled bank, in resources/content/. */
#define UNIT_SEED_FILE "llm-training.md"

/* A file in tests/fixtures/ that must fail to load, and how. */
typedef struct
{
  const char     *file;
  WendaBankError  code;
  guint           line;
  guint           column;       /* 0: no column in the message */
  guint           other_line;   /* 0: none; else the message names it too */
} UnitErrorCase;

char      *unit_fixture_path         (const char          *name);
char      *unit_read_fixture         (const char          *name,
                                      gsize               *length);
char      *unit_read_seed            (gsize               *length);

WendaBank *unit_parse_markdown       (const char          *text,
                                      gssize               length,
                                      const char          *filename);
WendaBank *unit_load_bundled         (void);
/* Item @i of @bank, which holds it (transfer none) */
WendaQaItem *unit_item_at            (WendaBank           *bank,
                                      guint                i);
WendaBank *unit_load_bundled_bilingual (void);
char      *unit_random_keystroke     (GListModel          *source,
                                      char               **word,
                                      glong               *typed);

void       unit_assert_same_items    (WendaBank           *a,
                                      WendaBank           *b);
void       unit_assert_error_message (const GError        *error,
                                      const char          *filename,
                                      const UnitErrorCase *c);
void       unit_add_error_cases      (const char          *prefix,
                                      const UnitErrorCase *cases,
                                      gsize                n_cases,
                                      GTestDataFunc        func);

void       unit_insert_snippet       (GByteArray          *text,
                                      guint                at,
                                      const char          *snippet);
gboolean   unit_assert_outcome       (WendaBank           *bank,
                                      const GError        *error);
void       unit_remove_all           (const char          *path);

G_END_DECLS
