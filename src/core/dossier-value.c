/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-value.h"
#include "dossier-json-private.h"

struct _DossierNamedValue
{
  GObject           parent_instance;

  char             *name;
  DossierValueKind  kind;
  char             *text;
  GStrv             items;
};

G_DEFINE_FINAL_TYPE (DossierNamedValue, dossier_named_value, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Values nest at most this deep in the readable text: deeper structure is
 * no longer readable anyway, and the limit bounds the recursion. */
#define MAX_DISPLAY_DEPTH 8

static void
dossier_named_value_finalize (GObject *object)
{
  DossierNamedValue *self = DOSSIER_NAMED_VALUE (object);

  g_free (self->name);
  g_free (self->text);
  g_strfreev (self->items);

  G_OBJECT_CLASS (dossier_named_value_parent_class)->finalize (object);
}

static void
dossier_named_value_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierNamedValue *self = DOSSIER_NAMED_VALUE (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_named_value_class_init (DossierNamedValueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_named_value_finalize;
  object_class->get_property = dossier_named_value_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_named_value_init (DossierNamedValue *self)
{
}

/* Numbers as a person reads them: integers without decimals and without
 * digit grouping (a value is as often a year as a count), other numbers
 * with up to 15 significant digits and the locale's decimal separator, so
 * that 45.512410000000003 reads 45.51241. */
static char *
number_to_display (JsonNode *node)
{
  double value;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  if (!dossier_json_node_get_number (node, &value))
    return NULL;  /* infinity: 1e400 and the like */
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.15g", value);
}

static char *node_to_display (JsonNode *node,
                              guint     depth);

/* Each element of @array as readable text, the empty ones left out. */
static GPtrArray *
array_to_items (JsonArray *array,
                guint      depth)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      char *item = node_to_display (json_array_get_element (array, i), depth + 1);

      if (item != NULL && *item != '\0')
        g_ptr_array_add (items, item);
      else
        g_free (item);
    }

  return items;
}

static char *
join_items (GPtrArray *items)
{
  GString *text;

  if (items->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < items->len; i++)
    {
      if (i > 0)
        /* Translators: the separator between the items of a list. */
        g_string_append (text, _(", "));
      g_string_append (text, g_ptr_array_index (items, i));
    }
  return g_string_free (text, FALSE);
}

static char *
object_to_display (JsonObject *object,
                   guint       depth)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *value = node_to_display (json_object_get_member (object, name),
                                                depth + 1);

      if (value == NULL || *value == '\0')
        continue;
      /* Translators: a key and its value, as in "level: fluent". */
      g_ptr_array_add (pairs, g_strdup_printf (_("%s: %s"), name, value));
    }

  return join_items (pairs);
}

static char *
node_to_display (JsonNode *node,
                 guint     depth)
{
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (depth > MAX_DISPLAY_DEPTH)
    return g_strdup ("…");

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autoptr(GPtrArray) items = array_to_items (json_node_get_array (node), depth);
      return join_items (items);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    return object_to_display (json_node_get_object (node), depth);

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("Yes") : _("No"));
  if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
    return number_to_display (node);

  return NULL;
}

/**
 * dossier_json_node_to_display:
 * @node: (nullable): any JSON value
 *
 * Returns: (transfer full) (nullable): @node as readable text, or NULL for
 *   null, a missing value or an empty list or object
 */
char *
dossier_json_node_to_display (JsonNode *node)
{
  return node_to_display (node, 0);
}

static DossierValueKind
kind_of_node (JsonNode *node)
{
  GType type;
  double number;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return DOSSIER_VALUE_NONE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return DOSSIER_VALUE_LIST;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return DOSSIER_VALUE_OBJECT;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return DOSSIER_VALUE_STRING;
  if (type == G_TYPE_BOOLEAN)
    return DOSSIER_VALUE_BOOLEAN;
  /* 1e400 parses as infinity: no number anyone can read, so none. */
  if ((type == G_TYPE_INT64 || type == G_TYPE_DOUBLE) &&
      dossier_json_node_get_number (node, &number))
    return DOSSIER_VALUE_NUMBER;
  return DOSSIER_VALUE_NONE;
}

/**
 * dossier_named_value_new_from_node:
 * @node: (nullable): a `{name, value}` object
 *
 * Returns: (transfer full) (nullable): the pair, or NULL
 */
DossierNamedValue *
dossier_named_value_new_from_node (JsonNode *node)
{
  JsonObject *object = dossier_json_node_get_object (node);
  DossierNamedValue *self;
  JsonNode *value;
  const char *name;

  if (object == NULL)
    return NULL;

  name = dossier_json_get_string (object, "name");
  value = dossier_json_get_member (object, "value");
  if (name == NULL && value == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_NAMED_VALUE, NULL);
  self->name = name ? g_strstrip (g_strdup (name)) : NULL;
  self->kind = kind_of_node (value);

  if (self->kind == DOSSIER_VALUE_LIST)
    {
      g_autoptr(GPtrArray) items = array_to_items (json_node_get_array (value), 0);

      self->text = join_items (items);
      g_ptr_array_add (items, NULL);
      self->items = (GStrv) g_ptr_array_steal (items, NULL);
    }
  else if (self->kind != DOSSIER_VALUE_NONE)
    {
      self->text = dossier_json_node_to_display (value);
      /* An empty object reads as nothing but is still an object. */
      if (self->text == NULL)
        self->text = g_strdup ("");
    }

  return self;
}

const char *
dossier_named_value_get_name (DossierNamedValue *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAMED_VALUE (self), NULL);

  return self->name;
}

DossierValueKind
dossier_named_value_get_value_kind (DossierNamedValue *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAMED_VALUE (self), DOSSIER_VALUE_NONE);

  return self->kind;
}

/**
 * dossier_named_value_get_value_text:
 *
 * Returns: (nullable): the value as readable text; NULL for
 *   %DOSSIER_VALUE_NONE and for an empty list
 */
const char *
dossier_named_value_get_value_text (DossierNamedValue *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAMED_VALUE (self), NULL);

  return self->text;
}

/**
 * dossier_named_value_get_value_items:
 *
 * Returns: (nullable) (array zero-terminated=1): for a list, each item as
 *   readable text (nulls and empty items left out); NULL otherwise
 */
const char * const *
dossier_named_value_get_value_items (DossierNamedValue *self)
{
  g_return_val_if_fail (DOSSIER_IS_NAMED_VALUE (self), NULL);

  return (const char * const *) self->items;
}

GListStore *
dossier_named_value_list_new (JsonArray *array)
{
  GListStore *store = g_list_store_new (DOSSIER_TYPE_NAMED_VALUE);
  guint n = array ? json_array_get_length (array) : 0;
  g_autoptr(GPtrArray) values = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      DossierNamedValue *value = dossier_named_value_new_from_node (json_array_get_element (array, i));

      if (value != NULL)
        g_ptr_array_add (values, value);
    }

  /* One splice, not an append per value: each append emits items-changed. */
  if (values->len > 0)
    g_list_store_splice (store, 0, 0, values->pdata, values->len);
  return store;
}
