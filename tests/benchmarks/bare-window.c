/* bare-window.c: the baseline of the startup benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An empty AdwApplicationWindow with a header bar, of the app's default
 * size (960×640).  startup.py times it against the real app: what the app
 * costs beyond this is what the app itself adds to the start of any
 * libadwaita program.
 *
 * With WENDA_BENCHMARK_FIRST_FRAME=1 it reports its first painted frame
 * with the app's own code (src/wenda-first-frame.c, compiled in here; no
 * other app code is), the same line on stderr, and quits:
 *
 *   wenda-first-frame-us N
 *
 * N is g_get_monotonic_time() (CLOCK_MONOTONIC, µs) at the first
 * "after-paint" of the window's frame clock.
 */
#include <adwaita.h>
#include <locale.h>

#include "wenda-first-frame.h"


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
    wenda_report_first_frame (GTK_WINDOW (window), app);

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
