#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that the desktop file, D-Bus service, metainfo and icons agree with
# each other and with the application, speaking TAP:
#   check-desktop-integration.sh DATA_BUILD_DIR DATA_SOURCE_DIR APP_ID BASE_APP_ID VERSION
#
# The validators (desktop-file-validate, appstreamcli, glib-compile-schemas)
# check each file alone; what they cannot see is that a launcher finds the
# D-Bus service by the desktop file's name, the icon by Icon=, the desktop
# file by the metainfo's launchable, and so on.  One mismatch and Dossier
# shows without an icon, or does not start from the launcher at all.
set -u

. "$(dirname "$0")/tap.sh"

usage="usage: check-desktop-integration.sh DATA_BUILD_DIR DATA_SOURCE_DIR APP_ID BASE_APP_ID VERSION"
build=${1:?$usage}
source=${2:?$usage}
app_id=${3:?$usage}
base_id=${4:?$usage}
version=${5:?$usage}

# The tools come from build-aux/debian-packages.txt.
tap_require rsvg-convert

expect () {
  if [ "$1" = "$2" ]; then ok "$3"; else not_ok "$3: found '$1', expected '$2'"; fi
}
# Whether FILE has a line that is exactly TEXT (leading blanks ignored).
has_line () {
  sed -e 's/^[[:space:]]*//' "$1" | grep -q -x -F -e "$2"
}
expect_line () {
  if has_line "$1" "$2"; then ok "$3"; else not_ok "$3: no line '$2' in $(basename "$1")"; fi
}

desktop="$build/$app_id.desktop"
service="$build/$app_id.service"
metainfo="$build/$app_id.metainfo.xml"

for file in "$desktop" "$service" "$metainfo"; do
  if [ -f "$file" ]; then ok "$(basename "$file") is generated"; else not_ok "$(basename "$file") is missing"; fi
done

desktop_key () { sed -n -e "s/^$1=//p" "$desktop"; }

# The desktop file.
expect "$(desktop_key Name)" Dossier "the desktop file names the application Dossier"
expect "$(desktop_key Icon)" "$app_id" "the desktop file's icon is the application ID"
expect "$(desktop_key DBusActivatable)" true "the desktop file is D-Bus activatable"
expect "$(desktop_key StartupNotify)" true "the desktop file asks for startup notification"
expect "$(desktop_key Exec | cut -d ' ' -f 1)" dossier "the desktop file runs dossier"
case "$(desktop_key Categories)" in
  Office\;*) ok "the desktop file is in the Office category" ;;
  *) not_ok "the desktop file's main category is not Office: '$(desktop_key Categories)'" ;;
esac
case "$(desktop_key Keywords)" in
  *HrFlow*\;) ok "the desktop file has search keywords" ;;
  *) not_ok "the desktop file's Keywords are missing, lack HrFlow, or do not end with ';'" ;;
esac
for key in GenericName Comment; do
  if [ -n "$(desktop_key $key)" ]; then ok "the desktop file has a $key"; else not_ok "the desktop file has no $key"; fi
done

# The D-Bus service that DBusActivatable relies on: the bus looks it up by
# the application ID, and needs an absolute path.
expect "$(sed -n -e 's/^Name=//p' "$service")" "$app_id" "the D-Bus service is named by the application ID"
case "$(sed -n -e 's/^Exec=//p' "$service")" in
  /*/dossier\ --gapplication-service) ok "the D-Bus service starts the installed dossier in service mode" ;;
  *) not_ok "the D-Bus service's Exec is not '/…/dossier --gapplication-service'" ;;
esac

# The metainfo.
expect_line "$metainfo" "<id>$app_id</id>" "the metainfo's ID is the application ID"
expect_line "$metainfo" "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
  "the metainfo launches the desktop file"
expect_line "$metainfo" "<binary>dossier</binary>" "the metainfo provides the dossier binary"
expect_line "$metainfo" "<translation type=\"gettext\">dossier</translation>" \
  "the metainfo names the gettext domain"
expect_line "$metainfo" "<content_rating type=\"oars-1.1\"/>" "the metainfo has an OARS 1.1 content rating"
expect_line "$metainfo" '<developer id="io.github.hrdossier">' "the metainfo names the developer by ID"
latest=$(sed -n -e 's/.*<release version="\([^"]*\)" date="\([0-9-]*\)".*/\1/p' "$metainfo" | head -n 1)
expect "$latest" "$version" "the newest release in the metainfo is the project's version"
for shot in main profile dark; do
  expect_line "$metainfo" \
    "<image>https://raw.githubusercontent.com/hrdossier/dossier/main/data/screenshots/$shot.png</image>" \
    "the metainfo shows the $shot screenshot"
done
for scheme in light dark; do
  if grep -q -e "<color type=\"primary\" scheme_preference=\"$scheme\">#[0-9a-f]\{6\}</color>" "$metainfo"; then
    ok "the metainfo has a $scheme branding colour"
  else
    not_ok "the metainfo has no $scheme branding colour"
  fi
done

# The icons, as drawn: a full-colour 128×128 one and a 16×16 symbolic one
# in a single colour that GTK can recolour (fills only: GTK recolours fills).
icon="$source/icons/hicolor/scalable/apps/$base_id.svg"
symbolic="$source/icons/hicolor/symbolic/apps/$base_id-symbolic.svg"
if grep -q -e 'viewBox="0 0 128 128"' "$icon"; then
  ok "the application icon is drawn on a 128×128 canvas"
else
  not_ok "the application icon is not drawn on a 128×128 canvas"
fi
if grep -q -e 'viewBox="0 0 16 16"' "$symbolic"; then
  ok "the symbolic icon is drawn on a 16×16 canvas"
else
  not_ok "the symbolic icon is not drawn on a 16×16 canvas"
fi
colours=$(grep -o -i -e '#[0-9a-f]\{6\}\b' -e '#[0-9a-f]\{3\}\b' "$symbolic" | sort -u | tr '\n' ' ')
expect "$colours" "#2e3436 " "the symbolic icon uses #2e3436 only"
if grep -q -e 'stroke' "$symbolic"; then
  not_ok "the symbolic icon uses strokes, which GTK does not recolour"
else
  ok "the symbolic icon is drawn with fills only"
fi
scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-icons.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
for svg in "$icon" "$symbolic"; do
  png="$scratch/$(basename "$svg").png"
  if rsvg-convert --width 128 --height 128 --output "$png" "$svg" 2>"$scratch/stderr" \
     && [ -s "$png" ] && [ ! -s "$scratch/stderr" ]; then
    ok "$(basename "$svg") renders without a warning"
  else
    not_ok "$(basename "$svg") does not render cleanly: $(cat "$scratch/stderr")"
  fi
done

tap_finish
