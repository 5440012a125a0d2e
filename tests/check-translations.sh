#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the translations, speaking TAP:
#   check-translations.sh SOURCE_ROOT
#
# The template is extracted afresh from po/POTFILES.in (so the extraction
# itself is checked: a broken .ui or template fails here), then each shipped
# translation must be listed in po/LINGUAS, pass `msgfmt --check`, and be
# complete against that fresh template: no untranslated and no fuzzy message.
# A string added to the code without its translations fails this test.
set -u

. "$(dirname "$0")/tap.sh"

top=$(cd "${1:?usage: check-translations.sh SOURCE_ROOT}" && pwd)
cd "$top"

# The tools come from build-aux/debian-packages.txt.
tap_require xgettext msgmerge msgfmt

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-po.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

# The keywords of meson's i18n 'glib' preset, which po/meson.build uses.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in >"$scratch/files"
if xgettext --package-name=dossier --from-code=UTF-8 --add-comments \
     --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
     --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
     --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
     --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
     --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
     --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
     --files-from="$scratch/files" --output="$scratch/dossier.pot" 2>"$scratch/xgettext.log"; then
  ok "xgettext extracts $(grep -c '^msgid ' "$scratch/dossier.pot") messages from po/POTFILES.in"
else
  not_ok "xgettext fails on po/POTFILES.in: $(tr '\n' ' ' <"$scratch/xgettext.log")"
fi

sed -e 's/#.*//' po/LINGUAS | tr -s ' \t' '\n\n' | sed -e '/^$/d' | LC_ALL=C sort -u >"$scratch/linguas"
find po -maxdepth 1 -name '*.po' | sed -e 's|^po/||' -e 's|\.po$||' | LC_ALL=C sort -u >"$scratch/shipped"

languages=$(tr '\n' ' ' <"$scratch/linguas" | sed -e 's/ $//')
if cmp -s "$scratch/linguas" "$scratch/shipped"; then
  ok "po/LINGUAS lists exactly the shipped translations: ${languages:-none yet}"
else
  not_ok "po/LINGUAS ($(tr '\n' ' ' <"$scratch/linguas")) and po/*.po ($(tr '\n' ' ' <"$scratch/shipped")) disagree"
fi

while IFS= read -r lang; do
  po="po/$lang.po"
  if msgfmt --check --output-file=/dev/null "$po" 2>"$scratch/msgfmt.log"; then
    ok "$po passes msgfmt --check"
  else
    not_ok "$po fails msgfmt --check: $(tr '\n' ' ' <"$scratch/msgfmt.log")"
    continue
  fi

  if [ ! -s "$scratch/dossier.pot" ]; then
    not_ok "$po cannot be compared with a template"
    continue
  fi
  # Against the fresh template, without fuzzy matching: a changed string is
  # untranslated until a translator has looked at it.
  if ! msgmerge --quiet --no-fuzzy-matching --output-file="$scratch/$lang.po" \
         "$po" "$scratch/dossier.pot" 2>"$scratch/msgmerge.log"; then
    not_ok "$po cannot be merged with the template: $(tr '\n' ' ' <"$scratch/msgmerge.log")"
    continue
  fi
  LC_ALL=C msgfmt --statistics --output-file=/dev/null "$scratch/$lang.po" 2>"$scratch/stats"
  stats=$(tr '\n' ' ' <"$scratch/stats" | sed -e 's/[ .]*$//')
  case "$stats" in
    *fuzzy*|*untranslated*) not_ok "$po is not complete: $stats" ;;
    *" translated message"*) ok "$po is complete: $stats" ;;
    *) not_ok "$po: cannot read msgfmt's statistics: $stats" ;;
  esac
done <"$scratch/shipped"

tap_finish
