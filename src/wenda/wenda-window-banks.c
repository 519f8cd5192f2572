/* wenda-window-banks.c: the window's banks: choose, import, export, rename
 *
 * Banks: the user's own, next to the bundled one.  The chooser in the
 * sidebar's header lists them once there is more than one; the main menu
 * opens, exports, renames and removes them, and a bank dropped on the
 * window is opened too.  A file opened shows the import dialog
 * (wenda-import-dialog.c) first, which saves nothing until the user
 * chooses Import.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-bank-export.h"
#include "wenda-import-dialog.h"
#include "wenda-library.h"
#include "wenda-sidebar.h"
#include "wenda-window-private.h"

static WendaLibraryBank *
wenda_window_get_library_bank (WendaWindow *self)
{
  return wenda_sidebar_get_library_bank (self->sidebar);
}

/* What can be done with the bank chosen. */
void
wenda_window_update_bank_ui (WendaWindow *self)
{
  WendaLibraryBank *current = wenda_window_get_library_bank (self);
  gboolean own = current != NULL && !wenda_library_bank_is_bundled (current);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-folder", self->library != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-bank", own);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-bank", own);
}

static void
on_bank_selected (WendaWindow *self)
{
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);

  if (entry == NULL || self->attaching_library)
    return;

  wenda_window_set_bank (self, wenda_library_bank_get_bank (entry));
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-bank", wenda_library_bank_get_id (entry));
  wenda_window_update_bank_ui (self);
}

/* As if the user had chosen @entry (one of the library's) in the
 * chooser. */
static void
wenda_window_select_library_bank (WendaWindow      *self,
                                  WendaLibraryBank *entry)
{
  /* Through the reading view: a new bank is read from its start. */
  wenda_window_show_reading (self);
  /* (The chooser notifies if its choice changes; but a renamed bank
   * stays where it was.) */
  if (wenda_sidebar_select_library_bank (self->sidebar, entry))
    on_bank_selected (self);
}

/**
 * wenda_window_select_bank:
 * @self: a #WendaWindow
 * @bank_id: the id of one of the library's banks
 *
 * Shows the bank @bank_id from its start, as if the user had chosen it in
 * the bank chooser (and remembers it as the bank read last).
 *
 * Returns: whether the window now shows that bank
 */
gboolean
wenda_window_select_bank (WendaWindow *self,
                          const char  *bank_id)
{
  WendaLibraryBank *entry;

  g_return_val_if_fail (WENDA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (bank_id != NULL, FALSE);

  if (self->library == NULL || (entry = wenda_library_lookup (self->library, bank_id)) == NULL)
    return FALSE;

  if (self->bank != wenda_library_bank_get_bank (entry))
    wenda_window_select_library_bank (self, entry);

  return self->bank == wenda_library_bank_get_bank (entry);
}

static void
on_library_changed (WendaWindow *self)
{
  wenda_window_update_bank_ui (self);
}

/* A message for the user that needs an answer, or more room than a toast. */
static AdwAlertDialog *
wenda_window_message_dialog (WendaWindow *self,
                             const char  *heading,
                             const char  *body)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, NULL));

  /* The body is plain text: it can quote a file's contents. */
  adw_alert_dialog_set_body_use_markup (dialog, FALSE);
  if (body != NULL)
    adw_alert_dialog_set_body (dialog, body);
  return dialog;
}

static void
wenda_window_show_error (WendaWindow *self,
                         const char  *heading,
                         const char  *body)
{
  AdwAlertDialog *dialog = wenda_window_message_dialog (self, heading, body);

  adw_alert_dialog_add_response (dialog, "close", _("_Close"));
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* The bank the user imported from the preview: shown from its start. */
static void
on_bank_imported (WendaImportDialog *dialog,
                  WendaLibraryBank  *entry,
                  gboolean           updated,
                  WendaWindow       *self)
{
  g_autofree char *message = NULL;

  /* The window may be closing. */
  if (self->split_view == NULL)
    return;

  wenda_window_select_library_bank (self, entry);
  /* An update leaves the same bank chosen, with new content. */
  if (wenda_window_get_library_bank (self) == entry &&
      self->bank != wenda_library_bank_get_bank (entry))
    on_bank_selected (self);

  if (updated)
    /* Translators: %s is the title of a bank of the library */
    message = g_strdup_printf (_("Updated “%s”"), wenda_library_bank_get_title (entry));
  else
    {
      guint n = wenda_library_bank_get_n_items (entry);

      /* Translators: %u questions were read from the file %s */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u question from “%s”",
                                              "Imported %'u questions from “%s”", n),
                                 n, wenda_import_dialog_get_name (dialog));
    }
  wenda_window_add_toast (self, message);
}

static void
on_import_dialog_closed (WendaWindow *self)
{
  self->n_imports--;

  /* The dialog took the keyboard, and gives it back to what had it
   * before, if anything did (the file chooser, a window of its own, may
   * have had it): else the topic list takes it, rather than nothing. */
  if (self->split_view != NULL && gtk_root_get_focus (GTK_ROOT (self)) == NULL &&
      gtk_widget_get_mapped (GTK_WIDGET (self->sidebar)))
    wenda_sidebar_focus_selected_row (self->sidebar);
}

/**
 * wenda_window_import_file:
 *
 * Reads @file (Markdown or JSON) off the main thread and shows what it
 * holds in the import dialog, which adds it to the library, or updates
 * one of its banks, if the user chooses Import; the bank is then shown.
 */
void
wenda_window_import_file (WendaWindow *self,
                          GFile       *file)
{
  g_return_if_fail (G_IS_FILE (file));

  wenda_window_import_files (self, &file, 1);
}

/**
 * wenda_window_import_files:
 * @files: (array length=n_files): a bank file, a folder of chapter
 *   files, or several files
 *
 * wenda_window_import_file() for what is read as one bank, a section a
 * file (wenda_import_files()).
 */
void
wenda_window_import_files (WendaWindow  *self,
                           GFile *const *files,
                           guint         n_files)
{
  WendaImportDialog *dialog;

  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (files != NULL && n_files > 0);

  if (self->library == NULL)
    return;

  dialog = wenda_import_dialog_new_for_files (self->library, files, n_files);
  self->n_imports++;
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_bank_imported), self, 0);
  g_signal_connect_object (dialog, "closed", G_CALLBACK (on_import_dialog_closed), self,
                           G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* Several files chosen are one bank */
static void
on_open_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (GTK_FILE_DIALOG (source),
                                                                      result, NULL);
  guint n = files != NULL ? g_list_model_get_n_items (files) : 0;

  if (n > 0)
    {
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      wenda_window_import_files (self, (GFile *const *)array->pdata, array->len);
    }
  self->n_imports--;
}

static void
on_folder_dialog_done (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source),
                                                                  result, NULL);

  if (folder != NULL)
    wenda_window_import_file (self, folder);
  self->n_imports--;
}

/* File › Open Folder (win.open-folder): a folder of chapter files is one
 * bank, a section a file */
void
wenda_window_open_folder (WendaWindow *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open a Folder of Chapter Files"));
  self->n_imports++;
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (self), NULL, on_folder_dialog_done,
                                 g_object_ref (self));
}

static GListStore *
bank_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) banks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  gtk_file_filter_set_name (banks, _("Question Banks"));
  gtk_file_filter_add_mime_type (banks, "text/markdown");
  gtk_file_filter_add_mime_type (banks, "application/json");
  gtk_file_filter_add_mime_type (banks, "text/csv");
  gtk_file_filter_add_mime_type (banks, "text/tab-separated-values");
  gtk_file_filter_add_suffix (banks, "md");
  gtk_file_filter_add_suffix (banks, "json");
  gtk_file_filter_add_suffix (banks, "csv");
  gtk_file_filter_add_suffix (banks, "tsv");
  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_set_name (json, _("JSON"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  g_list_store_append (filters, banks);
  g_list_store_append (filters, markdown);
  /* Anki's "Notes in Plain Text" are .txt: the filter of all files, or
   * this one, shows them */
  gtk_file_filter_set_name (csv, _("CSV, TSV and Anki Text"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_mime_type (csv, "text/tab-separated-values");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "tab");
  gtk_file_filter_add_suffix (csv, "txt");
  g_list_store_append (filters, json);
  g_list_store_append (filters, csv);

  return filters;
}

/* File › Open, through the file chooser portal when there is one
 * (win.open); several files chosen are read as one bank. */
void
wenda_window_open_bank (WendaWindow *self)
{
  g_autoptr(GListStore) filters = bank_file_filters ();
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open a Question Bank"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  self->n_imports++;
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (self), NULL, on_open_dialog_done,
                                 g_object_ref (self));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         WendaWindow   *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    wenda_window_import_file (self, l->data);

  return files != NULL;
}

typedef struct
{
  WendaWindow *self;
  char        *contents;
  char        *name;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->self);
  g_free (job->contents);
  g_free (job->name);
  g_free (job);
}

static void
on_export_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      /* Translators: %s is a file name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Export to “%s”"), job->name);

      wenda_window_show_error (job->self, heading, error->message);
    }
  else
    {
      /* Translators: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”"), job->name);

      wenda_window_add_toast (job->self, message);
    }

  export_job_free (job);
}

static void
wenda_window_export_to (WendaWindow *self,
                        GFile       *file,
                        gboolean     anki)
{
  ExportJob *job = g_new0 (ExportJob, 1);
  g_autofree char *basename = g_file_get_basename (file);

  job->self = g_object_ref (self);
  job->name = g_filename_display_name (basename ? basename : "");
  job->contents = anki ? wenda_export_anki_tsv (self->bank, self->shown_mode)
                       : wenda_export_markdown (self->bank, self->shown_mode);
  g_file_replace_contents_async (file, job->contents, strlen (job->contents), NULL, FALSE,
                                 G_FILE_CREATE_REPLACE_DESTINATION, NULL,
                                 on_export_written, job);
}

static void
on_save_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    wenda_window_export_to (self, file,
                            GPOINTER_TO_INT (g_object_get_data (source, "wenda-anki")));
}

/* Exports the bank in the reading mode shown, for Anki or as Markdown
 * (win.export). */
void
wenda_window_export_bank (WendaWindow *self,
                          gboolean     anki)
{
  g_autofree char *name = NULL;
  const char *title = anki ? _("Export for Anki") : _("Export as Markdown");

  if (self->bank == NULL)
    return;

  /* The bank's title, without what a file name cannot hold. */
  name = g_strdup_printf ("%s.%s", wenda_bank_get_title (self->bank)[0] != '\0'
                                   ? wenda_bank_get_title (self->bank) : "wenda",
                          anki ? "txt" : "md");
  g_strdelimit (name, "/\\:", '-');

  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, title);
    gtk_file_dialog_set_initial_name (dialog, name);
    g_object_set_data (G_OBJECT (dialog), "wenda-anki", GINT_TO_POINTER (anki));
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, on_save_dialog_done, g_object_ref (self));
  }
}

static void
on_rename_response (AdwAlertDialog *dialog,
                    const char     *response,
                    WendaWindow    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  WendaLibraryBank *entry_bank = g_object_get_data (G_OBJECT (dialog), "wenda-bank");
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (!g_str_equal (response, "rename"))
    return;

  title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (title[0] == '\0')
    return;

  if (!wenda_library_rename (self->library, entry_bank, title, &error))
    wenda_window_show_error (self, _("Could Not Rename the Bank"), error->message);
  else
    wenda_window_select_library_bank (self, entry_bank);
}

/* Asks for a new name for the bank chosen, one of the user's
 * (win.rename-bank). */
void
wenda_window_rename_bank (WendaWindow *self)
{
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);
  AdwAlertDialog *dialog;
  GtkWidget *text;

  if (entry == NULL || wenda_library_bank_is_bundled (entry))
    return;

  dialog = wenda_window_message_dialog (self, _("Rename the Bank"), NULL);
  text = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (text), wenda_library_bank_get_title (entry));
  gtk_entry_set_activates_default (GTK_ENTRY (text), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bank name"), -1);
  adw_alert_dialog_set_extra_child (dialog, text);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "rename", _("_Rename"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "rename");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wenda-bank", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
on_remove_response (AdwAlertDialog *dialog,
                    const char     *response,
                    WendaWindow    *self)
{
  WendaLibraryBank *entry = g_object_get_data (G_OBJECT (dialog), "wenda-bank");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove"))
    return;

  /* Show the bundled bank first: the removed one's items go away. */
  {
    g_autoptr(WendaLibraryBank) bundled = g_list_model_get_item (G_LIST_MODEL (self->library), 0);

    wenda_window_select_library_bank (self, bundled);
  }
  if (!wenda_library_remove (self->library, entry, &error))
    wenda_window_show_error (self, _("Could Not Remove the Bank"), error->message);
}

/* Removes the bank chosen, one of the user's, once the user agrees
 * (win.remove-bank). */
void
wenda_window_remove_bank (WendaWindow *self)
{
  WendaLibraryBank *entry = wenda_window_get_library_bank (self);
  AdwAlertDialog *dialog;
  g_autofree char *heading = NULL;

  if (entry == NULL || wenda_library_bank_is_bundled (entry))
    return;

  /* Translators: %s is a question bank's name */
  heading = g_strdup_printf (_("Remove “%s”?"), wenda_library_bank_get_title (entry));
  dialog = wenda_window_message_dialog (self, heading,
                                        _("Wenda’s copy of its questions is deleted. The file you "
                                          "imported it from is not touched, and your study progress "
                                          "is kept in case you import it again."));
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "wenda-bank", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* Attaches the library: the chooser lists it, and the bank the user read
 * last opens. */
void
wenda_window_attach_library (WendaWindow *self)
{
  WendaLibrary *library = self->library;
  g_autofree char *last = NULL;
  WendaLibraryBank *entry;

  /* Setting the library chooses its first bank: not a choice to act on. */
  self->attaching_library = TRUE;
  wenda_sidebar_set_library (self->sidebar, library);
  self->attaching_library = FALSE;
  g_signal_connect_object (library, "items-changed", G_CALLBACK (on_library_changed),
                           self, G_CONNECT_SWAPPED);

  /* A window made for another bank (wenda_window_new()) keeps it. */
  {
    g_autoptr(WendaLibraryBank) bundled = g_list_model_get_item (G_LIST_MODEL (library), 0);

    if (bundled == NULL || wenda_library_bank_get_bank (bundled) != self->bank)
      {
        wenda_window_update_bank_ui (self);
        return;
      }
  }

  last = self->settings ? g_settings_get_string (self->settings, "last-bank") : NULL;
  entry = wenda_library_lookup (library, last);
  if (entry != NULL && !wenda_library_bank_is_bundled (entry))
    wenda_window_select_library_bank (self, entry);

  wenda_window_update_bank_ui (self);
}

/**
 * wenda_window_is_importing:
 *
 * Whether an import is under way, or File › Open is waiting for the
 * user's choice (which may start one).
 */
gboolean
wenda_window_is_importing (WendaWindow *self)
{
  g_return_val_if_fail (WENDA_IS_WINDOW (self), FALSE);

  return self->n_imports > 0;
}

void
wenda_window_class_banks_init (WendaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, on_bank_selected);
}

void
wenda_window_banks_init (WendaWindow *self)
{
  /* A bank dropped on the window is imported. */
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
