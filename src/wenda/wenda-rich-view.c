/* wenda-rich-view.c: an answer's Markdown shown as GTK widgets
 *
 * The text is parsed once into blocks (wenda-rich.c), and each block
 * becomes its own widget: a paragraph or heading a selectable GtkLabel
 * whose markup is built from escaped text (nothing from a file is ever
 * read as markup), a list a column of items with their markers, a code
 * block a GtkSourceView, a table a WendaGridTable of cells, an image a
 * WendaImage, details a GtkExpander.  A GtkLabel cannot hold widgets, so
 * an image in the middle of a paragraph follows the paragraph (README,
 * "Source").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "wenda-image.h"
#include "wenda-media.h"
#include "wenda-grid-table.h"
#include "wenda-rich-view.h"
#include "wenda-text.h"

/* Up to this many images a view */
#define MAX_IMAGES 50
/* Nesting deeper than this is shown at this depth */
#define MAX_INDENT 12

#define TOPIC_URI_FORMAT "wenda:topic/%u"
#define OBJECT_REPLACEMENT "\xef\xbf\xbc"

struct _WendaRichView
{
  GtkWidget      parent_instance;

  GtkWidget     *box;
  char          *markdown;
  GtkLabel      *first_label;

  WendaLanguage  language;
  WendaGlossary *glossary;
  guint          item_number;
  GFile         *media_dir;
  char          *base;
  guint          n_images;
};

G_DEFINE_FINAL_TYPE (WendaRichView, wenda_rich_view, GTK_TYPE_WIDGET)

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void append_blocks (WendaRichView         *self,
                           GtkWidget             *box,
                           WendaRichBlock *const *blocks,
                           guint                  n_blocks,
                           guint                  depth);

/* --------------------------------------------------------------- links */

static void
on_open_link_response (AdwAlertDialog *dialog,
                       GAsyncResult   *result,
                       gpointer        user_data)
{
  g_autoptr(GtkUriLauncher) launcher = user_data;
  GtkWidget *parent = g_object_get_data (G_OBJECT (dialog), "wenda-parent");
  const char *response = adw_alert_dialog_choose_finish (dialog, result);

  if (g_strcmp0 (response, "open") == 0)
    gtk_uri_launcher_launch (launcher, GTK_WINDOW (parent), NULL, NULL, NULL);
}

/* A link out of the app is opened only when the user says so: the text
 * of a link need not be where it goes */
static void
ask_open_uri (WendaRichView *self,
              const char    *uri)
{
  AdwDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  dialog = adw_alert_dialog_new (_("Open Link?"), NULL);
  adw_alert_dialog_set_body (ADW_ALERT_DIALOG (dialog), uri);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog),
                                  "cancel", _("_Cancel"),
                                  "open", _("_Open"),
                                  NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open",
                                            ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "wenda-parent", root);
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (self), NULL,
                           (GAsyncReadyCallback) on_open_link_response,
                           gtk_uri_launcher_new (uri));
}

static gboolean
is_outside_uri (const char *uri)
{
  return g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://") ||
         g_str_has_prefix (uri, "mailto:");
}

/* Every link of the view comes here: a topic's goes to the view's owner,
 * a web address is asked about, anything else (a file of the bank, an
 * anchor) is not followed.  Nothing reaches GTK's default handler. */
static gboolean
on_label_activate_link (WendaRichView *self,
                        const char    *uri)
{
  gboolean handled = FALSE;

  g_signal_emit (self, signals[ACTIVATE_LINK], 0, uri, &handled);
  if (!handled && is_outside_uri (uri))
    ask_open_uri (self, uri);

  return TRUE;
}

/* --------------------------------------------------------------- text */

static gboolean
span_takes_no_term (const WendaRichSpan *span)
{
  return (span->style & (WENDA_RICH_STYLE_LINK | WENDA_RICH_STYLE_CODE | WENDA_RICH_STYLE_MATH)) != 0;
}

/* The spans of @inline_ with each glossary term in @links made a link
 * to its topic, where it is not already in a link, code or math.
 * The spans are borrowed but for the new hrefs, which @hrefs keeps. */
static GArray *
spans_with_terms (const WendaRichInline *inline_,
                  GArray                *links,
                  GPtrArray             *hrefs)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (WendaRichSpan));
  guint s = 0;
  guint at = 0;

  for (guint l = 0; l <= links->len; l++)
    {
      const WendaTermLink *link = l < links->len ? &g_array_index (links, WendaTermLink, l) : NULL;
      guint start = link != NULL ? (guint) link->start : inline_->length;
      guint end = link != NULL ? (guint) link->end : inline_->length;
      gboolean ok = link != NULL && end <= inline_->length && start < end && start >= at;

      /* Not into a link, code or math, nor over an image */
      for (guint i = 0; ok && i < inline_->spans->len; i++)
        {
          const WendaRichSpan *span = &g_array_index (inline_->spans, WendaRichSpan, i);

          if (span->start < end && span->end > start && span_takes_no_term (span))
            ok = FALSE;
        }
      if (ok && memmem (inline_->text + start, end - start, OBJECT_REPLACEMENT, 3) != NULL)
        ok = FALSE;
      if (link != NULL && !ok)
        continue;

      /* The spans before the term, cut at its start */
      for (; s < inline_->spans->len; s++)
        {
          WendaRichSpan span = g_array_index (inline_->spans, WendaRichSpan, s);

          if (span.end <= at)
            continue;
          if (span.start >= start)
            break;
          span.start = MAX (span.start, at);
          if (span.end > start)
            {
              span.end = start;
              g_array_append_val (spans, span);
              break;
            }
          g_array_append_val (spans, span);
        }
      if (link == NULL)
        break;

      /* The term: its own styles where a span covers it, a link throughout */
      {
        char *href = g_strdup_printf (TOPIC_URI_FORMAT, link->target);
        guint pos = start;

        g_ptr_array_add (hrefs, href);
        for (guint i = 0; i < inline_->spans->len && pos < end; i++)
          {
            const WendaRichSpan *span = &g_array_index (inline_->spans, WendaRichSpan, i);
            WendaRichSpan piece = { 0, };

            if (span->end <= pos || span->start >= end)
              continue;
            if (span->start > pos)
              {
                piece = (WendaRichSpan) { pos, span->start, WENDA_RICH_STYLE_LINK, href };
                g_array_append_val (spans, piece);
              }
            piece = (WendaRichSpan) { MAX (span->start, pos), MIN (span->end, end),
                                      span->style | WENDA_RICH_STYLE_LINK, href };
            g_array_append_val (spans, piece);
            pos = piece.end;
          }
        if (pos < end)
          {
            WendaRichSpan piece = { pos, end, WENDA_RICH_STYLE_LINK, href };

            g_array_append_val (spans, piece);
          }
      }
      at = end;
    }

  /* What follows the last term */
  for (; s < inline_->spans->len; s++)
    {
      WendaRichSpan span = g_array_index (inline_->spans, WendaRichSpan, s);

      if (span.end <= at)
        continue;
      span.start = MAX (span.start, at);
      g_array_append_val (spans, span);
    }

  return spans;
}

static char *
inline_markup (WendaRichView         *self,
               const WendaRichInline *inline_)
{
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) hrefs = NULL;
  WendaRichInline linked;

  if (self->glossary == NULL || inline_->length == 0)
    return wenda_rich_inline_to_markup (inline_, FALSE);

  links = wenda_glossary_find_links (self->glossary, inline_->text, self->item_number);
  if (links->len == 0)
    return wenda_rich_inline_to_markup (inline_, FALSE);

  hrefs = g_ptr_array_new_with_free_func (g_free);
  spans = spans_with_terms (inline_, links, hrefs);
  linked = *inline_;
  linked.spans = spans;
  return wenda_rich_inline_to_markup (&linked, FALSE);
}

static PangoAttrList *
language_attrs (WendaRichView *self)
{
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_language_new (
                            pango_language_from_string (wenda_language_to_bcp47 (self->language))));
  return attrs;
}

static void
add_text_classes (WendaRichView *self,
                  GtkWidget     *label)
{
  gtk_widget_add_css_class (label, "reading-text");
  gtk_widget_add_css_class (label, self->language == WENDA_LANGUAGE_ZH ? "lang-zh" : "lang-en");
}

static GtkWidget *
text_label_new (WendaRichView         *self,
                const WendaRichInline *inline_,
                GtkAccessibleRole      role)
{
  g_autofree char *markup = inline_markup (self, inline_);
  g_autoptr(PangoAttrList) attrs = language_attrs (self);
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", role, NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_attributes (GTK_LABEL (label), attrs);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  add_text_classes (self, label);
  g_signal_connect_object (label, "activate-link", G_CALLBACK (on_label_activate_link),
                           self, G_CONNECT_SWAPPED);

  if (self->first_label == NULL && role == GTK_ACCESSIBLE_ROLE_LABEL)
    self->first_label = GTK_LABEL (label);

  return label;
}

/* ------------------------------------------------------------- images */

static GtkWidget *
image_new (WendaRichView        *self,
           const WendaRichImage *image)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) file = NULL;

  /* A remote image is never fetched: it is a link */
  if (wenda_media_is_remote (image->src))
    {
      g_autofree char *text = g_markup_escape_text (image->alt[0] != '\0' ? image->alt : image->src, -1);
      g_autofree char *href = g_markup_escape_text (image->src, -1);
      g_autofree char *markup = g_strdup_printf ("<a href=\"%s\">%s</a>", href, text);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_tooltip_text (label, _("A remote image, not downloaded"));
      gtk_widget_add_css_class (label, "wenda-remote-image");
      g_signal_connect_object (label, "activate-link", G_CALLBACK (on_label_activate_link),
                               self, G_CONNECT_SWAPPED);
      return label;
    }

  name = wenda_media_resolve_name (self->base != NULL ? self->base : "", image->src, &error);
  if (name != NULL && self->media_dir == NULL)
    g_set_error (&error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                 _("“%s” was not imported with the bank"), image->src);
  else if (name != NULL)
    {
      file = g_file_resolve_relative_path (self->media_dir, name);
      if (!g_file_query_exists (file, NULL))
        {
          g_set_error (&error, WENDA_MEDIA_ERROR, WENDA_MEDIA_ERROR_NOT_FOUND,
                       _("“%s” was not imported with the bank"), image->src);
          g_clear_object (&file);
        }
    }

  return wenda_image_new (file, image->alt, error != NULL ? error->message : NULL);
}

static void
append_images (WendaRichView         *self,
               GtkWidget             *box,
               const WendaRichInline *inline_)
{
  for (guint i = 0; i < inline_->images->len; i++)
    {
      const WendaRichImage *image = &g_array_index (inline_->images, WendaRichImage, i);
      GtkWidget *widget;

      if (self->n_images++ >= MAX_IMAGES)
        return;

      widget = image_new (self, image);
      gtk_widget_set_halign (widget, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (box), widget);
    }
}

/* Whether the text is nothing but images and white space */
static gboolean
inline_is_images (const WendaRichInline *inline_)
{
  const char *p = inline_->text;
  const char *end = inline_->text + inline_->length;

  if (inline_->images->len == 0)
    return FALSE;

  while (p < end)
    {
      if ((gsize) (end - p) >= 3 && memcmp (p, OBJECT_REPLACEMENT, 3) == 0)
        p += 3;
      else if (g_ascii_isspace (*p))
        p++;
      else
        return FALSE;
    }
  return TRUE;
}

static void
append_paragraph (WendaRichView         *self,
                  GtkWidget             *box,
                  const WendaRichInline *inline_)
{
  if (!inline_is_images (inline_))
    gtk_box_append (GTK_BOX (box), text_label_new (self, inline_, GTK_ACCESSIBLE_ROLE_LABEL));
  append_images (self, box, inline_);
}

/* --------------------------------------------------------------- code */

static const struct
{
  const char *alias;
  const char *id;
} code_languages[] = {
  { "py", "python3" }, { "python", "python3" }, { "python3", "python3" }, { "ipython", "python3" },
  { "js", "js" }, { "javascript", "js" }, { "ts", "typescript" }, { "c++", "cpp" },
  { "cxx", "cpp" }, { "cc", "cpp" }, { "hpp", "cpp" }, { "h", "c" }, { "cu", "cuda" },
  { "bash", "sh" }, { "shell", "sh" }, { "zsh", "sh" }, { "console", "sh" },
  { "yml", "yaml" }, { "md", "markdown" }, { "tex", "latex" }, { "golang", "go" },
  { "rs", "rust" }, { "kt", "kotlin" }, { "cs", "c-sharp" }, { "csharp", "c-sharp" },
  { "graphviz", "dot" }, { "jsonc", "json" }, { "proto", "protobuf" },
};

static GtkSourceLanguage *
code_language (const char *info)
{
  GtkSourceLanguageManager *manager;
  GtkSourceLanguage *language;
  const char *id = info;

  if (info == NULL || info[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (code_languages); i++)
    if (g_str_equal (info, code_languages[i].alias))
      id = code_languages[i].id;

  manager = gtk_source_language_manager_get_default ();
  language = gtk_source_language_manager_get_language (manager, id);
  if (language == NULL && g_str_equal (id, "python3"))
    language = gtk_source_language_manager_get_language (manager, "python");
  return language;
}

static void
update_scheme (GtkSourceBuffer *buffer,
               GParamSpec      *pspec,
               AdwStyleManager *style)
{
  GtkSourceStyleSchemeManager *schemes = gtk_source_style_scheme_manager_get_default ();
  const char *id = adw_style_manager_get_dark (style) ? "Adwaita-dark" : "Adwaita";
  GtkSourceStyleScheme *scheme = gtk_source_style_scheme_manager_get_scheme (schemes, id);

  if (scheme == NULL)
    scheme = gtk_source_style_scheme_manager_get_scheme (schemes,
                                                         adw_style_manager_get_dark (style) ? "classic-dark"
                                                                                            : "classic");
  gtk_source_buffer_set_style_scheme (buffer, scheme);
}

/* A GtkTextView knows its height only once it has laid its lines out, in
 * idle time, a frame or more after it is shown: the code block would grow
 * under the reader's eyes.  Code is read-only, so its height is known from
 * the start: the height of its text in the view's font, and the margins. */
static void
fit_code_height (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  int height;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  layout = gtk_widget_create_pango_layout (view, text[0] != '\0' ? text : " ");
  pango_layout_get_pixel_size (layout, NULL, &height);
  gtk_widget_set_size_request (view, -1,
                               height + gtk_text_view_get_top_margin (GTK_TEXT_VIEW (view)) +
                               gtk_text_view_get_bottom_margin (GTK_TEXT_VIEW (view)));
}

static void
on_copy_code (GtkButton  *button,
              const char *code)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (button)), code);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), _("Copied"));
}

static GtkWidget *
code_new (WendaRichView        *self,
          const WendaRichBlock *block)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceLanguage *language;
  g_autoptr(GtkSourceBuffer) buffer = gtk_source_buffer_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *code = NULL;
  GtkWidget *frame, *header, *kind, *copy, *scroller, *view;
  gsize len = block->text != NULL ? strlen (block->text) : 0;

  /* Idempotent; not at startup, which shows no code */
  gtk_source_init ();
  language = code_language (block->info);

  /* Shown without the last line end, copied as written */
  code = g_strndup (block->text != NULL ? block->text : "", len);
  if (len > 0 && code[len - 1] == '\n')
    code[len - 1] = '\0';

  switch (block->diagram)
    {
    case WENDA_RICH_DIAGRAM_MERMAID:
      title = g_strdup (_("Mermaid diagram"));
      break;
    case WENDA_RICH_DIAGRAM_DOT:
      title = g_strdup (_("Graphviz diagram"));
      break;
    case WENDA_RICH_DIAGRAM_NONE:
    default:
      if (language != NULL)
        title = g_strdup (gtk_source_language_get_name (language));
      else if (block->info != NULL && block->info[0] != '\0')
        title = g_strdup (block->info);
      break;
    }

  gtk_source_buffer_set_language (buffer, language);
  gtk_source_buffer_set_highlight_matching_brackets (buffer, FALSE);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), code, -1);
  update_scheme (buffer, NULL, style);
  g_signal_connect_object (style, "notify::dark", G_CALLBACK (update_scheme), buffer,
                           G_CONNECT_SWAPPED);

  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "wenda-code");
  gtk_widget_add_css_class (frame, "card");

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "wenda-code-header");
  kind = gtk_label_new (title != NULL ? title : _("Code"));
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_ellipsize (GTK_LABEL (kind), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_widget_add_css_class (kind, "caption");
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_box_append (GTK_BOX (header), kind);

  copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  gtk_widget_set_tooltip_text (copy, _("Copy Code"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Copy Code"), -1);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_add_css_class (copy, "circular");
  g_signal_connect_data (copy, "clicked", G_CALLBACK (on_copy_code),
                         g_strdup (block->text != NULL ? block->text : ""),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_box_append (GTK_BOX (header), copy);
  gtk_box_append (GTK_BOX (frame), header);

  view = gtk_source_view_new_with_buffer (buffer);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_NONE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : _("Code"), -1);
  gtk_widget_add_css_class (view, "wenda-code-view");
  /* Its font is known once it is styled, when it is realized: before the
   * frame that first shows it is laid out */
  g_signal_connect (view, "realize", G_CALLBACK (fit_code_height), NULL);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (frame), scroller);

  return frame;
}

/* --------------------------------------------------------------- math */

/* A display formula, as its source in monospace until it is typeset */
static GtkWidget *
math_new (WendaRichView        *self,
          const WendaRichBlock *block)
{
  const char *tex = block->text != NULL ? block->text : "";
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_MATH, NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_text (GTK_LABEL (label), tex);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "wenda-math-source");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, tex, -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  return scroller;
}

/* -------------------------------------------------------------- table */

static float
align_x (WendaRichAlign align)
{
  switch (align)
    {
    case WENDA_RICH_ALIGN_CENTER:
      return 0.5f;
    case WENDA_RICH_ALIGN_RIGHT:
      return 1.0f;
    case WENDA_RICH_ALIGN_DEFAULT:
    case WENDA_RICH_ALIGN_LEFT:
    default:
      return 0.0f;
    }
}

static char *
inline_plain (const WendaRichInline *inline_)
{
  g_autoptr(GString) plain = g_string_new_len (inline_->text, inline_->length);

  g_string_replace (plain, OBJECT_REPLACEMENT, "", 0);
  return g_string_free_and_steal (g_steal_pointer (&plain));
}

static GtkWidget *
table_new (WendaRichView        *self,
           const WendaRichBlock *block)
{
  GtkWidget *table = wenda_grid_table_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  for (guint r = 0; block->children != NULL && r < block->children->len; r++)
    {
      const WendaRichBlock *row_block = g_ptr_array_index (block->children, r);
      GtkWidget *row = wenda_grid_table_append_row (WENDA_GRID_TABLE (table), row_block->header);

      for (guint c = 0; row_block->children != NULL && c < row_block->children->len; c++)
        {
          const WendaRichBlock *cell_block = g_ptr_array_index (row_block->children, c);
          gboolean header = row_block->header || cell_block->header;
          /* Not GTK_ACCESSIBLE_ROLE_COLUMN_HEADER: GTK 4.18's AT-SPI
           * bridge has no role for it and makes it a filler, which takes
           * the cell out of the table for a screen reader.  A header is a
           * table cell that says what it is. */
          GtkWidget *cell = g_object_new (GTK_TYPE_BOX,
                                          "accessible-role", GTK_ACCESSIBLE_ROLE_CELL,
                                          "orientation", GTK_ORIENTATION_VERTICAL,
                                          NULL);

          if (header)
            gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                            _("Column header"), -1);

          gtk_widget_add_css_class (cell, header ? "header" : "cell");
          if (cell_block->inline_ != NULL)
            {
              g_autofree char *plain = inline_plain (cell_block->inline_);
              GtkWidget *label = text_label_new (self, cell_block->inline_, GTK_ACCESSIBLE_ROLE_LABEL);

              gtk_label_set_xalign (GTK_LABEL (label), align_x (cell_block->align));
              gtk_widget_set_halign (label, GTK_ALIGN_FILL);
              gtk_box_append (GTK_BOX (cell), label);
              append_images (self, cell, cell_block->inline_);
              gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              plain, -1);
            }
          wenda_grid_table_row_append (WENDA_GRID_TABLE_ROW (row), cell);
        }
    }

  gtk_widget_set_halign (table, GTK_ALIGN_START);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), table);
  gtk_widget_add_css_class (scroller, "wenda-table-scroller");
  return scroller;
}

/* --------------------------------------------------------------- lists */

static const char *bullets[] = { "•", "◦", "▪" };

static GtkWidget *
list_new (WendaRichView        *self,
          const WendaRichBlock *block,
          guint                 depth)
{
  GtkWidget *list = g_object_new (GTK_TYPE_BOX,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_LIST,
                                  "orientation", GTK_ORIENTATION_VERTICAL,
                                  "spacing", 6,
                                  NULL);
  guint last = block->start + (block->children != NULL ? block->children->len : 0);
  int width = 1;

  /* Numbers right-aligned in a column as wide as the last one's */
  for (guint n = last; block->ordered && n > 0; n /= 10)
    width++;

  gtk_widget_add_css_class (list, "wenda-list");
  for (guint i = 0; block->children != NULL && i < block->children->len; i++)
    {
      const WendaRichBlock *item = g_ptr_array_index (block->children, i);
      GtkWidget *row = g_object_new (GTK_TYPE_BOX,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                                     "orientation", GTK_ORIENTATION_HORIZONTAL,
                                     "spacing", 8,
                                     NULL);
      GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *marker;

      if (item->task != WENDA_RICH_TASK_NONE)
        {
          marker = gtk_check_button_new ();
          gtk_check_button_set_active (GTK_CHECK_BUTTON (marker), item->task == WENDA_RICH_TASK_DONE);
          /* It shows what the bank says; clicking it changes nothing */
          gtk_widget_set_can_target (marker, FALSE);
          gtk_widget_set_focusable (marker, FALSE);
          gtk_accessible_update_state (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_STATE_DISABLED, TRUE, -1);
          gtk_widget_add_css_class (marker, "wenda-task");
        }
      else
        {
          g_autofree char *text = block->ordered ? g_strdup_printf ("%u.", block->start + i)
                                                 : g_strdup (bullets[depth % G_N_ELEMENTS (bullets)]);

          marker = gtk_label_new (text);
          gtk_label_set_width_chars (GTK_LABEL (marker), width);
          gtk_label_set_xalign (GTK_LABEL (marker), block->ordered ? 1.0f : 0.5f);
          gtk_widget_add_css_class (marker, "wenda-list-marker");
          add_text_classes (self, marker);
          /* A screen reader counts the items itself */
          gtk_accessible_update_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
        }
      gtk_widget_set_valign (marker, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), marker);

      gtk_widget_set_hexpand (content, TRUE);
      if (item->children != NULL)
        append_blocks (self, content, (WendaRichBlock *const *) item->children->pdata,
                       item->children->len, depth + 1);
      gtk_box_append (GTK_BOX (row), content);
      gtk_box_append (GTK_BOX (list), row);
    }

  return list;
}

/* -------------------------------------------------------------- blocks */

static GtkWidget *
heading_new (WendaRichView        *self,
             const WendaRichBlock *block)
{
  GtkWidget *label = text_label_new (self, block->inline_, GTK_ACCESSIBLE_ROLE_HEADING);

  /* Below the question's title, which is a title-2 */
  gtk_widget_remove_css_class (label, "reading-text");
  gtk_widget_add_css_class (label, block->level <= 2 ? "title-4" : "heading");
  gtk_widget_set_margin_top (label, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  (int) CLAMP (block->level, 1, 6) + 2, -1);
  return label;
}

static GtkWidget *
details_new (WendaRichView        *self,
             const WendaRichBlock *block,
             guint                 depth)
{
  GtkWidget *expander = gtk_expander_new (NULL);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *summary;

  if (block->inline_ != NULL && block->inline_->length > 0)
    {
      g_autofree char *markup = inline_markup (self, block->inline_);
      g_autoptr(PangoAttrList) attrs = language_attrs (self);

      summary = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (summary), markup);
      gtk_label_set_attributes (GTK_LABEL (summary), attrs);
    }
  else
    summary = gtk_label_new (_("Details"));
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  add_text_classes (self, summary);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), summary);

  gtk_widget_set_margin_top (content, 6);
  if (block->children != NULL)
    append_blocks (self, content, (WendaRichBlock *const *) block->children->pdata,
                   block->children->len, depth + 1);
  gtk_expander_set_child (GTK_EXPANDER (expander), content);
  gtk_widget_add_css_class (expander, "wenda-details");
  return expander;
}

static void
append_blocks (WendaRichView         *self,
               GtkWidget             *box,
               WendaRichBlock *const *blocks,
               guint                  n_blocks,
               guint                  depth)
{
  for (guint i = 0; i < n_blocks; i++)
    {
      const WendaRichBlock *block = blocks[i];
      GtkWidget *widget = NULL;

      /* Too deep to indent further: the blocks inside go where they are */
      if (depth >= MAX_INDENT &&
          (block->kind == WENDA_RICH_QUOTE || block->kind == WENDA_RICH_LIST ||
           block->kind == WENDA_RICH_ITEM || block->kind == WENDA_RICH_DETAILS))
        {
          if (block->inline_ != NULL)
            append_paragraph (self, box, block->inline_);
          if (block->children != NULL)
            append_blocks (self, box, (WendaRichBlock *const *) block->children->pdata,
                           block->children->len, depth);
          continue;
        }

      switch (block->kind)
        {
        case WENDA_RICH_PARAGRAPH:
          if (block->inline_ != NULL)
            append_paragraph (self, box, block->inline_);
          break;

        case WENDA_RICH_HEADING:
          if (block->inline_ != NULL)
            widget = heading_new (self, block);
          break;

        case WENDA_RICH_LIST:
          widget = list_new (self, block, depth);
          break;

        case WENDA_RICH_QUOTE:
          widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
          gtk_widget_add_css_class (widget, "wenda-quote");
          if (block->children != NULL)
            append_blocks (self, widget, (WendaRichBlock *const *) block->children->pdata,
                           block->children->len, depth + 1);
          break;

        case WENDA_RICH_CODE:
          widget = code_new (self, block);
          break;

        case WENDA_RICH_MATH:
          widget = math_new (self, block);
          break;

        case WENDA_RICH_TABLE:
          widget = table_new (self, block);
          break;

        case WENDA_RICH_RULE:
          widget = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);
          gtk_widget_set_margin_top (widget, 6);
          gtk_widget_set_margin_bottom (widget, 6);
          break;

        case WENDA_RICH_DETAILS:
          widget = details_new (self, block, depth);
          break;

        case WENDA_RICH_ITEM:
        case WENDA_RICH_ROW:
        case WENDA_RICH_CELL:
        default:
          /* Only inside their list or table; a stray one shows its text */
          if (block->inline_ != NULL)
            append_paragraph (self, box, block->inline_);
          if (block->children != NULL)
            append_blocks (self, box, (WendaRichBlock *const *) block->children->pdata,
                           block->children->len, depth);
          break;
        }

      if (widget != NULL)
        gtk_box_append (GTK_BOX (box), widget);
    }
}

/* -------------------------------------------------------------- object */

static void
clear (WendaRichView *self)
{
  GtkWidget *child;

  /* The view's owner puts the focus somewhere sensible
   * (wenda_detail_view_focus_start()) */
  wenda_drop_focus_within (self->box);

  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  self->first_label = NULL;
  self->n_images = 0;
}

static void
wenda_rich_view_dispose (GObject *object)
{
  WendaRichView *self = WENDA_RICH_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  self->first_label = NULL;
  g_clear_object (&self->glossary);
  g_clear_object (&self->media_dir);

  G_OBJECT_CLASS (wenda_rich_view_parent_class)->dispose (object);
}

static void
wenda_rich_view_finalize (GObject *object)
{
  WendaRichView *self = WENDA_RICH_VIEW (object);

  g_free (self->markdown);
  g_free (self->base);

  G_OBJECT_CLASS (wenda_rich_view_parent_class)->finalize (object);
}

static void
wenda_rich_view_class_init (WendaRichViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_rich_view_dispose;
  object_class->finalize = wenda_rich_view_finalize;

  /**
   * WendaRichView::activate-link:
   * @uri: the link's target: "wenda:topic/N" for a topic
   *
   * Returns: TRUE if the handler followed it; a web address nobody
   * handles is offered to the browser, after asking
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 1, G_TYPE_STRING);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "richview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
wenda_rich_view_init (WendaRichView *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->language = WENDA_LANGUAGE_ZH;
}

GtkWidget *
wenda_rich_view_new (void)
{
  return g_object_new (WENDA_TYPE_RICH_VIEW, NULL);
}

void
wenda_rich_view_set_context (WendaRichView *self,
                             WendaLanguage  language,
                             WendaGlossary *glossary,
                             guint          item_number,
                             GFile         *media_dir,
                             const char    *base)
{
  g_return_if_fail (WENDA_IS_RICH_VIEW (self));

  self->language = language;
  g_set_object (&self->glossary, glossary);
  self->item_number = item_number;
  g_set_object (&self->media_dir, media_dir);
  g_free (self->base);
  self->base = g_strdup (base);
}

void
wenda_rich_view_set_blocks (WendaRichView         *self,
                            WendaRichBlock *const *blocks,
                            guint                  n_blocks)
{
  g_return_if_fail (WENDA_IS_RICH_VIEW (self));

  g_clear_pointer (&self->markdown, g_free);
  clear (self);
  append_blocks (self, self->box, blocks, n_blocks, 0);
}

void
wenda_rich_view_set_markdown (WendaRichView *self,
                              const char    *markdown)
{
  g_autoptr(WendaRichDoc) doc = NULL;

  g_return_if_fail (WENDA_IS_RICH_VIEW (self));

  clear (self);
  g_free (self->markdown);
  self->markdown = g_strdup (markdown);
  if (markdown == NULL || markdown[0] == '\0')
    return;

  doc = wenda_rich_parse (markdown, -1);
  append_blocks (self, self->box, (WendaRichBlock *const *) doc->blocks->pdata, doc->blocks->len, 0);
}

const char *
wenda_rich_view_get_markdown (WendaRichView *self)
{
  g_return_val_if_fail (WENDA_IS_RICH_VIEW (self), NULL);

  return self->markdown;
}

gboolean
wenda_rich_view_is_empty (WendaRichView *self)
{
  g_return_val_if_fail (WENDA_IS_RICH_VIEW (self), TRUE);

  return gtk_widget_get_first_child (self->box) == NULL;
}

GtkLabel *
wenda_rich_view_get_first_label (WendaRichView *self)
{
  g_return_val_if_fail (WENDA_IS_RICH_VIEW (self), NULL);

  return self->first_label;
}

void
wenda_label_set_rich_inline (GtkLabel      *label,
                             const char    *markdown,
                             WendaLanguage  language)
{
  g_autoptr(WendaRichInline) inline_ = NULL;
  g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
  g_autofree char *markup = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  inline_ = wenda_rich_parse_inline (markdown != NULL ? markdown : "", -1);
  markup = wenda_rich_inline_to_markup (inline_, TRUE);
  pango_attr_list_insert (attrs, pango_attr_language_new (
                            pango_language_from_string (wenda_language_to_bcp47 (language))));
  gtk_label_set_markup (label, markup);
  gtk_label_set_attributes (label, attrs);
}

char *
wenda_rich_line_to_plain (const char *markdown)
{
  g_autoptr(WendaRichInline) inline_ = NULL;
  GString *plain;

  if (markdown == NULL)
    return g_strdup ("");

  /* Most questions hold no Markdown at all */
  if (strpbrk (markdown, "*_~`[]!<>&$\\\n#|") == NULL)
    return g_strdup (markdown);

  inline_ = wenda_rich_parse_inline (markdown, -1);
  plain = g_string_new_len (inline_->text, inline_->length);
  g_string_replace (plain, OBJECT_REPLACEMENT, "", 0);
  g_strdelimit (plain->str, "\n\t", ' ');
  return g_strstrip (g_string_free (plain, FALSE));
}

void
wenda_label_set_plain_line (GtkLabel      *label,
                            const char    *markdown,
                            WendaLanguage  language)
{
  g_autofree char *plain = wenda_rich_line_to_plain (markdown);

  wenda_label_set_text_in (label, plain, language);
}

/**
 * wenda_drop_focus_within:
 *
 * Takes the keyboard focus off anything inside @widget, whose content is
 * about to go: GTK 4.18 keeps a pointer to a focus widget that is
 * destroyed, and crashes on the next frame.
 */
void
wenda_drop_focus_within (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, widget))
    gtk_root_set_focus (root, NULL);
}
