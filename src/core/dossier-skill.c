/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-skill.h"
#include "dossier-json-private.h"
#include "dossier-value.h"

#include <string.h>

struct _DossierSkill
{
  GObject           parent_instance;

  char             *name;
  DossierSkillType  skill_type;
  char             *value_text;
};

G_DEFINE_FINAL_TYPE (DossierSkill, dossier_skill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_VALUE_TEXT,
  PROP_HARD,
  PROP_SOFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
dossier_skill_finalize (GObject *object)
{
  DossierSkill *self = DOSSIER_SKILL (object);

  g_free (self->name);
  g_free (self->value_text);

  G_OBJECT_CLASS (dossier_skill_parent_class)->finalize (object);
}

static void
dossier_skill_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  DossierSkill *self = DOSSIER_SKILL (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_VALUE_TEXT:
      g_value_set_string (value, self->value_text);
      break;
    case PROP_HARD:
      g_value_set_boolean (value, self->skill_type == DOSSIER_SKILL_HARD);
      break;
    case PROP_SOFT:
      g_value_set_boolean (value, self->skill_type == DOSSIER_SKILL_SOFT);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_skill_class_init (DossierSkillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_skill_finalize;
  object_class->get_property = dossier_skill_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_VALUE_TEXT] =
    g_param_spec_string ("value-text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Booleans rather than an enum property: enough for a GtkFilter or a
   * style class, without registering an enum type. */
  properties[PROP_HARD] =
    g_param_spec_boolean ("hard", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SOFT] =
    g_param_spec_boolean ("soft", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
dossier_skill_init (DossierSkill *self)
{
}

/* "hard", "hard_skill", "Hard", "hard skill", "soft", "soft_skill", … */
static DossierSkillType
parse_type (const char *text)
{
  /* Folded on the stack: this runs for each of tens of thousands of skills
   * in a large profile, where a copy per call was a tenth of the skills'
   * cost.  The longest spelling recognized is "hard_skills". */
  char folded[sizeof "hard_skills"];
  const char *end;
  gsize length;

  if (text == NULL)
    return DOSSIER_SKILL_UNKNOWN;

  while (g_ascii_isspace (*text))
    text++;
  end = text + strlen (text);
  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  length = end - text;
  if (length >= sizeof folded)
    return DOSSIER_SKILL_UNKNOWN;

  for (gsize i = 0; i < length; i++)
    folded[i] = text[i] == ' ' || text[i] == '-' ? '_' : g_ascii_tolower (text[i]);
  folded[length] = '\0';

  if (g_str_equal (folded, "hard") || g_str_equal (folded, "hard_skill") ||
      g_str_equal (folded, "hard_skills"))
    return DOSSIER_SKILL_HARD;
  if (g_str_equal (folded, "soft") || g_str_equal (folded, "soft_skill") ||
      g_str_equal (folded, "soft_skills"))
    return DOSSIER_SKILL_SOFT;
  return DOSSIER_SKILL_UNKNOWN;
}

/**
 * dossier_skill_new_from_node:
 * @node: (nullable): a `{name, type, value}` object; a bare string is
 *   taken as the name (some legacy lists hold plain names)
 * @default_type: the type when the object names none
 *
 * Returns: (transfer full) (nullable): the skill, or NULL when @node has
 *   no name
 */
DossierSkill *
dossier_skill_new_from_node (JsonNode         *node,
                             DossierSkillType  default_type)
{
  JsonObject *object;
  DossierSkill *self;
  const char *name;
  JsonNode *type_node, *value;
  DossierSkillType type;

  if ((name = dossier_json_node_get_string (node)) != NULL)
    {
      self = g_object_new (DOSSIER_TYPE_SKILL, NULL);
      self->name = g_strstrip (g_strdup (name));
      self->skill_type = default_type;
      return self;
    }

  object = dossier_json_node_get_object (node);
  if (object == NULL || (name = dossier_json_get_string (object, "name")) == NULL)
    return NULL;

  self = g_object_new (DOSSIER_TYPE_SKILL, NULL);
  self->name = g_strstrip (g_strdup (name));

  type_node = dossier_json_get_member (object, "type");
  value = dossier_json_get_member (object, "value");
  type = parse_type (dossier_json_node_get_string (type_node));

  /* Old records swapped the two: `type: null, value: "hard"`.  Then the
   * value is the type, and there is no value to show. */
  if (type == DOSSIER_SKILL_UNKNOWN &&
      parse_type (dossier_json_node_get_string (value)) != DOSSIER_SKILL_UNKNOWN)
    {
      type = parse_type (dossier_json_node_get_string (value));
      value = NULL;
    }

  if (type == DOSSIER_SKILL_UNKNOWN && type_node == NULL)
    type = default_type;

  self->skill_type = type;
  self->value_text = dossier_json_node_to_display (value);

  return self;
}

const char *
dossier_skill_get_name (DossierSkill *self)
{
  g_return_val_if_fail (DOSSIER_IS_SKILL (self), NULL);

  return self->name;
}

DossierSkillType
dossier_skill_get_skill_type (DossierSkill *self)
{
  g_return_val_if_fail (DOSSIER_IS_SKILL (self), DOSSIER_SKILL_UNKNOWN);

  return self->skill_type;
}

const char *
dossier_skill_get_value_text (DossierSkill *self)
{
  g_return_val_if_fail (DOSSIER_IS_SKILL (self), NULL);

  return self->value_text;
}

static void
append_skills (GListStore       *store,
               JsonArray        *array,
               DossierSkillType  default_type,
               GHashTable       *prebuilt)
{
  GPtrArray *built = dossier_json_prebuilt_items (prebuilt, array);
  guint n = array ? json_array_get_length (array) : 0;
  g_autoptr(GPtrArray) skills = NULL;

  if (built == NULL)
    {
      skills = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          DossierSkill *skill = dossier_skill_new_from_node (json_array_get_element (array, i), default_type);

          if (skill != NULL)
            g_ptr_array_add (skills, skill);
        }
      built = skills;
    }

  /* One splice, not an append per skill: each append emits items-changed. */
  if (built->len > 0)
    g_list_store_splice (store, g_list_model_get_n_items (G_LIST_MODEL (store)), 0,
                         built->pdata, built->len);
}

GListStore *
dossier_skill_list_new (JsonObject *parent,
                        GHashTable *prebuilt)
{
  GListStore *store = g_list_store_new (DOSSIER_TYPE_SKILL);

  append_skills (store, dossier_json_get_array (parent, "skills"), DOSSIER_SKILL_UNKNOWN, prebuilt);

  /* Older records have `hard_skills` and `soft_skills` (either may be
   * null) instead of `skills`. */
  if (g_list_model_get_n_items (G_LIST_MODEL (store)) == 0)
    {
      append_skills (store, dossier_json_get_array (parent, "hard_skills"), DOSSIER_SKILL_HARD, prebuilt);
      append_skills (store, dossier_json_get_array (parent, "soft_skills"), DOSSIER_SKILL_SOFT, prebuilt);
    }

  return store;
}
