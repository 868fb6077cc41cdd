#pragma once

#include "core/Error.h"

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace tessera::cli {

// Exit codes; errors get theirs from core/Error.cpp's table, which uses the same.
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 1;
inline constexpr int kExitRefused = 2;
inline constexpr int kExitInternal = 3;

// Where a command's results go: human-readable text or, with --json, one JSON
// document on stdout. Errors and warnings always go to stderr as one sentence,
// so a script reading stdout never sees them mixed with data.
class Output
{
public:
    explicit Output(bool json)
        : m_json(json)
    {}

    bool isJson() const { return m_json; }

    // Text mode only: one line on stdout.
    void line(const QString& text) const;
    // Text mode only: "key   value" rows aligned on the longest key.
    void table(const QList<QPair<QString, QString>>& rows) const;
    // Text mode only: a header line and rows, each column as wide as its
    // widest cell.
    void columns(const QStringList& header, const QList<QStringList>& rows) const;
    // JSON mode only: the command's one document.
    void document(const QJsonValue& value) const;

    static void writeStdout(QByteArrayView bytes);
    static void writeStderr(const QString& text);
    static void warning(const QString& message);
    static void warnings(const QStringList& messages);
    // Prints the error and returns its exit code (Error.cpp's table).
    static int fail(const Error& error);
    // A bad flag or argument: exit code 1.
    static int usageError(const QString& message);

private:
    bool m_json;
};

} // namespace tessera::cli
