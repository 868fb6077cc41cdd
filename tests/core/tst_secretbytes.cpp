#include "core/SecretBytes.h"

#include <QTest>

using namespace tessera;

class TestSecretBytes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void holdsTheBytesItWasGiven();
    void movingLeavesTheSourceEmpty();
    void moveAssignmentTakesTheOtherSecret();
    void comparesByContent();
    void wipeZeroesAnUnsharedBuffer();
    void wipeLeavesASharedBufferToItsLastOwner();
    void aCopyMadeBeforeHoldingIsNotTheHeldBuffer();
};

void TestSecretBytes::holdsTheBytesItWasGiven()
{
    const SecretBytes secret(QByteArray("correct horse"));
    QCOMPARE(secret.view(), QByteArrayView("correct horse"));
    QVERIFY(!secret.isEmpty());
    QVERIFY(SecretBytes().isEmpty());
}

void TestSecretBytes::movingLeavesTheSourceEmpty()
{
    SecretBytes first(QByteArray("passphrase"));
    const SecretBytes second(std::move(first));
    QCOMPARE(second.view(), QByteArrayView("passphrase"));
    QVERIFY(first.isEmpty()); // NOLINT(bugprone-use-after-move): the behaviour under test
}

void TestSecretBytes::moveAssignmentTakesTheOtherSecret()
{
    SecretBytes held(QByteArray("old"));
    held = SecretBytes(QByteArray("new"));
    QCOMPARE(held.view(), QByteArrayView("new"));
    held = SecretBytes();
    QVERIFY(held.isEmpty());
}

void TestSecretBytes::comparesByContent()
{
    QVERIFY(SecretBytes(QByteArray("same")) == SecretBytes(QByteArray("same")));
    QVERIFY(!(SecretBytes(QByteArray("same")) == SecretBytes(QByteArray("other"))));
}

void TestSecretBytes::wipeZeroesAnUnsharedBuffer()
{
    QByteArray secret("secret");
    SecretBytes::wipe(secret);
    QCOMPARE(secret, QByteArray(6, '\0'));
}

void TestSecretBytes::wipeLeavesASharedBufferToItsLastOwner()
{
    QByteArray secret("secret");
    const QByteArray copy = secret;
    SecretBytes::wipe(secret);
    QCOMPARE(copy, QByteArray("secret"));
}

void TestSecretBytes::aCopyMadeBeforeHoldingIsNotTheHeldBuffer()
{
    // The holder detaches, so wiping its buffer never reaches a caller's copy
    // and a caller's copy never keeps the held buffer alive past the wipe.
    QByteArray typed("typed passphrase");
    const QByteArray shared = typed;
    {
        const SecretBytes held(typed);
        QVERIFY(held.view().data() != shared.constData());
    }
    QCOMPARE(shared, QByteArray("typed passphrase"));
}

QTEST_GUILESS_MAIN(TestSecretBytes)
#include "tst_secretbytes.moc"
