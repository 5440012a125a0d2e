/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-bench-probe.h"
#include "dossier-headless.h"
#include "dossier-options.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Parse before anything else: the headless export must not initialise a
   * display or load a single widget. */
  options = dossier_options_parse ((const char * const *) argv, &error);
  if (options == NULL)
    {
      g_printerr ("dossier: %s\n", error->message);
      g_printerr ("%s\n", _("Run “dossier --help” to see the options."));
      return DOSSIER_EXIT_USAGE;
    }

  if (options->version)
    {
      g_print ("dossier %s\n", PACKAGE_VERSION);
      return DOSSIER_EXIT_OK;
    }

  if (options->export_path != NULL)
    return dossier_headless_run (options);

  /* Normally started by the `dossier` command (src/main.c), which runs
   * the headless export itself; this program can do everything alone too. */
  app = dossier_application_new ();
  /* Does nothing unless the start-up benchmark asks for it. */
  dossier_bench_probe_attach (GTK_APPLICATION (app));
  return g_application_run (G_APPLICATION (app), argc, argv);
}
