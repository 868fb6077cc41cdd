// tessera-cli user totp enable|disable NAME: a user's TOTP second factor
// (docs/ARCHITECTURE.md, «Second factors»). `user login` asks for the code.
#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/TokenEngine.h"

#include <QJsonObject>

namespace tessera::cli {
namespace {

// What both actions take: the store and the user's name.
void addTotpArguments(SubcommandParser& parser)
{
    parser.addStoreOptions();
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
}

// The CLI has no screen to show a QR code on and wait for a code, so its
// enrolment is active at once, as Vault's admin-generate is: the owner hands
// the secret (or the URI, as a QR code) to the user. The console's enrolment
// waits for one valid code instead.
Result<int> enable(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user totp enable"),
        QStringLiteral("Switch TOTP on for a user: print the secret and the otpauth:// URI for "
                       "their authenticator app, once (they are never shown again). From the next "
                       "sign-in on, the user needs a code as well as the password."));
    addTotpArguments(parser);
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    const QString name = parser.positionals().constFirst();
    auto enrolled =
        (*session)->engine().secondFactors().enableTotp(StoreSession::caller(), name, true);
    if (!enrolled)
        return enrolled.error();
    const Output output(parser.json());
    output.document(QJsonObject{{QStringLiteral("secret"), enrolled->secret},
                                {QStringLiteral("otpauth_url"), enrolled->otpauthUrl}});
    output.line(QStringLiteral("TOTP is on for %1. Put this in their authenticator app now; it "
                               "is not shown again.")
                    .arg(name));
    output.table({{QStringLiteral("secret"), enrolled->secret},
                  {QStringLiteral("otpauth_url"), enrolled->otpauthUrl}});
    return 0;
}

Result<int> disable(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user totp disable"),
        QStringLiteral("Switch TOTP off for a user: the password alone signs in again (for a "
                       "lost phone: disable, then enable a new secret)."));
    addTotpArguments(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    const QString name = parser.positionals().constFirst();
    TESSERA_TRY((*session)->engine().secondFactors().disableTotp(StoreSession::caller(), name));
    Output(false).line(QStringLiteral("TOTP is off for %1.").arg(name));
    return 0;
}

} // namespace

void addUserTotpCommands(CommandLine& commandLine)
{
    commandLine.add(ActionCommand{
        QStringLiteral("user"),
        QStringLiteral("totp"),
        QStringLiteral("Switch a user's TOTP second factor on or off."),
        QStringLiteral("NAME"),
        {{QStringLiteral("enable"),
          QStringLiteral("Switch TOTP on for a user; prints the secret and URI once."), enable},
         {QStringLiteral("disable"), QStringLiteral("Switch TOTP off for a user."), disable}}});
}

} // namespace tessera::cli
