/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-download.h"
#include "dossier-error.h"

typedef struct
{
  SoupMessage   *message;
  GFile         *file;
  GInputStream  *input;
} Download;

static void
download_free (Download *download)
{
  g_clear_object (&download->message);
  g_clear_object (&download->file);
  g_clear_object (&download->input);
  g_free (download);
}

static void
fail (GTask        *task,
      GError       *error)
{
  Download *download = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_basename (download->file);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED,
                           /* TRANSLATORS: %s is a file name, the second %s the reason */
                           _("Could not save “%s”: %s"), name, error->message);
  g_error_free (error);
}

static void
splice_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, &error) < 0)
    {
      fail (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GFileOutputStream) output = NULL;
  GCancellable *cancellable;
  GError *error = NULL;

  output = g_file_replace_finish (G_FILE (object), result, &error);
  if (output == NULL)
    {
      fail (task, error);
      return;
    }

  /* GFile's replace writes beside the target and renames on close: a
   * broken download leaves any older file as it was. */
  cancellable = g_task_get_cancellable (task);
  g_output_stream_splice_async (G_OUTPUT_STREAM (output), download->input,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, cancellable,
                                splice_cb, g_steal_pointer (&task));
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  GCancellable *cancellable;
  GError *error = NULL;
  guint status;

  download->input = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (download->input == NULL)
    {
      fail (task, error);
      return;
    }

  status = soup_message_get_status (download->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      fail (task, g_error_new (DOSSIER_ERROR, DOSSIER_ERROR_NOT_FOUND,
                               /* TRANSLATORS: the reason after “Could not save “%s”: ”;
                                * %u is an HTTP status such as 404 */
                               _("the storage server answered with error %u"), status));
      return;
    }

  cancellable = g_task_get_cancellable (task);
  g_file_replace_async (download->file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, cancellable,
                        replace_cb, g_steal_pointer (&task));
}

void
dossier_download_to_file_async (SoupSession         *session,
                                const char          *url,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  Download *download;
  const char *scheme;

  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (url != NULL);
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_download_to_file_async);

  download = g_new0 (Download, 1);
  download->file = g_object_ref (file);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  uri = g_uri_parse (url, SOUP_HTTP_URI_FLAGS, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (scheme == NULL || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      fail (task, g_error_new_literal (DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                                       /* TRANSLATORS: the reason after “Could not save “%s”: ” */
                                       _("the attachment has no web address to download it from")));
      return;
    }

  /* A fresh message: no HrFlow header goes to the storage host. */
  download->message = soup_message_new_from_uri (SOUP_METHOD_GET, uri);
  soup_session_send_async (session, download->message, G_PRIORITY_DEFAULT, cancellable,
                           send_cb, g_steal_pointer (&task));
}

gboolean
dossier_download_to_file_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_download_to_file_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
