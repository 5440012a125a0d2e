/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_WRAP_LAYOUT (dossier_wrap_layout_get_type ())

G_DECLARE_FINAL_TYPE (DossierWrapLayout, dossier_wrap_layout, DOSSIER, WRAP_LAYOUT, GtkLayoutManager)

/**
 * DossierWrapLayout:
 *
 * Lays children out like words in a paragraph: left to right (right to
 * left in RTL), each at its natural width, wrapping to a new line when the
 * next does not fit.  GtkFlowBox aligns its children in columns, which
 * makes chips of different widths look like a table with holes; libadwaita
 * 1.2 has no wrap box.  A child wider than the line is given the line's
 * width (labels ellipsize).
 */
GtkLayoutManager *dossier_wrap_layout_new             (void);
void              dossier_wrap_layout_set_spacing     (DossierWrapLayout *self,
                                                       int                column_spacing,
                                                       int                row_spacing);

G_END_DECLS
