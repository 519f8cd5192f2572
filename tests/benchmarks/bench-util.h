/* bench-util.h: clock, order statistics and the import baseline, shared
 * by the benchmark programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <stdlib.h>
#include <string.h>

#include <glib.h>

static inline double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static inline int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* The sample at @q (0 the smallest, 0.5 the median, 1 the largest) of
 * @samples, which is left as it is; 0 when there are none */
static inline double
quantile (GArray *samples,
          double  q)
{
  g_autoptr(GArray) sorted = NULL;

  if (samples->len == 0)
    return 0;
  sorted = g_array_copy (samples);
  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, (guint)((sorted->len - 1) * q + 0.5));
}

/* The import benchmarks' baseline, after reading the file */
static inline gsize
count_lines (const char *data,
             gsize       length)
{
  const char *p = data, *end = data + length;
  gsize n = 0;

  while ((p = memchr (p, '\n', end - p)) != NULL)
    {
      n++;
      p++;
    }
  return n;
}

/* Writes @path with gen-bank.py in @layout, unless it exists. */
static inline void
bench_generate (const char *prog,
                const char *path,
                const char *python,
                const char *script,
                const char *layout)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { python, script, "--output", path, "--layout", layout, NULL };
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return;

  g_printerr ("%s: writing %s\n", prog, path);
  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("gen-bank.py: %s", error->message);
}

/* Reads the arguments of the bank benchmarks,
 *   FILE [RUNS] [--layout seed|headings] [--generate PYTHON GEN-BANK.PY]
 * and writes FILE first with --generate.  Returns FILE, or NULL (after a
 * usage message) when there is none; @runs keeps its default unless given. */
static inline const char *
bench_bank_args (int    argc,
                 char  *argv[],
                 guint *runs)
{
  const char *layout = "seed";
  const char *path;
  int i = 1;

  if (argc < 2)
    {
      g_printerr ("usage: %s FILE [RUNS] [--layout seed|headings] [--generate PYTHON GEN-BANK.PY]\n", argv[0]);
      return NULL;
    }
  path = argv[i++];
  if (i < argc && argv[i][0] != '-')
    *runs = (guint)MAX (1, atoi (argv[i])), i++;
  if (i + 1 < argc && g_str_equal (argv[i], "--layout"))
    layout = argv[i + 1], i += 2;
  if (i + 2 < argc && g_str_equal (argv[i], "--generate"))
    {
      g_autofree char *prog = g_path_get_basename (argv[0]);

      bench_generate (prog, path, argv[i + 1], argv[i + 2], layout);
    }

  return path;
}
