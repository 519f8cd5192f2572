/* wenda-grid-table.h: a Markdown table as a grid of wrapped cells, with
 * the rows and cells an assistive technology reads as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define WENDA_TYPE_GRID_TABLE (wenda_grid_table_get_type ())
G_DECLARE_FINAL_TYPE (WendaGridTable, wenda_grid_table, WENDA, GRID_TABLE, GtkWidget)

#define WENDA_TYPE_GRID_TABLE_ROW (wenda_grid_table_row_get_type ())
G_DECLARE_FINAL_TYPE (WendaGridTableRow, wenda_grid_table_row, WENDA, GRID_TABLE_ROW, GtkWidget)

GtkWidget *wenda_grid_table_new          (void);
/* A new row at the end; @header: the table's head */
GtkWidget *wenda_grid_table_append_row   (WendaGridTable    *self,
                                          gboolean           header);
/* @cell goes at the end of @row; it should have the role cell or
 * column-header */
void       wenda_grid_table_row_append   (WendaGridTableRow *row,
                                          GtkWidget         *cell);

guint      wenda_grid_table_get_n_rows    (WendaGridTable   *self);
guint      wenda_grid_table_get_n_columns (WendaGridTable   *self);
/* The cell at @row, @column, or NULL where a short row has none */
GtkWidget *wenda_grid_table_get_cell      (WendaGridTable   *self,
                                           guint             row,
                                           guint             column);

G_END_DECLS
