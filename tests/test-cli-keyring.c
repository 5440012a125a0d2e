/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsecret/secret.h>
#include <string.h>

#include "dossier-credentials.h"
#include "dossier-fake-server.h"
#include "dossier-test-bus.h"
#include "dossier-test-key.h"

/* The headless command line with credentials from the keyring: the real
 * `dossier` binary, no HRFLOW_* variables, accounts written by secret-tool
 * (another program than Dossier) with the published schema, and the fake
 * HrFlow server in this process to see what arrived. */

#define TEST_SOURCE      "0123456789abcdef0123456789abcdef01234567"
#define TEST_PROFILE_KEY "profile_key"

typedef struct
{
  DossierFakeServer *server;
  const char        *api_base;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static GBytes *
load_profile_data (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "seed-example.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonNode *data;
  char *text;
  gsize length;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  data = json_object_get_member (root, "data");
  json_generator_set_root (generator, data != NULL ? data : json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
clear_base (const char *api_base)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (dossier_credentials_get_schema (), NULL, &error,
                              "api-base", api_base,
                              NULL);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GBytes) profile = load_profile_data ();
  g_autoptr(GError) error = NULL;

  fixture->server = dossier_fake_server_new ();
  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL,
                                   DOSSIER_TEST_API_KEY, "all", "First Team");
  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL_2,
                                   DOSSIER_TEST_API_KEY_2, "read", "Second Team");
  dossier_fake_server_add_profile (fixture->server, TEST_SOURCE, profile, &error);
  g_assert_no_error (error);
  dossier_fake_server_start (fixture->server, 0, &error);
  g_assert_no_error (error);
  fixture->api_base = dossier_fake_server_get_api_base (fixture->server);

  /* A port may be reused from an earlier run. */
  clear_base (fixture->api_base);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  clear_base (fixture->api_base);
  g_clear_object (&fixture->server);
}

/* Stores an account the way a user or a script would, outside Dossier. */
static void
secret_tool_store (const char *api_base,
                   const char *user_email,
                   const char *api_key)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE |
                              G_SUBPROCESS_FLAGS_STDOUT_SILENCE,
                              &error,
                              "secret-tool", "store", "--label=x",
                              "xdg:schema", DOSSIER_CREDENTIALS_SCHEMA_NAME,
                              "api-base", api_base,
                              "user-email", user_email,
                              NULL);
  g_assert_no_error (error);

  /* The secret on standard input, never on a command line. */
  g_subprocess_communicate_utf8 (process, api_key, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
communicate_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (object));
}

static char *
drop_debug_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0' || strstr (lines[i], "DEBUG: ") != NULL || strstr (lines[i], "INFO: ") != NULL)
        continue;
      g_string_append_printf (kept, "%s\n", lines[i]);
    }

  return g_string_free (kept, FALSE);
}

/* Runs dossier with @args while this process's main loop serves the fake
 * server.  @env is NULL or name/value pairs to set (a NULL value unsets). */
static void
run_dossier (Run                *run,
             const char * const *env,
             const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "HRFLOW_API_KEY");
  g_subprocess_launcher_unsetenv (launcher, "HRFLOW_USER_EMAIL");
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  for (guint i = 0; env != NULL && env[i] != NULL; i += 2)
    {
      if (env[i + 1] != NULL)
        g_subprocess_launcher_setenv (launcher, env[i], env[i + 1], TRUE);
      else
        g_subprocess_launcher_unsetenv (launcher, env[i]);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  run->status = -1;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, run);
  while (run->status == -1)
    g_main_context_iteration (NULL, TRUE);

  /* Whatever happened, the key is never printed. */
  g_assert_null (strstr (run->out, DOSSIER_TEST_API_KEY + 5));
  g_assert_null (strstr (run->err, DOSSIER_TEST_API_KEY + 5));
  g_assert_null (strstr (run->out, DOSSIER_TEST_API_KEY_2 + 5));
  g_assert_null (strstr (run->err, DOSSIER_TEST_API_KEY_2 + 5));

  /* The leak test runs this with G_MESSAGES_DEBUG set: debug lines are not
   * what the command says to its user; the key was looked for above, in
   * everything, and the leak test looks again. */
  if (g_getenv ("G_MESSAGES_DEBUG") != NULL)
    {
      g_autofree char *err = g_steal_pointer (&run->err);

      run->err = drop_debug_lines (err);
    }
}

static void
assert_sent (Fixture    *fixture,
             const char *user_email,
             const char *api_key)
{
  SoupMessageHeaders *headers = dossier_fake_server_get_last_headers (fixture->server);

  g_assert_nonnull (headers);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-USER-EMAIL"), ==, user_email);
  /* Compared without printing the key on failure. */
  g_assert_true (g_strcmp0 (soup_message_headers_get_one (headers, "X-API-KEY"), api_key) == 0);
}

static void
assert_profile (const char *out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (root);
  /* The profile itself, not the API's envelope. */
  g_assert_false (json_object_has_member (root, "code"));
  g_assert_cmpstr (json_object_get_string_member (root, "key"), ==, TEST_PROFILE_KEY);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "info"), "full_name"),
                   ==, "Harry Potter");
}

/* The done-when of the keyring issue: an item stored by secret-tool is used,
 * and the server received exactly its key and email. */
static void
test_stored_account (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  run_dossier (&run, NULL, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_profile (run.out);

  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpstr (dossier_fake_server_get_last_path (fixture->server), ==, "/v1/profile/indexing");
  assert_sent (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
}

/* The base as typed may end with a slash; the stored one does not. */
static void
test_trailing_slash (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *base_with_slash = g_strconcat (fixture->api_base, "/", NULL);
  const char *args[] = { "--api-base", base_with_slash, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  run_dossier (&run, NULL, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);
  assert_sent (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
}

static void
test_no_account (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  run_dossier (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  /* One line that says what to do. */
  g_assert_true (g_str_has_prefix (run.err, "dossier: "));
  g_assert_true (g_str_has_suffix (run.err, "\n"));
  g_assert_cmpuint (strchr (run.err, '\n') - run.err + 1, ==, strlen (run.err));
  g_assert_nonnull (strstr (run.err, "No HrFlow account is stored for"));
  g_assert_nonnull (strstr (run.err, fixture->api_base));
  g_assert_nonnull (strstr (run.err, "sign in once in the Dossier window"));
  g_assert_nonnull (strstr (run.err, "HRFLOW_API_KEY"));
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
}

/* An account for another base is not used for this one. */
static void
test_other_base (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };
  const char *other_base = "https://other.test-cli-keyring.example/v1";

  secret_tool_store (other_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  run_dossier (&run, NULL, args);
  clear_base (other_base);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No HrFlow account is stored for"));
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
}

/* Without --api-base, the default base's account is wanted: with none
 * stored, the message names the default base and nothing is sent. */
static void
test_default_base (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--source", TEST_SOURCE, "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  /* This runs in a throwaway keyring: clearing it harms nobody. */
  clear_base ("https://api.hrflow.ai/v1");
  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  run_dossier (&run, NULL, args);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "No HrFlow account is stored for https://api.hrflow.ai/v1"));
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
}

/* Two accounts for the same base: --user-email picks one; without it, the
 * first by email. */
static void
test_choose_account (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *base_args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                              "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                           "--key", TEST_PROFILE_KEY, "--user-email", DOSSIER_TEST_USER_EMAIL_2,
                           "--export", "-", NULL };

    run_dossier (&run, NULL, args);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    assert_profile (run.out);
    assert_sent (fixture, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  }

  {
    g_auto(Run) run = { 0 };
    const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                           "--key", TEST_PROFILE_KEY, "--user-email", DOSSIER_TEST_USER_EMAIL,
                           "--export", "-", NULL };

    run_dossier (&run, NULL, args);
    g_assert_cmpint (run.status, ==, 0);
    assert_sent (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  }

  {
    g_auto(Run) run = { 0 };

    /* "recruiter@" sorts before "second.team@". */
    run_dossier (&run, NULL, base_args);
    g_assert_cmpint (run.status, ==, 0);
    assert_sent (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  }

  {
    g_auto(Run) run = { 0 };
    const char *env[] = { "HRFLOW_USER_EMAIL", DOSSIER_TEST_USER_EMAIL_2, NULL };

    /* HRFLOW_USER_EMAIL alone chooses, like --user-email. */
    run_dossier (&run, env, base_args);
    g_assert_cmpint (run.status, ==, 0);
    assert_sent (fixture, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  }

  {
    g_auto(Run) run = { 0 };
    guint requests = dossier_fake_server_get_request_count (fixture->server);
    const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                           "--key", TEST_PROFILE_KEY, "--user-email", "nobody@example.com",
                           "--export", "-", NULL };

    run_dossier (&run, NULL, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.err, "No HrFlow account for nobody@example.com is stored for"));
    g_assert_nonnull (strstr (run.err, "sign in once"));
    g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, requests);
  }
}

/* Credentials in the environment win over the keyring. */
static void
test_environment_wins (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *env[] = { "HRFLOW_API_KEY", DOSSIER_TEST_API_KEY_2,
                        "HRFLOW_USER_EMAIL", DOSSIER_TEST_USER_EMAIL_2, NULL };
  const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  secret_tool_store (fixture->api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  run_dossier (&run, env, args);
  g_assert_cmpint (run.status, ==, 0);
  assert_sent (fixture, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
}

/* No keyring: environment credentials work as ever; without them, a clear
 * error and nothing sent. */
static void
check_without_keyring (Fixture    *fixture,
                       const char *bus_address)
{
  const char *args[] = { "--api-base", fixture->api_base, "--source", TEST_SOURCE,
                         "--key", TEST_PROFILE_KEY, "--export", "-", NULL };

  {
    g_auto(Run) run = { 0 };
    const char *env[] = { "DBUS_SESSION_BUS_ADDRESS", bus_address,
                          "HRFLOW_API_KEY", DOSSIER_TEST_API_KEY,
                          "HRFLOW_USER_EMAIL", DOSSIER_TEST_USER_EMAIL, NULL };

    run_dossier (&run, env, args);
    g_assert_cmpstr (run.err, ==, "");
    g_assert_cmpint (run.status, ==, 0);
    assert_profile (run.out);
    assert_sent (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  }

  {
    g_auto(Run) run = { 0 };
    guint requests = dossier_fake_server_get_request_count (fixture->server);
    const char *env[] = { "DBUS_SESSION_BUS_ADDRESS", bus_address, NULL };

    run_dossier (&run, env, args);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "No keyring can be used here"));
    g_assert_nonnull (strstr (run.err, "HRFLOW_API_KEY and HRFLOW_USER_EMAIL"));
    g_assert_cmpuint (strchr (run.err, '\n') - run.err + 1, ==, strlen (run.err));
    g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, requests);
  }
}

static void
test_no_bus (Fixture       *fixture,
             gconstpointer  data)
{
  check_without_keyring (fixture, "unix:path=/nonexistent");
}

static void
test_no_provider (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(DossierTestBus) bus = dossier_test_bus_new_without_secrets ();

  if (bus == NULL)
    return;

  check_without_keyring (fixture, bus->address);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("DOSSIER_BINARY") == NULL)
    g_error ("DOSSIER_BINARY must name the dossier binary");

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli-keyring/stored-account", test_stored_account);
  ADD ("/cli-keyring/trailing-slash", test_trailing_slash);
  ADD ("/cli-keyring/no-account", test_no_account);
  ADD ("/cli-keyring/other-base", test_other_base);
  ADD ("/cli-keyring/default-base", test_default_base);
  ADD ("/cli-keyring/choose-account", test_choose_account);
  ADD ("/cli-keyring/environment-wins", test_environment_wins);
  ADD ("/cli-keyring/no-bus", test_no_bus);
  ADD ("/cli-keyring/no-provider", test_no_provider);

#undef ADD

  return g_test_run ();
}
