#pragma once

#include <QString>

// The engine's audit operations that reports count (TokenEngine writes them);
// ActivityCounts::figureOf() says which figure each counts in.
namespace tessera::reports::operations {

inline const QString kCreate = QStringLiteral("token.create");
inline const QString kCreateRoot = QStringLiteral("token.create-root");
inline const QString kRenew = QStringLiteral("token.renew");
inline const QString kRevoke = QStringLiteral("token.revoke");
inline const QString kRevokeOrphan = QStringLiteral("token.revoke-orphan");
inline const QString kRevokeMatching = QStringLiteral("token.revoke-matching");
inline const QString kUseLimit = QStringLiteral("token.use-limit");
inline const QString kExpire = QStringLiteral("token.expire");
inline const QString kLogin = QStringLiteral("login");
inline const QString kLoginFailed = QStringLiteral("login.failed");

} // namespace tessera::reports::operations
