/* wenda-media.h: the images a bank refers to, and where its copy keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-core-types.h"

G_BEGIN_DECLS

/* Images larger than this are refused (README: "Images") */
#define WENDA_MEDIA_MAX_SIZE (20 * 1024 * 1024)

#define WENDA_MEDIA_ERROR (wenda_media_error_quark ())

/**
 * WendaMediaError:
 * Why an image a bank refers to is not shown, or not copied.
 */
typedef enum
{
  WENDA_MEDIA_ERROR_REMOTE,      /* http:, https:, data:…: never fetched */
  WENDA_MEDIA_ERROR_ABSOLUTE,    /* "/home/…", "C:\…", "file:…" */
  WENDA_MEDIA_ERROR_OUTSIDE,     /* "../" out of the bank's folder */
  WENDA_MEDIA_ERROR_SYMLINK,     /* a symbolic link on the way */
  WENDA_MEDIA_ERROR_TOO_LARGE,   /* over WENDA_MEDIA_MAX_SIZE */
  WENDA_MEDIA_ERROR_FORMAT,      /* not PNG, JPEG, GIF, WebP, BMP, TIFF or SVG */
  WENDA_MEDIA_ERROR_NOT_FOUND,   /* no such file, or not a regular file */
  WENDA_MEDIA_ERROR_EMPTY,       /* no path at all: "![]()" */
} WendaMediaError;

GQuark      wenda_media_error_quark   (void);

/* An image an import found, to be copied into the bank's folder */
typedef struct
{
  char    *name;   /* in the bank's folder: "chapters/img/a.png" */
  char    *path;   /* where it is now */
  goffset  size;
} WendaMediaFile;

WendaMediaFile *wenda_media_file_new  (const char    *name,
                                       const char    *path,
                                       goffset        size);
void        wenda_media_file_free     (WendaMediaFile *self);

/* Called for each image of a Markdown text, in order: "![alt](src)",
 * "![alt][ref]" and an HTML <img src="…" alt="…">.  @src is as written,
 * entities decoded, percent-escapes kept; @offset is where the image
 * starts in the text (for its line). */
typedef void (*WendaImageFunc) (const char *src,
                                const char *alt,
                                gsize       offset,
                                gpointer    user_data);

void        wenda_markdown_foreach_image (const char     *text,
                                          gsize           length,
                                          WendaImageFunc  func,
                                          gpointer        user_data);

/* Whether @src names an image elsewhere: a URL with a scheme other than
 * file:, or protocol-relative ("//host/x.png") */
gboolean    wenda_media_is_remote     (const char    *src);

/* The name of the image @src in a bank's folder: @src relative to @base
 * (the folder, relative to the bank's folder, of the file that refers
 * to it: "" or "chapters"), percent-escapes decoded, "." and ".."
 * resolved: "chapters/img/a.png".  NULL with WENDA_MEDIA_ERROR_REMOTE,
 * _ABSOLUTE, _OUTSIDE or _EMPTY. */
char       *wenda_media_resolve_name  (const char    *base,
                                       const char    *src,
                                       GError       **error);

/* Checks the image @name (from wenda_media_resolve_name()) under the
 * folder @root: no component is a symbolic link, it is a regular file of
 * at most WENDA_MEDIA_MAX_SIZE, and its first bytes are those of an image
 * format that is shown.  @size (optional) gets its size. */
gboolean    wenda_media_check_file    (GFile         *root,
                                       const char    *name,
                                       goffset       *size,
                                       GCancellable  *cancellable,
                                       GError       **error);

/* The folder, relative to the bank's folder, of the file @item was read
 * from: that of the innermost section with a file
 * (wenda_section_get_file()), else "" */
char       *wenda_media_dup_item_base (WendaQaItem   *item);

G_END_DECLS
