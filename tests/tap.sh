# SPDX-License-Identifier: GPL-3.0-or-later
#
# TAP for the shell checks of the data suite: sourced, not run.
#   . "$(dirname "$0")/tap.sh"

tap_count=0
tap_failed=0

ok () { tap_count=$((tap_count + 1)); echo "ok $tap_count - $1"; }
not_ok () { tap_count=$((tap_count + 1)); tap_failed=$((tap_failed + 1)); echo "not ok $tap_count - $1"; }
skip () { tap_count=$((tap_count + 1)); echo "ok $tap_count # SKIP $1"; }

# Prints the plan and exits, with status 0 only when every check passed.
tap_finish () {
  echo "1..$tap_count"
  [ "$tap_failed" -eq 0 ]
  exit $?
}

# Fails at once, saying how to get it, unless each tool is installed.
tap_require () {
  for tool in "$@"; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      not_ok "$tool is not installed: build-aux/install-deps.sh installs it"
      tap_finish
    fi
  done
}
