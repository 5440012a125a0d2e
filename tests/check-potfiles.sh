#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that po/POTFILES.in lists every file of src/ and data/ that holds a
# translatable string, so that a new file cannot be forgotten (its strings
# would silently stay in English), speaking TAP:
#   check-potfiles.sh SOURCE_ROOT
#
# A file holds translatable strings when it has a gettext call (_(), N_(),
# C_(), NC_(), Q_(), ngettext and friends), a GtkBuilder property marked
# translatable="yes", or when it is a desktop, metainfo or GSettings schema
# template (their strings are translatable by format).
set -u

. "$(dirname "$0")/tap.sh"

top=$(cd "${1:?usage: check-potfiles.sh SOURCE_ROOT}" && pwd)
cd "$top"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-potfiles.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in >"$scratch/listed"

if LC_ALL=C sort -c "$scratch/listed" 2>/dev/null; then
  ok "po/POTFILES.in is sorted"
else
  not_ok "po/POTFILES.in is not sorted (LC_ALL=C sort): $(LC_ALL=C sort -c "$scratch/listed" 2>&1)"
fi

if [ -z "$(uniq -d "$scratch/listed")" ]; then
  ok "po/POTFILES.in lists each file once"
else
  not_ok "po/POTFILES.in lists these more than once: $(uniq -d "$scratch/listed" | tr '\n' ' ')"
fi

while IFS= read -r file; do
  if [ -f "$file" ]; then
    ok "$file exists"
  else
    not_ok "po/POTFILES.in lists $file, which does not exist (xgettext would fail)"
  fi
done <"$scratch/listed"

# The files that must be listed.
{
  find src data -type f \( -name '*.c' -o -name '*.h' \) -print0 \
    | xargs -0 -r grep -l -E \
        -e '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\(' \
        -e '(^|[^A-Za-z0-9_])(g_d|g_dn|g_dc|g_dp|d|n|dn|dc|dcn)?gettext2? ?\('
  find src data -type f -name '*.ui' -print0 \
    | xargs -0 -r grep -l -e 'translatable="yes"'
  find data -type f \( -name '*.desktop.in' -o -name '*.desktop.in.in' \
                    -o -name '*.metainfo.xml.in' -o -name '*.metainfo.xml.in.in' \
                    -o -name '*.gschema.xml.in' \) -print
} | sed -e 's|^\./||' | LC_ALL=C sort -u >"$scratch/needed"

LC_ALL=C sort -u "$scratch/listed" >"$scratch/listed-sorted"
LC_ALL=C comm -23 "$scratch/needed" "$scratch/listed-sorted" >"$scratch/missing"
LC_ALL=C comm -13 "$scratch/needed" "$scratch/listed-sorted" >"$scratch/extra"

if [ "$(wc -l <"$scratch/needed")" -gt 0 ]; then
  ok "found $(wc -l <"$scratch/needed" | tr -d ' ') files with translatable strings"
else
  not_ok "found no file with translatable strings under src/ and data/: is the pattern broken?"
fi

while IFS= read -r file; do
  not_ok "$file holds translatable strings but po/POTFILES.in does not list it"
done <"$scratch/missing"
if [ ! -s "$scratch/missing" ]; then
  ok "po/POTFILES.in lists every file with translatable strings"
fi

# A listed file without a string yet is harmless (it may get one soon): say
# so, without failing.
while IFS= read -r file; do
  echo "# note: po/POTFILES.in lists $file, which has no translatable string yet"
done <"$scratch/extra"

tap_finish
