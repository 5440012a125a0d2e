/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-demo.h"
#include "dossier-history.h"
#include "dossier-profile.h"

#define SAMPLES_PATH RESOURCE_PATH "/samples/"

/* Fictional: the same in every run so that lookups typed from the
 * documentation work.  The key is not a secret: only the fake server on
 * loopback accepts it. */
#define DEMO_SOURCE_KEY "d0551e5a3b1e4c7f9a2d6b8e0c1f3a5b7d9e2f40"
#define DEMO_USER_EMAIL "demo@example.com"
#define DEMO_API_KEY    "askr_00000000000000000000000000000de0"

/* The generated long profile: enough entries to show that a record with
 * thousands of them stays responsive, small enough to start in a blink. */
#define LONG_PROFILE_KEY         "10a6e0f11e5a3b1e4c7f9a2d6b8e0c1f3a5b7d9e"
#define LONG_PROFILE_EXPERIENCES 2000
#define LONG_PROFILE_SKILLS      1500

struct _DossierDemo
{
  GObject            parent_instance;
  DossierFakeServer *server;
  GListStore        *lookups;
  gboolean           running;
};

G_DEFINE_FINAL_TYPE (DossierDemo, dossier_demo, G_TYPE_OBJECT)

typedef struct
{
  char      *files_url;
  GPtrArray *profiles;   /* GBytes */
  GPtrArray *lookups;    /* DossierLookup */
} StartData;

static void
start_data_free (StartData *data)
{
  g_free (data->files_url);
  g_clear_pointer (&data->profiles, g_ptr_array_unref);
  g_clear_pointer (&data->lookups, g_ptr_array_unref);
  g_free (data);
}

/* The samples name their pictures and attachments "@FILES@/…": the port is
 * only known once the server listens. */
static GBytes *
substitute_files_url (GBytes     *bytes,
                      const char *files_url)
{
  gsize size;
  const char *text = g_bytes_get_data (bytes, &size);
  g_autoptr(GString) result = g_string_new_len (text, size);

  g_string_replace (result, "@FILES@", files_url, 0);
  return g_string_free_to_bytes (g_steal_pointer (&result));
}

static void
add_skill (JsonBuilder *builder,
           const char  *name,
           const char  *type)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, type);
  json_builder_set_member_name (builder, "value");
  json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* A career of thousands of short engagements: not realistic, on purpose.
 * It is labelled as generated so that nobody mistakes it for a person. */
static GBytes *
generate_long_profile (void)
{
  static const char * const companies[] = {
    "Northwind Consulting", "Atelier Nuage", "Spreewerk Digital", "Verde Moda",
    "Pennine Retail Group", "Studio Lumière", "Sakura Design", "Atlas Audit",
  };
  static const char * const titles[] = {
    "Interim Project Manager", "Consultant", "Business Analyst", "Scrum Master",
    "Change Manager", "Programme Lead", "Quality Auditor", "Trainer",
  };
  static const char * const cities[] = {
    "Paris", "Lyon", "Lille", "Bordeaux", "Nantes", "Marseille", "Toulouse", "Strasbourg",
  };
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  json_builder_begin_object (builder);
  add_string_member (builder, "key", LONG_PROFILE_KEY);
  add_string_member (builder, "reference", "CAND-GENERATED-LONG");
  add_string_member (builder, "source_key", DEMO_SOURCE_KEY);
  json_builder_set_member_name (builder, "source");
  json_builder_begin_object (builder);
  add_string_member (builder, "key", DEMO_SOURCE_KEY);
  add_string_member (builder, "name", "Sample Profiles");
  add_string_member (builder, "type", "api");
  json_builder_end_object (builder);
  add_string_member (builder, "created_at", "2024-01-02T08:00:00+0000");
  add_string_member (builder, "updated_at", "2024-11-20T18:45:00+0000");
  add_string_member (builder, "text_language", "en");

  json_builder_set_member_name (builder, "info");
  json_builder_begin_object (builder);
  add_string_member (builder, "full_name", "Sacha Perrin");
  add_string_member (builder, "first_name", "Sacha");
  add_string_member (builder, "last_name", "Perrin");
  add_string_member (builder, "email", "sacha.perrin@example.org");
  add_string_member (builder, "phone", NULL);
  add_string_member (builder, "picture", NULL);
  add_string_member (builder, "summary",
                     "A generated sample with thousands of experiences and skills, "
                     "to show how Dossier handles very long records.");
  json_builder_set_member_name (builder, "location");
  json_builder_begin_object (builder);
  add_string_member (builder, "text", "Paris, France");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "experiences");
  json_builder_begin_array (builder);
  for (guint i = 0; i < LONG_PROFILE_EXPERIENCES; i++)
    {
      /* Each engagement lasts about a week, walking back from late 2024. */
      g_autoptr(GDateTime) end = g_date_time_new_utc (2024, 11, 15, 0, 0, 0);
      g_autoptr(GDateTime) end_i = g_date_time_add_days (end, -7 * (int) i);
      g_autoptr(GDateTime) start_i = g_date_time_add_days (end_i, -5);
      g_autofree char *start_text = g_date_time_format (start_i, "%Y-%m-%dT00:00:00");
      g_autofree char *end_text = g_date_time_format (end_i, "%Y-%m-%dT00:00:00");
      g_autofree char *description = g_strdup_printf ("Engagement %u of %u.", LONG_PROFILE_EXPERIENCES - i,
                                                      LONG_PROFILE_EXPERIENCES);

      json_builder_begin_object (builder);
      add_string_member (builder, "company", companies[i % G_N_ELEMENTS (companies)]);
      add_string_member (builder, "title", titles[(i / 3) % G_N_ELEMENTS (titles)]);
      add_string_member (builder, "description", description);
      add_string_member (builder, "date_start", start_text);
      add_string_member (builder, "date_end", i == 0 ? "1969-12-31T23:59:59" : end_text);
      json_builder_set_member_name (builder, "location");
      json_builder_begin_object (builder);
      add_string_member (builder, "text", cities[(i / 7) % G_N_ELEMENTS (cities)]);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "skills");
      json_builder_begin_array (builder);
      add_skill (builder, "Project management", "hard");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "educations");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string_member (builder, "school", "Université Paris Cité");
  add_string_member (builder, "title", "Master’s degree in Management");
  add_string_member (builder, "date_start", "1998-09-01T00:00:00");
  add_string_member (builder, "date_end", "2000-06-30T00:00:00");
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "skills");
  json_builder_begin_array (builder);
  for (guint i = 0; i < LONG_PROFILE_SKILLS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Skill %04u", i + 1);

      add_skill (builder, name, i % 4 == 3 ? "soft" : "hard");
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_bytes_new_take (text, length);
}

static DossierLookup *
lookup_for_sample (DossierProfile *profile,
                   const char     *basename)
{
  g_autofree char *name = dossier_profile_dup_display_name (profile);

  /* The samples show the three ways to look a candidate up. */
  if (g_str_has_prefix (basename, "camille-") && dossier_profile_get_email (profile) != NULL)
    return dossier_lookup_new (DEMO_SOURCE_KEY, DOSSIER_IDENTIFIER_EMAIL,
                               dossier_profile_get_email (profile), name);
  if (g_str_has_prefix (basename, "lena-") && dossier_profile_get_reference (profile) != NULL)
    return dossier_lookup_new (DEMO_SOURCE_KEY, DOSSIER_IDENTIFIER_REFERENCE,
                               dossier_profile_get_reference (profile), name);

  return dossier_lookup_new (DEMO_SOURCE_KEY, DOSSIER_IDENTIFIER_KEY,
                             dossier_profile_get_key (profile), name);
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
prepare_samples_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  StartData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) children = NULL;
  g_autoptr(GBytes) long_profile = NULL;
  g_autoptr(DossierProfile) long_model = NULL;

  children = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (children == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Sorted so that the list of sample people is the same in every run. */
  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) raw = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(DossierProfile) profile = NULL;

      if (!g_str_has_suffix (children[i], ".json"))
        continue;

      path = g_strconcat (SAMPLES_PATH, children[i], NULL);
      raw = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      if (raw == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      bytes = substitute_files_url (raw, data->files_url);
      profile = dossier_profile_new_from_bytes (bytes, &error);
      if (profile == NULL)
        {
          g_prefix_error (&error, "%s: ", children[i]);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_ptr_array_add (data->lookups, lookup_for_sample (profile, children[i]));
      g_ptr_array_add (data->profiles, g_steal_pointer (&bytes));
    }

  long_profile = generate_long_profile ();
  long_model = dossier_profile_new_from_bytes (long_profile, &error);
  if (long_model == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (data->lookups, lookup_for_sample (long_model, "long"));
  g_ptr_array_add (data->profiles, g_steal_pointer (&long_profile));

  g_task_return_boolean (task, TRUE);
}

static const char *
content_type_for (const char *name)
{
  if (g_str_has_suffix (name, ".png"))
    return "image/png";
  if (g_str_has_suffix (name, ".txt"))
    return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

/* Pictures under /files/pictures/, everything else (the attachments) under
 * /files/attachments/, as a storage host would serve them. */
static void
add_files (DossierDemo *self)
{
  g_auto(GStrv) children = g_resources_enumerate_children (SAMPLES_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  for (guint i = 0; children != NULL && children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autofree char *url_path = NULL;
      g_autoptr(GBytes) bytes = NULL;

      if (g_str_has_suffix (children[i], ".json"))
        continue;

      path = g_strconcat (SAMPLES_PATH, children[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      if (bytes == NULL)
        continue;

      url_path = g_strconcat (g_str_has_suffix (children[i], ".png") ? "/files/pictures/" : "/files/attachments/",
                              children[i], NULL);
      dossier_fake_server_add_file (self->server, url_path, bytes, content_type_for (children[i]));
    }
}

static void
prepare_samples_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  DossierDemo *self = DOSSIER_DEMO (object);
  g_autoptr(GTask) task = user_data;
  StartData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < data->profiles->len; i++)
    {
      dossier_fake_server_add_profile (self->server, DEMO_SOURCE_KEY, g_ptr_array_index (data->profiles, i), &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  add_files (self);
  g_list_store_splice (self->lookups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lookups)),
                       data->lookups->pdata, data->lookups->len);
  self->running = TRUE;

  g_task_return_boolean (task, TRUE);
}

void
dossier_demo_start_async (DossierDemo         *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) prepare = NULL;
  g_autoptr(GError) error = NULL;
  StartData *data;

  g_return_if_fail (DOSSIER_IS_DEMO (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_demo_start_async);

  if (self->running)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (!dossier_fake_server_start (self->server, 0, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  dossier_fake_server_add_account (self->server, DEMO_USER_EMAIL, DEMO_API_KEY, "read", "Dossier Samples");
  dossier_fake_server_add_source (self->server, DEMO_SOURCE_KEY);

  data = g_new0 (StartData, 1);
  data->files_url = g_strconcat (dossier_fake_server_get_base_url (self->server), "/files", NULL);
  data->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  data->lookups = g_ptr_array_new_with_free_func (g_object_unref);

  prepare = g_task_new (self, cancellable, prepare_samples_cb, g_steal_pointer (&task));
  g_task_set_source_tag (prepare, prepare_samples_thread);
  g_task_set_task_data (prepare, data, (GDestroyNotify) start_data_free);
  g_task_run_in_thread (prepare, prepare_samples_thread);
}

gboolean
dossier_demo_start_finish (DossierDemo   *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_DEMO (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == dossier_demo_start_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
dossier_demo_dispose (GObject *object)
{
  DossierDemo *self = DOSSIER_DEMO (object);

  g_clear_object (&self->server);
  g_clear_object (&self->lookups);

  G_OBJECT_CLASS (dossier_demo_parent_class)->dispose (object);
}

static void
dossier_demo_class_init (DossierDemoClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = dossier_demo_dispose;
}

static void
dossier_demo_init (DossierDemo *self)
{
  self->server = dossier_fake_server_new ();
  self->lookups = g_list_store_new (DOSSIER_TYPE_LOOKUP);
}

DossierDemo *
dossier_demo_new (void)
{
  return g_object_new (DOSSIER_TYPE_DEMO, NULL);
}

gboolean
dossier_demo_is_running (DossierDemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_DEMO (self), FALSE);
  return self->running;
}

const char *
dossier_demo_get_api_base (DossierDemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_DEMO (self), NULL);
  return dossier_fake_server_get_api_base (self->server);
}

const char *
dossier_demo_get_user_email (DossierDemo *self)
{
  return DEMO_USER_EMAIL;
}

const char *
dossier_demo_get_api_key (DossierDemo *self)
{
  return DEMO_API_KEY;
}

const char *
dossier_demo_get_source_key (DossierDemo *self)
{
  return DEMO_SOURCE_KEY;
}

const char *
dossier_demo_get_source_name (DossierDemo *self)
{
  return _("Sample Profiles");
}

GListModel *
dossier_demo_get_lookups (DossierDemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_DEMO (self), NULL);
  return G_LIST_MODEL (self->lookups);
}

DossierFakeServer *
dossier_demo_get_server (DossierDemo *self)
{
  g_return_val_if_fail (DOSSIER_IS_DEMO (self), NULL);
  return self->server;
}
