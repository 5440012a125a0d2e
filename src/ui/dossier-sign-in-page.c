/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "dossier-sign-in-page.h"

#include "dossier-client.h"
#include "dossier-error.h"

typedef enum
{
  FIELD_EMAIL,
  FIELD_KEY,
  FIELD_API_BASE,
  N_FIELDS
} Field;

struct _DossierSignInPage
{
  AdwBin parent_instance;

  AdwEntryRow        *email_row;
  GtkListBoxRow      *email_error_row;
  GtkLabel           *email_error_label;
  AdwEntryRow        *key_row;
  GtkListBoxRow      *key_error_row;
  GtkLabel           *key_error_label;
  AdwExpanderRow     *advanced_row;
  AdwEntryRow        *api_base_row;
  GtkListBoxRow      *api_base_error_row;
  GtkLabel           *api_base_error_label;
  GtkLabel           *status_label;
  GtkButton          *sign_in_button;
  GtkSpinner         *spinner;

  SoupSession        *session;
  DossierCredentials *credentials;
  GCancellable       *cancellable;
  gboolean            busy;
};

G_DEFINE_FINAL_TYPE (DossierSignInPage, dossier_sign_in_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CREDENTIALS,
  N_PROPS
};

enum {
  SIGNED_IN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One sign-in attempt, from the check to the keyring.  It does not hold a
 * reference on the page: the page cancels the attempt when it goes away,
 * and the callbacks look at the cancellation before touching the page. */
typedef struct
{
  DossierSignInPage *self;
  DossierClient     *client;
  DossierAccount    *account;
} Attempt;

static void
attempt_free (Attempt *attempt)
{
  g_clear_object (&attempt->client);
  g_clear_object (&attempt->account);
  g_free (attempt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Attempt, attempt_free)

/* Copies of what was typed are wiped, not just freed, when they may hold
 * the key. */
static void
wipe_string (char *text)
{
  if (text != NULL)
    secret_password_wipe (text);
  g_free (text);
}

typedef char char_wiped;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (char_wiped, wipe_string)

/* Field errors: a line under the row at fault, the row marked, its
 * accessible description set so that a screen reader says why. */

static void
get_field (DossierSignInPage  *self,
           Field               field,
           GtkWidget         **row,
           GtkWidget         **error_row,
           GtkLabel          **error_label)
{
  switch (field)
    {
    case FIELD_EMAIL:
      *row = GTK_WIDGET (self->email_row);
      *error_row = GTK_WIDGET (self->email_error_row);
      *error_label = self->email_error_label;
      break;

    case FIELD_KEY:
      *row = GTK_WIDGET (self->key_row);
      *error_row = GTK_WIDGET (self->key_error_row);
      *error_label = self->key_error_label;
      break;

    case FIELD_API_BASE:
    case N_FIELDS:
    default:
      *row = GTK_WIDGET (self->api_base_row);
      *error_row = GTK_WIDGET (self->api_base_error_row);
      *error_label = self->api_base_error_label;
      break;
    }
}

static void
show_field_error (DossierSignInPage *self,
                  Field              field,
                  const char        *message)
{
  GtkWidget *row, *error_row;
  GtkLabel *error_label;

  get_field (self, field, &row, &error_row, &error_label);

  gtk_label_set_text (error_label, message);
  gtk_widget_set_visible (error_row, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);

  /* The base URL hides under Advanced: open it to show what is wrong. */
  if (field == FIELD_API_BASE)
    adw_expander_row_set_expanded (self->advanced_row, TRUE);

  gtk_widget_grab_focus (row);
}

static void
clear_field_error (DossierSignInPage *self,
                   Field              field)
{
  GtkWidget *row, *error_row;
  GtkLabel *error_label;

  get_field (self, field, &row, &error_row, &error_label);

  gtk_widget_set_visible (error_row, FALSE);
  gtk_label_set_text (error_label, "");
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

typedef enum
{
  STATUS_NONE,
  STATUS_SUCCESS,
  STATUS_ERROR,
} StatusKind;

static void
set_status (DossierSignInPage *self,
            StatusKind         kind,
            const char        *message)
{
  GtkWidget *label = GTK_WIDGET (self->status_label);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");

  if (kind == STATUS_NONE)
    {
      gtk_widget_set_visible (label, FALSE);
      gtk_label_set_text (self->status_label, "");
      return;
    }

  gtk_widget_add_css_class (label, kind == STATUS_SUCCESS ? "success" : "error");
  gtk_label_set_text (self->status_label, message);
  gtk_widget_set_visible (label, TRUE);
}

static void
set_busy (DossierSignInPage *self,
          gboolean           busy)
{
  self->busy = busy;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", !busy);

  /* Read-only rather than insensitive: GTK 4.8 warns when a focused text
   * field becomes insensitive, and the focus should stay where it is. */
  gtk_editable_set_editable (GTK_EDITABLE (self->email_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->key_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->api_base_row), !busy);
}

/* Checks of what was typed, before anything is sent. */

static gboolean
has_space_or_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if ((guchar) *p <= 0x20 || *p == 0x7f)
        return TRUE;
    }
  return FALSE;
}

static const char *
describe_permission (const char *permission)
{
  if (g_strcmp0 (permission, "all") == 0)
    /* Translators: a key's permission, inserted in “This key has %s
     * permission.”; HrFlow's own word is shown for a permission not
     * listed here. */
    return _("read and write");
  if (g_strcmp0 (permission, "read") == 0)
    /* Translators: a key's permission, inserted in “This key has %s permission.” */
    return _("read-only");
  if (g_strcmp0 (permission, "write") == 0)
    /* Translators: a key's permission, inserted in “This key has %s permission.” */
    return _("write-only");
  return permission;
}

static char *
describe_auth (DossierAuthInfo *info)
{
  const char *team = dossier_auth_info_get_team_name (info);
  const char *permission = describe_permission (dossier_auth_info_get_permission (info));

  if (permission == NULL)
    /* Translators: a key's permission, inserted in “This key has %s permission.” */
    permission = _("unknown");

  if (team != NULL && *team != '\0')
    /* Translators: the first %s is the HrFlow team's name, the second the
     * key's permission, e.g. "read-only". */
    return g_strdup_printf (_("This key belongs to the team “%s” and has %s permission."),
                            team, permission);

  /* Translators: %s is the key's permission, e.g. "read-only". */
  return g_strdup_printf (_("This key has %s permission."), permission);
}

static void
show_auth_error (DossierSignInPage *self,
                 const GError      *error)
{
  if (error->domain != DOSSIER_ERROR)
    {
      set_status (self, STATUS_ERROR, error->message);
      return;
    }

  switch ((DossierError) error->code)
    {
    case DOSSIER_ERROR_CREDENTIALS_REJECTED:
      show_field_error (self, FIELD_KEY,
                        _("HrFlow rejected this API key for this user email. Check that both "
                          "are right, then sign in again."));
      break;

    case DOSSIER_ERROR_NO_PERMISSION:
      show_field_error (self, FIELD_KEY,
                        _("This API key is not allowed to read profiles. Use a key with read "
                          "permission (it starts with “askr_”), then sign in again."));
      break;

    /* The server could not be reached, or not safely: the base URL is the
     * field to look at.  The client's message names the server and the
     * reason, and says what to do. */
    case DOSSIER_ERROR_INVALID_ARGUMENT:
    case DOSSIER_ERROR_CONNECTION_REFUSED:
    case DOSSIER_ERROR_CONNECTION_RESET:
    case DOSSIER_ERROR_HOST_NOT_FOUND:
    case DOSSIER_ERROR_TLS:
    case DOSSIER_ERROR_TIMEOUT:
    case DOSSIER_ERROR_NETWORK:
    case DOSSIER_ERROR_REDIRECTED:
      show_field_error (self, FIELD_API_BASE, error->message);
      break;

    case DOSSIER_ERROR_NO_CREDENTIALS:
    case DOSSIER_ERROR_INVALID_SOURCE:
    case DOSSIER_ERROR_NOT_FOUND:
    case DOSSIER_ERROR_QUOTA_EXCEEDED:
    case DOSSIER_ERROR_RATE_LIMITED:
    case DOSSIER_ERROR_BAD_REQUEST:
    case DOSSIER_ERROR_SERVER:
    case DOSSIER_ERROR_INVALID_RESPONSE:
    case DOSSIER_ERROR_TOO_LARGE:
    case DOSSIER_ERROR_TOO_DEEP:
    case DOSSIER_ERROR_EXPORT_FAILED:
    case DOSSIER_ERROR_FILE_INVALID:
    case DOSSIER_ERROR_KEYRING:
    default:
      set_status (self, STATUS_ERROR, error->message);
      break;
    }
}

/* The attempt. */

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Attempt) attempt = user_data;
  g_autoptr(GError) error = NULL;
  DossierSignInPage *self;

  dossier_credentials_store_finish (DOSSIER_CREDENTIALS (object), result, &error);
  if (dossier_error_is_cancelled (error))
    return;

  self = attempt->self;

  if (error != NULL)
    {
      set_busy (self, FALSE);
      set_status (self, STATUS_ERROR, error->message);
      return;
    }

  /* The key is in the keyring (or in memory) now: it need not stay on
   * screen, in the entry's buffer.  Emptied while still busy, so that the
   * change does not hide the team shown in the status line. */
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  set_busy (self, FALSE);

  g_signal_emit (self, signals[SIGNED_IN], 0, attempt->account);
}

static void
check_auth_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Attempt) attempt = user_data;
  g_autoptr(DossierAuthInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  DossierSignInPage *self;
  DossierAccount *account;

  info = dossier_client_check_auth_finish (DOSSIER_CLIENT (object), result, &error);
  if (dossier_error_is_cancelled (error))
    return;

  self = attempt->self;

  if (info == NULL)
    {
      set_busy (self, FALSE);
      show_auth_error (self, error);
      return;
    }

  description = describe_auth (info);

  if (!dossier_auth_info_can_read_profiles (info))
    {
      g_autofree char *message = NULL;

      set_busy (self, FALSE);
      message = g_strdup_printf ("%s %s", description,
                                 _("It can only send data to HrFlow, so Dossier cannot read "
                                   "profiles with it. Use a key with read permission (it starts "
                                   "with “askr_”), then sign in again."));
      show_field_error (self, FIELD_KEY, message);
      return;
    }

  /* Shown while the account is saved, and left for the user to read. */
  set_status (self, STATUS_SUCCESS, description);

  account = attempt->account;   /* Read before the attempt is handed on. */
  dossier_credentials_store_async (self->credentials,
                                   account,
                                   self->cancellable,
                                   store_cb,
                                   g_steal_pointer (&attempt));
}

static void
submit (DossierSignInPage *self)
{
  g_autofree char *email = NULL;
  g_autoptr(char_wiped) key = NULL;
  g_autofree char *api_base = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierClient) client = NULL;
  Attempt *attempt;

  if (self->busy)
    return;

  for (Field field = 0; field < N_FIELDS; field++)
    clear_field_error (self, field);
  set_status (self, STATUS_NONE, NULL);

  email = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->email_row))));
  key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));
  api_base = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->api_base_row))));

  if (*email == '\0')
    {
      show_field_error (self, FIELD_EMAIL,
                        _("Enter the email address of your HrFlow account."));
      return;
    }
  if (has_space_or_control (email) || strchr (email, '@') == NULL)
    {
      show_field_error (self, FIELD_EMAIL,
                        _("Enter a complete email address without spaces, such as "
                          "recruiter@example.com."));
      return;
    }
  if (*key == '\0')
    {
      show_field_error (self, FIELD_KEY,
                        _("Enter your HrFlow API key. You can copy it from the API keys "
                          "page of your HrFlow settings."));
      return;
    }
  if (has_space_or_control (key))
    {
      show_field_error (self, FIELD_KEY,
                        _("The API key contains a space or a line break. Copy it again from "
                          "HrFlow."));
      return;
    }

  if (*api_base == '\0')
    {
      g_free (api_base);
      api_base = g_strdup (DOSSIER_DEFAULT_API_BASE);
    }
  if (!dossier_api_base_validate (api_base, &error))
    {
      show_field_error (self, FIELD_API_BASE, error->message);
      return;
    }

  if (self->session == NULL)
    self->session = dossier_session_new ();
  if (self->credentials == NULL)
    self->credentials = dossier_credentials_new ();

  client = dossier_client_new (self->session, api_base, email, key, &error);
  if (client == NULL)
    {
      set_status (self, STATUS_ERROR, error->message);
      return;
    }

  attempt = g_new0 (Attempt, 1);
  attempt->self = self;
  attempt->client = g_object_ref (client);
  /* Stored under the base as the client spells it, which is how the
   * command line looks it up. */
  attempt->account = dossier_account_new (dossier_client_get_api_base (client), email, key);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  dossier_client_check_auth_async (client, self->cancellable, check_auth_cb, attempt);
}

/* Template callbacks and actions. */

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  submit (DOSSIER_SIGN_IN_PAGE (widget));
}

static void
submit_activated_cb (DossierSignInPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "sign-in.submit", NULL);
}

static void
email_activated_cb (DossierSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->key_row));
}

static void
email_changed_cb (DossierSignInPage *self)
{
  clear_field_error (self, FIELD_EMAIL);
  /* A rejected key may have been a wrong email. */
  clear_field_error (self, FIELD_KEY);
  if (!self->busy)
    set_status (self, STATUS_NONE, NULL);
}

static void
key_changed_cb (DossierSignInPage *self)
{
  clear_field_error (self, FIELD_KEY);
  if (!self->busy)
    set_status (self, STATUS_NONE, NULL);
}

static void
api_base_changed_cb (DossierSignInPage *self)
{
  clear_field_error (self, FIELD_API_BASE);
  if (!self->busy)
    set_status (self, STATUS_NONE, NULL);
}

/* GObject. */

static void
dossier_sign_in_page_dispose (GObject *object)
{
  DossierSignInPage *self = DOSSIER_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->credentials);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (dossier_sign_in_page_parent_class)->dispose (object);
}

static void
dossier_sign_in_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  DossierSignInPage *self = DOSSIER_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_CREDENTIALS:
      g_value_set_object (value, self->credentials);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sign_in_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  DossierSignInPage *self = DOSSIER_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      dossier_sign_in_page_set_session (self, g_value_get_object (value));
      break;

    case PROP_CREDENTIALS:
      dossier_sign_in_page_set_credentials (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_sign_in_page_class_init (DossierSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_sign_in_page_dispose;
  object_class->get_property = dossier_sign_in_page_get_property;
  object_class->set_property = dossier_sign_in_page_set_property;

  /**
   * DossierSignInPage:session:
   *
   * The application's HTTP session, used to check the credentials.
   */
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         SOUP_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /**
   * DossierSignInPage:credentials:
   *
   * Where the account is stored once checked.
   */
  properties[PROP_CREDENTIALS] =
    g_param_spec_object ("credentials", NULL, NULL,
                         DOSSIER_TYPE_CREDENTIALS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierSignInPage::signed-in:
   * @self: the page
   * @account: the account, checked and stored, its key loaded
   */
  signals[SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1,
                  DOSSIER_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/dossier-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, email_error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, key_error_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, key_error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, advanced_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, api_base_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, api_base_error_row);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, api_base_error_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, DossierSignInPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, submit_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, email_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, key_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_base_changed_cb);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
}

static void
dossier_sign_in_page_init (DossierSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_editable_set_text (GTK_EDITABLE (self->api_base_row), DOSSIER_DEFAULT_API_BASE);
}

GtkWidget *
dossier_sign_in_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_SIGN_IN_PAGE, NULL);
}

void
dossier_sign_in_page_set_session (DossierSignInPage *self,
                                  SoupSession       *session)
{
  g_return_if_fail (DOSSIER_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (session == NULL || SOUP_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
dossier_sign_in_page_set_credentials (DossierSignInPage  *self,
                                      DossierCredentials *credentials)
{
  g_return_if_fail (DOSSIER_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (credentials == NULL || DOSSIER_IS_CREDENTIALS (credentials));

  if (g_set_object (&self->credentials, credentials))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREDENTIALS]);
}
