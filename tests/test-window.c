/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The real window, in process, against the fake HrFlow server: type into
 * the four named controls, press Look Up, and read back what the widgets
 * show; the error pages and their buttons; cancel and last-wins; export,
 * copy and open; the sample profiles; the history. */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-download.h"
#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-fake-server.h"
#include "dossier-profile-view.h"
#include "dossier-test-key.h"
#include "dossier-ui-test.h"

#define SOURCE_KEY       "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
#define NULL_HEAVY_KEY   "0000000000000000000000000000000000000001"
#define SEED_KEY         "profile_key"
#define RTL_KEY          "60718293a4b5c6d7e8f9012345678ab1c2d3e4f5"
#define MARKUP_KEY       "718293a4b5c6d7e8f9012345678ab1c2d3e4f506"
#define UNKNOWN_KEY      "ffffffffffffffffffffffffffffffffffffffff"

static DossierApplication *app;

typedef struct
{
  DossierFakeServer *server;
  DossierWindow     *window;
  char              *tmpdir;
} Fixture;

static void
add_fixture (DossierFakeServer *server,
             const char        *name,
             const char        *key)
{
  g_autoptr(GBytes) bytes = dossier_test_load_profile_fixture (name, key);
  g_autoptr(GError) error = NULL;

  dossier_fake_server_add_profile (server, SOURCE_KEY, bytes, &error);
  g_assert_no_error (error);
}

static void
use_server_account (DossierFakeServer *server)
{
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = dossier_account_new (dossier_fake_server_get_api_base (server),
                                 DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GSettings *settings = dossier_application_get_settings (app);

  g_settings_reset (settings, "history");
  g_settings_reset (settings, "recent-sources");
  g_settings_reset (settings, "history-enabled");

  fixture->server = dossier_fake_server_new ();
  g_assert_true (dossier_fake_server_start (fixture->server, 0, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "read", "Test Team");
  add_fixture (fixture->server, "seed-example.json", NULL);
  add_fixture (fixture->server, "null-heavy.json", NULL_HEAVY_KEY);
  add_fixture (fixture->server, "rtl.json", NULL);
  add_fixture (fixture->server, "markup.json", NULL);

  use_server_account (fixture->server);

  fixture->tmpdir = g_dir_make_tmp ("dossier-test-window-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)), 5000));
  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "lookup");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* The key audit (tests/test-leak.sh) reads the exports left behind. */
  if (g_getenv ("DOSSIER_TEST_AUDIT") != NULL)
    return;

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* Dialogs a test left open go with the window. */
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != fixture->window)
      gtk_window_destroy (l->data);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  dossier_test_spin (50);
  g_clear_object (&fixture->server);
  remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

/* What a person does: type into the rows found by their names, choose the
 * kind, and press the button named Look Up. */
static void
type_lookup (Fixture               *fixture,
             const char            *source_key,
             DossierIdentifierKind  kind,
             const char            *identifier)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *source_row = dossier_test_find_row (root, "Source key");
  GtkWidget *kind_row = dossier_test_find_row (root, "Identify by");
  GtkWidget *identifier_row = dossier_test_find_row (root, "Identifier");

  g_assert_true (ADW_IS_ENTRY_ROW (source_row));
  g_assert_true (ADW_IS_COMBO_ROW (kind_row));
  g_assert_true (ADW_IS_ENTRY_ROW (identifier_row));

  gtk_editable_set_text (GTK_EDITABLE (source_row), source_key);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row),
                              kind == DOSSIER_IDENTIFIER_KEY ? 0 : kind == DOSSIER_IDENTIFIER_REFERENCE ? 1 : 2);
  gtk_editable_set_text (GTK_EDITABLE (identifier_row), identifier);
}

static void
press_look_up (Fixture *fixture)
{
  GtkWidget *button = dossier_test_find_button (GTK_WIDGET (fixture->window), "Look Up");

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
}

static void
wait_for_page (Fixture    *fixture,
               const char *page)
{
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (fixture->window), page) == 0,
                                          10000));
}

static void
look_up (Fixture               *fixture,
         const char            *source_key,
         DossierIdentifierKind  kind,
         const char            *identifier,
         const char            *expected_page)
{
  if (!g_str_equal (dossier_window_get_page_name (fixture->window), "lookup"))
    {
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.edit-lookup", NULL);
      wait_for_page (fixture, "lookup");
    }

  type_lookup (fixture, source_key, kind, identifier);
  press_look_up (fixture);
  wait_for_page (fixture, expected_page);
  g_assert_false (dossier_window_get_busy (fixture->window));
}

static gboolean
is_profile_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DOSSIER_IS_PROFILE_VIEW (widget);
}

static GtkWidget *
profile_view (Fixture *fixture)
{
  return dossier_test_find_widget (GTK_WIDGET (fixture->window), is_profile_view, NULL);
}

static gboolean
is_window_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_WINDOW_TITLE (widget) && gtk_widget_get_mapped (widget);
}

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

static AdwWindowTitle *
header_title (Fixture *fixture)
{
  return ADW_WINDOW_TITLE (dossier_test_find_widget (visible_page (fixture), is_window_title, NULL));
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static gboolean
is_export_button (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "win.export") == 0 &&
         g_strcmp0 (gtk_widget_get_tooltip_text (widget), "Export as JSON…") == 0;
}

/* The names assistive technologies and UI automation find the controls
 * by, exactly. */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dossier_test_find_row (root, "Source key")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Source key");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dossier_test_find_row (root, "Identify by")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Identify by");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dossier_test_find_row (root, "Identifier")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Identifier");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dossier_test_find_button (root, "Look Up")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Look Up");

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (dossier_test_find_widget (root, is_export_button, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Export as JSON…");
}

/* Lookups of each fixture */

static void
test_lookup_rich (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierProfile *profile;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");

  profile = dossier_window_get_profile (fixture->window);
  g_assert_nonnull (profile);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, SEED_KEY);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Harry Potter");
  g_assert_cmpstr (adw_window_title_get_title (header_title (fixture)), ==, "Harry Potter");
  /* The hero shows the name, and the view the profile the window has. */
  g_assert_nonnull (dossier_test_find_label (profile_view (fixture), "Harry Potter"));
  g_assert_true (dossier_profile_view_get_profile (DOSSIER_PROFILE_VIEW (profile_view (fixture))) == profile);
  /* The fake server received what was typed. */
  g_assert_cmpstr (g_hash_table_lookup (dossier_fake_server_get_last_query (fixture->server), "source_key"), ==, SOURCE_KEY);
  g_assert_cmpstr (g_hash_table_lookup (dossier_fake_server_get_last_query (fixture->server), "key"), ==, SEED_KEY);
  /* The export is offered, named for assistive technologies. */
  g_assert_true (gtk_widget_is_sensitive (dossier_test_find_widget (GTK_WIDGET (fixture->window),
                                                                    is_export_button, NULL)));
}

static void
test_lookup_null_heavy (Fixture       *fixture,
                        gconstpointer  data)
{
  AdwWindowTitle *title;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, NULL_HEAVY_KEY, "profile");

  title = header_title (fixture);
  /* Nothing to call the candidate by: a clear stand-in, never "(null)". */
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Unnamed Candidate");
  g_assert_null (dossier_test_find_label (GTK_WIDGET (fixture->window), "(null)"));
  g_assert_null (dossier_test_find_label (GTK_WIDGET (fixture->window), "None"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "Dossier");
}

static void
test_lookup_rtl (Fixture       *fixture,
                 gconstpointer  data)
{
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY, "profile");

  g_assert_cmpstr (adw_window_title_get_title (header_title (fixture)), ==, "ليلى حداد");
  g_assert_nonnull (dossier_test_find_label (profile_view (fixture), "ليلى حداد"));
}

static void
test_lookup_by_email (Fixture       *fixture,
                      gconstpointer  data)
{
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_EMAIL, "layla.haddad@example.com", "profile");

  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);
  g_assert_cmpstr (g_hash_table_lookup (dossier_fake_server_get_last_query (fixture->server), "email"),
                   ==, "layla.haddad@example.com");
  g_assert_null (g_hash_table_lookup (dossier_fake_server_get_last_query (fixture->server), "key"));
}

static void
test_lookup_markup (Fixture       *fixture,
                    gconstpointer  data)
{
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, MARKUP_KEY, "profile");

  /* The characters, not bold text: a label with markup would read "x & Co". */
  g_assert_cmpstr (adw_window_title_get_title (header_title (fixture)), ==, "<b>x</b> & Co");
  g_assert_nonnull (dossier_test_find_label (profile_view (fixture), "<b>x</b> & Co"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "<b>x</b> & Co");
}

/* Enter in a field looks up, and so does the button; an incomplete form
 * does not. */
static void
test_lookup_enter (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *identifier_row;
  GtkEditable *text;
  guint requests;

  type_lookup (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, "");
  g_assert_false (gtk_widget_is_sensitive (dossier_test_find_button (GTK_WIDGET (fixture->window), "Look Up")));

  identifier_row = dossier_test_find_row (GTK_WIDGET (fixture->window), "Identifier");
  text = gtk_editable_get_delegate (GTK_EDITABLE (identifier_row));
  requests = dossier_fake_server_get_request_count (fixture->server);
  /* Enter in the source key with no identifier yet goes to the identifier. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (dossier_test_find_row (GTK_WIDGET (fixture->window),
                                                                                         "Source key"))),
                         "activate");
  dossier_test_spin (200);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, requests);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (text)));
  g_signal_emit_by_name (text, "activate");
  dossier_test_spin (200);
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, requests);

  /* Pasted identifiers often carry spaces around them. */
  gtk_editable_set_text (GTK_EDITABLE (identifier_row), "  " RTL_KEY "\n");
  g_signal_emit_by_name (text, "activate");
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);
}

/* Errors */

static AdwStatusPage *
error_page (Fixture *fixture)
{
  AdwStatusPage *page = dossier_test_find_status_page (visible_page (fixture));

  g_assert_nonnull (page);
  return page;
}

static void
assert_error_page (Fixture    *fixture,
                   const char *title,
                   const char *description_part,
                   const char *button_label)
{
  AdwStatusPage *page = error_page (fixture);
  const char *description = adw_status_page_get_description (page);

  g_assert_cmpstr (adw_status_page_get_title (page), ==, title);
  g_assert_nonnull (description);
  if (description_part != NULL)
    g_assert_nonnull (strstr (description, description_part));
  /* Never a raw GError. */
  g_assert_null (strstr (description, "quark"));
  g_assert_null (strstr (description, "g-io-error"));
  g_assert_null (strstr (description, "dossier-error"));
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (page), button_label));
}

static void
press (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = dossier_test_find_button (visible_page (fixture), label);

  g_assert_nonnull (button);
  gtk_widget_activate (button);
}

static void
test_error_not_found (Fixture       *fixture,
                      gconstpointer  data)
{
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, UNKNOWN_KEY, "error");
  assert_error_page (fixture, "No Candidate Found", "Unable to find object: profile", "_Edit Lookup");

  press (fixture, "_Edit Lookup");
  wait_for_page (fixture, "lookup");
  /* The form still holds the lookup, to correct it. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_test_find_row (GTK_WIDGET (fixture->window), "Identifier"))),
                   ==, UNKNOWN_KEY);
}

static void
test_error_invalid_source (Fixture       *fixture,
                           gconstpointer  data)
{
  look_up (fixture, "0123456789012345678901234567890123456789", DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "Source Not Found", "Invalid source fields", "_Edit Lookup");
}

static void
test_error_unauthorized (Fixture       *fixture,
                         gconstpointer  data)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_UNAUTHORIZED);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "Sign In Again", NULL, "_Sign In Again");

  press (fixture, "_Sign In Again");
  wait_for_page (fixture, "sign-in");
  /* Escape or Back returns to where the recruiter was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.escape", NULL);
  wait_for_page (fixture, "lookup");
}

static void
test_error_write_only_key (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_WRITE_API_KEY,
                                   "write", "Test Team");
  account = dossier_account_new (dossier_fake_server_get_api_base (fixture->server),
                                 DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_WRITE_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "This API Key Cannot Read Profiles", NULL, "_Sign In Again");
}

static void
test_error_server_retry (Fixture       *fixture,
                         gconstpointer  data)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_SERVER_ERROR);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "HrFlow Has a Problem", NULL, "_Retry");

  /* HrFlow is back: Retry shows the profile. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  press (fixture, "_Retry");
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, SEED_KEY);
}

static void
test_error_html (Fixture       *fixture,
                 gconstpointer  data)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "HrFlow Has a Problem", NULL, "_Retry");
  /* A proxy's HTML page is not shown as is. */
  g_assert_null (strstr (adw_status_page_get_description (error_page (fixture)), "<html"));
}

static void
test_error_timeout (Fixture       *fixture,
                    gconstpointer  data)
{
  dossier_client_set_request_timeout (dossier_application_get_client (app), 1);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "HrFlow Did Not Answer in Time", NULL, "_Retry");
}

static void
test_error_connection_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetSocketAddress) address = NULL;
  g_autofree char *api_base = NULL;
  guint16 port;

  /* A port nobody listens on: bind one, note it, close it. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  address = G_INET_SOCKET_ADDRESS (g_inet_socket_address_new_from_string ("127.0.0.1", 0));
  g_socket_bind (socket, G_SOCKET_ADDRESS (address), TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&address);
  address = G_INET_SOCKET_ADDRESS (g_socket_get_local_address (socket, &error));
  port = g_inet_socket_address_get_port (address);
  g_socket_close (socket, NULL);

  api_base = g_strdup_printf ("http://127.0.0.1:%u/v1", port);
  account = dossier_account_new (api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "error");
  assert_error_page (fixture, "Could Not Reach HrFlow", NULL, "_Retry");
}

/* Cancel and last-wins */

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  type_lookup (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
  press_look_up (fixture);

  /* Progress is visible at once in the button, then on the loading page. */
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_window_get_busy (fixture->window), 2000));
  wait_for_page (fixture, "loading");
  g_assert_true (gtk_widget_is_sensitive (dossier_test_find_button (GTK_WIDGET (fixture->window), "_Cancel")));

  /* Escape cancels and brings the form back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.escape", NULL);
  wait_for_page (fixture, "lookup");
  g_assert_false (dossier_window_get_busy (fixture->window));

  /* The cancelled answer never shows up. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  dossier_test_spin (500);
  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "lookup");
  g_assert_null (dossier_window_get_profile (fixture->window));
}

/* Cancelled lookups leave no connection behind: after several of them
 * against a server that hangs, a new lookup still goes through at once. */
static void
test_cancel_repeated (Fixture       *fixture,
                      gconstpointer  data)
{
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  for (guint i = 0; i < 4; i++)
    {
      guint requests = dossier_fake_server_get_request_count (fixture->server);

      dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
      g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_fake_server_get_request_count (fixture->server) > requests, 5000));
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
      g_assert_false (dossier_window_get_busy (fixture->window));
    }

  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (fixture->window), "profile") == 0,
                                          3000));
}

/* A window closed while its lookup and export are under way drops them
 * quietly; the application goes on. */
static void
test_close_while_busy (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "closing.json", NULL);
  DossierWindow *window = dossier_window_new (app);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000));
  dossier_window_request_lookup (window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_window_get_profile (window) != NULL, 5000));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", path);
  dossier_window_request_lookup (window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY);
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_spin (500);

  /* The export was written all the same; the fixture's window still works. */
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, MARKUP_KEY, "profile");
}

static void
test_last_wins_slow_first (Fixture       *fixture,
                           gconstpointer  data)
{
  /* A stalls; B, asked while A hangs, wins. */
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  type_lookup (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
  press_look_up (fixture);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_fake_server_get_request_count (fixture->server) >= 1, 5000));

  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY);
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);

  dossier_test_spin (500);
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);
}

static void
test_last_wins_back_to_back (Fixture       *fixture,
                             gconstpointer  data)
{
  /* Both answer quickly, in whatever order: only the second is shown. */
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, MARKUP_KEY);
  wait_for_page (fixture, "profile");
  dossier_test_spin (500);
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, MARKUP_KEY);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (fixture->window)), ==, "<b>x</b> & Co");
}

static gboolean
is_freed (GWeakRef *ref)
{
  g_autoptr(GObject) alive = g_weak_ref_get (ref);

  return alive == NULL;
}

/* A replaced profile is freed in a thread of its own once the view no
 * longer needs it, and not while a lookup is under way; lookups that
 * follow each other before the view has built each profile must not put
 * that off for ever. */
static void
test_replaced_profiles_freed (Fixture       *fixture,
                              gconstpointer  data)
{
  const char *keys[] = { SEED_KEY, MARKUP_KEY, NULL_HEAVY_KEY, RTL_KEY, SEED_KEY, MARKUP_KEY };
  GWeakRef replaced[G_N_ELEMENTS (keys)];

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, keys[i]);
      g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_window_get_profile (fixture->window) != NULL &&
                                              g_strcmp0 (dossier_profile_get_key (dossier_window_get_profile (fixture->window)),
                                                         keys[i]) == 0,
                                              10000));
      /* No waiting for the view to finish building. */
      g_weak_ref_init (&replaced[i], dossier_window_get_profile (fixture->window));
    }

  /* All but the profile shown are freed, sooner or later. */
  for (guint i = 0; i + 1 < G_N_ELEMENTS (keys); i++)
    {
      g_assert_true (DOSSIER_TEST_WAIT_UNTIL (is_freed (&replaced[i]), 10000));
      g_weak_ref_clear (&replaced[i]);
    }
  {
    g_autoptr(DossierProfile) shown = g_weak_ref_get (&replaced[G_N_ELEMENTS (keys) - 1]);

    g_assert_true (shown == dossier_window_get_profile (fixture->window));
    g_weak_ref_clear (&replaced[G_N_ELEMENTS (keys) - 1]);
  }
}

/* Export, copy, open */

static void
test_export_to (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "harry-potter.json", NULL);
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  /* No profile: nothing to export. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path) &&
                  g_file_test (path, G_FILE_TEST_EXISTS));

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS), 5000));
  /* Confirmed by a toast that can open the folder. */
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_test_find_label (GTK_WIDGET (fixture->window), "Profile exported") != NULL,
                                          5000));
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (fixture->window), "_Open Folder"));

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  expected = dossier_exporter_serialize (dossier_window_get_profile (fixture->window));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  /* The key never goes into an export. */
  g_assert_null (strstr (contents, DOSSIER_TEST_API_KEY));
}

static void
test_export_failure (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "no-such-folder", "x.json", NULL);
  gboolean found = FALSE;
  g_autoptr(GList) toplevels = NULL;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path);

  /* A dialog says why, with the core's message. */
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (({
    g_autoptr(GList) list = gtk_window_list_toplevels ();
    gboolean any = FALSE;
    for (GList *l = list; l != NULL; l = l->next)
      any |= ADW_IS_MESSAGE_DIALOG (l->data);
    any;
  }), 5000));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_assert_cmpstr (adw_message_dialog_get_heading (l->data), ==, "Could Not Export the Profile");
        found = TRUE;
      }
  g_assert_true (found);
}

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
}

static void
test_copy_json (Fixture       *fixture,
                gconstpointer  data)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (fixture->window));
  g_autofree char *text = NULL;
  g_autoptr(GBytes) expected = NULL;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY, "profile");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-json", NULL));

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &text);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (text != NULL, 5000));

  expected = dossier_exporter_serialize (dossier_window_get_profile (fixture->window));
  g_assert_cmpmem (text, strlen (text), g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_open_file (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "bare-profile.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwWindowTitle *title;
  guint requests = dossier_fake_server_get_request_count (fixture->server);

  dossier_window_open_file (fixture->window, file);
  wait_for_page (fixture, "profile");

  title = header_title (fixture);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "Opened from “bare-profile.json”");
  g_assert_nonnull (dossier_window_get_profile (fixture->window));
  /* Offline: HrFlow was not asked. */
  g_assert_cmpuint (dossier_fake_server_get_request_count (fixture->server), ==, requests);
}

/* A file dropped on the window opens, as a file chooser's would. */
static void
test_open_drop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "rtl.json", NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  GtkDropTarget *drop = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files;
  gboolean accepted = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        drop = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (drop);

  files = g_slist_prepend (NULL, g_file_new_for_path (path));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, files);
  g_signal_emit_by_name (drop, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);

  g_assert_true (accepted);
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (adw_window_title_get_subtitle (header_title (fixture)), ==, "Opened from “rtl.json”");
  g_assert_cmpstr (adw_window_title_get_title (header_title (fixture)), ==, "ليلى حداد");
}

static void
test_open_exported_round_trip (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "export.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, MARKUP_KEY, "profile");
  first = dossier_exporter_serialize (dossier_window_get_profile (fixture->window));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS), 5000));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  wait_for_page (fixture, "lookup");
  dossier_window_open_file (fixture->window, file);
  wait_for_page (fixture, "profile");

  second = dossier_exporter_serialize (dossier_window_get_profile (fixture->window));
  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpstr (adw_window_title_get_title (header_title (fixture)), ==, "<b>x</b> & Co");
}

static void
test_open_invalid_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "notes.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GList) toplevels = NULL;
  gboolean found = FALSE;

  g_assert_true (g_file_set_contents (path, "this is not JSON", -1, NULL));
  dossier_window_open_file (fixture->window, file);

  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_window_get_busy (fixture->window), 5000));
  dossier_test_spin (100);
  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "lookup");
  g_assert_null (dossier_window_get_profile (fixture->window));

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        g_assert_cmpstr (adw_message_dialog_get_heading (l->data), ==, "Could Not Open “notes.json”");
        found = TRUE;
      }
  g_assert_true (found);

  /* Over a profile, a bad file leaves the profile on screen. */
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY, "profile");
  dossier_window_open_file (fixture->window, file);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_window_get_busy (fixture->window), 5000));
  dossier_test_spin (400);
  g_assert_cmpstr (dossier_window_get_page_name (fixture->window), ==, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);
}

/* Attachments: saved from the storage host, with no HrFlow header. */

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GError **error = user_data;

  if (!dossier_download_to_file_finish (result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static GError *
download (Fixture    *fixture,
          const char *url,
          GFile      *file)
{
  GError *error = NULL;

  dossier_download_to_file_async (dossier_application_get_session (app), url, file, NULL, download_cb, &error);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (error != NULL, 5000));
  return error;
}

static void
test_download_attachment (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "cv.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = g_bytes_new_static ("A résumé\n", strlen ("A résumé\n"));
  g_autofree char *url = g_strconcat (dossier_fake_server_get_base_url (fixture->server), "/files/cv.txt", NULL);
  g_autofree char *missing = g_strconcat (dossier_fake_server_get_base_url (fixture->server), "/files/none.txt", NULL);
  g_autofree char *text = NULL;
  GError *error;

  dossier_fake_server_add_file (fixture->server, "/files/cv.txt", contents, "text/plain");
  /* The session has just sent the HrFlow headers to this very host and port. */
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");

  error = download (fixture, url, file);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "A résumé\n");

  /* A missing file says so, and leaves the copy already saved alone. */
  error = download (fixture, missing, file);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
  g_assert_nonnull (strstr (error->message, "404"));
  g_clear_error (&error);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "A résumé\n");

  /* Only web addresses. */
  error = download (fixture, "file:///etc/passwd", file);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
  g_clear_error (&error);

  /* The storage host never saw an HrFlow header. */
  g_assert_cmpuint (dossier_fake_server_get_file_request_count (fixture->server), ==, 2);
  g_assert_cmpuint (dossier_fake_server_get_file_requests_with_credentials (fixture->server), ==, 0);
}

/* History */

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  GSettings *settings = dossier_application_get_settings (app);
  GListModel *lookups = dossier_history_get_lookups (dossier_application_get_history (app));
  g_autoptr(DossierLookup) first = NULL;
  GtkWidget *row;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, RTL_KEY, "profile");
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 1);
  first = g_list_model_get_item (lookups, 0);
  g_assert_cmpstr (dossier_lookup_get_name (first), ==, "ليلى حداد");
  g_assert_cmpstr (dossier_lookup_get_identifier (first), ==, RTL_KEY);

  /* The source is remembered, with the name HrFlow gave it, and offered
   * in the Recent Sources menu of the form. */
  {
    g_auto(GStrv) sources = dossier_history_dup_source_keys (dossier_application_get_history (app));
    GtkWidget *source_row;

    g_assert_cmpstr (sources[0], ==, SOURCE_KEY);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
    wait_for_page (fixture, "lookup");
    source_row = dossier_test_find_row (GTK_WIDGET (fixture->window), "Source key");
    gtk_editable_set_text (GTK_EDITABLE (source_row), "");
    g_assert_true (gtk_widget_activate_action (source_row, "lookup.use-source", "s", SOURCE_KEY));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (source_row)), ==, SOURCE_KEY);
  }

  /* One click on the recent lookup reopens it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  wait_for_page (fixture, "lookup");
  type_lookup (fixture, "", DOSSIER_IDENTIFIER_KEY, "");
  row = dossier_test_find_row (GTK_WIDGET (fixture->window), "ليلى حداد");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, RTL_KEY);
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 1);

  /* Turned off: nothing listed, nothing recorded. */
  g_settings_set_boolean (settings, "history-enabled", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 0);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  g_settings_set_boolean (settings, "history-enabled", TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 1);

  /* Cleared. */
  dossier_history_clear (dossier_application_get_history (app));
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 0);
}

static void
test_history_cap (Fixture       *fixture,
                  gconstpointer  data)
{
  DossierHistory *history = dossier_application_get_history (app);
  GListModel *lookups = dossier_history_get_lookups (history);
  g_autoptr(DossierLookup) newest = NULL;

  for (guint i = 0; i < DOSSIER_HISTORY_MAX_LOOKUPS + 5; i++)
    {
      g_autofree char *identifier = g_strdup_printf ("ref-%u", i);
      g_autoptr(DossierLookup) lookup = dossier_lookup_new (SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE, identifier, NULL);

      dossier_history_add (history, lookup);
    }

  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, DOSSIER_HISTORY_MAX_LOOKUPS);
  newest = g_list_model_get_item (lookups, 0);
  g_assert_cmpstr (dossier_lookup_get_identifier (newest), ==, "ref-24");
}

/* Sample profiles */

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_application_start_demo_finish (DOSSIER_APPLICATION (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_demo (Fixture       *fixture,
           gconstpointer  data)
{
  gboolean done = FALSE;
  DossierDemo *demo;
  DossierProfileView *view;
  GtkWidget *row;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "camille-moreau.json", NULL);

  dossier_application_start_demo_async (app, NULL, demo_started_cb, &done);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (done, 20000));
  demo = dossier_application_get_demo (app);
  g_assert_true (dossier_application_get_demo_active (app));
  wait_for_page (fixture, "lookup");

  /* The form holds the sample source, and the sample people are listed. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dossier_test_find_row (GTK_WIDGET (fixture->window), "Source key"))),
                   ==, dossier_demo_get_source_key (demo));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_demo_get_lookups (demo)), >=, 6);
  row = dossier_test_find_row (GTK_WIDGET (fixture->window), "Camille Moreau");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  wait_for_page (fixture, "profile");

  /* With her picture, through the same session, from the stand-in. */
  view = DOSSIER_PROFILE_VIEW (profile_view (fixture));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_profile_view_get_showing_picture (view), 10000));

  /* Export works there too, and the demo is kept out of the history. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS), 5000));
  g_assert_cmpuint (g_list_model_get_n_items (dossier_history_get_lookups (dossier_application_get_history (app))), ==, 0);

  /* An identifier the stand-in does not know: the real "not found". */
  look_up (fixture, dossier_demo_get_source_key (demo), DOSSIER_IDENTIFIER_KEY, UNKNOWN_KEY, "error");
  assert_error_page (fixture, "No Candidate Found", NULL, "_Edit Lookup");

  /* The long one opens, and quickly (parsing is off the main thread, rows
   * are built a batch at a time). */
  {
    gint64 start = g_get_monotonic_time ();

    look_up (fixture, dossier_demo_get_source_key (demo), DOSSIER_IDENTIFIER_REFERENCE, "CAND-GENERATED-LONG", "profile");
    g_test_message ("long profile shown in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - start) / 1000);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
  g_assert_cmpuint (g_list_model_get_n_items (dossier_profile_get_experiences (dossier_window_get_profile (fixture->window))),
                    >=, 1000);

  /* Leaving the demo brings the previous account back. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_application_get_demo_active (app), 5000));
  g_assert_cmpstr (dossier_account_get_api_base (dossier_application_get_account (app)),
                   ==, dossier_fake_server_get_api_base (fixture->server));
}

/* Accounts: the menu lists the stored ones and switches; signing out
 * removes the active one from the keyring. */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_credentials_store_finish (DOSSIER_CREDENTIALS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
store_account (const char *api_base,
               const char *user_email,
               const char *api_key)
{
  g_autoptr(DossierAccount) account = dossier_account_new (api_base, user_email, api_key);
  gboolean done = FALSE;

  dossier_credentials_store_async (dossier_application_get_credentials (app), account, NULL, store_cb, &done);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (done, 10000));
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DossierAccount **account = user_data;
  g_autoptr(GError) error = NULL;

  *account = dossier_credentials_lookup_finish (DOSSIER_CREDENTIALS (object), result, &error);
  g_assert_no_error (error);
  if (*account == NULL)
    *account = dossier_account_new ("none", "none", NULL);
}

static gboolean
menu_has_label (GMenuModel *menu,
                const char *label)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label) &&
          g_strcmp0 (item_label, label) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_credentials_delete_finish (DOSSIER_CREDENTIALS (object), result, &error));
  *done = TRUE;
}

static gboolean
is_base_row (GtkWidget     *widget,
             gconstpointer  data)
{
  return ADW_IS_ENTRY_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), "API Base URL") == 0;
}

static void
test_accounts (Fixture       *fixture,
               gconstpointer  data)
{
  const char *api_base = dossier_fake_server_get_api_base (fixture->server);
  GMenuModel *menu = dossier_application_get_accounts_menu (app);
  g_autofree char *host = g_strdup_printf ("127.0.0.1:%u", dossier_fake_server_get_port (fixture->server));
  g_autofree char *label = g_strdup_printf ("%s on %s", DOSSIER_TEST_USER_EMAIL_2, host);
  g_autofree char *id = g_strconcat (DOSSIER_TEST_USER_EMAIL_2, "\n", api_base, NULL);
  g_autoptr(DossierAccount) remaining = NULL;
  DossierAccount *active;

  dossier_fake_server_add_account (fixture->server, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2, "all", "Second Team");
  store_account (api_base, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  store_account (api_base, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);

  dossier_application_reload_accounts (app);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (menu_has_label (menu, label), 10000));
  g_assert_true (menu_has_label (menu, "_Sign Out"));
  g_assert_true (menu_has_label (menu, "_Add Account…"));

  /* Switch to the second team from the menu's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.account", "s", id));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_account_get_user_email (dossier_application_get_account (app)),
                                                     DOSSIER_TEST_USER_EMAIL_2) == 0, 10000));
  active = dossier_application_get_account (app);
  g_assert_cmpstr (dossier_account_get_api_key (active), ==, DOSSIER_TEST_API_KEY_2);
  /* Remembered, without the key. */
  {
    g_autofree char *remembered = g_settings_get_string (dossier_application_get_settings (app),
                                                         "active-account-email");
    g_assert_cmpstr (remembered, ==, DOSSIER_TEST_USER_EMAIL_2);
  }

  /* Lookups now go out with the second account's credentials. */
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  g_assert_cmpstr (soup_message_headers_get_one (dossier_fake_server_get_last_headers (fixture->server), "X-USER-EMAIL"),
                   ==, DOSSIER_TEST_USER_EMAIL_2);

  /* Sign out, confirmed: the item leaves the keyring. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  {
    AdwMessageDialog *dialog = NULL;

    g_assert_true (DOSSIER_TEST_WAIT_UNTIL ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
                                            5000));
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Sign Out of " DOSSIER_TEST_USER_EMAIL_2 "?");
    /* Cancel first: nothing happens. */
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
    dossier_test_spin (200);
    g_assert_cmpstr (dossier_account_get_user_email (dossier_application_get_account (app)), ==, DOSSIER_TEST_USER_EMAIL_2);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
    g_assert_true (DOSSIER_TEST_WAIT_UNTIL ((dialog = ADW_MESSAGE_DIALOG (find_toplevel (ADW_TYPE_MESSAGE_DIALOG))) != NULL,
                                            5000));
    adw_message_dialog_response (dialog, "sign-out");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (dossier_application_get_account (app) == NULL ||
                                          g_strcmp0 (dossier_account_get_user_email (dossier_application_get_account (app)),
                                                     DOSSIER_TEST_USER_EMAIL_2) != 0, 10000));
  dossier_credentials_lookup_async (dossier_application_get_credentials (app), api_base, DOSSIER_TEST_USER_EMAIL_2,
                                    NULL, lookup_cb, &remaining);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (remaining != NULL, 10000));
  g_assert_cmpstr (dossier_account_get_api_base (remaining), ==, "none");
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!menu_has_label (menu, label), 10000));

  /* Leave the keyring as it was. */
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_application_get_loading_account (app), 10000));
  use_server_account (fixture->server);
  {
    g_autoptr(DossierAccount) first = dossier_account_new (api_base, DOSSIER_TEST_USER_EMAIL, NULL);
    gboolean done = FALSE;

    dossier_credentials_delete_async (dossier_application_get_credentials (app), first, NULL, delete_cb, &done);
    g_assert_true (DOSSIER_TEST_WAIT_UNTIL (done, 10000));
  }
}

/* Signing in through the real page makes the account the active one and
 * brings the lookup. */
static void
test_sign_in (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *page;
  GtkWidget *email_row, *key_row, *base_row;
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_application_set_account (app, NULL, FALSE, &error));
  wait_for_page (fixture, "welcome");
  press (fixture, "_Sign In");
  wait_for_page (fixture, "sign-in");

  page = visible_page (fixture);
  email_row = dossier_test_find_row (page, "User Email");
  key_row = dossier_test_find_row (page, "API Key");
  g_assert_nonnull (email_row);
  g_assert_nonnull (key_row);
  gtk_editable_set_text (GTK_EDITABLE (email_row), DOSSIER_TEST_USER_EMAIL);
  gtk_editable_set_text (GTK_EDITABLE (key_row), DOSSIER_TEST_API_KEY);
  /* The base URL sits in the collapsed Advanced row. */
  base_row = dossier_test_find_widget (page, is_base_row, NULL);
  g_assert_nonnull (base_row);
  gtk_editable_set_text (GTK_EDITABLE (base_row), dossier_fake_server_get_api_base (fixture->server));

  press (fixture, "_Sign In");
  wait_for_page (fixture, "lookup");
  g_assert_cmpstr (dossier_account_get_user_email (dossier_application_get_account (app)), ==, DOSSIER_TEST_USER_EMAIL);
  g_assert_cmpstr (dossier_account_get_api_base (dossier_application_get_account (app)),
                   ==, dossier_fake_server_get_api_base (fixture->server));
  g_assert_cmpstr (adw_window_title_get_subtitle (header_title (fixture)), ==, DOSSIER_TEST_USER_EMAIL);

  /* Clean the keyring up. */
  {
    gboolean done = FALSE;

    dossier_credentials_delete_async (dossier_application_get_credentials (app),
                                      dossier_application_get_account (app), NULL, delete_cb, &done);
    g_assert_true (DOSSIER_TEST_WAIT_UNTIL (done, 10000));
  }
}

/* Preferences, About, shortcuts */


static gboolean
is_switch (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_SWITCH (widget);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GSettings *settings = dossier_application_get_settings (app);
  GListModel *lookups = dossier_history_get_lookups (dossier_application_get_history (app));
  GtkWindow *preferences;
  GtkWidget *row, *clear;
  GtkSwitch *history_switch;

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  g_assert_cmpuint (g_list_model_get_n_items (lookups), ==, 1);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL ((preferences = find_toplevel (ADW_TYPE_PREFERENCES_WINDOW)) != NULL &&
                                          gtk_widget_get_mapped (GTK_WIDGET (preferences)), 5000));

  /* The active account's API base URL. */
  row = dossier_test_find_row (GTK_WIDGET (preferences), "API base URL");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, dossier_fake_server_get_api_base (fixture->server));
  row = dossier_test_find_row (GTK_WIDGET (preferences), "User email");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, DOSSIER_TEST_USER_EMAIL);

  /* The history switch is the setting. */
  history_switch = GTK_SWITCH (dossier_test_find_widget (GTK_WIDGET (preferences), is_switch, NULL));
  g_assert_true (gtk_switch_get_active (history_switch));
  gtk_switch_set_active (history_switch, FALSE);
  g_assert_false (g_settings_get_boolean (settings, "history-enabled"));
  gtk_switch_set_active (history_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "history-enabled"));

  /* Clear History forgets the lookups and the sources. */
  clear = dossier_test_find_button (GTK_WIDGET (preferences), "_Clear");
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_is_sensitive (clear));
  gtk_widget_activate (clear);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_list_model_get_n_items (lookups) == 0, 2000));
  g_assert_false (gtk_widget_is_sensitive (clear));
  {
    g_autoptr(GVariant) sources = g_settings_get_value (settings, "recent-sources");

    g_assert_cmpuint (g_variant_n_children (sources), ==, 0);
  }

  gtk_window_destroy (preferences);
}

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL ((about = find_toplevel (ADW_TYPE_ABOUT_WINDOW)) != NULL, 5000));

  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, "Dossier");
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==, "The Dossier developers");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_nonnull (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)));
  g_assert_nonnull (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)));
  gtk_window_destroy (about);
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWindow *shortcuts;
  g_auto(GStrv) accels = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL ((shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW)) != NULL, 5000));

  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>question"));
  g_clear_pointer (&accels, g_strfreev);
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>comma"));
  gtk_window_destroy (shortcuts);
}

/* Nothing pushes the window wider than 360 pixels: the widest page's
 * minimum, with long unbroken text from the server, fits. */
static void
assert_fits_narrow (Fixture *fixture)
{
  int minimum = 0;

  gtk_widget_measure (visible_page (fixture), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *long_reference = g_strnfill (200, 'R');

  assert_fits_narrow (fixture);

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE, long_reference, "error");
  assert_fits_narrow (fixture);

  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_STALL);
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE, long_reference);
  wait_for_page (fixture, "loading");
  assert_fits_narrow (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.cancel", NULL);
  dossier_fake_server_set_fault (fixture->server, DOSSIER_FAKE_FAULT_NONE);

  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY, "profile");
  assert_fits_narrow (fixture);
  look_up (fixture, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, MARKUP_KEY, "profile");
  assert_fits_narrow (fixture);

  /* A long name in the recent lookups. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  wait_for_page (fixture, "lookup");
  {
    g_autoptr(DossierLookup) lookup = dossier_lookup_new (SOURCE_KEY, DOSSIER_IDENTIFIER_EMAIL, long_reference, long_reference);

    dossier_history_add (dossier_application_get_history (app), lookup);
  }
  dossier_test_spin (100);
  assert_fits_narrow (fixture);
}

/* Welcome and pending lookups */

static void
test_welcome (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_application_set_account (app, NULL, FALSE, &error));
  wait_for_page (fixture, "welcome");
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (fixture->window), "_Sign In"));
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (fixture->window), "_Explore Sample Profiles"));
  g_assert_cmpstr (adw_status_page_get_title (dossier_test_find_status_page (visible_page (fixture))),
                   ==, "Look Up HrFlow Candidates");

  /* A lookup asked for before signing in runs once an account is there, as
   * `dossier --source S --key K` does at first start. */
  dossier_window_request_lookup (fixture->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, SEED_KEY);
  dossier_test_spin (100);
  g_assert_null (dossier_window_get_profile (fixture->window));

  press (fixture, "_Sign In");
  wait_for_page (fixture, "sign-in");
  use_server_account (fixture->server);
  wait_for_page (fixture, "profile");
  g_assert_cmpstr (dossier_profile_get_key (dossier_window_get_profile (fixture->window)), ==, SEED_KEY);
}

/* Only the welcome page is built with a window that opens on it: the
 * other pages and the shortcuts window come the first time they are
 * needed, and the lookup page, built when an account comes, shows it. */
static void
test_pages_on_first_use (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) pages = NULL;
  DossierWindow *window;
  GtkStack *stack;
  GtkWidget *title;

  g_assert_true (dossier_application_set_account (app, NULL, FALSE, &error));
  g_assert_no_error (error);

  window = dossier_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000));
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "welcome");

  stack = GTK_STACK (dossier_test_find_widget (GTK_WIDGET (window), is_stack, NULL));
  pages = G_LIST_MODEL (gtk_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 1);
  g_assert_null (dossier_test_find_row (GTK_WIDGET (window), "Source key"));
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  use_server_account (fixture->server);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (window), "lookup") == 0 &&
                                          dossier_test_find_row (GTK_WIDGET (window), "Source key") != NULL,
                                          5000));
  title = dossier_test_find_widget (gtk_stack_get_visible_child (stack), is_window_title, NULL);
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (title)), ==, DOSSIER_TEST_USER_EMAIL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_remembered (Fixture       *fixture,
                             gconstpointer  data)
{
  GSettings *settings = dossier_application_get_settings (app);
  DossierWindow *window;

  window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 560);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000));
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_spin (50);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 560);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* The test accessibility backend keeps the accessible properties for
   * gtk_test_accessible_assert_property(), with no AT-SPI bus involved. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = dossier_test_application_new ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/window/accessible-names", test_accessible_names);
  ADD ("/window/lookup/rich", test_lookup_rich);
  ADD ("/window/lookup/null-heavy", test_lookup_null_heavy);
  ADD ("/window/lookup/rtl", test_lookup_rtl);
  ADD ("/window/lookup/by-email", test_lookup_by_email);
  ADD ("/window/lookup/markup", test_lookup_markup);
  ADD ("/window/lookup/enter", test_lookup_enter);
  ADD ("/window/error/not-found", test_error_not_found);
  ADD ("/window/error/invalid-source", test_error_invalid_source);
  ADD ("/window/error/unauthorized", test_error_unauthorized);
  ADD ("/window/error/server-retry", test_error_server_retry);
  ADD ("/window/error/write-only-key", test_error_write_only_key);
  ADD ("/window/error/html", test_error_html);
  ADD ("/window/error/timeout", test_error_timeout);
  ADD ("/window/error/connection-refused", test_error_connection_refused);
  ADD ("/window/cancel", test_cancel);
  ADD ("/window/cancel/repeated", test_cancel_repeated);
  ADD ("/window/close-while-busy", test_close_while_busy);
  ADD ("/window/last-wins/slow-first", test_last_wins_slow_first);
  ADD ("/window/last-wins/back-to-back", test_last_wins_back_to_back);
  ADD ("/window/replaced-profiles-freed", test_replaced_profiles_freed);
  ADD ("/window/export/to-file", test_export_to);
  ADD ("/window/export/failure", test_export_failure);
  ADD ("/window/copy-json", test_copy_json);
  ADD ("/window/open/file", test_open_file);
  ADD ("/window/open/round-trip", test_open_exported_round_trip);
  ADD ("/window/open/drop", test_open_drop);
  ADD ("/window/open/invalid", test_open_invalid_file);
  ADD ("/window/download", test_download_attachment);
  ADD ("/window/history", test_history);
  ADD ("/window/history/cap", test_history_cap);
  ADD ("/window/demo", test_demo);
  ADD ("/window/welcome", test_welcome);
  ADD ("/window/pages-on-first-use", test_pages_on_first_use);
  ADD ("/window/preferences", test_preferences);
  ADD ("/window/about", test_about);
  ADD ("/window/shortcuts", test_shortcuts);
  ADD ("/window/narrow", test_narrow);
  ADD ("/window/accounts", test_accounts);
  ADD ("/window/sign-in", test_sign_in);
  ADD ("/window/size", test_window_size_remembered);

#undef ADD

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
