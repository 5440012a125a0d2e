/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-fake-server.h"

#include "dossier-error.h"
#include "dossier-json-text.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

/* What the streamed faults send. */
#define HUGE_BODY_SIZE    (64 * 1024 * 1024)
#define HUGE_CHUNK_SIZE   (256 * 1024)
#define STALL_BODY_SIZE   (64 * 1024)
#define DEEP_LEVELS       100000

#define ENVELOPE_PREFIX   "{\"code\":200,\"message\":\"Profile details\",\"data\":"
#define ENVELOPE_SUFFIX   "}"

typedef struct
{
  GBytes *data;
  char   *key;
  char   *reference;
  char   *email;
} Profile;

typedef struct
{
  char *user_email;
  char *api_key;
  char *permission;
  char *team_name;
} Account;

typedef struct
{
  GBytes *contents;
  char   *content_type;
} File;

struct _DossierFakeServer
{
  GObject parent_instance;

  SoupServer         *server;
  guint               port;
  char               *base_url;
  char               *api_base;

  GPtrArray          *accounts;
  /* source key → GPtrArray of Profile */
  GHashTable         *sources;
  /* path → File */
  GHashTable         *files;

  DossierFakeFault    fault;
  char               *redirect_target;

  guint               request_count;
  guint               file_request_count;
  guint               file_requests_with_credentials;
  GHashTable         *last_query;
  SoupMessageHeaders *last_headers;
  char               *last_path;
};

G_DEFINE_FINAL_TYPE (DossierFakeServer, dossier_fake_server, G_TYPE_OBJECT)

static void
profile_free (Profile *profile)
{
  g_bytes_unref (profile->data);
  g_free (profile->key);
  g_free (profile->reference);
  g_free (profile->email);
  g_free (profile);
}

static void
account_free (Account *account)
{
  g_free (account->user_email);
  g_free (account->api_key);
  g_free (account->permission);
  g_free (account->team_name);
  g_free (account);
}

static void
file_free (File *file)
{
  g_bytes_unref (file->contents);
  g_free (file->content_type);
  g_free (file);
}

static void
dossier_fake_server_dispose (GObject *object)
{
  DossierFakeServer *self = DOSSIER_FAKE_SERVER (object);

  if (self->server != NULL)
    soup_server_disconnect (self->server);
  g_clear_object (&self->server);

  G_OBJECT_CLASS (dossier_fake_server_parent_class)->dispose (object);
}

static void
dossier_fake_server_finalize (GObject *object)
{
  DossierFakeServer *self = DOSSIER_FAKE_SERVER (object);

  g_free (self->base_url);
  g_free (self->api_base);
  g_ptr_array_unref (self->accounts);
  g_hash_table_unref (self->sources);
  g_hash_table_unref (self->files);
  g_free (self->redirect_target);
  g_clear_pointer (&self->last_query, g_hash_table_unref);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_free (self->last_path);

  G_OBJECT_CLASS (dossier_fake_server_parent_class)->finalize (object);
}

static void
dossier_fake_server_class_init (DossierFakeServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_fake_server_dispose;
  object_class->finalize = dossier_fake_server_finalize;
}

static void
dossier_fake_server_init (DossierFakeServer *self)
{
  self->accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) account_free);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_ptr_array_unref);
  self->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) file_free);
}

DossierFakeServer *
dossier_fake_server_new (void)
{
  return g_object_new (DOSSIER_TYPE_FAKE_SERVER, NULL);
}

/* Answers */

static void
respond_bytes (SoupServerMessage *msg,
               guint              status,
               const char        *content_type,
               GBytes            *prefix,
               GBytes            *middle,
               GBytes            *suffix)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  goffset length = 0;

  soup_server_message_set_status (msg, status, NULL);
  if (content_type != NULL)
    soup_message_headers_replace (headers, "Content-Type", content_type);

  /* Appended piece by piece: the profile's bytes are spliced in as they
   * are stored, never re-serialised. */
  if (prefix != NULL && g_bytes_get_size (prefix) > 0)
    {
      soup_message_body_append_bytes (body, prefix);
      length += g_bytes_get_size (prefix);
    }
  if (middle != NULL && g_bytes_get_size (middle) > 0)
    {
      soup_message_body_append_bytes (body, middle);
      length += g_bytes_get_size (middle);
    }
  if (suffix != NULL && g_bytes_get_size (suffix) > 0)
    {
      soup_message_body_append_bytes (body, suffix);
      length += g_bytes_get_size (suffix);
    }

  soup_message_headers_set_content_length (headers, length);
  soup_message_body_complete (body);
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              const char        *content_type,
              const char        *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  respond_bytes (msg, status, content_type, bytes, NULL, NULL);
}

/* An HrFlow error envelope: {"code": N, "message": "..."}. */
static void
respond_api_error (SoupServerMessage *msg,
                   guint              status,
                   const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, status);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  respond_text (msg, status, "application/json", text);
}

static void
respond_profile (SoupServerMessage *msg,
                 GBytes            *data)
{
  static const char prefix[] = ENVELOPE_PREFIX;
  static const char suffix[] = ENVELOPE_SUFFIX;
  g_autoptr(GBytes) prefix_bytes = g_bytes_new_static (prefix, sizeof prefix - 1);
  g_autoptr(GBytes) suffix_bytes = g_bytes_new_static (suffix, sizeof suffix - 1);

  respond_bytes (msg, SOUP_STATUS_OK, "application/json", prefix_bytes, data, suffix_bytes);
}

/* Streamed answers: the body is appended a chunk at a time from
 * "wrote-chunk", so that 64 MiB never sit in memory at once. */

typedef struct
{
  gsize remaining;
  gboolean stall;
} Stream;

static const char *
filler_chunk (void)
{
  static char *chunk;

  if (g_once_init_enter (&chunk))
    {
      char *filler = g_malloc (HUGE_CHUNK_SIZE);

      memset (filler, 'x', HUGE_CHUNK_SIZE);
      g_once_init_leave (&chunk, filler);
    }
  return chunk;
}

static void
wrote_chunk_cb (SoupServerMessage *msg,
                guint              chunk_size,
                Stream            *stream)
{
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  gsize size;

  if (stream->stall)
    return;   /* Nothing more, ever: the client must give up by itself. */

  if (stream->remaining == 0)
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, "\"}}", 3);
      soup_message_body_complete (body);
      stream->stall = TRUE;   /* Done: ignore the last chunks' signals. */
      return;
    }

  size = MIN (stream->remaining, HUGE_CHUNK_SIZE);
  stream->remaining -= size;
  soup_message_body_append (body, SOUP_MEMORY_STATIC, filler_chunk (), size);
}

static void
respond_streamed (SoupServerMessage *msg,
                  gsize              filler_size,
                  gboolean           stall)
{
  static const char prefix[] = ENVELOPE_PREFIX "{\"text\":\"";
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  SoupMessageBody *body = soup_server_message_get_response_body (msg);
  Stream *stream = g_new0 (Stream, 1);

  stream->remaining = filler_size;
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (headers, "Content-Type", "application/json");
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  /* What is written is dropped at once. */
  soup_message_body_set_accumulate (body, FALSE);
  soup_message_body_append (body, SOUP_MEMORY_STATIC, prefix, sizeof prefix - 1);

  if (stall)
    {
      soup_message_body_append (body, SOUP_MEMORY_STATIC, filler_chunk (), filler_size);
      stream->stall = TRUE;
    }

  g_object_set_data_full (G_OBJECT (msg), "dossier-fake-stream", stream, g_free);
  g_signal_connect (msg, "wrote-chunk", G_CALLBACK (wrote_chunk_cb), stream);
}

static void
respond_deep (SoupServerMessage *msg)
{
  static const char prefix[] = ENVELOPE_PREFIX "{\"deep\":";
  GString *text = g_string_sized_new (2 * DEEP_LEVELS + 100);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append (text, prefix);
  for (guint i = 0; i < DEEP_LEVELS; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < DEEP_LEVELS; i++)
    g_string_append_c (text, ']');
  g_string_append (text, "}}");

  bytes = g_string_free_to_bytes (text);
  respond_bytes (msg, SOUP_STATUS_OK, "application/json", bytes, NULL, NULL);
}

static void
reset_connection (SoupServerMessage *msg)
{
  g_autoptr(GIOStream) connection = soup_server_message_steal_connection (msg);
  GSocket *socket = NULL;

  /* Closed with no answer at all, as a crashing proxy would. */
  if (G_IS_SOCKET_CONNECTION (connection))
    socket = g_socket_connection_get_socket (G_SOCKET_CONNECTION (connection));
  if (socket != NULL)
    g_socket_close (socket, NULL);
  if (connection != NULL)
    g_io_stream_close (connection, NULL, NULL);
}

/* Returns TRUE when the fault answered @msg. */
static gboolean
apply_fault (DossierFakeServer *self,
             SoupServerMessage *msg)
{
  static const char proxy_page[] =
    "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n"
    "<body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>\n";

  switch (self->fault)
    {
    case DOSSIER_FAKE_FAULT_NONE:
      return FALSE;

    case DOSSIER_FAKE_FAULT_UNAUTHORIZED:
      respond_api_error (msg, 401, "Unauthorized. Invalid secret key: xxxxx ");
      return TRUE;

    case DOSSIER_FAKE_FAULT_SOURCE_FORBIDDEN:
      respond_api_error (msg, 403, "Unauthorized Access to source key: xxxxx");
      return TRUE;

    case DOSSIER_FAKE_FAULT_QUOTA:
      respond_api_error (msg, 402, "Payment required: the quota of this workspace is used up");
      return TRUE;

    case DOSSIER_FAKE_FAULT_RATE_LIMITED:
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", "30");
      respond_api_error (msg, 429, "Too many requests");
      return TRUE;

    case DOSSIER_FAKE_FAULT_SERVER_ERROR:
      respond_api_error (msg, 500, "Internal server error");
      return TRUE;

    case DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML:
      respond_text (msg, 502, "text/html", proxy_page);
      return TRUE;

    case DOSSIER_FAKE_FAULT_EMPTY_BODY:
      respond_text (msg, SOUP_STATUS_OK, "application/json", "");
      return TRUE;

    case DOSSIER_FAKE_FAULT_TRUNCATED_BODY:
      respond_text (msg, SOUP_STATUS_OK, "application/json",
                    "{\"code\":200,\"message\":\"Profile details\",\"data\":{\"key\":\"0123\",\"info\":{\"full_name\":\"Ja");
      return TRUE;

    case DOSSIER_FAKE_FAULT_NOT_JSON:
      respond_text (msg, SOUP_STATUS_OK, "text/html",
                    "<!DOCTYPE html>\n<html><body><p>Welcome to HrFlow</p></body></html>\n");
      return TRUE;

    case DOSSIER_FAKE_FAULT_INVALID_UTF8:
      respond_text (msg, SOUP_STATUS_OK, "application/json",
                    "{\"code\":200,\"message\":\"Profile details\",\"data\":{\"key\":\"0123\","
                    "\"info\":{\"full_name\":\"Jos\xe9 \xff\xfe\"}}}");
      return TRUE;

    case DOSSIER_FAKE_FAULT_NO_DATA:
      respond_text (msg, SOUP_STATUS_OK, "application/json",
                    "{\"code\":200,\"message\":\"Profile details\"}");
      return TRUE;

    case DOSSIER_FAKE_FAULT_DATA_NULL:
      respond_text (msg, SOUP_STATUS_OK, "application/json",
                    "{\"code\":200,\"message\":\"Profile details\",\"data\":null}");
      return TRUE;

    case DOSSIER_FAKE_FAULT_DATA_NOT_OBJECT:
      respond_text (msg, SOUP_STATUS_OK, "application/json",
                    "{\"code\":200,\"message\":\"Profile details\",\"data\":[]}");
      return TRUE;

    case DOSSIER_FAKE_FAULT_HUGE_BODY:
      respond_streamed (msg, HUGE_BODY_SIZE, FALSE);
      return TRUE;

    case DOSSIER_FAKE_FAULT_DEEP_NESTING:
      respond_deep (msg);
      return TRUE;

    case DOSSIER_FAKE_FAULT_STALL:
      respond_streamed (msg, STALL_BODY_SIZE, TRUE);
      return TRUE;

    case DOSSIER_FAKE_FAULT_RESET:
      reset_connection (msg);
      return TRUE;

    case DOSSIER_FAKE_FAULT_REDIRECT:
      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND,
                                        self->redirect_target != NULL
                                          ? self->redirect_target
                                          : "http://127.0.0.1:9/v1/profile/indexing");
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Requests */

static void
record_request (DossierFakeServer *self,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeadersIter iter;
  const char *name, *value;

  self->request_count++;

  g_clear_pointer (&self->last_path, g_free);
  self->last_path = g_strdup (path);

  g_clear_pointer (&self->last_query, g_hash_table_unref);
  self->last_query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (query != NULL)
    {
      GHashTableIter query_iter;
      gpointer key, val;

      g_hash_table_iter_init (&query_iter, query);
      while (g_hash_table_iter_next (&query_iter, &key, &val))
        g_hash_table_insert (self->last_query, g_strdup (key), g_strdup (val));
    }

  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    soup_message_headers_append (self->last_headers, name, value);
}

/* How many of key, reference and email the raw query names, repeated
 * names included (a decoded table would hide a repetition). */
static guint
count_identifiers (SoupServerMessage *msg)
{
  const char *raw = g_uri_get_query (soup_server_message_get_uri (msg));
  g_auto(GStrv) pairs = NULL;
  guint count = 0;

  if (raw == NULL)
    return 0;

  pairs = g_strsplit (raw, "&", -1);
  for (guint i = 0; pairs[i] != NULL; i++)
    {
      g_autofree char *name = NULL;
      const char *equal = strchr (pairs[i], '=');

      name = g_uri_unescape_segment (pairs[i], equal, NULL);
      if (g_strcmp0 (name, "key") == 0 ||
          g_strcmp0 (name, "reference") == 0 ||
          g_strcmp0 (name, "email") == 0)
        count++;
    }

  return count;
}

/* The account the headers name, or NULL (any non-empty pair is accepted
 * when no account was declared). */
static const Account *
find_account (DossierFakeServer *self,
              SoupServerMessage *msg)
{
  static const Account demo = { NULL, NULL, (char *) "all", (char *) "Dossier demo" };
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *key = soup_message_headers_get_one (headers, "X-API-KEY");
  const char *email = soup_message_headers_get_one (headers, "X-USER-EMAIL");

  if (key == NULL || *key == '\0' || email == NULL || *email == '\0')
    return NULL;

  if (self->accounts->len == 0)
    return &demo;

  for (guint i = 0; i < self->accounts->len; i++)
    {
      const Account *account = g_ptr_array_index (self->accounts, i);

      if (g_strcmp0 (account->api_key, key) == 0 &&
          g_ascii_strcasecmp (account->user_email, email) == 0)
        return account;
    }

  return NULL;
}

static void
handle_auth (DossierFakeServer *self,
             SoupServerMessage *msg,
             const Account     *account)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *subdomain = g_ascii_strdown (account->team_name, -1);

  g_strdelimit (subdomain, " ", '-');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_int_value (builder, 200);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, "Authentication succeeded");
  json_builder_set_member_name (builder, "data");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "team_name");
  json_builder_add_string_value (builder, account->team_name);
  json_builder_set_member_name (builder, "team_subdomain");
  json_builder_add_string_value (builder, subdomain);
  json_builder_set_member_name (builder, "request_origin");
  json_builder_add_string_value (builder, "api");
  json_builder_set_member_name (builder, "api_key_permission");
  json_builder_add_string_value (builder, account->permission);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  respond_text (msg, SOUP_STATUS_OK, "application/json", text);
}

static void
handle_profile (DossierFakeServer *self,
                SoupServerMessage *msg,
                const Account     *account,
                GHashTable        *query)
{
  const char *source_key = query != NULL ? g_hash_table_lookup (query, "source_key") : NULL;
  GPtrArray *profiles;
  const char *field = NULL;
  const char *wanted = NULL;

  if (g_strcmp0 (account->permission, "write") == 0)
    {
      respond_api_error (msg, 401, "Unauthorized. Invalid secret key: xxxxx for permission: write");
      return;
    }

  if (source_key == NULL || *source_key == '\0' ||
      (profiles = g_hash_table_lookup (self->sources, source_key)) == NULL)
    {
      respond_api_error (msg, 400, "Invalid source fields");
      return;
    }

  if (count_identifiers (msg) != 1)
    {
      respond_api_error (msg, 400, "Invalid parameters. Send exactly one of key, reference or email");
      return;
    }

  if ((wanted = g_hash_table_lookup (query, "key")) != NULL)
    field = "key";
  else if ((wanted = g_hash_table_lookup (query, "reference")) != NULL)
    field = "reference";
  else
    {
      wanted = g_hash_table_lookup (query, "email");
      field = "email";
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      const Profile *profile = g_ptr_array_index (profiles, i);
      const char *value;

      if (g_str_equal (field, "key"))
        value = profile->key;
      else if (g_str_equal (field, "reference"))
        value = profile->reference;
      else
        value = profile->email;

      if (value != NULL && *value != '\0' && g_strcmp0 (value, wanted) == 0)
        {
          respond_profile (msg, profile->data);
          return;
        }
    }

  /* The real service says 400 here, not 404. */
  respond_api_error (msg, 400, "Unable to find object: profile");
}

static void
handle_file (DossierFakeServer *self,
             SoupServerMessage *msg,
             const char        *path)
{
  const File *file;

  if (g_str_has_prefix (path, "/files/redirect/"))
    {
      if (self->redirect_target != NULL)
        soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, self->redirect_target);
      else
        respond_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "Not found\n");
      return;
    }

  file = g_hash_table_lookup (self->files, path);
  if (file == NULL)
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "Not found\n");
      return;
    }

  respond_bytes (msg, SOUP_STATUS_OK, file->content_type, file->contents, NULL, NULL);
}

static void
handler_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  DossierFakeServer *self = user_data;
  const Account *account;

  if (g_str_has_prefix (path, "/files/"))
    {
      SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

      self->file_request_count++;
      if (soup_message_headers_get_one (headers, "X-API-KEY") != NULL ||
          soup_message_headers_get_one (headers, "X-USER-EMAIL") != NULL)
        self->file_requests_with_credentials++;

      if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_GET) != 0 &&
          g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_HEAD) != 0)
        soup_server_message_set_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, NULL);
      else
        handle_file (self, msg, path);
      return;
    }

  if (!g_str_has_prefix (path, "/v1/"))
    {
      respond_text (msg, SOUP_STATUS_NOT_FOUND, "text/plain", "Not found\n");
      return;
    }

  record_request (self, msg, path, query);

  if (apply_fault (self, msg))
    return;

  if (g_strcmp0 (soup_server_message_get_method (msg), SOUP_METHOD_GET) != 0)
    {
      respond_api_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "Method not allowed");
      return;
    }

  account = find_account (self, msg);
  if (account == NULL)
    {
      /* The real service masks the key it refuses. */
      respond_api_error (msg, 401, "Unauthorized. Invalid secret key: xxxxx ");
      return;
    }

  if (g_str_equal (path, "/v1/auth"))
    handle_auth (self, msg, account);
  else if (g_str_equal (path, "/v1/profile/indexing"))
    handle_profile (self, msg, account, query);
  else
    respond_api_error (msg, SOUP_STATUS_NOT_FOUND, "Not found");
}

/* Public API */

gboolean
dossier_fake_server_start (DossierFakeServer  *self,
                           guint               port,
                           GError            **error)
{
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);

  server = soup_server_new ("server-header", "dossier-fake-hrflow ", NULL);
  soup_server_add_handler (server, NULL, handler_cb, self, NULL);

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, port);
  if (!soup_server_listen (server, address, 0, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  if (uris != NULL)
    self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->server = g_steal_pointer (&server);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  self->api_base = g_strdup_printf ("http://127.0.0.1:%u/v1", self->port);

  return TRUE;
}

const char *
dossier_fake_server_get_api_base (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), NULL);
  return self->api_base;
}

const char *
dossier_fake_server_get_base_url (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), NULL);
  return self->base_url;
}

guint
dossier_fake_server_get_port (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), 0);
  return self->port;
}

void
dossier_fake_server_add_account (DossierFakeServer *self,
                                 const char        *user_email,
                                 const char        *api_key,
                                 const char        *permission,
                                 const char        *team_name)
{
  Account *account;

  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));
  g_return_if_fail (user_email != NULL && api_key != NULL);

  account = g_new0 (Account, 1);
  account->user_email = g_strdup (user_email);
  account->api_key = g_strdup (api_key);
  account->permission = g_strdup (permission != NULL ? permission : "all");
  account->team_name = g_strdup (team_name != NULL ? team_name : "Dossier demo");
  g_ptr_array_add (self->accounts, account);
}

static GPtrArray *
ensure_source (DossierFakeServer *self,
               const char        *source_key)
{
  GPtrArray *profiles = g_hash_table_lookup (self->sources, source_key);

  if (profiles == NULL)
    {
      profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) profile_free);
      g_hash_table_insert (self->sources, g_strdup (source_key), profiles);
    }
  return profiles;
}

static char *
dup_string (JsonObject *object,
            const char *name)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, name)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

void
dossier_fake_server_add_profile (DossierFakeServer  *self,
                                 const char         *source_key,
                                 GBytes             *data,
                                 GError            **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  JsonObject *object, *info = NULL;
  JsonNode *root, *info_node;
  Profile *profile;
  gsize size;
  const char *text;

  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));
  g_return_if_fail (source_key != NULL);
  g_return_if_fail (data != NULL);

  /* The served profiles are the project's own fixtures, but a folder given
   * on the command line may hold anything: stay clear of json-glib's stack
   * overflow on deep input. */
  text = g_bytes_get_data (data, &size);
  if (size > DOSSIER_MAX_BODY_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The profile is larger than %u MiB."),
                   (guint) (DOSSIER_MAX_BODY_SIZE / (1024 * 1024)));
      return;
    }
  if (!dossier_json_check_depth (text, size, DOSSIER_MAX_JSON_DEPTH, error))
    return;

  if (!json_parser_load_from_data (parser, text, size, &parse_error))
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_FILE_INVALID,
                   _("The profile is not valid JSON: %s"), parse_error->message);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_FILE_INVALID,
                           _("The profile is not a JSON object."));
      return;
    }

  object = json_node_get_object (root);
  info_node = json_object_get_member (object, "info");
  if (info_node != NULL && JSON_NODE_HOLDS_OBJECT (info_node))
    info = json_node_get_object (info_node);

  profile = g_new0 (Profile, 1);
  profile->data = g_bytes_ref (data);
  profile->key = dup_string (object, "key");
  profile->reference = dup_string (object, "reference");
  profile->email = dup_string (info, "email");
  g_ptr_array_add (ensure_source (self, source_key), profile);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

gboolean
dossier_fake_server_add_profiles_from_directory (DossierFakeServer  *self,
                                                 const char         *source_key,
                                                 GFile              *directory,
                                                 GError            **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (directory), FALSE);

  enumerator = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return FALSE;

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  /* A stable order, whatever the file system says. */
  g_ptr_array_sort (names, compare_names);

  ensure_source (self, source_key);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (directory, g_ptr_array_index (names, i));
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local_error = NULL;

      bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
      if (bytes != NULL)
        dossier_fake_server_add_profile (self, source_key, bytes, &local_error);

      if (local_error != NULL)
        {
          g_autofree char *path = g_file_get_parse_name (file);

          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not serve “%s”: "), path);
          return FALSE;
        }
    }

  return TRUE;
}

void
dossier_fake_server_add_source (DossierFakeServer *self,
                                const char        *source_key)
{
  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));
  g_return_if_fail (source_key != NULL);

  ensure_source (self, source_key);
}

void
dossier_fake_server_add_file (DossierFakeServer *self,
                              const char        *path,
                              GBytes            *contents,
                              const char        *content_type)
{
  File *file;

  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));
  g_return_if_fail (path != NULL && g_str_has_prefix (path, "/files/"));
  g_return_if_fail (contents != NULL);

  file = g_new0 (File, 1);
  file->contents = g_bytes_ref (contents);
  file->content_type = g_strdup (content_type != NULL ? content_type : "application/octet-stream");
  g_hash_table_replace (self->files, g_strdup (path), file);
}

void
dossier_fake_server_set_fault (DossierFakeServer *self,
                               DossierFakeFault   fault)
{
  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));
  self->fault = fault;
}

void
dossier_fake_server_set_redirect_target (DossierFakeServer *self,
                                         const char        *url)
{
  g_return_if_fail (DOSSIER_IS_FAKE_SERVER (self));

  g_free (self->redirect_target);
  self->redirect_target = g_strdup (url);
}

guint
dossier_fake_server_get_request_count (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), 0);
  return self->request_count;
}

GHashTable *
dossier_fake_server_get_last_query (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), NULL);
  return self->last_query;
}

SoupMessageHeaders *
dossier_fake_server_get_last_headers (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), NULL);
  return self->last_headers;
}

const char *
dossier_fake_server_get_last_path (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), NULL);
  return self->last_path;
}

guint
dossier_fake_server_get_file_request_count (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), 0);
  return self->file_request_count;
}

guint
dossier_fake_server_get_file_requests_with_credentials (DossierFakeServer *self)
{
  g_return_val_if_fail (DOSSIER_IS_FAKE_SERVER (self), 0);
  return self->file_requests_with_credentials;
}
