#pragma once

#include <QFlags>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace tessera::engine {

// What a policy rule grants on a path, in Vault's vocabulary. `patch` is
// Vault's too; it is accepted so that existing Vault policies load unchanged.
enum class Capability : quint16
{
    Create = 0x01,
    Read = 0x02,
    Update = 0x04,
    Patch = 0x08,
    Delete = 0x10,
    List = 0x20,
    Sudo = 0x40,
    Deny = 0x80, // on its own in a rule: a rule with deny grants nothing else
};
Q_DECLARE_FLAGS(Capabilities, Capability)
Q_DECLARE_OPERATORS_FOR_FLAGS(Capabilities)

// Everything but deny: what the root policy grants.
inline constexpr Capabilities kAllCapabilities = Capabilities::fromInt(0x7F);

std::optional<Capability> capabilityFromName(QStringView name);
QString capabilityName(Capability capability);
// In the canonical order create, read, update, patch, delete, list, sudo, deny.
QStringList capabilityNames(Capabilities capabilities);

} // namespace tessera::engine
