/* wenda-json-private.c: where json-glib read things, for error messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-json-private.h"

/* Line numbers {{{ */

void
wenda_json_line_map_clear (WendaJsonLineMap *self)
{
  g_clear_pointer (&self->open_objects, g_array_unref);
  g_clear_pointer (&self->object_lines, g_hash_table_unref);
  g_clear_pointer (&self->root_members, g_hash_table_unref);
  g_clear_pointer (&self->element_lines, g_hash_table_unref);
}

void
wenda_json_line_map_init (WendaJsonLineMap *self)
{
  self->open_objects = g_array_new (FALSE, FALSE, sizeof (guint));
  self->object_lines = g_hash_table_new (NULL, NULL);
  self->root_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->element_lines = g_hash_table_new_full (NULL, NULL, NULL,
                                               (GDestroyNotify)g_array_unref);
}

static guint
current_line (JsonParser       *parser,
              WendaJsonLineMap *self)
{
  guint line = json_parser_get_current_line (parser);

  if (line > 0)
    self->last_line = line;
  return line;
}

static void
on_object_start (JsonParser       *parser,
                 WendaJsonLineMap *self)
{
  guint line = current_line (parser, self);

  g_array_append_val (self->open_objects, line);
}

static void
on_object_member (JsonParser       *parser,
                  JsonObject       *object,
                  const char       *name,
                  WendaJsonLineMap *self)
{
  guint line = current_line (parser, self);

  /* The member's value has just been read; this is the line it ends on */
  if (self->open_objects->len == 1)
    g_hash_table_replace (self->root_members, g_strdup (name), GUINT_TO_POINTER (line));
}

static void
on_object_end (JsonParser       *parser,
               JsonObject       *object,
               WendaJsonLineMap *self)
{
  guint line;

  current_line (parser, self);

  if (self->open_objects->len == 0)
    return;

  line = g_array_index (self->open_objects, guint, self->open_objects->len - 1);
  g_array_set_size (self->open_objects, self->open_objects->len - 1);
  g_hash_table_insert (self->object_lines, object, GUINT_TO_POINTER (line));
}

static void
on_array_element (JsonParser       *parser,
                  JsonArray        *array,
                  int               index_,
                  WendaJsonLineMap *self)
{
  guint line = current_line (parser, self);
  GArray *lines;

  if (self->open_objects->len != 1)
    return;

  lines = g_hash_table_lookup (self->element_lines, array);
  if (lines == NULL)
    {
      lines = g_array_new (FALSE, TRUE, sizeof (guint));
      g_hash_table_insert (self->element_lines, array, lines);
    }

  if (index_ >= 0 && (guint)index_ >= lines->len)
    g_array_set_size (lines, index_ + 1);
  if (index_ >= 0)
    g_array_index (lines, guint, index_) = line;
}

/* Notes where @parser reads things into @self, which must outlive its
 * parsing. */
void
wenda_json_line_map_connect (WendaJsonLineMap *self,
                             JsonParser       *parser)
{
  g_signal_connect (parser, "object-start", G_CALLBACK (on_object_start), self);
  g_signal_connect (parser, "object-member", G_CALLBACK (on_object_member), self);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_object_end), self);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_array_element), self);
}

/* The line of the "{" of @object; 0 if unknown. */
guint
wenda_json_line_map_object_line (WendaJsonLineMap *self,
                                 JsonObject       *object)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->object_lines, object));
}

/* The line where the value of the root object's member @name ends. */
guint
wenda_json_line_map_root_member_line (WendaJsonLineMap *self,
                                      const char       *name,
                                      guint             fallback)
{
  guint line = GPOINTER_TO_UINT (g_hash_table_lookup (self->root_members, name));

  return line ? line : fallback;
}

/* The line where element @index_ of @array, a member of the root object,
 * ends. */
guint
wenda_json_line_map_element_line (WendaJsonLineMap *self,
                                  JsonArray        *array,
                                  guint             index_,
                                  guint             fallback)
{
  GArray *lines = g_hash_table_lookup (self->element_lines, array);

  if (lines == NULL || index_ >= lines->len || g_array_index (lines, guint, index_) == 0)
    return fallback;

  return g_array_index (lines, guint, index_);
}

/* }}} */

/* Syntax errors {{{ */

/* json-glib's column is the byte (from 1) where it stopped; ours counts
 * characters. */
guint
wenda_json_char_column (const char *text,
                        gsize       length,
                        guint       line,
                        guint       byte_column)
{
  const char *p = text;
  const char *end = text + length;
  guint column = 0;

  for (guint n = 1; n < line && p < end; p++)
    {
      if (*p == '\n')
        n++;
    }

  for (guint i = 0; i < byte_column && p < end && *p != '\n'; i++, p++)
    {
      if (((guchar)*p & 0xC0) != 0x80)
        column++;
    }

  return MAX (column, 1);
}

/* Reads "<data>:LINE:COL: message" from json-glib's error. */
gboolean
wenda_json_split_error_message (const char  *message,
                                guint       *line,
                                guint       *column,
                                const char **rest)
{
  for (const char *p = strchr (message, ':'); p != NULL; p = strchr (p + 1, ':'))
    {
      guint64 l, c;
      char *after_line, *after_column;

      if (!g_ascii_isdigit (p[1]))
        continue;

      l = g_ascii_strtoull (p + 1, &after_line, 10);
      if (*after_line != ':' || !g_ascii_isdigit (after_line[1]))
        continue;

      c = g_ascii_strtoull (after_line + 1, &after_column, 10);
      if (*after_column != ':')
        continue;

      *line = (guint)MIN (l, G_MAXUINT);
      *column = (guint)MIN (c, G_MAXUINT);
      *rest = after_column + 1;
      while (**rest == ' ')
        (*rest)++;
      return TRUE;
    }

  return FALSE;
}

/* }}} */


/* Pre-scan {{{ */

static gboolean
is_json_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
is_bare_char (char c)
{
  return g_ascii_isalnum (c) || c == '+' || c == '-' || c == '.';
}

/**
 * wenda_json_check_shape:
 * @text: UTF-8 text (checked by the caller)
 * @max_depth: how deeply objects and arrays may nest
 * @where: (out): where the problem is, or %NULL when there is none
 *
 * json-glib 1.6 accepts more than JSON (single quotes, comments, several
 * values one after another) and leaks when it reads several values.  This
 * scan lets through only one JSON object made of JSON tokens, not nested
 * too deeply; json-glib then checks the grammar.  Strings are skipped as
 * json-glib skips them, so both see the same "{" and "}"; an unterminated
 * string is let through, for json-glib to report.
 */
/* The value of the escape "\uXXXX" at @p, or -1 if there is none. */
static gint
unicode_escape (const char *p,
                const char *end)
{
  gint value = 0;

  if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
    return -1;

  for (int i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }

  return value;
}

WendaJsonShape
wenda_json_check_shape (const char  *text,
                        gsize        length,
                        guint        max_depth,
                        const char **where)
{
  const char *p = text;
  const char *end = text + length;
  guint depth = 0;
  gboolean done = FALSE;

  *where = NULL;

  while (p < end && is_json_blank (*p))
    p++;

  if (p == end)
    return WENDA_JSON_SHAPE_EMPTY;

  *where = p;
  if (*p != '{')
    return WENDA_JSON_SHAPE_NOT_OBJECT;

  for (; p < end; p++)
    {
      char c = *p;

      if (is_json_blank (c))
        continue;

      *where = p;

      if (done)
        return WENDA_JSON_SHAPE_TRAILING;

      switch (c)
        {
        case '{':
        case '[':
          if (++depth > max_depth)
            return WENDA_JSON_SHAPE_TOO_DEEP;
          break;

        case '}':
        case ']':
          /* json-glib reports a mismatch; only the count matters here */
          if (--depth == 0)
            done = TRUE;
          break;

        case ':':
        case ',':
          break;

        case '"':
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p == '\\' && p + 1 < end)
                {
                  /* json-glib 1.6.6 leaks when a surrogate escape is not
                   * part of a pair ({"\ud83d\ue000":1}): refuse those
                   * before it sees them. */
                  gint surrogate = unicode_escape (p, end);

                  /* "\u" with fewer than four hex digits is not JSON, but
                   * json-glib reads it, into the same leak. */
                  if (p[1] == 'u' && surrogate < 0)
                    {
                      *where = p;
                      return WENDA_JSON_SHAPE_BAD_ESCAPE;
                    }
                  if (surrogate >= 0xDC00 && surrogate <= 0xDFFF)
                    {
                      *where = p;
                      return WENDA_JSON_SHAPE_BAD_ESCAPE;
                    }
                  if (surrogate >= 0xD800 && surrogate <= 0xDBFF)
                    {
                      gint low = unicode_escape (p + 6, end);

                      if (low < 0xDC00 || low > 0xDFFF)
                        {
                          *where = p;
                          return WENDA_JSON_SHAPE_BAD_ESCAPE;
                        }
                      p += 6;
                    }
                  p++;
                }
            }
          if (p == end)
            {
              /* unterminated: json-glib says so */
              *where = NULL;
              return WENDA_JSON_SHAPE_OK;
            }
          break;

        default:
          if (!is_bare_char (c))
            return WENDA_JSON_SHAPE_BAD_CHARACTER;
          while (p + 1 < end && is_bare_char (p[1]))
            p++;
          break;
        }
    }

  *where = NULL;
  return WENDA_JSON_SHAPE_OK;
}

/* }}} */
