#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Compiles the locales that the translation tests run in into a folder of
# the build directory, to be found through LOCPATH:
#   make-test-locales.sh OUTDIR STAMP LOCALE...     (LOCALE as in fr_FR)
#
# Why: a fresh Debian ships only C.UTF-8, and with it gettext translates
# (LANGUAGE=fr) but dates keep English month names; generating system
# locales needs root and changes the machine.  localedef (libc-bin) writes a
# locale anywhere from the sources of the `locales` package
# (build-aux/debian-packages.txt), in about a second each.
#
# Never fails the build: a locale that cannot be compiled is left out, and
# the test that needs it fails saying how to get it.
set -u

out=${1:?usage: make-test-locales.sh OUTDIR STAMP LOCALE...}
stamp=${2:?usage: make-test-locales.sh OUTDIR STAMP LOCALE...}
shift 2

mkdir -p "$out"
: >"$stamp.tmp"
for locale in "$@"; do
  dir="$out/$locale.UTF-8"
  if [ ! -f "$dir/LC_TIME" ]; then
    rm -rf "$dir"
    # -c: some locale sources raise warnings that are harmless here, and
    # without it localedef writes nothing.
    if command -v localedef >/dev/null 2>&1 && [ -f "/usr/share/i18n/locales/$locale" ]; then
      localedef -c -i "$locale" -f UTF-8 "$dir" >"$out/$locale.log" 2>&1 || true
    else
      echo "localedef or the sources of $locale are missing: install the locales package" >"$out/$locale.log"
    fi
  fi
  if [ -f "$dir/LC_TIME" ]; then
    echo "$locale.UTF-8 compiled" >>"$stamp.tmp"
  else
    echo "$locale.UTF-8 missing: $(head -n 1 "$out/$locale.log")" >>"$stamp.tmp"
  fi
done
mv "$stamp.tmp" "$stamp"
