/* main.c: start Wenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "wenda-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WendaApplication) app = NULL;

  setlocale (LC_ALL, "");
  wenda_i18n_init ();

  app = wenda_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
