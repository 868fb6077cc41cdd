#include "CsvReader.h"

#include <QString>

namespace tessera::test {

QList<QStringList> parseCsv(const QByteArray& bytes, bool* wellFormed)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    *wellFormed = true;
    const auto charAt = [&text](qsizetype i) { return i < text.size() ? text.at(i) : QChar(); };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && charAt(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty())
                *wellFormed = false;
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && charAt(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            *wellFormed = false; // a bare line break outside quotes
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *wellFormed = false; // the last record must end with CRLF
    return rows;
}

} // namespace tessera::test
