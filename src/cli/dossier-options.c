/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-error.h"
#include "dossier-options.h"

void
dossier_options_free (DossierOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->api_base);
  g_free (options->source_key);
  g_free (options->identifier);
  g_free (options->export_path);
  g_free (options->user_email);
  g_strfreev (options->files);
  g_free (options);
}

/* Usage errors are G_OPTION_ERROR, like GOption's own: exit status 2. */
static gpointer
usage_error (GError     **error,
             const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return NULL;
}

DossierOptions *
dossier_options_parse (const char * const  *args,
                       GError             **error)
{
  g_autoptr(DossierOptions) options = g_new0 (DossierOptions, 1);
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *key = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *email = NULL;
  g_auto(GStrv) argv = g_strdupv ((char **) args);
  gboolean gapplication_service = FALSE;
  guint n_identifiers;
  const GOptionEntry entries[] = {
    { "api-base", 0, 0, G_OPTION_ARG_STRING, &options->api_base,
      N_("HrFlow API base URL (default: https://api.hrflow.ai/v1)"), N_("URL") },
    { "source", 's', 0, G_OPTION_ARG_STRING, &options->source_key,
      N_("Key of the source that holds the profile"), N_("SOURCE_KEY") },
    { "key", 'k', 0, G_OPTION_ARG_STRING, &key,
      N_("Look the profile up by its key"), N_("KEY") },
    { "reference", 'r', 0, G_OPTION_ARG_STRING, &reference,
      N_("Look the profile up by its reference"), N_("REFERENCE") },
    { "email", 'e', 0, G_OPTION_ARG_STRING, &email,
      N_("Look the profile up by the candidate’s email"), N_("EMAIL") },
    { "export", 'o', 0, G_OPTION_ARG_FILENAME, &options->export_path,
      N_("Write the profile as JSON to FILE (“-” for standard output) without opening a window"), N_("FILE") },
    { "user-email", 'u', 0, G_OPTION_ARG_STRING, &options->user_email,
      N_("Use the stored account of this HrFlow user"), N_("EMAIL") },
    { "demo", 0, 0, G_OPTION_ARG_NONE, &options->demo,
      N_("Explore sample profiles without an HrFlow account"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &options->version,
      N_("Show the version and exit"), NULL },
    /* GApplication's own option, with which the D-Bus service file starts
     * Dossier when a launcher activates it (DBusActivatable): accepted here
     * so that it reaches GApplication instead of failing as unknown. */
    { "gapplication-service", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &gapplication_service,
      NULL, NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &options->files,
      NULL, N_("[FILE.json…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Look up a candidate in HrFlow, read the profile, and export it as JSON."));
  g_option_context_set_description (context,
                                    _("The API key and user email come from the keyring (sign in once in the window), "
                                      "or from the HRFLOW_API_KEY and HRFLOW_USER_EMAIL environment variables."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &argv, error))
    return NULL;

  n_identifiers = (key != NULL) + (reference != NULL) + (email != NULL);
  if (n_identifiers > 1)
    return usage_error (error, _("Give only one of --key, --reference and --email."));

  if (key != NULL)
    {
      options->identifier_kind = DOSSIER_IDENTIFIER_KEY;
      options->identifier = g_steal_pointer (&key);
    }
  else if (reference != NULL)
    {
      options->identifier_kind = DOSSIER_IDENTIFIER_REFERENCE;
      options->identifier = g_steal_pointer (&reference);
    }
  else if (email != NULL)
    {
      options->identifier_kind = DOSSIER_IDENTIFIER_EMAIL;
      options->identifier = g_steal_pointer (&email);
    }

  if (options->identifier != NULL && *options->identifier == '\0')
    return usage_error (error, _("The profile identifier is empty."));

  if (options->source_key != NULL && *options->source_key == '\0')
    return usage_error (error, _("The source key is empty."));

  if (options->identifier != NULL && options->source_key == NULL)
    return usage_error (error, _("A lookup needs the source key: add --source."));

  if (options->source_key != NULL && options->identifier == NULL)
    return usage_error (error, _("A lookup needs one of --key, --reference or --email."));

  if (options->export_path != NULL && options->identifier == NULL)
    return usage_error (error, _("--export needs a lookup: add --source and one of --key, --reference or --email."));

  if (options->export_path != NULL && options->files != NULL)
    return usage_error (error, _("--export cannot be combined with files to open."));

  if (options->export_path != NULL && options->demo)
    return usage_error (error, _("--export cannot be combined with --demo."));

  if (options->api_base != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!dossier_api_base_validate (options->api_base, &local_error))
        return usage_error (error, local_error->message);
    }

  return g_steal_pointer (&options);
}
