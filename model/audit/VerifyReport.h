#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::audit {

// What kind of damage verification found first.
enum class AuditProblem
{
    None,
    Changed,      // a record's content or MAC no longer matches its chain MAC
    Missing,      // a gap in the sequence: records were deleted from the middle
    Reordered,    // a record's content sits at another position of the log
    Truncated,    // the chain head names later records than the log holds
    HeadTampered, // the chain head is missing, forged or does not match the last record
};

struct VerifyReport
{
    // Records found intact, counted from the first: the whole log when intact,
    // otherwise those before the first problem.
    qint64 recordsChecked = 0;
    bool intact = true;
    AuditProblem kind = AuditProblem::None;
    // The first problem found, e.g. "record 1234 was changed", "record 77 is
    // missing", "records 5 and 6 are out of order", "the last 3 records were removed".
    QString problem;
    qint64 firstBadSequence = 0;
    // Reordered: the position where record firstBadSequence's content was found.
    qint64 otherSequence = 0;
    QByteArray lastMac; // of the last record checked
};

} // namespace tessera::audit
