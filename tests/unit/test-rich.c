/* test-rich.c: an answer's Markdown as the reading pane's tree of blocks
 * (wenda-rich.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include <pango/pango.h>

#include "wenda-rich.h"

/* Helpers {{{ */

#define OBJ "\xEF\xBF\xBC"

/* The checks every inline text passes: spans sorted, apart, inside the
 * text and on character boundaries; images at their U+FFFC and a U+FFFC
 * only at an image; and its markup, both ways, parses */
static void assert_markup_parses (const char *markup);

static void
check_inline (const WendaRichInline *inline_)
{
  guint prev_end = 0;
  guint n_objects = 0;

  g_assert_nonnull (inline_);
  g_assert_nonnull (inline_->text);
  g_assert_cmpuint (strlen (inline_->text), ==, inline_->length);
  g_assert_true (g_utf8_validate (inline_->text, inline_->length, NULL));

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const WendaRichSpan *span = &g_array_index (inline_->spans, WendaRichSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->start, >=, prev_end);
      g_assert_cmpuint (span->end, <=, inline_->length);
      g_assert_true (g_utf8_validate (inline_->text + span->start, span->end - span->start, NULL));
      g_assert_cmpuint (span->style, !=, 0);
      g_assert_true (((span->style & WENDA_RICH_STYLE_LINK) != 0) == (span->href != NULL));
      if (i > 0)
        {
          const WendaRichSpan *prev = &g_array_index (inline_->spans, WendaRichSpan, i - 1);

          /* Merged when they touch and are alike */
          g_assert_false (prev->end == span->start && prev->style == span->style &&
                          g_strcmp0 (prev->href, span->href) == 0);
        }
      prev_end = span->end;
    }

  for (const char *p = inline_->text; (p = strstr (p, OBJ)) != NULL; p += 3)
    n_objects++;
  g_assert_cmpuint (n_objects, ==, inline_->images->len);
  for (guint i = 0; i < inline_->images->len; i++)
    {
      const WendaRichImage *image = &g_array_index (inline_->images, WendaRichImage, i);

      g_assert_cmpuint (image->offset + 3, <=, inline_->length);
      g_assert_cmpmem (inline_->text + image->offset, 3, OBJ, 3);
      g_assert_nonnull (image->src);
      g_assert_nonnull (image->alt);
      g_assert_nonnull (image->source);
    }

  for (guint keep = 0; keep < 2; keep++)
    {
      g_autofree char *markup = wenda_rich_inline_to_markup (inline_, keep);

      assert_markup_parses (markup);
    }
}

static void
check_blocks (GPtrArray *blocks,
              gsize      start,
              gsize      end,
              guint      depth)
{
  gsize prev_end = start;

  g_assert_cmpuint (depth, <=, 70);
  for (guint i = 0; i < blocks->len; i++)
    {
      const WendaRichBlock *block = g_ptr_array_index (blocks, i);

      g_assert_cmpuint (block->src_start, >=, prev_end);
      g_assert_cmpuint (block->src_start, <=, block->src_end);
      g_assert_cmpuint (block->src_end, <=, end);
      prev_end = block->src_end;

      switch (block->kind)
        {
        case WENDA_RICH_PARAGRAPH:
        case WENDA_RICH_HEADING:
        case WENDA_RICH_CELL:
        case WENDA_RICH_DETAILS:
          check_inline (block->inline_);
          break;
        case WENDA_RICH_CODE:
        case WENDA_RICH_MATH:
          g_assert_nonnull (block->text);
          g_assert_true (g_utf8_validate (block->text, -1, NULL));
          break;
        default:
          g_assert_null (block->inline_);
          break;
        }
      if (block->children != NULL)
        check_blocks (block->children, block->src_start, block->src_end, depth + 1);
    }
}

static WendaRichDoc *
parse (const char *markdown)
{
  WendaRichDoc *doc = wenda_rich_parse (markdown, -1);
  g_autofree char *plain = NULL;

  g_assert_nonnull (doc);
  check_blocks (doc->blocks, 0, strlen (markdown), 0);
  plain = wenda_rich_doc_to_plain (doc);
  g_assert_true (g_utf8_validate (plain, -1, NULL));

  return doc;
}

/* As GtkLabel does, which reads <a href> itself and gives Pango the rest */
static void
assert_markup_parses (const char *markup)
{
  g_autoptr(GRegex) opens = g_regex_new ("<a href=\"[^\"]*\">", 0, 0, NULL);
  g_autoptr(GRegex) closes = g_regex_new ("</a>", 0, 0, NULL);
  g_autofree char *half = g_regex_replace_literal (opens, markup, -1, 0, "<span>", 0, NULL);
  g_autofree char *spans = g_regex_replace_literal (closes, half, -1, 0, "</span>", 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!pango_parse_markup (spans, -1, 0, NULL, &text, NULL, &error))
    g_error ("markup does not parse: %s\n%s", error->message, markup);
  /* GMarkup, as GtkLabel's link parser reads it too */
  {
    GMarkupParser parser = { 0, };
    g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
    g_autofree char *wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);

    if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
        !g_markup_parse_context_end_parse (context, &error))
      g_error ("markup is not well-formed: %s\n%s", error->message, markup);
  }
}

/* An inline text as a string: text, with each span as {STYLES:text},
 * STYLES the letters B I S C M ^ _ and L=href; an image as
 * [!src|alt] (|title if it has one) */
static void
dump_inline (GString               *out,
             const WendaRichInline *inline_)
{
  static const struct { WendaRichStyle style; const char *letter; } letters[] = {
    { WENDA_RICH_STYLE_BOLD, "B" }, { WENDA_RICH_STYLE_ITALIC, "I" },
    { WENDA_RICH_STYLE_STRIKE, "S" }, { WENDA_RICH_STYLE_CODE, "C" },
    { WENDA_RICH_STYLE_MATH, "M" }, { WENDA_RICH_STYLE_SUP, "^" },
    { WENDA_RICH_STYLE_SUB, "_" },
  };
  guint span = 0, image = 0;

  for (guint pos = 0; pos < inline_->length;)
    {
      const WendaRichSpan *s = span < inline_->spans->len
        ? &g_array_index (inline_->spans, WendaRichSpan, span) : NULL;

      if (s != NULL && s->start == pos)
        {
          g_string_append_c (out, '{');
          for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
            if (s->style & letters[i].style)
              g_string_append (out, letters[i].letter);
          if (s->style & WENDA_RICH_STYLE_LINK)
            g_string_append_printf (out, "L=%s", s->href);
          g_string_append_c (out, ':');
        }

      if (image < inline_->images->len &&
          g_array_index (inline_->images, WendaRichImage, image).offset == pos)
        {
          const WendaRichImage *img = &g_array_index (inline_->images, WendaRichImage, image);

          g_string_append_printf (out, "[!%s|%s", img->src, img->alt);
          if (img->title != NULL)
            g_string_append_printf (out, "|%s", img->title);
          g_string_append_c (out, ']');
          image++;
          pos += 3;
        }
      else
        {
          const char *next = g_utf8_next_char (inline_->text + pos);

          g_string_append_len (out, inline_->text + pos, next - (inline_->text + pos));
          pos = next - inline_->text;
        }

      if (s != NULL && s->end == pos)
        {
          g_string_append_c (out, '}');
          span++;
        }
    }
}

static void
dump_blocks (GString   *out,
             GPtrArray *blocks);

static void
dump_block (GString              *out,
            const WendaRichBlock *block)
{
  static const char aligns[] = { 0, '<', '^', '>' };

  switch (block->kind)
    {
    case WENDA_RICH_PARAGRAPH:
      g_string_append (out, "P(");
      break;
    case WENDA_RICH_HEADING:
      g_string_append_printf (out, "H%u(", block->level);
      break;
    case WENDA_RICH_LIST:
      if (block->ordered)
        g_string_append_printf (out, "OL%u[", block->start);
      else
        g_string_append (out, "UL[");
      break;
    case WENDA_RICH_ITEM:
      g_string_append (out, block->task == WENDA_RICH_TASK_OPEN ? "LI[ ][" :
                            block->task == WENDA_RICH_TASK_DONE ? "LI[x][" : "LI[");
      break;
    case WENDA_RICH_QUOTE:
      g_string_append (out, "QUOTE[");
      break;
    case WENDA_RICH_CODE:
      g_string_append_printf (out, "CODE(%s%s)\"%s\"", block->info != NULL ? block->info : "",
                              block->diagram == WENDA_RICH_DIAGRAM_MERMAID ? "*mermaid" :
                              block->diagram == WENDA_RICH_DIAGRAM_DOT ? "*dot" : "", block->text);
      return;
    case WENDA_RICH_MATH:
      g_string_append_printf (out, "MATH\"%s\"", block->text);
      return;
    case WENDA_RICH_TABLE:
      g_string_append (out, "TABLE[");
      break;
    case WENDA_RICH_ROW:
      g_string_append (out, block->header ? "HROW[" : "ROW[");
      break;
    case WENDA_RICH_CELL:
      g_string_append (out, block->header ? "TH" : "TD");
      if (block->align != WENDA_RICH_ALIGN_DEFAULT)
        g_string_append_c (out, aligns[block->align]);
      g_string_append_c (out, '(');
      break;
    case WENDA_RICH_RULE:
      g_string_append (out, "HR");
      return;
    case WENDA_RICH_DETAILS:
      g_string_append (out, "DETAILS(");
      dump_inline (out, block->inline_);
      g_string_append (out, ")[");
      break;
    }

  if (block->children != NULL)
    {
      dump_blocks (out, block->children);
      g_string_append_c (out, ']');
    }
  else
    {
      dump_inline (out, block->inline_);
      g_string_append_c (out, ')');
    }
}

static void
dump_blocks (GString   *out,
             GPtrArray *blocks)
{
  for (guint i = 0; i < blocks->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      dump_block (out, g_ptr_array_index (blocks, i));
    }
}

static char *
dump (const char *markdown)
{
  g_autoptr(WendaRichDoc) doc = parse (markdown);
  GString *out = g_string_new (NULL);

  dump_blocks (out, doc->blocks);
  return g_string_free (out, FALSE);
}

static const WendaRichBlock *
block_at (WendaRichDoc *doc,
          guint         i)
{
  g_assert_cmpuint (i, <, doc->blocks->len);
  return g_ptr_array_index (doc->blocks, i);
}

/* The source of top-level block @i */
static char *
source_of (WendaRichDoc *doc,
           const char   *markdown,
           guint         i)
{
  const WendaRichBlock *block = block_at (doc, i);

  return g_strndup (markdown + block->src_start, block->src_end - block->src_start);
}

/* }}} */

/* The tree, as dump() writes it {{{ */

typedef struct
{
  const char *name;
  const char *markdown;
  const char *expected;
} DumpCase;

static const DumpCase dump_cases[] = {
  /* Blocks */
  { "empty", "", "" },
  { "blank-lines", "\n\n  \n", "" },
  { "paragraph", "你好，世界", "P(你好，世界)" },
  { "two-paragraphs", "one\n\ntwo", "P(one) P(two)" },
  { "headings", "# 一\n\n###### six\n\nSetext\n---", "H1(一) H6(six) H2(Setext)" },
  { "heading-style", "## **粗** 与 `c`", "H2({B:粗} 与 {C:c})" },
  { "list-tight", "- a\n- b", "UL[LI[P(a)] LI[P(b)]]" },
  { "list-loose", "- a\n\n- b", "UL[LI[P(a)] LI[P(b)]]" },
  { "list-ordered-start", "3. three\n4. four", "OL3[LI[P(three)] LI[P(four)]]" },
  { "list-nested", "- a\n  - b\n    1. c\n- d",
    "UL[LI[P(a) UL[LI[P(b) OL1[LI[P(c)]]]]] LI[P(d)]]" },
  { "list-item-blocks", "- a\n\n  b\n\n  ```\n  x\n  ```",
    "UL[LI[P(a) P(b) CODE()\"x\n\"]]" },
  { "task-list", "- [ ] open\n- [x] done\n- [X] DONE\n- plain",
    "UL[LI[ ][P(open)] LI[x][P(done)] LI[x][P(DONE)] LI[P(plain)]]" },
  { "quote", "> 引用\n> 第二行", "QUOTE[P(引用第二行)]" },
  { "quote-nested", "> a\n>> b", "QUOTE[P(a) QUOTE[P(b)]]" },
  { "quote-list", "> - a\n> - b", "QUOTE[UL[LI[P(a)] LI[P(b)]]]" },
  { "code-fenced", "```Python extra words\nprint(1)\n```", "CODE(python)\"print(1)\n\"" },
  { "code-tilde", "~~~c\nint x;\n\nint y;\n~~~", "CODE(c)\"int x;\n\nint y;\n\"" },
  { "code-indented", "    a\n    b", "CODE()\"a\nb\n\"" },
  { "code-unclosed", "```\nx", "CODE()\"x\n\"" },
  { "code-empty", "```\n```", "CODE()\"\"" },
  { "code-mermaid", "```mermaid\ngraph TD\n```", "CODE(mermaid*mermaid)\"graph TD\n\"" },
  { "code-dot", "```dot\ndigraph{}\n```", "CODE(dot*dot)\"digraph{}\n\"" },
  { "code-graphviz", "```Graphviz\ndigraph{}\n```", "CODE(graphviz*dot)\"digraph{}\n\"" },
  { "code-keeps-markup", "```\n<b>**x**</b> &amp;\n```", "CODE()\"<b>**x**</b> &amp;\n\"" },
  { "rule", "a\n\n---\n\nb", "P(a) HR P(b)" },
  { "rule-stars", "***", "HR" },
  { "table",
    "| 左 | 中 | 右 | 无 |\n|:--|:-:|--:|---|\n| 1 | **2** | 3 | 4 |",
    "TABLE[HROW[TH<(左) TH^(中) TH>(右) TH(无)] ROW[TD<(1) TD^({B:2}) TD>(3) TD(4)]]" },
  { "table-two-rows", "a|b\n-|-\n1|2\n3|4",
    "TABLE[HROW[TH(a) TH(b)] ROW[TD(1) TD(2)] ROW[TD(3) TD(4)]]" },

  /* Display math */
  { "math-alone", "$$\nx^2 + y^2\n$$", "MATH\"x^2 + y^2\"" },
  { "math-alone-one-line", "$$a=b$$", "MATH\"a=b\"" },
  { "math-middle", "前 $$E=mc^2$$ 后", "P(前) MATH\"E=mc^2\" P(后)" },
  { "math-start", "$$x$$ then", "MATH\"x\" P(then)" },
  { "math-end", "see $$x$$", "P(see) MATH\"x\"" },
  { "math-two", "$$a$$ $$b$$", "MATH\"a\" MATH\"b\"" },
  { "math-in-item", "- $$x$$", "UL[LI[MATH\"x\"]]" },
  { "math-in-heading", "# $$x$$", "H1({M:x})" },
  { "math-inline", "面积 $\\pi r^2$ 米", "P(面积 {M:\\pi r^2} 米)" },

  /* Styles */
  { "bold", "**b** __u__", "P({B:b} {B:u})" },
  { "italic", "*i* _u_", "P({I:i} {I:u})" },
  { "bold-italic", "***bi***", "P({BI:bi})" },
  { "nested-styles", "**a *b* c**", "P({B:a }{BI:b}{B: c})" },
  { "strike", "~~s~~", "P({S:s})" },
  { "code-span", "`x` and ``a ` b``", "P({C:x} and {C:a ` b})" },
  { "code-in-link", "[`c` t](u)", "P({CL=u:c}{L=u: t})" },
  { "link", "[文](https://e.com/?a=1&amp;b=2)", "P({L=https://e.com/?a=1&b=2:文})" },
  { "link-reference", "[t][r]\n\n[r]: /u", "P({L=/u:t})" },
  { "autolink", "<https://e.com>", "P({L=https://e.com:https://e.com})" },
  { "autolink-permissive", "see https://e.com now", "P(see {L=https://e.com:https://e.com} now)" },
  { "escaped", "\\*not\\* \\<b>", "P(*not* <b>)" },

  /* HTML inline */
  { "html-bold", "<b>b</b><strong>s</strong>", "P({B:bs})" },
  { "html-italic", "<i>i</i> <em>e</em>", "P({I:i} {I:e})" },
  { "html-strike", "<s>s</s> <del>d</del>", "P({S:s} {S:d})" },
  { "html-code", "<code>c</code>", "P({C:c})" },
  { "html-sup-sub", "x<sup>2</sup> H<sub>2</sub>O", "P(x{^:2} H{_:2}O)" },
  { "html-link", "<a href=\"https://e.com/?a&amp;b\">l</a> after", "P({L=https://e.com/?a&b:l} after)" },
  { "html-link-no-href", "<a name=\"x\">l</a>", "P(l)" },
  { "html-br", "a<br>b<br/>c<br />d", "P(a\nb\nc\nd)" },
  { "html-unknown-tag", "<span class=\"x\">t</span> <font>f</font>", "P(t f)" },
  { "html-unbalanced-close", "a</b> b", "P(a b)" },
  { "html-unclosed-open", "<b>a", "P({B:a})" },
  { "html-comment", "a <!-- note --> b", "P(a  b)" },
  { "html-script-inline", "a <script>alert(1)</script> b", "P(a  b)" },
  { "html-upper-case", "<B>x</B>", "P({B:x})" },

  /* HTML blocks */
  { "html-block-div", "<div>你好<b>世界</b></div>", "P(你好{B:世界})" },
  { "html-block-p", "<p>one</p><p>two</p>", "P(one\ntwo)" },
  { "html-block-div-lines", "<div>\na\n</div>\n<div>b</div>", "P(a\nb)" },
  { "html-block-whitespace", "<div>\n  a   b\n  c\n</div>", "P(a b c)" },
  { "html-block-cjk-lines", "<div>\n中文\n段落\n</div>", "P(中文段落)" },
  { "html-block-entities", "<div>&lt;b&gt; &amp; &#x4E2D;&nbsp;</div>", "P(<b> & 中\xC2\xA0)" },
  { "html-block-script", "<script>\nvar x = '<b>';\n</script>", "" },
  { "html-block-style", "<style>p { color: red }</style>", "" },
  { "html-block-comment", "<!--\n*x*\n-->", "" },
  { "html-block-only-tags", "<div></div>", "" },
  { "html-block-unterminated-tag", "<div>a <a href=\"", "P(a)" },
  { "html-block-lone-lt", "<div>a < b</div>", "P(a < b)" },
  { "html-block-img-end", "<div>x<img src=", "P(x)" },

  /* <details> */
  { "details-one-block",
    "<details><summary>答案</summary>正文</details>",
    "DETAILS(答案)[P(正文)]" },
  { "details-across-blocks",
    "<details>\n<summary>答案</summary>\n\n**粗体** 正文\n\n</details>",
    "DETAILS(答案)[P({B:粗体} 正文)]" },
  { "details-blocks-inside",
    "<details>\n<summary>S</summary>\n\n- a\n- b\n\n```\nc\n```\n\n</details>\n\nafter",
    "DETAILS(S)[UL[LI[P(a)] LI[P(b)]] CODE()\"c\n\"] P(after)" },
  { "details-no-summary", "<details>\n\nbody\n\n</details>", "DETAILS()[P(body)]" },
  { "details-summary-styled",
    "<details><summary><b>答案</b> &amp; 解析</summary>\n\nx\n\n</details>",
    "DETAILS({B:答案} & 解析)[P(x)]" },
  { "details-nested",
    "<details>\n<summary>A</summary>\n\n<details>\n<summary>B</summary>\n\ninner\n\n</details>\n\nouter\n\n</details>",
    "DETAILS(A)[DETAILS(B)[P(inner)] P(outer)]" },
  { "details-unclosed", "<details>\n<summary>S</summary>\n\ntext", "DETAILS(S)[P(text)]" },
  { "details-unclosed-in-quote",
    "> <details>\n> <summary>S</summary>\n>\n> in\n\nout",
    "QUOTE[DETAILS(S)[P(in)]] P(out)" },
  { "details-close-without-open", "a\n\n</details>\n\nb", "P(a) P(b)" },
  { "details-text-before", "intro<details><summary>S</summary>body</details>",
    "P(intro) DETAILS(S)[P(body)]" },
  { "details-in-list",
    "- item\n\n  <details>\n  <summary>S</summary>\n\n  body\n\n  </details>\n- next",
    "UL[LI[P(item) DETAILS(S)[P(body)]] LI[P(next)]]" },

  /* Entities */
  { "entities", "&amp; &lt; &gt; &quot; &#x20;&#65; &nbsp;", "P(& < > \"  A \xC2\xA0)" },
  { "entity-unknown", "&bogus; &#xZZ;", "P(&bogus; &#xZZ;)" },

  /* Line breaks */
  { "soft-break-latin", "one\ntwo", "P(one two)" },
  { "soft-break-cjk", "中文\n续行", "P(中文续行)" },
  { "soft-break-cjk-punct", "句号。\n下一句", "P(句号。下一句)" },
  { "soft-break-kana-hangul", "かな\n한국", "P(かな한국)" },
  { "soft-break-fullwidth", "（括号）\n文", "P(（括号）文)" },
  { "soft-break-mixed", "中文\nEnglish", "P(中文 English)" },
  { "soft-break-mixed-2", "English\n中文", "P(English 中文)" },
  { "hard-break-spaces", "a  \nb", "P(a\nb)" },
  { "hard-break-backslash", "a\\\nb", "P(a\nb)" },

  /* **答案：** */
  { "pair-cjk-colon", "**答案：**正文", "P({B:答案：}正文)" },
  { "pair-twice", "**问：**甲，**答：**乙", "P({B:问：}甲，{B:答：}乙)" },
  { "pair-lone", "**", "P(**)" },
  { "pair-lone-text", "a ** b", "P(a ** b)" },
  /* md4c pairs the second and third: its bold, no literal pair left */
  { "pair-odd", "**答：**甲**乙", "P(**答：{B:甲}乙)" },
  { "pair-space-inside", "** 答：** x", "P(** 答：** x)" },
  { "pair-in-code", "`**答案：**正文`", "P({C:**答案：**正文})" },
  { "pair-triple", "***答：***x", "P(***答：***x)" },
  { "pair-escaped", "\\*\\*答：\\*\\*x", "P(**答：**x)" },
  { "pair-in-link", "[**答：**x](u)", "P({BL=u:答：}{L=u:x})" },
  { "pair-around-link", "**见[此](u)：**x", "P({B:见}{BL=u:此}{B:：}x)" },
  { "pair-across-blocks", "**答案：\n\n**正文", "P(**答案：) P(**正文)" },
  { "pair-across-lines", "**答案：\n续**正文", "P({B:答案：续}正文)" },
  { "pair-code-after-opener", "**`f()`：**说明", "P({BC:f()}{B:：}说明)" },
  { "pair-opener-before-star", "**\\*答：**x", "P(***答：**x)" },
  { "pair-md4c-bold-kept", "**粗体** 与 **答：**x", "P({B:粗体} 与 {B:答：}x)" },
  { "pair-in-cell", "|h|\n|-|\n|**答：**x|", "TABLE[HROW[TH(h)] ROW[TD({B:答：}x)]]" },

  /* Images */
  { "image", "![图 *一*](img/a.png \"标题\")", "P([!img/a.png|图 一|标题])" },
  { "image-no-title", "see ![alt](b.png) here", "P(see [!b.png|alt] here)" },
  { "image-empty-alt", "![](c.png)", "P([!c.png|])" },
  { "image-reference", "![r][img]\n\n[img]: im&amp;g.png \"T\"", "P([!im&g.png|r|T])" },
  { "image-in-link", "[![a](i.png)](https://e.com)", "P({L=https://e.com:[!i.png|a]})" },
  { "image-html", "<img src=\"x.png\" alt=\"替代\">", "P([!x.png|替代])" },
  { "image-html-order-quotes", "a <img alt='A &amp; B' title=T src=y.png /> b", "P(a [!y.png|A & B|T] b)" },
  { "image-html-no-src", "<img alt=x>", "" },
  { "image-html-block", "<div>\n<img src=\"a.png\">\n</div>", "P([!a.png|])" },
  { "object-char-in-text", "a" OBJ "b", "P(a\xEF\xBF\xBD" "b)" },
};

static void
test_dump (gconstpointer data)
{
  const DumpCase *c = data;
  g_autofree char *got = dump (c->markdown);

  g_assert_cmpstr (got, ==, c->expected);
}

/* }}} */

/* Blocks, one by one {{{ */

static void
test_code_info (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("```\nx\n```\n\n``` PyThOn\ny\n```\n\n```c++ {.x}\nz\n```");

  g_assert_null (block_at (doc, 0)->info);
  g_assert_cmpstr (block_at (doc, 1)->info, ==, "python");
  g_assert_cmpstr (block_at (doc, 2)->info, ==, "c++");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpint (block_at (doc, i)->kind, ==, WENDA_RICH_CODE);
      g_assert_cmpint (block_at (doc, i)->diagram, ==, WENDA_RICH_DIAGRAM_NONE);
      g_assert_null (block_at (doc, i)->inline_);
      g_assert_true (g_str_has_suffix (block_at (doc, i)->text, "\n"));
      g_assert_false (strstr (block_at (doc, i)->text, "```"));
    }
}

static void
test_list_fields (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("7) a\n8) b\n\n- x");
  const WendaRichBlock *ol = block_at (doc, 0);
  const WendaRichBlock *ul = block_at (doc, 1);

  g_assert_cmpint (ol->kind, ==, WENDA_RICH_LIST);
  g_assert_true (ol->ordered);
  g_assert_cmpuint (ol->start, ==, 7);
  g_assert_cmpuint (ol->children->len, ==, 2);
  g_assert_cmpint (ul->kind, ==, WENDA_RICH_LIST);
  g_assert_false (ul->ordered);
  g_assert_cmpint (((WendaRichBlock *)g_ptr_array_index (ul->children, 0))->task, ==, WENDA_RICH_TASK_NONE);
}

static void
test_table_fields (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("| a | b |\n|:-:|--:|\n| 1 | 2 |");
  const WendaRichBlock *table = block_at (doc, 0);
  const WendaRichBlock *head, *body, *cell;

  g_assert_cmpint (table->kind, ==, WENDA_RICH_TABLE);
  g_assert_cmpuint (table->children->len, ==, 2);
  head = g_ptr_array_index (table->children, 0);
  body = g_ptr_array_index (table->children, 1);
  g_assert_cmpint (head->kind, ==, WENDA_RICH_ROW);
  g_assert_true (head->header);
  g_assert_false (body->header);
  cell = g_ptr_array_index (head->children, 0);
  g_assert_true (cell->header);
  g_assert_cmpint (cell->align, ==, WENDA_RICH_ALIGN_CENTER);
  cell = g_ptr_array_index (body->children, 1);
  g_assert_false (cell->header);
  g_assert_cmpint (cell->align, ==, WENDA_RICH_ALIGN_RIGHT);
  g_assert_cmpstr (cell->inline_->text, ==, "2");
}

static void
test_details_fields (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("<details>\n<summary>答案</summary>\n\n正文\n\n</details>");
  const WendaRichBlock *details = block_at (doc, 0);

  g_assert_cmpuint (doc->blocks->len, ==, 1);
  g_assert_cmpint (details->kind, ==, WENDA_RICH_DETAILS);
  g_assert_nonnull (details->inline_);
  g_assert_cmpstr (details->inline_->text, ==, "答案");
  g_assert_cmpuint (details->children->len, ==, 1);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_DETAILS), ==, 1);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 1);
}

/* }}} */

/* Inline {{{ */

static void
test_spans_offsets (void)
{
  g_autoptr(WendaRichInline) inline_ = wenda_rich_parse_inline ("中**粗**`c`", -1);
  const WendaRichSpan *span;

  g_assert_cmpstr (inline_->text, ==, "中粗c");
  g_assert_cmpuint (inline_->length, ==, 7);
  g_assert_cmpuint (inline_->spans->len, ==, 2);
  span = &g_array_index (inline_->spans, WendaRichSpan, 0);
  g_assert_cmpuint (span->start, ==, 3);
  g_assert_cmpuint (span->end, ==, 6);
  g_assert_cmpint (span->style, ==, WENDA_RICH_STYLE_BOLD);
  g_assert_null (span->href);
  span = &g_array_index (inline_->spans, WendaRichSpan, 1);
  g_assert_cmpuint (span->start, ==, 6);
  g_assert_cmpuint (span->end, ==, 7);
  g_assert_cmpint (span->style, ==, WENDA_RICH_STYLE_CODE);
}

static void
test_spans_merged (void)
{
  /* Two runs of bold that touch are one span; a link and the text after
   * with another href are two */
  g_autoptr(WendaRichInline) a = wenda_rich_parse_inline ("**a**<b>b</b>", -1);
  g_autoptr(WendaRichInline) b = wenda_rich_parse_inline ("[x](u)[y](v)[z](v)", -1);

  g_assert_cmpuint (a->spans->len, ==, 1);
  g_assert_cmpuint (g_array_index (a->spans, WendaRichSpan, 0).end, ==, 2);
  g_assert_cmpuint (b->spans->len, ==, 2);
  g_assert_cmpstr (g_array_index (b->spans, WendaRichSpan, 0).href, ==, "u");
  g_assert_cmpstr (g_array_index (b->spans, WendaRichSpan, 1).href, ==, "v");
  g_assert_cmpuint (g_array_index (b->spans, WendaRichSpan, 1).start, ==, 1);
  g_assert_cmpuint (g_array_index (b->spans, WendaRichSpan, 1).end, ==, 3);
}

static void
test_image_fields (void)
{
  g_autoptr(WendaRichInline) md = wenda_rich_parse_inline ("x ![a](p.png \"t\")", -1);
  g_autoptr(WendaRichInline) html = wenda_rich_parse_inline ("<img alt=\"a\" src=\"p.png\">", -1);
  const WendaRichImage *image;

  g_assert_cmpuint (md->images->len, ==, 1);
  image = &g_array_index (md->images, WendaRichImage, 0);
  g_assert_cmpuint (image->offset, ==, 2);
  g_assert_cmpstr (image->src, ==, "p.png");
  g_assert_cmpstr (image->alt, ==, "a");
  g_assert_cmpstr (image->title, ==, "t");
  g_assert_cmpstr (image->source, ==, "![a](p.png \"t\")");
  g_assert_cmpstr (md->text, ==, "x " OBJ);

  image = &g_array_index (html->images, WendaRichImage, 0);
  g_assert_cmpuint (image->offset, ==, 0);
  g_assert_cmpstr (image->src, ==, "p.png");
  g_assert_null (image->title);
  g_assert_cmpstr (image->source, ==, "<img alt=\"a\" src=\"p.png\">");
}

static void
test_image_source_reference (void)
{
  g_autoptr(WendaRichInline) inline_ = wenda_rich_parse_inline ("![a [b]](<my pic.png>)", -1);
  const WendaRichImage *image = &g_array_index (inline_->images, WendaRichImage, 0);

  g_assert_cmpstr (image->src, ==, "my pic.png");
  g_assert_cmpstr (image->alt, ==, "a [b]");
  /* Written again so that it reads back the same */
  g_assert_cmpstr (image->source, ==, "![a \\[b\\]](<my pic.png>)");
  {
    g_autoptr(WendaRichInline) again = wenda_rich_parse_inline (image->source, -1);

    g_assert_cmpuint (again->images->len, ==, 1);
    g_assert_cmpstr (g_array_index (again->images, WendaRichImage, 0).src, ==, "my pic.png");
    g_assert_cmpstr (g_array_index (again->images, WendaRichImage, 0).alt, ==, "a [b]");
  }
}

static void
test_parse_inline (void)
{
  g_autoptr(WendaRichInline) heading = wenda_rich_parse_inline ("## 标题 *i*\n\nrest", -1);
  g_autoptr(WendaRichInline) item = wenda_rich_parse_inline ("1. **问**", -1);
  g_autoptr(WendaRichInline) none = wenda_rich_parse_inline ("```\ncode\n```", -1);
  g_autoptr(WendaRichInline) empty = wenda_rich_parse_inline ("", 0);
  g_autoptr(WendaRichInline) cut = wenda_rich_parse_inline ("问题 two", 6);

  g_assert_cmpstr (heading->text, ==, "标题 i");
  g_assert_cmpuint (heading->spans->len, ==, 1);
  g_assert_cmpstr (item->text, ==, "问");
  g_assert_cmpstr (none->text, ==, "");
  g_assert_cmpuint (none->length, ==, 0);
  g_assert_cmpstr (empty->text, ==, "");
  g_assert_cmpstr (cut->text, ==, "问题");
}

/* }}} */

/* Markup {{{ */

static char *
markup_of (const char *markdown,
           gboolean    keep_objects)
{
  g_autoptr(WendaRichInline) inline_ = wenda_rich_parse_inline (markdown, -1);
  char *markup;

  check_inline (inline_);
  markup = wenda_rich_inline_to_markup (inline_, keep_objects);
  assert_markup_parses (markup);
  return markup;
}

typedef struct
{
  const char *markdown;
  const char *markup;
} MarkupCase;

static const MarkupCase markup_cases[] = {
  { "plain", "plain" },
  { "**b** *i* ~~s~~", "<b>b</b> <i>i</i> <s>s</s>" },
  { "`c`", "<span font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"18%\">c</span>" },
  { "$x$", "<span font_family=\"monospace\">x</span>" },
  { "x<sup>2</sup><sub>i</sub>", "x<sup>2</sup><sub>i</sub>" },
  { "***bi***", "<b><i>bi</i></b>" },
  { "[t](https://e.com/?a=1&b=2)", "<a href=\"https://e.com/?a=1&amp;b=2\">t</a>" },
  { "[**t**](u)", "<a href=\"u\"><b>t</b></a>" },
  /* Hostile text */
  { "\\<span foreground='red'>x\\</span>", "&lt;span foreground=&apos;red&apos;&gt;x&lt;/span&gt;" },
  { "a & b &amp; c", "a &amp; b &amp; c" },
  { "`<b>`", "<span font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"18%\">&lt;b&gt;</span>" },
  { "`</span></b>`", "<span font_family=\"monospace\" bgcolor=\"#808080\" bgalpha=\"18%\">&lt;/span&gt;&lt;/b&gt;</span>" },
  { "[x](\"><b>)", "<a href=\"&quot;&gt;&lt;b&gt;\">x</a>" },
  { "&lt;i&gt;", "&lt;i&gt;" },
  { "<b>&lt;/b&gt;</b>", "<b>&lt;/b&gt;</b>" },
  { "\\&#1;\\]]>", "&amp;#1;]]&gt;" },
};

static void
test_markup_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (markup_cases); i++)
    {
      g_autofree char *markup = markup_of (markup_cases[i].markdown, TRUE);

      g_assert_cmpstr (markup, ==, markup_cases[i].markup);
    }
}

static void
test_markup_images (void)
{
  g_autofree char *kept = markup_of ("a ![<图>](x.png) b ![](y.png)", TRUE);
  g_autofree char *dropped = markup_of ("a ![<图>](x.png) b ![](y.png)", FALSE);
  g_autofree char *linked = markup_of ("[![i](x.png)](u)", TRUE);

  g_assert_cmpstr (kept, ==, "a [&lt;图&gt;] b []");
  g_assert_cmpstr (dropped, ==, "a  b ");
  g_assert_cmpstr (linked, ==, "<a href=\"u\">[i]</a>");
}

/* Text that is not UTF-8, control characters, NUL: still markup */
static void
test_markup_bytes (void)
{
  static const char bytes[] = "a\x01\x1f\x7f \xff\xfe b\x00" "c `\x02<`";
  g_autoptr(WendaRichDoc) doc = wenda_rich_parse (bytes, sizeof bytes - 1);

  check_blocks (doc->blocks, 0, sizeof bytes - 1, 0);
  g_assert_cmpuint (doc->blocks->len, ==, 1);
  g_assert_true (g_utf8_validate (block_at (doc, 0)->inline_->text, -1, NULL));
  g_assert_nonnull (strstr (block_at (doc, 0)->inline_->text, "\xEF\xBF\xBD"));
}

/* }}} */

/* Where blocks are {{{ */

static void
test_src_offsets (void)
{
  const char *md = "# 标题\n\n段落一\n续行\n\n- a\n- b\n\n```py\ncode\n```\n\n> q\n\n---\n\nend";
  g_autoptr(WendaRichDoc) doc = parse (md);
  static const char *expected[] = {
    "# 标题\n", "段落一\n续行\n", "- a\n- b\n", "```py\ncode\n```\n", "> q\n", NULL, "end",
  };

  g_assert_cmpuint (doc->blocks->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *source = source_of (doc, md, i);

      if (expected[i] != NULL)
        g_assert_cmpstr (source, ==, expected[i]);
    }
  /* The rule holds its line, between its neighbours */
  {
    g_autofree char *rule = source_of (doc, md, 5);

    g_assert_cmpint (block_at (doc, 5)->kind, ==, WENDA_RICH_RULE);
    g_assert_nonnull (strstr (rule, "---"));
    g_assert_null (strstr (rule, "q"));
    g_assert_null (strstr (rule, "end"));
  }
}

static void
test_src_offsets_setext_table (void)
{
  const char *md = "Title\n=====\n\n| a |\n|---|\n| 1 |\n\ntail\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  g_autofree char *heading = source_of (doc, md, 0);
  g_autofree char *table = source_of (doc, md, 1);
  g_autofree char *tail = source_of (doc, md, 2);

  g_assert_cmpstr (heading, ==, "Title\n=====\n");
  g_assert_cmpstr (table, ==, "| a |\n|---|\n| 1 |\n");
  g_assert_cmpstr (tail, ==, "tail\n");
}

static void
test_src_offsets_cells (void)
{
  const char *md = "| 方法 | 说明 |\n|---|---|\n| 正则化 | L1 |\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  const WendaRichBlock *table = block_at (doc, 0);
  const WendaRichBlock *row = g_ptr_array_index (table->children, 1);
  const WendaRichBlock *cell = g_ptr_array_index (row->children, 1);
  g_autofree char *row_source = g_strndup (md + row->src_start, row->src_end - row->src_start);
  g_autofree char *cell_source = g_strndup (md + cell->src_start, cell->src_end - cell->src_start);

  g_assert_cmpstr (row_source, ==, "| 正则化 | L1 |\n");
  g_assert_cmpstr (cell_source, ==, "L1");
  g_assert_cmpuint (table->src_start, ==, 0);
  g_assert_cmpuint (table->src_end, ==, strlen (md));
}

static void
test_src_offsets_math (void)
{
  const char *md = "前 $$x$$ 后\n\n$$\ny\n$$\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  g_autofree char *before = source_of (doc, md, 0);
  g_autofree char *math = source_of (doc, md, 1);
  g_autofree char *after = source_of (doc, md, 2);
  g_autofree char *alone = source_of (doc, md, 3);

  g_assert_cmpuint (doc->blocks->len, ==, 4);
  g_assert_cmpstr (before, ==, "前 ");
  g_assert_cmpstr (math, ==, "$$x$$");
  g_assert_cmpstr (after, ==, " 后\n");
  g_assert_cmpstr (alone, ==, "$$\ny\n$$\n");
}

static void
test_src_offsets_details (void)
{
  const char *md = "intro\n\n<details>\n<summary>S</summary>\n\nbody\n\n</details>\n\nafter\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  g_autofree char *details = source_of (doc, md, 1);
  g_autofree char *after = source_of (doc, md, 2);

  g_assert_cmpuint (doc->blocks->len, ==, 3);
  g_assert_true (g_str_has_prefix (details, "<details>"));
  g_assert_true (g_str_has_suffix (details, "</details>\n"));
  g_assert_cmpstr (after, ==, "after\n");
}

static void
test_src_offsets_nested (void)
{
  const char *md = "- a\n- b\n  > c\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  const WendaRichBlock *list = block_at (doc, 0);
  const WendaRichBlock *second = g_ptr_array_index (list->children, 1);
  const WendaRichBlock *quote = g_ptr_array_index (second->children, 1);

  g_assert_cmpuint (list->src_start, ==, 0);
  g_assert_cmpuint (list->src_end, ==, strlen (md));
  g_assert_cmpuint (second->src_start, ==, 4);
  g_assert_cmpint (quote->kind, ==, WENDA_RICH_QUOTE);
  g_assert_cmpuint (quote->src_start, ==, 8);
  g_assert_cmpuint (quote->src_end, ==, strlen (md));
}

static void
test_src_offsets_crlf (void)
{
  const char *md = "a\r\nb\r\n\r\nc\r\n";
  g_autoptr(WendaRichDoc) doc = parse (md);
  g_autofree char *first = source_of (doc, md, 0);
  g_autofree char *second = source_of (doc, md, 1);

  g_assert_cmpstr (first, ==, "a\r\nb\r\n");
  g_assert_cmpstr (second, ==, "c\r\n");
}

/* }}} */

/* Plain text and counts {{{ */

static void
test_to_plain (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("# T\n\n**粗** ![图](a.png)\n\n3. x\n4. [x] y\n\n"
                                       "- a\n  - b\n\n| h1 | h2 |\n|--|--|\n| c | d |\n\n"
                                       "```\ncode\n```\n\n$$m$$\n\n---\n\n"
                                       "<details><summary>S</summary>body</details>");
  g_autofree char *plain = wenda_rich_doc_to_plain (doc);

  g_assert_cmpstr (plain, ==,
                   "T\n粗 图\n3. x\n4. [x] y\n- a\n- b\nh1\th2\nc\td\ncode\nm\nS\nbody\n");
}

static void
test_count (void)
{
  g_autoptr(WendaRichDoc) doc = parse ("a\n\n- b\n  - c\n\n> d\n> > e\n\n| x |\n|-|\n| y |\n");

  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 5);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_LIST), ==, 2);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_ITEM), ==, 2);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_QUOTE), ==, 2);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_TABLE), ==, 1);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_ROW), ==, 2);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_CELL), ==, 2);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_CODE), ==, 0);
}

static void
test_empty (void)
{
  g_autoptr(WendaRichDoc) doc = wenda_rich_parse ("", 0);
  g_autoptr(WendaRichDoc) null_doc = wenda_rich_parse (NULL, 0);
  g_autofree char *plain = wenda_rich_doc_to_plain (doc);

  g_assert_cmpuint (doc->blocks->len, ==, 0);
  g_assert_cmpuint (null_doc->blocks->len, ==, 0);
  g_assert_cmpstr (plain, ==, "");
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 0);
}

/* }}} */

/* Limits {{{ */

static guint
tree_depth (GPtrArray *blocks)
{
  guint depth = 0;

  for (guint i = 0; i < blocks->len; i++)
    {
      const WendaRichBlock *block = g_ptr_array_index (blocks, i);

      /* Not in MAX (), which would walk it twice a level */
      guint below = block->children != NULL ? tree_depth (block->children) : 0;

      depth = MAX (depth, below);
    }

  return depth + 1;
}

static void
test_deep_quotes (void)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(WendaRichDoc) doc = NULL;
  g_autofree char *plain = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (md, '>');
  g_string_append (md, " 深处");

  doc = parse (md->str);
  g_assert_cmpuint (tree_depth (doc->blocks), <=, 66);
  g_assert_cmpuint (tree_depth (doc->blocks), >=, 64);
  /* The text is kept, in the deepest quote there is */
  plain = wenda_rich_doc_to_plain (doc);
  g_assert_cmpstr (plain, ==, "深处\n");
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_QUOTE), ==, 64);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 1);
}

static void
test_deep_lists (void)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(WendaRichDoc) doc = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      for (guint j = 0; j < i * 2; j++)
        g_string_append_c (md, ' ');
      g_string_append_printf (md, "- %u\n", i);
    }

  doc = parse (md->str);
  g_assert_cmpuint (tree_depth (doc->blocks), <=, 66);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 3000);
  /* Items only in lists */
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_ITEM), <=,
                    wenda_rich_doc_count (doc, WENDA_RICH_LIST) * 1);
}

static void
test_deep_details (void)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(WendaRichDoc) doc = NULL;

  for (guint i = 0; i < 500; i++)
    g_string_append (md, "<details>\n\nx\n\n");
  for (guint i = 0; i < 500; i++)
    g_string_append (md, "</details>\n\n");
  g_string_append (md, "after\n");

  doc = parse (md->str);
  g_assert_cmpuint (tree_depth (doc->blocks), <=, 66);
  g_assert_cmpuint (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH), ==, 501);
  /* The </details> of the ones not made close none: "after" is outside */
  g_assert_cmpint (block_at (doc, doc->blocks->len - 1)->kind, ==, WENDA_RICH_PARAGRAPH);
  g_assert_cmpstr (block_at (doc, doc->blocks->len - 1)->inline_->text, ==, "after");
}

static void
test_deep_spans (void)
{
  g_autoptr(GString) md = g_string_new (NULL);
  g_autoptr(WendaRichDoc) doc = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (md, "<b>*[");
  g_string_append (md, "x");
  doc = parse (md->str);
  g_assert_cmpuint (doc->blocks->len, ==, 1);
}

static void
test_malformed_html (void)
{
  static const char *inputs[] = {
    "<", "<a href=\"", "<img src=", "<img src='x", "<div", "</", "<!--", "<!", "<?",
    "<details>", "</details>", "<summary>", "</summary>x", "<details><summary>",
    "<div><a href=\"x\">", "<script>", "<div><script>x", "<div><style", "a <b",
    "<details>\n\n<details>\n\n</summary></details></details></details>",
    "<div>&", "<div>&#", "<div>&#x;", "<div>&#99999999999;", "<img/>", "<img src>",
    "- <details>\n- </details>", "| <details> |\n|-|\n| </details> |",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(WendaRichDoc) doc = parse (inputs[i]);

      g_assert_nonnull (doc);
    }
}

/* This thread's CPU time, in ms: what a busy machine's other processes
 * do not add to, as they add to the wall clock's */
static double
cpu_ms (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* The quickest of three parses of @md, in ms of CPU time */
static double
parse_time (GString *md)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < 3; i++)
    {
      double start = cpu_ms ();
      g_autoptr(WendaRichDoc) doc = wenda_rich_parse (md->str, md->len);
      double ms = cpu_ms () - start;

      best = MIN (best, ms);
      g_assert_cmpuint (doc->blocks->len, >, md->len / 1000);
    }

  return best;
}

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif

static void
test_large (void)
{
  g_autoptr(GString) md = g_string_new (NULL);
  double small, large;

  while (md->len < 256 * 1024)
    g_string_append (md, "**答案：**梯度下降 *沿* 负梯度方向更新 `θ`，见 [链接](https://e.com) 与 $x^2$。\n"
                         "<b>粗</b> ![图](a.png) &amp; 续行\n\n- 项 1\n- 项 2\n\n<div>块<br>行</div>\n\n");
  small = parse_time (md);
  while (md->len < 1024 * 1024)
    g_string_append_len (md, md->str, MIN (md->len, 1024 * 1024 - md->len + 1));
  large = parse_time (md);
  g_test_message ("%zu KiB parsed in %.1f ms of CPU, 256 KiB in %.1f ms", md->len / 1024, large, small);

  /* Linear: four times the text, not sixteen times the time */
  g_assert_cmpfloat (large, <, 10 * small + 5);
#if defined(__OPTIMIZE__) && !defined(SANITIZED)
  g_assert_cmpfloat (large, <, 100);
#endif
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint i = 0; i < G_N_ELEMENTS (dump_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Wenda/Rich/tree/%s", dump_cases[i].name);

      g_test_add_data_func (path, &dump_cases[i], test_dump);
    }

  g_test_add_func ("/Wenda/Rich/code-info", test_code_info);
  g_test_add_func ("/Wenda/Rich/list-fields", test_list_fields);
  g_test_add_func ("/Wenda/Rich/table-fields", test_table_fields);
  g_test_add_func ("/Wenda/Rich/details-fields", test_details_fields);
  g_test_add_func ("/Wenda/Rich/inline/spans-offsets", test_spans_offsets);
  g_test_add_func ("/Wenda/Rich/inline/spans-merged", test_spans_merged);
  g_test_add_func ("/Wenda/Rich/inline/image-fields", test_image_fields);
  g_test_add_func ("/Wenda/Rich/inline/image-source-rewritten", test_image_source_reference);
  g_test_add_func ("/Wenda/Rich/inline/parse-inline", test_parse_inline);
  g_test_add_func ("/Wenda/Rich/markup/cases", test_markup_cases);
  g_test_add_func ("/Wenda/Rich/markup/images", test_markup_images);
  g_test_add_func ("/Wenda/Rich/markup/bytes", test_markup_bytes);
  g_test_add_func ("/Wenda/Rich/src/blocks", test_src_offsets);
  g_test_add_func ("/Wenda/Rich/src/setext-table", test_src_offsets_setext_table);
  g_test_add_func ("/Wenda/Rich/src/cells", test_src_offsets_cells);
  g_test_add_func ("/Wenda/Rich/src/math", test_src_offsets_math);
  g_test_add_func ("/Wenda/Rich/src/details", test_src_offsets_details);
  g_test_add_func ("/Wenda/Rich/src/nested", test_src_offsets_nested);
  g_test_add_func ("/Wenda/Rich/src/crlf", test_src_offsets_crlf);
  g_test_add_func ("/Wenda/Rich/plain", test_to_plain);
  g_test_add_func ("/Wenda/Rich/count", test_count);
  g_test_add_func ("/Wenda/Rich/empty", test_empty);
  g_test_add_func ("/Wenda/Rich/limits/deep-quotes", test_deep_quotes);
  g_test_add_func ("/Wenda/Rich/limits/deep-lists", test_deep_lists);
  g_test_add_func ("/Wenda/Rich/limits/deep-details", test_deep_details);
  g_test_add_func ("/Wenda/Rich/limits/deep-spans", test_deep_spans);
  g_test_add_func ("/Wenda/Rich/limits/malformed-html", test_malformed_html);
  g_test_add_func ("/Wenda/Rich/limits/large", test_large);

  return g_test_run ();
}
