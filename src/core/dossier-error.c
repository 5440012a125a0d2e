/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-error.h"

/* An extended error domain (GLib 2.68) lets the HTTP status and the API's
 * own message travel with the GError, so that the window can show the API's
 * words and the command line can print the status, without a side channel. */
typedef struct
{
  guint  http_status;
  char  *api_message;
  gint64 retry_after;
} DossierErrorPrivate;

static void
dossier_error_private_init (DossierErrorPrivate *priv)
{
  priv->retry_after = -1;
}

static void
dossier_error_private_copy (const DossierErrorPrivate *src,
                            DossierErrorPrivate       *dest)
{
  dest->http_status = src->http_status;
  dest->api_message = g_strdup (src->api_message);
  dest->retry_after = src->retry_after;
}

static void
dossier_error_private_clear (DossierErrorPrivate *priv)
{
  g_clear_pointer (&priv->api_message, g_free);
}

G_DEFINE_EXTENDED_ERROR (DossierError, dossier_error)

/**
 * dossier_error_set_http_details:
 * @error: a %DOSSIER_ERROR error
 * @http_status: the HTTP status, or 0
 * @api_message: (nullable): the `message` member of the API's answer
 * @retry_after_seconds: the Retry-After delay, or -1
 */
void
dossier_error_set_http_details (GError     *error,
                                guint       http_status,
                                const char *api_message,
                                gint64      retry_after_seconds)
{
  DossierErrorPrivate *priv;

  g_return_if_fail (error != NULL);

  priv = dossier_error_get_private (error);
  g_return_if_fail (priv != NULL);

  priv->http_status = http_status;
  g_free (priv->api_message);
  priv->api_message = g_strdup (api_message);
  priv->retry_after = retry_after_seconds;
}

guint
dossier_error_get_http_status (const GError *error)
{
  DossierErrorPrivate *priv;

  if (error == NULL || (priv = dossier_error_get_private (error)) == NULL)
    return 0;
  return priv->http_status;
}

const char *
dossier_error_get_api_message (const GError *error)
{
  DossierErrorPrivate *priv;

  if (error == NULL || (priv = dossier_error_get_private (error)) == NULL)
    return NULL;
  return priv->api_message;
}

gint64
dossier_error_get_retry_after (const GError *error)
{
  DossierErrorPrivate *priv;

  if (error == NULL || (priv = dossier_error_get_private (error)) == NULL)
    return -1;
  return priv->retry_after;
}

gboolean
dossier_error_is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}
