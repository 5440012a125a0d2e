#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the Flatpak manifests offline, speaking TAP:
#   check-flatpak-manifests.sh FLATPAK_DIR BASE_APP_ID
#
# flatpak-builder parses each manifest (--show-manifest) with
# G_DEBUG=fatal-warnings, so that a misspelt or unknown key is an error rather
# than a warning nobody reads; then the parsed manifest is held to the rules
# of the project: application ID, command, runtime, sandbox permissions and
# how the application module is built.  Last, each rule is shown to bite: the
# checker must reject copies of the manifest broken on purpose.
set -u

. "$(dirname "$0")/tap.sh"

dir=$(cd "${1:?usage: check-flatpak-manifests.sh FLATPAK_DIR BASE_APP_ID}" && pwd)
base_id=${2:?usage: check-flatpak-manifests.sh FLATPAK_DIR BASE_APP_ID}

# The tools come from build-aux/debian-packages.txt.
tap_require flatpak-builder jq

# The runtime GNOME supports at the release date, or newer.
min_runtime=50
allowed_args="--share=network --share=ipc --socket=wayland --socket=fallback-x11 --device=dri"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/dossier-flatpak.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

# One line per rule, "PASS text" or "FAIL text", on standard output.
check_one () {
  manifest=$1
  app_id=$2
  development=$3
  parsed="$scratch/parsed.json"

  # flatpak-builder keeps a .flatpak-builder directory in the current one:
  # keep it out of the source tree.  A fatal warning kills it with SIGTRAP,
  # which the inner shell reports on the standard error kept for the message.
  if ! (cd "$scratch" && G_DEBUG=fatal-warnings sh -c 'flatpak-builder --show-manifest "$0"; exit $?' "$manifest") \
       >"$parsed" 2>"$scratch/stderr"; then
    echo "FAIL flatpak-builder cannot parse $(basename "$manifest"): $(tr '\n' ' ' <"$scratch/stderr")"
    return
  fi
  echo "PASS flatpak-builder parses $(basename "$manifest") without a warning"

  expect () {
    got=$(jq -r "$1" "$parsed")
    if [ "$got" = "$2" ]; then
      echo "PASS $3"
    else
      echo "FAIL $3: $1 is '$got', expected '$2'"
    fi
  }

  expect '.id // ."app-id"' "$app_id" "application ID is $app_id"
  expect '.command' dossier "command is dossier"
  expect '.runtime' org.gnome.Platform "runtime is org.gnome.Platform"
  expect '.sdk' org.gnome.Sdk "SDK is org.gnome.Sdk"

  version=$(jq -r '."runtime-version"' "$parsed")
  case "$version" in
    ''|*[!0-9]*)
      echo "FAIL runtime-version '$version' is not a GNOME release number" ;;
    *)
      if [ "$version" -ge "$min_runtime" ]; then
        echo "PASS runtime-version $version is a supported GNOME runtime"
      else
        echo "FAIL runtime-version $version is older than $min_runtime, out of support"
      fi ;;
  esac

  jq -r '."finish-args"[]?' "$parsed" >"$scratch/args"
  for arg in $(cat "$scratch/args"); do
    case "$arg" in
      --filesystem=*|--filesystem)
        echo "FAIL forbidden finish-arg $arg: files go through the file chooser portal" ;;
      --talk-name=org.freedesktop.secrets)
        echo "FAIL forbidden finish-arg $arg: libsecret uses the Secret portal" ;;
      --socket=x11|--device=all|--socket=session-bus|--socket=system-bus)
        echo "FAIL forbidden finish-arg $arg: broader than Dossier needs" ;;
      *)
        case " $allowed_args " in
          *" $arg "*) ;;
          *) echo "FAIL unexpected finish-arg $arg: only $allowed_args are allowed" ;;
        esac ;;
    esac
  done
  for arg in $allowed_args; do
    if [ "$(grep -c -x -e "$arg" "$scratch/args")" = 1 ]; then
      echo "PASS finish-args hold $arg once"
    else
      echo "FAIL finish-args must hold $arg exactly once"
    fi
  done

  # The application is the last module; the runtime provides the libraries.
  expect '.modules[-1].name' dossier "the last module is dossier"
  expect '.modules[-1].buildsystem' meson "dossier builds with meson"
  expect '.modules[-1].sources | length' 1 "dossier has one source"
  expect '.modules[-1].sources[0].type' dir "dossier builds from the local checkout"
  expect '.modules[-1].sources[0].path' .. "the checkout is the manifest's parent directory"
  # The README builds in build-flatpak, and flatpak-builder keeps its state
  # in .flatpak-builder, both inside the checkout: copying them into the
  # build would copy the build into itself.
  for skipped in .flatpak-builder build-flatpak; do
    expect "[.modules[-1].sources[0].skip[]? | select(. == \"$skipped\")] | length" 1 \
           "the copy of the checkout skips $skipped"
  done
  expect '[.modules[-1]."config-opts"[]? | select(. == "-Ddevelopment=true")] | length > 0' \
         "$development" "-Ddevelopment=true is set only in the Devel variant"
}

report () {
  case "$1" in
    PASS*) ok "${1#PASS }" ;;
    *) not_ok "${1#FAIL }" ;;
  esac
}

run_checks () {
  check_one "$@" >"$scratch/results"
  while IFS= read -r line; do
    report "$line"
  done <"$scratch/results"
}

stable="$dir/$base_id.json"
devel="$dir/$base_id.Devel.json"
run_checks "$stable" "$base_id" false
run_checks "$devel" "$base_id.Devel" true

if [ "$(jq -r '."runtime-version"' "$stable")" = "$(jq -r '."runtime-version"' "$devel")" ]; then
  report "PASS both variants use the same runtime"
else
  report "FAIL the stable and Devel variants use different runtimes"
fi

# The checker itself: each broken copy must be rejected, for the reason given.
reject () {
  description=$1
  reason=$2
  filter=$3
  broken="$scratch/$base_id.broken.json"
  if ! jq "$filter" "$stable" >"$broken"; then
    report "FAIL jq could not break the manifest for: $description"
    return
  fi
  check_one "$broken" "$base_id" false >"$scratch/broken-results"
  if grep -q -e "^FAIL .*$reason" "$scratch/broken-results"; then
    report "PASS a manifest with $description is rejected"
  else
    report "FAIL a manifest with $description was accepted"
  fi
}

reject "home directory access" "forbidden finish-arg --filesystem=home" \
  '."finish-args" += ["--filesystem=home"]'
reject "direct keyring access" "forbidden finish-arg --talk-name=org.freedesktop.secrets" \
  '."finish-args" += ["--talk-name=org.freedesktop.secrets"]'
reject "an extra permission" "unexpected finish-arg --socket=pulseaudio" \
  '."finish-args" += ["--socket=pulseaudio"]'
reject "no network" "must hold --share=network" \
  '."finish-args" -= ["--share=network"]'
reject "an unknown key" "cannot parse" \
  '.modules[-1].sources[0].skipped = ["_build"]'
reject "another application ID" "application ID" \
  '.id = "org.example.Dossier"'
reject "another command" "command is dossier" \
  '.command = "dossier-wrapper"'
reject "an old runtime" "older than" \
  '."runtime-version" = "48"'
reject "a git source" "builds from the local checkout" \
  '.modules[-1].sources[0] = {"type": "git", "url": "https://github.com/hrdossier/dossier.git", "branch": "main"}'
reject "the Flatpak build directory copied" "skips build-flatpak" \
  '.modules[-1].sources[0].skip -= ["build-flatpak"]'
reject "the development option" "only in the Devel variant" \
  '.modules[-1]."config-opts" += ["-Ddevelopment=true"]'

tap_finish
