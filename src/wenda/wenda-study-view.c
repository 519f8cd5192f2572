/* wenda-study-view.c: a study session: reveal, grade, and a summary
 *
 * The card is a WendaDetailView with its answer hidden until the user
 * reveals it (Space).  The keys 1–4 grade, as in Anki; after the reveal,
 * focus is on Good, so Space grades Good.  Each grade button shows the
 * interval it would give.  Every grade is saved at once (by the session's
 * store).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-format.h"
#include "wenda-study-view.h"

struct _WendaStudyView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkStack          *stack;
  GtkScrolledWindow *card_scroller;
  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  WendaDetailView   *card_view;
  GtkStack          *button_stack;
  GtkWidget         *reveal_button;
  GtkWidget         *grade_buttons[4];
  GtkLabel          *grade_intervals[4];
  GtkLabel          *reviewed_label;
  GtkLabel          *correct_label;
  GtkLabel          *next_due_label;
  GtkWidget         *done_button;
  AdwStatusPage     *nothing_page;
  GtkWidget         *nothing_done_button;

  /* Owned references */
  WendaStudySession *session;
  GListModel        *all_items;

  WendaContentMode   mode;
};

G_DEFINE_FINAL_TYPE (WendaStudyView, wenda_study_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  PROP_CURRENT_ITEM,
  N_PROPS
};

enum {
  DONE,
  SHOW_TOPIC,
  MESSAGE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
grade_name (WendaRating rating)
{
  switch (rating)
    {
    case WENDA_RATING_AGAIN:
      /* Translators: a grade: the answer was forgotten */
      return _("Again");
    case WENDA_RATING_HARD:
      /* Translators: a grade: remembered with difficulty */
      return _("Hard");
    case WENDA_RATING_GOOD:
      /* Translators: a grade: remembered */
      return _("Good");
    case WENDA_RATING_EASY:
      /* Translators: a grade: remembered easily */
      return _("Easy");
    default:
      g_assert_not_reached ();
    }
}

static const char *
state_name (WendaCardState state)
{
  switch (state)
    {
    case WENDA_CARD_STATE_NEW:
      /* Translators: a study card's state */
      return _("New card");
    case WENDA_CARD_STATE_LEARNING:
      /* Translators: a study card's state */
      return _("Learning");
    case WENDA_CARD_STATE_REVIEW:
      /* Translators: a study card's state */
      return _("Review");
    case WENDA_CARD_STATE_RELEARNING:
      /* Translators: a study card's state */
      return _("Relearning");
    default:
      g_assert_not_reached ();
    }
}

static void
wenda_study_view_update_actions (WendaStudyView *self)
{
  gboolean card = self->session != NULL && wenda_study_session_get_current (self->session) != NULL;
  gboolean revealed = card && wenda_detail_view_get_answer_visible (self->card_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.reveal", card && !revealed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.grade", revealed);
}

static void
show_summary (WendaStudyView *self)
{
  guint reviewed = wenda_study_session_get_n_reviewed (self->session);
  guint correct = wenda_study_session_get_n_correct (self->session);
  gint64 now = wenda_clock_now ();
  gint64 next = wenda_study_session_next_due (self->session, self->all_items);
  g_autofree char *reviewed_text = NULL;
  g_autofree char *correct_text = NULL;
  g_autofree char *next_text = NULL;

  reviewed_text = wenda_format_count (reviewed);
  /* Translators: correct answers in a study session, and their share, as
   * in "10 (83%)" */
  correct_text = g_strdup_printf (_("%'u (%u%%)"), correct,
                                  reviewed > 0 ? (correct * 100 + reviewed / 2) / reviewed : 0);

  if (next == 0)
    /* Translators: the next due date when no card has been studied */
    next_text = g_strdup (_("None yet"));
  else if (next <= now)
    /* Translators: the next card is due already */
    next_text = g_strdup (_("Now"));
  else
    {
      g_autofree char *interval = wenda_format_interval (next - now);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (next);
      g_autofree char *time = g_date_time_format (when, next - now < 24 * 60 * 60 ? "%H:%M" : "%x");

      /* Translators: when the next card is due: an interval, then a time
       * or a date, as in "in 10 min (14:30)" */
      next_text = g_strdup_printf (_("in %s (%s)"), interval, time);
    }

  gtk_label_set_text (self->reviewed_label, reviewed_text);
  gtk_label_set_text (self->correct_label, correct_text);
  gtk_label_set_text (self->next_due_label, next_text);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (self->done_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
}

static void
show_nothing (WendaStudyView *self)
{
  gint64 now = wenda_clock_now ();
  gint64 next = wenda_study_session_next_due (self->session, self->all_items);
  g_autofree char *description = NULL;
  g_autofree char *escaped = NULL;

  if (next > now)
    {
      g_autofree char *interval = wenda_format_interval (next - now);

      /* Translators: %s is an interval, as in "3 d" */
      description = g_strdup_printf (_("No card in this list is due. The next one is due in %s."),
                                     interval);
    }
  else
    {
      description = g_strdup (_("No card in this list is due. Choose All in the sidebar to study every topic."));
    }

  /* The status page's description is markup. */
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->nothing_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "nothing");
  gtk_widget_grab_focus (self->nothing_done_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
}

static void
show_card (WendaStudyView *self)
{
  WendaQaItem *item = wenda_study_session_get_current (self->session);
  guint reviewed = wenda_study_session_get_n_reviewed (self->session);
  guint left = wenda_study_session_get_n_left (self->session);
  g_autofree char *progress = NULL;

  g_assert (item != NULL);

  wenda_detail_view_set_answer_visible (self->card_view, FALSE);
  wenda_detail_view_set_item (self->card_view, item);

  /* Translators: above a study card: its state ("New card", "Review"…)
   * and how many cards are left in the session, this one included */
  progress = g_strdup_printf (ngettext ("%s · %'u card left", "%s · %'u cards left", left),
                              state_name (wenda_study_session_get_current_state (self->session)),
                              left);
  gtk_label_set_text (self->progress_label, progress);
  gtk_progress_bar_set_fraction (self->progress_bar,
                                 (double) reviewed / MAX (1, reviewed + left));

  gtk_stack_set_visible_child_name (self->button_stack, "reveal");
  gtk_stack_set_visible_child_name (self->stack, "card");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->card_scroller), 0);
  wenda_study_view_update_actions (self);
  gtk_widget_grab_focus (self->reveal_button);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_ITEM]);
}

static void
show_current (WendaStudyView *self)
{
  if (wenda_study_session_get_current (self->session) != NULL)
    show_card (self);
  else if (wenda_study_session_get_n_reviewed (self->session) > 0)
    show_summary (self);
  else
    show_nothing (self);

  wenda_study_view_update_actions (self);
}

static void
reveal (WendaStudyView *self)
{
  gint64 now = wenda_clock_now ();

  for (WendaRating rating = WENDA_RATING_AGAIN; rating <= WENDA_RATING_EASY; rating++)
    {
      gint64 interval = wenda_study_session_preview (self->session, rating, now);
      g_autofree char *text = wenda_format_interval (interval);
      g_autofree char *accessible = NULL;

      gtk_label_set_text (self->grade_intervals[rating - 1], text);
      /* Translators: a grade button for screen readers: the grade and the
       * interval it gives, as in "Good, 10 min" */
      accessible = g_strdup_printf (_("%s, %s"), grade_name (rating), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->grade_buttons[rating - 1]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }

  wenda_detail_view_set_answer_visible (self->card_view, TRUE);
  gtk_stack_set_visible_child_name (self->button_stack, "grade");
  wenda_study_view_update_actions (self);
  gtk_widget_grab_focus (self->grade_buttons[WENDA_RATING_GOOD - 1]);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reveal (WENDA_STUDY_VIEW (widget));
}

static void
grade (WendaStudyView *self,
       WendaRating     rating)
{
  g_autoptr(GError) error = NULL;
  gint64 now = wenda_clock_now ();

  if (!wenda_study_session_grade (self->session, rating, now, &error))
    g_signal_emit (self, signals[MESSAGE], 0, error->message);

  wenda_study_session_advance (self->session, now);
  show_current (self);
}

static void
grade_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  int rating = g_variant_get_int32 (parameter);

  g_return_if_fail (rating >= WENDA_RATING_AGAIN && rating <= WENDA_RATING_EASY);

  grade (WENDA_STUDY_VIEW (widget), rating);
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[DONE], 0);
}

/* Space reveals, and once revealed grades Good, as in Anki.  (A focused
 * button takes Space first, and after the reveal focus is on Good.) */
static gboolean
space_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  WendaStudyView *self = WENDA_STUDY_VIEW (widget);

  if (self->session == NULL || wenda_study_session_get_current (self->session) == NULL)
    return FALSE;

  if (wenda_detail_view_get_answer_visible (self->card_view))
    grade (self, WENDA_RATING_GOOD);
  else
    reveal (self);

  return TRUE;
}

static void
on_card_show_topic (WendaStudyView *self,
                    guint           number)
{
  g_signal_emit (self, signals[SHOW_TOPIC], 0, number);
}

static void
wenda_study_view_dispose (GObject *object)
{
  WendaStudyView *self = (WendaStudyView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_STUDY_VIEW);

  g_clear_object (&self->session);
  g_clear_object (&self->all_items);

  G_OBJECT_CLASS (wenda_study_view_parent_class)->dispose (object);
}

static void
wenda_study_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  WendaStudyView *self = WENDA_STUDY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_CURRENT_ITEM:
      g_value_set_object (value, wenda_study_view_get_current_item (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_study_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  WendaStudyView *self = WENDA_STUDY_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      if (self->mode != (WendaContentMode) g_value_get_enum (value))
        {
          self->mode = g_value_get_enum (value);
          wenda_detail_view_set_mode (self->card_view, self->mode);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_study_view_class_init (WendaStudyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint grade_keys[][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 },
    { GDK_KEY_3, GDK_KEY_KP_3 }, { GDK_KEY_4, GDK_KEY_KP_4 },
  };

  object_class->dispose = wenda_study_view_dispose;
  object_class->get_property = wenda_study_view_get_property;
  object_class->set_property = wenda_study_view_set_property;

  /* The reading mode: the card shows the content as the reader does. */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The item on the card, if a card is shown. */
  properties[PROP_CURRENT_ITEM] =
    g_param_spec_object ("current-item", NULL, NULL,
                         WENDA_TYPE_QA_ITEM,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user is done: leave study mode. */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* A link on the card to another topic was followed. */
  signals[SHOW_TOPIC] =
    g_signal_new ("show-topic", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* Something to tell the user (a grade that could not be saved). */
  signals[MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (WENDA_TYPE_DETAIL_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-study-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, stack);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, card_scroller);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, card_view);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, button_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, reveal_button);
  gtk_widget_class_bind_template_child_full (widget_class, "again_button", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "hard_button", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_buttons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "good_button", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_buttons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "easy_button", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_buttons[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "again_interval", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_intervals[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "hard_interval", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_intervals[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "good_interval", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_intervals[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "easy_interval", FALSE,
                                             G_STRUCT_OFFSET (WendaStudyView, grade_intervals[3]));
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, correct_label);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, next_due_label);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, done_button);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, nothing_page);
  gtk_widget_class_bind_template_child (widget_class, WendaStudyView, nothing_done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_card_show_topic);

  gtk_widget_class_install_action (widget_class, "study.reveal", NULL, reveal_action);
  gtk_widget_class_install_action (widget_class, "study.grade", "i", grade_action);
  gtk_widget_class_install_action (widget_class, "study.done", NULL, done_action);

  for (guint i = 0; i < G_N_ELEMENTS (grade_keys); i++)
    for (guint k = 0; k < 2; k++)
      gtk_widget_class_add_binding_action (widget_class, grade_keys[i][k], 0,
                                           "study.grade", "i", (int) i + 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, space_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Space, 0, space_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "study.done", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "studyview");
}

static void
wenda_study_view_init (WendaStudyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  wenda_study_view_update_actions (self);
}

/**
 * wenda_study_view_start:
 * @session: the session to run
 * @all_items: the topics studied, for the next due date in the summary
 *
 * Shows @session's first card, or a page that says there is nothing due.
 */
void
wenda_study_view_start (WendaStudyView    *self,
                        WendaStudySession *session,
                        GListModel        *all_items)
{
  g_return_if_fail (WENDA_IS_STUDY_VIEW (self));
  g_return_if_fail (WENDA_IS_STUDY_SESSION (session));
  g_return_if_fail (G_IS_LIST_MODEL (all_items));

  g_set_object (&self->session, session);
  g_set_object (&self->all_items, all_items);
  show_current (self);
}

WendaStudySession *
wenda_study_view_get_session (WendaStudyView *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_VIEW (self), NULL);

  return self->session;
}

void
wenda_study_view_set_glossary (WendaStudyView *self,
                               WendaGlossary  *glossary)
{
  g_return_if_fail (WENDA_IS_STUDY_VIEW (self));

  wenda_detail_view_set_glossary (self->card_view, glossary);
}

/* Puts focus where the page's next step is. */
void
wenda_study_view_focus (WendaStudyView *self)
{
  const char *page;

  g_return_if_fail (WENDA_IS_STUDY_VIEW (self));

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_strcmp0 (page, "summary") == 0)
    gtk_widget_grab_focus (self->done_button);
  else if (g_strcmp0 (page, "nothing") == 0)
    gtk_widget_grab_focus (self->nothing_done_button);
  else if (wenda_detail_view_get_answer_visible (self->card_view))
    gtk_widget_grab_focus (self->grade_buttons[WENDA_RATING_GOOD - 1]);
  else
    gtk_widget_grab_focus (self->reveal_button);
}

gboolean
wenda_study_view_get_revealed (WendaStudyView *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_VIEW (self), FALSE);

  return self->session != NULL && wenda_study_session_get_current (self->session) != NULL &&
         wenda_detail_view_get_answer_visible (self->card_view);
}

/**
 * wenda_study_view_get_current_item:
 *
 * Returns: (transfer none) (nullable): the item on the card, if the card
 *   page is showing
 */
WendaQaItem *
wenda_study_view_get_current_item (WendaStudyView *self)
{
  g_return_val_if_fail (WENDA_IS_STUDY_VIEW (self), NULL);

  if (self->session == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "card") != 0)
    return NULL;

  return wenda_study_session_get_current (self->session);
}

void
wenda_study_view_set_media_dir (WendaStudyView *self,
                                GFile          *media_dir)
{
  g_return_if_fail (WENDA_IS_STUDY_VIEW (self));

  wenda_detail_view_set_media_dir (self->card_view, media_dir);
}
