#pragma once

namespace tessera {

// The English forms of the strings that count with "%n" ("1 audit record",
// "2 audit records"): Qt leaves a source text's plural to a translation, so
// English has one too, translations/tessera_en.ts (lupdate -pluralonly),
// embedded as :/plurals/tessera_en.qm. Every program installs it at start,
// before any other translation, which then takes precedence.
class EnglishPlurals
{
public:
    // Installs the translator once (owned by the application); false when it
    // could not be loaded.
    static bool install();
};

} // namespace tessera
