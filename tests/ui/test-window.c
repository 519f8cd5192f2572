/* test-window.c: the main window, driven with real keys and clicks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-detail-view.h"
#include "wenda-rich-view.h"
#include "wenda-topic-row.h"
#include "wenda-window.h"

static WendaApplication *app;
static WendaWindow *window;
static WendaBank *bank;

#define CHILD(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define DETAIL_CHILD(name) \
  GTK_WIDGET (gtk_widget_get_template_child (CHILD ("detail_view"), WENDA_TYPE_DETAIL_VIEW, name))

static const char *
label_text (GtkWidget *label)
{
  return gtk_label_get_label (GTK_LABEL (label));
}

static guint
current_number (void)
{
  WendaQaItem *item = wenda_window_get_current_item (window);

  return item ? wenda_qa_item_get_number (item) : 0;
}

static GtkWidget *
focus_widget (void)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static gboolean
focus_in (const char *child_name)
{
  GtkWidget *focus = focus_widget ();
  GtkWidget *ancestor = CHILD (child_name);

  return focus != NULL && (focus == ancestor || gtk_widget_is_ancestor (focus, ancestor));
}

/* The row of the topic list that shows @number, if it has a widget now. */
static GtkWidget *
find_row (guint number)
{
  GtkWidget *list = CHILD ("list_view");

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *topic_row = gtk_widget_get_first_child (row);
      WendaQaItem *item;

      if (!WENDA_IS_TOPIC_ROW (topic_row) || !gtk_widget_get_mapped (row))
        continue;

      item = wenda_topic_row_get_item (WENDA_TOPIC_ROW (topic_row));
      if (item != NULL && wenda_qa_item_get_number (item) == number)
        return row;
    }

  return NULL;
}

/* The numbers of the topics the list shows, in order. */
static GArray *
shown_numbers (void)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (CHILD ("list_view"))));
  GArray *numbers = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WendaQaItem) item = g_list_model_get_item (model, i);
      guint n = wenda_qa_item_get_number (item);

      g_array_append_val (numbers, n);
    }

  return numbers;
}

static gboolean
shows_number (gpointer data)
{
  return current_number () == GPOINTER_TO_UINT (data);
}

/* What a reader sees in the detail pane is exactly topic @number's text. */
static void
assert_detail_shows (guint number)
{
  WendaQaItem *item = wenda_bank_lookup_number (bank, number);
  g_autofree char *number_text = g_strdup_printf ("№%u", number);
  g_autofree char *title = g_strdup_printf ("Topic %u of 30", number);
  GtkWidget *content_title = CHILD ("content_title");
  g_autofree char *answer = NULL;
  g_autofree char *explanation = NULL;
  GtkLabel *first;

  g_assert_nonnull (item);
  if (!ui_wait_for (shows_number, GUINT_TO_POINTER (number), 5000))
    g_error ("the reading pane shows №%u, not №%u", current_number (), number);
  g_assert_cmpstr (label_text (DETAIL_CHILD ("number_label")), ==, number_text);
  g_assert_cmpstr (label_text (DETAIL_CHILD ("question_label")), ==, wenda_qa_item_get_question (item));
  /* What is drawn: the bundled bank's answers are paragraphs, a label
   * each; links to other topics are markup, the words are not. */
  answer = ui_label_texts (DETAIL_CHILD ("answer_view"), "\n\n", TRUE);
  explanation = ui_label_texts (DETAIL_CHILD ("explanation_view"), "\n\n", TRUE);
  g_assert_cmpstr (answer, ==, wenda_qa_item_get_answer (item));
  g_assert_cmpstr (explanation, ==, wenda_qa_item_get_explanation (item));
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (content_title)), ==, title);
  g_assert_true (gtk_widget_get_mapped (DETAIL_CHILD ("answer_view")));

  first = wenda_rich_view_get_first_label (WENDA_RICH_VIEW (DETAIL_CHILD ("answer_view")));
  g_assert_nonnull (first);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (first)));
  g_assert_true (gtk_label_get_selectable (first));
  g_assert_true (gtk_label_get_wrap (first));
}

static gboolean
is_folded (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view"))) == GPOINTER_TO_INT (data);
}

static gboolean
row_exists (gpointer data)
{
  return find_row (GPOINTER_TO_UINT (data)) != NULL;
}

/* The row of topic @data is laid out inside the list's visible part (the
 * list view is as large as what its scroller shows): scrolled to, a click
 * in its middle lands on it. */
static gboolean
row_in_view (gpointer data)
{
  GtkWidget *row = find_row (GPOINTER_TO_UINT (data));
  GtkWidget *list = CHILD ("list_view");
  graphene_rect_t bounds;

  return row != NULL && gtk_widget_get_height (row) > 0 &&
         gtk_widget_compute_bounds (row, list, &bounds) &&
         bounds.origin.y >= -0.5 &&
         bounds.origin.y + bounds.size.height <= gtk_widget_get_height (list) + 0.5;
}

static guint
n_shown (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (CHILD ("list_view")))));
}

/* Whether @toplevel is still one of the app's windows (compared, not
 * read: it may have been freed). */
static gboolean
is_toplevel (gpointer toplevel)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) item = g_list_model_get_item (toplevels, i);

      if ((gpointer)item == toplevel)
        return TRUE;
    }

  return FALSE;
}

static const char *
visible_page (void)
{
  return adw_navigation_split_view_get_show_content (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")))
         ? "content" : "sidebar";
}

static gboolean
focus_on_selected_row (gpointer data)
{
  GtkWidget *focus = focus_widget ();

  return focus != NULL && (gtk_widget_get_state_flags (focus) & GTK_STATE_FLAG_SELECTED);
}

static void
reset_to_topic_1 (void)
{
  wenda_window_set_search_text (window, NULL);
  g_assert_true (wenda_window_show_topic (window, 1));
  g_assert_cmpuint (current_number (), ==, 1);
  /* The list has scrolled to it and laid out its row: the tests focus
   * the row, and move from it. */
  if (!ui_wait_for (row_in_view, GUINT_TO_POINTER (1), UI_TIMEOUT_MS))
    g_error ("the row of topic 1 is not in view");
  ui_wait_frame (GTK_WIDGET (window));
}

static void
test_startup (void)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (bank)), ==, 30);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (CHILD ("sidebar_title"))), ==,
                   "大模型训练的两个关键步骤");
  ui_assert_eventually (g_strcmp0 (label_text (CHILD ("match_label")), "30 topics") == 0);
  assert_detail_shows (1);

  /* Focus starts on the open topic in the list, so arrows work at once.
   * It lands once the list has been laid out, a few frames after map. */
  g_assert_true (ui_wait_for (focus_on_selected_row, NULL, 3000));
  ui_assert_eventually (focus_in ("list_view"));
  ui_assert_eventually (gtk_widget_get_state_flags (focus_widget ()) & GTK_STATE_FLAG_SELECTED);
}

static void
test_select_12 (void)
{
  GtkWidget *link;

  reset_to_topic_1 ();

  /* With the keyboard: from topic 1, eleven times Down. */
  ui_keys (GTK_WINDOW (window), "Down Down Down Down Down Down Down Down Down Down Down");
  assert_detail_shows (12);
  ui_assert_eventually (focus_in ("list_view"));

  /* №12 repeats №30: the link goes there, and focus follows to the link
   * back. */
  link = ui_find_by_label (CHILD ("detail_view"), GTK_TYPE_LINK_BUTTON, "Also asked as №30");
  g_assert_nonnull (link);
  g_assert_null (ui_find_by_label (CHILD ("detail_view"), GTK_TYPE_LINK_BUTTON, "Also asked as №12"));
  ui_click (link);
  assert_detail_shows (30);
  link = ui_find_by_label (CHILD ("detail_view"), GTK_TYPE_LINK_BUTTON, "Also asked as №12");
  g_assert_nonnull (link);
  ui_assert_eventually (focus_widget () == link);

  /* …and back, from the keyboard. */
  ui_keys (GTK_WINDOW (window), "Return");
  assert_detail_shows (12);

  /* With the mouse: click topic 3's row, once it is scrolled into view. */
  gtk_widget_activate_action (CHILD ("list_view"), "list.scroll-to-item", "u", 2);
  g_assert_true (ui_wait_for (row_in_view, GUINT_TO_POINTER (3), UI_TIMEOUT_MS));
  ui_click (find_row (3));
  assert_detail_shows (3);
}

static void
test_next_previous (void)
{
  GtkWidget *previous = CHILD ("previous_button");
  GtkWidget *next = CHILD ("next_button");

  reset_to_topic_1 ();
  g_assert_false (gtk_widget_get_sensitive (previous));
  g_assert_true (gtk_widget_get_sensitive (next));

  ui_keys (GTK_WINDOW (window), "alt+Right");
  assert_detail_shows (2);
  ui_keys (GTK_WINDOW (window), "ctrl+Page_Down");
  assert_detail_shows (3);
  ui_keys (GTK_WINDOW (window), "alt+Left");
  assert_detail_shows (2);
  ui_keys (GTK_WINDOW (window), "ctrl+Page_Up");
  assert_detail_shows (1);

  ui_click (next);
  assert_detail_shows (2);
  ui_click (previous);
  assert_detail_shows (1);
  g_assert_false (gtk_widget_get_sensitive (previous));

  /* End and Home in the list; the last topic has no next. */
  wenda_window_show_topic (window, 1);
  ui_keys (GTK_WINDOW (window), "Tab");  /* any focus change, then back */
  ui_keys (GTK_WINDOW (window), "shift+Tab");
  gtk_widget_grab_focus (find_row (1));
  ui_keys (GTK_WINDOW (window), "End");
  assert_detail_shows (30);
  g_assert_false (gtk_widget_get_sensitive (next));
  ui_assert_eventually (focus_in ("list_view"));
  g_assert_true (ui_wait_for (row_exists, GUINT_TO_POINTER (30), 2000));
  ui_keys (GTK_WINDOW (window), "Home");
  assert_detail_shows (1);
}

static void
test_every_topic_by_keyboard_and_click (void)
{
  reset_to_topic_1 ();
  gtk_widget_grab_focus (find_row (1));

  for (guint n = 2; n <= 30; n++)
    {
      ui_keys (GTK_WINDOW (window), "Down");
      assert_detail_shows (n);
      ui_assert_eventually (focus_in ("list_view"));
    }

  for (guint n = 30; n >= 1; n--)
    {
      GtkWidget *row;

      gtk_widget_activate_action (CHILD ("list_view"), "list.scroll-to-item", "u", n - 1);
      /* The scrolled list has laid the row out where it shows. */
      g_assert_true (ui_wait_for (row_in_view, GUINT_TO_POINTER (n), UI_TIMEOUT_MS));
      row = find_row (n);
      ui_click (row);
      assert_detail_shows (n);
    }
}

static void
test_search (void)
{
  static const guint expected[] = { 4, 6, 22, 23, 26 };
  g_autoptr(GArray) numbers = NULL;
  GtkWidget *entry = CHILD ("search_entry");
  guint n_containing = 0;

  reset_to_topic_1 ();

  /* Ctrl+F opens the search and focuses it. */
  ui_keys (GTK_WINDOW (window), "ctrl+f");
  ui_assert_eventually (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (CHILD ("search_bar"))));
  ui_assert_eventually (focus_in ("search_entry"));

  /* Chinese arrives through an input method, which commits the text into
   * the focused entry; xdotool cannot play an input method, so commit the
   * way one does: insert at the cursor of the widget that has focus. */
  {
    GtkWidget *focus = focus_widget ();
    int position;

    g_assert_true (GTK_IS_EDITABLE (focus));
    position = gtk_editable_get_position (GTK_EDITABLE (focus));
    gtk_editable_insert_text (GTK_EDITABLE (focus), "梯度", -1, &position);
  }
  ui_assert_eventually (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "梯度") == 0);

  /* The rows are exactly the topics whose text contains the word. */
  for (guint n = 1; n <= 30; n++)
    {
      WendaQaItem *item = wenda_bank_lookup_number (bank, n);

      if (strstr (wenda_qa_item_get_question (item), "梯度") ||
          strstr (wenda_qa_item_get_answer (item), "梯度") ||
          strstr (wenda_qa_item_get_explanation (item), "梯度"))
        n_containing++;
    }
  g_assert_cmpuint (n_containing, ==, G_N_ELEMENTS (expected));

  /* The search has filtered the list. */
  ui_assert_eventually (n_shown () == G_N_ELEMENTS (expected));
  numbers = shown_numbers ();
  g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < numbers->len; i++)
    g_assert_cmpuint (g_array_index (numbers, guint, i), ==, expected[i]);
  ui_assert_eventually (g_strcmp0 (label_text (CHILD ("match_label")), "5 matches") == 0);
  g_assert_true (ui_wait_for (row_exists, GUINT_TO_POINTER (22), 2000));
  g_assert_null (find_row (5));
  assert_detail_shows (4);

  /* Enter goes to the results; Down moves through them. */
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (focus_in ("list_view"));
  ui_keys (GTK_WINDOW (window), "Down");
  assert_detail_shows (6);

  /* Erasing and typing on keeps the open topic while it matches, though
   * the list changes around it. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "梯");
  g_assert_cmpuint (current_number (), ==, 6);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_cmpuint (current_number (), ==, 6);
  gtk_editable_set_text (GTK_EDITABLE (entry), "梯度");
  g_assert_cmpuint (current_number (), ==, 6);
  numbers = (g_array_unref (numbers), shown_numbers ());
  g_assert_cmpuint (numbers->len, ==, G_N_ELEMENTS (expected));
  /* The window has drawn the list and the pane since. */
  ui_wait_frame (GTK_WIDGET (window));
  assert_detail_shows (6);

  /* Escape in the list is no-op in a wide window; close the search from
   * the entry, which puts focus back on the open topic. */
  gtk_widget_grab_focus (entry);
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (CHILD ("search_bar"))));
  ui_assert_eventually (focus_in ("list_view"));
  assert_detail_shows (6);

  /* Typing with focus in the list opens the search with what was typed. */
  ui_type (GTK_WINDOW (window), "Adam");
  ui_assert_eventually (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (CHILD ("search_bar"))));
  ui_assert_eventually (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "Adam") == 0);
  ui_assert_eventually (g_strcmp0 (label_text (CHILD ("match_label")), "1 match") == 0);

  /* The topic number matches too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "№17");
  ui_assert_eventually (n_shown () == 1);
  numbers = (g_array_unref (numbers), shown_numbers ());
  g_assert_cmpuint (numbers->len, ==, 1);
  g_assert_cmpuint (g_array_index (numbers, guint, 0), ==, 17);

  /* Latin text matches whatever its case. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "gradient CLIPPING");
  ui_assert_eventually (n_shown () == 1);
  numbers = (g_array_unref (numbers), shown_numbers ());
  g_assert_cmpuint (numbers->len, ==, 1);
  g_assert_cmpuint (g_array_index (numbers, guint, 0), ==, 4);

  /* No match: a status page that quotes the search, as text. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "<b>zzz");
  ui_assert_eventually (g_strcmp0 (label_text (CHILD ("match_label")), "0 matches") == 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (CHILD ("list_stack"))), ==, "empty");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (CHILD ("no_results_page"))),
                            "&lt;b&gt;zzz"));
  g_assert_cmpuint (current_number (), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (CHILD ("next_button")));

  /* Escape closes the search, shows every topic and puts focus back in
   * the list. */
  gtk_widget_grab_focus (entry);
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (CHILD ("search_bar"))));
  ui_assert_eventually (g_strcmp0 (label_text (CHILD ("match_label")), "30 topics") == 0);
  ui_assert_eventually (focus_in ("list_view"));
}

static void
test_narrow (void)
{
  int width, height;

  reset_to_topic_1 ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);

  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (ui_wait_for (is_folded, GINT_TO_POINTER (TRUE), 3000));
  /* Folded, the headers drop what has no room (the Study button, the
   * reading page's title), and the window gets to 360 px; ask again, as
   * a user still dragging the edge would (a size below the minimum gets
   * the minimum). */
  gtk_window_set_default_size (GTK_WINDOW (window), 300, 640);
  /* GTK has laid out a frame since the request, working out the size the
   * window gets (at most its minimum), and the window has it. */
  ui_wait_frame (GTK_WIDGET (window));
  ui_wait_allocation (GTK_WIDGET (window), -1, 640);
  g_test_message ("folded window: %d px", gtk_widget_get_width (GTK_WIDGET (window)));
  ui_assert_eventually (gtk_widget_get_width (GTK_WIDGET (window)) <= 360);

  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")), FALSE);
  /* The list has slid in, with the open topic's row in view. */
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")));
  g_assert_true (ui_wait_for (row_in_view, GUINT_TO_POINTER (1), UI_TIMEOUT_MS));
  gtk_widget_grab_focus (find_row (1));

  /* Keyboard: arrows move in the list without leaving it; Enter opens. */
  ui_keys (GTK_WINDOW (window), "Down Down");
  ui_assert_eventually (g_strcmp0 (visible_page (), "sidebar") == 0);
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (g_strcmp0 (visible_page (), "content") == 0);
  assert_detail_shows (3);
  g_assert_true (gtk_widget_get_visible (CHILD ("back_button")));
  ui_assert_eventually (focus_in ("detail_view"));

  ui_keys (GTK_WINDOW (window), "alt+Right");
  assert_detail_shows (4);
  ui_assert_eventually (g_strcmp0 (visible_page (), "content") == 0);

  /* Escape goes back, with focus on the topic that was open. */
  ui_keys (GTK_WINDOW (window), "Escape");
  ui_assert_eventually (g_strcmp0 (visible_page (), "sidebar") == 0);
  ui_assert_eventually (focus_in ("list_view"));
  ui_assert_eventually (gtk_widget_get_state_flags (focus_widget ()) & GTK_STATE_FLAG_SELECTED);

  /* Mouse: a click on a topic opens it; the back button returns.  Each
   * click waits until the page has slid into place. */
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")));
  g_assert_true (ui_wait_for (row_in_view, GUINT_TO_POINTER (2), UI_TIMEOUT_MS));
  ui_click (find_row (2));
  ui_assert_eventually (g_strcmp0 (visible_page (), "content") == 0);
  assert_detail_shows (2);
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")));
  ui_click (CHILD ("back_button"));
  ui_assert_eventually (g_strcmp0 (visible_page (), "sidebar") == 0);
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (CHILD ("split_view")));

  /* Ctrl+F from the reading page brings the search into view. */
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (g_strcmp0 (visible_page (), "content") == 0);
  ui_keys (GTK_WINDOW (window), "ctrl+f");
  ui_assert_eventually (g_strcmp0 (visible_page (), "sidebar") == 0);
  ui_assert_eventually (focus_in ("search_entry"));
  ui_keys (GTK_WINDOW (window), "Escape");

  /* Just above the breakpoint, side by side: everything fits (Adwaita
   * warns, fatally here, when the content needs more than the window has),
   * with the reading language as an icon until 720 sp. */
  gtk_window_set_default_size (GTK_WINDOW (window), 620, 640);
  g_assert_true (ui_wait_for (is_folded, GINT_TO_POINTER (FALSE), 3000));
  g_test_message ("side by side at %d px", gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <, 640);
  g_assert_true (gtk_widget_get_visible (CHILD ("mode_icon")));
  g_assert_false (gtk_widget_get_visible (CHILD ("mode_label")));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  g_assert_true (ui_wait_for (is_folded, GINT_TO_POINTER (FALSE), 3000));
  ui_assert_eventually (gtk_widget_get_visible (CHILD ("mode_label")));
  g_assert_false (gtk_widget_get_visible (CHILD ("mode_icon")));
}

static void
test_settings_restored (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.wenda.Wenda");
  WendaWindow *second;
  int width, height;

  reset_to_topic_1 ();
  g_assert_true (wenda_window_show_topic (window, 17));
  gtk_window_set_default_size (GTK_WINDOW (window), 1010, 620);
  ui_wait_allocation (GTK_WIDGET (window), 1010, 620);
  {
    g_autofree char *last_topic = g_settings_get_string (settings, "last-topic");

    g_assert_cmpstr (last_topic, ==, wenda_qa_item_get_id (wenda_bank_lookup_number (bank, 17)));
  }

  /* Closing saves the size; a new window opens where this one was. */
  gtk_window_close (GTK_WINDOW (window));
  /* It has closed (its close-request handlers ran, and none kept it). */
  ui_assert_eventually (!is_toplevel (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1010);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 620);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = wenda_application_new_window (app, bank);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1010);
  g_assert_cmpint (height, ==, 620);
  g_assert_cmpuint (wenda_qa_item_get_number (wenda_window_get_current_item (second)), ==, 17);
  gtk_window_destroy (GTK_WINDOW (second));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  window = ui_start_app (&argc, &argv, &app);
  bank = wenda_window_get_bank (window);

  g_test_add_func ("/Wenda/Window/startup", test_startup);
  g_test_add_func ("/Wenda/Window/select-12", test_select_12);
  g_test_add_func ("/Wenda/Window/next-previous", test_next_previous);
  g_test_add_func ("/Wenda/Window/every-topic", test_every_topic_by_keyboard_and_click);
  g_test_add_func ("/Wenda/Window/search", test_search);
  g_test_add_func ("/Wenda/Window/narrow", test_narrow);
  g_test_add_func ("/Wenda/Window/settings-restored", test_settings_restored);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
