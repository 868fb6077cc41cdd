#pragma once

#include <QString>

namespace tessera::engine {

// A token named by itself, by its accessor, or as the caller's own token.
struct TokenRef
{
    enum class Kind
    {
        Token,
        Accessor,
        Self
    } kind;
    QString value;
    static TokenRef token(const QString& raw) { return {Kind::Token, raw}; }
    static TokenRef accessor(const QString& accessor) { return {Kind::Accessor, accessor}; }
    static TokenRef self() { return {Kind::Self, {}}; }
};

} // namespace tessera::engine
