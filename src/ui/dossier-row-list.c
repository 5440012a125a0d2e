/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-row-list.h"

/* Rows per chunk after the first: one chunk is built per idle turn, a few
 * tens of milliseconds of work. */
#define CHUNK_SIZE 50

struct _DossierRowList
{
  AdwBin                      parent_instance;

  GtkWidget                  *chunks_box;
  GtkWidget                  *show_all_button;
  GtkLabel                   *show_all_label;

  GListModel                 *model;
  GtkListBoxCreateWidgetFunc  create_func;
  gpointer                    user_data;
  GDestroyNotify              user_data_free;
  guint                       n_shown;
  /* The first chunk's rows: dossier_row_list_grow() extends it. */
  GtkSliceListModel          *first_slice;
  guint                       fill_source;
};

G_DEFINE_FINAL_TYPE (DossierRowList, dossier_row_list, ADW_TYPE_BIN)

static void
update_button (DossierRowList *self)
{
  guint n_items = self->model ? g_list_model_get_n_items (self->model) : 0;

  gtk_widget_set_visible (self->show_all_button, self->fill_source == 0 && self->n_shown < n_items);
}

static void
add_chunk (DossierRowList *self,
           guint           size)
{
  g_autoptr(GtkSliceListModel) slice = NULL;
  guint n_items = g_list_model_get_n_items (self->model);
  GtkWidget *list_box;
  GtkWidget *previous;

  size = MIN (size, n_items - self->n_shown);
  if (size == 0)
    return;

  list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_widget_add_css_class (list_box, "row-list-chunk");

  /* The slice follows the model should it change; ours never do. */
  slice = gtk_slice_list_model_new (g_object_ref (self->model), self->n_shown, size);
  gtk_list_box_bind_model (GTK_LIST_BOX (list_box), G_LIST_MODEL (slice),
                           self->create_func, self->user_data, NULL);
  previous = gtk_widget_get_last_child (self->chunks_box);
  if (previous != NULL)
    gtk_widget_remove_css_class (previous, "last-chunk");
  gtk_widget_add_css_class (list_box, "last-chunk");
  gtk_box_append (GTK_BOX (self->chunks_box), list_box);
  if (self->n_shown == 0)
    g_set_object (&self->first_slice, slice);
  self->n_shown += size;
}

static gboolean
fill_cb (gpointer user_data)
{
  DossierRowList *self = user_data;

  add_chunk (self, CHUNK_SIZE);
  if (self->n_shown < g_list_model_get_n_items (self->model))
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

void
dossier_row_list_show_all (DossierRowList *self)
{
  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));

  if (self->model == NULL || self->fill_source != 0 ||
      self->n_shown >= g_list_model_get_n_items (self->model))
    return;

  self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
  update_button (self);
}

static void
show_all_clicked_cb (DossierRowList *self)
{
  dossier_row_list_show_all (self);
}

void
dossier_row_list_unbind (DossierRowList *self)
{
  GtkWidget *child;

  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));

  g_clear_handle_id (&self->fill_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (self->chunks_box)) != NULL)
    {
      gtk_list_box_bind_model (GTK_LIST_BOX (child), NULL, NULL, NULL, NULL);
      gtk_box_remove (GTK_BOX (self->chunks_box), child);
    }

  if (self->user_data_free != NULL)
    self->user_data_free (self->user_data);
  self->user_data_free = NULL;
  self->user_data = NULL;
  self->create_func = NULL;
  g_clear_object (&self->model);
  self->n_shown = 0;
  g_clear_object (&self->first_slice);

  update_button (self);
}

gboolean
dossier_row_list_shrink (DossierRowList *self,
                         guint           n_rows)
{
  GtkWidget *last;

  g_return_val_if_fail (DOSSIER_IS_ROW_LIST (self), FALSE);

  g_clear_handle_id (&self->fill_source, g_source_remove);
  last = gtk_widget_get_last_child (self->chunks_box);
  if (last != NULL && last != gtk_widget_get_first_child (self->chunks_box))
    {
      guint n_chunk_rows = 0;

      for (GtkWidget *row = gtk_widget_get_first_child (last); row != NULL;
           row = gtk_widget_get_next_sibling (row))
        n_chunk_rows++;
      gtk_list_box_bind_model (GTK_LIST_BOX (last), NULL, NULL, NULL, NULL);
      gtk_box_remove (GTK_BOX (self->chunks_box), last);
      gtk_widget_add_css_class (gtk_widget_get_last_child (self->chunks_box), "last-chunk");
      self->n_shown -= MIN (self->n_shown, n_chunk_rows);
    }
  else if (self->first_slice != NULL && self->n_shown > n_rows)
    {
      self->n_shown -= n_rows;
      gtk_slice_list_model_set_size (self->first_slice, self->n_shown);
    }
  else
    {
      dossier_row_list_unbind (self);
      return FALSE;
    }

  update_button (self);
  return TRUE;
}

static void
bind_model (DossierRowList             *self,
            GListModel                 *model,
            const char                 *show_all_label,
            GtkListBoxCreateWidgetFunc  create_func,
            gpointer                    user_data,
            GDestroyNotify              user_data_free,
            guint                       n_rows)
{
  dossier_row_list_unbind (self);

  self->model = g_object_ref (model);
  self->create_func = create_func;
  self->user_data = user_data;
  self->user_data_free = user_data_free;
  gtk_label_set_text (self->show_all_label, show_all_label != NULL ? show_all_label : "");

  add_chunk (self, n_rows);
  update_button (self);
}

void
dossier_row_list_bind_model (DossierRowList             *self,
                             GListModel                 *model,
                             const char                 *show_all_label,
                             GtkListBoxCreateWidgetFunc  create_func,
                             gpointer                    user_data,
                             GDestroyNotify              user_data_free)
{
  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (create_func != NULL);

  bind_model (self, model, show_all_label, create_func, user_data, user_data_free,
              DOSSIER_ROW_LIST_INITIAL_ROWS);
}

void
dossier_row_list_bind_model_deferred (DossierRowList             *self,
                                      GListModel                 *model,
                                      const char                 *show_all_label,
                                      GtkListBoxCreateWidgetFunc  create_func,
                                      gpointer                    user_data,
                                      GDestroyNotify              user_data_free)
{
  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));
  g_return_if_fail (G_IS_LIST_MODEL (model));
  g_return_if_fail (create_func != NULL);

  bind_model (self, model, show_all_label, create_func, user_data, user_data_free, 0);
}

gboolean
dossier_row_list_grow (DossierRowList *self,
                       guint           n_rows)
{
  guint target;

  g_return_val_if_fail (DOSSIER_IS_ROW_LIST (self), FALSE);

  /* "Show All" already builds everything, a chunk per idle turn. */
  if (self->model == NULL || self->fill_source != 0)
    return FALSE;

  target = MIN (DOSSIER_ROW_LIST_INITIAL_ROWS, g_list_model_get_n_items (self->model));
  n_rows = MIN (n_rows, target - MIN (target, self->n_shown));
  if (n_rows > 0 && self->first_slice == NULL)
    add_chunk (self, n_rows);
  else if (n_rows > 0)
    {
      /* The first rows stay in one list box: a chunk per step made the
       * theme restyle, and GTK measure again, the rows before it. */
      self->n_shown += n_rows;
      gtk_slice_list_model_set_size (self->first_slice, self->n_shown);
    }
  update_button (self);

  return self->n_shown < target;
}

guint
dossier_row_list_get_n_shown (DossierRowList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ROW_LIST (self), 0);

  return self->n_shown;
}

static void
dossier_row_list_dispose (GObject *object)
{
  DossierRowList *self = DOSSIER_ROW_LIST (object);

  if (self->chunks_box != NULL)
    dossier_row_list_unbind (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ROW_LIST);

  G_OBJECT_CLASS (dossier_row_list_parent_class)->dispose (object);
}

static void
dossier_row_list_class_init (DossierRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_row_list_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-row-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierRowList, chunks_box);
  gtk_widget_class_bind_template_child (widget_class, DossierRowList, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, DossierRowList, show_all_label);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked_cb);
}

static void
dossier_row_list_init (DossierRowList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_row_list_new (void)
{
  return g_object_new (DOSSIER_TYPE_ROW_LIST, NULL);
}
