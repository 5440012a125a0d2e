/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Chips shown before "Show All": enough to read at a glance, few enough to
 * build at once. */
#define DOSSIER_CHIP_BOX_INITIAL_CHIPS 50

#define DOSSIER_TYPE_CHIP_BOX (dossier_chip_box_get_type ())

G_DECLARE_FINAL_TYPE (DossierChipBox, dossier_chip_box, DOSSIER, CHIP_BOX, GtkWidget)

/**
 * DossierChipBox:
 *
 * Short texts (skills, languages, interests) as chips that wrap like words.
 * Long lists show their first chips and a "Show All" chip that adds the
 * rest a batch at a time, so that a profile with 20,000 skills stays
 * responsive.  Texts are never markup.
 */
GtkWidget *dossier_chip_box_new         (void);
/* @model: (nullable): a list of #GtkStringObject. */
void       dossier_chip_box_set_model   (DossierChipBox *self,
                                         GListModel     *model);
GListModel *dossier_chip_box_get_model  (DossierChipBox *self);
/* How many chips exist now (for tests). */
guint      dossier_chip_box_get_n_shown (DossierChipBox *self);
/* Adds every remaining chip, as the "Show All" chip does. */
void       dossier_chip_box_show_all    (DossierChipBox *self);

G_END_DECLS
