#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The README's first command: installs what is missing, builds Dossier in
# _build and starts it from there (with the build's own GSettings schema).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

sh build-aux/install-deps.sh

if [ ! -f _build/build.ninja ]; then
  meson setup _build -Ddevelopment=true
fi
meson compile -C _build

GSETTINGS_SCHEMA_DIR="$top/_build/data" exec ./_build/src/dossier "$@"
