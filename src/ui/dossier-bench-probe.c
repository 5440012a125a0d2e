/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-bench-probe.h"

#include <stdio.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (window));

  /* Taken first: nothing below belongs to the measure. */
  gint64 now = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  printf ("first-frame %" G_GINT64_FORMAT " %dx%d\n", now,
          gtk_widget_get_width (window), gtk_widget_get_height (window));
  fflush (stdout);

  if (application != NULL)
    g_application_quit (G_APPLICATION (application));
}

static void
map_cb (GtkWidget *window)
{
  /* The frame clock exists once the window is realized; the next
   * after-paint is the end of the first frame that shows it. */
  g_signal_handlers_disconnect_by_func (window, map_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window)
{
  g_signal_handlers_disconnect_by_func (application, window_added_cb, NULL);
  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
}

void
dossier_bench_probe_attach (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (g_strcmp0 (g_getenv ("DOSSIER_BENCH_EXIT_ON_FIRST_FRAME"), "1") != 0)
    return;

  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
}
