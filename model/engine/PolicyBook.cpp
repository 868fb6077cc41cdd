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

Result<Policy> PolicyBook::load(store::Database& db, const QString& name) const
{
    auto text = document(db, name);
    TESSERA_TRY(text);
    {
        std::lock_guard lock(m_mutex);
        const auto cached = m_cache.constFind(name);
        if (cached != m_cache.cend() && cached->document == *text)
            return cached->policy;
    }
    auto parsed = PolicyParser::parse(name, *text);
    TESSERA_TRY(parsed);
    std::lock_guard lock(m_mutex);
    m_cache.insert(name, Cached{*text, *parsed});
    return *parsed;
}

Result<Capabilities> PolicyBook::capabilities(store::Database& db, const QStringList& policyNames,
                                              const QString& path) const
{
    QList<Policy> policies;
    for (const QString& name : policyNames) {
        if (name == Policy::rootName()) {
            policies.append(Policy::root());
            continue;
        }
        auto policy = load(db, name);
        if (policy.ok())
            policies.append(*policy);
        else if (policy.error().code != ErrorCode::NotFound)
            return policy.error();
    }
    return Acl(policies).capabilities(path);
}

} // namespace tessera::engine
