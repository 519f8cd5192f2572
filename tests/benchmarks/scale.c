/* scale.c: Wenda with a 100,000-item bank ("Speed at scale")
 *
 * Each mode measures one thing against a baseline measured in the same
 * process (these machines are noisy), and prints lines that scale.py
 * reads ("scale-KEY value ...", one figure each).
 *
 *   scale import FILE [RUNS]
 *       Read FILE and build the bank (wenda_markdown_parse(), and
 *       wenda_import_parse() once it exists), against reading FILE and
 *       counting its lines.  Interleaved, medians.  No display.
 *
 *   scale search FILE [ROUNDS [chain|searchfilter|window]]
 *       Type words into the search letter by letter, and erase them, over
 *       all the items, against a memmem() scan of the same folded texts,
 *       run just before each keystroke: in the window's model chain alone
 *       (WendaMatchModel → GtkFilterListModel of the study filter →
 *       GtkSingleSelection), in the chain it replaced (GtkFilterListModel
 *       of GtkEveryFilter { search, study }), and in the real window, typed
 *       into its search entry, with the application's study store (some
 *       topics starred): per keystroke, the time until the list model is
 *       settled, until the next painted frame, and until the main loop has
 *       nothing left to do (the filter counts), and the longest stretch
 *       the main loop was busy.  Needs a display.  "chain" runs the chains
 *       only; "searchfilter" leaves out the GtkStringFilter chain (seconds
 *       a keystroke at 100,000), "window" runs the window only.
 *
 *   scale window FILE|--bundled [--scroll]
 *       Open the real window on the bank, wait for its first frame, and
 *       print the peak RSS (VmHWM).  With --scroll, then scroll the topic
 *       list from top to bottom in steps, a frame each, and count the list's
 *       row widgets at each step.  Needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wenda-application.h"
#include "wenda-bank-loader.h"
#include "wenda-import.h"
#include "bench-util.h"
#include "wenda-markdown.h"
#include "wenda-match-model.h"
#include "wenda-search-filter.h"
#include "wenda-study-store.h"
#include "wenda-sidebar.h"
#include "wenda-window.h"

/* Helpers {{{ */

static void
add (GArray *samples,
     double  value)
{
  g_array_append_val (samples, value);
}

static WendaBank *
load_markdown (const char *path,
               gsize      *size)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  WendaBank *bank;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  bank = wenda_markdown_parse (data, length, path, &error);
  if (bank == NULL)
    g_error ("%s", error->message);
  if (size != NULL)
    *size = length;
  return bank;
}

/* VmHWM and VmRSS of this process, in kB. */
static void
read_memory (gint64 *hwm,
             gint64 *rss)
{
  g_autofree char *status = NULL;
  const char *line;

  *hwm = *rss = 0;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  if ((line = strstr (status, "VmHWM:")) != NULL)
    *hwm = g_ascii_strtoll (line + 6, NULL, 10);
  if ((line = strstr (status, "VmRSS:")) != NULL)
    *rss = g_ascii_strtoll (line + 6, NULL, 10);
}

/* }}} */

/* import {{{ */

typedef enum {
  IMPORT_BASELINE,
  IMPORT_MARKDOWN,
  IMPORT_LENIENT,
  N_IMPORT_SUBJECTS
} ImportSubject;

static const char * const import_names[] = { "baseline", "markdown", "import" };

/* One run: the whole time (read + work), the work alone, and freeing. */
static void
import_once (ImportSubject  subject,
             const char    *path,
             double        *total,
             double        *work,
             double        *free_ms,
             guint         *n_items)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  WendaBank *bank = NULL;
  gsize length;
  double t0, t1, t2;

  t0 = now_ms ();
  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  t1 = now_ms ();

  switch (subject)
    {
    case IMPORT_BASELINE:
      *n_items = count_lines (data, length);
      break;

    case IMPORT_MARKDOWN:
      bank = wenda_markdown_parse (data, length, path, &error);
      break;

    case IMPORT_LENIENT:
#ifdef HAVE_IMPORT_PARSE
      bank = wenda_import_parse (data, length, path, WENDA_IMPORT_FORMAT_MARKDOWN, "bench",
                                 NULL, NULL, NULL, NULL, &error);
#endif
      break;

    default:
      g_assert_not_reached ();
    }

  t2 = now_ms ();
  if (subject != IMPORT_BASELINE)
    {
      if (bank == NULL)
        g_error ("%s: %s", import_names[subject], error->message);
      *n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
    }
  g_clear_pointer (&data, g_free);
  *total = t2 - t0;
  *work = t2 - t1;

  t0 = now_ms ();
  g_clear_object (&bank);
  *free_ms = now_ms () - t0;
}

static int
run_import (const char *path,
            guint       runs)
{
  GArray *total[N_IMPORT_SUBJECTS], *work[N_IMPORT_SUBJECTS], *freeing[N_IMPORT_SUBJECTS];
  guint n_items[N_IMPORT_SUBJECTS] = { 0 };
  guint n_subjects = N_IMPORT_SUBJECTS;
  g_autoptr(GFileInfo) info = NULL;
  double size_mb;

#ifndef HAVE_IMPORT_PARSE
  n_subjects = IMPORT_LENIENT;  /* the importer is not written yet */
#endif

  info = g_file_query_info (g_file_new_for_path (path), G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  size_mb = g_file_info_get_size (info) / 1e6;

  for (guint s = 0; s < n_subjects; s++)
    {
      total[s] = g_array_new (FALSE, FALSE, sizeof (double));
      work[s] = g_array_new (FALSE, FALSE, sizeof (double));
      freeing[s] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  /* One warm-up run each (page cache, types), then interleaved runs in
   * an order that alternates: A B C, C B A, ... */
  for (guint r = 0; r <= runs; r++)
    for (guint k = 0; k < n_subjects; k++)
      {
        guint s = r % 2 ? n_subjects - 1 - k : k;
        double t, w, f;

        import_once (s, path, &t, &w, &f, &n_items[s]);
        if (r > 0)
          {
            add (total[s], t);
            add (work[s], w);
            add (freeing[s], f);
          }
      }

  g_print ("scale-import-size %.1f MB, %u lines\n", size_mb, n_items[IMPORT_BASELINE]);
  for (guint s = 0; s < n_subjects; s++)
    {
      double t = quantile (total[s], 0.5);

      g_print ("scale-import-%s total %.1f ms (min %.1f, max %.1f), work %.1f ms, free %.1f ms,"
               " %.1f MB/s, items %u, share-of-baseline %.3f\n",
               import_names[s], t, quantile (total[s], 0), quantile (total[s], 1),
               quantile (work[s], 0.5), quantile (freeing[s], 0.5),
               size_mb / (t / 1000), n_items[s],
               quantile (total[IMPORT_BASELINE], 0.5) / t);
    }
  /* The model build alone: wenda_bank_new() on the parsed items (which
   * indexes them and groups the duplicates). */
  {
    g_autoptr(WendaBank) bank = load_markdown (path, NULL);
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GArray) build = g_array_new (FALSE, FALSE, sizeof (double));

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (bank), i));
    for (guint r = 0; r < runs; r++)
      {
        double t0 = now_ms ();
        g_autoptr(WendaBank) again = wenda_bank_new (wenda_bank_get_title (bank), items);

        add (build, now_ms () - t0);
      }
    g_print ("scale-import-bank-new %.1f ms (wenda_bank_new() on the parsed items, median)\n",
             quantile (build, 0.5));
  }
#ifndef HAVE_IMPORT_PARSE
  g_print ("scale-import-import not built: wenda_import_parse() is not written yet\n");
#endif
  g_print ("scale-import-runs %u\n", runs);

  return EXIT_SUCCESS;
}

/* }}} */

/* search {{{ */

/* The baseline: every item's folded search text, one after the other, NUL
 * after each, scanned with memmem() as WendaSearchFilter scans; a hit
 * skips to the next item. */
typedef struct {
  GString *texts;
  GArray  *starts;
} Haystack;

static Haystack *
haystack_new (WendaBank *bank)
{
  Haystack *h = g_new0 (Haystack, 1);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (bank));

  h->texts = g_string_new (NULL);
  h->starts = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_array_append_val (h->starts, h->texts->len);
      g_string_append (h->texts, wenda_qa_item_get_search_text (item));
      g_string_append_c (h->texts, '\0');
    }
  g_array_append_val (h->starts, h->texts->len);
  return h;
}

static guint
haystack_scan (Haystack   *h,
               const char *query)
{
  g_autofree char *needle = wenda_normalize_for_search (query, -1);
  gsize needle_len = strlen (needle);
  const gsize *starts = (const gsize *)h->starts->data;
  gsize offset = 0;
  guint i = 0, n = 0;

  if (needle_len == 0)
    return h->starts->len - 1;

  while (offset < h->texts->len)
    {
      const char *hit = memmem (h->texts->str + offset, h->texts->len - offset, needle, needle_len);

      if (hit == NULL)
        break;
      while (starts[i + 1] <= (gsize)(hit - h->texts->str))
        i++;
      n++;
      offset = starts[++i];
    }
  return n;
}

/* What the user types.  The full set: each word letter by letter, then
 * erased letter by letter.  The short set, for the GtkStringFilter, which
 * takes seconds a keystroke at 100,000 items: two words typed, each then
 * cleared at once. */
static GPtrArray *
keystrokes (gboolean full)
{
  static const char * const words[] = { "梯度裁剪", "gradient", "知识蒸馏", "the model" };
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);

  for (gsize w = 0; w < (full ? G_N_ELEMENTS (words) : 2); w++)
    {
      glong n = full ? g_utf8_strlen (words[w], -1) : 4;

      for (glong k = 1; k <= n; k++)
        g_ptr_array_add (steps, g_utf8_substring (words[w], 0, k));
      for (glong k = n - 1; k >= 0; k--)
        if (full || k == 0)
          g_ptr_array_add (steps, g_utf8_substring (words[w], 0, k));
    }
  return steps;
}

typedef struct {
  const char *name;
  GArray     *done;      /* set → the filter model has all its items */
  GArray     *painted;   /* set → the next frame painted */
  GArray     *blocked;   /* the longest the main loop was busy */
  GArray     *quiet;     /* set → the main loop has nothing left to do */
  GArray     *waited;    /* settled → the frame began */
  GArray     *layout;    /* the frame's update and layout phases (measure, allocate) */
  GArray     *paint;     /* its paint phase (snapshot, render) */
  GArray     *baseline;  /* memmem() of the same keystroke */
  GArray     *ratio;     /* done / baseline, keystroke by keystroke */
  double      worst_done, worst_blocked;
  const char *worst_query;
} SearchStats;

static SearchStats *
search_stats_new (const char *name)
{
  SearchStats *s = g_new0 (SearchStats, 1);

  s->name = name;
  s->done = g_array_new (FALSE, FALSE, sizeof (double));
  s->painted = g_array_new (FALSE, FALSE, sizeof (double));
  s->blocked = g_array_new (FALSE, FALSE, sizeof (double));
  s->quiet = g_array_new (FALSE, FALSE, sizeof (double));
  s->waited = g_array_new (FALSE, FALSE, sizeof (double));
  s->layout = g_array_new (FALSE, FALSE, sizeof (double));
  s->paint = g_array_new (FALSE, FALSE, sizeof (double));
  s->baseline = g_array_new (FALSE, FALSE, sizeof (double));
  s->ratio = g_array_new (FALSE, FALSE, sizeof (double));
  return s;
}

static void
search_stats_print (SearchStats *s)
{
  double done = quantile (s->done, 0.5), base = quantile (s->baseline, 0.5);

  g_print ("scale-search-%s done median %.2f ms p90 %.2f max %.2f (“%s”),"
           " baseline median %.2f ms p90 %.2f, ratio-of-medians %.2f, median-ratio %.2f",
           s->name, done, quantile (s->done, 0.9), s->worst_done, s->worst_query,
           base, quantile (s->baseline, 0.9), done / MAX (base, 1e-6), quantile (s->ratio, 0.5));
  if (s->painted->len > 0)
    g_print (", painted median %.2f ms p90 %.2f (%.2f x), blocked median %.2f ms p90 %.2f max %.2f (%.2f x),"
             " quiet median %.2f ms p90 %.2f",
             quantile (s->painted, 0.5), quantile (s->painted, 0.9),
             quantile (s->painted, 0.5) / MAX (base, 1e-6),
             quantile (s->blocked, 0.5), quantile (s->blocked, 0.9), s->worst_blocked,
             quantile (s->blocked, 0.5) / MAX (base, 1e-6),
             quantile (s->quiet, 0.5), quantile (s->quiet, 0.9));
  if (s->layout->len > 0)
    g_print (", frame: waited median %.2f ms, layout median %.2f ms p90 %.2f, paint median %.2f ms p90 %.2f",
             quantile (s->waited, 0.5), quantile (s->layout, 0.5), quantile (s->layout, 0.9),
             quantile (s->paint, 0.5), quantile (s->paint, 0.9));
  g_print (", keystrokes %u\n", s->done->len);
  fflush (stdout);
}

static void
record (SearchStats *s,
        const char  *query,
        double       done,
        double       baseline)
{
  add (s->done, done);
  add (s->baseline, baseline);
  add (s->ratio, done / MAX (baseline, 1e-3));
  if (done > s->worst_done)
    {
      s->worst_done = done;
      s->worst_query = query;
    }
}

static double
time_baseline (Haystack   *h,
               const char *query,
               guint      *n)
{
  double t0 = now_ms ();

  *n = haystack_scan (h, query);
  return now_ms () - t0;
}

static gboolean
match_all (gpointer item,
           gpointer data)
{
  return TRUE;
}

/* The chain the window had: the study filter and the search in a
 * GtkEveryFilter, over the bank; no view, no window. */
static GListModel *
filter_chain_new (WendaBank *bank,
                  GtkFilter *search)
{
  GtkFilter *every = GTK_FILTER (gtk_every_filter_new ());
  GtkFilterListModel *model;

  gtk_multi_filter_append (GTK_MULTI_FILTER (every), search);
  gtk_multi_filter_append (GTK_MULTI_FILTER (every),
                           GTK_FILTER (gtk_custom_filter_new (match_all, NULL, NULL)));
  model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (bank)), every);
  /* The selection follows the model, as in the window. */
  return G_LIST_MODEL (gtk_single_selection_new (G_LIST_MODEL (model)));
}

/* The window's chain: the search's matches, then the study filter, which
 * has no function while All is chosen. */
static GListModel *
match_chain_new (WendaBank         *bank,
                 WendaSearchFilter *search)
{
  GtkCustomFilter *study = gtk_custom_filter_new (NULL, NULL, NULL);
  GtkFilterListModel *model;

  wenda_search_filter_set_model (search, G_LIST_MODEL (bank));
  model = gtk_filter_list_model_new (G_LIST_MODEL (wenda_match_model_new (search)),
                                     GTK_FILTER (study));
  return G_LIST_MODEL (gtk_single_selection_new (G_LIST_MODEL (model)));
}

static GtkFilter *
string_filter_new (void)
{
  GtkStringFilter *filter;

  filter = gtk_string_filter_new (gtk_property_expression_new (WENDA_TYPE_QA_ITEM, NULL, "search-text"));
  gtk_string_filter_set_ignore_case (filter, TRUE);
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  return GTK_FILTER (filter);
}

static void
set_search (GtkFilter  *filter,
            const char *query)
{
  if (GTK_IS_STRING_FILTER (filter))
    gtk_string_filter_set_search (GTK_STRING_FILTER (filter), query);
  else
    wenda_search_filter_set_search (WENDA_SEARCH_FILTER (filter), query);
}

/* @model: the selection at the end of a chain, whose search is @filter. */
static void
type_into_chain (SearchStats *stats,
                 GListModel  *model,
                 Haystack    *h,
                 GtkFilter   *filter,
                 GPtrArray   *steps,
                 guint        rounds)
{
  for (guint r = 0; r < rounds; r++)
    for (guint k = 0; k < steps->len; k++)
      {
        const char *query = g_ptr_array_index (steps, k);
        guint expected;
        double base = time_baseline (h, query, &expected);
        double t0 = now_ms ();

        set_search (filter, query);
        if (g_list_model_get_n_items (model) != expected)
          g_error ("%s “%s”: %u items, memmem() finds %u", stats->name, query,
                   g_list_model_get_n_items (model), expected);
        if (query[0] != '\0')
          record (stats, query, now_ms () - t0, base);
      }
}

/* The real window. */

static gint64 painted_at;
/* The phases of the last frame: when it began, when layout and paint
 * began (µs). */
static gint64 frame_began_at, layout_at, paint_at;

/* The time the main loop spends waiting in poll(), so that the time it is
 * blocked (busy) can be told from the time it idles. */
static GPollFunc default_poll;
static gint64 polled_us;

static gint
timed_poll (GPollFD *fds,
            guint    n_fds,
            gint     timeout)
{
  gint64 t0 = g_get_monotonic_time ();
  gint result = default_poll (fds, n_fds, timeout);

  polled_us += g_get_monotonic_time () - t0;
  return result;
}

static void
watch_poll (void)
{
  default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timed_poll);
}

/* One main loop iteration; returns how long it was busy (ms), not
 * counting the wait in poll(). */
static double
iterate_busy (gboolean may_block)
{
  gint64 t0 = g_get_monotonic_time (), p0 = polled_us;

  g_main_context_iteration (NULL, may_block);
  return ((g_get_monotonic_time () - t0) - (polled_us - p0)) / 1000.0;
}
static GtkWidget *list_for_paint;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
}

static void
on_phase (GdkFrameClock *clock,
          gint64        *at)
{
  *at = g_get_monotonic_time ();
}

static void
on_realize (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_phase), &frame_began_at);
  g_signal_connect (clock, "layout", G_CALLBACK (on_phase), &layout_at);
  g_signal_connect (clock, "paint", G_CALLBACK (on_phase), &paint_at);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

/* Runs the main loop until a frame is painted after @since (µs); returns
 * the longest time an iteration was busy, in ms. */
static double
wait_for_paint (gint64 since)
{
  double longest = 0;

  /* (Not MAX (longest, iterate_busy ()): the macro would iterate twice.) */
  while (painted_at <= since)
    {
      double busy = iterate_busy (TRUE);

      longest = MAX (longest, busy);
    }
  return longest;
}

/* Runs the main loop until it has nothing ready to run; returns the
 * longest time an iteration was busy, in ms. */
static double
wait_for_quiet (void)
{
  double longest = 0;

  while (g_main_context_pending (NULL))
    {
      double busy = iterate_busy (FALSE);

      longest = MAX (longest, busy);
    }
  return longest;
}

/* Lets the window settle: no frame for @quiet_ms. */
static void
settle (guint quiet_ms)
{
  gint64 last = painted_at;
  gint64 since = g_get_monotonic_time ();

  while (g_get_monotonic_time () - since < quiet_ms * 1000)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (painted_at != last)
        {
          last = painted_at;
          since = g_get_monotonic_time ();
        }
      g_usleep (1000);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             gboolean (*test) (GtkWidget *, gpointer),
             gpointer   data)
{
  if (test (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The topic list: the list view whose items are the bank's.  (Its
 * model is a chain: selection → study filter → the search's matches.) */
static gboolean
is_topic_list (GtkWidget *widget,
               gpointer   bank)
{
  GtkSelectionModel *selection;
  GListModel *model;

  if (!GTK_IS_LIST_VIEW (widget))
    return FALSE;
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));
  if (!GTK_IS_SINGLE_SELECTION (selection))
    return FALSE;
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  if (GTK_IS_FILTER_LIST_MODEL (model))
    model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
  return WENDA_IS_MATCH_MODEL (model) &&
         wenda_search_filter_get_model (wenda_match_model_get_filter (WENDA_MATCH_MODEL (model))) == bank;
}

static GtkWindow *
open_window (GApplication *app,
             WendaBank    *bank)
{
  /* The application's window has its library and study store. */
  GtkWidget *window = GTK_WIDGET (WENDA_IS_APPLICATION (app)
                                  ? wenda_application_new_window (WENDA_APPLICATION (app), bank)
                                  : wenda_window_new (GTK_APPLICATION (app), bank, NULL, NULL, NULL));

  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_paint (0);
  return GTK_WINDOW (window);
}

static GApplication *
probe_app_new (void)
{
  GApplication *app = g_object_new (ADW_TYPE_APPLICATION,
                                    "application-id", "io.github.wenda.ScaleBenchmark",
                                    "flags", G_APPLICATION_NON_UNIQUE,
                                    "resource-base-path", RESOURCE_PATH,
                                    NULL);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (app, NULL, &error))
    g_error ("%s", error->message);
  g_application_hold (app);
  return app;
}

/* The application itself (started, not activated), so that the window
 * has its study store, as the user's does. */
static GApplication *
wenda_app_new (void)
{
  GApplication *app = G_APPLICATION (wenda_application_new ());
  g_autoptr(GError) error = NULL;

  g_application_set_flags (app, G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (app, NULL, &error))
    g_error ("%s", error->message);
  g_application_hold (app);
  return app;
}

static void
print_load (const char *when)
{
  g_autofree char *loadavg = NULL;

  if (g_file_get_contents ("/proc/loadavg", &loadavg, NULL, NULL))
    g_print ("scale-search-load %s %s", when, loadavg);
}

/* One keystroke in the window: the search entry's text changes, as it
 * does when a key is pressed; then the main loop runs until a frame is
 * painted and it has nothing left to do. */
static void
window_keystroke (SearchStats *stats,
                  GListModel  *model,
                  Haystack    *h,
                  const char  *query,
                  GtkEditable *entry)
{
  guint expected;
  double base = time_baseline (h, query, &expected);
  gint64 start = g_get_monotonic_time ();
  double t0 = now_ms (), done, blocked, busy, quiet, painted, waited, layout, paint;

  frame_began_at = layout_at = paint_at = start;
  gtk_editable_set_text (entry, query);
  /* A bank this large is searched when typing pauses (search-changed,
   * 150 ms after the last key): measure each keystroke as if it were
   * the last before a pause. */
  g_signal_emit_by_name (entry, "search-changed");
  /* The list model is settled when the change returns: nothing filters
   * in idles. */
  done = blocked = now_ms () - t0;
  if (g_list_model_get_n_items (model) != expected)
    g_error ("%s “%s”: %u items, memmem() finds %u", stats->name, query,
             g_list_model_get_n_items (model), expected);

  /* A keystroke that changes nothing on screen paints no frame: ask for
   * one, so that each keystroke ends at a painted frame. */
  gtk_widget_queue_draw (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (list_for_paint))));
  busy = wait_for_paint (g_get_monotonic_time ());
  blocked = MAX (blocked, busy);
  /* The painted frame's phases: our handlers run after GTK's, so
   * before-paint → layout is the update and layout phases (measure,
   * allocate), layout → paint the paint phase (snapshot, render).  A frame
   * has a layout phase only when something asked for one.  The counts
   * may paint another frame after this one. */
  painted = (painted_at - start) / 1000.0;
  waited = (frame_began_at - start) / 1000.0 - done;
  layout = layout_at > start ? (layout_at - frame_began_at) / 1000.0 : 0;
  paint = (paint_at - (layout_at > start ? layout_at : frame_began_at)) / 1000.0;
  busy = wait_for_quiet ();
  blocked = MAX (blocked, busy);
  quiet = now_ms () - t0;

  if (query[0] != '\0')
    {
      record (stats, query, done, base);
      add (stats->painted, painted);
      add (stats->blocked, blocked);
      add (stats->quiet, quiet);
      add (stats->waited, waited);
      add (stats->layout, layout);
      add (stats->paint, paint);
      stats->worst_blocked = MAX (stats->worst_blocked, blocked);
    }
  if (g_getenv ("SCALE_VERBOSE") != NULL)
    g_printerr ("keystroke “%s” %u items: baseline %.2f, settled %.2f, painted %.2f (layout %.2f, paint %.2f),"
                " busy %.2f, quiet %.2f ms\n",
                query, expected, base, done, painted, layout, paint, blocked, quiet);
}

/* An object of the window's sidebar, by its id. */
static GObject *
sidebar_child (GtkWindow  *window,
               const char *name)
{
  GObject *sidebar = gtk_widget_get_template_child (GTK_WIDGET (window), WENDA_TYPE_WINDOW, "sidebar");

  return gtk_widget_get_template_child (GTK_WIDGET (sidebar), WENDA_TYPE_SIDEBAR, name);
}

static gboolean
glossary_built (GtkWindow *window)
{
  GtkFilterListModel *glossary = GTK_FILTER_LIST_MODEL (sidebar_child (window, "glossary_filter_model"));

  return gtk_filter_list_model_get_model (glossary) != NULL;
}

static int
run_search (const char *path,
            guint       rounds,
            const char *only)
{
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GPtrArray) steps = keystrokes (TRUE);
  g_autoptr(GPtrArray) short_steps = keystrokes (FALSE);
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GtkFilter) string_filter = NULL;
  g_autoptr(WendaSearchFilter) old_filter = NULL;
  g_autoptr(WendaSearchFilter) new_filter = NULL;
  g_autoptr(GListModel) string_chain = NULL;
  g_autoptr(GListModel) old_chain = NULL;
  g_autoptr(GListModel) new_chain = NULL;
  SearchStats *chain_string, *chain_old, *chain_new, *window_short, *window_full;
  WendaStudyStore *store;
  GListModel *model;
  GtkWidget *list;
  GtkEditable *entry;
  GtkWindow *window;
  Haystack *h;
  double t0, index_ms;
  guint n_starred = 0;

  bank = load_markdown (path, NULL);
  g_print ("scale-search-items %u, keystrokes %u a round (short set %u, GtkStringFilter: one round), %u rounds\n",
           g_list_model_get_n_items (G_LIST_MODEL (bank)), steps->len, short_steps->len, rounds);
  print_load ("start");

  /* The baseline's texts: this also builds every item's search-text,
   * which the GtkStringFilter reads, so neither pays for it below. */
  t0 = now_ms ();
  h = haystack_new (bank);
  g_print ("scale-search-fold-all %.1f ms (every item's search-text, GLib), %.1f MB\n",
           now_ms () - t0, h->texts->len / 1e6);

  /* WendaSearchFilter folds the texts itself, on its first search. */
  old_filter = wenda_search_filter_new (G_LIST_MODEL (bank));
  new_filter = wenda_search_filter_new (NULL);
  t0 = now_ms ();
  wenda_search_filter_set_search (old_filter, "x");
  index_ms = now_ms () - t0;
  wenda_search_filter_set_search (old_filter, NULL);
  g_print ("scale-search-first-search %.1f ms (WendaSearchFilter folds all texts once)\n", index_ms);

  string_filter = string_filter_new ();
  string_chain = filter_chain_new (bank, g_object_ref (string_filter));
  old_chain = filter_chain_new (bank, g_object_ref (GTK_FILTER (old_filter)));
  new_chain = match_chain_new (bank, new_filter);
  wenda_search_filter_set_search (new_filter, "x");
  wenda_search_filter_set_search (new_filter, NULL);

  /* 1. The chains alone, interleaved round by round. */
  chain_string = search_stats_new ("chain-stringfilter-short");
  chain_old = search_stats_new ("chain-filterlistmodel");
  chain_new = search_stats_new ("chain-matchmodel");
  for (guint r = 0; r < rounds && g_strcmp0 (only, "window") != 0; r++)
    {
      if (r == 0 && only == NULL)
        type_into_chain (chain_string, string_chain, h, string_filter, short_steps, 1);
      type_into_chain (chain_old, old_chain, h, GTK_FILTER (old_filter), steps, 1);
      type_into_chain (chain_new, new_chain, h, GTK_FILTER (new_filter), steps, 1);
    }
  if (only == NULL)
    search_stats_print (chain_string);
  if (g_strcmp0 (only, "window") != 0)
    {
      search_stats_print (chain_old);
      search_stats_print (chain_new);
    }
  g_clear_object (&string_chain);
  g_clear_object (&old_chain);
  g_clear_object (&new_chain);
  if (g_strcmp0 (only, "chain") == 0)
    return EXIT_SUCCESS;

  /* 2. The real window, with the application's store: one topic in 97
   * starred (not saved). */
  app = wenda_app_new ();
  store = wenda_application_get_study_store (WENDA_APPLICATION (app));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i += 97, n_starred++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      wenda_study_store_set_starred (store, wenda_qa_item_get_id (item), TRUE);
    }
  t0 = now_ms ();
  window = open_window (app, bank);
  g_print ("scale-search-window first frame %.0f ms, %u topics starred\n", now_ms () - t0, n_starred);
  /* The glossary is built in a thread: wait for it, it would take a CPU. */
  t0 = now_ms ();
  while (!glossary_built (window) && now_ms () - t0 < 600000)
    iterate_busy (TRUE);
  g_print ("scale-search-window glossary after %.0f ms more\n", now_ms () - t0);
  list = find_widget (GTK_WIDGET (window), is_topic_list, bank);
  entry = GTK_EDITABLE (sidebar_child (window, "search_entry"));
  g_assert (list != NULL && entry != NULL);
  list_for_paint = list;
  model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
  wenda_window_set_search_text (WENDA_WINDOW (window), "x");
  wenda_window_set_search_text (WENDA_WINDOW (window), "");
  gtk_search_bar_set_search_mode (GTK_SEARCH_BAR (gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_SEARCH_BAR)),
                                  TRUE);
  settle (300);

  window_short = search_stats_new ("window-short");
  window_full = search_stats_new ("window");
  for (guint r = 0; r < rounds; r++)
    {
      for (guint k = 0; k < short_steps->len; k++)
        window_keystroke (window_short, model, h, g_ptr_array_index (short_steps, k), entry);
      for (guint k = 0; k < steps->len; k++)
        window_keystroke (window_full, model, h, g_ptr_array_index (steps, k), entry);
    }
  search_stats_print (window_short);
  search_stats_print (window_full);
  print_load ("end");

  gtk_window_destroy (window);
  return EXIT_SUCCESS;
}

/* }}} */

/* window {{{ */

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static guint
count_descendants (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_descendants (child);
  return n;
}

/* Scrolls the list to @value and waits for the frame. */
static void
scroll_to (GtkAdjustment *adjustment,
           double         value)
{
  gint64 start = g_get_monotonic_time ();

  gtk_adjustment_set_value (adjustment, value);
  /* The same value again paints no frame by itself. */
  gtk_widget_queue_draw (list_for_paint);
  wait_for_paint (start);
}

static void
scroll_through (GtkWidget *list,
                guint      n_steps)
{
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  guint min_rows = G_MAXUINT, max_rows = 0, min_widgets = G_MAXUINT, max_widgets = 0;
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  double page = gtk_adjustment_get_page_size (adjustment);
  guint steps_done = 0;

  /* Through the whole list in @n_steps jumps, then page by page over the
   * first 200 pages, as a user scrolls. */
  for (guint s = 0; s <= n_steps + 200; s++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      double value = s <= n_steps ? upper * s / n_steps : page * (s - n_steps - 1) / 2;
      double t0 = now_ms ();
      guint rows, widgets;

      scroll_to (adjustment, value);
      add (frame_ms, now_ms () - t0);
      rows = count_children (list);
      widgets = count_descendants (list) - 1;
      min_rows = MIN (min_rows, rows);
      max_rows = MAX (max_rows, rows);
      min_widgets = MIN (min_widgets, widgets);
      max_widgets = MAX (max_widgets, widgets);
      steps_done++;
    }

  g_print ("scale-scroll steps %u (%u through the list, 200 half pages), rows min %u max %u,"
           " widgets in the list min %u max %u, frame median %.1f ms p90 %.1f max %.1f,"
           " list height %.0f px, page %.0f px\n",
           steps_done, n_steps, min_rows, max_rows, min_widgets, max_widgets,
           quantile (frame_ms, 0.5), quantile (frame_ms, 0.9), quantile (frame_ms, 1),
           gtk_adjustment_get_upper (adjustment), page);
}

static int
run_window (const char *path,
            gboolean    scroll)
{
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GskRenderer *renderer;
  gint64 hwm, rss, hwm_loaded, rss_loaded;
  gsize size = 0;
  double t0, load_ms, window_ms;

  gtk_init ();
  adw_init ();

  t0 = now_ms ();
  if (path == NULL)
    bank = wenda_bank_load_bundled (&error);
  else
    bank = load_markdown (path, &size);
  if (bank == NULL)
    g_error ("%s", error->message);
  load_ms = now_ms () - t0;
  read_memory (&hwm_loaded, &rss_loaded);

  watch_poll ();
  app = probe_app_new ();
  t0 = now_ms ();
  window = open_window (app, bank);
  window_ms = now_ms () - t0;
  read_memory (&hwm, &rss);
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  g_print ("scale-window bank %s, items %u, text %" G_GSIZE_FORMAT " bytes, load %.1f ms,"
           " window to first frame %.1f ms, renderer %s\n",
           path ? path : "bundled", g_list_model_get_n_items (G_LIST_MODEL (bank)), size,
           load_ms, window_ms, G_OBJECT_TYPE_NAME (renderer));
  g_print ("scale-window-memory VmHWM %" G_GINT64_FORMAT " kB, VmRSS %" G_GINT64_FORMAT " kB,"
           " after loading VmHWM %" G_GINT64_FORMAT " kB VmRSS %" G_GINT64_FORMAT " kB,"
           " widgets %u\n",
           hwm, rss, hwm_loaded, rss_loaded, count_descendants (GTK_WIDGET (window)));

  if (scroll)
    {
      GtkWidget *list = find_widget (GTK_WIDGET (window), is_topic_list, bank);

      g_assert (list != NULL);
      list_for_paint = list;
      settle (200);
      scroll_through (list, 100);
      read_memory (&hwm, &rss);
      g_print ("scale-scroll-memory VmHWM %" G_GINT64_FORMAT " kB, VmRSS %" G_GINT64_FORMAT " kB\n",
               hwm, rss);
    }

  gtk_window_destroy (window);
  g_application_release (app);
  return EXIT_SUCCESS;
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (argc >= 3 && g_str_equal (argv[1], "import"))
    return run_import (argv[2], argc > 3 ? MAX (1, atoi (argv[3])) : 7);

  if (argc >= 3 && g_str_equal (argv[1], "search"))
    {
      gtk_init ();
      adw_init ();
      watch_poll ();
      return run_search (argv[2], argc > 3 ? MAX (1, atoi (argv[3])) : 3, argc > 4 ? argv[4] : NULL);
    }

  if (argc >= 3 && g_str_equal (argv[1], "window"))
    return run_window (g_str_equal (argv[2], "--bundled") ? NULL : argv[2],
                       argc > 3 && g_str_equal (argv[3], "--scroll"));

  g_printerr ("Usage: %s import FILE [RUNS]\n"
              "       %s search FILE [ROUNDS [chain|searchfilter|window]]\n"
              "       %s window FILE|--bundled [--scroll]\n",
              argv[0], argv[0], argv[0]);
  return EXIT_FAILURE;
}
