/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <time.h>

#include "dossier-application.h"
#include "dossier-profile-view.h"
#include "dossier-window.h"

/*
 * bench-window: budgets 3 to 6 of issue 7, measured in the real window,
 * in this process, against the fake HrFlow server in another process.
 * build-aux/run-benchmarks.sh runs it under Xvfb and a private D-Bus
 * session; it prints rows of the results table on standard output and
 * its progress on standard error.
 *
 * A lookup is driven as a person would: the lookup form is filled in
 * (dossier_window_set_lookup()) and `win.look-up` is activated.  It is
 * "shown" at the end of the first frame painted (the frame clock's
 * after-paint) with the profile page on screen holding the new profile
 * and the view's first screen built (it builds a new profile a few widgets
 * per frame, the hero, contact, summary and first experiences and
 * educations first: an earlier frame would count a nearly empty page).
 * The first screen is built once what is built fills the window's
 * visible area, or all of it is built;
 * its picture is shown at the end of the first frame painted once the
 * profile view says it shows the picture.
 *
 * The stall probe is a G_PRIORITY_HIGH timeout of 1 ms: the longest gap
 * between two of its runs, from the activation to the end of the lookup
 * (picture included) plus a quiet period, is the longest time the main
 * loop could not answer.  It only runs during the stall measures, so that
 * it does not slow down the timed ones.
 */

typedef struct
{
  DossierApplication *app;
  DossierWindow      *window;
  GtkWidget          *view;
  const char         *source_key;

  /* The lookup being measured. */
  const char         *key;
  gboolean            want_picture;
  gint64              started;
  gint64              shown;
  gint64              picture_shown;

  /* The stall probe. */
  guint               probe_id;
  gint64              last_tick;
  gint64              longest_gap;
  /* The main thread's CPU time in the longest gap: on a machine shared
   * with other jobs, wall-clock gaps also count the time it waited for a
   * core. */
  gint64              last_tick_cpu;
  gint64              longest_gap_cpu;

  /* Frames during the probe: how many, and the longest, from the frame
   * clock's before-paint to its after-paint (layout and rendering). */
  gint64              frame_start;
  gint64              longest_frame;
  guint               n_frames;
} Bench;

static Bench bench;

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static void
spin_until (gboolean (*done) (void),
            guint      timeout_ms)
{
  gint64 deadline = now_us () + (gint64) timeout_ms * 1000;

  while (!done () && now_us () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!done ())
    g_error ("timed out after %u ms (page “%s”)", timeout_ms,
             dossier_window_get_page_name (bench.window));
}

static gint64 spin_deadline;

static gboolean
deadline_passed (void)
{
  return now_us () >= spin_deadline;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
spin_for (guint ms)
{
  guint wake = g_timeout_add (5, wake_cb, NULL);

  spin_deadline = now_us () + (gint64) ms * 1000;
  spin_until (deadline_passed, ms + 10000);
  g_source_remove (wake);
}

static gint64
thread_cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static gboolean
probe_cb (gpointer user_data)
{
  gint64 now = now_us ();
  gint64 cpu = thread_cpu_us ();

  if (bench.last_tick != 0 && now - bench.last_tick > bench.longest_gap)
    bench.longest_gap = now - bench.last_tick;
  if (bench.last_tick_cpu != 0 && cpu - bench.last_tick_cpu > bench.longest_gap_cpu)
    bench.longest_gap_cpu = cpu - bench.last_tick_cpu;
  bench.last_tick = now;
  bench.last_tick_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
probe_start (void)
{
  GSource *source = g_timeout_source_new (1);

  bench.last_tick = now_us ();
  bench.last_tick_cpu = thread_cpu_us ();
  bench.longest_gap = 0;
  bench.longest_gap_cpu = 0;
  bench.longest_frame = 0;
  bench.n_frames = 0;
  g_source_set_priority (source, G_PRIORITY_HIGH);
  g_source_set_callback (source, probe_cb, NULL, NULL);
  g_source_set_name (source, "[bench] stall probe");
  bench.probe_id = g_source_attach (source, NULL);
  g_source_unref (source);
}

static void
probe_stop (void)
{
  probe_cb (NULL);
  g_source_remove (bench.probe_id);
  bench.probe_id = 0;
}

static gboolean
is_profile_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DOSSIER_IS_PROFILE_VIEW (widget);
}

static GtkWidget *
find_widget (GtkWidget *root)
{
  if (is_profile_view (root, NULL))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_widgets (GtkWidget *root,
               guint     *labels)
{
  guint n = 1;

  if (GTK_IS_LABEL (root))
    (*labels)++;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child, labels);
  return n;
}

/* The window builds its profile view on the first profile it shows (it
 * is not part of the start-up): until then there is none to find. */
static GtkWidget *
profile_view (void)
{
  if (bench.view == NULL)
    bench.view = find_widget (GTK_WIDGET (bench.window));
  return bench.view;
}

static gboolean
view_built (void)
{
  return profile_view () != NULL &&
         !dossier_profile_view_get_building (DOSSIER_PROFILE_VIEW (bench.view));
}

static gboolean
showing_wanted_profile (void)
{
  DossierProfile *profile = dossier_window_get_profile (bench.window);

  return g_strcmp0 (dossier_window_get_page_name (bench.window), "profile") == 0 &&
         profile != NULL &&
         g_strcmp0 (dossier_profile_get_key (profile), bench.key) == 0 &&
         profile_view () != NULL && gtk_widget_get_mapped (bench.view) &&
         dossier_profile_view_get_first_screen_built (DOSSIER_PROFILE_VIEW (bench.view));
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  bench.frame_start = now_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = now_us ();

  if (bench.probe_id != 0 && bench.frame_start != 0)
    {
      bench.longest_frame = MAX (bench.longest_frame, now - bench.frame_start);
      bench.n_frames++;
    }

  if (bench.started == 0)
    return;
  if (bench.shown == 0 && showing_wanted_profile ())
    bench.shown = now;
  if (bench.shown != 0 && bench.want_picture && bench.picture_shown == 0 &&
      dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (bench.view)))
    bench.picture_shown = now;
}

static gboolean
lookup_done (void)
{
  return bench.shown != 0 && (!bench.want_picture || bench.picture_shown != 0);
}

static gboolean
on_lookup_page (void)
{
  return g_strcmp0 (dossier_window_get_page_name (bench.window), "lookup") == 0;
}

static gsize
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    g_error ("cannot read VmRSS");
  return g_ascii_strtoull (line + strlen ("VmRSS:"), NULL, 10);
}

/* Looks @key up and waits until it is shown (and its picture, with
 * @want_picture).  With @stalls, the probe runs from the activation until
 * @quiet_ms after that.  Returns the milliseconds to "shown". */
static double
look_up (const char *key,
         gboolean    want_picture,
         gboolean    stalls,
         guint       quiet_ms,
         double     *picture_ms,
         double     *longest_stall_ms)
{
  /* A fresh picture loader each time: the application's keeps every
   * picture for the whole run, and then nothing would be downloaded or
   * decoded after the first lookup. */
  g_autoptr(DossierPictureLoader) loader =
    dossier_picture_loader_new (dossier_application_get_session (bench.app), NULL);

  /* Before the first lookup there is no view yet: it starts with the
   * application's loader, which has not loaded anything either. */
  if (profile_view () != NULL)
    dossier_profile_view_set_picture_loader (DOSSIER_PROFILE_VIEW (bench.view), loader);

  bench.key = key;
  bench.want_picture = want_picture;
  bench.shown = 0;
  bench.picture_shown = 0;

  dossier_window_set_lookup (bench.window, bench.source_key, DOSSIER_IDENTIFIER_KEY, key);
  if (stalls)
    probe_start ();
  bench.started = now_us ();
  if (!gtk_widget_activate_action (GTK_WIDGET (bench.window), "win.look-up", NULL))
    g_error ("win.look-up could not be activated");

  spin_until (lookup_done, 120000);
  if (stalls)
    {
      spin_for (quiet_ms);
      probe_stop ();
      *longest_stall_ms = bench.longest_gap / 1000.0;
    }
  else
    spin_for (quiet_ms);

  {
    gint64 started = bench.started;

    bench.started = 0;
    if (picture_ms != NULL)
      *picture_ms = bench.picture_shown != 0 ? (bench.picture_shown - started) / 1000.0 : -1;
    return (bench.shown - started) / 1000.0;
  }
}

static guint frames_seen;

static void
count_frame_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  frames_seen++;
}

static gboolean
frame_seen (void)
{
  return frames_seen > 0;
}

/* The longest of @n frames that redraw the whole window with nothing
 * changed.  GTK reuses the render nodes of widgets that did not change, so
 * this is what painting costs once layout and nodes exist: set against the
 * frames of a lookup, it shows where their time goes. */
static double
full_redraw_ms (int n)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (bench.window));
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), NULL);
  gint64 longest = 0;

  for (int i = 0; i < n; i++)
    {
      frames_seen = 0;
      bench.frame_start = 0;
      probe_start ();
      gtk_widget_queue_draw (GTK_WIDGET (bench.window));
      spin_until (frame_seen, 10000);
      probe_stop ();
      longest = MAX (longest, bench.longest_frame);
      spin_for (30);
    }
  g_signal_handler_disconnect (clock, id);
  return longest / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  g_autofree double *sorted = g_memdup2 (values, n * sizeof (double));

  qsort (sorted, n, sizeof (double), compare_doubles);
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static double
min_of (double *values,
        guint   n)
{
  double min = values[0];

  for (guint i = 1; i < n; i++)
    min = MIN (min, values[i]);
  return min;
}

static double
max_of (double *values,
        guint   n)
{
  double max = values[0];

  for (guint i = 1; i < n; i++)
    max = MAX (max, values[i]);
  return max;
}

/* The answer of the server for @key, as the window receives it. */
static GBytes *
fetch_body (const char *api_base,
            const char *key)
{
  g_autofree char *url = g_strdup_printf ("%s/profile/indexing?source_key=%s&key=%s",
                                          api_base, bench.source_key, key);
  g_autoptr(SoupMessage) msg = soup_message_new ("GET", url);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-API-KEY", g_getenv ("HRFLOW_API_KEY"));
  soup_message_headers_replace (soup_message_get_request_headers (msg), "X-USER-EMAIL", g_getenv ("HRFLOW_USER_EMAIL"));
  body = soup_session_send_and_read (session, msg, NULL, &error);
  if (body == NULL || soup_message_get_status (msg) != 200)
    g_error ("could not fetch %s: %s", key, error != NULL ? error->message : "not 200");
  return body;
}

/* json-glib alone loading @body with a default parser: the reference of
 * budget 3.  The parser's free is not counted. */
static double
time_json_glib (GBytes *body,
                guint   runs)
{
  g_autofree double *times = g_new (double, runs);
  gsize size;
  const char *text = g_bytes_get_data (body, &size);

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      gint64 start = now_us ();

      if (!json_parser_load_from_data (parser, text, size, &error))
        g_error ("%s", error->message);
      times[i] = (now_us () - start) / 1000.0;
    }
  return median (times, runs);
}

static void
row (const char *budget,
     const char *measure,
     const char *dossier,
     const char *reference,
     const char *ratio,
     const char *limit,
     gboolean    met,
     gboolean    judged)
{
  printf ("| %s | %s | %s | %s | %s | %s | %s |\n", budget, measure, dossier, reference, ratio, limit,
          judged ? (met ? "**yes**" : "**NO**") : "");
  fflush (stdout);
}

static char *
size_text (gsize bytes)
{
  if (bytes >= 1000000)
    return g_strdup_printf ("%.1f MB", bytes / 1e6);
  return g_strdup_printf ("%.0f KB", bytes / 1e3);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAccount) account = NULL;
  g_autofree char *api_base = NULL;
  g_autofree char *source_key = NULL;
  g_autofree char *small_key = NULL;
  g_autofree char *big_key = NULL;
  g_autofree char *scale = NULL;
  int runs = 7;
  g_autofree char *loop = NULL;
  gboolean stalls_only = FALSE;
  const GOptionEntry entries[] = {
    { "stalls-only", 0, 0, G_OPTION_ARG_NONE, &stalls_only, "Only measure budget 4's stalls, as the full run does, and print them", NULL },
    { "loop", 0, 0, G_OPTION_ARG_STRING, &loop, "Only look up KEY1 then KEY2, --runs times, printing stalls (to run under a profiler)", "KEY1,KEY2" },
    { "api-base", 0, 0, G_OPTION_ARG_STRING, &api_base, "The fake server's API base", "URL" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source_key, "Source key", "KEY" },
    { "small", 0, 0, G_OPTION_ARG_STRING, &small_key, "Key of the ~10 KB profile (with a picture)", "KEY" },
    { "big", 0, 0, G_OPTION_ARG_STRING, &big_key, "Key of the ~5 MB profile (with a 12 MP picture)", "KEY" },
    { "scale", 0, 0, G_OPTION_ARG_STRING, &scale, "Keys of the scaling series, comma-separated, smallest first", "KEYS" },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Repetitions of each measure", "N" },
    { NULL }
  };

  context = g_option_context_new ("- budgets 3 to 6 in the window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      api_base == NULL || source_key == NULL || small_key == NULL || big_key == NULL || scale == NULL ||
      runs < 1)
    {
      g_printerr ("bench-window: %s\n", error != NULL ? error->message : "missing options, see --help");
      return 2;
    }

  gtk_init ();
  adw_init ();
  if (g_getenv ("BENCH_NO_ANIMATIONS") != NULL)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  bench.source_key = source_key;

  /* The application without a bus name, as the UI tests start it. */
  bench.app = dossier_application_new ();
  g_application_set_flags (G_APPLICATION (bench.app),
                           g_application_get_flags (G_APPLICATION (bench.app)) | G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (bench.app), NULL, &error))
    g_error ("%s", error->message);
  while (dossier_application_get_loading_account (bench.app))
    g_main_context_iteration (NULL, TRUE);

  account = dossier_account_new (api_base, g_getenv ("HRFLOW_USER_EMAIL"), g_getenv ("HRFLOW_API_KEY"));
  if (!dossier_application_set_account (bench.app, account, FALSE, &error))
    g_error ("%s", error->message);

  bench.window = dossier_window_new (bench.app);
  gtk_window_present (GTK_WINDOW (bench.window));
  spin_until (on_lookup_page, 30000);
  while (!gtk_widget_get_mapped (GTK_WIDGET (bench.window)))
    g_main_context_iteration (NULL, TRUE);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (bench.window)), "before-paint",
                    G_CALLBACK (before_paint_cb), NULL);
  spin_for (500);

  if (loop != NULL)
    {
      g_auto(GStrv) keys = g_strsplit (loop, ",", 2);

      for (int i = 0; i < runs; i++)
        for (int k = 0; keys[k] != NULL; k++)
          {
            double stall = 0, t;

            t = look_up (keys[k], FALSE, TRUE, 200, NULL, &stall);
            guint labels = 0, widgets = count_widgets (bench.view, &labels);

            g_printerr ("bench-window: %s shown in %.1f ms, longest stall %.1f ms, "
                        "%u frames, longest frame %.1f ms, %u widgets (%u labels) in the view, "
                        "RSS %.1f MiB\n",
                        keys[k], t, stall, bench.n_frames, bench.longest_frame / 1000.0,
                        widgets, labels, rss_kib () / 1024.0);
          }
      return 0;
    }

  if (stalls_only)
    {
      g_autofree double *small_stalls = g_new0 (double, runs);
      g_autofree double *small_cpu = g_new0 (double, runs);
      g_autofree double *big_stalls = g_new0 (double, runs);
      g_autofree double *big_cpu = g_new0 (double, runs);

      /* As in the full run, the view exists and last showed a big profile. */
      look_up (big_key, TRUE, FALSE, 300, NULL, NULL);
      for (int i = 0; i < runs; i++)
        {
          look_up (small_key, TRUE, TRUE, 300, NULL, &small_stalls[i]);
          small_cpu[i] = bench.longest_gap_cpu / 1000.0;
          g_printerr ("bench-window: small lookup, longest stall %.1f ms (main thread's CPU in the longest gap %.1f ms), longest frame %.1f ms\n",
                      small_stalls[i], small_cpu[i], bench.longest_frame / 1000.0);
          look_up (big_key, FALSE, FALSE, 100, NULL, NULL);
        }
      for (int i = 0; i < runs; i++)
        {
          look_up (small_key, FALSE, FALSE, 100, NULL, NULL);
          look_up (big_key, TRUE, TRUE, 300, NULL, &big_stalls[i]);
          big_cpu[i] = bench.longest_gap_cpu / 1000.0;
          g_printerr ("bench-window: big lookup, longest stall %.1f ms (main thread's CPU in the longest gap %.1f ms), longest frame %.1f ms\n",
                      big_stalls[i], big_cpu[i], bench.longest_frame / 1000.0);
        }
      printf ("stalls: %s %.1f ms (worst %.1f; CPU %.1f), %s %.1f ms (worst %.1f; CPU %.1f)\n",
              small_key, median (small_stalls, runs), max_of (small_stalls, runs), median (small_cpu, runs),
              big_key, median (big_stalls, runs), max_of (big_stalls, runs), median (big_cpu, runs));
      gtk_window_destroy (GTK_WINDOW (bench.window));
      g_clear_object (&bench.app);
      return 0;
    }

  {
    g_autoptr(GBytes) small_body = fetch_body (api_base, small_key);
    g_autoptr(GBytes) big_body = fetch_body (api_base, big_key);
    g_auto(GStrv) scale_keys = g_strsplit (scale, ",", -1);
    g_autofree char *big_size = size_text (g_bytes_get_size (big_body));
    g_autofree char *small_size = size_text (g_bytes_get_size (small_body));
    g_autofree double *shown = g_new0 (double, runs);
    g_autofree double *pictures = g_new0 (double, runs);
    g_autofree double *stalls = g_new0 (double, runs);
    double idle_rss, first_rss = 0, last_rss = 0, big_rss;
    double json_ms, shown_ms, picture_ms, ratio;
    g_autofree double *parses = NULL;
    char a[128], b[128], c[64], d[128];

    /* 5. Memory: the idle window, then the big profile shown, in a fresh
     * state (before any other lookup grew the heap). */
    spin_for (1000);
    idle_rss = rss_kib ();
    {
      double idle_frame = full_redraw_ms (5);

      g_snprintf (a, sizeof a, "%.1f ms", idle_frame);
      row ("4", "A redraw of the idle window with nothing changed (render nodes reused)", a, "",
           "", "(info)", FALSE, FALSE);
    }
    g_printerr ("bench-window: idle RSS %.1f MiB\n", idle_rss / 1024);
    look_up (big_key, TRUE, FALSE, 1000, NULL, NULL);
    big_rss = rss_kib ();
    ratio = (big_rss - idle_rss) * 1024 / g_bytes_get_size (big_body);
    g_snprintf (a, sizeof a, "+%.1f MiB (%.1f → %.1f MiB)", (big_rss - idle_rss) / 1024,
                idle_rss / 1024, big_rss / 1024);
    g_snprintf (b, sizeof b, "8 × body = %.1f MiB", 8.0 * g_bytes_get_size (big_body) / 1048576);
    g_snprintf (c, sizeof c, "%.1f× body", ratio);
    g_snprintf (d, sizeof d, "RSS added by showing the %s profile (and its picture)", big_size);
    row ("5", d, a, b, c, "≤ 8× body", ratio <= 8, TRUE);

    /* Ten switches between the big and the small profile.  RSS is read
     * once the window has settled: the view has built the big profile
     * and the window has had time to free the profile it replaced (in a
     * background thread, once the view no longer needs it: until then two
     * models are alive by design, which is not memory retained). */
    for (int i = 1; i <= 10; i++)
      {
        look_up (small_key, FALSE, FALSE, 100, NULL, NULL);
        look_up (big_key, TRUE, FALSE, 300, NULL, NULL);
        spin_until (view_built, 60000);
        spin_for (500);
        if (i == 1)
          first_rss = rss_kib ();
        last_rss = rss_kib ();
        g_printerr ("bench-window: switch %d, RSS %.1f MiB\n", i, last_rss / 1024);
      }
    g_snprintf (a, sizeof a, "%+.1f%% (%.1f → %.1f MiB)", 100 * (last_rss - first_rss) / first_rss,
                first_rss / 1024, last_rss / 1024);
    row ("5", "RSS after the 10th big/small switch against the 1st", a, "", "", "within 10%",
         ABS (last_rss - first_rss) <= 0.1 * first_rss, TRUE);

    /* 3. Look Up to shown for the big profile, against json-glib alone on
     * the same body, measured alternately. */
    {
      parses = g_new0 (double, runs);

      for (int i = 0; i < runs; i++)
        {
          look_up (small_key, FALSE, FALSE, 100, NULL, NULL);
          shown[i] = look_up (big_key, TRUE, FALSE, 200, &pictures[i], NULL);
          parses[i] = time_json_glib (big_body, 1);
          g_printerr ("bench-window: big shown %.1f ms (picture %.1f ms), json-glib %.1f ms\n",
                      shown[i], pictures[i], parses[i]);
        }
      shown_ms = median (shown, runs);
      picture_ms = median (pictures, runs);
      json_ms = median (parses, runs);
    }
    g_snprintf (a, sizeof a, "%.1f ms (best %.1f)", shown_ms, min_of (shown, runs));
    g_snprintf (b, sizeof b, "json-glib parse %.1f ms (best %.1f)", json_ms, min_of (parses, runs));
    g_snprintf (c, sizeof c, "%.2f×", shown_ms / json_ms);
    g_snprintf (d, sizeof d, "Look Up → profile shown, %s", big_size);
    row ("3", d, a, b, c, "≤ 2×", shown_ms / json_ms <= 2, TRUE);
    g_snprintf (a, sizeof a, "%.1f ms", picture_ms);
    row ("3", "… and its 12-megapixel picture shown", a, "", "", "(info)", FALSE, FALSE);

    /* 4. Stalls: the small and the big profile, pictures included. */
    for (int i = 0; i < runs; i++)
      {
        look_up (small_key, TRUE, TRUE, 300, NULL, &stalls[i]);
        g_printerr ("bench-window: small lookup, longest stall %.1f ms\n", stalls[i]);
        look_up (big_key, FALSE, FALSE, 100, NULL, NULL);
      }
    g_snprintf (a, sizeof a, "%.1f ms (worst %.1f)", median (stalls, runs), max_of (stalls, runs));
    g_snprintf (d, sizeof d, "Longest main-loop stall, %s lookup with its picture", small_size);
    row ("4", d, a, "", "", "≤ 16 ms", median (stalls, runs) <= 16, TRUE);
    for (int i = 0; i < runs; i++)
      {
        look_up (small_key, FALSE, FALSE, 100, NULL, NULL);
        look_up (big_key, TRUE, TRUE, 300, NULL, &stalls[i]);
        g_printerr ("bench-window: big lookup, longest stall %.1f ms\n", stalls[i]);
      }
    g_snprintf (a, sizeof a, "%.1f ms (worst %.1f)", median (stalls, runs), max_of (stalls, runs));
    g_snprintf (d, sizeof d, "Longest main-loop stall, %s lookup with its 12 MP picture", big_size);
    row ("4", d, a, "", "", "≤ 32 ms", median (stalls, runs) <= 32, TRUE);
    g_snprintf (a, sizeof a, "%.1f ms", bench.longest_frame / 1000.0);
    g_snprintf (d, sizeof d, "… of which the longest frame (layout + render) in the last %s lookup", big_size);
    row ("4", d, a, "", "", "(info)", FALSE, FALSE);
    {
      guint labels = 0, widgets = count_widgets (bench.view, &labels);
      double shown_frame = full_redraw_ms (5);

      g_snprintf (a, sizeof a, "%.1f ms (%u widgets in the profile view)", shown_frame, widgets);
      g_snprintf (d, sizeof d, "A redraw of the window showing the %s profile with nothing changed", big_size);
      row ("4", d, a, "", "", "(info)", FALSE, FALSE);
    }

    /* 6. Scaling: Look Up to shown per MB of body. */
    {
      guint n_sizes = g_strv_length (scale_keys);
      g_autofree double *per_mb = g_new0 (double, n_sizes);
      g_autofree double *json_per_mb = g_new0 (double, n_sizes);
      g_autoptr(GString) times = g_string_new (NULL);
      g_autoptr(GString) references = g_string_new (NULL);
      double first_large = -1, last = -1;
      int scale_runs = MAX (3, runs / 2);

      for (guint s = 0; s < n_sizes; s++)
        {
          g_autoptr(GBytes) body = fetch_body (api_base, scale_keys[s]);
          g_autofree char *label = size_text (g_bytes_get_size (body));
          double mb = g_bytes_get_size (body) / 1e6;
          double t;

          for (int i = 0; i < scale_runs; i++)
            {
              look_up (small_key, FALSE, FALSE, 50, NULL, NULL);
              shown[i] = look_up (scale_keys[s], FALSE, FALSE, 100, NULL, NULL);
            }
          t = median (shown, scale_runs);
          per_mb[s] = t / mb;
          json_per_mb[s] = time_json_glib (body, 3) / mb;
          g_printerr ("bench-window: %s shown in %.1f ms (%.1f ms/MB; json-glib %.1f ms/MB)\n",
                      label, t, per_mb[s], json_per_mb[s]);
          g_string_append_printf (times, "%s%s: %.0f ms (%.1f ms/MB)", s > 0 ? ", " : "", label, t, per_mb[s]);
          g_string_append_printf (references, "%s%.1f", s > 0 ? ", " : "", json_per_mb[s]);
          /* From 1 MB on, fixed costs no longer hide the cost per MB. */
          if (mb >= 0.9 && first_large < 0)
            first_large = per_mb[s];
          last = per_mb[s];
        }
      g_string_prepend (references, "json-glib ms/MB: ");
      g_snprintf (c, sizeof c, "%.2f× (largest/1 MB, per MB)", last / first_large);
      row ("6", "Look Up → shown, scaling series", times->str, references->str, c,
           "per MB not growing (≤ 1.2×)", last / first_large <= 1.2, TRUE);
    }
  }

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_clear_object (&bench.app);
  return 0;
}
