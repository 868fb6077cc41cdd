#pragma once

#include "api/ApiResponse.h"
#include "api/GateForward.h"

#include <QString>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::api {

// The gate's HTTP answers (docs/ARCHITECTURE.md, «The gate»). /gate/check
// answers a reverse proxy's sub-request: 200 with X-Tessera-Display-Name,
// X-Tessera-Accessor and X-Tessera-Policies for the upstream; 401 when the
// browser must sign in; 403 when the token may not have the document (or the
// document cannot be named safely); 400 when the proxy sent too little.
// Thread-safe: runs on the API's worker threads.
class GateEndpoint
{
public:
    explicit GateEndpoint(engine::TokenEngine& engine)
        : m_engine(engine)
    {}

    // The headers the gate reads from a request.
    static const QList<QByteArray>& headerNames();

    ApiResponse check(const GateForward::HeaderLookup& header, const QString& client,
                      const QString& requestId);

private:
    engine::TokenEngine& m_engine;
};

} // namespace tessera::api
