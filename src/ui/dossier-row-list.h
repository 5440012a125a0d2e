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
 * What looks like one boxed list bound to a model, built so that a profile
 * with thousands of entries opens at once and stays responsive: only the
 * first rows are built, then "Show All N …" adds the others a chunk per
 * idle turn.  Each chunk is its own list box inside one card, because in
 * a single list box every appended row restyles all the others (the theme
 * rounds the first and last rows), which made showing 3,000 experiences
 * take seconds per batch.
 */
GtkWidget  *dossier_row_list_new          (void);
/* @show_all_label: the button's text, e.g. "Show All 4,321 Experiences". */
void        dossier_row_list_bind_model   (DossierRowList             *self,
                                           GListModel                 *model,
                                           const char                 *show_all_label,
                                           GtkListBoxCreateWidgetFunc  create_func,
                                           gpointer                    user_data,
                                           GDestroyNotify              user_data_free);
/* Like dossier_row_list_bind_model(), but builds no row yet: then
 * dossier_row_list_grow() builds the first rows a few at a time, so that
 * no main-loop turn builds (and no frame lays out) all of them at once. */
void        dossier_row_list_bind_model_deferred (DossierRowList             *self,
                                                  GListModel                 *model,
                                                  const char                 *show_all_label,
                                                  GtkListBoxCreateWidgetFunc  create_func,
                                                  gpointer                    user_data,
                                                  GDestroyNotify              user_data_free);
/* Builds up to @n_rows more of the first DOSSIER_ROW_LIST_INITIAL_ROWS rows;
 * returns TRUE while some of them remain to be built. */
gboolean    dossier_row_list_grow         (DossierRowList             *self,
                                           guint                       n_rows);
void        dossier_row_list_unbind       (DossierRowList             *self);
/* Destroys up to @n_rows of the rows, the last first (a chunk of "Show
 * All" at a time), and unbinds once none is left; returns TRUE while
 * some remain.  Destroying a long list's rows in one step took several
 * milliseconds. */
gboolean    dossier_row_list_shrink       (DossierRowList             *self,
                                           guint                       n_rows);
/* How many rows exist now. */
guint       dossier_row_list_get_n_shown  (DossierRowList             *self);
void        dossier_row_list_show_all     (DossierRowList             *self);

G_END_DECLS
