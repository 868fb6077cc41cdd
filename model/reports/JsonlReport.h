#pragma once

#include "reports/RecordSink.h"

#include <QIODevice>
#include <QJsonObject>

namespace tessera::reports {

// Records as JSON Lines: one compact object per line with the same fields as
// the CSV export (targets as an array, details as an object).
class JsonlReport final : public RecordSink
{
public:
    explicit JsonlReport(QIODevice& device)
        : m_device(device)
    {}

    Status add(const audit::AuditRecord& record, const ScanContext& context) override;

    static QJsonObject object(const audit::AuditRecord& record);

private:
    QIODevice& m_device;
};

} // namespace tessera::reports
