// The token settings roles and users share (TokenSettings): Vault's field
// names and lenient input forms, the checks, and the JSON both owners answer.
#include "engine/Duration.h"
#include "engine/TokenSettings.h"

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

using Owner = TokenSettings::Owner;

} // namespace

class TestTokenSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsVaultFieldNamesAndInputForms();
    void olderNamesAreReadOnlyWhenTheNewerIsAbsent();
    void fieldsAnOwnerLacksAreLeftAlone();
    void fieldsNotGivenKeepTheirValue();
    void badInputIsRefusedAndChangesNothing_data();
    void badInputIsRefusedAndChangesNothing();
    void invalidSettingsAreRejected_data();
    void invalidSettingsAreRejected();
    void durationsOutOfRangeAreRejected();
    void defaultBatchIsBatchOnlyWhereTheRequestCannotChoose();
    void effectiveMaxIsTheLesserLimitSet();
    void jsonRoundTrips_data();
    void jsonRoundTrips();
    void jsonKeepsEachOwnersShape();
};

void TestTokenSettings::readsVaultFieldNamesAndInputForms()
{
    TokenSettings settings;
    const auto read = settings.readJson(TokenSettings::user(), json(R"({
        "token_policies": "Ebooks, wifi,ebooks",
        "token_ttl": "1h",
        "token_max_ttl": 7200,
        "token_explicit_max_ttl": "3h",
        "token_period": 0,
        "token_num_uses": "3",
        "token_no_default_policy": "T",
        "token_type": "default"
    })"));
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().message));
    QCOMPARE(settings.policies, (QStringList{QStringLiteral("ebooks"), QStringLiteral("wifi")}));
    QCOMPARE(settings.ttl, 3600);
    QCOMPARE(settings.maxTtl, 7200);
    QCOMPARE(settings.explicitMaxTtl, 3 * 3600);
    QCOMPARE(settings.numUses, 3);
    QVERIFY(settings.noDefaultPolicy);
    QCOMPARE(settings.tokenType, RoleTokenType::DefaultService);
    QVERIFY(settings.validate(TokenSettings::user()).ok());

    // Booleans as Go's ParseBool reads them, and as 0/1.
    for (const char* text :
         {R"({"token_no_default_policy": "FALSE"})", R"({"token_no_default_policy": 0})",
          R"({"token_no_default_policy": false})"}) {
        settings.noDefaultPolicy = true;
        QVERIFY(settings.readJson(TokenSettings::role(), json(text)).ok());
        QVERIFY2(!settings.noDefaultPolicy, text);
    }
}

void TestTokenSettings::olderNamesAreReadOnlyWhenTheNewerIsAbsent()
{
    TokenSettings role;
    QVERIFY(role.readJson(TokenSettings::role(),
                          json(R"({"explicit_max_ttl": "2h", "period": 60, "token_period": 120})"))
                .ok());
    QCOMPARE(role.explicitMaxTtl, 7200);
    QCOMPARE(role.period, 120);

    TokenSettings user;
    QVERIFY(user.readJson(TokenSettings::user(), json(R"({"policies": ["ebooks"]})")).ok());
    QCOMPARE(user.policies, QStringList{QStringLiteral("ebooks")});
    QVERIFY(user.readJson(TokenSettings::user(),
                          json(R"({"policies": ["ebooks"], "token_policies": ["wifi"]})"))
                .ok());
    QCOMPARE(user.policies, QStringList{QStringLiteral("wifi")});
}

void TestTokenSettings::fieldsAnOwnerLacksAreLeftAlone()
{
    // Roles have no token_policies or token_max_ttl; users do not read Vault's
    // role-only older name "period".
    TokenSettings role;
    QVERIFY(role.readJson(TokenSettings::role(),
                          json(R"({"token_policies": ["ebooks"], "token_max_ttl": "1h"})"))
                .ok());
    QCOMPARE(role, TokenSettings{});
    TokenSettings user;
    QVERIFY(user.readJson(TokenSettings::user(), json(R"({"period": "1h"})")).ok());
    QCOMPARE(user, TokenSettings{});

    // Set in code, they make the settings invalid for that owner.
    role.maxTtl = 3600;
    QVERIFY(!role.validate(TokenSettings::role()).ok());
    QVERIFY(role.validate(TokenSettings::user()).ok());
}

void TestTokenSettings::fieldsNotGivenKeepTheirValue()
{
    TokenSettings settings;
    settings.ttl = 600;
    settings.numUses = 4;
    QVERIFY(settings.readJson(TokenSettings::role(), json(R"({"token_period": "1h"})")).ok());
    QCOMPARE(settings.ttl, 600);
    QCOMPARE(settings.numUses, 4);
    QCOMPARE(settings.period, 3600);
}

void TestTokenSettings::badInputIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("duration that is not one")
        << QByteArray(R"({"token_ttl": "soon"})") << "token_ttl";
    QTest::newRow("negative duration") << QByteArray(R"({"token_period": -5})") << "token_period";
    QTest::newRow("fractional use count")
        << QByteArray(R"({"token_num_uses": 1.5})") << "whole number";
    QTest::newRow("negative use count") << QByteArray(R"({"token_num_uses": -1})") << "negative";
    QTest::newRow("huge use count") << QByteArray(R"({"token_num_uses": 1e12})") << "too large";
    QTest::newRow("bool that is not one")
        << QByteArray(R"({"token_no_default_policy": "maybe"})") << "token_no_default_policy";
    QTest::newRow("unknown token type") << QByteArray(R"({"token_type": "jwt"})") << "token_type";
    QTest::newRow("token type not a string") << QByteArray(R"({"token_type": 1})") << "token_type";
    QTest::newRow("policy list of numbers")
        << QByteArray(R"({"token_policies": [1]})") << "token_policies";
    QTest::newRow("invalid policy name")
        << QByteArray(R"({"token_policies": "ok, not ok"})") << "token_policies";
    QTest::newRow("older name, bad value") << QByteArray(R"({"policies": {"a": 1}})") << "policies";
}

void TestTokenSettings::badInputIsRefusedAndChangesNothing()
{
    QFETCH(QByteArray, fields);
    QFETCH(QString, fragment);
    TokenSettings settings;
    const auto read =
        settings.readJson(TokenSettings::user(), QJsonDocument::fromJson(fields).object());
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, tessera::ErrorCode::InvalidArgument);
    QVERIFY2(read.error().message.contains(fragment), qPrintable(read.error().message));
    QCOMPARE(settings, TokenSettings{});
}

void TestTokenSettings::invalidSettingsAreRejected_data()
{
    QTest::addColumn<bool>("forRole");
    QTest::addColumn<QByteArray>("fields");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("batch role, periodic")
        << true << QByteArray(R"({"token_type": "batch", "token_period": "1h"})")
        << "role is set to generate periodic tokens";
    QTest::newRow("batch role, use limit")
        << true << QByteArray(R"({"token_type": "batch", "token_num_uses": 1})")
        << "limited use count";
    QTest::newRow("batch user, periodic")
        << false << QByteArray(R"({"token_type": "batch", "token_period": "1h"})")
        << "user is set to generate periodic tokens";
    QTest::newRow("default-batch user, use limit")
        << false << QByteArray(R"({"token_type": "default-batch", "token_num_uses": 2})")
        << "limited use count";
    QTest::newRow("role ttl above explicit max")
        << true << QByteArray(R"({"token_ttl": "2h", "token_explicit_max_ttl": "1h"})")
        << "token_ttl must not be greater than token_explicit_max_ttl";
    QTest::newRow("user ttl above max")
        << false << QByteArray(R"({"token_ttl": "2h", "token_max_ttl": "1h"})") << "token_max_ttl";
    QTest::newRow("user with root")
        << false << QByteArray(R"({"token_policies": ["ebooks", "root"]})") << "root";
    QTest::newRow("duration above the maximum")
        << true << QByteArray(R"({"token_ttl": 9999999999999})") << "token_ttl";
}

void TestTokenSettings::invalidSettingsAreRejected()
{
    QFETCH(bool, forRole);
    QFETCH(QByteArray, fields);
    QFETCH(QString, fragment);
    const Owner& owner = forRole ? TokenSettings::role() : TokenSettings::user();
    TokenSettings settings;
    const auto read = settings.readJson(owner, QJsonDocument::fromJson(fields).object());
    const auto valid = read.ok() ? settings.validate(owner) : read;
    QVERIFY(!valid.ok());
    QCOMPARE(valid.error().code, tessera::ErrorCode::InvalidArgument);
    QVERIFY2(valid.error().message.contains(fragment), qPrintable(valid.error().message));
}

void TestTokenSettings::durationsOutOfRangeAreRejected()
{
    for (qint64 TokenSettings::*field : {&TokenSettings::ttl, &TokenSettings::maxTtl,
                                         &TokenSettings::explicitMaxTtl, &TokenSettings::period}) {
        for (const qint64 bad : {qint64(-1), kMaxDurationSeconds + 1}) {
            TokenSettings settings;
            settings.*field = bad;
            const auto valid = settings.validate(TokenSettings::user());
            QVERIFY(!valid.ok());
            QVERIFY2(valid.error().message.contains(u"user's durations"),
                     qPrintable(valid.error().message));
        }
    }
    TokenSettings negativeUses;
    negativeUses.numUses = -1;
    QVERIFY(!negativeUses.validate(TokenSettings::role()).ok());
}

void TestTokenSettings::defaultBatchIsBatchOnlyWhereTheRequestCannotChoose()
{
    TokenSettings settings;
    settings.tokenType = RoleTokenType::DefaultBatch;
    settings.numUses = 2;
    // A role's request may ask for a service token, which may be use-limited.
    QVERIFY(!settings.alwaysBatch(TokenSettings::role()));
    QVERIFY(settings.validate(TokenSettings::role()).ok());
    // A sign-in has no request: default-batch users get batch tokens.
    QVERIFY(settings.alwaysBatch(TokenSettings::user()));
    QVERIFY(!settings.validate(TokenSettings::user()).ok());
    QCOMPARE(settings.tokenKindFor(std::nullopt), TokenKind::Batch);
    QCOMPARE(settings.tokenKindFor(TokenKind::Service), TokenKind::Service);
    settings.tokenType = RoleTokenType::Batch;
    QCOMPARE(settings.tokenKindFor(TokenKind::Service), TokenKind::Batch);
}

void TestTokenSettings::effectiveMaxIsTheLesserLimitSet()
{
    TokenSettings settings;
    QCOMPARE(settings.effectiveMaxTtl(), 0);
    settings.maxTtl = 7200;
    QCOMPARE(settings.effectiveMaxTtl(), 7200);
    settings.explicitMaxTtl = 3600;
    QCOMPARE(settings.effectiveMaxTtl(), 3600);
    settings.maxTtl = 0;
    QCOMPARE(settings.effectiveMaxTtl(), 3600);
}

void TestTokenSettings::jsonRoundTrips_data()
{
    QTest::addColumn<bool>("forRole");
    QTest::addColumn<int>("type");
    QTest::newRow("role, default-service") << true << int(RoleTokenType::DefaultService);
    QTest::newRow("role, default-batch") << true << int(RoleTokenType::DefaultBatch);
    QTest::newRow("role, service") << true << int(RoleTokenType::Service);
    QTest::newRow("user, default-service") << false << int(RoleTokenType::DefaultService);
    QTest::newRow("user, service") << false << int(RoleTokenType::Service);
}

void TestTokenSettings::jsonRoundTrips()
{
    QFETCH(bool, forRole);
    QFETCH(int, type);
    const Owner& owner = forRole ? TokenSettings::role() : TokenSettings::user();
    TokenSettings settings;
    settings.tokenType = RoleTokenType(type);
    settings.ttl = 3600;
    settings.explicitMaxTtl = 7200;
    settings.period = 1800;
    settings.numUses = 5;
    settings.noDefaultPolicy = true;
    if (!forRole) {
        settings.policies = {QStringLiteral("ebooks"), QStringLiteral("wifi")};
        settings.maxTtl = 5400;
    }
    QVERIFY(settings.validate(owner).ok());
    TokenSettings back;
    QVERIFY(back.readJson(owner, settings.toJson(owner)).ok());
    QCOMPARE(back, settings);
}

void TestTokenSettings::jsonKeepsEachOwnersShape()
{
    TokenSettings settings;
    settings.explicitMaxTtl = 7200;
    settings.period = 60;

    const QJsonObject role = settings.toJson(TokenSettings::role());
    QCOMPARE(role.keys(),
             (QStringList{QStringLiteral("explicit_max_ttl"), QStringLiteral("period"),
                          QStringLiteral("token_explicit_max_ttl"),
                          QStringLiteral("token_no_default_policy"),
                          QStringLiteral("token_num_uses"), QStringLiteral("token_period"),
                          QStringLiteral("token_ttl"), QStringLiteral("token_type")}));
    QCOMPARE(role.value(u"explicit_max_ttl").toInteger(), 7200);
    QCOMPARE(role.value(u"period").toInteger(), 60);
    QCOMPARE(role.value(u"token_type").toString(), QStringLiteral("default-service"));

    settings.policies = {QStringLiteral("ebooks")};
    const QJsonObject user = settings.toJson(TokenSettings::user());
    QCOMPARE(
        user.keys(),
        (QStringList{QStringLiteral("policies"), QStringLiteral("token_explicit_max_ttl"),
                     QStringLiteral("token_max_ttl"), QStringLiteral("token_no_default_policy"),
                     QStringLiteral("token_num_uses"), QStringLiteral("token_period"),
                     QStringLiteral("token_policies"), QStringLiteral("token_ttl"),
                     QStringLiteral("token_type")}));
    QCOMPARE(user.value(u"policies").toArray(), QJsonArray{QStringLiteral("ebooks")});
    QCOMPARE(user.value(u"token_policies").toArray(), QJsonArray{QStringLiteral("ebooks")});
    QCOMPARE(user.value(u"token_type").toString(), QStringLiteral("default"));
}

QTEST_GUILESS_MAIN(TestTokenSettings)
#include "tst_tokensettings.moc"
