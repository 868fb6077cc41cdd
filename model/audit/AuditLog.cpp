#include "audit/AuditLog.h"

#include "audit/AuditCursor.h"
#include "audit/CanonicalFields.h"
#include "audit/CanonicalJson.h"
#include "audit/ChainHead.h"
#include "audit/ChainVerifier.h"
#include "audit/PersonalFields.h"
#include "audit/PreparedRecords.h"
#include "audit/StoredRecord.h"
#include "store/Database.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QJsonDocument>
#include <QScopeGuard>
#include <algorithm>
#include <limits>
#include <optional>
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
    if (!query.isNull(10)) {
        PersonalFields::merge(QJsonDocument::fromJson(query.blob(10)).object(), record.client,
                              record.details);
    }
    record.redactedAtMs = query.isNull(11) ? 0 : query.int64(11);
    return record;
}

Status insertRecord(store::Database& db, qint64 sequence, const AuditRecord& record,
                    const StoredRecord& fields, const QByteArray& mac)
{
    auto insert =
        db.query("INSERT INTO audit(seq, time_ms, operation, actor, targets, client, request_id, "
                 "outcome, details, mac, chain, personal, salt) "
                 "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    // `fields` outlives the statement's run: its text is bound without copies.
    insert->bind(1, sequence)
        .bind(2, record.timeMs)
        .bindUtf8Unowned(3, fields.operation)
        .bindUtf8Unowned(4, fields.actor)
        .bindUtf8Unowned(5, fields.targets)
        .bindUtf8Unowned(6, fields.parts.publicClient)
        .bindUtf8Unowned(7, fields.requestId)
        .bindUtf8Unowned(8, fields.outcome)
        .bindUtf8Unowned(9, fields.parts.publicDetails)
        .bind(10, mac)
        .bind(11, kChainRule2)
        .bind(13, fields.parts.salt); // null without a personal part
    if (fields.parts.personal.isEmpty())
        insert->bindNull(12);
    else
        insert->bindUtf8Unowned(12, fields.parts.personal);
    return insert->run();
}

} // namespace

AuditLog::AuditLog(QByteArrayView auditKey)
    : m_chain(DerivedKey(auditKey, "tessera audit chain v1").bytes())
    , m_tags(DerivedKey(auditKey, "tessera audit tag v1").bytes())
{}

Status AuditLog::append(store::Database& db, AuditRecord& record) const
{
    QList<AuditRecord> one{std::move(record)};
    const Status appended = append(db, one);
    record = std::move(one.first());
    return appended;
}

Status AuditLog::append(store::Database& db, QList<AuditRecord>& records) const
{
    PreparedRecords prepared(std::move(records));
    const Status appended = append(db, prepared);
    records = prepared.takeRecords();
    return appended;
}

// Appending n records reads the predecessor and writes the chain head once, not n
// times: for one record at a time, that was a third of the cost of an append.
Status AuditLog::append(store::Database& db, PreparedRecords& records) const
{
    if (db.inAutocommit()) {
        return Error::internal(
            QStringLiteral("An audit record can only be appended inside a write transaction."));
    }
    TESSERA_TRY(records.m_valid);
    if (records.m_records.isEmpty())
        return {};
    const auto predecessor = findPredecessor(db, m_chain);
    if (!predecessor)
        return predecessor.error();
    qint64 sequence = predecessor->sequence;
    QByteArray previousMac = predecessor->mac;
    QByteArray canonical;
    for (qsizetype i = 0; i < records.m_records.size(); ++i) {
        AuditRecord& record = records.m_records[i];
        const StoredRecord& stored = records.m_stored[std::size_t(i)];
        ++sequence;
        canonical.resize(0); // keeps its capacity for the next record
        stored.canonical(sequence, record.timeMs).appendTo(canonical);
        QByteArray mac = m_chain.mac(previousMac, canonical);
        TESSERA_TRY(insertRecord(db, sequence, record, stored, mac));
        record.sequence = sequence;
        stored.readBackInto(record);
        record.mac = mac;
        previousMac = std::move(mac);
    }
    if (predecessor->headIntact)
        TESSERA_TRY((ChainHead{sequence, previousMac}.write(db, m_chain)));
    return {};
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

Result<Redaction> AuditLog::redact(store::Database& db, qint64 beforeMs, qint64 nowMs) const
{
    if (db.inAutocommit()) {
        return Error::internal(
            QStringLiteral("Audit records can only be redacted inside a write transaction."));
    }
    Redaction done;
    auto skipped = db.query("SELECT count(*) FROM audit WHERE time_ms < ? AND chain = ?");
    TESSERA_TRY(skipped);
    skipped->bind(1, beforeMs).bind(2, kChainRule1);
    const auto row = skipped->next();
    TESSERA_TRY(row);
    done.skipped = *row ? skipped->int64(0) : 0;

    TESSERA_TRY(db.exec("PRAGMA secure_delete = 1"));
    const auto insecureAgain = qScopeGuard([&db] { (void)db.exec("PRAGMA secure_delete = 0"); });
    // The digest is written now, not when the record was appended: while the
    // personal part is there the verifier computes it, and every appended row
    // stays 32 bytes shorter (fewer pages to decrypt on every verification).
    struct Removal
    {
        qint64 sequence = 0;
        QByteArray digest;
    };
    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        std::vector<Removal> batch;
        {
            auto select = db.query("SELECT seq, salt, personal FROM audit WHERE seq > ? AND "
                                   "time_ms < ? AND chain = ? AND salt IS NOT NULL "
                                   "ORDER BY seq LIMIT 1000");
            TESSERA_TRY(select);
            select->bind(1, after).bind(2, beforeMs).bind(3, kChainRule2);
            for (;;) {
                const auto next = select->next();
                TESSERA_TRY(next);
                if (!*next)
                    break;
                Removal removal{select->int64(0), QByteArray(crypto::HmacSha256::kSize, '\0')};
                PersonalFields::digestInto(select->blob(1), select->blob(2), removal.digest.data());
                batch.push_back(std::move(removal));
            }
        }
        if (batch.empty())
            break;
        for (const Removal& removal : batch) {
            auto update = db.query("UPDATE audit SET personal = NULL, salt = NULL, digest = ?, "
                                   "redacted_at = ? WHERE seq = ?");
            TESSERA_TRY(update);
            update->bind(1, removal.digest).bind(2, nowMs).bind(3, removal.sequence);
            TESSERA_TRY(update->run());
        }
        done.redacted += qint64(batch.size());
        after = batch.back().sequence;
    }
    return done;
}

Result<bool> AuditLog::upgradePending(store::Database& db)
{
    auto marked = db.queryInt("SELECT count(*) FROM settings WHERE key = 'audit_upgrade'");
    TESSERA_TRY(marked);
    return *marked > 0;
}

Result<ChainUpgrade> AuditLog::upgradeChain(store::Database& db) const
{
    if (db.inAutocommit()) {
        return Error::internal(
            QStringLiteral("The audit log can only be upgraded inside a write transaction."));
    }
    ChainUpgrade upgrade;
    // Read again under the write lock: another process may have upgraded.
    auto pending = upgradePending(db);
    TESSERA_TRY(pending);
    if (!*pending)
        return upgrade;
    upgrade.pending = true;
    auto report = ChainVerifier(m_chain).run(db);
    TESSERA_TRY(report);
    if (!report->intact) {
        upgrade.refused = *report;
        return upgrade;
    }
    upgrade.previousHeadMac = report->lastMac;

    // One row's new stored form; rule 2 rows (none, unless an earlier upgrade
    // was refused and records were appended since) keep theirs, only their MAC
    // changes with their predecessor's.
    struct Rewrite
    {
        qint64 sequence = 0;
        bool converted = false;
        QByteArray client;
        QByteArray details;
        std::optional<StoredParts> parts;
        QByteArray mac;
    };
    QByteArray previous(kGenesisMac, kMacSize);
    qint64 last = 0;
    QByteArray canonical;
    AuditCursor::DigestBuffer digest;
    for (;;) {
        // In batches, so that no statement reads the table while it is rewritten.
        std::vector<Rewrite> batch;
        {
            auto cursor = AuditCursor::open(db, last + 1, std::numeric_limits<qint64>::max());
            TESSERA_TRY(cursor);
            while (batch.size() < 1000) {
                const auto row = cursor->next();
                TESSERA_TRY(row);
                if (!*row)
                    break;
                CanonicalFields fields = cursor->fields(digest);
                Rewrite rewrite;
                rewrite.sequence = fields.sequence;
                if (fields.rule == kChainRule1) {
                    rewrite.converted = true;
                    rewrite.parts.emplace(
                        QString::fromUtf8(fields.client),
                        QJsonDocument::fromJson(fields.details.toByteArray()).object());
                    fields.client = rewrite.parts->publicClient;
                    fields.details = rewrite.parts->publicDetails;
                    fields.personalDigest = rewrite.parts->personalDigest();
                    fields.rule = kChainRule2;
                }
                canonical.resize(0);
                fields.appendTo(canonical);
                rewrite.mac = m_chain.mac(previous, canonical);
                previous = rewrite.mac;
                batch.push_back(std::move(rewrite));
            }
        }
        if (batch.empty())
            break;
        for (const Rewrite& rewrite : batch) {
            if (rewrite.converted) {
                auto update = db.query("UPDATE audit SET client = ?, details = ?, personal = ?, "
                                       "salt = ?, chain = ?, mac = ? WHERE seq = ?");
                TESSERA_TRY(update);
                const StoredParts& parts = *rewrite.parts;
                update->bindUtf8(1, parts.publicClient)
                    .bindUtf8(2, parts.publicDetails)
                    .bind(4, parts.salt)
                    .bind(5, kChainRule2)
                    .bind(6, rewrite.mac)
                    .bind(7, rewrite.sequence);
                if (parts.personal.isEmpty())
                    update->bindNull(3);
                else
                    update->bindUtf8(3, parts.personal);
                TESSERA_TRY(update->run());
                ++upgrade.converted;
            } else {
                auto update = db.query("UPDATE audit SET mac = ? WHERE seq = ?");
                TESSERA_TRY(update);
                update->bind(1, rewrite.mac).bind(2, rewrite.sequence);
                TESSERA_TRY(update->run());
            }
        }
        last = batch.back().sequence;
    }
    if (last > 0)
        TESSERA_TRY((ChainHead{last, previous}.write(db, m_chain)));
    TESSERA_TRY(db.exec("DELETE FROM settings WHERE key = 'audit_upgrade'"));
    return upgrade;
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
                      "outcome, details, mac, personal, redacted_at FROM audit WHERE seq > ?";
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
