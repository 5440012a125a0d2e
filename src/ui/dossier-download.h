/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Saves what @url (http or https) serves into @file, streaming, through
 * @session, with no HrFlow header: attachments live on a storage host.  The
 * file is replaced only once the whole body arrived.  Errors are
 * %DOSSIER_ERROR codes with a sentence for people, or %G_IO_ERROR_CANCELLED. */
void      dossier_download_to_file_async  (SoupSession          *session,
                                           const char           *url,
                                           GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
gboolean  dossier_download_to_file_finish (GAsyncResult         *result,
                                           GError              **error);

G_END_DECLS
