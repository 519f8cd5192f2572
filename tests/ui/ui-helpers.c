/* ui-helpers.c: drive the real window under Xvfb, as a user would
 *
 * Keys and clicks are real X events, sent with xdotool through XTEST, so
 * they go through GTK's whole input path: shortcuts, focus, key capture.
 * xdotool is given the X window by its id, which it finds itself by a
 * title that is unique for a moment (see window_xid()): the GDK X11 API
 * that would tell it is deprecated since GTK 4.18.
 *
 * Every wait here is for a state, never for a fixed time (see
 * ui-helpers.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-helpers.h"
#include "wenda-catalog.h"

#include <adwaita.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ------------------------------------------------------------------ */
/* The log writer                                                      */

/* Under g_test every warning and critical is fatal.  GTK and libadwaita
 * log structured messages, for which neither
 * g_test_log_set_fatal_handler() nor g_log_set_handler() is consulted:
 * the log writer alone decides whether a structured message is fatal.
 * So a message the UI tests must let through (a library's, about its own
 * state) goes through the writer below: a filter of ui_tolerate_log()
 * names it, and it is written as a test message, not fatal.  Every other
 * message goes to g_log_writer_default(), which makes warnings and
 * criticals fatal as g_test_init() and G_DEBUG ask.  There can be one
 * writer in a process: a test that needs an exception of its own
 * registers a filter rather than a writer. */
typedef struct
{
  const char  *why;
  UiLogFilter  filter;
} Tolerated;

static Tolerated tolerated[8];
static guint n_tolerated;

void
ui_tolerate_log (const char  *why,
                 UiLogFilter  filter)
{
  g_assert_cmpuint (n_tolerated, <, G_N_ELEMENTS (tolerated));
  tolerated[n_tolerated++] = (Tolerated) { why, filter };
}

static const char *
log_field (const GLogField *fields,
           gsize            n_fields,
           const char      *key)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, key) && fields[i].length < 0)
        return fields[i].value;
    }

  return NULL;
}

GLogWriterOutput
ui_log_writer (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = log_field (fields, n_fields, "GLIB_DOMAIN");
  const char *message = log_field (fields, n_fields, "MESSAGE");

  if ((log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL)) && message != NULL)
    {
      for (guint i = 0; i < n_tolerated; i++)
        {
          if (tolerated[i].filter (log_level & G_LOG_LEVEL_MASK, domain, message))
            {
              g_test_message ("tolerated (%s): %s: %s", tolerated[i].why,
                              domain != NULL ? domain : "(no domain)", message);
              return G_LOG_WRITER_HANDLED;
            }
        }
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* GTK 4.24 on X11 logs this once per process, the first time a popover
 * is shown: a GtkPopover's surface shares its parent's frame clock, and
 * both surfaces report the frame as submitted, which the frame timings
 * of GDK 4.24 take for a bug (GDK_DEBUG=frames prints each frame twice
 * while a popover is open, once otherwise).  A plain window with a
 * GtkMenuButton shows it on Xvfb, with either renderer; GTK 4.18 does
 * not.  Nothing the app does causes it or can avoid it, short of having
 * no menus.  Let through only from the "Gdk" domain, at warning level,
 * with exactly this text, on GTK 4.24 or later, on X11. */
static gboolean
is_gtk_4_24_x11_popover_warning (GLogLevelFlags  log_level,
                                 const char     *domain,
                                 const char     *message)
{
  return log_level == G_LOG_LEVEL_WARNING && g_strcmp0 (domain, "Gdk") == 0 &&
         g_str_equal (message, "gdk_frame_timings_submitted() called on submitted frame.");
}

/* libadwaita 1.7 (trixie) measures an alert's heading, on one line, for
 * the dialog's width even when the heading is wider, and GTK warns
 * "Trying to measure GtkLabel … for width of 324, but it needs at least
 * 362" (the dialog then shows the heading wrapped, as it should; 1.10
 * measures the one-line heading for its own width).  The heading of an
 * import report, "“half.md” Imported, with Problems", is that wide.  Let
 * through with libadwaita before 1.10 only, that one warning of GTK's. */
static gboolean
is_adw_1_7_alert_heading_warning (GLogLevelFlags  log_level,
                                  const char     *domain,
                                  const char     *message)
{
  return log_level == G_LOG_LEVEL_WARNING && g_strcmp0 (domain, "Gtk") == 0 &&
         g_str_has_prefix (message, "Trying to measure GtkLabel ") &&
         strstr (message, " for width of ") != NULL;
}

static gboolean
is_gtk_4_24_on_x11 (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  return gtk_get_major_version () == 4 && gtk_get_minor_version () >= 24 &&
         display != NULL && g_str_equal (G_OBJECT_TYPE_NAME (display), "GdkX11Display");
}

void
ui_init (int    *argc,
         char ***argv)
{
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() forces en_US.UTF-8; run in the locale the test was
   * given (C.UTF-8, zh_CN.UTF-8 or C), as the app's main() does. */
  setlocale (LC_ALL, "");

  /* The writer only where there is something to let through. */
  if (is_gtk_4_24_on_x11 ())
    ui_tolerate_log ("GTK 4.24 on X11, any popover; see ui-helpers.c",
                     is_gtk_4_24_x11_popover_warning);
  if (adw_get_major_version () == 1 && adw_get_minor_version () < 10)
    ui_tolerate_log ("libadwaita 1.7 measures an alert's heading on one line; see ui-helpers.c",
                     is_adw_1_7_alert_heading_warning);
  if (n_tolerated > 0)
    g_log_set_writer_func (ui_log_writer, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Waiting for a state                                                 */

static gboolean
wake_up (gpointer data)
{
  guint *source = data;

  *source = 0;
  return G_SOURCE_REMOVE;
}

gboolean
ui_iterate_until (gint64 end)
{
  gint64 now = g_get_monotonic_time ();
  guint source;

  if (now >= end)
    return FALSE;

  /* Woken at @end at the latest, if nothing else happens first, and
   * every 50 ms, for a condition that changes off the main loop (a file
   * a thread writes). */
  source = g_timeout_add ((guint)MIN ((end - now + 999) / 1000, 50), wake_up, &source);
  g_main_context_iteration (NULL, TRUE);
  if (source != 0)
    g_source_remove (source);

  return TRUE;
}

gboolean
ui_wait_for (gboolean (*condition) (gpointer data),
             gpointer   data,
             guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (!ui_iterate_until (end))
        return condition (data);
    }

  return TRUE;
}

static gint64
deadline (void)
{
  return g_get_monotonic_time () + UI_TIMEOUT_MS * 1000;
}

static void
count_paint (GdkFrameClock *frame_clock,
             guint         *paints)
{
  (*paints)++;
}

void
ui_wait_frame (GtkWidget *widget)
{
  g_autoptr(GtkWidget) keep = g_object_ref (widget);
  g_autoptr(GdkFrameClock) frame_clock = NULL;
  gint64 end = deadline ();
  guint paints = 0;
  gulong handler;

  if (!gtk_widget_get_mapped (widget))
    return;

  frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  handler = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (count_paint), &paints);
  gtk_widget_queue_draw (widget);
  while (paints == 0 && gtk_widget_get_mapped (widget) && ui_iterate_until (end))
    ;
  g_signal_handler_disconnect (frame_clock, handler);

  if (paints == 0 && gtk_widget_get_mapped (widget))
    g_error ("ui_wait_frame: %s painted no frame in %d ms", G_OBJECT_TYPE_NAME (widget),
             UI_TIMEOUT_MS);
}

void
ui_wait_mapped (GtkWidget *widget)
{
  gint64 end = deadline ();

  while (!gtk_widget_get_mapped (widget) && ui_iterate_until (end))
    ;
  if (!gtk_widget_get_mapped (widget))
    g_error ("ui_wait_mapped: %s is not mapped after %d ms", G_OBJECT_TYPE_NAME (widget),
             UI_TIMEOUT_MS);

  ui_wait_frame (widget);
}

/* The size of @widget's border box: for a window, that of its surface
 * less the shadow, the size gtk_window_set_default_size() sets
 * (gtk_widget_get_width() is the content's, less the border of a
 * window's solid client-side decorations, 5 px each side under Xvfb). */
static void
border_box (GtkWidget *widget,
            int       *width,
            int       *height)
{
  graphene_rect_t bounds;

  if (!gtk_widget_compute_bounds (widget, widget, &bounds))
    bounds = GRAPHENE_RECT_INIT (0, 0, -1, -1);
  *width = (int)bounds.size.width;
  *height = (int)bounds.size.height;
}

static gboolean
allocated (GtkWidget *widget,
           int        width,
           int        height)
{
  int w, h;

  border_box (widget, &w, &h);
  return (width < 0 || w == width) && (height < 0 || h == height);
}

void
ui_wait_allocation (GtkWidget *widget,
                    int        width,
                    int        height)
{
  gint64 end = deadline ();

  while (!allocated (widget, width, height) && ui_iterate_until (end))
    ;
  if (!allocated (widget, width, height))
    {
      int w, h;

      border_box (widget, &w, &h);
      g_error ("ui_wait_allocation: %s is %d × %d after %d ms, not %d × %d",
               G_OBJECT_TYPE_NAME (widget), w, h, UI_TIMEOUT_MS, width, height);
    }

  ui_wait_frame (widget);
}

static gboolean
focus_in (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus;

  if (!GTK_IS_WINDOW (root) || !gtk_window_is_active (GTK_WINDOW (root)))
    return FALSE;

  focus = gtk_root_get_focus (root);
  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

void
ui_wait_focus (GtkWidget *widget)
{
  gint64 end = deadline ();

  while (!focus_in (widget) && ui_iterate_until (end))
    ;
  if (!focus_in (widget))
    {
      GtkRoot *root = gtk_widget_get_root (widget);
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      g_error ("ui_wait_focus: the focus is not in %s after %d ms, but in %s",
               G_OBJECT_TYPE_NAME (widget), UI_TIMEOUT_MS,
               focus != NULL ? G_OBJECT_TYPE_NAME (focus) : "nothing");
    }
}

GtkWidget *
ui_wait_focus_change (GtkWindow *window,
                      GtkWidget *from)
{
  gint64 end = deadline ();

  while (gtk_window_get_focus (window) == from && ui_iterate_until (end))
    ;
  if (gtk_window_get_focus (window) == from)
    g_error ("ui_wait_focus_change: the focus is still on %s after %d ms",
             from != NULL ? G_OBJECT_TYPE_NAME (from) : "nothing", UI_TIMEOUT_MS);

  return gtk_window_get_focus (window);
}

void
ui_wait_idle (void)
{
  gint64 end = deadline ();

  while (g_main_context_pending (NULL))
    {
      if (g_get_monotonic_time () > end)
        g_error ("ui_wait_idle: the main loop still has work after %d ms", UI_TIMEOUT_MS);
      g_main_context_iteration (NULL, FALSE);
    }
}

/* Where @widget is in its window, and whether it is drawn at its own size
 * there. */
static gboolean
place_in_window (GtkWidget       *widget,
                 graphene_rect_t *bounds)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  graphene_rect_t own;

  return gtk_widget_get_mapped (widget) && root != NULL &&
         gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0 &&
         gtk_widget_compute_bounds (widget, widget, &own) &&
         gtk_widget_compute_bounds (widget, GTK_WIDGET (root), bounds) &&
         G_APPROX_VALUE (bounds->size.width, own.size.width, 0.5) &&
         G_APPROX_VALUE (bounds->size.height, own.size.height, 0.5);
}

void
ui_wait_still (GtkWidget *widget)
{
  g_autoptr(GtkWidget) keep = g_object_ref (widget);
  gint64 end = deadline ();

  for (;;)
    {
      graphene_rect_t before, after;

      while (!place_in_window (widget, &before) && ui_iterate_until (end))
        ;
      if (!place_in_window (widget, &before))
        {
          GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (widget));
          graphene_rect_t own = GRAPHENE_RECT_INIT (0, 0, -1, -1);
          graphene_rect_t there = GRAPHENE_RECT_INIT (0, 0, -1, -1);

          if (!gtk_widget_compute_bounds (widget, widget, &own))
            own = GRAPHENE_RECT_INIT (0, 0, -1, -1);
          if (root == NULL || !gtk_widget_compute_bounds (widget, root, &there))
            there = GRAPHENE_RECT_INIT (0, 0, -1, -1);
          g_error ("ui_wait_still: %s is not mapped at its own size after %d ms "
                   "(mapped %d, %d × %d; its bounds %g × %g, in the window %g, %g, %g × %g)",
                   G_OBJECT_TYPE_NAME (widget), UI_TIMEOUT_MS, gtk_widget_get_mapped (widget),
                   gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                   own.size.width, own.size.height,
                   there.origin.x, there.origin.y, there.size.width, there.size.height);
        }

      ui_wait_frame (widget);
      if (place_in_window (widget, &after) && graphene_rect_equal (&before, &after))
        return;

      if (g_get_monotonic_time () >= end)
        g_error ("ui_wait_still: %s still moves after %d ms (%g, %g, %g × %g, then %g, %g, "
                 "%g × %g)", G_OBJECT_TYPE_NAME (widget), UI_TIMEOUT_MS,
                 before.origin.x, before.origin.y, before.size.width, before.size.height,
                 after.origin.x, after.origin.y, after.size.width, after.size.height);
    }
}

static gboolean
navigation_settled (AdwNavigationSplitView *view)
{
  GtkWidget *sidebar = GTK_WIDGET (adw_navigation_split_view_get_sidebar (view));
  GtkWidget *content = GTK_WIDGET (adw_navigation_split_view_get_content (view));
  gboolean show_content = adw_navigation_split_view_get_show_content (view);

  if (!gtk_widget_get_mapped (GTK_WIDGET (view)) || sidebar == NULL || content == NULL)
    return FALSE;

  if (!adw_navigation_split_view_get_collapsed (view))
    return gtk_widget_get_mapped (sidebar) && gtk_widget_get_mapped (content);

  /* Collapsed, the pages are in a navigation view, which unmaps the one
   * it hides at the end of the transition. */
  return gtk_widget_get_mapped (show_content ? content : sidebar) &&
         !gtk_widget_get_mapped (show_content ? sidebar : content);
}

void
ui_wait_navigation (AdwNavigationSplitView *view)
{
  gint64 end = deadline ();

  while (!navigation_settled (view) && ui_iterate_until (end))
    ;
  if (!navigation_settled (view))
    g_error ("ui_wait_navigation: the split view (collapsed: %d) still shows the %s after %d ms",
             adw_navigation_split_view_get_collapsed (view),
             adw_navigation_split_view_get_show_content (view) ? "sidebar" : "content",
             UI_TIMEOUT_MS);

  ui_wait_frame (GTK_WIDGET (view));
}

void
ui_destroy_window (GtkWindow *window)
{
  GtkWindow *weak = window;
  gint64 end = deadline ();

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *)&weak);
  gtk_window_destroy (window);
  while (weak != NULL && ui_iterate_until (end))
    ;
  if (weak != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *)&weak);
      g_error ("ui_destroy_window: %s is still alive %d ms after it was destroyed",
               G_OBJECT_TYPE_NAME (weak), UI_TIMEOUT_MS);
    }
}

/* ------------------------------------------------------------------ */
/* xdotool                                                             */

typedef struct
{
  char    *out;
  char    *err;
  GError  *error;
  gboolean done;
} Run;

static gboolean
wake_up_flag (gpointer data)
{
  gboolean *flag = data;

  *flag = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_done (GObject      *source,
          GAsyncResult *result,
          gpointer      data)
{
  Run *run = data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &run->error);
  run->done = TRUE;
}

/* Runs xdotool with @argv (argv[0] is "xdotool") and returns its output.
 * GTK's main loop does not run meanwhile: what xdotool sends (keys typed
 * 40 ms apart) reaches GTK at once afterwards, as it did before, and not
 * interleaved with the app's idles (a file chooser's completion) as it
 * would under a person's hands.  xdotool gets a main context of its own,
 * for a deadline: the test fails if it fails or takes longer than
 * UI_TIMEOUT_MS (search --sync waits until it finds). */
static char *
run_xdotool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (UI_TIMEOUT_MS);
  g_autofree char *command = g_strjoinv (" ", (char **)argv);
  gboolean timed_out = FALSE;
  Run run = { 0 };

  g_main_context_push_thread_default (context);
  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_source_set_callback (timeout, (GSourceFunc)wake_up_flag, &timed_out, NULL);
  g_source_attach (timeout, context);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, run_done, &run);
  while (!run.done && !timed_out)
    g_main_context_iteration (context, TRUE);
  if (!run.done)
    {
      g_subprocess_force_exit (process);
      while (!run.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (timed_out)
    g_error ("%s did not finish in %d ms", command, UI_TIMEOUT_MS);
  g_assert_no_error (run.error);
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", command, run.err);

  g_free (run.err);
  return run.out;
}

/* The X window of @window's surface, for xdotool, as a decimal string.
 * xdotool finds it (search --sync waits until it can) by a title no
 * other window has: set on the GdkSurface for that moment, behind
 * GtkWindow's back, so that no widget and no accessible sees it, then
 * set back.  The id stays with the surface: a window that is realized
 * anew gets a new surface, and is looked up again. */
static const char *
window_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  static guint serial;
  const char *xid;

  g_assert_nonnull (surface);
  xid = g_object_get_data (G_OBJECT (surface), "ui-helpers-xid");
  if (xid == NULL)
    {
      g_autofree char *title = g_strdup_printf ("ui-helpers-%d-%u", (int)getpid (), ++serial);
      g_autofree char *pattern = g_strdup_printf ("^%s$", title);
      const char *argv[] = { "xdotool", "search", "--sync", "--name", pattern, NULL };
      const char *shown = gtk_window_get_title (window);
      char *found;

      gdk_toplevel_set_title (GDK_TOPLEVEL (surface), title);
      gdk_display_flush (gdk_surface_get_display (surface));
      found = g_strstrip (run_xdotool (argv));
      gdk_toplevel_set_title (GDK_TOPLEVEL (surface),
                              shown != NULL ? shown : g_get_application_name ());

      if (*found == '\0' || strchr (found, '\n') != NULL ||
          strspn (found, "0123456789") != strlen (found))
        g_error ("xdotool found the X windows “%s” for the title %s, expected one", found, title);

      g_object_set_data_full (G_OBJECT (surface), "ui-helpers-xid", found, g_free);
      xid = found;
    }

  return xid;
}

void
ui_focus_window (GtkWindow *window)
{
  gint64 end;

  if (gtk_window_is_active (window))
    return;

  {
    const char *argv[] = { "xdotool", "windowfocus", "--sync", window_xid (window), NULL };

    g_free (run_xdotool (argv));
  }

  end = deadline ();
  while (!gtk_window_is_active (window) && ui_iterate_until (end))
    ;
  if (!gtk_window_is_active (window))
    g_error ("ui_focus_window: %s is not active %d ms after xdotool windowfocus",
             G_OBJECT_TYPE_NAME (window), UI_TIMEOUT_MS);
}

/* ------------------------------------------------------------------ */
/* Watching the events xdotool sends arrive                            */

/* GDK hands every event to GTK by emitting GdkSurface::event on the
 * surface it is for: a window's, a popover's (a popover has a surface of
 * its own), a dialog's just opened by the key.  An emission hook sees
 * each one before any handler, whichever surface it is, and whatever
 * GTK then does with it: a capture-phase controller on the window would
 * not (GTK runs a widget's controllers in order and stops at the first
 * that handles the event, such as the search bar's key capture; and a
 * modal AdwDialog's grab makes GTK propagate events from the dialog
 * down, past the window).  Emissions run to their end before the main
 * loop iterates again, so once the hook has counted an event, GTK has
 * handled it. */
typedef struct
{
  GPtrArray *surfaces;        /* GdkSurface, ref'ed: those that took events */
  gulong     hook;
  guint      key_presses;     /* for the debug log */
  guint      key_releases;
  guint      char_releases;   /* of keys that are not modifiers */
  guint      button_presses;
  guint      button_releases;
} Watch;

static gboolean
watch_event (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               data)
{
  Watch *watch = data;
  GdkSurface *surface = g_value_get_object (&values[0]);
  GdkEvent *event = g_value_get_pointer (&values[1]);
  gboolean counted = TRUE;

  switch ((int)gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
      watch->key_presses++;
      break;

    case GDK_KEY_RELEASE:
      watch->key_releases++;
      if (!gdk_key_event_is_modifier (event))
        watch->char_releases++;
      break;

    case GDK_BUTTON_PRESS:
      if (gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
        watch->button_presses++;
      break;

    case GDK_BUTTON_RELEASE:
      if (gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
        watch->button_releases++;
      break;

    default:
      counted = FALSE;
      break;
    }

  if (counted && !g_ptr_array_find (watch->surfaces, surface, NULL))
    g_ptr_array_add (watch->surfaces, g_object_ref (surface));

  return TRUE;   /* stay connected */
}

static guint
surface_event_signal (void)
{
  return g_signal_lookup ("event", GDK_TYPE_SURFACE);
}

static void
watch_begin (Watch *watch)
{
  *watch = (Watch) { 0 };
  watch->surfaces = g_ptr_array_new_with_free_func (g_object_unref);
  watch->hook = g_signal_add_emission_hook (surface_event_signal (), 0, watch_event, watch, NULL);
}

/* Whether a surface that took some of the events has gone since: the
 * rest were sent to a window that closed (a dialog that closed on the
 * key), and do not come. */
static gboolean
watch_receiver_gone (Watch *watch)
{
  for (guint i = 0; i < watch->surfaces->len; i++)
    {
      GdkSurface *surface = g_ptr_array_index (watch->surfaces, i);

      if (gdk_surface_is_destroyed (surface) || !gdk_surface_get_mapped (surface))
        return TRUE;
    }

  return FALSE;
}

/* Until *@count reaches @expected: events are counted as they come. */
static void
watch_wait (Watch       *watch,
            const guint *count,
            guint        expected,
            const char  *what)
{
  gint64 end = deadline ();

  while (*count < expected && !watch_receiver_gone (watch))
    {
      if (!ui_iterate_until (end))
        g_error ("GTK received %u of the %u %s that xdotool sent, in %d ms (keys: %u pressed, "
                 "%u released; button 1: %u pressed, %u released)",
                 *count, expected, what, UI_TIMEOUT_MS, watch->key_presses, watch->key_releases,
                 watch->button_presses, watch->button_releases);
    }

  g_debug ("ui-helpers: %u of %u %s received (keys: %u pressed, %u released, %u of them "
           "not modifiers; button 1: %u pressed, %u released; on %u surfaces%s)",
           *count, expected, what, watch->key_presses, watch->key_releases,
           watch->char_releases, watch->button_presses, watch->button_releases,
           watch->surfaces->len, watch_receiver_gone (watch) ? ", one of them gone since" : "");
}

static void
watch_end (Watch *watch)
{
  g_signal_remove_emission_hook (surface_event_signal (), watch->hook);
  g_clear_pointer (&watch->surfaces, g_ptr_array_unref);
}

/* ------------------------------------------------------------------ */
/* Keys and clicks                                                     */

void
ui_keys (GtkWindow  *window,
         const char *keys)
{
  /* The keys may close it (Escape in a dialog). */
  g_autoptr(GtkWindow) keep = g_object_ref (window);
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  guint n_keys = 0;
  Watch watch;

  ui_focus_window (window);

  /* Pressed and released one after the other, 30 ms apart, as a person
   * would; each name of a chord ("ctrl+d") is a key. */
  g_ptr_array_add (argv, (char *)"xdotool");
  g_ptr_array_add (argv, (char *)"key");
  g_ptr_array_add (argv, (char *)"--delay");
  g_ptr_array_add (argv, (char *)"30");
  for (guint i = 0; names[i]; i++)
    {
      g_auto(GStrv) chord = g_strsplit (names[i], "+", -1);

      n_keys += g_strv_length (chord);
      g_ptr_array_add (argv, names[i]);
    }
  g_ptr_array_add (argv, NULL);

  watch_begin (&watch);
  g_free (run_xdotool ((const char *const *)argv->pdata));
  watch_wait (&watch, &watch.key_releases, n_keys, "key releases");
  watch_end (&watch);

  ui_wait_frame (GTK_WIDGET (window));
}

void
ui_type (GtkWindow  *window,
         const char *text)
{
  /* 40 ms apart: xdotool types a character the keymap lacks (Chinese) by
   * mapping it to a spare key first, and GTK must see the new keymap. */
  const char *argv[] = { "xdotool", "type", "--delay", "40", text, NULL };
  g_autoptr(GtkWindow) keep = g_object_ref (window);
  Watch watch;

  ui_focus_window (window);
  watch_begin (&watch);
  g_free (run_xdotool (argv));
  /* Each character is one key that is not a modifier (Shift may come
   * with it). */
  watch_wait (&watch, &watch.char_releases, g_utf8_strlen (text, -1), "character key releases");
  watch_end (&watch);

  ui_wait_frame (GTK_WIDGET (window));
}

/* @widget's middle, in the coordinates of the X window of its toplevel
 * surface: through the popovers it may be in (each placed relative to
 * its parent surface), and the client-side shadows (surface
 * transforms). */
static void
toplevel_point (GtkWidget *widget,
                double    *x,
                double    *y)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t in, out;
  double nx, ny;

  in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                            gtk_widget_get_height (widget) / 2.f);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in, &out));
  gtk_native_get_surface_transform (native, &nx, &ny);
  *x = out.x + nx;
  *y = out.y + ny;

  for (GdkSurface *surface = gtk_native_get_surface (native);
       GDK_IS_POPUP (surface);
       surface = gdk_popup_get_parent (GDK_POPUP (surface)))
    {
      *x += gdk_popup_get_position_x (GDK_POPUP (surface));
      *y += gdk_popup_get_position_y (GDK_POPUP (surface));
    }
}

void
ui_click (GtkWidget *widget)
{
  /* The click may close it (a dialog's Open button). */
  g_autoptr(GtkWindow) window = g_object_ref (GTK_WINDOW (gtk_widget_get_root (widget)));
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  double x, y;
  Watch watch;

  /* A widget just made (a link for the topic just opened, a dialog's
   * button) is only laid out at the next frame: until then it has no size
   * and no place. */
  ui_assert_eventually (gtk_widget_get_mapped (widget) &&
                        gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0);
  ui_wait_frame (widget);
  ui_focus_window (window);
  toplevel_point (widget, &x, &y);
  sx = g_strdup_printf ("%d", (int)x);
  sy = g_strdup_printf ("%d", (int)y);

  {
    /* (No --sync: it waits forever when the pointer is already there.) */
    const char *argv[] = { "xdotool", "mousemove", "--window", window_xid (window), sx, sy,
                           "click", "1", NULL };

    watch_begin (&watch);
    g_free (run_xdotool (argv));
    watch_wait (&watch, &watch.button_releases, 1, "button releases");
    watch_end (&watch);
  }

  ui_wait_frame (GTK_WIDGET (window));
}

static void
find_by_type (GtkWidget  *widget,
              GType       type,
              GtkWidget **found,
              guint      *n_found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_type_is_a (G_OBJECT_TYPE (child), type))
        {
          *found = child;
          (*n_found)++;
        }
      find_by_type (child, type, found, n_found);
    }
}

/* The one widget of @type under @root, such as a page of the reading pane
 * made the first time it is shown; fails unless there is exactly one. */
GtkWidget *
ui_find_widget (gpointer root,
                GType    type)
{
  GtkWidget *found = NULL;
  guint n_found = 0;

  find_by_type (GTK_WIDGET (root), type, &found, &n_found);
  if (n_found != 1)
    g_error ("%u widgets of type %s in %s", n_found, g_type_name (type), G_OBJECT_TYPE_NAME (root));
  return found;
}

/* The first widget of @type under @root whose label text is @text, in
 * depth-first order; checks GtkLabel:label and GtkButton:label. */
GtkWidget *
ui_find_by_label (GtkWidget  *root,
                  GType       type,
                  const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_type_is_a (G_OBJECT_TYPE (child), type) && gtk_widget_get_visible (child))
        {
          const char *label = NULL;

          if (GTK_IS_LABEL (child))
            label = gtk_label_get_label (GTK_LABEL (child));
          else if (GTK_IS_BUTTON (child))
            label = gtk_button_get_label (GTK_BUTTON (child));

          if (g_strcmp0 (label, text) == 0)
            return child;
        }

      if ((found = ui_find_by_label (child, type, text)))
        return found;
    }

  return NULL;
}

/* Starts the real application in this process, the way the UI tests use
 * it: registered on the test's session bus, activated, its window mapped
 * and laid out.  The tests then drive the main loop themselves. */
static char *data_home;

static void
remove_data_home (void)
{
  g_autoptr(GError) error = NULL;

  if (data_home == NULL)
    return;

  /* The tests make a few small files; a plain recursive delete. */
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", data_home);
    int status;

    if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error))
      g_printerr ("# could not remove %s: %s\n", data_home, error->message);
  }
  g_clear_pointer (&data_home, g_free);
}

/**
 * ui_data_home:
 *
 * Returns: the XDG_DATA_HOME of this test run, a temporary folder made on
 *   first use and removed at exit
 */
const char *
ui_data_home (void)
{
  if (data_home == NULL)
    {
      g_autoptr(GError) error = NULL;

      data_home = g_dir_make_tmp ("wenda-ui-XXXXXX", &error);
      g_assert_no_error (error);
      g_setenv ("XDG_DATA_HOME", data_home, TRUE);
      atexit (remove_data_home);
    }

  return data_home;
}

/* The study file the app uses in this test run. */
char *
ui_study_file (void)
{
  return g_build_filename (ui_data_home (), APP_ID, "study.json", NULL);
}

WendaWindow *
ui_start_app (int               *argc,
              char            ***argv,
              WendaApplication **app)
{
  WendaWindow *window;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  /* Stars and progress go to a folder of the test's own, never to the
   * user's (a test may have prepared it). */
  ui_data_home ();
  ui_init (argc, argv);
  wenda_i18n_init ();
  adw_init ();

  /* Tests control time and want repeatable intervals: no fuzz. */
  {
    g_autoptr(GSettings) settings = g_settings_new ("io.github.wenda.Wenda");

    g_settings_set_boolean (settings, "interval-fuzz", FALSE);
  }

  *app = wenda_application_new ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, NULL));
  g_application_activate (G_APPLICATION (*app));

  window = WENDA_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  ui_wait_mapped (GTK_WIDGET (window));
  ui_wait_allocation (GTK_WIDGET (window), 1000, 700);
  ui_wait_idle ();

  return window;
}

/* Looks for @name in the templates of the app's composite widgets inside
 * @widget (its own types only: GTK's templates have names of their own),
 * counting where it is found. */
/* The objects named @name under @widget: of the templates of the
 * composite widgets there (@by_template), or else those that a GtkBuilder
 * built from a .ui file of their own, such as the pages made the first
 * time they are shown (the sidebar's glossary). */
static void
find_in_nested_templates (GtkWidget   *widget,
                          const char  *name,
                          gboolean     by_template,
                          GObject    **found,
                          guint       *n_found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GObject *object = NULL;

      if (!by_template)
        object = g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), name) == 0
                 ? G_OBJECT (child) : NULL;
      else if (g_str_has_prefix (G_OBJECT_TYPE_NAME (child), "Wenda"))
        object = gtk_widget_get_template_child (child, G_OBJECT_TYPE (child), name);

      if (object != NULL)
        {
          *found = object;
          (*n_found)++;
        }
      find_in_nested_templates (child, name, by_template, found, n_found);
    }
}

/* An object of @widget's template (of its class @type), by its id; or,
 * if that template has none of that name, of the template of a composite
 * widget inside it, such as the window's sidebar (WendaSidebar), where
 * the name must be unique; or else a widget of that id built later from
 * a .ui file of its own. */
GObject *
ui_template_object (gpointer    widget,
                    GType       type,
                    const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  guint n_found = 0;

  if (object != NULL)
    return object;

  find_in_nested_templates (GTK_WIDGET (widget), name, TRUE, &object, &n_found);
  if (n_found == 0)
    find_in_nested_templates (GTK_WIDGET (widget), name, FALSE, &object, &n_found);
  if (n_found != 1)
    g_error ("%u template children named “%s” in %s", n_found, name, G_OBJECT_TYPE_NAME (widget));
  return object;
}

/* A widget of @widget's template, by its id, as ui_template_object()
 * finds it. */
GtkWidget *
ui_template_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = ui_template_object (widget, type, name);

  g_assert_true (GTK_IS_WIDGET (child));
  return GTK_WIDGET (child);
}

void
ui_show_topic (WendaWindow *window,
               guint        number)
{
  g_assert_true (wenda_window_show_topic (window, number));
  ui_wait_frame (GTK_WIDGET (window));
}

static void
collect_label_texts (GtkWidget  *widget,
                     GString    *out,
                     const char *separator,
                     gboolean    markers)
{
  if (!gtk_widget_get_visible (widget))
    return;

  if (GTK_IS_LABEL (widget) && (markers || !gtk_widget_has_css_class (widget, "wenda-list-marker")))
    {
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, out, separator, markers);
}

char *
ui_label_texts (GtkWidget  *widget,
                const char *separator,
                gboolean    markers)
{
  GString *out = g_string_new (NULL);

  collect_label_texts (widget, out, separator, markers);
  return g_string_free (out, FALSE);
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *n)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*n == 0)
        return widget;
      (*n)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, n);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
ui_find_nth (GtkWidget *widget,
             GType      type,
             guint      n)
{
  return find_widget (widget, type, &n);
}

guint
ui_count_widgets (GtkWidget *widget,
                  GType      type)
{
  guint n = G_TYPE_CHECK_INSTANCE_TYPE (widget, type) ? 1 : 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += ui_count_widgets (child, type);
  return n;
}

/* A catalog (.mo) of @pairs, msgid then msgstr, NULL at the end */
WendaCatalog *
ui_make_catalog (const char * const *pairs)
{
  g_autoptr(GByteArray) mo = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  WendaCatalog *catalog;
  guint n = 0;
  guint32 offset;

  while (pairs[2 * n] != NULL)
    n++;

#define PUT(value) G_STMT_START { guint32 v_ = (value); g_byte_array_append (mo, (guint8 *)&v_, 4); } G_STMT_END
  PUT (0x950412de);
  PUT (0);
  PUT (n);
  PUT (28);
  PUT (28 + 8 * n);
  PUT (0);
  PUT (28 + 16 * n);
  offset = 28 + 16 * n;
  for (guint table = 0; table < 2; table++)
    for (guint i = 0; i < n; i++)
      {
        guint32 len = strlen (pairs[2 * i + table]);

        PUT (len);
        PUT (offset);
        offset += len + 1;
      }
#undef PUT
  for (guint table = 0; table < 2; table++)
    for (guint i = 0; i < n; i++)
      g_byte_array_append (mo, (const guint8 *)pairs[2 * i + table], strlen (pairs[2 * i + table]) + 1);

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&mo));
  catalog = wenda_catalog_new_from_bytes (bytes, "test.mo", &error);
  g_assert_no_error (error);
  return catalog;
}
