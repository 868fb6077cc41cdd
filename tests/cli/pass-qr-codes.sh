#!/usr/bin/env bash
# The printed passes scan: `tessera-cli token batch` writes a sheet and a
# receipt PDF, poppler's pdftoppm renders them at 150 dpi, zbar's zbarimg reads
# every QR code back, and the decoded tokens must be exactly the batch's (its
# CSV). Skipped (exit 77) when pdftoppm or zbarimg is missing.
#   pass-qr-codes.sh /path/to/tessera-cli
set -euo pipefail
cli=$1
for tool in pdftoppm zbarimg; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is not installed (poppler-utils, zbar-tools in scripts/deps.sh)"
        exit 77
    fi
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export HOME=$work XDG_DATA_HOME=$work QT_QPA_PLATFORM=offscreen
echo "pass sheet test passphrase" > passphrase
store=(--store "$work/test.store" --passphrase-file "$work/passphrase")
"$cli" init "${store[@]}" >/dev/null
"$cli" role write class-visit --uses 1 --ttl 4h "${store[@]}" >/dev/null

check() { # name, count, extra flags...
    local name=$1 count=$2
    shift 2
    "$cli" token batch --role class-visit --count "$count" --sheet "$name.pdf" \
        --csv "$name.csv" "$@" "${store[@]}" >/dev/null
    pdftoppm -r 150 -png "$name.pdf" "$name-page"
    zbarimg --raw -q "$name"-page-*.png 2>/dev/null | sort >"$name.decoded" || true
    tail -n +2 "$name.csv" | cut -d, -f3 | tr -d '\r' | sort >"$name.issued"
    if ! diff -u "$name.issued" "$name.decoded"; then
        echo "FAIL: the QR codes of $name.pdf are not the batch's tokens"
        exit 1
    fi
    echo "ok: $name: $(wc -l <"$name.decoded") of $count QR codes decoded to the batch's tokens"
}
check sheet-a4 12 --library "Biblioteca Norte"
check sheet-letter 7 --paper letter
check receipt 3 --receipt
