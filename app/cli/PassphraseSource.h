#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"

#include <QString>

namespace tessera::cli {

// Where one secret (a store passphrase, a user's password) comes from, in order:
// a file named on the command line, an environment variable, then an
// interactive prompt with echo off when stdin is a terminal.
struct SecretSource
{
    QString noun;         // "passphrase", "new passphrase", "password for alice"
    QString file;         // value of the file option; empty when not given
    QString fileOption;   // "--passphrase-file", for messages
    QString envVariable;  // "TESSERA_PASSPHRASE"
    bool confirm = false; // a new secret: ask twice at the prompt

    // The store passphrase: --passphrase-file, $TESSERA_PASSPHRASE, a prompt.
    static SecretSource storePassphrase(const QString& file, bool confirm)
    {
        return {QStringLiteral("passphrase"), file, QStringLiteral("--passphrase-file"),
                QStringLiteral("TESSERA_PASSPHRASE"), confirm};
    }
};

class PassphraseSource
{
public:
    static Result<SecretBytes> read(const SecretSource& source);

    // The first line of the file, without its line ending.
    static Result<SecretBytes> fromFile(const QString& path, const QString& noun);
    static Result<SecretBytes> prompt(const QString& question);
    static bool stdinIsTerminal();
};

} // namespace tessera::cli
