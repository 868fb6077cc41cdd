#include "engine/StaffToken.h"

#include "engine/Capability.h"
#include "engine/PolicyBook.h"
#include "engine/RoleBook.h"

namespace tessera::engine {

Capabilities StaffToken::issuingCapabilities()
{
    // Vault authorises auth/token/create with create or update.
    return Capability::Create | Capability::Update | Capability::Sudo;
}

Capabilities StaffToken::administeringCapabilities()
{
    return Capability::Create | Capability::Update | Capability::Delete | Capability::Sudo;
}

Result<StaffToken> StaffToken::load(store::Database& db, const PolicyBook& policies,
                                    const RoleBook& roles)
{
    QStringList issuing{QStringLiteral("auth/token/create"),
                        QStringLiteral("auth/token/create-orphan")};
    auto roleNames = roles.names(db);
    TESSERA_TRY(roleNames);
    for (const QString& role : std::as_const(*roleNames))
        issuing.append(QStringLiteral("auth/token/create/") + role);
    QStringList administering;
    auto policyNames = policies.names(db);
    TESSERA_TRY(policyNames);
    for (const QString& policy : std::as_const(*policyNames)) {
        administering.append(QStringLiteral("sys/policies/acl/") + policy);
        administering.append(QStringLiteral("sys/policy/") + policy);
    }
    return StaffToken(policies, std::move(issuing), std::move(administering));
}

Result<bool> StaffToken::isStaff(store::Database& db, const Token& token)
{
    if (!token.expireAt && token.isRoot())
        return false;
    return grantsStaffPowers(db, token.policies);
}

Result<bool> StaffToken::grantsStaffPowers(store::Database& db, const QStringList& policies)
{
    const auto known = m_known.constFind(policies);
    if (known != m_known.cend())
        return *known;
    bool staff = false;
    const auto grants = [&](const QStringList& paths, Capabilities needed) -> Status {
        for (const QString& path : paths) {
            auto capabilities = m_policies->capabilities(db, policies, path);
            TESSERA_TRY(capabilities);
            if (!(*capabilities & Capability::Deny) && (*capabilities & needed)) {
                staff = true;
                return {};
            }
        }
        return {};
    };
    TESSERA_TRY(grants(m_issuingPaths, issuingCapabilities()));
    if (!staff) {
        TESSERA_TRY(grants(m_adminPaths, administeringCapabilities()));
    }
    m_known.insert(policies, staff);
    return staff;
}

} // namespace tessera::engine
