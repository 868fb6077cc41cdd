// TOTP codes: RFC 6238's SHA-1 vectors, the drift window, each code once, and
// codes from an independent implementation (oathtool) for a fresh secret.
#include "engine/Base32.h"
#include "engine/Totp.h"
#include "support/Oathtool.h"

#include <QTest>

using tessera::engine::base32Encode;
using tessera::engine::Totp;

namespace {

// RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const QByteArray kRfcSecret("12345678901234567890");
// Any instant well inside a step (a multiple of 30 plus 10 seconds).
constexpr qint64 kNow = 1'790'000'020;

} // namespace

class TestTotp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesMatchRfc6238Sha1Vectors_data()
    {
        QTest::addColumn<qint64>("time");
        QTest::addColumn<QString>("eightDigits");
        QTest::newRow("59") << qint64(59) << QStringLiteral("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << QStringLiteral("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << QStringLiteral("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << QStringLiteral("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << QStringLiteral("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << QStringLiteral("65353130");
    }

    void codesMatchRfc6238Sha1Vectors()
    {
        QFETCH(qint64, time);
        QFETCH(QString, eightDigits);
        QCOMPARE(Totp::code(kRfcSecret, Totp::stepAt(time), 8), eightDigits);
        // Six digits are the same number modulo 10^6: the last six.
        QCOMPARE(Totp::code(kRfcSecret, Totp::stepAt(time)), eightDigits.right(6));
        QVERIFY(Totp::acceptedStep(kRfcSecret, eightDigits.right(6), time, 0).has_value());
    }

    void oneStepOfDriftIsAcceptedTwoAreRefused_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("two steps behind") << -2 << false;
        QTest::newRow("one step behind") << -1 << true;
        QTest::newRow("current step") << 0 << true;
        QTest::newRow("one step ahead") << 1 << true;
        QTest::newRow("two steps ahead") << 2 << false;
    }

    void oneStepOfDriftIsAcceptedTwoAreRefused()
    {
        QFETCH(int, offset);
        QFETCH(bool, accepted);
        const qint64 step = Totp::stepAt(kNow) + offset;
        const auto result = Totp::acceptedStep(kRfcSecret, Totp::code(kRfcSecret, step), kNow, 0);
        QCOMPARE(result.has_value(), accepted);
        if (accepted)
            QCOMPARE(*result, step);
    }

    void replayedCodeIsRefusedInsideItsWindow()
    {
        const QString code = Totp::code(kRfcSecret, Totp::stepAt(kNow));
        const auto first = Totp::acceptedStep(kRfcSecret, code, kNow, 0);
        QVERIFY(first.has_value());
        // The same code, 20 s later (same step) and 40 s later (still within
        // the drift window): refused, since its step is not after the last accepted.
        QVERIFY(!Totp::acceptedStep(kRfcSecret, code, kNow, *first).has_value());
        QVERIFY(!Totp::acceptedStep(kRfcSecret, code, kNow + 40, *first).has_value());
        // An older code than the accepted one is refused too.
        const QString older = Totp::code(kRfcSecret, *first - 1);
        QVERIFY(!Totp::acceptedStep(kRfcSecret, older, kNow, *first).has_value());
        // The next step's code is fine.
        const QString next = Totp::code(kRfcSecret, *first + 1);
        QCOMPARE(Totp::acceptedStep(kRfcSecret, next, kNow + 30, *first).value_or(-1), *first + 1);
    }

    void malformedCodesAreRefused_data()
    {
        QTest::addColumn<QString>("code");
        QTest::newRow("empty") << QString();
        QTest::newRow("five digits") << QStringLiteral("12345");
        QTest::newRow("seven digits") << QStringLiteral("1234567");
        QTest::newRow("letters") << QStringLiteral("12a456");
        QTest::newRow("spaces") << QStringLiteral("123 456");
        QTest::newRow("arabic-indic digits") << QStringLiteral("١٢٣٤٥٦");
    }

    void malformedCodesAreRefused()
    {
        QFETCH(QString, code);
        QVERIFY(!Totp::isWellFormed(code));
        QVERIFY(!Totp::acceptedStep(kRfcSecret, code, kNow, 0).has_value());
    }

    void newSecretsAreTwentyRandomBytes()
    {
        const QByteArray a = Totp::newSecret();
        const QByteArray b = Totp::newSecret();
        QCOMPARE(a.size(), Totp::kSecretBytes);
        QVERIFY(a != b);
    }

    void otpauthUriNamesIssuerAndUser()
    {
        QCOMPARE(Totp::otpauthUri(QStringLiteral("alice"), kRfcSecret),
                 QStringLiteral("otpauth://totp/Tessera:alice?"
                                "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Tessera"));
    }

    // oathtool (Debian's oathtool package) is an independent implementation:
    // it reads our Base32 and must compute the codes we accept.
    void codesMatchOathtoolForAFreshSecret()
    {
        const QByteArray secret = Totp::newSecret();
        for (const qint64 time : {qint64(59), kNow, qint64(2'000'000'000), kNow + 12'345}) {
            const QString theirs = tessera::test::oathtoolCode(base32Encode(secret), time);
            if (theirs.isEmpty())
                QSKIP(tessera::test::kOathtoolMissing);
            QCOMPARE(Totp::code(secret, Totp::stepAt(time)), theirs);
            QCOMPARE(Totp::acceptedStep(secret, theirs, time, 0).value_or(-1), Totp::stepAt(time));
        }
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
