/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-application.h"
#include "dossier-error.h"
#include "dossier-options.h"
#include "dossier-preferences-window.h"
#include "dossier-window.h"

#define WEBSITE_URL "https://github.com/hrdossier/dossier"
#define ISSUE_URL   "https://github.com/hrdossier/dossier/issues"

struct _DossierApplication
{
  AdwApplication        parent_instance;

  GSettings            *settings;
  SoupSession          *session;
  DossierPictureLoader *picture_loader;
  DossierCredentials   *credentials;
  DossierHistory       *history;

  DossierAccount       *account;
  DossierClient        *client;
  /* The account in use before the demo started, to come back to. */
  DossierAccount       *account_before_demo;
  GCancellable         *account_cancellable;
  gboolean              loading_account;

  GListModel           *accounts;
  GMenu                *accounts_menu;
  GCancellable         *list_cancellable;

  DossierDemo          *demo;
  gboolean              demo_active;

  gboolean              keyring_notice_taken;
};

G_DEFINE_FINAL_TYPE (DossierApplication, dossier_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_ACCOUNT,
  PROP_DEMO_ACTIVE,
  PROP_LOADING_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

DossierApplication *
dossier_application_new (void)
{
  return g_object_new (DOSSIER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

static void
set_loading_account (DossierApplication *self,
                     gboolean            loading)
{
  if (self->loading_account == loading)
    return;

  self->loading_account = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING_ACCOUNT]);
}

/* Host of a base URL, to tell apart two accounts of one email on two
 * HrFlow environments. */
static char *
dup_host (const char *api_base)
{
  g_autoptr(GUri) uri = g_uri_parse (api_base, G_URI_FLAGS_NONE, NULL);
  int port;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_strdup (api_base);

  port = g_uri_get_port (uri);
  if (port > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (uri), port);
  return g_strdup (g_uri_get_host (uri));
}

static void
rebuild_accounts_menu (DossierApplication *self)
{
  guint n = self->accounts != NULL ? g_list_model_get_n_items (self->accounts) : 0;

  g_menu_remove_all (self->accounts_menu);

  if (self->demo_active)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("Sample Profiles"), NULL);

      g_menu_item_set_action_and_target (item, "win.account", "s", "demo");
      g_menu_append_item (self->accounts_menu, item);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierAccount) account = g_list_model_get_item (self->accounts, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *id = NULL;
      g_autofree char *label = NULL;
      const char *api_base = dossier_account_get_api_base (account);

      id = g_strconcat (dossier_account_get_user_email (account), "\n", api_base, NULL);
      if (g_strcmp0 (api_base, DOSSIER_DEFAULT_API_BASE) == 0)
        label = g_strdup (dossier_account_get_user_email (account));
      else
        {
          g_autofree char *host = dup_host (api_base);

          /* TRANSLATORS: an account in the menu: "name@example.com on api.example.com" */
          label = g_strdup_printf (_("%s on %s"), dossier_account_get_user_email (account), host);
        }

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "win.account", "s", id);
      g_menu_append_item (self->accounts_menu, item);
    }

  g_menu_append (self->accounts_menu, _("_Add Account…"), "win.add-account");
  if (self->demo_active)
    g_menu_append (self->accounts_menu, _("_Leave Sample Profiles"), "win.sign-out");
  else
    g_menu_append (self->accounts_menu, _("_Sign Out"), "win.sign-out");
}

static void
list_accounts_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) accounts = NULL;

  accounts = dossier_credentials_list_finish (DOSSIER_CREDENTIALS (object), result, &error);
  if (accounts == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the stored accounts: %s", error->message);
      return;
    }

  g_set_object (&self->accounts, accounts);
  rebuild_accounts_menu (self);
}

void
dossier_application_reload_accounts (DossierApplication *self)
{
  g_return_if_fail (DOSSIER_IS_APPLICATION (self));

  g_cancellable_cancel (self->list_cancellable);
  g_clear_object (&self->list_cancellable);
  self->list_cancellable = g_cancellable_new ();

  dossier_credentials_list_async (self->credentials, self->list_cancellable,
                                  list_accounts_cb, g_object_ref (self));
}

static gboolean
use_account (DossierApplication  *self,
             DossierAccount      *account,
             gboolean             demo,
             gboolean             remember,
             GError             **error)
{
  g_autoptr(DossierClient) client = NULL;

  if (account != NULL)
    {
      client = dossier_client_new (self->session,
                                   dossier_account_get_api_base (account),
                                   dossier_account_get_user_email (account),
                                   dossier_account_get_api_key (account),
                                   error);
      if (client == NULL)
        return FALSE;
    }

  /* An explicit choice wins over the remembered account still loading. */
  g_cancellable_cancel (self->account_cancellable);
  g_clear_object (&self->account_cancellable);
  set_loading_account (self, FALSE);

  if (demo && !self->demo_active)
    g_set_object (&self->account_before_demo, self->account);
  else if (!demo)
    g_clear_object (&self->account_before_demo);

  g_set_object (&self->client, client);
  g_set_object (&self->account, account);

  if (remember && account != NULL && !demo)
    {
      g_settings_set_string (self->settings, "active-account-email", dossier_account_get_user_email (account));
      g_settings_set_string (self->settings, "active-account-api-base", dossier_account_get_api_base (account));
    }
  else if (remember && account == NULL)
    {
      g_settings_reset (self->settings, "active-account-email");
      g_settings_reset (self->settings, "active-account-api-base");
    }

  if (self->demo_active != demo)
    {
      self->demo_active = demo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEMO_ACTIVE]);
    }

  rebuild_accounts_menu (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);

  return TRUE;
}

gboolean
dossier_application_set_account (DossierApplication  *self,
                                 DossierAccount      *account,
                                 gboolean             remember,
                                 GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (account == NULL || DOSSIER_IS_ACCOUNT (account), FALSE);

  return use_account (self, account, FALSE, remember, error);
}

static void
lookup_remembered_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(DossierApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAccount) account = NULL;

  account = dossier_credentials_lookup_finish (DOSSIER_CREDENTIALS (object), result, &error);
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    g_warning ("Could not read the stored account: %s", error->message);

  if (account != NULL && !use_account (self, account, FALSE, TRUE, &error))
    g_warning ("The stored account cannot be used: %s", error->message);

  set_loading_account (self, FALSE);
}

/* At start: the remembered account, else any stored one (e.g. written by
 * another tool with our schema). */
static void
load_remembered_account (DossierApplication *self,
                         const char         *api_base,
                         const char         *user_email)
{
  g_autofree char *remembered_email = g_settings_get_string (self->settings, "active-account-email");
  g_autofree char *remembered_base = g_settings_get_string (self->settings, "active-account-api-base");

  if (api_base == NULL && user_email == NULL && *remembered_email != '\0')
    {
      user_email = remembered_email;
      api_base = *remembered_base != '\0' ? remembered_base : NULL;
    }

  g_cancellable_cancel (self->account_cancellable);
  g_clear_object (&self->account_cancellable);
  self->account_cancellable = g_cancellable_new ();

  set_loading_account (self, TRUE);
  dossier_credentials_lookup_async (self->credentials, api_base, user_email,
                                    self->account_cancellable,
                                    lookup_remembered_cb, g_object_ref (self));
}

static void
switch_lookup_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierApplication *self = g_task_get_source_object (task);
  g_autoptr(DossierAccount) account = NULL;
  GError *error = NULL;

  account = dossier_credentials_lookup_finish (DOSSIER_CREDENTIALS (object), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (account == NULL)
    {
      dossier_application_reload_accounts (self);
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS,
                               _("This account is no longer in the keyring. Sign in to add it again."));
      return;
    }

  if (!use_account (self, account, FALSE, TRUE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
dossier_application_switch_account_async (DossierApplication  *self,
                                          const char          *api_base,
                                          const char          *user_email,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_APPLICATION (self));
  g_return_if_fail (api_base != NULL);
  g_return_if_fail (user_email != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_application_switch_account_async);

  dossier_credentials_lookup_async (self->credentials, api_base, user_email, cancellable,
                                    switch_lookup_cb, g_steal_pointer (&task));
}

gboolean
dossier_application_switch_account_finish (DossierApplication  *self,
                                           GAsyncResult        *result,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
delete_account_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierApplication *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!dossier_credentials_delete_finish (DOSSIER_CREDENTIALS (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  use_account (self, NULL, FALSE, TRUE, NULL);
  dossier_application_reload_accounts (self);
  /* Another stored account, if any, takes over. */
  load_remembered_account (self, NULL, NULL);

  g_task_return_boolean (task, TRUE);
}

void
dossier_application_sign_out_async (DossierApplication  *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_application_sign_out_async);

  if (self->demo_active)
    {
      g_autoptr(DossierAccount) previous = g_steal_pointer (&self->account_before_demo);

      /* The demo's account is in memory only: leaving is all there is. */
      use_account (self, previous, FALSE, FALSE, NULL);
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->account == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  dossier_credentials_delete_async (self->credentials, self->account, cancellable,
                                    delete_account_cb, g_steal_pointer (&task));
}

gboolean
dossier_application_sign_out_finish (DossierApplication  *self,
                                     GAsyncResult        *result,
                                     GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierApplication *self = g_task_get_source_object (task);
  g_autoptr(DossierAccount) account = NULL;
  GError *error = NULL;

  if (!dossier_demo_start_finish (DOSSIER_DEMO (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  account = dossier_account_new (dossier_demo_get_api_base (self->demo),
                                 dossier_demo_get_user_email (self->demo),
                                 dossier_demo_get_api_key (self->demo));
  if (!use_account (self, account, TRUE, FALSE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
dossier_application_start_demo_async (DossierApplication  *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_application_start_demo_async);

  if (self->demo == NULL)
    self->demo = dossier_demo_new ();

  dossier_demo_start_async (self->demo, cancellable, demo_started_cb, g_steal_pointer (&task));
}

gboolean
dossier_application_start_demo_finish (DossierApplication  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static DossierWindow *
get_window (DossierApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (DOSSIER_IS_WINDOW (window))
    return DOSSIER_WINDOW (window);

  return dossier_window_new (self);
}

static void
dossier_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (DOSSIER_APPLICATION (app))));
}

static void
dossier_application_open (GApplication  *app,
                          GFile        **files,
                          int            n_files,
                          const char    *hint)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      /* The first file goes to the window at hand, the others to new ones,
       * as a document application would do. */
      DossierWindow *window = i == 0 ? get_window (self) : dossier_window_new (self);

      dossier_window_open_file (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
dossier_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_auto(GStrv) argv = g_application_command_line_get_arguments (command_line, NULL);
  g_autoptr(DossierOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;

  /* The same options as the headless mode, parsed by the same function. */
  options = dossier_options_parse ((const char * const *) argv, &error);
  if (options == NULL)
    {
      g_application_command_line_printerr (command_line, "dossier: %s\n", error->message);
      return DOSSIER_EXIT_USAGE;
    }

  if (options->export_path != NULL)
    {
      /* main() runs the export before the application starts; only a
       * remote instance could get here. */
      g_application_command_line_printerr (command_line, "dossier: %s\n",
                                           _("--export runs without a window: start it on its own."));
      return DOSSIER_EXIT_USAGE;
    }

  window = get_window (self);

  if (options->demo)
    dossier_window_start_demo (window);
  else if (options->api_base != NULL || options->user_email != NULL)
    load_remembered_account (self, options->api_base, options->user_email);

  if (options->identifier != NULL)
    dossier_window_request_lookup (window, options->source_key, options->identifier_kind, options->identifier);

  for (guint i = 0; options->files != NULL && options->files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, options->files[i]);
      DossierWindow *target = i == 0 ? window : dossier_window_new (self);

      dossier_window_open_file (target, file);
      gtk_window_present (GTK_WINDOW (target));
    }

  gtk_window_present (GTK_WINDOW (window));

  return DOSSIER_EXIT_OK;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  DossierApplication *self = user_data;
  const char *developers[] = { _("The Dossier developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-icon", dossier_application_get_icon_name (self),
                        "application-name", _("Dossier"),
                        "developer-name", _("The Dossier developers"),
                        "version", PACKAGE_VERSION,
                        "website", WEBSITE_URL,
                        "issue-url", ISSUE_URL,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© The Dossier developers"),
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_set_comments (ADW_ABOUT_WINDOW (about),
                                 _("Look up a candidate in HrFlow, read the whole profile at a glance, and export it as JSON."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  DossierApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences = dossier_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

static void
dossier_application_startup (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);
  g_autofree char *cache_path = NULL;
  g_autoptr(GFile) cache_dir = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (dossier_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  self->session = dossier_session_new ();
  cache_path = g_build_filename (g_get_user_cache_dir (), APPLICATION_ID, "pictures", NULL);
  cache_dir = g_file_new_for_path (cache_path);
  self->picture_loader = dossier_picture_loader_new (self->session, cache_dir);
  self->credentials = dossier_credentials_new ();
  self->history = dossier_history_new (self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  /* What GtkApplication sets when it finds gtk/help-overlay.ui, which the
   * window now builds itself on first use (dossier-window.c). */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  load_remembered_account (self, NULL, NULL);
  dossier_application_reload_accounts (self);
}

static void
dossier_application_shutdown (GApplication *app)
{
  DossierApplication *self = DOSSIER_APPLICATION (app);

  g_cancellable_cancel (self->account_cancellable);
  g_cancellable_cancel (self->list_cancellable);

  G_APPLICATION_CLASS (dossier_application_parent_class)->shutdown (app);
}

static void
dossier_application_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    case PROP_DEMO_ACTIVE:
      g_value_set_boolean (value, self->demo_active);
      break;
    case PROP_LOADING_ACCOUNT:
      g_value_set_boolean (value, self->loading_account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_application_dispose (GObject *object)
{
  DossierApplication *self = DOSSIER_APPLICATION (object);

  g_clear_object (&self->account_cancellable);
  g_clear_object (&self->list_cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->account);
  g_clear_object (&self->account_before_demo);
  g_clear_object (&self->accounts);
  g_clear_object (&self->accounts_menu);
  g_clear_object (&self->demo);
  g_clear_object (&self->history);
  g_clear_object (&self->credentials);
  g_clear_object (&self->picture_loader);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_application_parent_class)->dispose (object);
}

static void
dossier_application_class_init (DossierApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->get_property = dossier_application_get_property;
  object_class->dispose = dossier_application_dispose;

  app_class->startup = dossier_application_startup;
  app_class->shutdown = dossier_application_shutdown;
  app_class->activate = dossier_application_activate;
  app_class->open = dossier_application_open;
  app_class->command_line = dossier_application_command_line;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, DOSSIER_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DEMO_ACTIVE] =
    g_param_spec_boolean ("demo-active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOADING_ACCOUNT] =
    g_param_spec_boolean ("loading-account", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_application_init (DossierApplication *self)
{
  self->accounts_menu = g_menu_new ();
  rebuild_accounts_menu (self);
}

GSettings *
dossier_application_get_settings (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->settings;
}

SoupSession *
dossier_application_get_session (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->session;
}

DossierPictureLoader *
dossier_application_get_picture_loader (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->picture_loader;
}

DossierCredentials *
dossier_application_get_credentials (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->credentials;
}

DossierHistory *
dossier_application_get_history (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->history;
}

DossierAccount *
dossier_application_get_account (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->account;
}

DossierClient *
dossier_application_get_client (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->client;
}

gboolean
dossier_application_get_loading_account (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), FALSE);
  return self->loading_account;
}

GMenuModel *
dossier_application_get_accounts_menu (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return G_MENU_MODEL (self->accounts_menu);
}

gboolean
dossier_application_get_demo_active (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), FALSE);
  return self->demo_active;
}

DossierDemo *
dossier_application_get_demo (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);
  return self->demo;
}

const char *
dossier_application_get_icon_name (DossierApplication *self)
{
  GdkDisplay *display = gdk_display_get_default ();

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  if (display != NULL && gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (display), APPLICATION_ID))
    return APPLICATION_ID;
  return BASE_APPLICATION_ID;
}

const char *
dossier_application_take_keyring_notice (DossierApplication *self)
{
  g_return_val_if_fail (DOSSIER_IS_APPLICATION (self), NULL);

  if (self->keyring_notice_taken || self->credentials == NULL ||
      dossier_credentials_get_persistent (self->credentials))
    return NULL;

  self->keyring_notice_taken = TRUE;
  return dossier_credentials_get_unavailable_reason (self->credentials);
}
