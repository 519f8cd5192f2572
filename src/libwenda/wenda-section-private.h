/* wenda-section-private.h: what the bank sets in a section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-section.h"

G_BEGIN_DECLS

void wenda_section_set_index    (WendaSection *self,
                                 guint         index);
void wenda_section_set_title_en (WendaSection *self,
                                 const char   *title_en);
void wenda_section_set_file     (WendaSection *self,
                                 const char   *file);

G_END_DECLS
