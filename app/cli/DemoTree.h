#pragma once

#include "DemoLibrary.h"
#include "core/Result.h"
#include "engine/TokenEngine.h"

namespace tessera::cli {

// Grows the demo library's token tree under a root token, one level at a time,
// each level one engine transaction (createTokens):
//
//   root -> desks -> shifts -> patrons -> devices     (five levels)
//
// plus a few guest Wi-Fi vouchers as batch tokens under the Wi-Fi desk.
class DemoTree
{
public:
    struct Counts
    {
        int desks = 0;
        int shifts = 0;
        int patrons = 0;
        int devices = 0;
        int expiringWithinTheHour = 0;
        int batch = 0; // not stored

        int stored() const { return 1 + desks + shifts + patrons + devices; }
    };

    DemoTree(engine::TokenEngine& engine, DemoLibrary& library)
        : m_engine(engine)
        , m_library(library)
    {}

    // `total`: stored tokens wanted, the root included (at least 20).
    Result<Counts> grow(const QString& rootAccessor, int total);

private:
    using Created = QList<engine::CreatedToken>;

    Result<Created> issue(const QList<engine::TokenRequest>& requests);
    Result<Created> addDesks(const QString& rootAccessor);
    Result<Created> addShifts(const Created& desks);
    Result<Created> addPatrons(const Created& shifts, int count);
    Result<Created> addDevices(const Created& patrons, int count);
    // Some patrons' tokens used once, as from the gate (their last use).
    Status useSome(const Created& patrons);
    Result<Created> addGuestVouchers(const Created& shifts, int count);

    static bool isReadingRoomSlot(int patron) { return patron % 15 == 0; }
    int randomShiftOf(int desk);

    engine::TokenEngine& m_engine;
    DemoLibrary& m_library;
    QList<DemoLibrary::Desk> m_desks = DemoLibrary::desks();
    QList<int> m_deskOfShift; // index into m_desks for each shift token
    int m_expiringWithinTheHour = 0;
};

} // namespace tessera::cli
