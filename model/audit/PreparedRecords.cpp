#include "audit/PreparedRecords.h"

#include "audit/StoredRecord.h"

namespace tessera::audit {
namespace {

Status validate(const AuditRecord& record)
{
    if (record.operation.isEmpty())
        return Error::invalid(QStringLiteral("An audit record needs an operation."));
    for (const QString& target : record.targets) {
        if (target.contains(u','))
            return Error::invalid(QStringLiteral("An audit target cannot contain a comma."));
    }
    return {};
}

} // namespace

PreparedRecords::PreparedRecords(QList<AuditRecord> records)
    : m_records(std::move(records))
{
    for (const AuditRecord& record : std::as_const(m_records)) {
        m_valid = validate(record);
        if (!m_valid.ok())
            return;
    }
    m_stored.reserve(std::size_t(m_records.size()));
    for (AuditRecord& record : m_records) {
        // Targets are stored comma-separated: an empty one could not be told
        // apart from none, and says nothing anyway.
        record.targets.removeIf([](const QString& target) { return target.isEmpty(); });
        m_stored.emplace_back(record);
    }
}

PreparedRecords::~PreparedRecords() = default;
PreparedRecords::PreparedRecords(PreparedRecords&& other) noexcept = default;
PreparedRecords& PreparedRecords::operator=(PreparedRecords&& other) noexcept = default;

} // namespace tessera::audit
