#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <optional>

namespace tessera::engine {
struct MfaRequirement;
}

namespace tessera::api {

// Vault's login MFA on the wire (docs/ARCHITECTURE.md, «Second factors»). The
// one method is named "totp", which is also its id, so clients may use either.
class LoginMfa
{
public:
    // X-Vault-MFA: "totp:<passcode>" (Vault 1.13's "passcode=" prefix
    // allowed). nullopt when the header is absent; InvalidArgument for another
    // method or no passcode. The passcode itself is never put in a message.
    static Result<std::optional<QString>> passcodeFromHeader(const QByteArray& header);
    // sys/mfa/validate's "mfa_payload": {"totp": ["<passcode>"]}.
    static Result<QString> passcodeFromPayload(const QJsonValue& payload);
    // The "auth" of a login that waits for its second factor: no token,
    // "mfa_requirement" {"mfa_request_id", "mfa_constraints": {"totp": {"any":
    // [{"type": "totp", "id": "totp", "name": "totp", "uses_passcode": true}]}}}.
    static QJsonObject requirementAuth(const engine::MfaRequirement& requirement);
    // The warning that goes with it.
    static QString requirementWarning();
};

} // namespace tessera::api
