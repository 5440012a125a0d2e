/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-title-row.h"

typedef struct
{
  GtkWidget *header;
  GtkBox    *prefixes;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkBox    *suffixes;

  GtkWidget *activatable_widget;
  GtkWidget *list_box;
} DossierTitleRowPrivate;

static void dossier_title_row_buildable_init (GtkBuildableIface *iface);

G_DEFINE_TYPE_WITH_CODE (DossierTitleRow, dossier_title_row, GTK_TYPE_LIST_BOX_ROW,
                         G_ADD_PRIVATE (DossierTitleRow)
                         G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, dossier_title_row_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

void
dossier_title_row_set_title (DossierTitleRow *self,
                             const char      *title)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));

  set_label_text (priv->title, title);
}

const char *
dossier_title_row_get_title (DossierTitleRow *self)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_TITLE_ROW (self), NULL);

  return gtk_label_get_text (priv->title);
}

void
dossier_title_row_set_subtitle (DossierTitleRow *self,
                                const char      *subtitle)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));

  set_label_text (priv->subtitle, subtitle);
}

const char *
dossier_title_row_get_subtitle (DossierTitleRow *self)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_val_if_fail (DOSSIER_IS_TITLE_ROW (self), NULL);

  return gtk_label_get_text (priv->subtitle);
}

/* As AdwActionRow's title-lines: 0 wraps all of it, more cuts it with an
 * ellipsis after that many lines. */
void
dossier_title_row_set_title_lines (DossierTitleRow *self,
                                   int              lines)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));
  g_return_if_fail (lines >= 0);

  gtk_label_set_lines (priv->title, lines);
  gtk_label_set_ellipsize (priv->title, lines > 0 ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

void
dossier_title_row_add_prefix (DossierTitleRow *self,
                              GtkWidget       *widget)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_prepend (priv->prefixes, widget);
  gtk_widget_set_visible (GTK_WIDGET (priv->prefixes), TRUE);
}

void
dossier_title_row_add_suffix (DossierTitleRow *self,
                              GtkWidget       *widget)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (priv->suffixes, widget);
  gtk_widget_set_visible (GTK_WIDGET (priv->suffixes), TRUE);
}

static void
row_activated_cb (DossierTitleRow *self,
                  GtkListBoxRow   *row)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  if (row == GTK_LIST_BOX_ROW (self) && priv->activatable_widget != NULL)
    gtk_widget_mnemonic_activate (priv->activatable_widget, FALSE);
}

/* The list box, not the row, learns of a click on the row. */
static void
parent_cb (DossierTitleRow *self)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  if (priv->list_box != NULL)
    g_signal_handlers_disconnect_by_func (priv->list_box, row_activated_cb, self);
  priv->list_box = GTK_IS_LIST_BOX (parent) ? parent : NULL;
  if (priv->list_box != NULL)
    g_signal_connect_swapped (priv->list_box, "row-activated", G_CALLBACK (row_activated_cb), self);
}

/* Clicking the row, or activating it from the keyboard, activates
 * @widget, as AdwActionRow's activatable-widget does. */
void
dossier_title_row_set_activatable_widget (DossierTitleRow *self,
                                          GtkWidget       *widget)
{
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  g_return_if_fail (DOSSIER_IS_TITLE_ROW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  /* A child of the row: it lives as long as the row. */
  priv->activatable_widget = widget;
  if (widget != NULL)
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), TRUE);
}

static void
dossier_title_row_dispose (GObject *object)
{
  DossierTitleRow *self = DOSSIER_TITLE_ROW (object);
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  if (priv->list_box != NULL)
    {
      g_signal_handlers_disconnect_by_func (priv->list_box, row_activated_cb, self);
      priv->list_box = NULL;
    }
  priv->activatable_widget = NULL;
  /* No gtk_widget_dispose_template() here: GTK 4.8's walks the template
   * of the instance's class (a subclass's), not of the type it is given,
   * and aborts.  The list box row drops its child in its own dispose; the
   * template's references go with the widget. */

  G_OBJECT_CLASS (dossier_title_row_parent_class)->dispose (object);
}

static void
dossier_title_row_class_init (DossierTitleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_title_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-title-row.ui");
  gtk_widget_class_bind_template_child_private (widget_class, DossierTitleRow, header);
  gtk_widget_class_bind_template_child_private (widget_class, DossierTitleRow, prefixes);
  gtk_widget_class_bind_template_child_private (widget_class, DossierTitleRow, title);
  gtk_widget_class_bind_template_child_private (widget_class, DossierTitleRow, subtitle);
  gtk_widget_class_bind_template_child_private (widget_class, DossierTitleRow, suffixes);
}

static void
dossier_title_row_init (DossierTitleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::parent", G_CALLBACK (parent_cb), NULL);
}

static void
dossier_title_row_buildable_add_child (GtkBuildable *buildable,
                                       GtkBuilder   *builder,
                                       GObject      *child,
                                       const char   *type)
{
  DossierTitleRow *self = DOSSIER_TITLE_ROW (buildable);
  DossierTitleRowPrivate *priv = dossier_title_row_get_instance_private (self);

  /* Until the template is built, children are the template's own. */
  if (priv->header == NULL || !GTK_IS_WIDGET (child))
    parent_buildable_iface->add_child (buildable, builder, child, type);
  else if (g_strcmp0 (type, "prefix") == 0)
    dossier_title_row_add_prefix (self, GTK_WIDGET (child));
  else
    dossier_title_row_add_suffix (self, GTK_WIDGET (child));
}

static void
dossier_title_row_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = dossier_title_row_buildable_add_child;
}
