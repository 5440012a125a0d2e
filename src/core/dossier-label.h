/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LABEL (dossier_label_get_type ())

G_DECLARE_FINAL_TYPE (DossierLabel, dossier_label, DOSSIER, LABEL, GObject)

/* A recruiter's verdict on the profile for one job (`labels[]`). */
DossierLabel *dossier_label_new_from_node      (JsonNode     *node);
const char   *dossier_label_get_board_key      (DossierLabel *self);
const char   *dossier_label_get_job_key        (DossierLabel *self);
const char   *dossier_label_get_job_reference  (DossierLabel *self);
/* "yes", "no", "later", "new" or whatever the API sent; NULL if none. */
const char   *dossier_label_get_stage          (DossierLabel *self);
DossierDate  *dossier_label_get_date_stage     (DossierLabel *self);
/* 1–5, or a fraction in [0, 1]; negative when absent. */
double        dossier_label_get_rating         (DossierLabel *self);
DossierDate  *dossier_label_get_date_rating    (DossierLabel *self);

G_END_DECLS
