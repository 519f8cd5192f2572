/* wenda-bank-export.c: a bank as Anki TSV, or as Markdown in the seed's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Texts in each mode
 * ==================
 *
 * WENDA_CONTENT_MODE_ZH writes the Chinese source, _EN the English
 * (wenda_qa_item_get_text(), which falls back to the Chinese paragraph by
 * paragraph), and _BOTH each text in Chinese, a blank line ("\n\n"), then
 * in English; when the English is the same as the Chinese (no
 * translation), the text is written once.  A title in both languages is
 * "Chinese / English".
 *
 * Anki
 * ====
 *
 * Anki's "Text Files" import (Anki manual, importing/text-files.md, "File
 * Headers", https://docs.ankiweb.net/importing/text-files.html), Anki
 * 2.1.55 and later:
 *
 *   #separator:tab
 *   #html:false
 *   #columns:Front<TAB>Back<TAB>Explanation<TAB>Tags
 *   #tags column:4
 *   question<TAB>answer<TAB>explanation<TAB>wenda
 *
 * One note per item.  Front and Back are the field names of Anki's stock
 * "Basic" note type, so they map to it by name; Explanation maps to a
 * field of that name if the chosen note type has one, else the user picks
 * (or leaves it out) in the import dialog.  The question is the first
 * column because Anki finds duplicates by the first field; the number is
 * not exported (it means nothing across banks).  The explicit tags column
 * (every note gets the tag "wenda") is there because, without one, Anki
 * takes the first column after the mapped fields as tags
 * (rslib/src/import_export/text/csv/metadata.rs, maybe_set_tags_column()),
 * and the explanation would become a pile of tags.
 *
 * A note of a bank with sections gets a second tag, its section's path as
 * one of Anki's hierarchical tags ("::" between the levels, which the
 * browser shows as a tree), in the mode's language (Chinese in both):
 * "wenda 第一章_数学基础::1.1_向量".  A tag cannot hold a blank (the
 * blanks separate the tags), so each run of blanks in a title is one "_";
 * a "::" inside a title would make another level, so it is written ":_:".
 *
 * Fields are written the way the manual says: a field holding a tab, a
 * line break or a double quote is put in double quotes, and a quote inside
 * is doubled.  Anki reads the file with the Rust csv crate, which also
 * treats a record that starts with "#" as a comment, so a field starting
 * with "#" is quoted too.  With "#html:false", Anki escapes < > & and
 * turns each line break into <br>: the text shows as written.
 *
 * Markdown
 * ========
 *
 * The seed's format (resources/content/llm-training.md), which
 * wenda_markdown_parse() reads back into the same items:
 *
 *   ### Title
 *
 *   #### 题目 N：the first line of the question
 *
 *   the rest of the question, if any
 *
 *   **答案：**
 *
 *   answer paragraphs
 *
 *   #### 解析：**
 *
 *   explanation paragraphs (the section is left out when empty)
 *
 * The keywords stay Chinese in every mode: they are the format's.
 *
 * Text is written line by line, with blank lines where it has "\n\n".  A
 * line the reader would take as structure is protected:
 *
 *   - A line that starts a block (an ATX heading, a code fence, a thematic
 *     break: whatever wenda_markdown_tokenize() itself does not read as
 *     paragraph text) gets a U+00A0 NO-BREAK SPACE in front.  The reader
 *     allows only ASCII blanks before a block's mark, and strips U+00A0
 *     from paragraph lines, so the line comes back as written.
 *
 *   - A fenced code block that the text holds whole (it starts a
 *     paragraph, has its closing fence, and a blank line or the end
 *     follows) is written as it is: the reader keeps code verbatim.
 *
 *   - A line the reader would take as an answer or explanation marker
 *     ("**答案：**", "解析：…"), or such a line with backslashes in front,
 *     gets one more backslash in front.  The reader does not understand
 *     this yet: see "Round trip" below.
 *
 *   - In a heading (the title, the question's first line), text that the
 *     reader's clean-up would change is protected: a trailing "#" gets a
 *     closing " #", and text wrapped in one pair of "**" gets a stray
 *     " **" that the reader then removes.  A title that reads as a marker
 *     gets a stray "**" in front instead.
 *
 * Round trip
 * ==========
 *
 * Every bank the Markdown reader produced comes back identical.  Text from
 * elsewhere (JSON) comes back identical unless it has:
 *
 *   - a line that is a marker (see above): the reader needs to drop the
 *     escaping backslash, and until it does, the line keeps it;
 *   - in the question's first paragraph, a single line break (a heading
 *     is one line: the rest becomes a paragraph of its own), or an odd
 *     number of "**" with one at either end;
 *   - blanks at the start or end of a line, a line of blanks only, more
 *     than one blank line in a row, or a CR: the reader trims lines and
 *     reads CR as a line break;
 *   - a title that reads as a 题目 heading ("题目：…", left out) or as a
 *     bold marker ("**解析：**", written with one more "**"), or has a
 *     line break (written as a space).
 */

#include "config.h"

#include <string.h>

#include "wenda-bank-export.h"
#include "wenda-markdown-private.h"

#define NO_BREAK_SPACE    "\xC2\xA0"
#define IDEOGRAPHIC_SPACE "\xE3\x80\x80"
#define FULLWIDTH_COLON   "\xEF\xBC\x9A"

/* Texts {{{ */

/* The text of @field in @mode; see the top of this file */
static char *
dup_text (WendaQaItem      *item,
          WendaQaField      field,
          WendaContentMode  mode)
{
  const char *zh = wenda_qa_item_get_text (item, field, WENDA_LANGUAGE_ZH);
  const char *en = wenda_qa_item_get_text (item, field, WENDA_LANGUAGE_EN);

  switch (mode)
    {
    case WENDA_CONTENT_MODE_EN:
      return g_strdup (en);

    case WENDA_CONTENT_MODE_BOTH:
      if (g_str_equal (zh, en) || en[0] == '\0')
        return g_strdup (zh);
      if (zh[0] == '\0')
        return g_strdup (en);
      return g_strconcat (zh, "\n\n", en, NULL);

    case WENDA_CONTENT_MODE_ZH:
    default:
      return g_strdup (zh);
    }
}

static char *
dup_title (WendaBank        *bank,
           WendaContentMode  mode)
{
  const char *zh = wenda_bank_get_title_in (bank, WENDA_LANGUAGE_ZH);
  const char *en = wenda_bank_get_title_in (bank, WENDA_LANGUAGE_EN);

  switch (mode)
    {
    case WENDA_CONTENT_MODE_EN:
      return g_strdup (en);

    case WENDA_CONTENT_MODE_BOTH:
      if (g_str_equal (zh, en) || en[0] == '\0')
        return g_strdup (zh);
      if (zh[0] == '\0')
        return g_strdup (en);
      return g_strconcat (zh, " / ", en, NULL);

    case WENDA_CONTENT_MODE_ZH:
    default:
      return g_strdup (zh);
    }
}

/* }}} */

/* Anki {{{ */

static void
append_tsv_field (GString    *out,
                  const char *text)
{
  if (text[0] != '#' && strpbrk (text, "\t\n\r\"") == NULL)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* @title as one level of an Anki tag; see the top of this file */
static void
append_tag_level (GString    *out,
                  const char *title)
{
  gunichar last = 0;      /* the last character written, 0 for none */
  gboolean blank = FALSE;

  for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          blank = TRUE;
          continue;
        }
      if (blank && last != 0)
        g_string_append_c (out, (char)(last = '_'));
      if (c == ':' && last == ':')
        g_string_append_c (out, '_');
      g_string_append_unichar (out, c);
      last = c;
      blank = FALSE;
    }
}

/* The tags of @item: "wenda", and its section's path */
static void
append_tags (GString          *out,
             WendaQaItem      *item,
             WendaContentMode  mode)
{
  WendaLanguage language = mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN : WENDA_LANGUAGE_ZH;
  g_autoptr(GPtrArray) levels = g_ptr_array_new ();
  gsize start;

  g_string_append (out, "wenda");

  for (WendaSection *s = wenda_qa_item_get_section (item); s != NULL; s = wenda_section_get_parent (s))
    g_ptr_array_add (levels, s);
  if (levels->len == 0)
    return;

  g_string_append_c (out, ' ');
  start = out->len;
  for (guint i = levels->len; i > 0; i--)
    {
      if (out->len > start)
        g_string_append (out, "::");
      append_tag_level (out, wenda_section_get_title_in (g_ptr_array_index (levels, i - 1), language));
    }
}

/**
 * wenda_export_anki_tsv:
 * @bank: the bank
 * @mode: which language(s)
 *
 * Writes @bank for Anki's text import; see the top of this file.
 *
 * Returns: (transfer full): the file's text, UTF-8
 */
char *
wenda_export_anki_tsv (WendaBank        *bank,
                       WendaContentMode  mode)
{
  GString *out;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);

  out = g_string_new ("#separator:tab\n"
                      "#html:false\n"
                      "#columns:Front\tBack\tExplanation\tTags\n"
                      "#tags column:4\n");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autofree char *question = dup_text (item, WENDA_QA_FIELD_QUESTION, mode);
      g_autofree char *answer = dup_text (item, WENDA_QA_FIELD_ANSWER, mode);
      g_autofree char *explanation = dup_text (item, WENDA_QA_FIELD_EXPLANATION, mode);

      append_tsv_field (out, question);
      g_string_append_c (out, '\t');
      append_tsv_field (out, answer);
      g_string_append_c (out, '\t');
      append_tsv_field (out, explanation);
      g_string_append_c (out, '\t');
      append_tags (out, item, mode);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* }}} */

/* Markdown {{{ */

/* What the reader counts as blanks: ASCII blanks, U+3000 and U+00A0 */
static gsize
blank_len (const char *p,
           const char *end)
{
  if (p >= end)
    return 0;
  if (*p == ' ' || *p == '\t' || *p == '\f' || *p == '\v' || *p == '\n' || *p == '\r')
    return 1;
  if (end - p >= 3 && memcmp (p, IDEOGRAPHIC_SPACE, 3) == 0)
    return 3;
  if (end - p >= 2 && memcmp (p, NO_BREAK_SPACE, 2) == 0)
    return 2;
  return 0;
}

static const char *
skip_blanks (const char *p,
             const char *end)
{
  gsize n;

  while ((n = blank_len (p, end)) > 0)
    p += n;

  return p;
}

static gboolean
consume (const char **p,
         const char  *end,
         const char  *prefix)
{
  gsize n = strlen (prefix);

  if ((gsize)(end - *p) < n || memcmp (*p, prefix, n) != 0)
    return FALSE;

  *p += n;
  return TRUE;
}

/* Whether the reader takes the line [@p, @end) as an answer or explanation
 * marker; this follows parse_marker() in wenda-markdown.c. */
static gboolean
is_marker (const char *p,
           const char *end)
{
  const char *open = NULL;
  gboolean closed = FALSE;
  gboolean colon;

  p = skip_blanks (p, end);
  if (consume (&p, end, "**"))
    open = "**";
  else if (consume (&p, end, "__"))
    open = "__";
  p = skip_blanks (p, end);

  if (!consume (&p, end, "答案") && !consume (&p, end, "解析"))
    return FALSE;

  p = skip_blanks (p, end);
  if (open != NULL && consume (&p, end, open))
    {
      closed = TRUE;
      p = skip_blanks (p, end);
    }

  colon = consume (&p, end, FULLWIDTH_COLON) || consume (&p, end, ":");
  p = skip_blanks (p, end);

  if (open != NULL && !closed && consume (&p, end, open))
    {
      closed = TRUE;
      p = skip_blanks (p, end);
    }
  else if (open == NULL && colon &&
           (consume (&p, end, "**") || consume (&p, end, "__")) &&
           skip_blanks (p, end) == end)
    {
      p = end;
    }

  if (open != NULL && !closed)
    return FALSE;

  return colon || p == end;
}

/* The kind of the first block of @text, as the reader sees it */
static WendaMdBlockKind
first_block_kind (const char  *text,
                  gsize        length,
                  char       **block_text,
                  gboolean    *unclosed)
{
  g_autoptr(GArray) blocks = wenda_markdown_tokenize (text, length);
  WendaMdBlock *block;

  if (blocks->len == 0)
    return WENDA_MD_BLOCK_BLANK;

  block = &g_array_index (blocks, WendaMdBlock, 0);
  if (block_text != NULL)
    *block_text = g_steal_pointer (&block->text);
  if (unclosed != NULL)
    *unclosed = block->unclosed;

  return block->kind;
}

/* Appends the line [@line, @end) of a text so that the reader gives it
 * back as it is (see the top of this file) */
static void
append_text_line (GString    *out,
                  const char *line,
                  const char *end)
{
  const char *p = line;

  while (p < end && *p == '\\')
    p++;

  if (is_marker (p, end))
    {
      g_string_append_c (out, '\\');
    }
  else
    {
      switch (first_block_kind (line, end - line, NULL, NULL))
        {
        case WENDA_MD_BLOCK_HEADING:
        case WENDA_MD_BLOCK_CODE:
        case WENDA_MD_BLOCK_BREAK:
          g_string_append (out, NO_BREAK_SPACE);
          break;

        case WENDA_MD_BLOCK_BLANK:
        case WENDA_MD_BLOCK_PARAGRAPH:
        default:
          break;
        }
    }

  g_string_append_len (out, line, end - line);
  g_string_append_c (out, '\n');
}

/* If @text starts with a fenced code block that it holds whole, followed
 * by a blank line or the end, returns the block's length in bytes. */
static gsize
whole_code_block (const char *text)
{
  g_autofree char *code = NULL;
  gboolean unclosed = TRUE;
  gsize len;

  if (first_block_kind (text, strlen (text), &code, &unclosed) != WENDA_MD_BLOCK_CODE ||
      unclosed)
    return 0;

  len = strlen (code);
  if (strncmp (text, code, len) != 0)
    return 0;
  if (text[len] != '\0' && !(text[len] == '\n' && text[len + 1] == '\n'))
    return 0;

  return len;
}

/* Appends @text, paragraphs separated by "\n\n", as Markdown body text,
 * followed by a blank line. */
static void
append_text (GString    *out,
             const char *text)
{
  gboolean paragraph_start = TRUE;
  const char *p = text;

  if (text[0] == '\0')
    return;

  while (*p != '\0')
    {
      const char *eol = strchr (p, '\n');
      gsize code_len;

      if (eol == NULL)
        eol = p + strlen (p);

      if (eol == p)
        {
          /* Between paragraphs */
          g_string_append_c (out, '\n');
          paragraph_start = TRUE;
        }
      else if (paragraph_start && (code_len = whole_code_block (p)) > 0)
        {
          g_string_append_len (out, p, code_len);
          g_string_append_c (out, '\n');
          eol = p + code_len;
          paragraph_start = FALSE;
        }
      else
        {
          append_text_line (out, p, eol);
          paragraph_start = FALSE;
        }

      p = *eol == '\n' ? eol + 1 : eol;
    }

  g_string_append_c (out, '\n');
}

static gsize
count_bold (const char *text,
            gsize       len)
{
  gsize count = 0;

  for (gsize i = 0; i + 2 <= len;)
    {
      if (text[i] == '*' && text[i + 1] == '*')
        {
          count++;
          i += 2;
        }
      else
        {
          i++;
        }
    }

  return count;
}

/* Appends heading text (one line) so that the reader's clean-up of
 * headings gives it back; see the top of this file */
static void
append_heading_text (GString    *out,
                     const char *text,
                     gsize       len)
{
  gsize start = out->len;

  for (gsize i = 0; i < len; i++)
    g_string_append_c (out, text[i] == '\n' || text[i] == '\r' ? ' ' : text[i]);

  /* clean_inline() unwraps "**…**"; a third "**" at the end makes the
   * count odd, and that one is what it removes instead. */
  if (len >= 4 && count_bold (text, len) == 2 &&
      g_str_has_prefix (out->str + start, "**") && g_str_has_suffix (out->str, "**"))
    g_string_append (out, " **");

  /* A closing sequence of "#" is dropped: give it one to drop. */
  if (out->len > start && out->str[out->len - 1] == '#')
    g_string_append (out, " #");
}

/* Whether the reader, given @heading as the title's heading, reads the
 * title back as @title (@exact), or at least reads the document right */
static gboolean
title_reads_back (const char *heading,
                  const char *title,
                  gboolean    exact)
{
  g_autofree char *probe = NULL;
  g_autoptr(WendaBank) bank = NULL;

  probe = g_strconcat ("### ", heading, "\n\n#### 题目 1：q\n\n**答案：**\n\na\n", NULL);
  bank = wenda_markdown_parse (probe, -1, NULL, NULL);

  if (bank == NULL || g_list_model_get_n_items (G_LIST_MODEL (bank)) != 1)
    return FALSE;

  return !exact || g_str_equal (wenda_bank_get_title (bank), title);
}

/* The title's heading.  A title that reads as a marker ("答案：…") is
 * protected by a stray "**" in front, which the reader's clean-up of
 * headings removes; the reader itself checks each way of writing it.  A
 * title that cannot come back as it is (one that reads as a 题目 heading)
 * is written as close as the reader allows, or left out. */
static void
append_title (GString    *out,
              const char *title)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(GString) bold = g_string_new ("**");
  const gboolean exact[] = { TRUE, FALSE };
  GString *candidates[2];

  append_heading_text (plain, title, strlen (title));
  append_heading_text (bold, title, strlen (title));
  candidates[0] = plain;
  candidates[1] = bold;

  for (guint e = 0; e < G_N_ELEMENTS (exact); e++)
    for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
      if (title_reads_back (candidates[i]->str, title, exact[e]))
        {
          g_string_append_printf (out, "### %s\n\n", candidates[i]->str);
          return;
        }
}

/**
 * wenda_export_markdown:
 * @bank: the bank
 * @mode: which language(s)
 *
 * Writes @bank in the seed's Markdown format; see the top of this file.
 *
 * Returns: (transfer full): the file's text, UTF-8
 */
char *
wenda_export_markdown (WendaBank        *bank,
                       WendaContentMode  mode)
{
  g_autofree char *title = NULL;
  GString *out;
  guint n_items;

  g_return_val_if_fail (WENDA_IS_BANK (bank), NULL);

  out = g_string_new (NULL);

  title = dup_title (bank, mode);
  if (title[0] != '\0')
    append_title (out, title);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autofree char *question = dup_text (item, WENDA_QA_FIELD_QUESTION, mode);
      g_autofree char *answer = dup_text (item, WENDA_QA_FIELD_ANSWER, mode);
      g_autofree char *explanation = dup_text (item, WENDA_QA_FIELD_EXPLANATION, mode);
      const char *rest = strchr (question, '\n');
      gsize first_len = rest ? (gsize)(rest - question) : strlen (question);

      /* The heading holds the question's first line; the reader adds the
       * paragraphs after it to the question. */
      g_string_append_printf (out, "#### 题目 %u：", wenda_qa_item_get_number (item));
      append_heading_text (out, question, first_len);
      g_string_append (out, "\n\n");

      if (rest != NULL)
        {
          while (*rest == '\n')
            rest++;
          append_text (out, rest);
        }

      g_string_append (out, "**答案：**\n\n");
      append_text (out, answer);

      if (explanation[0] != '\0')
        {
          g_string_append (out, "#### 解析：**\n\n");
          append_text (out, explanation);
        }
    }

  /* One final newline, not a blank line */
  if (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);

  return g_string_free (out, FALSE);
}

/* }}} */
