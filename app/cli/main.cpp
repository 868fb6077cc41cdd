#include "CommandLine.h"

#include <QCoreApplication>
#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    // Organisation and application name place the default store at
    // ~/.local/share/Tessera/tessera/tessera.store, which the GUI shares.
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationName(QStringLiteral("tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    const int exitCode = tessera::cli::standardCommandLine().run(QCoreApplication::arguments());
    // A full disk or a closed pipe must not pass for success.
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        std::fputs("tessera-cli: Writing to standard output failed.\n", stderr);
        return exitCode == 0 ? 3 : exitCode;
    }
    return exitCode;
}
