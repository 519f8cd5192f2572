/* wenda-media.c: the images a bank refers to, and where its copy keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bank's Markdown refers to images by a path relative to the file
 * ("![梯度](images/grad.png)"), which breaks when the file moves.  An
 * import copies them beside the imported copy, into the bank's own folder
 * in the library (wenda-library.c), under the same relative names, and
 * the reading pane shows them from there.  The Markdown is kept as
 * written.
 *
 * An image is copied only when it is safe to: its path stays inside the
 * folder the bank was imported from (no "../" out of it, no absolute
 * path, no symbolic link on the way), it is a regular file of at most
 * WENDA_MEDIA_MAX_SIZE, and its first bytes are those of a format the
 * pane shows.  A remote image (a URL) is never fetched.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <md4c.h>

#include "wenda-md-blocks-private.h"
#include "wenda-media.h"
#include "wenda-qa-item.h"
#include "wenda-section.h"

G_DEFINE_QUARK (wenda-media-error-quark, wenda_media_error)

WendaMediaFile *
wenda_media_file_new (const char *name,
                      const char *path,
                      goffset     size)
{
  WendaMediaFile *self = g_new0 (WendaMediaFile, 1);

  self->name = g_strdup (name);
  self->path = g_strdup (path);
  self->size = size;

  return self;
}

void
wenda_media_file_free (WendaMediaFile *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->path);
  g_free (self);
}

/* Finding images {{{ */

typedef struct
{
  const char     *text;
  gsize           length;
  WendaImageFunc  func;
  gpointer        user_data;

  guint           img_depth;   /* images inside images' alt text */
  GString        *src;
  GString        *alt;
  gsize           offset;      /* of the image being read */
  gboolean        have_offset;
  gsize           last_offset; /* of the last text seen */
} FindImages;

static void
append_attribute (GString            *out,
                  const MD_ATTRIBUTE *attr)
{
  if (attr->size == 0)
    return;

  for (guint i = 0; attr->substr_offsets[i] < attr->size; i++)
    {
      const char *piece = attr->text + attr->substr_offsets[i];
      gsize len = attr->substr_offsets[i + 1] - attr->substr_offsets[i];

      if (attr->substr_types[i] == MD_TEXT_ENTITY)
        wenda_md_append_entity (out, piece, len);
      else if (attr->substr_types[i] == MD_TEXT_NULLCHAR)
        g_string_append (out, "\xEF\xBF\xBD");
      else
        g_string_append_len (out, piece, len);
    }
}

static gboolean
in_text (FindImages *self,
         const char *p)
{
  return p >= self->text && p <= self->text + self->length;
}

/* The value of attribute @name in the HTML tag @tag[0, len), entities
 * decoded, or NULL */
static char *
html_attribute (const char *tag,
                gsize       len,
                const char *name)
{
  gsize name_len = strlen (name);
  const char *end = tag + len;
  const char *p = tag;

  /* Past "<img" */
  while (p < end && !g_ascii_isspace (*p) && *p != '>')
    p++;

  while (p < end)
    {
      const char *key;
      gsize key_len;

      while (p < end && (g_ascii_isspace (*p) || *p == '/'))
        p++;
      key = p;
      while (p < end && !g_ascii_isspace (*p) && *p != '=' && *p != '>' && *p != '/')
        p++;
      key_len = p - key;
      if (key_len == 0)
        break;

      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p < end && *p == '=')
        {
          const char *value;
          gsize value_len;

          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && (*p == '"' || *p == '\''))
            {
              char quote = *p++;

              value = p;
              while (p < end && *p != quote)
                p++;
              value_len = p - value;
              if (p < end)
                p++;
            }
          else
            {
              value = p;
              while (p < end && !g_ascii_isspace (*p) && *p != '>')
                p++;
              value_len = p - value;
            }

          if (key_len == name_len && g_ascii_strncasecmp (key, name, name_len) == 0)
            {
              GString *out = g_string_sized_new (value_len);
              const char *v = value, *v_end = value + value_len;

              while (v < v_end)
                {
                  const char *amp = memchr (v, '&', v_end - v);
                  const char *semi;

                  if (amp == NULL)
                    {
                      g_string_append_len (out, v, v_end - v);
                      break;
                    }
                  g_string_append_len (out, v, amp - v);
                  semi = memchr (amp, ';', MIN ((gsize)(v_end - amp), 12));
                  if (semi == NULL)
                    {
                      g_string_append_c (out, '&');
                      v = amp + 1;
                      continue;
                    }
                  wenda_md_append_entity (out, amp, semi + 1 - amp);
                  v = semi + 1;
                }

              return g_string_free (out, FALSE);
            }
        }
    }

  return NULL;
}

/* Each <img> tag of a piece of raw HTML */
static void
find_html_images (FindImages *self,
                  const char *html,
                  gsize       len)
{
  const char *end = html + len;
  const char *p = html;

  while (p + 4 < end)
    {
      const char *tag = memchr (p, '<', end - p);
      const char *close;

      if (tag == NULL || tag + 4 >= end)
        break;

      p = tag + 1;
      if (g_ascii_strncasecmp (p, "img", 3) != 0 ||
          !(g_ascii_isspace (p[3]) || p[3] == '/' || p[3] == '>'))
        continue;

      close = memchr (p, '>', end - p);
      if (close == NULL)
        close = end;

      {
        g_autofree char *src = html_attribute (tag, close - tag, "src");
        g_autofree char *alt = html_attribute (tag, close - tag, "alt");

        if (src != NULL)
          self->func (src, alt != NULL ? alt : "",
                      in_text (self, tag) ? (gsize)(tag - self->text) : self->last_offset,
                      self->user_data);
      }
      p = close;
    }
}

static int
find_enter_block (MD_BLOCKTYPE  type,
                  void         *detail,
                  void         *user_data)
{
  return 0;
}

static int
find_leave_block (MD_BLOCKTYPE  type,
                  void         *detail,
                  void         *user_data)
{
  return 0;
}

static int
find_enter_span (MD_SPANTYPE  type,
                 void        *detail,
                 void        *user_data)
{
  FindImages *self = user_data;

  if (type != MD_SPAN_IMG)
    return 0;

  if (self->img_depth++ == 0)
    {
      MD_SPAN_IMG_DETAIL *img = detail;

      g_string_truncate (self->src, 0);
      g_string_truncate (self->alt, 0);
      append_attribute (self->src, &img->src);
      self->have_offset = img->src.size > 0 && in_text (self, img->src.text);
      self->offset = self->have_offset ? (gsize)(img->src.text - self->text) : self->last_offset;
    }

  return 0;
}

static int
find_leave_span (MD_SPANTYPE  type,
                 void        *detail,
                 void        *user_data)
{
  FindImages *self = user_data;

  if (type != MD_SPAN_IMG)
    return 0;

  if (--self->img_depth == 0)
    self->func (self->src->str, self->alt->str, self->offset, self->user_data);

  return 0;
}

static int
find_text (MD_TEXTTYPE    type,
           const MD_CHAR *text,
           MD_SIZE        size,
           void          *user_data)
{
  FindImages *self = user_data;

  if (in_text (self, text))
    self->last_offset = text - self->text;

  if (self->img_depth > 0)
    {
      if (!self->have_offset && in_text (self, text))
        {
          self->offset = text - self->text;
          self->have_offset = TRUE;
        }
      if (type == MD_TEXT_ENTITY)
        wenda_md_append_entity (self->alt, text, size);
      else if (type != MD_TEXT_HTML)
        g_string_append_len (self->alt, text, size);
    }
  else if (type == MD_TEXT_HTML)
    find_html_images (self, text, size);

  return 0;
}

/**
 * wenda_markdown_foreach_image:
 * @text: Markdown, valid UTF-8
 * @func: called for each image, in order
 *
 * Finds the images of @text as md4c reads it (WENDA_MD_FLAGS): the
 * Markdown ones, inline or by reference, and the <img> tags of its raw
 * HTML.  An image in a code block or a code span is not one.
 */
void
wenda_markdown_foreach_image (const char     *text,
                              gsize           length,
                              WendaImageFunc  func,
                              gpointer        user_data)
{
  MD_PARSER parser = { 0, };
  FindImages self = { 0, };

  g_return_if_fail (text != NULL || length == 0);
  g_return_if_fail (func != NULL);

  /* Most texts have no image: no need to parse them */
  if (length == 0 ||
      (memchr (text, '!', length) == NULL && g_strstr_len (text, length, "<img") == NULL &&
       g_strstr_len (text, length, "<IMG") == NULL))
    return;

  self.text = text;
  self.length = length;
  self.func = func;
  self.user_data = user_data;
  self.src = g_string_new (NULL);
  self.alt = g_string_new (NULL);

  parser.flags = WENDA_MD_FLAGS;
  parser.enter_block = find_enter_block;
  parser.leave_block = find_leave_block;
  parser.enter_span = find_enter_span;
  parser.leave_span = find_leave_span;
  parser.text = find_text;

  md_parse (text, (MD_SIZE)MIN (length, G_MAXUINT32), &parser, &self);

  g_string_free (self.src, TRUE);
  g_string_free (self.alt, TRUE);
}

/* }}} */

/* Names {{{ */

/**
 * wenda_media_is_remote:
 *
 * Whether @src is a URL (a scheme of two or more letters other than
 * "file:", so that "C:\x.png" is not one) or protocol-relative.
 */
gboolean
wenda_media_is_remote (const char *src)
{
  const char *scheme;

  g_return_val_if_fail (src != NULL, FALSE);

  if (g_str_has_prefix (src, "//"))
    return TRUE;

  scheme = g_uri_peek_scheme (src);
  return scheme != NULL && strlen (scheme) > 1 && !g_str_equal (scheme, "file");
}

static gboolean
is_absolute (const char *src)
{
  const char *scheme = g_uri_peek_scheme (src);

  return src[0] == '/' || src[0] == '\\' || src[0] == '~' ||
         (scheme != NULL && (strlen (scheme) == 1 || g_str_equal (scheme, "file")));
}

/**
 * wenda_media_resolve_name:
 *
 * See wenda-media.h.  A query or fragment ("a.png?raw=true", "a.svg#x")
 * is dropped, as a browser would; backslashes count as "/".
 *
 * Returns: (transfer full) (nullable): the name, or %NULL with @error
 */
char *
wenda_media_resolve_name (const char  *base,
                          const char  *src,
                          GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *unescaped = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GString) name = g_string_new (NULL);
  const char *p = src;
  gsize len;

  g_return_val_if_fail (base != NULL, NULL);
  g_return_val_if_fail (src != NULL, NULL);

  while (g_ascii_isspace (*p))
    p++;
  len = strcspn (p, "?#");
  while (len > 0 && g_ascii_isspace (p[len - 1]))
    len--;

  if (len == 0)
    {
      g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_EMPTY,
                   _("the image has no path"));
      return NULL;
    }

  if (wenda_media_is_remote (p))
    {
      g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_REMOTE,
                   _("“%s” is on the web: remote images are not fetched"), src);
      return NULL;
    }

  if (is_absolute (p))
    {
      g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_ABSOLUTE,
                   _("“%s” is refused: an absolute path leaves the bank's folder"), src);
      return NULL;
    }

  path = g_strndup (p, len);
  /* "my%20pic.png"; a path with a bad escape is taken as written */
  unescaped = g_uri_unescape_string (path, NULL);
  if (unescaped == NULL || !g_utf8_validate (unescaped, -1, NULL))
    g_set_str (&unescaped, path);

  g_strdelimit (unescaped, "\\", '/');
  if (base[0] != '\0')
    {
      char *joined = g_strconcat (base, "/", unescaped, NULL);

      g_free (unescaped);
      unescaped = joined;
    }
  parts = g_strsplit (unescaped, "/", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            {
              g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_OUTSIDE,
                           _("“%s” is refused: it leaves the bank's folder"), src);
              return NULL;
            }
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }

  if (kept->len == 0)
    {
      g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_EMPTY,
                   _("“%s” names a folder, not an image"), src);
      return NULL;
    }

  for (guint i = 0; i < kept->len; i++)
    {
      if (i > 0)
        g_string_append_c (name, '/');
      g_string_append (name, g_ptr_array_index (kept, i));
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

/* }}} */

/* Files {{{ */

/* The formats the reading pane shows (GdkTexture and the image loaders
 * of the GNOME platform), by their first bytes */
static gboolean
is_image (const guchar *data,
          gsize         len)
{
  static const struct { const char *magic; gsize len; } magics[] = {
    { "\x89PNG\r\n\x1a\n", 8 },
    { "\xFF\xD8\xFF", 3 },
    { "GIF87a", 6 },
    { "GIF89a", 6 },
    { "BM", 2 },
    { "II*\0", 4 },
    { "MM\0*", 4 },
  };
  const char *text = (const char *)data;

  for (guint i = 0; i < G_N_ELEMENTS (magics); i++)
    if (len >= magics[i].len && memcmp (data, magics[i].magic, magics[i].len) == 0)
      return TRUE;

  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return TRUE;

  /* SVG: XML whose root is <svg>, after a BOM, blanks, an XML
   * declaration, comments and a doctype */
  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    text += 3, len -= 3;
  for (gsize i = 0; i + 4 <= len; i++)
    {
      if (g_ascii_isspace (text[i]))
        continue;
      if (text[i] != '<')
        return FALSE;
      if (g_ascii_strncasecmp (text + i, "<svg", 4) == 0)
        return TRUE;
      if (text[i + 1] == '?' || text[i + 1] == '!')
        {
          const char *close = memchr (text + i, '>', len - i);

          if (close == NULL)
            return FALSE;
          i = close - text;
          continue;
        }
      return FALSE;
    }

  return FALSE;
}

/**
 * wenda_media_check_file:
 *
 * See wenda-media.h.  Each folder on the way from @root to the image is
 * looked at without following links, so a link inside the bank's folder
 * cannot reach out of it.
 */
static gboolean
set_too_large (const char  *name,
               goffset      file_size,
               GError     **error)
{
  g_autofree char *text = g_format_size (file_size);
  g_autofree char *limit = g_format_size (WENDA_MEDIA_MAX_SIZE);

  g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_TOO_LARGE,
               _("“%s” is refused: it is too large (%s; the limit is %s)"),
               name, text, limit);
  return FALSE;
}

static gboolean
set_not_image (const char  *name,
               GError     **error)
{
  g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_FORMAT,
               _("“%s” is refused: it is not an image in a format Wenda shows "
                 "(PNG, JPEG, GIF, WebP, BMP, TIFF or SVG)"), name);
  return FALSE;
}

/* wenda_media_check_file() on a local folder, with lstat() and open()
 * (O_NOFOLLOW) rather than GIO: an import checks every image of a bank,
 * and a GFileInfo for each part of each path costs several times more */
static gboolean
check_local_file (const char  *root,
                  const char  *name,
                  goffset     *size,
                  GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (name, "/", -1);
  g_autoptr(GString) path = g_string_new (root);
  guchar head[512];
  GStatBuf buf;
  gssize n;
  int fd;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean last = parts[i + 1] == NULL;

      g_string_append_c (path, G_DIR_SEPARATOR);
      g_string_append (path, parts[i]);
      if (g_lstat (path->str, &buf) != 0)
        {
          int errsv = errno;

          if (errsv == ENOENT || errsv == ENOTDIR)
            g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                         _("“%s” is not there"), name);
          else
            g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                         _("“%s” cannot be read: %s"), name, g_strerror (errsv));
          return FALSE;
        }

      if (S_ISLNK (buf.st_mode))
        {
          g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_SYMLINK,
                       _("“%s” is refused: it is reached through a symbolic link"), name);
          return FALSE;
        }

      if (last ? !S_ISREG (buf.st_mode) : !S_ISDIR (buf.st_mode))
        {
          g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                       _("“%s” is not a file"), name);
          return FALSE;
        }
    }

  if (buf.st_size > WENDA_MEDIA_MAX_SIZE)
    return set_too_large (name, buf.st_size, error);
  if (size != NULL)
    *size = buf.st_size;

  /* O_NOFOLLOW: a link put in its place since is not followed either */
  fd = g_open (path->str, O_RDONLY | O_NOFOLLOW | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int errsv = errno;

      g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                   _("“%s” cannot be read: %s"), name, g_strerror (errsv));
      return FALSE;
    }
  do
    n = read (fd, head, sizeof head);
  while (n < 0 && errno == EINTR);
  close (fd);

  if (n < 0 || !is_image (head, n))
    return set_not_image (name, error);

  return TRUE;
}

gboolean
wenda_media_check_file (GFile         *root,
                        const char    *name,
                        goffset       *size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GFile) file = g_object_ref (root);
  g_autoptr(GFileInputStream) stream = NULL;
  guchar head[512];
  gsize n = 0;

  g_return_val_if_fail (G_IS_FILE (root), FALSE);
  g_return_val_if_fail (name != NULL && name[0] != '\0', FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_file_peek_path (root) != NULL)
    return check_local_file (g_file_peek_path (root), name, size, error);

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GError) local_error = NULL;
      GFileType type;

      g_set_object (&file, g_file_get_child (file, parts[i]));
      info = g_file_query_info (file,
                                G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &local_error);
      if (info == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
            g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                         _("“%s” is not there"), name);
          else
            g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                         _("“%s” cannot be read: %s"), name, local_error->message);
          return FALSE;
        }

      type = g_file_info_get_file_type (info);
      if (g_file_info_get_is_symlink (info) || type == G_FILE_TYPE_SYMBOLIC_LINK)
        {
          g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_SYMLINK,
                       _("“%s” is refused: it is reached through a symbolic link"), name);
          return FALSE;
        }

      if (parts[i + 1] != NULL ? type != G_FILE_TYPE_DIRECTORY : type != G_FILE_TYPE_REGULAR)
        {
          g_set_error (error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                       _("“%s” is not a file"), name);
          return FALSE;
        }

      if (parts[i + 1] == NULL)
        {
          goffset file_size = g_file_info_get_size (info);

          if (file_size > WENDA_MEDIA_MAX_SIZE)
            return set_too_large (name, file_size, error);
          if (size != NULL)
            *size = file_size;
        }
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head, &n, cancellable, error))
    return FALSE;

  if (!is_image (head, n))
    return set_not_image (name, error);

  return TRUE;
}

/**
 * wenda_media_dup_item_base:
 *
 * Returns: (transfer full): see wenda-media.h
 */
char *
wenda_media_dup_item_base (WendaQaItem *item)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (item), NULL);

  for (WendaSection *s = wenda_qa_item_get_section (item); s != NULL; s = wenda_section_get_parent (s))
    {
      const char *file = wenda_section_get_file (s);
      const char *slash;

      if (file == NULL)
        continue;
      slash = strrchr (file, '/');
      return slash != NULL ? g_strndup (file, slash - file) : g_strdup ("");
    }

  return g_strdup ("");
}

/* }}} */
