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
  g_autofree char *layout = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *sections = NULL;
  gsize length = 0;
  guint n_items, n_sections;

  /* Refused before it is read, as the import does */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("it is a folder, not a file"));
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

  n_items = wenda_import_report_get_n_items (report);
  n_sections = wenda_import_report_get_n_sections (report);
  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u question", "%'u questions", n_items),
                               n_items);
  sections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u section", "%'u sections", n_sections),
                              n_sections);
  layout = wenda_layout_describe (wenda_import_report_get_layout (report),
                                  wenda_import_report_get_question_level (report));

  /* Translators: `wenda --check`: the file, "71 questions", "13 sections",
   * and the layout found, "level 4 headings" */
  g_string_append_printf (out, _("%s: %s in %s (%s)"), path, questions, sections, layout);
  g_string_append_c (out, '\n');
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
