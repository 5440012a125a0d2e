/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SOURCE (dossier_source_get_type ())

G_DECLARE_FINAL_TYPE (DossierSource, dossier_source, DOSSIER, SOURCE, GObject)

DossierSource *dossier_source_new_from_node    (JsonNode      *node);
/* The numeric `id` as text: it may exceed 2^53.  NULL when absent. */
const char    *dossier_source_get_id           (DossierSource *self);
const char    *dossier_source_get_key          (DossierSource *self);
const char    *dossier_source_get_name         (DossierSource *self);
const char    *dossier_source_get_source_type  (DossierSource *self);
const char    *dossier_source_get_subtype      (DossierSource *self);
const char    *dossier_source_get_environment  (DossierSource *self);

G_END_DECLS
