/* wenda-bank-loader.h: read and write the JSON bank format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-bank.h"

G_BEGIN_DECLS

/* The newest version read; version 1 is written for a bank with no
 * sections and no labels of its own */
#define WENDA_BANK_FORMAT_VERSION 2

WendaBank *wenda_bank_load_json      (const char  *data,
                                      gssize       length,
                                      const char  *filename,
                                      GError     **error);
WendaBank *wenda_bank_load_resource  (const char  *resource_path,
                                      GError     **error);
WendaBank *wenda_bank_load_file      (GFile       *file,
                                      GError     **error);
WendaBank *wenda_bank_load_bundled   (GError     **error);
char      *wenda_bank_to_json        (WendaBank   *bank,
                                      const char  *source);
WendaBank *wenda_bank_rename_ids     (WendaBank   *bank,
                                      const char  *prefix);

G_END_DECLS
