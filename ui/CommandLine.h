#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::ui {

// The console's command line: --store FILE, --lang xx, --version, --help, and
// for automation only (hidden from --help) --passphrase-file FILE and
// --screenshot DIR.
struct CommandLine
{
    QString storePath;
    QString language; // empty: preferences, then the system's
    QString passphraseFile;
    QString screenshotDir;

    // Parses QCoreApplication::arguments(). nullopt: go on; otherwise exit
    // with this code (after --help, --version or an error, printed already).
    static std::optional<int> parse(CommandLine& out);
    // <AppDataLocation>/tessera.store, where tessera-cli looks too.
    static QString defaultStorePath();
};

} // namespace tessera::ui
