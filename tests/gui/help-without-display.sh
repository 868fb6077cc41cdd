#!/usr/bin/env bash
# `tessera --help` and `--version` print and exit 0 with no display at all
# (no X11, no Wayland, no platform chosen): QApplication would abort first.
# Usage: help-without-display.sh path/to/tessera
set -u
tessera=$1
fail=0
check() {
    local expected=$1
    shift
    local output rc
    output=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$tessera" "$@" 2>&1)
    rc=$?
    if [ "$rc" -ne 0 ] || ! grep -q -- "$expected" <<<"$output"; then
        echo "FAIL: tessera $* exited $rc, expected 0 and '$expected' in:"
        echo "$output"
        fail=1
    else
        echo "PASS: tessera $*"
    fi
}
check "Usage:" --help
check "--store <FILE>" -h
check "^tessera [0-9]" --version
exit $fail
