/* wenda-search-provider.c: org.gnome.Shell.SearchProvider2
 *
 * The Activities overview asks the application, on its own bus name, for
 * the topics matching what the user types, in every bank of the library:
 * the bundled one and the user's own.  Results show the topic number and
 * question, with the English question as description (and the bank's
 * title, once the library has more than one bank).  Activating one opens
 * Wenda at that topic of that bank; LaunchSearch opens it with the search
 * filled in.  Both go through the application's actions (app.open-topic,
 * app.search), never to the window directly.  The .search-provider.ini in
 * data/ tells the Shell.
 *
 * Result ids are "BANK/ITEM": the bank's id in the library, a slash, and
 * the item's stable id ("llm-training/llm-training-012").  Bank ids never
 * hold a slash (they are file names); an id without one is an item of the
 * bundled bank, as ids were before there were other banks.
 *
 * Each bank is searched through a WendaSearchIndex, made the first time
 * the Shell searches and kept until the library changes (a bank added,
 * renamed or removed), so that a keystroke costs one memmem() pass over
 * the folded texts.  A small bank's index is built at once; a large one's
 * in a worker thread, and the calls that need it are answered when it is
 * done, so that the main loop (and the Shell's other calls, and the
 * window) never waits for it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "wenda-application.h"
#include "wenda-library.h"
#include "wenda-rich-view.h"
#include "wenda-search-index.h"
#include "wenda-search-provider.h"

#define MAX_RESULTS 30

/* Banks up to this size are indexed in the main loop, in a millisecond or
 * two (the bundled bank's 30 items: 0.2 ms); larger ones in a worker
 * thread (1,000 items: ~5 ms, 100,000: ~0.5 s). */
#define SYNC_BUILD_ITEMS 200

#define BUNDLED_ID "llm-training"

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

#define WENDA_TYPE_SEARCH_PROVIDER (wenda_search_provider_get_type ())
G_DECLARE_FINAL_TYPE (WendaSearchProvider, wenda_search_provider, WENDA, SEARCH_PROVIDER, GObject)

struct _WendaSearchProvider
{
  GObject           parent_instance;

  /* Borrowed: NULL once the object is unregistered */
  WendaApplication *app;

  /* Owned */
  WendaLibrary     *library;   /* the application's, once it has one */
  GHashTable       *indexes;   /* bank id → CachedIndex */
  GPtrArray        *waiting;   /* of Query: calls waiting for an index */
};

G_DEFINE_FINAL_TYPE (WendaSearchProvider, wenda_search_provider, G_TYPE_OBJECT)

/* The index of one bank of the library; index is NULL while it is built. */
typedef struct
{
  WendaBank        *bank;
  WendaSearchIndex *index;
} CachedIndex;

static void
cached_index_free (CachedIndex *cached)
{
  g_clear_object (&cached->bank);
  g_clear_object (&cached->index);
  g_free (cached);
}

/* A result set asked for: GetInitialResultSet, or GetSubsearchResultSet
 * (with previous). */
typedef struct
{
  GDBusMethodInvocation *invocation;
  char                 **terms;
  char                 **previous;
} Query;

static void
query_free (Query *query)
{
  g_clear_object (&query->invocation);
  g_clear_pointer (&query->terms, g_strfreev);
  g_clear_pointer (&query->previous, g_strfreev);
  g_free (query);
}

/* Ids {{{ */

static char *
result_id (WendaLibraryBank *entry,
           WendaQaItem      *item)
{
  return g_strconcat (wenda_library_bank_get_id (entry), "/", wenda_qa_item_get_id (item), NULL);
}

/* The bank and the item of a result id, or FALSE. */
static gboolean
parse_result_id (WendaSearchProvider  *self,
                 const char           *id,
                 WendaLibraryBank    **entry,
                 WendaQaItem         **item)
{
  const char *slash = strchr (id, '/');
  g_autofree char *bank_id = NULL;

  if (self->library == NULL)
    return FALSE;

  bank_id = slash != NULL ? g_strndup (id, slash - id) : g_strdup (BUNDLED_ID);
  *entry = wenda_library_lookup (self->library, bank_id);
  if (*entry == NULL)
    return FALSE;

  *item = wenda_bank_lookup_id (wenda_library_bank_get_bank (*entry), slash ? slash + 1 : id);
  return *item != NULL;
}

/* }}} */

/* Indexes {{{ */

static void run_waiting (WendaSearchProvider *self);

static void
build_index_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  WendaSearchIndex *index = wenda_search_index_new (G_LIST_MODEL (task_data));

  wenda_search_index_build (index);
  g_task_return_pointer (task, index, g_object_unref);
}

static void
on_index_built (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  WendaSearchProvider *self = WENDA_SEARCH_PROVIDER (object);
  g_autofree char *id = user_data;
  g_autoptr(WendaSearchIndex) index = g_task_propagate_pointer (G_TASK (result), NULL);
  WendaBank *bank = g_task_get_task_data (G_TASK (result));
  CachedIndex *cached = g_hash_table_lookup (self->indexes, id);

  /* The library may have changed meanwhile: keep it only if it is still
   * the index this bank is waiting for. */
  if (cached != NULL && cached->bank == bank && cached->index == NULL)
    cached->index = g_steal_pointer (&index);

  run_waiting (self);
}

/* The index of @entry's bank, or NULL while it is built. */
static WendaSearchIndex *
wenda_search_provider_ensure_index (WendaSearchProvider *self,
                                    WendaLibraryBank    *entry)
{
  const char *id = wenda_library_bank_get_id (entry);
  WendaBank *bank = wenda_library_bank_get_bank (entry);
  CachedIndex *cached = g_hash_table_lookup (self->indexes, id);
  g_autoptr(GTask) task = NULL;

  if (cached != NULL && cached->bank == bank)
    return cached->index;

  cached = g_new0 (CachedIndex, 1);
  cached->bank = g_object_ref (bank);
  g_hash_table_replace (self->indexes, g_strdup (id), cached);

  if (g_list_model_get_n_items (G_LIST_MODEL (bank)) <= SYNC_BUILD_ITEMS)
    {
      cached->index = wenda_search_index_new (G_LIST_MODEL (bank));
      wenda_search_index_build (cached->index);
      return cached->index;
    }

  task = g_task_new (self, NULL, on_index_built, g_strdup (id));
  g_task_set_source_tag (task, wenda_search_provider_ensure_index);
  g_task_set_task_data (task, g_object_ref (bank), g_object_unref);
  g_task_run_in_thread (task, build_index_thread);

  return NULL;
}

/* The library changed: drop the indexes of banks that went or changed. */
static void
on_library_items_changed (WendaSearchProvider *self)
{
  GHashTableIter iter;
  const char *id;
  CachedIndex *cached;

  g_hash_table_iter_init (&iter, self->indexes);
  while (g_hash_table_iter_next (&iter, (gpointer *)&id, (gpointer *)&cached))
    {
      WendaLibraryBank *entry = wenda_library_lookup (self->library, id);

      if (entry == NULL || wenda_library_bank_get_bank (entry) != cached->bank)
        g_hash_table_iter_remove (&iter);
    }
}

/* The application makes its library at startup, after the provider is
 * registered: take it at the first call. */
static gboolean
wenda_search_provider_ensure_library (WendaSearchProvider *self)
{
  WendaLibrary *library;

  if (self->library != NULL)
    return TRUE;
  if (self->app == NULL || (library = wenda_application_get_library (self->app)) == NULL)
    return FALSE;

  self->library = g_object_ref (library);
  g_signal_connect_object (library, "items-changed", G_CALLBACK (on_library_items_changed),
                           self, G_CONNECT_SWAPPED);
  return TRUE;
}

/* }}} */

/* Result sets {{{ */

/* A previous result, found again */
typedef struct
{
  WendaLibraryBank *entry;
  WendaQaItem      *item;
} Result;

/* The previous results of a subsearch that are still in the library. */
static GArray *
resolve_results (WendaSearchProvider *self,
                 char               **ids)
{
  GArray *results = g_array_new (FALSE, FALSE, sizeof (Result));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      Result result;

      if (parse_result_id (self, ids[i], &result.entry, &result.item))
        g_array_append_val (results, result);
    }

  return results;
}

static void
add_result (GVariantBuilder  *builder,
            WendaLibraryBank *entry,
            WendaQaItem      *item)
{
  g_autofree char *id = result_id (entry, item);

  g_variant_builder_add (builder, "s", id);
}

/* Answers @query if every bank's index is there (and starts building
 * those that are not).  Returns whether it answered. */
static gboolean
wenda_search_provider_answer (WendaSearchProvider *self,
                              Query               *query)
{
  const char * const *terms = (const char * const *)query->terms;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) indexes = g_ptr_array_new ();
  g_autoptr(GArray) previous = NULL;
  g_autoptr(GHashTable) kept = NULL;
  GVariantBuilder builder;
  guint n_results = 0;
  gboolean ready = TRUE;

  if (self->library != NULL)
    for (guint b = 0; b < g_list_model_get_n_items (G_LIST_MODEL (self->library)); b++)
      {
        WendaLibraryBank *entry = g_list_model_get_item (G_LIST_MODEL (self->library), b);
        WendaSearchIndex *index = wenda_search_provider_ensure_index (self, entry);

        ready = ready && index != NULL;
        g_ptr_array_add (entries, entry);
        g_ptr_array_add (indexes, index);
      }
  if (!ready)
    return FALSE;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("as"));

  if (query->previous == NULL)
    {
      /* The banks in the library's order, the bundled one first. */
      for (guint b = 0; b < entries->len && n_results < MAX_RESULTS; b++)
        {
          WendaSearchIndex *index = g_ptr_array_index (indexes, b);
          g_autoptr(GArray) found = wenda_search_index_search (index, terms, NULL, 0);

          for (guint k = 0; k < found->len && n_results < MAX_RESULTS; k++, n_results++)
            add_result (&builder, g_ptr_array_index (entries, b),
                        wenda_search_index_get_item (index, g_array_index (found, guint, k)));
        }
    }
  else
    {
      /* Among the previous results only, in their order: each bank's
       * matching items are found, then the previous ones gone through. */
      previous = resolve_results (self, query->previous);
      kept = g_hash_table_new (NULL, NULL);
      for (guint b = 0; b < entries->len; b++)
        {
          WendaSearchIndex *index = g_ptr_array_index (indexes, b);
          g_autoptr(GArray) among = g_array_new (FALSE, FALSE, sizeof (guint));
          g_autoptr(GArray) found = NULL;

          for (guint i = 0; i < previous->len; i++)
            {
              Result *result = &g_array_index (previous, Result, i);
              guint position;

              if (result->entry == g_ptr_array_index (entries, b) &&
                  (position = wenda_search_index_find (index, result->item)) != G_MAXUINT)
                g_array_append_val (among, position);
            }
          if (among->len == 0)
            continue;

          found = wenda_search_index_search (index, terms, (const guint *)(gpointer)among->data,
                                             among->len);
          for (guint k = 0; k < found->len; k++)
            g_hash_table_add (kept, wenda_search_index_get_item (index, g_array_index (found, guint, k)));
        }

      /* The old plain ids come back as "BANK/ITEM". */
      for (guint i = 0; i < previous->len && n_results < MAX_RESULTS; i++)
        {
          Result *result = &g_array_index (previous, Result, i);

          if (g_hash_table_remove (kept, result->item))
            {
              add_result (&builder, result->entry, result->item);
              n_results++;
            }
        }
    }

  g_dbus_method_invocation_return_value (query->invocation,
                                         g_variant_new ("(@as)", g_variant_builder_end (&builder)));
  return TRUE;
}

/* Answers the calls that can be now, after an index was built; the
 * others wait on. */
static void
run_waiting (WendaSearchProvider *self)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting);

  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify)query_free);

  /* Each call goes on: answered (and freed), or into the new list. */
  g_ptr_array_set_free_func (waiting, NULL);
  for (guint i = 0; i < waiting->len; i++)
    {
      Query *query = g_ptr_array_index (waiting, i);

      if (wenda_search_provider_answer (self, query))
        {
          g_application_release (G_APPLICATION (self->app));
          query_free (query);
        }
      else
        g_ptr_array_add (self->waiting, query);
    }
}

static void
wenda_search_provider_query (WendaSearchProvider   *self,
                             GDBusMethodInvocation *invocation,
                             char                 **terms,
                             char                 **previous)
{
  Query *query = g_new0 (Query, 1);

  query->invocation = g_object_ref (invocation);
  query->terms = terms;
  query->previous = previous;

  if (wenda_search_provider_answer (self, query))
    {
      query_free (query);
      return;
    }

  /* Keep the service alive until it is answered. */
  g_application_hold (G_APPLICATION (self->app));
  g_ptr_array_add (self->waiting, query);
}

/* }}} */

static GVariant *
metas_variant (WendaSearchProvider *self,
               const char * const  *ids)
{
  gboolean several = self->library != NULL &&
                     g_list_model_get_n_items (G_LIST_MODEL (self->library)) > 1;
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  for (guint i = 0; ids[i] != NULL; i++)
    {
      WendaLibraryBank *entry;
      WendaQaItem *item;
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      const char *question_raw, *english_raw;
      g_autofree char *plain_question = NULL;
      g_autofree char *plain_english = NULL;
      const char *question, *english;
      GVariantBuilder meta;

      if (!parse_result_id (self, ids[i], &entry, &item))
        continue;

      /* Shell shows plain text: no Markdown markers */
      question_raw = wenda_qa_item_get_question (item);
      english_raw = wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN);
      question = plain_question = wenda_rich_line_to_plain (question_raw);
      english = plain_english = wenda_rich_line_to_plain (english_raw);

      /* Translators: a search result in GNOME Shell: the topic number and
       * its question */
      name = g_strdup_printf (_("№%u %s"), wenda_qa_item_get_number (item), question);

      /* The English question, and which bank it is from once there is
       * more than one; a question with no English is not repeated. */
      if (several && english_raw != question_raw)
        {
          /* Translators: a search result's description in GNOME Shell: the
           * title of the question bank, then the question in English */
          description = g_strdup_printf (_("%s — %s"), wenda_library_bank_get_title (entry), english);
        }
      else if (several)
        description = g_strdup (wenda_library_bank_get_title (entry));
      else
        description = g_strdup (english);

      g_variant_builder_init (&meta, G_VARIANT_TYPE ("a{sv}"));
      g_variant_builder_add (&meta, "{sv}", "id", g_variant_new_string (ids[i]));
      g_variant_builder_add (&meta, "{sv}", "name", g_variant_new_string (name));
      g_variant_builder_add (&meta, "{sv}", "description", g_variant_new_string (description));
      g_variant_builder_add (&meta, "{sv}", "gicon", g_variant_new_string (APP_ID));
      g_variant_builder_add (&builder, "a{sv}", &meta);
    }

  return g_variant_new ("(@aa{sv})", g_variant_builder_end (&builder));
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
  WendaSearchProvider *self = WENDA_SEARCH_PROVIDER (user_data);
  GApplication *app = G_APPLICATION (self->app);

  /* Keep the service alive while the Shell talks to it. */
  g_application_hold (app);
  wenda_search_provider_ensure_library (self);

  if (g_str_equal (method_name, "GetInitialResultSet"))
    {
      char **terms = NULL;

      g_variant_get (parameters, "(^as)", &terms);
      wenda_search_provider_query (self, invocation, terms, NULL);
    }
  else if (g_str_equal (method_name, "GetSubsearchResultSet"))
    {
      char **previous = NULL;
      char **terms = NULL;

      g_variant_get (parameters, "(^as^as)", &previous, &terms);
      wenda_search_provider_query (self, invocation, terms, previous);
    }
  else if (g_str_equal (method_name, "GetResultMetas"))
    {
      g_autofree const char **ids = NULL;

      g_variant_get (parameters, "(^a&s)", &ids);
      g_dbus_method_invocation_return_value (invocation, metas_variant (self, ids));
    }
  else if (g_str_equal (method_name, "ActivateResult"))
    {
      const char *id;
      guint32 timestamp;
      WendaLibraryBank *entry;
      WendaQaItem *item;

      /* The Shell's timestamp goes unused: gtk_window_present_with_time()
       * is deprecated (GTK 4.14), and on Wayland only an activation token
       * could raise the window, which SearchProvider2 calls do not
       * carry. */
      g_variant_get (parameters, "(&sasu)", &id, NULL, &timestamp);
      if (parse_result_id (self, id, &entry, &item))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-topic",
                                          g_variant_new ("(su)", wenda_library_bank_get_id (entry),
                                                         wenda_qa_item_get_number (item)));
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

      g_variant_get (parameters, "(^a&su)", &terms, &timestamp);
      text = g_strjoinv (" ", (char **)terms);
      g_action_group_activate_action (G_ACTION_GROUP (app), "search", g_variant_new_string (text));
      g_dbus_method_invocation_return_value (invocation, NULL);
    }
  else
    {
      g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                             "Unknown method %s", method_name);
    }

  g_application_release (app);
}

static const GDBusInterfaceVTable vtable = {
  .method_call = method_call,
};

static void
wenda_search_provider_finalize (GObject *object)
{
  WendaSearchProvider *self = (WendaSearchProvider *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->indexes, g_hash_table_unref);
  g_clear_pointer (&self->waiting, g_ptr_array_unref);

  G_OBJECT_CLASS (wenda_search_provider_parent_class)->finalize (object);
}

static void
wenda_search_provider_class_init (WendaSearchProviderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenda_search_provider_finalize;
}

static void
wenda_search_provider_init (WendaSearchProvider *self)
{
  self->indexes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify)cached_index_free);
  self->waiting = g_ptr_array_new_with_free_func ((GDestroyNotify)query_free);
}

/* The object is unregistered (the application shuts down): calls still
 * waiting for an index get an error, and an index still being built is
 * dropped when it is done. */
static void
wenda_search_provider_unregistered (gpointer data)
{
  WendaSearchProvider *self = data;

  for (guint i = 0; i < self->waiting->len; i++)
    {
      Query *query = g_ptr_array_index (self->waiting, i);

      g_dbus_method_invocation_return_error (query->invocation, G_DBUS_ERROR, G_DBUS_ERROR_FAILED,
                                             "The application is shutting down");
      g_application_release (G_APPLICATION (self->app));
    }
  g_ptr_array_set_size (self->waiting, 0);
  self->app = NULL;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, on_library_items_changed, self);
  g_clear_object (&self->library);
  g_hash_table_remove_all (self->indexes);
  g_object_unref (self);
}

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
  WendaSearchProvider *self;
  guint id;

  g_return_val_if_fail (WENDA_IS_APPLICATION (app), 0);

  if (info == NULL)
    return 0;

  self = g_object_new (WENDA_TYPE_SEARCH_PROVIDER, NULL);
  self->app = app;
  id = g_dbus_connection_register_object (connection, WENDA_SEARCH_PROVIDER_PATH,
                                          info->interfaces[0], &vtable, self,
                                          wenda_search_provider_unregistered, error);
  if (id == 0)
    g_object_unref (self);

  return id;
}
