/* SPDX-License-Identifier: GPL-3.0-or-later */
/* SCHED_IDLE is a GNU extension of <sched.h>. */
#define _GNU_SOURCE
#include "config.h"

#include "dossier-thread.h"

#ifdef __linux__
#include <sched.h>
#endif

void
dossier_thread_set_background (void)
{
#if defined(__linux__) && defined(SCHED_IDLE)
  static const struct sched_param param = { 0 };

  /* 0: the calling thread.  Lowering a thread's priority needs no
   * privilege; should it fail, the thread keeps its priority. */
  (void) sched_setscheduler (0, SCHED_IDLE, &param);
#endif
}
