#pragma once

#include <QString>
#include <QStringList>

namespace tessera::ui {

// The store files opened lately, newest first (QSettings "stores/recent").
class RecentStores
{
public:
    static constexpr int kMaxEntries = 8;

    static QStringList list();
    static void add(const QString& path);
    static void remove(const QString& path);
};

} // namespace tessera::ui
