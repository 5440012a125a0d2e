/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-client.h"

#include "dossier-error.h"
#include "dossier-json-private.h"
#include "dossier-json-text.h"

#include <glib/gi18n.h>
#include <sys/mman.h>

/* The session's I/O timeout covers connecting and each single read or
 * write; the whole-request limit of the client (see
 * dossier_client_set_request_timeout()) covers a server that keeps the
 * connection alive while trickling the body. */
#define SESSION_IO_TIMEOUT   30
/* Idle keep-alive connections are closed after this long, so that a lookup
 * made after a pause does not stumble on a connection the server dropped. */
#define SESSION_IDLE_TIMEOUT 60

/* Same-host redirects followed before giving up. */
#define MAX_REDIRECTS        3
/* An error answer is only read for its `code` and `message`: a few
 * kilobytes are plenty, and a proxy's huge error page is cut short. */
#define ERROR_BODY_LIMIT     (64 * 1024)
#define READ_CHUNK_SIZE      (64 * 1024)

const char *
dossier_identifier_kind_to_string (DossierIdentifierKind kind)
{
  switch (kind)
    {
    case DOSSIER_IDENTIFIER_KEY:
      return "key";
    case DOSSIER_IDENTIFIER_REFERENCE:
      return "reference";
    case DOSSIER_IDENTIFIER_EMAIL:
      return "email";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Base URL validation */

static gboolean
host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GInetAddress knows 127.0.0.0/8 and ::1. */
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

static gboolean
refuse_base (const char  *api_base,
             const char  *reason,
             GError     **error)
{
  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
               /* Translators: the first %s is a URL, the second a reason. */
               _("The API address “%s” cannot be used: %s"),
               api_base, reason);
  return FALSE;
}

/* Parses @api_base after dropping its trailing slashes; %NULL with @error
 * set when it is refused. */
static GUri *
parse_api_base (const char  *api_base,
                GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  const char *scheme;
  const char *host;
  gsize length;

  if (api_base == NULL || *api_base == '\0')
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                           _("No API address was given. Use an address such as https://api.hrflow.ai/v1."));
      return NULL;
    }

  trimmed = g_strdup (api_base);
  length = strlen (trimmed);
  while (length > 0 && trimmed[length - 1] == '/')
    trimmed[--length] = '\0';

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || *p == 0x7f)
        {
          /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
          refuse_base (api_base, _("it contains spaces or control characters."), error);
          return NULL;
        }
    }

  uri = g_uri_parse (trimmed, SOUP_HTTP_URI_FLAGS, NULL);
  if (uri == NULL)
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("it is not a complete web address. Use an address such as https://api.hrflow.ai/v1."), error);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("only https:// addresses are supported."), error);
      return NULL;
    }
  if (host == NULL || *host == '\0')
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("it names no server."), error);
      return NULL;
    }
  /* Credentials in the address would travel as Basic authentication next to
   * the API key; a query or fragment would end up inside the request path. */
  if (g_uri_get_userinfo (uri) != NULL)
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("it must not contain a user name or password."), error);
      return NULL;
    }
  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("it must not contain “?” or “#”."), error);
      return NULL;
    }
  /* Plain http would show the API key to anyone on the network; it is only
   * allowed towards this computer (the fake server, a local proxy). */
  if (g_strcmp0 (scheme, "http") == 0 && !host_is_loopback (host))
    {
      /* Translators: completes “The API address “%s” cannot be used: %s”; “it” is the address. */
      refuse_base (api_base, _("plain http:// is only allowed for this computer. Use https://."), error);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

gboolean
dossier_api_base_validate (const char  *api_base,
                           GError     **error)
{
  g_autoptr(GUri) uri = parse_api_base (api_base, error);

  return uri != NULL;
}

/* Session */

SoupSession *
dossier_session_new (void)
{
  /* libsoup's default session has no timeout at all: a server that accepts
   * the connection and says nothing would keep a lookup spinning forever.
   * "timeout" bounds connecting and every single read or write; the client
   * adds a whole-request limit on top.  "idle-timeout" drops keep-alive
   * connections before most servers do, so that a reused connection is
   * rarely found closed. */
  return soup_session_new_with_options ("user-agent", "Dossier/" PACKAGE_VERSION,
                                        "timeout", SESSION_IO_TIMEOUT,
                                        "idle-timeout", SESSION_IDLE_TIMEOUT,
                                        NULL);
}

/* DossierAuthInfo */

struct _DossierAuthInfo
{
  GObject parent_instance;

  char *team_name;
  char *team_subdomain;
  char *permission;
};

G_DEFINE_FINAL_TYPE (DossierAuthInfo, dossier_auth_info, G_TYPE_OBJECT)

static void
dossier_auth_info_finalize (GObject *object)
{
  DossierAuthInfo *self = DOSSIER_AUTH_INFO (object);

  g_free (self->team_name);
  g_free (self->team_subdomain);
  g_free (self->permission);

  G_OBJECT_CLASS (dossier_auth_info_parent_class)->finalize (object);
}

static void
dossier_auth_info_class_init (DossierAuthInfoClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_auth_info_finalize;
}

static void
dossier_auth_info_init (DossierAuthInfo *self)
{
}

const char *
dossier_auth_info_get_team_name (DossierAuthInfo *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTH_INFO (self), NULL);
  return self->team_name;
}

const char *
dossier_auth_info_get_team_subdomain (DossierAuthInfo *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTH_INFO (self), NULL);
  return self->team_subdomain;
}

const char *
dossier_auth_info_get_permission (DossierAuthInfo *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTH_INFO (self), NULL);
  return self->permission;
}

gboolean
dossier_auth_info_can_read_profiles (DossierAuthInfo *self)
{
  g_return_val_if_fail (DOSSIER_IS_AUTH_INFO (self), FALSE);
  /* Only a write-only key is known to be unable to read; an unknown or new
   * permission name is left for the server to judge. */
  return g_strcmp0 (self->permission, "write") != 0;
}

/* DossierClient */

struct _DossierClient
{
  GObject parent_instance;

  SoupSession *session;
  GUri        *api_base_uri;
  char        *api_base;
  char        *user_email;
  char        *api_key;
  guint        request_timeout;

  DossierBodyFunc body_func;
  gpointer        body_func_data;
};

G_DEFINE_FINAL_TYPE (DossierClient, dossier_client, G_TYPE_OBJECT)

static void
dossier_client_finalize (GObject *object)
{
  DossierClient *self = DOSSIER_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->api_base_uri, g_uri_unref);
  g_free (self->api_base);
  g_free (self->user_email);
  /* Do not leave the key behind in freed memory. */
  if (self->api_key != NULL)
    memset (self->api_key, 0, strlen (self->api_key));
  g_free (self->api_key);

  G_OBJECT_CLASS (dossier_client_parent_class)->finalize (object);
}

static void
dossier_client_class_init (DossierClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_client_finalize;
}

/* The one place DOSSIER_REQUEST_TIMEOUT is read (see dossier-client.h):
 * tests of the command line make a stalling server fail in seconds, and a
 * recruiter on a very slow link may allow more.  Anything but a whole
 * number of seconds up to an hour is ignored. */
static guint
default_request_timeout (void)
{
  const char *value = g_getenv ("DOSSIER_REQUEST_TIMEOUT");
  guint64 seconds;

  if (value == NULL || *value == '\0')
    return DOSSIER_DEFAULT_REQUEST_TIMEOUT;

  if (!g_ascii_string_to_unsigned (value, 10, 0, 3600, &seconds, NULL))
    {
      g_debug ("DOSSIER_REQUEST_TIMEOUT is not a number of seconds up to 3600: ignored");
      return DOSSIER_DEFAULT_REQUEST_TIMEOUT;
    }

  return (guint) seconds;
}

static void
dossier_client_init (DossierClient *self)
{
  self->request_timeout = default_request_timeout ();
}

/* A header value may not hold a line break (it would inject headers) nor
 * any other control character; the server would refuse it anyway, and
 * saying so before anything is sent is clearer. */
static gboolean
check_header_value (const char  *value,
                    const char  *empty_message,
                    const char  *bad_message,
                    GError     **error)
{
  if (value == NULL || *value == '\0')
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_NO_CREDENTIALS, empty_message);
      return FALSE;
    }

  for (const char *p = value; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20 || *p == 0x7f)
        {
          g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT, bad_message);
          return FALSE;
        }
    }

  return TRUE;
}

DossierClient *
dossier_client_new (SoupSession  *session,
                    const char   *api_base,
                    const char   *user_email,
                    const char   *api_key,
                    GError      **error)
{
  g_autoptr(DossierClient) self = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  uri = parse_api_base (api_base, error);
  if (uri == NULL)
    return NULL;

  if (!check_header_value (api_key,
                           _("No HrFlow API key was given. Sign in with your API key and user email."),
                           _("The API key contains a line break or another invisible character. Copy it again from HrFlow and sign in again."),
                           error) ||
      !check_header_value (user_email,
                           _("No HrFlow user email was given. Sign in with your API key and user email."),
                           _("The user email contains a line break or another invisible character. Type it again and sign in again."),
                           error))
    return NULL;

  self = g_object_new (DOSSIER_TYPE_CLIENT, NULL);
  self->session = g_object_ref (session);
  self->api_base_uri = g_steal_pointer (&uri);
  self->api_base = g_uri_to_string (self->api_base_uri);
  self->user_email = g_strdup (user_email);
  self->api_key = g_strdup (api_key);

  return g_steal_pointer (&self);
}

const char *
dossier_client_get_api_base (DossierClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLIENT (self), NULL);
  return self->api_base;
}

const char *
dossier_client_get_user_email (DossierClient *self)
{
  g_return_val_if_fail (DOSSIER_IS_CLIENT (self), NULL);
  return self->user_email;
}

void
dossier_client_set_request_timeout (DossierClient *self,
                                    guint          seconds)
{
  g_return_if_fail (DOSSIER_IS_CLIENT (self));
  self->request_timeout = seconds;
}

/* A profile JSON answer is validated by a thread of its own while it
 * arrives, rather than in one pass once it is complete: on a large answer
 * that pass took 4-5 ms after the last byte, now mostly hidden behind the
 * transfer.  The answer is the same (dossier_json_validate_arriving()). */
typedef struct
{
  GMutex    lock;
  GCond     more;
  gsize     available;
  gboolean  ended;      /* nothing more will come */
  GBytes   *buffer;     /* keeps the text alive for the thread */
  gsize     length;
  GThread  *thread;

  /* The thread's answer, read once it has been joined. */
  gboolean  valid;
  GArray   *members;
} ArrivingValidation;

static gsize
arriving_more_cb (gsize    available,
                  gpointer user_data)
{
  ArrivingValidation *validation = user_data;
  gsize now;

  g_mutex_lock (&validation->lock);
  while (!validation->ended && validation->available == available)
    g_cond_wait (&validation->more, &validation->lock);
  now = validation->available;
  g_mutex_unlock (&validation->lock);
  return now;
}

static gpointer
arriving_validation_thread (gpointer user_data)
{
  ArrivingValidation *validation = user_data;

  validation->valid = dossier_json_validate_arriving (g_bytes_get_data (validation->buffer, NULL),
                                                      validation->length, 0,
                                                      DOSSIER_MAX_JSON_DEPTH,
                                                      validation->members,
                                                      arriving_more_cb, validation);
  return NULL;
}

/* %NULL when no thread can be had: the answer is then validated whole. */
static ArrivingValidation *
arriving_validation_new (GBytes *buffer,
                         gsize   length)
{
  ArrivingValidation *validation = g_new0 (ArrivingValidation, 1);

  g_mutex_init (&validation->lock);
  g_cond_init (&validation->more);
  validation->buffer = g_bytes_ref (buffer);
  validation->length = length;
  validation->members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  validation->thread = g_thread_try_new ("dossier-validate", arriving_validation_thread,
                                         validation, NULL);
  if (validation->thread == NULL)
    {
      g_bytes_unref (validation->buffer);
      g_array_unref (validation->members);
      g_mutex_clear (&validation->lock);
      g_cond_clear (&validation->more);
      g_free (validation);
      return NULL;
    }
  return validation;
}

static void
arriving_validation_update (ArrivingValidation *validation,
                            gsize               available)
{
  g_mutex_lock (&validation->lock);
  validation->available = available;
  g_cond_signal (&validation->more);
  g_mutex_unlock (&validation->lock);
}

/* Waits for the thread's answer; after arriving_validation_end() when the
 * body will not be complete. */
static gboolean
arriving_validation_join (ArrivingValidation *validation)
{
  if (validation->thread != NULL)
    g_thread_join (g_steal_pointer (&validation->thread));
  return validation->valid;
}

static void
arriving_validation_free (ArrivingValidation *validation)
{
  g_mutex_lock (&validation->lock);
  validation->ended = TRUE;
  g_cond_signal (&validation->more);
  g_mutex_unlock (&validation->lock);
  arriving_validation_join (validation);

  g_bytes_unref (validation->buffer);
  g_array_unref (validation->members);
  g_mutex_clear (&validation->lock);
  g_cond_clear (&validation->more);
  g_free (validation);
}

/* One request, from sending to the last byte of the body.  Everything here
 * is touched on the calling thread only: the worker thread gets a
 * Judgement of its own, so that no libsoup object, and not the client, can
 * ever be finalised in the worker. */

typedef enum
{
  REQUEST_PROFILE,
  REQUEST_PROFILE_JSON,
  REQUEST_AUTH,
} RequestKind;

typedef struct
{
  DossierClient *self;
  RequestKind    kind;
  GUri          *uri;
  SoupMessage   *msg;
  guint          redirects;

  /* Cancelled by the caller's cancellable or by the timeout. */
  GCancellable  *cancellable;
  GCancellable  *user_cancellable;
  gulong         user_cancelled_id;
  GSource       *timeout_source;
  gboolean       timed_out;

  GInputStream  *stream;
  /* The body is read straight into its final buffer: no bounce buffer,
   * no copy (5 MB of them for a large profile). */
  guint8        *body;
  gsize          body_length;
  gsize          body_capacity;
  /* A successful profile JSON answer of announced length is read into a
   * buffer of that size owned by @followed_buffer, so that the threads
   * following it as it arrives (@validation, and the caller's
   * DossierBodyFunc) can keep it alive. */
  GBytes        *followed_buffer;
  gsize          announced_length;
  ArrivingValidation *validation;
  gsize          limit;

  guint          status;
  gint64         retry_after;
  char          *host;
  guint          timeout_seconds;
} Request;

/* What the worker thread judges: plain data only. */
typedef struct
{
  RequestKind  kind;
  guint        status;
  gint64       retry_after;
  GBytes      *body;
  char        *api_key;
  gboolean     write_only_key;
  ArrivingValidation *validation;   /* of @body, when it was followed */
} Judgement;

static void
judgement_free (Judgement *judgement)
{
  g_bytes_unref (judgement->body);
  g_clear_pointer (&judgement->validation, arriving_validation_free);
  if (judgement->api_key != NULL)
    memset (judgement->api_key, 0, strlen (judgement->api_key));
  g_free (judgement->api_key);
  g_free (judgement);
}

static void
request_free (Request *request)
{
  if (request->user_cancelled_id != 0)
    g_cancellable_disconnect (request->user_cancellable, request->user_cancelled_id);
  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_source_unref (request->timeout_source);
    }
  g_clear_object (&request->user_cancellable);
  g_clear_object (&request->cancellable);
  g_clear_object (&request->stream);
  g_clear_object (&request->msg);
  g_clear_pointer (&request->uri, g_uri_unref);
  g_clear_pointer (&request->validation, arriving_validation_free);
  if (request->followed_buffer != NULL)
    g_bytes_unref (request->followed_buffer);
  else
    g_free (request->body);
  g_free (request->host);
  g_clear_object (&request->self);
  g_free (request);
}

/* Error messages */

/* The API's own words are shown to the user and printed by the command
 * line: make sure they can never carry the key, whatever the server echoes. */
static char *
scrub_api_message (const char *message,
                   const char *api_key)
{
  g_autoptr(GString) text = NULL;

  if (message == NULL)
    return NULL;

  text = g_string_new (message);
  if (api_key != NULL && strlen (api_key) >= 4)
    g_string_replace (text, api_key, "…", 0);
  /* Keep it to one reasonable line. */
  g_strdelimit (text->str, "\r\n\t", ' ');
  if (text->len > 300)
    {
      const char *end = g_utf8_find_prev_char (text->str, text->str + 300);

      g_string_truncate (text, end != NULL ? (gsize) (end - text->str) : 0);
      g_string_append (text, "…");
    }
  if (!g_utf8_validate (text->str, text->len, NULL))
    {
      char *valid = g_utf8_make_valid (text->str, text->len);

      g_string_assign (text, valid);
      g_free (valid);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GError *
http_error_new (DossierError  code,
                guint         status,
                const char   *api_message,
                gint64        retry_after,
                const char   *message)
{
  GError *error = g_error_new_literal (DOSSIER_ERROR, code, message);

  dossier_error_set_http_details (error, status, api_message, retry_after);
  return error;
}

/* Judges an error answer (or a 2xx whose body says otherwise). */
static GError *
error_for_status (guint        status,
                  const char  *api_message,
                  gint64       retry_after,
                  gboolean     write_only_key)
{
  g_autofree char *text = NULL;
  const char *said = api_message != NULL ? api_message : "";

  if ((status == 400 || status == 404) &&
      strstr (said, "Unable to find object: profile") != NULL)
    return http_error_new (DOSSIER_ERROR_NOT_FOUND, status, api_message, -1,
                           _("No profile matches this identifier in this source. "
                             "Check the key, reference or email and the source, then try again."));

  if (status >= 400 && status < 500 &&
      (strstr (said, "Invalid source fields") != NULL ||
       strstr (said, "Unable to find object: source") != NULL))
    {
      /* Translators: %s is HrFlow’s own message, in English. */
      text = g_strdup_printf (_("HrFlow does not accept this source (“%s”). "
                                "Check the source key, then try again."),
                              said);
      return http_error_new (DOSSIER_ERROR_INVALID_SOURCE, status, api_message, -1, text);
    }

  /* The key is known but may not read here: refused on this source, or
   * refused for a permission ("... for permission: write"), or a
   * write-only key (askw_, a hint only: the server has decided). */
  if (status == 403 ||
      (status == 401 && strstr (said, "Unauthorized Access to source") != NULL))
    return http_error_new (DOSSIER_ERROR_NO_PERMISSION, status, api_message, -1,
                           _("This API key is not allowed to read profiles from this source. "
                             "Check the source key, or ask your HrFlow administrator for access to it."));

  if (status == 401 && (strstr (said, "for permission") != NULL || write_only_key))
    return http_error_new (DOSSIER_ERROR_NO_PERMISSION, status, api_message, -1,
                           _("HrFlow does not allow this API key to read profiles. "
                             "Sign in with a read key (it starts with “askr_”) rather than a write-only key."));

  if (status == 401)
    return http_error_new (DOSSIER_ERROR_CREDENTIALS_REJECTED, status, api_message, -1,
                           _("HrFlow rejected the API key or the user email. "
                             "Check both and sign in again."));

  if (status == 402)
    return http_error_new (DOSSIER_ERROR_QUOTA_EXCEEDED, status, api_message, -1,
                           _("Your HrFlow account has used up its quota. "
                             "Ask your HrFlow administrator to extend it, then try again."));

  if (status == 429)
    {
      /* A plain %lu, not G_GINT64_FORMAT: xgettext cannot expand a macro,
       * so the message it extracted would stop at the "%" and never be
       * translated. */
      gulong seconds = (gulong) MIN (retry_after, G_MAXLONG);

      if (retry_after >= 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "HrFlow is receiving too many requests from this account. "
                                             "Wait %lu second, then try again.",
                                             "HrFlow is receiving too many requests from this account. "
                                             "Wait %lu seconds, then try again.",
                                             seconds),
                                seconds);
      else
        text = g_strdup (_("HrFlow is receiving too many requests from this account. "
                           "Wait a minute, then try again."));
      return http_error_new (DOSSIER_ERROR_RATE_LIMITED, status, api_message, retry_after, text);
    }

  if (status >= 500 && status < 600)
    {
      text = g_strdup_printf (_("HrFlow could not answer because of a problem on its side (HTTP %u). "
                                "Try again in a few minutes."),
                              status);
      return http_error_new (DOSSIER_ERROR_SERVER, status, api_message, -1, text);
    }

  if (status >= 400 && status < 500)
    {
      if (api_message != NULL && *api_message != '\0')
        /* Translators: %s is HrFlow’s own message, in English. */
        text = g_strdup_printf (_("HrFlow refused the request: “%s”. "
                                  "Check the identifier and the source, then try again."),
                                api_message);
      else
        text = g_strdup_printf (_("HrFlow refused the request (HTTP %u). "
                                  "Check the identifier and the source, then try again."),
                                status);
      return http_error_new (DOSSIER_ERROR_BAD_REQUEST, status, api_message, -1, text);
    }

  text = g_strdup_printf (_("HrFlow gave an unexpected answer (HTTP %u). "
                            "Try again later; if it keeps happening, check the API address."),
                          status);
  return http_error_new (DOSSIER_ERROR_INVALID_RESPONSE, status, api_message, -1, text);
}

/* Turns a transport error into a DossierError that keeps the underlying
 * reason in its text.  Cancellation is left for the caller to handle. */
static GError *
error_for_transport (const GError *error,
                     const char   *host)
{
  DossierError code = DOSSIER_ERROR_NETWORK;

  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    code = DOSSIER_ERROR_HOST_NOT_FOUND;
  else if (error->domain == G_TLS_ERROR)
    code = DOSSIER_ERROR_TLS;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    code = DOSSIER_ERROR_CONNECTION_REFUSED;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
           g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_CONNECTED))
    code = DOSSIER_ERROR_CONNECTION_RESET;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = DOSSIER_ERROR_TIMEOUT;
  else if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING) ||
           g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    code = DOSSIER_ERROR_INVALID_RESPONSE;

  /* Each format is spelled out where it is used, so that the compiler
   * checks it against its arguments. */
  switch (code)
    {
    case DOSSIER_ERROR_HOST_NOT_FOUND:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("Could not find the server %s (%s). "
                            "Check the API address and your internet connection."),
                          host, error->message);
    case DOSSIER_ERROR_TLS:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("Could not set up a secure connection to %s (%s). "
                            "Check the API address, and the date and time of this computer."),
                          host, error->message);
    case DOSSIER_ERROR_CONNECTION_REFUSED:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("The server %s refused the connection (%s). "
                            "Check the API address, or try again once the service is back."),
                          host, error->message);
    case DOSSIER_ERROR_CONNECTION_RESET:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("The connection to %s was cut before the answer was complete (%s). "
                            "Check your network connection and try again."),
                          host, error->message);
    case DOSSIER_ERROR_TIMEOUT:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("The server %s took too long to answer (%s). "
                            "Check your network connection and try again."),
                          host, error->message);
    case DOSSIER_ERROR_INVALID_RESPONSE:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("The server %s sent an answer Dossier cannot read (%s). "
                            "Try again later; if it keeps happening, check the API address."),
                          host, error->message);
    default:
      return g_error_new (DOSSIER_ERROR, code,
                          /* Translators: the first %s is a server name, the second the system’s reason. */
                          _("Could not reach the server %s (%s). "
                            "Check your network connection and try again."),
                          host, error->message);
    }
}

static GError *
timeout_error_new (const char *host,
                   guint       seconds)
{
  return g_error_new (DOSSIER_ERROR, DOSSIER_ERROR_TIMEOUT,
                      /* Translators: %s is a server name, %u a number of seconds. */
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The server %s did not answer within %u second. "
                                   "Check your network connection and try again.",
                                   "The server %s did not answer within %u seconds. "
                                   "Check your network connection and try again.",
                                   seconds),
                      host, seconds);
}

/* Response judging, in a worker thread */

/* The `message` member of a small error answer, decoded; NULL when there is
 * none or the body is not JSON. */
static char *
dup_string_member (const char *text,
                   gsize       length,
                   const char *name)
{
  g_autoptr(JsonParser) parser = NULL;
  gsize start, end;
  JsonNode *root;

  if (!dossier_json_find_member (text, length, name, &start, &end) ||
      text[start] != '"' || end - start < 2)
    return NULL;

  /* A JSON string holds no nesting: json-glib is safe on it. */
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + start, end - start, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_VALUE (root) ||
      json_node_get_value_type (root) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (root));
}

/* The `code` member when it is a plain integer, else 0. */
static guint
get_code_member (const char *text,
                 gsize       length,
                 GArray     *members)
{
  gsize start, end;
  guint64 code = 0;

  /* With the members of a validated answer at hand, no need for a pass. */
  if (!(members != NULL ? dossier_json_members_find (text, members, "code", &start, &end)
                        : dossier_json_find_member (text, length, "code", &start, &end)) ||
      end - start > 3)
    return 0;

  for (gsize i = start; i < end; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return 0;
      code = code * 10 + (text[i] - '0');
    }

  return (guint) code;
}

static GError *
invalid_response_new (guint       status,
                      const char *reason)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("HrFlow’s answer could not be read: %s "
                            "Try again later; if it keeps happening, check the API address."),
                          reason);
  return http_error_new (DOSSIER_ERROR_INVALID_RESPONSE, status, NULL, -1, text);
}

/* `/auth` answers with its members in a `data` envelope, or bare (as it is
 * documented): accept both. */
static DossierAuthInfo *
auth_info_new_from_body (const char  *text,
                         gsize        length,
                         guint        status,
                         GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(DossierAuthInfo) info = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *data;

  if (!json_parser_load_from_data (parser, text, length, NULL) ||
      (root = json_parser_get_root (parser)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (root))
    {
      /* Translators: completes “HrFlow’s answer could not be read: %s”; “it” is the answer. */
      *error = invalid_response_new (status, _("it is not a JSON object."));
      return NULL;
    }

  object = json_node_get_object (root);
  data = json_object_get_member (object, "data");
  if (data != NULL && JSON_NODE_HOLDS_OBJECT (data))
    object = json_node_get_object (data);

  info = g_object_new (DOSSIER_TYPE_AUTH_INFO, NULL);
  info->team_name = g_strdup (dossier_json_get_string (object, "team_name"));
  info->team_subdomain = g_strdup (dossier_json_get_string (object, "team_subdomain"));
  info->permission = g_strdup (dossier_json_get_string (object, "api_key_permission"));

  return g_steal_pointer (&info);
}

/* The exact bytes of the `data` object of a profile answer, accepted and
 * refused exactly as dossier_profile_new_from_response() would.  A valid
 * answer whose envelope is spelt plainly (no escapes outside `data`, which
 * is all HrFlow sends) never meets json-glib: on 5 MB that saves 200 ms
 * and a tree ten times the size of the text.  Anything else, errors
 * included, goes through the model as before.  @members: the members of
 * @body when dossier_json_validate_object() accepted it, else %NULL. */
static GBytes *
profile_json_from_body (GBytes    *body,
                        GArray    *members,
                        GError   **error)
{
  g_autoptr(DossierProfile) profile = NULL;
  const char *text;
  gsize size, start, end;

  text = g_bytes_get_data (body, &size);
  if (members != NULL && size <= DOSSIER_MAX_BODY_SIZE &&
      dossier_json_members_find (text, members, "data", &start, &end) &&
      text[start] == '{' &&
      memchr (text, '\\', start) == NULL &&
      memchr (text + end, '\\', size - end) == NULL)
    return g_bytes_new_from_bytes (body, start, end - start);

  profile = dossier_profile_new_from_response (body, error);
  if (profile == NULL)
    return NULL;
  return g_bytes_ref (dossier_profile_get_raw_json (profile));
}

static gboolean
looks_like_web_page (const char *text,
                     gsize       length)
{
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  return i < length && text[i] == '<';
}

static void
judge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Judgement *request = task_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *api_message = NULL;
  const char *text;
  gsize length;
  guint status = request->status;
  g_autoptr(GArray) members = NULL;
  gboolean valid_json = FALSE;

  text = g_bytes_get_data (request->body, &length);
  if (text == NULL)
    text = "";

  /* For a profile, one validation pass answers what the depth and UTF-8
   * checks and the search for `code` below ask (for an export it also
   * spares the parse, see profile_json_from_body()): on large answers every
   * pass over the text counts.  Text it refuses takes the checks below, so
   * that every error reads as before. */
  if (request->kind == REQUEST_PROFILE_JSON && request->validation != NULL)
    {
      /* Validated while it arrived: the same answer. */
      valid_json = arriving_validation_join (request->validation);
      if (valid_json)
        members = g_array_ref (request->validation->members);
    }
  else if (request->kind == REQUEST_PROFILE_JSON || request->kind == REQUEST_PROFILE)
    {
      members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
      valid_json = dossier_json_validate_object (text, length, DOSSIER_MAX_JSON_DEPTH, members);
      if (!valid_json)
        g_clear_pointer (&members, g_array_unref);
    }

  /* No byte scan, let alone json-glib, sees deep input: json-glib 1.6
   * overflows its stack on it. */
  if (!valid_json && !dossier_json_check_depth (text, length, DOSSIER_MAX_JSON_DEPTH, &error))
    {
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        g_clear_error (&error);   /* An error page is judged on its status. */
      else
        {
          dossier_error_set_http_details (error, status, NULL, -1);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else if (valid_json || g_utf8_validate (text, length, NULL))
    {
      /* HrFlow sometimes answers 200 with an error in the body. */
      if (SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          guint code = get_code_member (text, length, members);

          if (code >= 300 && code < 600)
            status = code;
        }

      /* The message only serves to explain an error; looking for it means
       * a scan of the whole answer, which a large profile need not pay. */
      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          g_autofree char *raw_message = dup_string_member (text, length, "message");

          api_message = scrub_api_message (raw_message, request->api_key);
        }
    }
  else if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      /* Translators: completes “HrFlow’s answer could not be read: %s”; “it” is the answer. */
      g_task_return_error (task, invalid_response_new (status, _("it is not valid UTF-8 text.")));
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, error_for_status (status, api_message,
                                                   request->retry_after,
                                                   request->write_only_key));
      return;
    }

  /* A network's sign-in page, a proxy or a wrong API address answers 200
   * with a web page: say so, rather than report a JSON syntax error. */
  if (looks_like_web_page (text, length))
    {
      g_task_return_error (task, invalid_response_new (status,
                                                       /* Translators: completes “HrFlow’s answer could not be read: %s”; “it” is the answer. */
                                                       _("it is a web page, not HrFlow data; a network sign-in page, "
                                                         "a proxy or a wrong API address may be in the way.")));
      return;
    }

  if (request->kind == REQUEST_AUTH)
    {
      DossierAuthInfo *info = auth_info_new_from_body (text, length, status, &error);

      if (info == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, info, g_object_unref);
    }
  else if (request->kind == REQUEST_PROFILE_JSON)
    {
      GBytes *data = profile_json_from_body (request->body, members, &error);

      if (data == NULL)
        {
          if (error->domain == DOSSIER_ERROR)
            dossier_error_set_http_details (error, status, NULL, -1);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      else
        g_task_return_pointer (task, data, (GDestroyNotify) g_bytes_unref);
    }
  else
    {
      DossierProfile *profile;

      profile = dossier_profile_new_from_response (request->body, &error);
      if (profile == NULL)
        {
          if (error->domain == DOSSIER_ERROR)
            dossier_error_set_http_details (error, status, NULL, -1);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      else
        g_task_return_pointer (task, profile, g_object_unref);
    }
}

/* The asynchronous request */

static void send_message (GTask *task);

/* Returns the error to report for @error, taking cancellation and the
 * whole-request timeout into account. */
static void
return_transport_error (GTask  *task,
                        GError *error)
{
  Request *request = g_task_get_task_data (task);

  if (g_cancellable_is_cancelled (request->user_cancellable))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               "%s", _("The request was cancelled."));
      return;
    }

  if (request->timed_out)
    {
      g_task_return_error (task, timeout_error_new (request->host, request->timeout_seconds));
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_error_copy (error));
      return;
    }

  g_task_return_error (task, error_for_transport (error, request->host));
}

static void
judged_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  GError *error = NULL;
  gpointer answer;

  answer = g_task_propagate_pointer (G_TASK (result), &error);
  if (answer == NULL)
    g_task_return_error (task, error);
  else if (request->kind == REQUEST_PROFILE_JSON)
    g_task_return_pointer (task, answer, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_pointer (task, answer, g_object_unref);
}

static void
finish_reading (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  g_autoptr(GTask) judge_task = NULL;
  Judgement *judgement;

  /* From here on nothing may time out: the answer is complete. */
  if (request->timeout_source != NULL)
    {
      g_source_destroy (request->timeout_source);
      g_clear_pointer (&request->timeout_source, g_source_unref);
    }
  g_clear_object (&request->stream);

  g_clear_object (&request->msg);

  judgement = g_new0 (Judgement, 1);
  judgement->kind = request->kind;
  judgement->status = request->status;
  judgement->retry_after = request->retry_after;
  /* A followed body stays in the buffer its followers read (which owns
   * it); any other is handed over. */
  if (request->followed_buffer != NULL)
    {
      judgement->body = g_bytes_new_from_bytes (request->followed_buffer, 0, request->body_length);
      if (request->validation != NULL && request->body_length == request->announced_length)
        judgement->validation = g_steal_pointer (&request->validation);
    }
  else
    judgement->body = g_bytes_new_take (g_steal_pointer (&request->body), request->body_length);
  judgement->api_key = g_strdup (request->self->api_key);
  judgement->write_only_key = g_str_has_prefix (request->self->api_key, "askw_");

  g_debug ("HrFlow answered %u with %" G_GSIZE_FORMAT " bytes",
           judgement->status, g_bytes_get_size (judgement->body));

  /* A task of its own, without source object: whichever thread drops it
   * last only frees plain data.  Its answer is handed to @task on this
   * thread, in judged_cb(). */
  judge_task = g_task_new (NULL, NULL, judged_cb, g_object_ref (task));
  g_task_set_source_tag (judge_task, finish_reading);
  g_task_set_name (judge_task, "[dossier] judge answer");
  g_task_set_task_data (judge_task, judgement, (GDestroyNotify) judgement_free);
  g_task_run_in_thread (judge_task, judge_thread);
}

static GError *
too_large_error_new (guint status)
{
  g_autofree char *text = NULL;

  text = g_strdup_printf (_("HrFlow’s answer is larger than %u MiB, which Dossier refuses to read. "
                            "Check the identifier, or ask your HrFlow administrator about this profile."),
                          (guint) (DOSSIER_MAX_BODY_SIZE / (1024 * 1024)));
  return http_error_new (DOSSIER_ERROR_TOO_LARGE, status, NULL, -1, text);
}

static void read_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data);

/* Reads the next part of the body into the free end of its buffer, growing
 * the buffer first when it is full, never past one byte over the limit:
 * that byte is how a body over the limit is noticed. */
static void
read_body (GTask *task)
{
  Request *request = g_task_get_task_data (task);

  if (request->body_length == request->body_capacity)
    {
      /* Never happens with libsoup, which reads no more than announced; if
       * it did, the followed buffer stays as it is for its follower, and
       * the body goes on in a buffer of its own. */
      if (request->followed_buffer != NULL)
        {
          request->body = g_memdup2 (request->body, request->body_length);
          g_clear_pointer (&request->followed_buffer, g_bytes_unref);
          g_clear_pointer (&request->validation, arriving_validation_free);
        }
      request->body_capacity = MIN (MAX (request->body_capacity * 2, READ_CHUNK_SIZE),
                                    request->limit + 1);
      request->body = g_realloc (request->body, request->body_capacity);
    }

  g_input_stream_read_async (request->stream,
                             request->body + request->body_length,
                             request->body_capacity - request->body_length,
                             G_PRIORITY_DEFAULT,
                             request->cancellable,
                             read_cb,
                             task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gssize n_read;

  n_read = g_input_stream_read_finish (G_INPUT_STREAM (object), result, &error);
  if (n_read < 0)
    {
      return_transport_error (task, error);
      return;
    }

  if (n_read == 0)
    {
      finish_reading (task);
      return;
    }

  request->body_length += n_read;
  if (request->followed_buffer != NULL && request->body_length <= request->announced_length)
    {
      if (request->validation != NULL)
        arriving_validation_update (request->validation, request->body_length);
      if (request->self->body_func != NULL)
        request->self->body_func (request->followed_buffer, request->body_length,
                                  request->announced_length, request->self->body_func_data);
    }
  if (request->body_length > request->limit)
    {
      if (!SOUP_STATUS_IS_SUCCESSFUL (request->status))
        {
          /* An error page is judged on what was read. */
          request->body_length -= n_read;
          finish_reading (task);
          return;
        }
      g_task_return_error (task, too_large_error_new (request->status));
      return;
    }

  read_body (g_steal_pointer (&task));
}

/* Follows a redirect to the same scheme, host and port; returns FALSE with
 * the task returned otherwise. */
static gboolean
follow_redirect (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->msg);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autofree char *text = NULL;

  if (location != NULL)
    target = g_uri_parse_relative (request->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

  if (target == NULL)
    {
      g_task_return_error (task, invalid_response_new (request->status,
                                                       /* Translators: completes “HrFlow’s answer
                                                        * could not be read: %s”; “it” is the answer. */
                                                       _("it redirects to an invalid address.")));
      return FALSE;
    }

  /* The credentials go to the API's host only: libsoup would forward
   * X-API-KEY to any host a redirect names. */
  if (g_strcmp0 (g_uri_get_scheme (target), g_uri_get_scheme (request->uri)) != 0 ||
      g_ascii_strcasecmp (g_uri_get_host (target) ? g_uri_get_host (target) : "",
                          g_uri_get_host (request->uri)) != 0 ||
      g_uri_get_port (target) != g_uri_get_port (request->uri))
    {
      /* Translators: the first %s is the API’s server name, the second the other server’s. */
      text = g_strdup_printf (_("The server %s tried to send Dossier to another address (%s). "
                                "Your credentials were not sent there. Check the API address."),
                              request->host,
                              g_uri_get_host (target) ? g_uri_get_host (target) : location);
      g_task_return_error (task, http_error_new (DOSSIER_ERROR_REDIRECTED, request->status,
                                                 NULL, -1, text));
      return FALSE;
    }

  if (++request->redirects > MAX_REDIRECTS)
    {
      text = g_strdup_printf (_("The server %s redirected the request too many times. "
                                "Check the API address."),
                              request->host);
      g_task_return_error (task, http_error_new (DOSSIER_ERROR_REDIRECTED, request->status,
                                                 NULL, -1, text));
      return FALSE;
    }

  g_clear_pointer (&request->uri, g_uri_unref);
  request->uri = g_steal_pointer (&target);
  return TRUE;
}

static gint64
parse_retry_after (SoupMessageHeaders *headers)
{
  const char *header = soup_message_headers_get_one (headers, "Retry-After");
  g_autofree char *value = NULL;
  guint64 seconds;

  if (header == NULL)
    return -1;

  value = g_strstrip (g_strdup (header));
  if (g_ascii_isdigit (*value))
    {
      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT32, &seconds, NULL))
        return (gint64) seconds;
      return -1;
    }

  /* The other form is an HTTP date. */
  {
    g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

    if (when == NULL)
      return -1;
    return MAX (0, g_date_time_difference (when, now) / G_TIME_SPAN_SECOND);
  }
}

#define HUGE_PAGE_SIZE (2 * 1024 * 1024)

/* The buffer a followed body is read into (see Request).  A large one is
 * put in memory the system may back with huge pages (Linux's transparent
 * huge pages, which are given on request): the kernel then maps it in a
 * few faults rather than one per 4 KiB page.  Reading 5 MB into fresh
 * memory took 2.1 ms of page faults in 4 KiB pages, 0.5 ms in 2 MiB ones,
 * on the benchmark machine. */
static GBytes *
new_followed_buffer (gsize    size,
                     guint8 **data)
{
#ifdef MADV_HUGEPAGE
  if (size >= HUGE_PAGE_SIZE)
    {
      guint8 *memory = g_aligned_alloc (1, size, HUGE_PAGE_SIZE);

      madvise (memory, size, MADV_HUGEPAGE);
      *data = memory;
      return g_bytes_new_with_free_func (memory, size, g_aligned_free, memory);
    }
#endif

  *data = g_malloc (size);
  return g_bytes_new_take (*data, size);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      return_transport_error (task, error);
      return;
    }

  request->status = soup_message_get_status (request->msg);
  headers = soup_message_get_response_headers (request->msg);

  if (SOUP_STATUS_IS_REDIRECTION (request->status) &&
      soup_message_headers_get_one (headers, "Location") != NULL)
    {
      /* The body of a redirect is not wanted; dropping the stream closes it. */
      g_clear_object (&stream);
      if (follow_redirect (task))
        send_message (g_steal_pointer (&task));
      return;
    }

  request->retry_after = parse_retry_after (headers);

  if (SOUP_STATUS_IS_SUCCESSFUL (request->status))
    {
      request->limit = DOSSIER_MAX_BODY_SIZE;
      /* Refused at once when the server announces it. */
      if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
          soup_message_headers_get_content_length (headers) > DOSSIER_MAX_BODY_SIZE)
        {
          g_task_return_error (task, too_large_error_new (request->status));
          return;
        }
    }
  else
    request->limit = ERROR_BODY_LIMIT;

  request->stream = g_steal_pointer (&stream);
  /* Sized once when the length is announced (one byte more, for the read
   * that meets the end): growing by doubling would copy a large profile
   * several times and, for a moment, hold it twice.  Not when the answer
   * is compressed: its length counts the compressed bytes, which libsoup
   * decodes.  Nor for a length below zero (libsoup hands over a negative
   * or overflowing Content-Length as it is): the body is then read to its
   * end. */
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_one (headers, "Content-Encoding") == NULL &&
      soup_message_headers_get_content_length (headers) >= 0 &&
      soup_message_headers_get_content_length (headers) <= (goffset) request->limit)
    {
      request->body_capacity = soup_message_headers_get_content_length (headers) + 1;
      if (request->kind == REQUEST_PROFILE_JSON && SOUP_STATUS_IS_SUCCESSFUL (request->status))
        {
          request->followed_buffer = new_followed_buffer (request->body_capacity, &request->body);
          request->announced_length = request->body_capacity - 1;
          request->validation = arriving_validation_new (request->followed_buffer,
                                                         request->announced_length);
        }
      else
        request->body = g_malloc (request->body_capacity);
    }

  read_body (g_steal_pointer (&task));
}

static void
send_message (GTask *task)
{
  Request *request = g_task_get_task_data (task);
  DossierClient *self = request->self;
  SoupMessageHeaders *headers;

  g_clear_object (&request->msg);
  request->msg = soup_message_new_from_uri (SOUP_METHOD_GET, request->uri);
  /* Redirects are judged here (follow_redirect()), never by libsoup. */
  soup_message_add_flags (request->msg, SOUP_MESSAGE_NO_REDIRECT);

  headers = soup_message_get_request_headers (request->msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  soup_message_headers_replace (headers, "X-API-KEY", self->api_key);
  soup_message_headers_replace (headers, "X-USER-EMAIL", self->user_email);

  /* The path only: the query holds a candidate's identifier. */
  g_debug ("GET %s%s", g_uri_get_host (request->uri), g_uri_get_path (request->uri));

  soup_session_send_async (self->session,
                           request->msg,
                           G_PRIORITY_DEFAULT,
                           request->cancellable,
                           send_cb,
                           task);
}

static void
user_cancelled_cb (GCancellable *user_cancellable,
                   GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static gboolean
timeout_cb (gpointer user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);

  request->timed_out = TRUE;
  g_clear_pointer (&request->timeout_source, g_source_unref);
  g_cancellable_cancel (request->cancellable);

  return G_SOURCE_REMOVE;
}

static void
start_request (DossierClient *self,
               GTask         *task,
               RequestKind    kind,
               char          *url)
{
  Request *request = g_new0 (Request, 1);
  g_autoptr(GError) error = NULL;

  request->self = g_object_ref (self);
  request->kind = kind;
  request->retry_after = -1;
  request->cancellable = g_cancellable_new ();
  request->host = g_strdup (g_uri_get_host (self->api_base_uri));
  request->timeout_seconds = self->request_timeout;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  request->uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, &error);
  g_free (url);
  if (request->uri == NULL)
    {
      /* Cannot happen with a validated base and escaped values. */
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                               _("The request address could not be built (%s). Check the API address."),
                               error->message);
      g_object_unref (task);
      return;
    }

  if (g_task_get_cancellable (task) != NULL)
    {
      request->user_cancellable = g_object_ref (g_task_get_cancellable (task));
      /* Runs at once when already cancelled. */
      request->user_cancelled_id = g_cancellable_connect (request->user_cancellable,
                                                          G_CALLBACK (user_cancelled_cb),
                                                          g_object_ref (request->cancellable),
                                                          g_object_unref);
    }

  if (self->request_timeout > 0)
    {
      request->timeout_source = g_timeout_source_new (self->request_timeout * 1000);
      g_source_set_name (request->timeout_source, "[dossier] request timeout");
      /* The source holds no reference on the task: the task owns it and
       * destroys it in request_free(). */
      g_source_set_callback (request->timeout_source, timeout_cb, task, NULL);
      g_source_attach (request->timeout_source, g_task_get_context (task));
    }

  send_message (task);
}

static void
get_profile (DossierClient         *self,
             RequestKind            request_kind,
             gpointer               source_tag,
             const char            *source_key,
             DossierIdentifierKind  kind,
             const char            *identifier,
             GCancellable          *cancellable,
             GAsyncReadyCallback    callback,
             gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *source_escaped = NULL;
  g_autofree char *identifier_escaped = NULL;
  const char *kind_name;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_name (task, "[dossier] get profile");

  kind_name = dossier_identifier_kind_to_string (kind);
  if (kind_name == NULL)
    {
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                               "%s", _("Choose whether to look the candidate up by key, reference or email."));
      return;
    }
  if (source_key == NULL || *source_key == '\0')
    {
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                               "%s", _("No source was given. Enter the key of the HrFlow source that holds the profile."));
      return;
    }
  if (identifier == NULL || *identifier == '\0')
    {
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                               "%s", _("No identifier was given. Enter the candidate’s key, reference or email."));
      return;
    }

  /* Every value is escaped, reserved characters included: "+" would read
   * as a space, "&" and "=" would start another parameter. */
  source_escaped = g_uri_escape_string (source_key, NULL, FALSE);
  identifier_escaped = g_uri_escape_string (identifier, NULL, FALSE);

  start_request (self, g_steal_pointer (&task), request_kind,
                 g_strconcat (self->api_base, "/profile/indexing",
                              "?source_key=", source_escaped,
                              "&", kind_name, "=", identifier_escaped,
                              NULL));
}

void
dossier_client_get_profile_async (DossierClient         *self,
                                  const char            *source_key,
                                  DossierIdentifierKind  kind,
                                  const char            *identifier,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  g_return_if_fail (DOSSIER_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  get_profile (self, REQUEST_PROFILE, dossier_client_get_profile_async,
               source_key, kind, identifier, cancellable, callback, user_data);
}

DossierProfile *
dossier_client_get_profile_finish (DossierClient  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_client_get_profile_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
dossier_client_get_profile_json_async (DossierClient         *self,
                                       const char            *source_key,
                                       DossierIdentifierKind  kind,
                                       const char            *identifier,
                                       GCancellable          *cancellable,
                                       GAsyncReadyCallback    callback,
                                       gpointer               user_data)
{
  g_return_if_fail (DOSSIER_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  get_profile (self, REQUEST_PROFILE_JSON, dossier_client_get_profile_json_async,
               source_key, kind, identifier, cancellable, callback, user_data);
}

GBytes *
dossier_client_get_profile_json_finish (DossierClient  *self,
                                        GAsyncResult   *result,
                                        GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_client_get_profile_json_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
dossier_client_set_body_func (DossierClient   *self,
                              DossierBodyFunc  func,
                              gpointer         user_data)
{
  g_return_if_fail (DOSSIER_IS_CLIENT (self));

  self->body_func = func;
  self->body_func_data = user_data;
}

void
dossier_client_check_auth_async (DossierClient       *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_CLIENT (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_client_check_auth_async);
  g_task_set_name (task, "[dossier] check auth");

  start_request (self, g_steal_pointer (&task), REQUEST_AUTH,
                 g_strconcat (self->api_base, "/auth", NULL));
}

DossierAuthInfo *
dossier_client_check_auth_finish (DossierClient  *self,
                                  GAsyncResult   *result,
                                  GError        **error)
{
  g_return_val_if_fail (DOSSIER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_client_check_auth_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
