/* ui-helpers.h: drive the real window under Xvfb, as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "wenda-application.h"
#include "wenda-catalog.h"
#include "wenda-window.h"

G_BEGIN_DECLS

/* How long any helper below waits for its state before the test fails:
 * long enough for a busy machine (the sanitizer pass), and only ever
 * spent when something is wrong. */
#define UI_TIMEOUT_MS 5000

/* Every helper waits for a state, never for a fixed time: it runs the
 * main loop (blocking in it, woken by whatever the app does, and at
 * least every 50 ms) until its state holds, and fails the test if the
 * state has not come after UI_TIMEOUT_MS. */

/* Asserts @expr, giving the app up to UI_TIMEOUT_MS (running its main
 * loop, and checking @expr after each of its iterations) to get there:
 * input from xdotool arrives asynchronously, and a busy machine is slow. */
#define ui_assert_eventually(expr)                                            \
  G_STMT_START {                                                              \
    gint64 ui_end_ = g_get_monotonic_time () + UI_TIMEOUT_MS * 1000;          \
    while (!(expr) && ui_iterate_until (ui_end_))                             \
      ;                                                                       \
    g_assert_true (expr);                                                     \
  } G_STMT_END

/* One iteration of the main loop, blocking until something happens, 50
 * ms at most, and never past @end (g_get_monotonic_time()).  FALSE once
 * @end has passed: the building block of the waits, for conditions of a
 * test's own:  while (!done (x) && ui_iterate_until (end)); */
gboolean   ui_iterate_until       (gint64        end);

/* Runs the main loop until condition (@data) is TRUE, checked after each
 * iteration; FALSE if it still is not after @timeout_ms. */
gboolean   ui_wait_for            (gboolean    (*condition) (gpointer data),
                                   gpointer      data,
                                   guint         timeout_ms);

/* Queues a redraw of @widget and waits until its surface's frame clock
 * has painted a frame after the call ("after-paint"): style, layout and
 * drawing have caught up with everything done before it.  A widget that
 * is not mapped is drawn in no frame: then it returns at once. */
void       ui_wait_frame          (GtkWidget    *widget);

/* Waits until @widget is mapped and a frame has been painted since: it
 * is on screen, allocated and drawn, and takes input. */
void       ui_wait_mapped         (GtkWidget    *widget);

/* Waits until @widget is allocated @width × @height (-1: either) and a
 * frame has been painted at that size, e.g. after
 * gtk_window_set_default_size(), which the window system carries out
 * asynchronously.  The size is that of the widget's border box
 * (gtk_widget_compute_bounds()): for a window, the size
 * gtk_window_set_default_size() asks for (gtk_widget_get_width() of an
 * AdwApplicationWindow is 10 px less, inside its decorations' border). */
void       ui_wait_allocation     (GtkWidget    *widget,
                                   int           width,
                                   int           height);

/* Waits until the keyboard focus is in @widget: its window is active
 * and the window's focus widget is @widget or inside it (a
 * GtkSearchEntry's focus is its GtkText). */
void       ui_wait_focus          (GtkWidget    *widget);

/* Waits until @window's focus widget is another than @from (which may be
 * NULL) and returns the new one (NULL when nothing has the focus). */
GtkWidget *ui_wait_focus_change   (GtkWindow    *window,
                                   GtkWidget    *from);

/* Waits until @widget is mapped, allocated and still: drawn at its own
 * size in its window (no transform scales it, as one does a dialog that
 * grows into place) and at the same place in two frames painted one after
 * the other (nothing slides it).  A click aimed at it then lands on it. */
void       ui_wait_still          (GtkWidget    *widget);

/* Waits until @view shows what its show-content says and nothing else:
 * when it is collapsed, the transition to that page has ended (the page
 * it covered is unmapped); side by side, both pages are mapped.  Then a
 * frame has been painted.  Its show-content changes at once; the page
 * slides into place over some frames, and a click aimed at it meanwhile
 * lands beside it. */
void       ui_wait_navigation     (AdwNavigationSplitView *view);

/* Destroys @window and waits until it is finalized: nothing holds it any
 * longer (an idle or a frame of its own, the application), and nothing it
 * set off is still to run. */
void       ui_destroy_window      (GtkWindow    *window);

/* Runs the main loop until it has nothing ready to run: what the test did
 * before has run to its end on the main loop (idles, signal handlers,
 * timeouts that were due, events that had arrived).  It does not wait for
 * timeouts due later, nor for other threads: to show that something did
 * NOT happen, wait first for the state that would come before it. */
void       ui_wait_idle           (void);

/* Keys and clicks are real X events, sent with xdotool (XTEST), so they
 * go through GTK's whole input path.  xdotool returns once the X server
 * has them, before GTK has seen them; each helper then waits until GTK
 * has received and handled every event xdotool sent (an emission hook on
 * GdkSurface::event counts them, on whatever surface they arrive: the
 * window, a popover, a dialog the key opened on the way; once a surface
 * that took some of them has gone, such as a dialog closing on Escape,
 * the rest are not waited for), and then for a frame of the window
 * (ui_wait_frame()).  Set G_MESSAGES_DEBUG=all to see the counts. */

/* Gives @window the X input focus if it is not active (with no window
 * manager, windowfocus works and windowactivate does not) and waits
 * until it is active. */
void       ui_focus_window        (GtkWindow    *window);

/* Presses and releases @keys in @window: xdotool key names separated by
 * spaces, e.g. "alt+Right Down", 30 ms apart; waits until GTK has
 * received every press and release.  (GTK's main loop does not run while
 * xdotool sends them: they reach GTK together.) */
void       ui_keys                (GtkWindow    *window,
                                   const char   *keys);

/* Types @text (UTF-8) into @window's focus widget, with xdotool type,
 * 40 ms a character; waits until GTK has received the key events of
 * every character.  (They reach GTK together, after xdotool has typed
 * them all: no completion of a file chooser's comes in between.) */
void       ui_type                (GtkWindow    *window,
                                   const char   *text);

/* A left click in the middle of @widget (in its window or in a popover);
 * waits until GTK has received the button's press and release. */
void       ui_click               (GtkWidget    *widget);

GtkWidget *ui_find_widget         (gpointer      root,
                                   GType         type);
GtkWidget *ui_find_by_label       (GtkWidget    *root,
                                   GType         type,
                                   const char   *text);

const char  *ui_data_home          (void);
char        *ui_study_file         (void);

/* A message a UI test lets through although every warning and critical
 * is fatal under g_test: @filter gets each warning and critical (its
 * level without flags, its domain, its text) and returns TRUE for the
 * ones to let through, which are then written as a test message ("#
 * tolerated (@why): ...") and are not fatal.  Make it exact (domain,
 * level and text, and the library version that needs it).  Call before
 * ui_init() or ui_start_app(), in place of g_log_set_writer_func(): a
 * process has one log writer, ui_log_writer(), and ui_init() installs it
 * when any filter is registered (two are built in: see ui_init()). */
typedef gboolean (*UiLogFilter) (GLogLevelFlags  log_level,
                                 const char     *log_domain,
                                 const char     *message);
void         ui_tolerate_log       (const char       *why,
                                   UiLogFilter       filter);
GLogWriterOutput ui_log_writer     (GLogLevelFlags    log_level,
                                   const GLogField  *fields,
                                   gsize             n_fields,
                                   gpointer          user_data);

/* gtk_test_init() for the UI tests, then the test's own locale (from the
 * environment: C.UTF-8, zh_CN.UTF-8 or C; gtk_test_init() forces
 * en_US.UTF-8).  Call adw_init() after it (ui_start_app() does, after
 * wenda_i18n_init(), in the app's own order).  It lets through, as test
 * messages, the one warning GDK 4.24 logs under X11 for any popover, and
 * with libadwaita before 1.10 GTK's warning about an alert's one-line
 * heading (see ui-helpers.c), and installs ui_log_writer() when there is
 * any message to let through. */
void         ui_init               (int               *argc,
                                   char            ***argv);

/* ui_init(), then the real application, as the UI tests use it:
 * registered on the test's session bus, activated, its window mapped at
 * 1000 × 700 and drawn, and the main loop idle.  The tests then drive the
 * main loop themselves. */
WendaWindow *ui_start_app          (int               *argc,
                                   char            ***argv,
                                   WendaApplication **app);

/* Opens topic @number, as wenda_window_show_topic() does for a link, and
 * waits until the window has painted it. */
void         ui_show_topic         (WendaWindow       *window,
                                   guint              number);
/* An object of @widget's template (of @type), by its id, or, if it has
 * none of that name, of a composite widget's inside it (the window's
 * sidebar): the lookup of the tests' WIN (...). */
GObject     *ui_template_object    (gpointer           widget,
                                   GType              type,
                                   const char        *name);
GtkWidget   *ui_template_child     (gpointer           widget,
                                   GType              type,
                                   const char        *name);

/* What a reader sees of the text in @widget (a WendaRichView, or anything
 * holding labels): the text of every visible label inside it, depth first,
 * joined by @separator.  Labels with the class "wenda-list-marker" are
 * left out unless @markers. */
char        *ui_label_texts        (GtkWidget         *widget,
                                    const char        *separator,
                                    gboolean           markers);
/* The first widget of @type under @widget, depth first, or NULL; with
 * @n, the n-th (from 0) */
GtkWidget   *ui_find_nth           (GtkWidget         *widget,
                                    GType              type,
                                    guint              n);
/* How many widgets of @type are under @widget */
guint        ui_count_widgets      (GtkWidget         *widget,
                                    GType              type);

/* A catalog (.mo, in memory) of @pairs, msgid then msgstr, NULL at the
 * end: a bank's English for a test */
WendaCatalog *ui_make_catalog      (const char * const *pairs);

G_END_DECLS
