#include "engine/RevocationFilter.h"

#include "store/Database.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::engine {
namespace {

const QString kPatronKey = QStringLiteral("patron_id");

// `"patron_id":"<escaped value>"` as TokenRecords::encodeMeta and QJsonDocument
// both write it. Inside a stored value every quote is escaped, so the pattern
// can only be found as the key and its whole value.
QString patronPattern(const QString& patronId)
{
    QByteArray json = QJsonDocument(QJsonArray{kPatronKey, patronId})
                          .toJson(QJsonDocument::Compact); // ["patron_id","…"]
    json.chop(1);
    json.remove(0, 1);
    const qsizetype comma = json.indexOf("\",\"") + 1;
    json[comma] = ':';
    return QString::fromUtf8(json);
}

} // namespace

bool RevocationFilter::isEmpty() const
{
    return patronId.isEmpty() && role.isEmpty() && issuedBy.isEmpty() && !createdAfter &&
           !createdBefore && search.isEmpty();
}

Status RevocationFilter::check() const
{
    if (isEmpty())
        return Error::invalid(QStringLiteral(
            "name at least one filter (patron, role, issuer, creation period or search text)"));
    if (createdAfter && createdBefore && *createdAfter >= *createdBefore)
        return Error::invalid(
            QStringLiteral("the creation period is empty: its start is not before its end"));
    return {};
}

bool RevocationFilter::matches(const Token& token) const
{
    return (patronId.isEmpty() || token.meta.value(kPatronKey) == patronId) &&
           (role.isEmpty() || token.role == role) &&
           (issuedBy.isEmpty() || token.issuedBy == issuedBy ||
            (!issuedBy.contains(u':') && token.issuedBy.startsWith(issuedBy + u':'))) &&
           (!createdAfter || token.createdAt >= *createdAfter) &&
           (!createdBefore || token.createdAt < *createdBefore) && search.matches(token);
}

std::string RevocationFilter::sqlCondition() const
{
    std::string sql = "(1";
    if (!patronId.isEmpty())
        sql += " AND instr(t.meta, ?) > 0";
    if (!role.isEmpty())
        sql += " AND t.role = ?";
    if (!issuedBy.isEmpty() && issuedBy.contains(u':'))
        sql += " AND t.issued_by = ?";
    else if (!issuedBy.isEmpty())
        sql += " AND (t.issued_by = ? OR substr(t.issued_by, 1, ?) = ?)";
    if (createdAfter)
        sql += " AND t.created_at >= ?";
    if (createdBefore)
        sql += " AND t.created_at < ?";
    if (!search.isEmpty())
        sql += std::string(" AND ") + TokenFilter::kSqlCondition;
    return sql + ")";
}

int RevocationFilter::bind(store::Query& query, int firstIndex) const
{
    int i = firstIndex;
    if (!patronId.isEmpty())
        query.bind(i++, patronPattern(patronId));
    if (!role.isEmpty())
        query.bind(i++, role);
    if (!issuedBy.isEmpty())
        query.bind(i++, issuedBy);
    if (!issuedBy.isEmpty() && !issuedBy.contains(u':')) {
        const QString kind = issuedBy + u':';
        query.bind(i++, qint64(kind.size()));
        query.bind(i++, kind);
    }
    if (createdAfter)
        query.bind(i++, *createdAfter);
    if (createdBefore)
        query.bind(i++, *createdBefore);
    if (!search.isEmpty()) {
        search.bind(query, i);
        i += TokenFilter::kBindings;
    }
    return i;
}

QJsonObject RevocationFilter::toJson() const
{
    QJsonObject json;
    if (!patronId.isEmpty())
        json.insert(kPatronKey, patronId);
    if (!role.isEmpty())
        json.insert(QStringLiteral("role"), role);
    if (!issuedBy.isEmpty())
        json.insert(QStringLiteral("issued_by"), issuedBy);
    if (createdAfter)
        json.insert(QStringLiteral("created_after"), *createdAfter);
    if (createdBefore)
        json.insert(QStringLiteral("created_before"), *createdBefore);
    if (!search.isEmpty())
        json.insert(QStringLiteral("search"), search.text());
    return json;
}

} // namespace tessera::engine
