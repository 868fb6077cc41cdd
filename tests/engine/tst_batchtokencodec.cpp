#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "engine/BatchTokenCodec.h"
#include "engine/KeyRing.h"
#include "engine/TokenFormat.h"

#include <QRandomGenerator>
#include <QTest>

Q_DECLARE_METATYPE(tessera::engine::BatchTokenPayload)

using namespace tessera;
using namespace tessera::engine;

namespace {

// QVERIFY2 evaluates its message even on success: never call error() on a good Result.
template <typename T> QByteArray why(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

BatchKey makeKey(const char* kid)
{
    return BatchKey{QByteArray(kid), crypto::randomBytes(crypto::Aes256Gcm::kKeySize), 0, {}, {}};
}

KeyRing::Snapshot ringOf(std::initializer_list<BatchKey> keys)
{
    KeyRing::Snapshot snapshot;
    snapshot.batchKeys.assign(keys.begin(), keys.end());
    return snapshot;
}

BatchTokenPayload samplePayload()
{
    BatchTokenPayload payload;
    payload.parentAccessor = QStringLiteral("fX2b9kQ1rT7mZp4LwA8cN3eV");
    payload.policies = {QStringLiteral("default"), QStringLiteral("ebooks-read")};
    payload.meta = {{QStringLiteral("patron"), QStringLiteral("P-004211")},
                    {QStringLiteral("purpose"), QStringLiteral("reading room")}};
    payload.displayName = QStringLiteral("token-visitor-day-pass");
    payload.role = QStringLiteral("visitor-day-pass");
    payload.createdAt = 1'790'000'000;
    payload.ttl = 8 * 3600;
    return payload;
}

} // namespace

class TestBatchTokenCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void batchTokenRoundTripsPayload_data()
    {
        QTest::addColumn<BatchTokenPayload>("payload");

        QTest::newRow("child of a service token") << samplePayload();

        BatchTokenPayload orphan = samplePayload();
        orphan.parentAccessor.clear();
        QTest::newRow("orphan") << orphan;

        BatchTokenPayload bare;
        bare.createdAt = 0;
        bare.ttl = 1;
        QTest::newRow("nothing but a TTL") << bare;

        BatchTokenPayload unicode = samplePayload();
        unicode.displayName = QStringLiteral("Lesesaal für Gäste — 閲覧室");
        unicode.meta.insert(QStringLiteral("nombre"), QStringLiteral("José Núñez 🎫"));
        unicode.meta.insert(QString(), QString()); // an empty key is still a key
        QTest::newRow("unicode and empty strings") << unicode;

        BatchTokenPayload many = samplePayload();
        for (int i = 0; i < 20; ++i) {
            many.policies.append(QStringLiteral("policy-%1").arg(i));
            many.meta.insert(QStringLiteral("k%1").arg(i), QString(i % 10, u'v'));
        }
        QTest::newRow("many policies and metadata") << many;

        BatchTokenPayload longLived = samplePayload();
        longLived.createdAt = 4'102'444'800; // 2100
        longLived.ttl = 32LL * 24 * 3600;
        QTest::newRow("far future, max TTL") << longLived;
    }

    void batchTokenRoundTripsPayload()
    {
        QFETCH(BatchTokenPayload, payload);
        const BatchKey key = makeKey("k1a2B3");
        const auto blob = BatchTokenCodec::encode(key, payload);
        QVERIFY2(blob.ok(), why(blob).constData());

        const auto decoded = BatchTokenCodec::decode(ringOf({key}), *blob);
        QVERIFY2(decoded.ok(), why(decoded).constData());
        payload.version = BatchTokenCodec::kVersion;
        payload.keyId = key.kid;
        QCOMPARE(*decoded, payload);
    }

    void sealedBlobTravelsAsTsbToken()
    {
        const BatchKey key = makeKey("k1a2B3");
        const auto blob = BatchTokenCodec::encode(key, samplePayload());
        QVERIFY(blob.ok());
        const QString token = TokenFormat::batchToken(*blob);
        QVERIFY(token.startsWith(u"tsb."));
        const auto parsed = TokenFormat::parse(token);
        QVERIFY2(parsed.ok(), why(parsed).constData());
        const auto decoded = BatchTokenCodec::decode(ringOf({key}), parsed->blob);
        QVERIFY2(decoded.ok(), why(decoded).constData());
        QCOMPARE(decoded->displayName, samplePayload().displayName);
    }

    void largestAcceptedPayloadStillFitsATsbToken()
    {
        const BatchKey key = makeKey("k1a2B3");
        BatchTokenPayload payload = samplePayload();
        // Grow one metadata value until the codec refuses; the last accepted blob
        // must still make a token that parses.
        QByteArray largest;
        for (int size = 0;; ++size) {
            payload.meta.insert(QStringLiteral("notes"), QString(size, u'n'));
            const auto blob = BatchTokenCodec::encode(key, payload);
            if (!blob.ok())
                break;
            largest = *blob;
        }
        QCOMPARE(largest.size(), BatchTokenCodec::kMaxBlobSize);
        const QString token = TokenFormat::batchToken(largest);
        QVERIFY(token.size() <= TokenFormat::kMaxLength);
        const auto parsed = TokenFormat::parse(token);
        QVERIFY2(parsed.ok(), why(parsed).constData());
        QVERIFY(BatchTokenCodec::decode(ringOf({key}), parsed->blob).ok());
    }

    void blobCarriesNoPayloadInClear()
    {
        const BatchTokenPayload payload = samplePayload();
        const auto blob = BatchTokenCodec::encode(makeKey("k1a2B3"), payload);
        QVERIFY(blob.ok());
        QVERIFY(!blob->contains(payload.parentAccessor.toUtf8()));
        QVERIFY(!blob->contains("P-004211"));
        QVERIFY(!blob->contains("ebooks-read"));
    }

    void sealingTheSamePayloadTwiceGivesDifferentTokens()
    {
        const BatchKey key = makeKey("k1a2B3");
        const auto first = BatchTokenCodec::encode(key, samplePayload());
        const auto second = BatchTokenCodec::encode(key, samplePayload());
        QVERIFY(first.ok() && second.ok());
        QVERIFY(*first != *second);
    }

    void blobIsCompact()
    {
        // Header (2 + 6) + nonce and tag (28) + the fields themselves plus a few
        // length bytes: no per-field names, no Qt stream headers.
        const BatchTokenPayload payload = samplePayload();
        const auto blob = BatchTokenCodec::encode(makeKey("k1a2B3"), payload);
        QVERIFY(blob.ok());
        qsizetype fields =
            payload.parentAccessor.size() + payload.displayName.size() + payload.role.size();
        for (const QString& policy : payload.policies)
            fields += policy.size();
        for (auto it = payload.meta.cbegin(); it != payload.meta.cend(); ++it)
            fields += it.key().size() + it.value().size();
        QVERIFY2(blob->size() <= 8 + crypto::Aes256Gcm::kOverhead + fields + 24,
                 qPrintable(QString::number(blob->size())));
    }

    void tamperedBatchBlobIsRejected()
    {
        const BatchKey key = makeKey("k1a2B3");
        const auto ring = ringOf({key});
        const auto blob = BatchTokenCodec::encode(key, samplePayload());
        QVERIFY(blob.ok());
        for (qsizetype i = 0; i < blob->size(); ++i) {
            for (const char flip : {'\x01', '\x80'}) {
                QByteArray tampered = *blob;
                tampered[i] = static_cast<char>(tampered[i] ^ flip);
                const auto decoded = BatchTokenCodec::decode(ring, tampered);
                QVERIFY2(!decoded.ok(), qPrintable(QStringLiteral("byte %1").arg(i)));
                QCOMPARE(decoded.error().code, ErrorCode::InvalidArgument);
            }
        }
    }

    void truncatedOrExtendedBlobIsRejected()
    {
        const BatchKey key = makeKey("k1a2B3");
        const auto ring = ringOf({key});
        const auto blob = BatchTokenCodec::encode(key, samplePayload());
        QVERIFY(blob.ok());
        for (qsizetype length = 0; length < blob->size(); ++length)
            QVERIFY(!BatchTokenCodec::decode(ring, blob->first(length)).ok());
        QVERIFY(!BatchTokenCodec::decode(ring, *blob + '\0').ok());
    }

    void unknownKeyIdIsRejected()
    {
        const auto blob = BatchTokenCodec::encode(makeKey("k1a2B3"), samplePayload());
        QVERIFY(blob.ok());
        const auto decoded = BatchTokenCodec::decode(ringOf({makeKey("zz9yY8")}), *blob);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidArgument);
        QVERIFY(decoded.error().message.contains(u"unknown key"));
    }

    void keyIdSwappedForAnotherKnownKeyIsRejected()
    {
        // Even when the attacker relabels a blob with another key id the ring
        // has, and that key happened to be the same secret, the associated data
        // no longer matches.
        const BatchKey original = makeKey("k1a2B3");
        BatchKey twin = original;
        twin.kid = "k1a2B4";
        const auto blob = BatchTokenCodec::encode(original, samplePayload());
        QVERIFY(blob.ok());
        QByteArray relabelled = *blob;
        relabelled.replace(2, 6, twin.kid);
        QVERIFY(!BatchTokenCodec::decode(ringOf({original, twin}), relabelled).ok());
        QVERIFY(BatchTokenCodec::decode(ringOf({original, twin}), *blob).ok());
    }

    void unsupportedVersionIsRejected()
    {
        const BatchKey key = makeKey("k1a2B3");
        const auto blob = BatchTokenCodec::encode(key, samplePayload());
        QVERIFY(blob.ok());
        QByteArray future = *blob;
        future[0] = 2;
        const auto decoded = BatchTokenCodec::decode(ringOf({key}), future);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().message.contains(u"version"));
    }

    void knownWireFormatStillDecodes()
    {
        // Version 1, written out by hand: tokens issued by earlier builds must
        // keep working, so the encoding may not drift.
        const BatchKey key = makeKey("abc123");
        const QByteArray header = QByteArray("\x01\x06", 2) + "abc123";
        QByteArray plaintext;
        plaintext += QByteArray::fromHex("80f7c4d506"); // created 1790000000 (varint)
        plaintext += QByteArray::fromHex("901c");       // ttl 3600
        plaintext += "\x03"
                     "acc"; // parent accessor
        plaintext += "\x04"
                     "desk";                // display name
        plaintext += QByteArray("\x00", 1); // role: none
        plaintext += "\x02"
                     "\x07"
                     "default"
                     "\x06"
                     "ebooks"; // policies
        plaintext += "\x01"
                     "\x06"
                     "patron"
                     "\x02"
                     "42"; // meta
        const auto sealed = crypto::Aes256Gcm::seal(key.secret, plaintext, header);
        QVERIFY(sealed.ok());

        const auto decoded = BatchTokenCodec::decode(ringOf({key}), header + *sealed);
        QVERIFY2(decoded.ok(), why(decoded).constData());
        QCOMPARE(decoded->createdAt, 1'790'000'000);
        QCOMPARE(decoded->ttl, 3600);
        QCOMPARE(decoded->parentAccessor, QStringLiteral("acc"));
        QCOMPARE(decoded->displayName, QStringLiteral("desk"));
        QVERIFY(decoded->role.isEmpty());
        QCOMPARE(decoded->policies,
                 QStringList({QStringLiteral("default"), QStringLiteral("ebooks")}));
        QCOMPARE(decoded->meta.value(QStringLiteral("patron")), QStringLiteral("42"));
        QCOMPARE(decoded->keyId, QByteArray("abc123"));
    }

    void authenticGarbageIsRejected_data()
    {
        // Plaintexts that pass the tag (sealed with the real key) but are not a
        // payload: the parser must not trust the tag alone.
        QTest::addColumn<QByteArray>("plaintext");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("varint never ends") << QByteArray(12, '\xff');
        QTest::newRow("varint beyond 64 bits") << QByteArray::fromHex("ffffffffffffffffff7f");
        QTest::newRow("time beyond range") << QByteArray::fromHex("ffffffffffffffff7f01");
        QTest::newRow("string longer than the rest") << QByteArray::fromHex("0101ff01");
        QTest::newRow("policy count larger than the rest") << QByteArray::fromHex("01010000007f");
        QTest::newRow("zero ttl") << QByteArray::fromHex("0100000000"
                                                         "0000");
        QTest::newRow("trailing byte") << QByteArray::fromHex("0101000000"
                                                              "0000"
                                                              "00");
        QTest::newRow("meta value missing") << QByteArray::fromHex("0101000000"
                                                                   "00"
                                                                   "01"
                                                                   "0161");
    }

    void authenticGarbageIsRejected()
    {
        QFETCH(QByteArray, plaintext);
        const BatchKey key = makeKey("abc123");
        const QByteArray header = QByteArray("\x01\x06", 2) + "abc123";
        const auto sealed = crypto::Aes256Gcm::seal(key.secret, plaintext, header);
        QVERIFY(sealed.ok());
        const auto decoded = BatchTokenCodec::decode(ringOf({key}), header + *sealed);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, ErrorCode::InvalidArgument);
    }

    void hostileBlobsNeverCrash()
    {
        const BatchKey key = makeKey("abc123");
        const auto ring = ringOf({key});
        auto* random = QRandomGenerator::global();
        for (int i = 0; i < 20'000; ++i) {
            QByteArray blob(random->bounded(0, 200), Qt::Uninitialized);
            for (char& c : blob)
                c = static_cast<char>(random->bounded(256));
            // Half of them with a plausible header, so the key lookup and open run too.
            if (i % 2 && blob.size() >= 8)
                blob.replace(0, 8, QByteArray("\x01\x06", 2) + "abc123");
            QVERIFY(!BatchTokenCodec::decode(ring, blob).ok());
        }
        QVERIFY(!BatchTokenCodec::decode(ring, QByteArray(BatchTokenCodec::kMaxBlobSize + 1, 'x'))
                     .ok());
    }

    void payloadWithoutPositiveTtlIsRefused_data()
    {
        QTest::addColumn<qint64>("ttl");
        QTest::newRow("zero") << qint64(0);
        QTest::newRow("negative") << qint64(-60);
    }

    void payloadWithoutPositiveTtlIsRefused()
    {
        QFETCH(qint64, ttl);
        BatchTokenPayload payload = samplePayload();
        payload.ttl = ttl;
        const auto blob = BatchTokenCodec::encode(makeKey("abc123"), payload);
        QVERIFY(!blob.ok());
        QCOMPARE(blob.error().code, ErrorCode::InvalidArgument);
    }

    void oversizedPayloadIsRefused()
    {
        BatchTokenPayload payload = samplePayload();
        payload.meta.insert(QStringLiteral("notes"), QString(BatchTokenCodec::kMaxBlobSize, u'x'));
        const auto blob = BatchTokenCodec::encode(makeKey("abc123"), payload);
        QVERIFY(!blob.ok());
        QCOMPARE(blob.error().code, ErrorCode::InvalidArgument);
    }

    void tokenExpiresAtCreationPlusTtl_data()
    {
        QTest::addColumn<qint64>("now");
        QTest::addColumn<bool>("expired");
        QTest::newRow("at creation") << qint64(1'000) << false;
        QTest::newRow("one second before expiry") << qint64(1'059) << false;
        QTest::newRow("at the expire time") << qint64(1'060) << true;
        QTest::newRow("long after") << qint64(9'999'999) << true;
    }

    void tokenExpiresAtCreationPlusTtl()
    {
        QFETCH(qint64, now);
        QFETCH(bool, expired);
        BatchTokenPayload payload;
        payload.createdAt = 1'000;
        payload.ttl = 60;
        QCOMPARE(payload.expireAt(), 1'060);
        QCOMPARE(payload.expired(now), expired);
    }

    void ringWithoutBatchKeyCannotSeal()
    {
        const KeyRing empty;
        const BatchTokenCodec codec(empty);
        const auto blob = codec.encode(samplePayload());
        QVERIFY(!blob.ok());
        QCOMPARE(blob.error().code, ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestBatchTokenCodec)
#include "tst_batchtokencodec.moc"
