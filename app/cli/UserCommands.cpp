#include "CommandLine.h"
#include "Commands.h"
#include "NamedObjectCommands.h"
#include "OptionValues.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenSettingsOptions.h"
#include "TokenView.h"
#include "core/DeskIdentity.h"
#include "engine/Totp.h"
#include "engine/User.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

using engine::CreatedToken;
using engine::SecondFactors;
using engine::Totp;

SecretSource passwordSource(const SubcommandParser& parser, const QString& name, bool confirm)
{
    return {QStringLiteral("password for %1").arg(name),
            parser.value(QStringLiteral("password-file")), QStringLiteral("--password-file"),
            QStringLiteral("TESSERA_USER_PASSWORD"), confirm};
}

void addPasswordFileOption(SubcommandParser& parser)
{
    parser.addOption({QStringLiteral("password-file"),
                      QStringLiteral("Read the user's password from the first line of FILE "
                                     "(else $TESSERA_USER_PASSWORD, else a prompt)."),
                      QStringLiteral("FILE")});
}

bool passwordGivenNonInteractively(const SubcommandParser& parser)
{
    return parser.isSet(QStringLiteral("password-file")) ||
           qEnvironmentVariableIsSet("TESSERA_USER_PASSWORD");
}

const TokenSettingsOptions kSettings(TokenSettingsOptions::For::User);
const QString kSecondFactorRequired = QStringLiteral("second-factor-required");
const QString kKeyUserVerification = QStringLiteral("key-user-verification");

QString badCodeMessage()
{
    return QStringLiteral("A TOTP code is the %1 digits the authenticator app shows.")
        .arg(Totp::kDigits);
}

Result<int> writeUser(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user write"),
        QStringLiteral("Create a user who logs in with a password, or replace a user's settings. "
                       "A new user needs a password; an existing one keeps theirs unless "
                       "--password-file or $TESSERA_USER_PASSWORD gives a new one."));
    parser.addStoreOptions();
    kSettings.addTo(parser);
    parser.addOption({kSecondFactorRequired,
                      QStringLiteral("Which second factor signing in needs after the password: "
                                     "%1 (a new user: none; an existing one keeps theirs).")
                          .arg(engine::SecondFactorRule::names().join(QStringLiteral(", "))),
                      QStringLiteral("KIND")});
    parser.addOption({kKeyUserVerification,
                      QStringLiteral("Whether the user's security keys must check a PIN or "
                                     "fingerprint at every sign-in: preferred or required (a new "
                                     "user: preferred; an existing one keeps theirs)."),
                      QStringLiteral("WHEN")});
    addPasswordFileOption(parser);
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    // engine::User::fromJson parses and validates them, as it does for the API.
    auto fields = kSettings.fields(parser.qt());
    if (!fields)
        return fields.error();
    if (parser.isSet(kSecondFactorRequired))
        fields->insert(QStringLiteral("second_factor_required"),
                       parser.value(kSecondFactorRequired));
    if (parser.isSet(kKeyUserVerification))
        fields->insert(QStringLiteral("webauthn_user_verification"),
                       parser.value(kKeyUserVerification));
    auto user = engine::User::fromJson(name, *fields);
    if (!user)
        return user.error();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto existing = engine.userpass().user(StoreSession::caller(), user->name);
    if (!existing && existing.error().code != ErrorCode::NotFound)
        return existing.error();
    // Like the password, the second-factor settings are kept unless given:
    // rewriting a user's policies must not drop them silently.
    if (existing && !parser.isSet(kSecondFactorRequired))
        user->secondFactorRequired = existing->secondFactorRequired;
    if (existing && !parser.isSet(kKeyUserVerification))
        user->keyUserVerification = existing->keyUserVerification;
    std::optional<QString> password;
    if (!existing || passwordGivenNonInteractively(parser)) {
        auto secret = PassphraseSource::read(passwordSource(parser, user->name, true));
        if (!secret)
            return secret.error();
        password = QString::fromUtf8(secret->view());
    }
    TESSERA_TRY(engine.userpass().putUser(StoreSession::caller(), *user, password));
    Output(false).line(QStringLiteral("Wrote the user %1.").arg(user->name));
    return 0;
}

Result<int> readUser(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("user read"), QStringLiteral("Show a user's settings."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto user = engine.userpass().user(StoreSession::caller(), parser.positionals().constFirst());
    if (!user)
        return user.error();
    auto factors = engine.secondFactors().factors(StoreSession::caller(), user->name);
    if (!factors)
        return factors.error();
    const QString totp = factors->totp == SecondFactors::State::Active ? QStringLiteral("on")
                         : factors->totp == SecondFactors::State::Pending
                             ? QStringLiteral("pending")
                             : QStringLiteral("off");
    const Output output(parser.json());
    QJsonObject json = user->toJson();
    json.insert(QStringLiteral("name"), user->name);
    json.insert(QStringLiteral("failed_logins"), user->failedLogins);
    json.insert(QStringLiteral("locked_until"),
                user->lockedUntil > 0 ? QJsonValue(timeText(user->lockedUntil)) : QJsonValue());
    json.insert(QStringLiteral("totp"), totp);
    json.insert(QStringLiteral("security_keys"), factors->securityKeys);
    output.document(json);
    QList<QPair<QString, QString>> rows{{QStringLiteral("name"), user->name}};
    rows += kSettings.rows(user->settings);
    rows.append({QStringLiteral("second factor required"),
                 engine::SecondFactorRule::name(user->secondFactorRequired)});
    rows.append({QStringLiteral("key user verification"),
                 engine::User::userVerificationName(user->keyUserVerification)});
    rows.append({QStringLiteral("totp"), totp});
    rows.append({QStringLiteral("security keys"), QString::number(factors->securityKeys)});
    rows.append({QStringLiteral("failed logins"), QString::number(user->failedLogins)});
    if (user->lockedUntil > engine.clock().nowSeconds())
        rows.append({QStringLiteral("locked until"), timeText(user->lockedUntil)});
    output.table(rows);
    return 0;
}

const NamedObjectKind& userKind()
{
    static const NamedObjectKind kind{
        QStringLiteral("user"), QStringLiteral("user"),
        [](engine::TokenEngine& engine, const engine::Caller& caller) {
            return engine.userpass().userNames(caller);
        },
        [](engine::TokenEngine& engine, const engine::Caller& caller, const QString& name) {
            return engine.userpass().deleteUser(caller, name);
        }};
    return kind;
}

Result<int> listUsers(const QStringList& arguments)
{
    return listNamedObjects(userKind(), QStringLiteral("List the users."), arguments);
}

Result<int> deleteUser(const QStringList& arguments)
{
    return deleteNamedObject(
        userKind(), QStringLiteral("Delete a user; their tokens stay until revoked or expired."),
        arguments);
}

Result<int> loginUser(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("user login"),
                            QStringLiteral("Log in as a user and print the token they receive."));
    parser.addStoreOptions();
    parser.addJsonOption();
    addPasswordFileOption(parser);
    parser.addOption(
        {QStringLiteral("token-only"), QStringLiteral("Print only the token, for scripts.")});
    parser.addOption({QStringLiteral("code"),
                      QStringLiteral("The code of the user's authenticator app, for a user with "
                                     "TOTP (else $TESSERA_TOTP_CODE, else a prompt when asked)."),
                      QStringLiteral("CODE")});
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    std::optional<QString> code;
    if (parser.isSet(QStringLiteral("code"))) {
        code = parser.value(QStringLiteral("code")).trimmed();
        if (!Totp::isWellFormed(*code))
            return Error::invalid(badCodeMessage());
    }
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto password = PassphraseSource::read(passwordSource(parser, name, false));
    if (!password)
        return password.error();
    engine::TokenEngine& engine = (*session)->engine();
    const QString client = DeskIdentity::client(QStringLiteral("cli"));
    auto signedIn =
        engine.userpass().signIn(name, QString::fromUtf8(password->view()), code, client);
    if (!signedIn)
        return signedIn.error();
    std::optional<CreatedToken> created = std::move(signedIn->token);
    if (signedIn->mfa) {
        // The password was right and the user has TOTP: the code is asked for
        // only now, so that nobody is asked for a code before the password.
        auto typed = PassphraseSource::read({QStringLiteral("TOTP code for %1").arg(name),
                                             {},
                                             QStringLiteral("--code"),
                                             QStringLiteral("TESSERA_TOTP_CODE"),
                                             false});
        if (!typed)
            return typed.error();
        const QString text = QString::fromUtf8(typed->view()).trimmed();
        if (!Totp::isWellFormed(text))
            return Error::invalid(badCodeMessage());
        auto validated = engine.userpass().validateMfa(signedIn->mfa->requestId, text, client);
        if (!validated)
            return validated.error();
        created = std::move(*validated);
    }
    printCreatedToken(*created, engine.clock().nowSeconds(), Output(parser.json()),
                      parser.isSet(QStringLiteral("token-only")));
    return 0;
}

} // namespace

void addUserCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("user");
    commandLine.add({group, QStringLiteral("write"),
                     QStringLiteral("Create a user or replace their settings."), writeUser});
    commandLine.add({group, QStringLiteral("read"), QStringLiteral("Show a user."), readUser});
    commandLine.add({group, QStringLiteral("list"), QStringLiteral("List users."), listUsers});
    commandLine.add(
        {group, QStringLiteral("delete"), QStringLiteral("Delete a user."), deleteUser});
    commandLine.add({group, QStringLiteral("login"),
                     QStringLiteral("Log in as a user; prints a token."), loginUser});
}

} // namespace tessera::cli
