/* wenda-rich.h: an answer's Markdown as the reading pane shows it: a tree
 * of blocks (paragraphs, headings, lists, quotes, code, display math,
 * tables, rules, details) holding inline text with spans and objects
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  WENDA_RICH_PARAGRAPH,   /* inline */
  WENDA_RICH_HEADING,     /* inline, level 1-6 */
  WENDA_RICH_LIST,        /* children: ITEM; ordered, start */
  WENDA_RICH_ITEM,        /* children: blocks; task */
  WENDA_RICH_QUOTE,       /* children: blocks */
  WENDA_RICH_CODE,        /* text, info, diagram */
  WENDA_RICH_MATH,        /* text: a display formula's TeX, $$ gone */
  WENDA_RICH_TABLE,       /* children: ROW, the header row first */
  WENDA_RICH_ROW,         /* children: CELL; header */
  WENDA_RICH_CELL,        /* inline, align, header */
  WENDA_RICH_RULE,        /* a thematic break */
  WENDA_RICH_DETAILS,     /* inline: the <summary>; children: blocks */
} WendaRichKind;

typedef enum
{
  WENDA_RICH_STYLE_BOLD   = 1 << 0,
  WENDA_RICH_STYLE_ITALIC = 1 << 1,
  WENDA_RICH_STYLE_STRIKE = 1 << 2,
  WENDA_RICH_STYLE_CODE   = 1 << 3,   /* `x`, <code> */
  WENDA_RICH_STYLE_LINK   = 1 << 4,   /* href set */
  WENDA_RICH_STYLE_SUP    = 1 << 5,
  WENDA_RICH_STYLE_SUB    = 1 << 6,
  WENDA_RICH_STYLE_MATH   = 1 << 7,   /* $x$: the span's text is the TeX */
} WendaRichStyle;

typedef enum
{
  WENDA_RICH_ALIGN_DEFAULT,
  WENDA_RICH_ALIGN_LEFT,
  WENDA_RICH_ALIGN_CENTER,
  WENDA_RICH_ALIGN_RIGHT,
} WendaRichAlign;

typedef enum
{
  WENDA_RICH_TASK_NONE,
  WENDA_RICH_TASK_OPEN,     /* - [ ] */
  WENDA_RICH_TASK_DONE,     /* - [x] */
} WendaRichTask;

typedef enum
{
  WENDA_RICH_DIAGRAM_NONE,
  WENDA_RICH_DIAGRAM_MERMAID,
  WENDA_RICH_DIAGRAM_DOT,     /* "dot" or "graphviz" */
} WendaRichDiagram;

/* A run of text[start, end) (byte offsets into WendaRichInline.text) with
 * one set of styles.  Spans are sorted, never overlap, and may leave
 * gaps (plain text).  Neighbours with the same style and href are
 * merged. */
typedef struct
{
  guint            start;
  guint            end;
  WendaRichStyle   style;
  char            *href;    /* STYLE_LINK: as written, entities decoded */
} WendaRichSpan;

/* An image inside inline text.  It stands at text[offset], as the three
 * bytes of U+FFFC (OBJECT REPLACEMENT CHARACTER). */
typedef struct
{
  guint   offset;
  char   *src;       /* as written: "img/a.png", "https://…" */
  char   *alt;       /* its alt text, plain ("" if none) */
  char   *title;     /* or NULL */
  char   *source;    /* the Markdown or HTML it was written as, for copy */
} WendaRichImage;

/* Inline text: UTF-8 with no markers left.  A hard break or <br> is
 * '\n'; a soft line break is a space, or nothing between two CJK
 * characters.  Text from a file is never markup: escape it before it
 * goes to Pango. */
typedef struct
{
  char      *text;
  guint      length;
  GArray    *spans;    /* of WendaRichSpan */
  GArray    *images;   /* of WendaRichImage, by offset */
} WendaRichInline;

typedef struct _WendaRichBlock WendaRichBlock;

struct _WendaRichBlock
{
  WendaRichKind     kind;
  guint             level;       /* HEADING: 1-6 */
  guint             start;       /* ordered LIST: its first number */
  guint             ordered : 1; /* LIST */
  guint             header : 1;  /* ROW, CELL: in the table's head */
  WendaRichTask     task;        /* ITEM */
  WendaRichAlign    align;       /* CELL */
  WendaRichDiagram  diagram;     /* CODE */
  char             *info;        /* CODE: the fence's language ("python"),
                                  * lower case, or NULL */
  char             *text;        /* CODE: the code, with its last '\n';
                                  * MATH: the TeX */
  WendaRichInline  *inline_;     /* PARAGRAPH, HEADING, CELL, DETAILS
                                  * (its summary, may be empty) */
  GPtrArray        *children;    /* of WendaRichBlock, or NULL */
  gsize             src_start;   /* where it is in the Markdown: */
  gsize             src_end;     /* [src_start, src_end) */
};

/* The tree is at most 66 blocks deep: past 64 containers, a quote, list
 * or <details> adds no block of its own and its blocks go to the
 * container around it.  Top-level blocks are in order and do not
 * overlap; so are the children of each block, inside it.  A block with
 * no text of its own (a rule) has the lines between its neighbours. */
typedef struct
{
  GPtrArray  *blocks;            /* of WendaRichBlock: the top level */
} WendaRichDoc;

WendaRichDoc *wenda_rich_parse       (const char    *markdown,
                                      gssize         length);
void          wenda_rich_doc_free    (WendaRichDoc  *doc);

/* The inline text of a one-line Markdown text (a question, a title), as
 * WendaRichInline: a first paragraph's or heading's */
WendaRichInline *wenda_rich_parse_inline (const char *markdown,
                                          gssize      length);
void          wenda_rich_inline_free (WendaRichInline *inline_);

/* Pango markup for @inline_: every byte of its text escaped, spans as
 * <b>, <i>, <s>, a monospace <span> (code with a background, math
 * without), <sup>, <sub> and <a href> (which GtkLabel reads, and
 * pango_parse_markup() does not);
 * an image's U+FFFC becomes its alt text in brackets, or nothing with
 * @keep_objects FALSE */
char         *wenda_rich_inline_to_markup (const WendaRichInline *inline_,
                                           gboolean               keep_objects);

/* The plain text of a whole tree, for a search snippet or an
 * accessible name: blocks end with '\n', list items start with their
 * marker, cells are separated by tabs */
char         *wenda_rich_doc_to_plain (const WendaRichDoc *doc);

/* The number of blocks, counted through the whole tree, and of each
 * kind: for tests and wenda --check */
guint         wenda_rich_doc_count    (const WendaRichDoc *doc,
                                       WendaRichKind       kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaRichDoc, wenda_rich_doc_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaRichInline, wenda_rich_inline_free)

G_END_DECLS
