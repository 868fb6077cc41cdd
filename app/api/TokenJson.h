#pragma once

#include "engine/Token.h"

#include <QByteArray>
#include <QString>

namespace tessera::api {

// A token's facts in Vault's field names, as compact JSON (ApiResponse::dataJson).
class TokenJson
{
public:
    // The data of auth/token/lookup*: accessor, creation_time, creation_ttl,
    // display_name, entity_id, expire_time (RFC 3339 or null), explicit_max_ttl,
    // id (the token for lookup and lookup-self, "" by accessor), issue_time,
    // meta, num_uses (uses left), orphan, path, policies, renewable, ttl (seconds
    // left, 0 when it never expires), type; period, role and last_renewal(_time)
    // when set.
    static QByteArray lookup(const engine::Token& token, const QString& id, qint64 nowSeconds);
    // The "auth" of create, login and renew: client_token, accessor, policies,
    // token_policies, metadata, lease_duration, renewable, entity_id,
    // token_type, orphan, num_uses.
    static QByteArray auth(const engine::Token& token, const QString& clientToken,
                           qint64 nowSeconds);
    // RFC 3339 in UTC, as Vault writes times: "2026-11-22T14:35:00Z".
    static QString time(qint64 unixSeconds);
};

} // namespace tessera::api
