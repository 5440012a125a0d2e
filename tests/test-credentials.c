/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-credentials.h"
#include "dossier-error.h"
#include "dossier-test-bus.h"
#include "dossier-test-key.h"

#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <string.h>
#include <unistd.h>

/* Runs against the real gnome-keyring-daemon of the private session that
 * build-aux/run-tests.sh starts; the no-keyring cases run in subprocesses
 * given a bus without a Secret Service, or no bus at all.  Each test uses
 * API bases of its own so that tests never see each other's items. */

#define BASE_A "https://team-a.test-credentials.example/v1"
#define BASE_B "https://team-b.test-credentials.example/v1"

/* Waiting for async results on the default main context. */

static void
got_result_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static gboolean
store (DossierCredentials  *credentials,
       const char          *api_base,
       const char          *user_email,
       const char          *api_key,
       GCancellable        *cancellable,
       GError             **error)
{
  g_autoptr(DossierAccount) account = dossier_account_new (api_base, user_email, api_key);
  g_autoptr(GAsyncResult) result = NULL;

  dossier_credentials_store_async (credentials, account, cancellable, got_result_cb, &result);
  return dossier_credentials_store_finish (credentials, wait_for (&result), error);
}

static void
store_ok (DossierCredentials *credentials,
          const char         *api_base,
          const char         *user_email,
          const char         *api_key)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (store (credentials, api_base, user_email, api_key, NULL, &error));
  g_assert_no_error (error);
}

static DossierAccount *
lookup (DossierCredentials *credentials,
        const char         *api_base,
        const char         *user_email)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  DossierAccount *account;

  dossier_credentials_lookup_async (credentials, api_base, user_email, NULL, got_result_cb, &result);
  account = dossier_credentials_lookup_finish (credentials, wait_for (&result), &error);
  g_assert_no_error (error);

  return account;
}

static GListModel *
list (DossierCredentials *credentials)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *accounts;

  dossier_credentials_list_async (credentials, NULL, got_result_cb, &result);
  accounts = dossier_credentials_list_finish (credentials, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (accounts);

  return accounts;
}

static void
delete_ok (DossierCredentials *credentials,
           const char         *api_base,
           const char         *user_email)
{
  /* Without the key, as the window's Sign Out has it. */
  g_autoptr(DossierAccount) account = dossier_account_new (api_base, user_email, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  dossier_credentials_delete_async (credentials, account, NULL, got_result_cb, &result);
  g_assert_true (dossier_credentials_delete_finish (credentials, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
assert_account (DossierAccount *account,
                const char     *api_base,
                const char     *user_email,
                const char     *api_key)
{
  g_assert_nonnull (account);
  g_assert_cmpstr (dossier_account_get_api_base (account), ==, api_base);
  g_assert_cmpstr (dossier_account_get_user_email (account), ==, user_email);
  /* Compared without printing: an assertion message must not show a key. */
  if (api_key == NULL)
    g_assert_null (dossier_account_get_api_key (account));
  else
    g_assert_true (g_strcmp0 (dossier_account_get_api_key (account), api_key) == 0);
}

/* Accounts of @accounts whose base is @api_base, in order. */
static GPtrArray *
accounts_for_base (GListModel *accounts,
                   const char *api_base)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr(DossierAccount) account = g_list_model_get_item (accounts, i);

      g_assert_true (DOSSIER_IS_ACCOUNT (account));
      /* Listing never loads keys. */
      g_assert_null (dossier_account_get_api_key (account));
      if (g_strcmp0 (dossier_account_get_api_base (account), api_base) == 0)
        g_ptr_array_add (found, g_steal_pointer (&account));
    }

  return found;
}

/* Removes every item of @api_base left by an earlier run, straight through
 * libsecret so that a bug in the code under test cannot hide it. */
static void
clear_base (const char *api_base)
{
  g_autoptr(GError) error = NULL;

  secret_password_clear_sync (dossier_credentials_get_schema (), NULL, &error,
                              "api-base", api_base,
                              NULL);
  g_assert_no_error (error);
}

/* The items of @api_base as another program sees them. */
static GList *
search_items (const char *api_base,
              SecretSearchFlags flags)
{
  g_autoptr(GError) error = NULL;
  GList *items;

  items = secret_password_search_sync (dossier_credentials_get_schema (),
                                       SECRET_SEARCH_ALL | flags,
                                       NULL, &error,
                                       "api-base", api_base,
                                       NULL);
  g_assert_no_error (error);
  return items;
}

static void
test_schema (void)
{
  const SecretSchema *schema = dossier_credentials_get_schema ();

  g_assert_cmpstr (schema->name, ==, "io.github.hrdossier.Dossier.Credentials");
  g_assert_cmpstr (schema->name, ==, DOSSIER_CREDENTIALS_SCHEMA_NAME);
  g_assert_cmpint (schema->flags, ==, SECRET_SCHEMA_NONE);
  g_assert_cmpstr (schema->attributes[0].name, ==, "api-base");
  g_assert_cmpint (schema->attributes[0].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_cmpstr (schema->attributes[1].name, ==, "user-email");
  g_assert_cmpint (schema->attributes[1].type, ==, SECRET_SCHEMA_ATTRIBUTE_STRING);
  g_assert_null (schema->attributes[2].name);
}

/* Store two accounts, look each up, list, switch, sign out, look up again. */
static void
test_accounts (void)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(DossierAccount) first = NULL;
  g_autoptr(DossierAccount) second = NULL;
  g_autoptr(DossierAccount) any = NULL;
  g_autoptr(DossierAccount) other_base = NULL;
  g_autoptr(DossierAccount) gone = NULL;
  g_autoptr(DossierAccount) left = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GListModel) accounts_after = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) listed_after = NULL;

  clear_base (BASE_A);
  clear_base (BASE_B);

  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_credentials_get_persistent (credentials));
  g_assert_null (dossier_credentials_get_unavailable_reason (credentials));

  /* Each account by its email: switching between them. */
  first = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);
  assert_account (first, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  second = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL_2);
  assert_account (second, BASE_A, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);

  /* Without an email: the first email in byte order ("recruiter@" <
   * "second.team@"), whatever order they were stored in. */
  any = lookup (credentials, BASE_A, NULL);
  assert_account (any, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  /* Another base has none of them. */
  g_assert_null (lookup (credentials, BASE_B, NULL));
  g_assert_null (lookup (credentials, BASE_B, DOSSIER_TEST_USER_EMAIL));

  /* The list, sorted by email, without keys. */
  accounts = list (credentials);
  listed = accounts_for_base (accounts, BASE_A);
  g_assert_cmpuint (listed->len, ==, 2);
  assert_account (g_ptr_array_index (listed, 0), BASE_A, DOSSIER_TEST_USER_EMAIL, NULL);
  assert_account (g_ptr_array_index (listed, 1), BASE_A, DOSSIER_TEST_USER_EMAIL_2, NULL);

  /* The same email on another base is another account. */
  store_ok (credentials, BASE_B, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2);
  other_base = lookup (credentials, BASE_B, NULL);
  assert_account (other_base, BASE_B, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2);

  /* Sign out of the first: the second stays and becomes the default. */
  delete_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);
  gone = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);
  g_assert_null (gone);
  left = lookup (credentials, BASE_A, NULL);
  assert_account (left, BASE_A, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  g_clear_object (&left);

  /* Signing out twice is not an error. */
  delete_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);

  delete_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL_2);
  delete_ok (credentials, BASE_B, DOSSIER_TEST_USER_EMAIL);
  g_assert_null (lookup (credentials, BASE_A, NULL));
  g_assert_null (lookup (credentials, BASE_B, NULL));

  accounts_after = list (credentials);
  listed_after = accounts_for_base (accounts_after, BASE_A);
  g_assert_cmpuint (listed_after->len, ==, 0);
  g_clear_pointer (&listed_after, g_ptr_array_unref);
  listed_after = accounts_for_base (accounts_after, BASE_B);
  g_assert_cmpuint (listed_after->len, ==, 0);

  /* Nothing ever made the store fall back to memory. */
  g_assert_true (dossier_credentials_get_persistent (credentials));
}

/* The item as other tools see it: label, attributes, secret, collection. */
static void
test_item (void)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GHashTable) attributes = NULL;
  g_autoptr(GHashTable) search = NULL;
  g_autoptr(SecretValue) value = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GList *items;
  GList *in_default;
  GHashTableIter iter;
  gpointer name, attribute;
  const char *secret;
  gsize length;

  clear_base (BASE_A);
  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  items = search_items (BASE_A, SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS);
  g_assert_cmpuint (g_list_length (items), ==, 1);

  label = secret_retrievable_get_label (items->data);
  g_assert_cmpstr (label, ==, "HrFlow API key for " DOSSIER_TEST_USER_EMAIL);

  /* Exactly the schema's attributes, and the key in none of them: they are
   * stored unencrypted. */
  attributes = secret_retrievable_get_attributes (items->data);
  g_assert_cmpuint (g_hash_table_size (attributes), ==, 3);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "xdg:schema"), ==, DOSSIER_CREDENTIALS_SCHEMA_NAME);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "api-base"), ==, BASE_A);
  g_assert_cmpstr (g_hash_table_lookup (attributes, "user-email"), ==, DOSSIER_TEST_USER_EMAIL);
  g_hash_table_iter_init (&iter, attributes);
  while (g_hash_table_iter_next (&iter, &name, &attribute))
    {
      g_assert_null (strstr (name, "askr_"));
      g_assert_null (strstr (attribute, "askr_"));
      g_assert_null (strstr (attribute, DOSSIER_TEST_API_KEY + 5));
    }
  g_assert_null (strstr (label, DOSSIER_TEST_API_KEY + 5));

  /* The secret is the key, byte for byte: no newline, no envelope. */
  value = secret_retrievable_retrieve_secret_sync (items->data, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (value);
  secret = secret_value_get (value, &length);
  g_assert_cmpuint (length, ==, strlen (DOSSIER_TEST_API_KEY));
  g_assert_true (memcmp (secret, DOSSIER_TEST_API_KEY, length) == 0);
  g_assert_cmpstr (secret_value_get_content_type (value), ==, "text/plain");
  g_list_free_full (items, g_object_unref);

  /* In the default collection. */
  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  search = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_insert (search, (gpointer) "api-base", (gpointer) BASE_A);
  in_default = secret_collection_search_sync (collection, dossier_credentials_get_schema (),
                                              search, SECRET_SEARCH_ALL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_length (in_default), ==, 1);
  g_list_free_full (in_default, g_object_unref);

  /* Storing the same account again replaces the key: still one item. */
  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2);
  items = search_items (BASE_A, 0);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);
  {
    g_autoptr(DossierAccount) account = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);

    assert_account (account, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY_2);
  }

  clear_base (BASE_A);
}

/* An item written by another program with the published schema is used;
 * a key stored from a shell with its newline is trimmed. */
static void
test_foreign_item (void)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  clear_base (BASE_B);

  secret_password_store_sync (dossier_credentials_get_schema (), SECRET_COLLECTION_DEFAULT,
                              "x", DOSSIER_TEST_API_KEY "\n", NULL, &error,
                              "api-base", BASE_B,
                              "user-email", DOSSIER_TEST_USER_EMAIL,
                              NULL);
  g_assert_no_error (error);

  account = lookup (credentials, BASE_B, NULL);
  assert_account (account, BASE_B, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  clear_base (BASE_B);
}

static void
test_invalid (void)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (store (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, NULL, NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (store (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, "", NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_false (store (credentials, BASE_A, "", DOSSIER_TEST_API_KEY, NULL, &error));
  g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_true (dossier_credentials_get_persistent (credentials));
}

/* Cancelling is the caller's choice, not a missing keyring. */
static void
test_cancelled (void)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);

  g_assert_false (store (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY,
                         cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  dossier_credentials_lookup_async (credentials, BASE_A, NULL, cancellable, got_result_cb, &result);
  g_assert_null (dossier_credentials_lookup_finish (credentials, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_assert_true (dossier_credentials_get_persistent (credentials));
  g_assert_null (dossier_credentials_get_unavailable_reason (credentials));
}

/* Without a keyring: what the subprocesses check. */

static void
persistent_changed_cb (GObject    *object,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
check_memory_fallback (const char *expected_words)
{
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(DossierAccount) first = NULL;
  g_autoptr(DossierAccount) second = NULL;
  g_autoptr(DossierAccount) any = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autofree char *reason = NULL;
  guint notified = 0;

  g_signal_connect (credentials, "notify::persistent",
                    G_CALLBACK (persistent_changed_cb), &notified);

  g_assert_true (dossier_credentials_get_persistent (credentials));
  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);

  g_assert_false (dossier_credentials_get_persistent (credentials));
  g_assert_cmpuint (notified, ==, 1);
  reason = g_strdup (dossier_credentials_get_unavailable_reason (credentials));
  g_assert_nonnull (reason);
  g_assert_nonnull (strstr (reason, expected_words));
  g_assert_nonnull (strstr (reason, "until Dossier quits"));
  g_test_message ("Reason given: %s", reason);

  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);

  first = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);
  assert_account (first, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  second = lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL_2);
  assert_account (second, BASE_A, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  any = lookup (credentials, BASE_A, NULL);
  assert_account (any, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_null (lookup (credentials, BASE_B, NULL));

  accounts = list (credentials);
  listed = accounts_for_base (accounts, BASE_A);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 2);
  g_assert_cmpuint (listed->len, ==, 2);
  assert_account (g_ptr_array_index (listed, 0), BASE_A, DOSSIER_TEST_USER_EMAIL, NULL);

  delete_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL);
  g_assert_null (lookup (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL));

  /* Said once: the reason and the flag do not change again. */
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (dossier_credentials_get_unavailable_reason (credentials), ==, reason);

  /* A second object finds out for itself, from the first call it makes. */
  {
    g_autoptr(DossierCredentials) again = dossier_credentials_new ();

    g_assert_null (lookup (again, BASE_A, NULL));
    g_assert_false (dossier_credentials_get_persistent (again));
    g_assert_nonnull (dossier_credentials_get_unavailable_reason (again));
  }
}

static void
test_no_provider (void)
{
  g_autoptr(DossierTestBus) bus = NULL;
  g_autofree char *saved_address = NULL;

  if (g_test_subprocess ())
    {
      check_memory_fallback ("No keyring service");
      return;
    }

  bus = dossier_test_bus_new_without_secrets ();
  if (bus == NULL)
    return;
  g_test_message ("Private bus without a Secret Service: %s", bus->address);

  saved_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", bus->address, TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved_address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved_address, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  g_test_trap_assert_passed ();
}

static void
test_no_bus (void)
{
  g_autofree char *saved_address = NULL;

  if (g_test_subprocess ())
    {
      check_memory_fallback ("message bus");
      return;
    }

  saved_address = g_strdup (g_getenv ("DBUS_SESSION_BUS_ADDRESS"));
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent", TRUE);
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  if (saved_address != NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", saved_address, TRUE);
  else
    g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  g_test_trap_assert_passed ();
}

/* A keyring that stays locked: the unlock prompt cannot be shown (no
 * display), which libsecret reports as a dismissed prompt.  Locking the
 * keyring that the other tests share would break them, so this runs in a
 * session bus and keyring of its own. */

static char *test_binary;

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            rm_rf (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
check_locked (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(DossierCredentials) credentials = dossier_credentials_new ();
  g_autoptr(DossierCredentials) later = dossier_credentials_new ();
  g_autoptr(DossierAccount) account = NULL;
  g_autoptr(DossierAccount) in_memory = NULL;
  g_autoptr(GListModel) accounts = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GList *to_lock = NULL;
  GList *items;

  store_ok (credentials, BASE_A, DOSSIER_TEST_USER_EMAIL, DOSSIER_TEST_API_KEY);
  g_assert_true (dossier_credentials_get_persistent (credentials));

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);
  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  to_lock = g_list_append (to_lock, collection);
  g_assert_cmpint (secret_service_lock_sync (service, to_lock, NULL, NULL, &error), ==, 1);
  g_assert_no_error (error);
  g_list_free (to_lock);

  /* Listing reads attributes only: no prompt, still persistent. */
  accounts = list (later);
  g_assert_cmpuint (g_list_model_get_n_items (accounts), ==, 1);
  g_assert_true (dossier_credentials_get_persistent (later));

  /* Signing out of a locked keyring must not pretend to have worked. */
  {
    g_autoptr(DossierAccount) to_delete = dossier_account_new (BASE_A, DOSSIER_TEST_USER_EMAIL, NULL);

    dossier_credentials_delete_async (later, to_delete, NULL, got_result_cb, &result);
    g_assert_false (dossier_credentials_delete_finish (later, wait_for (&result), &error));
    g_assert_error (error, DOSSIER_ERROR, DOSSIER_ERROR_KEYRING);
    g_assert_nonnull (strstr (error->message, "locked"));
    g_clear_error (&error);
    g_clear_object (&result);
  }
  items = search_items (BASE_A, 0);
  g_assert_cmpuint (g_list_length (items), ==, 1);
  g_list_free_full (items, g_object_unref);

  /* Looking the key up needs the prompt: it is "dismissed", so the run goes
   * on in memory. */
  account = lookup (later, BASE_A, DOSSIER_TEST_USER_EMAIL);
  g_assert_null (account);
  g_assert_false (dossier_credentials_get_persistent (later));
  g_assert_nonnull (strstr (dossier_credentials_get_unavailable_reason (later), "stayed locked"));

  store_ok (later, BASE_B, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
  in_memory = lookup (later, BASE_B, NULL);
  assert_account (in_memory, BASE_B, DOSSIER_TEST_USER_EMAIL_2, DOSSIER_TEST_API_KEY_2);
}

static void
test_locked (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *home = NULL;
  g_autofree char *runtime = NULL;
  g_autofree char *out = NULL;
  g_autofree char *dbus_run_session = g_find_program_in_path ("dbus-run-session");
  g_autofree char *keyring_daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_auto(GStrv) lines = NULL;

  if (g_getenv ("DOSSIER_TEST_LOCKED_CHILD") != NULL)
    {
      check_locked ();
      return;
    }

  if (dbus_run_session == NULL || keyring_daemon == NULL)
    {
      g_test_skip ("dbus-run-session or gnome-keyring-daemon is not installed");
      return;
    }

  scratch = g_dir_make_tmp ("dossier-locked-XXXXXX", &error);
  g_assert_no_error (error);
  home = g_build_filename (scratch, "home", NULL);
  runtime = g_build_filename (scratch, "run", NULL);
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_setenv (launcher, "DOSSIER_TEST_LOCKED_CHILD", "1", TRUE);
  /* A keyring of its own: its own files and its own control socket. */
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  /* No display: the unlock prompt fails at once instead of waiting for a
   * click on an invisible window. */
  g_subprocess_launcher_unsetenv (launcher, "DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "WAYLAND_DISPLAY");
  g_subprocess_launcher_unsetenv (launcher, "DBUS_SESSION_BUS_ADDRESS");
  g_subprocess_launcher_unsetenv (launcher, "GNOME_KEYRING_CONTROL");

  child = g_subprocess_launcher_spawn (launcher, &error,
                                       dbus_run_session, "--", "sh", "-c",
                                       "printf %s dossier-locked | gnome-keyring-daemon --unlock "
                                       "--components=secrets >/dev/null && "
                                       "exec \"$0\" -p /credentials/locked",
                                       test_binary,
                                       NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (child, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);

  /* Its output goes to the log as comments: it is not TAP. */
  lines = g_strsplit (out != NULL ? out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_test_message ("locked: %s", lines[i]);

  g_assert_true (g_subprocess_get_if_exited (child));
  g_assert_cmpint (g_subprocess_get_exit_status (child), ==, 0);
  /* It really ran the checks. */
  g_assert_nonnull (strstr (out, "ok 1 /credentials/locked"));
  g_assert_null (strstr (out, "not ok"));

  rm_rf (scratch);
}

int
main (int   argc,
      char *argv[])
{
  test_binary = g_canonicalize_filename (argv[0], NULL);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credentials/schema", test_schema);
  g_test_add_func ("/credentials/accounts", test_accounts);
  g_test_add_func ("/credentials/item", test_item);
  g_test_add_func ("/credentials/foreign-item", test_foreign_item);
  g_test_add_func ("/credentials/invalid", test_invalid);
  g_test_add_func ("/credentials/cancelled", test_cancelled);
  g_test_add_func ("/credentials/no-provider", test_no_provider);
  g_test_add_func ("/credentials/no-bus", test_no_bus);
  g_test_add_func ("/credentials/locked", test_locked);

  return g_test_run ();
}
