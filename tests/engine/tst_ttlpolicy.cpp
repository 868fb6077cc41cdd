#include "engine/EngineConfig.h"
#include "engine/Role.h"
#include "engine/Token.h"
#include "engine/TtlPolicy.h"

#include <QTest>

using namespace tessera::engine;

namespace {

constexpr qint64 kNow = 1'790'000'000;
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 86400;

} // namespace

class TestTtlPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void creation_data();
    void creation();
    void requestedTtlAboveExplicitMaxIsCappedWithWarning();
    void requestedTtlAboveSystemMaxIsCappedWithWarning();
    void rootTokenWithoutTtlNeverExpires();
    void storedLimitsAreTheLesserOfRequestAndRole();
    void negativeOrHugeInputsAreRejected();

    void renewal_data();
    void renewal();
    void renewPastMaxTtlIsRefused();
    void nonRenewableTokenIsRefused();
    void periodicTokenRenewsToPeriodWithoutSystemMax();
    void nonPeriodicTokenNeverOutlivesItsEffectiveMax();
    void tokenWithoutExpiryStaysWithoutExpiry();
    void renewalCapWarningNamesTheRemainingTime();
    void roleTokenRenewsWithTheRolesCurrentPeriod();
};

void TestTtlPolicy::creation_data()
{
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<qint64>("explicitMax");
    QTest::addColumn<qint64>("period");
    QTest::addColumn<qint64>("roleTtl");
    QTest::addColumn<qint64>("roleMax");
    QTest::addColumn<qint64>("rolePeriod");
    QTest::addColumn<qint64>("systemMax");
    QTest::addColumn<bool>("root");
    QTest::addColumn<qint64>("expectedTtl"); // 0: no expiry
    QTest::addColumn<qint64>("expectedEffectiveMax");
    QTest::addColumn<int>("warnings");

    const qint64 sys = kDefaultSystemMaxTtl;
    // clang-format off
    //                                                        ttl         max       period     roleTtl  roleMax  rolePer  sysMax  root   -> ttl        effMax   warnings
    QTest::newRow("no ttl gets the system default")        << 0ll        << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << 32 * kDay  << sys    << 0;
    QTest::newRow("requested ttl within the max")          << kHour      << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << sys    << 0;
    QTest::newRow("requested ttl above system max")        << 40 * kDay  << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << 32 * kDay  << sys    << 1;
    QTest::newRow("requested ttl above explicit max")      << 2 * kHour  << kHour   << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << kHour  << 1;
    QTest::newRow("explicit max above system max")         << 0ll        << 90*kDay << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << 32 * kDay  << sys    << 0;
    QTest::newRow("default ttl capped quietly")            << 0ll        << kHour   << 0ll     << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << kHour  << 0;
    QTest::newRow("small system max caps the default")     << 0ll        << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << kHour<< false << kHour      << kHour  << 0;
    QTest::newRow("role ttl when none requested")          << 0ll        << 0ll     << 0ll     << 600ll << 0ll   << 0ll   << sys  << false << 600ll      << sys    << 0;
    QTest::newRow("requested ttl beats role ttl")          << 120ll      << 0ll     << 0ll     << 600ll << 0ll   << 0ll   << sys  << false << 120ll      << sys    << 0;
    QTest::newRow("role max caps requested ttl")           << 2 * kHour  << 0ll     << 0ll     << 0ll   << kHour << 0ll   << sys  << false << kHour      << kHour  << 1;
    QTest::newRow("role max caps role ttl")                << 0ll        << 0ll     << 0ll     << 2*kHour<< kHour<< 0ll   << sys  << false << kHour      << kHour  << 1;
    QTest::newRow("lesser of request and role max")        << 0ll        << 2*kHour << 0ll     << 0ll   << kHour << 0ll   << sys  << false << kHour      << kHour  << 1;
    QTest::newRow("periodic ttl is the period")            << 0ll        << 0ll     << kHour   << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << 0ll    << 0;
    QTest::newRow("period beats requested ttl")            << 5*kMinute  << 0ll     << kHour   << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << 0ll    << 0;
    QTest::newRow("period above system max is kept")       << 0ll        << 0ll     << 40*kDay << 0ll   << 0ll   << 0ll   << sys  << false << 40 * kDay  << 0ll    << 0;
    QTest::newRow("period capped by explicit max")         << 0ll        << kHour   << 2*kHour << 0ll   << 0ll   << 0ll   << sys  << false << kHour      << kHour  << 1;
    QTest::newRow("role period applies")                   << 0ll        << 0ll     << 0ll     << 0ll   << 0ll   << kHour << sys  << false << kHour      << 0ll    << 0;
    QTest::newRow("lesser of request and role period")     << 0ll        << 0ll     << 2*kHour << 0ll   << 0ll   << kHour << sys  << false << kHour      << 0ll    << 1;
    QTest::newRow("root without ttl never expires")        << 0ll        << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << sys  << true  << 0ll        << 0ll    << 0;
    QTest::newRow("root with ttl expires")                 << kHour      << 0ll     << 0ll     << 0ll   << 0ll   << 0ll   << sys  << true  << kHour      << sys    << 0;
    QTest::newRow("root with explicit max expires")        << 0ll        << kHour   << 0ll     << 0ll   << 0ll   << 0ll   << sys  << true  << kHour      << kHour  << 0;
    QTest::newRow("root periodic")                         << 0ll        << 0ll     << kHour   << 0ll   << 0ll   << 0ll   << sys  << true  << kHour      << 0ll    << 0;
    QTest::newRow("root from a role with a ttl")           << 0ll        << 0ll     << 0ll     << kHour << 0ll   << 0ll   << sys  << true  << kHour      << sys    << 0;
    // clang-format on
}

void TestTtlPolicy::creation()
{
    QFETCH(qint64, ttl);
    QFETCH(qint64, explicitMax);
    QFETCH(qint64, period);
    QFETCH(qint64, roleTtl);
    QFETCH(qint64, roleMax);
    QFETCH(qint64, rolePeriod);
    QFETCH(qint64, systemMax);
    QFETCH(bool, root);
    QFETCH(qint64, expectedTtl);
    QFETCH(qint64, expectedEffectiveMax);
    QFETCH(int, warnings);

    TtlCreationInput input;
    input.now = kNow;
    input.ttl = ttl;
    input.explicitMaxTtl = explicitMax;
    input.period = period;
    input.roleTtl = roleTtl;
    input.roleExplicitMaxTtl = roleMax;
    input.rolePeriod = rolePeriod;
    input.systemMaxTtl = systemMax;
    input.rootPolicy = root;

    const auto result = TtlPolicy::forCreation(input);
    QVERIFY(result.ok());
    QCOMPARE(result->ttl, expectedTtl);
    if (expectedTtl == 0)
        QCOMPARE(result->expireAt, std::nullopt);
    else
        QCOMPARE(result->expireAt, std::optional<qint64>(kNow + expectedTtl));
    QCOMPARE(result->effectiveMaxTtl, expectedEffectiveMax);
    QCOMPARE(result->warnings.size(), warnings);
    if (result->effectiveMaxTtl > 0)
        QVERIFY(result->ttl <= result->effectiveMaxTtl);
}

void TestTtlPolicy::requestedTtlAboveExplicitMaxIsCappedWithWarning()
{
    TtlCreationInput input;
    input.now = kNow;
    input.ttl = 2 * kHour;
    input.explicitMaxTtl = 90 * kMinute;
    const auto result = TtlPolicy::forCreation(input);
    QVERIFY(result.ok());
    QCOMPARE(result->ttl, 90 * kMinute);
    QCOMPARE(result->expireAt, std::optional<qint64>(kNow + 90 * kMinute));
    QCOMPARE(
        englishTexts(result->warnings),
        QStringList{QStringLiteral("TTL of \"2h\" exceeded the effective max_ttl of \"1h30m\"; "
                                   "TTL value is capped accordingly")});
}

void TestTtlPolicy::requestedTtlAboveSystemMaxIsCappedWithWarning()
{
    TtlCreationInput input;
    input.now = kNow;
    input.ttl = 40 * kDay;
    const auto result = TtlPolicy::forCreation(input);
    QCOMPARE(result->ttl, 32 * kDay);
    QCOMPARE(englishTexts(result->warnings),
             QStringList{QStringLiteral("TTL of \"40d\" exceeded the effective max_ttl of \"32d\"; "
                                        "TTL value is capped accordingly")});
}

void TestTtlPolicy::rootTokenWithoutTtlNeverExpires()
{
    TtlCreationInput input;
    input.now = kNow;
    input.rootPolicy = true;
    const auto root = TtlPolicy::forCreation(input);
    QCOMPARE(root->expireAt, std::nullopt);
    QCOMPARE(root->ttl, 0);

    input.rootPolicy = false; // the same request without root gets the default TTL
    const auto other = TtlPolicy::forCreation(input);
    QCOMPARE(other->expireAt, std::optional<qint64>(kNow + kDefaultSystemTtl));
}

void TestTtlPolicy::storedLimitsAreTheLesserOfRequestAndRole()
{
    TtlCreationInput input;
    input.now = kNow;
    input.explicitMaxTtl = 3 * kHour;
    input.roleExplicitMaxTtl = 2 * kHour;
    input.period = kHour;
    input.rolePeriod = 2 * kHour;
    const auto result = TtlPolicy::forCreation(input);
    QCOMPARE(result->explicitMaxTtl, 2 * kHour);
    QCOMPARE(result->period, kHour);
    QCOMPARE(result->warnings.size(), 2);
    QVERIFY(result->warnings[0].text().contains(u"using the lesser value of 7200 seconds"));
    QVERIFY(result->warnings[1].text().contains(u"using the lesser value of 3600 seconds"));

    TtlCreationInput roleOnly;
    roleOnly.now = kNow;
    roleOnly.roleExplicitMaxTtl = kHour;
    const auto fromRole = TtlPolicy::forCreation(roleOnly);
    QCOMPARE(fromRole->explicitMaxTtl, kHour);
    QVERIFY(fromRole->warnings.isEmpty());
}

void TestTtlPolicy::negativeOrHugeInputsAreRejected()
{
    for (qint64 bad : {qint64(-1), qint64(1) << 62}) {
        for (int field = 0; field < 3; ++field) {
            TtlCreationInput input;
            input.now = kNow;
            (field == 0 ? input.ttl : field == 1 ? input.explicitMaxTtl : input.period) = bad;
            const auto result = TtlPolicy::forCreation(input);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
        }
        TtlRenewalInput renewal;
        renewal.now = kNow;
        renewal.createdAt = kNow;
        renewal.expireAt = kNow + kHour;
        renewal.renewable = true;
        renewal.increment = bad;
        QVERIFY(!TtlPolicy::forRenewal(renewal).ok());
    }
    TtlCreationInput noSystemMax;
    noSystemMax.systemMaxTtl = 0;
    QVERIFY(!TtlPolicy::forCreation(noSystemMax).ok());
}

void TestTtlPolicy::renewal_data()
{
    QTest::addColumn<qint64>("age"); // seconds since creation
    QTest::addColumn<qint64>("creationTtl");
    QTest::addColumn<qint64>("explicitMax");
    QTest::addColumn<qint64>("period");
    QTest::addColumn<qint64>("roleMax");
    QTest::addColumn<qint64>("increment");
    QTest::addColumn<qint64>("expectedTtl"); // -1: refused
    QTest::addColumn<int>("warnings");

    // clang-format off
    //                                                       age          ttl       max       period   roleMax incr        -> ttl         warnings
    QTest::newRow("renews by the creation ttl")           << 10*kMinute << kHour   << 0ll     << 0ll   << 0ll   << 0ll      << kHour      << 0;
    QTest::newRow("increment beats the creation ttl")     << 10*kMinute << kHour   << 0ll     << 0ll   << 0ll   << 2*kHour  << 2 * kHour  << 0;
    QTest::newRow("increment may shorten")                << 10*kMinute << kHour   << 0ll     << 0ll   << 0ll   << 60ll     << 60ll       << 0;
    QTest::newRow("capped at the system max lifetime")    << 31*kDay    << 2*kDay  << 0ll     << 0ll   << 0ll   << 0ll      << kDay       << 1;
    QTest::newRow("capped at the explicit max")           << 30*kMinute << kHour   << kHour   << 0ll   << 0ll   << 0ll      << 30*kMinute << 1;
    QTest::newRow("increment capped at the explicit max") << 30*kMinute << kHour   << kHour   << 0ll   << 0ll   << 5*kHour  << 30*kMinute << 1;
    QTest::newRow("past the explicit max")                << 2*kHour    << kHour   << kHour   << 0ll   << 0ll   << 0ll      << -1ll       << 0;
    QTest::newRow("exactly at the explicit max")          << kHour      << kHour   << kHour   << 0ll   << 0ll   << 0ll      << -1ll       << 0;
    QTest::newRow("past the system max")                  << 33*kDay    << kHour   << 0ll     << 0ll   << 0ll   << 0ll      << -1ll       << 0;
    QTest::newRow("role's current max applies")           << 2*kHour    << kHour   << 0ll     << 0ll   << kHour << 0ll      << -1ll       << 0;
    QTest::newRow("lesser of token and role max")         << 30*kMinute << kHour   << 4*kHour << 0ll   << kHour << 0ll      << 30*kMinute << 1;
    QTest::newRow("periodic renews to the period")        << 100*kDay   << kHour   << 0ll     << kHour << 0ll   << 0ll      << kHour      << 0;
    QTest::newRow("periodic ignores the increment")       << 10*kMinute << kHour   << 0ll     << kHour << 0ll   << 5*kHour  << kHour      << 0;
    QTest::newRow("periodic capped by explicit max")      << 50*kMinute << kHour   << kHour   << kHour << 0ll   << 0ll      << 10*kMinute << 1;
    QTest::newRow("periodic past explicit max")           << 2*kHour    << kHour   << kHour   << kHour << 0ll   << 0ll      << -1ll       << 0;
    QTest::newRow("no creation ttl uses the default")     << 10*kMinute << 0ll     << 0ll     << 0ll   << 0ll   << 0ll      << 32*kDay - 10*kMinute << 1;
    // clang-format on
}

void TestTtlPolicy::renewal()
{
    QFETCH(qint64, age);
    QFETCH(qint64, creationTtl);
    QFETCH(qint64, explicitMax);
    QFETCH(qint64, period);
    QFETCH(qint64, roleMax);
    QFETCH(qint64, increment);
    QFETCH(qint64, expectedTtl);
    QFETCH(int, warnings);

    TtlRenewalInput input;
    input.now = kNow;
    input.createdAt = kNow - age;
    input.creationTtl = creationTtl;
    input.expireAt = kNow + 60; // not yet expired
    input.explicitMaxTtl = explicitMax;
    input.period = period;
    input.roleExplicitMaxTtl = roleMax;
    input.renewable = true;
    input.increment = increment;

    const auto result = TtlPolicy::forRenewal(input);
    if (expectedTtl < 0) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, QStringLiteral("past the max TTL, cannot renew"));
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
    QCOMPARE(result->ttl, expectedTtl);
    QCOMPARE(result->expireAt, std::optional<qint64>(kNow + expectedTtl));
    QCOMPARE(result->warnings.size(), warnings);
}

void TestTtlPolicy::renewPastMaxTtlIsRefused()
{
    TtlRenewalInput input;
    input.createdAt = kNow;
    input.creationTtl = kHour;
    input.explicitMaxTtl = 3 * kHour;
    input.renewable = true;
    input.now = kNow + 3 * kHour + 1;
    input.expireAt = kNow + 3 * kHour;
    const auto result = TtlPolicy::forRenewal(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, tessera::ErrorCode::InvalidArgument);
    QCOMPARE(result.error().message, QStringLiteral("past the max TTL, cannot renew"));
}

void TestTtlPolicy::nonRenewableTokenIsRefused()
{
    TtlRenewalInput input;
    input.now = kNow;
    input.createdAt = kNow - 60;
    input.creationTtl = kHour;
    input.expireAt = kNow + kHour - 60;
    input.renewable = false;
    const auto result = TtlPolicy::forRenewal(input);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().message, QStringLiteral("token is not renewable"));
}

void TestTtlPolicy::periodicTokenRenewsToPeriodWithoutSystemMax()
{
    TtlCreationInput creation;
    creation.now = kNow;
    creation.period = kDay;
    creation.ttl = 7 * kDay; // ignored: a periodic token's TTL is its period
    const auto created = TtlPolicy::forCreation(creation);
    QCOMPARE(created->ttl, kDay);

    // Renewed daily for 100 days, well past the 32-day system max.
    std::optional<qint64> expireAt = created->expireAt;
    for (int day = 1; day <= 100; ++day) {
        TtlRenewalInput renewal;
        renewal.now = kNow + day * kDay - kHour;
        renewal.createdAt = kNow;
        renewal.creationTtl = created->ttl;
        renewal.expireAt = expireAt;
        renewal.period = created->period;
        renewal.renewable = true;
        renewal.increment = 30 * kDay; // ignored
        const auto renewed = TtlPolicy::forRenewal(renewal);
        QVERIFY(renewed.ok());
        QCOMPARE(renewed->expireAt, std::optional<qint64>(renewal.now + kDay));
        QVERIFY(renewed->warnings.isEmpty());
        expireAt = renewed->expireAt;
    }
}

void TestTtlPolicy::nonPeriodicTokenNeverOutlivesItsEffectiveMax()
{
    for (const qint64 explicitMax : {qint64(0), 5 * kHour, 40 * kDay}) {
        TtlCreationInput creation;
        creation.now = kNow;
        creation.ttl = 2 * kHour;
        creation.explicitMaxTtl = explicitMax;
        const auto created = TtlPolicy::forCreation(creation);
        QVERIFY(created.ok());
        const qint64 limit = kNow + created->effectiveMaxTtl;

        std::optional<qint64> expireAt = created->expireAt;
        bool refused = false;
        for (qint64 now = kNow + kHour; now < kNow + 40 * kDay && !refused; now += kHour) {
            TtlRenewalInput renewal;
            renewal.now = now;
            renewal.createdAt = kNow;
            renewal.creationTtl = created->ttl;
            renewal.expireAt = expireAt;
            renewal.explicitMaxTtl = created->explicitMaxTtl;
            renewal.renewable = true;
            const auto renewed = TtlPolicy::forRenewal(renewal);
            if (!renewed.ok()) {
                refused = true;
                QVERIFY(now >= limit);
                break;
            }
            QVERIFY(*renewed->expireAt <= limit);
            expireAt = renewed->expireAt;
        }
        QVERIFY(refused);
        QCOMPARE(*expireAt, limit);
    }
}

void TestTtlPolicy::tokenWithoutExpiryStaysWithoutExpiry()
{
    TtlRenewalInput input;
    input.now = kNow;
    input.createdAt = kNow - 400 * kDay;
    input.renewable = true;
    input.increment = kHour;
    const auto result = TtlPolicy::forRenewal(input);
    QVERIFY(result.ok());
    QCOMPARE(result->expireAt, std::nullopt);
}

void TestTtlPolicy::renewalCapWarningNamesTheRemainingTime()
{
    TtlRenewalInput input;
    input.now = kNow;
    input.createdAt = kNow - 30 * kMinute;
    input.creationTtl = kHour;
    input.expireAt = kNow + 30 * kMinute;
    input.explicitMaxTtl = kHour;
    input.renewable = true;
    const auto result = TtlPolicy::forRenewal(input);
    QCOMPARE(englishTexts(result->warnings),
             QStringList{QStringLiteral("TTL of \"1h\" exceeded the effective max_ttl of \"30m\"; "
                                        "TTL value is capped accordingly")});
}

void TestTtlPolicy::roleTokenRenewsWithTheRolesCurrentPeriod()
{
    // Created periodic (1h) from a role; the role's period has changed since.
    Token token;
    token.createdAt = kNow - 100 * kDay;
    token.creationTtl = kHour;
    token.expireAt = kNow + 10 * kMinute;
    token.period = kHour;
    token.renewable = true;
    Role role;
    role.name = QStringLiteral("semester");
    for (const qint64 rolePeriod : {2 * kHour, 30 * kMinute}) {
        role.settings.period = rolePeriod;
        const TtlRenewalInput input =
            TtlPolicy::renewalInput(token, &role, kNow, 0, EngineConfig{});
        QCOMPARE(input.period, rolePeriod);
        const auto renewed = TtlPolicy::forRenewal(input);
        QVERIFY(renewed.ok());
        QCOMPARE(renewed->ttl, rolePeriod);
    }
    // Without a role the token keeps its own period.
    QCOMPARE(TtlPolicy::renewalInput(token, nullptr, kNow, 0, EngineConfig{}).period, kHour);
    // A role whose period was dropped renews the token as a non-periodic one,
    // bounded by the system max since creation: 100 days old is past it.
    role.settings.period = 0;
    const auto dropped =
        TtlPolicy::forRenewal(TtlPolicy::renewalInput(token, &role, kNow, 0, EngineConfig{}));
    QVERIFY(!dropped.ok());
}

QTEST_GUILESS_MAIN(TestTtlPolicy)
#include "tst_ttlpolicy.moc"
