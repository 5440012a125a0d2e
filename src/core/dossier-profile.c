/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "dossier-profile.h"
#include "dossier-error.h"
#include "dossier-json-private.h"
#include "dossier-json-text.h"
#include "dossier-json-tree.h"

#include <errno.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

struct _DossierProfile
{
  GObject          parent_instance;

  GBytes          *raw_json;

  char            *id;
  char            *key;
  char            *reference;
  char            *source_key;
  DossierSource   *source;
  gboolean         archived;
  DossierDate     *archived_at;
  DossierDate     *created_at;
  DossierDate     *updated_at;
  DossierConsent  *consent;

  char            *full_name;
  char            *first_name;
  char            *last_name;
  char            *email;
  char            *phone;
  DossierDate     *date_birth;
  char            *gender;
  char            *summary;
  char            *picture_url;
  char            *driving_license;
  DossierLocation *location;
  GListStore      *links;

  char            *text;
  char            *text_language;
  double           experiences_duration;
  double           educations_duration;

  GListStore      *experiences;
  GListStore      *educations;
  GListStore      *skills;
  GListStore      *languages;
  GListStore      *interests;
  GListStore      *certifications;
  GListStore      *courses;
  GListStore      *tasks;
  GListStore      *tags;
  GListStore      *metadatas;
  GListStore      *labels;
  GListStore      *attachments;
};

G_DEFINE_FINAL_TYPE (DossierProfile, dossier_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_REFERENCE,
  PROP_DISPLAY_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_SUMMARY,
  PROP_PICTURE_URL,
  PROP_LOCATION,
  PROP_CURRENT_EXPERIENCE,
  PROP_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_profile_finalize (GObject *object)
{
  DossierProfile *self = DOSSIER_PROFILE (object);

  g_clear_pointer (&self->raw_json, g_bytes_unref);

  g_free (self->id);
  g_free (self->key);
  g_free (self->reference);
  g_free (self->source_key);
  g_clear_object (&self->source);
  g_clear_object (&self->archived_at);
  g_clear_object (&self->created_at);
  g_clear_object (&self->updated_at);
  g_clear_object (&self->consent);

  g_free (self->full_name);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->email);
  g_free (self->phone);
  g_clear_object (&self->date_birth);
  g_free (self->gender);
  g_free (self->summary);
  g_free (self->picture_url);
  g_free (self->driving_license);
  g_clear_object (&self->location);
  g_clear_object (&self->links);

  g_free (self->text);
  g_free (self->text_language);

  g_clear_object (&self->experiences);
  g_clear_object (&self->educations);
  g_clear_object (&self->skills);
  g_clear_object (&self->languages);
  g_clear_object (&self->interests);
  g_clear_object (&self->certifications);
  g_clear_object (&self->courses);
  g_clear_object (&self->tasks);
  g_clear_object (&self->tags);
  g_clear_object (&self->metadatas);
  g_clear_object (&self->labels);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (dossier_profile_parent_class)->finalize (object);
}

static void
dossier_profile_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  DossierProfile *self = DOSSIER_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_REFERENCE:
      g_value_set_string (value, self->reference);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, dossier_profile_dup_display_name (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;
    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_PICTURE_URL:
      g_value_set_string (value, self->picture_url);
      break;
    case PROP_LOCATION:
      g_value_set_object (value, self->location);
      break;
    case PROP_CURRENT_EXPERIENCE:
      g_value_set_object (value, dossier_profile_get_current_experience (self));
      break;
    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_profile_class_init (DossierProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_profile_finalize;
  object_class->get_property = dossier_profile_get_property;

  /* Read-only: a profile never changes once built, so there is nothing to
   * notify; the properties exist for GtkExpression and bindings. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REFERENCE] =
    g_param_spec_string ("reference", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PICTURE_URL] =
    g_param_spec_string ("picture-url", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LOCATION] =
    g_param_spec_object ("location", NULL, NULL, DOSSIER_TYPE_LOCATION,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_EXPERIENCE] =
    g_param_spec_object ("current-experience", NULL, NULL, DOSSIER_TYPE_EXPERIENCE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_profile_init (DossierProfile *self)
{
  self->experiences_duration = -1;
  self->educations_duration = -1;
}

/* Building */

static gboolean
is_number_token (const char *token,
                 gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (token[i]) && strchr ("+-.eE", token[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Whether @token spells the number json-glib read into @node, so that a
 * token found by name in the text (where "\u0069d" does not match "id")
 * is not taken for another member's.  An integer too large for json-glib
 * (which wraps it around) cannot be compared, and is trusted. */
static gboolean
token_matches_node (const char *token,
                    gsize       token_length,
                    JsonNode   *node)
{
  g_autofree char *text = g_strndup (token, token_length);
  char *end = NULL;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value;

      errno = 0;
      value = g_ascii_strtoll (text, &end, 10);
      if (errno == ERANGE)
        return TRUE;
      return *end == '\0' && value == json_node_get_int (node);
    }

  return g_ascii_strtod (text, &end) == json_node_get_double (node) && *end == '\0';
}

char *
dossier_json_dup_id (JsonNode   *node,
                     const char *token,
                     gsize       token_length)
{
  const char *text;
  double value;

  if ((text = dossier_json_node_get_string (node)) != NULL)
    return g_strstrip (g_strdup (text));

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  if (json_node_get_value_type (node) == G_TYPE_INT64 ||
      json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      if (token != NULL && is_number_token (token, token_length) &&
          token_matches_node (token, token_length, node))
        return g_strndup (token, token_length);
      if (json_node_get_value_type (node) == G_TYPE_INT64)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      if (dossier_json_node_get_number (node, &value))
        return g_strdup_printf ("%.17g", value);
    }

  return NULL;
}

/* The exact text of the member @name of the object @text, when it is there.
 * @members, when not NULL, are the spans of the members of that object in
 * @span_text (from dossier_json_tree_parse()): no scan of the text. */
static gboolean
find_member_text (GBytes      *text,
                  const char  *span_text,
                  GArray      *members,
                  const char  *name,
                  const char **token,
                  gsize       *token_length)
{
  gsize size, start, end;
  const char *data;

  if (members != NULL)
    {
      if (!dossier_json_members_find (span_text, members, name, &start, &end))
        return FALSE;
      *token = span_text + start;
      *token_length = end - start;
      return TRUE;
    }

  if (text == NULL)
    return FALSE;
  data = g_bytes_get_data (text, &size);
  if (data == NULL || !dossier_json_find_member (data, size, name, &start, &end))
    return FALSE;
  *token = data + start;
  *token_length = end - start;
  return TRUE;
}

static char *
dup_string (JsonObject *object,
            const char *name)
{
  return g_strdup (dossier_json_get_string (object, name));
}

/* A list of the items @build makes of the elements of @array (those that
 * make none left out), or of the items already made of them in
 * @prebuilt. */
static GListStore *
build_list (JsonArray  *array,
            GType       item_type,
            gpointer  (*build) (JsonNode *node),
            GHashTable *prebuilt)
{
  GListStore *store = g_list_store_new (item_type);
  GPtrArray *built = dossier_json_prebuilt_items (prebuilt, array);
  g_autoptr(GPtrArray) items = NULL;

  if (built == NULL)
    {
      guint n = array ? json_array_get_length (array) : 0;

      items = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          gpointer item = build (json_array_get_element (array, i));

          if (item != NULL)
            g_ptr_array_add (items, item);
        }
      built = items;
    }

  /* One splice, not an append per item: each append emits items-changed,
   * 3% of building a large profile's model. */
  if (built->len > 0)
    g_list_store_splice (store, 0, 0, built->pdata, built->len);
  return store;
}

static gpointer
build_named_value (JsonNode *node)
{
  return dossier_named_value_new_from_node (node);
}

static gpointer
build_skill (JsonNode *node)
{
  return dossier_skill_new_from_node (node, DOSSIER_SKILL_UNKNOWN);
}

static gpointer
build_hard_skill (JsonNode *node)
{
  return dossier_skill_new_from_node (node, DOSSIER_SKILL_HARD);
}

static gpointer
build_soft_skill (JsonNode *node)
{
  return dossier_skill_new_from_node (node, DOSSIER_SKILL_SOFT);
}

static gpointer
build_label (JsonNode *node)
{
  return dossier_label_new_from_node (node);
}

static gpointer
build_attachment (JsonNode *node)
{
  return dossier_attachment_new_from_node (node);
}

static gpointer
build_work (JsonNode *node)
{
  return dossier_experience_new_from_node (node, DOSSIER_EXPERIENCE_WORK);
}

static gpointer
build_education (JsonNode *node)
{
  return dossier_experience_new_from_node (node, DOSSIER_EXPERIENCE_EDUCATION);
}

/* The lists of a profile, by the name of their member, and how each
 * element becomes an item: what parse_tree() builds while it reads. */
static const struct
{
  const char  *name;
  gpointer   (*build) (JsonNode *node);
} profile_lists[] = {
  { "experiences", build_work },
  { "educations", build_education },
  { "skills", build_skill },
  { "hard_skills", build_hard_skill },
  { "soft_skills", build_soft_skill },
  { "languages", build_named_value },
  { "interests", build_named_value },
  { "certifications", build_named_value },
  { "courses", build_named_value },
  { "tasks", build_named_value },
  { "tags", build_named_value },
  { "metadatas", build_named_value },
  { "labels", build_label },
  { "attachments", build_attachment },
};

static int
compare_experience_pointers (gconstpointer a,
                             gconstpointer b,
                             gpointer      user_data)
{
  return dossier_experience_compare_newest_first (*(gpointer const *) a,
                                                  *(gpointer const *) b,
                                                  user_data);
}

/* g_list_store_sort () does not promise a stable order for equal keys;
 * g_qsort_with_data () does, and two jobs with the same dates must keep
 * the order the API gave them. */
static void
sort_newest_first (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (store), i));

  g_qsort_with_data (items->pdata, n, sizeof (gpointer),
                     compare_experience_pointers, NULL);
  g_list_store_splice (store, 0, n, items->pdata, n);
}

static DossierLinkType
link_type_from_name (const char *name)
{
  if (name == NULL)
    return DOSSIER_LINK_OTHER;
  if (g_ascii_strcasecmp (name, "from_resume") == 0)
    return DOSSIER_LINK_FROM_RESUME;
  if (g_ascii_strcasecmp (name, "linkedin") == 0)
    return DOSSIER_LINK_LINKEDIN;
  if (g_ascii_strcasecmp (name, "twitter") == 0)
    return DOSSIER_LINK_TWITTER;
  if (g_ascii_strcasecmp (name, "facebook") == 0)
    return DOSSIER_LINK_FACEBOOK;
  if (g_ascii_strcasecmp (name, "github") == 0)
    return DOSSIER_LINK_GITHUB;
  return DOSSIER_LINK_OTHER;
}

static void
add_link (GListStore      *links,
          DossierLinkType  type,
          const char      *url)
{
  g_autofree char *stripped = NULL;
  g_autoptr(DossierLink) link = NULL;

  if (dossier_json_is_blank (url))
    return;
  stripped = g_strstrip (g_strdup (url));
  link = dossier_link_new (type, stripped);
  g_list_store_append (links, link);
}

/* A URL member may be a string or, for `from_resume`, a list of strings:
 * each string becomes a link of its own. */
static void
add_links_from_node (GListStore      *links,
                     DossierLinkType  type,
                     JsonNode        *node)
{
  JsonArray *array;

  if ((array = dossier_json_node_get_array (node)) != NULL)
    {
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        add_link (links, type, dossier_json_node_get_string (json_array_get_element (array, i)));
    }
  else
    add_link (links, type, dossier_json_node_get_string (node));
}

/* `info.urls` has had three shapes: a list of `{type, url}` (current), an
 * object keyed by type (older data and the seed document), and a bare
 * string. */
static GListStore *
build_links (JsonNode *urls)
{
  GListStore *links = g_list_store_new (DOSSIER_TYPE_LINK);
  JsonObject *object;
  JsonArray *array;

  if ((array = dossier_json_node_get_array (urls)) != NULL)
    {
      guint n = json_array_get_length (array);

      for (guint i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *item = dossier_json_node_get_object (element);

          if (item != NULL)
            add_links_from_node (links,
                                 link_type_from_name (dossier_json_get_string (item, "type")),
                                 dossier_json_get_member (item, "url"));
          else
            add_link (links, DOSSIER_LINK_OTHER, dossier_json_node_get_string (element));
        }
    }
  else if ((object = dossier_json_node_get_object (urls)) != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        {
          const char *name = l->data;

          /* The object shape once carried the picture among the links. */
          if (g_strcmp0 (name, "picture") == 0)
            continue;
          add_links_from_node (links, link_type_from_name (name),
                               dossier_json_get_member (object, name));
        }
    }
  else
    add_link (links, DOSSIER_LINK_OTHER, dossier_json_node_get_string (urls));

  return links;
}

/* Whether the older `archive` member says "archived" on its own: true, a
 * non-empty string or a number (a date).  A list or an object is of the
 * wrong type, hence absent. */
static gboolean
is_truthy_archive (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (type == G_TYPE_STRING)
    return !dossier_json_is_blank (json_node_get_string (node));
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* @span_text and @members: see find_member_text(); @raw_json is then the
 * span of @data in @span_text.  @prebuilt: see
 * dossier_json_prebuilt_items(). */
static DossierProfile *
profile_new (JsonObject *data,
             GBytes     *raw_json,
             const char *span_text,
             GArray     *members,
             GHashTable *prebuilt)
{
  DossierProfile *self;
  JsonObject *info;
  JsonNode *node;
  const char *token;
  gsize token_length;

  self = g_object_new (DOSSIER_TYPE_PROFILE, NULL);

  if (raw_json != NULL)
    self->raw_json = g_bytes_ref (raw_json);
  else
    {
      g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), data);
      g_autofree char *text = json_to_string (root, FALSE);
      gsize length = strlen (text);

      self->raw_json = g_bytes_new_take (g_steal_pointer (&text), length);
    }

  /* Identity */
  /* The exact text of the id only matters for a number; looking for it
   * scans the whole text when there is no `id` (5 MB for a large profile). */
  node = dossier_json_get_member (data, "id");
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      (json_node_get_value_type (node) == G_TYPE_INT64 ||
       json_node_get_value_type (node) == G_TYPE_DOUBLE) &&
      find_member_text (self->raw_json, span_text, members, "id", &token, &token_length))
    self->id = dossier_json_dup_id (node, token, token_length);
  else
    self->id = dossier_json_dup_id (node, NULL, 0);
  self->key = dup_string (data, "key");
  self->reference = dup_string (data, "reference");
  self->source_key = dup_string (data, "source_key");

  self->source = dossier_source_new_from_node (dossier_json_get_member (data, "source"));
  if (self->source != NULL &&
      find_member_text (self->raw_json, span_text, members, "source", &token, &token_length))
    {
      JsonNode *source_id = dossier_json_get_member (dossier_json_get_object (data, "source"), "id");
      gsize start, end;

      if (source_id != NULL &&
          dossier_json_find_member (token, token_length, "id", &start, &end))
        {
          g_autofree char *id = dossier_json_dup_id (source_id, token + start, end - start);
          dossier_source_set_id (self->source, id);
        }
    }
  if (self->source_key == NULL && self->source != NULL)
    self->source_key = g_strdup (dossier_source_get_key (self->source));

  /* `archive` (older records: null or a date) became `archived_at`. */
  self->archived_at = dossier_date_new_from_node (dossier_json_get_member (data, "archived_at"));
  if (self->archived_at == NULL)
    self->archived_at = dossier_date_new_from_node (dossier_json_get_member (data, "archive"));
  self->archived = self->archived_at != NULL ||
                   is_truthy_archive (dossier_json_get_member (data, "archived_at")) ||
                   is_truthy_archive (dossier_json_get_member (data, "archive"));
  self->created_at = dossier_date_new_from_node (dossier_json_get_member (data, "created_at"));
  self->updated_at = dossier_date_new_from_node (dossier_json_get_member (data, "updated_at"));
  self->consent = dossier_consent_new_from_node (dossier_json_get_member (data, "consent_algorithmic"));

  /* `info` */
  info = dossier_json_get_object (data, "info");
  self->full_name = dup_string (info, "full_name");
  self->first_name = dup_string (info, "first_name");
  self->last_name = dup_string (info, "last_name");
  self->email = dup_string (info, "email");
  self->phone = dup_string (info, "phone");
  self->date_birth = dossier_date_new_from_node (dossier_json_get_member (info, "date_birth"));
  if (self->date_birth == NULL)
    self->date_birth = dossier_date_new_from_node (dossier_json_get_member (info, "birthdate"));
  self->gender = dup_string (info, "gender");
  self->summary = dup_string (info, "summary");
  self->picture_url = dup_string (info, "picture");
  if (self->picture_url == NULL)
    self->picture_url = g_strdup (dossier_json_get_string (dossier_json_get_object (info, "urls"), "picture"));
  if (self->picture_url != NULL)
    g_strstrip (self->picture_url);
  self->driving_license = dup_string (info, "driving_license");
  self->location = dossier_location_new_from_node (dossier_json_get_member (info, "location"));
  self->links = build_links (dossier_json_get_member (info, "urls"));

  /* Text and durations */
  self->text = dup_string (data, "text");
  self->text_language = dup_string (data, "text_language");
  if (!dossier_json_get_number (data, "experiences_duration", &self->experiences_duration) ||
      self->experiences_duration < 0)
    self->experiences_duration = -1;
  if (!dossier_json_get_number (data, "educations_duration", &self->educations_duration) ||
      self->educations_duration < 0)
    self->educations_duration = -1;

  /* Lists */
  self->experiences = build_list (dossier_json_get_array (data, "experiences"),
                                  DOSSIER_TYPE_EXPERIENCE, build_work, prebuilt);
  sort_newest_first (self->experiences);
  self->educations = build_list (dossier_json_get_array (data, "educations"),
                                 DOSSIER_TYPE_EXPERIENCE, build_education, prebuilt);
  sort_newest_first (self->educations);

  self->skills = dossier_skill_list_new (data, prebuilt);
  self->languages = build_list (dossier_json_get_array (data, "languages"),
                                DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->interests = build_list (dossier_json_get_array (data, "interests"),
                                DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->certifications = build_list (dossier_json_get_array (data, "certifications"),
                                     DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->courses = build_list (dossier_json_get_array (data, "courses"),
                              DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->tasks = build_list (dossier_json_get_array (data, "tasks"),
                            DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->tags = build_list (dossier_json_get_array (data, "tags"),
                           DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->metadatas = build_list (dossier_json_get_array (data, "metadatas"),
                                DOSSIER_TYPE_NAMED_VALUE, build_named_value, prebuilt);
  self->labels = build_list (dossier_json_get_array (data, "labels"),
                             DOSSIER_TYPE_LABEL, build_label, prebuilt);
  self->attachments = build_list (dossier_json_get_array (data, "attachments"),
                                  DOSSIER_TYPE_ATTACHMENT, build_attachment, prebuilt);

  return self;
}

/**
 * dossier_profile_new_from_object:
 * @data: the `data` object
 * @raw_json: (nullable): the exact text of @data; when NULL, @data is
 *   serialized again (which loses the original number spelling)
 *
 * Returns: (transfer full): the profile
 */
DossierProfile *
dossier_profile_new_from_object (JsonObject *data,
                                 GBytes     *raw_json)
{
  g_return_val_if_fail (data != NULL, NULL);

  return profile_new (data, raw_json, NULL, NULL, NULL);
}

/* Parsing */

static void
set_invalid (GError    **error,
             const char *message)
{
  g_set_error_literal (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE, message);
}

/* Whether the span found by dossier_json_find_member () is the `data`
 * that json-glib kept.  They can only differ when a key of the envelope is
 * spelt with escapes ("d\u0061ta" is "data" to json-glib but not to the
 * byte scanner), so the envelope around the span is checked for a
 * backslash, and only then is the span parsed again and compared. */
static gboolean
span_is_data (const char *text,
              gsize       length,
              gsize       value_start,
              gsize       value_end,
              JsonNode   *data_node)
{
  g_autoptr(JsonParser) parser = NULL;

  if (memchr (text, '\\', value_start) == NULL &&
      memchr (text + value_end, '\\', length - value_end) == NULL)
    return TRUE;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text + value_start,
                                   value_end - value_start, NULL))
    return FALSE;
  return json_node_equal (json_parser_get_root (parser), data_node);
}

/* @raw without its comments, which json-glib reads ("//" to the end of
 * the line, and C's), as in a file written by hand, but which are not
 * JSON; or NULL when it has none.  Each comment becomes spaces (its line
 * breaks stay): every other byte is kept, numbers and ids included.
 * Outside strings, JSON has no '/'. */
static GBytes *
without_comments (GBytes *raw)
{
  gsize size;
  const char *text = g_bytes_get_data (raw, &size);
  char *copy = NULL;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      gsize end;

      if (in_string && text[i] == '\\')
        {
          i++;
          continue;
        }
      if (text[i] == '"')
        in_string = !in_string;
      if (in_string || text[i] != '/' || i + 1 >= size || (text[i + 1] != '/' && text[i + 1] != '*'))
        continue;

      if (text[i + 1] == '/')
        for (end = i + 2; end < size && text[end] != '\n'; end++)
          ;
      else
        {
          for (end = i + 2; end + 1 < size && !(text[end] == '*' && text[end + 1] == '/'); end++)
            ;
          end = MIN (end + 2, size);
        }

      if (copy == NULL)
        copy = g_memdup2 (text, size);
      for (gsize j = i; j < end; j++)
        if (copy[j] != '\n')
          copy[j] = ' ';
      i = end - 1;
    }

  return copy != NULL ? g_bytes_new_take (copy, size) : NULL;
}

/* Whether the export of @text (re-indented token by token) reads back as
 * @node. */
static gboolean
exports_as (GBytes   *text,
            JsonNode *node)
{
  g_autoptr(GBytes) printed = dossier_json_pretty_print (g_bytes_get_data (text, NULL),
                                                         g_bytes_get_size (text));
  g_autoptr(JsonParser) parser = json_parser_new ();

  return json_parser_load_from_data (parser, g_bytes_get_data (printed, NULL),
                                     g_bytes_get_size (printed), NULL) &&
         json_node_equal (json_parser_get_root (parser), node);
}

/* Whether @members (nullable) are those of the object whose text spans
 * @start to @end, rather than of another object with the same content. */
static gboolean
members_within (GArray *members,
                gsize   start,
                gsize   end)
{
  if (members == NULL)
    return FALSE;
  return members->len == 0 ||
         (g_array_index (members, DossierJsonMember, 0).name_start > start &&
          g_array_index (members, DossierJsonMember, members->len - 1).value_end < end);
}

static void
unref_cb (gpointer data,
          gpointer user_data)
{
  /* At the threads' own priority, unlike the window's release of a whole
   * profile (see dossier_thread_set_background()): malloc_trim() below
   * takes every arena's lock in turn, the main thread's too, and a thread
   * that only runs when a processor is idle could hold one for long. */
  json_node_unref (data);
#ifdef __GLIBC__
  /* The tree of a 5 MB answer is some 60 MB of small blocks, freed in a
   * worker thread's arena, where glibc would keep it for good: the window
   * would stay that much larger after a big profile.  Give it back. */
  malloc_trim (0);
#endif
}

/* Freeing the json-glib tree of a large answer takes more than half as
 * long as parsing it (74 ms against 107 ms for 5 MB, see BENCHMARKS.md),
 * and nothing waits for it: a thread of its own frees it, so that the
 * profile reaches the window that much sooner.  The model keeps no pointer
 * into the tree (it copies what it reads), and json-glib counts references
 * atomically.  Small trees are freed at once. */
static void
unref_tree_later (JsonNode *root,
                  gsize     text_size)
{
  static GThreadPool *pool;

  if (text_size < 256 * 1024)
    {
      json_node_unref (root);
      return;
    }

  if (g_once_init_enter (&pool))
    g_once_init_leave (&pool, g_thread_pool_new (unref_cb, NULL, 1, FALSE, NULL));
  g_thread_pool_push (pool, root, NULL);
}

/* While the tree is read, the items of the profile's lists are made of
 * each element as soon as it is complete: the element's nodes are then
 * still in the processor's cache, where walking the finished tree of a
 * large answer (tens of megabytes) meets a cache miss at nearly every
 * node.  It made building the model of a 5 MB answer about three times
 * faster.  Which object is the profile is only known at the end, so the
 * lists of both candidates are made; the profile takes the items of the
 * arrays it ends up reading, by address (those arrays are left empty: see
 * element_read_cb()). */
typedef struct
{
  GPtrArray  *items;
  gpointer  (*build) (JsonNode *node);
} ListWatch;

typedef struct
{
  GHashTable *prebuilt;   /* JsonArray → GPtrArray of items */
  GPtrArray  *watches;    /* of ListWatch */
} Prebuilding;

/* Whether @object may turn out to be the profile: the root (a bare
 * profile, an exported file) or the root's `data` (an API envelope). */
static gboolean
may_be_profile (JsonNode *object)
{
  JsonNode *parent = json_node_get_parent (object);

  if (parent == NULL)
    return TRUE;
  return json_node_get_parent (parent) == NULL && JSON_NODE_HOLDS_OBJECT (parent) &&
         json_object_get_member (json_node_get_object (parent), "data") == object;
}

static gpointer
array_opened_cb (JsonNode   *array,
                 const char *name,
                 JsonNode   *object,
                 gpointer    user_data)
{
  Prebuilding *prebuilding = user_data;

  if (!may_be_profile (object))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (profile_lists); i++)
    if (strcmp (name, profile_lists[i].name) == 0)
      {
        ListWatch *watch = g_new (ListWatch, 1);

        watch->items = g_ptr_array_new_with_free_func (g_object_unref);
        watch->build = profile_lists[i].build;
        g_hash_table_insert (prebuilding->prebuilt,
                             json_array_ref (json_node_get_array (array)), watch->items);
        g_ptr_array_add (prebuilding->watches, watch);
        return watch;
      }
  return NULL;
}

/* Once its item is made, an element is of no more use: it is taken out
 * of the tree (it is its array's last element) and freed at once, so that
 * the next element's nodes reuse its memory.  Left in the tree, the nodes
 * of every element sat between the items made of them, and freeing the
 * tree afterwards left holes that glibc cannot give back: 5 MB answers
 * kept 39 MiB where the tree freed whole kept 15 MiB. */
static void
element_read_cb (gpointer  watch,
                 JsonNode *element,
                 gpointer  user_data)
{
  ListWatch *list = watch;
  gpointer item = list->build (element);
  JsonArray *array = json_node_get_array (json_node_get_parent (element));
  guint last = json_array_get_length (array) - 1;

  if (item != NULL)
    g_ptr_array_add (list->items, item);

  g_assert (json_array_get_element (array, last) == element);
  json_array_remove_element (array, last);
}

/* The tree of @text, or NULL with @error set.  Valid JSON, which is all
 * HrFlow sends, is built directly (dossier-json-tree.c): then @spans tells
 * where the members of the root and of the objects it holds are in the
 * text, and @prebuilt holds the items of the lists (see ListWatch).
 * Anything else goes to JsonParser after the checks that keep it safe, so
 * that it is accepted, refused and described exactly as before, and
 * @spans and @prebuilt stay empty. */
static JsonNode *
parse_tree (const char  *text,
            gsize        length,
            GHashTable  *spans,
            GHashTable  *prebuilt,
            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) watches = g_ptr_array_new_with_free_func (g_free);
  Prebuilding prebuilding = { prebuilt, watches };
  const DossierJsonTreeOptions options = {
    .spans = spans,
    .span_depth = 2,
    .array_opened = array_opened_cb,
    .element_read = element_read_cb,
    .user_data = &prebuilding,
  };
  JsonNode *root;

  /* The fast path checks UTF-8 and depth as it goes. */
  root = dossier_json_tree_parse (text, length, DOSSIER_MAX_JSON_DEPTH, &options);
  if (root != NULL)
    return root;
  g_hash_table_remove_all (prebuilt);

  if (!g_utf8_validate_len (text, length, NULL))
    {
      set_invalid (error, _("The profile could not be read because the answer is not valid UTF-8 text."));
      return NULL;
    }

  /* json-glib has no depth limit and overflows its stack on deeply nested
   * input: refuse it before the parser sees it. */
  if (!dossier_json_check_depth (text, length, DOSSIER_MAX_JSON_DEPTH, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, length, &parse_error))
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE,
                   /* Translators: %s is the JSON parser's own description of the problem. */
                   _("The profile could not be read because the answer is not valid JSON; it may have been cut off. Try again in a moment. (%s)"),
                   parse_error->message);
      return NULL;
    }

  /* Only a comment and nothing else leaves no root. */
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      set_invalid (error, _("The profile could not be read because the answer is not a JSON object."));
      return NULL;
    }
  return json_node_ref (root);
}

/**
 * dossier_profile_new_from_bytes:
 * @bytes: an API answer or an exported profile
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the profile, or NULL with @error set
 */
static DossierProfile *
profile_new_from_text (GBytes    *bytes,
                       gboolean   require_envelope,
                       GError   **error)
{
  g_autoptr(GHashTable) spans = dossier_json_tree_spans_new ();
  g_autoptr(GHashTable) prebuilt = g_hash_table_new_full (NULL, NULL,
                                                          (GDestroyNotify) json_array_unref,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) raw = NULL;
  GArray *root_members, *data_members = NULL;
  DossierProfile *profile;
  JsonObject *root_object, *data;
  JsonNode *data_node;
  const char *text;
  gsize size, start, end;
  gboolean has_code, has_message;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  text = g_bytes_get_data (bytes, &size);

  if (size > DOSSIER_MAX_BODY_SIZE)
    {
      g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_TOO_LARGE,
                   _("The profile is larger than %u MiB, which Dossier refuses to read."),
                   (guint) (DOSSIER_MAX_BODY_SIZE / (1024 * 1024)));
      return NULL;
    }

  /* Leading and trailing white space, and a byte order mark that some
   * editors put at the start of a saved file, are not part of the JSON. */
  start = 0;
  end = size;
  if (size >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    start = 3;
  while (start < end && dossier_json_is_space (text[start]))
    start++;
  while (end > start && dossier_json_is_space (text[end - 1]))
    end--;

  if (start == end)
    {
      set_invalid (error, _("The profile could not be read because the answer is empty. Try again in a moment."));
      return NULL;
    }

  root = parse_tree (text + start, end - start, spans, prebuilt, error);
  if (root == NULL)
    return NULL;
  root_object = dossier_json_node_get_object (root);
  if (root_object == NULL)
    {
      set_invalid (error, _("The profile could not be read because the answer is not a JSON object."));
      return NULL;
    }
  root_members = g_hash_table_lookup (spans, root_object);

  /* An API envelope is `{"code", "message", "data"}`; an exported file is
   * the bare `data` object.  A profile has neither `code` nor `message`,
   * so their presence marks an envelope. */
  has_code = json_object_has_member (root_object, "code");
  has_message = json_object_has_member (root_object, "message");
  data_node = json_object_get_member (root_object, "data");

  /* An answer of the API must be an envelope: an object without `data`
   * is an error message or something else, never a profile. */
  if (require_envelope && !has_code && !has_message)
    has_code = TRUE;

  if (data_node != NULL && JSON_NODE_HOLDS_OBJECT (data_node) && (has_code || has_message))
    {
      const char *full = text + start;
      gsize length = end - start, value_start, value_end;

      data = json_node_get_object (data_node);
      /* With the members' spans from the tree builder, the span of the
       * `data` the tree holds is known; a span found by scanning the text
       * is checked against the tree.  (Not both ways: the builder's tree
       * has already given its lists' elements away, see
       * element_read_cb().) */
      if ((root_members != NULL
             ? dossier_json_members_find_decoded (full, root_members, "data", &value_start, &value_end)
             : dossier_json_find_member (full, length, "data", &value_start, &value_end) &&
               span_is_data (full, length, value_start, value_end, data_node)) &&
          full[value_start] == '{')
        {
          raw = g_bytes_new_from_bytes (bytes, start + value_start, value_end - value_start);
          data_members = g_hash_table_lookup (spans, data);
          if (!members_within (data_members, value_start, value_end))
            data_members = NULL;
        }
      /* else: `data` was spelt with escapes; it is serialized again. */
    }
  else if (has_code || has_message)
    {
      const char *api_message = dossier_json_get_string (root_object, "message");

      if (data_node == NULL &&
          (require_envelope ||
           (!json_object_has_member (root_object, "key") &&
            !json_object_has_member (root_object, "info"))))
        {
          if (api_message != NULL)
            g_set_error (error, DOSSIER_ERROR, DOSSIER_ERROR_INVALID_RESPONSE,
                         /* Translators: %s is the service's own message, in English. */
                         _("The answer holds no profile. The service said: “%s”."),
                         api_message);
          else
            set_invalid (error, _("The answer holds no profile. Check the source key and the profile identifier, then try again."));
        }
      else if (data_node != NULL && JSON_NODE_HOLDS_NULL (data_node))
        set_invalid (error, _("The answer holds an empty profile (its data is null). Check the profile identifier, then try again."));
      else if (data_node != NULL)
        set_invalid (error, _("The answer holds a profile that is not a JSON object, which Dossier cannot read."));

      if (error != NULL && *error != NULL)
        {
          dossier_error_set_http_details (*error, 0, api_message, -1);
          return NULL;
        }

      /* A bare profile that happens to carry `code` or `message`. */
      data = root_object;
      data_members = root_members;
      raw = g_bytes_new_from_bytes (bytes, start, end - start);
    }
  else
    {
      data = root_object;
      data_members = root_members;
      raw = g_bytes_new_from_bytes (bytes, start, end - start);
    }

  /* Text that json-glib reads but that is not strict JSON, as in a file
   * written by hand, may not survive being re-indented token by token for
   * the export: a "//" comment swallows what the new line breaks bring
   * onto its line, and json-glib reads other stray characters too.  On
   * JsonParser's path (the tree builder takes strict JSON alone) such text
   * is kept, without its comments, only if its export reads back as the
   * same profile; otherwise the profile keeps json-glib's own writing of
   * it. */
  if (raw != NULL && root_members == NULL &&
      !dossier_json_validate (g_bytes_get_data (raw, NULL), g_bytes_get_size (raw),
                              DOSSIER_MAX_JSON_DEPTH))
    {
      g_autoptr(JsonNode) kept = json_node_init_object (json_node_alloc (), data);
      GBytes *clean = without_comments (raw);

      if (clean == NULL)
        clean = g_bytes_ref (raw);
      g_clear_pointer (&raw, g_bytes_unref);
      if (exports_as (clean, kept))
        raw = clean;
      else
        g_bytes_unref (clean);
    }

  profile = profile_new (data, raw, text + start, data_members, prebuilt);
  /* The tables hold references into the tree: drop them first, so that
   * the tree goes away whole, in the other thread. */
  g_clear_pointer (&prebuilt, g_hash_table_unref);
  g_clear_pointer (&spans, g_hash_table_unref);
  unref_tree_later (g_steal_pointer (&root), size);
  return profile;
}

DossierProfile *
dossier_profile_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  return profile_new_from_text (bytes, FALSE, error);
}

DossierProfile *
dossier_profile_new_from_response (GBytes  *body,
                                   GError **error)
{
  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return profile_new_from_text (body, TRUE, error);
}

/* Getters */

/**
 * dossier_profile_get_raw_json:
 *
 * Returns: (transfer none): the exact bytes of the `data` object
 */
GBytes *
dossier_profile_get_raw_json (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->raw_json;
}

const char *
dossier_profile_get_id (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->id;
}

const char *
dossier_profile_get_key (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->key;
}

const char *
dossier_profile_get_reference (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->reference;
}

/* `source_key`, else the key of `source`. */
const char *
dossier_profile_get_source_key (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->source_key;
}

DossierSource *
dossier_profile_get_source (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->source;
}

gboolean
dossier_profile_is_archived (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), FALSE);

  return self->archived;
}

/* `archived_at`, else the older `archive`. */
DossierDate *
dossier_profile_get_archived_at (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->archived_at;
}

DossierDate *
dossier_profile_get_created_at (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->created_at;
}

DossierDate *
dossier_profile_get_updated_at (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->updated_at;
}

DossierConsent *
dossier_profile_get_consent (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->consent;
}

const char *
dossier_profile_get_full_name (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->full_name;
}

const char *
dossier_profile_get_first_name (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->first_name;
}

const char *
dossier_profile_get_last_name (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->last_name;
}

char *
dossier_profile_dup_display_name (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  if (self->full_name != NULL)
    return g_strstrip (g_strdup (self->full_name));

  if (self->first_name != NULL && self->last_name != NULL)
    {
      g_autofree char *first = g_strstrip (g_strdup (self->first_name));
      g_autofree char *last = g_strstrip (g_strdup (self->last_name));

      /* Translators: a person's name, given name then family name. */
      return g_strdup_printf (C_("person name", "%s %s"), first, last);
    }

  if (self->first_name != NULL)
    return g_strstrip (g_strdup (self->first_name));
  if (self->last_name != NULL)
    return g_strstrip (g_strdup (self->last_name));
  if (self->email != NULL)
    return g_strstrip (g_strdup (self->email));

  return NULL;
}

const char *
dossier_profile_get_email (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->email;
}

const char *
dossier_profile_get_phone (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->phone;
}

/* `info.date_birth`, else the older `info.birthdate`. */
DossierDate *
dossier_profile_get_date_birth (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->date_birth;
}

const char *
dossier_profile_get_gender (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->gender;
}

const char *
dossier_profile_get_summary (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->summary;
}

const char *
dossier_profile_get_picture_url (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->picture_url;
}

const char *
dossier_profile_get_driving_license (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->driving_license;
}

DossierLocation *
dossier_profile_get_location (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->location;
}

GListModel *
dossier_profile_get_links (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->links);
}

const char *
dossier_profile_get_text (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->text;
}

const char *
dossier_profile_get_text_language (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return self->text_language;
}

double
dossier_profile_get_experiences_duration (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), -1);

  return self->experiences_duration;
}

double
dossier_profile_get_educations_duration (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), -1);

  return self->educations_duration;
}

GListModel *
dossier_profile_get_experiences (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->experiences);
}

GListModel *
dossier_profile_get_educations (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->educations);
}

/**
 * dossier_profile_get_current_experience:
 *
 * Returns: (transfer none) (nullable): the ongoing experience that started
 *   last, or NULL
 */
DossierExperience *
dossier_profile_get_current_experience (DossierProfile *self)
{
  g_autoptr(DossierExperience) first = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  /* Sorted newest first, ongoing ones leading: the first item is the
   * current one if any is. The store keeps its own reference, so the
   * pointer stays valid after this one is dropped. */
  first = g_list_model_get_item (G_LIST_MODEL (self->experiences), 0);
  if (first == NULL || !dossier_experience_is_ongoing (first))
    return NULL;
  return first;
}

GListModel *
dossier_profile_get_skills (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->skills);
}

GListModel *
dossier_profile_get_languages (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->languages);
}

GListModel *
dossier_profile_get_interests (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->interests);
}

GListModel *
dossier_profile_get_certifications (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->certifications);
}

GListModel *
dossier_profile_get_courses (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->courses);
}

GListModel *
dossier_profile_get_tasks (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->tasks);
}

GListModel *
dossier_profile_get_tags (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->tags);
}

GListModel *
dossier_profile_get_metadatas (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->metadatas);
}

GListModel *
dossier_profile_get_labels (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->labels);
}

GListModel *
dossier_profile_get_attachments (DossierProfile *self)
{
  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  return G_LIST_MODEL (self->attachments);
}

/* Lower-case ASCII letters and digits, every other run of characters one
 * dash, no dash at either end. */
static char *
slugify (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *slug;
  gboolean dash = FALSE;

  if (dossier_json_is_blank (text))
    return NULL;

  /* "Zoë Saldaña" becomes "Zoe Saldana"; what has no ASCII spelling
   * becomes "?", then a dash, then nothing. */
  ascii = g_str_to_ascii (text, "C");
  slug = g_string_new (NULL);
  for (const char *p = ascii; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, c);
          dash = FALSE;
        }
      else
        dash = TRUE;
    }

  /* Keep names well below any file system's limit. */
  if (slug->len > 64)
    {
      g_string_truncate (slug, 64);
      while (slug->len > 0 && slug->str[slug->len - 1] == '-')
        g_string_truncate (slug, slug->len - 1);
    }

  if (slug->len == 0)
    {
      g_string_free (slug, TRUE);
      return NULL;
    }
  return g_string_free (slug, FALSE);
}

/**
 * dossier_profile_dup_export_basename:
 *
 * Returns: (transfer full): "first-last.json" from the candidate's name,
 *   else "profile-KEY.json", else "profile.json"; only [a-z0-9-] before
 *   the extension
 */
char *
dossier_profile_dup_export_basename (DossierProfile *self)
{
  g_autofree char *name = NULL;
  g_autofree char *slug = NULL;

  g_return_val_if_fail (DOSSIER_IS_PROFILE (self), NULL);

  if (self->first_name != NULL || self->last_name != NULL)
    name = g_strjoin (" ",
                      self->first_name ? self->first_name : "",
                      self->last_name ? self->last_name : "",
                      NULL);
  else
    name = g_strdup (self->full_name);

  if ((slug = slugify (name)) != NULL)
    return g_strconcat (slug, ".json", NULL);

  g_clear_pointer (&slug, g_free);
  if ((slug = slugify (self->key)) != NULL)
    return g_strconcat ("profile-", slug, ".json", NULL);

  return g_strdup ("profile.json");
}
