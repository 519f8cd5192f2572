/* wenda-grid-table.c: a Markdown table as a grid of wrapped cells
 *
 * A GtkGrid cannot hold row widgets, and an assistive technology reads a
 * table as rows of cells, so the table lays its rows out itself: each
 * column is as wide as its widest cell wants, and when the table is
 * narrower than that, the columns give up width in proportion to what
 * their text can wrap, down to a floor that keeps a short word whole.
 * Below the sum of those floors, the table scrolls (its parent is a
 * GtkScrolledWindow).  Each row is as high as its highest cell at its
 * column's width.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "wenda-grid-table.h"

/* A column narrower than this wraps no more: a table of many columns
 * scrolls rather than show a character a line */
#define MIN_COLUMN_WIDTH 96

struct _WendaGridTable
{
  GtkWidget parent_instance;

  guint     n_rows;
  guint     n_columns;
};

struct _WendaGridTableRow
{
  GtkWidget parent_instance;

  guint     n_cells;
};

G_DEFINE_FINAL_TYPE (WendaGridTable, wenda_grid_table, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (WendaGridTableRow, wenda_grid_table_row, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------ columns */

/* Each column's floor and natural width */
static void
column_sizes (WendaGridTable *self,
              int            *mins,
              int            *nats)
{
  for (guint i = 0; i < self->n_columns; i++)
    mins[i] = nats[i] = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      guint i = 0;

      for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL && i < self->n_columns;
           cell = gtk_widget_get_next_sibling (cell), i++)
        {
          int min, nat;

          gtk_widget_measure (cell, GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat, NULL, NULL);
          mins[i] = MAX (mins[i], min);
          nats[i] = MAX (nats[i], nat);
        }
    }

  for (guint i = 0; i < self->n_columns; i++)
    mins[i] = MIN (nats[i], MAX (mins[i], MIN_COLUMN_WIDTH));
}

/* The width of each column when the table is @width wide */
static void
column_widths (WendaGridTable *self,
               int             width,
               int            *widths)
{
  g_autofree int *mins = g_new (int, MAX (self->n_columns, 1));
  g_autofree int *nats = g_new (int, MAX (self->n_columns, 1));
  gint64 sum_min = 0, sum_nat = 0, extra, given = 0, wants = 0;

  column_sizes (self, mins, nats);
  for (guint i = 0; i < self->n_columns; i++)
    {
      sum_min += mins[i];
      sum_nat += nats[i];
    }

  if (width < 0 || width >= sum_nat)
    {
      memcpy (widths, nats, self->n_columns * sizeof (int));
      return;
    }
  if (width <= sum_min)
    {
      memcpy (widths, mins, self->n_columns * sizeof (int));
      return;
    }

  /* Share what there is beyond the floors by what each column wants
   * beyond its floor; the last that wants any takes the rounding. */
  extra = width - sum_min;
  for (guint i = 0; i < self->n_columns; i++)
    {
      gint64 want = nats[i] - mins[i];
      gint64 share;

      wants += want;
      share = wants == sum_nat - sum_min ? extra - given : extra * want / (sum_nat - sum_min);
      if (want == 0)
        share = 0;
      widths[i] = mins[i] + (int) share;
      given += share;
    }
}

/* -------------------------------------------------------------- rows */

static void
wenda_grid_table_row_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  WendaGridTable *table = WENDA_GRID_TABLE (gtk_widget_get_parent (widget));
  g_autofree int *widths = NULL;
  guint i = 0;

  *minimum = *natural = 0;
  if (table == NULL || table->n_columns == 0)
    return;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* What the table asks of its columns, so every row is as wide */
      g_autofree int *mins = g_new (int, table->n_columns);
      g_autofree int *nats = g_new (int, table->n_columns);

      column_sizes (table, mins, nats);
      for (i = 0; i < table->n_columns; i++)
        {
          *minimum += mins[i];
          *natural += nats[i];
        }
      return;
    }

  widths = g_new (int, table->n_columns);
  column_widths (table, for_size, widths);
  for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL && i < table->n_columns;
       cell = gtk_widget_get_next_sibling (cell), i++)
    {
      int min, nat;

      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, widths[i], &min, &nat, NULL, NULL);
      *minimum = MAX (*minimum, min);
      *natural = MAX (*natural, nat);
    }
  /* Every cell of a row is as high as the row: a row asks for the
   * natural height of its highest cell */
  *minimum = *natural;
}

static void
wenda_grid_table_row_size_allocate (GtkWidget *widget,
                                    int        width,
                                    int        height,
                                    int        baseline)
{
  WendaGridTable *table = WENDA_GRID_TABLE (gtk_widget_get_parent (widget));
  g_autofree int *widths = NULL;
  int x = 0;
  guint i = 0;

  if (table == NULL || table->n_columns == 0)
    return;

  widths = g_new (int, table->n_columns);
  column_widths (table, width, widths);
  for (GtkWidget *cell = gtk_widget_get_first_child (widget); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell), i++)
    {
      int w = i < table->n_columns ? widths[i] : 0;
      int min;

      /* GTK wants every child measured before it is allocated */
      gtk_widget_measure (cell, GTK_ORIENTATION_VERTICAL, w, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (cell, &(GtkAllocation) { x, 0, w, MAX (height, min) }, -1);
      x += w;
    }
}

static void
wenda_grid_table_row_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wenda_grid_table_row_parent_class)->dispose (object);
}

static void
wenda_grid_table_row_class_init (WendaGridTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_grid_table_row_dispose;
  widget_class->measure = wenda_grid_table_row_measure;
  widget_class->size_allocate = wenda_grid_table_row_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "richrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_ROW);
}

static void
wenda_grid_table_row_init (WendaGridTableRow *self)
{
}

/* ------------------------------------------------------------- table */

static GtkSizeRequestMode
wenda_grid_table_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
wenda_grid_table_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = *natural = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int min, nat;

      gtk_widget_measure (row, orientation, for_size, &min, &nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          *minimum = MAX (*minimum, min);
          *natural = MAX (*natural, nat);
        }
      else
        {
          *minimum += min;
          *natural += nat;
        }
    }
}

static void
wenda_grid_table_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  int y = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (widget); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int min;

      gtk_widget_measure (row, GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL, NULL);
      gtk_widget_size_allocate (row, &(GtkAllocation) { 0, y, width, min }, -1);
      y += min;
    }
}

static void
wenda_grid_table_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (wenda_grid_table_parent_class)->dispose (object);
}

static void
wenda_grid_table_class_init (WendaGridTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = wenda_grid_table_dispose;
  widget_class->get_request_mode = wenda_grid_table_get_request_mode;
  widget_class->measure = wenda_grid_table_measure;
  widget_class->size_allocate = wenda_grid_table_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "richtable");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TABLE);
}

static void
wenda_grid_table_init (WendaGridTable *self)
{
}

GtkWidget *
wenda_grid_table_new (void)
{
  return g_object_new (WENDA_TYPE_GRID_TABLE, NULL);
}

GtkWidget *
wenda_grid_table_append_row (WendaGridTable *self,
                             gboolean        header)
{
  GtkWidget *row;

  g_return_val_if_fail (WENDA_IS_GRID_TABLE (self), NULL);

  row = g_object_new (WENDA_TYPE_GRID_TABLE_ROW, NULL);
  if (header)
    gtk_widget_add_css_class (row, "header");
  gtk_widget_set_parent (row, GTK_WIDGET (self));
  self->n_rows++;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_RELATION_ROW_COUNT, (int) self->n_rows,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_ROW_INDEX, (int) self->n_rows,
                                  -1);
  return row;
}

void
wenda_grid_table_row_append (WendaGridTableRow *row,
                             GtkWidget         *cell)
{
  WendaGridTable *table;

  g_return_if_fail (WENDA_IS_GRID_TABLE_ROW (row));
  g_return_if_fail (GTK_IS_WIDGET (cell));

  table = WENDA_GRID_TABLE (gtk_widget_get_parent (GTK_WIDGET (row)));
  gtk_widget_set_parent (cell, GTK_WIDGET (row));
  row->n_cells++;
  gtk_accessible_update_relation (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_RELATION_COL_INDEX, (int) row->n_cells,
                                  -1);
  if (table != NULL && row->n_cells > table->n_columns)
    {
      table->n_columns = row->n_cells;
      gtk_accessible_update_relation (GTK_ACCESSIBLE (table),
                                      GTK_ACCESSIBLE_RELATION_COL_COUNT, (int) table->n_columns,
                                      -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (row));
}

guint
wenda_grid_table_get_n_rows (WendaGridTable *self)
{
  g_return_val_if_fail (WENDA_IS_GRID_TABLE (self), 0);

  return self->n_rows;
}

guint
wenda_grid_table_get_n_columns (WendaGridTable *self)
{
  g_return_val_if_fail (WENDA_IS_GRID_TABLE (self), 0);

  return self->n_columns;
}

GtkWidget *
wenda_grid_table_get_cell (WendaGridTable *self,
                           guint           row,
                           guint           column)
{
  GtkWidget *r = gtk_widget_get_first_child (GTK_WIDGET (self));
  GtkWidget *c;

  for (guint i = 0; r != NULL && i < row; i++)
    r = gtk_widget_get_next_sibling (r);
  if (r == NULL)
    return NULL;

  c = gtk_widget_get_first_child (r);
  for (guint i = 0; c != NULL && i < column; i++)
    c = gtk_widget_get_next_sibling (c);
  return c;
}
