/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-wrap-layout.h"

struct _DossierWrapLayout
{
  GtkLayoutManager parent_instance;

  int column_spacing;
  int row_spacing;
};

G_DEFINE_FINAL_TYPE (DossierWrapLayout, dossier_wrap_layout, GTK_TYPE_LAYOUT_MANAGER)

/* Walks the visible children line by line for @width.  With @allocate,
 * places them; always returns the total height. */
static int
layout_lines (DossierWrapLayout *self,
              GtkWidget         *widget,
              int                width,
              gboolean           allocate)
{
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GtkWidget *line_start = NULL;
  GtkWidget *child;
  int x = 0, y = 0, line_height = 0;

  child = gtk_widget_get_first_child (widget);
  while (child != NULL || line_start != NULL)
    {
      int child_width = 0, child_height = 0;
      gboolean ends_line;

      if (child != NULL && !gtk_widget_should_layout (child))
        {
          child = gtk_widget_get_next_sibling (child);
          continue;
        }

      if (child != NULL)
        {
          int nat_width, min_height;

          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_width, NULL, NULL);
          child_width = MIN (nat_width, width);
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_width, &min_height, NULL, NULL, NULL);
          child_height = min_height;
        }

      /* The line ends before this child when it would not fit (a first
       * child always fits), or at the end. */
      ends_line = child == NULL || (line_start != NULL && x + child_width > width);

      if (ends_line && line_start != NULL)
        {
          if (allocate)
            {
              int line_x = 0;

              /* Second pass over the line, now that its height is known. */
              for (GtkWidget *c = line_start; c != child; c = gtk_widget_get_next_sibling (c))
                {
                  int nat_width, w;

                  if (!gtk_widget_should_layout (c))
                    continue;
                  gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat_width, NULL, NULL);
                  w = MIN (nat_width, width);
                  gtk_widget_size_allocate (c,
                                            &(GtkAllocation) {
                                              rtl ? width - line_x - w : line_x, y, w, line_height
                                            },
                                            -1);
                  line_x += w + self->column_spacing;
                }
            }

          y += line_height + self->row_spacing;
          x = 0;
          line_height = 0;
          line_start = NULL;
        }

      if (child == NULL)
        break;

      if (line_start == NULL)
        line_start = child;
      x += child_width + self->column_spacing;
      line_height = MAX (line_height, child_height);
      child = gtk_widget_get_next_sibling (child);
    }

  return y > 0 ? y - self->row_spacing : 0;
}

static GtkSizeRequestMode
dossier_wrap_layout_get_request_mode (GtkLayoutManager *manager,
                                      GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
dossier_wrap_layout_measure (GtkLayoutManager *manager,
                             GtkWidget        *widget,
                             GtkOrientation    orientation,
                             int               for_size,
                             int              *minimum,
                             int              *natural,
                             int              *minimum_baseline,
                             int              *natural_baseline)
{
  DossierWrapLayout *self = DOSSIER_WRAP_LAYOUT (manager);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      /* As narrow as the widest child's minimum; as wide as one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat;
          n++;
        }
      if (n > 1)
        nat += (n - 1) * self->column_spacing;

      *minimum = min;
      *natural = nat;
    }
  else
    {
      int width = for_size;
      int height;

      if (width < 0)
        {
          int nat_width, unused_baseline;

          dossier_wrap_layout_measure (manager, widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                       &width, &nat_width, &unused_baseline, &unused_baseline);
        }

      height = layout_lines (self, widget, width, FALSE);
      *minimum = height;
      *natural = height;
    }

  *minimum_baseline = -1;
  *natural_baseline = -1;
}

static void
dossier_wrap_layout_allocate (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              int               width,
                              int               height,
                              int               baseline)
{
  layout_lines (DOSSIER_WRAP_LAYOUT (manager), widget, width, TRUE);
}

static void
dossier_wrap_layout_class_init (DossierWrapLayoutClass *klass)
{
  GtkLayoutManagerClass *manager_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  manager_class->get_request_mode = dossier_wrap_layout_get_request_mode;
  manager_class->measure = dossier_wrap_layout_measure;
  manager_class->allocate = dossier_wrap_layout_allocate;
}

static void
dossier_wrap_layout_init (DossierWrapLayout *self)
{
  self->column_spacing = 6;
  self->row_spacing = 6;
}

GtkLayoutManager *
dossier_wrap_layout_new (void)
{
  return g_object_new (DOSSIER_TYPE_WRAP_LAYOUT, NULL);
}

void
dossier_wrap_layout_set_spacing (DossierWrapLayout *self,
                                 int                column_spacing,
                                 int                row_spacing)
{
  g_return_if_fail (DOSSIER_IS_WRAP_LAYOUT (self));

  self->column_spacing = MAX (column_spacing, 0);
  self->row_spacing = MAX (row_spacing, 0);
  gtk_layout_manager_layout_changed (GTK_LAYOUT_MANAGER (self));
}
