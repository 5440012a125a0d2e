/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-location.h"
#include "dossier-json-private.h"

struct _DossierLocation
{
  GObject     parent_instance;

  char       *text;
  char       *gmaps;
  gboolean    has_coordinates;
  double      lat;
  double      lng;
  /* name → value; NULL when `fields` held nothing. */
  GHashTable *fields;
};

G_DEFINE_FINAL_TYPE (DossierLocation, dossier_location, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_DISPLAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_location_finalize (GObject *object)
{
  DossierLocation *self = DOSSIER_LOCATION (object);

  g_free (self->text);
  g_free (self->gmaps);
  g_clear_pointer (&self->fields, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_location_parent_class)->finalize (object);
}

static void
dossier_location_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierLocation *self = DOSSIER_LOCATION (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_DISPLAY:
      g_value_take_string (value, dossier_location_dup_display (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_location_class_init (DossierLocationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_location_finalize;
  object_class->get_property = dossier_location_get_property;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY] =
    g_param_spec_string ("display", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_location_init (DossierLocation *self)
{
}

/* A coordinate as a number or a numeric string; "lat" and "lng" have been
 * echoed back as the values themselves. */
static gboolean
get_coordinate (JsonObject *object,
                const char *name,
                double      limit,
                double     *out)
{
  double value;

  if (!dossier_json_node_get_number_lenient (dossier_json_get_member (object, name), &value))
    return FALSE;
  if (value < -limit || value > limit)
    return FALSE;
  *out = value;
  return TRUE;
}

static GHashTable *
build_fields (JsonObject *fields)
{
  g_autoptr(GList) members = NULL;
  GHashTable *table;

  if (fields == NULL)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  members = json_object_get_members (fields);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = dossier_json_get_member (fields, l->data);
      const char *value = dossier_json_node_get_string (node);

      /* A postcode or a house number is sometimes a number. */
      if (value == NULL && node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_INT64)
        g_hash_table_insert (table, g_strdup (l->data),
                             g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node)));
      else if (value != NULL)
        g_hash_table_insert (table, g_strdup (l->data), g_strstrip (g_strdup (value)));
    }

  if (g_hash_table_size (table) == 0)
    g_clear_pointer (&table, g_hash_table_unref);
  return table;
}

/**
 * dossier_location_new_from_node:
 * @node: (nullable): a `location` object, or a bare string
 *
 * Returns: (transfer full) (nullable): the location, or NULL when @node
 *   holds none (missing, null, of the wrong type, or every member empty)
 */
DossierLocation *
dossier_location_new_from_node (JsonNode *node)
{
  g_autoptr(DossierLocation) self = g_object_new (DOSSIER_TYPE_LOCATION, NULL);
  JsonObject *object;
  const char *text;

  if ((text = dossier_json_node_get_string (node)) != NULL)
    {
      self->text = g_strstrip (g_strdup (text));
      return g_steal_pointer (&self);
    }

  if ((object = dossier_json_node_get_object (node)) == NULL)
    return NULL;

  if ((text = dossier_json_get_string (object, "text")) != NULL)
    self->text = g_strstrip (g_strdup (text));
  if ((text = dossier_json_get_string (object, "gmaps")) != NULL)
    self->gmaps = g_strstrip (g_strdup (text));
  self->has_coordinates = get_coordinate (object, "lat", 90, &self->lat) &&
                          get_coordinate (object, "lng", 180, &self->lng);
  /* `fields` is an object, but `[]` and null have been seen. */
  self->fields = build_fields (dossier_json_get_object (object, "fields"));

  if (self->text == NULL && self->gmaps == NULL && !self->has_coordinates &&
      self->fields == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
dossier_location_get_text (DossierLocation *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOCATION (self), NULL);

  return self->text;
}

/**
 * dossier_location_get_coordinates:
 * @lat: (out) (optional): latitude in degrees
 * @lng: (out) (optional): longitude in degrees
 *
 * Returns: whether both coordinates are known
 */
gboolean
dossier_location_get_coordinates (DossierLocation *self,
                                  double          *lat,
                                  double          *lng)
{
  g_return_val_if_fail (DOSSIER_IS_LOCATION (self), FALSE);

  if (!self->has_coordinates)
    return FALSE;
  if (lat != NULL)
    *lat = self->lat;
  if (lng != NULL)
    *lng = self->lng;
  return TRUE;
}

const char *
dossier_location_get_gmaps (DossierLocation *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOCATION (self), NULL);

  return self->gmaps;
}

const char *
dossier_location_get_field (DossierLocation *self,
                            const char      *name)
{
  g_return_val_if_fail (DOSSIER_IS_LOCATION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->fields == NULL)
    return NULL;
  return g_hash_table_lookup (self->fields, name);
}

char *
dossier_location_dup_display (DossierLocation *self)
{
  static const char * const parts[] = { "city", "state", "country" };
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (DOSSIER_IS_LOCATION (self), NULL);

  if (self->text != NULL)
    return g_strdup (self->text);

  found = g_ptr_array_new ();
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      const char *value = dossier_location_get_field (self, parts[i]);

      if (value != NULL)
        g_ptr_array_add (found, (gpointer) value);
    }
  if (found->len == 0)
    return NULL;
  g_ptr_array_add (found, NULL);

  /* Translators: the separator between the parts of a place, as in
   * "Lyon, Auvergne-Rhône-Alpes, France". */
  return g_strjoinv (_(", "), (char **) found->pdata);
}
