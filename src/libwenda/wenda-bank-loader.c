/* wenda-bank-loader.c: read and write the JSON bank format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The JSON bank format, versions 1 and 2
 * =======================================
 *
 *   {
 *     "format": "wenda-bank",
 *     "version": 1,
 *     "title": "大模型训练的两个关键步骤",
 *     "language": "zh-CN",
 *     "source": "where the questions come from",
 *     "items": [
 *       {
 *         "id": "llm-training-001",
 *         "number": 1,
 *         "question": "什么是预训练（Pre-training）和微调（Fine-tuning）？",
 *         "answer": "预训练……\n\n微调……",
 *         "explanation": "预训练使模型……"
 *       }
 *     ]
 *   }
 *
 * The file is UTF-8 and holds exactly one JSON object.
 *
 *   format       required, the string "wenda-bank"
 *   version      required, an integer; files newer than
 *                WENDA_BANK_FORMAT_VERSION are refused
 *   title        required string (may be empty)
 *   language     optional string, a BCP 47 tag
 *   source       optional string, free text
 *   items        required, a non-empty array of objects:
 *     id           required, non-empty string, unique in the file; a stable
 *                  key for saved state, so never reuse or renumber it
 *     number       required, positive integer, unique in the file
 *     question     required, non-empty string
 *     answer       required, non-empty string; paragraphs are separated
 *                  by "\n\n"
 *     explanation  optional string (default "")
 *
 * Version 2 adds sections and the bank's own numbers:
 *
 *     "sections": [
 *       { "title": "第一章 数学基础" },
 *       { "title": "1.1 向量", "parent": 0 }
 *     ],
 *     "items": [ { …, "label": "1.1.1", "section": 1 } ]
 *
 *   sections     optional array of objects, each after its parent:
 *     title        required, non-empty string
 *     parent       optional, the index in "sections" of the section it is
 *                  in, smaller than its own
 *     file         optional, non-empty string: the file the section was
 *                  read from, relative to the bank's folder, "/" between
 *                  its parts ("chapters/02-dl.md"); the images of its
 *                  questions are relative to that file's folder
 *   and in an item:
 *     label        optional, non-empty string: the question's number as
 *                  the bank writes it ("1.1.3"), shown instead of "number"
 *     section      optional, the index in "sections" of the innermost
 *                  section the item is in
 *
 *   The items of a section, with those of the sections inside it, are
 *   consecutive, and items in no section come before the first item in a
 *   section.  A section no item is in (nor any section inside it) is left
 *   out of the bank.
 *
 * A version 1 file has neither (they are ignored there).  The writer
 * writes version 1 for a bank that has no sections and no labels.
 *
 * Other members are ignored, so later versions can add some.  Errors name
 * FILE:LINE (and COLUMN, in characters from 1, for syntax errors); an error
 * in an item names the line where the item's "{" is.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "wenda-bank-loader-private.h"
#include "wenda-qa-item-private.h"
#include "wenda-section-private.h"
#include "wenda-json-private.h"
#include "wenda-text-check-private.h"

#define BUNDLED_BANK_PATH "/io/github/wenda/Wenda/content/bank.json"
#define FORMAT_NAME       "wenda-bank"

/* Numbers stay inside a guint and an int in every language */
#define MAX_NUMBER 999999999

/* Pre-scan {{{ */

/* Lets through only one JSON object made of JSON tokens, not nested too
 * deeply (see wenda_json_check_shape()); json-glib then checks the
 * grammar. */
static gboolean
check_json_shape (const char  *text,
                  gsize        length,
                  const char  *filename,
                  GError     **error)
{
  static const WendaBankError codes[] = {
    [WENDA_JSON_SHAPE_EMPTY] = WENDA_BANK_ERROR_EMPTY,
    [WENDA_JSON_SHAPE_NOT_OBJECT] = WENDA_BANK_ERROR_STRUCTURE,
    [WENDA_JSON_SHAPE_TRAILING] = WENDA_BANK_ERROR_SYNTAX,
    [WENDA_JSON_SHAPE_TOO_DEEP] = WENDA_BANK_ERROR_STRUCTURE,
    [WENDA_JSON_SHAPE_BAD_CHARACTER] = WENDA_BANK_ERROR_SYNTAX,
    [WENDA_JSON_SHAPE_BAD_ESCAPE] = WENDA_BANK_ERROR_INVALID_UTF8,
  };
  g_autofree char *message = NULL;
  const char *where = NULL;
  WendaJsonShape shape;
  guint line, column;

  shape = wenda_json_check_shape (text, length, WENDA_BANK_MAX_DEPTH, &where);
  if (shape == WENDA_JSON_SHAPE_OK)
    return TRUE;

  message = wenda_json_shape_message (shape, text, where,
                                      _("not a question bank: the file must hold one "
                                        "JSON object, “{…}”"),
                                      &line, &column);
  wenda_bank_set_error (error, codes[shape], filename, line, column, "%s", message);
  return FALSE;
}

/* }}} */

/* Reading the tree {{{ */

typedef struct
{
  const char       *filename;
  WendaJsonLineMap *lines;
  GPtrArray        *sections;   /* of WendaSection, from "sections" (version 2) */

  /* The items read so far, for check_section_order(): the innermost
   * section of the last one and its line, and the sections whose items
   * have ended (WendaSection * → the line of their last item) */
  WendaSection     *last_section;
  guint             last_line;
  gboolean          in_sections;
  GHashTable       *ended;
} Context;

/* The index of @section in "sections" */
static guint
section_index (Context      *ctx,
               WendaSection *section)
{
  guint index = 0;

  g_ptr_array_find (ctx->sections, section, &index);
  return index;
}

/* The items of a section, with those of the sections inside it, are
 * consecutive (the list shows a section as one group under its header,
 * and the bank's sections are in the order of its items), and items in
 * no section come before the first section.  Checked for each item in
 * turn, once everything else about it is right: on success the item
 * counts as read. */
static gboolean
check_section_order (Context       *ctx,
                     WendaSection  *section,
                     const char    *where,
                     guint          line,
                     GError       **error)
{
  if (section == NULL && ctx->in_sections)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                            _("%s is in no section, but comes after questions in sections: "
                              "questions outside the sections must come first"),
                            where);
      return FALSE;
    }

  if (section != ctx->last_section)
    {
      for (WendaSection *s = section; s != NULL; s = wenda_section_get_parent (s))
        {
          gpointer ended_line;

          if (ctx->ended != NULL &&
              g_hash_table_lookup_extended (ctx->ended, s, NULL, &ended_line))
            {
              wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                                    _("%s is in section %u (“%s”), whose questions ended on "
                                      "line %u: the questions of a section must be together"),
                                    where, section_index (ctx, s), wenda_section_get_title (s),
                                    GPOINTER_TO_UINT (ended_line));
              return FALSE;
            }
        }

      /* The sections of the last item that this one is not in have ended */
      for (WendaSection *s = ctx->last_section; s != NULL; s = wenda_section_get_parent (s))
        {
          if (section != NULL && wenda_section_contains (s, section))
            break;
          if (ctx->ended == NULL)
            ctx->ended = g_hash_table_new (NULL, NULL);
          g_hash_table_insert (ctx->ended, s, GUINT_TO_POINTER (ctx->last_line));
        }
    }

  ctx->last_section = section;
  ctx->last_line = line;
  ctx->in_sections = ctx->in_sections || section != NULL;
  return TRUE;
}

/* An optional member that is an index into "sections": *@index, or -1
 * when there is none; an index must be below @limit */
static gboolean
get_section_index (Context     *ctx,
                   JsonObject  *object,
                   const char  *name,
                   guint        limit,
                   const char  *where,
                   guint        line,
                   gint64      *index,
                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *index = -1;
  if (node == NULL)
    return TRUE;

  if (!wenda_json_node_has_type (node, G_TYPE_INT64))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“%s” of %s must be an integer, not %s"),
                            name, where, wenda_json_node_type_name (node));
      return FALSE;
    }

  *index = json_node_get_int (node);
  if (*index < 0 || *index >= (gint64)limit)
    {
      if (limit == 0 && g_str_equal (name, "section"))
        wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                              _("“%s” of %s is %lld, but the bank has no “sections”"),
                              name, where, (long long)*index);
      else if (limit == 0)
        wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                              _("“%s” of %s is %lld, but there is no section before it"),
                              name, where, (long long)*index);
      else
        wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                              _("“%s” of %s must be a section's index, 0 to %u, not %lld"),
                              name, where, limit - 1, (long long)*index);
      return FALSE;
    }

  return TRUE;
}

/* Looks up member @name of @object, a string.  @where names the object in
 * messages ("item 3"); @line is where errors point. */
static gboolean
get_string (Context     *ctx,
            JsonObject  *object,
            const char  *name,
            gboolean     required,
            gboolean     non_empty,
            const char  *where,
            guint        line,
            const char **value,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;

  if (node == NULL)
    {
      if (!required)
        return TRUE;

      wenda_bank_set_error (error, WENDA_BANK_ERROR_MISSING_FIELD, ctx->filename, line, 0,
                            _("%s has no “%s”"), where, name);
      return FALSE;
    }

  if (!wenda_json_node_has_type (node, G_TYPE_STRING))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“%s” of %s must be a string, not %s"),
                            name, where, wenda_json_node_type_name (node));
      return FALSE;
    }

  *value = json_node_get_string (node);

  /* json-glib decodes a lone surrogate escape ("\uDC00") to bytes that
   * are not UTF-8; the text would break every widget that shows it. */
  if (!g_utf8_validate (*value, -1, NULL))
    {
      *value = NULL;
      wenda_bank_set_error (error, WENDA_BANK_ERROR_INVALID_UTF8, ctx->filename, line, 0,
                            _("“%s” of %s holds an escape that is not a character "
                              "(a lone surrogate, \\uD800 to \\uDFFF)"), name, where);
      return FALSE;
    }

  if (non_empty && (*value)[0] == '\0')
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_MISSING_FIELD, ctx->filename, line, 0,
                            _("“%s” of %s is empty"), name, where);
      return FALSE;
    }

  return TRUE;
}

static WendaQaItem *
read_item (Context     *ctx,
           JsonArray   *items,
           guint        index_,
           GHashTable  *numbers,
           GHashTable  *ids,
           guint        items_line,
           GError     **error)
{
  JsonNode *node = json_array_get_element (items, index_);
  g_autofree char *where = NULL;
  JsonObject *object;
  JsonNode *number_node;
  const char *id, *question, *answer, *explanation;
  const char *label = NULL;
  gint64 section = -1;
  WendaQaItem *item;
  gpointer first_line;
  gint64 number;
  guint line;

  where = g_strdup_printf (_("item %u"), index_ + 1);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      line = wenda_json_line_map_element_line (ctx->lines, items, index_, items_line);
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("%s must be an object, not %s"),
                            where, wenda_json_node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  line = wenda_json_line_map_object_line (ctx->lines, object);
  if (line == 0)
    line = items_line;

  number_node = json_object_get_member (object, "number");
  if (number_node == NULL)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_MISSING_FIELD, ctx->filename, line, 0,
                            _("%s has no “number”"), where);
      return NULL;
    }

  if (!wenda_json_node_has_type (number_node, G_TYPE_INT64))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“number” of %s must be an integer, not %s"),
                            where, wenda_json_node_type_name (number_node));
      return NULL;
    }

  number = json_node_get_int (number_node);
  if (number < 1 || number > MAX_NUMBER)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                            /* %lld, not G_GINT64_FORMAT: xgettext cannot read macros */
                            _("“number” of %s must be between 1 and %d, not %lld"),
                            where, MAX_NUMBER, (long long)number);
      return NULL;
    }

  /* Name the item by its number from here on */
  g_free (where);
  where = g_strdup_printf (_("question %u"), (guint)number);

  if (!get_string (ctx, object, "id", TRUE, TRUE, where, line, &id, error) ||
      !get_string (ctx, object, "question", TRUE, TRUE, where, line, &question, error) ||
      /* Empty for a question the bank gives no answer to (a question
       * list), studied by recall */
      !get_string (ctx, object, "answer", TRUE, FALSE, where, line, &answer, error) ||
      !get_string (ctx, object, "explanation", FALSE, FALSE, where, line, &explanation, error))
    return NULL;

  if (g_hash_table_lookup_extended (numbers, GUINT_TO_POINTER ((guint)number), NULL, &first_line))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_DUPLICATE, ctx->filename, line, 0,
                            _("two items have the number %u: on line %u and on line %u"),
                            (guint)number, GPOINTER_TO_UINT (first_line), line);
      return NULL;
    }

  if (g_hash_table_lookup_extended (ids, id, NULL, &first_line))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_DUPLICATE, ctx->filename, line, 0,
                            _("two items have the id “%s”: on line %u and on line %u"),
                            id, GPOINTER_TO_UINT (first_line), line);
      return NULL;
    }

  if (ctx->sections != NULL)
    {
      if (!get_string (ctx, object, "label", FALSE, TRUE, where, line, &label, error) ||
          !get_section_index (ctx, object, "section", ctx->sections->len, where, line,
                              &section, error))
        return NULL;
    }

  if (ctx->sections != NULL &&
      !check_section_order (ctx, section >= 0 ? g_ptr_array_index (ctx->sections, section) : NULL,
                            where, line, error))
    return NULL;

  g_hash_table_insert (numbers, GUINT_TO_POINTER ((guint)number), GUINT_TO_POINTER (line));
  g_hash_table_insert (ids, (gpointer)id, GUINT_TO_POINTER (line));

  item = wenda_qa_item_new (id, (guint)number, question, answer, explanation);
  wenda_qa_item_set_label (item, label);
  if (section >= 0)
    wenda_qa_item_set_section (item, g_ptr_array_index (ctx->sections, section));

  return item;
}

/* Version 2's "sections", into ctx->sections (empty when there are none) */
static gboolean
read_sections (Context     *ctx,
               JsonObject  *root,
               guint        root_line,
               GError     **error)
{
  guint line = wenda_json_line_map_root_member_line (ctx->lines, "sections", root_line);
  JsonNode *node = json_object_get_member (root, "sections");
  JsonArray *array;

  g_clear_pointer (&ctx->sections, g_ptr_array_unref);
  ctx->sections = g_ptr_array_new_with_free_func (g_object_unref);
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“sections” must be an array, not %s"),
                            wenda_json_node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf (_("section %u"), i);
      JsonObject *object;
      const char *title;
      const char *file;
      gint64 parent;
      guint element_line = wenda_json_line_map_element_line (ctx->lines, array, i, line);
      WendaSection *section;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, element_line, 0,
                                _("%s must be an object, not %s"),
                                where, wenda_json_node_type_name (element));
          return FALSE;
        }

      object = json_node_get_object (element);
      element_line = wenda_json_line_map_object_line (ctx->lines, object);
      if (element_line == 0)
        element_line = line;

      /* A parent comes before its sections: no section is its own
       * ancestor */
      if (!get_string (ctx, object, "title", TRUE, TRUE, where, element_line, &title, error) ||
          !get_section_index (ctx, object, "parent", i, where, element_line, &parent, error) ||
          !get_string (ctx, object, "file", FALSE, TRUE, where, element_line, &file, error))
        return FALSE;

      section = wenda_section_new (parent >= 0 ? g_ptr_array_index (ctx->sections, parent) : NULL,
                                   title);
      if (file != NULL)
        wenda_section_set_file (section, file);
      g_ptr_array_add (ctx->sections, section);
    }

  return TRUE;
}

/* Checks the members of the root object; @items gets the (non-empty)
 * array of items, and @items_line the line of "items". */
static gboolean
read_header (Context     *ctx,
             JsonNode    *root,
             const char **title_out,
             JsonArray  **items_out,
             guint       *items_line_out,
             GError     **error)
{
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;
  const char *format, *title, *unused;
  const char *where = _("the bank");
  guint root_line;
  guint line;
  gint64 version;

  /* check_json_shape() let only an object through */
  g_assert (JSON_NODE_HOLDS_OBJECT (root));
  object = json_node_get_object (root);
  root_line = wenda_json_line_map_object_line (ctx->lines, object);

  line = wenda_json_line_map_root_member_line (ctx->lines, "format", root_line);
  if (!get_string (ctx, object, "format", TRUE, FALSE, where, line, &format, error))
    return FALSE;

  if (!g_str_equal (format, FORMAT_NAME))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_STRUCTURE, ctx->filename, line, 0,
                            _("not a question bank: “format” is “%s”, not “%s”"),
                            format, FORMAT_NAME);
      return FALSE;
    }

  line = wenda_json_line_map_root_member_line (ctx->lines, "version", root_line);
  node = json_object_get_member (object, "version");
  if (node == NULL)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_MISSING_FIELD, ctx->filename, line, 0,
                            _("the bank has no “version”"));
      return FALSE;
    }

  if (!wenda_json_node_has_type (node, G_TYPE_INT64))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“version” must be an integer, not %s"),
                            wenda_json_node_type_name (node));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > WENDA_BANK_FORMAT_VERSION)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_UNSUPPORTED_VERSION, ctx->filename, line, 0,
                            _("the bank has format version %lld, and this version of "
                              "Wenda reads up to version %d: update Wenda"),
                            (long long)version, WENDA_BANK_FORMAT_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_UNSUPPORTED_VERSION, ctx->filename, line, 0,
                            _("“version” must be 1 or more, not %lld"), (long long)version);
      return FALSE;
    }

  line = wenda_json_line_map_root_member_line (ctx->lines, "title", root_line);
  if (!get_string (ctx, object, "title", TRUE, FALSE, where, line, &title, error))
    return FALSE;

  line = wenda_json_line_map_root_member_line (ctx->lines, "language", root_line);
  if (!get_string (ctx, object, "language", FALSE, FALSE, where, line, &unused, error))
    return FALSE;

  line = wenda_json_line_map_root_member_line (ctx->lines, "source", root_line);
  if (!get_string (ctx, object, "source", FALSE, FALSE, where, line, &unused, error))
    return FALSE;

  if (version >= 2 && !read_sections (ctx, object, root_line, error))
    return FALSE;

  line = wenda_json_line_map_root_member_line (ctx->lines, "items", root_line);
  node = json_object_get_member (object, "items");
  if (node == NULL)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_MISSING_FIELD, ctx->filename, line, 0,
                            _("the bank has no “items”"));
      return FALSE;
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_WRONG_TYPE, ctx->filename, line, 0,
                            _("“items” must be an array, not %s"),
                            wenda_json_node_type_name (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, ctx->filename, line, 0,
                            _("the bank has no questions: “items” is empty"));
      return FALSE;
    }

  *title_out = title;
  *items_out = array;
  *items_line_out = line;
  return TRUE;
}

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->sections, g_ptr_array_unref);
  g_clear_pointer (&ctx->ended, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static WendaBank *
read_bank (Context     *ctx,
           JsonNode    *root,
           GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GHashTable) ids = NULL;
  const char *title;
  JsonArray *array;
  guint line;

  if (!read_header (ctx, root, &title, &array, &line, error))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  numbers = g_hash_table_new (NULL, NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      WendaQaItem *item = read_item (ctx, array, i, numbers, ids, line, error);

      if (item == NULL)
        return NULL;
      g_ptr_array_add (items, item);
    }

  return wenda_bank_new (title, items);
}

/* }}} */

/* json-glib's syntax error, as ours */
static void
set_syntax_error (GError           **error,
                  const char        *filename,
                  const char        *text,
                  gsize              length,
                  WendaJsonLineMap  *lines,
                  const GError      *parse_error)
{
  g_autofree char *message = NULL;
  guint line, column;

  message = wenda_json_parse_error_message (parse_error, text, length, lines, &line, &column);
  wenda_bank_set_error (error, WENDA_BANK_ERROR_SYNTAX, filename, line, column,
                        "%s", message);
}

/**
 * wenda_bank_load_json:
 * @data: the JSON text
 * @length: its length in bytes, or -1 if it is NUL-terminated
 * @filename: (nullable): the name used in error messages ("<input>")
 *
 * Reads a bank in the JSON format described at the top of this file.
 *
 * Returns: (transfer full): the bank, or %NULL with @error set in the
 *   %WENDA_BANK_ERROR domain, its message starting with "FILE:LINE:"
 */
WendaBank *
wenda_bank_load_json (const char  *data,
                      gssize       length,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(WendaJsonLineMap) lines = { 0, };
  g_auto(Context) ctx = { 0, };
  gsize len;
  gsize bom;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = "<input>";
  if (data == NULL)
    data = "";

  len = length < 0 ? strlen (data) : (gsize)length;

  /* json-glib skips a BOM too; skipping it here keeps its columns and ours
   * counted from the same place. */
  bom = wenda_text_skip_bom (data, len);
  data += bom;
  len -= bom;

  if (!wenda_text_validate (data, len, filename, FALSE, error) ||
      !check_json_shape (data, len, filename, error))
    return NULL;

  wenda_json_line_map_init (&lines);
  parser = json_parser_new ();
  wenda_json_line_map_connect (&lines, parser);

  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      set_syntax_error (error, filename, data, len, &lines, local_error);
      return NULL;
    }

  ctx.filename = filename;
  ctx.lines = &lines;

  return read_bank (&ctx, json_parser_get_root (parser), error);
}

/**
 * wenda_bank_load_resource:
 * @resource_path: a path in the registered resources
 *
 * Reads a JSON bank from a GResource.  Errors name @resource_path as the
 * file.  A missing resource is a %G_RESOURCE_ERROR.
 */
WendaBank *
wenda_bank_load_resource (const char  *resource_path,
                          GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  g_return_val_if_fail (resource_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resources_lookup_data (resource_path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &size);
  return wenda_bank_load_json (data, size, resource_path, error);
}

/**
 * wenda_bank_load_bundled:
 *
 * Reads the bank that ships with the app.
 */
WendaBank *
wenda_bank_load_bundled (GError **error)
{
  return wenda_bank_load_resource (BUNDLED_BANK_PATH, error);
}

/**
 * wenda_bank_text_is_json:
 * @name: the file's name
 *
 * Whether a bank is JSON or Markdown: JSON for .json, Markdown for .md,
 * .markdown and .txt; another name is JSON when the first non-blank
 * character of @text (after a BOM) is "{", else Markdown.
 */
gboolean
wenda_bank_text_is_json (const char *name,
                         const char *text,
                         gsize       length)
{
  gsize i;

  if (wenda_name_has_suffix (name, ".json"))
    return TRUE;

  if (wenda_name_has_suffix (name, ".md") ||
      wenda_name_has_suffix (name, ".markdown") ||
      wenda_name_has_suffix (name, ".txt"))
    return FALSE;

  for (i = wenda_text_skip_bom (text, length); i < length && g_ascii_isspace (text[i]); i++)
    ;

  return i < length && text[i] == '{';
}

/**
 * wenda_bank_load_file:
 *
 * Reads a bank from @file, JSON or Markdown as wenda_bank_text_is_json()
 * tells: Markdown for .md, .markdown and .txt, JSON for .json.  Another
 * name is read as JSON when its first non-blank character is "{", else as
 * Markdown.  Errors name the file's basename; errors reading the file are
 * %G_IO_ERROR.
 */
WendaBank *
wenda_bank_load_file (GFile   *file,
                      GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  basename = g_file_get_basename (file);
  if (basename == NULL)
    basename = g_file_get_parse_name (file);

  if (wenda_bank_text_is_json (basename, contents, length))
    return wenda_bank_load_json (contents, length, basename, error);
  else
    return wenda_markdown_parse (contents, length, basename, error);
}

/**
 * wenda_bank_to_json:
 * @source: (nullable): the "source" member, or %NULL to leave it out
 *
 * Writes @bank in the JSON format, with two-space indents and a final
 * newline.  Text stays UTF-8 (no \u escapes).  "language" is always
 * "zh-CN": the Markdown format is Chinese.
 *
 * Returns: (transfer full): the JSON text
 */
char *
wenda_bank_to_json (WendaBank  *bank,
                    const char *source)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) positions = NULL;
  GPtrArray *sections;
  gboolean version2;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);

  /* Version 1 for a bank that needs nothing of version 2 */
  sections = wenda_bank_get_sections (bank);
  /* Each section's place in this bank's list, parents first: its index
   * in "sections" (a section's own index is that of the last bank made
   * with it, which another bank sharing its items may have set) */
  positions = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < sections->len; i++)
    g_hash_table_insert (positions, g_ptr_array_index (sections, i), GUINT_TO_POINTER (i));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  version2 = sections->len > 0;
  for (guint i = 0; i < n_items && !version2; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      version2 = wenda_qa_item_get_label (item) != NULL;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, version2 ? 2 : 1);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, wenda_bank_get_title (bank));
  json_builder_set_member_name (builder, "language");
  json_builder_add_string_value (builder, "zh-CN");
  if (source != NULL)
    {
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, source);
    }

  if (sections->len > 0)
    {
      json_builder_set_member_name (builder, "sections");
      json_builder_begin_array (builder);
      for (guint i = 0; i < sections->len; i++)
        {
          WendaSection *section = g_ptr_array_index (sections, i);
          WendaSection *parent = wenda_section_get_parent (section);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, wenda_section_get_title (section));
          if (parent != NULL)
            {
              json_builder_set_member_name (builder, "parent");
              json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (positions, parent)));
            }
          if (wenda_section_get_file (section) != NULL)
            {
              json_builder_set_member_name (builder, "file");
              json_builder_add_string_value (builder, wenda_section_get_file (section));
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      WendaSection *section = wenda_qa_item_get_section (item);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, wenda_qa_item_get_id (item));
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, wenda_qa_item_get_number (item));
      if (wenda_qa_item_get_label (item) != NULL)
        {
          json_builder_set_member_name (builder, "label");
          json_builder_add_string_value (builder, wenda_qa_item_get_label (item));
        }
      if (section != NULL)
        {
          json_builder_set_member_name (builder, "section");
          json_builder_add_int_value (builder, GPOINTER_TO_UINT (g_hash_table_lookup (positions, section)));
        }
      json_builder_set_member_name (builder, "question");
      json_builder_add_string_value (builder, wenda_qa_item_get_question (item));
      json_builder_set_member_name (builder, "answer");
      json_builder_add_string_value (builder, wenda_qa_item_get_answer (item));
      json_builder_set_member_name (builder, "explanation");
      json_builder_add_string_value (builder, wenda_qa_item_get_explanation (item));
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return wenda_json_to_data (root, NULL);
}

/* A copy of @item with the id "PREFIX-NNN", from its number */
static WendaQaItem *
item_with_prefix (WendaQaItem *item,
                  const char  *prefix)
{
  g_autofree char *id = NULL;

  WendaQaItem *copy;

  id = g_strdup_printf ("%s-%03u", prefix, wenda_qa_item_get_number (item));
  copy = wenda_qa_item_new (id,
                            wenda_qa_item_get_number (item),
                            wenda_qa_item_get_question (item),
                            wenda_qa_item_get_answer (item),
                            wenda_qa_item_get_explanation (item));
  wenda_qa_item_set_label (copy, wenda_qa_item_get_label (item));
  wenda_qa_item_set_section (copy, wenda_qa_item_get_section (item));

  return copy;
}

/**
 * wenda_bank_rename_ids:
 * @prefix: the new ids' prefix
 *
 * Makes a copy of @bank whose items have the ids "PREFIX-001",
 * "PREFIX-002"…, from their numbers.  Used to give a bank read from
 * Markdown the stable ids of the JSON format.
 *
 * Returns: (transfer full): the new bank
 */
WendaBank *
wenda_bank_rename_ids (WendaBank  *bank,
                       const char *prefix)
{
  g_autoptr(GPtrArray) items = NULL;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_ptr_array_add (items, item_with_prefix (item, prefix));
    }

  return wenda_bank_new (wenda_bank_get_title (bank), items);
}

/* Lenient reading, for wenda-import.c {{{ */

typedef struct
{
  const WendaReadOptions *options;
  GHashTable             *end_lines;   /* JsonObject* → line of its "}" */
  guint                   n_lines;
} LenientContext;

static void
on_lenient_object_end (JsonParser     *parser,
                       JsonObject     *object,
                       LenientContext *lenient)
{
  g_hash_table_insert (lenient->end_lines, object,
                       GUINT_TO_POINTER (json_parser_get_current_line (parser)));
}

/* json-glib reads the whole text in one call; the items of the bank are
 * the elements it reports most often, so progress goes from there. */
static void
on_lenient_array_element (JsonParser     *parser,
                          JsonArray      *array,
                          int             index_,
                          LenientContext *lenient)
{
  const WendaReadOptions *options = lenient->options;

  if (options->progress != NULL && index_ % 1024 == 0 &&
      !g_cancellable_is_cancelled (options->cancellable))
    options->progress (0.8 * json_parser_get_current_line (parser) / lenient->n_lines,
                       options->user_data);
}

/**
 * wenda_bank_read_json:
 * @text: the JSON text: valid UTF-8 with no NUL byte (see
 *   wenda_text_validate()); a BOM is skipped
 * @options: ids, cancellation, progress and lenient reading
 *
 * Reads a bank in the JSON format described at the top of this file.  With
 * a problem function, an item with a problem (a missing field, a wrong
 * type, a number or id already used) is skipped and reported with the
 * lines of its "{…}", and the other items are kept.  A syntax error, or a
 * problem outside the items, still fails: the rest cannot be trusted.
 * Item ids are "PREFIX-NNN" from @options' id_prefix, or those of the file.
 * json-glib cannot be stopped while it reads, so cancellation is checked
 * before and after, and between the items.
 *
 * Returns: (transfer full): the bank, or %NULL with @error set
 */
WendaBank *
wenda_bank_read_json (const char              *text,
                      gsize                    length,
                      const char              *filename,
                      const WendaReadOptions  *options,
                      GError                 **error)
{
  static const WendaReadOptions no_options = { 0, };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) end_lines = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_auto(WendaJsonLineMap) lines = { 0, };
  LenientContext lenient = { 0, };
  g_auto(Context) ctx = { 0, };
  const char *title;
  JsonArray *array;
  guint items_line;
  guint n_elements;
  guint n_problems = 0;
  gsize bom;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = "<input>";
  if (text == NULL)
    text = "";
  if (options == NULL)
    options = &no_options;

  bom = wenda_text_skip_bom (text, length);
  text += bom;
  length -= bom;

  if (g_cancellable_set_error_if_cancelled (options->cancellable, error) ||
      !check_json_shape (text, length, filename, error))
    return NULL;

  end_lines = g_hash_table_new (NULL, NULL);
  lenient.options = options;
  lenient.end_lines = end_lines;
  lenient.n_lines = 1;
  for (const char *p = text; (p = memchr (p, '\n', text + length - p)) != NULL; p++)
    lenient.n_lines++;

  wenda_json_line_map_init (&lines);
  parser = json_parser_new ();
  wenda_json_line_map_connect (&lines, parser);
  g_signal_connect (parser, "object-end", G_CALLBACK (on_lenient_object_end), &lenient);
  g_signal_connect (parser, "array-element", G_CALLBACK (on_lenient_array_element), &lenient);

  if (!json_parser_load_from_data (parser, text, length, &local_error))
    {
      set_syntax_error (error, filename, text, length, &lines, local_error);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
    return NULL;

  ctx.filename = filename;
  ctx.lines = &lines;

  if (!read_header (&ctx, json_parser_get_root (parser), &title, &array, &items_line, error))
    return NULL;

  n_elements = json_array_get_length (array);
  items = g_ptr_array_new_full (n_elements, g_object_unref);
  numbers = g_hash_table_new (NULL, NULL);
  ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n_elements; i++)
    {
      g_autoptr(WendaQaItem) item = NULL;
      JsonNode *node;
      guint first_line, last_line;

      if (i % 256 == 0)
        {
          if (g_cancellable_set_error_if_cancelled (options->cancellable, error))
            return NULL;
          if (options->progress != NULL)
            options->progress (0.8 + 0.2 * i / n_elements, options->user_data);
        }

      item = read_item (&ctx, array, i, numbers, ids, items_line, &local_error);

      if (item == NULL && options->problem == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      if (item == NULL)
        {
          /* The lines read_item() named, and the item's whole "{…}" */
          node = json_array_get_element (array, i);
          if (JSON_NODE_HOLDS_OBJECT (node))
            {
              JsonObject *object = json_node_get_object (node);

              first_line = wenda_json_line_map_object_line (&lines, object);
              last_line = GPOINTER_TO_UINT (g_hash_table_lookup (end_lines, object));
              if (first_line == 0)
                first_line = items_line;
            }
          else
            {
              first_line = wenda_json_line_map_element_line (&lines, array, i, items_line);
              last_line = first_line;
            }

          n_problems++;
          options->problem (first_line, first_line, MAX (first_line, last_line),
                            wenda_bank_error_text (local_error, filename),
                            options->user_data);
          g_clear_error (&local_error);
          continue;
        }

      if (options->id_prefix == NULL)
        g_ptr_array_add (items, g_steal_pointer (&item));
      else
        g_ptr_array_add (items, item_with_prefix (item, options->id_prefix));
    }

  if (items->len == 0)
    {
      /* Every item was skipped: read_header() refused an empty array */
      g_assert (n_problems > 0);
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, filename, items_line, 0,
                            _("no question could be read: every one has a problem"));
      return NULL;
    }

  return wenda_bank_new (title, items);
}

/* }}} */
