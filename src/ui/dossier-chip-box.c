/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chip-box.h"

#include "dossier-wrap-layout.h"

#include <glib/gi18n.h>

/* Chips added per idle turn after "Show All": the batch grows with the
 * chips already there (each batch costs a relayout of all of them, so
 * fixed batches would cost quadratic time), within bounds that keep every
 * turn of the main loop short. */
#define MIN_BATCH_SIZE 250
#define MAX_BATCH_SIZE 2000
/* Longer chips are ellipsized; the whole text is in the tooltip. */
#define MAX_CHIP_CHARS 40

struct _DossierChipBox
{
  GtkWidget   parent_instance;

  GListModel *model;
  guint       n_shown;
  GtkWidget  *show_all_button;
  guint       fill_source;
};

G_DEFINE_FINAL_TYPE (DossierChipBox, dossier_chip_box, GTK_TYPE_WIDGET)

static GtkWidget *
create_chip (const char *text)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* set_text, never set_markup: the text comes from the profile. */
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHIP_CHARS);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "chip");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);
  if (g_utf8_strlen (text, -1) > MAX_CHIP_CHARS)
    gtk_widget_set_tooltip_text (label, text);

  return label;
}

static void
add_chips (DossierChipBox *self,
           guint           up_to)
{
  guint n_items = self->model ? g_list_model_get_n_items (self->model) : 0;

  up_to = MIN (up_to, n_items);
  for (; self->n_shown < up_to; self->n_shown++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (self->model, self->n_shown);
      const char *text = gtk_string_object_get_string (item);

      gtk_widget_insert_before (create_chip (text != NULL ? text : ""),
                                GTK_WIDGET (self),
                                self->show_all_button);
    }

  gtk_widget_set_visible (self->show_all_button, self->n_shown < n_items && self->fill_source == 0);
}

static void
remove_chips (DossierChipBox *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->fill_source, g_source_remove);

  child = gtk_widget_get_first_child (GTK_WIDGET (self));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (child != self->show_all_button)
        gtk_widget_unparent (child);
      child = next;
    }
  self->n_shown = 0;
}

static gboolean
fill_cb (gpointer user_data)
{
  DossierChipBox *self = user_data;
  guint n_items = g_list_model_get_n_items (self->model);

  add_chips (self, self->n_shown + CLAMP (self->n_shown, MIN_BATCH_SIZE, MAX_BATCH_SIZE));
  if (self->n_shown < n_items)
    return G_SOURCE_CONTINUE;

  self->fill_source = 0;
  return G_SOURCE_REMOVE;
}

void
dossier_chip_box_show_all (DossierChipBox *self)
{
  g_return_if_fail (DOSSIER_IS_CHIP_BOX (self));

  if (self->model == NULL || self->fill_source != 0)
    return;

  gtk_widget_set_visible (self->show_all_button, FALSE);
  if (self->n_shown < g_list_model_get_n_items (self->model))
    self->fill_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, fill_cb, self, NULL);
}

static void
show_all_clicked_cb (DossierChipBox *self)
{
  dossier_chip_box_show_all (self);
}

static void
update_show_all_label (DossierChipBox *self)
{
  guint n_items = self->model ? g_list_model_get_n_items (self->model) : 0;
  g_autofree char *label = NULL;

  /* Translators: on a button after the first chips of a long list; %'u is
   * the number of items in the whole list, e.g. "Show All 1,250". */
  label = g_strdup_printf (ngettext ("Show All %'u", "Show All %'u", n_items), n_items);
  gtk_button_set_label (GTK_BUTTON (self->show_all_button), label);
}

void
dossier_chip_box_set_model (DossierChipBox *self,
                            GListModel     *model)
{
  g_return_if_fail (DOSSIER_IS_CHIP_BOX (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  remove_chips (self);
  g_set_object (&self->model, model);
  update_show_all_label (self);
  add_chips (self, DOSSIER_CHIP_BOX_INITIAL_CHIPS);
}

GListModel *
dossier_chip_box_get_model (DossierChipBox *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHIP_BOX (self), NULL);

  return self->model;
}

guint
dossier_chip_box_get_n_shown (DossierChipBox *self)
{
  g_return_val_if_fail (DOSSIER_IS_CHIP_BOX (self), 0);

  return self->n_shown;
}

static void
dossier_chip_box_dispose (GObject *object)
{
  DossierChipBox *self = DOSSIER_CHIP_BOX (object);

  remove_chips (self);
  g_clear_pointer (&self->show_all_button, gtk_widget_unparent);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (dossier_chip_box_parent_class)->dispose (object);
}

static void
dossier_chip_box_class_init (DossierChipBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_chip_box_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, DOSSIER_TYPE_WRAP_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chipbox");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
dossier_chip_box_init (DossierChipBox *self)
{
  /* The only fixed child, so no template: the chips come and go. */
  self->show_all_button = gtk_button_new ();
  gtk_widget_add_css_class (self->show_all_button, "chip");
  gtk_widget_add_css_class (self->show_all_button, "show-all");
  gtk_widget_set_visible (self->show_all_button, FALSE);
  g_signal_connect_swapped (self->show_all_button, "clicked", G_CALLBACK (show_all_clicked_cb), self);
  gtk_widget_set_parent (self->show_all_button, GTK_WIDGET (self));
}

GtkWidget *
dossier_chip_box_new (void)
{
  return g_object_new (DOSSIER_TYPE_CHIP_BOX, NULL);
}
