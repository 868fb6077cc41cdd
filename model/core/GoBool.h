#pragma once

#include <QStringView>
#include <optional>

namespace tessera {

// A boolean as Go's strconv.ParseBool reads it, which is what Vault applies to
// query parameters (`?list=True` from hvac) and string-typed JSON fields:
// 1 t T TRUE true True / 0 f F FALSE false False. Anything else: nullopt.
std::optional<bool> parseGoBool(QStringView text);

} // namespace tessera
