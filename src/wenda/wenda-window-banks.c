/* wenda-window-banks.c: the window's banks: choose, import, export, rename
 *
 * Banks: the user's own, next to the bundled one.  The chooser in the
 * sidebar's header lists them once there is more than one; the main menu
 * opens, exports, renames and removes them, and a bank dropped on the
 * window is imported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-bank-export.h"
#include "wenda-import.h"
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

/* The problems of an import, one per line, left-aligned and selectable
 * (a user may want to copy them), under a summary. */
static void
wenda_window_show_report (WendaWindow             *self,
                          const char              *name,
                          const WendaImportReport *report)
{
  g_autofree char *heading = NULL;
  g_autofree char *text = wenda_import_report_to_text (report);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
  AdwAlertDialog *dialog;
  GtkWidget *scroller, *label;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("“%s” Imported, with Problems"), name);
  dialog = wenda_window_message_dialog (self, heading, lines[0]);
  adw_alert_dialog_add_response (dialog, "close", _("_Close"));

  if (lines[0] != NULL && lines[1] != NULL)
    {
      g_autofree char *details = g_strjoinv ("\n", lines + 1);

      label = gtk_label_new (NULL);
      /* Plain text: it quotes the file. */
      gtk_label_set_text (GTK_LABEL (label), details);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "caption");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Problems found"), -1);
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                      GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 220);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      adw_alert_dialog_set_extra_child (dialog, scroller);
    }

  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

typedef struct
{
  WendaWindow      *self;          /* owned */
  GFile            *file;
  char             *name;          /* for messages */
  char             *id;
  GCancellable     *cancellable;
  AdwAlertDialog   *dialog;        /* the progress dialog, while shown */
  GtkProgressBar   *bar;
  double            fraction;
  guint             show_timeout;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_handle_id (&job->show_timeout, g_source_remove);
  if (job->dialog != NULL)
    {
      /* Closing animates: the dialog outlives the job. */
      g_signal_handlers_disconnect_by_data (job->dialog, job);
      adw_dialog_force_close (ADW_DIALOG (job->dialog));
    }
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  job->self->n_imports--;
  g_clear_object (&job->self);
  g_free (job->name);
  g_free (job->id);
  g_free (job);
}

static void
on_import_dialog_response (ImportJob  *job,
                           const char *response)
{
  if (g_strcmp0 (response, "cancel") == 0)
    g_cancellable_cancel (job->cancellable);
}

/* Cancel, Escape or the window closing: the import goes on, or ends,
 * without its dialog. */
static void
on_import_dialog_closed (ImportJob *job)
{
  job->dialog = NULL;
  job->bar = NULL;
}

/* An import that takes over half a second shows its progress, and can be
 * cancelled. */
static gboolean
show_import_progress (gpointer user_data)
{
  ImportJob *job = user_data;
  g_autofree char *heading = NULL;

  job->show_timeout = 0;

  /* Translators: %s is a file name */
  heading = g_strdup_printf (_("Importing “%s”"), job->name);
  job->dialog = wenda_window_message_dialog (job->self, heading, _("Reading the questions…"));
  adw_alert_dialog_add_response (job->dialog, "cancel", _("_Cancel"));
  adw_alert_dialog_set_close_response (job->dialog, "cancel");
  job->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_progress_bar_set_fraction (job->bar, job->fraction);
  gtk_accessible_update_property (GTK_ACCESSIBLE (job->bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Import progress"), -1);
  adw_alert_dialog_set_extra_child (job->dialog, GTK_WIDGET (job->bar));
  /* Cancel (or Escape, the close response) cancels the import and closes
   * the dialog; the import's end closes it otherwise. */
  g_signal_connect_swapped (job->dialog, "response", G_CALLBACK (on_import_dialog_response), job);
  g_signal_connect_swapped (job->dialog, "closed", G_CALLBACK (on_import_dialog_closed), job);
  adw_dialog_present (ADW_DIALOG (job->dialog), GTK_WIDGET (job->self));

  return G_SOURCE_REMOVE;
}

static void
on_import_progress (double   fraction,
                    gpointer user_data)
{
  ImportJob *job = user_data;

  job->fraction = fraction;
  if (job->bar != NULL)
    gtk_progress_bar_set_fraction (job->bar, fraction);
}

static void
on_import_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  ImportJob *job = user_data;
  WendaWindow *self = job->self;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;
  WendaLibraryBank *entry;

  bank = wenda_import_file_finish (result, &report, &error);

  /* The window may have been closed meanwhile. */
  if (self->split_view == NULL)
    {
      import_job_free (job);
      return;
    }

  if (bank == NULL)
    {
      g_autofree char *heading = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a file name */
          message = g_strdup_printf (_("The import of “%s” was cancelled"), job->name);
          wenda_window_add_toast (self, message);
        }
      else
        {
          /* Translators: %s is a file name */
          heading = g_strdup_printf (_("Could Not Import “%s”"), job->name);
          wenda_window_show_error (self, heading, error->message);
        }
      import_job_free (job);
      return;
    }

  entry = wenda_library_add (self->library, job->id, bank, &error);
  if (entry == NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a file name */
      heading = g_strdup_printf (_("Could Not Keep a Copy of “%s”"), job->name);
      wenda_window_show_error (self, heading, error->message);
      import_job_free (job);
      return;
    }

  wenda_window_select_library_bank (self, entry);

  if (report != NULL && wenda_import_report_get_n_problems (report) > 0)
    wenda_window_show_report (self, job->name, report);
  else
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (bank));
      g_autofree char *message = NULL;

      /* Translators: %u questions were read from the file %s */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %'u question from “%s”",
                                              "Imported %'u questions from “%s”", n),
                                 n, job->name);
      wenda_window_add_toast (self, message);
    }

  import_job_free (job);
}

/**
 * wenda_window_import_file:
 *
 * Imports @file (Markdown or JSON) into the library, off the main thread,
 * and shows it.  Problems are reported in a dialog.
 */
void
wenda_window_import_file (WendaWindow *self,
                          GFile       *file)
{
  ImportJob *job;
  g_autofree char *basename = NULL;

  g_return_if_fail (WENDA_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->library == NULL)
    return;

  basename = g_file_get_basename (file);
  job = g_new0 (ImportJob, 1);
  self->n_imports++;
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  job->name = g_filename_display_name (basename ? basename : "");
  job->id = wenda_library_make_id (self->library, job->name);
  job->cancellable = g_cancellable_new ();
  job->show_timeout = g_timeout_add (500, show_import_progress, job);

  wenda_import_file_async (file, WENDA_IMPORT_FORMAT_AUTO, job->id, job->cancellable,
                           on_import_progress, job, NULL,
                           on_import_done, job);
}

static void
on_open_dialog_done (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(WendaWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    wenda_window_import_file (self, file);
  self->n_imports--;
}

static GListStore *
bank_file_filters (void)
{
  GListStore *filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) banks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) markdown = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();

  gtk_file_filter_set_name (banks, _("Question Banks"));
  gtk_file_filter_add_mime_type (banks, "text/markdown");
  gtk_file_filter_add_mime_type (banks, "application/json");
  gtk_file_filter_add_suffix (banks, "md");
  gtk_file_filter_add_suffix (banks, "json");
  gtk_file_filter_set_name (markdown, _("Markdown"));
  gtk_file_filter_add_mime_type (markdown, "text/markdown");
  gtk_file_filter_add_suffix (markdown, "md");
  gtk_file_filter_set_name (json, _("JSON"));
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_filter_add_suffix (json, "json");
  g_list_store_append (filters, banks);
  g_list_store_append (filters, markdown);
  g_list_store_append (filters, json);

  return filters;
}

/* File › Open, through the file chooser portal when there is one
 * (win.open). */
void
wenda_window_open_bank (WendaWindow *self)
{
  g_autoptr(GListStore) filters = bank_file_filters ();
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Open a Question Bank"));
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  self->n_imports++;
  gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, on_open_dialog_done, g_object_ref (self));
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
