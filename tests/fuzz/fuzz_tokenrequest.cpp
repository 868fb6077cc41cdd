// Fuzz target: a request body of auth/token/create on its way into the engine:
// api::TokenRequestJson::parse, then TokenEngine::createToken on a TempEngine
// (a temporary store with the cheap test KDF, created once per process).
//
// The first byte picks the caller (even: a root token, odd: a token with the
// policies "token-creator" and "ebooks-read"); the rest is the JSON body. The
// store has the role "reader" (service, allowed ebooks-read) and "daypass"
// (batch).
// Invariants: nothing crashes; a body that parses and is accepted yields a
// token that validates as what was created, never above its caller's powers;
// a rejected body or request leaves the token count unchanged and is an error
// of the caller's making, never Internal.

#include "FuzzCheck.h"
#include "api/TokenRequestJson.h"
#include "engine/Role.h"
#include "support/TempEngine.h"

#include <QByteArray>
#include <QCoreApplication>
#include <cstdint>
#include <memory>

using namespace tessera;
using namespace tessera::engine;

namespace {

const QString kClient = QStringLiteral("api:127.0.0.1");

struct Fixture
{
    test::TempEngine temp;
    Caller root;
    Caller limited;

    Fixture()
    {
        FUZZ_CHECK(temp.isValid());
        TokenEngine& engine = temp.engine();
        const Caller owner = test::TempEngine::owner();
        FUZZ_CHECK(engine.admin().putPolicy(owner, QStringLiteral("ebooks-read"),
                                            QStringLiteral("path \"ebooks/*\" { capabilities = "
                                                           "[\"read\"] }")));
        FUZZ_CHECK(
            engine.admin().putPolicy(owner, QStringLiteral("token-creator"),
                                     QStringLiteral("path \"auth/token/create*\" { capabilities = "
                                                    "[\"create\", \"update\"] }")));
        Role reader;
        reader.name = QStringLiteral("reader");
        reader.allowedPolicies = {QStringLiteral("ebooks-read")};
        reader.settings.ttl = 3600;
        FUZZ_CHECK(engine.admin().putRole(owner, reader));
        Role daypass;
        daypass.name = QStringLiteral("daypass");
        daypass.settings.tokenType = RoleTokenType::Batch;
        daypass.renewable = false;
        daypass.settings.ttl = 86400;
        FUZZ_CHECK(engine.admin().putRole(owner, daypass));

        root = authenticated(engine.tokens().createRootToken(owner));
        TokenRequest creator;
        creator.policies = {QStringLiteral("token-creator"), QStringLiteral("ebooks-read")};
        limited = authenticated(engine.tokens().createToken(owner, creator));
    }

    Caller authenticated(const Result<CreatedToken>& created)
    {
        FUZZ_CHECK(created.ok());
        auto caller = temp.engine().tokens().authenticate(created->token, kClient);
        FUZZ_CHECK(caller.ok());
        return *caller;
    }
};

Fixture& fixture()
{
    // QCoreApplication for anything in the engine that asks for an application
    // (thread pools, temporary paths); libFuzzer owns main().
    static int argc = 1;
    static char name[] = "fuzz_tokenrequest";
    static char* argv[] = {name, nullptr};
    static QCoreApplication app(argc, argv);
    static Fixture instance;
    return instance;
}

qint64 tokenCount(TokenEngine& engine)
{
    const auto count = engine.browser().count();
    FUZZ_CHECK(count.ok());
    return *count;
}

void checkCreated(TokenEngine& engine, const Caller& caller, const TokenRequest& request,
                  const CreatedToken& created)
{
    const Token& info = created.info;
    const auto validated = engine.tokens().validate(created.token);
    FUZZ_CHECK(validated.ok());
    FUZZ_CHECK(validated->type == info.type);
    FUZZ_CHECK(validated->accessor == info.accessor);
    FUZZ_CHECK(validated->policies == info.policies);
    FUZZ_CHECK(validated->expireAt == info.expireAt);
    FUZZ_CHECK(created.token.startsWith(info.type == TokenType::Service ? QLatin1String("tss.")
                                                                        : QLatin1String("tsb.")));

    // Never more power than the caller has.
    if (!caller.isRoot())
        FUZZ_CHECK(!info.isRoot());
    FUZZ_CHECK(info.isOrphan() || info.parentAccessor == caller.accessor);
    if (request.role.isEmpty() && request.type)
        FUZZ_CHECK(info.type == *request.type);
    if (request.role.isEmpty())
        FUZZ_CHECK(info.numUses == request.numUses);
    if (info.type == TokenType::Batch)
        FUZZ_CHECK(info.expireAt.has_value() && info.numUses == 0);
    if (info.expireAt)
        FUZZ_CHECK(*info.expireAt > info.createdAt);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    Fixture& f = fixture();
    TokenEngine& engine = f.temp.engine();
    const Caller& caller = data[0] % 2 == 0 ? f.root : f.limited;
    const QByteArray body(reinterpret_cast<const char*>(data + 1),
                          static_cast<qsizetype>(size - 1));

    const qint64 before = tokenCount(engine);
    QStringList warnings;
    const auto request = api::TokenRequestJson::parse(body, &warnings);
    if (!request) {
        FUZZ_CHECK(request.error().code == ErrorCode::InvalidArgument);
        FUZZ_CHECK(tokenCount(engine) == before);
        return 0;
    }
    const auto created = engine.tokens().createToken(caller, *request);
    if (!created) {
        FUZZ_CHECK(created.error().code != ErrorCode::Internal);
        FUZZ_CHECK(created.error().code != ErrorCode::StoreCorrupt);
        FUZZ_CHECK(tokenCount(engine) == before);
        return 0;
    }
    checkCreated(engine, caller, *request, *created);
    FUZZ_CHECK(tokenCount(engine) == before + (created->info.type == TokenType::Service ? 1 : 0));
    return 0;
}
