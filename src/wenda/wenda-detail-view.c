/* wenda-detail-view.c: shows one question, its answer and explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wenda-detail-view.h"
#include "wenda-media.h"
#include "wenda-rich-view.h"
#include "wenda-text.h"

/* Below this width the bilingual view stacks the languages. */
#define SIDE_BY_SIDE_MIN_WIDTH 600

struct _WendaDetailView
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkWidget   *box;
  GtkLabel    *section_label;
  GtkLabel    *number_label;
  GtkLabel    *no_answer_label;
  GtkLabel    *question_label;
  GtkLabel    *question_en_label;
  GtkLabel    *question_secondary_label;
  WendaRichView *answer_view;
  WendaRichView *answer_en_view;
  GtkGrid     *answer_grid;
  WendaRichView *explanation_view;
  WendaRichView *explanation_en_view;
  GtkGrid     *explanation_grid;
  GtkWidget   *answer_heading;
  GtkWidget   *explanation_heading;
  GtkWidget   *related_section;
  GtkBox      *related_box;

  /* Owned references */
  WendaQaItem *item;
  WendaGlossary *glossary;
  GFile       *media_dir;

  WendaContentMode mode;
  guint        side_by_side : 1;
  guint        grids_filled : 1;
  guint        grids_side_by_side : 1;
  guint        answer_hidden : 1;   /* a study card before it is revealed */
  guint        relayout_idle;
};

G_DEFINE_FINAL_TYPE (WendaDetailView, wenda_detail_view, GTK_TYPE_WIDGET)

/* Links to topics that ask the same question, at most. */
#define MAX_DUPLICATE_LINKS 10

enum {
  PROP_0,
  PROP_ITEM,
  PROP_MODE,
  N_PROPS
};

enum {
  SHOW_TOPIC,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Every link in the pane has a private "wenda:topic/N" URI; we handle the
 * activation ourselves, so nothing is ever handed to a URI launcher. */
static gboolean
on_text_link_activate (WendaDetailView *self,
                       const char      *uri)
{
  guint number;

  if (wenda_topic_uri_parse (uri, &number))
    g_signal_emit (self, signals[SHOW_TOPIC], 0, number);

  return TRUE;
}

/* A link in the text: a topic's is followed here, any other is left to
 * the rich view */
static gboolean
on_rich_link_activate (WendaDetailView *self,
                       const char      *uri)
{
  guint number;

  if (!wenda_topic_uri_parse (uri, &number))
    return FALSE;

  g_signal_emit (self, signals[SHOW_TOPIC], 0, number);
  return TRUE;
}

static gboolean
on_duplicate_link_activate (WendaDetailView *self,
                            GtkLinkButton   *button)
{
  return on_text_link_activate (self, gtk_link_button_get_uri (button));
}

static GtkWidget *
related_link_new (WendaDetailView *self,
                  guint            number,
                  const char      *label)
{
  g_autofree char *uri = g_strdup_printf ("wenda:topic/%u", number);
  GtkWidget *link = gtk_link_button_new_with_label (uri, label);

  GtkWidget *text = gtk_button_get_child (GTK_BUTTON (link));

  gtk_widget_set_halign (link, GTK_ALIGN_START);
  /* A bilingual link ("自然语言处理 Natural Language Processing — №20")
   * wraps rather than set the narrow window's minimum width. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  /* No tooltip with the private URI. */
  gtk_widget_set_has_tooltip (link, FALSE);
  g_signal_connect_object (link, "activate-link",
                           G_CALLBACK (on_duplicate_link_activate),
                           self, G_CONNECT_SWAPPED);
  return link;
}

/* Adds a link for each topic that defines a term in @text, once each. */
static void
add_term_links (WendaDetailView *self,
                GHashTable      *seen,
                const char      *text)
{
  g_autoptr(GArray) links = wenda_glossary_find_links (self->glossary, text,
                                                       wenda_qa_item_get_number (self->item));

  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *term = NULL;
      g_autofree char *label = NULL;

      if (!g_hash_table_add (seen, GUINT_TO_POINTER (link->target)))
        continue;

      switch (self->mode)
        {
        case WENDA_CONTENT_MODE_ZH:
          term = g_strdup (wenda_glossary_term_get_zh (link->term));
          break;

        case WENDA_CONTENT_MODE_EN:
          term = g_strdup (wenda_glossary_term_get_en (link->term));
          break;

        case WENDA_CONTENT_MODE_BOTH:
        default:
          term = g_strdup_printf ("%s · %s", wenda_glossary_term_get_zh (link->term),
                                  wenda_glossary_term_get_en (link->term));
          break;
        }

      /* Translators: a link to the topic that defines a term, e.g.
       * "自注意力机制 — №24" */
      label = g_strdup_printf (_("%s — №%u"), term, link->target);
      gtk_box_append (self->related_box, related_link_new (self, link->target, label));
    }
}

/* "See also": the topics that repeat this one, then those that define a
 * term this one uses.  The same links are inline in the text for the
 * mouse; these are buttons, which Tab reaches and screen readers list. */
static void
wenda_detail_view_update_related (WendaDetailView *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const guint *numbers = NULL;
  guint n_numbers = 0;
  GtkWidget *child;
  gboolean had_focus;

  /* If a link we are about to destroy has focus (the user just followed
   * it), focus must land somewhere sensible, not on the window. */
  had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->related_box)) != NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->related_box))))
    gtk_box_remove (self->related_box, child);

  if (self->item != NULL)
    {
      numbers = wenda_qa_item_get_duplicates (self->item, &n_numbers);
      g_hash_table_add (seen, GUINT_TO_POINTER (wenda_qa_item_get_number (self->item)));
    }

  /* A bank of the user's own can ask one question many times: link the
   * first few, and say how many more there are. */
  for (guint i = 0; i < MIN (n_numbers, MAX_DUPLICATE_LINKS); i++)
    {
      /* Translators: a link to another topic that asks the same question */
      g_autofree char *label = g_strdup_printf (_("Also asked as №%u"), numbers[i]);

      g_hash_table_add (seen, GUINT_TO_POINTER (numbers[i]));
      gtk_box_append (self->related_box, related_link_new (self, numbers[i], label));
    }
  if (n_numbers > MAX_DUPLICATE_LINKS)
    {
      guint more = n_numbers - MAX_DUPLICATE_LINKS;
      g_autofree char *text = NULL;
      GtkWidget *label;

      for (guint i = MAX_DUPLICATE_LINKS; i < n_numbers; i++)
        g_hash_table_add (seen, GUINT_TO_POINTER (numbers[i]));

      /* Translators: after the links to topics that ask the same question */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %'u more topic asks the same",
                                           "and %'u more topics ask the same", more),
                              more);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->related_box, label);
    }

  if (self->item != NULL && self->glossary != NULL)
    {
      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          if (self->mode != WENDA_CONTENT_MODE_EN)
            add_term_links (self, seen, wenda_qa_item_get_text (self->item, f, WENDA_LANGUAGE_ZH));
          if (self->mode != WENDA_CONTENT_MODE_ZH)
            add_term_links (self, seen, wenda_qa_item_get_text (self->item, f, WENDA_LANGUAGE_EN));
        }
    }

  gtk_widget_set_visible (self->related_section,
                          !self->answer_hidden &&
                          gtk_widget_get_first_child (GTK_WIDGET (self->related_box)) != NULL);

  if (had_focus)
    {
      GtkWidget *first_link = gtk_widget_get_first_child (GTK_WIDGET (self->related_box));

      if (first_link != NULL)
        gtk_widget_grab_focus (first_link);
      else
        wenda_detail_view_focus_start (self);
    }
}

/* A rich view for the text of @self's item in @language */
static void
set_rich_context (WendaDetailView *self,
                  WendaRichView   *view,
                  WendaLanguage    language)
{
  g_autofree char *base = self->item != NULL ? wenda_media_dup_item_base (self->item) : NULL;

  wenda_rich_view_set_context (view, language, self->glossary,
                               self->item != NULL ? wenda_qa_item_get_number (self->item) : 0,
                               self->media_dir, base);
}

static GtkWidget *
pair_view_new (WendaDetailView *self,
               WendaRichDoc    *doc,
               guint            i,
               WendaLanguage    language)
{
  GtkWidget *view = wenda_rich_view_new ();

  set_rich_context (self, WENDA_RICH_VIEW (view), language);
  wenda_rich_view_set_blocks (WENDA_RICH_VIEW (view), (WendaRichBlock *const *) doc->blocks->pdata + i, 1);
  gtk_widget_set_valign (view, GTK_ALIGN_START);
  gtk_widget_set_hexpand (view, TRUE);
  g_signal_connect_object (view, "activate-link", G_CALLBACK (on_rich_link_activate),
                           self, G_CONNECT_SWAPPED);
  return view;
}

/* Pairs the two renderings of a section block by block.  Side by side,
 * row i holds block i in both languages, so each pair starts at the same
 * height; stacked, the English follows its Chinese block. */
static void
fill_pairs (WendaDetailView *self,
            GtkGrid         *grid,
            WendaQaField     field)
{
  g_autoptr(WendaRichDoc) zh = wenda_rich_parse (wenda_qa_item_get_text (self->item, field, WENDA_LANGUAGE_ZH), -1);
  g_autoptr(WendaRichDoc) en = wenda_rich_parse (wenda_qa_item_get_text (self->item, field, WENDA_LANGUAGE_EN), -1);
  guint n_zh = zh->blocks->len;
  guint n_en = en->blocks->len;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);

  for (guint i = 0; i < MAX (n_zh, n_en); i++)
    {
      if (self->side_by_side)
        {
          if (i < n_zh)
            gtk_grid_attach (grid, pair_view_new (self, zh, i, WENDA_LANGUAGE_ZH), 0, i, 1, 1);
          if (i < n_en)
            gtk_grid_attach (grid, pair_view_new (self, en, i, WENDA_LANGUAGE_EN), 1, i, 1, 1);
        }
      else
        {
          if (i < n_zh)
            gtk_grid_attach (grid, pair_view_new (self, zh, i, WENDA_LANGUAGE_ZH), 0, 2 * i, 1, 1);
          if (i < n_en)
            {
              GtkWidget *view = pair_view_new (self, en, i, WENDA_LANGUAGE_EN);

              gtk_widget_add_css_class (view, "stacked-translation");
              gtk_grid_attach (grid, view, 0, 2 * i + 1, 1, 1);
            }
        }
    }
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  wenda_drop_focus_within (GTK_WIDGET (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))))
    gtk_grid_remove (grid, child);
}

/* Shows the labels of the reading mode.  Every language has its own
 * labels, filled when the item changes (and the bilingual grid once per
 * item and width class), so a mode switch lays out no new text: GTK keeps
 * what it measured. */
static void
wenda_detail_view_update_mode (WendaDetailView *self)
{
  gboolean zh = self->mode != WENDA_CONTENT_MODE_EN;
  gboolean en = self->mode == WENDA_CONTENT_MODE_EN;
  gboolean both = self->mode == WENDA_CONTENT_MODE_BOTH;
  gboolean answer = !self->answer_hidden;
  gboolean has_answer = self->item != NULL && wenda_qa_item_get_answer (self->item)[0] != '\0';
  gboolean has_explanation = answer && self->item != NULL &&
                             wenda_qa_item_get_explanation (self->item)[0] != '\0';
  WendaSection *section = self->item != NULL ? wenda_qa_item_get_section (self->item) : NULL;

  /* The section path, in the reading language */
  if (section != NULL)
    {
      g_autofree char *path = wenda_section_dup_path (section, en ? WENDA_LANGUAGE_EN : WENDA_LANGUAGE_ZH);

      gtk_label_set_text (self->section_label, path);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->section_label), section != NULL);

  if (both && self->item != NULL &&
      (!self->grids_filled || self->grids_side_by_side != self->side_by_side))
    {
      fill_pairs (self, self->answer_grid, WENDA_QA_FIELD_ANSWER);
      fill_pairs (self, self->explanation_grid, WENDA_QA_FIELD_EXPLANATION);
      self->grids_filled = TRUE;
      self->grids_side_by_side = self->side_by_side;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->question_label), zh);
  gtk_widget_set_visible (GTK_WIDGET (self->question_en_label), en);
  gtk_widget_set_visible (GTK_WIDGET (self->question_secondary_label), both);
  gtk_widget_set_visible (self->answer_heading, answer);
  gtk_widget_set_visible (GTK_WIDGET (self->no_answer_label), answer && !has_answer);
  answer = answer && has_answer;
  gtk_widget_set_visible (GTK_WIDGET (self->answer_view), answer && zh && !both);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_en_view), answer && en);
  gtk_widget_set_visible (GTK_WIDGET (self->answer_grid), answer && both);
  gtk_widget_set_visible (self->related_section,
                          answer && gtk_widget_get_first_child (GTK_WIDGET (self->related_box)) != NULL);

  /* An imported bank may have items with no explanation. */
  gtk_widget_set_visible (self->explanation_heading, has_explanation);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_view), has_explanation && zh && !both);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_en_view), has_explanation && en);
  gtk_widget_set_visible (GTK_WIDGET (self->explanation_grid), has_explanation && both);
}

/* Whether the keyboard focus is in the text, which is about to be made
 * anew */
static gboolean
focus_in_text (WendaDetailView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *texts[] = {
    GTK_WIDGET (self->answer_view), GTK_WIDGET (self->answer_en_view), GTK_WIDGET (self->answer_grid),
    GTK_WIDGET (self->explanation_view), GTK_WIDGET (self->explanation_en_view),
    GTK_WIDGET (self->explanation_grid),
  };

  for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (texts); i++)
    if (gtk_widget_is_ancestor (focus, texts[i]))
      return TRUE;
  return FALSE;
}

static void
wenda_detail_view_update_text (WendaDetailView *self)
{
  gboolean had_focus = focus_in_text (self);

  static const struct { WendaQaField field; gsize zh, en; } sections[] = {
    { WENDA_QA_FIELD_ANSWER,
      G_STRUCT_OFFSET (WendaDetailView, answer_view), G_STRUCT_OFFSET (WendaDetailView, answer_en_view) },
    { WENDA_QA_FIELD_EXPLANATION,
      G_STRUCT_OFFSET (WendaDetailView, explanation_view), G_STRUCT_OFFSET (WendaDetailView, explanation_en_view) },
  };

  clear_grid (self->answer_grid);
  clear_grid (self->explanation_grid);
  self->grids_filled = FALSE;

  if (self->item != NULL)
    {
      const char *question_en = wenda_qa_item_get_text (self->item, WENDA_QA_FIELD_QUESTION,
                                                        WENDA_LANGUAGE_EN);

      wenda_label_set_rich_inline (self->question_label, wenda_qa_item_get_question (self->item),
                                   WENDA_LANGUAGE_ZH);
      wenda_label_set_rich_inline (self->question_en_label, question_en, WENDA_LANGUAGE_EN);
      wenda_label_set_rich_inline (self->question_secondary_label, question_en, WENDA_LANGUAGE_EN);
    }
  else
    {
      gtk_label_set_label (self->question_label, "");
      gtk_label_set_label (self->question_en_label, "");
      gtk_label_set_label (self->question_secondary_label, "");
    }

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      WendaRichView *zh = G_STRUCT_MEMBER (WendaRichView *, self, sections[i].zh);
      WendaRichView *en = G_STRUCT_MEMBER (WendaRichView *, self, sections[i].en);

      set_rich_context (self, zh, WENDA_LANGUAGE_ZH);
      set_rich_context (self, en, WENDA_LANGUAGE_EN);
      wenda_rich_view_set_markdown (zh, self->item != NULL ? wenda_qa_item_get_text (self->item, sections[i].field,
                                                                                     WENDA_LANGUAGE_ZH)
                                                           : NULL);
      wenda_rich_view_set_markdown (en, self->item != NULL ? wenda_qa_item_get_text (self->item, sections[i].field,
                                                                                     WENDA_LANGUAGE_EN)
                                                           : NULL);
    }

  wenda_detail_view_update_mode (self);

  /* The focus was on a block that is gone: the start of the new topic */
  if (had_focus)
    wenda_detail_view_focus_start (self);
}

static void
wenda_detail_view_update (WendaDetailView *self)
{
  if (self->item != NULL)
    {
      g_autofree char *number = NULL;

      /* The bank's own number, as written, where it has one */
      if (wenda_qa_item_get_label (self->item) != NULL)
        /* Translators: the bank's own number of a topic, as in "№1.1.3" */
        number = g_strdup_printf (_("№%s"), wenda_qa_item_get_label (self->item));
      else
        /* Translators: the number of a topic, as in "№12" */
        number = g_strdup_printf (_("№%u"), wenda_qa_item_get_number (self->item));
      gtk_label_set_label (self->number_label, number);
    }
  else
    {
      gtk_label_set_label (self->number_label, "");
    }

  wenda_detail_view_update_text (self);
  wenda_detail_view_update_related (self);
}

static gboolean
relayout_idle_cb (gpointer user_data)
{
  WendaDetailView *self = WENDA_DETAIL_VIEW (user_data);

  self->relayout_idle = 0;
  wenda_detail_view_update_mode (self);

  return G_SOURCE_REMOVE;
}

static GtkSizeRequestMode
wenda_detail_view_get_request_mode (GtkWidget *widget)
{
  return gtk_widget_get_request_mode (WENDA_DETAIL_VIEW (widget)->box);
}

static void
wenda_detail_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  WendaDetailView *self = WENDA_DETAIL_VIEW (widget);

  gtk_widget_measure (self->box, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Side by side or stacked depends on the width we get, which is known only
 * at allocation; rebuild the pairs after it, not during it.  (No layout
 * manager here: with one, GTK would not call this.) */
static void
wenda_detail_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  WendaDetailView *self = WENDA_DETAIL_VIEW (widget);
  gboolean side_by_side = width >= SIDE_BY_SIDE_MIN_WIDTH;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);

  if (side_by_side != self->side_by_side)
    {
      self->side_by_side = side_by_side;
      if (self->mode == WENDA_CONTENT_MODE_BOTH && self->relayout_idle == 0)
        self->relayout_idle = g_idle_add (relayout_idle_cb, self);
    }
}

static void
wenda_detail_view_dispose (GObject *object)
{
  WendaDetailView *self = (WendaDetailView *)object;

  g_clear_handle_id (&self->relayout_idle, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_DETAIL_VIEW);
  g_clear_object (&self->item);
  g_clear_object (&self->glossary);
  g_clear_object (&self->media_dir);

  G_OBJECT_CLASS (wenda_detail_view_parent_class)->dispose (object);
}

static void
wenda_detail_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  WendaDetailView *self = WENDA_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_detail_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  WendaDetailView *self = WENDA_DETAIL_VIEW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      wenda_detail_view_set_item (self, g_value_get_object (value));
      break;

    case PROP_MODE:
      wenda_detail_view_set_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_detail_view_class_init (WendaDetailViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_detail_view_dispose;
  object_class->get_property = wenda_detail_view_get_property;
  object_class->set_property = wenda_detail_view_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         WENDA_TYPE_QA_ITEM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       WENDA_TYPE_CONTENT_MODE,
                       WENDA_CONTENT_MODE_ZH,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->get_request_mode = wenda_detail_view_get_request_mode;
  widget_class->measure = wenda_detail_view_measure;
  widget_class->size_allocate = wenda_detail_view_size_allocate;

  /**
   * WendaDetailView::show-topic:
   * @number: the number of the topic to show
   *
   * Emitted when the user follows a link to another topic.
   */
  signals[SHOW_TOPIC] =
    g_signal_new ("show-topic",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  g_type_ensure (WENDA_TYPE_RICH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-detail-view.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, box);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, number_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, section_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, no_answer_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, question_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, question_en_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, question_secondary_label);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, answer_view);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, answer_en_view);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, answer_grid);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, explanation_grid);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, explanation_en_view);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, answer_heading);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, explanation_heading);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, related_section);
  gtk_widget_class_bind_template_child (widget_class, WendaDetailView, related_box);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wenda_detail_view_init (WendaDetailView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->answer_view, "activate-link",
                           G_CALLBACK (on_rich_link_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explanation_view, "activate-link",
                           G_CALLBACK (on_rich_link_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->answer_en_view, "activate-link",
                           G_CALLBACK (on_rich_link_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->explanation_en_view, "activate-link",
                           G_CALLBACK (on_rich_link_activate), self, G_CONNECT_SWAPPED);
}

/**
 * wenda_detail_view_set_glossary:
 * @glossary: (nullable): the terms to link
 */
void
wenda_detail_view_set_glossary (WendaDetailView *self,
                                WendaGlossary   *glossary)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));

  if (g_set_object (&self->glossary, glossary))
    {
      wenda_detail_view_update_text (self);
      wenda_detail_view_update_related (self);
    }
}

/**
 * wenda_detail_view_set_media_dir:
 * @media_dir: (nullable): the folder of the bank's images
 *   (wenda_bank_get_media_dir())
 */
void
wenda_detail_view_set_media_dir (WendaDetailView *self,
                                 GFile           *media_dir)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));

  if (g_set_object (&self->media_dir, media_dir))
    wenda_detail_view_update_text (self);
}

WendaQaItem *
wenda_detail_view_get_item (WendaDetailView *self)
{
  g_return_val_if_fail (WENDA_IS_DETAIL_VIEW (self), NULL);

  return self->item;
}

void
wenda_detail_view_set_item (WendaDetailView *self,
                            WendaQaItem     *item)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));
  g_return_if_fail (!item || WENDA_IS_QA_ITEM (item));

  if (g_set_object (&self->item, item))
    {
      wenda_detail_view_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
    }
}

WendaContentMode
wenda_detail_view_get_mode (WendaDetailView *self)
{
  g_return_val_if_fail (WENDA_IS_DETAIL_VIEW (self), WENDA_CONTENT_MODE_ZH);

  return self->mode;
}

void
wenda_detail_view_set_mode (WendaDetailView  *self,
                            WendaContentMode  mode)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));

  if (self->mode != mode)
    {
      self->mode = mode;
      wenda_detail_view_update_mode (self);
      wenda_detail_view_update_related (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
    }
}

/**
 * wenda_detail_view_set_answer_visible:
 *
 * Shows or hides the answer, the explanation and the related links, as a
 * study card does until it is revealed.
 */
void
wenda_detail_view_set_answer_visible (WendaDetailView *self,
                                      gboolean         visible)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));

  visible = !!visible;
  if (self->answer_hidden == !visible)
    return;

  self->answer_hidden = !visible;
  wenda_detail_view_update_mode (self);
}

gboolean
wenda_detail_view_get_answer_visible (WendaDetailView *self)
{
  g_return_val_if_fail (WENDA_IS_DETAIL_VIEW (self), FALSE);

  return !self->answer_hidden;
}

/**
 * wenda_detail_view_focus_start:
 *
 * Moves keyboard focus to the start of the text, without selecting it, so
 * Page Up/Down and Tab work from the top.
 */
void
wenda_detail_view_focus_start (WendaDetailView *self)
{
  g_return_if_fail (WENDA_IS_DETAIL_VIEW (self));

  {
  GtkLabel *question = self->mode == WENDA_CONTENT_MODE_EN ? self->question_en_label
                                                           : self->question_label;

  /* A selectable label selects all its text when it takes focus. */
  gtk_widget_grab_focus (GTK_WIDGET (question));
  gtk_label_select_region (question, 0, 0);
  }
}
