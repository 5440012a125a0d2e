/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsecret/secret.h>

#include "dossier-account.h"

struct _DossierAccount
{
  GObject parent_instance;

  char *api_base;
  char *user_email;
  /* Not a property on purpose: see the class documentation. */
  char *api_key;
};

G_DEFINE_FINAL_TYPE (DossierAccount, dossier_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_API_BASE,
  PROP_USER_EMAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_account_finalize (GObject *object)
{
  DossierAccount *self = DOSSIER_ACCOUNT (object);

  g_clear_pointer (&self->api_base, g_free);
  g_clear_pointer (&self->user_email, g_free);
  /* secret_password_free() wipes the bytes before freeing them, in a way
   * the compiler may not optimise away, unlike a memset before free. */
  g_clear_pointer (&self->api_key, secret_password_free);

  G_OBJECT_CLASS (dossier_account_parent_class)->finalize (object);
}

static void
dossier_account_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierAccount *self = DOSSIER_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_API_BASE:
      g_value_set_string (value, self->api_base);
      break;

    case PROP_USER_EMAIL:
      g_value_set_string (value, self->user_email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_account_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  DossierAccount *self = DOSSIER_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_API_BASE:
      self->api_base = g_value_dup_string (value);
      break;

    case PROP_USER_EMAIL:
      self->user_email = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_account_class_init (DossierAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_account_finalize;
  object_class->get_property = dossier_account_get_property;
  object_class->set_property = dossier_account_set_property;

  /**
   * DossierAccount:api-base:
   *
   * The HrFlow API base URL, e.g. `https://api.hrflow.ai/v1`.
   */
  properties[PROP_API_BASE] =
    g_param_spec_string ("api-base", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DossierAccount:user-email:
   *
   * The HrFlow user email sent with every request.
   */
  properties[PROP_USER_EMAIL] =
    g_param_spec_string ("user-email", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_account_init (DossierAccount *self)
{
}

/**
 * dossier_account_new:
 * @api_base: the API base URL
 * @user_email: the user email
 * @api_key: (nullable): the API key, or %NULL when it is not loaded
 *
 * Returns: (transfer full): a new account holding a copy of @api_key
 */
DossierAccount *
dossier_account_new (const char *api_base,
                     const char *user_email,
                     const char *api_key)
{
  DossierAccount *self;

  g_return_val_if_fail (api_base != NULL, NULL);
  g_return_val_if_fail (user_email != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_ACCOUNT,
                       "api-base", api_base,
                       "user-email", user_email,
                       NULL);
  self->api_key = g_strdup (api_key);

  return self;
}

const char *
dossier_account_get_api_base (DossierAccount *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACCOUNT (self), NULL);

  return self->api_base;
}

const char *
dossier_account_get_user_email (DossierAccount *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACCOUNT (self), NULL);

  return self->user_email;
}

const char *
dossier_account_get_api_key (DossierAccount *self)
{
  g_return_val_if_fail (DOSSIER_IS_ACCOUNT (self), NULL);

  return self->api_key;
}

gboolean
dossier_account_same (DossierAccount *self,
                      DossierAccount *other)
{
  g_return_val_if_fail (DOSSIER_IS_ACCOUNT (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_ACCOUNT (other), FALSE);

  return g_strcmp0 (self->api_base, other->api_base) == 0 &&
         g_strcmp0 (self->user_email, other->user_email) == 0;
}
