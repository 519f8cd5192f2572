/* wenda-rich-view.h: an answer's Markdown shown as GTK widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-glossary.h"
#include "wenda-rich.h"

G_BEGIN_DECLS

#define WENDA_TYPE_RICH_VIEW (wenda_rich_view_get_type ())
G_DECLARE_FINAL_TYPE (WendaRichView, wenda_rich_view, WENDA, RICH_VIEW, GtkWidget)

GtkWidget  *wenda_rich_view_new          (void);

/* Where what it shows comes from: the language of the text (for Pango
 * and the accessibility tree), the glossary whose terms become links
 * (nullable), the item the text belongs to (its own terms are not
 * linked), and the bank's media folder with the item's folder in it
 * (wenda_media_dup_item_base()), for images.  Takes effect at the next
 * set_markdown() or set_blocks(). */
void        wenda_rich_view_set_context  (WendaRichView         *self,
                                          WendaLanguage          language,
                                          WendaGlossary         *glossary,
                                          guint                  item_number,
                                          GFile                 *media_dir,
                                          const char            *base);

/* Shows @markdown (NULL or "" shows nothing) */
void        wenda_rich_view_set_markdown (WendaRichView         *self,
                                          const char            *markdown);
/* Shows @n_blocks top-level blocks of a parsed text; they are read, not
 * kept */
void        wenda_rich_view_set_blocks   (WendaRichView         *self,
                                          WendaRichBlock *const *blocks,
                                          guint                  n_blocks);

/* The Markdown it shows, or NULL after set_blocks() */
const char *wenda_rich_view_get_markdown (WendaRichView         *self);
/* Whether it shows anything */
gboolean    wenda_rich_view_is_empty     (WendaRichView         *self);

/* Its first paragraph's label, or NULL: for tests and focus */
GtkLabel   *wenda_rich_view_get_first_label (WendaRichView      *self);

/* Shows the one-line Markdown @markdown (a question) in @label: its
 * formatting, none of its markers, tagged with @language */
void        wenda_label_set_rich_inline  (GtkLabel              *label,
                                          const char            *markdown,
                                          WendaLanguage          language);

/* The text of the one-line Markdown @markdown as a reader sees it, with
 * no markers, on one line: for the topic list and search results */
char       *wenda_rich_line_to_plain     (const char            *markdown);
/* Shows it in @label, tagged with @language */
void        wenda_label_set_plain_line   (GtkLabel              *label,
                                          const char            *markdown,
                                          WendaLanguage          language);

/* Takes the focus off anything inside @widget, before its content goes */
void        wenda_drop_focus_within      (GtkWidget             *widget);

G_END_DECLS
