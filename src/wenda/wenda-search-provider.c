/* wenda-search-provider.c: org.gnome.Shell.SearchProvider2
 *
 * The Activities overview asks the application, on its own bus name, for
 * the topics matching what the user types; results show the topic number
 * and question in Chinese, with the English question as description.
 * Activating one opens Wenda at that topic; LaunchSearch opens it with the
 * search filled in.  The .search-provider.ini in data/ tells the Shell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-application.h"
#include "wenda-search-provider.h"
#include "wenda-window.h"

/* Result ids are the items' stable ids. */
#define MAX_RESULTS 30

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.gnome.Shell.SearchProvider2'>"
  "    <method name='GetInitialResultSet'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetSubsearchResultSet'>"
  "      <arg type='as' name='previous_results' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='as' name='results' direction='out'/>"
  "    </method>"
  "    <method name='GetResultMetas'>"
  "      <arg type='as' name='identifiers' direction='in'/>"
  "      <arg type='aa{sv}' name='metas' direction='out'/>"
  "    </method>"
  "    <method name='ActivateResult'>"
  "      <arg type='s' name='identifier' direction='in'/>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "    <method name='LaunchSearch'>"
  "      <arg type='as' name='terms' direction='in'/>"
  "      <arg type='u' name='timestamp' direction='in'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static GVariant *
results_variant (GPtrArray *items)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < items->len && i < MAX_RESULTS; i++)
    g_variant_builder_add (&builder, "s", wenda_qa_item_get_id (g_ptr_array_index (items, i)));

  return g_variant_new ("(@as)", g_variant_builder_end (&builder));
}

static GVariant *
metas_variant (WendaBank          *bank,
               const char * const *ids)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WendaQaItem *item = wenda_bank_lookup_id (bank, ids[i]);
      g_autofree char *name = NULL;
      GVariantBuilder meta;

      if (item == NULL)
        continue;

      /* Translators: a search result in GNOME Shell: the topic number and
       * its question */
      name = g_strdup_printf (_("№%u %s"), wenda_qa_item_get_number (item),
                              wenda_qa_item_get_question (item));

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&meta, "{sv}", "description",
                             g_variant_new_string (wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION,
                                                                           WENDA_LANGUAGE_EN)));
      g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (APP_ID));
      g_variant_builder_add (&builder, "a{sv}", &meta);
    }

  return g_variant_new ("(@aa{sv})", g_variant_builder_end (&builder));
}

static WendaWindow *
present_window (WendaApplication *app,
                guint32           timestamp)
{
  WendaWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = wenda_application_get_main_window (app);
  /* The Shell's timestamp goes unused: gtk_window_present_with_time() is
   * deprecated (GTK 4.14), and on Wayland only an activation token could
   * raise the window, which SearchProvider2 calls do not carry. */
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  WendaApplication *app = WENDA_APPLICATION (user_data);
  WendaBank *bank = wenda_application_get_bank (app);

  /* Keep the service alive while the Shell talks to it. */
  g_application_hold (G_APPLICATION (app));

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      g_autofree const char **terms = NULL;
      g_autoptr(GPtrArray) items = NULL;

      g_variant_get (parameters, "(^a&s)", &terms);
      items = wenda_bank_search (bank, terms, NULL);
      g_dbus_method_invocation_return_value (invocation, results_variant (items));
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      g_autofree const char **previous = NULL;
      g_autofree const char **terms = NULL;
      g_autoptr(GPtrArray) among = g_ptr_array_new ();
      g_autoptr(GPtrArray) items = NULL;

      g_variant_get (parameters, "(^a&s^a&s)", &previous, &terms);
      for (guint i = 0; previous[i] != NULL; i++)
        {
          WendaQaItem *item = wenda_bank_lookup_id (bank, previous[i]);

          if (item != NULL)
            g_ptr_array_add (among, item);
        }
      items = wenda_bank_search (bank, terms, among);
      g_dbus_method_invocation_return_value (invocation, results_variant (items));
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_dbus_method_invocation_return_value (invocation, metas_variant (bank, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;
      WendaQaItem *item;

      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      item = wenda_bank_lookup_id (bank, id);
      if (item != NULL)
        {
          WendaWindow *window = present_window (app, timestamp);

          wenda_window_show_topic (window, wenda_qa_item_get_number (item));
          g_dbus_method_invocation_return_value (invocation, NULL);
        }
      else
        {
          g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_INVALID_ARGS,
                                                 "No topic with id “%s”", id);
        }
    }
  else if (g_str_equal (method_name, "LaunchSearch"))
    {
      g_autofree const char **terms = NULL;
      g_autofree char *text = NULL;
      guint32 timestamp;
      WendaWindow *window;

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      text = g_strjoinv (" ", (char **)terms);
      window = present_window (app, timestamp);
      wenda_window_set_search_text (window, text);
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "Unknown method %s", method_name);
    }

  g_application_release (G_APPLICATION (app));
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call,
};

/**
 * wenda_search_provider_register:
 *
 * Exports the search provider on @connection, from GApplication's
 * dbus_register, so it lives on the application's own bus name.
 *
 * Returns: the registration id, or 0 on error
 */
guint
wenda_search_provider_register (WendaApplication  *app,
                                GDBusConnection   *connection,
                                GError           **error)
{
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection_xml, error);

  if (info == NULL)
    return 0;

  return g_dbus_connection_register_object (connection, WENDA_SEARCH_PROVIDER_PATH,
                                            info->interfaces[0], &vtable, app, NULL, error);
}
