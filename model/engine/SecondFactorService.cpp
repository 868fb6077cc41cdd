#include "engine/SecondFactorService.h"

#include "engine/Base32.h"
#include "engine/EngineCore.h"
#include "engine/EngineEvents.h"
#include "engine/SecurityKeys.h"
#include "engine/Totp.h"
#include "engine/TotpKeys.h"
#include "engine/User.h"
#include "engine/UserDirectory.h"

namespace tessera::engine {

using store::Database;
using store::Transaction;

namespace {

const QString kTotp = QStringLiteral("totp");

QJsonObject details(const QString& user)
{
    return {{QStringLiteral("user"), user}, {QStringLiteral("method"), kTotp}};
}

} // namespace

QStringList SecondFactors::required() const
{
    return SecondFactorRule::offered(requirement, enrolled());
}

std::function<void()> SecondFactorService::usersChanged() const
{
    return [this] { Q_EMIT m_core.events().usersChanged(); };
}

Result<TotpEnrolment> SecondFactorService::enableTotp(const Caller& caller, const QString& name,
                                                      bool confirmed)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    const QByteArray secret = Totp::newSecret();
    return m_core.mutate(
        caller, {User::aclPath(user), Capability::Update, QStringLiteral("user.totp.enable")},
        [&](Mutation& m) -> Result<TotpEnrolment> {
            TESSERA_TRY(UserDirectory(m.db()).require(user));
            auto existing = TotpKeys(m.db()).find(user);
            TESSERA_TRY(existing);
            if (existing->has_value() && (*existing)->confirmed)
                return Error{ErrorCode::Conflict,
                             QStringLiteral("user \"%1\" already has TOTP; disable it first to "
                                            "enrol another phone")
                                 .arg(user)};
            TESSERA_TRY(TotpKeys(m.db()).put(user, secret, confirmed, m_core.now()));
            m.record.details = details(user);
            m.record.details.insert(QStringLiteral("confirmed"), confirmed);
            m.afterCommit(usersChanged());
            return TotpEnrolment{base32Encode(secret), Totp::otpauthUri(user, secret), confirmed};
        });
}

Status SecondFactorService::confirmTotp(const Caller& caller, const QString& name,
                                        const QString& code)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    const QString operation = QStringLiteral("user.totp.confirm");
    const Error wrongCode = Error::invalid(
        Message{QT_TRANSLATE_NOOP("EngineMessage", "the code does not match: check the phone's "
                                                   "clock and type the code it shows now")});
    bool refused = false;
    auto confirmed = m_core.mutate(
        caller, {User::aclPath(user), Capability::Update, operation}, [&](Mutation& m) -> Status {
            auto key = TotpKeys(m.db()).find(user);
            TESSERA_TRY(key);
            if (!key->has_value())
                return Error::notFound(
                    QStringLiteral("user \"%1\" has no TOTP enrolment to confirm").arg(user));
            if ((*key)->confirmed)
                return Error{
                    ErrorCode::Conflict,
                    QStringLiteral("the TOTP of user \"%1\" is confirmed already").arg(user)};
            const auto step =
                Totp::acceptedStep((*key)->secret, code, m_core.now(), (*key)->lastStep);
            if (!step) {
                refused = true;
                return wrongCode;
            }
            TESSERA_TRY(TotpKeys(m.db()).accept(user, *step));
            m.record.details = details(user);
            m.afterCommit(usersChanged());
            return {};
        });
    if (refused) {
        // The confirmation rolled back; the refusal leaves its own record.
        auto lease = m_core.acquire();
        TESSERA_TRY(lease);
        Transaction tx(lease->db());
        TESSERA_TRY(tx.begun());
        QJsonObject refusal = details(user);
        refusal.insert(QStringLiteral("reason"), QStringLiteral("wrong code"));
        TESSERA_TRY(
            m_core.record(lease->db(), caller, operation, {}, refusal, QStringLiteral("denied")));
        TESSERA_TRY(tx.commit());
    }
    return confirmed;
}

Status SecondFactorService::disableTotp(const Caller& caller, const QString& name)
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    return m_core.mutate(
        caller, {User::aclPath(user), Capability::Update, QStringLiteral("user.totp.disable")},
        [&](Mutation& m) -> Status {
            auto removed = TotpKeys(m.db()).remove(user);
            TESSERA_TRY(removed);
            if (!*removed)
                return Error::notFound(QStringLiteral("user \"%1\" has no TOTP").arg(user));
            m.record.details = details(user);
            m.afterCommit(usersChanged());
            return {};
        });
}

Result<SecondFactors> SecondFactorService::factors(const Caller& caller, const QString& name) const
{
    const QString user = User::normalizedName(name);
    TESSERA_TRY(User::checkName(user));
    return m_core.read(caller, {User::aclPath(user), Capability::Read, QStringLiteral("user.read")},
                       [&](Database& db) -> Result<SecondFactors> {
                           auto stored = UserDirectory(db).require(user);
                           TESSERA_TRY(stored);
                           auto key = TotpKeys(db).find(user);
                           TESSERA_TRY(key);
                           SecondFactors factors;
                           factors.requirement = stored->secondFactorRequired;
                           if (key->has_value())
                               factors.totp = (*key)->confirmed ? SecondFactors::State::Active
                                                                : SecondFactors::State::Pending;
                           auto keys = SecurityKeys(db).ofUser(user);
                           TESSERA_TRY(keys);
                           factors.securityKeys = int(keys->size());
                           return factors;
                       });
}

} // namespace tessera::engine
