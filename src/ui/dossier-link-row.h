/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-title-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LINK_ROW (dossier_link_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierLinkRow, dossier_link_row, DOSSIER, LINK_ROW, DossierTitleRow)

/**
 * DossierLinkRow:
 *
 * A way to reach the candidate: the address as the title, its kind
 * ("Email", "LinkedIn") below, and buttons to open it (through the
 * `profile.open-uri` action) and to copy it (`profile.copy`).  Without a
 * URI that is safe to open, only Copy is offered.
 */
GtkWidget  *dossier_link_row_new      (const char     *kind,
                                       const char     *text,
                                       const char     *uri,
                                       const char     *icon_name);
const char *dossier_link_row_get_uri  (DossierLinkRow *self);
const char *dossier_link_row_get_text (DossierLinkRow *self);

/* The URI to open for @text as written in a profile: http(s) kept, a bare
 * "example.com/x" made https, anything else (javascript:, file:) NULL. */
char       *dossier_link_row_dup_web_uri (const char  *text);

G_END_DECLS
