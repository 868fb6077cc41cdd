#pragma once

#include "api/GateForward.h"

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace tessera::api {

// One request to the gate (paths under /gate/), as GateEndpoint reads it.
struct GateRequest
{
    QByteArray method; // "GET", "HEAD", "POST", ...
    QString path;      // "/gate/sign-in"
    QUrlQuery query;
    QByteArray body;
    GateForward::HeaderLookup header;
    QString client; // "api:<peer address>"
    QString requestId;
};

} // namespace tessera::api
