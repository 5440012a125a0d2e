/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the calling thread run only when a processor has nothing else to
 * do (Linux's SCHED_IDLE; nothing elsewhere).  For a thread of its own that
 * does work nobody waits for, such as freeing a replaced profile: it must
 * not take a core from the next lookup's parse.  Never call it from a
 * thread a pool shares with other work (GTask's, a non-exclusive
 * GThreadPool's): the next task there would run at that priority too. */
void dossier_thread_set_background (void);

G_END_DECLS
