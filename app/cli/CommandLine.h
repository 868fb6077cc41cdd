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

// Maps the first one or two words of the command line to a command and lists
// the commands for --help.
class CommandLine
{
public:
    void add(Command command);
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
