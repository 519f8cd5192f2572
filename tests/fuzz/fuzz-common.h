/* fuzz-common.h: the checks every bank reader's result must pass, shared by
 * the libFuzzer harnesses (fuzz-*.c) and test-fuzz-regressions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wenda-bank-export.h"
#include "wenda-bank-loader.h"
#include "wenda-bank.h"
#include "wenda-csv-private.h"
#include "wenda-glossary.h"
#include "wenda-import.h"
#include "wenda-layout-private.h"
#include "wenda-markdown.h"
#include "wenda-md-blocks-private.h"
#include "wenda-media.h"
#include "wenda-rich.h"
#include "wenda-text-check-private.h"

#include <pango/pango.h>

G_BEGIN_DECLS

/* The names the readers are given; each has a non-ASCII part, so a message
 * that cuts or re-encodes the name is caught. */
#define FUZZ_MARKDOWN_FILENAME "题库-fuzz.md"
#define FUZZ_JSON_FILENAME     "题库-fuzz.json"
#define FUZZ_IMPORT_FILENAME   "题库-fuzz"
#define FUZZ_IMPORT_PREFIX     "fz"

/* Not g_assert(): that vanishes under G_DISABLE_ASSERT, and these must
 * hold in every build.  abort() is what libFuzzer and GTest both see as a
 * crash. */
#define fuzz_check(cond, ...)                                                 \
  G_STMT_START {                                                              \
    if (G_UNLIKELY (!(cond)))                                                 \
      {                                                                       \
        fprintf (stderr, "%s:%d: invariant failed: %s: ",                     \
                 __FILE__, __LINE__, #cond);                                  \
        fprintf (stderr, __VA_ARGS__);                                        \
        fputc ('\n', stderr);                                                 \
        abort ();                                                             \
      }                                                                       \
  } G_STMT_END

typedef enum
{
  /* Every item has a non-empty answer (the strict readers refuse one
   * without; the importer skips it). */
  FUZZ_BANK_ANSWER_REQUIRED = 1 << 0,
  /* Numbers and ids are unique within the bank. */
  FUZZ_BANK_UNIQUE          = 1 << 1,
} FuzzBankFlags;

/* Ids the importer makes: "PREFIX-NNN", NNN the number, at least 3 digits */
static inline gboolean
fuzz_id_matches_number (const char *id,
                        const char *prefix,
                        guint       number)
{
  g_autofree char *expected = g_strdup_printf ("%s-%03u", prefix, number);

  return g_str_equal (id, expected);
}

/**
 * fuzz_check_bank:
 * @id_prefix: (nullable): if set, every id must be "@id_prefix-NNN"
 *
 * On success: at least one item; every item has a non-empty id and
 * question, a number > 0, valid UTF-8 everywhere, and can be found again
 * by its number and id.
 */
static inline void
fuzz_check_bank (WendaBank     *bank,
                 FuzzBankFlags  flags,
                 const char    *id_prefix)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  const char *title;
  guint n_items;

  fuzz_check (WENDA_IS_BANK (bank), "not a WendaBank");
  fuzz_check (g_list_model_get_item_type (G_LIST_MODEL (bank)) == WENDA_TYPE_QA_ITEM,
              "item type %s", g_type_name (g_list_model_get_item_type (G_LIST_MODEL (bank))));

  title = wenda_bank_get_title (bank);
  fuzz_check (title != NULL && g_utf8_validate (title, -1, NULL), "title not UTF-8");

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  fuzz_check (n_items > 0, "a bank read without error has no items");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      const char *id, *question, *answer, *explanation;
      guint number;

      fuzz_check (WENDA_IS_QA_ITEM (item), "item %u is not a WendaQaItem", i);

      id = wenda_qa_item_get_id (item);
      number = wenda_qa_item_get_number (item);
      question = wenda_qa_item_get_question (item);
      answer = wenda_qa_item_get_answer (item);
      explanation = wenda_qa_item_get_explanation (item);

      fuzz_check (number > 0, "item %u has number 0", i);
      fuzz_check (id != NULL && id[0] != '\0', "item %u (number %u) has no id", i, number);
      fuzz_check (question != NULL && question[0] != '\0',
                  "item %u (number %u) has an empty question", i, number);
      fuzz_check (answer != NULL && explanation != NULL, "item %u: NULL text", i);
      if (flags & FUZZ_BANK_ANSWER_REQUIRED)
        fuzz_check (answer[0] != '\0', "item %u (number %u) has an empty answer", i, number);

      fuzz_check (g_utf8_validate (id, -1, NULL) &&
                  g_utf8_validate (question, -1, NULL) &&
                  g_utf8_validate (answer, -1, NULL) &&
                  g_utf8_validate (explanation, -1, NULL),
                  "item %u (number %u): text is not UTF-8", i, number);

      if (id_prefix != NULL)
        fuzz_check (fuzz_id_matches_number (id, id_prefix, number),
                    "item %u: id “%s” is not %s-%03u", i, id, id_prefix, number);

      if (flags & FUZZ_BANK_UNIQUE)
        {
          fuzz_check (!g_hash_table_contains (numbers, GUINT_TO_POINTER (number)),
                      "number %u used twice", number);
          fuzz_check (!g_hash_table_contains (ids, id), "id “%s” used twice", id);
          g_hash_table_add (numbers, GUINT_TO_POINTER (number));
          g_hash_table_add (ids, (gpointer)id);

          fuzz_check (wenda_bank_lookup_number (bank, number) == item,
                      "lookup of number %u finds another item", number);
          fuzz_check (wenda_bank_lookup_id (bank, id) == item,
                      "lookup of id “%s” finds another item", id);
        }
      else
        {
          fuzz_check (wenda_bank_lookup_number (bank, number) != NULL,
                      "lookup of number %u finds nothing", number);
          fuzz_check (wenda_bank_lookup_id (bank, id) != NULL,
                      "lookup of id “%s” finds nothing", id);
        }
    }
}

/**
 * fuzz_check_error:
 *
 * On failure: an error in WENDA_BANK_ERROR (or @other_domain, if non-zero)
 * whose message is valid UTF-8 and starts with "@filename:LINE:", LINE a
 * number from 1.
 */
static inline void
fuzz_check_error (const GError *error,
                  const char   *filename,
                  GQuark        other_domain)
{
  const char *message, *p;
  gsize n = strlen (filename);
  guint64 line;
  char *end = NULL;

  fuzz_check (error != NULL, "failed without an error");
  fuzz_check (error->domain == WENDA_BANK_ERROR ||
              (other_domain != 0 && error->domain == other_domain),
              "error in domain %s: %s", g_quark_to_string (error->domain), error->message);

  message = error->message;
  fuzz_check (message != NULL && g_utf8_validate (message, -1, NULL),
              "error message is not UTF-8");

  /* A cancelled import names no line */
  if (other_domain != 0 && error->domain == other_domain)
    return;

  fuzz_check (strncmp (message, filename, n) == 0 && message[n] == ':',
              "message does not start with “%s:”: %s", filename, message);

  p = message + n + 1;
  fuzz_check (g_ascii_isdigit (*p), "no line number after “%s:”: %s", filename, message);
  line = g_ascii_strtoull (p, &end, 10);
  fuzz_check (line >= 1 && line <= G_MAXUINT && *end == ':',
              "bad line number in: %s", message);
}

/**
 * fuzz_check_sections:
 *
 * Every item's section is one of the bank's, whose list has each section
 * after its parent, at its own index; labels are UTF-8 and not empty.
 */
static inline void
fuzz_check_sections (WendaBank *bank)
{
  GPtrArray *sections = wenda_bank_get_sections (bank);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));

  for (guint i = 0; i < sections->len; i++)
    {
      WendaSection *section = g_ptr_array_index (sections, i);
      WendaSection *parent = wenda_section_get_parent (section);
      g_autofree char *path = wenda_section_dup_path (section, WENDA_LANGUAGE_EN);

      fuzz_check (wenda_section_get_index (section) == i, "section %u has index %u",
                  i, wenda_section_get_index (section));
      fuzz_check (parent == NULL || wenda_section_get_index (parent) < i,
                  "section %u comes before its parent", i);
      fuzz_check (g_utf8_validate (wenda_section_get_title (section), -1, NULL) &&
                  wenda_section_get_title (section)[0] != '\0',
                  "section %u: bad title", i);
      fuzz_check (g_utf8_validate (path, -1, NULL), "section %u: path not UTF-8", i);
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      WendaSection *section = wenda_qa_item_get_section (item);
      const char *label = wenda_qa_item_get_label (item);

      fuzz_check (label == NULL || (label[0] != '\0' && g_utf8_validate (label, -1, NULL)),
                  "item %u: bad label", i);
      if (section != NULL)
        fuzz_check (wenda_section_get_index (section) < sections->len &&
                    g_ptr_array_index (sections, wenda_section_get_index (section)) == section,
                    "item %u: its section is not the bank's", i);
      /* Search folds the plain text; it must be valid UTF-8 */
      fuzz_check (g_utf8_validate (wenda_qa_item_get_search_text (item), -1, NULL),
                  "item %u: search text not UTF-8", i);
    }
}

/**
 * fuzz_check_round_trip:
 *
 * A bank that was read must survive being written as JSON and read back,
 * item for item.
 */
static inline void
fuzz_check_round_trip (WendaBank *bank)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) again = NULL;
  g_autofree char *json = NULL;
  guint n_items;

  json = wenda_bank_to_json (bank, NULL);
  fuzz_check (json != NULL, "wenda_bank_to_json returned NULL");

  again = wenda_bank_load_json (json, -1, "round-trip.json", &error);
  fuzz_check (again != NULL, "written JSON does not read back: %s\n%s",
              error ? error->message : "(no error)", json);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  fuzz_check (g_list_model_get_n_items (G_LIST_MODEL (again)) == n_items,
              "round trip changed the number of items");
  fuzz_check (g_str_equal (wenda_bank_get_title (bank), wenda_bank_get_title (again)),
              "round trip changed the title");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) a = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autoptr(WendaQaItem) b = g_list_model_get_item (G_LIST_MODEL (again), i);

      fuzz_check (wenda_qa_item_equal (a, b), "round trip changed item %u", i);
    }
}

/* One input, as each harness feeds it {{{ */

static inline void
fuzz_run_markdown (const char *data,
                   gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaReadResult result = { 0, };
  WendaReadOptions options = { 0, };
  gboolean seed;

  /* The reader's own UTF-8 check decides as GLib's does */
  fuzz_check (wenda_utf8_validate (data, size) == g_utf8_validate_len (data, size, NULL),
              "wenda_utf8_validate() and g_utf8_validate_len() disagree");

  bank = wenda_markdown_parse (data, size, FUZZ_MARKDOWN_FILENAME, &error);

  if (bank == NULL)
    {
      fuzz_check_error (error, FUZZ_MARKDOWN_FILENAME, 0);
      return;
    }

  fuzz_check (error == NULL, "a bank and an error: %s", error->message);

  /* Which layout it was read in decides what holds */
  options.result = &result;
  {
    g_autoptr(WendaBank) again = wenda_markdown_read (data, size, FUZZ_MARKDOWN_FILENAME, &options, NULL);

    fuzz_check (again != NULL, "read once, not twice");
    fuzz_check (g_list_model_get_n_items (G_LIST_MODEL (again)) ==
                g_list_model_get_n_items (G_LIST_MODEL (bank)), "read twice, two counts");
  }
  seed = result.layout == WENDA_LAYOUT_SEED;
  wenda_read_result_clear (&result);

  /* The strict reader requires an answer; the others keep a question
   * with none */
  fuzz_check_bank (bank, (seed ? FUZZ_BANK_ANSWER_REQUIRED : 0) | FUZZ_BANK_UNIQUE, NULL);
  fuzz_check_sections (bank);

  /* The strict reader names items "q" and the number, the others "q-" and
   * the label or a hash */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autofree char *id = g_strdup_printf ("q%u", wenda_qa_item_get_number (item));

      if (seed)
        fuzz_check (g_str_equal (wenda_qa_item_get_id (item), id),
                    "id “%s”, not “%s”", wenda_qa_item_get_id (item), id);
      else
        fuzz_check (g_str_has_prefix (wenda_qa_item_get_id (item), "q-"),
                    "id “%s” does not start with “q-”", wenda_qa_item_get_id (item));
    }

  fuzz_check_round_trip (bank);
}

/* The images of a text (wenda-media.c): where they are, and the names
 * they get in a bank's folder, which never leave it */
typedef struct
{
  gsize size;
  gsize last_offset;
} FuzzImages;

static inline void
fuzz_check_name (const char *name,
                 const char *src)
{
  g_auto(GStrv) parts = NULL;

  fuzz_check (g_utf8_validate (name, -1, NULL), "image name not UTF-8: %s", src);
  fuzz_check (name[0] != '\0' && name[0] != '/' && strchr (name, '\\') == NULL,
              "image “%s” named “%s”", src, name);
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    fuzz_check (parts[i][0] != '\0' && !g_str_equal (parts[i], ".") && !g_str_equal (parts[i], ".."),
                "image “%s” named “%s”, which leaves the folder", src, name);
}

static inline void
fuzz_check_image (const char *src,
                  const char *alt,
                  gsize       offset,
                  gpointer    user_data)
{
  FuzzImages *images = user_data;
  static const char *bases[] = { "", "chapters", "a/b" };

  fuzz_check (offset <= images->size, "image at %zu of %zu", offset, images->size);
  fuzz_check (g_utf8_validate (src, -1, NULL) && g_utf8_validate (alt, -1, NULL),
              "image source or alt text not UTF-8");
  images->last_offset = offset;

  for (guint i = 0; i < G_N_ELEMENTS (bases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = wenda_media_resolve_name (bases[i], src, &error);

      fuzz_check ((name == NULL) == (error != NULL), "image “%s”: a name and an error", src);
      if (name != NULL)
        {
          fuzz_check_name (name, src);
          fuzz_check (!wenda_media_is_remote (src), "remote image “%s” named “%s”", src, name);
        }
      else
        fuzz_check (error->domain == WENDA_MEDIA_ERROR && error->message[0] != '\0',
                    "image “%s”: error %s", src, error->message);
    }
}

/* The md4c block layer: blocks in order, each ending where the next
 * starts, lines that grow, list items inside their lists; and the plain
 * text of the whole, valid UTF-8 */
static inline void
fuzz_run_blocks (const char *data,
                 gsize       size)
{
  g_autoptr(WendaMdDoc) doc = NULL;
  g_autofree char *plain = NULL;
  guint last_line = 0;

  if (size == 0 || !g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size) != NULL)
    return;

  doc = wenda_md_doc_parse (data, size);
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const WendaMdChunk *block = &g_array_index (doc->blocks, WendaMdChunk, i);
      gsize end = i + 1 < doc->blocks->len ? g_array_index (doc->blocks, WendaMdChunk, i + 1).start : size;

      fuzz_check (block->start <= block->head_end && block->head_end <= block->end && block->end == end,
                  "block %u: %zu %zu %zu, next at %zu", i, block->start, block->head_end, block->end, end);
      fuzz_check (block->start == 0 || data[block->start - 1] == '\n' || data[block->start - 1] == '\r' ||
                  (i > 0 && block->start == g_array_index (doc->blocks, WendaMdChunk, i - 1).head_end),
                  "block %u does not start a line", i);
      fuzz_check (block->line >= last_line && block->line == wenda_md_doc_line_at (doc, block->start),
                  "block %u: line %u", i, block->line);
      fuzz_check (block->kind != WENDA_MD_CHUNK_HEADING || (block->level >= 1 && block->level <= 6),
                  "block %u: heading level %u", i, block->level);
      fuzz_check ((gsize)block->plain + block->plain_len <= doc->plain->len, "block %u: plain text out of range", i);
      last_line = block->line;

      for (guint j = 0; j < block->n_items; j++)
        {
          const WendaMdItem *item = &g_array_index (doc->items, WendaMdItem, block->first_item + j);

          fuzz_check (item->start >= block->start && item->start <= item->end && item->end <= block->end,
                      "block %u item %u out of its list", i, j);
        }
    }
  fuzz_check (g_utf8_validate (doc->plain->str, doc->plain->len, NULL), "the blocks' plain text is not UTF-8");

  plain = wenda_markdown_to_plain (data, size);
  fuzz_check (g_utf8_validate (plain, -1, NULL), "plain text not UTF-8");

  {
    FuzzImages images = { size, 0 };

    wenda_markdown_foreach_image (data, size, fuzz_check_image, &images);
  }
}

static inline void
fuzz_run_json (const char *data,
               gsize       size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;

  bank = wenda_bank_load_json (data, size, FUZZ_JSON_FILENAME, &error);

  if (bank == NULL)
    {
      fuzz_check_error (error, FUZZ_JSON_FILENAME, 0);
      return;
    }

  fuzz_check (error == NULL, "a bank and an error: %s", error->message);
  /* A question may have no answer (a question list's, studied by recall) */
  fuzz_check_bank (bank, FUZZ_BANK_UNIQUE, NULL);
  fuzz_check_sections (bank);
  fuzz_check_round_trip (bank);
}

/* }}} */

/* The importer {{{ */

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  guint         cancel_at;   /* cancel on this call of the progress func; 0: never */
} FuzzProgress;

static void
fuzz_import_progress (double   fraction,
                      gpointer user_data)
{
  FuzzProgress *progress = user_data;

  fuzz_check (fraction >= 0.0 && fraction <= 1.0, "progress %g is not in 0..1", fraction);
  fuzz_check (fraction >= progress->last, "progress went back from %g to %g",
              progress->last, fraction);

  progress->last = fraction;
  if (++progress->calls == progress->cancel_at)
    g_cancellable_cancel (progress->cancellable);
}

static inline void
fuzz_check_report (const WendaImportReport *report,
                   WendaBank               *bank)
{
  g_autofree char *text = NULL;
  guint n_problems;

  fuzz_check (g_strcmp0 (wenda_import_report_get_filename (report), FUZZ_IMPORT_FILENAME) == 0,
              "report names “%s”", wenda_import_report_get_filename (report));

  if (bank != NULL)
    fuzz_check (wenda_import_report_get_n_items (report) ==
                g_list_model_get_n_items (G_LIST_MODEL (bank)),
                "report counts %u items, the bank has %u",
                wenda_import_report_get_n_items (report),
                g_list_model_get_n_items (G_LIST_MODEL (bank)));

  n_problems = wenda_import_report_get_n_problems (report);
  for (guint i = 0; i < n_problems; i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);
      gsize n = strlen (FUZZ_IMPORT_FILENAME);

      fuzz_check (problem != NULL, "problem %u of %u is NULL", i, n_problems);
      fuzz_check (problem->message != NULL && g_utf8_validate (problem->message, -1, NULL),
                  "problem %u: message not UTF-8", i);
      /* "FILE:LINE: …", or "FILE: …" for a problem of the whole file */
      fuzz_check (strncmp (problem->message, FUZZ_IMPORT_FILENAME, n) == 0 &&
                  problem->message[n] == ':' &&
                  (problem->line > 0 ? g_ascii_isdigit (problem->message[n + 1])
                                     : problem->message[n + 1] == ' '),
                  "problem %u (line %u) does not start with the file name: %s",
                  i, problem->line, problem->message);
      fuzz_check (problem->first_line <= problem->last_line &&
                  (problem->first_line != 0 || problem->last_line == 0),
                  "problem %u skips lines %u..%u: %s", i,
                  problem->first_line, problem->last_line, problem->message);
    }

  text = wenda_import_report_to_text (report);
  fuzz_check (text != NULL && g_utf8_validate (text, -1, NULL), "report text not UTF-8");
}

/* A bank from the importer: in the strict layouts (the bundled bank's,
 * JSON) ids are "PREFIX-NNN" and every question has an answer; in the
 * others ids are "PREFIX-" and a label or hash, and a question may have
 * none. */
static inline void
fuzz_check_imported (WendaBank         *bank,
                     WendaImportReport *report)
{
  WendaLayout layout = wenda_import_report_get_layout (report);
  gboolean strict = layout == WENDA_LAYOUT_SEED || layout == WENDA_LAYOUT_JSON;
  FuzzBankFlags answer = layout == WENDA_LAYOUT_SEED ? FUZZ_BANK_ANSWER_REQUIRED : 0;

  fuzz_check (layout != WENDA_LAYOUT_AUTO, "a bank read in no layout");
  fuzz_check (wenda_import_report_get_n_sections (report) == wenda_bank_get_sections (bank)->len,
              "report counts %u sections, the bank has %u",
              wenda_import_report_get_n_sections (report), wenda_bank_get_sections (bank)->len);

  if (strict)
    fuzz_check_bank (bank, answer | FUZZ_BANK_UNIQUE, FUZZ_IMPORT_PREFIX);
  else
    {
      fuzz_check_bank (bank, FUZZ_BANK_UNIQUE, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
        {
          g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

          fuzz_check (g_str_has_prefix (wenda_qa_item_get_id (item), FUZZ_IMPORT_PREFIX "-"),
                      "id “%s”", wenda_qa_item_get_id (item));
        }
    }
  fuzz_check_sections (bank);
  fuzz_check_round_trip (bank);
}

/* The layout detector with every choice a preview offers: the first
 * byte picks the layout, the second the question level */
static inline void
fuzz_run_layout (const char *data,
                 gsize       size)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaImportOptions options = { WENDA_LAYOUT_AUTO, 0 };

  if (size >= 2)
    {
      options.layout = (guchar)data[0] % (WENDA_LAYOUT_LIST + 1);
      options.question_level = (guchar)data[1] % 7;
      data += 2;
      size -= 2;
    }

  bank = wenda_import_parse_full (data, size, FUZZ_IMPORT_FILENAME, WENDA_IMPORT_FORMAT_MARKDOWN,
                                  &options, FUZZ_IMPORT_PREFIX, NULL, NULL, NULL, &report, &error);
  fuzz_check (report != NULL, "no report");
  fuzz_check_report (report, bank);

  if (bank == NULL)
    {
      fuzz_check_error (error, FUZZ_IMPORT_FILENAME, 0);
      return;
    }

  fuzz_check_imported (bank, report);
  if (options.layout != WENDA_LAYOUT_AUTO)
    fuzz_check (wenda_import_report_get_layout (report) == options.layout,
                "asked for layout %d, read %d", options.layout, wenda_import_report_get_layout (report));
}

static inline void
fuzz_import_one (const char        *data,
                 gsize              size,
                 WendaImportFormat  format,
                 guint              cancel_at)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  FuzzProgress progress = { cancellable, 0.0, 0, cancel_at };

  bank = wenda_import_parse (data, size, FUZZ_IMPORT_FILENAME, format, FUZZ_IMPORT_PREFIX,
                             cancellable, fuzz_import_progress, &progress,
                             &report, &error);

  if (report != NULL)
    fuzz_check_report (report, bank);

  if (bank == NULL)
    {
      fuzz_check_error (error, FUZZ_IMPORT_FILENAME, G_IO_ERROR);
      if (error->domain == G_IO_ERROR)
        fuzz_check (error->code == G_IO_ERROR_CANCELLED && g_cancellable_is_cancelled (cancellable),
                    "an I/O error that is not a cancellation: %s", error->message);
      return;
    }

  fuzz_check (error == NULL, "a bank and an error: %s", error->message);
  fuzz_check (report != NULL, "a bank and no report");
  fuzz_check_imported (bank, report);
}

/* Each format explicitly, then by content (the name has no extension);
 * that last run is cancelled from the progress callback, at a call the
 * input's last byte chooses (or never). */
static inline void
fuzz_run_import (const char *data,
                 gsize       size)
{
  guint cancel_at = size > 0 ? (guchar)data[size - 1] % 4 : 0;

  fuzz_import_one (data, size, WENDA_IMPORT_FORMAT_MARKDOWN, 0);
  fuzz_import_one (data, size, WENDA_IMPORT_FORMAT_JSON, 0);
  fuzz_import_one (data, size, WENDA_IMPORT_FORMAT_AUTO, cancel_at);
}

/* CSV {{{ */

/* The report of a CSV reading: columns in range, cells and titles text
 * on one line */
static inline void
fuzz_check_csv_report (const WendaImportReport  *report,
                       const WendaImportOptions *options)
{
  guint n_columns = wenda_import_report_get_n_columns (report);
  guint n_rows = wenda_import_report_get_n_preview_rows (report);

  if (wenda_import_report_get_layout (report) != WENDA_LAYOUT_CSV)
    {
      fuzz_check (n_columns == 0 && n_rows == 0, "columns in a file that is no CSV");
      return;
    }

  fuzz_check (n_columns >= 1 && n_columns <= 64, "%u columns", n_columns);
  fuzz_check (n_rows <= 5, "%u preview rows", n_rows);
  if (options->delimiter != 0 && options->delimiter != '"' && options->delimiter != '\n' &&
      options->delimiter != '\r')
    fuzz_check (wenda_import_report_get_delimiter (report) == options->delimiter,
                "asked for the delimiter %d, read %d", options->delimiter,
                wenda_import_report_get_delimiter (report));
  if (options->header != WENDA_CSV_HEADER_AUTO)
    fuzz_check (wenda_import_report_get_has_header_row (report) == (options->header == WENDA_CSV_HEADER_YES),
                "asked for header %d", options->header);

  for (guint c = 1; c <= n_columns; c++)
    {
      const char *title = wenda_import_report_get_column_title (report, c);

      fuzz_check (title != NULL && title[0] != '\0' && g_utf8_validate (title, -1, NULL) &&
                  strchr (title, '\n') == NULL, "column %u: bad title", c);
      for (guint r = 0; r < n_rows; r++)
        {
          const char *cell = wenda_import_report_get_preview_cell (report, r, c);

          fuzz_check (cell != NULL && g_utf8_validate (cell, -1, NULL) && strchr (cell, '\n') == NULL &&
                      g_utf8_strlen (cell, -1) <= 81, "cell %u, %u: bad text", r, c);
        }
    }

  for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
    {
      guint column = wenda_import_report_get_column (report, role);
      guint asked = options->columns[role];

      fuzz_check (column == WENDA_CSV_COLUMN_NONE || (column >= 1 && column <= n_columns),
                  "role %u: column %u of %u", role, column, n_columns);
      if ((asked >= 1 && asked <= n_columns) || (asked == WENDA_CSV_COLUMN_NONE && role > 0))
        fuzz_check (column == asked, "role %u: asked for column %u, read %u", role, asked, column);
    }
  fuzz_check (wenda_import_report_get_column (report, WENDA_CSV_ROLE_QUESTION) != WENDA_CSV_COLUMN_NONE,
              "no question column");
}

/* The questions of a section, with those of the sections inside it, are
 * consecutive, and those of no section come first: what the JSON format
 * asks of a bank (wenda-bank-loader.c) */
static inline void
fuzz_check_section_order (WendaBank *bank)
{
  g_autoptr(GHashTable) ranges = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  gboolean in_sections = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      WendaSection *section = wenda_qa_item_get_section (item);

      fuzz_check (section != NULL || !in_sections, "item %u is in no section, after items in sections", i);
      in_sections = in_sections || section != NULL;
      for (WendaSection *s = section; s != NULL; s = wenda_section_get_parent (s))
        {
          guint *range = g_hash_table_lookup (ranges, s);   /* first, last, count */

          if (range == NULL)
            {
              range = g_new0 (guint, 3);
              range[0] = i;
              g_hash_table_insert (ranges, s, range);
            }
          range[1] = i;
          range[2]++;
        }
    }

  g_hash_table_iter_init (&iter, ranges);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint *range = value;

      fuzz_check (range[1] - range[0] + 1 == range[2], "the items of section “%s” are not together",
                  wenda_section_get_title (key));
    }
}

/* The texts of a bank's items, as a set of "question NUL answer NUL
 * explanation" with their counts */
static inline GHashTable *
fuzz_item_texts (WendaBank *bank)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);
      char *key = g_strjoin ("\x01", wenda_qa_item_get_question (item), wenda_qa_item_get_answer (item),
                             wenda_qa_item_get_explanation (item), NULL);

      g_hash_table_insert (texts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (texts, key)) + 1));
    }

  return texts;
}

/* The CSV reader with a choice of delimiter, header and columns, as the
 * preview offers, picked by the input's first two bytes; a bank it reads
 * must come back from its Anki export with the same texts */
static inline void
fuzz_run_csv (const char *data,
              gsize       size)
{
  static const char delimiters[] = { 0, ',', '\t', ';', '|', ':', ' ', '"' };
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  WendaImportOptions options = { 0, };

  if (size >= 2)
    {
      guchar a = data[0], b = data[1];

      options.delimiter = delimiters[a % G_N_ELEMENTS (delimiters)];
      options.header = (a >> 3) % 3;
      /* Each role: found, a column from 1 to 2, or none */
      for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
        {
          guint pick = (b >> (2 * role)) & 3;

          options.columns[role] = pick == 3 ? WENDA_CSV_COLUMN_NONE : pick;
        }
      data += 2;
      size -= 2;
    }

  bank = wenda_import_parse_full (data, size, FUZZ_IMPORT_FILENAME, WENDA_IMPORT_FORMAT_CSV,
                                  &options, FUZZ_IMPORT_PREFIX, NULL, NULL, NULL, &report, &error);
  fuzz_check (report != NULL, "no report");
  fuzz_check_report (report, bank);
  fuzz_check_csv_report (report, &options);

  if (bank == NULL)
    {
      fuzz_check_error (error, FUZZ_IMPORT_FILENAME, 0);
      return;
    }

  /* fuzz_check_imported() without its JSON round trip (json-glib is half
   * the time of an input here): the order the round trip needs is checked
   * as it is */
  fuzz_check_bank (bank, FUZZ_BANK_UNIQUE, NULL);
  fuzz_check_sections (bank);
  fuzz_check_section_order (bank);
  fuzz_check (wenda_import_report_get_n_sections (report) == wenda_bank_get_sections (bank)->len,
              "report counts %u sections, the bank has %u",
              wenda_import_report_get_n_sections (report), wenda_bank_get_sections (bank)->len);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      fuzz_check (g_str_has_prefix (wenda_qa_item_get_id (item), FUZZ_IMPORT_PREFIX "-"),
                  "id “%s”", wenda_qa_item_get_id (item));
    }

  /* Exported for Anki and read back: the same texts (the order may
   * change where two sections' tags are written alike) */
  {
    g_autofree char *tsv = wenda_export_anki_tsv (bank, WENDA_CONTENT_MODE_ZH);
    g_autoptr(GError) again_error = NULL;
    g_autoptr(WendaBank) again = NULL;
    g_autoptr(GHashTable) before = fuzz_item_texts (bank);
    g_autoptr(GHashTable) after = NULL;
    GHashTableIter iter;
    gpointer key, count;

    /* The reader itself, strict: the import's test of a text file counts
     * control characters, which an export of fewer bytes has more of */
    again = wenda_csv_read (tsv, strlen (tsv), FUZZ_IMPORT_FILENAME, NULL, &again_error);
    fuzz_check (again != NULL, "the Anki export does not read back: %s\n%s",
                again_error != NULL ? again_error->message : "", tsv);
    fuzz_check (g_list_model_get_n_items (G_LIST_MODEL (again)) == g_list_model_get_n_items (G_LIST_MODEL (bank)),
                "the Anki export reads back %u items of %u", g_list_model_get_n_items (G_LIST_MODEL (again)),
                g_list_model_get_n_items (G_LIST_MODEL (bank)));
    after = fuzz_item_texts (again);
    g_hash_table_iter_init (&iter, before);
    while (g_hash_table_iter_next (&iter, &key, &count))
      fuzz_check (g_hash_table_lookup (after, key) == count, "the Anki export changed an item: %s\n%s",
                  (const char *)key, tsv);
  }
}

/* }}} */

/* The glossary (wenda-glossary.c, wenda-glossary-gloss.c) {{{ */

/* The input is up to 8 items' fields, each ended by a 0x1E byte (question,
 * answer, explanation, in turn): the glossary of their bank, and the
 * links of every field.  Every term has both sides in UTF-8, a Chinese
 * side of more than one character, definers that are items of the bank;
 * every link lies inside its text, in order, and goes to a definer of its
 * term. */
static inline void
fuzz_run_glossary (const char *data,
                   gsize       size)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(WendaGlossary) glossary = NULL;
  const char *p, *end;
  guint n_items;

  /* An empty input may come as NULL */
  if (size == 0 || !g_utf8_validate_len (data, size, NULL) || memchr (data, '\0', size) != NULL)
    return;
  p = data;
  end = data + size;

  while (p < end && fields->len < 24)
    {
      const char *sep = memchr (p, 0x1E, end - p);
      const char *stop = sep != NULL ? sep : end;

      g_ptr_array_add (fields, g_strndup (p, stop - p));
      p = sep != NULL ? sep + 1 : end;
    }
  while (fields->len % 3 != 0)
    g_ptr_array_add (fields, g_strdup ("答"));

  for (guint i = 0; i < fields->len; i += 3)
    {
      g_autofree char *id = g_strdup_printf ("g-%u", i / 3 + 1);
      const char *question = fields->pdata[i];

      g_ptr_array_add (items, wenda_qa_item_new (id, i / 3 + 1, question[0] != '\0' ? question : "？",
                                                 fields->pdata[i + 1], fields->pdata[i + 2]));
    }
  n_items = items->len;
  bank = wenda_bank_new ("fuzz", items);
  glossary = wenda_glossary_new_for_bank (bank);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (glossary)); i++)
    {
      g_autoptr(WendaGlossaryTerm) term = g_list_model_get_item (G_LIST_MODEL (glossary), i);
      const char *zh = wenda_glossary_term_get_zh (term);
      const char *en = wenda_glossary_term_get_en (term);
      const guint *definers;
      guint n_definers;

      fuzz_check (zh != NULL && g_utf8_validate (zh, -1, NULL) && g_utf8_strlen (zh, -1) > 1,
                  "term %u: Chinese side “%s”", i, zh ? zh : "(null)");
      fuzz_check (en != NULL && g_utf8_validate (en, -1, NULL) && en[0] != '\0',
                  "term %u: English side “%s”", i, en ? en : "(null)");
      definers = wenda_glossary_term_get_definers (term, &n_definers);
      for (guint j = 0; j < n_definers; j++)
        fuzz_check (definers[j] >= 1 && definers[j] <= n_items, "term %u: definer %u", i, definers[j]);
    }

  for (guint i = 0; i < n_items; i++)
    for (guint f = 0; f < 3; f++)
      {
        const char *text = fields->pdata[i * 3 + f];
        g_autoptr(GArray) links = wenda_glossary_find_links (glossary, text, i + 1);
        gsize len = strlen (text), last = 0;

        for (guint j = 0; links != NULL && j < links->len; j++)
          {
            const WendaTermLink *link = &g_array_index (links, WendaTermLink, j);
            const guint *definers;
            guint n_definers;
            gboolean defines = FALSE;

            fuzz_check (link->start >= last && link->start < link->end && link->end <= len,
                        "link %u of item %u: %zu–%zu in %zu bytes", j, i + 1, link->start, link->end, len);
            fuzz_check (g_utf8_validate (text + link->start, link->end - link->start, NULL),
                        "link %u of item %u cuts a character", j, i + 1);
            definers = wenda_glossary_term_get_definers (link->term, &n_definers);
            for (guint k = 0; k < n_definers; k++)
              defines = defines || definers[k] == link->target;
            fuzz_check (defines && link->target != i + 1,
                        "link %u of item %u goes to %u, which does not define “%s”", j, i + 1,
                        link->target, wenda_glossary_term_get_zh (link->term));
            last = link->end;
          }
      }
}

/* }}} */

/* The reading pane's tree (wenda-rich.c) {{{ */

/* @markup as GtkLabel passes it to Pango, which knows no <a>: each link
 * a <span> */
static inline char *
fuzz_links_as_spans (const char *markup)
{
  GString *out = g_string_new (NULL);
  const char *p = markup;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "<a href=\""))
        {
          const char *close = strstr (p + 9, "\">");

          fuzz_check (close != NULL, "an <a> that does not end: %s", markup);
          fuzz_check (memchr (p + 9, '<', close - (p + 9)) == NULL, "a '<' in an href: %s", markup);
          g_string_append (out, "<span>");
          p = close + 2;
        }
      else if (g_str_has_prefix (p, "</a>"))
        {
          g_string_append (out, "</span>");
          p += 4;
        }
      else
        g_string_append_c (out, *p++);
    }

  return g_string_free (out, FALSE);
}

/* An inline text: UTF-8; spans sorted, apart, non-empty, inside it, on
 * character boundaries, merged, a link with an href; images at their
 * U+FFFC and a U+FFFC only at an image; markup that Pango reads, with
 * and without the images, and whose text has no marker of an image */
static inline void
fuzz_check_rich_inline (const WendaRichInline *inline_)
{
  guint prev_end = 0, n_objects = 0;

  fuzz_check (inline_ != NULL && inline_->text != NULL, "no inline text");
  fuzz_check (strlen (inline_->text) == inline_->length, "inline length %u, text of %zu bytes",
              inline_->length, strlen (inline_->text));
  fuzz_check (g_utf8_validate (inline_->text, inline_->length, NULL), "inline text not UTF-8");

  for (guint i = 0; i < inline_->spans->len; i++)
    {
      const WendaRichSpan *span = &g_array_index (inline_->spans, WendaRichSpan, i);

      fuzz_check (span->start < span->end && span->start >= prev_end && span->end <= inline_->length,
                  "span %u: %u-%u after %u, in %u bytes", i, span->start, span->end, prev_end,
                  inline_->length);
      fuzz_check (g_utf8_validate (inline_->text + span->start, span->end - span->start, NULL),
                  "span %u cuts a character", i);
      fuzz_check (span->style != 0, "span %u has no style", i);
      fuzz_check (((span->style & WENDA_RICH_STYLE_LINK) != 0) == (span->href != NULL),
                  "span %u: link style and href disagree", i);
      fuzz_check (span->href == NULL || g_utf8_validate (span->href, -1, NULL), "span %u: href not UTF-8", i);
      if (i > 0)
        {
          const WendaRichSpan *prev = &g_array_index (inline_->spans, WendaRichSpan, i - 1);

          fuzz_check (!(prev->end == span->start && prev->style == span->style &&
                        g_strcmp0 (prev->href, span->href) == 0), "spans %u and %u not merged", i - 1, i);
        }
      prev_end = span->end;
    }

  for (const char *p = inline_->text; (p = strstr (p, "\xEF\xBF\xBC")) != NULL; p += 3)
    n_objects++;
  fuzz_check (n_objects == inline_->images->len, "%u U+FFFC, %u images", n_objects, inline_->images->len);
  for (guint i = 0; i < inline_->images->len; i++)
    {
      const WendaRichImage *image = &g_array_index (inline_->images, WendaRichImage, i);

      fuzz_check (image->offset + 3 <= inline_->length &&
                  memcmp (inline_->text + image->offset, "\xEF\xBF\xBC", 3) == 0 &&
                  (i == 0 || image->offset > g_array_index (inline_->images, WendaRichImage, i - 1).offset),
                  "image %u at %u is not at its U+FFFC", i, image->offset);
      fuzz_check (image->src != NULL && image->alt != NULL && image->source != NULL &&
                  g_utf8_validate (image->src, -1, NULL) && g_utf8_validate (image->alt, -1, NULL) &&
                  g_utf8_validate (image->source, -1, NULL) &&
                  (image->title == NULL || g_utf8_validate (image->title, -1, NULL)),
                  "image %u: a field NULL or not UTF-8", i);
    }

  /* With no image, both markups are the same */
  for (int keep = inline_->images->len > 0 ? 0 : 1; keep < 2; keep++)
    {
      g_autofree char *markup = wenda_rich_inline_to_markup (inline_, keep);
      g_autofree char *spans = fuzz_links_as_spans (markup);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      fuzz_check (pango_parse_markup (spans, -1, 0, NULL, &text, NULL, &error),
                  "markup does not parse: %s\n%s", error->message, markup);
      fuzz_check (strstr (text, "\xEF\xBF\xBC") == NULL, "an image's U+FFFC in the markup's text");
    }
}

/* Blocks in order, none overlapping the one before, inside their
 * parent's range; the fields of each kind; a tree of bounded depth.
 * Returns how many blocks of @kind it holds. */
static inline guint
fuzz_check_rich_blocks (GPtrArray     *blocks,
                        gsize          start,
                        gsize          end,
                        guint          depth,
                        WendaRichKind  kind)
{
  gsize prev_end = start;
  guint n = 0;

  fuzz_check (depth <= 70, "a tree %u deep", depth);
  for (guint i = 0; i < blocks->len; i++)
    {
      const WendaRichBlock *block = g_ptr_array_index (blocks, i);

      fuzz_check (block->src_start >= prev_end && block->src_start <= block->src_end && block->src_end <= end,
                  "block %u at depth %u: %zu-%zu after %zu, in %zu-%zu", i, depth, block->src_start,
                  block->src_end, prev_end, start, end);
      prev_end = block->src_end;
      n += block->kind == kind;

      switch (block->kind)
        {
        case WENDA_RICH_HEADING:
          fuzz_check (block->level >= 1 && block->level <= 6, "heading level %u", block->level);
          G_GNUC_FALLTHROUGH;
        case WENDA_RICH_PARAGRAPH:
        case WENDA_RICH_CELL:
        case WENDA_RICH_DETAILS:
          fuzz_check_rich_inline (block->inline_);
          break;
        case WENDA_RICH_CODE:
          fuzz_check (block->text != NULL && g_utf8_validate (block->text, -1, NULL) &&
                      (block->text[0] == '\0' || g_str_has_suffix (block->text, "\n")),
                      "code block text");
          fuzz_check (block->info == NULL || (block->info[0] != '\0' && g_utf8_validate (block->info, -1, NULL)),
                      "code block info");
          break;
        case WENDA_RICH_MATH:
          fuzz_check (block->text != NULL && block->text[0] != '\0' && g_utf8_validate (block->text, -1, NULL),
                      "math block text");
          break;
        default:
          fuzz_check (block->inline_ == NULL, "kind %d with inline text", block->kind);
          break;
        }

      fuzz_check ((block->children != NULL) ==
                  (block->kind == WENDA_RICH_LIST || block->kind == WENDA_RICH_ITEM ||
                   block->kind == WENDA_RICH_QUOTE || block->kind == WENDA_RICH_TABLE ||
                   block->kind == WENDA_RICH_ROW || block->kind == WENDA_RICH_DETAILS),
                  "kind %d: children or not", block->kind);
      if (block->children == NULL)
        continue;

      for (guint j = 0; j < block->children->len; j++)
        {
          const WendaRichBlock *child = g_ptr_array_index (block->children, j);

          if (block->kind == WENDA_RICH_LIST)
            fuzz_check (child->kind == WENDA_RICH_ITEM, "a list holds kind %d", child->kind);
          if (block->kind == WENDA_RICH_TABLE)
            fuzz_check (child->kind == WENDA_RICH_ROW, "a table holds kind %d", child->kind);
          if (block->kind == WENDA_RICH_ROW)
            fuzz_check (child->kind == WENDA_RICH_CELL, "a row holds kind %d", child->kind);
          fuzz_check (child->kind != WENDA_RICH_ITEM || block->kind == WENDA_RICH_LIST, "an item out of a list");
          fuzz_check (child->kind != WENDA_RICH_ROW || block->kind == WENDA_RICH_TABLE, "a row out of a table");
          fuzz_check (child->kind != WENDA_RICH_CELL || block->kind == WENDA_RICH_ROW, "a cell out of a row");
        }
      n += fuzz_check_rich_blocks (block->children, block->src_start, block->src_end, depth + 1, kind);
    }

  return n;
}

/* The input as Markdown, bytes as they come (UTF-8 or not, NULs too):
 * the tree, its plain text and counts, and the inline text of its first
 * paragraph */
static inline void
fuzz_run_rich (const char *data,
               gsize       size)
{
  g_autoptr(WendaRichDoc) doc = NULL;
  g_autoptr(WendaRichInline) inline_ = NULL;
  g_autofree char *plain = NULL;
  guint n_paragraphs;

  /* An empty input may come as NULL */
  doc = wenda_rich_parse (size > 0 ? data : "", size);
  fuzz_check (doc != NULL && doc->blocks != NULL, "no tree");

  n_paragraphs = fuzz_check_rich_blocks (doc->blocks, 0, size, 0, WENDA_RICH_PARAGRAPH);
  fuzz_check (wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH) == n_paragraphs,
              "%u paragraphs counted, %u in the tree", wenda_rich_doc_count (doc, WENDA_RICH_PARAGRAPH),
              n_paragraphs);

  plain = wenda_rich_doc_to_plain (doc);
  fuzz_check (plain != NULL && g_utf8_validate (plain, -1, NULL), "plain text not UTF-8");
  fuzz_check (strstr (plain, "\xEF\xBF\xBC") == NULL, "an image's U+FFFC in the plain text");

  inline_ = wenda_rich_parse_inline (size > 0 ? data : "", size);
  fuzz_check_rich_inline (inline_);
}

/* }}} */

G_END_DECLS
