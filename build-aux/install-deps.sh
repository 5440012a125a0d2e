#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian/Ubuntu packages listed in debian-packages.txt (or in
# the list given as argument, e.g. benchmark-packages.txt) that are not
# installed yet (through sudo when not root).  Nothing is done when all are
# present, so it is cheap to run before every build.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
list=${1:-$here/debian-packages.txt}
packages=$(sed -e 's/#.*//' "$list" | tr -s ' \n' ' ')

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
else
  sudo="sudo"
fi

if command -v apt-get >/dev/null 2>&1; then
  missing=""
  for pkg in $packages; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing="$missing $pkg"
    fi
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    $sudo apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
  fi
else
  echo "install-deps.sh: this script knows apt-get only; install these packages by hand:" >&2
  echo "  $packages" >&2
  exit 1
fi
