/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The start-up probe of the benchmarks (build-aux/run-benchmarks.sh).
 *
 * When the environment has DOSSIER_BENCH_EXIT_ON_FIRST_FRAME=1, the first
 * window @application shows prints one line on standard output once its
 * first frame is painted,
 *
 *   first-frame USEC WIDTHxHEIGHT
 *
 * where USEC is g_get_monotonic_time() (the same clock in every process),
 * and the application quits.  Without the variable it does nothing at all.
 * The benchmark's minimal window uses the same probe, so that both are
 * timed to the same event.
 */
void dossier_bench_probe_attach (GtkApplication *application);

G_END_DECLS
