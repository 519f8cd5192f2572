/* wenda-catalog.h: a compiled gettext catalog (.mo), read into memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define WENDA_TYPE_CATALOG (wenda_catalog_get_type ())

G_DECLARE_FINAL_TYPE (WendaCatalog, wenda_catalog, WENDA, CATALOG, GObject)

WendaCatalog *wenda_catalog_new_from_bytes (GBytes        *bytes,
                                            const char    *filename,
                                            GError       **error);
WendaCatalog *wenda_catalog_new_from_file  (const char    *path,
                                            GError       **error);
WendaCatalog *wenda_catalog_load_language  (const char    *localedir,
                                            const char    *domain,
                                            const char    *language,
                                            GError       **error);
const char   *wenda_catalog_lookup         (WendaCatalog  *self,
                                            const char    *msgid);
guint         wenda_catalog_get_n_entries  (WendaCatalog  *self);
const char   *wenda_catalog_get_language   (WendaCatalog  *self);

G_END_DECLS
