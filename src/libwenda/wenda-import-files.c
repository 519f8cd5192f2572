/* wenda-import-files.c: a bank from a file, a folder of chapter files or
 * several files, with the images they refer to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Most of the field's banks are repositories of chapter files, one
 * Markdown file per chapter, with the images in a folder beside them.
 * wenda_import_files() reads them as one bank:
 *
 *   - A folder is searched for Markdown files (.md, .markdown), in its
 *     subfolders too, skipping hidden ones and symbolic links.  The files
 *     are read in name order, as a file manager sorts them ("2-…" before
 *     "10-…"), each with wenda_import_parse_full() and the same options.
 *   - Each file is a section of the bank, named by the file's title (its
 *     only top heading before the questions) or else by its name, and the
 *     file's own sections go inside it.  A file with no question (a
 *     README that only lists the chapters) is left out, with a line in
 *     the report; the import fails only when no file has a question.
 *   - Ids are "PREFIX-FILE-N", FILE a slug of the file's name (or a hash
 *     of its path), so that each file's numbers are its own and the same
 *     files give the same ids again.
 *   - A single file is read as wenda_import_parse_full() reads it, with
 *     ids "PREFIX-N".
 *
 * Then the images (wenda-media.h): each one a file refers to by a
 * relative path is checked, and the report lists those to be copied
 * (wenda_import_report_get_media()).  A refused or missing image is a
 * warning of its file and line; the question keeps its text.  A file
 * opened through the document portal (the Flatpak's file chooser) comes
 * alone, with no access to the files beside it: when its images cannot
 * be found, wenda_import_report_get_needs_folder() says so, for the
 * preview to offer its folder.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "wenda-bank-private.h"
#include "wenda-import-private.h"
#include "wenda-md-blocks-private.h"
#include "wenda-section-private.h"

/* A folder import reads at most this many files, this deep */
#define MAX_FILES 2000
#define MAX_DEPTH 8

/* A file's part of the ids is at most this long */
#define MAX_SLUG 24

typedef struct
{
  GFile   *file;
  char    *name;     /* relative to the root, "/" between parts */
  goffset  size;
  char    *key;      /* g_utf8_collate_key_for_filename() of the name */

  /* What it holds, once read */
  char              *data;
  gsize              length;
  char              *prefix;   /* of its items' ids */
  WendaBank         *bank;     /* NULL: refused */
  WendaImportReport *report;
} Source;

static void
source_free (gpointer data)
{
  Source *source = data;

  g_object_unref (source->file);
  g_free (source->name);
  g_free (source->key);
  g_free (source->data);
  g_free (source->prefix);
  g_clear_object (&source->bank);
  g_clear_pointer (&source->report, wenda_import_report_free);
  g_free (source);
}

static int
source_compare (gconstpointer a,
                gconstpointer b)
{
  const Source *sa = *(const Source **)a;
  const Source *sb = *(const Source **)b;

  return strcmp (sa->key, sb->key);
}

static gboolean
is_bank_file_name (const char *name)
{
  const char *dot = strrchr (name, '.');

  return dot != NULL && dot != name &&
         (g_ascii_strcasecmp (dot, ".md") == 0 || g_ascii_strcasecmp (dot, ".markdown") == 0);
}

static Source *
source_new (GFile      *file,
            const char *name,
            goffset     size)
{
  Source *source = g_new0 (Source, 1);
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  GString *key = g_string_new (NULL);

  source->file = g_object_ref (file);
  source->name = g_strdup (name);
  source->size = size;

  /* Part by part, so that "a/z.md" sorts with "a/…", not after "a b.md" */
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *part = g_utf8_collate_key_for_filename (parts[i], -1);

      if (i > 0)
        g_string_append_c (key, '\x01');
      g_string_append (key, part);
    }
  source->key = g_string_free (key, FALSE);

  return source;
}

/* The Markdown files under @dir, @prefix their folder's name */
static gboolean
list_folder (GFile         *dir,
             const char    *prefix,
             guint          depth,
             GPtrArray     *sources,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) children = NULL;

  children = g_file_enumerate_children (dir,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                        G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN ","
                                        G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, error);
  if (children == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;
      g_autofree char *path = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;

      name = g_file_info_get_name (info);
      if (name[0] == '.' || g_file_info_get_is_hidden (info) || g_file_info_get_is_symlink (info))
        continue;
      if (!g_utf8_validate (name, -1, NULL))
        continue;

      path = prefix[0] != '\0' ? g_strconcat (prefix, "/", name, NULL) : g_strdup (name);

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (depth < MAX_DEPTH &&
              !list_folder (child, path, depth + 1, sources, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR && is_bank_file_name (name))
        {
          if (sources->len >= MAX_FILES)
            {
              g_set_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_TOO_LARGE,
                           _("the folder has more than %u Markdown files"), MAX_FILES);
              return FALSE;
            }
          g_ptr_array_add (sources, source_new (child, path, g_file_info_get_size (info)));
        }
    }

  return TRUE;
}

static char *
display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));

  return g_file_get_basename (file);
}

/* The folder the files are in, or that holds them all */
static GFile *
common_folder (GFile *const *files,
               guint         n_files)
{
  g_autoptr(GFile) root = g_file_get_parent (files[0]);

  if (root == NULL)
    return g_object_ref (files[0]);

  for (guint i = 1; i < n_files; i++)
    while (!g_file_has_prefix (files[i], root))
      {
        GFile *parent = g_file_get_parent (root);

        if (parent == NULL)
          break;
        g_set_object (&root, parent);
        g_object_unref (parent);
      }

  return g_steal_pointer (&root);
}

/* Whether @file came through the document portal: /run/user/UID/doc/… */
static gboolean
is_portal_file (GFile *file)
{
  g_autofree char *doc = g_build_filename (g_get_user_runtime_dir (), "doc", NULL);
  g_autoptr(GFile) portal = g_file_new_for_path (doc);

  return g_file_has_prefix (file, portal);
}

/* Images {{{ */

typedef struct
{
  WendaImportReport *report;
  const char        *file;      /* for messages; NULL: the report's */
  const char        *text;
  GFile             *root;
  const char        *base;      /* the file's folder, relative to root */
  GHashTable        *seen;      /* names already checked */
  GCancellable      *cancellable;
  gboolean           portal;

  gsize              line_offset;
  guint              line;
} Images;

static guint
line_at (Images *self,
         gsize   offset)
{
  for (const char *p = self->text + self->line_offset, *end = self->text + offset; p < end; p++)
    if (*p == '\n' || (*p == '\r' && p[1] != '\n'))
      self->line++;
  self->line_offset = MAX (self->line_offset, offset);

  return self->line;
}

static void
on_image (const char *src,
          const char *alt,
          gsize       offset,
          gpointer    user_data)
{
  Images *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  goffset size = 0;
  guint line = line_at (self, offset);

  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  name = wenda_media_resolve_name (self->base, src, &error);
  if (name == NULL)
    {
      if (g_error_matches (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_REMOTE))
        self->report->n_remote_images++;
      else
        wenda_import_report_add (self->report, self->file, line, 0, 0, TRUE, error->message);
      return;
    }

  if (g_hash_table_contains (self->seen, name))
    return;
  g_hash_table_add (self->seen, g_strdup (name));

  if (!wenda_media_check_file (self->root, name, &size, self->cancellable, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND))
        {
          self->report->n_missing_images++;
          if (self->portal)
            {
              self->report->needs_folder = TRUE;
              return;
            }
        }
      wenda_import_report_add (self->report, self->file, line, 0, 0, TRUE, error->message);
      return;
    }

  file = g_file_resolve_relative_path (self->root, name);
  path = g_file_get_path (file);
  if (path != NULL)
    g_ptr_array_add (self->report->media, wenda_media_file_new (name, path, size));
}

static void
collect_images (WendaImportReport *report,
                const char        *file,
                const char        *text,
                gsize              length,
                GFile             *root,
                const char        *base,
                GHashTable        *seen,
                gboolean           portal,
                GCancellable      *cancellable)
{
  Images self = { report, file, text, root, base, seen, cancellable, portal, 0, 1 };

  wenda_markdown_foreach_image (text, length, on_image, &self);
}

/* }}} */

/* Several files {{{ */

/* A file's part of its items' ids */
static char *
file_slug (const char *name,
           GHashTable *taken)
{
  g_autofree char *base = g_path_get_basename (name);
  const char *dot = strrchr (base, '.');
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = base; p < (dot != NULL ? dot : base + strlen (base)); p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  /* No ASCII name ("第一章.md"), a long one, or one taken: the path's
   * hash, which stays the same as long as the file does */
  if (slug->len == 0 || slug->len > MAX_SLUG || g_hash_table_contains (taken, slug->str))
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA1, name, -1);

      g_string_assign (slug, "f");
      g_string_append_len (slug, sum, 8);
    }
  g_hash_table_add (taken, g_strdup (slug->str));

  return g_string_free (slug, FALSE);
}

/* @name's last part without its extension: "ch/02-dl.md" → "02-dl" */
static char *
file_stem (const char *name)
{
  char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return base;
}

/* The section of a file: its title, else its name without the extension
 * (a README's or an index's: its folder's name) */
static char *
file_section_title (const char              *name,
                    const WendaImportReport *report)
{
  const char *title = wenda_import_report_get_title (report);
  g_autofree char *base = NULL;

  if (title != NULL && title[0] != '\0')
    return g_strdup (title);

  base = file_stem (name);

  if ((g_ascii_strcasecmp (base, "readme") == 0 || g_ascii_strcasecmp (base, "index") == 0) &&
      strchr (name, '/') != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (name);

      return g_path_get_basename (dir);
    }

  return g_steal_pointer (&base);
}

static WendaSection *
copy_section (WendaSection *section,
              WendaSection *file_section,
              GHashTable   *copies)
{
  WendaSection *copy;

  if (section == NULL)
    return file_section;

  copy = g_hash_table_lookup (copies, section);
  if (copy == NULL)
    {
      WendaSection *parent = copy_section (wenda_section_get_parent (section), file_section, copies);

      copy = wenda_section_new (parent, wenda_section_get_title (section));
      g_hash_table_insert (copies, section, copy);
    }

  return copy;
}

/* Adds the items of @bank, read from the file @name, to @builder */
static void
add_file_bank (WendaBankBuilder        *builder,
               WendaBank               *bank,
               const char              *name,
               const WendaImportReport *file_report)
{
  g_autofree char *title = file_section_title (name, file_report);
  g_autoptr(WendaSection) file_section = wenda_section_new (NULL, title);
  g_autoptr(GHashTable) copies = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bank));

  wenda_section_set_file (file_section, name);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      const char *id = wenda_qa_item_get_id (item);
      const char *question = wenda_qa_item_get_question (item);
      const char *answer = wenda_qa_item_get_answer (item);
      const char *explanation = wenda_qa_item_get_explanation (item);
      const char *label = wenda_qa_item_get_label (item);
      WendaPackedItem packed;

      wenda_packed_item_init (&packed, wenda_bank_builder_get_n_items (builder) + 1,
                              id, strlen (id), question, strlen (question),
                              answer, strlen (answer), explanation, strlen (explanation));
      packed.label = g_strdup (label);
      packed.section = g_object_ref (copy_section (wenda_qa_item_get_section (item),
                                                   file_section, copies));
      wenda_bank_builder_add_packed (builder, &packed);
    }
}

/* The layout most of the questions were read in */
static void
merge_result (WendaReadResult         *into,
              const WendaImportReport *file_report,
              guint                    n_items,
              guint                   *best)
{
  for (guint level = 1; level <= 6; level++)
    into->n_headings[level] += file_report->result.n_headings[level];

  if (n_items > *best)
    {
      *best = n_items;
      into->layout = file_report->result.layout;
      into->question_level = file_report->result.question_level;
    }
}

/* }}} */

/* The text of the first level 1 heading of a Markdown text, or NULL */
static char *
first_title (const char *text,
             gsize       length)
{
  g_autoptr(WendaMdDoc) doc = NULL;

  if (length > G_MAXUINT32)
    return NULL;

  doc = wenda_md_doc_parse (text, length);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      const char *plain;
      gsize len;

      if (block->kind != WENDA_MD_CHUNK_HEADING || block->level != 1)
        continue;
      plain = wenda_md_doc_plain (doc, block->plain, block->plain_len, &len);
      if (len > 0)
        return g_strstrip (g_strndup (plain, len));
    }

  return NULL;
}

/* One file's share of the progress */
typedef struct
{
  double                   start;
  double                   end;
  WendaImportProgressFunc  func;
  gpointer                 data;
} FileProgress;

static void
file_progress (double   fraction,
               gpointer user_data)
{
  FileProgress *self = user_data;

  self->func (self->start + fraction * (self->end - self->start), self->data);
}

/* "FOLDER: text": a problem of no line */
G_GNUC_PRINTF (4, 5)
static void
set_folder_error (GError         **error,
                  WendaBankError   code,
                  const char      *name,
                  const char      *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, WENDA_BANK_ERROR, code, "%s: %s", name, text);
}

/**
 * wenda_import_files:
 *
 * See wenda-import.h.
 */
WendaBank *
wenda_import_files (GFile *const             *files,
                    guint                     n_files,
                    WendaImportFormat         format,
                    const WendaImportOptions *options,
                    const char               *id_prefix,
                    GCancellable             *cancellable,
                    WendaImportProgressFunc   progress,
                    gpointer                  progress_data,
                    WendaImportReport       **report,
                    GError                  **error)
{
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (source_free);
  g_autoptr(WendaImportReport) own_report = NULL;
  g_autoptr(WendaBankBuilder) builder = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) slugs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFile) root = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gboolean single = FALSE;
  goffset total = 0, done = 0;
  guint best = 0;

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);
  g_return_val_if_fail (id_prefix != NULL && id_prefix[0] != '\0', NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* What to read, and the folder the images must stay in */
  if (n_files == 1 &&
      g_file_query_file_type (files[0], G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
    {
      root = g_object_ref (files[0]);
      name = display_name (root);
      if (!list_folder (root, "", 0, sources, cancellable, &local_error))
        goto failed;
    }
  else
    {
      root = common_folder (files, n_files);
      for (guint i = 0; i < n_files; i++)
        {
          g_autoptr(GFileInfo) info = NULL;
          g_autofree char *relative = g_file_get_relative_path (root, files[i]);

          info = g_file_query_info (files[i],
                                    G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                                    G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                    G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                    G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
          if (info == NULL)
            {
              g_clear_pointer (&name, g_free);
              name = display_name (files[i]);
              goto failed;
            }
          if (relative == NULL)
            relative = g_file_get_basename (files[i]);

          if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
            {
              if (!list_folder (files[i], relative, 1, sources, cancellable, &local_error))
                goto failed;
            }
          else
            {
              Source *source = source_new (files[i], relative, g_file_info_get_size (info));

              if (n_files == 1)
                {
                  g_set_str (&source->name, g_file_info_get_display_name (info));
                  single = TRUE;
                }
              g_ptr_array_add (sources, source);
            }
        }
      name = n_files == 1 ? g_strdup (((Source *)sources->pdata[0])->name) : display_name (root);
    }

  g_ptr_array_sort (sources, source_compare);
  for (guint i = 0; i < sources->len; i++)
    total += ((Source *)sources->pdata[i])->size;

  own_report = wenda_import_report_new (name);
  own_report->n_files = sources->len;

  if (sources->len == 0)
    {
      set_folder_error (&local_error, WENDA_BANK_ERROR_EMPTY, name,
                        _("the folder has no Markdown file (.md)"));
      goto failed;
    }

  /* A file alone is refused by its reading, with its line */
  if (!single && total > WENDA_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (total);
      g_autofree char *limit = g_format_size (WENDA_IMPORT_MAX_SIZE);

      set_folder_error (&local_error, WENDA_BANK_ERROR_TOO_LARGE, name,
                        _("the files are too large together (%s; the limit is %s)"),
                        size, limit);
      goto failed;
    }

  /* A folder, or several files: a section a file, which knows the file
   * (its images are relative to it) */
  if (!single)
    builder = wenda_bank_builder_new ();

  /* Each file read on its own */
  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = sources->pdata[i];
      g_autoptr(GError) file_error = NULL;
      FileProgress relay = {
        total > 0 ? (double)done / total : 0,
        total > 0 ? (double)(done + source->size) / total : 1,
        progress, progress_data,
      };

      source->data = wenda_import_read_sized (source->file, source->size, source->name,
                                              &source->length, cancellable, &file_error);
      if (source->data != NULL)
        {
          if (builder != NULL)
            {
              g_autofree char *slug = file_slug (source->name, slugs);

              source->prefix = g_strconcat (id_prefix, "-", slug, NULL);
            }
          else
            source->prefix = g_strdup (id_prefix);
          source->bank = wenda_import_parse_full (source->data, source->length, source->name,
                                                  format, options, source->prefix, cancellable,
                                                  progress != NULL ? file_progress : NULL,
                                                  &relay, &source->report, &file_error);
        }
      else
        {
          source->report = wenda_import_report_new (source->name);
          wenda_import_report_add_error (source->report, file_error);
        }
      done += source->size;

      if (g_error_matches (file_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&file_error));
          if (report != NULL)
            *report = g_steal_pointer (&own_report);
          return NULL;
        }

      if (builder == NULL)
        {
          /* One file: its report is the report */
          gboolean portal = is_portal_file (source->file);

          g_clear_pointer (&own_report, wenda_import_report_free);
          own_report = g_steal_pointer (&source->report);
          own_report->n_files = 1;
          own_report->n_files_read = source->bank != NULL;
          if (source->bank != NULL)
            {
              /* A bank with no title of its own is named by its file */
              if (wenda_bank_get_title (source->bank)[0] == '\0')
                {
                  g_autofree char *stem = file_stem (source->name);

                  wenda_bank_set_title (source->bank, stem);
                }
              collect_images (own_report, NULL, source->data, source->length, root, "", seen,
                              portal, cancellable);
              if (report != NULL)
                *report = g_steal_pointer (&own_report);
              return g_steal_pointer (&source->bank);
            }
          g_propagate_error (error, g_steal_pointer (&file_error));
          if (report != NULL)
            *report = g_steal_pointer (&own_report);
          return NULL;
        }

      if (source->bank != NULL)
        merge_result (&own_report->result, source->report,
                      g_list_model_get_n_items (G_LIST_MODEL (source->bank)), &best);
    }

  /* The chapters of a bank are written alike: a chapter of one or two
   * questions, too few for its headings to be taken as questions on
   * their own, is read at the level its headings suggest when the other
   * chapters' questions are headings too, or no chapter was read */
  if ((options == NULL || options->layout == WENDA_LAYOUT_AUTO) &&
      (best == 0 || own_report->result.layout == WENDA_LAYOUT_HEADINGS))
    for (guint i = 0; i < sources->len; i++)
      {
        Source *source = sources->pdata[i];
        WendaImportReport *retry_report = NULL;
        WendaImportOptions retry = { WENDA_LAYOUT_HEADINGS, 0 };
        WendaBank *bank;

        if (source->bank != NULL || source->data == NULL ||
            source->report->result.suggested_level == 0)
          continue;

        retry.question_level = source->report->result.suggested_level;
        bank = wenda_import_parse_full (source->data, source->length, source->name, format, &retry,
                                        source->prefix, cancellable, NULL, NULL, &retry_report, NULL);
        if (bank == NULL)
          {
            wenda_import_report_free (retry_report);
            continue;
          }
        wenda_import_report_free (source->report);
        source->report = retry_report;
        source->bank = bank;
        merge_result (&own_report->result, source->report,
                      g_list_model_get_n_items (G_LIST_MODEL (bank)), &best);
      }

  /* One bank, a section a file, in name order */
  for (guint i = 0; i < sources->len; i++)
    {
      Source *source = sources->pdata[i];
      g_autofree char *dir = NULL;

      for (guint j = 0; j < source->report->problems->len; j++)
        {
          const WendaImportReportProblem *problem =
            &g_array_index (source->report->problems, WendaImportReportProblem, j);

          wenda_import_report_add (own_report, source->name, problem->problem.line,
                                   problem->problem.first_line, problem->problem.last_line,
                                   problem->problem.warning, problem->text);
        }

      /* The top README's title names the bank, questions or not */
      if (title == NULL && source->data != NULL && strchr (source->name, '/') == NULL &&
          g_ascii_strncasecmp (source->name, "readme.", 7) == 0)
        title = first_title (source->data, source->length);

      if (source->bank == NULL)
        continue;

      own_report->n_files_read++;
      add_file_bank (builder, source->bank, source->name, source->report);

      dir = g_path_get_dirname (source->name);
      collect_images (own_report, source->name, source->data, source->length, root,
                      g_str_equal (dir, ".") ? "" : dir, seen, FALSE, cancellable);
      g_clear_pointer (&source->data, g_free);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    goto failed;

  if (own_report->n_files_read == 0)
    {
      set_folder_error (&local_error, WENDA_BANK_ERROR_EMPTY, name,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "no question could be read from its %u Markdown file",
                                     "no question could be read from any of its %u Markdown files",
                                     sources->len),
                        sources->len);
      goto failed;
    }

  {
    WendaBank *bank = wenda_bank_builder_finish (g_steal_pointer (&builder), title != NULL ? title : name);

    own_report->n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
    own_report->result.n_sections = wenda_bank_get_sections (bank)->len;
    g_set_str (&own_report->result.title, title != NULL ? title : name);
    if (progress != NULL)
      progress (1.0, progress_data);
    if (report != NULL)
      *report = g_steal_pointer (&own_report);
    return bank;
  }

failed:
  if (own_report == NULL)
    own_report = wenda_import_report_new (name != NULL ? name : "<input>");
  wenda_import_report_add_error (own_report, local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  if (report != NULL)
    *report = g_steal_pointer (&own_report);
  return NULL;
}

/**
 * wenda_import_files_dup_name:
 * @files: (array length=n_files): what wenda_import_files() reads
 *
 * Returns: (transfer full): the name of what is read, for a person and
 *   for the bank's id: a file's or a folder's, or that of the folder
 *   several files are in
 */
char *
wenda_import_files_dup_name (GFile *const *files,
                             guint         n_files)
{
  g_autoptr(GFile) root = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (files != NULL && n_files > 0, NULL);

  if (n_files == 1)
    basename = g_file_get_basename (files[0]);
  else
    {
      root = common_folder (files, n_files);
      basename = g_file_get_basename (root);
    }

  return g_filename_display_name (basename != NULL ? basename : "");
}

/* The report's getters for several files and their images {{{ */

guint
wenda_import_report_get_n_files (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_files;
}

guint
wenda_import_report_get_n_files_read (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_files_read;
}

/**
 * wenda_import_report_get_media:
 *
 * Returns: (transfer none) (element-type WendaMediaFile): the images to
 *   copy into the bank's folder, for wenda_library_add_full()
 */
GPtrArray *
wenda_import_report_get_media (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->media;
}

guint
wenda_import_report_get_n_remote_images (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_remote_images;
}

guint
wenda_import_report_get_n_missing_images (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_missing_images;
}

gboolean
wenda_import_report_get_needs_folder (const WendaImportReport *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->needs_folder;
}

/* }}} */
