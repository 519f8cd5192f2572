/* wenda-markdown-private.h: the block layer of the Markdown reader, and its
 * lenient reading for wenda-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-import.h"
#include "wenda-markdown.h"

G_BEGIN_DECLS

typedef enum
{
  WENDA_MD_BLOCK_BLANK,       /* one or more blank lines */
  WENDA_MD_BLOCK_HEADING,     /* an ATX heading, "#" to "######" */
  WENDA_MD_BLOCK_PARAGRAPH,   /* consecutive text lines */
  WENDA_MD_BLOCK_CODE,        /* a fenced code block, fences included */
  WENDA_MD_BLOCK_BREAK,       /* a thematic break: ---, ***, ___ */
} WendaMdBlockKind;

typedef struct
{
  WendaMdBlockKind  kind;
  guint             line;     /* 1-based line where the block starts */
  guint             level;    /* 1-6 for a heading, else 0 */
  char             *text;     /* heading text, paragraph lines joined with
                               * '\n', code verbatim; NULL for blank/break */
  gboolean          unclosed; /* a code block that runs to the end */
} WendaMdBlock;

GArray   *wenda_markdown_tokenize        (const char   *text,
                                          gsize         length);

typedef struct _WendaCsvResult WendaCsvResult;

/* What a reader found, for the import report */
typedef struct
{
  WendaLayout  layout;
  guint        question_level;
  guint        n_sections;
  guint        n_headings[7];   /* [level]: headings with text under them */
  char        *title;           /* owned, or NULL */
  guint        suggested_level; /* refused: the heading level whose every
                                 * heading is numbered or asks, or 0 */
  WendaCsvResult *csv;          /* owned: what the CSV reader found, or NULL */
} WendaReadResult;

void wenda_read_result_clear (WendaReadResult *result);

/* How wenda_markdown_read() and wenda_bank_read_json()
 * (wenda-bank-loader-private.h) read, for wenda-import.c; all members may
 * be 0/NULL. */
typedef struct
{
  const char    *id_prefix;    /* ids "PREFIX-001"; NULL: "q1" */
  GCancellable  *cancellable;
  /* Called every few thousand lines with the share read so far */
  void         (*progress) (double       fraction,
                            gpointer     user_data);
  /* Set for lenient reading: called for each problem, with the lines
   * skipped because of it */
  void         (*problem)  (guint        line,
                            guint        first_line,
                            guint        last_line,
                            const char  *message,
                            gpointer     user_data);
  gpointer       user_data;

  /* The layout and question level asked for, and a CSV file's delimiter,
   * header and columns (NULL: found by the reader) */
  const WendaImportOptions *layout;
  /* Set (when not NULL) to what the reader found */
  WendaReadResult          *result;
} WendaReadOptions;

WendaBank *wenda_markdown_read           (const char               *text,
                                          gsize                     length,
                                          const char               *filename,
                                          const WendaReadOptions *options,
                                          GError                  **error);

G_END_DECLS
