/* wenda-first-frame.c: report the first painted frame, for benchmarks
 *
 * With WENDA_BENCHMARK_FIRST_FRAME=1 the app prints a line
 * "wenda-first-frame-us N" when its window's first frame has been painted
 * (the frame clock's first after-paint), then quits; N is
 * g_get_monotonic_time(), CLOCK_MONOTONIC, in microseconds.
 * tests/benchmarks/startup.py measures startup with it, and the bare
 * window it compares with compiles this same file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "wenda-first-frame.h"

static void
on_first_frame_painted (GdkFrameClock *frame_clock,
                        GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (frame_clock, on_first_frame_painted, app);
  g_printerr ("wenda-first-frame-us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (app);
}

static void
on_window_realize (GtkWidget    *window,
                   GApplication *app)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (on_first_frame_painted), app, 0);
}

/**
 * wenda_report_first_frame:
 *
 * Arranges for @window's first painted frame to be reported, and @app to
 * quit then.  Call before the window is realized.
 */
void
wenda_report_first_frame (GtkWindow    *window,
                          GApplication *app)
{
  g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), app, 0);
}
