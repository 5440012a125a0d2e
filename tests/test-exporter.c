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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/exporter/round-trip/seed", test_round_trip_seed);
  g_test_add_func ("/exporter/round-trip/unknown-fields", test_round_trip_unknown_fields);
  g_test_add_func ("/exporter/write/replaces-file", test_write_replaces_file);
  g_test_add_func ("/exporter/write/failure-names-path", test_write_failure_names_path);
  g_test_add_func ("/exporter/write/failure-keeps-old-file", test_write_failure_keeps_old_file);

  return g_test_run ();
}
