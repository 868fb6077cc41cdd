#include "ReportFixture.h"

#include "engine/Role.h"
#include "engine/User.h"

#include <QDateTime>

namespace tessera::test {
namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

} // namespace

bool ReportFixture::build(QString* error)
{
    if (!temp.isValid()) {
        *error = temp.errorMessage();
        return false;
    }
    engine::TokenEngine& engine = temp.engine();
    const engine::Caller owner = TempEngine::owner();
    const auto fail = [error](const Error& problem) {
        *error = problem.message;
        return false;
    };
    // Start at 09:00 UTC of a day, so that a day's work stays on that day.
    const QDate start = QDateTime::fromMSecsSinceEpoch(temp.clock().nowMs(), Qt::UTC).date();
    day1 = start.addDays(1);
    const qint64 day1Ms = QDateTime(day1, QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
    temp.clock().setMs(day1Ms);

    const auto name = [this](const QString& label, const QString& accessor) {
        accessorOf.insert(label, accessor);
        nameOf.insert(accessor, label);
    };
    auto root = engine.tokens().createRootToken(owner);
    if (!root)
        return fail(root.error());
    name(QStringLiteral("R"), root->info.accessor);
    engine::Role visitor;
    visitor.name = QStringLiteral("visitor");
    visitor.settings.ttl = 30 * 24 * 3600;
    if (auto status = engine.admin().putRole(owner, visitor); !status)
        return fail(status.error());

    const auto create = [&](const QString& label, const QString& parent, const QString& card,
                            const QString& role, qint64 ttl) -> bool {
        engine::TokenRequest request;
        request.parentAccessor = accessorOf.value(parent);
        request.displayName = label;
        request.role = role;
        request.ttl = ttl;
        request.policies = {QStringLiteral("default")};
        if (!card.isEmpty())
            request.meta.insert(QStringLiteral("card"), card);
        auto created = engine.tokens().createToken(owner, request);
        if (!created)
            return fail(created.error());
        name(label, created->info.accessor);
        temp.clock().advanceSeconds(60);
        return true;
    };
    const qint64 week = 7 * 24 * 3600;
    if (!create(QStringLiteral("A"), QStringLiteral("R"), {}, {}, week) ||
        !create(QStringLiteral("B"), QStringLiteral("R"), {}, {}, week) ||
        !create(QStringLiteral("p1"), QStringLiteral("A"), QStringLiteral("111"),
                QStringLiteral("visitor"), 0) ||
        !create(QStringLiteral("p2"), QStringLiteral("A"), QStringLiteral("222"),
                QStringLiteral("visitor"), 0) ||
        !create(QStringLiteral("p3"), QStringLiteral("p1"), {}, {}, week) ||
        !create(QStringLiteral("q1"), QStringLiteral("B"), QStringLiteral("111"), {}, 3600))
        return false;

    engine::User ann;
    ann.name = QStringLiteral("ann");
    ann.settings.policies = {QStringLiteral("default")};
    if (auto status = engine.userpass().putUser(owner, ann, QStringLiteral("a long password"));
        !status)
        return fail(status.error());
    auto login = engine.userpass().login(QStringLiteral("ann"), QStringLiteral("a long password"),
                                         QStringLiteral("api:127.0.0.1"));
    if (!login)
        return fail(login.error());
    name(QStringLiteral("login"), login->info.accessor);
    if (engine.userpass().login(QStringLiteral("ann"), QStringLiteral("wrong"),
                                QStringLiteral("api:127.0.0.1")))
        return fail(Error::internal(QStringLiteral("a wrong password logged in")));

    temp.clock().setMs(day1Ms + kDayMs);
    // Day 2, before 09:00 the next day q1 (1 h) has long expired; the sweep
    // runs on day 3.
    if (auto renewed = engine.tokens().renew(
            owner, engine::TokenRef::accessor(accessorOf.value(QStringLiteral("p2"))), 0);
        !renewed)
        return fail(renewed.error());
    temp.clock().advanceSeconds(60);
    if (auto revoked = engine.tokens().revoke(
            owner, engine::TokenRef::accessor(accessorOf.value(QStringLiteral("p1"))));
        !revoked)
        return fail(revoked.error());

    temp.clock().setMs(day1Ms + 2 * kDayMs);
    if (auto swept = engine.tokens().sweepExpired(); !swept)
        return fail(swept.error());
    temp.clock().advanceSeconds(60);
    if (auto orphaned = engine.tokens().revokeOrphan(
            owner, engine::TokenRef::accessor(accessorOf.value(QStringLiteral("A"))));
        !orphaned)
        return fail(orphaned.error());
    temp.clock().advanceSeconds(60);
    return true;
}

reports::ReportQuery ReportFixture::wholePeriod() const
{
    reports::ReportQuery query;
    query.from = day(1);
    query.to = day(3);
    return query;
}

QString ReportFixture::label(const audit::AuditRecord& record) const
{
    QStringList targets;
    for (const QString& target : record.targets)
        targets << nameOf.value(target, QStringLiteral("?"));
    return record.operation + u':' +
           (targets.isEmpty() ? QStringLiteral("-") : targets.join(QLatin1Char('+')));
}

} // namespace tessera::test
