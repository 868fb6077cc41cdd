#include "DemoTree.h"

#include "StoreSession.h"

namespace tessera::cli {
namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;

// Share of patrons per desk, in percent: circulation, archives, e-resources, Wi-Fi.
const QList<int> kDeskWeights{35, 15, 30, 20};

engine::TokenRequest childOf(const QString& parentAccessor, const QString& displayName)
{
    engine::TokenRequest request;
    request.parentAccessor = parentAccessor;
    request.displayName = displayName;
    return request;
}

} // namespace

Result<DemoTree::Created> DemoTree::issue(const QList<engine::TokenRequest>& requests)
{
    return m_engine.tokens().createTokens(StoreSession::caller(), requests);
}

Result<DemoTree::Counts> DemoTree::grow(const QString& rootAccessor, int total)
{
    Counts counts;
    auto desks = addDesks(rootAccessor);
    if (!desks)
        return desks.error();
    counts.desks = static_cast<int>(desks->size());
    auto shifts = addShifts(*desks);
    if (!shifts)
        return shifts.error();
    counts.shifts = static_cast<int>(shifts->size());

    // Three patrons for every device they sign in.
    const int remaining = total - counts.stored();
    auto patrons = addPatrons(*shifts, std::max(1, remaining * 3 / 4));
    if (!patrons)
        return patrons.error();
    counts.patrons = static_cast<int>(patrons->size());
    counts.expiringWithinTheHour = m_expiringWithinTheHour;
    auto devices = addDevices(*patrons, total - counts.stored());
    if (!devices)
        return devices.error();
    counts.devices = static_cast<int>(devices->size());

    auto vouchers = addGuestVouchers(*shifts, std::max(3, total / 300));
    if (!vouchers)
        return vouchers.error();
    counts.batch = static_cast<int>(vouchers->size());
    // Last: their records are appended in batches, after everything before.
    TESSERA_TRY(useSome(*patrons));
    return counts;
}

Status DemoTree::useSome(const Created& patrons)
{
    // Two of every five patrons (up to 400) have signed in to a resource, so
    // that the tree's "Last used" column has something to show.
    constexpr int kMaxUsed = 400;
    int used = 0;
    for (int j = 0; j < int(patrons.size()) && used < kMaxUsed; ++j) {
        if (j % 5 >= 2 || patrons.at(j).info.hasUseLimit()) // a use would spend a limited one
            continue;
        const QString client = QStringLiteral("gate:10.20.%1.%2").arg(j / 250).arg(j % 250 + 1);
        auto authenticated = m_engine.tokens().authenticate(patrons.at(j).token, client);
        if (!authenticated)
            return authenticated.error();
        ++used;
    }
    return {};
}

Result<DemoTree::Created> DemoTree::addDesks(const QString& rootAccessor)
{
    QList<engine::TokenRequest> requests;
    for (const DemoLibrary::Desk& desk : std::as_const(m_desks)) {
        engine::TokenRequest request = childOf(rootAccessor, desk.name);
        request.policies = desk.policies;
        requests << request;
    }
    return issue(requests);
}

Result<DemoTree::Created> DemoTree::addShifts(const Created& desks)
{
    QList<engine::TokenRequest> requests;
    for (int d = 0; d < static_cast<int>(m_desks.size()); ++d) {
        for (const QString& shift : m_desks.at(d).shifts) {
            requests << childOf(desks.at(d).info.accessor, shift);
            m_deskOfShift << d;
        }
    }
    return issue(requests);
}

int DemoTree::randomShiftOf(int desk)
{
    QList<int> shifts;
    for (int s = 0; s < static_cast<int>(m_deskOfShift.size()); ++s) {
        if (m_deskOfShift.at(s) == desk)
            shifts << s;
    }
    return shifts.at(m_library.random().bounded(static_cast<int>(shifts.size())));
}

// Most patrons get their desk's role, one in eight marked to warn before expiry.
// One in fifteen books a reading-room slot at the circulation desk instead: a
// token that expires within the hour.
Result<DemoTree::Created> DemoTree::addPatrons(const Created& shifts, int count)
{
    QList<engine::TokenRequest> requests;
    for (int i = 0; i < count; ++i) {
        int desk = 0;
        if (!isReadingRoomSlot(i)) {
            int pick = m_library.random().bounded(100);
            while (pick >= kDeskWeights.at(desk))
                pick -= kDeskWeights.at(desk++);
        }
        const DemoLibrary::Patron patron = m_library.nextPatron();
        engine::TokenRequest request =
            childOf(shifts.at(randomShiftOf(desk)).info.accessor, patron.displayName);
        request.meta = patron.meta;
        if (isReadingRoomSlot(i)) {
            request.policies = {QStringLiteral("reading-room")};
            request.ttl = (10 + m_library.random().bounded(50)) * kMinute;
            request.renewable = false;
            request.meta.insert(QStringLiteral("purpose"), QStringLiteral("reading room slot"));
            ++m_expiringWithinTheHour;
        } else {
            request.role = m_desks.at(desk).patronRole;
            // Some passes the desk wants to hear about before they run out
            // (Token › Expiring Soon); by position, so the seed's draws stay as they were.
            request.warnBeforeExpiry = i % 8 == 3;
        }
        requests << request;
    }
    return issue(requests);
}

// Devices sign in under a patron's pass, for no longer than the pass lasts. A
// use-limited token cannot have children, so one-time archive passes get
// none; nor do reading-room slots.
Result<DemoTree::Created> DemoTree::addDevices(const Created& patrons, int count)
{
    QList<int> parents;
    for (int p = 0; p < static_cast<int>(patrons.size()); ++p) {
        if (!patrons.at(p).info.hasUseLimit() && !isReadingRoomSlot(p))
            parents << p;
    }
    if (parents.isEmpty())
        return Created{};
    const QStringList devices = DemoLibrary::deviceNames();
    QList<engine::TokenRequest> requests;
    for (int i = 0; i < count; ++i) {
        const engine::Token& patron =
            patrons.at(parents.at(m_library.random().bounded(static_cast<int>(parents.size()))))
                .info;
        const QString device =
            devices.at(m_library.random().bounded(static_cast<int>(devices.size())));
        engine::TokenRequest request =
            childOf(patron.accessor, QStringLiteral("%1's %2").arg(patron.displayName, device));
        request.meta.insert(QStringLiteral("device"), device);
        request.meta.insert(QStringLiteral("patron_id"),
                            patron.meta.value(QStringLiteral("patron_id")));
        request.ttl = (1 + m_library.random().bounded(12)) * kHour;
        if (patron.creationTtl > 0)
            request.ttl = std::min(request.ttl, patron.creationTtl);
        requests << request;
    }
    return issue(requests);
}

// Batch tokens are not stored: they do not count towards the total, but they
// appear in the audit log.
Result<DemoTree::Created> DemoTree::addGuestVouchers(const Created& shifts, int count)
{
    const int wifiDesk = static_cast<int>(m_desks.size()) - 1;
    const QString parent = shifts.at(m_deskOfShift.lastIndexOf(wifiDesk)).info.accessor;
    QList<engine::TokenRequest> requests;
    for (int i = 0; i < count; ++i) {
        engine::TokenRequest request =
            childOf(parent, QStringLiteral("Guest Wi-Fi voucher %1").arg(i + 1));
        request.type = engine::TokenType::Batch;
        request.policies = {QStringLiteral("wifi")};
        request.ttl = 2 * kHour;
        requests << request;
    }
    return issue(requests);
}

} // namespace tessera::cli
