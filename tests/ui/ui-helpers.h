/* ui-helpers.h: drive the real window under Xvfb, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-application.h"
#include "wenda-window.h"

G_BEGIN_DECLS

/* Asserts @expr, giving the app up to 3 s (running its main loop) to get
 * there: input from xdotool arrives asynchronously, and a busy machine
 * (the sanitizer pass) is slow.  Never a fixed sleep. */
#define ui_assert_eventually(expr)                                            \
  G_STMT_START {                                                              \
    gint64 ui_end_ = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;            \
    while (!(expr) && g_get_monotonic_time () < ui_end_)                      \
      {                                                                       \
        if (!g_main_context_iteration (NULL, FALSE))                          \
          g_usleep (1000);                                                    \
      }                                                                       \
    g_assert_true (expr);                                                     \
  } G_STMT_END

void       ui_pump                (guint         ms);
gboolean   ui_wait_for            (gboolean    (*condition) (gpointer data),
                                   gpointer      data,
                                   guint         timeout_ms);
void       ui_focus_window        (GtkWindow    *window);
void       ui_keys                (GtkWindow    *window,
                                   const char   *keys);
void       ui_type                (GtkWindow    *window,
                                   const char   *text);
void       ui_click               (GtkWidget    *widget);
GtkWidget *ui_find_by_label       (GtkWidget    *root,
                                   GType         type,
                                   const char   *text);

const char  *ui_data_home          (void);
char        *ui_study_file         (void);

WendaWindow *ui_start_app          (int               *argc,
                                   char            ***argv,
                                   WendaApplication **app);
void         ui_show_topic         (WendaWindow       *window,
                                   guint              number);
GtkWidget   *ui_template_child     (gpointer           widget,
                                   GType              type,
                                   const char        *name);

G_END_DECLS
