/* wenda-import-private.h: the import report, for the readers of one file
 * (wenda-import.c) and of several (wenda-import-files.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-import.h"
#include "wenda-markdown-private.h"
#include "wenda-media.h"

G_BEGIN_DECLS

typedef struct
{
  WendaImportProblem  problem;     /* first: what get_problem() returns */
  char               *text;        /* the message without "FILE:LINE: " */
  char               *file;        /* in a report of several files, the
                                    * file it is in; else NULL */
} WendaImportReportProblem;

struct _WendaImportReport
{
  char            *filename;
  guint            n_items;
  GArray          *problems;       /* of WendaImportReportProblem */
  WendaReadResult  result;

  /* Several files read as one bank (wenda-import-files.c) */
  guint            n_files;        /* the bank files read, 1 for a file */
  guint            n_files_read;   /* of those, the ones with questions */

  /* Images (wenda-media.h) */
  GPtrArray       *media;          /* of WendaMediaFile: to be copied */
  guint            n_remote_images;
  guint            n_missing_images;
  guint            needs_folder : 1;
};

WendaImportReport *wenda_import_report_new       (const char        *filename);
void               wenda_import_report_add       (WendaImportReport *self,
                                                  const char        *file,
                                                  guint              line,
                                                  guint              first_line,
                                                  guint              last_line,
                                                  gboolean           warning,
                                                  const char        *text);
void               wenda_import_report_add_error (WendaImportReport *self,
                                                  const GError      *error);

/* Reads @file, of @size bytes by its info, refusing it over the limit */
char              *wenda_import_read_sized       (GFile             *file,
                                                  goffset            size,
                                                  const char        *name,
                                                  gsize             *length,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

G_END_DECLS
