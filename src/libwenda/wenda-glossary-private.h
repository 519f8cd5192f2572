/* wenda-glossary-private.h: reading the glosses of a text, for the
 * glossary (wenda-glossary-gloss.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called with the Chinese, English and abbreviation (nullable) of a gloss,
 * which it takes */
typedef void (*WendaGlossFunc) (char     *zh,
                                char     *en,
                                char     *abbreviation,
                                gpointer  data);

void  wenda_glossary_scan_glosses (GString        *scratch,
                                   const char     *markdown,
                                   WendaGlossFunc  func,
                                   gpointer        data);

/* Whether @abbreviation, one word, abbreviates @phrase (TP: Tensor
 * Parallelism, PPL: Perplexity) */
gboolean wenda_glossary_abbreviates (const char   *abbreviation,
                                     const char   *phrase);

/* How many Han characters [start, end) has */
guint wenda_glossary_count_han    (const char     *start,
                                   const char     *end);

G_END_DECLS
