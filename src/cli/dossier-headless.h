/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-options.h"

G_BEGIN_DECLS

/* Looks the profile up and writes the export, without a display: only GLib,
 * libsoup and json-glib are loaded.  Returns the exit status; a failure is
 * one line on standard error with the reason, the HTTP status and the
 * API's message. */
int      dossier_headless_run                  (DossierOptions *options);

/* What the `dossier` command and the window program both do first: set up
 * gettext, parse @argv, and answer a usage error, --version or --export
 * without loading any widget.  Returns TRUE with @exit_status set when the
 * command line has been answered; FALSE when the window is wanted. */
gboolean dossier_headless_handle_command_line (char           **argv,
                                               int             *exit_status);

G_END_DECLS
