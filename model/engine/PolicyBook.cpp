#include "engine/PolicyBook.h"

#include "engine/Acl.h"
#include "engine/PolicyParser.h"
#include "store/Database.h"

namespace tessera::engine {

Status PolicyBook::seed(store::Database& db, qint64 now)
{
    auto exists = db.query("SELECT 1 FROM policies WHERE name = 'default'");
    TESSERA_TRY(exists);
    auto row = exists->next();
    TESSERA_TRY(row);
    if (*row)
        return {};
    return put(db, Policy::defaultName(), Policy::defaultPolicyText(), now);
}

Status PolicyBook::put(store::Database& db, const QString& name, const QString& document,
                       qint64 now)
{
    TESSERA_TRY(Policy::checkWritable(name));
    auto parsed = PolicyParser::parse(name, document);
    TESSERA_TRY(parsed);
    // INSERT OR REPLACE: SQLite 3.15 has no UPSERT.
    auto write =
        db.query("INSERT OR REPLACE INTO policies(name, document, updated_at) VALUES(?, ?, ?)");
    TESSERA_TRY(write);
    write->bind(1, parsed->name).bind(2, document).bind(3, now);
    return write->run();
}

Result<QString> PolicyBook::document(store::Database& db, const QString& name) const
{
    if (name.compare(Policy::rootName(), Qt::CaseInsensitive) == 0)
        return Policy::root().toHcl();
    auto select = db.query("SELECT document FROM policies WHERE name = ?");
    TESSERA_TRY(select);
    select->bind(1, name.toLower());
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return Error::notFound(QStringLiteral("no policy named \"%1\"").arg(name));
    return select->text(0);
}

Result<QStringList> PolicyBook::names(store::Database& db) const
{
    auto names = db.queryTexts("SELECT name FROM policies ORDER BY name");
    TESSERA_TRY(names);
    names->append(Policy::rootName());
    names->sort();
    return names;
}

Status PolicyBook::remove(store::Database& db, const QString& name)
{
    TESSERA_TRY(Policy::checkDeletable(name));
    auto remove = db.query("DELETE FROM policies WHERE name = ?");
    TESSERA_TRY(remove);
    remove->bind(1, name.toLower());
    TESSERA_TRY(remove->run());
    if (db.changes() == 0)
        return Error::notFound(QStringLiteral("no policy named \"%1\"").arg(name));
    return {};
}

Result<std::optional<Policy>> PolicyBook::load(store::Database& db, const QString& name) const
{
    quint64 generation = 0;
    {
        const std::lock_guard lock(m_mutex);
        const auto cached = m_cache.constFind(name);
        if (cached != m_cache.cend())
            return *cached;
        generation = m_generation;
    }
    std::optional<Policy> policy;
    auto text = document(db, name);
    if (text.ok()) {
        auto parsed = PolicyParser::parse(name, *text);
        TESSERA_TRY(parsed);
        policy = std::move(*parsed);
    } else if (text.error().code != ErrorCode::NotFound) {
        return text.error();
    }
    const std::lock_guard lock(m_mutex);
    if (generation == m_generation)
        m_cache.insert(name, policy);
    return policy;
}

Result<Capabilities> PolicyBook::capabilities(store::Database& db, const QStringList& policyNames,
                                              const QString& path) const
{
    quint64 generation = 0;
    {
        const std::lock_guard lock(m_mutex);
        const auto cached = m_acls.constFind(policyNames);
        if (cached != m_acls.cend())
            return cached->capabilities(path);
        generation = m_generation;
    }
    QList<Policy> policies;
    for (const QString& name : policyNames) {
        if (name == Policy::rootName()) {
            policies.append(Policy::root());
            continue;
        }
        auto policy = load(db, name);
        TESSERA_TRY(policy);
        if (policy->has_value())
            policies.append(**policy);
    }
    const Acl acl(policies);
    {
        const std::lock_guard lock(m_mutex);
        if (generation == m_generation) {
            if (m_acls.size() >= kMaxAcls)
                m_acls.clear();
            m_acls.insert(policyNames, acl);
        }
    }
    return acl.capabilities(path);
}

void PolicyBook::invalidate()
{
    const std::lock_guard lock(m_mutex);
    ++m_generation;
    m_cache.clear();
    m_acls.clear();
}

} // namespace tessera::engine
