/* wenda-shortcuts.h: the keyboard shortcuts the shortcuts dialog lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One line of the shortcuts dialog: its title (untranslated, in the
 * "shortcut window" context), and either the detailed action whose
 * accelerators it shows or, for keys that no action carries (list
 * navigation, the study card's keys), the keys themselves as GTK
 * accelerator strings, alternatives separated by spaces. */
typedef struct
{
  const char *title;
  const char *action;
  const char *accelerator;
} WendaShortcut;

typedef struct
{
  const char          *title;
  const WendaShortcut *shortcuts;
  guint                n_shortcuts;
} WendaShortcutGroup;

const WendaShortcutGroup *wenda_shortcut_groups (guint *n_groups);
const char               *wenda_shortcut_title  (const char *title);

G_END_DECLS
