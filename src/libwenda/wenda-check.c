/* wenda-check.c: `wenda --check FILE…`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Each file is read as the import reads it (wenda_import_parse_full()),
 * and nothing is saved.  The output, which bank authors may parse in
 * their own CI, is for each file:
 *
 *   FILE: 71 questions in 13 sections (level 4 headings)
 *   FILE:LINE: a problem                     one line for each
 *   FILE:LINE: warning: a problem            one that skipped nothing
 *
 * or, for a file that cannot be imported,
 *
 *   FILE: refused: the reason
 *   FILE:LINE: the reason, and any problem found before it
 *
 * A folder is read as a folder of chapter files is imported
 * (wenda_import_files()), and its files' problems, images' included, name
 * them below it:
 *
 *   DIR: 71 questions in 13 sections from 12 files (level 4 headings)
 *   DIR/02-dl.md:40: warning: “../x.png” is refused: it leaves …
 *
 * The status is WENDA_CHECK_REFUSED if any file is refused, else
 * WENDA_CHECK_PROBLEMS if any has a problem (skipped lines or a warning),
 * else WENDA_CHECK_OK.
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "wenda-check.h"
#include "wenda-import.h"
#include "wenda-text-check-private.h"

/* Each problem as "FILE:LINE: message"; a warning (nothing skipped) as
 * "FILE:LINE: warning: message", as compilers write them, for the
 * problem matchers of CI */
static void
print_problems (GString           *out,
                const char        *path,
                WendaImportReport *report)
{
  for (guint i = 0; i < wenda_import_report_get_n_problems (report); i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);
      g_autofree char *prefix = g_strdup_printf ("%s:%u: ", path, problem->line);

      if (problem->warning && problem->line > 0 && g_str_has_prefix (problem->message, prefix))
        g_string_append_printf (out, "%swarning: %s", prefix, problem->message + strlen (prefix));
      else
        g_string_append (out, problem->message);
      g_string_append_c (out, '\n');
    }
}

/* "FILE: 71 questions in 13 sections (level 4 headings)", and for a
 * folder "… from 12 files …" */
static void
append_summary (GString           *out,
                const char        *path,
                WendaImportReport *report,
                gboolean           folder)
{
  guint n_items = wenda_import_report_get_n_items (report);
  guint n_sections = wenda_import_report_get_n_sections (report);
  guint n_files = wenda_import_report_get_n_files (report);
  g_autofree char *questions = NULL;
  g_autofree char *sections = NULL;
  g_autofree char *layout = NULL;

  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u question", "%'u questions", n_items),
                               n_items);
  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u section", "%'u sections", n_sections),
                              n_sections);
  layout = wenda_layout_describe (wenda_import_report_get_layout (report),
                                  wenda_import_report_get_question_level (report));

  if (folder)
    {
      g_autofree char *files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u file", "%'u files",
                                                             n_files),
                                                n_files);

      /* Translators: `wenda --check` of a folder: "71 questions", "13
       * sections", "12 files", and the layout most of them are in */
      g_string_append_printf (out, _("%s: %s in %s from %s (%s)"), path, questions, sections, files, layout);
    }
  else
    /* Translators: `wenda --check`: the file, "71 questions", "13 sections",
     * and the layout found, "level 4 headings" */
    g_string_append_printf (out, _("%s: %s in %s (%s)"), path, questions, sections, layout);
  g_string_append_c (out, '\n');
}

/* A folder's problems name its files below @path ("DIR/02-dl.md:40: …"),
 * and its own problems @path ("DIR: …") */
static void
print_folder_problems (GString           *out,
                       const char        *path,
                       WendaImportReport *report)
{
  const char *name = wenda_import_report_get_filename (report);
  const char *sep = g_str_has_suffix (path, G_DIR_SEPARATOR_S) ? "" : G_DIR_SEPARATOR_S;

  for (guint i = 0; i < wenda_import_report_get_n_problems (report); i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (report, i);
      const char *message = problem->message;
      g_autofree char *at = g_strdup_printf (":%u: ", problem->line);
      const char *text;

      if (g_str_has_prefix (message, name) && g_str_has_prefix (message + strlen (name), ": "))
        g_string_append_printf (out, "%s%s", path, message + strlen (name));
      else if (problem->warning && problem->line > 0 && (text = strstr (message, at)) != NULL)
        {
          text += strlen (at);
          g_string_append_printf (out, "%s%s%.*swarning: %s", path, sep, (int)(text - message),
                                  message, text);
        }
      else
        g_string_append_printf (out, "%s%s%s", path, sep, message);
      g_string_append_c (out, '\n');
    }
}

static WendaCheckStatus
check_folder (GFile      *folder,
              const char *path,
              GString    *out)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = wenda_import_files (&folder, 1, WENDA_IMPORT_FORMAT_AUTO, NULL, "check", NULL,
                             NULL, NULL, &report, &error);
  if (bank == NULL)
    {
      const char *text = error->message;
      const char *name = wenda_import_report_get_filename (report);

      /* "DIR: the reason" */
      if (g_str_has_prefix (text, name) && g_str_has_prefix (text + strlen (name), ": "))
        text += strlen (name) + 2;
      g_string_append_printf (out, _("%s: refused: %s"), path, text);
      g_string_append_c (out, '\n');
      print_folder_problems (out, path, report);
      return WENDA_CHECK_REFUSED;
    }

  append_summary (out, path, report, TRUE);
  print_folder_problems (out, path, report);

  return wenda_import_report_get_n_problems (report) > 0 ? WENDA_CHECK_PROBLEMS : WENDA_CHECK_OK;
}

static WendaCheckStatus
check_file (const char *path,
            GString    *out)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  /* Refused before it is read, as the import does */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    return check_folder (file, path, out);
  else if (info != NULL && g_file_info_get_size (info) > WENDA_IMPORT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (WENDA_IMPORT_MAX_SIZE);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("the file is too large (%s; the limit is %s)"), size, limit);
    }
  else if (info != NULL)
    data = wenda_import_read_file (file, path, &length, NULL, &error);

  if (data == NULL)
    {
      /* Translators: `wenda --check`: a file that could not be read */
      g_string_append_printf (out, _("%s: refused: %s"), path,
                              error->domain == WENDA_BANK_ERROR ? wenda_bank_error_text (error, path)
                                                                : error->message);
      g_string_append_c (out, '\n');
      return WENDA_CHECK_REFUSED;
    }

  bank = wenda_import_parse_full (data, length, path, WENDA_IMPORT_FORMAT_AUTO, NULL,
                                  "check", NULL, NULL, NULL, &report, &error);

  if (bank == NULL)
    {
      g_string_append_printf (out, _("%s: refused: %s"), path, wenda_bank_error_text (error, path));
      g_string_append_c (out, '\n');
      print_problems (out, path, report);
      return WENDA_CHECK_REFUSED;
    }

  append_summary (out, path, report, FALSE);
  print_problems (out, path, report);

  return wenda_import_report_get_n_problems (report) > 0 ? WENDA_CHECK_PROBLEMS : WENDA_CHECK_OK;
}

/**
 * wenda_check_files:
 * @paths: the files, as given on the command line (paths or URIs)
 * @out: what `wenda --check` prints, appended to
 *
 * Returns: the exit status: refused wins over problems
 */
WendaCheckStatus
wenda_check_files (const char * const *paths,
                   GString            *out)
{
  WendaCheckStatus status = WENDA_CHECK_OK;

  g_return_val_if_fail (paths != NULL, WENDA_CHECK_REFUSED);
  g_return_val_if_fail (out != NULL, WENDA_CHECK_REFUSED);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      WendaCheckStatus one = check_file (paths[i], out);

      if (one == WENDA_CHECK_REFUSED || (one == WENDA_CHECK_PROBLEMS && status == WENDA_CHECK_OK))
        status = one;
    }

  return status;
}
