/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SKILL (dossier_skill_get_type ())

G_DECLARE_FINAL_TYPE (DossierSkill, dossier_skill, DOSSIER, SKILL, GObject)

typedef enum
{
  DOSSIER_SKILL_UNKNOWN,
  DOSSIER_SKILL_HARD,
  DOSSIER_SKILL_SOFT,
} DossierSkillType;

/* @default_type is used for legacy `hard_skills` / `soft_skills` lists.
 * "hard", "hard_skill", and a type swapped into `value` are all understood. */
DossierSkill     *dossier_skill_new_from_node (JsonNode         *node,
                                               DossierSkillType  default_type);
const char       *dossier_skill_get_name      (DossierSkill     *self);
DossierSkillType  dossier_skill_get_skill_type (DossierSkill    *self);
/* The value as readable text, when it is not just the swapped type. */
const char       *dossier_skill_get_value_text (DossierSkill    *self);

G_END_DECLS
