/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include <json-glib/json-glib.h>

/*
 * Node by node, whether two json-glib trees are the same in every way the
 * model can see: node and value types, exact values (a double's bits, so
 * that -0 and 0 differ), strings byte for byte, members in their order,
 * and each node's parent.  json_node_equal() is not enough: it compares
 * numbers across types and ignores member order and parents.
 */

static inline gboolean
dossier_test_json_trees_equal (JsonNode *a,
                               JsonNode *b,
                               JsonNode *parent_a,
                               JsonNode *parent_b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (JSON_NODE_TYPE (a) != JSON_NODE_TYPE (b) ||
      json_node_get_parent (a) != parent_a || json_node_get_parent (b) != parent_b)
    return FALSE;

  switch (JSON_NODE_TYPE (a))
    {
    case JSON_NODE_NULL:
      return TRUE;

    case JSON_NODE_VALUE:
      if (json_node_get_value_type (a) != json_node_get_value_type (b))
        return FALSE;
      switch (json_node_get_value_type (a))
        {
        case G_TYPE_INT64:
          return json_node_get_int (a) == json_node_get_int (b);
        case G_TYPE_DOUBLE:
          {
            double x = json_node_get_double (a), y = json_node_get_double (b);

            return memcmp (&x, &y, sizeof x) == 0;
          }
        case G_TYPE_BOOLEAN:
          return json_node_get_boolean (a) == json_node_get_boolean (b);
        case G_TYPE_STRING:
          return g_strcmp0 (json_node_get_string (a), json_node_get_string (b)) == 0;
        default:
          return FALSE;
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *x = json_node_get_array (a), *y = json_node_get_array (b);
        guint n = json_array_get_length (x);

        if (json_array_get_length (y) != n)
          return FALSE;
        for (guint i = 0; i < n; i++)
          if (!dossier_test_json_trees_equal (json_array_get_element (x, i),
                                              json_array_get_element (y, i), a, b))
            return FALSE;
        return TRUE;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *x = json_node_get_object (a), *y = json_node_get_object (b);
        g_autoptr(GList) names_x = json_object_get_members (x);
        g_autoptr(GList) names_y = json_object_get_members (y);
        const GList *l, *m;

        for (l = names_x, m = names_y; l != NULL && m != NULL; l = l->next, m = m->next)
          if (strcmp (l->data, m->data) != 0 ||
              !dossier_test_json_trees_equal (json_object_get_member (x, l->data),
                                              json_object_get_member (y, m->data), a, b))
            return FALSE;
        return l == NULL && m == NULL;
      }

    default:
      return FALSE;
    }
}
