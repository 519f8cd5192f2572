/* wenda-library.h: the user's own question banks, next to the bundled one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-bank.h"

G_BEGIN_DECLS

/* One bank of the library: the bundled one, or an imported copy kept as
 * JSON (the bundled format) in the library's folder. */
#define WENDA_TYPE_LIBRARY_BANK (wenda_library_bank_get_type ())
G_DECLARE_FINAL_TYPE (WendaLibraryBank, wenda_library_bank, WENDA, LIBRARY_BANK, GObject)

const char *wenda_library_bank_get_id      (WendaLibraryBank *self);   /* "llm-training" for the bundled one */
const char *wenda_library_bank_get_title   (WendaLibraryBank *self);   /* property "title", notifies */
const char *wenda_library_bank_get_path    (WendaLibraryBank *self);   /* NULL for the bundled bank */
gboolean    wenda_library_bank_is_bundled  (WendaLibraryBank *self);
WendaBank  *wenda_library_bank_get_bank    (WendaLibraryBank *self);   /* property "bank" */
guint       wenda_library_bank_get_n_items (WendaLibraryBank *self);   /* property "n-items" */

/* The library: a GListModel of WendaLibraryBank, the bundled bank first,
 * then the imported ones by title. */
#define WENDA_TYPE_LIBRARY (wenda_library_get_type ())
G_DECLARE_FINAL_TYPE (WendaLibrary, wenda_library, WENDA, LIBRARY, GObject)

/* The folder the app uses: g_get_user_data_dir()/APP_ID/banks. */
char             *wenda_library_default_dir (const char        *app_id);

WendaLibrary     *wenda_library_new         (const char        *dir,
                                             WendaBank         *bundled);
/* Reads the banks in the folder.  A file that cannot be read is skipped
 * (and kept); its problem, naming the file, is added to @problems
 * (nullable; an array of char *).  Returns FALSE only if the folder
 * itself cannot be read. */
gboolean          wenda_library_load        (WendaLibrary      *self,
                                             GPtrArray         *problems,
                                             GError           **error);
/* A new unique id for a bank imported from a file named @name: a slug of
 * its name ("interview-qa"), "-2", "-3"... if taken; never "llm-training". */
char             *wenda_library_make_id     (WendaLibrary      *self,
                                             const char        *name);
/* Saves @bank (whose item ids were made with @id as prefix) as ID.json in
 * the folder, atomically, and adds it.  Returns it (transfer none). */
WendaLibraryBank *wenda_library_add         (WendaLibrary      *self,
                                             const char        *id,
                                             WendaBank         *bank,
                                             GError           **error);
/* wenda_library_add(), copying @media (of WendaMediaFile, wenda-media.h:
 * wenda_import_report_get_media()) into the bank's folder, ID.media */
WendaLibraryBank *wenda_library_add_full    (WendaLibrary      *self,
                                             const char        *id,
                                             WendaBank         *bank,
                                             GPtrArray         *media,
                                             GError           **error);
gboolean          wenda_library_rename      (WendaLibrary      *self,
                                             WendaLibraryBank  *bank,
                                             const char        *title,
                                             GError           **error);
/* Deletes the copy.  The bundled bank cannot be removed. */
gboolean          wenda_library_remove      (WendaLibrary      *self,
                                             WendaLibraryBank  *bank,
                                             GError           **error);
WendaLibraryBank *wenda_library_lookup      (WendaLibrary      *self,
                                             const char        *id);

/* What a new version of a bank changes, item by item, matched by id */
typedef struct
{
  guint n_added;       /* ids only the new version has */
  guint n_removed;     /* ids only the old version has */
  guint n_changed;     /* in both, with another question, answer or explanation */
  guint n_unchanged;   /* in both, the same */
} WendaBankChanges;

void              wenda_library_compare     (WendaBank         *current,
                                             WendaBank         *update,
                                             WendaBankChanges  *changes);
/* The imported bank a file named @name updates by default: the one whose
 * id is what wenda_library_make_id() gave that name first ("notes.md" →
 * "notes"), or NULL */
WendaLibraryBank *wenda_library_find_for_name (WendaLibrary    *self,
                                               const char      *name);
/* Replaces the content of @bank, an imported bank, with @update, whose
 * item ids were made with the bank's id as prefix: ID.json is replaced
 * atomically, then @bank holds @update (its "bank" notifies, and the
 * library emits items-changed for it).  The id stays, so study progress
 * stays with every item whose id is in both versions.  @changes
 * (nullable) gets what changed. */
gboolean          wenda_library_update      (WendaLibrary      *self,
                                             WendaLibraryBank  *bank,
                                             WendaBank         *update,
                                             WendaBankChanges  *changes,
                                             GError           **error);

/* wenda_library_update(), replacing the bank's images with @media */
gboolean          wenda_library_update_full (WendaLibrary      *self,
                                             WendaLibraryBank  *bank,
                                             WendaBank         *update,
                                             GPtrArray         *media,
                                             WendaBankChanges  *changes,
                                             GError           **error);

G_END_DECLS
