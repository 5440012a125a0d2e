/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-profile.h"

G_BEGIN_DECLS

/* How the views write the model's values: localized, translatable, never
 * markup.  Each returns NULL when there is nothing to say. */

/* "Sep 2021", or the date's own text when it did not parse. */
char *dossier_format_month_year       (DossierDate       *date);
/* "Sep 2021 – Present", "2016 – Jun 2019", "Jun 2019". */
char *dossier_format_month_range      (DossierDate       *start,
                                       DossierDate       *end,
                                       gboolean           ongoing);
/* "3 yrs 3 mos", "1 yr", "5 mos"; NULL for unknown or zero. */
char *dossier_format_duration_months  (int                months);
/* "Company · Sep 2021 – Present · 3 yrs 3 mos" */
char *dossier_format_experience_subtitle (DossierExperience *experience);
/* "14 March 2023", local date. */
char *dossier_format_date             (DossierDate       *date);
/* "14 March 2023, 09:30", local time. */
char *dossier_format_date_time        (DossierDate       *date);
/* "About 12 years" from a number of years; NULL when negative. */
char *dossier_format_years            (double             years);
/* "Senior Engineer at Acme", "Senior Engineer", "Acme". */
char *dossier_format_position         (DossierExperience *experience);
/* "Fluent" → "English · Fluent"; the name alone without a value. */
char *dossier_format_named_value      (DossierNamedValue *value);
/* "Yes", "No", "Later", "New", or the stage as sent. */
char *dossier_format_stage            (const char        *stage);
/* Joins @parts with @separator; when any part is right-to-left, each is
 * isolated and the whole marked with the interface's direction. */
char *dossier_format_join             (const char         *separator,
                                       const char * const *parts);
/* For a translatable format around two profile strings: sets the strings
 * to put in it (isolated when either is right-to-left) and returns the
 * mark to put before the result ("" when none is needed). */
const char *dossier_format_isolate_pair (const char  *first,
                                         const char  *second,
                                         char       **out_first,
                                         char       **out_second);
/* A rating on a five-star scale (0–5), from 1–5 or a fraction; -1 if none. */
int   dossier_format_rating_stars     (double             rating);

G_END_DECLS
