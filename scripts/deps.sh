#!/usr/bin/env bash
# Installs, with apt-get, the Debian packages Tessera needs that are missing.
# Sourced by scripts/console.sh and scripts/test.sh; safe to run repeatedly.
set -euo pipefail

TESSERA_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-translations-l10n
    libssl-dev libsqlcipher-dev libqrencode-dev
)
TESSERA_TEST_PACKAGES=(
    xvfb xauth sqlcipher clang-format git poppler-utils
    dpkg-dev file appstream desktop-file-utils man-db
    python3-hvac openssl curl nginx chromium oathtool zbar-tools
)

tessera_missing_packages() {
    local missing=()
    for package in "$@"; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$package")
        fi
    done
    echo "${missing[@]:-}"
}

tessera_ensure_packages() {
    local missing
    missing=$(tessera_missing_packages "$@")
    [ -z "$missing" ] && return 0
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "Need root (or sudo) to install: $missing" >&2; exit 1; }
        sudo="sudo"
    fi
    echo "Installing: $missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
}
