#pragma once

#include "engine/Token.h"

#include <QVariant>
#include <Qt>
#include <string>

namespace tessera::engine {

// The order in which a parent's children are listed (TokenBrowser), in SQL and
// in C++ alike, so that a token created while a page is on screen can be put
// where the next query would put it. Ties are broken by row id.
struct TokenOrder
{
    enum class Key
    {
        Created,  // row id: creation order (also "type": every stored token is a service token)
        Name,     // display name, ASCII case folded (SQLite's NOCASE)
        Policies, // the sorted, comma-joined policy list
        Expiry,   // expire time; tokens that never expire last
        UsesLeft, // uses left; unlimited last
        IssuedBy,
    };
    Key key = Key::Created;
    Qt::SortOrder direction = Qt::AscendingOrder;

    // The SQL expression of the sort key over the `tokens t` alias.
    std::string sqlKey() const;
    // The same value for a token in memory (qint64 or QString).
    QVariant keyOf(const Token& token) const;
    // Whether `a` comes before `b` in this order (ties by id).
    bool lessThan(const Token& a, const Token& b) const;
    // Whether a token with `token`'s key comes after the keyset cursor (key, id).
    bool after(const Token& token, const QVariant& key, qint64 id) const;

    bool operator==(const TokenOrder&) const = default;
};

} // namespace tessera::engine
