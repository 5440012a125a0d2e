/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-link.h"

struct _DossierLink
{
  GObject          parent_instance;

  DossierLinkType  link_type;
  char            *url;
};

G_DEFINE_FINAL_TYPE (DossierLink, dossier_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_URL,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_link_finalize (GObject *object)
{
  DossierLink *self = DOSSIER_LINK (object);

  g_free (self->url);

  G_OBJECT_CLASS (dossier_link_parent_class)->finalize (object);
}

static void
dossier_link_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  DossierLink *self = DOSSIER_LINK (object);

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_LABEL:
      g_value_set_string (value, dossier_link_type_to_label (self->link_type));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_link_class_init (DossierLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_link_finalize;
  object_class->get_property = dossier_link_get_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The translated name of the link's type, for a row title. */
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_link_init (DossierLink *self)
{
}

/**
 * dossier_link_new:
 * @type: what kind of link
 * @url: the address
 *
 * Returns: (transfer full): a new link
 */
DossierLink *
dossier_link_new (DossierLinkType  type,
                  const char      *url)
{
  DossierLink *self;

  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LINK, NULL);
  self->link_type = type;
  self->url = g_strdup (url);

  return self;
}

DossierLinkType
dossier_link_get_link_type (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), DOSSIER_LINK_OTHER);

  return self->link_type;
}

const char *
dossier_link_get_url (DossierLink *self)
{
  g_return_val_if_fail (DOSSIER_IS_LINK (self), NULL);

  return self->url;
}

const char *
dossier_link_type_to_label (DossierLinkType type)
{
  switch (type)
    {
    case DOSSIER_LINK_FROM_RESUME:
      /* Translators: a link found in the text of the candidate's resume. */
      return _("From the Resume");
    case DOSSIER_LINK_LINKEDIN:
      return _("LinkedIn");
    case DOSSIER_LINK_TWITTER:
      return _("Twitter");
    case DOSSIER_LINK_FACEBOOK:
      return _("Facebook");
    case DOSSIER_LINK_GITHUB:
      return _("GitHub");
    case DOSSIER_LINK_OTHER:
    default:
      return _("Link");
    }
}
