#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's second command, and all that CI runs: installs what is
# missing, builds with --werror, and runs every test suite headless: Xvfb for
# the window, a private D-Bus session with an unlocked gnome-keyring for the
# keyring, a throwaway HOME so that nothing of the user's is read or written.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

build=_build-test
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --werror
fi
meson compile -C "$build"

sh build-aux/run-tests.sh "$build"
