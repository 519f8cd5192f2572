/* wenda-bar-chart.c: a small bar chart drawn with GtkSnapshot
 *
 * One bar per value, evenly spaced, each with its value above it and its
 * label below, standing on an axis line.  The bars take the widget's CSS
 * color (style.css gives .bar-chart the accent color); the text and the
 * axis take the color of the text around the chart, the parent's, so they
 * look like the rest of the page in light and dark styles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "wenda-bar-chart.h"
#include "wenda-bar-chart-private.h"
#include "wenda-format.h"

/* Sizes in pixels. */
#define MIN_SLOT        14   /* the least width per bar */
#define NATURAL_SLOT    36   /* the width per bar asked for, at least */
#define MIN_HEIGHT      160
#define NATURAL_HEIGHT  200
#define MIN_PLOT_HEIGHT 48   /* room for the tallest bar, whatever the font */
#define BAR_MAX_WIDTH   40
#define BAR_RADIUS      5
#define MIN_BAR_HEIGHT  2    /* so a small nonzero value never looks like 0 */
#define VALUE_GAP       4    /* between a bar's top and its value */
#define VALUE_SPACING   2    /* the least space between two values */
#define LABEL_GAP       6    /* between the axis and the labels */
#define AXIS_WIDTH      1

/* The part of its slot a bar fills; the rest is the gap between bars. */
#define BAR_FRACTION    0.6

/* Opacities of the parent's text color.  Labels are as dim as Adwaita's
 * .dim-label; the axis as faint as its separators. */
#define LABEL_ALPHA     0.55
#define VALUE_ALPHA     0.8
#define AXIS_ALPHA      0.15

struct _WendaBarChart
{
  GtkWidget parent_instance;

  /* Owned data: n labels (NULL-terminated) and n values. */
  char **labels;
  guint *values;
  guint n;
  int highlight;

  /* Made on demand from the data, with the widget's Pango context; NULL
   * when the data changed. */
  GPtrArray *label_layouts;
  GPtrArray *value_layouts;

  /* Every how many bars a label was last drawn, for the tests. */
  guint label_step;
};

G_DEFINE_FINAL_TYPE (WendaBarChart, wenda_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Where things go in a widget of a given size. */
typedef struct
{
  double slot;          /* the width of each bar with its share of the gap */
  int    bar_width;
  int    baseline;      /* the axis row; bars stand on it */
  int    plot_height;   /* the height of the tallest bar */
  guint  max_value;
} Geometry;

void
wenda_widget_get_color (GtkWidget *widget,
                        GdkRGBA   *color)
{
  gtk_widget_get_color (widget, color);
}

static PangoLayout *
create_layout (WendaBarChart *self,
               const char    *text,
               gboolean       bold)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

  /* Plain text: labels can come from translations and must never be
   * parsed as markup. */
  pango_layout_set_text (layout, text, -1);

  /* Small, like Adwaita's .caption, and with tabular digits so numbers
   * of the same length line up from bar to bar. */
  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum"));
  if (bold)
    pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);

  return layout;
}

static void
invalidate_layouts (WendaBarChart *self)
{
  g_clear_pointer (&self->label_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->value_layouts, g_ptr_array_unref);
}

static void
ensure_layouts (WendaBarChart *self)
{
  if (self->label_layouts != NULL)
    return;

  self->label_layouts = g_ptr_array_new_full (self->n, g_object_unref);
  self->value_layouts = g_ptr_array_new_full (self->n, g_object_unref);

  for (guint i = 0; i < self->n; i++)
    {
      g_autofree char *value = wenda_format_count (self->values[i]);

      g_ptr_array_add (self->label_layouts,
                       create_layout (self, self->labels[i], (int)i == self->highlight));
      g_ptr_array_add (self->value_layouts, create_layout (self, value, FALSE));
    }
}

static int
layout_width (PangoLayout *layout)
{
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

static int
max_layout_width (GPtrArray *layouts)
{
  int max = 0;

  for (guint i = 0; i < layouts->len; i++)
    max = MAX (max, layout_width (g_ptr_array_index (layouts, i)));

  return max;
}

static int
max_layout_height (GPtrArray *layouts)
{
  int max = 0;

  for (guint i = 0; i < layouts->len; i++)
    {
      int height;

      pango_layout_get_pixel_size (g_ptr_array_index (layouts, i), NULL, &height);
      max = MAX (max, height);
    }

  return max;
}

static void
compute_geometry (WendaBarChart *self,
                  int            width,
                  int            height,
                  Geometry      *geometry)
{
  int value_height;
  int label_height;

  ensure_layouts (self);
  value_height = max_layout_height (self->value_layouts);
  label_height = max_layout_height (self->label_layouts);

  geometry->slot = self->n > 0 ? (double)width / self->n : width;
  geometry->bar_width = CLAMP ((int)round (geometry->slot * BAR_FRACTION), 1, BAR_MAX_WIDTH);
  geometry->baseline = height - label_height - LABEL_GAP - AXIS_WIDTH;
  geometry->plot_height = MAX (geometry->baseline - value_height - VALUE_GAP, 0);

  /* max (max value, 1), so all-zero data draws no bars. */
  geometry->max_value = 1;
  for (guint i = 0; i < self->n; i++)
    geometry->max_value = MAX (geometry->max_value, self->values[i]);
}

/* Whole pixels, so the bars' edges are sharp. */
static void
get_bar_rect (WendaBarChart   *self,
              const Geometry  *geometry,
              guint            i,
              graphene_rect_t *rect)
{
  guint value = self->values[i];
  double center = geometry->slot * (i + 0.5);
  int x = (int)round (center - geometry->bar_width / 2.0);
  int height = (int)round ((double)value * geometry->plot_height / geometry->max_value);

  if (value > 0)
    height = MAX (height, MIN (MIN_BAR_HEIGHT, geometry->plot_height));

  graphene_rect_init (rect, x, geometry->baseline - height, geometry->bar_width, height);
}

static void
append_layout (GtkSnapshot   *snapshot,
               PangoLayout   *layout,
               int            x,
               int            y,
               const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_bar (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            const GdkRGBA         *color)
{
  float radius = MIN (BAR_RADIUS, MIN (rect->size.width / 2, rect->size.height));
  graphene_size_t round_corner = GRAPHENE_SIZE_INIT (radius, radius);
  graphene_size_t square_corner = GRAPHENE_SIZE_INIT (0, 0);
  GskRoundedRect clip;

  /* Rounded at the top only: the bottom stands on the axis. */
  gsk_rounded_rect_init (&clip, rect, &round_corner, &round_corner, &square_corner, &square_corner);
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

/* Whether every nonzero value fits over its bar without touching the
 * next; if not, no value is drawn (the tooltip and the accessible
 * description still give them), rather than some. */
static gboolean
values_fit (WendaBarChart  *self,
            const Geometry *geometry)
{
  for (guint i = 0; i < self->n; i++)
    {
      if (self->values[i] > 0 &&
          layout_width (g_ptr_array_index (self->value_layouts, i)) + VALUE_SPACING > geometry->slot)
        return FALSE;
    }

  return TRUE;
}

static void
wenda_bar_chart_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  WendaBarChart *self = WENDA_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkWidget *parent = gtk_widget_get_parent (widget);
  g_autofree int *label_widths = NULL;
  g_autofree int *label_x = NULL;
  GdkRGBA bar_color, text_color, label_color, value_color, axis_color;
  Geometry geometry;
  gboolean show_values;
  int value_height;
  guint anchor;

  if (width <= 0 || height <= 0)
    return;

  compute_geometry (self, width, height, &geometry);

  wenda_widget_get_color (widget, &bar_color);
  wenda_widget_get_color (parent != NULL ? parent : widget, &text_color);
  label_color = value_color = axis_color = text_color;
  label_color.alpha *= LABEL_ALPHA;
  value_color.alpha *= VALUE_ALPHA;
  axis_color.alpha *= AXIS_ALPHA;

  gtk_snapshot_append_color (snapshot, &axis_color,
                             &GRAPHENE_RECT_INIT (0, geometry.baseline, width, AXIS_WIDTH));

  show_values = values_fit (self, &geometry);
  value_height = max_layout_height (self->value_layouts);

  for (guint i = 0; i < self->n; i++)
    {
      graphene_rect_t rect;
      PangoLayout *layout;

      if (self->values[i] == 0)
        continue;

      get_bar_rect (self, &geometry, i, &rect);
      append_bar (snapshot, &rect, &bar_color);

      if (!show_values)
        continue;

      layout = g_ptr_array_index (self->value_layouts, i);
      append_layout (snapshot, layout,
                     (int)round (rect.origin.x + rect.size.width / 2.0 - layout_width (layout) / 2.0),
                     (int)rect.origin.y - VALUE_GAP - value_height,
                     &value_color);
    }

  if (self->n == 0)
    return;

  label_widths = wenda_bar_chart_get_label_widths (self);
  label_x = g_new (int, self->n);
  anchor = self->highlight >= 0 && (guint)self->highlight < self->n ? (guint)self->highlight : 0;
  self->label_step = wenda_bar_chart_place_labels (label_widths, self->n, width, anchor, label_x);

  for (guint i = anchor % self->label_step; i < self->n; i += self->label_step)
    {
      append_layout (snapshot, g_ptr_array_index (self->label_layouts, i),
                     label_x[i], geometry.baseline + AXIS_WIDTH + LABEL_GAP,
                     (int)i == self->highlight ? &text_color : &label_color);
    }
}

static void
wenda_bar_chart_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  WendaBarChart *self = WENDA_BAR_CHART (widget);

  ensure_layouts (self);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* Wide enough, if the page can give it, for every label and value. */
      int widest = MAX (max_layout_width (self->label_layouts),
                        max_layout_width (self->value_layouts)) + WENDA_BAR_CHART_LABEL_SPACING;
      int slot = MAX (NATURAL_SLOT, widest);

      *minimum = (int)MIN ((gint64)self->n * MIN_SLOT, G_MAXINT / 4);
      *natural = (int)MIN ((gint64)self->n * slot, G_MAXINT / 4);
    }
  else
    {
      int text = max_layout_height (self->value_layouts) + VALUE_GAP +
                 AXIS_WIDTH + LABEL_GAP + max_layout_height (self->label_layouts);

      *minimum = MAX (MIN_HEIGHT, text + MIN_PLOT_HEIGHT);
      *natural = MAX (NATURAL_HEIGHT, *minimum);
    }
}

static gboolean
wenda_bar_chart_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_tooltip,
                               GtkTooltip *tooltip)
{
  WendaBarChart *self = WENDA_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  g_autofree char *text = NULL;
  guint i;

  /* The chart takes no focus, so there is no keyboard tooltip. */
  if (keyboard_tooltip || self->n == 0 || width <= 0 || x < 0 || x >= width)
    return FALSE;

  i = MIN ((guint)((gint64)x * self->n / width), self->n - 1);

  /* The same words as the accessible description, for one bar. */
  text = wenda_bar_chart_build_description ((const char *const *)&self->labels[i],
                                            &self->values[i], 1);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
wenda_bar_chart_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (wenda_bar_chart_parent_class)->css_changed (widget, change);

  /* The text and the axis take the parent's color, read when drawing,
   * which may have changed when ours did not.  (A new font reaches the
   * layouts by itself: they share the widget's Pango context.) */
  gtk_widget_queue_draw (widget);
}

static void
wenda_bar_chart_root (GtkWidget *widget)
{
  WendaBarChart *self = WENDA_BAR_CHART (widget);

  GTK_WIDGET_CLASS (wenda_bar_chart_parent_class)->root (widget);

  /* A new root can mean a new Pango context (another display), which
   * layouts made for the old one would not follow. */
  invalidate_layouts (self);
}

static void
wenda_bar_chart_dispose (GObject *object)
{
  WendaBarChart *self = WENDA_BAR_CHART (object);

  invalidate_layouts (self);

  G_OBJECT_CLASS (wenda_bar_chart_parent_class)->dispose (object);
}

static void
wenda_bar_chart_finalize (GObject *object)
{
  WendaBarChart *self = WENDA_BAR_CHART (object);

  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_pointer (&self->values, g_free);

  G_OBJECT_CLASS (wenda_bar_chart_parent_class)->finalize (object);
}

static void
wenda_bar_chart_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  WendaBarChart *self = WENDA_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      g_value_set_int (value, self->highlight);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_bar_chart_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  WendaBarChart *self = WENDA_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT:
      wenda_bar_chart_set_highlight (self, g_value_get_int (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_bar_chart_class_init (WendaBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_bar_chart_dispose;
  object_class->finalize = wenda_bar_chart_finalize;
  object_class->get_property = wenda_bar_chart_get_property;
  object_class->set_property = wenda_bar_chart_set_property;

  widget_class->snapshot = wenda_bar_chart_snapshot;
  widget_class->measure = wenda_bar_chart_measure;
  widget_class->query_tooltip = wenda_bar_chart_query_tooltip;
  widget_class->css_changed = wenda_bar_chart_css_changed;
  widget_class->root = wenda_bar_chart_root;

  /**
   * WendaBarChart:highlight:
   *
   * The position of the bar whose label stands out (today's, say), or -1
   * for none.
   */
  properties[PROP_HIGHLIGHT] =
    g_param_spec_int ("highlight", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A picture of numbers; the page gives it its accessible label, and
   * set_data() its description, which lists every bar. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
wenda_bar_chart_init (WendaBarChart *self)
{
  self->labels = g_new0 (char *, 1);
  self->highlight = -1;
  self->label_step = 1;

  gtk_widget_add_css_class (GTK_WIDGET (self), "bar-chart");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
wenda_bar_chart_new (void)
{
  return g_object_new (WENDA_TYPE_BAR_CHART, NULL);
}

/**
 * wenda_bar_chart_set_data:
 * @labels: (array length=n): one label per bar, plain text
 * @values: (array length=n): one value per bar
 * @n: the number of bars
 *
 * Shows @n bars, copying @labels and @values, and describes them all in
 * the chart's accessible description.
 */
void
wenda_bar_chart_set_data (WendaBarChart     *self,
                          const char *const *labels,
                          const guint       *values,
                          guint              n)
{
  g_autofree char *description = NULL;

  g_return_if_fail (WENDA_IS_BAR_CHART (self));
  g_return_if_fail (n == 0 || (labels != NULL && values != NULL));
  for (guint i = 0; i < n; i++)
    g_return_if_fail (labels[i] != NULL && g_utf8_validate (labels[i], -1, NULL));

  g_strfreev (self->labels);
  self->labels = g_new0 (char *, (gsize)n + 1);
  for (guint i = 0; i < n; i++)
    self->labels[i] = g_strdup (labels[i]);

  g_free (self->values);
  self->values = g_memdup2 (values, (gsize)n * sizeof *values);
  self->n = n;

  invalidate_layouts (self);

  if (n > 0)
    {
      description = wenda_bar_chart_build_description (labels, values, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  else
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
wenda_bar_chart_get_n_bars (WendaBarChart *self)
{
  g_return_val_if_fail (WENDA_IS_BAR_CHART (self), 0);

  return self->n;
}

guint
wenda_bar_chart_get_value (WendaBarChart *self,
                           guint          position)
{
  g_return_val_if_fail (WENDA_IS_BAR_CHART (self), 0);
  g_return_val_if_fail (position < self->n, 0);

  return self->values[position];
}

/**
 * wenda_bar_chart_set_highlight:
 * @position: a bar's position, or -1 for none
 *
 * Makes the label of the bar at @position stand out: drawn bold and
 * undimmed, so "today" can be told apart from the other days.  A
 * position past the last bar highlights none.
 */
void
wenda_bar_chart_set_highlight (WendaBarChart *self,
                               int            position)
{
  g_return_if_fail (WENDA_IS_BAR_CHART (self));
  g_return_if_fail (position >= -1);

  if (self->highlight == position)
    return;

  self->highlight = position;

  /* A bold label is wider. */
  invalidate_layouts (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGHLIGHT]);
}

int
wenda_bar_chart_get_highlight (WendaBarChart *self)
{
  g_return_val_if_fail (WENDA_IS_BAR_CHART (self), -1);

  return self->highlight;
}

/* "LABEL: VALUE" for each bar, joined with ", ": what the chart shows,
 * in words, for screen readers. */
char *
wenda_bar_chart_build_description (const char *const *labels,
                                   const guint       *values,
                                   guint              n)
{
  GString *description = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (description, ", ");
      g_string_append_printf (description, "%s: %'u", labels[i], values[i]);
    }

  return g_string_free (description, FALSE);
}

static guint
next_step (guint step)
{
  /* Every 2nd label, then every 7th (a week of days), then doubling. */
  if (step == 1)
    return 2;
  if (step == 2)
    return 7;
  return step > G_MAXUINT / 2 ? G_MAXUINT : step * 2;
}

/* Places @n labels @widths wide under @n evenly spaced bars in @width
 * pixels: each centred under its bar, but kept inside the widget.  Shows
 * every label if they fit with WENDA_BAR_CHART_LABEL_SPACING between
 * them, else every 2nd, every 7th, 14th, 28th…, counted from @anchor (the
 * highlighted bar: it always keeps its label).  Returns that step; sets
 * @x[i], a label's left edge, for each shown label (i - @anchor a
 * multiple of the step); the others' x is scratch. */
guint
wenda_bar_chart_place_labels (const int *widths,
                              guint      n,
                              int        width,
                              guint      anchor,
                              int       *x)
{
  double slot;
  guint step = 1;

  if (n == 0)
    return 1;

  g_assert (widths != NULL && x != NULL);
  g_assert (anchor < n);

  slot = (double)width / n;

  for (;;)
    {
      gboolean fits = TRUE;
      int right = 0;

      for (guint i = anchor % step; i < n; i += step)
        {
          int left = (int)round (slot * (i + 0.5) - widths[i] / 2.0);

          left = MIN (left, width - widths[i]);
          left = MAX (left, 0);
          x[i] = left;

          if (i >= step && left < right + WENDA_BAR_CHART_LABEL_SPACING)
            fits = FALSE;
          right = left + widths[i];

          if (!fits || i > G_MAXUINT - step)
            break;
        }

      /* Past n, only the anchor's label is shown, which always fits. */
      if (fits || step >= n)
        return step;

      step = next_step (step);
    }
}

/* The width of each label as drawn, in pixels (n of them; free with
 * g_free()). */
int *
wenda_bar_chart_get_label_widths (WendaBarChart *self)
{
  int *widths;

  g_return_val_if_fail (WENDA_IS_BAR_CHART (self), NULL);

  ensure_layouts (self);

  widths = g_new (int, MAX (self->n, 1));
  for (guint i = 0; i < self->n; i++)
    widths[i] = layout_width (g_ptr_array_index (self->label_layouts, i));

  return widths;
}

/* Every how many bars a label was shown when the chart was last drawn. */
guint
wenda_bar_chart_get_label_step (WendaBarChart *self)
{
  g_return_val_if_fail (WENDA_IS_BAR_CHART (self), 1);

  return self->label_step;
}
