/* wenda-glossary.c: the bilingual terms of a bank, and links between items
 *
 * A bank glosses its terms in parentheses: 张量并行（Tensor Parallelism,
 * TP）, LoRA（低秩适配）.  Each gloss that is a term (which ones are, and
 * where their Chinese starts: wenda-glossary-gloss.c) is an occurrence of
 * the term; they are grouped by their English (an abbreviation-only gloss,
 * 大型卷积神经网络（CNN）, joins the term whose abbreviation it is), and
 * where several give a term, the longest common suffix of their Chinese
 * is its Chinese.
 *
 * An item defines a term when its question glosses it; for a term that
 * no question glosses, the items whose question names it define it.  In an
 * item's text, a term that another item defines becomes a link to the first
 * of them: a link goes only to a topic that defines the term.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-glossary.h"
#include "wenda-glossary-private.h"
#include "wenda-md-blocks-private.h"

struct _WendaGlossaryTerm
{
  GObject    parent_instance;

  char      *zh;
  char      *en;
  char      *abbreviation;  /* nullable */
  char      *en_lowered;    /* for matching, ignoring case */
  char      *search_text;
  GArray    *definers;      /* guint item numbers, ascending */
  GArray    *users;         /* guint item numbers, ascending */
  GArray    *namers;        /* while building: the items whose question names it */
  GPtrArray *words;         /* while building: the Chinese of each gloss */
  guint      order;         /* its place in the glossary, for scan_terms() */
  guint      stamp;         /* the scan_terms() call that last tried it */
};

struct _WendaGlossary
{
  GObject    parent_instance;

  GPtrArray *terms;         /* of WendaGlossaryTerm, sorted by English */

  /* scan_terms()'s index: the terms by the first two bytes of each of
   * their forms (a guint16 key → GPtrArray), and those with a form too
   * short for a key.  Built on first use, when the terms are final. */
  GHashTable *by_pair;
  GPtrArray  *short_terms;
  guint       stamp;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE (WendaGlossaryTerm, wenda_glossary_term, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE_WITH_CODE (WendaGlossary, wenda_glossary, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  TERM_PROP_0,
  TERM_PROP_ZH,
  TERM_PROP_EN,
  TERM_PROP_ABBREVIATION,
  TERM_PROP_SEARCH_TEXT,
  TERM_PROP_N_USERS,
  TERM_N_PROPS
};

static GParamSpec *term_properties[TERM_N_PROPS];

static void
wenda_glossary_term_finalize (GObject *object)
{
  WendaGlossaryTerm *self = (WendaGlossaryTerm *)object;

  g_clear_pointer (&self->zh, g_free);
  g_clear_pointer (&self->en, g_free);
  g_clear_pointer (&self->abbreviation, g_free);
  g_clear_pointer (&self->en_lowered, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->definers, g_array_unref);
  g_clear_pointer (&self->users, g_array_unref);
  g_clear_pointer (&self->namers, g_array_unref);
  g_clear_pointer (&self->words, g_ptr_array_unref);

  G_OBJECT_CLASS (wenda_glossary_term_parent_class)->finalize (object);
}

static void
wenda_glossary_term_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WendaGlossaryTerm *self = WENDA_GLOSSARY_TERM (object);

  switch (prop_id)
    {
    case TERM_PROP_ZH:
      g_value_set_string (value, self->zh);
      break;

    case TERM_PROP_EN:
      g_value_set_string (value, self->en);
      break;

    case TERM_PROP_ABBREVIATION:
      g_value_set_string (value, self->abbreviation);
      break;

    case TERM_PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;

    case TERM_PROP_N_USERS:
      g_value_set_uint (value, self->users->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_glossary_term_class_init (WendaGlossaryTermClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_glossary_term_finalize;
  object_class->get_property = wenda_glossary_term_get_property;

  term_properties[TERM_PROP_ZH] =
    g_param_spec_string ("zh", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  term_properties[TERM_PROP_EN] =
    g_param_spec_string ("en", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  term_properties[TERM_PROP_ABBREVIATION] =
    g_param_spec_string ("abbreviation", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  term_properties[TERM_PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  term_properties[TERM_PROP_N_USERS] =
    g_param_spec_uint ("n-users", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, TERM_N_PROPS, term_properties);
}

static void
wenda_glossary_term_init (WendaGlossaryTerm *self)
{
  self->definers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->users = g_array_new (FALSE, FALSE, sizeof (guint));
  self->namers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->words = g_ptr_array_new_with_free_func (g_free);
}

const char *
wenda_glossary_term_get_zh (WendaGlossaryTerm *self)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  return self->zh;
}

const char *
wenda_glossary_term_get_en (WendaGlossaryTerm *self)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  return self->en;
}

/**
 * wenda_glossary_term_get_abbreviation:
 *
 * Returns: (nullable): the abbreviation the bank gives, such as "GNN"
 */
const char *
wenda_glossary_term_get_abbreviation (WendaGlossaryTerm *self)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  return self->abbreviation;
}

const char *
wenda_glossary_term_get_search_text (WendaGlossaryTerm *self)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  return self->search_text;
}

/**
 * wenda_glossary_term_get_definers:
 *
 * Returns: the numbers of the items whose question glosses the term
 */
const guint *
wenda_glossary_term_get_definers (WendaGlossaryTerm *self,
                                  guint             *n_definers)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  g_return_val_if_fail (n_definers != NULL, NULL);

  *n_definers = self->definers->len;
  return (const guint *)(gpointer)self->definers->data;
}

/**
 * wenda_glossary_term_get_users:
 *
 * Returns: the numbers of the items whose text, in either language, uses
 *   the term
 */
const guint *
wenda_glossary_term_get_users (WendaGlossaryTerm *self,
                               guint             *n_users)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY_TERM (self), NULL);
  g_return_val_if_fail (n_users != NULL, NULL);

  *n_users = self->users->len;
  return (const guint *)(gpointer)self->users->data;
}

static void
add_number (GArray *numbers,
            guint   number)
{
  /* Kept sorted and unique; numbers arrive mostly in order. */
  guint i = numbers->len;

  while (i > 0 && g_array_index (numbers, guint, i - 1) > number)
    i--;
  if (i > 0 && g_array_index (numbers, guint, i - 1) == number)
    return;
  g_array_insert_val (numbers, i, number);
}

static gboolean
has_number (GArray *numbers,
            guint   number)
{
  for (guint i = 0; i < numbers->len; i++)
    if (g_array_index (numbers, guint, i) == number)
      return TRUE;
  return FALSE;
}

/* GListModel */

static GType
wenda_glossary_get_item_type (GListModel *model)
{
  return WENDA_TYPE_GLOSSARY_TERM;
}

static guint
wenda_glossary_get_n_items (GListModel *model)
{
  return WENDA_GLOSSARY (model)->terms->len;
}

static gpointer
wenda_glossary_get_item (GListModel *model,
                         guint       position)
{
  WendaGlossary *self = WENDA_GLOSSARY (model);

  if (position >= self->terms->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->terms, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = wenda_glossary_get_item_type;
  iface->get_n_items = wenda_glossary_get_n_items;
  iface->get_item = wenda_glossary_get_item;
}

static void
wenda_glossary_finalize (GObject *object)
{
  WendaGlossary *self = (WendaGlossary *)object;

  g_clear_pointer (&self->terms, g_ptr_array_unref);
  g_clear_pointer (&self->by_pair, g_hash_table_unref);
  g_clear_pointer (&self->short_terms, g_ptr_array_unref);

  G_OBJECT_CLASS (wenda_glossary_parent_class)->finalize (object);
}

static void
wenda_glossary_class_init (WendaGlossaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = wenda_glossary_finalize;
}

static void
wenda_glossary_init (WendaGlossary *self)
{
  self->terms = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Building {{{ */

/* The longest common suffix, in whole characters, of every word; when
 * it is less than a word (two Han characters), the first of the most
 * frequent words. */
static char *
common_word (GPtrArray *words)
{
  const char *first = g_ptr_array_index (words, 0);
  gsize first_len = strlen (first);
  gsize suffix = first_len;
  const char *best = first;
  guint best_count = 0;

  for (guint i = 1; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gsize len = strlen (word);
      gsize k = 0;

      while (k < suffix && k < len && first[first_len - 1 - k] == word[len - 1 - k])
        k++;
      suffix = k;
    }

  /* Back up to a character boundary, and past a blank */
  while (suffix > 0 && (first[first_len - suffix] & 0xC0) == 0x80)
    suffix--;
  while (suffix > 0 && first[first_len - suffix] == ' ')
    suffix--;

  if (wenda_glossary_count_han (first + first_len - suffix, first + first_len) >= 2)
    return g_strdup (first + first_len - suffix);

  for (guint i = 0; i < words->len; i++)
    {
      guint count = 0;

      for (guint j = 0; j < words->len; j++)
        if (g_str_equal (g_ptr_array_index (words, i), g_ptr_array_index (words, j)))
          count++;
      if (count > best_count)
        {
          best = g_ptr_array_index (words, i);
          best_count = count;
        }
    }

  return g_strdup (best);
}

typedef struct
{
  GHashTable *by_key;       /* casefolded English → WendaGlossaryTerm (owned) */
  guint       number;       /* the item being read */
  gboolean    is_question;  /* its question is being read */
} Builder;

static WendaGlossaryTerm *
builder_term (Builder    *builder,
              const char *en)
{
  g_autofree char *key = g_ascii_strdown (en, -1);
  WendaGlossaryTerm *term = g_hash_table_lookup (builder->by_key, key);

  if (term == NULL)
    {
      term = g_object_new (WENDA_TYPE_GLOSSARY_TERM, NULL);
      term->en = g_strdup (en);
      g_hash_table_insert (builder->by_key, g_steal_pointer (&key), term);
    }

  return term;
}

/* A gloss of the item being read (WendaGlossFunc) */
static void
builder_add (char     *zh,
             char     *en,
             char     *abbreviation,
             gpointer  data)
{
  Builder *builder = data;
  WendaGlossaryTerm *term = builder_term (builder, en);

  g_ptr_array_add (term->words, zh);
  if (abbreviation != NULL && term->abbreviation == NULL)
    term->abbreviation = abbreviation;
  else
    g_free (abbreviation);
  if (builder->is_question)
    add_number (term->definers, builder->number);
  g_free (en);
}

/* Whether two lists of Chinese words have one in common */
static gboolean
share_word (GPtrArray *a,
            GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, j)))
        return TRUE;
  return FALSE;
}

static void
merge_into (WendaGlossaryTerm *into,
            WendaGlossaryTerm *from)
{
  for (guint i = 0; i < from->words->len; i++)
    g_ptr_array_add (into->words, g_strdup (g_ptr_array_index (from->words, i)));
  for (guint i = 0; i < from->definers->len; i++)
    add_number (into->definers, g_array_index (from->definers, guint, i));
}

/* }}} */

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  WendaGlossaryTerm *x = *(WendaGlossaryTerm **)a;
  WendaGlossaryTerm *y = *(WendaGlossaryTerm **)b;

  return g_ascii_strcasecmp (x->en, y->en);
}

static gboolean
is_word_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_';
}

/* Whether @pattern occurs in @text at @at, as a whole word when it is
 * Latin.  Returns the length matched, or 0.  A plural "s" may follow. */
static gsize
match_at (const char *text,
          gsize       text_len,
          gsize       at,
          const char *pattern,
          gboolean    ignore_case)
{
  gsize len = strlen (pattern);
  gboolean latin = g_ascii_isalnum (pattern[0]);

  if (len == 0 || at + len > text_len)
    return 0;

  if (ignore_case ? g_ascii_strncasecmp (text + at, pattern, len) != 0
                  : memcmp (text + at, pattern, len) != 0)
    return 0;

  if (latin)
    {
      gsize after = at + len;

      if (at > 0 && is_word_char (text[at - 1]))
        return 0;
      if (after < text_len && text[after] == 's')
        after++;
      if (after < text_len && is_word_char (text[after]))
        return 0;
    }

  return len;
}

/* Whether @pattern occurs in @text as a whole word (see match_at()).
 * strstr() finds the candidates, so this costs one scan, not one
 * comparison at every byte. */
static gboolean
occurs_as_word (const char *text,
                gsize       len,
                const char *pattern)
{
  for (const char *p = strstr (text, pattern); p != NULL; p = strstr (p + 1, pattern))
    {
      if (match_at (text, len, p - text, pattern, FALSE))
        return TRUE;
    }

  return FALSE;
}

typedef void (*TermFunc) (WendaGlossaryTerm *term,
                          gsize              start,
                          gsize              end,
                          gpointer           data);

/* A form's key: its first six bytes (two Chinese characters), or four,
 * or two when it is shorter (the length is part of the key). */
static gpointer
form_key (const char *s,
          gsize       n)
{
  gsize key = n;

  for (gsize i = 0; i < n; i++)
    key = (key << 8) | (guchar) s[i];

  return GSIZE_TO_POINTER (key);
}

static void
index_form (WendaGlossary     *self,
            WendaGlossaryTerm *term,
            const char        *form)
{
  GPtrArray *list;
  gpointer key;
  gsize len;

  if (form == NULL)
    return;

  len = strlen (form);
  if (len < 2)
    {
      g_ptr_array_add (self->short_terms, term);
      return;
    }

  key = form_key (form, len >= 6 ? 6 : len >= 4 ? 4 : 2);
  list = g_hash_table_lookup (self->by_pair, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_pair, key, list);
    }
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != term)
    g_ptr_array_add (list, term);
}

static void
build_index (WendaGlossary *self)
{
  self->by_pair = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->short_terms = g_ptr_array_new ();

  for (guint t = 0; t < self->terms->len; t++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (self->terms, t);

      term->order = t;
      index_form (self, term, term->zh);
      index_form (self, term, term->en_lowered);
      index_form (self, term, term->abbreviation);
    }
}

static gboolean
term_occurs (WendaGlossaryTerm *term,
             const char        *text,
             const char        *lowered,
             gsize              len,
             gboolean           defined_only)
{
  if (defined_only && term->definers->len == 0)
    return FALSE;

  return strstr (text, term->zh) != NULL ||
         occurs_as_word (lowered, len, term->en_lowered) ||
         (term->abbreviation != NULL && occurs_as_word (text, len, term->abbreviation));
}

static void
try_term (WendaGlossary     *self,
          WendaGlossaryTerm *term,
          const char        *text,
          const char        *lowered,
          gsize              len,
          gboolean           defined_only,
          GPtrArray         *candidates)
{
  if (term->stamp == self->stamp)
    return;

  term->stamp = self->stamp;
  if (term_occurs (term, text, lowered, len, defined_only))
    g_ptr_array_add (candidates, term);
}

/* Tries the terms with a form that starts at a place of @scan: every
 * character start (words need not start at a boundary in Chinese). */
static void
try_pairs (WendaGlossary *self,
           const char    *scan,
           gsize          len,
           const char    *text,
           const char    *lowered,
           gboolean       defined_only,
           GPtrArray     *candidates)
{
  for (gsize i = 0; i + 1 < len; i++)
    {
      /* UTF-8 continuation bytes start no form. */
      if (((guchar) scan[i] & 0xC0) == 0x80)
        continue;

      for (gsize n = 2; n <= 6 && i + n <= len; n += 2)
        {
          GPtrArray *list = g_hash_table_lookup (self->by_pair, form_key (scan + i, n));

          if (list == NULL)
            continue;
          for (guint k = 0; k < list->len; k++)
            try_term (self, g_ptr_array_index (list, k), text, lowered, len, defined_only,
                      candidates);
        }
    }
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  const WendaGlossaryTerm *ta = *(WendaGlossaryTerm **) a;
  const WendaGlossaryTerm *tb = *(WendaGlossaryTerm **) b;

  return (ta->order > tb->order) - (ta->order < tb->order);
}

/* Calls @func for each term occurring in @text, left to right; at each
 * place the longest term wins (自注意力机制, not 注意力机制 after 自) and the
 * text it covers is not searched again.  Only the terms that occur in the
 * text at all are tried at every position.  Those are found through an
 * index of the terms by their first two bytes, so a text costs one pass
 * and a few exact checks, not one strstr() per term: a bank of 100,000
 * items and 3,700 terms took 100 s to build the other way.  With
 * @defined_only, terms no item defines are skipped. */
static void
scan_terms (WendaGlossary *self,
            const char    *text,
            gboolean       defined_only,
            TermFunc       func,
            gpointer       data)
{
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autofree char *lowered = g_ascii_strdown (text, -1);
  gsize len = strlen (text);
  gsize at = 0;

  if (self->by_pair == NULL)
    build_index (self);

  if (++self->stamp == 0)
    {
      /* Wrapped: no term may look tried. */
      for (guint t = 0; t < self->terms->len; t++)
        ((WendaGlossaryTerm *) g_ptr_array_index (self->terms, t))->stamp = 0;
      self->stamp = 1;
    }

  for (guint t = 0; t < self->short_terms->len; t++)
    try_term (self, g_ptr_array_index (self->short_terms, t), text, lowered, len,
              defined_only, candidates);
  try_pairs (self, text, len, text, lowered, defined_only, candidates);
  try_pairs (self, lowered, len, text, lowered, defined_only, candidates);

  /* In the glossary's order, as a scan of every term would find them: the
   * first of two equally long matches wins. */
  g_ptr_array_sort (candidates, compare_order);

  while (candidates->len > 0 && at < len)
    {
      WendaGlossaryTerm *best = NULL;
      gsize best_len = 0;

      for (guint t = 0; t < candidates->len; t++)
        {
          WendaGlossaryTerm *term = g_ptr_array_index (candidates, t);
          gsize m;

          m = match_at (text, len, at, term->zh, FALSE);
          m = MAX (m, match_at (text, len, at, term->en, TRUE));
          if (term->abbreviation)
            m = MAX (m, match_at (text, len, at, term->abbreviation, FALSE));

          if (m > best_len)
            {
              best = term;
              best_len = m;
            }
        }

      if (best == NULL)
        {
          at = g_utf8_next_char (text + at) - text;
          continue;
        }

      func (best, at, at + best_len, data);
      at += best_len;
    }
}

typedef struct
{
  guint    number;
  gboolean is_question;
} UserScan;

static void
add_user (WendaGlossaryTerm *term,
          gsize              start,
          gsize              end,
          gpointer           data)
{
  UserScan *scan = data;

  add_number (term->users, scan->number);
  if (scan->is_question)
    add_number (term->namers, scan->number);
}

/**
 * wenda_glossary_new_for_bank:
 *
 * Builds the glossary from the bank's text.  Items that use a term are
 * found in both languages.  An item defines a term when its question
 * glosses it; for a term that no question glosses, the items whose
 * question names it (in either language) define it.
 */
WendaGlossary *
wenda_glossary_new_for_bank (WendaBank *bank)
{
  g_autoptr(GHashTable) by_key = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  WendaGlossary *self;
  Builder builder;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);

  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  builder.by_key = by_key;
  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      builder.number = wenda_qa_item_get_number (item);
      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          builder.is_question = f == WENDA_QA_FIELD_QUESTION;
          wenda_glossary_scan_glosses (text, wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH),
                                       builder_add, &builder);
        }
    }

  /* An abbreviation-only gloss joins the term it abbreviates. */
  all = g_ptr_array_new ();
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_key);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (all, value);
  }
  for (guint i = 0; i < all->len; i++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (all, i);

      if (term->abbreviation == NULL)
        continue;

      for (guint j = 0; j < all->len; j++)
        {
          WendaGlossaryTerm *other = g_ptr_array_index (all, j);

          if (other != term && other->words->len > 0 &&
              g_ascii_strcasecmp (other->en, term->abbreviation) == 0)
            {
              merge_into (term, other);
              g_ptr_array_set_size (other->words, 0);
              g_array_set_size (other->definers, 0);
            }
        }
    }

  /* So does one that abbreviates the English of a term with the same
   * Chinese, which gave none: 数据并行（Data Parallelism）, then 数据并行（DP） */
  for (guint i = 0; i < all->len; i++)
    {
      WendaGlossaryTerm *acronym = g_ptr_array_index (all, i);

      if (acronym->words->len == 0 || acronym->abbreviation != NULL ||
          strchr (acronym->en, ' ') != NULL)
        continue;

      for (guint j = 0; j < all->len; j++)
        {
          WendaGlossaryTerm *term = g_ptr_array_index (all, j);

          if (term != acronym && term->words->len > 0 && term->abbreviation == NULL &&
              wenda_glossary_abbreviates (acronym->en, term->en) &&
              share_word (term->words, acronym->words))
            {
              term->abbreviation = g_strdup (acronym->en);
              merge_into (term, acronym);
              g_ptr_array_set_size (acronym->words, 0);
              g_array_set_size (acronym->definers, 0);
              break;
            }
        }
    }

  self = g_object_new (WENDA_TYPE_GLOSSARY, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (all, i);
      g_autofree char *joined = NULL;

      if (term->words->len == 0)
        continue;

      term->zh = common_word (term->words);
      g_ptr_array_set_size (term->words, 0);

      joined = g_strjoin ("\n", term->zh, term->en, term->abbreviation ? term->abbreviation : "", NULL);
      term->search_text = wenda_normalize_for_search (joined, -1);
      g_ptr_array_add (self->terms, g_object_ref (term));
    }

  g_ptr_array_sort (self->terms, compare_terms);

  for (guint t = 0; t < self->terms->len; t++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (self->terms, t);

      term->en_lowered = g_ascii_strdown (term->en, -1);
    }

  /* Who uses each term, in either language, and whose question names it */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      UserScan scan = { wenda_qa_item_get_number (item), FALSE };

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          const char *zh = wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH);
          const char *en = wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_EN);

          scan.is_question = f == WENDA_QA_FIELD_QUESTION;
          for (WendaLanguage l = WENDA_LANGUAGE_ZH; l <= WENDA_LANGUAGE_EN; l++)
            {
              /* A term is used where the scan for links would find it:
               * 注意力机制 inside 自注意力机制 is not a use.  An item with
               * no English has its Chinese in both. */
              g_autofree char *plain = NULL;

              if (l == WENDA_LANGUAGE_EN && en == zh)
                continue;
              plain = wenda_markdown_to_plain (l == WENDA_LANGUAGE_ZH ? zh : en, -1);
              scan_terms (self, plain, FALSE, add_user, &scan);
            }
        }
    }

  for (guint t = 0; t < self->terms->len; t++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (self->terms, t);

      if (term->definers->len == 0)
        g_array_append_vals (term->definers, term->namers->data, term->namers->len);
      g_array_set_size (term->namers, 0);
    }

  return self;
}

/**
 * wenda_glossary_lookup:
 * @zh_or_en: a term in Chinese, or its English or abbreviation
 *
 * Returns: (transfer none) (nullable): the term
 */
WendaGlossaryTerm *
wenda_glossary_lookup (WendaGlossary *self,
                       const char    *zh_or_en)
{
  g_return_val_if_fail (WENDA_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (zh_or_en != NULL, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      WendaGlossaryTerm *term = g_ptr_array_index (self->terms, i);

      if (g_str_equal (term->zh, zh_or_en) ||
          g_ascii_strcasecmp (term->en, zh_or_en) == 0 ||
          (term->abbreviation && g_str_equal (term->abbreviation, zh_or_en)))
        return term;
    }

  return NULL;
}

typedef struct
{
  GArray *links;
  guint   item_number;
} LinkScan;

static void
add_link (WendaGlossaryTerm *term,
          gsize              start,
          gsize              end,
          gpointer           data)
{
  LinkScan *scan = data;
  WendaTermLink link = {
    .start = start,
    .end = end,
    .target = g_array_index (term->definers, guint, 0),
    .term = term,
  };

  /* A term the item defines itself is no link. */
  if (!has_number (term->definers, scan->item_number))
    g_array_append_val (scan->links, link);
}

/**
 * wenda_glossary_find_links:
 * @text: an item's text, in either language
 * @item_number: the item the text belongs to
 *
 * Finds the terms in @text that another item defines.  At each place the
 * longest term wins, so 自注意力机制 is one term, not 注意力机制 after 自.
 * A term the item defines itself is no link (and hides the shorter terms
 * inside it).
 *
 * Returns: (transfer full) (element-type WendaTermLink): the links, in
 *   order, not overlapping
 */
GArray *
wenda_glossary_find_links (WendaGlossary *self,
                           const char    *text,
                           guint          item_number)
{
  LinkScan scan;

  g_return_val_if_fail (WENDA_IS_GLOSSARY (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  scan.links = g_array_new (FALSE, FALSE, sizeof (WendaTermLink));
  scan.item_number = item_number;
  scan_terms (self, text, TRUE, add_link, &scan);

  return scan.links;
}
