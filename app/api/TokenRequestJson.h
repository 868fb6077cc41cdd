#pragma once

#include "core/Result.h"
#include "engine/TokenRequest.h"

#include <QByteArray>
#include <QStringList>

namespace tessera::api {

// The body of auth/token/create (and create-orphan, create/:role) as a
// TokenRequest. A pure function of the bytes, so it can be fuzzed alone.
//
// Vault's parameters: policies, meta, no_parent, no_default_policy, renewable,
// ttl (and its deprecated alias lease), explicit_max_ttl, display_name,
// num_uses, period, type ("service" or "batch"), role_name. Custom token ids
// ("id") are refused: Tessera's tokens carry a checksum and come from the
// CSPRNG. entity_alias is refused too (there are no identity entities).
// Unknown fields are ignored; their names come back in `warnings` in Vault's
// words. Malformed JSON, wrong types, negative numbers and unknown token
// types: InvalidArgument naming the field.
class TokenRequestJson
{
public:
    static Result<engine::TokenRequest> parse(const QByteArray& body,
                                              QStringList* warnings = nullptr);
};

} // namespace tessera::api
