#include "core/Error.h"

#include <QSet>
#include <QTest>

using namespace tessera;

namespace {

// Every ErrorCode, in declaration order. Adding a code without adding it here
// fails everyCodeIsListed.
const QList<ErrorCode> kAllCodes{
    ErrorCode::InvalidArgument, ErrorCode::PermissionDenied,
    ErrorCode::NotFound,        ErrorCode::WrongPassphrase,
    ErrorCode::NotAStore,       ErrorCode::StoreCorrupt,
    ErrorCode::Conflict,        ErrorCode::InvalidCredentials,
    ErrorCode::RateLimited,     ErrorCode::Io,
    ErrorCode::StoreReplaced,   ErrorCode::Internal,
};

} // namespace

class TestError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeIsListed();
    void eachCodeHasOneHttpStatusExitCodeAndName_data();
    void eachCodeHasOneHttpStatusExitCodeAndName();
    void everyCodeHasARowOfItsOwn();
    void callerMistakesAre4xxAndFailuresOfOursAre5xx();
    void noErrorExitsWithSuccess();
    void anUnknownCodeIsTreatedAsInternal();
    void helpersSetTheirCode();
    void aTranslatableMessageKeepsItsEnglishText();
};

void TestError::everyCodeIsListed()
{
    // The enum's values are 0…Internal without gaps.
    QCOMPARE(kAllCodes.size(), int(ErrorCode::Internal) + 1);
    for (int i = 0; i < kAllCodes.size(); ++i)
        QCOMPARE(int(kAllCodes.at(i)), i);
}

void TestError::eachCodeHasOneHttpStatusExitCodeAndName_data()
{
    // What API clients (Vault's libraries among them) and scripts calling
    // tessera-cli see. CLI exit codes: 1 usage, 2 refused, 3 failure.
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("http");
    QTest::addColumn<int>("exit");
    QTest::addColumn<QString>("name");
    QTest::newRow("invalid argument")
        << ErrorCode::InvalidArgument << 400 << 1 << "invalid_argument";
    QTest::newRow("permission denied")
        << ErrorCode::PermissionDenied << 403 << 2 << "permission_denied";
    QTest::newRow("not found") << ErrorCode::NotFound << 404 << 2 << "not_found";
    QTest::newRow("wrong passphrase")
        << ErrorCode::WrongPassphrase << 403 << 2 << "wrong_passphrase";
    QTest::newRow("not a store") << ErrorCode::NotAStore << 400 << 2 << "not_a_store";
    QTest::newRow("store corrupt") << ErrorCode::StoreCorrupt << 500 << 3 << "store_corrupt";
    QTest::newRow("conflict") << ErrorCode::Conflict << 400 << 2 << "conflict";
    QTest::newRow("invalid credentials (Vault answers 400)")
        << ErrorCode::InvalidCredentials << 400 << 2 << "invalid_credentials";
    QTest::newRow("rate limited") << ErrorCode::RateLimited << 429 << 2 << "rate_limited";
    QTest::newRow("io") << ErrorCode::Io << 500 << 3 << "io";
    QTest::newRow("store replaced") << ErrorCode::StoreReplaced << 503 << 3 << "store_replaced";
    QTest::newRow("internal") << ErrorCode::Internal << 500 << 3 << "internal";
}

void TestError::eachCodeHasOneHttpStatusExitCodeAndName()
{
    QFETCH(ErrorCode, code);
    QFETCH(int, http);
    QFETCH(int, exit);
    QFETCH(QString, name);
    QCOMPARE(httpStatus(code), http);
    QCOMPARE(exitCode(code), exit);
    QCOMPARE(errorCodeName(code), name);
}

void TestError::everyCodeHasARowOfItsOwn()
{
    // A code missing from the table would fall back to Internal's row.
    QSet<QString> names;
    for (const ErrorCode code : kAllCodes) {
        const QString name = errorCodeName(code);
        QVERIFY2(!names.contains(name), qPrintable(name));
        names.insert(name);
    }
    QCOMPARE(names.size(), kAllCodes.size());
}

void TestError::callerMistakesAre4xxAndFailuresOfOursAre5xx()
{
    // The API and the CLI agree on whose fault it is: 5xx exactly when the CLI
    // says "failure" (exit 3), 4xx when it says "usage" or "refused".
    for (const ErrorCode code : kAllCodes) {
        const int http = httpStatus(code);
        QVERIFY2(http >= 400 && http < 600, qPrintable(errorCodeName(code)));
        QCOMPARE(http >= 500, exitCode(code) == 3);
    }
}

void TestError::noErrorExitsWithSuccess()
{
    for (const ErrorCode code : kAllCodes) {
        QVERIFY2(exitCode(code) >= 1 && exitCode(code) <= 3, qPrintable(errorCodeName(code)));
    }
}

void TestError::anUnknownCodeIsTreatedAsInternal()
{
    const auto unknown = static_cast<ErrorCode>(int(ErrorCode::Internal) + 7);
    QCOMPARE(httpStatus(unknown), 500);
    QCOMPARE(exitCode(unknown), 3);
    QCOMPARE(errorCodeName(unknown), QStringLiteral("internal"));
}

void TestError::helpersSetTheirCode()
{
    QCOMPARE(Error::invalid(QStringLiteral("bad")).code, ErrorCode::InvalidArgument);
    QCOMPARE(Error::denied(QStringLiteral("no")).code, ErrorCode::PermissionDenied);
    QCOMPARE(Error::notFound(QStringLiteral("gone")).code, ErrorCode::NotFound);
    QCOMPARE(Error::internal(QStringLiteral("bug")).code, ErrorCode::Internal);
    QCOMPARE(Error::notFound(QStringLiteral("no such role")).message,
             QStringLiteral("no such role"));
    QCOMPARE(Error{}.code, ErrorCode::Internal);
    QCOMPARE(Error{}.retryAfterSeconds, qint64(0));
}

void TestError::aTranslatableMessageKeepsItsEnglishText()
{
    const Error error = Error::invalid(Message{"%1 is not a duration", {QStringLiteral("5x")}});
    QCOMPARE(error.code, ErrorCode::InvalidArgument);
    QCOMPARE(error.message, QStringLiteral("5x is not a duration"));
    QCOMPARE(QByteArray(error.translatable.source), QByteArray("%1 is not a duration"));
    QCOMPARE(error.translatable.args, QStringList{QStringLiteral("5x")});
    QVERIFY(Error::invalid(QStringLiteral("plain")).translatable.isEmpty());
}

QTEST_GUILESS_MAIN(TestError)
#include "tst_error.moc"
