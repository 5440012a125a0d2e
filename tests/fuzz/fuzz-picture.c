/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-picture-loader.h"
#include "fuzz-walk.h"

/* libFuzzer target: the picture decoder, with its size limits, on any bytes
 * a storage host could send. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  pixbuf = dossier_picture_decode (bytes, 96, &error);
  g_assert ((pixbuf == NULL) != (error == NULL));
  if (pixbuf != NULL)
    {
      g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), <=, 96);
      g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), <=, 96);
    }

  return 0;
}
