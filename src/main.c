/* main.c: start Wenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "wenda-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WendaApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, wenda_application_get_localedir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  /* g_dgettext() decides once whether to translate at all; let it decide
   * before textdomain() is set (see shared/I18N.md). */
  g_dgettext (GETTEXT_PACKAGE, "");
  textdomain (GETTEXT_PACKAGE);

  app = wenda_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
