#pragma once

#include "core/Result.h"
#include "engine/Caller.h"

#include <QStringList>
#include <functional>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::cli {

// `<group> list` and `<group> delete NAME` for the engine's named objects
// (policies, roles, users): the same parsing, session and output for each.
struct NamedObjectKind
{
    QString group;       // "policy"
    QString description; // "policy", for messages: "Deleted the policy x."
    std::function<Result<QStringList>(engine::TokenEngine&, const engine::Caller&)> names;
    std::function<Status(engine::TokenEngine&, const engine::Caller&, const QString&)> remove;
};

Result<int> listNamedObjects(const NamedObjectKind& kind, const QString& help,
                             const QStringList& arguments);
Result<int> deleteNamedObject(const NamedObjectKind& kind, const QString& help,
                              const QStringList& arguments);

} // namespace tessera::cli
