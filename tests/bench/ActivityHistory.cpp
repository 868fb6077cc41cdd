#include "ActivityHistory.h"

#include "engine/Role.h"
#include "engine/User.h"
#include "support/TempEngine.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <array>

namespace tessera::bench {
namespace {

using engine::TokenRef;

constexpr qint64 kDay = 24 * 3600;

struct Desk
{
    QString name;
    QString accessor;
};

struct RoleShape
{
    const char* name;
    const char* policy;
    qint64 ttl;
    int numUses;
};

constexpr std::array<RoleShape, 4> kRoles{{
    {"visitor-day-pass", "reading-room", kDay, 0},
    {"semester-e-resources", "ebooks", 30 * kDay, 0},
    {"guest-wifi", "wifi", 4 * 3600, 0},
    {"one-time-archive-entry", "archives", 7 * kDay, 1},
}};

QString policyDocument(const QString& name)
{
    return QStringLiteral("path \"%1/*\" { capabilities = [\"read\"] }").arg(name);
}

} // namespace

Status buildActivityHistory(test::TempEngine& temp, const ActivityShape& shape)
{
    engine::TokenEngine& engine = temp.engine();
    const engine::Caller owner = test::TempEngine::owner();
    QRandomGenerator random(shape.seed);

    // The first day starts at 08:00 UTC, `days` days before the clock's day.
    const QDate today = QDateTime::fromMSecsSinceEpoch(temp.clock().nowMs(), Qt::UTC).date();
    const qint64 firstMs =
        QDateTime(today.addDays(-shape.days + 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    temp.clock().setMs(firstMs);

    for (const RoleShape& role : kRoles) {
        const QString policy = QString::fromLatin1(role.policy);
        TESSERA_TRY(engine.admin().putPolicy(owner, policy, policyDocument(policy)));
        engine::Role shaped;
        shaped.name = QString::fromLatin1(role.name);
        shaped.allowedPolicies = {policy};
        shaped.settings.ttl = role.ttl;
        shaped.settings.numUses = role.numUses;
        TESSERA_TRY(engine.admin().putRole(owner, shaped));
    }
    auto root = engine.tokens().createRootToken(owner);
    TESSERA_TRY(root);
    QList<Desk> desks;
    for (const char* name :
         {"Circulation desk", "E-resources desk", "Wi-Fi desk", "Archives desk"}) {
        engine::TokenRequest request;
        request.parentAccessor = root->info.accessor;
        request.displayName = QString::fromLatin1(name);
        request.policies = {QStringLiteral("reading-room"), QStringLiteral("ebooks"),
                            QStringLiteral("wifi"), QStringLiteral("archives")};
        request.ttl = 32 * kDay;
        auto desk = engine.tokens().createToken(owner, request);
        TESSERA_TRY(desk);
        desks.append({request.displayName, desk->info.accessor});
    }
    for (const char* name : {"maria", "jonas", "aiko"}) {
        engine::User user;
        user.name = QString::fromLatin1(name);
        user.settings.policies = {QStringLiteral("ebooks")};
        TESSERA_TRY(engine.userpass().putUser(owner, user, QStringLiteral("staff password 2026")));
    }

    const int issuedPerDay = shape.recordsPerDay * 85 / 100;
    const int renewalsPerDay = shape.recordsPerDay * 10 / 100;
    const int revocationsPerDay = shape.recordsPerDay * 4 / 100;
    constexpr int kBatch = 250;
    QStringList semester; // renewable for 30 days
    int serial = 0;
    for (int day = 0; day < shape.days; ++day) {
        temp.clock().setMs(firstMs + day * kDay * 1000);
        QStringList issuedToday;
        // Busier mid-week, quieter at the weekend, some noise.
        const int weekday = (day % 7);
        const int issued = issuedPerDay * (weekday >= 5 ? 55 : 100 + 8 * (weekday % 3)) / 100 +
                           int(random.bounded(issuedPerDay / 10 + 1));
        for (int done = 0; done < issued; done += kBatch) {
            QList<engine::TokenRequest> requests;
            for (int i = done; i < std::min(issued, done + kBatch); ++i) {
                const int which = int(random.bounded(int(kRoles.size())));
                engine::TokenRequest request;
                request.role = QString::fromLatin1(kRoles[size_t(which)].name);
                request.parentAccessor = desks[which].accessor;
                request.displayName = QStringLiteral("patron-%1").arg(++serial);
                request.meta = {{QStringLiteral("card_number"),
                                 QString::number(4'000'000 + random.bounded(900'000))},
                                {QStringLiteral("purpose"), request.role}};
                requests << request;
            }
            auto created = engine.tokens().createTokens(owner, requests);
            TESSERA_TRY(created);
            for (const engine::CreatedToken& token : *created) {
                issuedToday << token.info.accessor;
                if (token.info.role == QLatin1String("semester-e-resources"))
                    semester << token.info.accessor;
            }
            temp.clock().advanceSeconds(20 * 60);
        }
        for (int i = 0; i < 2; ++i)
            TESSERA_TRY(engine.userpass().login(QStringLiteral("maria"),
                                                QStringLiteral("staff password 2026"),
                                                QStringLiteral("api:10.0.0.%1").arg(10 + i)));
        (void)engine.userpass().login(QStringLiteral("jonas"), QStringLiteral("forgotten"),
                                      QStringLiteral("api:10.0.0.23"));
        // Renew semester tokens issued in the last days (still valid).
        const qsizetype recent = std::min<qsizetype>(semester.size(), issuedPerDay);
        for (int i = 0; i < renewalsPerDay && recent > 0; ++i) {
            const QString& accessor = semester[semester.size() - 1 - random.bounded(int(recent))];
            (void)engine.tokens().renew(owner, TokenRef::accessor(accessor), 0);
        }
        for (int i = 0; i < revocationsPerDay && !issuedToday.isEmpty(); ++i) {
            const QString accessor = issuedToday.takeAt(random.bounded(int(issuedToday.size())));
            TESSERA_TRY(engine.tokens().revoke(owner, TokenRef::accessor(accessor)));
        }
        // Overnight, the sweep takes day passes and Wi-Fi tokens.
        temp.clock().setMs(firstMs + (day + 1) * kDay * 1000 - 3600 * 1000);
        TESSERA_TRY(engine.tokens().sweepExpired());
        if (semester.size() > 4 * issuedPerDay)
            semester = semester.mid(semester.size() - 2 * issuedPerDay);
    }
    return {};
}

} // namespace tessera::bench
