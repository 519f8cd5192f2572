/* open-topic.c: opening the richest topic, against the bundled bank's
 * longest plain one, from the selection to the painted frame
 *
 * Two windows of one app: one on the bundled bank, on its longest topic
 * (paragraphs only); one on tests/fixtures/rich/rich.md, on its topic 1 (a
 * table, two code blocks, an image, nested lists, a quote, task marks,
 * details).  Each round opens, in each window, another topic first, waits
 * for its frame, then opens the measured topic and times it from the call
 * to the end of the next painted frame (the frame clock's after-paint):
 * parsing, building the widgets, layout and drawing.  The two are
 * interleaved, so a busy machine slows both alike; the figure is the ratio
 * of the medians, and each median against one 60 Hz frame (16.7 ms).
 *
 *   meson test -C build --benchmark -v open-topic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "wenda-application.h"
#include "wenda-import.h"
#include "wenda-window.h"

typedef struct
{
  WendaWindow *window;
  gint64       painted_at;
} Pane;

static void
on_after_paint (GdkFrameClock *clock,
                Pane          *pane)
{
  pane->painted_at = g_get_monotonic_time ();
}

static void
wait_for_paint (Pane   *pane,
                gint64  since)
{
  while (pane->painted_at <= since)
    g_main_context_iteration (NULL, TRUE);
}

/* Opens @number in @pane; returns ms from the call to its painted frame */
static double
open_topic (Pane  *pane,
            guint  number)
{
  gint64 t0 = g_get_monotonic_time ();

  if (!wenda_window_show_topic (pane->window, number))
    g_error ("no topic %u", number);
  wait_for_paint (pane, t0);
  return (pane->painted_at - t0) / 1000.0;
}

static void
pane_init (Pane        *pane,
           WendaWindow *window)
{
  pane->window = window;
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 900);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), pane);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WendaApplication) app = NULL;
  g_autoptr(WendaBank) rich = NULL;
  g_autoptr(GArray) plain_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) rich_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) media = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = NULL;
  Pane plain = { 0, }, rich_pane = { 0, };
  WendaBank *bundled;
  guint rounds, longest = 0, other;
  gsize longest_len = 0, length;
  double p, r;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s RICH.md [ROUNDS]\n", argv[0]);
      return 2;
    }
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 40;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  wenda_i18n_init ();
  gtk_init ();
  adw_init ();

  if (!g_file_get_contents (argv[1], &text, &length, &error))
    g_error ("%s", error->message);
  rich = wenda_import_parse (text, length, "rich.md", WENDA_IMPORT_FORMAT_AUTO, "rich",
                             NULL, NULL, NULL, NULL, &error);
  if (rich == NULL)
    g_error ("%s", error->message);
  dir = g_path_get_dirname (argv[1]);
  media = g_file_new_for_path (dir);
  wenda_bank_set_media_dir (rich, media);

  app = wenda_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  g_application_activate (G_APPLICATION (app));
  pane_init (&plain, WENDA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  pane_init (&rich_pane, wenda_application_new_window (app, rich));
  bundled = wenda_window_get_bank (plain.window);

  /* The bundled bank's longest topic */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bundled)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bundled), i);
      gsize len = 0;

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        len += strlen (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH));
      if (len > longest_len)
        {
          longest_len = len;
          longest = wenda_qa_item_get_number (item);
        }
    }
  other = longest == 1 ? 2 : 1;

  /* Warm up: fonts, icons, GtkSourceView's languages and schemes */
  for (guint i = 0; i < 3; i++)
    {
      open_topic (&plain, other);
      open_topic (&plain, longest);
      open_topic (&rich_pane, 2);
      open_topic (&rich_pane, 1);
    }

  for (guint i = 0; i < rounds; i++)
    {
      double ms;

      open_topic (&plain, other);
      ms = open_topic (&plain, longest);
      g_array_append_val (plain_ms, ms);
      open_topic (&rich_pane, 2);
      ms = open_topic (&rich_pane, 1);
      g_array_append_val (rich_ms, ms);
    }

  p = quantile (plain_ms, 0.5);
  r = quantile (rich_ms, 0.5);
  printf ("open a topic, selection to painted frame, %u interleaved rounds, renderer %s\n",
          rounds, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  printf ("  bundled bank, longest plain topic (№%u, %" G_GSIZE_FORMAT " bytes): median %.2f ms, p95 %.2f ms\n",
          longest, longest_len, p, quantile (plain_ms, 0.95));
  printf ("  rich topic (table, 2 code blocks, image, nested lists): median %.2f ms, p95 %.2f ms\n",
          r, quantile (rich_ms, 0.95));
  printf ("  ratio rich/plain: %.2f (target ≤ 2); rich median is %.1f frames at 60 Hz: %s\n",
          r / p, r / 16.7, r <= 2 * 16.7 ? "within two frames" : "MISSES two frames");

  gtk_window_destroy (GTK_WINDOW (rich_pane.window));
  gtk_window_destroy (GTK_WINDOW (plain.window));
  return 0;
}
