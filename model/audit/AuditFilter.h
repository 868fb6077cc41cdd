#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::audit {

// Which records AuditLog::records() returns, oldest first (or newest first). Conditions combine
// with AND; an empty condition selects everything.
struct AuditFilter
{
    std::optional<qint64> fromMs; // inclusive
    std::optional<qint64> toMs;   // exclusive
    QStringList operations;       // empty: all
    QString actor;                // empty: all
    QString target;               // a record naming this accessor among its targets
    qint64 afterSequence = 0;     // keyset paging: pass the last sequence of the previous page
    std::optional<qint64> beforeSequence; // exclusive; paging newest first
    bool newestFirst = false;             // descending sequence (the console's audit view)
    int limit = 1000;                     // at least 1
};

} // namespace tessera::audit
