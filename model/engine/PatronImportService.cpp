#include "engine/PatronImportService.h"

#include "crypto/Random.h"
#include "engine/Capability.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/PasswordHash.h"
#include "engine/Policy.h"
#include "engine/RoleBook.h"
#include "engine/User.h"
#include "engine/UserDirectory.h"
#include "store/Database.h"

#include <QHash>
#include <optional>

namespace tessera::engine {
namespace {

const QString kOperation = QStringLiteral("user.import");

// Reads the file and sorts its good rows into new and existing users, with
// the caller's right to each checked; runs on `db`, inside the caller's
// transaction when there is one.
// `audited`: a refusal is recorded (not inside a write transaction, where
// recording it would wait on the transaction itself).
Result<PatronImportPlan> planImport(const EngineCore& core, store::Database& db,
                                    const Caller& caller, QByteArrayView bytes, bool audited)
{
    PatronCsvRead read = PatronCsv::read(bytes);
    PatronImportPlan plan;
    plan.problems = std::move(read.problems);
    QHash<QString, std::optional<Role>> roles;
    UserDirectory users(db);
    for (PatronRow& row : read.rows) {
        auto role = roles.find(row.role);
        if (role == roles.end()) {
            auto found = core.roles().find(db, row.role);
            if (!found && found.error().code != ErrorCode::NotFound)
                return found.error();
            role = roles.insert(row.role, found ? std::optional<Role>(*found) : std::nullopt);
        }
        if (!role->has_value()) {
            plan.problems.append(
                {row.line,
                 QStringLiteral("unknown role \"%1\"").arg(row.role.left(Policy::kMaxNameLength))});
            continue;
        }
        auto existing = users.find(row.cardNumber);
        TESSERA_TRY(existing);
        const bool isNew = !existing->has_value();
        const Access access{User::aclPath(row.cardNumber),
                            isNew ? Capabilities(Capability::Create)
                                  : Capabilities(Capability::Update),
                            kOperation};
        TESSERA_TRY(audited ? core.authorize(db, caller, access)
                            : core.authorize(db, caller, access.path, access.needed));
        (isNew ? plan.toCreate : plan.toUpdate).append(std::move(row));
    }
    std::stable_sort(
        plan.problems.begin(), plan.problems.end(),
        [](const PatronProblem& a, const PatronProblem& b) { return a.line < b.line; });
    return plan;
}

// The user a row describes: the role's settings and allowed policies, the
// patron's details as metadata; an existing user keeps its second factor.
Result<User> userFor(const PatronRow& row, const Role& role, const User* existing)
{
    User user = existing ? *existing : User{};
    user.name = row.cardNumber;
    user.settings = role.settings;
    user.settings.policies = Policy::sanitizeNames(role.allowedPolicies, false);
    user.metadata = row.metadata;
    user.metadata.insert(QStringLiteral("patron_id"), row.cardNumber);
    user.metadata.insert(QStringLiteral("patron_name"), row.name);
    if (!row.email.isEmpty())
        user.metadata.insert(QStringLiteral("email"), row.email);
    TESSERA_TRY(user.validate());
    return user;
}

Error refusal(const QList<PatronProblem>& problems)
{
    QStringList lines{
        QStringLiteral("%1 problem(s) in the file; nothing was imported.").arg(problems.size())};
    for (const PatronProblem& problem : problems)
        lines.append(problem.text());
    return Error::invalid(lines.join(u'\n'));
}

} // namespace

Result<PatronImportPlan> PatronImportService::preview(const Caller& caller,
                                                      QByteArrayView bytes) const
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    return planImport(m_core, lease->db(), caller, bytes, true);
}

Result<PatronImportPlan> PatronImportService::import(const Caller& caller, QByteArrayView bytes)
{
    auto lease = m_core.acquire();
    TESSERA_TRY(lease);
    store::Database& db = lease->db();
    // First outside the transaction, so that a refused caller is audited and a
    // bad file costs no write lock; then again inside it, where it counts.
    auto checked = planImport(m_core, db, caller, bytes, true);
    TESSERA_TRY(checked);
    if (!checked->problems.isEmpty())
        return refusal(checked->problems);
    return m_core.mutate(db, caller, kOperation, [&](Mutation& m) -> Result<PatronImportPlan> {
        auto plan = planImport(m_core, m.db(), caller, bytes, false);
        TESSERA_TRY(plan);
        UserDirectory users(m.db());
        const qint64 now = m_core.now();
        // Roles were read by planImport; read again here to turn rows into users.
        for (const PatronRow& row : plan->toCreate + plan->toUpdate) {
            auto role = m_core.roles().find(m.db(), row.role);
            TESSERA_TRY(role);
            auto existing = users.find(row.cardNumber);
            TESSERA_TRY(existing);
            auto user = userFor(row, *role, existing->has_value() ? &(*existing)->user : nullptr);
            if (!user) {
                plan->problems.append({row.line, user.error().message});
                continue;
            }
            // No password was hashed to these bytes, so none signs in until
            // the desk sets one.
            std::optional<PasswordHash> unusable;
            if (!existing->has_value())
                unusable = PasswordHash{crypto::randomBytes(PasswordHash::kHashSize),
                                        crypto::randomBytes(PasswordHash::kSaltSize),
                                        PasswordKdf::interactive()};
            TESSERA_TRY(users.put(*user, unusable ? &*unusable : nullptr, now));
        }
        if (!plan->problems.isEmpty())
            return refusal(plan->problems); // rolls back every user written above
        m.record.details = {{QStringLiteral("created"), int(plan->toCreate.size())},
                            {QStringLiteral("updated"), int(plan->toUpdate.size())}};
        m.afterCommit([this] { Q_EMIT m_core.events().usersChanged(); });
        return plan;
    });
}

} // namespace tessera::engine
