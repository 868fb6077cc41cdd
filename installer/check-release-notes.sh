#!/usr/bin/env bash
# The project version has its release notes: a <release> in the AppStream
# metainfo and the top entry of the Debian changelog. Bumping the version in
# CMakeLists.txt without them fails here rather than in a software centre.
#   check-release-notes.sh <version> <metainfo.xml> <debian/changelog>
set -euo pipefail
version=$1
metainfo=$2
changelog=$3
status=0
if ! grep -q "<release version=\"$version\"" "$metainfo"; then
    echo "$metainfo has no <release version=\"$version\" date=...>: add one." >&2
    status=1
fi
top=$(sed -n '1s/^tessera (\([^)]*\)).*/\1/p' "$changelog")
if [ "$top" != "$version" ]; then
    echo "$changelog starts with version '$top', not $version: add an entry." >&2
    status=1
fi
exit $status
