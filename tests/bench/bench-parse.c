/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>

#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-json-text.h"
#include "dossier-profile.h"

/*
 * bench-parse: the steps between the last byte of an API answer and a
 * profile model, one by one, in this process:
 *
 *   bench-parse [--runs N] BODY.json
 *
 * BODY.json is an answer of `GET /profile/indexing` as the server sent it
 * (the envelope).  Prints one tab-separated line per step:
 *   STEP  median_ms  min_ms
 * The step "json-glib" is json-glib alone loading the body with a default
 * JsonParser: the reference of budget 3 ("Look Up to profile shown").
 */

typedef void (*StepFunc) (GBytes *body);

static void
step_utf8 (GBytes *body)
{
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (!g_utf8_validate_len (text, size, NULL))
    g_error ("not UTF-8");
}

static void
step_depth (GBytes *body)
{
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (!dossier_json_check_depth (text, size, DOSSIER_MAX_JSON_DEPTH, &error))
    g_error ("%s", error->message);
}

static void
step_validate (GBytes *body)
{
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (!dossier_json_validate (text, size, DOSSIER_MAX_JSON_DEPTH))
    g_error ("not valid JSON");
}

static void
step_json_glib (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, text, size, &error))
    g_error ("%s", error->message);
}

static void
step_json_glib_immutable (GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  if (!json_parser_load_from_data (parser, text, size, &error))
    g_error ("%s", error->message);
}

static void
step_profile (GBytes *body)
{
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = dossier_profile_new_from_response (body, &error);
  if (profile == NULL)
    g_error ("%s", error->message);
}

static DossierProfile *shared_profile;

static void
step_pretty_print (GBytes *body)
{
  g_autoptr(GBytes) bytes = dossier_exporter_serialize (shared_profile);

  if (g_bytes_get_size (bytes) == 0)
    g_error ("empty export");
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
time_step (const char *name,
           StepFunc    func,
           GBytes     *body,
           int         runs)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));

  /* One unmeasured run first: page faults of a fresh heap are not what is
   * measured here. */
  func (body);
  for (int i = 0; i < runs; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      func (body);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (times, ms);
    }

  g_array_sort (times, compare_doubles);
  printf ("%s\t%.3f\t%.3f\n", name,
          runs % 2 == 1 ? g_array_index (times, double, runs / 2)
                        : (g_array_index (times, double, runs / 2 - 1) +
                           g_array_index (times, double, runs / 2)) / 2,
          g_array_index (times, double, 0));
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  int runs = 7;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Measured runs of each step", "N" },
    { NULL }
  };

  context = g_option_context_new ("BODY.json - time parsing an API answer step by step");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2 || runs < 1)
    {
      g_printerr ("bench-parse: %s\n", error != NULL ? error->message : "give one BODY.json");
      return 2;
    }

  if (!g_file_get_contents (argv[1], &contents, &length, &error))
    {
      g_printerr ("bench-parse: %s\n", error->message);
      return 1;
    }
  body = g_bytes_new_take (g_steal_pointer (&contents), length);

  shared_profile = dossier_profile_new_from_response (body, &error);
  if (shared_profile == NULL)
    {
      g_printerr ("bench-parse: %s\n", error->message);
      return 1;
    }

  time_step ("utf8-validate", step_utf8, body, runs);
  time_step ("depth-check", step_depth, body, runs);
  time_step ("validate", step_validate, body, runs);
  time_step ("json-glib", step_json_glib, body, runs);
  /* What freeing the tree costs, apart. */
  {
    g_autoptr(GArray) parse = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) unref = g_array_new (FALSE, FALSE, sizeof (double));
    gsize size;
    const char *text = g_bytes_get_data (body, &size);

    for (int i = 0; i < runs; i++)
      {
        JsonParser *parser = json_parser_new ();
        gint64 t0 = g_get_monotonic_time (), t1, t2;
        double ms;

        if (!json_parser_load_from_data (parser, text, size, NULL))
          g_error ("not JSON");
        t1 = g_get_monotonic_time ();
        g_object_unref (parser);
        t2 = g_get_monotonic_time ();
        ms = (t1 - t0) / 1000.0;
        g_array_append_val (parse, ms);
        ms = (t2 - t1) / 1000.0;
        g_array_append_val (unref, ms);
      }
    g_array_sort (parse, compare_doubles);
    g_array_sort (unref, compare_doubles);
    printf ("json-glib-parse-only\t%.3f\t%.3f\n", g_array_index (parse, double, runs / 2), g_array_index (parse, double, 0));
    printf ("json-glib-free-only\t%.3f\t%.3f\n", g_array_index (unref, double, runs / 2), g_array_index (unref, double, 0));
  }
  time_step ("json-glib-immutable", step_json_glib_immutable, body, runs);
  time_step ("profile-model", step_profile, body, runs);
  time_step ("pretty-print", step_pretty_print, body, runs);

  g_clear_object (&shared_profile);
  return 0;
}
