/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-lookup-page.h"

struct _DossierLookupPage
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *form_group;
  AdwEntryRow         *source_row;
  GtkLabel            *source_name_label;
  GtkMenuButton       *sources_button;
  AdwComboRow         *kind_row;
  AdwEntryRow         *identifier_row;
  GtkButton           *look_up_button;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *lookups_group;
  GtkListBox          *lookups_list;

  DossierHistory      *history;
  GListModel          *lookups;
  gboolean             complete;
  gboolean             busy;
  gboolean             compact;
};

G_DEFINE_FINAL_TYPE (DossierLookupPage, dossier_lookup_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPLETE,
  PROP_BUSY,
  N_PROPS
};

enum {
  LOOKUP_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Keys are 40 hexadecimal digits: the start is enough to recognise one in a
 * list, and the whole key would push a narrow window wider. */
static char *
shorten_key (const char *key)
{
  if (g_utf8_strlen (key, -1) <= 14)
    return g_strdup (key);
  return g_strdup_printf ("%.*s…", (int) (g_utf8_offset_to_pointer (key, 12) - key), key);
}

static const char *
kind_label (DossierIdentifierKind kind)
{
  switch (kind)
    {
    case DOSSIER_IDENTIFIER_REFERENCE:
      return _("Reference");
    case DOSSIER_IDENTIFIER_EMAIL:
      return _("Email");
    case DOSSIER_IDENTIFIER_KEY:
    default:
      return C_("profile key", "Key");
    }
}

static void
update_complete (DossierLookupPage *self)
{
  gboolean complete = dossier_lookup_page_is_complete (self);

  if (complete == self->complete)
    return;

  self->complete = complete;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
update_source_name (DossierLookupPage *self)
{
  g_autofree char *source_key = dossier_lookup_page_dup_source_key (self);
  g_autofree char *name = NULL;

  if (self->history != NULL && *source_key != '\0')
    name = dossier_history_dup_source_name (self->history, source_key);

  gtk_label_set_label (self->source_name_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_name_label), name);
  gtk_widget_set_visible (GTK_WIDGET (self->source_name_label), name != NULL && !self->compact);
}

static void
source_changed_cb (DossierLookupPage *self)
{
  update_source_name (self);
  update_complete (self);
}

static void
identifier_changed_cb (DossierLookupPage *self)
{
  update_complete (self);
}

/* The identifier's hint follows the kind, so that the recruiter sees what
 * to paste.  AdwEntryRow has no placeholder of its own: the hint goes to
 * the text it delegates to, shown once the row is focused and empty. */
static void
kind_changed_cb (DossierLookupPage *self)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->identifier_row));
  const char *hint;
  GtkInputPurpose purpose = GTK_INPUT_PURPOSE_FREE_FORM;

  switch (dossier_lookup_page_get_kind (self))
    {
    case DOSSIER_IDENTIFIER_REFERENCE:
      hint = _("The reference in your system");
      break;
    case DOSSIER_IDENTIFIER_EMAIL:
      hint = _("name@example.com");
      purpose = GTK_INPUT_PURPOSE_EMAIL;
      break;
    case DOSSIER_IDENTIFIER_KEY:
    default:
      hint = _("The profile key, 40 characters");
      break;
    }

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), hint);
  adw_entry_row_set_input_purpose (self->identifier_row, purpose);
}

/* Enter looks up once both fields are filled in; before that it goes to
 * the field still empty, as the next step would. */
static void
entry_activated_cb (DossierLookupPage *self)
{
  g_autofree char *source_key = dossier_lookup_page_dup_source_key (self);
  g_autofree char *identifier = dossier_lookup_page_dup_identifier (self);

  if (*source_key == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
  else if (*identifier == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->identifier_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.look-up", NULL);
}

static void
row_activated_cb (DossierLookupPage *self,
                  GtkListBoxRow     *row)
{
  DossierLookup *lookup = g_object_get_data (G_OBJECT (row), "dossier-lookup");

  if (lookup != NULL)
    g_signal_emit (self, signals[LOOKUP_ACTIVATED], 0, lookup);
}

static GtkWidget *
create_lookup_row (gpointer item,
                   gpointer user_data)
{
  DossierLookup *lookup = item;
  DossierLookupPage *self = user_data;
  const char *name = dossier_lookup_get_name (lookup);
  const char *identifier = dossier_lookup_get_identifier (lookup);
  DossierIdentifierKind kind = dossier_lookup_get_kind (lookup);
  g_autofree char *short_identifier = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *source_name = NULL;
  GtkWidget *row, *avatar, *arrow;

  short_identifier = kind == DOSSIER_IDENTIFIER_KEY ? shorten_key (identifier) : g_strdup (identifier);

  if (name != NULL)
    {
      /* TRANSLATORS: a recent lookup's subtitle: "Email · name@example.com" */
      subtitle = g_strdup_printf (_("%s · %s"), kind_label (kind), short_identifier);
    }
  else
    {
      if (self->history != NULL)
        source_name = dossier_history_dup_source_name (self->history,
                                                       dossier_lookup_get_source_key (lookup));
      if (source_name == NULL)
        source_name = shorten_key (dossier_lookup_get_source_key (lookup));
      /* TRANSLATORS: a recent lookup's subtitle: "Email · in Sample Profiles" */
      subtitle = g_strdup_printf (_("%s · in %s"), kind_label (kind), source_name);
    }

  row = adw_action_row_new ();
  /* Names and identifiers come from people and servers: never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : short_identifier);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, identifier);

  avatar = adw_avatar_new (36, name != NULL ? name : identifier, name != NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  g_object_set_data_full (G_OBJECT (row), "dossier-lookup", g_object_ref (lookup), g_object_unref);

  return row;
}

static void
lookups_changed_cb (DossierLookupPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->lookups_group),
                          self->lookups != NULL && g_list_model_get_n_items (self->lookups) > 0);
}

static void
rebuild_sources_menu (DossierLookupPage *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_auto(GStrv) keys = NULL;

  if (self->history != NULL)
    keys = dossier_history_dup_source_keys (self->history);

  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      g_autofree char *name = dossier_history_dup_source_name (self->history, keys[i]);
      g_autofree char *short_key = shorten_key (keys[i]);
      g_autofree char *label = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (name != NULL)
        /* TRANSLATORS: a recent source in a menu: "Sample Profiles (6f1e2d3c4b5a…)" */
        label = g_strdup_printf (_("%s (%s)"), name, short_key);
      else
        label = g_strdup (short_key);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "lookup.use-source", "s", keys[i]);
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->sources_button, G_MENU_MODEL (menu));
  gtk_widget_set_visible (GTK_WIDGET (self->sources_button), keys != NULL && keys[0] != NULL);
  update_source_name (self);
}

static void
use_source_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  DossierLookupPage *self = DOSSIER_LOOKUP_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->source_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->identifier_row));
}

static void
dossier_lookup_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  DossierLookupPage *self = DOSSIER_LOOKUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_lookup_page_dispose (GObject *object)
{
  DossierLookupPage *self = DOSSIER_LOOKUP_PAGE (object);

  if (self->lookups != NULL)
    g_signal_handlers_disconnect_by_data (self->lookups, self);
  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->lookups);
  g_clear_object (&self->history);

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_LOOKUP_PAGE);

  G_OBJECT_CLASS (dossier_lookup_page_parent_class)->dispose (object);
}

static void
dossier_lookup_page_class_init (DossierLookupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_lookup_page_get_property;
  object_class->dispose = dossier_lookup_page_dispose;

  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[LOOKUP_ACTIVATED] =
    g_signal_new ("lookup-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, DOSSIER_TYPE_LOOKUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/dossier-lookup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, form_group);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, source_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, source_name_label);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, sources_button);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, identifier_row);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, look_up_button);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, lookups_group);
  gtk_widget_class_bind_template_child (widget_class, DossierLookupPage, lookups_list);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, identifier_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "lookup.use-source", "s", use_source_action);
}

static void
dossier_lookup_page_init (DossierLookupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Assistive technologies and UI automation find the controls by these
   * names; the visible titles say the same, the button's label is inside
   * a box with the spinner so it is named explicitly. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Source key"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Identify by"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->identifier_row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Identifier"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->look_up_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Look Up"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sources_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Recent Sources"), -1);

  kind_changed_cb (self);
  rebuild_sources_menu (self);
}

GtkWidget *
dossier_lookup_page_new (void)
{
  return g_object_new (DOSSIER_TYPE_LOOKUP_PAGE, NULL);
}

void
dossier_lookup_page_set_history (DossierLookupPage *self,
                                 DossierHistory    *history)
{
  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));
  g_return_if_fail (history == NULL || DOSSIER_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "sources-changed",
                             G_CALLBACK (rebuild_sources_menu), self, G_CONNECT_SWAPPED);

  rebuild_sources_menu (self);
}

char *
dossier_lookup_page_dup_source_key (DossierLookupPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP_PAGE (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));
}

DossierIdentifierKind
dossier_lookup_page_get_kind (DossierLookupPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP_PAGE (self), DOSSIER_IDENTIFIER_KEY);

  switch (adw_combo_row_get_selected (self->kind_row))
    {
    case 1:
      return DOSSIER_IDENTIFIER_REFERENCE;
    case 2:
      return DOSSIER_IDENTIFIER_EMAIL;
    case 0:
    default:
      return DOSSIER_IDENTIFIER_KEY;
    }
}

char *
dossier_lookup_page_dup_identifier (DossierLookupPage *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP_PAGE (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->identifier_row))));
}

gboolean
dossier_lookup_page_is_complete (DossierLookupPage *self)
{
  g_autofree char *source_key = NULL;
  g_autofree char *identifier = NULL;

  g_return_val_if_fail (DOSSIER_IS_LOOKUP_PAGE (self), FALSE);

  source_key = dossier_lookup_page_dup_source_key (self);
  identifier = dossier_lookup_page_dup_identifier (self);

  return *source_key != '\0' && *identifier != '\0';
}

void
dossier_lookup_page_set_lookup (DossierLookupPage     *self,
                                const char            *source_key,
                                DossierIdentifierKind  kind,
                                const char            *identifier)
{
  guint selected;

  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));

  switch (kind)
    {
    case DOSSIER_IDENTIFIER_REFERENCE:
      selected = 1;
      break;
    case DOSSIER_IDENTIFIER_EMAIL:
      selected = 2;
      break;
    case DOSSIER_IDENTIFIER_KEY:
    default:
      selected = 0;
      break;
    }

  if (source_key != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->source_row), source_key);
  adw_combo_row_set_selected (self->kind_row, selected);
  if (identifier != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->identifier_row), identifier);
}

void
dossier_lookup_page_set_busy (DossierLookupPage *self,
                              gboolean           busy)
{
  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));

  busy = !!busy;
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
dossier_lookup_page_set_lookups (DossierLookupPage *self,
                                 GListModel        *model,
                                 const char        *title,
                                 const char        *description)
{
  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  adw_preferences_group_set_title (self->lookups_group, title != NULL ? title : "");
  adw_preferences_group_set_description (self->lookups_group, description);

  if (self->lookups != model)
    {
      if (self->lookups != NULL)
        g_signal_handlers_disconnect_by_data (self->lookups, self);
      g_set_object (&self->lookups, model);
      if (model != NULL)
        g_signal_connect_object (model, "items-changed",
                                 G_CALLBACK (lookups_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->lookups_list, model, create_lookup_row, self, NULL);
    }

  lookups_changed_cb (self);
}

void
dossier_lookup_page_set_compact (DossierLookupPage *self,
                                 gboolean           compact)
{
  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  update_source_name (self);
}

void
dossier_lookup_page_focus_form (DossierLookupPage *self)
{
  g_autofree char *source_key = NULL;
  GtkWidget *row;

  g_return_if_fail (DOSSIER_IS_LOOKUP_PAGE (self));

  source_key = dossier_lookup_page_dup_source_key (self);
  row = *source_key != '\0' ? GTK_WIDGET (self->identifier_row) : GTK_WIDGET (self->source_row);
  gtk_widget_grab_focus (row);
  gtk_editable_select_region (GTK_EDITABLE (row), 0, -1);
}
