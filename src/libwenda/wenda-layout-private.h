/* wenda-layout-private.h: find how a Markdown bank writes its questions,
 * and read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-markdown-private.h"
#include "wenda-md-blocks-private.h"

G_BEGIN_DECLS

/* What a title or a heading starts with: "题目 1.1：", "12. ", "Q3. " */
typedef struct
{
  gboolean     numbered;
  const char  *label;       /* the number as written ("1.1.3"), in the text */
  gsize        label_len;
  const char  *rest;        /* the question after the number and its colon */
  gsize        rest_len;
  gboolean     keyword;     /* 题目, 面试题, 问题, Question, Q */
  gboolean     asks;        /* ends with ？ or ? */
} WendaTitle;

void        wenda_title_parse   (const char *text,
                                 gsize       len,
                                 WendaTitle *title);

typedef enum
{
  WENDA_MARKER_NONE,
  WENDA_MARKER_QUESTION,     /* 问：, 问题：, Q:, Question: */
  WENDA_MARKER_ANSWER,       /* 答：, 答案：, A:, Answer: */
  WENDA_MARKER_EXPLANATION,  /* 解析：, 解释：, Explanation: */
} WendaMarker;

/* Whether @text (a paragraph's first line or a heading's text) starts
 * with a marker, bold or plain, full-width or ASCII colon; *@rest is the
 * offset of the text after it.  @whole: the marker must be all there is
 * (a heading "答案", "#### 解析：**"), and needs no colon. */
WendaMarker wenda_marker_parse  (const char *text,
                                 gsize       len,
                                 gboolean    whole,
                                 gsize      *rest);

/* Whether the document is written in the bundled bank's own layout, read
 * by the strict reader of wenda-markdown.c */
gboolean    wenda_layout_is_seed (WendaMdDoc *doc);

/* How many headings of each level have text under them, markers aside */
void        wenda_layout_count_headings (WendaMdDoc *doc,
                                         guint       n_headings[7]);

/* "PREFIX-h" and the start of the SHA-256 of the question's folded text:
 * the id of a question with no number of its own */
char       *wenda_layout_hash_id (const char *prefix,
                                  const char *question);
/* @id (taken), or "@id-2", "@id-3"… when @ids has it; added to @ids */
char       *wenda_layout_unique_id (GHashTable *ids,
                                    char       *id);

/* Reads the questions of @doc as WendaReadOptions.layout says, or in the
 * layout found.  Lenient when @options has a problem function. */
WendaBank  *wenda_layout_read   (WendaMdDoc              *doc,
                                 const char              *filename,
                                 const WendaReadOptions  *options,
                                 GError                 **error);

G_END_DECLS
