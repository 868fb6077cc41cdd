#include "engine/ValidationCache.h"

#include <cstring>
#include <mutex>

namespace tessera::engine {

ValidationCache::ValidationCache(qsizetype capacity)
    : m_capacity(capacity)
{}

std::optional<ValidationCache::Digest> ValidationCache::digestOf(const QByteArray& hash)
{
    Digest digest;
    if (hash.size() > qsizetype(sizeof(digest.words)))
        return std::nullopt; // never cached
    std::memcpy(digest.words.data(), hash.constData(), size_t(hash.size()));
    digest.size = quint8(hash.size());
    return digest;
}

void ValidationCache::intern(Token& token)
{
    auto internString = [this](QString& value) {
        if (value.isEmpty())
            return;
        const auto it = m_strings.constFind(value);
        if (it != m_strings.cend())
            value = *it;
        else
            m_strings.insert(value);
    };
    internString(token.parentAccessor);
    internString(token.path);
    internString(token.role);
    internString(token.issuedBy);
    const auto it = m_lists.constFind(token.policies);
    if (it != m_lists.cend())
        token.policies = *it;
    else
        m_lists.insert(token.policies);
}

std::optional<Token> ValidationCache::find(const QByteArray& hash, qint64 now) const
{
    const auto digest = digestOf(hash);
    if (!digest)
        return std::nullopt;
    std::shared_lock lock(m_mutex);
    const auto it = m_tokens.constFind(*digest);
    if (it == m_tokens.cend() || (it->expireAt && *it->expireAt <= now))
        return std::nullopt;
    return *it;
}

void ValidationCache::insert(const QByteArray& hash, const Token& token, quint64 generationAtRead)
{
    const auto digest = digestOf(hash);
    if (token.hasUseLimit() || !digest)
        return;
    Token entry = token;
    std::unique_lock lock(m_mutex);
    if (generationAtRead != m_generation.load(std::memory_order_acquire))
        return;
    // Full: start again rather than track recency; a refill costs one lookup per token.
    if (m_tokens.size() >= m_capacity) {
        m_tokens.clear();
        m_strings.clear();
        m_lists.clear();
    }
    intern(entry);
    m_tokens.insert(*digest, entry);
}

std::optional<bool> ValidationCache::parentAlive(const QString& accessor, qint64 now) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_parents.constFind(accessor);
    if (it == m_parents.cend())
        return std::nullopt;
    return it->exists && (!it->expireAt || *it->expireAt > now);
}

void ValidationCache::insertParent(const QString& accessor, std::optional<qint64> expireAt,
                                   bool exists, quint64 generationAtRead)
{
    std::unique_lock lock(m_mutex);
    if (generationAtRead != m_generation.load(std::memory_order_acquire))
        return;
    if (m_parents.size() >= m_capacity)
        m_parents.clear();
    m_parents.insert(accessor, Parent{exists, expireAt});
}

void ValidationCache::invalidate()
{
    std::unique_lock lock(m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_tokens.clear();
    m_parents.clear();
    m_strings.clear();
    m_lists.clear();
}

} // namespace tessera::engine
