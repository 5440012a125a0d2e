/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-error.h"
#include "dossier-json-text.h"
#include "dossier-json-tree.h"
#include "dossier-json-tree-compare.h"

/* libFuzzer target: the tree builder that stands in for JsonParser on
 * valid answers.  It must never crash, must accept exactly what the
 * validator accepts (anything else goes to JsonParser), must then build
 * JsonParser's very tree, node by node, and must record the spans the
 * validator finds. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  g_autoptr(GHashTable) spans = dossier_json_tree_spans_new ();
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  const DossierJsonTreeOptions options = { .spans = spans, .span_depth = 1 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonParser) parser = NULL;
  gboolean valid;

  root = dossier_json_tree_parse (text, size, DOSSIER_MAX_JSON_DEPTH, &options);
  valid = dossier_json_validate_object (text, size, DOSSIER_MAX_JSON_DEPTH, members);
  g_assert ((root != NULL) == valid);
  if (root == NULL)
    {
      g_assert (g_hash_table_size (spans) == 0);
      return 0;
    }

  parser = json_parser_new ();
  g_assert (json_parser_load_from_data (parser, text, size, NULL));
  g_assert (dossier_test_json_trees_equal (json_parser_get_root (parser), root, NULL, NULL));

  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      GArray *recorded = g_hash_table_lookup (spans, json_node_get_object (root));

      g_assert (recorded != NULL && recorded->len == members->len);
      g_assert (memcmp (recorded->data, members->data, members->len * sizeof (DossierJsonMember)) == 0);
    }
  else
    g_assert (g_hash_table_size (spans) == 0);

  return 0;
}
