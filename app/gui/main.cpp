// tessera: the desktop console. Wires the command line to the ui/ library.
#include "ui/MainWindow.h"
#include "ui/Session.h"

#include <QApplication>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    // Organization and application name place the default store where
    // tessera-cli looks for it: <AppDataLocation>/tessera.store.
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationName(QStringLiteral("tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));

    tessera::ui::Session session;
    tessera::ui::MainWindow window(session);
    window.show();
    return QApplication::exec();
}
