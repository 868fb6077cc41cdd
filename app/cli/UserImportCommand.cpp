// `user import FILE`: patrons from a CSV file (docs/ARCHITECTURE.md,
// «Importing patrons»), with a preview that names every bad line.
#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/PatronCsv.h"
#include "engine/TokenEngine.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

using engine::PatronImportPlan;

Result<QByteArray> readImportFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > engine::PatronCsv::kMaxBytes)
        return Error::invalid(QStringLiteral("%1 is larger than %2 MiB.")
                                  .arg(path)
                                  .arg(engine::PatronCsv::kMaxBytes / (1024 * 1024)));
    return file.readAll();
}

QJsonObject planJson(const PatronImportPlan& plan, bool written)
{
    QJsonArray problems;
    for (const auto& problem : plan.problems)
        problems.append(QJsonObject{{QStringLiteral("line"), problem.line},
                                    {QStringLiteral("reason"), problem.reason}});
    return {{QStringLiteral("create"), int(plan.toCreate.size())},
            {QStringLiteral("update"), int(plan.toUpdate.size())},
            {QStringLiteral("problems"), problems},
            {QStringLiteral("written"), written}};
}

void printPlan(const PatronImportPlan& plan, const Output& output)
{
    output.line(QStringLiteral("%1 new, %2 to update, %3 bad line(s).")
                    .arg(plan.toCreate.size())
                    .arg(plan.toUpdate.size())
                    .arg(plan.problems.size()));
    for (const auto& problem : plan.problems)
        output.line(problem.text());
}

Result<int> importUsers(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("user import"),
        QStringLiteral("Create or update userpass users from a CSV file of patrons with the "
                       "columns card_number, name, email, role and optionally metadata "
                       "(key=value;key=value). Nothing is written unless every line is good; "
                       "new patrons can sign in once a password is set for them."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("The CSV file (UTF-8)."));
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Only show what would be created or updated, and every bad "
                                     "line.")});
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    auto bytes = readImportFile(parser.positionals().first());
    if (!bytes)
        return bytes.error();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    const Output output(parser.json());

    auto preview = engine.patronImport().preview(StoreSession::caller(), *bytes);
    if (!preview)
        return preview.error();
    if (parser.isSet(QStringLiteral("dry-run")) || !preview->problems.isEmpty()) {
        output.document(planJson(*preview, false));
        printPlan(*preview, output);
        if (preview->problems.isEmpty())
            return kExitOk;
        Output::writeStderr(QStringLiteral("Nothing was imported: the file has bad lines.\n"));
        return kExitRefused;
    }

    auto imported = engine.patronImport().import(StoreSession::caller(), *bytes);
    if (!imported)
        return imported.error();
    output.document(planJson(*imported, true));
    output.line(QStringLiteral("Imported: %1 new, %2 updated.")
                    .arg(imported->toCreate.size())
                    .arg(imported->toUpdate.size()));
    return kExitOk;
}

} // namespace

void addUserImportCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("user"), QStringLiteral("import"),
                     QStringLiteral("Create or update patrons from a CSV file."), importUsers});
}

} // namespace tessera::cli
