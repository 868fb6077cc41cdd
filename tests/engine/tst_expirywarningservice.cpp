// Expiry warnings (ExpiryWarningService, StaffToken, the warn_before_expiry
// mark): which tokens an administrator hears about before they expire, that
// the mark is kept with the token and goes with it, and the one staff rule.
#include "engine/ExpiryWarningService.h"
#include "engine/Role.h"
#include "engine/StaffToken.h"
#include "engine/TokenEngine.h"
#include "store/Database.h"
#include "store/Store.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::hcl;
using tessera::test::TempEngine;

namespace {

constexpr qint64 kDay = 24 * 3600;
constexpr qint64 kWeek = 7 * kDay;

} // namespace

class TestExpiryWarningService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void markedAndStaffTokensInsideTheWindowAreListedSoonestFirst();
    void revokedTokensAreNotListed();
    void markSurvivesReopeningTheStore();
    void purgeDeletesTheMarkWithItsToken();
    void revokeOrphanDeletesTheMark();
    void batchTokenCannotBeMarked();
    void staffRule_data();
    void staffRule();
    void rootTokenWithoutExpiryIsNotStaff();
    void windowOutsideItsBoundsIsRefused();
    void callerWithoutSudoIsRefused();
    void reissueRequestIssuesALikeToken();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    static Caller owner() { return TempEngine::owner(); }
    QString make(const QString& name, qint64 ttl, const QStringList& policies, bool marked,
                 const QString& parent = {});
    QStringList namesOf(const QList<ExpiringToken>& tokens) const;
    qint64 markRows();

    std::unique_ptr<TempEngine> m_temp;
    QHash<QString, QString> m_accessorOf;
};

void TestExpiryWarningService::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    m_accessorOf.clear();
    QVERIFY(engine().admin().putPolicy(owner(), u"desk-staff"_s,
                                       hcl({{"auth/token/create", "create,update"}})));
    QVERIFY(engine().admin().putPolicy(owner(), u"patron"_s, hcl({{"ebooks/*", "read"}})));
}

void TestExpiryWarningService::cleanup()
{
    m_temp.reset();
}

QString TestExpiryWarningService::make(const QString& name, qint64 ttl, const QStringList& policies,
                                       bool marked, const QString& parent)
{
    TokenRequest request;
    request.displayName = name;
    request.policies = policies;
    request.ttl = ttl;
    request.warnBeforeExpiry = marked;
    request.parentAccessor = m_accessorOf.value(parent);
    auto created = engine().tokens().createToken(owner(), request);
    if (!created)
        qWarning("%s", qPrintable(errorText(created)));
    m_accessorOf.insert(name, created ? created->info.accessor : QString());
    return created ? created->info.accessor : QString();
}

QStringList TestExpiryWarningService::namesOf(const QList<ExpiringToken>& tokens) const
{
    QStringList names;
    for (const ExpiringToken& expiring : tokens)
        names.append(expiring.token.displayName);
    return names;
}

qint64 TestExpiryWarningService::markRows()
{
    auto lease = m_temp->store().acquire();
    if (!lease)
        return -1;
    return lease->db().queryInt("SELECT count(*) FROM expiry_warnings").valueOr(-1);
}

void TestExpiryWarningService::markedAndStaffTokensInsideTheWindowAreListedSoonestFirst()
{
    QVERIFY(!make(u"staff"_s, 3 * kDay, {u"desk-staff"_s}, false).isEmpty());
    QVERIFY(!make(u"marked patron"_s, 2 * kDay, {u"patron"_s}, true).isEmpty());
    QVERIFY(!make(u"patron"_s, 2 * kDay, {u"patron"_s}, false).isEmpty());
    QVERIFY(!make(u"marked later"_s, 20 * kDay, {u"patron"_s}, true).isEmpty());
    QVERIFY(!make(u"staff later"_s, 20 * kDay, {u"desk-staff"_s}, false).isEmpty());
    QVERIFY(!make(u"marked staff"_s, 5 * kDay, {u"desk-staff"_s}, true, u"staff"_s).isEmpty());

    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(namesOf(*listed), (QStringList{u"marked patron"_s, u"staff"_s, u"marked staff"_s}));
    QVERIFY(listed->at(0).marked);
    QVERIFY(!listed->at(0).staff);
    QVERIFY(!listed->at(1).marked);
    QVERIFY(listed->at(1).staff);
    QVERIFY(listed->at(2).marked && listed->at(2).staff);
    QCOMPARE(listed->at(2).parentName, u"staff"_s); // the desk knows its parent by name
    QVERIFY(listed->at(0).parentName.isEmpty());

    // A week later the later ones are inside the window; the earlier have expired.
    m_temp->clock().advanceSeconds(14 * kDay);
    auto later = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(later, qPrintable(errorText(later)));
    QCOMPARE(namesOf(*later), (QStringList{u"marked later"_s, u"staff later"_s}));
}

void TestExpiryWarningService::revokedTokensAreNotListed()
{
    const QString accessor = make(u"marked"_s, 2 * kDay, {u"patron"_s}, true);
    QVERIFY(!make(u"staff child"_s, 2 * kDay, {u"desk-staff"_s}, false).isEmpty());
    QVERIFY(!accessor.isEmpty());
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(accessor)));
    // Not purged yet: the rows are still there, marked revoked.
    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(namesOf(*listed), QStringList{u"staff child"_s});
}

void TestExpiryWarningService::markSurvivesReopeningTheStore()
{
    const QString accessor = make(u"marked"_s, 2 * kDay, {u"patron"_s}, true);
    const QString plain = make(u"plain"_s, 2 * kDay, {u"patron"_s}, false);
    QVERIFY(m_temp->reopen());
    auto marked = engine().tokens().lookup(owner(), TokenRef::accessor(accessor));
    QVERIFY2(marked, qPrintable(errorText(marked)));
    QVERIFY(marked->warnBeforeExpiry);
    auto unmarked = engine().tokens().lookup(owner(), TokenRef::accessor(plain));
    QVERIFY2(unmarked, qPrintable(errorText(unmarked)));
    QVERIFY(!unmarked->warnBeforeExpiry);
    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(namesOf(*listed), QStringList{u"marked"_s});
}

void TestExpiryWarningService::purgeDeletesTheMarkWithItsToken()
{
    const QString parent = make(u"parent"_s, 2 * kDay, {u"patron"_s}, true);
    QVERIFY(!make(u"child"_s, 2 * kDay, {u"patron"_s}, true, u"parent"_s).isEmpty());
    QVERIFY(!make(u"other"_s, 2 * kDay, {u"patron"_s}, true).isEmpty());
    QCOMPARE(markRows(), 3);
    QVERIFY(engine().tokens().revoke(owner(), TokenRef::accessor(parent)));
    auto purged = engine().tokens().purgeRevoked();
    QVERIFY2(purged, qPrintable(errorText(purged)));
    QCOMPARE(markRows(), 1);
}

void TestExpiryWarningService::revokeOrphanDeletesTheMark()
{
    const QString parent = make(u"parent"_s, 2 * kDay, {u"patron"_s}, true);
    QVERIFY(!make(u"child"_s, 2 * kDay, {u"patron"_s}, true, u"parent"_s).isEmpty());
    QVERIFY(engine().tokens().revokeOrphan(owner(), TokenRef::accessor(parent)));
    QVERIFY(engine().tokens().purgeRevoked());
    QCOMPARE(markRows(), 1);
    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(namesOf(*listed), QStringList{u"child"_s});
}

void TestExpiryWarningService::batchTokenCannotBeMarked()
{
    TokenRequest request;
    request.type = TokenType::Batch;
    request.policies = {u"patron"_s};
    request.ttl = kDay;
    request.warnBeforeExpiry = true;
    auto created = engine().tokens().createToken(owner(), request);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QVERIFY(created.error().message.contains(u"warn before expiry"_s));
    QCOMPARE(markRows(), 0);
}

void TestExpiryWarningService::staffRule_data()
{
    QTest::addColumn<QString>("document");
    QTest::addColumn<bool>("staff");

    QTest::newRow("creates tokens") << hcl({{"auth/token/create", "update"}}) << true;
    QTest::newRow("creates orphans") << hcl({{"auth/token/create-orphan", "create"}}) << true;
    QTest::newRow("creates through one role")
        << hcl({{"auth/token/create/desk", "create,update"}}) << true;
    QTest::newRow("sudo on create") << hcl({{"auth/token/*", "sudo"}}) << true;
    QTest::newRow("writes policies") << hcl({{"sys/policies/acl/*", "create,update"}}) << true;
    QTest::newRow("writes policies, old path") << hcl({{"sys/policy/+", "update"}}) << true;
    QTest::newRow("reads policies only") << hcl({{"sys/policies/acl/*", "read,list"}}) << false;
    QTest::newRow("looks up tokens") << hcl({{"auth/token/lookup", "update"}}) << false;
    QTest::newRow("reads e-books") << hcl({{"ebooks/*", "read"}}) << false;
    QTest::newRow("denied creation")
        << hcl({{"auth/token/*", "update"}, {"auth/token/create*", "deny"}}) << false;
}

void TestExpiryWarningService::staffRule()
{
    QFETCH(QString, document);
    QFETCH(bool, staff);
    Role role;
    role.name = u"desk"_s;
    QVERIFY(engine().admin().putRole(owner(), role));
    QVERIFY(engine().admin().putPolicy(owner(), u"probe"_s, document));
    QVERIFY(!make(u"probed"_s, 2 * kDay, {u"probe"_s}, false).isEmpty());
    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(listed->size(), staff ? 1 : 0);
}

void TestExpiryWarningService::rootTokenWithoutExpiryIsNotStaff()
{
    auto root = engine().tokens().createRootToken(owner());
    QVERIFY2(root, qPrintable(errorText(root)));
    QVERIFY(!root->info.expireAt);
    // Listed with an expiry, never without one.
    auto limitedRoot = make(u"root for a day"_s, kDay, {u"root"_s}, false);
    QVERIFY(!limitedRoot.isEmpty());
    auto listed = engine().expiryWarnings().expiring(owner(), kWeek);
    QVERIFY2(listed, qPrintable(errorText(listed)));
    QCOMPARE(namesOf(*listed), QStringList{u"root for a day"_s});
}

void TestExpiryWarningService::windowOutsideItsBoundsIsRefused()
{
    for (const qint64 within : {qint64(0), qint64(-kDay), 367 * kDay}) {
        auto listed = engine().expiryWarnings().expiring(owner(), within);
        QVERIFY(!listed);
        QCOMPARE(listed.error().code, ErrorCode::InvalidArgument);
    }
}

void TestExpiryWarningService::callerWithoutSudoIsRefused()
{
    auto actor = test::ownersActor(engine(), {u"desk-staff"_s});
    QVERIFY2(actor, qPrintable(errorText(actor)));
    auto listed = engine().expiryWarnings().expiring(actor->caller, kWeek);
    QVERIFY(!listed);
    QCOMPARE(listed.error().code, ErrorCode::PermissionDenied);
}

void TestExpiryWarningService::reissueRequestIssuesALikeToken()
{
    Role role;
    role.name = u"desk"_s;
    role.allowedPolicies = {u"patron"_s};
    QVERIFY(engine().admin().putRole(owner(), role));
    const QString parent = make(u"parent"_s, 10 * kDay, {u"desk-staff"_s, u"patron"_s}, false);
    TokenRequest request;
    request.displayName = u"Ada"_s;
    request.role = u"desk"_s;
    request.policies = {u"patron"_s};
    request.meta = {{u"patron_id"_s, u"P-7"_s}};
    request.ttl = 2 * kDay;
    request.numUses = 3;
    request.parentAccessor = parent;
    request.warnBeforeExpiry = true;
    auto original = engine().tokens().createToken(owner(), request);
    QVERIFY2(original, qPrintable(errorText(original)));

    m_temp->clock().advanceSeconds(kDay);
    auto again = engine().tokens().createToken(
        owner(), ExpiryWarningService::reissueRequest(original->info));
    QVERIFY2(again, qPrintable(errorText(again)));
    const Token& made = again->info;
    QVERIFY(made.accessor != original->info.accessor);
    QCOMPARE(made.role, u"desk"_s);
    QCOMPARE(made.policies, original->info.policies);
    QCOMPARE(made.meta, original->info.meta);
    QCOMPARE(made.displayName, u"Ada"_s);
    QCOMPARE(made.parentAccessor, parent);
    QCOMPARE(made.numUses, 3);
    QCOMPARE(made.creationTtl, 2 * kDay);
    QVERIFY(made.warnBeforeExpiry);
}

QTEST_GUILESS_MAIN(TestExpiryWarningService)
#include "tst_expirywarningservice.moc"
