/* wenda-term-view.h: a glossary term and the topics that use it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-glossary.h"

G_BEGIN_DECLS

#define WENDA_TYPE_TERM_VIEW (wenda_term_view_get_type ())

G_DECLARE_FINAL_TYPE (WendaTermView, wenda_term_view, WENDA, TERM_VIEW, GtkWidget)

void wenda_term_view_set_term (WendaTermView     *self,
                               WendaGlossaryTerm *term,
                               WendaBank         *bank,
                               WendaContentMode   mode);
void wenda_term_view_focus_first_topic (WendaTermView *self);

G_END_DECLS
