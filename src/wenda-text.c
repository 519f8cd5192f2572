/* wenda-text.c: putting content text into labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "wenda-text.h"

/**
 * wenda_label_set_text_in:
 * @label: a label
 * @text: content text, shown literally (never parsed as markup)
 * @language: the language of @text
 *
 * Tags the whole text with its language.  Pango then picks Simplified
 * Chinese glyphs for Chinese whatever the locale, and the language reaches
 * the accessibility tree as a text attribute.
 */
void
wenda_label_set_text_in (GtkLabel      *label,
                         const char    *text,
                         WendaLanguage  language)
{
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  PangoLanguage *pango_language = pango_language_from_string (wenda_language_to_bcp47 (language));

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language));

  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_label (label, text);
  gtk_label_set_attributes (label, attrs);
}
