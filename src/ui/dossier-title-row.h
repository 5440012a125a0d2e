/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_TITLE_ROW (dossier_title_row_get_type ())

G_DECLARE_DERIVABLE_TYPE (DossierTitleRow, dossier_title_row, DOSSIER, TITLE_ROW, GtkListBoxRow)

/**
 * DossierTitleRow:
 *
 * A row that looks like an AdwActionRow (a title over a dimmed subtitle,
 * widgets before and after them, the same CSS classes and spacing) but
 * lays them out in a grid.  AdwActionRow's horizontal box, asked for its
 * height at a width, asks its column of wrapping labels for their widths
 * one try after another (a new Pango layout each), every time the window
 * is laid out; a grid gives the text its column's width at once.
 *
 * In a .ui file, `<child type="prefix">` goes before the text and any
 * other child after it.  The text is plain, never markup.
 */
struct _DossierTitleRowClass
{
  GtkListBoxRowClass parent_class;
};

void        dossier_title_row_set_title             (DossierTitleRow *self,
                                                     const char      *title);
const char *dossier_title_row_get_title             (DossierTitleRow *self);
void        dossier_title_row_set_subtitle          (DossierTitleRow *self,
                                                     const char      *subtitle);
const char *dossier_title_row_get_subtitle          (DossierTitleRow *self);
void        dossier_title_row_set_title_lines       (DossierTitleRow *self,
                                                     int              lines);
void        dossier_title_row_add_prefix            (DossierTitleRow *self,
                                                     GtkWidget       *widget);
void        dossier_title_row_add_suffix            (DossierTitleRow *self,
                                                     GtkWidget       *widget);
void        dossier_title_row_set_activatable_widget (DossierTitleRow *self,
                                                      GtkWidget       *widget);

G_END_DECLS
