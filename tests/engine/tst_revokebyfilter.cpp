// Revoke by filter (RevokeByFilterService, RevocationFilter): each filter kind
// and their combinations, SQL and C++ agreeing, the dry run that writes
// nothing, one transaction and one audit record per operation, subtrees taken
// along, and caches dropped so that a revoked token no longer validates.
#include "engine/RevocationFilter.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"
#include "support/TokenTrees.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kDay = 24 * 3600;

QSet<QString> toSet(const QStringList& list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

class TestRevokeByFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void eachFilterKindAndCombinationsMatch_data();
    void eachFilterKindAndCombinationsMatch();
    void patronIdMatchesTheWholeValueOfThatKeyOnly();
    void previewCountsMatchesAndDescendantsWithoutWriting();
    void revokeTakesEachMatchWithItsSubtreeInOneAuditedTransaction();
    void revokedTokenNoLongerValidatesThoughItWasCached();
    void nothingMatchedLeavesNoRecord();
    void emptyFilterAndEmptyPeriodAreRefused();
    void callerWithoutSudoIsRefusedAndNothingChanges();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    // Creates a token named `name`, remembered with its raw token.
    void make(const QString& name, const QString& patron, const QString& role,
              const QString& client, const QString& parent = {});
    QSet<QString> namesOf(const QStringList& accessors) const;

    std::unique_ptr<TempEngine> m_temp;
    QHash<QString, QString> m_accessorOf; // name -> accessor
    QHash<QString, QString> m_tokenOf;    // name -> raw token
    qint64 m_start = 0;
};

void TestRevokeByFilter::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    m_accessorOf.clear();
    m_tokenOf.clear();
    for (const QString& name : {u"desk"_s, u"wifi"_s}) {
        Role role;
        role.name = name;
        QVERIFY(engine().admin().putRole(owner(), role));
    }
    m_start = engine().clock().nowSeconds();
    // Day 0: two of patron P-1's tokens (one with a child), one of P-2's.
    make(u"p1-desk"_s, u"P-1"_s, u"desk"_s, u"login:alice"_s);
    make(u"p1-desk-child"_s, {}, {}, u"console:ann@desk-1"_s, u"p1-desk"_s);
    make(u"p1-wifi"_s, u"P-1"_s, u"wifi"_s, u"cli"_s);
    make(u"p2-desk"_s, u"P-2"_s, u"desk"_s, u"login:bob"_s);
    m_temp->clock().advanceSeconds(2 * kDay);
    // Day 2: P-12 (not P-1), a child of P-2's token that is P-1's own, and a
    // token without patron.
    make(u"p12-wifi"_s, u"P-12"_s, u"wifi"_s, u"login:alice"_s);
    make(u"p2-desk-p1"_s, u"P-1"_s, u"desk"_s, u"login:alice"_s, u"p2-desk"_s);
    make(u"staff"_s, {}, {}, u"console:jdoe@desk-3"_s);
}

void TestRevokeByFilter::cleanup()
{
    m_temp.reset();
}

void TestRevokeByFilter::make(const QString& name, const QString& patron, const QString& role,
                              const QString& client, const QString& parent)
{
    TokenRequest request;
    request.displayName = name;
    request.policies = {u"default"_s};
    request.ttl = 30 * kDay;
    if (!patron.isEmpty())
        request.meta.insert(u"patron_id"_s, patron);
    request.role = role;
    request.parentAccessor = m_accessorOf.value(parent);
    auto created = engine().tokens().createToken(Caller::storeOwner(client), request);
    QVERIFY2(created, qPrintable(errorText(created)));
    m_accessorOf.insert(name, created->info.accessor);
    m_tokenOf.insert(name, created->token);
}

QSet<QString> TestRevokeByFilter::namesOf(const QStringList& accessors) const
{
    QSet<QString> names;
    for (const QString& accessor : accessors)
        names.insert(m_accessorOf.key(accessor, u"?"_s + accessor));
    return names;
}

void TestRevokeByFilter::eachFilterKindAndCombinationsMatch_data()
{
    QTest::addColumn<QString>("patron");
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("issuedBy");
    QTest::addColumn<int>("afterDay"); // -1: not set
    QTest::addColumn<int>("beforeDay");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("matched");
    QTest::addColumn<QStringList>("revoked"); // the matches with their subtrees

    const QStringList p1{u"p1-desk"_s, u"p1-wifi"_s, u"p2-desk-p1"_s};
    QTest::newRow("patron") << u"P-1"_s << QString() << QString() << -1 << -1 << QString() << p1
                            << QStringList{p1 + QStringList{u"p1-desk-child"_s}};
    QTest::newRow("role") << QString() << u"wifi"_s << QString() << -1 << -1 << QString()
                          << QStringList{u"p1-wifi"_s, u"p12-wifi"_s}
                          << QStringList{u"p1-wifi"_s, u"p12-wifi"_s};
    QTest::newRow("issued by a staff user")
        << QString() << QString() << u"login:alice"_s << -1 << -1 << QString()
        << QStringList{u"p1-desk"_s, u"p12-wifi"_s, u"p2-desk-p1"_s}
        << QStringList{u"p1-desk"_s, u"p1-desk-child"_s, u"p12-wifi"_s, u"p2-desk-p1"_s};
    QTest::newRow("issued at one desk")
        << QString() << QString() << u"console:jdoe@desk-3"_s << -1 << -1 << QString()
        << QStringList{u"staff"_s} << QStringList{u"staff"_s};
    QTest::newRow("issued at any console")
        << QString() << QString() << u"console"_s << -1 << -1 << QString()
        << QStringList{u"p1-desk-child"_s, u"staff"_s}
        << QStringList{u"p1-desk-child"_s, u"staff"_s};
    QTest::newRow("a kind is not a prefix of another word")
        << QString() << QString() << u"cons"_s << -1 << -1 << QString() << QStringList{}
        << QStringList{};
    // p2-desk's subtree holds a match of its own: counted once.
    QTest::newRow("created before day 1")
        << QString() << QString() << QString() << -1 << 1 << QString()
        << QStringList{u"p1-desk"_s, u"p1-desk-child"_s, u"p1-wifi"_s, u"p2-desk"_s}
        << QStringList{u"p1-desk"_s, u"p1-desk-child"_s, u"p1-wifi"_s, u"p2-desk"_s,
                       u"p2-desk-p1"_s};
    QTest::newRow("created after day 1")
        << QString() << QString() << QString() << 1 << -1 << QString()
        << QStringList{u"p12-wifi"_s, u"p2-desk-p1"_s, u"staff"_s}
        << QStringList{u"p12-wifi"_s, u"p2-desk-p1"_s, u"staff"_s};
    QTest::newRow("period that holds nothing") << QString() << QString() << QString() << 3 << 4
                                               << QString() << QStringList{} << QStringList{};
    QTest::newRow("patron and role")
        << u"P-1"_s << u"desk"_s << QString() << -1 << -1 << QString()
        << QStringList{u"p1-desk"_s, u"p2-desk-p1"_s}
        << QStringList{u"p1-desk"_s, u"p1-desk-child"_s, u"p2-desk-p1"_s};
    QTest::newRow("patron, issuer and period")
        << u"P-1"_s << QString() << u"login:alice"_s << 1 << 3 << QString()
        << QStringList{u"p2-desk-p1"_s} << QStringList{u"p2-desk-p1"_s};
    QTest::newRow("search text and role")
        << QString() << u"desk"_s << QString() << -1 << -1 << u"p2-"_s
        << QStringList{u"p2-desk"_s, u"p2-desk-p1"_s} << QStringList{u"p2-desk"_s, u"p2-desk-p1"_s};
}

void TestRevokeByFilter::eachFilterKindAndCombinationsMatch()
{
    QFETCH(QString, patron);
    QFETCH(QString, role);
    QFETCH(QString, issuedBy);
    QFETCH(int, afterDay);
    QFETCH(int, beforeDay);
    QFETCH(QString, search);
    QFETCH(QStringList, matched);
    QFETCH(QStringList, revoked);
    RevocationFilter filter;
    filter.patronId = patron;
    filter.role = role;
    filter.issuedBy = issuedBy;
    if (afterDay >= 0)
        filter.createdAfter = m_start + afterDay * kDay;
    if (beforeDay >= 0)
        filter.createdBefore = m_start + beforeDay * kDay;
    filter.search = TokenFilter(search);

    // C++ and SQL agree.
    QSet<QString> inMemory;
    for (auto it = m_accessorOf.cbegin(); it != m_accessorOf.cend(); ++it) {
        auto token = engine().browser().token(it.value());
        QVERIFY(token && token->has_value());
        if (filter.matches(**token))
            inMemory.insert(it.key());
    }
    QCOMPARE(inMemory, toSet(matched));

    auto preview = engine().revokeByFilter().preview(owner(), filter);
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->matched, matched.size());
    QCOMPARE(preview->total, revoked.size());
    QStringList previewed;
    for (const auto& match : std::as_const(preview->first))
        previewed << match.token.accessor;
    QCOMPARE(namesOf(previewed), toSet(matched));

    auto done = engine().revokeByFilter().revoke(owner(), filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->matched, matched.size());
    QCOMPARE(namesOf(done->accessors), toSet(revoked));
    for (auto it = m_tokenOf.cbegin(); it != m_tokenOf.cend(); ++it)
        QCOMPARE(bool(engine().tokens().validate(it.value())), !revoked.contains(it.key()));
}

void TestRevokeByFilter::patronIdMatchesTheWholeValueOfThatKeyOnly()
{
    TokenRequest request;
    request.policies = {u"default"_s};
    request.meta = {{u"old_patron_id"_s, u"P-7"_s}, {u"note"_s, u"\"patron_id\":\"P-7\""_s}};
    auto decoy = engine().tokens().createToken(owner(), request);
    QVERIFY2(decoy, qPrintable(errorText(decoy)));
    request.meta = {{u"patron_id"_s, u"P-7"_s}, {u"zz"_s, u"x"_s}};
    auto real = engine().tokens().createToken(owner(), request);
    QVERIFY2(real, qPrintable(errorText(real)));

    RevocationFilter filter;
    filter.patronId = u"P-7"_s;
    QVERIFY(!filter.matches(decoy->info));
    auto done = engine().revokeByFilter().revoke(owner(), filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->accessors, QStringList{real->info.accessor});
    QVERIFY(engine().tokens().validate(decoy->token));
}

void TestRevokeByFilter::previewCountsMatchesAndDescendantsWithoutWriting()
{
    const qsizetype records = test::auditTrail(engine()).size();
    RevocationFilter filter;
    filter.patronId = u"P-1"_s;
    auto preview = engine().revokeByFilter().preview(owner(), filter, 2);
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->matched, 3);
    QCOMPARE(preview->total, 4);
    QCOMPARE(preview->first.size(), 2); // the first two, in creation order
    QCOMPARE(preview->first.at(0).token.accessor, m_accessorOf.value(u"p1-desk"_s));
    QCOMPARE(preview->first.at(0).descendants, 1);
    QCOMPARE(preview->first.at(1).token.accessor, m_accessorOf.value(u"p1-wifi"_s));
    QCOMPARE(preview->first.at(1).descendants, 0);

    QCOMPARE(test::auditTrail(engine()).size(), records);
    QCOMPARE(engine().browser().count().valueOr(-1), m_accessorOf.size());
    for (const QString& token : std::as_const(m_tokenOf))
        QVERIFY(engine().tokens().validate(token));
}

void TestRevokeByFilter::revokeTakesEachMatchWithItsSubtreeInOneAuditedTransaction()
{
    // p2-desk (created before day 1) holds p2-desk-p1, itself a match: one top.
    RevocationFilter filter;
    filter.createdBefore = m_start + kDay;
    filter.role = u"desk"_s;
    const qsizetype records = test::auditTrail(engine()).size();
    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);

    auto done = engine().revokeByFilter().revoke(owner(), filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->matched, 2);
    QCOMPARE(namesOf(done->accessors),
             (QSet<QString>{u"p1-desk"_s, u"p1-desk-child"_s, u"p2-desk"_s, u"p2-desk-p1"_s}));
    // Children before parents.
    QVERIFY(done->accessors.indexOf(m_accessorOf.value(u"p1-desk-child"_s)) <
            done->accessors.indexOf(m_accessorOf.value(u"p1-desk"_s)));

    const auto trail = test::auditTrail(engine());
    QCOMPARE(trail.size(), records + 1);
    const audit::AuditRecord& record = trail.last();
    QCOMPARE(record.operation, u"token.revoke-matching"_s);
    QCOMPARE(record.client, u"console"_s);
    QCOMPARE(namesOf(record.targets), (QSet<QString>{u"p1-desk"_s, u"p2-desk"_s}));
    QCOMPARE(record.details.value(u"role"_s).toString(), u"desk"_s);
    QCOMPARE(record.details.value(u"created_before"_s).toInteger(), m_start + kDay);
    QCOMPARE(record.details.value(u"matched"_s).toInteger(), 2);
    QCOMPARE(record.details.value(u"revoked"_s).toInteger(), 4);

    QCOMPARE(revokedSignal.count(), 1);
    QCOMPARE(namesOf(revokedSignal.at(0).at(0).toStringList()),
             (QSet<QString>{u"p1-desk"_s, u"p2-desk"_s}));
    QCOMPARE(revokedSignal.at(0).at(1).toLongLong(), 4);
    QCOMPARE(revokedSignal.at(0).at(2).toString(), u"revoke"_s);
    QCOMPARE(engine().browser().count().valueOr(-1), m_accessorOf.size() - 4);
}

void TestRevokeByFilter::revokedTokenNoLongerValidatesThoughItWasCached()
{
    const QString token = m_tokenOf.value(u"p12-wifi"_s);
    QVERIFY(engine().tokens().validate(token));
    QVERIFY(engine().tokens().validate(token)); // now from the validation cache
    RevocationFilter filter;
    filter.patronId = u"P-12"_s;
    auto done = engine().revokeByFilter().revoke(owner(), filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->accessors.size(), 1);
    auto validated = engine().tokens().validate(token);
    QVERIFY2(!validated, "a revoked token still validates");
    QCOMPARE(validated.error().code, ErrorCode::NotFound);
}

void TestRevokeByFilter::nothingMatchedLeavesNoRecord()
{
    const qsizetype records = test::auditTrail(engine()).size();
    QSignalSpy revokedSignal(&engine(), &TokenEngine::tokensRevoked);
    RevocationFilter filter;
    filter.patronId = u"P-404"_s;
    auto preview = engine().revokeByFilter().preview(owner(), filter);
    QVERIFY2(preview, qPrintable(errorText(preview)));
    QCOMPARE(preview->matched, 0);
    QCOMPARE(preview->total, 0);
    auto done = engine().revokeByFilter().revoke(owner(), filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->matched, 0);
    QVERIFY(done->accessors.isEmpty());
    QCOMPARE(test::auditTrail(engine()).size(), records);
    QCOMPARE(revokedSignal.count(), 0);
}

void TestRevokeByFilter::emptyFilterAndEmptyPeriodAreRefused()
{
    RevocationFilter empty;
    empty.search = TokenFilter(u"   "_s); // blank search text is no condition
    QVERIFY(empty.isEmpty());
    auto refused = engine().revokeByFilter().revoke(owner(), empty);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!engine().revokeByFilter().preview(owner(), empty));

    RevocationFilter backwards;
    backwards.createdAfter = m_start + kDay;
    backwards.createdBefore = m_start;
    auto period = engine().revokeByFilter().revoke(owner(), backwards);
    QVERIFY(!period);
    QCOMPARE(period.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(engine().browser().count().valueOr(-1), m_accessorOf.size());
}

void TestRevokeByFilter::callerWithoutSudoIsRefusedAndNothingChanges()
{
    QVERIFY(test::installTestPolicies(engine()));
    auto plain = test::ownersActor(engine(), {u"issuer"_s});
    QVERIFY2(plain, qPrintable(errorText(plain)));
    const qint64 before = engine().browser().count().valueOr(-1);
    RevocationFilter filter;
    filter.patronId = u"P-1"_s;
    auto refused = engine().revokeByFilter().revoke(plain->caller, filter);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    auto peek = engine().revokeByFilter().preview(plain->caller, filter);
    QVERIFY(!peek);
    QCOMPARE(peek.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(engine().browser().count().valueOr(-1), before);
    int refusals = 0;
    for (const audit::AuditRecord& record : test::auditTrail(engine()))
        refusals += record.operation == u"token.revoke-matching"_s && record.outcome == u"denied"_s;
    QCOMPARE(refusals, 2); // the revoke and the preview

    auto root = test::rootActor(engine());
    QVERIFY2(root, qPrintable(errorText(root)));
    auto done = engine().revokeByFilter().revoke(root->caller, filter);
    QVERIFY2(done, qPrintable(errorText(done)));
    QCOMPARE(done->matched, 3);
}

QTEST_GUILESS_MAIN(TestRevokeByFilter)
#include "tst_revokebyfilter.moc"
