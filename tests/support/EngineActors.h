#pragma once

#include "audit/AuditRecord.h"
#include "core/Error.h"
#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Token.h"
#include "engine/TokenRequest.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <initializer_list>
#include <utility>

namespace tessera::engine {
class TokenEngine;
}

namespace tessera::test {

// "(ok)" or the error's code and message, for QVERIFY2.
template <typename R> QString errorText(const R& result)
{
    return result.ok()
               ? QStringLiteral("(ok)")
               : errorCodeName(result.error().code) + QStringLiteral(": ") + result.error().message;
}

// A token and the identity it authenticates as.
struct Actor
{
    QString token;
    engine::Token info;
    engine::Caller caller;
};

inline const QString kTestClient = QStringLiteral("api:127.0.0.1");

// Creates a token as `issuer` and signs in with it from `client`.
Result<Actor> issueActor(engine::TokenEngine& engine, const engine::Caller& issuer,
                         const engine::TokenRequest& request, const QString& client = kTestClient);
// A token with exactly these policies (and default), created by the store
// owner, signed in.
Result<Actor> ownersActor(engine::TokenEngine& engine, const QStringList& policies);
// A root token created by the store owner, signed in.
Result<Actor> rootActor(engine::TokenEngine& engine, const QString& client = kTestClient);

// Every audit record, oldest first.
QList<audit::AuditRecord> auditTrail(engine::TokenEngine& engine);

// HCL `path` blocks; capabilities comma-separated ("create,update"). (No raw
// string literals in tests: moc takes the "/*" in a policy path for a comment.)
QString hcl(std::initializer_list<std::pair<const char*, const char*>> rules);

// Policies the engine tests share: ebooks, archive, wifi, issuer, sudo-issuer.
const QMap<QString, QString>& testPolicies();
// Writes testPolicies() as the store owner.
Status installTestPolicies(engine::TokenEngine& engine);

} // namespace tessera::test
