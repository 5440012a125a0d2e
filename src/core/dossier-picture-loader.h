/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Limits for pictures from the profile, which come from anywhere.  A body
 * over the size is refused while streaming (and at once by Content-Length);
 * an image over the pixel limits is refused from its header, before any
 * pixel is decoded. */
#define DOSSIER_PICTURE_MAX_BYTES      (10 * 1024 * 1024)
#define DOSSIER_PICTURE_MAX_SIDE       10000
#define DOSSIER_PICTURE_MAX_PIXELS     (40 * 1000 * 1000)
#define DOSSIER_PICTURE_MAX_REDIRECTS  5

#define DOSSIER_TYPE_PICTURE_LOADER (dossier_picture_loader_get_type ())

G_DECLARE_FINAL_TYPE (DossierPictureLoader, dossier_picture_loader, DOSSIER, PICTURE_LOADER, GObject)

/**
 * DossierPictureLoader:
 *
 * Fetches and decodes the candidate's picture.  Requests are fresh messages
 * on the shared session and never carry HrFlow headers: pictures live on a
 * storage host.  Results (successes and definite failures) are kept for the
 * whole run, concurrent requests for the same picture share one download,
 * and with a cache directory the downloaded bytes are kept on disk, named
 * by the SHA-256 of the URL.
 */
DossierPictureLoader *dossier_picture_loader_new         (SoupSession           *session,
                                                          GFile                 *cache_dir);
GFile                *dossier_picture_loader_get_cache_dir (DossierPictureLoader *self);

/* Loads @url (http or https only) scaled to fit a @size_px square, its
 * aspect kept and its embedded orientation applied.  Decoding happens in a
 * worker thread.  Errors are %DOSSIER_ERROR codes (%DOSSIER_ERROR_TOO_LARGE,
 * %DOSSIER_ERROR_INVALID_RESPONSE, %DOSSIER_ERROR_NOT_FOUND, ...) meant to be
 * ignored by the caller, or %G_IO_ERROR_CANCELLED. */
void                  dossier_picture_loader_load_async  (DossierPictureLoader  *self,
                                                          const char            *url,
                                                          int                    size_px,
                                                          GCancellable          *cancellable,
                                                          GAsyncReadyCallback    callback,
                                                          gpointer               user_data);
GdkPixbuf            *dossier_picture_loader_load_finish (DossierPictureLoader  *self,
                                                          GAsyncResult          *result,
                                                          GError               **error);

/* Decodes @bytes as the loader does (sniffed PNG, JPEG or WebP only,
 * with the same pixel limits), scaled to fit @size_px.  Blocking. */
GdkPixbuf            *dossier_picture_decode             (GBytes                *bytes,
                                                          int                    size_px,
                                                          GError               **error);

G_END_DECLS
