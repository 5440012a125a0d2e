/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-property-row.h"

#include <glib/gi18n.h>

struct _DossierPropertyRow
{
  GtkListBoxRow  parent_instance;

  GtkBox        *text_box;
  GtkLabel      *title_label;
  GtkLabel      *value_label;
  GtkWidget     *copy_button;
  GtkWidget     *content;

  char          *value;
};

G_DEFINE_FINAL_TYPE (DossierPropertyRow, dossier_property_row, GTK_TYPE_LIST_BOX_ROW)

static void
update_copy_target (DossierPropertyRow *self)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->copy_button),
                                          g_variant_new_string (self->value ? self->value : ""));
}

void
dossier_property_row_set_value (DossierPropertyRow *self,
                                const char         *value)
{
  g_return_if_fail (DOSSIER_IS_PROPERTY_ROW (self));

  g_free (self->value);
  self->value = g_strdup (value);
  gtk_label_set_text (self->value_label, value ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), self->content == NULL && value != NULL && *value != '\0');
  update_copy_target (self);
}

void
dossier_property_row_set_items (DossierPropertyRow *self,
                                const char * const *items)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) copy = g_string_new (NULL);

  g_return_if_fail (DOSSIER_IS_PROPERTY_ROW (self));

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        {
          g_string_append_c (text, '\n');
          g_string_append_c (copy, '\n');
        }
      /* Translators: a bullet before each item of a list value. */
      g_string_append_printf (text, _("• %s"), items[i]);
      g_string_append (copy, items[i]);
    }

  /* The copy is the items one a line, without bullets. */
  g_free (self->value);
  self->value = g_string_free (g_steal_pointer (&copy), FALSE);
  gtk_label_set_text (self->value_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), self->content == NULL && text->len > 0);
  update_copy_target (self);
}

void
dossier_property_row_set_content (DossierPropertyRow *self,
                                  GtkWidget          *content)
{
  g_return_if_fail (DOSSIER_IS_PROPERTY_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (content));

  if (self->content != NULL)
    gtk_box_remove (self->text_box, self->content);
  self->content = content;
  gtk_widget_set_visible (GTK_WIDGET (self->value_label), FALSE);
  gtk_widget_set_margin_top (content, 3);
  gtk_box_append (self->text_box, content);
}

void
dossier_property_row_set_monospace (DossierPropertyRow *self,
                                    gboolean            monospace)
{
  g_return_if_fail (DOSSIER_IS_PROPERTY_ROW (self));

  if (monospace)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), "monospace");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), "monospace");
}

void
dossier_property_row_set_copyable (DossierPropertyRow *self,
                                   gboolean            copyable)
{
  g_return_if_fail (DOSSIER_IS_PROPERTY_ROW (self));

  gtk_widget_set_visible (self->copy_button, copyable);
}

const char *
dossier_property_row_get_title (DossierPropertyRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROPERTY_ROW (self), NULL);

  return gtk_label_get_text (self->title_label);
}

const char *
dossier_property_row_get_value (DossierPropertyRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROPERTY_ROW (self), NULL);

  return self->value;
}

static void
dossier_property_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_PROPERTY_ROW);

  G_OBJECT_CLASS (dossier_property_row_parent_class)->dispose (object);
}

static void
dossier_property_row_finalize (GObject *object)
{
  DossierPropertyRow *self = DOSSIER_PROPERTY_ROW (object);

  g_free (self->value);

  G_OBJECT_CLASS (dossier_property_row_parent_class)->finalize (object);
}

static void
dossier_property_row_class_init (DossierPropertyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_property_row_dispose;
  object_class->finalize = dossier_property_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-property-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPropertyRow, text_box);
  gtk_widget_class_bind_template_child (widget_class, DossierPropertyRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierPropertyRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, DossierPropertyRow, copy_button);
}

static void
dossier_property_row_init (DossierPropertyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_property_row_new (const char *title,
                          const char *value)
{
  DossierPropertyRow *self = g_object_new (DOSSIER_TYPE_PROPERTY_ROW, NULL);

  gtk_label_set_text (self->title_label, title ? title : "");
  dossier_property_row_set_value (self, value);

  return GTK_WIDGET (self);
}
