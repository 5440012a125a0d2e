/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The fault matrix: everything a hostile or broken HrFlow, network or
 * storage host can do, each driven through the real window's own
 * `win.look-up` action against the fake server.  Every case ends on the
 * page and with the words below, within its time limit, with no critical
 * (the suite runs with G_DEBUG=fatal-criticals; GTest makes warnings fatal
 * too), and the same window then shows a good profile.  The command line
 * meets the same faults in tests/test-cli.c (test_faults and the cases
 * after it); its column says what it answers.
 *
 * | case                   | how it is produced                                   | window: page, title, what the description says                      | command line: exit, stderr                      |
 * |------------------------|------------------------------------------------------|---------------------------------------------------------------------|-------------------------------------------------|
 * | 401                    | fault UNAUTHORIZED                                   | error, Sign In Again, "rejected the API key or the user email"      | 1, same sentence, "HTTP 401"                    |
 * | 403                    | fault SOURCE_FORBIDDEN                               | error, No Access to This Source, "not allowed to read profiles"     | 1, "HTTP 403"                                   |
 * | 402                    | fault QUOTA                                          | error, Quota Exceeded, "used up its quota"                          | 1, "HTTP 402"                                   |
 * | 429                    | fault RATE_LIMITED (Retry-After: 30)                 | error, Too Many Lookups, "Wait 30 seconds"                          | 1, "HTTP 429"                                   |
 * | 500 JSON               | fault SERVER_ERROR                                   | error, HrFlow Has a Problem, "(HTTP 500)"                           | 1, "HTTP 500"                                   |
 * | 502 HTML page          | fault SERVER_ERROR_HTML (an nginx page)              | error, HrFlow Has a Problem, "(HTTP 502)", no HTML shown            | 1, "HTTP 502"                                   |
 * | other 4xx              | API base ending in /v2: the server answers 404 text  | error, HrFlow Refused the Lookup, "(HTTP 404)"                      | 1, "HTTP 404"                                   |
 * | 400 not found          | an unknown key                                       | error, No Candidate Found, "No profile matches"                     | 1, "Unable to find object: profile", "HTTP 400" |
 * | 400 invalid source     | an unknown source key                                | error, Source Not Found, "does not accept this source"              | 1, "Invalid source fields", "HTTP 400"          |
 * | empty body             | fault EMPTY_BODY (200, no byte)                      | error, Unexpected Answer, "the answer is empty"                     | 1, same sentence                                |
 * | truncated body         | fault TRUNCATED_BODY (200, half a document)          | error, Unexpected Answer, "not valid JSON; it may have been cut"    | 1, same sentence                                |
 * | HTML with 200          | fault NOT_JSON (a web page, status 200)              | error, Unexpected Answer, "it is a web page, not HrFlow data"       | 1, same sentence                                |
 * | invalid UTF-8          | fault INVALID_UTF8                                   | error, Unexpected Answer, "not valid UTF-8 text"                    | 1, same sentence                                |
 * | data missing           | fault NO_DATA                                        | error, Unexpected Answer, "holds no profile"                        | 1, same sentence                                |
 * | data null              | fault DATA_NULL                                      | error, Unexpected Answer, "its data is null"                        | 1, same sentence                                |
 * | data not an object     | fault DATA_NOT_OBJECT ("data": [])                   | error, Unexpected Answer, "not a JSON object"                       | 1, same sentence                                |
 * | 100,000 levels deep    | fault DEEP_NESTING                                   | error, Unexpected Answer, "more than 512 levels deep"               | 1, same sentence                                |
 * | 64 MiB body            | fault HUGE_BODY (streamed, chunked)                  | error, Unexpected Answer, "larger than 32 MiB"                      | 1, same sentence                                |
 * | stall mid-body         | fault STALL; the client's request timeout set to 2 s | error, HrFlow Did Not Answer in Time, "within 2 seconds", in ≤ 12 s | 1, same sentence (DOSSIER_REQUEST_TIMEOUT=2)    |
 * | connection reset       | fault RESET (closed with no answer)                  | error, Could Not Reach HrFlow, "was cut before the answer"          | 1, same sentence                                |
 * | connection refused     | an API base on a port nobody listens on              | error, Could Not Reach HrFlow, "refused the connection"             | 1, same sentence                                |
 * | redirect, other host   | fault REDIRECT to a second fake server               | error, Unexpected Answer, "credentials were not sent there";        | 1, same sentence; the second server got nothing |
 * |                        |                                                      | the second server received no request, so no X-API-KEY              |                                                 |
 * | redirect loop          | fault REDIRECT to the server itself                  | error, Unexpected Answer, "redirected the request too many times"   | 1, same sentence                                |
 * | wrong types            | fixtures/wrong-types.json (every field mistyped)     | profile, "Unnamed Candidate"; exports                               | 0, the profile exported                         |
 * | wrong item types       | fixtures/wrong-types-items.json (nulls, numbers,     | profile, "Ada Wrongtype"; exports                                   | 0, the profile exported                         |
 * |                        | lists, objects inside every list)                    |                                                                     |                                                 |
 * | all null               | fixtures/null-heavy.json                             | profile, "Unnamed Candidate"                                        | (covered by the model tests)                    |
 * | picture: good          | a 64×64 PNG on the storage host (the control case)   | profile, the picture replaces the initials                          | — (the command line loads no picture)           |
 * | picture: 20000×20000   | a real 20000×20000 grey PNG, ~400 KB                 | profile, initials kept; the loader says TOO_LARGE                   | —                                               |
 * | picture: > 10 MiB      | 11 MiB served with Content-Length                    | profile, initials kept; TOO_LARGE                                   | —                                               |
 * | picture: not an image  | an HTML page served as image/png                     | profile, initials kept; INVALID_RESPONSE                            | —                                               |
 * | picture: 404           | a path the storage host does not have                | profile, initials kept; NOT_FOUND                                   | —                                               |
 * | picture: redirect      | /files/redirect/… → a PNG on a second host           | profile, the picture shows; neither host saw an HrFlow header       | —                                               |
 * | picture: redirect loop | /files/redirect/… → itself                           | profile, initials kept; INVALID_RESPONSE                            | —                                               |
 *
 * After every picture case neither storage host has received a request
 * carrying X-API-KEY or X-USER-EMAIL, although the same session has just
 * sent them to the API on the same host and port.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-error.h"
#include "dossier-fake-server.h"
#include "dossier-profile-view.h"
#include "dossier-test-key.h"
#include "dossier-ui-test.h"

#define SOURCE_KEY      "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
#define SEED_KEY        "profile_key"
#define WRONG_KEY       "a1b2c3d4e5f60718293a4b5c6d7e8f9011223344"
#define WRONG_ITEMS_KEY "bad0bad0bad0bad0bad0bad0bad0bad0bad0bad0"
#define NULL_HEAVY_KEY  "1a2b3c4d5e6f708192a3b4c5d6e7f80911223344"
#define PICTURE_KEY     "1111111111111111111111111111111111111111"
#define PICTURE_NAME    "Pia Picture"
#define UNKNOWN_KEY     "ffffffffffffffffffffffffffffffffffffffff"

/* Seconds a lookup may take, at most, before it counts as a hang; the
 * stalling server gets the short request timeout on top. */
#define LOOKUP_LIMIT_S   10
#define STALL_TIMEOUT_S  2

static DossierApplication *app;

typedef struct
{
  DossierFakeServer *server;   /* HrFlow, and the storage host of its pictures */
  DossierFakeServer *other;    /* another host, where redirects point */
  DossierWindow     *window;
  char              *tmpdir;
} Fixture;

/* Fixture */

static void
add_profile (DossierFakeServer *server,
             GBytes            *bytes)
{
  g_autoptr(GError) error = NULL;

  dossier_fake_server_add_profile (server, SOURCE_KEY, bytes, &error);
  g_assert_no_error (error);
}

static void
add_fixture (DossierFakeServer *server,
             const char        *name,
             const char        *key)
{
  g_autoptr(GBytes) bytes = dossier_test_load_profile_fixture (name, key);

  add_profile (server, bytes);
}

static DossierFakeServer *
start_server (void)
{
  g_autoptr(DossierFakeServer) server = dossier_fake_server_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_fake_server_start (server, 0, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_account (server, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "read", "Test Team");
  add_fixture (server, "seed-example.json", NULL);
  return g_steal_pointer (&server);
}

static void
use_account (const char *api_base)
{
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = dossier_account_new (api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = start_server ();
  add_fixture (fixture->server, "wrong-types.json", WRONG_KEY);
  add_fixture (fixture->server, "wrong-types-items.json", NULL);
  add_fixture (fixture->server, "null-heavy.json", NULL_HEAVY_KEY);

  /* The other host knows the same account and profile: were a redirect
   * followed with the credentials, it would answer, and tell. */
  fixture->other = start_server ();

  use_account (dossier_fake_server_get_api_base (fixture->server));

  fixture->tmpdir = g_dir_make_tmp ("dossier-fault-matrix-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000));
  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "lookup");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  dossier_test_spin (50);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->other);

  /* The key audit (tests/test-leak.sh) reads the exports left behind. */
  if (g_getenv ("DOSSIER_TEST_AUDIT") == NULL)
    {
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

          g_unlink (path);
        }
      g_rmdir (fixture->tmpdir);
    }
  g_free (fixture->tmpdir);
}

/* Reading the window back */

static gboolean
is_stack (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_STACK (widget);
}

/* The page on screen (the one going away in a transition is still mapped
 * for a moment). */
static GtkWidget *
visible_page (Fixture *fixture)
{
  GtkWidget *stack = dossier_test_find_widget (GTK_WIDGET (fixture->window), is_stack, NULL);

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child (GTK_STACK (stack));
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget);
}

static gboolean
is_profile_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DOSSIER_IS_PROFILE_VIEW (widget);
}

static DossierProfileView *
profile_view (Fixture *fixture)
{
  GtkWidget *view = dossier_test_find_widget (GTK_WIDGET (fixture->window), is_profile_view, NULL);

  g_assert_nonnull (view);
  return DOSSIER_PROFILE_VIEW (view);
}

static gboolean
is_mapped_avatar (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_AVATAR (widget) && gtk_widget_get_mapped (widget);
}

static gboolean
has_custom_image (GtkWidget     *widget,
                  gconstpointer  data)
{
  return ADW_IS_AVATAR (widget) && adw_avatar_get_custom_image (ADW_AVATAR (widget)) != NULL;
}

/* Looks @identifier up through the window's own action, as Enter or the
 * Look Up button do, and waits for the answer; fails on a hang past
 * @limit_s.  Returns how long it took, in seconds. */
static double
look_up_in (Fixture    *fixture,
            const char *source_key,
            const char *identifier,
            guint       limit_s)
{
  gint64 start = g_get_monotonic_time ();

  dossier_window_set_lookup (fixture->window, source_key, DOSSIER_IDENTIFIER_KEY, identifier);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.look-up", NULL));
  g_assert_true (dossier_window_get_busy (fixture->window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_window_get_busy (fixture->window), limit_s * 1000));

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
look_up (Fixture    *fixture,
         const char *identifier)
{
  return look_up_in (fixture, SOURCE_KEY, identifier, LOOKUP_LIMIT_S);
}

static void
assert_error_page (Fixture    *fixture,
                   const char *title,
                   const char *description_part)
{
  AdwStatusPage *page;
  const char *description;

  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "error");
  page = dossier_test_find_status_page (visible_page (fixture));
  g_assert_nonnull (page);
  description = adw_status_page_get_description (page);
  g_test_message ("%s: %s", adw_status_page_get_title (page), description);

  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_nonnull (description);
  g_assert_nonnull (strstr (description, description_part));
  /* A sentence, never a raw error or a server's page. */
  g_assert_null (strstr (description, "quark"));
  g_assert_null (strstr (description, "<html"));
  g_assert_null (strstr (description, "&lt;html"));
  g_assert_null (strstr (description, "&lt;!DOCTYPE"));
  g_assert_null (strstr (description, DOSSIER_TEST_API_KEY));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Dossier");
}

static void
assert_profile_page (Fixture    *fixture,
                     const char *key,
                     const char *title)
{
  DossierProfile *profile = dossier_window_get_profile (fixture->window);
  AdwWindowTitle *header;

  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "profile");
  g_assert_nonnull (profile);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, key);
  g_assert_true (dossier_profile_view_get_profile (profile_view (fixture)) == profile);
  header = ADW_WINDOW_TITLE (dossier_test_find_widget (visible_page (fixture), is_window_title, NULL));
  g_assert_nonnull (header);
  g_assert_cmpstr (adw_window_title_get_title (header), ==, title);
  g_assert_null (dossier_test_find_label (GTK_WIDGET (fixture->window), "(null)"));
}

/* The same window then shows a good profile: nothing was left broken. */
static void
assert_still_usable (Fixture *fixture)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  use_account (dossier_fake_server_get_api_base (fixture->server));

  look_up (fixture, SEED_KEY);
  assert_profile_page (fixture, SEED_KEY, "Harry Potter");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Harry Potter");
}

/* The API's faults */

typedef struct
{
  const char       *path;
  DossierFakeFault  fault;
  const char       *title;
  const char       *description;
} FaultCase;

static const FaultCase fault_cases[] = {
  { "/fault-matrix/http/401", DOSSIER_FAKE_FAULT_UNAUTHORIZED,
    "Sign In Again", "HrFlow rejected the API key or the user email." },
  { "/fault-matrix/http/403", DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN,
    "No Access to This Source", "not allowed to read profiles from this source" },
  { "/fault-matrix/http/402", DOSSIER_FAKE_FAULT_QUOTA,
    "Quota Exceeded", "used up its quota" },
  { "/fault-matrix/http/429", DOSSIER_FAKE_FAULT_RATE_LIMITED,
    "Too Many Lookups", "Wait 30 seconds" },
  { "/fault-matrix/http/500", DOSSIER_FAKE_FAULT_SERVER_ERROR,
    "HrFlow Has a Problem", "(HTTP 500)" },
  { "/fault-matrix/http/502-html", DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML,
    "HrFlow Has a Problem", "(HTTP 502)" },
  { "/fault-matrix/body/empty", DOSSIER_FAKE_FAULT_EMPTY_BODY,
    "Unexpected Answer", "the answer is empty" },
  { "/fault-matrix/body/truncated", DOSSIER_FAKE_FAULT_TRUNCATED_BODY,
    "Unexpected Answer", "not valid JSON; it may have been cut off" },
  { "/fault-matrix/body/html", DOSSIER_FAKE_FAULT_NOT_JSON,
    "Unexpected Answer", "it is a web page, not HrFlow data" },
  { "/fault-matrix/body/invalid-utf8", DOSSIER_FAKE_FAULT_INVALID_UTF8,
    "Unexpected Answer", "not valid UTF-8 text" },
  { "/fault-matrix/data/missing", DOSSIER_FAKE_FAULT_NO_DATA,
    "Unexpected Answer", "holds no profile" },
  { "/fault-matrix/data/null", DOSSIER_FAKE_FAULT_DATA_NULL,
    "Unexpected Answer", "its data is null" },
  { "/fault-matrix/data/not-object", DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT,
    "Unexpected Answer", "not a JSON object" },
  { "/fault-matrix/body/deep-nesting", DOSSIER_FAKE_FAULT_DEEP_NESTING,
    "Unexpected Answer", "more than 512 levels deep" },
  { "/fault-matrix/body/64-mib", DOSSIER_FAKE_FAULT_HUGE_BODY,
    "Unexpected Answer", "larger than 32 MiB" },
  { "/fault-matrix/network/reset", DOSSIER_FAKE_FAULT_RESET,
    "Could Not Reach HrFlow", "was cut before the answer was complete" },
};

static void
test_fault (Fixture       *fixture,
            gconstpointer  data)
{
  const FaultCase *fault_case = data;
  double seconds;

  dossier_fake_server_set_fault (fixture->server, fault_case->fault);
  seconds = look_up (fixture, SEED_KEY);
  g_test_message ("answered in %.2f s", seconds);
  assert_error_page (fixture, fault_case->title, fault_case->description);

  assert_still_usable (fixture);
}

static void
test_not_found (Fixture       *fixture,
                gconstpointer  data)
{
  look_up (fixture, UNKNOWN_KEY);
  assert_error_page (fixture, "No Candidate Found", "No profile matches this identifier");
  assert_still_usable (fixture);
}

static void
test_invalid_source (Fixture       *fixture,
                     gconstpointer  data)
{
  look_up_in (fixture, "0123456789012345678901234567890123456789", SEED_KEY, LOOKUP_LIMIT_S);
  assert_error_page (fixture, "Source Not Found", "does not accept this source");
  assert_still_usable (fixture);
}

/* Any other 4xx: an API base whose path the server does not know. */
static void
test_other_4xx (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *api_base = g_strconcat (dossier_fake_server_get_base_url (fixture->server), "/v2", NULL);

  use_account (api_base);
  look_up (fixture, SEED_KEY);
  assert_error_page (fixture, "HrFlow Refused the Lookup", "(HTTP 404)");
  assert_still_usable (fixture);
}

static void
test_stall (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *expected = g_strdup_printf ("did not answer within %u seconds", STALL_TIMEOUT_S);
  double seconds;

  /* The client's own hook: the window's client gives up after 2 seconds
   * instead of 30. */
  dossier_client_set_request_timeout (dossier_application_get_client (app), STALL_TIMEOUT_S);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);

  seconds = look_up_in (fixture, SOURCE_KEY, SEED_KEY, STALL_TIMEOUT_S + LOOKUP_LIMIT_S);
  g_test_message ("gave up after %.2f s", seconds);
  /* It is the timeout that ended it, not something quicker. */
  g_assert_cmpfloat (seconds, >=, STALL_TIMEOUT_S - 0.5);
  assert_error_page (fixture, "HrFlow Did Not Answer in Time", expected);

  assert_still_usable (fixture);
}

static void
test_connection_refused (Fixture       *fixture,
                         gconstpointer  data)
{
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

  use_account (api_base);
  look_up (fixture, SEED_KEY);
  assert_error_page (fixture, "Could Not Reach HrFlow", "refused the connection");
  assert_still_usable (fixture);
}

/* A redirect to another host: the second server, which would answer the
 * same lookup, must not receive it, and so no key. */
static void
test_redirect_other_host (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *target = g_strdup_printf ("%s/profile/indexing?source_key=%s&key=%s",
                                             dossier_fake_server_get_api_base (fixture->other),
                                             SOURCE_KEY, SEED_KEY);
  SoupMessageHeaders *headers;

  dossier_fake_server_set_redirect_target (fixture->server, target);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_REDIRECT);

  look_up (fixture, SEED_KEY);
  assert_error_page (fixture, "Unexpected Answer", "Your credentials were not sent there.");

  /* The first server did get the credentials; the second nothing at all. */
  headers = dossier_fake_server_get_last_headers (fixture->server);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-API-KEY"), ==, DOSSIER_TEST_API_KEY);
  dossier_test_spin (200);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->other), ==, 0);
  headers = dossier_fake_server_get_last_headers (fixture->other);
  g_assert_true (headers == NULL || soup_message_headers_get_one (headers, "X-API-KEY") == NULL);
  g_assert_true (headers == NULL || soup_message_headers_get_one (headers, "X-USER-EMAIL") == NULL);

  assert_still_usable (fixture);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->other), ==, 0);
}

static void
test_redirect_loop (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *target = g_strdup_printf ("%s/profile/indexing?source_key=%s&key=%s",
                                             dossier_fake_server_get_api_base (fixture->server),
                                             SOURCE_KEY, SEED_KEY);
  guint before = dossier_fake_server_get_request_count (fixture->server);

  dossier_fake_server_set_redirect_target (fixture->server, target);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_REDIRECT);

  look_up (fixture, SEED_KEY);
  assert_error_page (fixture, "Unexpected Answer", "redirected the request too many times");
  /* The first request and a few redirects, then it gave up. */
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server) - before, >=, 2);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server) - before, <=, 10);

  assert_still_usable (fixture);
}

/* Data of the wrong types: a profile all the same, which exports. */

static void
assert_exports (Fixture    *fixture,
                const char *name)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS), 5000));
  dossier_test_spin (100);
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
}

static void
test_wrong_types (Fixture       *fixture,
                  gconstpointer  data)
{
  look_up (fixture, WRONG_KEY);
  assert_profile_page (fixture, WRONG_KEY, "Unnamed Candidate");
  assert_exports (fixture, "wrong-types.json");
  assert_still_usable (fixture);
}

static void
test_wrong_item_types (Fixture       *fixture,
                       gconstpointer  data)
{
  look_up (fixture, WRONG_ITEMS_KEY);
  assert_profile_page (fixture, WRONG_ITEMS_KEY, "Ada Wrongtype");
  /* What is of the right type among the wrong is shown. */
  g_assert_nonnull (dossier_test_find_label (GTK_WIDGET (profile_view (fixture)), "Ada Wrongtype"));
  assert_exports (fixture, "wrong-types-items.json");
  assert_still_usable (fixture);
}

static void
test_null_heavy (Fixture       *fixture,
                 gconstpointer  data)
{
  look_up (fixture, NULL_HEAVY_KEY);
  assert_profile_page (fixture, NULL_HEAVY_KEY, "Unnamed Candidate");
  assert_still_usable (fixture);
}

/* Pictures */

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  crc = ~crc;
  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

static void
append_png_chunk (GByteArray   *png,
                  const char   *type,
                  const guint8 *data,
                  gsize         length)
{
  guint32 crc = crc32_update (0, (const guint8 *) type, 4);

  append_be32 (png, length);
  g_byte_array_append (png, (const guint8 *) type, 4);
  g_byte_array_append (png, data, length);
  append_be32 (png, crc32_update (crc, data, length));
}

/* A complete, valid PNG of @side × @side black pixels, 8-bit grey: every
 * row is there, so it is huge only once decoded (20000² bytes: 400 MB).
 * Built here rather than stored: the rows compress a thousand to one. */
static GBytes *
make_huge_png (guint32 side)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) header = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zlib = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree guint8 *row = g_malloc0 (side + 1);   /* filter byte 0, then the pixels */
  const guint8 header_tail[5] = { 8, 0, 0, 0, 0 };   /* 8-bit grey, no interlace */

  append_be32 (header, side);
  append_be32 (header, side);
  g_byte_array_append (header, header_tail, sizeof header_tail);

  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  append_png_chunk (png, "IHDR", header->data, header->len);

  for (guint32 y = 0; y < side; y++)
    g_assert_true (g_output_stream_write_all (zlib, row, side + 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (zlib, NULL, NULL));
  append_png_chunk (png, "IDAT",
                    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));
  append_png_chunk (png, "IEND", NULL, 0);

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static GBytes *
make_small_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 64, 64);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, NULL));
  g_assert_no_error (error);
  return g_bytes_new_take (buffer, size);
}

typedef enum
{
  PICTURE_GOOD,
  PICTURE_HUGE_PIXELS,
  PICTURE_HUGE_BYTES,
  PICTURE_NOT_IMAGE,
  PICTURE_MISSING,
  PICTURE_REDIRECT,
  PICTURE_REDIRECT_LOOP,
} PictureCase;

static void
picture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  GError **error = user_data;
  g_autoptr(GdkPixbuf) pixbuf = dossier_picture_loader_load_finish (DOSSIER_PICTURE_LOADER (object), result, error);

  /* A success reads as a sentinel error, so that the wait ends. */
  if (pixbuf != NULL)
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "loaded");
}

/* Asks the application's loader for what the view asked: the same URL and
 * size share one download, or its remembered result, so the answer here
 * comes no sooner than the view's. */
static GError *
wait_for_picture (Fixture    *fixture,
                  const char *url)
{
  GError *error = NULL;
  int size = DOSSIER_PROFILE_VIEW_AVATAR_SIZE * gtk_widget_get_scale_factor (GTK_WIDGET (fixture->window));

  dossier_picture_loader_load_async (dossier_application_get_picture_loader (app), url, size, NULL,
                                     picture_loaded_cb, &error);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (error != NULL, LOOKUP_LIMIT_S * 1000));
  dossier_test_spin (100);
  return error;
}

static void
test_picture (Fixture       *fixture,
              gconstpointer  data)
{
  PictureCase picture_case = GPOINTER_TO_INT (data);
  DossierFakeServer *server = fixture->server;
  const char *base = dossier_fake_server_get_base_url (server);
  g_autoptr(GBytes) small_png = make_small_png ();
  g_autoptr(GBytes) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  AdwAvatar *avatar;
  GQuark expected_domain = DOSSIER_ERROR;
  int expected_code = -1;

  switch (picture_case)
    {
    case PICTURE_GOOD:
      dossier_fake_server_add_file (server, "/files/face.png", small_png, "image/png");
      url = g_strconcat (base, "/files/face.png", NULL);
      expected_domain = G_IO_ERROR;
      expected_code = G_IO_ERROR_EXISTS;
      break;

    case PICTURE_HUGE_PIXELS:
      {
        g_autoptr(GBytes) png = make_huge_png (20000);

        g_test_message ("a 20000×20000 PNG of %" G_GSIZE_FORMAT " bytes", g_bytes_get_size (png));
        g_assert_cmpuint (g_bytes_get_size (png), <, 1024 * 1024);
        dossier_fake_server_add_file (server, "/files/huge.png", png, "image/png");
        url = g_strconcat (base, "/files/huge.png", NULL);
        expected_code = DOSSIER_ERROR_TOO_LARGE;
      }
      break;

    case PICTURE_HUGE_BYTES:
      {
        gsize size = DOSSIER_PICTURE_MAX_BYTES + 1024 * 1024;
        guint8 *bytes = g_malloc0 (size);
        g_autoptr(GBytes) contents = NULL;

        /* A real PNG at the start, then padding up to 11 MiB. */
        memcpy (bytes, g_bytes_get_data (small_png, NULL), g_bytes_get_size (small_png));
        contents = g_bytes_new_take (bytes, size);
        dossier_fake_server_add_file (server, "/files/heavy.png", contents, "image/png");
        url = g_strconcat (base, "/files/heavy.png", NULL);
        expected_code = DOSSIER_ERROR_TOO_LARGE;
      }
      break;

    case PICTURE_NOT_IMAGE:
      {
        static const char page[] = "<!DOCTYPE html><html><body>Sign in to see this picture</body></html>";
        g_autoptr(GBytes) contents = g_bytes_new_static (page, sizeof page - 1);

        dossier_fake_server_add_file (server, "/files/page.png", contents, "image/png");
        url = g_strconcat (base, "/files/page.png", NULL);
        expected_code = DOSSIER_ERROR_INVALID_RESPONSE;
      }
      break;

    case PICTURE_MISSING:
      url = g_strconcat (base, "/files/nobody.png", NULL);
      expected_code = DOSSIER_ERROR_NOT_FOUND;
      break;

    case PICTURE_REDIRECT:
      {
        g_autofree char *target = g_strconcat (dossier_fake_server_get_base_url (fixture->other),
                                               "/files/face.png", NULL);

        dossier_fake_server_add_file (fixture->other, "/files/face.png", small_png, "image/png");
        dossier_fake_server_set_redirect_target (server, target);
        url = g_strconcat (base, "/files/redirect/face.png", NULL);
        expected_domain = G_IO_ERROR;
        expected_code = G_IO_ERROR_EXISTS;
      }
      break;

    case PICTURE_REDIRECT_LOOP:
      url = g_strconcat (base, "/files/redirect/loop.png", NULL);
      dossier_fake_server_set_redirect_target (server, url);
      expected_code = DOSSIER_ERROR_INVALID_RESPONSE;
      break;

    default:
      g_assert_not_reached ();
    }

  text = g_strdup_printf ("{\"key\": \"%s\", \"info\": {\"full_name\": \"%s\", \"picture\": \"%s\"}}",
                          PICTURE_KEY, PICTURE_NAME, url);
  profile = g_bytes_new_take (text, strlen (text));
  text = NULL;
  add_profile (server, profile);

  look_up (fixture, PICTURE_KEY);
  assert_profile_page (fixture, PICTURE_KEY, PICTURE_NAME);

  error = wait_for_picture (fixture, url);
  g_test_message ("picture: %s", error->message);
  g_assert_error (error, expected_domain, expected_code);

  if (expected_domain == G_IO_ERROR)
    g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_profile_view_get_showing_picture (profile_view (fixture)), 5000));
  else
    g_assert_false (dossier_profile_view_get_showing_picture (profile_view (fixture)));

  /* The initials stay (or the picture replaces them) in an avatar that
   * still names the candidate. */
  avatar = ADW_AVATAR (dossier_test_find_widget (GTK_WIDGET (profile_view (fixture)), is_mapped_avatar, NULL));
  g_assert_nonnull (avatar);
  g_assert_cmpstr (adw_avatar_get_text (avatar), ==, PICTURE_NAME);
  g_assert_true (adw_avatar_get_show_initials (avatar));
  avatar = ADW_AVATAR (dossier_test_find_widget (GTK_WIDGET (profile_view (fixture)), has_custom_image, NULL));
  if (expected_domain == G_IO_ERROR)
    {
      g_assert_nonnull (avatar);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (avatar)));
    }
  else
    g_assert_null (avatar);

  /* The storage hosts were asked, and never with an HrFlow header, though
   * the same session just sent them to the API on the same host and port. */
  g_assert_cmpuint (dossier_fake_server_get_file_request_count (server), >=, 1);
  if (picture_case == PICTURE_REDIRECT)
    g_assert_cmpuint (dossier_fake_server_get_file_request_count (fixture->other), >=, 1);
  g_assert_cmpuint (dossier_fake_server_get_file_requests_with_credentials (server), ==, 0);
  g_assert_cmpuint (dossier_fake_server_get_file_requests_with_credentials (fixture->other), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (dossier_fake_server_get_last_headers (server), "X-API-KEY"),
                   ==, DOSSIER_TEST_API_KEY);

  assert_still_usable (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = dossier_test_application_new ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  for (guint i = 0; i < G_N_ELEMENTS (fault_cases); i++)
    ADD (fault_cases[i].path, test_fault, &fault_cases[i]);
  ADD ("/fault-matrix/http/not-found", test_not_found, NULL);
  ADD ("/fault-matrix/http/invalid-source", test_invalid_source, NULL);
  ADD ("/fault-matrix/http/other-4xx", test_other_4xx, NULL);
  ADD ("/fault-matrix/network/stall", test_stall, NULL);
  ADD ("/fault-matrix/network/connection-refused", test_connection_refused, NULL);
  ADD ("/fault-matrix/redirect/other-host", test_redirect_other_host, NULL);
  ADD ("/fault-matrix/redirect/loop", test_redirect_loop, NULL);
  ADD ("/fault-matrix/data/wrong-types", test_wrong_types, NULL);
  ADD ("/fault-matrix/data/wrong-item-types", test_wrong_item_types, NULL);
  ADD ("/fault-matrix/data/null-heavy", test_null_heavy, NULL);
  ADD ("/fault-matrix/picture/good", test_picture, GINT_TO_POINTER (PICTURE_GOOD));
  ADD ("/fault-matrix/picture/20000x20000", test_picture, GINT_TO_POINTER (PICTURE_HUGE_PIXELS));
  ADD ("/fault-matrix/picture/over-10-mib", test_picture, GINT_TO_POINTER (PICTURE_HUGE_BYTES));
  ADD ("/fault-matrix/picture/not-an-image", test_picture, GINT_TO_POINTER (PICTURE_NOT_IMAGE));
  ADD ("/fault-matrix/picture/404", test_picture, GINT_TO_POINTER (PICTURE_MISSING));
  ADD ("/fault-matrix/picture/redirect-other-host", test_picture, GINT_TO_POINTER (PICTURE_REDIRECT));
  ADD ("/fault-matrix/picture/redirect-loop", test_picture, GINT_TO_POINTER (PICTURE_REDIRECT_LOOP));

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
