/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <json-glib/json-glib.h>

#include "dossier-fake-server.h"
#include "dossier-test-key.h"

/* The command line, end to end: the real `dossier` binary against the fake
 * HrFlow server, which runs in this process so that the test can look at
 * what it received. */

#define TEST_API_KEY    DOSSIER_TEST_API_KEY
#define TEST_USER_EMAIL DOSSIER_TEST_USER_EMAIL
#define TEST_SOURCE     "0123456789abcdef0123456789abcdef01234567"

typedef struct
{
  DossierFakeServer *server;
  char              *dir;
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
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* The bare profile object of a fixture that may be an API envelope. */
static GBytes *
load_profile_data (const char *name)
{
  g_autoptr(GBytes) body = load_fixture (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonNode *data;
  char *text;
  gsize length;

  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                             g_bytes_get_size (body), NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  data = json_object_get_member (root, "data");
  if (data == NULL)
    return g_steal_pointer (&body);
  json_generator_set_root (generator, data);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) profile = NULL;

  fixture->server = dossier_fake_server_new ();
  dossier_fake_server_add_account (fixture->server, TEST_USER_EMAIL, TEST_API_KEY, "all", "Test Team");
  profile = load_profile_data ("seed-example.json");
  dossier_fake_server_add_profile (fixture->server, TEST_SOURCE, profile, &error);
  g_assert_no_error (error);
  dossier_fake_server_start (fixture->server, 0, &error);
  g_assert_no_error (error);

  fixture->dir = g_dir_make_tmp ("dossier-cli-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  /* The key audit (tests/test-leak.sh) reads the exports left behind. */
  while (g_getenv ("DOSSIER_TEST_AUDIT") == NULL && dir != NULL &&
         (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  if (g_getenv ("DOSSIER_TEST_AUDIT") == NULL)
    g_rmdir (fixture->dir);
  g_free (fixture->dir);
  g_clear_object (&fixture->server);
}

/* DOSSIER_REQUEST_TIMEOUT for the next runs of dossier, when not NULL. */
static const char *request_timeout;

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

/* Runs dossier with @args (NULL-terminated) while this process's main loop
 * serves the fake server.  @api_key, when not NULL, goes in the environment
 * with the test user's email. */
static void
run_dossier_with_key (Run                *run,
                      const char         *api_key,
                      const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("DOSSIER_BINARY"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_unsetenv (launcher, "HRFLOW_API_KEY");
  g_subprocess_launcher_unsetenv (launcher, "HRFLOW_USER_EMAIL");
  if (api_key != NULL)
    {
      g_subprocess_launcher_setenv (launcher, "HRFLOW_API_KEY", api_key, TRUE);
      g_subprocess_launcher_setenv (launcher, "HRFLOW_USER_EMAIL", TEST_USER_EMAIL, TRUE);
    }
  if (request_timeout != NULL)
    g_subprocess_launcher_setenv (launcher, "DOSSIER_REQUEST_TIMEOUT", request_timeout, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "DOSSIER_REQUEST_TIMEOUT");
  /* The headless path must not need a display: take it away. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  run->status = -1;
  g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, run);
  while (run->status == -1)
    g_main_context_iteration (NULL, TRUE);
}

/* One non-empty line, ending in a newline. */
static void
run_dossier (Run                *run,
             gboolean            with_credentials,
             const char * const *args)
{
  run_dossier_with_key (run, with_credentials ? TEST_API_KEY : NULL, args);
}

static void
assert_one_line (const char *text)
{
  const char *newline;

  g_assert_nonnull (text);
  newline = strchr (text, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpint (newline - text, >, 0);
  g_assert_cmpstr (newline, ==, "\n");
}

static void
test_export_by_email (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GHashTable *query;
  SoupMessageHeaders *headers;
  JsonObject *root;
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--email", "harry.potter@hrflow.ai",
                         "--export", out, NULL };

  run_dossier (&run, TRUE, args);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.status, ==, 0);

  json_parser_load_from_file (parser, out, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "info"), "full_name"),
                   ==, "Harry Potter");
  /* The export is the profile, not the envelope, and holds no credentials. */
  g_assert_false (json_object_has_member (root, "code"));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_null (strstr (contents, TEST_API_KEY));
  }

  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpstr (dossier_fake_server_get_last_path (fixture->server), ==, "/v1/profile/indexing");
  query = dossier_fake_server_get_last_query (fixture->server);
  g_assert_cmpuint (g_hash_table_size (query), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (query, "source_key"), ==, TEST_SOURCE);
  g_assert_cmpstr (g_hash_table_lookup (query, "email"), ==, "harry.potter@hrflow.ai");
  headers = dossier_fake_server_get_last_headers (fixture->server);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-API-KEY"), ==, TEST_API_KEY);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-USER-EMAIL"), ==, TEST_USER_EMAIL);
}

/* `+` and `@` must arrive intact: a raw `+` reads as a space. */
static void
test_identifier_encoding (Fixture       *fixture,
                          gconstpointer  data)
{
  struct { const char *option; const char *name; const char *value; } cases[] = {
    { "--email", "email", "a+b@x.fr" },
    { "--reference", "reference", "ref&x=/y z é日本" },
    { "--key", "key", "k+/=?#%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      GHashTable *query;
      const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                             "--source", TEST_SOURCE, cases[i].option, cases[i].value,
                             "--export", "-", NULL };

      run_dossier (&run, TRUE, args);
      /* Not served: exit 1, but the server saw the identifier intact. */
      g_assert_cmpint (run.status, ==, 1);
      query = dossier_fake_server_get_last_query (fixture->server);
      g_assert_cmpuint (g_hash_table_size (query), ==, 2);
      g_assert_cmpstr (g_hash_table_lookup (query, cases[i].name), ==, cases[i].value);
    }
}

static void
test_export_to_stdout (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };

  run_dossier (&run, TRUE, args);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "{\n  \""));
  g_assert_nonnull (strstr (run.out, "\"full_name\": \"Harry Potter\""));
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "missing.json", NULL);
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--reference", "nobody", "--export", out, NULL };

  run_dossier (&run, TRUE, args);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "Unable to find object: profile"));
  g_assert_nonnull (strstr (run.err, "HTTP 4"));
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
}

static void
test_invalid_source (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", "unknown-source", "--key", "profile_key", "--export", "-", NULL };

  run_dossier (&run, TRUE, args);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "Invalid source fields"));
  g_assert_nonnull (strstr (run.err, "HTTP 400"));
}

/* Every fault the server can inject ends in exit status 1 and one line of
 * explanation, each different from the others, each saying what happened
 * (the window's side of the same matrix: tests/test-fault-matrix.c). */
static void
test_faults (Fixture       *fixture,
             gconstpointer  data)
{
  const struct { DossierFakeFault fault; const char *status; const char *message; } faults[] = {
    { DOSSIER_FAKE_FAULT_UNAUTHORIZED, "HTTP 401", "rejected the API key or the user email" },
    { DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN, "HTTP 403", "not allowed to read profiles from this source" },
    { DOSSIER_FAKE_FAULT_QUOTA, "HTTP 402", "used up its quota" },
    { DOSSIER_FAKE_FAULT_RATE_LIMITED, "HTTP 429", "Wait 30 seconds" },
    { DOSSIER_FAKE_FAULT_SERVER_ERROR, "HTTP 500", "a problem on its side" },
    { DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML, "HTTP 502", "a problem on its side" },
    { DOSSIER_FAKE_FAULT_EMPTY_BODY, NULL, "the answer is empty" },
    { DOSSIER_FAKE_FAULT_TRUNCATED_BODY, NULL, "it may have been cut off" },
    { DOSSIER_FAKE_FAULT_NOT_JSON, NULL, "it is a web page, not HrFlow data" },
    { DOSSIER_FAKE_FAULT_INVALID_UTF8, NULL, "not valid UTF-8 text" },
    { DOSSIER_FAKE_FAULT_NO_DATA, NULL, "holds no profile" },
    { DOSSIER_FAKE_FAULT_DATA_NULL, NULL, "its data is null" },
    { DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT, NULL, "not a JSON object" },
    { DOSSIER_FAKE_FAULT_HUGE_BODY, NULL, "larger than 32 MiB" },
    { DOSSIER_FAKE_FAULT_DEEP_NESTING, NULL, "more than 512 levels deep" },
    { DOSSIER_FAKE_FAULT_RESET, NULL, "was cut before the answer was complete" },
    { DOSSIER_FAKE_FAULT_REDIRECT, "HTTP 302", "Your credentials were not sent there." },
  };
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  dossier_fake_server_set_redirect_target (fixture->server, "http://127.0.0.2:9/v1/profile/indexing");

  for (guint i = 0; i < G_N_ELEMENTS (faults); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                             "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };

      g_test_message ("fault %d", faults[i].fault);
      dossier_fake_server_set_fault (fixture->server, faults[i].fault);
      run_dossier (&run, TRUE, args);

      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      assert_one_line (run.err);
      g_assert_true (g_str_has_prefix (run.err, "dossier: "));
      if (faults[i].status != NULL)
        g_assert_nonnull (strstr (run.err, faults[i].status));
      g_assert_nonnull (strstr (run.err, faults[i].message));
      g_assert_null (strstr (run.err, TEST_API_KEY));
      g_assert_null (strstr (run.err, "CRITICAL"));
      g_assert_true (g_hash_table_add (messages, g_strdup (run.err)));
    }
}

/* Ctrl+C or a TERM signal during the transfer: the export stops at once,
 * says so on one line, keeps the previous export and leaves no temporary
 * file (the default action killed the process and left it). */
static void
test_interrupted (Fixture       *fixture,
                  gconstpointer  data)
{
  static const int signals[] = { SIGINT, SIGTERM };
  g_autofree char *out = g_build_filename (fixture->dir, "out.json", NULL);

  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  g_assert_true (g_file_set_contents (out, "previous export", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                           G_SUBPROCESS_FLAGS_STDERR_PIPE);
      const char *argv[] = { g_getenv ("DOSSIER_BINARY"),
                             "--api-base", dossier_fake_server_get_api_base (fixture->server),
                             "--source", TEST_SOURCE, "--key", "profile_key", "--export", out, NULL };
      guint requests = dossier_fake_server_get_request_count (fixture->server);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autofree char *contents = NULL;
      g_auto(Run) run = { 0 };
      const char *name;

      g_subprocess_launcher_setenv (launcher, "HRFLOW_API_KEY", TEST_API_KEY, TRUE);
      g_subprocess_launcher_setenv (launcher, "HRFLOW_USER_EMAIL", TEST_USER_EMAIL, TRUE);
      g_subprocess_launcher_unsetenv (launcher, "DOSSIER_REQUEST_TIMEOUT");
      process = g_subprocess_launcher_spawnv (launcher, argv, &error);
      g_assert_no_error (error);
      run.status = -1;
      g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, &run);

      /* The answer has begun, and stalls. */
      while (dossier_fake_server_get_request_count (fixture->server) == requests)
        g_main_context_iteration (NULL, TRUE);
      {
        gint64 until = g_get_monotonic_time () + 300 * 1000;

        while (g_get_monotonic_time () < until)
          g_main_context_iteration (NULL, FALSE);
      }
      g_subprocess_send_signal (process, signals[i]);
      while (run.status == -1)
        g_main_context_iteration (NULL, TRUE);

      g_test_message ("signal %d: %s", signals[i], run.err);
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (run.status, ==, 1);
      assert_one_line (run.err);
      g_assert_nonnull (strstr (run.err, "Interrupted"));

      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "previous export");
      dir = g_dir_open (fixture->dir, 0, &error);
      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_assert_cmpstr (name, ==, "out.json");
    }
}

/* A server that sends half an answer and then nothing: the request limit
 * (DOSSIER_REQUEST_TIMEOUT here, 30 seconds by default) ends it. */
static void
test_stall (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  request_timeout = "2";
  run_dossier (&run, TRUE, args);
  request_timeout = NULL;
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_test_message ("%.2f s: %s", seconds, run.err);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "did not answer within 2 seconds"));
  g_assert_cmpfloat (seconds, >=, 1.5);
  g_assert_cmpfloat (seconds, <, 10);
}

/* A redirect to another HrFlow-like server, which would answer the same
 * lookup: it must receive nothing, so neither the key nor the email. */
static void
test_redirect_other_host (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DossierFakeServer) other = dossier_fake_server_new ();
  g_autoptr(GBytes) profile = load_profile_data ("seed-example.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  g_auto(Run) run = { 0 };
  SoupMessageHeaders *headers;

  dossier_fake_server_add_account (other, TEST_USER_EMAIL, TEST_API_KEY, "all", "Test Team");
  dossier_fake_server_add_profile (other, TEST_SOURCE, profile, &error);
  g_assert_no_error (error);
  dossier_fake_server_start (other, 0, &error);
  g_assert_no_error (error);
  target = g_strdup_printf ("%s/profile/indexing?source_key=%s&key=profile_key",
                            dossier_fake_server_get_api_base (other), TEST_SOURCE);
  dossier_fake_server_set_redirect_target (fixture->server, target);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_REDIRECT);

  {
    const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                           "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };
    run_dossier (&run, TRUE, args);
  }

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "Your credentials were not sent there."));
  /* The first server had the credentials, the second nothing at all. */
  g_assert_cmpstr (soup_message_headers_get_one (dossier_fake_server_get_last_headers (fixture->server), "X-API-KEY"),
                   ==, TEST_API_KEY);
  g_assert_cmpuint (dossier_fake_server_get_request_count (other), ==, 0);
  headers = dossier_fake_server_get_last_headers (other);
  g_assert_true (headers == NULL || soup_message_headers_get_one (headers, "X-API-KEY") == NULL);
  g_assert_true (headers == NULL || soup_message_headers_get_one (headers, "X-USER-EMAIL") == NULL);
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *target = g_strdup_printf ("%s/profile/indexing?source_key=%s&key=profile_key",
                                             dossier_fake_server_get_api_base (fixture->server), TEST_SOURCE);
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };

  dossier_fake_server_set_redirect_target (fixture->server, target);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_REDIRECT);
  run_dossier (&run, TRUE, args);

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "redirected the request too many times"));
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), <=, 10);
}

/* Any other 4xx: an API base whose path the server does not know. */
static void
test_other_4xx (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *api_base = g_strconcat (dossier_fake_server_get_base_url (fixture->server), "/v2", NULL);
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", api_base, "--source", TEST_SOURCE,
                         "--key", "profile_key", "--export", "-", NULL };

  run_dossier (&run, TRUE, args);

  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_nonnull (strstr (run.err, "HrFlow refused the request"));
  g_assert_nonnull (strstr (run.err, "HTTP 404"));
}

/* Every field, and every item of every list, of the wrong type: the
 * profile is exported all the same, as valid JSON. */
static void
test_export_wrong_types (Fixture       *fixture,
                         gconstpointer  data)
{
  const struct { const char *fixture; const char *key; } cases[] = {
    { "wrong-types.json", "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344" },
    { "wrong-types-items.json", "bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = load_profile_data (cases[i].fixture);
      g_autoptr(JsonParser) fixture_parser = json_parser_new ();
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = g_build_filename (fixture->dir, cases[i].fixture, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GBytes) keyed = NULL;
      g_auto(Run) run = { 0 };
      const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                             "--source", TEST_SOURCE, "--key", cases[i].key, "--export", out, NULL };
      JsonObject *root;

      /* Served under a key of the right type. */
      g_assert_true (json_parser_load_from_data (fixture_parser, g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes), NULL));
      json_object_set_string_member (json_node_get_object (json_parser_get_root (fixture_parser)),
                                     "key", cases[i].key);
      json_generator_set_root (generator, json_parser_get_root (fixture_parser));
      text = json_generator_to_data (generator, NULL);
      keyed = g_bytes_new_take (text, strlen (text));
      text = NULL;
      dossier_fake_server_add_profile (fixture->server, TEST_SOURCE, keyed, &error);
      g_assert_no_error (error);

      run_dossier (&run, TRUE, args);
      g_test_message ("%s: %s", cases[i].fixture, run.err);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.err, ==, "");

      json_parser_load_from_file (parser, out, &error);
      g_assert_no_error (error);
      g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpstr (json_object_get_string_member_with_default (root, "key", NULL), ==, cases[i].key);
    }
}

static void
test_connection_refused (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *api_base = NULL;
  g_autoptr(GError) error = NULL;

  /* A port that was free a moment ago and has nobody listening now. */
  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  api_base = g_strdup_printf ("http://127.0.0.1:%u/v1",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_listener_close (listener);

  {
    const char *args[] = { "--api-base", api_base, "--source", TEST_SOURCE,
                           "--key", "k", "--export", "-", NULL };
    run_dossier (&run, TRUE, args);
  }
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
}

static void
test_usage_errors (void)
{
  const char *cases[][8] = {
    { "--export", "-", NULL },
    { "--source", TEST_SOURCE, "--export", "-", NULL },
    { "--source", TEST_SOURCE, "--key", "a", "--email", "b", "--export", "-" },
    { "--key", "a", "--export", "-", NULL },
    { "--api-base", "http://example.com/v1", "--source", "s", "--key", "k", "--export", "-" },
    { "--api-base", "ftp://127.0.0.1/v1", "--source", "s", "--key", "k", "--export", "-" },
    { "--no-such-option", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[9] = { NULL };

      memcpy (args, cases[i], sizeof cases[i]);
      run_dossier (&run, TRUE, args);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_true (g_str_has_prefix (run.err, "dossier: "));
      g_assert_nonnull (strstr (run.err, "--help"));
    }
}

static void
test_help_and_version (void)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  const char *help_args[] = { "--help", NULL };
  const char *version_args[] = { "--version", NULL };

  run_dossier (&help, FALSE, help_args);
  g_assert_cmpint (help.status, ==, 0);
  g_assert_nonnull (strstr (help.out, "--export"));
  g_assert_nonnull (strstr (help.out, "--reference"));

  run_dossier (&version, FALSE, version_args);
  g_assert_cmpint (version.status, ==, 0);
  g_assert_cmpstr (version.out, ==, "dossier " PACKAGE_VERSION "\n");
}

static void
test_control_characters_refused (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                         "--source", TEST_SOURCE, "--key", "profile_key", "--export", "-", NULL };

  run_dossier_with_key (&run, TEST_API_KEY "\r\nX-Injected: 1", args);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  g_assert_null (strstr (run.err, TEST_API_KEY));
  /* Refused before sending. */
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
}

/* Exports under failure.  Each case runs dossier inside a private mount
 * namespace (unshare, as root or through a user namespace) where the
 * target folder is a small or read-only tmpfs: a full disk and a read-only
 * folder, for real, without touching the machine.  The shell prints the
 * target's content after dossier has run, so that the test can check that
 * the previous export survived byte for byte. */
#define OLD_EXPORT "{\"previous\": \"export\", \"kept\": true}"

static gboolean
can_unshare (void)
{
  g_autofree char *unshare = g_find_program_in_path ("unshare");
  g_autofree char *err = NULL;
  int status = -1;

  if (unshare == NULL)
    return FALSE;
  if (!g_spawn_command_line_sync ("unshare -rm sh -c 'mount -t tmpfs tmpfs /mnt 2>/dev/null || "
                                  "mount -t tmpfs tmpfs \"${TMPDIR:-/tmp}\"'",
                                  NULL, &err, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static void
run_export_in_namespace (Fixture    *fixture,
                         const char *mount_options,
                         gboolean    read_only,
                         Run        *run)
{
  g_autofree char *script = NULL;
  const char *args[] = { "-rm", "sh", "-c", NULL, "sh", NULL, NULL };

  script = g_strdup_printf ("set -e\n"
                            "dir=\"$1\"\n"
                            "mount -t tmpfs -o %s tmpfs \"$dir\"\n"
                            "printf '%%s' '" OLD_EXPORT "' > \"$dir/candidate.json\"\n"
                            "%s"
                            "set +e\n"
                            "\"$DOSSIER_BINARY\" --api-base %s --source %s --key profile_key "
                            "--export \"$dir/candidate.json\"\n"
                            "echo \"exit=$?\"\n"
                            "cat \"$dir/candidate.json\"\n"
                            "ls -A \"$dir\" | wc -l | sed 's/^/files=/'\n",
                            mount_options,
                            read_only ? "mount -o remount,ro \"$dir\"\n" : "",
                            dossier_fake_server_get_api_base (fixture->server),
                            TEST_SOURCE);
  args[3] = script;
  args[5] = fixture->dir;

  /* run_dossier runs DOSSIER_BINARY: run unshare instead. */
  {
    g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                         G_SUBPROCESS_FLAGS_STDERR_PIPE);
    g_autoptr(GSubprocess) process = NULL;
    g_autoptr(GError) error = NULL;
    const char *argv[8] = { "unshare" };

    memcpy (argv + 1, args, sizeof (char *) * 6);
    g_subprocess_launcher_setenv (launcher, "HRFLOW_API_KEY", TEST_API_KEY, TRUE);
    g_subprocess_launcher_setenv (launcher, "HRFLOW_USER_EMAIL", TEST_USER_EMAIL, TRUE);
    process = g_subprocess_launcher_spawnv (launcher, argv, &error);
    g_assert_no_error (error);
    run->status = -1;
    g_subprocess_communicate_utf8_async (process, NULL, NULL, communicate_cb, run);
    while (run->status == -1)
      g_main_context_iteration (NULL, TRUE);
  }
}

static void
assert_export_failed_and_kept (Run *run)
{
  g_test_message ("stdout: %s\nstderr: %s", run->out, run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_true (g_str_has_prefix (run->out, "exit=1\n" OLD_EXPORT "files=1\n"));
  assert_one_line (run->err);
  g_assert_nonnull (strstr (run->err, "candidate.json"));
}

static void
test_export_disk_full (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  if (!can_unshare ())
    {
      g_test_skip ("no mount namespace available (unshare -rm)");
      return;
    }

  /* Room for the old export, not for the new one. */
  run_export_in_namespace (fixture, "size=4k", FALSE, &run);
  assert_export_failed_and_kept (&run);
}

static void
test_export_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  if (!can_unshare ())
    {
      g_test_skip ("no mount namespace available (unshare -rm)");
      return;
    }

  run_export_in_namespace (fixture, "size=1m", TRUE, &run);
  assert_export_failed_and_kept (&run);
  g_assert_nonnull (strstr (run.err, "ead-only"));
}

static void
test_export_bad_targets (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (300, 'x');
  g_autofree char *too_long = g_build_filename (fixture->dir, long_name, NULL);
  const char *targets[] = { fixture->dir, too_long, "/nonexistent-folder/candidate.json" };

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_auto(Run) run = { 0 };
      const char *args[] = { "--api-base", dossier_fake_server_get_api_base (fixture->server),
                             "--source", TEST_SOURCE, "--key", "profile_key",
                             "--export", targets[i], NULL };

      run_dossier (&run, TRUE, args);
      g_test_message ("%s", run.err);
      g_assert_cmpint (run.status, ==, 1);
      assert_one_line (run.err);
      g_assert_true (g_str_has_prefix (run.err, "dossier: Could not export the profile to"));
    }
  /* The folder is still a folder. */
  g_assert_true (g_file_test (fixture->dir, G_FILE_TEST_IS_DIR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/cli/export/by-email", test_export_by_email);
  ADD ("/cli/export/identifier-encoding", test_identifier_encoding);
  ADD ("/cli/export/stdout", test_export_to_stdout);
  ADD ("/cli/error/not-found", test_not_found);
  ADD ("/cli/error/invalid-source", test_invalid_source);
  ADD ("/cli/error/faults", test_faults);
  ADD ("/cli/error/stall", test_stall);
  ADD ("/cli/interrupted", test_interrupted);
  ADD ("/cli/error/redirect-other-host", test_redirect_other_host);
  ADD ("/cli/error/redirect-loop", test_redirect_loop);
  ADD ("/cli/error/other-4xx", test_other_4xx);
  ADD ("/cli/export/wrong-types", test_export_wrong_types);
  ADD ("/cli/error/control-characters", test_control_characters_refused);
  ADD ("/cli/export-failure/disk-full", test_export_disk_full);
  ADD ("/cli/export-failure/read-only", test_export_read_only);
  ADD ("/cli/export-failure/bad-targets", test_export_bad_targets);
  g_test_add_func ("/cli/error/connection-refused", test_connection_refused);
  g_test_add_func ("/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/cli/usage/help-and-version", test_help_and_version);

#undef ADD

  return g_test_run ();
}
