/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-client.h"

G_BEGIN_DECLS

/**
 * DossierOptions:
 *
 * The command line, parsed once with one set of option entries for both
 * the headless export and the window (which re-parses the arguments it is
 * handed by GApplication with the same function).
 */
typedef struct
{
  char                  *api_base;      /* NULL: the account's or the default */
  char                  *source_key;
  DossierIdentifierKind  identifier_kind;
  char                  *identifier;    /* NULL when no lookup was asked for */
  char                  *export_path;   /* "-" is standard output */
  char                  *user_email;    /* chooses among stored accounts */
  gboolean               demo;
  gboolean               version;
  char                 **files;         /* exported profiles to open */
} DossierOptions;

/* Exit statuses of the command line. */
#define DOSSIER_EXIT_OK      0
#define DOSSIER_EXIT_FAILED  1
#define DOSSIER_EXIT_USAGE   2

/* Parses @args (argv, including the program name; not modified).  On a
 * usage error (unknown or conflicting options, a refused base URL) returns
 * NULL and sets @error.  --help prints and exits, as GOption does. */
DossierOptions *dossier_options_parse (const char * const  *args,
                                       GError             **error);
void            dossier_options_free  (DossierOptions      *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierOptions, dossier_options_free)

G_END_DECLS
