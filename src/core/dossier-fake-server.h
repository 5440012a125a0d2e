/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_FAKE_SERVER (dossier_fake_server_get_type ())

G_DECLARE_FINAL_TYPE (DossierFakeServer, dossier_fake_server, DOSSIER, FAKE_SERVER, GObject)

/**
 * DossierFakeServer:
 *
 * A stand-in for HrFlow on loopback, for the tests, the sample profiles and
 * the benchmarks.  It behaves like the real service as documented in the
 * README's API notes: both headers are required (401 otherwise), the key must
 * be one it knows, `source_key` must name a source it serves (400 "Invalid
 * source fields"), exactly one identifier is looked up (400 otherwise), an
 * unknown profile answers `Unable to find object: profile`.  `GET /v1/auth`
 * describes the key.  Files under `/files/` (pictures, attachments) are
 * served without any header check, as a storage host would.
 *
 * It runs on the thread-default main context of the thread that starts it.
 */

typedef enum
{
  DOSSIER_FAKE_FAULT_NONE,
  DOSSIER_FAKE_FAULT_UNAUTHORIZED,        /* 401 Invalid secret key */
  DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN,    /* 403 Unauthorized Access to source key */
  DOSSIER_FAKE_FAULT_QUOTA,               /* 402 */
  DOSSIER_FAKE_FAULT_RATE_LIMITED,        /* 429 with Retry-After: 30 */
  DOSSIER_FAKE_FAULT_SERVER_ERROR,        /* 500 with a JSON body */
  DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML,   /* 502 with a proxy's HTML page */
  DOSSIER_FAKE_FAULT_EMPTY_BODY,          /* 200, no body */
  DOSSIER_FAKE_FAULT_TRUNCATED_BODY,      /* 200, half of the JSON */
  DOSSIER_FAKE_FAULT_NOT_JSON,            /* 200, HTML */
  DOSSIER_FAKE_FAULT_INVALID_UTF8,        /* 200, JSON with invalid UTF-8 */
  DOSSIER_FAKE_FAULT_NO_DATA,             /* 200, envelope without data */
  DOSSIER_FAKE_FAULT_DATA_NULL,           /* 200, "data": null */
  DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT,     /* 200, "data": [] */
  DOSSIER_FAKE_FAULT_HUGE_BODY,           /* 200, 64 MiB of JSON, streamed */
  DOSSIER_FAKE_FAULT_DEEP_NESTING,        /* 200, 100 000 nested arrays */
  DOSSIER_FAKE_FAULT_STALL,               /* 200, half a body, then silence */
  DOSSIER_FAKE_FAULT_RESET,               /* the connection is closed at once */
  DOSSIER_FAKE_FAULT_REDIRECT,            /* 302 to the redirect target */
} DossierFakeFault;

DossierFakeServer *dossier_fake_server_new                 (void);
/* Listens on 127.0.0.1 (port 0: any free port). */
gboolean           dossier_fake_server_start               (DossierFakeServer  *self,
                                                            guint               port,
                                                            GError            **error);
/* "http://127.0.0.1:PORT/v1" */
const char        *dossier_fake_server_get_api_base        (DossierFakeServer  *self);
/* "http://127.0.0.1:PORT" */
const char        *dossier_fake_server_get_base_url        (DossierFakeServer  *self);
guint              dossier_fake_server_get_port            (DossierFakeServer  *self);

/* Credentials the server accepts.  @permission is "all", "read" or "write"
 * (a "write" key cannot read profiles).  With none added, any non-empty key
 * and email are accepted with permission "all". */
void               dossier_fake_server_add_account         (DossierFakeServer  *self,
                                                            const char         *user_email,
                                                            const char         *api_key,
                                                            const char         *permission,
                                                            const char         *team_name);

/* Serves @data (the exact bytes of a profile object) under @source_key,
 * found by the profile's own key, reference and info.email members. */
void               dossier_fake_server_add_profile         (DossierFakeServer  *self,
                                                            const char         *source_key,
                                                            GBytes             *data,
                                                            GError            **error);
/* Every *.json file of @directory, each a profile object. */
gboolean           dossier_fake_server_add_profiles_from_directory (DossierFakeServer *self,
                                                            const char         *source_key,
                                                            GFile              *directory,
                                                            GError            **error);
/* Declares a source with no profile, so lookups answer "not found". */
void               dossier_fake_server_add_source          (DossierFakeServer  *self,
                                                            const char         *source_key);
/* Serves @contents at base_url + @path ("/files/…"), without header checks. */
void               dossier_fake_server_add_file            (DossierFakeServer  *self,
                                                            const char         *path,
                                                            GBytes             *contents,
                                                            const char         *content_type);

void               dossier_fake_server_set_fault           (DossierFakeServer  *self,
                                                            DossierFakeFault    fault);
/* Where DOSSIER_FAKE_FAULT_REDIRECT (and a 302 on /files/redirect/…) send. */
void               dossier_fake_server_set_redirect_target (DossierFakeServer  *self,
                                                            const char         *url);

/* What the last request to the API carried, for tests to assert on.  The
 * query is decoded (name → value); headers as received. */
guint              dossier_fake_server_get_request_count   (DossierFakeServer  *self);
GHashTable        *dossier_fake_server_get_last_query      (DossierFakeServer  *self);
SoupMessageHeaders *dossier_fake_server_get_last_headers   (DossierFakeServer  *self);
const char        *dossier_fake_server_get_last_path       (DossierFakeServer  *self);

/* Requests for files (pictures, attachments), counted apart from the API's,
 * and how many of them carried X-API-KEY or X-USER-EMAIL: a storage host
 * must never receive an HrFlow header, so tests assert the second is 0. */
guint              dossier_fake_server_get_file_request_count        (DossierFakeServer *self);
guint              dossier_fake_server_get_file_requests_with_credentials (DossierFakeServer *self);

G_END_DECLS
