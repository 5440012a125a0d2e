/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define DOSSIER_ERROR (dossier_error_quark ())

/**
 * DossierError:
 *
 * What went wrong, in terms a person can act on.  Every code has its own
 * translatable message, written where the error is raised; the HTTP status,
 * the API's own words and a Retry-After delay travel with the error (see
 * dossier_error_get_http_status() and friends).  Cancellation is never a
 * DossierError: it stays %G_IO_ERROR_CANCELLED and is never shown.
 */
typedef enum
{
  DOSSIER_ERROR_INVALID_ARGUMENT,     /* refused before sending: bad base URL, control characters, … */
  DOSSIER_ERROR_NO_CREDENTIALS,       /* no API key or user email to send */
  DOSSIER_ERROR_INVALID_SOURCE,       /* 400 "Invalid source fields" */
  DOSSIER_ERROR_NOT_FOUND,            /* "Unable to find object: profile" */
  DOSSIER_ERROR_CREDENTIALS_REJECTED, /* 401: bad API key or user email */
  DOSSIER_ERROR_NO_PERMISSION,        /* 401/403 on a source, or a write-only key */
  DOSSIER_ERROR_QUOTA_EXCEEDED,       /* 402 */
  DOSSIER_ERROR_RATE_LIMITED,         /* 429, see dossier_error_get_retry_after() */
  DOSSIER_ERROR_BAD_REQUEST,          /* any other 4xx */
  DOSSIER_ERROR_SERVER,               /* 5xx, JSON or HTML */
  DOSSIER_ERROR_INVALID_RESPONSE,     /* empty, truncated, not JSON, no data, … */
  DOSSIER_ERROR_TOO_LARGE,            /* body over DOSSIER_MAX_BODY_SIZE */
  DOSSIER_ERROR_TOO_DEEP,             /* nesting over DOSSIER_MAX_JSON_DEPTH */
  DOSSIER_ERROR_REDIRECTED,           /* a redirect to another host, not followed */
  DOSSIER_ERROR_CONNECTION_REFUSED,
  DOSSIER_ERROR_CONNECTION_RESET,
  DOSSIER_ERROR_HOST_NOT_FOUND,
  DOSSIER_ERROR_TLS,
  DOSSIER_ERROR_TIMEOUT,
  DOSSIER_ERROR_NETWORK,              /* any other transport failure */
  DOSSIER_ERROR_EXPORT_FAILED,        /* the export file could not be written */
  DOSSIER_ERROR_FILE_INVALID,         /* an opened file is not a Dossier export */
  DOSSIER_ERROR_KEYRING,              /* the keyring could not be used */
} DossierError;

/* Limits, documented in README.md.  Bodies over the size are refused while
 * streaming; nesting over the depth is refused before json-glib sees the
 * text (json-glib 1.6 overflows its stack on deep input). */
#define DOSSIER_MAX_BODY_SIZE   (32 * 1024 * 1024)
#define DOSSIER_MAX_JSON_DEPTH  512

GQuark      dossier_error_quark             (void);

void        dossier_error_set_http_details  (GError     *error,
                                             guint       http_status,
                                             const char *api_message,
                                             gint64      retry_after_seconds);
guint       dossier_error_get_http_status   (const GError *error);
const char *dossier_error_get_api_message   (const GError *error);
gint64      dossier_error_get_retry_after   (const GError *error);

gboolean    dossier_error_is_cancelled      (const GError *error);

G_END_DECLS
