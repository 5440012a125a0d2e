/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-walk.h"

/* A critical or a warning is a finding: abort, which libFuzzer catches and
 * turns into a crash report with the input (it does not catch the SIGTRAP
 * that GLib's own fatal flags raise). */
static GLogWriterOutput
abort_on_warnings (GLogLevelFlags   log_level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

void
fuzz_init (void)
{
  static gboolean initialized;

  if (initialized)
    return;
  initialized = TRUE;
  g_log_set_writer_func (abort_on_warnings, NULL, NULL);
  g_setenv ("GIO_USE_VFS", "local", TRUE);
}

static void
walk_date (DossierDate *date)
{
  if (date == NULL)
    return;
  (void) dossier_date_get_datetime (date);
  (void) dossier_date_get_text (date);
  (void) dossier_date_is_ongoing (date);
}

static void
walk_location (DossierLocation *location)
{
  double lat, lng;
  g_autofree char *display = NULL;

  if (location == NULL)
    return;
  (void) dossier_location_get_text (location);
  (void) dossier_location_get_coordinates (location, &lat, &lng);
  (void) dossier_location_get_gmaps (location);
  (void) dossier_location_get_field (location, "city");
  display = dossier_location_dup_display (location);
}

static void
walk_named_values (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierNamedValue) value = g_list_model_get_item (model, i);
      const char * const *items;

      (void) dossier_named_value_get_name (value);
      (void) dossier_named_value_get_value_kind (value);
      (void) dossier_named_value_get_value_text (value);
      items = dossier_named_value_get_value_items (value);
      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        g_assert_true (g_utf8_validate (items[j], -1, NULL));
    }
}

static void
walk_skills (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierSkill) skill = g_list_model_get_item (model, i);

      (void) dossier_skill_get_name (skill);
      (void) dossier_skill_get_skill_type (skill);
      (void) dossier_skill_get_value_text (skill);
    }
}

static void
walk_experiences (GListModel *model)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierExperience) experience = g_list_model_get_item (model, i);

      (void) dossier_experience_get_kind (experience);
      (void) dossier_experience_get_key (experience);
      (void) dossier_experience_get_title (experience);
      (void) dossier_experience_get_organization (experience);
      (void) dossier_experience_get_description (experience);
      (void) dossier_experience_get_logo (experience);
      walk_location (dossier_experience_get_location (experience));
      walk_date (dossier_experience_get_date_start (experience));
      walk_date (dossier_experience_get_date_end (experience));
      (void) dossier_experience_is_ongoing (experience);
      (void) dossier_experience_get_duration_months (experience);
      walk_skills (dossier_experience_get_skills (experience));
      walk_named_values (dossier_experience_get_certifications (experience));
      walk_named_values (dossier_experience_get_courses (experience));
      walk_named_values (dossier_experience_get_tasks (experience));
      walk_named_values (dossier_experience_get_languages (experience));
      walk_named_values (dossier_experience_get_interests (experience));
    }
}

void
fuzz_walk_profile (DossierProfile *profile)
{
  g_autofree char *display_name = dossier_profile_dup_display_name (profile);
  g_autofree char *basename = dossier_profile_dup_export_basename (profile);
  DossierConsent *consent = dossier_profile_get_consent (profile);
  DossierSource *source = dossier_profile_get_source (profile);
  GListModel *model;

  g_assert_true (display_name == NULL || g_utf8_validate (display_name, -1, NULL));
  g_assert_true (g_str_has_suffix (basename, ".json"));
  g_assert_null (strchr (basename, '/'));

  (void) dossier_profile_get_id (profile);
  (void) dossier_profile_get_key (profile);
  (void) dossier_profile_get_reference (profile);
  (void) dossier_profile_get_source_key (profile);
  if (source != NULL)
    {
      (void) dossier_source_get_key (source);
      (void) dossier_source_get_name (source);
      (void) dossier_source_get_source_type (source);
      (void) dossier_source_get_subtype (source);
      (void) dossier_source_get_environment (source);
    }
  (void) dossier_profile_is_archived (profile);
  walk_date (dossier_profile_get_archived_at (profile));
  walk_date (dossier_profile_get_created_at (profile));
  walk_date (dossier_profile_get_updated_at (profile));
  if (consent != NULL)
    {
      const char * const *permissions = dossier_consent_get_permissions (consent);

      for (guint i = 0; permissions != NULL && permissions[i] != NULL; i++)
        {
          (void) dossier_consent_get_owner (consent, permissions[i]);
          (void) dossier_consent_get_controller (consent, permissions[i]);
          (void) dossier_consent_permission_to_label (permissions[i]);
        }
    }

  (void) dossier_profile_get_full_name (profile);
  (void) dossier_profile_get_first_name (profile);
  (void) dossier_profile_get_last_name (profile);
  (void) dossier_profile_get_email (profile);
  (void) dossier_profile_get_phone (profile);
  walk_date (dossier_profile_get_date_birth (profile));
  (void) dossier_profile_get_gender (profile);
  (void) dossier_profile_get_summary (profile);
  (void) dossier_profile_get_picture_url (profile);
  (void) dossier_profile_get_driving_license (profile);
  walk_location (dossier_profile_get_location (profile));

  model = dossier_profile_get_links (profile);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierLink) link = g_list_model_get_item (model, i);

      g_assert_nonnull (dossier_link_get_url (link));
      (void) dossier_link_type_to_label (dossier_link_get_link_type (link));
    }

  (void) dossier_profile_get_text (profile);
  (void) dossier_profile_get_text_language (profile);
  (void) dossier_profile_get_experiences_duration (profile);
  (void) dossier_profile_get_educations_duration (profile);
  walk_experiences (dossier_profile_get_experiences (profile));
  walk_experiences (dossier_profile_get_educations (profile));
  (void) dossier_profile_get_current_experience (profile);
  walk_skills (dossier_profile_get_skills (profile));
  walk_named_values (dossier_profile_get_languages (profile));
  walk_named_values (dossier_profile_get_interests (profile));
  walk_named_values (dossier_profile_get_certifications (profile));
  walk_named_values (dossier_profile_get_courses (profile));
  walk_named_values (dossier_profile_get_tasks (profile));
  walk_named_values (dossier_profile_get_tags (profile));
  walk_named_values (dossier_profile_get_metadatas (profile));

  model = dossier_profile_get_labels (profile);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierLabel) label = g_list_model_get_item (model, i);

      (void) dossier_label_get_board_key (label);
      (void) dossier_label_get_job_key (label);
      (void) dossier_label_get_job_reference (label);
      (void) dossier_label_get_stage (label);
      walk_date (dossier_label_get_date_stage (label));
      (void) dossier_label_get_rating (label);
      walk_date (dossier_label_get_date_rating (label));
    }

  model = dossier_profile_get_attachments (profile);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierAttachment) attachment = g_list_model_get_item (model, i);

      (void) dossier_attachment_get_attachment_type (attachment);
      (void) dossier_attachment_get_alt (attachment);
      (void) dossier_attachment_get_file_name (attachment);
      (void) dossier_attachment_get_original_file_name (attachment);
      (void) dossier_attachment_get_extension (attachment);
      (void) dossier_attachment_get_public_url (attachment);
      (void) dossier_attachment_get_file_size (attachment);
      walk_date (dossier_attachment_get_created_at (attachment));
      walk_date (dossier_attachment_get_updated_at (attachment));
    }
}
