#include "CommandLine.h"
#include "Commands.h"
#include "NamedObjectCommands.h"
#include "OptionValues.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenSettingsOptions.h"
#include "engine/Role.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

QString listOrNone(const QStringList& names)
{
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("yes") : QStringLiteral("no");
}

const TokenSettingsOptions kSettings(TokenSettingsOptions::For::Role);

// The role's fields in Vault's names, from the options given. Parsing and
// validation stay with engine::Role::fromJson, so the API and the CLI accept
// exactly the same roles.
Result<QJsonObject> roleFields(const QCommandLineParser& qt)
{
    auto fields = kSettings.fields(qt);
    TESSERA_TRY(fields);
    fields->insert(QStringLiteral("allowed_policies"),
                   QJsonArray::fromStringList(listOption(qt, QStringLiteral("allowed-policies"))));
    fields->insert(
        QStringLiteral("disallowed_policies"),
        QJsonArray::fromStringList(listOption(qt, QStringLiteral("disallowed-policies"))));
    fields->insert(QStringLiteral("orphan"), qt.isSet(QStringLiteral("orphan")));
    if (qt.isSet(QStringLiteral("path-suffix")))
        fields->insert(QStringLiteral("path_suffix"), qt.value(QStringLiteral("path-suffix")));
    std::optional<bool> renewable;
    TESSERA_TRY(assign(renewable, boolOption(qt, QStringLiteral("renewable"))));
    if (renewable)
        fields->insert(QStringLiteral("renewable"), *renewable);
    return fields;
}

Result<int> writeRole(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("role write"),
        QStringLiteral("Create or replace a role: a template desks issue tokens "
                       "from. The role gets exactly the settings given."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("allowed-policies"),
                      QStringLiteral("Policies tokens of this role may have (comma-separated)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("disallowed-policies"),
                      QStringLiteral("Policies they may never have (comma-separated)."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("orphan"), QStringLiteral("Issue orphan tokens.")});
    kSettings.addTo(parser);
    parser.addOption({QStringLiteral("renewable"), QStringLiteral("true (default) or false."),
                      QStringLiteral("BOOL")});
    parser.addOption({QStringLiteral("path-suffix"),
                      QStringLiteral("Appended to the creation path of issued tokens."),
                      QStringLiteral("TEXT")});
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The role's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    auto fields = roleFields(parser.qt());
    if (!fields)
        return fields.error();
    auto role = engine::Role::fromJson(name, *fields);
    if (!role)
        return role.error();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    TESSERA_TRY((*session)->engine().admin().putRole(StoreSession::caller(), *role));
    Output(false).line(QStringLiteral("Wrote the role %1.").arg(name));
    return 0;
}

Result<int> readRole(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("role read"), QStringLiteral("Show a role's settings."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The role's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto role = (*session)->engine().admin().role(StoreSession::caller(),
                                                  parser.positionals().constFirst());
    if (!role)
        return role.error();
    const Output output(parser.json());
    output.document(role->toJson());
    QList<QPair<QString, QString>> rows{
        {QStringLiteral("name"), role->name},
        {QStringLiteral("allowed policies"), listOrNone(role->allowedPolicies)},
        {QStringLiteral("disallowed policies"), listOrNone(role->disallowedPolicies)},
    };
    rows += kSettings.rows(role->settings);
    rows += {
        {QStringLiteral("orphan"), yesNo(role->orphan)},
        {QStringLiteral("renewable"), yesNo(role->renewable)},
        {QStringLiteral("path suffix"),
         role->pathSuffix.isEmpty() ? QStringLiteral("none") : role->pathSuffix},
    };
    output.table(rows);
    return 0;
}

const NamedObjectKind& roleKind()
{
    static const NamedObjectKind kind{
        QStringLiteral("role"), QStringLiteral("role"),
        [](engine::TokenEngine& engine, const engine::Caller& caller) {
            return engine.admin().roleNames(caller);
        },
        [](engine::TokenEngine& engine, const engine::Caller& caller, const QString& name) {
            return engine.admin().deleteRole(caller, name);
        }};
    return kind;
}

Result<int> listRoles(const QStringList& arguments)
{
    return listNamedObjects(roleKind(), QStringLiteral("List the roles."), arguments);
}

Result<int> deleteRole(const QStringList& arguments)
{
    return deleteNamedObject(roleKind(), QStringLiteral("Delete a role."), arguments);
}

} // namespace

void addRoleCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("role");
    commandLine.add(
        {group, QStringLiteral("write"), QStringLiteral("Create or replace a role."), writeRole});
    commandLine.add({group, QStringLiteral("read"), QStringLiteral("Show a role."), readRole});
    commandLine.add({group, QStringLiteral("list"), QStringLiteral("List roles."), listRoles});
    commandLine.add(
        {group, QStringLiteral("delete"), QStringLiteral("Delete a role."), deleteRole});
}

} // namespace tessera::cli
