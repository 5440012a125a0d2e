/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-profile-view.h"

#include "dossier-attachment-row.h"
#include "dossier-chip-box.h"
#include "dossier-experience-row.h"
#include "dossier-format.h"
#include "dossier-label-row.h"
#include "dossier-link-row.h"
#include "dossier-property-row.h"
#include "dossier-row-list.h"
#include "dossier-title-row.h"

#include <string.h>

#include <glib/gi18n.h>

#define CONTACT_KIND_KEY "dossier-contact-kind"

struct _DossierProfileView
{
  AdwBin                parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkScrolledWindow    *scrolled_window;

  GtkStack             *avatar_stack;
  AdwAvatar            *initials_avatar;
  AdwAvatar            *picture_avatar;
  GtkLabel             *name_label;
  GtkLabel             *position_label;
  GtkLabel             *location_label;
  GtkWidget            *archived_badge;

  GtkWidget            *contact_group;
  DossierRowList       *contact_list;
  GtkWidget            *summary_group;
  GtkLabel             *summary_label;
  GtkWidget            *experience_group;
  DossierRowList       *experience_list;
  GtkWidget            *education_group;
  DossierRowList       *education_list;
  GtkWidget            *skills_group;
  GtkWidget            *hard_skills_heading;
  DossierChipBox       *hard_skills;
  GtkWidget            *soft_skills_heading;
  DossierChipBox       *soft_skills;
  GtkWidget            *other_skills_heading;
  DossierChipBox       *other_skills;
  GtkWidget            *languages_group;
  DossierChipBox       *languages_chips;
  GtkWidget            *interests_group;
  DossierChipBox       *interests_chips;
  GtkWidget            *certifications_group;
  DossierRowList       *certifications_list;
  GtkWidget            *courses_group;
  DossierRowList       *courses_list;
  GtkWidget            *tasks_group;
  DossierRowList       *tasks_list;
  GtkWidget            *jobs_group;
  DossierRowList       *jobs_list;
  GtkWidget            *tags_group;
  DossierRowList       *tags_list;
  GtkWidget            *metadata_group;
  DossierRowList       *metadata_list;
  GtkWidget            *attachments_group;
  DossierRowList       *attachments_list;
  GtkWidget            *consent_group;
  GtkGrid              *consent_grid;
  GtkWidget            *record_group;
  GtkListBox           *record_list;
  GtkWidget            *resume_group;
  AdwExpanderRow       *resume_row;
  GtkWidget            *resume_text_row;

  DossierProfile       *profile;
  DossierPictureLoader *picture_loader;
  GCancellable         *picture_cancellable;

  /* A new profile is built a few widgets per frame (build_tick_cb()). */
  guint                 build_tick_id;
  guint                 next_step;
  /* The frame clock's counter when the profile was set: the layout of
   * a later frame is the first to tell what the new profile fills. */
  gint64                set_in_frame;
  GtkStringList        *pending_skills[3];
  /* The record's rows, made at once and added one per step. */
  GPtrArray            *pending_record_rows;
};

G_DEFINE_FINAL_TYPE (DossierProfileView, dossier_profile_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_PROFILE,
  PROP_PICTURE_LOADER,
  PROP_BUILDING,
  N_PROPS
};

enum {
  SIGNAL_OPEN_ATTACHMENT,
  SIGNAL_SAVE_ATTACHMENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
set_label_text (GtkLabel   *label,
                const char *text)
{
  /* set_text: profile text is never markup. */
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), !is_empty (text));
}

static void
show_toast (DossierProfileView *self,
            const char         *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Opening and copying */

static gboolean
uri_can_be_opened (const char *uri)
{
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  /* Only what a browser, a mail client or a phone application handles: a
   * profile could hold file: or javascript: addresses. */
  return scheme != NULL &&
         (g_ascii_strcasecmp (scheme, "http") == 0 ||
          g_ascii_strcasecmp (scheme, "https") == 0 ||
          g_ascii_strcasecmp (scheme, "mailto") == 0 ||
          g_ascii_strcasecmp (scheme, "tel") == 0);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(DossierProfileView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_uri_launcher_launch_finish (GTK_URI_LAUNCHER (object), result, &error) &&
      !g_error_matches (error, GTK_DIALOG_ERROR, GTK_DIALOG_ERROR_DISMISSED))
    {
      g_debug ("Could not open a link: %s", error->message);
      show_toast (self, _("The link could not be opened"));
    }
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierProfileView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    {
      g_debug ("Could not open a link: %s", error->message);
      show_toast (self, _("The link could not be opened"));
    }
}
#endif

static void
open_uri (DossierProfileView *self,
          const char         *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;

  if (!uri_can_be_opened (uri))
    return;

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new (uri);

    gtk_uri_launcher_launch (launcher, window, NULL, launch_cb, g_object_ref (self));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  if (window == NULL)
    return;
  gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, show_uri_cb, g_object_ref (self));
#endif
}

static void
open_uri_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_uri (DOSSIER_PROFILE_VIEW (widget), g_variant_get_string (parameter, NULL));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierProfileView *self = DOSSIER_PROFILE_VIEW (widget);
  const char *text = g_variant_get_string (parameter, NULL);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Copied to clipboard"));
}

/* Rows */

static char *
dup_mailto (const char *email)
{
  g_autofree char *escaped = NULL;

  /* An address with spaces or no @ is not one a mail client can use. */
  if (strchr (email, '@') == NULL || strpbrk (email, " \t\r\n<>\"") != NULL)
    return NULL;

  escaped = g_uri_escape_string (email, "@!$&'()*+,;=", FALSE);
  return g_strconcat ("mailto:", escaped, NULL);
}

static char *
dup_tel (const char *phone)
{
  g_autoptr(GString) number = g_string_new ("tel:");

  /* tel: URIs hold digits, a leading +, and visual separators; spaces and
   * anything else are dropped. */
  for (const char *p = phone; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || strchr ("+-.()*#", *p) != NULL)
        g_string_append_c (number, *p);
    }

  if (number->len == strlen ("tel:"))
    return NULL;
  return g_string_free (g_steal_pointer (&number), FALSE);
}

static const char *
link_icon_name (DossierLinkType type)
{
  switch (type)
    {
    case DOSSIER_LINK_FROM_RESUME:
      return "text-x-generic-symbolic";
    case DOSSIER_LINK_OTHER:
    case DOSSIER_LINK_LINKEDIN:
    case DOSSIER_LINK_TWITTER:
    case DOSSIER_LINK_FACEBOOK:
    case DOSSIER_LINK_GITHUB:
    default:
      return "web-browser-symbolic";
    }
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  if (GTK_IS_STRING_OBJECT (item))
    {
      const char *kind = g_object_get_data (G_OBJECT (item), CONTACT_KIND_KEY);
      const char *text = gtk_string_object_get_string (item);
      g_autofree char *uri = NULL;

      if (g_strcmp0 (kind, "email") == 0)
        {
          uri = dup_mailto (text);
          return dossier_link_row_new (_("Email"), text, uri, "mail-unread-symbolic");
        }

      uri = dup_tel (text);
      return dossier_link_row_new (_("Phone"), text, uri, "call-start-symbolic");
    }
  else
    {
      DossierLink *link = item;
      DossierLinkType type = dossier_link_get_link_type (link);
      const char *url = dossier_link_get_url (link);
      g_autofree char *uri = dossier_link_row_dup_web_uri (url);

      return dossier_link_row_new (dossier_link_type_to_label (type), url, uri, link_icon_name (type));
    }
}

static GtkWidget *
create_experience_row (gpointer item,
                       gpointer user_data)
{
  return dossier_experience_row_new (item);
}

static GtkWidget *
create_named_value_row (gpointer item,
                        gpointer user_data)
{
  DossierNamedValue *value = item;
  const char *name = dossier_named_value_get_name (value);
  const char *text = dossier_named_value_get_value_text (value);
  GtkWidget *row = g_object_new (DOSSIER_TYPE_TITLE_ROW, NULL);

  if (is_empty (name))
    {
      dossier_title_row_set_title (DOSSIER_TITLE_ROW (row), text);
    }
  else
    {
      dossier_title_row_set_title (DOSSIER_TITLE_ROW (row), name);
      dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (row), text);
    }

  return row;
}

static GtkWidget *
create_property_row (gpointer item,
                     gpointer user_data)
{
  DossierNamedValue *value = item;
  const char *name = dossier_named_value_get_name (value);
  const char * const *items = dossier_named_value_get_value_items (value);
  GtkWidget *row;

  /* A tag is often a bare name: shown as a plain row, not over nothing. */
  if (is_empty (dossier_named_value_get_value_text (value)))
    return create_named_value_row (item, user_data);

  row = dossier_property_row_new (is_empty (name) ? _("Unnamed") : name,
                                  dossier_named_value_get_value_text (value));
  if (dossier_named_value_get_value_kind (value) == DOSSIER_VALUE_LIST && items != NULL && items[0] != NULL)
    dossier_property_row_set_items (DOSSIER_PROPERTY_ROW (row), items);
  /* A Yes or No is not worth a Copy button; text, numbers and lists are. */
  dossier_property_row_set_copyable (DOSSIER_PROPERTY_ROW (row),
                                     dossier_named_value_get_value_kind (value) != DOSSIER_VALUE_BOOLEAN &&
                                     !is_empty (dossier_property_row_get_value (DOSSIER_PROPERTY_ROW (row))));

  return row;
}

static GtkWidget *
create_label_row (gpointer item,
                  gpointer user_data)
{
  return dossier_label_row_new (item);
}

static void
attachment_open_cb (DossierAttachmentRow *row,
                    DossierProfileView   *self)
{
  DossierAttachment *attachment = dossier_attachment_row_get_attachment (row);
  gboolean handled = FALSE;

  g_signal_emit (self, signals[SIGNAL_OPEN_ATTACHMENT], 0, attachment, &handled);
  if (!handled)
    open_uri (self, dossier_attachment_get_public_url (attachment));
}

static void
attachment_save_cb (DossierAttachmentRow *row,
                    DossierProfileView   *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVE_ATTACHMENT], 0, dossier_attachment_row_get_attachment (row));
}

static GtkWidget *
create_attachment_row (gpointer item,
                       gpointer user_data)
{
  DossierProfileView *self = user_data;
  GtkWidget *row = dossier_attachment_row_new (item);

  g_signal_connect_object (row, "open", G_CALLBACK (attachment_open_cb), self, 0);
  g_signal_connect_object (row, "save", G_CALLBACK (attachment_save_cb), self, 0);

  return row;
}

/* Entries with nothing to show (every field null) are left out rather
 * than shown as "Untitled". */

static gboolean
experience_has_content (gpointer item,
                        gpointer user_data)
{
  DossierExperience *experience = item;
  DossierDate *start = dossier_experience_get_date_start (experience);
  DossierDate *end = dossier_experience_get_date_end (experience);

  return !is_empty (dossier_experience_get_title (experience)) ||
         !is_empty (dossier_experience_get_organization (experience)) ||
         (start != NULL && (dossier_date_get_datetime (start) != NULL ||
                            !is_empty (dossier_date_get_text (start)))) ||
         (end != NULL && (dossier_date_get_datetime (end) != NULL ||
                          !is_empty (dossier_date_get_text (end)))) ||
         dossier_experience_has_details (experience);
}

static gboolean
label_has_content (gpointer item,
                   gpointer user_data)
{
  DossierLabel *label = item;

  return !is_empty (dossier_label_get_job_reference (label)) ||
         !is_empty (dossier_label_get_job_key (label)) ||
         !is_empty (dossier_label_get_stage (label)) ||
         dossier_label_get_rating (label) >= 0;
}

static gboolean
attachment_has_content (gpointer item,
                        gpointer user_data)
{
  DossierAttachment *attachment = item;

  return !is_empty (dossier_attachment_get_original_file_name (attachment)) ||
         !is_empty (dossier_attachment_get_file_name (attachment)) ||
         !is_empty (dossier_attachment_get_alt (attachment)) ||
         !is_empty (dossier_attachment_get_public_url (attachment));
}

static GListModel *
filter_model (GListModel         *model,
              GtkCustomFilterFunc func)
{
  GtkCustomFilter *filter = gtk_custom_filter_new (func, NULL, NULL);

  /* Not incremental: the count must be right at once for the section to
   * be hidden or shown; the check is cheap even for thousands. */
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (model), GTK_FILTER (filter)));
}

/* Sections */

static void
bind_list (DossierProfileView         *self,
           GtkWidget                  *group,
           DossierRowList             *list,
           GListModel                 *model,
           const char                 *show_all_label,
           GtkListBoxCreateWidgetFunc  create_func)
{
  guint n_items = model ? g_list_model_get_n_items (model) : 0;

  gtk_widget_set_visible (group, n_items > 0);
  if (n_items == 0)
    {
      dossier_row_list_unbind (list);
      return;
    }

  /* The rows come a few at a time, from build_tick_cb(). */
  dossier_row_list_bind_model_deferred (list, model, show_all_label, create_func, self, NULL);
}

static void
update_hero (DossierProfileView *self)
{
  DossierProfile *profile = self->profile;
  g_autofree char *name = dossier_profile_dup_display_name (profile);
  g_autofree char *position = dossier_format_position (dossier_profile_get_current_experience (profile));
  DossierLocation *location = dossier_profile_get_location (profile);
  g_autofree char *place = location ? dossier_location_dup_display (location) : NULL;

  adw_avatar_set_text (self->initials_avatar, name);
  adw_avatar_set_text (self->picture_avatar, name);
  adw_avatar_set_custom_image (self->picture_avatar, NULL);
  gtk_stack_set_visible_child_full (self->avatar_stack, "initials", GTK_STACK_TRANSITION_TYPE_NONE);

  set_label_text (self->name_label, name ? name : _("Unnamed Candidate"));
  set_label_text (self->position_label, position);
  set_label_text (self->location_label, place);
  gtk_widget_set_visible (self->archived_badge, dossier_profile_is_archived (profile));
}

static void
update_contact (DossierProfileView *self)
{
  DossierProfile *profile = self->profile;
  g_autoptr(GListStore) direct = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr(GListModel) all = NULL;
  const char *email = dossier_profile_get_email (profile);
  const char *phone = dossier_profile_get_phone (profile);
  g_autofree char *show_all = NULL;
  guint n_items;

  if (!is_empty (email))
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (email);

      g_object_set_data (G_OBJECT (item), CONTACT_KIND_KEY, (gpointer) "email");
      g_list_store_append (direct, item);
    }
  if (!is_empty (phone))
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (phone);

      g_object_set_data (G_OBJECT (item), CONTACT_KIND_KEY, (gpointer) "phone");
      g_list_store_append (direct, item);
    }

  g_list_store_append (parts, direct);
  g_list_store_append (parts, dossier_profile_get_links (profile));
  all = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));

  n_items = g_list_model_get_n_items (all);
  /* Translators: a button under the first links of a long list. */
  show_all = g_strdup_printf (ngettext ("Show All %'u Link", "Show All %'u Links", n_items), n_items);
  bind_list (self, self->contact_group, self->contact_list, all, show_all, create_contact_row);
}

static void
update_experiences (DossierProfileView *self)
{
  g_autoptr(GListModel) experiences = filter_model (dossier_profile_get_experiences (self->profile),
                                                   experience_has_content);
  g_autoptr(GListModel) educations = filter_model (dossier_profile_get_educations (self->profile),
                                                  experience_has_content);
  guint n_experiences = g_list_model_get_n_items (experiences);
  guint n_educations = g_list_model_get_n_items (educations);
  g_autofree char *show_experiences = NULL;
  g_autofree char *show_educations = NULL;
  g_autofree char *experience_years = dossier_format_years (dossier_profile_get_experiences_duration (self->profile));
  g_autofree char *education_years = dossier_format_years (dossier_profile_get_educations_duration (self->profile));

  /* Translators: a button under the first experiences of a long list. */
  show_experiences = g_strdup_printf (ngettext ("Show All %'u Experience", "Show All %'u Experiences",
                                                n_experiences),
                                      n_experiences);
  /* Translators: a button under the first educations of a long list. */
  show_educations = g_strdup_printf (ngettext ("Show All %'u Education", "Show All %'u Educations",
                                               n_educations),
                                     n_educations);

  bind_list (self, self->experience_group, self->experience_list,
             experiences, show_experiences, create_experience_row);
  bind_list (self, self->education_group, self->education_list,
             educations, show_educations, create_experience_row);

  /* Our own text, not the profile's: the description is safe as markup. */
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->experience_group),
                                         n_experiences > 0 ? experience_years : NULL);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->education_group),
                                         n_educations > 0 ? education_years : NULL);
}

static void
set_chips (DossierChipBox *chips,
           GtkWidget      *heading,
           GtkStringList  *strings)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (strings));

  dossier_chip_box_set_model (chips, G_LIST_MODEL (strings));
  gtk_widget_set_visible (GTK_WIDGET (chips), n_items > 0);
  if (heading != NULL)
    gtk_widget_set_visible (heading, n_items > 0);
}

/* Sorts the skills by kind; the chips are made by show_skills(), one kind
 * per step. */
static void
sort_skills (DossierProfileView *self)
{
  GListModel *skills = dossier_profile_get_skills (self->profile);
  guint n = g_list_model_get_n_items (skills);

  for (guint i = 0; i < G_N_ELEMENTS (self->pending_skills); i++)
    {
      g_clear_object (&self->pending_skills[i]);
      self->pending_skills[i] = gtk_string_list_new (NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(DossierSkill) skill = g_list_model_get_item (skills, i);
      const char *name = dossier_skill_get_name (skill);

      if (is_empty (name))
        continue;

      switch (dossier_skill_get_skill_type (skill))
        {
        case DOSSIER_SKILL_HARD:
          gtk_string_list_append (self->pending_skills[0], name);
          break;
        case DOSSIER_SKILL_SOFT:
          gtk_string_list_append (self->pending_skills[1], name);
          break;
        case DOSSIER_SKILL_UNKNOWN:
        default:
          gtk_string_list_append (self->pending_skills[2], name);
          break;
        }
    }
}

static void
show_skills (DossierProfileView *self,
             guint               kind)
{
  DossierChipBox *boxes[] = { self->hard_skills, self->soft_skills, self->other_skills };
  GtkWidget *headings[] = { self->hard_skills_heading, self->soft_skills_heading, self->other_skills_heading };
  gboolean first_heading_done = FALSE;

  set_chips (boxes[kind], headings[kind], self->pending_skills[kind]);
  g_clear_object (&self->pending_skills[kind]);
  if (kind + 1 < G_N_ELEMENTS (boxes))
    return;

  /* The first visible heading sits right under the group title. */
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      gtk_widget_set_margin_top (headings[i], first_heading_done ? 12 : 0);
      if (gtk_widget_get_visible (headings[i]))
        first_heading_done = TRUE;
    }

  gtk_widget_set_visible (self->skills_group, first_heading_done);
}

static GtkStringList *
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

  return strings;
}

static void
update_chip_sections (DossierProfileView *self)
{
  g_autoptr(GtkStringList) languages = named_values_to_strings (dossier_profile_get_languages (self->profile));
  g_autoptr(GtkStringList) interests = named_values_to_strings (dossier_profile_get_interests (self->profile));

  set_chips (self->languages_chips, NULL, languages);
  gtk_widget_set_visible (self->languages_group, g_list_model_get_n_items (G_LIST_MODEL (languages)) > 0);
  set_chips (self->interests_chips, NULL, interests);
  gtk_widget_set_visible (self->interests_group, g_list_model_get_n_items (G_LIST_MODEL (interests)) > 0);
}

static char *
dup_show_all_items (guint n_items)
{
  /* Translators: a button under the first items of a long list. */
  return g_strdup_printf (ngettext ("Show All %'u Item", "Show All %'u Items", n_items), n_items);
}

/* The sections of rows, in the order they are shown. */
enum {
  ROW_SECTION_CERTIFICATIONS,
  ROW_SECTION_COURSES,
  ROW_SECTION_TASKS,
  ROW_SECTION_JOBS,
  ROW_SECTION_TAGS,
  ROW_SECTION_METADATA,
  ROW_SECTION_ATTACHMENTS,
  N_ROW_SECTIONS
};

static void
update_row_section (DossierProfileView *self,
                    guint               section)
{
  DossierProfile *profile = self->profile;
  GtkWidget *group = NULL;
  DossierRowList *list = NULL;
  g_autoptr(GListModel) model = NULL;
  GtkListBoxCreateWidgetFunc create_func = NULL;
  g_autofree char *show_all = NULL;

  switch (section)
    {
    case ROW_SECTION_CERTIFICATIONS:
      group = self->certifications_group;
      list = self->certifications_list;
      model = g_object_ref (dossier_profile_get_certifications (profile));
      create_func = create_named_value_row;
      break;
    case ROW_SECTION_COURSES:
      group = self->courses_group;
      list = self->courses_list;
      model = g_object_ref (dossier_profile_get_courses (profile));
      create_func = create_named_value_row;
      break;
    case ROW_SECTION_TASKS:
      group = self->tasks_group;
      list = self->tasks_list;
      model = g_object_ref (dossier_profile_get_tasks (profile));
      create_func = create_named_value_row;
      break;
    case ROW_SECTION_JOBS:
      group = self->jobs_group;
      list = self->jobs_list;
      model = filter_model (dossier_profile_get_labels (profile), label_has_content);
      create_func = create_label_row;
      break;
    case ROW_SECTION_TAGS:
      group = self->tags_group;
      list = self->tags_list;
      model = g_object_ref (dossier_profile_get_tags (profile));
      create_func = create_property_row;
      break;
    case ROW_SECTION_METADATA:
      group = self->metadata_group;
      list = self->metadata_list;
      model = g_object_ref (dossier_profile_get_metadatas (profile));
      create_func = create_property_row;
      break;
    case ROW_SECTION_ATTACHMENTS:
      group = self->attachments_group;
      list = self->attachments_list;
      model = filter_model (dossier_profile_get_attachments (profile), attachment_has_content);
      create_func = create_attachment_row;
      break;
    default:
      g_assert_not_reached ();
    }

  show_all = dup_show_all_items (g_list_model_get_n_items (model));
  bind_list (self, group, list, model, show_all, create_func);
}

static void
clear_container (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else if (GTK_IS_GRID (container))
        gtk_grid_remove (GTK_GRID (container), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
create_consent_mark (DossierConsentState  state,
                     const char          *party,
                     const char          *permission_label)
{
  GtkWidget *image;
  g_autofree char *description = NULL;
  const char *state_text;

  switch (state)
    {
    case DOSSIER_CONSENT_GRANTED:
      image = gtk_image_new_from_icon_name ("object-select-symbolic");
      gtk_widget_add_css_class (image, "consent-granted");
      /* Translators: inserted in “%s: %s by the %s”, as in “Scoring: allowed by the owner”. */
      state_text = _("allowed");
      break;
    case DOSSIER_CONSENT_DENIED:
      image = gtk_image_new_from_icon_name ("window-close-symbolic");
      gtk_widget_add_css_class (image, "consent-denied");
      /* Translators: inserted in “%s: %s by the %s”, as in “Scoring: not allowed by the owner”. */
      state_text = _("not allowed");
      break;
    case DOSSIER_CONSENT_UNSET:
    default:
      image = gtk_image_new_from_icon_name ("list-remove-symbolic");
      gtk_widget_add_css_class (image, "consent-unset");
      gtk_widget_add_css_class (image, "dim-label");
      /* Translators: inserted in “%s: %s by the %s”, as in “Scoring: not stated by the owner”. */
      state_text = _("not stated");
      break;
    }

  /* Translators: the accessible name of a mark in the consent table, as
   * in "Scoring: allowed by the owner".  The first %s is the permission,
   * the second "allowed", "not allowed" or "not stated", the third "owner"
   * or "controller". */
  description = g_strdup_printf (_("%s: %s by the %s"), permission_label, state_text, party);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  gtk_widget_set_tooltip_text (image, description);
  gtk_widget_set_halign (image, GTK_ALIGN_CENTER);

  return image;
}

static GtkWidget *
create_grid_heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  return label;
}

static void
update_consent (DossierProfileView *self)
{
  DossierConsent *consent = dossier_profile_get_consent (self->profile);
  const char * const *permissions = consent ? dossier_consent_get_permissions (consent) : NULL;
  int row = 1;

  clear_container (GTK_WIDGET (self->consent_grid));

  if (permissions == NULL || permissions[0] == NULL)
    {
      gtk_widget_set_visible (self->consent_group, FALSE);
      return;
    }

  /* Translators: the headings of the consent table's columns: the
   * permission, then what the owner (the candidate) and the controller
   * (the organization that processes the data, as in the GDPR) allow.
   * Keep them short: the table must fit a phone. */
  gtk_grid_attach (self->consent_grid, create_grid_heading (_("Permission")), 0, 0, 1, 1);
  /* Translators: the candidate, who owns the data (a consent table heading). */
  gtk_grid_attach (self->consent_grid, create_grid_heading (_("Owner")), 1, 0, 1, 1);
  /* Translators: the data controller, as in the GDPR (a consent table heading). */
  gtk_grid_attach (self->consent_grid, create_grid_heading (_("Controller")), 2, 0, 1, 1);
  gtk_widget_set_halign (gtk_grid_get_child_at (self->consent_grid, 0, 0), GTK_ALIGN_START);

  for (guint i = 0; permissions[i] != NULL; i++, row++)
    {
      const char *label_text = dossier_consent_permission_to_label (permissions[i]);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (label), label_text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);

      gtk_grid_attach (self->consent_grid, label, 0, row, 1, 1);
      gtk_grid_attach (self->consent_grid,
                       create_consent_mark (dossier_consent_get_owner (consent, permissions[i]),
                                            /* Translators: inserted in “%s: %s by the %s”, as in
                                             * “Scoring: allowed by the owner”; the owner is the candidate. */
                                            _("owner"), label_text),
                       1, row, 1, 1);
      gtk_grid_attach (self->consent_grid,
                       create_consent_mark (dossier_consent_get_controller (consent, permissions[i]),
                                            /* Translators: inserted in “%s: %s by the %s”, as in
                                             * “Scoring: allowed by the controller”; the data controller
                                             * is the recruiting organization. */
                                            _("controller"), label_text),
                       2, row, 1, 1);
    }

  gtk_widget_set_visible (self->consent_group, TRUE);
}

static void
add_record_row (DossierProfileView *self,
                const char         *title,
                const char         *value,
                gboolean            monospace,
                gboolean            copyable)
{
  GtkWidget *row;

  if (is_empty (value))
    return;

  row = dossier_property_row_new (title, value);
  dossier_property_row_set_monospace (DOSSIER_PROPERTY_ROW (row), monospace);
  dossier_property_row_set_copyable (DOSSIER_PROPERTY_ROW (row), copyable);
  g_ptr_array_add (self->pending_record_rows, g_object_ref_sink (row));
}

/* Makes the record's rows; grow_record() adds them to the list. */
static void
update_record (DossierProfileView *self)
{
  DossierProfile *profile = self->profile;
  DossierSource *source = dossier_profile_get_source (profile);
  g_autofree char *source_text = NULL;
  g_autofree char *created = dossier_format_date_time (dossier_profile_get_created_at (profile));
  g_autofree char *updated = dossier_format_date_time (dossier_profile_get_updated_at (profile));
  g_autofree char *archived = dossier_format_date_time (dossier_profile_get_archived_at (profile));

  clear_container (GTK_WIDGET (self->record_list));
  g_clear_pointer (&self->pending_record_rows, g_ptr_array_unref);
  self->pending_record_rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (source != NULL)
    {
      const char *name = dossier_source_get_name (source);
      const char *type = dossier_source_get_source_type (source);

      if (!is_empty (name) && !is_empty (type))
        {
          g_autofree char *a = NULL;
          g_autofree char *b = NULL;
          g_autofree char *joined = NULL;
          const char *mark = dossier_format_isolate_pair (name, type, &a, &b);

          /* Translators: a source's name and type, as in "Careers Site · api". */
          joined = g_strdup_printf (C_("named value", "%s · %s"), a, b);
          source_text = g_strconcat (mark, joined, NULL);
        }
      else if (!is_empty (name))
        source_text = g_strdup (name);
      else if (!is_empty (type))
        source_text = g_strdup (type);
    }

  add_record_row (self, _("Source"), source_text, FALSE, FALSE);
  add_record_row (self, _("Source Key"), dossier_profile_get_source_key (profile), TRUE, TRUE);
  add_record_row (self, _("Key"), dossier_profile_get_key (profile), TRUE, TRUE);
  add_record_row (self, _("Reference"), dossier_profile_get_reference (profile), TRUE, TRUE);
  add_record_row (self, _("Created"), created, FALSE, FALSE);
  add_record_row (self, _("Updated"), updated, FALSE, FALSE);
  add_record_row (self, _("Archived"), archived, FALSE, FALSE);
  add_record_row (self, _("Text Language"), dossier_profile_get_text_language (profile), FALSE, FALSE);

  gtk_widget_set_visible (self->record_group, self->pending_record_rows->len > 0);
}

/* Adds the next of the record's rows; returns TRUE if more are left.  Each
 * holds two wrapping labels: all eight in one frame made it a long one. */
static gboolean
grow_record (DossierProfileView *self)
{
  if (self->pending_record_rows == NULL || self->pending_record_rows->len == 0)
    {
      g_clear_pointer (&self->pending_record_rows, g_ptr_array_unref);
      return FALSE;
    }

  gtk_list_box_append (self->record_list, g_ptr_array_index (self->pending_record_rows, 0));
  g_ptr_array_remove_index (self->pending_record_rows, 0);
  return self->pending_record_rows->len > 0;
}

static void
resume_expanded_cb (DossierProfileView *self)
{
  GtkWidget *text_view;
  GtkTextBuffer *buffer;
  const char *text;

  if (self->resume_text_row != NULL || self->profile == NULL ||
      !adw_expander_row_get_expanded (self->resume_row))
    return;

  /* Built on first expansion: a resume can be long, and a text view lays
   * it out incrementally where a label would measure it all at once. */
  text = dossier_profile_get_text (self->profile);
  text_view = gtk_text_view_new ();
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  gtk_text_buffer_set_text (buffer, text ? text : "", -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (text_view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 12);
  gtk_widget_add_css_class (text_view, "resume-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Resume Text"),
                                  -1);

  self->resume_text_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->resume_text_row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self->resume_text_row), text_view);
  adw_expander_row_add_row (self->resume_row, self->resume_text_row);
}

static void
update_resume (DossierProfileView *self)
{
  const char *text = dossier_profile_get_text (self->profile);
  const char *language = dossier_profile_get_text_language (self->profile);

  if (self->resume_text_row != NULL)
    {
      adw_expander_row_remove (self->resume_row, self->resume_text_row);
      self->resume_text_row = NULL;
    }
  adw_expander_row_set_expanded (self->resume_row, FALSE);

  if (is_empty (text))
    {
      gtk_widget_set_visible (self->resume_group, FALSE);
      return;
    }

  {
    glong n_chars = g_utf8_strlen (text, -1);
    g_autofree char *subtitle = NULL;

    /* Translators: under "Resume Text"; %'ld is a number of characters. */
    subtitle = g_strdup_printf (ngettext ("%'ld character", "%'ld characters", n_chars), n_chars);
    if (!is_empty (language))
      {
        g_autofree char *with_language = NULL;

        /* Translators: the length of the resume text and its language code,
         * as in "12,345 characters · en". */
        with_language = g_strdup_printf (C_("named value", "%s · %s"), subtitle, language);
        g_free (subtitle);
        subtitle = g_steal_pointer (&with_language);
      }
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->resume_row), FALSE);
    adw_expander_row_set_subtitle (self->resume_row, subtitle);
  }

  gtk_widget_set_visible (self->resume_group, TRUE);
}

/* The picture */

static void
picture_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierProfileView) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  int width, height;

  pixbuf = dossier_picture_loader_load_finish (DOSSIER_PICTURE_LOADER (object), result, &error);
  if (pixbuf == NULL)
    {
      /* A missing or refused picture leaves the initials: nothing to say. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No picture for this profile: %s", error->message);
      return;
    }

  /* The avatar is round: a portrait or landscape picture is cropped to its
   * middle square rather than squeezed or letterboxed. */
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  if (width != height)
    {
      int side = MIN (width, height);
      GdkPixbuf *square = gdk_pixbuf_new_subpixbuf (pixbuf, (width - side) / 2, (height - side) / 2, side, side);

      g_object_unref (pixbuf);
      pixbuf = square;
    }

  texture = gdk_texture_new_for_pixbuf (pixbuf);
  adw_avatar_set_custom_image (self->picture_avatar, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->avatar_stack, "picture");
}

static void
load_picture (DossierProfileView *self)
{
  const char *url;
  int scale;

  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);

  if (self->picture_loader == NULL || self->profile == NULL)
    return;

  url = dossier_profile_get_picture_url (self->profile);
  if (is_empty (url))
    return;

  /* Sharp on HiDPI screens: as many pixels as the avatar will cover. */
  scale = MAX (1, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
  self->picture_cancellable = g_cancellable_new ();
  dossier_picture_loader_load_async (self->picture_loader, url,
                                     DOSSIER_PROFILE_VIEW_AVATAR_SIZE * scale,
                                     self->picture_cancellable,
                                     picture_loaded_cb, g_object_ref (self));
}

static void
scale_factor_changed_cb (DossierProfileView *self)
{
  load_picture (self);
}

/* Building a new profile.  All its widgets built in one main-loop turn,
 * then laid out in one frame, stalled the main loop for 60-100 ms on an
 * ordinary profile and some 300 ms on a large one.  Instead the view is
 * built in steps, from a tick callback: each frame builds what fits in
 * BUILD_BUDGET_US and lays it out, so that every frame stays short.  The
 * first screen (the hero, contact, summary and the first experiences and
 * educations) comes first, in the order it is read. */
#define BUILD_BUDGET_US 2000
/* Rows of the first screen in each of the experience and education lists. */
#define FIRST_SCREEN_ROWS 4
/* Rows built per step: an experience row costs about a millisecond to
 * build and several times that to lay out and paint, so the time budget
 * is checked after each row. */
#define ROWS_PER_STEP 1
/* Rows added per frame at most, whatever the time budget says: see
 * step_adds_row(). */
#define MAX_ROWS_PER_FRAME 2

enum {
  STEP_CONTACT,
  STEP_CONTACT_ROWS,
  STEP_SUMMARY,
  STEP_EXPERIENCES,
  STEP_FIRST_EXPERIENCE_ROWS,
  STEP_FIRST_EDUCATION_ROWS,
  STEP_EXPERIENCE_ROWS,
  STEP_EDUCATION_ROWS,
  STEP_SORT_SKILLS,
  STEP_SKILLS,
  STEP_CHIP_SECTIONS = STEP_SKILLS + 3,
  STEP_ROW_SECTION,
  STEP_CONSENT = STEP_ROW_SECTION + 2 * N_ROW_SECTIONS,
  STEP_RECORD,
  STEP_RECORD_ROWS,
  STEP_RESUME,
  N_STEPS
};

static DossierRowList *
row_section_list (DossierProfileView *self,
                  guint               section)
{
  DossierRowList *lists[] = {
    self->certifications_list, self->courses_list, self->tasks_list, self->jobs_list,
    self->tags_list, self->metadata_list, self->attachments_list,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (lists) == N_ROW_SECTIONS);
  return lists[section];
}

static gboolean
grow_to (DossierRowList *list,
         guint           n_rows)
{
  if (dossier_row_list_get_n_shown (list) >= n_rows)
    return FALSE;
  return dossier_row_list_grow (list, MIN (ROWS_PER_STEP, n_rows - dossier_row_list_get_n_shown (list)));
}

/* Rows of the previous profile are destroyed a few per step before a
 * list is bound again: all of a list's rows at once took several
 * milliseconds, on top of the frame's layout. */
#define ROWS_DESTROYED_PER_STEP 5

static gboolean
clear_rows (DossierRowList *list)
{
  return dossier_row_list_get_n_shown (list) > 0 &&
         dossier_row_list_shrink (list, ROWS_DESTROYED_PER_STEP);
}

/* Runs @step once; returns TRUE if it has more to do. */
static gboolean
run_step (DossierProfileView *self,
          guint               step)
{
  switch (step)
    {
    case STEP_CONTACT:
      if (clear_rows (self->contact_list))
        return TRUE;
      update_contact (self);
      return FALSE;
    case STEP_CONTACT_ROWS:
      return dossier_row_list_grow (self->contact_list, ROWS_PER_STEP);
    case STEP_SUMMARY:
      set_label_text (self->summary_label, dossier_profile_get_summary (self->profile));
      gtk_widget_set_visible (self->summary_group, !is_empty (dossier_profile_get_summary (self->profile)));
      return FALSE;
    case STEP_EXPERIENCES:
      if (clear_rows (self->experience_list) || clear_rows (self->education_list))
        return TRUE;
      update_experiences (self);
      return FALSE;
    case STEP_FIRST_EXPERIENCE_ROWS:
      return grow_to (self->experience_list, FIRST_SCREEN_ROWS);
    case STEP_FIRST_EDUCATION_ROWS:
      return grow_to (self->education_list, FIRST_SCREEN_ROWS);
    case STEP_EXPERIENCE_ROWS:
      return dossier_row_list_grow (self->experience_list, ROWS_PER_STEP);
    case STEP_EDUCATION_ROWS:
      return dossier_row_list_grow (self->education_list, ROWS_PER_STEP);
    case STEP_SORT_SKILLS:
      sort_skills (self);
      return FALSE;
    case STEP_SKILLS:
    case STEP_SKILLS + 1:
    case STEP_SKILLS + 2:
      show_skills (self, step - STEP_SKILLS);
      return FALSE;
    case STEP_CHIP_SECTIONS:
      update_chip_sections (self);
      return FALSE;
    case STEP_CONSENT:
      update_consent (self);
      return FALSE;
    case STEP_RECORD:
      update_record (self);
      return FALSE;
    case STEP_RECORD_ROWS:
      return grow_record (self);
    case STEP_RESUME:
      update_resume (self);
      return FALSE;
    default:
      g_assert (step >= STEP_ROW_SECTION && step < STEP_CONSENT);
      if ((step - STEP_ROW_SECTION) % 2 == 0)
        {
          if (clear_rows (row_section_list (self, (step - STEP_ROW_SECTION) / 2)))
            return TRUE;
          update_row_section (self, (step - STEP_ROW_SECTION) / 2);
          return FALSE;
        }
      return dossier_row_list_grow (row_section_list (self, (step - STEP_ROW_SECTION) / 2), ROWS_PER_STEP);
    }
}

/* Whether @step adds a row to the view.  Building a row takes a fraction
 * of a millisecond, laying it out in the same frame several times that:
 * the time budget alone let eight rows into one frame. */
static gboolean
step_adds_row (guint step)
{
  switch (step)
    {
    case STEP_CONTACT_ROWS:
    case STEP_FIRST_EXPERIENCE_ROWS:
    case STEP_FIRST_EDUCATION_ROWS:
    case STEP_EXPERIENCE_ROWS:
    case STEP_EDUCATION_ROWS:
    case STEP_RECORD_ROWS:
      return TRUE;
    default:
      return step > STEP_ROW_SECTION && step < STEP_CONSENT && (step - STEP_ROW_SECTION) % 2 == 1;
    }
}

static gint64
current_frame (DossierProfileView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  return clock != NULL ? gdk_frame_clock_get_frame_counter (clock) : -1;
}

static gboolean
build_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  DossierProfileView *self = DOSSIER_PROFILE_VIEW (widget);
  gint64 start = g_get_monotonic_time ();
  guint rows_added = 0;

  do
    {
      if (step_adds_row (self->next_step))
        rows_added++;
      if (!run_step (self, self->next_step))
        self->next_step++;
    }
  while (self->next_step < N_STEPS && rows_added < MAX_ROWS_PER_FRAME &&
         g_get_monotonic_time () - start < BUILD_BUDGET_US);

  if (self->next_step < N_STEPS)
    return G_SOURCE_CONTINUE;

  self->build_tick_id = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
  return G_SOURCE_REMOVE;
}

static void
stop_building (DossierProfileView *self)
{
  if (self->build_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->build_tick_id);
  self->build_tick_id = 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->pending_skills); i++)
    g_clear_object (&self->pending_skills[i]);
  g_clear_pointer (&self->pending_record_rows, g_ptr_array_unref);
}

static void
hide_sections (DossierProfileView *self)
{
  GtkWidget *groups[] = {
    self->contact_group, self->summary_group, self->experience_group, self->education_group,
    self->skills_group, self->languages_group, self->interests_group,
    self->certifications_group, self->courses_group, self->tasks_group,
    self->jobs_group, self->tags_group, self->metadata_group,
    self->attachments_group, self->consent_group, self->record_group,
    self->resume_group,
  };

  /* What the previous profile left there must not show under the new
   * one's hero while it waits for its turn. */
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (groups[i], FALSE);
}

/* Public API */

static void
update_all (DossierProfileView *self)
{
  gboolean has_profile = self->profile != NULL;
  gboolean was_building;

  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  was_building = self->build_tick_id != 0;
  stop_building (self);

  gtk_widget_set_visible (GTK_WIDGET (self->scrolled_window), has_profile);
  if (!has_profile)
    {
      /* Drops the rows and the models they hold. */
      dossier_row_list_unbind (self->contact_list);
      dossier_row_list_unbind (self->experience_list);
      dossier_row_list_unbind (self->education_list);
      dossier_row_list_unbind (self->certifications_list);
      dossier_row_list_unbind (self->courses_list);
      dossier_row_list_unbind (self->tasks_list);
      dossier_row_list_unbind (self->jobs_list);
      dossier_row_list_unbind (self->tags_list);
      dossier_row_list_unbind (self->metadata_list);
      dossier_row_list_unbind (self->attachments_list);
      dossier_chip_box_set_model (self->hard_skills, NULL);
      dossier_chip_box_set_model (self->soft_skills, NULL);
      dossier_chip_box_set_model (self->other_skills, NULL);
      dossier_chip_box_set_model (self->languages_chips, NULL);
      dossier_chip_box_set_model (self->interests_chips, NULL);
      clear_container (GTK_WIDGET (self->consent_grid));
      clear_container (GTK_WIDGET (self->record_list));
      if (was_building)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);
      return;
    }

  update_hero (self);
  hide_sections (self);
  self->next_step = 0;
  self->set_in_frame = current_frame (self);
  self->build_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), build_tick_cb, NULL, NULL);
  if (!was_building)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUILDING]);

  /* A new candidate starts at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  load_picture (self);
}

void
dossier_profile_view_set_profile (DossierProfileView *self,
                                  DossierProfile     *profile)
{
  g_return_if_fail (DOSSIER_IS_PROFILE_VIEW (self));
  g_return_if_fail (profile == NULL || DOSSIER_IS_PROFILE (profile));

  if (!g_set_object (&self->profile, profile))
    return;

  update_all (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROFILE]);
}

DossierProfile *
dossier_profile_view_get_profile (DossierProfileView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE_VIEW (self), NULL);

  return self->profile;
}

void
dossier_profile_view_set_picture_loader (DossierProfileView   *self,
                                         DossierPictureLoader *loader)
{
  g_return_if_fail (DOSSIER_IS_PROFILE_VIEW (self));
  g_return_if_fail (loader == NULL || DOSSIER_IS_PICTURE_LOADER (loader));

  if (!g_set_object (&self->picture_loader, loader))
    return;

  if (!dossier_profile_view_get_showing_picture (self))
    load_picture (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PICTURE_LOADER]);
}

DossierPictureLoader *
dossier_profile_view_get_picture_loader (DossierProfileView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE_VIEW (self), NULL);

  return self->picture_loader;
}

gboolean
dossier_profile_view_get_showing_picture (DossierProfileView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE_VIEW (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->avatar_stack), "picture") == 0;
}

static void
dossier_profile_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierProfileView *self = DOSSIER_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      g_value_set_object (value, self->profile);
      break;
    case PROP_PICTURE_LOADER:
      g_value_set_object (value, self->picture_loader);
      break;
    case PROP_BUILDING:
      g_value_set_boolean (value, dossier_profile_view_get_building (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_profile_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierProfileView *self = DOSSIER_PROFILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROFILE:
      dossier_profile_view_set_profile (self, g_value_get_object (value));
      break;
    case PROP_PICTURE_LOADER:
      dossier_profile_view_set_picture_loader (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_profile_view_dispose (GObject *object)
{
  DossierProfileView *self = DOSSIER_PROFILE_VIEW (object);

  g_cancellable_cancel (self->picture_cancellable);
  g_clear_object (&self->picture_cancellable);
  stop_building (self);

  /* The bin's child is a named template child: let the bin drop it first,
   * or both would unparent it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_PROFILE_VIEW);

  g_clear_object (&self->profile);
  g_clear_object (&self->picture_loader);

  G_OBJECT_CLASS (dossier_profile_view_parent_class)->dispose (object);
}

static void
dossier_profile_view_class_init (DossierProfileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_profile_view_get_property;
  object_class->set_property = dossier_profile_view_set_property;
  object_class->dispose = dossier_profile_view_dispose;

  properties[PROP_PROFILE] =
    g_param_spec_object ("profile", NULL, NULL,
                         DOSSIER_TYPE_PROFILE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PICTURE_LOADER] =
    g_param_spec_object ("picture-loader", NULL, NULL,
                         DOSSIER_TYPE_PICTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE while a new profile is still being built, a few widgets a frame. */
  properties[PROP_BUILDING] =
    g_param_spec_boolean ("building", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierProfileView::open-attachment:
   * @self: the view
   * @attachment: the attachment to open
   *
   * Returns: %TRUE when handled; otherwise the public URL is opened.
   */
  signals[SIGNAL_OPEN_ATTACHMENT] =
    g_signal_new ("open-attachment",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  g_signal_accumulator_true_handled, NULL,
                  NULL,
                  G_TYPE_BOOLEAN, 1, DOSSIER_TYPE_ATTACHMENT);

  /**
   * DossierProfileView::save-attachment:
   * @self: the view
   * @attachment: the attachment to save a copy of
   */
  signals[SIGNAL_SAVE_ATTACHMENT] =
    g_signal_new ("save-attachment",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_ATTACHMENT);

  gtk_widget_class_install_action (widget_class, "profile.copy", "s", copy_action);
  gtk_widget_class_install_action (widget_class, "profile.open-uri", "s", open_uri_action);

  g_type_ensure (DOSSIER_TYPE_CHIP_BOX);
  g_type_ensure (DOSSIER_TYPE_ROW_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-profile-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, avatar_stack);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, initials_avatar);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, picture_avatar);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, position_label);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, location_label);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, archived_badge);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, contact_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, contact_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, summary_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, experience_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, experience_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, education_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, education_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, skills_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, hard_skills_heading);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, hard_skills);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, soft_skills_heading);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, soft_skills);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, other_skills_heading);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, other_skills);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, languages_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, languages_chips);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, interests_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, interests_chips);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, certifications_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, certifications_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, courses_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, courses_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, tasks_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, tasks_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, jobs_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, jobs_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, tags_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, tags_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, metadata_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, metadata_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, attachments_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, consent_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, consent_grid);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, record_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, record_list);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, resume_group);
  gtk_widget_class_bind_template_child (widget_class, DossierProfileView, resume_row);
  gtk_widget_class_bind_template_callback (widget_class, resume_expanded_cb);

  gtk_widget_class_set_css_name (widget_class, "profileview");
}

static void
dossier_profile_view_init (DossierProfileView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  update_all (self);
}

GtkWidget *
dossier_profile_view_new (void)
{
  return g_object_new (DOSSIER_TYPE_PROFILE_VIEW, NULL);
}

gboolean
dossier_profile_view_get_building (DossierProfileView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE_VIEW (self), FALSE);

  return self->build_tick_id != 0;
}

gboolean
dossier_profile_view_get_first_screen_built (DossierProfileView *self)
{
  GtkAdjustment *adjustment;

  g_return_val_if_fail (DOSSIER_IS_PROFILE_VIEW (self), FALSE);

  if (self->profile == NULL)
    return FALSE;
  if (self->build_tick_id == 0)
    return TRUE;

  /* What is built reaches past the bottom of the visible area, as of the
   * last layout: the window shows the new profile and nothing but it (the
   * sections not built yet are hidden, under it).  In a window tall
   * enough to show more than the first screen's steps build, it is
   * whatever the window shows.  Until a frame has laid the new profile
   * out, the scrolled window still measures the previous one. */
  if (current_frame (self) <= self->set_in_frame)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  return gtk_adjustment_get_upper (adjustment) >
         gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
}
