/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "dossier-picture-loader.h"
#include "dossier-profile.h"

G_BEGIN_DECLS

/* The avatar's size in logical pixels; the picture is loaded at this size
 * times the scale factor. */
#define DOSSIER_PROFILE_VIEW_AVATAR_SIZE 128

#define DOSSIER_TYPE_PROFILE_VIEW (dossier_profile_view_get_type ())

G_DECLARE_FINAL_TYPE (DossierProfileView, dossier_profile_view, DOSSIER, PROFILE_VIEW, AdwBin)

/**
 * DossierProfileView:
 *
 * A whole candidate, read-only, in a scrolling clamped column: the hero
 * (picture or initials, name, current position, location, archived), then
 * one section per kind of information, each hidden when empty.  Text from
 * the profile is always shown as text, never as markup.  Long lists show
 * their first items and build the rest on request, a batch at a time.
 *
 * Signals:
 * - `open-attachment (DossierAttachment *) → gboolean`: return TRUE to
 *   handle it; otherwise the view opens the attachment's public URL.
 * - `save-attachment (DossierAttachment *)`: the window saves a copy.
 *
 * Actions (for its rows): `profile.copy (s)` copies the text and says so
 * in a toast; `profile.open-uri (s)` opens http(s), mailto: and tel: URIs.
 */
GtkWidget      *dossier_profile_view_new                 (void);
void            dossier_profile_view_set_profile         (DossierProfileView   *self,
                                                          DossierProfile       *profile);
DossierProfile *dossier_profile_view_get_profile         (DossierProfileView   *self);
void            dossier_profile_view_set_picture_loader  (DossierProfileView   *self,
                                                          DossierPictureLoader *loader);
DossierPictureLoader *dossier_profile_view_get_picture_loader (DossierProfileView *self);
/* TRUE once the picture has arrived and replaced the initials. */
gboolean        dossier_profile_view_get_showing_picture (DossierProfileView   *self);
/* A new profile is built a few widgets per frame, the first screen first
 * (the hero, contact, summary, the first experiences and educations):
 * "building" is TRUE until all of it is built. */
gboolean        dossier_profile_view_get_building        (DossierProfileView   *self);
/* TRUE once what is built of the profile fills the visible area (as of the
 * last layout), or all of it is built: the window then shows the new
 * profile as the user will read it. */
gboolean        dossier_profile_view_get_first_screen_built (DossierProfileView *self);

G_END_DECLS
