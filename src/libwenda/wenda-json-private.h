/* wenda-json-private.h: what the readers and writers of JSON files share:
 * where json-glib read things and what went wrong, in words; the text of
 * a tree, and saving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json-glib 1.6 does not keep where a node was, so the parser's signals
 * note it while it reads (wenda_json_line_map_connect()).  Shared by the
 * bank loader and the study store. */
typedef struct
{
  GArray     *open_objects;    /* lines of the "{" of the objects being read */
  GHashTable *object_lines;    /* JsonObject* → line of its "{" */
  GHashTable *root_members;    /* name → line of a member of the root object */
  GHashTable *element_lines;   /* JsonArray* → GArray of lines, for the arrays
                                * that are members of the root object */
  guint       last_line;       /* the last line the parser reported */
} WendaJsonLineMap;

void      wenda_json_line_map_init             (WendaJsonLineMap  *self);
void      wenda_json_line_map_clear            (WendaJsonLineMap  *self);
void      wenda_json_line_map_connect          (WendaJsonLineMap  *self,
                                                JsonParser        *parser);
guint     wenda_json_line_map_object_line      (WendaJsonLineMap  *self,
                                                JsonObject        *object);
guint     wenda_json_line_map_root_member_line (WendaJsonLineMap  *self,
                                                const char        *name,
                                                guint              fallback);
guint     wenda_json_line_map_element_line     (WendaJsonLineMap  *self,
                                                JsonArray         *array,
                                                guint              index_,
                                                guint              fallback);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WendaJsonLineMap, wenda_json_line_map_clear)

guint     wenda_json_char_column               (const char        *text,
                                                gsize              length,
                                                guint              line,
                                                guint              byte_column);
gboolean  wenda_json_split_error_message       (const char        *message,
                                                guint             *line,
                                                guint             *column,
                                                const char       **rest);

typedef enum
{
  WENDA_JSON_SHAPE_OK,
  WENDA_JSON_SHAPE_EMPTY,          /* nothing but blanks */
  WENDA_JSON_SHAPE_NOT_OBJECT,     /* the first token is not "{" */
  WENDA_JSON_SHAPE_TRAILING,       /* text after the end of the object */
  WENDA_JSON_SHAPE_TOO_DEEP,       /* nested more than max_depth */
  WENDA_JSON_SHAPE_BAD_CHARACTER,  /* a character no JSON token starts with */
  WENDA_JSON_SHAPE_BAD_ESCAPE,     /* \uD800–\uDFFF not in a pair, or \u without 4 hex digits */
} WendaJsonShape;

WendaJsonShape wenda_json_check_shape          (const char        *text,
                                                gsize              length,
                                                guint              max_depth,
                                                const char       **where);
char      *wenda_json_shape_message            (WendaJsonShape     shape,
                                                const char        *text,
                                                const char        *where,
                                                const char        *not_object,
                                                guint             *line,
                                                guint             *column);
char      *wenda_json_parse_error_message      (const GError      *parse_error,
                                                const char        *text,
                                                gsize              length,
                                                WendaJsonLineMap  *lines,
                                                guint             *line,
                                                guint             *column);

/* Types, in words for messages ("an object", "a string"…).  @type is
 * JSON_TYPE_OBJECT, JSON_TYPE_ARRAY or the GType of a value: a
 * G_TYPE_DOUBLE ("a number") may be written as an integer too. */
const char *wenda_json_type_name               (GType              type);
const char *wenda_json_node_type_name          (JsonNode          *node);
gboolean    wenda_json_node_has_type           (JsonNode          *node,
                                                GType              type);

/* Writing */
char       *wenda_json_to_data                 (JsonNode          *root,
                                                gsize             *length);
gboolean    wenda_json_write_file              (const char        *path,
                                                const char        *data,
                                                gssize             length,
                                                GError           **error);

G_END_DECLS
