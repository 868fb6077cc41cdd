#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <optional>

namespace tessera::cli {

// One QCommandLineParser per subcommand ("token create"), with the options every
// command shares: --help, --version and, where they apply, --store,
// --passphrase-file and --json. parse() answers --help and --version itself and
// turns a bad command line into a one-sentence error with exit code 1.
class SubcommandParser
{
public:
    SubcommandParser(const QString& command, const QString& description);

    void addStoreOptions(); // --store FILE, --passphrase-file FILE
    void addJsonOption();   // --json
    void addOption(const QCommandLineOption& option);
    void addPositional(const QString& name, const QString& description, const QString& syntax = {});

    // nullopt: go on with the command; otherwise the exit code to return now.
    // `arguments` are those after the command's own words.
    std::optional<int> parse(const QStringList& arguments, int minPositionals, int maxPositionals);

    bool isSet(const QString& name) const { return m_parser.isSet(name); }
    QString value(const QString& name) const { return m_parser.value(name); }
    QStringList values(const QString& name) const { return m_parser.values(name); }
    QStringList positionals() const { return m_parser.positionalArguments(); }
    const QCommandLineParser& qt() const { return m_parser; }

    QString storePath() const;
    QString passphraseFile() const { return m_parser.value(QStringLiteral("passphrase-file")); }
    bool json() const { return m_hasJson && m_parser.isSet(QStringLiteral("json")); }

    QString helpText() const;
    QString command() const { return m_command; }

private:
    QString m_command;
    QStringList m_positionalSyntax;
    QCommandLineParser m_parser;
    bool m_hasJson = false;
};

// The store the GUI and the CLI share when --store is not given:
// <AppDataLocation>/tessera.store.
QString defaultStorePath();

} // namespace tessera::cli
