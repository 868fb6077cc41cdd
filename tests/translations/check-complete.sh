#!/usr/bin/env bash
# Fails when a translation file is not complete for the current sources: lupdate
# runs on temporary copies of the .ts files against the folders the console's
# strings live in, and any message left unfinished (a string added without a
# translation), vanished or obsolete (a translation nobody uses) is reported.
#   check-complete.sh LUPDATE SOURCE_ROOT "ui app/gui ..." translations/tessera_es.ts ...
set -euo pipefail
lupdate=$1 root=$2 dirs=${3//;/ }
shift 3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sources=()
for dir in $dirs; do
    [ -d "$root/$dir" ] && sources+=("$root/$dir")
done

status=0
for ts in "$@"; do
    copy="$work/$(basename "$ts")"
    cp "$ts" "$copy"
    # English has only the plural forms of "%n" strings (model/core/EnglishPlurals).
    only=()
    [[ $ts == *_en.ts ]] && only=(-pluralonly)
    "$lupdate" -silent "${only[@]}" -no-obsolete -locations none -I "$root" -I "$root/model" "${sources[@]}" -ts "$copy"
    # One line per message, as "context | source | state", to name what is wrong.
    report=$(python3 - "$copy" "$ts" <<'PY'
import sys
import xml.etree.ElementTree as ET

def messages(path):
    found = {}
    for context in ET.parse(path).getroot().iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            key = (name, message.findtext('source'))
            found[key] = message.find('translation').get('type', 'done')
    return found

updated, committed = messages(sys.argv[1]), messages(sys.argv[2])
for (context, source), state in sorted(updated.items()):
    if state != 'done':
        print('%s | %r | %s' % (context, source, state))
for (context, source), state in sorted(committed.items()):
    if (context, source) not in updated:
        print('%s | %r | no longer in the sources' % (context, source))
    elif state != 'done':
        print('%s | %r | %s in the committed file' % (context, source, state))
PY
    )
    if [ -n "$report" ]; then
        echo "$(basename "$ts"): not complete (translate, then run the tessera_ui_lupdate target):"
        echo "$report"
        status=1
    else
        echo "$(basename "$ts"): $(grep -c '<message' "$copy") messages, all translated"
    fi
done
exit $status
