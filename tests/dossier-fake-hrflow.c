/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <stdio.h>

#include "dossier-fake-server.h"

/*
 * dossier-fake-hrflow: the fake HrFlow server as a program, for benchmarks
 * and manual checks.  It serves a folder of profiles under a source key,
 * prints its API base on standard output and runs until it is killed:
 *
 *   base=$(dossier-fake-hrflow --profiles DIR --source KEY &)
 *   HRFLOW_API_KEY=... HRFLOW_USER_EMAIL=... dossier --api-base "$base" ...
 *
 * This is a developer tool: its messages are not translated.
 */

static const struct
{
  const char       *name;
  DossierFakeFault  fault;
} faults[] = {
  { "none",              DOSSIER_FAKE_FAULT_NONE },
  { "unauthorized",      DOSSIER_FAKE_FAULT_UNAUTHORIZED },
  { "source-forbidden",  DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN },
  { "quota",             DOSSIER_FAKE_FAULT_QUOTA },
  { "rate-limited",      DOSSIER_FAKE_FAULT_RATE_LIMITED },
  { "server-error",      DOSSIER_FAKE_FAULT_SERVER_ERROR },
  { "server-error-html", DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML },
  { "empty-body",        DOSSIER_FAKE_FAULT_EMPTY_BODY },
  { "truncated-body",    DOSSIER_FAKE_FAULT_TRUNCATED_BODY },
  { "not-json",          DOSSIER_FAKE_FAULT_NOT_JSON },
  { "invalid-utf8",      DOSSIER_FAKE_FAULT_INVALID_UTF8 },
  { "no-data",           DOSSIER_FAKE_FAULT_NO_DATA },
  { "data-null",         DOSSIER_FAKE_FAULT_DATA_NULL },
  { "data-not-object",   DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT },
  { "huge-body",         DOSSIER_FAKE_FAULT_HUGE_BODY },
  { "deep-nesting",      DOSSIER_FAKE_FAULT_DEEP_NESTING },
  { "stall",             DOSSIER_FAKE_FAULT_STALL },
  { "reset",             DOSSIER_FAKE_FAULT_RESET },
  { "redirect",          DOSSIER_FAKE_FAULT_REDIRECT },
};

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Serves each regular file of @path at /files/NAME, e.g. a profile's
 * picture for the benchmarks, with its type guessed from name and bytes. */
static gboolean
add_files (DossierFakeServer  *server,
           const char         *path,
           GError            **error)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, error);
  const char *name;

  if (dir == NULL)
    return FALSE;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = g_build_filename (path, name, NULL);
      g_autofree char *url_path = NULL;
      g_autofree char *content_type = NULL;
      g_autofree char *mime_type = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      if (!g_file_test (file_path, G_FILE_TEST_IS_REGULAR))
        continue;
      if (!g_file_get_contents (file_path, &contents, &length, error))
        return FALSE;

      content_type = g_content_type_guess (name, (const guchar *) contents, length, NULL);
      mime_type = g_content_type_get_mime_type (content_type);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      url_path = g_strconcat ("/files/", name, NULL);
      dossier_fake_server_add_file (server, url_path, bytes, mime_type);
    }

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(DossierFakeServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profiles = NULL;
  g_autofree char *source = NULL;
  g_autofree char *api_key = NULL;
  g_autofree char *user_email = NULL;
  g_autofree char *permission = NULL;
  g_autofree char *fault_name = NULL;
  g_autofree char *redirect = NULL;
  g_autofree char *files = NULL;
  int port = 0;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port, "Port on 127.0.0.1 (default: any free port)", "PORT" },
    { "profiles", 0, 0, G_OPTION_ARG_FILENAME, &profiles, "Serve every *.json file of DIR", "DIR" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source, "Source key the profiles are served under", "KEY" },
    { "api-key", 0, 0, G_OPTION_ARG_STRING, &api_key, "Only accept this API key (default: any)", "KEY" },
    { "user-email", 0, 0, G_OPTION_ARG_STRING, &user_email, "User email that goes with --api-key", "EMAIL" },
    { "permission", 0, 0, G_OPTION_ARG_STRING, &permission, "Permission of --api-key: all, read or write", "PERM" },
    { "fault", 0, 0, G_OPTION_ARG_STRING, &fault_name, "Answer every API request with this failure", "NAME" },
    { "redirect-to", 0, 0, G_OPTION_ARG_STRING, &redirect, "Target of the redirect fault", "URL" },
    { "files", 0, 0, G_OPTION_ARG_FILENAME, &files, "Serve every file of DIR at /files/NAME (pictures)", "DIR" },
    { NULL }
  };

  context = g_option_context_new ("- a stand-in for the HrFlow API on loopback");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("dossier-fake-hrflow: %s\n", error->message);
      return 2;
    }
  if (port < 0 || port > G_MAXUINT16)
    {
      g_printerr ("dossier-fake-hrflow: --port must be between 0 and 65535\n");
      return 2;
    }
  if (profiles != NULL && source == NULL)
    {
      g_printerr ("dossier-fake-hrflow: --profiles needs --source\n");
      return 2;
    }
  if ((api_key == NULL) != (user_email == NULL))
    {
      g_printerr ("dossier-fake-hrflow: --api-key and --user-email go together\n");
      return 2;
    }

  server = dossier_fake_server_new ();

  if (api_key != NULL)
    dossier_fake_server_add_account (server, user_email, api_key,
                                     permission != NULL ? permission : "all", NULL);

  if (source != NULL)
    dossier_fake_server_add_source (server, source);

  if (profiles != NULL)
    {
      g_autoptr(GFile) directory = g_file_new_for_commandline_arg (profiles);

      if (!dossier_fake_server_add_profiles_from_directory (server, source, directory, &error))
        {
          g_printerr ("dossier-fake-hrflow: %s\n", error->message);
          return 1;
        }
    }

  if (fault_name != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
        {
          if (g_str_equal (fault_name, faults[i].name))
            {
              dossier_fake_server_set_fault (server, faults[i].fault);
              found = TRUE;
            }
        }
      if (!found)
        {
          g_printerr ("dossier-fake-hrflow: unknown fault “%s”; known faults:", fault_name);
          for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
            g_printerr (" %s", faults[i].name);
          g_printerr ("\n");
          return 2;
        }
    }

  if (redirect != NULL)
    dossier_fake_server_set_redirect_target (server, redirect);

  if (files != NULL && !add_files (server, files, &error))
    {
      g_printerr ("dossier-fake-hrflow: %s\n", error->message);
      return 1;
    }

  if (!dossier_fake_server_start (server, port, &error))
    {
      g_printerr ("dossier-fake-hrflow: %s\n", error->message);
      return 1;
    }

  /* The only line on standard output: scripts read the base from it. */
  g_print ("%s\n", dossier_fake_server_get_api_base (server));
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_main_loop_run (loop);

  return 0;
}
