#include "ui/RecentStores.h"

#include <QFileInfo>
#include <QSettings>

namespace tessera::ui {
namespace {

QString key()
{
    return QStringLiteral("stores/recent");
}

void save(const QStringList& paths)
{
    QSettings().setValue(key(), paths);
}

} // namespace

QStringList RecentStores::list()
{
    return QSettings().value(key()).toStringList();
}

void RecentStores::add(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList paths = list();
    paths.removeAll(absolute);
    paths.prepend(absolute);
    save(paths.mid(0, kMaxEntries));
}

void RecentStores::remove(const QString& path)
{
    QStringList paths = list();
    paths.removeAll(QFileInfo(path).absoluteFilePath());
    save(paths);
}

} // namespace tessera::ui
