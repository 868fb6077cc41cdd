#include "crypto/Kdf.h"
#include "store/StoreKey.h"

#include <QRegularExpression>
#include <QTest>

using tessera::ErrorCode;
using tessera::KdfProfile;
using tessera::store::StoreKey;

namespace {

// The key half of "x'<64 hex key><32 hex salt>'".
QByteArray keyHex(const StoreKey& key)
{
    return key.keySpec().mid(2, 64);
}

} // namespace

class tst_StoreKey : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saltHoldsKdfProfile()
    {
        const auto key = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        QVERIFY(key.ok());
        QCOMPARE(key->salt().size(), StoreKey::kSaltSize);
        QCOMPARE(quint8(key->salt().at(0)), quint8(KdfProfile::TestOnlyCheap));
        QCOMPARE(key->profile(), KdfProfile::TestOnlyCheap);
    }

    void everyDerivationGetsAFreshSalt()
    {
        const auto first = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        const auto second = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->salt() != second->salt());
        QVERIFY(keyHex(*first) != keyHex(*second));
    }

    void sameSaltAndPassphraseGiveTheSameKey()
    {
        const auto created = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        QVERIFY(created.ok());
        const auto again = StoreKey::deriveForSalt("passphrase", created->salt());
        QVERIFY(again.ok());
        QCOMPARE(again->keySpec(), created->keySpec());
    }

    void otherPassphraseGivesAnotherKey()
    {
        const auto created = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        QVERIFY(created.ok());
        const auto other = StoreKey::deriveForSalt("Passphrase", created->salt());
        QVERIFY(other.ok());
        QVERIFY(keyHex(*other) != keyHex(*created));
    }

    void keySpecIsSqlcipherRawKeyLiteral()
    {
        const auto key = StoreKey::derive("passphrase", KdfProfile::TestOnlyCheap);
        QVERIFY(key.ok());
        const QString spec = QString::fromLatin1(key->keySpec());
        static const QRegularExpression literal(QStringLiteral("^x'[0-9a-f]{96}'$"));
        QVERIFY2(literal.match(spec).hasMatch(), "not x'<64 hex key><32 hex salt>'");
        QVERIFY(key->keySpec().endsWith(key->salt().toHex() + '\''));
    }

    // Pins the cheap profile's parameters: files written by the test suite must
    // stay readable by the same derivation.
    void cheapProfileIsScryptN16()
    {
        const QByteArray salt =
            QByteArray(1, char(KdfProfile::TestOnlyCheap)) + QByteArray(15, 'x');
        const auto key = StoreKey::deriveForSalt("passphrase", salt);
        const auto expected = tessera::crypto::scrypt("passphrase", salt, {16, 8, 1}, 32);
        QVERIFY(key.ok() && expected.ok());
        QCOMPARE(keyHex(*key), expected->toHex());
    }

    // Pins the production parameters: changing them would lock users out of
    // their stores. Costs two production derivations (~1 s).
    void productionProfileIsScryptN2To17()
    {
        const QByteArray salt = QByteArray(1, char(KdfProfile::Scrypt)) + QByteArray(15, 'y');
        const auto key = StoreKey::deriveForSalt("passphrase", salt);
        const auto expected = tessera::crypto::scrypt("passphrase", salt, {1u << 17, 8, 1}, 32);
        QVERIFY(key.ok() && expected.ok());
        QCOMPARE(keyHex(*key), expected->toHex());
    }

    void unknownProfileIsNotAStore_data()
    {
        QTest::addColumn<char>("firstByte");
        QTest::newRow("zero") << char(0x00);
        QTest::newRow("next profile") << char(0x02);
        QTest::newRow("plain SQLite 'S'") << 'S';
        QTest::newRow("0xff") << char(0xff);
    }
    void unknownProfileIsNotAStore()
    {
        QFETCH(char, firstByte);
        const QByteArray salt = QByteArray(1, firstByte) + QByteArray(15, 'z');
        const auto key = StoreKey::deriveForSalt("passphrase", salt);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::NotAStore);
    }

    void shortSaltIsNotAStore()
    {
        const auto key = StoreKey::deriveForSalt("passphrase", QByteArray(1, char(0x7f)));
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::NotAStore);
    }
};

QTEST_GUILESS_MAIN(tst_StoreKey)
#include "tst_storekey.moc"
