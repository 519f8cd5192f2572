/* wenda-text.c: putting content text into labels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "wenda-text.h"

#define TOPIC_URI_PREFIX "wenda:topic/"

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

/**
 * wenda_label_set_text_with_links:
 * @glossary: (nullable): where the terms come from
 * @item_number: the item @text belongs to
 *
 * Like wenda_label_set_text_in(), but a term that another item defines
 * becomes a link to it ("wenda:topic/N"; the label's owner handles
 * GtkLabel::activate-link).  The text is escaped before it becomes markup:
 * nothing in it is ever read as markup.
 */
void
wenda_label_set_text_with_links (GtkLabel      *label,
                                 const char    *text,
                                 WendaLanguage  language,
                                 WendaGlossary *glossary,
                                 guint          item_number)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(GString) markup = NULL;
  g_autoptr(PangoAttrList) attrs = NULL;
  gsize at = 0;

  if (glossary == NULL)
    {
      wenda_label_set_text_in (label, text, language);
      return;
    }

  links = wenda_glossary_find_links (glossary, text, item_number);
  if (links->len == 0)
    {
      wenda_label_set_text_in (label, text, language);
      return;
    }

  markup = g_string_new (NULL);
  for (guint i = 0; i < links->len; i++)
    {
      const WendaTermLink *link = &g_array_index (links, WendaTermLink, i);
      g_autofree char *before = g_markup_escape_text (text + at, link->start - at);
      g_autofree char *term = g_markup_escape_text (text + link->start, link->end - link->start);
      g_autofree char *title = NULL;
      g_autofree char *title_once = NULL;
      g_autofree char *title_escaped = NULL;

      /* Translators: the tooltip of a term linked to the topic defining it */
      title = g_strdup_printf (_("Topic №%u: %s — %s"), link->target,
                               wenda_glossary_term_get_zh (link->term),
                               wenda_glossary_term_get_en (link->term));
      /* Escaped twice: the label unescapes the attribute, then shows the
       * tooltip with gtk_tooltip_set_markup(), which parses it again. */
      title_once = g_markup_escape_text (title, -1);
      title_escaped = g_markup_escape_text (title_once, -1);

      g_string_append (markup, before);
      g_string_append_printf (markup, "<a href=\"" TOPIC_URI_PREFIX "%u\" title=\"%s\">%s</a>",
                              link->target, title_escaped, term);
      at = link->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (text + at, -1);

    g_string_append (markup, rest);
  }

  attrs = pango_attr_list_new ();
  pango_attr_list_insert (attrs, pango_attr_language_new (
                            pango_language_from_string (wenda_language_to_bcp47 (language))));

  gtk_label_set_markup (label, markup->str);
  gtk_label_set_attributes (label, attrs);
}

/**
 * wenda_topic_uri_parse:
 *
 * Reads the topic number out of a "wenda:topic/N" link.
 */
gboolean
wenda_topic_uri_parse (const char *uri,
                       guint      *number)
{
  guint64 value;

  if (uri == NULL || !g_str_has_prefix (uri, TOPIC_URI_PREFIX))
    return FALSE;

  if (!g_ascii_string_to_unsigned (uri + strlen (TOPIC_URI_PREFIX), 10, 1, G_MAXUINT,
                                   &value, NULL))
    return FALSE;

  *number = (guint)value;
  return TRUE;
}
