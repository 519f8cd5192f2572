/* mode-switch.c: how long switching the reading mode takes, to the frame
 *
 * Opens the real window on the longest topic and switches zh → en → both
 * → zh many times.  Each switch is timed from the call to the end of the
 * next painted frame (the frame clock's after-paint), so the time covers
 * rebuilding the text, layout and drawing.  The baseline, measured the
 * same way in the same process, is a frame with nothing changed (a plain
 * queue_draw).  Both are compared with one frame at 60 Hz, 16.7 ms.
 *
 * Needs a display: run it under Xvfb, e.g.
 *   meson test -C build --benchmark -v mode-switch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "wenda-application.h"
#include "wenda-window.h"

static gint64 painted_at;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
}

/* Runs the main loop until a frame is painted after @since. */
static void
wait_for_paint (gint64 since)
{
  while (painted_at <= since)
    g_main_context_iteration (NULL, TRUE);
}

static double
percentile (GArray *samples,
            double  p)
{
  g_array_sort (samples, compare_doubles);
  return g_array_index (samples, double, (guint)((samples->len - 1) * p));
}

int
main (int   argc,
      char *argv[])
{
  static const WendaContentMode cycle[] = {
    WENDA_CONTENT_MODE_EN, WENDA_CONTENT_MODE_BOTH, WENDA_CONTENT_MODE_ZH,
  };
  g_autoptr(WendaApplication) app = NULL;
  g_autoptr(GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) calls = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *by_mode[G_N_ELEMENTS (cycle)];
  WendaWindow *window;
  WendaBank *bank;
  GdkFrameClock *clock;
  guint rounds = argc > 1 ? (guint)atoi (argv[1]) : 60;
  guint longest = 0;
  gsize longest_len = 0;
  double switch_median, base_median;

  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    by_mode[i] = g_array_new (FALSE, FALSE, sizeof (double));

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  wenda_i18n_init ();
  gtk_init ();
  adw_init ();

  app = wenda_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  window = WENDA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  bank = wenda_window_get_bank (window);

  /* The longest topic, in both languages. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      gsize len = 0;

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        len += strlen (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH)) +
               strlen (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_EN));
      if (len > longest_len)
        {
          longest_len = len;
          longest = wenda_qa_item_get_number (item);
        }
    }
  wenda_window_show_topic (window, longest);

  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  wait_for_paint (g_get_monotonic_time ());

  /* Warm up: every mode once.  Without the English catalog (run from a
   * build tree without WENDA_LOCALEDIR) every mode shows Chinese, nothing
   * changes, and no frame would come. */
  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      WendaContentMode shown;

      wenda_window_set_content_mode (window, cycle[i]);
      g_object_get (window, "shown-mode", &shown, NULL);
      if (shown != cycle[i])
        g_error ("The content has no English rendering: set WENDA_LOCALEDIR to the build's po/");
      wait_for_paint (t0);
    }

  for (guint r = 0; r < rounds; r++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
        {
          gint64 t0 = g_get_monotonic_time ();
          double ms;

          wenda_window_set_content_mode (window, cycle[i]);
          ms = (g_get_monotonic_time () - t0) / 1000.0;
          g_array_append_val (calls, ms);
          wait_for_paint (t0);
          ms = (painted_at - t0) / 1000.0;
          g_array_append_val (switches, ms);
          g_array_append_val (by_mode[i], ms);

          t0 = g_get_monotonic_time ();
          gtk_widget_queue_draw (GTK_WIDGET (window));
          wait_for_paint (t0);
          ms = (painted_at - t0) / 1000.0;
          g_array_append_val (baseline, ms);
        }
    }

  switch_median = percentile (switches, 0.5);
  base_median = percentile (baseline, 0.5);

  printf ("mode switch on topic %u (%" G_GSIZE_FORMAT " bytes of text), %u switches, renderer %s\n",
          longest, longest_len, switches->len,
          g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("  switch to painted frame: median %.2f ms, p95 %.2f ms, max %.2f ms\n",
          switch_median, percentile (switches, 0.95), percentile (switches, 1.0));
  printf ("  of which the call itself (new text in the widgets): median %.2f ms\n",
          percentile (calls, 0.5));
  printf ("  by the mode switched to: English %.2f ms, both %.2f ms, Chinese %.2f ms (medians)\n",
          percentile (by_mode[0], 0.5), percentile (by_mode[1], 0.5), percentile (by_mode[2], 0.5));
  for (guint i = 0; i < G_N_ELEMENTS (cycle); i++)
    g_array_unref (by_mode[i]);
  printf ("  unchanged frame (baseline): median %.2f ms, p95 %.2f ms\n",
          base_median, percentile (baseline, 0.95));
  printf ("  ratio switch/baseline: %.2f; median switch is %.0f%% of one 60 Hz frame (16.7 ms): %s\n",
          switch_median / base_median, 100.0 * switch_median / 16.7,
          switch_median <= 16.7 ? "within one frame" : "MISSES one frame");

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
