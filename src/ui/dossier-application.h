/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-account.h"
#include "dossier-client.h"
#include "dossier-credentials.h"
#include "dossier-demo.h"
#include "dossier-history.h"
#include "dossier-picture-loader.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_APPLICATION (dossier_application_get_type ())

G_DECLARE_FINAL_TYPE (DossierApplication, dossier_application, DOSSIER, APPLICATION, AdwApplication)

/**
 * DossierApplication:
 *
 * Holds what every window shares: the HTTP session, the picture loader and
 * its disk cache, the keyring, the history, the active account and its
 * client, and the sample profiles once started.
 *
 * The active account (email and base URL, never the key) is remembered in
 * GSettings; the demo's account is never remembered nor stored.
 *
 * Properties (read-only, notified): #DossierApplication:account (the active
 * #DossierAccount or %NULL), #DossierApplication:demo-active,
 * #DossierApplication:loading-account (the keyring is being asked for the
 * remembered account at start).
 */
DossierApplication   *dossier_application_new                 (void);

GSettings            *dossier_application_get_settings        (DossierApplication *self);
SoupSession          *dossier_application_get_session         (DossierApplication *self);
DossierPictureLoader *dossier_application_get_picture_loader  (DossierApplication *self);
DossierCredentials   *dossier_application_get_credentials     (DossierApplication *self);
DossierHistory       *dossier_application_get_history         (DossierApplication *self);

/* The active account and a client for it; %NULL when signed out. */
DossierAccount       *dossier_application_get_account         (DossierApplication *self);
DossierClient        *dossier_application_get_client          (DossierApplication *self);
gboolean              dossier_application_get_loading_account (DossierApplication *self);

/* Makes @account (its key loaded) the active one.  With @remember, its
 * email and base URL are remembered in GSettings for the next start.
 * Leaves the demo.  Returns %FALSE with @error when no client can be made
 * for it (e.g. a refused base URL). */
gboolean              dossier_application_set_account         (DossierApplication *self,
                                                               DossierAccount     *account,
                                                               gboolean            remember,
                                                               GError            **error);
/* Loads the key of the stored account of @user_email at @api_base and makes
 * it the active one (remembered).  Fails with %DOSSIER_ERROR_NO_CREDENTIALS
 * when it is no longer stored. */
void                  dossier_application_switch_account_async  (DossierApplication  *self,
                                                                 const char          *api_base,
                                                                 const char          *user_email,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean              dossier_application_switch_account_finish (DossierApplication  *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);
/* Removes the active account from the keyring, then uses another stored
 * account if there is one.  In the demo, leaves the demo instead (back to
 * the account used before it). */
void                  dossier_application_sign_out_async        (DossierApplication  *self,
                                                                 GCancellable        *cancellable,
                                                                 GAsyncReadyCallback  callback,
                                                                 gpointer             user_data);
gboolean              dossier_application_sign_out_finish       (DossierApplication  *self,
                                                                 GAsyncResult        *result,
                                                                 GError             **error);

/* Rereads the stored accounts (for the menu), e.g. after a sign-in. */
void                  dossier_application_reload_accounts     (DossierApplication *self);

/* The accounts section of the main menu: the demo while active, then the
 * stored accounts as radio items of `app.account`. */
GMenuModel           *dossier_application_get_accounts_menu   (DossierApplication *self);

/* The sample profiles: starts the fake server (once) and makes its
 * in-memory account the active one. */
void                  dossier_application_start_demo_async    (DossierApplication  *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
gboolean              dossier_application_start_demo_finish   (DossierApplication  *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
gboolean              dossier_application_get_demo_active     (DossierApplication *self);
/* %NULL until the demo was started. */
DossierDemo          *dossier_application_get_demo            (DossierApplication *self);

/* The application's icon name: the installed one (the development build
 * has its own), else the one bundled in the resources. */
const char           *dossier_application_get_icon_name       (DossierApplication *self);

/* Why accounts are not saved in the keyring, the first time it is asked
 * after the keyring turned out to be unavailable; %NULL otherwise.  The
 * window shows it once. */
const char           *dossier_application_take_keyring_notice (DossierApplication *self);

G_END_DECLS
