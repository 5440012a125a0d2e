/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The window in French, as a French recruiter starts it (LANGUAGE=fr in a
 * fr_FR.UTF-8 locale): the welcome page, the lookup form found by its
 * French names, and a profile whose dates use French month names.
 *
 * The translations come from the build tree (po/fr/LC_MESSAGES/dossier.mo)
 * and the fr_FR.UTF-8 locale from the system or, on a machine that only has
 * C.UTF-8, from the build tree (tests/make-test-locales.sh, through
 * LOCPATH).  Without the locale, gettext would still translate, but dates
 * would keep English month names: that is a failure here, not a skip. */

#include "config.h"

#include "dossier-fake-server.h"
#include "dossier-property-row.h"
#include "dossier-test-key.h"
#include "dossier-ui-test.h"

#define SOURCE_KEY "a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9"
#define RICH_KEY   "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90"

static DossierApplication *app;
static gboolean have_locale;

static DossierWindow *
open_window (void)
{
  DossierWindow *window = dossier_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)), 5000));
  return window;
}

static void
close_window (DossierWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  dossier_test_spin (50);
}

static void
require_locale (void)
{
  if (!have_locale)
    {
      g_test_message ("The C library has no fr_FR.UTF-8 locale, and none could be compiled into "
                      "the build tree: install the locales package (build-aux/install-deps.sh), "
                      "then rebuild.");
      g_test_fail ();
    }
}

/* The locale itself: French month names, French number grouping. */
static void
test_locale (void)
{
  g_autoptr(GDateTime) date = g_date_time_new_utc (2021, 9, 14, 9, 30, 0);
  g_autofree char *month = NULL;
  g_autofree char *short_month = NULL;

  require_locale ();
  if (!have_locale)
    return;

  g_assert_true (g_str_has_prefix (setlocale (LC_TIME, NULL), "fr_FR"));
  month = g_date_time_format (date, "%B");
  short_month = g_date_time_format (date, "%b %Y");
  g_assert_cmpstr (month, ==, "septembre");
  g_assert_cmpstr (short_month, ==, "sept. 2021");
}

/* The catalogue is found and read as UTF-8. */
static void
test_catalogue (void)
{
  g_autofree char *characters = NULL;

  g_assert_cmpstr (_("Look Up"), ==, "Rechercher");
  g_assert_cmpstr (C_("profile key", "Key"), ==, "Clé");
  /* A number and its unit never part at the end of a line. */
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%d yr", "%d yrs", 3), ==, "%d\u00a0ans");
  /* French typography: a non-breaking space before the colon. */
  g_assert_cmpstr (_("%s: %s"), ==, "%s\u00a0: %s");

  if (!have_locale)
    return;
  /* Thousands grouped the French way (a narrow no-break space). */
  characters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'ld character", "%'ld characters", 12345),
                                (long) 12345);
  g_assert_cmpstr (characters, ==, "12\u202f345 caractères");
}

/* The first page a new user sees. */
static void
test_welcome (void)
{
  DossierWindow *window = open_window ();
  AdwStatusPage *status;

  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "welcome");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Dossier");

  status = dossier_test_find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (status), ==, "Recherchez des candidats HrFlow");
  g_assert_cmpstr (adw_status_page_get_description (status), ==,
                   "Consultez tout le profil d’un candidat d’un coup d’œil, et exportez-le en JSON.");
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (window), "_Se connecter"));
  g_assert_nonnull (dossier_test_find_button (GTK_WIDGET (window), "_Découvrir les profils d’exemple"));
  /* No English left on the page. */
  g_assert_null (dossier_test_find_button (GTK_WIDGET (window), "_Sign In"));

  close_window (window);
}

static gboolean
is_mapped_group_titled (GtkWidget     *widget,
                        gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_mapped_property_row_titled (GtkWidget     *widget,
                               gconstpointer  title)
{
  return DOSSIER_IS_PROPERTY_ROW (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (dossier_property_row_get_title (DOSSIER_PROPERTY_ROW (widget)), title) == 0;
}

/* Signed in: the lookup form by its French names, then a profile with
 * French section titles and French dates. */
static void
test_lookup_and_profile (void)
{
  g_autoptr(DossierFakeServer) server = dossier_fake_server_new ();
  g_autoptr(GBytes) bytes = dossier_test_load_profile_fixture ("view-rich.json", NULL);
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *window;
  GtkWidget *root;
  GtkWidget *source_row;
  GtkWidget *kind_row;
  GtkWidget *identifier_row;
  GtkWidget *button;
  GtkWidget *row;

  require_locale ();

  g_assert_true (dossier_fake_server_start (server, 0, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_account (server, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY, "read", "Test Team");
  dossier_fake_server_add_profile (server, SOURCE_KEY, bytes, &error);
  g_assert_no_error (error);

  account = dossier_account_new (dossier_fake_server_get_api_base (server),
                                 DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_application_set_account (app, account, FALSE, &error));
  g_assert_no_error (error);

  window = open_window ();
  root = GTK_WIDGET (window);
  g_assert_cmpstr (dossier_window_get_page_name (window), ==, "lookup");

  g_assert_nonnull (dossier_test_find_widget (root, is_mapped_group_titled, "Trouver un candidat"));
  source_row = dossier_test_find_row (root, "Clé de la source");
  kind_row = dossier_test_find_row (root, "Identifier par");
  identifier_row = dossier_test_find_row (root, "Identifiant");
  g_assert_true (ADW_IS_ENTRY_ROW (source_row));
  g_assert_true (ADW_IS_COMBO_ROW (kind_row));
  g_assert_true (ADW_IS_ENTRY_ROW (identifier_row));
  /* The kinds in the combo row come from the .ui file. */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))), 0),
                   ==, "Clé");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (kind_row))), 2),
                   ==, "E-mail");

  gtk_editable_set_text (GTK_EDITABLE (source_row), SOURCE_KEY);
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row), 0);
  gtk_editable_set_text (GTK_EDITABLE (identifier_row), RICH_KEY);
  button = dossier_test_find_button (root, "Rechercher");
  g_assert_nonnull (button);
  gtk_widget_activate (button);
  g_assert_true (DOSSIER_TEST_WAIT_UNTIL (g_strcmp0 (dossier_window_get_page_name (window), "profile") == 0, 10000));
  /* The page slides in: let it settle so that its rows are mapped. */
  dossier_test_spin (500);

  g_assert_nonnull (dossier_test_find_widget (root, is_mapped_group_titled, "Expérience"));
  g_assert_nonnull (dossier_test_find_widget (root, is_mapped_group_titled, "Formation"));
  g_assert_nonnull (dossier_test_find_widget (root, is_mapped_group_titled, "Coordonnées"));
  g_assert_null (dossier_test_find_widget (root, is_mapped_group_titled, "Experience"));

  if (have_locale)
    {
      const char *subtitle;

      /* A closed experience: French month abbreviations, and the duration
       * in French. */
      row = dossier_test_find_row (root, "Backend Engineer");
      g_assert_true (ADW_IS_EXPANDER_ROW (row));
      subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      g_test_message ("experience subtitle: %s", subtitle);
      g_assert_true (g_str_has_prefix (subtitle, "PayNord · mars\u00a02018 – août\u00a02021 · 3\u00a0ans\u00a0"));
      g_assert_true (g_str_has_suffix (subtitle, "\u00a0mois"));

      /* The current position ends today, in French. */
      row = dossier_test_find_row (root, "Staff Backend Engineer");
      g_assert_true (ADW_IS_EXPANDER_ROW (row));
      subtitle = adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row));
      g_assert_true (g_str_has_prefix (subtitle, "Parcelio · sept.\u00a02021 – aujourd’hui · "));

      /* A full date and time, in the record (TZ is UTC: see main). */
      row = dossier_test_find_widget (root, is_mapped_property_row_titled, "Création");
      g_assert_nonnull (row);
      g_assert_cmpstr (dossier_property_row_get_value (DOSSIER_PROPERTY_ROW (row)), ==,
                       "15 janvier 2024 à 09:12");
    }

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* What a French recruiter has; dates shown in local time are then
   * predictable. */
  g_setenv ("LANGUAGE", "fr", TRUE);
  g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
  g_setenv ("TZ", "UTC", TRUE);
  have_locale = dossier_test_init_i18n ();

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  app = dossier_test_application_new ();

  g_test_add_func ("/i18n/locale", test_locale);
  g_test_add_func ("/i18n/catalogue", test_catalogue);
  g_test_add_func ("/i18n/welcome", test_welcome);
  g_test_add_func ("/i18n/lookup-and-profile", test_lookup_and_profile);
  status = g_test_run ();

  g_clear_object (&app);

  return status;
}
