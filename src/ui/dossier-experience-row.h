/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-experience.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_EXPERIENCE_ROW (dossier_experience_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierExperienceRow, dossier_experience_row, DOSSIER, EXPERIENCE_ROW, AdwExpanderRow)

/**
 * DossierExperienceRow:
 *
 * One experience or education: the position (or degree) as the title, and
 * "Company · Sep 2021 – Present · 3 yrs 3 mos" below.  Expanded, it shows
 * the location, the description and the entry's own skills and other
 * lists; those rows are built the first time it is expanded, so that a
 * list of thousands of entries costs one row each.  An entry with details
 * shows one line of title and of subtitle while collapsed (ellipsized,
 * the full text in the tooltip), and all of both once expanded.
 */
GtkWidget         *dossier_experience_row_new            (DossierExperience    *experience);
DossierExperience *dossier_experience_row_get_experience (DossierExperienceRow *self);
/* TRUE when expanding would show something. */
gboolean           dossier_experience_has_details        (DossierExperience    *experience);

G_END_DECLS
