/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_PROPERTY_ROW (dossier_property_row_get_type ())

G_DECLARE_FINAL_TYPE (DossierPropertyRow, dossier_property_row, DOSSIER, PROPERTY_ROW, GtkListBoxRow)

/**
 * DossierPropertyRow:
 *
 * A name over a selectable value, for facts a recruiter may want to paste
 * elsewhere (a key, a reference, a metadata value).  The value can be a
 * list, shown one item a line, or any widget (chips).  Never markup.
 */
GtkWidget  *dossier_property_row_new           (const char         *title,
                                                const char         *value);
const char *dossier_property_row_get_title     (DossierPropertyRow *self);
const char *dossier_property_row_get_value     (DossierPropertyRow *self);
void        dossier_property_row_set_value     (DossierPropertyRow *self,
                                                const char         *value);
/* Shows each item on its own line, bulleted. */
void        dossier_property_row_set_items     (DossierPropertyRow *self,
                                                const char * const *items);
/* Replaces the value label by @content. */
void        dossier_property_row_set_content   (DossierPropertyRow *self,
                                                GtkWidget          *content);
void        dossier_property_row_set_monospace (DossierPropertyRow *self,
                                                gboolean            monospace);
/* Adds a button that copies the value (through the `profile.copy` action). */
void        dossier_property_row_set_copyable  (DossierPropertyRow *self,
                                                gboolean            copyable);

G_END_DECLS
