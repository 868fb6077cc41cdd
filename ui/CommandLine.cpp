#include "ui/CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <cstdio>

namespace tessera::ui {

QString CommandLine::defaultStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/tessera.store");
}

std::optional<int> CommandLine::parse(CommandLine& out)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "Tessera: issue, browse and revoke access tokens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption store(
        QStringLiteral("store"),
        QCoreApplication::translate("CommandLine", "Open the store FILE (default: %1).")
            .arg(defaultStorePath()),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("CommandLine",
                                    "Use the language xx (en, es, de) instead of the preference."),
        QStringLiteral("xx"));
    QCommandLineOption passphraseFile(
        QStringLiteral("passphrase-file"),
        QStringLiteral("Automation only: unlock with the first line of FILE."),
        QStringLiteral("FILE"));
    passphraseFile.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Automation only: save screenshots into DIR and quit."),
        QStringLiteral("DIR"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({store, lang, passphraseFile, screenshot});

    if (!parser.parse(QCoreApplication::arguments())) {
        std::fprintf(stderr, "tessera: %s\n", qPrintable(parser.errorText()));
        return 1;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        std::printf("tessera %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "tessera: unexpected argument %s (see --help)\n",
                     qPrintable(parser.positionalArguments().constFirst()));
        return 1;
    }
    out.storePath = parser.isSet(store) ? parser.value(store) : defaultStorePath();
    out.language = parser.value(lang);
    out.passphraseFile = parser.value(passphraseFile);
    out.screenshotDir = parser.value(screenshot);
    return std::nullopt;
}

} // namespace tessera::ui
