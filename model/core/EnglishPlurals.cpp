#include "core/EnglishPlurals.h"

#include <QCoreApplication>
#include <QTranslator>

namespace tessera {

bool EnglishPlurals::install()
{
    QCoreApplication* app = QCoreApplication::instance();
    const QString name = QStringLiteral("tessera-english-plurals");
    if (!app || app->findChild<QTranslator*>(name, Qt::FindDirectChildrenOnly))
        return app != nullptr;
    auto* translator = new QTranslator(app);
    translator->setObjectName(name);
    if (!translator->load(QStringLiteral(":/plurals/tessera_en.qm"))) {
        delete translator;
        return false;
    }
    return QCoreApplication::installTranslator(translator);
}

} // namespace tessera
