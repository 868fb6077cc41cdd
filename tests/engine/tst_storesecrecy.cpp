// Nothing a patron or an administrator typed, and no token, can be read from
// the store's files: the database, its write-ahead log and its shared-memory
// index are scanned byte by byte, while the store is open and after it closed.
#include "engine/TokenEngine.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using namespace tessera::engine;
using tessera::test::errorText;
using tessera::test::TempEngine;

namespace {

QByteArray utf16(const QString& text)
{
    return QByteArray(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
}

// Where each secret shows up in which file, as UTF-8 or UTF-16; empty: nowhere.
QStringList findings(const QStringList& files, const QStringList& secrets)
{
    QStringList found;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = file.readAll();
        for (const QString& secret : secrets) {
            if (bytes.contains(secret.toUtf8()))
                found << u"%1 (UTF-8) in %2"_s.arg(secret, path);
            if (bytes.contains(utf16(secret)))
                found << u"%1 (UTF-16) in %2"_s.arg(secret, path);
        }
    }
    return found;
}

} // namespace

class TestStoreSecrecy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scannerFindsPlantedText();
    void noPlaintextInStoreFileOrWal();
};

// The control: the scan does find what is there, in either encoding.
void TestStoreSecrecy::scannerFindsPlantedText()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    const QString plain = temp.filePath(u"plain.txt"_s);
    QFile file(plain);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("xx Zygomorphic-Patron-4711 xx");
    file.write(utf16(u"Quokka-Card-0815"_s));
    file.close();
    const QStringList found =
        findings({plain}, {u"Zygomorphic-Patron-4711"_s, u"Quokka-Card-0815"_s, u"absent"_s});
    QCOMPARE(found.size(), 2);
    QVERIFY(found.at(0).contains(u"UTF-8"_s));
    QVERIFY(found.at(1).contains(u"UTF-16"_s));
}

void TestStoreSecrecy::noPlaintextInStoreFileOrWal()
{
    TempEngine temp;
    QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
    TokenEngine& engine = temp.engine();
    const Caller owner = TempEngine::owner();

    QStringList secrets{QString::fromUtf8(TempEngine::kPassphrase)};
    auto root = engine.tokens().createRootToken(owner);
    QVERIFY2(root, qPrintable(errorText(root)));
    secrets << root->token << root->info.accessor;

    QVERIFY(engine.admin().putPolicy(
        owner, u"zygomorphic-reading-room"_s,
        uR"({"path": {"reading-room-quokka": {"capabilities": ["read"]}}})"_s));
    secrets << u"zygomorphic-reading-room"_s << u"reading-room-quokka"_s;

    for (int i = 0; i < 20; ++i) {
        TokenRequest request;
        request.displayName = u"Zygomorphic Patron %1"_s.arg(4700 + i);
        request.meta.insert(u"card"_s, u"Quokka-Card-%1"_s.arg(81500 + i));
        request.policies = {u"zygomorphic-reading-room"_s};
        request.type = i % 4 == 3 ? TokenType::Batch : TokenType::Service;
        request.numUses = i % 5 == 1 && request.type == TokenType::Service ? 3 : 0;
        auto created = engine.tokens().createToken(owner, request);
        QVERIFY2(created, qPrintable(errorText(created)));
        secrets << created->token << request.displayName << request.meta.value(u"card"_s);
        if (!created->info.accessor.isEmpty())
            secrets << created->info.accessor;
        if (request.numUses > 0) {
            auto used = engine.tokens().authenticate(created->token, u"api:192.0.2.7"_s);
            QVERIFY2(used, qPrintable(errorText(used)));
        }
    }
    secrets << u"192.0.2.7"_s;

    const QStringList files{temp.path(), temp.path() + u"-wal"_s, temp.path() + u"-shm"_s};
    // Open: the recent writes sit in the WAL.
    QVERIFY2(QFile::exists(temp.path() + u"-wal"_s), "no WAL while the store is open");
    QVERIFY(QFile(temp.path() + u"-wal"_s).size() > 0);
    QStringList found = findings(files, secrets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));

    // Closed: checkpointed into the file.
    temp.close();
    found = findings(files, secrets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    // Everything is there all the same.
    QVERIFY2(temp.reopen(), qPrintable(temp.errorMessage()));
    QVERIFY(temp->tokens().validate(root->token));
    QCOMPARE(temp->browser().count().valueOr(-1), 16);
}

QTEST_GUILESS_MAIN(TestStoreSecrecy)
#include "tst_storesecrecy.moc"
