/* wenda-text.h: putting content text into labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-glossary.h"

G_BEGIN_DECLS

void wenda_label_set_text_in (GtkLabel      *label,
                              const char    *text,
                              WendaLanguage  language);

void     wenda_label_set_text_with_links (GtkLabel      *label,
                                          const char    *text,
                                          WendaLanguage  language,
                                          WendaGlossary *glossary,
                                          guint          item_number);
gboolean wenda_topic_uri_parse           (const char    *uri,
                                          guint         *number);

G_END_DECLS
