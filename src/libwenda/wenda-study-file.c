/* wenda-study-file.c: the study file: reading it, checking it, writing it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The study file, version 1
 * =========================
 *
 *   {
 *     "format": "wenda-study",
 *     "version": 1,
 *     "cards": {
 *       "llm-training-001": {
 *         "state": "review",
 *         "step": 0,
 *         "stability": 3.17,
 *         "difficulty": 5.28,
 *         "due": "2026-12-02T09:30:00Z",
 *         "last-review": "2026-11-29T09:30:00Z",
 *         "reps": 3,
 *         "lapses": 0
 *       }
 *     },
 *     "starred": [ "llm-training-003" ],
 *     "log": [
 *       {
 *         "id": "llm-training-001",
 *         "time": "2026-11-29T09:30:00Z",
 *         "rating": 3,
 *         "state": "new",
 *         "elapsed-days": 0.0,
 *         "interval": 600
 *       }
 *     ]
 *   }
 *
 * The file is UTF-8 and holds exactly one JSON object.
 *
 *   format       required, the string "wenda-study"
 *   version      required, an integer from 1; a file newer than
 *                WENDA_STUDY_FORMAT_VERSION is left alone (FUTURE_VERSION)
 *   cards        optional object (default empty): item id → card, with
 *     state        required, "new", "learning", "review" or "relearning"
 *     step         required, integer ≥ 0: index into the (re)learning steps
 *     stability    required, number (days)
 *     difficulty   required, number
 *     due          optional time (absent: 0, due at once)
 *     last-review  optional time (absent: 0, never reviewed)
 *     reps         required, integer ≥ 0
 *     lapses       required, integer ≥ 0
 *   starred      optional array of ids (default empty); order and
 *                repeats do not matter
 *   log          optional array (default empty) of reviews, oldest first:
 *     id           required, the item's id
 *     time         required time: when the grade was given
 *     rating       required, integer 1 (Again) to 4 (Easy)
 *     state        required, the card's state before the grade
 *     elapsed-days required, number: days since the review before
 *     interval     required, integer: seconds from time to the new due date
 *
 * Ids are the items' stable ids (see wenda-bank-loader.c), non-empty.  The
 * store keeps every id it reads, also those the current content has not,
 * and writes them back: a new version of the content must lose nobody's
 * progress.  (An id twice in "cards": json-glib keeps the last.)
 *
 * Times are ISO 8601 strings with a time zone, written in UTC to the
 * second ("2026-12-02T09:30:00Z"), from 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59Z (what GDateTime can write).  Numbers are finite and at most 1e12
 * in size: json-glib 1.6 writes doubles with "%.17g", which reads back to
 * the same double, but from 1e17 up it writes "1e+17.0", which is not
 * JSON, and it writes "nan" and "inf" as they are.  Other members are
 * ignored (and not written back).  Cards and log entries are checked
 * alike when they are read and when they are set, so whatever the store
 * holds it can write, and whatever it writes it can read.
 *
 * Damage.  A file that is not all of the above (not UTF-8, not JSON, cut
 * short, a wrong type or value anywhere, a card whose "stability" is a
 * string) is CORRUPT as a whole: it is renamed to
 * PATH.corrupt-YYYYMMDD-HHMMSS (local time; -1, -2… when that exists) and
 * the store starts empty and writable.  Salvaging the good entries was
 * the other choice; it was not taken because the file is written only by
 * this code, so a bad entry means the file was damaged or hand-edited
 * and the rest is suspect too; because one rule is easier to explain to
 * a user ("your progress was reset and the old file kept there") than a
 * partial load; and because the kept file holds everything, so a person
 * can repair it and put it back.  When the file cannot be renamed, the
 * store is read-only instead, so that nothing overwrites it.
 *
 * Saving.  Every save goes through g_file_set_contents_full() (CONSISTENT
 * and DURABLE): it writes "study.json.XXXXXX" in the same folder, fsyncs
 * it and renames it over the file.  g_file_replace_contents() is not
 * used: in GLib 2.74, when a write fails partway (a full disk), its
 * output stream still renames the cut temporary file over the original on
 * close (glocalfileoutputstream.c), so the user's file would be lost; the
 * full-disk test (RLIMIT_FSIZE) shows it.  Without
 * G_FILE_CREATE_REPLACE_DESTINATION it also rewrites the file in place when
 * the folder is not writable.  A study.json that is a symbolic link is
 * replaced by a file.  Temporary files of an interrupted save (and the
 * ".goutputstream-XXXXXX" of older versions) are removed by
 * wenda_study_file_load(). */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenda-json-private.h"
#include "wenda-study-file-private.h"
#include "wenda-study-types.h"
#include "wenda-text-check-private.h"

#define FORMAT_NAME    "wenda-study"

/* The file is three levels deep; json-glib recurses once per level */
#define MAX_DEPTH      16

/* See "Numbers" above */
#define MAX_MAGNITUDE  1e12

/* The times GDateTime can hold: 0001-01-01 to 9999-12-31 */
#define MIN_TIME       G_GINT64_CONSTANT (-62135596800)
#define MAX_TIME       G_GINT64_CONSTANT (253402300799)

/* How many PATH.corrupt-STAMP-N names to try */
#define MAX_KEPT_SUFFIX 1000

/* The store's error domain (wenda-study-types.h) is defined here, where
 * nearly all of its errors are set, so that this file needs nothing of
 * wenda-study-store.c. */
G_DEFINE_QUARK (wenda-study-store-error-quark, wenda_study_store_error)

/* The state {{{ */

void
wenda_study_state_init (WendaStudyState *state)
{
  state->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  state->cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  state->starred = g_hash_table_new (g_str_hash, g_str_equal);
  state->log = g_ptr_array_new_with_free_func (g_free);
}

void
wenda_study_state_clear (WendaStudyState *state)
{
  /* The tables that borrow ids go first */
  g_clear_pointer (&state->log, g_ptr_array_unref);
  g_clear_pointer (&state->starred, g_hash_table_unref);
  g_clear_pointer (&state->cards, g_hash_table_unref);
  g_clear_pointer (&state->ids, g_hash_table_unref);
}

/* @id, kept once in @state */
const char *
wenda_study_state_intern (WendaStudyState *state,
                          const char      *id)
{
  char *interned = g_hash_table_lookup (state->ids, id);

  if (interned == NULL)
    {
      interned = g_strdup (id);
      g_hash_table_add (state->ids, interned);
    }

  return interned;
}

void
wenda_study_state_set_card (WendaStudyState *state,
                            const char      *id,
                            const WendaCard *card)
{
  WendaCard *copy = g_memdup2 (card, sizeof *card);

  g_hash_table_replace (state->cards, (gpointer)wenda_study_state_intern (state, id), copy);
}

void
wenda_study_state_append_review (WendaStudyState   *state,
                                 const char        *id,
                                 const WendaReview *review)
{
  WendaStudyLogEntry *entry = g_new0 (WendaStudyLogEntry, 1);

  entry->id = wenda_study_state_intern (state, id);
  entry->review = *review;
  g_ptr_array_add (state->log, entry);
}

/* }}} */

/* Checks {{{ */

/* These hold for whatever the store reads and whatever it is given, so it
 * can always write what it holds and read what it wrote. */

/* Ids go into the file as they are: it must stay UTF-8 */
gboolean
wenda_study_id_is_valid (const char *id)
{
  return id != NULL && id[0] != '\0' && g_utf8_validate (id, -1, NULL);
}

gboolean
wenda_study_time_is_valid (gint64 t)
{
  return t >= MIN_TIME && t <= MAX_TIME;
}

static gboolean
number_is_valid (double d)
{
  return isfinite (d) && fabs (d) <= MAX_MAGNITUDE;
}

static gboolean
state_is_valid (WendaCardState state)
{
  return state >= WENDA_CARD_STATE_NEW && state <= WENDA_CARD_STATE_RELEARNING;
}

gboolean
wenda_study_rating_is_valid (WendaRating rating)
{
  return rating >= WENDA_RATING_AGAIN && rating <= WENDA_RATING_EASY;
}

gboolean
wenda_study_card_is_valid (const WendaCard *card)
{
  return state_is_valid (card->state) &&
         number_is_valid (card->stability) &&
         number_is_valid (card->difficulty) &&
         wenda_study_time_is_valid (card->due) &&
         wenda_study_time_is_valid (card->last_review);
}

gboolean
wenda_study_review_is_valid (const WendaReview *review)
{
  return wenda_study_time_is_valid (review->time) &&
         wenda_study_rating_is_valid (review->rating) &&
         state_is_valid (review->state) &&
         number_is_valid (review->elapsed_days);
}

/* }}} */

/* Reading {{{ */

typedef struct
{
  const char       *filename;   /* the basename, for messages */
  WendaJsonLineMap *lines;
  WendaStudyState  *state;
} Reader;

static void set_file_error (GError     **error,
                            int          code,
                            const char  *filename,
                            guint        line,
                            guint        column,
                            const char  *format,
                            ...) G_GNUC_PRINTF (6, 7);

/* "FILE:LINE:COLUMN: message", the column and line left out when 0 */
static void
set_file_error (GError     **error,
                int          code,
                const char  *filename,
                guint        line,
                guint        column,
                const char  *format,
                ...)
{
  va_list args;

  va_start (args, format);
  wenda_text_set_error_valist (error, WENDA_STUDY_STORE_ERROR, code, filename, line, column,
                               format, args);
  va_end (args);
}

/* The checks before json-glib sees the text: UTF-8 with no NUL, and one
 * object (wenda_json_check_shape()). */
static gboolean
check_text (const char  *text,
            gsize        length,
            const char  *filename,
            GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *message = NULL;
  const char *where = NULL;
  WendaJsonShape shape;
  guint line, column;

  if (!wenda_text_validate (text, length, filename, FALSE, &local_error))
    {
      /* Same message ("FILE:LINE:COLUMN: invalid UTF-8…"), our domain */
      g_set_error_literal (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT,
                           local_error->message);
      return FALSE;
    }

  shape = wenda_json_check_shape (text, length, MAX_DEPTH, &where);
  if (shape == WENDA_JSON_SHAPE_OK)
    return TRUE;

  message = wenda_json_shape_message (shape, text, where,
                                      _("not a study file: the file must hold one JSON "
                                        "object, “{…}”"),
                                      &line, &column);
  set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, filename, line, column,
                  "%s", message);
  return FALSE;
}

/* Member @name of @object, which @where names in messages ("the card of
 * “x”"), when it is of @type (see wenda_json_node_has_type()); errors
 * point at @line.  TRUE with *@node NULL when it is missing and not
 * @required. */
static gboolean
get_value (Reader      *reader,
           JsonObject  *object,
           const char  *name,
           gboolean     required,
           GType        type,
           const char  *where,
           guint        line,
           JsonNode   **node,
           GError     **error)
{
  *node = json_object_get_member (object, name);

  if (*node == NULL)
    {
      if (!required)
        return TRUE;

      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("%s has no “%s”"), where, name);
      return FALSE;
    }

  if (!wenda_json_node_has_type (*node, type))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      /* Translators: “stability” of the card of “x” must be a number, not a string */
                      _("“%s” of %s must be %s, not %s"),
                      name, where, wenda_json_type_name (type), wenda_json_node_type_name (*node));
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            const char  *where,
            guint        line,
            const char **value,
            GError     **error)
{
  JsonNode *node;

  if (!get_value (reader, object, name, TRUE, G_TYPE_STRING, where, line, &node, error))
    return FALSE;

  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_integer (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             const char  *where,
             guint        line,
             gint64       min,
             gint64       max,
             gint64      *value,
             GError     **error)
{
  JsonNode *node;

  if (!get_value (reader, object, name, TRUE, G_TYPE_INT64, where, line, &node, error))
    return FALSE;

  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      /* %lld, not G_GINT64_FORMAT: xgettext cannot read macros */
                      _("“%s” of %s must be between %lld and %lld, not %lld"),
                      name, where, (long long)min, (long long)max, (long long)*value);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_guint (Reader      *reader,
           JsonObject  *object,
           const char  *name,
           const char  *where,
           guint        line,
           guint       *value,
           GError     **error)
{
  gint64 v;

  if (!get_integer (reader, object, name, where, line, 0, G_MAXUINT, &v, error))
    return FALSE;

  *value = (guint)v;
  return TRUE;
}

static gboolean
get_number (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            const char  *where,
            guint        line,
            double      *value,
            GError     **error)
{
  JsonNode *node;

  if (!get_value (reader, object, name, TRUE, G_TYPE_DOUBLE, where, line, &node, error))
    return FALSE;

  *value = json_node_get_double (node);
  if (!number_is_valid (*value))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“%s” of %s is out of range"), name, where);
      return FALSE;
    }

  return TRUE;
}

/* A time; 0 when it is missing and not @required. */
static gboolean
get_time (Reader      *reader,
          JsonObject  *object,
          const char  *name,
          gboolean     required,
          const char  *where,
          guint        line,
          gint64      *value,
          GError     **error)
{
  g_autoptr(GDateTime) datetime = NULL;
  JsonNode *node;
  const char *text;

  *value = 0;

  if (!get_value (reader, object, name, required, G_TYPE_STRING, where, line, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  text = json_node_get_string (node);
  datetime = g_date_time_new_from_iso8601 (text, NULL);
  if (datetime == NULL)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“%s” of %s is not a time in ISO 8601 with a time zone: “%s”"),
                      name, where, text);
      return FALSE;
    }

  /* "0001-01-01T00:00:00+01:00" parses, but is before what GDateTime
   * can write back in UTC */
  *value = g_date_time_to_unix (datetime);
  if (!wenda_study_time_is_valid (*value))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“%s” of %s is out of range"), name, where);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_state (Reader          *reader,
           JsonObject      *object,
           const char      *name,
           const char      *where,
           guint            line,
           WendaCardState  *value,
           GError         **error)
{
  const char *nick;

  if (!get_string (reader, object, name, where, line, &nick, error))
    return FALSE;

  if (!wenda_card_state_from_nick (nick, value) || !state_is_valid (*value))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“%s” of %s is not a card state: “%s”"), name, where, nick);
      return FALSE;
    }

  return TRUE;
}

/* Member @name of the root, when it is of @type; *@line gets the line
 * of the member, or of the root's "{".  TRUE with *@node NULL when it is
 * missing. */
static gboolean
get_root_member (Reader      *reader,
                 JsonObject  *root,
                 const char  *name,
                 GType        type,
                 guint       *line,
                 JsonNode   **node,
                 GError     **error)
{
  guint root_line = wenda_json_line_map_object_line (reader->lines, root);

  *line = wenda_json_line_map_root_member_line (reader->lines, name, root_line);
  *node = json_object_get_member (root, name);

  if (*node != NULL && !wenda_json_node_has_type (*node, type))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, *line, 0,
                      _("“%s” must be %s, not %s"), name, wenda_json_type_name (type),
                      wenda_json_node_type_name (*node));
      return FALSE;
    }

  return TRUE;
}

/* @node, a card or a review, which @where names, as an object; errors
 * point at @line.  *@object_line gets the line of its "{", or @fallback. */
static JsonObject *
get_entry (Reader      *reader,
           JsonNode    *node,
           const char  *where,
           guint        line,
           guint        fallback,
           guint       *object_line,
           GError     **error)
{
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("%s must be an object, not %s"), where, wenda_json_node_type_name (node));
      return NULL;
    }

  object = json_node_get_object (node);
  *object_line = wenda_json_line_map_object_line (reader->lines, object);
  if (*object_line == 0)
    *object_line = fallback;

  return object;
}

static gboolean
read_card (Reader      *reader,
           const char  *id,
           JsonNode    *node,
           guint        cards_line,
           GError     **error)
{
  g_autofree char *where = NULL;
  JsonObject *object;
  WendaCard card;
  guint line;

  /* Translators: names a card in messages; %s is an item's id */
  where = g_strdup_printf (_("the card of “%s”"), id);

  if (id[0] == '\0')
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, cards_line, 0,
                      _("a card has an empty id"));
      return FALSE;
    }

  object = get_entry (reader, node, where, cards_line, cards_line, &line, error);
  if (object == NULL)
    return FALSE;

  wenda_card_init (&card);
  if (!get_state (reader, object, "state", where, line, &card.state, error) ||
      !get_guint (reader, object, "step", where, line, &card.step, error) ||
      !get_number (reader, object, "stability", where, line, &card.stability, error) ||
      !get_number (reader, object, "difficulty", where, line, &card.difficulty, error) ||
      !get_time (reader, object, "due", FALSE, where, line, &card.due, error) ||
      !get_time (reader, object, "last-review", FALSE, where, line, &card.last_review, error) ||
      !get_guint (reader, object, "reps", where, line, &card.reps, error) ||
      !get_guint (reader, object, "lapses", where, line, &card.lapses, error))
    return FALSE;

  g_assert (wenda_study_card_is_valid (&card));
  wenda_study_state_set_card (reader->state, id, &card);
  return TRUE;
}

static gboolean
read_cards (Reader      *reader,
            JsonObject  *root,
            GError     **error)
{
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;
  JsonNode *card;
  JsonObject *cards;
  guint line;

  if (!get_root_member (reader, root, "cards", JSON_TYPE_OBJECT, &line, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  cards = json_node_get_object (node);
  line = wenda_json_line_map_object_line (reader->lines, cards);

  json_object_iter_init (&iter, cards);
  while (json_object_iter_next (&iter, &id, &card))
    {
      if (!read_card (reader, id, card, line, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_starred (Reader      *reader,
              JsonObject  *root,
              GError     **error)
{
  JsonNode *node;
  JsonArray *array;
  guint line;

  if (!get_root_member (reader, root, "starred", JSON_TYPE_ARRAY, &line, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      guint element_line = wenda_json_line_map_element_line (reader->lines, array, i, line);
      const char *id;

      if (!wenda_json_node_has_type (element, G_TYPE_STRING))
        {
          set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename,
                          element_line, 0,
                          _("an id in “%s” must be a string, not %s"), "starred",
                          wenda_json_node_type_name (element));
          return FALSE;
        }

      id = json_node_get_string (element);
      if (id[0] == '\0')
        {
          set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename,
                          element_line, 0, _("an id in “%s” is empty"), "starred");
          return FALSE;
        }

      g_hash_table_add (reader->state->starred,
                        (gpointer)wenda_study_state_intern (reader->state, id));
    }

  return TRUE;
}

static gboolean
read_review (Reader      *reader,
             JsonArray   *log,
             guint        index_,
             guint        log_line,
             GError     **error)
{
  JsonNode *node = json_array_get_element (log, index_);
  g_autofree char *where = NULL;
  JsonObject *object;
  WendaReview review = { 0, };
  const char *id;
  gint64 rating;
  guint line;

  line = wenda_json_line_map_element_line (reader->lines, log, index_, log_line);
  /* Translators: names a review in messages; %u counts from 1 */
  where = g_strdup_printf (_("review %u of the log"), index_ + 1);

  object = get_entry (reader, node, where, line, log_line, &line, error);
  if (object == NULL)
    return FALSE;

  if (!get_string (reader, object, "id", where, line, &id, error))
    return FALSE;

  if (id[0] == '\0')
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“%s” of %s is empty"), "id", where);
      return FALSE;
    }

  if (!get_time (reader, object, "time", TRUE, where, line, &review.time, error) ||
      !get_integer (reader, object, "rating", where, line,
                    WENDA_RATING_AGAIN, WENDA_RATING_EASY, &rating, error) ||
      !get_state (reader, object, "state", where, line, &review.state, error) ||
      !get_number (reader, object, "elapsed-days", where, line, &review.elapsed_days, error) ||
      !get_integer (reader, object, "interval", where, line,
                    G_MININT64, G_MAXINT64, &review.interval, error))
    return FALSE;

  review.rating = (WendaRating)rating;
  g_assert (wenda_study_review_is_valid (&review));
  wenda_study_state_append_review (reader->state, id, &review);
  return TRUE;
}

static gboolean
read_log (Reader      *reader,
          JsonObject  *root,
          GError     **error)
{
  JsonNode *node;
  JsonArray *array;
  guint line;

  if (!get_root_member (reader, root, "log", JSON_TYPE_ARRAY, &line, &node, error))
    return FALSE;

  if (node == NULL)
    return TRUE;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      if (!read_review (reader, array, i, line, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads the root object into reader->state.  Errors are CORRUPT, or
 * FUTURE_VERSION when the version is one this code does not know. */
static gboolean
read_root (Reader      *reader,
           JsonNode    *root_node,
           GError     **error)
{
  JsonObject *root;
  JsonNode *node;
  guint line;
  gint64 version;

  /* wenda_json_check_shape() let only an object through */
  g_assert (JSON_NODE_HOLDS_OBJECT (root_node));
  root = json_node_get_object (root_node);

  if (!get_root_member (reader, root, "format", G_TYPE_STRING, &line, &node, error))
    return FALSE;

  if (node == NULL)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("not a study file: it has no “format”"));
      return FALSE;
    }

  if (!g_str_equal (json_node_get_string (node), FORMAT_NAME))
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("not a study file: “format” is “%s”, not “%s”"),
                      json_node_get_string (node), FORMAT_NAME);
      return FALSE;
    }

  if (!get_root_member (reader, root, "version", G_TYPE_INT64, &line, &node, error))
    return FALSE;

  if (node == NULL)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("the study file has no “version”"));
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > WENDA_STUDY_FORMAT_VERSION)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_FUTURE_VERSION, reader->filename, 0, 0,
                      _("this study progress was saved by a newer version of Wenda "
                        "(format version %lld; this version reads up to %d). "
                        "It is left as it is, and progress will not be saved "
                        "until Wenda is updated"),
                      (long long)version, WENDA_STUDY_FORMAT_VERSION);
      return FALSE;
    }

  if (version < 1)
    {
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, reader->filename, line, 0,
                      _("“version” must be 1 or more, not %lld"), (long long)version);
      return FALSE;
    }

  return read_cards (reader, root, error) &&
         read_starred (reader, root, error) &&
         read_log (reader, root, error);
}

/* Reads the text of a study file into @state (which it may fill partly on
 * failure). */
static gboolean
read_text (const char       *data,
           gsize             length,
           const char       *filename,
           WendaStudyState  *state,
           GError          **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(WendaJsonLineMap) lines = { 0, };
  Reader reader;
  gsize bom;

  /* This code writes no BOM, but an editor may add one; json-glib would
   * skip it too */
  bom = wenda_text_skip_bom (data, length);
  data += bom;
  length -= bom;

  if (!check_text (data, length, filename, error))
    return FALSE;

  wenda_json_line_map_init (&lines);
  parser = json_parser_new ();
  wenda_json_line_map_connect (&lines, parser);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_autofree char *message = NULL;
      guint line, column;

      message = wenda_json_parse_error_message (local_error, data, length, &lines,
                                                &line, &column);
      set_file_error (error, WENDA_STUDY_STORE_ERROR_CORRUPT, filename, line, column,
                      "%s", message);
      return FALSE;
    }

  reader.filename = filename;
  reader.lines = &lines;
  reader.state = state;

  return read_root (&reader, json_parser_get_root (parser), error);
}

/* }}} */

/* Writing {{{ */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The keys of @table, sorted, so the file does not change order between
 * saves */
static GPtrArray *
sorted_keys (GHashTable *table)
{
  GHashTableIter iter;
  gpointer key;
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);

  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       t)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (t);
  g_autofree char *text = NULL;

  /* Every time the store holds passed wenda_study_time_is_valid() */
  g_assert (datetime != NULL);
  text = g_date_time_format_iso8601 (datetime);

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static void
add_card (JsonBuilder     *builder,
          const WendaCard *card)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, wenda_card_state_to_nick (card->state));
  json_builder_set_member_name (builder, "step");
  json_builder_add_int_value (builder, card->step);
  json_builder_set_member_name (builder, "stability");
  json_builder_add_double_value (builder, card->stability);
  json_builder_set_member_name (builder, "difficulty");
  json_builder_add_double_value (builder, card->difficulty);
  if (card->due != 0)
    add_time (builder, "due", card->due);
  if (card->last_review != 0)
    add_time (builder, "last-review", card->last_review);
  json_builder_set_member_name (builder, "reps");
  json_builder_add_int_value (builder, card->reps);
  json_builder_set_member_name (builder, "lapses");
  json_builder_add_int_value (builder, card->lapses);
  json_builder_end_object (builder);
}

static void
add_review (JsonBuilder              *builder,
            const WendaStudyLogEntry *entry)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, entry->id);
  add_time (builder, "time", entry->review.time);
  json_builder_set_member_name (builder, "rating");
  json_builder_add_int_value (builder, entry->review.rating);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, wenda_card_state_to_nick (entry->review.state));
  json_builder_set_member_name (builder, "elapsed-days");
  json_builder_add_double_value (builder, entry->review.elapsed_days);
  json_builder_set_member_name (builder, "interval");
  json_builder_add_int_value (builder, entry->review.interval);
  json_builder_end_object (builder);
}

static char *
state_to_json (WendaStudyState *state,
               gsize           *length)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, FORMAT_NAME);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WENDA_STUDY_FORMAT_VERSION);

  json_builder_set_member_name (builder, "cards");
  json_builder_begin_object (builder);
  ids = sorted_keys (state->cards);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      json_builder_set_member_name (builder, id);
      add_card (builder, g_hash_table_lookup (state->cards, id));
    }
  json_builder_end_object (builder);
  g_clear_pointer (&ids, g_ptr_array_unref);

  json_builder_set_member_name (builder, "starred");
  json_builder_begin_array (builder);
  ids = sorted_keys (state->starred);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (ids, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  for (guint i = 0; i < state->log->len; i++)
    add_review (builder, g_ptr_array_index (state->log, i));
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return wenda_json_to_data (root, length);
}

/* }}} */

/* The folder {{{ */

/* The temporary file names of GLib 2.74: g_mkstemp_full() replaces
 * "XXXXXX" with letters and digits. */
static gboolean
is_mkstemp_suffix (const char *s)
{
  for (guint i = 0; i < 6; i++)
    {
      if (!g_ascii_isalnum (s[i]))
        return FALSE;
    }

  return s[6] == '\0';
}

/* What an interrupted save leaves next to @basename: ".goutputstream-XXXXXX"
 * (g_file_replace_contents()) or "BASENAME.XXXXXX"
 * (g_file_set_contents_full()). */
static gboolean
is_stray_name (const char *name,
               const char *basename)
{
  static const char prefix[] = ".goutputstream-";
  gsize n = strlen (basename);

  if (g_str_has_prefix (name, prefix))
    return is_mkstemp_suffix (name + strlen (prefix));

  return strncmp (name, basename, n) == 0 && name[n] == '.' &&
         is_mkstemp_suffix (name + n + 1);
}

/* Removes the temporary files of interrupted saves, regular files only.
 * The folder is the app's own and the app runs once per user, so no other
 * save can be under way. */
static void
remove_strays (const char *path)
{
  g_autofree char *dirname = g_path_get_dirname (path);
  g_autofree char *basename = g_path_get_basename (path);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  dir = g_dir_open (dirname, 0, NULL);
  if (dir == NULL)
    return;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *stray = NULL;
      GStatBuf buf;

      if (!is_stray_name (name, basename))
        continue;

      stray = g_build_filename (dirname, name, NULL);
      if (g_lstat (stray, &buf) != 0 || !S_ISREG (buf.st_mode))
        continue;

      if (g_unlink (stray) != 0)
        g_debug ("Could not remove %s: %s", stray, g_strerror (errno));
    }
}

/* Renames @path to PATH.corrupt-YYYYMMDD-HHMMSS (-1, -2… if taken).
 * Returns the new name, or NULL with @error set. */
static char *
keep_aside (const char  *path,
            GError     **error)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *stamp = NULL;
  g_autofree char *base = NULL;
  int errsv;

  now = g_date_time_new_from_unix_local (wenda_clock_now ());
  if (now == NULL)
    now = g_date_time_new_now_local ();
  stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  base = g_strdup_printf ("%s.corrupt-%s", path, stamp);

  for (guint i = 0; i <= MAX_KEPT_SUFFIX; i++)
    {
      g_autofree char *kept = NULL;
      GStatBuf buf;

      kept = i == 0 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, i);

      /* lstat, so that a dangling link counts as taken too */
      if (g_lstat (kept, &buf) == 0)
        continue;

      if (g_rename (path, kept) == 0)
        return g_steal_pointer (&kept);

      errsv = errno;
      g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                           g_strerror (errsv));
      return NULL;
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, g_strerror (EEXIST));
  return NULL;
}

/* }}} */

/* Loading and saving {{{ */

/**
 * wenda_study_file_load:
 * @path: the study file
 * @state: (out caller-allocates): an empty state
 * @kept_path: (out) (transfer full): where a damaged file went, or %NULL
 *
 * Removes the stray temporary files of an interrupted save, then reads
 * @path into @state.  A missing file is an empty state.  On any other
 * result than %WENDA_STUDY_FILE_READ, @error says what happened, in words
 * for a user, and @state stays empty.
 */
WendaStudyFileResult
wenda_study_file_load (const char       *path,
                       WendaStudyState  *state,
                       char            **kept_path,
                       GError          **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GError) keep_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *kept_display = NULL;
  g_auto(WendaStudyState) read = { 0, };
  gsize length;

  *kept_path = NULL;

  remove_strays (path);

  basename = g_filename_display_basename (path);
  display = g_filename_display_name (path);
  file = g_file_new_for_path (path);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return WENDA_STUDY_FILE_READ;

      g_set_error (error, local_error->domain, local_error->code,
                   _("Study progress could not be read from “%s”: %s. "
                     "Progress will not be saved until this is fixed"),
                   display, local_error->message);
      return WENDA_STUDY_FILE_UNREADABLE;
    }

  wenda_study_state_init (&read);
  if (read_text (contents, length, basename, &read, &local_error))
    {
      WendaStudyState empty = *state;

      *state = read;
      read = empty;
      return WENDA_STUDY_FILE_READ;
    }

  if (g_error_matches (local_error, WENDA_STUDY_STORE_ERROR,
                       WENDA_STUDY_STORE_ERROR_FUTURE_VERSION))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return WENDA_STUDY_FILE_NEWER;
    }

  g_assert (g_error_matches (local_error, WENDA_STUDY_STORE_ERROR,
                             WENDA_STUDY_STORE_ERROR_CORRUPT));

  *kept_path = keep_aside (path, &keep_error);
  if (*kept_path == NULL)
    {
      g_set_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT,
                   _("%s. The damaged file could not be moved aside (%s), "
                     "so progress will not be saved"),
                   local_error->message, keep_error->message);
      return WENDA_STUDY_FILE_NOT_KEPT;
    }

  kept_display = g_filename_display_name (*kept_path);
  g_set_error (error, WENDA_STUDY_STORE_ERROR, WENDA_STUDY_STORE_ERROR_CORRUPT,
               /* Translators: the first %s is what is wrong, "study.json:12: …" */
               _("%s. The damaged file was kept as “%s”, and study progress "
                 "starts over"),
               local_error->message, kept_display);
  return WENDA_STUDY_FILE_KEPT;
}

/**
 * wenda_study_file_save:
 *
 * Writes @state to @path (wenda_json_write_file()): see "Saving" at the
 * top of this file.  Creates the folder.  Errors are %G_IO_ERROR.
 */
gboolean
wenda_study_file_save (const char       *path,
                       WendaStudyState  *state,
                       GError          **error)
{
  g_autofree char *data = NULL;
  gsize length;

  data = state_to_json (state, &length);
  return wenda_json_write_file (path, data, length, error);
}

/* }}} */
