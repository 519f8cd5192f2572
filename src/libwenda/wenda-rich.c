/* wenda-rich.c: an answer's Markdown as a tree of blocks with inline text
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* md4c (https://github.com/mity/md4c) parses the Markdown, with the flags
 * of every Markdown text Wenda reads (WENDA_MD_FLAGS); this file listens
 * and builds the tree the reading pane draws.
 *
 * Blocks.  md4c's containers (quotes, lists, items, tables, rows) are
 * frames on a stack, and so is each <details> that HTML opens: the
 * blocks that follow it, whatever md4c block they come in, are its
 * children until </details> or the end of the md4c container it was
 * opened in.  Leaf blocks (paragraphs, headings, cells, code, HTML) are
 * no frames: their text goes to one inline builder, and the block is
 * added to the innermost frame when it ends.  A paragraph is made only
 * once it has text, so text with no paragraph of its own (a tight list
 * item's, an HTML block's) gets one, and display math cuts a paragraph
 * into PARAGRAPH, MATH, PARAGRAPH by ending the one and starting the
 * next.
 *
 * Depth.  md4c nests as deep as the input does (10,000 ">").  The tree
 * does not: past WENDA_RICH_MAX_DEPTH containers, a quote, list or table
 * adds no block and its content goes to the container around it (an item
 * only exists in a list, a row in a table, a cell in a row; a cell with
 * no row is a paragraph).  So the tree is at most WENDA_RICH_MAX_DEPTH + 2
 * deep, and freeing or walking it recursively is bounded.
 *
 * Where a block is.  md4c reports no offsets, but the text it passes
 * points into the input (or, for a few pieces such as line ends, into its
 * own memory: those are not looked at).  A leaf's first and last text give
 * its range, widened to whole lines; a container's is that of its
 * children; the pieces of a paragraph cut by display math keep the exact
 * bytes on the side of the cut.  Siblings are then put in order so that
 * none overlaps the one before, and a block with no text (a rule) gets
 * the lines between its neighbours.
 *
 * Inline.  Spans are added as text is appended, so they come sorted and
 * merge with the one before when nothing changed.  At the end of a
 * paragraph, literal "**" pairs that md4c left (CommonMark's flanking
 * rules do not match "**答案：**正文") become bold, and the whitespace at
 * both ends goes.
 */

#include "config.h"

#include <string.h>

#include <md4c.h>

#include "wenda-md-blocks-private.h"
#include "wenda-rich.h"

/* Containers nested deeper than this add no block (see above) */
#define WENDA_RICH_MAX_DEPTH 64

/* src_start of a block whose place is not known yet */
#define NO_RANGE G_MAXSIZE

#define OBJECT_CHAR "\xEF\xBF\xBC"        /* U+FFFC */
#define REPLACEMENT_CHAR "\xEF\xBF\xBD"   /* U+FFFD */

#define N_STYLES 8

/* Text {{{ */

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Han, kana, hangul, CJK punctuation and fullwidth forms: the scripts
 * whose lines join with no space between */
static gboolean
is_cjk (gunichar c)
{
  return (c >= 0x1100 && c <= 0x11FF) ||    /* Hangul Jamo */
         (c >= 0x2E80 && c <= 0x303F) ||    /* radicals, CJK symbols and punctuation */
         (c >= 0x3040 && c <= 0x30FF) ||    /* kana */
         (c >= 0x3100 && c <= 0x318F) ||    /* bopomofo, Hangul compatibility jamo */
         (c >= 0x31A0 && c <= 0x4DBF) ||    /* ... CJK extension A */
         (c >= 0x4E00 && c <= 0x9FFF) ||    /* CJK unified ideographs */
         (c >= 0xAC00 && c <= 0xD7AF) ||    /* Hangul syllables */
         (c >= 0xF900 && c <= 0xFAFF) ||    /* CJK compatibility ideographs */
         (c >= 0xFE30 && c <= 0xFE4F) ||    /* CJK compatibility forms */
         (c >= 0xFF00 && c <= 0xFFEF) ||    /* halfwidth and fullwidth forms */
         (c >= 0x20000 && c <= 0x3FFFF);    /* the supplementary ideographic planes */
}

/* Appends @len bytes of @text as valid UTF-8 with no NUL and no U+FFFC
 * (which marks an image): each byte that is not part of a character, a
 * NUL and a U+FFFC become U+FFFD */
static void
append_clean (GString    *out,
              const char *text,
              gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *valid_end;
      const char *p;

      g_utf8_validate_len (text, end - text, &valid_end);

      /* The valid part, but its U+FFFC */
      p = text;
      while (p < valid_end)
        {
          const char *ef = memchr (p, 0xEF, valid_end - p);

          if (ef == NULL)
            {
              g_string_append_len (out, p, valid_end - p);
              break;
            }
          if (valid_end - ef >= 3 && memcmp (ef, OBJECT_CHAR, 3) == 0)
            {
              g_string_append_len (out, p, ef - p);
              g_string_append (out, REPLACEMENT_CHAR);
              p = ef + 3;
            }
          else
            {
              g_string_append_len (out, p, ef + 1 - p);
              p = ef + 1;
            }
        }

      if (valid_end < end)
        {
          g_string_append (out, REPLACEMENT_CHAR);
          valid_end++;
        }
      text = valid_end;
    }
}

/* The length of the entity at @text ("&amp;", "&#20013;", "&#x4E2D;"), or
 * 0 if there is none */
static gsize
entity_length (const char *text,
               gsize       len)
{
  gsize i = 1;

  if (len < 3 || text[0] != '&')
    return 0;

  if (text[1] == '#')
    {
      gboolean hex = len > 2 && (text[2] == 'x' || text[2] == 'X');
      gsize digits = 0;

      i = hex ? 3 : 2;
      while (i < len && digits < 8 &&
             (hex ? g_ascii_isxdigit (text[i]) : g_ascii_isdigit (text[i])))
        i++, digits++;
      if (digits == 0)
        return 0;
    }
  else
    {
      if (!g_ascii_isalpha (text[1]))
        return 0;
      while (i < len && i < 33 && g_ascii_isalnum (text[i]))
        i++;
    }

  return i < len && text[i] == ';' ? i + 1 : 0;
}

/* Appends what the entity text[0, len) stands for, as append_clean() */
static void
append_entity (GString    *out,
               const char *text,
               gsize       len)
{
  g_autoptr(GString) decoded = g_string_new (NULL);

  wenda_md_append_entity (decoded, text, len);
  append_clean (out, decoded->str, decoded->len);
}

/* Appends @text with its entities decoded */
static void
append_decoded (GString    *out,
                const char *text,
                gsize       len)
{
  const char *end = text + len;

  while (text < end)
    {
      const char *amp = memchr (text, '&', end - text);
      gsize n;

      if (amp == NULL)
        {
          append_clean (out, text, end - text);
          return;
        }
      append_clean (out, text, amp - text);
      n = entity_length (amp, end - amp);
      if (n > 0)
        {
          append_entity (out, amp, n);
          text = amp + n;
        }
      else
        {
          g_string_append_c (out, '&');
          text = amp + 1;
        }
    }
}

/* An md4c attribute (a link's href, an image's title) as text */
static char *
attribute_to_string (const MD_ATTRIBUTE *attr)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *piece = attr->text + attr->substr_offsets[i];
      gsize len = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      switch (attr->substr_types[i])
        {
        case MD_TEXT_ENTITY:
          append_entity (out, piece, len);
          break;
        case MD_TEXT_NULLCHAR:
          g_string_append (out, REPLACEMENT_CHAR);
          break;
        default:
          append_clean (out, piece, len);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/* }}} */

/* Freeing {{{ */

static void
span_clear (WendaRichSpan *span)
{
  g_clear_pointer (&span->href, g_free);
}

static void
image_clear (WendaRichImage *image)
{
  g_clear_pointer (&image->src, g_free);
  g_clear_pointer (&image->alt, g_free);
  g_clear_pointer (&image->title, g_free);
  g_clear_pointer (&image->source, g_free);
}

static GArray *
span_array_new (void)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (WendaRichSpan));

  g_array_set_clear_func (spans, (GDestroyNotify)span_clear);
  return spans;
}

static GArray *
image_array_new (void)
{
  GArray *images = g_array_new (FALSE, TRUE, sizeof (WendaRichImage));

  g_array_set_clear_func (images, (GDestroyNotify)image_clear);
  return images;
}

static WendaRichInline *
inline_new_empty (void)
{
  WendaRichInline *inline_ = g_new0 (WendaRichInline, 1);

  inline_->text = g_strdup ("");
  inline_->spans = span_array_new ();
  inline_->images = image_array_new ();
  return inline_;
}

void
wenda_rich_inline_free (WendaRichInline *inline_)
{
  if (inline_ == NULL)
    return;

  g_free (inline_->text);
  g_array_unref (inline_->spans);
  g_array_unref (inline_->images);
  g_free (inline_);
}

/* Recursive: the parser nests blocks at most WENDA_RICH_MAX_DEPTH + 2 deep */
static void
block_free (WendaRichBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->info);
  g_free (block->text);
  wenda_rich_inline_free (block->inline_);
  g_clear_pointer (&block->children, g_ptr_array_unref);
  g_free (block);
}

static WendaRichBlock *
block_new (WendaRichKind kind)
{
  WendaRichBlock *block = g_new0 (WendaRichBlock, 1);

  block->kind = kind;
  block->src_start = NO_RANGE;
  block->src_end = NO_RANGE;
  switch (kind)
    {
    case WENDA_RICH_LIST:
    case WENDA_RICH_ITEM:
    case WENDA_RICH_QUOTE:
    case WENDA_RICH_TABLE:
    case WENDA_RICH_ROW:
    case WENDA_RICH_DETAILS:
      block->children = g_ptr_array_new_with_free_func ((GDestroyNotify)block_free);
      break;
    default:
      break;
    }
  if (kind == WENDA_RICH_DETAILS)
    block->inline_ = inline_new_empty ();

  return block;
}

void
wenda_rich_doc_free (WendaRichDoc *doc)
{
  if (doc == NULL)
    return;

  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

/* }}} */

/* The inline builder {{{ */

/* What a line break in the source becomes, decided by the text after it */
typedef enum
{
  GAP_NONE,
  GAP_SOFT,    /* a space, or nothing between two CJK characters */
  GAP_SPACE,   /* HTML white space: a space */
} Gap;

/* A literal "**" in md4c's normal text, at text[offset] */
typedef guint Marker;

typedef struct
{
  GString *text;
  GArray  *spans;        /* of WendaRichSpan */
  GArray  *images;       /* of WendaRichImage */
  GArray  *markers;      /* of Marker */
  Gap      gap;
} Builder;

static void
builder_init (Builder *self)
{
  self->text = g_string_new (NULL);
  self->spans = span_array_new ();
  self->images = image_array_new ();
  self->markers = g_array_new (FALSE, FALSE, sizeof (Marker));
  self->gap = GAP_NONE;
}

static void
builder_clear (Builder *self)
{
  g_string_free (self->text, TRUE);
  g_array_unref (self->spans);
  g_array_unref (self->images);
  g_array_unref (self->markers);
}

static gboolean
builder_is_empty (Builder *self)
{
  return self->text->len == 0;
}

/* Marks text[start, end) with @style and @href, merged with the span
 * before when it ends there with the same */
static void
builder_style (Builder        *self,
               guint           start,
               guint           end,
               WendaRichStyle  style,
               const char     *href)
{
  WendaRichSpan span = { start, end, style, NULL };

  if (style == 0 || start >= end)
    return;

  if (self->spans->len > 0)
    {
      WendaRichSpan *last = &g_array_index (self->spans, WendaRichSpan, self->spans->len - 1);

      if (last->end == start && last->style == style && g_strcmp0 (last->href, href) == 0)
        {
          last->end = end;
          return;
        }
    }

  span.href = g_strdup (href);
  g_array_append_val (self->spans, span);
}

static gunichar
last_char (GString *text)
{
  const char *p;

  if (text->len == 0)
    return 0;
  p = g_utf8_find_prev_char (text->str, text->str + text->len);
  return p != NULL ? g_utf8_get_char (p) : 0;
}

/* The gap that waits before text starting with @next */
static void
builder_resolve_gap (Builder        *self,
                     gunichar        next,
                     WendaRichStyle  style,
                     const char     *href)
{
  Gap gap = self->gap;
  char last;

  self->gap = GAP_NONE;
  if (gap == GAP_NONE || self->text->len == 0)
    return;

  last = self->text->str[self->text->len - 1];
  if (last == '\n' || last == ' ')
    return;
  if (gap == GAP_SOFT && is_cjk (last_char (self->text)) && is_cjk (next))
    return;

  g_string_append_c (self->text, ' ');
  builder_style (self, self->text->len - 1, self->text->len, style, href);
}

/* Finds the literal "**" of text[from, len): runs of exactly two stars
 * inside the piece just appended */
static void
builder_find_markers (Builder *self,
                      guint    from)
{
  const char *text = self->text->str;
  guint len = self->text->len;
  guint i = from;

  while (i < len)
    {
      const char *star = memchr (text + i, '*', len - i);
      guint run, n = 0;

      if (star == NULL)
        break;
      run = star - text;
      while (run + n < len && text[run + n] == '*')
        n++;
      i = run + n;

      if (n == 2 && (run == 0 || text[run - 1] != '*'))
        g_array_append_val (self->markers, run);
    }
}

/* Appends text from the input (made valid UTF-8) with @style; @normal:
 * md4c's normal text, where a "**" md4c left may be a marker */
static void
builder_append (Builder        *self,
                const char     *text,
                gsize           len,
                WendaRichStyle  style,
                const char     *href,
                gboolean        normal)
{
  guint start;

  if (len == 0)
    return;

  if (self->gap != GAP_NONE)
    {
      gunichar next = g_utf8_get_char_validated (text, len);

      builder_resolve_gap (self, next < 0x110000 ? next : 0, style, href);
    }

  start = self->text->len;
  append_clean (self->text, text, len);
  builder_style (self, start, self->text->len, style, href);

  if (normal && !(style & (WENDA_RICH_STYLE_CODE | WENDA_RICH_STYLE_MATH)))
    builder_find_markers (self, start);
}

/* A hard break, <br> */
static void
builder_break (Builder *self)
{
  self->gap = GAP_NONE;
  g_string_append_c (self->text, '\n');
}

/* The end of a line, as <div> and <p> make: a break unless the text is
 * at the start of one */
static void
builder_line_end (Builder *self)
{
  self->gap = GAP_NONE;
  if (self->text->len > 0 && self->text->str[self->text->len - 1] != '\n')
    g_string_append_c (self->text, '\n');
}

static void
builder_gap (Builder *self,
             Gap      gap)
{
  /* A line end in the white space wins: it may join CJK */
  if (self->gap == GAP_NONE || gap == GAP_SOFT)
    self->gap = gap;
}

/* Takes @src, @alt, @title and @source */
static void
builder_image (Builder        *self,
               char           *src,
               char           *alt,
               char           *title,
               char           *source,
               WendaRichStyle  style,
               const char     *href)
{
  WendaRichImage image = { 0, src, alt, title, source };

  builder_resolve_gap (self, 0xFFFC, style, href);
  image.offset = self->text->len;
  g_string_append (self->text, OBJECT_CHAR);
  builder_style (self, image.offset, self->text->len, style, href);
  g_array_append_val (self->images, image);
}

/* Pairs the markers: one that text follows (not white space, not a
 * star) opens, and the next that text comes before closes.  Read in the
 * whole text, so a marker may end one piece and its text start the next.
 * Turns the pairs' markers into removed ranges, in @removed (offsets of
 * two bytes each), and the text between into @bold (start, end) */
static void
builder_pair_markers (Builder *self,
                      GArray  *removed,
                      GArray  *bold)
{
  const char *text = self->text->str;
  guint len = self->text->len;
  gboolean open = FALSE;
  guint opener = 0;

  for (guint i = 0; i < self->markers->len; i++)
    {
      guint at = g_array_index (self->markers, Marker, i);
      gboolean can_open = at + 2 < len && !is_space (text[at + 2]) && text[at + 2] != '*';
      gboolean can_close = at > 0 && !is_space (text[at - 1]) &&
                           (at + 2 >= len || text[at + 2] != '*');

      if (open && can_close && at > opener + 2)
        {
          guint range[2] = { opener + 2, at };

          g_array_append_val (removed, opener);
          g_array_append_val (removed, at);
          g_array_append_vals (bold, range, 2);
          open = FALSE;
        }
      else if (can_open)
        {
          open = TRUE;
          opener = at;
        }
    }
}

/* Where @offset goes once the two-byte ranges at @removed[*i…] are cut;
 * @offset only grows from call to call */
static guint
map_offset (GArray *removed,
            guint  *i,
            guint   offset)
{
  while (*i < removed->len && g_array_index (removed, guint, *i) + 2 <= offset)
    (*i)++;

  /* Inside a removed range: to its start */
  if (*i < removed->len && g_array_index (removed, guint, *i) < offset)
    offset = g_array_index (removed, guint, *i);

  return offset - 2 * *i;
}

/* Cuts the paired markers and makes the text between bold: one sweep
 * over the spans and the bold ranges, both sorted */
static void
builder_apply_markers (Builder *self)
{
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) bold = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) spans = NULL;
  GString *text;
  guint k, pos, si, bi;

  builder_pair_markers (self, removed, bold);
  g_array_set_size (self->markers, 0);
  if (removed->len == 0)
    return;

  /* The text without them */
  text = g_string_sized_new (self->text->len);
  pos = 0;
  for (guint i = 0; i < removed->len; i++)
    {
      guint at = g_array_index (removed, guint, i);

      g_string_append_len (text, self->text->str + pos, at - pos);
      pos = at + 2;
    }
  g_string_append_len (text, self->text->str + pos, self->text->len - pos);

  /* Spans, images and bold ranges in the new offsets (each list sorted,
   * mapped in order) */
  k = 0;
  for (guint i = 0; i < self->spans->len; i++)
    {
      WendaRichSpan *span = &g_array_index (self->spans, WendaRichSpan, i);
      guint k_end;

      span->start = map_offset (removed, &k, span->start);
      k_end = k;
      span->end = map_offset (removed, &k_end, span->end);
    }
  k = 0;
  for (guint i = 0; i < self->images->len; i++)
    {
      WendaRichImage *image = &g_array_index (self->images, WendaRichImage, i);

      image->offset = map_offset (removed, &k, image->offset);
    }
  k = 0;
  for (guint i = 0; i < bold->len; i++)
    g_array_index (bold, guint, i) = map_offset (removed, &k, g_array_index (bold, guint, i));

  /* The sweep: from boundary to boundary, the span and the bold range
   * that hold the segment */
  spans = g_steal_pointer (&self->spans);
  self->spans = span_array_new ();
  pos = 0;
  si = 0;
  bi = 0;
  while (pos < text->len)
    {
      const WendaRichSpan *span;
      gboolean in_span, in_bold;
      guint next = text->len;
      WendaRichStyle style = 0;

      while (si < spans->len && g_array_index (spans, WendaRichSpan, si).end <= pos)
        si++;
      while (bi < bold->len && g_array_index (bold, guint, bi + 1) <= pos)
        bi += 2;

      span = si < spans->len ? &g_array_index (spans, WendaRichSpan, si) : NULL;
      in_span = span != NULL && span->start <= pos;
      in_bold = bi < bold->len && g_array_index (bold, guint, bi) <= pos;

      if (span != NULL)
        next = MIN (next, in_span ? span->end : span->start);
      if (bi < bold->len)
        next = MIN (next, g_array_index (bold, guint, in_bold ? bi + 1 : bi));
      if (next <= pos)
        next = pos + 1;   /* not reached: every boundary is past pos */

      if (in_span)
        style |= span->style;
      if (in_bold)
        style |= WENDA_RICH_STYLE_BOLD;
      builder_style (self, pos, next, style, in_span ? span->href : NULL);
      pos = next;
    }

  g_string_free (self->text, TRUE);
  self->text = text;
}

/* Whether text[offset] is in a code or math span */
static gboolean
in_verbatim (GArray *spans,
             guint   offset)
{
  /* Binary search: the first span that ends after offset */
  guint lo = 0, hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (spans, WendaRichSpan, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo < spans->len &&
         g_array_index (spans, WendaRichSpan, lo).start <= offset &&
         (g_array_index (spans, WendaRichSpan, lo).style &
          (WENDA_RICH_STYLE_CODE | WENDA_RICH_STYLE_MATH));
}

/* Cuts the white space at both ends, but that of code and math */
static void
builder_trim (Builder *self)
{
  const char *text = self->text->str;
  guint a = 0, z = self->text->len;
  GArray *spans;

  while (a < z && is_space (text[a]) && !in_verbatim (self->spans, a))
    a++;
  while (z > a && is_space (text[z - 1]) && !in_verbatim (self->spans, z - 1))
    z--;

  if (a == 0 && z == self->text->len)
    return;

  /* Into a new array: a span cut away is cleared, one kept moves with
   * its href */
  spans = span_array_new ();
  for (guint i = 0; i < self->spans->len; i++)
    {
      WendaRichSpan *span = &g_array_index (self->spans, WendaRichSpan, i);
      WendaRichSpan kept = { CLAMP (span->start, a, z) - a, CLAMP (span->end, a, z) - a,
                             span->style, NULL };

      if (kept.start < kept.end)
        {
          kept.href = g_steal_pointer (&span->href);
          g_array_append_val (spans, kept);
        }
    }
  g_array_unref (self->spans);
  self->spans = spans;

  /* Every image is a U+FFFC, no white space: inside [a, z) */
  for (guint i = 0; i < self->images->len; i++)
    g_array_index (self->images, WendaRichImage, i).offset -= a;

  g_string_truncate (self->text, z);
  g_string_erase (self->text, 0, a);
}

/* The inline text so far, and the builder empty again */
static WendaRichInline *
builder_take (Builder *self)
{
  WendaRichInline *inline_ = g_new0 (WendaRichInline, 1);

  builder_apply_markers (self);
  builder_trim (self);

  inline_->length = self->text->len;
  inline_->text = g_string_free (self->text, FALSE);
  inline_->spans = self->spans;
  inline_->images = self->images;

  self->text = g_string_new (NULL);
  self->spans = span_array_new ();
  self->images = image_array_new ();
  g_array_set_size (self->markers, 0);
  self->gap = GAP_NONE;

  return inline_;
}

/* }}} */

/* The parser {{{ */

typedef enum
{
  LEAF_NONE,        /* between blocks, or in a tight list item's text */
  LEAF_PARAGRAPH,
  LEAF_HEADING,
  LEAF_CELL,
  LEAF_CODE,
  LEAF_HTML,        /* an HTML block's raw text, read when it ends */
} Leaf;

/* A container: md4c's (a quote, a list, an item, a table, its head or
 * body, a row) or a <details> */
typedef struct
{
  WendaRichBlock *block;      /* NULL: md4c's, but adds no block */
  WendaRichBlock *container;  /* the innermost block: its own, or below */
  gboolean        details;    /* opened by HTML, not by md4c */
  gsize           start;      /* the range of its children so far, */
  gsize           end;        /* start NO_RANGE if none */
} Frame;

/* A link being read: md4c's or an <a> */
typedef struct
{
  char     *href;             /* NULL for an <a> with none */
  gboolean  html;
} Link;

typedef struct
{
  const char     *input;
  gsize           length;
  WendaRichBlock *root;
  GArray         *frames;     /* of Frame; the root's first */
  guint           n_blocks;   /* frames that have a block */
  gboolean        in_head;    /* in a table's head */

  /* The leaf block being read */
  Leaf            leaf;
  WendaRichBlock *leaf_block; /* a heading, cell or code block */
  Builder         para;       /* its inline text */
  const char     *first;      /* its first and last text in the input */
  const char     *last_end;
  gboolean        cut_before; /* a paragraph after display math */
  gboolean        cut_after;  /* a paragraph before it */
  GString        *raw;        /* a code or HTML block's text */
  const char     *html_first; /* an HTML block's text, in the input */
  const char     *html_last_end;
  char            fence_char;

  /* Display math being read, and the one before it in this paragraph
   * (its end is on a line with text after it, or not) */
  gboolean        in_display;
  GString        *math;
  const char     *math_first;
  const char     *math_last_end;
  WendaRichBlock *open_math;
  guint           open_math_frame;

  /* Styles: md4c's spans and HTML's tags open, by style bit */
  guint           md_styles[N_STYLES];
  guint           html_styles[N_STYLES];
  GArray         *links;      /* of Link */

  /* An image's alt text being read, in md4c's image span */
  guint           image_depth;
  GString        *alt;
  char           *image_src;
  char           *image_title;

  /* A <summary> being read: its <details>, and its text */
  WendaRichBlock *summary_of;
  Builder         summary;

  /* Inline HTML not read yet (md4c passes a tag over lines in pieces) */
  GString        *html;
  /* <script> or <style>: what is dropped up to */
  const char     *skip_until;
  /* <details> opened past the depth limit: their </details> closes none */
  guint           skipped_details;
} Parse;

static gboolean
in_input (Parse      *self,
          const char *text)
{
  return text >= self->input && text < self->input + self->length;
}

static Frame *
top_frame (Parse *self)
{
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

/* The innermost block that has children */
static WendaRichBlock *
container (Parse *self)
{
  return top_frame (self)->container;
}

static void
frame_extend (Frame *frame,
              gsize  start,
              gsize  end)
{
  if (start == NO_RANGE)
    return;
  if (frame->start == NO_RANGE || start < frame->start)
    frame->start = start;
  if (frame->end == NO_RANGE || end > frame->end)
    frame->end = end;
}

/* Adds a finished leaf block to the innermost container */
static void
add_block (Parse          *self,
           WendaRichBlock *block)
{
  g_ptr_array_add (container (self)->children, block);
  frame_extend (top_frame (self), block->src_start, block->src_end);
}

/* The current style bits and link */
static WendaRichStyle
current_style (Parse *self)
{
  WendaRichStyle style = 0;

  for (guint i = 0; i < N_STYLES; i++)
    if (self->md_styles[i] + self->html_styles[i] > 0)
      style |= 1 << i;

  style &= ~WENDA_RICH_STYLE_LINK;
  if (self->links->len > 0 && g_array_index (self->links, Link, self->links->len - 1).href != NULL)
    style |= WENDA_RICH_STYLE_LINK;

  return style;
}

static const char *
current_href (Parse *self)
{
  return self->links->len > 0 ? g_array_index (self->links, Link, self->links->len - 1).href : NULL;
}

static guint
style_index (WendaRichStyle style)
{
  return g_bit_nth_lsf (style, -1);
}

/* Text of the input a leaf holds: where it is */
static void
note_text (Parse      *self,
           const char *text,
           gsize       size)
{
  if (size == 0 || !in_input (self, text))
    return;

  if (self->in_display)
    {
      if (self->math_first == NULL)
        self->math_first = text;
      if (self->math_last_end == NULL || text + size > self->math_last_end)
        self->math_last_end = text + size;
      return;
    }

  if (self->first == NULL || text < self->first)
    self->first = text;
  if (self->last_end == NULL || text + size > self->last_end)
    self->last_end = text + size;
}

/* The end of the line of a text that ends at @last: @last itself if the
 * text ended with its line end */
static gsize
text_line_end (Parse *self,
               gsize  last)
{
  if (last > 0 && (self->input[last - 1] == '\n' || self->input[last - 1] == '\r'))
    return last;

  return wenda_md_line_end (self->input, self->length, last);
}

/* A leaf's range: its text's lines, or, on the side of a cut, its text */
static void
leaf_range (Parse          *self,
            WendaRichBlock *block,
            gboolean        cut_before,
            gboolean        cut_after)
{
  gsize first, last;

  if (self->first == NULL)
    return;

  first = self->first - self->input;
  last = self->last_end - self->input;
  block->src_start = cut_before ? first : wenda_md_line_start (self->input, first);
  block->src_end = cut_after ? last : text_line_end (self, last);
}

/* The inline builder text goes to */
static Builder *
target (Parse *self)
{
  return self->summary_of != NULL ? &self->summary : &self->para;
}

static gboolean
in_paragraph_context (Parse *self)
{
  return self->leaf == LEAF_NONE || self->leaf == LEAF_PARAGRAPH || self->leaf == LEAF_HTML;
}

/* Display math whose end was left at its "$$": widened to the end of its
 * line when no text follows it there */
static void
settle_math (Parse    *self,
             gboolean  widen)
{
  WendaRichBlock *math = g_steal_pointer (&self->open_math);
  gsize end;

  if (math == NULL || !widen || math->src_start == NO_RANGE)
    return;

  end = wenda_md_line_end (self->input, self->length, math->src_end);
  if (math->src_end > 0 && (self->input[math->src_end - 1] == '\n'))
    end = math->src_end;
  /* Only white space between */
  for (gsize i = math->src_end; i < end; i++)
    if (!is_space (self->input[i]))
      return;
  math->src_end = end;
  if (self->open_math_frame < self->frames->len)
    frame_extend (&g_array_index (self->frames, Frame, self->open_math_frame),
                  math->src_start, end);
}

/* Ends the paragraph being read, if there is one: a block if it has text */
static void
reset_range (Parse *self)
{
  /* Every paragraph of an HTML block is where the block is */
  self->first = self->leaf == LEAF_HTML ? self->html_first : NULL;
  self->last_end = self->leaf == LEAF_HTML ? self->html_last_end : NULL;
}

static void
finish_paragraph (Parse *self)
{
  WendaRichInline *inline_;
  WendaRichBlock *block;

  if (!in_paragraph_context (self))
    return;

  if (builder_is_empty (&self->para))
    {
      reset_range (self);
      self->para.gap = GAP_NONE;
      g_array_set_size (self->para.markers, 0);
      return;
    }

  inline_ = builder_take (&self->para);
  if (inline_->length == 0)
    {
      wenda_rich_inline_free (inline_);
      reset_range (self);
      return;
    }

  /* Text after display math on its line: the math ends at its "$$" */
  if (self->cut_before)
    self->open_math = NULL;

  block = block_new (WENDA_RICH_PARAGRAPH);
  block->inline_ = inline_;
  leaf_range (self, block, self->cut_before, self->cut_after);
  add_block (self, block);
  reset_range (self);
  self->cut_before = FALSE;
}

/* Ends the <summary> being read: its text is its <details>' */
static void
finish_summary (Parse *self)
{
  WendaRichBlock *details = g_steal_pointer (&self->summary_of);

  if (details == NULL)
    return;

  wenda_rich_inline_free (details->inline_);
  details->inline_ = builder_take (&self->summary);
}

static void
push_frame (Parse          *self,
            WendaRichBlock *block,
            gboolean        details)
{
  Frame frame = { block, block != NULL ? block : container (self), details, NO_RANGE, NO_RANGE };

  if (block != NULL)
    {
      g_ptr_array_add (container (self)->children, block);
      self->n_blocks++;
    }
  g_array_append_val (self->frames, frame);
}

static void
pop_frame (Parse *self)
{
  Frame frame = *top_frame (self);

  g_assert (self->frames->len > 1);

  if (frame.block != NULL)
    {
      if (self->summary_of == frame.block)
        finish_summary (self);
      /* A row is its lines, its cells their text */
      if (frame.block->kind == WENDA_RICH_ROW && frame.start != NO_RANGE)
        {
          frame.start = wenda_md_line_start (self->input, frame.start);
          frame.end = text_line_end (self, frame.end);
        }
      frame.block->src_start = frame.start;
      frame.block->src_end = frame.end;
      self->n_blocks--;
    }
  g_array_set_size (self->frames, self->frames->len - 1);
  frame_extend (top_frame (self), frame.start, frame.end);
}

/* Closes the <details> still open in the innermost md4c container */
static void
close_details (Parse *self)
{
  while (self->frames->len > 1 && top_frame (self)->details)
    pop_frame (self);
}

/* <details>, in a paragraph's text or an HTML block */
static void
open_details (Parse *self)
{
  finish_summary (self);
  finish_paragraph (self);

  if (self->n_blocks >= WENDA_RICH_MAX_DEPTH)
    {
      self->skipped_details++;
      return;
    }

  push_frame (self, block_new (WENDA_RICH_DETAILS), TRUE);
  /* It starts on the line of the tag */
  if (self->first != NULL)
    {
      gsize at = wenda_md_line_start (self->input, self->first - self->input);

      frame_extend (top_frame (self), at, at);
    }
}

static void
end_details (Parse *self)
{
  finish_summary (self);
  finish_paragraph (self);

  if (self->skipped_details > 0)
    {
      self->skipped_details--;
      return;
    }
  if (top_frame (self)->details)
    {
      if (self->last_end != NULL)
        {
          gsize last = self->last_end - self->input;

          frame_extend (top_frame (self), last,
                        wenda_md_line_end (self->input, self->length, last));
        }
      pop_frame (self);
    }
}

/* }}} */

/* HTML {{{ */

/* The text between tags: entities decoded, white space a gap */
static void
html_text (Parse      *self,
           const char *text,
           gsize       len)
{
  const char *end = text + len;

  if (self->skip_until != NULL || self->image_depth > 0)
    return;

  while (text < end)
    {
      const char *p = text;
      gboolean line_end = FALSE;

      while (p < end && is_space (*p))
        {
          line_end |= *p == '\n' || *p == '\r';
          p++;
        }
      if (p > text)
        {
          builder_gap (target (self), line_end ? GAP_SOFT : GAP_SPACE);
          text = p;
          continue;
        }

      while (p < end && !is_space (*p))
        p++;
      {
        g_autoptr(GString) word = g_string_new (NULL);

        append_decoded (word, text, p - text);
        builder_append (target (self), word->str, word->len, current_style (self),
                        current_href (self), FALSE);
      }
      text = p;
    }
}

/* The value of attribute @name in the attributes attrs[0, len) of a tag
 * (quoted with ' or ", or not), entities decoded; or NULL */
static char *
html_attribute (const char *attrs,
                gsize       len,
                const char *name)
{
  const char *p = attrs, *end = attrs + len;
  gsize name_len = strlen (name);

  while (p < end)
    {
      const char *key, *value = NULL;
      gsize key_len, value_len = 0;

      while (p < end && (is_space (*p) || *p == '/'))
        p++;
      key = p;
      while (p < end && !is_space (*p) && *p != '=' && *p != '/' && *p != '>')
        p++;
      key_len = p - key;
      if (key_len == 0)
        {
          if (p < end)
            p++;
          continue;
        }
      while (p < end && is_space (*p))
        p++;
      if (p < end && *p == '=')
        {
          p++;
          while (p < end && is_space (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              const char *close = memchr (p + 1, *p, end - p - 1);

              value = p + 1;
              value_len = (close != NULL ? close : end) - value;
              p = close != NULL ? close + 1 : end;
            }
          else
            {
              value = p;
              while (p < end && !is_space (*p) && *p != '>')
                p++;
              value_len = p - value;
            }
        }

      if (key_len == name_len && g_ascii_strncasecmp (key, name, name_len) == 0)
        {
          GString *out = g_string_new (NULL);

          append_decoded (out, value != NULL ? value : "", value_len);
          return g_string_free (out, FALSE);
        }
    }

  return NULL;
}

static WendaRichStyle
tag_style (const char *name)
{
  static const struct { const char *name; WendaRichStyle style; } tags[] = {
    { "b", WENDA_RICH_STYLE_BOLD }, { "strong", WENDA_RICH_STYLE_BOLD },
    { "i", WENDA_RICH_STYLE_ITALIC }, { "em", WENDA_RICH_STYLE_ITALIC },
    { "s", WENDA_RICH_STYLE_STRIKE }, { "del", WENDA_RICH_STYLE_STRIKE },
    { "strike", WENDA_RICH_STYLE_STRIKE }, { "code", WENDA_RICH_STYLE_CODE },
    { "sup", WENDA_RICH_STYLE_SUP }, { "sub", WENDA_RICH_STYLE_SUB },
  };

  for (guint i = 0; i < G_N_ELEMENTS (tags); i++)
    if (g_str_equal (name, tags[i].name))
      return tags[i].style;

  return 0;
}

/* A tag: @name lower case, its attributes attrs[0, attrs_len), and its
 * whole text tag[0, tag_len) */
static void
html_tag (Parse      *self,
          const char *name,
          gboolean    closing,
          gboolean    self_closing,
          const char *attrs,
          gsize       attrs_len,
          const char *tag,
          gsize       tag_len)
{
  WendaRichStyle style;

  if (self->skip_until != NULL)
    {
      if (closing && g_str_equal (name, self->skip_until))
        self->skip_until = NULL;
      return;
    }
  /* In an image's alt text, no tag counts */
  if (self->image_depth > 0)
    return;

  if (g_str_equal (name, "br"))
    builder_break (target (self));
  else if (g_str_equal (name, "div") || g_str_equal (name, "p"))
    builder_line_end (target (self));
  else if (g_str_equal (name, "script") || g_str_equal (name, "style"))
    {
      if (!closing && !self_closing)
        self->skip_until = g_str_equal (name, "script") ? "script" : "style";
    }
  else if (g_str_equal (name, "details"))
    {
      /* Only where blocks may start: not in a heading, cell or summary */
      if (in_paragraph_context (self) && self->summary_of == NULL)
        {
          if (!closing)
            open_details (self);
          else
            end_details (self);
        }
      else if (self->summary_of != NULL && closing)
        {
          finish_summary (self);
          end_details (self);
        }
    }
  else if (g_str_equal (name, "summary"))
    {
      Frame *frame = top_frame (self);

      if (closing)
        finish_summary (self);
      else if (frame->details && self->summary_of == NULL && in_paragraph_context (self) &&
               frame->block->inline_->length == 0 && frame->block->children->len == 0)
        {
          finish_paragraph (self);
          if (frame->block->children->len == 0)
            self->summary_of = frame->block;
        }
    }
  else if (g_str_equal (name, "img"))
    {
      g_autofree char *src = html_attribute (attrs, attrs_len, "src");
      char *alt, *title;
      GString *source;

      if (src == NULL || closing)
        return;
      alt = html_attribute (attrs, attrs_len, "alt");
      title = html_attribute (attrs, attrs_len, "title");
      source = g_string_new (NULL);
      append_clean (source, tag, tag_len);
      builder_image (target (self), g_steal_pointer (&src), alt != NULL ? alt : g_strdup (""),
                     title, g_string_free (source, FALSE), current_style (self),
                     current_href (self));
    }
  else if (g_str_equal (name, "a"))
    {
      if (!closing && !self_closing)
        {
          Link link = { html_attribute (attrs, attrs_len, "href"), TRUE };

          g_array_append_val (self->links, link);
        }
      else if (closing)
        {
          /* The innermost <a>, if one is open */
          for (guint i = self->links->len; i > 0; i--)
            if (g_array_index (self->links, Link, i - 1).html)
              {
                g_free (g_array_index (self->links, Link, i - 1).href);
                g_array_remove_index (self->links, i - 1);
                break;
              }
        }
    }
  else if ((style = tag_style (name)) != 0)
    {
      guint *count = &self->html_styles[style_index (style)];

      if (closing)
        {
          if (*count > 0)
            (*count)--;
        }
      else if (!self_closing && *count < G_MAXUINT)
        (*count)++;
    }
  /* Any other tag is dropped, its text kept */
}

/* The end of a tag whose attributes start at @p: past its '>', quotes
 * skipped; or NULL if it does not end */
static const char *
tag_end (const char *p,
         const char *end)
{
  while (p < end)
    {
      if (*p == '"' || *p == '\'')
        {
          const char *close = memchr (p + 1, *p, end - p - 1);

          if (close == NULL)
            return NULL;
          p = close + 1;
        }
      else if (*p == '>')
        return p + 1;
      else
        p++;
    }

  return NULL;
}

/* Where "</NAME" (any case) starts in text[0, len), or NULL */
static const char *
find_closing_tag (const char *text,
                  gsize       len,
                  const char *name)
{
  const char *p = text, *end = text + len;
  gsize n = strlen (name);

  while (p < end && (p = memchr (p, '<', end - p)) != NULL)
    {
      if ((gsize)(end - p) >= n + 2 && p[1] == '/' && g_ascii_strncasecmp (p + 2, name, n) == 0)
        return p;
      p++;
    }

  return NULL;
}

/* Reads HTML text[0, len): tags, comments and the text between */
static void
html_feed (Parse      *self,
           const char *text,
           gsize       len)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      const char *lt, *q, *name_start, *close;
      gboolean closing;
      char name[16];
      gsize name_len;

      if (self->skip_until != NULL)
        {
          p = find_closing_tag (p, end - p, self->skip_until);
          if (p == NULL)
            return;
        }

      lt = memchr (p, '<', end - p);
      html_text (self, p, (lt != NULL ? lt : end) - p);
      if (lt == NULL)
        return;

      /* A comment, a declaration, a processing instruction: dropped */
      if (end - lt >= 4 && memcmp (lt, "<!--", 4) == 0)
        {
          const char *c = lt + 4;

          for (close = NULL; c + 3 <= end; c++)
            if (memcmp (c, "-->", 3) == 0)
              {
                close = c + 3;
                break;
              }
          p = close != NULL ? close : end;
          continue;
        }
      if (end - lt >= 2 && (lt[1] == '!' || lt[1] == '?'))
        {
          close = memchr (lt, '>', end - lt);
          p = close != NULL ? close + 1 : end;
          continue;
        }

      closing = end - lt >= 2 && lt[1] == '/';
      name_start = q = lt + 1 + closing;
      if (q >= end || !g_ascii_isalpha (*q))
        {
          /* A '<' that starts no tag is text */
          html_text (self, lt, 1);
          p = lt + 1;
          continue;
        }
      while (q < end && (g_ascii_isalnum (*q) || *q == '-'))
        q++;
      name_len = q - name_start;

      close = tag_end (q, end);
      if (close == NULL)
        return;   /* a tag the text ends in: dropped, as a browser does */

      if (name_len < sizeof name)
        {
          gboolean self_closing = close - 2 >= q && close[-2] == '/';

          for (gsize i = 0; i < name_len; i++)
            name[i] = g_ascii_tolower (name_start[i]);
          name[name_len] = '\0';
          html_tag (self, name, closing, self_closing, q, close - 1 - q, lt, close - lt);
        }
      p = close;
    }
}

/* Reads the inline HTML md4c passed so far */
static void
flush_html (Parse *self)
{
  if (self->html->len == 0)
    return;

  html_feed (self, self->html->str, self->html->len);
  g_string_truncate (self->html, 0);
}

/* }}} */

/* md4c's callbacks {{{ */

/* A text for an image's alt or a formula: plain */
static void
append_plain_piece (GString       *out,
                    MD_TEXTTYPE    type,
                    const MD_CHAR *text,
                    MD_SIZE        size)
{
  switch (type)
    {
    case MD_TEXT_ENTITY:
      append_entity (out, text, size);
      break;
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHAR);
      break;
    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;
    case MD_TEXT_HTML:
      break;
    default:
      append_clean (out, text, size);
      break;
    }
}

/* The end of a leaf block: the styles HTML opened in it end too */
static void
end_leaf (Parse *self)
{
  finish_summary (self);
  memset (self->html_styles, 0, sizeof self->html_styles);
  for (guint i = self->links->len; i > 0; i--)
    if (g_array_index (self->links, Link, i - 1).html)
      {
        g_free (g_array_index (self->links, Link, i - 1).href);
        g_array_remove_index (self->links, i - 1);
      }
  self->skip_until = NULL;
  self->leaf = LEAF_NONE;
  self->leaf_block = NULL;
  self->first = self->last_end = NULL;
  self->cut_before = self->cut_after = FALSE;
}

static void
start_code (Parse                *self,
            MD_BLOCK_CODE_DETAIL *detail)
{
  WendaRichBlock *block = block_new (WENDA_RICH_CODE);

  self->leaf = LEAF_CODE;
  self->leaf_block = block;
  self->fence_char = detail->fence_char;
  g_string_truncate (self->raw, 0);

  if (detail->lang.size > 0)
    {
      g_autofree char *lang = attribute_to_string (&detail->lang);

      block->info = g_utf8_strdown (lang, -1);
      if (g_str_equal (block->info, "mermaid"))
        block->diagram = WENDA_RICH_DIAGRAM_MERMAID;
      else if (g_str_equal (block->info, "dot") || g_str_equal (block->info, "graphviz"))
        block->diagram = WENDA_RICH_DIAGRAM_DOT;
    }
  /* The info string is on the opening fence's line */
  if (detail->info.size > 0 && in_input (self, detail->info.text))
    note_text (self, detail->info.text, detail->info.size);
}

/* Whether the line at @offset is a closing fence of @fence_char */
static gboolean
is_fence_line (Parse *self,
               gsize  offset)
{
  gsize p = offset, n = 0;

  while (p < self->length && p - offset < 3 && self->input[p] == ' ')
    p++;
  while (p + n < self->length && self->input[p + n] == self->fence_char)
    n++;

  return n >= 3;
}

static void
finish_code (Parse *self)
{
  WendaRichBlock *block = self->leaf_block;

  if (self->raw->len > 0 && self->raw->str[self->raw->len - 1] != '\n')
    g_string_append_c (self->raw, '\n');
  block->text = g_strndup (self->raw->str, self->raw->len);

  leaf_range (self, block, FALSE, FALSE);
  if (block->src_start != NO_RANGE && self->fence_char != 0)
    {
      /* The opening fence, when the range starts at the code, and the
       * closing one */
      if (!is_fence_line (self, block->src_start))
        {
          gsize prev = block->src_start;

          if (prev > 0)
            {
              prev--;
              if (prev > 0 && self->input[prev] == '\n' && self->input[prev - 1] == '\r')
                prev--;
              prev = wenda_md_line_start (self->input, prev);
              if (is_fence_line (self, prev))
                block->src_start = prev;
            }
        }
      if (block->src_end < self->length && is_fence_line (self, block->src_end))
        block->src_end = wenda_md_line_end (self->input, self->length, block->src_end);
    }

  add_block (self, block);
}

static void
finish_html_block (Parse *self)
{
  g_autoptr(GString) raw = g_steal_pointer (&self->raw);

  self->raw = g_string_new (NULL);
  self->html_first = self->first;
  self->html_last_end = self->last_end;
  html_feed (self, raw->str, raw->len);
  finish_paragraph (self);
  self->html_first = self->html_last_end = NULL;
}

static int
enter_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parse *self = user_data;
  WendaRichBlock *parent;
  WendaRichBlock *block = NULL;
  gboolean room = self->n_blocks < WENDA_RICH_MAX_DEPTH;

  flush_html (self);
  /* A tight item's text ends where a block starts */
  finish_paragraph (self);
  settle_math (self, TRUE);
  finish_summary (self);
  parent = container (self);

  switch (type)
    {
    case MD_BLOCK_DOC:
      return 0;

    case MD_BLOCK_QUOTE:
      if (room)
        block = block_new (WENDA_RICH_QUOTE);
      push_frame (self, block, FALSE);
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      if (room)
        {
          block = block_new (WENDA_RICH_LIST);
          block->ordered = type == MD_BLOCK_OL;
          if (block->ordered)
            block->start = ((MD_BLOCK_OL_DETAIL *)detail)->start;
        }
      push_frame (self, block, FALSE);
      break;

    case MD_BLOCK_LI:
      if (parent->kind == WENDA_RICH_LIST && parent != self->root)
        {
          MD_BLOCK_LI_DETAIL *li = detail;

          block = block_new (WENDA_RICH_ITEM);
          if (li->is_task)
            block->task = li->task_mark == ' ' ? WENDA_RICH_TASK_OPEN : WENDA_RICH_TASK_DONE;
        }
      push_frame (self, block, FALSE);
      break;

    case MD_BLOCK_TABLE:
      if (room)
        block = block_new (WENDA_RICH_TABLE);
      push_frame (self, block, FALSE);
      break;

    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      self->in_head = type == MD_BLOCK_THEAD;
      push_frame (self, NULL, FALSE);
      break;

    case MD_BLOCK_TR:
      if (parent->kind == WENDA_RICH_TABLE && parent != self->root)
        {
          block = block_new (WENDA_RICH_ROW);
          block->header = self->in_head;
        }
      push_frame (self, block, FALSE);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (parent->kind == WENDA_RICH_ROW && parent != self->root)
        {
          block = block_new (WENDA_RICH_CELL);
          block->header = type == MD_BLOCK_TH || self->in_head;
          block->align = (WendaRichAlign)((MD_BLOCK_TD_DETAIL *)detail)->align;
          self->leaf = LEAF_CELL;
          self->leaf_block = block;
        }
      else
        self->leaf = LEAF_PARAGRAPH;
      break;

    case MD_BLOCK_H:
      block = block_new (WENDA_RICH_HEADING);
      block->level = CLAMP (((MD_BLOCK_H_DETAIL *)detail)->level, 1, 6);
      self->leaf = LEAF_HEADING;
      self->leaf_block = block;
      break;

    case MD_BLOCK_P:
      self->leaf = LEAF_PARAGRAPH;
      break;

    case MD_BLOCK_CODE:
      start_code (self, detail);
      break;

    case MD_BLOCK_HTML:
      self->leaf = LEAF_HTML;
      g_string_truncate (self->raw, 0);
      break;

    case MD_BLOCK_HR:
      add_block (self, block_new (WENDA_RICH_RULE));
      break;

    default:
      break;
    }

  return 0;
}

static int
leave_block (MD_BLOCKTYPE type,
             void        *detail,
             void        *user_data)
{
  Parse *self = user_data;

  flush_html (self);

  switch (type)
    {
    case MD_BLOCK_DOC:
      break;

    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
    case MD_BLOCK_LI:
    case MD_BLOCK_TABLE:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_TR:
      finish_paragraph (self);
      settle_math (self, TRUE);
      end_leaf (self);
      close_details (self);
      if (self->frames->len > 1)
        pop_frame (self);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
    case MD_BLOCK_H:
      if (self->leaf == LEAF_HEADING || self->leaf == LEAF_CELL)
        {
          WendaRichBlock *block = self->leaf_block;

          finish_summary (self);
          block->inline_ = builder_take (&self->para);
          /* Cells share their row's line: each is its own text */
          leaf_range (self, block, block->kind == WENDA_RICH_CELL, block->kind == WENDA_RICH_CELL);
          /* A setext heading: its underline is part of it */
          if (block->kind == WENDA_RICH_HEADING && block->src_start != NO_RANGE)
            {
              gsize p = block->src_start;

              while (p < block->src_end && (self->input[p] == ' ' || self->input[p] == '>'))
                p++;
              if (p < block->src_end && self->input[p] != '#')
                block->src_end = wenda_md_line_end (self->input, self->length, block->src_end);
            }
          add_block (self, block);
          end_leaf (self);
          break;
        }
      G_GNUC_FALLTHROUGH;

    case MD_BLOCK_P:
      finish_paragraph (self);
      settle_math (self, TRUE);
      end_leaf (self);
      break;

    case MD_BLOCK_CODE:
      if (self->leaf == LEAF_CODE)
        finish_code (self);
      end_leaf (self);
      break;

    case MD_BLOCK_HTML:
      if (self->leaf == LEAF_HTML)
        finish_html_block (self);
      end_leaf (self);
      break;

    default:
      break;
    }

  return 0;
}

/* Display math: a block of its own in a paragraph, cutting it */
static void
enter_display_math (Parse *self)
{
  self->cut_after = TRUE;
  finish_paragraph (self);
  self->cut_after = FALSE;
  /* Two formulas in a row: the first ends at its "$$" */
  self->open_math = NULL;

  self->in_display = TRUE;
  g_string_truncate (self->math, 0);
  self->math_first = self->math_last_end = NULL;
}

static void
leave_display_math (Parse *self)
{
  WendaRichBlock *block;
  g_autofree char *tex = NULL;

  self->in_display = FALSE;
  tex = g_strstrip (g_strndup (self->math->str, self->math->len));
  if (tex[0] == '\0')
    return;

  block = block_new (WENDA_RICH_MATH);
  block->text = g_steal_pointer (&tex);

  if (self->math_first != NULL)
    {
      gsize start = self->math_first - self->input;
      gsize end = self->math_last_end - self->input;
      gsize line;
      gboolean alone = TRUE;

      /* Over white space to the "$$" on each side */
      while (start > 0 && is_space (self->input[start - 1]))
        start--;
      if (start >= 2 && memcmp (self->input + start - 2, "$$", 2) == 0)
        start -= 2;
      while (end < self->length && is_space (self->input[end]))
        end++;
      if (end + 2 <= self->length && memcmp (self->input + end, "$$", 2) == 0)
        end += 2;

      /* From the start of the line if nothing is before it there */
      line = wenda_md_line_start (self->input, start);
      for (gsize i = line; i < start && alone; i++)
        alone = is_space (self->input[i]) || self->input[i] == '>';
      block->src_start = alone ? line : start;
      block->src_end = end;
    }

  add_block (self, block);
  self->open_math = block;
  self->open_math_frame = self->frames->len - 1;
  self->cut_before = TRUE;
}

static int
enter_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parse *self = user_data;

  flush_html (self);

  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG)
        self->image_depth++;
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      self->md_styles[style_index (WENDA_RICH_STYLE_ITALIC)]++;
      break;
    case MD_SPAN_STRONG:
      self->md_styles[style_index (WENDA_RICH_STYLE_BOLD)]++;
      break;
    case MD_SPAN_DEL:
      self->md_styles[style_index (WENDA_RICH_STYLE_STRIKE)]++;
      break;
    case MD_SPAN_CODE:
      self->md_styles[style_index (WENDA_RICH_STYLE_CODE)]++;
      break;
    case MD_SPAN_LATEXMATH_DISPLAY:
      if (!self->in_display && self->summary_of == NULL &&
          (self->leaf == LEAF_PARAGRAPH || self->leaf == LEAF_NONE))
        {
          enter_display_math (self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MD_SPAN_LATEXMATH:
      self->md_styles[style_index (WENDA_RICH_STYLE_MATH)]++;
      break;
    case MD_SPAN_A:
      {
        Link link = { attribute_to_string (&((MD_SPAN_A_DETAIL *)detail)->href), FALSE };

        g_array_append_val (self->links, link);
      }
      break;
    case MD_SPAN_IMG:
      {
        MD_SPAN_IMG_DETAIL *img = detail;

        self->image_depth = 1;
        g_string_truncate (self->alt, 0);
        self->image_src = attribute_to_string (&img->src);
        self->image_title = img->title.size > 0 ? attribute_to_string (&img->title) : NULL;
      }
      break;
    default:
      break;
    }

  return 0;
}

/* An image as Markdown: ![alt](src "title") */
static char *
image_markdown (const char *src,
                const char *alt,
                const char *title)
{
  GString *out = g_string_new ("![");
  gboolean angle = strpbrk (src, " ()<>") != NULL || src[0] == '\0';

  for (const char *p = alt; *p != '\0'; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append (out, angle ? "](<" : "](");
  for (const char *p = src; *p != '\0'; p++)
    {
      if (angle && (*p == '<' || *p == '>'))
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  if (angle)
    g_string_append_c (out, '>');
  if (title != NULL)
    {
      g_string_append (out, " \"");
      for (const char *p = title; *p != '\0'; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append_c (out, ')');

  return g_string_free (out, FALSE);
}

static int
leave_span (MD_SPANTYPE type,
            void       *detail,
            void       *user_data)
{
  Parse *self = user_data;
  guint *count = NULL;

  flush_html (self);

  if (self->image_depth > 0)
    {
      if (type == MD_SPAN_IMG && --self->image_depth == 0)
        {
          char *alt = g_strstrip (g_strndup (self->alt->str, self->alt->len));
          char *source = image_markdown (self->image_src, alt, self->image_title);

          builder_image (target (self), g_steal_pointer (&self->image_src), alt,
                         g_steal_pointer (&self->image_title), source,
                         current_style (self), current_href (self));
        }
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_EM:
      count = &self->md_styles[style_index (WENDA_RICH_STYLE_ITALIC)];
      break;
    case MD_SPAN_STRONG:
      count = &self->md_styles[style_index (WENDA_RICH_STYLE_BOLD)];
      break;
    case MD_SPAN_DEL:
      count = &self->md_styles[style_index (WENDA_RICH_STYLE_STRIKE)];
      break;
    case MD_SPAN_CODE:
      count = &self->md_styles[style_index (WENDA_RICH_STYLE_CODE)];
      break;
    case MD_SPAN_LATEXMATH_DISPLAY:
      if (self->in_display)
        {
          leave_display_math (self);
          break;
        }
      G_GNUC_FALLTHROUGH;
    case MD_SPAN_LATEXMATH:
      count = &self->md_styles[style_index (WENDA_RICH_STYLE_MATH)];
      break;
    case MD_SPAN_A:
      /* md4c's links nest well: the innermost of its own */
      for (guint i = self->links->len; i > 0; i--)
        if (!g_array_index (self->links, Link, i - 1).html)
          {
            g_free (g_array_index (self->links, Link, i - 1).href);
            g_array_remove_index (self->links, i - 1);
            break;
          }
      break;
    default:
      break;
    }

  if (count != NULL && *count > 0)
    (*count)--;

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Parse *self = user_data;
  WendaRichStyle style;
  const char *href;
  Builder *b;

  if (self->leaf == LEAF_CODE)
    {
      note_text (self, text, size);
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (self->raw, REPLACEMENT_CHAR);
      else
        append_clean (self->raw, text, size);
      return 0;
    }
  if (self->leaf == LEAF_HTML)
    {
      note_text (self, text, size);
      g_string_append_len (self->raw, text, size);
      return 0;
    }

  if (type == MD_TEXT_HTML)
    {
      note_text (self, text, size);
      g_string_append_len (self->html, text, size);
      return 0;
    }
  flush_html (self);

  if (type != MD_TEXT_SOFTBR && type != MD_TEXT_BR)
    note_text (self, text, size);

  if (self->skip_until != NULL)
    return 0;
  if (self->image_depth > 0)
    {
      append_plain_piece (self->alt, type, text, size);
      return 0;
    }
  if (self->in_display)
    {
      append_plain_piece (self->math, type, text, size);
      return 0;
    }

  b = target (self);
  style = current_style (self);
  href = current_href (self);
  switch (type)
    {
    case MD_TEXT_NORMAL:
      builder_append (b, text, size, style, href, TRUE);
      break;
    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        append_entity (decoded, text, size);
        builder_append (b, decoded->str, decoded->len, style, href, FALSE);
      }
      break;
    case MD_TEXT_NULLCHAR:
      builder_append (b, REPLACEMENT_CHAR, 3, style, href, FALSE);
      break;
    case MD_TEXT_BR:
      builder_break (b);
      break;
    case MD_TEXT_SOFTBR:
      builder_gap (b, GAP_SOFT);
      break;
    default:
      builder_append (b, text, size, style, href, FALSE);
      break;
    }

  return 0;
}

/* }}} */

/* The tree {{{ */

/* Siblings in order, none overlapping the one before; a block with no
 * text gets the lines between its neighbours.  Recursive, as deep as the
 * tree (bounded). */
static void
fix_ranges (GPtrArray *blocks,
            gsize      start,
            gsize      end)
{
  gsize prev_end = start;

  for (guint i = 0; i < blocks->len; i++)
    {
      WendaRichBlock *block = g_ptr_array_index (blocks, i);

      if (block->src_start == NO_RANGE)
        {
          /* Filled in below, from the next block */
          block->src_start = prev_end;
          block->src_end = NO_RANGE;
        }
      else
        {
          block->src_start = CLAMP (block->src_start, prev_end, end);
          block->src_end = CLAMP (block->src_end, block->src_start, end);
        }

      if (i > 0)
        {
          WendaRichBlock *prev = g_ptr_array_index (blocks, i - 1);

          if (prev->src_end == NO_RANGE || prev->src_end > block->src_start)
            prev->src_end = block->src_start;
        }
      prev_end = block->src_end == NO_RANGE ? block->src_start : block->src_end;
    }

  if (blocks->len > 0)
    {
      WendaRichBlock *last = g_ptr_array_index (blocks, blocks->len - 1);

      if (last->src_end == NO_RANGE)
        last->src_end = MAX (end, last->src_start);
    }

  for (guint i = 0; i < blocks->len; i++)
    {
      WendaRichBlock *block = g_ptr_array_index (blocks, i);

      if (block->children != NULL)
        fix_ranges (block->children, block->src_start, block->src_end);
    }
}

/**
 * wenda_rich_parse:
 * @markdown: the Markdown; bytes that are not UTF-8 become U+FFFD in the
 *   text, and the offsets are those of @markdown as it is
 * @length: its length, or -1 if it ends with a NUL
 *
 * Returns: (transfer full): its tree of blocks, never NULL
 */
WendaRichDoc *
wenda_rich_parse (const char *markdown,
                  gssize      length)
{
  WendaRichDoc *doc = g_new0 (WendaRichDoc, 1);
  MD_PARSER parser = { 0, };
  Parse self = { 0, };
  Frame root_frame = { NULL, NULL, FALSE, NO_RANGE, NO_RANGE };

  g_return_val_if_fail (markdown != NULL || length == 0, NULL);

  if (length < 0)
    length = strlen (markdown);
  g_return_val_if_fail ((gsize)length <= G_MAXUINT32, NULL);

  self.input = markdown;
  self.length = length;
  self.root = block_new (WENDA_RICH_QUOTE);
  self.frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  root_frame.container = self.root;
  g_array_append_val (self.frames, root_frame);
  builder_init (&self.para);
  builder_init (&self.summary);
  self.raw = g_string_new (NULL);
  self.math = g_string_new (NULL);
  self.alt = g_string_new (NULL);
  self.html = g_string_new (NULL);
  self.links = g_array_new (FALSE, FALSE, sizeof (Link));

  parser.flags = WENDA_MD_FLAGS;
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = enter_span;
  parser.leave_span = leave_span;
  parser.text = text_cb;

  if (length > 0)
    md_parse (markdown, (MD_SIZE)length, &parser, &self);

  /* What md4c left open if it stopped */
  flush_html (&self);
  if (self.leaf != LEAF_NONE && self.leaf != LEAF_PARAGRAPH && self.leaf != LEAF_HTML)
    block_free (self.leaf_block);
  self.leaf = LEAF_NONE;
  finish_paragraph (&self);
  end_leaf (&self);
  while (self.frames->len > 1)
    pop_frame (&self);

  doc->blocks = g_steal_pointer (&self.root->children);
  block_free (self.root);
  fix_ranges (doc->blocks, 0, length);

  builder_clear (&self.para);
  builder_clear (&self.summary);
  g_string_free (self.raw, TRUE);
  g_string_free (self.math, TRUE);
  g_string_free (self.alt, TRUE);
  g_string_free (self.html, TRUE);
  for (guint i = 0; i < self.links->len; i++)
    g_free (g_array_index (self.links, Link, i).href);
  g_array_unref (self.links);
  g_array_unref (self.frames);
  g_free (self.image_src);
  g_free (self.image_title);

  return doc;
}

/* The first paragraph or heading, in document order */
static WendaRichBlock *
find_first_inline (GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      WendaRichBlock *block = g_ptr_array_index (blocks, i);

      if (block->kind == WENDA_RICH_PARAGRAPH || block->kind == WENDA_RICH_HEADING)
        return block;
      if (block->children != NULL)
        {
          WendaRichBlock *found = find_first_inline (block->children);

          if (found != NULL)
            return found;
        }
    }

  return NULL;
}

/**
 * wenda_rich_parse_inline:
 *
 * Returns: (transfer full): the inline text of the first paragraph or
 *   heading of @markdown, or an empty one; never NULL
 */
WendaRichInline *
wenda_rich_parse_inline (const char *markdown,
                         gssize      length)
{
  g_autoptr(WendaRichDoc) doc = wenda_rich_parse (markdown, length);
  WendaRichBlock *block;

  if (doc == NULL)
    return inline_new_empty ();

  block = find_first_inline (doc->blocks);
  if (block == NULL)
    return inline_new_empty ();

  return g_steal_pointer (&block->inline_);
}

/* }}} */

/* Markup, plain text, counts {{{ */

static const struct
{
  WendaRichStyle  style;
  const char     *open;
  const char     *close;
} markup_tags[] = {
  { WENDA_RICH_STYLE_BOLD, "<b>", "</b>" },
  { WENDA_RICH_STYLE_ITALIC, "<i>", "</i>" },
  { WENDA_RICH_STYLE_STRIKE, "<s>", "</s>" },
  /* bgalpha as a percentage: Pango 1.38 and newer */
  { WENDA_RICH_STYLE_CODE,
    "<span font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"18%\">", "</span>" },
  /* Until formulas are typeset (issue 18): their TeX, in monospace */
  { WENDA_RICH_STYLE_MATH, "<span font_family=\"monospace\">", "</span>" },
  { WENDA_RICH_STYLE_SUP, "<sup>", "</sup>" },
  { WENDA_RICH_STYLE_SUB, "<sub>", "</sub>" },
};

static void
append_escaped (GString    *out,
                const char *text,
                gsize       len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);

  g_string_append (out, escaped);
}

/* text[start, end) escaped, each image's U+FFFC as its alt in brackets
 * (or nothing); *@image: the first image not yet passed */
static void
append_markup_text (GString               *out,
                    const WendaRichInline *inline_,
                    guint                  start,
                    guint                  end,
                    gboolean               keep_objects,
                    guint                 *image)
{
  while (start < end)
    {
      const WendaRichImage *next = NULL;
      guint stop = end;

      while (*image < inline_->images->len &&
             g_array_index (inline_->images, WendaRichImage, *image).offset < start)
        (*image)++;
      if (*image < inline_->images->len)
        {
          next = &g_array_index (inline_->images, WendaRichImage, *image);
          if (next->offset < end)
            stop = next->offset;
          else
            next = NULL;
        }

      append_escaped (out, inline_->text + start, stop - start);
      start = stop;
      if (next != NULL)
        {
          if (keep_objects)
            {
              g_string_append_c (out, '[');
              append_escaped (out, next->alt, -1);
              g_string_append_c (out, ']');
            }
          start += 3;
          (*image)++;
        }
    }
}

/**
 * wenda_rich_inline_to_markup:
 *
 * Returns: (transfer full): Pango markup, with <a href> as GtkLabel reads
 *   it
 */
char *
wenda_rich_inline_to_markup (const WendaRichInline *inline_,
                             gboolean               keep_objects)
{
  GString *out;
  guint pos = 0, image = 0;

  g_return_val_if_fail (inline_ != NULL, NULL);

  out = g_string_sized_new (inline_->length + 16);
  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const WendaRichSpan *span = &g_array_index (inline_->spans, WendaRichSpan, i);
      gboolean link = (span->style & WENDA_RICH_STYLE_LINK) && span->href != NULL;

      if (span->start >= span->end || span->end > inline_->length || span->start < pos)
        continue;

      append_markup_text (out, inline_, pos, span->start, keep_objects, &image);

      if (link)
        {
          g_string_append (out, "<a href=\"");
          append_escaped (out, span->href, -1);
          g_string_append (out, "\">");
        }
      for (guint t = 0; t < G_N_ELEMENTS (markup_tags); t++)
        if (span->style & markup_tags[t].style)
          g_string_append (out, markup_tags[t].open);

      append_markup_text (out, inline_, span->start, span->end, keep_objects, &image);

      for (guint t = G_N_ELEMENTS (markup_tags); t > 0; t--)
        if (span->style & markup_tags[t - 1].style)
          g_string_append (out, markup_tags[t - 1].close);
      if (link)
        g_string_append (out, "</a>");

      pos = span->end;
    }
  append_markup_text (out, inline_, pos, inline_->length, keep_objects, &image);

  return g_string_free (out, FALSE);
}

static void
ensure_line_end (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* The text with each image's U+FFFC as its alt */
static void
append_inline_plain (GString               *out,
                     const WendaRichInline *inline_)
{
  guint pos = 0;

  if (inline_ == NULL)
    return;

  for (guint i = 0; i < inline_->images->len; i++)
    {
      const WendaRichImage *image = &g_array_index (inline_->images, WendaRichImage, i);

      if (image->offset < pos || image->offset + 3 > inline_->length)
        continue;
      g_string_append_len (out, inline_->text + pos, image->offset - pos);
      g_string_append (out, image->alt);
      pos = image->offset + 3;
    }
  g_string_append_len (out, inline_->text + pos, inline_->length - pos);
}

static void
append_blocks_plain (GString   *out,
                     GPtrArray *blocks);

static void
append_block_plain (GString              *out,
                    const WendaRichBlock *block)
{
  switch (block->kind)
    {
    case WENDA_RICH_PARAGRAPH:
    case WENDA_RICH_HEADING:
      append_inline_plain (out, block->inline_);
      ensure_line_end (out);
      break;

    case WENDA_RICH_CODE:
    case WENDA_RICH_MATH:
      g_string_append (out, block->text);
      ensure_line_end (out);
      break;

    case WENDA_RICH_LIST:
      for (guint i = 0; i < block->children->len; i++)
        {
          const WendaRichBlock *item = g_ptr_array_index (block->children, i);

          if (block->ordered)
            g_string_append_printf (out, "%u. ", block->start + i);
          else
            g_string_append (out, "- ");
          if (item->kind == WENDA_RICH_ITEM && item->task != WENDA_RICH_TASK_NONE)
            g_string_append (out, item->task == WENDA_RICH_TASK_DONE ? "[x] " : "[ ] ");
          append_block_plain (out, item);
          ensure_line_end (out);
        }
      break;

    case WENDA_RICH_ROW:
      for (guint i = 0; i < block->children->len; i++)
        {
          const WendaRichBlock *cell = g_ptr_array_index (block->children, i);

          if (i > 0)
            g_string_append_c (out, '\t');
          append_inline_plain (out, cell->inline_);
        }
      g_string_append_c (out, '\n');
      break;

    case WENDA_RICH_CELL:
      append_inline_plain (out, block->inline_);
      ensure_line_end (out);
      break;

    case WENDA_RICH_DETAILS:
      append_inline_plain (out, block->inline_);
      ensure_line_end (out);
      append_blocks_plain (out, block->children);
      break;

    case WENDA_RICH_RULE:
      break;

    default:
      if (block->children != NULL)
        append_blocks_plain (out, block->children);
      break;
    }
}

static void
append_blocks_plain (GString   *out,
                     GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    append_block_plain (out, g_ptr_array_index (blocks, i));
}

/**
 * wenda_rich_doc_to_plain:
 *
 * Returns: (transfer full): the plain text of @doc
 */
char *
wenda_rich_doc_to_plain (const WendaRichDoc *doc)
{
  GString *out;

  g_return_val_if_fail (doc != NULL, NULL);

  out = g_string_new (NULL);
  append_blocks_plain (out, doc->blocks);
  return g_string_free (out, FALSE);
}

static guint
count_blocks (GPtrArray     *blocks,
              WendaRichKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const WendaRichBlock *block = g_ptr_array_index (blocks, i);

      n += block->kind == kind;
      if (block->children != NULL)
        n += count_blocks (block->children, kind);
    }

  return n;
}

guint
wenda_rich_doc_count (const WendaRichDoc *doc,
                      WendaRichKind       kind)
{
  g_return_val_if_fail (doc != NULL, 0);

  return count_blocks (doc->blocks, kind);
}

/* }}} */
