/* wenda-format.c: numbers as the user reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-format.h"

/**
 * wenda_format_count:
 * @count: a number of things
 *
 * Returns: (transfer full): @count in the locale's digit grouping,
 *   "10,000" in en_US.UTF-8 and zh_CN.UTF-8; allocated, since a grouped
 *   number can be longer than its digits (a separator can take 3 bytes)
 */
char *
wenda_format_count (guint64 count)
{
  return g_strdup_printf ("%'" G_GUINT64_FORMAT, count);
}
