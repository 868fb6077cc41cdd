// `token revoke-matching`: revoke by filter (docs/ARCHITECTURE.md, «Revoke by
// filter») from the command line, with a dry run and a confirmation.
#include "CommandLine.h"
#include "Commands.h"
#include "OptionValues.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenTreePrinter.h"
#include "TokenView.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace tessera::cli {
namespace {

Result<engine::RevocationFilter> filterOptions(const SubcommandParser& parser)
{
    engine::RevocationFilter filter;
    filter.patronId = parser.value(QStringLiteral("patron")).trimmed();
    filter.role = parser.value(QStringLiteral("role")).trimmed();
    filter.issuedBy = parser.value(QStringLiteral("issued-by")).trimmed();
    TESSERA_TRY(
        assign(filter.createdAfter, timeOption(parser.qt(), QStringLiteral("created-after"))));
    TESSERA_TRY(
        assign(filter.createdBefore, timeOption(parser.qt(), QStringLiteral("created-before"))));
    for (const char* name : {"patron", "role", "issued-by"}) {
        const QString option = QString::fromLatin1(name);
        if (parser.isSet(option) && parser.value(option).trimmed().isEmpty())
            return Error::invalid(QStringLiteral("--%1 needs a value.").arg(option));
    }
    if (filter.isEmpty())
        return Error::invalid(QStringLiteral("token revoke-matching needs at least one filter: "
                                             "--patron, --role, --issued-by, --created-after or "
                                             "--created-before."));
    TESSERA_TRY(filter.check());
    return filter;
}

QJsonObject previewJson(const engine::RevokeByFilterService::Preview& preview, qint64 now)
{
    QJsonArray first;
    for (const auto& match : preview.first) {
        QJsonObject json = tokenJson(match.token, now);
        json.insert(QStringLiteral("descendants"), match.descendants);
        first.append(json);
    }
    return {{QStringLiteral("dry_run"), true},
            {QStringLiteral("matched"), preview.matched},
            {QStringLiteral("would_revoke"), preview.total},
            {QStringLiteral("first"), first}};
}

void printPreview(const engine::RevokeByFilterService::Preview& preview, qint64 now,
                  const Output& output)
{
    output.line(QStringLiteral("%1 match; %2 in all with their children.")
                    .arg(tokensText(preview.matched))
                    .arg(preview.total));
    for (const auto& match : preview.first) {
        output.line(QStringLiteral("  ") + TokenTreePrinter::describe(match.token, now));
        if (match.descendants > 0)
            output.line(
                QStringLiteral("  \u2514\u2500 and %1 below").arg(tokensText(match.descendants)));
    }
    if (preview.matched > preview.first.size())
        output.line(QStringLiteral("  \u2026 and %1 more")
                        .arg(tokensText(preview.matched - preview.first.size())));
}

// On a terminal: the preview was shown; the user types the number of tokens.
bool confirmedAtPrompt(qint64 total)
{
    Output::writeStderr(
        QStringLiteral("Revoke %1? Type %2 to confirm: ").arg(tokensText(total)).arg(total));
    QTextStream in(stdin);
    return in.readLine().trimmed() == QString::number(total);
}

Result<int> revokeMatching(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("token revoke-matching"),
        QStringLiteral("Revoke every token that matches all the filters given, each with its "
                       "subtree, in one transaction. Dates are UTC: YYYY-MM-DD (midnight) or "
                       "YYYY-MM-DDTHH:MM:SSZ."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption({QStringLiteral("patron"),
                      QStringLiteral("Tokens whose metadata patron_id is ID."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("role"), QStringLiteral("Tokens created under role R."),
                      QStringLiteral("R")});
    parser.addOption({QStringLiteral("issued-by"),
                      QStringLiteral("Tokens issued by WHO: console, cli, api:ADDRESS or "
                                     "login:USER (a staff user's sign-in)."),
                      QStringLiteral("WHO")});
    parser.addOption({QStringLiteral("created-after"),
                      QStringLiteral("Tokens created at or after DATE."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("created-before"),
                      QStringLiteral("Tokens created before DATE."), QStringLiteral("DATE")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Only show how many tokens match and the first of them.")});
    parser.addOption(
        {QStringLiteral("yes"), QStringLiteral("Revoke without asking (needed when stdin is "
                                               "not a terminal).")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    // Everything is checked before the store is opened: bad input changes nothing.
    auto filter = filterOptions(parser);
    if (!filter)
        return filter.error();
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    const bool yes = parser.isSet(QStringLiteral("yes"));
    if (!dryRun && !yes && !PassphraseSource::stdinIsTerminal())
        return Error::invalid(QStringLiteral("token revoke-matching asks before revoking, and "
                                             "stdin is not a terminal: add --yes, or --dry-run "
                                             "to see what would go."));

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    const Output output(parser.json());
    const qint64 now = engine.clock().nowSeconds();

    if (dryRun || !yes) {
        auto preview = engine.revokeByFilter().preview(StoreSession::caller(), *filter);
        if (!preview)
            return preview.error();
        if (dryRun) {
            output.document(previewJson(*preview, now));
            printPreview(*preview, now, output);
            return 0;
        }
        printPreview(*preview, now, Output(false));
        if (preview->matched == 0)
            return 0;
        if (!confirmedAtPrompt(preview->total)) {
            Output::writeStderr(QStringLiteral("Nothing revoked.\n"));
            return kExitRefused;
        }
    }

    auto revoked = engine.revokeByFilter().revoke(StoreSession::caller(), *filter);
    if (!revoked)
        return revoked.error();
    output.document(
        QJsonObject{{QStringLiteral("matched"), revoked->matched},
                    {QStringLiteral("count"), revoked->accessors.size()},
                    {QStringLiteral("revoked"), QJsonArray::fromStringList(revoked->accessors)}});
    output.line(revoked->matched == 0
                    ? QStringLiteral("Nothing to revoke: no token matches.")
                    : QStringLiteral("Revoked %1: %2 matched, with their children.")
                          .arg(tokensText(revoked->accessors.size()))
                          .arg(revoked->matched));
    return 0;
}

} // namespace

void addTokenRevokeMatchingCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("token"), QStringLiteral("revoke-matching"),
                     QStringLiteral("Revoke every token of a patron, role, issuer or period."),
                     revokeMatching});
}

} // namespace tessera::cli
