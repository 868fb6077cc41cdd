#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/PassphraseChange.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace tessera::cli {
namespace {

Result<int> rekeyStore(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("store rekey"),
        QStringLiteral("Change the store's passphrase (the file is re-encrypted)."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("new-passphrase-file"),
                      QStringLiteral("Read the new passphrase from the first line of FILE "
                                     "(else $TESSERA_NEW_PASSPHRASE, else a prompt, twice)."),
                      QStringLiteral("FILE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto newPassphrase = PassphraseSource::read(
        {QStringLiteral("new passphrase"), parser.value(QStringLiteral("new-passphrase-file")),
         QStringLiteral("--new-passphrase-file"), QStringLiteral("TESSERA_NEW_PASSPHRASE"), true});
    if (!newPassphrase)
        return newPassphrase.error();
    // As the console does: another process's moment with the store open is
    // waited out (PassphraseChange), not reported as a failure at once.
    TESSERA_TRY(engine::PassphraseChange((*session)->engine(), StoreSession::caller())
                    .rekey(std::move(*newPassphrase)));
    Output(false).line(
        QStringLiteral("The store %1 now opens with the new passphrase.").arg(parser.storePath()));
    return 0;
}

Result<int> backupStore(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("store backup"),
        QStringLiteral("Copy the live store to FILE, under the same passphrase."));
    parser.addStoreOptions();
    parser.addPositional(QStringLiteral("file"),
                         QStringLiteral("Where to write the copy; must not exist."),
                         QStringLiteral("FILE"));
    if (auto exit = parser.parse(arguments, 1, 1))
        return *exit;
    const QString target = parser.positionals().constFirst();
    // Checked before the passphrase is asked for; the store refuses too.
    if (QFileInfo::exists(target)) {
        return Error{
            ErrorCode::Conflict,
            QStringLiteral("%1 already exists; a backup never overwrites a file.").arg(target)};
    }
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    TESSERA_TRY((*session)->engine().admin().backupTo(StoreSession::caller(), target));
    Output(false).line(QStringLiteral("Backed up the store to %1.").arg(target));
    return 0;
}

Result<int> checkStore(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("store check"),
                            QStringLiteral("Read every page of the store and check its integrity "
                                           "(exit 0 healthy, 2 not)."));
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto problems = (*session)->engine().admin().checkStore(StoreSession::caller());
    if (!problems)
        return problems.error();
    const Output output(parser.json());
    output.document(
        QJsonObject{{QStringLiteral("healthy"), problems->isEmpty()},
                    {QStringLiteral("problems"), QJsonArray::fromStringList(*problems)}});
    if (problems->isEmpty()) {
        output.line(QStringLiteral("The store is healthy."));
        return kExitOk;
    }
    Output::writeStderr(QStringLiteral("tessera-cli: The store has %1 integrity problem(s):\n")
                            .arg(problems->size()));
    for (const QString& problem : *problems)
        Output::writeStderr(QStringLiteral("  %1\n").arg(problem));
    return kExitRefused;
}

Result<int> printStorePath(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("store path"),
                            QStringLiteral("Print the path of the store file (the default unless "
                                           "--store is given), without opening it."));
    parser.addOption(
        {QStringLiteral("store"), QStringLiteral("The store file."), QStringLiteral("file")});
    if (const auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    Output(false).line(parser.storePath());
    return kExitOk;
}

} // namespace

void addStoreCommands(CommandLine& commandLine)
{
    const QString group = QStringLiteral("store");
    commandLine.add(
        {group, QStringLiteral("rekey"), QStringLiteral("Change the passphrase."), rekeyStore});
    commandLine.add(
        {group, QStringLiteral("backup"), QStringLiteral("Write a consistent copy."), backupStore});
    commandLine.add({group, QStringLiteral("check"), QStringLiteral("Check the store's integrity."),
                     checkStore});
    commandLine.add({group, QStringLiteral("path"), QStringLiteral("Print the store file's path."),
                     printStorePath});
}

} // namespace tessera::cli
