/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-attachment.h"
#include "dossier-title-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ATTACHMENT_ROW (dossier_attachment_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierAttachmentRow, dossier_attachment_row, DOSSIER, ATTACHMENT_ROW, DossierTitleRow)

/**
 * DossierAttachmentRow:
 *
 * A file attached to the profile: its name, then "Resume · PDF · 1.2 MB ·
 * 14 March 2023", with Open and Save a Copy buttons that emit `open` and
 * `save`; whoever shows the row decides how.  Without a public URL there
 * is nothing to fetch and the buttons are hidden.
 */
GtkWidget         *dossier_attachment_row_new            (DossierAttachment    *attachment);
DossierAttachment *dossier_attachment_row_get_attachment (DossierAttachmentRow *self);

/* "Resume", "Cover Letter", …, translated; the type itself for others. */
const char        *dossier_attachment_type_to_label      (const char           *type);

G_END_DECLS
