#!/usr/bin/env bash
# Builds Tessera and opens the default store (created on first run).
# Until the desktop console lands this drives tessera-cli: the first run
# initialises the store and prints the root token; later runs show the token
# tree. Extra arguments go to tessera-cli instead, e.g.
#   bash scripts/console.sh demo        fill the default store with a sample library
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
tessera_ensure_packages "${TESSERA_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
cmake --build --preset release --target tessera-cli
cli=build/release/app/cli/tessera-cli

if [ $# -gt 0 ]; then
    exec "$cli" "$@"
fi
store=$("$cli" store path)
if [ ! -f "$store" ]; then
    echo "No store yet at $store: creating one."
    exec "$cli" init
fi
exec "$cli" token tree
