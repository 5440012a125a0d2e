/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_CONSENT (dossier_consent_get_type ())

G_DECLARE_FINAL_TYPE (DossierConsent, dossier_consent, DOSSIER, CONSENT, GObject)

typedef enum
{
  DOSSIER_CONSENT_UNSET,
  DOSSIER_CONSENT_GRANTED,
  DOSSIER_CONSENT_DENIED,
} DossierConsentState;

/* `consent_algorithmic`: owner and controller, each a map of booleans. */
DossierConsent      *dossier_consent_new_from_node   (JsonNode       *node);
/* The permission names seen in either party, in a stable order: the known
 * ones first (parsing, revealing, embedding, searching, scoring, reasoning,
 * upskilling), then any others as received. */
const char * const  *dossier_consent_get_permissions (DossierConsent *self);
DossierConsentState  dossier_consent_get_owner       (DossierConsent *self,
                                                      const char     *permission);
DossierConsentState  dossier_consent_get_controller  (DossierConsent *self,
                                                      const char     *permission);
/* "Parsing", "Revealing", …, translated; the name itself for others. */
const char          *dossier_consent_permission_to_label (const char *permission);

G_END_DECLS
