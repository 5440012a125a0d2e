/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <libsecret/secret.h>
#include <string.h>

#include "dossier-client.h"
#include "dossier-credentials.h"
#include "dossier-fake-server.h"
#include "dossier-resources.h"
#include "dossier-sign-in-page.h"
#include "dossier-test-key.h"

/* The sign-in page in a real window, driven through its rows and its
 * button, against the fake server's /v1/auth and the session's keyring. */

typedef struct
{
  DossierFakeServer  *server;
  DossierCredentials *credentials;
  SoupSession        *session;
  GtkWidget          *window;
  DossierSignInPage  *page;
  DossierAccount     *signed_in;
  guint               signed_in_count;
} Fixture;

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
signed_in_cb (DossierSignInPage *page,
              DossierAccount    *account,
              Fixture           *fixture)
{
  g_assert_true (DOSSIER_IS_ACCOUNT (account));
  g_set_object (&fixture->signed_in, account);
  fixture->signed_in_count++;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->server = dossier_fake_server_new ();
  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL,
                                   DOSSIER_TEST_API_KEY, "read", "Read Team");
  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL_2,
                                   DOSSIER_TEST_WRITE_API_KEY, "write", "Write Team");
  dossier_fake_server_start (fixture->server, 0, &error);
  g_assert_no_error (error);
  clear_base (dossier_fake_server_get_api_base (fixture->server));

  fixture->session = dossier_session_new ();
  fixture->credentials = dossier_credentials_new ();

  fixture->page = DOSSIER_SIGN_IN_PAGE (dossier_sign_in_page_new ());
  dossier_sign_in_page_set_session (fixture->page, fixture->session);
  dossier_sign_in_page_set_credentials (fixture->page, fixture->credentials);
  g_signal_connect (fixture->page, "signed-in", G_CALLBACK (signed_in_cb), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 480, 640);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static gboolean timeout_cb (gpointer user_data);

/* With DOSSIER_TEST_SCREENSHOTS naming a folder, each test leaves a
 * picture of the window there, for people to look at. */
static void
save_screenshot (Fixture *fixture)
{
  const char *folder = g_getenv ("DOSSIER_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (folder == NULL)
    return;

  /* Let the window lay out and draw what the test left on it. */
  {
    gboolean waited = FALSE;

    g_timeout_add (300, timeout_cb, &waited);
    while (!waited)
      g_main_context_iteration (NULL, TRUE);
  }

  width = gtk_widget_get_width (fixture->window);
  height = gtk_widget_get_height (fixture->window);
  paintable = gtk_widget_paintable_new (fixture->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("Nothing drawn to save as a screenshot");
      return;
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
  path = g_strdup_printf ("%s/%s.png", folder, name + 1);
  gdk_texture_save_to_png (texture, path);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierSignInPage *page = fixture->page;

  save_screenshot (fixture);

  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &page);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* Nothing keeps the page alive once its window is gone. */
  g_assert_null (page);

  clear_base (dossier_fake_server_get_api_base (fixture->server));
  g_clear_object (&fixture->signed_in);
  g_clear_object (&fixture->credentials);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->server);
}

static GtkWidget *
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                   DOSSIER_TYPE_SIGN_IN_PAGE, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static void
type_into (Fixture    *fixture,
           const char *row,
           const char *text)
{
  GtkWidget *widget = child (fixture, row);

  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (widget)));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
is_shown (Fixture    *fixture,
          const char *name)
{
  return gtk_widget_get_visible (child (fixture, name));
}

static const char *
text_of (Fixture    *fixture,
         const char *label)
{
  return gtk_label_get_text (GTK_LABEL (child (fixture, label)));
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Something to show for the click: the signal, an error under a row, or an
 * error in the status line, and the spinner gone. */
static gboolean
attempt_over (Fixture *fixture)
{
  GtkWidget *status = child (fixture, "status_label");

  if (gtk_widget_get_visible (child (fixture, "spinner")))
    return FALSE;

  return fixture->signed_in_count > 0 ||
         is_shown (fixture, "email_error_row") ||
         is_shown (fixture, "key_error_row") ||
         is_shown (fixture, "api_base_error_row") ||
         (gtk_widget_get_visible (status) && gtk_widget_has_css_class (status, "error"));
}

/* Clicks Sign In the way a user does (the button's own activation, which
 * GTK delays by a quarter second) and waits for the outcome. */
static void
click_sign_in (Fixture *fixture)
{
  GtkWidget *button = child (fixture, "sign_in_button");
  gboolean timed_out = FALSE;
  guint timeout_id;

  g_assert_true (gtk_widget_get_sensitive (button));
  gtk_widget_activate (button);

  timeout_id = g_timeout_add_seconds (20, timeout_cb, &timed_out);
  /* The press shows first; then the outcome. */
  while (!timed_out && !attempt_over (fixture))
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static void
fill (Fixture    *fixture,
      const char *user_email,
      const char *api_key,
      const char *api_base)
{
  type_into (fixture, "email_row", user_email);
  type_into (fixture, "key_row", api_key);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child (fixture, "advanced_row")), TRUE);
  type_into (fixture, "api_base_row", api_base);
}

static DossierAccount *
stored_account (Fixture    *fixture,
                const char *api_base)
{
  g_autoptr(GError) error = NULL;
  GList *items;
  g_autoptr(GHashTable) attributes = NULL;

  items = secret_password_search_sync (dossier_credentials_get_schema (), SECRET_SEARCH_ALL,
                                       NULL, &error,
                                       "api-base", api_base,
                                       NULL);
  g_assert_no_error (error);
  if (items == NULL)
    return NULL;

  g_assert_cmpuint (g_list_length (items), ==, 1);
  attributes = secret_retrievable_get_attributes (items->data);
  g_list_free_full (items, g_object_unref);

  return dossier_account_new (g_hash_table_lookup (attributes, "api-base"),
                              g_hash_table_lookup (attributes, "user-email"),
                              NULL);
}

static void
assert_nothing_stored (Fixture *fixture)
{
  g_autoptr(DossierAccount) account = stored_account (fixture, dossier_fake_server_get_api_base (fixture->server));

  g_assert_null (account);
  g_assert_cmpuint (fixture->signed_in_count, ==, 0);
}

static void
assert_only_error (Fixture    *fixture,
                   const char *error_row)
{
  const char *rows[] = { "email_error_row", "key_error_row", "api_base_error_row" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_assert_true (is_shown (fixture, rows[i]) == (g_strcmp0 (rows[i], error_row) == 0));
}

static void
test_good_credentials (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *api_base = dossier_fake_server_get_api_base (fixture->server);
  g_autoptr(DossierAccount) stored = NULL;
  GtkWidget *status = child (fixture, "status_label");
  SoupMessageHeaders *headers;

  /* Spaces around pasted values are not part of them. */
  fill (fixture, " " DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY "\n", api_base);
  click_sign_in (fixture);

  /* The check went to /v1/auth with what was typed. */
  g_assert_cmpstr (dossier_fake_server_get_last_path (fixture->server), ==, "/v1/auth");
  headers = dossier_fake_server_get_last_headers (fixture->server);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-USER-EMAIL"), ==, DOSSIER_TEST_USER_EMAIL);
  g_assert_true (g_strcmp0 (soup_message_headers_get_one (headers, "X-API-KEY"), DOSSIER_TEST_API_KEY) == 0);

  assert_only_error (fixture, NULL);

  /* The signal, once, with the whole account. */
  g_assert_cmpuint (fixture->signed_in_count, ==, 1);
  g_assert_cmpstr (dossier_account_get_api_base (fixture->signed_in), ==, api_base);
  g_assert_cmpstr (dossier_account_get_user_email (fixture->signed_in), ==, DOSSIER_TEST_USER_EMAIL);
  g_assert_true (g_strcmp0 (dossier_account_get_api_key (fixture->signed_in), DOSSIER_TEST_API_KEY) == 0);

  /* The team and the permission are shown. */
  g_assert_true (gtk_widget_get_visible (status));
  g_assert_true (gtk_widget_has_css_class (status, "success"));
  g_assert_nonnull (strstr (text_of (fixture, "status_label"), "Read Team"));
  g_assert_nonnull (strstr (text_of (fixture, "status_label"), "read-only"));

  /* Stored in the keyring, under the schema. */
  g_assert_true (dossier_credentials_get_persistent (fixture->credentials));
  stored = stored_account (fixture, api_base);
  g_assert_nonnull (stored);
  g_assert_cmpstr (dossier_account_get_user_email (stored), ==, DOSSIER_TEST_USER_EMAIL);
  {
    g_autoptr(GError) error = NULL;
    char *key = secret_password_lookup_sync (dossier_credentials_get_schema (), NULL, &error,
                                             "api-base", api_base,
                                             "user-email", DOSSIER_TEST_USER_EMAIL,
                                             NULL);

    g_assert_no_error (error);
    g_assert_true (g_strcmp0 (key, DOSSIER_TEST_API_KEY) == 0);
    secret_password_free (key);
  }

  /* The key does not stay on screen; the button works again. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (fixture, "key_row"))), ==, "");
  g_assert_true (gtk_widget_get_sensitive (child (fixture, "sign_in_button")));
}

static void
test_rejected_key (Fixture       *fixture,
                   gconstpointer  data)
{
  fill (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2,
        dossier_fake_server_get_api_base (fixture->server));
  click_sign_in (fixture);

  assert_only_error (fixture, "key_error_row");
  g_assert_nonnull (strstr (text_of (fixture, "key_error_label"), "rejected"));
  g_assert_true (gtk_widget_has_css_class (child (fixture, "key_row"), "error"));
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 1);
  assert_nothing_stored (fixture);

  /* Editing the key takes the error away. */
  type_into (fixture, "key_row", DOSSIER_TEST_API_KEY);
  g_assert_false (is_shown (fixture, "key_error_row"));
  g_assert_false (gtk_widget_has_css_class (child (fixture, "key_row"), "error"));
}

static void
test_write_only_key (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *message;

  fill (fixture, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_WRITE_API_KEY,
        dossier_fake_server_get_api_base (fixture->server));
  click_sign_in (fixture);

  assert_only_error (fixture, "key_error_row");
  message = text_of (fixture, "key_error_label");
  g_assert_nonnull (strstr (message, "Write Team"));
  g_assert_nonnull (strstr (message, "cannot read profiles"));
  g_assert_nonnull (strstr (message, "read permission"));
  g_assert_cmpstr (dossier_fake_server_get_last_path (fixture->server), ==, "/v1/auth");
  assert_nothing_stored (fixture);
}

static guint
free_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint port;

  /* Bound then released at once: nobody listens there afterwards. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static void
test_unreachable_server (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *api_base = g_strdup_printf ("http://127.0.0.1:%u/v1", free_port ());
  const char *message;

  fill (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, api_base);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (child (fixture, "advanced_row")), FALSE);
  click_sign_in (fixture);

  assert_only_error (fixture, "api_base_error_row");
  message = text_of (fixture, "api_base_error_label");
  g_assert_nonnull (strstr (message, "127.0.0.1"));
  g_assert_nonnull (strstr (message, "refused"));
  /* The row at fault is under Advanced: it is opened to show it. */
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child (fixture, "advanced_row"))));
  g_assert_cmpuint (fixture->signed_in_count, ==, 0);
  {
    g_autoptr(DossierAccount) account = stored_account (fixture, api_base);

    g_assert_null (account);
  }
}

static void
test_refused_base (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *message;

  /* Plain http to another computer would show the key to the network. */
  fill (fixture, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "http://api.example.com/v1");
  click_sign_in (fixture);

  assert_only_error (fixture, "api_base_error_row");
  message = text_of (fixture, "api_base_error_label");
  g_assert_nonnull (strstr (message, "https://"));
  /* Refused before anything was sent. */
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
  assert_nothing_stored (fixture);
}

static void
test_missing_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  fill (fixture, "", DOSSIER_TEST_API_KEY, dossier_fake_server_get_api_base (fixture->server));
  click_sign_in (fixture);
  assert_only_error (fixture, "email_error_row");
  g_assert_nonnull (strstr (text_of (fixture, "email_error_label"), "email"));

  fill (fixture, DOSSIER_TEST_USER_EMAIL, "", dossier_fake_server_get_api_base (fixture->server));
  click_sign_in (fixture);
  assert_only_error (fixture, "key_error_row");
  g_assert_nonnull (strstr (text_of (fixture, "key_error_label"), "API key"));

  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, 0);
  assert_nothing_stored (fixture);
}

/* Each failure has words of its own. */
static void
test_messages_differ (void)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  struct { const char *email; const char *key; const char *base; const char *label; } cases[] = {
    { DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2, NULL, "key_error_label" },
    { DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_WRITE_API_KEY, NULL, "key_error_label" },
    { DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "unreachable", "api_base_error_label" },
    { DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "http://api.example.com/v1", "api_base_error_label" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture fixture = { 0 };
      g_autofree char *unreachable = g_strdup_printf ("http://127.0.0.1:%u/v1", free_port ());
      const char *base;

      fixture_setup (&fixture, NULL);
      if (cases[i].base == NULL)
        base = dossier_fake_server_get_api_base (fixture.server);
      else if (g_str_equal (cases[i].base, "unreachable"))
        base = unreachable;
      else
        base = cases[i].base;

      fill (&fixture, cases[i].email, cases[i].key, base);
      click_sign_in (&fixture);
      g_ptr_array_add (messages, g_strdup (text_of (&fixture, cases[i].label)));
      fixture_teardown (&fixture, NULL);
    }

  for (guint i = 0; i < messages->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (messages, i), !=, "");
      for (guint j = i + 1; j < messages->len; j++)
        g_assert_cmpstr (g_ptr_array_index (messages, i), !=, g_ptr_array_index (messages, j));
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The page's template is in the application's resources, linked from a
   * static library: name them so that the linker keeps them. */
  g_resources_register (dossier_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/sign-in/good-credentials", test_good_credentials);
  ADD ("/sign-in/rejected-key", test_rejected_key);
  ADD ("/sign-in/write-only-key", test_write_only_key);
  ADD ("/sign-in/unreachable-server", test_unreachable_server);
  ADD ("/sign-in/refused-base", test_refused_base);
  ADD ("/sign-in/missing-fields", test_missing_fields);
  g_test_add_func ("/sign-in/messages-differ", test_messages_differ);

#undef ADD

  return g_test_run ();
}
