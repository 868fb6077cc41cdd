#include "engine/BatchTokenCodec.h"
#include "engine/KeyRing.h"
#include "store/Database.h"
#include "support/TempStore.h"

#include <QTest>
#include <atomic>
#include <thread>
#include <vector>

using namespace tessera;
using namespace tessera::engine;
using crypto::SignatureAlgorithm;

namespace {

// QVERIFY2 evaluates its message even on success: never call error() on a good Result.
template <typename T> QByteArray why(const Result<T>& result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

constexpr qint64 kNow = 1'790'000'000;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

BatchTokenPayload payloadCreatedAt(qint64 createdAt, qint64 ttl)
{
    BatchTokenPayload payload;
    payload.policies = {QStringLiteral("default")};
    payload.createdAt = createdAt;
    payload.ttl = ttl;
    return payload;
}

qint64 rowCount(store::Database& db)
{
    auto count = db.queryInt("SELECT count(*) FROM signing_keys");
    return count.ok() ? *count : -1;
}

} // namespace

class TestKeyRing : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::TempStore> m_temp;
    std::optional<store::Store::Lease> m_lease;

    store::Database& db() { return m_lease->db(); }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<test::TempStore>();
        QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY2(lease.ok(), why(lease).constData());
        m_lease.emplace(std::move(*lease));
    }

    void cleanup()
    {
        m_lease.reset();
        m_temp.reset();
    }

    // --- batch keys ---------------------------------------------------------

    void firstBatchKeyIsCreatedOnce()
    {
        KeyRing ring;
        QVERIFY(!ring.currentBatchKey());
        QVERIFY(ring.ensureBatchKey(db(), kNow).ok());
        const auto first = ring.currentBatchKey();
        QVERIFY(first);
        QCOMPARE(first->kid.size(), KeyRing::kBatchKidLength);
        QCOMPARE(first->secret.size(), 32);
        QVERIFY(ring.ensureBatchKey(db(), kNow + 10).ok());
        QCOMPARE(ring.currentBatchKey()->kid, first->kid);
        QCOMPARE(rowCount(db()), 1);
    }

    void rotatedBatchKeyIsRetiredUntilItsLongestTokenExpires()
    {
        KeyRing ring;
        QVERIFY(ring.ensureBatchKey(db(), kNow).ok());
        const QByteArray oldKid = ring.currentBatchKey()->kid;
        QVERIFY(ring.rotateBatchKey(db(), kNow + kHour, 32 * kDay).ok());

        const auto current = ring.currentBatchKey();
        QVERIFY(current);
        QVERIFY(current->kid != oldKid);
        QVERIFY(!current->retiredAt);
        const auto old = ring.batchKey(oldKid);
        QVERIFY(old);
        QCOMPARE(old->retiredAt, std::optional<qint64>(kNow + kHour));
        QCOMPARE(old->expiresAt, std::optional<qint64>(kNow + kHour + 32 * kDay));
        QCOMPARE(ring.nextMaintenanceAt(), std::optional<qint64>(kNow + kHour + 32 * kDay));
    }

    void batchTokenFromRotatedKeyStillDecodesUntilExpiry()
    {
        KeyRing ring;
        const BatchTokenCodec codec(ring);
        QVERIFY(ring.ensureBatchKey(db(), kNow).ok());
        const qint64 maxTtl = 7 * kDay;
        // Issued a second before rotation with the longest TTL allowed.
        const auto oldToken = codec.encode(payloadCreatedAt(kNow + kHour - 1, maxTtl));
        QVERIFY(oldToken.ok());

        QVERIFY(ring.rotateBatchKey(db(), kNow + kHour, maxTtl).ok());
        const auto newToken = codec.encode(payloadCreatedAt(kNow + kHour, kHour));
        QVERIFY(newToken.ok());
        QVERIFY(codec.decode(*oldToken).ok());
        QVERIFY(codec.decode(*newToken).ok());

        // A purge before the old key's tokens have all expired keeps it.
        const qint64 lastTokenExpiry = kNow + kHour - 1 + maxTtl;
        QVERIFY(ring.purgeExpired(db(), lastTokenExpiry - 1).ok());
        QVERIFY(codec.decode(*oldToken).ok());

        // Once every token it sealed is dead, the key goes and its tokens are unknown.
        QVERIFY(ring.purgeExpired(db(), kNow + kHour + maxTtl).ok());
        const auto decoded = codec.decode(*oldToken);
        QVERIFY(!decoded.ok());
        QVERIFY(decoded.error().message.contains(u"unknown key"));
        QVERIFY(codec.decode(*newToken).ok());
        QCOMPARE(rowCount(db()), 1);
    }

    void keysSurviveReopeningTheStore()
    {
        QByteArray token;
        QString jwtKid;
        {
            KeyRing ring;
            QVERIFY(ring.ensureBatchKey(db(), kNow).ok());
            QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("default")}, kNow).ok());
            const auto blob = BatchTokenCodec(ring).encode(payloadCreatedAt(kNow, kHour));
            QVERIFY(blob.ok());
            token = *blob;
            jwtKid = ring.signingKey(QStringLiteral("default"))->kid;
        }
        m_lease.reset();
        QVERIFY2(m_temp->reopen(), qPrintable(m_temp->errorMessage()));
        auto lease = m_temp->store().acquire();
        QVERIFY(lease.ok());
        m_lease.emplace(std::move(*lease));

        KeyRing reloaded;
        const auto loaded = reloaded.load(db());
        QVERIFY2(loaded.ok(), why(loaded).constData());
        QVERIFY(BatchTokenCodec(reloaded).decode(token).ok());
        QCOMPARE(reloaded.signingKey(QStringLiteral("default"))->kid, jwtKid);
        QCOMPARE(reloaded.oidcKey(QStringLiteral("default"))->algorithm,
                 SignatureAlgorithm::Ed25519);
    }

    // --- OIDC keys ------------------------------------------------------------

    void oidcKeyDefaultsToEdDsaWithVaultPeriods()
    {
        KeyRing ring;
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("default")}, kNow).ok());
        const auto settings = ring.oidcKey(QStringLiteral("default"));
        QVERIFY(settings);
        QCOMPARE(settings->algorithm, SignatureAlgorithm::Ed25519);
        QCOMPARE(settings->rotationPeriod, kDay);
        QCOMPARE(settings->verificationTtl, kDay);
        const auto signer = ring.signingKey(QStringLiteral("default"));
        QVERIFY(signer.ok());
        QCOMPARE(signer->key->algorithm(), SignatureAlgorithm::Ed25519);
        QCOMPARE(ring.oidcKeyNames(), QStringList{QStringLiteral("default")});
    }

    void es256KeyCanBeChosen()
    {
        KeyRing ring;
        QVERIFY(
            ring.ensureOidcKey(db(), {QStringLiteral("ec"), SignatureAlgorithm::Es256}, kNow).ok());
        QCOMPARE(ring.signingKey(QStringLiteral("ec"))->key->algorithm(),
                 SignatureAlgorithm::Es256);
        const auto published = ring.verificationKeys(kNow);
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.front().algorithm(), SignatureAlgorithm::Es256);
        QCOMPARE(published.front().keyName, QStringLiteral("ec"));
    }

    void oldKeyIsPublishedUntilVerificationTtlAfterRotation()
    {
        KeyRing ring;
        const OidcKeySettings settings{QStringLiteral("default"), SignatureAlgorithm::Ed25519, kDay,
                                       2 * kHour};
        QVERIFY(ring.ensureOidcKey(db(), settings, kNow).ok());
        const QString oldKid = ring.signingKey(settings.name)->kid;
        QVERIFY(ring.rotateOidcKey(db(), settings.name, kNow + kHour).ok());
        const QString newKid = ring.signingKey(settings.name)->kid;
        QVERIFY(newKid != oldKid);

        const auto kidsAt = [&](qint64 now) {
            QStringList kids;
            for (const VerificationKey& key : ring.verificationKeys(now))
                kids.append(key.kid);
            kids.sort();
            return kids;
        };
        QStringList both{oldKid, newKid};
        both.sort();
        QCOMPARE(kidsAt(kNow + kHour), both);
        QCOMPARE(kidsAt(kNow + 3 * kHour - 1), both);
        QCOMPARE(kidsAt(kNow + 3 * kHour), QStringList{newKid});

        QVERIFY(ring.purgeExpired(db(), kNow + 3 * kHour).ok());
        QCOMPARE(rowCount(db()), 1);
    }

    void changingSettingsKeepsTheSigningKey()
    {
        KeyRing ring;
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("default")}, kNow).ok());
        const QString kid = ring.signingKey(QStringLiteral("default"))->kid;
        const OidcKeySettings changed{QStringLiteral("default"), SignatureAlgorithm::Ed25519,
                                      6 * kHour, 12 * kHour};
        QVERIFY(ring.ensureOidcKey(db(), changed, kNow + 5).ok());
        QCOMPARE(ring.signingKey(QStringLiteral("default"))->kid, kid);
        QCOMPARE(*ring.oidcKey(QStringLiteral("default")), changed);
        QCOMPARE(ring.verificationKeys(kNow + 5).size(), 1);
    }

    void changingAlgorithmRotatesAtOnce()
    {
        KeyRing ring;
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("default")}, kNow).ok());
        const QString oldKid = ring.signingKey(QStringLiteral("default"))->kid;
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("default"), SignatureAlgorithm::Es256},
                                   kNow + 60)
                    .ok());
        const auto signer = ring.signingKey(QStringLiteral("default"));
        QVERIFY(signer->kid != oldKid);
        QCOMPARE(signer->key->algorithm(), SignatureAlgorithm::Es256);
        // The Ed25519 key still verifies what it signed, for the verification TTL.
        QCOMPARE(ring.verificationKeys(kNow + 60).size(), 2);
        QCOMPARE(ring.verificationKeys(kNow + 60 + kDay).size(), 1);
    }

    void keysRotateWhenTheirPeriodIsDue()
    {
        KeyRing ring;
        const OidcKeySettings hourly{QStringLiteral("hourly"), SignatureAlgorithm::Ed25519, kHour,
                                     kHour};
        QVERIFY(ring.ensureOidcKey(db(), hourly, kNow).ok());
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("daily")}, kNow).ok());
        QCOMPARE(ring.nextMaintenanceAt(), std::optional<qint64>(kNow + kHour));
        const QString hourlyKid = ring.signingKey(hourly.name)->kid;
        const QString dailyKid = ring.signingKey(QStringLiteral("daily"))->kid;

        QVERIFY(ring.rotateDueOidcKeys(db(), kNow + kHour - 1).ok());
        QCOMPARE(ring.signingKey(hourly.name)->kid, hourlyKid);

        QVERIFY(ring.rotateDueOidcKeys(db(), kNow + kHour).ok());
        QVERIFY(ring.signingKey(hourly.name)->kid != hourlyKid);
        QCOMPARE(ring.signingKey(QStringLiteral("daily"))->kid, dailyKid);
        // Next: the rotated-out hourly key leaves the JWKS an hour later, when
        // the new hourly key is also due.
        QCOMPARE(ring.nextMaintenanceAt(), std::optional<qint64>(kNow + 2 * kHour));
    }

    void deletedOidcKeyIsNoLongerPublished()
    {
        KeyRing ring;
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("gone")}, kNow).ok());
        QVERIFY(ring.rotateOidcKey(db(), QStringLiteral("gone"), kNow + 1).ok());
        QVERIFY(ring.ensureOidcKey(db(), {QStringLiteral("kept")}, kNow).ok());
        QVERIFY(ring.deleteOidcKey(db(), QStringLiteral("gone")).ok());

        QVERIFY(!ring.oidcKey(QStringLiteral("gone")));
        QCOMPARE(ring.signingKey(QStringLiteral("gone")).error().code, ErrorCode::NotFound);
        const auto published = ring.verificationKeys(kNow + 2);
        QCOMPARE(published.size(), 1);
        QCOMPARE(published.front().keyName, QStringLiteral("kept"));

        KeyRing reloaded;
        QVERIFY(reloaded.load(db()).ok());
        QCOMPARE(reloaded.oidcKeyNames(), QStringList{QStringLiteral("kept")});
    }

    void unknownOidcKeyIsNotFound()
    {
        KeyRing ring;
        QCOMPARE(ring.signingKey(QStringLiteral("nope")).error().code, ErrorCode::NotFound);
        QCOMPARE(ring.rotateOidcKey(db(), QStringLiteral("nope"), kNow).error().code,
                 ErrorCode::NotFound);
        QCOMPARE(ring.deleteOidcKey(db(), QStringLiteral("nope")).error().code,
                 ErrorCode::NotFound);
    }

    void invalidOidcSettingsAreRefused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<qint64>("rotationPeriod");
        QTest::addColumn<qint64>("verificationTtl");
        QTest::newRow("no name") << QString() << kDay << kDay;
        QTest::newRow("zero rotation period") << QStringLiteral("k") << qint64(0) << kDay;
        QTest::newRow("negative verification ttl") << QStringLiteral("k") << kDay << qint64(-1);
    }

    void invalidOidcSettingsAreRefused()
    {
        QFETCH(QString, name);
        QFETCH(qint64, rotationPeriod);
        QFETCH(qint64, verificationTtl);
        KeyRing ring;
        const auto status = ring.ensureOidcKey(
            db(), {name, SignatureAlgorithm::Ed25519, rotationPeriod, verificationTtl}, kNow);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(rowCount(db()), 0);
    }

    void readersKeepDecodingWhileKeysRotate()
    {
        KeyRing ring;
        const BatchTokenCodec codec(ring);
        QVERIFY(ring.ensureBatchKey(db(), kNow).ok());
        const auto token = codec.encode(payloadCreatedAt(kNow, kDay));
        QVERIFY(token.ok());

        std::atomic<bool> stop{false};
        std::atomic<int> failures{0};
        std::atomic<int> decodes{0};
        std::vector<std::thread> readers;
        for (int i = 0; i < 2; ++i) {
            readers.emplace_back([&] {
                while (!stop.load()) {
                    if (!codec.decode(*token).ok())
                        ++failures;
                    ++decodes;
                }
            });
        }
        while (decodes.load() == 0)
            std::this_thread::yield();
        bool rotated = true; // no QVERIFY while the readers run: it would return past them
        for (int i = 1; i <= 20; ++i)
            rotated = ring.rotateBatchKey(db(), kNow + i, 32 * kDay).ok() && rotated;
        stop = true;
        for (auto& reader : readers)
            reader.join();
        QVERIFY(rotated);
        QCOMPARE(failures.load(), 0);
        QVERIFY(decodes.load() > 0);
        QCOMPARE(rowCount(db()), 21);
    }
};

QTEST_GUILESS_MAIN(TestKeyRing)
#include "tst_keyring.moc"
