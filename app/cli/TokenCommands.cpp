#include "CommandLine.h"
#include "Commands.h"
#include "OptionValues.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenTreePrinter.h"
#include "TokenView.h"
#include "engine/Duration.h"
#include "engine/GateLink.h"
#include "engine/TokenEngine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>
#include <QUrl>

namespace tessera::cli {
namespace {

using engine::TokenRef;

QCommandLineOption valueOption(const QString& name, const QString& description,
                               const QString& valueName)
{
    return QCommandLineOption(name, description, valueName);
}

Result<int> createToken(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token create"),
                            QStringLiteral("Issue a token: a child of --parent, or a top-level "
                                           "token with --orphan or when no parent is named."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(
        valueOption(QStringLiteral("policy"),
                    QStringLiteral("A policy for the token; repeat or separate with commas."),
                    QStringLiteral("NAME")));
    parser.addOption(valueOption(QStringLiteral("ttl"),
                                 QStringLiteral("Time to live, e.g. 3600, 30m, 2h30m, 7d."),
                                 QStringLiteral("DURATION")));
    parser.addOption(valueOption(QStringLiteral("explicit-max-ttl"),
                                 QStringLiteral("A hard limit no renewal can pass."),
                                 QStringLiteral("DURATION")));
    parser.addOption(
        valueOption(QStringLiteral("period"),
                    QStringLiteral("Make the token periodic: each renewal grants this."),
                    QStringLiteral("DURATION")));
    parser.addOption(
        valueOption(QStringLiteral("uses"),
                    QStringLiteral("How many times the token may be used (0: unlimited)."),
                    QStringLiteral("N")));
    parser.addOption(
        {QStringLiteral("orphan"), QStringLiteral("Create the token without a parent.")});
    parser.addOption(valueOption(QStringLiteral("type"),
                                 QStringLiteral("service (default) or batch."),
                                 QStringLiteral("TYPE")));
    parser.addOption(valueOption(QStringLiteral("display-name"),
                                 QStringLiteral("A name shown in trees and audit reports."),
                                 QStringLiteral("TEXT")));
    parser.addOption(valueOption(QStringLiteral("meta"),
                                 QStringLiteral("Metadata such as patron_id=1234; repeatable."),
                                 QStringLiteral("KEY=VALUE")));
    parser.addOption(valueOption(QStringLiteral("role"), QStringLiteral("Issue from this role."),
                                 QStringLiteral("ROLE")));
    parser.addOption(valueOption(QStringLiteral("parent"),
                                 QStringLiteral("Accessor of the parent token."),
                                 QStringLiteral("ACCESSOR")));
    parser.addOption(
        {QStringLiteral("no-default-policy"), QStringLiteral("Do not add the default policy.")});
    parser.addOption(valueOption(QStringLiteral("renewable"),
                                 QStringLiteral("true (default) or false."),
                                 QStringLiteral("BOOL")));
    parser.addOption(activateWithinOption());
    parser.addOption({QStringLiteral("warn-before-expiry"),
                      QStringLiteral("List the token under `token expiring` and warn in the "
                                     "console before it expires.")});
    parser.addOption(
        {QStringLiteral("token-only"), QStringLiteral("Print only the token, for scripts.")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;

    // Every option is checked before the store is opened: a bad flag changes nothing.
    const QCommandLineParser& qt = parser.qt();
    engine::TokenRequest request;
    request.policies = listOption(qt, QStringLiteral("policy"));
    request.noDefaultPolicy = qt.isSet(QStringLiteral("no-default-policy"));
    request.displayName = qt.value(QStringLiteral("display-name"));
    request.orphan = qt.isSet(QStringLiteral("orphan"));
    request.role = qt.value(QStringLiteral("role")).trimmed();
    request.parentAccessor = qt.value(QStringLiteral("parent")).trimmed();
    request.warnBeforeExpiry = qt.isSet(QStringLiteral("warn-before-expiry"));
    TESSERA_TRY(assign(request.meta, metadataOption(qt, QStringLiteral("meta"))));
    TESSERA_TRY(assign(request.ttl, durationOption(qt, QStringLiteral("ttl"))));
    TESSERA_TRY(
        assign(request.explicitMaxTtl, durationOption(qt, QStringLiteral("explicit-max-ttl"))));
    TESSERA_TRY(assign(request.period, durationOption(qt, QStringLiteral("period"))));
    TESSERA_TRY(assign(request.numUses, countOption(qt, QStringLiteral("uses"))));
    TESSERA_TRY(assign(request.type, tokenTypeOption(qt, QStringLiteral("type"))));
    TESSERA_TRY(assign(request.renewable, boolOption(qt, QStringLiteral("renewable"))));
    TESSERA_TRY(assign(request.activateWithin,
                       optionalDurationOption(qt, QStringLiteral("activate-within"))));
    if (request.orphan && !request.parentAccessor.isEmpty())
        return Error::invalid(QStringLiteral("--orphan and --parent contradict each other."));

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto created = engine.tokens().createToken(StoreSession::caller(), request);
    if (!created)
        return created.error();
    printCreatedToken(*created, engine.clock().nowSeconds(), Output(parser.json()),
                      qt.isSet(QStringLiteral("token-only")));
    return 0;
}

Result<int> createRootToken(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token create-root"),
                            QStringLiteral("Issue a new root token, e.g. after losing the one "
                                           "printed by init."));
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto created = engine.tokens().createRootToken(StoreSession::caller());
    if (!created)
        return created.error();
    printCreatedToken(*created, engine.clock().nowSeconds(), Output(parser.json()), false);
    return 0;
}

Result<int> linkToken(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("token link"),
        QStringLiteral("Issue a one-use link to one web document behind the gate: opening it "
                       "shows the document once."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(valueOption(QStringLiteral("url"),
                                 QStringLiteral("The document's address, e.g. "
                                                "https://journal.example.org/articles/42/."),
                                 QStringLiteral("URL")));
    parser.addOption(valueOption(QStringLiteral("path"),
                                 QStringLiteral("Or the document as gate/HOST/PATH, e.g. "
                                                "gate/journal.example.org/articles/42/."),
                                 QStringLiteral("ACL-PATH")));
    parser.addOption(valueOption(QStringLiteral("ttl"),
                                 QStringLiteral("How long the link is good for (default: the "
                                                "store's default TTL)."),
                                 QStringLiteral("DURATION")));
    parser.addOption(valueOption(QStringLiteral("base-url"),
                                 QStringLiteral("With --path: where patrons reach HOST (default "
                                                "https://HOST)."),
                                 QStringLiteral("URL")));
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    const QCommandLineParser& qt = parser.qt();
    const QString address = qt.value(QStringLiteral("url")).trimmed();
    const QString path = qt.value(QStringLiteral("path")).trimmed();
    if (address.isEmpty() == path.isEmpty())
        return Error::invalid(QStringLiteral(
            "Name the document with either --url https://HOST/PATH or --path gate/HOST/PATH."));
    if (!address.isEmpty() && qt.isSet(QStringLiteral("base-url")))
        return Error::invalid(QStringLiteral("--base-url goes with --path; a --url has its site."));
    qint64 ttl = 0;
    TESSERA_TRY(assign(ttl, durationOption(qt, QStringLiteral("ttl"))));
    auto link = address.isEmpty()
                    ? engine::GateLink::forAclPath(path, qt.value(QStringLiteral("base-url")))
                    : engine::GateLink::forDocument(address);
    if (!link)
        return link.error();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto created = engine.gate().createLink(StoreSession::caller(), link->aclPath(), ttl);
    if (!created)
        return created.error();
    const QString url = link->redeemUrl(created->token);
    const Output output(parser.json());
    output.document(
        QJsonObject{{QStringLiteral("url"), url},
                    {QStringLiteral("accessor"), created->info.accessor},
                    {QStringLiteral("document"), link->aclPath()},
                    {QStringLiteral("expire_time"),
                     created->info.expireAt
                         ? QDateTime::fromSecsSinceEpoch(*created->info.expireAt, QTimeZone::utc())
                               .toString(Qt::ISODate)
                         : QString()}});
    output.line(url);
    return 0;
}

// The positional ACCESSOR|TOKEN shared by lookup, renew, revoke and revoke-orphan.
void addTokenPositional(SubcommandParser& parser)
{
    parser.addPositional(QStringLiteral("token"),
                         QStringLiteral("An accessor, a token (tss./tsb.), or - to read the token "
                                        "from stdin."),
                         QStringLiteral("ACCESSOR|TOKEN"));
}

Result<int> lookupToken(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token lookup"),
                            QStringLiteral("Show what a token may do and when it expires."));
    parser.addStoreOptions();
    parser.addJsonOption();
    addTokenPositional(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto ref = tokenRefArgument(parser.positionals().constFirst());
    if (!ref)
        return ref.error();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto token = engine.tokens().lookup(StoreSession::caller(), *ref);
    if (!token)
        return token.error();
    const Output output(parser.json());
    const qint64 now = engine.clock().nowSeconds();
    output.document(tokenJson(*token, now));
    output.table(tokenRows(*token, now));
    return 0;
}

Result<int> renewToken(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token renew"),
                            QStringLiteral("Extend a token's life, never past its max TTL."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(
        valueOption(QStringLiteral("increment"),
                    QStringLiteral("New TTL from now (default: the token's creation TTL)."),
                    QStringLiteral("DURATION")));
    addTokenPositional(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto increment = durationOption(parser.qt(), QStringLiteral("increment"));
    if (!increment)
        return increment.error();
    auto ref = tokenRefArgument(parser.positionals().constFirst());
    if (!ref)
        return ref.error();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto renewal = engine.tokens().renew(StoreSession::caller(), *ref, *increment);
    if (!renewal)
        return renewal.error();
    const Output output(parser.json());
    const qint64 now = engine.clock().nowSeconds();
    QJsonObject json = tokenJson(renewal->info, now);
    json.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(renewal->warnings));
    output.document(json);
    output.table({
        {QStringLiteral("accessor"), renewal->info.accessor},
        {QStringLiteral("ttl"), ttlLeftText(renewal->info, now)},
        {QStringLiteral("expires"),
         renewal->info.expireAt ? timeText(*renewal->info.expireAt) : QStringLiteral("never")},
    });
    if (!output.isJson())
        Output::warnings(renewal->warnings);
    return 0;
}

Result<int> revokeToken(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token revoke"),
                            QStringLiteral("Revoke a token and its whole subtree."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(
        {QStringLiteral("dry-run"), QStringLiteral("Only say how many tokens would be revoked.")});
    addTokenPositional(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto ref = tokenRefArgument(parser.positionals().constFirst());
    if (!ref)
        return ref.error();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    const Output output(parser.json());

    if (parser.isSet(QStringLiteral("dry-run"))) {
        auto token = engine.tokens().lookup(StoreSession::caller(), *ref);
        if (!token)
            return token.error();
        auto below = engine.browser().descendantCount(token->accessor);
        if (!below)
            return below.error();
        output.document(QJsonObject{{QStringLiteral("would_revoke"), *below + 1}});
        output.line(QStringLiteral("Would revoke %1.").arg(tokensText(*below + 1)));
        return 0;
    }

    auto revoked = engine.tokens().revoke(StoreSession::caller(), *ref);
    if (!revoked)
        return revoked.error();
    output.document(QJsonObject{{QStringLiteral("revoked"), QJsonArray::fromStringList(*revoked)},
                                {QStringLiteral("count"), revoked->size()}});
    output.line(revoked->isEmpty()
                    ? QStringLiteral("Nothing to revoke: the token is already gone.")
                    : QStringLiteral("Revoked %1.").arg(tokensText(revoked->size())));
    return 0;
}

Result<int> revokeOrphan(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token revoke-orphan"),
                            QStringLiteral("Revoke one token; its children become orphans."));
    parser.addStoreOptions();
    parser.addJsonOption();
    addTokenPositional(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto ref = tokenRefArgument(parser.positionals().constFirst());
    if (!ref)
        return ref.error();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto revoked = (*session)->engine().tokens().revokeOrphan(StoreSession::caller(), *ref);
    if (!revoked)
        return revoked.error();
    const Output output(parser.json());
    output.document(QJsonObject{{QStringLiteral("revoked"), QJsonArray::fromStringList(*revoked)},
                                {QStringLiteral("count"), revoked->size()}});
    output.line(revoked->isEmpty() ? QStringLiteral("Nothing to revoke: the token is already gone.")
                                   : QStringLiteral("Revoked %1; its children are now orphans.")
                                         .arg(tokensText(revoked->size())));
    return 0;
}

Result<int> showTree(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token tree"),
                            QStringLiteral("Show tokens as a tree: name, accessor, type, policies, "
                                           "TTL left, uses left."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(valueOption(QStringLiteral("depth"),
                                 QStringLiteral("Levels to show below the start (default: all)."),
                                 QStringLiteral("N")));
    parser.addPositional(QStringLiteral("token"),
                         QStringLiteral("Where to start (default: every root and orphan)."),
                         QStringLiteral("[ACCESSOR|TOKEN]"));
    if (auto exit = parser.parse(arguments, 0, 1))
        return *exit;
    auto depth = countOption(parser.qt(), QStringLiteral("depth"));
    if (!depth)
        return depth.error();
    const int maxDepth = parser.isSet(QStringLiteral("depth")) ? *depth : -1;
    std::optional<TokenRef> start;
    if (!parser.positionals().isEmpty()) {
        auto ref = tokenRefArgument(parser.positionals().constFirst());
        if (!ref)
            return ref.error();
        start = *ref;
    }

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    std::optional<engine::Token> top;
    if (start) {
        auto token = engine.tokens().lookup(StoreSession::caller(), *start);
        if (!token)
            return token.error();
        top = *token;
    }
    const TokenTreePrinter printer(engine, engine.clock().nowSeconds(), maxDepth);
    const Output output(parser.json());
    if (output.isJson()) {
        auto json = printer.json(top ? &*top : nullptr);
        if (!json)
            return json.error();
        output.document(*json);
        return 0;
    }
    TESSERA_TRY(printer.printText(top ? &*top : nullptr, output));
    return 0;
}

Result<int> listTokens(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token list"),
                            QStringLiteral("List the accessors of every service token."));
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto accessors = (*session)->engine().tokens().accessors(StoreSession::caller());
    if (!accessors)
        return accessors.error();
    const Output output(parser.json());
    output.document(QJsonArray::fromStringList(*accessors));
    for (const QString& accessor : *accessors)
        output.line(accessor);
    return 0;
}

// "marked", "staff", "marked, staff": why `token expiring` lists a token.
QString expiringReason(const engine::ExpiringToken& expiring)
{
    QStringList why;
    if (expiring.marked)
        why.append(QStringLiteral("marked"));
    if (expiring.staff)
        why.append(QStringLiteral("staff"));
    return why.join(QStringLiteral(", "));
}

Result<int> listExpiring(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("token expiring"),
                            QStringLiteral("List the tokens that expire soon and were marked "
                                           "--warn-before-expiry or are staff tokens."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption(valueOption(QStringLiteral("within"),
                                 QStringLiteral("How far ahead to look (default 7d)."),
                                 QStringLiteral("DURATION")));
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    const QCommandLineParser& qt = parser.qt();
    qint64 within =
        engine::ExpiryWarningService::kDefaultDays * engine::ExpiryWarningService::kDaySeconds;
    if (qt.isSet(QStringLiteral("within"))) {
        TESSERA_TRY(assign(within, durationOption(qt, QStringLiteral("within"))));
        if (within <= 0)
            return Error::invalid(QStringLiteral("--within must be a positive duration, e.g. 7d."));
    }

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto expiring = engine.expiryWarnings().expiring(StoreSession::caller(), within);
    if (!expiring)
        return expiring.error();
    const qint64 now = engine.clock().nowSeconds();
    const Output output(parser.json());
    QJsonArray json;
    QList<QStringList> rows;
    for (const engine::ExpiringToken& one : std::as_const(*expiring)) {
        QJsonObject entry = tokenJson(one.token, now);
        entry.insert(QStringLiteral("marked"), one.marked);
        entry.insert(QStringLiteral("staff"), one.staff);
        json.append(entry);
        rows.append(
            {one.token.displayName, one.token.accessor,
             one.token.expireAt ? timeText(*one.token.expireAt) : QString(),
             ttlLeftText(one.token, now), expiringReason(one),
             one.token.parentAccessor.isEmpty() ? QStringLiteral("-") : one.token.parentAccessor});
    }
    output.document(json);
    if (rows.isEmpty()) {
        output.line(QStringLiteral("No marked or staff token expires within %1.")
                        .arg(engine::formatDuration(within)));
        return 0;
    }
    output.columns({QStringLiteral("NAME"), QStringLiteral("ACCESSOR"), QStringLiteral("EXPIRES"),
                    QStringLiteral("LEFT"), QStringLiteral("WHY"), QStringLiteral("PARENT")},
                   rows);
    return 0;
}

} // namespace

void addTokenCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("token");
    commandLine.add(
        {group, QStringLiteral("create"), QStringLiteral("Issue a token."), createToken});
    commandLine.add({group, QStringLiteral("create-root"),
                     QStringLiteral("Issue a new root token."), createRootToken});
    commandLine.add({group, QStringLiteral("lookup"), QStringLiteral("Show a token's properties."),
                     lookupToken});
    commandLine.add(
        {group, QStringLiteral("renew"), QStringLiteral("Extend a token's TTL."), renewToken});
    commandLine.add({group, QStringLiteral("revoke"),
                     QStringLiteral("Revoke a token and its subtree."), revokeToken});
    commandLine.add({group, QStringLiteral("revoke-orphan"),
                     QStringLiteral("Revoke one token, orphaning its children."), revokeOrphan});
    commandLine.add(
        {group, QStringLiteral("tree"), QStringLiteral("Show tokens as a tree."), showTree});
    commandLine.add({group, QStringLiteral("link"),
                     QStringLiteral("Issue a one-use link to one web document."), linkToken});
    commandLine.add(
        {group, QStringLiteral("list"), QStringLiteral("List token accessors."), listTokens});
    commandLine.add({group, QStringLiteral("expiring"),
                     QStringLiteral("List marked and staff tokens that expire soon."),
                     listExpiring});
}

} // namespace tessera::cli
