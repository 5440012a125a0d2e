/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-picture-loader.h"

#include "dossier-error.h"

#include <string.h>

#include <glib/gi18n.h>

/* How many decoded pictures the run keeps in memory: enough for every
 * profile a recruiter opens in a session, bounded so that a long session
 * does not grow without limit. */
#define MEMORY_CACHE_ENTRIES 128
#define READ_CHUNK_SIZE      (64 * 1024)

struct _DossierPictureLoader
{
  GObject      parent_instance;

  SoupSession *session;
  GFile       *cache_dir;

  /* "SIZE URL" → CacheEntry, and the same keys oldest first. */
  GHashTable  *results;
  GQueue       result_order;

  /* "SIZE URL" → Fetch, the loads in flight that new requests join. */
  GHashTable  *pending;
};

G_DEFINE_FINAL_TYPE (DossierPictureLoader, dossier_picture_loader, G_TYPE_OBJECT)

typedef struct
{
  GdkPixbuf *pixbuf;
  GError    *error;
} CacheEntry;

typedef struct
{
  GTask        *task;
  GCancellable *cancellable;
  gulong        cancelled_id;
} Waiter;

/* One load shared by every request for the same URL and size. */
typedef struct
{
  DossierPictureLoader *loader;
  char                 *key;
  int                   size_px;
  GCancellable         *cancellable;
  GPtrArray            *waiters;
  GFile                *cache_file;
  GUri                 *uri;
  guint                 redirects;
  GInputStream         *stream;
  GByteArray           *body;
} Fetch;

typedef struct
{
  GBytes *bytes;        /* NULL: read the disk cache */
  GFile  *cache_file;   /* nullable */
  int     size_px;
} DecodeJob;

static void fetch_download (Fetch *fetch);

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_clear_object (&entry->pixbuf);
  g_clear_error (&entry->error);
  g_free (entry);
}

static void
waiter_free (gpointer data)
{
  Waiter *waiter = data;

  if (waiter->cancelled_id != 0)
    g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
  g_clear_object (&waiter->cancellable);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_pointer (&fetch->waiters, g_ptr_array_unref);
  g_clear_object (&fetch->cancellable);
  g_clear_object (&fetch->cache_file);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_clear_pointer (&fetch->key, g_free);
  g_clear_object (&fetch->loader);
  g_free (fetch);
}

static void
decode_job_free (gpointer data)
{
  DecodeJob *job = data;

  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->cache_file);
  g_free (job);
}

static void
dossier_picture_loader_dispose (GObject *object)
{
  DossierPictureLoader *self = DOSSIER_PICTURE_LOADER (object);

  /* Every fetch holds a reference to the loader, so none is pending here. */
  g_clear_object (&self->session);
  g_clear_object (&self->cache_dir);

  G_OBJECT_CLASS (dossier_picture_loader_parent_class)->dispose (object);
}

static void
dossier_picture_loader_finalize (GObject *object)
{
  DossierPictureLoader *self = DOSSIER_PICTURE_LOADER (object);

  g_clear_pointer (&self->results, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_queue_clear_full (&self->result_order, g_free);

  G_OBJECT_CLASS (dossier_picture_loader_parent_class)->finalize (object);
}

static void
dossier_picture_loader_class_init (DossierPictureLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_picture_loader_dispose;
  object_class->finalize = dossier_picture_loader_finalize;
}

static void
dossier_picture_loader_init (DossierPictureLoader *self)
{
  self->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cache_entry_free);
  self->pending = g_hash_table_new (g_str_hash, g_str_equal);
  g_queue_init (&self->result_order);
}

/**
 * dossier_picture_loader_new:
 * @session: the application's session
 * @cache_dir: (nullable): where to keep downloaded pictures, or %NULL for
 *   no disk cache
 */
DossierPictureLoader *
dossier_picture_loader_new (SoupSession *session,
                            GFile       *cache_dir)
{
  DossierPictureLoader *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (cache_dir == NULL || G_IS_FILE (cache_dir), NULL);

  self = g_object_new (DOSSIER_TYPE_PICTURE_LOADER, NULL);
  self->session = g_object_ref (session);
  self->cache_dir = cache_dir ? g_object_ref (cache_dir) : NULL;

  return self;
}

GFile *
dossier_picture_loader_get_cache_dir (DossierPictureLoader *self)
{
  g_return_val_if_fail (DOSSIER_IS_PICTURE_LOADER (self), NULL);

  return self->cache_dir;
}

/* Decoding */

typedef struct
{
  int      size_px;
  gboolean too_large;
} SizeCheck;

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  SizeCheck       *check)
{
  int longest;

  /* The header is all that has been read: refuse a picture that would need
   * more memory than an avatar deserves before a single row is decoded.
   * set_size (0, 0) makes the PNG loader stop at once. */
  if (width <= 0 || height <= 0 ||
      width > DOSSIER_PICTURE_MAX_SIDE || height > DOSSIER_PICTURE_MAX_SIDE ||
      (gint64) width * height > DOSSIER_PICTURE_MAX_PIXELS)
    {
      check->too_large = TRUE;
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }

  /* JPEG decodes directly at (about) this size, saving time and memory. */
  longest = MAX (width, height);
  if (longest > check->size_px)
    gdk_pixbuf_loader_set_size (loader,
                                MAX (1, (int) ((gint64) width * check->size_px / longest)),
                                MAX (1, (int) ((gint64) height * check->size_px / longest)));
}

/* Only the formats of photographs on the web: gdk-pixbuf has loaders for
 * many old formats whose code has seen less scrutiny, and a picture URL can
 * serve anything.  GIF is left out too: fuzzing found that gdk-pixbuf
 * 2.42's GIF loader raises criticals on frames of width 0, and a
 * candidate's photograph is not a GIF. */
static const char *
sniff_image_type (const guint8 *data,
                  gsize         size)
{
  if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (size >= 3 && memcmp (data, "\xff\xd8\xff", 3) == 0)
    return "jpeg";
  if (size >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  return NULL;
}

static void
set_not_an_image (GError **error)
{
  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE,
                       _("The picture is not an image Dossier can show."));
}

static void
set_too_many_pixels (GError **error)
{
  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                       _("The picture has too many pixels to be shown safely."));
}

GdkPixbuf *
dossier_picture_decode (GBytes  *bytes,
                        int      size_px,
                        GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GError) local_error = NULL;
  const guint8 *data;
  const char *type;
  SizeCheck check = { size_px, FALSE };
  GdkPixbuf *pixbuf;
  gsize size;
  gsize offset = 0;
  gboolean ok = TRUE;
  int width, height, longest;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (size_px > 0, NULL);

  data = g_bytes_get_data (bytes, &size);
  type = sniff_image_type (data, size);
  if (type == NULL)
    {
      set_not_an_image (error);
      return NULL;
    }

  loader = gdk_pixbuf_loader_new_with_type (type, NULL);
  if (loader == NULL)
    {
      set_not_an_image (error);
      return NULL;
    }
  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), &check);

  /* Feed the loader in chunks so that a refusal in size-prepared stops the
   * work after the header instead of after the whole body. */
  while (ok && offset < size && !check.too_large)
    {
      gsize chunk = MIN (size - offset, READ_CHUNK_SIZE);

      ok = gdk_pixbuf_loader_write (loader, data + offset, chunk, &local_error);
      offset += chunk;
    }

  /* A loader must always be closed; its verdict matters only when the
   * writes went well. */
  if (ok && !check.too_large)
    ok = gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (check.too_large)
    {
      set_too_many_pixels (error);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (!ok || pixbuf == NULL)
    {
      set_not_an_image (error);
      return NULL;
    }

  /* Cameras store JPEGs sideways with an EXIF orientation tag. */
  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  if (oriented == NULL)
    {
      set_not_an_image (error);
      return NULL;
    }

  width = gdk_pixbuf_get_width (oriented);
  height = gdk_pixbuf_get_height (oriented);
  longest = MAX (width, height);
  if (longest <= size_px)
    return g_steal_pointer (&oriented);

  return gdk_pixbuf_scale_simple (oriented,
                                  MAX (1, (int) ((gint64) width * size_px / longest)),
                                  MAX (1, (int) ((gint64) height * size_px / longest)),
                                  GDK_INTERP_BILINEAR);
}

/* Reads at most DOSSIER_PICTURE_MAX_BYTES of @file; NULL when it is
 * missing, unreadable or larger. */
static GBytes *
read_cache_file (GFile        *file,
                 GCancellable *cancellable)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();

  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;

  for (;;)
    {
      g_autoptr(GBytes) chunk = NULL;

      chunk = g_input_stream_read_bytes (G_INPUT_STREAM (stream), READ_CHUNK_SIZE, cancellable, NULL);
      if (chunk == NULL)
        return NULL;
      if (g_bytes_get_size (chunk) == 0)
        break;
      g_byte_array_append (buffer, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      if (buffer->len > DOSSIER_PICTURE_MAX_BYTES)
        return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

static void
write_cache_file (GFile        *file,
                  GBytes       *bytes,
                  GCancellable *cancellable)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GError) error = NULL;

  if (!g_file_make_directory_with_parents (parent, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_debug ("Cannot create the picture cache: %s", error->message);
      return;
    }
  g_clear_error (&error);

  /* g_file_replace_contents() writes a temporary file and renames it over
   * the target, so a reader never sees half a picture. */
  if (!g_file_replace_contents (file,
                                g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL,
                                cancellable, &error))
    g_debug ("Cannot write to the picture cache: %s", error->message);
}

/* Runs in a worker thread.  Without bytes it tries the disk cache and
 * returns NULL without an error on a miss. */
static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  DecodeJob *job = task_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  if (job->bytes == NULL)
    {
      g_autoptr(GBytes) cached = read_cache_file (job->cache_file, cancellable);

      if (cached != NULL)
        pixbuf = dossier_picture_decode (cached, job->size_px, NULL);
      if (cached != NULL && pixbuf == NULL)
        g_file_delete (job->cache_file, NULL, NULL);

      g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
      return;
    }

  pixbuf = dossier_picture_decode (job->bytes, job->size_px, &error);
  if (pixbuf == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Only bytes that decoded are worth keeping. */
  if (job->cache_file != NULL)
    write_cache_file (job->cache_file, job->bytes, cancellable);

  g_task_return_pointer (task, g_steal_pointer (&pixbuf), g_object_unref);
}

/* Results */

/* Failures that will not change within a run are remembered like
 * successes; the network may come back, so its failures are not. */
static gboolean
error_is_definite (const GError *error)
{
  return g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT) ||
         g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND) ||
         g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_BAD_REQUEST) ||
         g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE) ||
         g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
}

static void
remember_result (DossierPictureLoader *self,
                 const char           *key,
                 GdkPixbuf            *pixbuf,
                 const GError         *error)
{
  CacheEntry *entry;

  if (pixbuf == NULL && !error_is_definite (error))
    return;
  if (g_hash_table_contains (self->results, key))
    return;

  while (g_queue_get_length (&self->result_order) >= MEMORY_CACHE_ENTRIES)
    {
      g_autofree char *oldest = g_queue_pop_head (&self->result_order);

      g_hash_table_remove (self->results, oldest);
    }

  entry = g_new0 (CacheEntry, 1);
  entry->pixbuf = pixbuf ? g_object_ref (pixbuf) : NULL;
  entry->error = pixbuf ? NULL : g_error_copy (error);
  g_hash_table_insert (self->results, g_strdup (key), entry);
  g_queue_push_tail (&self->result_order, g_strdup (key));
}

static void
return_to_task (GTask        *task,
                GdkPixbuf    *pixbuf,
                const GError *error)
{
  if (pixbuf != NULL)
    g_task_return_pointer (task, g_object_ref (pixbuf), g_object_unref);
  else
    g_task_return_error (task, g_error_copy (error));
}

static void
fetch_complete (Fetch        *fetch,
                GdkPixbuf    *pixbuf,
                const GError *error)
{
  DossierPictureLoader *self = fetch->loader;
  g_autoptr(GPtrArray) waiters = NULL;

  /* An abandoned fetch was already taken out of the table. */
  if (g_hash_table_lookup (self->pending, fetch->key) == fetch)
    g_hash_table_remove (self->pending, fetch->key);

  remember_result (self, fetch->key, pixbuf, error);

  waiters = g_steal_pointer (&fetch->waiters);
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (waiters, i);

      /* Disconnect before returning: the handler must not outlive the task. */
      if (waiter->cancelled_id != 0)
        g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
      waiter->cancelled_id = 0;
      return_to_task (waiter->task, pixbuf, error);
    }

  fetch_free (fetch);
}

static void
fetch_fail (Fetch  *fetch,
            GError *error)
{
  fetch_complete (fetch, NULL, error);
  g_error_free (error);
}

/* Cancellation of one request: it is answered at once, and the shared
 * download stops when nobody waits for it any more. */
static gboolean
waiter_cancelled_idle_cb (gpointer user_data)
{
  GTask *task = user_data;
  DossierPictureLoader *self = g_task_get_source_object (task);
  const char *key = g_task_get_task_data (task);
  Fetch *fetch = g_hash_table_lookup (self->pending, key);

  if (fetch == NULL)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (fetch->waiters, i);

      if (waiter->task != task)
        continue;

      g_ptr_array_steal_index (fetch->waiters, i);
      g_cancellable_disconnect (waiter->cancellable, waiter->cancelled_id);
      waiter->cancelled_id = 0;
      g_task_return_error_if_cancelled (waiter->task);
      waiter_free (waiter);
      break;
    }

  if (fetch->waiters->len == 0)
    {
      g_hash_table_remove (self->pending, key);
      g_cancellable_cancel (fetch->cancellable);
    }

  return G_SOURCE_REMOVE;
}

/* May run in any thread. */
static void
waiter_cancelled_cb (GCancellable *cancellable,
                     gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, waiter_cancelled_idle_cb, g_object_ref (task), g_object_unref);
  g_source_set_static_name (source, "[dossier] picture request cancelled");
  g_source_attach (source, g_task_get_context (task));
}

/* Download */

static GError *
transport_error (const GError *error)
{
  DossierError code = DOSSIER_ERROR_NETWORK;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    code = DOSSIER_ERROR_CONNECTION_REFUSED;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = DOSSIER_ERROR_TIMEOUT;
  else if (error->domain == G_RESOLVER_ERROR)
    code = DOSSIER_ERROR_HOST_NOT_FOUND;
  else if (error->domain == G_TLS_ERROR)
    code = DOSSIER_ERROR_TLS;

  return g_error_new (DOSSIER_ERROR, code,
                      /* Translators: %s is the network library's reason. */
                      _("The picture could not be downloaded: %s"), error->message);
}

static GError *
status_error (guint status)
{
  GError *error;
  DossierError code;

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_GONE)
    code = DOSSIER_ERROR_NOT_FOUND;
  else if (status >= 500)
    code = DOSSIER_ERROR_SERVER;
  else
    code = DOSSIER_ERROR_BAD_REQUEST;

  error = g_error_new (DOSSIER_ERROR, code,
                       /* Translators: %u is an HTTP status such as 404. */
                       _("The picture could not be downloaded (HTTP status %u)."), status);
  dossier_error_set_http_details (error, status, NULL, -1);
  return error;
}

static GError *
too_large_error (void)
{
  return g_error_new (DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                      /* Translators: %u is a number of megabytes. */
                      _("The picture is larger than %u MB and was not downloaded."),
                      (guint) (DOSSIER_PICTURE_MAX_BYTES / (1024 * 1024)));
}

static gboolean
uri_is_web (GUri *uri)
{
  const char *scheme = g_uri_get_scheme (uri);
  const char *host = g_uri_get_host (uri);

  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         host != NULL && *host != '\0';
}

static void
decode_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  GError *error = NULL;

  pixbuf = g_task_propagate_pointer (G_TASK (result), &error);
  if (error != NULL)
    {
      fetch_fail (fetch, error);
      return;
    }

  /* A miss in the disk cache: go to the network. */
  if (pixbuf == NULL)
    {
      fetch_download (fetch);
      return;
    }

  fetch_complete (fetch, pixbuf, NULL);
}

static void
fetch_decode (Fetch  *fetch,
              GBytes *bytes)
{
  g_autoptr(GTask) task = NULL;
  DecodeJob *job = g_new0 (DecodeJob, 1);

  job->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  job->cache_file = fetch->cache_file ? g_object_ref (fetch->cache_file) : NULL;
  job->size_px = fetch->size_px;

  task = g_task_new (fetch->loader, fetch->cancellable, decode_done_cb, fetch);
  g_task_set_source_tag (task, fetch_decode);
  g_task_set_task_data (task, job, decode_job_free);
  g_task_run_in_thread (task, decode_thread);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  g_autoptr(GBytes) chunk = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      fetch_fail (fetch, transport_error (error));
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      /* Refused while streaming: a server that lies about (or omits) the
       * length cannot make us hold more than the limit. */
      if (fetch->body->len + g_bytes_get_size (chunk) > DOSSIER_PICTURE_MAX_BYTES)
        {
          fetch_fail (fetch, too_large_error ());
          return;
        }

      g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_LOW,
                                       fetch->cancellable, read_cb, fetch);
      return;
    }

  g_clear_object (&fetch->stream);

  if (fetch->body->len == 0)
    {
      GError *empty = NULL;

      set_not_an_image (&empty);
      fetch_fail (fetch, empty);
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body));
  fetch_decode (fetch, body);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fetch *fetch = user_data;
  SoupMessage *message = soup_session_get_async_result_message (SOUP_SESSION (object), result);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (stream == NULL)
    {
      fetch_fail (fetch, transport_error (error));
      return;
    }

  status = soup_message_get_status (message);
  headers = soup_message_get_response_headers (message);

  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location = soup_message_headers_get_one (headers, "Location");
      g_autoptr(GUri) target = NULL;

      if (location != NULL)
        target = g_uri_parse_relative (fetch->uri, location, SOUP_HTTP_URI_FLAGS, NULL);

      /* No secret goes with a picture request, so following a redirect to
       * another host is harmless; the count and the scheme stay bounded. */
      if (target == NULL || !uri_is_web (target) ||
          ++fetch->redirects > DOSSIER_PICTURE_MAX_REDIRECTS)
        {
          GError *redirect_error = g_error_new_literal (DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE,
                                                        _("The picture’s address redirects too often or to an address that is not a web page."));

          dossier_error_set_http_details (redirect_error, status, NULL, -1);
          fetch_fail (fetch, redirect_error);
          return;
        }

      g_uri_unref (fetch->uri);
      fetch->uri = g_steal_pointer (&target);
      fetch_download (fetch);
      return;
    }

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fetch_fail (fetch, status_error (status));
      return;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH &&
      soup_message_headers_get_content_length (headers) > DOSSIER_PICTURE_MAX_BYTES)
    {
      fetch_fail (fetch, too_large_error ());
      return;
    }

  fetch->stream = g_steal_pointer (&stream);
  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK_SIZE, G_PRIORITY_LOW,
                                   fetch->cancellable, read_cb, fetch);
}

static void
fetch_download (Fetch *fetch)
{
  g_autoptr(SoupMessage) message = NULL;

  /* A fresh message carries only what the session adds (its User-Agent):
   * never the HrFlow headers, which belong to the API's messages alone.
   * Redirects are handled here, to count them and check each target. */
  message = soup_message_new_from_uri (SOUP_METHOD_GET, fetch->uri);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Accept",
                                "image/png, image/jpeg, image/webp, */*;q=0.1");

  soup_session_send_async (fetch->loader->session, message, G_PRIORITY_LOW,
                           fetch->cancellable, send_cb, fetch);
}

/* Public API */

static char *
dup_cache_name (const char *url)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
}

void
dossier_picture_loader_load_async (DossierPictureLoader *self,
                                   const char           *url,
                                   int                   size_px,
                                   GCancellable         *cancellable,
                                   GAsyncReadyCallback   callback,
                                   gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  g_autofree char *key = NULL;
  CacheEntry *entry;
  Waiter *waiter;
  Fetch *fetch;

  g_return_if_fail (DOSSIER_IS_PICTURE_LOADER (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (size_px > 0);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  size_px = MIN (size_px, DOSSIER_PICTURE_MAX_SIDE);
  key = g_strdup_printf ("%d %s", size_px, url);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_picture_loader_load_async);
  g_task_set_task_data (task, g_strdup (key), g_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  entry = g_hash_table_lookup (self->results, key);
  if (entry != NULL)
    {
      return_to_task (task, entry->pixbuf, entry->error);
      return;
    }

  fetch = g_hash_table_lookup (self->pending, key);
  if (fetch == NULL)
    {
      uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
      if (uri == NULL || !uri_is_web (uri))
        {
          g_autoptr(GError) error = g_error_new_literal (DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                                                         _("The picture’s address is not a web address."));

          remember_result (self, key, NULL, error);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      fetch = g_new0 (Fetch, 1);
      fetch->loader = g_object_ref (self);
      fetch->key = g_strdup (key);
      fetch->size_px = size_px;
      fetch->cancellable = g_cancellable_new ();
      fetch->waiters = g_ptr_array_new_with_free_func (waiter_free);
      fetch->uri = g_steal_pointer (&uri);
      if (self->cache_dir != NULL)
        {
          g_autofree char *name = dup_cache_name (url);

          fetch->cache_file = g_file_get_child (self->cache_dir, name);
        }
      g_hash_table_insert (self->pending, fetch->key, fetch);

      if (fetch->cache_file != NULL)
        fetch_decode (fetch, NULL);
      else
        fetch_download (fetch);
    }

  waiter = g_new0 (Waiter, 1);
  waiter->task = g_object_ref (task);
  g_ptr_array_add (fetch->waiters, waiter);
  if (cancellable != NULL)
    {
      waiter->cancellable = g_object_ref (cancellable);
      waiter->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (waiter_cancelled_cb),
                                                    task, NULL);
    }
}

GdkPixbuf *
dossier_picture_loader_load_finish (DossierPictureLoader  *self,
                                    GAsyncResult          *result,
                                    GError               **error)
{
  g_return_val_if_fail (DOSSIER_IS_PICTURE_LOADER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_picture_loader_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
