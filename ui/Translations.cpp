#include "ui/Translations.h"

#include "core/EnglishPlurals.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace tessera::ui {

bool Translations::install(const QString& language)
{
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QCoreApplication* app = QCoreApplication::instance();
    EnglishPlurals::install(); // below the others: any other language takes precedence

    auto* qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto* ours = new QTranslator(app);
    if (ours->load(locale, QStringLiteral("tessera"), QStringLiteral("_"),
                   QStringLiteral(":/i18n")) &&
        !ours->isEmpty()) {
        QCoreApplication::installTranslator(ours);
        return true;
    }
    delete ours;
    return false;
}

QStringList Translations::available()
{
    QStringList languages;
    const auto files = QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("tessera_*.qm")});
    for (const QString& file : files)
        languages << file.mid(8, file.size() - 8 - 3);
    return languages;
}

} // namespace tessera::ui
