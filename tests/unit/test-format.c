/* test-format.c: counts in the locale's digit grouping
 *
 * Runs the real formatting code (wenda_format_count(), the import report,
 * wenda_format_interval()) in en_US.UTF-8 and zh_CN.UTF-8, where 1000 is
 * "1,000", and in C.UTF-8, which has no grouping.  The interface strings
 * come from the catalogs in WENDA_LOCALEDIR (tests/meson.build compiles
 * po/en.po and po/zh_CN.po there), so the zh_CN case also checks that the
 * Chinese translations kept the grouping flag.  A locale that is not
 * installed is skipped (.ci/root generates both; a bare host may not).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "wenda-format.h"
#include "wenda-fsrs.h"
#include "wenda-import.h"

#define N_READ     1000
#define N_PROBLEMS 1200

typedef struct
{
  const char *locale;
  const char *count_1000;       /* wenda_format_count (1000) */
  const char *count_max;        /* wenda_format_count (G_MAXUINT64) */
  const char *report;           /* the report's first two lines */
  const char *interval;         /* wenda_format_interval (1000 years) */
} FormatCase;

static const FormatCase cases[] = {
  { "C.UTF-8", "1000", "18446744073709551615",
    "grouping.md: 1000 questions read.\n1200 problems:\n", "1000 y" },
  { "en_US.UTF-8", "1,000", "18,446,744,073,709,551,615",
    "grouping.md: 1,000 questions read.\n1,200 problems:\n", "1,000 y" },
  { "zh_CN.UTF-8", "1,000", "18,446,744,073,709,551,615",
    "grouping.md：读取了 1,000 道题。\n1,200 个错误：\n", "1,000 年" },
};

/* N_READ questions, then N_PROBLEMS that have no answer and are skipped,
 * each a problem of the report. */
static char *
make_bank (gsize *length)
{
  GString *text = g_string_new ("# 分组\n\n");
  guint i;

  for (i = 1; i <= N_READ; i++)
    g_string_append_printf (text, "#### 题目 %u：问题 %u？\n\n**答案：** 答案 %u。\n\n", i, i, i);
  for (; i <= N_READ + N_PROBLEMS; i++)
    g_string_append_printf (text, "#### 题目 %u：问题 %u？\n\n", i, i);

  *length = text->len;
  return g_string_free (text, FALSE);
}

static void
test_grouping (gconstpointer data)
{
  const FormatCase *c = data;
  g_autofree char *count = NULL;
  g_autofree char *max = NULL;
  g_autofree char *small = NULL;
  g_autofree char *interval = NULL;
  g_autofree char *bank_text = NULL;
  g_autofree char *report_text = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  WendaBank *bank;
  gsize length;

  if (setlocale (LC_ALL, c->locale) == NULL)
    {
      g_test_skip_printf ("the locale %s is not installed", c->locale);
      return;
    }

  count = wenda_format_count (1000);
  g_assert_cmpstr (count, ==, c->count_1000);
  max = wenda_format_count (G_MAXUINT64);
  g_assert_cmpstr (max, ==, c->count_max);
  small = wenda_format_count (999);
  g_assert_cmpstr (small, ==, "999");

  bank_text = make_bank (&length);
  bank = wenda_import_parse (bank_text, length, "grouping.md", WENDA_IMPORT_FORMAT_MARKDOWN,
                             "grouping", NULL, NULL, NULL, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bank);
  g_assert_cmpuint (wenda_import_report_get_n_items (report), ==, N_READ);
  g_assert_cmpuint (wenda_import_report_get_n_problems (report), ==, N_PROBLEMS);
  report_text = wenda_import_report_to_text (report);
  if (!g_str_has_prefix (report_text, c->report))
    g_error ("the report starts “%.80s”, not “%s”", report_text, c->report);
  g_object_unref (bank);

  interval = wenda_format_interval ((gint64) 1000 * 365 * 24 * 60 * 60);
  g_assert_cmpstr (interval, ==, c->interval);

  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("WENDA_LOCALEDIR");

  g_test_init (&argc, &argv, NULL);

  /* The locale alone chooses the language. */
  g_unsetenv ("LANGUAGE");
  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Wenda/Format/grouping/%s", cases[i].locale);

      g_test_add_data_func (path, &cases[i], test_grouping);
    }

  return g_test_run ();
}
