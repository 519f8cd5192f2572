/* wenda-window.c: the main window, a topic list beside a reading pane
 *
 * The type, its properties, the bank it shows and the reading mode.  The
 * rest is in one file a feature (see wenda-window-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-lazy.h"
#include "wenda-progress-view.h"
#include "wenda-sidebar.h"
#include "wenda-study-view.h"
#include "wenda-term-view.h"
#include "wenda-window-private.h"

G_DEFINE_FINAL_TYPE (WendaWindow, wenda_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_BANK,
  PROP_CONTENT_MODE,
  PROP_SHOWN_MODE,
  PROP_NUMBER_WIDTH,
  PROP_STUDY_FILTER,
  PROP_STARRED,
  PROP_LIBRARY,
  PROP_STUDY_STORE,
  PROP_SCHEDULER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The reading-language button, and the room the reading pane takes. */
void
wenda_window_update_mode_ui (WendaWindow *self)
{
  /* Also reached from the split view's notifications while the template
   * is still being built. */
  if (self->mode_label == NULL || self->detail_clamp == NULL)
    return;

  gboolean translated = self->bank == NULL || wenda_bank_has_translation (self->bank);
  const char *label = NULL;

  switch (self->content_mode)
    {
    case WENDA_CONTENT_MODE_ZH:
      /* Translators: the reading-language button, content in Chinese */
      label = _("Chinese");
      break;

    case WENDA_CONTENT_MODE_EN:
      /* Translators: the reading-language button, content in English */
      label = _("English");
      break;

    case WENDA_CONTENT_MODE_BOTH:
      /* Translators: the reading-language button, content in both languages */
      label = _("Bilingual");
      break;

    default:
      g_assert_not_reached ();
    }

  /* A bank of the user's own has only its own language: say so, rather
   * than show blanks or the same text twice. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_button), translated);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.content-mode", translated);

  /* In a narrow window the button shows an icon instead of the name (the
   * window's breakpoint), so the tooltip names the mode too.  The
   * accessible label stays "Reading language". */
  if (!translated)
    {
      /* Translators: the reading-language button when the bank has only
       * its original text */
      gtk_label_set_label (self->mode_label, _("Original Only"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_button),
                                   _("This bank has no English rendering: it is shown as written"));
    }
  else
    {
      g_autofree char *tooltip = NULL;

      /* Translators: the reading-language button's tooltip; %s is
       * Chinese, English or Bilingual */
      tooltip = g_strdup_printf (_("Reading Language: %s (Ctrl+1, Ctrl+2, Ctrl+3)"), label);
      gtk_label_set_label (self->mode_label, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mode_button), tooltip);
    }

  /* Two columns need more room than one. */
  adw_clamp_set_maximum_size (self->detail_clamp,
                              self->shown_mode == WENDA_CONTENT_MODE_BOTH ? 1200 : 720);
  adw_clamp_set_tightening_threshold (self->detail_clamp,
                                      self->shown_mode == WENDA_CONTENT_MODE_BOTH ? 900 : 560);
}

static void
wenda_window_update_number_width (WendaWindow *self)
{
  guint max = self->bank != NULL ? wenda_bank_get_max_number (self->bank) : 0;
  int width = 1;

  for (; max >= 10; max /= 10)
    width++;
  width = MAX (width, 2);

  if (width != self->number_width)
    {
      self->number_width = width;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER_WIDTH]);
    }
}

static void
wenda_window_update_shown_mode (WendaWindow *self)
{
  WendaContentMode shown = self->content_mode;

  if (self->bank != NULL && !wenda_bank_has_translation (self->bank))
    shown = WENDA_CONTENT_MODE_ZH;

  if (shown != self->shown_mode)
    {
      self->shown_mode = shown;
      if (wenda_window_showing_glossary (self))
        wenda_window_update_term_page (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN_MODE]);
    }

  wenda_window_update_mode_ui (self);
}

/* Shows self->bank, which has just been set. */
static void
wenda_window_show_bank (WendaWindow *self)
{
  WendaBank *bank = self->bank;
  g_autofree char *last_topic = NULL;
  WendaQaItem *item;

  g_assert (WENDA_IS_WINDOW (self));
  g_assert (WENDA_IS_BANK (bank));

  /* Read before the model arrives: the first selection would overwrite it. */
  if (self->settings != NULL)
    last_topic = g_settings_get_string (self->settings, "last-topic");

  wenda_window_update_shown_mode (self);
  /* Before the rows are made for the new items */
  wenda_window_update_number_width (self);
  wenda_window_load_glossary (self);
  wenda_detail_view_set_media_dir (self->detail_view, wenda_bank_get_media_dir (bank));
  if (self->study_view != NULL)
    wenda_study_view_set_media_dir (self->study_view, wenda_bank_get_media_dir (bank));
  wenda_sidebar_set_bank (self->sidebar, bank);
  if (self->progress_view != NULL)
    wenda_progress_view_set_sources (self->progress_view, self->store, bank);

  item = wenda_bank_lookup_id (bank, last_topic);
  if (item != NULL)
    wenda_window_show_topic (self, wenda_qa_item_get_number (item));

  wenda_window_selection_changed (self);
}

void
wenda_window_set_bank (WendaWindow *self,
                       WendaBank   *bank)
{
  g_assert (WENDA_IS_WINDOW (self));
  g_assert (WENDA_IS_BANK (bank));

  if (!g_set_object (&self->bank, bank))
    return;

  wenda_window_show_bank (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BANK]);
}

/* The sidebar binds its own to it, and filters the list. */
static void
wenda_window_set_study_filter (WendaWindow      *self,
                               WendaStudyFilter  filter)
{
  if (self->study_filter == filter)
    return;

  self->study_filter = filter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STUDY_FILTER]);
}

static gboolean
wenda_window_close_request (GtkWindow *window)
{
  WendaWindow *self = WENDA_WINDOW (window);

  if (self->settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);

      g_settings_delay (self->settings);
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
      g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (self->settings);
    }

  return GTK_WINDOW_CLASS (wenda_window_parent_class)->close_request (window);
}

static void
wenda_window_map (GtkWidget *widget)
{
  WendaWindow *self = WENDA_WINDOW (widget);

  GTK_WIDGET_CLASS (wenda_window_parent_class)->map (widget);

  /* Start with focus on the open topic, so arrows work at once. */
  if (gtk_root_get_focus (GTK_ROOT (self)) == NULL)
    wenda_sidebar_focus_selected_row (self->sidebar);
}

static void
wenda_window_constructed (GObject *object)
{
  WendaWindow *self = (WendaWindow *)object;

  G_OBJECT_CLASS (wenda_window_parent_class)->constructed (object);

  wenda_window_update_study_ui (self);
  wenda_window_update_bank_ui (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));

  /* Through the setter, so the reading pane (bound at init, in zh) hears
   * of it; nothing to save. */
  self->overriding_mode = TRUE;
  wenda_window_set_content_mode (self, g_settings_get_enum (self->settings, "content-mode"));
  self->overriding_mode = FALSE;
  wenda_window_update_mode_ui (self);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* Then what g_object_new() was given: the bank, the library (which may
   * open the bank the user read last instead) and the study store. */
  if (self->bank != NULL)
    wenda_window_show_bank (self);
  if (self->library != NULL)
    wenda_window_attach_library (self);
  if (self->store != NULL)
    wenda_window_attach_store (self);
  self->constructed = TRUE;
}

static void
wenda_window_dispose (GObject *object)
{
  WendaWindow *self = (WendaWindow *)object;

  g_clear_weak_pointer (&self->news_toast);
  /* The reading pane's stack holds them. */
  self->term_view = NULL;
  self->study_view = NULL;
  self->progress_view = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_WINDOW);

  g_clear_object (&self->store);
  g_clear_object (&self->library);
  g_clear_object (&self->bank);
  g_clear_object (&self->glossary);
  g_clear_object (&self->settings);
  self->scheduler = NULL;

  G_OBJECT_CLASS (wenda_window_parent_class)->dispose (object);
}

static void
wenda_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  WendaWindow *self = WENDA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BANK:
      g_value_set_object (value, self->bank);
      break;

    case PROP_CONTENT_MODE:
      g_value_set_enum (value, self->content_mode);
      break;

    case PROP_SHOWN_MODE:
      g_value_set_enum (value, self->shown_mode);
      break;

    case PROP_NUMBER_WIDTH:
      g_value_set_int (value, self->number_width);
      break;

    case PROP_STUDY_FILTER:
      g_value_set_enum (value, self->study_filter);
      break;

    case PROP_STARRED:
      g_value_set_boolean (value, wenda_window_get_starred (self));
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_STUDY_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SCHEDULER:
      g_value_set_pointer (value, self->scheduler);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  WendaWindow *self = WENDA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BANK:
      /* At construction, kept for constructed() (NULL if none is given) */
      if (!self->constructed)
        g_set_object (&self->bank, g_value_get_object (value));
      else
        wenda_window_set_bank (self, g_value_get_object (value));
      break;

    case PROP_CONTENT_MODE:
      wenda_window_set_content_mode (self, g_value_get_enum (value));
      break;

    case PROP_STUDY_FILTER:
      wenda_window_set_study_filter (self, g_value_get_enum (value));
      break;

    case PROP_STARRED:
      wenda_window_set_starred (self, g_value_get_boolean (value));
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_STUDY_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SCHEDULER:
      self->scheduler = g_value_get_pointer (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_window_class_init (WendaWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = wenda_window_constructed;
  object_class->dispose = wenda_window_dispose;
  object_class->get_property = wenda_window_get_property;
  object_class->set_property = wenda_window_set_property;

  widget_class->map = wenda_window_map;

  window_class->close_request = wenda_window_close_request;

  properties[PROP_BANK] =
    g_param_spec_object ("bank", NULL, NULL,
                         WENDA_TYPE_BANK,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The reading language of the content: saved in GSettings, applied at
   * once to the list and the reading pane. */
  properties[PROP_CONTENT_MODE] =
    g_param_spec_enum ("content-mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The mode the content is shown in: content-mode, or Chinese when the
   * bank has no English rendering.  The panes bind to this one. */
  properties[PROP_SHOWN_MODE] =
    g_param_spec_enum ("shown-mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The width, in characters, of the largest topic number of the bank
   * (at least 2): the list's rows bind their numbers to it. */
  properties[PROP_NUMBER_WIDTH] =
    g_param_spec_int ("number-width", NULL, NULL,
                      2, 10, 2,
                      (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The sidebar's All/Starred/Due/New, combined with the search. */
  properties[PROP_STUDY_FILTER] =
    g_param_spec_enum ("study-filter", NULL, NULL,
                       WENDA_TYPE_STUDY_FILTER,
                       WENDA_STUDY_FILTER_ALL,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whether the topic in the pane (or on the study card) is starred. */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The user's banks, next to the bundled one (nullable: no chooser, no
   * import). */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         WENDA_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Stars and progress (nullable: no stars, filters or study). */
  properties[PROP_STUDY_STORE] =
    g_param_spec_object ("study-store", NULL, NULL,
                         WENDA_TYPE_STUDY_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The WendaScheduler study sessions use, borrowed (it has no GType:
   * the application keeps it, with the user's fuzz setting, for longer
   * than its windows live). */
  properties[PROP_SCHEDULER] =
    g_param_spec_pointer ("scheduler", NULL, NULL,
                          (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (WENDA_TYPE_DETAIL_VIEW);
  g_type_ensure (WENDA_TYPE_STUDY_VIEW);
  g_type_ensure (WENDA_TYPE_PROGRESS_VIEW);
  g_type_ensure (WENDA_TYPE_SIDEBAR);
  g_type_ensure (WENDA_TYPE_TERM_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-window.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, split_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_scroller);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_view);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, previous_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, next_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_button);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_menu);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_label);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, mode_icon);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, detail_clamp);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, WendaWindow, star_button);

  /* Each file binds its own template callbacks. */
  wenda_window_class_navigation_init (klass);
  wenda_window_class_glossary_init (klass);
  wenda_window_class_banks_init (klass);
  wenda_window_class_actions_init (klass);
}

static void
wenda_window_init (WendaWindow *self)
{
  self->settings = g_settings_new ("io.github.wenda.Wenda");
  self->number_width = 2;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  wenda_menu_button_set_menu_lazily (self->mode_button, self->mode_menu, _("Reading language"));

  wenda_window_search_init (self);
  wenda_window_banks_init (self);
}

/**
 * wenda_window_new:
 * @library: (nullable): the user's banks, for the chooser and imports
 * @store: (nullable): stars and progress, for the filters and study
 * @scheduler: (nullable): for study sessions; borrowed, it must outlive
 *   the window
 *
 * A window showing @bank.  Without a library, store or scheduler the
 * features that need them are off.
 */
WendaWindow *
wenda_window_new (GtkApplication  *application,
                  WendaBank       *bank,
                  WendaLibrary    *library,
                  WendaStudyStore *store,
                  WendaScheduler  *scheduler)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);
  g_return_val_if_fail (library == NULL || WENDA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (store == NULL || WENDA_IS_STUDY_STORE (store), NULL);

  return g_object_new (WENDA_TYPE_WINDOW,
                       "application", application,
                       "bank", bank,
                       "library", library,
                       "study-store", store,
                       "scheduler", scheduler,
                       NULL);
}

WendaBank *
wenda_window_get_bank (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), NULL);

  return self->bank;
}

WendaContentMode
wenda_window_get_content_mode (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), WENDA_CONTENT_MODE_ZH);

  return self->content_mode;
}

/**
 * wenda_window_set_content_mode:
 *
 * Shows the content in @mode, at once, and saves the choice.
 */
void
wenda_window_set_content_mode (WendaWindow      *self,
                               WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (mode <= WENDA_CONTENT_MODE_BOTH);

  if (self->content_mode == mode)
    return;

  self->content_mode = mode;

  if (!self->overriding_mode && self->settings != NULL)
    g_settings_set_enum (self->settings, "content-mode", mode);

  wenda_window_update_shown_mode (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT_MODE]);
}

/**
 * wenda_window_override_content_mode:
 *
 * Like wenda_window_set_content_mode(), for `wenda --language`: the mode
 * applies to this window but the saved preference is left alone.
 */
void
wenda_window_override_content_mode (WendaWindow      *self,
                                    WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_WINDOW (self));

  self->overriding_mode = TRUE;
  wenda_window_set_content_mode (self, mode);
  self->overriding_mode = FALSE;
}

/**
 * wenda_window_add_toast:
 * @message: plain text (it is escaped: toasts take markup)
 *
 * Tells the user something, in a toast at the bottom of the window.
 */
void
wenda_window_add_toast (WendaWindow *self,
                        const char  *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  /* Long enough to read a file name. */
  adw_toast_set_timeout (toast, 10);
  /* Toasts show one at a time: news waiting behind older news (three
   * imports, then a Cancel) would come 30 s late.  The newest replaces
   * the one before. */
  if (self->news_toast != NULL)
    adw_toast_dismiss (self->news_toast);
  g_set_weak_pointer (&self->news_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
