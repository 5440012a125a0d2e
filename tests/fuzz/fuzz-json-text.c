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
 * of any text the validator accepts.  Validating the text while it arrives,
 * and printing its `data` member while it arrives, must give what the
 * whole text gives. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

typedef struct
{
  const char *source;
  char       *arrived;
  gsize       length;
  gsize       step;
} Arrival;

/* The text arrives a few bytes at a time; what has not come is poison. */
static gsize
arrive_more_cb (gsize    available,
                gpointer user_data)
{
  Arrival *arrival = user_data;
  gsize now = MIN (available + arrival->step, arrival->length);

  if (now > available)
    memcpy (arrival->arrived + available, arrival->source + available, now - available);
  return now;
}

static gboolean
collect_cb (const char  *data,
            gsize        size,
            gpointer     user_data,
            GError     **error)
{
  g_string_append_len (user_data, data, size);
  return TRUE;
}

static void
check_arriving (const char *text,
                gsize       size,
                gboolean    valid,
                GArray     *members)
{
  g_autoptr(GArray) arriving_members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  g_autofree char *arrived = g_malloc (size + 1);
  g_autoptr(GString) printed = g_string_new (NULL);
  g_autoptr(DossierJsonDataPrinter) printer = NULL;
  Arrival arrival = { text, arrived, size, size % 7 + 1 };
  gsize available = MIN (arrival.step, size);
  gsize start, end, printed_start, printed_end;

  memset (arrived, 0x01, size + 1);
  if (available > 0)
    memcpy (arrived, text, available);
  g_assert (dossier_json_validate_arriving (arrived, size, available, DOSSIER_MAX_JSON_DEPTH,
                                            arriving_members, arrive_more_cb, &arrival) == valid);
  if (valid)
    g_assert (arriving_members->len == members->len &&
              (members->len == 0 ||
               memcmp (arriving_members->data, members->data,
                       members->len * sizeof (DossierJsonMember)) == 0));

  /* The data printer, fed the same way, prints the `data` that the
   * validator's members point at, or gives up. */
  printer = dossier_json_data_printer_new (collect_cb, printed);
  for (available = 0; available < size; )
    {
      available = MIN (available + arrival.step, size);
      if (!dossier_json_data_printer_feed (printer, text, available, available == size, NULL))
        break;
    }
  if (valid && dossier_json_data_printer_get_data (printer, &printed_start, &printed_end) &&
      dossier_json_members_find (text, members, "data", &start, &end))
    {
      g_autoptr(GBytes) expected = dossier_json_pretty_print (text + start, end - start);

      g_assert (printed_start == start && printed_end == end);
      g_assert (printed->len == g_bytes_get_size (expected) &&
                memcmp (printed->str, g_bytes_get_data (expected, NULL), printed->len) == 0);
    }
}

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
  check_arriving (text, size, valid, members);
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
