/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-preferences-window.h"

struct _DossierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwPreferencesGroup  *account_group;
  AdwActionRow         *email_row;
  AdwActionRow         *api_base_row;
  GtkButton            *copy_api_base_button;
  AdwActionRow         *storage_row;
  GtkSwitch            *history_switch;
  GtkButton            *clear_button;

  DossierApplication   *application;
};

G_DEFINE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_account (DossierPreferencesWindow *self)
{
  DossierAccount *account = dossier_application_get_account (self->application);
  DossierCredentials *credentials = dossier_application_get_credentials (self->application);
  gboolean demo = dossier_application_get_demo_active (self->application);
  const char *storage;

  gtk_widget_set_visible (GTK_WIDGET (self->api_base_row), account != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->storage_row), account != NULL);

  if (account == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("Not signed in"));
      adw_action_row_set_subtitle (self->email_row, _("Sign in from the start page to look candidates up"));
      gtk_widget_remove_css_class (GTK_WIDGET (self->email_row), "property");
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->email_row), "property");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->email_row), _("User email"));
  adw_action_row_set_subtitle (self->email_row, dossier_account_get_user_email (account));
  adw_action_row_set_subtitle (self->api_base_row, dossier_account_get_api_base (account));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->api_base_row), dossier_account_get_api_base (account));

  if (demo)
    storage = _("A sample key for the stand-in server on this computer");
  else if (dossier_credentials_get_persistent (credentials))
    storage = _("Kept in the keyring");
  else
    storage = _("Kept until Dossier closes: no keyring is available");
  adw_action_row_set_subtitle (self->storage_row, storage);
}

static void
update_history (DossierPreferencesWindow *self)
{
  GSettings *settings = dossier_application_get_settings (self->application);
  g_autoptr(GVariant) history = g_settings_get_value (settings, "history");
  g_autoptr(GVariant) sources = g_settings_get_value (settings, "recent-sources");

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button),
                            g_variant_n_children (history) > 0 || g_variant_n_children (sources) > 0);
}

static void
copy_api_base_cb (DossierPreferencesWindow *self)
{
  DossierAccount *account = dossier_application_get_account (self->application);

  if (account == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), dossier_account_get_api_base (account));
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Copied the API base URL")));
}

static void
clear_history_cb (DossierPreferencesWindow *self)
{
  GSettings *settings = dossier_application_get_settings (self->application);

  dossier_history_clear (dossier_application_get_history (self->application));
  g_settings_reset (settings, "recent-sources");
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("History cleared")));
}

static void
dossier_preferences_window_dispose (GObject *object)
{
  DossierPreferencesWindow *self = DOSSIER_PREFERENCES_WINDOW (object);

  g_clear_object (&self->application);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (dossier_preferences_window_parent_class)->dispose (object);
}

static void
dossier_preferences_window_class_init (DossierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, account_group);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, api_base_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, copy_api_base_button);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, storage_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, history_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, copy_api_base_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_history_cb);
}

static void
dossier_preferences_window_init (DossierPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_preferences_window_new (DossierApplication *application)
{
  DossierPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (application), NULL);

  self = g_object_new (DOSSIER_TYPE_PREFERENCES_WINDOW, NULL);
  self->application = g_object_ref (application);
  settings = dossier_application_get_settings (application);

  g_settings_bind (settings, "history-enabled", self->history_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::history", G_CALLBACK (update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::recent-sources", G_CALLBACK (update_history), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (application, "notify::account", G_CALLBACK (update_account), self, G_CONNECT_SWAPPED);

  update_account (self);
  update_history (self);

  return GTK_WIDGET (self);
}
