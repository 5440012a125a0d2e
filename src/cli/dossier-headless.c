/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gunixoutputstream.h>

#include "dossier-client.h"
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
  guint status = dossier_error_get_http_status (error);
  const char *api_message = dossier_error_get_api_message (error);
  gboolean say_status, say_message;

  status_text = g_strdup_printf ("HTTP %u", status);
  say_status = status != 0 && strstr (error->message, status_text) == NULL;
  say_message = api_message != NULL && *api_message != '\0' &&
                strstr (error->message, api_message) == NULL;

  if (say_status && say_message)
    g_string_append_printf (line, _(" (HTTP %u: “%s”)"), status, api_message);
  else if (say_status)
    g_string_append_printf (line, _(" (HTTP %u)"), status);
  else if (say_message)
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
      g_prefix_error (error, _("Could not write the profile to standard output: "));
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_credentials (DossierOptions  *options,
                    char           **user_email,
                    char           **api_key,
                    GError         **error)
{
  const char *env_key = g_getenv ("HRFLOW_API_KEY");
  const char *env_email = g_getenv ("HRFLOW_USER_EMAIL");

  if (env_key != NULL && *env_key != '\0' && env_email != NULL && *env_email != '\0')
    {
      *api_key = g_strdup (env_key);
      *user_email = g_strdup (env_email);
      return TRUE;
    }

  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS,
                       _("No HrFlow credentials: sign in once in the Dossier window, "
                         "or set HRFLOW_API_KEY and HRFLOW_USER_EMAIL."));
  return FALSE;
}

int
dossier_headless_run (DossierOptions *options)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_email = NULL;
  g_autofree char *api_key = NULL;
  const char *api_base;
  LookupState state = { 0 };

  g_return_val_if_fail (options->export_path != NULL, DOSSIER_EXIT_USAGE);

  api_base = options->api_base != NULL ? options->api_base : DOSSIER_DEFAULT_API_BASE;

  if (!lookup_credentials (options, &user_email, &api_key, &error))
    {
      print_error (error);
      return DOSSIER_EXIT_FAILED;
    }

  session = dossier_session_new ();
  client = dossier_client_new (session, api_base, user_email, api_key, &error);
  /* The key is not needed past this point: do not keep copies around. */
  if (api_key != NULL)
    memset (api_key, 0, strlen (api_key));

  if (client == NULL)
    {
      print_error (error);
      return DOSSIER_EXIT_FAILED;
    }

  loop = g_main_loop_new (NULL, FALSE);
  state.loop = loop;
  /* An export needs the profile's bytes, not the model: on large profiles
   * that is several times faster and lighter (see BENCHMARKS.md). */
  dossier_client_get_profile_json_async (client,
                                    options->source_key,
                                    options->identifier_kind,
                                    options->identifier,
                                    NULL,
                                    get_profile_cb,
                                    &state);
  g_main_loop_run (loop);

  if (state.profile == NULL)
    {
      print_error (state.error);
      g_clear_error (&state.error);
      return DOSSIER_EXIT_FAILED;
    }

  if (g_strcmp0 (options->export_path, "-") == 0)
    {
      g_autoptr(GBytes) bytes = dossier_exporter_serialize_json (state.profile);

      if (!write_to_stdout (bytes, &error))
        {
          print_error (error);
          g_clear_pointer (&state.profile, g_bytes_unref);
          return DOSSIER_EXIT_FAILED;
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (options->export_path);

      if (!dossier_exporter_write_json (state.profile, file, NULL, &error))
        {
          print_error (error);
          g_clear_pointer (&state.profile, g_bytes_unref);
          return DOSSIER_EXIT_FAILED;
        }
    }

  g_clear_pointer (&state.profile, g_bytes_unref);
  return DOSSIER_EXIT_OK;
}
