/* wenda-check.h: `wenda --check FILE…`, the import's reading of files with
 * nothing saved, for bank authors and their CI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What `wenda --check` exits with */
typedef enum
{
  WENDA_CHECK_OK       = 0,   /* every file imports with no problem */
  WENDA_CHECK_REFUSED  = 1,   /* a file is refused (or cannot be read) */
  WENDA_CHECK_PROBLEMS = 2,   /* every file imports, one with problems */
} WendaCheckStatus;

WendaCheckStatus wenda_check_files (const char * const *paths,
                                    GString            *out);

G_END_DECLS
