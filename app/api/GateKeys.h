#pragma once

#include "api/ApiResponse.h"
#include "api/GateForm.h"
#include "api/GateRequest.h"

#include <optional>

namespace tessera::engine {
class TokenEngine;
struct Caller;
} // namespace tessera::engine

namespace tessera::api {

// Security keys on the gate (docs/ARCHITECTURE.md, «Second factors»), when
// the gate has a public origin (GateConfig::publicOrigin):
//   POST /gate/sign-in/key-options  csrf, mfa_request: the options for
//                                   navigator.credentials.get() (JSON); the
//                                   answer then goes to /gate/sign-in as
//                                   `assertion` (GateEndpoint)
//   GET  /gate/keys                 the signed-in patron's keys: add, remove
//   POST /gate/keys/options         csrf: the options for navigator.credentials.create()
//   POST /gate/keys/add             csrf, name, credential: registers the key
//   POST /gate/keys/remove          csrf, id: removes one
// The self-service paths need the patron's own sign-in cookie (a token
// issued by logging in with a password); anything else is sent to sign in.
class GateKeys
{
public:
    explicit GateKeys(engine::TokenEngine& engine)
        : m_engine(engine)
    {}

    // The answer for a security-key path; nullopt for any other request.
    std::optional<ApiResponse> handle(const GateRequest& request, const GateForm& form);

private:
    ApiResponse signInOptions(const GateRequest& request, const GateForm& form);
    ApiResponse keysPage(const GateRequest& request, const GateForm& form);
    // The patron of the sign-in cookie and its user name, or nullopt.
    std::optional<std::pair<engine::Caller, QString>> patronOf(const GateRequest& request,
                                                               const QString& use);
    ApiResponse showKeys(const GateRequest& request, const GateForm& form,
                         const engine::Caller& caller, const QString& user, int status,
                         const QString& notice, const QString& error);

    engine::TokenEngine& m_engine;
};

} // namespace tessera::api
