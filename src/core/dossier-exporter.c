/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-json-text.h"

GBytes *
dossier_exporter_serialize (DossierProfile *profile)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (profile), NULL);

  return dossier_exporter_serialize_json (dossier_profile_get_raw_json (profile));
}

GBytes *
dossier_exporter_serialize_json (GBytes *raw_json)
{
  gsize size;
  const char *text;

  g_return_val_if_fail (raw_json != NULL, NULL);

  /* Re-indenting the received text, rather than generating it again from a
   * JsonNode, is what keeps the export lossless: json-glib would rewrite
   * numbers (45.51241 becomes 45.512410000000003) and drop duplicates. */
  text = g_bytes_get_data (raw_json, &size);
  return dossier_json_pretty_print (text, size);
}

static void
set_export_error (GError     **error,
                  GFile       *file,
                  const GError *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);

  g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_EXPORT_FAILED,
               /* Translators: the first %s is a file path, the second the reason. */
               _("Could not export the profile to “%s”: %s"), name, cause->message);
}

/* For files without a local path (a GVfs location): write through a
 * replace stream, and on failure close it with a cancelled cancellable,
 * which discards the temporary file.  A plain close would rename the
 * half-written temporary over the target. */
static gboolean
replace_through_stream (GFile         *file,
                        const char    *data,
                        gsize          size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;

  if (g_output_stream_write_all (G_OUTPUT_STREAM (out), data, size, NULL, cancellable, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return TRUE;

  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return FALSE;
}

gboolean
dossier_exporter_write (DossierProfile  *profile,
                        GFile           *file,
                        GCancellable    *cancellable,
                        GError         **error)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (profile), FALSE);

  return dossier_exporter_write_json (dossier_profile_get_raw_json (profile),
                                      file, cancellable, error);
}

gboolean
dossier_exporter_write_json (GBytes        *raw_json,
                             GFile         *file,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *data;
  gsize size;
  gboolean written;

  g_return_val_if_fail (raw_json != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  bytes = dossier_exporter_serialize_json (raw_json);
  data = g_bytes_get_data (bytes, &size);

  /* The export goes to a temporary file beside the target, which is renamed
   * over the target only once all of it is on disk: a full disk, a size
   * limit or a crash leave any existing file as it was.  (GLib's
   * g_file_replace_contents() does not: on a failed write it still renames
   * the truncated temporary file into place.) */
  path = g_file_peek_path (file);
  if (path != NULL)
    written = g_file_set_contents_full (path, data, size,
                                        G_FILE_SET_CONTENTS_CONSISTENT,
                                        0666, &local_error);
  else
    written = replace_through_stream (file, data, size, cancellable, &local_error);

  if (!written)
    {
      if (dossier_error_is_cancelled (local_error))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        set_export_error (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  DossierProfile *profile = task_data;
  GFile *file = source_object;
  GError *error = NULL;

  if (dossier_exporter_write (profile, file, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
dossier_exporter_write_async (DossierProfile      *profile,
                              GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (DOSSIER_IS_PROFILE (profile));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (file, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_exporter_write_async);
  g_task_set_task_data (task, g_object_ref (profile), g_object_unref);
  g_task_run_in_thread (task, write_thread);
}

gboolean
dossier_exporter_write_finish (GAsyncResult  *result,
                               GError       **error)
{
  /* The task's source object is the file being written. */
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, g_task_get_source_object (G_TASK (result))), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_exporter_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
