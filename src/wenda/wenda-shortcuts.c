/* wenda-shortcuts.c: the keyboard shortcuts the shortcuts dialog lists
 *
 * One table, read by the dialog (wenda-compat.c builds the one the
 * platform has) and by tests/ui/test-desktop.c, which checks that every
 * line is really bound.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-shortcuts.h"

static const WendaShortcut topics[] = {
  { NC_("shortcut window", "Move through the list"), NULL, "Up Down" },
  { NC_("shortcut window", "First and last topic"), NULL, "Home End" },
  { NC_("shortcut window", "Open the topic"), NULL, "Return" },
  { NC_("shortcut window", "Next topic"), "win.next", NULL },
  { NC_("shortcut window", "Previous topic"), "win.previous", NULL },
  { NC_("shortcut window", "Search"), "win.search", NULL },
  { NC_("shortcut window", "Back to the list (narrow window)"), NULL, "Escape" },
  { NC_("shortcut window", "Glossary"), "win.glossary", NULL },
};

static const WendaShortcut reading[] = {
  { NC_("shortcut window", "Content in Chinese"), "win.content-mode::zh", NULL },
  { NC_("shortcut window", "Content in English"), "win.content-mode::en", NULL },
  { NC_("shortcut window", "Content in both languages"), "win.content-mode::both", NULL },
  { NC_("shortcut window", "Larger text"), "app.zoom-in", NULL },
  { NC_("shortcut window", "Smaller text"), "app.zoom-out", NULL },
  { NC_("shortcut window", "Normal text size"), "app.zoom-reset", NULL },
};

static const WendaShortcut general[] = {
  { NC_("shortcut window", "Open a bank, or several files as one"), "win.open", NULL },
  { NC_("shortcut window", "Open a folder of chapter files"), "win.open-folder", NULL },
  { NC_("shortcut window", "Preferences"), "app.preferences", NULL },
  { NC_("shortcut window", "Keyboard shortcuts"), "app.shortcuts", NULL },
  { NC_("shortcut window", "Main menu"), NULL, "F10" },
  { NC_("shortcut window", "Close the window"), "window.close", NULL },
  { NC_("shortcut window", "Quit"), "app.quit", NULL },
};

static const WendaShortcut study[] = {
  { NC_("shortcut window", "Study the due topics in the list"), "win.study", NULL },
  { NC_("shortcut window", "Show the answer"), NULL, "space" },
  { NC_("shortcut window", "Grade: Again, Hard, Good, Easy"), NULL, "1 2 3 4" },
  { NC_("shortcut window", "Star or unstar the topic"), "win.starred", NULL },
  { NC_("shortcut window", "Study progress"), "win.progress", NULL },
};

static const WendaShortcutGroup groups[] = {
  { NC_("shortcut window", "Topics"), topics, G_N_ELEMENTS (topics) },
  { NC_("shortcut window", "Reading"), reading, G_N_ELEMENTS (reading) },
  { NC_("shortcut window", "General"), general, G_N_ELEMENTS (general) },
  { NC_("shortcut window", "Study"), study, G_N_ELEMENTS (study) },
};

const WendaShortcutGroup *
wenda_shortcut_groups (guint *n_groups)
{
  g_return_val_if_fail (n_groups != NULL, NULL);

  *n_groups = G_N_ELEMENTS (groups);
  return groups;
}

/* @title translated, in its context. */
const char *
wenda_shortcut_title (const char *title)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window", title);
}
