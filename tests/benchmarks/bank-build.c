/* bank-build.c: how fast an imported bank becomes a model
 *
 *   bank-build FILE [RUNS] [--generate PYTHON GEN-BANK.PY]
 *
 * Times, in one process and interleaved (these machines are noisy), with
 * the median of RUNS (default 9) after one warm-up round:
 *
 *   baseline   read FILE and count its lines (the floor for any import)
 *   md4c       md_parse() FILE's text (read before) with callbacks that do
 *              nothing: the Markdown parser alone
 *   import     read FILE and wenda_import_parse() it (parse + model build)
 *   parse      wenda_import_parse() FILE's text (read before)
 *   items      wenda_qa_item_new() for every item of the bank, from its
 *              strings (the item creation inside the parse)
 *   bank-new   wenda_bank_new() on the parsed items (indexes and the
 *              duplicate groups: the model build inside the parse)
 *   group-G    wenda_bank_new() on G items that all define the same term,
 *              the worst case of duplicate detection
 *
 * and prints "bank-build-KEY value" lines, then import throughput as a
 * share of the baseline's (the target is ≥ 0.25), and the parse's time
 * as a multiple of md4c's (the target is ≤ 2.5).  --layout headings
 * generates FILE in the layout of the field's banks.  With --generate, FILE
 * is first written by gen-bank.py if it does not exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "bench-util.h"
#include "wenda-bank.h"
#include "wenda-import.h"

#define GROUP_SIZE 10000

typedef enum
{
  SUBJECT_BASELINE,
  SUBJECT_MD4C,
  SUBJECT_IMPORT,
  SUBJECT_PARSE,
  SUBJECT_ITEMS,
  SUBJECT_BANK_NEW,
  SUBJECT_GROUP,
  N_SUBJECTS
} Subject;

static const char * const subject_names[N_SUBJECTS] = {
  "baseline", "md4c", "import", "parse", "items", "bank-new", "group",
};

static char *
read_file (const char *path,
           gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  if (!g_file_get_contents (path, &data, length, &error))
    g_error ("%s", error->message);
  return data;
}

/* The items of a parsed bank, and copies of their strings: the input of
 * the "items" and "bank-new" subjects. */
typedef struct
{
  GPtrArray *items;      /* of WendaQaItem */
  GPtrArray *strings;    /* id, question, answer, explanation per item */
  GPtrArray *group;      /* GROUP_SIZE items with the same term */
  char      *data;       /* the file's text */
  gsize      length;
} Input;

static void
input_load (Input      *input,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *data = NULL;
  gsize length;
  guint n;

  data = read_file (path, &length);
  bank = wenda_import_parse (data, length, path, WENDA_IMPORT_FORMAT_AUTO, "bench",
                             NULL, NULL, NULL, NULL, &error);
  if (bank == NULL)
    g_error ("%s", error->message);
  input->data = g_steal_pointer (&data);
  input->length = length;

  n = g_list_model_get_n_items (G_LIST_MODEL (bank));
  input->items = g_ptr_array_new_with_free_func (g_object_unref);
  input->strings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      WendaQaItem *item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      g_ptr_array_add (input->items, item);
      g_ptr_array_add (input->strings, g_strdup (wenda_qa_item_get_id (item)));
      g_ptr_array_add (input->strings, g_strdup (wenda_qa_item_get_question (item)));
      g_ptr_array_add (input->strings, g_strdup (wenda_qa_item_get_answer (item)));
      g_ptr_array_add (input->strings, g_strdup (wenda_qa_item_get_explanation (item)));
    }

  /* Same gloss, different wording: one group of GROUP_SIZE. */
  input->group = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < GROUP_SIZE; i++)
    {
      g_autofree char *question = g_strdup_printf ("问题 %u：什么是低秩适配（LoRA）？", i + 1);

      g_ptr_array_add (input->group,
                       wenda_qa_item_new (NULL, i + 1, question, "答案", "解析"));
    }
}

static void
input_clear (Input *input)
{
  g_clear_pointer (&input->items, g_ptr_array_unref);
  g_clear_pointer (&input->strings, g_ptr_array_unref);
  g_clear_pointer (&input->group, g_ptr_array_unref);
  g_clear_pointer (&input->data, g_free);
}

static int
block_nothing (MD_BLOCKTYPE type,
               void        *detail,
               void        *user_data)
{
  return 0;
}

static int
span_nothing (MD_SPANTYPE type,
              void       *detail,
              void       *user_data)
{
  return 0;
}

static int
text_nothing (MD_TEXTTYPE    type,
              const MD_CHAR *text,
              MD_SIZE        size,
              void          *user_data)
{
  return 0;
}

/* md4c with the reader's flags, listening to nothing */
static const MD_PARSER empty_parser = {
  0,
  MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_LATEXMATHSPANS |
    MD_FLAG_PERMISSIVEURLAUTOLINKS | MD_FLAG_PERMISSIVEWWWAUTOLINKS,
  block_nothing, block_nothing, span_nothing, span_nothing, text_nothing,
  NULL, NULL,
};

/* Runs @subject once and returns how long its timed part took. */
static double
run_once (Subject     subject,
          const char *path,
          Input      *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GPtrArray) made = NULL;
  g_autofree char *data = NULL;
  volatile gsize n_lines = 0;
  gsize length;
  double t0, t;

  t0 = now_ms ();
  switch (subject)
    {
    case SUBJECT_BASELINE:
      data = read_file (path, &length);
      n_lines = count_lines (data, length);
      break;

    case SUBJECT_MD4C:
      if (md_parse (input->data, (MD_SIZE)input->length, &empty_parser, NULL) != 0)
        g_error ("md4c could not parse %s", path);
      break;

    case SUBJECT_PARSE:
      bank = wenda_import_parse (input->data, input->length, path, WENDA_IMPORT_FORMAT_AUTO, "bench",
                                 NULL, NULL, NULL, NULL, &error);
      if (bank == NULL)
        g_error ("%s", error->message);
      break;

    case SUBJECT_IMPORT:
      data = read_file (path, &length);
      bank = wenda_import_parse (data, length, path, WENDA_IMPORT_FORMAT_AUTO, "bench",
                                 NULL, NULL, NULL, NULL, &error);
      if (bank == NULL)
        g_error ("%s", error->message);
      break;

    case SUBJECT_ITEMS:
      made = g_ptr_array_new_full (input->items->len, g_object_unref);
      for (guint i = 0; i < input->items->len; i++)
        {
          char **s = (char **)input->strings->pdata + 4 * i;
          WendaQaItem *item = g_ptr_array_index (input->items, i);

          g_ptr_array_add (made, wenda_qa_item_new (s[0], wenda_qa_item_get_number (item),
                                                    s[1], s[2], s[3]));
        }
      break;

    case SUBJECT_BANK_NEW:
      bank = wenda_bank_new ("bench", input->items);
      break;

    case SUBJECT_GROUP:
      bank = wenda_bank_new ("group", input->group);
      break;

    default:
      g_assert_not_reached ();
    }
  t = now_ms () - t0;

  (void)n_lines;

  /* Freeing is not part of any subject. */
  return t;
}

int
main (int   argc,
      char *argv[])
{
  GArray *samples[N_SUBJECTS];
  Input input = { 0, };

  const char *path;
  guint runs = 9;
  double size_mb, times[N_SUBJECTS];
  gsize length;

  path = bench_bank_args (argc, argv, &runs);
  if (path == NULL)
    return EXIT_FAILURE;

  g_free (read_file (path, &length));
  size_mb = length / 1e6;
  input_load (&input, path);

  for (guint s = 0; s < N_SUBJECTS; s++)
    samples[s] = g_array_new (FALSE, FALSE, sizeof (double));

  /* A warm-up round (page cache, types), then rounds in alternating
   * order, A B C …, … C B A, so that drift hits every subject alike. */
  for (guint r = 0; r <= runs; r++)
    for (guint k = 0; k < N_SUBJECTS; k++)
      {
        Subject s = r % 2 ? N_SUBJECTS - 1 - k : k;
        double t = run_once (s, path, &input);

        if (r > 0)
          g_array_append_val (samples[s], t);
      }

  for (guint s = 0; s < N_SUBJECTS; s++)
    times[s] = quantile (samples[s], 0.5);

  g_print ("bank-build-size %.1f MB, %u items, %u runs\n", size_mb, input.items->len, runs);
  for (guint s = 0; s < N_SUBJECTS; s++)
    {
      if (s == SUBJECT_GROUP)
        g_print ("bank-build-group-%u %.1f ms (wenda_bank_new() on one group)\n",
                 GROUP_SIZE, times[s]);
      else
        g_print ("bank-build-%s %.1f ms, %.0f MB/s\n",
                 subject_names[s], times[s], size_mb / (times[s] / 1000));
    }
  g_print ("bank-build-ratio %.3f (import throughput / baseline throughput; target >= 0.25)\n",
           times[SUBJECT_BASELINE] / times[SUBJECT_IMPORT]);
  g_print ("bank-build-md4c-ratio %.2f (parse time / md4c's parse with empty callbacks; target <= 2.5)\n",
           times[SUBJECT_PARSE] / times[SUBJECT_MD4C]);

  for (guint s = 0; s < N_SUBJECTS; s++)
    g_array_unref (samples[s]);
  input_clear (&input);

  return EXIT_SUCCESS;
}
