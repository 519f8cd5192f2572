/* wenda-application.c: the application object
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "wenda-application.h"
#include "wenda-library.h"
#include "wenda-bank-loader.h"
#include "wenda-catalog.h"
#include "wenda-compat.h"
#include "wenda-first-frame.h"
#include "wenda-image-viewer.h"
#include "wenda-search-provider.h"
#include "wenda-window.h"

struct _WendaApplication
{
  AdwApplication  parent_instance;

  /* Owned references */
  WendaBank      *bank;
  GSettings      *settings;
  GtkCssProvider *text_css;
  WendaStudyStore *store;
  WendaScheduler *scheduler;
  WendaLibrary   *library;

  /* What went wrong reading the study file, for the first window to say. */
  char           *study_message;

  guint           search_provider_id;
};

#define TEXT_SCALE_STEP 0.1

/* Where the catalogs are: LOCALEDIR once installed; WENDA_LOCALEDIR (set
 * by `meson devenv` and the tests) when running from the build tree. */
const char *
wenda_application_get_localedir (void)
{
  const char *dir = g_getenv ("WENDA_LOCALEDIR");

  return dir && *dir ? dir : LOCALEDIR;
}

G_DEFINE_FINAL_TYPE (WendaApplication, wenda_application, ADW_TYPE_APPLICATION)

/**
 * wenda_i18n_init:
 *
 * Binds the text domain, for the UI strings.  Call after setlocale().
 */
void
wenda_i18n_init (void)
{
  bindtextdomain (GETTEXT_PACKAGE, wenda_application_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* g_dgettext() decides once whether to translate at all; let it decide
   * before textdomain() is set (see shared/I18N.md). */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * wenda_application_get_main_window:
 *
 * Returns: (transfer none) (nullable): the most recently focused main
 *   window; Preferences and About are application windows too, so the
 *   active window may not be one.
 */
WendaWindow *
wenda_application_get_main_window (WendaApplication *self)
{
  g_return_val_if_fail (WENDA_IS_APPLICATION (self), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (WENDA_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/**
 * wenda_application_new_window:
 *
 * A new main window showing @bank, with the application's library, study
 * store and scheduler.  Call after startup.
 */
WendaWindow *
wenda_application_new_window (WendaApplication *self,
                              WendaBank        *bank)
{
  g_return_val_if_fail (WENDA_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);

  return wenda_window_new (GTK_APPLICATION (self), bank,
                           self->library, self->store, self->scheduler);
}

static GtkWindow *
wenda_application_ensure_window (WendaApplication *self)
{
  GApplication *app = G_APPLICATION (self);
  GtkWindow *window;

  window = GTK_WINDOW (wenda_application_get_main_window (self));
  if (window == NULL)
    {
      window = GTK_WINDOW (wenda_application_new_window (self, self->bank));

      if (g_strcmp0 (g_getenv ("WENDA_BENCHMARK_FIRST_FRAME"), "1") == 0)
        wenda_report_first_frame (window, app);

      if (self->study_message != NULL)
        {
          wenda_window_add_toast (WENDA_WINDOW (window), self->study_message);
          g_clear_pointer (&self->study_message, g_free);
        }
    }

  return window;
}

static void
wenda_application_activate (GApplication *app)
{
  gtk_window_present (wenda_application_ensure_window (WENDA_APPLICATION (app)));
}

/* "Open With" in the file manager (D-Bus activation): import each file. */
static void
wenda_application_open (GApplication  *app,
                        GFile        **files,
                        int            n_files,
                        const char    *hint)
{
  GtkWindow *window = wenda_application_ensure_window (WENDA_APPLICATION (app));

  for (int i = 0; i < n_files; i++)
    wenda_window_import_file (WENDA_WINDOW (window), files[i]);

  gtk_window_present (window);
}

/* Runs in the primary instance, for its own command line and for those
 * of later launches. */
static int
wenda_application_command_line (GApplication            *app,
                                GApplicationCommandLine *command_line)
{
  WendaApplication *self = WENDA_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_auto(GStrv) arguments = NULL;
  const char *language = NULL;
  WendaWindow *window;
  int argc;

  arguments = g_application_command_line_get_arguments (command_line, &argc);

  if (g_variant_dict_lookup (options, "language", "&s", &language))
    {
      WendaContentMode mode;

      if (!wenda_content_mode_from_nick (language, &mode))
        {
          g_application_command_line_printerr (command_line,
                                               _("Unknown language “%s”: use zh, en or both\n"),
                                               language);
          return EXIT_FAILURE;
        }

      window = WENDA_WINDOW (wenda_application_ensure_window (self));
      wenda_window_override_content_mode (window, mode);
    }

  window = WENDA_WINDOW (wenda_application_ensure_window (self));

  for (int i = 1; i < argc; i++)
    {
      guint64 number = 0;

      if (g_ascii_string_to_unsigned (arguments[i], 10, 1, G_MAXUINT, &number, NULL))
        {
          if (!wenda_window_show_topic (window, (guint)number))
            g_application_command_line_printerr (command_line, _("There is no topic %s\n"),
                                                 arguments[i]);
        }
      else
        {
          /* Anything else is a bank to import, relative to the caller's
           * folder. */
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line,
                                                                                  arguments[i]);

          if (!g_file_query_exists (file, NULL))
            {
              g_application_command_line_printerr (command_line,
                                                   _("Not a topic number or a file: %s\n"),
                                                   arguments[i]);
              return EXIT_FAILURE;
            }
          wenda_window_import_file (window, file);
        }
    }

  gtk_window_present (GTK_WINDOW (window));

  return EXIT_SUCCESS;
}

static void
apply_color_scheme (WendaApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT,      /* follow the system */
    ADW_COLOR_SCHEME_FORCE_LIGHT,
    ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint choice = (guint)g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (choice, G_N_ELEMENTS (schemes) - 1)]);
}

/* The reading text size applies to the question, answer and explanation
 * everywhere, through one style sheet. */
static void
apply_text_scale (WendaApplication *self)
{
  char body[G_ASCII_DTOSTR_BUF_SIZE];
  char title[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *css = NULL;
  double scale = g_settings_get_double (self->settings, "text-scale");

  /* g_ascii_dtostr: a decimal point whatever the locale. */
  g_ascii_dtostr (body, sizeof body, 1.1 * scale);
  g_ascii_dtostr (title, sizeof title, 1.5 * scale);
  css = g_strdup_printf (".reading-text { font-size: %sem; }\n"
                         ".reading-title { font-size: %sem; }\n", body, title);
  gtk_css_provider_load_from_string (self->text_css, css);
}

static void
on_settings_changed (WendaApplication *self,
                     const char       *key)
{
  if (g_str_equal (key, "color-scheme"))
    apply_color_scheme (self);
  else if (g_str_equal (key, "text-scale"))
    apply_text_scale (self);
  else if (g_str_equal (key, "interval-fuzz"))
    wenda_scheduler_set_fuzz (self->scheduler, g_settings_get_boolean (self->settings, key));
}

static void
zoom_by (WendaApplication *self,
         double            steps)
{
  double scale = g_settings_get_double (self->settings, "text-scale");

  /* Over an image at full size, the keys zoom the image */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (ADW_IS_APPLICATION_WINDOW (l->data) &&
        wenda_image_viewer_zoom_by (adw_application_window_get_visible_dialog (l->data), (int) steps))
      return;

  if (steps == 0)
    scale = 1.0;
  else
    scale = CLAMP (scale + steps * TEXT_SCALE_STEP, 0.6, 2.0);

  /* Round to the step, so repeated steps don't drift. */
  g_settings_set_double (self->settings, "text-scale", round (scale * 10) / 10);
}

static void
zoom_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  zoom_by (WENDA_APPLICATION (user_data), 1);
}

static void
zoom_out_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  zoom_by (WENDA_APPLICATION (user_data), -1);
}

static void
zoom_reset_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  zoom_by (WENDA_APPLICATION (user_data), 0);
}

static gboolean
percent_from_scale (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  g_value_set_double (value, round (g_variant_get_double (variant) * 100));
  return TRUE;
}

static GVariant *
scale_from_percent (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  WendaApplication *self = WENDA_APPLICATION (user_data);
  GtkWindow *parent = GTK_WINDOW (wenda_application_get_main_window (self));
  g_autoptr(GtkBuilder) builder = NULL;
  AdwDialog *preferences;

  builder = gtk_builder_new_from_resource (RESOURCE_PATH "/wenda-preferences.ui");
  preferences = ADW_DIALOG (gtk_builder_get_object (builder, "preferences"));
  g_settings_bind (self->settings, "interval-fuzz",
                   gtk_builder_get_object (builder, "interval_fuzz"), "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "text-scale",
                                gtk_builder_get_object (builder, "text_size_adjustment"), "value",
                                G_SETTINGS_BIND_DEFAULT,
                                percent_from_scale, scale_from_percent, NULL, NULL);

  /* The dialog lives in the window, and sees the app.* actions its style
   * buttons use through it. */
  adw_dialog_present (preferences, GTK_WIDGET (parent));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  /* On the main window, also when another (the shortcuts window) is
   * the active one. */
  GtkWindow *parent = GTK_WINDOW (wenda_application_get_main_window (WENDA_APPLICATION (user_data)));

  if (parent != NULL)
    wenda_compat_show_shortcuts (parent);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  WendaApplication *self = WENDA_APPLICATION (user_data);
  GtkWindow *parent = GTK_WINDOW (wenda_application_get_main_window (self));
  static const char *developers[] = { "Wenda Developers", NULL };
  static const char *bank[] = {
    /* The source of the bundled question bank (resources/content/). */
    "大模型训练的两个关键步骤 (Two Key Steps in Large Model Training): "
    "30 interview questions with answers and explanations, in Chinese",
    NULL
  };
  AdwDialog *about = adw_about_dialog_new ();

#define ABOUT(func, ...) adw_about_dialog_##func (ADW_ABOUT_DIALOG (about), __VA_ARGS__)

  ABOUT (set_application_name, _("Wenda"));
  ABOUT (set_application_icon, APP_ID);
  ABOUT (set_version, PACKAGE_VERSION);
  ABOUT (set_developer_name, "Wenda Developers");
  ABOUT (set_developers, developers);
  ABOUT (set_license_type, GTK_LICENSE_GPL_3_0);
  ABOUT (set_copyright, "© 2026 Wenda Developers");
  ABOUT (set_comments, _("Read and study interview questions on machine learning and "
                         "large-model training, in Chinese, in English, or both."));
  ABOUT (set_website, "https://github.com/wenda/wenda");
  ABOUT (set_issue_url, "https://github.com/wenda/wenda/issues");
  /* Translators: the credits section naming where the questions come from */
  ABOUT (add_acknowledgement_section, _("Question Bank"), bank);
  /* Translators: put your name here, it is shown in the About window */
  ABOUT (set_translator_credits, _("translator-credits"));
#undef ABOUT

  adw_dialog_present (about, GTK_WIDGET (parent));
}

/* What the application reads from disk at its start: the study file, the
 * bundled bank with its English rendering, and the user's banks.  Run in a
 * thread while GTK and libadwaita start (about 200 ms of CPU on the main
 * thread), so that a user's banks are parsed meanwhile; the main thread
 * touches none of these fields until it has joined the thread. */
static gpointer
load_user_data_thread (gpointer data)
{
  WendaApplication *self = data;
  g_autoptr(GError) error = NULL;

  /* Stars and progress.  A file that cannot be used is kept aside (or left
   * alone) by the store; the first window says what happened. */
  {
    g_autofree char *path = wenda_study_store_default_path (APP_ID);
    g_autoptr(GError) study_error = NULL;

    self->store = wenda_study_store_new (path);
    if (!wenda_study_store_load (self->store, &study_error))
      self->study_message = g_strdup (study_error->message);
  }

  /* The bundled bank is compiled in; it failing to load is a build error,
   * and the tests catch it.  Still, start with an empty bank rather than
   * crash, and say why. */
  self->bank = wenda_bank_load_bundled (&error);
  if (self->bank == NULL)
    {
      g_autoptr(GPtrArray) none = g_ptr_array_new ();

      g_warning ("Could not load the bundled question bank: %s", error->message);
      self->bank = wenda_bank_new ("", none);
    }
  else
    {
      g_autoptr(WendaCatalog) catalog = NULL;
      g_autoptr(GError) catalog_error = NULL;

      /* The English rendering.  Without it the English view falls back to
       * the Chinese text, never to blanks. */
      catalog = wenda_catalog_load_language (wenda_application_get_localedir (),
                                             GETTEXT_PACKAGE, "en", &catalog_error);
      if (catalog != NULL)
        wenda_bank_apply_catalog (self->bank, catalog);
      else
        g_warning ("No English rendering of the content: %s", catalog_error->message);
    }

  /* The user's own banks.  One that cannot be read is skipped and kept;
   * the first window says so. */
  {
    g_autofree char *dir = wenda_library_default_dir (APP_ID);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GError) library_error = NULL;

    self->library = wenda_library_new (dir, self->bank);
    if (!wenda_library_load (self->library, problems, &library_error))
      g_ptr_array_add (problems, g_strdup (library_error->message));
    for (guint i = 0; i < problems->len; i++)
      {
        char *joined = self->study_message
                       ? g_strconcat (self->study_message, "\n", g_ptr_array_index (problems, i), NULL)
                       : g_strdup (g_ptr_array_index (problems, i));

        g_free (self->study_message);
        self->study_message = joined;
      }
  }

  return NULL;
}

static void
wenda_application_startup (GApplication *app)
{
  WendaApplication *self = WENDA_APPLICATION (app);
  GThread *loader;

  /* Only the primary instance gets here: a second launch hands its command
   * line over and reads nothing. */
  loader = g_thread_new ("wenda-load", load_user_data_thread, self);

  G_APPLICATION_CLASS (wenda_application_parent_class)->startup (app);

  /* Started by D-Bus (DBusActivatable, the search provider): stay up a
   * while between the Shell's calls instead of exiting after each.  A
   * normal launch still quits when its last window closes. */
  if (g_application_get_flags (app) & G_APPLICATION_IS_SERVICE)
    g_application_set_inactivity_timeout (app, 10000);

  /* Appearance preferences, applied now and whenever they change. */
  self->settings = g_settings_new ("io.github.wenda.Wenda");
  self->text_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->text_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed),
                           self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
  apply_text_scale (self);
  {
    g_autoptr(GAction) color_scheme = g_settings_create_action (self->settings, "color-scheme");

    g_action_map_add_action (G_ACTION_MAP (self), color_scheme);
  }

  self->scheduler = wenda_scheduler_new ();
  wenda_scheduler_set_fuzz (self->scheduler, g_settings_get_boolean (self->settings, "interval-fuzz"));

  /* Needed from here on: the first window comes after startup. */
  g_thread_join (g_steal_pointer (&loader));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  WendaApplication *self = user_data;
  g_autolist(GtkWindow) windows = NULL;

  /* A copy: closing a window removes it from the application's list. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    windows = g_list_prepend (windows, g_object_ref (l->data));

  /* Close windows properly, so they save their size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));

  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "shortcuts", shortcuts_action },
  { "zoom-in", zoom_in_action },
  { "zoom-out", zoom_out_action },
  { "zoom-reset", zoom_reset_action },
};

/* Actions to open a bank's topic and to search, from outside the window:
 * the GNOME Shell search provider activates them (as could any caller on
 * the bus: `gapplication action APP_ID open-topic "('llm-training', 12)"`),
 * and they go to the window through its public functions.
 *
 *   app.open-topic (su)  a bank of the library by its id, and the number
 *                        of a topic in it
 *   app.search s         opens the window with the search filled in */

static void
open_topic_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  WendaApplication *self = WENDA_APPLICATION (user_data);
  WendaLibraryBank *entry = NULL;
  WendaWindow *window;
  const char *bank_id;
  guint number;

  g_variant_get (parameter, "(&su)", &bank_id, &number);
  if (self->library != NULL)
    entry = wenda_library_lookup (self->library, bank_id);

  /* A new window opens the bank read last: make that this one. */
  if (entry != NULL && wenda_application_get_main_window (self) == NULL)
    g_settings_set_string (self->settings, "last-bank", bank_id);

  window = WENDA_WINDOW (wenda_application_ensure_window (self));
  gtk_window_present (GTK_WINDOW (window));

  if (entry == NULL)
    {
      g_debug ("app.open-topic: no bank “%s” in the library", bank_id);
      return;
    }

  if (!wenda_window_select_bank (window, bank_id))
    g_debug ("app.open-topic: the window cannot show “%s”", bank_id);
  else if (!wenda_window_show_topic (window, number))
    g_debug ("app.open-topic: no topic %u in “%s”", number, bank_id);
}

static void
search_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  WendaApplication *self = WENDA_APPLICATION (user_data);
  GtkWindow *window = wenda_application_ensure_window (self);

  gtk_window_present (window);
  wenda_window_set_search_text (WENDA_WINDOW (window), g_variant_get_string (parameter, NULL));
}

static void
wenda_application_add_topic_actions (WendaApplication *self)
{
  static const GActionEntry topic_actions[] = {
    { "open-topic", open_topic_action, "(su)" },
    { "search", search_action, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), topic_actions,
                                   G_N_ELEMENTS (topic_actions), self);
}

static gboolean
wenda_application_dbus_register (GApplication     *app,
                                 GDBusConnection  *connection,
                                 const char       *object_path,
                                 GError          **error)
{
  WendaApplication *self = WENDA_APPLICATION (app);

  if (!G_APPLICATION_CLASS (wenda_application_parent_class)->dbus_register (app, connection,
                                                                            object_path, error))
    return FALSE;

  self->search_provider_id = wenda_search_provider_register (self, connection, error);

  return self->search_provider_id != 0;
}

static void
wenda_application_dbus_unregister (GApplication    *app,
                                   GDBusConnection *connection,
                                   const char      *object_path)
{
  WendaApplication *self = WENDA_APPLICATION (app);

  if (self->search_provider_id != 0)
    {
      g_dbus_connection_unregister_object (connection, self->search_provider_id);
      self->search_provider_id = 0;
    }

  G_APPLICATION_CLASS (wenda_application_parent_class)->dbus_unregister (app, connection, object_path);
}

static void
wenda_application_dispose (GObject *object)
{
  WendaApplication *self = (WendaApplication *)object;

  g_clear_object (&self->bank);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_pointer (&self->scheduler, wenda_scheduler_free);
  g_clear_pointer (&self->study_message, g_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->text_css);

  G_OBJECT_CLASS (wenda_application_parent_class)->dispose (object);
}

static void
wenda_application_class_init (WendaApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = wenda_application_dispose;

  app_class->activate = wenda_application_activate;
  app_class->open = wenda_application_open;
  app_class->command_line = wenda_application_command_line;
  app_class->dbus_register = wenda_application_dbus_register;
  app_class->dbus_unregister = wenda_application_dbus_unregister;
  app_class->startup = wenda_application_startup;
}

static void
wenda_application_init (WendaApplication *self)
{
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.shortcuts", { "<Control>question", NULL } },
    { "app.zoom-in", { "<Control>plus", "<Control>equal", "<Control>KP_Add" } },
    { "app.zoom-out", { "<Control>minus", "<Control>KP_Subtract", NULL } },
    { "app.zoom-reset", { "<Control>0", "<Control>KP_0", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.glossary", { "<Control>g", NULL } },
    { "win.previous", { "<Alt>Left", "<Control>Page_Up", NULL } },
    { "win.next", { "<Alt>Right", "<Control>Page_Down", NULL } },
    { "win.content-mode::zh", { "<Control>1", NULL } },
    { "win.content-mode::en", { "<Control>2", NULL } },
    { "win.content-mode::both", { "<Control>3", NULL } },
    { "win.study", { "<Control>Return", "<Control>KP_Enter", NULL } },
    { "win.starred", { "<Control>d", NULL } },
    { "win.progress", { "<Control>i", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.open-folder", { "<Control><Shift>o", NULL } },
  };
  static const GOptionEntry options[] = {
    { "language", 'l', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
      N_("Show the content in zh (Chinese), en (English) or both"), "zh|en|both" },
    /* Handled by main() before the application starts: listed for --help */
    { "check", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Read the FILEs (or folders of chapter files) as an import would, save nothing, print what was found and every "
         "problem with its line, and exit: 0 if all import with no problem, 2 with problems, "
         "1 if one is refused"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), N_("[TOPIC|FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            N_("Read and study interview questions on machine "
                                               "learning and large-model training."));

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  wenda_application_add_topic_actions (self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

WendaApplication *
wenda_application_new (void)
{
  return g_object_new (WENDA_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       /* The same resources in the .Devel build. */
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

WendaBank *
wenda_application_get_bank (WendaApplication *self)
{
  g_return_val_if_fail (WENDA_IS_APPLICATION (self), NULL);

  return self->bank;
}

/**
 * wenda_application_get_study_store:
 *
 * Returns: (transfer none) (nullable): stars and progress, once the
 *   application has started up
 */
WendaStudyStore *
wenda_application_get_study_store (WendaApplication *self)
{
  g_return_val_if_fail (WENDA_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * wenda_application_get_library:
 *
 * Returns: (transfer none) (nullable): the bundled bank and the user's own
 */
WendaLibrary *
wenda_application_get_library (WendaApplication *self)
{
  g_return_val_if_fail (WENDA_IS_APPLICATION (self), NULL);

  return self->library;
}
