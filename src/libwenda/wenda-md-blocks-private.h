/* wenda-md-blocks-private.h: a Markdown document cut into its top-level
 * blocks by md4c, with where each one is in the source
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The md4c dialect of every Markdown text Wenda reads: CommonMark with
 * tables, strikethrough, task lists and $…$ / $$…$$ math. */
#define WENDA_MD_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | \
                        MD_FLAG_LATEXMATHSPANS | MD_FLAG_PERMISSIVEURLAUTOLINKS | \
                        MD_FLAG_PERMISSIVEWWWAUTOLINKS)

typedef enum
{
  WENDA_MD_CHUNK_HEADING,
  WENDA_MD_CHUNK_PARAGRAPH,
  WENDA_MD_CHUNK_CODE,
  WENDA_MD_CHUNK_LIST,
  WENDA_MD_CHUNK_QUOTE,
  WENDA_MD_CHUNK_TABLE,
  WENDA_MD_CHUNK_HTML,
} WendaMdChunkKind;

/* A top-level block.  Its source is text[start, end): from the start of
 * its first line to the start of the next block (or the end), so every
 * byte of the document but the preamble before the first block is in
 * exactly one block, and trailing blank lines, closing fences and setext
 * underlines belong to the block before them.  A block with no text of
 * its own (a thematic break, an empty code block) is part of the block
 * before it. */
typedef struct
{
  WendaMdChunkKind  kind;
  guint        level;      /* a heading's 1-6, else 0 */
  guint        line;       /* 1-based line of start */
  gsize        start;
  gsize        head_end;   /* a heading: past its line (and a setext
                            * underline); else past its last text line */
  gsize        end;
  guint        plain;      /* its plain text in WendaMdDoc.plain: a
                            * heading's inline text, a list's first
                            * item's; none for the others */
  guint        plain_len;
  guint        first_item; /* a list: its items in WendaMdDoc.items */
  guint        n_items;
  guint        fenced : 1;    /* a fenced code block */
  guint        ordered : 1;   /* a numbered list */

  /* For wenda-layout.c, which reads them once: the marker the block
   * starts with, + 1 (0: not looked at yet), and where the text after it
   * starts, from start */
  guint        marker : 3;
  guint        marker_rest;
} WendaMdChunk;

/* An item of a top-level list */
typedef struct
{
  guint  line;
  gsize  start;            /* the start of its line, its marker included */
  gsize  end;              /* the start of the next item, or the list's end */
  guint  plain;            /* the plain text before any block inside it */
  guint  plain_len;
} WendaMdItem;

typedef struct
{
  const char *text;
  gsize       length;
  GArray     *blocks;      /* of WendaMdChunk, in order */
  GArray     *items;       /* of WendaMdItem */
  GString    *plain;
  GArray     *line_starts; /* of guint32, built by wenda_md_doc_line_at() */
} WendaMdDoc;

WendaMdDoc *wenda_md_doc_parse       (const char  *text,
                                      gsize        length);
void        wenda_md_doc_free        (WendaMdDoc  *doc);
guint       wenda_md_doc_line_at     (WendaMdDoc  *doc,
                                      gsize        offset);
const char *wenda_md_doc_plain       (WendaMdDoc  *doc,
                                      guint        plain,
                                      guint        plain_len,
                                      gsize       *len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaMdDoc, wenda_md_doc_free)

/* The text of Markdown @text as a reader sees it: markers, URLs, HTML
 * tags and code fences gone, the text of links and images, code and math
 * kept; blocks end with '\n'. */
void        wenda_markdown_append_plain (GString    *out,
                                         const char *text,
                                         gsize       length);
char       *wenda_markdown_to_plain     (const char *text,
                                         gssize      length);

/* What an HTML entity ("&amp;", "&#20013;") stands for */
void        wenda_md_append_entity      (GString    *out,
                                         const char *text,
                                         gsize       len);

/* The offset of the start of the line holding @offset (LF, CRLF or CR
 * end lines) */
gsize       wenda_md_line_start      (const char  *text,
                                      gsize        offset);
/* The offset past the end of that line, its line end included */
gsize       wenda_md_line_end        (const char  *text,
                                      gsize        length,
                                      gsize        offset);

G_END_DECLS
