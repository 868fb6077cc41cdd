#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace tessera::cli {

// One `tessera-cli <group> <verb>` command. Single-word commands (init, demo)
// have an empty verb. The handler gets the arguments after the command words
// and returns the exit code, or an Error that the command line prints as one
// sentence on stderr and maps to its exit code (core/Error.cpp).
struct Command
{
    QString group;
    QString verb;
    QString summary;
    std::function<Result<int>(const QStringList& arguments)> run;
};

// A command whose first argument picks an action (`user totp enable NAME`,
// `user key list NAME`): run() calls the action with the arguments after its
// word and answers --help with the list of actions.
struct ActionCommand
{
    struct Action
    {
        QString word;
        QString summary;
        std::function<Result<int>(const QStringList& arguments)> run;
    };

    QString group;    // "user"
    QString verb;     // "totp"
    QString summary;  // for tessera-cli --help
    QString operands; // for the usage line: "NAME"
    QList<Action> actions;
    QString note = {}; // a line of --help after the actions

    Result<int> run(const QStringList& arguments) const;
    QString help() const;
};

// Maps the first one or two words of the command line to a command and lists
// the commands for --help.
class CommandLine
{
public:
    void add(Command command);
    void add(ActionCommand command);
    // `arguments` as QCoreApplication::arguments() gives them (argv[0] first).
    int run(const QStringList& arguments) const;

private:
    const Command* find(const QString& group, const QString& verb) const;
    bool hasGroup(const QString& group) const;
    QString overview(const QString& group = {}) const;

    QList<Command> m_commands;
};

// Every command of tessera-cli.
CommandLine standardCommandLine();

} // namespace tessera::cli
