/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

/* Runs the fuzz targets' entry points, built without libFuzzer, on every
 * fixture and every input the fuzzers ever found a crash with, so that a
 * fixed bug stays fixed in the normal suite. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
run_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (LLVMFuzzerTestOneInput ((const guint8 *) contents, length), ==, 0);
}

static void
add_directory (const char *test_prefix,
               const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && strcmp (name, "README.md") != 0)
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *test_path = g_strdup_printf ("%s/%s", test_prefix, (char *) names->pdata[i]);
      char *file_path = g_build_filename (directory, names->pdata[i], NULL);

      g_test_add_data_func_full (test_path, file_path, run_file, g_free);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  /* Each further argument is a folder of inputs. */
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *base = g_path_get_basename (argv[i]);
      g_autofree char *prefix = g_strdup_printf ("/fuzz-regressions/%s", base);

      add_directory (prefix, argv[i]);
    }

  return g_test_run ();
}
