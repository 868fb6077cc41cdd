#!/usr/bin/env bash
# Packaging test: builds the packages from a finished build, installs the .deb on
# this machine with apt-get, runs the installed programs, checks the desktop
# files and the man page, then removes the package and checks it is gone.
#   installer/test-package.sh <build-dir>
# Exit 0 passed, 1 failed, 77 skipped (not root and no sudo, or
# TESSERA_SKIP_PACKAGE_TEST=1). It changes the system: run it where that is fine.
set -euo pipefail
build=$(cd "${1:?usage: test-package.sh <build-dir>}" && pwd)
skip=77

if [ "${TESSERA_SKIP_PACKAGE_TEST:-0}" = 1 ]; then
    echo "SKIPPED: TESSERA_SKIP_PACKAGE_TEST=1"
    exit $skip
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
    if ! sudo -n true 2>/dev/null; then
        echo "SKIPPED: installing a .deb needs root or password-less sudo"
        exit $skip
    fi
    sudo="sudo -n"
fi

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }
# Runs a chatty command; its output is shown only when it fails.
quietly() { "$@" >"$work/log" 2>&1 || { cat "$work/log" >&2; fail "$*"; }; }
apt_get() { quietly $sudo env DEBIAN_FRONTEND=noninteractive apt-get -y -o DPkg::Lock::Timeout=300 "$@"; }

# Several checkouts on one machine share one dpkg database: one test at a time.
exec 9>/tmp/tessera-package-test.lock
flock -w 900 9 || fail "another packaging test held the lock for 15 minutes"

work=$(mktemp -d)
packages=$build/packages
cleanup() {
    if dpkg-query -W -f='${Status}' tessera 2>/dev/null | grep -q "install ok installed"; then
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y tessera >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

step "cpack into $packages"
rm -rf "$packages"
quietly cpack --config "$build/CPackConfig.cmake" -B "$packages"
version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
arch=$(dpkg --print-architecture)
deb=$packages/tessera_${version}_${arch}.deb
[ -f "$deb" ] || fail "no $deb (found: $(ls "$packages"))"
[ -f "$packages/tessera_${version}_${arch}.tar.gz" ] || fail "no tarball in $packages"
dpkg-deb -I "$deb"

dpkg-deb -c "$deb" >"$work/contents"
gui=0
if grep -q ' \./usr/bin/tessera$' "$work/contents"; then gui=1; fi

step "apt-get install $deb"
if dpkg-query -W -f='${Status}' tessera 2>/dev/null | grep -q "install ok installed"; then
    apt_get remove tessera
fi
apt_get install --no-install-recommends "$deb"
[ "$(dpkg-query -W -f='${Version}' tessera)" = "$version" ] || fail "tessera $version not installed"

step "tessera-cli --version"
[ "$(command -v tessera-cli)" = /usr/bin/tessera-cli ] || fail "tessera-cli is not /usr/bin/tessera-cli"
[ "$(/usr/bin/tessera-cli --version)" = "tessera-cli $version" ] ||
    fail "tessera-cli --version printed '$(/usr/bin/tessera-cli --version)'"

step "tessera-cli init on a temporary store"
export TESSERA_PASSPHRASE="package test passphrase"
/usr/bin/tessera-cli init --json --store "$work/test.store" >"$work/init.json"
grep -q '"root_token": *"tss\.' "$work/init.json" || fail "init printed no root token"
/usr/bin/tessera-cli audit verify --store "$work/test.store"
/usr/bin/tessera-cli store check --store "$work/test.store"

# Renders a man page into $work/<name>.txt; groff's warnings fail the test.
render_man() {
    local page=/usr/share/man/man1/$1.1.gz warnings
    [ -f "$page" ] || fail "no $page"
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >"$work/$1.txt")
    [ -z "$warnings" ] || fail "man -l $page reports: $warnings"
}

step "man -l tessera-cli(1)"
render_man tessera-cli
grep -q "tessera-cli $version" "$work/tessera-cli.txt" || fail "tessera-cli(1) does not name $version"
grep -q "token create" "$work/tessera-cli.txt" || fail "tessera-cli(1) lists no commands"

if [ "$gui" = 1 ]; then
    step "tessera --version (offscreen)"
    out=$(QT_QPA_PLATFORM=offscreen timeout 30 /usr/bin/tessera --version)
    [ "$out" = "tessera $version" ] || fail "tessera --version printed '$out'"
    step "man -l tessera(1) names every option of tessera --help"
    render_man tessera
    QT_QPA_PLATFORM=offscreen timeout 30 /usr/bin/tessera --help >"$work/help.txt"
    for option in $(grep -o -- '--[a-z][a-z-]*' "$work/help.txt" | sort -u); do
        grep -q -e "$option" "$work/tessera.txt" || fail "tessera(1) does not describe $option"
    done
    step "desktop entry, metainfo, icon"
    id=org.tessera.Tessera
    appstreamcli validate --no-net --strict /usr/share/metainfo/$id.metainfo.xml
    if command -v desktop-file-validate >/dev/null; then
        desktop-file-validate /usr/share/applications/$id.desktop
    else
        echo "desktop-file-validate not installed: desktop entry not validated"
    fi
    [ -f /usr/share/icons/hicolor/scalable/apps/$id.svg ] || fail "no hicolor icon $id.svg"
else
    echo "The package has no /usr/bin/tessera (console not built): GUI checks skipped."
fi

step "apt-get remove tessera"
apt_get remove tessera
for file in /usr/bin/tessera-cli /usr/bin/tessera /usr/share/man/man1/tessera-cli.1.gz; do
    [ ! -e "$file" ] || fail "$file is still there after apt-get remove"
done
echo "PASS: tessera $version installs, runs and removes cleanly"
