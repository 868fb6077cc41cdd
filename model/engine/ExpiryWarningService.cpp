#include "engine/ExpiryWarningService.h"

#include "engine/EngineCore.h"
#include "engine/Policy.h"
#include "engine/StaffToken.h"
#include "engine/TokenRecords.h"
#include "store/Database.h"

namespace tessera::engine {
namespace {

struct Candidate
{
    qint64 id = 0;
    bool marked = false;
    bool staff = false;
};

// INDEXED BY: a plan without the index would read every token; SQLite refuses
// the statement instead, which a test would notice.
constexpr std::string_view kWindow =
    "SELECT t.id, t.policies, "
    "EXISTS(SELECT 1 FROM expiry_warnings w WHERE w.token_id = t.id) "
    "FROM tokens t INDEXED BY tokens_by_expiry "
    "WHERE t.expire_at IS NOT NULL AND t.expire_at > ? AND t.expire_at <= ? AND" TESSERA_LIVE(
        "t") "ORDER BY t.expire_at, t.id";

} // namespace

Result<QList<ExpiringToken>> ExpiryWarningService::expiring(const Caller& caller,
                                                            qint64 withinSeconds) const
{
    if (withinSeconds < 1 || withinSeconds > kMaxDays * kDaySeconds)
        return Error::invalid(
            Message{QT_TRANSLATE_NOOP("EngineMessage",
                                      "the warning window must be between 1 second and %1 days"),
                    {QString::number(kMaxDays)}});
    const Access access{QStringLiteral("auth/token/accessors"), Capability::Sudo,
                        QStringLiteral("token.expiring")};
    return m_core.read(caller, access, [&](store::Database& db) -> Result<QList<ExpiringToken>> {
        auto staffRule = StaffToken::load(db, m_core.policies(), m_core.roles());
        TESSERA_TRY(staffRule);
        const qint64 now = m_core.now();
        QList<Candidate> chosen;
        {
            auto select = db.query(kWindow);
            TESSERA_TRY(select);
            select->bind(1, now).bind(2, now + withinSeconds);
            for (;;) {
                auto row = select->next();
                TESSERA_TRY(row);
                if (!*row)
                    break;
                Candidate candidate{select->int64(0), select->boolean(2), false};
                auto staff =
                    staffRule->grantsStaffPowers(db, TokenRecords::splitPolicies(select->text(1)));
                TESSERA_TRY(staff);
                candidate.staff = *staff;
                if (candidate.marked || candidate.staff)
                    chosen.append(candidate);
            }
        }
        QList<ExpiringToken> found;
        found.reserve(chosen.size());
        TokenRecords records(db);
        for (const Candidate& candidate : std::as_const(chosen)) {
            auto token = records.findById(candidate.id);
            TESSERA_TRY(token);
            if (!token->has_value())
                continue;
            ExpiringToken expiring{std::move(**token), candidate.marked, candidate.staff, {}};
            // A desk knows its tokens by name: "Circulation desk", not an accessor.
            if (!expiring.token.parentAccessor.isEmpty()) {
                auto parent = records.findByAccessor(expiring.token.parentAccessor);
                TESSERA_TRY(parent);
                if (parent->has_value())
                    expiring.parentName = (*parent)->displayName;
            }
            found.append(std::move(expiring));
        }
        return found;
    });
}

TokenRequest ExpiryWarningService::reissueRequest(const Token& token)
{
    TokenRequest request;
    request.policies = token.policies;
    request.noDefaultPolicy = !token.policies.contains(Policy::defaultName());
    request.policies.removeAll(Policy::defaultName());
    request.meta = token.meta;
    request.displayName = token.displayName;
    request.ttl = token.period > 0 ? 0 : token.creationTtl;
    request.explicitMaxTtl = token.explicitMaxTtl;
    request.period = token.period;
    request.numUses = token.numUses;
    request.renewable = token.renewable;
    request.type = TokenType::Service;
    request.role = token.role;
    request.parentAccessor = token.parentAccessor;
    request.orphan = token.isOrphan();
    request.warnBeforeExpiry = token.warnBeforeExpiry;
    return request;
}

} // namespace tessera::engine
