/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-source.h"
#include "dossier-json-private.h"

struct _DossierSource
{
  GObject  parent_instance;

  char    *id;
  char    *key;
  char    *name;
  char    *source_type;
  char    *subtype;
  char    *environment;
};

G_DEFINE_FINAL_TYPE (DossierSource, dossier_source, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_NAME,
  PROP_SOURCE_TYPE,
  PROP_SUBTYPE,
  PROP_ENVIRONMENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_source_finalize (GObject *object)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  g_free (self->id);
  g_free (self->key);
  g_free (self->name);
  g_free (self->source_type);
  g_free (self->subtype);
  g_free (self->environment);

  G_OBJECT_CLASS (dossier_source_parent_class)->finalize (object);
}

static void
dossier_source_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  DossierSource *self = DOSSIER_SOURCE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_SOURCE_TYPE:
      g_value_set_string (value, self->source_type);
      break;
    case PROP_SUBTYPE:
      g_value_set_string (value, self->subtype);
      break;
    case PROP_ENVIRONMENT:
      g_value_set_string (value, self->environment);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_source_class_init (DossierSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_source_finalize;
  object_class->get_property = dossier_source_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOURCE_TYPE] =
    g_param_spec_string ("source-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTYPE] =
    g_param_spec_string ("subtype", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ENVIRONMENT] =
    g_param_spec_string ("environment", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_source_init (DossierSource *self)
{
}

/**
 * dossier_source_new_from_node:
 * @node: (nullable): the `source` object
 *
 * Returns: (transfer full) (nullable): the source, or NULL when @node is
 *   not an object
 */
DossierSource *
dossier_source_new_from_node (JsonNode *node)
{
  JsonObject *object = dossier_json_node_get_object (node);
  DossierSource *self;

  if (object == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_SOURCE, NULL);
  self->id = dossier_json_dup_id (dossier_json_get_member (object, "id"), NULL, 0);
  self->key = g_strdup (dossier_json_get_string (object, "key"));
  self->name = g_strdup (dossier_json_get_string (object, "name"));
  self->source_type = g_strdup (dossier_json_get_string (object, "type"));
  self->subtype = g_strdup (dossier_json_get_string (object, "subtype"));
  self->environment = g_strdup (dossier_json_get_string (object, "environment"));

  return self;
}

void
dossier_source_set_id (DossierSource *self,
                       const char    *id)
{
  g_return_if_fail (DOSSIER_IS_SOURCE (self));

  if (id == NULL)
    return;
  g_free (self->id);
  self->id = g_strdup (id);
}

/* The numeric `id` as text (it may exceed 2^53); NULL when absent. */
const char *
dossier_source_get_id (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->id;
}

const char *
dossier_source_get_key (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->key;
}

const char *
dossier_source_get_name (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->name;
}

const char *
dossier_source_get_source_type (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->source_type;
}

const char *
dossier_source_get_subtype (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->subtype;
}

const char *
dossier_source_get_environment (DossierSource *self)
{
  g_return_val_if_fail (DOSSIER_IS_SOURCE (self), NULL);

  return self->environment;
}
