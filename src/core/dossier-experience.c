/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-experience.h"
#include "dossier-json-private.h"
#include "dossier-skill.h"
#include "dossier-value.h"

struct _DossierExperience
{
  GObject                parent_instance;

  DossierExperienceKind  kind;
  char                  *key;
  char                  *title;
  char                  *organization;
  char                  *description;
  char                  *logo;
  DossierLocation       *location;
  DossierDate           *date_start;
  DossierDate           *date_end;
  gboolean               ongoing;
  GListStore            *skills;
  GListStore            *certifications;
  GListStore            *courses;
  GListStore            *tasks;
  GListStore            *languages;
  GListStore            *interests;
};

G_DEFINE_FINAL_TYPE (DossierExperience, dossier_experience, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_TITLE,
  PROP_ORGANIZATION,
  PROP_DESCRIPTION,
  PROP_LOGO,
  PROP_LOCATION,
  PROP_DATE_START,
  PROP_DATE_END,
  PROP_ONGOING,
  PROP_DURATION_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_experience_finalize (GObject *object)
{
  DossierExperience *self = DOSSIER_EXPERIENCE (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->organization);
  g_free (self->description);
  g_free (self->logo);
  g_clear_object (&self->location);
  g_clear_object (&self->date_start);
  g_clear_object (&self->date_end);
  g_clear_object (&self->skills);
  g_clear_object (&self->certifications);
  g_clear_object (&self->courses);
  g_clear_object (&self->tasks);
  g_clear_object (&self->languages);
  g_clear_object (&self->interests);

  G_OBJECT_CLASS (dossier_experience_parent_class)->finalize (object);
}

static void
dossier_experience_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierExperience *self = DOSSIER_EXPERIENCE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ORGANIZATION:
      g_value_set_string (value, self->organization);
      break;
    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;
    case PROP_LOGO:
      g_value_set_string (value, self->logo);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_DATE_START:
      g_value_set_object (value, self->date_start);
      break;
    case PROP_DATE_END:
      g_value_set_object (value, self->date_end);
      break;
    case PROP_ONGOING:
      g_value_set_boolean (value, self->ongoing);
      break;
    case PROP_DURATION_MONTHS:
      g_value_set_int (value, dossier_experience_get_duration_months (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_experience_class_init (DossierExperienceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_experience_finalize;
  object_class->get_property = dossier_experience_get_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORGANIZATION] =
    g_param_spec_string ("organization", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOGO] =
    g_param_spec_string ("logo", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL, DOSSIER_TYPE_LOCATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_START] =
    g_param_spec_object ("date-start", NULL, NULL, DOSSIER_TYPE_DATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_END] =
    g_param_spec_object ("date-end", NULL, NULL, DOSSIER_TYPE_DATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ONGOING] =
    g_param_spec_boolean ("ongoing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DURATION_MONTHS] =
    g_param_spec_int ("duration-months", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_experience_init (DossierExperience *self)
{
}

static char *
dup_stripped (const char *text)
{
  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/**
 * dossier_experience_new_from_node:
 * @node: (nullable): an entry of `experiences` or `educations`
 * @kind: which of the two
 *
 * Returns: (transfer full) (nullable): the entry, or NULL when @node is not
 *   an object
 */
DossierExperience *
dossier_experience_new_from_node (JsonNode              *node,
                                  DossierExperienceKind  kind)
{
  JsonObject *object = dossier_json_node_get_object (node);
  DossierExperience *self;
  const char *organization;

  if (object == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_EXPERIENCE, NULL);
  self->kind = kind;
  self->key = g_strdup (dossier_json_get_string (object, "key"));
  self->title = dup_stripped (dossier_json_get_string (object, "title"));
  self->description = g_strdup (dossier_json_get_string (object, "description"));
  self->logo = dup_stripped (dossier_json_get_string (object, "logo"));

  /* `company` for a job, `school` for a degree; the other one stands in
   * when a record mixes them up. */
  if (kind == DOSSIER_EXPERIENCE_EDUCATION)
    {
      organization = dossier_json_get_string (object, "school");
      if (organization == NULL)
        organization = dossier_json_get_string (object, "company");
    }
  else
    {
      organization = dossier_json_get_string (object, "company");
      if (organization == NULL)
        organization = dossier_json_get_string (object, "school");
    }
  self->organization = dup_stripped (organization);

  self->location = dossier_location_new_from_node (dossier_json_get_member (object, "location"));
  self->date_start = dossier_date_new_from_node (dossier_json_get_member (object, "date_start"));
  self->date_end = dossier_date_new_from_node (dossier_json_get_member (object, "date_end"));

  /* The 1969 sentinel says "ongoing"; so does a missing end after a start
   * that parsed. */
  if (self->date_end != NULL)
    self->ongoing = dossier_date_is_ongoing (self->date_end);
  else
    self->ongoing = self->date_start != NULL &&
                    dossier_date_get_datetime (self->date_start) != NULL;

  self->skills = dossier_skill_list_new (object, NULL);
  self->certifications = dossier_named_value_list_new (dossier_json_get_array (object, "certifications"));
  self->courses = dossier_named_value_list_new (dossier_json_get_array (object, "courses"));
  self->tasks = dossier_named_value_list_new (dossier_json_get_array (object, "tasks"));
  self->languages = dossier_named_value_list_new (dossier_json_get_array (object, "languages"));
  self->interests = dossier_named_value_list_new (dossier_json_get_array (object, "interests"));

  return self;
}

DossierExperienceKind
dossier_experience_get_kind (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), DOSSIER_EXPERIENCE_WORK);

  return self->kind;
}

const char *
dossier_experience_get_key (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->key;
}

const char *
dossier_experience_get_title (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->title;
}

const char *
dossier_experience_get_organization (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->organization;
}

const char *
dossier_experience_get_description (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->description;
}

const char *
dossier_experience_get_logo (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->logo;
}

DossierLocation *
dossier_experience_get_location (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->location;
}

DossierDate *
dossier_experience_get_date_start (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->date_start;
}

DossierDate *
dossier_experience_get_date_end (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);

  return self->date_end;
}

gboolean
dossier_experience_is_ongoing (DossierExperience *self)
{
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), FALSE);

  return self->ongoing;
}

static GDateTime *
start_of (DossierExperience *self)
{
  return self->date_start ? dossier_date_get_datetime (self->date_start) : NULL;
}

static GDateTime *
end_of (DossierExperience *self)
{
  return self->date_end ? dossier_date_get_datetime (self->date_end) : NULL;
}

/* Whole months from @start to @end, both read in UTC: 2017-08-01 to
 * 2019-05-01 is 21, to 2019-04-30 is 20. */
static int
months_between (GDateTime *start,
                GDateTime *end)
{
  g_autoptr(GDateTime) a = g_date_time_to_utc (start);
  g_autoptr(GDateTime) b = g_date_time_to_utc (end);
  int months;

  if (a == NULL || b == NULL || g_date_time_compare (a, b) > 0)
    return -1;

  months = (g_date_time_get_year (b) - g_date_time_get_year (a)) * 12 +
           (g_date_time_get_month (b) - g_date_time_get_month (a));
  if (g_date_time_get_day_of_month (b) < g_date_time_get_day_of_month (a))
    months--;
  return MAX (months, 0);
}

int
dossier_experience_get_duration_months (DossierExperience *self)
{
  g_autoptr(GDateTime) now = NULL;
  GDateTime *start, *end;

  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), -1);

  if ((start = start_of (self)) == NULL)
    return -1;

  if (self->ongoing)
    {
      now = g_date_time_new_now_utc ();
      end = now;
    }
  else if ((end = end_of (self)) == NULL)
    return -1;

  return months_between (start, end);
}

#define DEFINE_LIST_GETTER(field)                                       \
GListModel *                                                            \
dossier_experience_get_##field (DossierExperience *self)                \
{                                                                       \
  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (self), NULL);            \
                                                                        \
  return G_LIST_MODEL (self->field);                                    \
}

DEFINE_LIST_GETTER (skills)
DEFINE_LIST_GETTER (certifications)
DEFINE_LIST_GETTER (courses)
DEFINE_LIST_GETTER (tasks)
DEFINE_LIST_GETTER (languages)
DEFINE_LIST_GETTER (interests)

/* Descending order of two optional datetimes, the missing one last. */
static int
compare_descending (GDateTime *a,
                    GDateTime *b)
{
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);
  return g_date_time_compare (b, a);
}

/**
 * dossier_experience_compare_newest_first:
 *
 * A #GCompareDataFunc: ongoing entries first, then by start date, then by
 * end date, both descending; entries with neither date last.  Equal keys
 * compare equal, so that a stable sort keeps the API's order.
 */
int
dossier_experience_compare_newest_first (gconstpointer a,
                                         gconstpointer b,
                                         gpointer      user_data)
{
  DossierExperience *x = (DossierExperience *) a;
  DossierExperience *y = (DossierExperience *) b;
  gboolean x_dated, y_dated;
  int result;

  if (x->ongoing != y->ongoing)
    return x->ongoing ? -1 : 1;

  x_dated = start_of (x) != NULL || end_of (x) != NULL;
  y_dated = start_of (y) != NULL || end_of (y) != NULL;
  if (x_dated != y_dated)
    return x_dated ? -1 : 1;

  if ((result = compare_descending (start_of (x), start_of (y))) != 0)
    return result;
  return compare_descending (end_of (x), end_of (y));
}
