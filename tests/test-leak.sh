#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The API key never leaks: runs every test program of every suite (core,
# keyring, ui, soak; not the renderer, which only draws the sample
# profiles) with every debug message on, and fails if any test key appears
# in their output, in the output of every dossier process they start or of
# their own subprocesses, in any file they write under their HOME or TMPDIR
# (the exports they make, which they keep for this audit, and the picture
# cache among them), or in the keyring's own files (which must be encrypted).
#
# usage: test-leak.sh SOURCE_DIR BUILD_DIR   (SOURCE_DIR and BUILD_DIR of tests/)
# Needs the session of build-aux/run-tests.sh (a private bus and keyring).
set -u

srcdir=${1:?usage: test-leak.sh SOURCE_DIR BUILD_DIR}
builddir=${2:?usage: test-leak.sh SOURCE_DIR BUILD_DIR}
programs="test-json-text test-profile test-exporter test-client test-cli test-picture-loader
          test-credentials test-cli-keyring
          test-sign-in test-profile-view test-window test-fault-matrix test-command-line test-i18n
          test-soak"

# The keyring's files are where the daemon of this session keeps them; look
# before HOME changes below.
keyrings="${XDG_DATA_HOME:-$HOME/.local/share}/keyrings"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-leak.XXXXXX") || exit 1
trap 'rm -rf "$scratch"' EXIT INT TERM

# Every key a test uses: the shared header and any literal in a test source,
# so that a test that forgot the header is still watched.
grep -ohE 'ask[rw]_[0-9a-f]{32}' "$srcdir"/dossier-test-key.h "$srcdir"/*.c 2>/dev/null \
  | sort -u > "$scratch/keys"
if ! grep -q . "$scratch/keys"; then
  echo "no test key found in $srcdir: nothing to look for" >&2
  exit 1
fi
# The 32 hex digits alone, so that a key printed without its prefix, or cut
# in two by a prefix check, is found as well.
sed 's/^ask[rw]_//' "$scratch/keys" > "$scratch/patterns"
echo "# looking for $(wc -l < "$scratch/keys") test keys"

# A scan that cannot find anything is no test: check it on a planted file.
mkdir -p "$scratch/canary"
printf 'x-api-key: %s\n' "$(head -n 1 "$scratch/keys")" > "$scratch/canary/planted"
if ! grep -rqF -f "$scratch/patterns" "$scratch/canary"; then
  echo "the scan does not find a planted key" >&2
  exit 1
fi
rm -rf "$scratch/canary"

# A throwaway HOME and TMPDIR for the programs, so that every file they
# write can be read back.
export HOME="$scratch/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export TMPDIR="$HOME/tmp"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$TMPDIR"
mkdir -p "$scratch/logs" "$scratch/dossier-runs"
export G_MESSAGES_DEBUG=all
# The tests keep the files they write and let their subprocesses print.
export DOSSIER_TEST_AUDIT=1
unset HRFLOW_API_KEY HRFLOW_USER_EMAIL

# Every dossier the tests start goes through this wrapper, which keeps a
# copy of everything it printed for the scan (the tests capture that output
# themselves), and hands the tests its output without the debug lines, so
# that tests expecting a quiet standard error still run to the end.
# Signals sent to it (a test interrupts an export) go on to dossier.
if [ -n "${DOSSIER_BINARY:-}" ]; then
  DOSSIER_REAL_BINARY=$DOSSIER_BINARY
  DOSSIER_RUNS="$scratch/dossier-runs"
  export DOSSIER_REAL_BINARY DOSSIER_RUNS
  cat > "$scratch/dossier" <<'EOF'
#!/bin/sh
out=$(mktemp "$DOSSIER_RUNS/out.XXXXXX")
err=$(mktemp "$DOSSIER_RUNS/err.XXXXXX")
"$DOSSIER_REAL_BINARY" "$@" > "$out" 2> "$err" &
child=$!
for signal in INT TERM HUP; do
  trap "kill -$signal $child" $signal
done
# A trapped signal ends the wait early: wait again until dossier is gone.
while :; do
  wait $child
  status=$?
  kill -0 $child 2>/dev/null || break
done
cat "$out"
grep -v -e 'DEBUG: ' -e 'INFO: ' "$err" >&2
exit $status
EOF
  chmod +x "$scratch/dossier"
  export DOSSIER_BINARY="$scratch/dossier"
fi

ran=0
failed=0
run_program () {
  name=$1
  shift
  program="$builddir/$name"
  if [ ! -x "$program" ]; then
    echo "# $name: not built, skipped"
    return
  fi
  log="$scratch/logs/$(basename "$name").log"
  "$program" "$@" > "$log" 2>&1
  status=$?
  ran=$((ran + 1))
  echo "# $name: exit status $status, $(wc -l < "$log") lines of output"
  # A program that stops early leaves part of the paths unscanned; one that
  # fails only with debug messages on has a bug of its own (debug output
  # mixed into data, for one).
  if [ "$status" -ne 0 ]; then
    echo "$name failed with G_MESSAGES_DEBUG=all, so the scan covers less than it should" >&2
    failed=1
  fi
}

for name in $programs; do
  run_program "$name"
done
run_program fuzz/test-fuzz-profile-regressions "$srcdir/fixtures" "$srcdir/fuzz/regressions/profile"
run_program fuzz/test-fuzz-picture-regressions "$srcdir/fuzz/seeds/picture" "$srcdir/fuzz/regressions/picture"
run_program fuzz/test-fuzz-json-text-regressions "$srcdir/fixtures" "$srcdir/fuzz/regressions/json-text"

if [ "$ran" -eq 0 ]; then
  echo "none of the programs was built" >&2
  exit 1
fi
echo "# dossier ran $(($(ls "$scratch/dossier-runs" | wc -l) / 2)) times"

# The places the scan must cover hold something: exports (kept by the tests
# for this audit) and the picture cache.
exports=$(find "$TMPDIR" -name '*.json' -type f | wc -l)
pictures=$(find "$XDG_CACHE_HOME" -path '*pictures*' -type f | wc -l)
echo "# $exports exported files, $pictures cached pictures"
if [ "$exports" -eq 0 ] || [ "$pictures" -eq 0 ]; then
  echo "no export or no cached picture to scan: the audit would look at nothing" >&2
  failed=1
fi

leaks=0
for place in "$scratch/logs" "$scratch/dossier-runs" "$HOME" "$keyrings"; do
  [ -e "$place" ] || continue
  found=$(grep -rlF -f "$scratch/patterns" "$place" 2>/dev/null)
  if [ -n "$found" ]; then
    # Name the files, never print the lines: they hold the key.
    echo "$found" | sed "s|^$scratch/|LEAK: |; s|^$keyrings|LEAK: keyring files|" >&2
    leaks=1
  fi
done

if [ "$leaks" -ne 0 ]; then
  echo "a test API key was found in the files above" >&2
  exit 1
fi
if [ "$failed" -ne 0 ]; then
  exit 1
fi

echo "# no test key in $(find "$scratch/logs" "$scratch/dossier-runs" "$HOME" -type f | wc -l) files"
exit 0
