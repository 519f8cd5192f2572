/* wenda-import.c: read a user's question bank, leniently, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An import reads a file the user picked, which may have been written by
 * hand, by another tool, or be no bank at all.  The rules:
 *
 *   - The bytes are checked first, and a file that is not text at all
 *     fails as a whole: too large, empty (or only blanks), binary (a NUL
 *     byte, or many control characters), UTF-16, or not UTF-8 (naming the
 *     line and column of the first bad byte).
 *   - Markdown, JSON and CSV are read leniently (wenda_markdown_read(),
 *     wenda_bank_read_json(), wenda_csv_read()): an item with a problem is
 *     skipped, and the
 *     report names the problem's line and the lines skipped.  Nothing is
 *     dropped silently.  A JSON syntax error is still fatal.
 *   - It fails when no item could be read.  The report then holds the
 *     problems found, the fatal one last.
 *   - Ids are "PREFIX-NNN" from the items' numbers, so importing the same
 *     file again gives the same ids, and saved progress still matches.
 *   - Text is kept exactly as written: it is never read as Pango markup,
 *     HTML or a format string here.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-bank-loader-private.h"
#include "wenda-csv-private.h"
#include "wenda-import-private.h"
#include "wenda-markdown-private.h"
#include "wenda-text-check-private.h"

/* Progress is reported at most this often */
#define PROGRESS_INTERVAL (G_USEC_PER_SEC / 20)

/* How much of the start is looked at to tell a binary file */
#define SNIFF_SIZE 8192

/* The report {{{ */

static void
problem_clear (gpointer data)
{
  WendaImportReportProblem *problem = data;

  g_clear_pointer (&problem->problem.message, g_free);
  g_clear_pointer (&problem->text, g_free);
  g_clear_pointer (&problem->file, g_free);
}

WendaImportReport *
wenda_import_report_new (const char *filename)
{
  WendaImportReport *self = g_new0 (WendaImportReport, 1);

  self->filename = g_strdup (filename);
  self->problems = g_array_new (FALSE, TRUE, sizeof (WendaImportReportProblem));
  g_array_set_clear_func (self->problems, problem_clear);
  self->media = g_ptr_array_new_with_free_func ((GDestroyNotify)wenda_media_file_free);

  return self;
}

void
wenda_import_report_free (WendaImportReport *self)
{
  if (self == NULL)
    return;

  g_free (self->filename);
  g_array_unref (self->problems);
  g_ptr_array_unref (self->media);
  wenda_read_result_clear (&self->result);
  g_free (self);
}

void
wenda_read_result_clear (WendaReadResult *result)
{
  g_clear_pointer (&result->title, g_free);
  g_clear_pointer (&result->csv, wenda_csv_result_free);
}

WendaLayout
wenda_import_report_get_layout (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, WENDA_LAYOUT_AUTO);

  return self->result.layout;
}

guint
wenda_import_report_get_question_level (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->result.question_level;
}

guint
wenda_import_report_get_n_sections (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->result.n_sections;
}

const char *
wenda_import_report_get_title (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->result.title;
}

guint
wenda_import_report_get_n_headings (const WendaImportReport *self,
                                    guint                    level)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (level >= 1 && level <= 6, 0);

  return self->result.n_headings[level];
}

char
wenda_import_report_get_delimiter (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->result.csv != NULL ? self->result.csv->delimiter : 0;
}

gboolean
wenda_import_report_get_has_header_row (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->result.csv != NULL && self->result.csv->header;
}

gboolean
wenda_import_report_get_anki_headers (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->result.csv != NULL && self->result.csv->anki;
}

guint
wenda_import_report_get_n_columns (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->result.csv != NULL ? self->result.csv->n_columns : 0;
}

/**
 * wenda_import_report_get_column_title:
 * @column: from 1 to wenda_import_report_get_n_columns()
 *
 * Returns: (transfer none): the column's name in the file's header row
 *   (or Anki's "#columns:" header), else "Column N", translated
 */
const char *
wenda_import_report_get_column_title (const WendaImportReport *self,
                                      guint                    column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column >= 1 && column <= wenda_import_report_get_n_columns (self), NULL);

  return g_ptr_array_index (self->result.csv->titles, column - 1);
}

/**
 * wenda_import_report_get_column:
 *
 * Returns: the column @role was read from, from 1, or
 *   %WENDA_CSV_COLUMN_NONE (also in a file that is no CSV)
 */
guint
wenda_import_report_get_column (const WendaImportReport *self,
                                WendaCsvRole             role)
{
  g_return_val_if_fail (self != NULL, WENDA_CSV_COLUMN_NONE);
  g_return_val_if_fail (role < WENDA_CSV_N_ROLES, WENDA_CSV_COLUMN_NONE);

  return self->result.csv != NULL ? self->result.csv->columns[role] : WENDA_CSV_COLUMN_NONE;
}

guint
wenda_import_report_get_n_preview_rows (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->result.csv != NULL ? self->result.csv->rows->len : 0;
}

/**
 * wenda_import_report_get_preview_cell:
 * @row: from 0 to wenda_import_report_get_n_preview_rows() - 1
 * @column: from 1 to wenda_import_report_get_n_columns()
 *
 * Returns: (transfer none): the cell's text, on one line and cut, as the
 *   file says to read it (HTML made text); "" past the end of a short row
 */
const char *
wenda_import_report_get_preview_cell (const WendaImportReport *self,
                                      guint                    row,
                                      guint                    column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (row < wenda_import_report_get_n_preview_rows (self), NULL);
  g_return_val_if_fail (column >= 1 && column <= self->result.csv->n_columns, NULL);

  return ((GStrv)g_ptr_array_index (self->result.csv->rows, row))[column - 1];
}

/**
 * wenda_layout_describe:
 *
 * Returns: (transfer full): the layout for a user, as `wenda --check`
 *   prints it: "level 3 headings", "bold questions", …
 */
char *
wenda_layout_describe (WendaLayout layout,
                       guint       question_level)
{
  switch (layout)
    {
    case WENDA_LAYOUT_AUTO:
      return g_strdup (_("no layout"));
    case WENDA_LAYOUT_SEED:
      /* Translators: the layout of the bundled bank, “#### 题目 1：…” */
      return g_strdup (_("题目 headings"));
    case WENDA_LAYOUT_HEADINGS:
      /* Translators: the questions are the Markdown headings of this level */
      return g_strdup_printf (_("level %u headings"), question_level);
    case WENDA_LAYOUT_BOLD:
      return g_strdup (_("bold questions"));
    case WENDA_LAYOUT_MARKERS:
      return g_strdup (_("Q/A markers"));
    case WENDA_LAYOUT_DETAILS:
      return g_strdup (_("details blocks"));
    case WENDA_LAYOUT_LIST:
      return g_strdup (_("question list"));
    case WENDA_LAYOUT_JSON:
      return g_strdup (_("Wenda JSON"));
    case WENDA_LAYOUT_CSV:
      /* Translators: a CSV or TSV file, a question a row */
      return g_strdup (_("CSV columns"));
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
wenda_import_report_get_filename (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->filename;
}

guint
wenda_import_report_get_n_items (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_items;
}

guint
wenda_import_report_get_n_problems (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->problems->len;
}

/**
 * wenda_import_report_get_problem:
 *
 * Returns: (transfer none): problem @i, in the order of the file (a fatal
 *   problem comes last)
 */
const WendaImportProblem *
wenda_import_report_get_problem (const WendaImportReport *self,
                                 guint                    i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (i < self->problems->len, NULL);

  return &g_array_index (self->problems, WendaImportReportProblem, i).problem;
}

/* "; lines 52–60 skipped", or "" when nothing was skipped */
static char *
format_skipped (guint first_line,
                guint last_line)
{
  if (first_line == 0)
    return g_strdup ("");
  if (first_line == last_line)
    return g_strdup_printf (_("; line %u skipped"), first_line);
  return g_strdup_printf (_("; lines %u–%u skipped"), first_line, last_line);
}

/**
 * wenda_import_report_add:
 * @file: (nullable): the file the problem is in, when the report is
 *   that of several files; %NULL: the report's
 * @line: 0 for a problem of the whole file
 */
void
wenda_import_report_add (WendaImportReport *self,
                         const char        *file,
                         guint              line,
                         guint              first_line,
                         guint              last_line,
                         gboolean           warning,
                         const char        *text)
{
  g_autofree char *skipped = format_skipped (first_line, last_line);
  WendaImportReportProblem problem = { { 0, }, NULL, NULL };
  const char *name = file != NULL ? file : self->filename;

  problem.problem.line = line;
  problem.problem.first_line = first_line;
  problem.problem.last_line = last_line;
  problem.problem.warning = warning;
  problem.text = g_strdup (text);
  problem.file = g_strdup (file);
  if (line > 0)
    problem.problem.message = g_strdup_printf ("%s:%u: %s%s", name, line, text, skipped);
  else
    problem.problem.message = g_strdup_printf ("%s: %s%s", name, text, skipped);

  g_array_append_val (self->problems, problem);
}

static void
report_add (WendaImportReport *self,
            guint              line,
            guint              first_line,
            guint              last_line,
            gboolean           warning,
            const char        *text)
{
  wenda_import_report_add (self, NULL, line, first_line, last_line, warning, text);
}

/* The fatal error that ends an import, as the report's last problem */
void
wenda_import_report_add_error (WendaImportReport *self,
                               const GError      *error)
{
  const char *text;
  guint line = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* "FILE:LINE[:COLUMN]: text"; an I/O error has no line */
  text = wenda_bank_error_text (error, self->filename);
  if (text != error->message)
    line = (guint)g_ascii_strtoull (error->message + strlen (self->filename) + 1, NULL, 10);
  else if (g_str_has_prefix (text, self->filename) &&
           g_str_has_prefix (text + strlen (self->filename), ": "))
    /* "FOLDER: text": a problem of a whole folder */
    text += strlen (self->filename) + 2;

  report_add (self, line, 0, 0, FALSE, text);
}

/**
 * wenda_import_report_to_text:
 *
 * Returns: (transfer full): a summary for the user, one problem a line:
 *   "FILE: 28 questions read.\n2 problems:\nline 40: …; lines 40–52
 *   skipped\n…"
 */
char *
wenda_import_report_to_text (const WendaImportReport *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %'u question read.",
                                       "%s: %'u questions read.",
                                       self->n_items),
                          self->filename, self->n_items);

  if (self->problems->len == 0)
    return g_string_free (text, FALSE);

  g_string_append_c (text, '\n');
  g_string_append_printf (text,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%'u problem:",
                                       "%'u problems:",
                                       self->problems->len),
                          self->problems->len);

  for (guint i = 0; i < self->problems->len; i++)
    {
      const WendaImportReportProblem *problem = &g_array_index (self->problems, WendaImportReportProblem, i);
      g_autofree char *skipped = format_skipped (problem->problem.first_line,
                                                 problem->problem.last_line);

      g_string_append_c (text, '\n');
      if (problem->file != NULL)
        /* A report of several files: each problem names its file */
        g_string_append (text, problem->problem.message);
      else if (problem->problem.line > 0)
        /* Translators: a problem in an imported file; the second %s is
         * what was skipped, like "; lines 52–60 skipped", or nothing */
        g_string_append_printf (text, _("line %u: %s%s"),
                                problem->problem.line, problem->text, skipped);
      else
        g_string_append_printf (text, "%s%s", problem->text, skipped);
    }

  return g_string_free (text, FALSE);
}

/* }}} */

/* Parsing {{{ */

typedef struct
{
  WendaImportReport       *report;
  WendaImportProgressFunc  progress;
  gpointer                 progress_data;
  gint64                   progress_time;
  double                   progress_sent;
} Import;

/* Throttled, and never going back; 1.0 always gets through. */
static void
import_progress (double   fraction,
                 gpointer user_data)
{
  Import *self = user_data;
  gint64 now;

  if (self->progress == NULL)
    return;

  fraction = CLAMP (fraction, 0.0, 1.0);
  if (fraction <= self->progress_sent)
    return;

  now = g_get_monotonic_time ();
  if (fraction < 1.0 && self->progress_time != 0 && now - self->progress_time < PROGRESS_INTERVAL)
    return;

  self->progress_time = now;
  self->progress_sent = fraction;
  self->progress (fraction, self->progress_data);
}

static void
import_problem (guint       line,
                guint       first_line,
                guint       last_line,
                const char *message,
                gpointer    user_data)
{
  Import *self = user_data;

  report_add (self->report, line, first_line, last_line, first_line == 0, message);
}

/* By the name's extension (.csv, .tsv and .tab are CSV, and so is a
 * .txt, or a file with no such extension, that starts with Anki's file
 * headers), else by the first non-blank character */
static WendaImportFormat
detect_format (const char *data,
               gsize       length,
               const char *filename)
{
  if (wenda_name_has_suffix (filename, ".csv") || wenda_name_has_suffix (filename, ".tsv") ||
      wenda_name_has_suffix (filename, ".tab"))
    return WENDA_IMPORT_FORMAT_CSV;
  if (!wenda_name_has_suffix (filename, ".md") && !wenda_name_has_suffix (filename, ".markdown") &&
      !wenda_name_has_suffix (filename, ".json") && wenda_csv_text_has_anki_headers (data, length))
    return WENDA_IMPORT_FORMAT_CSV;

  return wenda_bank_text_is_json (filename, data, length) ? WENDA_IMPORT_FORMAT_JSON
                                                          : WENDA_IMPORT_FORMAT_MARKDOWN;
}

/* A control character no text file has: not a blank, not ESC (terminal
 * colours in a copied log are still text). */
static gboolean
is_binary_byte (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) ||
         c == 0x7F;
}

/* Checks that @data is UTF-8 text worth parsing.  A binary file is told
 * apart from text in another encoding (GBK, Latin-1), which has no
 * control characters and gets the invalid UTF-8 message, with its line. */
static gboolean
check_text (const char         *data,
            gsize               length,
            const char         *filename,
            WendaImportFormat   format,
            GError            **error)
{
  gsize bom = wenda_text_skip_bom (data, length);
  gsize sniff = MIN (length - bom, SNIFF_SIZE);
  gsize n_binary = 0;
  const char *nul;
  gsize i;

  for (i = bom; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_EMPTY, filename, 1, 0,
                            _("the file is empty"));
      return FALSE;
    }

  if (length >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE) ||
                      ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      wenda_bank_set_error (error, WENDA_BANK_ERROR_INVALID_UTF8, filename, 1, 0,
                            _("the file is in UTF-16: save it as UTF-8"));
      return FALSE;
    }

  for (i = 0; i < sniff; i++)
    n_binary += is_binary_byte (data[bom + i]);

  /* Valid UTF-8 has no NUL byte: the whole file is searched for one only
   * when it is not */
  if (n_binary * 20 <= sniff && wenda_utf8_validate (data + bom, length - bom))
    return TRUE;

  nul = memchr (data, '\0', length);
  if (nul != NULL || n_binary * 20 > sniff)
    {
      guint line = 1, column = 0;

      /* A NUL byte after valid text may be a damaged text file: say where */
      if (nul != NULL && n_binary * 20 <= sniff && g_utf8_validate_len (data, nul - data, NULL))
        wenda_text_locate (data + bom, nul - data - bom, format != WENDA_IMPORT_FORMAT_JSON,
                           &line, &column);

      wenda_bank_set_error (error, WENDA_BANK_ERROR_NOT_TEXT, filename, line, 0,
                            _("this is not a text file: a question bank is a Markdown or JSON text file"));
      return FALSE;
    }

  /* Lines as the parser counts them: json-glib ends lines at LF only */
  return wenda_text_validate (data + bom, length - bom, filename,
                              format != WENDA_IMPORT_FORMAT_JSON, error);
}

static WendaBank *
import_parse (Import             *self,
              const char         *data,
              gsize               length,
              const char         *filename,
              WendaImportFormat   format,
              const WendaImportOptions *layout,
              const char         *id_prefix,
              GCancellable       *cancellable,
              GError            **error)
{
  WendaReadOptions options = { 0, };

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (length > WENDA_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (WENDA_IMPORT_MAX_SIZE);

      wenda_bank_set_error (error, WENDA_BANK_ERROR_TOO_LARGE, filename, 1, 0,
                            _("the file is too large (%s; the limit is %s)"),
                            size, limit);
      return NULL;
    }

  if (format == WENDA_IMPORT_FORMAT_AUTO)
    format = detect_format (data, length, filename);

  if (!check_text (data, length, filename, format, error))
    return NULL;

  options.id_prefix = id_prefix;
  options.cancellable = cancellable;
  options.progress = import_progress;
  options.problem = import_problem;
  options.user_data = self;
  options.layout = layout;
  options.result = &self->report->result;

  if (format == WENDA_IMPORT_FORMAT_JSON)
    {
      self->report->result.layout = WENDA_LAYOUT_JSON;
      return wenda_bank_read_json (data, length, filename, &options, error);
    }
  else if (format == WENDA_IMPORT_FORMAT_CSV)
    return wenda_csv_read (data, length, filename, &options, error);
  else
    return wenda_markdown_read (data, length, filename, &options, error);
}

/**
 * wenda_import_parse:
 *
 * See wenda-import.h.  @filename (nullable, "<input>") is used in the
 * messages and for %WENDA_IMPORT_FORMAT_AUTO; @id_prefix must not be
 * empty.  @progress gets increasing fractions, at most 20 a second, and
 * 1.0 last when the import succeeds.
 */
WendaBank *
wenda_import_parse (const char               *data,
                    gsize                     length,
                    const char               *filename,
                    WendaImportFormat         format,
                    const char               *id_prefix,
                    GCancellable             *cancellable,
                    WendaImportProgressFunc   progress,
                    gpointer                  progress_data,
                    WendaImportReport       **report,
                    GError                  **error)
{
  return wenda_import_parse_full (data, length, filename, format, NULL, id_prefix,
                                  cancellable, progress, progress_data, report, error);
}

/**
 * wenda_import_parse_full:
 * @options: (nullable): the layout to read the file in; %NULL: the reader
 *   finds it
 *
 * wenda_import_parse() with @options.  The report says which layout was
 * used.
 */
WendaBank *
wenda_import_parse_full (const char               *data,
                         gsize                     length,
                         const char               *filename,
                         WendaImportFormat         format,
                         const WendaImportOptions *options,
                         const char               *id_prefix,
                         GCancellable             *cancellable,
                         WendaImportProgressFunc   progress,
                         gpointer                  progress_data,
                         WendaImportReport       **report,
                         GError                  **error)
{
  g_autoptr(WendaImportReport) own_report = NULL;
  g_autoptr(GError) local_error = NULL;
  WendaBank *bank;
  Import self = { 0, };

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (format >= WENDA_IMPORT_FORMAT_AUTO && format <= WENDA_IMPORT_FORMAT_CSV, NULL);
  g_return_val_if_fail (id_prefix != NULL && id_prefix[0] != '\0', NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (filename == NULL)
    filename = "<input>";
  if (data == NULL)
    data = "";

  own_report = wenda_import_report_new (filename);
  self.report = own_report;
  self.progress = progress;
  self.progress_data = progress_data;

  bank = import_parse (&self, data, length, filename, format, options, id_prefix, cancellable, &local_error);

  if (bank != NULL)
    {
      own_report->n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
      own_report->result.n_sections = wenda_bank_get_sections (bank)->len;
      import_progress (1.0, &self);
    }
  else
    {
      wenda_import_report_add_error (own_report, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }

  if (report != NULL)
    *report = g_steal_pointer (&own_report);

  return bank;
}

/* }}} */

/* Importing a file {{{ */

/* The progress function, shared by the worker and the calls it sends to
 * the caller's main context.  It is called, and destroyed, only there. */
typedef struct
{
  gatomicrefcount          ref_count;
  GMainContext            *context;
  WendaImportProgressFunc  func;
  gpointer                 data;
  GDestroyNotify           destroy;
} Relay;

static Relay *
relay_ref (Relay *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

static void
relay_unref (Relay *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  /* relay_done() has run unless the task never reached its worker */
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_main_context_unref (self->context);
  g_free (self);
}

typedef struct
{
  Relay    *relay;
  double    fraction;   /* < 0: the import is over */
} RelayCall;

static void
relay_call_free (gpointer data)
{
  RelayCall *call = data;

  relay_unref (call->relay);
  g_free (call);
}

static gboolean
relay_dispatch (gpointer data)
{
  RelayCall *call = data;
  Relay *relay = call->relay;

  if (call->fraction >= 0)
    {
      if (relay->func != NULL)
        relay->func (call->fraction, relay->data);
    }
  else if (relay->destroy != NULL)
    {
      /* Before the task's callback, which comes after this call */
      g_steal_pointer (&relay->destroy) (g_steal_pointer (&relay->data));
      relay->func = NULL;
    }

  return G_SOURCE_REMOVE;
}

/* Sends a call to the caller's main context.  Calls and the task's result
 * go through the same context at the same priority, so they arrive in the
 * order sent. */
static void
relay_send (Relay  *self,
            double  fraction)
{
  RelayCall *call = g_new0 (RelayCall, 1);

  call->relay = relay_ref (self);
  call->fraction = fraction;
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT,
                              relay_dispatch, call, relay_call_free);
}

static void
relay_progress (double   fraction,
                gpointer user_data)
{
  relay_send (user_data, fraction);
}

typedef struct
{
  GPtrArray         *files;       /* of GFile */
  WendaImportFormat  format;
  char              *id_prefix;
  Relay             *relay;
  WendaImportReport *report;
  WendaImportOptions options;
  gboolean           has_options;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *self = data;

  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_pointer (&self->id_prefix, g_free);
  g_clear_pointer (&self->relay, relay_unref);
  g_clear_pointer (&self->report, wenda_import_report_free);
  g_free (self);
}

/* Reads the whole file, refusing one over the limit before reading it
 * from its size, and while reading it (it may grow, or not say its
 * size). */
char *
wenda_import_read_sized (GFile         *file,
                         goffset        size,
                         const char    *name,
                         gsize         *length,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *data = NULL;
  gsize allocated, used = 0;

  if (size > WENDA_IMPORT_MAX_SIZE)
    {
      g_autofree char *text = g_format_size (size);
      g_autofree char *limit = g_format_size (WENDA_IMPORT_MAX_SIZE);

      wenda_bank_set_error (error, WENDA_BANK_ERROR_TOO_LARGE, name, 1, 0,
                            _("the file is too large (%s; the limit is %s)"),
                            text, limit);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* One byte more than the size, to see the end at once */
  allocated = MAX (size, 0) + 1;
  data = g_malloc (allocated + 1);

  for (;;)
    {
      gsize n = 0;

      if (used == allocated)
        {
          allocated = MIN (allocated * 2, (gsize)WENDA_IMPORT_MAX_SIZE + 1);
          data = g_realloc (data, allocated + 1);
        }

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), data + used, allocated - used,
                                    &n, cancellable, error))
        return NULL;

      used += n;
      if (used > WENDA_IMPORT_MAX_SIZE)
        {
          g_autofree char *limit = g_format_size (WENDA_IMPORT_MAX_SIZE);

          wenda_bank_set_error (error, WENDA_BANK_ERROR_TOO_LARGE, name, 1, 0,
                                _("the file is too large (more than %s)"), limit);
          return NULL;
        }

      if (used < allocated)
        break;
    }

  data[used] = '\0';
  *length = used;
  return g_steal_pointer (&data);
}

/**
 * wenda_import_read_file:
 * @name: the file's name in messages
 *
 * Reads @file as an import does: refused when it says it is larger than
 * WENDA_IMPORT_MAX_SIZE, and when it turns out larger while it is read
 * (a pipe, /dev/stdin, a file that grows or never ends).
 *
 * Returns: (transfer full): its bytes, NUL-terminated, or %NULL with @error
 */
char *
wenda_import_read_file (GFile         *file,
                        const char    *name,
                        gsize         *length,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, error);
  if (info == NULL)
    return NULL;

  return wenda_import_read_sized (file, g_file_info_get_size (info), name, length, cancellable, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *self = task_data;
  g_autoptr(GError) error = NULL;
  WendaBank *bank;

  bank = wenda_import_files ((GFile *const *)self->files->pdata, self->files->len,
                             self->format, self->has_options ? &self->options : NULL,
                             self->id_prefix, cancellable,
                             self->relay ? relay_progress : NULL, self->relay,
                             &self->report, &error);

  /* Let the progress data go before the callback runs */
  if (self->relay != NULL)
    relay_send (self->relay, -1);

  if (bank != NULL)
    g_task_return_pointer (task, bank, g_object_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/**
 * wenda_import_file_async:
 *
 * See wenda-import.h.  @progress_destroy is called in the calling
 * thread's main context before @callback.  Errors are those of
 * wenda_import_parse(), and %G_IO_ERROR for a file that cannot be read.
 */
void
wenda_import_file_async (GFile                    *file,
                         WendaImportFormat         format,
                         const char               *id_prefix,
                         GCancellable             *cancellable,
                         WendaImportProgressFunc   progress,
                         gpointer                  progress_data,
                         GDestroyNotify            progress_destroy,
                         GAsyncReadyCallback       callback,
                         gpointer                  user_data)
{
  wenda_import_files_async (&file, 1, format, NULL, id_prefix, cancellable,
                            progress, progress_data, progress_destroy,
                            callback, user_data);
}

/**
 * wenda_import_file_full_async:
 * @options: (nullable): the layout to read the file in (copied)
 *
 * wenda_import_file_async() with @options; finish it with
 * wenda_import_file_finish().
 */
void
wenda_import_file_full_async (GFile                    *file,
                              WendaImportFormat         format,
                              const WendaImportOptions *options,
                              const char               *id_prefix,
                              GCancellable             *cancellable,
                              WendaImportProgressFunc   progress,
                              gpointer                  progress_data,
                              GDestroyNotify            progress_destroy,
                              GAsyncReadyCallback       callback,
                              gpointer                  user_data)
{
  wenda_import_files_async (&file, 1, format, options, id_prefix, cancellable,
                            progress, progress_data, progress_destroy,
                            callback, user_data);
}

/**
 * wenda_import_files_async:
 * @files: (array length=n_files): a bank file, a folder, or several files
 * @options: (nullable): the layout to read the files in (copied)
 *
 * wenda_import_files() in a worker thread; finish it with
 * wenda_import_file_finish().
 */
void
wenda_import_files_async (GFile *const             *files,
                          guint                     n_files,
                          WendaImportFormat         format,
                          const WendaImportOptions *options,
                          const char               *id_prefix,
                          GCancellable             *cancellable,
                          WendaImportProgressFunc   progress,
                          gpointer                  progress_data,
                          GDestroyNotify            progress_destroy,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportData *self;

  g_return_if_fail (files != NULL && n_files > 0);
  for (guint i = 0; i < n_files; i++)
    g_return_if_fail (G_IS_FILE (files[i]));
  g_return_if_fail (format >= WENDA_IMPORT_FORMAT_AUTO && format <= WENDA_IMPORT_FORMAT_CSV);
  g_return_if_fail (id_prefix != NULL && id_prefix[0] != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, wenda_import_file_async);
  g_task_set_name (task, "[wenda] import");

  self = g_new0 (ImportData, 1);
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));
  self->format = format;
  self->id_prefix = g_strdup (id_prefix);
  if (options != NULL)
    {
      self->options = *options;
      self->has_options = TRUE;
    }

  if (progress != NULL || progress_destroy != NULL)
    {
      self->relay = g_new0 (Relay, 1);
      g_atomic_ref_count_init (&self->relay->ref_count);
      self->relay->context = g_main_context_ref (g_task_get_context (task));
      self->relay->func = progress;
      self->relay->data = progress_data;
      self->relay->destroy = progress_destroy;
    }

  g_task_set_task_data (task, self, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * wenda_import_file_finish:
 * @report: (out) (optional) (transfer full): the report, also on failure
 *
 * Returns: (transfer full): the bank, or %NULL with @error set
 */
WendaBank *
wenda_import_file_finish (GAsyncResult       *result,
                          WendaImportReport **report,
                          GError            **error)
{
  ImportData *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == wenda_import_file_async, NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);

  self = g_task_get_task_data (G_TASK (result));
  if (report != NULL)
    *report = g_steal_pointer (&self->report);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
