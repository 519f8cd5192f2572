/* wenda-image-viewer.h: an image of a bank at full size, to zoom and pan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Opens @texture over @parent's window; returns the dialog (owned by
 * libadwaita until it closes) */
AdwDialog *wenda_image_viewer_present  (GtkWidget  *parent,
                                        GdkTexture *texture,
                                        const char *alt);
/* Its zoom: 1.0 is the image's own size */
double     wenda_image_viewer_get_zoom (AdwDialog  *dialog);

/* If @dialog is an image viewer, zooms it in (@steps > 0), out (< 0) or
 * back to the image's own size (0), and returns TRUE; the app's zoom keys
 * come here first */
gboolean   wenda_image_viewer_zoom_by  (AdwDialog  *dialog,
                                        int         steps);

G_END_DECLS
