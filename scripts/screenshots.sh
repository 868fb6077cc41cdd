#!/usr/bin/env bash
# Screenshots for the README: builds the console, fills a throw-away store with
# `tessera-cli demo`, and lets the console photograph itself under Xvfb
# (the automation-only options --passphrase-file and --screenshot DIR):
#   docs/main-window.png   the tree expanded, a token selected
#   docs/issue-form.png    Token > Issue Token
#   docs/audit-view.png    Access > Audit Log
#   docs/report-dialog.png File > Export Report (the selected token's subtree offered)
#   docs/link-dialog.png   Token > Link for One Document, an address filled in
#   docs/expiring-soon.png Token > Expiring Soon, two tokens selected
#   docs/second-factor-dialog.png  Access > Users, a staff account, Second Factor…,
#                          Set Up: the enrolment with its QR code (a demo key), and
#                          two security keys the tour registers for the picture
#   docs/dashboard.png     View > Dashboard: today's figures and the last 30 days
# Usage: bash scripts/screenshots.sh [build-dir]   (default build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
tessera_ensure_packages "${TESSERA_BUILD_PACKAGES[@]}" xvfb xauth

build=${1:-build/release}
if [ ! -f "$build/CMakeCache.txt" ]; then
    cmake --preset release >/dev/null
fi
cmake --build "$build" --target tessera tessera-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s\n' "screenshots only: not a real passphrase" > "$work/passphrase"
export TESSERA_USER_PASSWORD="demo staff password"
"$build/app/cli/tessera-cli" demo --store "$work/library.store" \
    --passphrase-file "$work/passphrase" --tokens 400 --seed 7 --history-days 30 >/dev/null

# A settings directory of its own: the user's window layout and recent stores
# stay out of the pictures (and untouched).
export XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data"
export LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8 QT_QPA_PLATFORM=xcb
mkdir -p docs
xvfb-run --auto-servernum --server-args="-screen 0 1400x900x24 -dpi 96" \
    "$build/app/gui/tessera" --store "$work/library.store" \
    --passphrase-file "$work/passphrase" --screenshot docs
ls -l docs/*.png
