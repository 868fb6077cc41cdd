#include "ActivityCounts.h"

#include "reports/AuditOperations.h"

namespace tessera::reports {

using namespace operations;

ActivityCounts& ActivityCounts::operator+=(const ActivityCounts& other)
{
    issued += other.issued;
    renewed += other.renewed;
    revoked += other.revoked;
    expired += other.expired;
    logins += other.logins;
    failedLogins += other.failedLogins;
    return *this;
}

ActivityCounts::Figure ActivityCounts::figureOf(const QString& operation, const QString& outcome)
{
    if (operation == kLoginFailed)
        return &ActivityCounts::failedLogins;
    if (outcome != QLatin1String("ok"))
        return nullptr;
    if (operation == kCreate || operation == kCreateRoot)
        return &ActivityCounts::issued;
    if (operation == kLogin)
        return &ActivityCounts::logins;
    if (operation == kRenew)
        return &ActivityCounts::renewed;
    if (operation == kRevoke || operation == kRevokeOrphan || operation == kRevokeMatching ||
        operation == kUseLimit)
        return &ActivityCounts::revoked;
    if (operation == kExpire)
        return &ActivityCounts::expired;
    return nullptr;
}

QStringList ActivityCounts::countedOperations()
{
    return {kCreate,         kCreateRoot, kRenew,  kRevoke, kRevokeOrphan,
            kRevokeMatching, kUseLimit,   kExpire, kLogin,  kLoginFailed};
}

} // namespace tessera::reports
