/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-fake-server.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_DEMO (dossier_demo_get_type ())

G_DECLARE_FINAL_TYPE (DossierDemo, dossier_demo, DOSSIER, DEMO, GObject)

/**
 * DossierDemo:
 *
 * The sample profiles: the core's fake HrFlow server on loopback, serving
 * the fictional people bundled in the resources (with their pictures and
 * attachments) and one generated, very long profile, under one source key,
 * for in-memory demo credentials.  Lookups against it go through the real
 * client, so everything a recruiter can do with HrFlow can be tried.
 *
 * The server runs on the main context of the thread that starts it.
 */
DossierDemo *dossier_demo_new               (void);

/* Starts the server; the long profile is generated in a worker thread. */
void         dossier_demo_start_async       (DossierDemo          *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean     dossier_demo_start_finish      (DossierDemo          *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean     dossier_demo_is_running        (DossierDemo          *self);

const char  *dossier_demo_get_api_base      (DossierDemo          *self);
const char  *dossier_demo_get_user_email    (DossierDemo          *self);
const char  *dossier_demo_get_api_key       (DossierDemo          *self);
const char  *dossier_demo_get_source_key    (DossierDemo          *self);
const char  *dossier_demo_get_source_name   (DossierDemo          *self);
/* The sample people as #DossierLookup, with their names. */
GListModel  *dossier_demo_get_lookups       (DossierDemo          *self);

/* For tests: the server itself. */
DossierFakeServer *dossier_demo_get_server  (DossierDemo          *self);

G_END_DECLS
