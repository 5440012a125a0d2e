/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers shared by the in-process UI tests and the window renderer: start
 * the application without a D-Bus name, spin the main loop until something
 * happens, find widgets the way assistive technologies would (by their
 * visible title or label), and load fixtures as the fake server wants them. */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "dossier-application.h"
#include "dossier-title-row.h"
#include "dossier-window.h"

/* Call before gtk_test_init(): translations come from the build tree
 * (TESTS_LOCALEDIR, the .mo files of po/), so that a run with, say,
 * LANGUAGE=fr LC_ALL=fr_FR.UTF-8 shows the French interface without
 * installing anything.  A locale the system lacks is looked for among those
 * compiled into the build tree (TESTS_LOCPATH, tests/make-test-locales.sh).
 * Returns whether the C library accepted the locale of the environment; when
 * it did not, the process falls back to C.UTF-8 (GTK would otherwise warn,
 * which a test makes fatal). */
static inline gboolean
dossier_test_init_i18n (void)
{
  gboolean accepted = setlocale (LC_ALL, "") != NULL;

#ifdef TESTS_LOCPATH
  if (!accepted && g_getenv ("LOCPATH") == NULL &&
      g_file_test (TESTS_LOCPATH, G_FILE_TEST_IS_DIR))
    {
      g_setenv ("LOCPATH", TESTS_LOCPATH, TRUE);
      accepted = setlocale (LC_ALL, "") != NULL;
      if (!accepted)
        g_unsetenv ("LOCPATH");
    }
#endif

  if (!accepted)
    {
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      setlocale (LC_ALL, "");
    }

#ifdef TESTS_LOCALEDIR
  bindtextdomain (GETTEXT_PACKAGE, TESTS_LOCALEDIR);
#else
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#endif
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return accepted;
}

static gboolean
dossier_test_tick_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the default main context until @cond (re-evaluated) holds or
 * @timeout_ms passed; evaluates to whether it holds. */
#define DOSSIER_TEST_WAIT_UNTIL(cond, timeout_ms)                              \
  ({                                                                           \
    gint64 _deadline = g_get_monotonic_time () + (gint64) (timeout_ms) * 1000; \
    guint _tick = g_timeout_add (10, dossier_test_tick_cb, NULL);              \
    while (!(cond) && g_get_monotonic_time () < _deadline)                     \
      g_main_context_iteration (NULL, TRUE);                                   \
    g_source_remove (_tick);                                                   \
    (gboolean) !!(cond);                                                       \
  })

static inline void
dossier_test_spin (guint ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) ms * 1000;

  (void) DOSSIER_TEST_WAIT_UNTIL (g_get_monotonic_time () >= deadline, ms + 1000);
}

/* An application that does not claim its bus name, so that tests can run
 * side by side, with its startup done. */
static inline DossierApplication *
dossier_test_application_new (void)
{
  DossierApplication *app = dossier_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  /* The remembered account is looked up at start: let it settle, so that
   * it does not replace the account a test sets. */
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (!dossier_application_get_loading_account (app), 10000));

  return app;
}

typedef gboolean (*DossierWidgetPredicate) (GtkWidget *widget, gconstpointer data);

static inline GtkWidget *
dossier_test_find_widget (GtkWidget              *root,
                          DossierWidgetPredicate  predicate,
                          gconstpointer           data)
{
  if (predicate (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = dossier_test_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline gboolean
dossier_test_is_mapped_row_titled (GtkWidget     *widget,
                                   gconstpointer  title)
{
  const char *widget_title = NULL;

  if (ADW_IS_PREFERENCES_ROW (widget))
    widget_title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (DOSSIER_IS_TITLE_ROW (widget))
    widget_title = dossier_title_row_get_title (DOSSIER_TITLE_ROW (widget));

  return widget_title != NULL &&
         gtk_widget_get_mapped (widget) &&
         g_strcmp0 (widget_title, title) == 0;
}

/* A visible row (entry row, combo row, action row, title row...) by its title. */
static inline GtkWidget *
dossier_test_find_row (GtkWidget  *root,
                       const char *title)
{
  return dossier_test_find_widget (root, dossier_test_is_mapped_row_titled, title);
}

static inline gboolean
dossier_test_is_mapped_button_labelled (GtkWidget     *widget,
                                        gconstpointer  label)
{
  GtkWidget *child;

  if (!GTK_IS_BUTTON (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;

  if (g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return TRUE;

  /* A button whose label sits in a box next to a spinner. */
  child = gtk_button_get_child (GTK_BUTTON (widget));
  if (GTK_IS_BOX (child))
    for (GtkWidget *c = gtk_widget_get_first_child (child); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (c)), label) == 0)
        return TRUE;

  return FALSE;
}

static inline GtkWidget *
dossier_test_find_button (GtkWidget  *root,
                          const char *label)
{
  return dossier_test_find_widget (root, dossier_test_is_mapped_button_labelled, label);
}

static inline gboolean
dossier_test_is_mapped_label_with_text (GtkWidget     *widget,
                                        gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* A visible label showing exactly @text (as text: markup would not match). */
static inline GtkWidget *
dossier_test_find_label (GtkWidget  *root,
                         const char *text)
{
  return dossier_test_find_widget (root, dossier_test_is_mapped_label_with_text, text);
}

static inline gboolean
dossier_test_is_mapped_status_page (GtkWidget     *widget,
                                    gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static inline AdwStatusPage *
dossier_test_find_status_page (GtkWidget *root)
{
  return ADW_STATUS_PAGE (dossier_test_find_widget (root, dossier_test_is_mapped_status_page, NULL));
}

/* The profile object of a fixture (an API envelope's `data`, or a bare
 * profile), as the exact bytes the fake server serves.  @key, when given,
 * replaces the profile's own key so that a fixture without one can be
 * looked up. */
static inline GBytes *
dossier_test_load_profile_fixture (const char *name,
                                   const char *key)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonNode *data;
  char *text;
  gsize length;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  data = json_object_has_member (root, "code") ? json_object_get_member (root, "data")
                                               : json_parser_get_root (parser);
  if (key != NULL)
    json_object_set_string_member (json_node_get_object (data), "key", key);

  json_generator_set_root (generator, data);
  text = json_generator_to_data (generator, &length);
  return g_bytes_new_take (text, length);
}

/* Renders @window (or any widget) as it is on screen into a PNG. */
static inline void
dossier_test_render_png (GtkWidget  *window,
                         const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (window));
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
