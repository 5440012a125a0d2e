/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-experience-row.h"

#include "dossier-chip-box.h"
#include "dossier-format.h"
#include "dossier-property-row.h"

#include <glib/gi18n.h>

struct _DossierExperienceRow
{
  AdwExpanderRow     parent_instance;

  DossierExperience *experience;
  gboolean           details_built;
  /* The header's labels, owned by the expander row. */
  GtkLabel          *title_label;
  GtkLabel          *subtitle_label;
};

G_DEFINE_FINAL_TYPE (DossierExperienceRow, dossier_experience_row, ADW_TYPE_EXPANDER_ROW)

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static GListModel *
skills_to_strings (GListModel *skills)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (skills);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSkill) skill = g_list_model_get_item (skills, i);
      const char *name = dossier_skill_get_name (skill);

      if (!is_empty (name))
        gtk_string_list_append (strings, name);
    }

  return G_LIST_MODEL (strings);
}

static GListModel *
named_values_to_strings (GListModel *values)
{
  GtkStringList *strings = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (values);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierNamedValue) value = g_list_model_get_item (values, i);
      g_autofree char *text = dossier_format_named_value (value);

      if (text != NULL)
        gtk_string_list_append (strings, text);
    }

  return G_LIST_MODEL (strings);
}

static void
add_chips_row (DossierExperienceRow *self,
               const char           *title,
               GListModel           *strings)
{
  GtkWidget *row;
  GtkWidget *chips;

  if (g_list_model_get_n_items (strings) == 0)
    return;

  chips = dossier_chip_box_new ();
  dossier_chip_box_set_model (DOSSIER_CHIP_BOX (chips), strings);
  row = dossier_property_row_new (title, NULL);
  dossier_property_row_set_content (DOSSIER_PROPERTY_ROW (row), chips);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
}

static char *
dup_location (DossierExperience *experience)
{
  DossierLocation *location = dossier_experience_get_location (experience);
  char *text = location ? dossier_location_dup_display (location) : NULL;

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

gboolean
dossier_experience_has_details (DossierExperience *experience)
{
  g_autofree char *location = NULL;

  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (experience), FALSE);

  location = dup_location (experience);
  return location != NULL ||
         !is_empty (dossier_experience_get_description (experience)) ||
         g_list_model_get_n_items (dossier_experience_get_skills (experience)) > 0 ||
         g_list_model_get_n_items (dossier_experience_get_tasks (experience)) > 0 ||
         g_list_model_get_n_items (dossier_experience_get_certifications (experience)) > 0 ||
         g_list_model_get_n_items (dossier_experience_get_courses (experience)) > 0 ||
         g_list_model_get_n_items (dossier_experience_get_languages (experience)) > 0 ||
         g_list_model_get_n_items (dossier_experience_get_interests (experience)) > 0;
}

static void
build_details (DossierExperienceRow *self)
{
  DossierExperience *experience = self->experience;
  AdwExpanderRow *expander = ADW_EXPANDER_ROW (self);
  g_autofree char *location = dup_location (experience);
  const char *description = dossier_experience_get_description (experience);
  g_autoptr(GListModel) skills = skills_to_strings (dossier_experience_get_skills (experience));
  g_autoptr(GListModel) tasks = named_values_to_strings (dossier_experience_get_tasks (experience));
  g_autoptr(GListModel) certifications = named_values_to_strings (dossier_experience_get_certifications (experience));
  g_autoptr(GListModel) courses = named_values_to_strings (dossier_experience_get_courses (experience));
  g_autoptr(GListModel) languages = named_values_to_strings (dossier_experience_get_languages (experience));
  g_autoptr(GListModel) interests = named_values_to_strings (dossier_experience_get_interests (experience));

  self->details_built = TRUE;

  if (location != NULL)
    adw_expander_row_add_row (expander, dossier_property_row_new (_("Location"), location));
  if (!is_empty (description))
    adw_expander_row_add_row (expander, dossier_property_row_new (_("Description"), description));

  add_chips_row (self, _("Skills"), skills);
  add_chips_row (self, _("Tasks"), tasks);
  add_chips_row (self, _("Certifications"), certifications);
  add_chips_row (self, _("Courses"), courses);
  add_chips_row (self, _("Languages"), languages);
  add_chips_row (self, _("Interests"), interests);
}

/* Collapsed, the title and the subtitle hold one line each, ellipsized;
 * expanded, they wrap and show all their text.  A wrapping label is
 * measured with some twenty Pango layouts each time GTK lays out the
 * window (it searches the width that fits a height), a single line with
 * one: a long list of rows added a few per frame stalled the main loop
 * for 15-25 ms a frame.  Nothing is lost: expanding shows the full text,
 * and so does the tooltip of an ellipsized label. */
static void
set_single_line (GtkLabel *label,
                 gboolean  single_line)
{
  if (label == NULL)
    return;
  gtk_label_set_wrap (label, !single_line);
  gtk_label_set_ellipsize (label, single_line ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

static gboolean
query_tooltip_cb (GtkLabel   *label,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *css_class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class))
    return GTK_LABEL (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child, css_class);

      if (label != NULL)
        return label;
    }

  return NULL;
}

static void
collapse_header (DossierExperienceRow *self)
{
  /* AdwExpanderRow (libadwaita 1.2) has no property for this: its header's
   * labels carry the theme's "title" and "subtitle" classes.  Should a
   * later version name them otherwise, the row simply keeps wrapping. */
  self->title_label = find_label (GTK_WIDGET (self), "title");
  self->subtitle_label = find_label (GTK_WIDGET (self), "subtitle");

  for (guint i = 0; i < 2; i++)
    {
      GtkLabel *label = i == 0 ? self->title_label : self->subtitle_label;

      if (label == NULL)
        continue;
      set_single_line (label, TRUE);
      gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
}

static void
expanded_cb (DossierExperienceRow *self)
{
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (self));

  set_single_line (self->title_label, !expanded);
  set_single_line (self->subtitle_label, !expanded);

  if (!self->details_built && expanded)
    build_details (self);
}

DossierExperience *
dossier_experience_row_get_experience (DossierExperienceRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE_ROW (self), NULL);

  return self->experience;
}

static void
dossier_experience_row_dispose (GObject *object)
{
  DossierExperienceRow *self = DOSSIER_EXPERIENCE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_EXPERIENCE_ROW);
  g_clear_object (&self->experience);

  G_OBJECT_CLASS (dossier_experience_row_parent_class)->dispose (object);
}

static void
dossier_experience_row_class_init (DossierExperienceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_experience_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-experience-row.ui");
  gtk_widget_class_bind_template_callback (widget_class, expanded_cb);
}

static void
dossier_experience_row_init (DossierExperienceRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_experience_row_new (DossierExperience *experience)
{
  DossierExperienceRow *self;
  g_autofree char *subtitle = NULL;
  const char *title;

  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (experience), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPERIENCE_ROW, NULL);
  self->experience = g_object_ref (experience);

  title = dossier_experience_get_title (experience);
  if (is_empty (title))
    title = dossier_experience_get_organization (experience);
  if (is_empty (title))
    title = dossier_experience_get_kind (experience) == DOSSIER_EXPERIENCE_EDUCATION
            ? _("Untitled Education")
            : _("Untitled Position");

  subtitle = dossier_format_experience_subtitle (experience);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle ? subtitle : "");
  /* Nothing to expand: the arrow is hidden by the style sheet, and the
   * header wraps, as the row cannot be expanded to show its full text. */
  if (!dossier_experience_has_details (experience))
    {
      adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), FALSE);
      gtk_widget_add_css_class (GTK_WIDGET (self), "no-details");
    }
  else
    collapse_header (self);

  return GTK_WIDGET (self);
}
