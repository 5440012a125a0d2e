/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-error.h"
#include "dossier-json-text.h"

/* libFuzzer target: the byte-level JSON helpers that stand in front of
 * json-glib.  The validator must never crash nor accept what json-glib
 * refuses (it is only a fast path: anything it accepts is exported without
 * json-glib ever seeing it); the members it records must be those
 * dossier_json_find_member() finds; the pretty-printer must keep the value
 * of any text the validator accepts. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const char *text = (const char *) data;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonParser) pretty_parser = NULL;
  g_autoptr(GBytes) pretty = NULL;
  gboolean valid;

  valid = dossier_json_validate_object (text, size, DOSSIER_MAX_JSON_DEPTH, members);
  g_assert (valid == dossier_json_validate (text, size, DOSSIER_MAX_JSON_DEPTH));
  if (!valid)
    return 0;

  parser = json_parser_new ();
  g_assert (json_parser_load_from_data (parser, text, size, NULL));

  for (guint i = 0; i < members->len; i++)
    {
      const DossierJsonMember *member = &g_array_index (members, DossierJsonMember, i);
      g_autofree char *name = g_strndup (text + member->name_start, member->name_end - member->name_start);
      gsize start = 0, end = 0, found_start = 0, found_end = 0;

      g_assert (member->value_start < member->value_end && member->value_end <= size);
      g_assert (dossier_json_find_member (text, size, name, &start, &end));
      g_assert (dossier_json_members_find (text, members, name, &found_start, &found_end));
      g_assert (start == found_start && end == found_end);
    }

  pretty = dossier_json_pretty_print (text, size);
  g_assert (dossier_json_validate (g_bytes_get_data (pretty, NULL), g_bytes_get_size (pretty),
                                   DOSSIER_MAX_JSON_DEPTH));
  pretty_parser = json_parser_new ();
  g_assert (json_parser_load_from_data (pretty_parser, g_bytes_get_data (pretty, NULL),
                                        g_bytes_get_size (pretty), NULL));
  g_assert (json_node_equal (json_parser_get_root (parser), json_parser_get_root (pretty_parser)));

  return 0;
}
