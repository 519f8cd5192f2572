/* wenda-topic-row.c: a row of the topic list
 *
 * Shows the topic's number (the bank's own, "1.1.3", where it has one)
 * and its question in the reading mode: Chinese, English, or both
 * (English under the Chinese).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-rich-view.h"
#include "wenda-sidebar.h"
#include "wenda-text.h"
#include "wenda-topic-row.h"

struct _WendaTopicRow
{
  GtkWidget         parent_instance;

  /* Made with the row: a list keeps up to 200 rows, and a keystroke of
   * search can replace all of them, so they are made in code, not from a
   * .ui file, and there are as few as the mode needs. */
  GtkLabel         *number_label;
  GtkLabel         *question_label;     /* Chinese */

  /* Made the first time a mode shows them: new_question_label() */
  GtkLabel         *question_en_label;  /* English, in English mode */
  GtkLabel         *secondary_label;    /* English, under the Chinese */

  /* Owned references */
  WendaQaItem      *item;
  GBinding         *mode_binding;
  GBinding         *number_width_binding;

  WendaContentMode  mode;
};

G_DEFINE_FINAL_TYPE (WendaTopicRow, wenda_topic_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Each language has its own label, filled when the item changes; a mode
 * switch only changes which are visible, so GTK keeps the text layouts it
 * has measured instead of laying out new text.  The English ones are made
 * the first time a mode shows them, and filled from then on. */
static void
wenda_topic_row_update_text (WendaTopicRow *self)
{
  g_autofree char *number = NULL;
  const char *en;

  if (self->item == NULL)
    return;

  /* The bank's own number, as written, where it has one */
  if (wenda_qa_item_get_label (self->item) != NULL)
    gtk_label_set_label (self->number_label, wenda_qa_item_get_label (self->item));
  else
    {
      number = g_strdup_printf ("%u", wenda_qa_item_get_number (self->item));
      gtk_label_set_label (self->number_label, number);
    }

  en = wenda_qa_item_get_text (self->item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN);
  wenda_label_set_plain_line (self->question_label, wenda_qa_item_get_question (self->item),
                              WENDA_LANGUAGE_ZH);
  if (self->question_en_label != NULL)
    wenda_label_set_plain_line (self->question_en_label, en, WENDA_LANGUAGE_EN);
  if (self->secondary_label != NULL)
    wenda_label_set_plain_line (self->secondary_label, en, WENDA_LANGUAGE_EN);
}

/* A label like the Chinese question's, in the question's column at @row
 * of the grid: the English question goes over the Chinese one, which it
 * replaces, and the English line of the bilingual mode under it. */
static GtkLabel *
new_question_label (WendaTopicRow *self,
                    int            row)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "xalign", 0.0f,
                                   "valign", GTK_ALIGN_BASELINE_FILL,
                                   "hexpand", TRUE,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "lines", 2,
                                   "ellipsize", PANGO_ELLIPSIZE_END,
                                   NULL);
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_widget_set_parent (label, GTK_WIDGET (self));
  g_object_set (gtk_layout_manager_get_layout_child (layout, label),
                "column", 1,
                "row", row,
                NULL);
  return GTK_LABEL (label);
}

static void
wenda_topic_row_update_mode (WendaTopicRow *self)
{
  gboolean made = FALSE;

  if (self->mode == WENDA_CONTENT_MODE_EN && self->question_en_label == NULL)
    {
      self->question_en_label = new_question_label (self, 0);
      made = TRUE;
    }
  if (self->mode == WENDA_CONTENT_MODE_BOTH && self->secondary_label == NULL)
    {
      self->secondary_label = new_question_label (self, 1);
      gtk_widget_add_css_class (GTK_WIDGET (self->secondary_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->secondary_label), "caption");
      made = TRUE;
    }
  if (made)
    wenda_topic_row_update_text (self);

  gtk_widget_set_visible (GTK_WIDGET (self->question_label), self->mode != WENDA_CONTENT_MODE_EN);
  if (self->question_en_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->question_en_label), self->mode == WENDA_CONTENT_MODE_EN);
  if (self->secondary_label != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->secondary_label), self->mode == WENDA_CONTENT_MODE_BOTH);
}

/* The reading mode belongs to the window; a row follows it from the moment
 * it is in one. */
static void
wenda_topic_row_root (GtkWidget *widget)
{
  WendaTopicRow *self = WENDA_TOPIC_ROW (widget);
  GtkWidget *sidebar;
  GtkRoot *root;

  GTK_WIDGET_CLASS (wenda_topic_row_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (root), "shown-mode"))
    self->mode_binding = g_object_bind_property (root, "shown-mode", widget, "mode",
                                                 G_BINDING_SYNC_CREATE);
  /* Numbers as wide as the bank's widest, so that the questions line up:
   * the sidebar's number-width, which counts the bank's own numbers
   * ("1.1.10") */
  sidebar = gtk_widget_get_ancestor (widget, WENDA_TYPE_SIDEBAR);
  if (sidebar != NULL)
    self->number_width_binding = g_object_bind_property (sidebar, "number-width",
                                                         self->number_label, "width-chars",
                                                         G_BINDING_SYNC_CREATE);
}

static void
wenda_topic_row_unroot (GtkWidget *widget)
{
  WendaTopicRow *self = WENDA_TOPIC_ROW (widget);

  g_clear_pointer (&self->mode_binding, g_binding_unbind);
  g_clear_pointer (&self->number_width_binding, g_binding_unbind);

  GTK_WIDGET_CLASS (wenda_topic_row_parent_class)->unroot (widget);
}

static void
wenda_topic_row_dispose (GObject *object)
{
  WendaTopicRow *self = (WendaTopicRow *)object;

  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->number_label = self->question_label = NULL;
  self->question_en_label = self->secondary_label = NULL;
  g_clear_object (&self->item);

  G_OBJECT_CLASS (wenda_topic_row_parent_class)->dispose (object);
}

static void
wenda_topic_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WendaTopicRow *self = WENDA_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_topic_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WendaTopicRow *self = WENDA_TOPIC_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      wenda_topic_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      wenda_topic_row_set_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_topic_row_class_init (WendaTopicRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_topic_row_dispose;
  object_class->get_property = wenda_topic_row_get_property;
  object_class->set_property = wenda_topic_row_set_property;

  widget_class->root = wenda_topic_row_root;
  widget_class->unroot = wenda_topic_row_unroot;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         WENDA_TYPE_QA_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_GRID_LAYOUT);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wenda_topic_row_init (WendaTopicRow *self)
{
  GtkGridLayout *layout = GTK_GRID_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));
  static const char *number_classes[] = { "dim-label", "numeric", NULL };
  GtkWidget *number;

  gtk_grid_layout_set_column_spacing (layout, 12);
  gtk_grid_layout_set_row_spacing (layout, 2);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 6);

  /* The number, right-aligned on the first line of the question; the
   * window sets its width (number-width) so that the questions line up. */
  number = g_object_new (GTK_TYPE_LABEL,
                         "xalign", 1.0f,
                         "valign", GTK_ALIGN_BASELINE_FILL,
                         "width-chars", 2,
                         "css-classes", number_classes,
                         NULL);
  gtk_widget_set_parent (number, GTK_WIDGET (self));
  self->number_label = GTK_LABEL (number);
  self->question_label = new_question_label (self, 0);
}

/**
 * wenda_topic_row_new:
 *
 * Returns: (transfer floating): a row with no item
 */
WendaTopicRow *
wenda_topic_row_new (void)
{
  return g_object_new (WENDA_TYPE_TOPIC_ROW, NULL);
}

WendaQaItem *
wenda_topic_row_get_item (WendaTopicRow *self)
{
  g_return_val_if_fail (WENDA_IS_TOPIC_ROW (self), NULL);

  return self->item;
}

void
wenda_topic_row_set_item (WendaTopicRow *self,
                          WendaQaItem   *item)
{
  g_return_if_fail (WENDA_IS_TOPIC_ROW (self));
  g_return_if_fail (!item || WENDA_IS_QA_ITEM (item));

  if (g_set_object (&self->item, item))
    {
      wenda_topic_row_update_text (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

WendaContentMode
wenda_topic_row_get_mode (WendaTopicRow *self)
{
  g_return_val_if_fail (WENDA_IS_TOPIC_ROW (self), WENDA_CONTENT_MODE_ZH);

  return self->mode;
}

void
wenda_topic_row_set_mode (WendaTopicRow    *self,
                          WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_TOPIC_ROW (self));

  if (self->mode != mode)
    {
      self->mode = mode;
      wenda_topic_row_update_mode (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
}
