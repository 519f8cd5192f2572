/* wenda-qa-item.c: one question, its answer and its explanation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-qa-item-private.h"
#include "wenda-md-blocks-private.h"
#include "wenda-section.h"
#include "wenda-text-check-private.h"

struct _WendaQaItem
{
  GObject parent_instance;

  char   *id;
  char   *question;
  char   *answer;
  char   *explanation;
  guint   number;
  char   *label;        /* the bank's own number ("1.1.3"), or NULL */
  WendaSection *section; /* owned, or NULL */

  /* When set, one block holding the id and the texts, which point into it
   * (wenda_qa_item_new_packed()) */
  char   *texts;

  /* The English rendering, set once by wenda_bank_apply_catalog(); a
   * paragraph with no translation is kept in Chinese. */
  char   *question_en;
  char   *answer_en;
  char   *explanation_en;
  guint   translated : 1;

  /* Built on first use */
  char   *search_text;

  /* Items that ask the same thing, set by WendaBank: the group, shared
   * by all its items, and this item's position in it */
  WendaDuplicateGroup *group;
  guint                group_position;

  /* The numbers of the others, built from group on first use (or set
   * directly by wenda_qa_item_set_duplicates()) */
  GArray *duplicates;
};

/* The value of an absent text.  It is shared, not allocated per item;
 * clear_text() knows not to free it. */
static char empty_text[] = "";

static void
clear_text (char **text)
{
  if (*text != empty_text)
    g_free (*text);
  *text = NULL;
}

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

  if (self->texts != NULL)
    {
      /* id and texts point into it */
      g_clear_pointer (&self->texts, g_free);
    }
  else
    {
      g_clear_pointer (&self->id, g_free);
      clear_text (&self->question);
      clear_text (&self->answer);
      clear_text (&self->explanation);
    }
  g_clear_pointer (&self->question_en, g_free);
  g_clear_pointer (&self->answer_en, g_free);
  g_clear_pointer (&self->explanation_en, g_free);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->section);
  g_clear_pointer (&self->duplicates, g_array_unref);
  g_clear_pointer (&self->group, g_atomic_rc_box_release);

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

static void
wenda_qa_item_class_init (WendaQaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_qa_item_finalize;
  object_class->get_property = wenda_qa_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUESTION] =
    g_param_spec_string ("question", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ANSWER] =
    g_param_spec_string ("answer", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

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
  self->question = empty_text;
  self->answer = empty_text;
  self->explanation = empty_text;
}

/* Items are immutable, and a bank holds 100,000s of them: they are built
 * here, with no construct properties (GObject would set each to its
 * default first, through a GValue) and each string copied at most once.
 * The properties are read-only. */
static WendaQaItem *
item_new (char  *id,
          guint  number,
          char  *question,
          char  *answer,
          char  *explanation)
{
  WendaQaItem *self = g_object_new (WENDA_TYPE_QA_ITEM, NULL);

  self->number = number;
  self->id = id;
  self->question = question;
  self->answer = answer;
  self->explanation = explanation;

  return self;
}

/* An absent text is the shared empty string: a label never gets NULL. */
static inline char *
dup_text (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : empty_text;
}

WendaQaItem *
wenda_qa_item_new (const char *id,
                   guint       number,
                   const char *question,
                   const char *answer,
                   const char *explanation)
{
  return item_new (id != NULL ? g_strdup (id) : g_strdup_printf ("q%u", number),
                   number, dup_text (question), dup_text (answer), dup_text (explanation));
}

/* Copies the id and texts of an item (pieces of text, not NUL-terminated)
 * into one block, for wenda_qa_item_new_packed(): one allocation per item,
 * for the readers. */
void
wenda_packed_item_init (WendaPackedItem *packed,
                        guint            number,
                        const char      *id,
                        gsize            id_len,
                        const char      *question,
                        gsize            question_len,
                        const char      *answer,
                        gsize            answer_len,
                        const char      *explanation,
                        gsize            explanation_len)
{
  const char *sources[4] = { id, question, answer, explanation };
  const gsize lengths[4] = { id_len, question_len, answer_len, explanation_len };
  char *p;

  packed->number = number;
  packed->label = NULL;
  packed->section = NULL;
  packed->texts = p = g_malloc (id_len + question_len + answer_len + explanation_len + 4);

  for (guint i = 0; i < 4; i++)
    {
      packed->lengths[i] = lengths[i];
      if (lengths[i] > 0)
        memcpy (p, sources[i], lengths[i]);
      p[lengths[i]] = '\0';
      p += lengths[i] + 1;
    }
}

void
wenda_packed_item_clear (WendaPackedItem *packed)
{
  g_clear_pointer (&packed->texts, g_free);
  g_clear_pointer (&packed->label, g_free);
  g_clear_object (&packed->section);
}

/* The item of @packed, which it empties (the item takes the block) */
WendaQaItem *
wenda_qa_item_new_packed (WendaPackedItem *packed)
{
  char *texts = g_steal_pointer (&packed->texts);
  char *pieces[4];
  char *p = texts;
  WendaQaItem *self;

  for (guint i = 0; i < 4; i++)
    {
      pieces[i] = packed->lengths[i] > 0 ? p : empty_text;
      p += packed->lengths[i] + 1;
    }

  self = item_new (texts, packed->number, pieces[1], pieces[2], pieces[3]);
  self->texts = texts;
  self->label = g_steal_pointer (&packed->label);
  self->section = g_steal_pointer (&packed->section);

  return self;
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

/* Folding {{{ */

/* The definition of the folding: NFKC, then case-folding, with GLib.
 * Invalid UTF-8 folds to nothing. */
static void
append_folded_slow (GString    *out,
                    const char *text,
                    gssize      length)
{
  g_autofree char *normalized = g_utf8_normalize (text, length, G_NORMALIZE_NFKC);
  g_autofree char *folded = NULL;

  if (normalized == NULL)
    return;

  folded = g_utf8_casefold (normalized, -1);
  g_string_append (out, folded);
}

/* Characters that NFKC and case-folding map on their own, whatever
 * surrounds them, and that never compose with the character before
 * them: ASCII, the CJK unified ideographs, full-width ASCII and common
 * CJK and typographic punctuation.  They are nearly all of a bank's text.
 * Each is a starter with no canonical decomposition, so it bounds a
 * normalization segment: cutting the text before one changes nothing. */
static inline gboolean
is_simple (gunichar c)
{
  return c < 0x80 ||
         (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xFF01 && c <= 0xFF5E) ||
         c == 0x3001 || c == 0x3002 ||
         (c >= 0x3008 && c <= 0x3011) ||
         c == 0x2013 || c == 0x2014 ||
         c == 0x2018 || c == 0x2019 || c == 0x201C || c == 0x201D;
}

/* Appends @text (@length bytes of valid UTF-8) folded exactly as
 * append_folded_slow() would fold it, ~10× faster.  A simple character
 * followed by a simple character (or the end) is folded by hand: ASCII
 * and full-width ASCII (which NFKC maps to ASCII) to lower case, the
 * others are kept.  A simple character followed by something else may
 * compose with it ("e" + U+0301), so it goes, with the run of non-simple
 * characters after it, through GLib. */
/* g_utf8_get_char() for valid UTF-8, inline: this is the inner loop of
 * folding a bank's text */
static inline gunichar
decode_valid (const char *s)
{
  const guchar *p = (const guchar *)s;

  if (p[0] < 0x80)
    return p[0];
  if (p[0] < 0xE0)
    return ((p[0] & 0x1F) << 6) | (p[1] & 0x3F);
  if (p[0] < 0xF0)
    return ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
  return ((p[0] & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

static inline char
ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static void
append_folded_valid (GString    *out,
                     const char *text,
                     gsize       length)
{
  const char *p = text;
  const char *end = text + length;
  char *o;

  /* A simple character never grows when folded, so reserve @length bytes
   * and write into them; only GLib's runs may need more. */
  g_string_set_size (out, out->len + length);
  o = out->str + out->len - length;

  while (p < end)
    {
      const char *next;
      const char *q;
      gunichar c;

      if ((guchar)*p < 0x80)
        {
          if (p + 1 == end || (guchar)p[1] < 0x80)
            {
              *o++ = ascii_lower (*p++);
              continue;
            }
          c = (guchar)*p;
          next = p + 1;
        }
      else
        {
          c = decode_valid (p);
          next = g_utf8_next_char (p);
        }

      if (is_simple (c) && (next == end || is_simple (decode_valid (next))))
        {
          if (c < 0x80)
            *o++ = ascii_lower ((char)c);
          else if (c >= 0xFF01 && c <= 0xFF5E)
            *o++ = ascii_lower ((char)(c - 0xFEE0));
          else
            {
              memcpy (o, p, next - p);
              o += next - p;
            }
          p = next;
          continue;
        }

      for (q = next; q < end && !is_simple (decode_valid (q)); q = g_utf8_next_char (q))
        ;
      g_string_truncate (out, o - out->str);
      append_folded_slow (out, p, q - p);
      p = q;
      g_string_set_size (out, out->len + (end - p));
      o = out->str + out->len - (end - p);
    }

  g_string_truncate (out, o - out->str);
}

/* Appends @text folded for matching (see wenda_normalize_for_search()). */
static void
append_folded (GString    *out,
               const char *text,
               gssize      length)
{
  if (length < 0)
    length = strlen (text);

  /* Anything odd (invalid UTF-8, a NUL inside @length) keeps GLib's
   * behaviour by going the slow way. */
  if (wenda_utf8_validate (text, length))
    append_folded_valid (out, text, length);
  else
    append_folded_slow (out, text, length);
}

/**
 * wenda_normalize_for_search_append:
 *
 * Appends @text (@len bytes, or NUL-terminated if -1) to @out folded as
 * wenda_normalize_for_search() folds it, for callers that fold many texts
 * into one buffer.
 */
void
wenda_normalize_for_search_append (GString    *out,
                                   const char *text,
                                   gssize      len)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL);

  append_folded (out, text, len);
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
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (len < 0 ? 64 : len + 1);
  append_folded (out, text, len);
  return g_string_free (out, FALSE);
}

/**
 * wenda_normalize_for_search_slow:
 *
 * The same as wenda_normalize_for_search(), computed by GLib alone: the
 * definition the fast path is tested against.
 */
char *
wenda_normalize_for_search_slow (const char *text,
                                 gssize      len)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_new (NULL);
  append_folded_slow (out, text, len);
  return g_string_free (out, FALSE);
}

/* }}} */

/* The bank's own number for the question, as written ("1.1.3", "Q3"),
 * or %NULL when the bank numbers its questions 1, 2, 3… (the number is
 * shown then). */
const char *
wenda_qa_item_get_label (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->label;
}

/* Returns: (transfer none) (nullable): the innermost section the item is in */
WendaSection *
wenda_qa_item_get_section (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  return self->section;
}

void
wenda_qa_item_set_label (WendaQaItem *self,
                         const char  *label)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_free (self->label);
  self->label = label != NULL && label[0] != '\0' ? g_strdup (label) : NULL;
  g_clear_pointer (&self->search_text, g_free);
}

void
wenda_qa_item_set_section (WendaQaItem  *self,
                           WendaSection *section)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));
  g_return_if_fail (section == NULL || WENDA_IS_SECTION (section));

  g_set_object (&self->section, section);
}

/* The text search folds, before folding: the number (and the bank's own),
 * the titles of its sections, then each field's plain text in Chinese and
 * in English (empty where there is no translation).  The search index
 * (wenda-search-index.c) folds the same. */
void
wenda_qa_item_append_search_source (WendaQaItem *self,
                                    GString     *joined)
{
  const char *fields[] = {
    self->question, self->answer, self->explanation,
    self->question_en, self->answer_en, self->explanation_en,
  };

  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_string_append_printf (joined, "№%u", self->number);
  if (self->label != NULL)
    g_string_append_printf (joined, "\n№%s", self->label);
  /* Its section's titles: a search for a chapter finds its topics */
  for (WendaSection *s = self->section; s != NULL; s = wenda_section_get_parent (s))
    {
      g_string_append_printf (joined, "\n%s", wenda_section_get_title (s));
      if (wenda_section_get_title_in (s, WENDA_LANGUAGE_EN) != wenda_section_get_title (s))
        g_string_append_printf (joined, "\n%s", wenda_section_get_title_in (s, WENDA_LANGUAGE_EN));
    }
  /* What a reader sees, not the Markdown marks and URLs */
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_string_append_c (joined, '\n');
      if (fields[i] != NULL)
        wenda_markdown_append_plain (joined, fields[i], strlen (fields[i]));
    }
}

const char *
wenda_qa_item_get_search_text (WendaQaItem *self)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  if (self->search_text == NULL)
    {
      g_autoptr(GString) joined = g_string_new (NULL);

      /* Folded as a whole, not field by field: an invalid field would
       * otherwise blank only itself. */
      wenda_qa_item_append_search_source (self, joined);
      self->search_text = wenda_normalize_for_search (joined->str, joined->len);
    }

  return self->search_text;
}

/* Finds the first bracketed gloss in @text, full-width （…） or ASCII (…),
 * and sets *@start and *@end around what is inside the brackets. */
static gboolean
find_parenthesized (const char  *text,
                    const char **start,
                    const char **end)
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

  *start = best;
  *end = best_close;

  return best != NULL;
}

/* Whether the key of a term leaves @c out: blanks, and the question mark,
 * so that "Transfer  Learning" and "transfer learning?" agree. */
static inline gboolean
is_ignored_in_term (gunichar c)
{
  if (c < 0x80)
    return c == '?' || c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';  /* as g_unichar_isspace() */
  if (c >= 0x4E00 && c <= 0x9FFF)
    return FALSE;  /* the common case, ideographs, without a table lookup */
  return g_unichar_isspace (c);
}
/* Where a folded gloss ends: at the first ',' (NFKC turns the full-width
 * '，' into it), ';' or '、'.  (Character by character: a byte search for
 * "、" would also stop inside any character holding one of its bytes.) */
static const char *
find_gloss_end (const char *folded)
{
  for (const char *p = folded; *p; p++)
    {
      if (*p == ',' || *p == ';')
        return p;
      if ((guchar)p[0] == 0xE3 && (guchar)p[1] == 0x80 && (guchar)p[2] == 0x81)
        return p;  /* "、", U+3001 */
    }

  return folded + strlen (folded);
}

/**
 * wenda_qa_item_append_term:
 * @key: where to append the key
 * @scratch: a buffer for the folded text, reused between calls
 *
 * Appends the key of wenda_qa_item_dup_term() to @key, without allocating
 * once the buffers are large enough: WendaBank keys every item of a bank.
 */
void
wenda_qa_item_append_term (WendaQaItem *self,
                           GString     *key,
                           GString     *scratch)
{
  const char *start, *end;
  const char *p;
  char *o;

  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_string_truncate (scratch, 0);
  if (find_parenthesized (self->question, &start, &end))
    {
      append_folded (scratch, start, end - start);
      end = find_gloss_end (scratch->str);
    }
  else
    {
      append_folded (scratch, self->question, -1);
      end = scratch->str + scratch->len;
    }

  /* The key is never longer than the folded text: write into it. */
  g_string_set_size (key, key->len + (end - scratch->str));
  o = key->str + key->len - (end - scratch->str);

  for (p = scratch->str; p < end; )
    {
      gsize n = 1;

      if ((guchar)*p < 0x80)
        {
          if (!is_ignored_in_term ((guchar)*p))
            *o++ = *p;
        }
      else
        {
          n = g_utf8_next_char (p) - p;
          if (!is_ignored_in_term (decode_valid (p)))
            {
              memcpy (o, p, n);
              o += n;
            }
        }
      p += n;
    }

  g_string_truncate (key, o - key->str);
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
  GString *key;
  g_autoptr(GString) scratch = NULL;

  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);

  key = g_string_new (NULL);
  scratch = g_string_new (NULL);
  wenda_qa_item_append_term (self, key, scratch);

  return g_string_free (key, FALSE);
}

WendaDuplicateGroup *
wenda_duplicate_group_new (guint n_numbers)
{
  WendaDuplicateGroup *group;

  group = g_atomic_rc_box_alloc0 (sizeof (WendaDuplicateGroup) + n_numbers * sizeof (guint));
  group->n_numbers = n_numbers;

  return group;
}

/* Sets the numbers of the items that ask the same question as this one.
 * (WendaBank shares a group instead, see below.) */
void
wenda_qa_item_set_duplicates (WendaQaItem *self,
                              const guint *numbers,
                              guint        n_numbers)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));

  g_clear_pointer (&self->duplicates, g_array_unref);
  g_clear_pointer (&self->group, g_atomic_rc_box_release);

  if (n_numbers > 0)
    {
      self->duplicates = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_numbers);
      g_array_append_vals (self->duplicates, numbers, n_numbers);
    }
}

/* Makes the item one of @group (which it takes a reference on), at
 * @position.  Its duplicates are the other numbers of the group, but the
 * array of them is only built if somebody asks. */
void
wenda_qa_item_set_duplicate_group (WendaQaItem         *self,
                                   WendaDuplicateGroup *group,
                                   guint                position)
{
  g_return_if_fail (WENDA_IS_QA_ITEM (self));
  g_return_if_fail (group != NULL && position < group->n_numbers);

  g_clear_pointer (&self->duplicates, g_array_unref);
  g_clear_pointer (&self->group, g_atomic_rc_box_release);

  if (group->n_numbers > 1)
    {
      self->group = g_atomic_rc_box_acquire (group);
      self->group_position = position;
    }
}

/**
 * wenda_qa_item_get_duplicates:
 * @n_duplicates: (out): the length of the returned array
 *
 * The array is built on the first call (O(g) for a group of g items), so
 * call it from one thread at a time, as with the other lazily built
 * fields.
 *
 * Returns: (transfer none) (nullable): the numbers of the other items in the
 *   bank that ask the same question, in bank order
 */
const guint *
wenda_qa_item_get_duplicates (WendaQaItem *self,
                              guint       *n_duplicates)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);
  g_return_val_if_fail (n_duplicates != NULL, NULL);

  if (self->duplicates == NULL && self->group != NULL)
    {
      const guint *numbers = self->group->numbers;
      guint n = self->group->n_numbers;
      guint k = self->group_position;

      self->duplicates = g_array_sized_new (FALSE, FALSE, sizeof (guint), n - 1);
      g_array_append_vals (self->duplicates, numbers, k);
      g_array_append_vals (self->duplicates, numbers + k + 1, n - k - 1);
    }

  if (self->duplicates == NULL)
    {
      *n_duplicates = 0;
      return NULL;
    }

  *n_duplicates = self->duplicates->len;
  return (const guint *)(gpointer)self->duplicates->data;
}

/**
 * wenda_qa_item_get_duplicate_group:
 * @n_numbers: (out): the size of the group
 * @position: (out) (optional): where this item is in the group
 *
 * The group of items that ask the same question as this one, this one
 * included, without building an array: for a view that shows only some
 * of a large group.
 *
 * Returns: (transfer none) (nullable) (array length=n_numbers): the numbers
 *   of the group, in bank order, or %NULL if the item has no duplicates
 *   or they were set as a list (then see wenda_qa_item_get_duplicates())
 */
const guint *
wenda_qa_item_get_duplicate_group (WendaQaItem *self,
                                   guint       *n_numbers,
                                   guint       *position)
{
  g_return_val_if_fail (WENDA_IS_QA_ITEM (self), NULL);
  g_return_val_if_fail (n_numbers != NULL, NULL);

  if (self->group == NULL)
    {
      *n_numbers = 0;
      if (position != NULL)
        *position = 0;
      return NULL;
    }

  *n_numbers = self->group->n_numbers;
  if (position != NULL)
    *position = self->group_position;
  return self->group->numbers;
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
