/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-application.h"
#include "dossier-bench-probe.h"
#include "dossier-headless.h"

int
main (int   argc,
      char *argv[])
{
  int exit_status;
  g_autoptr(DossierApplication) app = NULL;

  /* Before anything else: the headless export must not initialise a
   * display or load a single widget. */
  if (dossier_headless_handle_command_line (argv, &exit_status))
    return exit_status;

  /* Normally started by the `dossier` command (src/main.c), which runs
   * the headless export itself; this program can do everything alone too. */
  app = dossier_application_new ();
  /* Does nothing unless the start-up benchmark asks for it. */
  dossier_bench_probe_attach (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
