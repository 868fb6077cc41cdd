#include "CommandLine.h"
#include "Commands.h"
#include "NamedObjectCommands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

// Policies are small; anything larger is a mistake (a binary, a log file).
constexpr qint64 kMaxPolicyBytes = 1024 * 1024;

Result<QString> readPolicyDocument(const QString& source)
{
    QFile file(source);
    const bool opened = source == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                     : file.open(QIODevice::ReadOnly);
    if (!opened)
        return Error::invalid(QStringLiteral("Cannot read the policy file %1.").arg(source));
    const QByteArray bytes = file.read(kMaxPolicyBytes + 1);
    if (bytes.size() > kMaxPolicyBytes)
        return Error::invalid(
            QStringLiteral("The policy file %1 is larger than 1 MiB.").arg(source));
    return QString::fromUtf8(bytes);
}

Result<int> writePolicy(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("policy write"),
                            QStringLiteral("Create or replace a policy from Vault HCL or JSON."));
    parser.addStoreOptions();
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The policy's name."),
                         QStringLiteral("NAME"));
    parser.addPositional(QStringLiteral("file"),
                         QStringLiteral("The policy document, or - for stdin."),
                         QStringLiteral("FILE|-"));
    if (auto exit = parser.parse(arguments, 2, 2))
        return *exit;
    const QString name = parser.positionals().at(0);
    auto document = readPolicyDocument(parser.positionals().at(1));
    if (!document)
        return document.error();
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    TESSERA_TRY((*session)->engine().admin().putPolicy(StoreSession::caller(), name, *document));
    Output(false).line(QStringLiteral("Wrote the policy %1.").arg(name));
    return 0;
}

Result<int> readPolicy(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("policy read"),
                            QStringLiteral("Print a policy's document."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addPositional(QStringLiteral("name"), QStringLiteral("The policy's name."),
                         QStringLiteral("NAME"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString name = parser.positionals().at(0);
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto document = (*session)->engine().admin().policy(StoreSession::caller(), name);
    if (!document)
        return document.error();
    const Output output(parser.json());
    output.document(
        QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("policy"), *document}});
    if (!output.isJson())
        Output::writeStdout(
            (document->endsWith(QLatin1Char('\n')) ? *document : *document + QLatin1Char('\n'))
                .toUtf8());
    return 0;
}

const NamedObjectKind& policyKind()
{
    static const NamedObjectKind kind{
        QStringLiteral("policy"), QStringLiteral("policy"),
        [](engine::TokenEngine& engine, const engine::Caller& caller) {
            return engine.admin().policyNames(caller);
        },
        [](engine::TokenEngine& engine, const engine::Caller& caller, const QString& name) {
            return engine.admin().deletePolicy(caller, name);
        }};
    return kind;
}

Result<int> listPolicies(const QStringList& arguments)
{
    return listNamedObjects(policyKind(), QStringLiteral("List the policies."), arguments);
}

Result<int> deletePolicy(const QStringList& arguments)
{
    return deleteNamedObject(policyKind(), QStringLiteral("Delete a policy."), arguments);
}

} // namespace

void addPolicyCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("policy");
    commandLine.add({group, QStringLiteral("write"), QStringLiteral("Create or replace a policy."),
                     writePolicy});
    commandLine.add({group, QStringLiteral("read"), QStringLiteral("Print a policy."), readPolicy});
    commandLine.add(
        {group, QStringLiteral("list"), QStringLiteral("List policies."), listPolicies});
    commandLine.add(
        {group, QStringLiteral("delete"), QStringLiteral("Delete a policy."), deletePolicy});
}

} // namespace tessera::cli
