#!/usr/bin/env bash
# Installs the pinned npm packages (package.json + package-lock.json in SOURCE)
# into DEST/node_modules with `npm ci`, never globally. Skipped when DEST
# already holds exactly that lockfile's packages.
#     npm_install.sh SOURCE DEST
set -euo pipefail
source_dir=$1
dest=$2

for tool in node npm; do
    if ! command -v "$tool" >/dev/null; then
        echo "$tool is not installed: the node-vault and jose client tests need Node.js >= 18" \
            "and npm (e.g. Debian's nodejs and npm packages)." >&2
        exit 1
    fi
done

mkdir -p "$dest"
stamp="$dest/node_modules/.tessera-lock.sha256"
wanted=$(sha256sum "$source_dir/package.json" "$source_dir/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then
    echo "npm packages already installed in $dest"
    exit 0
fi
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$dest/"
npm ci --no-audit --no-fund --prefix "$dest"
echo "$wanted" >"$stamp"
