#include "NamedObjectCommands.h"

#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"

#include <QJsonArray>

namespace tessera::cli {

Result<int> listNamedObjects(const NamedObjectKind& kind, const QString& help,
                             const QStringList& arguments)
{
    SubcommandParser parser(kind.group + QStringLiteral(" list"), help);
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto names = kind.names((*session)->engine(), StoreSession::caller());
    if (!names)
        return names.error();
    const Output output(parser.json());
    output.document(QJsonArray::fromStringList(*names));
    for (const QString& name : *names)
        output.line(name);
    return 0;
}

Result<int> deleteNamedObject(const NamedObjectKind& kind, const QString& help,
                              const QStringList& arguments)
{
    SubcommandParser parser(kind.group + QStringLiteral(" delete"), help);
    parser.addStoreOptions();
    parser.addPositional(QStringLiteral("name"),
                         QStringLiteral("The %1's name.").arg(kind.description),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().constFirst();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    TESSERA_TRY(kind.remove((*session)->engine(), StoreSession::caller(), name));
    Output(false).line(QStringLiteral("Deleted the %1 %2.").arg(kind.description, name));
    return 0;
}

} // namespace tessera::cli
