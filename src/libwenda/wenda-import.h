/* wenda-import.h: read a user's question bank, leniently, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-bank.h"

G_BEGIN_DECLS

/* Files larger than this are refused before they are read (README:
 * "Importing your own banks").  The 100,000-item benchmark bank is ~40 MB. */
#define WENDA_IMPORT_MAX_SIZE (256 * 1024 * 1024)

typedef enum
{
  WENDA_IMPORT_FORMAT_AUTO,      /* by extension, then by content */
  WENDA_IMPORT_FORMAT_MARKDOWN,
  WENDA_IMPORT_FORMAT_JSON,
  WENDA_IMPORT_FORMAT_CSV,       /* CSV or TSV, Anki's "Notes in Plain Text" too */
} WendaImportFormat;

/* How the questions of a file are written (README: "The layouts Wenda
 * reads") */
typedef enum
{
  WENDA_LAYOUT_AUTO,       /* in options: let the reader find it */
  WENDA_LAYOUT_SEED,       /* "#### 题目 N：" and "**答案：**": the bundled bank's */
  WENDA_LAYOUT_HEADINGS,   /* headings of one level, the answer under each */
  WENDA_LAYOUT_BOLD,       /* bold paragraphs alone on their line */
  WENDA_LAYOUT_MARKERS,    /* 问：/答：, 问题：/答案：, Q:/A:, Question:/Answer: */
  WENDA_LAYOUT_DETAILS,    /* <details><summary>question</summary> answer */
  WENDA_LAYOUT_LIST,       /* a list of questions with no answers */
  WENDA_LAYOUT_JSON,       /* a Wenda JSON bank */
  WENDA_LAYOUT_CSV,        /* the columns of a CSV or TSV file */
} WendaLayout;

/* "level 3 headings", "bold questions", …: translated */
char *wenda_layout_describe (WendaLayout layout,
                             guint       question_level);

/* What a column of a CSV or TSV file holds */
typedef enum
{
  WENDA_CSV_ROLE_QUESTION,
  WENDA_CSV_ROLE_ANSWER,
  WENDA_CSV_ROLE_EXPLANATION,
  WENDA_CSV_ROLE_TAGS,         /* the first tag is the question's section */
  WENDA_CSV_N_ROLES,
} WendaCsvRole;

/* Whether the first row of a CSV file names its columns */
typedef enum
{
  WENDA_CSV_HEADER_AUTO,       /* found by the reader */
  WENDA_CSV_HEADER_YES,
  WENDA_CSV_HEADER_NO,
} WendaCsvHeader;

/* In WendaImportOptions.columns: the role has no column (the answer,
 * explanation or tags; the question always has one) */
#define WENDA_CSV_COLUMN_NONE G_MAXUINT

/* What the reader is told; all zero reads as it finds best. */
typedef struct
{
  WendaLayout     layout;          /* WENDA_LAYOUT_AUTO: found */
  guint           question_level;  /* WENDA_LAYOUT_HEADINGS: 1-6, 0: found */

  /* CSV and TSV (README: "CSV, TSV and Anki's text files") */
  char            delimiter;       /* ',', '\t', ';', '|'…; 0: found */
  WendaCsvHeader  header;
  /* [WendaCsvRole]: the column, from 1; 0: found; WENDA_CSV_COLUMN_NONE */
  guint           columns[WENDA_CSV_N_ROLES];
} WendaImportOptions;

/* One problem in an imported file.  The lines first_line..last_line were
 * skipped (both 0 when nothing was skipped, e.g. a warning). */
typedef struct
{
  guint     line;
  guint     first_line;
  guint     last_line;
  char     *message;   /* "FILE:LINE: what is wrong", for a user */
  gboolean  warning;   /* nothing was skipped: e.g. a question with no answer */
} WendaImportProblem;

typedef struct _WendaImportReport WendaImportReport;

const char               *wenda_import_report_get_filename   (const WendaImportReport *self);
guint                     wenda_import_report_get_n_items    (const WendaImportReport *self);
guint                     wenda_import_report_get_n_problems (const WendaImportReport *self);
const WendaImportProblem *wenda_import_report_get_problem    (const WendaImportReport *self,
                                                              guint                    i);
/* The layout the file was read in, and for WENDA_LAYOUT_HEADINGS the
 * heading level of the questions (else 0) */
WendaLayout               wenda_import_report_get_layout         (const WendaImportReport *self);
guint                     wenda_import_report_get_question_level (const WendaImportReport *self);
guint                     wenda_import_report_get_n_sections     (const WendaImportReport *self);
/* The bank's title as read (NULL when it was not read) */
const char               *wenda_import_report_get_title          (const WendaImportReport *self);
/* How many headings of @level (1-6) have text of their own under them:
 * what a preview offers as question levels */
guint                     wenda_import_report_get_n_headings     (const WendaImportReport *self,
                                                                  guint                    level);
/* How many bank files were found (1 for a file), and how many had
 * questions (wenda_import_files()) */
guint                     wenda_import_report_get_n_files        (const WendaImportReport *self);
guint                     wenda_import_report_get_n_files_read   (const WendaImportReport *self);
/* The images to copy into the bank's folder (of WendaMediaFile,
 * wenda-media.h), for wenda_library_add_full() */
GPtrArray                *wenda_import_report_get_media          (const WendaImportReport *self);
/* Images on the web (never fetched), and images not found */
guint                     wenda_import_report_get_n_remote_images  (const WendaImportReport *self);
guint                     wenda_import_report_get_n_missing_images (const WendaImportReport *self);
/* Whether the file came alone through the document portal (a Flatpak's
 * file chooser) and its images could not be found: importing its folder
 * brings them */
gboolean                  wenda_import_report_get_needs_folder   (const WendaImportReport *self);
/* What a CSV or TSV file was read with (WENDA_LAYOUT_CSV; else 0, FALSE,
 * NULL or WENDA_CSV_COLUMN_NONE): the delimiter, whether the first row
 * named the columns, whether Anki's "#key:value" file headers were read
 * (README: "CSV, TSV and Anki's text files"), how many columns there are,
 * @column's title (from 1: the header's text, else "Column N"), and
 * which column each role was read from (from 1, or
 * WENDA_CSV_COLUMN_NONE) */
char                      wenda_import_report_get_delimiter      (const WendaImportReport *self);
gboolean                  wenda_import_report_get_has_header_row (const WendaImportReport *self);
gboolean                  wenda_import_report_get_anki_headers   (const WendaImportReport *self);
guint                     wenda_import_report_get_n_columns      (const WendaImportReport *self);
const char               *wenda_import_report_get_column_title   (const WendaImportReport *self,
                                                                  guint                    column);
guint                     wenda_import_report_get_column         (const WendaImportReport *self,
                                                                  WendaCsvRole             role);
/* The first rows under the header (at most 5), for a preview: @column's
 * text (from 1) on one line, cut at 80 characters; "" where a row is
 * short */
guint                     wenda_import_report_get_n_preview_rows (const WendaImportReport *self);
const char               *wenda_import_report_get_preview_cell   (const WendaImportReport *self,
                                                                  guint                    row,
                                                                  guint                    column);
/* A summary for a user, translated: "FILE: 28 questions read; 2 problems:
 * line 40: …, lines 52–60 skipped". */
char                     *wenda_import_report_to_text        (const WendaImportReport *self);
void                      wenda_import_report_free           (WendaImportReport       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WendaImportReport, wenda_import_report_free)

/* Called with the share of the file parsed so far (0..1). */
typedef void (*WendaImportProgressFunc) (double   fraction,
                                         gpointer user_data);

/* Parses a whole file's bytes.  Lenient: an item with a problem is skipped
 * and reported, and the rest are kept.  It fails (NULL, @error set, in
 * WENDA_BANK_ERROR, naming FILE:LINE) only when nothing can be read: not
 * text, not UTF-8, empty, no items, too large, or cancelled
 * (G_IO_ERROR_CANCELLED).  Item ids are "@id_prefix-NNN" (the number, at
 * least 3 digits).  @progress is called from the calling thread.
 * @report (nullable) receives the report also on failure. */
WendaBank *wenda_import_parse        (const char               *data,
                                      gsize                     length,
                                      const char               *filename,
                                      WendaImportFormat         format,
                                      const char               *id_prefix,
                                      GCancellable             *cancellable,
                                      WendaImportProgressFunc   progress,
                                      gpointer                  progress_data,
                                      WendaImportReport       **report,
                                      GError                  **error);

/* Reads a file as the import does, refusing one over the size limit */
char      *wenda_import_read_file    (GFile                    *file,
                                      const char               *name,
                                      gsize                    *length,
                                      GCancellable             *cancellable,
                                      GError                  **error);

/* wenda_import_parse() with @options (nullable: found by the reader) */
WendaBank *wenda_import_parse_full   (const char               *data,
                                      gsize                     length,
                                      const char               *filename,
                                      WendaImportFormat         format,
                                      const WendaImportOptions *options,
                                      const char               *id_prefix,
                                      GCancellable             *cancellable,
                                      WendaImportProgressFunc   progress,
                                      gpointer                  progress_data,
                                      WendaImportReport       **report,
                                      GError                  **error);

/* Reads @files as one bank, in the calling thread: a bank file as
 * wenda_import_parse_full() reads it; a folder of chapter files, or
 * several files, with a section a file, in name order.  Either way the
 * report lists the images to copy.  See wenda-import-files.c. */
WendaBank *wenda_import_files        (GFile *const             *files,
                                      guint                     n_files,
                                      WendaImportFormat         format,
                                      const WendaImportOptions *options,
                                      const char               *id_prefix,
                                      GCancellable             *cancellable,
                                      WendaImportProgressFunc   progress,
                                      gpointer                  progress_data,
                                      WendaImportReport       **report,
                                      GError                  **error);

/* The name of what wenda_import_files() reads: a file's or a folder's,
 * or that of the folder several files are in */
char      *wenda_import_files_dup_name (GFile *const           *files,
                                        guint                   n_files);

/* Reads @file (refusing one over WENDA_IMPORT_MAX_SIZE before reading it)
 * and parses it in a worker thread (GTask).  @progress is called in the
 * calling thread's main context, at most ~20 times a second. */
void       wenda_import_file_async   (GFile                    *file,
                                      WendaImportFormat         format,
                                      const char               *id_prefix,
                                      GCancellable             *cancellable,
                                      WendaImportProgressFunc   progress,
                                      gpointer                  progress_data,
                                      GDestroyNotify            progress_destroy,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
void       wenda_import_file_full_async (GFile                    *file,
                                         WendaImportFormat         format,
                                         const WendaImportOptions *options,
                                         const char               *id_prefix,
                                         GCancellable             *cancellable,
                                         WendaImportProgressFunc   progress,
                                         gpointer                  progress_data,
                                         GDestroyNotify            progress_destroy,
                                         GAsyncReadyCallback       callback,
                                         gpointer                  user_data);
/* wenda_import_files() in a worker thread; finish it with
 * wenda_import_file_finish() */
void       wenda_import_files_async  (GFile *const             *files,
                                      guint                     n_files,
                                      WendaImportFormat         format,
                                      const WendaImportOptions *options,
                                      const char               *id_prefix,
                                      GCancellable             *cancellable,
                                      WendaImportProgressFunc   progress,
                                      gpointer                  progress_data,
                                      GDestroyNotify            progress_destroy,
                                      GAsyncReadyCallback       callback,
                                      gpointer                  user_data);
WendaBank *wenda_import_file_finish  (GAsyncResult             *result,
                                      WendaImportReport       **report,
                                      GError                  **error);

G_END_DECLS
