/* wenda-text.h: putting content text into labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-types.h"

G_BEGIN_DECLS

void wenda_label_set_text_in (GtkLabel      *label,
                              const char    *text,
                              WendaLanguage  language);

G_END_DECLS
