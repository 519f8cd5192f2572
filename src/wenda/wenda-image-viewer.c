/* wenda-image-viewer.c: an image of a bank at full size, to zoom and pan
 *
 * A dialog with the picture in a scrolled window: zoom with the header
 * bar's buttons, Ctrl+plus / Ctrl+minus / Ctrl+0 (the app's text-zoom
 * keys, which zoom the image while it is open: wenda-application.c), plus,
 * minus, 0,
 * Ctrl+scroll or a pinch; pan with the scroll bars, the arrow keys, or
 * by dragging.  It opens at the image's own size, or smaller to fit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenda-image-viewer.h"

#define MIN_ZOOM 0.05
#define MAX_ZOOM 16.0
#define ZOOM_STEP 1.25

typedef struct
{
  AdwDialog     *dialog;
  GtkWidget     *picture;
  GtkWidget     *scroller;
  GtkWidget     *zoom_label;
  GdkTexture    *texture;
  double         zoom;
  double         pinch_start;
  double         drag_h, drag_v;
} Viewer;

static void
viewer_free (Viewer *viewer)
{
  g_clear_object (&viewer->texture);
  g_free (viewer);
}

static void
set_zoom (Viewer *viewer,
          double  zoom)
{
  int width = gdk_texture_get_width (viewer->texture);
  int height = gdk_texture_get_height (viewer->texture);
  g_autofree char *percent = NULL;

  viewer->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  gtk_widget_set_size_request (viewer->picture,
                               MAX (1, (int) (width * viewer->zoom)),
                               MAX (1, (int) (height * viewer->zoom)));
  /* Translators: the zoom of an image, e.g. "100%" */
  percent = g_strdup_printf (_("%d%%"), (int) (viewer->zoom * 100 + 0.5));
  gtk_label_set_text (GTK_LABEL (viewer->zoom_label), percent);
}

static void
zoom_in (Viewer *viewer)
{
  set_zoom (viewer, viewer->zoom * ZOOM_STEP);
}

static void
zoom_out (Viewer *viewer)
{
  set_zoom (viewer, viewer->zoom / ZOOM_STEP);
}

static void
zoom_reset (Viewer *viewer)
{
  set_zoom (viewer, 1.0);
}

static gboolean
on_zoom_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  Viewer *viewer = user_data;
  int step = g_variant_get_int32 (args);

  if (step > 0)
    zoom_in (viewer);
  else if (step < 0)
    zoom_out (viewer);
  else
    zoom_reset (viewer);
  return TRUE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           Viewer                   *viewer)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if ((state & GDK_CONTROL_MASK) == 0)
    return FALSE;
  if (dy < 0)
    zoom_in (viewer);
  else if (dy > 0)
    zoom_out (viewer);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                Viewer           *viewer)
{
  viewer->pinch_start = viewer->zoom;
}

static void
on_pinch_scale (GtkGestureZoom *gesture,
                double          scale,
                Viewer         *viewer)
{
  set_zoom (viewer, viewer->pinch_start * scale);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               Viewer         *viewer)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (viewer->scroller);

  viewer->drag_h = gtk_adjustment_get_value (gtk_scrolled_window_get_hadjustment (scroller));
  viewer->drag_v = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (scroller));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                Viewer         *viewer)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (viewer->scroller);

  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (scroller), viewer->drag_h - dx);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (scroller), viewer->drag_v - dy);
}

static GtkWidget *
header_button (const char *icon,
               const char *tooltip,
               GCallback   callback,
               Viewer     *viewer)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect_swapped (button, "clicked", callback, viewer);
  return button;
}

static void
add_zoom_shortcut (GtkShortcutController *controller,
                   const char            *trigger,
                   int                    step,
                   Viewer                *viewer)
{
  gtk_shortcut_controller_add_shortcut (controller,
    gtk_shortcut_new_with_arguments (gtk_shortcut_trigger_parse_string (trigger),
                                     gtk_callback_action_new (on_zoom_shortcut, viewer, NULL),
                                     "i", step));
}

AdwDialog *
wenda_image_viewer_present (GtkWidget  *parent,
                            GdkTexture *texture,
                            const char *alt)
{
  Viewer *viewer = g_new0 (Viewer, 1);
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkEventController *scroll;
  GtkGesture *pinch, *drag;
  GtkShortcutController *shortcuts;
  GtkRoot *root = gtk_widget_get_root (parent);
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  int room_w = 1000, room_h = 800;
  double fit;

  g_return_val_if_fail (GTK_IS_WIDGET (parent), NULL);
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  viewer->texture = g_object_ref (texture);
  viewer->dialog = adw_dialog_new ();
  adw_dialog_set_title (viewer->dialog, alt != NULL && alt[0] != '\0' ? alt : _("Image"));
  g_object_set_data_full (G_OBJECT (viewer->dialog), "wenda-viewer", viewer,
                          (GDestroyNotify) viewer_free);

  viewer->picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));
  gtk_picture_set_can_shrink (GTK_PICTURE (viewer->picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (viewer->picture), GTK_CONTENT_FIT_FILL);
  gtk_picture_set_alternative_text (GTK_PICTURE (viewer->picture), alt);
  gtk_widget_set_halign (viewer->picture, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (viewer->picture, GTK_ALIGN_CENTER);

  viewer->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (viewer->scroller), viewer->picture);
  gtk_widget_set_focusable (viewer->scroller, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (viewer->scroller), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  alt != NULL && alt[0] != '\0' ? alt : _("Image"), -1);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), viewer);
  gtk_widget_add_controller (viewer->scroller, scroll);

  pinch = gtk_gesture_zoom_new ();
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), viewer);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch_scale), viewer);
  gtk_widget_add_controller (viewer->scroller, GTK_EVENT_CONTROLLER (pinch));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), viewer);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), viewer);
  gtk_widget_add_controller (viewer->picture, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (viewer->picture, "grab");

  viewer->zoom_label = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (viewer->zoom_label), 5);
  gtk_widget_add_css_class (viewer->zoom_label, "numeric");
  gtk_box_append (GTK_BOX (zoom_box), header_button ("zoom-out-symbolic", _("Zoom Out"),
                                                     G_CALLBACK (zoom_out), viewer));
  gtk_box_append (GTK_BOX (zoom_box), viewer->zoom_label);
  gtk_box_append (GTK_BOX (zoom_box), header_button ("zoom-in-symbolic", _("Zoom In"),
                                                     G_CALLBACK (zoom_in), viewer));
  gtk_box_append (GTK_BOX (zoom_box), header_button ("zoom-original-symbolic", _("Original Size"),
                                                     G_CALLBACK (zoom_reset), viewer));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), zoom_box);

  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), viewer->scroller);
  adw_dialog_set_child (viewer->dialog, toolbar);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_MANAGED);
  add_zoom_shortcut (shortcuts, "<Control>plus|<Control>equal|plus|equal|KP_Add", 1, viewer);
  add_zoom_shortcut (shortcuts, "<Control>minus|minus|KP_Subtract", -1, viewer);
  add_zoom_shortcut (shortcuts, "<Control>0|0|KP_0", 0, viewer);
  gtk_widget_add_controller (GTK_WIDGET (viewer->dialog), GTK_EVENT_CONTROLLER (shortcuts));

  /* The image's own size, or smaller to fit the window it opens over */
  if (root != NULL)
    {
      room_w = MAX (200, gtk_widget_get_width (GTK_WIDGET (root)) - 80);
      room_h = MAX (200, gtk_widget_get_height (GTK_WIDGET (root)) - 140);
    }
  fit = MIN (1.0, MIN ((double) room_w / MAX (width, 1), (double) room_h / MAX (height, 1)));
  set_zoom (viewer, fit);
  adw_dialog_set_content_width (viewer->dialog, MIN (room_w, MAX (360, (int) (width * fit) + 2)));
  adw_dialog_set_content_height (viewer->dialog, MIN (room_h + 50, MAX (240, (int) (height * fit) + 50)));

  adw_dialog_present (viewer->dialog, parent);
  gtk_widget_grab_focus (viewer->scroller);
  return viewer->dialog;
}

double
wenda_image_viewer_get_zoom (AdwDialog *dialog)
{
  Viewer *viewer = g_object_get_data (G_OBJECT (dialog), "wenda-viewer");

  g_return_val_if_fail (viewer != NULL, 0);
  return viewer->zoom;
}

gboolean
wenda_image_viewer_zoom_by (AdwDialog *dialog,
                            int        steps)
{
  Viewer *viewer = dialog != NULL ? g_object_get_data (G_OBJECT (dialog), "wenda-viewer") : NULL;

  if (viewer == NULL)
    return FALSE;

  if (steps > 0)
    zoom_in (viewer);
  else if (steps < 0)
    zoom_out (viewer);
  else
    zoom_reset (viewer);
  return TRUE;
}
