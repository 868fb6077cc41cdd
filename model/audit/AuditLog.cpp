#include "audit/AuditLog.h"

#include "audit/CanonicalFields.h"
#include "audit/CanonicalJson.h"
#include "audit/ChainHead.h"
#include "audit/ChainVerifier.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <algorithm>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace tessera::audit {
namespace {

constexpr qsizetype kMacSize = crypto::HmacSha256::kSize;
// SQLite 3.15 allows 999 bound values per statement.
constexpr qsizetype kMaxFilterOperations = 500;

// A key derived for one purpose; wiped when the temporary goes away.
class DerivedKey
{
public:
    DerivedKey(QByteArrayView auditKey, QByteArrayView purpose)
        : m_bytes(crypto::HmacSha256(auditKey).mac(purpose))
    {}
    ~DerivedKey() { std::fill(m_bytes.begin(), m_bytes.end(), '\0'); }
    DerivedKey(const DerivedKey&) = delete;
    DerivedKey& operator=(const DerivedKey&) = delete;
    QByteArrayView bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

// What a new record is chained on, and whether the chain head may be moved on.
struct Predecessor
{
    qint64 sequence = 0;
    QByteArray mac = QByteArray(kGenesisMac, kMacSize);
    bool headIntact = true;
};

Result<Predecessor> findPredecessor(store::Database& db, const crypto::HmacSha256& chain)
{
    Predecessor last;
    bool haveRecords = false;
    {
        auto query = db.query("SELECT seq, mac FROM audit ORDER BY seq DESC LIMIT 1");
        if (!query)
            return query.error();
        const auto row = query->next();
        if (!row)
            return row.error();
        if (*row) {
            haveRecords = true;
            last.sequence = query->int64(0);
            last.mac = query->blob(1);
        }
    }
    const auto stored = ChainHead::readStored(db);
    if (!stored)
        return stored.error();
    if (stored->isNull()) {
        last.headIntact = !haveRecords;
        return last;
    }
    const std::optional<ChainHead> head = ChainHead::parse(*stored, chain);
    if (head && (!haveRecords || head->sequence > last.sequence)) {
        // The last records were removed: chain on the head so that the new record
        // leaves a gap verify() reports, instead of papering over the truncation.
        return Predecessor{head->sequence, head->mac, true};
    }
    last.headIntact = head && head->sequence == last.sequence && head->mac == last.mac;
    return last;
}

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

AuditRecord recordFromRow(const store::Query& query)
{
    AuditRecord record;
    record.sequence = query.int64(0);
    record.timeMs = query.int64(1);
    record.operation = query.text(2);
    record.actor = query.text(3);
    const QString targets = query.text(4);
    if (!targets.isEmpty())
        record.targets = targets.split(u',');
    record.client = query.text(5);
    record.requestId = query.text(6);
    record.outcome = query.text(7);
    record.details = QJsonDocument::fromJson(query.blob(8)).object();
    record.mac = query.blob(9);
    return record;
}

// One record's stored fields, as UTF-8; the MAC covers exactly these bytes.
struct StoredFields
{
    QByteArray operation;
    QByteArray actor;
    QByteArray targets;
    QByteArray client;
    QByteArray requestId;
    QByteArray outcome;
    bool detailsReadBackEqual = true; // before `details`, whose initializer sets it
    QByteArray details;

    explicit StoredFields(const AuditRecord& record)
        : operation(record.operation.toUtf8())
        , actor(record.actor.toUtf8())
        , targets(record.targets.join(u',').toUtf8())
        , client(record.client.toUtf8())
        , requestId(record.requestId.toUtf8())
        , outcome(record.outcome.toUtf8())
        , details(CanonicalJson::write(record.details, &detailsReadBackEqual))
    {}
};

// Ill-formed UTF-16 was stored with U+FFFD in place of lone surrogates.
void asStored(QString& field, const QByteArray& utf8)
{
    if (!field.isValidUtf16())
        field = QString::fromUtf8(utf8);
}

Status insertRecord(store::Database& db, qint64 sequence, const AuditRecord& record,
                    const StoredFields& fields, const QByteArray& mac)
{
    auto insert =
        db.query("INSERT INTO audit(seq, time_ms, operation, actor, targets, client, "
                 "request_id, outcome, details, mac) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    insert->bind(1, sequence)
        .bind(2, record.timeMs)
        .bindUtf8(3, fields.operation)
        .bindUtf8(4, fields.actor)
        .bindUtf8(5, fields.targets)
        .bindUtf8(6, fields.client)
        .bindUtf8(7, fields.requestId)
        .bindUtf8(8, fields.outcome)
        .bindUtf8(9, fields.details)
        .bind(10, mac);
    return insert->run();
}

// Appending n records reads the predecessor and writes the chain head once, not n
// times: for one record at a time, that was a third of the cost of an append.
Status appendRecords(store::Database& db, const crypto::HmacSha256& chain,
                     std::span<AuditRecord> records)
{
    if (db.inAutocommit()) {
        return Error::internal(
            QStringLiteral("An audit record can only be appended inside a write transaction."));
    }
    for (const AuditRecord& record : records)
        TESSERA_TRY(validate(record));
    if (records.empty())
        return {};

    const auto predecessor = findPredecessor(db, chain);
    if (!predecessor)
        return predecessor.error();
    qint64 sequence = predecessor->sequence;
    QByteArray previousMac = predecessor->mac;
    QByteArray canonical;
    for (AuditRecord& record : records) {
        // Targets are stored comma-separated: an empty one could not be told apart
        // from none, and says nothing anyway.
        record.targets.removeIf([](const QString& target) { return target.isEmpty(); });
        const StoredFields stored(record);
        ++sequence;
        const CanonicalFields fields{sequence,         record.timeMs,  stored.operation,
                                     stored.actor,     stored.targets, stored.client,
                                     stored.requestId, stored.outcome, stored.details};
        canonical.resize(0); // keeps its capacity for the next record
        fields.appendTo(canonical);
        QByteArray mac = chain.mac(previousMac, canonical);
        TESSERA_TRY(insertRecord(db, sequence, record, stored, mac));

        // The record as stored. Reading back only what storing changed: the JSON
        // parse alone cost as much as the MAC.
        record.sequence = sequence;
        asStored(record.operation, stored.operation);
        asStored(record.actor, stored.actor);
        asStored(record.client, stored.client);
        asStored(record.requestId, stored.requestId);
        asStored(record.outcome, stored.outcome);
        if (!std::all_of(record.targets.cbegin(), record.targets.cend(),
                         [](const QString& target) { return target.isValidUtf16(); }))
            record.targets = QString::fromUtf8(stored.targets).split(u',');
        if (!stored.detailsReadBackEqual)
            record.details = QJsonDocument::fromJson(stored.details).object();
        record.mac = mac;
        previousMac = std::move(mac);
    }
    if (predecessor->headIntact)
        TESSERA_TRY((ChainHead{sequence, previousMac}.write(db, chain)));
    return {};
}

} // namespace

AuditLog::AuditLog(QByteArrayView auditKey)
    : m_chain(DerivedKey(auditKey, "tessera audit chain v1").bytes())
    , m_tags(DerivedKey(auditKey, "tessera audit tag v1").bytes())
{}

Status AuditLog::append(store::Database& db, AuditRecord& record) const
{
    return appendRecords(db, m_chain, std::span<AuditRecord>(&record, 1));
}

Status AuditLog::append(store::Database& db, QList<AuditRecord>& records) const
{
    return appendRecords(db, m_chain, std::span<AuditRecord>(records.data(), records.size()));
}

Result<VerifyReport> AuditLog::verify(store::Store& store, int threads) const
{
    if (threads < 1)
        threads = ChainVerifier::defaultParallelism();
    auto main = store.acquire();
    if (!main)
        return main.error();
    // One snapshot for the last sequence and the head: a concurrent append must
    // not make a sound log look truncated.
    store::Transaction snapshot(main->db(), store::Transaction::Mode::Deferred);
    TESSERA_TRY(snapshot.begun());
    const auto last = main->db().queryInt("SELECT coalesce(max(seq), 0) FROM audit");
    if (!last)
        return last.error();

    // Only as many extra connections as there are ranges worth a thread.
    const qint64 helperCount =
        std::clamp<qint64>(*last / ChainVerifier::kMinRecordsPerRange, 1, threads) - 1;
    std::vector<store::Store::Lease> helpers;
    std::vector<store::Database*> helperConnections;
    for (qint64 i = 0; i < helperCount; ++i) {
        auto helper = store.acquire();
        if (!helper)
            break; // fewer threads, same result
        helpers.push_back(std::move(*helper));
        helperConnections.push_back(
            &helpers.back().db()); // the Database stays put when the Lease moves
    }
    return ChainVerifier(m_chain).run(main->db(), helperConnections);
}

Result<VerifyReport> AuditLog::verify(store::Database& db) const
{
    const ChainVerifier verifier(m_chain);
    if (!db.inAutocommit())
        return verifier.run(db);
    store::Transaction snapshot(db, store::Transaction::Mode::Deferred);
    TESSERA_TRY(snapshot.begun());
    return verifier.run(db);
}

Result<QList<AuditRecord>> AuditLog::records(store::Database& db, const AuditFilter& filter) const
{
    if (filter.limit < 1)
        return Error::invalid(QStringLiteral("An audit query must ask for at least one record."));
    if (filter.operations.size() > kMaxFilterOperations)
        return Error::invalid(QStringLiteral("An audit query can name at most %1 operations.")
                                  .arg(kMaxFilterOperations));
    if (filter.target.contains(u','))
        return Error::invalid(
            QStringLiteral("An audit target filter names one accessor, without commas."));

    // Only the conditions in use go into the SQL, so that SQLite can use the
    // time index; the statement cache keeps one entry per shape.
    std::string sql = "SELECT seq, time_ms, operation, actor, targets, client, request_id, "
                      "outcome, details, mac FROM audit WHERE seq > ?";
    std::vector<std::variant<qint64, QString>> values{filter.afterSequence};
    if (filter.beforeSequence) {
        sql += " AND seq < ?";
        values.emplace_back(*filter.beforeSequence);
    }
    if (filter.fromMs) {
        sql += " AND time_ms >= ?";
        values.emplace_back(*filter.fromMs);
    }
    if (filter.toMs) {
        sql += " AND time_ms < ?";
        values.emplace_back(*filter.toMs);
    }
    if (!filter.operations.isEmpty()) {
        sql += " AND operation IN (?";
        for (qsizetype i = 1; i < filter.operations.size(); ++i)
            sql += ", ?";
        sql += ")";
        for (const QString& operation : filter.operations)
            values.emplace_back(operation);
    }
    if (!filter.actor.isEmpty()) {
        sql += " AND actor = ?";
        values.emplace_back(filter.actor);
    }
    if (!filter.target.isEmpty()) {
        // Exact and case-sensitive (LIKE would ignore ASCII case in accessors).
        sql += " AND instr(',' || targets || ',', ?) > 0";
        values.emplace_back(u',' + filter.target + u',');
    }
    sql += filter.newestFirst ? " ORDER BY seq DESC LIMIT ?" : " ORDER BY seq LIMIT ?";
    values.emplace_back(qint64(filter.limit));

    auto query = db.query(sql);
    if (!query)
        return query.error();
    int index = 1;
    for (const auto& value : values)
        std::visit([&](const auto& v) { query->bind(index++, v); }, value);

    QList<AuditRecord> found;
    for (;;) {
        const auto row = query->next();
        if (!row)
            return row.error();
        if (!*row)
            return found;
        found.append(recordFromRow(*query));
    }
}

} // namespace tessera::audit
