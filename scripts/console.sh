#!/usr/bin/env bash
# Builds Tessera and opens the console (the desktop GUI) on the default store,
# ~/.local/share/Tessera/tessera/tessera.store: the first run offers to create
# it and shows its root token once; later runs ask for the passphrase.
# Arguments go to the console, e.g. --store FILE or --lang es. With `cli` as
# the first argument the rest go to tessera-cli instead:
#   bash scripts/console.sh cli demo     fill the default store with a sample library
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
tessera_ensure_packages "${TESSERA_BUILD_PACKAGES[@]}"

cmake --preset release >/dev/null
if [ "${1:-}" = cli ]; then
    shift
    cmake --build --preset release --target tessera-cli
    exec build/release/app/cli/tessera-cli "$@"
fi
cmake --build --preset release --target tessera tessera-cli
exec build/release/app/gui/tessera "$@"
