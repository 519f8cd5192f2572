/* wenda-section.h: a section of a question bank ("第一章 数学基础")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "wenda-core-types.h"

G_BEGIN_DECLS

#define WENDA_TYPE_SECTION (wenda_section_get_type ())

G_DECLARE_FINAL_TYPE (WendaSection, wenda_section, WENDA, SECTION, GObject)

WendaSection *wenda_section_new          (WendaSection  *parent,
                                          const char    *title);
const char   *wenda_section_get_title    (WendaSection  *self);
const char   *wenda_section_get_title_in (WendaSection  *self,
                                          WendaLanguage  language);
WendaSection *wenda_section_get_parent   (WendaSection  *self);
guint         wenda_section_get_depth    (WendaSection  *self);
guint         wenda_section_get_index    (WendaSection  *self);
char         *wenda_section_dup_path     (WendaSection  *self,
                                          WendaLanguage  language);
gboolean      wenda_section_contains     (WendaSection  *self,
                                          WendaSection  *other);
const char   *wenda_section_get_file     (WendaSection  *self);

G_END_DECLS
