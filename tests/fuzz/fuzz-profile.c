/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "dossier-exporter.h"
#include "dossier-profile.h"
#include "fuzz-walk.h"

/* libFuzzer target: the response parser and the model builder, then every
 * getter a view would call, then the export.  Anything the API could send
 * must end in a profile or a GError, never a crash or a critical. */
int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(DossierProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_init ();

  profile = dossier_profile_new_from_bytes (bytes, &error);
  g_assert ((profile == NULL) != (error == NULL));

  if (profile != NULL)
    {
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(DossierProfile) again = NULL;

      fuzz_walk_profile (profile);

      /* The export parses again, to the same text. */
      exported = dossier_exporter_serialize (profile);
      again = dossier_profile_new_from_bytes (exported, &error);
      g_assert_no_error (error);
      g_assert_nonnull (again);
    }

  return 0;
}
