#include "reports/PassBatchCsv.h"

#include "engine/PassBatchService.h"
#include "reports/CsvReport.h"

#include <QDateTime>

namespace tessera::reports {

QByteArray PassBatchCsv::header()
{
    return QByteArrayLiteral("number,display_name,token,accessor,expires,uses,parent,code\r\n");
}

QByteArray PassBatchCsv::write(const engine::PassBatch& batch)
{
    QByteArray csv = header();
    for (qsizetype i = 0; i < batch.passes.size(); ++i) {
        const engine::CreatedToken& pass = batch.passes.at(i);
        const engine::Token& info = pass.info;
        const QString expires =
            info.expireAt
                ? QDateTime::fromSecsSinceEpoch(*info.expireAt, Qt::UTC).toString(Qt::ISODate)
                : QString();
        csv += QByteArray::number(i + 1) + ',' + CsvReport::field(info.displayName) + ',' +
               CsvReport::field(pass.token) + ',' + CsvReport::field(info.accessor) + ',' +
               CsvReport::field(expires) + ',' + QByteArray::number(info.numUses) + ',' +
               CsvReport::field(batch.parentAccessor) + ',' + CsvReport::field(batch.codeOf(i)) +
               "\r\n";
    }
    return csv;
}

} // namespace tessera::reports
