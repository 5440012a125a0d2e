/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-history.h"

struct _DossierLookup
{
  GObject                parent_instance;
  char                  *source_key;
  DossierIdentifierKind  kind;
  char                  *identifier;
  char                  *name;
};

G_DEFINE_FINAL_TYPE (DossierLookup, dossier_lookup, G_TYPE_OBJECT)

static void
dossier_lookup_finalize (GObject *object)
{
  DossierLookup *self = DOSSIER_LOOKUP (object);

  g_free (self->source_key);
  g_free (self->identifier);
  g_free (self->name);

  G_OBJECT_CLASS (dossier_lookup_parent_class)->finalize (object);
}

static void
dossier_lookup_class_init (DossierLookupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = dossier_lookup_finalize;
}

static void
dossier_lookup_init (DossierLookup *self)
{
}

DossierLookup *
dossier_lookup_new (const char            *source_key,
                    DossierIdentifierKind  kind,
                    const char            *identifier,
                    const char            *name)
{
  DossierLookup *self;

  g_return_val_if_fail (source_key != NULL, NULL);
  g_return_val_if_fail (identifier != NULL, NULL);

  self = g_object_new (DOSSIER_TYPE_LOOKUP, NULL);
  self->source_key = g_strdup (source_key);
  self->kind = kind;
  self->identifier = g_strdup (identifier);
  self->name = (name != NULL && *name != '\0') ? g_strdup (name) : NULL;

  return self;
}

const char *
dossier_lookup_get_source_key (DossierLookup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (self), NULL);
  return self->source_key;
}

DossierIdentifierKind
dossier_lookup_get_kind (DossierLookup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (self), DOSSIER_IDENTIFIER_KEY);
  return self->kind;
}

const char *
dossier_lookup_get_identifier (DossierLookup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (self), NULL);
  return self->identifier;
}

const char *
dossier_lookup_get_name (DossierLookup *self)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (self), NULL);
  return self->name;
}

gboolean
dossier_lookup_equal (DossierLookup *self,
                      DossierLookup *other)
{
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LOOKUP (other), FALSE);

  return self->kind == other->kind &&
         g_str_equal (self->source_key, other->source_key) &&
         g_str_equal (self->identifier, other->identifier);
}

struct _DossierHistory
{
  GObject     parent_instance;
  GSettings  *settings;
  GListStore *lookups;
};

G_DEFINE_FINAL_TYPE (DossierHistory, dossier_history, G_TYPE_OBJECT)

enum {
  SOURCES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
kind_from_string (const char            *text,
                  DossierIdentifierKind *kind)
{
  if (g_strcmp0 (text, "key") == 0)
    *kind = DOSSIER_IDENTIFIER_KEY;
  else if (g_strcmp0 (text, "reference") == 0)
    *kind = DOSSIER_IDENTIFIER_REFERENCE;
  else if (g_strcmp0 (text, "email") == 0)
    *kind = DOSSIER_IDENTIFIER_EMAIL;
  else
    return FALSE;
  return TRUE;
}

/* The list store is rebuilt from GSettings whenever the key changes, so that
 * every window (and the preferences' Clear History) sees the same list. */
static void
reload (DossierHistory *self)
{
  g_autoptr(GVariant) history = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GVariantIter iter;
  const char *source_key, *kind_text, *identifier, *name;

  if (g_settings_get_boolean (self->settings, "history-enabled"))
    {
      history = g_settings_get_value (self->settings, "history");
      g_variant_iter_init (&iter, history);
      while (g_variant_iter_next (&iter, "(&s&s&s&s)", &source_key, &kind_text, &identifier, &name))
        {
          DossierIdentifierKind kind;

          /* A hand-edited or future entry is skipped rather than guessed. */
          if (*source_key == '\0' || *identifier == '\0' || !kind_from_string (kind_text, &kind))
            continue;
          g_ptr_array_add (items, dossier_lookup_new (source_key, kind, identifier, name));
          if (items->len >= DOSSIER_HISTORY_MAX_LOOKUPS)
            break;
        }
    }

  g_list_store_splice (self->lookups, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->lookups)),
                       items->pdata, items->len);
}

static void
settings_changed_cb (DossierHistory *self,
                     const char     *key,
                     GSettings      *settings)
{
  reload (self);
}

static void
sources_changed_cb (DossierHistory *self,
                    const char     *key,
                    GSettings      *settings)
{
  g_signal_emit (self, signals[SOURCES_CHANGED], 0);
}

static void
dossier_history_dispose (GObject *object)
{
  DossierHistory *self = DOSSIER_HISTORY (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->lookups);

  G_OBJECT_CLASS (dossier_history_parent_class)->dispose (object);
}

static void
dossier_history_class_init (DossierHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_history_dispose;

  signals[SOURCES_CHANGED] =
    g_signal_new ("sources-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
dossier_history_init (DossierHistory *self)
{
  self->lookups = g_list_store_new (DOSSIER_TYPE_LOOKUP);
}

DossierHistory *
dossier_history_new (GSettings *settings)
{
  DossierHistory *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (DOSSIER_TYPE_HISTORY, NULL);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::history",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::history-enabled",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::recent-sources",
                           G_CALLBACK (sources_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);

  return self;
}

GListModel *
dossier_history_get_lookups (DossierHistory *self)
{
  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), NULL);
  return G_LIST_MODEL (self->lookups);
}

gboolean
dossier_history_get_enabled (DossierHistory *self)
{
  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), FALSE);
  return g_settings_get_boolean (self->settings, "history-enabled");
}

void
dossier_history_add (DossierHistory *self,
                     DossierLookup  *lookup)
{
  g_autoptr(GVariant) old = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *source_key, *kind_text, *identifier, *name;
  guint n = 1;

  g_return_if_fail (DOSSIER_IS_HISTORY (self));
  g_return_if_fail (DOSSIER_IS_LOOKUP (lookup));

  if (!dossier_history_get_enabled (self))
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ssss)"));
  g_variant_builder_add (&builder, "(ssss)",
                         lookup->source_key,
                         dossier_identifier_kind_to_string (lookup->kind),
                         lookup->identifier,
                         lookup->name != NULL ? lookup->name : "");

  old = g_settings_get_value (self->settings, "history");
  g_variant_iter_init (&iter, old);
  while (n < DOSSIER_HISTORY_MAX_LOOKUPS &&
         g_variant_iter_next (&iter, "(&s&s&s&s)", &source_key, &kind_text, &identifier, &name))
    {
      DossierIdentifierKind kind;

      if (kind_from_string (kind_text, &kind) &&
          kind == lookup->kind &&
          g_str_equal (source_key, lookup->source_key) &&
          g_str_equal (identifier, lookup->identifier))
        continue;

      g_variant_builder_add (&builder, "(ssss)", source_key, kind_text, identifier, name);
      n++;
    }

  g_settings_set_value (self->settings, "history", g_variant_builder_end (&builder));
}

void
dossier_history_clear (DossierHistory *self)
{
  g_return_if_fail (DOSSIER_IS_HISTORY (self));

  g_settings_reset (self->settings, "history");
}

void
dossier_history_add_source (DossierHistory *self,
                            const char     *source_key,
                            const char     *name)
{
  g_autoptr(GVariant) old = NULL;
  g_autofree char *known_name = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *old_key, *old_name;
  guint n = 1;

  g_return_if_fail (DOSSIER_IS_HISTORY (self));
  g_return_if_fail (source_key != NULL && *source_key != '\0');

  if (name == NULL || *name == '\0')
    known_name = dossier_history_dup_source_name (self, source_key);
  else
    known_name = g_strdup (name);

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ss)"));
  g_variant_builder_add (&builder, "(ss)", source_key, known_name != NULL ? known_name : "");

  old = g_settings_get_value (self->settings, "recent-sources");
  g_variant_iter_init (&iter, old);
  while (n < DOSSIER_HISTORY_MAX_SOURCES && g_variant_iter_next (&iter, "(&s&s)", &old_key, &old_name))
    {
      if (*old_key == '\0' || g_str_equal (old_key, source_key))
        continue;
      g_variant_builder_add (&builder, "(ss)", old_key, old_name);
      n++;
    }

  g_settings_set_value (self->settings, "recent-sources", g_variant_builder_end (&builder));
}

char **
dossier_history_dup_source_keys (DossierHistory *self)
{
  g_autoptr(GVariant) sources = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GVariantIter iter;
  const char *key, *name;

  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), NULL);

  sources = g_settings_get_value (self->settings, "recent-sources");
  g_variant_iter_init (&iter, sources);
  while (g_variant_iter_next (&iter, "(&s&s)", &key, &name))
    if (*key != '\0')
      g_strv_builder_add (builder, key);

  return g_strv_builder_end (builder);
}

char *
dossier_history_dup_source_name (DossierHistory *self,
                                 const char     *source_key)
{
  g_autoptr(GVariant) sources = NULL;
  GVariantIter iter;
  const char *key, *name;

  g_return_val_if_fail (DOSSIER_IS_HISTORY (self), NULL);

  if (source_key == NULL)
    return NULL;

  sources = g_settings_get_value (self->settings, "recent-sources");
  g_variant_iter_init (&iter, sources);
  while (g_variant_iter_next (&iter, "(&s&s)", &key, &name))
    if (g_str_equal (key, source_key) && *name != '\0')
      return g_strdup (name);

  return NULL;
}
