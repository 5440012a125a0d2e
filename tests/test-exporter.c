/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/resource.h>

#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-json-text.h"
#include "dossier-profile.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static JsonNode *
parse (const char *text,
       gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, length, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* The text without the white space outside strings: two texts with the same
 * tokens in the same order squeeze to the same string. */
static char *
squeeze (const char *text,
         gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string && c == '\\' && i + 1 < length)
        {
          g_string_append_c (out, c);
          g_string_append_c (out, text[++i]);
          continue;
        }
      if (c == '"')
        in_string = !in_string;
      if (in_string || !g_ascii_isspace (c))
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

static void
assert_export_matches_data (const char *fixture)
{
  g_autoptr(GBytes) body = load_fixture (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(JsonNode) exported_root = NULL;
  g_autoptr(JsonNode) body_root = NULL;
  g_autofree char *exported_tokens = NULL;
  g_autofree char *data_tokens = NULL;
  const char *body_text;
  const char *exported_text;
  gsize body_length, exported_length, start, end;
  JsonNode *data;

  profile = dossier_profile_new_from_bytes (body, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);

  exported = dossier_exporter_serialize (profile);
  exported_text = g_bytes_get_data (exported, &exported_length);
  g_assert_true (g_utf8_validate (exported_text, exported_length, NULL));
  g_assert_cmpint (exported_text[exported_length - 1], ==, '\n');

  /* Deep-equal to the received `data`... */
  body_text = g_bytes_get_data (body, &body_length);
  body_root = parse (body_text, body_length);
  data = json_object_get_member (json_node_get_object (body_root), "data");
  if (data == NULL)
    data = body_root;
  exported_root = parse (exported_text, exported_length);
  g_assert_true (json_node_equal (data, exported_root));

  /* ...and token for token the same text: member order, duplicates, the
   * digits of every number, the escapes of every string. */
  if (!dossier_json_find_member (body_text, body_length, "data", &start, &end))
    {
      start = 0;
      end = body_length;
    }
  data_tokens = squeeze (body_text + start, end - start);
  exported_tokens = squeeze (exported_text, exported_length);
  g_assert_cmpstr (exported_tokens, ==, data_tokens);

  /* Pretty-printed: one member per line. */
  g_assert_nonnull (strstr (exported_text, "{\n  \""));
}

static void
test_round_trip_seed (void)
{
  assert_export_matches_data ("seed-example.json");
}

static void
test_round_trip_unknown_fields (void)
{
  assert_export_matches_data ("unknown-fields.json");
}

static void
test_write_replaces_file (void)
{
  g_autoptr(GBytes) body = load_fixture ("seed-example.json");
  g_autoptr(DossierProfile) profile = dossier_profile_new_from_bytes (body, NULL);
  g_autofree char *dir = g_dir_make_tmp ("dossier-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "harry-potter.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) expected = dossier_exporter_serialize (profile);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (dossier_exporter_write (profile, file, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_write_failure_names_path (void)
{
  g_autoptr(GBytes) body = load_fixture ("seed-example.json");
  g_autoptr(DossierProfile) profile = dossier_profile_new_from_bytes (body, NULL);
  g_autofree char *dir = g_dir_make_tmp ("dossier-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.json", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_false (dossier_exporter_write (profile, missing_file, NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* The target is a folder. */
  g_assert_false (dossier_exporter_write (profile, dir_file, NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
  g_assert_nonnull (strstr (error->message, dir));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));

  g_rmdir (dir);
}

/* A write that fails half-way (here: over the file-size limit, which holds
 * even for root, unlike permissions) keeps the old file byte for byte. */
static void
test_write_failure_keeps_old_file (void)
{
  const char *old = "{\"previous\": \"export\"}\n";
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint n_files = 0;

  if (g_test_subprocess ())
    {
      g_autoptr(GBytes) body = load_fixture ("seed-example.json");
      g_autoptr(DossierProfile) profile = dossier_profile_new_from_bytes (body, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (g_getenv ("DOSSIER_EXPORT_PATH"));
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 512, 512 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (dossier_exporter_write (profile, file, NULL, &error));
      g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
      g_print ("%s\n", error->message);
      return;
    }

  dir = g_dir_make_tmp ("dossier-export-XXXXXX", NULL);
  path = g_build_filename (dir, "candidate.json", NULL);
  g_assert_true (g_file_set_contents (path, old, -1, NULL));

  g_setenv ("DOSSIER_EXPORT_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*candidate.json*");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, old);

  /* No temporary file is left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (listing)) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);

  g_unlink (path);
  g_rmdir (dir);
}

/* Feeds @answer to @stream as a client would while reading it, in pieces
 * of @step bytes, up to @upto bytes; returns the buffer it was read into. */
static GBytes *
feed_stream (DossierExportStream *stream,
             GBytes              *answer,
             gsize                step,
             gsize                upto)
{
  gsize length = g_bytes_get_size (answer);
  guint8 *buffer = g_malloc (length + 1);
  GBytes *buffer_bytes = g_bytes_new_take (buffer, length + 1);

  for (gsize available = 0; available < upto; )
    {
      gsize n = MIN (step, upto - available);

      memcpy (buffer + available, (const guint8 *) g_bytes_get_data (answer, NULL) + available, n);
      available += n;
      dossier_export_stream_body_cb (buffer_bytes, available, length, stream);
    }
  return buffer_bytes;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n_files = 0;

  while (g_dir_read_name (listing) != NULL)
    n_files++;
  return n_files;
}

/* An export written while the answer arrives is the export written from
 * the answer's `data` at the end; when the `data` finally kept is not the
 * one it printed, it writes that one instead; abandoned, it leaves the old
 * file as it was and no temporary file. */
static void
test_stream (void)
{
  g_autoptr(GBytes) answer = load_fixture ("seed-example.json");
  g_autofree char *dir = g_dir_make_tmp ("dossier-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "candidate.json", NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other_path);
  const char *text = g_bytes_get_data (answer, NULL);
  gsize start, end;

  g_assert_true (dossier_json_find_member (text, g_bytes_get_size (answer), "data", &start, &end));

  for (gsize step = 1; step < 100000; step *= 37)
    {
      g_autoptr(DossierExportStream) stream = dossier_export_stream_new (file);
      g_autoptr(GBytes) buffer = feed_stream (stream, answer, step, g_bytes_get_size (answer));
      g_autoptr(GBytes) data = g_bytes_new_from_bytes (buffer, start, end - start);
      g_autoptr(GBytes) expected = dossier_exporter_serialize_json (data);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (dossier_export_stream_finish (stream, data, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
      g_assert_cmpuint (count_files (dir), ==, 1);
    }

  /* Another `data` than the one printed (a copy, as the model's would be). */
  {
    g_autoptr(DossierExportStream) stream = dossier_export_stream_new (other_file);
    g_autoptr(GBytes) buffer = feed_stream (stream, answer, 1000, g_bytes_get_size (answer));
    g_autoptr(GBytes) data = g_bytes_new (text + start + 1, end - start - 1);
    g_autofree char *contents = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (g_file_set_contents (other_path, "old", -1, NULL));
    g_assert_true (dossier_export_stream_finish (stream, data, NULL, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (other_path, &contents, NULL, NULL));
    /* What dossier_exporter_write_json() writes of that text. */
    g_assert_true (g_str_has_prefix (contents, "\"id\": 1234,\n"));
    g_assert_cmpuint (count_files (dir), ==, 2);
  }

  /* Abandoned half-way (the connection was cut), or once complete (the
   * answer was an error): the old file stays, and nothing else. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(DossierExportStream) stream = dossier_export_stream_new (file);
      gsize upto = i == 0 ? g_bytes_get_size (answer) / 2 : g_bytes_get_size (answer);
      g_autoptr(GBytes) buffer = feed_stream (stream, answer, 64, upto);
      g_autofree char *contents = NULL;

      g_clear_pointer (&stream, dossier_export_stream_free);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old");
      g_assert_cmpuint (count_files (dir), ==, 2);
    }

  g_unlink (path);
  g_unlink (other_path);
  g_rmdir (dir);
}

/* A target that cannot be written fails as dossier_exporter_write_json()
 * fails, with the same error. */
static void
test_stream_failure (void)
{
  g_autoptr(GBytes) answer = load_fixture ("seed-example.json");
  g_autofree char *dir = g_dir_make_tmp ("dossier-export-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "out.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (missing);
  g_autoptr(DossierExportStream) stream = dossier_export_stream_new (file);
  g_autoptr(GBytes) buffer = feed_stream (stream, answer, 4096, g_bytes_get_size (answer));
  const char *text = g_bytes_get_data (buffer, NULL);
  g_autoptr(GError) error = NULL;
  gsize start, end;

  g_assert_true (dossier_json_find_member (text, g_bytes_get_size (answer), "data", &start, &end));
  {
    g_autoptr(GBytes) data = g_bytes_new_from_bytes (buffer, start, end - start);

    g_assert_false (dossier_export_stream_finish (stream, data, NULL, &error));
  }
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (count_files (dir), ==, 0);
  g_rmdir (dir);
}

/* A file written by hand may hold comments, which json-glib reads: its
 * export must still be JSON that reads back (re-indented as it was, a
 * "//" comment swallowed the tokens the new line breaks brought onto its
 * line: found by fuzz-profile). */
static void
test_round_trip_comments (void)
{
  static const char text[] =
    "{\"key\": \"k1\", \"info\": {//\n"
    " \"full_name\": \"Ada Lovelace\"}, \"tags\": [{/* one */ \"name\": \"a\", \"value\": 1}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(DossierProfile) again = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GError) error = NULL;

  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  exported = dossier_exporter_serialize (profile);
  g_assert_true (dossier_json_validate (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported), 64));
  again = dossier_profile_new_from_bytes (exported, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (again), ==, "k1");
  g_assert_cmpuint (g_list_model_get_n_items (dossier_profile_get_tags (again)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exporter/round-trip/seed", test_round_trip_seed);
  g_test_add_func ("/exporter/round-trip/unknown-fields", test_round_trip_unknown_fields);
  g_test_add_func ("/exporter/round-trip/comments", test_round_trip_comments);
  g_test_add_func ("/exporter/write/replaces-file", test_write_replaces_file);
  g_test_add_func ("/exporter/write/failure-names-path", test_write_failure_names_path);
  g_test_add_func ("/exporter/write/failure-keeps-old-file", test_write_failure_keeps_old_file);
  g_test_add_func ("/exporter/stream", test_stream);
  g_test_add_func ("/exporter/stream/failure", test_stream_failure);

  return g_test_run ();
}
