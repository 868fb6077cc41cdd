#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::reports {

// What a report says about the audit chain it was built from, so that a
// printed report can be matched to the store: the verification result and the
// MAC of the last record verified (the last record of the log when intact).
struct ChainStatus
{
    bool intact = true;
    QString problem;         // the first problem, when not intact
    qint64 lastSequence = 0; // records 1..lastSequence were verified
    QByteArray lastMac;      // of record lastSequence
    QString lastMacHex() const { return QString::fromLatin1(lastMac.toHex()); }
};

} // namespace tessera::reports
