/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the window to PNG files, for people to look at: the welcome and
 * lookup pages, several profiles (the sample people and the test fixtures),
 * an error and the loading page, in light and dark, wide (1000×800) and
 * narrow (360×640), plus a tall wide render of each profile that shows
 * every section.  The files go to the build directory (screenshots/), or to
 * the folder given as DOSSIER_RENDER_DIR.
 *
 * The interface is in the language of the environment, with the build
 * tree's translations; French, with French dates:
 *
 *   LANGUAGE=fr LC_ALL=fr_FR.UTF-8 DOSSIER_RENDER_DIR=/tmp/fr G_TEST_SRCDIR=$PWD/tests \
 *   GSETTINGS_SCHEMA_DIR=_build/data GSETTINGS_BACKEND=memory \
 *     xvfb-run -a dbus-run-session _build/tests/render-window
 *
 * (a locale the system lacks is taken from the build tree, where
 * `meson compile -C _build tests/test-locales` puts fr_FR, de_DE and es_ES). */

#include "config.h"

#include <glib/gstdio.h>

#include "dossier-profile-view.h"
#include "dossier-ui-test.h"

typedef struct
{
  const char *name;
  int         width;
  int         height;
  gboolean    dark;
} Config;

static const Config configs[] = {
  { "wide-light",   1000,  800, FALSE },
  { "wide-dark",    1000,  800, TRUE  },
  { "narrow-light",  360,  640, FALSE },
  { "narrow-dark",   360,  640, TRUE  },
};

static const Config tall_configs[] = {
  { "full-light", 1000, 800, FALSE },
  { "full-dark",  1000, 800, TRUE  },
};

static DossierApplication *app;
static char *output_dir;
static guint n_rendered;

typedef void (*PrepareFunc) (DossierWindow *window, gconstpointer data);

static DossierWindow *
open_window (const Config *config)
{
  DossierWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      config->dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = dossier_window_new (app);
  /* The X pointer rests in the middle of the screen: without this, the row
   * under it would show hovered in the pictures. */
  gtk_widget_set_can_target (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), config->width, config->height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)) &&
                                          gtk_widget_get_width (GTK_WIDGET (window)) > 0,
                                          5000));
  dossier_test_spin (100);

  /* Without a window manager, X11 takes the resize border off the size
   * asked for: ask again for that much more. */
  if (gtk_widget_get_width (GTK_WIDGET (window)) != config->width ||
      gtk_widget_get_height (GTK_WIDGET (window)) != config->height)
    {
      int dw = config->width - gtk_widget_get_width (GTK_WIDGET (window));
      int dh = config->height - gtk_widget_get_height (GTK_WIDGET (window));

      gtk_window_set_default_size (GTK_WINDOW (window), config->width + dw, config->height + dh);
      DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) == config->width &&
                               gtk_widget_get_height (GTK_WIDGET (window)) == config->height, 2000);
    }

  return window;
}

static gboolean
is_scrolled_window (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_SCROLLED_WINDOW (widget) && gtk_widget_get_mapped (widget);
}

/* The whole scrolled content of the profile, every section, at the
 * window's width: what a recruiter sees by scrolling. */
static void
render_profile_content (DossierWindow *window,
                        const char    *path,
                        gboolean       dark)
{
  GtkWidget *scrolled = dossier_test_find_widget (GTK_WIDGET (window), is_scrolled_window, NULL);
  GtkWidget *content;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GdkRGBA background;
  int width, height;

  g_assert_nonnull (scrolled);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  g_assert_nonnull (content);

  width = gtk_widget_get_width (content);
  height = gtk_widget_get_height (content);
  gdk_rgba_parse (&background, dark ? "#242424" : "#fafafa");

  paintable = gtk_widget_paintable_new (content);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
render (DossierWindow *window,
        const char    *what,
        const Config  *config)
{
  g_autofree char *basename = g_strdup_printf ("%s-%s.png", what, config->name);
  g_autofree char *path = g_build_filename (output_dir, basename, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;

  /* Let transitions and the picture's fade end. */
  dossier_test_spin (600);
  if (g_str_has_prefix (config->name, "full-"))
    render_profile_content (window, path, config->dark);
  else
    dossier_test_render_png (GTK_WIDGET (window), path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 1000);
  g_test_message ("rendered %s", path);
  n_rendered++;
}

static void
render_page (const char   *what,
             const Config *config,
             PrepareFunc   prepare,
             gconstpointer data)
{
  DossierWindow *window = open_window (config);

  if (prepare != NULL)
    prepare (window, data);
  render (window, what, config);
  /* Closed as a person would: a running lookup is cancelled. */
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_spin (50);
}

static void
show_sign_in_cb (DossierWindow *window,
                 gconstpointer  data)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-account", NULL));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (window), "sign-in") == 0, 5000));
}

/* A dialog of the window (preferences, About, shortcuts), on its own. */
static void
render_dialog (const Config *config,
               const char   *what,
               GType         type)
{
  DossierWindow *window = open_window (config);
  g_autoptr(GList) toplevels = NULL;
  g_autofree char *basename = g_strdup_printf ("%s-%s.png", what, config->name);
  g_autofree char *path = g_build_filename (output_dir, basename, NULL);
  GtkWidget *dialog = NULL;

  if (type == GTK_TYPE_SHORTCUTS_WINDOW)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  else
    g_action_group_activate_action (G_ACTION_GROUP (app), what, NULL);

  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      dialog = l->data;
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), MIN (config->width, 600), MIN (config->height, 640));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (dialog), 5000));
  dossier_test_spin (600);
  dossier_test_render_png (dialog, path);
  n_rendered++;

  /* The shortcuts window belongs to the application window, which hides
   * it rather than letting it go. */
  if (type == GTK_TYPE_SHORTCUTS_WINDOW)
    gtk_widget_set_visible (dialog, FALSE);
  else
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_close (GTK_WINDOW (window));
  dossier_test_spin (50);
}

static void
show_lookup_cb (DossierWindow *window,
                gconstpointer  data)
{
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (window), "lookup") == 0, 5000));
}

/* The identifier focused and empty: the hint follows the kind. */
static void
focus_identifier_cb (DossierWindow *window,
                     gconstpointer  data)
{
  show_lookup_cb (window, NULL);
  dossier_window_set_lookup (window, dossier_demo_get_source_key (dossier_application_get_demo (app)),
                             DOSSIER_IDENTIFIER_EMAIL, "");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-lookup", NULL);
}

/* The form as a recruiter leaves it just before pressing Look Up. */
static void
fill_lookup_cb (DossierWindow *window,
                gconstpointer  data)
{
  show_lookup_cb (window, NULL);
  dossier_window_set_lookup (window, dossier_demo_get_source_key (dossier_application_get_demo (app)),
                             DOSSIER_IDENTIFIER_EMAIL, "camille.moreau@example.fr");
}

static gboolean
is_profile_view (GtkWidget     *widget,
                 gconstpointer  data)
{
  return DOSSIER_IS_PROFILE_VIEW (widget);
}

typedef struct
{
  const char           *name;
  DossierIdentifierKind kind;
  const char           *identifier;
  const char           *expect_page;
  DossierFakeFault      fault;
} Lookup;

static void
look_up_cb (DossierWindow *window,
            gconstpointer  data)
{
  const Lookup *lookup = data;
  DossierDemo *demo = dossier_application_get_demo (app);
  DossierFakeServer *server = dossier_demo_get_server (demo);

  dossier_fake_server_set_fault (server, lookup->fault);
  dossier_window_request_lookup (window, dossier_demo_get_source_key (demo), lookup->kind, lookup->identifier);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (window), lookup->expect_page) == 0,
                                          10000));
  dossier_fake_server_set_fault (server, DOSSIER_FAKE_FAULT_NONE);

  if (g_str_equal (lookup->expect_page, "profile") &&
      dossier_profile_get_picture_url (dossier_window_get_profile (window)) != NULL)
    {
      DossierProfileView *view = DOSSIER_PROFILE_VIEW (dossier_test_find_widget (GTK_WIDGET (window),
                                                                                 is_profile_view, NULL));

      /* Pictures on the stand-in arrive; one elsewhere (a fixture's) never
       * will here, and the initials stay: both are worth a look. */
      DOSSIER_TEST_WAIT_UNTIL (dossier_profile_view_get_showing_picture (view), 3000);
    }
}

/* The toast that confirms an export. */
static void
export_cb (DossierWindow *window,
           gconstpointer  data)
{
  static const Lookup lena = { "lena", DOSSIER_IDENTIFIER_REFERENCE, "BEW-2023-0999", "profile",
                               DOSSIER_FAKE_FAULT_NONE };
  g_autofree char *path = g_build_filename (output_dir, "lena-hoffmann.json", NULL);

  look_up_cb (window, &lena);
  g_remove (path);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", path);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_file_test (path, G_FILE_TEST_EXISTS), 5000));
}

/* The first moment of a lookup: the spinner in the button. */
static void
starting_cb (DossierWindow *window,
             gconstpointer  data)
{
  DossierDemo *demo = dossier_application_get_demo (app);

  fill_lookup_cb (window, NULL);
  dossier_fake_server_set_fault (dossier_demo_get_server (demo), DOSSIER_FAKE_FAULT_STALL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.look-up", NULL);
  dossier_test_spin (100);
  g_assert_true (dossier_window_get_busy (window));
}

static void
add_fixture (DossierFakeServer *server,
             const char        *source_key,
             const char        *fixture,
             const char        *key)
{
  g_autoptr(GBytes) bytes = dossier_test_load_profile_fixture (fixture, key);
  g_autoptr(GError) error = NULL;

  dossier_fake_server_add_profile (server, source_key, bytes, &error);
  g_assert_no_error (error);
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  dossier_application_start_demo_finish (DOSSIER_APPLICATION (object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_render (void)
{
  static const Lookup profiles[] = {
    { "camille",      DOSSIER_IDENTIFIER_EMAIL,     "camille.moreau@example.fr", "profile", DOSSIER_FAKE_FAULT_NONE },
    { "oliver",       DOSSIER_IDENTIFIER_REFERENCE, "CAND-2024-0318",            "profile", DOSSIER_FAKE_FAULT_NONE },
    { "lena",         DOSSIER_IDENTIFIER_REFERENCE, "BEW-2023-0999",             "profile", DOSSIER_FAKE_FAULT_NONE },
    { "arabic",       DOSSIER_IDENTIFIER_REFERENCE, "CAND-2024-0555",            "profile", DOSSIER_FAKE_FAULT_NONE },
    { "japanese",     DOSSIER_IDENTIFIER_REFERENCE, "CAND-2024-0808",            "profile", DOSSIER_FAKE_FAULT_NONE },
    { "long",         DOSSIER_IDENTIFIER_REFERENCE, "CAND-GENERATED-LONG",       "profile", DOSSIER_FAKE_FAULT_NONE },
    { "seed-example", DOSSIER_IDENTIFIER_KEY,       "profile_key",               "profile", DOSSIER_FAKE_FAULT_NONE },
    { "markup",       DOSSIER_IDENTIFIER_KEY,       "718293a4b5c6d7e8f9012345678ab1c2d3e4f506", "profile", DOSSIER_FAKE_FAULT_NONE },
    { "null-heavy",   DOSSIER_IDENTIFIER_KEY,       "0000000000000000000000000000000000000001", "profile", DOSSIER_FAKE_FAULT_NONE },
    { "rtl",          DOSSIER_IDENTIFIER_KEY,       "60718293a4b5c6d7e8f9012345678ab1c2d3e4f5", "profile", DOSSIER_FAKE_FAULT_NONE },
  };
  static const Lookup errors[] = {
    { "error-not-found", DOSSIER_IDENTIFIER_KEY, "ffffffffffffffffffffffffffffffffffffffff", "error", DOSSIER_FAKE_FAULT_NONE },
    { "error-server",    DOSSIER_IDENTIFIER_KEY, "ffffffffffffffffffffffffffffffffffffffff", "error", DOSSIER_FAKE_FAULT_SERVER_ERROR_HTML },
    { "loading",         DOSSIER_IDENTIFIER_KEY, "ffffffffffffffffffffffffffffffffffffffff", "loading", DOSSIER_FAKE_FAULT_STALL },
  };
  DossierFakeServer *server;
  const char *source_key;
  gboolean demo_started = FALSE;
  const char *only = g_getenv ("DOSSIER_RENDER_ONLY");

  if (only == NULL || strstr (only, "welcome") != NULL)
    for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
      render_page ("welcome", &configs[c], NULL, NULL);

  dossier_application_start_demo_async (app, NULL, demo_started_cb, &demo_started);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (demo_started, 20000));

  server = dossier_demo_get_server (dossier_application_get_demo (app));
  source_key = dossier_demo_get_source_key (dossier_application_get_demo (app));
  add_fixture (server, source_key, "seed-example.json", NULL);
  add_fixture (server, source_key, "markup.json", NULL);
  add_fixture (server, source_key, "null-heavy.json", "0000000000000000000000000000000000000001");
  add_fixture (server, source_key, "rtl.json", NULL);

  if (only == NULL || strstr (only, "extras") != NULL)
    for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
      {
        render_page ("export-toast", &configs[c], export_cb, NULL);
        render_page ("starting", &configs[c], starting_cb, NULL);
        dossier_fake_server_set_fault (server, DOSSIER_FAKE_FAULT_NONE);
      }

  if (only == NULL || strstr (only, "lookup") != NULL)
    for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
      {
        render_page ("lookup", &configs[c], show_lookup_cb, NULL);
        render_page ("lookup-filled", &configs[c], fill_lookup_cb, NULL);
        render_page ("lookup-focus", &configs[c], focus_identifier_cb, NULL);
      }

  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      g_autofree char *what = g_strconcat ("profile-", profiles[p].name, NULL);

      if (only != NULL && strstr (only, profiles[p].name) == NULL)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
        render_page (what, &configs[c], look_up_cb, &profiles[p]);
      for (guint c = 0; c < G_N_ELEMENTS (tall_configs); c++)
        render_page (what, &tall_configs[c], look_up_cb, &profiles[p]);
    }

  for (guint e = 0; e < G_N_ELEMENTS (errors); e++)
    {
      if (only != NULL && strstr (only, errors[e].name) == NULL)
        continue;

      for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
        render_page (errors[e].name, &configs[c], look_up_cb, &errors[e]);
    }

  /* Signed in to a real account (here: the stand-in, without the demo),
   * with recent lookups and a known source. */
  if (only == NULL || strstr (only, "recent") != NULL || strstr (only, "preferences") != NULL ||
      strstr (only, "sign-in") != NULL)
    {
      DossierHistory *history = dossier_application_get_history (app);
      g_autoptr(DossierAccount) account = NULL;
      g_autoptr(GError) error = NULL;
      static const struct { DossierIdentifierKind kind; const char *identifier; const char *name; } recent[] = {
        { DOSSIER_IDENTIFIER_EMAIL,     "camille.moreau@example.fr", "Camille Moreau" },
        { DOSSIER_IDENTIFIER_REFERENCE, "CAND-2024-0318",            "Oliver Bennett" },
        { DOSSIER_IDENTIFIER_KEY,       "07c779d48779c322a7c5324109202f9012f7aebf", "佐藤 陽菜" },
        { DOSSIER_IDENTIFIER_REFERENCE, "CAND-2024-0999",            NULL },
      };

      account = dossier_account_new (dossier_demo_get_api_base (dossier_application_get_demo (app)),
                                     "recruiter@example.com", dossier_demo_get_api_key (dossier_application_get_demo (app)));
      g_assert_true (dossier_application_set_account (app, account, FALSE, &error));
      dossier_history_add_source (history, source_key, "Sample Profiles");
      for (guint i = G_N_ELEMENTS (recent); i > 0; i--)
        {
          g_autoptr(DossierLookup) lookup = dossier_lookup_new (source_key, recent[i - 1].kind,
                                                                recent[i - 1].identifier, recent[i - 1].name);

          dossier_history_add (history, lookup);
        }

      for (guint c = 0; c < G_N_ELEMENTS (configs); c++)
        {
          if (only == NULL || strstr (only, "recent") != NULL)
            render_page ("lookup-recent", &configs[c], show_lookup_cb, NULL);
          if (only == NULL || strstr (only, "sign-in") != NULL)
            render_page ("sign-in", &configs[c], show_sign_in_cb, NULL);
          if (only == NULL || strstr (only, "preferences") != NULL)
            {
              render_dialog (&configs[c], "preferences", ADW_TYPE_PREFERENCES_WINDOW);
              render_dialog (&configs[c], "about", ADW_TYPE_ABOUT_WINDOW);
              render_dialog (&configs[c], "shortcuts", GTK_TYPE_SHORTCUTS_WINDOW);
            }
        }
    }

  g_assert_cmpuint (n_rendered, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  const char *dir;
  int status;

  if (!dossier_test_init_i18n ())
    g_printerr ("render-window: the C library lacks the locale asked for: rendering in C.UTF-8\n");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  dir = g_getenv ("DOSSIER_RENDER_DIR");
  output_dir = dir != NULL ? g_strdup (dir) : g_test_build_filename (G_TEST_BUILT, "screenshots", NULL);
  g_mkdir_with_parents (output_dir, 0755);

  /* What GNOME uses: the screenshots show one close button, not three. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);

  app = dossier_test_application_new ();

  g_test_add_func ("/render/window", test_render);
  status = g_test_run ();

  g_clear_object (&app);
  g_free (output_dir);

  return status;
}
