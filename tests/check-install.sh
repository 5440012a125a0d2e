#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks what lands where,
# then runs the installed Dossier, speaking TAP:
#   check-install.sh MESON BUILD_ROOT SOURCE_ROOT APP_ID VERSION FAKE_HRFLOW FIXTURE
#
# `meson install --no-rebuild` only copies files: meson test has already
# built everything, and a rebuild from inside a test would fight the running
# test harness over the build directory.  The gnome.post_install scripts
# (schema compilation, icon cache) skip themselves under DESTDIR.
set -u

. "$(dirname "$0")/tap.sh"

usage="usage: check-install.sh MESON BUILD_ROOT SOURCE_ROOT APP_ID VERSION FAKE_HRFLOW FIXTURE"
meson=${1:?$usage}
build=$(cd "${2:?$usage}" && pwd)
source=$(cd "${3:?$usage}" && pwd)
app_id=${4:?$usage}
version=${5:?$usage}
fake_hrflow=${6:?$usage}
fixture=${7:?$usage}

# The tools come from build-aux/debian-packages.txt.
tap_require jq dbus-run-session gdbus

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-install.XXXXXX")
server_pid=""
cleanup () {
  # Only the fake server this test started, by its process ID.
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
  rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
root="$scratch/root"

if "$meson" install -C "$build" --no-rebuild --quiet --destdir "$root" >"$scratch/install.log" 2>&1; then
  ok "meson install into a DESTDIR succeeds"
else
  not_ok "meson install into a DESTDIR fails: $(tail -n 5 "$scratch/install.log" | tr '\n' ' ')"
  tap_finish
fi

option () {
  "$meson" introspect --buildoptions "$build" | jq -r --arg name "$1" '.[] | select(.name == $name) | .value'
}
prefix=$(option prefix)
dir_of () {
  case "$1" in
    /*) echo "$1" ;;
    *) echo "$prefix/$1" ;;
  esac
}
bindir=$(dir_of "$(option bindir)")
libexecdir=$(dir_of "$(option libexecdir)")
datadir=$(dir_of "$(option datadir)")
localedir=$(dir_of "$(option localedir)")

# Every file that must be installed, and nothing else.
{
  echo "$bindir/dossier"
  echo "$libexecdir/dossier-app"
  echo "$datadir/applications/$app_id.desktop"
  echo "$datadir/dbus-1/services/$app_id.service"
  echo "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
  echo "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  echo "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  echo "$datadir/metainfo/$app_id.metainfo.xml"
  for lang in $(sed -e 's/#.*//' "$source/po/LINGUAS"); do
    echo "$localedir/$lang/LC_MESSAGES/dossier.mo"
  done
} | LC_ALL=C sort >"$scratch/expected"
(cd "$root" && find . -type f -o -type l) | sed -e 's|^\.||' | LC_ALL=C sort >"$scratch/installed"

while IFS= read -r file; do
  if [ -f "$root$file" ]; then ok "installs $file"; else not_ok "does not install $file"; fi
done <"$scratch/expected"
LC_ALL=C comm -13 "$scratch/expected" "$scratch/installed" >"$scratch/unexpected"
if [ -s "$scratch/unexpected" ]; then
  not_ok "installs files nobody asked for: $(tr '\n' ' ' <"$scratch/unexpected")"
else
  ok "installs nothing else"
fi

# The installed data files are the ones the validators checked in the build
# directory.
for name in "$app_id.desktop" "$app_id.service" "$app_id.metainfo.xml" "$app_id.gschema.xml"; do
  installed=$(grep -e "/$name\$" "$scratch/installed" | head -n 1)
  if [ -n "$installed" ] && cmp -s "$root$installed" "$build/data/$name"; then
    ok "the installed $name is the validated one"
  else
    not_ok "the installed $name differs from $build/data/$name"
  fi
done

# The D-Bus service names the installed binary.
expect_exec="Exec=$bindir/dossier --gapplication-service"
if grep -q -x -F -e "$expect_exec" "$root$datadir/dbus-1/services/$app_id.service"; then
  ok "the D-Bus service starts $bindir/dossier"
else
  not_ok "the D-Bus service does not say '$expect_exec'"
fi

# The installed binary runs.
dossier="$root$bindir/dossier"
if out=$("$dossier" --version 2>&1) && [ "$out" = "dossier $version" ]; then
  ok "the installed dossier --version says 'dossier $version'"
else
  not_ok "the installed dossier --version says '$out', expected 'dossier $version'"
fi

# The installed binary looks a profile up and exports it, headless, against
# the fake HrFlow server on loopback: the export is the profile HrFlow sent.
mkdir -p "$scratch/profiles"
jq '.data' "$fixture" >"$scratch/profiles/profile.json"
"$fake_hrflow" --profiles "$scratch/profiles" --source install-test-source \
  >"$scratch/fake.out" 2>"$scratch/fake.err" &
server_pid=$!
tries=0
while [ ! -s "$scratch/fake.out" ] && [ "$tries" -lt 100 ] && kill -0 "$server_pid" 2>/dev/null; do
  sleep 0.1
  tries=$((tries + 1))
done
api_base=$(head -n 1 "$scratch/fake.out")
key=$(jq -r '.data.key' "$fixture")
case "$api_base" in
  http://127.0.0.1:*/v1)
    HRFLOW_API_KEY=askr_0123456789abcdef0123456789abcdef HRFLOW_USER_EMAIL=recruiter@example.org \
      "$dossier" --api-base "$api_base" --source install-test-source --key "$key" \
      --export "$scratch/export.json" >"$scratch/export.log" 2>&1
    status=$?
    if [ "$status" -eq 0 ] && jq -S . "$scratch/export.json" >"$scratch/exported" 2>/dev/null \
       && jq -S . "$scratch/profiles/profile.json" >"$scratch/served" \
       && cmp -s "$scratch/exported" "$scratch/served"; then
      ok "the installed dossier exports the profile the fake server serves"
    else
      not_ok "the installed dossier's export failed (exit status $status): $(tr '\n' ' ' <"$scratch/export.log")"
    fi

    HRFLOW_API_KEY=askr_0123456789abcdef0123456789abcdef HRFLOW_USER_EMAIL=recruiter@example.org \
      "$dossier" --api-base "$api_base" --source install-test-source --key no-such-profile \
      --export "$scratch/missing.json" >"$scratch/missing.log" 2>&1
    status=$?
    if [ "$status" -eq 1 ] && [ ! -e "$scratch/missing.json" ] && [ -s "$scratch/missing.log" ]; then
      ok "the installed dossier exits with status 1 and a reason for a profile that does not exist"
    else
      not_ok "for a profile that does not exist, the installed dossier exited with status $status: $(tr '\n' ' ' <"$scratch/missing.log")"
    fi
    ;;
  *)
    not_ok "the fake HrFlow server did not start: $(tr '\n' ' ' <"$scratch/fake.err")"
    ;;
esac
kill "$server_pid" 2>/dev/null
wait "$server_pid" 2>/dev/null
server_pid=""

# A launcher starts a DBusActivatable application through its D-Bus service:
# on a private bus that knows only the installed service (pointed into the
# DESTDIR), calling the application's name must start Dossier in service mode.
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  skip "D-Bus activation needs a display (run the suite through build-aux/run-tests.sh)"
else
  mkdir -p "$scratch/services"
  sed -e "s|^Exec=$bindir/|Exec=$root$bindir/|" "$root$datadir/dbus-1/services/$app_id.service" \
    >"$scratch/services/$app_id.service"
  cat >"$scratch/bus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=$scratch</listen>
  <servicedir>$scratch/services</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
EOF
  # The bus and what it activates inherit this environment.  The activated
  # Dossier is ended by its process ID; were that to fail, it would still end
  # with its bus, as GDBus exits when the session bus goes away.
  dbus-run-session --config-file="$scratch/bus.conf" -- sh -c '
    gdbus call --session --timeout 30 --dest "$1" --object-path "/$(echo "$1" | tr . /)" \
      --method org.freedesktop.DBus.Peer.Ping >/dev/null || exit 1
    gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
      --method org.freedesktop.DBus.GetConnectionUnixProcessID "$1" \
      | sed -n -e "s/.*uint32 \([0-9]*\).*/\1/p" >"$2/service.pid"
    kill "$(cat "$2/service.pid")"' sh "$app_id" "$scratch" >"$scratch/activation.log" 2>&1
  status=$?
  if [ "$status" -eq 0 ] && [ -s "$scratch/service.pid" ]; then
    ok "D-Bus activation starts the installed dossier as $app_id"
  else
    not_ok "D-Bus activation of $app_id failed: $(grep -v -e 'fd limit' "$scratch/activation.log" | tr '\n' ' ')"
  fi
fi

tap_finish
