/* wenda-topic-row.h: a row of the topic list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "wenda-qa-item.h"

G_BEGIN_DECLS

#define WENDA_TYPE_TOPIC_ROW (wenda_topic_row_get_type ())

G_DECLARE_FINAL_TYPE (WendaTopicRow, wenda_topic_row, WENDA, TOPIC_ROW, GtkWidget)

WendaTopicRow    *wenda_topic_row_new      (void);
WendaQaItem      *wenda_topic_row_get_item (WendaTopicRow    *self);
void              wenda_topic_row_set_item (WendaTopicRow    *self,
                                            WendaQaItem      *item);
WendaContentMode  wenda_topic_row_get_mode (WendaTopicRow    *self);
void              wenda_topic_row_set_mode (WendaTopicRow    *self,
                                            WendaContentMode  mode);

G_END_DECLS
