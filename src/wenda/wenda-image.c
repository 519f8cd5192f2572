/* wenda-image.c: an image of a bank, decoded off the main thread
 *
 * The reading pane shows the images an answer refers to from the bank's
 * own folder (wenda-media.h).  The file is decoded in a worker thread
 * (gdk_texture_new_from_file() makes an immutable texture, which may be
 * made in any thread), so a large photo never stalls a keystroke.  Then:
 *
 *   - shown: at its natural size up to the pane's width, scaled down to
 *     fit, never up (GTK_CONTENT_FIT_SCALE_DOWN, and the widget asks for
 *     no more than the image's size); its alt text is its accessible name
 *     and its tooltip; a click, or Enter when it has the focus, opens it
 *     full size (wenda-image-viewer.c);
 *   - failed (refused, missing, or not an image GTK can decode): a small
 *     frame with the alt text and the reason, as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-image.h"
#include "wenda-image-viewer.h"

struct _WendaImage
{
  GtkWidget        parent_instance;

  GtkWidget       *child;        /* a GtkPicture, or the failure's frame; NULL while loading */
  GFile           *file;
  char            *alt;
  char            *reason;
  GdkTexture      *texture;
  GCancellable    *cancellable;
  WendaImageState  state;
};

G_DEFINE_FINAL_TYPE (WendaImage, wenda_image, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_child (WendaImage *self,
           GtkWidget  *child)
{
  g_clear_pointer (&self->child, gtk_widget_unparent);
  self->child = child;
  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

static void
show_failure (WendaImage *self,
              const char *reason)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("image-missing-symbolic");
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *alt = gtk_label_new (NULL);
  GtkWidget *why = gtk_label_new (NULL);
  g_autofree char *description = NULL;

  g_set_str (&self->reason, reason);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "wenda-image-failed");
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Image not shown"), -1);

  /* Text from the file: never markup */
  gtk_label_set_text (GTK_LABEL (alt), self->alt[0] != '\0' ? self->alt : _("Image"));
  gtk_label_set_wrap (GTK_LABEL (alt), TRUE);
  gtk_label_set_xalign (GTK_LABEL (alt), 0);
  gtk_label_set_selectable (GTK_LABEL (alt), TRUE);
  gtk_label_set_text (GTK_LABEL (why), reason);
  gtk_label_set_wrap (GTK_LABEL (why), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (why), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (why), 0);
  gtk_widget_add_css_class (why, "dim-label");
  gtk_widget_add_css_class (why, "caption");

  gtk_box_append (GTK_BOX (texts), alt);
  gtk_box_append (GTK_BOX (texts), why);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);

  /* Translators: an image that is not shown; %s is why */
  description = g_strdup_printf (_("Image not shown: %s"), reason);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->alt,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  set_child (self, box);
  self->state = WENDA_IMAGE_FAILED;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
on_open_clicked (WendaImage *self)
{
  if (self->texture != NULL)
    wenda_image_viewer_present (GTK_WIDGET (self), self->texture, self->alt);
}

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            WendaImage      *self)
{
  if (n_press == 1 && self->texture != NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      on_open_clicked (self);
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                WendaImage            *self)
{
  if (self->texture == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0 ||
      (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter &&
       keyval != GDK_KEY_space && keyval != GDK_KEY_KP_Space))
    return FALSE;

  on_open_clicked (self);
  return TRUE;
}

static void
show_texture (WendaImage *self,
              GdkTexture *texture)
{
  GtkWidget *picture = gtk_picture_new_for_paintable (GDK_PAINTABLE (texture));

  g_set_object (&self->texture, texture);

  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_SCALE_DOWN);
  gtk_picture_set_alternative_text (GTK_PICTURE (picture), self->alt);
  gtk_widget_set_halign (picture, GTK_ALIGN_START);
  if (self->alt[0] != '\0')
    gtk_widget_set_tooltip_text (picture, self->alt);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->alt[0] != '\0' ? self->alt : _("Image"),
                                  -1);

  /* A click, or Enter or Space when it has the focus, opens it full size */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (picture, "zoom-in");
  /* Translators: what Enter does on an image */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->alt[0] != '\0' ? self->alt : _("Image"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Press Enter to open it full size"),
                                  -1);
  set_child (self, picture);
  self->state = WENDA_IMAGE_SHOWN;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;
  GdkTexture *texture = gdk_texture_new_from_file (G_FILE (task_data), &error);

  if (texture != NULL)
    g_task_return_pointer (task, texture, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_decoded (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);
  WendaImage *self;

  /* The widget went away */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = WENDA_IMAGE (g_task_get_source_object (G_TASK (result)));
  if (texture != NULL)
    show_texture (self, texture);
  else
    {
      /* Translators: %s is the decoder's message */
      g_autofree char *reason = g_strdup_printf (_("It cannot be shown: %s"), error->message);

      show_failure (self, reason);
    }
}

static void
wenda_image_dispose (GObject *object)
{
  WendaImage *self = (WendaImage *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->child, gtk_widget_unparent);

  G_OBJECT_CLASS (wenda_image_parent_class)->dispose (object);
}

static void
wenda_image_finalize (GObject *object)
{
  WendaImage *self = (WendaImage *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->texture);
  g_free (self->alt);
  g_free (self->reason);

  G_OBJECT_CLASS (wenda_image_parent_class)->finalize (object);
}

static void
wenda_image_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  WendaImage *self = WENDA_IMAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* As its child, but a picture is never squeezed in height: in the reading
 * pane, which scrolls, a box gives each child its minimum height, and a
 * picture that may shrink asks for none.  It is as high as its width
 * allows, scaled down in both directions alike. */
static void
wenda_image_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  WendaImage *self = WENDA_IMAGE (widget);

  *minimum = *natural = 0;
  if (self->child == NULL)
    return;

  gtk_widget_measure (self->child, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL && GTK_IS_PICTURE (self->child))
    *minimum = *natural;
}

static GtkSizeRequestMode
wenda_image_get_request_mode (GtkWidget *widget)
{
  WendaImage *self = WENDA_IMAGE (widget);

  return self->child != NULL ? gtk_widget_get_request_mode (self->child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
wenda_image_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  WendaImage *self = WENDA_IMAGE (widget);

  if (self->child != NULL)
    gtk_widget_allocate (self->child, width, height, baseline, NULL);
}

static void
wenda_image_class_init (WendaImageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_image_dispose;
  object_class->finalize = wenda_image_finalize;
  object_class->get_property = wenda_image_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL,
                      WENDA_IMAGE_LOADING, WENDA_IMAGE_FAILED, WENDA_IMAGE_LOADING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->measure = wenda_image_measure;
  widget_class->get_request_mode = wenda_image_get_request_mode;
  widget_class->size_allocate = wenda_image_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "wenda-image");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wenda_image_init (WendaImage *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->cancellable = g_cancellable_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * wenda_image_new:
 * @file: (nullable): the image's file, or %NULL when it is refused
 * @alt: the alt text, as written
 * @reason: (nullable): why it is refused, when @file is %NULL
 *
 * Returns: (transfer floating): the image; it decodes @file at once
 */
GtkWidget *
wenda_image_new (GFile      *file,
                 const char *alt,
                 const char *reason)
{
  WendaImage *self;

  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (file != NULL || reason != NULL, NULL);

  self = g_object_new (WENDA_TYPE_IMAGE, NULL);
  self->alt = g_strdup (alt != NULL ? alt : "");
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);

  if (file == NULL)
    show_failure (self, reason);
  else
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, on_decoded, NULL);

      self->file = g_object_ref (file);
      g_task_set_source_tag (task, wenda_image_new);
      g_task_set_name (task, "[wenda] decode image");
      g_task_set_task_data (task, g_object_ref (file), g_object_unref);
      g_task_run_in_thread (task, decode_thread);
    }

  return GTK_WIDGET (self);
}

WendaImageState
wenda_image_get_state (WendaImage *self)
{
  g_return_val_if_fail (WENDA_IS_IMAGE (self), WENDA_IMAGE_FAILED);

  return self->state;
}

const char *
wenda_image_get_alt (WendaImage *self)
{
  g_return_val_if_fail (WENDA_IS_IMAGE (self), NULL);

  return self->alt;
}

GdkTexture *
wenda_image_get_texture (WendaImage *self)
{
  g_return_val_if_fail (WENDA_IS_IMAGE (self), NULL);

  return self->texture;
}

const char *
wenda_image_get_reason (WendaImage *self)
{
  g_return_val_if_fail (WENDA_IS_IMAGE (self), NULL);

  return self->reason;
}
