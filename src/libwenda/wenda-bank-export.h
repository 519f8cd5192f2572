/* wenda-bank-export.h: a bank as Anki TSV, or as Markdown in the seed's format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

/* Anki's "Notes in Plain Text" import: "#separator:tab", "#html:false",
 * "#columns:…" header lines, then one note per line.  In @mode: Chinese,
 * English (falling back to Chinese where there is no English), or both. */
char *wenda_export_anki_tsv (WendaBank        *bank,
                             WendaContentMode  mode);
/* The seed's Markdown ("#### 题目 N：", "**答案：**", "#### 解析：**"):
 * exporting then importing gives identical items. */
char *wenda_export_markdown (WendaBank        *bank,
                             WendaContentMode  mode);

G_END_DECLS
