/* wenda-shot.c: a screenshot of the real window on a bank of one's own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: wenda-shot [--english EN.md] [--topic N] [--mode zh|en|both]
 *                   [--dark] [--size WxH] -o OUT.png BANK.md
 *
 * Imports BANK.md (its images from its folder, as the library's copy has
 * them), gives it the English of EN.md (the same bank in English, block for
 * block: a catalog from each Chinese paragraph to the English one), opens
 * topic N in the mode, waits until every image is decoded and a frame is
 * painted, and writes the window as it is drawn (its own header bar, no
 * window-manager frame) to OUT.png.  Needs a display (Xvfb).  The README's
 * screenshots of a rich topic are made with it:
 *
 *   BUILD/tests/wenda-shot -o data/screenshots/wenda-rich.png tests/fixtures/rich/rich.md
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "ui-helpers.h"
#include "wenda-application.h"
#include "wenda-catalog.h"
#include "wenda-image.h"
#include "wenda-import.h"
#include "wenda-window.h"

static WendaBank *
import_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = g_path_get_basename (path);
  gsize length;
  WendaBank *bank;

  if (!g_file_get_contents (path, &text, &length, &error))
    g_error ("%s", error->message);
  bank = wenda_import_parse (text, length, name, WENDA_IMPORT_FORMAT_AUTO, "shot",
                             NULL, NULL, NULL, NULL, &error);
  if (bank == NULL)
    g_error ("%s", error->message);
  return bank;
}

static void
apply_english (WendaBank  *bank,
               const char *path)
{
  g_autoptr(WendaBank) en = import_file (path);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(WendaCatalog) catalog = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (bank)); i++)
    {
      g_autoptr(WendaQaItem) a = g_list_model_get_item (G_LIST_MODEL (bank), i);
      g_autoptr(WendaQaItem) b = g_list_model_get_item (G_LIST_MODEL (en), i);

      if (b == NULL)
        break;
      for (WendaQaField f = WENDA_QA_FIELD_QUESTION; f <= WENDA_QA_FIELD_EXPLANATION; f++)
        {
          g_auto(GStrv) zh = wenda_split_paragraphs (wenda_qa_item_get_text (a, f, WENDA_LANGUAGE_ZH));
          g_auto(GStrv) english = wenda_split_paragraphs (wenda_qa_item_get_text (b, f, WENDA_LANGUAGE_ZH));

          for (guint k = 0; zh[k] != NULL && english[k] != NULL; k++)
            {
              g_ptr_array_add (pairs, g_strdup (zh[k]));
              g_ptr_array_add (pairs, g_strdup (english[k]));
            }
        }
    }
  g_ptr_array_add (pairs, NULL);
  catalog = ui_make_catalog ((const char * const *) pairs->pdata);
  wenda_bank_apply_catalog (bank, catalog);
}

static gboolean
images_loading (GtkWidget *widget)
{
  if (WENDA_IS_IMAGE (widget) && wenda_image_get_state (WENDA_IMAGE (widget)) == WENDA_IMAGE_LOADING)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (images_loading (child))
      return TRUE;
  return FALSE;
}

static gint64 painted_at;

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  painted_at = g_get_monotonic_time ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaApplication) app = NULL;
  g_autoptr(WendaBank) bank = NULL;
  g_autoptr(GFile) media = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *english = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *size = NULL;
  g_autofree char *output = NULL;
  g_autofree char *dir = NULL;
  gboolean dark = FALSE;
  int topic = 1, width = 1100, height = 800;
  WendaWindow *window;
  gint64 since;
  const GOptionEntry entries[] = {
    { "english", 0, 0, G_OPTION_ARG_FILENAME, &english, "The bank in English, block for block", "EN.md" },
    { "topic", 0, 0, G_OPTION_ARG_INT, &topic, "The topic to show", "N" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode, "zh, en or both", "MODE" },
    { "dark", 0, 0, G_OPTION_ARG_NONE, &dark, "The dark style", NULL },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, "The window's size", "WxH" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The PNG to write", "OUT.png" },
    { NULL },
  };

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  setlocale (LC_ALL, "");
  context = g_option_context_new ("BANK.md");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || output == NULL)
    {
      fprintf (stderr, "%s\n", error != NULL ? error->message : "usage: wenda-shot [OPTION…] -o OUT.png BANK.md");
      return 2;
    }
  if (size != NULL && sscanf (size, "%dx%d", &width, &height) != 2)
    g_error ("--size WxH, not “%s”", size);

  wenda_i18n_init ();
  gtk_init ();
  adw_init ();

  bank = import_file (argv[1]);
  dir = g_path_get_dirname (argv[1]);
  media = g_file_new_for_path (dir);
  wenda_bank_set_media_dir (bank, media);
  if (english != NULL)
    apply_english (bank, english);

  app = wenda_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, NULL);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
  window = wenda_application_new_window (app, bank);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);

  if (g_strcmp0 (mode, "en") == 0)
    wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_EN);
  else if (g_strcmp0 (mode, "both") == 0)
    wenda_window_set_content_mode (window, WENDA_CONTENT_MODE_BOTH);
  if (!wenda_window_show_topic (window, topic))
    g_error ("no topic %d", topic);

  /* Decoded images, then two painted frames (the bilingual view lays its
   * pairs out again after the first) */
  for (guint frames = 0; frames < 10; frames++)
    {
      while (images_loading (GTK_WIDGET (window)))
        g_main_context_iteration (NULL, TRUE);
      since = g_get_monotonic_time ();
      gtk_widget_queue_draw (GTK_WIDGET (window));
      while (painted_at <= since)
        g_main_context_iteration (NULL, TRUE);
    }

  paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node, NULL);
  if (!gdk_texture_save_to_png (texture, output))
    g_error ("could not write %s", output);
  printf ("%s: %dx%d, topic %d\n", output, gdk_texture_get_width (texture), gdk_texture_get_height (texture), topic);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
