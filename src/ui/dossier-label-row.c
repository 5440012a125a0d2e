/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-label-row.h"

#include "dossier-format.h"

#include <glib/gi18n.h>

struct _DossierLabelRow
{
  DossierTitleRow  parent_instance;

  GtkLabel     *stage_label;
  GtkWidget    *stars_box;

  DossierLabel *label;
};

G_DEFINE_FINAL_TYPE (DossierLabelRow, dossier_label_row, DOSSIER_TYPE_TITLE_ROW)

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
set_stage (DossierLabelRow *self,
           const char      *stage)
{
  g_autofree char *text = dossier_format_stage (stage);
  g_autofree char *css_class = NULL;

  if (text == NULL)
    return;

  gtk_label_set_text (self->stage_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stage_label), text);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_label), TRUE);

  /* Only the known stages have a colour. */
  if (g_ascii_strcasecmp (stage, "yes") == 0 || g_ascii_strcasecmp (stage, "no") == 0 ||
      g_ascii_strcasecmp (stage, "later") == 0 || g_ascii_strcasecmp (stage, "new") == 0)
    {
      g_autofree char *lower = g_ascii_strdown (stage, -1);

      css_class = g_strconcat ("stage-", lower, NULL);
      gtk_widget_add_css_class (GTK_WIDGET (self->stage_label), css_class);
    }
}

static void
set_rating (DossierLabelRow *self,
            double           rating)
{
  int stars = dossier_format_rating_stars (rating);
  g_autofree char *description = NULL;

  if (stars < 0)
    return;

  for (int i = 0; i < 5; i++)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (i < stars ? "starred-symbolic" : "non-starred-symbolic");

      gtk_widget_add_css_class (image, i < stars ? "star-filled" : "star-empty");
      gtk_box_append (GTK_BOX (self->stars_box), image);
    }

  /* Translators: the accessible description of a star rating. */
  description = g_strdup_printf (ngettext ("Rated %d star out of 5", "Rated %d stars out of 5", stars), stars);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->stars_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_tooltip_text (self->stars_box, description);
  gtk_widget_set_visible (self->stars_box, TRUE);
}

DossierLabel *
dossier_label_row_get_label (DossierLabelRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL_ROW (self), NULL);

  return self->label;
}

static void
dossier_label_row_dispose (GObject *object)
{
  DossierLabelRow *self = DOSSIER_LABEL_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_LABEL_ROW);
  g_clear_object (&self->label);

  G_OBJECT_CLASS (dossier_label_row_parent_class)->dispose (object);
}

static void
dossier_label_row_class_init (DossierLabelRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_label_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-label-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierLabelRow, stage_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLabelRow, stars_box);
}

static void
dossier_label_row_init (DossierLabelRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_label_row_new (DossierLabel *label)
{
  DossierLabelRow *self;
  const char *title;
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_LABEL (label), NULL);

  self = g_object_new (DOSSIER_TYPE_LABEL_ROW, NULL);
  self->label = g_object_ref (label);

  title = dossier_label_get_job_reference (label);
  if (is_empty (title))
    title = dossier_label_get_job_key (label);
  if (is_empty (title))
    title = _("Unnamed Job");
  dossier_title_row_set_title (DOSSIER_TITLE_ROW (self), title);

  date = dossier_format_date (dossier_label_get_date_stage (label));
  if (date == NULL)
    date = dossier_format_date (dossier_label_get_date_rating (label));
  if (date != NULL)
    dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (self), date);

  set_stage (self, dossier_label_get_stage (label));
  set_rating (self, dossier_label_get_rating (label));

  return GTK_WIDGET (self);
}
