/* wenda-markdown.c: read a question bank written in Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The reader works in two layers.
 *
 * The block layer (wenda_markdown_tokenize()) cuts the text into lines (LF,
 * CRLF or a lone CR end a line; a UTF-8 BOM is skipped) and groups them
 * into blocks, each with the line it starts on:
 *
 *   - ATX headings, "#" to "######" then a blank or the end of the line,
 *     with an optional closing run of "#";
 *   - fenced code blocks (``` or ~~~), kept verbatim, fences included;
 *   - thematic breaks (---, ***, ___, blanks allowed between the marks);
 *   - blank lines;
 *   - paragraphs: the other lines, up to a blank line or a line that starts
 *     one of the blocks above.  Each line loses its leading and trailing
 *     blanks (spaces, tabs, U+3000, U+00A0); the lines are joined with '\n'.
 *
 * Leading blanks before "#", a fence or a break are allowed (there are no
 * indented code blocks), and setext headings are not recognised.
 *
 * The bank layer (wenda_markdown_parse()) reads the blocks:
 *
 *   ### Title                         the first other heading before item 1
 *
 *   #### 题目 1：question             a heading starting with 题目, an
 *                                     optional number, a colon (： or :)
 *   **答案：**                         a marker: 答案 or 解析, bold (** or
 *                                     __) or plain, colon inside or after
 *   answer paragraphs...              the bold; or a heading 答案：
 *
 *   #### 解析：**                      the explanation marker, same forms
 *   explanation paragraphs...
 *
 * A backslash before a marker makes the line text ("\\**答案：**" is the
 * text "**答案：**"; one backslash goes), so any text can be written.
 * Text on the marker's line ("**答案：** text") is the first paragraph, and
 * a marker line needs no blank line before it.  Paragraphs between an item
 * heading and its answer marker continue the question.  A heading of a
 * deeper level than the item heading is text of the current section; one
 * at the item's level or above ends the item, and text after it (like text
 * before the first item) is an error.  Paragraphs are joined with "\n\n".
 * A 题目 heading without a number takes the previous number plus one.
 * An item must have an answer (答案); the explanation (解析) is optional.
 *
 * Errors name FILE:LINE (and COLUMN, counted in characters from 1, where it
 * helps) of the first problem found.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-bank-private.h"
#include "wenda-layout-private.h"
#include "wenda-markdown-private.h"
#include "wenda-text-check-private.h"

#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"
#define NO_BREAK_SPACE    "\xC2\xA0"
#define FULLWIDTH_COLON   "\xEF\xBC\x9A"

#define KEYWORD_ITEM        "题目"
#define KEYWORD_ANSWER      "答案"
#define KEYWORD_EXPLANATION "解析"

/* Question numbers stay well inside a JSON integer and a guint. */
#define MAX_NUMBER 999999999u

/* Spans of text {{{ */

typedef struct
{
  const char *start;
  gsize       len;
} Span;

static gboolean
is_ascii_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\n' || c == '\r';
}

/* Leading blanks: ASCII blanks, U+3000 and U+00A0 */
static gsize
blank_prefix (const char *s,
              gsize       len)
{
  gsize i = 0;

  while (i < len)
    {
      if (is_ascii_blank (s[i]))
        i++;
      else if (len - i >= 3 && memcmp (s + i, IDEOGRAPHIC_SPACE, 3) == 0)
        i += 3;
      else if (len - i >= 2 && memcmp (s + i, NO_BREAK_SPACE, 2) == 0)
        i += 2;
      else
        break;
    }

  return i;
}

/* Trailing blanks.  E3 and C2 are lead bytes, so a match at the end is a
 * whole character, never the tail of another one. */
static gsize
blank_suffix (const char *s,
              gsize       len)
{
  gsize n = len;

  while (n > 0)
    {
      if (is_ascii_blank (s[n - 1]))
        n--;
      else if (n >= 3 && memcmp (s + n - 3, IDEOGRAPHIC_SPACE, 3) == 0)
        n -= 3;
      else if (n >= 2 && memcmp (s + n - 2, NO_BREAK_SPACE, 2) == 0)
        n -= 2;
      else
        break;
    }

  return len - n;
}

static Span
span_trim (Span span)
{
  gsize lead = blank_prefix (span.start, span.len);

  span.start += lead;
  span.len -= lead;
  span.len -= blank_suffix (span.start, span.len);

  return span;
}

static gboolean
span_is_blank (Span span)
{
  return blank_prefix (span.start, span.len) == span.len;
}

static gboolean
span_has_prefix (Span        span,
                 const char *prefix)
{
  gsize n = strlen (prefix);

  return span.len >= n && memcmp (span.start, prefix, n) == 0;
}

static gboolean
span_has_suffix (Span        span,
                 const char *suffix)
{
  gsize n = strlen (suffix);

  return span.len >= n && memcmp (span.start + span.len - n, suffix, n) == 0;
}

static gboolean
span_consume (Span       *span,
              const char *prefix)
{
  gsize n = strlen (prefix);

  if (!span_has_prefix (*span, prefix))
    return FALSE;

  span->start += n;
  span->len -= n;
  return TRUE;
}

static void
span_skip_blanks (Span *span)
{
  gsize lead = blank_prefix (span->start, span->len);

  span->start += lead;
  span->len -= lead;
}

/* Bold markers: "**" or "__"; returns the one consumed, or NULL */
static const char *
span_consume_emphasis (Span *span)
{
  if (span_consume (span, "**"))
    return "**";
  if (span_consume (span, "__"))
    return "__";
  return NULL;
}

static gboolean
span_consume_colon (Span *span)
{
  return span_consume (span, FULLWIDTH_COLON) || span_consume (span, ":");
}

/* ASCII spaces and tabs before a block's mark */
static gsize
ascii_indent (Span line)
{
  gsize i = 0;

  while (i < line.len && (line.start[i] == ' ' || line.start[i] == '\t'))
    i++;

  return i;
}

static gsize
count_token (Span        span,
             const char *token)
{
  gsize n = strlen (token);
  gsize count = 0;

  for (gsize i = 0; i + n <= span.len;)
    {
      if (memcmp (span.start + i, token, n) == 0)
        {
          count++;
          i += n;
        }
      else
        {
          i++;
        }
    }

  return count;
}

/* Removes formatting leftovers around an inline text: a "**" with no
 * partner at either end ("解析：**"), or a "**…**" pair that wraps the
 * whole text.  Bold inside the text is kept as written.
 */
static char *
clean_inline (Span span)
{
  gsize count;

  span = span_trim (span);
  count = count_token (span, "**");

  if (count == 2 && span.len >= 4 &&
      span_has_prefix (span, "**") && span_has_suffix (span, "**"))
    {
      span.start += 2;
      span.len -= 4;
    }
  else if (count % 2 == 1)
    {
      if (span_has_suffix (span, "**"))
        span.len -= 2;
      else if (span_has_prefix (span, "**"))
        {
          span.start += 2;
          span.len -= 2;
        }
    }

  span = span_trim (span);

  return g_strndup (span.start, span.len);
}

/* }}} */

/* Block layer {{{ */

static void
wenda_md_block_clear (gpointer data)
{
  WendaMdBlock *block = data;

  g_clear_pointer (&block->text, g_free);
}

static gboolean
parse_atx_heading (Span   line,
                   guint *level,
                   Span  *content)
{
  gsize i = ascii_indent (line);
  guint n = 0;
  Span c;

  while (i < line.len && line.start[i] == '#' && n < 7)
    {
      n++;
      i++;
    }

  if (n == 0 || n > 6)
    return FALSE;
  if (i < line.len && line.start[i] != ' ' && line.start[i] != '\t')
    return FALSE;

  c.start = line.start + i;
  c.len = line.len - i;
  c = span_trim (c);

  /* An optional closing sequence: blanks, then only '#' */
  if (c.len > 0 && c.start[c.len - 1] == '#')
    {
      gsize j = c.len;

      while (j > 0 && c.start[j - 1] == '#')
        j--;

      if (j == 0)
        c.len = 0;
      else if (c.start[j - 1] == ' ' || c.start[j - 1] == '\t')
        {
          c.len = j;
          c = span_trim (c);
        }
    }

  *level = n;
  *content = c;
  return TRUE;
}

static gboolean
is_thematic_break (Span line)
{
  char mark = 0;
  guint count = 0;

  for (gsize i = ascii_indent (line); i < line.len; i++)
    {
      char c = line.start[i];

      if (c == ' ' || c == '\t')
        continue;
      if (c != '-' && c != '*' && c != '_')
        return FALSE;
      if (mark == 0)
        mark = c;
      else if (c != mark)
        return FALSE;
      count++;
    }

  return count >= 3;
}

static gboolean
parse_fence_open (Span   line,
                  char  *fence_char,
                  gsize *fence_len,
                  gsize *indent)
{
  gsize i = ascii_indent (line);
  gsize n = 0;
  char c;

  if (i >= line.len || (line.start[i] != '`' && line.start[i] != '~'))
    return FALSE;

  c = line.start[i];
  while (i + n < line.len && line.start[i + n] == c)
    n++;

  if (n < 3)
    return FALSE;

  /* The info string of a backtick fence cannot hold a backtick */
  if (c == '`' && memchr (line.start + i + n, '`', line.len - i - n) != NULL)
    return FALSE;

  *fence_char = c;
  *fence_len = n;
  *indent = i;
  return TRUE;
}

static gboolean
is_fence_close (Span  line,
                char  fence_char,
                gsize fence_len)
{
  gsize i = ascii_indent (line);
  gsize n = 0;
  Span rest;

  while (i + n < line.len && line.start[i + n] == fence_char)
    n++;

  if (n < fence_len)
    return FALSE;

  rest.start = line.start + i + n;
  rest.len = line.len - i - n;
  return span_is_blank (rest);
}

static void
append_line (GString *str,
             Span     line)
{
  if (str->len > 0)
    g_string_append_c (str, '\n');
  g_string_append_len (str, line.start, line.len);
}

typedef struct
{
  const char *p;
  const char *end;
  const char *newline;   /* the next '\n' at or after p, or end */
  const char *cr;        /* the next '\r' at or after p, or end */
  guint       line;      /* the number of the line last read */
  const char *doc_end;   /* the end of the whole text, for progress */
} LineScanner;

/* Lines end at LF, CRLF or a lone CR, as in split_lines(). */
static Span
line_scanner_next (LineScanner *self)
{
  const char *p = self->p;
  const char *eol;
  const char *cr;
  Span line;

  /* Kept between calls, or a file with CR line ends only would be
   * searched to its end for every line. */
  if (self->newline < p)
    {
      self->newline = memchr (p, '\n', self->end - p);
      if (self->newline == NULL)
        self->newline = self->end;
    }

  /* Likewise: a file with no CR is searched for one once, not once a line */
  if (self->cr < p)
    {
      self->cr = memchr (p, '\r', self->end - p);
      if (self->cr == NULL)
        self->cr = self->end;
    }

  eol = self->newline;
  cr = self->cr;
  if (cr < eol)
    eol = cr;

  line.start = p;
  line.len = eol - p;

  if (eol + 1 < self->end && eol[0] == '\r' && eol[1] == '\n')
    eol++;
  self->p = eol < self->end ? eol + 1 : self->end;
  self->line++;

  return line;
}

/* The lines of text[start, end) that md4c read as no heading or code: a
 * paragraph's lines, blank lines and thematic breaks, as blocks */
static void
tokenize_lines (GArray     *blocks,
                const char *text,
                gsize       start,
                gsize       end,
                guint       line)
{
  LineScanner scanner = { 0, };
  GString *para = NULL;
  WendaMdBlock block = { 0, };

  scanner.p = text + start;
  scanner.end = text + end;
  scanner.line = line - 1;

  while (scanner.p <= scanner.end)
    {
      gboolean at_end = scanner.p == scanner.end;
      Span next = at_end ? (Span) { scanner.p, 0 } : line_scanner_next (&scanner);
      gboolean blank = at_end || span_is_blank (next);
      gboolean rule = !blank && is_thematic_break (next);

      if (para != NULL && (blank || rule))
        {
          block.text = g_string_free (g_steal_pointer (&para), FALSE);
          g_array_append_val (blocks, block);
        }
      if (at_end)
        break;

      if (blank)
        {
          WendaMdBlock *last = blocks->len > 0 ? &g_array_index (blocks, WendaMdBlock, blocks->len - 1) : NULL;

          if (last == NULL || last->kind != WENDA_MD_BLOCK_BLANK)
            {
              WendaMdBlock gap = { WENDA_MD_BLOCK_BLANK, scanner.line, 0, NULL, FALSE };

              g_array_append_val (blocks, gap);
            }
        }
      else if (rule)
        {
          WendaMdBlock brk = { WENDA_MD_BLOCK_BREAK, scanner.line, 0, NULL, FALSE };

          g_array_append_val (blocks, brk);
        }
      else if (para == NULL)
        {
          memset (&block, 0, sizeof block);
          block.kind = WENDA_MD_BLOCK_PARAGRAPH;
          block.line = scanner.line;
          para = g_string_new (NULL);
          append_line (para, span_trim (next));
        }
      else
        append_line (para, span_trim (next));
    }
}

/**
 * wenda_markdown_tokenize:
 * @text: valid UTF-8 with no NUL byte (see wenda_text_validate())
 *
 * The blocks the strict reader reads (reader_run()): md4c's blocks, an
 * ATX heading and a fenced code block each one, the lines of the others
 * grouped into paragraphs between blank lines and thematic breaks.
 *
 * Returns: (transfer full) (element-type WendaMdBlock): the blocks
 */
GArray *
wenda_markdown_tokenize (const char *text,
                         gsize       length)
{
  g_autoptr(WendaMdDoc) doc = NULL;
  GArray *blocks;
  gsize bom;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  blocks = g_array_new (FALSE, TRUE, sizeof (WendaMdBlock));
  g_array_set_clear_func (blocks, wenda_md_block_clear);

  if (length == 0)
    return blocks;

  bom = wenda_text_skip_bom (text, length);
  text += bom;
  length -= bom;
  doc = wenda_md_doc_parse (text, length);

  if (doc->blocks->len > 0)
    tokenize_lines (blocks, text, 0, g_array_index (doc->blocks, WendaMdChunk, 0).start, 1);
  else
    tokenize_lines (blocks, text, 0, length, 1);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *chunk = &g_array_index (doc->blocks, WendaMdChunk, i);
      LineScanner scanner = { 0, };
      WendaMdBlock block = { 0, };
      Span first, content;
      char fence_char;
      gsize fence_len, indent;

      scanner.p = text + chunk->start;
      scanner.end = text + chunk->end;
      scanner.line = chunk->line - 1;
      first = line_scanner_next (&scanner);
      block.line = chunk->line;

      if (chunk->kind == WENDA_MD_CHUNK_HEADING && parse_atx_heading (first, &block.level, &content))
        {
          block.kind = WENDA_MD_BLOCK_HEADING;
          block.text = g_strndup (content.start, content.len);
          g_array_append_val (blocks, block);
        }
      else if (chunk->kind == WENDA_MD_CHUNK_CODE && chunk->fenced &&
               parse_fence_open (first, &fence_char, &fence_len, &indent))
        {
          GString *code = g_string_new (NULL);

          block.kind = WENDA_MD_BLOCK_CODE;
          block.unclosed = TRUE;
          append_line (code, span_trim ((Span) { first.start + indent, first.len - indent }));

          while (scanner.p < scanner.end)
            {
              Span inner = line_scanner_next (&scanner);
              gsize strip = 0;

              if (is_fence_close (inner, fence_char, fence_len))
                {
                  append_line (code, span_trim (inner));
                  block.unclosed = FALSE;
                  break;
                }

              /* Content lines lose the fence's indentation, no more */
              while (strip < indent && strip < inner.len &&
                     (inner.start[strip] == ' ' || inner.start[strip] == '\t'))
                strip++;
              g_string_append_c (code, '\n');
              g_string_append_len (code, inner.start + strip, inner.len - strip);
            }

          block.text = g_string_free (code, FALSE);
          g_array_append_val (blocks, block);
        }
      else
        {
          tokenize_lines (blocks, text, chunk->start, chunk->end, chunk->line);
          continue;
        }

      /* What follows the heading or the code in the block: blank lines */
      tokenize_lines (blocks, text, scanner.p - text, chunk->end, scanner.line + 1);
    }

  return blocks;
}

/* }}} */


/* Bank layer {{{ */

/* The bank layer reads the lines in one pass, grouping them into the same
 * blocks as wenda_markdown_tokenize() but without building them: a
 * 100,000-question file would otherwise make a million small strings
 * that are thrown away at once.  Lines of a paragraph go straight to the
 * reader.
 *
 * In lenient mode (wenda_markdown_read() with a problem function) an
 * error does not stop the reading.  The lines it concerns are skipped and
 * reported, and reading goes on after them:
 *
 *   - a problem in a question (no answer, an empty answer, a second
 *     answer or explanation, an unclosed code block) skips the whole
 *     question, from its heading to its last line;
 *   - a bad question heading (number 0 or too large, a number already
 *     used, no question text) skips that question;
 *   - text before the first question or after a heading that ended one
 *     is skipped up to the next heading;
 *
 * and a skipped question ends where a question would: at the next 题目
 * heading, or at a heading of its level or above.  A skipped question's
 * number stays free for a later question, and an unnumbered question
 * after it still counts from it, so fixing one question never renumbers
 * the others.
 */

typedef enum
{
  SECTION_NONE,          /* before the first item */
  SECTION_QUESTION,      /* after an item heading */
  SECTION_ANSWER,
  SECTION_EXPLANATION,
  SECTION_OUTSIDE,       /* after a heading that ended an item */
} Section;

typedef enum
{
  MARKER_ANSWER,
  MARKER_EXPLANATION,
} MarkerKind;

/* Lines between two progress and cancellation checks */
#define TICK_LINES 4096

typedef struct
{
  const char              *filename;
  const WendaReadOptions *options;
  char                    *title;
  WendaBankBuilder        *items;
  GHashTable              *numbers;          /* number → line of its heading */
  Section                  section;
  guint                    last_number;      /* 0: none yet */

  /* The item being read */
  guint                    number;
  guint                    line;
  guint                    level;
  guint                    answer_line;      /* 0: no answer marker yet */
  guint                    explanation_line; /* 0: no explanation marker yet */
  GString                 *question;
  GString                 *answer;
  GString                 *explanation;

  /* The paragraph being read: its text since the last marker */
  gboolean                 in_paragraph;
  guint                    pending_line;
  GString                 *pending;
  GString                 *id;               /* the id of the item read */

  /* The last error, for lenient reading */
  guint                    error_line;
  char                    *error_text;

  /* Lenient reading: the lines being skipped */
  guint                    last_line;        /* the last non-blank line read */
  gboolean                 skipping;
  guint                    skip_line;        /* where the problem is */
  guint                    skip_first;
  guint                    skip_level;       /* 0: text outside any item */
  char                    *skip_message;
  guint                    n_problems;
} Reader;

static void
reader_clear (Reader *self)
{
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->items, wenda_bank_builder_free);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->error_text, g_free);
  g_clear_pointer (&self->skip_message, g_free);
  if (self->question != NULL)
    g_string_free (g_steal_pointer (&self->question), TRUE);
  if (self->answer != NULL)
    g_string_free (g_steal_pointer (&self->answer), TRUE);
  if (self->explanation != NULL)
    g_string_free (g_steal_pointer (&self->explanation), TRUE);
  if (self->pending != NULL)
    g_string_free (g_steal_pointer (&self->pending), TRUE);
  if (self->id != NULL)
    g_string_free (g_steal_pointer (&self->id), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static gboolean
reader_lenient (Reader *self)
{
  return self->options != NULL && self->options->problem != NULL;
}

/* Sets @error and keeps the message without its "FILE:LINE:" for the
 * lenient reader's report.  Returns FALSE. */
G_GNUC_PRINTF (5, 6)
static gboolean
reader_fail (Reader          *self,
             GError         **error,
             WendaBankError   code,
             guint            line,
             const char      *format,
             ...)
{
  va_list args;

  g_free (self->error_text);
  va_start (args, format);
  self->error_text = g_strdup_vprintf (format, args);
  va_end (args);
  self->error_line = line;

  wenda_bank_set_error (error, code, self->filename, line, 0, "%s", self->error_text);

  return FALSE;
}

static void
append_paragraph (GString    *str,
                  const char *text,
                  gsize       len)
{
  Span span = span_trim ((Span) { text, len });

  if (span.len == 0)
    return;
  if (str->len > 0)
    g_string_append (str, "\n\n");
  g_string_append_len (str, span.start, span.len);
}

/* "题目 12：question", "**题目12:** question", "题目：question", "题目 3".
 * Returns FALSE when the text is not an item heading.
 */
static gboolean
parse_item_heading (Span       text,
                    gboolean  *has_number,
                    guint64   *number,
                    Span      *question)
{
  Span p = text;
  const char *open;
  gboolean closed = FALSE;

  span_skip_blanks (&p);
  open = span_consume_emphasis (&p);
  span_skip_blanks (&p);

  if (!span_consume (&p, KEYWORD_ITEM))
    return FALSE;

  span_skip_blanks (&p);

  *has_number = FALSE;
  *number = 0;

  for (;;)
    {
      guint digit;

      if (p.len >= 1 && p.start[0] >= '0' && p.start[0] <= '9')
        {
          digit = p.start[0] - '0';
          p.start += 1;
          p.len -= 1;
        }
      else if (p.len >= 3 && (guchar)p.start[0] == 0xEF && (guchar)p.start[1] == 0xBC &&
               (guchar)p.start[2] >= 0x90 && (guchar)p.start[2] <= 0x99)
        {
          /* Full-width digits ０-９ */
          digit = (guchar)p.start[2] - 0x90;
          p.start += 3;
          p.len -= 3;
        }
      else
        break;

      *has_number = TRUE;
      /* Saturate: anything this large is refused later */
      if (*number <= G_MAXUINT32)
        *number = *number * 10 + digit;
    }

  span_skip_blanks (&p);
  if (open != NULL && span_consume (&p, open))
    {
      closed = TRUE;
      span_skip_blanks (&p);
    }

  if (!span_consume_colon (&p))
    {
      /* "题目 3" with nothing after it is an item with no question; any
       * other text ("题目类型") makes an ordinary heading. */
      if (p.len > 0)
        return FALSE;
    }

  span_skip_blanks (&p);
  if (open != NULL && !closed)
    span_consume (&p, open);   /* "**题目 1：**question" */

  *question = p;
  return TRUE;
}

/* The section markers, on one line: "**答案：**", "**答案**：", "__解析:__",
 * "答案：", "解析：**" (a stray bold mark), or the bare word.  @rest gets
 * what follows the marker on the line.
 */
static gboolean
parse_marker (Span        text,
              MarkerKind *kind,
              Span       *rest)
{
  Span p = text;
  const char *open;
  gboolean closed = FALSE;
  gboolean colon;

  span_skip_blanks (&p);
  open = span_consume_emphasis (&p);
  span_skip_blanks (&p);

  if (span_consume (&p, KEYWORD_ANSWER))
    *kind = MARKER_ANSWER;
  else if (span_consume (&p, KEYWORD_EXPLANATION))
    *kind = MARKER_EXPLANATION;
  else
    return FALSE;

  span_skip_blanks (&p);
  if (open != NULL && span_consume (&p, open))
    {
      closed = TRUE;
      span_skip_blanks (&p);
    }

  colon = span_consume_colon (&p);
  span_skip_blanks (&p);

  if (open != NULL && !closed && span_consume (&p, open))
    {
      closed = TRUE;
      span_skip_blanks (&p);
    }
  else if (open == NULL && colon && (span_has_prefix (p, "**") || span_has_prefix (p, "__")))
    {
      /* A stray closing mark with nothing after it, "解析：**"; with text
       * after it, it opens bold text ("答案：**三** 是…") and stays. */
      Span after = { p.start + 2, p.len - 2 };

      if (span_is_blank (after))
        p = after;
    }

  if (open != NULL && !closed)
    return FALSE;

  /* Without a colon, only the word alone is a marker */
  if (!colon && p.len > 0)
    return FALSE;

  *rest = p;
  return TRUE;
}

static const char *
marker_name (MarkerKind kind)
{
  return kind == MARKER_ANSWER ? KEYWORD_ANSWER : KEYWORD_EXPLANATION;
}

static gboolean
reader_in_item (Reader *self)
{
  return self->section == SECTION_QUESTION ||
         self->section == SECTION_ANSWER ||
         self->section == SECTION_EXPLANATION;
}

/* "PREFIX-NNN" (at least three digits) or "qN", as
 * g_strdup_printf ("%s-%03u") would write it, without parsing a format
 * for each of 100,000s of items. */
static void
format_item_id (GString    *out,
                const char *prefix,
                guint       number)
{
  char digits[16];
  gsize n = 0;

  do
    {
      digits[n++] = '0' + number % 10;
      number /= 10;
    }
  while (number > 0);

  g_string_truncate (out, 0);
  if (prefix != NULL)
    {
      g_string_append (out, prefix);
      g_string_append_c (out, '-');
      for (gsize i = n; i < 3; i++)
        g_string_append_c (out, '0');
    }
  else
    {
      g_string_append_c (out, 'q');
    }

  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

static gboolean
reader_finish_item (Reader  *self,
                    GError **error)
{
  Span question, answer, explanation;
  WendaPackedItem packed;

  if (!reader_in_item (self))
    return TRUE;

  if (self->answer_line == 0)
    return reader_fail (self, error, WENDA_BANK_ERROR_MISSING_FIELD, self->line,
                        _("question %u has no answer: add a line “**%s：**” and the answer"),
                        self->number, KEYWORD_ANSWER);

  answer = span_trim ((Span) { self->answer->str, self->answer->len });
  if (answer.len == 0)
    return reader_fail (self, error, WENDA_BANK_ERROR_MISSING_FIELD, self->answer_line,
                        _("the answer to question %u is empty"),
                        self->number);

  /* Fields keep their words as written; only the blanks around go */
  question = span_trim ((Span) { self->question->str, self->question->len });
  explanation = span_trim ((Span) { self->explanation->str, self->explanation->len });
  format_item_id (self->id, self->options != NULL ? self->options->id_prefix : NULL, self->number);
  wenda_packed_item_init (&packed, self->number, self->id->str, self->id->len,
                          question.start, question.len,
                          answer.start, answer.len,
                          explanation.start, explanation.len);
  wenda_bank_builder_add_packed (self->items, &packed);

  g_string_truncate (self->question, 0);
  g_string_truncate (self->answer, 0);
  g_string_truncate (self->explanation, 0);
  self->answer_line = 0;
  self->explanation_line = 0;
  self->section = SECTION_OUTSIDE;

  return TRUE;
}

/* Drops the item being read (lenient reading), and frees its number for
 * a later item. */
static void
reader_discard_item (Reader *self)
{
  g_assert (reader_in_item (self));

  g_hash_table_remove (self->numbers, GUINT_TO_POINTER (self->number));
  g_string_truncate (self->question, 0);
  g_string_truncate (self->answer, 0);
  g_string_truncate (self->explanation, 0);
  self->answer_line = 0;
  self->explanation_line = 0;
  self->section = SECTION_OUTSIDE;
}

static gboolean
reader_start_item (Reader   *self,
                   guint     line,
                   guint     level,
                   gboolean  has_number,
                   guint64   number,
                   Span      question,
                   GError  **error)
{
  g_autofree char *text = NULL;
  gpointer first_line;

  if (!reader_finish_item (self, error))
    return FALSE;

  if (!has_number)
    number = (guint64)self->last_number + 1;

  if (number == 0)
    return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                        _("question numbers start at 1"));

  if (number > MAX_NUMBER)
    return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                        _("question number too large (at most %u)"),
                        MAX_NUMBER);

  /* Even when this question turns out bad (lenient reading), the next
   * unnumbered one follows it, as the author counted. */
  self->last_number = number;

  if (g_hash_table_lookup_extended (self->numbers, GUINT_TO_POINTER ((guint)number),
                                    NULL, &first_line))
    return reader_fail (self, error, WENDA_BANK_ERROR_DUPLICATE, line,
                        _("question number %u is used twice: on line %u and on line %u"),
                        (guint)number, GPOINTER_TO_UINT (first_line), line);

  text = clean_inline (question);
  if (text[0] == '\0')
    return reader_fail (self, error, WENDA_BANK_ERROR_MISSING_FIELD, line,
                        _("question %u has no text after “%s %u：”"),
                        (guint)number, KEYWORD_ITEM, (guint)number);

  g_hash_table_insert (self->numbers,
                       GUINT_TO_POINTER ((guint)number),
                       GUINT_TO_POINTER (line));

  self->number = number;
  self->line = line;
  self->level = level;
  self->section = SECTION_QUESTION;
  g_string_assign (self->question, text);

  return TRUE;
}

static gboolean
reader_add_text (Reader      *self,
                 guint        line,
                 const char  *text,
                 gsize        len,
                 GError     **error)
{
  switch (self->section)
    {
    case SECTION_NONE:
      return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                          _("text before the first question: a question starts with a heading “#### %s 1：…”"),
                          KEYWORD_ITEM);

    case SECTION_OUTSIDE:
      return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                          _("text outside any question (after a heading that is not “%s”)"),
                          KEYWORD_ITEM);

    case SECTION_QUESTION:
      append_paragraph (self->question, text, len);
      return TRUE;

    case SECTION_ANSWER:
      append_paragraph (self->answer, text, len);
      return TRUE;

    case SECTION_EXPLANATION:
      append_paragraph (self->explanation, text, len);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

/* Starts the answer or explanation section at @line */
static gboolean
reader_add_marker (Reader      *self,
                   guint        line,
                   MarkerKind   kind,
                   GError     **error)
{
  guint *marker_line;

  if (!reader_in_item (self))
    return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                        _("“%s” outside a question: it must follow a heading “#### %s N：…”"),
                        marker_name (kind), KEYWORD_ITEM);

  marker_line = kind == MARKER_ANSWER ? &self->answer_line : &self->explanation_line;
  if (*marker_line != 0)
    return reader_fail (self, error, WENDA_BANK_ERROR_STRUCTURE, line,
                        _("question %u has a second “%s” section (the first is on line %u)"),
                        self->number, marker_name (kind), *marker_line);

  *marker_line = line;
  self->section = kind == MARKER_ANSWER ? SECTION_ANSWER : SECTION_EXPLANATION;

  return TRUE;
}

static gboolean
reader_add_heading (Reader      *self,
                    guint        line,
                    guint        level,
                    Span         text,
                    GError     **error)
{
  gboolean has_number;
  guint64 number;
  Span rest;
  MarkerKind kind;

  if (parse_item_heading (text, &has_number, &number, &rest))
    return reader_start_item (self, line, level, has_number, number, rest, error);

  if (parse_marker (text, &kind, &rest))
    return reader_add_marker (self, line, kind, error) &&
           reader_add_text (self, line, rest.start, rest.len, error);

  switch (self->section)
    {
    case SECTION_NONE:
      if (self->title == NULL)
        {
          g_autofree char *title = clean_inline (text);

          if (title[0] != '\0')
            self->title = g_steal_pointer (&title);
        }
      return TRUE;

    case SECTION_OUTSIDE:
      return TRUE;

    case SECTION_QUESTION:
    case SECTION_ANSWER:
    case SECTION_EXPLANATION:
      /* A sub-heading belongs to the section; a heading at the item's
       * level or above starts a new part of the document. */
      if (level > self->level)
        return reader_add_text (self, line, text.start, text.len, error);
      return reader_finish_item (self, error);

    default:
      g_assert_not_reached ();
    }
}

/* Whether @line, @kept without its blanks, is a list item indented with
 * spaces only: "   - b", "  2. c", "    * [x] d" */
static gboolean
is_indented_list_item (Span line,
                       Span kept)
{
  gsize i = 0;

  for (const char *p = line.start; p < kept.start; p++)
    if (*p != ' ')
      return FALSE;

  if (kept.len >= 2 && (kept.start[0] == '-' || kept.start[0] == '*' || kept.start[0] == '+') &&
      kept.start[1] == ' ')
    return TRUE;

  while (i < kept.len && i < 9 && g_ascii_isdigit (kept.start[i]))
    i++;
  return i > 0 && i + 1 < kept.len && (kept.start[i] == '.' || kept.start[i] == ')') &&
         kept.start[i + 1] == ' ';
}

/* One line of a paragraph, trimmed (a later line keeps its indentation).
 * A marker line may come inside a
 * paragraph, with no blank line before it ("答案：…" right under the
 * heading), so each line is checked.  The text after a marker on its line
 * starts the section's first paragraph.
 */
static gboolean
reader_paragraph_line (Reader  *self,
                       guint    line,
                       Span     span,
                       GError **error)
{
  MarkerKind kind;
  Span rest;

  gboolean escaped = FALSE;

  if (!self->in_paragraph)
    {
      self->in_paragraph = TRUE;
      self->pending_line = line;
      g_string_truncate (self->pending, 0);
    }

  /* A line may keep its indentation (a later line of a paragraph); a
   * marker is read without it */
  if (span.len > 0 && (span.start[0] == ' ' || span.start[0] == '\t'))
    {
      Span trimmed = span_trim (span);

      if ((trimmed.len > 0 && trimmed.start[0] == '\\') || parse_marker (trimmed, &kind, &rest))
        span = trimmed;
    }

  /* "\**答案：**" is the text "**答案：**": a backslash before what would
   * be a marker makes the line text, and one backslash goes.  (The
   * exporter writes this, so any text survives a round trip.) */
  if (span.len > 0 && span.start[0] == '\\')
    {
      Span after = span;

      while (after.len > 0 && after.start[0] == '\\')
        {
          after.start++;
          after.len--;
        }
      if (parse_marker (after, &kind, &rest))
        {
          span.start++;
          span.len--;
          escaped = TRUE;
        }
    }

  if (!escaped && parse_marker (span, &kind, &rest))
    {
      if (self->pending->len > 0 &&
          !reader_add_text (self, self->pending_line, self->pending->str, self->pending->len, error))
        return FALSE;

      g_string_truncate (self->pending, 0);

      if (!reader_add_marker (self, line, kind, error))
        return FALSE;

      g_string_append_len (self->pending, rest.start, rest.len);
      self->pending_line = line;
    }
  else
    {
      if (self->pending->len == 0)
        self->pending_line = line;
      else
        g_string_append_c (self->pending, '\n');
      g_string_append_len (self->pending, span.start, span.len);
    }

  return TRUE;
}

static gboolean
reader_paragraph_end (Reader  *self,
                      GError **error)
{
  gboolean ok = TRUE;

  if (!self->in_paragraph)
    return TRUE;

  self->in_paragraph = FALSE;
  if (self->pending->len > 0)
    ok = reader_add_text (self, self->pending_line, self->pending->str, self->pending->len, error);
  g_string_truncate (self->pending, 0);

  return ok;
}

/* Lenient reading {{{ */

typedef enum
{
  HEADING_PLAIN,
  HEADING_ITEM,
  HEADING_MARKER,
} HeadingKind;

static HeadingKind
heading_kind (Span text)
{
  gboolean has_number;
  guint64 number;
  MarkerKind kind;
  Span rest;

  if (parse_item_heading (text, &has_number, &number, &rest))
    return HEADING_ITEM;
  if (parse_marker (text, &kind, &rest))
    return HEADING_MARKER;
  return HEADING_PLAIN;
}

static void
reader_report (Reader     *self,
               guint       line,
               guint       first_line,
               guint       last_line,
               const char *message)
{
  self->n_problems++;
  self->options->problem (line, first_line, MAX (first_line, last_line), message,
                          self->options->user_data);
}

/* After a reader function failed with @local: in strict reading, fails
 * with it.  In lenient reading, drops the item being read (if any) and
 * starts skipping lines, from the item's heading, or from @heading_line
 * (the heading of an item that could not start, of level @heading_level),
 * or from the line of the error. */
static gboolean
reader_recover (Reader  *self,
                guint    heading_line,
                guint    heading_level,
                GError **local,
                GError **error)
{
  if (!reader_lenient (self))
    {
      g_propagate_error (error, g_steal_pointer (local));
      return FALSE;
    }

  g_clear_error (local);
  g_assert (!self->skipping);

  if (reader_in_item (self))
    {
      self->skip_first = self->line;
      self->skip_level = self->level;
      reader_discard_item (self);
    }
  else if (heading_line > 0)
    {
      self->skip_first = heading_line;
      self->skip_level = heading_level;
    }
  else
    {
      self->skip_first = self->error_line;
      self->skip_level = 0;
    }

  self->skipping = TRUE;
  self->skip_line = self->error_line;
  g_free (self->skip_message);
  self->skip_message = g_steal_pointer (&self->error_text);
  g_string_truncate (self->pending, 0);

  return TRUE;
}

static void
reader_end_skip (Reader *self)
{
  g_assert (self->skipping);

  reader_report (self, self->skip_line, self->skip_first, self->last_line, self->skip_message);
  g_clear_pointer (&self->skip_message, g_free);
  self->skipping = FALSE;
}

/* The item being read ends here (lenient reading): keep it, or report why
 * not and drop it. */
static void
reader_end_item (Reader *self)
{
  g_autoptr(GError) local = NULL;

  if (!reader_in_item (self) || reader_finish_item (self, &local))
    return;

  reader_report (self, self->error_line, self->line, self->last_line, self->error_text);
  reader_discard_item (self);
}

/* }}} */

static gboolean
reader_heading (Reader   *self,
                guint     line,
                guint     level,
                Span      text,
                GError  **error)
{
  g_autoptr(GError) local = NULL;
  HeadingKind kind = HEADING_PLAIN;

  if (reader_lenient (self))
    {
      kind = heading_kind (text);

      if (self->skipping)
        {
          /* A skipped item ends where an item would; skipped text outside
           * items ends at any heading but a marker. */
          if (kind == HEADING_ITEM ||
              (kind == HEADING_PLAIN && (self->skip_level == 0 || level <= self->skip_level)))
            reader_end_skip (self);
          else
            {
              self->last_line = line;
              return TRUE;
            }
        }

      /* Finishing the item here, not inside reader_add_heading(), tells
       * its problems apart from those of the heading. */
      if (reader_in_item (self) &&
          (kind == HEADING_ITEM || (kind == HEADING_PLAIN && level <= self->level)))
        reader_end_item (self);
    }

  self->last_line = line;

  if (reader_add_heading (self, line, level, text, &local))
    return TRUE;

  return reader_recover (self, kind == HEADING_ITEM ? line : 0, level, &local, error);
}

static gboolean
reader_tick (Reader       *self,
             LineScanner  *scanner,
             const char   *text,
             GError      **error)
{
  const WendaReadOptions *options = self->options;

  if (options == NULL || scanner->line % TICK_LINES != 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;

  if (options->progress != NULL)
    options->progress ((double)(scanner->p - text) / (double)MAX (scanner->doc_end - text, 1),
                       options->user_data);

  return TRUE;
}

/* A fenced code block, from its opening line @open; the scanner is left
 * after its closing line, or at the end. */
static gboolean
reader_code_block (Reader       *self,
                   LineScanner  *scanner,
                   const char   *text,
                   Span          open,
                   char          fence_char,
                   gsize         fence_len,
                   gsize         indent,
                   GError      **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GString) code = g_string_new (NULL);
  guint first_line = scanner->line;
  gboolean closed = FALSE;
  gboolean ok;

  self->last_line = first_line;
  open.start += indent;
  open.len -= indent;
  append_line (code, span_trim (open));

  while (scanner->p < scanner->end)
    {
      Span inner = line_scanner_next (scanner);
      gsize strip = 0;

      if (!reader_tick (self, scanner, text, error))
        return FALSE;

      if (!span_is_blank (inner))
        self->last_line = scanner->line;

      if (is_fence_close (inner, fence_char, fence_len))
        {
          append_line (code, span_trim (inner));
          closed = TRUE;
          break;
        }

      /* Content lines lose the fence's indentation, no more */
      while (strip < indent && strip < inner.len &&
             (inner.start[strip] == ' ' || inner.start[strip] == '\t'))
        strip++;

      g_string_append_c (code, '\n');
      g_string_append_len (code, inner.start + strip, inner.len - strip);
    }

  if (self->skipping)
    return TRUE;

  if (!closed)
    /* Otherwise the rest of the file, questions and all, would silently
     * become code. */
    ok = reader_fail (self, &local, WENDA_BANK_ERROR_SYNTAX, first_line,
                      _("this code block is never closed"));
  else
    ok = reader_add_text (self, first_line, code->str, code->len, &local);

  return ok || reader_recover (self, 0, 0, &local, error);
}

static gboolean
reader_end_paragraph (Reader  *self,
                      GError **error)
{
  g_autoptr(GError) local = NULL;

  return reader_paragraph_end (self, &local) ||
         reader_recover (self, 0, 0, &local, error);
}

/* Lines of text in a block md4c read as no heading or code: blank lines
 * end a paragraph, as thematic breaks do; the others are its lines. */
static gboolean
reader_lines (Reader       *self,
              LineScanner  *scanner,
              const char   *text,
              GError      **error)
{
  while (scanner->p < scanner->end)
    {
      g_autoptr(GError) local = NULL;
      Span line = line_scanner_next (scanner);

      if (!reader_tick (self, scanner, text, error))
        return FALSE;

      if (span_is_blank (line))
        {
          if (!reader_end_paragraph (self, error))
            return FALSE;
        }
      else if (is_thematic_break (line))
        {
          if (!reader_end_paragraph (self, error))
            return FALSE;
          self->last_line = scanner->line;
        }
      else
        {
          Span kept = span_trim (line);

          self->last_line = scanner->line;
          if (self->skipping)
            continue;

          /* A list item on a later line of a paragraph keeps its
           * indentation (spaces), which nests it in the item above it
           * ("1. a" then "   - b") */
          if (self->in_paragraph && self->pending->len > 0 && kept.start > line.start &&
              is_indented_list_item (line, kept))
            kept = (Span) { line.start, kept.start + kept.len - line.start };
          if (!reader_paragraph_line (self, scanner->line, kept, &local) &&
              !reader_recover (self, 0, 0, &local, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* A scanner over text[start, end), whose first line is @line */
static LineScanner
block_scanner (const char *text,
               gsize       length,
               gsize       start,
               gsize       end,
               guint       line)
{
  LineScanner scanner = { 0, };

  scanner.p = text + start;
  scanner.end = text + end;
  scanner.line = line - 1;
  scanner.doc_end = text + length;

  return scanner;
}

/* Reads the blocks md4c found in @doc (valid UTF-8, no NUL): an ATX
 * heading or a fenced code block is one, the lines of any other block
 * are read as lines of text, as the bank layer always has. */
static WendaBank *
reader_run (Reader      *self,
            WendaMdDoc  *doc,
            GError     **error)
{
  const char *text = doc->text;
  gsize length = doc->length;
  gsize bom = wenda_text_skip_bom (text, length);
  LineScanner scanner;

  /* Blank lines before the first block */
  if (doc->blocks->len > 0)
    {
      const WendaMdChunk *first = &g_array_index (doc->blocks, WendaMdChunk, 0);

      scanner = block_scanner (text, length, bom, MAX (first->start, bom), 1);
      if (!reader_lines (self, &scanner, text, error))
        return NULL;
    }

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      gsize start = MAX (block->start, bom);
      guint level;
      Span first, content;
      char fence_char;
      gsize fence_len, indent;

      scanner = block_scanner (text, length, start, block->end, block->line);
      first = line_scanner_next (&scanner);

      if (block->kind == WENDA_MD_CHUNK_HEADING && parse_atx_heading (first, &level, &content))
        {
          if (!reader_tick (self, &scanner, text, error) ||
              !reader_end_paragraph (self, error) ||
              !reader_heading (self, scanner.line, level, content, error))
            return NULL;
        }
      else if (block->kind == WENDA_MD_CHUNK_CODE && block->fenced &&
               parse_fence_open (first, &fence_char, &fence_len, &indent))
        {
          if (!reader_tick (self, &scanner, text, error) ||
              !reader_end_paragraph (self, error) ||
              !reader_code_block (self, &scanner, text, first, fence_char, fence_len, indent, error))
            return NULL;
        }
      else
        scanner = block_scanner (text, length, start, block->end, block->line);

      if (!reader_lines (self, &scanner, text, error))
        return NULL;
    }

  if (!reader_end_paragraph (self, error))
    return NULL;

  if (self->skipping)
    reader_end_skip (self);
  else if (reader_lenient (self))
    reader_end_item (self);
  else if (!reader_finish_item (self, error))
    return NULL;

  if (wenda_bank_builder_get_n_items (self->items) == 0)
    {
      if (self->n_problems > 0)
        wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                              _("no question could be read: every one has a problem"));
      else
        wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                              _("no questions found: a question starts with a heading “#### %s 1：…”"),
                              KEYWORD_ITEM);
      return NULL;
    }

  return wenda_bank_builder_finish (g_steal_pointer (&self->items), self->title);
}

/**
 * wenda_markdown_read:
 * @text: the Markdown document: valid UTF-8 with no NUL byte (see
 *   wenda_text_validate()); a BOM is skipped
 * @filename: (nullable): the name used in error messages ("<input>")
 * @options: (nullable): ids, cancellation, progress and lenient reading
 *
 * Reads a question bank written in Markdown; see the top of this file for
 * the format.  With no @options it is wenda_markdown_parse() without the
 * checks of the bytes.  With a problem function, the reading is lenient
 * (see "Bank layer"): it fails only when no item can be read, or when
 * cancelled (%G_IO_ERROR_CANCELLED).
 *
 * Returns: (transfer full): the bank, or %NULL with @error set
 */
WendaBank *
wenda_markdown_read (const char                *text,
                     gsize                      length,
                     const char                *filename,
                     const WendaReadOptions  *options,
                     GError                   **error)
{
  g_auto(Reader) reader = { 0, };
  g_autoptr(WendaMdDoc) doc = NULL;
  WendaLayout layout = WENDA_LAYOUT_AUTO;
  WendaReadResult *result = options != NULL ? options->result : NULL;
  gsize bom;
  WendaBank *bank;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  bom = wenda_text_skip_bom (text, length);
  doc = wenda_md_doc_parse (text + bom, length - bom);
  filename = filename != NULL ? filename : "<input>";

  if (options != NULL && options->layout != NULL)
    layout = options->layout->layout;

  if (layout != WENDA_LAYOUT_SEED &&
      (layout != WENDA_LAYOUT_AUTO || !wenda_layout_is_seed (doc)))
    return wenda_layout_read (doc, filename, options, error);

  reader.filename = filename;
  reader.options = options;
  reader.items = wenda_bank_builder_new ();
  reader.numbers = g_hash_table_new (NULL, NULL);
  reader.question = g_string_new (NULL);
  reader.answer = g_string_new (NULL);
  reader.explanation = g_string_new (NULL);
  reader.pending = g_string_new (NULL);
  reader.id = g_string_new (NULL);

  bank = reader_run (&reader, doc, error);

  if (result != NULL)
    {
      result->layout = WENDA_LAYOUT_SEED;
      result->question_level = 0;
      wenda_layout_count_headings (doc, result->n_headings);
      g_free (result->title);
      result->title = g_strdup (reader.title);
    }

  return bank;
}

/* Whether @doc is in the bundled bank's layout: questions are headings
 * "题目 N：", and no other heading of their level has text under it. */
gboolean
wenda_layout_is_seed (WendaMdDoc *doc)
{
  guint item_levels = 0;
  guint n_items = 0;

  for (guint pass = 0; pass < 2 && (pass == 0 || n_items > 0); pass++)
    for (guint i = 0; i < doc->blocks->len; i++)
      {
        const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
        const char *p = doc->text + block->start;
        const char *e = doc->text + block->head_end;
        Span line = { p, 0 };
        guint level;
        Span content;
        HeadingKind kind;

        if (block->kind != WENDA_MD_CHUNK_HEADING)
          continue;
        while (line.start + line.len < e && line.start[line.len] != '\n' && line.start[line.len] != '\r')
          line.len++;
        /* Most headings are told apart by a look for the keyword */
        if (pass == 0 && g_strstr_len (line.start, line.len, KEYWORD_ITEM) == NULL)
          continue;
        if (!parse_atx_heading (line, &level, &content))
          continue;

        kind = heading_kind (content);
        if (pass == 0 && kind == HEADING_ITEM)
          {
            item_levels |= 1u << level;
            n_items++;
          }
        else if (pass == 1 && kind == HEADING_PLAIN && (item_levels & (1u << level)) &&
                 i + 1 < doc->blocks->len &&
                 g_array_index (doc->blocks, WendaMdChunk, i + 1).kind != WENDA_MD_CHUNK_HEADING)
          return FALSE;
      }

  return n_items > 0;
}

/**
 * wenda_markdown_parse:
 * @text: the Markdown document
 * @length: its length in bytes, or -1 if it is NUL-terminated
 * @filename: (nullable): the name used in error messages ("<input>")
 *
 * Reads a question bank written in Markdown; see the top of this file for
 * the format.  Item ids are "q" and the number ("q12").
 *
 * Returns: (transfer full): the bank, or %NULL with @error set in the
 *   %WENDA_BANK_ERROR domain, its message starting with "FILE:LINE:"
 */
WendaBank *
wenda_markdown_parse (const char  *text,
                      gssize       length,
                      const char  *filename,
                      GError     **error)
{
  gsize len;
  gsize bom;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = "<input>";
  if (text == NULL)
    text = "";

  len = length < 0 ? strlen (text) : (gsize)length;
  bom = len > 0 ? wenda_text_skip_bom (text, len) : 0;

  if (!wenda_text_validate (text + bom, len - bom, filename, TRUE, error))
    return NULL;

  return wenda_markdown_read (text, len, filename, NULL, error);
}

/* }}} */
