/* wenda-format.h: numbers as the user reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Counts shown to the user are grouped as the locale's LC_NUMERIC says:
 * "10,000" in en_US and zh_CN, "10000" in C.UTF-8.  In a sentence, the
 * translatable format has the count as "%'u" (glibc's grouping flag, which
 * g_strdup_printf() passes on), so the translator sees the number and the
 * plural; wenda_format_count() is for a count that stands alone.
 *
 * Identifiers are never grouped: topic numbers ("№1234", "Topic 1234 of
 * 5,000", the command line's `wenda 1234`, what the search matches), line
 * numbers, and the numbers and versions written in a file, which a message
 * quotes as they are written.
 */
char *wenda_format_count (guint64 count);

G_END_DECLS
