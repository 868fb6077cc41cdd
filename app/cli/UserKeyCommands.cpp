// tessera-cli user key list|remove NAME: a user's security keys (WebAuthn;
// docs/ARCHITECTURE.md, «Second factors»). There is no `add`: registering a
// key is a ceremony between a browser and the key, so patrons add theirs on
// the gate's self-service page.
#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "TokenView.h"
#include "engine/CoseKey.h"
#include "engine/TokenEngine.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

using engine::CoseKey;
using engine::SecurityKey;

const QString kWhereKeysAreAdded =
    QStringLiteral("Keys are added on the gate's self-service page /gate/keys after signing in.");

void addNameArgument(SubcommandParser& parser)
{
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The user's name."),
                         QStringLiteral("NAME"));
}

QString algorithmName(qint64 algorithm)
{
    if (algorithm == CoseKey::kEs256)
        return QStringLiteral("ES256");
    if (algorithm == CoseKey::kEdDsa)
        return QStringLiteral("EdDSA");
    return QStringLiteral("COSE %1").arg(algorithm);
}

QJsonObject keyJson(const SecurityKey& key)
{
    return {{QStringLiteral("name"), key.label},
            {QStringLiteral("id"), key.id()},
            {QStringLiteral("algorithm"), algorithmName(key.algorithm)},
            {QStringLiteral("added"), timeText(key.createdAt)},
            {QStringLiteral("last_used"),
             key.lastUsedAt > 0 ? QJsonValue(timeText(key.lastUsedAt)) : QJsonValue()}};
}

QStringList keyCells(const SecurityKey& key)
{
    return {key.label, key.id(), algorithmName(key.algorithm), timeText(key.createdAt),
            key.lastUsedAt > 0 ? timeText(key.lastUsedAt) : QStringLiteral("never")};
}

Result<int> listKeys(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user key list"),
        QStringLiteral("List a user's security keys: name, id, algorithm, when added and when "
                       "last used to sign in. %1")
            .arg(kWhereKeysAreAdded));
    parser.addStoreOptions();
    parser.addJsonOption();
    addNameArgument(parser);
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    const QString name = parser.positionals().constFirst();
    auto keys = (*session)->engine().securityKeys().keys(StoreSession::caller(), name);
    if (!keys)
        return keys.error();
    const Output output(parser.json());
    QJsonArray json;
    QList<QStringList> rows;
    for (const SecurityKey& key : *keys) {
        json.append(keyJson(key));
        rows.append(keyCells(key));
    }
    output.document(json);
    if (keys->isEmpty()) {
        output.line(QStringLiteral("%1 has no security keys. %2").arg(name, kWhereKeysAreAdded));
        return 0;
    }
    output.columns({QStringLiteral("NAME"), QStringLiteral("ID"), QStringLiteral("ALGORITHM"),
                    QStringLiteral("ADDED"), QStringLiteral("LAST USED")},
                   rows);
    return 0;
}

Result<int> removeKey(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user key remove"),
        QStringLiteral("Remove one of a user's security keys (a lost key): it no longer signs "
                       "in. The other keys and the password stay."));
    parser.addStoreOptions();
    addNameArgument(parser);
    parser.addPositional(QStringLiteral("id"),
                         QStringLiteral("The key's id, as tessera-cli user key list shows it; "
                                        "after --, when it begins with -."),
                         QStringLiteral("ID"));
    if (auto exit = parser.parse(arguments, 2, 2))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    const QString name = parser.positionals().at(0);
    const QString id = parser.positionals().at(1);
    const Status removed =
        (*session)->engine().securityKeys().removeKey(StoreSession::caller(), name, id);
    if (!removed && removed.error().code == ErrorCode::NotFound)
        return Error::notFound(QStringLiteral("%1; tessera-cli user key list %2 shows the ids.")
                                   .arg(removed.error().message, name));
    TESSERA_TRY(removed);
    Output(false).line(QStringLiteral("Removed the security key %1 of %2.").arg(id, name));
    return 0;
}

} // namespace

void addUserKeyCommands(CommandLine& commandLine)
{
    commandLine.add(ActionCommand{
        QStringLiteral("user"),
        QStringLiteral("key"),
        QStringLiteral("List or remove a user's security keys."),
        QStringLiteral("NAME [ID]"),
        {{QStringLiteral("list"), QStringLiteral("List a user's security keys."), listKeys},
         {QStringLiteral("remove"),
          QStringLiteral("Remove one of a user's security keys by its id."), removeKey}},
        kWhereKeysAreAdded});
}

} // namespace tessera::cli
