#pragma once

#include "core/Message.h"

#include <QString>
#include <QtGlobal>

namespace tessera {

// What went wrong, in the caller's terms. Each code maps to one HTTP status and
// one CLI exit code (see Error.cpp), so the API and the CLI never disagree.
enum class ErrorCode
{
    InvalidArgument,    // malformed input: a bad duration, an unknown policy name, a bad token
    PermissionDenied,   // the caller may not do this
    NotFound,           // no such token, role, policy, user
    WrongPassphrase,    // the store exists but the passphrase does not open it
    NotAStore,          // the file is not a Tessera store (or is corrupt beyond reading)
    StoreCorrupt,       // the store opens but fails its integrity check
    Conflict,           // already exists, or a concurrent change won
    InvalidCredentials, // wrong user name or password (Vault answers 400)
    RateLimited,        // too many attempts; try again later
    Io,                 // the file system refused (permissions, disk full)
    StoreReplaced,      // the store or its WAL was replaced under this process: it stopped
    Internal,           // a bug or an OpenSSL/SQLCipher failure that should not happen
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message; // one sentence, for a human; never contains a secret
    // The same as source text and arguments, where the console translates it.
    Message translatable = {};
    // RateLimited: whole seconds until the caller may try again (0: unknown);
    // the API sends it as Retry-After.
    qint64 retryAfterSeconds = 0;

    static Error invalid(const QString& message) { return {ErrorCode::InvalidArgument, message}; }
    static Error invalid(const Message& text)
    {
        return {ErrorCode::InvalidArgument, text.text(), text};
    }
    static Error denied(const QString& message) { return {ErrorCode::PermissionDenied, message}; }
    static Error notFound(const QString& message) { return {ErrorCode::NotFound, message}; }
    static Error internal(const QString& message) { return {ErrorCode::Internal, message}; }
};

int httpStatus(ErrorCode code);
int exitCode(ErrorCode code);
QString errorCodeName(ErrorCode code);

} // namespace tessera
