#include "support/EngineActors.h"

#include "audit/AuditFilter.h"
#include "engine/TokenEngine.h"
#include "support/TempEngine.h"

#include <QStringList>

namespace tessera::test {

Result<Actor> issueActor(engine::TokenEngine& engine, const engine::Caller& issuer,
                         const engine::TokenRequest& request, const QString& client)
{
    auto created = engine.tokens().createToken(issuer, request);
    TESSERA_TRY(created);
    auto caller = engine.tokens().authenticate(created->token, client);
    TESSERA_TRY(caller);
    return Actor{created->token, created->info, *caller};
}

Result<Actor> ownersActor(engine::TokenEngine& engine, const QStringList& policies)
{
    engine::TokenRequest request;
    request.policies = policies;
    return issueActor(engine, TempEngine::owner(), request);
}

Result<Actor> rootActor(engine::TokenEngine& engine, const QString& client)
{
    auto created = engine.tokens().createRootToken(TempEngine::owner());
    TESSERA_TRY(created);
    auto caller = engine.tokens().authenticate(created->token, client);
    TESSERA_TRY(caller);
    return Actor{created->token, created->info, *caller};
}

QList<audit::AuditRecord> auditTrail(engine::TokenEngine& engine)
{
    QList<audit::AuditRecord> all;
    audit::AuditFilter filter;
    for (;;) {
        auto page = engine.admin().auditRecords(filter);
        if (!page || page->isEmpty())
            return all;
        all += *page;
        filter.afterSequence = page->last().sequence;
    }
}

QString hcl(std::initializer_list<std::pair<const char*, const char*>> rules)
{
    QString text;
    for (const auto& [path, capabilities] : rules) {
        QStringList quoted;
        for (const QString& capability : QString::fromUtf8(capabilities).split(u','))
            quoted << u'"' + capability + u'"';
        text += QStringLiteral("path \"") + QString::fromUtf8(path) +
                QStringLiteral("\" { capabilities = [") + quoted.join(QStringLiteral(", ")) +
                QStringLiteral("] }\n");
    }
    return text;
}

const QMap<QString, QString>& testPolicies()
{
    static const QMap<QString, QString> policies{
        {QStringLiteral("ebooks"), hcl({{"ebooks/*", "read"}})},
        {QStringLiteral("archive"), hcl({{"archive/*", "read,list"}})},
        {QStringLiteral("wifi"), hcl({{"wifi", "read"}})},
        {QStringLiteral("issuer"),
         hcl({{"auth/token/create", "create,update"}, {"auth/token/create/*", "create,update"}})},
        {QStringLiteral("sudo-issuer"), hcl({{"auth/token/create", "create,update,sudo"},
                                             {"auth/token/create/*", "create,update,sudo"}})},
    };
    return policies;
}

Status installTestPolicies(engine::TokenEngine& engine)
{
    for (auto it = testPolicies().cbegin(); it != testPolicies().cend(); ++it)
        TESSERA_TRY(engine.admin().putPolicy(TempEngine::owner(), it.key(), it.value()));
    return {};
}

} // namespace tessera::test
