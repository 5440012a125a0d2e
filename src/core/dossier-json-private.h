/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include <json-glib/json-glib.h>

#include "dossier-source.h"

G_BEGIN_DECLS

/*
 * Type-checked accessors shared by the model files.
 *
 * json-glib's own getters (json_object_get_string_member () and friends)
 * emit a critical warning when a member has an unexpected type, and real
 * HrFlow data breaks its documented types all the time.  Every model file
 * reads JSON through these helpers only, so that a member of the wrong type
 * is simply absent: never a crash, never a critical.
 */

/* The member @name of @object, or NULL when @object is NULL, the member is
 * missing or it is JSON null. */
static inline JsonNode *
dossier_json_get_member (JsonObject *object,
                         const char *name)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static inline gboolean
dossier_json_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The string held by @node, or NULL when it is not a string or is blank:
 * an empty name is no name. */
static inline const char *
dossier_json_node_get_string (JsonNode *node)
{
  const char *text;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = json_node_get_string (node);
  return dossier_json_is_blank (text) ? NULL : text;
}

static inline const char *
dossier_json_get_string (JsonObject *object,
                         const char *name)
{
  return dossier_json_node_get_string (dossier_json_get_member (object, name));
}

static inline JsonObject *
dossier_json_node_get_object (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static inline JsonObject *
dossier_json_get_object (JsonObject *object,
                         const char *name)
{
  return dossier_json_node_get_object (dossier_json_get_member (object, name));
}

static inline JsonArray *
dossier_json_node_get_array (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static inline JsonArray *
dossier_json_get_array (JsonObject *object,
                        const char *name)
{
  return dossier_json_node_get_array (dossier_json_get_member (object, name));
}

/* TRUE when @node is a finite number (integer or not); 1e400 parses as
 * infinity in json-glib and is treated as absent. */
static inline gboolean
dossier_json_node_get_number (JsonNode *node,
                              double   *out)
{
  GType type;
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return FALSE;
  if (!isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static inline gboolean
dossier_json_get_number (JsonObject *object,
                         const char *name,
                         double     *out)
{
  return dossier_json_node_get_number (dossier_json_get_member (object, name), out);
}

/* A number written as a string ("12345", " 4.5 "), as some fields have
 * been.  The whole string must be the number. */
static inline gboolean
dossier_json_parse_number (const char *text,
                           double     *out)
{
  char *end = NULL;
  double value;

  if (text == NULL)
    return FALSE;
  while (g_ascii_isspace (*text))
    text++;
  if (*text == '\0')
    return FALSE;
  value = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* A number, or a string holding one. */
static inline gboolean
dossier_json_node_get_number_lenient (JsonNode *node,
                                      double   *out)
{
  return dossier_json_node_get_number (node, out) ||
         dossier_json_parse_number (dossier_json_node_get_string (node), out);
}

/* Internal constructors and builders shared between model files. */

/* An identifier as text: a string as it is, a number as its exact digits.
 * json-glib wraps integers beyond 2^63 around and doubles lose digits
 * beyond 2^53, so when @token (the value's bytes in the received text,
 * @token_length long) is given it is used as it was written. */
char       *dossier_json_dup_id            (JsonNode   *node,
                                            const char *token,
                                            gsize       token_length);

/* Set once, while the profile builds the source: the exact digits of the
 * source's id come from the received text, which only the profile has. */
void        dossier_source_set_id          (DossierSource *self,
                                            const char    *id);

/* A #GListStore of #DossierNamedValue from the objects of @array (anything
 * else is skipped); empty when @array is NULL. */
GListStore *dossier_named_value_list_new   (JsonArray  *array);

/* Items built from the elements of arrays while the text was parsed (see
 * #DossierJsonTreeOptions): a table from #JsonArray to a #GPtrArray of the
 * items, in order, elements that gave none left out. */
static inline GPtrArray *
dossier_json_prebuilt_items (GHashTable *prebuilt,
                             JsonArray  *array)
{
  if (prebuilt == NULL || array == NULL)
    return NULL;
  return g_hash_table_lookup (prebuilt, array);
}

/* A #GListStore of #DossierSkill from `skills` of @parent, or from the
 * legacy `hard_skills` and `soft_skills` when `skills` holds none.  Items
 * in @prebuilt (nullable) for those arrays are taken as they are. */
GListStore *dossier_skill_list_new         (JsonObject *parent,
                                            GHashTable *prebuilt);

G_END_DECLS
