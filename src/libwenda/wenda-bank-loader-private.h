/* wenda-bank-loader-private.h: what wenda-import.c and wenda-library.c
 * share with the JSON reader: its lenient reading, which format a file
 * is in, and the depth of a bank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank-loader.h"
#include "wenda-markdown-private.h"

G_BEGIN_DECLS

/* A bank is three levels deep; anything much deeper is not a bank, and
 * json-glib recurses once per level. */
#define WENDA_BANK_MAX_DEPTH 32

WendaBank *wenda_bank_read_json    (const char              *text,
                                    gsize                    length,
                                    const char              *filename,
                                    const WendaReadOptions  *options,
                                    GError                 **error);
gboolean   wenda_bank_text_is_json (const char              *name,
                                    const char              *text,
                                    gsize                    length);

G_END_DECLS
