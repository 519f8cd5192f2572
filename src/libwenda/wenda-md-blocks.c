/* wenda-md-blocks.c: a Markdown document cut into its top-level blocks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* md4c (https://github.com/mity/md4c) parses the Markdown; this file only
 * listens.  md4c reports no source positions, but the text it passes to
 * its callbacks points into the input, so a block's first text gives its
 * line.  A block starts at the start of the line of its first text (a
 * fenced code block one line before: its opening fence) and ends where
 * the next one starts.
 *
 * Only top-level blocks are kept, with the plain text of headings and
 * paragraphs (what the layout detector looks at) and the items of
 * top-level lists (the questions of a question list).  Everything else
 * is left as source: the readers keep each question's Markdown as it is
 * written.
 */

#include "config.h"

#include <string.h>

#include <md4c.h>

#include "wenda-md-blocks-private.h"

/* Offsets and lines {{{ */

gsize
wenda_md_line_start (const char *text,
                     gsize       offset)
{
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r')
    offset--;

  return offset;
}

gsize
wenda_md_line_end (const char *text,
                   gsize       length,
                   gsize       offset)
{
  while (offset < length && text[offset] != '\n' && text[offset] != '\r')
    offset++;

  if (offset < length && text[offset] == '\r')
    {
      offset++;
      if (offset < length && text[offset] == '\n')
        offset++;
    }
  else if (offset < length)
    offset++;

  return offset;
}

/* The end of the line whose text ends at @offset: @offset itself when
 * that text ended with its line end */
static gsize
text_line_end (const char *text,
               gsize       length,
               gsize       offset)
{
  if (offset > 0 && (text[offset - 1] == '\n' || text[offset - 1] == '\r'))
    return offset;

  return wenda_md_line_end (text, length, offset);
}

/* The start of the line before the line starting at @offset */
static gsize
previous_line_start (const char *text,
                     gsize       offset)
{
  if (offset == 0)
    return 0;

  /* Over the line end: LF, CRLF or CR */
  offset--;
  if (offset > 0 && text[offset] == '\n' && text[offset - 1] == '\r')
    offset--;

  return wenda_md_line_start (text, offset);
}

guint
wenda_md_doc_line_at (WendaMdDoc *doc,
                      gsize       offset)
{
  GArray *starts;
  guint lo, hi;

  if (doc->line_starts == NULL)
    {
      doc->line_starts = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_array_append_val (doc->line_starts, (guint32) { 0 });

      for (gsize i = 0; i < doc->length; i++)
        {
          char c = doc->text[i];
          guint32 next = i + 1;

          if (c == '\r' && i + 1 < doc->length && doc->text[i + 1] == '\n')
            continue;
          if (c == '\n' || c == '\r')
            g_array_append_val (doc->line_starts, next);
        }
    }

  starts = doc->line_starts;
  lo = 0;
  hi = starts->len;
  /* The last start <= offset */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (starts, guint32, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return lo + 1;
}

const char *
wenda_md_doc_plain (WendaMdDoc *doc,
                    guint       plain,
                    guint       plain_len,
                    gsize      *len)
{
  *len = plain_len;
  return doc->plain->str + plain;
}

/* }}} */

/* Plain text {{{ */

/**
 * wenda_md_append_entity:
 *
 * Appends what the HTML entity @text ("&amp;", "&#x4E2D;") stands for, or
 * @text itself when it is not one Wenda knows.
 */
void
wenda_md_append_entity (GString    *out,
                        const char *text,
                        gsize       len)
{
  static const struct { const char *name; const char *utf8; } named[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" },
    { "&apos;", "'" }, { "&nbsp;", "\xC2\xA0" },
  };

  if (len > 3 && text[1] == '#')
    {
      guint64 c;
      char *end = NULL;
      g_autofree char *digits = g_strndup (text + 2, len - 3);

      if (digits[0] == 'x' || digits[0] == 'X')
        c = g_ascii_strtoull (digits + 1, &end, 16);
      else
        c = g_ascii_strtoull (digits, &end, 10);

      if (end != NULL && *end == '\0' && c > 0 && c <= 0x10FFFF && g_unichar_validate ((gunichar)c))
        {
          g_string_append_unichar (out, (gunichar)c);
          return;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    if (strlen (named[i].name) == len && memcmp (named[i].name, text, len) == 0)
      {
        g_string_append (out, named[i].utf8);
        return;
      }

  g_string_append_len (out, text, len);
}

static void
append_plain_text (GString      *out,
                   MD_TEXTTYPE   type,
                   const MD_CHAR *text,
                   MD_SIZE       size)
{
  switch (type)
    {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
      g_string_append_len (out, text, size);
      break;

    case MD_TEXT_ENTITY:
      wenda_md_append_entity (out, text, size);
      break;

    case MD_TEXT_NULLCHAR:
      g_string_append (out, "\xEF\xBF\xBD");
      break;

    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, '\n');
      break;

    case MD_TEXT_HTML:
    default:
      break;
    }
}

typedef struct
{
  GString *out;
  int      in_autolink;
} Plain;

static int
plain_enter_block (MD_BLOCKTYPE type,
                   void        *detail,
                   void        *user_data)
{
  return 0;
}

static int
plain_leave_block (MD_BLOCKTYPE type,
                   void        *detail,
                   void        *user_data)
{
  Plain *self = user_data;

  switch (type)
    {
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      g_string_append_c (self->out, ' ');
      break;

    case MD_BLOCK_DOC:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;

    default:
      if (self->out->len > 0 && self->out->str[self->out->len - 1] != '\n')
        g_string_append_c (self->out, '\n');
    }

  return 0;
}

static int
plain_enter_span (MD_SPANTYPE type,
                  void       *detail,
                  void       *user_data)
{
  Plain *self = user_data;

  if (type == MD_SPAN_A && ((MD_SPAN_A_DETAIL *)detail)->is_autolink)
    self->in_autolink++;

  return 0;
}

static int
plain_leave_span (MD_SPANTYPE type,
                  void       *detail,
                  void       *user_data)
{
  Plain *self = user_data;

  if (type == MD_SPAN_A && ((MD_SPAN_A_DETAIL *)detail)->is_autolink)
    self->in_autolink--;

  return 0;
}

static int
plain_text (MD_TEXTTYPE    type,
            const MD_CHAR *text,
            MD_SIZE        size,
            void          *user_data)
{
  Plain *self = user_data;

  /* A bare URL is written for the browser, not to be read or searched */
  if (self->in_autolink == 0)
    append_plain_text (self->out, type, text, size);

  return 0;
}

/* Whether @text has a character that may be Markdown's: ASCII
 * punctuation md4c reads, or a line starting with a digit (a list) */
static gboolean
has_marks (const char *text,
           gsize       length)
{
  static const char marks[] = "*_`[]<>$#!|~\\&:@=-+";

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if ((guchar)c < 0x80 && c != ' ' && !g_ascii_isalnum (c) && memchr (marks, c, sizeof marks - 1) != NULL)
        return TRUE;
      if (g_ascii_isdigit (c) && (i == 0 || text[i - 1] == '\n'))
        return TRUE;
      if (c == '\t' || (c == ' ' && i + 3 < length && memcmp (text + i, "    ", 4) == 0))
        return TRUE;
    }

  return FALSE;
}

void
wenda_markdown_append_plain (GString    *out,
                             const char *text,
                             gsize       length)
{
  Plain self = { out, 0 };
  MD_PARSER parser = { 0, };
  gsize start = out->len;

  if (length == 0)
    return;

  /* Most paragraphs of a bank have no mark at all: no need to parse them */
  if (!has_marks (text, length))
    {
      g_string_append_len (out, text, length);
      return;
    }

  parser.flags = WENDA_MD_FLAGS;
  parser.enter_block = plain_enter_block;
  parser.leave_block = plain_leave_block;
  parser.enter_span = plain_enter_span;
  parser.leave_span = plain_leave_span;
  parser.text = plain_text;

  if (md_parse (text, (MD_SIZE)length, &parser, &self) != 0)
    {
      g_string_truncate (out, start);
      g_string_append_len (out, text, length);
    }
}

char *
wenda_markdown_to_plain (const char *text,
                         gssize      length)
{
  GString *out = g_string_new (NULL);

  wenda_markdown_append_plain (out, text, length < 0 ? strlen (text) : (gsize)length);

  return g_string_free (out, FALSE);
}

/* }}} */

/* Blocks {{{ */

typedef struct
{
  WendaMdDoc   *doc;
  int           depth;          /* of the block being read; DOC is 1 */
  gboolean      in_block;       /* inside a top-level block */
  WendaMdChunk  block;
  const char   *first;          /* its first text in the input, or NULL */
  const char   *last_end;
  gboolean      plain_open;     /* its inline text goes to doc->plain */
  int           in_autolink;

  /* The top-level list's item being read */
  gboolean      in_item;
  const char   *item_first;
  WendaMdItem   item;
  gboolean      item_plain_open;
  guint         item_blocks;    /* blocks seen inside it */

  /* Fenced code blocks with no text, whose place is found from the
   * lines between the blocks with text around them */
  guint         n_empty_fences;
  char          fence_char;
} Parse;

static gboolean
in_input (Parse         *self,
          const MD_CHAR *text)
{
  return text >= self->doc->text && text < self->doc->text + self->doc->length;
}

static void
item_finish (Parse *self)
{
  if (self->item_first != NULL)
    {
      self->item.start = wenda_md_line_start (self->doc->text, self->item_first - self->doc->text);
      self->item.plain_len = self->doc->plain->len - self->item.plain;
      g_array_append_val (self->doc->items, self->item);
      self->block.n_items++;
    }
  else
    /* An empty item has no text of its own */
    g_string_truncate (self->doc->plain, self->item.plain);

  self->in_item = FALSE;
  self->item_first = NULL;
}

static int
enter_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parse *self = user_data;

  self->depth++;

  if (self->depth == 2)
    {
      memset (&self->block, 0, sizeof self->block);
      self->in_block = TRUE;
      self->first = NULL;
      self->last_end = NULL;
      self->plain_open = FALSE;
      self->block.plain = self->doc->plain->len;
      self->block.first_item = self->doc->items->len;

      switch (type)
        {
        case MD_BLOCK_H:
          self->block.kind = WENDA_MD_CHUNK_HEADING;
          self->block.level = ((MD_BLOCK_H_DETAIL *)detail)->level;
          self->plain_open = TRUE;
          break;
        case MD_BLOCK_P:
          /* Its plain text is not kept: the readers look at its source */
          self->block.kind = WENDA_MD_CHUNK_PARAGRAPH;
          break;
        case MD_BLOCK_CODE:
          self->block.kind = WENDA_MD_CHUNK_CODE;
          self->fence_char = ((MD_BLOCK_CODE_DETAIL *)detail)->fence_char;
          self->block.fenced = self->fence_char != 0;
          break;
        case MD_BLOCK_UL:
          self->block.kind = WENDA_MD_CHUNK_LIST;
          break;
        case MD_BLOCK_OL:
          self->block.kind = WENDA_MD_CHUNK_LIST;
          self->block.ordered = TRUE;
          break;
        case MD_BLOCK_QUOTE:
          self->block.kind = WENDA_MD_CHUNK_QUOTE;
          break;
        case MD_BLOCK_TABLE:
          self->block.kind = WENDA_MD_CHUNK_TABLE;
          break;
        case MD_BLOCK_HTML:
          self->block.kind = WENDA_MD_CHUNK_HTML;
          break;
        default:
          /* A thematic break: no text, part of the block before */
          self->block.kind = WENDA_MD_CHUNK_PARAGRAPH;
          break;
        }
    }
  else if (self->depth == 3 && self->block.kind == WENDA_MD_CHUNK_LIST && type == MD_BLOCK_LI)
    {
      memset (&self->item, 0, sizeof self->item);
      self->in_item = TRUE;
      self->item_first = NULL;
      self->item.plain = self->doc->plain->len;
      self->item_plain_open = TRUE;
      self->item_blocks = 0;
    }
  else if (self->in_item && self->depth >= 4)
    {
      /* The item's own text is its first paragraph (tight lists have
       * none: the text is straight in the item) */
      if (type != MD_BLOCK_P || self->item_blocks > 0)
        self->item_plain_open = FALSE;
      self->item_blocks++;
    }

  return 0;
}

/* The offset past the opening fence line of an empty code block in
 * text[from, to): its start in *@start; or FALSE */
static gboolean
find_fence (const char *text,
            gsize       length,
            gsize       from,
            gsize       to,
            gsize      *start)
{
  for (gsize line = from; line < to; line = wenda_md_line_end (text, length, line))
    {
      gsize p = line;
      gsize n = 0;

      while (p < to && p - line < 3 && text[p] == ' ')
        p++;
      while (p + n < to && (text[p + n] == '`' || text[p + n] == '~') && text[p + n] == text[p])
        n++;
      if (n >= 3)
        {
          *start = line;
          return TRUE;
        }
    }

  return FALSE;
}

/* Adds the empty code blocks that lie before @to */
static void
add_empty_fences (Parse *self,
                  gsize  to)
{
  WendaMdDoc *doc = self->doc;

  while (self->n_empty_fences > 0)
    {
      const WendaMdChunk *prev = doc->blocks->len > 0
        ? &g_array_index (doc->blocks, WendaMdChunk, doc->blocks->len - 1) : NULL;
      gsize from = prev != NULL ? prev->head_end : 0;
      WendaMdChunk chunk = { 0, };
      gsize start, close;

      self->n_empty_fences--;
      if (!find_fence (doc->text, doc->length, from, to, &start))
        continue;

      chunk.kind = WENDA_MD_CHUNK_CODE;
      chunk.fenced = TRUE;
      chunk.start = start;
      chunk.plain = chunk.plain_len = 0;
      chunk.first_item = doc->items->len;
      /* Its closing fence, if there is one before the next block */
      chunk.head_end = wenda_md_line_end (doc->text, doc->length, start);
      if (find_fence (doc->text, doc->length, chunk.head_end, to, &close))
        chunk.head_end = wenda_md_line_end (doc->text, doc->length, close);
      chunk.head_end = MIN (chunk.head_end, MAX (to, start));
      g_array_append_val (doc->blocks, chunk);
    }
}

static void
block_finish (Parse *self)
{
  WendaMdDoc *doc = self->doc;
  const char *text = doc->text;
  gsize start;

  self->in_block = FALSE;

  if (self->first == NULL)
    {
      /* No text: a thematic break, an empty heading or list, part of the
       * block before; an empty code block is found in the lines */
      g_string_truncate (doc->plain, self->block.plain);
      g_array_set_size (doc->items, self->block.first_item);
      if (self->block.kind == WENDA_MD_CHUNK_CODE && self->block.fenced)
        self->n_empty_fences++;
      return;
    }

  start = wenda_md_line_start (text, self->first - text);
  if (self->block.kind == WENDA_MD_CHUNK_CODE && self->block.fenced)
    start = previous_line_start (text, start);
  add_empty_fences (self, start);

  /* Blocks come in order; a lazy line or a block that shares a line with
   * the one before (a list after a paragraph's last text) stays after it */
  if (doc->blocks->len > 0)
    {
      WendaMdChunk *prev = &g_array_index (doc->blocks, WendaMdChunk, doc->blocks->len - 1);

      if (start < prev->head_end)
        start = prev->head_end;
      if (start < prev->start)
        start = prev->start;
    }

  self->block.start = start;
  self->block.head_end = text_line_end (text, doc->length, self->last_end - text);
  if (self->block.kind != WENDA_MD_CHUNK_HEADING)
    self->block.head_end = MAX (self->block.head_end, start);
  else
    {
      gsize p = start;

      while (p < doc->length && p - start < 4 && text[p] == ' ')
        p++;
      /* A setext heading: its underline is part of the heading */
      if (p >= doc->length || text[p] != '#')
        self->block.head_end = wenda_md_line_end (text, doc->length, self->block.head_end);
    }
  self->block.plain_len = doc->plain->len - self->block.plain;
  if (self->block.kind == WENDA_MD_CHUNK_LIST && self->block.n_items > 0)
    {
      /* A list's plain text is its first item's */
      WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, self->block.first_item);

      self->block.plain = item->plain;
      self->block.plain_len = item->plain_len;
    }

  g_array_append_val (doc->blocks, self->block);
}

static int
leave_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parse *self = user_data;

  if (self->depth == 2 && self->in_block)
    block_finish (self);
  else if (self->depth == 3 && self->in_item && type == MD_BLOCK_LI)
    item_finish (self);
  else if (self->in_item && self->depth == 4 && type == MD_BLOCK_P)
    self->item_plain_open = FALSE;

  self->depth--;

  return 0;
}

static int
enter_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parse *self = user_data;

  if (type == MD_SPAN_A && ((MD_SPAN_A_DETAIL *)detail)->is_autolink)
    self->in_autolink++;

  return 0;
}

static int
leave_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parse *self = user_data;

  if (type == MD_SPAN_A && ((MD_SPAN_A_DETAIL *)detail)->is_autolink)
    self->in_autolink--;

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Parse *self = user_data;

  if (!self->in_block)
    return 0;

  if (in_input (self, text) && size > 0)
    {
      if (self->first == NULL)
        self->first = text;
      if (self->last_end == NULL || text + size > self->last_end)
        self->last_end = text + size;

      if (self->in_item && self->item_first == NULL)
        self->item_first = text;
    }

  if (self->in_autolink > 0)
    return 0;

  if (self->plain_open)
    append_plain_text (self->doc->plain, type, text, size);
  else if (self->in_item && self->item_plain_open)
    append_plain_text (self->doc->plain, type, text, size);

  return 0;
}

void
wenda_md_doc_free (WendaMdDoc *doc)
{
  if (doc == NULL)
    return;

  g_array_unref (doc->blocks);
  g_array_unref (doc->items);
  g_string_free (doc->plain, TRUE);
  g_clear_pointer (&doc->line_starts, g_array_unref);
  g_free (doc);
}

/* The line of offsets that only grow */
typedef struct
{
  const char *text;
  gsize       length;
  gsize       offset;
  guint       line;     /* of offset */
  gboolean    has_cr;
} LineCounter;

static guint
line_counter_at (LineCounter *self,
                 gsize        offset)
{
  const char *p = self->text + self->offset;
  const char *end = self->text + MIN (offset, self->length);

  if (offset < self->offset)
    return self->line;

  if (!self->has_cr)
    {
      const char *nl;

      while (p < end && (nl = memchr (p, '\n', end - p)) != NULL)
        {
          self->line++;
          p = nl + 1;
        }
    }
  else
    for (; p < end; p++)
      if (*p == '\n' || (*p == '\r' && (p + 1 >= self->text + self->length || p[1] != '\n')))
        self->line++;

  self->offset = offset;
  return self->line;
}

/**
 * wenda_md_doc_parse:
 * @text: the Markdown, valid UTF-8 with no NUL byte; it must outlive the
 *   document, whose offsets point into it
 *
 * Returns: (transfer full): the document's top-level blocks
 */
WendaMdDoc *
wenda_md_doc_parse (const char *text,
                    gsize       length)
{
  WendaMdDoc *doc = g_new0 (WendaMdDoc, 1);
  MD_PARSER parser = { 0, };
  Parse self = { 0, };

  g_return_val_if_fail (length <= G_MAXUINT32, NULL);

  doc->text = text;
  doc->length = length;
  /* About a block per 100 bytes in the banks of the field */
  doc->blocks = g_array_sized_new (FALSE, TRUE, sizeof (WendaMdChunk), length / 100 + 16);
  doc->items = g_array_new (FALSE, TRUE, sizeof (WendaMdItem));
  doc->plain = g_string_sized_new (length / 4 + 16);

  parser.flags = WENDA_MD_FLAGS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text_cb;
  self.doc = doc;

  if (length > 0)
    md_parse (text, (MD_SIZE)length, &parser, &self);
  add_empty_fences (&self, length);

  /* Each block ends where the next one starts, each item where the next
   * item of its list starts */
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);

      block->end = i + 1 < doc->blocks->len ? g_array_index (doc->blocks, WendaMdChunk, i + 1).start
                                            : length;
      block->head_end = MIN (block->head_end, block->end);

      /* An item whose first text md4c gives on a line the block before
       * already holds (a fence that swallows the line of a "12." item)
       * starts with its list */
      for (guint j = 0; j < block->n_items; j++)
        {
          WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);

          item->start = CLAMP (item->start, block->start, block->end);
        }

      for (guint j = 0; j < block->n_items; j++)
        {
          WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);

          item->end = j + 1 < block->n_items
                        ? g_array_index (doc->items, WendaMdItem, block->first_item + j + 1).start
                        : block->end;
        }
    }

  /* Lines, counted forward from block to block */
  {
    LineCounter counter = { text, length, 0, 1, memchr (text, '\r', length) != NULL };

    for (guint i = 0; i < doc->blocks->len; i++)
      {
        WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);

        block->line = line_counter_at (&counter, block->start);
        for (guint j = 0; j < block->n_items; j++)
          {
            WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);

            item->line = line_counter_at (&counter, item->start);
          }
      }
  }

  return doc;
}

/* }}} */
