/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <gio/gunixoutputstream.h>
#include <glib-unix.h>
#include <signal.h>

#include "dossier-client.h"
#include "dossier-credentials.h"
#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-headless.h"

typedef struct
{
  GMainLoop *loop;
  GBytes    *profile;   /* the exact bytes of the profile */
  GError    *error;
} LookupState;

static void
get_profile_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  LookupState *state = user_data;

  state->profile = dossier_client_get_profile_json_finish (DOSSIER_CLIENT (object), result, &state->error);
  g_main_loop_quit (state->loop);
}

/* One line: the reason, then the HTTP status and the API's own words when
 * the reason does not already say them, so that a script's log says
 * everything once. */
static void
print_error (const GError *error)
{
  g_autoptr(GString) line = g_string_new (error->message);
  g_autofree char *status_text = NULL;
  gboolean from_dossier = error->domain == DOSSIER_ERROR;
  guint status = from_dossier ? dossier_error_get_http_status (error) : 0;
  const char *api_message = from_dossier ? dossier_error_get_api_message (error) : NULL;
  gboolean say_status, say_message;

  status_text = g_strdup_printf ("HTTP %u", status);
  say_status = status != 0 && strstr (error->message, status_text) == NULL;
  say_message = api_message != NULL && *api_message != '\0' &&
                strstr (error->message, api_message) == NULL;

  if (say_status && say_message)
    /* Translators: added after an error message on the command line; %u is
     * an HTTP status such as 404, %s HrFlow’s own message, in English. */
    g_string_append_printf (line, _(" (HTTP %u: “%s”)"), status, api_message);
  else if (say_status)
    /* Translators: added after an error message; %u is an HTTP status. */
    g_string_append_printf (line, _(" (HTTP %u)"), status);
  else if (say_message)
    /* Translators: added after an error message; %s is HrFlow’s own message. */
    g_string_append_printf (line, _(" (“%s”)"), api_message);

  /* The message may hold text from the server: keep it on one line. */
  g_strdelimit (line->str, "\r\n", ' ');
  g_printerr ("dossier: %s\n", line->str);
}

static gboolean
write_to_stdout (GBytes  *bytes,
                 GError **error)
{
  g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!g_output_stream_write_all (out, data, size, NULL, NULL, error) ||
      !g_output_stream_flush (out, NULL, error))
    {
      /* Translators: the system’s reason follows. */
      g_prefix_error (error, _("Could not write the profile to standard output: "));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  GMainLoop      *loop;
  DossierAccount *account;
  GError         *error;
} AccountState;

static void
lookup_account_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  AccountState *state = user_data;

  state->account = dossier_credentials_lookup_finish (DOSSIER_CREDENTIALS (object), result,
                                                      &state->error);
  g_main_loop_quit (state->loop);
}

/* The environment wins when it holds both; otherwise the account stored in
 * the keyring for @api_base, the one of --user-email (or HRFLOW_USER_EMAIL)
 * when given, else the first by email (see dossier_credentials_lookup_async()). */
static gboolean
lookup_credentials (DossierOptions  *options,
                    const char      *api_base,
                    char           **user_email,
                    char           **api_key,
                    GError         **error)
{
  const char *env_key = g_getenv ("HRFLOW_API_KEY");
  const char *env_email = g_getenv ("HRFLOW_USER_EMAIL");
  const char *wanted_email = NULL;
  g_autoptr(DossierCredentials) credentials = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(DossierAccount) account = NULL;
  g_autofree char *base = NULL;
  AccountState state = { 0 };

  if (env_key != NULL && *env_key != '\0' && env_email != NULL && *env_email != '\0')
    {
      *api_key = g_strdup (env_key);
      *user_email = g_strdup (env_email);
      return TRUE;
    }

  if (options->user_email != NULL && *options->user_email != '\0')
    wanted_email = options->user_email;
  else if (env_email != NULL && *env_email != '\0')
    wanted_email = env_email;

  /* Accounts are stored under the base as DossierClient spells it (no
   * trailing slash, normalised by GUri), which is what the sign-in page
   * saves: spell it the same way to find them. */
  {
    g_autofree char *trimmed = g_strdup (api_base);
    g_autoptr(GUri) uri = NULL;
    gsize length = strlen (trimmed);

    while (length > 0 && trimmed[length - 1] == '/')
      trimmed[--length] = '\0';
    uri = g_uri_parse (trimmed, SOUP_HTTP_URI_FLAGS, NULL);
    base = uri != NULL ? g_uri_to_string (uri) : g_steal_pointer (&trimmed);
  }

  credentials = dossier_credentials_new ();
  loop = g_main_loop_new (NULL, FALSE);
  state.loop = loop;
  dossier_credentials_lookup_async (credentials, base, wanted_email, NULL,
                                    lookup_account_cb, &state);
  g_main_loop_run (loop);

  account = state.account;
  if (state.error != NULL)
    {
      g_propagate_error (error, state.error);
      return FALSE;
    }

  if (account == NULL || dossier_account_get_api_key (account) == NULL)
    {
      if (!dossier_credentials_get_persistent (credentials))
        g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS,
                     _("No keyring can be used here, so no stored HrFlow account can be read: "
                       "set HRFLOW_API_KEY and HRFLOW_USER_EMAIL."));
      else if (wanted_email != NULL)
        g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS,
                     /* Translators: the first %s is a user email, the second an API
                      * base URL such as https://api.hrflow.ai/v1. */
                     _("No HrFlow account for %s is stored for %s: sign in once in the Dossier "
                       "window (run dossier without --export), or set HRFLOW_API_KEY and "
                       "HRFLOW_USER_EMAIL."),
                     wanted_email, base);
      else
        g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS,
                     /* Translators: %s is an API base URL such as https://api.hrflow.ai/v1. */
                     _("No HrFlow account is stored for %s: sign in once in the Dossier window "
                       "(run dossier without --export), or set HRFLOW_API_KEY and "
                       "HRFLOW_USER_EMAIL."),
                     base);
      return FALSE;
    }

  *user_email = g_strdup (dossier_account_get_user_email (account));
  *api_key = g_strdup (dossier_account_get_api_key (account));
  return TRUE;
}

static gboolean
api_base_is_loopback (const char *api_base)
{
  g_autoptr(GUri) uri = g_uri_parse (api_base, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GInetAddress) address = NULL;
  const char *host;

  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Ctrl+C (or a TERM or HUP signal) during the lookup cancels it, and the
 * export then ends as on any failure: its temporary file removed, any
 * previous export kept.  Without this the default action killed the
 * process and left the temporary file, which exists for the whole
 * transfer (see dossier_export_stream_new()). */
static gboolean
interrupted_cb (gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
  return G_SOURCE_CONTINUE;
}

int
dossier_headless_run (DossierOptions *options)
{
  static const int interrupting_signals[] = { SIGINT, SIGTERM, SIGHUP };
  guint signal_sources[G_N_ELEMENTS (interrupting_signals)];
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(DossierExportStream) stream = NULL;
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GFile) file = NULL;
  gboolean to_stdout;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_email = NULL;
  g_autofree char *api_key = NULL;
  const char *api_base;
  LookupState state = { 0 };

  g_return_val_if_fail (options->export_path != NULL, DOSSIER_EXIT_USAGE);

  /* GLib writes debug and info messages to standard output by default:
   * with G_MESSAGES_DEBUG set they would end up inside `--export -`. */
  g_log_writer_default_set_use_stderr (TRUE);

  api_base = options->api_base != NULL ? options->api_base : DOSSIER_DEFAULT_API_BASE;

  if (!lookup_credentials (options, api_base, &user_email, &api_key, &error))
    {
      print_error (error);
      return DOSSIER_EXIT_FAILED;
    }

  session = dossier_session_new ();
  if (api_base_is_loopback (api_base))
    /* Nothing on this computer is reached through a proxy.  Asking the
     * system's resolver anyway loads libproxy, GNOME's proxy module and
     * GSettings, and starts a thread: several milliseconds of a
     * run that takes ten (BENCHMARKS.md). */
    soup_session_set_proxy_resolver (session, NULL);
  client = dossier_client_new (session, api_base, user_email, api_key, &error);
  /* The key is not needed past this point: do not keep copies around. */
  if (api_key != NULL)
    memset (api_key, 0, strlen (api_key));

  if (client == NULL)
    {
      print_error (error);
      return DOSSIER_EXIT_FAILED;
    }

  to_stdout = g_strcmp0 (options->export_path, "-") == 0;
  if (!to_stdout)
    {
      file = g_file_new_for_commandline_arg (options->export_path);
      /* The export is printed into its file while the answer arrives, so
       * that little is left to do once it is complete (see
       * dossier_export_stream_new()). */
      stream = dossier_export_stream_new (file);
      dossier_client_set_body_func (client, dossier_export_stream_body_cb, stream);
    }

  loop = g_main_loop_new (NULL, FALSE);
  state.loop = loop;
  for (guint i = 0; i < G_N_ELEMENTS (interrupting_signals); i++)
    signal_sources[i] = g_unix_signal_add (interrupting_signals[i], interrupted_cb, cancellable);
  /* An export needs the profile's bytes, not the model: on large profiles
   * that is several times faster and lighter (see BENCHMARKS.md). */
  dossier_client_get_profile_json_async (client,
                                    options->source_key,
                                    options->identifier_kind,
                                    options->identifier,
                                    cancellable,
                                    get_profile_cb,
                                    &state);
  g_main_loop_run (loop);
  for (guint i = 0; i < G_N_ELEMENTS (interrupting_signals); i++)
    g_source_remove (signal_sources[i]);

  if (state.profile == NULL && g_error_matches (state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&state.error);
      g_set_error_literal (&state.error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("Interrupted: nothing was exported, and any previous export was kept."));
    }

  if (state.profile == NULL)
    {
      print_error (state.error);
      g_clear_error (&state.error);
      return DOSSIER_EXIT_FAILED;
    }

  if (to_stdout)
    {
      g_autoptr(GBytes) bytes = dossier_exporter_serialize_json (state.profile);

      if (!write_to_stdout (bytes, &error))
        {
          print_error (error);
          g_clear_pointer (&state.profile, g_bytes_unref);
          return DOSSIER_EXIT_FAILED;
        }
    }
  else if (!dossier_export_stream_finish (stream, state.profile, NULL, &error))
    {
      print_error (error);
      g_clear_pointer (&state.profile, g_bytes_unref);
      return DOSSIER_EXIT_FAILED;
    }

  g_clear_pointer (&state.profile, g_bytes_unref);
  return DOSSIER_EXIT_OK;
}

gboolean
dossier_headless_handle_command_line (char **argv,
                                      int   *exit_status)
{
  g_autoptr(DossierOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  options = dossier_options_parse ((const char * const *) argv, &error);
  if (options == NULL)
    {
      g_printerr ("dossier: %s\n", error->message);
      g_printerr ("%s\n", _("Run “dossier --help” to see the options."));
      *exit_status = DOSSIER_EXIT_USAGE;
      return TRUE;
    }

  if (options->version)
    {
      g_print ("dossier %s\n", PACKAGE_VERSION);
      *exit_status = DOSSIER_EXIT_OK;
      return TRUE;
    }

  if (options->export_path != NULL)
    {
      *exit_status = dossier_headless_run (options);
      return TRUE;
    }

  return FALSE;
}
