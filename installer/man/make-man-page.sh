#!/usr/bin/env bash
# Writes tessera-cli's man page: the hand-written template with the version, the
# common options and one section per command taken from the binary's own --help,
# so the page cannot drift from what the program accepts.
#   make-man-page.sh <tessera-cli> <tessera-cli.1.in> [<out.1.gz>]
# Without an output file the roff text goes to stdout.
set -euo pipefail
cli=$1
template=$2
output=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Roff escapes for one line of running text.
escape='function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s);
                          if (s ~ /^[.'"'"']/) s = "\\&" s; return s }'

# "  token create   Issue a token." -> "token create"
"$cli" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ {
    sub(/^  /, ""); sub(/  +.*/, ""); print }' >"$work/words"
# A command whose first argument picks an action ("Usage: tessera-cli user totp
# <enable|disable> NAME") gets a section per action: "user totp enable", ...
while read -r -a words; do
    actions=$("$cli" "${words[@]}" --help |
        sed -n '1s/^Usage: tessera-cli [a-z ]*<\([a-z|-]*\)>.*/\1/p')
    if [ -z "$actions" ]; then
        printf '%s\n' "${words[*]}"
    else
        for action in ${actions//|/ }; do printf '%s %s\n' "${words[*]}" "$action"; done
    fi
done <"$work/words" >"$work/commands"
[ -s "$work/commands" ] || { echo "make-man-page.sh: no commands in $cli --help" >&2; exit 1; }

# Each command's help as records: "usage<TAB>text", "about<TAB>text",
# "option<TAB>spec<TAB>text", "argument<TAB>name<TAB>text" (wrapped lines joined).
n=0
while read -r -a words; do
    n=$((n + 1))
    "$cli" "${words[@]}" --help | awk -F'\n' '
        function flush() { if (kind != "") print kind "\t" name "\t" text; kind = "" }
        NR == 1 { sub(/^Usage: /, ""); print "usage\t" $0; next }
        /^Options:$/ { section = "option"; next }
        /^Arguments:$/ { flush(); section = "argument"; next }
        section == "" && NF { print "about\t" $0; next }
        section != "" && /^  [^ ]/ {
            flush(); line = substr($0, 3)
            split(line, parts, /  +/); name = parts[1]
            text = substr(line, length(name) + 1); sub(/^ +/, "", text)
            kind = section; next }
        section != "" && /^   / { sub(/^ +/, ""); text = text " " $0; next }
        END { flush() }' >"$work/$n"
    printf '%s\n' "${words[*]}" >"$work/$n.name"
done <"$work/commands"

# Options most commands share, word for word, are described once under COMMON
# OPTIONS; each command's section names the ones it takes.
cat "$work"/[0-9]* | awk -v n="$n" '/^option/ && !count[$0]++ { order[++k] = $0 }
    END { for (i = 1; i <= k; i++) if (count[order[i]] * 2 >= n) print order[i] > common
          for (i = 1; i <= k; i++) if (count[order[i]] == n) print order[i] > universal }' \
    common="$work/common" universal="$work/universal"
touch "$work/common" "$work/universal"

render_items='
    '"$escape"'
    function spec(s,    out, i, count, tokens, t, comma) {
        count = split(s, tokens, " ")
        for (i = 1; i <= count; i++) {
            t = tokens[i]; comma = sub(/,$/, "", t)
            if (t ~ /^</) { gsub(/[<>]/, "", t); t = "\\fI" esc(t) "\\fR" }
            else t = "\\fB" esc(t) "\\fR"
            out = out (i > 1 ? " " : "") t (comma ? "," : "")
        }
        return out
    }
    { split($0, f, "\t") }
    f[1] == "option" { print ".TP"; print spec(f[2]); print esc(f[3]) }
    f[1] == "argument" { print ".TP"; print "\\fI" esc(f[2]) "\\fR"; print esc(f[3]) }'

awk "$render_items" "$work/common" >"$work/common.roff"

for i in $(seq 1 "$n"); do
    name=$(cat "$work/$i.name")
    printf '.SS "%s"\n' "${name//-/\\-}"
    awk "$escape"' { split($0, f, "\t") }
        f[1] == "usage" { sub(/^tessera-cli /, "", f[2]); print ".B tessera\\-cli"; print esc(f[2]) }
        f[1] == "about" { print ".PP"; print esc(f[2]) }' "$work/$i"
    grep -xFf "$work/common" "$work/$i" | grep -vxFf "$work/universal" | awk "$escape"' { split($0, f, "\t"); sub(/^-h, /, "", f[2])
        sub(/ .*/, "", f[2]); list = list (list == "" ? "" : ", ") "\\fB" esc(f[2]) "\\fR" }
        END { if (list != "") { print ".PP"; print "Common options: " list "." } }' || true
    grep -vxFf "$work/common" "$work/$i" | awk "$render_items" || true
done >"$work/commands.roff"

version=$("$cli" --version | awk '{ print $NF }')
[ -n "$version" ] || { echo "make-man-page.sh: $cli --version printed nothing" >&2; exit 1; }
awk -v version="$version" -v common="$work/common.roff" -v commands="$work/commands.roff" '
    function include(file,    line) { while ((getline line < file) > 0) print line; close(file) }
    /^@COMMON_OPTIONS@$/ { include(common); next }
    /^@COMMANDS@$/ { include(commands); next }
    { gsub(/@VERSION@/, version); print }' "$template" >"$work/page.1"

if [ -z "$output" ]; then
    cat "$work/page.1"
else
    # gzip -n: no name or time stamp in the header, so builds are reproducible.
    gzip -9n <"$work/page.1" >"$output.tmp"
    mv "$output.tmp" "$output"
fi
