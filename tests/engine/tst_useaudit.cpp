// Uses of tokens without a use limit, and refused tokens, are audited in
// batches (UseAudit): every request leaves a record with its client and path,
// refused tokens appear only as their tag, the chain stays intact, the
// background thread appends them unasked, and nothing queued is lost when the
// engine closes.
#include "audit/AuditFilter.h"
#include "audit/AuditRecord.h"
#include "audit/VerifyReport.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/TempEngine.h"

#include <QTest>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

QList<audit::AuditRecord> usesIn(TokenEngine& engine)
{
    audit::AuditFilter filter;
    filter.limit = 100'000;
    QList<audit::AuditRecord> uses;
    const auto records = engine.admin().auditRecords(filter);
    if (!records)
        return uses;
    for (const auto& record : *records) {
        if (record.operation == u"token.use"_s)
            uses.append(record);
    }
    return uses;
}

// Makes a root token and uses it `uses` times, as API requests from one client do.
bool useRootToken(TempEngine& temp, int uses)
{
    const auto root = temp->tokens().createRootToken(TempEngine::owner());
    if (!root)
        return false;
    for (int i = 0; i < uses; ++i) {
        if (!temp->tokens().authenticate(root->token, u"api:127.0.0.1"_s))
            return false;
    }
    return true;
}

// Read straight from the store: TokenEngine::auditRecords() would flush first.
qint64 usesStored(TempEngine& temp)
{
    auto lease = temp.store().acquire();
    if (!lease)
        return -1;
    const auto count =
        lease->db().queryInt("SELECT count(*) FROM audit WHERE operation = 'token.use'");
    return count ? *count : -1;
}

} // namespace

class TestUseAudit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyUseIsRecordedWithClientAndPath();
    void refusedTokenIsRecordedByItsTagOnly();
    void concurrentUsesAreAllRecordedAndTheChainHolds();
    void usesReachTheStoreWithoutBeingAskedFor();
    void queuedRecordsSurviveClosingTheEngine();
    void createOrphanEndpointNeedsNoSudo();
};

void TestUseAudit::everyUseIsRecordedWithClientAndPath()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    auto root = temp->tokens().createRootToken(TempEngine::owner());
    QVERIFY(root);
    for (int i = 0; i < 3; ++i)
        QVERIFY(temp->tokens().authenticate(root->token, u"api:10.1.1.1"_s, u"req-%1"_s.arg(i),
                                            u"auth/token/lookup-self"_s));
    const auto uses = usesIn(temp.engine());
    QCOMPARE(uses.size(), 3);
    QCOMPARE(uses.at(2).client, u"api:10.1.1.1"_s);
    QCOMPARE(uses.at(2).requestId, u"req-2"_s);
    QCOMPARE(uses.at(2).actor, root->info.accessor);
    QCOMPARE(uses.at(2).targets, QStringList{root->info.accessor});
    QCOMPARE(uses.at(2).details.value(u"path").toString(), u"auth/token/lookup-self"_s);
    QCOMPARE(uses.at(2).outcome, u"ok"_s);
}

void TestUseAudit::refusedTokenIsRecordedByItsTagOnly()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    auto root = temp->tokens().createRootToken(TempEngine::owner());
    QVERIFY(root);
    QString forged = root->token;
    forged[forged.size() - 1] = forged.back() == u'a' ? u'b' : u'a';
    QCOMPARE(temp->tokens().authenticate(forged, u"api:10.9.9.9"_s).error().code,
             ErrorCode::PermissionDenied);
    const auto uses = usesIn(temp.engine());
    QCOMPARE(uses.size(), 1);
    QCOMPARE(uses.at(0).outcome, u"denied"_s);
    QCOMPARE(uses.at(0).client, u"api:10.9.9.9"_s);
    QVERIFY(uses.at(0).actor.isEmpty());
    const QString tag = uses.at(0).details.value(u"token").toString();
    QVERIFY(tag.startsWith(u"hmac-sha256:"_s));
    audit::AuditFilter all;
    const auto records = temp->admin().auditRecords(all);
    QVERIFY(records);
    for (const auto& record : *records)
        QVERIFY(!record.details.toVariantMap().values().contains(forged));
}

void TestUseAudit::concurrentUsesAreAllRecordedAndTheChainHolds()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    auto root = temp->tokens().createRootToken(TempEngine::owner());
    QVERIFY(root);
    constexpr int kThreads = 4;
    constexpr int kUses = 500;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kUses; ++i) {
                if (!temp->tokens().authenticate(root->token, u"api:127.0.0.1"_s).ok())
                    ++failures;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(usesIn(temp.engine()).size(), kThreads * kUses);
    auto report = temp->admin().verifyAudit();
    QVERIFY(report);
    QVERIFY2(report->intact, qPrintable(report->problem));
}

void TestUseAudit::usesReachTheStoreWithoutBeingAskedFor()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    QVERIFY(useRootToken(temp, 20));
    QTRY_COMPARE(usesStored(temp), 20);
}

void TestUseAudit::queuedRecordsSurviveClosingTheEngine()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    QVERIFY(useRootToken(temp, 50));
    temp.close(); // before the background flush had a chance, most likely
    QVERIFY(temp.reopen());
    QCOMPARE(usesIn(temp.engine()).size(), 50);
}

void TestUseAudit::createOrphanEndpointNeedsNoSudo()
{
    TempEngine temp;
    QVERIFY(temp.isValid());
    QVERIFY(temp->admin().putPolicy(
        TempEngine::owner(), u"orphans"_s,
        u"path \"auth/token/create-orphan\" { capabilities = [\"update\"] }\n"
        u"path \"auth/token/create\" { capabilities = [\"update\"] }"_s));
    TokenRequest parentRequest;
    parentRequest.policies = {u"orphans"_s};
    auto parent = temp->tokens().createToken(TempEngine::owner(), parentRequest);
    QVERIFY(parent);
    auto caller = temp->tokens().authenticate(parent->token, u"api:127.0.0.1"_s);
    QVERIFY(caller);

    TokenRequest asOrphan;
    asOrphan.orphan = true; // no_parent on auth/token/create: needs sudo
    QCOMPARE(temp->tokens().createToken(*caller, asOrphan).error().code,
             ErrorCode::PermissionDenied);
    TokenRequest viaEndpoint;
    viaEndpoint.viaCreateOrphan = true;
    auto orphan = temp->tokens().createToken(*caller, viaEndpoint);
    QVERIFY2(orphan, qPrintable(orphan.ok() ? QString() : orphan.error().message));
    QVERIFY(orphan->info.isOrphan());
    QCOMPARE(orphan->info.path, u"auth/token/create-orphan"_s);

    // Without the ACL on create-orphan, the endpoint refuses.
    TokenRequest plainRequest;
    plainRequest.policies = {u"default"_s};
    auto plain = temp->tokens().createToken(TempEngine::owner(), plainRequest);
    auto plainCaller = temp->tokens().authenticate(plain->token, u"api:127.0.0.1"_s);
    QCOMPARE(temp->tokens().createToken(*plainCaller, viaEndpoint).error().code,
             ErrorCode::PermissionDenied);
}

QTEST_GUILESS_MAIN(TestUseAudit)
#include "tst_useaudit.moc"
