/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-format.h"

#include <math.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

/* Unicode bidi controls: first strong isolate, pop directional isolate,
 * and the left-to-right and right-to-left marks. */
#define FSI "\xe2\x81\xa8"
#define PDI "\xe2\x81\xa9"
#define LRM "\xe2\x80\x8e"
#define RLM "\xe2\x80\x8f"

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static gboolean
has_rtl (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      switch (g_unichar_get_script (g_utf8_get_char (p)))
        {
        case G_UNICODE_SCRIPT_ARABIC:
        case G_UNICODE_SCRIPT_HEBREW:
        case G_UNICODE_SCRIPT_SYRIAC:
        case G_UNICODE_SCRIPT_THAANA:
        case G_UNICODE_SCRIPT_NKO:
        case G_UNICODE_SCRIPT_SAMARITAN:
        case G_UNICODE_SCRIPT_MANDAIC:
        case G_UNICODE_SCRIPT_ADLAM:
          return TRUE;
        default:
          break;
        }
    }

  return FALSE;
}

/* Text composed of the interface's words and the profile's (an Arabic
 * company in "Company · Sep 2021 – Present") would otherwise take the
 * direction of its first strong character and show its parts in reverse.
 * The whole starts with a mark of the interface's direction, and each part
 * is isolated and followed by the same mark: Pango 1.50 ignores the
 * isolates, but the marks alone keep the separators and the order of the
 * parts in the interface's direction.  Left alone when nothing is
 * right-to-left, so that plain text stays plain. */
static const char *
direction_mark (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? RLM : LRM;
}

static char *
isolate (const char *part)
{
  return g_strconcat (FSI, part, PDI, direction_mark (), NULL);
}

static char *
join_isolated (const char * const *parts,
               const char         *separator)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean needed = FALSE;

  for (guint i = 0; parts[i] != NULL; i++)
    needed = needed || has_rtl (parts[i]);

  if (needed)
    g_string_append (text, direction_mark ());

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, separator);
      if (needed)
        {
          g_autofree char *isolated = isolate (parts[i]);

          g_string_append (text, isolated);
        }
      else
        g_string_append (text, parts[i]);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

const char *
dossier_format_isolate_pair (const char  *first,
                             const char  *second,
                             char       **out_first,
                             char       **out_second)
{
  if (!has_rtl (first) && !has_rtl (second))
    {
      *out_first = g_strdup (first);
      *out_second = g_strdup (second);
      return "";
    }

  *out_first = isolate (first);
  *out_second = isolate (second);
  return direction_mark ();
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

  /* Dates in a CV are calendar dates written without a time zone: the
   * model reads them as UTC, and converting them to local time could turn
   * "1 September" into "31 August". */
  datetime = dossier_date_get_datetime (date);
  if (datetime != NULL)
    {
      /* Translators: a month and year in a date range, as in "Sep 2021"; see
       * the strftime-like format of g_date_time_format(). %b is the
       * abbreviated month name and %Y the year.  A no-break space keeps
       * them on one line. */
      return g_date_time_format (datetime, C_("month and year", "%b %Y"));
    }

  text = dossier_date_get_text (date);
  return is_empty (text) ? NULL : g_strdup (text);
}

char *
dossier_format_join (const char         *separator,
                     const char * const *parts)
{
  return join_isolated (parts, separator);
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
    /* Translators: years then months, as in "3 yrs 3 mos"; a no-break
     * space keeps the duration on one line. */
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
  return dossier_format_join (C_("subtitle separator", " · "), (const char * const *) parts->pdata);
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
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *text = NULL;
      const char *mark = dossier_format_isolate_pair (title, organization, &a, &b);

      /* Translators: the current position, as in "Senior Engineer at Acme". */
      text = g_strdup_printf (C_("position", "%s at %s"), a, b);
      return g_strconcat (mark, text, NULL);
    }
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
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *joined = NULL;
      const char *mark = dossier_format_isolate_pair (name, text, &a, &b);

      /* Translators: a name and its value, as in "English · Fluent". */
      joined = g_strdup_printf (C_("named value", "%s · %s"), a, b);
      return g_strconcat (mark, joined, NULL);
    }
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

  if (g_ascii_strcasecmp (stage, "yes") == 0)
    /* Translators: the stages a recruiter puts a candidate in for a job:
     * "Yes" (a match), "No", "Later" and "New" (not decided yet). */
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
