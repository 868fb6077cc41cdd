#include "SubcommandParser.h"

#include "Output.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

namespace tessera::cli {

QString defaultStorePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/tessera.store");
}

namespace {

QString displayedDefaultPath()
{
    QString path = defaultStorePath();
    const QString home = QDir::homePath();
    if (path.startsWith(home + QLatin1Char('/')))
        path.replace(0, home.size(), QStringLiteral("~"));
    return path;
}

} // namespace

SubcommandParser::SubcommandParser(const QString& command, const QString& description)
    : m_command(command)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addOption({{QStringLiteral("h"), QStringLiteral("help")},
                        QStringLiteral("Show this help and exit.")});
    m_parser.addOption({QStringLiteral("version"), QStringLiteral("Show the version and exit.")});
}

void SubcommandParser::addStoreOptions()
{
    m_parser.addOption({QStringLiteral("store"),
                        QStringLiteral("The store file (default: %1).").arg(displayedDefaultPath()),
                        QStringLiteral("FILE")});
    m_parser.addOption({QStringLiteral("passphrase-file"),
                        QStringLiteral("Read the store passphrase from the first line of FILE "
                                       "(else $TESSERA_PASSPHRASE, else a prompt)."),
                        QStringLiteral("FILE")});
}

void SubcommandParser::addJsonOption()
{
    m_parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
    m_hasJson = true;
}

void SubcommandParser::addOption(const QCommandLineOption& option)
{
    m_parser.addOption(option);
}

void SubcommandParser::addPositional(const QString& name, const QString& description,
                                     const QString& syntax)
{
    m_parser.addPositionalArgument(name, description, syntax);
    m_positionalSyntax << (syntax.isEmpty() ? name : syntax);
}

QString SubcommandParser::storePath() const
{
    const QString given = m_parser.value(QStringLiteral("store"));
    return given.isEmpty() ? defaultStorePath() : given;
}

QString SubcommandParser::helpText() const
{
    // QCommandLineParser writes its usage line with argv[0] and without the
    // subcommand; replace it with the line a user can copy.
    QString text = m_parser.helpText();
    const qsizetype firstNewline = text.indexOf(QLatin1Char('\n'));
    QString usage = QStringLiteral("Usage: tessera-cli %1 [options]").arg(m_command);
    if (!m_positionalSyntax.isEmpty())
        usage += QLatin1Char(' ') + m_positionalSyntax.join(QLatin1Char(' '));
    return usage + QLatin1Char('\n') + text.mid(firstNewline);
}

std::optional<int> SubcommandParser::parse(const QStringList& arguments, int minPositionals,
                                           int maxPositionals)
{
    const QString seeHelp = QStringLiteral("see tessera-cli %1 --help.").arg(m_command);
    if (!m_parser.parse(QStringList{QStringLiteral("tessera-cli")} + arguments)) {
        QString reason = m_parser.errorText();
        if (reason.endsWith(QLatin1Char('.')))
            reason.chop(1);
        return Output::usageError(QStringLiteral("%1; %2").arg(reason, seeHelp));
    }
    if (m_parser.isSet(QStringLiteral("help"))) {
        Output::writeStdout(helpText().toUtf8());
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        Output::writeStdout(QStringLiteral("tessera-cli %1\n")
                                .arg(QCoreApplication::applicationVersion())
                                .toUtf8());
        return 0;
    }
    const qsizetype count = m_parser.positionalArguments().size();
    if (count < minPositionals) {
        return Output::usageError(
            QStringLiteral("'%1' needs %2; %3")
                .arg(m_command, m_positionalSyntax.join(QLatin1Char(' ')), seeHelp));
    }
    // The surplus is not echoed: it may be a token pasted by mistake.
    if (maxPositionals >= 0 && count > maxPositionals)
        return Output::usageError(
            QStringLiteral("Too many arguments for '%1'; %2").arg(m_command, seeHelp));
    return std::nullopt;
}

} // namespace tessera::cli
