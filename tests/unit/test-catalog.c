/* test-catalog.c: WendaCatalog, the gettext catalog read into memory, and
 * the English rendering it gives a bank
 *
 * The fixture catalogs are fixtures/catalog-sample.po compiled by msgfmt
 * at build time, once in each byte order, into G_TEST_BUILDDIR.  The
 * corrupt catalogs are made here, byte by byte.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank.h"
#include "wenda-catalog.h"

#include "test-util.h"

/* The entries of fixtures/catalog-sample.po that msgfmt keeps and the
 * catalog reads: neither the header, nor the untranslated and fuzzy
 * entries, nor the plural and context ones. */
#define SAMPLE_N_ENTRIES 8

/* Helpers {{{ */

static char *
sample_mo_path (const char *endianness)
{
  g_autofree char *name = g_strdup_printf ("catalog-sample-%s.mo", endianness);

  return g_test_build_filename (G_TEST_BUILT, name, NULL);
}

static WendaCatalog *
load_sample (const char *endianness)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_mo_path (endianness);
  WendaCatalog *catalog;

  catalog = wenda_catalog_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  return catalog;
}

static const char *
localedir (void)
{
  const char *dir = g_getenv ("WENDA_LOCALEDIR");

  /* Set by the test environment, to catalogs compiled from po/ */
  g_assert_nonnull (dir);
  return dir;
}

static WendaCatalog *
load_english (void)
{
  g_autoptr(GError) error = NULL;
  WendaCatalog *catalog;

  catalog = wenda_catalog_load_language (localedir (), "wenda", "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  return catalog;
}

/* A copy of @data that owns exactly @size bytes, so that the sanitizers
 * see a read past the end. */
static GBytes *
exact_bytes (const guint8 *data,
             gsize         size)
{
  return g_bytes_new (data, size);
}

/* Asserts that reading failed with a format error that names @filename
 * and says @what. */
static void
assert_format_error (WendaCatalog *catalog,
                     const GError *error,
                     const char   *filename,
                     const char   *what)
{
  g_autofree char *prefix = g_strdup_printf ("%s: ", filename);

  g_assert_null (catalog);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_SYNTAX);

  if (!g_str_has_prefix (error->message, prefix))
    g_error ("“%s” does not start with “%s”", error->message, prefix);
  if (what != NULL && strstr (error->message, what) == NULL)
    g_error ("“%s” does not say “%s”", error->message, what);
}

/* }}} */

/* A minimal reader of .po files {{{ */

/* Enough of the PO format for po/en.po: comments, flags, msgctxt,
 * msgid, msgid_plural, msgstr and msgstr[N], strings over several lines.
 * It shares no code with msgfmt or the catalog, so it checks both. */
typedef struct
{
  char     *msgctxt;
  char     *msgid;
  char     *msgid_plural;
  char     *msgstr;       /* msgstr, or msgstr[0] */
  gboolean  fuzzy;
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->msgctxt);
  g_free (entry->msgid);
  g_free (entry->msgid_plural);
  g_free (entry->msgstr);
  g_free (entry);
}

/* Appends the C string literal on @line (quotes included) to *@field. */
static void
po_append (char       **field,
           const char  *line)
{
  const char *open = strchr (line, '"');
  const char *close = strrchr (line, '"');
  g_autofree char *inner = NULL;
  g_autofree char *unescaped = NULL;
  char *joined;

  g_assert_nonnull (open);
  g_assert_true (close > open);

  inner = g_strndup (open + 1, close - open - 1);
  unescaped = g_strcompress (inner);
  joined = g_strconcat (*field != NULL ? *field : "", unescaped, NULL);
  g_free (*field);
  *field = joined;
}

static GPtrArray *
po_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *other_form = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify)po_entry_free);
  PoEntry *entry = NULL;
  char **target = NULL;     /* the string that continuation lines extend */
  gboolean fuzzy = FALSE;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '"')
        {
          g_assert_nonnull (target);
          po_append (target, line);
          continue;
        }

      target = NULL;

      /* An obsolete entry ("#~") is a comment here, as in msgfmt. */
      if (g_str_has_prefix (line, "#,"))
        fuzzy = fuzzy || strstr (line, "fuzzy") != NULL;
      if (line[0] == '#' || line[0] == '\0')
        continue;

      /* msgctxt starts an entry; so does msgid, unless it follows one. */
      if (g_str_has_prefix (line, "msgctxt ") ||
          (g_str_has_prefix (line, "msgid ") &&
           (entry == NULL || entry->msgid != NULL || entry->msgctxt == NULL)))
        {
          entry = g_new0 (PoEntry, 1);
          entry->fuzzy = fuzzy;
          fuzzy = FALSE;
          g_ptr_array_add (entries, entry);
        }

      if (entry == NULL)
        g_error ("%s:%u: “%s” outside an entry", path, i + 1, line);

      if (g_str_has_prefix (line, "msgctxt "))
        target = &entry->msgctxt;
      else if (g_str_has_prefix (line, "msgid "))
        target = &entry->msgid;
      else if (g_str_has_prefix (line, "msgid_plural "))
        target = &entry->msgid_plural;
      else if (g_str_has_prefix (line, "msgstr ") || g_str_has_prefix (line, "msgstr[0] "))
        target = &entry->msgstr;
      else if (g_str_has_prefix (line, "msgstr["))
        target = &other_form;
      else
        g_error ("%s:%u: cannot read “%s”", path, i + 1, line);

      po_append (target, line);
    }

  return entries;
}

/* The msgstr of the entry with no context whose msgid is @msgid. */
static const char *
po_lookup (GPtrArray  *entries,
           const char *msgid)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PoEntry *entry = g_ptr_array_index (entries, i);

      if (entry->msgctxt == NULL && g_strcmp0 (entry->msgid, msgid) == 0)
        return entry->msgstr;
    }

  return NULL;
}

static GPtrArray *
read_english_po (void)
{
  g_autofree char *path = NULL;

  path = g_test_build_filename (G_TEST_DIST, "..", "po", "en.po", NULL);

  return po_read (path);
}

/* }}} */

/* Crafted catalogs {{{ */

/* An entry of a crafted catalog.  A length of -1 is strlen(); plural
 * forms give theirs, NULs between the forms included. */
typedef struct
{
  const char *msgid;
  gssize      msgid_len;
  const char *msgstr;
  gssize      msgstr_len;
} MoEntry;

#define MO_HEADER_SIZE 28

static const MoEntry crafted_entries[] = {
  { "", -1, "Content-Type: text/plain; charset=UTF-8\n", -1 },
  { "预训练", -1, "Pre-training", -1 },
  { "微调", -1, "Fine-tuning", -1 },
  { "未翻译", -1, "", -1 },
  { "一个模型\0多个模型", 25, "one model\0several models", 24 },
  { "菜单\004打开", -1, "Open", -1 },
};

/* The entry that the corruptions below damage, and how many entries of
 * crafted_entries the catalog reads. */
#define CRAFTED_VICTIM    1
#define CRAFTED_N_ENTRIES 2

static void
put_u32 (GByteArray *mo,
         gsize       offset,
         guint32     value,
         gboolean    big_endian)
{
  value = big_endian ? GUINT32_TO_BE (value) : GUINT32_TO_LE (value);

  g_assert_cmpuint (offset + 4, <=, mo->len);
  memcpy (mo->data + offset, &value, 4);
}

static guint32
get_u32 (GByteArray *mo,
         gsize       offset,
         gboolean    big_endian)
{
  guint32 value;

  g_assert_cmpuint (offset + 4, <=, mo->len);
  memcpy (&value, mo->data + offset, 4);

  return big_endian ? GUINT32_FROM_BE (value) : GUINT32_FROM_LE (value);
}

static gsize
entry_length (const char *s,
              gssize      len)
{
  return len < 0 ? strlen (s) : (gsize)len;
}

/* A catalog laid out as msgfmt does, without the hash table: the header,
 * the table of msgids, the table of msgstrs, then the strings. */
static GByteArray *
build_mo (const MoEntry *entries,
          guint          n_entries,
          gboolean       big_endian)
{
  GByteArray *mo = g_byte_array_new ();
  guint32 originals = MO_HEADER_SIZE;
  guint32 translations = originals + 8 * n_entries;
  guint32 strings = translations + 8 * n_entries;

  g_byte_array_set_size (mo, strings);
  memset (mo->data, 0, mo->len);

  put_u32 (mo, 0, 0x950412de, big_endian);
  put_u32 (mo, 4, 0, big_endian);
  put_u32 (mo, 8, n_entries, big_endian);
  put_u32 (mo, 12, originals, big_endian);
  put_u32 (mo, 16, translations, big_endian);
  put_u32 (mo, 20, 0, big_endian);
  put_u32 (mo, 24, strings, big_endian);

  for (guint pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n_entries; i++)
        {
          const char *s = pass == 0 ? entries[i].msgid : entries[i].msgstr;
          gsize len = entry_length (s, pass == 0 ? entries[i].msgid_len : entries[i].msgstr_len);
          gsize descriptor = (pass == 0 ? originals : translations) + 8 * i;

          put_u32 (mo, descriptor, len, big_endian);
          put_u32 (mo, descriptor + 4, mo->len, big_endian);
          g_byte_array_append (mo, (const guint8 *)s, len);
          g_byte_array_append (mo, (const guint8 *)"", 1);
        }
    }

  return mo;
}

static GByteArray *
build_crafted (gboolean big_endian)
{
  return build_mo (crafted_entries, G_N_ELEMENTS (crafted_entries), big_endian);
}

static WendaCatalog *
catalog_from_array (GByteArray  *mo,
                    const char  *filename,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = exact_bytes (mo->data, mo->len);

  return wenda_catalog_new_from_bytes (bytes, filename, error);
}

/* Descriptor offsets of the victim entry. */
static gsize
victim_msgid (GByteArray *mo,
              gboolean    big_endian)
{
  return get_u32 (mo, 12, big_endian) + 8 * CRAFTED_VICTIM;
}

static gsize
victim_msgstr (GByteArray *mo,
               gboolean    big_endian)
{
  return get_u32 (mo, 16, big_endian) + 8 * CRAFTED_VICTIM;
}

static void
corrupt_empty (GByteArray *mo,
               gboolean    big_endian)
{
  g_byte_array_set_size (mo, 0);
}

static void
corrupt_too_short (GByteArray *mo,
                   gboolean    big_endian)
{
  g_byte_array_set_size (mo, 19);
}

static void
corrupt_header_only (GByteArray *mo,
                     gboolean    big_endian)
{
  g_byte_array_set_size (mo, MO_HEADER_SIZE);
}

static void
corrupt_magic (GByteArray *mo,
               gboolean    big_endian)
{
  put_u32 (mo, 0, 0x950412df, big_endian);
}

static void
corrupt_revision (GByteArray *mo,
                  gboolean    big_endian)
{
  put_u32 (mo, 4, 2 << 16, big_endian);
}

static void
corrupt_originals_offset (GByteArray *mo,
                          gboolean    big_endian)
{
  put_u32 (mo, 12, mo->len, big_endian);
}

static void
corrupt_translations_offset (GByteArray *mo,
                             gboolean    big_endian)
{
  /* The table starts inside the file, but ends outside it. */
  put_u32 (mo, 16, mo->len - 4, big_endian);
}

static void
corrupt_originals_wrap (GByteArray *mo,
                        gboolean    big_endian)
{
  /* The table would end past 2^32: at the start, in 32 bits. */
  put_u32 (mo, 12, G_MAXUINT32 - 7, big_endian);
}

static void
corrupt_translations_wrap (GByteArray *mo,
                           gboolean    big_endian)
{
  put_u32 (mo, 16, G_MAXUINT32 - 7, big_endian);
}

static void
corrupt_n_strings (GByteArray *mo,
                   gboolean    big_endian)
{
  /* n_strings * 8 is 2^32: zero, if it were computed in 32 bits. */
  put_u32 (mo, 8, 0x20000000, big_endian);
}

static void
corrupt_string_offset (GByteArray *mo,
                       gboolean    big_endian)
{
  put_u32 (mo, victim_msgstr (mo, big_endian) + 4, mo->len + 16, big_endian);
}

static void
corrupt_string_length (GByteArray *mo,
                       gboolean    big_endian)
{
  /* From a valid offset, the string runs past the end. */
  put_u32 (mo, victim_msgid (mo, big_endian), mo->len, big_endian);
}

static void
corrupt_string_length_wraps (GByteArray *mo,
                             gboolean    big_endian)
{
  /* offset + length + 1 is the offset itself, in 32 bits. */
  put_u32 (mo, victim_msgstr (mo, big_endian), G_MAXUINT32, big_endian);
}

static void
corrupt_descriptor_outside (GByteArray *mo,
                            gboolean    big_endian)
{
  /* The tables fit, but the strings they name are cut off the end; the
   * last descriptor is the last msgstr, whose string ends the file. */
  g_byte_array_set_size (mo, mo->len - 1);
}

static void
corrupt_missing_nul (GByteArray *mo,
                     gboolean    big_endian)
{
  gsize descriptor = victim_msgstr (mo, big_endian);
  guint32 len = get_u32 (mo, descriptor, big_endian);
  guint32 offset = get_u32 (mo, descriptor + 4, big_endian);

  g_assert_cmpuint (mo->data[offset + len], ==, '\0');
  mo->data[offset + len] = 'x';
}

static void
corrupt_msgstr_utf8 (GByteArray *mo,
                     gboolean    big_endian)
{
  guint32 offset = get_u32 (mo, victim_msgstr (mo, big_endian) + 4, big_endian);

  mo->data[offset] = 0xff;
}

static void
corrupt_msgid_utf8 (GByteArray *mo,
                    gboolean    big_endian)
{
  guint32 offset = get_u32 (mo, victim_msgid (mo, big_endian) + 4, big_endian);

  /* A lead byte with no continuation after it */
  mo->data[offset + 1] = 'a';
}

typedef struct
{
  const char *name;
  void      (*corrupt) (GByteArray *mo,
                        gboolean    big_endian);
  const char *what;     /* a part of the reason that the message gives */
} CorruptCase;

static const CorruptCase corrupt_cases[] = {
  { "empty", corrupt_empty, "too short" },
  { "too-short", corrupt_too_short, "too short" },
  { "header-only", corrupt_header_only, "tables outside the file" },
  { "wrong-magic", corrupt_magic, "magic" },
  { "unknown-revision", corrupt_revision, "revision" },
  { "originals-outside", corrupt_originals_offset, "tables outside the file" },
  { "translations-outside", corrupt_translations_offset, "tables outside the file" },
  { "originals-wrap", corrupt_originals_wrap, "tables outside the file" },
  { "translations-wrap", corrupt_translations_wrap, "tables outside the file" },
  { "too-many-strings", corrupt_n_strings, "tables outside the file" },
  { "string-outside", corrupt_string_offset, "lies outside the file" },
  { "string-too-long", corrupt_string_length, "lies outside the file" },
  { "string-length-wraps", corrupt_string_length_wraps, "lies outside the file" },
  { "last-string-cut", corrupt_descriptor_outside, "lies outside the file" },
  { "missing-nul", corrupt_missing_nul, "lies outside the file" },
  { "msgstr-not-utf8", corrupt_msgstr_utf8, "not UTF-8" },
  { "msgid-not-utf8", corrupt_msgid_utf8, "not UTF-8" },
};

typedef struct
{
  const CorruptCase *c;
  gboolean           big_endian;
} CorruptTest;

static void
test_catalog_corrupt (gconstpointer data)
{
  const CorruptTest *t = data;
  g_autoptr(GByteArray) mo = build_crafted (t->big_endian);
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;

  /* The file name is the case's, with some non-ASCII to carry through */
  filename = g_strdup_printf ("目录-%s.mo", t->c->name);

  t->c->corrupt (mo, t->big_endian);
  catalog = catalog_from_array (mo, filename, &error);
  assert_format_error (catalog, error, filename, t->c->what);
}

/* }}} */

/* Reading {{{ */

static void
check_sample (WendaCatalog *catalog)
{
  g_assert_cmpuint (wenda_catalog_get_n_entries (catalog), ==, SAMPLE_N_ENTRIES);

  g_assert_cmpstr (wenda_catalog_lookup (catalog, "预训练"), ==, "Pre-training");
  g_assert_cmpstr (wenda_catalog_lookup (catalog, "测试题库"), ==, "Test Bank");
  g_assert_cmpstr (wenda_catalog_lookup (catalog, "它可以避免梯度爆炸。"), ==,
                   "It avoids exploding gradients.");

  /* Only the whole msgid matches */
  g_assert_null (wenda_catalog_lookup (catalog, "预训"));
  g_assert_null (wenda_catalog_lookup (catalog, "预训练 "));
  g_assert_null (wenda_catalog_lookup (catalog, "Pre-training"));

  /* msgfmt leaves out the untranslated and the fuzzy entries */
  g_assert_null (wenda_catalog_lookup (catalog, "未翻译的条目"));
  g_assert_null (wenda_catalog_lookup (catalog, "模糊的条目"));

  /* Plural forms and contexts are not content */
  g_assert_null (wenda_catalog_lookup (catalog, "一个模型"));
  g_assert_null (wenda_catalog_lookup (catalog, "多个模型"));
  g_assert_null (wenda_catalog_lookup (catalog, "打开"));
  g_assert_null (wenda_catalog_lookup (catalog, "菜单\004打开"));

  /* Nor is the header */
  g_assert_null (wenda_catalog_lookup (catalog, ""));

  /* A catalog made from a file has no language */
  g_assert_null (wenda_catalog_get_language (catalog));
}

static void
test_catalog_sample (gconstpointer data)
{
  const char *endianness = data;
  g_autoptr(WendaCatalog) catalog = load_sample (endianness);

  check_sample (catalog);
}

static void
test_catalog_byte_orders (void)
{
  g_autoptr(WendaCatalog) little = load_sample ("little");
  g_autoptr(WendaCatalog) big = load_sample ("big");
  g_autofree char *little_path = sample_mo_path ("little");
  g_autofree char *big_path = sample_mo_path ("big");
  g_autofree char *little_data = NULL;
  g_autofree char *big_data = NULL;
  g_autoptr(GError) error = NULL;
  gsize little_size, big_size;

  /* The two files differ (so this checks something), but read the same */
  g_file_get_contents (little_path, &little_data, &little_size, &error);
  g_assert_no_error (error);
  g_file_get_contents (big_path, &big_data, &big_size, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (little_size, ==, big_size);
  g_assert_cmpmem (little_data, 4, "\xde\x12\x04\x95", 4);
  g_assert_cmpmem (big_data, 4, "\x95\x04\x12\xde", 4);

  g_assert_cmpuint (wenda_catalog_get_n_entries (little), ==, wenda_catalog_get_n_entries (big));

  /* Every msgid of one is in the other, with the same msgstr */
  {
    g_autoptr(GPtrArray) entries = NULL;
    g_autofree char *po = unit_fixture_path ("catalog-sample.po");
    guint n_found = 0;

    entries = po_read (po);
    for (guint i = 0; i < entries->len; i++)
      {
        PoEntry *entry = g_ptr_array_index (entries, i);
        const char *msgstr = wenda_catalog_lookup (little, entry->msgid);

        g_assert_cmpstr (wenda_catalog_lookup (big, entry->msgid), ==, msgstr);
        if (msgstr != NULL)
          {
            g_assert_cmpstr (msgstr, ==, entry->msgstr);
            n_found++;
          }
      }

    g_assert_cmpuint (n_found, ==, SAMPLE_N_ENTRIES);
  }
}

static void
test_catalog_crafted (gconstpointer data)
{
  gboolean big_endian = GPOINTER_TO_INT (data);
  g_autoptr(GByteArray) mo = build_crafted (big_endian);
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  /* The valid catalog that the corruptions start from */
  catalog = catalog_from_array (mo, "crafted.mo", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);

  g_assert_cmpuint (wenda_catalog_get_n_entries (catalog), ==, CRAFTED_N_ENTRIES);
  g_assert_cmpstr (wenda_catalog_lookup (catalog, "预训练"), ==, "Pre-training");
  g_assert_cmpstr (wenda_catalog_lookup (catalog, "微调"), ==, "Fine-tuning");

  /* An empty msgstr is no translation, as with gettext */
  g_assert_null (wenda_catalog_lookup (catalog, "未翻译"));
  g_assert_null (wenda_catalog_lookup (catalog, "一个模型"));
  g_assert_null (wenda_catalog_lookup (catalog, "菜单\004打开"));
  g_assert_null (wenda_catalog_lookup (catalog, "打开"));
  g_assert_null (wenda_catalog_lookup (catalog, ""));
}

static void
test_catalog_no_filename (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("not a catalog at all", 20);
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = wenda_catalog_new_from_bytes (bytes, NULL, &error);
  assert_format_error (catalog, error, "<catalog>", "magic");
}

/* Every shorter copy of @path fails, and none crashes; @step > 1 tries
 * the lengths around the header and then every @step bytes. */
static void
check_truncations (const char *path,
                   gsize       step)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *filename = NULL;
  g_autoptr(WendaCatalog) whole = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  guint n_tried = 0;

  g_file_get_contents (path, &contents, &size, &error);
  g_assert_no_error (error);

  bytes = exact_bytes ((const guint8 *)contents, size);
  whole = wenda_catalog_new_from_bytes (bytes, "whole.mo", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (wenda_catalog_get_n_entries (whole), >, 0);

  filename = g_path_get_basename (path);

  for (gsize len = 0; len < size; len = len < 64 ? len + 1 : len + step)
    {
      g_autoptr(GBytes) cut = exact_bytes ((const guint8 *)contents, len);
      g_autoptr(WendaCatalog) catalog = NULL;
      g_autoptr(GError) cut_error = NULL;

      /* The last string ends the file: any cut loses its NUL at least */
      catalog = wenda_catalog_new_from_bytes (cut, filename, &cut_error);
      assert_format_error (catalog, cut_error, filename, NULL);
      n_tried++;
    }

  /* And the last byte alone */
  {
    g_autoptr(GBytes) cut = exact_bytes ((const guint8 *)contents, size - 1);
    g_autoptr(WendaCatalog) catalog = NULL;

    catalog = wenda_catalog_new_from_bytes (cut, filename, &error);
    assert_format_error (catalog, error, filename, "outside the file");
  }

  g_assert_cmpuint (n_tried, >=, 64);
}

static void
test_catalog_truncated (void)
{
  g_autofree char *little = sample_mo_path ("little");
  g_autofree char *big = sample_mo_path ("big");
  g_autofree char *english = NULL;

  check_truncations (little, 1);
  check_truncations (big, 1);

  english = g_build_filename (localedir (), "en", "LC_MESSAGES", "wenda.mo", NULL);
  check_truncations (english, 97);
}

static void
test_catalog_from_file_errors (void)
{
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *po = unit_fixture_path ("catalog-sample.po");
  g_autofree char *display = g_filename_display_name (po);
  g_autofree char *missing = unit_fixture_path ("catalog-missing.mo");

  /* A file that is not a catalog: the error names it as given */
  catalog = wenda_catalog_new_from_file (po, &error);
  assert_format_error (catalog, error, display, "magic");
  g_clear_error (&error);

  catalog = wenda_catalog_new_from_file (missing, &error);
  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

static void
test_catalog_load_language (void)
{
  g_autoptr(WendaCatalog) catalog = NULL;
  g_autoptr(GError) error = NULL;

  catalog = wenda_catalog_load_language (localedir (), "wenda", "xx", &error);
  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  catalog = wenda_catalog_load_language (localedir (), "no-such-domain", "en", &error);
  g_assert_null (catalog);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  catalog = wenda_catalog_load_language (localedir (), "wenda", "en", &error);
  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  g_assert_cmpstr (wenda_catalog_get_language (catalog), ==, "en");
}

/* }}} */

/* The English catalog {{{ */

/* The compiled po/en.po holds every entry of po/en.po that has a plain
 * msgid and a translation, and nothing else. */
static void
test_catalog_english_entries (void)
{
  g_autoptr(WendaCatalog) catalog = load_english ();
  g_autoptr(GPtrArray) entries = read_english_po ();
  guint n_plain = 0, n_other = 0;

  for (guint i = 0; i < entries->len; i++)
    {
      PoEntry *entry = g_ptr_array_index (entries, i);
      const char *found = wenda_catalog_lookup (catalog, entry->msgid);

      g_assert_nonnull (entry->msgid);
      g_assert_nonnull (entry->msgstr);

      if (entry->msgid[0] == '\0' || entry->msgctxt != NULL || entry->msgid_plural != NULL)
        {
          /* What is left of them has no plain msgid */
          if (entry->msgctxt == NULL && entry->msgid[0] != '\0')
            g_assert_null (found);
          n_other++;
        }
      else if (entry->msgstr[0] == '\0' || entry->fuzzy)
        {
          g_assert_null (found);
        }
      else
        {
          g_assert_cmpstr (found, ==, entry->msgstr);
          n_plain++;
        }
    }

  /* The content is translated (english/bank checks all of it); the UI
   * strings, whose msgids are English, are not */
  g_assert_cmpuint (n_plain, >, 0);
  g_assert_cmpuint (n_other, >, 1);
  g_assert_cmpuint (wenda_catalog_get_n_entries (catalog), ==, n_plain);
}

static void
test_catalog_english_bank (void)
{
  g_autoptr(WendaCatalog) catalog = load_english ();
  g_autoptr(WendaBank) bank = unit_load_bundled ();
  g_autoptr(GPtrArray) entries = read_english_po ();
  static const char question_16[] = "什么是图神经网络（Graph Neural Network）？";
  const char *expected_16;
  WendaQaItem *item, *twin;
  guint n_items;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  g_assert_cmpuint (n_items, ==, 30);

  g_assert_false (wenda_bank_has_translation (bank));
  g_assert_cmpuint (wenda_bank_apply_catalog (bank, catalog), ==, n_items);
  g_assert_true (wenda_bank_has_translation (bank));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) each = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_assert_true (wenda_qa_item_has_translation (each));

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          const char *zh = wenda_qa_item_get_text (each, f, WENDA_LANGUAGE_ZH);
          const char *en = wenda_qa_item_get_text (each, f, WENDA_LANGUAGE_EN);

          /* Every field of the bundled bank has text, in both languages */
          g_assert_cmpstr (zh, !=, "");
          g_assert_cmpstr (en, !=, "");
          g_assert_cmpstr (en, !=, zh);
          g_assert_true (g_utf8_validate (en, -1, NULL));
        }
    }

  /* Item 16's question, as po/en.po renders it */
  expected_16 = po_lookup (entries, question_16);
  g_assert_nonnull (expected_16);
  g_assert_cmpstr (expected_16, !=, "");

  item = wenda_bank_lookup_number (bank, 16);
  g_assert_nonnull (item);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question_16);
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_ZH), ==,
                   question_16);
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN), ==,
                   expected_16);

  /* Items 12 and 30 are the same item, so they read the same */
  item = wenda_bank_lookup_number (bank, 12);
  twin = wenda_bank_lookup_number (bank, 30);
  g_assert_nonnull (item);
  g_assert_nonnull (twin);
  for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
    {
      g_assert_cmpstr (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH), ==,
                       wenda_qa_item_get_text (twin, f, WENDA_LANGUAGE_ZH));
      g_assert_cmpstr (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_EN), ==,
                       wenda_qa_item_get_text (twin, f, WENDA_LANGUAGE_EN));
    }
}

/* }}} */

/* Falling back to Chinese {{{ */

static WendaBank *
make_fallback_bank (const char *title)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* The second paragraph of the answer is not in the catalog */
  g_ptr_array_add (items, wenda_qa_item_new ("f-1", 1,
                                             "什么是微调？",
                                             "微调是在小规模数据集上调整模型权重。\n\n"
                                             "微调通常使用监督学习方法。",
                                             NULL));
  /* Every paragraph is */
  g_ptr_array_add (items, wenda_qa_item_new ("f-2", 2,
                                             "什么是梯度裁剪？",
                                             "梯度裁剪限制梯度的大小。\n\n它可以避免梯度爆炸。",
                                             "预训练"));
  /* Only the explanation is: the rest is untranslated or fuzzy */
  g_ptr_array_add (items, wenda_qa_item_new ("f-3", 3,
                                             "模糊的条目",
                                             "未翻译的条目",
                                             "预训练"));

  return wenda_bank_new (title, items);
}

static void
test_catalog_fallback (void)
{
  g_autoptr(WendaCatalog) catalog = load_sample ("little");
  g_autoptr(WendaBank) bank = make_fallback_bank ("测试题库");
  WendaQaItem *item;

  /* With no catalog, English is Chinese */
  g_assert_false (wenda_bank_has_translation (bank));
  g_assert_cmpstr (wenda_bank_get_title_in (bank, WENDA_LANGUAGE_EN), ==, "测试题库");
  item = wenda_bank_lookup_number (bank, 2);
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN), ==,
                   "梯度裁剪限制梯度的大小。\n\n它可以避免梯度爆炸。");
  g_assert_false (wenda_qa_item_has_translation (item));

  /* Only item 2 is complete */
  g_assert_cmpuint (wenda_bank_apply_catalog (bank, catalog), ==, 1);
  g_assert_true (wenda_bank_has_translation (bank));

  g_assert_cmpstr (wenda_bank_get_title_in (bank, WENDA_LANGUAGE_EN), ==, "Test Bank");
  g_assert_cmpstr (wenda_bank_get_title_in (bank, WENDA_LANGUAGE_ZH), ==, "测试题库");
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "测试题库");

  item = wenda_bank_lookup_number (bank, 1);
  g_assert_false (wenda_qa_item_has_translation (item));
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN), ==,
                   "What is fine-tuning?");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN), ==,
                   "Fine-tuning adjusts the weights of a model on a small data set.\n\n"
                   "微调通常使用监督学习方法。");
  /* The Chinese is untouched */
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_ZH), ==,
                   "微调是在小规模数据集上调整模型权重。\n\n微调通常使用监督学习方法。");
  /* An absent field stays empty in both languages */
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_ZH), ==, "");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_EN), ==, "");

  item = wenda_bank_lookup_number (bank, 2);
  g_assert_true (wenda_qa_item_has_translation (item));
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN), ==,
                   "What is gradient clipping?");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN), ==,
                   "Gradient clipping limits the size of the gradients.\n\n"
                   "It avoids exploding gradients.");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_EN), ==,
                   "Pre-training");

  /* Untranslated and fuzzy entries fall back to the Chinese, never to "" */
  item = wenda_bank_lookup_number (bank, 3);
  g_assert_false (wenda_qa_item_has_translation (item));
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN), ==,
                   "模糊的条目");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN), ==,
                   "未翻译的条目");
  g_assert_cmpstr (wenda_qa_item_get_text (item, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_EN), ==,
                   "Pre-training");
}

static void
test_catalog_title_fallback (void)
{
  g_autoptr(WendaCatalog) catalog = load_sample ("little");
  g_autoptr(WendaBank) untitled = make_fallback_bank (NULL);
  g_autoptr(WendaBank) unknown = make_fallback_bank ("没有译名的题库");

  /* A title the catalog lacks stays in Chinese; no title stays empty */
  g_assert_cmpuint (wenda_bank_apply_catalog (unknown, catalog), ==, 1);
  g_assert_cmpstr (wenda_bank_get_title_in (unknown, WENDA_LANGUAGE_EN), ==, "没有译名的题库");

  g_assert_cmpuint (wenda_bank_apply_catalog (untitled, catalog), ==, 1);
  g_assert_cmpstr (wenda_bank_get_title_in (untitled, WENDA_LANGUAGE_EN), ==, "");
  g_assert_cmpstr (wenda_bank_get_title_in (untitled, WENDA_LANGUAGE_ZH), ==, "");
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  static CorruptTest corrupt_tests[2][G_N_ELEMENTS (corrupt_cases)];

  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/Wenda/Catalog/sample/little-endian", "little", test_catalog_sample);
  g_test_add_data_func ("/Wenda/Catalog/sample/big-endian", "big", test_catalog_sample);
  g_test_add_func ("/Wenda/Catalog/byte-orders", test_catalog_byte_orders);
  g_test_add_data_func ("/Wenda/Catalog/crafted/little-endian", GINT_TO_POINTER (FALSE),
                        test_catalog_crafted);
  g_test_add_data_func ("/Wenda/Catalog/crafted/big-endian", GINT_TO_POINTER (TRUE),
                        test_catalog_crafted);

  for (guint order = 0; order < 2; order++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (corrupt_cases); i++)
        {
          g_autofree char *path = NULL;

          corrupt_tests[order][i].c = &corrupt_cases[i];
          corrupt_tests[order][i].big_endian = order == 1;
          path = g_strdup_printf ("/Wenda/Catalog/corrupt/%s/%s",
                                  order == 1 ? "big-endian" : "little-endian",
                                  corrupt_cases[i].name);
          g_test_add_data_func (path, &corrupt_tests[order][i], test_catalog_corrupt);
        }
    }

  g_test_add_func ("/Wenda/Catalog/corrupt/no-filename", test_catalog_no_filename);
  g_test_add_func ("/Wenda/Catalog/truncated", test_catalog_truncated);
  g_test_add_func ("/Wenda/Catalog/from-file-errors", test_catalog_from_file_errors);
  g_test_add_func ("/Wenda/Catalog/load-language", test_catalog_load_language);
  g_test_add_func ("/Wenda/Catalog/english/entries", test_catalog_english_entries);
  g_test_add_func ("/Wenda/Catalog/english/bank", test_catalog_english_bank);
  g_test_add_func ("/Wenda/Catalog/fallback/paragraphs", test_catalog_fallback);
  g_test_add_func ("/Wenda/Catalog/fallback/title", test_catalog_title_fallback);

  return g_test_run ();
}
