/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "dossier-profile.h"

G_BEGIN_DECLS

/* The export of @profile: its `data` object exactly as received (every
 * member, unknown ones too, in order, numbers unchanged), pretty-printed
 * UTF-8 with a final newline.  Never holds credentials: they are not in
 * `data`. */
GBytes   *dossier_exporter_serialize      (DossierProfile       *profile);

/* The same from the exact bytes of a `data` object (see
 * dossier_client_get_profile_json_async()), which must be valid JSON. */
GBytes   *dossier_exporter_serialize_json (GBytes               *raw_json);

/* Writes the export atomically (temporary file in the same folder, then
 * rename): on failure an existing file is left untouched, and the error
 * (%DOSSIER_ERROR_EXPORT_FAILED) names the file and the reason. */
void      dossier_exporter_write_async    (DossierProfile       *profile,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  dossier_exporter_write_finish   (GAsyncResult         *result,
                                           GError              **error);

/* The same, blocking, for the command line and tests. */
gboolean  dossier_exporter_write          (DossierProfile       *profile,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);

/* The same from the exact bytes of a `data` object. */
gboolean  dossier_exporter_write_json     (GBytes               *raw_json,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GError              **error);

G_END_DECLS
