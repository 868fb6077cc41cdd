#pragma once

#include <QHash>
#include <QString>
#include <algorithm>
#include <functional>
#include <mutex>
#include <optional>

namespace tessera::engine {

// Short-lived, single-use entries held in memory (pending sign-ins, WebAuthn
// challenges): take() removes an entry whether it is used rightly or not, an
// entry past its `expiresAt` (Unix seconds, a member of Value) is never
// returned, and at most `capacity` are held: beyond that the expired go
// first, then the oldest, so a flood of requests cannot grow memory without
// bound. Thread-safe.
template <typename Value> class SingleUseMap
{
public:
    explicit SingleUseMap(qsizetype capacity)
        : m_capacity(capacity)
    {}

    void insert(const QString& key, Value value, qint64 now)
    {
        const std::lock_guard lock(m_mutex);
        if (m_entries.size() >= m_capacity)
            evict(now);
        m_entries.insert(key, std::move(value));
    }

    std::optional<Value> take(const QString& key, qint64 now)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it == m_entries.end())
            return std::nullopt;
        Value value = std::move(*it);
        m_entries.erase(it);
        if (now >= value.expiresAt)
            return std::nullopt;
        return value;
    }

    // Changes a live entry in place without using it up; false when there is none.
    bool update(const QString& key, qint64 now, const std::function<void(Value&)>& change)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(key);
        if (it == m_entries.end() || now >= it->expiresAt)
            return false;
        change(*it);
        return true;
    }

    qsizetype size() const
    {
        const std::lock_guard lock(m_mutex);
        return m_entries.size();
    }

private:
    void evict(qint64 now)
    {
        m_entries.removeIf([now](const auto& entry) { return now >= entry.value().expiresAt; });
        if (m_entries.size() >= m_capacity) {
            const auto oldest = std::min_element(
                m_entries.begin(), m_entries.end(),
                [](const Value& a, const Value& b) { return a.expiresAt < b.expiresAt; });
            m_entries.erase(oldest);
        }
    }

    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<QString, Value> m_entries;
};

} // namespace tessera::engine
