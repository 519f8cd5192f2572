/* import-folder.c: how much a folder of chapter files, and the images its
 * questions refer to, cost an import
 *
 *   import-folder DIR [RUNS]
 *
 * Writes into DIR (made if needed; the build directory, never the source
 * tree) a bank of CHAPTERS chapter files of QUESTIONS questions each, in
 * numbered headings, in three forms:
 *
 *   one.md      the same chapters in one file, each a "# " heading
 *   plain/      a folder of the chapter files, with no image
 *   images/     the same folder, each question referring to an image of
 *               its own (a small PNG in img/)
 *
 * then times, in one process and interleaved, with the median of RUNS
 * (default 9) after one warm-up round, wenda_import_files() of each, and
 * prints "import-folder-KEY ms" lines and the ratios: the folder against
 * the one file (reading a file a chapter), and the images against none
 * (finding and checking an image a question).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

#include "bench-util.h"
#include "wenda-import.h"

#define CHAPTERS  100
#define QUESTIONS 50

typedef enum
{
  SUBJECT_ONE,
  SUBJECT_PLAIN,
  SUBJECT_IMAGES,
  N_SUBJECTS
} Subject;

static const char * const subject_names[N_SUBJECTS] = { "one-file", "folder", "folder-images" };

/* A PNG of 1 × 1 pixels */
static const guchar png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02, 0x00, 0x00, 0x00, 0x90, 0x77, 0x53,
  0xde, 0x00, 0x00, 0x00, 0x0c, 0x49, 0x44, 0x41, 0x54, 0x08, 0xd7, 0x63, 0xf8, 0xcf, 0xc0, 0x00,
  0x00, 0x03, 0x01, 0x01, 0x00, 0x18, 0xdd, 0x8d, 0xb0, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e,
  0x44, 0xae, 0x42, 0x60, 0x82,
};

static void
write_file (const char *path,
            const char *data,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, data, length, &error))
    g_error ("%s", error->message);
}

/* Chapter @c, with or without an image a question */
static char *
chapter_text (guint    c,
              gboolean images)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "# 第 %u 章 训练与推理\n\n", c + 1);
  for (guint q = 0; q < QUESTIONS; q++)
    {
      g_string_append_printf (text,
                              "## %u. 第 %u 章的第 %u 个问题：什么是梯度累积（Gradient Accumulation）？\n\n"
                              "答：把若干个小批次的梯度加在一起，再更新一次参数，"
                              "相当于用更大的批次训练，而显存只需放下一个小批次。\n\n",
                              q + 1, c + 1, q + 1);
      if (images)
        g_string_append_printf (text, "![第 %u 章图 %u](img/c%03u-q%03u.png)\n\n", c + 1, q + 1, c, q);
      g_string_append (text, "解析：常与学习率的线性缩放一起使用，见 `optimizer.step()`。\n\n");
    }

  return g_string_free (text, FALSE);
}

static void
generate (const char *dir)
{
  g_autofree char *plain = g_build_filename (dir, "plain", NULL);
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autofree char *img = g_build_filename (images, "img", NULL);
  g_autofree char *one_path = g_build_filename (dir, "one.md", NULL);
  g_autoptr(GString) one = g_string_new (NULL);

  if (g_file_test (one_path, G_FILE_TEST_EXISTS))
    return;

  g_mkdir_with_parents (plain, 0755);
  g_mkdir_with_parents (img, 0755);

  for (guint c = 0; c < CHAPTERS; c++)
    {
      g_autofree char *name = g_strdup_printf ("%03u-chapter.md", c + 1);
      g_autofree char *plain_path = g_build_filename (plain, name, NULL);
      g_autofree char *images_path = g_build_filename (images, name, NULL);
      g_autofree char *plain_text = chapter_text (c, FALSE);
      g_autofree char *images_text = chapter_text (c, TRUE);

      write_file (plain_path, plain_text, -1);
      write_file (images_path, images_text, -1);
      g_string_append (one, plain_text);

      for (guint q = 0; q < QUESTIONS; q++)
        {
          g_autofree char *png_name = g_strdup_printf ("c%03u-q%03u.png", c, q);
          g_autofree char *png_path = g_build_filename (img, png_name, NULL);

          write_file (png_path, (const char *)png, sizeof png);
        }
    }

  write_file (one_path, one->str, one->len);
}

static double
run (GFile   *file,
     guint   *n_items,
     guint   *n_images)
{
  g_autoptr(WendaImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(WendaBank) bank = NULL;
  double start = now_ms ();

  bank = wenda_import_files (&file, 1, WENDA_IMPORT_FORMAT_AUTO, NULL, "bench", NULL,
                             NULL, NULL, &report, &error);
  if (bank == NULL)
    g_error ("%s", error->message);

  *n_items = g_list_model_get_n_items (G_LIST_MODEL (bank));
  *n_images = wenda_import_report_get_media (report)->len;
  return now_ms () - start;
}

int
main (int   argc,
      char *argv[])
{
  GFile *files[N_SUBJECTS];
  GArray *samples[N_SUBJECTS];
  double median[N_SUBJECTS];
  guint runs;

  if (argc < 2)
    {
      g_printerr ("usage: %s DIR [RUNS]\n", argv[0]);
      return EXIT_FAILURE;
    }
  runs = argc > 2 ? (guint)atoi (argv[2]) : 9;

  generate (argv[1]);
  files[SUBJECT_ONE] = g_file_new_build_filename (argv[1], "one.md", NULL);
  files[SUBJECT_PLAIN] = g_file_new_build_filename (argv[1], "plain", NULL);
  files[SUBJECT_IMAGES] = g_file_new_build_filename (argv[1], "images", NULL);

  for (guint s = 0; s < N_SUBJECTS; s++)
    samples[s] = g_array_new (FALSE, FALSE, sizeof (double));

  /* A warm-up round, then the subjects interleaved */
  for (guint r = 0; r <= runs; r++)
    for (guint s = 0; s < N_SUBJECTS; s++)
      {
        guint n_items, n_images;
        double ms = run (files[s], &n_items, &n_images);

        if (n_items != CHAPTERS * QUESTIONS ||
            n_images != (s == SUBJECT_IMAGES ? CHAPTERS * QUESTIONS : 0))
          g_error ("%s: %u questions, %u images", subject_names[s], n_items, n_images);
        if (r > 0)
          g_array_append_val (samples[s], ms);
      }

  for (guint s = 0; s < N_SUBJECTS; s++)
    {
      median[s] = quantile (samples[s], 0.5);
      g_print ("import-folder-%s %.1f ms (median of %u; %u questions)\n",
               subject_names[s], median[s], runs, CHAPTERS * QUESTIONS);
      g_array_unref (samples[s]);
      g_object_unref (files[s]);
    }

  g_print ("import-folder-folder/one-file %.2f\n", median[SUBJECT_PLAIN] / median[SUBJECT_ONE]);
  g_print ("import-folder-images/folder %.2f (%.1f us an image)\n",
           median[SUBJECT_IMAGES] / median[SUBJECT_PLAIN],
           (median[SUBJECT_IMAGES] - median[SUBJECT_PLAIN]) * 1000.0 / (CHAPTERS * QUESTIONS));

  return EXIT_SUCCESS;
}
