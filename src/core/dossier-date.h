/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_DATE (dossier_date_get_type ())

G_DECLARE_FINAL_TYPE (DossierDate, dossier_date, DOSSIER, DATE, GObject)

/**
 * DossierDate:
 *
 * A date as HrFlow wrote it.  Every form the API has used is accepted:
 * naive ISO 8601 ("2019-05-01T00:00:00"), with an offset ("…+0000"),
 * `{"iso8601", "text", "timestamp"}` objects, epoch milliseconds, odd strings
 * ("15/02/1900") and the 1969-12-31T23:59:59 sentinel that means "ongoing".
 * What parses becomes a #GDateTime (UTC when no offset is given); what does
 * not is kept as text.  The sentinel has no #GDateTime (it is no real date):
 * dossier_date_is_ongoing() is TRUE instead.  Epoch numbers below 10^11 are
 * read as seconds, larger ones as milliseconds.
 */
DossierDate *dossier_date_new_from_node   (JsonNode    *node);
DossierDate *dossier_date_new_from_string (const char  *text);
GDateTime   *dossier_date_get_datetime    (DossierDate *self);
const char  *dossier_date_get_text        (DossierDate *self);
gboolean     dossier_date_is_ongoing      (DossierDate *self);

G_END_DECLS
