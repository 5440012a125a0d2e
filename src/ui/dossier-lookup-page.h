/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-client.h"
#include "dossier-history.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LOOKUP_PAGE (dossier_lookup_page_get_type ())

G_DECLARE_FINAL_TYPE (DossierLookupPage, dossier_lookup_page, DOSSIER, LOOKUP_PAGE, AdwBin)

/**
 * DossierLookupPage:
 *
 * The lookup form (source key, identifier kind, identifier and the Look Up
 * button, which activates `win.look-up`) and a list of lookups to reopen
 * (recent ones, or the sample people in the demo).  Enter in any field
 * activates `win.look-up` as well.
 *
 * Signals: ::lookup-activated (DossierLookup *) when a listed lookup is
 * clicked.
 */
GtkWidget             *dossier_lookup_page_new             (void);

void                   dossier_lookup_page_set_history     (DossierLookupPage     *self,
                                                            DossierHistory        *history);

/* Trimmed text of the fields. */
char                  *dossier_lookup_page_dup_source_key  (DossierLookupPage     *self);
DossierIdentifierKind  dossier_lookup_page_get_kind        (DossierLookupPage     *self);
char                  *dossier_lookup_page_dup_identifier  (DossierLookupPage     *self);
/* TRUE when both the source key and the identifier are filled in. */
gboolean               dossier_lookup_page_is_complete     (DossierLookupPage     *self);

void                   dossier_lookup_page_set_lookup      (DossierLookupPage     *self,
                                                            const char            *source_key,
                                                            DossierIdentifierKind  kind,
                                                            const char            *identifier);

/* Shows a spinner in the Look Up button.  The form stays editable: a new
 * lookup replaces the running one. */
void                   dossier_lookup_page_set_busy        (DossierLookupPage     *self,
                                                            gboolean               busy);

/* The lookups listed under the form (@model holds #DossierLookup; NULL
 * hides the list), with the group's @title. */
void                   dossier_lookup_page_set_lookups     (DossierLookupPage     *self,
                                                            GListModel            *model,
                                                            const char            *title,
                                                            const char            *description);

/* In a narrow window the source key needs all the row: its friendly name
 * is then left out (it stays in the recent sources menu). */
void                   dossier_lookup_page_set_compact     (DossierLookupPage     *self,
                                                            gboolean               compact);

/* Puts the keyboard focus in the form: the identifier when the source key
 * is filled in, else the source key; the text is selected. */
void                   dossier_lookup_page_focus_form      (DossierLookupPage     *self);

G_END_DECLS
