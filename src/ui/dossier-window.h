/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-application.h"
#include "dossier-profile.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_WINDOW (dossier_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierWindow, dossier_window, DOSSIER, WINDOW, AdwApplicationWindow)

/**
 * DossierWindow:
 *
 * One window: the welcome, sign-in, lookup, loading, error and profile
 * pages.  Everything it does is a `win.` action, so menus, shortcuts,
 * tests and automation drive the same code:
 *
 * - `win.look-up`: look up what the form says (Enter in a field);
 * - `win.cancel`: cancel the running lookup (Escape);
 * - `win.back`: back to the lookup (Escape, Alt+Left);
 * - `win.export`: "Export as JSON…" with a file chooser (Ctrl+S, Ctrl+E);
 * - `win.export-to` (string: a path or URI): for automation, exports the
 *   shown profile to that file with no dialog, confirmed by the same toast;
 * - `win.copy-json` (Ctrl+Shift+C), `win.open` (Ctrl+O),
 *   `win.focus-lookup` (Ctrl+L), `win.close` (Ctrl+W);
 * - `win.retry`, `win.edit-lookup`, `win.sign-in`, `win.sign-in-again`,
 *   `win.add-account`, `win.sign-out`, `win.demo`, `win.account` (string).
 */
DossierWindow  *dossier_window_new              (DossierApplication    *application);

/* Fills the form in. */
void            dossier_window_set_lookup       (DossierWindow         *self,
                                                 const char            *source_key,
                                                 DossierIdentifierKind  kind,
                                                 const char            *identifier);
/* Fills the form in and looks up as soon as an account is ready (at once
 * when there is one). */
void            dossier_window_request_lookup   (DossierWindow         *self,
                                                 const char            *source_key,
                                                 DossierIdentifierKind  kind,
                                                 const char            *identifier);
/* Reads an exported profile and shows it, offline. */
void            dossier_window_open_file        (DossierWindow         *self,
                                                 GFile                 *file);
/* Starts the sample profiles and shows their lookup page. */
void            dossier_window_start_demo       (DossierWindow         *self);

/* "welcome", "sign-in", "lookup", "loading", "error" or "profile". */
const char     *dossier_window_get_page_name    (DossierWindow         *self);
/* The profile shown (or last shown), or %NULL. */
DossierProfile *dossier_window_get_profile      (DossierWindow         *self);
/* Whether a lookup or a file is being loaded. */
gboolean        dossier_window_get_busy         (DossierWindow         *self);

G_END_DECLS
