#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs `meson test` for the build directory $1 (extra arguments go to meson
# test) inside Xvfb and a private D-Bus session whose gnome-keyring is
# unlocked with a throwaway password, under a throwaway HOME.
set -eu

build=${1:?usage: run-tests.sh BUILDDIR [MESON TEST ARGS]}
shift

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-test.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

export HOME="$scratch/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export GSETTINGS_BACKEND=memory GTK_A11Y=none NO_AT_BRIDGE=1
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY HRFLOW_API_KEY HRFLOW_USER_EMAIL

xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" \
  dbus-run-session -- sh -c '
    printf %s dossier-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    # The daemon forks before it owns its bus name and has unlocked the
    # login collection: a test that came first would have D-Bus start a
    # second daemon, or find no default collection.  Wait for both.
    i=0
    until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" &&
          dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
            org.freedesktop.Secret.Service.ReadAlias string:default 2>/dev/null | grep -q "collection/login"; do
      i=$((i + 1))
      if [ "$i" -gt 100 ]; then
        echo "run-tests.sh: gnome-keyring-daemon did not come up" >&2
        exit 1
      fi
      sleep 0.1
    done
    exec meson test -C "$0" --print-errorlogs "$@"' "$build" "$@"
