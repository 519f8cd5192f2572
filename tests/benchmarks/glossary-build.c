/* glossary-build.c: how long building a bank's glossary takes
 *
 *   glossary-build FILE [RUNS] [--layout seed|headings] [--generate PYTHON GEN-BANK.PY]
 *
 * Imports FILE once, then times, interleaved in one process (these
 * machines are noisy), with the median of RUNS (default 3) after one
 * warm-up round:
 *
 *   baseline   the plain text of every field of every item
 *              (wenda_markdown_to_plain()), which any glossary must read
 *   glossary   wenda_glossary_new_for_bank(): the terms, who defines and
 *              who uses each one
 *
 * and prints "glossary-build-KEY value" lines, the number of terms, and
 * the glossary's time as a multiple of the baseline's.  With --generate,
 * FILE is first written by gen-bank.py if it does not exist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-util.h"
#include "wenda-glossary.h"
#include "wenda-import.h"
#include "wenda-md-blocks-private.h"

/* The baseline: the plain text of every field */
static double
time_baseline (WendaBank *bank)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  volatile gsize total = 0;
  double t0 = now_ms ();

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (bank), i);

      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          g_autofree char *plain = wenda_markdown_to_plain (wenda_qa_item_get_text (item, f, WENDA_LANGUAGE_ZH), -1);

          total += strlen (plain);
        }
    }

  (void)total;
  return now_ms () - t0;
}

static double
time_glossary (WendaBank *bank,
               guint     *n_terms)
{
  double t0 = now_ms ();
  g_autoptr(WendaGlossary) glossary = wenda_glossary_new_for_bank (bank);
  double t = now_ms () - t0;

  /* Freeing is not timed. */
  *n_terms = g_list_model_get_n_items (G_LIST_MODEL (glossary));
  return t;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GArray) baseline = NULL;
  g_autoptr(GArray) glossary = NULL;
  const char *path;
  guint runs = 3;
  guint n_terms = 0;
  gsize length;

  path = bench_bank_args (argc, argv, &runs);
  if (path == NULL)
    return EXIT_FAILURE;

  if (!g_file_get_contents (path, &data, &length, &error))
    g_error ("%s", error->message);
  bank = wenda_import_parse (data, length, path, WENDA_IMPORT_FORMAT_AUTO, "bench",
                             NULL, NULL, NULL, NULL, &error);
  if (bank == NULL)
    g_error ("%s", error->message);

  baseline = g_array_new (FALSE, FALSE, sizeof (double));
  glossary = g_array_new (FALSE, FALSE, sizeof (double));

  /* A warm-up round, then rounds in alternating order */
  for (guint r = 0; r <= runs; r++)
    {
      double tb, tg;

      if (r % 2)
        {
          tg = time_glossary (bank, &n_terms);
          tb = time_baseline (bank);
        }
      else
        {
          tb = time_baseline (bank);
          tg = time_glossary (bank, &n_terms);
        }
      if (r > 0)
        {
          g_array_append_val (baseline, tb);
          g_array_append_val (glossary, tg);
        }
    }

  g_print ("glossary-build-size %.1f MB, %u items, %u runs\n", length / 1e6,
           g_list_model_get_n_items (G_LIST_MODEL (bank)), runs);
  g_print ("glossary-build-baseline %.1f ms\n", quantile (baseline, 0.5));
  g_print ("glossary-build-glossary %.1f ms\n", quantile (glossary, 0.5));
  g_print ("glossary-build-terms %u\n", n_terms);
  g_print ("glossary-build-ratio %.2f (glossary time / baseline time)\n",
           quantile (glossary, 0.5) / quantile (baseline, 0.5));

  return EXIT_SUCCESS;
}
