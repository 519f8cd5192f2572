/* wenda-qa-item.c: one question, its answer and its explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-private.h"
#include "wenda-qa-item.h"

struct _WendaQaItem
{
  GObject parent_instance;

  char   *id;
  char   *question;
  char   *answer;
  char   *explanation;
  guint   number;

  /* The English rendering, set once by wenda_bank_apply_catalog(); a
   * paragraph with no translation is kept in Chinese. */
  char   *question_en;
  char   *answer_en;
  char   *explanation_en;
  guint   translated : 1;

  /* Built on first use */
  char   *search_text;

  /* Numbers of items that ask the same thing, set by WendaBank */
  GArray *duplicates;
};

G_DEFINE_FINAL_TYPE (WendaQaItem, wenda_qa_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_QUESTION,
  PROP_ANSWER,
  PROP_EXPLANATION,
  PROP_QUESTION_EN,
  PROP_ANSWER_EN,
  PROP_EXPLANATION_EN,
  PROP_SEARCH_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wenda_qa_item_finalize (GObject *object)
{
  WendaQaItem *self = (WendaQaItem *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->question, g_free);
  g_clear_pointer (&self->answer, g_free);
  g_clear_pointer (&self->explanation, g_free);
  g_clear_pointer (&self->question_en, g_free);
  g_clear_pointer (&self->answer_en, g_free);
  g_clear_pointer (&self->explanation_en, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->duplicates, g_array_unref);

  G_OBJECT_CLASS (wenda_qa_item_parent_class)->finalize (object);
}

static void
wenda_qa_item_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WendaQaItem *self = WENDA_QA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_QUESTION:
      g_value_set_string (value, self->question);
      break;

    case PROP_ANSWER:
      g_value_set_string (value, self->answer);
      break;

    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;

    case PROP_QUESTION_EN:
      g_value_set_string (value, wenda_qa_item_get_text (self, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN));
      break;

    case PROP_ANSWER_EN:
      g_value_set_string (value, wenda_qa_item_get_text (self, WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN));
      break;

    case PROP_EXPLANATION_EN:
      g_value_set_string (value, wenda_qa_item_get_text (self, WENDA_QA_FIELD_EXPLANATION, WENDA_LANGUAGE_EN));
      break;

    case PROP_SEARCH_TEXT:
      g_value_set_string (value, wenda_qa_item_get_search_text (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The item is immutable: every property is set once, at construction. */
static void
wenda_qa_item_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  WendaQaItem *self = WENDA_QA_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NUMBER:
      self->number = g_value_get_uint (value);
      break;

    case PROP_QUESTION:
      self->question = g_value_dup_string (value);
      break;

    case PROP_ANSWER:
      self->answer = g_value_dup_string (value);
      break;

    case PROP_EXPLANATION:
      self->explanation = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_qa_item_constructed (GObject *object)
{
  WendaQaItem *self = (WendaQaItem *)object;

  G_OBJECT_CLASS (wenda_qa_item_parent_class)->constructed (object);

  /* Never hand NULL to a label: an absent field is an empty string. */
  if (self->id == NULL)
    self->id = g_strdup_printf ("q%u", self->number);
  if (self->question == NULL)
    self->question = g_strdup ("");
  if (self->answer == NULL)
    self->answer = g_strdup ("");
  if (self->explanation == NULL)
    self->explanation = g_strdup ("");
}

static void
wenda_qa_item_class_init (WendaQaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = wenda_qa_item_constructed;
  object_class->finalize = wenda_qa_item_finalize;
  object_class->get_property = wenda_qa_item_get_property;
  object_class->set_property = wenda_qa_item_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* The English rendering; where a paragraph has none, the Chinese. */
  properties[PROP_QUESTION_EN] =
    g_param_spec_string ("question-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER_EN] =
    g_param_spec_string ("answer-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLANATION_EN] =
    g_param_spec_string ("explanation-en", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The text a search runs over: number, question, answer and explanation,
   * in both languages, normalized (NFKC) and case-folded once, so
   * filtering costs one substring scan per item.
   */
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenda_qa_item_init (WendaQaItem *self)
{
}

WendaQaItem *
wenda_qa_item_new (const char *id,
                   guint       number,
                   const char *question,
                   const char *answer,
                   const char *explanation)
{
  return g_object_new (WENDA_TYPE_QA_ITEM,
                       "id", id,
                       "number", number,
                       "question", question,
                       "answer", answer,
                       "explanation", explanation,
                       NULL);
}

const char *
wenda_qa_item_get_id (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->id;
}

guint
wenda_qa_item_get_number (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), 0);

  return self->number;
}

const char *
wenda_qa_item_get_question (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->question;
}

const char *
wenda_qa_item_get_answer (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->answer;
}

const char *
wenda_qa_item_get_explanation (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->explanation;
}

/**
 * wenda_normalize_for_search:
 *
 * Folds @text for matching: NFKC (so full-width Ｌａｔｉｎ and （ match
 * their half-width forms) and then case-folding.  Queries and the
 * searched text go through the same function.
 */
char *
wenda_normalize_for_search (const char *text,
                            gssize      len)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  normalized = g_utf8_normalize (text, len, G_NORMALIZE_NFKC);
  if (normalized == NULL)
    return g_strdup ("");

  return g_utf8_casefold (normalized, -1);
}

const char *
wenda_qa_item_get_search_text (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  if (self->search_text == NULL)
    {
      g_autofree char *joined = NULL;

      joined = g_strdup_printf ("№%u\n%s\n%s\n%s\n%s\n%s\n%s",
                                self->number, self->question,
                                self->answer, self->explanation,
                                self->question_en ? self->question_en : "",
                                self->answer_en ? self->answer_en : "",
                                self->explanation_en ? self->explanation_en : "");
      self->search_text = wenda_normalize_for_search (joined, -1);
    }

  return self->search_text;
}

/* Finds the first bracketed gloss in @text: full-width （…） or ASCII (…). */
static char *
find_parenthesized (const char *text)
{
  static const struct { const char *open, *close; } pairs[] = {
    { "（", "）" },
    { "(", ")" },
  };
  const char *best = NULL;
  const char *best_close = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      const char *open = strstr (text, pairs[i].open);
      const char *close;

      if (open == NULL || (best != NULL && open > best))
        continue;

      open += strlen (pairs[i].open);
      close = strstr (open, pairs[i].close);
      if (close == NULL)
        continue;

      best = open;
      best_close = close;
    }

  if (best == NULL)
    return NULL;

  return g_strndup (best, best_close - best);
}

/**
 * wenda_qa_item_dup_term:
 *
 * Returns the key of the term the question defines, used to find items that
 * ask the same thing.  Questions in the bank gloss their term in
 * parentheses, 迁移学习（Transfer Learning）, so the gloss up to its first
 * comma ("Graph Neural Network，GNN" → "graphneuralnetwork") is the key.
 * A question with no gloss is keyed by its whole normalized text, minus
 * blanks and a trailing question mark.
 */
char *
wenda_qa_item_dup_term (WendaQaItem *self)
{
  g_autofree char *gloss = NULL;
  g_autofree char *folded = NULL;
  GString *key;

  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  gloss = find_parenthesized (self->question);
  if (gloss != NULL)
    {
      /* NFKC turns the full-width comma into ',' */
      folded = wenda_normalize_for_search (gloss, -1);
      folded[strcspn (folded, ",、;")] = '\0';
    }
  else
    {
      folded = wenda_normalize_for_search (self->question, -1);
    }

  /* Drop blanks and the question mark so "Transfer  Learning" and
   * "transfer learning?" agree. */
  key = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == '?')
        continue;
      g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

void
wenda_qa_item_set_duplicates (WendaQaItem *self,
                              const guint *numbers,
                              guint        n_numbers)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_clear_pointer (&self->duplicates, g_array_unref);

  if (n_numbers > 0)
    {
      self->duplicates = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_numbers);
      g_array_append_vals (self->duplicates, numbers, n_numbers);
    }
}

/**
 * wenda_qa_item_get_duplicates:
 * @n_duplicates: (out): the length of the returned array
 *
 * Returns: (transfer none) (nullable): the numbers of the other items in the
 *   bank that ask the same question, in ascending order
 */
const guint *
wenda_qa_item_get_duplicates (WendaQaItem *self,
                              guint       *n_duplicates)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);
  g_return_val_if_fail (n_duplicates != NULL, NULL);

  if (self->duplicates == NULL)
    {
      *n_duplicates = 0;
      return NULL;
    }

  *n_duplicates = self->duplicates->len;
  return (const guint *)(gpointer)self->duplicates->data;
}

/* Same content: id, number and the three texts. */
gboolean
wenda_qa_item_equal (WendaQaItem *a,
                     WendaQaItem *b)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (a), FALSE);
  g_return_val_if_fail (WENDA_IS_QA_ITEM (b), FALSE);

  return a->number == b->number &&
         g_str_equal (a->id, b->id) &&
         g_str_equal (a->question, b->question) &&
         g_str_equal (a->answer, b->answer) &&
         g_str_equal (a->explanation, b->explanation);
}

/**
 * wenda_qa_item_get_text:
 * @field: which text
 * @language: which language
 *
 * Returns the text in @language.  A missing translation falls back to the
 * Chinese source, paragraph by paragraph, never to an empty string.
 */
const char *
wenda_qa_item_get_text (WendaQaItem   *self,
                        WendaQaField   field,
                        WendaLanguage  language)
{
  const char *source = NULL;
  const char *translation = NULL;

  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  switch (field)
    {
    case WENDA_QA_FIELD_QUESTION:
      source = self->question;
      translation = self->question_en;
      break;

    case WENDA_QA_FIELD_ANSWER:
      source = self->answer;
      translation = self->answer_en;
      break;

    case WENDA_QA_FIELD_EXPLANATION:
      source = self->explanation;
      translation = self->explanation_en;
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (language == WENDA_LANGUAGE_EN && translation != NULL)
    return translation;

  return source;
}

/**
 * wenda_qa_item_has_translation:
 *
 * Returns: %TRUE if every paragraph of the item has an English rendering
 */
gboolean
wenda_qa_item_has_translation (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), FALSE);

  return self->translated;
}

void
wenda_qa_item_set_translation (WendaQaItem *self,
                               const char  *question,
                               const char  *answer,
                               const char  *explanation,
                               gboolean     complete)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_free (self->question_en);
  g_free (self->answer_en);
  g_free (self->explanation_en);
  self->question_en = g_strdup (question);
  self->answer_en = g_strdup (answer);
  self->explanation_en = g_strdup (explanation);
  self->translated = !!complete;

  /* The search covers both languages. */
  g_clear_pointer (&self->search_text, g_free);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUESTION_EN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANSWER_EN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION_EN]);
}

/**
 * wenda_split_paragraphs:
 * @text: a field's text
 *
 * Splits @text at blank lines ("\n\n"), the way answers and explanations
 * store their paragraphs.  The paragraphs are the units of translation and
 * of the bilingual pairing.
 *
 * Returns: (transfer full): the paragraphs; empty for an empty text
 */
char **
wenda_split_paragraphs (const char *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  parts = g_strsplit (text, "\n\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  return g_strv_builder_end (builder);
}
