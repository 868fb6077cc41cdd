// Passes valid from their first use: unused, a pass expires at its activate-by
// time; its first use starts its TTL (and max TTLs count from then); it cannot
// be renewed before; exactly one first use counts; the rows go with the purge.
#include "audit/AuditRecord.h"
#include "engine/PassBatchService.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86'400;
const QString kClient = u"api:192.0.2.7"_s;

} // namespace

class TestFirstUse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void unusedPassExpiresAtItsActivateByTime();
    void firstUseStartsTheTtl();
    void onlyTheFirstUseStartsTheTtl();
    void oneOfManyConcurrentFirstUsesStartsTheTtl();
    void passCannotBeRenewedBeforeItsFirstUse();
    void maxTtlCountsFromTheFirstUse();
    void firstUseSurvivesReopening();
    void refusedRequestsCreateNothing_data();
    void refusedRequestsCreateNothing();
    void batchOfPassesIsValidFromFirstUse();
    void passThatCouldOutliveItsParentIsRefused();
    void batchWhosePassesCouldOutliveTheirGroupIsRefusedAndWritesNothing();
    void purgeDeletesTheUseRowsOfRevokedPasses();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    Result<CreatedToken> pass(qint64 ttl = kHour, qint64 within = 7 * kDay)
    {
        TokenRequest request;
        request.policies = {u"default"_s};
        request.ttl = ttl;
        request.activateWithin = within;
        return engine().tokens().createToken(owner(), request);
    }
    Token lookup(const QString& accessor)
    {
        auto token = engine().tokens().lookup(owner(), TokenRef::accessor(accessor));
        return token ? *token : Token{};
    }
    qint64 now() { return m_temp->clock().nowMs() / 1000; }
    // Passes of 4 hours with the wifi policy.
    bool putClassVisitRole()
    {
        if (!test::installTestPolicies(engine()).ok())
            return false;
        Role visit;
        visit.name = u"class-visit"_s;
        visit.allowedPolicies = {u"wifi"_s};
        visit.settings.ttl = 4 * kHour;
        return engine().admin().putRole(owner(), visit).ok();
    }
    qint64 rawCount(std::string_view sql)
    {
        auto lease = m_temp->store().acquire();
        return lease ? lease->db().queryInt(sql).valueOr(-1) : -1;
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestFirstUse::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestFirstUse::cleanup()
{
    m_temp.reset();
}

void TestFirstUse::unusedPassExpiresAtItsActivateByTime()
{
    const qint64 created = now();
    auto made = pass(kHour, 2 * kDay);
    QVERIFY2(made, made ? "" : qPrintable(made.error().message));
    const Token token = lookup(made->info.accessor);
    QVERIFY(token.awaitsFirstUse());
    QCOMPARE(token.activateBy, std::optional<qint64>(created + 2 * kDay));
    QCOMPARE(token.expireAt, token.activateBy);
    QCOMPARE(token.creationTtl, kHour);

    m_temp->clock().advanceSeconds(2 * kDay + 1);
    QVERIFY(!engine().tokens().authenticate(made->token, kClient));
}

void TestFirstUse::firstUseStartsTheTtl()
{
    auto made = pass(kHour);
    QVERIFY(made);
    m_temp->clock().advanceSeconds(3 * kDay);
    const qint64 firstUse = now();
    QVERIFY(engine().tokens().authenticate(made->token, kClient));

    const Token token = lookup(made->info.accessor);
    QVERIFY(!token.awaitsFirstUse());
    QCOMPARE(token.firstUsedAt, std::optional<qint64>(firstUse));
    QCOMPARE(token.expireAt, std::optional<qint64>(firstUse + kHour));

    m_temp->clock().advanceSeconds(kHour - 1);
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    m_temp->clock().advanceSeconds(2);
    QVERIFY(!engine().tokens().authenticate(made->token, kClient));
}

void TestFirstUse::onlyTheFirstUseStartsTheTtl()
{
    auto made = pass(kHour);
    QVERIFY(made);
    const qint64 firstUse = now();
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    m_temp->clock().advanceSeconds(20 * 60);
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    QCOMPARE(lookup(made->info.accessor).expireAt, std::optional<qint64>(firstUse + kHour));
}

void TestFirstUse::oneOfManyConcurrentFirstUsesStartsTheTtl()
{
    auto made = pass(kHour);
    QVERIFY(made);
    std::atomic<int> succeeded{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            if (engine().tokens().authenticate(made->token, kClient))
                ++succeeded;
        });
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(succeeded.load(), 8);
    auto records = engine().admin().auditRecords({});
    QVERIFY(records);
    int firstUses = 0;
    for (const auto& record : std::as_const(*records))
        firstUses += record.details.value(u"first_use"_s).toBool() ? 1 : 0;
    QCOMPARE(firstUses, 1);
}

void TestFirstUse::passCannotBeRenewedBeforeItsFirstUse()
{
    auto made = pass(kHour);
    QVERIFY(made);
    auto refused = engine().tokens().renew(owner(), TokenRef::accessor(made->info.accessor), 0);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"first use"_s), qPrintable(refused.error().message));
    QVERIFY(lookup(made->info.accessor).awaitsFirstUse());

    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    QVERIFY(engine().tokens().renew(owner(), TokenRef::accessor(made->info.accessor), 0));
}

void TestFirstUse::maxTtlCountsFromTheFirstUse()
{
    TokenRequest request;
    request.policies = {u"default"_s};
    request.ttl = kHour;
    request.explicitMaxTtl = 2 * kHour;
    request.activateWithin = 7 * kDay;
    auto made = engine().tokens().createToken(owner(), request);
    QVERIFY(made);
    m_temp->clock().advanceSeconds(5 * kDay); // far past creation + max TTL
    const qint64 firstUse = now();
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    m_temp->clock().advanceSeconds(kHour / 2);
    auto renewed =
        engine().tokens().renew(owner(), TokenRef::accessor(made->info.accessor), 5 * kHour);
    QVERIFY2(renewed, renewed ? "" : qPrintable(renewed.error().message));
    QCOMPARE(renewed->info.expireAt, std::optional<qint64>(firstUse + 2 * kHour));
}

void TestFirstUse::firstUseSurvivesReopening()
{
    auto made = pass(kHour);
    QVERIFY(made);
    const qint64 firstUse = now();
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    QVERIFY(m_temp->reopen());
    const Token token = lookup(made->info.accessor);
    QCOMPARE(token.firstUsedAt, std::optional<qint64>(firstUse));
    QCOMPARE(token.expireAt, std::optional<qint64>(firstUse + kHour));
    QVERIFY(!token.awaitsFirstUse());
}

void TestFirstUse::refusedRequestsCreateNothing_data()
{
    QTest::addColumn<qint64>("within");
    QTest::addColumn<bool>("batch");
    QTest::addColumn<QString>("reason");
    QTest::addRow("zero seconds") << qint64(0) << false << u"activate_within"_s;
    QTest::addRow("more than 366 days") << 367 * kDay << false << u"activate_within"_s;
    QTest::addRow("batch token") << kDay << true << u"service tokens"_s;
}

void TestFirstUse::refusedRequestsCreateNothing()
{
    QFETCH(qint64, within);
    QFETCH(bool, batch);
    QFETCH(QString, reason);
    TokenRequest request;
    request.policies = {u"default"_s};
    request.ttl = kHour;
    request.activateWithin = within;
    if (batch)
        request.type = TokenType::Batch;
    const qint64 before = engine().browser().count().valueOr(-1);
    auto refused = engine().tokens().createToken(owner(), request);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(reason), qPrintable(refused.error().message));
    QCOMPARE(engine().browser().count().valueOr(-1), before);
    QCOMPARE(rawCount("SELECT count(*) FROM token_use"), 0);
}

void TestFirstUse::batchOfPassesIsValidFromFirstUse()
{
    QVERIFY(putClassVisitRole());
    PassBatchRequest request;
    request.role = u"class-visit"_s;
    request.count = 5;
    request.activateWithin = 30 * kDay;
    auto batch = engine().passBatches().issue(owner(), request);
    QVERIFY2(batch, batch ? "" : qPrintable(batch.error().message));
    QCOMPARE(batch->passes.size(), 5);
    for (const CreatedToken& created : std::as_const(batch->passes)) {
        QVERIFY(created.info.awaitsFirstUse());
        QVERIFY(lookup(created.info.accessor).awaitsFirstUse());
    }
    QVERIFY(batch->parent);
    QVERIFY(!lookup(batch->parent->info.accessor).activateBy); // the group itself is not a pass
}

void TestFirstUse::passThatCouldOutliveItsParentIsRefused()
{
    TokenRequest desk;
    desk.policies = {u"default"_s};
    desk.ttl = kDay;
    auto parent = engine().tokens().createToken(owner(), desk);
    QVERIFY(parent);

    TokenRequest request;
    request.policies = {u"default"_s};
    request.parentAccessor = parent->info.accessor;
    request.ttl = 4 * kHour;
    request.activateWithin = 20 * kHour; // 24 h: ends with the desk token at the latest
    auto fits = engine().tokens().createToken(owner(), request);
    QVERIFY2(fits, fits ? "" : qPrintable(fits.error().message));

    request.activateWithin = 20 * kHour + 1;
    const qint64 before = engine().browser().count().valueOr(-1);
    auto refused = engine().tokens().createToken(owner(), request);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"outlive its parent"_s),
             qPrintable(refused.error().message));
    QCOMPARE(engine().browser().count().valueOr(-1), before);

    // An orphan has no parent to die with.
    request.parentAccessor.clear();
    request.activateWithin = 30 * kDay;
    QVERIFY(engine().tokens().createToken(owner(), request));
}

void TestFirstUse::batchWhosePassesCouldOutliveTheirGroupIsRefusedAndWritesNothing()
{
    // The group lives for the system max TTL (32 days): passes of 4 hours
    // that may wait 32 days for their first use would die with it unannounced.
    QVERIFY(putClassVisitRole());
    PassBatchRequest request;
    request.role = u"class-visit"_s;
    request.count = 3;
    request.activateWithin = 32 * kDay;
    const qint64 before = engine().browser().count().valueOr(-1);
    auto refused = engine().passBatches().issue(owner(), request);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"outlive its parent"_s),
             qPrintable(refused.error().message));
    QCOMPARE(engine().browser().count().valueOr(-1), before);
    QCOMPARE(rawCount("SELECT count(*) FROM token_use"), 0);
}

void TestFirstUse::purgeDeletesTheUseRowsOfRevokedPasses()
{
    auto made = pass(kHour);
    QVERIFY(made);
    QVERIFY(engine().tokens().authenticate(made->token, kClient));
    QCOMPARE(rawCount("SELECT count(*) FROM token_use"), 1);
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(made->info.accessor)));
    QVERIFY(engine().tokens().purgeRevoked());
    QCOMPARE(rawCount("SELECT count(*) FROM token_use"), 0);
    QCOMPARE(rawCount("SELECT count(*) FROM tokens"), 0);
}

QTEST_GUILESS_MAIN(TestFirstUse)
#include "tst_firstuse.moc"
