/* wenda-section.c: a section of a question bank
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A bank's items can be grouped in sections, and sections in sections:
 * "# 第一章 数学基础" above "## 1.1 向量" above the questions.  Each item
 * points to its innermost section (wenda_qa_item_get_section()); the bank
 * holds them all, parents before children, in the order they are written
 * (wenda_bank_get_sections()).  A section's index is its position there.
 */

#include "config.h"

#include "wenda-section-private.h"

struct _WendaSection
{
  GObject       parent_instance;

  WendaSection *parent;     /* owned */
  char         *title;
  char         *title_en;   /* NULL: no translation */
  char         *file;       /* the file it was read from, or NULL */
  guint         depth;      /* 1 for a section with no parent */
  guint         index;
};

G_DEFINE_FINAL_TYPE (WendaSection, wenda_section, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
wenda_section_finalize (GObject *object)
{
  WendaSection *self = (WendaSection *)object;

  g_clear_object (&self->parent);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->title_en, g_free);
  g_clear_pointer (&self->file, g_free);

  G_OBJECT_CLASS (wenda_section_parent_class)->finalize (object);
}

static void
wenda_section_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  WendaSection *self = WENDA_SECTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_section_class_init (WendaSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = wenda_section_finalize;
  object_class->get_property = wenda_section_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL,
                         WENDA_TYPE_SECTION,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
wenda_section_init (WendaSection *self)
{
}

/**
 * wenda_section_new:
 * @parent: (nullable): the section this one is in
 * @title: its title, as written
 */
WendaSection *
wenda_section_new (WendaSection *parent,
                   const char   *title)
{
  WendaSection *self;

  g_return_val_if_fail (parent == NULL || WENDA_IS_SECTION (parent), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (WENDA_TYPE_SECTION, NULL);
  self->parent = parent != NULL ? g_object_ref (parent) : NULL;
  self->title = g_strdup (title);
  self->depth = parent != NULL ? parent->depth + 1 : 1;

  return self;
}

const char *
wenda_section_get_title (WendaSection *self)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), NULL);

  return self->title;
}

/* The title in @language: the English rendering where the catalog has
 * one, else the title as written. */
const char *
wenda_section_get_title_in (WendaSection  *self,
                            WendaLanguage  language)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), NULL);

  if (language == WENDA_LANGUAGE_EN && self->title_en != NULL)
    return self->title_en;

  return self->title;
}

/* Returns: (transfer none) (nullable): the enclosing section */
WendaSection *
wenda_section_get_parent (WendaSection *self)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), NULL);

  return self->parent;
}

/* 1 for a top-level section, 2 for one inside it, … */
guint
wenda_section_get_depth (WendaSection *self)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), 0);

  return self->depth;
}

/* The section's position in wenda_bank_get_sections() of its bank */
guint
wenda_section_get_index (WendaSection *self)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), 0);

  return self->index;
}

/**
 * wenda_section_dup_path:
 *
 * The titles from the outermost section to this one, joined by " › ":
 * "第一章 数学基础 › 1.1 向量".
 *
 * Returns: (transfer full): the path
 */
char *
wenda_section_dup_path (WendaSection  *self,
                        WendaLanguage  language)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GString *path = g_string_new (NULL);

  g_return_val_if_fail (WENDA_IS_SECTION (self), NULL);

  for (WendaSection *s = self; s != NULL; s = s->parent)
    g_ptr_array_add (titles, (gpointer)wenda_section_get_title_in (s, language));

  for (guint i = titles->len; i > 0; i--)
    {
      if (path->len > 0)
        g_string_append (path, " \u203A ");
      g_string_append (path, g_ptr_array_index (titles, i - 1));
    }

  return g_string_free (path, FALSE);
}

/* Whether @other is @self or inside it */
gboolean
wenda_section_contains (WendaSection *self,
                        WendaSection *other)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), FALSE);

  for (WendaSection *s = other; s != NULL; s = s->parent)
    if (s == self)
      return TRUE;

  return FALSE;
}

void
wenda_section_set_index (WendaSection *self,
                         guint         index)
{
  g_return_if_fail (WENDA_IS_SECTION (self));

  self->index = index;
}

void
wenda_section_set_title_en (WendaSection *self,
                            const char   *title_en)
{
  g_return_if_fail (WENDA_IS_SECTION (self));

  g_free (self->title_en);
  self->title_en = g_strdup (title_en);
}

/**
 * wenda_section_get_file:
 *
 * The path, relative to the bank's folder and with "/" between its
 * parts, of the file whose questions the section holds, when the bank
 * was read from several files ("chapters/02-dl.md"); the images its
 * questions refer to are relative to that file's folder.
 *
 * Returns: (nullable): the path, or %NULL
 */
const char *
wenda_section_get_file (WendaSection *self)
{
  g_return_val_if_fail (WENDA_IS_SECTION (self), NULL);

  return self->file;
}

void
wenda_section_set_file (WendaSection *self,
                        const char   *file)
{
  g_return_if_fail (WENDA_IS_SECTION (self));

  g_free (self->file);
  self->file = g_strdup (file);
}
