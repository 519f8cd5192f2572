/* wenda-compat.c: the one place that asks which platform version it runs on
 *
 * Wenda needs GTK 4.18 and libadwaita 1.7 (meson.build pins them with
 * *_VERSION_MIN_REQUIRED).  Where a newer version has a better widget,
 * the branch for it lives here, behind a *_CHECK_VERSION, and nowhere
 * else.  Today there is one: the keyboard shortcuts dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "wenda-compat.h"
#include "wenda-shortcuts.h"

#if ADW_CHECK_VERSION (1, 8, 0)

/* libadwaita 1.8 and later: AdwShortcutsDialog. */
void
wenda_compat_show_shortcuts (GtkWindow *parent)
{
  const WendaShortcutGroup *groups;
  guint n_groups;
  AdwDialog *dialog;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  dialog = adw_shortcuts_dialog_new ();
  groups = wenda_shortcut_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    {
      AdwShortcutsSection *section = adw_shortcuts_section_new (wenda_shortcut_title (groups[i].title));

      for (guint j = 0; j < groups[i].n_shortcuts; j++)
        {
          const WendaShortcut *shortcut = &groups[i].shortcuts[j];
          const char *title = wenda_shortcut_title (shortcut->title);
          AdwShortcutsItem *item;

          if (shortcut->action != NULL)
            item = adw_shortcuts_item_new_from_action (title, shortcut->action);
          else
            item = adw_shortcuts_item_new (title, shortcut->accelerator);
          /* Both adds take the reference (transfer full). */
          adw_shortcuts_section_add (section, item);
        }
      adw_shortcuts_dialog_add (ADW_SHORTCUTS_DIALOG (dialog), section);
    }

  adw_dialog_present (dialog, GTK_WIDGET (parent));
}

/* The shortcuts dialog @parent shows, if any. */
GtkWidget *
wenda_compat_get_shortcuts (GtkWindow *parent)
{
  AdwDialog *dialog;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (parent), NULL);

  dialog = adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (parent));
  return ADW_IS_SHORTCUTS_DIALOG (dialog) ? GTK_WIDGET (dialog) : NULL;
}

#else

/* libadwaita 1.7 (Debian 13): GtkShortcutsWindow, which GTK 4.18
 * deprecates in favour of AdwShortcutsDialog, which libadwaita 1.7 does
 * not have yet.  This is the one place where the project allows a
 * deprecated symbol. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS

void
wenda_compat_show_shortcuts (GtkWindow *parent)
{
  const WendaShortcutGroup *groups;
  guint n_groups;
  GtkShortcutsSection *section;
  GtkWidget *window;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  window = g_object_new (GTK_TYPE_SHORTCUTS_WINDOW,
                         /* GTK 4.18 exposes it as an unnamed panel. */
                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                         "modal", TRUE,
                         "transient-for", parent,
                         "application", gtk_window_get_application (parent),
                         "destroy-with-parent", TRUE,
                         /* A title of its own: screen readers name an
                          * untitled window after its type. */
                         "title", _("Keyboard Shortcuts"),
                         NULL);
  /* One section, with columns tall enough for every group on one page. */
  section = g_object_new (GTK_TYPE_SHORTCUTS_SECTION,
                          "section-name", "shortcuts",
                          "max-height", 20,
                          NULL);
  groups = wenda_shortcut_groups (&n_groups);
  for (guint i = 0; i < n_groups; i++)
    {
      GtkShortcutsGroup *group = g_object_new (GTK_TYPE_SHORTCUTS_GROUP,
                                               "title", wenda_shortcut_title (groups[i].title),
                                               NULL);

      for (guint j = 0; j < groups[i].n_shortcuts; j++)
        {
          const WendaShortcut *shortcut = &groups[i].shortcuts[j];
          g_autofree char *keys = NULL;
          GtkShortcutsShortcut *line;

          /* A line of a shortcuts window looks up its action's keys only
           * in a help overlay: they are given here. */
          if (shortcut->action != NULL)
            {
              g_auto(GStrv) accels =
                gtk_application_get_accels_for_action (gtk_window_get_application (parent),
                                                       shortcut->action);

              keys = g_strjoinv (" ", accels);
            }
          line = g_object_new (GTK_TYPE_SHORTCUTS_SHORTCUT,
                               "title", wenda_shortcut_title (shortcut->title),
                               "accelerator", keys != NULL ? keys : shortcut->accelerator,
                               NULL);
          gtk_shortcuts_group_add_shortcut (group, line);
        }
      gtk_shortcuts_section_add_group (section, group);
    }
  gtk_shortcuts_window_add_section (GTK_SHORTCUTS_WINDOW (window), section);

  gtk_window_present (GTK_WINDOW (window));
}

/* The shortcuts window over @parent, if one is shown. */
GtkWidget *
wenda_compat_get_shortcuts (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (window) && gtk_window_get_transient_for (window) == parent &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }

  return NULL;
}

G_GNUC_END_IGNORE_DEPRECATIONS

#endif
