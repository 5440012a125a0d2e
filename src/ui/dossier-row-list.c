/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-row-list.h"

/* Rows added per idle turn after "Show All". */
#define BATCH_SIZE 50

struct _DossierRowList
{
  AdwBin               parent_instance;

  GtkListBox          *list_box;
  GtkWidget           *show_all_button;
  GtkLabel            *show_all_label;

  GtkSliceListModel   *slice;
  guint                fill_source;
};

G_DEFINE_FINAL_TYPE (DossierRowList, dossier_row_list, ADW_TYPE_BIN)

static void
update_button (DossierRowList *self)
{
  GListModel *model = self->slice ? gtk_slice_list_model_get_model (self->slice) : NULL;
  guint n_items = model ? g_list_model_get_n_items (model) : 0;

  gtk_widget_set_visible (self->show_all_button,
                          self->fill_source == 0 && dossier_row_list_get_n_shown (self) < n_items);
}

static gboolean
fill_cb (gpointer user_data)
{
  DossierRowList *self = user_data;
  GListModel *model = gtk_slice_list_model_get_model (self->slice);
  guint n_items = g_list_model_get_n_items (model);
  guint size = gtk_slice_list_model_get_size (self->slice);

  /* The list box builds the new rows in the items-changed handler. */
  gtk_slice_list_model_set_size (self->slice, MIN (n_items, size + BATCH_SIZE));
  if (size + BATCH_SIZE < n_items)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

void
dossier_row_list_show_all (DossierRowList *self)
{
  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));

  if (self->slice == NULL || self->fill_source != 0)
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
  g_return_if_fail (DOSSIER_IS_ROW_LIST (self));

  g_clear_handle_id (&self->fill_source, g_source_remove);
  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->slice);
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

  dossier_row_list_unbind (self);

  self->slice = gtk_slice_list_model_new (g_object_ref (model), 0, DOSSIER_ROW_LIST_INITIAL_ROWS);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->slice),
                           create_func, user_data, user_data_free);
  gtk_label_set_text (self->show_all_label, show_all_label != NULL ? show_all_label : "");
  update_button (self);
}

GtkListBox *
dossier_row_list_get_list_box (DossierRowList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ROW_LIST (self), NULL);

  return self->list_box;
}

guint
dossier_row_list_get_n_shown (DossierRowList *self)
{
  g_return_val_if_fail (DOSSIER_IS_ROW_LIST (self), 0);

  return self->slice ? g_list_model_get_n_items (G_LIST_MODEL (self->slice)) : 0;
}

static void
dossier_row_list_dispose (GObject *object)
{
  DossierRowList *self = DOSSIER_ROW_LIST (object);

  g_clear_handle_id (&self->fill_source, g_source_remove);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->slice);

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
  gtk_widget_class_bind_template_child (widget_class, DossierRowList, list_box);
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
