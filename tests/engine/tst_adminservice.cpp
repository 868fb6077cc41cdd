#include "audit/AuditRecord.h"
#include "engine/Role.h"
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::Actor;
using tessera::test::errorText;
using tessera::test::hcl;
using tessera::test::TempEngine;

// Administration through AdminService: who may write policies and roles, what
// a written policy grants from then on, and the owner-only store operations.
class TestAdminService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void policyWriteNeedsCapabilityOnThatPolicysPath();
    void narrowedPolicyBindsExistingTokensAtOnce();
    void deletedPolicyGrantsNothing();
    void defaultPolicyCannotBeDeleted();
    void capabilitiesOfOwnTokenNeedOnlyTheDefaultPolicy();
    void capabilitiesOfAnotherTokenNeedSysCapabilities();
    void rootTokenHasRootCapabilities();
    void roleIsReadBackListedAndDeleted();
    void roleWriteIsRefusedWithoutCapability();
    void storeOperationsAreForTheOwnerOnly();
    void backupIsWrittenAndAudited();
    void freshStoreChecksClean();
    void exportRecordNeedsReadOnSysAudit();

private:
    TokenEngine& engine() { return m_temp->engine(); }
    Caller owner() const { return TempEngine::owner(); }
    Result<Actor> actor(const QStringList& policies)
    {
        return test::ownersActor(engine(), policies);
    }
    QStringList capabilitiesOf(const Caller& caller, const QString& path)
    {
        return engine().admin().capabilitiesOf(caller, TokenRef::self(), path).valueOr({});
    }

    std::unique_ptr<TempEngine> m_temp;
};

void TestAdminService::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(test::installTestPolicies(engine()));
    QVERIFY(engine().admin().putPolicy(owner(), u"ebooks-editor"_s,
                                       hcl({{"sys/policies/acl/ebooks", "create,update,read"}})));
}

void TestAdminService::cleanup()
{
    m_temp.reset();
}

void TestAdminService::policyWriteNeedsCapabilityOnThatPolicysPath()
{
    auto editor = actor({u"ebooks-editor"_s});
    QVERIFY2(editor, qPrintable(errorText(editor)));

    const Status own =
        engine().admin().putPolicy(editor->caller, u"ebooks"_s, hcl({{"ebooks/*", "read,list"}}));
    QVERIFY2(own, qPrintable(errorText(own)));
    const Status other =
        engine().admin().putPolicy(editor->caller, u"archive"_s, hcl({{"archive/*", "sudo"}}));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(engine().admin().policy(owner(), u"archive"_s).valueOr({}),
             test::testPolicies().value(u"archive"_s));
}

void TestAdminService::narrowedPolicyBindsExistingTokensAtOnce()
{
    auto patron = actor({u"ebooks"_s});
    QVERIFY2(patron, qPrintable(errorText(patron)));
    QCOMPARE(capabilitiesOf(patron->caller, u"ebooks/novel"_s), QStringList{u"read"_s});

    QSignalSpy changed(&engine(), &TokenEngine::policiesChanged);
    QVERIFY(engine().admin().putPolicy(owner(), u"ebooks"_s, hcl({{"ebooks/public/*", "read"}})));
    QCOMPARE(changed.count(), 1);

    QCOMPARE(capabilitiesOf(patron->caller, u"ebooks/novel"_s), QStringList{u"deny"_s});
    QCOMPARE(capabilitiesOf(patron->caller, u"ebooks/public/map"_s), QStringList{u"read"_s});
}

void TestAdminService::deletedPolicyGrantsNothing()
{
    auto patron = actor({u"wifi"_s});
    QVERIFY2(patron, qPrintable(errorText(patron)));
    QCOMPARE(capabilitiesOf(patron->caller, u"wifi"_s), QStringList{u"read"_s});

    QVERIFY(engine().admin().deletePolicy(owner(), u"wifi"_s));
    QCOMPARE(engine().admin().policy(owner(), u"wifi"_s).error().code, ErrorCode::NotFound);
    QVERIFY(!engine().admin().policyNames(owner()).valueOr({}).contains(u"wifi"_s));
    QCOMPARE(capabilitiesOf(patron->caller, u"wifi"_s), QStringList{u"deny"_s});
}

void TestAdminService::defaultPolicyCannotBeDeleted()
{
    const Status refused = engine().admin().deletePolicy(owner(), u"default"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    QVERIFY(engine().admin().policy(owner(), u"default"_s));
}

void TestAdminService::capabilitiesOfOwnTokenNeedOnlyTheDefaultPolicy()
{
    auto patron = actor({u"ebooks"_s});
    QVERIFY2(patron, qPrintable(errorText(patron)));
    auto own = engine().admin().capabilitiesOf(patron->caller, TokenRef::self(), u"archive/x"_s);
    QVERIFY2(own, qPrintable(errorText(own)));
    QCOMPARE(*own, QStringList{u"deny"_s});
}

void TestAdminService::capabilitiesOfAnotherTokenNeedSysCapabilities()
{
    auto patron = actor({u"ebooks"_s});
    auto other = actor({u"archive"_s});
    QVERIFY2(patron && other, "actors");

    auto refused = engine().admin().capabilitiesOf(
        patron->caller, TokenRef::accessor(other->info.accessor), u"archive/x"_s);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);

    auto asOwner = engine().admin().capabilitiesOf(
        owner(), TokenRef::accessor(other->info.accessor), u"archive/x"_s);
    QVERIFY2(asOwner, qPrintable(errorText(asOwner)));
    QCOMPARE(*asOwner, (QStringList{u"read"_s, u"list"_s}));
}

void TestAdminService::rootTokenHasRootCapabilities()
{
    auto root = test::rootActor(engine());
    QVERIFY2(root, qPrintable(errorText(root)));
    QCOMPARE(capabilitiesOf(root->caller, u"anything/at/all"_s), QStringList{u"root"_s});
}

void TestAdminService::roleIsReadBackListedAndDeleted()
{
    QSignalSpy changed(&engine(), &TokenEngine::rolesChanged);
    Role role;
    role.name = u"visitor"_s;
    role.allowedPolicies = {u"wifi"_s};
    role.renewable = false;
    QVERIFY(engine().admin().putRole(owner(), role));

    auto stored = engine().admin().role(owner(), u"visitor"_s);
    QVERIFY2(stored, qPrintable(errorText(stored)));
    QCOMPARE(stored->allowedPolicies, role.allowedPolicies);
    QCOMPARE(stored->renewable, false);
    QCOMPARE(engine().admin().roleNames(owner()).valueOr({}), QStringList{u"visitor"_s});

    QVERIFY(engine().admin().deleteRole(owner(), u"visitor"_s));
    QCOMPARE(engine().admin().role(owner(), u"visitor"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(changed.count(), 2);
}

void TestAdminService::roleWriteIsRefusedWithoutCapability()
{
    auto editor = actor({u"ebooks-editor"_s});
    QVERIFY2(editor, qPrintable(errorText(editor)));
    Role role;
    role.name = u"escalate"_s;
    const Status refused = engine().admin().putRole(editor->caller, role);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::PermissionDenied);
    QVERIFY(engine().admin().roleNames(owner()).valueOr({u"?"_s}).isEmpty());
}

void TestAdminService::storeOperationsAreForTheOwnerOnly()
{
    // Not even a root token: the store file is the desk's, not the API's.
    auto root = test::rootActor(engine());
    QVERIFY2(root, qPrintable(errorText(root)));
    const QString backup = m_temp->filePath(u"stolen.tessera"_s);

    QCOMPARE(engine().admin().backupTo(root->caller, backup).error().code,
             ErrorCode::PermissionDenied);
    QVERIFY(!QFile::exists(backup));
    QCOMPARE(engine().admin().changePassphrase(root->caller, "guessed").error().code,
             ErrorCode::PermissionDenied);
    QCOMPARE(engine().admin().checkStore(root->caller).error().code, ErrorCode::PermissionDenied);

    m_temp->close();
    QVERIFY2(m_temp->reopen(), "the passphrase must be unchanged");
}

void TestAdminService::backupIsWrittenAndAudited()
{
    const QString backup = m_temp->filePath(u"backup.tessera"_s);
    const Status written = engine().admin().backupTo(owner(), backup);
    QVERIFY2(written, qPrintable(errorText(written)));
    QVERIFY(QFile(backup).size() > 0);
    const QList<audit::AuditRecord> trail = test::auditTrail(engine());
    QVERIFY(std::any_of(trail.cbegin(), trail.cend(), [](const auto& record) {
        return record.operation == u"store.backup"_s && record.outcome == u"ok"_s;
    }));
}

void TestAdminService::freshStoreChecksClean()
{
    QVERIFY(engine().tokens().createToken(owner(), {}));
    auto problems = engine().admin().checkStore(owner());
    QVERIFY2(problems, qPrintable(errorText(problems)));
    QVERIFY2(problems->isEmpty(), qPrintable(problems->join(u'\n')));
}

void TestAdminService::exportRecordNeedsReadOnSysAudit()
{
    const QJsonObject details{{u"format"_s, u"csv"_s}, {u"records"_s, 12}};
    auto patron = actor({u"ebooks"_s});
    QVERIFY2(patron, qPrintable(errorText(patron)));
    QCOMPARE(engine().admin().recordExport(patron->caller, details).error().code,
             ErrorCode::PermissionDenied);

    QVERIFY(engine().admin().putPolicy(owner(), u"auditor"_s, hcl({{"sys/audit", "read"}})));
    auto auditor = actor({u"auditor"_s});
    QVERIFY2(auditor, qPrintable(errorText(auditor)));
    const Status recorded = engine().admin().recordExport(auditor->caller, details);
    QVERIFY2(recorded, qPrintable(errorText(recorded)));
    // Use records are batched: the export need not be the last record.
    const QList<audit::AuditRecord> trail = test::auditTrail(engine());
    const auto exported = std::find_if(trail.crbegin(), trail.crend(), [](const auto& record) {
        return record.operation == u"audit.export"_s;
    });
    QVERIFY(exported != trail.crend());
    QCOMPARE(exported->actor, auditor->info.accessor);
    QCOMPARE(exported->details, details);
}

QTEST_GUILESS_MAIN(TestAdminService)
#include "tst_adminservice.moc"
