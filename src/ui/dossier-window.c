/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window.h"

struct _DossierWindow
{
  AdwApplicationWindow parent_instance;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  return g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-window.ui");
}

static void
dossier_window_init (DossierWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
