/* wenda-csv-private.h: read a question bank from a CSV or TSV file, Anki's
 * "Notes in Plain Text" too, for wenda-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-markdown-private.h"

G_BEGIN_DECLS

/* How many of the first rows the report keeps, and how much of a cell */
#define WENDA_CSV_PREVIEW_ROWS  5
#define WENDA_CSV_PREVIEW_CHARS 80

/* Columns past this many are not offered, nor read */
#define WENDA_CSV_MAX_COLUMNS   64

/* What the CSV reader found, for the import report (WendaReadResult.csv) */
struct _WendaCsvResult
{
  char        delimiter;
  gboolean    header;       /* the first row named the columns */
  gboolean    anki;         /* Anki's "#key:value" file headers were read */
  gboolean    html;         /* the fields were read as HTML */
  guint       n_columns;
  GPtrArray  *titles;       /* of char *, one a column */
  GPtrArray  *rows;         /* of GStrv, one cell a column, the first rows */
  guint       columns[WENDA_CSV_N_ROLES];   /* from 1, or WENDA_CSV_COLUMN_NONE */
};

void        wenda_csv_result_free          (WendaCsvResult *result);

/* Whether @text starts with Anki's file headers "#separator:" or
 * "#columns:" (after a BOM and a "tags:" line): a .txt file Anki writes
 * or reads as "Notes in Plain Text" */
gboolean    wenda_csv_text_has_anki_headers (const char *text,
                                             gsize       length);

/* Reads @text as CSV: the delimiter, the header row and the columns as
 * WendaReadOptions.layout says, or found.  Lenient when @options has a
 * problem function: a row with a problem is skipped (or kept, with a
 * warning) and reported with its lines.  Errors are in WENDA_BANK_ERROR,
 * naming FILE:LINE; G_IO_ERROR_CANCELLED when cancelled. */
WendaBank  *wenda_csv_read                 (const char              *text,
                                            gsize                    length,
                                            const char              *filename,
                                            const WendaReadOptions  *options,
                                            GError                 **error);

G_END_DECLS
