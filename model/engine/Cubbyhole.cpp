#include "engine/Cubbyhole.h"

#include "engine/TokenRecords.h"
#include "store/Database.h"

#include <QJsonDocument>
#include <algorithm>

namespace tessera::engine {
namespace {

Error nothingThere()
{
    return Error::notFound(QStringLiteral("nothing is stored at this cubbyhole path"));
}

} // namespace

Status Cubbyhole::checkPath(QStringView path)
{
    if (path.isEmpty())
        return Error::invalid(QStringLiteral("A cubbyhole path must not be empty."));
    if (path.size() > kMaxPathLength)
        return Error::invalid(
            QStringLiteral("A cubbyhole path must be at most %1 characters.").arg(kMaxPathLength));
    if (std::any_of(path.begin(), path.end(),
                    [](QChar c) { return c.category() == QChar::Other_Control; }))
        return Error::invalid(QStringLiteral("A cubbyhole path must not contain control "
                                             "characters."));
    for (const QStringView segment : path.split(u'/')) {
        if (segment.isEmpty() || segment == u"." || segment == u"..")
            return Error::invalid(QStringLiteral("A cubbyhole path must not begin or end with '/' "
                                                 "nor contain empty, '.' or '..' segments."));
    }
    return {};
}

Result<QString> Cubbyhole::folderOf(QStringView prefix)
{
    if (prefix.isEmpty() || prefix == u"/")
        return QString();
    QStringView trimmed = prefix;
    if (trimmed.endsWith(u'/'))
        trimmed.chop(1);
    TESSERA_TRY(checkPath(trimmed));
    return trimmed.toString() + u'/';
}

Result<QJsonObject> Cubbyhole::read(const QString& path)
{
    TESSERA_TRY(checkPath(path));
    auto select = m_db.query("SELECT value FROM cubbyhole WHERE token_id = ? AND path = ?");
    TESSERA_TRY(select);
    select->bind(1, m_tokenId).bind(2, path);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return nothingThere();
    return QJsonDocument::fromJson(select->text(0).toUtf8()).object();
}

Status Cubbyhole::write(const QString& path, const QJsonObject& value)
{
    TESSERA_TRY(checkPath(path));
    if (value.isEmpty())
        return Error::invalid(QStringLiteral("A cubbyhole entry needs at least one field."));
    const QByteArray json = QJsonDocument(value).toJson(QJsonDocument::Compact);
    if (json.size() > kMaxValueBytes)
        return Error::invalid(QStringLiteral("A cubbyhole entry must be at most %1 KiB as JSON.")
                                  .arg(kMaxValueBytes / 1024));

    // Checked in the writer's transaction, so two writers cannot both take the
    // last free entry.
    auto count = m_db.query("SELECT count(*), sum(path = ?) FROM cubbyhole WHERE token_id = ?");
    TESSERA_TRY(count);
    count->bind(1, path).bind(2, m_tokenId);
    auto row = count->next();
    TESSERA_TRY(row);
    const bool replacing = count->int64(1) > 0;
    if (!replacing && count->int64(0) >= kMaxEntries)
        return Error::invalid(
            QStringLiteral("The cubbyhole is full: a token may keep at most %1 entries.")
                .arg(kMaxEntries));

    // Only for a token that still exists: a write racing the token's revocation
    // must not leave rows nobody can reach or delete.
    auto write = m_db.query("INSERT OR REPLACE INTO cubbyhole(token_id, path, value) "
                            "SELECT id, ?, ? FROM tokens t WHERE id = ? AND" TESSERA_LIVE("t"));
    TESSERA_TRY(write);
    write->bind(1, path).bind(2, QString::fromUtf8(json)).bind(3, m_tokenId);
    TESSERA_TRY(write->run());
    if (m_db.changes() == 0)
        return Error::notFound(QStringLiteral("no such token, or it has expired or been revoked"));
    return {};
}

Result<QStringList> Cubbyhole::list(const QString& folder)
{
    auto prefix = folderOf(folder);
    TESSERA_TRY(prefix);
    // substr() rather than LIKE: paths may hold '%' and '_'. SQLite counts code
    // points, not UTF-16 units.
    auto select = m_db.query("SELECT path FROM cubbyhole WHERE token_id = ? "
                             "AND substr(path, 1, ?) = ? ORDER BY path");
    TESSERA_TRY(select);
    // A null QString would bind NULL, and substr() = NULL matches nothing.
    const QString folderPrefix = prefix->isNull() ? QStringLiteral("") : *prefix;
    select->bind(1, m_tokenId).bind(2, qint64(folderPrefix.toUcs4().size())).bind(3, folderPrefix);
    QStringList children;
    for (;;) {
        auto row = select->next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        const QString rest = select->text(0).mid(prefix->size());
        const qsizetype slash = rest.indexOf(u'/');
        const QString child = slash < 0 ? rest : rest.left(slash + 1);
        if (!child.isEmpty() && !children.contains(child))
            children.append(child);
    }
    children.sort();
    return children;
}

Status Cubbyhole::remove(const QString& path)
{
    TESSERA_TRY(checkPath(path));
    auto remove = m_db.query("DELETE FROM cubbyhole WHERE token_id = ? AND path = ?");
    TESSERA_TRY(remove);
    remove->bind(1, m_tokenId).bind(2, path);
    return remove->run();
}

} // namespace tessera::engine
