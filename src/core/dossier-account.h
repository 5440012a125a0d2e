/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_ACCOUNT (dossier_account_get_type ())

G_DECLARE_FINAL_TYPE (DossierAccount, dossier_account, DOSSIER, ACCOUNT, GObject)

/**
 * DossierAccount:
 *
 * One set of HrFlow credentials: an API base URL, a user email and, when it
 * has been loaded from the keyring, the API key.  The base and the email are
 * read-only properties; the key is deliberately not a property, so that no
 * property dump, binding or debugging tool ever prints it, and its memory is
 * wiped when the account is finalized.  Immutable once made.
 */
DossierAccount *dossier_account_new            (const char     *api_base,
                                                const char     *user_email,
                                                const char     *api_key);
const char     *dossier_account_get_api_base   (DossierAccount *self);
const char     *dossier_account_get_user_email (DossierAccount *self);
/* NULL when the key was not loaded (dossier_credentials_list_finish() does
 * not load keys).  Never print, log or store the returned string. */
const char     *dossier_account_get_api_key    (DossierAccount *self);
/* Whether @self and @other name the same account: the same base and email. */
gboolean        dossier_account_same           (DossierAccount *self,
                                                DossierAccount *other);

G_END_DECLS
