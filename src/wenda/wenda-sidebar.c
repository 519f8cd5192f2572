/* wenda-sidebar.c: the window's sidebar: topics, search, filters, glossary
 *
 * The sidebar pane of the window's split view: the header (the bank's
 * title, or the bank chooser; Study, search and the main menu), the topic
 * list with its search, its All/Starred/Due/New filters and their counts,
 * and the glossary.  The window tells it what to show (bank, store,
 * library, glossary, mode) and hears what the user chose (selected-item,
 * selected-term, library-bank, page, study-filter, and the signals); the
 * focus rules of the list are the sidebar's own.
 *
 * Here: the type, its properties, the pages, the glossary and the bank
 * chooser.  The list, its section headers, its search and its filters
 * are in one file a feature (see wenda-sidebar-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-lazy.h"
#include "wenda-match-model.h"
#include "wenda-search-filter.h"
#include "wenda-sidebar-private.h"
#include "wenda-topic-row.h"

G_DEFINE_FINAL_TYPE (WendaSidebar, wenda_sidebar, ADW_TYPE_NAVIGATION_PAGE)

G_DEFINE_ENUM_TYPE (WendaSidebarPage, wenda_sidebar_page,
  G_DEFINE_ENUM_VALUE (WENDA_SIDEBAR_PAGE_TOPICS, "topics"),
  G_DEFINE_ENUM_VALUE (WENDA_SIDEBAR_PAGE_GLOSSARY, "glossary"))

enum {
  PROP_0,
  PROP_BANK,
  PROP_STUDY_STORE,
  PROP_LIBRARY,
  PROP_GLOSSARY,
  PROP_SHOWN_MODE,
  PROP_STUDY_FILTER,
  PROP_PAGE,
  PROP_COMPACT,
  PROP_SELECTED_ITEM,
  PROP_SELECTED_TERM,
  PROP_LIBRARY_BANK,
  PROP_NUMBER_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOPIC_ACTIVATED,
  TOPIC_CLICKED,
  TERM_ACTIVATED,
  TOPICS_CHANGED,
  STUDY_SECTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const signal_names[N_SIGNALS] = {
  [TOPIC_ACTIVATED] = "topic-activated",
  [TOPIC_CLICKED] = "topic-clicked",
  [TERM_ACTIVATED] = "term-activated",
  [TOPICS_CHANGED] = "topics-changed",
  [STUDY_SECTION] = "study-section",
};


/* The pages, the glossary, the banks */


static void
on_glossary_selected (WendaSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TERM]);
}

static void
on_glossary_activate (WendaSidebar *self,
                      guint         position)
{
  gtk_single_selection_set_selected (self->glossary_selection, position);
  g_signal_emit (self, signals[TERM_ACTIVATED], 0);
}

static void
on_glossary_entry_activate (WendaSidebar *self)
{
  /* Enter in the glossary search opens the first term. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->glossary_filter_model)) > 0)
    on_glossary_activate (self, 0);
}

static void
on_glossary_items_changed (WendaSidebar *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->glossary_filter_model));
  g_autofree char *text = NULL;

  if (self->glossary_count_label == NULL)
    return;

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u term", "%'u terms", n), n);
  gtk_label_set_label (self->glossary_count_label, text);
}

/* The glossary page, the first time it is shown (or focused): its widgets
 * come from wenda-sidebar-glossary.ui, over the list model the template
 * made.  Nobody sees it at the first frame, and building it then cost
 * startup time (tests/benchmarks/README.md). */
void
wenda_sidebar_ensure_glossary_page (WendaSidebar *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->glossary_entry != NULL)
    return;

  builder = gtk_builder_new ();
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_glossary_entry_activate);
  gtk_builder_cscope_add_callback (GTK_BUILDER_CSCOPE (scope), on_glossary_activate);
  gtk_builder_set_scope (builder, scope);
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_set_translation_domain (builder, GETTEXT_PACKAGE);
  gtk_builder_expose_object (builder, "glossary_selection", G_OBJECT (self->glossary_selection));
  if (!gtk_builder_add_from_resource (builder, "/io/github/wenda/Wenda/wenda-sidebar-glossary.ui", &error))
    g_error ("The glossary page: %s", error->message);

  self->glossary_entry = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "glossary_entry"));
  self->glossary_count_label = GTK_LABEL (gtk_builder_get_object (builder, "glossary_count_label"));
  self->glossary_list = GTK_LIST_VIEW (gtk_builder_get_object (builder, "glossary_list"));
  g_object_bind_property (self->glossary_entry, "text", self->glossary_filter, "search",
                          G_BINDING_SYNC_CREATE);
  adw_bin_set_child (self->glossary_bin, GTK_WIDGET (gtk_builder_get_object (builder, "glossary_page")));
  on_glossary_items_changed (self);
}

static void
on_page_changed (WendaSidebar *self)
{
  if (wenda_sidebar_get_page (self) == WENDA_SIDEBAR_PAGE_GLOSSARY)
    wenda_sidebar_ensure_glossary_page (self);

  /* The search button belongs to the topic list; the glossary has its
   * own entry. */
  gtk_widget_set_visible (self->search_button,
                          wenda_sidebar_get_page (self) == WENDA_SIDEBAR_PAGE_TOPICS);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The app's name over the bank's, in the language the content is shown
 * in; or, once the user has banks of their own, the chooser. */
static void
update_title (WendaSidebar *self)
{
  WendaLanguage language = self->shown_mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN
                                                                     : WENDA_LANGUAGE_ZH;
  guint n_banks = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;

  if (self->bank != NULL)
    adw_window_title_set_subtitle (self->sidebar_title,
                                   wenda_bank_get_title_in (self->bank, language));
  gtk_stack_set_visible_child_name (self->title_stack, n_banks > 1 ? "banks" : "title");
}

static void
on_bank_selected (WendaSidebar *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY_BANK]);
}

/**
 * wenda_sidebar_select_library_bank:
 *
 * Chooses @entry in the bank chooser, as the user would.
 *
 * Returns: %FALSE if the library has no such bank
 */
gboolean
wenda_sidebar_select_library_bank (WendaSidebar     *self,
                                   WendaLibraryBank *entry)
{
  guint n;

  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), FALSE);

  n = self->library ? g_list_model_get_n_items (G_LIST_MODEL (self->library)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(WendaLibraryBank) candidate = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (candidate == entry)
        {
          gtk_drop_down_set_selected (self->bank_dropdown, i);
          return TRUE;
        }
    }
  return FALSE;
}


/* Properties */

WendaBank *
wenda_sidebar_get_bank (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return self->bank;
}

/**
 * wenda_sidebar_set_bank:
 *
 * Lists @bank's topics.  The search scans a folded copy of the bank's
 * texts, made once; the list shows its matches (the match model follows
 * it).
 */
void
wenda_sidebar_set_bank (WendaSidebar *self,
                        WendaBank    *bank)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));
  g_return_if_fail (bank == NULL || WENDA_IS_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  g_clear_pointer (&self->bank_ids, g_ptr_array_unref);
  wenda_search_filter_set_model (self->search_filter, bank ? G_LIST_MODEL (bank) : NULL);
  wenda_sidebar_update_header_factory (self);
  wenda_sidebar_update_number_width (self);
  update_title (self);
  /* Also when the number of matches stays (0 to 0). */
  wenda_sidebar_on_topics_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

WendaStudyStore *
wenda_sidebar_get_study_store (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return self->store;
}

/**
 * wenda_sidebar_set_study_store:
 * @store: (nullable): for the filters and their counts
 *
 * The sidebar filters and counts by @store's stars and cards, but does not
 * listen to it: the window says when they change
 * (wenda_sidebar_study_changed()).
 */
void
wenda_sidebar_set_study_store (WendaSidebar    *self,
                               WendaStudyStore *store)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));
  g_return_if_fail (store == NULL || WENDA_IS_STUDY_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  wenda_sidebar_update_study_ui (self);
  wenda_sidebar_update_filter_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_STORE]);
}

WendaLibrary *
wenda_sidebar_get_library (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return self->library;
}

/**
 * wenda_sidebar_set_library:
 * @library: (nullable): the banks the chooser lists
 *
 * The chooser lists @library, with its first bank chosen (library-bank
 * notifies); it shows once there is more than one bank.
 */
void
wenda_sidebar_set_library (WendaSidebar *self,
                           WendaLibrary *library)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));
  g_return_if_fail (library == NULL || WENDA_IS_LIBRARY (library));

  if (self->library == library)
    return;

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_func (self->library, update_title, self);
  g_set_object (&self->library, library);
  gtk_drop_down_set_model (self->bank_dropdown, G_LIST_MODEL (library));
  gtk_drop_down_set_selected (self->bank_dropdown, 0);
  if (library != NULL)
    g_signal_connect_object (library, "items-changed", G_CALLBACK (update_title),
                             self, G_CONNECT_SWAPPED);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY]);
}

WendaGlossary *
wenda_sidebar_get_glossary (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return self->glossary;
}

void
wenda_sidebar_set_glossary (WendaSidebar  *self,
                            WendaGlossary *glossary)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));
  g_return_if_fail (glossary == NULL || WENDA_IS_GLOSSARY (glossary));

  if (!g_set_object (&self->glossary, glossary))
    return;

  gtk_filter_list_model_set_model (self->glossary_filter_model,
                                   glossary ? G_LIST_MODEL (glossary) : NULL);
  on_glossary_items_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GLOSSARY]);
}

WendaContentMode
wenda_sidebar_get_shown_mode (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), WENDA_CONTENT_MODE_ZH);

  return self->shown_mode;
}

void
wenda_sidebar_set_shown_mode (WendaSidebar     *self,
                              WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  if (self->shown_mode == mode)
    return;

  self->shown_mode = mode;
  update_title (self);
  wenda_sidebar_update_headers (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_MODE]);
}

WendaStudyFilter
wenda_sidebar_get_study_filter (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), WENDA_STUDY_FILTER_ALL);

  return self->study_filter_kind;
}

void
wenda_sidebar_set_study_filter (WendaSidebar     *self,
                                WendaStudyFilter  filter)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));
  g_return_if_fail (filter < G_N_ELEMENTS (filter_labels));

  if (self->study_filter_kind == filter)
    return;

  self->study_filter_kind = filter;
  adw_toggle_group_set_active_name (self->filter_box,
                                    g_enum_get_value (g_type_class_peek (WENDA_TYPE_STUDY_FILTER),
                                                      filter)->value_nick);
  /* Filters again. */
  wenda_sidebar_update_study_filter_func (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_FILTER]);
}

WendaSidebarPage
wenda_sidebar_get_page (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), WENDA_SIDEBAR_PAGE_TOPICS);

  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->sidebar_stack), "glossary") == 0
         ? WENDA_SIDEBAR_PAGE_GLOSSARY : WENDA_SIDEBAR_PAGE_TOPICS;
}

void
wenda_sidebar_set_page (WendaSidebar     *self,
                        WendaSidebarPage  page)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  /* The view stack notifies, if it changes: on_page_changed(). */
  adw_view_stack_set_visible_child_name (self->sidebar_stack,
                                         page == WENDA_SIDEBAR_PAGE_GLOSSARY ? "glossary" : "topics");
}

gboolean
wenda_sidebar_get_compact (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), FALSE);

  return self->compact;
}

/**
 * wenda_sidebar_set_compact:
 *
 * Whether the header has room only for what it needs most (the window's
 * breakpoint sets this in a narrow window).
 */
void
wenda_sidebar_set_compact (WendaSidebar *self,
                           gboolean      compact)
{
  g_return_if_fail (WENDA_IS_SIDEBAR (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  wenda_sidebar_update_study_ui (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

/**
 * wenda_sidebar_get_selected_item:
 *
 * Returns: (transfer none) (nullable): the selected topic
 */
WendaQaItem *
wenda_sidebar_get_selected_item (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

/**
 * wenda_sidebar_get_selected_term:
 *
 * Returns: (transfer none) (nullable): the selected glossary term
 */
WendaGlossaryTerm *
wenda_sidebar_get_selected_term (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return gtk_single_selection_get_selected_item (self->glossary_selection);
}

/**
 * wenda_sidebar_get_library_bank:
 *
 * Returns: (transfer none) (nullable): the bank chosen in the chooser
 */
WendaLibraryBank *
wenda_sidebar_get_library_bank (WendaSidebar *self)
{
  g_return_val_if_fail (WENDA_IS_SIDEBAR (self), NULL);

  return self->library ? gtk_drop_down_get_selected_item (self->bank_dropdown) : NULL;
}


static void
wenda_sidebar_dispose (GObject *object)
{
  WendaSidebar *self = (WendaSidebar *)object;

  if (self->focus_row_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->focus_row_tick);
      self->focus_row_tick = 0;
    }
  g_clear_weak_pointer (&self->focus_row_from);
  if (self->reveal_header_tick != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self->list_view), self->reveal_header_tick);
      self->reveal_header_tick = 0;
    }

  g_clear_handle_id (&self->refresh_timeout, g_source_remove);
  g_clear_handle_id (&self->refilter_idle, g_source_remove);
  g_clear_handle_id (&self->counts_idle, g_source_remove);

  /* The glossary page's widgets, which its bin holds */
  self->glossary_entry = NULL;
  self->glossary_count_label = NULL;
  self->glossary_list = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_SIDEBAR);
  g_clear_object (&self->header_factory);
  g_clear_pointer (&self->header_boxes, g_ptr_array_unref);

  g_clear_object (&self->bank);
  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->glossary);
  g_clear_pointer (&self->bank_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (wenda_sidebar_parent_class)->dispose (object);
}

static void
wenda_sidebar_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WendaSidebar *self = WENDA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_STUDY_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_GLOSSARY:
      g_value_set_object (value, self->glossary);
      break;

    case PROP_SHOWN_MODE:
      g_value_set_enum (value, self->shown_mode);
      break;

    case PROP_STUDY_FILTER:
      g_value_set_enum (value, self->study_filter_kind);
      break;

    case PROP_PAGE:
      g_value_set_enum (value, wenda_sidebar_get_page (self));
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_NUMBER_WIDTH:
      g_value_set_int (value, self->number_width);
      break;

    case PROP_SELECTED_ITEM:
      g_value_set_object (value, wenda_sidebar_get_selected_item (self));
      break;

    case PROP_SELECTED_TERM:
      g_value_set_object (value, wenda_sidebar_get_selected_term (self));
      break;

    case PROP_LIBRARY_BANK:
      g_value_set_object (value, wenda_sidebar_get_library_bank (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_sidebar_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WendaSidebar *self = WENDA_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_BANK:
      wenda_sidebar_set_bank (self, g_value_get_object (value));
      break;

    case PROP_STUDY_STORE:
      wenda_sidebar_set_study_store (self, g_value_get_object (value));
      break;

    case PROP_LIBRARY:
      wenda_sidebar_set_library (self, g_value_get_object (value));
      break;

    case PROP_GLOSSARY:
      wenda_sidebar_set_glossary (self, g_value_get_object (value));
      break;

    case PROP_SHOWN_MODE:
      wenda_sidebar_set_shown_mode (self, g_value_get_enum (value));
      break;

    case PROP_STUDY_FILTER:
      wenda_sidebar_set_study_filter (self, g_value_get_enum (value));
      break;

    case PROP_PAGE:
      wenda_sidebar_set_page (self, g_value_get_enum (value));
      break;

    case PROP_COMPACT:
      wenda_sidebar_set_compact (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_sidebar_class_init (WendaSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_sidebar_dispose;
  object_class->get_property = wenda_sidebar_get_property;
  object_class->set_property = wenda_sidebar_set_property;

  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL,
                         WENDA_TYPE_BANK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STUDY_STORE] =
    g_param_spec_object ("study-store", NULL, NULL,
                         WENDA_TYPE_STUDY_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENDA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_GLOSSARY] =
    g_param_spec_object ("glossary", NULL, NULL,
                         WENDA_TYPE_GLOSSARY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The language of the bank's title under the app's name. */
  properties[PROP_SHOWN_MODE] =
    g_param_spec_enum ("shown-mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* All/Starred/Due/New, combined with the search. */
  properties[PROP_STUDY_FILTER] =
    g_param_spec_enum ("study-filter", NULL, NULL,
                       WENDA_TYPE_STUDY_FILTER,
                       WENDA_STUDY_FILTER_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAGE] =
    g_param_spec_enum ("page", NULL, NULL,
                       WENDA_TYPE_SIDEBAR_PAGE,
                       WENDA_SIDEBAR_PAGE_TOPICS,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* No Study button in the header. */
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL,
                         WENDA_TYPE_QA_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTED_TERM] =
    g_param_spec_object ("selected-term", NULL, NULL,
                         WENDA_TYPE_GLOSSARY_TERM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The bank chosen in the chooser: notifies when the choice changes. */
  properties[PROP_LIBRARY_BANK] =
    g_param_spec_object ("library-bank", NULL, NULL,
                         WENDA_TYPE_LIBRARY_BANK,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* How many characters wide the topic rows' numbers are, so that the
   * questions line up: the bank's largest number, or its longest number
   * of its own ("1.1.10") */
  properties[PROP_NUMBER_WIDTH] =
    g_param_spec_int ("number-width", NULL, NULL,
                      1, G_MAXINT, 2,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Four signals, none with arguments:
   * topic-activated: Enter (or a double click) on a topic, now selected:
   *   open it.
   * topic-clicked: a click on a topic, released (it selected the topic on
   *   press).
   * term-activated: Enter (or a double click) on a glossary term, now
   *   selected, or Enter in the glossary's search, which selects the first.
   * topics-changed: the topic list has changed: the bank, the search or
   *   the filter.  (A change of the selection alone notifies
   *   selected-item.) */
  for (guint i = 0; i < STUDY_SECTION; i++)
    signals[i] = g_signal_new (signal_names[i],
                               G_TYPE_FROM_CLASS (klass),
                               G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL,
                               G_TYPE_NONE, 0);

  /* study-section (WendaSection *section): "Study This Section" on a
   * section's header, or a section chosen in a topic's context menu
   * (wenda-sidebar-sections.c): study the topics the list shows in it */
  signals[STUDY_SECTION] = g_signal_new ("study-section",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, WENDA_TYPE_SECTION);

  wenda_sidebar_class_sections_init (klass);

  g_type_ensure (WENDA_TYPE_LIBRARY_BANK);
  g_type_ensure (WENDA_TYPE_SEARCH_FILTER);
  g_type_ensure (WENDA_TYPE_MATCH_MODEL);
  g_type_ensure (WENDA_TYPE_TOPIC_ROW);
  g_type_ensure (WENDA_TYPE_GLOSSARY_TERM);
  g_type_ensure (WENDA_TYPE_QA_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, title_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, bank_dropdown);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, study_button);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, search_button);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_box);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_all_label);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_starred_label);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_due_label);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_new_label);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, match_label);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, list_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, selection);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, filter_model);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, search_filter);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, study_filter);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, glossary_bin);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, topic_factory);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, glossary_filter);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, glossary_selection);
  gtk_widget_class_bind_template_child (widget_class, WendaSidebar, glossary_filter_model);
  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_search_mode_changed);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_search_text_changed);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_filter_toggled);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_list_activate);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_selected_item_changed);
  gtk_widget_class_bind_template_callback (widget_class, wenda_sidebar_on_topics_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_glossary_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_glossary_items_changed);
}

/* The topic list's rows.  The row follows the window's reading mode and
 * number width itself, from the moment it is in the window. */
static void
on_topic_row_setup (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, GTK_WIDGET (wenda_topic_row_new ()));
}

/* Bind and unbind: the row shows the list item's item, or none, and
 * holds no item of a bank after the list lets it go. */
static void
on_topic_row_bind (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item)
{
  wenda_topic_row_set_item (WENDA_TOPIC_ROW (gtk_list_item_get_child (list_item)),
                            gtk_list_item_get_item (list_item));
}

static void
wenda_sidebar_init (WendaSidebar *self)
{
  GtkEventController *click;

  gtk_widget_init_template (GTK_WIDGET (self));
  wenda_menu_button_set_menu_lazily (self->primary_menu_button, self->primary_menu, NULL);
  g_signal_connect (self->topic_factory, "setup", G_CALLBACK (on_topic_row_setup), NULL);
  g_signal_connect (self->topic_factory, "bind", G_CALLBACK (on_topic_row_bind), NULL);
  g_signal_connect (self->topic_factory, "unbind", G_CALLBACK (on_topic_row_bind), NULL);

  self->number_width = 2;
  wenda_sidebar_sections_init (self);

  wenda_sidebar_update_study_filter_func (self);
  wenda_sidebar_update_study_ui (self);
  wenda_sidebar_update_filter_counts (self);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* Cards fall due as time passes.  (Not the progress page: rebuilding
   * it would move keyboard focus.) */
  self->refresh_timeout = g_timeout_add_seconds (60, wenda_sidebar_refresh_timeout_cb, self);

  /* GTK 4.8 names the chooser's inner button after its type. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->bank_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Question bank"), -1);

  click = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (click, GTK_PHASE_CAPTURE);
  g_signal_connect (click, "released", G_CALLBACK (wenda_sidebar_on_list_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), click);
}
