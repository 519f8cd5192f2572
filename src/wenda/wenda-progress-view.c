/* wenda-progress-view.c: study progress: card states, due cards, reviews
 *
 * Counts of cards in each state, a chart of the cards due on each of the
 * next 14 days, one of the reviews of the last 14 days, retention over the
 * last 30 days, and the topics studied so far with their state and due
 * date.  Before the first review it is a status page instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenda-bar-chart.h"
#include "wenda-format.h"
#include "wenda-progress-view.h"

#define RETENTION_DAYS 30

struct _WendaProgressView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  GtkWidget       *empty_study_button;
  GtkLabel        *new_count;
  GtkLabel        *learning_count;
  GtkLabel        *review_count;
  GtkLabel        *relearning_count;
  GtkLabel        *starred_count;
  WendaBarChart   *due_chart;
  WendaBarChart   *reviews_chart;
  AdwActionRow    *retention_row;
  GtkLabel        *retention_label;
  GtkLabel        *total_label;
  GtkListBox      *topic_list;

  /* Owned references */
  WendaStudyStore *store;
  WendaBank       *bank;

  WendaContentMode mode;
};

G_DEFINE_FINAL_TYPE (WendaProgressView, wenda_progress_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

enum {
  SHOW_TOPIC,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
state_label (WendaCardState state)
{
  switch (state)
    {
    case WENDA_CARD_STATE_NEW:
      return _("New");
    case WENDA_CARD_STATE_LEARNING:
      return _("Learning");
    case WENDA_CARD_STATE_REVIEW:
      return _("Review");
    case WENDA_CARD_STATE_RELEARNING:
      return _("Relearning");
    default:
      g_assert_not_reached ();
    }
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = wenda_format_count (count);

  gtk_label_set_text (label, text);
}

/* "Today", "Tomorrow", then dates: the labels under the due chart. */
static char *
day_label (GDateTime *today,
           int        offset)
{
  g_autoptr(GDateTime) day = g_date_time_add_days (today, offset);

  if (offset == 0)
    return g_strdup (_("Today"));
  if (offset == -1)
    return g_strdup (_("Yesterday"));
  if (offset == 1)
    return g_strdup (_("Tomorrow"));

  /* Translators: a short date under a chart's bar, in strftime format as
   * g_date_time_format() takes it; "%-m/%-d" is 12/3 */
  /* xgettext:no-c-format */
  return g_date_time_format (day, C_("chart day", "%b %-d"));
}

static void
fill_chart (WendaBarChart *chart,
            const guint   *values,
            int            first_offset)
{
  g_autoptr(GDateTime) today = g_date_time_new_from_unix_local (wenda_clock_now ());
  g_auto(GStrv) labels = g_new0 (char *, WENDA_PROGRESS_DAYS + 1);

  for (int i = 0; i < WENDA_PROGRESS_DAYS; i++)
    labels[i] = day_label (today, first_offset + i);

  wenda_bar_chart_set_data (chart, (const char *const *) labels, values, WENDA_PROGRESS_DAYS);
  /* Today: the first bar of the days ahead, the last of the days past. */
  wenda_bar_chart_set_highlight (chart, first_offset == 0 ? 0 : WENDA_PROGRESS_DAYS - 1);
}

static GtkWidget *
topic_row_new (WendaProgressView *self,
               WendaQaItem       *item,
               const WendaCard   *card,
               gint64             now)
{
  GtkWidget *row = adw_action_row_new ();
  WendaLanguage language = self->mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN
                                                               : WENDA_LANGUAGE_ZH;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *due = NULL;

  /* Content is plain text, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

  /* Translators: a studied topic: its number and its question */
  title = g_strdup_printf (_("№%u %s"), wenda_qa_item_get_number (item),
                           wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, language));

  if (card->due <= now)
    due = g_strdup (_("due now"));
  else
    {
      g_autofree char *interval = wenda_format_interval (card->due - now);

      /* Translators: when a card is due, as in "due in 3 d" */
      due = g_strdup_printf (_("due in %s"), interval);
    }

  /* Translators: a studied topic's state and due date, as in
   * "Review · due in 3 d" */
  subtitle = g_strdup_printf (_("%s · %s"), state_label (card->state), due);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "wenda-number",
                     GUINT_TO_POINTER (wenda_qa_item_get_number (item)));

  return row;
}

typedef struct
{
  WendaQaItem *item;
  WendaCard    card;
} Studied;

static int
compare_studied (gconstpointer a,
                 gconstpointer b)
{
  const Studied *sa = a, *sb = b;

  if (sa->card.due != sb->card.due)
    return sa->card.due < sb->card.due ? -1 : 1;
  return (int) wenda_qa_item_get_number (sa->item) - (int) wenda_qa_item_get_number (sb->item);
}

static void
fill_topics (WendaProgressView *self,
             gint64             now)
{
  g_autoptr(GArray) studied = g_array_new (FALSE, FALSE, sizeof (Studied));
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->bank));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->topic_list))))
    gtk_list_box_remove (self->topic_list, child);

  for (guint i = 0; i < n_items; i++)
    {
      WendaQaItem *item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);
      Studied entry = { .item = item };

      /* The bank holds the item; the array borrows it. */
      g_object_unref (item);
      wenda_study_store_get_card (self->store, wenda_qa_item_get_id (item), &entry.card);
      if (entry.card.state != WENDA_CARD_STATE_NEW)
        g_array_append_val (studied, entry);
    }

  g_array_sort (studied, compare_studied);
  for (guint i = 0; i < studied->len; i++)
    {
      Studied *entry = &g_array_index (studied, Studied, i);

      gtk_list_box_append (self->topic_list, topic_row_new (self, entry->item, &entry->card, now));
    }
}

/**
 * wenda_progress_view_refresh:
 *
 * Reads the store again.
 */
void
wenda_progress_view_refresh (WendaProgressView *self)
{
  g_autoptr(GPtrArray) ids = NULL;
  WendaStudyCounts counts = { 0 };
  guint due[WENDA_PROGRESS_DAYS] = { 0 };
  guint reviews[WENDA_PROGRESS_DAYS] = { 0 };
  gint64 now = wenda_clock_now ();
  guint n_items, n_recent = 0;
  double retention;

  g_return_if_fail (WENDA_IS_PROGRESS_VIEW (self));

  if (self->store == NULL || self->bank == NULL)
    return;

  if (wenda_study_store_get_n_reviews (self->store) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->bank));
  ids = g_ptr_array_sized_new (n_items);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);

      /* The bank keeps the item, and its id, alive. */
      g_ptr_array_add (ids, (gpointer) wenda_qa_item_get_id (item));
    }

  wenda_study_store_count (self->store, (const char *const *) ids->pdata, ids->len, now, &counts);
  set_count (self->new_count, counts.n_new);
  set_count (self->learning_count, counts.n_learning);
  set_count (self->review_count, counts.n_review);
  set_count (self->relearning_count, counts.n_relearning);
  set_count (self->starred_count, counts.n_starred);

  wenda_study_store_due_per_day (self->store, (const char *const *) ids->pdata, ids->len, now,
                                 NULL, due, WENDA_PROGRESS_DAYS);
  fill_chart (self->due_chart, due, 0);
  wenda_study_store_reviews_per_day (self->store, now, NULL, reviews, WENDA_PROGRESS_DAYS);
  fill_chart (self->reviews_chart, reviews, 1 - WENDA_PROGRESS_DAYS);

  retention = wenda_study_store_retention (self->store, now, RETENTION_DAYS, &n_recent);
  if (retention < 0)
    {
      gtk_label_set_text (self->retention_label, "—");
      adw_action_row_set_subtitle (self->retention_row,
                                   _("Known once cards you have learned come up for review"));
    }
  else
    {
      g_autofree char *percent = g_strdup_printf ("%.0f%%", retention * 100);
      g_autofree char *subtitle = NULL;

      /* Translators: %u is a number of reviews of learned cards */
      subtitle = g_strdup_printf (ngettext ("Remembered, of %'u review in the last 30 days",
                                            "Remembered, of %'u reviews in the last 30 days",
                                            n_recent),
                                  n_recent);
      gtk_label_set_text (self->retention_label, percent);
      adw_action_row_set_subtitle (self->retention_row, subtitle);
    }
  set_count (self->total_label, wenda_study_store_get_n_reviews (self->store));

  fill_topics (self, now);
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
on_topic_row_activated (WendaProgressView *self,
                        GtkListBoxRow     *row)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "wenda-number"));

  g_signal_emit (self, signals[SHOW_TOPIC], 0, number);
}

static void
wenda_progress_view_dispose (GObject *object)
{
  WendaProgressView *self = (WendaProgressView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_PROGRESS_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->bank);

  G_OBJECT_CLASS (wenda_progress_view_parent_class)->dispose (object);
}

static void
wenda_progress_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WendaProgressView *self = WENDA_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_progress_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  WendaProgressView *self = WENDA_PROGRESS_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      if (self->mode != (WendaContentMode) g_value_get_enum (value))
        {
          self->mode = g_value_get_enum (value);
          if (gtk_widget_get_mapped (GTK_WIDGET (self)))
            wenda_progress_view_refresh (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_progress_view_class_init (WendaProgressViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_progress_view_dispose;
  object_class->get_property = wenda_progress_view_get_property;
  object_class->set_property = wenda_progress_view_set_property;

  /* The reading mode, for the language of the topics' questions. */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A studied topic was activated. */
  signals[SHOW_TOPIC] =
    g_signal_new ("show-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (WENDA_TYPE_BAR_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-progress-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, stack);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, empty_study_button);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, new_count);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, learning_count);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, review_count);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, relearning_count);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, starred_count);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, due_chart);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, reviews_chart);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, retention_row);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, retention_label);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, total_label);
  gtk_widget_class_bind_template_child (widget_class, WendaProgressView, topic_list);
  gtk_widget_class_bind_template_callback (widget_class, on_topic_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
wenda_progress_view_init (WendaProgressView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
wenda_progress_view_set_sources (WendaProgressView *self,
                                 WendaStudyStore   *store,
                                 WendaBank         *bank)
{
  g_return_if_fail (WENDA_IS_PROGRESS_VIEW (self));
  g_return_if_fail (!store || WENDA_IS_STUDY_STORE (store));
  g_return_if_fail (!bank || WENDA_IS_BANK (bank));

  g_set_object (&self->store, store);
  g_set_object (&self->bank, bank);
}

/* Whether it shows the status page of no reviews. */
gboolean
wenda_progress_view_is_empty (WendaProgressView *self)
{
  g_return_val_if_fail (WENDA_IS_PROGRESS_VIEW (self), TRUE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}
