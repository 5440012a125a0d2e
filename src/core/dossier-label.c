/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-label.h"
#include "dossier-json-private.h"

struct _DossierLabel
{
  GObject      parent_instance;

  char        *board_key;
  char        *job_key;
  char        *job_reference;
  char        *stage;
  DossierDate *date_stage;
  double       rating;
  DossierDate *date_rating;
};

G_DEFINE_FINAL_TYPE (DossierLabel, dossier_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BOARD_KEY,
  PROP_JOB_KEY,
  PROP_JOB_REFERENCE,
  PROP_STAGE,
  PROP_DATE_STAGE,
  PROP_RATING,
  PROP_DATE_RATING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_label_finalize (GObject *object)
{
  DossierLabel *self = DOSSIER_LABEL (object);

  g_free (self->board_key);
  g_free (self->job_key);
  g_free (self->job_reference);
  g_free (self->stage);
  g_clear_object (&self->date_stage);
  g_clear_object (&self->date_rating);

  G_OBJECT_CLASS (dossier_label_parent_class)->finalize (object);
}

static void
dossier_label_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierLabel *self = DOSSIER_LABEL (object);

  switch (prop_id)
    {
    case PROP_BOARD_KEY:
      g_value_set_string (value, self->board_key);
      break;
    case PROP_JOB_KEY:
      g_value_set_string (value, self->job_key);
      break;
    case PROP_JOB_REFERENCE:
      g_value_set_string (value, self->job_reference);
      break;
    case PROP_STAGE:
      g_value_set_string (value, self->stage);
      break;
    case PROP_DATE_STAGE:
      g_value_set_object (value, self->date_stage);
      break;
    case PROP_RATING:
      g_value_set_double (value, self->rating);
      break;
    case PROP_DATE_RATING:
      g_value_set_object (value, self->date_rating);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_label_class_init (DossierLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_label_finalize;
  object_class->get_property = dossier_label_get_property;

  properties[PROP_BOARD_KEY] =
    g_param_spec_string ("board-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_JOB_KEY] =
    g_param_spec_string ("job-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_JOB_REFERENCE] =
    g_param_spec_string ("job-reference", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_STAGE] =
    g_param_spec_object ("date-stage", NULL, NULL, DOSSIER_TYPE_DATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RATING] =
    g_param_spec_double ("rating", NULL, NULL, -1, G_MAXDOUBLE, -1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATE_RATING] =
    g_param_spec_object ("date-rating", NULL, NULL, DOSSIER_TYPE_DATE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_label_init (DossierLabel *self)
{
  self->rating = -1;
}

/**
 * dossier_label_new_from_node:
 * @node: (nullable): an entry of `labels`
 *
 * Returns: (transfer full) (nullable): the label, or NULL when @node is not
 *   an object
 */
DossierLabel *
dossier_label_new_from_node (JsonNode *node)
{
  JsonObject *object = dossier_json_node_get_object (node);
  DossierLabel *self;
  double rating;

  if (object == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_LABEL, NULL);
  self->board_key = g_strdup (dossier_json_get_string (object, "board_key"));
  self->job_key = g_strdup (dossier_json_get_string (object, "job_key"));
  self->job_reference = g_strdup (dossier_json_get_string (object, "job_reference"));
  self->stage = g_strdup (dossier_json_get_string (object, "stage"));
  if (self->stage != NULL)
    g_strstrip (self->stage);
  self->date_stage = dossier_date_new_from_node (dossier_json_get_member (object, "date_stage"));
  self->date_rating = dossier_date_new_from_node (dossier_json_get_member (object, "date_rating"));

  /* 1 to 5, or a fraction; a negative rating means none. */
  if (dossier_json_node_get_number_lenient (dossier_json_get_member (object, "rating"), &rating) &&
      rating >= 0)
    self->rating = rating;

  return self;
}

const char *
dossier_label_get_board_key (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->board_key;
}

const char *
dossier_label_get_job_key (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->job_key;
}

const char *
dossier_label_get_job_reference (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->job_reference;
}

const char *
dossier_label_get_stage (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->stage;
}

DossierDate *
dossier_label_get_date_stage (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->date_stage;
}

double
dossier_label_get_rating (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), -1);

  return self->rating;
}

DossierDate *
dossier_label_get_date_rating (DossierLabel *self)
{
  g_return_val_if_fail (DOSSIER_IS_LABEL (self), NULL);

  return self->date_rating;
}
