/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The command line of the window: `dossier --demo --source S --reference R`
 * opens the window and shows the sample profile, `dossier FILE.json` opens
 * the file, a lookup without an account waits for the sign-in, and a usage
 * error exits with status 2.  Each case runs the real GApplication in a
 * subprocess of its own. */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-options.h"
#include "dossier-ui-test.h"

#define DEMO_SOURCE_KEY "d0551e5a3b1e4c7f9a2d6b8e0c1f3a5b7d9e2f40"

typedef struct
{
  DossierApplication *app;
  const char         *page;
  guint               timeout_id;
  gboolean            reached;
} RunState;

/* Quits once the active window shows @page, or after a while. */
static gboolean
check_cb (gpointer user_data)
{
  RunState *state = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (state->app));

  if (DOSSIER_IS_WINDOW (window) && !dossier_window_get_busy (DOSSIER_WINDOW (window)) &&
      g_strcmp0 (dossier_window_get_page_name (DOSSIER_WINDOW (window)), state->page) == 0)
    {
      state->reached = TRUE;
      g_application_quit (G_APPLICATION (state->app));
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
give_up_cb (gpointer user_data)
{
  RunState *state = user_data;

  state->timeout_id = 0;
  g_application_quit (G_APPLICATION (state->app));
  return G_SOURCE_REMOVE;
}

/* The key audit (tests/test-leak.sh) reads everything the application
 * printed: there, the subprocesses print through. */
static GTestSubprocessFlags
subprocess_flags (void)
{
  if (g_getenv ("DOSSIER_TEST_AUDIT") != NULL)
    return G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR;
  return G_TEST_SUBPROCESS_DEFAULT;
}

static DossierWindow *
run (const char * const *argv,
     const char         *page,
     int                *status)
{
  RunState state = { 0 };
  GtkWindow *window;
  guint check_id;

  state.app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (state.app),
                           g_application_get_flags (G_APPLICATION (state.app)) | G_APPLICATION_NON_UNIQUE);
  state.page = page;

  check_id = g_timeout_add (20, check_cb, &state);
  state.timeout_id = g_timeout_add_seconds (20, give_up_cb, &state);
  *status = g_application_run (G_APPLICATION (state.app), g_strv_length ((char **) argv), (char **) argv);
  g_clear_handle_id (&state.timeout_id, g_source_remove);
  if (!state.reached)
    g_source_remove (check_id);

  window = gtk_application_get_active_window (GTK_APPLICATION (state.app));
  g_assert_true (state.reached);
  g_assert_true (DOSSIER_IS_WINDOW (window));

  /* The application stays alive for the assertions. */
  return DOSSIER_WINDOW (window);
}

static void
test_demo_lookup_child (void)
{
  const char *argv[] = { "dossier", "--demo", "--source", DEMO_SOURCE_KEY, "--reference", "CAND-2024-0142", NULL };
  DossierWindow *window;
  int status;

  window = run (argv, "profile", &status);
  g_assert_cmpint (status, ==, DOSSIER_EXIT_OK);
  g_assert_cmpstr (dossier_profile_get_reference (dossier_window_get_profile (window)), ==, "CAND-2024-0142");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Camille Moreau");
}

static void
test_demo_lookup (void)
{
  g_test_trap_subprocess ("/command-line/demo-lookup/subprocess", 30 * G_USEC_PER_SEC, subprocess_flags ());
  g_test_trap_assert_passed ();
}

static void
test_open_file_child (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "rtl.json", NULL);
  const char *argv[] = { "dossier", path, NULL };
  DossierWindow *window;
  int status;

  window = run (argv, "profile", &status);
  g_assert_cmpint (status, ==, DOSSIER_EXIT_OK);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "ليلى حداد");
}

static void
test_open_file (void)
{
  g_test_trap_subprocess ("/command-line/open-file/subprocess", 30 * G_USEC_PER_SEC, subprocess_flags ());
  g_test_trap_assert_passed ();
}

/* No account yet: the window welcomes, and the lookup waits. */
static void
test_lookup_needs_account_child (void)
{
  const char *argv[] = { "dossier", "--api-base", "http://127.0.0.1:9/v1", "--user-email", "nobody@example.com",
                         "--source", DEMO_SOURCE_KEY, "--key", "ffffffffffffffffffffffffffffffffffffffff", NULL };
  DossierWindow *window;
  int status;

  window = run (argv, "welcome", &status);
  g_assert_cmpint (status, ==, DOSSIER_EXIT_OK);
  g_assert_null (dossier_window_get_profile (window));
}

static void
test_lookup_needs_account (void)
{
  g_test_trap_subprocess ("/command-line/needs-account/subprocess", 30 * G_USEC_PER_SEC, subprocess_flags ());
  g_test_trap_assert_passed ();
}

static void
test_usage_error (void)
{
  DossierApplication *app = dossier_application_new ();
  const char *argv[] = { "dossier", "--key", "k", NULL };
  int status;

  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  status = g_application_run (G_APPLICATION (app), 3, (char **) argv);
  g_assert_cmpint (status, ==, DOSSIER_EXIT_USAGE);
  g_object_unref (app);
}

/* No Secret Service on the bus: the window says so, once, and everything
 * else works (here: the sample profiles). */
static void
test_no_keyring_child (void)
{
  const char *argv[] = { "dossier", "--demo", "--source", DEMO_SOURCE_KEY, "--reference", "CAND-2024-0318", NULL };
  DossierWindow *window;
  int status;

  window = run (argv, "profile", &status);
  g_assert_cmpint (status, ==, DOSSIER_EXIT_OK);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Oliver Bennett");
  g_assert_nonnull (dossier_test_find_label (GTK_WIDGET (window), "No keyring: sign-ins are not saved"));

  /* Once: it has been taken, no other window repeats it. */
  g_assert_null (dossier_application_take_keyring_notice (DOSSIER_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)))));
}

static void
test_no_keyring (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_path = NULL;
  g_autofree char *address = NULL;
  g_autofree char *old_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;

  /* A session bus of our own, with no service to activate: no keyring. */
  dir = g_dir_make_tmp ("dossier-bus-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_strdup_printf ("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                            "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
                            "<busconfig><type>session</type><listen>unix:tmpdir=%s</listen>"
                            "<auth>EXTERNAL</auth><policy context=\"default\"><allow send_destination=\"*\"/>"
                            "<allow receive_sender=\"*\"/><allow own=\"*\"/></policy></busconfig>", dir);
  config_path = g_build_filename (dir, "session.conf", NULL);
  g_assert_true (g_file_set_contents (config_path, config, -1, NULL));

  daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "dbus-daemon", "--nofork", "--print-address=1", "--config-file", config_path, NULL);
  if (daemon == NULL)
    {
      g_test_skip ("dbus-daemon is not available");
      return;
    }
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (daemon));
  address = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_test_trap_subprocess ("/command-line/no-keyring/subprocess", 30 * G_USEC_PER_SEC, subprocess_flags ());
  if (old_address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", old_address, TRUE);

  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
  g_remove (config_path);
  g_rmdir (dir);

  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/command-line/demo-lookup", test_demo_lookup);
  g_test_add_func ("/command-line/demo-lookup/subprocess", test_demo_lookup_child);
  g_test_add_func ("/command-line/open-file", test_open_file);
  g_test_add_func ("/command-line/open-file/subprocess", test_open_file_child);
  g_test_add_func ("/command-line/needs-account", test_lookup_needs_account);
  g_test_add_func ("/command-line/needs-account/subprocess", test_lookup_needs_account_child);
  g_test_add_func ("/command-line/usage-error", test_usage_error);
  g_test_add_func ("/command-line/no-keyring", test_no_keyring);
  g_test_add_func ("/command-line/no-keyring/subprocess", test_no_keyring_child);

  return g_test_run ();
}
