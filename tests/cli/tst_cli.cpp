#include "core/DeskIdentity.h"
#include "engine/Base64Url.h"
#include "engine/TokenEngine.h"
#include "engine/WebAuthnCeremony.h"
#include "store/Store.h"
#include "support/CsvReader.h"
#include "support/FakeClock.h"
#include "support/Oathtool.h"
#include "support/SoftAuthenticator.h"
#include "support/TempStore.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using tessera::Result;
using tessera::Status;
using tessera::crypto::SignatureAlgorithm;
using tessera::engine::SecurityKey;
using tessera::engine::TokenEngine;
using tessera::test::FakeClock;
using tessera::test::parseCsv;
using tessera::test::SoftAuthenticator;
using tessera::test::TempStore;

namespace {

const QString kGateOrigin = QStringLiteral("https://library.example.org");

tessera::engine::RelyingParty library()
{
    return {QStringLiteral("library.example.org"), {kGateOrigin}, QStringLiteral("Tessera")};
}

// Adds `key` to alice's security keys as the gate's self-service page does.
Result<SecurityKey> registerKey(TokenEngine& engine, SoftAuthenticator& key, const QString& label)
{
    const auto owner = tessera::engine::Caller::storeOwner(QStringLiteral("test"));
    auto options =
        engine.securityKeys().registrationOptions(owner, QStringLiteral("alice"), library());
    TESSERA_TRY(options);
    auto response = tessera::engine::RegistrationResponse::fromJson(key.create(*options));
    TESSERA_TRY(response);
    return engine.securityKeys().registerKey(owner, QStringLiteral("alice"), label, library(),
                                             *response);
}

// Signs alice in with her password and then `key`, as the gate does.
Status signInWith(TokenEngine& engine, SoftAuthenticator& key, const QString& password)
{
    const QString client = QStringLiteral("test");
    auto first = engine.userpass().signIn(QStringLiteral("alice"), password, std::nullopt, client);
    TESSERA_TRY(first);
    if (!first->mfa)
        return tessera::Error::internal(QStringLiteral("no second step was asked for"));
    auto options = engine.userpass().keyOptions(first->mfa->requestId, library());
    TESSERA_TRY(options);
    auto assertion = tessera::engine::AssertionResponse::fromJson(key.get(*options));
    TESSERA_TRY(assertion);
    auto token = engine.userpass().validateMfa(first->mfa->requestId,
                                               {std::nullopt, *assertion, library()}, client);
    TESSERA_TRY(token);
    return {};
}

// How the CLI names a key: its credential id in base64url.
QString keyId(const QByteArray& credentialId)
{
    return QString::fromLatin1(tessera::engine::base64UrlEncode(credentialId));
}

QString isoTime(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC).toString(Qt::ISODate);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    QJsonArray jsonArray() const { return QJsonDocument::fromJson(out).array(); }
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err));
    }
};

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void helpAndVersionWorkForEveryCommand_data();
    void helpAndVersionWorkForEveryCommand();
    void unknownCommandOrOptionExitsOne();
    void initPrintsRootTokenOnceAsJson();
    void existingStoreIsNotOverwritten();
    void wrongPassphraseExitsTwoWithClearMessage();
    void missingStoreIsReportedBeforeAnyPrompt();
    void badDurationExitsOneAndChangesNothing_data();
    void badDurationExitsOneAndChangesNothing();
    void createAndLookupByAccessor();
    void passValidFromFirstUseShowsNotYetUsed();
    void tokenCanBeReadFromStdin();
    void expiringListsMarkedAndStaffTokensWithinTheWindow();
    void revokeRemovesSubtree();
    void revokeMatchingPreviewsThenRevokesWithYes();
    void revokeMatchingByRoleIssuerAndPeriod();
    void revokeMatchingBadInputChangesNothing_data();
    void revokeMatchingBadInputChangesNothing();
    void userImportPreviewsRefusesBadLinesAndWrites();
    void linkForADocumentAddressPrintsItsRedeemAddress();
    void linkBadInputExitsOneAndIssuesNothing_data();
    void linkBadInputExitsOneAndIssuesNothing();
    void treePrintsChildrenIndented();
    void policyAndRoleRoundTrip();
    void userWriteThenLoginPrintsToken();
    void userTotpEnableThenLoginNeedsTheCode();
    void userTotpBadInputChangesNothing();
    void userWriteSetsTheSecondFactorRequirement();
    void userWriteSetsWhetherKeysMustVerifyTheUser();
    void userKeyListOfAUserWithoutKeysSaysHowKeysAreAdded();
    void userKeyListShowsEachKeyAndRemoveTakesOneAway();
    void userKeyRemoveOfAnUnknownKeyChangesNothing();
    void auditVerifyReportsIntact();
    void auditVerifyNamesATamperedRecord();
    void auditExportCsvParses();
    void auditExportJsonLinesMatchesCsv();
    void auditReportWritesPdfCsvAndJsonLines();
    void auditReportOfOneRecordSaysRecord();
    void auditReportBadInputChangesNothing_data();
    void auditReportBadInputChangesNothing();
    void auditRedactRemovesPersonalDetailsAndVerifyStillPasses();
    void auditRedactBadDateChangesNothing_data();
    void auditRedactBadDateChangesNothing();
    void passphraseNeverAppearsInOutput();
    void storeBackupOpensWithSamePassphrase();
    void rekeyChangesThePassphrase();
    void demoBuildsALibrary();
    void demoHistoryWritesTheDaysBeforeToday();
    void demoHistoryRefusesAnExistingStore();
    void tokenBatchWritesSheetAndCsvOfTheBatch();
    void tokenBatchBadFlagsChangeNothing_data();
    void tokenBatchBadFlagsChangeNothing();

private:
    // alice with a password (in the returned file) and the ebooks policy.
    QString writeAlice();
    Run cli(const QStringList& arguments, const QByteArray& input = {}) const;
    // The role the batch tests issue from: one use, wifi-like "archives".
    bool writeClassVisitRole();
    // Every audit record so far (audit verify's count).
    qint64 auditRecordCount() const;
    // Runs against the temporary store with the right passphrase.
    Run onStore(QStringList arguments, const QByteArray& input = {}) const;
    QString createToken(const QStringList& extra);
    // State the CLI cannot make (adding a security key needs a browser):
    // `prepare` runs on an engine over the store's file, on a fake clock, and
    // the engine is closed before the CLI runs again.
    Status withEngine(const std::function<Status(TokenEngine&, FakeClock&)>& prepare);

    std::unique_ptr<TempStore> m_store;
    std::unique_ptr<QTemporaryDir> m_home;
    QString m_passphraseFile;
};

void TestCli::init()
{
    // Every test gets a fresh store (cheap KDF) and a private XDG home, so the
    // default store location is never the developer's own.
    m_store = std::make_unique<TempStore>();
    QVERIFY2(m_store->isValid(), qPrintable(m_store->errorMessage()));
    m_store->close();
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_passphraseFile = m_store->filePath(QStringLiteral("passphrase.txt"));
    QFile file(m_passphraseFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(TempStore::kPassphrase) + '\n');
}

bool TestCli::writeClassVisitRole()
{
    const Run role = onStore({QStringLiteral("role"), QStringLiteral("write"),
                              QStringLiteral("class-visit"), QStringLiteral("--uses"),
                              QStringLiteral("1"), QStringLiteral("--ttl"), QStringLiteral("4h")});
    if (role.exitCode != 0)
        qWarning().noquote() << role.describe();
    return role.exitCode == 0;
}

qint64 TestCli::auditRecordCount() const
{
    return onStore({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")})
        .json()
        .value(QStringLiteral("records_checked"))
        .toInteger();
}

void TestCli::cleanup()
{
    m_store.reset();
    m_home.reset();
}

Run TestCli::cli(const QStringList& arguments, const QByteArray& input) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("TESSERA_PASSPHRASE"));
    environment.remove(QStringLiteral("TESSERA_NEW_PASSPHRASE"));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_home->path());
    environment.insert(QStringLiteral("HOME"), m_home->path());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TESSERA_CLI_PATH), arguments);
    if (!process.waitForStarted())
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        process.kill();
    Run run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

Run TestCli::onStore(QStringList arguments, const QByteArray& input) const
{
    arguments << QStringLiteral("--store") << m_store->path() << QStringLiteral("--passphrase-file")
              << m_passphraseFile;
    return cli(arguments, input);
}

// Returns the new token's accessor (empty on failure, with a QTest failure recorded).
QString TestCli::createToken(const QStringList& extra)
{
    const Run run = onStore(
        QStringList{QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--json")} +
        extra);
    if (run.exitCode != 0) {
        qWarning().noquote() << run.describe();
        return {};
    }
    return run.json().value(QStringLiteral("accessor")).toString();
}

void TestCli::helpAndVersionWorkForEveryCommand_data()
{
    QTest::addColumn<QStringList>("words");
    const QStringList commands{
        QStringLiteral("init"),
        QStringLiteral("demo"),
        QStringLiteral("token create"),
        QStringLiteral("token create-root"),
        QStringLiteral("token lookup"),
        QStringLiteral("token renew"),
        QStringLiteral("token revoke"),
        QStringLiteral("token revoke-orphan"),
        QStringLiteral("token revoke-matching"),
        QStringLiteral("token tree"),
        QStringLiteral("token list"),
        QStringLiteral("token expiring"),
        QStringLiteral("token batch"),
        QStringLiteral("policy write"),
        QStringLiteral("policy read"),
        QStringLiteral("policy list"),
        QStringLiteral("policy delete"),
        QStringLiteral("role write"),
        QStringLiteral("role read"),
        QStringLiteral("role list"),
        QStringLiteral("role delete"),
        QStringLiteral("user write"),
        QStringLiteral("user read"),
        QStringLiteral("user list"),
        QStringLiteral("user delete"),
        QStringLiteral("user login"),
        QStringLiteral("user import"),
        QStringLiteral("audit verify"),
        QStringLiteral("audit export"),
        QStringLiteral("store rekey"),
        QStringLiteral("store backup"),
        QStringLiteral("store check"),
        QStringLiteral("audit redact"),
        QStringLiteral("user totp enable"),
        QStringLiteral("user totp disable"),
        QStringLiteral("user key list"),
        QStringLiteral("user key remove"),
    };
    for (const QString& command : commands)
        QTest::newRow(qPrintable(command)) << command.split(QLatin1Char(' '));
}

void TestCli::helpAndVersionWorkForEveryCommand()
{
    QFETCH(QStringList, words);
    const Run help = cli(words + QStringList{QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.startsWith("Usage: tessera-cli " + words.join(QLatin1Char(' ')).toUtf8()),
             help.out.constData());
    QVERIFY(help.out.contains("--help"));
    const Run version = cli(words + QStringList{QStringLiteral("--version")});
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith("tessera-cli "));
}

void TestCli::unknownCommandOrOptionExitsOne()
{
    const Run unknownCommand = cli({QStringLiteral("frobnicate")});
    QCOMPARE(unknownCommand.exitCode, 1);
    QVERIFY(unknownCommand.err.contains("frobnicate"));
    const Run unknownOption = onStore(
        {QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--no-such-flag")});
    QCOMPARE(unknownOption.exitCode, 1);
    QCOMPARE(unknownOption.err.count('\n'), 1);
    const Run missingArgument = onStore({QStringLiteral("token"), QStringLiteral("lookup")});
    QCOMPARE(missingArgument.exitCode, 1);
    const Run overview = cli({QStringLiteral("--help")});
    QCOMPARE(overview.exitCode, 0);
    QVERIFY(overview.out.contains("token revoke-orphan"));
}

void TestCli::initPrintsRootTokenOnceAsJson()
{
    // The one test that pays the production KDF: init always uses it.
    const QString path = m_home->filePath(QStringLiteral("nested/dir/library.store"));
    const Run run =
        cli({QStringLiteral("init"), QStringLiteral("--store"), path,
             QStringLiteral("--passphrase-file"), m_passphraseFile, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject json = run.json();
    const QString token = json.value(QStringLiteral("root_token")).toString();
    const QString accessor = json.value(QStringLiteral("accessor")).toString();
    QVERIFY2(token.startsWith(QLatin1String("tss.")), qPrintable(run.describe()));
    QVERIFY(!accessor.isEmpty());
    QCOMPARE(run.out.count(token.toUtf8()), 1);
    QVERIFY(!run.err.contains(token.toUtf8()));
    QVERIFY(QFile::exists(path));

    const Run lookup = cli({QStringLiteral("token"), QStringLiteral("lookup"), accessor,
                            QStringLiteral("--store"), path, QStringLiteral("--passphrase-file"),
                            m_passphraseFile, QStringLiteral("--json")});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    QCOMPARE(lookup.json().value(QStringLiteral("policies")).toArray(),
             QJsonArray{QStringLiteral("root")});
    QVERIFY2(!lookup.out.contains(token.toUtf8()), "the root token is shown at init only");
}

void TestCli::existingStoreIsNotOverwritten()
{
    QFile file(m_store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray before = file.readAll();
    file.close();

    const Run run = cli({QStringLiteral("init"), QStringLiteral("--store"), m_store->path(),
                         QStringLiteral("--passphrase-file"), m_passphraseFile});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("already exists"), run.err.constData());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestCli::wrongPassphraseExitsTwoWithClearMessage()
{
    const QByteArray wrong = "correct horse battery staple";
    const QString wrongFile = m_store->filePath(QStringLiteral("wrong.txt"));
    QFile file(wrongFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(wrong + '\n');
    file.close();

    const Run run = cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--store"),
                         m_store->path(), QStringLiteral("--passphrase-file"), wrongFile});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.toLower().contains("passphrase"), run.err.constData());
    QVERIFY(!run.err.contains(wrong));
}

void TestCli::missingStoreIsReportedBeforeAnyPrompt()
{
    // No passphrase source at all: the missing file must be the complaint.
    const Run run = cli({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--store"),
                         m_home->filePath(QStringLiteral("absent.store"))});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("tessera-cli init"), run.err.constData());
}

void TestCli::badDurationExitsOneAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("option");
    QTest::newRow("unknown unit") << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                                                 QStringLiteral("--ttl"), QStringLiteral("5x")}
                                  << QStringLiteral("--ttl");
    QTest::newRow("negative") << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                                             QStringLiteral("--ttl=-1h")}
                              << QStringLiteral("--ttl");
    QTest::newRow("weeks") << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                                          QStringLiteral("--explicit-max-ttl"),
                                          QStringLiteral("2w")}
                           << QStringLiteral("--explicit-max-ttl");
    QTest::newRow("period words") << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                                                 QStringLiteral("--period"),
                                                 QStringLiteral("one day")}
                                  << QStringLiteral("--period");
    QTest::newRow("activate within words")
        << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                       QStringLiteral("--activate-within"), QStringLiteral("next week")}
        << QStringLiteral("--activate-within");
    QTest::newRow("role ttl") << QStringList{QStringLiteral("role"), QStringLiteral("write"),
                                             QStringLiteral("desk"), QStringLiteral("--ttl"),
                                             QStringLiteral("1y")}
                              << QStringLiteral("--ttl");
    QTest::newRow("renew increment")
        << QStringList{QStringLiteral("token"), QStringLiteral("renew"),
                       QStringLiteral("someaccessor"), QStringLiteral("--increment"),
                       QStringLiteral("soon")}
        << QStringLiteral("--increment");
    QTest::newRow("uses") << QStringList{QStringLiteral("token"), QStringLiteral("create"),
                                         QStringLiteral("--uses"), QStringLiteral("-3")}
                          << QStringLiteral("--uses");
}

void TestCli::badDurationExitsOneAndChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, option);
    const Run auditBefore = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                                     QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(auditBefore.exitCode, 0);

    const Run run = onStore(arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QCOMPARE(run.err.count('\n'), 1);
    QVERIFY2(run.err.contains(option.toUtf8()), run.err.constData());

    const Run tokens =
        onStore({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(tokens.exitCode, 0);
    QCOMPARE(tokens.jsonArray().size(), 0);
    const Run roles =
        onStore({QStringLiteral("role"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(roles.jsonArray().size(), 0);
    const Run auditAfter = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                                    QStringLiteral("--format"), QStringLiteral("jsonl")});
    // Opening the store may itself be audited; no token or role operation may be.
    QVERIFY(!auditAfter.out.contains("\"token.create") && !auditAfter.out.contains("\"role."));
}

void TestCli::passValidFromFirstUseShowsNotYetUsed()
{
    const Run created =
        onStore({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--json"),
                 QStringLiteral("--ttl"), QStringLiteral("1h"), QStringLiteral("--activate-within"),
                 QStringLiteral("3d")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    const QString accessor = created.json().value(QStringLiteral("accessor")).toString();
    const Run lookup = onStore(
        {QStringLiteral("token"), QStringLiteral("lookup"), accessor, QStringLiteral("--json")});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    const QJsonObject found = lookup.json();
    QCOMPARE(found.value(QStringLiteral("not_yet_used")).toBool(), true);
    QCOMPARE(found.value(QStringLiteral("activate_by")).toString(),
             found.value(QStringLiteral("expire_time")).toString());
    QCOMPARE(found.value(QStringLiteral("creation_ttl")).toInteger(), 3600);
    QVERIFY(found.value(QStringLiteral("last_used_time")).isNull());
    const Run text = onStore({QStringLiteral("token"), QStringLiteral("lookup"), accessor});
    QVERIFY2(text.out.contains("not yet used"), text.out.constData());
    QVERIFY2(text.out.contains("last used") && text.out.contains("never"), text.out.constData());

    const Run tooLong = onStore({QStringLiteral("token"), QStringLiteral("create"),
                                 QStringLiteral("--ttl"), QStringLiteral("1h"),
                                 QStringLiteral("--activate-within"), QStringLiteral("400d")});
    QCOMPARE(tooLong.exitCode, 1);
    QVERIFY2(tooLong.err.contains("activate_within"), tooLong.err.constData());
    const Run tokens =
        onStore({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(tokens.jsonArray().size(), 1);
}

void TestCli::expiringListsMarkedAndStaffTokensWithinTheWindow()
{
    QVERIFY(onStore({QStringLiteral("policy"), QStringLiteral("write"), QStringLiteral("desk"),
                     QStringLiteral("-")},
                    "path \"auth/token/create\" {\n  capabilities = [\"update\"]\n}\n")
                .exitCode == 0);
    const QString marked = createToken({QStringLiteral("--ttl"), QStringLiteral("2d"),
                                        QStringLiteral("--display-name"), QStringLiteral("Ada"),
                                        QStringLiteral("--warn-before-expiry")});
    const QString staff = createToken({QStringLiteral("--ttl"), QStringLiteral("3d"),
                                       QStringLiteral("--policy"), QStringLiteral("desk"),
                                       QStringLiteral("--display-name"), QStringLiteral("Desk")});
    const QString plain = createToken({QStringLiteral("--ttl"), QStringLiteral("2d")});
    const QString later = createToken(
        {QStringLiteral("--ttl"), QStringLiteral("20d"), QStringLiteral("--warn-before-expiry")});
    QVERIFY(!marked.isEmpty() && !staff.isEmpty() && !plain.isEmpty() && !later.isEmpty());

    const Run json =
        onStore({QStringLiteral("token"), QStringLiteral("expiring"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonArray listed = json.jsonArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("accessor")).toString(), marked);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("marked")).toBool(), true);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("staff")).toBool(), false);
    QCOMPARE(listed.at(1).toObject().value(QStringLiteral("accessor")).toString(), staff);
    QCOMPARE(listed.at(1).toObject().value(QStringLiteral("staff")).toBool(), true);

    const Run wide = onStore({QStringLiteral("token"), QStringLiteral("expiring"),
                              QStringLiteral("--within"), QStringLiteral("30d")});
    QVERIFY2(wide.exitCode == 0, qPrintable(wide.describe()));
    QVERIFY(wide.out.contains(later.toUtf8()));
    QVERIFY(wide.out.contains("marked"));
    QVERIFY(!wide.out.contains(plain.toUtf8()));

    const Run none = onStore({QStringLiteral("token"), QStringLiteral("expiring"),
                              QStringLiteral("--within"), QStringLiteral("1h")});
    QVERIFY2(none.exitCode == 0, qPrintable(none.describe()));
    QVERIFY2(none.out.startsWith("No marked or staff token"), qPrintable(none.describe()));

    const Run bad = onStore({QStringLiteral("token"), QStringLiteral("expiring"),
                             QStringLiteral("--within"), QStringLiteral("soon")});
    QCOMPARE(bad.exitCode, 1);

    // The mark is part of the token's facts.
    const Run lookup = onStore(
        {QStringLiteral("token"), QStringLiteral("lookup"), marked, QStringLiteral("--json")});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    QCOMPARE(lookup.json().value(QStringLiteral("warn_before_expiry")).toBool(), true);
    const Run view = onStore({QStringLiteral("token"), QStringLiteral("lookup"), plain});
    QVERIFY(view.out.contains("warn before expiry"));
}

void TestCli::createAndLookupByAccessor()
{
    QVERIFY(onStore({QStringLiteral("policy"), QStringLiteral("write"), QStringLiteral("ebooks"),
                     QStringLiteral("-")},
                    "path \"ebooks/*\" {\n  capabilities = [\"read\"]\n}\n")
                .exitCode == 0);
    const Run created =
        onStore({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--json"),
                 QStringLiteral("--policy"), QStringLiteral("ebooks"), QStringLiteral("--ttl"),
                 QStringLiteral("2h30m"), QStringLiteral("--uses"), QStringLiteral("3"),
                 QStringLiteral("--display-name"), QStringLiteral("Amara Okafor"),
                 QStringLiteral("--meta"), QStringLiteral("patron_id=P-100042"),
                 QStringLiteral("--meta"), QStringLiteral("purpose=thesis, chapter 2")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    const QJsonObject info = created.json();
    const QString token = info.value(QStringLiteral("token")).toString();
    const QString accessor = info.value(QStringLiteral("accessor")).toString();
    QVERIFY(token.startsWith(QLatin1String("tss.")));
    QCOMPARE(info.value(QStringLiteral("creation_ttl")).toInteger(), 9000);

    const Run lookup = onStore(
        {QStringLiteral("token"), QStringLiteral("lookup"), accessor, QStringLiteral("--json")});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    const QJsonObject found = lookup.json();
    QCOMPARE(found.value(QStringLiteral("accessor")).toString(), accessor);
    QCOMPARE(found.value(QStringLiteral("display_name")).toString(),
             QStringLiteral("Amara Okafor"));
    QCOMPARE(found.value(QStringLiteral("policies")).toArray(),
             (QJsonArray{QStringLiteral("default"), QStringLiteral("ebooks")}));
    QCOMPARE(found.value(QStringLiteral("num_uses")).toInt(), 3);
    QCOMPARE(
        found.value(QStringLiteral("meta")).toObject().value(QStringLiteral("purpose")).toString(),
        QStringLiteral("thesis, chapter 2"));
    QVERIFY(found.value(QStringLiteral("ttl")).toInteger() > 9000 - 60);
    QVERIFY2(!lookup.out.contains(token.toUtf8()), "lookup never shows the token");

    // The token itself names the same token; the text output shows the facts.
    const Run byToken = onStore({QStringLiteral("token"), QStringLiteral("lookup"), token});
    QVERIFY2(byToken.exitCode == 0, qPrintable(byToken.describe()));
    QVERIFY(byToken.out.contains(accessor.toUtf8()));
    QVERIFY(byToken.out.contains("P-100042"));
    QVERIFY(!byToken.out.contains(token.toUtf8()));

    const Run unknown = onStore({QStringLiteral("token"), QStringLiteral("lookup"),
                                 QStringLiteral("nosuchaccessor0000000000")});
    QCOMPARE(unknown.exitCode, 2);
}

void TestCli::tokenCanBeReadFromStdin()
{
    const Run created = onStore(
        {QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--token-only")});
    QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
    const QByteArray token = created.out.trimmed();
    QVERIFY(token.startsWith("tss."));
    const Run lookup = onStore({QStringLiteral("token"), QStringLiteral("lookup"),
                                QStringLiteral("-"), QStringLiteral("--json")},
                               token + '\n');
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    QVERIFY(!lookup.json().value(QStringLiteral("accessor")).toString().isEmpty());
}

void TestCli::revokeRemovesSubtree()
{
    const QString parent = createToken({QStringLiteral("--display-name"), QStringLiteral("desk")});
    QVERIFY(!parent.isEmpty());
    const QString child = createToken({QStringLiteral("--parent"), parent});
    const QString grandchild = createToken({QStringLiteral("--parent"), child});
    const QString bystander =
        createToken({QStringLiteral("--display-name"), QStringLiteral("other desk")});
    QVERIFY(!grandchild.isEmpty() && !bystander.isEmpty());

    const Run dryRun = onStore(
        {QStringLiteral("token"), QStringLiteral("revoke"), parent, QStringLiteral("--dry-run")});
    QVERIFY2(dryRun.out.contains("Would revoke 3 tokens"), qPrintable(dryRun.describe()));

    const Run revoked = onStore({QStringLiteral("token"), QStringLiteral("revoke"), parent});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
    QVERIFY2(revoked.out.contains("Revoked 3 tokens"), revoked.out.constData());

    for (const QString& gone : {parent, child, grandchild}) {
        const Run lookup = onStore({QStringLiteral("token"), QStringLiteral("lookup"), gone});
        QCOMPARE(lookup.exitCode, 2);
    }
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), bystander}).exitCode, 0);

    // Revoking what is already gone is not an error.
    const Run again = onStore({QStringLiteral("token"), QStringLiteral("revoke"), parent});
    QCOMPARE(again.exitCode, 0);
}

void TestCli::revokeMatchingPreviewsThenRevokesWithYes()
{
    const QString desk = createToken({QStringLiteral("--meta"), QStringLiteral("patron_id=P-1")});
    QVERIFY(!desk.isEmpty());
    const QString child = createToken({QStringLiteral("--parent"), desk});
    const QString wifi = createToken({QStringLiteral("--meta"), QStringLiteral("patron_id=P-1")});
    const QString other = createToken({QStringLiteral("--meta"), QStringLiteral("patron_id=P-2")});
    QVERIFY(!child.isEmpty() && !wifi.isEmpty() && !other.isEmpty());
    const QStringList byPatron{QStringLiteral("token"), QStringLiteral("revoke-matching"),
                               QStringLiteral("--patron"), QStringLiteral("P-1")};

    const Run text = onStore(byPatron + QStringList{QStringLiteral("--dry-run")});
    QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
    QVERIFY2(text.out.contains("2 tokens match; 3 in all with their children."),
             text.out.constData());
    QVERIFY(text.out.contains(desk.toUtf8()) && text.out.contains(wifi.toUtf8()));
    const Run json =
        onStore(byPatron + QStringList{QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QCOMPARE(json.json().value(QStringLiteral("matched")).toInt(), 2);
    QCOMPARE(json.json().value(QStringLiteral("would_revoke")).toInt(), 3);
    const QJsonArray first = json.json().value(QStringLiteral("first")).toArray();
    QCOMPARE(first.size(), 2);
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("accessor")).toString(), desk);
    QCOMPARE(first.at(0).toObject().value(QStringLiteral("descendants")).toInt(), 1);

    // Not a terminal and no --yes: refused, nothing revoked.
    const Run refused = onStore(byPatron, "3\n");
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("--yes"), refused.err.constData());
    for (const QString& accessor : {desk, child, wifi, other})
        QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), accessor}).exitCode,
                 0);

    const Run revoked =
        onStore(byPatron + QStringList{QStringLiteral("--yes"), QStringLiteral("--json")});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
    QCOMPARE(revoked.json().value(QStringLiteral("matched")).toInt(), 2);
    QCOMPARE(revoked.json().value(QStringLiteral("count")).toInt(), 3);
    for (const QString& gone : {desk, child, wifi})
        QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), gone}).exitCode, 2);
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), other}).exitCode, 0);

    const Run audit = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                               QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(audit.out.count("\"token.revoke-matching\""), 1);

    const Run again = onStore(byPatron + QStringList{QStringLiteral("--yes")});
    QCOMPARE(again.exitCode, 0);
    QVERIFY2(again.out.contains("Nothing to revoke"), again.out.constData());
}

void TestCli::userImportPreviewsRefusesBadLinesAndWrites()
{
    QVERIFY(onStore({QStringLiteral("role"), QStringLiteral("write"), QStringLiteral("adult")})
                .exitCode == 0);
    const QString bad = m_store->filePath(QStringLiteral("bad.csv"));
    const QString good = m_store->filePath(QStringLiteral("good.csv"));
    for (const auto& [path, text] :
         {std::pair{bad, QByteArray("card_number,name,email,role\n"
                                    "P1,\"Doe,\nJo\",jo@example.org,adult\n"
                                    "P2,Two,x@,adult\n"
                                    "P3,Three,,nite\n")},
          std::pair{good, QByteArray("card_number,name,email,role,metadata\n"
                                     "P1,One,one@example.org,adult,branch=north\n"
                                     "P2,Two,,adult,\n")}}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text);
    }
    const QStringList import{QStringLiteral("user"), QStringLiteral("import")};
    const Run refused = onStore(import + QStringList{bad});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.out.contains("1 new, 0 to update, 2 bad line(s)."), refused.out.constData());
    QVERIFY2(refused.out.contains("line 4: e-mail \"x@\" is not an address"),
             refused.out.constData());
    QVERIFY2(refused.out.contains("line 5: unknown role \"nite\""), refused.out.constData());
    const Run none = onStore({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(!none.out.contains("p1"), none.out.constData());

    const Run dryRun =
        onStore(import + QStringList{good, QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QVERIFY2(dryRun.exitCode == 0, qPrintable(dryRun.describe()));
    QCOMPARE(dryRun.json().value(QStringLiteral("create")).toInt(), 2);
    QCOMPARE(dryRun.json().value(QStringLiteral("written")).toBool(), false);

    const Run written = onStore(import + QStringList{good});
    QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    QVERIFY2(written.out.contains("Imported: 2 new, 0 updated."), written.out.constData());
    const Run again = onStore(import + QStringList{good, QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, qPrintable(again.describe()));
    QCOMPARE(again.json().value(QStringLiteral("update")).toInt(), 2);
    const Run users = onStore({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(users.out.contains("p1") && users.out.contains("p2"), users.out.constData());
}

void TestCli::revokeMatchingByRoleIssuerAndPeriod()
{
    QVERIFY(onStore({QStringLiteral("role"), QStringLiteral("write"), QStringLiteral("desk")})
                .exitCode == 0);
    const QString deskToken = createToken({QStringLiteral("--role"), QStringLiteral("desk")});
    const QString plain = createToken({});
    QVERIFY(!deskToken.isEmpty() && !plain.isEmpty());
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString tomorrow =
        QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);

    // Created tomorrow or later: nothing.
    const Run future = onStore({QStringLiteral("token"), QStringLiteral("revoke-matching"),
                                QStringLiteral("--created-after"), tomorrow,
                                QStringLiteral("--dry-run"), QStringLiteral("--json")});
    QVERIFY2(future.exitCode == 0, qPrintable(future.describe()));
    QCOMPARE(future.json().value(QStringLiteral("matched")).toInt(), 0);

    // The CLI issued both; only one has the role.
    const Run revoked = onStore(
        {QStringLiteral("token"), QStringLiteral("revoke-matching"), QStringLiteral("--issued-by"),
         QStringLiteral("cli"), QStringLiteral("--role"), QStringLiteral("desk"),
         QStringLiteral("--created-after"), today, QStringLiteral("--created-before"),
         tomorrow + QStringLiteral("T00:00:00Z"), QStringLiteral("--yes")});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.describe()));
    QVERIFY2(revoked.out.contains("Revoked 1 token: 1 matched"), revoked.out.constData());
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), deskToken}).exitCode, 2);
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), plain}).exitCode, 0);
}

void TestCli::revokeMatchingBadInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("named"); // in the one-line error
    QTest::newRow("no filter") << QStringList{QStringLiteral("--yes")}
                               << QStringLiteral("at least one filter");
    QTest::newRow("no filter, dry run")
        << QStringList{QStringLiteral("--dry-run")} << QStringLiteral("at least one filter");
    QTest::newRow("month 13") << QStringList{QStringLiteral("--created-after"),
                                             QStringLiteral("2026-13-01"), QStringLiteral("--yes")}
                              << QStringLiteral("--created-after");
    QTest::newRow("words") << QStringList{QStringLiteral("--created-before"),
                                          QStringLiteral("yesterday"), QStringLiteral("--yes")}
                           << QStringLiteral("--created-before");
    QTest::newRow("empty period") << QStringList{QStringLiteral("--created-after"),
                                                 QStringLiteral("2026-03-02"),
                                                 QStringLiteral("--created-before"),
                                                 QStringLiteral("2026-03-01"),
                                                 QStringLiteral("--yes")}
                                  << QStringLiteral("period is empty");
    QTest::newRow("blank patron") << QStringList{QStringLiteral("--patron="),
                                                 QStringLiteral("--yes")}
                                  << QStringLiteral("--patron");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--patron"), QStringLiteral("P-1"),
                                                 QStringLiteral("--everything")}
                                  << QStringLiteral("everything");
}

void TestCli::revokeMatchingBadInputChangesNothing()
{
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    const QString token = createToken({QStringLiteral("--meta"), QStringLiteral("patron_id=P-1")});
    QVERIFY(!token.isEmpty());
    const Run run =
        onStore(QStringList{QStringLiteral("token"), QStringLiteral("revoke-matching")} + options);
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(named.toUtf8()), run.err.constData());
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("lookup"), token}).exitCode, 0);
}

void TestCli::linkForADocumentAddressPrintsItsRedeemAddress()
{
    const Run run =
        onStore({QStringLiteral("token"), QStringLiteral("link"), QStringLiteral("--url"),
                 QStringLiteral("https://journal.example.org/articles/42/"),
                 QStringLiteral("--ttl"), QStringLiteral("1h"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject link = run.json();
    QVERIFY2(link.value(QStringLiteral("url"))
                 .toString()
                 .startsWith(QStringLiteral("https://journal.example.org/gate/redeem?t=tss.")),
             qPrintable(run.describe()));
    QCOMPARE(link.value(QStringLiteral("document")).toString(),
             QStringLiteral("gate/journal.example.org/articles/42/"));
    const Run lookup =
        onStore({QStringLiteral("token"), QStringLiteral("lookup"),
                 link.value(QStringLiteral("accessor")).toString(), QStringLiteral("--json")});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    QCOMPARE(lookup.json().value(QStringLiteral("num_uses")).toInt(), 1);
}

void TestCli::linkBadInputExitsOneAndIssuesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString url = QStringLiteral("--url");
    const QString path = QStringLiteral("--path");
    QTest::newRow("no document") << QStringList{} << QStringLiteral("either --url");
    QTest::newRow("both") << QStringList{url, QStringLiteral("https://a.example/x"), path,
                                         QStringLiteral("gate/a.example/x")}
                          << QStringLiteral("either --url");
    QTest::newRow("not a web address")
        << QStringList{url, QStringLiteral("ftp://a.example/x")} << QStringLiteral("http or https");
    QTest::newRow("encoded slash") << QStringList{url, QStringLiteral("https://a.example/a%2Fb")}
                                   << QStringLiteral("encoded slash");
    QTest::newRow("site with a url")
        << QStringList{url, QStringLiteral("https://a.example/x"), QStringLiteral("--base-url"),
                       QStringLiteral("https://b.example")}
        << QStringLiteral("--base-url goes with --path");
    QTest::newRow("not a gate path")
        << QStringList{path, QStringLiteral("sys/policies")} << QStringLiteral("gate/HOST/PATH");
}

void TestCli::linkBadInputExitsOneAndIssuesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const auto creations = [this] {
        return onStore({QStringLiteral("audit"), QStringLiteral("export"),
                        QStringLiteral("--format"), QStringLiteral("jsonl")})
            .out.count("token.create");
    };
    const qsizetype before = creations();
    const Run run =
        onStore(QStringList{QStringLiteral("token"), QStringLiteral("link")} + arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message.toUtf8()), qPrintable(run.describe()));
    QCOMPARE(creations(), before);
}

void TestCli::treePrintsChildrenIndented()
{
    const QString desk =
        createToken({QStringLiteral("--display-name"), QStringLiteral("Circulation desk")});
    const QString shift =
        createToken({QStringLiteral("--parent"), desk, QStringLiteral("--display-name"),
                     QStringLiteral("Morning shift")});
    const QString patron = createToken(
        {QStringLiteral("--parent"), shift, QStringLiteral("--display-name"),
         QStringLiteral("Kwame Mensah"), QStringLiteral("--uses"), QStringLiteral("2")});
    const QString other =
        createToken({QStringLiteral("--parent"), desk, QStringLiteral("--display-name"),
                     QStringLiteral("Evening shift")});
    QVERIFY(!patron.isEmpty() && !other.isEmpty());

    const Run tree = onStore({QStringLiteral("token"), QStringLiteral("tree"), desk});
    QVERIFY2(tree.exitCode == 0, qPrintable(tree.describe()));
    const QStringList lines =
        QString::fromUtf8(tree.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines.at(0).startsWith(QLatin1String("Circulation desk  ") + desk));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("├── Morning shift  ") + shift),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(QStringLiteral("│   └── Kwame Mensah  ") + patron),
             qPrintable(lines.at(2)));
    QVERIFY(lines.at(2).contains(QLatin1String("2 uses left")));
    QVERIFY(lines.at(2).contains(QLatin1String("service")));
    QVERIFY2(lines.at(3).startsWith(QStringLiteral("└── Evening shift  ") + other),
             qPrintable(lines.at(3)));

    const Run shallow = onStore({QStringLiteral("token"), QStringLiteral("tree"), desk,
                                 QStringLiteral("--depth"), QStringLiteral("1")});
    QVERIFY(!shallow.out.contains("Kwame Mensah"));
    QVERIFY2(shallow.out.contains("(+1 below)"), shallow.out.constData());

    const Run json =
        onStore({QStringLiteral("token"), QStringLiteral("tree"), desk, QStringLiteral("--json")});
    const QJsonArray children =
        json.jsonArray().at(0).toObject().value(QStringLiteral("children")).toArray();
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(0).toObject().value(QStringLiteral("children")).toArray().size(), 1);
}

void TestCli::policyAndRoleRoundTrip()
{
    const Run badPolicy = onStore({QStringLiteral("policy"), QStringLiteral("write"),
                                   QStringLiteral("broken"), QStringLiteral("-")},
                                  "path \"x/*\" { capabilities = [\"reed\"] }\n");
    QCOMPARE(badPolicy.exitCode, 1);
    for (const QString& name : {QStringLiteral("."), QStringLiteral(".."), QStringLiteral("...")}) {
        const Run dots =
            onStore({QStringLiteral("policy"), QStringLiteral("write"), name, QStringLiteral("-")},
                    "path \"x/*\" { capabilities = [\"read\"] }\n");
        QVERIFY2(dots.exitCode == 1, qPrintable(dots.describe()));
    }
    QVERIFY(onStore({QStringLiteral("policy"), QStringLiteral("write"), QStringLiteral("archives"),
                     QStringLiteral("-")},
                    "path \"archives/*\" { capabilities = [\"read\", \"list\"] }\n")
                .exitCode == 0);
    const Run read =
        onStore({QStringLiteral("policy"), QStringLiteral("read"), QStringLiteral("archives")});
    QVERIFY(read.out.contains("archives/*"));
    const Run role = onStore(
        {QStringLiteral("role"), QStringLiteral("write"), QStringLiteral("one-time-archive-entry"),
         QStringLiteral("--allowed-policies"), QStringLiteral("archives"), QStringLiteral("--uses"),
         QStringLiteral("1"), QStringLiteral("--ttl"), QStringLiteral("8h")});
    QVERIFY2(role.exitCode == 0, qPrintable(role.describe()));
    const Run roleRead =
        onStore({QStringLiteral("role"), QStringLiteral("read"),
                 QStringLiteral("one-time-archive-entry"), QStringLiteral("--json")});
    QCOMPARE(roleRead.json().value(QStringLiteral("token_num_uses")).toInt(), 1);
    QCOMPARE(roleRead.json().value(QStringLiteral("token_ttl")).toInteger(), 8 * 3600);

    const Run issued =
        onStore({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--role"),
                 QStringLiteral("one-time-archive-entry"), QStringLiteral("--json")});
    QVERIFY2(issued.exitCode == 0, qPrintable(issued.describe()));
    QCOMPARE(issued.json().value(QStringLiteral("num_uses")).toInt(), 1);
    QVERIFY(issued.json()
                .value(QStringLiteral("policies"))
                .toArray()
                .contains(QStringLiteral("archives")));

    QCOMPARE(onStore({QStringLiteral("role"), QStringLiteral("delete"),
                      QStringLiteral("one-time-archive-entry")})
                 .exitCode,
             0);
    QCOMPARE(onStore({QStringLiteral("role"), QStringLiteral("read"),
                      QStringLiteral("one-time-archive-entry")})
                 .exitCode,
             2);
}

void TestCli::userWriteThenLoginPrintsToken()
{
    QVERIFY(onStore({QStringLiteral("policy"), QStringLiteral("write"), QStringLiteral("ebooks"),
                     QStringLiteral("-")},
                    "path \"ebooks/*\" { capabilities = [\"read\"] }\n")
                .exitCode == 0);
    const QString passwordFile = m_store->filePath(QStringLiteral("alice-password.txt"));
    QFile file(passwordFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("reading is magic\n");
    file.close();

    const Run written =
        onStore({QStringLiteral("user"), QStringLiteral("write"), QStringLiteral("Alice"),
                 QStringLiteral("--policies"), QStringLiteral("ebooks"), QStringLiteral("--ttl"),
                 QStringLiteral("1h"), QStringLiteral("--password-file"), passwordFile});
    QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    const Run read = onStore({QStringLiteral("user"), QStringLiteral("read"),
                              QStringLiteral("alice"), QStringLiteral("--json")});
    QVERIFY2(read.exitCode == 0, qPrintable(read.describe()));
    QCOMPARE(read.json().value(QStringLiteral("token_ttl")).toInteger(), 3600);
    QVERIFY(!read.out.contains("reading is magic"));

    const Run login =
        onStore({QStringLiteral("user"), QStringLiteral("login"), QStringLiteral("alice"),
                 QStringLiteral("--password-file"), passwordFile, QStringLiteral("--json")});
    QVERIFY2(login.exitCode == 0, qPrintable(login.describe()));
    QVERIFY(
        login.json().value(QStringLiteral("token")).toString().startsWith(QLatin1String("tss.")));
    QVERIFY(login.json()
                .value(QStringLiteral("policies"))
                .toArray()
                .contains(QStringLiteral("ebooks")));
    QVERIFY(!login.out.contains("reading is magic"));

    const Run wrong =
        onStore({QStringLiteral("user"), QStringLiteral("login"), QStringLiteral("alice"),
                 QStringLiteral("--password-file"), m_passphraseFile});
    QCOMPARE(wrong.exitCode, 2); // refused, like a wrong passphrase
    QVERIFY(wrong.out.isEmpty());
    QVERIFY(!wrong.err.contains(TempStore::kPassphrase));
}

QString TestCli::writeAlice()
{
    const QString passwordFile = m_store->filePath(QStringLiteral("alice-password.txt"));
    QFile file(passwordFile);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("reading is magic\n");
    file.close();
    const Run written =
        onStore({QStringLiteral("user"), QStringLiteral("write"), QStringLiteral("alice"),
                 QStringLiteral("--password-file"), passwordFile});
    return written.exitCode == 0 ? passwordFile : QString();
}

void TestCli::userTotpEnableThenLoginNeedsTheCode()
{
    const QString passwordFile = writeAlice();
    QVERIFY(!passwordFile.isEmpty());
    const Run enabled =
        onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("enable"),
                 QStringLiteral("alice"), QStringLiteral("--json")});
    QVERIFY2(enabled.exitCode == 0, qPrintable(enabled.describe()));
    const QString secret = enabled.json().value(QStringLiteral("secret")).toString();
    QCOMPARE(secret.size(), 32);
    QCOMPARE(enabled.json().value(QStringLiteral("otpauth_url")).toString(),
             QStringLiteral("otpauth://totp/Tessera:alice?secret=%1&issuer=Tessera").arg(secret));
    const Run read = onStore({QStringLiteral("user"), QStringLiteral("read"),
                              QStringLiteral("alice"), QStringLiteral("--json")});
    QCOMPARE(read.json().value(QStringLiteral("totp")).toString(), QStringLiteral("on"));
    QVERIFY(!read.out.contains(secret.toLatin1()));
    // Never shown again: a second enable is refused.
    const Run again = onStore({QStringLiteral("user"), QStringLiteral("totp"),
                               QStringLiteral("enable"), QStringLiteral("alice")});
    QCOMPARE(again.exitCode, 2);
    QVERIFY(!again.out.contains(secret.toLatin1()) && !again.err.contains(secret.toLatin1()));

    const QStringList login{QStringLiteral("user"),
                            QStringLiteral("login"),
                            QStringLiteral("alice"),
                            QStringLiteral("--password-file"),
                            passwordFile,
                            QStringLiteral("--json")};
    // The password alone, without a terminal to ask for the code on: refused.
    const Run noCode = onStore(login);
    QCOMPARE(noCode.exitCode, 1);
    QVERIFY(noCode.out.isEmpty());
    QVERIFY2(noCode.err.contains("TOTP code"), noCode.err.constData());

    // The CLI reads the system clock, and so does oathtool without --now.
    const QString code = tessera::test::oathtoolCode(secret);
    if (code.isEmpty())
        QSKIP(tessera::test::kOathtoolMissing);
    const Run withCode = onStore(login + QStringList{QStringLiteral("--code"), code});
    QVERIFY2(withCode.exitCode == 0, qPrintable(withCode.describe()));
    QVERIFY(withCode.json().value(QStringLiteral("token")).toString().startsWith(u"tss."));
    // The same code again: refused (each code counts once).
    const Run replayed = onStore(login + QStringList{QStringLiteral("--code"), code});
    QCOMPARE(replayed.exitCode, 2);
    QVERIFY(!replayed.err.contains(code.toLatin1()));

    const Run disabled = onStore({QStringLiteral("user"), QStringLiteral("totp"),
                                  QStringLiteral("disable"), QStringLiteral("alice")});
    QVERIFY2(disabled.exitCode == 0, qPrintable(disabled.describe()));
    QCOMPARE(onStore(login).exitCode, 0);
}

void TestCli::userTotpBadInputChangesNothing()
{
    const QString passwordFile = writeAlice();
    QVERIFY(!passwordFile.isEmpty());
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("totp")}).exitCode, 1);
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("rotate"),
                      QStringLiteral("alice")})
                 .exitCode,
             1);
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("enable")})
                 .exitCode,
             1);
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("enable"),
                      QStringLiteral("nobody")})
                 .exitCode,
             2);
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("disable"),
                      QStringLiteral("alice")})
                 .exitCode,
             2);
    QVERIFY(onStore({QStringLiteral("user"), QStringLiteral("totp"), QStringLiteral("enable"),
                     QStringLiteral("alice")})
                .exitCode == 0);
    // A malformed code is refused before the store is touched: no failed login counted.
    const Run badCode = onStore({QStringLiteral("user"), QStringLiteral("login"),
                                 QStringLiteral("alice"), QStringLiteral("--password-file"),
                                 passwordFile, QStringLiteral("--code"), QStringLiteral("12ab56")});
    QCOMPARE(badCode.exitCode, 1);
    QVERIFY(badCode.err.contains("digits"));
    const Run read = onStore({QStringLiteral("user"), QStringLiteral("read"),
                              QStringLiteral("alice"), QStringLiteral("--json")});
    QCOMPARE(read.json().value(QStringLiteral("failed_logins")).toInt(), 0);
}

void TestCli::userWriteSetsTheSecondFactorRequirement()
{
    const QString passwordFile = writeAlice();
    QVERIFY(!passwordFile.isEmpty());
    const QString option = QStringLiteral("--second-factor-required");
    const QStringList write{QStringLiteral("user"), QStringLiteral("write"),
                            QStringLiteral("alice")};
    const QStringList read{QStringLiteral("user"), QStringLiteral("read"), QStringLiteral("alice"),
                           QStringLiteral("--json")};
    const QStringList login{QStringLiteral("user"), QStringLiteral("login"),
                            QStringLiteral("alice"), QStringLiteral("--password-file"),
                            passwordFile};
    const auto requirement = [&] {
        return onStore(read).json().value(QStringLiteral("second_factor_required")).toString();
    };
    QCOMPARE(requirement(), QStringLiteral("none"));

    const Run written = onStore(write + QStringList{option, QStringLiteral("totp")});
    QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    QCOMPARE(requirement(), QStringLiteral("totp"));
    const Run table =
        onStore({QStringLiteral("user"), QStringLiteral("read"), QStringLiteral("alice")});
    QVERIFY2(table.out.contains("second factor required"), table.out.constData());
    // No authenticator app yet: the right password is refused, saying why.
    const Run refused = onStore(login);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("authenticator app"), refused.err.constData());

    // Rewriting other settings keeps it; a wrong name changes nothing.
    QVERIFY(onStore(write + QStringList{QStringLiteral("--ttl"), QStringLiteral("1h")}).exitCode ==
            0);
    QCOMPARE(requirement(), QStringLiteral("totp"));
    const Run bad = onStore(write + QStringList{option, QStringLiteral("sms")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("second_factor_required must be one of"), bad.err.constData());
    QCOMPARE(requirement(), QStringLiteral("totp"));

    QVERIFY(onStore(write + QStringList{option, QStringLiteral("none")}).exitCode == 0);
    QCOMPARE(onStore(login).exitCode, 0);
}

void TestCli::userWriteSetsWhetherKeysMustVerifyTheUser()
{
    QVERIFY(!writeAlice().isEmpty());
    const QString option = QStringLiteral("--key-user-verification");
    const QStringList write{QStringLiteral("user"), QStringLiteral("write"),
                            QStringLiteral("alice")};
    const auto setting = [&] {
        return onStore({QStringLiteral("user"), QStringLiteral("read"), QStringLiteral("alice"),
                        QStringLiteral("--json")})
            .json()
            .value(QStringLiteral("webauthn_user_verification"))
            .toString();
    };
    QCOMPARE(setting(), QStringLiteral("preferred"));
    const Run written = onStore(write + QStringList{option, QStringLiteral("required")});
    QVERIFY2(written.exitCode == 0, qPrintable(written.describe()));
    QCOMPARE(setting(), QStringLiteral("required"));
    QVERIFY(onStore(write + QStringList{QStringLiteral("--ttl"), QStringLiteral("1h")}).exitCode ==
            0);
    QCOMPARE(setting(), QStringLiteral("required"));
    const Run bad = onStore(write + QStringList{option, QStringLiteral("always")});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("webauthn_user_verification must be"), bad.err.constData());
    QCOMPARE(setting(), QStringLiteral("required"));
}

Status TestCli::withEngine(const std::function<Status(TokenEngine&, FakeClock&)>& prepare)
{
    FakeClock clock;
    auto store = tessera::store::Store::open(m_store->path(), TempStore::kPassphrase);
    TESSERA_TRY(store);
    auto engine = TokenEngine::open(std::move(*store), clock);
    TESSERA_TRY(engine);
    return prepare(**engine, clock);
}

void TestCli::userKeyListOfAUserWithoutKeysSaysHowKeysAreAdded()
{
    QVERIFY(!writeAlice().isEmpty());
    const Run listed = onStore({QStringLiteral("user"), QStringLiteral("key"),
                                QStringLiteral("list"), QStringLiteral("alice")});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.describe()));
    QVERIFY2(listed.out.contains("alice has no security keys") &&
                 listed.out.contains("self-service page /gate/keys after signing in"),
             listed.out.constData());
    const Run json = onStore({QStringLiteral("user"), QStringLiteral("key"), QStringLiteral("list"),
                              QStringLiteral("alice"), QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    QVERIFY(QJsonDocument::fromJson(json.out).isArray());
    QVERIFY(json.jsonArray().isEmpty());
    const Run read = onStore({QStringLiteral("user"), QStringLiteral("read"),
                              QStringLiteral("alice"), QStringLiteral("--json")});
    QCOMPARE(read.json().value(QStringLiteral("security_keys")).toInt(-1), 0);

    const Run nobody = onStore({QStringLiteral("user"), QStringLiteral("key"),
                                QStringLiteral("list"), QStringLiteral("nobody")});
    QCOMPARE(nobody.exitCode, 2);
    QVERIFY(nobody.out.isEmpty());
}

void TestCli::userKeyListShowsEachKeyAndRemoveTakesOneAway()
{
    const QString passwordFile = writeAlice();
    QVERIFY(!passwordFile.isEmpty());
    SoftAuthenticator blue(SignatureAlgorithm::Es256, kGateOrigin);
    SoftAuthenticator ring(SignatureAlgorithm::Ed25519, kGateOrigin);
    blue.credentialId[0] = '\xf8'; // an id that begins with '-', as one in 64 do
    qint64 added = 0;
    qint64 used = 0;
    const Status prepared = withEngine([&](TokenEngine& engine, FakeClock& clock) -> Status {
        added = clock.nowSeconds();
        TESSERA_TRY(registerKey(engine, blue, QStringLiteral("Blue key")));
        clock.advanceSeconds(3600);
        TESSERA_TRY(registerKey(engine, ring, QStringLiteral("Backup ring")));
        clock.advanceSeconds(3600);
        used = clock.nowSeconds();
        return signInWith(engine, ring, QStringLiteral("reading is magic"));
    });
    QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));

    const QStringList list{QStringLiteral("user"), QStringLiteral("key"), QStringLiteral("list"),
                           QStringLiteral("alice")};
    const Run table = onStore(list);
    QVERIFY2(table.exitCode == 0, qPrintable(table.describe()));
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines[0].startsWith(u"NAME") && lines[0].contains(u"ALGORITHM") &&
                 lines[0].endsWith(u"LAST USED"),
             qPrintable(lines[0]));
    const QStringList blueCells{QStringLiteral("Blue key"), keyId(blue.credentialId),
                                QStringLiteral("ES256"), isoTime(added), QStringLiteral("never")};
    const QStringList ringCells{QStringLiteral("Backup ring"), keyId(ring.credentialId),
                                QStringLiteral("EdDSA"), isoTime(added + 3600), isoTime(used)};
    // Oldest first, one column per field, the columns aligned under the header.
    const QStringList header{QStringLiteral("NAME"), QStringLiteral("ID"),
                             QStringLiteral("ALGORITHM"), QStringLiteral("ADDED"),
                             QStringLiteral("LAST USED")};
    for (qsizetype column = 1; column < header.size(); ++column) {
        const qsizetype at = lines[0].indexOf(header[column]);
        QCOMPARE(lines[1].indexOf(blueCells[column], at), at);
        QCOMPARE(lines[2].indexOf(ringCells[column], at), at);
    }
    QVERIFY(lines[1].startsWith(blueCells[0]) && lines[2].startsWith(ringCells[0]));

    const Run json = onStore(list + QStringList{QStringLiteral("--json")});
    QVERIFY2(json.exitCode == 0, qPrintable(json.describe()));
    const QJsonArray keys = json.jsonArray();
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys[0].toObject(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("Blue key")},
                          {QStringLiteral("id"), keyId(blue.credentialId)},
                          {QStringLiteral("algorithm"), QStringLiteral("ES256")},
                          {QStringLiteral("added"), isoTime(added)},
                          {QStringLiteral("last_used"), QJsonValue()}}));
    QCOMPARE(keys[1].toObject().value(QStringLiteral("algorithm")).toString(),
             QStringLiteral("EdDSA"));
    QCOMPARE(keys[1].toObject().value(QStringLiteral("last_used")).toString(), isoTime(used));
    const QStringList read{QStringLiteral("user"), QStringLiteral("read"), QStringLiteral("alice")};
    QCOMPARE(onStore(read + QStringList{QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("security_keys"))
                 .toInt(),
             2);
    QVERIFY(QRegularExpression(QStringLiteral("(?m)^security keys +2$"))
                .match(QString::fromUtf8(onStore(read).out))
                .hasMatch());

    // Such an id goes after "--", so that it is not read as an option.
    QVERIFY(keyId(blue.credentialId).startsWith(u'-'));
    const Run removed =
        cli({QStringLiteral("user"), QStringLiteral("key"), QStringLiteral("remove"),
             QStringLiteral("--store"), m_store->path(), QStringLiteral("--passphrase-file"),
             m_passphraseFile, QStringLiteral("alice"), QStringLiteral("--"),
             keyId(blue.credentialId)});
    QVERIFY2(removed.exitCode == 0, qPrintable(removed.describe()));
    QVERIFY(removed.out.contains(keyId(blue.credentialId).toLatin1()));
    const QJsonArray left = onStore(list + QStringList{QStringLiteral("--json")}).jsonArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0].toObject().value(QStringLiteral("id")).toString(), keyId(ring.credentialId));
    QCOMPARE(onStore(read + QStringList{QStringLiteral("--json")})
                 .json()
                 .value(QStringLiteral("security_keys"))
                 .toInt(),
             1);
}

void TestCli::userKeyRemoveOfAnUnknownKeyChangesNothing()
{
    QVERIFY(!writeAlice().isEmpty());
    SoftAuthenticator blue(SignatureAlgorithm::Es256, kGateOrigin);
    const Status prepared = withEngine([&](TokenEngine& engine, FakeClock&) -> Status {
        TESSERA_TRY(registerKey(engine, blue, QStringLiteral("Blue key")));
        return {};
    });
    QVERIFY2(prepared.ok(), qPrintable(prepared.error().message));
    const QString id = keyId(blue.credentialId);
    const QStringList list{QStringLiteral("user"), QStringLiteral("key"), QStringLiteral("list"),
                           QStringLiteral("alice"), QStringLiteral("--json")};
    const QByteArray before = onStore(list).out;
    QCOMPARE(QJsonDocument::fromJson(before).array().size(), 1);

    const QString unknownId = keyId(QByteArray(16, '\x42'));
    const QStringList removeKey{QStringLiteral("user"), QStringLiteral("key"),
                                QStringLiteral("remove")};
    const Run unknown = onStore(removeKey + QStringList{QStringLiteral("alice"), unknownId});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.out.isEmpty());
    QVERIFY2(unknown.err.contains("has no such security key") &&
                 unknown.err.contains("tessera-cli user key list alice"),
             unknown.err.constData());
    QCOMPARE(unknown.err.count('\n'), 1);
    // Not an id at all, and another user's key: the same answer.
    QCOMPARE(onStore(removeKey + QStringList{QStringLiteral("alice"), QStringLiteral("not an id!")})
                 .exitCode,
             2);
    QCOMPARE(onStore(removeKey + QStringList{QStringLiteral("bob"), id}).exitCode, 2);
    // Usage errors: no id, no action, an action that does not exist.
    QCOMPARE(onStore(removeKey + QStringList{QStringLiteral("alice")}).exitCode, 1);
    QCOMPARE(onStore({QStringLiteral("user"), QStringLiteral("key")}).exitCode, 1);
    const Run add = onStore({QStringLiteral("user"), QStringLiteral("key"), QStringLiteral("add"),
                             QStringLiteral("alice")});
    QCOMPARE(add.exitCode, 1);
    QVERIFY(add.err.contains("no action 'add'"));

    QCOMPARE(onStore(list).out, before);
}

void TestCli::auditVerifyReportsIntact()
{
    QVERIFY(!createToken({}).isEmpty());
    const Run run =
        onStore({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.json().value(QStringLiteral("intact")).toBool(), true);
    QVERIFY(run.json().value(QStringLiteral("records_checked")).toInteger() >= 1);
    const Run text = onStore({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(text.out.contains("intact"), text.out.constData());
}

void TestCli::auditVerifyNamesATamperedRecord()
{
    QVERIFY(!createToken({}).isEmpty());
    QVERIFY(!createToken({}).isEmpty());
    QVERIFY(m_store->reopen());
    {
        auto lease = m_store->store().acquire();
        QVERIFY(lease.ok());
        QVERIFY(lease->db()
                    .exec("UPDATE audit SET outcome = 'denied' WHERE seq = "
                          "(SELECT MIN(seq) FROM audit WHERE operation LIKE 'token.create%')")
                    .ok());
        QCOMPARE(lease->db().changes(), 1);
    }
    m_store->close();

    const Run run = onStore({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains("not intact") && run.err.contains("record"), run.err.constData());
}

void TestCli::auditExportCsvParses()
{
    QVERIFY(!createToken({QStringLiteral("--display-name"), QStringLiteral("O'Brien, \"Ann\"")})
                 .isEmpty());
    const QString out = m_store->filePath(QStringLiteral("audit.csv"));
    const Run run =
        onStore({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                 QStringLiteral("csv"), QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(file.readAll(), &wellFormed);
    QVERIFY(wellFormed);
    QVERIFY(rows.size() >= 2);
    const QStringList header{
        QStringLiteral("sequence"),   QStringLiteral("time"),       QStringLiteral("operation"),
        QStringLiteral("actor"),      QStringLiteral("targets"),    QStringLiteral("client"),
        QStringLiteral("request_id"), QStringLiteral("outcome"),    QStringLiteral("details"),
        QStringLiteral("mac"),        QStringLiteral("redacted_at")};
    QCOMPARE(rows.first(), header);
    for (qsizetype i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).size(), header.size());
        QCOMPARE(rows.at(i).at(0).toLongLong(), qint64(i));
        QVERIFY(QDateTime::fromString(rows.at(i).at(1), Qt::ISODateWithMs).isValid());
        QJsonParseError error;
        QJsonDocument::fromJson(rows.at(i).at(8).toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
    }
    const auto create = std::find_if(rows.cbegin(), rows.cend(), [](const QStringList& row) {
        return row.at(2).startsWith(QLatin1String("token.create"));
    });
    QVERIFY(create != rows.cend());
    // Which desk did it: this account on this host, after the kind.
    QCOMPARE(create->at(5), tessera::DeskIdentity::client(QStringLiteral("cli")));

    // A failed export leaves nothing behind.
    const QString nowhere = m_store->filePath(QStringLiteral("missing-dir/audit.csv"));
    const Run failed = onStore(
        {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), nowhere});
    QCOMPARE(failed.exitCode, 3);
    QVERIFY(!QFile::exists(nowhere));
}

void TestCli::auditExportJsonLinesMatchesCsv()
{
    QVERIFY(!createToken({}).isEmpty());
    const Run csv = onStore({QStringLiteral("audit"), QStringLiteral("export")});
    const Run jsonl = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                               QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(csv.exitCode, 0);
    QCOMPARE(jsonl.exitCode, 0);
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(csv.out, &wellFormed);
    QVERIFY(wellFormed);
    const QList<QByteArray> lines = jsonl.out.trimmed().split('\n');
    // The second export may have one more record (opening the store) than the first.
    QVERIFY(lines.size() >= rows.size() - 1);
    for (qsizetype i = 0; i + 1 < rows.size(); ++i) {
        const QJsonObject record = QJsonDocument::fromJson(lines.at(i)).object();
        QCOMPARE(record.value(QStringLiteral("sequence")).toInteger(),
                 rows.at(i + 1).at(0).toLongLong());
        QCOMPARE(record.value(QStringLiteral("operation")).toString(), rows.at(i + 1).at(2));
        QCOMPARE(record.value(QStringLiteral("mac")).toString(), rows.at(i + 1).at(9));
        QCOMPARE(QStringList(record.keys()).size(), 11);
    }
}

void TestCli::auditReportWritesPdfCsvAndJsonLines()
{
    const QString accessor = createToken({QStringLiteral("--meta"), QStringLiteral("card=42")});
    QVERIFY(!accessor.isEmpty());
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    for (const QString& format :
         {QStringLiteral("pdf"), QStringLiteral("csv"), QStringLiteral("jsonl")}) {
        const QString out = m_store->filePath(QStringLiteral("report.") + format);
        const Run run = onStore({QStringLiteral("audit"), QStringLiteral("report"),
                                 QStringLiteral("--format"), format, QStringLiteral("--from"),
                                 today, QStringLiteral("--to"), today, QStringLiteral("--subtree"),
                                 accessor, QStringLiteral("--meta"), QStringLiteral("card=42"),
                                 QStringLiteral("--out"), out, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QCOMPARE(run.json().value(QStringLiteral("records")).toInteger(), 1); // the creation
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (format == QLatin1String("pdf"))
            QVERIFY(bytes.startsWith("%PDF-"));
        else
            QVERIFY(bytes.contains(accessor.toLatin1()));
    }
    // Each report left an audit.export record.
    const Run audit = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                               QStringLiteral("--format"), QStringLiteral("jsonl")});
    QCOMPARE(audit.out.count("\"audit.export\""), 3);
}

void TestCli::auditReportOfOneRecordSaysRecord()
{
    const QString accessor = createToken({});
    QVERIFY(!accessor.isEmpty());
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString out = m_store->filePath(QStringLiteral("one.pdf"));
    const Run run =
        onStore({QStringLiteral("audit"), QStringLiteral("report"), QStringLiteral("--format"),
                 QStringLiteral("pdf"), QStringLiteral("--from"), today, QStringLiteral("--to"),
                 today, QStringLiteral("--subtree"), accessor, QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY2(run.out.contains(" of 1 audit record to "), qPrintable(run.describe()));
    // The PDF too: the CLI installs the English plural forms.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {out, QStringLiteral("-")});
    QVERIFY2(text.waitForFinished(30'000) && text.exitCode() == 0,
             "pdftotext is needed (poppler-utils, scripts/deps.sh)");
    const QByteArray pdf = text.readAllStandardOutput();
    QVERIFY2(pdf.contains("1 audit record in this report"), pdf.constData());
}

void TestCli::auditReportBadInputChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString from = QStringLiteral("--from");
    const QString to = QStringLiteral("--to");
    const QString format = QStringLiteral("--format");
    QTest::newRow("bad date") << QStringList{format, QStringLiteral("pdf"),
                                             from,   QStringLiteral("2026-02-30"),
                                             to,     QStringLiteral("2026-03-01")}
                              << 1 << QStringLiteral("--from");
    QTest::newRow("end before start")
        << QStringList{format, QStringLiteral("csv"),       from, QStringLiteral("2026-03-02"),
                       to,     QStringLiteral("2026-03-01")}
        << 1 << QStringLiteral("before the start");
    QTest::newRow("unknown format")
        << QStringList{format, QStringLiteral("docx"),      from, QStringLiteral("2026-03-01"),
                       to,     QStringLiteral("2026-03-01")}
        << 1 << QStringLiteral("--format");
    QTest::newRow("missing dates")
        << QStringList{format, QStringLiteral("csv")} << 1 << QStringLiteral("--from");
    QTest::newRow("bad metadata filter") << QStringList{format,
                                                        QStringLiteral("csv"),
                                                        from,
                                                        QStringLiteral("2026-03-01"),
                                                        to,
                                                        QStringLiteral("2026-03-01"),
                                                        QStringLiteral("--meta"),
                                                        QStringLiteral("card")}
                                         << 1 << QStringLiteral("key=value");
    QTest::newRow("bad accessor") << QStringList{format,
                                                 QStringLiteral("pdf"),
                                                 from,
                                                 QStringLiteral("2026-03-01"),
                                                 to,
                                                 QStringLiteral("2026-03-01"),
                                                 QStringLiteral("--subtree"),
                                                 QStringLiteral("tss.not-an-accessor")}
                                  << 1 << QStringLiteral("accessor");
    QTest::newRow("unknown subtree") << QStringList{format,
                                                    QStringLiteral("csv"),
                                                    from,
                                                    QStringLiteral("2026-03-01"),
                                                    to,
                                                    QStringLiteral("2026-03-01"),
                                                    QStringLiteral("--subtree"),
                                                    QStringLiteral("abcdefghijklmnopqrstuvwx")}
                                     << 2 << QStringLiteral("No token");
}

void TestCli::auditReportBadInputChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const auto recordCount = [this] {
        return onStore(
                   {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")})
            .json()
            .value(QStringLiteral("records_checked"))
            .toInteger();
    };
    const qint64 before = recordCount();
    const QString out = m_store->filePath(QStringLiteral("bad-report"));
    const Run run = onStore(QStringList{QStringLiteral("audit"), QStringLiteral("report")} +
                            arguments + QStringList{QStringLiteral("--out"), out});
    QVERIFY2(run.exitCode == exitCode, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY(!QFile::exists(out));
    QCOMPARE(recordCount(), before);
}

void TestCli::auditRedactRemovesPersonalDetailsAndVerifyStillPasses()
{
    QVERIFY(
        !createToken({QStringLiteral("--display-name"), QStringLiteral("Ana Perez")}).isEmpty());
    const auto exported = [this] {
        return onStore({QStringLiteral("audit"), QStringLiteral("export"),
                        QStringLiteral("--format"), QStringLiteral("jsonl")})
            .out;
    };
    QVERIFY(exported().contains("Ana Perez"));
    const QString tomorrow =
        QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);
    const Run run = onStore({QStringLiteral("audit"), QStringLiteral("redact"),
                             QStringLiteral("--before"), tomorrow, QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(run.json().value(QStringLiteral("redacted")).toInteger() >= 1);
    QVERIFY(!exported().contains("Ana Perez"));
    const Run verify = onStore({QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.describe()));
}

void TestCli::auditRedactBadDateChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("no date") << QStringList{} << QStringLiteral("needs --before");
    QTest::newRow("not a date") << QStringList{QStringLiteral("--before"),
                                               QStringLiteral("2026-13-01")}
                                << QStringLiteral("is not a date");
    QTest::newRow("far future") << QStringList{QStringLiteral("--before"),
                                               QStringLiteral("2999-01-01")}
                                << QStringLiteral("in the future");
}

void TestCli::auditRedactBadDateChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QVERIFY(
        !createToken({QStringLiteral("--display-name"), QStringLiteral("Ana Perez")}).isEmpty());
    const Run run =
        onStore(QStringList{QStringLiteral("audit"), QStringLiteral("redact")} + arguments);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    const Run exported = onStore({QStringLiteral("audit"), QStringLiteral("export"),
                                  QStringLiteral("--format"), QStringLiteral("jsonl")});
    QVERIFY(exported.out.contains("Ana Perez"));
    QVERIFY(!exported.out.contains("audit.redact"));
}

void TestCli::passphraseNeverAppearsInOutput()
{
    // The passphrase itself is TempStore's; a wrong one is tried via the environment.
    const QByteArray passphrase = TempStore::kPassphrase;
    QList<Run> runs;
    runs << onStore({QStringLiteral("token"), QStringLiteral("create"), QStringLiteral("--json")});
    runs << onStore({QStringLiteral("token"), QStringLiteral("tree")});
    runs << onStore({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
                     QStringLiteral("jsonl")});
    runs << onStore({QStringLiteral("store"), QStringLiteral("check")});
    const QString token = runs.first().json().value(QStringLiteral("token")).toString();
    QVERIFY(token.startsWith(QLatin1String("tss.")));
    for (const Run& run : runs) {
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        QVERIFY(!run.out.contains(passphrase) && !run.err.contains(passphrase));
    }
    // The audit log holds tokens only as HMAC tags.
    QVERIFY(!runs.at(2).out.contains(token.toUtf8()));

    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_PASSPHRASE"),
                       QStringLiteral("hunter2-wrong-secret"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TESSERA_CLI_PATH),
                  {QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--store"),
                   m_store->path()});
    QVERIFY(process.waitForFinished(30'000));
    QCOMPARE(process.exitCode(), 2);
    const QByteArray all = process.readAllStandardOutput() + process.readAllStandardError();
    QVERIFY(!all.contains("hunter2"));

    // A token given on the command line is not echoed in errors either.
    const Run malformed = onStore({QStringLiteral("token"), QStringLiteral("renew"),
                                   QStringLiteral("tss.notavalidtokenatall000000000000000000")});
    QVERIFY(malformed.exitCode != 0);
    QVERIFY(!malformed.err.contains("notavalidtoken"));
}

void TestCli::storeBackupOpensWithSamePassphrase()
{
    const QString accessor =
        createToken({QStringLiteral("--display-name"), QStringLiteral("kept")});
    const QString backup = m_store->filePath(QStringLiteral("backup.store"));
    const Run run = onStore({QStringLiteral("store"), QStringLiteral("backup"), backup});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const Run lookup =
        cli({QStringLiteral("token"), QStringLiteral("lookup"), accessor, QStringLiteral("--store"),
             backup, QStringLiteral("--passphrase-file"), m_passphraseFile});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
    const Run again = onStore({QStringLiteral("store"), QStringLiteral("backup"), backup});
    QCOMPARE(again.exitCode, 2);
}

void TestCli::rekeyChangesThePassphrase()
{
    const QString accessor = createToken({});
    const QString newFile = m_store->filePath(QStringLiteral("new-passphrase.txt"));
    QFile file(newFile);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("a brand new passphrase\n");
    file.close();

    const Run rekey = onStore({QStringLiteral("store"), QStringLiteral("rekey"),
                               QStringLiteral("--new-passphrase-file"), newFile});
    QVERIFY2(rekey.exitCode == 0, qPrintable(rekey.describe()));
    QVERIFY(!rekey.out.contains("brand new"));
    QCOMPARE(onStore({QStringLiteral("token"), QStringLiteral("list")}).exitCode, 2);
    const Run lookup =
        cli({QStringLiteral("token"), QStringLiteral("lookup"), accessor, QStringLiteral("--store"),
             m_store->path(), QStringLiteral("--passphrase-file"), newFile});
    QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
}

void TestCli::demoBuildsALibrary()
{
    const Run run =
        onStore({QStringLiteral("demo"), QStringLiteral("--tokens"), QStringLiteral("60"),
                 QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject summary = run.json();
    QCOMPARE(summary.value(QStringLiteral("tokens")).toInt(), 60);
    QVERIFY(summary.value(QStringLiteral("batch_tokens")).toInt() >= 1);
    QVERIFY(summary.value(QStringLiteral("expiring_within_the_hour")).toInt() >= 1);
    const QString root = summary.value(QStringLiteral("root_accessor")).toString();

    const Run tokens =
        onStore({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(tokens.jsonArray().size(), 60);
    const Run roles =
        onStore({QStringLiteral("role"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(roles.jsonArray().contains(QStringLiteral("visitor-day-pass")));
    QVERIFY(roles.jsonArray().contains(QStringLiteral("one-time-archive-entry")));
    const Run policies =
        onStore({QStringLiteral("policy"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(policies.jsonArray().contains(QStringLiteral("ebooks")));

    // root -> desk -> shift -> patron -> device: five levels.
    const Run tree =
        onStore({QStringLiteral("token"), QStringLiteral("tree"), root, QStringLiteral("--json")});
    QVERIFY2(tree.exitCode == 0, qPrintable(tree.describe()));
    int depth = 0;
    bool patronWithMeta = false;
    std::function<void(const QJsonArray&, int)> walk = [&](const QJsonArray& nodes, int level) {
        for (const QJsonValue& node : nodes) {
            depth = std::max(depth, level);
            const QJsonObject meta = node.toObject().value(QStringLiteral("meta")).toObject();
            if (meta.contains(QStringLiteral("card_number")) &&
                meta.contains(QStringLiteral("purpose")))
                patronWithMeta = true;
            walk(node.toObject().value(QStringLiteral("children")).toArray(), level + 1);
        }
    };
    walk(tree.jsonArray(), 1);
    QCOMPARE(depth, 5);
    QVERIFY(patronWithMeta);

    const Run verify = onStore({QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(verify.exitCode, 0);
}

void TestCli::demoHistoryWritesTheDaysBeforeToday()
{
    const QString path = m_store->filePath(QStringLiteral("history.store"));
    const QDate today = QDate::currentDate();
    const Run run =
        cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
             QStringLiteral("--passphrase-file"), m_passphraseFile, QStringLiteral("--tokens"),
             QStringLiteral("20"), QStringLiteral("--history-days"), QStringLiteral("2")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));

    const Run exported =
        cli({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--format"),
             QStringLiteral("jsonl"), QStringLiteral("--store"), path,
             QStringLiteral("--passphrase-file"), m_passphraseFile});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.describe()));
    QHash<QDate, QSet<QString>> operationsOn; // local day -> operations
    qint64 lastMs = 0;
    bool inOrder = true;
    for (const QByteArray& line : exported.out.split('\n')) {
        const QJsonObject record = QJsonDocument::fromJson(line).object();
        if (record.isEmpty())
            continue;
        const QDateTime time = QDateTime::fromString(
            record.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        QVERIFY(time.isValid());
        inOrder = inOrder && time.toMSecsSinceEpoch() >= lastMs;
        lastMs = time.toMSecsSinceEpoch();
        operationsOn[time.toLocalTime().date()].insert(
            record.value(QStringLiteral("operation")).toString());
    }
    QVERIFY(inOrder); // the past is written first: the log stays in time order
    for (const int back : {1, 2}) {
        const QSet<QString>& day = operationsOn.value(today.addDays(-back));
        QVERIFY2(day.contains(QStringLiteral("token.create")), qPrintable(QString::number(back)));
        QVERIFY(day.contains(QStringLiteral("token.expire")));
    }
    QVERIFY(!operationsOn.contains(today.addDays(-3)));
}

void TestCli::demoHistoryRefusesAnExistingStore()
{
    const Run run =
        onStore({QStringLiteral("demo"), QStringLiteral("--tokens"), QStringLiteral("20"),
                 QStringLiteral("--history-days"), QStringLiteral("3")});
    QVERIFY(run.exitCode != 0);
    QVERIFY2(run.err.contains("--history-days needs a new store"), qPrintable(run.describe()));
    const Run policies =
        onStore({QStringLiteral("policy"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY(!policies.jsonArray().contains(QStringLiteral("ebooks"))); // nothing was written
    const QString path = m_store->filePath(QStringLiteral("long.store"));
    const Run tooLong = cli({QStringLiteral("demo"), QStringLiteral("--store"), path,
                             QStringLiteral("--passphrase-file"), m_passphraseFile,
                             QStringLiteral("--history-days"), QStringLiteral("91")});
    QVERIFY(tooLong.exitCode != 0);
    QVERIFY(tooLong.err.contains("at most 90"));
    QVERIFY(!QFileInfo::exists(path));
}

void TestCli::tokenBatchWritesSheetAndCsvOfTheBatch()
{
    QVERIFY(writeClassVisitRole());
    const QString sheet = m_store->filePath(QStringLiteral("passes.pdf"));
    const QString csv = m_store->filePath(QStringLiteral("passes.csv"));
    const Run run =
        onStore({QStringLiteral("token"), QStringLiteral("batch"), QStringLiteral("--role"),
                 QStringLiteral("class-visit"), QStringLiteral("--count"), QStringLiteral("12"),
                 QStringLiteral("--sheet"), sheet, QStringLiteral("--csv"), csv,
                 QStringLiteral("--library"), QStringLiteral("Biblioteca Norte"),
                 QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QJsonObject result = run.json();
    QCOMPARE(result.value(QStringLiteral("count")).toInt(), 12);
    QCOMPARE(result.value(QStringLiteral("pages")).toInt(), 2); // nine cards to an A4 page
    QVERIFY(result.value(QStringLiteral("new_parent")).toBool());
    const QString parent = result.value(QStringLiteral("parent_accessor")).toString();
    QVERIFY(!parent.isEmpty());

    QFile pdf(sheet);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    bool wellFormed = false;
    const QList<QStringList> rows = parseCsv(csvFile.readAll(), &wellFormed);
    QVERIFY(wellFormed);
    QCOMPARE(rows.size(), 13);
    QCOMPARE(rows.first(), (QStringList{QStringLiteral("number"), QStringLiteral("display_name"),
                                        QStringLiteral("token"), QStringLiteral("accessor"),
                                        QStringLiteral("expires"), QStringLiteral("uses"),
                                        QStringLiteral("parent"), QStringLiteral("code")}));
    const QJsonArray accessors = result.value(QStringLiteral("accessors")).toArray();
    for (int i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).at(0), QString::number(i));
        QCOMPARE(rows.at(i).at(3), accessors.at(i - 1).toString());
        QCOMPARE(rows.at(i).at(5), QStringLiteral("1"));
        QCOMPARE(rows.at(i).at(6), parent);
        // The code to type, as printed under the pass's QR code.
        QCOMPARE(rows.at(i).at(7).size(), 16);
        QCOMPARE(rows.at(i).at(7).count(u'-'), 3);
        // The printed token is a live child of the new parent.
        const Run lookup = onStore({QStringLiteral("token"), QStringLiteral("lookup"),
                                    QStringLiteral("-"), QStringLiteral("--json")},
                                   rows.at(i).at(2).toUtf8() + '\n');
        QVERIFY2(lookup.exitCode == 0, qPrintable(lookup.describe()));
        QCOMPARE(lookup.json().value(QStringLiteral("parent_accessor")).toString(), parent);
    }

    // The receipt layout: one pass per page.
    const Run receipt =
        onStore({QStringLiteral("token"), QStringLiteral("batch"), QStringLiteral("--role"),
                 QStringLiteral("class-visit"), QStringLiteral("--count"), QStringLiteral("3"),
                 QStringLiteral("--sheet"), m_store->filePath(QStringLiteral("receipt.pdf")),
                 QStringLiteral("--receipt"), QStringLiteral("--json")});
    QVERIFY2(receipt.exitCode == 0, qPrintable(receipt.describe()));
    QCOMPARE(receipt.json().value(QStringLiteral("pages")).toInt(), 3);
}

void TestCli::tokenBatchBadFlagsChangeNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString role = QStringLiteral("--role");
    const QString count = QStringLiteral("--count");
    const QString visit = QStringLiteral("class-visit");
    QTest::newRow("no role") << QStringList{count, QStringLiteral("5")}
                             << QStringLiteral("--role is required");
    QTest::newRow("no count") << QStringList{role, visit} << QStringLiteral("--count is required");
    QTest::newRow("zero") << QStringList{role, visit, count, QStringLiteral("0")}
                          << QStringLiteral("1 to 1000 passes, not 0");
    QTest::newRow("1001") << QStringList{role, visit, count, QStringLiteral("1001")}
                          << QStringLiteral("1 to 1000 passes, not 1001");
    QTest::newRow("not a number") << QStringList{role, visit, count, QStringLiteral("ten")}
                                  << QStringLiteral("--count");
    QTest::newRow("bad paper") << QStringList{role,
                                              visit,
                                              count,
                                              QStringLiteral("5"),
                                              QStringLiteral("--paper"),
                                              QStringLiteral("a3")}
                               << QStringLiteral("--paper takes a4 or letter, not \"a3\"");
    QTest::newRow("receipt and paper") << QStringList{role,
                                                      visit,
                                                      count,
                                                      QStringLiteral("5"),
                                                      QStringLiteral("--receipt"),
                                                      QStringLiteral("--paper"),
                                                      QStringLiteral("letter")}
                                       << QStringLiteral("--receipt and --paper contradict");
    QTest::newRow("unknown role") << QStringList{role, QStringLiteral("nobody"), count,
                                                 QStringLiteral("5")}
                                  << QStringLiteral("nobody");
    QTest::newRow("unwritable csv") << QStringList{role,
                                                   visit,
                                                   count,
                                                   QStringLiteral("5"),
                                                   QStringLiteral("--csv"),
                                                   QStringLiteral("/nonexistent-dir/passes.csv")}
                                    << QStringLiteral("Cannot write /nonexistent-dir/passes.csv");
}

void TestCli::tokenBatchBadFlagsChangeNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QVERIFY(writeClassVisitRole());
    const auto tokens = [this] {
        return onStore({QStringLiteral("token"), QStringLiteral("list"), QStringLiteral("--json")})
            .jsonArray()
            .size();
    };
    const qsizetype tokensBefore = tokens();
    const qint64 before = auditRecordCount();
    const QString sheet = m_store->filePath(QStringLiteral("bad.pdf"));
    const Run run = onStore(QStringList{QStringLiteral("token"), QStringLiteral("batch"),
                                        QStringLiteral("--sheet"), sheet} +
                            arguments);
    QVERIFY2(run.exitCode != 0, qPrintable(run.describe()));
    QVERIFY(run.out.isEmpty());
    QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
    QVERIFY(!QFile::exists(sheet));
    QCOMPARE(auditRecordCount(), before);
    QCOMPARE(tokens(), tokensBefore);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
