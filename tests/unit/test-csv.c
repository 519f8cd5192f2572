/* test-csv.c: CSV and TSV files, Anki's "Notes in Plain Text" too
 * (wenda-csv.c), through the import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-bank-export.h"
#include "wenda-bank-loader.h"
#include "wenda-csv-private.h"
#include "wenda-import.h"

#include "test-util.h"

/* Helpers {{{ */

/* @text read as @name says (by its extension), leniently, with @options */
static WendaBank *
read_csv (const char                *text,
          gssize                     length,
          const char                *name,
          const WendaImportOptions  *options,
          WendaImportReport        **report)
{
  g_autoptr(GError) error = NULL;
  WendaBank *bank;

  bank = wenda_import_parse_full (text, length < 0 ? strlen (text) : (gsize)length, name,
                                  WENDA_IMPORT_FORMAT_AUTO, options, "bk",
                                  NULL, NULL, NULL, report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpint (wenda_import_report_get_layout (*report), ==, WENDA_LAYOUT_CSV);

  return bank;
}

static WendaBank *
read_fixture (const char         *name,
              WendaImportReport **report)
{
  g_autofree char *path = g_build_filename ("csv", name, NULL);
  g_autofree char *text = NULL;
  gsize length;

  text = unit_read_fixture (path, &length);
  return read_csv (text, length, name, NULL, report);
}

static void
assert_item (WendaBank  *bank,
             guint       i,
             const char *question,
             const char *answer,
             const char *explanation)
{
  WendaQaItem *item = unit_item_at (bank, i);

  g_assert_cmpuint (wenda_qa_item_get_number (item), ==, i + 1);
  g_assert_cmpstr (wenda_qa_item_get_question (item), ==, question);
  g_assert_cmpstr (wenda_qa_item_get_answer (item), ==, answer);
  g_assert_cmpstr (wenda_qa_item_get_explanation (item), ==, explanation);
}

static char *
section_path (WendaBank *bank,
              guint      i)
{
  WendaSection *section = wenda_qa_item_get_section (unit_item_at (bank, i));

  return section != NULL ? wenda_section_dup_path (section, WENDA_LANGUAGE_ZH) : NULL;
}

static guint
n_items (WendaBank *bank)
{
  return g_list_model_get_n_items (G_LIST_MODEL (bank));
}

/* The report's problems, one a line: "LINE first-last w|s TEXT" (w: a
 * warning, s: lines skipped), the message without "FILE:LINE: " */
static char *
problems (WendaImportReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < wenda_import_report_get_n_problems (report); i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);
      const char *text = strstr (problem->message, ": ");

      g_string_append_printf (out, "%u %u-%u %s %s\n", problem->line, problem->first_line,
                              problem->last_line, problem->warning ? "w" : "s",
                              text != NULL ? text + 2 : problem->message);
    }

  return g_string_free (out, FALSE);
}

/* The titles of the columns, joined with "|" */
static char *
titles (WendaImportReport *report)
{
  GString *out = g_string_new (NULL);

  for (guint i = 1; i <= wenda_import_report_get_n_columns (report); i++)
    {
      if (i > 1)
        g_string_append_c (out, '|');
      g_string_append (out, wenda_import_report_get_column_title (report, i));
    }

  return g_string_free (out, FALSE);
}

static void
assert_columns (WendaImportReport *report,
                guint              question,
                guint              answer,
                guint              explanation,
                guint              tags)
{
  g_assert_cmpuint (wenda_import_report_get_column (report, WENDA_CSV_ROLE_QUESTION), ==, question);
  g_assert_cmpuint (wenda_import_report_get_column (report, WENDA_CSV_ROLE_ANSWER), ==, answer);
  g_assert_cmpuint (wenda_import_report_get_column (report, WENDA_CSV_ROLE_EXPLANATION), ==, explanation);
  g_assert_cmpuint (wenda_import_report_get_column (report, WENDA_CSV_ROLE_TAGS), ==, tags);
}

#define NONE WENDA_CSV_COLUMN_NONE

/* }}} */

/* Anki's file headers {{{ */

/* What Anki itself writes for "Notes in Plain Text" with every option:
 * the guid, note type, deck and tags columns, HTML fields */
static void
test_anki_notes (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_fixture ("anki-notes.txt", &report);
  g_autofree char *got = problems (report);
  g_autofree char *names = titles (report);
  g_autofree char *path0 = NULL, *path2 = NULL;

  g_assert_cmpstr (got, ==, "");
  g_assert_true (wenda_import_report_get_anki_headers (report));
  g_assert_false (wenda_import_report_get_has_header_row (report));
  g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, '\t');
  g_assert_cmpuint (wenda_import_report_get_n_columns (report), ==, 6);
  g_assert_cmpstr (names, ==, "Column 1|Column 2|Column 3|Column 4|Column 5|Column 6");
  /* The guid, note type and deck columns are no fields: the question is
   * the first of the others; there is no third for an explanation */
  assert_columns (report, 4, 5, NONE, 6);

  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 0, "What is **overfitting**?",
               "A model fits the training data\nbut not *new* data & noise.", "");
  assert_item (bank, 1, "What is a *learning rate*?", "The step size\nof gradient descent.", "");
  assert_item (bank, 2, "Why use dropout?", "To reduce co-adaptation: <p> is text, 中文.", "");

  /* The guid is the id, its other characters written ~XX */
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 0)), ==, "bk-f~60V.3m~7BPq~21");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 1)), ==, "bk-k9~2FZx~2B2~3DaL");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 2)), ==, "bk-rT~7E4~23np0Q1");

  /* The first tag is the section, a hierarchical one a path; "_" a blank */
  path0 = section_path (bank, 0);
  path2 = section_path (bank, 2);
  g_assert_cmpstr (path0, ==, "ml › optimisation");
  g_assert_cmpstr (path2, ==, "ml › deep learning");
  g_assert_true (wenda_qa_item_get_section (unit_item_at (bank, 0)) == wenda_qa_item_get_section (unit_item_at (bank, 1)));
  g_assert_cmpuint (wenda_import_report_get_n_sections (report), ==, 3);

  /* The preview: the first rows as read, HTML made text, on one line */
  g_assert_cmpuint (wenda_import_report_get_n_preview_rows (report), ==, 3);
  g_assert_cmpstr (wenda_import_report_get_preview_cell (report, 0, 2), ==, "Basic");
  g_assert_cmpstr (wenda_import_report_get_preview_cell (report, 1, 5), ==,
                   "The step size of gradient descent.");
}

/* Each way Anki spells a separator: its name in any case, or itself */
static void
test_anki_separators (void)
{
  static const struct { const char *value; char delimiter; } cases[] = {
    { "Comma", ',' }, { "comma", ',' }, { ",", ',' },
    { "Semicolon", ';' }, { ";", ';' },
    { "Tab", '\t' }, { "TAB", '\t' }, { "\t", '\t' },
    { "Space", ' ' }, { " ", ' ' },
    { "Pipe", '|' }, { "|", '|' },
    { "Colon", ':' }, { ":", ':' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(WendaImportReport) report = NULL;
      g_autoptr(WendaBank) bank = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) answer = g_string_new ("1");
      char d = cases[i].delimiter;

      /* The other delimiters are in the text, so only the header can say */
      for (const char *c = ",;|: \t"; *c != '\0'; c++)
        if (*c != d)
          g_string_append_printf (answer, "%c%c", *c, *c == ' ' || *c == '\t' ? 'x' : '2');
      g_string_append_printf (text, "#separator:%s\n", cases[i].value);
      g_string_append_printf (text, "Q%c%s%cA1\n", d, answer->str, d);
      g_string_append_printf (text, "Second%cAnswer,two%cE\n", d, d);

      bank = read_csv (text->str, text->len, "notes.txt", NULL, &report);
      g_test_message ("#separator:%s", cases[i].value);
      g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, d);
      g_assert_true (wenda_import_report_get_anki_headers (report));
      g_assert_cmpuint (n_items (bank), ==, 2);
      g_assert_cmpstr (wenda_qa_item_get_question (unit_item_at (bank, 0)), ==, "Q");
      g_assert_cmpstr (wenda_qa_item_get_answer (unit_item_at (bank, 0)), ==, answer->str);
      g_assert_cmpstr (wenda_qa_item_get_explanation (unit_item_at (bank, 0)), ==, "A1");
    }
}

/* #html:false keeps tags and entities as text; #html:true reads them */
static void
test_anki_html (void)
{
  const char *fields = "What is <b>x</b> &amp; <i>y</i>?\t<p>one</p><p>two<br>three</p><style>p{}</style>\n";
  g_autofree char *as_text = g_strconcat ("#separator:tab\n#html:false\n", fields, NULL);
  g_autofree char *as_html = g_strconcat ("#separator:tab\n#html:TRUE\n", fields, NULL);
  g_autoptr(WendaImportReport) report1 = NULL, report2 = NULL;
  g_autoptr(WendaBank) text = read_csv (as_text, -1, "a.txt", NULL, &report1);
  g_autoptr(WendaBank) html = read_csv (as_html, -1, "b.txt", NULL, &report2);

  assert_item (text, 0, "What is <b>x</b> &amp; <i>y</i>?", "<p>one</p><p>two<br>three</p><style>p{}</style>", "");
  assert_item (html, 0, "What is **x** & *y*?", "one\ntwo\nthree", "");
}

/* "#columns:" names the columns: they are mapped by name, in any order */
static void
test_anki_columns (void)
{
  const char *text =
    "#separator:Semicolon\n"
    "#columns:Tags;Explanation;Back;Front\n"
    "#tags column:1\n"
    "#notetype:Basic\n"
    "#deck:Interview\n"
    "#tags:imported\n"
    "# a comment, and a header Anki may add one day:\n"
    "#future key:value\n"
    "chapter_1;because;an answer;a question\n"
    "#a comment row\n"
    ";;answer two;question two\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "deck.txt", NULL, &report);
  g_autofree char *names = titles (report);
  g_autofree char *path = section_path (bank, 1);
  g_autofree char *got = problems (report);

  g_assert_cmpstr (got, ==, "");
  g_assert_cmpstr (names, ==, "Tags|Explanation|Back|Front");
  assert_columns (report, 4, 3, 2, 1);
  g_assert_false (wenda_import_report_get_has_header_row (report));
  /* "#deck:" is the title */
  g_assert_cmpstr (wenda_import_report_get_title (report), ==, "Interview");
  g_assert_cmpstr (wenda_bank_get_title (bank), ==, "Interview");

  /* No section first */
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 0, "question two", "answer two", "");
  assert_item (bank, 1, "a question", "an answer", "because");
  g_assert_cmpstr (path, ==, "chapter 1");
}

/* The note type and deck columns hold no field, wherever they are */
static void
test_anki_notetype_deck_columns (void)
{
  const char *text =
    "#separator:comma\n"
    "#notetype column:2\n"
    "#deck column:4\n"
    "Q one,Basic,A one,Default::Sub,E one\n"
    "Q two,Cloze,A two,Default,E two\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "nt.txt", NULL, &report);

  assert_columns (report, 1, 3, 5, NONE);
  assert_item (bank, 0, "Q one", "A one", "E one");
  assert_item (bank, 1, "Q two", "A two", "E two");
  g_assert_null (wenda_qa_item_get_section (unit_item_at (bank, 0)));
}

/* A .txt is read as CSV when it starts with Anki's headers, as Markdown
 * when it does not */
static void
test_anki_txt_detected (void)
{
  const char *anki = "tags:a b\n#separator:Pipe\nQ|A\n";
  const char *markdown = "# Title\n\n## 1. What is X?\n\nX.\n\n## 2. What is Y?\n\nY.\n\n## 3. What is Z?\n\nZ.\n";
  g_autoptr(WendaImportReport) report1 = NULL, report2 = NULL;
  g_autoptr(WendaBank) bank = read_csv (anki, -1, "notes.txt", NULL, &report1);
  g_autoptr(WendaBank) md = NULL;
  g_autoptr(GError) error = NULL;

  assert_item (bank, 0, "Q", "A", "");
  md = wenda_import_parse_full (markdown, strlen (markdown), "notes.txt", WENDA_IMPORT_FORMAT_AUTO, NULL,
                                "bk", NULL, NULL, NULL, &report2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wenda_import_report_get_layout (report2), ==, WENDA_LAYOUT_HEADINGS);
  g_assert_cmpuint (wenda_import_report_get_n_columns (report2), ==, 0);
}

/* }}} */

/* Fields and rows {{{ */

static void
test_quoted (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_fixture ("quoted.csv", &report);
  g_autofree char *got = problems (report);
  g_autofree char *names = titles (report);

  g_assert_cmpstr (got, ==, "");
  g_assert_true (wenda_import_report_get_has_header_row (report));
  g_assert_false (wenda_import_report_get_anki_headers (report));
  g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, ',');
  g_assert_cmpstr (names, ==, "question|answer|explanation");
  assert_columns (report, 1, 2, 3, NONE);

  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 0, "What does \"bias\" mean, in short?",
               "The error from wrong assumptions,\nnot from noise.", "See \"bias–variance\".");
  assert_item (bank, 1, "What is variance?", "Sensitivity to the training set", "");
  assert_item (bank, 2, "Multi\nline\nquestion?", "Yes", "");
  g_assert_cmpstr (wenda_import_report_get_preview_cell (report, 2, 1), ==, "Multi line question?");
}

/* CRLF line ends, a BOM, no final line end: the same items, and the
 * lines of a row after a quoted line break are counted right */
static void
test_crlf_bom (void)
{
  const char *text = "\xEF\xBB\xBFQuestion,Answer\r\n\"Two\r\nlines?\",Yes\r\n,no question\r\nLast?,No";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "crlf.csv", NULL, &report);
  g_autofree char *got = problems (report);
  g_autofree char *names = titles (report);

  g_assert_cmpstr (names, ==, "Question|Answer");
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 0, "Two\nlines?", "Yes", "");
  assert_item (bank, 1, "Last?", "No", "");
  g_assert_cmpstr (got, ==, "4 4-4 s this row has no question: column 1 is empty; line 4 skipped\n");
}

static void
test_tsv (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_fixture ("chinese.tsv", &report);
  g_autofree char *names = titles (report);
  g_autofree char *got = problems (report);

  g_assert_cmpstr (got, ==, "");
  g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, '\t');
  /* Chinese names: a header */
  g_assert_true (wenda_import_report_get_has_header_row (report));
  g_assert_cmpstr (names, ==, "问题|答案|解析");
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 0, "什么是过拟合？", "模型在训练集上表现好，在测试集上差。", "正则化可以缓解。");
  assert_item (bank, 1, "什么是欠拟合？", "模型太简单。", "");
}

/* Semicolons, and a number column: the numbers are the labels and ids */
static void
test_semicolon_numbers (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_fixture ("semicolon.csv", &report);

  g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, ';');
  assert_columns (report, 2, 3, NONE, NONE);
  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 1, "What is a gradient?", "The vector of partial derivatives.", "");
  g_assert_cmpstr (wenda_qa_item_get_label (unit_item_at (bank, 1)), ==, "1.2");
  g_assert_cmpstr (wenda_qa_item_get_id (unit_item_at (bank, 1)), ==, "bk-1.2");
}

/* A pipe, and a first row unlike the rest (short, asking nothing) that
 * names no known column: a header all the same */
static void
test_pipe_unlike_header (void)
{
  const char *text =
    "Prompt text|Reply text\n"
    "What is a transformer model?|An architecture built on attention.\n"
    "Why does attention scale quadratically?|Every token attends to every other one.\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "p.csv", NULL, &report);

  g_assert_cmpint (wenda_import_report_get_delimiter (report), ==, '|');
  g_assert_true (wenda_import_report_get_has_header_row (report));
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 0, "What is a transformer model?", "An architecture built on attention.", "");
}

/* No header: short rows of words are all content */
static void
test_no_header (void)
{
  const char *text = "apple,苹果\npear,梨\nplum,李子\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "words.csv", NULL, &report);
  g_autofree char *names = titles (report);

  g_assert_false (wenda_import_report_get_has_header_row (report));
  g_assert_cmpstr (names, ==, "Column 1|Column 2");
  g_assert_cmpuint (n_items (bank), ==, 3);
  assert_item (bank, 0, "apple", "苹果", "");
  /* No number: the id is a hash of the question */
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_id (unit_item_at (bank, 0)), "bk-h"));
}

/* Three columns with no header: question, answer, explanation */
static void
test_three_columns (void)
{
  const char *text = "What is L1?,Lasso,It makes weights sparse\nWhat is L2?,Ridge,It shrinks weights\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "reg.csv", NULL, &report);

  assert_columns (report, 1, 2, 3, NONE);
  assert_item (bank, 0, "What is L1?", "Lasso", "It makes weights sparse");
  assert_item (bank, 1, "What is L2?", "Ridge", "It shrinks weights");
}

/* Rows with fewer fields or more: read, with a warning on their line; a
 * row with no question: skipped, with its line */
static void
test_ragged (void)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_fixture ("ragged.csv", &report);
  g_autofree char *got = problems (report);

  g_assert_cmpuint (wenda_import_report_get_n_columns (report), ==, 3);
  g_assert_cmpstr (got, ==,
                   "2 0-0 w this row has 2 fields, the file 3 columns: the explanation (column 3) is empty\n"
                   "3 0-0 w this row has 1 field, the file 3 columns: the answer (column 2) is empty\n"
                   "4 4-4 s this row has no question: column 1 is empty; line 4 skipped\n"
                   "5 0-0 w this row has 5 fields, the file 3 columns: the last 2 are not read\n");
  g_assert_cmpuint (n_items (bank), ==, 4);
  assert_item (bank, 2, "What is momentum?", "", "");
  assert_item (bank, 3, "What is RMSProp?", "Root mean square propagation", "");
}

/* Lines are counted across quoted line breaks and blank lines */
static void
test_problem_lines (void)
{
  const char *text =
    "q,a\n"                          /* 1 */
    "\"one\n\ntwo\",x\n"             /* 2-4 */
    "\n"                             /* 5 */
    "\"\",\"empty\nquestion\"\n"     /* 6-7 */
    "last,row\n";                    /* 8 */
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "lines.csv", NULL, &report);
  g_autofree char *got = problems (report);

  g_assert_cmpstr (got, ==, "6 6-7 s this row has no question: column 1 is empty; lines 6–7 skipped\n");
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 0, "one\n\ntwo", "x", "");
}

/* A quote never closed: the rest is one field, and a warning says so */
static void
test_unclosed_quote (void)
{
  const char *text = "Q1,A1\nQ2,\"A2\nQ3,A3\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "open.csv", NULL, &report);
  g_autofree char *got = problems (report);

  g_assert_cmpstr (got, ==, "2 0-0 w this quote is never closed: the rest of the file is read as one field\n");
  g_assert_cmpuint (n_items (bank), ==, 2);
  assert_item (bank, 1, "Q2", "A2\nQ3,A3", "");
}

static void
assert_refused (const char     *text,
                gsize           length,
                const char     *name,
                WendaBankError  code,
                const char     *message)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = wenda_import_parse_full (text, length, name, WENDA_IMPORT_FORMAT_AUTO, NULL, "bk",
                                  NULL, NULL, NULL, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, (int)code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_refused (void)
{
  static const char binary[] = "Q,A\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15,\0\0\0";

  assert_refused ("", 0, "empty.csv", WENDA_BANK_ERROR_EMPTY, "empty.csv:1: the file is empty");
  assert_refused ("\n \r\n", 4, "blank.csv", WENDA_BANK_ERROR_EMPTY, "blank.csv:1: the file is empty");
  assert_refused (binary, sizeof binary - 1, "binary.csv", WENDA_BANK_ERROR_NOT_TEXT,
                  "binary.csv:1: this is not a text file: a question bank is a Markdown or JSON text file");
  assert_refused ("question,answer\n", 16, "header.csv", WENDA_BANK_ERROR_EMPTY,
                  "header.csv:1: no question found: the file has a header row and no row under it");
  assert_refused ("#separator:comma\n#html:false\n", 29, "headers.txt", WENDA_BANK_ERROR_EMPTY,
                  "headers.txt:3: no question found: the file has no row");
  assert_refused (",x\n,y\n", 6, "noq.csv", WENDA_BANK_ERROR_EMPTY,
                  "noq.csv:1: no question could be read: every row has a problem");
}

/* Strict reading (no problem function): the first skipped row fails,
 * naming its line */
static void
test_strict (void)
{
  const char *text = "q,a\nfine,yes\n,no question\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = wenda_csv_read (text, strlen (text), "s.csv", NULL, &error);
  g_assert_null (bank);
  g_assert_error (error, WENDA_BANK_ERROR, WENDA_BANK_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "s.csv:3: this row has no question: column 1 is empty");
  g_clear_error (&error);

  bank = wenda_csv_read (text, strlen ("q,a\nfine,yes\n"), "s.csv", NULL, &error);
  g_assert_no_error (error);
  assert_item (bank, 0, "fine", "yes", "");
  g_assert_true (g_str_has_prefix (wenda_qa_item_get_id (unit_item_at (bank, 0)), "q-h"));
}

/* }}} */

/* Choices {{{ */

/* The options' delimiter, header and columns win over what is found */
static void
test_choices (void)
{
  const char *text = "Front,Back,Notes,Tags\nQ1,A1,N1,t1\nQ2,A2,N2,t2\n";
  WendaImportOptions options = { 0, };
  g_autoptr(WendaImportReport) found = NULL, chosen = NULL, plain = NULL, semi = NULL;
  g_autoptr(WendaBank) bank1 = read_csv (text, -1, "c.csv", &options, &found);
  g_autoptr(WendaBank) bank2 = NULL, bank3 = NULL, bank4 = NULL;
  g_autofree char *path = NULL;

  assert_columns (found, 1, 2, 3, 4);
  assert_item (bank1, 0, "Q1", "A1", "N1");

  /* The answer as question, the question as answer, no explanation,
   * no tags */
  options.columns[WENDA_CSV_ROLE_QUESTION] = 2;
  options.columns[WENDA_CSV_ROLE_ANSWER] = 1;
  options.columns[WENDA_CSV_ROLE_EXPLANATION] = WENDA_CSV_COLUMN_NONE;
  options.columns[WENDA_CSV_ROLE_TAGS] = WENDA_CSV_COLUMN_NONE;
  bank2 = read_csv (text, -1, "c.csv", &options, &chosen);
  assert_columns (chosen, 2, 1, NONE, NONE);
  assert_item (bank2, 0, "A1", "Q1", "");
  g_assert_null (wenda_qa_item_get_section (unit_item_at (bank2, 0)));

  /* No header row: its row is a question; the explanation is the tags
   * column; a column past the last one is not taken */
  memset (&options, 0, sizeof options);
  options.header = WENDA_CSV_HEADER_NO;
  options.columns[WENDA_CSV_ROLE_EXPLANATION] = 4;
  options.columns[WENDA_CSV_ROLE_TAGS] = 9;
  bank3 = read_csv (text, -1, "c.csv", &options, &plain);
  g_assert_false (wenda_import_report_get_has_header_row (plain));
  g_assert_cmpuint (n_items (bank3), ==, 3);
  assert_item (bank3, 0, "Front", "Back", "Tags");
  assert_columns (plain, 1, 2, 4, NONE);

  /* Another delimiter: one column */
  memset (&options, 0, sizeof options);
  options.delimiter = ';';
  options.header = WENDA_CSV_HEADER_YES;
  bank4 = read_csv (text, -1, "c.csv", &options, &semi);
  g_assert_cmpint (wenda_import_report_get_delimiter (semi), ==, ';');
  g_assert_cmpuint (wenda_import_report_get_n_columns (semi), ==, 1);
  assert_columns (semi, 1, NONE, NONE, NONE);
  assert_item (bank4, 0, "Q1,A1,N1,t1", "", "");

  path = section_path (bank1, 1);
  g_assert_cmpstr (path, ==, "t2");
}

/* }}} */

/* Sections and the export {{{ */

/* Questions of a section are put together, in the order of the first of
 * each, with those of no section first */
static void
test_sections_grouped (void)
{
  const char *text =
    "#separator:tab\n#tags column:3\n"
    "q1\ta1\tA::B\n"
    "q2\ta2\tB\n"
    "q3\ta3\t\n"
    "q4\ta4\tA\n"
    "q5\ta5\tA::B other\n"
    "q6\ta6\tA::C\n";
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = read_csv (text, -1, "s.txt", NULL, &report);
  static const char *order[] = { "q3", "q4", "q1", "q5", "q6", "q2" };
  GPtrArray *sections = wenda_bank_get_sections (bank);

  g_assert_cmpuint (n_items (bank), ==, 6);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_assert_cmpstr (wenda_qa_item_get_question (unit_item_at (bank, i)), ==, order[i]);
      g_assert_cmpuint (wenda_qa_item_get_number (unit_item_at (bank, i)), ==, i + 1);
    }
  g_assert_cmpuint (sections->len, ==, 4);
  g_assert_cmpstr (wenda_section_get_title (g_ptr_array_index (sections, 0)), ==, "A");
  g_assert_cmpstr (wenda_section_get_title (g_ptr_array_index (sections, 1)), ==, "B");
  g_assert_true (wenda_section_get_parent (g_ptr_array_index (sections, 1)) == g_ptr_array_index (sections, 0));
  g_assert_cmpstr (wenda_section_get_title (g_ptr_array_index (sections, 3)), ==, "B");
  g_assert_null (wenda_section_get_parent (g_ptr_array_index (sections, 3)));

  /* And the library's JSON takes it */
  {
    g_autofree char *json = wenda_bank_to_json (bank, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(WendaBank) again = wenda_bank_load_json (json, -1, "s.json", &error);

    g_assert_no_error (error);
    unit_assert_same_items (bank, again);
  }
}

/* A bank with sections, exported for Anki and read back: the same
 * questions, answers, explanations and sections */
static void
test_export_round_trip (void)
{
  g_autoptr(WendaImportReport) report = NULL, report2 = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *text = NULL;
  gsize length;

  /* Sections with blanks, "::" and quotes; a question starting with "#",
   * fields with tabs, line breaks and quotes */
  text = unit_read_fixture ("layouts/headings-chapters.md", &length);
  g_assert_nonnull (text);
  {
    g_autoptr(GError) error = NULL;

    bank = wenda_import_parse (text, length, "chapters.md", WENDA_IMPORT_FORMAT_MARKDOWN, "rt",
                               NULL, NULL, NULL, &report, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (wenda_bank_get_sections (bank)->len, >, 1);

  tsv = wenda_export_anki_tsv (bank, WENDA_CONTENT_MODE_ZH);
  again = read_csv (tsv, -1, "chapters.txt", NULL, &report2);
  {
    g_autofree char *got = problems (report2);

    g_assert_cmpstr (got, ==, "");
  }
  g_assert_true (wenda_import_report_get_anki_headers (report2));
  assert_columns (report2, 1, 2, 3, 4);

  g_assert_cmpuint (n_items (again), ==, n_items (bank));
  for (guint i = 0; i < n_items (bank); i++)
    {
      WendaQaItem *a = unit_item_at (bank, i), *b = unit_item_at (again, i);
      g_autofree char *path_a = section_path (bank, i);
      g_autofree char *path_b = section_path (again, i);

      g_assert_cmpstr (wenda_qa_item_get_question (a), ==, wenda_qa_item_get_question (b));
      g_assert_cmpstr (wenda_qa_item_get_answer (a), ==, wenda_qa_item_get_answer (b));
      g_assert_cmpstr (wenda_qa_item_get_explanation (a), ==, wenda_qa_item_get_explanation (b));
      g_assert_cmpstr (path_a, ==, path_b);
    }
}

/* The same for fields Markdown cannot hold as they are */
static void
test_export_round_trip_fields (void)
{
  const char *text =
    "{\"format\": \"wenda-bank\", \"version\": 2, \"title\": \"t\","
    " \"sections\": [{\"title\": \"第一章 数学 基础\"}, {\"title\": \"a::b \\\"c\\\"\", \"parent\": 0}],"
    " \"items\": ["
    "  {\"id\": \"x1\", \"number\": 1, \"question\": \"# not a comment\", \"answer\": \"tab\\there\", \"section\": 0},"
    "  {\"id\": \"x2\", \"number\": 2, \"question\": \"say \\\"hi\\\", twice\", \"answer\": \"two\\nlines\","
    "   \"explanation\": \"e\", \"section\": 1}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = wenda_bank_load_json (text, -1, "f.json", &error);
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autofree char *tsv = NULL;
  g_autofree char *path0 = NULL, *path1 = NULL;

  g_assert_no_error (error);
  tsv = wenda_export_anki_tsv (bank, WENDA_CONTENT_MODE_ZH);
  again = read_csv (tsv, -1, "f.txt", NULL, &report);
  g_assert_cmpuint (n_items (again), ==, 2);
  assert_item (again, 0, "# not a comment", "tab\there", "");
  assert_item (again, 1, "say \"hi\", twice", "two\nlines", "e");
  path0 = section_path (again, 0);
  path1 = section_path (again, 1);
  g_assert_cmpstr (path0, ==, "第一章 数学 基础");
  g_assert_cmpstr (path1, ==, "第一章 数学 基础 › a::b \"c\"");
}

/* }}} */

/* Progress and cancellation {{{ */

typedef struct
{
  GCancellable *cancellable;
  guint         calls;
  double        last;
} Progress;

static void
on_progress (double   fraction,
             gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  progress->last = fraction;
  if (++progress->calls == 1 && progress->cancellable != NULL)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress_cancel (void)
{
  g_autoptr(GString) text = g_string_new ("question,answer\n");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  Progress progress = { NULL, 0, 0 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "Question %u?,Answer %u\n", i, i);

  bank = wenda_import_parse (text->str, text->len, "big.csv", WENDA_IMPORT_FORMAT_AUTO, "bk",
                             NULL, on_progress, &progress, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_items (bank), ==, 20000);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_clear_object (&bank);
  g_clear_pointer (&report, wenda_import_report_free);

  progress = (Progress) { cancellable, 0, 0 };
  bank = wenda_import_parse (text->str, text->len, "big.csv", WENDA_IMPORT_FORMAT_AUTO, "bk",
                             cancellable, on_progress, &progress, &report, &error);
  g_assert_null (bank);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Wenda/Csv/anki/notes", test_anki_notes);
  g_test_add_func ("/Wenda/Csv/anki/separators", test_anki_separators);
  g_test_add_func ("/Wenda/Csv/anki/html", test_anki_html);
  g_test_add_func ("/Wenda/Csv/anki/columns", test_anki_columns);
  g_test_add_func ("/Wenda/Csv/anki/notetype-deck-columns", test_anki_notetype_deck_columns);
  g_test_add_func ("/Wenda/Csv/anki/txt-detected", test_anki_txt_detected);
  g_test_add_func ("/Wenda/Csv/quoted", test_quoted);
  g_test_add_func ("/Wenda/Csv/crlf-bom", test_crlf_bom);
  g_test_add_func ("/Wenda/Csv/tsv", test_tsv);
  g_test_add_func ("/Wenda/Csv/semicolon-numbers", test_semicolon_numbers);
  g_test_add_func ("/Wenda/Csv/pipe-unlike-header", test_pipe_unlike_header);
  g_test_add_func ("/Wenda/Csv/no-header", test_no_header);
  g_test_add_func ("/Wenda/Csv/three-columns", test_three_columns);
  g_test_add_func ("/Wenda/Csv/ragged", test_ragged);
  g_test_add_func ("/Wenda/Csv/problem-lines", test_problem_lines);
  g_test_add_func ("/Wenda/Csv/unclosed-quote", test_unclosed_quote);
  g_test_add_func ("/Wenda/Csv/refused", test_refused);
  g_test_add_func ("/Wenda/Csv/strict", test_strict);
  g_test_add_func ("/Wenda/Csv/choices", test_choices);
  g_test_add_func ("/Wenda/Csv/sections-grouped", test_sections_grouped);
  g_test_add_func ("/Wenda/Csv/export-round-trip", test_export_round_trip);
  g_test_add_func ("/Wenda/Csv/export-round-trip-fields", test_export_round_trip_fields);
  g_test_add_func ("/Wenda/Csv/progress-cancel", test_progress_cancel);

  return g_test_run ();
}
