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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-text/depth-limit", test_depth_limit);
  g_test_add_func ("/json-text/find-member", test_find_member);
  g_test_add_func ("/json-text/pretty-print-keeps-tokens", test_pretty_print_keeps_tokens);

  return g_test_run ();
}
