/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-consent.h"
#include "dossier-json-private.h"

struct _DossierConsent
{
  GObject     parent_instance;

  GStrv       permissions;
  /* permission name → DossierConsentState, as pointers */
  GHashTable *owner;
  GHashTable *controller;
};

G_DEFINE_FINAL_TYPE (DossierConsent, dossier_consent, G_TYPE_OBJECT)

/* The order in which HrFlow documents them; "upskilling" came later. */
/* NULL-terminated: g_strv_contains() reads it. */
static const char * const known_permissions[] = {
  "parsing", "revealing", "embedding", "searching", "scoring", "reasoning", "upskilling", NULL
};

static void
dossier_consent_finalize (GObject *object)
{
  DossierConsent *self = DOSSIER_CONSENT (object);

  g_strfreev (self->permissions);
  g_clear_pointer (&self->owner, g_hash_table_unref);
  g_clear_pointer (&self->controller, g_hash_table_unref);

  G_OBJECT_CLASS (dossier_consent_parent_class)->finalize (object);
}

static void
dossier_consent_class_init (DossierConsentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_consent_finalize;
}

static void
dossier_consent_init (DossierConsent *self)
{
  self->owner = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->controller = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Reads one party's map; every member name is a permission seen, even
 * when its value is not a boolean (it is then unset). */
static void
read_party (GHashTable *table,
            JsonObject *party,
            GPtrArray  *seen)
{
  g_autoptr(GList) members = NULL;

  if (party == NULL)
    return;

  members = json_object_get_members (party);
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = dossier_json_get_member (party, name);
      DossierConsentState state = DOSSIER_CONSENT_UNSET;

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        state = json_node_get_boolean (node) ? DOSSIER_CONSENT_GRANTED : DOSSIER_CONSENT_DENIED;

      g_hash_table_insert (table, g_strdup (name), GINT_TO_POINTER (state));
      if (!g_ptr_array_find_with_equal_func (seen, name, g_str_equal, NULL))
        g_ptr_array_add (seen, g_strdup (name));
    }
}

/**
 * dossier_consent_new_from_node:
 * @node: (nullable): the `consent_algorithmic` object
 *
 * Returns: (transfer full) (nullable): the consent, or NULL when @node is
 *   not an object
 */
DossierConsent *
dossier_consent_new_from_node (JsonNode *node)
{
  JsonObject *object = dossier_json_node_get_object (node);
  g_autoptr(GPtrArray) seen = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  DossierConsent *self;

  if (object == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_CONSENT, NULL);
  seen = g_ptr_array_new_with_free_func (g_free);
  read_party (self->owner, dossier_json_get_object (object, "owner"), seen);
  read_party (self->controller, dossier_json_get_object (object, "controller"), seen);

  /* Known permissions first, in their documented order, then the others
   * in the order they came. */
  builder = g_strv_builder_new ();
  for (guint i = 0; known_permissions[i] != NULL; i++)
    if (g_ptr_array_find_with_equal_func (seen, known_permissions[i], g_str_equal, NULL))
      g_strv_builder_add (builder, known_permissions[i]);
  for (guint i = 0; i < seen->len; i++)
    if (!g_strv_contains (known_permissions, g_ptr_array_index (seen, i)))
      g_strv_builder_add (builder, g_ptr_array_index (seen, i));
  self->permissions = g_strv_builder_end (builder);

  return self;
}

/**
 * dossier_consent_get_permissions:
 *
 * Returns: (transfer none) (array zero-terminated=1): the permission names,
 *   never NULL (possibly empty)
 */
const char * const *
dossier_consent_get_permissions (DossierConsent *self)
{
  g_return_val_if_fail (DOSSIER_IS_CONSENT (self), NULL);

  return (const char * const *) self->permissions;
}

static DossierConsentState
lookup (GHashTable *table,
        const char *permission)
{
  if (permission == NULL)
    return DOSSIER_CONSENT_UNSET;
  return GPOINTER_TO_INT (g_hash_table_lookup (table, permission));
}

DossierConsentState
dossier_consent_get_owner (DossierConsent *self,
                           const char     *permission)
{
  g_return_val_if_fail (DOSSIER_IS_CONSENT (self), DOSSIER_CONSENT_UNSET);

  return lookup (self->owner, permission);
}

DossierConsentState
dossier_consent_get_controller (DossierConsent *self,
                                const char     *permission)
{
  g_return_val_if_fail (DOSSIER_IS_CONSENT (self), DOSSIER_CONSENT_UNSET);

  return lookup (self->controller, permission);
}

const char *
dossier_consent_permission_to_label (const char *permission)
{
  if (permission == NULL)
    return NULL;

  /* The comments sit right above each string: xgettext gives translators
   * only a comment that immediately precedes the line of the call. */
  if (g_str_equal (permission, "parsing"))
    /* Translators: what the candidate allows an algorithm to do with the
     * profile, shown in a table: read the profile from the resume. */
    return _("Parsing");
  if (g_str_equal (permission, "revealing"))
    /* Translators: a consent permission: show the profile's hidden details. */
    return _("Revealing");
  if (g_str_equal (permission, "embedding"))
    /* Translators: a consent permission: turn the profile into a vector for
     * matching. */
    return _("Embedding");
  if (g_str_equal (permission, "searching"))
    /* Translators: a consent permission: find the profile in searches. */
    return _("Searching");
  if (g_str_equal (permission, "scoring"))
    /* Translators: a consent permission: score the profile against jobs. */
    return _("Scoring");
  if (g_str_equal (permission, "reasoning"))
    /* Translators: a consent permission: explain a score or a match. */
    return _("Reasoning");
  if (g_str_equal (permission, "upskilling"))
    /* Translators: a consent permission: suggest training to the candidate. */
    return _("Upskilling");

  return permission;
}
