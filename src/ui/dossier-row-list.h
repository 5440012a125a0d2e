/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Rows built at once; the rest wait for "Show All". */
#define DOSSIER_ROW_LIST_INITIAL_ROWS 20

#define DOSSIER_TYPE_ROW_LIST (dossier_row_list_get_type ())

G_DECLARE_FINAL_TYPE (DossierRowList, dossier_row_list, DOSSIER, ROW_LIST, AdwBin)

/**
 * DossierRowList:
 *
 * A boxed list bound to a model that builds only its first rows, then
 * offers "Show All N …" which adds the others a batch per idle turn: a
 * profile with thousands of experiences opens at once and stays
 * responsive while the rest arrive.
 */
GtkWidget  *dossier_row_list_new          (void);
/* @show_all_label: the button's text, e.g. "Show All 4,321 Experiences". */
void        dossier_row_list_bind_model   (DossierRowList             *self,
                                           GListModel                 *model,
                                           const char                 *show_all_label,
                                           GtkListBoxCreateWidgetFunc  create_func,
                                           gpointer                    user_data,
                                           GDestroyNotify              user_data_free);
void        dossier_row_list_unbind       (DossierRowList             *self);
GtkListBox *dossier_row_list_get_list_box (DossierRowList             *self);
/* How many rows exist now. */
guint       dossier_row_list_get_n_shown  (DossierRowList             *self);
void        dossier_row_list_show_all     (DossierRowList             *self);

G_END_DECLS
