/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "dossier-format.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

char *
dossier_format_month_year (DossierDate *date)
{
  GDateTime *datetime;
  const char *text;

  if (date == NULL)
    return NULL;

  if (dossier_date_is_ongoing (date))
    /* Translators: the end of a date range that has not ended, as in
     * "Sep 2021 – Present". */
    return g_strdup (_("Present"));

  datetime = dossier_date_get_datetime (date);
  if (datetime != NULL)
    {
      /* Dates in a CV are calendar dates written without a time zone: the
       * model reads them as UTC, and converting them to local time could
       * turn "1 September" into "31 August". */
      /* Translators: a month and year in a date range, as in "Sep 2021"; see
       * the strftime-like format of g_date_time_format(). %b is the
       * abbreviated month name and %Y the year. */
      return g_date_time_format (datetime, C_("month and year", "%b %Y"));
    }

  text = dossier_date_get_text (date);
  return is_empty (text) ? NULL : g_strdup (text);
}

char *
dossier_format_month_range (DossierDate *start,
                            DossierDate *end,
                            gboolean     ongoing)
{
  g_autofree char *start_text = dossier_format_month_year (start);
  g_autofree char *end_text = NULL;

  if (ongoing)
    end_text = g_strdup (_("Present"));
  else
    end_text = dossier_format_month_year (end);

  if (start_text != NULL && end_text != NULL)
    {
      if (g_str_equal (start_text, end_text))
        return g_steal_pointer (&start_text);
      /* Translators: a date range, as in "Sep 2021 – Present". */
      return g_strdup_printf (C_("date range", "%s – %s"), start_text, end_text);
    }

  if (start_text != NULL)
    return g_steal_pointer (&start_text);

  /* "Present" alone says nothing of when it began. */
  if (end_text != NULL && !ongoing)
    return g_steal_pointer (&end_text);

  return NULL;
}

char *
dossier_format_duration_months (int months)
{
  g_autofree char *years_text = NULL;
  g_autofree char *months_text = NULL;
  int years;

  if (months <= 0)
    return NULL;

  years = months / 12;
  months = months % 12;

  if (years > 0)
    /* Translators: a duration in years, abbreviated, as in "3 yrs 3 mos". */
    years_text = g_strdup_printf (ngettext ("%d yr", "%d yrs", years), years);
  if (months > 0)
    /* Translators: a duration in months, abbreviated, as in "3 yrs 3 mos". */
    months_text = g_strdup_printf (ngettext ("%d mo", "%d mos", months), months);

  if (years_text != NULL && months_text != NULL)
    /* Translators: years then months, as in "3 yrs 3 mos". */
    return g_strdup_printf (C_("duration", "%s %s"), years_text, months_text);

  return years_text != NULL ? g_steal_pointer (&years_text) : g_steal_pointer (&months_text);
}

char *
dossier_format_experience_subtitle (DossierExperience *experience)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *title = dossier_experience_get_title (experience);
  const char *organization = dossier_experience_get_organization (experience);
  char *dates;
  char *duration;

  g_return_val_if_fail (DOSSIER_IS_EXPERIENCE (experience), NULL);

  /* Without a title the organization is the row's title instead. */
  if (!is_empty (title) && !is_empty (organization))
    g_ptr_array_add (parts, g_strdup (organization));

  dates = dossier_format_month_range (dossier_experience_get_date_start (experience),
                                      dossier_experience_get_date_end (experience),
                                      dossier_experience_is_ongoing (experience));
  if (dates != NULL)
    g_ptr_array_add (parts, dates);

  duration = dossier_format_duration_months (dossier_experience_get_duration_months (experience));
  if (duration != NULL)
    g_ptr_array_add (parts, duration);

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between the parts of a subtitle, as in
   * "Acme · Sep 2021 – Present · 3 yrs 3 mos". */
  return g_strjoinv (C_("subtitle separator", " · "), (char **) parts->pdata);
}

static char *
format_local (DossierDate *date,
              const char  *format)
{
  g_autoptr(GDateTime) local = NULL;
  GDateTime *datetime;
  const char *text;

  if (date == NULL)
    return NULL;

  datetime = dossier_date_get_datetime (date);
  if (datetime == NULL)
    {
      text = dossier_date_get_text (date);
      return is_empty (text) ? NULL : g_strdup (text);
    }

  local = g_date_time_to_local (datetime);
  return g_date_time_format (local != NULL ? local : datetime, format);
}

char *
dossier_format_date (DossierDate *date)
{
  /* Translators: a full date, as in "14 March 2023"; see the strftime-like
   * format of g_date_time_format().  %-d is the day without padding, %B the
   * month name, %Y the year.  Reorder them as your language writes dates. */
  return format_local (date, C_("full date", "%-d %B %Y"));
}

char *
dossier_format_date_time (DossierDate *date)
{
  /* Translators: a date and time, as in "14 March 2023, 09:30"; see the
   * strftime-like format of g_date_time_format(). */
  return format_local (date, C_("full date and time", "%-d %B %Y, %H:%M"));
}

char *
dossier_format_years (double years)
{
  int rounded;

  if (years < 0 || isnan (years))
    return NULL;

  if (years < 1)
    return g_strdup (_("Less than a year in total"));

  rounded = (int) MIN (round (years), 1000.0);
  /* Translators: the total length of a career or of studies. */
  return g_strdup_printf (ngettext ("About %d year in total", "About %d years in total", rounded),
                          rounded);
}

char *
dossier_format_position (DossierExperience *experience)
{
  const char *title;
  const char *organization;

  if (experience == NULL)
    return NULL;

  title = dossier_experience_get_title (experience);
  organization = dossier_experience_get_organization (experience);

  if (!is_empty (title) && !is_empty (organization))
    /* Translators: the current position, as in "Senior Engineer at Acme". */
    return g_strdup_printf (C_("position", "%s at %s"), title, organization);
  if (!is_empty (title))
    return g_strdup (title);
  if (!is_empty (organization))
    return g_strdup (organization);
  return NULL;
}

char *
dossier_format_named_value (DossierNamedValue *value)
{
  const char *name = dossier_named_value_get_name (value);
  const char *text = dossier_named_value_get_value_text (value);

  if (!is_empty (name) && !is_empty (text))
    /* Translators: a name and its value, as in "English · Fluent". */
    return g_strdup_printf (C_("named value", "%s · %s"), name, text);
  if (!is_empty (name))
    return g_strdup (name);
  if (!is_empty (text))
    return g_strdup (text);
  return NULL;
}

char *
dossier_format_stage (const char *stage)
{
  if (is_empty (stage))
    return NULL;

  /* Translators: the stages a recruiter puts a candidate in for a job. */
  if (g_ascii_strcasecmp (stage, "yes") == 0)
    return g_strdup (C_("job stage", "Yes"));
  if (g_ascii_strcasecmp (stage, "no") == 0)
    return g_strdup (C_("job stage", "No"));
  if (g_ascii_strcasecmp (stage, "later") == 0)
    return g_strdup (C_("job stage", "Later"));
  if (g_ascii_strcasecmp (stage, "new") == 0)
    return g_strdup (C_("job stage", "New"));

  return g_strdup (stage);
}

int
dossier_format_rating_stars (double rating)
{
  if (rating < 0 || isnan (rating))
    return -1;

  /* Whole numbers are on the 1–5 scale; anything between 0 and 1 is a
   * fraction of the top mark. */
  if (rating < 1 && rating > 0)
    rating *= 5;

  return (int) CLAMP (round (rating), 0, 5);
}
