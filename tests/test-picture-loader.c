/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-client.h"
#include "dossier-error.h"
#include "dossier-fake-server.h"
#include "dossier-picture-loader.h"

#include <string.h>

#include <libsoup/soup.h>

/* A storage host on loopback: it serves test pictures, counts the
 * requests per path and remembers whether any carried HrFlow headers. */
typedef struct
{
  SoupServer  *server;
  char        *base;
  GHashTable  *files;          /* path → GBytes */
  GHashTable  *counts;         /* path → count */
  guint        hrflow_headers; /* requests that carried X-API-KEY or X-USER-EMAIL */
  GPtrArray   *paused;         /* SoupServerMessage held on /slow/ paths */
} Fixture;

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         len)
{
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 b[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, b, 4);
}

static void
append_png_chunk (GByteArray   *png,
                  const char   *type,
                  const guint8 *data,
                  gsize         len)
{
  guint32 crc;

  append_be32 (png, len);
  g_byte_array_append (png, (const guint8 *) type, 4);
  if (len > 0)
    g_byte_array_append (png, data, len);
  crc = crc32_update (0, (const guint8 *) type, 4);
  crc = crc32_update (crc, data, len);
  append_be32 (png, crc);
}

/* A PNG that claims @width x @height RGBA pixels, holding the compressed
 * first rows only: a few KB that would decode to gigabytes.  The header is
 * all the loader may look at before refusing it. */
static GBytes *
make_png_bomb (guint32 width,
               guint32 height)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autoptr(GByteArray) ihdr = g_byte_array_new ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) zlib = NULL;
  g_autofree guint8 *row = NULL;
  gsize row_len = (gsize) width * 4 + 1;
  guint8 ihdr_tail[5] = { 8, 6, 0, 0, 0 };

  append_be32 (ihdr, width);
  append_be32 (ihdr, height);
  g_byte_array_append (ihdr, ihdr_tail, sizeof ihdr_tail);

  g_byte_array_append (png, (const guint8 *) "\x89PNG\r\n\x1a\n", 8);
  append_png_chunk (png, "IHDR", ihdr->data, ihdr->len);

  zlib = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  row = g_malloc0 (row_len);
  for (guint i = 0; i < 50; i++)
    g_assert_true (g_output_stream_write_all (zlib, row, row_len, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (zlib, NULL, NULL));

  append_png_chunk (png,
                    "IDAT",
                    g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (memory)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (memory)));

  return g_byte_array_free_to_bytes (g_steal_pointer (&png));
}

static GBytes *
make_image (const char *type,
            int         width,
            int         height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, type, &error, NULL));
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, size);
}

/* A JPEG whose EXIF says "rotate 90° clockwise to display" (orientation 6). */
static GBytes *
make_rotated_jpeg (int width,
                   int height)
{
  static const guint8 app1[] = {
    0xff, 0xe1, 0x00, 0x22,
    'E', 'x', 'i', 'f', 0, 0,
    'M', 'M', 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
    0x00, 0x01,
    0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
    0x00, 0x00, 0x00, 0x00,
  };
  g_autoptr(GBytes) plain = make_image ("jpeg", width, height);
  g_autoptr(GByteArray) jpeg = g_byte_array_new ();
  const guint8 *data;
  gsize size;

  data = g_bytes_get_data (plain, &size);
  g_assert_cmpuint (size, >, 2);
  g_byte_array_append (jpeg, data, 2);          /* SOI */
  g_byte_array_append (jpeg, app1, sizeof app1);
  g_byte_array_append (jpeg, data + 2, size - 2);

  return g_byte_array_free_to_bytes (g_steal_pointer (&jpeg));
}

static guint
get_count (Fixture    *fixture,
           const char *path)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (fixture->counts, path));
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *message,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  Fixture *fixture = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (message);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (message);
  GBytes *file;

  g_hash_table_insert (fixture->counts, g_strdup (path),
                       GUINT_TO_POINTER (get_count (fixture, path) + 1));

  if (soup_message_headers_get_one (request, "X-API-KEY") != NULL ||
      soup_message_headers_get_one (request, "X-USER-EMAIL") != NULL)
    fixture->hrflow_headers++;

  if (g_str_equal (path, "/redirect"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_FOUND, "/pictures/small.png");
      return;
    }

  if (g_str_equal (path, "/loop"))
    {
      soup_server_message_set_redirect (message, SOUP_STATUS_TEMPORARY_REDIRECT, "/loop");
      return;
    }

  if (g_str_equal (path, "/huge-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (message);
      g_autofree char *zeros = g_malloc0 (1024 * 1024);

      /* No Content-Length: the limit must be enforced while reading. */
      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (response, "image/png", NULL);
      soup_message_body_append (body, SOUP_MEMORY_COPY, "\x89PNG\r\n\x1a\n", 8);
      for (int i = 0; i < 11; i++)
        soup_message_body_append (body, SOUP_MEMORY_COPY, zeros, 1024 * 1024);
      soup_message_body_complete (body);
      soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
      return;
    }

  if (g_str_has_prefix (path, "/slow/"))
    {
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->paused, g_object_ref (message));
      return;
    }

  file = g_hash_table_lookup (fixture->files, path);
  if (file == NULL)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      soup_server_message_set_response (message, "text/html", SOUP_MEMORY_STATIC,
                                        "<h1>Not Found</h1>", 18);
      return;
    }

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message,
                                    g_str_has_suffix (path, ".html") ? "text/html" : "image/png",
                                    SOUP_MEMORY_COPY,
                                    g_bytes_get_data (file, NULL),
                                    g_bytes_get_size (file));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *huge = g_malloc0 (11 * 1024 * 1024);

  fixture->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  fixture->counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fixture->paused = g_ptr_array_new_with_free_func (g_object_unref);

  g_hash_table_insert (fixture->files, g_strdup ("/pictures/small.png"), make_image ("png", 64, 48));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/other.png"), make_image ("png", 64, 48));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/photo.jpg"), make_image ("jpeg", 300, 200));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/rotated.jpg"), make_rotated_jpeg (40, 20));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/bomb.png"), make_png_bomb (20000, 20000));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/many-pixels.png"), make_png_bomb (9000, 9000));
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/page.html"),
                       g_bytes_new_static ("<!doctype html><p>Hello</p>", 27));
  memcpy (huge, "\x89PNG\r\n\x1a\n", 8);
  g_hash_table_insert (fixture->files, g_strdup ("/pictures/huge.png"),
                       g_bytes_new_take (g_steal_pointer (&huge), 11 * 1024 * 1024));

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, server_cb, fixture, NULL);
  g_assert_true (soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);

  uris = soup_server_get_uris (fixture->server);
  g_assert_nonnull (uris);
  fixture->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->paused->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->paused, i));
  g_clear_pointer (&fixture->paused, g_ptr_array_unref);
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->files, g_hash_table_unref);
  g_clear_pointer (&fixture->counts, g_hash_table_unref);
  g_clear_pointer (&fixture->base, g_free);
}

typedef struct
{
  GdkPixbuf *pixbuf;
  GError    *error;
  gboolean   done;
} Result;

static void
result_clear (Result *result)
{
  g_clear_object (&result->pixbuf);
  g_clear_error (&result->error);
  result->done = FALSE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *async_result,
         gpointer      user_data)
{
  Result *result = user_data;

  result->pixbuf = dossier_picture_loader_load_finish (DOSSIER_PICTURE_LOADER (object),
                                                       async_result, &result->error);
  result->done = TRUE;
}

static void
wait_for (Result *result)
{
  while (!result->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
load_path (DossierPictureLoader *loader,
           Fixture              *fixture,
           const char           *path,
           int                   size_px,
           Result               *result)
{
  g_autofree char *url = g_strconcat (fixture->base, path, NULL);

  dossier_picture_loader_load_async (loader, url, size_px, NULL, load_cb, result);
  wait_for (result);
}

static DossierPictureLoader *
new_loader (GFile *cache_dir)
{
  g_autoptr(SoupSession) session = soup_session_new ();

  return dossier_picture_loader_new (session, cache_dir);
}

static void
test_formats_and_scaling (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(DossierPictureLoader) loader = new_loader (NULL);
  Result result = { 0 };

  /* Smaller than asked: kept as is, never enlarged. */
  load_path (loader, fixture, "/pictures/small.png", 128, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (gdk_pixbuf_get_width (result.pixbuf), ==, 64);
  g_assert_cmpint (gdk_pixbuf_get_height (result.pixbuf), ==, 48);
  result_clear (&result);

  /* Larger: fits the square, aspect kept. */
  load_path (loader, fixture, "/pictures/photo.jpg", 100, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (gdk_pixbuf_get_width (result.pixbuf), ==, 100);
  g_assert_cmpint (gdk_pixbuf_get_height (result.pixbuf), ==, 66);
  result_clear (&result);

  load_path (loader, fixture, "/pictures/small.png", 32, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (gdk_pixbuf_get_width (result.pixbuf), ==, 32);
  g_assert_cmpint (gdk_pixbuf_get_height (result.pixbuf), ==, 24);
  result_clear (&result);

  /* The EXIF orientation is applied: 40x20 stored, 20x40 shown. */
  load_path (loader, fixture, "/pictures/rotated.jpg", 128, &result);
  g_assert_no_error (result.error);
  g_assert_cmpint (gdk_pixbuf_get_width (result.pixbuf), ==, 20);
  g_assert_cmpint (gdk_pixbuf_get_height (result.pixbuf), ==, 40);
  result_clear (&result);

  g_assert_cmpuint (fixture->hrflow_headers, ==, 0);
}

static void
test_failures (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(DossierPictureLoader) loader = new_loader (NULL);
  Result result = { 0 };

  load_path (loader, fixture, "/pictures/page.html", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
  g_assert_null (result.pixbuf);
  result_clear (&result);

  load_path (loader, fixture, "/pictures/missing.png", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND);
  g_assert_cmpuint (dossier_error_get_http_status (result.error), ==, 404);
  result_clear (&result);

  /* Refused from Content-Length, and while streaming without one. */
  load_path (loader, fixture, "/pictures/huge.png", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  result_clear (&result);

  load_path (loader, fixture, "/huge-chunked", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  result_clear (&result);

  /* A redirect loop ends after a few hops. */
  load_path (loader, fixture, "/loop", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
  g_assert_cmpuint (get_count (fixture, "/loop"), ==, DOSSIER_PICTURE_MAX_REDIRECTS + 1);
  result_clear (&result);

  /* Only web addresses are fetched. */
  dossier_picture_loader_load_async (loader, "file:///etc/passwd", 128, NULL, load_cb, &result);
  wait_for (&result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  result_clear (&result);

  dossier_picture_loader_load_async (loader, "not a url", 128, NULL, load_cb, &result);
  wait_for (&result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  result_clear (&result);

  /* A definite failure is remembered: no second request for the 404. */
  load_path (loader, fixture, "/pictures/missing.png", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND);
  g_assert_cmpuint (get_count (fixture, "/pictures/missing.png"), ==, 1);
  result_clear (&result);

  g_assert_cmpuint (fixture->hrflow_headers, ==, 0);
}

static void
test_pixel_limits (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierPictureLoader) loader = new_loader (NULL);
  Result result = { 0 };

  /* Fully decoded, this would be 1.6 GB; TOO_LARGE can only come from the
   * check on the header, before any pixel is decoded. */
  load_path (loader, fixture, "/pictures/bomb.png", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  result_clear (&result);

  /* Each side within the limit, but too many pixels in all. */
  load_path (loader, fixture, "/pictures/many-pixels.png", 128, &result);
  g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  result_clear (&result);
}

static void
test_decode_directly (void)
{
  g_autoptr(GBytes) bomb = make_png_bomb (20000, 20000);
  g_autoptr(GBytes) png = make_image ("png", 10, 10);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("\x89PNG\r\n\x1a\nnot really", 18);
  g_autoptr(GBytes) bmp = make_image ("bmp", 10, 10);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = dossier_picture_decode (bomb, 128, &error);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE);
  g_assert_null (pixbuf);
  g_clear_error (&error);

  /* Broken data with a PNG signature fails cleanly. */
  pixbuf = dossier_picture_decode (garbage, 128, &error);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
  g_assert_null (pixbuf);
  g_clear_error (&error);

  /* Formats outside the web's usual few are not handed to gdk-pixbuf. */
  pixbuf = dossier_picture_decode (bmp, 128, &error);
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
  g_assert_null (pixbuf);
  g_clear_error (&error);

  pixbuf = dossier_picture_decode (png, 128, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 10);
}

static void
test_fetched_once (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(DossierPictureLoader) loader = new_loader (NULL);
  g_autofree char *url = g_strconcat (fixture->base, "/pictures/small.png", NULL);
  Result first = { 0 }, second = { 0 }, third = { 0 };

  /* Two requests at once share one download... */
  dossier_picture_loader_load_async (loader, url, 96, NULL, load_cb, &first);
  dossier_picture_loader_load_async (loader, url, 96, NULL, load_cb, &second);
  wait_for (&first);
  wait_for (&second);
  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  g_assert_true (first.pixbuf == second.pixbuf);
  g_assert_cmpuint (get_count (fixture, "/pictures/small.png"), ==, 1);

  /* ...and a later one is answered from memory. */
  load_path (loader, fixture, "/pictures/small.png", 96, &third);
  g_assert_no_error (third.error);
  g_assert_cmpuint (get_count (fixture, "/pictures/small.png"), ==, 1);

  /* A redirect is followed, and the target is a picture like any other. */
  result_clear (&third);
  load_path (loader, fixture, "/redirect", 96, &third);
  g_assert_no_error (third.error);
  g_assert_cmpint (gdk_pixbuf_get_width (third.pixbuf), ==, 64);
  g_assert_cmpuint (get_count (fixture, "/redirect"), ==, 1);
  g_assert_cmpuint (get_count (fixture, "/pictures/small.png"), ==, 2);

  result_clear (&first);
  result_clear (&second);
  result_clear (&third);
  g_assert_cmpuint (fixture->hrflow_headers, ==, 0);
}

static void
test_disk_cache (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *tmp = g_dir_make_tmp ("dossier-pictures-XXXXXX", NULL);
  g_autoptr(GFile) cache_dir = g_file_new_build_filename (tmp, "pictures", NULL);
  g_autofree char *url = g_strconcat (fixture->base, "/pictures/other.png", NULL);
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autoptr(GFile) cached = g_file_get_child (cache_dir, name);
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  Result result = { 0 };

  {
    g_autoptr(DossierPictureLoader) loader = new_loader (cache_dir);

    load_path (loader, fixture, "/pictures/other.png", 64, &result);
    g_assert_no_error (result.error);
    g_assert_cmpuint (get_count (fixture, "/pictures/other.png"), ==, 1);
    g_assert_true (g_file_query_exists (cached, NULL));
    result_clear (&result);

    /* A non-image is not kept on disk. */
    load_path (loader, fixture, "/pictures/page.html", 64, &result);
    g_assert_error (result.error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
    result_clear (&result);
  }

  {
    /* A new run (a new loader) reads the disk, even at another size. */
    g_autoptr(DossierPictureLoader) loader = new_loader (cache_dir);

    load_path (loader, fixture, "/pictures/other.png", 32, &result);
    g_assert_no_error (result.error);
    g_assert_cmpint (gdk_pixbuf_get_width (result.pixbuf), ==, 32);
    g_assert_cmpuint (get_count (fixture, "/pictures/other.png"), ==, 1);
    result_clear (&result);
  }

  {
    /* A damaged cache file is dropped and the picture fetched again. */
    g_autoptr(DossierPictureLoader) loader = new_loader (cache_dir);

    g_assert_true (g_file_replace_contents (cached, "garbage", 7, NULL, FALSE,
                                            G_FILE_CREATE_NONE, NULL, NULL, NULL));
    load_path (loader, fixture, "/pictures/other.png", 48, &result);
    g_assert_no_error (result.error);
    g_assert_cmpuint (get_count (fixture, "/pictures/other.png"), ==, 2);
    result_clear (&result);
  }

  {
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (cache_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);
    guint n = 0;
    GFileInfo *info;

    /* Only the picture: no temporary file and nothing for the page. */
    while ((info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_assert_cmpstr (g_file_info_get_name (info), ==, name);
        g_object_unref (info);
        n++;
      }
    g_assert_cmpuint (n, ==, 1);
  }

  g_assert_true (g_file_delete (cached, NULL, NULL));
  g_assert_true (g_file_delete (cache_dir, NULL, NULL));
  g_assert_true (g_file_delete (dir, NULL, NULL));
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(DossierPictureLoader) loader = new_loader (NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *url = g_strconcat (fixture->base, "/slow/a.png", NULL);
  Result cancelled = { 0 }, kept = { 0 }, again = { 0 };
  GBytes *png = g_hash_table_lookup (fixture->files, "/pictures/small.png");
  SoupServerMessage *held;

  dossier_picture_loader_load_async (loader, url, 64, cancellable, load_cb, &cancelled);
  dossier_picture_loader_load_async (loader, url, 64, NULL, load_cb, &kept);
  while (fixture->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);

  /* The cancelled request is answered at once, while the download goes on
   * for the other one. */
  g_cancellable_cancel (cancellable);
  wait_for (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (kept.done);

  held = g_ptr_array_index (fixture->paused, 0);
  soup_server_message_set_status (held, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (held, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  soup_server_message_unpause (held);
  g_ptr_array_remove_index (fixture->paused, 0);
  wait_for (&kept);
  g_assert_no_error (kept.error);
  g_assert_nonnull (kept.pixbuf);
  result_clear (&kept);
  result_clear (&cancelled);

  /* When the only request is cancelled, a new one starts afresh instead
   * of joining the abandoned download. */
  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  g_free (url);
  url = g_strconcat (fixture->base, "/slow/b.png", NULL);
  dossier_picture_loader_load_async (loader, url, 64, cancellable, load_cb, &cancelled);
  while (fixture->paused->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  wait_for (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  dossier_picture_loader_load_async (loader, url, 64, NULL, load_cb, &again);
  while (get_count (fixture, "/slow/b.png") < 2)
    g_main_context_iteration (NULL, TRUE);
  held = g_ptr_array_index (fixture->paused, fixture->paused->len - 1);
  soup_server_message_set_status (held, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (held, "image/png", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  soup_server_message_unpause (held);
  g_ptr_array_remove_index (fixture->paused, fixture->paused->len - 1);
  wait_for (&again);
  g_assert_no_error (again.error);
  result_clear (&again);
  result_clear (&cancelled);

  /* Already cancelled: answered without a request. */
  g_free (url);
  url = g_strconcat (fixture->base, "/pictures/photo.jpg", NULL);
  dossier_picture_loader_load_async (loader, url, 64, cancellable, load_cb, &cancelled);
  wait_for (&cancelled);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (get_count (fixture, "/pictures/photo.jpg"), ==, 0);
  result_clear (&cancelled);
}

static void
profile_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  DossierProfile **profile = user_data;
  g_autoptr(GError) error = NULL;

  *profile = dossier_client_get_profile_finish (DOSSIER_CLIENT (object), result, &error);
  g_assert_no_error (error);
}

/* The application's real arrangement: one session for the HrFlow client
 * and the pictures.  The picture of a profile just fetched with the API
 * key must reach its host without the key. */
static void
test_shared_session (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(DossierFakeServer) api = dossier_fake_server_new ();
  g_autoptr(SoupSession) session = dossier_session_new ();
  g_autoptr(DossierClient) client = NULL;
  g_autoptr(DossierPictureLoader) loader = NULL;
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Result result = { 0 };

  g_assert_true (dossier_fake_server_start (api, 0, &error));
  g_assert_no_error (error);
  text = g_strdup_printf ("{\"key\": \"k1\", \"info\": {\"full_name\": \"Pat\", \"picture\": \"%s/redirect\"}}",
                          fixture->base);
  json = g_bytes_new (text, strlen (text));
  dossier_fake_server_add_profile (api, "source", json, &error);
  g_assert_no_error (error);

  client = dossier_client_new (session, dossier_fake_server_get_api_base (api),
                               "recruiter@example.com", "askr_0123456789abcdef0123456789abcdef", &error);
  g_assert_no_error (error);
  dossier_client_get_profile_async (client, "source", DOSSIER_IDENTIFIER_KEY, "k1", NULL, profile_cb, &profile);
  while (profile == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_nonnull (soup_message_headers_get_one (dossier_fake_server_get_last_headers (api), "X-API-KEY"));

  loader = dossier_picture_loader_new (session, NULL);
  dossier_picture_loader_load_async (loader, dossier_profile_get_picture_url (profile), 64, NULL, load_cb, &result);
  wait_for (&result);
  g_assert_no_error (result.error);
  g_assert_cmpuint (get_count (fixture, "/redirect"), ==, 1);
  g_assert_cmpuint (get_count (fixture, "/pictures/small.png"), ==, 1);
  g_assert_cmpuint (fixture->hrflow_headers, ==, 0);
  result_clear (&result);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/picture-loader/decode", test_decode_directly);
  g_test_add ("/picture-loader/formats-and-scaling", Fixture, NULL,
              fixture_set_up, test_formats_and_scaling, fixture_tear_down);
  g_test_add ("/picture-loader/failures", Fixture, NULL,
              fixture_set_up, test_failures, fixture_tear_down);
  g_test_add ("/picture-loader/pixel-limits", Fixture, NULL,
              fixture_set_up, test_pixel_limits, fixture_tear_down);
  g_test_add ("/picture-loader/fetched-once", Fixture, NULL,
              fixture_set_up, test_fetched_once, fixture_tear_down);
  g_test_add ("/picture-loader/disk-cache", Fixture, NULL,
              fixture_set_up, test_disk_cache, fixture_tear_down);
  g_test_add ("/picture-loader/cancel", Fixture, NULL,
              fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/picture-loader/shared-session", Fixture, NULL,
              fixture_set_up, test_shared_session, fixture_tear_down);

  return g_test_run ();
}
