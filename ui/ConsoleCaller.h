#pragma once

#include "engine/Caller.h"

namespace tessera::ui {

// The console acts as the store owner (it holds the passphrase), audited as
// client "console" -- as tessera-cli acts as "cli".
inline engine::Caller consoleCaller()
{
    return engine::Caller::storeOwner(QStringLiteral("console"));
}

} // namespace tessera::ui
