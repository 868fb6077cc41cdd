#pragma once

#include <QString>

namespace tessera::ui {

// Loads the console's translation (embedded as :/i18n/tessera_<lang>.qm) and
// Qt's own for standard buttons, for `language` ("es", "de"; empty: the
// system locale). English needs only its plural forms (EnglishPlurals),
// installed in any language. Translators are owned by the application.
class Translations
{
public:
    // True when a Tessera translation for the language was found and installed.
    static bool install(const QString& language);
    static QStringList available(); // language codes with an embedded translation
};

} // namespace tessera::ui
