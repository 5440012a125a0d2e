/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_LINK (dossier_link_get_type ())

G_DECLARE_FINAL_TYPE (DossierLink, dossier_link, DOSSIER, LINK, GObject)

/**
 * DossierLink:
 *
 * One of the candidate's links, from any of the three shapes `info.urls`
 * has had (list of `{type, url}`, object, bare string).  `from_resume`
 * lists become one link each.  Empty URLs are dropped by the profile.
 */
typedef enum
{
  DOSSIER_LINK_OTHER,
  DOSSIER_LINK_FROM_RESUME,
  DOSSIER_LINK_LINKEDIN,
  DOSSIER_LINK_TWITTER,
  DOSSIER_LINK_FACEBOOK,
  DOSSIER_LINK_GITHUB,
} DossierLinkType;

DossierLink     *dossier_link_new            (DossierLinkType  type,
                                              const char      *url);
DossierLinkType  dossier_link_get_link_type  (DossierLink     *self);
const char      *dossier_link_get_url        (DossierLink     *self);
/* "LinkedIn", "GitHub", …, translated; "Link" for the others. */
const char      *dossier_link_type_to_label  (DossierLinkType  type);

G_END_DECLS
