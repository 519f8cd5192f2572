/* wenda-layout.c: find how a Markdown bank writes its questions, and read
 * them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The banks people write keep their questions in one of a few layouts
 * (README: "The layouts Wenda reads"):
 *
 *   HEADINGS  "### 1.1 什么是过拟合？" and the answer under it, up to the
 *             next heading of its level or above; deeper headings stay
 *             in the answer, higher ones are sections;
 *   BOLD      "**1.1 什么是过拟合？**" alone on its line, the answer up
 *             to the next such line or heading;
 *   MARKERS   "问：…" / "答：…", "Q: …" / "A: …", "Question:" /
 *             "Answer:", bold or plain, either colon;
 *   DETAILS   "<details><summary>question</summary> answer </details>";
 *   LIST      a list of questions with no answers.
 *
 * In every layout "答案：", "Answer:" (and the others of the answer) start
 * the answer, the text before it continuing the question, and "解析：",
 * "解释：", "Explanation:" the explanation, kept apart.  A heading whose
 * whole text is one of them is a marker, not a question or a section.
 * Headings that are not questions are sections, but for the file's title:
 * the only heading of the highest level, before any question.  The text
 * before the first section or question is the title's description; any
 * other text that is in no question is reported, with its lines.
 *
 * The layout is found by counting (wenda_layout_choose()), or given by
 * the caller (the import preview's choice).
 *
 * Each question keeps its Markdown as written: its source, cut at the
 * block boundaries md4c finds, with only the blank lines around it gone
 * and line ends made '\n'.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-bank-private.h"
#include "wenda-layout-private.h"
#include "wenda-section-private.h"
#include "wenda-text-check-private.h"

#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"
#define NO_BREAK_SPACE    "\xC2\xA0"
#define FULLWIDTH_COLON   "\xEF\xBC\x9A"

/* Blocks between two progress and cancellation checks */
#define TICK_BLOCKS 4096

/* Scanning text {{{ */

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize)(end - p) >= n && memcmp (p, prefix, n) == 0;
}

static gboolean
has_prefix_ascii_nocase (const char *p,
                         const char *end,
                         const char *prefix)
{
  gsize n = strlen (prefix);

  return (gsize)(end - p) >= n && g_ascii_strncasecmp (p, prefix, n) == 0;
}

static const char *
skip_blanks (const char *p,
             const char *end)
{
  for (;;)
    {
      if (p < end && (*p == ' ' || *p == '\t'))
        p++;
      else if (has_prefix (p, end, IDEOGRAPHIC_SPACE))
        p += strlen (IDEOGRAPHIC_SPACE);
      else if (has_prefix (p, end, NO_BREAK_SPACE))
        p += strlen (NO_BREAK_SPACE);
      else
        return p;
    }
}

static const char *
trim_end (const char *p,
          const char *end)
{
  for (;;)
    {
      if (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        end--;
      else if ((gsize)(end - p) >= 3 && memcmp (end - 3, IDEOGRAPHIC_SPACE, 3) == 0)
        end -= 3;
      else if ((gsize)(end - p) >= 2 && memcmp (end - 2, NO_BREAK_SPACE, 2) == 0)
        end -= 2;
      else
        return end;
    }
}

/* "**", "__", "*", "_" */
static const char *
skip_emphasis (const char *p,
               const char *end)
{
  while (p < end && (*p == '*' || *p == '_'))
    p++;

  return p;
}

static const char *
trim_emphasis_end (const char *p,
                   const char *end)
{
  end = trim_end (p, end);
  while (end > p && (end[-1] == '*' || end[-1] == '_'))
    end--;

  return trim_end (p, end);
}

static gboolean
is_ascii_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A colon, full-width or ASCII: returns past it, or NULL */
static const char *
skip_colon (const char *p,
            const char *end)
{
  if (p < end && *p == ':')
    return p + 1;
  if (has_prefix (p, end, FULLWIDTH_COLON))
    return p + strlen (FULLWIDTH_COLON);

  return NULL;
}

static gboolean
ends_with_question_mark (const char *p,
                         const char *end)
{
  end = trim_emphasis_end (p, end);

  return (end > p && end[-1] == '?') ||
         ((gsize)(end - p) >= 3 && memcmp (end - 3, "\xEF\xBC\x9F", 3) == 0);
}

/* }}} */

/* Titles and markers {{{ */

static const char * const chinese_digits[] = {
  "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇",
};

static const char *
skip_chinese_number (const char *p,
                     const char *end)
{
  gboolean found;

  do
    {
      found = FALSE;
      for (guint i = 0; i < G_N_ELEMENTS (chinese_digits); i++)
        if (has_prefix (p, end, chinese_digits[i]))
          {
            p += strlen (chinese_digits[i]);
            found = TRUE;
            break;
          }
    }
  while (found);

  return p;
}

/* "1", "1.1", "1.1.3", "12." (the trailing dot is not part of it) */
static const char *
skip_number (const char *p,
             const char *end)
{
  const char *q = p;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q == p)
    return p;

  while (q + 1 < end && *q == '.' && g_ascii_isdigit (q[1]))
    {
      q++;
      while (q < end && g_ascii_isdigit (*q))
        q++;
    }

  return q;
}

/* After a number: "：", ":", "、", ".", ")", "）", a blank, or the end.
 * Returns past it (and the blanks after), or NULL. */
static const char *
skip_number_separator (const char *p,
                       const char *end)
{
  const char *q;

  if (p >= end)
    return p;

  if ((q = skip_colon (p, end)) != NULL)
    return skip_blanks (q, end);
  if (has_prefix (p, end, "、"))
    return skip_blanks (p + strlen ("、"), end);
  if (has_prefix (p, end, "）"))
    return skip_blanks (p + strlen ("）"), end);
  if (*p == '.' || *p == ')')
    {
      q = p + 1;
      if (q < end && (*q == '*' || *q == '_'))
        q = skip_emphasis (q, end);
      if (q >= end || *q == ' ' || *q == '\t' || !g_ascii_isdigit (*q))
        return skip_blanks (q, end);
      return NULL;
    }
  if (*p == '*' || *p == '_')
    {
      /* "**1.**", "**题目 3**：" */
      q = skip_emphasis (p, end);
      if (q >= end)
        return q;
      return skip_number_separator (q, end);
    }

  q = skip_blanks (p, end);
  if (q > p)
    return q;

  return NULL;
}

/**
 * wenda_title_parse:
 *
 * Reads the numbering of a question's title: "题目 1.1：", "面试题 3：",
 * "1.1.3 ", "12. ", "Q3. ", "(2) ", "一、".  Emphasis around it is
 * skipped.  A title with none is not numbered and keeps all its text.
 */
void
wenda_title_parse (const char *text,
                   gsize       len,
                   WendaTitle *title)
{
  static const char * const keywords[] = { "面试题", "题目", "问题", "第" };
  const char *end = text + len;
  const char *p, *q;
  const char *number = NULL, *number_end = NULL;
  gboolean emphasis;

  memset (title, 0, sizeof *title);

  p = skip_blanks (text, end);
  q = skip_emphasis (p, end);
  emphasis = q > p;
  p = skip_blanks (q, end);

  title->rest = p;
  title->rest_len = trim_end (p, end) - p;

  for (guint i = 0; i < G_N_ELEMENTS (keywords); i++)
    if (has_prefix (p, end, keywords[i]))
      {
        const char *k = skip_blanks (p + strlen (keywords[i]), end);
        const char *n = skip_number (k, end);

        if (n > k)
          {
            number = k;
            number_end = n;
            p = n;
            if (i == 3 && has_prefix (skip_blanks (p, end), end, "题"))
              p = skip_blanks (p, end) + strlen ("题");
            title->keyword = TRUE;
          }
        else if (i != 3 && i != 2 && (q = skip_colon (k, end)) != NULL)
          {
            /* "题目：question": a keyword with no number */
            title->keyword = TRUE;
            p = skip_blanks (q, end);
            title->rest = p;
          }
        break;
      }

  if (number == NULL && !title->keyword &&
      p + 1 < end && (*p == 'Q' || *p == 'q'))
    {
      const char *k = p + 1;

      if (*k == '.' || *k == ' ')
        k = skip_blanks (k + (*k == '.'), end);
      if (k < end && g_ascii_isdigit (*k))
        {
          number = k;
          number_end = skip_number (k, end);
          p = number_end;
          title->keyword = TRUE;
        }
    }

  if (number == NULL && !title->keyword)
    {
      const char *open = p;

      if (p < end && *p == '(')
        open = p + 1;
      else if (has_prefix (p, end, "（"))
        open = p + strlen ("（");

      number_end = skip_number (open, end);
      if (number_end > open)
        number = open;
      else
        {
          number_end = skip_chinese_number (open, end);
          if (number_end > open && (has_prefix (number_end, end, "、") ||
                                    (open > p && (has_prefix (number_end, end, ")") ||
                                                  has_prefix (number_end, end, "）")))))
            number = open;
          else
            number_end = NULL;
        }
      if (number != NULL)
        p = number_end;
    }

  if (number != NULL)
    {
      q = skip_number_separator (p, end);

      if (q == NULL && !title->keyword)
        {
          /* "2021年…", "3D…": a number that is part of the text */
          number = NULL;
        }
      else
        {
          title->numbered = TRUE;
          title->label = number;
          title->label_len = number_end - number;
          p = q != NULL ? q : skip_blanks (p, end);
          title->rest = p;
        }
    }

  end = emphasis ? trim_emphasis_end (title->rest, end) : trim_end (title->rest, end);
  title->rest_len = end - title->rest;
  title->asks = ends_with_question_mark (title->rest, end);
}

typedef struct
{
  const char  *word;
  WendaMarker  marker;
  gboolean     latin;
} MarkerWord;

static const MarkerWord marker_words[] = {
  /* Longer first: "问题" before "问", "答案" before "答" */
  { "问题", WENDA_MARKER_QUESTION, FALSE },
  { "问", WENDA_MARKER_QUESTION, FALSE },
  { "答案", WENDA_MARKER_ANSWER, FALSE },
  { "回答", WENDA_MARKER_ANSWER, FALSE },
  { "答", WENDA_MARKER_ANSWER, FALSE },
  { "解析", WENDA_MARKER_EXPLANATION, FALSE },
  { "解释", WENDA_MARKER_EXPLANATION, FALSE },
  { "Question", WENDA_MARKER_QUESTION, TRUE },
  { "Answer", WENDA_MARKER_ANSWER, TRUE },
  { "Explanation", WENDA_MARKER_EXPLANATION, TRUE },
  { "Q", WENDA_MARKER_QUESTION, TRUE },
  { "A", WENDA_MARKER_ANSWER, TRUE },
};

WendaMarker
wenda_marker_parse (const char *text,
                    gsize       len,
                    gboolean    whole,
                    gsize      *rest)
{
  const char *end = text + len;
  const char *p = skip_blanks (text, end);

  *rest = 0;
  p = skip_emphasis (p, end);
  p = skip_blanks (p, end);

  /* Every marker starts with one of 问 答 回 解 (E9 97 AE, E7 AD 94,
   * E5 9B 9E, E8 A7 A3) or Q A E */
  if (p >= end)
    return WENDA_MARKER_NONE;
  switch ((guchar)*p)
    {
    case 0xE5: case 0xE7: case 0xE8: case 0xE9:
    case 'Q': case 'q': case 'A': case 'a': case 'E': case 'e':
      break;
    default:
      return WENDA_MARKER_NONE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (marker_words); i++)
    {
      const MarkerWord *word = &marker_words[i];
      const char *q, *colon;

      if (word->latin ? !has_prefix_ascii_nocase (p, end, word->word) : !has_prefix (p, end, word->word))
        continue;

      q = p + strlen (word->word);
      if (word->latin && q < end && is_ascii_alpha (*q))
        continue;
      /* A one-letter marker is upper case: "a: …" is text */
      if (word->latin && strlen (word->word) == 1 && !g_ascii_isupper (*p))
        continue;

      q = skip_blanks (q, end);
      q = skip_emphasis (q, end);        /* "**答案**：" */
      colon = skip_colon (q, end);
      if (colon != NULL)
        q = colon;
      else if (!whole)
        continue;
      else if (word->latin && strlen (word->word) == 1)
        /* A heading "A" or "Q" is not a marker */
        continue;

      q = skip_emphasis (q, end);        /* "**答案：**" */
      q = skip_blanks (q, end);

      if (whole)
        {
          /* Nothing but emphasis and blanks may follow: "#### 解析：**" */
          const char *r = q;

          while (r < end && (*r == '*' || *r == '_' || *r == ' ' || *r == '\t'))
            r++;
          if (trim_end (r, end) != r)
            return WENDA_MARKER_NONE;
        }

      *rest = q - text;
      return word->marker;
    }

  return WENDA_MARKER_NONE;
}

/* }}} */

/* Looking at the blocks {{{ */

/* A heading's text as written, without its "#"s (or its setext
 * underline): [*start, *end) */
static void
heading_source (WendaMdDoc         *doc,
                const WendaMdChunk *block,
                const char        **start,
                const char        **end)
{
  const char *text = doc->text;
  const char *p = text + block->start;
  const char *e = text + block->head_end;
  const char *line_end = p;

  while (line_end < e && *line_end != '\n' && *line_end != '\r')
    line_end++;

  p = skip_blanks (p, line_end);
  if (p < line_end && *p == '#')
    {
      while (p < line_end && *p == '#')
        p++;
      p = skip_blanks (p, line_end);
      e = trim_end (p, line_end);
      /* A closing run of "#", after a blank */
      {
        const char *c = e;

        while (c > p && c[-1] == '#')
          c--;
        if (c < e && (c == p || c[-1] == ' ' || c[-1] == '\t'))
          e = trim_end (p, c);
      }
    }
  else
    {
      /* Setext: every line but the underline */
      const char *last = trim_end (p, e);

      while (last > p && last[-1] != '\n' && last[-1] != '\r')
        last--;
      e = trim_end (p, last);
    }

  *start = p;
  *end = e;
}

/* A paragraph's first line: [*start, *end) */
static void
first_line (WendaMdDoc         *doc,
            const WendaMdChunk *block,
            const char        **start,
            const char        **end)
{
  const char *p = doc->text + block->start;
  const char *e = doc->text + block->head_end;
  const char *lf = memchr (p, '\n', e - p);
  const char *cr = memchr (p, '\r', (lf != NULL ? lf : e) - p);

  *start = p;
  *end = cr != NULL ? cr : lf != NULL ? lf : e;
}

/* Whether a paragraph is one bold line: "**1.1 什么是…？**" */
static gboolean
is_bold_line (WendaMdDoc         *doc,
              const WendaMdChunk *block,
              const char        **inner,
              const char        **inner_end)
{
  const char *p, *e, *line_end;
  char mark;

  if (block->kind != WENDA_MD_CHUNK_PARAGRAPH)
    return FALSE;

  /* Most paragraphs do not start with "**" or "__": say so at once */
  p = skip_blanks (doc->text + block->start, doc->text + block->head_end);
  if (doc->text + block->head_end - p < 5 || (p[0] != '*' && p[0] != '_') || p[1] != p[0])
    return FALSE;

  first_line (doc, block, &p, &line_end);
  e = trim_end (doc->text + block->start, doc->text + block->head_end);
  if (line_end < e)
    return FALSE;             /* more than one line */

  p = skip_blanks (p, e);
  if (e - p < 5 || (p[0] != '*' && p[0] != '_') || p[1] != p[0])
    return FALSE;
  mark = p[0];
  if (e[-1] != mark || e[-2] != mark)
    return FALSE;

  p += 2;
  e -= 2;
  /* "**a** and **b**" is not one bold run */
  for (const char *c = p; c + 1 < e; c++)
    if (c[0] == mark && c[1] == mark)
      return FALSE;

  *inner = p;
  *inner_end = e;
  return TRUE;
}

static WendaMarker
find_block_marker (WendaMdDoc         *doc,
                   const WendaMdChunk *block,
                   gsize              *rest)
{
  const char *p, *e;
  WendaMarker marker;

  *rest = 0;

  if (block->kind == WENDA_MD_CHUNK_HEADING)
    {
      heading_source (doc, block, &p, &e);
      marker = wenda_marker_parse (p, e - p, TRUE, rest);
      *rest = block->head_end - block->start;
      return marker;
    }

  if (block->kind != WENDA_MD_CHUNK_PARAGRAPH)
    return WENDA_MARKER_NONE;

  /* A marker is near the start: most paragraphs are told apart in their
   * first bytes, not their whole first line */
  p = doc->text + block->start;
  e = p + MIN (block->head_end - block->start, 96);
  marker = wenda_marker_parse (p, e - p, FALSE, rest);
  if (marker != WENDA_MARKER_NONE)
    return marker;
  if (block->head_end - block->start > 96 &&
      (guchar)*skip_emphasis (skip_blanks (p, e), e) < 0x80 &&
      !strchr ("QqAaEe", *skip_emphasis (skip_blanks (p, e), e)))
    return WENDA_MARKER_NONE;

  first_line (doc, block, &p, &e);
  marker = wenda_marker_parse (p, e - p, FALSE, rest);
  if (marker == WENDA_MARKER_NONE)
    {
      /* A whole bold line "**答案**" with no colon */
      marker = wenda_marker_parse (p, e - p, TRUE, rest);
      if (marker == WENDA_MARKER_QUESTION)
        marker = WENDA_MARKER_NONE;
    }

  return marker;
}

/* The marker @block starts with, read once */
static WendaMarker
block_marker (WendaMdDoc         *doc,
              const WendaMdChunk *block,
              gsize              *rest)
{
  WendaMdChunk *cached = (WendaMdChunk *)block;

  if (cached->marker == 0)
    {
      gsize found = 0;

      cached->marker = find_block_marker (doc, block, &found) + 1;
      cached->marker_rest = found;
    }

  *rest = cached->marker_rest;
  return cached->marker - 1;
}

/* "<details>" with a summary that is a question (not "答案") */
static gboolean
is_details_start (WendaMdDoc         *doc,
                  const WendaMdChunk *block)
{
  const char *p = doc->text + block->start;
  const char *e = doc->text + block->end;

  if (block->kind != WENDA_MD_CHUNK_HTML && block->kind != WENDA_MD_CHUNK_PARAGRAPH)
    return FALSE;

  p = skip_blanks (p, e);
  return has_prefix_ascii_nocase (p, e, "<details") &&
         (p + 8 >= e || p[8] == '>' || p[8] == ' ' || p[8] == '\n' || p[8] == '\r' || p[8] == '\t');
}

/* }}} */

/* Choosing the layout {{{ */

typedef struct
{
  guint n_headings[7];     /* non-marker headings with text under them */
  guint score[7];
  guint n_bold;            /* bold lines that look like questions */
  guint n_question_markers;
  guint n_answer_markers;
  guint n_details;
  guint n_list_questions;
} Counts;

static gboolean
title_looks_like_question (const WendaTitle *title)
{
  return title->numbered || title->asks;
}

static gboolean
list_is_questions (WendaMdDoc         *doc,
                   const WendaMdChunk *block,
                   guint              *n_questions)
{
  guint n = 0;

  if (block->kind != WENDA_MD_CHUNK_LIST || block->n_items == 0)
    return FALSE;

  for (guint j = 0; j < block->n_items; j++)
    {
      const WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);
      WendaTitle title;
      gsize len;
      const char *plain = wenda_md_doc_plain (doc, item->plain, item->plain_len, &len);

      wenda_title_parse (plain, len, &title);
      if (title.asks)
        n++;
    }

  *n_questions = n;
  return n * 2 >= block->n_items;
}

static void
count_blocks (WendaMdDoc *doc,
              Counts     *counts)
{
  memset (counts, 0, sizeof *counts);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      const WendaMdChunk *next = i + 1 < doc->blocks->len ? block + 1 : NULL;
      gsize rest;
      WendaMarker marker = block_marker (doc, block, &rest);
      const char *p, *e;
      WendaTitle title;
      guint n;

      switch (block->kind)
        {
        case WENDA_MD_CHUNK_HEADING:
          if (marker != WENDA_MARKER_NONE || next == NULL || next->kind == WENDA_MD_CHUNK_HEADING)
            break;
          heading_source (doc, block, &p, &e);
          wenda_title_parse (p, e - p, &title);
          counts->n_headings[block->level]++;
          counts->score[block->level] += title_looks_like_question (&title) ? 2 : 1;
          break;

        case WENDA_MD_CHUNK_PARAGRAPH:
          if (marker == WENDA_MARKER_QUESTION)
            counts->n_question_markers++;
          else if (marker == WENDA_MARKER_ANSWER)
            counts->n_answer_markers++;
          else if (marker == WENDA_MARKER_NONE && is_bold_line (doc, block, &p, &e))
            {
              wenda_title_parse (p, e - p, &title);
              if (title_looks_like_question (&title) && title.rest_len > 0)
                counts->n_bold++;
            }
          else if (is_details_start (doc, block))
            counts->n_details++;
          break;

        case WENDA_MD_CHUNK_HTML:
          if (is_details_start (doc, block))
            counts->n_details++;
          break;

        case WENDA_MD_CHUNK_LIST:
          if (list_is_questions (doc, block, &n))
            counts->n_list_questions += n;
          break;

        default:
          break;
        }
    }
}

void
wenda_layout_count_headings (WendaMdDoc *doc,
                             guint       n_headings[7])
{
  Counts counts;

  count_blocks (doc, &counts);
  memcpy (n_headings, counts.n_headings, sizeof counts.n_headings);
}

/* Among the levels with at least 3 headings with text under them, the
 * one with the highest score (a numbered title or a question counts
 * double); a tie goes to the deeper level.  0: none. */
static guint
choose_level (const Counts *counts,
              guint         min_headings)
{
  guint best = 0;

  for (guint level = 1; level <= 6; level++)
    if (counts->n_headings[level] >= min_headings &&
        (best == 0 || counts->score[level] >= counts->score[best]))
      best = level;

  return best;
}

static WendaLayout
choose_layout (const Counts *counts,
               guint        *level)
{
  struct { WendaLayout layout; guint n; } others[] = {
    { WENDA_LAYOUT_BOLD, counts->n_bold },
    { WENDA_LAYOUT_MARKERS, counts->n_answer_markers > 0 ? counts->n_question_markers : 0 },
    { WENDA_LAYOUT_DETAILS, counts->n_details },
    { WENDA_LAYOUT_LIST, counts->n_list_questions },
  };
  WendaLayout best = WENDA_LAYOUT_AUTO;
  guint best_n = 0;
  guint n_headings;

  *level = choose_level (counts, 3);
  n_headings = *level > 0 ? counts->n_headings[*level] : 0;

  /* Another layout wins over headings when it finds at least twice as
   * many questions: answers have bold lines and lists of their own, and
   * the chapters of a bank of bold questions are headings with text. */
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    if (others[i].n > best_n && others[i].n >= 2 * n_headings &&
        (others[i].n >= 2 || n_headings == 0))
      {
        best = others[i].layout;
        best_n = others[i].n;
      }

  if (best != WENDA_LAYOUT_AUTO)
    {
      *level = 0;
      return best;
    }

  return *level > 0 ? WENDA_LAYOUT_HEADINGS : WENDA_LAYOUT_AUTO;
}

/* }}} */

/* Reading {{{ */

typedef enum
{
  STATE_PREAMBLE,   /* before the first section or question */
  STATE_OUTSIDE,    /* after a section heading */
  STATE_ITEM,
} State;

typedef struct
{
  WendaMdDoc              *doc;
  const char              *filename;
  const WendaReadOptions  *options;
  WendaLayout              layout;
  guint                    level;
  guint                    title_block;   /* G_MAXUINT: none */

  /* The first pass, dry, only counts the questions' numbers: a number
   * used once is the question's id (make_id()).  The second makes the
   * items, and the builder indexes them in its thread meanwhile. */
  gboolean                 dry;
  GHashTable              *labels;        /* label → how many times */
  WendaBankBuilder        *builder;
  GHashTable              *ids;           /* of the ids made */
  const char              *prefix;
  guint                    n_items;
  GString                 *texts[3];      /* question, answer, explanation */
  WendaSection            *sections[7];   /* the open section of each level */
  guint                    n_problems;
  guint                    n_skipped;     /* questions skipped */
  State                    state;

  /* The question being read, as offsets in the text */
  guint                    item_line;
  const char              *title;         /* the question's own line */
  const char              *title_end;
  char                    *title_owned;   /* what title points to, if not the text */
  char                    *label;
  gsize                    body;          /* where the rest of it starts */
  gsize                    answer_marker; /* the marker block's start; 0: none */
  gsize                    answer;        /* the answer's start */
  gsize                    explanation_marker;
  gsize                    explanation;

  /* Text in no question, being gathered into one problem */
  guint                    stray_first;   /* 0: none */
  guint                    stray_last;
} Reader;

static void
report (Reader     *self,
        guint       line,
        guint       first_line,
        guint       last_line,
        const char *message)
{
  if (self->dry)
    return;

  self->n_problems++;
  if (first_line != 0 && last_line < first_line)
    last_line = first_line;
  if (self->options != NULL && self->options->problem != NULL)
    self->options->problem (line, first_line, last_line, message, self->options->user_data);
}

static guint
last_line_of (Reader *self,
              gsize   end)
{
  const char *text = self->doc->text;
  const char *e = trim_end (text, text + end);

  if (e == text)
    return 1;

  return wenda_md_doc_line_at (self->doc, (e - text) - 1);
}

static void
stray_flush (Reader *self)
{
  if (self->stray_first == 0)
    return;

  report (self, self->stray_first, self->stray_first, self->stray_last,
          _("text outside any question: it is under a section heading, before its first question"));
  self->stray_first = 0;
}

static void
stray_add (Reader             *self,
           const WendaMdChunk *block)
{
  if (self->stray_first == 0)
    self->stray_first = block->line;
  self->stray_last = last_line_of (self, block->end);
}

/* Appends text[start, end) as written: line ends made '\n', the blank
 * lines around it and the blanks at its end gone */
static void
append_source (GString    *out,
               const char *text,
               gsize       start,
               gsize       end)
{
  const char *p = text + start;
  const char *e = text + end;
  const char *line;

  if (start >= end)
    return;

  /* Leading blank lines (and the blanks after a marker) */
  for (line = p; ; )
    {
      const char *q = skip_blanks (line, e);

      if (q < e && (*q == '\n' || *q == '\r'))
        {
          line = q + 1;
          if (*q == '\r' && line < e && *line == '\n')
            line++;
        }
      else
        {
          p = line == p ? q : line;
          break;
        }
    }
  e = trim_end (p, e);
  if (p >= e)
    return;

  if (out->len > 0)
    g_string_append (out, "\n\n");

  while (p < e)
    {
      const char *cr = memchr (p, '\r', e - p);

      if (cr == NULL)
        {
          g_string_append_len (out, p, e - p);
          break;
        }
      g_string_append_len (out, p, cr - p);
      g_string_append_c (out, '\n');
      p = cr + 1;
      if (p < e && *p == '\n')
        p++;
    }
}

static void
item_reset (Reader *self)
{
  self->state = STATE_OUTSIDE;
  self->title = self->title_end = NULL;
  g_clear_pointer (&self->title_owned, g_free);
  g_clear_pointer (&self->label, g_free);
  self->body = 0;
  self->answer_marker = self->answer = 0;
  self->explanation_marker = self->explanation = 0;
}

static WendaSection *
current_section (Reader *self)
{
  for (guint level = 6; level >= 1; level--)
    if (self->sections[level] != NULL)
      return self->sections[level];

  return NULL;
}

char *
wenda_layout_hash_id (const char *prefix,
                      const char *question)
{
  g_autofree char *folded = wenda_normalize_for_search (question, -1);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, folded, -1);

  return g_strdup_printf ("%s-h%.10s", prefix, sum);
}

static void
count_label (Reader     *self,
             const char *label)
{
  if (label != NULL)
    g_hash_table_insert (self->labels, g_strdup (label),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, label)) + 1));
}

/* The bank's own number where it is used once, else the question's hash;
 * "-2", "-3"… after one already made */
static char *
make_id (Reader     *self,
         const char *label,
         const char *question)
{
  char *id;

  if (label != NULL && GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, label)) == 1)
    id = g_strconcat (self->prefix, "-", label, NULL);
  else
    id = wenda_layout_hash_id (self->prefix, question);

  return wenda_layout_unique_id (self->ids, id);
}

char *
wenda_layout_unique_id (GHashTable *ids,
                        char       *id)
{
  if (g_hash_table_contains (ids, id))
    {
      char *again = NULL;

      for (guint n = 2; ; n++)
        {
          again = g_strdup_printf ("%s-%u", id, n);
          if (!g_hash_table_contains (ids, again))
            break;
          g_free (again);
        }
      g_free (id);
      id = again;
    }
  g_hash_table_add (ids, g_strdup (id));

  return id;
}

/* Makes the item: it goes to the builder */
static void
add_item (Reader  *self,
          char    *label,
          GString *question,
          GString *answer,
          GString *explanation)
{
  g_autofree char *id = make_id (self, label, question->str);
  WendaPackedItem packed;
  WendaSection *section = current_section (self);

  wenda_packed_item_init (&packed, ++self->n_items, id, strlen (id),
                          question->str, question->len,
                          answer->str, answer->len,
                          explanation->str, explanation->len);
  packed.label = label;
  packed.section = section != NULL ? g_object_ref (section) : NULL;
  wenda_bank_builder_add_packed (self->builder, &packed);
}

/* Ends the question being read at @end */
static void
item_finish (Reader *self,
             gsize   end)
{
  const char *text = self->doc->text;
  GString *question = self->texts[0];
  GString *answer = self->texts[1];
  GString *explanation = self->texts[2];
  gsize cont_end, answer_end;

  if (self->state != STATE_ITEM)
    return;

  if (self->dry)
    {
      count_label (self, self->label);
      self->n_items++;
      item_reset (self);
      return;
    }

  /* The same three strings for every question */
  g_string_truncate (question, 0);
  g_string_truncate (answer, 0);
  g_string_truncate (explanation, 0);

  if (self->title != NULL && self->title_end > self->title)
    append_source (question, self->title, 0, self->title_end - self->title);

  cont_end = self->answer_marker ? self->answer_marker
           : self->explanation_marker ? self->explanation_marker : end;
  answer_end = self->explanation_marker && self->explanation_marker > self->answer ? self->explanation_marker : end;

  if (self->answer_marker != 0)
    {
      append_source (question, text, self->body, cont_end);
      append_source (answer, text, self->answer, answer_end);
    }
  else
    /* No marker: all under the question is its answer */
    append_source (answer, text, self->body, cont_end);

  if (self->explanation_marker != 0)
    append_source (explanation, text, self->explanation, end);

  if (question->len == 0)
    {
      report (self, self->item_line, self->item_line, last_line_of (self, end),
              _("this question has no text"));
      self->n_skipped++;
      item_reset (self);
      return;
    }

  if (answer->len == 0 && self->layout != WENDA_LAYOUT_LIST)
    report (self, self->item_line, 0, 0,
            _("this question has no answer: it is kept, to be studied by recall"));

  add_item (self, g_steal_pointer (&self->label), question, answer, explanation);
  item_reset (self);
}

static void
item_start (Reader             *self,
            guint               index,
            const WendaMdChunk *block,
            const char         *title,
            const char         *title_end,
            gsize               body)
{
  WendaTitle parsed;

  item_finish (self, block->start);
  stray_flush (self);

  self->state = STATE_ITEM;
  self->item_line = block->line;
  self->body = body;

  if (title != NULL)
    {
      wenda_title_parse (title, title_end - title, &parsed);
      if (parsed.numbered)
        self->label = g_strndup (parsed.label, parsed.label_len);
      self->title = parsed.rest;
      self->title_end = parsed.rest + parsed.rest_len;
    }
}

static void
section_start (Reader             *self,
               const WendaMdChunk *block)
{
  WendaSection *parent = NULL;
  gsize len;
  const char *plain = wenda_md_doc_plain (self->doc, block->plain, block->plain_len, &len);
  g_autofree char *title = g_strstrip (g_strndup (plain, len));

  item_finish (self, block->start);
  stray_flush (self);
  self->state = STATE_OUTSIDE;

  /* A heading with no text ("## ![](logo.png)") names no section: the
   * sections stay as they are, so no question falls out of them */
  if (title[0] == '\0')
    return;

  for (guint level = block->level; level <= 6; level++)
    g_clear_object (&self->sections[level]);
  for (guint level = block->level - 1; level >= 1 && parent == NULL; level--)
    parent = self->sections[level];

  if (title[0] != '\0')
    self->sections[block->level] = wenda_section_new (parent, title);
  self->state = STATE_OUTSIDE;
}

/* Text not in a question: the description before everything, or a
 * problem */
static void
stray_text (Reader             *self,
            const WendaMdChunk *block)
{
  if (self->state == STATE_PREAMBLE)
    return;

  stray_add (self, block);
}

static void
marker_in_item (Reader             *self,
                const WendaMdChunk *block,
                WendaMarker         marker,
                gsize               rest)
{
  if (marker == WENDA_MARKER_ANSWER && self->answer_marker == 0 && self->explanation_marker == 0)
    {
      self->answer_marker = block->start;
      self->answer = block->start + rest;
    }
  else if (marker == WENDA_MARKER_EXPLANATION && self->explanation_marker == 0)
    {
      self->explanation_marker = block->start;
      self->explanation = block->start + rest;
    }
}

/* "<details><summary>Q</summary> A </details>" from @block on: returns
 * the index of the first block after it */
static guint
read_details (Reader             *self,
              guint               index,
              const WendaMdChunk *block)
{
  WendaMdDoc *doc = self->doc;
  const char *text = doc->text;
  const char *p = text + block->start;
  const char *e = text + doc->length;
  const char *summary = NULL, *summary_end = NULL;
  const char *answer_end = e, *close_end = e;
  int depth = 0;
  guint next;

  item_finish (self, block->start);
  stray_flush (self);

  /* The summary, then the matching "</details>" */
  for (const char *c = p; c < e; c++)
    {
      if (*c != '<')
        continue;
      if (summary == NULL && has_prefix_ascii_nocase (c, e, "<summary"))
        {
          const char *gt = memchr (c, '>', e - c);

          if (gt != NULL)
            summary = gt + 1;
        }
      else if (summary != NULL && summary_end == NULL && has_prefix_ascii_nocase (c, e, "</summary>"))
        summary_end = c;
      else if (has_prefix_ascii_nocase (c, e, "<details"))
        depth++;
      else if (has_prefix_ascii_nocase (c, e, "</details>") && --depth == 0)
        {
          answer_end = c;
          close_end = c + strlen ("</details>");
          break;
        }
    }

  if (summary == NULL || summary_end == NULL)
    {
      /* Not a question: text */
      stray_text (self, block);
      return index + 1;
    }

  self->state = STATE_ITEM;
  self->item_line = block->line;
  {
    /* Tags inside the summary ("<b>…</b>") are not the question */
    g_autoptr(GString) clean = g_string_new (NULL);
    gboolean in_tag = FALSE;
    WendaTitle parsed;

    for (const char *c = summary; c < summary_end; c++)
      {
        if (*c == '<')
          in_tag = TRUE;
        else if (*c == '>' && in_tag)
          in_tag = FALSE;
        else if (!in_tag)
          g_string_append_c (clean, *c);
      }

    wenda_title_parse (clean->str, clean->len, &parsed);
    if (parsed.numbered)
      self->label = g_strndup (parsed.label, parsed.label_len);
    self->title_owned = g_strndup (parsed.rest, parsed.rest_len);
    self->title = self->title_owned;
    self->title_end = self->title_owned + parsed.rest_len;
  }
  self->body = summary_end + strlen ("</summary>") - text;

  /* Markers inside the answer still split it */
  for (next = index + 1; next < doc->blocks->len; next++)
    {
      const WendaMdChunk *inner = &g_array_index (doc->blocks, WendaMdChunk, next);
      gsize rest;
      WendaMarker marker;

      if (text + inner->start >= close_end)
        break;
      if (text + inner->start < answer_end && (marker = block_marker (doc, inner, &rest)) != WENDA_MARKER_NONE)
        marker_in_item (self, inner, marker, rest);
    }

  item_finish (self, answer_end - text);
  self->state = STATE_OUTSIDE;
  return next;
}

/* Every question of a question list */
static void
read_list (Reader             *self,
           const WendaMdChunk *block)
{
  WendaMdDoc *doc = self->doc;

  item_finish (self, block->start);
  stray_flush (self);

  for (guint j = 0; j < block->n_items; j++)
    {
      const WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);
      const char *p = doc->text + item->start;
      const char *e = doc->text + item->end;
      const char *marker_end = skip_blanks (p, e);
      const char *number = NULL, *number_end = NULL;
      g_autoptr(GString) question = g_string_new (NULL);
      g_autoptr(GString) none = g_string_new (NULL);
      char *label = NULL;
      WendaTitle title;

      /* The list marker: "-", "*", "+", "12." or "12)" */
      if (marker_end < e && (*marker_end == '-' || *marker_end == '*' || *marker_end == '+'))
        marker_end++;
      else
        {
          number = marker_end;
          while (marker_end < e && g_ascii_isdigit (*marker_end))
            marker_end++;
          number_end = marker_end;
          if (marker_end < e && (*marker_end == '.' || *marker_end == ')'))
            marker_end++;
        }
      marker_end = skip_blanks (marker_end, e);
      /* A task list's box */
      if (e - marker_end >= 3 && marker_end[0] == '[' && marker_end[2] == ']')
        marker_end = skip_blanks (marker_end + 3, e);

      wenda_title_parse (marker_end, e - marker_end, &title);
      if (title.numbered)
        label = g_strndup (title.label, title.label_len);
      else if (number != NULL && number_end > number)
        label = g_strndup (number, number_end - number);

      if (self->dry)
        {
          count_label (self, label);
          g_free (label);
          self->n_items++;
          continue;
        }

      append_source (question, title.rest, 0, (doc->text + item->end) - title.rest);
      if (question->len == 0)
        {
          g_free (label);
          report (self, item->line, item->line, item->line, _("this question has no text"));
          self->n_skipped++;
          continue;
        }

      add_item (self, label, question, none, none);
    }

  self->state = STATE_OUTSIDE;
}

/* The only heading of the highest level, before any question, is the
 * file's title */
static guint
find_title (Reader *self)
{
  WendaMdDoc *doc = self->doc;
  guint top = 7, n_top = 0, first = G_MAXUINT;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      gsize rest;

      if (block->kind != WENDA_MD_CHUNK_HEADING || block_marker (doc, block, &rest) != WENDA_MARKER_NONE)
        continue;

      if (block->level < top)
        {
          top = block->level;
          n_top = 1;
          first = i;
        }
      else if (block->level == top)
        n_top++;
    }

  if (n_top != 1)
    return G_MAXUINT;
  if (self->layout == WENDA_LAYOUT_HEADINGS && top >= self->level)
    return G_MAXUINT;

  /* Before the first question */
  for (guint i = 0; i < first; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      const char *p, *e;
      gsize rest;

      if (block->kind == WENDA_MD_CHUNK_HEADING && self->layout == WENDA_LAYOUT_HEADINGS &&
          block->level == self->level)
        return G_MAXUINT;
      if (self->layout == WENDA_LAYOUT_BOLD && is_bold_line (doc, block, &p, &e))
        return G_MAXUINT;
      if (self->layout == WENDA_LAYOUT_MARKERS &&
          block_marker (doc, block, &rest) == WENDA_MARKER_QUESTION)
        return G_MAXUINT;
    }

  return first;
}

static gboolean
tick (Reader  *self,
      guint    index,
      GError **error)
{
  const WendaReadOptions *options = self->options;

  if (options == NULL || index % TICK_BLOCKS != 0 || index == 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;

  if (options->progress != NULL)
    {
      const WendaMdChunk *block = &g_array_index (self->doc->blocks, WendaMdChunk, index);

      options->progress ((double)block->start / (double)MAX (self->doc->length, 1),
                         options->user_data);
    }

  return TRUE;
}

static gboolean
read_blocks (Reader  *self,
             GError **error)
{
  WendaMdDoc *doc = self->doc;

  for (guint i = 0; i < doc->blocks->len; )
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      gsize rest = 0;
      WendaMarker marker = block_marker (doc, block, &rest);
      const char *p, *e;

      if (!tick (self, i, error))
        return FALSE;

      if (i == self->title_block)
        {
          i++;
          continue;
        }

      /* A marker belongs to the question being read */
      if (marker == WENDA_MARKER_ANSWER || marker == WENDA_MARKER_EXPLANATION)
        {
          if (self->state == STATE_ITEM)
            marker_in_item (self, block, marker, rest);
          else
            stray_text (self, block);
          i++;
          continue;
        }

      if (block->kind == WENDA_MD_CHUNK_HEADING)
        {
          if (self->layout == WENDA_LAYOUT_HEADINGS && block->level == self->level)
            {
              heading_source (doc, block, &p, &e);
              item_start (self, i, block, p, e, block->head_end);
            }
          else if (self->layout == WENDA_LAYOUT_HEADINGS && block->level > self->level)
            {
              /* A sub-heading of an answer stays in it */
              if (self->state != STATE_ITEM)
                stray_text (self, block);
            }
          else
            section_start (self, block);
          i++;
          continue;
        }

      switch (self->layout)
        {
        case WENDA_LAYOUT_BOLD:
          if (is_bold_line (doc, block, &p, &e))
            {
              WendaTitle title;

              wenda_title_parse (p, e - p, &title);
              if (title_looks_like_question (&title) && title.rest_len > 0)
                {
                  item_start (self, i, block, p, e, block->end);
                  i++;
                  continue;
                }
            }
          break;

        case WENDA_LAYOUT_MARKERS:
          if (marker == WENDA_MARKER_QUESTION)
            {
              item_start (self, i, block, NULL, NULL, block->start + rest);
              {
                WendaTitle title;
                const char *q = doc->text + block->start + rest;
                const char *qe = doc->text + block->head_end;

                wenda_title_parse (q, qe - q, &title);
                if (title.numbered)
                  {
                    self->label = g_strndup (title.label, title.label_len);
                    self->body = title.rest - doc->text;
                  }
              }
              i++;
              continue;
            }
          break;

        case WENDA_LAYOUT_DETAILS:
          if (is_details_start (doc, block))
            {
              i = read_details (self, i, block);
              continue;
            }
          break;

        case WENDA_LAYOUT_LIST:
          {
            guint n;

            if (self->state != STATE_ITEM && list_is_questions (doc, block, &n))
              {
                read_list (self, block);
                i++;
                continue;
              }
          }
          break;

        default:
          break;
        }

      if (self->state != STATE_ITEM)
        stray_text (self, block);
      i++;
    }

  item_finish (self, doc->length);
  stray_flush (self);

  return TRUE;
}

/* A code block whose fence is never closed swallows the rest of the file.
 * Returns the line of the first, 0 if none. */
static guint
check_fences (Reader *self)
{
  guint first = 0;

  WendaMdDoc *doc = self->doc;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      const char *text = doc->text;
      const char *p, *e, *last;
      char fence;
      gsize n = 0, m = 0;

      if (block->kind != WENDA_MD_CHUNK_CODE || !block->fenced)
        continue;

      p = skip_blanks (text + block->start, text + block->end);
      fence = *p;
      while (p + n < text + block->end && p[n] == fence)
        n++;

      e = trim_end (text + block->start, text + block->end);
      last = e;
      while (last > text + block->start && last[-1] != '\n' && last[-1] != '\r')
        last--;
      last = skip_blanks (last, e);
      while (last + m < e && last[m] == fence)
        m++;

      if (last == p || m < n || last + m != e)
        {
          report (self, block->line, 0, 0,
                  _("this code block is never closed: the rest of the file is read as its code"));
          if (first == 0)
            first = block->line;
        }
    }

  return first;
}

static WendaBank *
make_bank (Reader  *self,
           GError **error)
{
  g_autofree char *title = NULL;

  if (self->title_block != G_MAXUINT)
    {
      const WendaMdChunk *block = &g_array_index (self->doc->blocks, WendaMdChunk, self->title_block);
      gsize len;
      const char *plain = wenda_md_doc_plain (self->doc, block->plain, block->plain_len, &len);

      title = g_strstrip (g_strndup (plain, len));
    }

  if (self->options != NULL && self->options->result != NULL)
    {
      g_free (self->options->result->title);
      self->options->result->title = g_strdup (title);
    }

  if (self->n_items == 0)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                            _("no question could be read: every one has a problem"));
      return NULL;
    }

  return wenda_bank_builder_finish (g_steal_pointer (&self->builder), title != NULL ? title : "");
}

/* The refusal when no question is found, with what might be one */
static void
set_not_found (Reader       *self,
               const Counts *counts,
               GError      **error)
{
  guint level = choose_level (counts, 1);

  if (self->options != NULL && self->options->layout != NULL &&
      self->options->layout->layout != WENDA_LAYOUT_AUTO)
    {
      g_autofree char *layout = wenda_layout_describe (self->layout, self->level);

      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                            _("no question found as %s"), layout);
    }
  else if (level > 0)
    {
      /* A reader of several files takes it only when every heading
       * there is numbered or asks */
      if (self->options != NULL && self->options->result != NULL &&
          counts->score[level] == 2 * counts->n_headings[level])
        self->options->result->suggested_level = level;
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                            _("no question found; the headings at level %u look like questions: choose them?"),
                            level);
    }
  else
    wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                          _("no question found: Wenda reads questions written as numbered headings, "
                            "bold lines, Q:/A: pairs, <details> blocks or a list of questions"));
}

WendaBank *
wenda_layout_read (WendaMdDoc              *doc,
                   const char              *filename,
                   const WendaReadOptions  *options,
                   GError                 **error)
{
  Reader self = { 0, };
  Counts counts;
  WendaBank *bank = NULL;
  guint unclosed;
  WendaReadResult *result = options != NULL ? options->result : NULL;

  self.doc = doc;
  self.filename = filename;
  self.options = options;
  self.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (self.texts); i++)
    self.texts[i] = g_string_sized_new (1024);
  self.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.prefix = options != NULL && options->id_prefix != NULL ? options->id_prefix : "q";
  self.state = STATE_PREAMBLE;

  count_blocks (doc, &counts);

  if (options != NULL && options->layout != NULL && options->layout->layout != WENDA_LAYOUT_AUTO)
    {
      self.layout = options->layout->layout;
      self.level = options->layout->question_level;
      if (self.layout == WENDA_LAYOUT_HEADINGS && (self.level < 1 || self.level > 6))
        self.level = choose_level (&counts, 1);
    }
  else
    self.layout = choose_layout (&counts, &self.level);

  if (result != NULL)
    {
      result->layout = self.layout;
      result->question_level = self.layout == WENDA_LAYOUT_HEADINGS ? self.level : 0;
      for (guint level = 1; level <= 6; level++)
        result->n_headings[level] = counts.n_headings[level];
    }

  if (self.layout == WENDA_LAYOUT_AUTO ||
      (self.layout == WENDA_LAYOUT_HEADINGS && self.level == 0))
    {
      unclosed = check_fences (&self);
      if (unclosed != 0)
        wenda_bank_set_error (error, WENDA_BANK_ERROR_SYNTAX, filename, unclosed, 0,
                              _("this code block is never closed, and no question was found before it"));
      else
        set_not_found (&self, &counts, error);
      goto out;
    }

  self.title_block = find_title (&self);
  unclosed = check_fences (&self);

  /* First the numbers, then the items */
  self.dry = TRUE;
  if (!read_blocks (&self, error))
    goto out;
  self.dry = FALSE;
  self.n_items = 0;
  self.state = STATE_PREAMBLE;
  self.stray_first = 0;
  for (guint level = 0; level <= 6; level++)
    g_clear_object (&self.sections[level]);
  self.builder = wenda_bank_builder_new ();

  if (!read_blocks (&self, error))
    goto out;

  if (self.n_items == 0 && self.n_skipped == 0)
    {
      if (unclosed != 0)
        wenda_bank_set_error (error, WENDA_BANK_ERROR_SYNTAX, filename, unclosed, 0,
                              _("this code block is never closed, and no question was found before it"));
      else
        set_not_found (&self, &counts, error);
      goto out;
    }

  bank = make_bank (&self, error);

out:
  item_reset (&self);
  for (guint level = 0; level <= 6; level++)
    g_clear_object (&self.sections[level]);
  g_clear_pointer (&self.builder, wenda_bank_builder_free);
  g_hash_table_unref (self.labels);
  g_hash_table_unref (self.ids);
  for (guint i = 0; i < G_N_ELEMENTS (self.texts); i++)
    g_string_free (self.texts[i], TRUE);

  return bank;
}

/* }}} */
