// A token's last use: the minute and the client, shown at once by lookup and
// written with the batched use records (no commit of its own); one write per
// token and minute; an older use never overwrites a newer one; a token deleted
// meanwhile gets no row.
#include "engine/LastUse.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/StoreProbes.h"
#include "support/TempEngine.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

class TestLastUse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void lookupShowsTheMinuteAndClientOfTheLastUse();
    void lastUseIsStoredAndSurvivesReopening();
    void useLimitedTokenRecordsItsLastUse();
    void neverUsedTokenHasNoLastUse();
    void onlyTheFirstUseInAMinuteIsNoted();
    void olderUseDoesNotOverwriteNewerOne();
    void useOfDeletedTokenAddsNoRow();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    Result<CreatedToken> token(int uses = 0)
    {
        TokenRequest request;
        request.policies = {u"default"_s};
        request.numUses = uses;
        return engine().tokens().createToken(owner(), request);
    }
    Token lookup(const QString& accessor)
    {
        auto found = engine().tokens().lookup(owner(), TokenRef::accessor(accessor));
        return found ? *found : Token{};
    }
    qint64 minuteNow()
    {
        const qint64 now = m_temp->clock().nowMs() / 1000;
        return now - now % 60;
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestLastUse::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestLastUse::cleanup()
{
    m_temp.reset();
}

void TestLastUse::lookupShowsTheMinuteAndClientOfTheLastUse()
{
    auto made = token();
    QVERIFY(made);
    m_temp->clock().advanceSeconds(90);
    QVERIFY(engine().tokens().authenticate(made->token, u"api:192.0.2.1"_s));
    m_temp->clock().advanceSeconds(125);
    QVERIFY(engine().tokens().authenticate(made->token, u"gate:198.51.100.4"_s));
    const Token used = lookup(made->info.accessor);
    QCOMPARE(used.lastUsedAt, std::optional<qint64>(minuteNow()));
    QCOMPARE(used.lastUsedBy, u"gate:198.51.100.4"_s);
}

void TestLastUse::lastUseIsStoredAndSurvivesReopening()
{
    auto made = token();
    QVERIFY(made);
    QVERIFY(engine().tokens().authenticate(made->token, u"api:192.0.2.1"_s));
    const qint64 minute = minuteNow();
    QVERIFY(m_temp->reopen()); // the engine's close writes what is queued
    const Token used = lookup(made->info.accessor);
    QCOMPARE(used.lastUsedAt, std::optional<qint64>(minute));
    QCOMPARE(used.lastUsedBy, u"api:192.0.2.1"_s);
}

void TestLastUse::useLimitedTokenRecordsItsLastUse()
{
    auto made = token(5);
    QVERIFY(made);
    QVERIFY(engine().tokens().authenticate(made->token, u"cli"_s));
    const qint64 minute = minuteNow();
    QVERIFY(m_temp->reopen());
    QCOMPARE(lookup(made->info.accessor).lastUsedAt, std::optional<qint64>(minute));
}

void TestLastUse::neverUsedTokenHasNoLastUse()
{
    auto made = token();
    QVERIFY(made);
    QVERIFY(!lookup(made->info.accessor).lastUsedAt);
    QVERIFY(lookup(made->info.accessor).lastUsedBy.isEmpty());
}

void TestLastUse::onlyTheFirstUseInAMinuteIsNoted()
{
    LastUse lastUse;
    const qint64 minute = 1'790'000'040;
    QVERIFY(lastUse.note(7, minute + 1, u"a"_s));
    QVERIFY(!lastUse.note(7, minute + 59, u"b"_s));
    QVERIFY(lastUse.note(8, minute + 59, u"b"_s)); // another token
    const auto next = lastUse.note(7, minute + 60, u"c"_s);
    QVERIFY(next);
    QCOMPARE(next->minute, minute + 60);
    QCOMPARE(next->client, u"c"_s);
    QVERIFY(!lastUse.note(0, minute, u"batch"_s)); // batch tokens are not stored
}

void TestLastUse::olderUseDoesNotOverwriteNewerOne()
{
    auto made = token();
    QVERIFY(made);
    auto lease = m_temp->store().acquire();
    QVERIFY(lease);
    const qint64 id = made->info.id;
    QVERIFY(LastUse::write(lease->db(),
                           {{id, 1'800'000'000, u"newer"_s}, {id, 1'799'999'940, u"older"_s}}));
    QCOMPARE(lease->db().queryInt("SELECT last_used_at FROM token_use").valueOr(0), 1'800'000'000);
    QCOMPARE(lease->db().queryInt("SELECT count(*) FROM token_use").valueOr(0), 1);
}

void TestLastUse::useOfDeletedTokenAddsNoRow()
{
    auto lease = m_temp->store().acquire();
    QVERIFY(lease);
    QVERIFY(LastUse::write(lease->db(), {{424242, 1'800'000'000, u"ghost"_s}}));
    QCOMPARE(lease->db().queryInt("SELECT count(*) FROM token_use").valueOr(-1), 0);
}

QTEST_GUILESS_MAIN(TestLastUse)
#include "tst_lastuse.moc"
