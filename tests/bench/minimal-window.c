/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "dossier-bench-probe.h"

/*
 * The reference of the start-up benchmark: the least an AdwApplication can
 * show, a window with a header bar and a status page, at the size the
 * Dossier window opens with (--width, --height).  It links GTK and
 * libadwaita only, and prints the same first-frame line through the same
 * probe (DOSSIER_BENCH_EXIT_ON_FIRST_FRAME=1).
 */

static int width = 900;
static int height = 760;

static void
activate_cb (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Dossier");
  adw_status_page_set_description (ADW_STATUS_PAGE (page), "A minimal window");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), "Dossier");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;
  const GOptionEntry entries[] = {
    { "width", 0, 0, G_OPTION_ARG_INT, &width, "Window width", "PX" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, "Window height", "PX" },
    { NULL }
  };

  application = adw_application_new ("io.github.hrdossier.Dossier.BenchMinimal",
                                     G_APPLICATION_DEFAULT_FLAGS);
  g_application_add_main_option_entries (G_APPLICATION (application), entries);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);
  dossier_bench_probe_attach (GTK_APPLICATION (application));

  return g_application_run (G_APPLICATION (application), argc, argv);
}
