/* wenda-sidebar-sections.c: the topic list's section headers, and
 * studying a section
 *
 * A bank with sections (wenda_bank_get_sections()) lists its topics under
 * headers: WendaMatchModel is a GtkSectionModel whose sections are the
 * runs of matches in one section of the bank, so a search or a filter
 * keeps the grouping, and the list has a header factory while such a bank
 * is shown (a bank with none shows no header).  A header shows its
 * section's path, "第一章 数学基础 › 1.1 向量", in the reading language, as
 * plain text; it is a heading for screen readers; its button studies the
 * topics the list shows in that section.
 *
 * Any section a topic is in, its own or one around it, can be studied
 * from a context menu: a right click or a long press on a topic or on a
 * header, or Menu or Shift+F10 on the focused topic (headers take no
 * focus, so that is the keyboard's way).  Each item of the menu is
 * sidebar.study-section with the section's place in the bank's sections;
 * it emits study-section, and the window starts the session.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "wenda-sidebar-private.h"
#include "wenda-topic-row.h"

/* Set on a header's box, label and button: its GtkListHeader */
#define HEADER_KEY "wenda-list-header"

static WendaLanguage
reading_language (WendaSidebar *self)
{
  return self->shown_mode == WENDA_CONTENT_MODE_EN ? WENDA_LANGUAGE_EN : WENDA_LANGUAGE_ZH;
}

/* The section of a header: its first topic's */
static WendaSection *
header_section (GtkListHeader *header)
{
  WendaQaItem *item = gtk_list_header_get_item (header);

  return item != NULL ? wenda_qa_item_get_section (item) : NULL;
}

/* The context menu {{{ */

/* "Study “1.1 向量”", then "Study “第一章 数学基础”": @section and the
 * sections around it */
static GMenuModel *
section_menu (WendaSidebar *self,
              WendaSection *section)
{
  GPtrArray *sections = wenda_bank_get_sections (self->bank);
  g_autoptr(GMenu) menu = g_menu_new ();

  for (WendaSection *s = section; s != NULL; s = wenda_section_get_parent (s))
    {
      g_autofree char *label = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *title = NULL;
      g_autoptr(GMenuItem) item = NULL;
      guint index;

      /* Its place in the bank's list (not its own index, which another
       * bank made with the same sections may have set) */
      if (!g_ptr_array_find (sections, s, &index))
        continue;

      /* A menu label reads "_" as a mnemonic: a title's own is "__" */
      parts = g_strsplit (wenda_section_get_title_in (s, reading_language (self)), "_", -1);
      title = g_strjoinv ("__", parts);
      /* Translators: a context menu item; %s is a section's title, as in
       * "Study “1.1 向量”" */
      label = g_strdup_printf (_("Study “%s”"), title);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "sidebar.study-section",
                                               g_variant_new_uint32 (index));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
unparent_menu (gpointer data)
{
  g_autoptr(GtkWidget) popover = data;

  if (gtk_widget_get_parent (popover) != NULL)
    gtk_widget_unparent (popover);
}

/* Once the menu has done what it was chosen for */
static void
on_menu_closed (GtkPopover *popover)
{
  g_idle_add_once (unparent_menu, g_object_ref (popover));
}

/* Pops up the menu of @section on @parent (a topic row or a header), at
 * @x, @y in @parent, or pointing at the whole of it when @x is < 0 */
static void
popup_section_menu (WendaSidebar *self,
                    GtkWidget    *parent,
                    WendaSection *section,
                    double        x,
                    double        y)
{
  g_autoptr(GMenuModel) menu = NULL;
  GtkWidget *popover;

  if (self->bank == NULL)
    return;

  menu = section_menu (self, section);
  popover = gtk_popover_menu_new_from_model (menu);

  gtk_widget_set_parent (popover, parent);
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  if (x >= 0)
    gtk_popover_set_pointing_to (GTK_POPOVER (popover),
                                 &(GdkRectangle) { (int)x, (int)y, 1, 1 });
  g_signal_connect (popover, "closed", G_CALLBACK (on_menu_closed), NULL);
  gtk_popover_popup (GTK_POPOVER (popover));
}

/* The topic row or the header @widget is in, and its section */
static GtkWidget *
find_section_target (WendaSidebar  *self,
                     GtkWidget     *widget,
                     WendaSection **section)
{
  for (GtkWidget *w = widget; w != NULL && w != GTK_WIDGET (self->list_view); w = gtk_widget_get_parent (w))
    {
      GtkListHeader *header = g_object_get_data (G_OBJECT (w), HEADER_KEY);

      if (WENDA_IS_TOPIC_ROW (w))
        {
          WendaQaItem *item = wenda_topic_row_get_item (WENDA_TOPIC_ROW (w));

          *section = item != NULL ? wenda_qa_item_get_section (item) : NULL;
          return *section != NULL ? w : NULL;
        }
      if (header != NULL)
        {
          *section = header_section (header);
          return *section != NULL ? w : NULL;
        }
    }

  *section = NULL;
  return NULL;
}

/* A right click or a long press at @x, @y in the list */
static gboolean
popup_at (WendaSidebar *self,
          double        x,
          double        y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->list_view), x, y, GTK_PICK_DEFAULT);
  WendaSection *section;
  GtkWidget *target = find_section_target (self, picked, &section);
  graphene_point_t at;

  if (target == NULL ||
      !gtk_widget_compute_point (GTK_WIDGET (self->list_view), target,
                                 &GRAPHENE_POINT_INIT ((float)x, (float)y), &at))
    return FALSE;

  popup_section_menu (self, target, section, at.x, at.y);
  return TRUE;
}

static void
on_list_secondary_pressed (GtkGestureClick *gesture,
                           int              n_press,
                           double           x,
                           double           y,
                           WendaSidebar    *self)
{
  if (n_press == 1 && popup_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_list_long_pressed (GtkGestureLongPress *gesture,
                      double               x,
                      double               y,
                      WendaSidebar        *self)
{
  if (popup_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Menu or Shift+F10 on the focused topic */
static gboolean
on_list_menu_key (GtkWidget *list_view,
                  GVariant  *args,
                  gpointer   user_data)
{
  WendaSidebar *self = user_data;
  GtkRoot *root = gtk_widget_get_root (list_view);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  WendaSection *section;
  GtkWidget *target;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, list_view))
    return FALSE;

  /* The focus is on the list's item, the row inside it */
  if (WENDA_IS_TOPIC_ROW (gtk_widget_get_first_child (focus)))
    focus = gtk_widget_get_first_child (focus);
  target = find_section_target (self, focus, &section);
  if (target == NULL)
    return FALSE;

  popup_section_menu (self, target, section, -1, -1);
  return TRUE;
}

/* sidebar.study-section (u: the section's place in wenda_bank_get_sections()) */
static void
study_section_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  WendaSidebar *self = WENDA_SIDEBAR (widget);
  guint index = g_variant_get_uint32 (parameter);
  GPtrArray *sections = self->bank != NULL ? wenda_bank_get_sections (self->bank) : NULL;

  if (sections != NULL && index < sections->len)
    g_signal_emit_by_name (self, "study-section", g_ptr_array_index (sections, index));
}

/* }}} */

/* Headers {{{ */

static void
update_header (WendaSidebar *self,
               GtkWidget    *box)
{
  GtkListHeader *header = g_object_get_data (G_OBJECT (box), HEADER_KEY);
  WendaSection *section = header != NULL ? header_section (header) : NULL;
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *button = gtk_widget_get_next_sibling (label);
  g_autofree char *path = NULL;

  /* Nothing to study in the topics before the first section */
  gtk_widget_set_visible (button, section != NULL);
  if (section == NULL)
    {
      /* Translators: the header of the topics before a bank's first section */
      gtk_label_set_text (GTK_LABEL (label), _("Introduction"));
      return;
    }

  /* Plain text, never markup */
  path = wenda_section_dup_path (section, reading_language (self));
  gtk_label_set_text (GTK_LABEL (label), path);
}

static void
on_study_section_clicked (GtkButton    *button,
                          WendaSidebar *self)
{
  GtkListHeader *header = g_object_get_data (G_OBJECT (button), HEADER_KEY);
  WendaSection *section = header != NULL ? header_section (header) : NULL;

  if (section != NULL)
    g_signal_emit_by_name (self, "study-section", section);
}

static void
on_header_setup (GtkSignalListItemFactory *factory,
                 GtkListHeader            *header,
                 WendaSidebar             *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label;
  GtkWidget *button;

  /* A heading for screen readers, as it is for the eye */
  label = g_object_new (GTK_TYPE_LABEL,
                        "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                        "xalign", 0.0f,
                        "hexpand", TRUE,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "use-markup", FALSE,
                        NULL);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_from_icon_name ("media-playback-start-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "circular");
  gtk_widget_add_css_class (button, "dim-label");
  gtk_widget_set_tooltip_text (button, _("Study This Section"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Study This Section"), -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_study_section_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);

  g_object_set_data (G_OBJECT (box), HEADER_KEY, header);
  g_object_set_data (G_OBJECT (label), HEADER_KEY, header);
  g_object_set_data (G_OBJECT (button), HEADER_KEY, header);
  /* In line with the rows' text */
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_start (box, 14);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_header_set_child (header, box);
}

/* The bound headers are kept, to follow the reading mode */
static void
on_header_bind (GtkSignalListItemFactory *factory,
                GtkListHeader            *header,
                WendaSidebar             *self)
{
  GtkWidget *box = gtk_list_header_get_child (header);

  g_ptr_array_add (self->header_boxes, box);
  update_header (self, box);
}

static void
on_header_unbind (GtkSignalListItemFactory *factory,
                  GtkListHeader            *header,
                  WendaSidebar             *self)
{
  if (self->header_boxes != NULL)
    g_ptr_array_remove_fast (self->header_boxes, gtk_list_header_get_child (header));
}

/* }}} */

/* A header in view {{{ */

/* The list scrolls a topic into view, not its section's header: moving up
 * to the first topic of a section (Up, Home, the first topic of a bank as
 * it opens) leaves the header just above the top, out of sight.  For a
 * few frames after the selection moves to the first topic of a section,
 * or the list scrolls to it, the header is brought into view when it is
 * just out of sight above that topic, at the very top (as the list's own
 * scrolling leaves it; never against a scroll of the user's, which leaves
 * the header or the topic cut off instead). */

#define REVEAL_HEADER_FRAMES 8

/* The header of the section that starts at @start, on screen */
static GtkWidget *
find_header (WendaSidebar *self,
             guint         start)
{
  for (guint i = 0; self->header_boxes != NULL && i < self->header_boxes->len; i++)
    {
      GtkWidget *box = g_ptr_array_index (self->header_boxes, i);
      GtkListHeader *header = g_object_get_data (G_OBJECT (box), HEADER_KEY);

      if (header != NULL && gtk_list_header_get_start (header) == start && gtk_widget_get_mapped (box))
        return gtk_widget_get_parent (box);   /* the list's widget for the header */
    }

  return NULL;
}

static gboolean
reveal_header_tick (GtkWidget     *list_view,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  WendaSidebar *self = WENDA_SIDEBAR (user_data);
  guint position = gtk_single_selection_get_selected (self->selection);
  graphene_rect_t bounds;
  GtkWidget *header;
  guint start, end;

  if (position == GTK_INVALID_LIST_POSITION ||
      gtk_list_view_get_header_factory (self->list_view) == NULL ||
      ++self->reveal_header_frames > REVEAL_HEADER_FRAMES)
    goto done;

  gtk_section_model_get_section (GTK_SECTION_MODEL (self->selection), position, &start, &end);
  if (start != position)
    goto done;

  /* (The layout of the last frame is where the list scrolled to) */
  header = find_header (self, start);
  if (header == NULL || !gtk_widget_compute_bounds (header, list_view, &bounds))
    return G_SOURCE_CONTINUE;

  if (bounds.origin.y < 0 && ABS (bounds.origin.y + bounds.size.height) <= 1)
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));

      /* (and again if the list scrolls back meanwhile) */
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) + bounds.origin.y);
    }

  return G_SOURCE_CONTINUE;

done:
  self->reveal_header_tick = 0;
  return G_SOURCE_REMOVE;
}

/* After the list scrolled to the selected topic, or the selection moved */
void
wenda_sidebar_reveal_header (WendaSidebar *self)
{
  self->reveal_header_frames = 0;
  if (self->reveal_header_tick == 0 && gtk_list_view_get_header_factory (self->list_view) != NULL)
    self->reveal_header_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->list_view),
                                                             reveal_header_tick, self, NULL);
}

/* }}} */

/* The headers show the reading mode's titles */
void
wenda_sidebar_update_headers (WendaSidebar *self)
{
  for (guint i = 0; self->header_boxes != NULL && i < self->header_boxes->len; i++)
    update_header (self, g_ptr_array_index (self->header_boxes, i));
}

/* Headers for a bank that has sections, none for one that has none */
void
wenda_sidebar_update_header_factory (WendaSidebar *self)
{
  gboolean sections = self->bank != NULL && wenda_bank_get_sections (self->bank)->len > 0;

  gtk_list_view_set_header_factory (self->list_view, sections ? self->header_factory : NULL);
}

void
wenda_sidebar_class_sections_init (WendaSidebarClass *klass)
{
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "sidebar.study-section", "u",
                                   study_section_action);
}

void
wenda_sidebar_sections_init (WendaSidebar *self)
{
  GtkEventController *controller;
  GtkShortcut *shortcut;

  self->header_boxes = g_ptr_array_new ();
  self->header_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (self->header_factory, "setup", G_CALLBACK (on_header_setup), self, 0);
  g_signal_connect_object (self->header_factory, "bind", G_CALLBACK (on_header_bind), self, 0);
  g_signal_connect_object (self->header_factory, "unbind", G_CALLBACK (on_header_unbind), self, 0);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (wenda_sidebar_reveal_header), self, G_CONNECT_SWAPPED);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (controller), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_list_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_long_press_new ());
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (controller), TRUE);
  g_signal_connect (controller, "pressed", G_CALLBACK (on_list_long_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  controller = gtk_shortcut_controller_new ();
  shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Menu|<Shift>F10"),
                               gtk_callback_action_new (on_list_menu_key, self, NULL));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);
}
