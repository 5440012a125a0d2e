/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-error.h"
#include "dossier-profile.h"

static DossierProfile *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents;
  gsize length;
  DossierProfile *profile;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new_take (contents, length);
  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (DOSSIER_IS_PROFILE (profile));
  return profile;
}

static void
test_seed_identity (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("seed-example.json");
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  GBytes *raw = dossier_profile_get_raw_json (profile);
  gsize size;
  const char *data = g_bytes_get_data (raw, &size);

  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "1234");
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "profile_key");
  g_assert_null (dossier_profile_get_reference (profile));
  g_assert_cmpstr (dossier_profile_get_full_name (profile), ==, "Harry Potter");
  g_assert_cmpstr (display_name, ==, "Harry Potter");
  g_assert_cmpstr (dossier_profile_get_email (profile), ==, "harry.potter@hrflow.ai");

  /* The raw text is the `data` object, from its brace to its brace. */
  g_assert_cmpint (data[0], ==, '{');
  g_assert_cmpint (data[size - 1], ==, '}');
  g_assert_nonnull (g_strstr_len (data, size, "\"experiences_duration\": 5.6447862760019998"));
  g_assert_null (g_strstr_len (data, size, "\"Profile details\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/seed/identity", test_seed_identity);

  return g_test_run ();
}
