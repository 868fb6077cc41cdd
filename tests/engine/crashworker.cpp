// The victim of tst_crashsafety: opens an existing store and keeps creating and
// revoking tokens until it is killed. After each operation has committed it
// prints what it did and flushes, so every line the test reads is a promise:
//
//   created <accessor> <parent accessor or ->   the token exists
//   revoking <accessor>                         intent: a subtree revoke starts
//   orphaning <accessor>                        intent: a revoke-orphan starts
//   revoked <accessor>                          gone (one line per token)
//   done                                        the revoke named above is complete
//
// Usage: tessera-crashworker <store path> <passphrase> <seed>
//
// Or, for the purge of revoked rows (tst_revocation):
//   tessera-crashworker <store path> <passphrase> purge-one-chunk <accessor> <chunk rows>
// revokes the subtree of <accessor> with the background purge off, prints
// "revoked <n>", purges one chunk of <chunk rows>, prints "purged <n>" and
// kills itself with SIGKILL: a crash between two chunks of the purge.
#include "engine/Caller.h"
#include "engine/TokenEngine.h"
#include "store/Store.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>

using namespace tessera;
using namespace tessera::engine;

namespace {

void say(const QByteArray& line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
}

void flush()
{
    std::fflush(stdout);
}

int fail(const QString& what)
{
    std::fprintf(stderr, "crashworker: %s\n", qPrintable(what));
    return 1;
}

int purgeOneChunkThenDie(char** argv)
{
    auto store = store::Store::open(QString::fromLocal8Bit(argv[1]), QByteArrayView(argv[2]));
    if (!store)
        return fail(store.error().message);
    EngineConfig config;
    config.purgeInBackground = false;
    config.purgeChunkRows = std::atoi(argv[5]);
    auto opened = TokenEngine::open(std::move(*store), Clock::system(), config);
    if (!opened)
        return fail(opened.error().message);
    TokenEngine& engine = **opened;
    const Caller owner = Caller::storeOwner(QStringLiteral("crashworker"));
    auto revoked = engine.tokens().revoke(owner, TokenRef::accessor(QString::fromLatin1(argv[4])));
    if (!revoked)
        return fail(revoked.error().message);
    say("revoked " + QByteArray::number(revoked->size()));
    flush();
    auto purged = engine.tokens().purgeRevoked(1);
    if (!purged)
        return fail(purged.error().message);
    say("purged " + QByteArray::number(*purged));
    flush();
    std::raise(SIGKILL);
    return fail(QStringLiteral("still alive after SIGKILL"));
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 6 && qstrcmp(argv[3], "purge-one-chunk") == 0)
        return purgeOneChunkThenDie(argv);
    if (argc != 4)
        return fail(QStringLiteral("usage: tessera-crashworker <store> <passphrase> <seed>"));
    auto store = store::Store::open(QString::fromLocal8Bit(argv[1]), QByteArrayView(argv[2]));
    if (!store)
        return fail(store.error().message);
    auto opened = TokenEngine::open(std::move(*store));
    if (!opened)
        return fail(opened.error().message);
    TokenEngine& engine = **opened;
    const Caller owner = Caller::storeOwner(QStringLiteral("crashworker"));

    auto existing = engine.tokens().accessors(owner);
    if (!existing)
        return fail(existing.error().message);
    QStringList live = *existing;

    std::mt19937 random(quint32(std::strtoul(argv[3], nullptr, 10)));
    auto pick = [&](qsizetype size) {
        return std::uniform_int_distribution<qsizetype>(0, size - 1)(random);
    };
    for (;;) {
        const int roll = int(pick(10));
        if (roll < 6 || live.size() < 4) {
            QList<TokenRequest> requests;
            const qsizetype count = 1 + pick(5);
            for (qsizetype i = 0; i < count; ++i) {
                TokenRequest request;
                request.ttl = 24 * 3600;
                request.displayName = QStringLiteral("crash test %1").arg(live.size() + i);
                request.policies = {QStringLiteral("default")};
                if (!live.isEmpty() && pick(3) > 0)
                    request.parentAccessor = live.at(pick(live.size()));
                requests.append(request);
            }
            auto created = engine.tokens().createTokens(owner, requests);
            if (!created)
                return fail(created.error().message);
            for (const CreatedToken& token : std::as_const(*created)) {
                say("created " + token.info.accessor.toLatin1() + ' ' +
                    (token.info.parentAccessor.isEmpty() ? QByteArray("-")
                                                         : token.info.parentAccessor.toLatin1()));
                live.append(token.info.accessor);
            }
            flush();
        } else {
            const QString target = live.at(pick(live.size()));
            const bool orphaning = roll == 9;
            say((orphaning ? "orphaning " : "revoking ") + target.toLatin1());
            flush();
            auto revoked = orphaning
                               ? engine.tokens().revokeOrphan(owner, TokenRef::accessor(target))
                               : engine.tokens().revoke(owner, TokenRef::accessor(target));
            if (!revoked)
                return fail(revoked.error().message);
            for (const QString& accessor : std::as_const(*revoked)) {
                say("revoked " + accessor.toLatin1());
                live.removeOne(accessor);
            }
            say("done");
            flush();
        }
    }
}
