/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-date.h"
#include "dossier-location.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPERIENCE (dossier_experience_get_type ())

G_DECLARE_FINAL_TYPE (DossierExperience, dossier_experience, DOSSIER, EXPERIENCE, GObject)

/**
 * DossierExperience:
 *
 * An entry of `experiences` or of `educations`: they share one shape,
 * with `company` for the one and `school` for the other, both read as the
 * organization.
 */
typedef enum
{
  DOSSIER_EXPERIENCE_WORK,
  DOSSIER_EXPERIENCE_EDUCATION,
} DossierExperienceKind;

DossierExperience     *dossier_experience_new_from_node        (JsonNode              *node,
                                                                DossierExperienceKind  kind);
DossierExperienceKind  dossier_experience_get_kind             (DossierExperience *self);
const char            *dossier_experience_get_key              (DossierExperience *self);
const char            *dossier_experience_get_title            (DossierExperience *self);
const char            *dossier_experience_get_organization     (DossierExperience *self);
const char            *dossier_experience_get_description      (DossierExperience *self);
const char            *dossier_experience_get_logo             (DossierExperience *self);
DossierLocation       *dossier_experience_get_location         (DossierExperience *self);
DossierDate           *dossier_experience_get_date_start       (DossierExperience *self);
DossierDate           *dossier_experience_get_date_end         (DossierExperience *self);
/* TRUE for the 1969 sentinel, and for a missing end after a known start. */
gboolean               dossier_experience_is_ongoing           (DossierExperience *self);
/* Months between start and end (or now when ongoing); -1 when unknown. */
int                    dossier_experience_get_duration_months  (DossierExperience *self);
GListModel            *dossier_experience_get_skills           (DossierExperience *self);
GListModel            *dossier_experience_get_certifications   (DossierExperience *self);
GListModel            *dossier_experience_get_courses          (DossierExperience *self);
GListModel            *dossier_experience_get_tasks            (DossierExperience *self);
GListModel            *dossier_experience_get_languages        (DossierExperience *self);
GListModel            *dossier_experience_get_interests        (DossierExperience *self);

/* Newest first: ongoing, then by start (then end) descending, undated last. */
int                    dossier_experience_compare_newest_first (gconstpointer a,
                                                                gconstpointer b,
                                                                gpointer      user_data);

G_END_DECLS
