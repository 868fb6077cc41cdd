#pragma once

#include "core/Result.h"
#include "engine/Token.h"
#include "engine/TokenFilter.h"

#include <QJsonObject>
#include <optional>
#include <string>

namespace tessera::store {
class Query;
}

namespace tessera::engine {

// Which tokens a revoke-by-filter takes (docs/ARCHITECTURE.md, «Revoke by
// filter»), in SQL (Revocation, RevokeByFilterService) and in C++, with the
// same rules. Every condition set must hold:
// - patronId: the metadata value `patron_id` equals it;
// - role: the token was created under this role;
// - issuedBy: Token::issuedBy equals it ("cli:jdoe@desk-3", "login:<name>"),
//   or, given a kind alone ("console", "cli", "api"), begins with it and ':'
//   (every desk of that kind);
// - createdAfter / createdBefore: created at or after / before (Unix seconds);
// - search: the console's search bar text (TokenFilter), so that "Revoke All
//   Matches…" takes what the search shows.
// A filter with no condition is refused: it would revoke the whole store.
struct RevocationFilter
{
    QString patronId;
    QString role;
    QString issuedBy;
    std::optional<qint64> createdAfter;
    std::optional<qint64> createdBefore;
    TokenFilter search;

    bool isEmpty() const;
    // InvalidArgument when empty or when the period is empty.
    Status check() const;
    bool matches(const Token& token) const;

    // "(...)" over the `tokens t` alias; bind its placeholders with bind().
    std::string sqlCondition() const;
    // Binds from `firstIndex`; returns the next free index.
    int bind(store::Query& query, int firstIndex) const;

    // The conditions as audit details and JSON answers: patron_id, role,
    // issued_by, created_after, created_before, search (only those set).
    QJsonObject toJson() const;

    bool operator==(const RevocationFilter&) const = default;
};

} // namespace tessera::engine
