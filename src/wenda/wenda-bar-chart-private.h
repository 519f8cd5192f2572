/* wenda-bar-chart-private.h: the bar chart's pure helpers, for its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bar-chart.h"

G_BEGIN_DECLS

/* The least horizontal space between two labels, in pixels. */
#define WENDA_BAR_CHART_LABEL_SPACING 8

char  *wenda_bar_chart_build_description  (const char *const *labels,
                                           const guint       *values,
                                           guint              n);
guint  wenda_bar_chart_place_labels       (const int         *widths,
                                           guint              n,
                                           int                width,
                                           guint              anchor,
                                           int               *x);
int   *wenda_bar_chart_get_label_widths   (WendaBarChart     *self);
guint  wenda_bar_chart_get_label_step     (WendaBarChart     *self);
/* A widget's CSS color, on GTK 4.8 and on 4.10+ alike. */
void   wenda_widget_get_color             (GtkWidget         *widget,
                                           GdkRGBA           *color);

G_END_DECLS
