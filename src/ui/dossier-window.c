/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window.h"
#include "dossier-download.h"
#include "dossier-error.h"
#include "dossier-exporter.h"
#include "dossier-lookup-page.h"
#include "dossier-profile-view.h"
#include "dossier-sign-in-page.h"
#include "dossier-thread.h"

/* An answer within this delay replaces the form directly; a slower one
 * shows the loading page, so that fast lookups do not flicker. */
#define LOADING_PAGE_DELAY_MS 300

typedef enum
{
  ERROR_ACTION_RETRY,
  ERROR_ACTION_EDIT_LOOKUP,
  ERROR_ACTION_SIGN_IN_AGAIN,
} ErrorAction;

struct _DossierWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *welcome_status;
  GMenu                *main_menu;

  /* The other pages' widgets, built the first time each page is needed
   * (see ensure_page()); NULL until then. */
  AdwBin               *sign_in_bin;
  GtkWidget            *sign_in_page;
  AdwWindowTitle       *lookup_title;
  DossierLookupPage    *lookup_page;
  AdwStatusPage        *loading_status;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_status;
  GtkButton            *error_button;
  AdwWindowTitle       *profile_title;
  AdwBin               *profile_bin;
  DossierProfileView   *profile_view;

  /* Replaced profiles, until the view has moved on (see
   * release_retired_profiles()). */
  GPtrArray            *retired_profiles;
  GSimpleAction        *account_action;

  DossierApplication   *application;
  GSettings            *settings;

  /* The running lookup or file load.  Each one takes a new generation; an
   * answer whose generation is not the current one is dropped, so a late
   * answer to an old lookup is never shown. */
  guint                 generation;
  GCancellable         *cancellable;
  guint                 loading_timeout_id;
  gboolean              busy;

  DossierLookup        *last_lookup;
  DossierLookup        *pending_lookup;
  DossierProfile       *profile;
  char                 *profile_file_name;
  /* The page the sign-in page goes back to. */
  char                 *sign_in_return_page;
  /* The page shown when the running operation started. */
  char                 *page_before_operation;
  /* What the loading page says about the running operation, kept for the
   * page until it is built. */
  char                 *loading_title;
  char                 *loading_description;
  /* Lookups asked for meanwhile wait for the sample profiles. */
  gboolean              starting_demo;
};

G_DEFINE_FINAL_TYPE (DossierWindow, dossier_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  DossierWindow *window;
  guint          generation;
  DossierLookup *lookup;
  GFile         *file;
} OperationData;

static void
operation_data_free (OperationData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->lookup);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OperationData, operation_data_free)

static OperationData *
operation_data_new (DossierWindow *self)
{
  OperationData *data = g_new0 (OperationData, 1);

  data->window = g_object_ref (self);
  data->generation = self->generation;
  return data;
}

/* A window that was closed keeps existing until the last answer arrives,
 * but shows nothing any more. */
static gboolean
window_is_gone (DossierWindow *self)
{
  return self->application == NULL;
}

static gboolean
operation_is_current (OperationData *data,
                      const GError  *error)
{
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  return !window_is_gone (data->window) && data->generation == data->window->generation;
}

static const char *
current_page (DossierWindow *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static gboolean
page_is (DossierWindow *self,
         const char    *name)
{
  return g_strcmp0 (current_page (self), name) == 0;
}

/* Where "back" and a finished sign-out lead. */
static const char *
home_page (DossierWindow *self)
{
  if (dossier_application_get_account (self->application) != NULL)
    return "lookup";

  /* While the remembered account loads, the lookup page is the likely
   * destination: showing the welcome page first would flash. */
  if (dossier_application_get_loading_account (self->application))
    {
      g_autofree char *email = g_settings_get_string (self->settings, "active-account-email");

      if (*email != '\0')
        return "lookup";
    }

  return "welcome";
}

/* How deep each page sits in the navigation: going deeper slides the new
 * page in from the end of the reading direction, coming back from its start;
 * the loading and error pages stand in for the profile they lead to. */
static int
page_depth (const char *name)
{
  static const char * const pages[] = { "welcome", "lookup", "loading", "error", "profile", "sign-in" };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_strcmp0 (pages[i], name) == 0)
      return g_str_equal (name, "loading") || g_str_equal (name, "error") ? 2 : (int) i;
  return 0;
}

static void save_attachment_cb       (DossierWindow      *self,
                                      DossierAttachment  *attachment,
                                      DossierProfileView *view);
static void signed_in_cb             (DossierWindow      *self,
                                      DossierAccount     *account);
static void release_retired_profiles (DossierWindow      *self);
static void lookup_activated_cb      (DossierWindow      *self,
                                      DossierLookup      *lookup,
                                      DossierLookupPage  *page);
static void update_actions           (DossierWindow      *self);
static void sync_lookup_page         (DossierWindow      *self);
static void sync_loading_page        (DossierWindow      *self);
static void width_changed_cb         (DossierWindow      *self);

/* Builds the page @object_id of dossier-window-pages.ui and adds it to the
 * stack as @name; the builder is returned to pick its widgets from. */
static GtkBuilder *
build_page (DossierWindow *self,
            const char    *object_id,
            const char    *name)
{
  GtkBuilder *builder = gtk_builder_new ();
  const char *object_ids[] = { object_id, NULL };
  g_autoptr(GError) error = NULL;

  gtk_builder_expose_object (builder, "main_menu", G_OBJECT (self->main_menu));
  if (!gtk_builder_add_objects_from_resource (builder, RESOURCE_PATH "/dossier-window-pages.ui",
                                              object_ids, &error))
    g_error ("The window's %s page cannot be built: %s", name, error->message);

  gtk_stack_add_named (self->stack, GTK_WIDGET (gtk_builder_get_object (builder, object_id)), name);
  return builder;
}

/* Only the welcome page is built with the window: a start shows one page,
 * and building the others (the lookup form, the loading and error pages,
 * the sign-in page and the profile view, 60 widgets or so, and the
 * styles, icons and sizes of each) took most of the window's start-up.
 * Each is built the first time it is shown or something is written into
 * it; until then its widgets are NULL. */
static void
ensure_page (DossierWindow *self,
             const char    *name)
{
  g_autoptr(GtkBuilder) builder = NULL;

  if (g_strcmp0 (name, "lookup") == 0 && self->lookup_page == NULL)
    {
      builder = build_page (self, "lookup_page_box", name);
      self->lookup_title = ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "lookup_title"));
      self->lookup_page = DOSSIER_LOOKUP_PAGE (gtk_builder_get_object (builder, "lookup_page"));
      g_signal_connect_object (self->lookup_page, "lookup-activated",
                               G_CALLBACK (lookup_activated_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->lookup_page, "notify::complete",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
      dossier_lookup_page_set_history (self->lookup_page, dossier_application_get_history (self->application));
      dossier_lookup_page_set_busy (self->lookup_page, self->busy);
      width_changed_cb (self);
      sync_lookup_page (self);
    }
  else if (g_strcmp0 (name, "loading") == 0 && self->loading_status == NULL)
    {
      builder = build_page (self, "loading_page", name);
      self->loading_status = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "loading_status"));
      self->loading_spinner = GTK_SPINNER (gtk_builder_get_object (builder, "loading_spinner"));
      sync_loading_page (self);
    }
  else if (g_strcmp0 (name, "error") == 0 && self->error_status == NULL)
    {
      builder = build_page (self, "error_page", name);
      self->error_status = ADW_STATUS_PAGE (gtk_builder_get_object (builder, "error_status"));
      self->error_button = GTK_BUTTON (gtk_builder_get_object (builder, "error_button"));
    }
  else if (g_strcmp0 (name, "profile") == 0 && self->profile_view == NULL)
    {
      builder = build_page (self, "profile_page", name);
      self->profile_title = ADW_WINDOW_TITLE (gtk_builder_get_object (builder, "profile_title"));
      self->profile_bin = ADW_BIN (gtk_builder_get_object (builder, "profile_bin"));

      self->profile_view = DOSSIER_PROFILE_VIEW (dossier_profile_view_new ());
      dossier_profile_view_set_picture_loader (self->profile_view,
                                               dossier_application_get_picture_loader (self->application));
      g_signal_connect_object (self->profile_view, "save-attachment",
                               G_CALLBACK (save_attachment_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->profile_view, "notify::building",
                               G_CALLBACK (release_retired_profiles), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->profile_bin, GTK_WIDGET (self->profile_view));
    }
  else if (g_strcmp0 (name, "sign-in") == 0 && self->sign_in_page == NULL)
    {
      builder = build_page (self, "sign_in_page", name);
      self->sign_in_bin = ADW_BIN (gtk_builder_get_object (builder, "sign_in_bin"));

      /* The sign-in page, from the keyring side, checks and stores accounts. */
      self->sign_in_page = dossier_sign_in_page_new ();
      dossier_sign_in_page_set_session (DOSSIER_SIGN_IN_PAGE (self->sign_in_page),
                                        dossier_application_get_session (self->application));
      dossier_sign_in_page_set_credentials (DOSSIER_SIGN_IN_PAGE (self->sign_in_page),
                                            dossier_application_get_credentials (self->application));
      g_signal_connect_object (self->sign_in_page, "signed-in", G_CALLBACK (signed_in_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->sign_in_bin, self->sign_in_page);
    }
}

static void
show_page (DossierWindow *self,
           const char    *name)
{
  const char *current = gtk_stack_get_visible_child_name (self->stack);
  gboolean rtl = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
  GtkStackTransitionType transition;
  int from = page_depth (current), to = page_depth (name);

  ensure_page (self, name);
  if (g_strcmp0 (current, name) == 0)
    return;

  /* Between the loading page and what it leads to, or for the first page,
   * a fade: nothing moved. */
  /* A profile page holding a freshly built view appears at once: a
   * crossfade or a slide paints both pages in every frame of the
   * transition, and the first of those frames also lays the new view out,
   * which stalled the main loop for 40-60 ms on an ordinary profile. */
  if (g_str_equal (name, "profile"))
    transition = GTK_STACK_TRANSITION_TYPE_NONE;
  else if (current == NULL || from == to || g_str_equal (name, "loading") || g_strcmp0 (current, "loading") == 0)
    transition = GTK_STACK_TRANSITION_TYPE_CROSSFADE;
  else if ((to > from) != rtl)
    transition = GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT;
  else
    transition = GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT;

  gtk_stack_set_visible_child_full (self->stack, name, transition);
}

static void
show_toast (DossierWindow *self,
            const char    *text)
{
  g_autofree char *escaped = NULL;

  if (window_is_gone (self))
    return;

  escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
show_message (DossierWindow *self,
              const char    *heading,
              const char    *body)
{
  GtkWidget *dialog;

  if (window_is_gone (self))
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (DossierWindow *self)
{
  gboolean on_profile = page_is (self, "profile") && self->profile != NULL;
  const char *page = current_page (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.look-up",
                                 self->lookup_page != NULL && dossier_lookup_page_is_complete (self->lookup_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", on_profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-to", on_profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-json", on_profile);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry", self->last_lookup != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 g_strcmp0 (page, "welcome") != 0 &&
                                 !(g_strcmp0 (page, "lookup") == 0 && !self->busy));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 dossier_application_get_account (self->application) != NULL);
}

static void
page_changed_cb (DossierWindow *self)
{
  g_autofree char *title = NULL;

  /* The window title names what is shown, for window lists and assistive
   * technologies. */
  if (page_is (self, "profile") && self->profile != NULL)
    title = dossier_profile_dup_display_name (self->profile);

  gtk_window_set_title (GTK_WINDOW (self), title != NULL ? title : _("Dossier"));
  update_actions (self);
}

/* Operations */

/* The running operation, on the pages built so far: the loading page, and
 * the spinner of the Look Up button. */
static void
sync_loading_page (DossierWindow *self)
{
  if (self->lookup_page != NULL)
    dossier_lookup_page_set_busy (self->lookup_page, self->busy);

  if (self->loading_status == NULL)
    return;

  adw_status_page_set_title (self->loading_status, self->loading_title);
  adw_status_page_set_description (self->loading_status, self->loading_description);
  gtk_spinner_set_spinning (self->loading_spinner, self->busy);
}

static void
cancel_operation (DossierWindow *self)
{
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);

  if (self->busy)
    {
      self->busy = FALSE;
      sync_loading_page (self);
    }

  update_actions (self);
  release_retired_profiles (self);
}

static gboolean
loading_timeout_cb (gpointer user_data)
{
  DossierWindow *self = user_data;

  self->loading_timeout_id = 0;
  if (self->busy)
    show_page (self, "loading");

  return G_SOURCE_REMOVE;
}

static void
begin_operation (DossierWindow *self,
                 const char    *title,
                 const char    *description)
{
  cancel_operation (self);

  self->cancellable = g_cancellable_new ();
  self->busy = TRUE;
  g_free (self->loading_title);
  self->loading_title = g_strdup (title);
  g_free (self->loading_description);
  self->loading_description = description != NULL ? g_markup_escape_text (description, -1) : NULL;
  sync_loading_page (self);

  /* Where to come back to if this fails or is cancelled. */
  if (!page_is (self, "loading"))
    {
      g_free (self->page_before_operation);
      self->page_before_operation = g_strdup (current_page (self));
    }

  /* What is on screen stays for a moment: most answers come before the
   * loading page would have been seen. */
  self->loading_timeout_id = g_timeout_add (LOADING_PAGE_DELAY_MS, loading_timeout_cb, self);

  update_actions (self);
}

static void
end_operation (DossierWindow *self)
{
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  self->busy = FALSE;
  sync_loading_page (self);
  update_actions (self);
  release_retired_profiles (self);
}

static void
release_cb (gpointer data,
            gpointer user_data)
{
  /* Nobody waits for this, and it must not slow what the user waits for:
   * freeing the 5 MB benchmark profile's model took 70-140 ms, and when
   * it fell during the next lookup (a small profile looked up, then a
   * big one) that lookup's parse took 180-250 ms instead of 120, the
   * three threads (parse, free, main) sharing two cores. */
  dossier_thread_set_background ();

  /* No malloc_trim() here: it locks each arena in turn, the main thread's
   * too, and the blocks go back to the arena of the worker that built the
   * model, where the next model is built. */
  g_object_unref (data);
}

/* The model of a large profile is tens of thousands of objects: freeing
 * them took tens of milliseconds of the main loop when the next profile
 * replaced it.  It is plain data, so a thread of its own drops the
 * window's reference to a replaced profile, once the view has built the
 * new one: the view drops its own references to the old lists (its rows)
 * on the way, and the window's must be the last, or the lists would still
 * be freed here.  Not while a lookup is under way either (its end
 * releases them, or the view's once it has built the new profile): the
 * freeing would share the processors with that lookup's parse. */
static void
release_retired_profiles (DossierWindow *self)
{
  static GThreadPool *pool;

  if (self->retired_profiles == NULL || self->retired_profiles->len == 0 || self->busy ||
      (self->profile_view != NULL && dossier_profile_view_get_building (self->profile_view)))
    return;

  if (g_once_init_enter (&pool))
    /* Exclusive: its thread runs in the background (see release_cb()),
     * and must not be lent to other work. */
    g_once_init_leave (&pool, g_thread_pool_new (release_cb, NULL, 1, TRUE, NULL));
  while (self->retired_profiles->len > 0)
    g_thread_pool_push (pool, g_ptr_array_steal_index (self->retired_profiles,
                                                       self->retired_profiles->len - 1), NULL);
}

static void
show_profile (DossierWindow  *self,
              DossierProfile *profile,
              const char     *file_name)
{
  DossierProfile *previous = g_steal_pointer (&self->profile);
  g_autofree char *name = dossier_profile_dup_display_name (profile);
  g_autofree char *subtitle = NULL;

  self->profile = g_object_ref (profile);
  g_free (self->profile_file_name);
  self->profile_file_name = g_strdup (file_name);

  if (file_name != NULL)
    /* TRANSLATORS: the profile's subtitle when it was opened from a file */
    subtitle = g_strdup_printf (_("Opened from “%s”"), file_name);
  else if (dossier_profile_get_source (profile) != NULL &&
           dossier_source_get_name (dossier_profile_get_source (profile)) != NULL)
    subtitle = g_strdup (dossier_source_get_name (dossier_profile_get_source (profile)));

  ensure_page (self, "profile");
  adw_window_title_set_title (self->profile_title, name != NULL ? name : _("Unnamed Candidate"));
  adw_window_title_set_subtitle (self->profile_title, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->profile_title), subtitle);

  dossier_profile_view_set_profile (self->profile_view, profile);
  show_page (self, "profile");
  page_changed_cb (self);

  if (previous != NULL)
    g_ptr_array_add (self->retired_profiles, previous);
  release_retired_profiles (self);
}

/* Errors */

static void
show_error (DossierWindow *self,
            const GError  *error,
            DossierLookup *lookup)
{
  const char *icon = "dialog-warning-symbolic";
  const char *title = _("The Lookup Failed");
  const char *api_message = NULL;
  ErrorAction action = ERROR_ACTION_RETRY;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  const char *button_label;
  const char *button_action;

  if (error->domain == DOSSIER_ERROR)
    {
      api_message = dossier_error_get_api_message (error);

      switch ((DossierError) error->code)
        {
        case DOSSIER_ERROR_NOT_FOUND:
          icon = "system-search-symbolic";
          title = _("No Candidate Found");
          action = ERROR_ACTION_EDIT_LOOKUP;
          break;
        case DOSSIER_ERROR_INVALID_SOURCE:
          icon = "folder-saved-search-symbolic";
          title = _("Source Not Found");
          action = ERROR_ACTION_EDIT_LOOKUP;
          break;
        case DOSSIER_ERROR_INVALID_ARGUMENT:
        case DOSSIER_ERROR_BAD_REQUEST:
          icon = "dialog-warning-symbolic";
          title = _("HrFlow Refused the Lookup");
          action = ERROR_ACTION_EDIT_LOOKUP;
          break;
        case DOSSIER_ERROR_NO_PERMISSION:
          icon = "action-unavailable-symbolic";
          title = _("No Access to This Source");
          action = ERROR_ACTION_EDIT_LOOKUP;
          /* A write-only key reads no source at all: the key is what to
           * change, not the lookup. */
          {
            DossierAccount *account = dossier_application_get_account (self->application);
            const char *key = account != NULL ? dossier_account_get_api_key (account) : NULL;

            if (key != NULL && g_str_has_prefix (key, "askw_"))
              {
                title = _("This API Key Cannot Read Profiles");
                action = ERROR_ACTION_SIGN_IN_AGAIN;
              }
          }
          break;
        case DOSSIER_ERROR_CREDENTIALS_REJECTED:
        case DOSSIER_ERROR_NO_CREDENTIALS:
          icon = "dialog-password-symbolic";
          title = _("Sign In Again");
          action = ERROR_ACTION_SIGN_IN_AGAIN;
          break;
        case DOSSIER_ERROR_QUOTA_EXCEEDED:
          icon = "alarm-symbolic";
          title = _("Quota Exceeded");
          break;
        case DOSSIER_ERROR_RATE_LIMITED:
          icon = "alarm-symbolic";
          title = _("Too Many Lookups");
          break;
        case DOSSIER_ERROR_SERVER:
          icon = "network-server-symbolic";
          title = _("HrFlow Has a Problem");
          break;
        case DOSSIER_ERROR_INVALID_RESPONSE:
        case DOSSIER_ERROR_TOO_LARGE:
        case DOSSIER_ERROR_TOO_DEEP:
        case DOSSIER_ERROR_REDIRECTED:
          icon = "network-server-symbolic";
          title = _("Unexpected Answer");
          break;
        case DOSSIER_ERROR_TIMEOUT:
          icon = "preferences-system-time-symbolic";
          title = _("HrFlow Did Not Answer in Time");
          break;
        case DOSSIER_ERROR_CONNECTION_REFUSED:
        case DOSSIER_ERROR_CONNECTION_RESET:
        case DOSSIER_ERROR_HOST_NOT_FOUND:
        case DOSSIER_ERROR_TLS:
        case DOSSIER_ERROR_NETWORK:
          icon = "network-offline-symbolic";
          title = _("Could Not Reach HrFlow");
          break;
        case DOSSIER_ERROR_EXPORT_FAILED:
        case DOSSIER_ERROR_FILE_INVALID:
        case DOSSIER_ERROR_KEYRING:
        default:
          break;
        }
    }

  /* The client's message is a sentence for people; the API's own words
   * follow, quoted, when it said something. */
  g_string_append (description, error->message);
  if (api_message != NULL && *api_message != '\0' && strstr (error->message, api_message) == NULL)
    {
      g_string_append (description, "\n\n");
      /* TRANSLATORS: the message HrFlow sent, quoted */
      g_string_append_printf (description, _("HrFlow said: “%s”"), api_message);
    }

  switch (action)
    {
    case ERROR_ACTION_EDIT_LOOKUP:
      button_label = _("_Edit Lookup");
      button_action = "win.edit-lookup";
      break;
    case ERROR_ACTION_SIGN_IN_AGAIN:
      button_label = _("_Sign In Again");
      button_action = "win.sign-in-again";
      break;
    case ERROR_ACTION_RETRY:
    default:
      button_label = _("_Retry");
      button_action = "win.retry";
      break;
    }

  /* The status page's description is markup: the text comes from a server. */
  escaped = g_markup_escape_text (description->str, -1);
  ensure_page (self, "error");
  adw_status_page_set_icon_name (self->error_status, icon);
  adw_status_page_set_title (self->error_status, title);
  adw_status_page_set_description (self->error_status, escaped);
  gtk_button_set_label (self->error_button, button_label);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->error_button), button_action);

  show_page (self, "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->error_button));
}

/* Lookup */

static void
get_profile_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  DossierSource *source;

  profile = dossier_client_get_profile_finish (DOSSIER_CLIENT (object), result, &error);
  if (!operation_is_current (data, error))
    return;

  end_operation (self);

  if (profile == NULL)
    {
      show_error (self, error, data->lookup);
      return;
    }

  name = dossier_profile_dup_display_name (profile);
  source = dossier_profile_get_source (profile);

  /* The sample profiles stay out of the recruiter's history. */
  if (!dossier_application_get_demo_active (self->application))
    {
      DossierHistory *history = dossier_application_get_history (self->application);
      g_autoptr(DossierLookup) found = NULL;

      found = dossier_lookup_new (dossier_lookup_get_source_key (data->lookup),
                                  dossier_lookup_get_kind (data->lookup),
                                  dossier_lookup_get_identifier (data->lookup),
                                  name);
      dossier_history_add (history, found);
      dossier_history_add_source (history, dossier_lookup_get_source_key (data->lookup),
                                  source != NULL ? dossier_source_get_name (source) : NULL);
    }

  show_profile (self, profile, NULL);
}

static char *
dup_lookup_description (DossierLookup *lookup)
{
  const char *identifier = dossier_lookup_get_identifier (lookup);

  switch (dossier_lookup_get_kind (lookup))
    {
    case DOSSIER_IDENTIFIER_REFERENCE:
      /* TRANSLATORS: the loading page's description; %s is a reference */
      return g_strdup_printf (_("Asking HrFlow for the profile with the reference “%s”."), identifier);
    case DOSSIER_IDENTIFIER_EMAIL:
      /* TRANSLATORS: the loading page's description; %s is an email address */
      return g_strdup_printf (_("Asking HrFlow for the profile of “%s”."), identifier);
    case DOSSIER_IDENTIFIER_KEY:
    default:
      /* TRANSLATORS: the loading page's description; %s is a profile key */
      return g_strdup_printf (_("Asking HrFlow for the profile with the key “%s”."), identifier);
    }
}

static void
run_lookup (DossierWindow *self,
            DossierLookup *lookup)
{
  DossierClient *client = dossier_application_get_client (self->application);
  g_autofree char *description = NULL;
  OperationData *data;

  g_set_object (&self->last_lookup, lookup);

  if (self->starting_demo)
    {
      g_set_object (&self->pending_lookup, lookup);
      return;
    }

  if (client == NULL)
    {
      /* Kept until an account is ready (it may still be loading from the
       * keyring, or the recruiter is about to sign in). */
      g_set_object (&self->pending_lookup, lookup);
      if (!dossier_application_get_loading_account (self->application))
        {
          show_toast (self, _("Sign in to look up this candidate"));
          if (!page_is (self, "sign-in"))
            show_page (self, "welcome");
        }
      return;
    }

  g_clear_object (&self->pending_lookup);

  description = dup_lookup_description (lookup);
  begin_operation (self, _("Looking Up the Candidate…"), description);

  data = operation_data_new (self);
  data->lookup = g_object_ref (lookup);
  dossier_client_get_profile_async (client,
                                    dossier_lookup_get_source_key (lookup),
                                    dossier_lookup_get_kind (lookup),
                                    dossier_lookup_get_identifier (lookup),
                                    self->cancellable,
                                    get_profile_cb,
                                    data);
}

static void
look_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *source_key = NULL;
  g_autofree char *identifier = NULL;
  g_autoptr(DossierLookup) lookup = NULL;

  /* A form never built is empty. */
  if (self->lookup_page == NULL)
    return;

  source_key = dossier_lookup_page_dup_source_key (self->lookup_page);
  identifier = dossier_lookup_page_dup_identifier (self->lookup_page);
  if (*source_key == '\0' || *identifier == '\0')
    return;

  lookup = dossier_lookup_new (source_key, dossier_lookup_page_get_kind (self->lookup_page), identifier, NULL);
  run_lookup (self, lookup);
}

static void
lookup_activated_cb (DossierWindow     *self,
                     DossierLookup     *lookup,
                     DossierLookupPage *page)
{
  dossier_lookup_page_set_lookup (self->lookup_page,
                                  dossier_lookup_get_source_key (lookup),
                                  dossier_lookup_get_kind (lookup),
                                  dossier_lookup_get_identifier (lookup));
  run_lookup (self, lookup);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(DossierLookup) lookup = NULL;

  if (self->last_lookup == NULL)
    return;

  lookup = g_object_ref (self->last_lookup);
  run_lookup (self, lookup);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (!self->busy)
    return;

  cancel_operation (self);
  if (page_is (self, "loading"))
    {
      const char *back = self->page_before_operation;

      /* Back to the form, or to the profile a file was opened over. */
      if (back == NULL || g_str_equal (back, "error") || g_str_equal (back, "loading") ||
          (g_str_equal (back, "profile") && self->profile == NULL))
        back = home_page (self);
      show_page (self, back);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->busy)
    cancel_operation (self);

  if (page_is (self, "sign-in") && self->sign_in_return_page != NULL)
    show_page (self, self->sign_in_return_page);
  else
    show_page (self, home_page (self));

  if (page_is (self, "lookup"))
    dossier_lookup_page_focus_form (self->lookup_page);
}

/* Escape: cancel what runs, else go back. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->busy)
    cancel_action (widget, NULL, NULL);
  else if (!page_is (self, "welcome") && !page_is (self, "lookup"))
    back_action (widget, NULL, NULL);
}

static void
edit_lookup_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  show_page (self, home_page (self));
  if (page_is (self, "lookup"))
    dossier_lookup_page_focus_form (self->lookup_page);
}

static void
focus_lookup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (dossier_application_get_account (self->application) == NULL)
    return;

  if (!page_is (self, "lookup"))
    show_page (self, "lookup");
  dossier_lookup_page_focus_form (self->lookup_page);
}

/* Export */

static void
show_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *folder_uri = NULL;

  if (folder == NULL)
    return;

  /* Opening the folder is enough for the recruiter to find the file; the
   * file manager's D-Bus interface would need a Flatpak hole. */
  folder_uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), folder_uri, GDK_CURRENT_TIME);
}

/* A toast that says a file was written, with a button that opens its
 * folder. */
static void
show_saved_toast (DossierWindow *self,
                  GFile         *file,
                  const char    *title)
{
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_action_name (toast, "win.show-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_write_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(GError) error = NULL;

  if (!dossier_exporter_write_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could Not Export the Profile"), error->message);
      return;
    }

  if (window_is_gone (self))
    return;

  /* Short, to fit a narrow window: the recruiter just chose the name. */
  /* Translators: a toast beside an “Open Folder” button: keep both short,
   * they must fit a window 360 pixels wide. */
  show_saved_toast (self, data->file, _("Profile exported"));
}

static void
export_to_file (DossierWindow *self,
                GFile         *file)
{
  OperationData *data;

  if (self->profile == NULL)
    return;

  data = operation_data_new (self);
  data->file = g_object_ref (file);
  dossier_exporter_write_async (self->profile, file, NULL, export_write_cb, data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
export_dialog_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    export_to_file (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(DossierWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        export_to_file (self, file);
    }

  g_object_unref (native);
}
#endif

static GtkFileFilter *
json_filter_new (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("JSON Files"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  return filter;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *basename = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (self->profile == NULL)
    return;

  basename = dossier_profile_dup_export_basename (self->profile);
  filter = json_filter_new ();

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Export as JSON"));
    gtk_file_dialog_set_accept_label (dialog, _("_Export"));
    gtk_file_dialog_set_initial_name (dialog, basename);
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, export_dialog_cb, g_object_ref (self));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Export as JSON"),
                                          GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Export"),
                                          _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), basename);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static void
export_to_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (parameter, NULL));

  export_to_file (self, file);
}

static void
copy_json_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize size;
  const char *data;

  if (self->profile == NULL)
    return;

  bytes = dossier_exporter_serialize (self->profile);
  data = g_bytes_get_data (bytes, &size);
  text = g_strndup (data, size);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  show_toast (self, _("Copied as JSON"));
}

/* Attachments: the view asks, the window saves a copy. */

static void
download_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(GError) error = NULL;

  if (!dossier_download_to_file_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("Could Not Save the Attachment"), error->message);
      return;
    }

  if (window_is_gone (self))
    return;

  /* Translators: a toast beside an “Open Folder” button: keep both short,
   * they must fit a window 360 pixels wide. */
  show_saved_toast (self, data->file, _("Attachment saved"));
}

static void
save_attachment_to_file (DossierWindow     *self,
                         DossierAttachment *attachment,
                         GFile             *file)
{
  OperationData *data = operation_data_new (self);

  data->file = g_object_ref (file);
  dossier_download_to_file_async (dossier_application_get_session (self->application),
                                  dossier_attachment_get_public_url (attachment),
                                  file, NULL, download_cb, data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
save_attachment_dialog_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(DossierAttachment) attachment = user_data;
  GtkWindow *window = g_object_get_data (object, "dossier-window");
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL && DOSSIER_IS_WINDOW (window))
    save_attachment_to_file (DOSSIER_WINDOW (window), attachment, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
save_attachment_response_cb (GtkNativeDialog *native,
                             int              response,
                             gpointer         user_data)
{
  g_autoptr(DossierAttachment) attachment = user_data;
  GtkWindow *window = gtk_native_dialog_get_transient_for (native);

  if (response == GTK_RESPONSE_ACCEPT && DOSSIER_IS_WINDOW (window))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        save_attachment_to_file (DOSSIER_WINDOW (window), attachment, file);
    }

  g_object_unref (native);
}
#endif

static void
save_attachment_cb (DossierWindow      *self,
                    DossierAttachment  *attachment,
                    DossierProfileView *view)
{
  const char *name = dossier_attachment_get_original_file_name (attachment);
  g_autofree char *basename = NULL;

  if (name == NULL || *name == '\0')
    name = dossier_attachment_get_file_name (attachment);
  /* The name comes from a server: only its last part, never a path. */
  basename = g_path_get_basename (name != NULL && *name != '\0' ? name : _("attachment"));
  if (g_str_equal (basename, ".") || g_str_equal (basename, "/"))
    {
      g_free (basename);
      basename = g_strdup (_("attachment"));
    }

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

    gtk_file_dialog_set_title (dialog, _("Save a Copy"));
    gtk_file_dialog_set_accept_label (dialog, _("_Save"));
    gtk_file_dialog_set_initial_name (dialog, basename);
    g_object_set_data (G_OBJECT (dialog), "dossier-window", self);
    gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, save_attachment_dialog_cb, g_object_ref (attachment));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Save a Copy"),
                                          GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_SAVE,
                                          _("_Save"),
                                          _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), basename);
    g_signal_connect (native, "response", G_CALLBACK (save_attachment_response_cb), g_object_ref (attachment));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

/* Open */

static void
parse_file_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GBytes *bytes = task_data;
  GError *error = NULL;
  DossierProfile *profile;

  profile = dossier_profile_new_from_bytes (bytes, &error);
  if (profile == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, profile, g_object_unref);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  char *display = g_filename_display_name (basename != NULL ? basename : "");

  return display;
}

static void
open_failed (DossierWindow *self,
             GFile         *file,
             const GError  *error)
{
  g_autofree char *name = dup_display_name (file);
  g_autofree char *heading = NULL;
  const char *body = error->message;

  if (g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE) ||
      g_error_matches (error, DOSSIER_ERROR, DOSSIER_ERROR_FILE_INVALID))
    body = _("This file does not hold a candidate profile. Open a file exported by Dossier, or a profile saved from HrFlow.");

  /* Whatever was on screen stays: a bad file dropped on a profile does not
   * take the profile away. */
  show_page (self, self->page_before_operation != NULL ? self->page_before_operation : home_page (self));
  /* TRANSLATORS: %s is a file name */
  heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  show_message (self, heading, body);
}

static void
parse_file_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierProfile) profile = NULL;
  g_autofree char *name = NULL;

  profile = g_task_propagate_pointer (G_TASK (result), &error);
  if (!operation_is_current (data, error))
    return;

  end_operation (self);

  if (profile == NULL)
    {
      open_failed (self, data->file, error);
      return;
    }

  name = dup_display_name (data->file);
  show_profile (self, profile, name);
}

static void
load_file_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) task = NULL;

  bytes = g_file_load_bytes_finish (G_FILE (object), result, NULL, &error);
  if (!operation_is_current (data, error))
    return;

  if (bytes == NULL)
    {
      end_operation (self);
      open_failed (self, data->file, error);
      return;
    }

  /* Parsing a large profile takes a while: not on the main thread. */
  task = g_task_new (NULL, self->cancellable, parse_file_cb, g_steal_pointer (&data));
  g_task_set_source_tag (task, load_file_cb);
  g_task_set_task_data (task, g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, parse_file_thread);
}

static void
query_file_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OperationData) data = user_data;
  DossierWindow *self = data->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  GFile *file;

  info = g_file_query_info_finish (G_FILE (object), result, &error);
  if (!operation_is_current (data, error))
    return;

  if (info == NULL)
    {
      end_operation (self);
      open_failed (self, data->file, error);
      return;
    }

  /* Refused before reading: a huge file would be read whole into memory. */
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR ||
      g_file_info_get_size (info) > DOSSIER_MAX_BODY_SIZE)
    {
      g_autoptr(GError) size_error = NULL;

      if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        size_error = g_error_new_literal (DOSSIER_ERROR, DOSSIER_ERROR_FILE_INVALID, "");
      else
        size_error = g_error_new (DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                                  _("This file is larger than any candidate profile (%d MB): it cannot be opened."),
                                  DOSSIER_MAX_BODY_SIZE / (1024 * 1024));
      end_operation (self);
      open_failed (self, data->file, size_error);
      return;
    }

  file = data->file;
  g_file_load_bytes_async (file, self->cancellable, load_file_cb, g_steal_pointer (&data));
}

void
dossier_window_open_file (DossierWindow *self,
                          GFile         *file)
{
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  OperationData *data;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  name = dup_display_name (file);
  /* TRANSLATORS: the loading page's description; %s is a file name */
  description = g_strdup_printf (_("Reading “%s”."), name);
  begin_operation (self, _("Opening the File…"), description);

  data = operation_data_new (self);
  data->file = g_object_ref (file);
  g_file_query_info_async (file,
                           G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE,
                           G_PRIORITY_DEFAULT,
                           self->cancellable,
                           query_file_cb,
                           data);
}

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
static void
open_dialog_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (object), result, NULL);

  if (file != NULL)
    dossier_window_open_file (self, file);
}
G_GNUC_END_IGNORE_DEPRECATIONS
#else
static void
open_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  g_autoptr(DossierWindow) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        dossier_window_open_file (self, file);
    }

  g_object_unref (native);
}
#endif

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter_new ();

#if GTK_CHECK_VERSION (4, 10, 0)
/* Built against the floor's version macros, a newer GTK marks these
 * as unavailable: this branch is only compiled where they exist. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  {
    g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
    g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

    g_list_store_append (filters, filter);
    gtk_file_dialog_set_title (dialog, _("Open a Profile"));
    gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
    gtk_file_dialog_open (dialog, GTK_WINDOW (self), NULL, open_dialog_cb, g_object_ref (self));
  }
G_GNUC_END_IGNORE_DEPRECATIONS
#else
  {
    GtkFileChooserNative *native;

    native = gtk_file_chooser_native_new (_("Open a Profile"),
                                          GTK_WINDOW (self),
                                          GTK_FILE_CHOOSER_ACTION_OPEN,
                                          _("_Open"),
                                          _("_Cancel"));
    gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
    g_signal_connect (native, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
    gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
  }
#endif
}

static gboolean
drop_cb (DossierWindow *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = g_value_get_boxed (value);

      if (files != NULL)
        file = files->data;
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  dossier_window_open_file (self, file);
  return TRUE;
}

/* Accounts and sign-in */

static void
signed_in_cb (DossierWindow  *self,
              DossierAccount *account)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_application_set_account (self->application, account, TRUE, &error))
    {
      show_message (self, _("Could Not Sign In"), error->message);
      return;
    }

  dossier_application_reload_accounts (self->application);
}

static void
open_sign_in (DossierWindow *self)
{
  if (!page_is (self, "sign-in"))
    {
      g_free (self->sign_in_return_page);
      self->sign_in_return_page = g_strdup (page_is (self, "lookup") || page_is (self, "profile") ? current_page (self)
                                                                                                    : home_page (self));
    }

  show_page (self, "sign-in");
  gtk_widget_grab_focus (self->sign_in_page);
}

static void
sign_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_sign_in (DOSSIER_WINDOW (widget));
}

static void
demo_started_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  self->starting_demo = FALSE;

  if (!dossier_application_start_demo_finish (DOSSIER_APPLICATION (object), result, &error))
    {
      g_clear_object (&self->pending_lookup);
      show_message (self, _("Could Not Start the Sample Profiles"), error->message);
      return;
    }

  if (window_is_gone (self))
    return;

  /* `dossier --demo --source S --key K`: the lookup goes to the samples. */
  if (self->pending_lookup != NULL)
    {
      g_autoptr(DossierLookup) pending = g_steal_pointer (&self->pending_lookup);

      run_lookup (self, pending);
    }
}

void
dossier_window_start_demo (DossierWindow *self)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  self->starting_demo = TRUE;
  dossier_application_start_demo_async (self->application, NULL, demo_started_cb, g_object_ref (self));
}

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  dossier_window_start_demo (DOSSIER_WINDOW (widget));
}

static void
sign_out_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_application_sign_out_finish (DOSSIER_APPLICATION (object), result, &error))
    show_message (self, _("Could Not Sign Out"), error->message);
}

static void
sign_out_response_cb (DossierWindow    *self,
                      const char       *response,
                      AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "sign-out") == 0 && !window_is_gone (self))
    dossier_application_sign_out_async (self->application, NULL, sign_out_cb, g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierAccount *account = dossier_application_get_account (self->application);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (account == NULL)
    return;

  /* The sample profiles keep nothing: leaving them needs no confirmation. */
  if (dossier_application_get_demo_active (self->application))
    {
      dossier_application_sign_out_async (self->application, NULL, sign_out_cb, g_object_ref (self));
      return;
    }

  /* TRANSLATORS: %s is the HrFlow user email */
  heading = g_strdup_printf (_("Sign Out of %s?"), dossier_account_get_user_email (account));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("The API key is removed from the keyring. "
                                     "To look candidates up with this account again, you will need the key."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign-out",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
switch_account_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_application_switch_account_finish (DOSSIER_APPLICATION (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("Could Not Switch Accounts"), error->message);
}

static char *
dup_account_id (DossierWindow *self)
{
  DossierAccount *account = dossier_application_get_account (self->application);

  if (dossier_application_get_demo_active (self->application))
    return g_strdup ("demo");
  if (account == NULL)
    return g_strdup ("");

  return g_strconcat (dossier_account_get_user_email (account), "\n",
                      dossier_account_get_api_base (account), NULL);
}

static void
account_change_state_cb (DossierWindow *self,
                         GVariant      *value,
                         GSimpleAction *action)
{
  const char *id = g_variant_get_string (value, NULL);
  g_autofree char *current = dup_account_id (self);
  g_auto(GStrv) parts = NULL;

  if (g_str_equal (id, current))
    return;

  if (g_str_equal (id, "demo"))
    {
      dossier_window_start_demo (self);
      return;
    }

  parts = g_strsplit (id, "\n", 2);
  if (g_strv_length (parts) != 2)
    return;

  dossier_application_switch_account_async (self->application, parts[1], parts[0], NULL,
                                            switch_account_cb, g_object_ref (self));
}

/* The account's side of the lookup page: its subtitle, and the lookups
 * listed under the form. */
static void
sync_lookup_page (DossierWindow *self)
{
  DossierAccount *account = dossier_application_get_account (self->application);
  DossierDemo *demo = dossier_application_get_demo (self->application);

  if (self->lookup_page == NULL)
    return;

  if (dossier_application_get_demo_active (self->application))
    adw_window_title_set_subtitle (self->lookup_title, _("Sample Profiles"));
  else if (account != NULL)
    adw_window_title_set_subtitle (self->lookup_title, dossier_account_get_user_email (account));
  else
    adw_window_title_set_subtitle (self->lookup_title, NULL);

  if (dossier_application_get_demo_active (self->application) && demo != NULL)
    {
      dossier_lookup_page_set_lookups (self->lookup_page,
                                       dossier_demo_get_lookups (demo),
                                       _("Sample Profiles"),
                                       _("Fictional people, served by a stand-in for HrFlow on this computer. "
                                         "Try an identifier that does not exist, too."));
    }
  else
    {
      DossierHistory *history = dossier_application_get_history (self->application);

      dossier_lookup_page_set_lookups (self->lookup_page,
                                       dossier_history_get_lookups (history),
                                       _("Recent Lookups"),
                                       NULL);
    }
}

static void
account_changed_cb (DossierWindow *self)
{
  DossierAccount *account = dossier_application_get_account (self->application);
  gboolean demo = dossier_application_get_demo_active (self->application);
  g_autofree char *id = dup_account_id (self);
  const char *page = current_page (self);

  g_simple_action_set_state (self->account_action, g_variant_new_string (id));

  /* With an account, the lookup page is where the recruiter goes (built
   * now, it starts in sync); without one, a lookup page not built yet has
   * nothing to forget. */
  if (account != NULL && self->lookup_page == NULL)
    ensure_page (self, "lookup");
  else
    sync_lookup_page (self);

  /* Most lookups are in the source used last: have it ready. */
  if (!demo && account != NULL && self->pending_lookup == NULL)
    {
      g_autofree char *current = dossier_lookup_page_dup_source_key (self->lookup_page);
      g_auto(GStrv) sources = dossier_history_dup_source_keys (dossier_application_get_history (self->application));

      if (*current == '\0' && sources != NULL && sources[0] != NULL)
        dossier_lookup_page_set_lookup (self->lookup_page, sources[0], dossier_lookup_page_get_kind (self->lookup_page), NULL);
    }

  /* The sample source, ready for the recruiter's first try (unless the
   * command line asked for a lookup of its own). */
  if (demo && self->pending_lookup == NULL)
    {
      DossierDemo *sample = dossier_application_get_demo (self->application);

      dossier_lookup_page_set_lookup (self->lookup_page, dossier_demo_get_source_key (sample),
                                      DOSSIER_IDENTIFIER_KEY, NULL);
    }

  if (account != NULL)
    {
      /* Signed in (or switched): the lookup is where to go, unless a profile
       * or a lookup is on screen. */
      if (g_strcmp0 (page, "welcome") == 0 || g_strcmp0 (page, "sign-in") == 0 ||
          g_strcmp0 (page, "error") == 0)
        {
          show_page (self, "lookup");
          dossier_lookup_page_focus_form (self->lookup_page);
        }

      if (self->pending_lookup != NULL && !self->starting_demo)
        {
          g_autoptr(DossierLookup) pending = g_steal_pointer (&self->pending_lookup);

          run_lookup (self, pending);
        }
    }
  else if (!dossier_application_get_loading_account (self->application))
    {
      /* Signed out: nothing from the old account stays on screen, except a
       * profile opened from a file, which needs no account. */
      if (self->busy)
        cancel_operation (self);
      if (!(g_strcmp0 (page, "profile") == 0 && self->profile_file_name != NULL) &&
          g_strcmp0 (page, "sign-in") != 0)
        show_page (self, "welcome");
    }

  update_actions (self);
}

static void
loading_account_changed_cb (DossierWindow *self)
{
  if (dossier_application_get_loading_account (self->application))
    return;

  /* The remembered account could not be loaded: the recruiter signs in. */
  if (dossier_application_get_account (self->application) == NULL)
    {
      if (page_is (self, "lookup"))
        show_page (self, "welcome");
      if (self->pending_lookup != NULL && !page_is (self, "sign-in"))
        show_toast (self, _("Sign in to look up this candidate"));
    }
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_sign_in (DOSSIER_WINDOW (widget));
}

static void
sign_in_again_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  open_sign_in (DOSSIER_WINDOW (widget));
}

/* The keyring notice: once per run, in the first window that sees it. */

static void
keyring_details_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  DossierCredentials *credentials = dossier_application_get_credentials (self->application);
  const char *reason = dossier_credentials_get_unavailable_reason (credentials);
  g_autofree char *body = NULL;

  body = g_strdup_printf ("%s\n\n%s",
                          reason != NULL ? reason : "",
                          _("You can still sign in: Dossier keeps the account until it is closed."));
  show_message (self, _("Accounts Are Not Saved"), body);
}

static void
keyring_changed_cb (DossierWindow *self)
{
  AdwToast *toast;

  /* A toast added before the window is on screen is never seen. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  if (dossier_application_take_keyring_notice (self->application) == NULL)
    return;

  toast = adw_toast_new (_("No keyring: sign-ins are not saved"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.keyring-details");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The keyboard shortcuts window, built the first time it is asked for.
 * Not at the standard resource path (gtk/help-overlay.ui), where
 * GtkApplication would build one for every new window (about 3 ms of a
 * start that never shows it); the application sets its shortcut. */
static void
show_help_overlay_cb (DossierWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/help-overlay.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self), overlay);
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* Window state */

/* GTK 4.8 has no breakpoints: the window's width, kept up to date in
 * default-width as it is resized, decides what a narrow window leaves out. */
#define COMPACT_WIDTH 500

static void
width_changed_cb (DossierWindow *self)
{
  int width, height;

  if (self->lookup_page == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  dossier_lookup_page_set_compact (self->lookup_page,
                                   width > 0 && width < COMPACT_WIDTH && !gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
dossier_window_close_request (GtkWindow *window)
{
  DossierWindow *self = DOSSIER_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }

  cancel_operation (self);

  return GTK_WINDOW_CLASS (dossier_window_parent_class)->close_request (window);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* The window is bound to its application for life: everything it shows
 * comes from there. */
static void
setup_for_application (DossierWindow      *self,
                       DossierApplication *application)
{
  DossierCredentials *credentials;

  self->application = g_object_ref (application);

  self->settings = g_object_ref (dossier_application_get_settings (self->application));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               MAX (360, g_settings_get_int (self->settings, "window-width")),
                               MAX (400, g_settings_get_int (self->settings, "window-height")));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  adw_status_page_set_icon_name (self->welcome_status, dossier_application_get_icon_name (application));

  g_menu_insert_section (self->main_menu, 1, NULL,
                         dossier_application_get_accounts_menu (self->application));

  g_signal_connect_object (self->application, "notify::account",
                           G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "notify::demo-active",
                           G_CALLBACK (account_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->application, "notify::loading-account",
                           G_CALLBACK (loading_account_changed_cb), self, G_CONNECT_SWAPPED);

  credentials = dossier_application_get_credentials (self->application);
  g_signal_connect_object (credentials, "notify::persistent",
                           G_CALLBACK (keyring_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (keyring_changed_cb), NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (width_changed_cb), NULL);
  g_signal_connect (self, "notify::maximized", G_CALLBACK (width_changed_cb), NULL);
  width_changed_cb (self);

  show_page (self, home_page (self));
  account_changed_cb (self);
  page_changed_cb (self);
}

static void
dossier_window_dispose (GObject *object)
{
  DossierWindow *self = DOSSIER_WINDOW (object);

  /* Answers still on their way find a newer generation: dropped. */
  self->generation++;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->loading_timeout_id, g_source_remove);
  g_clear_object (&self->last_lookup);
  g_clear_object (&self->pending_lookup);
  g_clear_object (&self->profile);
  g_clear_pointer (&self->retired_profiles, g_ptr_array_unref);
  g_clear_pointer (&self->profile_file_name, g_free);
  g_clear_pointer (&self->sign_in_return_page, g_free);
  g_clear_pointer (&self->page_before_operation, g_free);
  g_clear_pointer (&self->loading_title, g_free);
  g_clear_pointer (&self->loading_description, g_free);
  g_clear_object (&self->account_action);
  g_clear_object (&self->settings);
  g_clear_object (&self->application);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_WINDOW);
  /* The pages built on first use went with the stack. */
  self->sign_in_bin = NULL;
  self->sign_in_page = NULL;
  self->lookup_title = NULL;
  self->lookup_page = NULL;
  self->loading_status = NULL;
  self->loading_spinner = NULL;
  self->error_status = NULL;
  self->error_button = NULL;
  self->profile_title = NULL;
  self->profile_bin = NULL;
  self->profile_view = NULL;

  G_OBJECT_CLASS (dossier_window_parent_class)->dispose (object);
}

static void
dossier_window_class_init (DossierWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = dossier_window_dispose;
  window_class->close_request = dossier_window_close_request;

  g_type_ensure (DOSSIER_TYPE_LOOKUP_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, welcome_status);
  gtk_widget_class_bind_template_child (widget_class, DossierWindow, main_menu);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.look-up", NULL, look_up_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "win.retry", NULL, retry_action);
  gtk_widget_class_install_action (widget_class, "win.edit-lookup", NULL, edit_lookup_action);
  gtk_widget_class_install_action (widget_class, "win.focus-lookup", NULL, focus_lookup_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-to", "s", export_to_action);
  gtk_widget_class_install_action (widget_class, "win.show-folder", "s", show_folder_action);
  gtk_widget_class_install_action (widget_class, "win.copy-json", NULL, copy_json_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_action);
  gtk_widget_class_install_action (widget_class, "win.sign-in-again", NULL, sign_in_again_action);
  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.demo", NULL, demo_action);
  gtk_widget_class_install_action (widget_class, "win.keyring-details", NULL, keyring_details_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.focus-lookup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_C, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.copy-json", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}

static void
dossier_window_init (DossierWindow *self)
{
  GtkDropTarget *drop;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  g_autoptr(GSimpleAction) help_action = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->retired_profiles = g_ptr_array_new_with_free_func (g_object_unref);

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");


  self->account_action = g_simple_action_new_stateful ("account", G_VARIANT_TYPE_STRING,
                                                       g_variant_new_string (""));
  g_signal_connect_object (self->account_action, "change-state",
                           G_CALLBACK (account_change_state_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (self->account_action));

  /* GtkApplicationWindow leaves an action of this name alone. */
  help_action = g_simple_action_new ("show-help-overlay", NULL);
  g_signal_connect_object (help_action, "activate",
                           G_CALLBACK (show_help_overlay_cb), self, G_CONNECT_SWAPPED);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (help_action));

  /* An exported profile dropped anywhere on the window opens. */
  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

DossierWindow *
dossier_window_new (DossierApplication *application)
{
  DossierWindow *self;

  g_return_val_if_fail (DOSSIER_IS_APPLICATION (application), NULL);

  self = g_object_new (DOSSIER_TYPE_WINDOW, "application", application, NULL);
  setup_for_application (self, application);

  return self;
}

void
dossier_window_set_lookup (DossierWindow         *self,
                           const char            *source_key,
                           DossierIdentifierKind  kind,
                           const char            *identifier)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  ensure_page (self, "lookup");
  dossier_lookup_page_set_lookup (self->lookup_page, source_key, kind, identifier);
}

void
dossier_window_request_lookup (DossierWindow         *self,
                               const char            *source_key,
                               DossierIdentifierKind  kind,
                               const char            *identifier)
{
  g_autoptr(DossierLookup) lookup = NULL;

  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (source_key != NULL && identifier != NULL);

  ensure_page (self, "lookup");
  dossier_lookup_page_set_lookup (self->lookup_page, source_key, kind, identifier);
  lookup = dossier_lookup_new (source_key, kind, identifier, NULL);
  run_lookup (self, lookup);
}

const char *
dossier_window_get_page_name (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return current_page (self);
}

DossierProfile *
dossier_window_get_profile (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), NULL);
  return self->profile;
}

gboolean
dossier_window_get_busy (DossierWindow *self)
{
  g_return_val_if_fail (DOSSIER_IS_WINDOW (self), FALSE);
  return self->busy;
}
