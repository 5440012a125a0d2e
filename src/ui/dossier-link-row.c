/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-link-row.h"

#include <string.h>

#include <glib/gi18n.h>

struct _DossierLinkRow
{
  DossierTitleRow  parent_instance;

  GtkImage     *icon;
  GtkWidget    *open_button;
  GtkWidget    *copy_button;

  char         *text;
  char         *uri;
};

G_DEFINE_FINAL_TYPE (DossierLinkRow, dossier_link_row, DOSSIER_TYPE_TITLE_ROW)

char *
dossier_link_row_dup_web_uri (const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *scheme = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *candidate = NULL;

  if (text == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return NULL;

  scheme = g_uri_parse_scheme (stripped);
  if (scheme == NULL)
    {
      /* "linkedin.com/in/jane" as people type it.  Anything with a
       * scheme that is not the web's is only ever copied. */
      if (strchr (stripped, ' ') != NULL)
        return NULL;
      candidate = g_strconcat ("https://", stripped, NULL);
    }
  else if (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
    candidate = g_strdup (stripped);
  else
    return NULL;

  uri = g_uri_parse (candidate, G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return NULL;

  return g_uri_to_string (uri);
}

const char *
dossier_link_row_get_uri (DossierLinkRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_ROW (self), NULL);

  return self->uri;
}

const char *
dossier_link_row_get_text (DossierLinkRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK_ROW (self), NULL);

  return self->text;
}

static void
dossier_link_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), DOSSIER_TYPE_LINK_ROW);

  G_OBJECT_CLASS (dossier_link_row_parent_class)->dispose (object);
}

static void
dossier_link_row_finalize (GObject *object)
{
  DossierLinkRow *self = DOSSIER_LINK_ROW (object);

  g_free (self->text);
  g_free (self->uri);

  G_OBJECT_CLASS (dossier_link_row_parent_class)->finalize (object);
}

static void
dossier_link_row_class_init (DossierLinkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_link_row_dispose;
  object_class->finalize = dossier_link_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-link-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierLinkRow, icon);
  gtk_widget_class_bind_template_child (widget_class, DossierLinkRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, DossierLinkRow, copy_button);
}

static void
dossier_link_row_init (DossierLinkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_title_row_set_title_lines (DOSSIER_TITLE_ROW (self), 2);
}

/**
 * dossier_link_row_new:
 * @kind: what the address is, e.g. "Email"
 * @text: the address as the profile gives it
 * @uri: (nullable): what Open opens, already checked by the caller
 * @icon_name: (nullable): an icon for the kind
 */
GtkWidget *
dossier_link_row_new (const char *kind,
                      const char *text,
                      const char *uri,
                      const char *icon_name)
{
  DossierLinkRow *self = g_object_new (DOSSIER_TYPE_LINK_ROW, NULL);
  g_autofree char *open_label = NULL;
  g_autofree char *copy_label = NULL;

  self->text = g_strdup (text ? text : "");
  self->uri = g_strdup (uri);

  dossier_title_row_set_title (DOSSIER_TITLE_ROW (self), self->text);
  dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (self), kind);
  /* Long addresses are cut after two lines; the whole one is here. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->text);

  if (icon_name != NULL)
    gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->copy_button),
                                          g_variant_new_string (self->text));

  /* Translators: the accessible name of a button; %s is e.g. "Email". */
  copy_label = g_strdup_printf (_("Copy %s"), kind);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, copy_label,
                                  -1);

  if (uri != NULL)
    {
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->open_button),
                                              g_variant_new_string (uri));
      /* Translators: the accessible name of a button; %s is e.g. "LinkedIn". */
      open_label = g_strdup_printf (_("Open %s"), kind);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                      -1);
      dossier_title_row_set_activatable_widget (DOSSIER_TITLE_ROW (self), self->open_button);
    }
  else
    gtk_widget_set_visible (self->open_button, FALSE);

  return GTK_WIDGET (self);
}
