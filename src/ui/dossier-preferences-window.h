/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-application.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PREFERENCES_WINDOW (dossier_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, DOSSIER, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The active account (email, API base URL, where the key is kept) and the
 * history settings. */
GtkWidget *dossier_preferences_window_new (DossierApplication *application);

G_END_DECLS
