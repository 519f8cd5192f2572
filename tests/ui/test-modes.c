/* test-modes.c: reading the content in Chinese, English, or both
 *
 * Runs in the C.UTF-8 locale and again in a zh_CN.UTF-8 locale (see
 * meson.build); in the latter the interface itself is in Chinese.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ui-helpers.h"
#include "wenda-bank-loader.h"
#include "wenda-detail-view.h"
#include "wenda-rich-view.h"
#include "wenda-search-filter.h"
#include "wenda-topic-row.h"

static WendaApplication *app;
static WendaWindow *window;
static WendaBank *bank;

#define WIN(name) ui_template_child (window, WENDA_TYPE_WINDOW, name)
#define DETAIL(name) ui_template_child (WIN ("detail_view"), WENDA_TYPE_DETAIL_VIEW, name)

static gboolean
ui_is_chinese (void)
{
  const char *lang = g_getenv ("LC_ALL");

  return lang != NULL && g_str_has_prefix (lang, "zh_CN");
}

/* What a label shows, or a rich view: its paragraphs' labels, joined as
 * the paragraphs of the bundled bank are (kept with the widget) */
static const char *
text_of (GtkWidget *widget)
{
  if (WENDA_IS_RICH_VIEW (widget))
    {
      char *text = ui_label_texts (widget, "\n\n", TRUE);

      g_object_set_data_full (G_OBJECT (widget), "test-text", text, g_free);
      return text;
    }
  return gtk_label_get_text (GTK_LABEL (widget));
}

/* The language a label's text is tagged with (Pango language attribute). */
static const char *
language_of (GtkWidget *label)
{
  PangoAttrList *attrs;
  const char *language = NULL;

  if (WENDA_IS_RICH_VIEW (label))
    label = GTK_WIDGET (wenda_rich_view_get_first_label (WENDA_RICH_VIEW (label)));
  g_assert_nonnull (label);
  attrs = gtk_label_get_attributes (GTK_LABEL (label));

  g_assert_nonnull (attrs);
  {
    PangoAttrIterator *iter = pango_attr_list_get_iterator (attrs);
    PangoAttribute *attr = pango_attr_iterator_get (iter, PANGO_ATTR_LANGUAGE);

    if (attr != NULL)
      language = pango_language_to_string (((PangoAttrLanguage *)attr)->value);
    pango_attr_iterator_destroy (iter);
  }

  return language;
}

static WendaQaItem *
item (guint number)
{
  WendaQaItem *it = wenda_bank_lookup_number (bank, number);

  g_assert_nonnull (it);
  return it;
}

static void
show (guint number)
{
  ui_show_topic (window, number);
}

/* The labels of a bilingual section, in grid order (row, then column). */
static GPtrArray *
grid_labels (GtkWidget *grid)
{
  GPtrArray *labels = g_ptr_array_new ();

  for (int row = 0; row < 64; row++)
    for (int column = 0; column < 2; column++)
      {
        GtkWidget *child = gtk_grid_get_child_at (GTK_GRID (grid), column, row);

        if (child != NULL)
          g_ptr_array_add (labels, child);
      }

  return labels;
}

/* The widget the reader sees for a section in a single-language mode:
 * "answer" → answer_view (Chinese) or answer_en_view; "question" →
 * question_label or question_en_label. */
static GtkWidget *
shown_label (const char    *section,
             WendaLanguage  language)
{
  const char *kind = g_str_equal (section, "question") ? "label" : "view";
  g_autofree char *shown = g_strdup_printf ("%s%s_%s", section,
                                            language == WENDA_LANGUAGE_EN ? "_en" : "", kind);
  g_autofree char *hidden = g_strdup_printf ("%s%s_%s", section,
                                             language == WENDA_LANGUAGE_EN ? "" : "_en", kind);

  g_assert_true (gtk_widget_get_visible (DETAIL (shown)));
  g_assert_false (gtk_widget_get_visible (DETAIL (hidden)));
  return DETAIL (shown);
}

static void
assert_single_mode (guint         number,
                    WendaLanguage language)
{
  WendaQaItem *it = item (number);
  const char *tag = language == WENDA_LANGUAGE_EN ? "en" : "zh-cn";
  GtkWidget *question = shown_label ("question", language);
  GtkWidget *answer = shown_label ("answer", language);
  GtkWidget *explanation = shown_label ("explanation", language);

  g_assert_cmpstr (text_of (question), ==,
                   wenda_qa_item_get_text (it, WENDA_QA_FIELD_QUESTION, language));
  g_assert_cmpstr (text_of (answer), ==,
                   wenda_qa_item_get_text (it, WENDA_QA_FIELD_ANSWER, language));
  g_assert_cmpstr (text_of (explanation), ==,
                   wenda_qa_item_get_text (it, WENDA_QA_FIELD_EXPLANATION, language));
  g_assert_cmpstr (language_of (answer), ==, tag);
  g_assert_cmpstr (language_of (question), ==, tag);
  g_assert_false (gtk_widget_get_visible (DETAIL ("answer_grid")));
  g_assert_false (gtk_widget_get_visible (DETAIL ("question_secondary_label")));

  /* English never shows Chinese, when the catalog has the text. */
  if (language == WENDA_LANGUAGE_EN)
    g_assert_null (g_utf8_strchr (text_of (answer), -1, 0x662f /* 是 */));
}

/* Whether the bilingual grid is laid out side by side (or stacked), which
 * follows the pane's allocation a frame after a resize. */
static gboolean
grid_is_side_by_side (gboolean side_by_side)
{
  GtkWidget *first_en = gtk_grid_get_child_at (GTK_GRID (DETAIL ("answer_grid")),
                                               side_by_side ? 1 : 0, side_by_side ? 0 : 1);

  return first_en != NULL && g_strcmp0 (language_of (first_en), "en") == 0;
}

static void
assert_bilingual (guint    number,
                  gboolean side_by_side)
{
  ui_assert_eventually (gtk_widget_get_visible (DETAIL ("answer_grid")) &&
                        grid_is_side_by_side (side_by_side));

  WendaQaItem *it = item (number);
  /* The bundled bank's answers are paragraphs: a block each */
  g_auto(GStrv) zh = wenda_split_paragraphs (wenda_qa_item_get_answer (it));
  g_auto(GStrv) en = wenda_split_paragraphs (wenda_qa_item_get_text (it, WENDA_QA_FIELD_ANSWER,
                                                                     WENDA_LANGUAGE_EN));
  g_autoptr(GPtrArray) labels = grid_labels (DETAIL ("answer_grid"));
  guint n = g_strv_length (zh);

  g_assert_cmpuint (g_strv_length (en), ==, n);
  g_assert_true (gtk_widget_get_visible (DETAIL ("answer_grid")));
  g_assert_false (gtk_widget_get_visible (DETAIL ("answer_view")));
  g_assert_false (gtk_widget_get_visible (DETAIL ("answer_en_view")));
  g_assert_cmpstr (text_of (DETAIL ("question_label")), ==, wenda_qa_item_get_question (it));
  g_assert_true (gtk_widget_get_visible (DETAIL ("question_secondary_label")));
  g_assert_cmpstr (text_of (DETAIL ("question_secondary_label")), ==,
                   wenda_qa_item_get_text (it, WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN));

  /* Block i in Chinese, then its English: beside it or under it, each a
   * rich view of its own. */
  g_assert_cmpuint (labels->len, ==, 2 * n);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *zh_label = g_ptr_array_index (labels, 2 * i);
      GtkWidget *en_label = g_ptr_array_index (labels, 2 * i + 1);
      int zh_column, zh_row, en_column, en_row;

      g_assert_true (WENDA_IS_RICH_VIEW (zh_label));
      g_assert_true (WENDA_IS_RICH_VIEW (en_label));
      g_assert_cmpstr (text_of (zh_label), ==, zh[i]);
      g_assert_cmpstr (text_of (en_label), ==, en[i]);
      g_assert_cmpstr (language_of (zh_label), ==, "zh-cn");
      g_assert_cmpstr (language_of (en_label), ==, "en");

      gtk_grid_query_child (GTK_GRID (DETAIL ("answer_grid")), zh_label, &zh_column, &zh_row, NULL, NULL);
      gtk_grid_query_child (GTK_GRID (DETAIL ("answer_grid")), en_label, &en_column, &en_row, NULL, NULL);
      if (side_by_side)
        {
          g_assert_cmpint (zh_row, ==, en_row);
          g_assert_cmpint (en_column, ==, zh_column + 1);
        }
      else
        {
          g_assert_cmpint (en_row, ==, zh_row + 1);
          g_assert_cmpint (en_column, ==, zh_column);
        }
    }
}

static GtkWidget *
row_question_label (guint number)
{
  GtkWidget *list = WIN ("list_view");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *topic_row = gtk_widget_get_first_child (row);

      if (WENDA_IS_TOPIC_ROW (topic_row) &&
          wenda_topic_row_get_item (WENDA_TOPIC_ROW (topic_row)) == item (number))
        {
          GtkWidget *number_label = gtk_widget_get_first_child (topic_row);
          GtkWidget *shown = NULL;
          guint n_shown = 0;

          /* Exactly one label shows the question in the first line, beside
           * the number: the Chinese one, or the English one that the row
           * makes the first time it shows English. */
          for (GtkWidget *child = gtk_widget_get_first_child (topic_row); child;
               child = gtk_widget_get_next_sibling (child))
            {
              GtkLayoutChild *cell = gtk_layout_manager_get_layout_child (gtk_widget_get_layout_manager (topic_row),
                                                                          child);

              if (child != number_label && gtk_widget_get_visible (child) &&
                  gtk_grid_layout_child_get_row (GTK_GRID_LAYOUT_CHILD (cell)) == 0)
                {
                  shown = child;
                  n_shown++;
                }
            }
          g_assert_cmpuint (n_shown, ==, 1);
          return shown;
        }
    }

  return NULL;
}

static gboolean
mode_is (gpointer data)
{
  return wenda_window_get_content_mode (window) == (WendaContentMode)GPOINTER_TO_INT (data);
}

static void
test_switch_with_keys (void)
{
  static const guint topics[] = { 1, 16, 25 };

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  ui_wait_allocation (GTK_WIDGET (window), 1200, 700);

  for (guint i = 0; i < G_N_ELEMENTS (topics); i++)
    {
      guint n = topics[i];

      show (n);

      ui_keys (GTK_WINDOW (window), "ctrl+2");
      g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_EN), 3000));
      assert_single_mode (n, WENDA_LANGUAGE_EN);
      g_assert_cmpstr (text_of (row_question_label (n)), ==,
                       wenda_qa_item_get_text (item (n), WENDA_QA_FIELD_QUESTION, WENDA_LANGUAGE_EN));

      ui_keys (GTK_WINDOW (window), "ctrl+3");
      g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_BOTH), 3000));
      assert_bilingual (n, TRUE);

      ui_keys (GTK_WINDOW (window), "ctrl+1");
      g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_ZH), 3000));
      assert_single_mode (n, WENDA_LANGUAGE_ZH);
      g_assert_cmpstr (text_of (row_question_label (n)), ==, wenda_qa_item_get_question (item (n)));
    }
}

static void
test_switch_with_menu (void)
{
  GtkWidget *button = WIN ("mode_button");
  GtkPopover *popover;
  GtkWidget *entry;
  const char *english = ui_is_chinese () ? "英文" : "English";
  const char *both = ui_is_chinese () ? "中英对照" : "Both, Side by Side";

  show (9);
  g_assert_cmpstr (text_of (WIN ("mode_label")), ==, ui_is_chinese () ? "中文" : "Chinese");

  /* Each click waits for what it clicks on to be on screen: on a busy
   * machine the popover maps (and its items get a size) frames later. */
  ui_click (button);
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  entry = ui_find_by_label (GTK_WIDGET (popover), GTK_TYPE_LABEL, english);
  g_assert_nonnull (entry);
  ui_assert_eventually (gtk_widget_get_mapped (entry) && gtk_widget_get_width (entry) > 0);
  ui_click (entry);
  g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_EN), 3000));
  assert_single_mode (9, WENDA_LANGUAGE_EN);
  g_assert_cmpstr (text_of (WIN ("mode_label")), ==, english);
  ui_assert_eventually (!gtk_widget_get_mapped (GTK_WIDGET (popover)));

  ui_click (button);
  entry = ui_find_by_label (GTK_WIDGET (popover), GTK_TYPE_LABEL, both);
  g_assert_nonnull (entry);
  ui_assert_eventually (gtk_widget_get_mapped (entry) && gtk_widget_get_width (entry) > 0);
  ui_click (entry);
  g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_BOTH), 3000));
  /* The menu has closed on the choice. */
  ui_assert_eventually (!gtk_widget_get_mapped (GTK_WIDGET (popover)));
  assert_bilingual (9, TRUE);

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

static void
assert_setting (GSettings  *settings,
                const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, "content-mode");

  g_assert_cmpstr (value, ==, expected);
}

static void
test_saved_and_overridden (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.wenda.Wenda");

  ui_keys (GTK_WINDOW (window), "ctrl+2");
  g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_EN), 3000));
  assert_setting (settings, "en");

  /* wenda --language=both applies to the window, and is not saved */
  wenda_window_override_content_mode (window, WENDA_CONTENT_MODE_BOTH);
  g_assert_cmpint (wenda_window_get_content_mode (window), ==, WENDA_CONTENT_MODE_BOTH);
  assert_setting (settings, "en");

  ui_keys (GTK_WINDOW (window), "ctrl+1");
  g_assert_true (ui_wait_for (mode_is, GINT_TO_POINTER (WENDA_CONTENT_MODE_ZH), 3000));
  assert_setting (settings, "zh");
}

static gboolean
shown_contains (guint number)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (WIN ("list_view"))));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(WendaQaItem) it = g_list_model_get_item (model, i);

      if (wenda_qa_item_get_number (it) == number)
        return TRUE;
    }

  return FALSE;
}

/* The list shows what the search for @text found: the search filter has
 * the text, and the list is filtered (not every topic shows). */
static gboolean
searched (const char *text)
{
  WendaSearchFilter *filter = WENDA_SEARCH_FILTER (ui_template_object (window, WENDA_TYPE_WINDOW,
                                                                       "search_filter"));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (WIN ("list_view"))));

  return g_strcmp0 (wenda_search_filter_get_search (filter), text) == 0 &&
         g_list_model_get_n_items (model) < g_list_model_get_n_items (G_LIST_MODEL (bank));
}

static void
test_search_both_languages (void)
{
  /* English words find topics while reading Chinese, and the reverse. */
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
  wenda_window_set_search_text (window, "gradient");
  ui_assert_eventually (searched ("gradient"));
  g_assert_true (shown_contains (4));
  g_assert_false (shown_contains (1));

  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  wenda_window_set_search_text (window, "梯度");
  ui_assert_eventually (searched ("梯度"));
  g_assert_true (shown_contains (4));
  g_assert_false (shown_contains (1));

  /* Case does not matter in Latin text. */
  wenda_window_set_search_text (window, "GRADIENT clipping");
  ui_assert_eventually (searched ("GRADIENT clipping"));
  g_assert_true (shown_contains (4));

  wenda_window_set_search_text (window, NULL);
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

/* Whether a label, or a label in a rich view, links to topic @number */
static gboolean
label_links_to (GtkWidget *label,
                guint      number)
{
  g_autofree char *uri = g_strdup_printf ("\"wenda:topic/%u\"", number);

  if (WENDA_IS_RICH_VIEW (label))
    {
      GtkWidget *l;

      for (guint i = 0; (l = ui_find_nth (label, GTK_TYPE_LABEL, i)) != NULL; i++)
        if (gtk_label_get_use_markup (GTK_LABEL (l)) &&
            strstr (gtk_label_get_label (GTK_LABEL (l)), uri) != NULL)
          return TRUE;
      return FALSE;
    }

  return gtk_label_get_use_markup (GTK_LABEL (label)) &&
         strstr (gtk_label_get_label (GTK_LABEL (label)), uri) != NULL;
}

static gboolean
any_label_links_to (GtkWidget *grid,
                    guint      number)
{
  g_autoptr(GPtrArray) labels = grid_labels (grid);

  for (guint i = 0; i < labels->len; i++)
    if (label_links_to (g_ptr_array_index (labels, i), number))
      return TRUE;

  return FALSE;
}

static void
test_links (void)
{
  static const struct { guint from, to; } links[] = {
    { 25, 24 },  /* 自注意力机制 */
    { 23, 22 },  /* RNN */
    { 17, 16 },  /* 图神经网络 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    {
      show (links[i].from);

      wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
      g_assert_true (label_links_to (DETAIL ("answer_view"), links[i].to) ||
                     label_links_to (DETAIL ("explanation_view"), links[i].to));
      g_assert_false (label_links_to (DETAIL ("answer_view"), links[i].from));

      wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
      g_assert_true (label_links_to (DETAIL ("answer_en_view"), links[i].to) ||
                     label_links_to (DETAIL ("explanation_en_view"), links[i].to));

      wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_BOTH);
      /* The pane shows both languages, in its grids, and has drawn them. */
      ui_assert_eventually (wenda_detail_view_get_mode (WENDA_DETAIL_VIEW (WIN ("detail_view"))) ==
                              WENDA_CONTENT_MODE_BOTH &&
                            gtk_widget_get_visible (DETAIL ("answer_grid")));
      ui_wait_frame (GTK_WIDGET (window));
      g_assert_true (any_label_links_to (DETAIL ("answer_grid"), links[i].to) ||
                     any_label_links_to (DETAIL ("explanation_grid"), links[i].to));
    }

  /* From the keyboard: Tab from the start of the topic reaches the "See
   * also" links (selectable text is one Tab stop in GTK 4.8); Enter
   * follows the one to the topic that defines 自注意力机制. */
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
  show (25);
  wenda_detail_view_focus_start (WENDA_DETAIL_VIEW (WIN ("detail_view")));
  for (guint tabs = 0; tabs < 10 && !GTK_IS_LINK_BUTTON (gtk_root_get_focus (GTK_ROOT (window))); tabs++)
    {
      GtkWidget *before = gtk_root_get_focus (GTK_ROOT (window));

      ui_keys (GTK_WINDOW (window), "Tab");
      ui_assert_eventually (gtk_root_get_focus (GTK_ROOT (window)) != before);
    }
  g_assert_true (GTK_IS_LINK_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (gtk_root_get_focus (GTK_ROOT (window)))), ==,
                   ui_is_chinese () ? "自注意力机制 — 第 24 题" : "自注意力机制 — №24");
  ui_keys (GTK_WINDOW (window), "Return");
  ui_assert_eventually (wenda_qa_item_get_number (wenda_window_get_current_item (window)) == 24);

  /* The same links in English and bilingual mode. */
  show (23);
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  g_assert_nonnull (ui_find_by_label (WIN ("detail_view"), GTK_TYPE_LINK_BUTTON,
                                      ui_is_chinese () ? "Recurrent Neural Network — 第 22 题"
                                                       : "Recurrent Neural Network — №22"));
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_BOTH);
  g_assert_nonnull (ui_find_by_label (WIN ("detail_view"), GTK_TYPE_LINK_BUTTON,
                                      ui_is_chinese () ? "循环神经网络 · Recurrent Neural Network — 第 22 题"
                                                       : "循环神经网络 · Recurrent Neural Network — №22"));
  /* …and never to the topic itself. */
  g_assert_null (ui_find_by_label (WIN ("detail_view"), GTK_TYPE_LINK_BUTTON,
                                   ui_is_chinese () ? "长短时记忆网络 · Long Short-Term Memory — 第 23 题"
                                                    : "长短时记忆网络 · Long Short-Term Memory — №23"));
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

static void
test_missing_translation_falls_back (void)
{
  g_autoptr(WendaBank) untranslated = wenda_bank_load_bundled (NULL);
  WendaWindow *other;

  /* A bank with no English at all: English mode shows the Chinese. */
  other = wenda_application_new_window (app, untranslated);
  gtk_window_present (GTK_WINDOW (other));
  ui_wait_mapped (GTK_WIDGET (other));
  wenda_window_set_content_mode (other, WENDA_CONTENT_MODE_EN);
  g_assert_true (wenda_window_show_topic (other, 3));
  ui_assert_eventually (wenda_qa_item_get_number (wenda_window_get_current_item (other)) == 3);
  ui_wait_frame (GTK_WIDGET (other));
  {
    GtkWidget *view = ui_template_child (other, WENDA_TYPE_WINDOW, "detail_view");
    GtkWidget *answer = ui_template_child (view, WENDA_TYPE_DETAIL_VIEW, "answer_en_view");

    /* Whichever view shows the answer, it shows the Chinese */
    if (!gtk_widget_get_visible (answer))
      answer = ui_template_child (view, WENDA_TYPE_DETAIL_VIEW, "answer_view");
    g_assert_true (gtk_widget_get_visible (answer));
    g_assert_cmpstr (text_of (answer), ==,
                     wenda_qa_item_get_answer (wenda_bank_lookup_number (untranslated, 3)));
    g_assert_cmpstr (text_of (answer), !=, "");
  }
  wenda_window_set_content_mode (other, WENDA_CONTENT_MODE_ZH);
  ui_destroy_window (GTK_WINDOW (other));
}

/* A window opened with a saved mode shows it everywhere, reading pane
 * included (it used to keep Chinese there). */
static void
test_saved_mode_at_start (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.wenda.Wenda");
  WendaWindow *other;
  GtkWidget *view;

  g_settings_set_string (settings, "content-mode", "en");
  other = wenda_application_new_window (app, bank);
  gtk_window_present (GTK_WINDOW (other));
  wenda_window_show_topic (other, 5);
  view = ui_template_child (other, WENDA_TYPE_WINDOW, "detail_view");
  ui_assert_eventually (gtk_widget_get_mapped (view));

  g_assert_cmpint (wenda_window_get_content_mode (other), ==, WENDA_CONTENT_MODE_EN);
  g_assert_cmpint (wenda_detail_view_get_mode (WENDA_DETAIL_VIEW (view)), ==, WENDA_CONTENT_MODE_EN);
  g_assert_true (gtk_widget_get_visible (ui_template_child (view, WENDA_TYPE_DETAIL_VIEW, "answer_en_view")));
  g_assert_cmpstr (text_of (ui_template_child (view, WENDA_TYPE_DETAIL_VIEW, "answer_en_view")), ==,
                   wenda_qa_item_get_text (item (5), WENDA_QA_FIELD_ANSWER, WENDA_LANGUAGE_EN));

  ui_destroy_window (GTK_WINDOW (other));
  g_settings_reset (settings, "content-mode");
}

static void
test_ui_language (void)
{
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
  show (1);

  /* The interface follows the locale, whatever the content mode. */
  if (ui_is_chinese ())
    {
      g_assert_cmpstr (text_of (DETAIL ("answer_heading")), ==, "答案");
      g_assert_cmpstr (text_of (DETAIL ("explanation_heading")), ==, "解析");
      g_assert_cmpstr (text_of (WIN ("match_label")), ==, "共 30 题");
    }
  else
    {
      g_assert_cmpstr (text_of (DETAIL ("answer_heading")), ==, "Answer");
      g_assert_cmpstr (text_of (DETAIL ("explanation_heading")), ==, "Explanation");
      g_assert_cmpstr (text_of (WIN ("match_label")), ==, "30 topics");
    }

  /* A Chinese interface can show English content, and the reverse. */
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  assert_single_mode (1, WENDA_LANGUAGE_EN);
  g_assert_cmpstr (text_of (DETAIL ("answer_heading")), ==, ui_is_chinese () ? "答案" : "Answer");
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

static gboolean
is_folded (gpointer data)
{
  return adw_navigation_split_view_get_collapsed (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view"))) == GPOINTER_TO_INT (data);
}

static void
test_narrow_bilingual (void)
{
  show (1);
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_BOTH);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  g_assert_true (ui_wait_for (is_folded, GINT_TO_POINTER (TRUE), 3000));
  ui_wait_allocation (GTK_WIDGET (window), 360, 640);
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view")), TRUE);
  /* The reading page has slid in, at the window's width. */
  ui_wait_navigation (ADW_NAVIGATION_SPLIT_VIEW (WIN ("split_view")));
  assert_bilingual (1, FALSE);

  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  g_assert_true (ui_wait_for (is_folded, GINT_TO_POINTER (FALSE), 3000));
  ui_wait_allocation (GTK_WIDGET (window), 1200, 700);
  assert_bilingual (1, TRUE);
  wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_ZH);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  window = ui_start_app (&argc, &argv, &app);
  bank = wenda_window_get_bank (window);
  g_assert_true (wenda_bank_has_translation (bank));

  g_test_add_func ("/Wenda/Modes/switch-with-keys", test_switch_with_keys);
  g_test_add_func ("/Wenda/Modes/switch-with-menu", test_switch_with_menu);
  g_test_add_func ("/Wenda/Modes/saved-and-overridden", test_saved_and_overridden);
  g_test_add_func ("/Wenda/Modes/search-both-languages", test_search_both_languages);
  g_test_add_func ("/Wenda/Modes/links", test_links);
  g_test_add_func ("/Wenda/Modes/missing-translation", test_missing_translation_falls_back);
  g_test_add_func ("/Wenda/Modes/saved-mode-at-start", test_saved_mode_at_start);
  g_test_add_func ("/Wenda/Modes/ui-language", test_ui_language);
  g_test_add_func ("/Wenda/Modes/narrow-bilingual", test_narrow_bilingual);

  ret = g_test_run ();

  g_object_unref (app);

  return ret;
}
