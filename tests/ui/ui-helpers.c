/* ui-helpers.c: drive the real window under Xvfb, as a user would
 *
 * Keys and clicks are real X events, sent with xdotool through XTEST, so
 * they go through GTK's whole input path: shortcuts, focus, key capture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ui-helpers.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Runs the main loop for @ms milliseconds. */
void
ui_pump (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

gboolean
ui_wait_for (gboolean (*condition) (gpointer data),
             gpointer   data,
             guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64)timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  return TRUE;
}

static void
run_xdotool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[1], err);
}

/* The X window of @window, for xdotool.  GTK 4.18 deprecates the GDK
 * X11 API, so xdotool finds it by a title unique to this process and
 * call, set for the moment of the search (search --sync waits until the
 * X server has it); the window's own title comes back after.  The id is
 * kept on the surface. */
static const char *
window_xid (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  const char *xid = g_object_get_data (G_OBJECT (surface), "ui-helpers-xid");

  if (xid == NULL)
    {
      static guint serial;
      g_autofree char *title = g_strdup_printf ("ui-helpers-%d-%u", (int)getpid (), ++serial);
      g_autofree char *pattern = g_strdup_printf ("^%s$", title);
      const char *argv[] = { "xdotool", "search", "--sync", "--name", pattern, NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      gdk_toplevel_set_title (GDK_TOPLEVEL (surface), title);
      /* Out to the X server now: the main loop does not run meanwhile. */
      gdk_display_flush (gdk_surface_get_display (surface));
      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                    &out, NULL, &status, &error);
      g_assert_no_error (error);
      gdk_toplevel_set_title (GDK_TOPLEVEL (surface),
                              gtk_window_get_title (window) ? gtk_window_get_title (window) : "");
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_strstrip (out);
      if (out[0] == '\0' || strchr (out, '\n') != NULL)
        g_error ("xdotool found “%s” for the title %s, expected one window", out, title);
      g_object_set_data_full (G_OBJECT (surface), "ui-helpers-xid", g_steal_pointer (&out), g_free);
      xid = g_object_get_data (G_OBJECT (surface), "ui-helpers-xid");
    }

  return xid;
}

/* With no window manager, windowfocus works and windowactivate does not. */
void
ui_focus_window (GtkWindow *window)
{
  const char *argv[] = { "xdotool", "windowfocus", "--sync", window_xid (window), NULL };

  run_xdotool (argv);
  ui_pump (50);
}

/* @keys: xdotool key names separated by spaces, e.g. "alt+Right Down" */
void
ui_keys (GtkWindow  *window,
         const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  ui_focus_window (window);

  g_ptr_array_add (argv, (char *)"xdotool");
  g_ptr_array_add (argv, (char *)"key");
  g_ptr_array_add (argv, (char *)"--delay");
  g_ptr_array_add (argv, (char *)"30");
  for (guint i = 0; names[i]; i++)
    g_ptr_array_add (argv, names[i]);
  g_ptr_array_add (argv, NULL);

  run_xdotool ((const char *const *)argv->pdata);
  ui_pump (150);
}

void
ui_type (GtkWindow  *window,
         const char *text)
{
  const char *argv[] = { "xdotool", "type", "--delay", "40", text, NULL };

  ui_focus_window (window);
  run_xdotool (argv);
  ui_pump (200);
}

/* A left click in the middle of @widget. */
void
ui_click (GtkWidget *widget)
{
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_root (widget));
  const char *xid;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  graphene_point_t in, out;
  double nx, ny;

  /* A widget just made (a link for the topic just opened) is only laid
   * out at the next frame: until then it has no size and no place. */
  ui_assert_eventually (gtk_widget_get_mapped (widget) &&
                        gtk_widget_get_width (widget) > 0 && gtk_widget_get_height (widget) > 0);

  in = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                            gtk_widget_get_height (widget) / 2.f);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (window), &in, &out));

  /* (No --sync: it waits forever when the pointer is already there.)
   * Widget coordinates are relative to the window's content; the surface
   * has the client-side shadow around it. */
  gtk_native_get_surface_transform (GTK_NATIVE (window), &nx, &ny);
  sx = g_strdup_printf ("%d", (int)(out.x + nx));
  sy = g_strdup_printf ("%d", (int)(out.y + ny));

  xid = window_xid (window);
  {
    const char *argv[] = { "xdotool", "mousemove", "--window", xid, sx, sy,
                           "click", "1", NULL };

    ui_focus_window (window);
    run_xdotool (argv);
  }

  ui_pump (200);
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
  gtk_test_init (argc, argv, NULL);
  /* gtk_test_init() forces en_US.UTF-8; run in the locale the test was
   * given (C.UTF-8, zh_CN.UTF-8 or C), as the app's main() does. */
  setlocale (LC_ALL, "");
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
  g_assert_true (ui_wait_for ((gboolean (*) (gpointer))gtk_widget_get_mapped, window, 5000));
  ui_pump (300);

  return window;
}

/* A widget of @widget's template, by its id. */
GtkWidget *
ui_template_child (gpointer    widget,
                   GType       type,
                   const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

/* Opens topic @number, as wenda_window_show_topic() does for a link, and
 * lets the window settle. */
void
ui_show_topic (WendaWindow *window,
               guint        number)
{
  g_assert_true (wenda_window_show_topic (window, number));
  ui_pump (100);
}
