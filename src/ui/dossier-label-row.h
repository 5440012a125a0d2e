/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-label.h"
#include "dossier-title-row.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_LABEL_ROW (dossier_label_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierLabelRow, dossier_label_row, DOSSIER, LABEL_ROW, DossierTitleRow)

/**
 * DossierLabelRow:
 *
 * A recruiter's verdict for one job: the job reference, the date, a star
 * rating and the stage as a coloured pill.
 */
GtkWidget    *dossier_label_row_new       (DossierLabel    *label);
DossierLabel *dossier_label_row_get_label (DossierLabelRow *self);

G_END_DECLS
