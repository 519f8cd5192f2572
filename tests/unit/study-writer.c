/* study-writer.c: saves a study store over and over until it is killed
 *
 *   study-writer PATH
 *
 * Loads PATH and writes "ready\n" to stdout.  Then for N = the state it
 * holds + 1, + 2…: applies step N (study-crash.h), saves, and writes "N\n"
 * once the save has returned.  The crash test of test-study-store.c kills it with SIGKILL at
 * a random moment and checks what it left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "study-crash.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(WendaStudyStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s PATH\n", argv[0]);
      return EXIT_FAILURE;
    }

  store = wenda_study_store_new (argv[1]);
  if (!wenda_study_store_load (store, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The test starts its clock now, so that it kills a writer at work
   * however long starting up took */
  printf ("ready\n");
  fflush (stdout);

  for (guint n = study_crash_state (store) + 1; n < G_MAXUINT; n++)
    {
      study_crash_apply (store, n);

      if (!wenda_study_store_save (store, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }

      /* Unbuffered as far as the test is concerned: a line it reads is a
       * save that returned */
      printf ("%u\n", n);
      fflush (stdout);
    }

  return EXIT_SUCCESS;
}
