/* wenda-import-dialog.h: what a file holds, shown before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wenda-library.h"

G_BEGIN_DECLS

#define WENDA_TYPE_IMPORT_DIALOG (wenda_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (WendaImportDialog, wenda_import_dialog, WENDA, IMPORT_DIALOG, AdwDialog)

/* Starts reading @file at once; nothing is saved until the user chooses
 * Import.  The dialog then adds the bank to @library, or updates one of
 * its banks, emits "imported" (the library bank, and whether it was an
 * update) and closes. */
WendaImportDialog *wenda_import_dialog_new      (WendaLibrary      *library,
                                                 GFile             *file);
/* The same for a folder of chapter files, or several files, read as one
 * bank */
WendaImportDialog *wenda_import_dialog_new_for_files (WendaLibrary *library,
                                                      GFile *const *files,
                                                      guint         n_files);
/* Whether a reading of the file is under way (property "busy") */
gboolean           wenda_import_dialog_is_busy  (WendaImportDialog *self);
/* The file's name, as the dialog shows it */
const char        *wenda_import_dialog_get_name (WendaImportDialog *self);

G_END_DECLS
