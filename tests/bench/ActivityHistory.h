#pragma once

#include "core/Result.h"

namespace tessera::test {
class TempEngine;
}

namespace tessera::bench {

// Days of library activity on a TempEngine, driven by its fake clock: desks
// below a root token issue patrons from roles (day passes, semester
// e-resources, guest Wi-Fi, one-time archive entries) in batches through the
// day, renew some, revoke some, staff log in (and fail once), and each night
// the expiry sweep takes what ran out. About `recordsPerDay` audit records a
// day. Deterministic for a given seed.
struct ActivityShape
{
    int days = 30;
    int recordsPerDay = 3300;
    quint32 seed = 1;
};

Status buildActivityHistory(test::TempEngine& temp, const ActivityShape& shape);

} // namespace tessera::bench
