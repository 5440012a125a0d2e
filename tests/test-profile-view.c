/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-chip-box.h"
#include "dossier-experience-row.h"
#include "dossier-fake-server.h"
#include "dossier-format.h"
#include "dossier-label-row.h"
#include "dossier-link-row.h"
#include "dossier-profile-view.h"
#include "dossier-property-row.h"
#include "dossier-resources.h"
#include "dossier-title-row.h"
#include "dossier-row-list.h"

#include <string.h>

#include <adwaita.h>

/* Widget tree helpers: the tests read what the widgets show. */

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget       *widget,
         WidgetPredicate  predicate,
         gconstpointer    data,
         GPtrArray       *found)
{
  if (predicate (widget, data))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, predicate, data, found);
}

static GtkWidget *
find (GtkWidget       *root,
      WidgetPredicate  predicate,
      gconstpointer    data)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, predicate, data, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static gboolean
is_label_with_text (GtkWidget     *widget,
                    gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_containing (GtkWidget     *widget,
                     gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL;
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

static gboolean
is_group_titled (GtkWidget     *widget,
                 gconstpointer  title)
{
  return ADW_IS_PREFERENCES_GROUP (widget) &&
         g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  if (DOSSIER_IS_TITLE_ROW (widget))
    return g_strcmp0 (dossier_title_row_get_title (DOSSIER_TITLE_ROW (widget)), title) == 0;

  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* A label showing exactly @text, visible on screen as far as GTK knows. */
static GtkLabel *
find_shown_label (GtkWidget  *root,
                  const char *text)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, is_label_with_text, text, found);
  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (found, i);

      if (gtk_widget_is_visible (label))
        return GTK_LABEL (label);
    }

  return NULL;
}

static GtkWidget *
find_group (GtkWidget  *root,
            const char *title)
{
  GtkWidget *group = find (root, is_group_titled, title);

  g_assert_nonnull (group);
  return group;
}

static guint
count_type (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect (root, is_type, GSIZE_TO_POINTER (type), found);
  return found->len;
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  do
    g_main_context_iteration (NULL, FALSE);
  while (g_get_monotonic_time () < end);
}

/* The view builds the sections under its first screen in idle turns:
 * waits until it has built them all. */
static void
wait_built (GtkWidget *view)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (dossier_profile_view_get_building (DOSSIER_PROFILE_VIEW (view)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (dossier_profile_view_get_building (DOSSIER_PROFILE_VIEW (view)));
}

/* Fixtures */

static DossierProfile *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  DossierProfile *profile;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);

  return profile;
}

static DossierProfile *
profile_from_text (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  DossierProfile *profile = dossier_profile_new_from_bytes (bytes, &error);

  g_assert_no_error (error);
  return profile;
}

/* A view in a window, as the application shows it. */
typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
} Shown;

static void
show_profile (Shown          *shown,
              DossierProfile *profile,
              int             width)
{
  shown->window = gtk_window_new ();
  shown->view = dossier_profile_view_new ();
  gtk_window_set_default_size (GTK_WINDOW (shown->window), width, 640);
  gtk_window_set_child (GTK_WINDOW (shown->window), shown->view);
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (shown->view), profile);
  gtk_window_present (GTK_WINDOW (shown->window));
  wait_built (shown->view);
  spin (50);
}

static void
shown_clear (Shown *shown)
{
  g_clear_pointer ((GtkWindow **) &shown->window, gtk_window_destroy);
  shown->view = NULL;
  spin (10);
}

/* Nothing may make the window wider than a phone. */
static void
assert_fits_narrow (GtkWidget *view)
{
  int minimum = 0;

  gtk_widget_measure (view, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
}

/* Tests */

static void
test_format (void)
{
  g_autofree char *a = dossier_format_duration_months (39);
  g_autofree char *b = dossier_format_duration_months (12);
  g_autofree char *c = dossier_format_duration_months (1);
  g_autofree char *d = dossier_format_duration_months (0);
  g_autofree char *e = dossier_format_duration_months (-1);
  g_autoptr(DossierDate) start = dossier_date_new_from_string ("2021-09-01T00:00:00");
  g_autoptr(DossierDate) sentinel = dossier_date_new_from_string ("1969-12-31T23:59:59");
  g_autoptr(DossierDate) odd = dossier_date_new_from_string ("15/02/1900");
  g_autofree char *range = dossier_format_month_range (start, sentinel, TRUE);
  g_autofree char *open = dossier_format_month_range (start, NULL, TRUE);
  g_autofree char *odd_text = dossier_format_month_year (odd);
  g_autofree char *nothing = dossier_format_month_range (NULL, NULL, FALSE);

  g_assert_cmpstr (a, ==, "3 yrs 3 mos");
  g_assert_cmpstr (b, ==, "1 yr");
  g_assert_cmpstr (c, ==, "1 mo");
  g_assert_null (d);
  g_assert_null (e);
  g_assert_cmpstr (range, ==, "Sep 2021 – Present");
  g_assert_cmpstr (open, ==, "Sep 2021 – Present");
  g_assert_cmpstr (odd_text, ==, "15/02/1900");
  g_assert_null (nothing);

  g_assert_cmpint (dossier_format_rating_stars (4), ==, 4);
  g_assert_cmpint (dossier_format_rating_stars (0.6), ==, 3);
  g_assert_cmpint (dossier_format_rating_stars (1), ==, 1);
  g_assert_cmpint (dossier_format_rating_stars (9), ==, 5);
  g_assert_cmpint (dossier_format_rating_stars (-1), ==, -1);
}

static void
test_web_uris (void)
{
  struct { const char *text; const char *uri; } cases[] = {
    { "https://example.com/a?b=1", "https://example.com/a?b=1" },
    { "github.com/someone", "https://github.com/someone" },
    { "  http://example.com  ", "http://example.com" },
    { "javascript:alert(1)", NULL },
    { "file:///etc/passwd", NULL },
    { "not a link", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *uri = dossier_link_row_dup_web_uri (cases[i].text);

      g_assert_cmpstr (uri, ==, cases[i].uri);
    }
}

static void
test_rich (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("view-rich.json");
  Shown shown = { 0 };
  GtkWidget *row;
  GtkWidget *experience_list;
  GtkWidget *title;
  const char *visible_groups[] = {
    "Contact", "Summary", "Experience", "Education", "Skills", "Languages", "Interests",
    "Certifications", "Courses", "Tasks", "Jobs", "Tags", "Metadata", "Attachments",
    "Consent", "Record",
  };

  show_profile (&shown, profile, 900);

  /* The hero. */
  g_assert_nonnull (find_shown_label (shown.view, "Amélie Durand"));
  g_assert_nonnull (find_shown_label (shown.view, "Staff Backend Engineer at Parcelio"));
  g_assert_nonnull (find_shown_label (shown.view, "Lyon, France"));
  g_assert_null (find_shown_label (shown.view, "Archived"));

  for (guint i = 0; i < G_N_ELEMENTS (visible_groups); i++)
    g_assert_true (gtk_widget_is_visible (find_group (shown.view, visible_groups[i])));

  /* Contact rows open what they should, and nothing else. */
  row = find (shown.view, is_row_titled, "amelie.durand@example.org");
  g_assert_nonnull (row);
  g_assert_cmpstr (dossier_link_row_get_uri (DOSSIER_LINK_ROW (row)), ==, "mailto:amelie.durand@example.org");
  row = find (shown.view, is_row_titled, "+33 6 12 34 56 78");
  g_assert_cmpstr (dossier_link_row_get_uri (DOSSIER_LINK_ROW (row)), ==, "tel:+33612345678");
  row = find (shown.view, is_row_titled, "github.com/amelie-durand-example");
  g_assert_cmpstr (dossier_link_row_get_uri (DOSSIER_LINK_ROW (row)), ==, "https://github.com/amelie-durand-example");
  g_assert_nonnull (find_shown_label (shown.view, "LinkedIn"));

  /* Experiences newest first, with localized dates and "Present". */
  experience_list = gtk_widget_get_first_child (find_group (shown.view, "Experience"));
  g_assert_nonnull (experience_list);
  row = find (find_group (shown.view, "Experience"), is_type, GSIZE_TO_POINTER (DOSSIER_TYPE_EXPERIENCE_ROW));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Staff Backend Engineer");
  /* The duration of an ongoing job grows with time: only its start is fixed. */
  g_assert_true (gtk_widget_is_visible (find (row, is_label_containing, "Parcelio · Sep 2021 – Present · ")));
  g_assert_nonnull (find_shown_label (shown.view, "PayNord · Mar 2018 – Aug 2021 · 3 yrs 5 mos"));
  g_assert_nonnull (find_shown_label (shown.view, "About 9 years in total"));

  /* Collapsed, the title holds one line, ellipsized if need be (its full
   * text in the tooltip); expanded, it wraps to show all of it. */
  title = find (row, is_label_with_text, "Staff Backend Engineer");
  g_assert_nonnull (title);
  g_assert_false (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), ==, PANGO_ELLIPSIZE_END);

  /* Details are built when the row is first expanded. */
  g_assert_null (find (row, is_label_with_text, "Lyon, France"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  spin (300);
  g_assert_nonnull (find (row, is_label_with_text, "Lyon, France"));
  g_assert_nonnull (find (row, is_label_with_text, "Mentoring"));
  g_assert_true (gtk_label_get_wrap (GTK_LABEL (title)));
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (title)), ==, PANGO_ELLIPSIZE_NONE);

  /* Skills in their groups, unknown types under "Other Skills". */
  g_assert_nonnull (find_shown_label (shown.view, "Hard Skills"));
  g_assert_nonnull (find_shown_label (shown.view, "Soft Skills"));
  g_assert_nonnull (find_shown_label (shown.view, "Other Skills"));
  g_assert_nonnull (find_shown_label (find_group (shown.view, "Skills"), "Negotiation"));
  g_assert_nonnull (find_shown_label (shown.view, "French · Native"));

  /* Jobs: a translated stage and a rating. */
  row = find (shown.view, is_row_titled, "DATA-2024-02");
  g_assert_true (DOSSIER_IS_LABEL_ROW (row));
  g_assert_nonnull (find_shown_label (row, "Later"));
  g_assert_nonnull (find_shown_label (row, "20 February 2024"));

  /* Metadata: lists as lists, booleans as words. */
  g_assert_nonnull (find_shown_label (shown.view, "• Lyon\n• Geneva\n• Remote"));
  row = find (shown.view, is_label_with_text, "remote_ok");
  g_assert_nonnull (row);
  g_assert_nonnull (find_shown_label (gtk_widget_get_parent (row), "No"));

  /* Attachments: a readable size (GLib puts a no-break space before the
   * unit) and type. */
  g_assert_nonnull (find_shown_label (shown.view, "Amelie_Durand_CV_2024.pdf"));
  g_assert_nonnull (find_shown_label (shown.view, "Original File · PDF · 184.2\u00a0kB · 15 January 2024"));

  /* Consent: a mark for each party and permission, with accessible text. */
  g_assert_nonnull (find_shown_label (find_group (shown.view, "Consent"), "Reasoning"));
  g_assert_nonnull (find_shown_label (find_group (shown.view, "Consent"), "Controller"));

  /* Record: the key, copyable, and the dates. */
  g_assert_nonnull (find_shown_label (shown.view, "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90"));
  g_assert_nonnull (find_shown_label (shown.view, "CAND-2024-0042"));
  g_assert_nonnull (find_shown_label (shown.view, "Careers Site · api"));

  /* The resume text waits in a collapsed row. */
  row = find (shown.view, is_row_titled, "Resume Text");
  g_assert_nonnull (row);
  g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
  g_assert_null (find (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_nonnull (find (row, is_type, GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));

  assert_fits_narrow (shown.view);
  shown_clear (&shown);
}

static void
test_markup_is_text (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("markup.json");
  Shown shown = { 0 };
  GtkWidget *row;
  GtkLabel *label;

  show_profile (&shown, profile, 900);

  /* With markup, get_text() would answer "x & Co" or fail to parse. */
  label = find_shown_label (shown.view, "<b>x</b> & Co");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));

  g_assert_nonnull (find_shown_label (shown.view, "<script>alert('hi')</script> & <i>more</i>"));

  row = find (shown.view, is_row_titled, "<b>x</b>");
  g_assert_true (DOSSIER_IS_EXPERIENCE_ROW (row));
  label = find_shown_label (row, "<b>x</b>");
  g_assert_nonnull (label);
  g_assert_false (gtk_label_get_use_markup (label));
  g_assert_nonnull (find (row, is_label_containing, "AT&T <Labs>"));

  /* Chips and properties too. */
  g_assert_nonnull (find_shown_label (shown.view, "<span foreground='red'>C++</span>"));
  g_assert_nonnull (find_shown_label (shown.view, "<u>tag</u>"));
  g_assert_nonnull (find_shown_label (shown.view, "&amp;"));
  g_assert_nonnull (find_shown_label (shown.view, "https://www.linkedin.com/in/a?b=1&c=<2>"));

  assert_fits_narrow (shown.view);
  shown_clear (&shown);
}

static void
test_empty_sections_hidden (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("null-heavy.json");
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  Shown shown = { 0 };

  show_profile (&shown, profile, 900);

  /* Every section but the one tag (a bare name) is hidden: none says
   * "None", "null" or "Untitled". */
  collect (shown.view, is_type, GSIZE_TO_POINTER (ADW_TYPE_PREFERENCES_GROUP), groups);
  g_assert_cmpuint (groups->len, >, 10);
  for (guint i = 0; i < groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (groups, i);
      const char *title = adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));

      if (gtk_widget_get_visible (group) && g_strcmp0 (title, "Tags") != 0)
        g_error ("The section “%s” is shown for an empty profile", title);
    }
  g_assert_nonnull (find_shown_label (find_group (shown.view, "Tags"), "archived"));

  g_assert_null (find_shown_label (shown.view, "None"));
  g_assert_null (find_shown_label (shown.view, "null"));
  g_assert_null (find_shown_label (shown.view, "Untitled Position"));
  g_assert_nonnull (find_shown_label (shown.view, "Unnamed Candidate"));

  shown_clear (&shown);
}

/* TRUE when @first is laid out left of @second in @label. */
static gboolean
shown_left_of (GtkLabel   *label,
               const char *first,
               const char *second)
{
  const char *text = gtk_label_get_text (label);
  PangoLayout *layout = gtk_label_get_layout (label);
  PangoRectangle a, b;
  int a_end, b_end;

  g_assert_nonnull (strstr (text, first));
  g_assert_nonnull (strstr (text, second));

  /* Compare the middles of the two parts, whatever their direction. */
  pango_layout_index_to_pos (layout, strstr (text, first) - text, &a);
  pango_layout_index_to_pos (layout, strstr (text, first) - text + strlen (first) - 1, &b);
  a_end = (a.x + b.x) / 2;
  pango_layout_index_to_pos (layout, strstr (text, second) - text, &a);
  pango_layout_index_to_pos (layout, strstr (text, second) - text + strlen (second) - 1, &b);
  b_end = (a.x + b.x) / 2;

  return a_end < b_end;
}

static void
test_rtl (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("rtl.json");
  Shown shown = { 0 };
  GtkLabel *label;
  PangoLayoutLine *line;

  show_profile (&shown, profile, 900);

  label = find_shown_label (shown.view, "ليلى حداد");
  g_assert_nonnull (label);

  /* The text itself decides its direction, whatever the interface's. */
  line = pango_layout_get_line_readonly (gtk_label_get_layout (label), 0);
  g_assert_cmpint (line->resolved_dir, ==, PANGO_DIRECTION_RTL);

  /* Text composed around the profile's keeps the interface's direction:
   * the Arabic company is isolated, the dates read left to right. */
  label = GTK_LABEL (find (find (shown.view, is_type, GSIZE_TO_POINTER (DOSSIER_TYPE_EXPERIENCE_ROW)),
                           is_label_containing, "شركة النخيل"));
  g_assert_nonnull (label);
  /* (The duration after it grows with time.) */
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "\u200e\u2068شركة النخيل\u2069\u200e · \u2068Feb 2020 – Present\u2069\u200e"));
  line = pango_layout_get_line_readonly (gtk_label_get_layout (label), 0);
  g_assert_cmpint (line->resolved_dir, ==, PANGO_DIRECTION_LTR);
  g_assert_true (shown_left_of (label, "شركة النخيل", "Feb 2020"));

  label = GTK_LABEL (find (shown.view, is_label_containing, "العربية"));
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (label), ==, "\u200e\u2068العربية\u2069\u200e · \u2068اللغة الأم\u2069\u200e");
  g_assert_true (shown_left_of (label, "العربية", "اللغة الأم"));

  label = find_shown_label (shown.view, "\u200e\u2068مهندسة برمجيات\u2069\u200e at \u2068شركة النخيل\u2069\u200e");
  g_assert_nonnull (label);
  g_assert_true (shown_left_of (label, "مهندسة برمجيات", "شركة النخيل"));

  assert_fits_narrow (shown.view);
  shown_clear (&shown);
}

/* Long enough to need several batches after "Show All" (20 rows and 50
 * chips are built at first), short enough for the sanitizer build: the
 * benchmarks take the profiles with thousands of entries. */
#define N_LONG_EXPERIENCES 400
#define N_LONG_SKILLS      4000

static void
test_long_profile (void)
{
  g_autoptr(GString) json = g_string_new ("{\"key\": \"long\", \"info\": {\"full_name\": \"Long Profile\"}, "
                                          "\"experiences\": [");
  g_autoptr(DossierProfile) profile = NULL;
  Shown shown = { 0 };
  GtkWidget *group;
  GtkWidget *list;
  GtkWidget *chips;

  for (guint i = 0; i < N_LONG_EXPERIENCES; i++)
    g_string_append_printf (json, "%s{\"title\": \"Position %u\", \"company\": \"Company %u\", "
                                  "\"date_start\": \"2001-01-01T00:00:00\"}",
                            i ? "," : "", i, i);
  g_string_append (json, "], \"skills\": [");
  for (guint i = 0; i < N_LONG_SKILLS; i++)
    g_string_append_printf (json, "%s{\"name\": \"Skill %u\", \"type\": \"hard\"}", i ? "," : "", i);
  g_string_append (json, "]}");
  profile = profile_from_text (json->str);

  show_profile (&shown, profile, 900);

  /* Only the first rows and chips exist, whatever the profile's length:
   * that is what keeps showing it quick (the benchmarks measure how quick). */

  group = find_group (shown.view, "Experience");
  list = find (group, is_type, GSIZE_TO_POINTER (DOSSIER_TYPE_ROW_LIST));
  g_assert_cmpuint (count_type (group, DOSSIER_TYPE_EXPERIENCE_ROW), ==, DOSSIER_ROW_LIST_INITIAL_ROWS);
  g_assert_nonnull (find_shown_label (group, "Show All " G_STRINGIFY (N_LONG_EXPERIENCES) " Experiences"));

  chips = find (find_group (shown.view, "Skills"), is_type, GSIZE_TO_POINTER (DOSSIER_TYPE_CHIP_BOX));
  g_assert_cmpuint (dossier_chip_box_get_n_shown (DOSSIER_CHIP_BOX (chips)), ==, DOSSIER_CHIP_BOX_INITIAL_CHIPS);
  g_assert_nonnull (find (chips, is_type, GSIZE_TO_POINTER (GTK_TYPE_BUTTON)));

  /* "Show All" adds the rest in batches: the main loop keeps turning. */
  dossier_row_list_show_all (DOSSIER_ROW_LIST (list));
  dossier_chip_box_show_all (DOSSIER_CHIP_BOX (chips));
  spin (20);
  g_assert_cmpuint (dossier_row_list_get_n_shown (DOSSIER_ROW_LIST (list)), <, N_LONG_EXPERIENCES);

  /* (The deadline only keeps a broken build from hanging the suite.) */
  {
    gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
    guint turns = 0;

    while ((dossier_row_list_get_n_shown (DOSSIER_ROW_LIST (list)) < N_LONG_EXPERIENCES ||
            dossier_chip_box_get_n_shown (DOSSIER_CHIP_BOX (chips)) < N_LONG_SKILLS) &&
           g_get_monotonic_time () < deadline)
      {
        g_main_context_iteration (NULL, TRUE);
        turns++;
      }
    g_test_message ("Showing all of them took %u turns of the main loop", turns);
  }
  g_assert_cmpuint (dossier_row_list_get_n_shown (DOSSIER_ROW_LIST (list)), ==, N_LONG_EXPERIENCES);
  g_assert_cmpuint (dossier_chip_box_get_n_shown (DOSSIER_CHIP_BOX (chips)), ==, N_LONG_SKILLS);

  shown_clear (&shown);
}

/* "First screen built" (what the benchmarks count as the profile shown)
 * means the window shows the new profile: what is built fills the visible
 * area, or all of it is built.  Never sooner, and for a long profile well
 * before the end. */
static void
test_first_screen (void)
{
  g_autoptr(GString) json = g_string_new ("{\"key\": \"long\", \"info\": {\"full_name\": \"Long Profile\", "
                                          "\"email\": \"long@example.com\", \"phone\": \"+33 1 23 45 67 89\"}, "
                                          "\"summary\": \"A summary.\", \"experiences\": [");
  g_autoptr(DossierProfile) long_profile = NULL;
  g_autoptr(DossierProfile) short_profile = NULL;
  DossierProfileView *view;
  GtkWidget *window;
  GtkWidget *scrolled;
  GtkWidget *content;
  gint64 deadline;

  for (guint i = 0; i < N_LONG_EXPERIENCES; i++)
    g_string_append_printf (json, "%s{\"title\": \"Position %u\", \"company\": \"Company %u\", "
                                  "\"date_start\": \"2001-01-01T00:00:00\", \"description\": \"Details.\"}",
                            i ? "," : "", i, i);
  g_string_append (json, "]}");
  long_profile = profile_from_text (json->str);
  short_profile = profile_from_text ("{\"key\": \"short\", \"info\": {\"full_name\": \"Short Profile\", "
                                     "\"email\": \"short@example.com\"}, \"experiences\": [{\"title\": \"Position\", "
                                     "\"company\": \"Company\", \"date_start\": \"2001-01-01T00:00:00\"}]}");

  window = gtk_window_new ();
  view = DOSSIER_PROFILE_VIEW (dossier_profile_view_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  spin (50);

  /* A long profile: reported as soon as it fills the window, while the
   * rest is still being built. */
  dossier_profile_view_set_profile (view, long_profile);
  g_assert_false (dossier_profile_view_get_first_screen_built (view));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!dossier_profile_view_get_first_screen_built (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (dossier_profile_view_get_first_screen_built (view));
  g_assert_true (dossier_profile_view_get_building (view));
  scrolled = find (GTK_WIDGET (view), is_type, GSIZE_TO_POINTER (GTK_TYPE_SCROLLED_WINDOW));
  /* What the scrolled window scrolls: the sections, with their margins. */
  content = gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled))));
  g_assert_cmpint (gtk_widget_get_height (content), >, gtk_widget_get_height (scrolled));
  g_assert_cmpuint (count_type (GTK_WIDGET (view), DOSSIER_TYPE_EXPERIENCE_ROW), >, 0);
  wait_built (GTK_WIDGET (view));

  /* A profile the window shows whole: only once all of it is built. */
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  spin (50);
  dossier_profile_view_set_profile (view, short_profile);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (dossier_profile_view_get_building (view) && g_get_monotonic_time () < deadline)
    {
      g_assert_false (dossier_profile_view_get_first_screen_built (view));
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_false (dossier_profile_view_get_building (view));
  g_assert_true (dossier_profile_view_get_first_screen_built (view));
  g_assert_cmpint (gtk_widget_get_height (content), <=, gtk_widget_get_height (scrolled));

  gtk_window_destroy (GTK_WINDOW (window));
  spin (10);
}

static GBytes *
make_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 300, 300);
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xe66100ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL));
  return g_bytes_new_take (buffer, size);
}

static void
test_picture (void)
{
  g_autoptr(DossierFakeServer) server = dossier_fake_server_new ();
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(DossierPictureLoader) loader = dossier_picture_loader_new (session, NULL);
  g_autoptr(GBytes) png = make_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProfile) with_picture = NULL;
  g_autoptr(DossierProfile) broken_picture = NULL;
  g_autofree char *json = NULL;
  Shown shown = { 0 };
  gint64 deadline;

  g_assert_true (dossier_fake_server_start (server, 0, &error));
  g_assert_no_error (error);
  dossier_fake_server_add_file (server, "/files/face.png", png, "image/png");

  json = g_strdup_printf ("{\"key\": \"p\", \"info\": {\"full_name\": \"Pia Picture\", \"picture\": \"%s/files/face.png\"}}",
                          dossier_fake_server_get_base_url (server));
  with_picture = profile_from_text (json);
  g_free (json);
  json = g_strdup_printf ("{\"key\": \"q\", \"info\": {\"full_name\": \"Quinn Missing\", \"picture\": \"%s/files/missing.png\"}}",
                          dossier_fake_server_get_base_url (server));
  broken_picture = profile_from_text (json);

  /* Initials first, then the picture. */
  show_profile (&shown, with_picture, 900);
  g_assert_false (dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (shown.view)));
  dossier_profile_view_set_picture_loader (DOSSIER_PROFILE_VIEW (shown.view), loader);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (shown.view)) &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (shown.view)));

  /* A missing picture leaves the initials, quietly. */
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (shown.view), broken_picture);
  g_assert_false (dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (shown.view)));
  spin (500);
  g_assert_false (dossier_profile_view_get_showing_picture (DOSSIER_PROFILE_VIEW (shown.view)));
  g_assert_nonnull (find_shown_label (shown.view, "Quinn Missing"));

  shown_clear (&shown);
}

static void
save_attachment_cb (DossierProfileView *view,
                    DossierAttachment  *attachment,
                    DossierAttachment **saved)
{
  *saved = attachment;
}

static gboolean
open_attachment_cb (DossierProfileView *view,
                    DossierAttachment  *attachment,
                    DossierAttachment **opened)
{
  *opened = attachment;
  return TRUE;
}

static gboolean
is_button_named (GtkWidget     *widget,
                 gconstpointer  tooltip)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

static void
clipboard_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  if (*text == NULL)
    *text = g_strdup ("");
}

static void
test_actions (void)
{
  g_autoptr(DossierProfile) profile = load_fixture ("view-rich.json");
  DossierAttachment *saved = NULL, *opened = NULL;
  g_autofree char *copied = NULL;
  Shown shown = { 0 };
  GtkWidget *row;
  GtkWidget *button;

  show_profile (&shown, profile, 900);
  g_signal_connect (shown.view, "save-attachment", G_CALLBACK (save_attachment_cb), &saved);
  g_signal_connect (shown.view, "open-attachment", G_CALLBACK (open_attachment_cb), &opened);

  row = find (shown.view, is_row_titled, "Amelie_Durand_CV_2024.pdf");
  g_assert_nonnull (row);
  button = find (row, is_button_named, "Save a Copy…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_nonnull (saved);
  g_assert_cmpstr (dossier_attachment_get_file_name (saved), ==, "original_c0ffee.pdf");

  button = find (row, is_button_named, "Open");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (opened == saved);

  /* Copy puts the exact key on the clipboard. */
  row = gtk_widget_get_ancestor (GTK_WIDGET (find_shown_label (shown.view, "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90")),
                                 DOSSIER_TYPE_PROPERTY_ROW);
  g_assert_nonnull (row);
  button = find (row, is_button_named, "Copy");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  spin (400);
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (shown.view), NULL, clipboard_read_cb, &copied);
  while (copied == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (copied, ==, "c0ffee00a1b2c3d4e5f60718293a4b5c6d7e8f90");

  shown_clear (&shown);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_switch_and_finalize (void)
{
  g_autoptr(DossierProfile) rich = load_fixture ("view-rich.json");
  g_autoptr(DossierProfile) rtl = load_fixture ("rtl.json");
  GtkWidget *view = g_object_ref_sink (dossier_profile_view_new ());
  GtkWidget *window = gtk_window_new ();
  guint notified = 0;

  g_signal_connect_swapped (view, "notify::profile", G_CALLBACK (count_cb), &notified);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), rich);
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), rich);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (dossier_profile_view_get_profile (DOSSIER_PROFILE_VIEW (view)) == rich);

  /* A new profile replaces every section: nothing of the old one stays. */
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), rtl);
  wait_built (view);
  spin (50);
  g_assert_null (find (view, is_label_with_text, "Amélie Durand"));
  g_assert_null (find (view, is_label_with_text, "Rust"));
  g_assert_false (gtk_widget_get_visible (find_group (view, "Jobs")));
  g_assert_nonnull (find_shown_label (view, "ليلى حداد"));

  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), NULL);
  g_assert_null (dossier_profile_view_get_profile (DOSSIER_PROFILE_VIEW (view)));
  dossier_profile_view_set_profile (DOSSIER_PROFILE_VIEW (view), rich);

  gtk_window_destroy (GTK_WINDOW (window));
  spin (10);
  g_assert_finalize_object (view);

  /* The view kept no reference to the profiles. */
  g_assert_finalize_object (g_steal_pointer (&rich));
  g_assert_finalize_object (g_steal_pointer (&rtl));
}

static void
count_clicked_cb (GtkButton *button,
                  guint     *n_clicked)
{
  (*n_clicked)++;
}

/* DossierTitleRow stands in for AdwActionRow: empty labels are hidden, a
 * title can be cut after some lines, and activating the row activates its
 * activatable widget, as clicking a contact row opens the address. */
static void
test_title_row (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = g_object_new (DOSSIER_TYPE_TITLE_ROW, NULL);
  GtkWidget *button = gtk_button_new_from_icon_name ("adw-external-link-symbolic");
  GtkLabel *title;
  GtkLabel *subtitle;
  guint n_clicked = 0;

  gtk_window_set_child (GTK_WINDOW (window), list);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));

  dossier_title_row_set_title (DOSSIER_TITLE_ROW (row), "<b>jane@example.org</b>");
  dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (row), "Email");
  title = GTK_LABEL (find (row, is_label_with_text, "<b>jane@example.org</b>"));
  subtitle = GTK_LABEL (find (row, is_label_with_text, "Email"));
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (title)));
  g_assert_false (gtk_label_get_use_markup (title));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (title), "title"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (subtitle), "subtitle"));
  g_assert_cmpstr (dossier_title_row_get_subtitle (DOSSIER_TITLE_ROW (row)), ==, "Email");
  dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (row), NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (subtitle)));

  g_assert_true (gtk_label_get_wrap (title));
  g_assert_cmpint (gtk_label_get_ellipsize (title), ==, PANGO_ELLIPSIZE_NONE);
  dossier_title_row_set_title_lines (DOSSIER_TITLE_ROW (row), 2);
  g_assert_cmpint (gtk_label_get_lines (title), ==, 2);
  g_assert_cmpint (gtk_label_get_ellipsize (title), ==, PANGO_ELLIPSIZE_END);

  dossier_title_row_add_suffix (DOSSIER_TITLE_ROW (row), button);
  g_signal_connect (button, "clicked", G_CALLBACK (count_clicked_cb), &n_clicked);
  dossier_title_row_set_activatable_widget (DOSSIER_TITLE_ROW (row), button);
  g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
  gtk_window_present (GTK_WINDOW (window));
  spin (100);
  g_signal_emit_by_name (list, "row-activated", row);
  /* A button activated emits clicked a moment later. */
  spin (400);
  g_assert_cmpuint (n_clicked, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_resources_register (dossier_get_resource ());
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_test_add_func ("/profile-view/format", test_format);
  g_test_add_func ("/profile-view/web-uris", test_web_uris);
  g_test_add_func ("/profile-view/title-row", test_title_row);
  g_test_add_func ("/profile-view/rich", test_rich);
  g_test_add_func ("/profile-view/markup-is-text", test_markup_is_text);
  g_test_add_func ("/profile-view/empty-sections-hidden", test_empty_sections_hidden);
  g_test_add_func ("/profile-view/rtl", test_rtl);
  g_test_add_func ("/profile-view/long-profile", test_long_profile);
  g_test_add_func ("/profile-view/first-screen", test_first_screen);
  g_test_add_func ("/profile-view/picture", test_picture);
  g_test_add_func ("/profile-view/actions", test_actions);
  g_test_add_func ("/profile-view/switch-and-finalize", test_switch_and_finalize);

  return g_test_run ();
}
