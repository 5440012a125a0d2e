/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <libsoup/soup.h>

#include "dossier-account.h"
#include "dossier-credentials.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIGN_IN_PAGE (dossier_sign_in_page_get_type ())

G_DECLARE_FINAL_TYPE (DossierSignInPage, dossier_sign_in_page, DOSSIER, SIGN_IN_PAGE, AdwBin)

/**
 * DossierSignInPage:
 *
 * Asks for the HrFlow user email, the API key and (under Advanced) the API
 * base URL.  "Sign In" first checks them with `GET {api-base}/auth`, shows
 * the team and the key's permission, and only then stores the account
 * through #DossierSignInPage:credentials and emits
 * #DossierSignInPage::signed-in.  A rejected key, a write-only key, an
 * unreachable server and a refused base URL are each explained under the
 * field at fault; nothing is stored until the check passes.
 *
 * Give it the application's #SoupSession and #DossierCredentials: when the
 * keyring is missing, accounts live in that one credentials object's memory.
 *
 * Signals:
 *   signed-in (DossierAccount *account): the account, its key loaded, is
 *   stored.  The key field is emptied.
 */
GtkWidget *dossier_sign_in_page_new             (void);
void       dossier_sign_in_page_set_session     (DossierSignInPage  *self,
                                                 SoupSession        *session);
void       dossier_sign_in_page_set_credentials (DossierSignInPage  *self,
                                                 DossierCredentials *credentials);

G_END_DECLS
