#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The wrapper of `meson test --setup valgrind`: runs a test program under
# Valgrind's memcheck and fails when it made a memory error or definitely
# lost memory that build-aux/valgrind.supp does not name (third-party leaks
# only).  The log goes to a file of its own, so that the test's output stays
# TAP; a log with errors is printed.
#
# The dossier processes the command line tests start are not followed by
# default: each costs two seconds of Valgrind's start-up, and the sanitizer
# pass checks them.  DOSSIER_VALGRIND_CHILDREN=1 follows them too (each then
# writes a log of its own, and the tests still read their standard error).
#
# usage: valgrind.sh VALGRIND SUPPRESSIONS PROGRAM [ARGUMENTS...]
set -u

valgrind=${1:?usage: valgrind.sh VALGRIND SUPPRESSIONS PROGRAM [ARGUMENTS...]}
suppressions=${2:?usage: valgrind.sh VALGRIND SUPPRESSIONS PROGRAM [ARGUMENTS...]}
shift 2

logs=$(mktemp -d "${TMPDIR:-/tmp}/dossier-valgrind.XXXXXX") || exit 1
trap 'rm -rf "$logs"' EXIT INT TERM

# GLib 2.74 still has its slice allocator, which hides leaks from memcheck.
export G_SLICE=always-malloc
# Memcheck keeps freed blocks aside to catch their use: the tests that
# bound memory use have no sizes to trust under it.
export DOSSIER_TEST_UNDER_VALGRIND=1

# When children are followed, the shells and tools of the export tests run
# natively (and whatever they start with them).
children=no
[ "${DOSSIER_VALGRIND_CHILDREN:-}" = 1 ] && children=yes
"$valgrind" --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --error-exitcode=99 --num-callers=40 --suppressions="$suppressions" \
  --trace-children=$children --trace-children-skip='*/sh,*/bash,*/dash,*/unshare,*/mount' \
  --log-file="$logs/%p.log" "$@"
status=$?

failed=0
for log in "$logs"/*.log; do
  [ -e "$log" ] || continue
  if grep -qE 'ERROR SUMMARY: [1-9]' "$log"; then
    cat "$log" >&2
    failed=1
  fi
done
echo "# valgrind: $(ls "$logs" | wc -l) processes checked" >&2

if [ "$failed" -ne 0 ]; then
  echo "valgrind found errors or definite leaks (logs above)" >&2
  exit 1
fi
exit "$status"
