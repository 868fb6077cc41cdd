#include "engine/Capability.h"

#include <array>
#include <utility>

namespace tessera::engine {
namespace {

constexpr std::array<std::pair<Capability, const char16_t*>, 8> kNames{{
    {Capability::Create, u"create"},
    {Capability::Read, u"read"},
    {Capability::Update, u"update"},
    {Capability::Patch, u"patch"},
    {Capability::Delete, u"delete"},
    {Capability::List, u"list"},
    {Capability::Sudo, u"sudo"},
    {Capability::Deny, u"deny"},
}};

} // namespace

std::optional<Capability> capabilityFromName(QStringView name)
{
    for (const auto& [capability, text] : kNames) {
        if (name == QStringView(text))
            return capability;
    }
    return std::nullopt;
}

QString capabilityName(Capability capability)
{
    for (const auto& [candidate, text] : kNames) {
        if (candidate == capability)
            return QString::fromUtf16(text);
    }
    return {};
}

QStringList capabilityNames(Capabilities capabilities)
{
    QStringList names;
    for (const auto& [capability, text] : kNames) {
        if (capabilities.testFlag(capability))
            names << QString::fromUtf16(text);
    }
    return names;
}

} // namespace tessera::engine
