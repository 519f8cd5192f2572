/* wenda-bar-chart.h: a small bar chart drawn with GtkSnapshot
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WENDA_TYPE_BAR_CHART (wenda_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (WendaBarChart, wenda_bar_chart, WENDA, BAR_CHART, GtkWidget)

GtkWidget *wenda_bar_chart_new        (void);
/* @labels: one short label per bar ("Today", "Mon" or "12/3"), copied;
 * @values: n values, copied.  Labels and values are plain text, never
 * markup.  The chart's accessible description lists them all. */
void       wenda_bar_chart_set_data   (WendaBarChart      *self,
                                       const char *const  *labels,
                                       const guint        *values,
                                       guint               n);
guint      wenda_bar_chart_get_n_bars (WendaBarChart      *self);
guint      wenda_bar_chart_get_value  (WendaBarChart      *self,
                                       guint               position);
/* The bar whose label stands out (bold, undimmed), e.g. today's; -1 (the
 * default) for none. */
void       wenda_bar_chart_set_highlight (WendaBarChart   *self,
                                          int              position);
int        wenda_bar_chart_get_highlight (WendaBarChart   *self);

G_END_DECLS
