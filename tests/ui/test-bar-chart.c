/* test-bar-chart.c: WendaBarChart, drawn in a real window and read back
 * pixel by pixel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "ui-helpers.h"
#include "wenda-bar-chart.h"
#include "wenda-bar-chart-private.h"

#define N_DAYS 14

static const char *const days[N_DAYS] = {
  "Today", "Mon 30", "Tue 31", "Wed 1", "Thu 2", "Fri 3", "Sat 4",
  "Sun 5", "Mon 6", "Tue 7", "Wed 8", "Thu 9", "Fri 10", "Sat 11",
};

/* A chart in a window of its own, @width × @height, shown and drawn. */
typedef struct
{
  GtkWindow     *window;
  WendaBarChart *chart;
} Fixture;

/* The chart's pixels, read back from the GPU (or cairo). */
typedef struct
{
  int     width;
  int     height;
  guchar *data;    /* premultiplied ARGB32, native-endian, stride width*4 */
} Pixels;

/* A bar found in the pixels: its columns, and its rows in its middle
 * column. */
typedef struct
{
  int left;
  int right;
  int top;
  int bottom;
} Bar;

/* Waits until the window has been painted with the chart @width wide. */
static void
wait_drawn (Fixture *fixture,
            int      width)
{
  ui_wait_allocation (GTK_WIDGET (fixture->chart), width, -1);
}

static void
fixture_set_up (Fixture *fixture,
                int      width,
                int      height)
{
  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->chart = WENDA_BAR_CHART (wenda_bar_chart_new ());
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->chart));
  gtk_window_present (fixture->window);
  ui_wait_mapped (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture *fixture)
{
  gtk_window_destroy (fixture->window);
}

static void
pixels_clear (Pixels *pixels)
{
  g_clear_pointer (&pixels->data, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pixels, pixels_clear)

/* Renders the chart as the window does, with the window's renderer. */
static void
render_chart (WendaBarChart *chart,
              Pixels        *pixels)
{
  GtkWidget *widget = GTK_WIDGET (chart);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  pixels->width = gtk_widget_get_width (widget);
  pixels->height = gtk_widget_get_height (widget);
  g_assert_cmpint (pixels->width, >, 0);
  g_assert_cmpint (pixels->height, >, 0);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), pixels->width, pixels->height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, pixels->width, pixels->height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, pixels->width);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, pixels->height);

  pixels->data = g_malloc ((gsize)pixels->width * pixels->height * 4);
  gdk_texture_download (texture, pixels->data, (gsize)pixels->width * 4);
}

static guint32
pixel_at (const Pixels *pixels,
          int           x,
          int           y)
{
  guint32 pixel;

  g_assert (x >= 0 && x < pixels->width && y >= 0 && y < pixels->height);
  memcpy (&pixel, pixels->data + ((gsize)y * pixels->width + x) * 4, sizeof pixel);
  return pixel;
}

static guint
alpha_at (const Pixels *pixels,
          int           x,
          int           y)
{
  return pixel_at (pixels, x, y) >> 24;
}

/* Whether the pixel is the bars' color, opaque: antialiased text, in
 * another color and mostly translucent, never is. */
static gboolean
is_bar_pixel (const Pixels  *pixels,
              int            x,
              int            y,
              const GdkRGBA *bar)
{
  guint32 pixel = pixel_at (pixels, x, y);
  int r = (pixel >> 16) & 0xff;
  int g = (pixel >> 8) & 0xff;
  int b = pixel & 0xff;

  return (pixel >> 24) == 0xff &&
         ABS (r - (int)round (bar->red * 255)) <= 3 &&
         ABS (g - (int)round (bar->green * 255)) <= 3 &&
         ABS (b - (int)round (bar->blue * 255)) <= 3;
}

static gboolean
column_has_bar (const Pixels  *pixels,
                int            x,
                const GdkRGBA *bar)
{
  for (int y = 0; y < pixels->height; y++)
    {
      if (is_bar_pixel (pixels, x, y, bar))
        return TRUE;
    }

  return FALSE;
}

/* The bars, left to right: runs of columns holding the bar color. */
static GArray *
find_bars (const Pixels  *pixels,
           const GdkRGBA *color)
{
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (Bar));

  for (int x = 0; x < pixels->width; x++)
    {
      Bar bar = { x, x, -1, -1 };
      int middle;

      if (!column_has_bar (pixels, x, color))
        continue;

      while (bar.right + 1 < pixels->width && column_has_bar (pixels, bar.right + 1, color))
        bar.right++;
      x = bar.right;

      /* The middle column is clear of the rounded corners, and solid. */
      middle = (bar.left + bar.right) / 2;
      for (int y = 0; y < pixels->height; y++)
        {
          if (is_bar_pixel (pixels, middle, y, color))
            {
              if (bar.top < 0)
                bar.top = y;
              else
                g_assert_cmpint (bar.bottom, ==, y - 1);
              bar.bottom = y;
            }
        }
      g_array_append_val (bars, bar);
    }

  return bars;
}

static int
bar_height (const Bar *bar)
{
  return bar->bottom - bar->top + 1;
}

/* The axis: the lowest row that has ink at both ends (labels are kept a
 * few pixels off the ends, and nothing else reaches them). */
static int
find_axis (const Pixels *pixels)
{
  int axis = -1;

  for (int y = 0; y < pixels->height; y++)
    {
      if (alpha_at (pixels, 0, y) > 0 && alpha_at (pixels, pixels->width - 1, y) > 0)
        {
          g_assert_cmpint (axis, ==, -1);
          axis = y;
        }
    }

  g_assert_cmpint (axis, >=, 0);
  return axis;
}

/* Clusters of inked columns under the axis: one per label drawn.  Ink
 * gaps between labels are at least their spacing; the space inside
 * "Mon 30" is narrower. */
static guint
count_labels (const Pixels *pixels,
              int           axis)
{
  guint labels = 0;
  int gap = G_MAXINT;

  for (int x = 0; x < pixels->width; x++)
    {
      gboolean ink = FALSE;

      for (int y = axis + 1; y < pixels->height && !ink; y++)
        ink = alpha_at (pixels, x, y) > 0;

      if (ink)
        {
          if (gap >= WENDA_BAR_CHART_LABEL_SPACING)
            labels++;
          gap = 0;
        }
      else if (gap < G_MAXINT)
        {
          gap++;
        }
    }

  return labels;
}

static GdkRGBA
bar_color (WendaBarChart *chart)
{
  GdkRGBA color;

  wenda_widget_get_color (GTK_WIDGET (chart), &color);
  return color;
}

static void
test_bars (void)
{
  const char *labels[] = { "Today", "Mon 30", "Tue 31", "Wed 1" };
  const guint values[] = { 0, 3, 6, 1 };
  Fixture fixture;
  g_auto(Pixels) pixels = { 0 };
  g_autoptr(GArray) bars = NULL;
  GdkRGBA color;
  int slot, axis;

  fixture_set_up (&fixture, 400, 240);
  wenda_bar_chart_set_data (fixture.chart, labels, values, G_N_ELEMENTS (values));
  wait_drawn (&fixture, 400);
  render_chart (fixture.chart, &pixels);

  /* style.css reached the chart: its bars are the accent blue, not the
   * (grey) text color. */
  color = bar_color (fixture.chart);
  g_assert_cmpfloat (color.alpha, ==, 1.0);
  g_assert_cmpfloat (color.blue, >, color.red + 0.3);

  axis = find_axis (&pixels);
  bars = find_bars (&pixels, &color);
  slot = pixels.width / 4;

  /* The 0 draws nothing: three bars, in data order, one per slot, each
   * standing on the axis. */
  g_assert_cmpuint (bars->len, ==, 3);
  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);

      g_assert_cmpint (bar->left, >=, (int)(i + 1) * slot);
      g_assert_cmpint (bar->right, <, (int)(i + 2) * slot);
      g_assert_cmpint (bar->bottom, ==, axis - 1);
    }

  /* Heights are proportional to the values; the 6 fills the plot. */
  g_assert_cmpint (bar_height (&g_array_index (bars, Bar, 1)), >, pixels.height / 2);
  g_assert_cmpint (ABS (bar_height (&g_array_index (bars, Bar, 1)) -
                        2 * bar_height (&g_array_index (bars, Bar, 0))), <=, 2);
  g_assert_cmpint (ABS (bar_height (&g_array_index (bars, Bar, 1)) -
                        6 * bar_height (&g_array_index (bars, Bar, 2))), <=, 6);

  /* Nothing at all above the axis in the 0's slot: no bar, no "0". */
  for (int y = 0; y < axis; y++)
    for (int x = 0; x < slot; x++)
      g_assert_cmpuint (alpha_at (&pixels, x, y), ==, 0);

  /* Each nonzero bar has its value over it, in text ink above the bar. */
  for (guint i = 0; i < bars->len; i++)
    {
      const Bar *bar = &g_array_index (bars, Bar, i);
      gboolean ink = FALSE;

      for (int y = MAX (bar->top - 30, 0); y < bar->top - 1 && !ink; y++)
        for (int x = bar->left; x <= bar->right && !ink; x++)
          ink = alpha_at (&pixels, x, y) > 0;
      g_assert_true (ink);
    }

  /* Every label fits at 400 px, so all four are drawn. */
  g_assert_cmpuint (wenda_bar_chart_get_label_step (fixture.chart), ==, 1);
  g_assert_cmpuint (count_labels (&pixels, axis), ==, 4);

  fixture_tear_down (&fixture);
}

static void
test_all_zero (void)
{
  const guint values[N_DAYS] = { 0 };
  Fixture fixture;
  g_auto(Pixels) pixels = { 0 };
  g_autoptr(GArray) bars = NULL;
  GdkRGBA color;
  int axis;

  fixture_set_up (&fixture, 500, 200);
  wenda_bar_chart_set_data (fixture.chart, days, values, N_DAYS);
  wait_drawn (&fixture, 500);
  render_chart (fixture.chart, &pixels);

  color = bar_color (fixture.chart);
  bars = find_bars (&pixels, &color);
  g_assert_cmpuint (bars->len, ==, 0);

  /* An empty chart: the axis, the labels under it, nothing above it. */
  axis = find_axis (&pixels);
  for (int y = 0; y < axis; y++)
    for (int x = 0; x < pixels.width; x++)
      g_assert_cmpuint (alpha_at (&pixels, x, y), ==, 0);
  g_assert_cmpuint (count_labels (&pixels, axis), >, 0);

  fixture_tear_down (&fixture);
}

/* The labels shown for @step from @anchor don't overlap, keep their
 * spacing and stay inside the widget. */
static void
assert_labels_apart (const int *widths,
                     guint      n,
                     int        width,
                     guint      anchor,
                     guint      step,
                     const int *x)
{
  for (guint i = anchor % step; i < n; i += step)
    {
      g_assert_cmpint (x[i], >=, 0);
      if (widths[i] <= width)
        g_assert_cmpint (x[i] + widths[i], <=, width);
      if (i >= step)
        g_assert_cmpint (x[i], >=, x[i - step] + widths[i - step] + WENDA_BAR_CHART_LABEL_SPACING);
    }
}

static void
test_label_step (void)
{
  const guint steps[] = { 1, 2, 7, 14, 28, 56 };
  int widths[60];
  int x[60];

  /* 14 labels 40 px wide: all fit in 1200 px, every 2nd in 400 px
   * (28.6 px a bar), every 7th in 200 px. */
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    widths[i] = 40;
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 14, 1200, 0, x), ==, 1);
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 14, 400, 0, x), ==, 2);
  assert_labels_apart (widths, 14, 400, 0, 2, x);
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 14, 200, 0, x), ==, 7);
  assert_labels_apart (widths, 14, 200, 0, 7, x);

  /* Counted from the anchor, which always has its label: the last bar
   * (today, on a chart of the past) and a week before it. */
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 14, 200, 13, x), ==, 7);
  g_assert_cmpint (x[6], ==, (int)round (200.0 / 14 * 6.5) - 20);
  g_assert_cmpint (x[13], ==, 200 - 40);
  assert_labels_apart (widths, 14, 200, 13, 7, x);
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 0, 200, 0, x), ==, 1);

  /* Centred under their bars when there is room: 100 px a bar. */
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 2, 200, 0, x), ==, 1);
  g_assert_cmpint (x[0], ==, 30);
  g_assert_cmpint (x[1], ==, 130);

  /* Kept inside at the ends, which must not make them overlap: a wide
   * first label pushed right. */
  widths[0] = 90;
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, 4, 200, 0, x), ==, 2);
  g_assert_cmpint (x[0], ==, 0);
  assert_labels_apart (widths, 4, 200, 0, 2, x);

  /* Many widths and sizes: the step is the first that fits, and what it
   * places never overlaps. */
  for (guint seed = 0; seed < 400; seed++)
    {
      GRand *rand = g_rand_new_with_seed (seed);
      guint n = g_rand_int_range (rand, 1, 60);
      int width = g_rand_int_range (rand, 60, 1300);
      guint anchor = g_rand_int_range (rand, 0, n);
      guint step;

      for (guint i = 0; i < n; i++)
        widths[i] = g_rand_int_range (rand, 10, 90);

      step = wenda_bar_chart_place_labels (widths, n, width, anchor, x);
      assert_labels_apart (widths, n, width, anchor, step, x);

      for (guint k = 0; k < G_N_ELEMENTS (steps) && steps[k] < step; k++)
        {
          int smaller[60];
          gboolean overlap = FALSE;

          /* place_labels at a smaller step would have to overlap: redo
           * its placement by hand. */
          for (guint i = anchor % steps[k]; i < n; i += steps[k])
            {
              double slot = (double)width / n;
              int left = (int)round (slot * (i + 0.5) - widths[i] / 2.0);

              smaller[i] = MAX (MIN (left, width - widths[i]), 0);
              if (i >= steps[k] && smaller[i] < smaller[i - steps[k]] + widths[i - steps[k]] +
                                        WENDA_BAR_CHART_LABEL_SPACING)
                overlap = TRUE;
            }
          g_assert_true (overlap);
        }

      g_rand_free (rand);
    }
}

/* All the ink under the axis lies in the boxes of the labels shown
 * (give or take a pixel of antialiasing). */
static void
assert_ink_in_labels (const Pixels *pixels,
                      const int    *widths,
                      guint         n,
                      guint         anchor,
                      guint         step,
                      const int    *x)
{
  int axis = find_axis (pixels);

  for (int column = 0; column < pixels->width; column++)
    {
      gboolean ink = FALSE;
      gboolean in_label = FALSE;

      for (int y = axis + 1; y < pixels->height && !ink; y++)
        ink = alpha_at (pixels, column, y) > 0;

      for (guint i = anchor % step; i < n && !in_label; i += step)
        in_label = column >= x[i] - 1 && column <= x[i] + widths[i];

      if (ink && !in_label)
        g_error ("label ink at column %d, outside the labels shown", column);
    }
}

/* Whether there is label ink under the bar at @position of N_DAYS. */
static gboolean
label_under (const Pixels *pixels,
             guint         position)
{
  int axis = find_axis (pixels);
  int slot = pixels->width / N_DAYS;

  for (int y = axis + 1; y < pixels->height; y++)
    for (int x = position * slot; x < (int)(position + 1) * slot; x++)
      {
        if (alpha_at (pixels, x, y) > 0)
          return TRUE;
      }

  return FALSE;
}

static guint
shown_labels (guint n,
              guint step)
{
  return (n + step - 1) / step;
}

static void
test_narrow (void)
{
  guint values[N_DAYS];
  Fixture fixture;
  g_auto(Pixels) wide = { 0 };
  g_auto(Pixels) narrow = { 0 };
  g_autofree int *widths = NULL;
  int x[N_DAYS];
  guint step;

  for (guint i = 0; i < N_DAYS; i++)
    values[i] = (i * 7) % 11;

  fixture_set_up (&fixture, 1200, 240);
  wenda_bar_chart_set_data (fixture.chart, days, values, N_DAYS);
  wait_drawn (&fixture, 1200);
  render_chart (fixture.chart, &wide);
  g_assert_cmpuint (wenda_bar_chart_get_label_step (fixture.chart), ==, 1);
  g_assert_cmpuint (count_labels (&wide, find_axis (&wide)), ==, N_DAYS);

  gtk_window_set_default_size (fixture.window, 300, 240);
  wait_drawn (&fixture, 300);
  render_chart (fixture.chart, &narrow);

  /* The drawn step is the one the helper finds for these labels at this
   * width, and it spaces them apart. */
  widths = wenda_bar_chart_get_label_widths (fixture.chart);
  step = wenda_bar_chart_place_labels (widths, N_DAYS, 300, 0, x);
  g_assert_cmpuint (step, >, 1);
  g_assert_cmpuint (wenda_bar_chart_get_label_step (fixture.chart), ==, step);
  assert_labels_apart (widths, N_DAYS, 300, 0, step, x);
  assert_ink_in_labels (&narrow, widths, N_DAYS, 0, step, x);
  g_assert_cmpuint (count_labels (&narrow, find_axis (&narrow)), ==, shown_labels (N_DAYS, step));
  g_assert_true (label_under (&narrow, 0));
  g_assert_false (label_under (&narrow, N_DAYS - 1));

  /* With the last bar highlighted, the labels are counted from it. */
  wenda_bar_chart_set_highlight (fixture.chart, N_DAYS - 1);
  wait_drawn (&fixture, 300);
  pixels_clear (&narrow);
  render_chart (fixture.chart, &narrow);
  g_assert_cmpuint (wenda_bar_chart_get_label_step (fixture.chart), ==, step);
  g_assert_true (label_under (&narrow, N_DAYS - 1));
  g_clear_pointer (&widths, g_free);
  widths = wenda_bar_chart_get_label_widths (fixture.chart);
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, N_DAYS, 300, N_DAYS - 1, x), ==, step);
  assert_ink_in_labels (&narrow, widths, N_DAYS, N_DAYS - 1, step, x);

  fixture_tear_down (&fixture);
}

static void
test_copies (void)
{
  char label[] = "iii";
  const char *labels[] = { label, "Mon 30" };
  guint values[] = { 4, 9 };
  g_autoptr(WendaBarChart) chart = g_object_ref_sink (WENDA_BAR_CHART (wenda_bar_chart_new ()));
  g_autoptr(WendaBarChart) wide = g_object_ref_sink (WENDA_BAR_CHART (wenda_bar_chart_new ()));
  const char *wide_labels[] = { "WWW", "Mon 30" };
  g_autofree int *widths = NULL;
  g_autofree int *wide_widths = NULL;

  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 0);

  wenda_bar_chart_set_data (chart, labels, values, 2);
  wenda_bar_chart_set_data (wide, wide_labels, values, 2);

  /* Changing the caller's arrays afterwards changes nothing. */
  values[0] = 100;
  values[1] = 0;
  memcpy (label, "WWW", sizeof label);

  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 2);
  g_assert_cmpuint (wenda_bar_chart_get_value (chart, 0), ==, 4);
  g_assert_cmpuint (wenda_bar_chart_get_value (chart, 1), ==, 9);

  /* The label was copied as "iii": it is narrower than "WWW". */
  widths = wenda_bar_chart_get_label_widths (chart);
  wide_widths = wenda_bar_chart_get_label_widths (wide);
  g_assert_cmpint (widths[0], <, wide_widths[0]);
  g_assert_cmpint (widths[1], ==, wide_widths[1]);

  /* New data replaces the old. */
  wenda_bar_chart_set_data (chart, labels, values, 1);
  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 1);
  g_assert_cmpuint (wenda_bar_chart_get_value (chart, 0), ==, 100);

  wenda_bar_chart_set_data (chart, NULL, NULL, 0);
  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 0);
}

static void
test_bad_arguments (void)
{
  const char *labels[] = { "Today", NULL };
  const guint values[] = { 1, 2 };
  g_autoptr(WendaBarChart) chart = g_object_ref_sink (WENDA_BAR_CHART (wenda_bar_chart_new ()));

  wenda_bar_chart_set_data (chart, labels, values, 1);

  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*position < self->n*");
  g_assert_cmpuint (wenda_bar_chart_get_value (chart, 1), ==, 0);
  g_test_assert_expected_messages ();

  /* A missing label is refused, and the data stays as it was. */
  g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*labels[i] != NULL*");
  wenda_bar_chart_set_data (chart, labels, values, 2);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (wenda_bar_chart_get_n_bars (chart), ==, 1);
}

static void
test_description (void)
{
  const char *labels[] = { "Today", "Mon 30", "<b>Tue</b> & 31" };
  const guint values[] = { 3, 0, 12 };
  g_autofree char *description = NULL;
  g_autofree char *one = NULL;
  g_autofree char *none = NULL;
  g_autoptr(WendaBarChart) chart = g_object_ref_sink (WENDA_BAR_CHART (wenda_bar_chart_new ()));

  /* Every bar, zeros too, labels verbatim (never markup). */
  description = wenda_bar_chart_build_description (labels, values, 3);
  g_assert_cmpstr (description, ==, "Today: 3, Mon 30: 0, <b>Tue</b> & 31: 12");

  one = wenda_bar_chart_build_description (labels, values, 1);
  g_assert_cmpstr (one, ==, "Today: 3");

  none = wenda_bar_chart_build_description (labels, values, 0);
  g_assert_cmpstr (none, ==, "");

  /* GTK 4.8 has no getter for accessible properties; the role can be
   * read. */
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_highlight (void)
{
  const char *labels[] = { "Today", "Mon 30" };
  const guint values[] = { 1, 2 };
  g_autoptr(WendaBarChart) chart = g_object_ref_sink (WENDA_BAR_CHART (wenda_bar_chart_new ()));
  g_autofree int *plain = NULL;
  g_autofree int *bold = NULL;
  guint notified = 0;

  wenda_bar_chart_set_data (chart, labels, values, 2);
  g_assert_cmpint (wenda_bar_chart_get_highlight (chart), ==, -1);
  plain = wenda_bar_chart_get_label_widths (chart);

  g_signal_connect (chart, "notify::highlight", G_CALLBACK (count_notify), &notified);

  wenda_bar_chart_set_highlight (chart, 0);
  wenda_bar_chart_set_highlight (chart, 0);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (wenda_bar_chart_get_highlight (chart), ==, 0);

  /* The highlighted label is bold, so wider; the other is as it was. */
  bold = wenda_bar_chart_get_label_widths (chart);
  g_assert_cmpint (bold[0], >, plain[0]);
  g_assert_cmpint (bold[1], ==, plain[1]);
}

static void
test_measure (void)
{
  guint values[N_DAYS] = { 0 };
  g_autoptr(GtkCssProvider) big = gtk_css_provider_new ();
  g_autofree int *widths = NULL;
  int x[N_DAYS];
  Fixture fixture;
  int min_width, nat_width, min_height, nat_height, big_width;

  values[0] = 12;
  fixture_set_up (&fixture, 600, 240);
  wenda_bar_chart_set_data (fixture.chart, days, values, N_DAYS);

  gtk_widget_measure (GTK_WIDGET (fixture.chart), GTK_ORIENTATION_HORIZONTAL, -1,
                      &min_width, &nat_width, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (fixture.chart), GTK_ORIENTATION_VERTICAL, -1,
                      &min_height, &nat_height, NULL, NULL);
  g_assert_cmpint (min_width, >=, N_DAYS * 14);
  g_assert_cmpint (min_width, <=, 300);
  g_assert_cmpint (min_height, >=, 160);
  g_assert_cmpint (nat_height, >=, min_height);

  /* At its natural width every label shows. */
  widths = wenda_bar_chart_get_label_widths (fixture.chart);
  g_assert_cmpuint (wenda_bar_chart_place_labels (widths, N_DAYS, nat_width, 0, x), ==, 1);

  /* The text follows the widget's font: a larger one asks for more. */
  gtk_css_provider_load_from_string (big, ".bar-chart.big-text { font-size: 30px; }");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (big),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (GTK_WIDGET (fixture.chart), "big-text");
  /* Styles are recomputed for the next frame. */
  wait_drawn (&fixture, 600);
  gtk_widget_measure (GTK_WIDGET (fixture.chart), GTK_ORIENTATION_HORIZONTAL, -1,
                      NULL, &big_width, NULL, NULL);
  g_assert_cmpint (big_width, >, nat_width * 3 / 2);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (big));
  fixture_tear_down (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) app_css = gtk_css_provider_new ();

  ui_init (&argc, &argv);
  adw_init ();

  /* The app's style sheet, which the app (an AdwApplication) loads by
   * itself, gives the bars their color. */
  gtk_css_provider_load_from_resource (app_css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (app_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/Wenda/BarChart/bars", test_bars);
  g_test_add_func ("/Wenda/BarChart/all-zero", test_all_zero);
  g_test_add_func ("/Wenda/BarChart/label-step", test_label_step);
  g_test_add_func ("/Wenda/BarChart/narrow", test_narrow);
  g_test_add_func ("/Wenda/BarChart/copies", test_copies);
  g_test_add_func ("/Wenda/BarChart/bad-arguments", test_bad_arguments);
  g_test_add_func ("/Wenda/BarChart/description", test_description);
  g_test_add_func ("/Wenda/BarChart/highlight", test_highlight);
  g_test_add_func ("/Wenda/BarChart/measure", test_measure);

  return g_test_run ();
}
