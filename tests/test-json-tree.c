/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "dossier-error.h"
#include "dossier-json-text.h"
#include "dossier-json-tree.h"
#include "dossier-json-tree-compare.h"
#include "dossier-profile.h"

/* The tree builder is a fast path in front of JsonParser: whatever it
 * accepts must give JsonParser's tree exactly, and whatever it declines
 * goes to JsonParser, so these tests hold it against JsonParser itself. */

static JsonNode *
parse_with_json_glib (const char *text,
                      gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  return root != NULL ? json_node_ref (root) : NULL;
}

/* Asserts that the builder accepts @text and builds JsonParser's tree. */
static void
assert_same_tree (const char *text,
                  gsize       length)
{
  g_autoptr(JsonNode) expected = parse_with_json_glib (text, length);
  g_autoptr(JsonNode) built = dossier_json_tree_parse (text, length, DOSSIER_MAX_JSON_DEPTH, NULL);

  if (built == NULL)
    g_error ("the tree builder declined %.*s", (int) MIN (length, 200), text);
  g_assert_nonnull (expected);
  if (!dossier_test_json_trees_equal (expected, built, NULL, NULL))
    g_error ("the trees of %.*s differ", (int) MIN (length, 200), text);
}

static void
test_fixtures (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (directory, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_same_tree (contents, length);
      n++;
    }
  g_assert_cmpuint (n, >, 10);
}

static void
test_accepted (void)
{
  /* Numbers: json-glib keeps an integer without fraction or exponent as a
   * 64-bit integer, wrapping beyond 2^63 and stopping at 2^64 - 1 (so 2^64
   * reads -1); everything else as a double, 1e400 as infinity. */
  const char *inputs[] = {
    "[-0]", "[-0.0]", "[0]", "[0.0]", "[1e400]", "[-1e400]", "[1E-7]", "[1e5]", "[1E+2]",
    "[0.1]", "[1.5e+3]", "[0.30000000000000004]", "[4.9e-325]", "[2.2250738585072011e-308]",
    "[1.7976931348623157e308]", "[123.456e-2]", "[-12]",
    "[9223372036854775807]", "[9223372036854775808]", "[-9223372036854775808]",
    "[-9223372036854775809]", "[18446744073709551615]", "[18446744073709551616]",
    "[-18446744073709551616]", "[123456789012345678901234567890]",
    "[100000000000000000000000000000000000000000000000000000000000000000000000000000000]",
    /* Duplicate members: the last value wins, in the first one's place. */
    "{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":2,\"a\":3}", "{\"a\":{\"x\":1},\"b\":2,\"a\":[3]}",
    "{\"a\":[1,{\"a\":1,\"a\":null}],\"a\":{\"b\":[]}}", "{\"\\u0061\":1,\"a\":2}",
    /* Strings and escapes. */
    "[\"\\u00e9\\ud83d\\ude00\"]", "[\"\\udbff\\udfff\"]", "[\"\\uD800\\uDC00\"]",
    "[\"a\\/b\\b\\f\\n\\r\\t\\\"\\\\\"]", "[\"\\u001f\\u007f\\u0080\\uffff\\u0001\"]",
    "[\"\xc3\xa9\xe6\x97\xa5\xf0\x9f\x98\x80\"]", "[\"\\\\u0041\"]", "[\"\"]",
    "{\"\":1}", "{\"k\\u00e9y\":\"v\",\"\\n\":\"\\t\"}",
    /* Any value at the top, white space anywhere it may be. */
    "\"abc\"", "12", "-1.5", "null", "true", "false", "{}", "[]",
    " \t\r\n[ 1 , { \"a\" : [ ] } , [ [ ] ] ]\n", "[{},[],{\"a\":{}}]",
    "[true,false,null,1,\"x\",{\"y\":[null]}]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    assert_same_tree (inputs[i], strlen (inputs[i]));
}

/* Declined: either json-glib refuses it too, or it reads it in a way of
 * its own (a lone surrogate, \u0000 cutting the string short, comments,
 * leading zeros...), which the fallback keeps as it always was. */
static void
test_declined (void)
{
  const char *inputs[] = {
    "", " ", "[", "]", "{", "[1,]", "{\"a\":1,}", "[1 2]", "[1]]", "{\"a\"}", "{a:1}",
    "{\"a\" 1}", "[1] x", "[tru]", "[nul]", "[True]", "{\"a\":1 \"b\":2}", "[,1]",
    "['a']", "[01]", "[-01]", "[00]", "[.5]", "[1.]", "[1e]", "[1e+]", "[-]", "[+1]",
    "[0x10]", "[NaN]", "[Infinity]", "[-Infinity]",
    "[\"\\u0000a\"]", "[\"\\ud83d\"]", "[\"\\ude00\"]", "[\"\\ud83dx\"]",
    "[\"\\ud83d\\u0041\"]", "[\"\\ud83d\\ud83d\"]", "[\"\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]",
    "[\"a\tb\"]", "[\"a\nb\"]", "[\"abc]", "[\"abc\\\"]",
    "/* c */ [1]", "[1] /* c */", "// c\n[1]", "[1]\n// c",
    /* Not UTF-8: a stray continuation byte, a cut sequence, an overlong
     * form, a surrogate encoded, and non-ASCII outside a string. */
    "[\"\x80\"]", "[\"\xc3\"]", "[\"\xc3\x28\"]", "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]",
    "[\"\xf4\x90\x80\x80\"]", "[\xc3\xa9]", "\xef\xbb\xbf[1]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(JsonNode) built = dossier_json_tree_parse (inputs[i], strlen (inputs[i]),
                                                           DOSSIER_MAX_JSON_DEPTH, NULL);

      if (built != NULL)
        g_error ("the tree builder accepted %s", inputs[i]);
      /* The validator it shares its scanners with agrees. */
      g_assert_false (dossier_json_validate (inputs[i], strlen (inputs[i]), DOSSIER_MAX_JSON_DEPTH));
    }

  /* A NUL byte inside the text: json-glib would stop at it. */
  g_assert_null (dossier_json_tree_parse ("[\"a\0b\"]", 7, DOSSIER_MAX_JSON_DEPTH, NULL));
  g_assert_null (dossier_json_tree_parse ("[1]\0", 4, DOSSIER_MAX_JSON_DEPTH, NULL));
  /* A cut text: the length rules, not a terminating NUL. */
  g_assert_null (dossier_json_tree_parse ("[1,2]", 4, DOSSIER_MAX_JSON_DEPTH, NULL));
  g_assert_null (dossier_json_tree_parse ("\"ab\"", 3, DOSSIER_MAX_JSON_DEPTH, NULL));
  g_assert_null (dossier_json_tree_parse ("[1e5]", 3, DOSSIER_MAX_JSON_DEPTH, NULL));
}

static char *
nested (guint levels)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < levels; i++)
    g_string_append (text, i % 2 == 0 ? "[" : "{\"a\":");
  g_string_append (text, "1");
  for (guint i = levels; i > 0; i--)
    g_string_append (text, (i - 1) % 2 == 0 ? "]" : "}");
  return g_string_free (text, FALSE);
}

static void
test_depth (void)
{
  g_autofree char *at_limit = nested (DOSSIER_MAX_JSON_DEPTH);
  g_autofree char *over_limit = nested (DOSSIER_MAX_JSON_DEPTH + 1);
  g_autoptr(GString) very_deep = g_string_new (NULL);
  g_autoptr(JsonNode) small = NULL;

  assert_same_tree (at_limit, strlen (at_limit));
  g_assert_null (dossier_json_tree_parse (over_limit, strlen (over_limit), DOSSIER_MAX_JSON_DEPTH, NULL));

  /* The limit is the caller's, empty containers included. */
  small = dossier_json_tree_parse ("[[{}]]", 6, 3, NULL);
  g_assert_nonnull (small);
  g_assert_null (dossier_json_tree_parse ("[[[{}]]]", 8, 3, NULL));
  g_assert_null (dossier_json_tree_parse ("[1]", 3, 0, NULL));

  /* 100,000 levels: declined, without recursion or a crash. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (very_deep, '[');
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (very_deep, ']');
  g_assert_null (dossier_json_tree_parse (very_deep->str, very_deep->len, DOSSIER_MAX_JSON_DEPTH, NULL));
}

/* The spans recorded are those dossier_json_validate_object() finds. */
static void
test_spans (void)
{
  const char *text = " {\"code\":200, \"message\" : \"a \\\"data\\\": {\",\n"
                     "  \"data\":{\"id\":18446744073709551616,\"x\":[1,{\"id\":2}],"
                     "\"source\":{\"id\":42}, \"id\" : 7 },\"d\\u0061ta\":1, \"z\":[]} ";
  gsize length = strlen (text);
  g_autoptr(GHashTable) spans = dossier_json_tree_spans_new ();
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (DossierJsonMember));
  const DossierJsonTreeOptions options = { .spans = spans, .span_depth = 2 };
  g_autoptr(JsonNode) root = dossier_json_tree_parse (text, length, DOSSIER_MAX_JSON_DEPTH, &options);
  GArray *members;
  gsize start, end;

  g_assert_nonnull (root);
  g_assert_true (dossier_json_validate_object (text, length, DOSSIER_MAX_JSON_DEPTH, expected));
  members = g_hash_table_lookup (spans, json_node_get_object (root));
  g_assert_nonnull (members);
  g_assert_cmpuint (members->len, ==, expected->len);
  g_assert_cmpmem (members->data, members->len * sizeof (DossierJsonMember),
                   expected->data, expected->len * sizeof (DossierJsonMember));

  /* "d\u0061ta" replaced `data` in the tree, not in the spans, which
   * keep the spelling of the text. */
  g_assert_false (JSON_NODE_HOLDS_OBJECT (json_object_get_member (json_node_get_object (root), "data")));
  g_assert_true (dossier_json_members_find (text, members, "data", &start, &end));
  g_assert_cmpint (text[start], ==, '{');

  /* The members of the objects in the root too (the first `data`), none
   * deeper. */
  g_assert_cmpuint (g_hash_table_size (spans), ==, 2);
  {
    GHashTableIter iter;
    gpointer key, value;
    gboolean seen_data = FALSE;

    g_hash_table_iter_init (&iter, spans);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GArray *object_members = value;

        if (json_object_has_member (key, "source"))
          {
            g_assert_true (dossier_json_members_find (text, object_members, "id", &start, &end));
            g_assert_cmpint (end - start, ==, 1);   /* the last `id`: 7 */
            g_assert_cmpint (text[start], ==, '7');
            g_assert_true (dossier_json_members_find (text, object_members, "source", &start, &end));
            g_assert_cmpint (memcmp (text + start, "{\"id\":42}", end - start), ==, 0);
            seen_data = TRUE;
          }
      }
    g_assert_true (seen_data);
  }

  /* A text the builder declines leaves nothing behind. */
  g_assert_null (dossier_json_tree_parse ("{\"a\":{\"b\":1},\"c\":[1,]}", 22,
                                          DOSSIER_MAX_JSON_DEPTH, &options));
  g_assert_cmpuint (g_hash_table_size (spans), ==, 0);
}

typedef struct
{
  GPtrArray *opened;     /* names of the arrays watched */
  GPtrArray *elements;   /* each element as it was handed over, copied */
  GPtrArray *nodes;      /* the nodes themselves */
} Watching;

static gpointer
array_opened_cb (JsonNode   *array,
                 const char *name,
                 JsonNode   *object,
                 gpointer    user_data)
{
  Watching *watching = user_data;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (array));
  g_assert_true (JSON_NODE_HOLDS_OBJECT (object));
  g_assert_true (json_node_get_parent (array) == object);
  g_assert_true (json_object_get_member (json_node_get_object (object), name) == array);
  g_ptr_array_add (watching->opened, g_strdup (name));
  return g_str_equal (name, "skip") ? NULL : array;
}

static void
element_read_cb (gpointer  watch,
                 JsonNode *element,
                 gpointer  user_data)
{
  Watching *watching = user_data;
  JsonNode *array = watch;

  g_assert_true (json_node_get_parent (element) == array);
  g_ptr_array_add (watching->elements, json_node_copy (element));
  g_ptr_array_add (watching->nodes, element);
}

/* Each element of a watched array is handed over once, in order, already
 * complete: as it is in the finished tree. */
static void
test_element_hooks (void)
{
  const char *text = "{\"list\":[1,{\"a\":[2,3],\"a\":{\"b\":[]}},[4,[5]],\"s\"],"
                     "\"skip\":[6],\"o\":{\"inner\":[7,8]},\"top\":[[9]],\"empty\":[]}";
  Watching watching = {
    g_ptr_array_new_with_free_func (g_free),
    g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref),
    g_ptr_array_new (),
  };
  const DossierJsonTreeOptions options = {
    .array_opened = array_opened_cb,
    .element_read = element_read_cb,
    .user_data = &watching,
  };
  g_autoptr(JsonNode) root = dossier_json_tree_parse (text, strlen (text), DOSSIER_MAX_JSON_DEPTH, &options);
  g_autofree char *opened = NULL;
  JsonArray *list;

  g_assert_nonnull (root);
  assert_same_tree (text, strlen (text));

  /* Arrays that are members of objects, at any depth; not those in arrays. */
  g_ptr_array_add (watching.opened, NULL);
  opened = g_strjoinv (",", (char **) watching.opened->pdata);
  g_assert_cmpstr (opened, ==, "list,a,b,skip,inner,top,empty");

  list = json_object_get_array_member (json_node_get_object (root), "list");
  /* list: 4, a: 2 (the first `a`, replaced later, was complete too), b: 0,
   * inner: 2, top: 1. */
  g_assert_cmpuint (watching.nodes->len, ==, 4 + 2 + 2 + 1);
  /* Order: 1, then 2 and 3 inside the object, then the object, ... */
  g_assert_true (g_ptr_array_index (watching.nodes, 0) == json_array_get_element (list, 0));
  g_assert_true (g_ptr_array_index (watching.nodes, 3) == json_array_get_element (list, 1));
  g_assert_true (g_ptr_array_index (watching.nodes, 4) == json_array_get_element (list, 2));
  g_assert_true (g_ptr_array_index (watching.nodes, 5) == json_array_get_element (list, 3));
  for (guint i = 0; i < 4; i++)
    g_assert_true (json_node_equal (g_ptr_array_index (watching.elements, i == 0 ? 0 : i + 2),
                                    json_array_get_element (list, i)));

  g_ptr_array_unref (watching.opened);
  g_ptr_array_unref (watching.elements);
  g_ptr_array_unref (watching.nodes);
}

/* What a person sees of a profile, as text, to compare two models. */
static void
append_named_values (GString    *out,
                     const char *label,
                     GListModel *list)
{
  g_string_append_printf (out, "%s:", label);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierNamedValue) value = g_list_model_get_item (list, i);

      g_string_append_printf (out, " %s=%s", dossier_named_value_get_name (value),
                              dossier_named_value_get_value_text (value));
    }
  g_string_append_c (out, '\n');
}

static void
append_skills (GString    *out,
               GListModel *list)
{
  g_string_append (out, "skills:");
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(DossierSkill) skill = g_list_model_get_item (list, i);

      g_string_append_printf (out, " %s/%d/%s", dossier_skill_get_name (skill),
                              dossier_skill_get_skill_type (skill),
                              dossier_skill_get_value_text (skill));
    }
  g_string_append_c (out, '\n');
}

static char *
describe_profile (DossierProfile *profile)
{
  GString *out = g_string_new (NULL);
  g_autofree char *name = dossier_profile_dup_display_name (profile);
  DossierSource *source = dossier_profile_get_source (profile);
  GListModel *experiences = dossier_profile_get_experiences (profile);
  GListModel *educations = dossier_profile_get_educations (profile);
  GListModel *labels = dossier_profile_get_labels (profile);
  GListModel *attachments = dossier_profile_get_attachments (profile);

  g_string_append_printf (out, "id %s key %s name %s source %s/%s\n",
                          dossier_profile_get_id (profile), dossier_profile_get_key (profile), name,
                          source ? dossier_source_get_id (source) : "-",
                          dossier_profile_get_source_key (profile));
  for (guint e = 0; e < 2; e++)
    {
      GListModel *list = e == 0 ? experiences : educations;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(DossierExperience) experience = g_list_model_get_item (list, i);

          g_string_append_printf (out, "%s %s at %s, %d months\n", e == 0 ? "job" : "degree",
                                  dossier_experience_get_title (experience),
                                  dossier_experience_get_organization (experience),
                                  dossier_experience_get_duration_months (experience));
          append_skills (out, dossier_experience_get_skills (experience));
          append_named_values (out, " tasks", dossier_experience_get_tasks (experience));
          append_named_values (out, " courses", dossier_experience_get_courses (experience));
        }
    }
  append_skills (out, dossier_profile_get_skills (profile));
  append_named_values (out, "languages", dossier_profile_get_languages (profile));
  append_named_values (out, "interests", dossier_profile_get_interests (profile));
  append_named_values (out, "certifications", dossier_profile_get_certifications (profile));
  append_named_values (out, "courses", dossier_profile_get_courses (profile));
  append_named_values (out, "tasks", dossier_profile_get_tasks (profile));
  append_named_values (out, "tags", dossier_profile_get_tags (profile));
  append_named_values (out, "metadatas", dossier_profile_get_metadatas (profile));
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(DossierLabel) label = g_list_model_get_item (labels, i);

      g_string_append_printf (out, "label %s %s\n", dossier_label_get_job_key (label),
                              dossier_label_get_stage (label));
    }
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(DossierAttachment) attachment = g_list_model_get_item (attachments, i);

      g_string_append_printf (out, "attachment %s\n", dossier_attachment_get_file_name (attachment));
    }
  return g_string_free (out, FALSE);
}

/* A profile read through the fast path (tree built directly, lists made
 * while reading, spans) is the profile JsonParser's tree gives.  A comment
 * after the text sends the same document down JsonParser's path. */
static void
assert_same_profile (const char *text,
                     gsize       length)
{
  g_autoptr(GBytes) fast = g_bytes_new (text, length);
  g_autofree char *commented = g_strdup_printf ("%.*s/* sent through JsonParser */", (int) length, text);
  g_autoptr(GBytes) slow = g_bytes_new (commented, strlen (commented));
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProfile) fast_profile = dossier_profile_new_from_bytes (fast, &error);
  g_autoptr(DossierProfile) slow_profile = NULL;
  g_autofree char *fast_text = NULL;
  g_autofree char *slow_text = NULL;

  g_assert_true (dossier_json_validate (text, length, DOSSIER_MAX_JSON_DEPTH));
  g_assert_false (dossier_json_validate (commented, strlen (commented), DOSSIER_MAX_JSON_DEPTH));
  if (fast_profile == NULL)
    {
      /* Then JsonParser's path fails the same way. */
      g_autoptr(GError) slow_error = NULL;

      slow_profile = dossier_profile_new_from_bytes (slow, &slow_error);
      g_assert_null (slow_profile);
      g_assert_error (slow_error, error->domain, error->code);
      return;
    }
  g_assert_no_error (error);
  slow_profile = dossier_profile_new_from_bytes (slow, &error);
  g_assert_no_error (error);

  fast_text = describe_profile (fast_profile);
  slow_text = describe_profile (slow_profile);
  g_assert_cmpstr (fast_text, ==, slow_text);
}

static void
test_profiles (void)
{
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, "fixtures", NULL);
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;
  const char *inputs[] = {
    /* Identifiers beyond what json-glib's numbers hold keep their digits. */
    "{\"id\":18446744073709551616,\"key\":\"k\",\"source\":{\"id\":123456789012345678901}}",
    "{\"id\":1.0,\"key\":\"k\",\"source\":{\"id\":-0}}",
    "{\"code\":200,\"message\":\"ok\",\"data\":{\"id\":9223372036854775808,\"id\":12}}",
    /* `data` spelt with an escape, duplicates, lists in both places. */
    "{\"code\":200,\"d\\u0061ta\":{\"id\":5,\"skills\":[{\"name\":\"c\"}]}}",
    "{\"code\":200,\"data\":{\"skills\":[{\"name\":\"a\"}]},\"data\":{\"skills\":[{\"name\":\"b\"}]}}",
    "{\"code\":200,\"skills\":[{\"name\":\"envelope\"}],\"data\":{\"skills\":[{\"name\":\"d\"}]}}",
    "{\"skills\":[{\"name\":\"x\"}],\"skills\":7,\"hard_skills\":[\"h\"],\"soft_skills\":[\"s\",null]}",
    "{\"experiences\":[{\"title\":\"a\"},3,{\"title\":\"b\",\"skills\":[\"p\"]}],\"experiences\":[{\"title\":\"c\"}]}",
    "{\"key\":\"k\",\"data\":{\"skills\":[{\"name\":\"nested\"}]},\"skills\":[{\"name\":\"top\"}]}",
    "{\"code\":200,\"message\":\"no profile\"}",
    "{\"code\":200,\"data\":null}",
    "{\"code\":200,\"data\":[{\"skills\":[]}]}",
    "{\"tags\":[{\"name\":\"t\",\"value\":[1,\"2\",{\"a\":true}]}],\"labels\":[{\"job_key\":\"j\",\"stage\":\"yes\"}]}",
  };
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (directory, name, NULL);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      assert_same_profile (contents, length);
      n++;
    }
  g_assert_cmpuint (n, >, 10);

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    assert_same_profile (inputs[i], strlen (inputs[i]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-tree/fixtures", test_fixtures);
  g_test_add_func ("/json-tree/accepted", test_accepted);
  g_test_add_func ("/json-tree/declined", test_declined);
  g_test_add_func ("/json-tree/depth", test_depth);
  g_test_add_func ("/json-tree/spans", test_spans);
  g_test_add_func ("/json-tree/element-hooks", test_element_hooks);
  g_test_add_func ("/json-tree/profiles", test_profiles);

  return g_test_run ();
}
