#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tessera::store {
class Database;
}

namespace tessera::audit {

// How many records of each operation and outcome fall in each of a list of
// consecutive periods (the dashboard's local days), counted by SQLite in one
// grouped query over the audit table's time index rather than record by record.
class AuditTally
{
public:
    struct Count
    {
        int period = 0; // index into the periods: [boundaries[i], boundaries[i + 1])
        QString operation;
        QString outcome;
        qint64 records = 0;
        qint64 targets = 0; // accessors the records name, summed

        bool operator==(const Count& other) const = default;
    };

    // At most this many periods, and operations to narrow to.
    static constexpr int kMaxPeriods = 400;
    static constexpr int kMaxOperations = 100;

    // `boundaries`: period starts in ms since the epoch, strictly increasing,
    // and the end of the last period (so n + 1 of them for n periods). Only the
    // `operations` listed count (none listed: none count). Periods or
    // operations without records give no Count. InvalidArgument for bounds
    // that are too few, too many or out of order.
    static Result<QList<Count>> count(store::Database& db, const QList<qint64>& boundaries,
                                      const QStringList& operations);
};

} // namespace tessera::audit
