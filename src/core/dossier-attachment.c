/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-attachment.h"
#include "dossier-json-private.h"

struct _DossierAttachment
{
  GObject      parent_instance;

  char        *attachment_type;
  char        *alt;
  char        *file_name;
  char        *original_file_name;
  char        *extension;
  char        *public_url;
  gint64       file_size;
  DossierDate *created_at;
  DossierDate *updated_at;
};

G_DEFINE_FINAL_TYPE (DossierAttachment, dossier_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ATTACHMENT_TYPE,
  PROP_FILE_NAME,
  PROP_ORIGINAL_FILE_NAME,
  PROP_PUBLIC_URL,
  PROP_FILE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_attachment_finalize (GObject *object)
{
  DossierAttachment *self = DOSSIER_ATTACHMENT (object);

  g_free (self->attachment_type);
  g_free (self->alt);
  g_free (self->file_name);
  g_free (self->original_file_name);
  g_free (self->extension);
  g_free (self->public_url);
  g_clear_object (&self->created_at);
  g_clear_object (&self->updated_at);

  G_OBJECT_CLASS (dossier_attachment_parent_class)->finalize (object);
}

static void
dossier_attachment_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierAttachment *self = DOSSIER_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ATTACHMENT_TYPE:
      g_value_set_string (value, self->attachment_type);
      break;
    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;
    case PROP_ORIGINAL_FILE_NAME:
      g_value_set_string (value, self->original_file_name);
      break;
    case PROP_PUBLIC_URL:
      g_value_set_string (value, self->public_url);
      break;
    case PROP_FILE_SIZE:
      g_value_set_int64 (value, self->file_size);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_attachment_class_init (DossierAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_attachment_finalize;
  object_class->get_property = dossier_attachment_get_property;

  properties[PROP_ATTACHMENT_TYPE] =
    g_param_spec_string ("attachment-type", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ORIGINAL_FILE_NAME] =
    g_param_spec_string ("original-file-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PUBLIC_URL] =
    g_param_spec_string ("public-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FILE_SIZE] =
    g_param_spec_int64 ("file-size", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_attachment_init (DossierAttachment *self)
{
  self->file_size = -1;
}

/* An integer, a whole double, or a string of digits ("12345", as once
 * sent); anything else, or a negative size, is unknown. */
static gint64
get_file_size (JsonNode *node)
{
  const char *text;
  guint64 size;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_INT64)
    return MAX (json_node_get_int (node), -1);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value;

      if (dossier_json_node_get_number (node, &value) && value >= 0 &&
          value < 9e18 && value == (double) (gint64) value)
        return (gint64) value;
      return -1;
    }

  if ((text = dossier_json_node_get_string (node)) != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT64, &size, NULL))
        return (gint64) size;
    }

  return -1;
}

static char *
dup_string (JsonObject *object,
            const char *name)
{
  const char *text = dossier_json_get_string (object, name);

  return text ? g_strstrip (g_strdup (text)) : NULL;
}

/**
 * dossier_attachment_new_from_node:
 * @node: (nullable): an entry of `attachments`
 *
 * Returns: (transfer full) (nullable): the attachment, or NULL when @node
 *   is not an object
 */
DossierAttachment *
dossier_attachment_new_from_node (JsonNode *node)
{
  JsonObject *object = dossier_json_node_get_object (node);
  DossierAttachment *self;

  if (object == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_ATTACHMENT, NULL);
  self->attachment_type = dup_string (object, "type");
  self->alt = dup_string (object, "alt");
  self->file_name = dup_string (object, "file_name");
  self->original_file_name = dup_string (object, "original_file_name");
  self->extension = dup_string (object, "extension");
  self->public_url = dup_string (object, "public_url");
  self->file_size = get_file_size (dossier_json_get_member (object, "file_size"));
  self->created_at = dossier_date_new_from_node (dossier_json_get_member (object, "created_at"));
  self->updated_at = dossier_date_new_from_node (dossier_json_get_member (object, "updated_at"));

  return self;
}

const char *
dossier_attachment_get_attachment_type (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->attachment_type;
}

const char *
dossier_attachment_get_alt (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->alt;
}

const char *
dossier_attachment_get_file_name (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->file_name;
}

const char *
dossier_attachment_get_original_file_name (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->original_file_name;
}

const char *
dossier_attachment_get_extension (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->extension;
}

const char *
dossier_attachment_get_public_url (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->public_url;
}

gint64
dossier_attachment_get_file_size (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), -1);

  return self->file_size;
}

DossierDate *
dossier_attachment_get_created_at (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->created_at;
}

DossierDate *
dossier_attachment_get_updated_at (DossierAttachment *self)
{
  g_return_val_if_fail (DOSSIER_IS_ATTACHMENT (self), NULL);

  return self->updated_at;
}
