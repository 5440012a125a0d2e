#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The performance benchmarks of issue 7, side by side in one run, written
# into BENCHMARKS.md (between its "results" markers).  Not part of the test
# suite: run it by hand, on a machine that is otherwise as quiet as it gets.
#
#   build-aux/run-benchmarks.sh [--runs N] [--no-write]
#
# It installs what it needs (build-aux/debian-packages.txt and
# build-aux/benchmark-packages.txt), makes a release build in _build-bench,
# generates the profiles (10 KB to 20 MB) and a 12-megapixel JPEG, serves
# them from the fake HrFlow server on loopback, and measures:
#
#   1. headless lookup + export against curl, peak memory, what linking
#      GTK costs, and that the export loads no toolkit;
#   2. exec to first frame of the window against a minimal AdwApplication
#      window, with the cairo and the GL renderer, under Xvfb;
#   3-6. inside the window (tests/bench/bench-window.c): Look Up to profile
#      shown against json-glib alone, main-loop stalls, memory, scaling.
#
# Every measure is repeated (--runs, default 15 for processes) and reported
# as a median; ratios compare measures of the same run.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

runs=15
write=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --no-write) write=no; shift ;;
    *) echo "usage: $0 [--runs N] [--no-write]" >&2; exit 2 ;;
  esac
done
window_runs=$(( runs > 10 ? 10 : runs ))

sh build-aux/install-deps.sh
sh build-aux/install-deps.sh build-aux/benchmark-packages.txt

build=_build-bench
if [ ! -f "$build/build.ninja" ]; then
  meson setup "$build" --buildtype=release
fi
meson compile -C "$build" -j 2
meson compile -C "$build" -j 2 benchmarks

bench="$build/tests/bench"
started=$(date +%s)

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-bench.XXXXXX")
server_pid=""
cleanup ()
{
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT INT TERM

# A home of its own: no keyring, settings or cache of the user's is read.
export HOME="$scratch/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/$build/data"
export GTK_A11Y=none NO_AT_BRIDGE=1 LC_ALL=C.UTF-8
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY

api_key=askr_0123456789abcdef0123456789abcdef
user_email=bench@example.com
source_key=bench
export HRFLOW_API_KEY="$api_key" HRFLOW_USER_EMAIL="$user_email"

log () { printf '%s\n' "$*" >&2; }

# --- Inputs ---------------------------------------------------------------

profiles="$scratch/profiles"
files="$scratch/files"
out="$scratch/out"
mkdir -p "$profiles" "$files" "$out"

# The profiles point at pictures on the fake server, whose port must be
# known before they are written: pick one, and try another if it is taken.
port=$(( 20000 + $$ % 20000 ))
key_of () { printf 'b%039d' "$1"; }

log "Generating the profiles and the pictures…"
"$bench/bench-make-profile" --jpeg 4000x3000 -o "$files/photo-12mp.jpg"
"$bench/bench-make-profile" --jpeg 480x480 -o "$files/photo-small.jpg"

for try in 1 2 3 4 5; do
  files_url="http://127.0.0.1:$port/files"
  rm -f "$profiles"/*.json
  # The 10 KB and 5 MB profiles of budgets 1-5 carry a picture; the
  # scaling series (budget 6) does not, so that it measures text only.
  "$bench/bench-make-profile" --size 10000 --key "$(key_of 10000)" \
    --picture "$files_url/photo-small.jpg" -o "$profiles/small.json" 2>/dev/null
  "$bench/bench-make-profile" --size 5000000 --key "$(key_of 5000000)" \
    --picture "$files_url/photo-12mp.jpg" -o "$profiles/big.json" 2>"$scratch/big-shape.txt"
  for size in 10000 100000 1000000 5000000 20000000; do
    "$bench/bench-make-profile" --size "$size" --key "$(key_of "1$size")" \
      -o "$profiles/scale-$size.json" 2>>"$scratch/scale-shape.txt"
  done

  "$build/tests/dossier-fake-hrflow" --port "$port" --profiles "$profiles" --source "$source_key" \
    --files "$files" --api-key "$api_key" --user-email "$user_email" \
    > "$scratch/base" 2>"$scratch/server.log" &
  server_pid=$!
  # It prints its base once every profile is loaded.
  for _ in $(seq 1 100); do
    [ -s "$scratch/base" ] && break
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -s "$scratch/base" ] && break
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  port=$(( port + 7 ))
done
api_base=$(cat "$scratch/base")
[ -n "$api_base" ] || { log "the fake server did not start: $(cat "$scratch/server.log")"; exit 1; }
log "Fake HrFlow server at $api_base"

size_of () { wc -c < "$1" | tr -d ' '; }
small_size=$(size_of "$profiles/small.json")
big_size=$(size_of "$profiles/big.json")
url_of () { printf '%s/profile/indexing?source_key=%s&key=%s' "$api_base" "$source_key" "$1"; }
small_url=$(url_of "$(key_of 10000)")
big_url=$(url_of "$(key_of 5000000)")

# --- Results --------------------------------------------------------------

results="$scratch/results.md"
: > "$results"
row ()
{
  # row BUDGET MEASURE DOSSIER REFERENCE RATIO LIMIT VERDICT
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$@" >> "$results"
}
# field NAME COLUMN FILE: a column of bench-run's line for NAME
field () { awk -F '\t' -v n="$1" -v c="$2" '$1 == n { print $c }' "$3"; }
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# verdict VALUE LIMIT: "yes" when VALUE <= LIMIT
verdict () { awk -v v="$1" -v l="$2" 'BEGIN { print (v <= l) ? "**yes**" : "**NO**" }'; }
ms () { awk -v v="$1" 'BEGIN { printf "%.1f ms", v }'; }
mib () { awk -v v="$1" 'BEGIN { printf "%.1f MiB", v / 1024 }'; }
kb () { awk -v v="$1" 'BEGIN { if (v >= 1e6) printf "%.1f MB", v / 1e6; else printf "%.0f KB", v / 1e3 }'; }

# --- 1. Headless lookup and export ----------------------------------------

log "1. Headless export against curl ($runs runs each, interleaved)…"
curl_args="-s -H 'X-API-KEY: $api_key' -H 'X-USER-EMAIL: $user_email'"
dossier_args="--api-base $api_base --source $source_key"
"$bench/bench-run" --runs "$runs" --warmup 2 \
  curl-small "curl $curl_args -o $out/curl-small-{n}.json '$small_url'" \
  dossier-small "$build/src/dossier $dossier_args --key $(key_of 10000) --export $out/dossier-small-{n}.json" \
  curl-big "curl $curl_args -o $out/curl-big-{n}.json '$big_url'" \
  dossier-big "$build/src/dossier $dossier_args --key $(key_of 5000000) --export $out/dossier-big-{n}.json" \
  > "$scratch/headless.tsv" 2>"$scratch/headless.samples"
rm -f "$out"/*.json

# The export really is the profile: the same bytes once the added
# indentation is squeezed out (of both, strings included).
"$build/src/dossier" $dossier_args --key "$(key_of 5000000)" --export "$out/check.json"
tr -d ' \n' < "$out/check.json" > "$scratch/a"
tr -d ' \n' < "$profiles/big.json" > "$scratch/b"
cmp -s "$scratch/a" "$scratch/b" || { log "the export differs from the served profile"; exit 1; }

for case in small big; do
  d=$(field "dossier-$case" 2 "$scratch/headless.tsv")
  c=$(field "curl-$case" 2 "$scratch/headless.tsv")
  r=$(ratio "$d" "$c")
  if [ "$case" = small ]; then limit=2; sz=$small_size; else limit=1.5; sz=$big_size; fi
  row 1 "Headless lookup + export, $(kb "$sz") profile (wall, exec to exit)" \
    "$(ms "$d")" "curl $(ms "$c")" "${r}×" "≤ ${limit}×" "$(verdict "$r" "$limit")"
done
for case in small big; do
  d=$(field "dossier-$case" 7 "$scratch/headless.tsv")
  c=$(field "curl-$case" 7 "$scratch/headless.tsv")
  row 1 "… the same, CPU time (user + system)" "$(ms "$d")" "curl $(ms "$c")" "$(ratio "$d" "$c")×" "(info)" ""
done
rss=$(field dossier-big 5 "$scratch/headless.tsv")
curl_rss=$(field curl-big 5 "$scratch/headless.tsv")
rss_mib=$(awk -v v="$rss" 'BEGIN { printf "%.1f", v / 1024 }')
row 1 "Headless export of $(kb "$big_size"): peak RSS" "$(mib "$rss")" "curl $(mib "$curl_rss")" "" "≤ 60 MiB" "$(verdict "$rss_mib" 60)"

log "   What linking costs: --version of each program…"
"$bench/bench-run" --runs "$runs" --warmup 2 \
  trivial "$bench/bench-trivial" \
  core-only "$bench/bench-core-version --version" \
  dossier "$build/src/dossier --version" \
  dossier-app "$build/src/dossier-app --version" \
  > "$scratch/version.tsv" 2>/dev/null
for name in trivial core-only dossier dossier-app; do
  case "$name" in
    trivial) what="a C program linking libc only" ;;
    core-only) what="option parsing linked with the core only" ;;
    dossier) what="\`dossier --version\` (core + command line)" ;;
    dossier-app) what="\`dossier-app --version\` (also links GTK and libadwaita)" ;;
  esac
  row 1 "Start-up floor: $what" "$(ms "$(field "$name" 2 "$scratch/version.tsv")") wall, $(ms "$(field "$name" 7 "$scratch/version.tsv")") CPU" "" "" "(info)" ""
done

# No toolkit in headless mode: neither mapped nor opened, no display.
strace -f -e trace=openat,connect -o "$scratch/strace.txt" \
  "$build/src/dossier" $dossier_args --key "$(key_of 10000)" --export "$out/strace.json"
toolkit=$(grep -v ENOENT "$scratch/strace.txt" | grep -cE 'libgtk-4|libadwaita|libEGL|libGL|libepoxy|libX11|libwayland|\.ui"' || true)
display=$(grep -cE 'X11-unix|wayland-' "$scratch/strace.txt" || true)
linked=$(ldd "$build/src/dossier" | grep -cE 'libgtk-4|libadwaita' || true)
row 1 "Headless export loads no toolkit (files opened / display connections / GTK libraries linked)" \
  "$toolkit / $display / $linked" "" "" "0 / 0 / 0" "$(verdict "$((toolkit + display + linked))" 0)"

# --- 2. Start-up: exec to first frame ---------------------------------------

log "2. Start-up to first frame against a minimal window ($runs runs, under Xvfb)…"
xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- sh -c '
  printf %s bench | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1
  for renderer in cairo gl; do
    GSK_RENDERER=$renderer DOSSIER_BENCH_EXIT_ON_FIRST_FRAME=1 \
      "$0/bench-run" --probe --runs "$1" --warmup 2 --timeout 60 \
        "minimal-$renderer" "$0/minimal-window" \
        "dossier-$renderer" "$2/src/dossier" 2>/dev/null
  done' "$bench" "$runs" "$build" > "$scratch/startup.tsv"
for renderer in cairo gl; do
  d=$(field "dossier-$renderer" 2 "$scratch/startup.tsv")
  m=$(field "minimal-$renderer" 2 "$scratch/startup.tsv")
  r=$(ratio "$d" "$m")
  row 2 "Exec to first frame, GSK_RENDERER=$renderer" "$(ms "$d")" "minimal window $(ms "$m")" "${r}×" "≤ 1.2×" "$(verdict "$r" 1.2)"
done

# --- 3-6. Inside the window -------------------------------------------------

if [ -x "$bench/bench-window" ]; then
  log "3-6. Inside the window…"
  # G_SLICE as the `dossier` command sets it for the window (src/main.c);
  # the cairo renderer, as the faster of the two on a software rasterizer.
  xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" dbus-run-session -- \
    env GSK_RENDERER=cairo G_SLICE=always-malloc "$bench/bench-window" \
      --api-base "$api_base" --source "$source_key" \
      --small "$(key_of 10000)" --big "$(key_of 5000000)" \
      --scale "$(key_of 110000),$(key_of 1100000),$(key_of 11000000),$(key_of 15000000),$(key_of 120000000)" \
      --runs "$window_runs" \
      >> "$results" 2>"$scratch/window.log" || { log "bench-window failed:"; cat "$scratch/window.log" >&2; exit 1; }
fi

# --- Report -----------------------------------------------------------------

elapsed=$(( $(date +%s) - started ))
cpu=$(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')
mem=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
load=$(cut -d ' ' -f 1-3 /proc/loadavg)
big_shape=$(sed 's/^bench-make-profile: //' "$scratch/big-shape.txt")

report="$scratch/report.md"
{
  echo "<!-- results:begin (written by build-aux/run-benchmarks.sh; do not edit by hand) -->"
  echo
  echo "Run of $(date -u '+%Y-%m-%d %H:%M UTC'), commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet -- . ':!BENCHMARKS.md' 2>/dev/null || echo ' (with local changes)'):"
  echo "$(nproc) cores ($cpu), $mem of memory, load average before/after $load;"
  echo "Debian $(cat /etc/debian_version 2>/dev/null || echo '?'), GTK $(pkg-config --modversion gtk4), libadwaita $(pkg-config --modversion libadwaita-1), json-glib $(pkg-config --modversion json-glib-1.0), libsoup $(pkg-config --modversion libsoup-3.0), $(curl --version | head -n 1 | cut -d ' ' -f 1-2)."
  echo "Command: \`build-aux/run-benchmarks.sh --runs $runs\` ($elapsed s). Processes and start-ups: median of $runs runs,"
  echo "interleaved with their reference; in the window: $window_runs. The ~5 MB profile: $big_shape."
  echo
  echo "| # | Measure | Dossier | Reference | Ratio | Budget | Met |"
  echo "|---|---|---|---|---|---|---|"
  cat "$results"
  echo
  echo "<!-- results:end -->"
} > "$report"

cat "$report"

if [ "$write" = yes ]; then
  if [ -f BENCHMARKS.md ] && grep -q '<!-- results:begin' BENCHMARKS.md; then
    awk -v report="$report" '
      /<!-- results:begin/ { while ((getline line < report) > 0) print line; skipping = 1; next }
      /<!-- results:end -->/ { skipping = 0; next }
      !skipping { print }' BENCHMARKS.md > "$scratch/BENCHMARKS.md"
    cp "$scratch/BENCHMARKS.md" BENCHMARKS.md
  else
    { echo "# Benchmarks"; echo; cat "$report"; } > BENCHMARKS.md
  fi
  log "BENCHMARKS.md updated."
fi
