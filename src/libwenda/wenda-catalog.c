/* wenda-catalog.c: a compiled gettext catalog (.mo), read into memory
 *
 * The content's English rendering lives in po/en.po like any translation,
 * but the app needs it whatever the process locale is: in bilingual mode
 * both languages are on screen at once, and glibc ignores LANGUAGE under
 * the C locale.  So the en catalog is read once into a hash table (about
 * 30 ns a lookup, see shared/I18N.md) instead of going through
 * dcgettext().  The UI strings still go through gettext and the locale.
 *
 * Format: GNU gettext's MO file, documented in the gettext manual
 * ("The Format of GNU MO Files").  Every offset is checked against the
 * file size before use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wenda-catalog.h"
#include "wenda-core-types.h"

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

struct _WendaCatalog
{
  GObject     parent_instance;

  GBytes     *bytes;      /* the file; keys and values point into it */
  GHashTable *entries;    /* msgid → msgstr, both borrowed from bytes */
  char       *language;
};

G_DEFINE_FINAL_TYPE (WendaCatalog, wenda_catalog, G_TYPE_OBJECT)

static void
wenda_catalog_finalize (GObject *object)
{
  WendaCatalog *self = (WendaCatalog *)object;

  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->language, g_free);

  G_OBJECT_CLASS (wenda_catalog_parent_class)->finalize (object);
}

static void
wenda_catalog_class_init (WendaCatalogClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenda_catalog_finalize;
}

static void
wenda_catalog_init (WendaCatalog *self)
{
  self->entries = g_hash_table_new (g_str_hash, g_str_equal);
}

static inline guint32
read_u32 (const guint8 *data,
          gsize         offset,
          gboolean      swapped)
{
  guint32 value;

  memcpy (&value, data + offset, sizeof value);
  return swapped ? GUINT32_SWAP_LE_BE (value) : value;
}

/* Reads descriptor @index of the table at @table: a (length, offset) pair
 * naming a NUL-terminated string inside the file. */
static const char *
read_string (const guint8 *data,
             gsize         size,
             guint32       table,
             guint32       index,
             gboolean      swapped,
             guint32      *length)
{
  guint64 descriptor = (guint64)table + (guint64)index * 8;
  guint32 len, offset;

  if (descriptor + 8 > size)
    return NULL;

  len = read_u32 (data, descriptor, swapped);
  offset = read_u32 (data, descriptor + 4, swapped);

  /* The string and its terminating NUL must be inside the file. */
  if ((guint64)offset + len + 1 > size || data[offset + len] != '\0')
    return NULL;

  *length = len;
  return (const char *)data + offset;
}

static gboolean
set_format_error (GError     **error,
                  const char  *filename,
                  const char  *what)
{
  g_set_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_SYNTAX,
               /* Translators: %s is a file name, then what is wrong with it */
               _("%s: not a valid gettext catalog: %s"), filename, what);
  return FALSE;
}

/**
 * wenda_catalog_new_from_bytes:
 * @bytes: the contents of a .mo file
 * @filename: the name to use in error messages
 *
 * Entries with an empty msgstr are left out (gettext falls back to the
 * msgid for them too), and so are the header and plural forms: content is
 * looked up by plain msgid.
 */
WendaCatalog *
wenda_catalog_new_from_bytes (GBytes      *bytes,
                              const char  *filename,
                              GError     **error)
{
  g_autoptr(WendaCatalog) self = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n_strings, originals, translations;
  gboolean swapped;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (filename == NULL)
    filename = "<catalog>";

  data = g_bytes_get_data (bytes, &size);
  if (size < 20)
    {
      set_format_error (error, filename, _("the file is too short"));
      return NULL;
    }

  magic = read_u32 (data, 0, FALSE);
  if (magic == MO_MAGIC)
    swapped = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swapped = TRUE;
  else
    {
      set_format_error (error, filename, _("wrong magic number"));
      return NULL;
    }

  if (read_u32 (data, 4, swapped) >> 16 > 1)
    {
      set_format_error (error, filename, _("unknown revision"));
      return NULL;
    }

  n_strings = read_u32 (data, 8, swapped);
  originals = read_u32 (data, 12, swapped);
  translations = read_u32 (data, 16, swapped);

  if ((guint64)originals + (guint64)n_strings * 8 > size ||
      (guint64)translations + (guint64)n_strings * 8 > size)
    {
      set_format_error (error, filename, _("string tables outside the file"));
      return NULL;
    }

  self = g_object_new (WENDA_TYPE_CATALOG, NULL);
  self->bytes = g_bytes_ref (bytes);

  for (guint32 i = 0; i < n_strings; i++)
    {
      const char *msgid, *msgstr;
      guint32 id_len, str_len;

      msgid = read_string (data, size, originals, i, swapped, &id_len);
      msgstr = read_string (data, size, translations, i, swapped, &str_len);

      if (msgid == NULL || msgstr == NULL)
        {
          set_format_error (error, filename, _("a string lies outside the file"));
          return NULL;
        }

      /* The header (empty msgid), plural entries (msgid_plural after a
       * NUL inside the length) and contexts are not content. */
      if (id_len == 0 || strlen (msgid) != id_len || strchr (msgid, '\004') != NULL)
        continue;
      if (str_len == 0)
        continue;
      if (!g_utf8_validate (msgid, id_len, NULL) || !g_utf8_validate (msgstr, str_len, NULL))
        {
          set_format_error (error, filename, _("a string is not UTF-8"));
          return NULL;
        }

      g_hash_table_insert (self->entries, (gpointer)msgid, (gpointer)msgstr);
    }

  return g_steal_pointer (&self);
}

WendaCatalog *
wenda_catalog_new_from_file (const char  *path,
                             GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (mapped);
  display = g_filename_display_name (path);

  return wenda_catalog_new_from_bytes (bytes, display, error);
}

/**
 * wenda_catalog_load_language:
 * @localedir: where the catalogs are installed (LOCALEDIR)
 * @domain: the gettext domain
 * @language: a language code, such as "en"
 *
 * Loads @localedir/@language/LC_MESSAGES/@domain.mo.
 */
WendaCatalog *
wenda_catalog_load_language (const char  *localedir,
                             const char  *domain,
                             const char  *language,
                             GError     **error)
{
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  WendaCatalog *self;

  g_return_val_if_fail (localedir != NULL, NULL);
  g_return_val_if_fail (domain != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  basename = g_strconcat (domain, ".mo", NULL);
  path = g_build_filename (localedir, language, "LC_MESSAGES", basename, NULL);

  self = wenda_catalog_new_from_file (path, error);
  if (self != NULL)
    self->language = g_strdup (language);

  return self;
}

/**
 * wenda_catalog_lookup:
 *
 * Returns: (nullable): the translation of @msgid, or %NULL if the catalog
 *   has none
 */
const char *
wenda_catalog_lookup (WendaCatalog *self,
                      const char   *msgid)
{
  g_return_val_if_fail (WENDA_IS_CATALOG (self), NULL);
  g_return_val_if_fail (msgid != NULL, NULL);

  return g_hash_table_lookup (self->entries, msgid);
}

guint
wenda_catalog_get_n_entries (WendaCatalog *self)
{
  g_return_val_if_fail (WENDA_IS_CATALOG (self), 0);

  return g_hash_table_size (self->entries);
}

const char *
wenda_catalog_get_language (WendaCatalog *self)
{
  g_return_val_if_fail (WENDA_IS_CATALOG (self), NULL);

  return self->language;
}
