/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-options.h"

G_BEGIN_DECLS

/* Looks the profile up and writes the export, without a display: only GLib,
 * libsoup and json-glib are loaded.  Returns the exit status; a failure is
 * one line on standard error with the reason, the HTTP status and the
 * API's message. */
int dossier_headless_run (DossierOptions *options);

G_END_DECLS
