#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's second command, and all that CI runs: installs what is
# missing, then builds twice with --werror (a normal build, and one with
# AddressSanitizer + UndefinedBehaviorSanitizer) and runs every test suite in
# both (but for the window renders, which the sanitizer pass skips),
# headless: Xvfb for the window, a private D-Bus session with an
# unlocked gnome-keyring for the keyring, a throwaway HOME so that nothing of
# the user's is read or written.  The first build's core tests also run
# under Valgrind.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

if [ ! -f _build-test/build.ninja ]; then
  meson setup _build-test --werror
fi
meson compile -C _build-test
sh build-aux/run-tests.sh _build-test
# Valgrind's memcheck on the core tests and the dossier processes they
# start: no memory error, no definite leak outside build-aux/valgrind.supp.
sh build-aux/run-tests.sh _build-test --setup valgrind --suite core

if [ ! -f _build-asan/build.ninja ]; then
  meson setup _build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C _build-asan
# Any report fails the test that caused it: UBSan aborts at the first finding,
# LeakSanitizer reports at exit.  GL is disabled because Mesa leaks a little
# at unload, in a way LeakSanitizer cannot attribute to a library.  The
# render suite only draws the window into PNGs, the same code paths as the
# ui suite, at three times the cost: it runs in the first pass only.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:fast_unwind_on_malloc=0:detect_stack_use_after_return=0 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
LSAN_OPTIONS=suppressions="$top/build-aux/sanitizers.supp":print_suppressions=0 \
GDK_DEBUG=gl-disable \
  sh build-aux/run-tests.sh _build-asan --timeout-multiplier 3 --no-suite render
