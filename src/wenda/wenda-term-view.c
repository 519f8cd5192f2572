/* wenda-term-view.c: a glossary term and the topics that use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenda-term-view.h"
#include "wenda-text.h"

struct _WendaTermView
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkWidget  *box;
  GtkLabel   *zh_label;
  GtkLabel   *en_label;
  GtkLabel   *users_heading;
  GtkListBox *users_list;
};

G_DEFINE_FINAL_TYPE (WendaTermView, wenda_term_view, GTK_TYPE_WIDGET)

enum {
  SHOW_TOPIC,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_row_activated (WendaTermView *self,
                  GtkListBoxRow *row)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "wenda-number"));

  g_signal_emit (self, signals[SHOW_TOPIC], 0, number);
}

static void
wenda_term_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), WENDA_TYPE_TERM_VIEW);

  G_OBJECT_CLASS (wenda_term_view_parent_class)->dispose (object);
}

static void
wenda_term_view_class_init (WendaTermViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_term_view_dispose;

  /**
   * WendaTermView::show-topic:
   * @number: the topic to show
   */
  signals[SHOW_TOPIC] =
    g_signal_new ("show-topic",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-term-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaTermView, box);
  gtk_widget_class_bind_template_child (widget_class, WendaTermView, zh_label);
  gtk_widget_class_bind_template_child (widget_class, WendaTermView, en_label);
  gtk_widget_class_bind_template_child (widget_class, WendaTermView, users_heading);
  gtk_widget_class_bind_template_child (widget_class, WendaTermView, users_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wenda_term_view_init (WendaTermView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * wenda_term_view_set_term:
 * @term: (nullable): the term to show
 * @bank: the bank the term comes from
 * @mode: the reading mode, for the questions listed
 */
void
wenda_term_view_set_term (WendaTermView     *self,
                          WendaGlossaryTerm *term,
                          WendaBank         *bank,
                          WendaContentMode   mode)
{
  WendaLanguage language = mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN : WENDA_LANGUAGE_ZH;
  g_autofree char *en = NULL;
  g_autofree char *heading = NULL;
  const guint *users = NULL;
  guint n_users = 0;
  GtkWidget *child;

  g_return_if_fail (WENDA_IS_TERM_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->users_list))))
    gtk_list_box_remove (self->users_list, child);

  if (term == NULL)
    {
      gtk_label_set_label (self->zh_label, "");
      gtk_label_set_label (self->en_label, "");
      gtk_label_set_label (self->users_heading, "");
      return;
    }

  wenda_label_set_text_in (self->zh_label, wenda_glossary_term_get_zh (term), WENDA_LANGUAGE_ZH);
  if (wenda_glossary_term_get_abbreviation (term) != NULL)
    en = g_strdup_printf ("%s (%s)", wenda_glossary_term_get_en (term),
                          wenda_glossary_term_get_abbreviation (term));
  else
    en = g_strdup (wenda_glossary_term_get_en (term));
  wenda_label_set_text_in (self->en_label, en, WENDA_LANGUAGE_EN);

  users = wenda_glossary_term_get_users (term, &n_users);
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Used in %'u topic", "Used in %'u topics",
                                          n_users), n_users);
  gtk_label_set_label (self->users_heading, heading);

  for (guint i = 0; i < n_users; i++)
    {
      WendaQaItem *item = wenda_bank_lookup_number (bank, users[i]);
      g_autofree char *number = NULL;
      GtkWidget *row;

      if (item == NULL)
        continue;

      /* Translators: the number of a topic, as in "№12" */
      number = g_strdup_printf (_("№%u"), users[i]);
      row = adw_action_row_new ();
      /* The question is content: never markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     wenda_qa_item_get_text (item, WENDA_QA_FIELD_QUESTION, language));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), number);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "wenda-number", GUINT_TO_POINTER (users[i]));
      gtk_list_box_append (self->users_list, row);
    }
}

/**
 * wenda_term_view_focus_first_topic:
 *
 * Moves focus to the first topic that uses the term.
 */
void
wenda_term_view_focus_first_topic (WendaTermView *self)
{
  GtkListBoxRow *row;

  g_return_if_fail (WENDA_IS_TERM_VIEW (self));

  row = gtk_list_box_get_row_at_index (self->users_list, 0);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}
