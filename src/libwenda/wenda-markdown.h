/* wenda-markdown.h: read a question bank written in Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

WendaBank *wenda_markdown_parse (const char  *text,
                                 gssize       length,
                                 const char  *filename,
                                 GError     **error);

G_END_DECLS
