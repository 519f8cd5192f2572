/* main.c: start Wenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "wenda-application.h"
#include "wenda-check.h"

/* `wenda --check FILE…`: before any application exists, so it needs no
 * display, no session bus and no running Wenda.  The application lists
 * the option in --help. */
static gboolean
wants_check (int    argc,
             char **argv)
{
  for (int i = 1; i < argc && !g_str_equal (argv[i], "--"); i++)
    if (g_str_equal (argv[i], "--check"))
      return TRUE;

  return FALSE;
}

static int
check_main (int    argc,
            char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean files_only = FALSE;
  WendaCheckStatus status;

  for (int i = 1; i < argc; i++)
    {
      if (!files_only && g_str_equal (argv[i], "--"))
        files_only = TRUE;
      else if (!files_only && g_str_equal (argv[i], "--check"))
        continue;
      else if (!files_only && argv[i][0] == '-' && argv[i][1] != '\0')
        {
          /* Not a file: --check takes no other option (a file named so
           * comes after "--") */
          /* Translators: `wenda --check` given another option */
          fprintf (stderr, _("wenda --check: “%s” is not a file; a file whose name starts with - "
                             "comes after --\n"), argv[i]);
          fprintf (stderr, "%s\n", _("Usage: wenda --check FILE…"));
          return WENDA_CHECK_REFUSED;
        }
      else
        g_ptr_array_add (paths, argv[i]);
    }
  g_ptr_array_add (paths, NULL);

  if (paths->len == 1)
    {
      fprintf (stderr, "%s\n", _("Usage: wenda --check FILE…"));
      return WENDA_CHECK_REFUSED;
    }

  status = wenda_check_files ((const char * const *)paths->pdata, out);
  fputs (out->str, stdout);
  fflush (stdout);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(WendaApplication) app = NULL;

  setlocale (LC_ALL, "");
  wenda_i18n_init ();

  if (wants_check (argc, argv))
    return check_main (argc, argv);

  app = wenda_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
