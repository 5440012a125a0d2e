#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The wrapper of `meson test --setup valgrind`: runs a test program under
# Valgrind's memcheck, and the dossier processes it starts as well, and
# fails when any of them made an error or definitely lost memory that
# build-aux/valgrind.supp does not name (third-party leaks only).  Each
# process writes its own log, so that the tests still read the standard
# error of the processes they start; the logs with errors are printed.
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

# The shells and tools of the export tests run natively (and whatever they
# start with them).
"$valgrind" --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --error-exitcode=99 --num-callers=40 --suppressions="$suppressions" \
  --trace-children=yes --trace-children-skip='*/sh,*/bash,*/dash,*/unshare,*/mount' \
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
