#include "CommandLine.h"
#include "core/EnglishPlurals.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// `audit report --format pdf` and `token batch` lay out text, which needs
// fonts, which need a QGuiApplication; every other command runs on a plain
// QCoreApplication (no display, no platform plugin).
bool writesPdf(int argc, char* argv[])
{
    bool report = false;
    for (int i = 1; i < argc; ++i) {
        const char* argument = argv[i];
        if (std::strcmp(argument, "batch") == 0 && i > 1 && std::strcmp(argv[i - 1], "token") == 0)
            return true;
        if (std::strcmp(argument, "report") == 0 && i > 1 && std::strcmp(argv[i - 1], "audit") == 0)
            report = true;
        const bool pdf = (std::strcmp(argument, "--format") == 0 && i + 1 < argc &&
                          std::strcmp(argv[i + 1], "pdf") == 0) ||
                         std::strcmp(argument, "--format=pdf") == 0;
        if (report && pdf)
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    // Qt's own event dispatcher rather than GLib's: the command line needs
    // nothing from GLib, and `serve` answers a reverse proxy's checks with
    // about a tenth less CPU each (BENCHMARKS.md, «The gate under wrk»).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    std::unique_ptr<QCoreApplication> app;
    if (writesPdf(argc, argv)) {
        // Fonts only, no windows: the offscreen platform works without a display.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // Organisation and application name place the default store at
    // ~/.local/share/Tessera/tessera/tessera.store, which the GUI shares.
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    tessera::EnglishPlurals::install(); // "1 audit record" in the reports it writes

    const int exitCode = tessera::cli::standardCommandLine().run(QCoreApplication::arguments());
    // A full disk or a closed pipe must not pass for success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fputs("tessera-cli: Writing to standard output failed.\n", stderr);
        return exitCode == 0 ? 3 : exitCode;
    }
    return exitCode;
}
