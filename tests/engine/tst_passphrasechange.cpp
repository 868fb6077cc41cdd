// Store > Change Passphrase as the console runs it (engine/PassphraseChange):
// the current passphrase is checked first, and a store busy with other
// connections is tried again for a while before the Conflict is reported.
#include "engine/PassphraseChange.h"
#include "engine/StoreSetup.h"
#include "engine/TokenEngine.h"
#include "store/Store.h"
#include "support/TempEngine.h"

#include <QTest>
#include <optional>

using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

const QByteArray kNewPassphrase("a new passphrase for the archive");

SecretBytes secret(const QByteArray& text)
{
    return SecretBytes(QByteArray(text));
}

// Closes the engine and opens the store with `passphrase`: "ok" or the error's name.
QString opensWith(TempEngine& temp, const QByteArray& passphrase)
{
    temp.close();
    auto opened = StoreSetup::open(temp.path(), passphrase);
    return opened ? QStringLiteral("ok") : errorCodeName(opened.error().code);
}

// A connection out, as a poller's read holds one: a rekey answers Conflict
// until it is back.
std::optional<store::Store::Lease> connectionOut(TempEngine& temp)
{
    auto lease = temp.store().acquire();
    return lease ? std::optional<store::Store::Lease>(std::move(*lease)) : std::nullopt;
}

const QString kOpens = QStringLiteral("ok");
const QString kWrongPassphrase = QStringLiteral("wrong_passphrase");

} // namespace

class TestPassphraseChange : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theRightPassphraseRekeysAtTheFirstAttempt();
    void aWrongCurrentPassphraseChangesNothing();
    void aBusyStoreIsTriedAgainUntilItIsFree();
    void aStoreThatStaysBusyGivesUpWithConflict();
    void refusalsOtherThanConflictAreNotRetried();
    void rekeyAloneAlsoWaitsForABusyStore();
};

void TestPassphraseChange::theRightPassphraseRekeysAtTheFirstAttempt()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    PassphraseChange change(temp.engine(), TempEngine::owner());
    int waits = 0;
    change.setWait([&waits](int) { ++waits; });

    const Status changed = change.run(secret(TempEngine::kPassphrase), secret(kNewPassphrase));
    QVERIFY2(changed.ok(), qPrintable(changed.error().message));
    QCOMPARE(waits, 0);
    // The engine goes on working on the re-encrypted file.
    QVERIFY(temp.engine().tokens().createRootToken(TempEngine::owner()).ok());

    QCOMPARE(opensWith(temp, TempEngine::kPassphrase), kWrongPassphrase);
    QCOMPARE(opensWith(temp, kNewPassphrase), kOpens);
}

void TestPassphraseChange::aWrongCurrentPassphraseChangesNothing()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    PassphraseChange change(temp.engine(), TempEngine::owner());
    int waits = 0;
    change.setWait([&waits](int) { ++waits; });

    const Status changed = change.run(secret("not the current one"), secret(kNewPassphrase));
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, ErrorCode::WrongPassphrase);
    QVERIFY(!changed.error().message.contains(QLatin1String(kNewPassphrase)));
    QCOMPARE(waits, 0);

    QCOMPARE(opensWith(temp, kNewPassphrase), kWrongPassphrase);
    QCOMPARE(opensWith(temp, TempEngine::kPassphrase), kOpens);
}

void TestPassphraseChange::aBusyStoreIsTriedAgainUntilItIsFree()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    std::optional<store::Store::Lease> busy = connectionOut(temp);
    QVERIFY(busy);
    PassphraseChange change(temp.engine(), TempEngine::owner());
    QList<int> waits;
    change.setWait([&](int attempts) {
        waits << attempts;
        if (attempts == 3)
            busy.reset(); // the read is done
    });

    const Status changed = change.run(secret(TempEngine::kPassphrase), secret(kNewPassphrase));
    QVERIFY2(changed.ok(), qPrintable(changed.error().message));
    // Three refused attempts, then (the store's own checkpointer may be in the
    // way a moment longer) the one that succeeded.
    QVERIFY(waits.size() >= 3);
    QCOMPARE(waits.mid(0, 3), (QList<int>{1, 2, 3}));

    QCOMPARE(opensWith(temp, kNewPassphrase), kOpens);
}

void TestPassphraseChange::aStoreThatStaysBusyGivesUpWithConflict()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    std::optional<store::Store::Lease> busy = connectionOut(temp);
    QVERIFY(busy);
    PassphraseChange change(temp.engine(), TempEngine::owner());
    int waits = 0;
    change.setWait([&waits](int) { ++waits; });

    const Status changed = change.run(secret(TempEngine::kPassphrase), secret(kNewPassphrase));
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, ErrorCode::Conflict);
    QCOMPARE(waits, PassphraseChange::kAttempts - 1);

    busy.reset();
    QCOMPARE(opensWith(temp, TempEngine::kPassphrase), kOpens);
}

void TestPassphraseChange::refusalsOtherThanConflictAreNotRetried()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    // A root token over the API is not the store's owner.
    Caller rootToken;
    rootToken.client = QStringLiteral("api:127.0.0.1");
    rootToken.policies = {QStringLiteral("root")};
    PassphraseChange change(temp.engine(), rootToken);
    int waits = 0;
    change.setWait([&waits](int) { ++waits; });

    const Status changed = change.run(secret(TempEngine::kPassphrase), secret(kNewPassphrase));
    QVERIFY(!changed.ok());
    QCOMPARE(changed.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(waits, 0);

    QCOMPARE(opensWith(temp, TempEngine::kPassphrase), kOpens);
}

void TestPassphraseChange::rekeyAloneAlsoWaitsForABusyStore()
{
    // tessera-cli store rekey: it opened the store with the current passphrase
    // itself, and waits out another handle as the console does.
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    std::optional<store::Store::Lease> busy = connectionOut(temp);
    QVERIFY(busy);
    PassphraseChange change(temp.engine(), TempEngine::owner());
    int waits = 0;
    change.setWait([&](int attempts) {
        ++waits;
        if (attempts == 2)
            busy.reset();
    });
    const Status changed = change.rekey(secret(kNewPassphrase));
    QVERIFY2(changed.ok(), qPrintable(changed.error().message));
    QVERIFY(waits >= 2);
    QCOMPARE(opensWith(temp, kNewPassphrase), kOpens);
}

QTEST_GUILESS_MAIN(TestPassphraseChange)
#include "tst_passphrasechange.moc"
