#include "CommandLine.h"
#include "Commands.h"
#include "NamedObjectCommands.h"
#include "OptionValues.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenView.h"
#include "engine/Duration.h"
#include "engine/User.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

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

// The user's settings in Vault's field names; engine::User::fromJson parses and
// validates them, as it does for the API.
Result<QJsonObject> userFields(const QCommandLineParser& qt)
{
    QJsonObject fields;
    fields.insert(QStringLiteral("token_policies"),
                  QJsonArray::fromStringList(listOption(qt, QStringLiteral("policies"))));
    fields.insert(QStringLiteral("token_no_default_policy"),
                  qt.isSet(QStringLiteral("no-default-policy")));
    const QList<QPair<QString, QString>> durations{
        {QStringLiteral("ttl"), QStringLiteral("token_ttl")},
        {QStringLiteral("max-ttl"), QStringLiteral("token_max_ttl")},
        {QStringLiteral("period"), QStringLiteral("token_period")},
    };
    for (const auto& [option, field] : durations) {
        qint64 seconds = 0;
        TESSERA_TRY(assign(seconds, durationOption(qt, option)));
        fields.insert(field, seconds);
    }
    int uses = 0;
    TESSERA_TRY(assign(uses, countOption(qt, QStringLiteral("uses"))));
    fields.insert(QStringLiteral("token_num_uses"), uses);
    return fields;
}

Result<int> writeUser(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user write"),
        QStringLiteral("Create a user who logs in with a password, or replace a user's settings. "
                       "A new user needs a password; an existing one keeps theirs unless "
                       "--password-file or $TESSERA_USER_PASSWORD gives a new one."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("policies"),
                      QStringLiteral("Policies of the user's tokens (comma-separated)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("ttl"), QStringLiteral("TTL of the user's tokens."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("max-ttl"),
                      QStringLiteral("Lifetime limit of the user's tokens."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("period"), QStringLiteral("Give the user periodic tokens."),
                      QStringLiteral("DURATION")});
    parser.addOption({QStringLiteral("uses"), QStringLiteral("Use limit of the user's tokens."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("no-default-policy"),
                      QStringLiteral("Tokens without the default policy.")});
    addPasswordFileOption(parser);
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    auto fields = userFields(parser.qt());
    if (!fields)
        return fields.error();
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
    const Output output(parser.json());
    QJsonObject json = user->toJson();
    json.insert(QStringLiteral("name"), user->name);
    json.insert(QStringLiteral("failed_logins"), user->failedLogins);
    json.insert(QStringLiteral("locked_until"),
                user->lockedUntil > 0 ? QJsonValue(timeText(user->lockedUntil)) : QJsonValue());
    output.document(json);
    const auto duration = [](qint64 seconds) {
        return seconds > 0 ? engine::formatDuration(seconds) : QStringLiteral("not set");
    };
    QList<QPair<QString, QString>> rows{
        {QStringLiteral("name"), user->name},
        {QStringLiteral("policies"), user->policies.join(QStringLiteral(", "))},
        {QStringLiteral("ttl"), duration(user->ttl)},
        {QStringLiteral("max ttl"), duration(user->maxTtl)},
        {QStringLiteral("period"), duration(user->period)},
        {QStringLiteral("uses"),
         user->numUses > 0 ? QString::number(user->numUses) : QStringLiteral("unlimited")},
        {QStringLiteral("failed logins"), QString::number(user->failedLogins)},
    };
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
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto password = PassphraseSource::read(passwordSource(parser, name, false));
    if (!password)
        return password.error();
    engine::TokenEngine& engine = (*session)->engine();
    auto created =
        engine.userpass().login(name, QString::fromUtf8(password->view()), QStringLiteral("cli"));
    if (!created)
        return created.error();
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
