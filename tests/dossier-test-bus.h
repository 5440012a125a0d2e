/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <unistd.h>

/* A private session bus on which nothing can be activated, so that no
 * Secret Service is there: what a desktop without a keyring looks like.
 * Header-only so that each test program stays one file. */

typedef struct
{
  GSubprocess *daemon;
  char        *config;
  char        *address;
} DossierTestBus;

static inline void
dossier_test_bus_free (DossierTestBus *bus)
{
  if (bus == NULL)
    return;
  if (bus->daemon != NULL)
    {
      g_subprocess_force_exit (bus->daemon);
      g_subprocess_wait (bus->daemon, NULL, NULL);
      g_object_unref (bus->daemon);
    }
  if (bus->config != NULL)
    g_unlink (bus->config);
  g_free (bus->config);
  g_free (bus->address);
  g_free (bus);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTestBus, dossier_test_bus_free)

/* Returns NULL, with the test skipped, when dbus-daemon is not installed. */
static inline DossierTestBus *
dossier_test_bus_new_without_secrets (void)
{
  g_autoptr(DossierTestBus) bus = g_new0 (DossierTestBus, 1);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *config_arg = NULL;
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  int fd;

  if (dbus_daemon == NULL)
    {
      g_test_skip ("dbus-daemon is not installed");
      return NULL;
    }

  /* No <servicedir> and no <standard_session_servicedirs/>: nothing to
   * activate, so org.freedesktop.secrets stays unknown. */
  config = g_strdup_printf ("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                            "<busconfig>\n"
                            "  <type>session</type>\n"
                            "  <listen>unix:tmpdir=%s</listen>\n"
                            "  <auth>EXTERNAL</auth>\n"
                            "  <policy context=\"default\">\n"
                            "    <allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
                            "    <allow eavesdrop=\"true\"/>\n"
                            "    <allow own=\"*\"/>\n"
                            "  </policy>\n"
                            "</busconfig>\n",
                            g_get_tmp_dir ());

  fd = g_file_open_tmp ("dossier-bus-XXXXXX.conf", &bus->config, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (bus->config, config, -1, &error);
  g_assert_no_error (error);

  config_arg = g_strconcat ("--config-file=", bus->config, NULL);
  bus->daemon = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                  dbus_daemon, config_arg, "--nofork", "--print-address=1",
                                  NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus->daemon));
  bus->address = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bus->address);

  return g_steal_pointer (&bus);
}
