#pragma once

#include "engine/Token.h"

#include <QCoreApplication>
#include <QString>

namespace tessera::items {

// How token fields read in the console's models (translated).
class TokenText
{
    Q_DECLARE_TR_FUNCTIONS(TokenText)

public:
    // A TTL countdown: "2d 03:04:05", "03:04:05", "expired" at 0.
    static QString duration(qint64 seconds);
    // Unix seconds as local date and time (QLocale's short format).
    static QString localTime(qint64 unixSeconds);
    // "patron_id=1234, card=99".
    static QString metadataSummary(const engine::Token& token);
    // One "key: value" per line, for tooltips.
    static QString metadataLines(const engine::Token& token);
};

} // namespace tessera::items
