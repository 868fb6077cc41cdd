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

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Organization and application name place the default store where
    // tessera-cli looks for it: <AppDataLocation>/tessera.store.
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationName(QStringLiteral("tessera"));
    QApplication::setApplicationDisplayName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
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
