/* startup-probe.c: where the app's startup time goes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `startup.py --breakdown` runs this program in several modes, each a step
 * from the bare window towards the full app, and prints the time of each
 * step.  Every mode stamps the same points of its start on stderr, as
 *
 *   probe-mark NAME N CPU
 *
 * with N from g_get_monotonic_time() (CLOCK_MONOTONIC, µs) and CPU the CPU
 * time the process has used so far, all its threads (µs), then quits after
 * its first painted frame.  On a busy machine the CPU time shows the cost
 * of a step better than the wall-clock time, which also counts waiting for
 * a CPU.  The modes:
 *
 *   bare        the bare window of bare-window.c
 *   bare-cjk    the bare window plus one label of Chinese text, so that
 *               Pango has to load a CJK font
 *   bare-text   the bare window plus the text of the app's first frame (the
 *               30 questions in a column, topic 1 beside them) in plain
 *               labels of the same styles: what that text costs alone
 *   empty-bank  WendaWindow, the app's real window, showing an empty bank
 *   one-topic   WendaWindow showing a bank of the first bundled topic only:
 *               the same reading pane as the app, a list of one row
 *   full        WendaWindow showing the bundled bank, loaded the way the
 *               app loads it (not its English catalog)
 *   app         WendaApplication itself, as src/main.c starts it but for
 *               the gettext set-up
 *
 * The points, in order: main, startup (GTK and libadwaita are initialised;
 * in app mode, also the app's own start-up), bank-loaded (full and
 * one-topic), activate, window-new (the window is built; app mode has
 * window-added instead, stamped once the window's template is built and
 * before its bank is set, and no activate, as the app starts from its
 * command line), realize (the window's surface exists; with GL, its GL
 * context too), map (the window is sized, which measures every widget in
 * it, and shown), and from the first frame: before-paint, layout (the
 * styles are computed and every widget measured and allocated), paint (the
 * frame is drawn and handed to the display), after-paint.  Last it prints
 *
 *   probe-renderer TYPE
 *   probe-widgets N LABELS M CHARS C
 *
 * the GskRenderer that drew the frame, such as GskGLRenderer; how many
 * widgets the window holds, how many of them are labels, and how many
 * characters those labels hold, shown or not.  With
 * WENDA_PROBE_UNMAPPED=1 it also prints, for each part of the window that
 * exists but is not on screen (a widget that is not mapped, whose parent
 * is),
 *
 *   probe-unmapped TYPE in PARENT-TYPE: N widgets
 *
 * which is what could be built later, when it is first shown.
 *
 * Option --load-bank N only loads the bundled bank N times and prints the
 * median time of one load, with no display at all.
 */
#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <stdlib.h>
#include <time.h>

#include "wenda-application.h"
#include "wenda-bank-loader.h"
#include "wenda-window.h"

typedef enum {
  MODE_BARE,
  MODE_BARE_CJK,
  MODE_BARE_TEXT,
  MODE_EMPTY_BANK,
  MODE_ONE_TOPIC,
  MODE_FULL,
  MODE_APP,
} ProbeMode;

static ProbeMode mode;
static WendaBank *bank;

/* The frame clock phases of the first frame, each stamped once. */
static const char * const frame_phases[] = {
  "before-paint",
  "layout",
  "paint",
  "after-paint",
};
static gboolean frame_phase_seen[G_N_ELEMENTS (frame_phases)];

/* The CPU time of the whole process, all threads, in µs. */
static gint64
process_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
mark (const char *name)
{
  gint64 now = g_get_monotonic_time ();

  g_printerr ("probe-mark %s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
              name, now, process_cpu_time ());
}

static void
count_widgets (GtkWidget *widget,
               guint     *n_widgets,
               guint     *n_labels,
               glong     *n_chars)
{
  (*n_widgets)++;

  if (GTK_IS_LABEL (widget))
    {
      (*n_labels)++;
      *n_chars += g_utf8_strlen (gtk_label_get_text (GTK_LABEL (widget)), -1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_widgets (child, n_widgets, n_labels, n_chars);
}

static void
print_unmapped (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_mapped (child))
      print_unmapped (child);
    else
      {
        guint n_widgets = 0, n_labels = 0;
        glong n_chars = 0;

        count_widgets (child, &n_widgets, &n_labels, &n_chars);
        g_printerr ("probe-unmapped %s in %s: %u widgets\n", G_OBJECT_TYPE_NAME (child),
                    G_OBJECT_TYPE_NAME (widget), n_widgets);
      }
}

static void
on_frame_phase (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint phase = GPOINTER_TO_UINT (user_data);

  if (frame_phase_seen[phase])
    return;

  frame_phase_seen[phase] = TRUE;
  mark (frame_phases[phase]);

  /* The last phase of the first frame: done, as in the app.  Say which
   * renderer drew it: GTK falls back to another one when the one asked
   * for by GSK_RENDERER cannot start. */
  if (phase == G_N_ELEMENTS (frame_phases) - 1)
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (g_application_get_default ()));
      GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
      guint n_widgets = 0;
      guint n_labels = 0;
      glong n_chars = 0;

      count_widgets (GTK_WIDGET (window), &n_widgets, &n_labels, &n_chars);
      g_printerr ("probe-renderer %s\n", G_OBJECT_TYPE_NAME (renderer));
      g_printerr ("probe-widgets %u LABELS %u CHARS %ld\n", n_widgets, n_labels, n_chars);
      if (g_strcmp0 (g_getenv ("WENDA_PROBE_UNMAPPED"), "1") == 0)
        print_unmapped (GTK_WIDGET (window));
      g_application_quit (g_application_get_default ());
    }
}

static void
on_window_map (GtkWidget *window)
{
  mark ("map");
}

/* Connected after GTK's own handlers, so "layout" and "paint" are stamped
 * when GTK has done its layout and its paint. */
static void
on_window_realize (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  mark ("realize");

  /* After the window's own map (which measures the whole window, to size
   * it) and those of its children. */
  g_signal_connect_after (window, "map", G_CALLBACK (on_window_map), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (frame_phases); i++)
    g_signal_connect (frame_clock, frame_phases[i],
                      G_CALLBACK (on_frame_phase), GUINT_TO_POINTER (i));
}

/* Emitted while the window is being built, when its "application" is set:
 * for WendaWindow after its template, before its bank. */
static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (mode == MODE_APP)
    mark ("window-added");
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize), NULL);
}

static GtkWidget *
text_label_new (const char *text,
                const char *style,
                gboolean    two_lines)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (two_lines)
    {
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* The text of the app's first frame, in plain labels of the same styles
 * and none of the app: the 30 questions down a 300 px column, and topic
 * 1 beside them.  What this costs over the bare window is what typesetting
 * that text costs, a floor for the app. */
static void
add_bank_text (GtkBox *box)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) texts = wenda_bank_load_bundled (&error);
  g_autoptr(WendaQaItem) first = NULL;
  GtkWidget *panes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *topic = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scroller;

  if (texts == NULL)
    g_error ("Could not load the bundled bank: %s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (texts)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (texts), i);
      g_autofree char *number = g_strdup_printf ("%u", wenda_qa_item_get_number (item));
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

      gtk_box_append (GTK_BOX (row), text_label_new (number, "dim-label", FALSE));
      gtk_box_append (GTK_BOX (row), text_label_new (wenda_qa_item_get_question (item), NULL, TRUE));
      gtk_box_append (GTK_BOX (list), row);
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_set_size_request (scroller, 300, -1);
  gtk_box_append (GTK_BOX (panes), scroller);

  first = g_list_model_get_item (G_LIST_MODEL (texts), 0);
  gtk_box_append (GTK_BOX (topic), text_label_new ("№1", "caption-heading", FALSE));
  gtk_box_append (GTK_BOX (topic), text_label_new (wenda_qa_item_get_question (first), "title-2", FALSE));
  gtk_box_append (GTK_BOX (topic), text_label_new ("Answer", "heading", FALSE));
  gtk_box_append (GTK_BOX (topic), text_label_new (wenda_qa_item_get_answer (first), "body", FALSE));
  gtk_box_append (GTK_BOX (topic), text_label_new ("Explanation", "heading", FALSE));
  gtk_box_append (GTK_BOX (topic), text_label_new (wenda_qa_item_get_explanation (first), "body", FALSE));
  gtk_widget_set_hexpand (topic, TRUE);
  gtk_widget_set_margin_start (topic, 48);
  gtk_widget_set_margin_end (topic, 48);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), topic);
  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (panes), scroller);

  gtk_widget_set_vexpand (panes, TRUE);
  gtk_box_append (box, panes);
}

static GtkWidget *
bare_window_new (GtkApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;

  window = adw_application_window_new (app);
  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 640);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (mode == MODE_BARE_CJK)
    {
      /* The bank's title and its first question, as the app shows them. */
      GtkWidget *label = gtk_label_new ("大模型训练的两个关键步骤\n"
                                        "什么是预训练（Pre-training）和微调（Fine-tuning）？");

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_vexpand (label, TRUE);
      gtk_box_append (GTK_BOX (box), label);
    }
  else if (mode == MODE_BARE_TEXT)
    add_bank_text (GTK_BOX (box));

  return window;
}

static void
on_startup (GApplication *app)
{
  g_autoptr(GError) error = NULL;

  mark ("startup");

  if (mode == MODE_FULL || mode == MODE_ONE_TOPIC)
    {
      bank = wenda_bank_load_bundled (&error);
      if (bank == NULL)
        g_error ("Could not load the bundled bank: %s", error->message);

      if (mode == MODE_ONE_TOPIC)
        {
          g_autoptr(WendaBank) all = g_steal_pointer (&bank);
          g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);

          g_ptr_array_add (first, g_list_model_get_item (G_LIST_MODEL (all), 0));
          bank = wenda_bank_new (wenda_bank_get_title (all), first);
        }

      mark ("bank-loaded");
    }
  else if (mode == MODE_EMPTY_BANK)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      bank = wenda_bank_new ("", none);
    }
}

static void
on_activate (GApplication *app)
{
  GtkWidget *window;

  mark ("activate");

  if (mode == MODE_BARE || mode == MODE_BARE_CJK || mode == MODE_BARE_TEXT)
    window = bare_window_new (GTK_APPLICATION (app));
  else
    window = GTK_WIDGET (wenda_window_new (GTK_APPLICATION (app), bank, NULL, NULL, NULL));

  mark ("window-new");
  gtk_window_present (GTK_WINDOW (window));
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static int
load_bank_repeatedly (int n_runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first;

  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(WendaBank) loaded = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 elapsed;

      loaded = wenda_bank_load_bundled (&error);
      elapsed = g_get_monotonic_time () - start;
      if (loaded == NULL)
        g_error ("Could not load the bundled bank: %s", error->message);
      g_array_append_val (times, elapsed);
    }

  /* The first load also pays for registering the types and reading the
   * resource for the first time, as the app's one load does. */
  first = g_array_index (times, gint64, 0);
  g_array_sort (times, compare_int64);
  g_print ("load-bundled-bank first %" G_GINT64_FORMAT " us, median %" G_GINT64_FORMAT " us,"
           " min %" G_GINT64_FORMAT " us (%d runs)\n",
           first, g_array_index (times, gint64, times->len / 2),
           g_array_index (times, gint64, 0), n_runs);
  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GApplication) app = NULL;
  const char *mode_name;
  int status;

  mark ("main");

  setlocale (LC_ALL, "");

  if (argc == 3 && g_str_equal (argv[1], "--load-bank"))
    return load_bank_repeatedly (MAX (1, atoi (argv[2])));

  if (argc != 2)
    {
      g_printerr ("Usage: %s bare|bare-cjk|bare-text|empty-bank|one-topic|full|app\n"
                  "       %s --load-bank N\n", argv[0], argv[0]);
      return EXIT_FAILURE;
    }

  mode_name = argv[1];
  if (g_str_equal (mode_name, "bare"))
    mode = MODE_BARE;
  else if (g_str_equal (mode_name, "bare-cjk"))
    mode = MODE_BARE_CJK;
  else if (g_str_equal (mode_name, "bare-text"))
    mode = MODE_BARE_TEXT;
  else if (g_str_equal (mode_name, "empty-bank"))
    mode = MODE_EMPTY_BANK;
  else if (g_str_equal (mode_name, "one-topic"))
    mode = MODE_ONE_TOPIC;
  else if (g_str_equal (mode_name, "full"))
    mode = MODE_FULL;
  else if (g_str_equal (mode_name, "app"))
    mode = MODE_APP;
  else
    {
      g_printerr ("Unknown mode “%s”\n", mode_name);
      return EXIT_FAILURE;
    }

  if (mode == MODE_APP)
    {
      app = G_APPLICATION (wenda_application_new ());
    }
  else
    {
      /* The app's resource base path, so the WendaWindow modes get its
       * style.css too. */
      app = g_object_new (ADW_TYPE_APPLICATION,
                          "application-id", "io.github.wenda.StartupProbe",
                          "flags", G_APPLICATION_NON_UNIQUE,
                          "resource-base-path", mode == MODE_BARE || mode == MODE_BARE_CJK ||
                                                mode == MODE_BARE_TEXT ? NULL : RESOURCE_PATH,
                          NULL);
    }

  /* "startup" runs its class handler first and "activate" last: these
   * stamp the end of GTK's start-up and the start of activation.  The app
   * builds its window from its command line, not in "activate". */
  g_signal_connect (app, "startup", G_CALLBACK (on_startup), NULL);
  if (mode != MODE_APP)
    g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);

  /* Only the program's name: the mode is not a GApplication option. */
  status = g_application_run (app, 1, argv);

  g_clear_object (&bank);

  return status;
}
