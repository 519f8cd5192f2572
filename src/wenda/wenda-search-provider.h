/* wenda-search-provider.h: org.gnome.Shell.SearchProvider2
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "wenda-types.h"

G_BEGIN_DECLS

#define WENDA_SEARCH_PROVIDER_PATH "/io/github/wenda/Wenda/SearchProvider"

guint wenda_search_provider_register (WendaApplication  *app,
                                      GDBusConnection   *connection,
                                      GError           **error);

G_END_DECLS
