#include "engine/ValidationCache.h"

#include <mutex>

namespace tessera::engine {

ValidationCache::ValidationCache(qsizetype capacity)
    : m_capacity(capacity)
{}

std::optional<Token> ValidationCache::find(const QByteArray& hash, qint64 now) const
{
    std::shared_lock lock(m_mutex);
    const auto it = m_tokens.constFind(hash);
    if (it == m_tokens.cend() || (it->expireAt && *it->expireAt <= now))
        return std::nullopt;
    return *it;
}

void ValidationCache::insert(const QByteArray& hash, const Token& token, quint64 generationAtRead)
{
    if (token.hasUseLimit())
        return;
    std::unique_lock lock(m_mutex);
    if (generationAtRead != m_generation.load(std::memory_order_acquire))
        return;
    // Full: start again rather than track recency; a refill costs one lookup per token.
    if (m_tokens.size() >= m_capacity)
        m_tokens.clear();
    m_tokens.insert(hash, token);
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
}

} // namespace tessera::engine
