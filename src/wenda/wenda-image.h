/* wenda-image.h: an image of a bank, decoded off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WENDA_TYPE_IMAGE (wenda_image_get_type ())
G_DECLARE_FINAL_TYPE (WendaImage, wenda_image, WENDA, IMAGE, GtkWidget)

typedef enum
{
  WENDA_IMAGE_LOADING,
  WENDA_IMAGE_SHOWN,
  WENDA_IMAGE_FAILED,   /* refused, missing, or not decodable: the alt text and why */
} WendaImageState;

/* @file: the image, or NULL when it is refused (@reason says why) */
GtkWidget       *wenda_image_new         (GFile       *file,
                                          const char  *alt,
                                          const char  *reason);
WendaImageState  wenda_image_get_state   (WendaImage  *self);   /* property "state", notifies */
const char      *wenda_image_get_alt     (WendaImage  *self);
/* The decoded image once shown, else NULL */
GdkTexture      *wenda_image_get_texture (WendaImage  *self);
/* Why it is not shown, once failed, else NULL */
const char      *wenda_image_get_reason  (WendaImage  *self);

G_END_DECLS
