#include "engine/TokenOrder.h"

#include <limits>

namespace tessera::engine {
namespace {

constexpr qint64 kLast = std::numeric_limits<qint64>::max();

// SQLite's NOCASE folds ASCII letters only; so does this.
int compareNoCase(const QString& a, const QString& b)
{
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char16_t x = a.at(i).unicode();
        char16_t y = b.at(i).unicode();
        if (x >= u'A' && x <= u'Z')
            x = char16_t(x + 32);
        if (y >= u'A' && y <= u'Z')
            y = char16_t(y + 32);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int compareKeys(TokenOrder::Key key, const QVariant& a, const QVariant& b)
{
    switch (key) {
    case TokenOrder::Key::Name:
        return compareNoCase(a.toString(), b.toString());
    case TokenOrder::Key::Policies:
    case TokenOrder::Key::IssuedBy:
        return QString::compare(a.toString(), b.toString(), Qt::CaseSensitive);
    default: {
        const qint64 x = a.toLongLong();
        const qint64 y = b.toLongLong();
        return x == y ? 0 : (x < y ? -1 : 1);
    }
    }
}

} // namespace

std::string TokenOrder::sqlKey() const
{
    switch (key) {
    case Key::Created:
        return "t.id";
    case Key::Name:
        return "t.display_name COLLATE NOCASE";
    case Key::Policies:
        return "t.policies";
    case Key::Expiry:
        return "IFNULL(t.expire_at, 9223372036854775807)";
    case Key::UsesLeft:
        return "CASE WHEN t.num_uses = 0 THEN 9223372036854775807 ELSE IFNULL(t.uses_left, 0) END";
    case Key::IssuedBy:
        return "t.issued_by";
    }
    return "t.id";
}

QVariant TokenOrder::keyOf(const Token& token) const
{
    switch (key) {
    case Key::Created:
        return token.id;
    case Key::Name:
        return token.displayName;
    case Key::Policies:
        return token.policies.join(u',');
    case Key::Expiry:
        return token.expireAt.value_or(kLast);
    case Key::UsesLeft:
        return token.numUses == 0 ? kLast : qint64(token.usesLeft);
    case Key::IssuedBy:
        return token.issuedBy;
    }
    return token.id;
}

bool TokenOrder::after(const Token& token, const QVariant& cursorKey, qint64 cursorId) const
{
    int c = compareKeys(key, keyOf(token), cursorKey);
    if (c == 0)
        c = token.id == cursorId ? 0 : (token.id < cursorId ? -1 : 1);
    return direction == Qt::AscendingOrder ? c > 0 : c < 0;
}

bool TokenOrder::lessThan(const Token& a, const Token& b) const
{
    return after(b, keyOf(a), a.id);
}

} // namespace tessera::engine
