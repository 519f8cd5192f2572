/* bare-window.c: the baseline of the startup benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty AdwApplicationWindow with a header bar, of the app's default
 * size (960×640).  startup.py times it against the real app: what the app
 * costs beyond this is what the app itself adds to the start of any
 * libadwaita program.
 *
 * With WENDA_BENCHMARK_FIRST_FRAME=1 it reports its first painted frame the
 * way the app does (src/wenda-application.c, on_first_frame_painted), with
 * the same line on stderr, and quits:
 *
 *   wenda-first-frame-us N
 *
 * N is g_get_monotonic_time() (CLOCK_MONOTONIC, µs) at the first
 * "after-paint" of the window's frame clock.
 */
#include <adwaita.h>
#include <locale.h>

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

static void
on_activate (GApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (g_strcmp0 (g_getenv ("WENDA_BENCHMARK_FIRST_FRAME"), "1") == 0)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize), app, 0);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  setlocale (LC_ALL, "");

  app = adw_application_new ("io.github.wenda.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
