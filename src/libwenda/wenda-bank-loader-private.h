/* wenda-bank-loader-private.h: the lenient JSON reader, for wenda-import.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank-loader.h"
#include "wenda-markdown-private.h"

G_BEGIN_DECLS

WendaBank *wenda_bank_read_json (const char              *text,
                                 gsize                    length,
                                 const char              *filename,
                                 const WendaReadOptions  *options,
                                 GError                 **error);

G_END_DECLS
