#include "PassphraseSource.h"

#include <QFile>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace tessera::cli {
namespace {

constexpr qsizetype kMaxSecretBytes = 4096;

// The terminal state to put back if Ctrl-C arrives while echo is off; a shell
// left without echo is the classic bug of hand-rolled password prompts.
termios g_savedTerminal{};

extern "C" void restoreTerminalAndReraise(int signalNumber)
{
    tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal); // async-signal-safe
    std::signal(signalNumber, SIG_DFL);
    std::raise(signalNumber);
}

class EchoOff
{
public:
    EchoOff()
    {
        if (tcgetattr(STDIN_FILENO, &g_savedTerminal) != 0)
            return;
        termios quiet = g_savedTerminal;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        struct sigaction action
        {};
        action.sa_handler = restoreTerminalAndReraise;
        sigemptyset(&action.sa_mask);
        for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP})
            sigaction(signalNumber, &action, nullptr);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        for (const int signalNumber : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP})
            std::signal(signalNumber, SIG_DFL);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    bool m_active = false;
};

// read(2) byte by byte rather than stdio, so no copy of the secret stays behind
// in a FILE buffer we cannot wipe.
Result<SecretBytes> readLineFromStdin()
{
    QByteArray line;
    line.reserve(kMaxSecretBytes);
    char byte = 0;
    bool sawAnything = false;
    while (::read(STDIN_FILENO, &byte, 1) == 1) {
        sawAnything = true;
        if (byte == '\n')
            break;
        if (line.size() == kMaxSecretBytes) {
            SecretBytes discard(std::move(line));
            return Error::invalid(
                QStringLiteral("The input is longer than %1 bytes.").arg(kMaxSecretBytes));
        }
        line.append(byte);
    }
    byte = 0;
    if (!sawAnything)
        return Error::invalid(QStringLiteral("Nothing was entered."));
    if (line.endsWith('\r'))
        line.chop(1);
    return SecretBytes(std::move(line));
}

Status requireNonEmpty(const SecretBytes& secret, const QString& noun)
{
    if (secret.isEmpty())
        return Error::invalid(QStringLiteral("The %1 is empty.").arg(noun));
    return {};
}

} // namespace

bool PassphraseSource::stdinIsTerminal()
{
    return ::isatty(STDIN_FILENO) == 1;
}

Result<SecretBytes> PassphraseSource::fromFile(const QString& path, const QString& noun)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("Cannot read the %1 file %2.").arg(noun, path));
    const SecretBytes content(file.read(kMaxSecretBytes + 2));
    const QByteArrayView all = content.view();
    const qsizetype newline = all.indexOf('\n');
    QByteArrayView first = newline >= 0 ? all.first(newline) : all;
    if (first.endsWith('\r'))
        first.chop(1);
    if (first.size() > kMaxSecretBytes)
        return Error::invalid(
            QStringLiteral("The %1 file %2 has a first line longer than %3 bytes.")
                .arg(noun, path)
                .arg(kMaxSecretBytes));
    SecretBytes secret(first.toByteArray());
    if (secret.isEmpty())
        return Error::invalid(
            QStringLiteral("The %1 file %2 starts with an empty line.").arg(noun, path));
    return secret;
}

Result<SecretBytes> PassphraseSource::prompt(const QString& question)
{
    const QByteArray text = question.toUtf8();
    std::fwrite(text.constData(), 1, static_cast<size_t>(text.size()), stderr);
    std::fflush(stderr);
    const EchoOff echoOff;
    return readLineFromStdin();
}

Result<SecretBytes> PassphraseSource::read(const SecretSource& source)
{
    if (!source.file.isEmpty())
        return fromFile(source.file, source.noun);

    if (!source.envVariable.isEmpty()) {
        const QByteArray name = source.envVariable.toLatin1();
        if (qEnvironmentVariableIsSet(name.constData())) {
            SecretBytes secret(qgetenv(name.constData()));
            TESSERA_TRY(requireNonEmpty(secret, source.noun));
            return secret;
        }
    }

    if (!stdinIsTerminal()) {
        return Error::invalid(
            QStringLiteral("No %1 given and stdin is not a terminal; use %2 or set %3.")
                .arg(source.noun, source.fileOption, source.envVariable));
    }

    auto first =
        prompt(QStringLiteral("%1: ").arg(source.noun.left(1).toUpper() + source.noun.mid(1)));
    if (!first)
        return first.error();
    TESSERA_TRY(requireNonEmpty(*first, source.noun));
    if (!source.confirm)
        return std::move(first).value();

    auto again = prompt(QStringLiteral("Repeat the %1: ").arg(source.noun));
    if (!again)
        return again.error();
    if (!(*first == *again))
        return Error::invalid(
            QStringLiteral("The two entries of the %1 do not match.").arg(source.noun));
    return std::move(first).value();
}

} // namespace tessera::cli
