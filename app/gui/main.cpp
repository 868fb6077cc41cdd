// tessera: the desktop console. Wires the command line, translations and the
// API server to the ui/ library.
#include "ui/CommandLine.h"
#include "ui/Console.h"
#include "ui/Preferences.h"
#include "ui/Resources.h"
#include "ui/Translations.h"

#ifdef TESSERA_WITH_API
#include "ApiServerControl.h"
#endif

#include <QApplication>
#include <QIcon>
#include <cstring>

namespace {

void setIdentity()
{
    // Organization and application name place the default store where
    // tessera-cli looks for it: <AppDataLocation>/tessera.store.
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
}

// The options QCommandLineParser's help and version options answer.
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char* option : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
            if (std::strcmp(argv[i], option) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    // --help and --version print and exit without a display, which
    // QApplication needs: it aborts without one.
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        tessera::ui::CommandLine options;
        if (const auto exit = tessera::ui::CommandLine::parse(options))
            return *exit;
    }
    QApplication app(argc, argv);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Tessera"));
    // The installed desktop entry's name: Wayland compositors match windows to it.
    QApplication::setDesktopFileName(QStringLiteral("org.tessera.Tessera"));
    tessera::ui::Resources::init();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/tessera.svg")));

    tessera::ui::CommandLine options;
    if (const auto exit = tessera::ui::CommandLine::parse(options))
        return *exit;
    tessera::ui::Translations::install(
        options.language.isEmpty() ? tessera::ui::Preferences::load().language : options.language);

#ifdef TESSERA_WITH_API
    tessera::gui::ApiServerControl api; // outlives the console, which stops it on lock
#endif
    tessera::ui::Console console(
        {options.storePath, options.passphraseFile, options.screenshotDir});
#ifdef TESSERA_WITH_API
    console.setServerControl(&api);
#endif
    console.start();
    return QApplication::exec();
}
