/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "dossier-account.h"

G_BEGIN_DECLS

/* The libsecret schema of Dossier's keyring items, so that other tools
 * (secret-tool, Seahorse) can find and write them:
 *   xdg:schema  io.github.hrdossier.Dossier.Credentials
 *   api-base    the API base URL (string)
 *   user-email  the HrFlow user email (string)
 * The secret is the API key and nothing else; attributes are stored
 * unencrypted, so nothing secret goes there.  The label is "HrFlow API key
 * for EMAIL", translated. */
#define DOSSIER_CREDENTIALS_SCHEMA_NAME "io.github.hrdossier.Dossier.Credentials"

const SecretSchema *dossier_credentials_get_schema (void) G_GNUC_CONST;

#define DOSSIER_TYPE_CREDENTIALS (dossier_credentials_get_type ())

G_DECLARE_FINAL_TYPE (DossierCredentials, dossier_credentials, DOSSIER, CREDENTIALS, GObject)

/**
 * DossierCredentials:
 *
 * Keeps HrFlow accounts in the user's keyring (the Secret Service's default
 * collection, or the Secret portal inside Flatpak), asynchronously.
 *
 * When there is no keyring — no Secret Service on the session bus, no
 * session bus at all, a keyring that stays locked because the user dismissed
 * the unlock prompt — the object switches, once and for the rest of the run,
 * to an in-memory store: #DossierCredentials:persistent becomes %FALSE,
 * #DossierCredentials:unavailable-reason explains it in a sentence to show
 * the user once, and every call keeps succeeding from memory.  Accounts kept
 * in memory are forgotten when the process exits.
 *
 * Cancellation through the caller's #GCancellable ends a call with
 * %G_IO_ERROR_CANCELLED and is never taken for a missing keyring.
 */
DossierCredentials *dossier_credentials_new                    (void);

/* %TRUE while accounts are saved in the keyring; %FALSE once the keyring
 * turned out to be unusable and accounts are kept in memory only. */
gboolean            dossier_credentials_get_persistent         (DossierCredentials   *self);
/* Why accounts are not saved, a translated sentence for the user; %NULL
 * while #DossierCredentials:persistent is %TRUE.  Set once, never changed. */
const char         *dossier_credentials_get_unavailable_reason (DossierCredentials   *self);

/* Saves @account (its key must be loaded), replacing the item with the same
 * base and email.  Fails only on an invalid account (%DOSSIER_ERROR_INVALID_ARGUMENT)
 * or cancellation: an unusable keyring falls back to memory. */
void                dossier_credentials_store_async            (DossierCredentials   *self,
                                                                DossierAccount       *account,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean            dossier_credentials_store_finish           (DossierCredentials   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Finds an account and loads its key (the keyring may ask to be unlocked).
 * @api_base and @user_email narrow the search; %NULL matches any.  When
 * several accounts match, the one whose user email comes first in byte
 * order is chosen (then the API base, the same way), so that the choice does
 * not depend on the keyring's order.  Returns %NULL, without an error, when
 * no account matches. */
void                dossier_credentials_lookup_async           (DossierCredentials   *self,
                                                                const char           *api_base,
                                                                const char           *user_email,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
DossierAccount     *dossier_credentials_lookup_finish          (DossierCredentials   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Every stored account, sorted by user email then API base, WITHOUT keys:
 * only the attributes are read, so the keyring is not unlocked and no
 * secret is loaded.  Use dossier_credentials_lookup_async() for the key. */
void                dossier_credentials_list_async             (DossierCredentials   *self,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
/* Returns: (transfer full): a #GListModel of #DossierAccount */
GListModel         *dossier_credentials_list_finish            (DossierCredentials   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

/* Removes the account with @account's base and email (its key need not be
 * loaded).  Succeeds when there was nothing to remove.  Fails with
 * %DOSSIER_ERROR_KEYRING when the keyring is there but the item could not
 * be removed (e.g. it stayed locked): signing out must not pretend. */
void                dossier_credentials_delete_async           (DossierCredentials   *self,
                                                                DossierAccount       *account,
                                                                GCancellable         *cancellable,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean            dossier_credentials_delete_finish          (DossierCredentials   *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);

G_END_DECLS
