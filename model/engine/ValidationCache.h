#pragma once

#include "engine/Token.h"

#include <QByteArray>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <array>
#include <atomic>
#include <optional>
#include <shared_mutex>

namespace tessera::engine {

// Recently validated service tokens, by token hash, so that a web site checking
// the same patron's token again does not pay for a SQLCipher lookup (tens of
// microseconds) each time.
//
// Correctness rests on one counter, the generation. Anything that can make a
// cached token invalid (revocation, renewal, orphaning, expiry sweeps, a
// revocation by another process) calls invalidate() after its commit, which
// bumps the generation and empties the cache. A reader notes the generation
// *before* it reads the store and insert() drops the entry if the generation
// moved meanwhile, so a token revoked while it was being read never lands here.
// Entries also carry their expire time and are ignored once it has passed.
// Use-limited tokens are never cached: every use writes anyway.
class ValidationCache
{
public:
    explicit ValidationCache(qsizetype capacity = 250'000);

    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }

    std::optional<Token> find(const QByteArray& hash, qint64 now) const;
    void insert(const QByteArray& hash, const Token& token, quint64 generationAtRead);

    // Batch tokens name their parent by accessor: is it alive until after `now`?
    // nullopt: not known here.
    std::optional<bool> parentAlive(const QString& accessor, qint64 now) const;
    void insertParent(const QString& accessor, std::optional<qint64> expireAt, bool exists,
                      quint64 generationAtRead);

    void invalidate();

private:
    struct Parent
    {
        bool exists = false;
        std::optional<qint64> expireAt;
    };

    // A token hash (HMAC-SHA256: 32 bytes) kept inside the hash node, so that a
    // lookup compares it there instead of in a heap block of its own.
    struct Digest
    {
        std::array<quint64, 4> words{};
        quint8 size = 0;
        friend bool operator==(const Digest& a, const Digest& b)
        {
            return a.size == b.size && a.words == b.words;
        }
        friend size_t qHash(const Digest& digest, size_t seed) noexcept
        {
            return size_t(digest.words[0]) ^ seed;
        }
    };
    static std::optional<Digest> digestOf(const QByteArray& hash);
    // Token fields that many tokens share (parent, policies, path, role, issuer)
    // point at one copy: a hit then touches a few heap blocks instead of one per
    // field, scattered over a heap that a million tokens went through.
    void intern(Token& token);

    const qsizetype m_capacity;
    std::atomic<quint64> m_generation{1};
    mutable std::shared_mutex m_mutex;
    QHash<Digest, Token> m_tokens;
    QHash<QString, Parent> m_parents;
    QSet<QString> m_strings;
    QSet<QStringList> m_lists;
};

} // namespace tessera::engine
