/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * DossierNamedValue:
 *
 * A `{name, value}` pair, the shape of languages, interests, tags,
 * metadatas, certifications, courses and tasks.  `value` may be any JSON:
 * the model turns it into readable text so that no view walks JSON.
 */
#define DOSSIER_TYPE_NAMED_VALUE (dossier_named_value_get_type ())

G_DECLARE_FINAL_TYPE (DossierNamedValue, dossier_named_value, DOSSIER, NAMED_VALUE, GObject)

typedef enum
{
  DOSSIER_VALUE_NONE,     /* missing or null */
  DOSSIER_VALUE_STRING,
  DOSSIER_VALUE_BOOLEAN,
  DOSSIER_VALUE_NUMBER,
  DOSSIER_VALUE_LIST,
  DOSSIER_VALUE_OBJECT,
} DossierValueKind;

/* NULL when @node is not an object or has neither a name nor a value. */
DossierNamedValue *dossier_named_value_new_from_node   (JsonNode          *node);
const char        *dossier_named_value_get_name        (DossierNamedValue *self);
DossierValueKind   dossier_named_value_get_value_kind  (DossierNamedValue *self);
/* Readable text: booleans as translated Yes/No, numbers localized, lists
 * joined with ", ", objects as "key: value" pairs.  NULL for NONE. */
const char        *dossier_named_value_get_value_text  (DossierNamedValue *self);
/* For lists: each item as readable text; NULL otherwise. */
const char * const *dossier_named_value_get_value_items (DossierNamedValue *self);

/* The same rules for any node, for use by other model classes. */
char              *dossier_json_node_to_display        (JsonNode          *node);

G_END_DECLS
