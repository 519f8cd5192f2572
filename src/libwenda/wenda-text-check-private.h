/* wenda-text-check-private.h: the checks of a text that every reader makes,
 * and the "FILE:LINE:COLUMN: message" errors of WENDA_BANK_ERROR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-core-types.h"

G_BEGIN_DECLS

/* "FILE:LINE:COLUMN: message" in any domain; the column left out when it
 * is 0, and the line too when it is 0 */
void        wenda_text_set_error_valist (GError        **error,
                                         GQuark          domain,
                                         int             code,
                                         const char     *filename,
                                         guint           line,
                                         guint           column,
                                         const char     *format,
                                         va_list         args) G_GNUC_PRINTF (7, 0);

/* Sets @error in WENDA_BANK_ERROR to "FILE:LINE:COLUMN: message" (no
 * COLUMN when it is 0; line 1 when @line is 0; "<input>" when @filename
 * is NULL). */
void        wenda_bank_set_error        (GError        **error,
                                         WendaBankError  code,
                                         const char     *filename,
                                         guint           line,
                                         guint           column,
                                         const char     *format,
                                         ...) G_GNUC_PRINTF (6, 7);
const char *wenda_bank_error_text       (const GError   *error,
                                         const char     *filename);

/* 3 if @text starts with a UTF-8 BOM, else 0 */
gsize       wenda_text_skip_bom         (const char     *text,
                                         gsize           length);
gboolean    wenda_name_has_suffix       (const char     *name,
                                         const char     *suffix);
void        wenda_text_locate           (const char     *text,
                                         gsize           offset,
                                         gboolean        cr_ends_line,
                                         guint          *line,
                                         guint          *column);

/* Whether @text is valid UTF-8 with no NUL byte, exactly as
 * g_utf8_validate_len() decides, faster */
gboolean    wenda_utf8_validate         (const char     *text,
                                         gsize           length);
gboolean    wenda_text_validate         (const char     *text,
                                         gsize           length,
                                         const char     *filename,
                                         gboolean        cr_ends_line,
                                         GError        **error);

G_END_DECLS
