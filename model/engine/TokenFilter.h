#pragma once

#include "engine/Token.h"

#include <QString>
#include <string>

namespace tessera::store {
class Query;
}

namespace tessera::engine {

// What the console's search bar matches, in SQL (TokenBrowser) and in C++ (for
// tokens that arrive by signal), with the same rules:
// - the display name contains the text (ASCII case-insensitive, as SQL LIKE);
// - the accessor starts with it;
// - a policy is named exactly so;
// - a metadata value equals it (a patron id, a card number).
// An empty (or blank) text matches everything.
class TokenFilter
{
public:
    TokenFilter() = default;
    explicit TokenFilter(const QString& text);

    bool isEmpty() const { return m_text.isEmpty(); }
    QString text() const { return m_text; }
    bool matches(const Token& token) const;

    // "(...)" over the `tokens t` alias with kBindings placeholders; bind them
    // with bind(query, firstIndex).
    static const char* const kSqlCondition;
    static constexpr int kBindings = 5;
    void bind(store::Query& query, int firstIndex) const;

    bool operator==(const TokenFilter&) const = default;

private:
    QString m_text;
};

} // namespace tessera::engine
