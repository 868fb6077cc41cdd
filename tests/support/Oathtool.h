#pragma once

#include <QString>
#include <optional>

namespace tessera::test {

// oathtool (Debian's oathtool package): an independent TOTP implementation
// that the tests hold Tessera's codes against.
inline constexpr const char* kOathtoolMissing =
    "oathtool is not installed (scripts/deps.sh installs it)";

// The 6-digit TOTP code oathtool computes for a Base32 secret at `unixSeconds`
// (nullopt: now, by the system clock); empty when oathtool is missing or fails.
QString oathtoolCode(const QString& base32Secret, std::optional<qint64> unixSeconds = {});

} // namespace tessera::test
