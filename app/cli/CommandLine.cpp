#include "CommandLine.h"

#include "Commands.h"
#include "Output.h"

#include <QCoreApplication>

namespace tessera::cli {
namespace {

bool isHelp(const QString& word)
{
    return word == QLatin1String("--help") || word == QLatin1String("-h") ||
           word == QLatin1String("help") || word == QLatin1String("-help");
}

bool isVersion(const QString& word)
{
    return word == QLatin1String("--version") || word == QLatin1String("-version") ||
           word == QLatin1String("version");
}

int exitCodeOf(const Result<int>& result)
{
    return result ? *result : Output::fail(result.error());
}

} // namespace

CommandLine standardCommandLine()
{
    CommandLine commandLine;
    addInitCommand(commandLine);
    addTokenCommands(commandLine);
    addTokenRevokeMatchingCommand(commandLine);
    addTokenBatchCommand(commandLine);
    addPolicyCommands(commandLine);
    addRoleCommands(commandLine);
    addUserCommands(commandLine);
    addUserTotpCommands(commandLine);
    addUserKeyCommands(commandLine);
    addUserImportCommand(commandLine);
    addAuditCommands(commandLine);
    addStoreCommands(commandLine);
    addDemoCommand(commandLine);
    addServeCommand(commandLine);
    return commandLine;
}

void CommandLine::add(Command command)
{
    m_commands.append(std::move(command));
}

void CommandLine::add(ActionCommand command)
{
    Command dispatch{command.group, command.verb, command.summary, {}};
    dispatch.run = [command = std::move(command)](const QStringList& arguments) {
        return command.run(arguments);
    };
    add(std::move(dispatch));
}

const Command* CommandLine::find(const QString& group, const QString& verb) const
{
    for (const Command& command : m_commands) {
        if (command.group == group && command.verb == verb)
            return &command;
    }
    return nullptr;
}

bool CommandLine::hasGroup(const QString& group) const
{
    return std::any_of(m_commands.cbegin(), m_commands.cend(),
                       [&group](const Command& command) { return command.group == group; });
}

QString CommandLine::overview(const QString& group) const
{
    QString text =
        group.isEmpty()
            ? QStringLiteral("Usage: tessera-cli <command> [options]\n\n"
                             "Issue, inspect and revoke Tessera access tokens in an "
                             "encrypted store.\n\nCommands:\n")
            : QStringLiteral("Usage: tessera-cli %1 <verb> [options]\n\nCommands:\n").arg(group);
    qsizetype width = 0;
    for (const Command& command : m_commands)
        width = std::max(width, (command.group + QLatin1Char(' ') + command.verb).size());
    for (const Command& command : m_commands) {
        if (!group.isEmpty() && command.group != group)
            continue;
        const QString words = (command.group + QLatin1Char(' ') + command.verb).trimmed();
        text += QStringLiteral("  %1  %2\n").arg(words.leftJustified(width), command.summary);
    }
    text += QStringLiteral("\nRun tessera-cli <command> --help for its options.\n"
                           "Exit codes: 0 ok, 1 usage error, 2 refused, 3 internal failure.\n");
    return text;
}

QString ActionCommand::help() const
{
    QStringList names;
    qsizetype width = 0;
    for (const Action& action : actions) {
        names.append(action.word);
        width = std::max(width, action.word.size());
    }
    const QString words = group + QLatin1Char(' ') + verb;
    QString text = QStringLiteral("Usage: tessera-cli %1 <%2> %3 [options]\n\n")
                       .arg(words, names.join(QLatin1Char('|')), operands);
    for (const Action& action : actions)
        text += QStringLiteral("  %1  %2\n").arg(action.word.leftJustified(width), action.summary);
    text += QLatin1Char('\n');
    if (!note.isEmpty())
        text += note + QLatin1Char('\n');
    return text +
           QStringLiteral("Run tessera-cli %1 <action> --help for its options.\n").arg(words);
}

Result<int> ActionCommand::run(const QStringList& arguments) const
{
    const QString word = arguments.value(0);
    for (const Action& action : actions) {
        if (action.word == word)
            return action.run(arguments.mid(1));
    }
    if (isHelp(word)) {
        Output::writeStdout(help().toUtf8());
        return 0;
    }
    const QString list =
        QStringLiteral("run tessera-cli %1 %2 --help for the list.").arg(group, verb);
    if (word.isEmpty())
        return Output::usageError(QStringLiteral("No action given; %1").arg(list));
    return Output::usageError(QStringLiteral("There is no action '%1'; %2").arg(word, list));
}

int CommandLine::run(const QStringList& arguments) const
{
    const QString group = arguments.value(1);
    if (group.isEmpty())
        return Output::usageError(
            QStringLiteral("No command given; run tessera-cli --help for the list."));
    if (isHelp(group)) {
        Output::writeStdout(overview().toUtf8());
        return 0;
    }
    if (isVersion(group)) {
        Output::writeStdout(QStringLiteral("tessera-cli %1\n")
                                .arg(QCoreApplication::applicationVersion())
                                .toUtf8());
        return 0;
    }
    if (const Command* single = find(group, {}))
        return exitCodeOf(single->run(arguments.mid(2)));
    if (!hasGroup(group)) {
        return Output::usageError(
            QStringLiteral("There is no command '%1'; run tessera-cli --help for the list.")
                .arg(group));
    }

    const QString verb = arguments.value(2);
    if (verb.isEmpty()) {
        Output::writeStderr(overview(group));
        return 1;
    }
    if (isHelp(verb)) {
        Output::writeStdout(overview(group).toUtf8());
        return 0;
    }
    if (const Command* command = find(group, verb))
        return exitCodeOf(command->run(arguments.mid(3)));
    return Output::usageError(
        QStringLiteral("There is no command '%1 %2'; run tessera-cli %1 --help for the list.")
            .arg(group, verb));
}

} // namespace tessera::cli
