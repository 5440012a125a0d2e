/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-attachment.h"
#include "dossier-consent.h"
#include "dossier-date.h"
#include "dossier-experience.h"
#include "dossier-label.h"
#include "dossier-link.h"
#include "dossier-location.h"
#include "dossier-skill.h"
#include "dossier-source.h"
#include "dossier-value.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_PROFILE (dossier_profile_get_type ())

G_DECLARE_FINAL_TYPE (DossierProfile, dossier_profile, DOSSIER, PROFILE, GObject)

/**
 * DossierProfile:
 *
 * A candidate, built from the `data` object of `GET /profile/indexing`.
 * Every field may be missing, null or of the wrong type: a field of the
 * wrong type is treated as absent.  Lists are #GListModel and never NULL
 * (they may be empty).  The profile keeps the exact text of `data` so that
 * the export is lossless (see dossier_profile_get_raw_json()).
 *
 * Profiles are immutable once built, so they may be built in a worker
 * thread and handed to the main thread.
 *
 * Text getters, here and in every part of the model, return NULL for a
 * member that is missing, null, of the wrong type or blank.  Read-only
 * properties mirror the main getters for GtkExpression and bindings.
 */

/* Parse @bytes, either an API envelope `{"code", "message", "data"}` or a
 * bare profile object as exported by Dossier (or as the API's `data`).
 * Checks size and nesting depth before parsing.  Blocking: call it from a
 * worker thread for large input.  Errors are %DOSSIER_ERROR_INVALID_RESPONSE,
 * %DOSSIER_ERROR_TOO_LARGE or %DOSSIER_ERROR_TOO_DEEP. */
DossierProfile  *dossier_profile_new_from_bytes            (GBytes         *bytes,
                                                            GError        **error);
/* The same for an answer of `GET /profile/indexing`, which must be an
 * envelope whose `data` is an object: anything else is
 * %DOSSIER_ERROR_INVALID_RESPONSE, with a message that says which. */
DossierProfile  *dossier_profile_new_from_response         (GBytes         *body,
                                                            GError        **error);
/* Builds the model from an already parsed `data` object; @raw_json is the
 * exact text of that object (its bytes in the answer). */
DossierProfile  *dossier_profile_new_from_object           (JsonObject     *data,
                                                            GBytes         *raw_json);

/* The exact bytes of the `data` object as received. */
GBytes          *dossier_profile_get_raw_json              (DossierProfile *self);

/* Identity of the record. `id` is text: it may exceed 2^53. */
const char      *dossier_profile_get_id                    (DossierProfile *self);
const char      *dossier_profile_get_key                   (DossierProfile *self);
const char      *dossier_profile_get_reference             (DossierProfile *self);
const char      *dossier_profile_get_source_key            (DossierProfile *self);
DossierSource   *dossier_profile_get_source                (DossierProfile *self);
gboolean         dossier_profile_is_archived               (DossierProfile *self);
DossierDate     *dossier_profile_get_archived_at           (DossierProfile *self);
DossierDate     *dossier_profile_get_created_at            (DossierProfile *self);
DossierDate     *dossier_profile_get_updated_at            (DossierProfile *self);
DossierConsent  *dossier_profile_get_consent               (DossierProfile *self);

/* `info` */
const char      *dossier_profile_get_full_name             (DossierProfile *self);
const char      *dossier_profile_get_first_name            (DossierProfile *self);
const char      *dossier_profile_get_last_name             (DossierProfile *self);
/* full_name, else "first last", else the email, else NULL. */
char            *dossier_profile_dup_display_name          (DossierProfile *self);
const char      *dossier_profile_get_email                 (DossierProfile *self);
const char      *dossier_profile_get_phone                 (DossierProfile *self);
DossierDate     *dossier_profile_get_date_birth            (DossierProfile *self);
const char      *dossier_profile_get_gender                (DossierProfile *self);
const char      *dossier_profile_get_summary               (DossierProfile *self);
/* NULL when empty. */
const char      *dossier_profile_get_picture_url           (DossierProfile *self);
const char      *dossier_profile_get_driving_license       (DossierProfile *self);
DossierLocation *dossier_profile_get_location              (DossierProfile *self);
GListModel      *dossier_profile_get_links                 (DossierProfile *self);

/* The raw resume text and its language. */
const char      *dossier_profile_get_text                  (DossierProfile *self);
const char      *dossier_profile_get_text_language         (DossierProfile *self);
/* Years; negative when absent. */
double           dossier_profile_get_experiences_duration  (DossierProfile *self);
double           dossier_profile_get_educations_duration   (DossierProfile *self);

/* Sorted newest first (see dossier_experience_compare_newest_first()). */
GListModel      *dossier_profile_get_experiences           (DossierProfile *self);
GListModel      *dossier_profile_get_educations            (DossierProfile *self);
/* The latest ongoing experience, else NULL. */
DossierExperience *dossier_profile_get_current_experience  (DossierProfile *self);

/* `skills`, or the legacy `hard_skills` + `soft_skills`. */
GListModel      *dossier_profile_get_skills                (DossierProfile *self);
GListModel      *dossier_profile_get_languages             (DossierProfile *self);
GListModel      *dossier_profile_get_interests             (DossierProfile *self);
GListModel      *dossier_profile_get_certifications        (DossierProfile *self);
GListModel      *dossier_profile_get_courses               (DossierProfile *self);
GListModel      *dossier_profile_get_tasks                 (DossierProfile *self);
GListModel      *dossier_profile_get_tags                  (DossierProfile *self);
GListModel      *dossier_profile_get_metadatas             (DossierProfile *self);
GListModel      *dossier_profile_get_labels                (DossierProfile *self);
GListModel      *dossier_profile_get_attachments           (DossierProfile *self);

/* A file name for the export: "first-last.json", ASCII-folded, safe. */
char            *dossier_profile_dup_export_basename       (DossierProfile *self);

G_END_DECLS
