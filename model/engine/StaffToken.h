#pragma once

#include "core/Result.h"
#include "engine/Capability.h"
#include "engine/Token.h"

#include <QHash>
#include <QStringList>

namespace tessera::store {
class Database;
} // namespace tessera::store

namespace tessera::engine {

class PolicyBook;
class RoleBook;

// What a staff token is (docs/ARCHITECTURE.md, «Expiry warnings»): the one
// rule, asked wherever the product treats staff tokens apart.
//
// A live token is a staff token when its policies, by the same ACL the API
// checks requests with, let it
// * issue tokens: create, update or sudo on auth/token/create,
//   auth/token/create-orphan or auth/token/create/<role> of any stored role;
// * or administer the store's policies: create, update, delete or sudo on
//   sys/policies/acl/<name> or sys/policy/<name> of any stored policy.
// The root policy grants all of that. Root tokens without an expiry are not
// staff tokens here: nothing about them expires (isStaff() says no).
//
// The probe paths are read once (load()); the answer for a set of policies is
// kept, so that a scan of many tokens with few policy sets asks the ACL a few
// times only.
class StaffToken
{
public:
    // The capabilities that make a probe path count.
    static Capabilities issuingCapabilities();
    static Capabilities administeringCapabilities();

    static Result<StaffToken> load(store::Database& db, const PolicyBook& policies,
                                   const RoleBook& roles);

    Result<bool> isStaff(store::Database& db, const Token& token);
    Result<bool> grantsStaffPowers(store::Database& db, const QStringList& policies);

private:
    StaffToken(const PolicyBook& policies, QStringList issuing, QStringList administering)
        : m_policies(&policies)
        , m_issuingPaths(std::move(issuing))
        , m_adminPaths(std::move(administering))
    {}

    const PolicyBook* m_policies;
    QStringList m_issuingPaths;
    QStringList m_adminPaths;
    QHash<QStringList, bool> m_known;
};

} // namespace tessera::engine
