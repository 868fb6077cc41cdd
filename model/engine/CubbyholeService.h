#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Capability.h"
#include "engine/TokenResolver.h"

#include <QJsonObject>
#include <QStringList>

namespace tessera::engine {

class EngineCore;

// The caller's own token's private store (Cubbyhole), under ACL paths
// cubbyhole/<path>; the default policy grants cubbyhole/*. The store owner and
// batch tokens have none (InvalidArgument). A token revoked since its request
// was authenticated has none either (its row id may be a stranger's now).
class CubbyholeService
{
public:
    explicit CubbyholeService(const EngineCore& core)
        : m_core(core)
        , m_resolver(core)
    {}

    Result<QJsonObject> read(const Caller& caller, const QString& path) const;
    Status write(const Caller& caller, const QString& path, const QJsonObject& value);
    // Direct children of `folder` ("" for the top), sub-folders ending in '/'.
    Result<QStringList> list(const Caller& caller, const QString& folder) const;
    Status remove(const Caller& caller, const QString& path);

private:
    // A read, authorised, inside a deferred transaction that also sees the
    // caller's token still stored.
    template <typename Read>
    auto ownRead(const Caller& caller, const QString& path, Capabilities needed,
                 const QString& operation, Read&& read) const
        -> decltype(read(std::declval<store::Database&>()));
    template <typename Write>
    Status ownWrite(const Caller& caller, const QString& path, Capabilities needed,
                    const QString& operation, Write&& write);

    const EngineCore& m_core;
    TokenResolver m_resolver;
};

} // namespace tessera::engine
