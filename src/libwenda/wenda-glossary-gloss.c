/* wenda-glossary-gloss.c: the glosses of a text, the terms a glossary is
 * made of
 *
 * A bank glosses its terms in parentheses, in the ways notes write them:
 * 张量并行（Tensor Parallelism, TP）, 流水线并行 (pipeline parallelism),
 * **梯度累积**（Gradient Accumulation）, KV 缓存（KV Cache）, and English
 * first, LoRA（低秩适配）.  A gloss is a term only where:
 *
 *  - the English is a term: a short noun phrase, with an optional
 *    abbreviation after a comma; not a sentence or an aside (see below,
 *    This is optional.), a citation or a year (Chen et al., 2016), a person
 *    (Andrew Ng), or a product, model or piece of hardware (DGX A100,
 *    Megatron-LM, DeepSpeed: word_is_product());
 *  - the Chinese is a whole word: the word that ends right before the
 *    parenthesis, found at the boundaries of the text (punctuation, markup,
 *    Latin, the start of the clause) and after function words and
 *    particles (word_before()), two characters at least (在线学习, not
 *    线学习; 秩（r）is no term), and not much longer than its English.
 *
 * The text read is each field's plain text, in which code, math, URLs and
 * images are opaque (gloss_text_append()): they are never part of a term.
 *
 * The rules are general: small lists of function words, particles and
 * verbs, and the shapes of product names, never a list of terms.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <md4c.h>

#include "wenda-glossary-private.h"
#include "wenda-md-blocks-private.h"

/* The glossary reads a text of its own, made from each field's Markdown
 * (gloss_text_append()): the text as read, with two marks where Markdown
 * was.  OPAQUE stands for what is no prose and must never become part of
 * a term: code, math, a URL, an image, HTML.  JOIN stands for markup
 * between words (emphasis, a link's edges): a word may end or start
 * there, as **梯度累积** does. */
#define OPAQUE '\x1e'
#define JOIN   '\x1f'

/* Longer runs are not words: the word before a gloss is searched for in
 * the last MAX_RUN characters, and a Chinese term has at most MAX_HAN. */
#define MAX_RUN 24
#define MAX_HAN 12

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F) ||
         c == 0x3007;
}

static gboolean
is_latin (char c)
{
  return g_ascii_isalnum (c) || c == '-';
}

static void
append_mark (GString *out,
             char     mark)
{
  /* One mark between two pieces of text; an opaque one wins */
  if (out->len > 0 && (out->str[out->len - 1] == OPAQUE || out->str[out->len - 1] == JOIN))
    {
      if (mark == OPAQUE)
        out->str[out->len - 1] = OPAQUE;
      return;
    }
  g_string_append_c (out, mark);
}

/* Prose, with each URL made opaque.  md4c links a bare URL only when
 * blanks or ASCII punctuation end it, which a full-width parenthesis does
 * not (https://arxiv.org/abs/1604.06174（2016）): a URL ends at a blank or
 * at the first byte that is not ASCII. */
static void
append_prose (GString    *out,
              const char *text,
              gsize       len)
{
  const char *p = text, *end = text + len;

  while (p < end)
    {
      const char *url = NULL;

      for (const char *q = p; q < end; q++)
        {
          if ((*q == 'h' && (gsize)(end - q) > 7 &&
               (strncmp (q, "http://", 7) == 0 || strncmp (q, "https://", 8) == 0)) ||
              (*q == 'w' && (gsize)(end - q) > 4 && strncmp (q, "www.", 4) == 0 &&
               (q == text || !g_ascii_isalnum (q[-1]))))
            {
              url = q;
              break;
            }
        }
      if (url == NULL)
        {
          g_string_append_len (out, p, end - p);
          return;
        }

      g_string_append_len (out, p, url - p);
      append_mark (out, OPAQUE);
      p = url;
      while (p < end && (guchar)*p > ' ' && (guchar)*p < 0x80)
        p++;
    }
}

typedef struct
{
  GString *out;
  int      opaque;   /* inside an image or a bare link */
} GlossText;

static gboolean
is_opaque_span (MD_SPANTYPE  type,
                void        *detail)
{
  return type == MD_SPAN_IMG || type == MD_SPAN_CODE ||
         type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY ||
         (type == MD_SPAN_A && ((MD_SPAN_A_DETAIL *)detail)->is_autolink);
}

static int
gloss_enter_block (MD_BLOCKTYPE  type,
                   void         *detail,
                   void         *user_data)
{
  return 0;
}

static int
gloss_leave_block (MD_BLOCKTYPE  type,
                   void         *detail,
                   void         *user_data)
{
  GlossText *self = user_data;

  /* No word goes on from one block, or table cell, to the next */
  g_string_append_c (self->out, '\n');
  return 0;
}

static int
gloss_enter_span (MD_SPANTYPE  type,
                  void        *detail,
                  void        *user_data)
{
  GlossText *self = user_data;

  if (is_opaque_span (type, detail))
    {
      if (self->opaque++ == 0)
        append_mark (self->out, OPAQUE);
    }
  else
    append_mark (self->out, JOIN);

  return 0;
}

static int
gloss_leave_span (MD_SPANTYPE  type,
                  void        *detail,
                  void        *user_data)
{
  GlossText *self = user_data;

  if (is_opaque_span (type, detail))
    self->opaque--;
  else
    append_mark (self->out, JOIN);

  return 0;
}

static int
gloss_text_cb (MD_TEXTTYPE    type,
               const MD_CHAR *text,
               MD_SIZE        size,
               void          *user_data)
{
  GlossText *self = user_data;

  if (self->opaque > 0)
    return 0;

  switch (type)
    {
    case MD_TEXT_NORMAL:
      append_prose (self->out, text, size);
      break;

    case MD_TEXT_BR:
    case MD_TEXT_SOFTBR:
      g_string_append_c (self->out, '\n');
      break;

    case MD_TEXT_ENTITY:
      g_string_append_c (self->out, ' ');
      break;

    case MD_TEXT_CODE:
    case MD_TEXT_LATEXMATH:
    case MD_TEXT_HTML:
    case MD_TEXT_NULLCHAR:
    default:
      append_mark (self->out, OPAQUE);
      break;
    }

  return 0;
}

/* The glossary's text of Markdown @text (see OPAQUE above), into @out */
static void
gloss_text_append (GString    *out,
                   const char *text)
{
  static const MD_PARSER parser = {
    0, WENDA_MD_FLAGS,
    gloss_enter_block, gloss_leave_block, gloss_enter_span, gloss_leave_span, gloss_text_cb,
    NULL, NULL,
  };
  GlossText self = { out, 0 };
  gsize len = strlen (text);
  gsize start = out->len;

  /* Most fields have no mark for md4c: no need to parse them */
  if (strpbrk (text, "*_`[]<>$!|~\\&") == NULL)
    {
      append_prose (out, text, len);
      return;
    }

  if (md_parse (text, (MD_SIZE)len, &parser, &self) != 0)
    {
      g_string_truncate (out, start);
      append_prose (out, text, len);
    }
}

/* The English side {{{ */

/* Words that make English in parentheses a sentence or an aside ("see
 * below", "This is optional.", "e.g. DeepSpeed"), a citation ("et al."),
 * never a term. */
static const char * const sentence_words[] = {
  "al", "also", "are", "be", "been", "can", "could", "did", "do", "does", "e",
  "eg", "et", "etc", "g", "had", "has", "have", "how", "i", "ie", "is", "it", "its",
  "just", "may", "might", "must", "not", "note", "only", "optional", "please", "see",
  "should", "than", "that", "there", "these", "they", "this", "those", "very",
  "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "would",
  "you",
};

/* Companies, whose names start products ("NVIDIA DGX", "Google TPU") */
static const char * const vendor_words[] = {
  "alibaba", "amd", "anthropic", "baidu", "deepmind", "google", "hugging", "huawei", "ibm",
  "intel", "microsoft", "nvidia", "openai", "tencent",
};

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *word,
         gsize               len)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (list[i]) == len && g_ascii_strncasecmp (list[i], word, len) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a word (no blank in it) has the shape of a product, a model or
 * a piece of hardware rather than of a term: a model number (A100, H100,
 * RTX 4090, GPT-4, Llama2, GSM8K, 7B, 80GB), or a name made of two
 * capitalized words (DeepSpeed, PyTorch, TensorFlow; acronyms written
 * with small letters in them, LoRA, MoE, ReLU, ZeRO, are not), or a name
 * with a capitalized suffix (Megatron-LM, Colossal-AI). */
static gboolean
word_is_product (const char *word,
                 gsize       len)
{
  gsize i = 0;
  guint lower_segments = 0, lower = 0;

  /* Each part between hyphens: digits in a name are a model number */
  for (gsize start = 0; start < len; start = i + 1)
    {
      gsize letters = 0, digits = 0, caps = 0;
      gboolean digit_first, letter_after_digit = FALSE, digit_last;

      for (i = start; i < len && word[i] != '-'; i++)
        {
          if (g_ascii_isdigit (word[i]))
            digits++;
          else
            {
              letters++;
              if (g_ascii_isupper (word[i]))
                caps++;
              if (digits > 0)
                letter_after_digit = TRUE;
            }
        }
      if (digits == 0 || i == start)
        continue;

      digit_first = g_ascii_isdigit (word[start]);
      digit_last = g_ascii_isdigit (word[i - 1]);
      if (letters == 0)
        {
          /* "GPT-4", "ZeRO-3"; a number alone is a year or a model */
          if (start > 0 || digits >= 3)
            return TRUE;
          continue;
        }
      if (digit_first)
        {
          /* "7B", "80GB", "8x", "1F1B": a size; "3D" is none */
          if (!(letters == 1 && g_ascii_toupper (word[i - 1]) == 'D'))
            return TRUE;
          continue;
        }
      if (letter_after_digit && caps == letters)
        return TRUE;                      /* "GSM8K" */
      if (digit_last && caps == 1 && letters == 1 && digits >= 2)
        return TRUE;                      /* "A100", "H800" */
      if (digit_last && caps < letters)
        return TRUE;                      /* "Llama2", "gpt4"; not "FP16", "L2" */
    }

  /* Two capitalized words written as one, in a part between hyphens
   * (Fine-Tuning is two parts) */
  for (i = 0; i <= len; i++)
    {
      if (i == len || word[i] == '-')
        {
          if (lower_segments >= 2 && lower >= 4)
            return TRUE;
          lower_segments = lower = 0;
        }
      else if (g_ascii_isupper (word[i]))
        {
          gsize n = 0;

          while (i + 1 < len && g_ascii_islower (word[i + 1]))
            n++, i++;
          if (n > 0)
            lower_segments++;
          lower += n;
        }
    }

  /* "Megatron-LM" */
  {
    const char *hyphen = memchr (word, '-', len);

    if (hyphen != NULL && hyphen - word >= 5 && g_ascii_isupper (word[0]))
      {
        gsize rest = len - (hyphen - word) - 1;
        gboolean caps = rest >= 2 && rest <= 3;

        for (gsize k = 1; k < (gsize)(hyphen - word); k++)
          caps = caps && g_ascii_islower (word[k]);
        for (gsize k = 0; k < rest; k++)
          caps = caps && g_ascii_isupper (hyphen[1 + k]);
        if (caps)
          return TRUE;
      }
  }

  return FALSE;
}

/* Capitals only, two at least: BE, IS and IT are no sentence words */
static gboolean
is_acronym (const char *word,
            gsize       len)
{
  if (len < 2)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isupper (word[i]))
      return FALSE;
  return TRUE;
}

static gboolean
is_title_word (const char *word,
               gsize       len)
{
  if (len < 2 || !g_ascii_isupper (word[0]))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_islower (word[i]))
      return FALSE;
  return TRUE;
}

/* Whether @en, already made of letters, digits, blanks and hyphens only,
 * is a term: a short noun phrase, not a sentence, a citation, a person or
 * a product (see word_is_product()). */
static gboolean
english_is_term (const char *en)
{
  static const char * const small_words[] = {
    "a", "an", "and", "at", "by", "for", "in", "of", "on", "the", "to",
  };
  static const char * const articles[] = { "a", "an", "the" };
  gsize len = strlen (en);
  guint n_words = 0, n_letters = 0, n_title = 0, n_short_title = 0;
  gboolean lower_word = FALSE;
  const char *p = en;

  if (len == 0 || len > 64 || !g_ascii_isalnum (en[0]))
    return FALSE;

  while (*p != '\0')
    {
      const char *word = p;
      gsize n;

      while (*p != '\0' && *p != ' ')
        p++;
      n = p - word;
      while (*p == ' ')
        p++;
      if (n == 0)
        continue;

      /* An article starts an aside ("a model", "the results match"); inside
       * a name it may stand (Needle in a Haystack) */
      if (n_words++ == 0 && in_list (articles, G_N_ELEMENTS (articles), word, n))
        return FALSE;
      for (gsize i = 0; i < n; i++)
        if (g_ascii_isalpha (word[i]))
          n_letters++;

      if ((!is_acronym (word, n) && in_list (sentence_words, G_N_ELEMENTS (sentence_words), word, n)) ||
          in_list (vendor_words, G_N_ELEMENTS (vendor_words), word, n) ||
          word_is_product (word, n))
        return FALSE;

      if (in_list (small_words, G_N_ELEMENTS (small_words), word, n))
        continue;
      if (is_title_word (word, n))
        {
          n_title++;
          if (n <= 2)
            n_short_title++;
        }
      else if (g_ascii_islower (word[0]))
        lower_word = TRUE;
    }

  if (n_words > 6 || n_letters < 2)
    return FALSE;

  /* A name: "Andrew Ng", "Kaiming He" (a term is not all capitalized
   * words with a surname of two letters) */
  if (n_words >= 2 && n_words <= 3 && n_title == n_words && n_short_title > 0 && !lower_word)
    return FALSE;

  return TRUE;
}

/* Whether @abbreviation abbreviates @phrase: its letters, in order,
 * are letters of @phrase, the first one its first (TP: Tensor
 * Parallelism, PPL: Perplexity, LoRA: Low-Rank Adaptation). */
static gboolean
abbreviates (const char *abbreviation,
             const char *phrase)
{
  const char *p = phrase;
  guint caps = 0;

  if (strlen (abbreviation) > 12 || g_ascii_tolower (abbreviation[0]) != g_ascii_tolower (phrase[0]))
    return FALSE;

  for (const char *a = abbreviation; *a != '\0'; a++)
    {
      if (!g_ascii_isalpha (*a))
        continue;
      if (g_ascii_isupper (*a))
        caps++;
      while (*p != '\0' && g_ascii_tolower (*p) != g_ascii_tolower (*a))
        p++;
      if (*p == '\0')
        return FALSE;
      p++;
    }

  return caps >= 2 && strlen (abbreviation) < strlen (phrase);
}

static gboolean
has_year (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if ((p[0] == '1' || p[0] == '2') && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && (p == s || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[4]))
      return TRUE;
  return FALSE;
}

/* Reads the English of a gloss, [start, end): a term, optionally with its
 * abbreviation after a comma ("Tensor Parallelism, TP"; also "TP, Tensor
 * Parallelism").  FALSE when it is no term. */
static gboolean
read_english (const char  *start,
              const char  *end,
              char       **en,
              char       **abbreviation)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) parts = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  /* Letters, digits, blanks, hyphens and the comma; blanks folded */
  for (const char *p = start; p < end; )
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0C || c == ',')
        g_string_append_c (text, ',');
      else if (c == ' ' || c == '\t' || c == 0x3000 || c == JOIN)
        {
          if (text->len > 0 && text->str[text->len - 1] != ' ')
            g_string_append_c (text, ' ');
        }
      else if (c < 0x80 && is_latin ((char)c))
        g_string_append_c (text, (char)c);
      else
        return FALSE;
      p = g_utf8_next_char (p);
    }

  parts = g_strsplit (text->str, ",", -1);
  if (parts[0] == NULL || g_strv_length (parts) > 2)
    return FALSE;
  first = g_strstrip (g_strdup (parts[0]));
  second = parts[1] ? g_strstrip (g_strdup (parts[1])) : NULL;

  if (second != NULL && (has_year (second) || has_year (first)))
    return FALSE;                                 /* "Chen et al., 2016" */

  if (second != NULL && second[0] != '\0' && first[0] != '\0')
    {
      if (abbreviates (second, first) && english_is_term (second))
        *abbreviation = g_steal_pointer (&second);
      else if (abbreviates (first, second) && english_is_term (first))
        {
          *abbreviation = g_steal_pointer (&first);
          first = g_steal_pointer (&second);
        }
      /* Else what follows the comma is no abbreviation: left out */
    }

  if (!english_is_term (first))
    {
      g_clear_pointer (abbreviation, g_free);
      return FALSE;
    }

  *en = g_steal_pointer (&first);
  return TRUE;
}

/* Whether @en says "B from A", which Chinese writes "A 的 B" */
static gboolean
english_has_preposition (const char *en)
{
  static const char * const prepositions[] = { " from ", " with ", " without ", " via " };
  g_autofree char *lowered = g_ascii_strdown (en, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (prepositions); i++)
    if (strstr (lowered, prepositions[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* How many Chinese characters a term of this English may have: about two
 * a word, at most three and one more.  In an abbreviation alone (GAN,
 * SGD) each capital stands for a word of about two characters. */
static guint
max_han_for (const char *en,
             gboolean    whole_run)
{
  guint parts = 1, caps = 0;
  gboolean one_word = strchr (en, ' ') == NULL && strchr (en, '-') == NULL;

  for (const char *p = en; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '-')
        parts++;
      if (g_ascii_isupper (*p))
        caps++;
    }
  if (one_word && caps >= 2)
    return MIN (2 * caps + 1, MAX_HAN);
  if (whole_run && parts >= 2)
    return MIN (5 * parts / 2, MAX_HAN);

  return MIN (3 * parts + 1, MAX_HAN);
}

/* }}} */

/* The Chinese side {{{ */

/* Where a word before a gloss starts.  The run of Han characters before
 * a gloss is cut after the last word that cannot be part of the term:
 *
 *  - determiners and quantifiers (一种, 每个, 若干, 这): what follows is the
 *    word, even when it is one character (每个头（head）: no term);
 *  - function words, conjunctions and common verbs that take an object
 *    (什么是, 也叫, 包括, 通过, 使用, 防止, 减少…) and single-character
 *    particles (的 是 和 与 把 用…): what follows is the word, unless it
 *    would be one character, where the particle is part of the word
 *    (只由路由器 has 由 twice).
 *
 * Characters that start or end many terms (在 in 在线学习, 对 in 对比学习
 * and 字节对编码, 向 in 向量, 并 in 并行, 为, 从, 以, 可, 能, 不, 最) are not
 * cut at; where several glosses give the same term, their common suffix
 * decides (the same English glossed after 在随机梯度下降 and 包括随机梯度下降). */
static const char * const determiners[] = {
  "一个", "一种", "一份", "一些", "一组", "一次", "一类", "一层", "一张", "一块", "一条",
  "一段", "一批", "一套", "一项", "这个", "那个", "这种", "那种", "这些", "那些", "这类",
  "那类", "每个", "每种", "每一", "多个", "多种", "几个", "几种", "两个", "两种", "三个",
  "三种", "各个", "各种", "所有", "若干", "许多", "很多", "某个", "某种", "该", "此", "其",
  "这", "那",
};

static const char * const function_words[] = {
  /* asking, naming, examples */
  "什么是", "什么叫", "是指", "指的是", "就是", "也就是", "即是", "称为", "称作", "叫做",
  "也叫", "又叫", "又称", "也称", "亦称", "或称", "又名", "简称", "俗称", "全称", "所谓",
  "叫作", "称之为", "看作", "视为", "当作", "如何", "怎么", "怎样", "为什么", "为何",
  "例如", "比如", "譬如", "包括", "包含", "属于", "相当于", "等于", "类似于",
  /* conjunctions, adverbs, pronouns */
  "以及", "或者", "还是", "并且", "而且", "但是", "然而", "因为", "所以", "因此", "于是",
  "如果", "虽然", "同时", "首先", "然后", "最后", "此外", "另外", "其中", "一般", "通常",
  "常见", "主要", "只有", "可能", "往往", "经常", "已经", "我们", "他们", "它们", "你们",
  /* verbs that take an object */
  "使用", "采用", "利用", "借助", "通过", "基于", "根据", "进行", "实现", "引入", "加入",
  "加上", "提供", "需要", "可以", "能够", "应该", "必须", "防止", "避免", "减少", "降低",
  "减小", "提高", "增加", "增大", "缓解", "解决", "导致", "造成", "产生", "出现", "得到",
  "获得", "用于", "用来", "作为", "成为", "分为", "对于", "关于", "切分", "保存", "存储",
  "加载", "替换", "拼接", "冻结", "构造", "构建", "部署", "调整", "设置", "设为", "换成",
  "变成", "改用", "选用", "发生", "去掉", "去除", "带来", "引起",
};

static const char * const particles[] = {
  "的", "是", "了", "之", "把", "被", "将", "让", "给", "和", "与", "及", "或", "而", "即",
  "叫", "做", "也", "都", "就", "又", "很", "太", "会", "用", "由",
};

/* Particles that also end words (调用, 应用, 饱和, 机会, 路由): a run that
 * ends with one still ends with a word */
static const char * const particles_ending_words[] = { "和", "会", "用", "由" };

/* A Chinese word is a category (a library, a framework, a chip, a
 * company…) that a product's name may follow in parentheses: 深度学习框架
 * （PyTorch）, 集合通信库（NCCL） name an instance, they do not translate. */
static const char * const category_words[] = {
  "库", "框架", "工具", "工具包", "平台", "公司", "厂商", "芯片", "显卡", "硬件", "服务器",
  "节点", "集群", "软件", "产品", "团队", "实验室", "大学", "论文", "课程", "教授", "作者",
  "书", "博客", "网站", "官网", "文档", "仓库",
};

/* Whether one of @list ends @text at @at, a character boundary of the run
 * that starts at @run; returns its length in bytes, or 0 */
static gsize
ends_with_one_of (const char * const *list,
                  gsize               n,
                  const char         *run,
                  const char         *at)
{
  for (gsize i = 0; i < n; i++)
    {
      gsize len = strlen (list[i]);

      if ((gsize)(at - run) >= len && memcmp (at - len, list[i], len) == 0)
        return len;
    }
  return 0;
}

static guint
count_han (const char *start,
           const char *end)
{
  guint n = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (is_han (g_utf8_get_char (p)))
      n++;
  return n;
}

/* Whether the word @word..@end is a category (see category_words) */
static gboolean
is_category (const char *word,
             const char *end)
{
  return ends_with_one_of (category_words, G_N_ELEMENTS (category_words), word, end) > 0;
}

/* The Chinese word that ends right before @end in @text (blanks and JOIN
 * marks between them skipped), for the gloss @en, which ends before
 * @after; NULL when there is
 * none: no Han run there, the run ends with a function word, the word
 * would be one character, or is too long for @en.  A Latin token just
 * before the word is part of it when it is one (KV 缓存（KV Cache）,
 * top-p 采样, L2 正则化). */
static char *
word_before (const char *text,
             const char *end,
             const char *after,
             const char *en)
{
  /* A preposition is no part of the word in its frame: 在张量并行（TP）中,
   * 对大模型（LLM）来说, where 在线学习（online learning）是 keeps its 在 */
  static const struct { const char *preposition; const char *closers[12]; } frames[] = {
    { "在", { "中", "里", "上", "下", "时", "内", "期间", "阶段", "过程", "之后", "之前", NULL } },
    { "对", { "来说", "而言", NULL } },
  };
  const char *starts[MAX_RUN + 1];
  const char *run_end = end, *p;
  const char *word = NULL;
  gboolean keep_de, kept_de = FALSE;
  guint n = 0;

  while (run_end > text)
    {
      const char *prev = g_utf8_prev_char (run_end);
      gunichar c = g_utf8_get_char (prev);

      /* Markdown's marks left as they were (an emphasis md4c did not
       * close) are markup too */
      if (c != ' ' && c != '\t' && c != 0x3000 && c != (gunichar)JOIN && c != '*' && c != '_')
        break;
      run_end = prev;
    }

  /* The run: Han characters, with a hyphen between two (偏差-方差权衡) */
  for (p = run_end; p > text && n < MAX_RUN; )
    {
      const char *prev = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (prev);

      if (!is_han (c) &&
          !(c == '-' && n > 0 && prev > text && is_han (g_utf8_get_char (g_utf8_prev_char (prev)))))
        break;
      p = prev;
      starts[n++] = p;
    }
  if (n == 0 || !is_han (g_utf8_get_char (starts[n - 1])))
    return NULL;

  /* A name in Chinese: 杰弗里·辛顿（Geoffrey Hinton） */
  if (n < MAX_RUN && p > text)
    {
      gunichar c = g_utf8_get_char (g_utf8_prev_char (p));

      if (c == 0x00B7 || c == 0x30FB || c == 0x2027 || c == 0x2022)
        return NULL;
    }

  /* Cut after the last word that cannot be in the term (starts[] runs
   * backwards: starts[i] is where the last i + 1 characters start).
   * English "B from A" is Chinese "A 的 B", often "基于 A 的 B" (基于人类反馈的
   * 强化学习（Reinforcement Learning from Human Feedback）): there the first
   * 的 and a 基于 before it are part of the term. */
  keep_de = english_has_preposition (en);
  for (guint i = 0; i <= n && word == NULL; i++)
    {
      const char *at = i == 0 ? run_end : starts[i - 1];   /* the word would start here */
      const char *run = starts[n - 1];
      guint left = i;                                     /* characters after @at */
      gsize len;

      if (ends_with_one_of (determiners, G_N_ELEMENTS (determiners), run, at))
        {
          if (left < 2)
            return NULL;
          word = at;
        }
      else if ((len = ends_with_one_of (function_words, G_N_ELEMENTS (function_words), run, at)) > 0)
        {
          if (left == 0)
            return NULL;
          if (left >= 2)
            word = kept_de && len == strlen ("基于") && memcmp (at - len, "基于", len) == 0 ? at - len : at;
        }
      else if (keep_de && left >= 2 && (gsize)(at - run) > strlen ("的") &&
               memcmp (at - strlen ("的"), "的", strlen ("的")) == 0)
        {
          keep_de = FALSE;
          kept_de = TRUE;
        }
      else if ((len = ends_with_one_of (particles, G_N_ELEMENTS (particles), run, at)) > 0)
        {
          /* 键（key）和值（value）: a particle that starts the run, then one
           * character, is no word with it */
          if (left == 0 &&
              !ends_with_one_of (particles_ending_words, G_N_ELEMENTS (particles_ending_words), run, at))
            return NULL;
          if (left == 1 && at - len == run)
            return NULL;
          if (left >= 2)
            word = at;
        }
    }
  if (word == NULL)
    word = starts[n - 1];

  for (gsize f = 0; f < G_N_ELEMENTS (frames); f++)
    {
      gsize len = strlen (frames[f].preposition);

      if (strncmp (word, frames[f].preposition, len) != 0 || count_han (word, run_end) < 3)
        continue;
      for (gsize c = 0; frames[f].closers[c] != NULL; c++)
        if (strncmp (after, frames[f].closers[c], strlen (frames[f].closers[c])) == 0)
          {
            word += len;
            break;
          }
    }

  if (count_han (word, run_end) < 2 || count_han (word, run_end) > max_han_for (en, word == starts[n - 1]))
    return NULL;

  /* A Latin token right before a word that starts the run */
  if (word == starts[n - 1] && n < MAX_RUN)
    {
      const char *token_end = word;
      const char *token;

      if (token_end > text && token_end[-1] == ' ')
        token_end--;
      token = token_end;
      while (token > text && is_latin (token[-1]))
        token--;

      if (token < token_end && token_end - token <= 20 && g_ascii_isalpha (*token) &&
          (token == text || !(g_ascii_isalnum (token[-1]) || token[-1] == '.' || token[-1] == '_')))
        {
          gsize len = token_end - token;
          gboolean marked = FALSE;
          g_autofree char *lowered = g_ascii_strdown (en, -1);
          g_autofree char *token_lowered = g_ascii_strdown (token, len);

          for (gsize k = 0; k < len; k++)
            marked = marked || g_ascii_isupper (token[k]) || g_ascii_isdigit (token[k]) ||
                     token[k] == '-';

          if ((marked || strstr (lowered, token_lowered) != NULL) &&
              !word_is_product (token, len) &&
              (is_acronym (token, len) || !in_list (sentence_words, G_N_ELEMENTS (sentence_words), token, len)) &&
              !in_list (vendor_words, G_N_ELEMENTS (vendor_words), token, len))
            word = token;
        }
    }

  return g_strndup (word, run_end - word);
}

/* Whether a gloss in Chinese after English (LoRA（低秩适配）) is a term:
 * only Han, two to MAX_HAN characters, and not an aside (（可选）, （见下文）,
 * （两者都开源）, （如图所示）). */
static gboolean
chinese_is_term (const char *start,
                 const char *end)
{
  static const char * const aside_starts[] = {
    "见", "如", "例如", "比如", "即", "可选", "参见", "详见", "注", "包括", "约", "共", "推荐",
    "默认", "不", "非", "需要", "必须", "可以", "也", "又", "或", "是", "有", "仅", "只", "选",
  };
  static const char * const aside_words[] = {
    "的", "是", "了", "都", "很", "所示", "下文", "上文", "之一", "一种", "一个", "这", "那",
    "我们", "你", "他", "它", "等",
  };
  guint n = 0;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      if (!is_han (g_utf8_get_char (p)))
        return FALSE;
      n++;
    }
  if (n < 2 || n > MAX_HAN)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (aside_starts); i++)
    if (strncmp (start, aside_starts[i], strlen (aside_starts[i])) == 0)
      return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (aside_words); i++)
    if (g_strstr_len (start, end - start, aside_words[i]) != NULL)
      return FALSE;

  return TRUE;
}

/* The English before a gloss in Chinese: the Latin words right before
 * @end (the last one alone when there are more than four), if they are
 * a term and not the end of code or a path (torch.nn.LoRA, a/b) */
static char *
english_before (const char *text,
                const char *end)
{
  const char *phrase_end = end, *phrase;
  g_autofree char *en = NULL;
  const char *last;
  guint n_words = 1;

  while (phrase_end > text && (phrase_end[-1] == ' ' || phrase_end[-1] == JOIN))
    phrase_end--;
  phrase = phrase_end;
  while (phrase > text &&
         (is_latin (phrase[-1]) || (phrase[-1] == ' ' && phrase - 1 > text && is_latin (phrase[-2]))))
    {
      phrase--;
      if (*phrase == ' ')
        n_words++;
    }
  if (phrase == phrase_end || (phrase > text && strchr ("._/\\", phrase[-1]) != NULL))
    return NULL;

  en = g_strndup (phrase, phrase_end - phrase);
  last = strrchr (en, ' ');
  if (n_words <= 4 && english_is_term (en))
    return g_steal_pointer (&en);
  if (last != NULL && english_is_term (last + 1))
    return g_strdup (last + 1);

  return NULL;
}

/* }}} */

/* A gloss may say what it is: （简称 TP）, （英文：Tensor Parallelism）,
 * （Tensor Parallelism，简称 TP）.  Returns the gloss without those words,
 * or NULL when it has none. */
static char *
strip_naming (const char *start,
              const char *end)
{
  static const char * const naming[] = {
    "英文名", "英文", "英语", "全称", "简称", "缩写为", "缩写", "简写", "也叫", "又称", "亦称",
    "或称", "又名", "即",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean stripped = FALSE;
  const char *p = start;

  while (p < end)
    {
      gboolean part_start = out->len == 0 || out->str[out->len - 1] == ',';

      if (part_start)
        {
          for (gsize i = 0; i < G_N_ELEMENTS (naming); i++)
            {
              gsize len = strlen (naming[i]);

              if ((gsize)(end - p) > len && memcmp (p, naming[i], len) == 0)
                {
                  p += len;
                  while (p < end && (*p == ' ' || *p == ':' || strncmp (p, "：", 3) == 0))
                    p += *p == ' ' || *p == ':' ? 1 : 3;
                  stripped = TRUE;
                  break;
                }
            }
        }
      if (strncmp (p, "，", 3) == 0)
        {
          g_string_append_c (out, ',');
          p += 3;
          while (p < end && *p == ' ')
            p++;
          continue;
        }
      g_string_append_c (out, *p++);
    }

  return stripped ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Finds every gloss in @text, the glossary's text of a field (see
 * gloss_text_append()): Chinese then English in parentheses (张量并行
 * （Tensor Parallelism, TP）, 流水线并行 (pipeline parallelism)), or English
 * then Chinese (LoRA（低秩适配）).  Full-width and ASCII parentheses are
 * alike; a gloss is on one line, with no parenthesis inside. */
static void
scan_text (const char     *text,
           WendaGlossFunc  func,
           gpointer        data)
{
  for (const char *p = text; *p != '\0'; )
    {
      const char *open = p, *inner, *close;
      gboolean han = FALSE, other = FALSE;

      if (*p == '(')
        inner = p + 1;
      else if (strncmp (p, "（", 3) == 0)
        inner = p + 3;
      else
        {
          p++;
          continue;
        }
      p = inner;

      /* The closing parenthesis, on the same line, with no other inside */
      for (close = inner; *close != '\0' && close - inner < 160; close = g_utf8_next_char (close))
        {
          gunichar c = g_utf8_get_char (close);

          if (*close == ')' || *close == '(' || *close == '\n' ||
              strncmp (close, "）", 3) == 0 || strncmp (close, "（", 3) == 0)
            break;
          if (is_han (c))
            han = TRUE;
          else if ((c >= 0x80 && c != 0xFF0C && c != 0xFF1A && c != 0x3000) || c == (gunichar)OPAQUE)
            other = TRUE;      /* but the full-width comma, colon and blank */
        }
      if (!(*close == ')' || strncmp (close, "）", 3) == 0))
        continue;

      if (han && !other)
        {
          /* （简称 TP）: English after all */
          g_autofree char *named = strip_naming (inner, close);

          if (named != NULL && count_han (named, named + strlen (named)) == 0)
            {
              char *en = NULL, *abbreviation = NULL, *zh;

              if (!read_english (named, named + strlen (named), &en, &abbreviation) ||
                  (zh = word_before (text, open, g_utf8_next_char (close), en)) == NULL)
                {
                  g_free (en);
                  g_free (abbreviation);
                  continue;
                }
              func (zh, en, abbreviation, data);
              continue;
            }
        }

      if (!han)
        {
          char *en = NULL, *abbreviation = NULL, *zh;

          if (other || !read_english (inner, close, &en, &abbreviation))
            continue;
          zh = word_before (text, open, g_utf8_next_char (close), en);
          if (zh == NULL ||
              (strchr (en, ' ') == NULL && !g_ascii_islower (en[0]) && is_category (zh, zh + strlen (zh))))
            {
              g_free (zh);
              g_free (en);
              g_free (abbreviation);
              continue;
            }
          func (zh, en, abbreviation, data);
        }
      else if (!other && chinese_is_term (inner, close))
        {
          char *en = english_before (text, open);

          if (en == NULL || (strchr (en, ' ') == NULL && is_category (inner, close)))
            {
              g_free (en);
              continue;
            }
          func (g_strndup (inner, close - inner), en, NULL, data);
        }
    }
}

/**
 * wenda_glossary_scan_glosses:
 * @scratch: a buffer, reused between calls
 * @markdown: a field's text
 *
 * Calls @func for each gloss of @markdown that is a term, with its
 * Chinese, English and abbreviation (nullable), which @func takes.
 */
void
wenda_glossary_scan_glosses (GString        *scratch,
                             const char     *markdown,
                             WendaGlossFunc  func,
                             gpointer        data)
{
  g_string_truncate (scratch, 0);
  gloss_text_append (scratch, markdown);
  scan_text (scratch->str, func, data);
}

guint
wenda_glossary_count_han (const char *start,
                          const char *end)
{
  return count_han (start, end);
}

gboolean
wenda_glossary_abbreviates (const char *abbreviation,
                            const char *phrase)
{
  return strchr (abbreviation, ' ') == NULL && abbreviates (abbreviation, phrase);
}
