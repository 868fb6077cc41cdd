#pragma once

#include "Output.h"
#include "engine/Token.h"
#include "engine/TokenEngine.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace tessera::cli {

// How a token's facts (never the token itself) are shown: Vault-style JSON
// field names, and aligned rows for the text output.
QJsonObject tokenJson(const engine::Token& token, qint64 nowSeconds);
QList<QPair<QString, QString>> tokenRows(const engine::Token& token, qint64 nowSeconds);

// "2h30m left", "never expires", "expired".
QString ttlLeftText(const engine::Token& token, qint64 nowSeconds);
// "3 uses left", "unlimited uses" (tree lines); "3 of 5 left", "unlimited" (tables).
QString usesLeftText(const engine::Token& token);
QString usesRowText(const engine::Token& token);
// A new token, the only time anyone will see it: the token with its accessor,
// policies, TTL and warnings; or only the token, for scripts.
void printCreatedToken(const engine::CreatedToken& created, qint64 nowSeconds, const Output& output,
                       bool tokenOnly);

// "1 token", "12 tokens".
QString tokensText(qint64 count);

// ISO 8601 UTC, e.g. "2025-03-01T09:30:00Z".
QString timeText(qint64 unixSeconds);

} // namespace tessera::cli
