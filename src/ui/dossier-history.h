/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-client.h"

G_BEGIN_DECLS

#define DOSSIER_HISTORY_MAX_LOOKUPS 20
#define DOSSIER_HISTORY_MAX_SOURCES 10

#define DOSSIER_TYPE_LOOKUP (dossier_lookup_get_type ())

G_DECLARE_FINAL_TYPE (DossierLookup, dossier_lookup, DOSSIER, LOOKUP, GObject)

/**
 * DossierLookup:
 *
 * One lookup: where (source key), how (identifier kind) and whom
 * (identifier), with the candidate's name once it is known.  Immutable.
 */
DossierLookup         *dossier_lookup_new                 (const char            *source_key,
                                                           DossierIdentifierKind  kind,
                                                           const char            *identifier,
                                                           const char            *name);
const char            *dossier_lookup_get_source_key      (DossierLookup         *self);
DossierIdentifierKind  dossier_lookup_get_kind            (DossierLookup         *self);
const char            *dossier_lookup_get_identifier      (DossierLookup         *self);
/* NULL until the profile was found. */
const char            *dossier_lookup_get_name            (DossierLookup         *self);
/* The same source, kind and identifier (the name does not matter). */
gboolean               dossier_lookup_equal               (DossierLookup         *self,
                                                           DossierLookup         *other);

#define DOSSIER_TYPE_HISTORY (dossier_history_get_type ())

G_DECLARE_FINAL_TYPE (DossierHistory, dossier_history, DOSSIER, HISTORY, GObject)

/**
 * DossierHistory:
 *
 * Recent lookups and recent source keys, kept in GSettings (`history`,
 * `recent-sources`, `history-enabled`).  Both lists are newest first and
 * capped.  When the history is turned off nothing is recorded and the
 * recent lookups list is empty; recent source keys are still remembered,
 * as a form would remember what was typed into it.
 */
DossierHistory *dossier_history_new                (GSettings      *settings);
/* A list of #DossierLookup, newest first. */
GListModel     *dossier_history_get_lookups        (DossierHistory *self);
gboolean        dossier_history_get_enabled        (DossierHistory *self);
/* Records @lookup at the top, replacing an equal one. */
void            dossier_history_add                (DossierHistory *self,
                                                    DossierLookup  *lookup);
void            dossier_history_clear              (DossierHistory *self);

/* DossierHistory::sources-changed is emitted when the recent source keys
 * (or their names) change. */

/* Remembers @source_key at the top of the recent sources; @name may be
 * NULL (a name known from before is kept). */
void            dossier_history_add_source         (DossierHistory *self,
                                                    const char     *source_key,
                                                    const char     *name);
/* Recent source keys, newest first; NULL-terminated. */
char          **dossier_history_dup_source_keys    (DossierHistory *self);
/* The friendly name of @source_key when one is known, else NULL. */
char           *dossier_history_dup_source_name    (DossierHistory *self,
                                                    const char     *source_key);

G_END_DECLS
