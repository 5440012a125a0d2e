/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Soak: 1,000 lookups in a row through the window's own `win.look-up`
 * action against the fake server, mixing successes, errors and lookups
 * that the next one cancels (before they are sent, once the server has
 * them, two at a time).  After every one the window must show what the
 * last request asked for, and nothing of an earlier one; at 100 and at
 * 1,000 lookups, once idle, nothing may be pending (no HTTP message, no
 * task beyond those of an idle window), and the live objects of Dossier's
 * types, all live GObjects and the resident memory must not have grown
 * beyond a small tolerance.
 *
 * Objects are counted by the test itself (see start_counting()). */

#include "config.h"

#include <unistd.h>

#include "dossier-fake-server.h"
#include "dossier-profile-view.h"
#include "dossier-test-key.h"
#include "dossier-ui-test.h"

#define SOURCE_KEY     "50a450a450a450a450a450a450a450a450a450a4"
#define UNKNOWN_KEY    "ffffffffffffffffffffffffffffffffffffffff"
#define N_PROFILES     5
#define N_LOOKUPS      1000
#define WARM_UP        20
#define FIRST_CHECK    100
/* Seconds one lookup may take before it counts as a hang. */
#define LOOKUP_LIMIT_S 10

/* What may grow between the two checks: a few objects of ours (a toast, a
 * row recycled differently), a few more of GTK's (its CSS style cache
 * keeps one GtkCssStaticStyle per combination of style classes it has met,
 * and the progressively built profile view meets a few more over time),
 * and a few MiB of memory the allocator keeps.  A leak of one object per
 * lookup would show as 900 between the two checks. */
#define OBJECT_TOLERANCE      8
#define ALL_OBJECT_TOLERANCE 32
#define RSS_TOLERANCE    (8 * 1024 * 1024)

static DossierApplication *app;

typedef struct
{
  /* The fake server lives in a thread of its own (see server_thread_cb()). */
  GThread           *server_thread;
  GMainContext      *server_context;
  GMainLoop         *server_loop;
  DossierFakeServer *server;
  char              *api_base;
  GMutex             lock;
  GCond              cond;

  DossierWindow     *window;
} Soak;

typedef struct
{
  guint  ours;       /* live instances of Dossier* types */
  guint  all;        /* live instances of every GObject type */
  guint  tasks;
  guint  messages;   /* SoupMessage: requests under way */
  gsize  rss;
  GHashTable *by_type;   /* type name → count, for the report */
} Census;

static void
census_clear (Census *census)
{
  g_clear_pointer (&census->by_type, g_hash_table_unref);
}

static char *
profile_key (guint i)
{
  return g_strdup_printf ("50a4c0ffee50a4c0ffee50a4c0ffee50a4c0f%03u", i);
}

static char *
profile_name (guint i)
{
  static const char * const names[N_PROFILES] = {
    "Ana Soak", "Bruno Soak", "Chloé Soak", "Dev Soak", "Eun-ji Soak",
  };

  return g_strdup (names[i]);
}

/* Small profiles, so that a thousand lookups stay quick, but with a bit
 * of everything the view builds rows for. */
static void
add_profiles (DossierFakeServer *server)
{
  for (guint i = 0; i < N_PROFILES; i++)
    {
      g_autofree char *key = profile_key (i);
      g_autofree char *name = profile_name (i);
      g_autofree char *text = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      text = g_strdup_printf ("{\"key\": \"%s\", \"info\": {\"full_name\": \"%s\", "
                              "\"email\": \"soak%u@example.com\", \"summary\": \"Profile %u of the soak.\"}, "
                              "\"skills\": [{\"name\": \"C\", \"type\": \"hard\"}, {\"name\": \"Patience\", \"type\": \"soft\"}], "
                              "\"experiences\": [{\"title\": \"Tester\", \"company\": \"Soak Ltd\", "
                              "\"date_start\": \"2020-01-01T00:00:00\"}], "
                              "\"tags\": [{\"name\": \"round\", \"value\": \"%u\"}]}",
                              key, name, i, i, i);
      bytes = g_bytes_new_take (text, strlen (text));
      text = NULL;
      dossier_fake_server_add_profile (server, SOURCE_KEY, bytes, &error);
      g_assert_no_error (error);
    }
}

/* Counting live objects.  g_type_get_instance_count() needs a GLib built
 * with G_ENABLE_DEBUG, which distributions' GLib is not (it always says 0),
 * so the test counts for itself: the `constructed` slot of every GObject
 * class in use that has no subclass is wrapped, and each object then counts
 * under its type until a weak reference says it is gone.  Leaf classes
 * only: a class and its parent both wrapped would call each other.  Classes
 * first used after the wrapping are not counted; it happens after a
 * warm-up, so that every class the loop uses is in use by then. */

static GMutex      census_lock;
static GHashTable *constructed_originals;   /* GType → original constructed */
static GHashTable *live_objects;            /* GType → live instances */
/* Objects made there are the fake server's, not the window's. */
static GThread    *uncounted_thread;

static void
object_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  g_mutex_lock (&census_lock);
  g_hash_table_insert (live_objects, data,
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (live_objects, data)) - 1));
  g_mutex_unlock (&census_lock);
}

static void
counted_constructed (GObject *object)
{
  void (*original) (GObject *) = NULL;
  gpointer type = GSIZE_TO_POINTER (G_OBJECT_TYPE (object));

  /* A class made after the wrapping inherits the wrapper: its nearest
   * wrapped ancestor has the function to call. */
  g_mutex_lock (&census_lock);
  for (GType t = G_OBJECT_TYPE (object); t != 0 && original == NULL; t = g_type_parent (t))
    original = g_hash_table_lookup (constructed_originals, GSIZE_TO_POINTER (t));
  if (g_thread_self () != uncounted_thread)
    g_hash_table_insert (live_objects, type,
                         GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (live_objects, type)) + 1));
  g_mutex_unlock (&census_lock);

  if (g_thread_self () != uncounted_thread)
    g_object_weak_ref (object, object_gone_cb, type);
  original (object);
}

static void
wrap_leaf_classes (GType type)
{
  g_autofree GType *children = NULL;
  guint n_children = 0;
  GObjectClass *klass;

  children = g_type_children (type, &n_children);
  for (guint i = 0; i < n_children; i++)
    wrap_leaf_classes (children[i]);

  klass = g_type_class_peek (type);
  if (n_children > 0 || klass == NULL || G_TYPE_IS_ABSTRACT (type))
    return;

  g_hash_table_insert (constructed_originals, GSIZE_TO_POINTER (type), klass->constructed);
  klass->constructed = counted_constructed;
}

static void
start_counting (void)
{
  g_mutex_lock (&census_lock);
  constructed_originals = g_hash_table_new (NULL, NULL);
  live_objects = g_hash_table_new (NULL, NULL);
  wrap_leaf_classes (G_TYPE_OBJECT);
  g_mutex_unlock (&census_lock);
}

static guint
live_count (GType type)
{
  int count = 0;

  g_mutex_lock (&census_lock);
  if (live_objects != NULL)
    count = GPOINTER_TO_INT (g_hash_table_lookup (live_objects, GSIZE_TO_POINTER (type)));
  g_mutex_unlock (&census_lock);
  return MAX (count, 0);
}

static gsize
resident_memory (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;
  fields = g_strsplit (statm, " ", 0);
  if (g_strv_length (fields) < 2)
    return 0;
  return g_ascii_strtoull (fields[1], NULL, 10) * (gsize) sysconf (_SC_PAGESIZE);
}

static void
take_census (Census *census)
{
  GHashTableIter iter;
  gpointer type, count;

  census->ours = census->all = 0;
  census->by_type = g_hash_table_new (g_str_hash, g_str_equal);

  g_mutex_lock (&census_lock);
  g_hash_table_iter_init (&iter, live_objects);
  while (g_hash_table_iter_next (&iter, &type, &count))
    {
      const char *name = g_type_name (GPOINTER_TO_SIZE (type));

      if (GPOINTER_TO_INT (count) <= 0)
        continue;
      census->all += GPOINTER_TO_INT (count);
      if (g_str_has_prefix (name, "Dossier"))
        census->ours += GPOINTER_TO_INT (count);
      g_hash_table_insert (census->by_type, (gpointer) name, count);
    }
  g_mutex_unlock (&census_lock);

  census->tasks = live_count (G_TYPE_TASK);
  census->messages = live_count (SOUP_TYPE_MESSAGE);
  census->rss = resident_memory ();
}

/* Nothing under way: no lookup, no HTTP message, no task beyond those of
 * an idle window. */
static gboolean
is_idle (Soak *soak)
{
  return !dossier_window_get_busy (soak->window) &&
         live_count (SOUP_TYPE_MESSAGE) == 0 &&
         live_count (G_TYPE_TASK) == 0;
}

/* Names the types whose count grew, so that a failure says where. */
static void
report_growth (Census *before,
               Census *after)
{
  GHashTableIter iter;
  gpointer name, count;

  g_hash_table_iter_init (&iter, after->by_type);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      int was = GPOINTER_TO_INT (g_hash_table_lookup (before->by_type, name));

      if (GPOINTER_TO_INT (count) > was)
        g_test_message ("  %s: %d → %d", (const char *) name, was, GPOINTER_TO_INT (count));
    }
}

/* The fake server, in a thread of its own with its own main context.
 * libsoup 3.2's SoupServer keeps every connection a client dropped in the
 * middle of a request (a SoupServerConnection with its socket and
 * streams): a third-party leak, in the test's stand-in for HrFlow.  Made
 * in that thread, those objects stay out of the window's census. */

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gpointer
server_thread_cb (gpointer user_data)
{
  Soak *soak = user_data;
  g_autoptr(DossierFakeServer) server = dossier_fake_server_new ();
  g_autoptr(GError) error = NULL;

  g_main_context_push_thread_default (soak->server_context);
  g_assert_true (dossier_fake_server_start (server, 0, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_account (server, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "read", "Soak");
  add_profiles (server);

  g_mutex_lock (&soak->lock);
  soak->server = server;
  soak->api_base = g_strdup (dossier_fake_server_get_api_base (server));
  g_cond_signal (&soak->cond);
  g_mutex_unlock (&soak->lock);

  g_main_loop_run (soak->server_loop);

  g_mutex_lock (&soak->lock);
  soak->server = NULL;
  g_mutex_unlock (&soak->lock);
  g_clear_object (&server);
  /* What the server's connections still had to do. */
  while (g_main_context_iteration (soak->server_context, FALSE))
    ;
  g_main_context_pop_thread_default (soak->server_context);
  return NULL;
}

static void
start_server (Soak *soak)
{
  g_mutex_init (&soak->lock);
  g_cond_init (&soak->cond);
  soak->server_context = g_main_context_new ();
  soak->server_loop = g_main_loop_new (soak->server_context, FALSE);
  soak->server_thread = g_thread_new ("fake-hrflow", server_thread_cb, soak);
  uncounted_thread = soak->server_thread;

  g_mutex_lock (&soak->lock);
  while (soak->api_base == NULL)
    g_cond_wait (&soak->cond, &soak->lock);
  g_mutex_unlock (&soak->lock);
}

static void
stop_server (Soak *soak)
{
  g_main_context_invoke (soak->server_context, quit_cb, soak->server_loop);
  g_thread_join (soak->server_thread);
  g_clear_pointer (&soak->server_loop, g_main_loop_unref);
  g_clear_pointer (&soak->server_context, g_main_context_unref);
  g_clear_pointer (&soak->api_base, g_free);
  g_mutex_clear (&soak->lock);
  g_cond_clear (&soak->cond);
}

typedef struct
{
  Soak             *soak;
  gboolean          set_fault;
  DossierFakeFault  fault;
  guint             request_count;
  gboolean          done;
} ServerCall;

static gboolean
server_call_cb (gpointer user_data)
{
  ServerCall *call = user_data;

  if (call->set_fault)
    dossier_fake_server_set_fault (call->soak->server, call->fault);
  call->request_count = dossier_fake_server_get_request_count (call->soak->server);

  g_mutex_lock (&call->soak->lock);
  call->done = TRUE;
  g_cond_signal (&call->soak->cond);
  g_mutex_unlock (&call->soak->lock);
  return G_SOURCE_REMOVE;
}

/* Runs in the server's thread and waits for it; returns the number of
 * requests the server has received. */
static guint
server_call (Soak             *soak,
             gboolean          set_fault,
             DossierFakeFault  fault)
{
  ServerCall call = { soak, set_fault, fault, 0, FALSE };

  g_main_context_invoke (soak->server_context, server_call_cb, &call);
  g_mutex_lock (&soak->lock);
  while (!call.done)
    g_cond_wait (&soak->cond, &soak->lock);
  g_mutex_unlock (&soak->lock);
  return call.request_count;
}

static void
set_fault (Soak             *soak,
           DossierFakeFault  fault)
{
  server_call (soak, TRUE, fault);
}

static guint
request_count (Soak *soak)
{
  return server_call (soak, FALSE, DOSSIER_FAKE_FAULT_NONE);
}

/* Lookups */

typedef enum
{
  EXPECT_PROFILE,
  EXPECT_NOT_FOUND,
  EXPECT_SERVER_ERROR,
} Expect;

static void
request (Soak       *soak,
         const char *identifier)
{
  dossier_window_set_lookup (soak->window, SOURCE_KEY, DOSSIER_IDENTIFIER_KEY, identifier);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (soak->window), "win.look-up", NULL));
  g_assert_true (dossier_window_get_busy (soak->window));
}

static gboolean
is_stack (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_STACK (widget);
}

static gboolean
is_profile_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DOSSIER_IS_PROFILE_VIEW (widget);
}

/* The window shows what was asked last, and only that. */
static void
assert_shows (Soak       *soak,
              guint       n,
              Expect      expect,
              guint       profile)
{
  const char *page = dossier_window_get_page_name (soak->window);
  GtkWidget *stack = dossier_test_find_widget (GTK_WIDGET (soak->window), is_stack, NULL);
  AdwStatusPage *status;

  if (expect == EXPECT_PROFILE)
    {
      g_autofree char *key = profile_key (profile);
      g_autofree char *name = profile_name (profile);
      DossierProfile *shown = dossier_window_get_profile (soak->window);
      GtkWidget *view = dossier_test_find_widget (GTK_WIDGET (soak->window), is_profile_view, NULL);

      if (g_strcmp0 (page, "profile") != 0 || shown == NULL ||
          g_strcmp0 (dossier_profile_get_key (shown), key) != 0)
        g_error ("lookup %u: expected the profile %s, the window shows the page %s with %s",
                 n, key, page, shown != NULL ? dossier_profile_get_key (shown) : "no profile");
      g_assert_true (dossier_profile_view_get_profile (DOSSIER_PROFILE_VIEW (view)) == shown);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (soak->window)), ==, name);
      return;
    }

  if (g_strcmp0 (page, "error") != 0)
    g_error ("lookup %u: expected an error, the window shows the page %s", n, page);
  status = dossier_test_find_status_page (gtk_stack_get_visible_child (GTK_STACK (stack)));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==,
                   expect == EXPECT_NOT_FOUND ? "No Candidate Found" : "HrFlow Has a Problem");
}

static void
wait_for_answer (Soak  *soak,
                 guint  n)
{
  if (!DOSSIER_TEST_WAIT_UNTIL (!dossier_window_get_busy (soak->window), LOOKUP_LIMIT_S * 1000))
    g_error ("lookup %u: no answer after %u seconds", n, LOOKUP_LIMIT_S);
}

/* The @n-th lookup (from 1), chosen by n % 10 so that lookups 100 and 1000
 * are the same, for the two censuses to compare like with like. */
static void
soak_one (Soak  *soak,
          guint  n)
{
  guint profile = n % N_PROFILES;
  g_autofree char *key = profile_key (profile);
  g_autofree char *other = profile_key ((n + 1) % N_PROFILES);
  g_autofree char *third = profile_key ((n + 2) % N_PROFILES);
  Expect expect = EXPECT_PROFILE;
  gboolean cancelled = TRUE;

  switch (n % 10)
    {
    case 0: case 1: case 2: case 6:
      request (soak, key);
      cancelled = FALSE;
      break;

    case 3:
      request (soak, UNKNOWN_KEY);
      expect = EXPECT_NOT_FOUND;
      cancelled = FALSE;
      break;

    case 4:
      set_fault (soak, DOSSIER_FAKE_FAULT_SERVER_ERROR);
      request (soak, key);
      wait_for_answer (soak, n);
      set_fault (soak, DOSSIER_FAKE_FAULT_NONE);
      expect = EXPECT_SERVER_ERROR;
      cancelled = FALSE;
      break;

    case 5:
      /* Cancelled before it is even sent. */
      request (soak, third);
      request (soak, key);
      break;

    case 7:
      /* Cancelled once the server has it (or answered late). */
      {
        guint before = request_count (soak);

        request (soak, other);
        g_assert_true (DOSSIER_TEST_WAIT_UNTIL (request_count (soak) > before,
                                                LOOKUP_LIMIT_S * 1000));
        request (soak, UNKNOWN_KEY);
        expect = EXPECT_NOT_FOUND;
      }
      break;

    case 8:
      /* An error replaced by a success. */
      request (soak, UNKNOWN_KEY);
      request (soak, key);
      break;

    case 9:
      /* Three in a row. */
      request (soak, other);
      request (soak, UNKNOWN_KEY);
      request (soak, key);
      break;

    default:
      g_assert_not_reached ();
    }

  wait_for_answer (soak, n);
  assert_shows (soak, n, expect, profile);

  /* Once the answers to the cancelled lookups are in, the last one still
   * shows. */
  if (cancelled)
    {
      if (!DOSSIER_TEST_WAIT_UNTIL (is_idle (soak), LOOKUP_LIMIT_S * 1000))
        g_error ("lookup %u: still %u tasks and %u messages under way", n,
                 live_count (G_TYPE_TASK), live_count (SOUP_TYPE_MESSAGE));
      assert_shows (soak, n, expect, profile);
    }
}

static void
settle (Soak *soak)
{
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (is_idle (soak), LOOKUP_LIMIT_S * 1000));
  /* Page transitions and the frame clock let go of what they hold. */
  dossier_test_spin (500);
  g_assert_true (is_idle (soak));
}

static void
test_soak (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAccount) account = NULL;
  Soak soak = { 0 };
  Census first = { 0 }, last = { 0 };
  gint64 start;
  double seconds;

  start_server (&soak);
  account = dossier_account_new (soak.api_base,
                                 DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));
  g_assert_no_error (error);

  soak.window = dossier_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (soak.window), 800, 700);
  gtk_window_present (GTK_WINDOW (soak.window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (soak.window)), 5000));

  start = g_get_monotonic_time ();
  for (guint n = 1; n <= N_LOOKUPS; n++)
    {
      soak_one (&soak, n);

      /* Every kind of lookup has been made: every class the loop uses is
       * in use.  Objects are counted from here. */
      if (n == WARM_UP)
        {
          settle (&soak);
          start_counting ();
        }

      if (n == FIRST_CHECK || n == N_LOOKUPS)
        {
          Census *census = n == FIRST_CHECK ? &first : &last;

          settle (&soak);
          take_census (census);
          g_test_message ("after %u lookups (%.1f s): %u objects of Dossier's types, %u GObjects, "
                          "%u tasks, %u messages, RSS %.1f MiB",
                          n, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC,
                          census->ours, census->all, census->tasks, census->messages,
                          census->rss / (1024.0 * 1024.0));
        }
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_test_message ("%u lookups in %.1f s, %u requests served", N_LOOKUPS, seconds,
                  request_count (&soak));

  /* Nothing pending. */
  g_assert_cmpuint (last.messages, ==, 0);
  g_assert_cmpuint (last.tasks, ==, 0);

  /* Flat. */
  report_growth (&first, &last);
  g_assert_cmpuint (first.ours, >, 0);
  g_assert_cmpuint (last.ours, <=, first.ours + OBJECT_TOLERANCE);
  g_assert_cmpuint (last.all, <=, first.all + ALL_OBJECT_TOLERANCE);
#ifndef __SANITIZE_ADDRESS__
  /* AddressSanitizer keeps freed memory in quarantine: its RSS grows by
   * design. */
  g_assert_cmpuint (last.rss, <=, first.rss + RSS_TOLERANCE);
#endif

  census_clear (&first);
  census_clear (&last);
  gtk_window_destroy (GTK_WINDOW (soak.window));
  dossier_test_spin (50);
  stop_server (&soak);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = dossier_test_application_new ();

  g_test_add_func ("/soak/lookups", test_soak);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
