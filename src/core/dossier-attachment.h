/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ATTACHMENT (dossier_attachment_get_type ())

G_DECLARE_FINAL_TYPE (DossierAttachment, dossier_attachment, DOSSIER, ATTACHMENT, GObject)

DossierAttachment *dossier_attachment_new_from_node           (JsonNode          *node);
/* original, resume, cover, other, or what the API sent. */
const char        *dossier_attachment_get_attachment_type     (DossierAttachment *self);
const char        *dossier_attachment_get_alt                 (DossierAttachment *self);
const char        *dossier_attachment_get_file_name           (DossierAttachment *self);
const char        *dossier_attachment_get_original_file_name  (DossierAttachment *self);
const char        *dossier_attachment_get_extension           (DossierAttachment *self);
const char        *dossier_attachment_get_public_url          (DossierAttachment *self);
/* Bytes; -1 when unknown.  A string ("12345") is accepted. */
gint64             dossier_attachment_get_file_size           (DossierAttachment *self);
DossierDate       *dossier_attachment_get_created_at          (DossierAttachment *self);
DossierDate       *dossier_attachment_get_updated_at          (DossierAttachment *self);

G_END_DECLS
