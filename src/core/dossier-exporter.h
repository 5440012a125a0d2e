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

/* An export written while the answer is still arriving: `data` is printed
 * into a temporary file beside @file by a thread of its own as the body
 * comes in (give dossier_export_stream_body_cb() to
 * dossier_client_set_body_func()), so that little is left to do once the
 * answer is complete.  dossier_export_stream_finish() then puts that file
 * in place if the client returned exactly the `data` it printed, and
 * otherwise writes @raw_json as dossier_exporter_write_json() does: the
 * result, errors included, is the same either way.  Freeing the stream
 * without finishing it removes the temporary file. */
typedef struct _DossierExportStream DossierExportStream;

DossierExportStream *dossier_export_stream_new     (GFile                *file);
void                 dossier_export_stream_body_cb (GBytes               *buffer,
                                                    gsize                 available,
                                                    gsize                 length,
                                                    gpointer              user_data);
gboolean             dossier_export_stream_finish  (DossierExportStream  *self,
                                                    GBytes               *raw_json,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
void                 dossier_export_stream_free    (DossierExportStream  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportStream, dossier_export_stream_free)

G_END_DECLS
