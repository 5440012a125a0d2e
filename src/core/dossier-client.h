/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "dossier-profile.h"

G_BEGIN_DECLS

#define DOSSIER_DEFAULT_API_BASE        "https://api.hrflow.ai/v1"
/* Whole-request limit, on top of the session's connect and I/O timeouts, so
 * that a server that stalls mid-body ends in an error instead of a hang.
 * The environment variable DOSSIER_REQUEST_TIMEOUT (whole seconds, 0 to
 * 3600, 0 disables) replaces it for every client made afterwards. */
#define DOSSIER_DEFAULT_REQUEST_TIMEOUT 30

typedef enum
{
  DOSSIER_IDENTIFIER_KEY,
  DOSSIER_IDENTIFIER_REFERENCE,
  DOSSIER_IDENTIFIER_EMAIL,
} DossierIdentifierKind;

/* "key", "reference", "email": the query parameter's name. */
const char *dossier_identifier_kind_to_string (DossierIdentifierKind kind);

/* Refuses (%DOSSIER_ERROR_INVALID_ARGUMENT) a base that is not an absolute
 * http(s) URL, or that is plain http on a host other than loopback
 * (127.0.0.0/8, ::1, localhost). */
gboolean    dossier_api_base_validate         (const char  *api_base,
                                               GError     **error);

/* A session with Dossier's User-Agent and timeouts, for the whole
 * application: the HrFlow client and the picture loader share it. */
SoupSession *dossier_session_new              (void);

#define DOSSIER_TYPE_AUTH_INFO (dossier_auth_info_get_type ())

G_DECLARE_FINAL_TYPE (DossierAuthInfo, dossier_auth_info, DOSSIER, AUTH_INFO, GObject)

/* What `GET /auth` says of the credentials. */
const char *dossier_auth_info_get_team_name      (DossierAuthInfo *self);
const char *dossier_auth_info_get_team_subdomain (DossierAuthInfo *self);
/* "all", "read" or "write". */
const char *dossier_auth_info_get_permission     (DossierAuthInfo *self);
gboolean    dossier_auth_info_can_read_profiles  (DossierAuthInfo *self);

#define DOSSIER_TYPE_CLIENT (dossier_client_get_type ())

G_DECLARE_FINAL_TYPE (DossierClient, dossier_client, DOSSIER, CLIENT, GObject)

/**
 * DossierClient:
 *
 * Talks to HrFlow for one account.  Credentials are checked (no control
 * characters, no newline, not empty) when the client is made, and are sent
 * to the API base's host only: redirects are not followed to another host.
 */
DossierClient   *dossier_client_new                  (SoupSession            *session,
                                                      const char             *api_base,
                                                      const char             *user_email,
                                                      const char             *api_key,
                                                      GError                **error);
const char      *dossier_client_get_api_base         (DossierClient          *self);
const char      *dossier_client_get_user_email       (DossierClient          *self);
/* Seconds; 0 disables.  Defaults to DOSSIER_DEFAULT_REQUEST_TIMEOUT, or
 * to DOSSIER_REQUEST_TIMEOUT from the environment. */
void             dossier_client_set_request_timeout  (DossierClient          *self,
                                                      guint                   seconds);

void             dossier_client_get_profile_async    (DossierClient          *self,
                                                      const char             *source_key,
                                                      DossierIdentifierKind   kind,
                                                      const char             *identifier,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
DossierProfile  *dossier_client_get_profile_finish   (DossierClient          *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);

/* The same lookup, judged the same way, but answering the exact bytes of
 * the profile (the `data` object) without building the model: what an
 * export needs, several times faster and lighter on large profiles. */
void             dossier_client_get_profile_json_async  (DossierClient          *self,
                                                         const char             *source_key,
                                                         DossierIdentifierKind   kind,
                                                         const char             *identifier,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
GBytes          *dossier_client_get_profile_json_finish (DossierClient          *self,
                                                         GAsyncResult           *result,
                                                         GError                **error);

/* Lets the caller follow the body of a successful profile JSON answer
 * while it arrives (see dossier_export_stream_new()).  Called on the
 * client's thread each time more has come, when the length is announced:
 * @buffer is the whole buffer the body is read into (hold a reference to
 * keep it), its first @available bytes have come and never change, and the
 * body is complete when @available reaches @length.  The buffer returned
 * by dossier_client_get_profile_json_finish() is a part of it.  If the
 * body ever has to move to another buffer, the calls stop. */
typedef void (*DossierBodyFunc) (GBytes   *buffer,
                                 gsize     available,
                                 gsize     length,
                                 gpointer  user_data);

void             dossier_client_set_body_func           (DossierClient          *self,
                                                         DossierBodyFunc         func,
                                                         gpointer                user_data);

void             dossier_client_check_auth_async     (DossierClient          *self,
                                                      GCancellable           *cancellable,
                                                      GAsyncReadyCallback     callback,
                                                      gpointer                user_data);
DossierAuthInfo *dossier_client_check_auth_finish    (DossierClient          *self,
                                                      GAsyncResult           *result,
                                                      GError                **error);

G_END_DECLS
