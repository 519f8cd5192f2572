/* wenda-import-dialog.c: what a file holds, shown before it is imported
 *
 * Every way of opening a bank (Ctrl+O, a drop, `wenda FILE`, Open With)
 * shows this dialog first.  The file is read in a worker thread
 * (wenda_import_file_full_async()), and the dialog shows what was
 * understood: the title, how many questions in how many sections, the
 * layout the questions were found in, the first questions, and every
 * problem with its line.  Nothing is saved until Import.
 *
 *   - "Read Questions As" reads the file again in another layout, or with
 *     another heading level as the questions (the levels that have
 *     headings with text under them).  A new reading cancels the one under
 *     way; a spinner and the progress show meanwhile, and Import waits for
 *     it: what Import saves is always what the dialog shows.
 *   - "Library" makes a new bank, or updates one of the library's: by
 *     default the one a file of the same name made.  The file is then read
 *     with that bank's id as prefix, so its items have the ids they had,
 *     and the Changes group says how many questions are added, removed and
 *     changed, matched by id; wenda_library_update() keeps the bank's id,
 *     and with it the study progress of every question still there.
 *   - A CSV or TSV file (Anki's text files too) shows its delimiter, whether
 *     its first row names the columns, which column is the question, the
 *     answer, the explanation and the tags (as found, or as chosen), and a
 *     table of its first rows under the columns' titles.  A change reads
 *     the file again with it, as another layout does; a new delimiter or
 *     header lets the reader find the columns again.
 *   - A file that cannot be imported shows the same dialog: the reason,
 *     the whole report, and "Read Questions As", since another layout may
 *     read it ("the headings at level 3 look like questions: choose
 *     them?").  Import is off then.
 *
 * Escape and Cancel close it and save nothing; Enter imports (Import is
 * the default widget) once there is something to import.  Text from the
 * file is never read as markup: labels get it with gtk_label_set_text(),
 * and the rows have use-markup off.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "wenda-import.h"
#include "wenda-import-dialog.h"
#include "wenda-md-blocks-private.h"

/* How many questions the preview shows */
#define N_FIRST_QUESTIONS 5

/* How much of an answer a question's row shows */
#define EXCERPT_CHARS 120

/* Up to this many problems are rows of the page; more are a list of
 * their own, which makes only the rows it shows */
#define MAX_PROBLEM_ROWS 200

/* A reading shorter than this shows no spinner: no flicker when the
 * level changes in a small file */
#define BUSY_DELAY_MS 150

typedef struct _Parse Parse;

struct _WendaImportDialog
{
  AdwDialog            parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *import_button;
  GtkWidget           *busy_spinner;
  GtkProgressBar      *progress_bar;
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkLabel            *counts_label;
  GtkLabel            *layout_label;
  GtkLabel            *media_label;
  GtkWidget           *folder_box;
  GtkLabel            *folder_label;
  GtkWidget           *refusal_box;
  GtkLabel            *reason_label;
  AdwComboRow         *layout_row;
  AdwComboRow         *target_row;
  GtkWidget           *csv_group;
  AdwComboRow         *delimiter_row;
  AdwSwitchRow        *header_row;
  AdwComboRow         *column_rows[WENDA_CSV_N_ROLES];
  GtkWidget           *table_group;
  GtkColumnView       *table_view;
  GtkWidget           *changes_group;
  GtkLabel            *added_label;
  GtkLabel            *removed_label;
  GtkLabel            *changed_label;
  GtkLabel            *unchanged_label;
  GtkWidget           *questions_group;
  GtkListBox          *questions_list;
  AdwPreferencesGroup *problems_group;
  GtkStack            *problems_stack;
  GtkListBox          *problems_list;
  GtkListView         *problems_view;

  /* Owned references */
  WendaLibrary        *library;
  GPtrArray           *files;         /* of GFile: a file, a folder, or several files */
  char                *name;          /* the file's, or the folder's, for a person */
  char                *new_id;        /* the id, and prefix, of a new bank */
  GPtrArray           *targets;       /* of WendaLibraryBank: target_row's items after the first */
  GArray              *layouts;       /* of WendaImportOptions: layout_row's items; NULL until read */
  GtkStringList       *problems;      /* the report's messages, which problems_view lists */
  GArray              *warnings;      /* of gboolean, one a message */
  GString             *delimiters;    /* the character of each of delimiter_row's items */

  /* The CSV choices the next reading is made with (0: found) */
  WendaImportOptions   csv;

  /* What the dialog shows: the last reading, and what it was read with */
  WendaBank           *bank;
  WendaImportReport   *report;
  GError              *error;
  char                *shown_prefix;

  Parse               *parse;         /* the reading under way, or NULL */
  guint                busy_timeout;
  guint                import_pending : 1;  /* Import once the reading under way ends */
  guint                building : 1;        /* the rows' models are being set: no choice */
  guint                shown_once : 1;
  guint                done : 1;            /* imported: nothing more to do */
};

G_DEFINE_FINAL_TYPE (WendaImportDialog, wenda_import_dialog, ADW_TYPE_DIALOG)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One reading of the file.  It outlives the dialog if the dialog goes
 * first: @self is then NULL, as it is once another reading replaced it. */
struct _Parse
{
  WendaImportDialog  *self;
  GCancellable       *cancellable;
  WendaImportOptions  options;
  char               *prefix;
};

static void
parse_free (Parse *parse)
{
  g_clear_object (&parse->cancellable);
  g_free (parse->prefix);
  g_free (parse);
}

static void       start_parse     (WendaImportDialog *self);
static GtkWidget *problem_row_new (WendaImportDialog *self,
                                   guint              position);

/* Choices {{{ */

static const WendaImportOptions automatic = { WENDA_LAYOUT_AUTO, 0 };

static const WendaImportOptions *
current_options (WendaImportDialog *self)
{
  guint selected;

  if (self->layouts == NULL)
    return &automatic;

  selected = adw_combo_row_get_selected (self->layout_row);
  if (selected >= self->layouts->len)
    return &automatic;

  return &g_array_index (self->layouts, WendaImportOptions, selected);
}

/* The bank to update, or NULL for a new one */
static WendaLibraryBank *
current_target (WendaImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->target_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0 || selected > self->targets->len)
    return NULL;

  return g_ptr_array_index (self->targets, selected - 1);
}

static const char *
current_prefix (WendaImportDialog *self)
{
  WendaLibraryBank *target = current_target (self);

  return target != NULL ? wenda_library_bank_get_id (target) : self->new_id;
}

/* "level 3 headings" → "Level 3 headings": an item of a list */
static char *
capitalize (const char *text)
{
  gunichar first = g_utf8_get_char (text);
  char head[8] = { 0, };

  if (first == 0 || !g_unichar_islower (first))
    return g_strdup (text);

  g_unichar_to_utf8 (g_unichar_totitle (first), head);
  return g_strconcat (head, g_utf8_next_char (text), NULL);
}

static void
add_layout (WendaImportDialog *self,
            GtkStringList     *strings,
            WendaLayout        layout,
            guint              level)
{
  WendaImportOptions options = { layout, level };
  g_autofree char *described = wenda_layout_describe (layout, level);

  g_array_append_val (self->layouts, options);
  gtk_string_list_take (strings, capitalize (described));
}

/* From the first reading: the layouts Markdown may be read in, and the
 * heading levels that have candidates.  A JSON file has no choice. */
static void
build_layouts (WendaImportDialog *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  static const WendaLayout others[] = {
    WENDA_LAYOUT_BOLD, WENDA_LAYOUT_MARKERS, WENDA_LAYOUT_DETAILS, WENDA_LAYOUT_LIST,
  };

  g_assert (self->layouts == NULL);
  self->layouts = g_array_new (FALSE, FALSE, sizeof (WendaImportOptions));

  /* JSON has no choice; CSV has its own (show_csv()) */
  if (self->report == NULL || wenda_import_report_get_layout (self->report) == WENDA_LAYOUT_JSON ||
      wenda_import_report_get_layout (self->report) == WENDA_LAYOUT_CSV)
    return;

  g_array_append_val (self->layouts, automatic);
  /* Translators: the layout Wenda finds by itself */
  gtk_string_list_append (strings, _("Automatic"));
  add_layout (self, strings, WENDA_LAYOUT_SEED, 0);
  for (guint level = 1; level <= 6; level++)
    if (wenda_import_report_get_n_headings (self->report, level) > 0)
      add_layout (self, strings, WENDA_LAYOUT_HEADINGS, level);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    add_layout (self, strings, others[i], 0);

  self->building = TRUE;
  adw_combo_row_set_model (self->layout_row, G_LIST_MODEL (strings));
  adw_combo_row_set_selected (self->layout_row, 0);
  self->building = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->layout_row), TRUE);
}

/* A new bank, or an update of each of the library's own banks; the one
 * the file's name made comes chosen. */
static void
build_targets (WendaImportDialog *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  WendaLibraryBank *same_name = wenda_library_find_for_name (self->library, self->name);
  guint selected = 0;

  gtk_string_list_append (strings, _("Add as a New Bank"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->library)); i++)
    {
      g_autoptr(WendaLibraryBank) entry = g_list_model_get_item (G_LIST_MODEL (self->library), i);

      if (wenda_library_bank_is_bundled (entry))
        continue;

      if (entry == same_name)
        selected = self->targets->len + 1;
      g_ptr_array_add (self->targets, g_object_ref (entry));
      /* Translators: %s is the title of a bank of the library */
      gtk_string_list_take (strings, g_strdup_printf (_("Update “%s”"),
                                                      wenda_library_bank_get_title (entry)));
    }

  self->building = TRUE;
  adw_combo_row_set_model (self->target_row, G_LIST_MODEL (strings));
  adw_combo_row_set_selected (self->target_row, selected);
  self->building = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->target_row), self->targets->len > 0);
}

static void
on_layout_selected (WendaImportDialog *self)
{
  if (!self->building)
    start_parse (self);
}

static void
on_target_selected (WendaImportDialog *self)
{
  if (!self->building)
    start_parse (self);
}

/* The delimiters offered, in this order, and the found one if another */
static const struct
{
  char        c;
  const char *name;
} delimiter_names[] = {
  { ',', N_("Comma") },
  { '\t', N_("Tab") },
  { ';', N_("Semicolon") },
  { '|', N_("Pipe") },
  { ' ', N_("Space") },
  { ':', N_("Colon") },
};

/* A new delimiter or header: the reader finds the columns again */
static void
on_delimiter_selected (WendaImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  if (self->building || selected >= self->delimiters->len)
    return;

  self->csv.delimiter = self->delimiters->str[selected];
  self->csv.header = WENDA_CSV_HEADER_AUTO;
  memset (self->csv.columns, 0, sizeof self->csv.columns);
  start_parse (self);
}

static void
on_header_toggled (WendaImportDialog *self)
{
  if (self->building)
    return;

  self->csv.header = adw_switch_row_get_active (self->header_row) ? WENDA_CSV_HEADER_YES
                                                                   : WENDA_CSV_HEADER_NO;
  memset (self->csv.columns, 0, sizeof self->csv.columns);
  start_parse (self);
}

/* The column a row shows: the question's list has no "None" */
static guint
column_of_row (WendaImportDialog *self,
               WendaCsvRole       role)
{
  guint selected = adw_combo_row_get_selected (self->column_rows[role]);

  if (role == WENDA_CSV_ROLE_QUESTION)
    return selected + 1;
  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ? WENDA_CSV_COLUMN_NONE : selected;
}

/* Every column as the rows show them, the one changed included; the
 * question and the answer trade places when one takes the other's */
static void
on_column_selected (WendaImportDialog *self,
                    GParamSpec        *pspec,
                    AdwComboRow       *row)
{
  WendaCsvRole changed = WENDA_CSV_ROLE_QUESTION;

  if (self->building || self->report == NULL)
    return;

  for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
    if (self->column_rows[role] == row)
      changed = role;

  for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
    self->csv.columns[role] = column_of_row (self, role);

  if (changed <= WENDA_CSV_ROLE_ANSWER)
    {
      WendaCsvRole other = changed == WENDA_CSV_ROLE_QUESTION ? WENDA_CSV_ROLE_ANSWER : WENDA_CSV_ROLE_QUESTION;
      guint was = wenda_import_report_get_column (self->report, changed);

      if (self->csv.columns[other] == self->csv.columns[changed] && was != WENDA_CSV_COLUMN_NONE)
        self->csv.columns[other] = was;
    }

  start_parse (self);
}

/* "Front (column 1)", or "Column 2" where the file names none */
static char *
column_choice (WendaImportReport *report,
               guint              column)
{
  const char *title = wenda_import_report_get_column_title (report, column);
  g_autofree char *plain = g_strdup_printf (_("Column %u"), column);

  if (g_str_equal (title, plain))
    return g_steal_pointer (&plain);
  /* Translators: a column of a CSV file: its title in the file, and its
   * number */
  return g_strdup_printf (_("%s (column %u)"), title, column);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkStringList *row = gtk_list_item_get_item (list_item);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const char *text = gtk_string_list_get_string (row, column - 1);

  /* Text from the file: never markup */
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), text != NULL ? text : "");
}

/* The table of the first rows, under the columns' titles */
static void
show_table (WendaImportDialog *self,
            guint              n_columns)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);
  g_autoptr(GListStore) rows = g_list_store_new (GTK_TYPE_STRING_LIST);
  guint n_rows = wenda_import_report_get_n_preview_rows (self->report);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->table_view, column);
    }

  for (guint c = 1; c <= n_columns; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), NULL);
      column = gtk_column_view_column_new (wenda_import_report_get_column_title (self->report, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->table_view, column);
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(GtkStringList) row = gtk_string_list_new (NULL);

      for (guint c = 1; c <= n_columns; c++)
        gtk_string_list_append (row, wenda_import_report_get_preview_cell (self->report, r, c));
      g_list_store_append (rows, row);
    }

  gtk_column_view_set_model (self->table_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)))));
  gtk_widget_set_visible (self->table_group, n_rows > 0);
}

/* A CSV file's choices, as this reading found or took them */
static void
show_csv (WendaImportDialog *self)
{
  guint n_columns = self->report != NULL ? wenda_import_report_get_n_columns (self->report) : 0;
  g_autoptr(GtkStringList) delimiters = NULL;
  char found;
  guint selected = 0;

  gtk_widget_set_visible (self->csv_group, n_columns > 0);
  if (n_columns == 0)
    {
      gtk_widget_set_visible (self->table_group, FALSE);
      return;
    }

  self->building = TRUE;

  found = wenda_import_report_get_delimiter (self->report);
  delimiters = gtk_string_list_new (NULL);
  g_string_truncate (self->delimiters, 0);
  for (guint i = 0; i < G_N_ELEMENTS (delimiter_names); i++)
    {
      if (delimiter_names[i].c == found)
        selected = i;
      g_string_append_c (self->delimiters, delimiter_names[i].c);
      gtk_string_list_append (delimiters, _(delimiter_names[i].name));
    }
  if (strchr (self->delimiters->str, found) == NULL)
    {
      selected = self->delimiters->len;
      g_string_append_c (self->delimiters, found);
      gtk_string_list_take (delimiters, g_strdup_printf ("“%c”", found));
    }
  adw_combo_row_set_model (self->delimiter_row, G_LIST_MODEL (delimiters));
  adw_combo_row_set_selected (self->delimiter_row, selected);

  adw_switch_row_set_active (self->header_row, wenda_import_report_get_has_header_row (self->report));

  for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
    {
      g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
      guint column = wenda_import_report_get_column (self->report, role);

      if (role != WENDA_CSV_ROLE_QUESTION)
        /* Translators: no column of the file holds it */
        gtk_string_list_append (choices, _("None"));
      for (guint c = 1; c <= n_columns; c++)
        gtk_string_list_take (choices, column_choice (self->report, c));
      adw_combo_row_set_model (self->column_rows[role], G_LIST_MODEL (choices));
      adw_combo_row_set_selected (self->column_rows[role],
                                  column == WENDA_CSV_COLUMN_NONE ? 0
                                  : role == WENDA_CSV_ROLE_QUESTION ? column - 1 : column);
    }

  self->building = FALSE;
  show_table (self, n_columns);
}

/* }}} */

/* Showing a reading {{{ */

static gboolean
is_busy (WendaImportDialog *self)
{
  return self->parse != NULL;
}

static void
update_actions (WendaImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.import",
                                 self->bank != NULL && !is_busy (self) && !self->done);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy-report",
                                 self->report != NULL &&
                                 wenda_import_report_get_n_problems (self->report) > 0);
}

static gboolean
show_busy (gpointer user_data)
{
  WendaImportDialog *self = user_data;

  self->busy_timeout = 0;
  gtk_widget_set_visible (self->busy_spinner, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);

  return G_SOURCE_REMOVE;
}

static void
hide_busy (WendaImportDialog *self)
{
  g_clear_handle_id (&self->busy_timeout, g_source_remove);
  gtk_widget_set_visible (self->busy_spinner, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

static const char *
non_empty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

/* "12 questions in 3 sections" */
static char *
format_counts (guint n_items,
               guint n_sections)
{
  g_autofree char *questions = NULL;

  questions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u question", "%'u questions", n_items),
                               n_items);
  if (n_sections == 0)
    return g_steal_pointer (&questions);

  /* Translators: %s is "12 questions" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s in %'u section", "%s in %'u sections",
                                       n_sections),
                          questions, n_sections);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%'u", count);

  gtk_label_set_text (label, text);
}

static void
show_changes (WendaImportDialog *self)
{
  WendaLibraryBank *target = current_target (self);
  WendaBankChanges changes;

  gtk_widget_set_visible (self->changes_group, target != NULL && self->bank != NULL);
  if (target == NULL || self->bank == NULL)
    return;

  wenda_library_compare (wenda_library_bank_get_bank (target), self->bank, &changes);
  set_count (self->added_label, changes.n_added);
  set_count (self->removed_label, changes.n_removed);
  set_count (self->changed_label, changes.n_changed);
  set_count (self->unchanged_label, changes.n_unchanged);
}

/* The first line of @text, cut to EXCERPT_CHARS characters */
static char *
excerpt (const char *text)
{
  const char *end = strchr (text, '\n');
  glong n_chars = g_utf8_strlen (text, end != NULL ? end - text : -1);

  if (n_chars <= EXCERPT_CHARS)
    return g_strndup (text, end != NULL ? (gsize)(end - text) : strlen (text));

  {
    g_autofree char *cut = g_strndup (text, g_utf8_offset_to_pointer (text, EXCERPT_CHARS) - text);

    return g_strconcat (cut, "…", NULL);
  }
}

/* The number a question's row shows: its own ("1.1.3"), else its place */
static char *
question_label (WendaQaItem *item)
{
  const char *label = non_empty (wenda_qa_item_get_label (item));

  return label != NULL ? g_strdup (label) : g_strdup_printf ("%u", wenda_qa_item_get_number (item));
}

static GtkWidget *
question_row (WendaQaItem *item,
              int          number_width)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  /* What a reader sees of the answer: no Markdown marks or fences */
  g_autofree char *plain = wenda_markdown_to_plain (wenda_qa_item_get_answer (item), -1);
  g_autofree char *answer = excerpt (g_strchug (plain));
  g_autofree char *label = question_label (item);
  GtkWidget *prefix;

  /* Text from the file: never markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), wenda_qa_item_get_question (item));
  adw_action_row_set_title_lines (row, 3);
  adw_action_row_set_subtitle (row, answer);
  adw_action_row_set_subtitle_lines (row, 2);

  prefix = gtk_label_new (NULL);
  gtk_label_set_text (GTK_LABEL (prefix), label);
  /* The numbers line up, as in the topic list */
  gtk_label_set_width_chars (GTK_LABEL (prefix), number_width);
  gtk_label_set_xalign (GTK_LABEL (prefix), 1);
  gtk_widget_add_css_class (prefix, "dim-label");
  gtk_widget_add_css_class (prefix, "numeric");
  adw_action_row_add_prefix (row, prefix);

  return GTK_WIDGET (row);
}

static void
show_questions (WendaImportDialog *self)
{
  guint n = self->bank != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->bank)) : 0;

  int number_width = 1;

  for (guint i = 0; i < MIN (n, N_FIRST_QUESTIONS); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);
      g_autofree char *label = question_label (item);

      number_width = MAX (number_width, (int)g_utf8_strlen (label, -1));
    }

  gtk_list_box_remove_all (self->questions_list);
  for (guint i = 0; i < MIN (n, N_FIRST_QUESTIONS); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (G_LIST_MODEL (self->bank), i);

      gtk_list_box_append (self->questions_list, question_row (item, number_width));
    }
  gtk_widget_set_visible (self->questions_group, n > 0);
}

static void
show_problems (WendaImportDialog *self)
{
  guint n = self->report != NULL ? wenda_import_report_get_n_problems (self->report) : 0;
  g_autofree const char **messages = g_new0 (const char *, n + 1);
  g_autofree char *title = NULL;

  g_array_set_size (self->warnings, n);
  for (guint i = 0; i < n; i++)
    {
      const WendaImportProblem *problem = wenda_import_report_get_problem (self->report, i);

      messages[i] = problem->message;
      g_array_index (self->warnings, gboolean, i) = problem->warning;
    }
  gtk_string_list_splice (self->problems, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)), messages);

  /* A few problems are rows of the page, which scrolls them with the
   * rest; many are a list of their own, which makes only the rows shown */
  gtk_list_box_remove_all (self->problems_list);
  if (n <= MAX_PROBLEM_ROWS)
    {
      for (guint i = 0; i < n; i++)
        gtk_list_box_append (self->problems_list, problem_row_new (self, i));
    }
  gtk_stack_set_visible_child_name (self->problems_stack, n <= MAX_PROBLEM_ROWS ? "few" : "many");

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u Problem", "%'u Problems", n), n);
  adw_preferences_group_set_title (self->problems_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), n > 0);
}

/* "From 12 files · 8 images, kept with the bank · 2 images on the web,
 * not fetched", and the offer to open the folder of a file that came
 * alone */
static void
show_media (WendaImportDialog *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint n_files = 0, n_images = 0, n_remote = 0, n_missing = 0;
  gboolean needs_folder = FALSE;

  if (self->report != NULL)
    {
      n_files = wenda_import_report_get_n_files (self->report);
      n_images = wenda_import_report_get_media (self->report)->len;
      n_remote = wenda_import_report_get_n_remote_images (self->report);
      n_missing = wenda_import_report_get_n_missing_images (self->report);
      needs_folder = wenda_import_report_get_needs_folder (self->report);
    }

  if (n_files > 1)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From %'u file",
                                                          "From %'u files", n_files),
                                             n_files));
  if (n_images > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%'u image, kept with the bank",
                                                          "%'u images, kept with the bank",
                                                          n_images),
                                             n_images));
  if (n_remote > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%'u image on the web, not fetched",
                                                          "%'u images on the web, not fetched",
                                                          n_remote),
                                             n_remote));
  g_ptr_array_add (parts, NULL);

  if (parts->len > 1 && self->bank != NULL)
    {
      /* Translators: between the parts of "From 12 files · 8 images, kept with the bank" */
      g_autofree char *text = g_strjoinv (_(" · "), (char **)parts->pdata);

      gtk_label_set_text (self->media_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->media_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->media_label), FALSE);

  if (needs_folder)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The bank refers to %'u image beside it, which Wenda cannot "
                                      "read: a file chosen alone gives no access to the files "
                                      "next to it. Open the folder it is in to bring its images too.",
                                      "The bank refers to %'u images beside it, which Wenda cannot "
                                      "read: a file chosen alone gives no access to the files "
                                      "next to it. Open the folder it is in to bring its images too.",
                                      n_missing),
                         n_missing);

      gtk_label_set_text (self->folder_label, text);
    }
  gtk_widget_set_visible (self->folder_box, needs_folder);
}

static void
show_reading (WendaImportDialog *self)
{
  const char *title = NULL;

  if (self->report != NULL)
    title = non_empty (wenda_import_report_get_title (self->report));
  if (title == NULL && self->bank != NULL)
    title = non_empty (wenda_bank_get_title (self->bank));
  if (title == NULL)
    title = self->name;
  gtk_label_set_text (self->title_label, title);

  if (self->bank != NULL)
    {
      g_autofree char *counts = NULL;
      WendaLayout layout = wenda_import_report_get_layout (self->report);

      counts = format_counts (g_list_model_get_n_items (G_LIST_MODEL (self->bank)),
                              wenda_import_report_get_n_sections (self->report));
      gtk_label_set_text (self->counts_label, counts);

      if (layout != WENDA_LAYOUT_AUTO)
        {
          g_autofree char *described =
            wenda_layout_describe (layout, wenda_import_report_get_question_level (self->report));
          /* Translators: %s is a layout, like "level 3 headings" */
          g_autofree char *text = g_strdup_printf (_("Read as %s"), described);

          gtk_label_set_text (self->layout_label, text);
        }
      gtk_widget_set_visible (GTK_WIDGET (self->layout_label), layout != WENDA_LAYOUT_AUTO);
    }
  else
    {
      gtk_label_set_text (self->reason_label, self->error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->layout_label), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counts_label), self->bank != NULL);
  gtk_widget_set_visible (self->refusal_box, self->bank == NULL);
  show_media (self);

  show_changes (self);
  show_csv (self);
  show_questions (self);
  show_problems (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");

  /* The first time: the keyboard goes to Import, or to another reading */
  if (!self->shown_once)
    {
      self->shown_once = TRUE;
      gtk_widget_set_focusable (self->cancel_button, TRUE);
      if (self->bank != NULL)
        adw_dialog_set_focus (ADW_DIALOG (self), self->import_button);
      else if (gtk_widget_get_visible (GTK_WIDGET (self->layout_row)))
        adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->layout_row));
      else if (gtk_widget_get_visible (self->csv_group))
        adw_dialog_set_focus (ADW_DIALOG (self), GTK_WIDGET (self->delimiter_row));
      else
        adw_dialog_set_focus (ADW_DIALOG (self), self->cancel_button);
    }
}

/* }}} */

/* Reading {{{ */

static void
on_parse_progress (double   fraction,
                   gpointer user_data)
{
  Parse *parse = user_data;

  if (parse->self != NULL)
    gtk_progress_bar_set_fraction (parse->self->progress_bar, fraction);
}

static void import (WendaImportDialog *self);

static void
on_parse_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Parse *parse = user_data;
  WendaImportDialog *self = parse->self;
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GError) error = NULL;

  bank = wenda_import_file_finish (result, &report, &error);

  /* Replaced by another reading, or the dialog has gone */
  if (self == NULL)
    {
      parse_free (parse);
      return;
    }

  g_assert (self->parse == parse);
  self->parse = NULL;
  hide_busy (self);

  g_set_object (&self->bank, bank);
  g_clear_pointer (&self->report, wenda_import_report_free);
  self->report = g_steal_pointer (&report);
  g_clear_error (&self->error);
  self->error = g_steal_pointer (&error);
  g_free (self->shown_prefix);
  self->shown_prefix = g_steal_pointer (&parse->prefix);
  parse_free (parse);

  if (self->layouts == NULL)
    build_layouts (self);
  show_reading (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (self->import_pending)
    {
      self->import_pending = FALSE;
      import (self);
    }
}

/* Drops the reading under way: its result will be ignored. */
static void
abandon_parse (WendaImportDialog *self)
{
  if (self->parse == NULL)
    return;

  g_cancellable_cancel (self->parse->cancellable);
  self->parse->self = NULL;
  self->parse = NULL;
}

/* Reads the file as the rows say, in place of any reading under way */
static void
start_parse (WendaImportDialog *self)
{
  gboolean was_busy = is_busy (self);
  Parse *parse;

  abandon_parse (self);

  parse = g_new0 (Parse, 1);
  parse->self = self;
  parse->cancellable = g_cancellable_new ();
  parse->options = *current_options (self);
  parse->options.delimiter = self->csv.delimiter;
  parse->options.header = self->csv.header;
  memcpy (parse->options.columns, self->csv.columns, sizeof parse->options.columns);
  parse->prefix = g_strdup (current_prefix (self));
  self->parse = parse;

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  if (self->busy_timeout == 0 && !gtk_widget_get_visible (self->busy_spinner))
    self->busy_timeout = g_timeout_add (BUSY_DELAY_MS, show_busy, self);
  update_actions (self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  wenda_import_files_async ((GFile *const *)self->files->pdata, self->files->len,
                            WENDA_IMPORT_FORMAT_AUTO, &parse->options,
                            parse->prefix, parse->cancellable,
                            on_parse_progress, parse, NULL,
                            on_parse_done, parse);
}

/* }}} */

/* Importing {{{ */

static void
show_save_error (WendaImportDialog *self,
                 const char        *heading,
                 const char        *message)
{
  AdwAlertDialog *alert = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, NULL));

  /* The message can quote a file name */
  adw_alert_dialog_set_body_use_markup (alert, FALSE);
  adw_alert_dialog_set_body (alert, message);
  adw_alert_dialog_add_response (alert, "close", _("_Close"));
  adw_dialog_present (ADW_DIALOG (alert), GTK_WIDGET (self));
}

/* Saves what the dialog shows: a new bank, or the update of one */
static void
import (WendaImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  WendaLibraryBank *target = current_target (self);
  WendaLibraryBank *entry;

  if (self->bank == NULL || is_busy (self) || self->done)
    return;

  if (target == NULL)
    {
      g_autofree char *id = wenda_library_make_id (self->library, self->name);

      /* Another bank took the id meanwhile (another import of a file of
       * the same name): read the file again for the next free one. */
      if (!g_str_equal (id, self->shown_prefix))
        {
          g_free (self->new_id);
          self->new_id = g_steal_pointer (&id);
          self->import_pending = TRUE;
          start_parse (self);
          return;
        }

      entry = wenda_library_add_full (self->library, self->shown_prefix, self->bank,
                                      wenda_import_report_get_media (self->report), &error);
      if (entry == NULL)
        {
          /* Translators: %s is a file name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Keep a Copy of “%s”"), self->name);

          show_save_error (self, heading, error->message);
          return;
        }
    }
  else
    {
      if (!wenda_library_update_full (self->library, target, self->bank,
                                      wenda_import_report_get_media (self->report), NULL, &error))
        {
          /* Translators: %s is the title of a bank of the library */
          g_autofree char *heading = g_strdup_printf (_("Could Not Update “%s”"),
                                                      wenda_library_bank_get_title (target));

          show_save_error (self, heading, error->message);
          return;
        }
      entry = target;
    }

  self->done = TRUE;
  update_actions (self);
  g_signal_emit (self, signals[IMPORTED], 0, entry, target != NULL);
  adw_dialog_close (ADW_DIALOG (self));
}

static void set_files (WendaImportDialog *self,
                       GFile *const      *files,
                       guint              n_files);

static void
on_folder_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(WendaImportDialog) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (folder == NULL || self->done)
    return;

  /* The folder is read in place of the file, as a new bank or an update,
   * and its layouts and levels are found again */
  set_files (self, &folder, 1);
  g_clear_pointer (&self->layouts, g_array_unref);
  start_parse (self);
}

/* A file that came alone through the portal: its folder brings its images */
static void
action_open_folder (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (widget);
  g_autoptr(GtkFileDialog) chooser = gtk_file_dialog_new ();
  GtkRoot *root = gtk_widget_get_root (widget);

  gtk_file_dialog_set_title (chooser, _("Open the Bank's Folder"));
  gtk_file_dialog_set_accept_label (chooser, _("_Open"));
  gtk_file_dialog_select_folder (chooser, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL,
                                 on_folder_chosen, g_object_ref (self));
}

static void
action_import (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  import (WENDA_IMPORT_DIALOG (widget));
}

static void
action_cancel (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  adw_dialog_close (ADW_DIALOG (widget));
}

static void
action_copy_report (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (widget);
  g_autofree char *text = NULL;

  if (self->report == NULL)
    return;

  text = wenda_import_report_to_text (self->report);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* }}} */

/* The problems' rows {{{ */

typedef enum
{
  PROBLEM_SKIPPED,   /* lines were skipped */
  PROBLEM_WARNING,   /* the question was kept */
  PROBLEM_FATAL,     /* a refusal's reason: its report's last problem */
} ProblemKind;

static ProblemKind
problem_kind (WendaImportDialog *self,
              guint              position)
{
  if (self->bank == NULL && position + 1 == self->warnings->len)
    return PROBLEM_FATAL;
  if (position < self->warnings->len && g_array_index (self->warnings, gboolean, position))
    return PROBLEM_WARNING;
  return PROBLEM_SKIPPED;
}

/* An icon and the message, plain text */
static GtkWidget *
problem_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static void
problem_box_set (GtkWidget   *box,
                 const char  *message,
                 ProblemKind  kind)
{
  static const char *icons[] = {
    [PROBLEM_SKIPPED] = "dialog-warning-symbolic",
    [PROBLEM_WARNING] = "dialog-information-symbolic",
    [PROBLEM_FATAL] = "dialog-error-symbolic",
  };
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (icon);
  const char *name = kind == PROBLEM_FATAL ? _("Error")
                   : kind == PROBLEM_WARNING ? _("Warning")
                   : _("Problem");

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icons[kind]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_label_set_text (GTK_LABEL (label), message);
}

/* A row of problems_list, for item @position of self->problems */
static GtkWidget *
problem_row_new (WendaImportDialog *self,
                 guint              position)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = problem_box_new ();
  g_autoptr(GtkStringObject) message = g_list_model_get_item (G_LIST_MODEL (self->problems), position);

  problem_box_set (box, gtk_string_object_get_string (message), problem_kind (self, position));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
on_problem_setup (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  WendaImportDialog        *self)
{
  gtk_list_item_set_child (list_item, problem_box_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_problem_bind (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 WendaImportDialog        *self)
{
  GtkStringObject *message = gtk_list_item_get_item (list_item);

  problem_box_set (gtk_list_item_get_child (list_item), gtk_string_object_get_string (message),
                   problem_kind (self, gtk_list_item_get_position (list_item)));
}

/* }}} */

/* GObject {{{ */

/* Cancel, Escape, or Import done: a reading under way is of no use */
static void
wenda_import_dialog_closed (AdwDialog *dialog)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (dialog);
  gboolean was_busy = is_busy (self);

  abandon_parse (self);
  hide_busy (self);
  self->import_pending = FALSE;
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (ADW_DIALOG_CLASS (wenda_import_dialog_parent_class)->closed != NULL)
    ADW_DIALOG_CLASS (wenda_import_dialog_parent_class)->closed (dialog);
}

static void
wenda_import_dialog_dispose (GObject *object)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (object);

  abandon_parse (self);
  g_clear_handle_id (&self->busy_timeout, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), WENDA_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->library);
  g_clear_pointer (&self->files, g_ptr_array_unref);
  g_clear_object (&self->bank);
  g_clear_object (&self->problems);
  g_clear_pointer (&self->report, wenda_import_report_free);
  g_clear_error (&self->error);
  g_clear_pointer (&self->targets, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_array_unref);
  g_clear_pointer (&self->warnings, g_array_unref);
  if (self->delimiters != NULL)
    g_string_free (g_steal_pointer (&self->delimiters), TRUE);

  G_OBJECT_CLASS (wenda_import_dialog_parent_class)->dispose (object);
}

static void
wenda_import_dialog_finalize (GObject *object)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (object);

  g_free (self->name);
  g_free (self->new_id);
  g_free (self->shown_prefix);

  G_OBJECT_CLASS (wenda_import_dialog_parent_class)->finalize (object);
}

static void
wenda_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  WendaImportDialog *self = WENDA_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
wenda_import_dialog_class_init (WendaImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwDialogClass *dialog_class = ADW_DIALOG_CLASS (klass);

  object_class->dispose = wenda_import_dialog_dispose;
  object_class->finalize = wenda_import_dialog_finalize;
  object_class->get_property = wenda_import_dialog_get_property;
  dialog_class->closed = wenda_import_dialog_closed;

  /* Whether the file is being read: Import waits for it. */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The bank was saved: (library bank, whether it was an update) */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, WENDA_TYPE_LIBRARY_BANK, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/wenda-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, title_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, media_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, folder_box);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, refusal_box);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, reason_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, layout_row);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, target_row);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, csv_group);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, header_row);
  {
    static const char *names[WENDA_CSV_N_ROLES] = {
      "question_column_row", "answer_column_row", "explanation_column_row", "tags_column_row",
    };

    for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
      gtk_widget_class_bind_template_child_full (widget_class, names[role], FALSE,
                                                 G_STRUCT_OFFSET (WendaImportDialog, column_rows) +
                                                 role * sizeof (AdwComboRow *));
  }
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, table_group);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, table_view);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, changes_group);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, added_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, removed_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, changed_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, unchanged_label);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, questions_group);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, questions_list);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, problems_stack);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, WendaImportDialog, problems_view);

  gtk_widget_class_install_action (widget_class, "import.import", NULL, action_import);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, action_cancel);
  gtk_widget_class_install_action (widget_class, "import.copy-report", NULL, action_copy_report);
  gtk_widget_class_install_action (widget_class, "import.open-folder", NULL, action_open_folder);
}

static void
wenda_import_dialog_init (WendaImportDialog *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->targets = g_ptr_array_new_with_free_func (g_object_unref);
  self->warnings = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->problems = gtk_string_list_new (NULL);
  self->delimiters = g_string_new (NULL);

  /* The table's list of rows, inside it, is read by screen readers too */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->table_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("First rows of the file"), -1);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_problem_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_problem_bind), self);
  gtk_list_view_set_factory (self->problems_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->problems_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)))));

  /* While the file is first read, Enter must not hit Cancel: nothing in
   * the dialog takes the keyboard (Escape still closes it). */
  gtk_widget_set_focusable (self->cancel_button, FALSE);

  g_signal_connect_swapped (self->layout_row, "notify::selected",
                            G_CALLBACK (on_layout_selected), self);
  g_signal_connect_swapped (self->target_row, "notify::selected",
                            G_CALLBACK (on_target_selected), self);
  g_signal_connect_swapped (self->delimiter_row, "notify::selected",
                            G_CALLBACK (on_delimiter_selected), self);
  g_signal_connect_swapped (self->header_row, "notify::active",
                            G_CALLBACK (on_header_toggled), self);
  for (guint role = 0; role < WENDA_CSV_N_ROLES; role++)
    g_signal_connect_object (self->column_rows[role], "notify::selected",
                             G_CALLBACK (on_column_selected), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* }}} */

static void
set_files (WendaImportDialog *self,
           GFile *const      *files,
           guint              n_files)
{
  g_clear_pointer (&self->files, g_ptr_array_unref);
  self->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));

  g_free (self->name);
  self->name = wenda_import_files_dup_name (files, n_files);
  g_free (self->new_id);
  self->new_id = wenda_library_make_id (self->library, self->name);
  adw_window_title_set_subtitle (self->window_title, self->name);

  g_ptr_array_set_size (self->targets, 0);
  build_targets (self);
}

/**
 * wenda_import_dialog_new:
 * @library: the library to import into
 * @file: the file to read
 *
 * Returns: (transfer floating): a dialog that reads @file now; present it
 */
WendaImportDialog *
wenda_import_dialog_new (WendaLibrary *library,
                         GFile        *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return wenda_import_dialog_new_for_files (library, &file, 1);
}

/**
 * wenda_import_dialog_new_for_files:
 * @files: (array length=n_files): a bank file, a folder of chapter
 *   files, or several files, read as one bank (wenda_import_files())
 *
 * Returns: (transfer floating): a dialog that reads @files now
 */
WendaImportDialog *
wenda_import_dialog_new_for_files (WendaLibrary *library,
                                   GFile *const *files,
                                   guint         n_files)
{
  WendaImportDialog *self;

  g_return_val_if_fail (WENDA_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (files != NULL && n_files > 0, NULL);

  self = g_object_new (WENDA_TYPE_IMPORT_DIALOG, NULL);
  self->library = g_object_ref (library);
  set_files (self, files, n_files);
  start_parse (self);

  return self;
}

gboolean
wenda_import_dialog_is_busy (WendaImportDialog *self)
{
  g_return_val_if_fail (WENDA_IS_IMPORT_DIALOG (self), FALSE);

  return is_busy (self);
}

const char *
wenda_import_dialog_get_name (WendaImportDialog *self)
{
  g_return_val_if_fail (WENDA_IS_IMPORT_DIALOG (self), NULL);

  return self->name;
}
