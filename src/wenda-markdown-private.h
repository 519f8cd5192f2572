/* wenda-markdown-private.h: the block layer of the Markdown reader, and the
 * text checks the Markdown and JSON readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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

/* Shared by wenda-markdown.c and wenda-bank-loader.c */
void      wenda_bank_set_error           (GError      **error,
                                          WendaBankError code,
                                          const char   *filename,
                                          guint         line,
                                          guint         column,
                                          const char   *format,
                                          ...) G_GNUC_PRINTF (6, 7);
gboolean  wenda_text_validate            (const char   *text,
                                          gsize         length,
                                          const char   *filename,
                                          gboolean      cr_ends_line,
                                          GError      **error);
void      wenda_text_locate              (const char   *text,
                                          gsize         offset,
                                          gboolean      cr_ends_line,
                                          guint        *line,
                                          guint        *column);
gsize     wenda_text_skip_bom            (const char   *text,
                                          gsize         length);

G_END_DECLS
