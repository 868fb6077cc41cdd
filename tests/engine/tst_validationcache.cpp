#include "engine/TokenEngine.h"
#include "engine/ValidationCache.h"
#include "store/Store.h"
#include "support/TempEngine.h"

#include <QTest>
#include <QThread>

using namespace tessera;
using namespace tessera::engine;
using tessera::test::TempEngine;

namespace {

TokenRequest patronToken(qint64 ttl = 3600)
{
    TokenRequest request;
    request.displayName = QStringLiteral("patron");
    request.ttl = ttl;
    return request;
}

} // namespace

class TestValidationCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertAfterInvalidationIsDropped()
    {
        ValidationCache cache;
        Token token;
        token.accessor = QStringLiteral("a");
        const quint64 before = cache.generation();
        cache.invalidate(); // a revocation committed while the token was being read
        cache.insert(QByteArrayLiteral("hash"), token, before);
        QVERIFY(!cache.find(QByteArrayLiteral("hash"), 0));
        cache.insert(QByteArrayLiteral("hash"), token, cache.generation());
        QVERIFY(cache.find(QByteArrayLiteral("hash"), 0));
    }

    void expiredEntryIsNotServed()
    {
        ValidationCache cache;
        Token token;
        token.expireAt = 100;
        cache.insert(QByteArrayLiteral("hash"), token, cache.generation());
        QVERIFY(cache.find(QByteArrayLiteral("hash"), 99));
        QVERIFY(!cache.find(QByteArrayLiteral("hash"), 100));
    }

    void useLimitedTokensAreNeverCached()
    {
        ValidationCache cache;
        Token token;
        token.numUses = 1;
        token.usesLeft = 1;
        cache.insert(QByteArrayLiteral("hash"), token, cache.generation());
        QVERIFY(!cache.find(QByteArrayLiteral("hash"), 0));
    }

    void tokensWithDifferentFieldsGetTheirOwnBack()
    {
        ValidationCache cache;
        Token desk;
        desk.accessor = QStringLiteral("desk-token");
        desk.parentAccessor = QStringLiteral("parent-a");
        desk.policies = {QStringLiteral("default"), QStringLiteral("ebooks")};
        desk.role = QStringLiteral("visitor-day-pass");
        Token other = desk;
        other.accessor = QStringLiteral("other-token");
        other.parentAccessor = QStringLiteral("parent-b");
        other.policies = {QStringLiteral("wifi")};
        other.role.clear();
        const QByteArray deskHash(32, 'd');
        const QByteArray otherHash(32, 'o');
        cache.insert(deskHash, desk, cache.generation());
        cache.insert(otherHash, other, cache.generation());
        const auto foundDesk = cache.find(deskHash, 0);
        const auto foundOther = cache.find(otherHash, 0);
        QVERIFY(foundDesk && foundOther);
        QCOMPARE(foundDesk->parentAccessor, desk.parentAccessor);
        QCOMPARE(foundDesk->policies, desk.policies);
        QCOMPARE(foundDesk->role, desk.role);
        QCOMPARE(foundOther->parentAccessor, other.parentAccessor);
        QCOMPARE(foundOther->policies, other.policies);
        QVERIFY(foundOther->role.isEmpty());
    }

    void hashOfAnotherSizeIsNeverServed()
    {
        ValidationCache cache;
        Token token;
        const QByteArray longHash(48, 'x');
        cache.insert(longHash, token, cache.generation());
        QVERIFY(!cache.find(longHash, 0));
        // A 32-byte prefix of it must not match either.
        QVERIFY(!cache.find(longHash.left(32), 0));
    }

    void shortenedRenewalIsSeenAtOnce()
    {
        TempEngine temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto created = temp->tokens().createToken(temp.owner(), patronToken(3600));
        QVERIFY(created.ok());
        QVERIFY(temp->tokens().validate(created->token).ok()); // now cached with an hour to live
        QVERIFY(temp->tokens().renew(temp.owner(), TokenRef::token(created->token), 10).ok());
        temp.clock().advanceSeconds(11);
        QVERIFY(!temp->tokens().validate(created->token).ok());
    }

    // Two engines on one file stand for two processes (say, the API server and
    // `tessera-cli token revoke` in a terminal).
    void revocationByAnotherProcessIsSeenWithinTheEpochInterval()
    {
        TempEngine temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto created = temp->tokens().createToken(temp.owner(), patronToken());
        QVERIFY(created.ok());
        QVERIFY(temp->tokens().validate(created->token).ok());

        auto otherStore = store::Store::open(temp.path(), TempEngine::kPassphrase);
        QVERIFY(otherStore.ok());
        auto other = TokenEngine::open(std::move(*otherStore), temp.clock());
        QVERIFY(other.ok());
        QVERIFY((*other)
                    ->tokens()
                    .revoke(temp.owner(), TokenRef::accessor(created->info.accessor))
                    .ok());

        QThread::msleep(60);
        const auto afterRevocation = temp->tokens().validate(created->token);
        QVERIFY(!afterRevocation.ok());
        QCOMPARE(afterRevocation.error().code, ErrorCode::NotFound);
    }

    void batchTokenStopsWhenParentIsRevokedElsewhere()
    {
        TempEngine temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        auto parent = temp->tokens().createToken(temp.owner(), patronToken());
        QVERIFY(parent.ok());
        TokenRequest batch = patronToken();
        batch.type = TokenType::Batch;
        batch.parentAccessor = parent->info.accessor;
        auto child = temp->tokens().createToken(temp.owner(), batch);
        QVERIFY2(child.ok(), child.ok() ? "" : qPrintable(child.error().message));
        QVERIFY(temp->tokens().validate(child->token).ok()); // parent's liveness now cached

        auto otherStore = store::Store::open(temp.path(), TempEngine::kPassphrase);
        QVERIFY(otherStore.ok());
        auto other = TokenEngine::open(std::move(*otherStore), temp.clock());
        QVERIFY(other.ok());
        QVERIFY((*other)
                    ->tokens()
                    .revoke(temp.owner(), TokenRef::accessor(parent->info.accessor))
                    .ok());

        QThread::msleep(60);
        QVERIFY(!temp->tokens().validate(child->token).ok());
    }

    // Policies are cached with the tokens: narrowing one binds at once.
    void narrowedPolicyBindsAuthenticatedTokenAtOnce()
    {
        TempEngine temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        const QString token = readerToken(temp);
        QVERIFY(!token.isEmpty());

        QVERIFY(temp->admin().putPolicy(temp.owner(), kReader, kDenyEbooks).ok());
        QCOMPARE(ebookCapabilities(temp.engine(), token), QStringList{QStringLiteral("deny")});
        QVERIFY(temp->admin().deletePolicy(temp.owner(), kReader).ok());
        QCOMPARE(ebookCapabilities(temp.engine(), token), QStringList{QStringLiteral("deny")});
    }

    void policyNarrowedByAnotherProcessBindsWithinTheEpochInterval()
    {
        TempEngine temp;
        QVERIFY2(temp.isValid(), qPrintable(temp.errorMessage()));
        const QString token = readerToken(temp);
        QVERIFY(!token.isEmpty());

        auto otherStore = store::Store::open(temp.path(), TempEngine::kPassphrase);
        QVERIFY(otherStore.ok());
        auto other = TokenEngine::open(std::move(*otherStore), temp.clock());
        QVERIFY(other.ok());
        QVERIFY((*other)->admin().putPolicy(temp.owner(), kReader, kDenyEbooks).ok());

        QThread::msleep(60);
        QCOMPARE(ebookCapabilities(temp.engine(), token), QStringList{QStringLiteral("deny")});
    }

private:
    static inline const QString kReader = QStringLiteral("reader");
    static inline const QString kReadEbooks =
        QStringLiteral("path \"ebooks/*\" { capabilities = [\"read\"] }");
    static inline const QString kDenyEbooks =
        QStringLiteral("path \"ebooks/*\" { capabilities = [\"deny\"] }");

    // A token of the "reader" policy, which may read e-books (checked).
    static QString readerToken(TempEngine& temp)
    {
        TokenRequest request = patronToken();
        request.policies = {kReader};
        if (!temp->admin().putPolicy(temp.owner(), kReader, kReadEbooks).ok())
            return {};
        auto created = temp->tokens().createToken(temp.owner(), request);
        if (!created.ok() ||
            ebookCapabilities(temp.engine(), created->token) != QStringList{QStringLiteral("read")})
            return {};
        return created->token;
    }

    // What the token may do on one e-book, asked as an API request would:
    // authenticated (a use, through the caches), then capabilities-self.
    static QStringList ebookCapabilities(TokenEngine& engine, const QString& token)
    {
        auto caller = engine.tokens().authenticate(token, QStringLiteral("test"));
        if (!caller.ok())
            return {caller.error().message};
        auto capabilities = engine.admin().capabilitiesOf(*caller, TokenRef::self(),
                                                          QStringLiteral("ebooks/moby-dick"));
        return capabilities.ok() ? *capabilities : QStringList{capabilities.error().message};
    }
};

QTEST_GUILESS_MAIN(TestValidationCache)
#include "tst_validationcache.moc"
