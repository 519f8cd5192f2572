/* wenda-csv.c: read a question bank from a CSV or TSV file, Anki's "Notes
 * in Plain Text" too
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A table of questions, one a row (README: "CSV, TSV and Anki's text
 * files").  The fields are cut by libcsv: quotes, doubled quotes, line
 * breaks and delimiters inside quotes, CRLF or CR line ends, a missing
 * last line end.  libcsv says nothing of lines, so the text is fed to it
 * one line at a time, and the line where each row starts is the first
 * line fed since the row before it ended: every message names it.
 *
 * Anki's file headers (Anki manual, "Text Files", "File Headers"), the
 * "#key:value" lines at the top, after an optional "tags:" line, are read
 * as Anki 2.1.55 reads them: the key trimmed and in any case, the value
 * as written (a literal space is a delimiter):
 *
 *   #separator:   Comma, Semicolon, Tab, Space, Pipe, Colon, or the
 *                 character itself
 *   #html:        true or false: the fields are HTML (below), or text
 *   #columns:     the columns' names, cut by the delimiter, which map
 *                 them as a header row's do
 *   #tags column:, #guid column:  which column holds the tags, the guid
 *   #notetype column:, #deck column:  columns that are no field
 *   #deck:        the bank's title
 *   #notetype:, #tags:, and any other: read and left
 *
 * Any other line that starts with "#" there is a comment, and so is a row
 * that starts with "#" in such a file (Anki reads "#" as its comment
 * character; Wenda's own export quotes a field that starts with one).
 *
 * The delimiter, when no header names it, is the one of comma, tab,
 * semicolon and pipe (tab first for .tsv and .tab) whose rows, among the
 * first ones, most often have the same number of fields, at least two.
 * The first row names the columns when its cells are all known names
 * (column_names[] below: question, front, 问题, answer, 答案, 解析, tags,
 * 标签, guid, number, 序号…), or when it is unlike the rows under it: all
 * short, with no question mark, where they ask questions or run long.
 *
 * The columns: those the options choose, else those named (by the header
 * row or "#columns:"), else the fields in order, leaving out the ones the
 * Anki headers give to tags, guids, note types and decks: question,
 * answer, explanation.  A guid column's text makes the item's id
 * ("PREFIX-" and the guid, its characters other than letters, digits,
 * "-", "_" and "." written "~XX"), so a deck exported again keeps its
 * ids; else a number column's, where each number is used once; else a
 * hash of the question, as the Markdown layouts do.
 *
 * Tags are Anki's, separated by blanks.  The first one that is not
 * "wenda" (Wenda's export tags every note with it) is the question's
 * section, read back as wenda-bank-export.c writes it: "::" between the
 * levels of the path, "_" for a blank, ":_:" for a "::" in a title.  The
 * questions of a section must be together (as a bank's are): they are
 * put together in the order of the first of each, the questions of no
 * section first.
 *
 * With "#html:true" a field is HTML: <br>, <div>, <p> (and <li>, <tr>,
 * headings) end a line, <b>/<strong> become "**…**" and <i>/<em> "*…*",
 * the text of any other tag stays, <style> and <script> go, and entities
 * (&amp; &lt; &#39; &#x4e2d;…) are decoded.  Nothing is ever read as
 * Pango markup: the result is Markdown text, as the other readers keep.
 *
 * Each field loses the blanks around it, its line ends become "\n".  A
 * row whose fields are all empty is passed over.  A row with no question
 * is skipped and reported; a row with no answer is kept, with a warning;
 * a row with fewer fields than the file's columns, or more, is read with
 * a warning naming what is missing or left.
 */

#include "config.h"

#include <string.h>

#include <csv.h>
#include <glib/gi18n-lib.h>

#include "wenda-bank-private.h"
#include "wenda-csv-private.h"
#include "wenda-layout-private.h"
#include "wenda-section-private.h"
#include "wenda-text-check-private.h"

/* Lines between two progress and cancellation checks */
#define TICK_LINES 4096

/* How many rows, and bytes, the delimiter and header are found from */
#define SNIFF_ROWS  50
#define SNIFF_BYTES (64 * 1024)

/* A header's cell is short; longer cells are content */
#define HEADER_CHARS 32

/* libcsv 3's parser state of a field that has begun and not ended
 * (libcsv.c, FIELD_BEGUN): with csv_parser.quoted, a quote that is never
 * closed.  libcsv 3.0.3 has been the release since 2013. */
#define LIBCSV_FIELD_BEGUN 2

/* What a column holds: the public roles first */
typedef enum
{
  ROLE_GUID = WENDA_CSV_N_ROLES,
  ROLE_NUMBER,
  ROLE_OTHER,          /* Anki's note type and deck columns */
  N_ROLES,
  ROLE_NONE = N_ROLES,
} Role;

/* The names a column is known by, lower case */
static const struct
{
  const char *name;
  guint       role;
} column_names[] = {
  { "question", WENDA_CSV_ROLE_QUESTION },
  { "questions", WENDA_CSV_ROLE_QUESTION },
  { "front", WENDA_CSV_ROLE_QUESTION },
  { "q", WENDA_CSV_ROLE_QUESTION },
  { "prompt", WENDA_CSV_ROLE_QUESTION },
  { "问题", WENDA_CSV_ROLE_QUESTION },
  { "题目", WENDA_CSV_ROLE_QUESTION },
  { "问", WENDA_CSV_ROLE_QUESTION },
  { "面试题", WENDA_CSV_ROLE_QUESTION },
  { "正面", WENDA_CSV_ROLE_QUESTION },
  { "answer", WENDA_CSV_ROLE_ANSWER },
  { "answers", WENDA_CSV_ROLE_ANSWER },
  { "back", WENDA_CSV_ROLE_ANSWER },
  { "a", WENDA_CSV_ROLE_ANSWER },
  { "response", WENDA_CSV_ROLE_ANSWER },
  { "答案", WENDA_CSV_ROLE_ANSWER },
  { "参考答案", WENDA_CSV_ROLE_ANSWER },
  { "答", WENDA_CSV_ROLE_ANSWER },
  { "回答", WENDA_CSV_ROLE_ANSWER },
  { "背面", WENDA_CSV_ROLE_ANSWER },
  { "explanation", WENDA_CSV_ROLE_EXPLANATION },
  { "explanations", WENDA_CSV_ROLE_EXPLANATION },
  { "extra", WENDA_CSV_ROLE_EXPLANATION },
  { "notes", WENDA_CSV_ROLE_EXPLANATION },
  { "解析", WENDA_CSV_ROLE_EXPLANATION },
  { "解释", WENDA_CSV_ROLE_EXPLANATION },
  { "说明", WENDA_CSV_ROLE_EXPLANATION },
  { "备注", WENDA_CSV_ROLE_EXPLANATION },
  { "tags", WENDA_CSV_ROLE_TAGS },
  { "tag", WENDA_CSV_ROLE_TAGS },
  { "标签", WENDA_CSV_ROLE_TAGS },
  { "section", WENDA_CSV_ROLE_TAGS },
  { "章节", WENDA_CSV_ROLE_TAGS },
  { "分类", WENDA_CSV_ROLE_TAGS },
  { "guid", ROLE_GUID },
  { "id", ROLE_GUID },
  { "number", ROLE_NUMBER },
  { "no", ROLE_NUMBER },
  { "no.", ROLE_NUMBER },
  { "#", ROLE_NUMBER },
  { "序号", ROLE_NUMBER },
  { "编号", ROLE_NUMBER },
  { "题号", ROLE_NUMBER },
  { "notetype", ROLE_OTHER },
  { "note type", ROLE_OTHER },
  { "deck", ROLE_OTHER },
};

/* Text {{{ */

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* @text[0, @len) without the blanks around it, its line ends "\n" */
static void
append_field (GString    *out,
              const char *text,
              gsize       len)
{
  const char *p = text, *e = text + len;

  while (p < e && is_blank (*p))
    p++;
  while (e > p && is_blank (e[-1]))
    e--;

  for (; p < e; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p + 1 < e && p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
}

static char *
lower_name (const char *text)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *lower = NULL;

  append_field (out, text, strlen (text));
  /* "问题：", "Answer:" */
  if (g_str_has_suffix (out->str, "\xEF\xBC\x9A"))
    g_string_truncate (out, out->len - 3);
  else if (g_str_has_suffix (out->str, ":"))
    g_string_truncate (out, out->len - 1);
  lower = g_ascii_strdown (out->str, out->len);

  return g_strstrip (g_steal_pointer (&lower));
}

/* The role a column's name says, or ROLE_NONE */
static guint
role_of_name (const char *name)
{
  g_autofree char *lower = lower_name (name);

  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    if (g_str_equal (lower, column_names[i].name))
      return column_names[i].role;

  return ROLE_NONE;
}

static void
append_unichar (GString  *out,
                gunichar  c)
{
  /* A NUL or a character that is none would make the text invalid */
  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
    c = 0xFFFD;
  g_string_append_unichar (out, c);
}

/* An entity at @p ("&amp;", "&#39;", "&#x4E2D;"): appended, and the end
 * returned; NULL if it is none */
static const char *
append_entity (GString    *out,
               const char *p,
               const char *e)
{
  static const struct { const char *name; gunichar c; } names[] = {
    { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    { "nbsp", ' ' },
  };
  const char *semi = memchr (p, ';', MIN ((gsize)(e - p), 12));
  const char *name = p + 1;

  if (semi == NULL || semi == name)
    return NULL;

  if (*name == '#')
    {
      guint64 c = 0;
      gboolean hex = name + 1 < semi && (name[1] == 'x' || name[1] == 'X');
      const char *d = name + 1 + hex;

      if (d == semi)
        return NULL;
      for (; d < semi; d++)
        {
          if (!(hex ? g_ascii_isxdigit (*d) : g_ascii_isdigit (*d)))
            return NULL;
          c = c * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*d) : g_ascii_digit_value (*d));
          if (c > 0x10FFFF)
            c = 0x110000;
        }
      append_unichar (out, (gunichar)c);
      return semi + 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if ((gsize)(semi - name) == strlen (names[i].name) &&
        g_ascii_strncasecmp (name, names[i].name, semi - name) == 0)
      {
        g_string_append_unichar (out, names[i].c);
        return semi + 1;
      }

  return NULL;
}

static gboolean
tag_is (const char *name,
        gsize       len,
        const char *tag)
{
  return strlen (tag) == len && g_ascii_strncasecmp (name, tag, len) == 0;
}

static void
end_line (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
}

/* A field's HTML as text (see the top of this file) */
static void
append_html (GString    *out,
             const char *text,
             gsize       len)
{
  const char *p = text, *e = text + len;
  gsize start = out->len;

  while (p < e)
    {
      const char *gt, *name, *name_end;
      gboolean closing;
      gsize n;

      if (*p == '&')
        {
          const char *next = append_entity (out, p, e);

          if (next != NULL)
            {
              p = next;
              continue;
            }
        }

      if (*p != '<' || (gt = memchr (p, '>', e - p)) == NULL)
        {
          g_string_append_c (out, *p++);
          continue;
        }

      name = p + 1;
      closing = name < gt && *name == '/';
      name += closing;
      name_end = name;
      while (name_end < gt && g_ascii_isalnum (*name_end))
        name_end++;
      n = name_end - name;

      /* "a < b" is text: a tag has a name */
      if (n == 0 && !(name < gt && name[0] == '!'))
        {
          g_string_append_c (out, *p++);
          continue;
        }

      if (tag_is (name, n, "br"))
        g_string_append_c (out, '\n');
      else if (tag_is (name, n, "div") || tag_is (name, n, "p") || tag_is (name, n, "li") ||
               tag_is (name, n, "tr") || (n == 2 && g_ascii_tolower (name[0]) == 'h' && g_ascii_isdigit (name[1])))
        end_line (out);
      else if (tag_is (name, n, "b") || tag_is (name, n, "strong"))
        g_string_append (out, "**");
      else if (tag_is (name, n, "i") || tag_is (name, n, "em"))
        g_string_append_c (out, '*');
      else if (!closing && (tag_is (name, n, "style") || tag_is (name, n, "script")))
        {
          /* What they hold is no text: up to their end, or the field's */
          g_autofree char *close = g_strdup_printf ("</%.*s", (int)n, name);
          const char *q = gt + 1;

          for (; q < e; q++)
            if (*q == '<' && (gsize)(e - q) >= strlen (close) &&
                g_ascii_strncasecmp (q, close, strlen (close)) == 0)
              break;
          gt = q < e ? memchr (q, '>', e - q) : NULL;
          if (gt == NULL)
            gt = e - 1;
        }

      p = gt + 1;
    }

  /* The blanks and line breaks around what the tags left */
  {
    g_autoptr(GString) trimmed = g_string_new (NULL);

    append_field (trimmed, out->str + start, out->len - start);
    g_string_truncate (out, start);
    g_string_append_len (out, trimmed->str, trimmed->len);
  }
}

/* A cell as the preview shows it: on one line, cut */
static char *
preview_cell (const char *text)
{
  g_autofree char *line = g_strdup (text);
  const char *cut;

  g_strdelimit (line, "\n\t", ' ');
  if (g_utf8_strlen (line, -1) <= WENDA_CSV_PREVIEW_CHARS)
    return g_steal_pointer (&line);

  cut = g_utf8_offset_to_pointer (line, WENDA_CSV_PREVIEW_CHARS);
  line[cut - line] = '\0';
  return g_strconcat (line, "…", NULL);
}

/* Characters an id keeps as they are; the others are "~XX" */
static void
append_safe (GString    *out,
             const char *text)
{
  for (const guchar *p = (const guchar *)text; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-' || *p == '_' || *p == '.')
        g_string_append_c (out, (char)*p);
      else
        g_string_append_printf (out, "~%02X", *p);
    }
}

/* }}} */

/* Cutting rows with libcsv {{{ */

typedef struct _Scanner Scanner;

/* Called for each row: its fields and the lines it spans */
typedef void (*RowFunc) (Scanner  *scanner,
                         GString **fields,
                         guint     n_fields,
                         guint     first_line,
                         guint     last_line,
                         gpointer  user_data);

struct _Scanner
{
  struct csv_parser  parser;
  GPtrArray         *fields;       /* of GString, reused: n_fields used */
  guint              n_fields;
  guint              line;         /* the line being fed */
  guint              row_line;     /* where the row being read starts; 0: none */
  gboolean           comments;     /* a row that starts with "#" is a comment */
  gboolean           stop;         /* set by the row function: no more */
  RowFunc            row;
  gpointer           user_data;
};

static void
on_field (void   *field,
          size_t  len,
          void   *data)
{
  Scanner *self = data;
  GString *out;

  if (self->n_fields == self->fields->len)
    g_ptr_array_add (self->fields, g_string_new (NULL));
  out = g_ptr_array_index (self->fields, self->n_fields++);
  g_string_truncate (out, 0);
  /* libcsv passes no buffer for an empty field it had nothing to keep in */
  if (len > 0)
    g_string_append_len (out, field, len);
}

static void
on_row (int   c,
        void *data)
{
  Scanner *self = data;

  if (!self->stop && self->row_line > 0)
    self->row (self, (GString **)self->fields->pdata, self->n_fields,
               self->row_line, self->line, self->user_data);
  self->n_fields = 0;
  self->row_line = 0;
}

/* The end of the line at @p: past its "\n", "\r\n" or "\r", or @end */
static const char *
next_line (const char *p,
           const char *end)
{
  for (; p < end; p++)
    {
      if (*p == '\n')
        return p + 1;
      if (*p == '\r')
        return p + 1 < end && p[1] == '\n' ? p + 2 : p + 1;
    }

  return end;
}

static gboolean
line_is_blank (const char *p,
               const char *end)
{
  for (; p < end; p++)
    if (!is_blank (*p))
      return FALSE;

  return TRUE;
}

static void
scanner_init (Scanner  *self,
              char      delimiter,
              gboolean  comments,
              RowFunc   row,
              gpointer  user_data)
{
  memset (self, 0, sizeof *self);
  csv_init (&self->parser, 0);
  csv_set_realloc_func (&self->parser, g_realloc);
  csv_set_free_func (&self->parser, g_free);
  csv_set_delim (&self->parser, (unsigned char)delimiter);
  self->fields = g_ptr_array_new_with_free_func ((GDestroyNotify)g_autoptr_cleanup_gstring_free);
  self->comments = comments;
  self->row = row;
  self->user_data = user_data;
}

static void
scanner_clear (Scanner *self)
{
  csv_free (&self->parser);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
}

/* Feeds one line, @line, to libcsv; rows that end in it are passed on */
static void
scanner_feed (Scanner    *self,
              const char *p,
              const char *e,
              guint       line)
{
  self->line = line;

  if (self->row_line == 0)
    {
      /* A row starts on the first line that is not blank: blank lines
       * between rows are none (libcsv skips them too) */
      if (line_is_blank (p, e) || (self->comments && *p == '#'))
        return;
      self->row_line = line;
    }

  csv_parse (&self->parser, p, e - p, on_field, on_row, self);
}

/* Ends the last row, if the text ends inside one.  Returns the line of a
 * quote never closed, 0 if none. */
static guint
scanner_finish (Scanner *self)
{
  guint unclosed = 0;

  if (self->row_line > 0 && self->parser.pstate == LIBCSV_FIELD_BEGUN && self->parser.quoted)
    unclosed = self->row_line;

  csv_fini (&self->parser, on_field, on_row, self);
  return unclosed;
}

/* }}} */

/* Anki's file headers {{{ */

typedef struct
{
  gboolean  anki;         /* a header Anki knows was read */
  char      delimiter;    /* 0: none */
  int       html;         /* -1: not said */
  char     *columns;      /* "#columns:"'s value, or NULL */
  guint     tags_column;  /* from 1, or 0 */
  guint     guid_column;
  guint     notetype_column;
  guint     deck_column;
  char     *deck;
  gsize     end;          /* where the rows start */
  guint     line;         /* and on which line */
} Headers;

static void
headers_clear (Headers *self)
{
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->deck, g_free);
}

static char
delimiter_of_value (const char *value)
{
  static const struct { const char *name; char c; } names[] = {
    { "comma", ',' }, { "semicolon", ';' }, { "tab", '\t' }, { "space", ' ' },
    { "pipe", '|' }, { "colon", ':' },
  };
  g_autofree char *lower = g_ascii_strdown (value, -1);

  g_strstrip (lower);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (lower, names[i].name))
      return names[i].c;

  /* The character itself: not one libcsv gives a meaning of its own */
  if (strlen (value) == 1 && (guchar)value[0] < 0x80 && value[0] != '"' && value[0] != '\r' &&
      value[0] != '\n' && (g_ascii_ispunct (value[0]) || value[0] == ' ' || value[0] == '\t'))
    return value[0];

  return 0;
}

static guint
column_of_value (const char *value)
{
  guint64 n = 0;

  if (!g_ascii_string_to_unsigned (g_strstrip ((char *)value), 10, 1, G_MAXUINT - 1, &n, NULL))
    return 0;
  return (guint)n;
}

static void
headers_read_line (Headers    *self,
                   const char *key,
                   gsize       key_len,
                   char       *value)
{
  g_autofree char *name = g_ascii_strdown (key, key_len);
  guint *column = NULL;

  g_strstrip (name);
  if (g_str_equal (name, "separator"))
    {
      char c = delimiter_of_value (value);

      if (c != 0)
        self->delimiter = c;
    }
  else if (g_str_equal (name, "html"))
    {
      g_autofree char *lower = g_ascii_strdown (g_strstrip (value), -1);

      if (g_str_equal (lower, "true") || g_str_equal (lower, "false"))
        self->html = g_str_equal (lower, "true");
    }
  else if (g_str_equal (name, "columns"))
    {
      g_free (self->columns);
      self->columns = g_strdup (value);
    }
  else if (g_str_equal (name, "deck"))
    {
      g_free (self->deck);
      self->deck = g_strstrip (g_strdup (value));
    }
  else if (g_str_equal (name, "tags column"))
    column = &self->tags_column;
  else if (g_str_equal (name, "guid column"))
    column = &self->guid_column;
  else if (g_str_equal (name, "notetype column"))
    column = &self->notetype_column;
  else if (g_str_equal (name, "deck column"))
    column = &self->deck_column;
  else if (!g_str_equal (name, "notetype") && !g_str_equal (name, "tags"))
    return;   /* a comment, or a header of a later Anki */

  self->anki = TRUE;
  if (column != NULL)
    *column = column_of_value (value);
}

/* The header lines at the top: "tags:…" first, then "#…" lines */
static void
headers_read (Headers    *self,
              const char *text,
              const char *end)
{
  const char *p = text;
  guint line = 1;

  memset (self, 0, sizeof *self);
  self->html = -1;

  for (; p < end; line++)
    {
      const char *e = next_line (p, end);
      const char *content_end = e;
      const char *colon;
      g_autofree char *value = NULL;

      while (content_end > p && (content_end[-1] == '\n' || content_end[-1] == '\r'))
        content_end--;

      if (line == 1 && content_end - p >= 5 && memcmp (p, "tags:", 5) == 0)
        {
          self->anki = TRUE;
          p = e;
          continue;
        }
      if (*p != '#')
        break;

      colon = memchr (p, ':', content_end - p);
      if (colon != NULL)
        {
          value = g_strndup (colon + 1, content_end - colon - 1);
          headers_read_line (self, p + 1, colon - p - 1, value);
        }
      p = e;
    }

  self->end = p - text;
  self->line = line;
}

/**
 * wenda_csv_text_has_anki_headers:
 *
 * See wenda-csv-private.h.
 */
gboolean
wenda_csv_text_has_anki_headers (const char *text,
                                 gsize       length)
{
  gsize bom = wenda_text_skip_bom (text, length);
  const char *p = text + bom, *end = text + length;

  for (guint line = 1; p < end; line++)
    {
      const char *e = next_line (p, end);

      if (line == 1 && e - p >= 5 && memcmp (p, "tags:", 5) == 0)
        {
          p = e;
          continue;
        }
      if (*p != '#')
        return FALSE;
      if (e - p > 10 && (g_ascii_strncasecmp (p, "#separator:", 11) == 0 ||
                         g_ascii_strncasecmp (p, "#columns:", 9) == 0))
        return TRUE;
      p = e;
    }

  return FALSE;
}

/* }}} */

/* The delimiter and the header row {{{ */

/* The first rows, cut with one delimiter */
typedef struct
{
  char       delimiter;
  GPtrArray *rows;          /* of GStrv */
  guint      n_rows;        /* rows seen (rows keeps SNIFF_ROWS at most) */
  guint      mode;          /* the most frequent number of fields */
  guint      n_mode;        /* how many rows have it */
  gsize      limit;         /* bytes to look at */
} Sniff;

static void
sniff_row (Scanner  *scanner,
           GString **fields,
           guint     n_fields,
           guint     first_line,
           guint     last_line,
           gpointer  user_data)
{
  Sniff *self = user_data;
  GStrv cells = g_new0 (char *, n_fields + 1);

  for (guint i = 0; i < n_fields; i++)
    cells[i] = g_strndup (fields[i]->str, fields[i]->len);
  g_ptr_array_add (self->rows, cells);
  self->n_rows++;

  if (self->n_rows >= SNIFF_ROWS)
    scanner->stop = TRUE;
}

static void
sniff_count (Sniff *self)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);

  self->mode = 0;
  self->n_mode = 0;
  for (guint i = 0; i < self->rows->len; i++)
    {
      guint n = g_strv_length (g_ptr_array_index (self->rows, i));
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (n))) + 1;

      g_hash_table_insert (counts, GUINT_TO_POINTER (n), GUINT_TO_POINTER (c));
      /* A tie goes to more fields: a header with a column fewer is rarer */
      if (c > self->n_mode || (c == self->n_mode && n > self->mode))
        {
          self->mode = n;
          self->n_mode = c;
        }
    }
}

static void
sniff_run (Sniff      *self,
           const char *text,
           const char *end,
           guint       first_line,
           gboolean    comments)
{
  Scanner scanner;
  const char *p = text;
  guint line = first_line;

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  scanner_init (&scanner, self->delimiter, comments, sniff_row, self);
  while (p < end && !scanner.stop && (gsize)(p - text) < self->limit)
    {
      const char *e = next_line (p, end);

      scanner_feed (&scanner, p, e, line++);
      p = e;
    }
  if (!scanner.stop)
    scanner_finish (&scanner);
  scanner_clear (&scanner);
  sniff_count (self);
}

static void
sniff_clear (Sniff *self)
{
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

/* Of comma, tab, semicolon and pipe: the one whose rows most often have
 * the same number of fields, at least two; a tie to the first (tab first
 * in a .tsv).  @best gets its first rows. */
static void
find_delimiter (const char *text,
                const char *end,
                guint       first_line,
                const char *filename,
                gboolean    comments,
                Sniff      *best)
{
  gboolean tabs = wenda_name_has_suffix (filename, ".tsv") || wenda_name_has_suffix (filename, ".tab");
  const char *candidates = tabs ? "\t,;|" : ",\t;|";

  memset (best, 0, sizeof *best);
  for (const char *c = candidates; *c != '\0'; c++)
    {
      Sniff sniff = { *c, NULL, 0, 0, 0, SNIFF_BYTES };
      gboolean better;

      sniff_run (&sniff, text, end, first_line, comments);
      /* The share of rows with the most frequent count, compared without
       * dividing: n_mode / n_rows > best's */
      better = best->rows == NULL ||
               (sniff.mode >= 2 &&
                (best->mode < 2 ||
                 (guint64)sniff.n_mode * MAX (best->rows->len, 1) >
                 (guint64)best->n_mode * MAX (sniff.rows->len, 1)));
      if (better)
        {
          sniff_clear (best);
          *best = sniff;
        }
      else
        sniff_clear (&sniff);
    }
}

static gboolean
asks (const char *cell)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_field (text, cell, strlen (cell));
  return g_str_has_suffix (text->str, "?") || g_str_has_suffix (text->str, "\xEF\xBC\x9F");
}

/* Whether the first row names the columns: every cell a known name, or
 * a row unlike the rows under it (see the top of this file) */
static gboolean
find_header (const Sniff *sniff)
{
  GStrv first;
  guint n_known = 0, n_cells = 0, n_content = 0, n_others;

  if (sniff->rows->len == 0)
    return FALSE;

  first = g_ptr_array_index (sniff->rows, 0);
  for (guint i = 0; first[i] != NULL; i++)
    {
      g_autoptr(GString) cell = g_string_new (NULL);

      append_field (cell, first[i], strlen (first[i]));
      if (cell->len == 0)
        continue;
      n_cells++;
      if (role_of_name (cell->str) != ROLE_NONE)
        n_known++;
    }
  if (n_known > 0 && n_known == n_cells)
    return TRUE;

  /* Unlike the rest: short cells that ask nothing, over rows that ask
   * or run long */
  n_others = sniff->rows->len - 1;
  if (n_others < 2 || n_cells < 2)
    return FALSE;
  for (guint i = 0; first[i] != NULL; i++)
    if (asks (first[i]) || g_utf8_strlen (first[i], -1) > HEADER_CHARS || strchr (first[i], '\n') != NULL)
      return FALSE;

  for (guint r = 1; r < sniff->rows->len; r++)
    {
      GStrv row = g_ptr_array_index (sniff->rows, r);

      for (guint i = 0; row[i] != NULL; i++)
        if (asks (row[i]) || g_utf8_strlen (row[i], -1) > HEADER_CHARS)
          {
            n_content++;
            break;
          }
    }

  return n_content * 2 >= n_others;
}

/* }}} */

/* Reading {{{ */

/* A section made from a tag, in a tree in the order first met */
typedef struct
{
  WendaSection *section;
  GArray       *children;   /* of guint, indexes of the nodes inside it */
  guint         order;      /* its place in a walk of the tree, parents first */
} Node;

typedef struct
{
  guint  line;
  guint  number;            /* its place in the bank, once ordered */
  char  *texts[3];          /* question, answer, explanation */
  char  *label;             /* a number column's, or NULL */
  char  *guid;              /* a guid column's, or NULL */
  guint  node;              /* G_MAXUINT: no section */
} Row;

typedef struct
{
  const char              *filename;
  const WendaReadOptions  *options;
  const char              *text;
  gsize                    length;
  const char              *prefix;
  char                     delimiter;
  gboolean                 html;
  gboolean                 header;
  guint                    n_columns;
  guint                    columns[N_ROLES];   /* from 1, or WENDA_CSV_COLUMN_NONE */
  GPtrArray               *titles;
  WendaCsvResult          *result;             /* the options' result's, or NULL */

  gboolean                 in_header;          /* the next row is the header row */
  GArray                  *rows;               /* of Row */
  GArray                  *nodes;              /* of Node */
  GHashTable              *paths;              /* section path (GBytes) → node index + 1 */
  GHashTable              *labels;             /* label → how many rows */
  GString                 *scratch;
  guint                    n_problems;
  guint                    n_skipped;
  guint                    n_empty;            /* rows with no field */

  /* The first problem, for a strict reading */
  guint                    error_line;
  char                    *error_text;
} Reader;

static void
row_clear (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < G_N_ELEMENTS (row->texts); i++)
    g_free (row->texts[i]);
  g_free (row->label);
  g_free (row->guid);
}

static void
node_clear (gpointer data)
{
  Node *node = data;

  g_clear_object (&node->section);
  g_clear_pointer (&node->children, g_array_unref);
}

static gboolean
reader_lenient (Reader *self)
{
  return self->options != NULL && self->options->problem != NULL;
}

/* A problem with the row at @first_line..@last_line; @skipped: the row
 * is not read (else a warning: it is read as it is) */
G_GNUC_PRINTF (5, 6)
static void
reader_report (Reader     *self,
               guint       first_line,
               guint       last_line,
               gboolean    skipped,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  self->n_problems++;
  if (self->error_text == NULL && skipped)
    {
      self->error_line = first_line;
      self->error_text = g_strdup (message);
    }

  if (reader_lenient (self))
    self->options->problem (first_line, skipped ? first_line : 0, skipped ? last_line : 0,
                            message, self->options->user_data);
}

/* Column @column's (from 1) text of the row, as the file says to read it;
 * NULL when there is no such column or the row is short */
static char *
cell_text (Reader   *self,
           GString **fields,
           guint     n_fields,
           guint     column)
{
  GString *out;

  if (column == WENDA_CSV_COLUMN_NONE || column == 0 || column > n_fields)
    return NULL;

  out = g_string_new (NULL);
  if (self->html)
    append_html (out, fields[column - 1]->str, fields[column - 1]->len);
  else
    append_field (out, fields[column - 1]->str, fields[column - 1]->len);

  return g_string_free (out, FALSE);
}

/* One level of a section's path, read back as wenda-bank-export.c writes
 * it: "_" for a blank, ":_:" for "::" */
static char *
tag_level_title (const char *level,
                 gsize       len)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < len; i++)
    {
      if (level[i] != '_')
        g_string_append_c (out, level[i]);
      else if (!(i > 0 && level[i - 1] == ':' && i + 1 < len && level[i + 1] == ':'))
        g_string_append_c (out, ' ');
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* The node of the section a tag names, made with its parents if new;
 * G_MAXUINT for none */
static guint
reader_section (Reader     *self,
                const char *tag)
{
  guint parent = G_MAXUINT;
  const char *p = tag;

  /* The path so far, each title ended by a NUL: the key of its node */
  g_string_truncate (self->scratch, 0);
  while (*p != '\0')
    {
      const char *sep = strstr (p, "::");
      gsize len = sep != NULL ? (gsize)(sep - p) : strlen (p);
      g_autofree char *title = tag_level_title (p, len);
      g_autoptr(GBytes) key = NULL;
      guint index;

      p += len + (sep != NULL ? 2 : 0);
      if (title[0] == '\0')
        continue;

      g_string_append_len (self->scratch, title, strlen (title) + 1);
      key = g_bytes_new (self->scratch->str, self->scratch->len);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (self->paths, key));
      if (index == 0)
        {
          Node node = { 0, };
          WendaSection *in = parent != G_MAXUINT ? g_array_index (self->nodes, Node, parent).section : NULL;

          node.section = wenda_section_new (in, title);
          node.children = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (self->nodes, node);
          index = self->nodes->len;
          if (parent != G_MAXUINT)
            {
              guint child = index - 1;

              g_array_append_val (g_array_index (self->nodes, Node, parent).children, child);
            }
          g_hash_table_insert (self->paths, g_steal_pointer (&key), GUINT_TO_POINTER (index));
        }
      parent = index - 1;
    }

  return parent;
}

/* The first tag that is not Wenda's own "wenda": the section */
static guint
reader_tags_section (Reader     *self,
                     const char *tags)
{
  g_auto(GStrv) words = g_strsplit_set (tags, " \t\n", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0' && !g_str_equal (words[i], "wenda"))
      return reader_section (self, words[i]);

  return G_MAXUINT;
}

static const char *
role_name (guint role)
{
  switch (role)
    {
    case WENDA_CSV_ROLE_QUESTION:
      return _("the question");
    case WENDA_CSV_ROLE_ANSWER:
      return _("the answer");
    case WENDA_CSV_ROLE_EXPLANATION:
      return _("the explanation");
    case WENDA_CSV_ROLE_TAGS:
      return _("the tags");
    case ROLE_NUMBER:
      return _("the number");
    default:
      return _("the guid");
    }
}

static void
reader_keep_preview (Reader   *self,
                     GString **fields,
                     guint     n_fields)
{
  GStrv cells;

  if (self->result == NULL || self->result->rows->len >= WENDA_CSV_PREVIEW_ROWS)
    return;

  cells = g_new0 (char *, self->n_columns + 1);
  for (guint i = 0; i < self->n_columns; i++)
    {
      g_autofree char *text = cell_text (self, fields, n_fields, i + 1);

      cells[i] = preview_cell (text != NULL ? text : "");
    }
  g_ptr_array_add (self->result->rows, cells);
}

static void
reader_row (Scanner  *scanner,
            GString **fields,
            guint     n_fields,
            guint     first_line,
            guint     last_line,
            gpointer  user_data)
{
  Reader *self = user_data;
  Row row = { first_line, 0, { NULL, }, NULL, NULL, G_MAXUINT };
  g_autofree char *tags = NULL;
  guint missing = 0;
  gboolean any = FALSE;

  for (guint i = 0; i < n_fields && !any; i++)
    any = !line_is_blank (fields[i]->str, fields[i]->str + fields[i]->len);
  if (!any)
    {
      self->n_empty++;
      return;
    }

  if (self->in_header)
    {
      self->in_header = FALSE;
      return;
    }

  reader_keep_preview (self, fields, n_fields);

  /* The first role the row is too short for, for the warning */
  for (guint role = 0; role < N_ROLES && missing == 0; role++)
    if (self->columns[role] != WENDA_CSV_COLUMN_NONE && self->columns[role] > n_fields)
      missing = role + 1;

  for (guint i = 0; i < 3; i++)
    row.texts[i] = cell_text (self, fields, n_fields, self->columns[i]);
  tags = cell_text (self, fields, n_fields, self->columns[WENDA_CSV_ROLE_TAGS]);
  row.guid = cell_text (self, fields, n_fields, self->columns[ROLE_GUID]);
  row.label = cell_text (self, fields, n_fields, self->columns[ROLE_NUMBER]);
  if (row.guid != NULL && row.guid[0] == '\0')
    g_clear_pointer (&row.guid, g_free);
  if (row.label != NULL && row.label[0] == '\0')
    g_clear_pointer (&row.label, g_free);

  if (row.texts[0] == NULL || row.texts[0][0] == '\0')
    {
      if (row.texts[0] == NULL)
        reader_report (self, first_line, last_line, TRUE,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "this row has %u field, and the question is in column %u",
                                    "this row has %u fields, and the question is in column %u",
                                    n_fields),
                       n_fields, self->columns[WENDA_CSV_ROLE_QUESTION]);
      else
        reader_report (self, first_line, last_line, TRUE,
                       _("this row has no question: column %u is empty"),
                       self->columns[WENDA_CSV_ROLE_QUESTION]);
      self->n_skipped++;
      row_clear (&row);
      return;
    }

  if (missing != 0)
    reader_report (self, first_line, last_line, FALSE,
                   /* Translators: "this row has 2 fields, the file 3
                    * columns: the explanation (column 3) is empty" */
                   g_dngettext (GETTEXT_PACKAGE,
                                "this row has %u field, the file %u columns: %s (column %u) is empty",
                                "this row has %u fields, the file %u columns: %s (column %u) is empty",
                                n_fields),
                   n_fields, self->n_columns, role_name (missing - 1), self->columns[missing - 1]);
  else if (n_fields > self->n_columns)
    reader_report (self, first_line, last_line, FALSE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "this row has %u fields, the file %u columns: the last %u is not read",
                                "this row has %u fields, the file %u columns: the last %u are not read",
                                n_fields - self->n_columns),
                   n_fields, self->n_columns, n_fields - self->n_columns);

  if (self->columns[WENDA_CSV_ROLE_ANSWER] != WENDA_CSV_COLUMN_NONE &&
      (row.texts[1] == NULL || row.texts[1][0] == '\0') && missing != WENDA_CSV_ROLE_ANSWER + 1)
    reader_report (self, first_line, last_line, FALSE,
                   _("this question has no answer: it is kept, to be studied by recall"));

  for (guint i = 0; i < 3; i++)
    if (row.texts[i] == NULL)
      row.texts[i] = g_strdup ("");
  if (tags != NULL)
    row.node = reader_tags_section (self, tags);
  if (row.label != NULL)
    g_hash_table_insert (self->labels, g_strdup (row.label),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, row.label)) + 1));

  g_array_append_val (self->rows, row);
}

/* The columns of each role: chosen, else named, else in order */
static void
reader_choose_columns (Reader        *self,
                       const Headers *headers,
                       GStrv          names)
{
  const WendaImportOptions *asked = self->options != NULL ? self->options->layout : NULL;
  gboolean taken[WENDA_CSV_MAX_COLUMNS + 1] = { FALSE, };
  guint next = 1;

  for (guint role = 0; role < N_ROLES; role++)
    self->columns[role] = WENDA_CSV_COLUMN_NONE;

  /* Anki's headers: the tags, the guid, and the note type and the deck,
   * which no field is read from */
  {
    const guint from_headers[][2] = {
      { WENDA_CSV_ROLE_TAGS, headers->tags_column },
      { ROLE_GUID, headers->guid_column },
      { ROLE_OTHER, headers->notetype_column },
      { ROLE_OTHER, headers->deck_column },
    };

    for (guint i = 0; i < G_N_ELEMENTS (from_headers); i++)
      {
        guint role = from_headers[i][0], column = from_headers[i][1];

        if (column < 1 || column > self->n_columns || taken[column])
          continue;
        if (role != ROLE_OTHER)
          self->columns[role] = column;
        taken[column] = TRUE;
      }
  }

  /* Named */
  for (guint i = 0; names != NULL && names[i] != NULL && i < self->n_columns; i++)
    {
      guint role = role_of_name (names[i]);

      if (taken[i + 1] || role == ROLE_NONE)
        continue;
      if (role != ROLE_OTHER && self->columns[role] == WENDA_CSV_COLUMN_NONE)
        self->columns[role] = i + 1;
      taken[i + 1] = TRUE;
    }

  /* In order: the fields no header gave another role */
  for (guint role = 0; role <= WENDA_CSV_ROLE_EXPLANATION; role++)
    {
      if (self->columns[role] != WENDA_CSV_COLUMN_NONE)
        continue;
      while (next <= self->n_columns && taken[next])
        next++;
      if (next > self->n_columns)
        break;
      self->columns[role] = next;
      taken[next] = TRUE;
    }

  /* Every column has another role (a header that names only an answer,
   * Anki's tags in the only column): the question is the first */
  if (self->columns[WENDA_CSV_ROLE_QUESTION] == WENDA_CSV_COLUMN_NONE)
    self->columns[WENDA_CSV_ROLE_QUESTION] = 1;

  /* The user's choice wins over all of it */
  if (asked != NULL)
    for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
      {
        guint column = asked->columns[role];

        if ((column >= 1 && column <= self->n_columns) ||
            (column == WENDA_CSV_COLUMN_NONE && role != WENDA_CSV_ROLE_QUESTION))
          self->columns[role] = column;
      }
}

/* The sections' order: a walk of the tree, each before what it holds */
static void
number_nodes (GArray *nodes,
              guint   index,
              guint  *order)
{
  Node *node = &g_array_index (nodes, Node, index);

  node->order = (*order)++;
  for (guint i = 0; i < node->children->len; i++)
    number_nodes (nodes, g_array_index (node->children, guint, i), order);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GArray *nodes = user_data;
  const Row *x = a, *y = b;
  guint ox = x->node == G_MAXUINT ? 0 : g_array_index (nodes, Node, x->node).order + 1;
  guint oy = y->node == G_MAXUINT ? 0 : g_array_index (nodes, Node, y->node).order + 1;

  if (ox != oy)
    return ox < oy ? -1 : 1;
  /* Stable: the file's order within a section */
  return x->number < y->number ? -1 : x->number > y->number;
}

/* The items, in their sections' order, to the builder */
static WendaBank *
reader_make_bank (Reader      *self,
                  const char  *title,
                  GError     **error)
{
  g_autoptr(WendaBankBuilder) builder = wenda_bank_builder_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint order = 0;

  for (guint i = 0; i < self->nodes->len; i++)
    if (wenda_section_get_parent (g_array_index (self->nodes, Node, i).section) == NULL)
      number_nodes (self->nodes, i, &order);
  for (guint i = 0; i < self->rows->len; i++)
    g_array_index (self->rows, Row, i).number = i + 1;
  g_array_sort_with_data (self->rows, compare_rows, self->nodes);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = &g_array_index (self->rows, Row, i);
      g_autofree char *unique = NULL;
      WendaPackedItem packed;
      char *id;

      if (row->guid != NULL || (row->label != NULL &&
                                GPOINTER_TO_UINT (g_hash_table_lookup (self->labels, row->label)) == 1))
        {
          GString *safe = g_string_new (self->prefix);

          g_string_append_c (safe, '-');
          append_safe (safe, row->guid != NULL ? row->guid : row->label);
          id = g_string_free (safe, FALSE);
        }
      else
        id = wenda_layout_hash_id (self->prefix, row->texts[0]);
      unique = wenda_layout_unique_id (ids, id);

      wenda_packed_item_init (&packed, i + 1, unique, strlen (unique),
                              row->texts[0], strlen (row->texts[0]),
                              row->texts[1], strlen (row->texts[1]),
                              row->texts[2], strlen (row->texts[2]));
      packed.label = g_steal_pointer (&row->label);
      if (row->node != G_MAXUINT)
        packed.section = g_object_ref (g_array_index (self->nodes, Node, row->node).section);
      wenda_bank_builder_add_packed (builder, &packed);
    }

  if (wenda_bank_builder_get_n_items (builder) == 0)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, self->filename, 1, 0,
                            _("no question could be read: every row has a problem"));
      return NULL;
    }

  return wenda_bank_builder_finish (g_steal_pointer (&builder), title != NULL ? title : "");
}

static gboolean
reader_tick (Reader      *self,
             guint        line,
             gsize        offset,
             GError     **error)
{
  const WendaReadOptions *options = self->options;

  if (options == NULL || line % TICK_LINES != 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return FALSE;

  if (options->progress != NULL)
    options->progress ((double)offset / (double)MAX (self->length, 1), options->user_data);

  return TRUE;
}

/* Every row, from @start (on line @line) */
static gboolean
reader_read_rows (Reader      *self,
                  gboolean     comments,
                  gsize        start,
                  guint        line,
                  GError     **error)
{
  Scanner scanner;
  const char *p = self->text + start, *end = self->text + self->length;
  guint unclosed;

  scanner_init (&scanner, self->delimiter, comments, reader_row, self);
  for (; p < end; line++)
    {
      const char *e = next_line (p, end);

      if (!reader_tick (self, line, p - self->text, error))
        {
          scanner_clear (&scanner);
          return FALSE;
        }
      scanner_feed (&scanner, p, e, line);
      p = e;
    }
  unclosed = scanner_finish (&scanner);
  scanner_clear (&scanner);

  if (unclosed != 0)
    reader_report (self, unclosed, 0, FALSE,
                   _("this quote is never closed: the rest of the file is read as one field"));

  return TRUE;
}

static void
reader_clear (Reader *self)
{
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->nodes, g_array_unref);
  g_clear_pointer (&self->paths, g_hash_table_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_ptr_array_unref);
  g_clear_pointer (&self->error_text, g_free);
  if (self->scratch != NULL)
    g_string_free (g_steal_pointer (&self->scratch), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Headers, headers_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sniff, sniff_clear)

void
wenda_csv_result_free (WendaCsvResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->titles, g_ptr_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

/* The names of the columns, from "#columns:" or the header row, one a
 * column (the missing ones NULL) */
static GStrv
column_names_of (const Headers *headers,
                 const Sniff   *sniff,
                 gboolean       header,
                 guint         *n_names)
{
  if (headers->columns != NULL)
    {
      Sniff one = { sniff->delimiter, NULL, 0, 0, 0, G_MAXSIZE };
      GStrv names = NULL;

      sniff_run (&one, headers->columns, headers->columns + strlen (headers->columns), 1, FALSE);
      if (one.rows->len > 0)
        names = g_strdupv (g_ptr_array_index (one.rows, 0));
      sniff_clear (&one);
      *n_names = names != NULL ? g_strv_length (names) : 0;
      return names;
    }

  if (header && sniff->rows->len > 0)
    {
      *n_names = g_strv_length (g_ptr_array_index (sniff->rows, 0));
      return g_strdupv (g_ptr_array_index (sniff->rows, 0));
    }

  *n_names = 0;
  return NULL;
}

/**
 * wenda_csv_read:
 *
 * See wenda-csv-private.h and the top of this file.
 *
 * Returns: (transfer full): the bank, or %NULL with @error set
 */
WendaBank *
wenda_csv_read (const char              *text,
                gsize                    length,
                const char              *filename,
                const WendaReadOptions  *options,
                GError                 **error)
{
  g_auto(Reader) self = { 0, };
  g_auto(Headers) headers = { 0, };
  g_auto(Sniff) sniff = { 0, };
  g_auto(GStrv) names = NULL;
  const WendaImportOptions *asked = options != NULL ? options->layout : NULL;
  WendaReadResult *result = options != NULL ? options->result : NULL;
  gsize bom;
  guint n_names = 0;
  WendaBank *bank;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    text = "";
  filename = filename != NULL ? filename : "<input>";
  bom = wenda_text_skip_bom (text, length);

  self.filename = filename;
  self.options = options;
  self.text = text;
  self.length = length;
  self.prefix = options != NULL && options->id_prefix != NULL ? options->id_prefix : "q";
  self.rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self.rows, row_clear);
  self.nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  g_array_set_clear_func (self.nodes, node_clear);
  self.paths = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify)g_bytes_unref, NULL);
  self.labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.scratch = g_string_new (NULL);

  headers_read (&headers, text + bom, text + length);
  headers.end += bom;

  /* The delimiter: chosen, else the headers', else found */
  if (asked != NULL && asked->delimiter != 0 && asked->delimiter != '"' &&
      asked->delimiter != '\n' && asked->delimiter != '\r')
    {
      sniff.delimiter = asked->delimiter;
      sniff.limit = SNIFF_BYTES;
      sniff_run (&sniff, text + headers.end, text + length, headers.line, headers.anki);
    }
  else if (headers.delimiter != 0)
    {
      sniff.delimiter = headers.delimiter;
      sniff.limit = SNIFF_BYTES;
      sniff_run (&sniff, text + headers.end, text + length, headers.line, headers.anki);
    }
  else
    find_delimiter (text + headers.end, text + length, headers.line, filename, headers.anki, &sniff);
  self.delimiter = sniff.delimiter;

  /* The header row: chosen, else none in an Anki file (its headers name
   * the columns), else found */
  if (asked != NULL && asked->header == WENDA_CSV_HEADER_YES)
    self.header = TRUE;
  else if (asked != NULL && asked->header == WENDA_CSV_HEADER_NO)
    self.header = FALSE;
  else
    self.header = !headers.anki && find_header (&sniff);
  self.in_header = self.header;
  self.html = headers.html == 1;

  names = column_names_of (&headers, &sniff, self.header, &n_names);
  self.n_columns = headers.columns != NULL ? n_names
                 : self.header ? MAX (n_names, sniff.mode) : sniff.mode;
  self.n_columns = CLAMP (self.n_columns, 1, WENDA_CSV_MAX_COLUMNS);

  self.titles = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self.n_columns; i++)
    {
      g_autoptr(GString) name = g_string_new (NULL);

      if (names != NULL && i < n_names)
        append_field (name, names[i], strlen (names[i]));
      if (name->len > 0)
        g_ptr_array_add (self.titles, preview_cell (name->str));
      else
        /* Translators: the title of a column of a CSV file with no header */
        g_ptr_array_add (self.titles, g_strdup_printf (_("Column %u"), i + 1));
    }

  reader_choose_columns (&self, &headers, names);

  if (result != NULL)
    {
      g_clear_pointer (&result->csv, wenda_csv_result_free);
      result->csv = g_new0 (WendaCsvResult, 1);
      result->csv->delimiter = self.delimiter;
      result->csv->header = self.header;
      result->csv->anki = headers.anki;
      result->csv->html = self.html;
      result->csv->n_columns = self.n_columns;
      result->csv->titles = g_ptr_array_ref (self.titles);
      result->csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
      memcpy (result->csv->columns, self.columns, sizeof result->csv->columns);
      result->layout = WENDA_LAYOUT_CSV;
      result->question_level = 0;
      g_free (result->title);
      result->title = g_strdup (headers.deck);
      self.result = result->csv;
    }

  if (!reader_read_rows (&self, headers.anki, headers.end, headers.line, error))
    return NULL;

  if (self.rows->len == 0 && self.n_skipped == 0)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, filename, headers.line, 0,
                            self.header ? _("no question found: the file has a header row and no row under it")
                                        : _("no question found: the file has no row"));
      return NULL;
    }

  /* Strict: the first problem that skipped a row is the error */
  if (!reader_lenient (&self) && self.error_text != NULL)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_SYNTAX, filename, self.error_line, 0,
                            "%s", self.error_text);
      return NULL;
    }

  bank = reader_make_bank (&self, headers.deck, error);
  if (options != NULL && options->progress != NULL && bank != NULL)
    options->progress (1.0, options->user_data);

  return bank;
}

/* }}} */
