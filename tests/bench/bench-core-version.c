/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "dossier-options.h"

/* `dossier --version` as it would be if the program linked the core and the
 * command line only, without GTK and libadwaita: the same option parsing and
 * the same output.  Timed next to the real one, it says what linking the
 * toolkit costs every headless run. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierOptions) options = NULL;
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "");

  options = dossier_options_parse ((const char * const *) argv, &error);
  if (options == NULL)
    {
      fprintf (stderr, "bench-core-version: %s\n", error->message);
      return 2;
    }

  printf ("dossier %s\n", PACKAGE_VERSION);
  return 0;
}
