// tessera-bench: the engine's speed targets on a store of a million tokens.
// Prints a Markdown table (paste it into BENCHMARKS.md). Reproduce with:
//   cmake --preset release && cmake --build --preset release --target tessera-bench
//   build/release/tests/bench/tessera-bench --tokens 1000000
#include "BenchTable.h"
#include "Resident.h"
#include "Stopwatch.h"
#include "crypto/Kdf.h"
#include "crypto/Random.h"
#include "crypto/Signature.h"
#include "engine/JwtIssuer.h"
#include "engine/JwtVerifier.h"
#include "engine/TokenEngine.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>
#include <time.h>

using namespace tessera;
using namespace tessera::engine;
using bench::BenchTable;
using bench::residentMiB;
using Goal = BenchTable::Goal;

namespace {

const QByteArray kPassphrase = QByteArrayLiteral("correct horse battery staple");

QTextStream& err()
{
    static QTextStream stream(stderr);
    return stream;
}

void progress(const QString& line)
{
    err() << line << Qt::endl;
}

[[noreturn]] void fail(const QString& what, const Error& error)
{
    err() << what << ": " << error.message << Qt::endl;
    std::exit(3);
}

template <typename T> T must(Result<T> result, const QString& what)
{
    if (!result.ok())
        fail(what, result.error());
    return std::move(result).value();
}

void must(const Status& status, const QString& what)
{
    if (!status.ok())
        fail(what, status.error());
}

double secondsOf(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

// This thread's CPU time: what a busy machine does not inflate.
double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

TokenRequest childOf(const QString& parent, int serial)
{
    TokenRequest request;
    request.parentAccessor = parent;
    request.policies = {QStringLiteral("ebooks")};
    request.displayName = QStringLiteral("patron-%1").arg(serial);
    request.meta = {{QStringLiteral("patron_id"), QString::number(100000 + serial)}};
    request.ttl = 7 * 24 * 3600;
    return request;
}

// The display name of the top-level token every desk hangs under: the
// "desk key was stolen" row revokes it, and with it the whole store.
const QString kLibraryRoot = QStringLiteral("library-root");

// Tokens one staff user issued, revoked by filter.
constexpr int kFilterMatches = 10'000;

struct Population
{
    QStringList sampleTokens; // raw tokens to validate
    QString libraryRoot;      // accessor of the token above every desk
    QString subtreeRoot;      // accessor of the subtree to revoke
    QString batchParent;
    double bulkRate = 0; // tokens/s, median over transactions
};

// --keep-store: the population of a kept store, next to it. It holds raw
// tokens, so it is readable by its owner only, like the store.
QString populationFile(const QString& storePath)
{
    return storePath + QStringLiteral(".population");
}

void savePopulation(const QString& storePath, const Population& population)
{
    const QJsonObject object{
        {QStringLiteral("sampleTokens"), QJsonArray::fromStringList(population.sampleTokens)},
        {QStringLiteral("libraryRoot"), population.libraryRoot},
        {QStringLiteral("subtreeRoot"), population.subtreeRoot},
        {QStringLiteral("batchParent"), population.batchParent},
        {QStringLiteral("bulkRate"), population.bulkRate}};
    QFile file(populationFile(storePath));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        file.write(QJsonDocument(object).toJson(QJsonDocument::Compact)) < 0)
        fail(QStringLiteral("keep-store"),
             Error::internal(QStringLiteral("cannot write the population file")));
}

std::optional<Population> loadPopulation(const QString& storePath)
{
    QFile file(populationFile(storePath));
    if (!QFileInfo::exists(storePath) || !file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Population population;
    for (const auto& token : object.value(QStringLiteral("sampleTokens")).toArray())
        population.sampleTokens.append(token.toString());
    population.libraryRoot = object.value(QStringLiteral("libraryRoot")).toString();
    population.subtreeRoot = object.value(QStringLiteral("subtreeRoot")).toString();
    population.batchParent = object.value(QStringLiteral("batchParent")).toString();
    population.bulkRate = object.value(QStringLiteral("bulkRate")).toDouble();
    if (population.sampleTokens.isEmpty() || population.subtreeRoot.isEmpty() ||
        population.libraryRoot.isEmpty())
        return std::nullopt;
    return population;
}

// One top-level token (the library's, as a root token would be), desks under
// it, patrons under desks: `total` tokens, one subtree of `subtreeSize` under
// its own desk (revoked later), the rest in desks of 1000.
Population populate(TokenEngine& engine, int total, int subtreeSize)
{
    const Caller owner = Caller::storeOwner(QStringLiteral("bench"));
    must(
        engine.admin().putPolicy(owner, QStringLiteral("ebooks"),
                                 QStringLiteral("path \"ebooks/*\" { capabilities = [\"read\"] }")),
        QStringLiteral("policy"));
    Population population;
    TokenRequest library;
    library.policies = {QStringLiteral("ebooks")};
    library.displayName = kLibraryRoot;
    library.ttl = 30 * 24 * 3600;
    population.libraryRoot =
        must(engine.tokens().createToken(owner, library), QStringLiteral("library")).info.accessor;
    const int perDesk = 1000;
    const int otherDesks = std::max(1, (total - subtreeSize) / perDesk);
    QList<TokenRequest> desks;
    for (int i = 0; i <= otherDesks; ++i) {
        TokenRequest desk;
        desk.policies = {QStringLiteral("ebooks")};
        desk.displayName = QStringLiteral("desk-%1").arg(i);
        desk.parentAccessor = population.libraryRoot;
        desk.ttl = 30 * 24 * 3600;
        desks.append(desk);
    }
    const auto createdDesks =
        must(engine.tokens().createTokens(owner, desks), QStringLiteral("desks"));
    population.subtreeRoot = createdDesks.first().info.accessor;
    population.batchParent = createdDesks.last().info.accessor;

    // The subtree: its desk -> 100 patrons -> the rest spread below them.
    std::vector<double> rates;
    auto createChunk = [&](const QList<TokenRequest>& requests) {
        QElapsedTimer timer;
        timer.start();
        auto created =
            must(engine.tokens().createTokens(owner, requests), QStringLiteral("bulk create"));
        rates.push_back(double(requests.size()) / secondsOf(timer));
        for (int i = 0; i < created.size(); i += 97)
            population.sampleTokens.append(created[i].token);
        return created;
    };
    QList<TokenRequest> chunk;
    int serial = 0;
    for (int i = 0; i < 100 && i < subtreeSize; ++i)
        chunk.append(childOf(population.subtreeRoot, serial++));
    const auto subtreeParents = createChunk(chunk);
    chunk.clear();
    for (int i = int(subtreeParents.size()) + 1; i < subtreeSize; ++i) {
        chunk.append(childOf(subtreeParents[i % subtreeParents.size()].info.accessor, serial++));
        if (chunk.size() == 50'000) {
            createChunk(chunk);
            chunk.clear();
        }
    }
    for (int desk = 1; desk < createdDesks.size() && serial < total; ++desk) {
        for (int i = 0; i < perDesk && serial < total; ++i)
            chunk.append(childOf(createdDesks[desk].info.accessor, serial++));
        if (chunk.size() >= 50'000) {
            createChunk(chunk);
            chunk.clear();
            progress(QStringLiteral("  %1 tokens").arg(serial));
        }
    }
    if (!chunk.isEmpty())
        createChunk(chunk);
    population.bulkRate = bench::median(rates);
    return population;
}

// Seconds until the engine's background purge has deleted every revoked row.
double waitForPurge(TokenEngine& engine)
{
    QElapsedTimer timer;
    timer.start();
    while (must(engine.tokens().pendingPurge(), QStringLiteral("pending purge")) > 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    return secondsOf(timer);
}

double openSslEd25519VerifyRate()
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"), {QStringLiteral("speed"), QStringLiteral("-seconds"),
                                              QStringLiteral("3"), QStringLiteral("ed25519")});
    if (!openssl.waitForFinished(60'000))
        return 0;
    // "... 253 bits EdDSA (Ed25519)   0.0000s   0.0001s  29425.5   11458.1"
    const QString out = QString::fromLocal8Bit(openssl.readAllStandardOutput());
    static const QRegularExpression line(
        QStringLiteral(R"(Ed25519\)\s+\S+s\s+\S+s\s+([\d.]+)\s+([\d.]+))"));
    const auto match = line.match(out);
    return match.hasMatch() ? match.captured(2).toDouble() : 0;
}

double jwtVerifyRate(double seconds)
{
    auto key = must(crypto::SigningKey::generate(crypto::SignatureAlgorithm::Ed25519),
                    QStringLiteral("key"));
    const qint64 now = Clock::system().nowSeconds();
    const QJsonObject claims{{QStringLiteral("iss"), QStringLiteral("https://tessera.test")},
                             {QStringLiteral("sub"), QStringLiteral("accessor")},
                             {QStringLiteral("aud"), QStringLiteral("catalogue")},
                             {QStringLiteral("iat"), now},
                             {QStringLiteral("nbf"), now},
                             {QStringLiteral("exp"), now + 600},
                             {QStringLiteral("jti"), crypto::randomBase62(16)},
                             {QStringLiteral("policies"), QJsonArray{QStringLiteral("ebooks")}}};
    const QString jwt =
        must(JwtIssuer::sign(key, QStringLiteral("k1"), claims), QStringLiteral("sign"));
    const JwtVerifier verifier(
        {VerificationKey{QStringLiteral("k1"), {}, key.verifyingKey(), {}}},
        {QStringLiteral("https://tessera.test"), QStringLiteral("catalogue"), 30});
    return bench::cpuRatePerSecond(seconds, [&](qint64) {
        if (!verifier.verify(QStringView(jwt)).ok())
            fail(QStringLiteral("jwt"), Error::internal(QStringLiteral("verify failed")));
    });
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tessera engine benchmarks"));
    parser.addHelpOption();
    const QCommandLineOption tokensOption(QStringLiteral("tokens"),
                                          QStringLiteral("Tokens in the store (default 1000000)."),
                                          QStringLiteral("n"), QStringLiteral("1000000"));
    const QCommandLineOption subtreeOption(
        QStringLiteral("subtree"), QStringLiteral("Size of the revoked subtree (default 100000)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption secondsOption(
        QStringLiteral("seconds"), QStringLiteral("Seconds per throughput run (default 2)."),
        QStringLiteral("s"), QStringLiteral("2"));
    const QCommandLineOption keepOption(
        QStringLiteral("keep-store"),
        QStringLiteral("Create the populated store at <path> once and reuse it on later runs "
                       "(each run works on a copy, so the revoked subtree is there again)."),
        QStringLiteral("path"));
    const QCommandLineOption onlyOption(
        QStringLiteral("only"),
        QStringLiteral("Comma-separated parts to run: bulk,validate,batch,durable,revoke,audit,"
                       "jwt,revoke-filter,revoke-all (default all)."),
        QStringLiteral("parts"));
    parser.addOptions({tokensOption, subtreeOption, secondsOption, keepOption, onlyOption});
    parser.process(app);
    const int total = std::max(1000, parser.value(tokensOption).toInt());
    const int subtreeSize = std::clamp(parser.value(subtreeOption).toInt(), 200, total / 2);
    const double seconds = std::max(0.2, parser.value(secondsOption).toDouble());
    const QString keep = parser.isSet(keepOption)
                             ? QFileInfo(parser.value(keepOption)).absoluteFilePath()
                             : QString();
    const QStringList only = parser.value(onlyOption).split(u',', Qt::SkipEmptyParts);
    auto wanted = [&](const char* part) {
        return only.isEmpty() || only.contains(QLatin1String(part));
    };

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.store"));
    BenchTable table;

    std::optional<Population> kept = keep.isEmpty() ? std::nullopt : loadPopulation(keep);
    if (!keep.isEmpty() && !kept) {
        progress(QStringLiteral("Creating the kept store %1…").arg(keep));
        QFile::remove(keep);
        QFile::remove(keep + QStringLiteral("-wal"));
        QFile::remove(keep + QStringLiteral("-shm"));
        auto engine = must(TokenEngine::open(must(store::Store::create(keep, kPassphrase),
                                                  QStringLiteral("create"))),
                           QStringLiteral("engine"));
        progress(QStringLiteral("Creating %1 tokens…").arg(total));
        QElapsedTimer populateTimer;
        populateTimer.start();
        kept = populate(*engine, total, subtreeSize);
        progress(QStringLiteral("  done in %1 s").arg(secondsOf(populateTimer), 0, 'f', 1));
        engine.reset(); // the last connection to close checkpoints the WAL into the file
        savePopulation(keep, *kept);
    }
    if (kept) {
        QElapsedTimer timer;
        timer.start();
        if (!QFile::copy(keep, path))
            fail(QStringLiteral("keep-store"),
                 Error::internal(QStringLiteral("cannot copy the store")));
        progress(QStringLiteral("Copied the kept store in %1 s").arg(secondsOf(timer), 0, 'f', 1));
    }

    // Unlock cost: our KDF next to SQLCipher 4's default, on this machine.
    {
        QElapsedTimer timer;
        timer.start();
        if (!kept) {
            auto created = must(store::Store::create(path, kPassphrase), QStringLiteral("create"));
            created.reset();
        }
        timer.restart();
        auto reopened = must(store::Store::open(path, kPassphrase), QStringLiteral("open"));
        table.add(QStringLiteral("store unlock (scrypt N=2^17 r=8 + open)"),
                  secondsOf(timer) * 1000, QStringLiteral("ms"));
        timer.restart();
        (void)must(crypto::pbkdf2Sha512(kPassphrase, crypto::randomBytes(16), 256'000),
                   QStringLiteral("pbkdf2"));
        table.add(QStringLiteral("reference: PBKDF2-SHA512 ×256,000 (SQLCipher 4)"),
                  secondsOf(timer) * 1000, QStringLiteral("ms"));
    }

    auto engine =
        must(TokenEngine::open(must(store::Store::open(path, kPassphrase), QStringLiteral("open"))),
             QStringLiteral("engine"));
    if (!kept) {
        progress(QStringLiteral("Creating %1 tokens…").arg(total));
        QElapsedTimer populateTimer;
        populateTimer.start();
        kept = populate(*engine, total, subtreeSize);
        progress(QStringLiteral("  done in %1 s").arg(secondsOf(populateTimer), 0, 'f', 1));
    }
    // A server reads each token from a fresh request buffer. The strings made
    // along with a million tokens lie scattered over the heap, and reading them
    // would cost the validation rows a CPU cache miss or two each: copy them.
    for (QString& token : kept->sampleTokens)
        token = QStringView(token).toString();
    const Population& population = *kept;
    table.add(QStringLiteral("tokens in the store"),
              double(must(engine->browser().count(), QStringLiteral("count"))),
              QStringLiteral("tokens"));
    table.add(QStringLiteral("bulk create, 50k per transaction (median)"), population.bulkRate,
              QStringLiteral("tokens/s"), Goal::AtLeast, 40'000);
    table.add(QStringLiteral("resident memory after opening/populating"), residentMiB(),
              QStringLiteral("MiB"));
    table.add(QStringLiteral("-wal file before the measurements"),
              double(QFileInfo(path + QStringLiteral("-wal")).size()) / (1024.0 * 1024.0),
              QStringLiteral("MiB"));

    std::vector<double> runs;
    const Caller owner = Caller::storeOwner(QStringLiteral("bench"));
    if (wanted("bulk")) {
        // Bulk create on the full store: three more transactions of 50k tokens
        // (wall-clock and this thread's CPU time; the group commit runs the
        // transaction on the calling thread).
        progress(QStringLiteral("Bulk create on the full store…"));
        std::vector<double> wall;
        std::vector<double> cpu;
        for (int run = 0; run < 3; ++run) {
            QList<TokenRequest> chunk;
            for (int i = 0; i < 50'000; ++i)
                chunk.append(childOf(population.batchParent, 2'000'000 + run * 50'000 + i));
            QElapsedTimer timer;
            timer.start();
            const double cpuBefore = threadCpuSeconds();
            must(engine->tokens().createTokens(owner, chunk), QStringLiteral("bulk create"));
            cpu.push_back(50'000 / (threadCpuSeconds() - cpuBefore));
            wall.push_back(50'000 / secondsOf(timer));
        }
        table.add(QStringLiteral("bulk create on the full store, 3 × 50k (median)"),
                  bench::median(wall), QStringLiteral("tokens/s"), Goal::AtLeast, 40'000);
        table.add(QStringLiteral("the same, per CPU second of the creating thread (median)"),
                  bench::median(cpu), QStringLiteral("tokens/s"));
    }
    if (wanted("validate")) {
        progress(QStringLiteral("Validating…"));
        // First sight: tokens never validated before, so every one is a store lookup.
        const QStringList& all = population.sampleTokens;
        const QStringList cold = all.mid(0, all.size() / 2);
        const QStringList samples = all.mid(all.size() / 2);
        {
            QElapsedTimer timer;
            timer.start();
            for (const QString& token : cold) {
                if (!engine->tokens().validate(token).ok())
                    fail(QStringLiteral("validate"), Error::internal(QStringLiteral("rejected")));
            }
            table.add(QStringLiteral("service-token validate, first sight (store lookup)"),
                      double(cold.size()) / secondsOf(timer), QStringLiteral("/s"));
        }
        for (int run = 0; run < 3; ++run) {
            runs.push_back(bench::ratePerSecond(seconds, [&](qint64 i) {
                if (!engine->tokens().validate(samples[i % samples.size()]).ok())
                    fail(QStringLiteral("validate"), Error::internal(QStringLiteral("rejected")));
            }));
        }
        table.add(QStringLiteral("service-token validate, 1 thread, repeated (median of 3)"),
                  bench::median(runs), QStringLiteral("/s"), Goal::AtLeast, 200'000);
    }

    if (wanted("batch")) {
        QList<TokenRequest> batchRequests;
        for (int i = 0; i < 1000; ++i) {
            TokenRequest request = childOf(population.batchParent, i);
            request.type = TokenType::Batch;
            batchRequests.append(request);
        }
        const auto batches =
            must(engine->tokens().createTokens(owner, batchRequests), QStringLiteral("batch"));
        runs.clear();
        for (int run = 0; run < 3; ++run) {
            runs.push_back(bench::ratePerSecond(seconds, [&](qint64 i) {
                if (!engine->tokens().validate(batches[i % batches.size()].token).ok())
                    fail(QStringLiteral("batch validate"),
                         Error::internal(QStringLiteral("rejected")));
            }));
        }
        table.add(QStringLiteral("batch-token validate, 1 thread (median of 3)"),
                  bench::median(runs), QStringLiteral("/s"), Goal::AtLeast, 500'000);
    }

    if (wanted("durable")) {
        progress(QStringLiteral("Durable creates…"));
        // Each create returns only after its own durable commit (synchronous=FULL).
        // One client pays an fsync per token; concurrent clients (API threads)
        // share commits through the engine's group commit.
        for (const int clients : {1, 32}) {
            const int perClient = clients == 1 ? 300 : 250;
            std::atomic<int> failures{0};
            QElapsedTimer timer;
            timer.start();
            std::vector<std::thread> threads;
            for (int c = 0; c < clients; ++c) {
                threads.emplace_back([&, c] {
                    for (int i = 0; i < perClient; ++i) {
                        if (!engine->tokens()
                                 .createToken(owner,
                                              childOf(population.batchParent, c * perClient + i))
                                 .ok())
                            ++failures;
                    }
                });
            }
            for (auto& thread : threads)
                thread.join();
            if (failures > 0)
                fail(QStringLiteral("durable create"), Error::internal(QStringLiteral("failures")));
            const double rate = clients * perClient / secondsOf(timer);
            if (clients == 1)
                table.add(QStringLiteral("create, one durable commit each, 1 client"), rate,
                          QStringLiteral("tokens/s"));
            else
                table.add(QStringLiteral("create, durable, %1 concurrent clients (group commit)")
                              .arg(clients),
                          rate, QStringLiteral("tokens/s"), Goal::AtLeast, 5'000);
        }
    }

    if (wanted("revoke")) {
        progress(QStringLiteral("Revoking the subtree…"));
        {
            const qint64 size = must(engine->browser().descendantCount(population.subtreeRoot),
                                     QStringLiteral("count")) +
                                1;
            QElapsedTimer timer;
            timer.start();
            const double cpuBefore = threadCpuSeconds();
            const auto revoked =
                must(engine->tokens().revoke(owner, TokenRef::accessor(population.subtreeRoot)),
                     QStringLiteral("revoke"));
            const double elapsed = secondsOf(timer);
            const double cpu = threadCpuSeconds() - cpuBefore;
            table.add(QStringLiteral("revoke a subtree of %1 tokens").arg(size), elapsed * 1000,
                      QStringLiteral("ms"), Goal::AtMost, 1000.0 * double(size) / 100'000.0);
            table.add(QStringLiteral("the same, CPU time of the revoking thread"), cpu * 1000,
                      QStringLiteral("ms"));
            if (revoked.size() != size)
                fail(QStringLiteral("revoke"), Error::internal(QStringLiteral("wrong count")));
            // The rows go in the background; the next rows are measured after it.
            table.add(QStringLiteral("background purge of those rows (wall time)"),
                      waitForPurge(*engine) * 1000, QStringLiteral("ms"));
        }
    }

    if (wanted("revoke-filter")) {
        // A staff user's account was misused: every token it issued goes, found
        // by filter (no index on issued_by: one scan of the token table).
        progress(
            QStringLiteral("Revoke by filter: %1 tokens of one staff user…").arg(kFilterMatches));
        const Caller staff = Caller::storeOwner(QStringLiteral("login:bench-staff"));
        QList<TokenRequest> requests;
        for (int i = 0; i < kFilterMatches; ++i)
            requests.append(childOf(population.batchParent, 2'000'000 + i));
        must(engine->tokens().createTokens(staff, requests), QStringLiteral("staff tokens"));
        engine::RevocationFilter filter;
        filter.issuedBy = staff.client;
        std::vector<double> previews;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            const auto preview =
                must(engine->revokeByFilter().preview(owner, filter), QStringLiteral("preview"));
            previews.push_back(secondsOf(timer) * 1000);
            if (preview.matched != kFilterMatches)
                fail(QStringLiteral("revoke-filter"),
                     Error::internal(QStringLiteral("wrong count")));
        }
        table.add(QStringLiteral("revoke-by-filter dry run, %1 matches (median of 5)")
                      .arg(kFilterMatches),
                  bench::median(previews), QStringLiteral("ms"));
        QElapsedTimer timer;
        timer.start();
        const auto revoked =
            must(engine->revokeByFilter().revoke(owner, filter), QStringLiteral("revoke-filter"));
        table.add(QStringLiteral("revoke-by-filter of %1 matches").arg(kFilterMatches),
                  secondsOf(timer) * 1000, QStringLiteral("ms"), Goal::AtMost, 1000);
        if (revoked.matched != kFilterMatches || revoked.accessors.size() != kFilterMatches)
            fail(QStringLiteral("revoke-filter"), Error::internal(QStringLiteral("wrong count")));
        waitForPurge(*engine);
    }

    if (wanted("audit")) {
        progress(QStringLiteral("Verifying the audit chain…"));
        {
            // Process CPU time too (all verifier threads): on a busy machine the
            // wall-clock rate says more about the neighbours than about the code.
            const auto processCpuSeconds = [] {
                timespec now{};
                clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
                return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
            };
            const double cpuStart = processCpuSeconds();
            QElapsedTimer timer;
            timer.start();
            const auto report = must(engine->admin().verifyAudit(), QStringLiteral("verify"));
            const double elapsed = secondsOf(timer);
            const double cpuSeconds = processCpuSeconds() - cpuStart;
            if (!report.intact)
                fail(QStringLiteral("audit"), Error::internal(report.problem));
            table.add(QStringLiteral("audit chain verify (%1 records)").arg(report.recordsChecked),
                      double(report.recordsChecked) / elapsed, QStringLiteral("records/s"),
                      Goal::AtLeast, 1'000'000);
            table.add(QStringLiteral("audit chain verify, CPU time (records per CPU-second)"),
                      double(report.recordsChecked) / cpuSeconds, QStringLiteral("records/s"));
        }
    }

    if (wanted("jwt")) {
        progress(QStringLiteral("JWT verify vs openssl speed…"));
        {
            const double reference = openSslEd25519VerifyRate();
            const double ours = jwtVerifyRate(std::max(seconds, 3.0));
            table.add(QStringLiteral("reference: openssl speed ed25519 verify (CPU time)"),
                      reference, QStringLiteral("/s"));
            table.add(QStringLiteral("EdDSA JWT verify (parse + checks + signature), CPU time"),
                      ours, QStringLiteral("/s"), Goal::AtLeast, 0.9 * reference);
        }
    }

    if (wanted("revoke-all")) {
        // "A desk key was stolen": everything under the library's token goes.
        progress(QStringLiteral("Revoking everything under the root…"));
        const qint64 size = must(engine->browser().descendantCount(population.libraryRoot),
                                 QStringLiteral("count")) +
                            1;
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuSeconds();
        const auto revoked =
            must(engine->tokens().revoke(owner, TokenRef::accessor(population.libraryRoot)),
                 QStringLiteral("revoke all"));
        table.add(QStringLiteral("revoke everything under the root (%1 tokens)").arg(size),
                  secondsOf(timer) * 1000, QStringLiteral("ms"));
        table.add(QStringLiteral("the same, CPU time of the revoking thread"),
                  (threadCpuSeconds() - cpuBefore) * 1000, QStringLiteral("ms"));
        if (revoked.size() != size)
            fail(QStringLiteral("revoke all"), Error::internal(QStringLiteral("wrong count")));
        // The purge of a million rows takes minutes in the background; not awaited.
    }

    table.add(QStringLiteral("resident memory at the end"), residentMiB(), QStringLiteral("MiB"));
    table.add(QStringLiteral("-wal file at the end"),
              double(QFileInfo(path + QStringLiteral("-wal")).size()) / (1024.0 * 1024.0),
              QStringLiteral("MiB"));
    std::fputs(qPrintable(table.toMarkdown()), stdout);
    return table.allTargetsMet() ? 0 : 1;
}
