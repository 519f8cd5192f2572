/* wenda-library.c: the user's own question banks, next to the bundled one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The library folder
 * ==================
 *
 * Each imported bank is one file, ID.json, in the JSON bank format (see
 * the top of wenda-bank-loader.c), in g_get_user_data_dir()/APP_ID/banks.
 * The id is the file's name without ".json"; the bank's item ids were
 * made with it as prefix ("interview-qa-001"), so the id never changes
 * once the bank is added: the study store keys cards by item id.
 *
 * Reading.  Only regular files named *.json, not hidden, are banks.  A
 * file that cannot be read as a bank is skipped and reported, and is never
 * written, renamed or removed: it may be a bank from a later version of
 * Wenda, or one a person is repairing.  Its id stays taken, so a new bank
 * never overwrites it.  The temporary files of an interrupted save
 * ("ID.json.XXXXXX", ".goutputstream-XXXXXX") do not end in ".json" and
 * are ignored.
 *
 * Writing.  Every write replaces a whole file atomically, with
 * g_file_set_contents_full() (wenda_json_write_file(), which the study
 * file uses too): "ID.json.XXXXXX" is written, fsynced and
 * renamed over the name, and removed if writing it fails.  Not
 * g_file_replace_contents(): in GLib 2.74, when a write fails (a full
 * disk, a file size limit), it still closes the stream, and closing
 * renames the partly written temporary file over the old one.  A failed
 * write leaves the old file, or none, and the library as it was.  The
 * folder is made 0700 and the files 0600: what a person studies is their
 * business.
 *
 * Updating.  wenda_library_update() gives a bank a new version of its
 * questions, read with the bank's id as prefix, so an item keeps its id
 * (and its study progress) as long as the new version still has it.  It
 * replaces ID.json as every write does, and only a file that is still a
 * bank this version reads: one changed meanwhile into something else,
 * or written by a later version, is left as it is and the update refused.
 *
 * Images.  The images an imported bank refers to (wenda-media.h) are
 * copied into ID.media/, beside ID.json, under the names the import gave
 * them ("chapters/img/a.png"), so they still show when the original
 * moves.  The copies are made in a new hidden folder (".ID.media-XXXXXX")
 * which then takes the place of ID.media, and only then is ID.json
 * written: a failure leaves the old folder and file as they were.  An
 * update replaces the whole folder; removing the bank removes it.  The
 * folder is removed without following symbolic links.
 *
 * Ids.  wenda_library_make_id() turns a file name into a slug: ASCII
 * letters (accents dropped, "Übung" → "ubung") and digits, lowercase,
 * other runs of characters becoming one "-", at most MAX_SLUG bytes, from
 * the name without its extension.  A name with neither ASCII letters nor
 * digits ("面试题.md") gives "bank-" and the first 8 hex digits of the
 * SHA-256 of its NFC form ("bank-1f0e3dad"): stable for the same name, and
 * different names rarely meet.  A slug of digits alone gets "bank-" too
 * ("2024.md" → "bank-2024"), so every id starts with a letter.  A taken
 * id, or "llm-training", gets "-2", "-3"…
 */

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "wenda-bank-loader-private.h"
#include "wenda-import.h"
#include "wenda-json-private.h"
#include "wenda-library.h"
#include "wenda-media.h"

#define BUNDLED_ID  "llm-training"
#define SUFFIX      ".json"
#define MEDIA_SUFFIX ".media"
#define MAX_SLUG    48

/* WendaLibraryBank {{{ */

struct _WendaLibraryBank
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  char      *path;       /* NULL for the bundled bank */
  WendaBank *bank;
};

G_DEFINE_FINAL_TYPE (WendaLibraryBank, wenda_library_bank, G_TYPE_OBJECT)

enum {
  BANK_PROP_0,
  BANK_PROP_ID,
  BANK_PROP_TITLE,
  BANK_PROP_PATH,
  BANK_PROP_BUNDLED,
  BANK_PROP_BANK,
  BANK_PROP_N_ITEMS,
  BANK_N_PROPS
};

static GParamSpec *bank_properties[BANK_N_PROPS];

static void
wenda_library_bank_finalize (GObject *object)
{
  WendaLibraryBank *self = (WendaLibraryBank *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_object (&self->bank);

  G_OBJECT_CLASS (wenda_library_bank_parent_class)->finalize (object);
}

static void
wenda_library_bank_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  WendaLibraryBank *self = WENDA_LIBRARY_BANK (object);

  switch (prop_id)
    {
    case BANK_PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case BANK_PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case BANK_PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case BANK_PROP_BUNDLED:
      g_value_set_boolean (value, wenda_library_bank_is_bundled (self));
      break;

    case BANK_PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case BANK_PROP_N_ITEMS:
      g_value_set_uint (value, wenda_library_bank_get_n_items (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_library_bank_class_init (WendaLibraryBankClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_library_bank_finalize;
  object_class->get_property = wenda_library_bank_get_property;

  /* All read-only: only the library changes a bank (rename_bank()), so
   * that the file and the object never disagree. */
  bank_properties[BANK_PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bank_properties[BANK_PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bank_properties[BANK_PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bank_properties[BANK_PROP_BUNDLED] =
    g_param_spec_boolean ("bundled", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bank_properties[BANK_PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL,
                         WENDA_TYPE_BANK,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  bank_properties[BANK_PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, BANK_N_PROPS, bank_properties);
}

static void
wenda_library_bank_init (WendaLibraryBank *self)
{
}

static WendaLibraryBank *
wenda_library_bank_new (const char *id,
                        const char *path,
                        WendaBank  *bank)
{
  WendaLibraryBank *self = g_object_new (WENDA_TYPE_LIBRARY_BANK, NULL);

  self->id = g_strdup (id);
  self->path = g_strdup (path);
  self->bank = g_object_ref (bank);
  self->title = g_strdup (wenda_bank_get_title (bank));

  return self;
}

/* After a rename: the new bank (same items, new title) replaces the old */
static void
wenda_library_bank_set_bank (WendaLibraryBank *self,
                             WendaBank        *bank)
{
  guint old_n_items = wenda_library_bank_get_n_items (self);
  gboolean title_changed;

  if (!g_set_object (&self->bank, bank))
    return;

  title_changed = g_strcmp0 (self->title, wenda_bank_get_title (bank)) != 0;
  if (title_changed)
    {
      g_free (self->title);
      self->title = g_strdup (wenda_bank_get_title (bank));
    }

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), bank_properties[BANK_PROP_BANK]);
  if (title_changed)
    g_object_notify_by_pspec (G_OBJECT (self), bank_properties[BANK_PROP_TITLE]);
  if (old_n_items != wenda_library_bank_get_n_items (self))
    g_object_notify_by_pspec (G_OBJECT (self), bank_properties[BANK_PROP_N_ITEMS]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
wenda_library_bank_get_id (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), NULL);

  return self->id;
}

const char *
wenda_library_bank_get_title (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), NULL);

  return self->title;
}

const char *
wenda_library_bank_get_path (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), NULL);

  return self->path;
}

gboolean
wenda_library_bank_is_bundled (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), FALSE);

  return self->path == NULL;
}

WendaBank *
wenda_library_bank_get_bank (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), NULL);

  return self->bank;
}

guint
wenda_library_bank_get_n_items (WendaLibraryBank *self)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->bank));
}

/* }}} */

/* WendaLibrary {{{ */

struct _WendaLibrary
{
  GObject           parent_instance;

  char             *dir;
  WendaLibraryBank *bundled;   /* always at position 0 */
  GPtrArray        *banks;     /* of WendaLibraryBank, the imported ones, sorted */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (WendaLibrary, wenda_library, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
wenda_library_get_item_type (GListModel *model)
{
  return WENDA_TYPE_LIBRARY_BANK;
}

static guint
wenda_library_get_n_items (GListModel *model)
{
  return 1 + WENDA_LIBRARY (model)->banks->len;
}

static gpointer
wenda_library_get_item (GListModel *model,
                        guint       position)
{
  WendaLibrary *self = WENDA_LIBRARY (model);

  if (position == 0)
    return g_object_ref (self->bundled);
  if (position - 1 >= self->banks->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->banks, position - 1));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wenda_library_get_item_type;
  iface->get_n_items = wenda_library_get_n_items;
  iface->get_item = wenda_library_get_item;
}

/* Every change of the list goes through here, so "n-items" never lags */
static void
wenda_library_items_changed (WendaLibrary *self,
                             guint         position,
                             guint         removed,
                             guint         added)
{
  if (removed == 0 && added == 0)
    return;

  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);

  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
wenda_library_finalize (GObject *object)
{
  WendaLibrary *self = (WendaLibrary *)object;

  g_clear_pointer (&self->dir, g_free);
  g_clear_object (&self->bundled);
  g_clear_pointer (&self->banks, g_ptr_array_unref);

  G_OBJECT_CLASS (wenda_library_parent_class)->finalize (object);
}

static void
wenda_library_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WendaLibrary *self = WENDA_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, g_list_model_get_n_items (G_LIST_MODEL (self)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_library_class_init (WendaLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_library_finalize;
  object_class->get_property = wenda_library_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenda_library_init (WendaLibrary *self)
{
  self->banks = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Sorting {{{ */

/* By title, as a person reads them; the id breaks ties so the order never
 * depends on the order the folder lists its files in. */
static int
compare_banks (WendaLibraryBank *a,
               WendaLibraryBank *b)
{
  int cmp = g_utf8_collate (a->title, b->title);

  if (cmp != 0)
    return cmp;

  return strcmp (a->id, b->id);
}

static int
compare_banks_indirect (gconstpointer a,
                        gconstpointer b)
{
  return compare_banks (*(WendaLibraryBank * const *)a, *(WendaLibraryBank * const *)b);
}

/* Where @bank goes in self->banks, which must not hold it */
static guint
sorted_index (WendaLibrary     *self,
              WendaLibraryBank *bank)
{
  guint lo = 0, hi = self->banks->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (compare_banks (g_ptr_array_index (self->banks, mid), bank) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* }}} */

/* Files {{{ */

static char *
bank_path (WendaLibrary *self,
           const char   *id)
{
  g_autofree char *basename = g_strconcat (id, SUFFIX, NULL);

  return g_build_filename (self->dir, basename, NULL);
}

/* An id names a file in the folder and prefixes item ids, so it must be a
 * plain, visible file name. */
static gboolean
id_is_valid (const char *id)
{
  return id[0] != '\0' && id[0] != '.' &&
         strchr (id, '/') == NULL &&
         g_utf8_validate (id, -1, NULL);
}

static char *
media_path (WendaLibrary *self,
            const char   *id)
{
  g_autofree char *basename = g_strconcat (id, MEDIA_SUFFIX, NULL);

  return g_build_filename (self->dir, basename, NULL);
}

/* Gives @bank its images' folder, ID.media, when there is one */
static void
set_media_dir (WendaLibrary *self,
               const char   *id,
               WendaBank    *bank)
{
  g_autofree char *path = media_path (self, id);
  g_autoptr(GFile) dir = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    dir = g_file_new_for_path (path);
  wenda_bank_set_media_dir (bank, dir);
}

/* Removes the folder @path and what it holds; a symbolic link inside is
 * removed, never followed.  Quietly: what is left is only litter. */
static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_unlink (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static gboolean
media_name_is_safe (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);

  if (name[0] == '\0' || g_path_is_absolute (name))
    return FALSE;
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
      return FALSE;

  return TRUE;
}

/* Copies @media into a new hidden folder of the library's folder.
 * Returns its path, or NULL with @error (nothing left behind). */
static char *
copy_media (WendaLibrary  *self,
            const char    *id,
            GPtrArray     *media,
            GError       **error)
{
  g_autofree char *template = g_strdup_printf (".%s" MEDIA_SUFFIX "-XXXXXX", id);
  g_autofree char *tmp = g_build_filename (self->dir, template, NULL);

  if (g_mkdir_with_parents (self->dir, 0700) != 0 || g_mkdtemp_full (tmp, 0700) == NULL)
    {
      int errsv = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not make a folder for the bank's images: %s"), g_strerror (errsv));
      return NULL;
    }

  for (guint i = 0; i < media->len; i++)
    {
      WendaMediaFile *image = g_ptr_array_index (media, i);
      g_autofree char *dest_path = NULL;
      g_autofree char *dest_dir = NULL;
      g_autoptr(GFile) source = NULL;
      g_autoptr(GFile) dest = NULL;
      g_autoptr(GError) local_error = NULL;

      /* Names come from wenda_media_resolve_name(): relative, with no
       * "." or ".." part; checked again, as they become paths here */
      if (!media_name_is_safe (image->name))
        continue;

      dest_path = g_build_filename (tmp, image->name, NULL);
      dest_dir = g_path_get_dirname (dest_path);
      source = g_file_new_for_path (image->path);
      dest = g_file_new_for_path (dest_path);

      if (g_mkdir_with_parents (dest_dir, 0700) != 0 ||
          !g_file_copy (source, dest, G_FILE_COPY_NOFOLLOW_SYMLINKS | G_FILE_COPY_TARGET_DEFAULT_PERMS,
                        NULL, NULL, NULL, &local_error))
        {
          g_set_error (error, G_IO_ERROR,
                       local_error != NULL ? (GIOErrorEnum)local_error->code : g_io_error_from_errno (errno),
                       _("Could not copy the image “%s”: %s"), image->name,
                       local_error != NULL ? local_error->message : g_strerror (errno));
          remove_tree (tmp);
          return NULL;
        }
    }

  return g_steal_pointer (&tmp);
}

/* Puts the folder @tmp (or nothing, when NULL) in the place of ID.media;
 * the old folder's new name goes to @old, for finish_media() or
 * undo_media() */
static gboolean
swap_media (WendaLibrary  *self,
            const char    *id,
            const char    *tmp,
            char         **old,
            GError       **error)
{
  g_autofree char *path = media_path (self, id);

  *old = NULL;
  if (g_file_test (path, G_FILE_TEST_EXISTS) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      *old = g_strdup_printf ("%s-old", tmp != NULL ? tmp : path);
      if (g_rename (path, *old) != 0)
        {
          int errsv = errno;

          g_clear_pointer (old, g_free);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                       _("Could not replace the bank's images: %s"), g_strerror (errsv));
          return FALSE;
        }
    }

  if (tmp != NULL && g_rename (tmp, path) != 0)
    {
      int errsv = errno;

      if (*old != NULL)
        g_rename (*old, path);
      g_clear_pointer (old, g_free);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not replace the bank's images: %s"), g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}

/* ID.json could not be written: the old images come back */
static void
undo_media (WendaLibrary *self,
            const char   *id,
            gboolean      swapped,
            char         *old)
{
  g_autofree char *path = media_path (self, id);

  if (swapped)
    remove_tree (path);
  if (old != NULL)
    g_rename (old, path);
  g_free (old);
}

/* }}} */

/**
 * wenda_library_default_dir:
 * @app_id: the application id (APP_ID)
 *
 * Returns: (transfer full): g_get_user_data_dir()/@app_id/banks
 */
char *
wenda_library_default_dir (const char *app_id)
{
  g_return_val_if_fail (app_id != NULL, NULL);

  return g_build_filename (g_get_user_data_dir (), app_id, "banks", NULL);
}

/**
 * wenda_library_new:
 * @dir: the folder of the imported banks; it need not exist yet
 * @bundled: the bank that ships with the app
 *
 * Returns: (transfer full): a library holding only @bundled until
 *   wenda_library_load() is called
 */
WendaLibrary *
wenda_library_new (const char *dir,
                   WendaBank  *bundled)
{
  WendaLibrary *self;

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (WENDA_IS_BANK (bundled), NULL);

  self = g_object_new (WENDA_TYPE_LIBRARY, NULL);
  self->dir = g_strdup (dir);
  self->bundled = wenda_library_bank_new (BUNDLED_ID, NULL, bundled);

  return self;
}

static void
add_problem (GPtrArray  *problems,
             const char *basename,
             GError     *error)
{
  if (problems == NULL)
    return;

  /* Bank errors name the file already ("FILE:LINE: …"); I/O errors don't */
  if (error->domain == WENDA_BANK_ERROR)
    g_ptr_array_add (problems, g_strdup (error->message));
  else
    g_ptr_array_add (problems, g_strdup_printf ("%s: %s", basename, error->message));
}

/* Reads DIR/@basename; NULL with @error set if it is not a bank */
static WendaLibraryBank *
load_one (WendaLibrary  *self,
          GFile         *dir,
          GFileInfo     *info,
          GError       **error)
{
  const char *basename = g_file_info_get_name (info);
  g_autofree char *id = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *path = NULL;

  id = g_strndup (basename, strlen (basename) - strlen (SUFFIX));

  if (g_str_equal (id, BUNDLED_ID) || !id_is_valid (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("the name “%s” is reserved or not usable as a bank id: rename the file"), id);
      return NULL;
    }

  /* wenda_bank_load_file() reads the whole file; refuse a huge one first,
   * as the import does */
  if (g_file_info_get_size (info) > WENDA_IMPORT_MAX_SIZE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the file is too large (more than %d MB)"),
                   WENDA_IMPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }

  file = g_file_get_child (dir, basename);
  bank = wenda_bank_load_file (file, error);
  if (bank == NULL)
    return NULL;

  path = g_file_get_path (file);
  set_media_dir (self, id, bank);
  return wenda_library_bank_new (id, path, bank);
}

/**
 * wenda_library_load:
 * @problems: (nullable) (element-type utf8): where to add a message
 *   ("FILE:LINE: …") for each file that is skipped
 *
 * Reads the banks in the folder, replacing those read before.  A folder
 * that does not exist yet is an empty one.
 *
 * Returns: %FALSE, with @error set, only if the folder cannot be read; the
 *   library is then unchanged
 */
gboolean
wenda_library_load (WendaLibrary  *self,
                    GPtrArray     *problems,
                    GError       **error)
{
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) banks = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) local_error = NULL;
  guint old_len;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  banks = g_ptr_array_new_with_free_func (g_object_unref);
  dir = g_file_new_for_path (self->dir);
  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE,
                                          NULL, &local_error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  else
    {
      for (;;)
        {
          GFileInfo *info = NULL;
          g_autoptr(GError) file_error = NULL;
          WendaLibraryBank *bank;
          const char *name;

          if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (info == NULL)
            break;

          name = g_file_info_get_name (info);
          if (g_file_info_get_is_hidden (info) ||
              g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
              !g_str_has_suffix (name, SUFFIX))
            continue;

          bank = load_one (self, dir, info, &file_error);
          if (bank == NULL)
            add_problem (problems, name, file_error);
          else
            g_ptr_array_add (banks, bank);
        }
    }

  g_ptr_array_sort (banks, compare_banks_indirect);

  old_len = self->banks->len;
  old = g_steal_pointer (&self->banks);
  self->banks = g_steal_pointer (&banks);

  wenda_library_items_changed (self, 1, old_len, self->banks->len);

  return TRUE;
}

/* Whether @id is taken: by a bank of the library, or by a file in the
 * folder (perhaps one that could not be read) */
static gboolean
id_is_taken (WendaLibrary *self,
             const char   *id)
{
  g_autofree char *path = NULL;

  if (g_str_equal (id, BUNDLED_ID) || wenda_library_lookup (self, id) != NULL)
    return TRUE;

  path = bank_path (self, id);
  return g_file_test (path, G_FILE_TEST_EXISTS | G_FILE_TEST_IS_SYMLINK);
}

/* The slug of @stem, or "" if it has no ASCII letter or digit */
static char *
slugify (const char *stem)
{
  g_autofree char *ascii = g_str_to_ascii (stem, "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && slug->len <= MAX_SLUG; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        {
          dash = TRUE;
        }
    }

  /* Cutting may leave a '-' at the end */
  if (slug->len > MAX_SLUG)
    g_string_truncate (slug, MAX_SLUG);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);

  return g_string_free (slug, FALSE);
}

static gboolean
has_ascii_letter (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isalpha (*s))
      return TRUE;

  return FALSE;
}

/* The id a file named @name gets if it is free: its slug, "bank-…" for
 * a name with no ASCII letter, "-2" for the bundled bank's */
static char *
base_id (const char *name)
{
  g_autofree char *basename = NULL;
  g_autofree char *slug = NULL;
  const char *dot;

  basename = g_path_get_basename (name);
  if (!g_utf8_validate (basename, -1, NULL))
    {
      char *valid = g_utf8_make_valid (basename, -1);

      g_free (basename);
      basename = valid;
    }

  /* "notes.md" → "notes"; a name that is all extension (".md") stays */
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    basename[dot - basename] = '\0';

  slug = slugify (basename);
  if (slug[0] == '\0')
    {
      g_autofree char *nfc = g_utf8_normalize (basename, -1, G_NORMALIZE_NFC);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, nfc, -1);

      g_free (slug);
      slug = g_strdup_printf ("bank-%.8s", hash);
    }
  else if (!has_ascii_letter (slug))
    {
      char *prefixed = g_strconcat ("bank-", slug, NULL);

      g_free (slug);
      slug = prefixed;
    }

  return g_steal_pointer (&slug);
}

/**
 * wenda_library_make_id:
 * @name: the imported file's name (a path is fine; only its basename
 *   counts), in UTF-8
 *
 * Makes an id for a new bank; see the top of this file for the rules.
 *
 * Returns: (transfer full): an id no bank and no file in the folder has
 */
char *
wenda_library_make_id (WendaLibrary *self,
                       const char   *name)
{
  g_autofree char *slug = NULL;
  char *id;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slug = base_id (name);
  if (!id_is_taken (self, slug))
    return g_steal_pointer (&slug);

  for (guint n = 2; ; n++)
    {
      id = g_strdup_printf ("%s-%u", slug, n);
      if (!id_is_taken (self, id))
        return id;
      g_free (id);
    }
}

/**
 * wenda_library_find_for_name:
 * @name: the name of a file to import (a path is fine)
 *
 * The bank a first import of a file named @name was given: the one whose
 * id is the slug of @name ("notes-2" for a second file of the same name
 * is not it).
 *
 * Returns: (transfer none) (nullable): that imported bank, if the library
 *   has it
 */
WendaLibraryBank *
wenda_library_find_for_name (WendaLibrary *self,
                             const char   *name)
{
  g_autofree char *slug = NULL;
  WendaLibraryBank *bank;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  slug = base_id (name);
  if (g_str_equal (slug, BUNDLED_ID))
    {
      /* make_id() went on to the next free one */
      g_free (slug);
      slug = g_strconcat (BUNDLED_ID, "-2", NULL);
    }

  bank = wenda_library_lookup (self, slug);
  return bank != NULL && !wenda_library_bank_is_bundled (bank) ? bank : NULL;
}

/**
 * wenda_library_add:
 * @id: the bank's id, from wenda_library_make_id()
 * @bank: the bank, its item ids made with @id as prefix
 *
 * Saves @bank as ID.json in the folder, atomically, and adds it.  An id
 * that is taken, by a bank or by any file in the folder, is refused
 * (%G_IO_ERROR_EXISTS): nothing is ever overwritten.
 *
 * Returns: (transfer none): the new library bank, or %NULL with @error set
 */
WendaLibraryBank *
wenda_library_add (WendaLibrary  *self,
                   const char    *id,
                   WendaBank     *bank,
                   GError       **error)
{
  return wenda_library_add_full (self, id, bank, NULL, error);
}

/**
 * wenda_library_add_full:
 * @media: (nullable) (element-type WendaMediaFile): the images to copy
 *   into the bank's folder (wenda_import_report_get_media())
 *
 * wenda_library_add(), copying @media into ID.media first (see "Images"
 * at the top of this file); the bank then shows them from there.
 */
WendaLibraryBank *
wenda_library_add_full (WendaLibrary  *self,
                        const char    *id,
                        WendaBank     *bank,
                        GPtrArray     *media,
                        GError       **error)
{
  g_autoptr(WendaLibraryBank) entry = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *tmp = NULL;
  char *old = NULL;
  guint index_;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!id_is_valid (id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("“%s” is not a valid bank id"), id);
      return NULL;
    }

  if (id_is_taken (self, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("There is already a bank with the id “%s”"), id);
      return NULL;
    }

  /* The loader refuses a bank with no items: never write a file that
   * cannot be read back. */
  if (g_list_model_get_n_items (G_LIST_MODEL (bank)) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bank has no questions"));
      return NULL;
    }

  /* See "Images" and "Writing" at the top of this file */
  if (media != NULL && media->len > 0)
    {
      tmp = copy_media (self, id, media, error);
      if (tmp == NULL || !swap_media (self, id, tmp, &old, error))
        {
          if (tmp != NULL)
            remove_tree (tmp);
          return NULL;
        }
    }

  path = bank_path (self, id);
  json = wenda_bank_to_json (bank, NULL);
  if (!wenda_json_write_file (path, json, -1, error))
    {
      undo_media (self, id, tmp != NULL, old);
      return NULL;
    }
  if (old != NULL)
    {
      remove_tree (old);
      g_free (old);
    }

  set_media_dir (self, id, bank);
  entry = wenda_library_bank_new (id, path, bank);
  index_ = sorted_index (self, entry);
  g_ptr_array_insert (self->banks, index_, g_object_ref (entry));
  wenda_library_items_changed (self, 1 + index_, 0, 1);

  return entry;
}

static gboolean
find_imported (WendaLibrary      *self,
               WendaLibraryBank  *bank,
               guint             *index_,
               GError           **error)
{
  if (bank == self->bundled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The bundled bank cannot be changed"));
      return FALSE;
    }

  if (!g_ptr_array_find (self->banks, bank, index_))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The bank “%s” is not in the library"), bank->id);
      return FALSE;
    }

  return TRUE;
}

/* The text of @path with its "title" set to @title; other members, known
 * or not, are kept as they are. */
static char *
retitle_json (const char  *path,
              const char  *title,
              GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  const char *where = NULL;
  JsonNode *root;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error_literal (error, G_IO_ERROR,
                           g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return NULL;
    }

  /* json-glib leaks on some malformed input (see wenda-bank-loader.c);
   * the file was read once, but may have changed since */
  if (wenda_json_check_shape (contents, length, WENDA_BANK_MAX_DEPTH, &where) !=
      WENDA_JSON_SHAPE_OK)
    {
      g_autofree char *basename = g_path_get_basename (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is no longer a question bank"), basename);
      return NULL;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, contents, length, error))
    return NULL;

  root = json_parser_get_root (parser);
  g_assert (JSON_NODE_HOLDS_OBJECT (root));
  json_object_set_string_member (json_node_get_object (root), "title", title);

  return wenda_json_to_data (root, NULL);
}

/**
 * wenda_library_rename:
 * @bank: an imported bank of the library
 * @title: its new title
 *
 * Rewrites the bank's file with the new title, atomically, then gives
 * @bank a new WendaBank (the same items, the new title) and moves it to
 * its new place.  The bundled bank cannot be renamed
 * (%G_IO_ERROR_NOT_SUPPORTED).
 */
gboolean
wenda_library_rename (WendaLibrary      *self,
                      WendaLibraryBank  *bank,
                      const char        *title,
                      GError           **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(WendaBank) renamed = NULL;
  g_autofree char *json = NULL;
  guint old_index, new_index;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (bank), FALSE);
  g_return_val_if_fail (title != NULL && g_utf8_validate (title, -1, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_imported (self, bank, &old_index, error))
    return FALSE;

  if (g_str_equal (title, bank->title))
    return TRUE;

  json = retitle_json (bank->path, title, error);
  if (json == NULL)
    return FALSE;

  if (!wenda_json_write_file (bank->path, json, -1, error))
    return FALSE;

  /* The same item objects: whatever shows or studies one keeps it */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank->bank));
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (bank->bank), i));
  renamed = wenda_bank_new (title, items);
  wenda_bank_set_media_dir (renamed, wenda_bank_get_media_dir (bank->bank));

  /* Retitle it in place (its notifications see a consistent list), then
   * move it where it now sorts; one signal covers every row between the
   * two places. */
  wenda_library_bank_set_bank (bank, renamed);
  g_object_ref (bank);
  g_ptr_array_remove_index (self->banks, old_index);
  new_index = sorted_index (self, bank);
  g_ptr_array_insert (self->banks, new_index, bank);

  if (new_index != old_index)
    {
      guint first = MIN (old_index, new_index);
      guint n = MAX (old_index, new_index) - first + 1;

      wenda_library_items_changed (self, 1 + first, n, n);
    }

  return TRUE;
}

/**
 * wenda_library_compare:
 * @current: a bank
 * @update: a new version of it, whose items have the same ids where they
 *   are the same questions
 * @changes: (out caller-allocates): what @update changes
 *
 * Matches the items of the two banks by id: an id only @update has is
 * added, one only @current has is removed, and one in both is changed
 * when its question, answer or explanation differ.
 */
void
wenda_library_compare (WendaBank        *current,
                       WendaBank        *update,
                       WendaBankChanges *changes)
{
  guint n_current, n_update, n_matched = 0;

  g_return_if_fail (WENDA_IS_BANK (current));
  g_return_if_fail (WENDA_IS_BANK (update));
  g_return_if_fail (changes != NULL);

  memset (changes, 0, sizeof *changes);
  n_current = g_list_model_get_n_items (G_LIST_MODEL (current));
  n_update = g_list_model_get_n_items (G_LIST_MODEL (update));

  for (guint i = 0; i < n_update; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (update), i);
      WendaQaItem *old = wenda_bank_lookup_id (current, wenda_qa_item_get_id (item));

      if (old == NULL)
        {
          changes->n_added++;
          continue;
        }

      n_matched++;
      if (g_strcmp0 (wenda_qa_item_get_question (old), wenda_qa_item_get_question (item)) != 0 ||
          g_strcmp0 (wenda_qa_item_get_answer (old), wenda_qa_item_get_answer (item)) != 0 ||
          g_strcmp0 (wenda_qa_item_get_explanation (old), wenda_qa_item_get_explanation (item)) != 0)
        changes->n_changed++;
      else
        changes->n_unchanged++;
    }

  /* Ids are unique in a bank: each match is another item of @current */
  changes->n_removed = n_current - MIN (n_matched, n_current);
}

/* Whether @object says it is a bank of a version this one reads; the
 * types are checked before json-glib is asked for the values. */
static gboolean
is_current_bank (JsonObject *object)
{
  JsonNode *format = json_object_get_member (object, "format");
  JsonNode *version = json_object_get_member (object, "version");

  return format != NULL && JSON_NODE_HOLDS_VALUE (format) &&
         json_node_get_value_type (format) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (format), "wenda-bank") == 0 &&
         version != NULL && JSON_NODE_HOLDS_VALUE (version) &&
         json_node_get_value_type (version) == G_TYPE_INT64 &&
         json_node_get_int (version) <= WENDA_BANK_FORMAT_VERSION;
}

/* Whether the file at @path, about to be replaced, is still a bank this
 * version reads: one that changed into something else meanwhile, or was
 * written by a later version, is kept as it is (see the top of this
 * file).  A file that is gone loses nothing. */
static gboolean
check_replaceable (const char  *path,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  const char *where = NULL;
  JsonObject *object = NULL;
  JsonNode *root;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error_literal (error, G_IO_ERROR,
                           g_io_error_from_file_error (local_error->code),
                           local_error->message);
      return FALSE;
    }

  /* json-glib leaks on some malformed input (see wenda-bank-loader.c) */
  if (wenda_json_check_shape (contents, length, WENDA_BANK_MAX_DEPTH, &where) ==
      WENDA_JSON_SHAPE_OK)
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, contents, length, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
        object = json_node_get_object (root);
    }

  if (object == NULL || !is_current_bank (object))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("“%s” is no longer a question bank this version of Wenda reads: "
                     "it is left as it is"), basename);
      return FALSE;
    }

  return TRUE;
}

/**
 * wenda_library_update:
 * @bank: an imported bank of the library
 * @update: its new version, the item ids made with @bank's id as prefix
 * @changes: (out caller-allocates) (optional): what the update changed
 *
 * Replaces the bank's file with @update, atomically, then gives @bank the
 * new WendaBank (and its title) and moves it to where it now sorts; the
 * library emits items-changed for it, as for a bank that changed.  The
 * bank keeps its id, so the study progress of every item whose id is in
 * both versions stays with it.  Refused, with nothing changed: the
 * bundled bank (%G_IO_ERROR_NOT_SUPPORTED), a bank with no items, ids
 * made for another bank, and a file that is no longer a bank this version
 * reads (%G_IO_ERROR_INVALID_DATA, the file left as it is).
 */
gboolean
wenda_library_update (WendaLibrary      *self,
                      WendaLibraryBank  *bank,
                      WendaBank         *update,
                      WendaBankChanges  *changes,
                      GError           **error)
{
  return wenda_library_update_full (self, bank, update, NULL, changes, error);
}

/**
 * wenda_library_update_full:
 * @media: (nullable) (element-type WendaMediaFile): the images of
 *   @update (wenda_import_report_get_media())
 *
 * wenda_library_update(), replacing the bank's images with @media (none,
 * when %NULL or empty).
 */
gboolean
wenda_library_update_full (WendaLibrary      *self,
                           WendaLibraryBank  *bank,
                           WendaBank         *update,
                           GPtrArray         *media,
                           WendaBankChanges  *changes,
                           GError           **error)
{
  g_autofree char *prefix = NULL;
  g_autofree char *json = NULL;
  g_autofree char *tmp = NULL;
  char *old = NULL;
  WendaBankChanges local_changes;
  guint old_index, new_index, n_items;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (bank), FALSE);
  g_return_val_if_fail (WENDA_IS_BANK (update), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_imported (self, bank, &old_index, error))
    return FALSE;

  /* The loader refuses a bank with no items: never write a file that
   * cannot be read back. */
  n_items = g_list_model_get_n_items (G_LIST_MODEL (update));
  if (n_items == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The bank has no questions"));
      return FALSE;
    }

  /* Ids of another prefix would lose every question's progress */
  prefix = g_strconcat (bank->id, "-", NULL);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (update), i);

      if (!g_str_has_prefix (wenda_qa_item_get_id (item), prefix))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The questions were not read for the bank “%s”"), bank->id);
          return FALSE;
        }
    }

  if (!check_replaceable (bank->path, error))
    return FALSE;

  /* See "Images" and "Writing" at the top of this file */
  if (media != NULL && media->len > 0)
    {
      tmp = copy_media (self, bank->id, media, error);
      if (tmp == NULL)
        return FALSE;
    }
  if (!swap_media (self, bank->id, tmp, &old, error))
    {
      if (tmp != NULL)
        remove_tree (tmp);
      return FALSE;
    }

  json = wenda_bank_to_json (update, NULL);
  if (!wenda_json_write_file (bank->path, json, -1, error))
    {
      undo_media (self, bank->id, tmp != NULL, old);
      return FALSE;
    }
  if (old != NULL)
    {
      remove_tree (old);
      g_free (old);
    }
  set_media_dir (self, bank->id, update);

  wenda_library_compare (bank->bank, update, changes != NULL ? changes : &local_changes);

  /* As a rename: in place first, then where it now sorts; the signal
   * covers the bank itself, whose content changed, whether it moves or
   * not (a GtkSingleSelection keeps an item removed and added again in
   * one signal). */
  wenda_library_bank_set_bank (bank, update);
  g_object_ref (bank);
  g_ptr_array_remove_index (self->banks, old_index);
  new_index = sorted_index (self, bank);
  g_ptr_array_insert (self->banks, new_index, bank);

  {
    guint first = MIN (old_index, new_index);
    guint n = MAX (old_index, new_index) - first + 1;

    wenda_library_items_changed (self, 1 + first, n, n);
  }

  return TRUE;
}

/**
 * wenda_library_remove:
 * @bank: an imported bank of the library
 *
 * Deletes the bank's file and takes it out of the library.  A file that is
 * already gone is no error.  The bundled bank cannot be removed
 * (%G_IO_ERROR_NOT_SUPPORTED).
 */
gboolean
wenda_library_remove (WendaLibrary      *self,
                      WendaLibraryBank  *bank,
                      GError           **error)
{
  guint index_;

  g_return_val_if_fail (WENDA_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (WENDA_IS_LIBRARY_BANK (bank), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!find_imported (self, bank, &index_, error))
    return FALSE;

  if (g_unlink (bank->path) != 0 && errno != ENOENT)
    {
      int errsv = errno;
      g_autofree char *display = g_filename_display_name (bank->path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not delete “%s”: %s"), display, g_strerror (errsv));
      return FALSE;
    }

  {
    g_autofree char *media = media_path (self, bank->id);

    remove_tree (media);
  }

  g_ptr_array_remove_index (self->banks, index_);
  wenda_library_items_changed (self, 1 + index_, 1, 0);

  return TRUE;
}

/**
 * wenda_library_lookup:
 *
 * Returns: (transfer none) (nullable): the bank whose id is @id
 */
WendaLibraryBank *
wenda_library_lookup (WendaLibrary *self,
                      const char   *id)
{
  g_return_val_if_fail (WENDA_IS_LIBRARY (self), NULL);

  if (id == NULL)
    return NULL;

  if (g_str_equal (id, self->bundled->id))
    return self->bundled;

  for (guint i = 0; i < self->banks->len; i++)
    {
      WendaLibraryBank *bank = g_ptr_array_index (self->banks, i);

      if (g_str_equal (bank->id, id))
        return bank;
    }

  return NULL;
}

/* }}} */
