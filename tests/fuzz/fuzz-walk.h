/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "dossier-profile.h"

G_BEGIN_DECLS

/* Makes criticals and warnings fatal, once. */
void fuzz_init          (void);
/* Calls every getter of @profile and of everything it holds. */
void fuzz_walk_profile  (DossierProfile *profile);

G_END_DECLS
