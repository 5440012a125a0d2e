#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's second command, and all that CI runs: installs what is
# missing, then builds twice with --werror (a normal build, and one with
# AddressSanitizer + UndefinedBehaviorSanitizer) and runs every test suite in
# both (but for the window renders and the key audit, which the sanitizer
# pass skips), headless: Xvfb for the window, a private D-Bus session with an
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
# Valgrind's memcheck on the core tests: no memory error, no definite leak
# outside build-aux/valgrind.supp.
sh build-aux/run-tests.sh _build-test --setup valgrind --suite core

if [ ! -f _build-asan/build.ninja ]; then
  meson setup _build-asan --werror -Db_sanitize=address,undefined -Db_lundef=false
fi
meson compile -C _build-asan
# Any report fails the test that caused it: UBSan aborts at the first finding,
# LeakSanitizer reports at exit.  GL is disabled because Mesa leaks a little
# at unload, in a way LeakSanitizer cannot attribute to a library.
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions="$top/build-aux/sanitizers.supp":print_suppressions=0
export GDK_DEBUG=gl-disable
asan=abort_on_error=1:detect_stack_use_after_return=0

# Allocation stacks are unwound the slow way, since the libraries have no
# frame pointers, and twelve frames deep: deep enough for the suppressions
# to find the third-party library that leaked, shallow enough to keep the
# pass within minutes (the default, thirty, doubles its time).  Skipped: the
# render suite (it draws the window into PNGs, the code paths of the ui
# suite), the key audit (it greps, it does not look at memory), and the
# soak, which runs next.
ASAN_OPTIONS=$asan:detect_leaks=1:fast_unwind_on_malloc=0:malloc_context_size=12 \
  sh build-aux/run-tests.sh _build-asan --timeout-multiplier 3 \
    --no-suite render --no-suite audit --no-suite soak

# The soak's thousand lookups, for memory errors in the races between
# answers and cancellations.  Slow unwinding would make it ten times slower,
# and fast unwinding stops at the first library frame, where no suppression
# can name the library that leaked: leaks are left to the soak's own count
# of live objects (and to the pass above and Valgrind).
ASAN_OPTIONS=$asan:detect_leaks=0:fast_unwind_on_malloc=1 \
  sh build-aux/run-tests.sh _build-asan --timeout-multiplier 3 --suite soak
