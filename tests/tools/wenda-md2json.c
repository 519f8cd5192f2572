/* wenda-md2json.c: convert a Markdown question bank to the JSON format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: wenda-md2json [--id-prefix PREFIX] [--source TEXT] [-o OUTPUT] INPUT.md
 *
 * Regenerate the bundled bank with
 *   meson compile -C build update-content
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "wenda-bank-loader.h"
#include "wenda-markdown.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autofree char *id_prefix = NULL;
  g_autofree char *source = NULL;
  g_autofree char *output = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *json = NULL;
  gsize length;
  const GOptionEntry entries[] = {
    { "id-prefix", 0, 0, G_OPTION_ARG_STRING, &id_prefix,
      "Name the items PREFIX-001, PREFIX-002… (default: q1, q2…)", "PREFIX" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      "The bank's \"source\" member", "TEXT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to OUTPUT instead of standard output", "OUTPUT" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("INPUT.md - convert a Markdown question bank to JSON");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("wenda-md2json: %s\n", error->message);
      return 2;
    }

  if (argc != 2)
    {
      g_printerr ("Usage: wenda-md2json [--id-prefix PREFIX] [--source TEXT] [-o OUTPUT] INPUT.md\n");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("wenda-md2json: %s\n", error->message);
      return 1;
    }

  basename = g_path_get_basename (argv[1]);
  bank = wenda_markdown_parse (contents, length, basename, &error);
  if (bank == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (id_prefix != NULL)
    {
      WendaBank *renamed = wenda_bank_rename_ids (bank, id_prefix);

      g_object_unref (bank);
      bank = renamed;
    }

  json = wenda_bank_to_json (bank, source);

  if (output == NULL)
    {
      fputs (json, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }

  if (!g_file_set_contents (output, json, -1, &error))
    {
      g_printerr ("wenda-md2json: %s\n", error->message);
      return 1;
    }

  return 0;
}
