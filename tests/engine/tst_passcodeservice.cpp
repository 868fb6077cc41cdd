// PassCodeService (docs/ARCHITECTURE.md, «Pass codes»): every pass of a batch
// gets a code that redeems for its token while the pass lives; codes are kept
// only as HMACs, tokens only sealed under the code, guesses are throttled and
// every redemption is audited without the code.
#include "audit/AuditRecord.h"
#include "engine/PassBatchService.h"
#include "engine/PassCode.h"
#include "engine/PassCodeService.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

const QString kClient = u"api:192.0.2.7"_s;

EngineConfig withoutBackgroundPurge()
{
    EngineConfig config;
    config.purgeInBackground = false;
    return config;
}

// A well-formed code (its check character right) that no pass has.
QString unknownCode()
{
    return PassCode::random().grouped();
}

} // namespace

class TestPassCodeService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void everyPassOfABatchGetsAGroupedCode();
    void codeRedeemsForItsPassToken();
    void codeTypedLooselyStillRedeems();
    void wrongCodeIsRefusedWithoutEchoingIt();
    void typoIsRefusedAsInvalidInput();
    void revokedPassCodeIsRefusedAndItsRowPurged();
    void revokingTheClassRemovesEveryCode();
    void expiredPassCodeIsRefused();
    void spentPassCodeIsRefused();
    void twentyWrongCodesRateLimitTheClient();
    void redemptionsAreAuditedWithoutTheCode();
    void storeHoldsNeitherCodeNorTokenInClear();
    void refusedBatchWritesNoCodes();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    qint64 rawCount(std::string_view sql)
    {
        auto lease = m_temp->store().acquire();
        return lease ? lease->db().queryInt(sql).valueOr(-1) : -1;
    }
    Result<PassBatch> issue(int count)
    {
        PassBatchRequest request;
        request.role = u"class-visit"_s;
        request.count = count;
        return engine().passBatches().issue(owner(), request);
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestPassCodeService::init()
{
    m_temp = std::make_unique<TempEngine>(withoutBackgroundPurge());
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(engine()).ok());
    Role visit;
    visit.name = u"class-visit"_s;
    visit.allowedPolicies = {u"wifi"_s};
    visit.settings.ttl = 4 * 3600;
    visit.settings.numUses = 1;
    QVERIFY(engine().admin().putRole(owner(), visit));
}

void TestPassCodeService::cleanup()
{
    m_temp.reset();
}

void TestPassCodeService::everyPassOfABatchGetsAGroupedCode()
{
    auto batch = issue(6);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QCOMPARE(batch->codes.size(), 6);
    const QRegularExpression grouped(
        u"^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){2}-[0-9A-HJKMNP-TV-Z]$"_s);
    for (const QString& code : std::as_const(batch->codes))
        QVERIFY2(grouped.match(code).hasMatch(), qPrintable(code));
    QCOMPARE(QSet<QString>(batch->codes.cbegin(), batch->codes.cend()).size(), 6);
    QCOMPARE(rawCount("SELECT count(*) FROM pass_codes"), 6);
    // The class's parent is not a pass: no code of its own.
    QCOMPARE(rawCount("SELECT count(*) FROM pass_codes p JOIN tokens t ON t.id = p.token_id "
                      "WHERE t.parent_id IS NULL"),
             0);
}

void TestPassCodeService::codeRedeemsForItsPassToken()
{
    auto batch = issue(3);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    for (qsizetype i = 0; i < batch->passes.size(); ++i) {
        auto redeemed = engine().passCodes().redeem(batch->codeOf(i), kClient);
        QVERIFY2(redeemed, qPrintable(errorText(redeemed)));
        QCOMPARE(redeemed->token, batch->passes.at(i).token);
        QCOMPARE(redeemed->info.accessor, batch->passes.at(i).info.accessor);
        QCOMPARE(redeemed->info.policies, batch->passes.at(i).info.policies);
    }
}

void TestPassCodeService::codeTypedLooselyStillRedeems()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QString typed = batch->codeOf(0).toLower().remove(u'-');
    typed.replace(u'0', u'o').replace(u'1', u'l');
    typed.insert(6, u' ');
    auto redeemed = engine().passCodes().redeem(typed, kClient);
    QVERIFY2(redeemed, qPrintable(errorText(redeemed)));
    QCOMPARE(redeemed->token, batch->passes.first().token);
}

void TestPassCodeService::wrongCodeIsRefusedWithoutEchoingIt()
{
    QVERIFY(issue(2));
    const QString code = unknownCode();
    auto refused = engine().passCodes().redeem(code, kClient);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidCredentials);
    QVERIFY(!refused.error().message.contains(code.left(4)));
    QVERIFY(!refused.error().message.isEmpty());
}

void TestPassCodeService::typoIsRefusedAsInvalidInput()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QString code = batch->codeOf(0);
    std::swap(code[0], code[1]);
    if (code == batch->codeOf(0))
        std::swap(code[2], code[3]);
    auto refused = engine().passCodes().redeem(code, kClient);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(refused.error().message.contains(u"typo"_s), qPrintable(refused.error().message));
}

void TestPassCodeService::revokedPassCodeIsRefusedAndItsRowPurged()
{
    auto batch = issue(3);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(
        engine().tokens().revoke(owner(), TokenRef::accessor(batch->passes.at(1).info.accessor)));
    auto refused = engine().passCodes().redeem(batch->codeOf(1), kClient);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidCredentials);
    QVERIFY(engine().tokens().purgeRevoked());
    QCOMPARE(rawCount("SELECT count(*) FROM pass_codes"), 2);
    QVERIFY(engine().passCodes().redeem(batch->codeOf(0), kClient));
    auto problems = engine().admin().checkStore(owner());
    QVERIFY2(problems, qPrintable(errorText(problems)));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
}

void TestPassCodeService::revokingTheClassRemovesEveryCode()
{
    auto batch = issue(5);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(batch->parentAccessor)));
    for (const QString& code : std::as_const(batch->codes))
        QCOMPARE(engine().passCodes().redeem(code, kClient).error().code,
                 ErrorCode::InvalidCredentials);
    QVERIFY(engine().tokens().purgeRevoked());
    QCOMPARE(rawCount("SELECT count(*) FROM pass_codes"), 0);
}

void TestPassCodeService::expiredPassCodeIsRefused()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    m_temp->clock().advanceSeconds(4 * 3600 + 1);
    auto refused = engine().passCodes().redeem(batch->codeOf(0), kClient);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidCredentials);
}

void TestPassCodeService::spentPassCodeIsRefused()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    auto used = engine().tokens().authenticate(batch->passes.first().token, kClient);
    QVERIFY2(used, qPrintable(errorText(used)));
    QVERIFY(used->lastUse);
    QVERIFY(engine().tokens().completeUse(*used));
    auto refused = engine().passCodes().redeem(batch->codeOf(0), kClient);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidCredentials);
}

void TestPassCodeService::twentyWrongCodesRateLimitTheClient()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    for (int i = 0; i < PassCodeService::kClientFreeFailures; ++i)
        QCOMPARE(engine().passCodes().redeem(unknownCode(), kClient).error().code,
                 ErrorCode::InvalidCredentials);
    // Even the right code waits now, so that guessing cannot go on.
    auto limited = engine().passCodes().redeem(batch->codeOf(0), kClient);
    QVERIFY(!limited);
    QCOMPARE(limited.error().code, ErrorCode::RateLimited);
    QVERIFY(limited.error().retryAfterSeconds > 0);
    QCOMPARE(httpStatus(limited.error().code), 429);
    // Another client is not punished for it.
    QVERIFY(engine().passCodes().redeem(batch->codeOf(0), u"api:192.0.2.8"_s));
    // After the lockout the client may try again.
    m_temp->clock().advanceSeconds(limited.error().retryAfterSeconds);
    QVERIFY(engine().passCodes().redeem(batch->codeOf(0), kClient));
}

void TestPassCodeService::redemptionsAreAuditedWithoutTheCode()
{
    auto batch = issue(1);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    const qsizetype before = test::auditTrail(engine()).size();
    const QString wrong = unknownCode();
    QVERIFY(engine().passCodes().redeem(batch->codeOf(0), kClient, u"req-1"_s));
    QVERIFY(!engine().passCodes().redeem(wrong, kClient, u"req-2"_s));
    QVERIFY(!engine().passCodes().redeem(u"nonsense"_s, kClient, u"req-3"_s));
    const QList<audit::AuditRecord> trail = test::auditTrail(engine());
    QCOMPARE(trail.size(), before + 3);
    const audit::AuditRecord& ok = trail.at(before);
    QCOMPARE(ok.operation, u"pass.redeem"_s);
    QCOMPARE(ok.outcome, u"ok"_s);
    QCOMPARE(ok.targets, QStringList{batch->passes.first().info.accessor});
    QCOMPARE(ok.client, kClient);
    QCOMPARE(ok.requestId, u"req-1"_s);
    for (qsizetype i = before + 1; i < trail.size(); ++i) {
        QCOMPARE(trail.at(i).operation, u"pass.redeem"_s);
        QCOMPARE(trail.at(i).outcome, u"denied"_s);
    }
    for (const audit::AuditRecord& record : trail) {
        const QByteArray form = record.canonicalForm();
        for (const QString& code : {batch->codeOf(0), wrong}) {
            QVERIFY(!form.contains(code.toLatin1()));
            QVERIFY(!form.contains(PassCode::parse(code)->normalised().toLatin1()));
        }
        QVERIFY(!form.contains(batch->passes.first().token.toLatin1()));
    }
}

void TestPassCodeService::storeHoldsNeitherCodeNorTokenInClear()
{
    auto batch = issue(4);
    QVERIFY2(batch, qPrintable(errorText(batch)));
    auto lease = m_temp->store().acquire();
    QVERIFY(lease);
    auto rows = lease->db().query("SELECT lookup, sealed FROM pass_codes");
    QVERIFY(rows);
    int seen = 0;
    while (rows->next().valueOr(false)) {
        const QByteArray lookup = rows->blob(0);
        const QByteArray sealed = rows->blob(1);
        QCOMPARE(lookup.size(), 32);
        for (qsizetype i = 0; i < batch->passes.size(); ++i) {
            const QByteArray normalised =
                PassCode::parse(batch->codeOf(i))->normalised().toLatin1();
            const QByteArray token = batch->passes.at(i).token.toLatin1();
            for (const QByteArray& column : {lookup, sealed}) {
                QVERIFY(!column.contains(normalised));
                QVERIFY(!column.contains(batch->codeOf(i).toLatin1()));
                QVERIFY(!column.contains(token));
                QVERIFY(!column.contains(token.mid(4, 12)));
            }
        }
        ++seen;
    }
    QCOMPARE(seen, 4);
}

void TestPassCodeService::refusedBatchWritesNoCodes()
{
    PassBatchRequest request;
    request.role = u"class-visit"_s;
    request.count = 3;
    request.parentAccessor = u"no-such-parent"_s;
    QVERIFY(!engine().passBatches().issue(owner(), request));
    QCOMPARE(rawCount("SELECT count(*) FROM pass_codes"), 0);
}

QTEST_GUILESS_MAIN(TestPassCodeService)
#include "tst_passcodeservice.moc"
