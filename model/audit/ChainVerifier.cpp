#include "audit/ChainVerifier.h"

#include "audit/AuditCursor.h"
#include "audit/ChainHead.h"
#include "crypto/Hmac.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <limits>
#include <mutex>
#include <thread>

namespace tessera::audit {
namespace {

constexpr qsizetype kMacSize = crypto::HmacSha256::kSize;
using Mac = std::array<char, kMacSize>;
constexpr qint64 kNoProblem = std::numeric_limits<qint64>::max();
constexpr qint64 kLowest = std::numeric_limits<qint64>::min();

Mac genesisMac()
{
    Mac mac;
    std::memcpy(mac.data(), kGenesisMac, kMacSize);
    return mac;
}

// The first problem one range found. `position` is the sequence it concerns;
// previousMac is the MAC of the record before it (the chain up to there is sound).
struct Problem
{
    qint64 position = kNoProblem;
    AuditProblem kind = AuditProblem::None;
    bool macFailed = false; // still to tell a change from a move
    QString text;
    Mac previousMac{};
};

// The lowest problem across all ranges. Ranges poll position() to stop early once
// nothing they could still find would come first.
class FirstProblem
{
public:
    qint64 position() const { return m_position.load(std::memory_order_relaxed); }

    void report(Problem problem)
    {
        const std::lock_guard lock(m_mutex);
        if (problem.position >= m_problem.position)
            return;
        m_position.store(problem.position, std::memory_order_relaxed);
        m_problem = std::move(problem);
    }

    // Once every range has finished.
    const Problem& problem() const { return m_problem; }

private:
    std::atomic<qint64> m_position{kNoProblem};
    std::mutex m_mutex;
    Problem m_problem;
};

Problem gap(qint64 expected, qint64 found, const Mac& previous)
{
    const QString text =
        found == expected + 1
            ? QStringLiteral("record %1 is missing").arg(expected)
            : QStringLiteral("records %1 to %2 are missing").arg(expected).arg(found - 1);
    return {expected, AuditProblem::Missing, false, text, previous};
}

// One stretch of the log, [first, last], checked on one connection.
struct Range
{
    qint64 first = 1;
    qint64 last = 0;
    bool opensTheLog = true; // rows below `first` (sequence 0, negative) belong here too
};

class RangeCheck
{
public:
    RangeCheck(store::Database& db, const crypto::HmacSha256& chain, FirstProblem& found)
        : m_db(db)
        , m_chain(chain)
        , m_found(found)
    {}

    // The MAC of the range's last record (for the head check) when all is well.
    Result<Mac> run(const Range& range)
    {
        Mac previous = genesisMac();
        if (!range.opensTheLog) {
            // A missing record before the range is the previous range's to report;
            // here it only makes the first MAC fail, at a later position.
            auto query = m_db.query("SELECT mac FROM audit WHERE seq = ?");
            if (!query)
                return query.error();
            query->bind(1, range.first - 1);
            const auto row = query->next();
            if (!row)
                return row.error();
            const QByteArray stored = *row ? query->blob(0) : QByteArray();
            if (stored.size() == kMacSize)
                std::memcpy(previous.data(), stored.constData(), kMacSize);
        }
        auto cursor =
            AuditCursor::open(m_db, range.opensTheLog ? kLowest : range.first, range.last);
        if (!cursor)
            return cursor.error();

        qint64 expected = range.opensTheLog ? 1 : range.first;
        QByteArray canonical;
        AuditCursor::DigestBuffer digest;
        Mac computed;
        for (;;) {
            const auto row = cursor->next();
            if (!row)
                return row.error();
            if (!*row)
                break;
            const CanonicalFields fields = cursor->fields(digest);
            if (fields.sequence != expected) {
                if (fields.sequence > expected) {
                    m_found.report(gap(expected, fields.sequence, previous));
                } else {
                    m_found.report({fields.sequence, AuditProblem::Changed, false,
                                    QStringLiteral("record %1 does not belong to the chain")
                                        .arg(fields.sequence),
                                    previous});
                }
                return previous;
            }
            if (m_found.position() < expected)
                return previous; // an earlier problem is known: nothing here can come first
            const QByteArrayView mac = cursor->mac();
            canonical.resize(0);
            fields.appendTo(canonical);
            m_chain.macInto(QByteArrayView(previous.data(), kMacSize), canonical, computed.data());
            // Plain memcmp: both MACs are stored data the reader already has; there
            // is no secret to leak through timing.
            if (mac.size() != kMacSize || std::memcmp(computed.data(), mac.data(), kMacSize) != 0) {
                m_found.report({expected, AuditProblem::Changed, mac.size() == kMacSize,
                                QStringLiteral("record %1 was changed").arg(expected), previous});
                return previous;
            }
            std::memcpy(previous.data(), mac.data(), kMacSize);
            ++expected;
        }
        if (expected <= range.last) {
            // The range ended early: the records up to the next one are missing.
            auto next = m_db.query("SELECT min(seq) FROM audit WHERE seq > ?");
            if (!next)
                return next.error();
            next->bind(1, expected);
            const auto row = next->next();
            if (!row)
                return row.error();
            const qint64 found = *row && !next->isNull(0) ? next->int64(0) : range.last + 1;
            m_found.report(gap(expected, found, previous));
        }
        return previous;
    }

private:
    store::Database& m_db;
    const crypto::HmacSha256& m_chain;
    FirstProblem& m_found;
};

void fail(VerifyReport& report, AuditProblem kind, qint64 position, const QString& text)
{
    report.intact = false;
    report.kind = kind;
    report.firstBadSequence = position;
    report.problem = text;
}

} // namespace

ChainVerifier::ChainVerifier(const crypto::HmacSha256& chain)
    : m_chain(chain)
{}

int ChainVerifier::defaultParallelism()
{
    return std::clamp(int(std::thread::hardware_concurrency()), 1, 8);
}

Result<VerifyReport> ChainVerifier::run(store::Database& db,
                                        const std::vector<store::Database*>& helpers) const
{
    const auto lastSequence = db.queryInt("SELECT coalesce(max(seq), 0) FROM audit");
    if (!lastSequence)
        return lastSequence.error();
    const qint64 last = *lastSequence;

    // Range 0 runs here on `db`, range i on helpers[i - 1] in a thread.
    const qint64 rangeCount =
        last < 1 ? 1
                 : std::clamp<qint64>(last / kMinRecordsPerRange, 1, qint64(helpers.size()) + 1);
    std::vector<Range> ranges;
    for (qint64 i = 0; i < rangeCount; ++i) {
        const qint64 first = 1 + i * last / rangeCount;
        // The last range ends at `last` too: helpers' snapshots may hold records
        // appended since, which the head read here does not cover.
        const qint64 end = (i + 1) * last / rangeCount;
        ranges.push_back({first, end, i == 0});
    }

    FirstProblem found;
    std::vector<Result<Mac>> outcomes(ranges.size(), Result<Mac>(Mac{}));
    {
        std::vector<std::thread> threads;
        for (std::size_t i = 1; i < ranges.size(); ++i) {
            threads.emplace_back([&, i] {
                store::Database& helper = *helpers[i - 1];
                store::Transaction snapshot(helper, store::Transaction::Mode::Deferred);
                if (!snapshot.begun()) {
                    outcomes[i] = snapshot.begun().error();
                    return;
                }
                outcomes[i] = RangeCheck(helper, m_chain, found).run(ranges[i]);
            });
        }
        outcomes[0] = RangeCheck(db, m_chain, found).run(ranges[0]);
        for (std::thread& thread : threads)
            thread.join();
    }
    for (const Result<Mac>& outcome : outcomes) {
        if (!outcome)
            return outcome.error();
    }

    VerifyReport report;
    const Problem& problem = found.problem();
    if (problem.position == kNoProblem) {
        report.recordsChecked = last;
        if (last > 0)
            report.lastMac = QByteArray(outcomes.back()->data(), kMacSize);
        TESSERA_TRY(checkHead(db, last, report));
        return report;
    }

    report.recordsChecked = std::max<qint64>(0, problem.position - 1);
    if (problem.position > 1)
        report.lastMac = QByteArray(problem.previousMac.data(), kMacSize);
    if (!problem.macFailed) {
        fail(report, problem.kind, problem.position, problem.text);
        return report;
    }
    const auto displacedTo =
        findDisplaced(db, problem.position, QByteArrayView(problem.previousMac.data(), kMacSize));
    if (!displacedTo)
        return displacedTo.error();
    if (const std::optional<qint64> other = *displacedTo) {
        fail(report, AuditProblem::Reordered, problem.position,
             QStringLiteral("records %1 and %2 are out of order")
                 .arg(std::min(problem.position, *other))
                 .arg(std::max(problem.position, *other)));
        report.otherSequence = *other;
    } else {
        fail(report, problem.kind, problem.position, problem.text);
    }
    return report;
}

Result<std::optional<qint64>> ChainVerifier::findDisplaced(store::Database& db, qint64 position,
                                                           QByteArrayView previousMac) const
{
    auto cursor = AuditCursor::open(db, kLowest, kNoProblem);
    if (!cursor)
        return cursor.error();
    QByteArray canonical;
    AuditCursor::DigestBuffer digest;
    for (;;) {
        const auto row = cursor->next();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<qint64>();
        CanonicalFields fields = cursor->fields(digest);
        const qint64 storedAt = fields.sequence;
        if (storedAt == position)
            continue;
        fields.sequence = position;
        canonical.resize(0);
        fields.appendTo(canonical);
        if (m_chain.mac(previousMac, canonical) == cursor->mac())
            return std::optional<qint64>(storedAt);
    }
}

Status ChainVerifier::checkHead(store::Database& db, qint64 lastSequence,
                                VerifyReport& report) const
{
    const auto stored = ChainHead::readStored(db);
    if (!stored)
        return stored.error();
    if (stored->isNull()) {
        if (lastSequence > 0) {
            fail(report, AuditProblem::HeadTampered, lastSequence,
                 QStringLiteral("the chain head is missing"));
        }
        return {};
    }
    const std::optional<ChainHead> head = ChainHead::parse(*stored, m_chain);
    if (!head) {
        fail(report, AuditProblem::HeadTampered, lastSequence,
             QStringLiteral("the chain head was tampered with"));
    } else if (head->sequence > lastSequence) {
        const qint64 removed = head->sequence - lastSequence;
        fail(report, AuditProblem::Truncated, lastSequence + 1,
             removed == 1 ? QStringLiteral("the last record (%1) was removed").arg(lastSequence + 1)
                          : QStringLiteral("the last %1 records (%2 to %3) were removed")
                                .arg(removed)
                                .arg(lastSequence + 1)
                                .arg(head->sequence));
    } else if (head->sequence < lastSequence || head->mac != report.lastMac) {
        fail(
            report, AuditProblem::HeadTampered, lastSequence,
            QStringLiteral("the chain head does not match the last record (%1)").arg(lastSequence));
    }
    return {};
}

} // namespace tessera::audit
