/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "dossier-client.h"
#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-fake-server.h"
#include "dossier-test-key.h"

/* The HrFlow client against the fake server, in this process, over
 * loopback: what the server received, and one error per failure. */

#define API_KEY     DOSSIER_TEST_API_KEY
#define WRITE_KEY   DOSSIER_TEST_WRITE_API_KEY
#define USER_EMAIL  "recruiter+hr@example.org"
#define SOURCE_KEY  "5f0a3e9bc2d14a7e8b9c0d1e2f3a4b5c6d7e8f90"

#define KEY_1       "1111111111111111111111111111111111111111"
#define KEY_2       "2222222222222222222222222222222222222222"

/* The bytes served must come back exactly: odd spacing, a big id, numbers
 * written in unusual ways, an unknown member. */
static const char profile_1[] =
  "{\"id\": 18446744073709551615, \"key\":\"" KEY_1 "\",\n"
  "  \"reference\": \"ref&x=/y z\", \"info\": {\"full_name\": \"Ada Lovelace\","
  " \"email\": \"a+b@x.fr\"}, \"future_field\": [1.50, 2e3, -0.0]}";
static const char profile_2[] =
  "{\"key\":\"" KEY_2 "\",\"reference\":\"é日本\",\"info\":{\"email\":\"plain@example.org\"}}";

/* Every log line of the process, to prove the API key never shows. */
static GMutex log_mutex;
static GString *log_text;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (log_text, fields[i].value);
      else
        g_string_append_len (log_text, fields[i].value, fields[i].length);
      g_string_append_c (log_text, '\n');
    }
  g_mutex_unlock (&log_mutex);

  /* Debug output is recorded, not printed: it would go to standard output
   * and garble the TAP stream. */
  if (log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/* GLib and libsoup log through the default handler, which GTest replaces
 * once g_test_init() has run: record their lines too. */
static GLogFunc test_default_handler;

static void
log_handler (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  g_mutex_lock (&log_mutex);
  g_string_append_printf (log_text, "%s: %s\n", log_domain ? log_domain : "", message);
  g_mutex_unlock (&log_mutex);

  if (!(log_level & (G_LOG_LEVEL_DEBUG | G_LOG_LEVEL_INFO | G_LOG_LEVEL_MESSAGE)))
    test_default_handler (log_domain, log_level, message, NULL);
}

typedef struct
{
  DossierFakeServer *server;
  SoupSession       *session;
  DossierClient     *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes_1 = g_bytes_new_static (profile_1, sizeof profile_1 - 1);
  g_autoptr(GBytes) bytes_2 = g_bytes_new_static (profile_2, sizeof profile_2 - 1);

  fixture->server = dossier_fake_server_new ();
  dossier_fake_server_add_account (fixture->server, USER_EMAIL, API_KEY, "all", "Acme Recruiting");
  dossier_fake_server_add_account (fixture->server, USER_EMAIL, WRITE_KEY, "write", "Acme Recruiting");
  dossier_fake_server_add_profile (fixture->server, SOURCE_KEY, bytes_1, &error);
  g_assert_no_error (error);
  dossier_fake_server_add_profile (fixture->server, SOURCE_KEY, bytes_2, &error);
  g_assert_no_error (error);
  dossier_fake_server_add_source (fixture->server, "empty-source");
  g_assert_true (dossier_fake_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);

  fixture->session = dossier_session_new ();
  fixture->client = dossier_client_new (fixture->session,
                                        dossier_fake_server_get_api_base (fixture->server),
                                        USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->client);
}

static void
drain_main_context (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  drain_main_context ();
  /* No request may keep the client alive once it has answered. */
  g_assert_finalize_object (fixture->client);
  soup_session_abort (fixture->session);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->server);
  drain_main_context ();
}

/* Waiting for answers */

typedef struct
{
  gboolean         done;
  DossierProfile  *profile;
  DossierAuthInfo *auth;
  GError          *error;
} Wait;

static void
wait_clear (Wait *wait)
{
  g_clear_object (&wait->profile);
  g_clear_object (&wait->auth);
  g_clear_error (&wait->error);
  wait->done = FALSE;
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->profile = dossier_client_get_profile_finish (DOSSIER_CLIENT (object), result, &wait->error);
  wait->done = TRUE;
}

static void
auth_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->auth = dossier_client_check_auth_finish (DOSSIER_CLIENT (object), result, &wait->error);
  wait->done = TRUE;
}

static void
wait_for (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
get_profile (DossierClient         *client,
             const char            *source_key,
             DossierIdentifierKind  kind,
             const char            *identifier,
             GCancellable          *cancellable,
             Wait                  *wait)
{
  wait_clear (wait);
  dossier_client_get_profile_async (client, source_key, kind, identifier, cancellable,
                                    profile_cb, wait);
  wait_for (wait);
  g_assert_true ((wait->profile == NULL) != (wait->error == NULL));
}

/* A DossierError with its own code, a sentence, the status, and never the
 * key. */
static void
assert_dossier_error (const GError *error,
                      DossierError  code,
                      guint         http_status)
{
  g_assert_error (error, DOSSIER_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  g_assert_null (strstr (error->message, API_KEY));
  g_assert_cmpuint (dossier_error_get_http_status (error), ==, http_status);
  if (dossier_error_get_api_message (error) != NULL)
    g_assert_null (strstr (dossier_error_get_api_message (error), API_KEY));
}

/* Requests */

static void
assert_request (DossierFakeServer *server,
                const char        *kind_name,
                const char        *identifier)
{
  GHashTable *query = dossier_fake_server_get_last_query (server);
  SoupMessageHeaders *headers = dossier_fake_server_get_last_headers (server);

  g_assert_cmpstr (dossier_fake_server_get_last_path (server), ==, "/v1/profile/indexing");

  /* source_key and exactly one identifier, each intact. */
  g_assert_cmpuint (g_hash_table_size (query), ==, 2);
  g_assert_cmpstr (g_hash_table_lookup (query, "source_key"), ==, SOURCE_KEY);
  g_assert_cmpstr (g_hash_table_lookup (query, kind_name), ==, identifier);

  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-API-KEY"), ==, API_KEY);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-USER-EMAIL"), ==, USER_EMAIL);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Accept"), ==, "application/json");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "User-Agent"), ==, "Dossier/" PACKAGE_VERSION);
}

static void
assert_profile_bytes (DossierProfile *profile,
                      const char     *expected)
{
  GBytes *raw = dossier_profile_get_raw_json (profile);
  gsize size;
  const char *data = g_bytes_get_data (raw, &size);

  g_assert_cmpmem (data, size, expected, strlen (expected));
}

static void
test_request_encoding (Fixture       *fixture,
                       gconstpointer  user_data)
{
  Wait wait = { 0 };

  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_EMAIL, "a+b@x.fr", NULL, &wait);
  g_assert_no_error (wait.error);
  assert_request (fixture->server, "email", "a+b@x.fr");
  assert_profile_bytes (wait.profile, profile_1);
  g_assert_cmpstr (dossier_profile_get_key (wait.profile), ==, KEY_1);

  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE, "ref&x=/y z", NULL, &wait);
  g_assert_no_error (wait.error);
  assert_request (fixture->server, "reference", "ref&x=/y z");
  assert_profile_bytes (wait.profile, profile_1);

  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE, "é日本", NULL, &wait);
  g_assert_no_error (wait.error);
  assert_request (fixture->server, "reference", "é日本");
  assert_profile_bytes (wait.profile, profile_2);

  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_2, NULL, &wait);
  g_assert_no_error (wait.error);
  assert_request (fixture->server, "key", KEY_2);
  assert_profile_bytes (wait.profile, profile_2);

  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 4);
  wait_clear (&wait);
}

static void
test_request_refused_before_sending (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  const char *api_base = dossier_fake_server_get_api_base (fixture->server);
  static const struct
  {
    const char  *email;
    const char  *key;
    DossierError code;
  } cases[] = {
    { USER_EMAIL, API_KEY "\n", DOSSIER_ERROR_INVALID_ARGUMENT },
    { USER_EMAIL, API_KEY "\r\nX-Injected: 1", DOSSIER_ERROR_INVALID_ARGUMENT },
    { USER_EMAIL, "askr_\t0123", DOSSIER_ERROR_INVALID_ARGUMENT },
    { USER_EMAIL, "askr_\x7f", DOSSIER_ERROR_INVALID_ARGUMENT },
    { USER_EMAIL "\n", API_KEY, DOSSIER_ERROR_INVALID_ARGUMENT },
    { "a@b.c\x01", API_KEY, DOSSIER_ERROR_INVALID_ARGUMENT },
    { USER_EMAIL, "", DOSSIER_ERROR_NO_CREDENTIALS },
    { USER_EMAIL, NULL, DOSSIER_ERROR_NO_CREDENTIALS },
    { "", API_KEY, DOSSIER_ERROR_NO_CREDENTIALS },
  };
  Wait wait = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierClient) client = NULL;

      client = dossier_client_new (fixture->session, api_base, cases[i].email, cases[i].key, &error);
      g_assert_null (client);
      g_assert_error (error, DOSSIER_ERROR, cases[i].code);
      g_assert_null (strstr (error->message, API_KEY));
    }

  /* Missing source or identifier: refused by the client, not the server. */
  get_profile (fixture->client, "", DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  g_assert_error (wait.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, "", NULL, &wait);
  g_assert_error (wait.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);

  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
  wait_clear (&wait);
}

static void
test_api_base_validation (void)
{
  static const char *accepted[] = {
    "https://api.hrflow.ai/v1",
    "https://api.hrflow.ai/v1/",
    "HTTPS://API.HRFLOW.AI/v1",
    "https://api.hrflow.ai:8443/v1",
    "http://127.0.0.1:8080/v1",
    "http://127.1.2.3/v1",
    "http://localhost:1234/v1/",
    "http://LocalHost/v1",
    "http://[::1]:8080/v1",
  };
  static const char *refused[] = {
    "",
    "api.hrflow.ai/v1",
    "/v1",
    "ftp://api.hrflow.ai/v1",
    "file:///etc/passwd",
    "http://api.hrflow.ai/v1",
    "http://10.0.0.1/v1",
    "http://128.0.0.1/v1",
    "http://localhost.example.org/v1",
    "http://[::2]/v1",
    "https:///v1",
    "https://user:secret@api.hrflow.ai/v1",
    "https://api.hrflow.ai/v1?x=1",
    "https://api.hrflow.ai/v1#top",
    "https://api.hrflow.ai/v1 ",
    "https://api.hrflow.ai/\nv1",
    "not a url",
  };
  g_autoptr(SoupSession) session = dossier_session_new ();

  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    {
      g_autoptr(GError) error = NULL;

      if (!dossier_api_base_validate (accepted[i], &error))
        g_error ("“%s” was refused: %s", accepted[i], error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierClient) client = NULL;

      if (dossier_api_base_validate (refused[i], &error))
        g_error ("“%s” was accepted", refused[i]);
      g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
      g_assert_cmpuint (strlen (error->message), >, 20);
      g_clear_error (&error);

      client = dossier_client_new (session, refused[i], USER_EMAIL, API_KEY, &error);
      g_assert_null (client);
      g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
    }

  /* A trailing slash does not double the path's slash. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(DossierClient) client = dossier_client_new (session, "http://127.0.0.1:9/v1//",
                                                          USER_EMAIL, API_KEY, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (dossier_client_get_api_base (client), ==, "http://127.0.0.1:9/v1");
    g_assert_cmpstr (dossier_client_get_user_email (client), ==, USER_EMAIL);
  }

  g_assert_cmpstr (dossier_identifier_kind_to_string (DOSSIER_IDENTIFIER_KEY), ==, "key");
  g_assert_cmpstr (dossier_identifier_kind_to_string (DOSSIER_IDENTIFIER_REFERENCE), ==, "reference");
  g_assert_cmpstr (dossier_identifier_kind_to_string (DOSSIER_IDENTIFIER_EMAIL), ==, "email");
}

/* Errors the fake server produces */

typedef struct
{
  const char       *name;
  DossierFakeFault  fault;
  DossierError      code;
  guint             status;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "unauthorized",      DOSSIER_FAKE_FAULT_UNAUTHORIZED,      DOSSIER_ERROR_CREDENTIALS_REJECTED, 401 },
  { "source-forbidden",  DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN,  DOSSIER_ERROR_NO_PERMISSION,        403 },
  { "quota",             DOSSIER_FAKE_FAULT_QUOTA,             DOSSIER_ERROR_QUOTA_EXCEEDED,       402 },
  { "rate-limited",      DOSSIER_FAKE_FAULT_RATE_LIMITED,      DOSSIER_ERROR_RATE_LIMITED,         429 },
  { "server-error",      DOSSIER_FAKE_FAULT_SERVER_ERROR,      DOSSIER_ERROR_SERVER,               500 },
  { "server-error-html", DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML, DOSSIER_ERROR_SERVER,               502 },
  { "empty-body",        DOSSIER_FAKE_FAULT_EMPTY_BODY,        DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "truncated-body",    DOSSIER_FAKE_FAULT_TRUNCATED_BODY,    DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "not-json",          DOSSIER_FAKE_FAULT_NOT_JSON,          DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "invalid-utf8",      DOSSIER_FAKE_FAULT_INVALID_UTF8,      DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "no-data",           DOSSIER_FAKE_FAULT_NO_DATA,           DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "data-null",         DOSSIER_FAKE_FAULT_DATA_NULL,         DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "data-not-object",   DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT,   DOSSIER_ERROR_INVALID_RESPONSE,     200 },
  { "deep-nesting",      DOSSIER_FAKE_FAULT_DEEP_NESTING,      DOSSIER_ERROR_TOO_DEEP,             200 },
  { "reset",             DOSSIER_FAKE_FAULT_RESET,             DOSSIER_ERROR_CONNECTION_RESET,     0 },
};

static void
test_fault (Fixture       *fixture,
            gconstpointer  user_data)
{
  const FaultCase *fault_case = user_data;
  Wait wait = { 0 };

  dossier_fake_server_set_fault (fixture->server, fault_case->fault);
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, fault_case->code, fault_case->status);

  if (fault_case->fault == DOSSIER_FAKE_FAULT_RATE_LIMITED)
    {
      g_assert_cmpint (dossier_error_get_retry_after (wait.error), ==, 30);
      g_assert_nonnull (strstr (wait.error->message, "30"));
      g_assert_cmpstr (dossier_error_get_api_message (wait.error), ==, "Too many requests");
    }
  else
    g_assert_cmpint (dossier_error_get_retry_after (wait.error), ==, -1);

  wait_clear (&wait);
}

/* Errors from the server's own checks */

static void
test_server_checks (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *api_base = dossier_fake_server_get_api_base (fixture->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClient) other = NULL;
  Wait wait = { 0 };

  /* The real service answers 400 for a profile it cannot find. */
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_EMAIL, "nobody@example.org", NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_NOT_FOUND, 400);
  g_assert_cmpstr (dossier_error_get_api_message (wait.error), ==, "Unable to find object: profile");

  get_profile (fixture->client, "empty-source", DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_NOT_FOUND, 400);

  /* The API's words are shown for a bad source. */
  get_profile (fixture->client, "no-such-source", DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_INVALID_SOURCE, 400);
  g_assert_nonnull (strstr (wait.error->message, "Invalid source fields"));

  /* A key the server does not know. */
  other = dossier_client_new (fixture->session, api_base, USER_EMAIL,
                              "askr_00000000000000000000000000000000", &error);
  g_assert_no_error (error);
  get_profile (other, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_CREDENTIALS_REJECTED, 401);
  g_clear_object (&other);

  /* A write-only key cannot read profiles. */
  other = dossier_client_new (fixture->session, api_base, USER_EMAIL, WRITE_KEY, &error);
  g_assert_no_error (error);
  get_profile (other, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_NO_PERMISSION, 401);
  g_assert_null (strstr (wait.error->message, WRITE_KEY));

  wait_clear (&wait);
}

static void
test_auth (Fixture       *fixture,
           gconstpointer  user_data)
{
  const char *api_base = dossier_fake_server_get_api_base (fixture->server);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClient) writer = NULL;
  g_autoptr(DossierClient) stranger = NULL;
  SoupMessageHeaders *headers;
  Wait wait = { 0 };

  dossier_client_check_auth_async (fixture->client, NULL, auth_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (dossier_auth_info_get_team_name (wait.auth), ==, "Acme Recruiting");
  g_assert_cmpstr (dossier_auth_info_get_team_subdomain (wait.auth), ==, "acme-recruiting");
  g_assert_cmpstr (dossier_auth_info_get_permission (wait.auth), ==, "all");
  g_assert_true (dossier_auth_info_can_read_profiles (wait.auth));
  g_assert_cmpstr (dossier_fake_server_get_last_path (fixture->server), ==, "/v1/auth");
  headers = dossier_fake_server_get_last_headers (fixture->server);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-API-KEY"), ==, API_KEY);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-USER-EMAIL"), ==, USER_EMAIL);

  writer = dossier_client_new (fixture->session, api_base, USER_EMAIL, WRITE_KEY, &error);
  g_assert_no_error (error);
  wait_clear (&wait);
  dossier_client_check_auth_async (writer, NULL, auth_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (dossier_auth_info_get_permission (wait.auth), ==, "write");
  g_assert_false (dossier_auth_info_can_read_profiles (wait.auth));

  stranger = dossier_client_new (fixture->session, api_base, "someone@example.org", API_KEY, &error);
  g_assert_no_error (error);
  wait_clear (&wait);
  dossier_client_check_auth_async (stranger, NULL, auth_cb, &wait);
  wait_for (&wait);
  g_assert_null (wait.auth);
  assert_dossier_error (wait.error, DOSSIER_ERROR_CREDENTIALS_REJECTED, 401);

  /* Faults reach /auth too. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML);
  wait_clear (&wait);
  dossier_client_check_auth_async (fixture->client, NULL, auth_cb, &wait);
  wait_for (&wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_SERVER, 502);

  wait_clear (&wait);
}

/* Cancellation and time limits */

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Wait wait = { 0 };

  /* Cancelled while the server stalls mid-body. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  g_timeout_add (200, cancel_cb, cancellable);
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, cancellable, &wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (dossier_error_is_cancelled (wait.error));

  /* Cancelled before it starts. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, cancellable, &wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* Cancelled right after the call: still only "cancelled", never
   * another error. */
  g_cancellable_reset (cancellable);
  wait_clear (&wait);
  dossier_client_get_profile_async (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1,
                                    cancellable, profile_cb, &wait);
  g_cancellable_cancel (cancellable);
  wait_for (&wait);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (wait.profile);

  /* The next lookup is not disturbed. */
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  g_assert_no_error (wait.error);

  wait_clear (&wait);
}

static void
test_stall_times_out (Fixture       *fixture,
                      gconstpointer  user_data)
{
  Wait wait = { 0 };
  gint64 start;
  gint64 elapsed;

  dossier_client_set_request_timeout (fixture->client, 1);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);

  start = g_get_monotonic_time ();
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  elapsed = g_get_monotonic_time () - start;

  assert_dossier_error (wait.error, DOSSIER_ERROR_TIMEOUT, 0);
  g_assert_cmpint (elapsed, >=, 900 * G_TIME_SPAN_MILLISECOND);
  /* Well before the 30 s default and the I/O timeout: the configured limit
   * ended it.  (Generous, for loaded machines and sanitizer builds.) */
  g_assert_cmpint (elapsed, <, 15 * G_TIME_SPAN_SECOND);

  wait_clear (&wait);
}

/* Limits */

static gsize
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  g_assert_true (g_file_get_contents ("/proc/self/status", &status, NULL, NULL));
  line = strstr (status, field);
  g_assert_nonnull (line);
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

static void
test_too_large (Fixture       *fixture,
                gconstpointer  user_data)
{
  Wait wait = { 0 };
  gsize rss_before;
  gsize peak_after;
  FILE *clear_refs;

  /* Resets the peak to the current size (Linux 4.0), so that earlier tests
   * do not count. */
  clear_refs = fopen ("/proc/self/clear_refs", "w");
  if (clear_refs != NULL)
    {
      fputs ("5", clear_refs);
      fclose (clear_refs);
    }
  rss_before = read_status_kib ("VmRSS:");

  /* 64 MiB in chunks, without a Content-Length: refused while streaming. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_HUGE_BODY);
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_TOO_LARGE, 200);

  /* The client kept at most the limit: buffering the whole answer would
   * have cost 64 MiB more than before. */
  peak_after = read_status_kib ("VmHWM:");
  g_test_message ("RSS before %" G_GSIZE_FORMAT " KiB, peak after %" G_GSIZE_FORMAT " KiB",
                  rss_before, peak_after);
#if defined(__SANITIZE_ADDRESS__)
  /* AddressSanitizer keeps freed memory in quarantine: no sizes to trust. */
  (void) peak_after;
#else
  /* Nor under Valgrind's memcheck, which does the same (tests/valgrind.sh). */
  if (g_getenv ("DOSSIER_TEST_UNDER_VALGRIND") == NULL)
    g_assert_cmpuint (peak_after - rss_before, <, 48 * 1024);
#endif

  wait_clear (&wait);
}

/* Redirects */

static void
test_redirect_other_host (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(DossierFakeServer) other = dossier_fake_server_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *target = NULL;
  Wait wait = { 0 };

  g_assert_true (dossier_fake_server_start (other, 0, &error));
  g_assert_no_error (error);

  /* Another port on the same address is another server. */
  target = g_strconcat (dossier_fake_server_get_api_base (other),
                        "/profile/indexing?source_key=" SOURCE_KEY "&key=" KEY_1, NULL);
  dossier_fake_server_set_redirect_target (fixture->server, target);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_REDIRECT);

  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_REDIRECTED, 302);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 1);
  g_assert_cmpuint (dossier_fake_server_get_request_count (other), ==, 0);

  /* Another host altogether: never contacted either (nothing listens
   * there, so contacting it would end in another error). */
  dossier_fake_server_set_redirect_target (fixture->server, "https://storage.example.com/steal");
  get_profile (fixture->client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_REDIRECTED, 302);
  g_assert_nonnull (strstr (wait.error->message, "storage.example.com"));

  wait_clear (&wait);
}

/* Answers the fake server does not give, from a scripted server */

typedef struct
{
  guint       status;
  const char *body;
  const char *header_name;
  const char *header_value;
  guint       count;
  char       *last_api_key;
  char       *last_path;
} Script;

static void
script_handler_cb (SoupServer        *server,
                   SoupServerMessage *msg,
                   const char        *path,
                   GHashTable        *query,
                   gpointer           user_data)
{
  Script *script = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);

  script->count++;
  g_free (script->last_api_key);
  script->last_api_key = g_strdup (soup_message_headers_get_one (request_headers, "X-API-KEY"));
  g_free (script->last_path);
  script->last_path = g_strdup (path);

  /* The target of the same-host redirect. */
  if (g_str_has_prefix (path, "/moved/"))
    {
      g_autofree char *body = g_strconcat ("{\"code\":200,\"message\":\"Profile details\",\"data\":",
                                           profile_2, "}", NULL);

      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
      soup_server_message_set_status (msg, 200, NULL);
      return;
    }

  if (script->header_name != NULL)
    soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                  script->header_name, script->header_value);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                    script->body, strlen (script->body));
  soup_server_message_set_status (msg, script->status, NULL);
}

static SoupServer *
script_server_new (Script  *script,
                   char   **api_base)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, script_handler_cb, script, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (server);
  *api_base = g_strdup_printf ("http://127.0.0.1:%d/v1", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return g_steal_pointer (&server);
}

static void
test_scripted_answers (void)
{
  static const struct
  {
    guint        status;
    const char  *body;
    const char  *header_name;
    const char  *header_value;
    DossierError code;
    guint        expected_status;
    gint64       retry_after;
  } cases[] = {
    /* Not found, with 404 as well as 400. */
    { 404, "{\"code\":404,\"message\":\"Unable to find object: profile\"}", NULL, NULL,
      DOSSIER_ERROR_NOT_FOUND, 404, -1 },
    /* HTTP 200 with an error in the body: the body's code wins. */
    { 200, "{\"code\":400,\"message\":\"Unable to find object: profile\"}", NULL, NULL,
      DOSSIER_ERROR_NOT_FOUND, 400, -1 },
    { 200, "{\"code\": 401, \"message\": \"Unauthorized. Invalid secret key: xxxxx \"}", NULL, NULL,
      DOSSIER_ERROR_CREDENTIALS_REJECTED, 401, -1 },
    { 400, "{\"code\":400,\"message\":\"Invalid parameters. Unable to find object: source\"}", NULL, NULL,
      DOSSIER_ERROR_INVALID_SOURCE, 400, -1 },
    { 401, "{\"code\":401,\"message\":\"Unauthorized Access to source key: abc\"}", NULL, NULL,
      DOSSIER_ERROR_NO_PERMISSION, 401, -1 },
    { 418, "{\"code\":418,\"message\":\"I am a teapot\"}", NULL, NULL,
      DOSSIER_ERROR_BAD_REQUEST, 418, -1 },
    { 400, "<html>Bad request</html>", NULL, NULL,
      DOSSIER_ERROR_BAD_REQUEST, 400, -1 },
    { 503, "", NULL, NULL,
      DOSSIER_ERROR_SERVER, 503, -1 },
    { 429, "", NULL, NULL,
      DOSSIER_ERROR_RATE_LIMITED, 429, -1 },
    { 429, "{}", "Retry-After", " 7 ",
      DOSSIER_ERROR_RATE_LIMITED, 429, 7 },
    /* A server echoing the key must not get it shown. */
    { 401, "{\"code\":401,\"message\":\"Invalid secret key: " API_KEY "\"}", NULL, NULL,
      DOSSIER_ERROR_CREDENTIALS_REJECTED, 401, -1 },
    /* 2xx but unusable. */
    { 200, "{\"code\":200,\"message\":\"Profile details\",\"data\":\"text\"}", NULL, NULL,
      DOSSIER_ERROR_INVALID_RESPONSE, 200, -1 },
    { 204, "", NULL, NULL,
      DOSSIER_ERROR_INVALID_RESPONSE, 204, -1 },
    { 200, "[1, 2]", NULL, NULL,
      DOSSIER_ERROR_INVALID_RESPONSE, 200, -1 },
    /* A redirect without a Location is not followed anywhere. */
    { 302, "", NULL, NULL,
      DOSSIER_ERROR_INVALID_RESPONSE, 302, -1 },
  };
  Script script = { 0 };
  g_autofree char *api_base = NULL;
  g_autoptr(SoupServer) server = script_server_new (&script, &api_base);
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: HTTP %u", i, cases[i].status);
      script.status = cases[i].status;
      script.body = cases[i].body;
      script.header_name = cases[i].header_name;
      script.header_value = cases[i].header_value;

      get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
      assert_dossier_error (wait.error, cases[i].code, cases[i].expected_status);
      g_assert_cmpint (dossier_error_get_retry_after (wait.error), ==, cases[i].retry_after);
    }

  /* A redirect on the same host and port keeps the headers. */
  script.status = 302;
  script.body = "";
  script.header_name = "Location";
  script.header_value = "/moved/profile/indexing?source_key=" SOURCE_KEY "&key=" KEY_2;
  script.count = 0;
  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  g_assert_no_error (wait.error);
  assert_profile_bytes (wait.profile, profile_2);
  g_assert_cmpuint (script.count, ==, 2);
  g_assert_cmpstr (script.last_path, ==, "/moved/profile/indexing");
  g_assert_cmpstr (script.last_api_key, ==, API_KEY);

  /* A loop on the same host ends. */
  script.header_value = "/v1/profile/indexing?source_key=" SOURCE_KEY "&key=" KEY_2;
  script.count = 0;
  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_REDIRECTED, 302);
  g_assert_cmpuint (script.count, <=, 5);

  wait_clear (&wait);
  g_free (script.last_api_key);
  g_free (script.last_path);
  soup_server_disconnect (server);
}

/* dossier_client_get_profile_json_async() must accept and refuse exactly
 * what dossier_client_get_profile_async() does, with the same errors, and
 * answer the bytes the profile keeps: it only skips building the model. */

typedef struct
{
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} JsonWait;

static void
profile_json_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JsonWait *wait = user_data;

  wait->bytes = dossier_client_get_profile_json_finish (DOSSIER_CLIENT (object), result, &wait->error);
  wait->done = TRUE;
}

static void
assert_json_agrees (DossierClient *client)
{
  JsonWait json_wait = { 0 };
  Wait wait = { 0 };

  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);

  dossier_client_get_profile_json_async (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1,
                                         NULL, profile_json_cb, &json_wait);
  while (!json_wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true ((json_wait.bytes == NULL) != (json_wait.error == NULL));

  if (wait.profile != NULL)
    {
      GBytes *raw = dossier_profile_get_raw_json (wait.profile);

      g_assert_no_error (json_wait.error);
      g_assert_cmpmem (g_bytes_get_data (json_wait.bytes, NULL), g_bytes_get_size (json_wait.bytes),
                       g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
    }
  else
    {
      g_assert_nonnull (json_wait.error);
      g_assert_cmpuint (json_wait.error->domain, ==, wait.error->domain);
      g_assert_cmpint (json_wait.error->code, ==, wait.error->code);
      g_assert_cmpstr (json_wait.error->message, ==, wait.error->message);
      g_assert_cmpuint (dossier_error_get_http_status (json_wait.error), ==,
                        dossier_error_get_http_status (wait.error));
      g_assert_cmpstr (dossier_error_get_api_message (json_wait.error), ==,
                       dossier_error_get_api_message (wait.error));
    }

  g_clear_pointer (&json_wait.bytes, g_bytes_unref);
  g_clear_error (&json_wait.error);
  wait_clear (&wait);
}

static const struct
{
  guint       status;
  const char *body;
} json_cases[] = {
  /* Taken by the fast path. */
  { 200, "{\"code\":200,\"message\":\"Profile details\",\"data\":{\"key\":\"k\",\"n\":1.50}}" },
  { 200, " {\"data\" : {\"a\":[1,{\"b\":\"\\u00e9\\\"}\"}]} , \"code\": 200}\n" },
  { 200, "{\"code\":200,\"data\":{\"a\":1},\"data\":{\"a\":2}}" },
  /* Left to json-glib: escapes in the envelope, a byte order mark,
   * \u0000, a lone surrogate, a comment. */
  { 200, "{\"code\":200,\"d\\u0061ta\":{\"key\":\"k\"}}" },
  { 200, "{\"code\":200,\"message\":\"a\\\"b\",\"data\":{\"key\":\"k\"}}" },
  { 200, "\xef\xbb\xbf{\"code\":200,\"data\":{\"key\":\"k\"}}" },
  { 200, "{\"code\":200,\"data\":{\"key\":\"a\\u0000b\"}}" },
  { 200, "{\"code\":200,\"data\":{\"key\":\"\\ud800\"}}" },
  { 200, "{\"code\":200,\"data\":{\"key\":\"k\"} /* note */}" },
  /* Refused, whichever way. */
  { 200, "{\"code\":200,\"message\":\"Profile details\",\"data\":null}" },
  { 200, "{\"code\":200,\"message\":\"Profile details\",\"data\":[]}" },
  { 200, "{\"code\":200,\"message\":\"Profile details\"}" },
  { 200, "{\"code\":200,\"data\":{\"key\":\"k\"},}" },
  { 200, "{\"code\":200,\"data\":{\"key\":\"k\"}" },
  { 200, "[{\"data\":{}}]" },
  { 200, "\"data\"" },
  { 200, "{\"code\":400,\"message\":\"Unable to find object: profile\"}" },
  { 500, "<html>oops</html>" },
};

static void
test_profile_json_agrees (void)
{
  Script script = { 0 };
  g_autofree char *api_base = NULL;
  g_autoptr(SoupServer) server = script_server_new (&script, &api_base);
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (json_cases); i++)
    {
      g_test_message ("case %u: %s", i, json_cases[i].body);
      script.status = json_cases[i].status;
      script.body = json_cases[i].body;
      assert_json_agrees (client);
    }

  g_free (script.last_api_key);
  g_free (script.last_path);
  soup_server_disconnect (server);
}

typedef struct
{
  GBytes *buffer;
  gsize   available;
  gsize   length;
  guint   calls;
} BodyRecord;

static void
record_body_cb (GBytes   *buffer,
                gsize     available,
                gsize     length,
                gpointer  user_data)
{
  BodyRecord *record = user_data;

  if (record->buffer == NULL)
    record->buffer = g_bytes_ref (buffer);
  g_assert_true (buffer == record->buffer);
  g_assert_cmpuint (available, >, record->available);
  g_assert_cmpuint (available, <=, length);
  record->available = available;
  record->length = length;
  record->calls++;
}

/* The body of a successful answer is shown to a DossierBodyFunc as it
 * arrives, in the buffer that the answer is then a part of; and an export
 * written while it arrives is the export written from the answer at the
 * end, for every odd answer (put in place from what was printed, or
 * written again from what the client kept), and leaves nothing behind when
 * the lookup fails. */
static void
test_profile_json_follow (void)
{
  Script script = { 0 };
  g_autofree char *api_base = NULL;
  g_autoptr(SoupServer) server = script_server_new (&script, &api_base);
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("dossier-follow-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "candidate.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (json_cases); i++)
    {
      BodyRecord record = { 0 };
      JsonWait wait = { 0 };
      g_autoptr(DossierExportStream) stream = dossier_export_stream_new (file);
      g_autoptr(GDir) listing = NULL;
      guint n_files = 0;

      g_test_message ("case %u: %s", i, json_cases[i].body);
      script.status = json_cases[i].status;
      script.body = json_cases[i].body;
      g_unlink (path);

      /* First what the follower is shown, then an export following. */
      dossier_client_set_body_func (client, record_body_cb, &record);
      dossier_client_get_profile_json_async (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1,
                                             NULL, profile_json_cb, &wait);
      while (!wait.done)
        g_main_context_iteration (NULL, TRUE);
      g_clear_pointer (&wait.bytes, g_bytes_unref);
      g_clear_error (&wait.error);

      if (json_cases[i].status == 200)
        {
          const char *buffer_data = g_bytes_get_data (record.buffer, NULL);

          g_assert_cmpuint (record.calls, >, 0);
          g_assert_cmpuint (record.available, ==, strlen (json_cases[i].body));
          g_assert_cmpuint (record.length, ==, record.available);
          g_assert_cmpmem (buffer_data, record.length, json_cases[i].body, record.length);
        }
      else
        g_assert_cmpuint (record.calls, ==, 0);
      g_clear_pointer (&record.buffer, g_bytes_unref);

      wait = (JsonWait) { 0 };
      dossier_client_set_body_func (client, dossier_export_stream_body_cb, stream);
      dossier_client_get_profile_json_async (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1,
                                             NULL, profile_json_cb, &wait);
      while (!wait.done)
        g_main_context_iteration (NULL, TRUE);

      if (wait.bytes != NULL)
        {
          g_autoptr(GBytes) expected = dossier_exporter_serialize_json (wait.bytes);
          g_autofree char *contents = NULL;
          gsize length;

          g_assert_true (dossier_export_stream_finish (stream, wait.bytes, NULL, &error));
          g_assert_no_error (error);
          g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
          g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
        }
      g_clear_pointer (&stream, dossier_export_stream_free);

      /* The export, or nothing; never a temporary file. */
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n_files++;
      g_assert_cmpuint (n_files, ==, wait.bytes != NULL ? 1 : 0);

      g_clear_pointer (&wait.bytes, g_bytes_unref);
      g_clear_error (&wait.error);
    }

  g_unlink (path);
  g_rmdir (dir);
  dossier_client_set_body_func (client, NULL, NULL);
  g_free (script.last_api_key);
  g_free (script.last_path);
  soup_server_disconnect (server);
}

static void
test_profile_json_faults (Fixture       *fixture,
                          gconstpointer  user_data)
{
  assert_json_agrees (fixture->client);
  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_test_message ("fault %s", fault_cases[i].name);
      dossier_fake_server_set_fault (fixture->server, fault_cases[i].fault);
      assert_json_agrees (fixture->client);
    }
}

/* Raw servers, for answers no HTTP server library would give. */

/* The beginning of a 1 GiB answer, announced in Content-Length. */
static gboolean
announce_huge_cb (GThreadedSocketService *service,
                  GSocketConnection      *connection,
                  GObject                *source_object,
                  gpointer                user_data)
{
  static const char answer[] =
    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1073741824\r\n\r\n{\"code\":200,";
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char buffer[4096];

  g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);
  g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* What a plain HTTP server answers to a TLS handshake. */
static gboolean
answer_plain_text_cb (GThreadedSocketService *service,
                      GSocketConnection      *connection,
                      GObject                *source_object,
                      gpointer                user_data)
{
  static const char answer[] =
    "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\n"
    "Connection: close\r\n\r\nBad request";
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char buffer[4096];

  g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);
  g_output_stream_write_all (out, answer, sizeof answer - 1, NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static GSocketService *
raw_server_new (GCallback  handler,
                guint16   *port)
{
  g_autoptr(GSocketService) service = g_threaded_socket_service_new (2);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) effective = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_socket_listener_add_address (G_SOCKET_LISTENER (service), address,
                                                G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                                NULL, &effective, &error));
  g_assert_no_error (error);
  *port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (effective));
  g_signal_connect (service, "run", handler, NULL);
  g_socket_service_start (service);

  return g_steal_pointer (&service);
}

static void
raw_server_stop (GSocketService *service)
{
  g_socket_service_stop (service);
  g_socket_listener_close (G_SOCKET_LISTENER (service));
}

static void
test_content_length_too_large (void)
{
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_base = NULL;
  guint16 port;
  Wait wait = { 0 };

  service = raw_server_new (G_CALLBACK (announce_huge_cb), &port);

  api_base = g_strdup_printf ("http://127.0.0.1:%u/v1", port);
  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);

  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  assert_dossier_error (wait.error, DOSSIER_ERROR_TOO_LARGE, 200);

  wait_clear (&wait);
  raw_server_stop (service);
}

static GBytes *bytes_printf (const char *format, ...) G_GNUC_PRINTF (1, 2);

static GBytes *
bytes_printf (const char *format,
              ...)
{
  va_list args;
  char *text;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  return g_bytes_new_take (text, strlen (text));
}

/* A profile with lists, in an envelope whose message holds escapes (a
 * backslash outside `data` once made the profile keep a rewritten copy of
 * `data`, with its lists emptied). */
static const char profile_with_lists[] =
  "{\"key\":\"" KEY_1 "\", \"info\": {\"full_name\": \"Ada Lovelace\"},\n"
  "  \"experiences\": [{\"title\": \"Analyst\", \"company\": \"Babbage & Co\"}],"
  " \"tags\": [{\"name\": \"x\", \"value\": true}], \"future_field\": [1.50, 2e3, -0.0]}";

/* A canned answer: headers as given, then the body, then the connection
 * closes.  For the headers no HTTP server library would send. */
static GBytes *canned_answer;

static gboolean
answer_canned_cb (GThreadedSocketService *service,
                  GSocketConnection      *connection,
                  GObject                *source_object,
                  gpointer                user_data)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char buffer[4096];

  g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL);
  g_output_stream_write_all (out, g_bytes_get_data (canned_answer, NULL),
                             g_bytes_get_size (canned_answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static GBytes *
envelope_of (const char *profile)
{
  return bytes_printf ("{\"code\": 200, \"message\": \"Profile \\\"x\\\" retrieved\", \"data\": %s}",
                              profile);
}

/* Both lookups of a canned answer: the profile, and the export's bytes,
 * which must be the profile's own; or the same error from both. */
static void
look_up_canned (GBytes  *answer,
                GError **error)
{
  g_autoptr(GSocketService) service = NULL;
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autofree char *api_base = NULL;
  JsonWait json_wait = { 0 };
  Wait wait = { 0 };
  guint16 port;

  canned_answer = answer;
  service = raw_server_new (G_CALLBACK (answer_canned_cb), &port);
  api_base = g_strdup_printf ("http://127.0.0.1:%u/v1", port);
  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, error);
  g_assert_no_error (*error);

  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  dossier_client_get_profile_json_async (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1,
                                         NULL, profile_json_cb, &json_wait);
  while (!json_wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.profile != NULL)
    {
      g_assert_no_error (json_wait.error);
      assert_profile_bytes (wait.profile, profile_with_lists);
      g_assert_cmpuint (g_list_model_get_n_items (dossier_profile_get_experiences (wait.profile)), ==, 1);
      g_assert_cmpmem (g_bytes_get_data (json_wait.bytes, NULL), g_bytes_get_size (json_wait.bytes),
                       profile_with_lists, strlen (profile_with_lists));
    }
  else
    {
      g_assert_nonnull (json_wait.error);
      g_assert_error (json_wait.error, wait.error->domain, wait.error->code);
      *error = g_steal_pointer (&wait.error);
    }

  g_clear_pointer (&json_wait.bytes, g_bytes_unref);
  g_clear_error (&json_wait.error);
  wait_clear (&wait);
  raw_server_stop (service);
  canned_answer = NULL;
}

/* A Content-Length no server should send: negative, or beyond 2^63
 * (libsoup hands both over as a negative length).  Sizing the buffer from
 * it crashed Dossier; it is now read as a body of unknown length. */
static void
test_content_length_odd (void)
{
  const char *lengths[] = { "-5", "9223372036854775808" };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GBytes) body = envelope_of (profile_with_lists);
      g_autoptr(GBytes) answer = NULL;
      g_autoptr(GError) error = NULL;

      answer = bytes_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                    "Content-Length: %s\r\nConnection: close\r\n\r\n%.*s",
                                    lengths[i], (int) g_bytes_get_size (body),
                                    (const char *) g_bytes_get_data (body, NULL));
      g_test_message ("Content-Length: %s", lengths[i]);
      /* libsoup 3.2 complains once per lookup, then reads the body to the
       * end of the connection. */
      g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*content-length*");
      g_test_expect_message ("GLib-GObject", G_LOG_LEVEL_WARNING, "*content-length*");
      look_up_canned (answer, &error);
      g_test_assert_expected_messages ();
      if (error != NULL)
        assert_dossier_error (error, error->code, 200);
    }
}

/* A compressed answer: its Content-Length counts the compressed bytes, and
 * the body read is longer.  Both lookups read it whole. */
static void
test_compressed_answer (void)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GBytes) body = envelope_of (profile_with_lists);
  g_autoptr(GInputStream) plain = g_memory_input_stream_new_from_bytes (body);
  g_autoptr(GInputStream) converter = g_converter_input_stream_new (plain, G_CONVERTER (compressor));
  g_autoptr(GOutputStream) sink = g_memory_output_stream_new_resizable ();
  g_autoptr(GBytes) compressed = NULL;
  g_autoptr(GBytes) headers = NULL;
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GBytes) answer_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_output_stream_splice (sink, converter, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE |
                          G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (sink));
  g_assert_cmpuint (g_bytes_get_size (compressed), <, g_bytes_get_size (body));

  headers = bytes_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                 "Content-Encoding: gzip\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n"
                                 "Connection: close\r\n\r\n",
                                 g_bytes_get_size (compressed));
  g_byte_array_append (answer, g_bytes_get_data (headers, NULL), g_bytes_get_size (headers));
  g_byte_array_append (answer, g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed));
  answer_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&answer));

  look_up_canned (answer_bytes, &error);
  g_assert_no_error (error);
}

/* Transport failures */

static void
assert_transport_error (const char   *api_base,
                        DossierError  code)
{
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  client = dossier_client_new (session, api_base, USER_EMAIL, API_KEY, &error);
  g_assert_no_error (error);
  dossier_client_set_request_timeout (client, 10);

  get_profile (client, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, KEY_1, NULL, &wait);
  g_test_message ("%s: %s", api_base, wait.error->message);
  assert_dossier_error (wait.error, code, 0);
  wait_clear (&wait);
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_base = NULL;

  /* A port that was free a moment ago, and that nobody listens on. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, FALSE, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  api_base = g_strdup_printf ("http://127.0.0.1:%u/v1",
                              g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  assert_transport_error (api_base, DOSSIER_ERROR_CONNECTION_REFUSED);
}

static void
test_tls_failure (void)
{
  g_autoptr(GSocketService) service = NULL;
  g_autofree char *api_base = NULL;
  guint16 port;

  /* https:// to a server that speaks plain HTTP. */
  service = raw_server_new (G_CALLBACK (answer_plain_text_cb), &port);
  api_base = g_strdup_printf ("https://127.0.0.1:%u/v1", port);
  assert_transport_error (api_base, DOSSIER_ERROR_TLS);
  raw_server_stop (service);
}

/* A resolver that knows no host, so that the DNS failure needs no
 * network at all. */
#define TEST_TYPE_NO_RESOLVER (test_no_resolver_get_type ())
G_DECLARE_FINAL_TYPE (TestNoResolver, test_no_resolver, TEST, NO_RESOLVER, GResolver)

struct _TestNoResolver
{
  GResolver parent_instance;
};

G_DEFINE_FINAL_TYPE (TestNoResolver, test_no_resolver, G_TYPE_RESOLVER)

static GList *
no_resolver_lookup_by_name_with_flags (GResolver                 *resolver,
                                       const char                *hostname,
                                       GResolverNameLookupFlags   flags,
                                       GCancellable              *cancellable,
                                       GError                   **error)
{
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
               "Error resolving “%s”: Name or service not known", hostname);
  return NULL;
}

static GList *
no_resolver_lookup_by_name (GResolver     *resolver,
                            const char    *hostname,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return no_resolver_lookup_by_name_with_flags (resolver, hostname, 0, cancellable, error);
}

static void
no_resolver_lookup_by_name_with_flags_async (GResolver                *resolver,
                                             const char               *hostname,
                                             GResolverNameLookupFlags  flags,
                                             GCancellable             *cancellable,
                                             GAsyncReadyCallback       callback,
                                             gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                           "Error resolving “%s”: Name or service not known", hostname);
}

static void
no_resolver_lookup_by_name_async (GResolver           *resolver,
                                  const char          *hostname,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  no_resolver_lookup_by_name_with_flags_async (resolver, hostname, 0, cancellable, callback, user_data);
}

static GList *
no_resolver_lookup_by_name_finish (GResolver     *resolver,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
test_no_resolver_class_init (TestNoResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = no_resolver_lookup_by_name;
  resolver_class->lookup_by_name_async = no_resolver_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = no_resolver_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags = no_resolver_lookup_by_name_with_flags;
  resolver_class->lookup_by_name_with_flags_async = no_resolver_lookup_by_name_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = no_resolver_lookup_by_name_finish;
}

static void
test_no_resolver_init (TestNoResolver *self)
{
}

static void
test_host_not_found (void)
{
  g_autoptr(GResolver) previous = g_resolver_get_default ();
  g_autoptr(GResolver) resolver = g_object_new (TEST_TYPE_NO_RESOLVER, NULL);

  g_resolver_set_default (resolver);
  assert_transport_error ("https://nonexistent.invalid/v1", DOSSIER_ERROR_HOST_NOT_FOUND);
  g_resolver_set_default (previous);
}

static void
test_session (void)
{
  g_autoptr(SoupSession) session = dossier_session_new ();

  g_assert_cmpstr (soup_session_get_user_agent (session), ==, "Dossier/" PACKAGE_VERSION);
  g_assert_cmpuint (soup_session_get_timeout (session), >, 0);
  g_assert_cmpuint (soup_session_get_idle_timeout (session), >, 0);
}

/* The fake server's own checks, seen by a plain HTTP client */

static GBytes *
send_raw (SoupSession  *session,
          const char   *url,
          gboolean      with_headers,
          guint        *status,
          SoupMessage **out_msg)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  g_assert_nonnull (msg);
  soup_message_add_flags (msg, SOUP_MESSAGE_NO_REDIRECT);
  if (with_headers)
    {
      soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-KEY", API_KEY);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "X-USER-EMAIL", USER_EMAIL);
    }

  /* Blocking is fine here: the server runs in another thread. */
  body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (out_msg != NULL)
    *out_msg = g_steal_pointer (&msg);
  return body;
}

typedef struct
{
  DossierFakeServer *server;
  GMainContext      *context;
  GMainLoop         *loop;
  GMutex             mutex;
  GCond              cond;
  gboolean           ready;
} ServerThread;

static gpointer
server_thread_func (gpointer user_data)
{
  ServerThread *thread = user_data;
  g_autoptr(GError) error = NULL;

  /* The server runs on the thread-default context of the thread that
   * starts it. */
  g_main_context_push_thread_default (thread->context);
  g_assert_true (dossier_fake_server_start (thread->server, 0, &error));
  g_assert_no_error (error);

  g_mutex_lock (&thread->mutex);
  thread->ready = TRUE;
  g_cond_signal (&thread->cond);
  g_mutex_unlock (&thread->mutex);

  g_main_loop_run (thread->loop);
  g_main_context_pop_thread_default (thread->context);
  return NULL;
}

static gboolean
quit_loop_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_fake_server_checks (void)
{
  g_autoptr(DossierFakeServer) server = dossier_fake_server_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) picture = g_bytes_new_static ("\x89PNG fake", 9);
  g_autofree char *tmp = NULL;
  g_autofree char *path_1 = NULL;
  g_autofree char *path_2 = NULL;
  g_autofree char *base = NULL;
  ServerThread thread = { 0 };
  GThread *worker;
  const struct
  {
    const char *query;
    gboolean    with_headers;
    guint       status;
    const char *needle;
  } cases[] = {
    { "?source_key=dir-source&key=" KEY_1, TRUE, 200, "\"data\":" },
    { "?source_key=dir-source&email=a%2Bb%40x.fr", TRUE, 200, "Ada Lovelace" },
    { "?source_key=dir-source&email=a+b@x.fr", TRUE, 400, "Unable to find object: profile" },
    { "?source_key=dir-source&key=" KEY_1, FALSE, 401, "Invalid secret key: xxxxx" },
    { "?key=" KEY_1, TRUE, 400, "Invalid source fields" },
    { "?source_key=unknown&key=" KEY_1, TRUE, 400, "Invalid source fields" },
    { "?source_key=dir-source", TRUE, 400, "exactly one" },
    { "?source_key=dir-source&key=" KEY_1 "&email=a%2Bb%40x.fr", TRUE, 400, "exactly one" },
    { "?source_key=dir-source&key=" KEY_1 "&key=" KEY_2, TRUE, 400, "exactly one" },
  };

  /* A folder of profiles. */
  tmp = g_dir_make_tmp ("dossier-test-XXXXXX", &error);
  g_assert_no_error (error);
  path_1 = g_build_filename (tmp, "ada.json", NULL);
  path_2 = g_build_filename (tmp, "ignored.txt", NULL);
  g_assert_true (g_file_set_contents (path_1, profile_1, -1, &error));
  g_assert_true (g_file_set_contents (path_2, "not a profile", -1, &error));
  directory = g_file_new_for_path (tmp);
  g_assert_true (dossier_fake_server_add_profiles_from_directory (server, "dir-source", directory, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_file (server, "/files/picture.png", picture, "image/png");
  dossier_fake_server_set_redirect_target (server, "http://127.0.0.1:9/elsewhere.png");

  thread.server = server;
  thread.context = g_main_context_new ();
  thread.loop = g_main_loop_new (thread.context, FALSE);
  g_mutex_init (&thread.mutex);
  g_cond_init (&thread.cond);
  worker = g_thread_new ("fake-server", server_thread_func, &thread);
  g_mutex_lock (&thread.mutex);
  while (!thread.ready)
    g_cond_wait (&thread.cond, &thread.mutex);
  g_mutex_unlock (&thread.mutex);

  base = g_strconcat (dossier_fake_server_get_api_base (server), "/profile/indexing", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = g_strconcat (base, cases[i].query, NULL);
      g_autoptr(GBytes) body = NULL;
      g_autofree char *text = NULL;
      guint status = 0;

      body = send_raw (session, url, cases[i].with_headers, &status, NULL);
      text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_test_message ("%s: HTTP %u", cases[i].query, status);
      g_assert_cmpuint (status, ==, cases[i].status);
      g_assert_nonnull (strstr (text, cases[i].needle));
      /* The profile's bytes are spliced in as they are. */
      if (status == 200)
        g_assert_nonnull (strstr (text, profile_1));
    }
  g_assert_cmpuint (dossier_fake_server_get_request_count (server), ==, G_N_ELEMENTS (cases));

  /* Files: no header needed, and they do not count as API requests. */
  {
    g_autofree char *url = g_strconcat (dossier_fake_server_get_base_url (server), "/files/picture.png", NULL);
    g_autofree char *missing = g_strconcat (dossier_fake_server_get_base_url (server), "/files/nothing.png", NULL);
    g_autofree char *redirect = g_strconcat (dossier_fake_server_get_base_url (server), "/files/redirect/a.png", NULL);
    g_autoptr(GBytes) body = NULL;
    g_autoptr(GBytes) body_missing = NULL;
    g_autoptr(GBytes) body_redirect = NULL;
    g_autoptr(SoupMessage) msg = NULL;
    guint status = 0;

    body = send_raw (session, url, FALSE, &status, &msg);
    g_assert_cmpuint (status, ==, 200);
    g_assert_true (g_bytes_equal (body, picture));
    g_assert_cmpstr (soup_message_headers_get_content_type (soup_message_get_response_headers (msg), NULL),
                     ==, "image/png");

    body_missing = send_raw (session, missing, FALSE, &status, NULL);
    g_assert_cmpuint (status, ==, 404);

    g_clear_object (&msg);
    body_redirect = send_raw (session, redirect, FALSE, &status, &msg);
    g_assert_cmpuint (status, ==, 302);
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Location"),
                     ==, "http://127.0.0.1:9/elsewhere.png");

    g_assert_cmpuint (dossier_fake_server_get_request_count (server), ==, G_N_ELEMENTS (cases));
  }

  soup_session_abort (session);
  g_main_context_invoke (thread.context, quit_loop_cb, thread.loop);
  g_thread_join (worker);
  g_main_loop_unref (thread.loop);
  g_main_context_unref (thread.context);
  g_mutex_clear (&thread.mutex);
  g_cond_clear (&thread.cond);

  g_unlink (path_1);
  g_unlink (path_2);
  g_rmdir (tmp);
}

/* Run last: nothing any test logged holds the key. */
static void
test_key_never_logged (void)
{
  g_mutex_lock (&log_mutex);
  g_assert_cmpuint (log_text->len, >, 0);
  g_assert_null (strstr (log_text->str, API_KEY));
  g_assert_null (strstr (log_text->str, WRITE_KEY));
  g_mutex_unlock (&log_mutex);
}

int
main (int   argc,
      char *argv[])
{
  /* Debug output is on, so that the check of the logs covers it too. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  /* No proxy from the environment may see loopback traffic. */
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");

  log_text = g_string_new (NULL);
  g_log_set_writer_func (log_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);
  test_default_handler = g_log_set_default_handler (log_handler, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/client/session", test_session);
  g_test_add_func ("/client/api-base", test_api_base_validation);
  ADD ("/client/request/encoding", test_request_encoding);
  ADD ("/client/request/refused-before-sending", test_request_refused_before_sending);
  ADD ("/client/server-checks", test_server_checks);
  ADD ("/client/auth", test_auth);

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    {
      g_autofree char *path = g_strconcat ("/client/fault/", fault_cases[i].name, NULL);

      g_test_add (path, Fixture, &fault_cases[i], fixture_set_up, test_fault, fixture_tear_down);
    }

  g_test_add_func ("/client/scripted-answers", test_scripted_answers);
  g_test_add_func ("/client/profile-json/agrees", test_profile_json_agrees);
  g_test_add_func ("/client/profile-json/follow", test_profile_json_follow);
  ADD ("/client/profile-json/faults", test_profile_json_faults);
  g_test_add_func ("/client/too-large/content-length", test_content_length_too_large);
  g_test_add_func ("/client/content-length-odd", test_content_length_odd);
  g_test_add_func ("/client/compressed-answer", test_compressed_answer);
  ADD ("/client/too-large/streamed", test_too_large);
  ADD ("/client/cancel", test_cancel);
  ADD ("/client/stall-times-out", test_stall_times_out);
  ADD ("/client/redirect/other-host", test_redirect_other_host);
  g_test_add_func ("/client/transport/connection-refused", test_connection_refused);
  g_test_add_func ("/client/transport/tls", test_tls_failure);
  g_test_add_func ("/client/transport/host-not-found", test_host_not_found);
  g_test_add_func ("/client/fake-server/checks", test_fake_server_checks);
  g_test_add_func ("/client/logs/key-never-logged", test_key_never_logged);

#undef ADD

  return g_test_run ();
}
