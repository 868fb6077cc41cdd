#include "Output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

namespace tessera::cli {
void Output::writeStderr(const QString& text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

void Output::writeStdout(QByteArrayView bytes)
{
    std::fwrite(bytes.data(), 1, static_cast<size_t>(bytes.size()), stdout);
}

void Output::line(const QString& text) const
{
    if (m_json)
        return;
    writeStdout((text + QLatin1Char('\n')).toUtf8());
}

void Output::table(const QList<QPair<QString, QString>>& rows) const
{
    if (m_json)
        return;
    qsizetype width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    for (const auto& row : rows)
        line(row.first.leftJustified(width + 3) + row.second);
}

void Output::columns(const QStringList& header, const QList<QStringList>& rows) const
{
    if (m_json)
        return;
    const QList<QStringList> lines = QList<QStringList>{header} + rows;
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList& cells : lines)
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], cells[i].size());
    for (const QStringList& cells : lines) {
        QString text;
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i)
            text += i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i];
        line(text);
    }
}

void Output::document(const QJsonValue& value) const
{
    if (!m_json)
        return;
    QByteArray bytes;
    if (value.isObject())
        bytes = QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented);
    else if (value.isArray())
        bytes = QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
    else
        bytes = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                '\n';
    writeStdout(bytes);
}

void Output::warning(const QString& message)
{
    writeStderr(QStringLiteral("warning: %1\n").arg(message));
}

void Output::warnings(const QStringList& messages)
{
    for (const QString& message : messages)
        warning(message);
}

int Output::fail(const Error& error)
{
    writeStderr(QStringLiteral("tessera-cli: %1\n").arg(error.message));
    return exitCode(error.code);
}

int Output::usageError(const QString& message)
{
    return fail(Error::invalid(message));
}

} // namespace tessera::cli
