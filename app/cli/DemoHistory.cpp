#include "DemoHistory.h"

#include "StoreSession.h"
#include "engine/TokenEngine.h"

#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace tessera::cli {
namespace {

// Names people mistype or guess at a sign-in page.
const QStringList& strangerNames()
{
    static const QStringList names = {QStringLiteral("admin"), QStringLiteral("library"),
                                      QStringLiteral("guest"), QStringLiteral("circulation")};
    return names;
}

} // namespace

Result<DemoHistory::Counts> DemoHistory::write(const QString& parentAccessor, int days)
{
    Counts counts;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    const QDate today = QDateTime::fromMSecsSinceEpoch(Clock::system().nowMs(), zone).date();
    QRandomGenerator& random = m_library.random();
    const QList<DemoLibrary::Desk> desks = DemoLibrary::desks();
    QHash<QString, QStringList> allowed;
    for (const engine::Role& role : DemoLibrary::roles())
        allowed.insert(role.name, role.allowedPolicies);
    const QList<DemoLibrary::StaffUser> staff = DemoLibrary::staffUsers();
    const engine::Caller owner = StoreSession::caller();

    for (int back = days; back >= 1; --back) {
        const QDate day = today.addDays(-back);
        const auto at = [&](int minuteOfDay) {
            m_clock.holdAt(QDateTime(day, QTime(minuteOfDay / 60, minuteOfDay % 60), zone)
                               .toMSecsSinceEpoch());
        };
        const bool weekend = day.dayOfWeek() >= Qt::Saturday;

        // Staff sign in from 08:30.
        if (m_staffPassword) {
            const int signIns = int(random.bounded(weekend ? 1 : 3, weekend ? 3 : 7));
            for (int i = 0; i < signIns; ++i) {
                at(8 * 60 + 30 + 4 * i);
                const QString& name = staff.at(int(random.bounded(int(staff.size())))).name;
                if (m_engine.userpass().login(name, *m_staffPassword,
                                              QStringLiteral("api:192.0.2.%1").arg(10 + i)))
                    ++counts.logins;
            }
        }

        // Passes through the day, with a refused sign-in now and then.
        const int patrons = int(random.bounded(weekend ? 15 : 60, weekend ? 40 : 140));
        const int refused = int(random.bounded(0, weekend ? 3 : 7));
        QStringList toRevoke;
        for (int i = 0; i < patrons; ++i) {
            at(9 * 60 + i * 600 / patrons);
            if (refused > 0 && i % (patrons / refused + 1) == 0) {
                const QString name =
                    strangerNames().at(int(random.bounded(int(strangerNames().size()))));
                (void)m_engine.userpass().login(
                    name, QStringLiteral("not the password"),
                    QStringLiteral("api:198.51.100.%1").arg(random.bounded(2, 250)));
                ++counts.failedLogins;
            }
            const QString& role = desks.at(int(random.bounded(int(desks.size())))).patronRole;
            const DemoLibrary::Patron patron = m_library.nextPatron();
            engine::TokenRequest request;
            request.parentAccessor = parentAccessor;
            request.role = role;
            request.policies = allowed.value(role);
            request.displayName = patron.displayName;
            request.meta = patron.meta;
            request.ttl = qint64(random.bounded(2, 7)) * 3600;
            auto created = m_engine.tokens().createToken(owner, request);
            if (!created) {
                m_clock.release();
                return created.error();
            }
            ++counts.issued;
            if (random.bounded(10) == 0)
                toRevoke << created->info.accessor;
        }

        // Lost cards and early leavers, revoked at closing time.
        for (int i = 0; i < toRevoke.size(); ++i) {
            at(19 * 60 + 15 + i);
            auto revoked =
                m_engine.tokens().revoke(owner, engine::TokenRef::accessor(toRevoke.at(i)));
            if (!revoked) {
                m_clock.release();
                return revoked.error();
            }
            ++counts.revoked;
        }

        at(23 * 60 + 30);
        if (auto swept = m_engine.tokens().sweepExpired(); !swept) {
            m_clock.release();
            return swept.error();
        }
    }
    m_clock.release();
    return counts;
}

} // namespace tessera::cli
