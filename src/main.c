/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <unistd.h>

#include "dossier-headless.h"
#include "dossier-options.h"

/*
 * The `dossier` command.  It links the core and the command line only, not
 * GTK: the headless export and --version run here, and anything else
 * replaces this process with the window program (`dossier-app`, with the
 * same arguments).
 *
 * Why two programs: loading GTK, libadwaita and their 50-odd libraries
 * costs every run about 9 ms of CPU before main() (relocations and page
 * faults, see BENCHMARKS.md), which is most of what a headless export of a
 * small profile takes, and as much as curl takes to fetch it.  There is no
 * lazy loading of a linked library in C short of dlopen(), and an exec()
 * costs the window's start-up a few milliseconds only.
 */

/* Beside this program first, so that a build runs uninstalled; then where
 * the installed tree has it relative to this program, so that a staged
 * (DESTDIR) or moved installation works; then at its installed path. */
static char *
find_app_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *sibling = g_build_filename (dir, DOSSIER_APP_NAME, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);

      if (DOSSIER_APP_RELATIVE[0] != '\0')
        {
          g_autofree char *relative = g_build_filename (dir, DOSSIER_APP_RELATIVE, NULL);

          if (g_file_test (relative, G_FILE_TEST_IS_EXECUTABLE))
            return g_steal_pointer (&relative);
        }
    }

  return g_strdup (DOSSIER_APP_PATH);
}

int
main (int   argc,
      char *argv[])
{
  int exit_status;
  g_autofree char *app = NULL;

  /* Usage errors, --help, --version and the export are answered here, as
   * the window program would answer them, so that none of them loads GTK. */
  if (dossier_headless_handle_command_line (argv, &exit_status))
    return exit_status;

  /* GLib before 2.76 hands small blocks out from its slice allocator,
   * which on the window's workload is much slower than malloc(): parsing a
   * 5 MB profile took 107 ms with it and 74 ms without, building the model
   * 387 ms against 234 (BENCHMARKS.md).  GLib 2.76 dropped it for malloc().
   * The choice is read once, before main() runs, hence the environment of
   * the program about to start; a value the user set is kept. */
  if (glib_check_version (2, 76, 0) != NULL)
    g_setenv ("G_SLICE", "always-malloc", FALSE);

  /* argv[0] is kept: the window program then has the same program name
   * (and so the same window class) as when it was one program. */
  app = find_app_program ();
  execv (app, argv);

  g_printerr ("dossier: %s\n", g_strerror (errno));
  /* Translators: %s is the path of a program. */
  g_printerr (_("Could not start the Dossier window (%s). Reinstall Dossier."), app);
  g_printerr ("\n");
  return DOSSIER_EXIT_FAILED;
}
