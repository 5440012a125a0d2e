/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-error.h"
#include "dossier-json-text.h"

static void
test_depth_limit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);

  const char *nested = "{\"a\":[1,{\"b\":[]}]}";

  g_assert_true (dossier_json_check_depth (nested, strlen (nested), 4, &error));
  g_assert_no_error (error);

  g_assert_false (dossier_json_check_depth (nested, strlen (nested), 3, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_DEEP);
  g_clear_error (&error);

  /* Brackets inside strings, escaped quotes included, do not count. */
  g_assert_true (dossier_json_check_depth ("[\"[[[[\\\"[[[[\"]", 14, 1, &error));
  g_assert_no_error (error);

  /* 100,000 levels: refused, without recursion or a crash. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_assert_false (dossier_json_check_depth (deep->str, deep->len, DOSSIER_MAX_JSON_DEPTH, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_DEEP);
}

static void
test_find_member (void)
{
  const char *text = "{ \"code\": 200, \"message\": \"a \\\"data\\\": 1\",\n"
                     "  \"data\" : {\"x\": [1, 2, {\"data\": 3}], \"y\": \"}\"} , \"z\": null}";
  gsize start = 0, end = 0;

  g_assert_true (dossier_json_find_member (text, strlen (text), "data", &start, &end));
  {
    g_autofree char *value = g_strndup (text + start, end - start);
    g_assert_cmpstr (value, ==, "{\"x\": [1, 2, {\"data\": 3}], \"y\": \"}\"}");
  }

  g_assert_true (dossier_json_find_member (text, strlen (text), "code", &start, &end));
  g_assert_cmpint (end - start, ==, 3);
  g_assert_true (dossier_json_find_member (text, strlen (text), "z", &start, &end));
  g_assert_cmpint (memcmp (text + start, "null", 4), ==, 0);
  g_assert_cmpint (end - start, ==, 4);

  g_assert_false (dossier_json_find_member (text, strlen (text), "missing", &start, &end));
  g_assert_false (dossier_json_find_member ("[1]", 3, "data", &start, &end));
  g_assert_false (dossier_json_find_member ("", 0, "data", &start, &end));
}

static void
test_pretty_print_keeps_tokens (void)
{
  const char *text = "{\"b\":45.512410000000003,\"a\":[],\"n\":1e400,\"big\":123456789012345678901234567890,"
                     "\"s\":\"\\u00e9 \\\" , : { [\",\"e\":{},\"l\":[true,false,null,-0.0],\"b\":2}";
  g_autoptr(GBytes) pretty = dossier_json_pretty_print (text, strlen (text));
  g_autofree char *pretty_text = g_strndup (g_bytes_get_data (pretty, NULL), g_bytes_get_size (pretty));
  g_autoptr(GString) squeezed = g_string_new (NULL);
  gboolean in_string = FALSE;

  g_assert_cmpstr (pretty_text, ==,
                   "{\n"
                   "  \"b\": 45.512410000000003,\n"
                   "  \"a\": [],\n"
                   "  \"n\": 1e400,\n"
                   "  \"big\": 123456789012345678901234567890,\n"
                   "  \"s\": \"\\u00e9 \\\" , : { [\",\n"
                   "  \"e\": {},\n"
                   "  \"l\": [\n"
                   "    true,\n"
                   "    false,\n"
                   "    null,\n"
                   "    -0.0\n"
                   "  ],\n"
                   "  \"b\": 2\n"
                   "}\n");

  /* Removing the added white space gives the input back exactly. */
  for (const char *p = pretty_text; *p; p++)
    {
      if (*p == '"' && (p == pretty_text || p[-1] != '\\'))
        in_string = !in_string;
      if (in_string || !g_ascii_isspace (*p))
        g_string_append_c (squeezed, *p);
    }
  g_assert_cmpstr (squeezed->str, ==, text);
}

/* Deep nesting in the pretty-printer: indentation wider than one copy of
 * its space buffer. */
static void
test_pretty_print_deep (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GBytes) pretty = NULL;
  const guint levels = 200;

  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, '[');
  g_string_append_c (text, '1');
  for (guint i = 0; i < levels; i++)
    g_string_append_c (text, ']');

  for (guint i = 0; i < levels; i++)
    {
      g_string_append_c (expected, '[');
      g_string_append_c (expected, '\n');
      for (guint j = 0; j < 2 * (i + 1); j++)
        g_string_append_c (expected, ' ');
    }
  g_string_append_c (expected, '1');
  for (guint i = levels; i > 0; i--)
    {
      g_string_append_c (expected, '\n');
      for (guint j = 0; j < 2 * (i - 1); j++)
        g_string_append_c (expected, ' ');
      g_string_append_c (expected, ']');
    }
  g_string_append_c (expected, '\n');

  pretty = dossier_json_pretty_print (text->str, text->len);
  g_assert_cmpmem (g_bytes_get_data (pretty, NULL), g_bytes_get_size (pretty),
                   expected->str, expected->len);
}

typedef struct
{
  GString *text;
  guint    calls;
  guint    fail_at;   /* the call that fails, 0 for none */
} Sink;

static gboolean
sink_write_cb (const char  *data,
               gsize        size,
               gpointer     user_data,
               GError     **error)
{
  Sink *sink = user_data;

  g_assert_cmpuint (size, >, 0);
  if (++sink->calls == sink->fail_at)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "full");
      return FALSE;
    }
  g_string_append_len (sink->text, data, size);
  return TRUE;
}

/* Printed in pieces, the text is the same, byte for byte, as printed in
 * memory: across the pieces' boundaries, with strings longer than a piece,
 * and deep indentation.  A failed write stops the printing. */
static void
test_pretty_print_streamed (void)
{
  g_autoptr(GString) text = g_string_new ("{\"items\": [");
  g_autoptr(GString) streamed = g_string_new (NULL);
  g_autoptr(GBytes) in_memory = NULL;
  g_autoptr(GError) error = NULL;
  Sink sink = { streamed, 0, 0 };
  const guint long_strings[] = { 600000, 262142, 262143, 262144, 262145 };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (text, "%s{\"n\": %u, \"deep\": [[[[\"x\"]]]], \"e\": {}}",
                            i > 0 ? "," : "", i);
  /* Longer than a piece, then around a piece's size. */
  for (guint k = 0; k < G_N_ELEMENTS (long_strings); k++)
    {
      g_string_append (text, ", \"");
      for (guint i = 0; i < long_strings[k]; i++)
        g_string_append_c (text, 'a' + i % 26);
      g_string_append_c (text, '"');
    }
  g_string_append (text, "]}");

  in_memory = dossier_json_pretty_print (text->str, text->len);
  g_assert_true (dossier_json_pretty_print_to (text->str, text->len, sink_write_cb, &sink, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sink.calls, >, 5);
  g_assert_cmpmem (streamed->str, streamed->len,
                   g_bytes_get_data (in_memory, NULL), g_bytes_get_size (in_memory));

  g_string_truncate (streamed, 0);
  sink = (Sink) { streamed, 0, 3 };
  g_assert_false (dossier_json_pretty_print_to (text->str, text->len, sink_write_cb, &sink, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  /* Nothing is written after the failure. */
  g_assert_cmpuint (sink.calls, ==, 3);
}

static void
test_validate (void)
{
  /* Valid: every kind of value, escapes, UTF-8, white space around. */
  const char *valid[] = {
    "{}", "[]", " \n\t{ }\r\n", "0", "-0", "-0.5e+10", "1E5", "123456789012345678901234567890",
    "true", "false", "null", "\"\"",
    "{\"a\":[1,2.5,{\"b\":null}],\"c\":\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"}",
    "[\"\\u00e9 \\ud83d\\ude00 é 😀 \xe2\x82\xac\"]",
    "{\"a\":1,\"a\":2}",
  };
  /* Invalid: truncated, trailing commas, bad tokens, control characters,
   * broken UTF-8, what json-glib might treat differently. */
  const char *invalid[] = {
    "", " ", "{", "[", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{,}", "[1 2]",
    "{\"a\" 1}", "{1:2}", "[01]", "[1.]", "[.5]", "[1e]", "[+1]", "[-]", "[tru]", "[nul]",
    "[True]", "[NaN]", "[Infinity]", "\"abc", "\"a\nb\"", "\"\\x\"", "\"\\u12\"",
    "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\xff\"",
    "\"\xc3\"", "[1]]", "[1] [2]", "{}}", "/* c */ {}", "{\"a\":1}x", "[1}", "{\"a\":1]",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      if (!dossier_json_validate (valid[i], strlen (valid[i]), 16))
        g_error ("valid JSON refused: %s", valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (dossier_json_validate (invalid[i], strlen (invalid[i]), 16))
        g_error ("invalid JSON accepted: %s", invalid[i]);
    }

  /* A NUL byte in the middle is not JSON. */
  g_assert_false (dossier_json_validate ("[1,\0 2]", 7, 16));

  /* The depth limit, as dossier_json_check_depth() counts it, and no
   * recursion at 100,000 levels. */
  g_assert_true (dossier_json_validate ("[[{\"a\":[]}]]", 12, 4));
  g_assert_false (dossier_json_validate ("[[{\"a\":[]}]]", 12, 3));
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, ']');
  g_assert_false (dossier_json_validate (deep->str, deep->len, DOSSIER_MAX_JSON_DEPTH));
  g_assert_true (dossier_json_validate (deep->str, deep->len, 100000));
}

typedef struct
{
  const char *source;
  char       *arrived;
  gsize       length;
  gsize       step;
} Arrival;

/* A text arriving @step bytes at a time into a buffer whose rest holds
 * bytes no JSON text may hold, so that reading past what has come shows. */
static gsize
arrive_more_cb (gsize    available,
                gpointer user_data)
{
  Arrival *arrival = user_data;
  gsize now = MIN (available + arrival->step, arrival->length);

  memcpy (arrival->arrived + available, arrival->source + available, now - available);
  return now;
}

/* Validating a text as it arrives, in pieces of any size, gives the same
 * answer and the same members as validating it whole. */
static void
assert_validates_the_same_arriving (const char *text,
                                    gsize       length,
                                    guint       max_depth)
{
  g_autoptr(GArray) whole_members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  gboolean whole = dossier_json_validate_object (text, length, max_depth, whole_members);
  const gsize steps[] = { 1, 2, 3, 5, 64, 4096 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
      g_autofree char *arrived = g_malloc (length + 1);
      Arrival arrival = { text, arrived, length, steps[i] };
      gsize available = MIN (steps[i], length);
      gboolean valid;

      memset (arrived, 0x01, length + 1);
      memcpy (arrived, text, available);
      valid = dossier_json_validate_arriving (arrived, length, available, max_depth, members,
                                              arrive_more_cb, &arrival);
      if (valid != whole)
        g_error ("validated %s in pieces of %" G_GSIZE_FORMAT ", %s whole: %.*s",
                 valid ? "valid" : "invalid", steps[i], whole ? "valid" : "invalid",
                 (int) MIN (length, 200), text);
      if (valid)
        g_assert_cmpmem (members->data, members->len * sizeof (DossierJsonMember),
                         whole_members->data, whole_members->len * sizeof (DossierJsonMember));
    }
}

static void
test_validate_arriving (void)
{
  const char *texts[] = {
    "{}", "[]", " \n\t{ }\r\n", "[ ]", "{ \"a\" : [ ] , \"b\" : { } }", "0", "-0.5e+10 ", "123",
    "[\"\\u00e9 \\ud83d\\ude00 \xc3\xa9 \xf0\x9f\x98\x80 \xe2\x82\xac\"]", "{\"a\":1,\"a\":2}",
    "{\"a\":[1,2.5,{\"b\":null}],\"c\":\"\\\" \\\\ \\/ \\b\"}", "[true, false, null]",
    "", " ", "{", "[", "[1,]", "[1 2]", "[1.]", "[1e]", "[tru]", "\"abc", "\"\\u12\"",
    "\"\\ud800\\u0041\"", "\"\xc3\"", "[1]]", "[1] [2]", "{\"a\":1}x", "{\"a\":1} ", "[1}",
    "{ \"code\": 200, \"message\": \"a \\\"data\\\": 1\",\n  \"data\" : {\"x\": [1, 2, {\"data\": 3}]}, \"z\": null}",
  };
  const char *directory = g_test_get_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_validates_the_same_arriving (texts[i], strlen (texts[i]), 16);
  assert_validates_the_same_arriving ("[[{\"a\":[]}]]", 12, 3);

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_validates_the_same_arriving (contents, length, DOSSIER_MAX_JSON_DEPTH);
      /* Cut short: refused, however it arrives. */
      assert_validates_the_same_arriving (contents, length / 2, DOSSIER_MAX_JSON_DEPTH);
    }
}

/* The members found in the validating pass are those
 * dossier_json_find_member() finds by scanning. */
static void
test_validate_object_members (void)
{
  const char *text = "{ \"code\": 200, \"message\": \"a \\\"data\\\": 1\",\n"
                     "  \"data\" : {\"x\": [1, 2, {\"data\": 3}], \"y\": \"}\", \"e\": []} , \"z\": null,"
                     " \"d\\u0061ta\": {}, \"code\": [], \"w\": {}}";
  const char *names[] = { "code", "message", "data", "z", "w", "missing", "x", "d\\u0061ta" };
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));

  g_assert_true (dossier_json_validate_object (text, strlen (text), 16, members));
  g_assert_cmpuint (members->len, ==, 7);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize start = 0, end = 0, found_start = 0, found_end = 0;
      gboolean scanned = dossier_json_find_member (text, strlen (text), names[i], &start, &end);
      gboolean found = dossier_json_members_find (text, members, names[i], &found_start, &found_end);

      g_assert_cmpint (found, ==, scanned);
      if (found)
        {
          g_assert_cmpuint (found_start, ==, start);
          g_assert_cmpuint (found_end, ==, end);
        }
    }

  /* The member json-glib keeps as `data` is the last one whose name,
   * escapes undone, is "data": "d\u0061ta", here. */
  {
    gsize start = 0, end = 0;

    g_assert_true (dossier_json_members_find_decoded (text, members, "data", &start, &end));
    g_assert_cmpmem (text + start, end - start, "{}", 2);
    g_assert_true (dossier_json_members_find_decoded (text, members, "message", &start, &end));
    g_assert_true (dossier_json_members_find (text, members, "data", &start, &end));
    g_assert_cmpint (text[start], ==, '{');
    g_assert_cmpuint (end - start, >, 2);
    g_assert_false (dossier_json_members_find_decoded (text, members, "missing", &start, &end));
  }

  /* Not an object: valid, no members. */
  g_array_set_size (members, 0);
  g_assert_true (dossier_json_validate_object ("[{\"a\":1}]", 9, 16, members));
  g_assert_cmpuint (members->len, ==, 0);
}

/* Feeds @answer to a data printer in pieces of @step bytes (each call sees
 * all that came before, as a body being read); returns what it printed and
 * whether it printed `data` whole, and where. */
static gboolean
print_data_in_pieces (const char  *answer,
                      gsize        length,
                      gsize        step,
                      GString     *printed,
                      gsize       *start,
                      gsize       *end)
{
  g_autoptr(DossierJsonDataPrinter) printer = NULL;
  Sink sink = { printed, 0, 0 };
  gsize available = 0;

  g_string_truncate (printed, 0);
  printer = dossier_json_data_printer_new (sink_write_cb, &sink);
  do
    {
      g_autoptr(GError) error = NULL;

      available = MIN (available + step, length);
      if (!dossier_json_data_printer_feed (printer, answer, available, available == length, &error))
        {
          g_assert_no_error (error);
          return FALSE;
        }
    }
  while (available < length);

  return dossier_json_data_printer_get_data (printer, start, end);
}

/* Fed an answer in pieces of any size, the data printer prints exactly
 * what dossier_json_pretty_print() prints of `data` alone, and finds the
 * member where dossier_json_find_member() does. */
static void
test_data_printer (void)
{
  const char *directory = g_test_get_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GString) printed = g_string_new (NULL);
  const gsize steps[] = { 1, 2, 3, 7, 64, 1000, G_MAXSIZE / 2 };
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      gsize length, start, end;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (!dossier_json_find_member (contents, length, "data", &start, &end) || contents[start] != '{')
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
        {
          g_autoptr(GBytes) expected = dossier_json_pretty_print (contents + start, end - start);
          gsize printed_start = 0, printed_end = 0;

          g_test_message ("%s in pieces of %" G_GSIZE_FORMAT, name, steps[i]);
          g_assert_true (print_data_in_pieces (contents, length, steps[i], printed,
                                               &printed_start, &printed_end));
          g_assert_cmpuint (printed_start, ==, start);
          g_assert_cmpuint (printed_end, ==, end);
          g_assert_cmpmem (printed->str, printed->len,
                           g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
        }
      checked++;
    }
  g_assert_cmpuint (checked, >, 5);
}

/* What the data printer does not follow, it gives up on, however the
 * answer arrives; what it follows, it follows around other members. */
static void
test_data_printer_gives_up (void)
{
  const char *refused[] = {
    "",
    "[]",
    "{}",
    "{\"code\": 200}",
    "{\"data\": []}",
    "{\"data\": {\"a\": 1}, \"data\": {\"a\": 2}}",   /* the second would win */
    "{\"d\\u0061ta\": {\"a\": 1}}",                   /* an escaped name */
    "{\"data\": {\"a\": 1}",                           /* cut short */
    "{\"data\": {\"a\": 1}} x",                        /* something after */
    "{\"data\" {\"a\": 1}}",
  };
  const char *accepted = " {\"code\": 200, \"list\": [1, {\"data\": 2}, \"}\"], "
                         "\"data\": {\"a\": [], \"b\": \"\\\"{\"}, \"meta\": {\"data\": 3}} \n";
  g_autoptr(GString) printed = g_string_new (NULL);
  gsize start, end;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    for (gsize step = 1; step < 4; step++)
      {
        g_test_message ("%s in pieces of %" G_GSIZE_FORMAT, refused[i], step);
        g_assert_false (print_data_in_pieces (refused[i], strlen (refused[i]), step, printed,
                                              &start, &end));
      }

  for (gsize step = 1; step < 4; step++)
    {
      g_assert_true (print_data_in_pieces (accepted, strlen (accepted), step, printed, &start, &end));
      g_assert_cmpstr (printed->str, ==, "{\n  \"a\": [],\n  \"b\": \"\\\"{\"\n}\n");
      g_assert_cmpuint (start, ==, strstr (accepted, "{\"a\"") - accepted);
    }
}

/* What the validator accepts, json-glib reads: it is only a fast path in
 * front of json-glib, never more lenient. */
static void
test_validate_agrees_with_json_glib (void)
{
  const char *directory = g_test_get_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint checked = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (dossier_json_validate (contents, length, DOSSIER_MAX_JSON_DEPTH))
        {
          g_assert_true (json_parser_load_from_data (parser, contents, length, NULL));
          checked++;
        }
    }
  g_assert_cmpuint (checked, >, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-text/depth-limit", test_depth_limit);
  g_test_add_func ("/json-text/find-member", test_find_member);
  g_test_add_func ("/json-text/pretty-print-keeps-tokens", test_pretty_print_keeps_tokens);
  g_test_add_func ("/json-text/pretty-print-deep", test_pretty_print_deep);
  g_test_add_func ("/json-text/pretty-print-streamed", test_pretty_print_streamed);
  g_test_add_func ("/json-text/data-printer", test_data_printer);
  g_test_add_func ("/json-text/data-printer-gives-up", test_data_printer_gives_up);
  g_test_add_func ("/json-text/validate", test_validate);
  g_test_add_func ("/json-text/validate-object-members", test_validate_object_members);
  g_test_add_func ("/json-text/validate-arriving", test_validate_arriving);
  g_test_add_func ("/json-text/validate-agrees-with-json-glib", test_validate_agrees_with_json_glib);

  return g_test_run ();
}
