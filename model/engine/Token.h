#pragma once

#include "engine/TokenFormat.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::engine {

// A token's kind is fixed by its prefix (TokenFormat): `tss.` or `tsb.`.
using TokenType = TokenKind;

QString tokenTypeName(TokenType type); // "service" / "batch"

using Metadata = QMap<QString, QString>;

// Everything the engine knows about one token, never the token itself.
struct Token
{
    qint64 id = 0;          // row id; 0 for batch tokens (not stored)
    QString accessor;       // empty for batch tokens
    QString parentAccessor; // empty: root or orphan
    TokenType type = TokenType::Service;
    QStringList policies; // sorted, includes "default" unless created without it
    Metadata meta;
    QString displayName;
    QString role;
    QString path;    // creation path, e.g. "auth/token/create"
    int numUses = 0; // 0 = unlimited
    int usesLeft = 0;
    qint64 createdAt = 0;   // Unix seconds
    qint64 creationTtl = 0; // seconds; 0 for a root token without TTL
    std::optional<qint64> expireAt;
    qint64 explicitMaxTtl = 0;
    qint64 period = 0;
    bool renewable = false;
    std::optional<qint64> lastRenewal;
    QString issuedBy; // "console", "cli", "api:127.0.0.1", "login:alice"
    // A pass valid from its first use: unused, it expires at activateBy (expireAt
    // says so too); its first use starts its TTL (docs/ARCHITECTURE.md, «First and
    // last use»).
    std::optional<qint64> activateBy;
    std::optional<qint64> firstUsedAt;
    std::optional<qint64> lastUsedAt; // minute precision; written in batches
    QString lastUsedBy;               // the client of that use
    // Marked at creation to be listed before it expires (table expiry_warnings).
    bool warnBeforeExpiry = false;

    bool isOrphan() const { return parentAccessor.isEmpty(); }
    bool isRoot() const { return policies.contains(QStringLiteral("root")); }
    bool hasUseLimit() const { return numUses > 0; }
    bool awaitsFirstUse() const { return activateBy && !firstUsedAt; }
    // Where max TTLs count from: the first use of a pass valid from its first use.
    qint64 lifetimeStart() const { return firstUsedAt.value_or(createdAt); }
    // Seconds until expiry (0 when expired); nullopt when it never expires.
    std::optional<qint64> ttlLeft(qint64 nowSeconds) const
    {
        if (!expireAt)
            return std::nullopt;
        return *expireAt > nowSeconds ? *expireAt - nowSeconds : 0;
    }
};

} // namespace tessera::engine

Q_DECLARE_METATYPE(tessera::engine::Token)
