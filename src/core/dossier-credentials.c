/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-credentials.h"
#include "dossier-error.h"

#define ATTRIBUTE_API_BASE   "api-base"
#define ATTRIBUTE_USER_EMAIL "user-email"

struct _DossierCredentials
{
  GObject parent_instance;

  gboolean   persistent;
  char      *unavailable_reason;
  /* DossierAccount, keys loaded: the store of last resort when there is no
   * keyring.  Empty while the keyring works. */
  GPtrArray *memory;
};

G_DEFINE_FINAL_TYPE (DossierCredentials, dossier_credentials, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PERSISTENT,
  PROP_UNAVAILABLE_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef enum
{
  UNAVAILABLE_NO_SERVICE,
  UNAVAILABLE_NO_BUS,
  UNAVAILABLE_LOCKED,
  UNAVAILABLE_FAILED,
} Unavailable;

const SecretSchema *
dossier_credentials_get_schema (void)
{
  /* SECRET_SCHEMA_NONE: the schema name is stored as xdg:schema and matched,
   * so items written by other tools with that attribute are found. */
  static const SecretSchema schema = {
    DOSSIER_CREDENTIALS_SCHEMA_NAME, SECRET_SCHEMA_NONE,
    {
      { ATTRIBUTE_API_BASE, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { ATTRIBUTE_USER_EMAIL, SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* Attributes naming one account, or narrowing a search when either is NULL. */
static GHashTable *
attributes_new (const char *api_base,
                const char *user_email)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  if (api_base != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_API_BASE, (gpointer) api_base);
  if (user_email != NULL)
    g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_USER_EMAIL, (gpointer) user_email);

  return attributes;
}

/* Byte order, not the locale's collation: the choice among several accounts
 * must be the same whatever the language the command runs in. */
static int
compare_accounts (gconstpointer a,
                  gconstpointer b)
{
  DossierAccount *account_a = *(DossierAccount **) a;
  DossierAccount *account_b = *(DossierAccount **) b;
  int cmp;

  cmp = g_strcmp0 (dossier_account_get_user_email (account_a),
                   dossier_account_get_user_email (account_b));
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (dossier_account_get_api_base (account_a),
                    dossier_account_get_api_base (account_b));
}

static gboolean
account_matches (DossierAccount *account,
                 const char     *api_base,
                 const char     *user_email)
{
  return (api_base == NULL || g_strcmp0 (dossier_account_get_api_base (account), api_base) == 0) &&
         (user_email == NULL || g_strcmp0 (dossier_account_get_user_email (account), user_email) == 0);
}

static GListModel *
list_model_new (GPtrArray *accounts)
{
  GListStore *store = g_list_store_new (DOSSIER_TYPE_ACCOUNT);

  for (guint i = 0; i < accounts->len; i++)
    g_list_store_append (store, g_ptr_array_index (accounts, i));

  return G_LIST_MODEL (store);
}

/* The in-memory store. */

static void
memory_remove (DossierCredentials *self,
               DossierAccount     *account)
{
  for (guint i = self->memory->len; i > 0; i--)
    {
      if (dossier_account_same (g_ptr_array_index (self->memory, i - 1), account))
        g_ptr_array_remove_index (self->memory, i - 1);
    }
}

static void
memory_store (DossierCredentials *self,
              DossierAccount     *account)
{
  memory_remove (self, account);
  g_ptr_array_add (self->memory, g_object_ref (account));
}

static DossierAccount *
memory_lookup (DossierCredentials *self,
               const char         *api_base,
               const char         *user_email)
{
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();

  for (guint i = 0; i < self->memory->len; i++)
    {
      DossierAccount *account = g_ptr_array_index (self->memory, i);

      if (account_matches (account, api_base, user_email))
        g_ptr_array_add (matches, account);
    }

  if (matches->len == 0)
    return NULL;

  g_ptr_array_sort (matches, compare_accounts);
  return g_object_ref (g_ptr_array_index (matches, 0));
}

static GListModel *
memory_list (DossierCredentials *self)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->memory->len; i++)
    {
      DossierAccount *account = g_ptr_array_index (self->memory, i);

      /* The list never carries keys, whichever store it comes from. */
      g_ptr_array_add (sorted, dossier_account_new (dossier_account_get_api_base (account),
                                                    dossier_account_get_user_email (account),
                                                    NULL));
    }
  g_ptr_array_sort (sorted, compare_accounts);

  return list_model_new (sorted);
}

/* Judging the keyring's answers. */

/* The caller cancelled: not a keyring problem, and not to be reported. */
static gboolean
is_cancelled_by_caller (GTask        *task,
                        const GError *error)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
         cancellable != NULL && g_cancellable_is_cancelled (cancellable);
}

static Unavailable
classify_error (const GError *error)
{
  if (error == NULL)
    return UNAVAILABLE_LOCKED;

  /* Nobody owns org.freedesktop.secrets and nothing can be activated, or
   * what answers is not a Secret Service. */
  if (g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_NAME_HAS_NO_OWNER) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD) ||
      g_error_matches (error, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_INTERFACE))
    return UNAVAILABLE_NO_SERVICE;

  /* A prompt the user dismissed ends in a cancellation nobody asked for. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return UNAVAILABLE_LOCKED;

  /* No session bus at all: GIO cannot connect, or cannot even find an
   * address to connect to. */
  if (error->domain == G_IO_ERROR || error->domain == G_SPAWN_ERROR)
    return UNAVAILABLE_NO_BUS;

  return UNAVAILABLE_FAILED;
}

static char *
describe_unavailable (Unavailable   kind,
                      const GError *error)
{
  switch (kind)
    {
    case UNAVAILABLE_NO_SERVICE:
      return g_strdup (_("No keyring service is running, so your HrFlow account is kept only "
                         "until Dossier quits. To stay signed in, install and start a keyring "
                         "such as GNOME Keyring, then sign in again."));

    case UNAVAILABLE_NO_BUS:
      return g_strdup (_("Dossier could not reach the session message bus to use the keyring, "
                         "so your HrFlow account is kept only until Dossier quits. To stay "
                         "signed in, start Dossier from a desktop session, then sign in again."));

    case UNAVAILABLE_LOCKED:
      return g_strdup (_("The keyring stayed locked, so your HrFlow account is kept only until "
                         "Dossier quits. To stay signed in, unlock the keyring, then sign in "
                         "again."));

    case UNAVAILABLE_FAILED:
    default:
      return g_strdup_printf (_("The keyring could not be used (%s), so your HrFlow account is "
                                "kept only until Dossier quits. To stay signed in, check the "
                                "keyring, then sign in again."),
                              error != NULL ? error->message : _("unknown error"));
    }
}

/* Switches to memory for the rest of the run.  Only the first explanation
 * is kept: it is the one the user sees, once. */
static void
fall_back_to_memory (DossierCredentials *self,
                     const GError       *error)
{
  Unavailable kind;

  if (!self->persistent)
    return;

  kind = classify_error (error);
  /* The D-Bus error may name the bus address, never a key: a key is never
   * part of a request's arguments other than the encrypted secret. */
  g_debug ("Keyring unusable, keeping accounts in memory: %s",
           error != NULL ? error->message : "no answer (locked or dismissed)");

  self->persistent = FALSE;
  self->unavailable_reason = describe_unavailable (kind, error);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNAVAILABLE_REASON]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSISTENT]);
}

/* GObject. */

static void
dossier_credentials_finalize (GObject *object)
{
  DossierCredentials *self = DOSSIER_CREDENTIALS (object);

  g_clear_pointer (&self->unavailable_reason, g_free);
  g_clear_pointer (&self->memory, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_credentials_parent_class)->finalize (object);
}

static void
dossier_credentials_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierCredentials *self = DOSSIER_CREDENTIALS (object);

  switch (prop_id)
    {
    case PROP_PERSISTENT:
      g_value_set_boolean (value, self->persistent);
      break;

    case PROP_UNAVAILABLE_REASON:
      g_value_set_string (value, self->unavailable_reason);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_credentials_class_init (DossierCredentialsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_credentials_finalize;
  object_class->get_property = dossier_credentials_get_property;

  /**
   * DossierCredentials:persistent:
   *
   * Whether accounts are saved in the keyring.  Becomes %FALSE, once, when
   * the keyring turns out to be unusable.
   */
  properties[PROP_PERSISTENT] =
    g_param_spec_boolean ("persistent", NULL, NULL,
                          TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                           G_PARAM_STATIC_STRINGS));

  /**
   * DossierCredentials:unavailable-reason:
   *
   * Why accounts are kept in memory only, to tell the user once.
   */
  properties[PROP_UNAVAILABLE_REASON] =
    g_param_spec_string ("unavailable-reason", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_credentials_init (DossierCredentials *self)
{
  self->persistent = TRUE;
  self->memory = g_ptr_array_new_with_free_func (g_object_unref);
}

DossierCredentials *
dossier_credentials_new (void)
{
  return g_object_new (DOSSIER_TYPE_CREDENTIALS, NULL);
}

gboolean
dossier_credentials_get_persistent (DossierCredentials *self)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), FALSE);

  return self->persistent;
}

const char *
dossier_credentials_get_unavailable_reason (DossierCredentials *self)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), NULL);

  return self->unavailable_reason;
}

/* Store. */

static gboolean
validate_account (DossierAccount  *account,
                  gboolean         need_key,
                  GError         **error)
{
  const char *api_base = dossier_account_get_api_base (account);
  const char *user_email = dossier_account_get_user_email (account);
  const char *api_key = dossier_account_get_api_key (account);

  if (api_base == NULL || *api_base == '\0' || user_email == NULL || *user_email == '\0')
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                           _("The account has no API base URL or no user email. Enter both, "
                             "then sign in again."));
      return FALSE;
    }

  if (need_key && (api_key == NULL || *api_key == '\0'))
    {
      g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT,
                           _("The account has no API key. Enter the key, then sign in again."));
      return FALSE;
    }

  return TRUE;
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierCredentials *self = g_task_get_source_object (task);
  DossierAccount *account = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (secret_password_store_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (is_cancelled_by_caller (task, error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* FALSE without an error: the unlock prompt was dismissed.  Any other
   * failure: the keyring cannot be relied upon for this run.  Either way
   * the user can go on working with the account in memory. */
  fall_back_to_memory (self, error);
  memory_store (self, account);
  g_task_return_boolean (task, TRUE);
}

void
dossier_credentials_store_async (DossierCredentials  *self,
                                 DossierAccount      *account,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autofree char *label = NULL;
  GError *error = NULL;

  g_return_if_fail (DOSSIER_IS_CREDENTIALS (self));
  g_return_if_fail (DOSSIER_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_credentials_store_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  if (!validate_account (account, TRUE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!self->persistent)
    {
      memory_store (self, account);
      g_task_return_boolean (task, TRUE);
      return;
    }

  attributes = attributes_new (dossier_account_get_api_base (account),
                               dossier_account_get_user_email (account));
  /* Translators: the label of the keyring item, shown by keyring managers
   * such as Seahorse.  %s is the HrFlow user email. */
  label = g_strdup_printf (_("HrFlow API key for %s"), dossier_account_get_user_email (account));

  secret_password_storev (dossier_credentials_get_schema (),
                          attributes,
                          SECRET_COLLECTION_DEFAULT,
                          label,
                          dossier_account_get_api_key (account),
                          cancellable,
                          store_cb,
                          g_steal_pointer (&task));
}

gboolean
dossier_credentials_store_finish (DossierCredentials  *self,
                                  GAsyncResult        *result,
                                  GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_credentials_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Search results. */

/* Accounts named by search results, sorted and without duplicates (the
 * same account may be in two collections); keys are not loaded.  Items
 * missing an attribute (written by hand with a partial schema) are
 * skipped: they cannot be used. */
static GPtrArray *
accounts_from_retrievables (GList *retrievables)
{
  GPtrArray *accounts = g_ptr_array_new_with_free_func (g_object_unref);

  for (GList *l = retrievables; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (l->data);
      const char *api_base = g_hash_table_lookup (attributes, ATTRIBUTE_API_BASE);
      const char *user_email = g_hash_table_lookup (attributes, ATTRIBUTE_USER_EMAIL);
      g_autoptr(DossierAccount) account = NULL;
      gboolean duplicate = FALSE;

      if (api_base == NULL || *api_base == '\0' || user_email == NULL || *user_email == '\0')
        continue;

      account = dossier_account_new (api_base, user_email, NULL);
      for (guint i = 0; i < accounts->len && !duplicate; i++)
        duplicate = dossier_account_same (g_ptr_array_index (accounts, i), account);

      if (!duplicate)
        g_ptr_array_add (accounts, g_steal_pointer (&account));
    }

  g_ptr_array_sort (accounts, compare_accounts);
  return accounts;
}

/* Whether the search result for @account is a Secret Service item that is
 * locked, so that a lookup returning nothing means "stayed locked" rather
 * than "gone in between". */
static gboolean
is_locked (GList          *retrievables,
           DossierAccount *account)
{
  for (GList *l = retrievables; l != NULL; l = l->next)
    {
      g_autoptr(GHashTable) attributes = NULL;

      if (!SECRET_IS_ITEM (l->data) || !secret_item_get_locked (l->data))
        continue;

      attributes = secret_retrievable_get_attributes (l->data);
      if (account_matches (account,
                           g_hash_table_lookup (attributes, ATTRIBUTE_API_BASE),
                           g_hash_table_lookup (attributes, ATTRIBUTE_USER_EMAIL)))
        return TRUE;
    }

  return FALSE;
}

static void
free_retrievables (GList *retrievables)
{
  g_list_free_full (retrievables, g_object_unref);
}

/* Lookup.  Two steps: a search that reads attributes only, to choose the
 * account deterministically, then a lookup of that one account's secret,
 * which unlocks the keyring if needed. */

typedef struct
{
  char           *api_base;
  char           *user_email;
  DossierAccount *chosen;
  gboolean        chosen_was_locked;
} LookupData;

static void
lookup_data_free (LookupData *data)
{
  g_free (data->api_base);
  g_free (data->user_email);
  g_clear_object (&data->chosen);
  g_free (data);
}

static void
lookup_fall_back (GTask        *task,
                  const GError *error)
{
  DossierCredentials *self = g_task_get_source_object (task);
  LookupData *data = g_task_get_task_data (task);

  fall_back_to_memory (self, error);
  g_task_return_pointer (task, memory_lookup (self, data->api_base, data->user_email),
                         g_object_unref);
}

static void
lookup_secret_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  char *api_key;
  DossierAccount *account;

  api_key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    {
      if (is_cancelled_by_caller (task, error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        lookup_fall_back (task, error);
      return;
    }

  if (api_key == NULL)
    {
      if (data->chosen_was_locked)
        lookup_fall_back (task, NULL);
      else
        g_task_return_pointer (task, NULL, NULL);   /* removed in between */
      return;
    }

  /* A key stored from a shell (`echo KEY | secret-tool store …`) may end
   * with a newline; HrFlow keys never hold white space. */
  g_strchomp (api_key);

  account = dossier_account_new (dossier_account_get_api_base (data->chosen),
                                 dossier_account_get_user_email (data->chosen),
                                 api_key);
  secret_password_free (api_key);

  g_task_return_pointer (task, account, g_object_unref);
}

static void
lookup_search_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  LookupData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GList *retrievables;

  retrievables = secret_password_search_finish (result, &error);

  if (error != NULL)
    {
      if (is_cancelled_by_caller (task, error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        lookup_fall_back (task, error);
      return;
    }

  accounts = accounts_from_retrievables (retrievables);
  if (accounts->len == 0)
    {
      free_retrievables (retrievables);
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  data->chosen = g_object_ref (g_ptr_array_index (accounts, 0));
  data->chosen_was_locked = is_locked (retrievables, data->chosen);
  free_retrievables (retrievables);

  attributes = attributes_new (dossier_account_get_api_base (data->chosen),
                               dossier_account_get_user_email (data->chosen));
  secret_password_lookupv (dossier_credentials_get_schema (),
                           attributes,
                           cancellable,
                           lookup_secret_cb,
                           g_steal_pointer (&task));
}

void
dossier_credentials_lookup_async (DossierCredentials  *self,
                                  const char          *api_base,
                                  const char          *user_email,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  LookupData *data;

  g_return_if_fail (DOSSIER_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_credentials_lookup_async);

  data = g_new0 (LookupData, 1);
  data->api_base = g_strdup (api_base);
  data->user_email = g_strdup (user_email);
  g_task_set_task_data (task, data, (GDestroyNotify) lookup_data_free);

  if (!self->persistent)
    {
      g_task_return_pointer (task, memory_lookup (self, api_base, user_email), g_object_unref);
      return;
    }

  /* libsecret keeps the table and reads it later: point it at the task's
   * copies, not at the caller's strings, which may be gone by then. */
  attributes = attributes_new (data->api_base, data->user_email);
  secret_password_searchv (dossier_credentials_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL,
                           cancellable,
                           lookup_search_cb,
                           g_steal_pointer (&task));
}

DossierAccount *
dossier_credentials_lookup_finish (DossierCredentials  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_credentials_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* List. */

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierCredentials *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  GList *retrievables;

  retrievables = secret_password_search_finish (result, &error);

  if (error != NULL)
    {
      if (is_cancelled_by_caller (task, error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      fall_back_to_memory (self, error);
      g_task_return_pointer (task, memory_list (self), g_object_unref);
      return;
    }

  accounts = accounts_from_retrievables (retrievables);
  free_retrievables (retrievables);

  g_task_return_pointer (task, list_model_new (accounts), g_object_unref);
}

void
dossier_credentials_list_async (DossierCredentials  *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;

  g_return_if_fail (DOSSIER_IS_CREDENTIALS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_credentials_list_async);

  if (!self->persistent)
    {
      g_task_return_pointer (task, memory_list (self), g_object_unref);
      return;
    }

  /* Neither SECRET_SEARCH_UNLOCK nor SECRET_SEARCH_LOAD_SECRETS: listing
   * the accounts must not prompt, nor bring keys into this process. */
  attributes = attributes_new (NULL, NULL);
  secret_password_searchv (dossier_credentials_get_schema (),
                           attributes,
                           SECRET_SEARCH_ALL,
                           cancellable,
                           list_cb,
                           g_steal_pointer (&task));
}

GListModel *
dossier_credentials_list_finish (DossierCredentials  *self,
                                 GAsyncResult        *result,
                                 GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_credentials_list_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Delete.  libsecret clears only what it could unlock and reports "nothing
 * to remove" for an item that stayed locked, so a search (which sees locked
 * items too) confirms that the account is really gone. */

static void
delete_verify_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *left;

  left = secret_password_search_finish (result, &error);

  if (error != NULL)
    {
      if (is_cancelled_by_caller (task, error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_KEYRING,
                                 _("Dossier could not check that the API key was removed from the "
                                   "keyring (%s). Try to sign out again."),
                                 error->message);
      return;
    }

  if (left != NULL)
    {
      free_retrievables (left);
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_KEYRING,
                               _("The keyring stayed locked, so the API key is still saved. "
                                 "Unlock the keyring, then sign out again."));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
delete_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  DossierCredentials *self = g_task_get_source_object (task);
  GHashTable *attributes = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  /* TRUE or FALSE, it is the verification that tells. */
  secret_password_clear_finish (result, &error);

  if (error == NULL)
    {
      secret_password_searchv (dossier_credentials_get_schema (),
                               attributes,
                               SECRET_SEARCH_NONE,
                               cancellable,
                               delete_verify_cb,
                               g_steal_pointer (&task));
      return;
    }

  if (is_cancelled_by_caller (task, error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (classify_error (error))
    {
    case UNAVAILABLE_NO_SERVICE:
    case UNAVAILABLE_NO_BUS:
      /* Nothing can be in a keyring that is not there. */
      fall_back_to_memory (self, error);
      g_task_return_boolean (task, TRUE);
      break;

    case UNAVAILABLE_LOCKED:
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_KEYRING,
                               _("The keyring stayed locked, so the API key is still saved. "
                                 "Unlock the keyring, then sign out again."));
      break;

    case UNAVAILABLE_FAILED:
    default:
      g_task_return_new_error (task, DOSSIER_ERROR, DOSSIER_ERROR_KEYRING,
                               _("The API key could not be removed from the keyring (%s). "
                                 "Try to sign out again, or remove it with a keyring manager "
                                 "such as Passwords and Keys."),
                               error->message);
      break;
    }
}

void
dossier_credentials_delete_async (DossierCredentials  *self,
                                  DossierAccount      *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  GError *error = NULL;

  g_return_if_fail (DOSSIER_IS_CREDENTIALS (self));
  g_return_if_fail (DOSSIER_IS_ACCOUNT (account));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_credentials_delete_async);

  if (!validate_account (account, FALSE, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  memory_remove (self, account);

  if (!self->persistent)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Copied strings: the table outlives the call, for the verification. */
  attributes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_API_BASE,
                       g_strdup (dossier_account_get_api_base (account)));
  g_hash_table_insert (attributes, (gpointer) ATTRIBUTE_USER_EMAIL,
                       g_strdup (dossier_account_get_user_email (account)));
  g_task_set_task_data (task, g_hash_table_ref (attributes), (GDestroyNotify) g_hash_table_unref);

  secret_password_clearv (dossier_credentials_get_schema (),
                          attributes,
                          cancellable,
                          delete_cb,
                          g_steal_pointer (&task));
}

gboolean
dossier_credentials_delete_finish (DossierCredentials  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (DOSSIER_IS_CREDENTIALS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_credentials_delete_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
