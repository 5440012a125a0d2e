/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCHED_IDLE, for the background thread test. */
#define _GNU_SOURCE
#include "config.h"

#include <math.h>
#include <string.h>

#include "dossier-error.h"
#include "dossier-profile.h"
#include "dossier-thread.h"

#ifdef __linux__
#include <sched.h>
#endif

/* The fixtures are described, and the repair of the seed document's
 * example explained, in tests/fixtures/README.md. */

static GBytes *
read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static DossierProfile *
load_fixture (const char *name)
{
  g_autoptr(GBytes) bytes = read_fixture (name);
  g_autoptr(GError) error = NULL;
  DossierProfile *profile;

  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_true (DOSSIER_IS_PROFILE (profile));
  return profile;
}

static DossierProfile *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return dossier_profile_new_from_bytes (bytes, error);
}

/* A borrowed item: the store keeps its own reference. */
static gpointer
item_at (GListModel *model,
         guint       position)
{
  g_autoptr(GObject) item = g_list_model_get_item (model, position);

  g_assert_nonnull (item);
  return item;
}

static void
assert_utc (GDateTime *datetime,
            int        year,
            int        month,
            int        day,
            int        hour,
            int        minute,
            int        second)
{
  g_autoptr(GDateTime) utc = NULL;

  g_assert_nonnull (datetime);
  utc = g_date_time_to_utc (datetime);
  g_assert_cmpint (g_date_time_get_year (utc), ==, year);
  g_assert_cmpint (g_date_time_get_month (utc), ==, month);
  g_assert_cmpint (g_date_time_get_day_of_month (utc), ==, day);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, hour);
  g_assert_cmpint (g_date_time_get_minute (utc), ==, minute);
  g_assert_cmpint (g_date_time_get_second (utc), ==, second);
}

static void
assert_date (DossierDate *date,
             int          year,
             int          month,
             int          day)
{
  g_assert_nonnull (date);
  assert_utc (dossier_date_get_datetime (date), year, month, day, 0, 0, 0);
  g_assert_false (dossier_date_is_ongoing (date));
}

static void
assert_named_value (GListModel       *model,
                    guint             position,
                    const char       *name,
                    DossierValueKind  kind,
                    const char       *text)
{
  DossierNamedValue *value = item_at (model, position);

  g_assert_cmpstr (dossier_named_value_get_name (value), ==, name);
  g_assert_cmpint (dossier_named_value_get_value_kind (value), ==, kind);
  g_assert_cmpstr (dossier_named_value_get_value_text (value), ==, text);
}

static void
assert_skill (GListModel       *model,
              guint             position,
              const char       *name,
              DossierSkillType  type,
              const char       *value_text)
{
  DossierSkill *skill = item_at (model, position);

  g_assert_cmpstr (dossier_skill_get_name (skill), ==, name);
  g_assert_cmpint (dossier_skill_get_skill_type (skill), ==, type);
  g_assert_cmpstr (dossier_skill_get_value_text (skill), ==, value_text);
}

static void
assert_link (GListModel      *model,
             guint            position,
             DossierLinkType  type,
             const char      *url)
{
  DossierLink *link = item_at (model, position);

  g_assert_cmpint (dossier_link_get_link_type (link), ==, type);
  g_assert_cmpstr (dossier_link_get_url (link), ==, url);
}

static void
assert_n_items (GListModel *model,
                guint       n)
{
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
}

/* The seed document's example */

static void
test_seed (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("seed-example.json");
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  DossierSource *source;
  DossierConsent *consent;
  const char * const *permissions;
  DossierExperience *experience;
  DossierLocation *location;
  GBytes *raw;
  const char *data;
  gsize size;
  double lat, lng;

  /* Identity: both `"id": id` were repaired into numbers. */
  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "1234");
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "profile_key");
  g_assert_null (dossier_profile_get_reference (profile));
  g_assert_cmpstr (dossier_profile_get_source_key (profile), ==, "source_key");

  source = dossier_profile_get_source (profile);
  g_assert_nonnull (source);
  g_assert_cmpstr (dossier_source_get_id (source), ==, "42");
  g_assert_cmpstr (dossier_source_get_key (source), ==, "source_key");
  g_assert_cmpstr (dossier_source_get_name (source), ==, "Source name");
  g_assert_cmpstr (dossier_source_get_source_type (source), ==, "dropzone");
  g_assert_cmpstr (dossier_source_get_subtype (source), ==, "dropzone");
  g_assert_null (dossier_source_get_environment (source));

  g_assert_false (dossier_profile_is_archived (profile));
  g_assert_null (dossier_profile_get_archived_at (profile));
  assert_utc (dossier_date_get_datetime (dossier_profile_get_created_at (profile)),
              2020, 4, 23, 8, 18, 54);
  assert_utc (dossier_date_get_datetime (dossier_profile_get_updated_at (profile)),
              2020, 7, 24, 14, 17, 34);
  g_assert_cmpstr (dossier_date_get_text (dossier_profile_get_updated_at (profile)), ==,
                   "2020-07-24T14:17:34+0000");

  consent = dossier_profile_get_consent (profile);
  g_assert_nonnull (consent);
  permissions = dossier_consent_get_permissions (consent);
  g_assert_cmpuint (g_strv_length ((char **) permissions), ==, 6);
  g_assert_cmpstr (permissions[0], ==, "parsing");
  g_assert_cmpstr (permissions[5], ==, "reasoning");
  g_assert_cmpint (dossier_consent_get_owner (consent, "parsing"), ==, DOSSIER_CONSENT_GRANTED);
  g_assert_cmpint (dossier_consent_get_owner (consent, "revealing"), ==, DOSSIER_CONSENT_DENIED);
  g_assert_cmpint (dossier_consent_get_controller (consent, "scoring"), ==, DOSSIER_CONSENT_GRANTED);
  g_assert_cmpint (dossier_consent_get_controller (consent, "searching"), ==, DOSSIER_CONSENT_DENIED);
  g_assert_cmpint (dossier_consent_get_owner (consent, "upskilling"), ==, DOSSIER_CONSENT_UNSET);
  g_assert_cmpstr (dossier_consent_permission_to_label ("embedding"), ==, "Embedding");

  /* `info` */
  g_assert_cmpstr (dossier_profile_get_full_name (profile), ==, "Harry Potter");
  g_assert_cmpstr (dossier_profile_get_first_name (profile), ==, "Harry");
  g_assert_cmpstr (dossier_profile_get_last_name (profile), ==, "Potter");
  g_assert_cmpstr (display_name, ==, "Harry Potter");
  g_assert_cmpstr (dossier_profile_get_email (profile), ==, "harry.potter@hrflow.ai");
  g_assert_null (dossier_profile_get_phone (profile));
  assert_date (dossier_profile_get_date_birth (profile), 1990, 8, 9);
  g_assert_cmpstr (dossier_profile_get_gender (profile), ==, "male");
  g_assert_cmpstr (dossier_profile_get_summary (profile), ==, "Brief summary");
  g_assert_cmpstr (dossier_profile_get_picture_url (profile), ==, "picture public url");
  g_assert_null (dossier_profile_get_driving_license (profile));
  /* Every location member is null and `fields` is []: no location. */
  g_assert_null (dossier_profile_get_location (profile));
  /* Every URL is empty. */
  assert_n_items (dossier_profile_get_links (profile), 0);

  g_assert_cmpstr (dossier_profile_get_text_language (profile), ==, "fr");
  g_assert_true (g_str_has_prefix (dossier_profile_get_text (profile),
                                   "Harry Potter harry.potter@gmail.com 0202 Brief summary \n"));
  g_assert_cmpfloat_with_epsilon (dossier_profile_get_experiences_duration (profile),
                                  5.644786276002, 1e-9);
  g_assert_cmpfloat (dossier_profile_get_educations_duration (profile), ==, 0);

  /* The one experience ends with the 1969 sentinel: it is ongoing. */
  assert_n_items (dossier_profile_get_experiences (profile), 1);
  experience = item_at (dossier_profile_get_experiences (profile), 0);
  g_assert_true (dossier_profile_get_current_experience (profile) == experience);
  g_assert_cmpint (dossier_experience_get_kind (experience), ==, DOSSIER_EXPERIENCE_WORK);
  g_assert_cmpstr (dossier_experience_get_key (experience), ==, "3bd7a3e409abd073dd29a9134d33348e35a9ee51");
  g_assert_cmpstr (dossier_experience_get_title (experience), ==, "Analyste d'affaires");
  g_assert_cmpstr (dossier_experience_get_organization (experience), ==, "Banque Nationale");
  g_assert_cmpstr (dossier_experience_get_description (experience), ==,
                   "Livraison des solutions web transactionnels");
  g_assert_null (dossier_experience_get_logo (experience));
  assert_date (dossier_experience_get_date_start (experience), 2017, 8, 1);
  g_assert_true (dossier_experience_is_ongoing (experience));
  g_assert_true (dossier_date_is_ongoing (dossier_experience_get_date_end (experience)));
  g_assert_null (dossier_date_get_datetime (dossier_experience_get_date_end (experience)));
  g_assert_cmpstr (dossier_date_get_text (dossier_experience_get_date_end (experience)), ==,
                   "1969-12-31T23:59:59");
  /* From August 2017 to now: at least the 77 months to January 2024. */
  g_assert_cmpint (dossier_experience_get_duration_months (experience), >=, 77);
  location = dossier_experience_get_location (experience);
  g_assert_nonnull (location);
  g_assert_cmpstr (dossier_location_get_text (location), ==, "Montreal, QC, Canada");
  g_assert_true (dossier_location_get_coordinates (location, &lat, &lng));
  g_assert_cmpfloat_with_epsilon (lat, 45.51241, 1e-9);
  g_assert_cmpfloat_with_epsilon (lng, -73.55469, 1e-9);
  g_assert_null (dossier_location_get_gmaps (location));
  g_assert_null (dossier_location_get_field (location, "city"));
  assert_n_items (dossier_experience_get_certifications (experience), 1);
  assert_named_value (dossier_experience_get_certifications (experience), 0,
                      "certificate exp", DOSSIER_VALUE_NONE, NULL);
  assert_named_value (dossier_experience_get_courses (experience), 0,
                      "course exp", DOSSIER_VALUE_NONE, NULL);
  assert_named_value (dossier_experience_get_tasks (experience), 0,
                      "task exp", DOSSIER_VALUE_NONE, NULL);
  assert_n_items (dossier_experience_get_skills (experience), 1);
  assert_skill (dossier_experience_get_skills (experience), 0, "skill exp", DOSSIER_SKILL_HARD, NULL);
  assert_n_items (dossier_experience_get_languages (experience), 0);
  assert_n_items (dossier_experience_get_interests (experience), 0);

  /* The education has no dates and no school. */
  assert_n_items (dossier_profile_get_educations (profile), 1);
  experience = item_at (dossier_profile_get_educations (profile), 0);
  g_assert_cmpint (dossier_experience_get_kind (experience), ==, DOSSIER_EXPERIENCE_EDUCATION);
  g_assert_cmpstr (dossier_experience_get_title (experience), ==, "Developper");
  g_assert_null (dossier_experience_get_organization (experience));
  g_assert_null (dossier_experience_get_date_start (experience));
  g_assert_null (dossier_experience_get_date_end (experience));
  g_assert_false (dossier_experience_is_ongoing (experience));
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, -1);
  g_assert_null (dossier_experience_get_location (experience));
  assert_skill (dossier_experience_get_skills (experience), 0, "skill edu", DOSSIER_SKILL_HARD, NULL);

  /* Lists */
  assert_n_items (dossier_profile_get_skills (profile), 6);
  assert_skill (dossier_profile_get_skills (profile), 0, "manual skill", DOSSIER_SKILL_HARD, NULL);
  assert_skill (dossier_profile_get_skills (profile), 1, "Creative spirit", DOSSIER_SKILL_SOFT, NULL);
  assert_skill (dossier_profile_get_skills (profile), 5, "skill exp", DOSSIER_SKILL_HARD, NULL);
  assert_n_items (dossier_profile_get_certifications (profile), 2);
  assert_named_value (dossier_profile_get_certifications (profile), 1,
                      "certificate edu", DOSSIER_VALUE_NONE, NULL);
  assert_n_items (dossier_profile_get_courses (profile), 2);
  assert_named_value (dossier_profile_get_courses (profile), 1, "cours edu", DOSSIER_VALUE_NONE, NULL);
  assert_n_items (dossier_profile_get_tasks (profile), 2);
  assert_n_items (dossier_profile_get_languages (profile), 0);
  assert_n_items (dossier_profile_get_interests (profile), 0);
  assert_n_items (dossier_profile_get_labels (profile), 0);
  assert_n_items (dossier_profile_get_attachments (profile), 0);
  assert_n_items (dossier_profile_get_metadatas (profile), 0);
  assert_n_items (dossier_profile_get_tags (profile), 1);
  assert_named_value (dossier_profile_get_tags (profile), 0, "archive", DOSSIER_VALUE_BOOLEAN, "No");

  g_assert_cmpstr (basename, ==, "harry-potter.json");

  /* The raw text is the `data` object, from its brace to its brace,
   * with the numbers as written. */
  raw = dossier_profile_get_raw_json (profile);
  data = g_bytes_get_data (raw, &size);
  g_assert_true (g_str_has_prefix (data, "{\n        \"id\": 1234,"));
  g_assert_cmpint (data[size - 1], ==, '}');
  g_assert_nonnull (g_strstr_len (data, size, "\"experiences_duration\": 5.6447862760019998"));
  g_assert_nonnull (g_strstr_len (data, size, "\"lat\": 45.512410000000003"));
  g_assert_null (g_strstr_len (data, size, "Profile details"));
}

/* Envelope and bare profile */

static void
test_envelope_and_bare (void)
{
  g_autoptr(DossierProfile) envelope = load_fixture ("seed-example.json");
  g_autoptr(DossierProfile) again = NULL;
  g_autoptr(DossierProfile) bare = NULL;
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *basename = NULL;
  GBytes *raw;

  /* What Dossier exports (the raw `data`) reads back as the same profile. */
  again = dossier_profile_new_from_bytes (dossier_profile_get_raw_json (envelope), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_id (again), ==, "1234");
  g_assert_cmpstr (dossier_profile_get_full_name (again), ==, "Harry Potter");
  assert_n_items (dossier_profile_get_skills (again), 6);
  g_assert_true (g_bytes_equal (dossier_profile_get_raw_json (again),
                                dossier_profile_get_raw_json (envelope)));

  /* A bare profile keeps the whole input, trimmed; its own `data` member
   * does not make it an envelope, for it has neither `code` nor `message`. */
  bare = load_fixture ("bare-profile.json");
  file = read_fixture ("bare-profile.json");
  trimmed = g_strstrip (g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file)));
  raw = dossier_profile_get_raw_json (bare);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), trimmed, strlen (trimmed));
  g_assert_cmpstr (dossier_profile_get_key (bare), ==, "b5c6d7e8f9012345678ab1c2d3e4f5061728394a");
  g_assert_cmpstr (dossier_profile_get_first_name (bare), ==, "Emeka");
  basename = dossier_profile_dup_export_basename (bare);
  g_assert_cmpstr (basename, ==, "emeka-okafor.json");

  /* `message` alone marks an envelope; the raw text is `data` exactly. */
  profile = load_text ("{\"message\": \"ok\", \"data\":  {\"key\" : \"k1\"}  }", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "k1");
  raw = dossier_profile_get_raw_json (profile);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), "{\"key\" : \"k1\"}", 14);
  g_clear_object (&profile);

  /* A repeated `data`: the last one wins, for the model as for the text. */
  profile = load_text ("{\"code\": 200, \"data\": {\"key\": \"first\"}, \"data\": {\"key\": \"last\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "last");
  raw = dossier_profile_get_raw_json (profile);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), "{\"key\": \"last\"}", 15);
  g_clear_object (&profile);

  /* `data` spelt with an escape cannot be found in the text: the object
   * is written out again, and still reads as the same profile. */
  profile = load_text ("{\"code\": 200, \"d\\u0061ta\": {\"key\": \"escaped\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "escaped");
  g_clear_object (&again);
  again = dossier_profile_new_from_bytes (dossier_profile_get_raw_json (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (again), ==, "escaped");
  g_clear_object (&profile);

  /* An escaped `data` after a plain one: json-glib keeps the escaped one,
   * and so must the raw text. */
  profile = load_text ("{\"code\": 200, \"data\": {\"key\": \"plain\"}, \"d\\u0061ta\": {\"key\": \"escaped\"}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "escaped");
  g_clear_object (&again);
  again = dossier_profile_new_from_bytes (dossier_profile_get_raw_json (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (again), ==, "escaped");
  g_clear_object (&profile);

  /* The same for the id: the digits come from the member json-glib kept. */
  profile = load_text ("{\"id\": 1, \"\\u0069d\": 2}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "2");
  g_clear_object (&profile);

  /* A backslash in the envelope's message is no reason to doubt `data`. */
  profile = load_text ("{\"message\": \"a \\\"quoted\\\" word\", \"data\": {\"id\": 1.50}}", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "1.50");
  raw = dossier_profile_get_raw_json (profile);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), "{\"id\": 1.50}", 12);
  g_clear_object (&profile);

  /* A byte order mark and white space around a bare profile. */
  profile = load_text ("\xEF\xBB\xBF \n{\"key\": \"bom\"}\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "bom");
  raw = dossier_profile_get_raw_json (profile);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), "{\"key\": \"bom\"}", 14);
}

static void
test_new_from_object (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"id\": 77, \"info\": {\"email\": \"x@example.org\"}}", NULL);
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(DossierProfile) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;

  /* Without the text, the object is serialized so that the export still
   * has something to write. */
  profile = dossier_profile_new_from_object (json_node_get_object (node), NULL);
  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "77");
  display_name = dossier_profile_dup_display_name (profile);
  g_assert_cmpstr (display_name, ==, "x@example.org");
  again = dossier_profile_new_from_bytes (dossier_profile_get_raw_json (profile), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_profile_get_email (again), ==, "x@example.org");
}

/* URLs */

static void
test_urls_list (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("urls-list.json");
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  g_autofree char *display = NULL;
  GListModel *links = dossier_profile_get_links (profile);
  DossierLocation *location;
  double lat = 0, lng = 0;

  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "501");
  g_assert_cmpstr (dossier_profile_get_reference (profile), ==, "candidate-0501");
  g_assert_cmpstr (dossier_profile_get_source_key (profile), ==, "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");
  g_assert_null (dossier_profile_get_source (profile));
  g_assert_cmpstr (dossier_profile_get_phone (profile), ==, "+33 4 72 00 00 00");
  g_assert_cmpstr (dossier_profile_get_gender (profile), ==, "female");
  g_assert_null (dossier_profile_get_date_birth (profile));
  g_assert_cmpstr (dossier_profile_get_picture_url (profile), ==,
                   "https://storage.example.net/pictures/maelle.jpg");

  /* from_resume's list gives one link each; empty and null URLs are
   * dropped; an unknown type is kept as "other". */
  assert_n_items (links, 5);
  assert_link (links, 0, DOSSIER_LINK_FROM_RESUME, "https://maelle.example.org");
  assert_link (links, 1, DOSSIER_LINK_FROM_RESUME, "https://blog.example.org/maelle");
  assert_link (links, 2, DOSSIER_LINK_LINKEDIN, "https://www.linkedin.com/in/maelle-fontaine");
  assert_link (links, 3, DOSSIER_LINK_GITHUB, "https://github.com/mfontaine");
  assert_link (links, 4, DOSSIER_LINK_OTHER, "https://social.example/@maelle");
  g_assert_cmpstr (dossier_link_type_to_label (DOSSIER_LINK_LINKEDIN), ==, "LinkedIn");
  g_assert_cmpstr (dossier_link_type_to_label (DOSSIER_LINK_GITHUB), ==, "GitHub");
  g_assert_cmpstr (dossier_link_type_to_label (DOSSIER_LINK_OTHER), ==, "Link");

  location = dossier_profile_get_location (profile);
  g_assert_nonnull (location);
  g_assert_cmpstr (dossier_location_get_text (location), ==, "Lyon, France");
  g_assert_true (dossier_location_get_coordinates (location, &lat, &lng));
  g_assert_cmpfloat_with_epsilon (lat, 45.764, 1e-9);
  g_assert_cmpfloat_with_epsilon (lng, 4.8357, 1e-9);
  g_assert_cmpstr (dossier_location_get_gmaps (location), ==, "https://maps.example.net/?q=Lyon");
  g_assert_cmpstr (dossier_location_get_field (location, "city"), ==, "Lyon");
  g_assert_cmpstr (dossier_location_get_field (location, "postcode"), ==, "69002");
  g_assert_null (dossier_location_get_field (location, "road"));
  g_assert_null (dossier_location_get_field (location, "state"));
  g_assert_null (dossier_location_get_field (location, "house_number"));
  display = dossier_location_dup_display (location);
  g_assert_cmpstr (display, ==, "Lyon, France");

  /* "Maëlle" folds to "maelle". */
  g_assert_cmpstr (basename, ==, "maelle-fontaine.json");
}

static void
test_urls_object (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("urls-object.json");
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  GListModel *links = dossier_profile_get_links (profile);

  /* The picture is not a link; empty and null URLs are dropped. */
  assert_n_items (links, 3);
  assert_link (links, 0, DOSSIER_LINK_FROM_RESUME, "https://tomasz.example.pl");
  assert_link (links, 1, DOSSIER_LINK_LINKEDIN, "https://www.linkedin.com/in/twisniewski");
  assert_link (links, 2, DOSSIER_LINK_GITHUB, "https://github.com/twisniewski");

  /* An empty `info.picture` falls back to the older `urls.picture`. */
  g_assert_cmpstr (dossier_profile_get_picture_url (profile), ==,
                   "https://storage.example.net/pictures/tomasz.png");
  g_assert_null (dossier_profile_get_full_name (profile));
  g_assert_cmpstr (display_name, ==, "Tomasz Wiśniewski");
  g_assert_cmpstr (basename, ==, "tomasz-wisniewski.json");
}

static void
test_urls_string (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("urls-string.json");
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  GListModel *links = dossier_profile_get_links (profile);
  DossierLocation *location;
  double lat = 1, lng = 2;

  assert_n_items (links, 1);
  assert_link (links, 0, DOSSIER_LINK_OTHER, "https://portfolio.example.net/omar");
  g_assert_null (dossier_profile_get_picture_url (profile));

  /* "lat" and "lng" as the values: no coordinates, nothing written. */
  location = dossier_profile_get_location (profile);
  g_assert_nonnull (location);
  g_assert_cmpstr (dossier_location_get_text (location), ==, "Casablanca");
  g_assert_false (dossier_location_get_coordinates (location, &lat, &lng));
  g_assert_cmpfloat (lat, ==, 1);
  g_assert_cmpfloat (lng, ==, 2);
  g_assert_null (dossier_location_get_field (location, "city"));

  g_assert_cmpstr (basename, ==, "omar-benali.json");
}

/* Skills */

static void
test_legacy_skills (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("legacy-skills.json");
  GListModel *skills = dossier_profile_get_skills (profile);
  GListModel *experiences = dossier_profile_get_experiences (profile);
  DossierExperience *experience;

  assert_n_items (skills, 4);
  assert_skill (skills, 0, "Welding", DOSSIER_SKILL_HARD, NULL);
  assert_skill (skills, 1, "AutoCAD", DOSSIER_SKILL_HARD, "advanced");
  assert_skill (skills, 2, "Forklift licence", DOSSIER_SKILL_HARD, NULL);
  assert_skill (skills, 3, "Teamwork", DOSSIER_SKILL_SOFT, NULL);

  /* Either legacy list may be null. */
  assert_n_items (experiences, 2);
  experience = item_at (experiences, 0);
  g_assert_cmpstr (dossier_experience_get_key (experience), ==, "e1");
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, 56);
  assert_n_items (dossier_experience_get_skills (experience), 1);
  assert_skill (dossier_experience_get_skills (experience), 0, "TIG welding", DOSSIER_SKILL_HARD, NULL);
  experience = item_at (experiences, 1);
  g_assert_cmpstr (dossier_experience_get_organization (experience), ==, "Bergen Stål");
  assert_n_items (dossier_experience_get_skills (experience), 1);
  assert_skill (dossier_experience_get_skills (experience), 0, "Punctuality", DOSSIER_SKILL_SOFT, NULL);
  g_assert_null (dossier_profile_get_current_experience (profile));
}

static void
test_swapped_skills (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("swapped-skills.json");
  GListModel *skills = dossier_profile_get_skills (profile);
  gboolean hard = FALSE;

  /* The nameless skill and the null are left out. */
  assert_n_items (skills, 8);
  /* The type swapped into `value` is the type, not a value. */
  assert_skill (skills, 0, "Python", DOSSIER_SKILL_HARD, NULL);
  assert_skill (skills, 1, "Negotiation", DOSSIER_SKILL_SOFT, NULL);
  assert_skill (skills, 2, "Kubernetes", DOSSIER_SKILL_HARD, NULL);
  assert_skill (skills, 3, "Empathy", DOSSIER_SKILL_SOFT, NULL);
  assert_skill (skills, 4, "SQL", DOSSIER_SKILL_HARD, "expert");
  assert_skill (skills, 5, "Go", DOSSIER_SKILL_HARD, "4");
  assert_skill (skills, 6, "Juggling", DOSSIER_SKILL_UNKNOWN, NULL);
  assert_skill (skills, 7, "Esperanto", DOSSIER_SKILL_UNKNOWN, NULL);

  g_object_get (item_at (skills, 2), "hard", &hard, NULL);
  g_assert_true (hard);
}

/* Dates */

static const char *
experience_key (GListModel *model,
                guint       position)
{
  return dossier_experience_get_key (item_at (model, position));
}

static void
test_dates_variety (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("dates-variety.json");
  GListModel *experiences = dossier_profile_get_experiences (profile);
  GListModel *educations = dossier_profile_get_educations (profile);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  DossierExperience *experience;
  DossierDate *date;
  int months;

  /* Record dates: +0000, epoch milliseconds, `archived_at`. */
  assert_utc (dossier_date_get_datetime (dossier_profile_get_created_at (profile)),
              2021, 2, 21, 2, 18, 12);
  date = dossier_profile_get_updated_at (profile);
  assert_utc (dossier_date_get_datetime (date), 2023, 11, 14, 22, 13, 20);
  g_assert_cmpstr (dossier_date_get_text (date), ==, "1700000000000");
  g_assert_true (dossier_profile_is_archived (profile));
  assert_utc (dossier_date_get_datetime (dossier_profile_get_archived_at (profile)),
              2023, 1, 15, 10, 0, 0);
  /* The older `birthdate`, a bare date. */
  assert_date (dossier_profile_get_date_birth (profile), 1988, 4, 12);

  /* Ongoing first (the latest start first, equal ones in the API's
   * order), then by start and end descending, undated last. */
  assert_n_items (experiences, 8);
  g_assert_cmpstr (experience_key (experiences, 0), ==, "B");
  g_assert_cmpstr (experience_key (experiences, 1), ==, "A");
  g_assert_cmpstr (experience_key (experiences, 2), ==, "H");
  g_assert_cmpstr (experience_key (experiences, 3), ==, "C");
  g_assert_cmpstr (experience_key (experiences, 4), ==, "G");
  g_assert_cmpstr (experience_key (experiences, 5), ==, "D");
  g_assert_cmpstr (experience_key (experiences, 6), ==, "E");
  g_assert_cmpstr (experience_key (experiences, 7), ==, "F");

  /* B: an offset start, and the sentinel with "+0000". */
  experience = item_at (experiences, 0);
  g_assert_true (dossier_profile_get_current_experience (profile) == experience);
  g_assert_true (dossier_experience_is_ongoing (experience));
  assert_utc (dossier_date_get_datetime (dossier_experience_get_date_start (experience)),
              2021, 1, 1, 7, 0, 0);
  g_assert_true (dossier_date_is_ongoing (dossier_experience_get_date_end (experience)));
  months = (g_date_time_get_year (now) - 2021) * 12 + g_date_time_get_month (now) - 1;
  g_assert_cmpint (dossier_experience_get_duration_months (experience), >=, months - 1);
  g_assert_cmpint (dossier_experience_get_duration_months (experience), <=, months);

  /* H: the sentinel with "+00:00". */
  experience = item_at (experiences, 2);
  g_assert_true (dossier_experience_is_ongoing (experience));
  g_assert_null (dossier_date_get_datetime (dossier_experience_get_date_end (experience)));

  /* C: date objects; the end has no ISO form, only a timestamp in
   * seconds, and keeps its text. */
  experience = item_at (experiences, 3);
  g_assert_false (dossier_experience_is_ongoing (experience));
  date = dossier_experience_get_date_start (experience);
  assert_date (date, 2015, 3, 1);
  g_assert_cmpstr (dossier_date_get_text (date), ==, "March 2015");
  date = dossier_experience_get_date_end (experience);
  assert_date (date, 2018, 6, 1);
  g_assert_cmpstr (dossier_date_get_text (date), ==, "June 2018");
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, 39);

  /* G: a "Z" start; a naive end. */
  experience = item_at (experiences, 4);
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, 22);

  /* D: epoch milliseconds, and a bare date. */
  experience = item_at (experiences, 5);
  assert_date (dossier_experience_get_date_start (experience), 2010, 1, 1);
  g_assert_cmpstr (dossier_date_get_text (dossier_experience_get_date_start (experience)), ==,
                   "1262304000000");
  assert_date (dossier_experience_get_date_end (experience), 2012, 6, 30);
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, 29);

  /* E: an odd start kept as text, an empty end: neither dated nor
   * ongoing. */
  experience = item_at (experiences, 6);
  date = dossier_experience_get_date_start (experience);
  g_assert_nonnull (date);
  g_assert_null (dossier_date_get_datetime (date));
  g_assert_cmpstr (dossier_date_get_text (date), ==, "15/02/1900");
  g_assert_null (dossier_experience_get_date_end (experience));
  g_assert_false (dossier_experience_is_ongoing (experience));
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, -1);

  /* F: no dates at all. */
  experience = item_at (experiences, 7);
  g_assert_null (dossier_experience_get_date_start (experience));
  g_assert_null (dossier_experience_get_organization (experience));
  g_assert_false (dossier_experience_is_ongoing (experience));

  /* Educations: a null end after a start means ongoing. */
  assert_n_items (educations, 3);
  g_assert_cmpstr (experience_key (educations, 0), ==, "U3");
  g_assert_cmpstr (experience_key (educations, 1), ==, "U2");
  g_assert_cmpstr (experience_key (educations, 2), ==, "U1");
  experience = item_at (educations, 0);
  g_assert_true (dossier_experience_is_ongoing (experience));
  g_assert_cmpstr (dossier_experience_get_organization (experience), ==, "Università di Padova");
  assert_date (dossier_experience_get_date_start (experience), 2020, 11, 1);
}

static DossierDate *
date_from_json (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return dossier_date_new_from_node (node);
}

static void
test_date_forms (void)
{
  g_autoptr(DossierDate) date = NULL;
  g_autoptr(GDateTime) local = NULL;

  date = dossier_date_new_from_string ("2019-05-01T00:00:00");
  assert_date (date, 2019, 5, 1);
  /* A naive date is UTC. */
  g_assert_cmpint (g_date_time_get_utc_offset (dossier_date_get_datetime (date)), ==, 0);
  g_clear_object (&date);

  date = dossier_date_new_from_string (" 2019-05-01T00:00:00.250+02 ");
  assert_utc (dossier_date_get_datetime (date), 2019, 4, 30, 22, 0, 0);
  g_assert_cmpint (g_date_time_get_microsecond (dossier_date_get_datetime (date)), ==, 250000);
  g_assert_cmpstr (dossier_date_get_text (date), ==, "2019-05-01T00:00:00.250+02");
  g_clear_object (&date);

  /* The sentinel in any offset form. */
  const char *sentinels[] = {
    "1969-12-31T23:59:59", "1969-12-31T23:59:59Z", "1969-12-31T23:59:59+0000",
    "1969-12-31T23:59:59+00:00", "1969-12-31T23:59:59-05:00",
  };
  for (guint i = 0; i < G_N_ELEMENTS (sentinels); i++)
    {
      date = dossier_date_new_from_string (sentinels[i]);
      g_assert_true (dossier_date_is_ongoing (date));
      g_assert_null (dossier_date_get_datetime (date));
      g_assert_cmpstr (dossier_date_get_text (date), ==, sentinels[i]);
      g_clear_object (&date);
    }
  /* One second earlier is a real date. */
  date = dossier_date_new_from_string ("1969-12-31T23:59:58");
  g_assert_false (dossier_date_is_ongoing (date));
  assert_utc (dossier_date_get_datetime (date), 1969, 12, 31, 23, 59, 58);
  g_clear_object (&date);

  /* Odd strings are kept as text. */
  const char *odd[] = { "15/02/1900", "2019-13-45", "2019-02-30", "Present", "2019-05" };
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      date = dossier_date_new_from_string (odd[i]);
      g_assert_nonnull (date);
      g_assert_null (dossier_date_get_datetime (date));
      g_assert_false (dossier_date_is_ongoing (date));
      g_assert_cmpstr (dossier_date_get_text (date), ==, odd[i]);
      g_clear_object (&date);
    }

  g_assert_null (dossier_date_new_from_string (NULL));
  g_assert_null (dossier_date_new_from_string (""));
  g_assert_null (dossier_date_new_from_string (" \t"));

  /* Numbers: epoch milliseconds, also as a string; -1000 is the sentinel. */
  date = date_from_json ("1709631000000");
  assert_utc (dossier_date_get_datetime (date), 2024, 3, 5, 9, 30, 0);
  g_clear_object (&date);
  date = date_from_json ("\"1709631000000\"");
  assert_utc (dossier_date_get_datetime (date), 2024, 3, 5, 9, 30, 0);
  g_clear_object (&date);
  date = date_from_json ("1709631000.5");
  assert_utc (dossier_date_get_datetime (date), 2024, 3, 5, 9, 30, 0);
  g_clear_object (&date);
  date = date_from_json ("-1000");
  g_assert_true (dossier_date_is_ongoing (date));
  g_clear_object (&date);
  /* Beyond the year 9999: text only. */
  date = date_from_json ("300000000000000");
  g_assert_null (dossier_date_get_datetime (date));
  g_assert_cmpstr (dossier_date_get_text (date), ==, "300000000000000");
  g_clear_object (&date);

  /* Objects */
  date = date_from_json ("{\"iso8601\": \"2020-02-29T12:00:00+0100\", \"text\": \"leap day\", \"timestamp\": 0}");
  assert_utc (dossier_date_get_datetime (date), 2020, 2, 29, 11, 0, 0);
  g_assert_cmpstr (dossier_date_get_text (date), ==, "leap day");
  g_clear_object (&date);
  date = date_from_json ("{\"iso8601\": \"2020-02-29T12:00:00\"}");
  g_assert_cmpstr (dossier_date_get_text (date), ==, "2020-02-29T12:00:00");
  g_clear_object (&date);
  date = date_from_json ("{\"timestamp\": \"1425168000\"}");
  assert_date (date, 2015, 3, 1);
  g_clear_object (&date);
  date = date_from_json ("{\"text\": \"Summer 2019\", \"timestamp\": null}");
  g_assert_null (dossier_date_get_datetime (date));
  g_assert_cmpstr (dossier_date_get_text (date), ==, "Summer 2019");
  g_clear_object (&date);

  /* Nothing usable: no date. */
  const char *nothing[] = { "null", "true", "[]", "{}", "[\"2019-05-01T00:00:00\"]",
                            "{\"iso8601\": 5, \"text\": [], \"timestamp\": {}}", "1e400" };
  for (guint i = 0; i < G_N_ELEMENTS (nothing); i++)
    {
      date = date_from_json (nothing[i]);
      g_assert_null (date);
    }
  g_assert_null (dossier_date_new_from_node (NULL));

  /* The property exposes the datetime for bindings. */
  date = dossier_date_new_from_string ("2001-01-01T00:00:00");
  g_object_get (date, "datetime", &local, NULL);
  g_assert_true (local == dossier_date_get_datetime (date) ||
                 g_date_time_equal (local, dossier_date_get_datetime (date)));
}

/* Wrong types and nulls */

static void
assert_empty_identity (DossierProfile *profile)
{
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);

  g_assert_null (dossier_profile_get_id (profile));
  g_assert_null (dossier_profile_get_key (profile));
  g_assert_null (dossier_profile_get_reference (profile));
  g_assert_null (dossier_profile_get_source_key (profile));
  g_assert_false (dossier_profile_is_archived (profile));
  g_assert_null (dossier_profile_get_archived_at (profile));
  g_assert_null (dossier_profile_get_created_at (profile));
  g_assert_null (dossier_profile_get_updated_at (profile));
  g_assert_null (dossier_profile_get_full_name (profile));
  g_assert_null (dossier_profile_get_first_name (profile));
  g_assert_null (dossier_profile_get_last_name (profile));
  g_assert_null (display_name);
  g_assert_null (dossier_profile_get_email (profile));
  g_assert_null (dossier_profile_get_phone (profile));
  g_assert_null (dossier_profile_get_date_birth (profile));
  g_assert_null (dossier_profile_get_gender (profile));
  g_assert_null (dossier_profile_get_summary (profile));
  g_assert_null (dossier_profile_get_picture_url (profile));
  g_assert_null (dossier_profile_get_driving_license (profile));
  g_assert_null (dossier_profile_get_location (profile));
  assert_n_items (dossier_profile_get_links (profile), 0);
  g_assert_null (dossier_profile_get_text (profile));
  g_assert_null (dossier_profile_get_text_language (profile));
  g_assert_cmpfloat (dossier_profile_get_experiences_duration (profile), <, 0);
  g_assert_cmpfloat (dossier_profile_get_educations_duration (profile), <, 0);
  g_assert_null (dossier_profile_get_current_experience (profile));
  assert_n_items (dossier_profile_get_skills (profile), 0);
  assert_n_items (dossier_profile_get_interests (profile), 0);
  assert_n_items (dossier_profile_get_certifications (profile), 0);
  assert_n_items (dossier_profile_get_courses (profile), 0);
  assert_n_items (dossier_profile_get_tasks (profile), 0);
  assert_n_items (dossier_profile_get_metadatas (profile), 0);
  g_assert_cmpstr (basename, ==, "profile.json");
}

static void
assert_empty_experience (DossierExperience *experience)
{
  g_assert_null (dossier_experience_get_key (experience));
  g_assert_null (dossier_experience_get_title (experience));
  g_assert_null (dossier_experience_get_organization (experience));
  g_assert_null (dossier_experience_get_description (experience));
  g_assert_null (dossier_experience_get_logo (experience));
  g_assert_null (dossier_experience_get_location (experience));
  g_assert_null (dossier_experience_get_date_start (experience));
  g_assert_null (dossier_experience_get_date_end (experience));
  g_assert_false (dossier_experience_is_ongoing (experience));
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, -1);
  assert_n_items (dossier_experience_get_skills (experience), 0);
  assert_n_items (dossier_experience_get_certifications (experience), 0);
  assert_n_items (dossier_experience_get_courses (experience), 0);
  assert_n_items (dossier_experience_get_tasks (experience), 0);
  assert_n_items (dossier_experience_get_languages (experience), 0);
  assert_n_items (dossier_experience_get_interests (experience), 0);
}

static void
test_wrong_types (void)
{
  g_autoptr(DossierProfile) profile = NULL;
  DossierLabel *label;
  DossierAttachment *attachment;

  /* Loading it at all, under fatal criticals, is half the test. */
  profile = load_fixture ("wrong-types.json");
  assert_empty_identity (profile);
  g_assert_null (dossier_profile_get_source (profile));
  g_assert_null (dossier_profile_get_consent (profile));
  assert_n_items (dossier_profile_get_experiences (profile), 0);
  assert_n_items (dossier_profile_get_languages (profile), 0);
  assert_n_items (dossier_profile_get_tags (profile), 0);

  /* Of the educations only the object is an entry, and all its members
   * are of the wrong type. */
  assert_n_items (dossier_profile_get_educations (profile), 1);
  assert_empty_experience (item_at (dossier_profile_get_educations (profile), 0));

  assert_n_items (dossier_profile_get_labels (profile), 1);
  label = item_at (dossier_profile_get_labels (profile), 0);
  g_assert_null (dossier_label_get_board_key (label));
  g_assert_null (dossier_label_get_job_key (label));
  g_assert_null (dossier_label_get_job_reference (label));
  g_assert_null (dossier_label_get_stage (label));
  g_assert_null (dossier_label_get_date_stage (label));
  g_assert_null (dossier_label_get_date_rating (label));
  g_assert_cmpfloat (dossier_label_get_rating (label), <, 0);

  assert_n_items (dossier_profile_get_attachments (profile), 1);
  attachment = item_at (dossier_profile_get_attachments (profile), 0);
  g_assert_null (dossier_attachment_get_attachment_type (attachment));
  g_assert_null (dossier_attachment_get_public_url (attachment));
  g_assert_null (dossier_attachment_get_file_name (attachment));
  g_assert_null (dossier_attachment_get_created_at (attachment));
  g_assert_cmpint (dossier_attachment_get_file_size (attachment), ==, -1);
}

static void
test_null_heavy (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("null-heavy.json");
  DossierSource *source;
  DossierConsent *consent;
  DossierLabel *label;

  assert_empty_identity (profile);

  source = dossier_profile_get_source (profile);
  g_assert_nonnull (source);
  g_assert_null (dossier_source_get_id (source));
  g_assert_null (dossier_source_get_key (source));
  g_assert_null (dossier_source_get_name (source));
  g_assert_null (dossier_source_get_source_type (source));
  g_assert_null (dossier_source_get_subtype (source));
  g_assert_null (dossier_source_get_environment (source));

  consent = dossier_profile_get_consent (profile);
  g_assert_nonnull (consent);
  g_assert_nonnull (dossier_consent_get_permissions (consent));
  g_assert_null (dossier_consent_get_permissions (consent)[0]);
  g_assert_cmpint (dossier_consent_get_owner (consent, "parsing"), ==, DOSSIER_CONSENT_UNSET);

  assert_n_items (dossier_profile_get_experiences (profile), 1);
  assert_empty_experience (item_at (dossier_profile_get_experiences (profile), 0));
  assert_n_items (dossier_profile_get_educations (profile), 0);
  /* `{"name": null, "value": null}` is nothing; a name alone is kept. */
  assert_n_items (dossier_profile_get_languages (profile), 0);
  assert_n_items (dossier_profile_get_tags (profile), 1);
  assert_named_value (dossier_profile_get_tags (profile), 0, "archived", DOSSIER_VALUE_NONE, NULL);
  g_assert_null (dossier_named_value_get_value_items (item_at (dossier_profile_get_tags (profile), 0)));

  assert_n_items (dossier_profile_get_labels (profile), 1);
  label = item_at (dossier_profile_get_labels (profile), 0);
  g_assert_null (dossier_label_get_stage (label));
  g_assert_cmpfloat (dossier_label_get_rating (label), <, 0);
  assert_n_items (dossier_profile_get_attachments (profile), 0);
}

/* Text as it is */

static void
test_rtl (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("rtl.json");
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  g_autofree char *place = NULL;
  DossierExperience *experience;

  g_assert_cmpstr (display_name, ==, "ليلى حداد");
  g_assert_cmpstr (dossier_profile_get_first_name (profile), ==, "ليلى");
  g_assert_cmpstr (dossier_profile_get_summary (profile), ==, "مهندسة برمجيات تعمل في عمّان");
  g_assert_cmpstr (dossier_profile_get_text_language (profile), ==, "ar");
  place = dossier_location_dup_display (dossier_profile_get_location (profile));
  g_assert_cmpstr (place, ==, "عمّان، الأردن");
  g_assert_cmpstr (dossier_location_get_field (dossier_profile_get_location (profile), "city"), ==, "عمّان");

  experience = dossier_profile_get_current_experience (profile);
  g_assert_nonnull (experience);
  g_assert_cmpstr (dossier_experience_get_title (experience), ==, "مهندسة برمجيات");
  g_assert_cmpstr (dossier_experience_get_organization (experience), ==, "شركة النخيل");

  assert_n_items (dossier_profile_get_languages (profile), 2);
  assert_named_value (dossier_profile_get_languages (profile), 0, "العربية",
                      DOSSIER_VALUE_STRING, "اللغة الأم");
  assert_named_value (dossier_profile_get_languages (profile), 1, "English",
                      DOSSIER_VALUE_STRING, "C1");

  /* The name has no ASCII spelling: the file is named after the key. */
  g_assert_cmpstr (basename, ==, "profile-60718293a4b5c6d7e8f9012345678ab1c2d3e4f5.json");
}

static void
test_markup (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("markup.json");
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  DossierExperience *experience;

  /* The model keeps text exactly: escaping is for whoever displays it. */
  g_assert_cmpstr (display_name, ==, "<b>x</b> & Co");
  g_assert_cmpstr (dossier_profile_get_summary (profile), ==,
                   "<script>alert('hi')</script> & <i>more</i>");
  experience = item_at (dossier_profile_get_experiences (profile), 0);
  g_assert_cmpstr (dossier_experience_get_title (experience), ==, "<b>x</b>");
  g_assert_cmpstr (dossier_experience_get_organization (experience), ==, "AT&T <Labs>");
  g_assert_cmpstr (dossier_experience_get_description (experience), ==,
                   "Line one\nLine <two> & \"three\"");
  g_assert_cmpint (dossier_experience_get_duration_months (experience), ==, 12);
  assert_skill (dossier_profile_get_skills (profile), 0,
                "<span foreground='red'>C++</span>", DOSSIER_SKILL_HARD, "%s %n");
  assert_named_value (dossier_profile_get_tags (profile), 0, "<u>tag</u>", DOSSIER_VALUE_STRING, "&amp;");
  assert_link (dossier_profile_get_links (profile), 0, DOSSIER_LINK_LINKEDIN,
               "https://www.linkedin.com/in/a?b=1&c=<2>");

  /* Only [a-z0-9-] in a file name. */
  g_assert_cmpstr (basename, ==, "zoe-b-o-brien-smith.json");
}

/* Labels, attachments, consent, unknown members */

static void
test_labels_attachments (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("labels-attachments.json");
  GListModel *labels = dossier_profile_get_labels (profile);
  GListModel *attachments = dossier_profile_get_attachments (profile);
  DossierLabel *label;
  DossierAttachment *attachment;
  gint64 size = 0;

  assert_n_items (labels, 4);
  label = item_at (labels, 0);
  g_assert_cmpstr (dossier_label_get_board_key (label), ==, "b0a1b2c3d4e5f60718293a4b5c6d7e8f90123456");
  g_assert_cmpstr (dossier_label_get_job_key (label), ==, "j0a1b2c3d4e5f60718293a4b5c6d7e8f90123456");
  g_assert_cmpstr (dossier_label_get_job_reference (label), ==, "JOB-2024-17");
  g_assert_cmpstr (dossier_label_get_stage (label), ==, "yes");
  g_assert_cmpfloat (dossier_label_get_rating (label), ==, 4);
  assert_utc (dossier_date_get_datetime (dossier_label_get_date_stage (label)), 2024, 3, 5, 9, 30, 0);
  assert_utc (dossier_date_get_datetime (dossier_label_get_date_rating (label)), 2024, 3, 5, 9, 30, 0);

  label = item_at (labels, 1);
  g_assert_cmpstr (dossier_label_get_stage (label), ==, "later");
  g_assert_cmpfloat (dossier_label_get_rating (label), ==, 0.75);
  assert_utc (dossier_date_get_datetime (dossier_label_get_date_stage (label)), 2024, 3, 5, 9, 30, 0);
  assert_utc (dossier_date_get_datetime (dossier_label_get_date_rating (label)), 2024, 3, 5, 9, 30, 0);

  label = item_at (labels, 2);
  g_assert_cmpstr (dossier_label_get_stage (label), ==, "new");
  g_assert_cmpfloat (dossier_label_get_rating (label), <, 0);
  g_assert_null (dossier_label_get_date_stage (label));
  g_assert_null (dossier_label_get_board_key (label));

  label = item_at (labels, 3);
  g_assert_cmpstr (dossier_label_get_stage (label), ==, "maybe");
  g_assert_cmpfloat (dossier_label_get_rating (label), ==, 3);

  assert_n_items (attachments, 5);
  attachment = item_at (attachments, 0);
  g_assert_cmpstr (dossier_attachment_get_attachment_type (attachment), ==, "original");
  g_assert_cmpstr (dossier_attachment_get_alt (attachment), ==, "Resume of Jana Nováková");
  g_assert_cmpstr (dossier_attachment_get_file_name (attachment), ==, "original_8293a4b5.pdf");
  g_assert_cmpstr (dossier_attachment_get_original_file_name (attachment), ==, "CV Jana Nováková.pdf");
  g_assert_cmpstr (dossier_attachment_get_extension (attachment), ==, ".pdf");
  g_assert_cmpstr (dossier_attachment_get_public_url (attachment), ==,
                   "https://storage.example.net/attachments/original_8293a4b5.pdf");
  g_assert_cmpint (dossier_attachment_get_file_size (attachment), ==, 48213);
  assert_utc (dossier_date_get_datetime (dossier_attachment_get_created_at (attachment)),
              2024, 3, 1, 8, 0, 0);
  assert_utc (dossier_date_get_datetime (dossier_attachment_get_updated_at (attachment)),
              2024, 3, 2, 8, 0, 0);

  /* file_size as a string, null, negative, a whole double. */
  attachment = item_at (attachments, 1);
  g_assert_cmpstr (dossier_attachment_get_attachment_type (attachment), ==, "resume");
  g_assert_cmpint (dossier_attachment_get_file_size (attachment), ==, 102400);
  g_assert_null (dossier_attachment_get_public_url (attachment));
  g_assert_cmpint (dossier_attachment_get_file_size (item_at (attachments, 2)), ==, -1);
  g_assert_cmpint (dossier_attachment_get_file_size (item_at (attachments, 3)), ==, -1);
  attachment = item_at (attachments, 4);
  g_assert_cmpint (dossier_attachment_get_file_size (attachment), ==, 2048);
  g_object_get (attachment, "file-size", &size, NULL);
  g_assert_cmpint (size, ==, 2048);
}

static void
test_unknown_fields (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("unknown-fields.json");
  g_autoptr(GBytes) file = read_fixture ("unknown-fields.json");
  g_autofree char *trimmed = NULL;
  GListModel *metadatas = dossier_profile_get_metadatas (profile);
  DossierConsent *consent;
  DossierLocation *location;
  DossierNamedValue *value;
  const char * const *permissions;
  const char * const *items;
  GBytes *raw;
  double lat = 0, lng = 0;

  /* Ids beyond 2^64 and 2^53 keep every digit. */
  g_assert_cmpstr (dossier_profile_get_id (profile), ==, "12345678901234567890123");
  g_assert_cmpstr (dossier_source_get_id (dossier_profile_get_source (profile)), ==, "9007199254740993");
  g_assert_cmpstr (dossier_source_get_environment (dossier_profile_get_source (profile)), ==, "production");
  /* `source_key` is missing: the source's key stands in. */
  g_assert_cmpstr (dossier_profile_get_source_key (profile), ==, "a4b5c6d7e8f9012345678ab1c2d3e4f506172839");

  /* The raw text is the whole file, unknown members and numbers as
   * written included. */
  trimmed = g_strstrip (g_strndup (g_bytes_get_data (file, NULL), g_bytes_get_size (file)));
  raw = dossier_profile_get_raw_json (profile);
  g_assert_cmpmem (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw), trimmed, strlen (trimmed));
  g_assert_nonnull (strstr (trimmed, "\"huge\": 1e400"));

  g_assert_cmpfloat_with_epsilon (dossier_profile_get_experiences_duration (profile), 45.51241, 1e-12);
  /* 1e400 is infinity to json-glib: absent. */
  g_assert_cmpfloat (dossier_profile_get_educations_duration (profile), <, 0);

  /* Known permissions in their documented order, then the others. */
  consent = dossier_profile_get_consent (profile);
  permissions = dossier_consent_get_permissions (consent);
  g_assert_cmpuint (g_strv_length ((char **) permissions), ==, 8);
  g_assert_cmpstr (permissions[0], ==, "parsing");
  g_assert_cmpstr (permissions[6], ==, "upskilling");
  g_assert_cmpstr (permissions[7], ==, "matchmaking");
  g_assert_cmpint (dossier_consent_get_owner (consent, "upskilling"), ==, DOSSIER_CONSENT_GRANTED);
  g_assert_cmpint (dossier_consent_get_controller (consent, "upskilling"), ==, DOSSIER_CONSENT_DENIED);
  g_assert_cmpint (dossier_consent_get_controller (consent, "revealing"), ==, DOSSIER_CONSENT_UNSET);
  g_assert_cmpint (dossier_consent_get_controller (consent, "matchmaking"), ==, DOSSIER_CONSENT_GRANTED);
  g_assert_cmpint (dossier_consent_get_owner (consent, "matchmaking"), ==, DOSSIER_CONSENT_UNSET);
  g_assert_cmpstr (dossier_consent_permission_to_label ("upskilling"), ==, "Upskilling");
  g_assert_cmpstr (dossier_consent_permission_to_label ("matchmaking"), ==, "matchmaking");

  /* A latitude as a numeric string is read; a numeric postcode too. */
  location = dossier_profile_get_location (profile);
  g_assert_true (dossier_location_get_coordinates (location, &lat, &lng));
  g_assert_cmpfloat_with_epsilon (lat, 61.4978, 1e-9);
  g_assert_cmpfloat_with_epsilon (lng, 23.761, 1e-9);
  g_assert_cmpstr (dossier_location_get_field (location, "postcode"), ==, "33100");
  g_assert_cmpstr (dossier_location_get_field (location, "district"), ==, "Kaleva");

  /* Values of every JSON type, as readable text. */
  assert_n_items (metadatas, 11);
  assert_named_value (metadatas, 0, "score", DOSSIER_VALUE_NUMBER, "45.51241");
  assert_named_value (metadatas, 1, "overflow", DOSSIER_VALUE_NONE, NULL);
  assert_named_value (metadatas, 2, "count", DOSSIER_VALUE_NUMBER, "12");
  assert_named_value (metadatas, 3, "ratio", DOSSIER_VALUE_NUMBER, "2.5");
  assert_named_value (metadatas, 4, "remote", DOSSIER_VALUE_BOOLEAN, "Yes");
  assert_named_value (metadatas, 5, "relocate", DOSSIER_VALUE_BOOLEAN, "No");
  assert_named_value (metadatas, 6, "langs", DOSSIER_VALUE_LIST, "fi, en, 3");
  value = item_at (metadatas, 6);
  items = dossier_named_value_get_value_items (value);
  g_assert_nonnull (items);
  g_assert_cmpuint (g_strv_length ((char **) items), ==, 3);
  g_assert_cmpstr (items[0], ==, "fi");
  g_assert_cmpstr (items[2], ==, "3");
  assert_named_value (metadatas, 7, "extra", DOSSIER_VALUE_OBJECT, "level: C1, certified: No");
  g_assert_null (dossier_named_value_get_value_items (item_at (metadatas, 7)));
  assert_named_value (metadatas, 8, "empty", DOSSIER_VALUE_OBJECT, "");
  assert_named_value (metadatas, 9, "plain", DOSSIER_VALUE_STRING, "text");
  assert_named_value (metadatas, 10, NULL, DOSSIER_VALUE_STRING, "no name");

  /* The experience with an unknown member reads as usual. */
  g_assert_cmpint (dossier_experience_get_duration_months (item_at (dossier_profile_get_experiences (profile), 0)),
                   ==, 24);
}

static void
assert_display (const char *json,
                const char *expected)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autofree char *text = NULL;

  g_assert_nonnull (node);
  text = dossier_json_node_to_display (node);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_display (void)
{
  assert_display ("true", "Yes");
  assert_display ("false", "No");
  assert_display ("12", "12");
  assert_display ("2019", "2019");
  assert_display ("-7", "-7");
  assert_display ("3.0", "3");
  assert_display ("2.50", "2.5");
  assert_display ("45.512410000000003", "45.51241");
  assert_display ("0.1", "0.1");
  assert_display ("1e400", NULL);
  assert_display ("null", NULL);
  assert_display ("[]", NULL);
  assert_display ("{}", NULL);
  assert_display ("\"\"", "");
  assert_display ("\"fluent\"", "fluent");
  assert_display ("[\"a\", null, 1, true, [\"b\", \"c\"]]", "a, 1, Yes, b, c");
  assert_display ("{\"level\": \"C1\", \"note\": null, \"years\": [1, 2]}", "level: C1, years: 1, 2");
  g_assert_null (dossier_json_node_to_display (NULL));
}

/* Errors */

static void
assert_error (const char *text,
              gsize       length,
              int         code,
              GHashTable *messages)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GError) error = NULL;
  DossierProfile *profile;

  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_null (profile);
  g_assert_error (error, DOSSIER_ERROR, code);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 20);
  if (messages != NULL)
    g_hash_table_add (messages, g_strdup (error->message));
}

static void
test_errors (void)
{
  g_autoptr(GHashTable) messages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GBytes) seed = read_fixture ("seed-example.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new ("{\"code\": 200, \"data\": ");
  g_autoptr(GBytes) bytes = NULL;
  const char *envelope_no_data = "{\"code\": 200, \"message\": \"Profile details\"}";
  const char *refused = "{\"code\": 400, \"message\": \"Invalid source fields\"}";
  const char *data_null = "{\"code\": 200, \"message\": \"Profile details\", \"data\": null}";
  const char *data_array = "{\"code\": 200, \"message\": \"Profile details\", \"data\": []}";
  const char *html = "<html><body><h1>502 Bad Gateway</h1></body></html>";
  const char *bad_utf8 = "{\"key\": \"caf\xC3\"}";
  const char *lists_in_array = "[{\"skills\": [{\"name\": \"x\"}]}]";
  char *large;

  /* Each class of broken answer has its own message. */
  assert_error ("", 0, DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error (" \n\t ", 4, DOSSIER_ERROR_INVALID_RESPONSE, NULL);
  assert_error (g_bytes_get_data (seed, NULL), 400, DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error (html, strlen (html), DOSSIER_ERROR_INVALID_RESPONSE, NULL);
  assert_error (bad_utf8, strlen (bad_utf8), DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error ("[1, 2]", 6, DOSSIER_ERROR_INVALID_RESPONSE, messages);
  /* Lists of a profile inside an array: not a profile (and no critical on
   * the way, as the tree builder's watch once raised). */
  assert_error (lists_in_array, strlen (lists_in_array), DOSSIER_ERROR_INVALID_RESPONSE, NULL);
  assert_error ("\"text\"", 6, DOSSIER_ERROR_INVALID_RESPONSE, NULL);
  assert_error ("{\"code\": 200}", 13, DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error (envelope_no_data, strlen (envelope_no_data), DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error (data_null, strlen (data_null), DOSSIER_ERROR_INVALID_RESPONSE, messages);
  assert_error (data_array, strlen (data_array), DOSSIER_ERROR_INVALID_RESPONSE, messages);
  g_assert_cmpuint (g_hash_table_size (messages), ==, 8);

  /* The API's own words travel with the error. */
  bytes = g_bytes_new_static (refused, strlen (refused));
  g_assert_null (dossier_profile_new_from_bytes (bytes, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE);
  g_assert_nonnull (strstr (error->message, "Invalid source fields"));
  g_assert_cmpstr (dossier_error_get_api_message (error), ==, "Invalid source fields");
  g_clear_error (&error);

  /* 100,000 levels, bare and inside an envelope: refused before json-glib
   * (which would overflow its stack) sees them. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_error (deep->str, deep->len, DOSSIER_ERROR_TOO_DEEP, NULL);
  assert_error (strchr (deep->str, '['), 100000, DOSSIER_ERROR_TOO_DEEP, NULL);

  /* One byte over the limit. */
  large = g_malloc (DOSSIER_MAX_BODY_SIZE + 1);
  memset (large, ' ', DOSSIER_MAX_BODY_SIZE + 1);
  large[0] = '{';
  large[DOSSIER_MAX_BODY_SIZE] = '}';
  assert_error (large, DOSSIER_MAX_BODY_SIZE + 1, DOSSIER_ERROR_TOO_LARGE, NULL);
  g_free (large);
}

/* Threads and properties */

static gpointer
build_in_thread (gpointer data)
{
  GBytes *bytes = data;

  return dossier_profile_new_from_bytes (bytes, NULL);
}

static void
test_worker_thread (void)
{
  g_autoptr(GBytes) bytes = read_fixture ("dates-variety.json");
  g_autoptr(DossierProfile) profile = NULL;
  GThread *thread;

  /* Built in a worker, used and freed in the main thread. */
  thread = g_thread_new ("profile", build_in_thread, bytes);
  profile = g_thread_join (thread);
  g_assert_true (DOSSIER_IS_PROFILE (profile));
  g_assert_cmpstr (dossier_profile_get_key (profile), ==, "5f60718293a4b5c6d7e8f9012345678ab1c2d3e4");
  assert_n_items (dossier_profile_get_experiences (profile), 8);
}

static void
test_properties (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("seed-example.json");
  g_autoptr(DossierExperience) current = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *title = NULL;
  gboolean ongoing = FALSE;
  g_autofree char *value_text = NULL;

  g_object_get (profile,
                "display-name", &display_name,
                "current-experience", &current,
                NULL);
  g_assert_cmpstr (display_name, ==, "Harry Potter");
  g_assert_true (current == dossier_profile_get_current_experience (profile));

  g_object_get (current, "title", &title, "ongoing", &ongoing, NULL);
  g_assert_cmpstr (title, ==, "Analyste d'affaires");
  g_assert_true (ongoing);

  g_object_get (item_at (dossier_profile_get_tags (profile), 0), "value-text", &value_text, NULL);
  g_assert_cmpstr (value_text, ==, "No");
}

/* A large answer (over the size from which the parse tree is freed in a
 * thread of its own): the model is whole and right, and stays right while
 * the tree is being freed behind it. */
static void
test_large (void)
{
  g_autoptr(GString) text = g_string_new ("{\"code\":200,\"message\":\"Profile details\",\"data\":"
                                          "{\"key\":\"big\",\"info\":{\"full_name\":\"Big Profile\"},"
                                          "\"experiences\":[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_experiences = 3000;

  for (guint i = 0; i < n_experiences; i++)
    g_string_append_printf (text, "%s{\"key\":\"e%u\",\"title\":\"Title %u\",\"company\":\"Company\","
                                  "\"date_start\":\"%u-01-01T00:00:00\",\"description\":\"%s\","
                                  "\"skills\":[{\"name\":\"skill %u\",\"type\":\"hard\",\"value\":null}]}",
                            i > 0 ? "," : "", i, i, 1000 + i,
                            "A description long enough to make the answer large, as real ones are.", i);
  g_string_append (text, "]}}");
  g_assert_cmpuint (text->len, >, 256 * 1024);
  bytes = g_bytes_new (text->str, text->len);

  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(DossierProfile) profile = dossier_profile_new_from_response (bytes, &error);
      g_autoptr(DossierExperience) newest = NULL;
      GListModel *experiences;

      g_assert_no_error (error);
      g_assert_nonnull (profile);
      g_assert_cmpstr (dossier_profile_get_key (profile), ==, "big");
      g_assert_cmpstr (dossier_profile_get_full_name (profile), ==, "Big Profile");
      experiences = dossier_profile_get_experiences (profile);
      g_assert_cmpuint (g_list_model_get_n_items (experiences), ==, n_experiences);
      /* Newest first: the last one in the answer. */
      newest = g_list_model_get_item (experiences, 0);
      g_assert_cmpstr (dossier_experience_get_title (newest), ==, "Title 2999");
    }
}

/* The spellings of a skill's type that are understood, folded without a
 * copy since the type is read for every one of tens of thousands of
 * skills. */
static void
test_skill_type_spellings (void)
{
  static const struct
  {
    const char       *type;
    DossierSkillType  expected;
  } cases[] = {
    { "hard", DOSSIER_SKILL_HARD }, { " Hard ", DOSSIER_SKILL_HARD },
    { "HARD_SKILLS", DOSSIER_SKILL_HARD }, { "hard skill", DOSSIER_SKILL_HARD },
    { "hard-skills", DOSSIER_SKILL_HARD }, { "\thard_skill\n", DOSSIER_SKILL_HARD },
    { "soft", DOSSIER_SKILL_SOFT }, { "Soft-Skill", DOSSIER_SKILL_SOFT },
    { "soft_skills", DOSSIER_SKILL_SOFT }, { "  SOFT  SKILL", DOSSIER_SKILL_UNKNOWN },
    { "hard\tskill", DOSSIER_SKILL_UNKNOWN }, { "hardskill", DOSSIER_SKILL_UNKNOWN },
    { "hard_skillss", DOSSIER_SKILL_UNKNOWN }, { "hard_skills_and_more", DOSSIER_SKILL_UNKNOWN },
    { "h\u00e4rd", DOSSIER_SKILL_UNKNOWN }, { "", DOSSIER_SKILL_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"skills\":[{\"name\":\"x\",\"type\":\"%s\"}]}",
                                               cases[i].type);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(DossierProfile) profile = dossier_profile_new_from_bytes (bytes, &error);
      g_autoptr(DossierSkill) skill = NULL;

      g_assert_no_error (error);
      skill = g_list_model_get_item (dossier_profile_get_skills (profile), 0);
      g_assert_nonnull (skill);
      if (dossier_skill_get_skill_type (skill) != cases[i].expected)
        g_error ("type \"%s\" read as %d", cases[i].type, dossier_skill_get_skill_type (skill));
    }
}

/* The threads that free replaced profiles and parse trees run only when a
 * processor is idle; the thread that asks, and only it. */
static gpointer
background_thread (gpointer data)
{
  dossier_thread_set_background ();
#if defined(__linux__) && defined(SCHED_IDLE)
  return GINT_TO_POINTER (sched_getscheduler (0));
#else
  return NULL;
#endif
}

static void
test_background_thread (void)
{
#if defined(__linux__) && defined(SCHED_IDLE)
  GThread *thread = g_thread_new ("background", background_thread, NULL);

  g_assert_cmpint (GPOINTER_TO_INT (g_thread_join (thread)), ==, SCHED_IDLE);
  g_assert_cmpint (sched_getscheduler (0), ==, SCHED_OTHER);
#else
  g_test_skip ("Only Linux has SCHED_IDLE");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/seed", test_seed);
  g_test_add_func ("/profile/envelope-and-bare", test_envelope_and_bare);
  g_test_add_func ("/profile/new-from-object", test_new_from_object);
  g_test_add_func ("/profile/urls/list", test_urls_list);
  g_test_add_func ("/profile/urls/object", test_urls_object);
  g_test_add_func ("/profile/urls/string", test_urls_string);
  g_test_add_func ("/profile/skills/legacy", test_legacy_skills);
  g_test_add_func ("/profile/skills/swapped", test_swapped_skills);
  g_test_add_func ("/profile/skills/type-spellings", test_skill_type_spellings);
  g_test_add_func ("/profile/dates/variety", test_dates_variety);
  g_test_add_func ("/profile/dates/forms", test_date_forms);
  g_test_add_func ("/profile/wrong-types", test_wrong_types);
  g_test_add_func ("/profile/null-heavy", test_null_heavy);
  g_test_add_func ("/profile/rtl", test_rtl);
  g_test_add_func ("/profile/markup", test_markup);
  g_test_add_func ("/profile/labels-attachments", test_labels_attachments);
  g_test_add_func ("/profile/unknown-fields", test_unknown_fields);
  g_test_add_func ("/profile/value-display", test_display);
  g_test_add_func ("/profile/errors", test_errors);
  g_test_add_func ("/profile/worker-thread", test_worker_thread);
  g_test_add_func ("/profile/large", test_large);
  g_test_add_func ("/profile/properties", test_properties);
  g_test_add_func ("/profile/background-thread", test_background_thread);

  return g_test_run ();
}
