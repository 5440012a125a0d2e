/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-attachment-row.h"

#include "dossier-format.h"

#include <glib/gi18n.h>

struct _DossierAttachmentRow
{
  DossierTitleRow    parent_instance;

  GtkWidget         *open_button;
  GtkWidget         *save_button;

  DossierAttachment *attachment;
};

G_DEFINE_FINAL_TYPE (DossierAttachmentRow, dossier_attachment_row, DOSSIER_TYPE_TITLE_ROW)

enum {
  SIGNAL_OPEN,
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

const char *
dossier_attachment_type_to_label (const char *type)
{
  if (is_empty (type))
    return NULL;

  if (g_ascii_strcasecmp (type, "original") == 0)
    /* Translators: kinds of files attached to a profile: the file the
     * profile was made from, the resume, the cover letter, any other file. */
    return C_("attachment type", "Original File");
  if (g_ascii_strcasecmp (type, "resume") == 0)
    return C_("attachment type", "Resume");
  if (g_ascii_strcasecmp (type, "cover") == 0)
    return C_("attachment type", "Cover Letter");
  if (g_ascii_strcasecmp (type, "other") == 0)
    return C_("attachment type", "Other File");

  return type;
}

static void
open_clicked_cb (DossierAttachmentRow *self)
{
  g_signal_emit (self, signals[SIGNAL_OPEN], 0);
}

static void
save_clicked_cb (DossierAttachmentRow *self)
{
  g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

DossierAttachment *
dossier_attachment_row_get_attachment (DossierAttachmentRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT_ROW (self), NULL);

  return self->attachment;
}

static void
dossier_attachment_row_dispose (GObject *object)
{
  DossierAttachmentRow *self = DOSSIER_ATTACHMENT_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ATTACHMENT_ROW);
  g_clear_object (&self->attachment);

  G_OBJECT_CLASS (dossier_attachment_row_parent_class)->dispose (object);
}

static void
dossier_attachment_row_class_init (DossierAttachmentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_attachment_row_dispose;

  /**
   * DossierAttachmentRow::open:
   *
   * The recruiter asked to open the file.
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);
  /**
   * DossierAttachmentRow::save:
   *
   * The recruiter asked to save a copy of the file.
   */
  signals[SIGNAL_SAVE] = g_signal_new ("save",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-attachment-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierAttachmentRow, open_button);
  gtk_widget_class_bind_template_child (widget_class, DossierAttachmentRow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, open_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
dossier_attachment_row_init (DossierAttachmentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  dossier_title_row_set_title_lines (DOSSIER_TITLE_ROW (self), 2);
}

static char *
dup_subtitle (DossierAttachment *attachment)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *type = dossier_attachment_type_to_label (dossier_attachment_get_attachment_type (attachment));
  const char *extension = dossier_attachment_get_extension (attachment);
  gint64 size = dossier_attachment_get_file_size (attachment);
  char *date;

  if (type != NULL)
    g_ptr_array_add (parts, g_strdup (type));
  if (!is_empty (extension))
    {
      /* ".pdf" → "PDF", as file managers name types. */
      while (*extension == '.')
        extension++;
      if (*extension != '\0')
        g_ptr_array_add (parts, g_utf8_strup (extension, -1));
    }
  if (size >= 0)
    g_ptr_array_add (parts, g_format_size ((guint64) size));

  date = dossier_format_date (dossier_attachment_get_created_at (attachment));
  if (date != NULL)
    g_ptr_array_add (parts, date);

  if (parts->len == 0)
    return NULL;

  g_ptr_array_add (parts, NULL);
  return dossier_format_join (C_("subtitle separator", " · "), (const char * const *) parts->pdata);
}

GtkWidget *
dossier_attachment_row_new (DossierAttachment *attachment)
{
  DossierAttachmentRow *self;
  g_autofree char *subtitle = NULL;
  const char *name;
  gboolean can_fetch;

  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (DOSSIER_TYPE_ATTACHMENT_ROW, NULL);
  self->attachment = g_object_ref (attachment);

  name = dossier_attachment_get_original_file_name (attachment);
  if (is_empty (name))
    name = dossier_attachment_get_file_name (attachment);
  if (is_empty (name))
    name = dossier_attachment_get_alt (attachment);
  if (is_empty (name))
    name = _("Unnamed File");

  dossier_title_row_set_title (DOSSIER_TITLE_ROW (self), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), name);
  subtitle = dup_subtitle (attachment);
  if (subtitle != NULL)
    dossier_title_row_set_subtitle (DOSSIER_TITLE_ROW (self), subtitle);

  can_fetch = !is_empty (dossier_attachment_get_public_url (attachment));
  gtk_widget_set_visible (self->open_button, can_fetch);
  gtk_widget_set_visible (self->save_button, can_fetch);

  return GTK_WIDGET (self);
}
