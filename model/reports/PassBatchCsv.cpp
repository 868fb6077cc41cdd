#include "reports/PassBatchCsv.h"

#include "engine/PassBatchService.h"
#include "reports/CsvReport.h"

#include <QDateTime>

namespace tessera::reports {

QByteArray PassBatchCsv::header()
{
    return QByteArrayLiteral("number,display_name,token,accessor,expires,uses,parent\r\n");
}

QByteArray PassBatchCsv::write(const engine::PassBatch& batch)
{
    QByteArray csv = header();
    int number = 0;
    for (const engine::CreatedToken& pass : batch.passes) {
        const engine::Token& info = pass.info;
        const QString expires =
            info.expireAt
                ? QDateTime::fromSecsSinceEpoch(*info.expireAt, Qt::UTC).toString(Qt::ISODate)
                : QString();
        csv += QByteArray::number(++number) + ',' + CsvReport::field(info.displayName) + ',' +
               CsvReport::field(pass.token) + ',' + CsvReport::field(info.accessor) + ',' +
               CsvReport::field(expires) + ',' + QByteArray::number(info.numUses) + ',' +
               CsvReport::field(batch.parentAccessor) + "\r\n";
    }
    return csv;
}

} // namespace tessera::reports
