/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

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

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
} StreamSink;

static gboolean
write_to_stream_cb (const char  *data,
                    gsize        size,
                    gpointer     user_data,
                    GError     **error)
{
  StreamSink *sink = user_data;

  return g_output_stream_write_all (sink->out, data, size, NULL, sink->cancellable, error);
}

/* For files without a local path (a GVfs location): write through a
 * replace stream, and on failure close it with a cancelled cancellable,
 * which discards the temporary file.  A plain close would rename the
 * half-written temporary over the target. */
static gboolean
replace_through_stream (GFile         *file,
                        const char    *text,
                        gsize          length,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  StreamSink sink;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable, error);
  if (out == NULL)
    return FALSE;

  sink = (StreamSink) { G_OUTPUT_STREAM (out), cancellable };
  if (dossier_json_pretty_print_to (text, length, write_to_stream_cb, &sink, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    return TRUE;

  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (out), abandon, NULL);
  return FALSE;
}

/* Local files: the export is written, as it is re-indented, to a temporary
 * file beside the target, which is renamed over the target only once all
 * of it is on disk.  A full disk, a size limit or a crash leave any
 * existing file as it was; no temporary file is left behind.  (GLib's
 * g_file_replace_contents() does not: on a failed write it still renames
 * the truncated temporary file into place.)
 *
 * This is what g_file_set_contents_full() does with
 * G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_ONLY_EXISTING, which
 * the export used before, except that it takes the text as it is made
 * rather than all at once (see dossier_json_pretty_print_to()).  Its error
 * messages are GLib's, from GLib's own translations, so that they read
 * exactly as they did. */

typedef struct
{
  int   fd;
  char *path;        /* the target */
  char *temp_path;
  gboolean sync;
} TempFile;

/* GLib's message formats are spelt out at each use (the compiler checks
 * each against its arguments); g_dgettext() on GLib's domain gives them as
 * GLib translates them. */
#define set_file_error(error, saved_errno, format, ...) \
  g_set_error ((error), G_FILE_ERROR, g_file_error_from_errno (saved_errno), \
               g_dgettext ("glib20", format), __VA_ARGS__)

static gboolean
write_to_temp_file_cb (const char  *data,
                       gsize        size,
                       gpointer     user_data,
                       GError     **error)
{
  TempFile *temp = user_data;

  while (size > 0)
    {
      gssize written = write (temp->fd, data, size);
      int saved_errno = errno;

      if (written < 0 && saved_errno == EINTR)
        continue;
      if (written < 0)
        {
          g_autofree char *name = g_filename_display_name (temp->temp_path);

          set_file_error (error, saved_errno, "Failed to write file “%s”: write() failed: %s",
                          name, g_strerror (saved_errno));
          return FALSE;
        }
      data += written;
      size -= written;
    }
  return TRUE;
}

/* Whether the new file must reach the disk before it replaces @path: only
 * when there is something to lose.  When there is no file yet, a crash can
 * at worst leave an empty one; waiting for the disk would cost as much as
 * the whole export (GLib decides the same way, see above). */
static gboolean
must_sync (const char *path)
{
  GStatBuf info;

  if (g_lstat (path, &info) == 0)
    return info.st_size > 0;
  return errno != ENOENT;
}

static gboolean
temp_file_open (TempFile    *temp,
                const char  *path,
                GError     **error)
{
  temp->path = g_strdup (path);
  temp->temp_path = g_strconcat (path, ".XXXXXX", NULL);
  temp->sync = must_sync (path);
  temp->fd = g_mkstemp_full (temp->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (temp->fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (temp->temp_path);

      set_file_error (error, saved_errno, "Failed to create file “%s”: %s",
                      name, g_strerror (saved_errno));
      g_clear_pointer (&temp->temp_path, g_free);
      g_clear_pointer (&temp->path, g_free);
      return FALSE;
    }
  return TRUE;
}

/* Removes the temporary file, if any: the target stays as it was. */
static void
temp_file_abandon (TempFile *temp)
{
  if (temp->fd >= 0)
    g_close (temp->fd, NULL);
  temp->fd = -1;
  if (temp->temp_path != NULL)
    g_unlink (temp->temp_path);
  g_clear_pointer (&temp->temp_path, g_free);
  g_clear_pointer (&temp->path, g_free);
}

/* Puts the written temporary file in place of the target. */
static gboolean
temp_file_commit (TempFile  *temp,
                  GError   **error)
{
  if (temp->sync && g_fsync (temp->fd) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (temp->temp_path);

      set_file_error (error, saved_errno, "Failed to write file “%s”: fsync() failed: %s",
                      name, g_strerror (saved_errno));
      temp_file_abandon (temp);
      return FALSE;
    }

  if (!g_close (temp->fd, error))
    {
      temp->fd = -1;
      temp_file_abandon (temp);
      return FALSE;
    }
  temp->fd = -1;

  if (g_rename (temp->temp_path, temp->path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display_temp = g_filename_display_name (temp->temp_path);
      g_autofree char *display_path = g_filename_display_name (temp->path);

      set_file_error (error, saved_errno, "Failed to rename file “%s” to “%s”: g_rename() failed: %s",
                      display_temp, display_path, g_strerror (saved_errno));
      temp_file_abandon (temp);
      return FALSE;
    }

  /* The rename itself reaches the disk with the folder. */
  if (temp->sync)
    {
      g_autofree char *dir = g_path_get_dirname (temp->path);
      int dir_fd = g_open (dir, O_RDONLY | O_CLOEXEC, 0);

      if (dir_fd >= 0)
        {
          g_fsync (dir_fd);
          g_close (dir_fd, NULL);
        }
    }

  g_clear_pointer (&temp->temp_path, g_free);
  g_clear_pointer (&temp->path, g_free);
  return TRUE;
}

static gboolean
write_local_file (const char   *path,
                  const char   *text,
                  gsize         length,
                  GError      **error)
{
  TempFile temp = { -1, NULL, NULL, FALSE };

  if (!temp_file_open (&temp, path, error))
    return FALSE;

  if (!dossier_json_pretty_print_to (text, length, write_to_temp_file_cb, &temp, error))
    {
      temp_file_abandon (&temp);
      return FALSE;
    }

  return temp_file_commit (&temp, error);
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
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *text;
  gsize length;
  gboolean written;

  g_return_val_if_fail (raw_json != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Re-indented from the received text, as dossier_exporter_serialize_json()
   * does, straight into the file. */
  text = g_bytes_get_data (raw_json, &length);
  path = g_file_peek_path (file);
  if (path != NULL)
    written = write_local_file (path, text, length, &local_error);
  else
    written = replace_through_stream (file, text, length, cancellable, &local_error);

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

/* Exporting while the answer arrives */

struct _DossierExportStream
{
  GFile    *file;
  char     *path;

  GMutex    lock;
  GCond     more;
  GBytes   *buffer;      /* the answer's buffer, being filled */
  gsize     available;   /* how much of it has come */
  gsize     length;      /* its announced length */
  gboolean  stop;
  GThread  *thread;

  /* The thread's own; read by the caller once it has ended. */
  TempFile  temp;
  gboolean  printed;
  gsize     data_start;
  gsize     data_end;
};

/* Prints `data` into a temporary file as the answer comes in.  Whatever
 * goes wrong here (the temporary file cannot be made, a write fails, the
 * answer is not as expected) only makes dossier_export_stream_finish()
 * write the export the usual way, which then reports what is wrong. */
static gpointer
follow_thread (gpointer user_data)
{
  DossierExportStream *self = user_data;
  g_autoptr(DossierJsonDataPrinter) printer = NULL;
  gsize fed = 0;

  if (!temp_file_open (&self->temp, self->path, NULL))
    return NULL;
  printer = dossier_json_data_printer_new (write_to_temp_file_cb, &self->temp);

  for (;;)
    {
      const char *text;
      gsize available, length;
      gboolean stop;

      g_mutex_lock (&self->lock);
      while (!self->stop && self->available == fed)
        g_cond_wait (&self->more, &self->lock);
      stop = self->stop;
      text = g_bytes_get_data (self->buffer, NULL);
      available = self->available;
      length = self->length;
      g_mutex_unlock (&self->lock);

      if (stop || !dossier_json_data_printer_feed (printer, text, available, available == length, NULL))
        break;
      fed = available;
      if (available == length)
        {
          self->printed = dossier_json_data_printer_get_data (printer, &self->data_start,
                                                              &self->data_end);
          break;
        }
    }

  return NULL;
}

DossierExportStream *
dossier_export_stream_new (GFile *file)
{
  DossierExportStream *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_new0 (DossierExportStream, 1);
  self->file = g_object_ref (file);
  self->path = g_strdup (g_file_peek_path (file));
  g_mutex_init (&self->lock);
  g_cond_init (&self->more);
  self->temp.fd = -1;
  return self;
}

void
dossier_export_stream_body_cb (GBytes   *buffer,
                               gsize     available,
                               gsize     length,
                               gpointer  user_data)
{
  DossierExportStream *self = user_data;

  /* GVfs locations are written the usual way, at the end. */
  if (self->path == NULL)
    return;

  g_mutex_lock (&self->lock);
  if (self->buffer == NULL)
    {
      self->buffer = g_bytes_ref (buffer);
      self->length = length;
    }
  /* Another buffer: stop following (see DossierBodyFunc). */
  if (buffer != self->buffer || length != self->length)
    self->stop = TRUE;
  else
    self->available = available;
  g_cond_signal (&self->more);
  g_mutex_unlock (&self->lock);

  /* Without a thread, the export is simply written at the end. */
  if (self->thread == NULL && !self->stop)
    self->thread = g_thread_try_new ("dossier-export", follow_thread, self, NULL);
}

/* Waits for the thread, after telling it to stop unless the whole answer
 * has come (it then finishes printing it). */
static void
join_thread (DossierExportStream *self)
{
  if (self->thread == NULL)
    return;

  g_mutex_lock (&self->lock);
  if (self->available != self->length)
    self->stop = TRUE;
  g_cond_signal (&self->more);
  g_mutex_unlock (&self->lock);

  g_thread_join (g_steal_pointer (&self->thread));
}

gboolean
dossier_export_stream_finish (DossierExportStream  *self,
                              GBytes               *raw_json,
                              GCancellable         *cancellable,
                              GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize length;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (raw_json != NULL, FALSE);

  join_thread (self);

  /* What the client returned is exactly what was printed: the same bytes,
   * so the same export as dossier_exporter_write_json() would write. */
  text = g_bytes_get_data (raw_json, &length);
  if (self->printed && !g_cancellable_is_cancelled (cancellable) &&
      text == (const char *) g_bytes_get_data (self->buffer, NULL) + self->data_start &&
      length == self->data_end - self->data_start)
    {
      if (!temp_file_commit (&self->temp, &local_error))
        {
          set_export_error (error, self->file, local_error);
          return FALSE;
        }
      return TRUE;
    }

  temp_file_abandon (&self->temp);
  return dossier_exporter_write_json (raw_json, self->file, cancellable, error);
}

void
dossier_export_stream_free (DossierExportStream *self)
{
  join_thread (self);
  temp_file_abandon (&self->temp);
  g_clear_pointer (&self->buffer, g_bytes_unref);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->more);
  g_object_unref (self->file);
  g_free (self->path);
  g_free (self);
}
