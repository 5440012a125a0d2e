/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-date.h"
#include "dossier-json-private.h"

#include <stdio.h>
#include <string.h>

struct _DossierDate
{
  GObject    parent_instance;

  GDateTime *datetime;
  char      *text;
  gboolean   ongoing;
};

G_DEFINE_FINAL_TYPE (DossierDate, dossier_date, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATETIME,
  PROP_TEXT,
  PROP_ONGOING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_date_finalize (GObject *object)
{
  DossierDate *self = DOSSIER_DATE (object);

  g_clear_pointer (&self->datetime, g_date_time_unref);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (dossier_date_parent_class)->finalize (object);
}

static void
dossier_date_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierDate *self = DOSSIER_DATE (object);

  switch (prop_id)
    {
    case PROP_DATETIME:
      g_value_set_boxed (value, self->datetime);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_ONGOING:
      g_value_set_boolean (value, self->ongoing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_date_class_init (DossierDateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_date_finalize;
  object_class->get_property = dossier_date_get_property;

  properties[PROP_DATETIME] =
    g_param_spec_boxed ("datetime", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ONGOING] =
    g_param_spec_boolean ("ongoing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_date_init (DossierDate *self)
{
}

/* HrFlow writes "1969-12-31T23:59:59" (one second before the epoch, the
 * zero of some storage layer minus one) as the end of a job that has not
 * ended.  It has appeared naive, with "+0000", "Z" and "+00:00": the wall
 * time alone identifies it, whatever the offset. */
static gboolean
is_sentinel (GDateTime *datetime)
{
  return g_date_time_get_year (datetime) == 1969 &&
         g_date_time_get_month (datetime) == 12 &&
         g_date_time_get_day_of_month (datetime) == 31 &&
         g_date_time_get_hour (datetime) == 23 &&
         g_date_time_get_minute (datetime) == 59 &&
         g_date_time_get_second (datetime) == 59;
}

static GDateTime *
parse_iso8601 (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *datetime;
  int year, month, day;
  char tail;

  /* A string without an offset is read as UTC: HrFlow stores naive
   * dates in UTC, and a resume date has no meaningful time zone anyway. */
  datetime = g_date_time_new_from_iso8601 (text, utc);
  if (datetime != NULL)
    return datetime;

  /* g_date_time_new_from_iso8601 () wants a time; resumes often carry a
   * bare date. */
  if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      strlen (text) == 10)
    return g_date_time_new (utc, year, month, day, 0, 0, 0);

  return NULL;
}

/* Epoch time.  Labels use milliseconds; `timestamp` members of date
 * objects have been seen in seconds.  A magnitude below 10^11 is taken as
 * seconds: as milliseconds it would be early 1973, as seconds it reaches
 * the year 5138, and no HrFlow record is from either. */
static GDateTime *
datetime_from_epoch (double value)
{
  g_autoptr(GDateTime) epoch = NULL;
  gint64 usec;

  /* -1000 is the "ongoing" sentinel in milliseconds (in seconds it is -1,
   * which the rule below already reads right). */
  if (fabs (value) < 1e11 && value != -1000)
    value *= 1000.0;
  if (fabs (value) > 2.5e14)  /* beyond year 9999 */
    return NULL;
  usec = (gint64) (value * 1000.0);
  epoch = g_date_time_new_from_unix_utc (0);
  return g_date_time_add (epoch, usec);
}

static DossierDate *
date_new (GDateTime  *datetime,
          const char *text)
{
  DossierDate *self = g_object_new (DOSSIER_TYPE_DATE, NULL);

  if (datetime != NULL && is_sentinel (datetime))
    {
      /* The sentinel is no real date: a view must say "Present", never
       * "December 1969", so it has no datetime at all. */
      self->ongoing = TRUE;
      g_date_time_unref (datetime);
    }
  else
    self->datetime = datetime;
  self->text = g_strdup (text);

  return self;
}

/**
 * dossier_date_new_from_string:
 * @text: (nullable): a date as text
 *
 * Returns: (transfer full) (nullable): the date, or NULL when @text is
 *   NULL or blank
 */
DossierDate *
dossier_date_new_from_string (const char *text)
{
  g_autofree char *stripped = NULL;

  if (dossier_json_is_blank (text))
    return NULL;

  stripped = g_strstrip (g_strdup (text));
  return date_new (parse_iso8601 (stripped), stripped);
}

static DossierDate *
date_new_from_epoch_node (JsonNode *node)
{
  double value;
  g_autofree char *text = NULL;

  if (!dossier_json_node_get_number_lenient (node, &value))
    return NULL;

  if (dossier_json_node_get_string (node) != NULL)
    text = g_strstrip (g_strdup (dossier_json_node_get_string (node)));
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    text = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  else
    text = g_strdup_printf ("%.17g", value);

  return date_new (datetime_from_epoch (value), text);
}

/**
 * dossier_date_new_from_node:
 * @node: (nullable): a string, a number (epoch milliseconds) or an
 *   `{"iso8601", "text", "timestamp"}` object
 *
 * Returns: (transfer full) (nullable): the date, or NULL when @node holds
 *   nothing usable (missing, null, blank, a list, a boolean, …)
 */
DossierDate *
dossier_date_new_from_node (JsonNode *node)
{
  JsonObject *object;
  const char *text;
  double value;

  if ((text = dossier_json_node_get_string (node)) != NULL)
    {
      DossierDate *date = dossier_date_new_from_string (text);

      /* Epoch milliseconds have been sent as strings too. */
      if (date->datetime == NULL && !date->ongoing &&
          dossier_json_parse_number (text, &value))
        {
          g_object_unref (date);
          return date_new_from_epoch_node (node);
        }
      return date;
    }

  if (dossier_json_node_get_number (node, &value))
    return date_new_from_epoch_node (node);

  if ((object = dossier_json_node_get_object (node)) != NULL)
    {
      const char *iso8601 = dossier_json_get_string (object, "iso8601");
      const char *label = dossier_json_get_string (object, "text");
      JsonNode *timestamp = dossier_json_get_member (object, "timestamp");
      GDateTime *datetime = NULL;

      if (iso8601 != NULL)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (iso8601));
          datetime = parse_iso8601 (stripped);
        }
      if (datetime == NULL && dossier_json_node_get_number_lenient (timestamp, &value))
        datetime = datetime_from_epoch (value);
      if (datetime == NULL && label != NULL)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (label));
          datetime = parse_iso8601 (stripped);
        }

      /* The object's own `text` is what a person wrote: keep it as the
       * text; the ISO form stands in when there is none. */
      if (label == NULL)
        label = iso8601;
      if (datetime == NULL && label == NULL)
        return NULL;

      {
        g_autofree char *stripped = label ? g_strstrip (g_strdup (label)) : NULL;
        return date_new (datetime, stripped);
      }
    }

  return NULL;
}

/**
 * dossier_date_get_datetime:
 *
 * Returns: (transfer none) (nullable): the parsed date and time, or NULL
 *   when the text could not be parsed or the date is the "ongoing" sentinel
 */
GDateTime *
dossier_date_get_datetime (DossierDate *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE (self), NULL);

  return self->datetime;
}

/**
 * dossier_date_get_text:
 *
 * Returns: (transfer none) (nullable): the date as received, stripped of
 *   surrounding spaces (epoch numbers as their digits; for an object its
 *   `text`, else its `iso8601`)
 */
const char *
dossier_date_get_text (DossierDate *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE (self), NULL);

  return self->text;
}

gboolean
dossier_date_is_ongoing (DossierDate *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATE (self), FALSE);

  return self->ongoing;
}
