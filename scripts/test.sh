#!/usr/bin/env bash
# Builds Tessera (CMake preset "ci") and runs every test with CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/deps.sh
tessera_ensure_packages "${TESSERA_BUILD_PACKAGES[@]}" "${TESSERA_TEST_PACKAGES[@]}"

cmake --preset ci
cmake --build --preset ci
ctest --preset ci "$@"
