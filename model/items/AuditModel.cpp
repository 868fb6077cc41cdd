#include "items/AuditModel.h"

#include "engine/TokenEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QScopedValueRollback>
#include <algorithm>

namespace tessera::items {

namespace {

QString detailsSummary(const QJsonObject& details)
{
    QStringList pairs;
    for (auto it = details.begin(); it != details.end(); ++it) {
        const QJsonValue value = it.value();
        QString text;
        if (value.isString())
            text = value.toString();
        else if (value.isDouble())
            text = QString::number(value.toDouble(), 'g', 15);
        else if (value.isBool())
            text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
        else if (value.isArray())
            text = QStringLiteral("[%1]").arg(value.toArray().size());
        else if (value.isObject())
            text = QStringLiteral("{…}");
        pairs.append(it.key() + u'=' + text);
    }
    return pairs.join(QLatin1String(", "));
}

} // namespace

AuditModel::AuditModel(engine::TokenEngine& engine, QObject* parent)
    : QAbstractTableModel(parent)
    , m_engine(engine)
{}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::displayText(const audit::AuditRecord& record, int column) const
{
    switch (column) {
    case TimeColumn:
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(record.timeMs).toLocalTime(),
                                  QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case OperationColumn:
        return record.operation;
    case ActorColumn: {
        if (!record.actor.isEmpty())
            return record.actor;
        // The console and the CLI name their desk after the kind: "cli:jdoe@desk-3".
        const bool desk =
            record.client.startsWith(u"console:") || record.client.startsWith(u"cli:");
        return desk ? tr("store owner (%1)").arg(record.client.section(u':', 1))
                    : tr("store owner");
    }
    case TargetsColumn:
        if (record.targets.size() <= 1)
            return record.targets.value(0);
        return tr("%1 and %n more", nullptr, int(record.targets.size() - 1))
            .arg(record.targets.first());
    case ClientColumn:
        return record.client;
    case OutcomeColumn:
        return record.outcome;
    case DetailsColumn:
        if (record.redactedAtMs > 0) {
            const QString summary = detailsSummary(record.details);
            return summary.isEmpty() ? tr("[personal details removed]")
                                     : tr("[personal details removed] %1").arg(summary);
        }
        return detailsSummary(record.details);
    default:
        return {};
    }
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_records.size())
        return {};
    const audit::AuditRecord& record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(record, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TargetsColumn)
            return record.targets.mid(0, 50).join(u'\n');
        if (index.column() == TimeColumn)
            return QDateTime::fromMSecsSinceEpoch(record.timeMs, Qt::UTC)
                .toString(Qt::ISODateWithMs);
        if (index.column() == DetailsColumn && record.redactedAtMs > 0)
            return tr("Personal details removed on %1 (UTC); the audit chain still proves the "
                      "record.")
                .arg(QDateTime::fromMSecsSinceEpoch(record.redactedAtMs, Qt::UTC)
                         .toString(Qt::ISODate));
        return {};
    case SequenceRole:
        return record.sequence;
    case RecordRole:
        return QVariant::fromValue(record);
    case TimeMsRole:
        return record.timeMs;
    case RedactedRole:
        return record.redactedAtMs > 0;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperationColumn:
        return tr("Operation");
    case ActorColumn:
        return tr("Actor");
    case TargetsColumn:
        return tr("Targets");
    case ClientColumn:
        return tr("Client");
    case OutcomeColumn:
        return tr("Outcome");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

bool AuditModel::canFetchMore(const QModelIndex& parent) const
{
    // Not from slots of our own change signals (the tester, views): after them.
    return !parent.isValid() && m_more && !m_changing;
}

void AuditModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    audit::AuditFilter page = m_filter;
    page.newestFirst = true;
    page.limit = m_pageSize + 1; // one more tells whether another page follows
    page.afterSequence = 0;
    page.beforeSequence.reset();
    if (!m_records.isEmpty())
        page.beforeSequence = m_records.constLast().sequence;
    auto records = m_engine.admin().auditRecords(page);
    if (!records) {
        m_more = false;
        Q_EMIT queryFailed(records.error().message);
        return;
    }
    m_more = records->size() > m_pageSize;
    if (m_more)
        records->removeLast();
    if (!m_started) {
        // Matching records after the newest of the first page are new ones:
        // fetchNewRecords() puts them on top.
        m_started = true;
        m_newest = records->isEmpty() ? 0 : records->constFirst().sequence;
    }
    if (records->isEmpty())
        return;
    const int first = int(m_records.size());
    const QScopedValueRollback changing(m_changing, true);
    beginInsertRows({}, first, first + int(records->size()) - 1);
    m_records.append(*records);
    endInsertRows();
}

void AuditModel::fetchNewRecords(qint64 upTo)
{
    if (!m_started)
        return; // the first page will have them
    if (upTo > 0 && upTo <= m_newest)
        return;
    audit::AuditFilter newer = m_filter;
    newer.newestFirst = false;
    newer.afterSequence = m_newest;
    newer.beforeSequence.reset();
    if (upTo > 0)
        newer.beforeSequence = upTo + 1;
    newer.limit = 10'000;
    for (;;) {
        auto records = m_engine.admin().auditRecords(newer);
        if (!records) {
            Q_EMIT queryFailed(records.error().message);
            return;
        }
        if (records->isEmpty())
            break;
        newer.afterSequence = m_newest = records->constLast().sequence;
        std::reverse(records->begin(), records->end()); // newest first, as the rows
        const QScopedValueRollback changing(m_changing, true);
        beginInsertRows({}, 0, int(records->size()) - 1);
        m_records = *records + m_records;
        endInsertRows();
        if (records->size() < newer.limit)
            break;
    }
    // Records up to `upTo` that the filter passed over need no second look.
    m_newest = std::max(m_newest, upTo);
}

void AuditModel::setFilter(const audit::AuditFilter& filter)
{
    const QScopedValueRollback changing(m_changing, true);
    beginResetModel();
    m_filter = filter;
    m_records.clear();
    m_more = true;
    m_started = false;
    m_newest = 0;
    endResetModel();
}

} // namespace tessera::items
