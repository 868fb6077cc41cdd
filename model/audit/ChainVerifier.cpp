#include "audit/ChainVerifier.h"

#include "audit/AuditCursor.h"
#include "audit/ChainHead.h"
#include "crypto/Hmac.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <limits>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace tessera::audit {
namespace {

constexpr qsizetype kMacSize = crypto::HmacSha256::kSize;
using Mac = std::array<char, kMacSize>;

// Large enough that handing a chunk over costs nothing per record, small enough
// that a worker starts early and a few chunks in flight stay a few megabytes.
constexpr std::size_t kChunkRecords = 4096;
constexpr qint64 kNoProblem = std::numeric_limits<qint64>::max();

struct Entry
{
    qint64 sequence;
    qsizetype offset; // of its canonical form in Chunk::bytes
    qsizetype size;
    Mac mac;
};

struct Chunk
{
    Mac previousMac{}; // stored MAC of the record before entries.front()
    QByteArray bytes;  // the entries' canonical forms, back to back
    std::vector<Entry> entries;
};

// Filled chunks go from the reading thread to the workers, checked ones come back
// for reuse. At most `capacity` chunks exist, so a slow worker slows the reader
// instead of growing memory.
class ChunkPipeline
{
public:
    explicit ChunkPipeline(int capacity)
        : m_capacity(capacity)
    {}

    std::unique_ptr<Chunk> takeEmpty()
    {
        std::unique_lock lock(m_mutex);
        m_emptyAvailable.wait(lock, [this] { return !m_empty.empty() || m_created < m_capacity; });
        if (m_empty.empty()) {
            ++m_created;
            auto chunk = std::make_unique<Chunk>();
            chunk->entries.reserve(kChunkRecords);
            return chunk;
        }
        auto chunk = std::move(m_empty.back());
        m_empty.pop_back();
        chunk->bytes.resize(0); // keeps the capacity
        chunk->entries.clear();
        return chunk;
    }

    void submit(std::unique_ptr<Chunk> chunk)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_filled.push_back(std::move(chunk));
        }
        m_filledAvailable.notify_one();
    }

    // Null once the reader has closed the pipeline and every chunk was taken.
    std::unique_ptr<Chunk> takeFilled()
    {
        std::unique_lock lock(m_mutex);
        m_filledAvailable.wait(lock, [this] { return !m_filled.empty() || m_closed; });
        if (m_filled.empty())
            return nullptr;
        auto chunk = std::move(m_filled.front());
        m_filled.pop_front();
        return chunk;
    }

    void giveBack(std::unique_ptr<Chunk> chunk)
    {
        {
            const std::lock_guard lock(m_mutex);
            m_empty.push_back(std::move(chunk));
        }
        m_emptyAvailable.notify_one();
    }

    void close()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_closed = true;
        }
        m_filledAvailable.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_filledAvailable;
    std::condition_variable m_emptyAvailable;
    std::deque<std::unique_ptr<Chunk>> m_filled;
    std::vector<std::unique_ptr<Chunk>> m_empty;
    int m_created = 0;
    const int m_capacity;
    bool m_closed = false;
};

// The lowest sequence whose MAC failed, and the MAC it was chained on. The
// atomic lets the reader and the workers skip work past a known failure without
// taking the lock; the lock only guards the rare update.
class FirstMacFailure
{
public:
    qint64 sequence() const { return m_sequence.load(std::memory_order_relaxed); }

    void report(qint64 sequence, const char* previousMac)
    {
        const std::lock_guard lock(m_mutex);
        if (sequence >= m_sequence.load(std::memory_order_relaxed))
            return;
        std::memcpy(m_previousMac.data(), previousMac, kMacSize);
        m_sequence.store(sequence, std::memory_order_relaxed);
    }

    // Only once the workers have stopped.
    const Mac& previousMac() const { return m_previousMac; }

private:
    std::atomic<qint64> m_sequence{kNoProblem};
    std::mutex m_mutex;
    Mac m_previousMac{};
};

void verifyChunk(const Chunk& chunk, const crypto::HmacSha256& chain, FirstMacFailure& failure)
{
    if (chunk.entries.empty() || chunk.entries.front().sequence > failure.sequence())
        return;
    const char* previous = chunk.previousMac.data();
    for (const Entry& entry : chunk.entries) {
        const QByteArray expected =
            chain.mac(QByteArrayView(previous, kMacSize),
                      QByteArrayView(chunk.bytes).sliced(entry.offset, entry.size));
        // Plain memcmp: both MACs are stored data the reader already has; there
        // is no secret to leak through timing.
        if (std::memcmp(expected.constData(), entry.mac.data(), kMacSize) != 0) {
            failure.report(entry.sequence, previous);
            return;
        }
        previous = entry.mac.data();
    }
}

// The MAC workers. Closing the pipeline and joining happen in the destructor, so
// every way out of run() (including a read error) stops them.
class MacWorkers
{
public:
    MacWorkers(int count, ChunkPipeline& pipeline, const crypto::HmacSha256& chain,
               FirstMacFailure& failure)
        : m_pipeline(pipeline)
    {
        for (int i = 0; i < count; ++i) {
            m_threads.emplace_back([&pipeline, &chain, &failure] {
                while (auto chunk = pipeline.takeFilled()) {
                    verifyChunk(*chunk, chain, failure);
                    pipeline.giveBack(std::move(chunk));
                }
            });
        }
    }
    ~MacWorkers() { finish(); }
    MacWorkers(const MacWorkers&) = delete;
    MacWorkers& operator=(const MacWorkers&) = delete;

    void finish()
    {
        m_pipeline.close();
        for (std::thread& thread : m_threads) {
            if (thread.joinable())
                thread.join();
        }
    }

private:
    ChunkPipeline& m_pipeline;
    std::vector<std::thread> m_threads;
};

// A problem the reader sees without any MAC: a gap or a row that cannot be part
// of the chain.
struct SequenceProblem
{
    qint64 position = kNoProblem;
    AuditProblem kind = AuditProblem::None;
    QString text;
};

SequenceProblem gapBefore(qint64 expected, qint64 found)
{
    if (found == expected + 1)
        return {expected, AuditProblem::Missing,
                QStringLiteral("record %1 is missing").arg(expected)};
    return {expected, AuditProblem::Missing,
            QStringLiteral("records %1 to %2 are missing").arg(expected).arg(found - 1)};
}

void fail(VerifyReport& report, AuditProblem kind, qint64 position, const QString& text)
{
    report.intact = false;
    report.kind = kind;
    report.firstBadSequence = position;
    report.problem = text;
}

} // namespace

ChainVerifier::ChainVerifier(const crypto::HmacSha256& chain, int workerThreads)
    : m_chain(chain)
    , m_workerThreads(std::max(1, workerThreads))
{}

int ChainVerifier::defaultWorkerThreads()
{
    return std::clamp(int(std::thread::hardware_concurrency()), 1, 4);
}

Result<VerifyReport> ChainVerifier::run(store::Database& db) const
{
    VerifyReport report;
    FirstMacFailure macFailure;
    SequenceProblem sequenceProblem;
    Mac lastMac{};
    std::memcpy(lastMac.data(), kGenesisMac, kMacSize);
    qint64 expected = 1;
    {
        auto cursor = AuditCursor::open(db);
        if (!cursor)
            return cursor.error();
        ChunkPipeline pipeline(4 * m_workerThreads);
        MacWorkers workers(m_workerThreads, pipeline, m_chain, macFailure);

        auto chunk = pipeline.takeEmpty();
        chunk->previousMac = lastMac;
        for (;;) {
            const auto row = cursor->next();
            if (!row)
                return row.error(); // ~MacWorkers stops the workers first
            if (!*row)
                break;
            const CanonicalFields fields = cursor->fields();
            if (fields.sequence != expected) {
                sequenceProblem =
                    fields.sequence > expected
                        ? gapBefore(expected, fields.sequence)
                        : SequenceProblem{fields.sequence, AuditProblem::Changed,
                                          QStringLiteral("record %1 does not belong to the chain")
                                              .arg(fields.sequence)};
                break;
            }
            const QByteArrayView mac = cursor->mac();
            if (mac.size() != kMacSize) {
                sequenceProblem = {expected, AuditProblem::Changed,
                                   QStringLiteral("record %1 was changed").arg(expected)};
                break;
            }
            Entry& entry = chunk->entries.emplace_back();
            entry.sequence = fields.sequence;
            entry.offset = chunk->bytes.size();
            entry.size = fields.size();
            fields.appendTo(chunk->bytes);
            std::memcpy(entry.mac.data(), mac.data(), kMacSize);
            lastMac = entry.mac;
            ++expected;
            if (chunk->entries.size() == kChunkRecords) {
                pipeline.submit(std::move(chunk));
                if (macFailure.sequence() < expected)
                    break; // nothing further can be the first problem
                chunk = pipeline.takeEmpty();
                chunk->previousMac = lastMac;
            }
        }
        if (chunk && !chunk->entries.empty())
            pipeline.submit(std::move(chunk));
        workers.finish();
    }

    const qint64 failedMac = macFailure.sequence();
    if (failedMac < sequenceProblem.position) {
        const Mac previous = macFailure.previousMac();
        report.recordsChecked = failedMac - 1;
        report.lastMac = failedMac > 1 ? QByteArray(previous.data(), kMacSize) : QByteArray();
        const auto displacedTo =
            findDisplaced(db, failedMac, QByteArrayView(previous.data(), kMacSize));
        if (!displacedTo)
            return displacedTo.error();
        if (*displacedTo) {
            const qint64 other = **displacedTo;
            fail(report, AuditProblem::Reordered, failedMac,
                 QStringLiteral("records %1 and %2 are out of order")
                     .arg(std::min(failedMac, other))
                     .arg(std::max(failedMac, other)));
            report.otherSequence = other;
        } else {
            fail(report, AuditProblem::Changed, failedMac,
                 QStringLiteral("record %1 was changed").arg(failedMac));
        }
        return report;
    }

    report.recordsChecked = expected - 1;
    if (report.recordsChecked > 0)
        report.lastMac = QByteArray(lastMac.data(), kMacSize);
    if (sequenceProblem.position != kNoProblem) {
        fail(report, sequenceProblem.kind, sequenceProblem.position, sequenceProblem.text);
        return report;
    }
    TESSERA_TRY(checkHead(db, report));
    return report;
}

Result<std::optional<qint64>> ChainVerifier::findDisplaced(store::Database& db, qint64 position,
                                                           QByteArrayView previousMac) const
{
    auto cursor = AuditCursor::open(db);
    if (!cursor)
        return cursor.error();
    QByteArray canonical;
    for (;;) {
        const auto row = cursor->next();
        if (!row)
            return row.error();
        if (!*row)
            return std::optional<qint64>();
        CanonicalFields fields = cursor->fields();
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

Status ChainVerifier::checkHead(store::Database& db, VerifyReport& report) const
{
    const qint64 last = report.recordsChecked;
    const auto stored = ChainHead::readStored(db);
    if (!stored)
        return stored.error();
    if (stored->isNull()) {
        if (last > 0)
            fail(report, AuditProblem::HeadTampered, last,
                 QStringLiteral("the chain head is missing"));
        return {};
    }
    const std::optional<ChainHead> head = ChainHead::parse(*stored, m_chain);
    if (!head) {
        fail(report, AuditProblem::HeadTampered, last,
             QStringLiteral("the chain head was tampered with"));
    } else if (head->sequence > last) {
        const qint64 removed = head->sequence - last;
        fail(report, AuditProblem::Truncated, last + 1,
             removed == 1 ? QStringLiteral("the last record (%1) was removed").arg(last + 1)
                          : QStringLiteral("the last %1 records (%2 to %3) were removed")
                                .arg(removed)
                                .arg(last + 1)
                                .arg(head->sequence));
    } else if (head->sequence < last || head->mac != report.lastMac) {
        fail(report, AuditProblem::HeadTampered, last,
             QStringLiteral("the chain head does not match the last record (%1)").arg(last));
    }
    return {};
}

} // namespace tessera::audit
