/* wenda-json-private.c: where json-glib read things, for error messages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-json-private.h"
#include "wenda-text-check-private.h"

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

/**
 * wenda_json_parse_error_message:
 * @parse_error: what json_parser_load_from_data() said about @text
 * @lines: the line map of that parser
 * @line: (out): the line of the error
 * @column: (out): its column in characters, or 0 if json-glib gave none
 *
 * json-glib's syntax error, as "FILE:LINE:COLUMN: message" wants it.  Its
 * message may quote the bad token cut in the middle of a character, or an
 * escape decoded to a lone surrogate: the message is made valid UTF-8.
 *
 * Returns: (transfer full): the message, without json-glib's place
 */
char *
wenda_json_parse_error_message (const GError     *parse_error,
                                const char       *text,
                                gsize             length,
                                WendaJsonLineMap *lines,
                                guint            *line,
                                guint            *column)
{
  const char *rest = parse_error->message;

  *line = 0;
  *column = 0;

  if (wenda_json_split_error_message (parse_error->message, line, column, &rest))
    *column = wenda_json_char_column (text, length, *line, *column);
  else
    *line = lines->last_line;

  return g_utf8_make_valid (rest, -1);
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

/**
 * wenda_json_shape_message:
 * @shape: what wenda_json_check_shape() found, not %WENDA_JSON_SHAPE_OK
 * @where: where it found it
 * @not_object: the message for %WENDA_JSON_SHAPE_NOT_OBJECT, which names
 *   the format
 * @line: (out): the line of @where (1 when the text is empty)
 * @column: (out): its column in characters (0 when the text is empty)
 *
 * Returns: (transfer full): what is wrong, in words for a user
 */
char *
wenda_json_shape_message (WendaJsonShape  shape,
                          const char     *text,
                          const char     *where,
                          const char     *not_object,
                          guint          *line,
                          guint          *column)
{
  gunichar ch;
  char utf8[8] = { 0 };

  g_assert (shape != WENDA_JSON_SHAPE_OK);

  if (shape == WENDA_JSON_SHAPE_EMPTY)
    {
      *line = 1;
      *column = 0;
      return g_strdup (_("the file is empty"));
    }

  wenda_text_locate (text, where - text, FALSE, line, column);

  switch (shape)
    {
    case WENDA_JSON_SHAPE_NOT_OBJECT:
      return g_strdup (not_object);

    case WENDA_JSON_SHAPE_TRAILING:
      return g_strdup (_("unexpected text after the end of the JSON object"));

    case WENDA_JSON_SHAPE_TOO_DEEP:
      return g_strdup (_("values nested too deeply"));

    case WENDA_JSON_SHAPE_BAD_ESCAPE:
      return g_strdup (_("an escape that is not a character (a lone surrogate, \\uD800 to \\uDFFF, or \\u without four hex digits)"));

    case WENDA_JSON_SHAPE_BAD_CHARACTER:
    case WENDA_JSON_SHAPE_OK:
    case WENDA_JSON_SHAPE_EMPTY:
    default:
      ch = g_utf8_get_char (where);
      if (ch < 0x20 || ch == 0x7F)
        return g_strdup_printf (_("unexpected control character U+%04X"), ch);

      g_unichar_to_utf8 (ch, utf8);
      return g_strdup_printf (_("unexpected character “%s” (U+%04X)"), utf8, ch);
    }
}

/* }}} */

/* Types {{{ */

const char *
wenda_json_type_name (GType type)
{
  if (type == JSON_TYPE_OBJECT)
    return _("an object");
  if (type == JSON_TYPE_ARRAY)
    return _("an array");

  switch (type)
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_INT64:
      return _("an integer");
    case G_TYPE_DOUBLE:
      return _("a number");
    case G_TYPE_BOOLEAN:
      return _("a boolean");
    default:
      return _("a value");
    }
}

const char *
wenda_json_node_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return wenda_json_type_name (JSON_TYPE_OBJECT);
  if (JSON_NODE_HOLDS_ARRAY (node))
    return wenda_json_type_name (JSON_TYPE_ARRAY);

  return wenda_json_type_name (json_node_get_value_type (node));
}

gboolean
wenda_json_node_has_type (JsonNode *node,
                          GType     type)
{
  GType value_type;

  if (type == JSON_TYPE_OBJECT)
    return JSON_NODE_HOLDS_OBJECT (node);
  if (type == JSON_TYPE_ARRAY)
    return JSON_NODE_HOLDS_ARRAY (node);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  /* json-glib reads "3" as an integer; a number may be either */
  value_type = json_node_get_value_type (node);
  return value_type == type || (type == G_TYPE_DOUBLE && value_type == G_TYPE_INT64);
}

/* }}} */

/* Writing {{{ */

/**
 * wenda_json_to_data:
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): @root as JSON text, with two-space indents and
 *   a final newline; text stays UTF-8 (no \u escapes)
 */
char *
wenda_json_to_data (JsonNode *root,
                    gsize    *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize text_length;
  char *data;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &text_length);

  data = g_strconcat (text, "\n", NULL);
  if (length != NULL)
    *length = text_length + 1;
  return data;
}

/**
 * wenda_json_write_file:
 * @length: the length of @data, or -1 if it is NUL-terminated
 *
 * Replaces @path with @data atomically, through
 * g_file_set_contents_full() (CONSISTENT and DURABLE): a temporary file
 * in the same folder, synced, then renamed over @path; a failed write
 * leaves the old file.  Not g_file_replace_contents(): in GLib 2.74, when
 * a write fails partway (a full disk), closing its stream still renames
 * the cut temporary file over the original.  The folder is made (0700)
 * if it is missing, and the file is 0600.  Errors are %G_IO_ERROR.
 */
gboolean
wenda_json_write_file (const char  *path,
                       const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dirname = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dirname, 0700) != 0)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (dirname);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not create the folder “%s”: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT |
                                 G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR,
                           g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return FALSE;
    }

  return TRUE;
}

/* }}} */
