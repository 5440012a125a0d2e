/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LOCATION (dossier_location_get_type ())

G_DECLARE_FINAL_TYPE (DossierLocation, dossier_location, DOSSIER, LOCATION, GObject)

DossierLocation *dossier_location_new_from_node   (JsonNode        *node);
const char      *dossier_location_get_text        (DossierLocation *self);
/* FALSE when the coordinates are missing or not numbers ("lat" was seen). */
gboolean         dossier_location_get_coordinates (DossierLocation *self,
                                                   double          *lat,
                                                   double          *lng);
const char      *dossier_location_get_gmaps       (DossierLocation *self);
/* One of the `fields` (city, country, postcode, …), or NULL. */
const char      *dossier_location_get_field       (DossierLocation *self,
                                                   const char      *name);
/* The text, or failing that "city, state, country" built from the fields. */
char            *dossier_location_dup_display     (DossierLocation *self);

G_END_DECLS
