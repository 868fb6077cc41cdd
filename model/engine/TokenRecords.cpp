#include "engine/TokenRecords.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace tessera::engine {
namespace {

// Column list shared by every SELECT that builds a Token (see fromRow()).
#define TOKEN_COLUMNS                                                                              \
    "t.id, t.accessor, p.accessor, t.policies, t.meta, t.display_name, t.role, t.path, "           \
    "t.num_uses, t.uses_left, t.created_at, t.creation_ttl, t.expire_at, t.explicit_max_ttl, "     \
    "t.period, t.renewable, t.last_renewal, t.issued_by, u.activate_by, u.first_used_at, "         \
    "u.last_used_at, u.last_used_by, "                                                             \
    "EXISTS(SELECT 1 FROM expiry_warnings w WHERE w.token_id = t.id) "                             \
    "FROM tokens t LEFT JOIN tokens p ON p.id = t.parent_id LEFT JOIN token_use u ON u.id = t.id "

// Query binds a null QString as NULL, but these columns are NOT NULL and hold ''
// for "none": a token without a display name or role must still insert.
QString orEmpty(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

} // namespace

const char* const TokenRecords::kSelectTokens = "SELECT " TOKEN_COLUMNS;
const char* const TokenRecords::kLive = TESSERA_LIVE("t");

Token TokenRecords::fromRow(const store::Query& row)
{
    Token token;
    token.id = row.int64(0);
    token.accessor = row.text(1);
    token.parentAccessor = row.text(2);
    token.type = TokenType::Service;
    token.policies = splitPolicies(row.text(3));
    token.meta = decodeMeta(row.text(4));
    token.displayName = row.text(5);
    token.role = row.text(6);
    token.path = row.text(7);
    token.numUses = int(row.int64(8));
    token.usesLeft = int(row.int64(9));
    token.createdAt = row.int64(10);
    token.creationTtl = row.int64(11);
    if (!row.isNull(12))
        token.expireAt = row.int64(12);
    token.explicitMaxTtl = row.int64(13);
    token.period = row.int64(14);
    token.renewable = row.boolean(15);
    if (!row.isNull(16))
        token.lastRenewal = row.int64(16);
    token.issuedBy = row.text(17);
    const auto optional = [&row](int column) {
        return row.isNull(column) ? std::nullopt : std::optional<qint64>(row.int64(column));
    };
    token.activateBy = optional(18);
    token.firstUsedAt = optional(19);
    token.lastUsedAt = optional(20);
    token.lastUsedBy = row.text(21);
    token.warnBeforeExpiry = row.boolean(22);
    return token;
}

Status TokenRecords::insert(Token& token, const QByteArray& key, qint64 parentId)
{
    auto insert = m_db.query(
        "INSERT INTO tokens(hash, accessor, parent_id, policies, meta, display_name, role, path, "
        "num_uses, uses_left, created_at, creation_ttl, expire_at, explicit_max_ttl, period, "
        "renewable, last_renewal, issued_by) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    TESSERA_TRY(insert);
    insert->bind(1, key).bind(2, token.accessor);
    if (parentId > 0)
        insert->bind(3, parentId);
    else
        insert->bindNull(3);
    insert->bind(4, orEmpty(joinPolicies(token.policies)))
        .bind(5, encodeMeta(token.meta))
        .bind(6, orEmpty(token.displayName))
        .bind(7, orEmpty(token.role))
        .bind(8, orEmpty(token.path))
        .bind(9, token.numUses)
        .bind(10, token.usesLeft)
        .bind(11, token.createdAt)
        .bind(12, token.creationTtl);
    if (token.expireAt)
        insert->bind(13, *token.expireAt);
    else
        insert->bindNull(13);
    insert->bind(14, token.explicitMaxTtl).bind(15, token.period).bind(16, token.renewable);
    if (token.lastRenewal)
        insert->bind(17, *token.lastRenewal);
    else
        insert->bindNull(17);
    insert->bind(18, orEmpty(token.issuedBy));
    TESSERA_TRY(insert->run());
    token.id = m_db.lastInsertRowId();
    // SQLite may hand out the id of a deleted row again. A mark left for that
    // id (its row went another way than the purge) would hide the new token.
    for (const std::string_view sql :
         {std::string_view("DELETE FROM revoked WHERE id = ?"),
          std::string_view("DELETE FROM token_use WHERE id = ?"),
          std::string_view("DELETE FROM expiry_warnings WHERE token_id = ?")}) {
        auto stale = m_db.query(sql);
        TESSERA_TRY(stale);
        stale->bind(1, token.id);
        TESSERA_TRY(stale->run());
    }
    if (token.activateBy) {
        auto pass = m_db.query("INSERT INTO token_use(id, activate_by) VALUES(?, ?)");
        TESSERA_TRY(pass);
        pass->bind(1, token.id).bind(2, *token.activateBy);
        TESSERA_TRY(pass->run());
    }
    if (token.warnBeforeExpiry) {
        auto mark = m_db.query("INSERT INTO expiry_warnings(token_id) VALUES(?)");
        TESSERA_TRY(mark);
        mark->bind(1, token.id);
        TESSERA_TRY(mark->run());
    }
    return {};
}

Result<std::optional<Token>> TokenRecords::findOne(std::string_view sql, const auto& key)
{
    auto select = m_db.query(sql);
    TESSERA_TRY(select);
    select->bind(1, key);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<Token>{};
    return std::optional<Token>{fromRow(*select)};
}

Result<std::optional<Token>> TokenRecords::findByKey(const QByteArray& key)
{
    return findOne("SELECT " TOKEN_COLUMNS "WHERE t.hash = ? AND" TESSERA_LIVE("t"), key);
}

Result<std::optional<Token>> TokenRecords::findByAccessor(const QString& accessor)
{
    return findOne("SELECT " TOKEN_COLUMNS "WHERE t.accessor = ? AND" TESSERA_LIVE("t"), accessor);
}

Result<std::optional<Token>> TokenRecords::findById(qint64 id)
{
    return findOne("SELECT " TOKEN_COLUMNS "WHERE t.id = ? AND" TESSERA_LIVE("t"), id);
}

Result<std::optional<qint64>> TokenRecords::idOfAccessor(const QString& accessor)
{
    auto select = m_db.query("SELECT id FROM tokens t WHERE accessor = ? AND" TESSERA_LIVE("t"));
    TESSERA_TRY(select);
    select->bind(1, accessor);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<qint64>{};
    return std::optional<qint64>{select->int64(0)};
}

Result<QList<Token>> TokenRecords::children(qint64 parentId, qint64 afterId, int limit)
{
    // Two statements rather than `parent_id IS ?`, which would not use the index.
    auto select = parentId > 0
                      ? m_db.query("SELECT " TOKEN_COLUMNS
                                   "WHERE t.parent_id = ? AND t.id > ? AND" TESSERA_LIVE(
                                       "t") "ORDER BY t.id LIMIT ?")
                      : m_db.query("SELECT " TOKEN_COLUMNS
                                   "WHERE t.parent_id IS NULL AND t.id > ? AND" TESSERA_LIVE(
                                       "t") "ORDER BY t.id LIMIT ?");
    TESSERA_TRY(select);
    int index = 1;
    if (parentId > 0)
        select->bind(index++, parentId);
    select->bind(index++, afterId);
    select->bind(index, limit);
    QList<Token> tokens;
    for (;;) {
        auto row = select->next();
        TESSERA_TRY(row);
        if (!*row)
            break;
        tokens.append(fromRow(*select));
    }
    return tokens;
}

Result<qint64> TokenRecords::descendantCount(qint64 id)
{
    auto select = m_db.query(
        "WITH RECURSIVE sub(id) AS (SELECT id FROM tokens t WHERE parent_id = ? AND" TESSERA_LIVE(
            "t") "UNION ALL SELECT t.id FROM tokens t JOIN sub ON t.parent_id = sub.id "
                 "WHERE" TESSERA_LIVE("t") ") SELECT count(*) FROM sub");
    TESSERA_TRY(select);
    select->bind(1, id);
    auto row = select->next();
    TESSERA_TRY(row);
    return select->int64(0);
}

Result<qint64> TokenRecords::count()
{
    // Every listed id has its row until the purge deletes both together.
    auto select =
        m_db.query("SELECT (SELECT count(*) FROM tokens) - (SELECT count(*) FROM revoked)");
    TESSERA_TRY(select);
    auto row = select->next();
    TESSERA_TRY(row);
    return select->int64(0);
}

Result<QStringList> TokenRecords::allAccessors()
{
    return m_db.queryTexts("SELECT accessor FROM tokens t WHERE" TESSERA_LIVE("t") "ORDER BY id");
}

Status TokenRecords::updateExpiry(qint64 id, std::optional<qint64> expireAt, qint64 lastRenewal)
{
    auto update = m_db.query("UPDATE tokens SET expire_at = ?, last_renewal = ? WHERE id = ?");
    TESSERA_TRY(update);
    if (expireAt)
        update->bind(1, *expireAt);
    else
        update->bindNull(1);
    update->bind(2, lastRenewal).bind(3, id);
    return update->run();
}

Result<std::optional<qint64>> TokenRecords::earliestExpiry()
{
    // Written so the partial index tokens_by_expiry answers it.
    auto select = m_db.query("SELECT expire_at FROM tokens t WHERE expire_at IS NOT NULL "
                             "AND" TESSERA_LIVE("t") "ORDER BY expire_at LIMIT 1");
    TESSERA_TRY(select);
    auto row = select->next();
    TESSERA_TRY(row);
    if (!*row)
        return std::optional<qint64>{};
    return std::optional<qint64>{select->int64(0)};
}

QString TokenRecords::joinPolicies(QStringList policies)
{
    policies.sort();
    policies.removeDuplicates();
    return policies.join(u',');
}

QStringList TokenRecords::splitPolicies(const QString& joined)
{
    return joined.split(u',', Qt::SkipEmptyParts);
}

namespace {

// Printable ASCII that JSON does not escape.
bool plainJsonText(const QString& text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
}

} // namespace

QString TokenRecords::encodeMeta(const Metadata& meta)
{
    if (meta.isEmpty())
        return QStringLiteral("{}");
    // Nearly all metadata is plain ASCII: written directly, it is the text
    // QJsonDocument would write (keys in the same order, nothing escaped) at a
    // fraction of the cost of building a QJsonObject.
    bool plain = true;
    qsizetype size = 1;
    for (auto it = meta.cbegin(); it != meta.cend() && plain; ++it) {
        plain = plainJsonText(it.key()) && plainJsonText(it.value());
        size += it.key().size() + it.value().size() + 6;
    }
    if (plain) {
        QString json;
        json.reserve(size);
        json.append(u'{');
        for (auto it = meta.cbegin(); it != meta.cend(); ++it) {
            if (it != meta.cbegin())
                json.append(u',');
            json.append(u'"').append(it.key()).append(u"\":\"").append(it.value()).append(u'"');
        }
        json.append(u'}');
        return json;
    }
    QJsonObject object;
    for (auto it = meta.cbegin(); it != meta.cend(); ++it)
        object.insert(it.key(), it.value());
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Metadata TokenRecords::decodeMeta(const QString& json)
{
    Metadata meta;
    if (json.size() <= 2)
        return meta;
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        meta.insert(it.key(), it.value().toString());
    return meta;
}

} // namespace tessera::engine
