/* bench-util.h: clock, order statistics and the import baseline, shared
 * by the benchmark programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
