#include "engine/Role.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace tessera::engine;

namespace {

QJsonObject json(const char* text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(text), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

QStringList names(const char* text)
{
    return QString::fromUtf8(text).split(u',', Qt::SkipEmptyParts);
}

} // namespace

class TestRole : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsMatchVault();
    void readsVaultFieldNames();
    void olderFieldNamesAreAccepted();
    void newerFieldNamesWinOverOlderOnes();
    void updateKeepsFieldsNotGiven();
    void looseVaultInputFormsAreAccepted();
    void batchRoleIsNotRenewableUnlessAsked();
    void invalidRolesAreRejected_data();
    void invalidRolesAreRejected();
    void jsonRoundTrips();
    void tokenKind_data();
    void tokenKind();
    void tokenPolicies_data();
    void tokenPolicies();
};

void TestRole::defaultsMatchVault()
{
    const auto role = Role::fromJson(QStringLiteral("visitor"), QJsonObject{});
    QVERIFY(role.ok());
    QCOMPARE(role->name, QStringLiteral("visitor"));
    QVERIFY(role->renewable);
    QVERIFY(!role->orphan);
    QCOMPARE(role->settings.tokenType, RoleTokenType::DefaultService);
    QCOMPARE(role->settings.ttl, 0);
    QCOMPARE(role->settings.numUses, 0);
    QVERIFY(role->allowedPolicies.isEmpty());
}

void TestRole::readsVaultFieldNames()
{
    const auto role = Role::fromJson(QStringLiteral("semester"), json(R"({
        "allowed_policies": ["ebooks", "Wifi", "ebooks"],
        "disallowed_policies": ["archive"],
        "orphan": true,
        "renewable": false,
        "token_type": "service",
        "token_ttl": "720h",
        "token_explicit_max_ttl": 12960000,
        "token_period": 0,
        "token_num_uses": 0,
        "token_no_default_policy": true,
        "path_suffix": "desk-1"
    })"));
    QVERIFY2(role.ok(), qPrintable(role.ok() ? QString() : role.error().message));
    QCOMPARE(role->allowedPolicies, names("ebooks,wifi"));
    QCOMPARE(role->disallowedPolicies, names("archive"));
    QVERIFY(role->orphan);
    QVERIFY(!role->renewable);
    QCOMPARE(role->settings.tokenType, RoleTokenType::Service);
    QCOMPARE(role->settings.ttl, 720 * 3600);
    QCOMPARE(role->settings.explicitMaxTtl, 12960000);
    QVERIFY(role->settings.noDefaultPolicy);
    QCOMPARE(role->pathSuffix, QStringLiteral("desk-1"));
}

void TestRole::olderFieldNamesAreAccepted()
{
    const auto role =
        Role::fromJson(QStringLiteral("r"), json(R"({"explicit_max_ttl": "2h", "period": 3600})"));
    QVERIFY(role.ok());
    QCOMPARE(role->settings.explicitMaxTtl, 7200);
    QCOMPARE(role->settings.period, 3600);
}

void TestRole::newerFieldNamesWinOverOlderOnes()
{
    const auto role = Role::fromJson(
        QStringLiteral("r"),
        json(
            R"({"explicit_max_ttl": "2h", "token_explicit_max_ttl": "3h", "period": 60, "token_period": 120})"));
    QVERIFY(role.ok());
    QCOMPARE(role->settings.explicitMaxTtl, 3 * 3600);
    QCOMPARE(role->settings.period, 120);
}

void TestRole::updateKeepsFieldsNotGiven()
{
    const Role existing =
        *Role::fromJson(QStringLiteral("pass"),
                        json(R"({"allowed_policies": "wifi", "token_ttl": "8h", "orphan": true})"));
    const auto updated =
        Role::fromJson(QStringLiteral("pass"), json(R"({"token_ttl": "4h"})"), &existing);
    QVERIFY(updated.ok());
    QCOMPARE(updated->settings.ttl, 4 * 3600);
    QCOMPARE(updated->allowedPolicies, names("wifi"));
    QVERIFY(updated->orphan);
}

void TestRole::looseVaultInputFormsAreAccepted()
{
    const auto role = Role::fromJson(QStringLiteral("r"), json(R"({
        "allowed_policies": "ebooks, wifi",
        "orphan": "true",
        "renewable": "0",
        "token_num_uses": "1",
        "token_ttl": 60
    })"));
    QVERIFY2(role.ok(), qPrintable(role.ok() ? QString() : role.error().message));
    QCOMPARE(role->allowedPolicies, names("ebooks,wifi"));
    QVERIFY(role->orphan);
    QVERIFY(!role->renewable);
    QCOMPARE(role->settings.numUses, 1);
    QCOMPARE(role->settings.ttl, 60);
    QCOMPARE(Role::fromJson(QStringLiteral("r"), json(R"({"token_type": "default"})"))
                 ->settings.tokenType,
             RoleTokenType::DefaultService);
}

void TestRole::batchRoleIsNotRenewableUnlessAsked()
{
    const auto batch = Role::fromJson(QStringLiteral("day-pass"),
                                      json(R"({"token_type": "batch", "token_ttl": "12h"})"));
    QVERIFY(batch.ok());
    QVERIFY(!batch->renewable);
    const auto renewableBatch = Role::fromJson(
        QStringLiteral("day-pass"), json(R"({"token_type": "batch", "renewable": true})"));
    QVERIFY(!renewableBatch.ok());
    QVERIFY(renewableBatch.error().message.contains(u"renewable"));
}

void TestRole::invalidRolesAreRejected_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("bad duration") << "r" << QByteArray(R"({"token_ttl": "soon"})") << "token_ttl";
    QTest::newRow("negative duration")
        << "r" << QByteArray(R"({"token_period": -5})") << "negative";
    QTest::newRow("batch with use limit")
        << "r" << QByteArray(R"({"token_type": "batch", "token_num_uses": 1})")
        << "limited use count";
    QTest::newRow("batch with period")
        << "r" << QByteArray(R"({"token_type": "batch", "token_period": "1h"})") << "periodic";
    QTest::newRow("batch with explicit max")
        << "r" << QByteArray(R"({"token_type": "batch", "token_explicit_max_ttl": "1h"})")
        << "explicit max";
    QTest::newRow("negative use count")
        << "r" << QByteArray(R"({"token_num_uses": -1})") << "negative";
    QTest::newRow("fractional use count")
        << "r" << QByteArray(R"({"token_num_uses": 1.5})") << "whole number";
    QTest::newRow("unknown token type")
        << "r" << QByteArray(R"({"token_type": "jwt"})") << "token_type";
    QTest::newRow("ttl above explicit max")
        << "r" << QByteArray(R"({"token_ttl": "2h", "token_explicit_max_ttl": "1h"})") << "greater";
    QTest::newRow("path suffix climbing up")
        << "r" << QByteArray(R"({"path_suffix": "../x"})") << "path_suffix";
    QTest::newRow("path suffix with space")
        << "r" << QByteArray(R"({"path_suffix": "a b"})") << "path_suffix";
    QTest::newRow("bad policy name")
        << "r" << QByteArray(R"({"allowed_policies": ["ok", "not ok"]})") << "allowed_policies";
    QTest::newRow("policies not strings")
        << "r" << QByteArray(R"({"disallowed_policies": [1]})") << "disallowed_policies";
    QTest::newRow("bool that is not one")
        << "r" << QByteArray(R"({"orphan": "maybe"})") << "orphan";
    QTest::newRow("bad role name") << "desk pass" << QByteArray("{}") << "role name";
    QTest::newRow("empty role name") << "" << QByteArray("{}") << "role name";
}

void TestRole::invalidRolesAreRejected()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, fields);
    QFETCH(QString, fragment);
    const auto role = Role::fromJson(name, QJsonDocument::fromJson(fields).object());
    QVERIFY(!role.ok());
    QCOMPARE(role.error().code, tessera::ErrorCode::InvalidArgument);
    QVERIFY2(role.error().message.contains(fragment), qPrintable(role.error().message));
}

void TestRole::jsonRoundTrips()
{
    Role role;
    role.name = QStringLiteral("archive-once");
    role.allowedPolicies = names("archive");
    role.disallowedPolicies = names("root");
    role.orphan = true;
    role.renewable = false;
    role.settings.tokenType = RoleTokenType::DefaultBatch;
    role.settings.ttl = 3600;
    role.settings.explicitMaxTtl = 7200;
    role.settings.period = 0;
    role.settings.numUses = 1;
    role.settings.noDefaultPolicy = true;
    role.pathSuffix = QStringLiteral("reading-room");
    QVERIFY(role.validate().ok());

    const QJsonObject object = role.toJson();
    QCOMPARE(object.value(u"token_type").toString(), QStringLiteral("default-batch"));
    QCOMPARE(object.value(u"token_explicit_max_ttl").toInteger(), 7200);
    QCOMPARE(object.value(u"explicit_max_ttl").toInteger(), 7200);
    QCOMPARE(object.value(u"allowed_policies").toArray(), QJsonArray{QStringLiteral("archive")});

    const auto back = Role::fromJson(role.name, object);
    QVERIFY(back.ok());
    QCOMPARE(*back, role);
}

void TestRole::tokenKind_data()
{
    QTest::addColumn<RoleTokenType>("type");
    QTest::addColumn<int>("requested"); // -1 none, 0 service, 1 batch
    QTest::addColumn<TokenKind>("expected");
    QTest::newRow("service ignores a batch request")
        << RoleTokenType::Service << 1 << TokenKind::Service;
    QTest::newRow("batch ignores a service request")
        << RoleTokenType::Batch << 0 << TokenKind::Batch;
    QTest::newRow("default-service without request")
        << RoleTokenType::DefaultService << -1 << TokenKind::Service;
    QTest::newRow("default-service honours batch")
        << RoleTokenType::DefaultService << 1 << TokenKind::Batch;
    QTest::newRow("default-batch without request")
        << RoleTokenType::DefaultBatch << -1 << TokenKind::Batch;
    QTest::newRow("default-batch honours service")
        << RoleTokenType::DefaultBatch << 0 << TokenKind::Service;
}

void TestRole::tokenKind()
{
    QFETCH(RoleTokenType, type);
    QFETCH(int, requested);
    QFETCH(TokenKind, expected);
    Role role;
    role.settings.tokenType = type;
    const std::optional<TokenKind> request =
        requested < 0
            ? std::nullopt
            : std::optional<TokenKind>(requested == 0 ? TokenKind::Service : TokenKind::Batch);
    QCOMPARE(role.settings.tokenKindFor(request), expected);
}

void TestRole::tokenPolicies_data()
{
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QStringList>("disallowed");
    QTest::addColumn<bool>("roleNoDefault");
    QTest::addColumn<QStringList>("requested");
    QTest::addColumn<QStringList>("parent");
    QTest::addColumn<bool>("requestNoDefault");
    QTest::addColumn<QStringList>("expected"); // empty: refused
    // clang-format off
    QTest::newRow("allowed ones when none requested")  << names("ebooks,wifi") << names("") << false << names("")       << names("desk")       << false << names("default,ebooks,wifi");
    QTest::newRow("subset of allowed")                  << names("ebooks,wifi") << names("") << false << names("wifi")   << names("desk")       << false << names("default,wifi");
    QTest::newRow("beyond allowed is refused")          << names("ebooks")      << names("") << false << names("archive")<< names("root")       << false << names("");
    QTest::newRow("allowed need not be the parent's")   << names("ebooks")      << names("") << false << names("ebooks") << names("desk")       << false << names("default,ebooks");
    QTest::newRow("explicit default is allowed")        << names("ebooks")      << names("") << false << names("default,ebooks") << names("desk") << false << names("default,ebooks");
    QTest::newRow("no_default_policy on the request")   << names("ebooks")      << names("") << false << names("")       << names("desk")       << true  << names("ebooks");
    QTest::newRow("no_default_policy on the role")      << names("ebooks")      << names("") << true  << names("")       << names("desk")       << false << names("ebooks");
    QTest::newRow("disallowed default is not added")    << names("ebooks")      << names("default") << false << names("") << names("desk")      << false << names("ebooks");
    QTest::newRow("disallowed policy is refused")       << names("")            << names("archive") << false << names("archive") << names("archive,desk") << false << names("");
    QTest::newRow("no allowed list inherits the parent")<< names("")            << names("") << false << names("")       << names("desk,wifi")  << false << names("default,desk,wifi");
    QTest::newRow("no allowed list: subset of parent")  << names("")            << names("") << false << names("wifi")   << names("desk,wifi")  << false << names("default,wifi");
    QTest::newRow("no allowed list: beyond the parent") << names("")            << names("") << false << names("archive")<< names("desk")       << false << names("");
    QTest::newRow("root parent, no allowed list")       << names("")            << names("") << false << names("archive")<< names("root")       << false << names("archive,default");
    QTest::newRow("root only from a root parent")       << names("root")        << names("") << false << names("root")   << names("desk")       << false << names("");
    // clang-format on
}

void TestRole::tokenPolicies()
{
    QFETCH(QStringList, allowed);
    QFETCH(QStringList, disallowed);
    QFETCH(bool, roleNoDefault);
    QFETCH(QStringList, requested);
    QFETCH(QStringList, parent);
    QFETCH(bool, requestNoDefault);
    QFETCH(QStringList, expected);
    Role role;
    role.name = QStringLiteral("r");
    role.allowedPolicies = allowed;
    role.disallowedPolicies = disallowed;
    role.settings.noDefaultPolicy = roleNoDefault;
    const auto result = role.tokenPolicies(requested, parent, requestNoDefault);
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
    } else {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
    }
}

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"
