/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the profile view to PNG files for people to look at: a rich
 * fixture, light and dark, wide and narrow, both as the window shows it and
 * as the whole page.  Not a test: run it under a display, e.g.
 *
 *   GSK_RENDERER=cairo xvfb-run -a dbus-run-session -- \
 *     _build/tests/render-profile-view [FIXTURE.json ...] [--output DIR]
 *
 * With no fixture it renders tests/fixtures/view-rich.json, then a long
 * generated profile before and after "Show All".  The pictures go to DIR
 * (default: the tests' build directory). */

#include "config.h"

#include "dossier-chip-box.h"
#include "dossier-experience-row.h"
#include "dossier-fake-server.h"
#include "dossier-picture-loader.h"
#include "dossier-profile-view.h"
#include "dossier-resources.h"
#include "dossier-row-list.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

/* Where fixtures refer to pictures; replaced by the fake server's files. */
#define FIXTURE_PICTURE_BASE "https://pictures.example.com/"

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* A made-up portrait: a head and shoulders on a soft background. */
static GBytes *
make_portrait (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 512, 512);
  cairo_t *cr = cairo_create (surface);
  cairo_pattern_t *background = cairo_pattern_create_linear (0, 0, 0, 512);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) pixels = NULL;
  GBytes *png;

  cairo_pattern_add_color_stop_rgb (background, 0, 0.95, 0.78, 0.55);
  cairo_pattern_add_color_stop_rgb (background, 1, 0.85, 0.45, 0.38);
  cairo_set_source (cr, background);
  cairo_paint (cr);

  cairo_set_source_rgb (cr, 0.25, 0.22, 0.3);
  cairo_save (cr);
  cairo_translate (cr, 256, 520);
  cairo_scale (cr, 190, 150);
  cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
  cairo_restore (cr);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.98, 0.86, 0.76);
  cairo_arc (cr, 256, 230, 100, 0, 2 * G_PI);
  cairo_fill (cr);

  cairo_set_source_rgb (cr, 0.35, 0.2, 0.15);
  cairo_arc (cr, 256, 200, 105, G_PI, 2 * G_PI);
  cairo_fill (cr);

  cairo_pattern_destroy (background);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new (cairo_image_surface_get_data (surface), 512 * cairo_image_surface_get_stride (surface));
  texture = gdk_memory_texture_new (512, 512, GDK_MEMORY_B8G8R8A8_PREMULTIPLIED,
                                    pixels, cairo_image_surface_get_stride (surface));
  png = gdk_texture_save_to_png_bytes (texture);
  cairo_surface_destroy (surface);

  return png;
}

static DossierProfile *
load_fixture (const char *path,
              const char *files_base)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierProfile *profile;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Cannot read %s: %s", path, error->message);

  text = g_string_new_len (contents, length);
  g_string_replace (text, FIXTURE_PICTURE_BASE, files_base, 0);
  bytes = g_bytes_new (text->str, text->len);

  profile = dossier_profile_new_from_bytes (bytes, &error);
  if (profile == NULL)
    g_error ("Cannot build a profile from %s: %s", path, error->message);

  return profile;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The resume is the one expander row that is not an experience. */
static void
expand_resume (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget) && !DOSSIER_IS_EXPERIENCE_ROW (widget))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expand_resume (child);
}

static void
save_widget (GtkWidget  *widget,
             GtkWidget  *window,
             const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  GdkRGBA background;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (window), "window_bg_color", &background))
    gdk_rgba_parse (&background, "white");
  G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s (%d×%d)\n", path, width, height);
}

/* A profile with more entries than the view builds at first, to look at
 * the "Show All" buttons and at the list once everything is shown. */
static DossierProfile *
make_long_profile (void)
{
  g_autoptr(GString) json = g_string_new ("{\"key\": \"long\", \"info\": {\"full_name\": \"Morgan Long-Career\"}, "
                                          "\"experiences\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierProfile *profile;

  for (guint i = 0; i < 45; i++)
    g_string_append_printf (json, "%s{\"title\": \"Consultant, mission %u\", \"company\": \"Client %u\", "
                                  "\"date_start\": \"%u-01-01T00:00:00\", \"date_end\": \"%u-06-30T00:00:00\"}",
                            i ? "," : "", 45 - i, 45 - i, 2023 - i / 2, 2023 - i / 2);
  g_string_append (json, "], \"skills\": [");
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (json, "%s{\"name\": \"Skill %u\", \"type\": \"hard\"}", i ? "," : "", i + 1);
  g_string_append (json, "]}");

  bytes = g_bytes_new (json->str, json->len);
  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return profile;
}

static void
show_everything (GtkWidget *widget)
{
  if (DOSSIER_IS_ROW_LIST (widget))
    dossier_row_list_show_all (DOSSIER_ROW_LIST (widget));
  else if (DOSSIER_IS_CHIP_BOX (widget))
    dossier_chip_box_show_all (DOSSIER_CHIP_BOX (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    show_everything (child);
}

static void
render (DossierProfile       *profile,
        DossierPictureLoader *loader,
        const char           *name,
        const char           *output,
        gboolean              dark,
        int                   width)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *view = dossier_profile_view_new ();
  g_autofree char *title = dossier_profile_dup_display_name (profile);
  g_autofree char *window_path = NULL;
  g_autofree char *page_path = NULL;
  GtkWidget *clamp;
  GtkWidget *row;
  const char *variant = dark ? "dark" : "light";
  gint64 deadline;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), width, width > 400 ? 760 : 640);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  gtk_window_set_child (GTK_WINDOW (window), box);

  dossier_profile_view_set_picture_loader (DOSSIER_PROFILE_VIEW (view), loader);
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), profile);
  gtk_window_present (GTK_WINDOW (window));

  /* The picture arrives, then fades in. */
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (dossier_profile_view_get_profile (DOSSIER_PROFILE_VIEW (view)) != NULL &&
         dossier_profile_get_picture_url (profile) != NULL &&
         !dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (view)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  spin (800);

  if (gtk_widget_get_width (window) > width)
    g_printerr ("%s: the %s window is %d px wide instead of %d: something is too wide\n",
                name, variant, gtk_widget_get_width (window), width);

  window_path = g_strdup_printf ("%s/profile-%s-%s-%d-window.png", output, name, variant, width);
  save_widget (window, window, window_path);

  /* The first page shows the "Show All" buttons; the whole page all rows. */
  clamp = find_descendant (view, ADW_TYPE_CLAMP);
  if (g_str_equal (name, "long"))
    {
      g_autofree char *first_path = g_strdup_printf ("%s/profile-%s-%s-%d-first.png", output, name, variant, width);

      save_widget (clamp, window, first_path);
      show_everything (view);
      spin (1500);
    }

  /* The whole page, with the first experience and the resume open. */
  row = find_descendant (view, DOSSIER_TYPE_EXPERIENCE_ROW);
  if (row != NULL)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  expand_resume (view);
  spin (600);

  page_path = g_strdup_printf ("%s/profile-%s-%s-%d-page.png", output, name, variant, width);
  save_widget (clamp, window, page_path);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (50);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(DossierFakeServer) server = NULL;
  g_autoptr(DossierPictureLoader) loader = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GtkCssProvider) css = NULL;
  g_autoptr(GBytes) portrait = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *files_base = NULL;
  g_autofree char *default_fixture = NULL;
  g_auto(GStrv) fixtures = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Where to write the pictures", "DIR" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &fixtures, NULL, "FIXTURE…" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("— render the profile view to PNG");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  gtk_init ();
  adw_init ();

  /* The static library's resources are registered when linked in. */
  g_resources_register (dossier_get_resource ());
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  server = dossier_fake_server_new ();
  if (!dossier_fake_server_start (server, 0, &error))
    g_error ("Cannot start the fake server: %s", error->message);
  portrait = make_portrait ();
  dossier_fake_server_add_file (server, "/files/amelie.png", portrait, "image/png");
  files_base = g_strconcat (dossier_fake_server_get_base_url (server), "/files/", NULL);

  session = soup_session_new ();
  loader = dossier_picture_loader_new (session, NULL);

  if (output == NULL)
    output = g_strdup (TESTS_BUILDDIR);
  if (fixtures == NULL)
    {
      default_fixture = g_build_filename (TESTS_SRCDIR, "fixtures", "view-rich.json", NULL);
      fixtures = g_new0 (char *, 2);
      fixtures[0] = g_strdup (default_fixture);
    }

  for (guint i = 0; fixtures[i] != NULL; i++)
    {
      g_autoptr(DossierProfile) profile = load_fixture (fixtures[i], files_base);
      g_autofree char *base = g_path_get_basename (fixtures[i]);
      char *dot = strrchr (base, '.');

      if (dot != NULL)
        *dot = '\0';

      render (profile, loader, base, output, FALSE, 900);
      render (profile, loader, base, output, FALSE, 360);
      render (profile, loader, base, output, TRUE, 900);
      render (profile, loader, base, output, TRUE, 360);
    }

  {
    g_autoptr(DossierProfile) profile = make_long_profile ();

    render (profile, loader, "long", output, FALSE, 900);
    render (profile, loader, "long", output, TRUE, 360);
  }

  return 0;
}
