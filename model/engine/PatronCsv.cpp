#include "engine/PatronCsv.h"

#include "engine/User.h"

#include <QHash>
#include <QStringDecoder>
#include <array>

namespace tessera::engine {
namespace {

struct Record
{
    int line = 0;
    QStringList fields;
};

constexpr std::array<QStringView, 5> kColumns{u"card_number", u"name", u"email", u"role",
                                              u"metadata"};
constexpr std::array<QStringView, 5> kReservedKeys{u"username", u"patron_id", u"patron_name",
                                                   u"email", u"second_factor"};

bool isKeyCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           c == u'_' || c == u'.' || c == u'-';
}

// Splits the text into records. Stops at the first problem that leaves the
// rest unreadable (an unclosed quote) or at kMaxRecords.
QList<Record> splitRecords(const QString& text, QList<PatronProblem>& problems)
{
    QList<Record> records;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        Record record{line, {}};
        QString field;
        bool atFieldStart = true;
        bool broken = false;
        while (true) {
            if (i >= n) {
                record.fields.append(field);
                break;
            }
            const QChar c = text.at(i);
            if (atFieldStart && c == u'"') {
                const int quoteLine = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const QChar q = text.at(i);
                    if (q == u'"') {
                        if (i + 1 < n && text.at(i + 1) == u'"') {
                            field.append(u'"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (q == u'\n')
                        ++line;
                    field.append(q);
                    ++i;
                }
                if (!closed) {
                    problems.append({quoteLine, QStringLiteral("a quoted field is not closed")});
                    return records;
                }
                atFieldStart = false;
                if (i < n && text.at(i) != u',' && text.at(i) != u'\n' && text.at(i) != u'\r' &&
                    !broken) {
                    problems.append({record.line, QStringLiteral("text after a closing quote")});
                    broken = true;
                }
                continue;
            }
            if (c == u',') {
                record.fields.append(field);
                field.clear();
                atFieldStart = true;
                ++i;
                continue;
            }
            if (c == u'\r' || c == u'\n') {
                i += (c == u'\r' && i + 1 < n && text.at(i + 1) == u'\n') ? 2 : 1;
                ++line;
                record.fields.append(field);
                break;
            }
            if (c == u'"' && !broken) {
                problems.append({record.line, QStringLiteral("a quote inside an unquoted field")});
                broken = true;
            }
            atFieldStart = false;
            field.append(c);
            ++i;
        }
        if (broken)
            continue;
        if (record.fields.size() == 1 && record.fields.first().trimmed().isEmpty())
            continue; // a blank line
        if (records.size() > PatronCsv::kMaxRecords) {
            problems.append(
                {record.line,
                 QStringLiteral("more than %1 patrons in one file").arg(PatronCsv::kMaxRecords)});
            return records;
        }
        records.append(std::move(record));
    }
    return records;
}

// The column of each name in kColumns, -1 when absent.
std::array<int, 5> readHeader(const Record& header, QList<PatronProblem>& problems)
{
    std::array<int, 5> at{-1, -1, -1, -1, -1};
    for (int column = 0; column < header.fields.size(); ++column) {
        const QString name = header.fields.at(column).trimmed().toLower();
        const auto known = std::find(kColumns.begin(), kColumns.end(), name);
        if (known == kColumns.end()) {
            problems.append(
                {header.line,
                 QStringLiteral("unknown column \"%1\"").arg(header.fields.at(column).left(64))});
            continue;
        }
        int& slot = at[std::size_t(known - kColumns.begin())];
        if (slot >= 0)
            problems.append({header.line, QStringLiteral("column \"%1\" appears twice").arg(name)});
        slot = column;
    }
    for (std::size_t k = 0; k + 1 < kColumns.size(); ++k) { // metadata is optional
        if (at[k] < 0)
            problems.append(
                {header.line,
                 QStringLiteral("the header has no column \"%1\"").arg(kColumns[k].toString())});
    }
    return at;
}

} // namespace

QString PatronProblem::text() const
{
    return line > 0 ? QStringLiteral("line %1: %2").arg(line).arg(reason) : reason;
}

bool PatronCsv::isEmailAddress(QStringView text)
{
    if (text.size() > kMaxEmailLength)
        return false;
    const qsizetype at = text.indexOf(u'@');
    if (at <= 0 || text.indexOf(u'@', at + 1) >= 0)
        return false;
    const QStringView domain = text.mid(at + 1);
    const qsizetype dot = domain.lastIndexOf(u'.');
    if (dot <= 0 || dot == domain.size() - 1 || domain.startsWith(u'.'))
        return false;
    for (const QChar c : text) {
        if (c.isSpace() || c == u',' || c == u';' || c == u'"' || c == u'<' || c == u'>')
            return false;
    }
    return true;
}

QString PatronCsv::readMetadata(QStringView cell, Metadata& into)
{
    for (QStringView pair : cell.split(u';')) {
        pair = pair.trimmed();
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf(u'=');
        if (equals < 0)
            return QStringLiteral("metadata \"%1\" is not key=value").arg(pair.left(64));
        const QString key = pair.left(equals).trimmed().toString();
        const QString value = pair.mid(equals + 1).trimmed().toString();
        if (key.isEmpty() || key.size() > 64 ||
            !std::all_of(key.begin(), key.end(), isKeyCharacter))
            return QStringLiteral("metadata key \"%1\" is not [A-Za-z0-9_.-]{1,64}")
                .arg(key.left(64));
        if (std::find(kReservedKeys.begin(), kReservedKeys.end(), key) != kReservedKeys.end())
            return QStringLiteral("metadata key \"%1\" is set by the import").arg(key);
        if (into.contains(key))
            return QStringLiteral("metadata key \"%1\" appears twice").arg(key);
        if (value.size() > kMaxMetadataValue)
            return QStringLiteral("metadata value of \"%1\" is longer than %2 characters")
                .arg(key)
                .arg(kMaxMetadataValue);
        if (into.size() >= kMaxMetadataKeys)
            return QStringLiteral("more than %1 metadata keys").arg(kMaxMetadataKeys);
        into.insert(key, value);
    }
    return {};
}

PatronCsvRead PatronCsv::read(QByteArrayView bytes)
{
    PatronCsvRead result;
    if (bytes.size() > kMaxBytes) {
        result.problems.append(
            {0, QStringLiteral("the file is larger than %1 MiB").arg(kMaxBytes / (1024 * 1024))});
        return result;
    }
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError()) {
        result.problems.append({0, QStringLiteral("the file is not UTF-8")});
        return result;
    }

    const QList<Record> records = splitRecords(text, result.problems);
    if (records.isEmpty()) {
        if (result.problems.isEmpty())
            result.problems.append({0, QStringLiteral("the file has no header")});
        return result;
    }
    const std::array<int, 5> at = readHeader(records.first(), result.problems);
    if (!result.problems.isEmpty() && result.problems.first().line == records.first().line)
        return result; // without a header nothing else can be read

    const int headerWidth = int(records.first().fields.size());
    QHash<QString, int> firstLineOf;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const Record& record = records.at(r);
        auto problem = [&](const QString& reason) {
            result.problems.append({record.line, reason});
        };
        if (record.fields.size() != headerWidth) {
            problem(QStringLiteral("%1 fields, the header has %2")
                        .arg(record.fields.size())
                        .arg(headerWidth));
            continue;
        }
        auto cell = [&](std::size_t column) {
            return at[column] < 0 ? QString() : record.fields.at(at[column]).trimmed();
        };
        PatronRow row;
        row.line = record.line;
        const QString card = cell(0);
        row.name = cell(1);
        row.email = cell(2);
        row.role = cell(3);
        const int problemsBefore = int(result.problems.size());
        if (card.isEmpty())
            problem(QStringLiteral("no card number"));
        else if (!User::checkName(card).ok())
            problem(QStringLiteral("card number \"%1\" is not [A-Za-z0-9._-]{1,128}")
                        .arg(card.left(128)));
        row.cardNumber = User::normalizedName(card);
        if (row.name.isEmpty())
            problem(QStringLiteral("no name"));
        else if (row.name.size() > kMaxNameLength)
            problem(QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
        if (!row.email.isEmpty() && !isEmailAddress(row.email))
            problem(QStringLiteral("e-mail \"%1\" is not an address")
                        .arg(row.email.left(kMaxEmailLength)));
        if (row.role.isEmpty())
            problem(QStringLiteral("no role"));
        if (const QString reason = readMetadata(cell(4), row.metadata); !reason.isEmpty())
            problem(reason);
        if (!row.cardNumber.isEmpty()) {
            if (const auto seen = firstLineOf.constFind(row.cardNumber);
                seen != firstLineOf.constEnd()) {
                problem(
                    QStringLiteral("card number %1 appears on line %2 too").arg(card).arg(*seen));
            } else {
                firstLineOf.insert(row.cardNumber, row.line);
            }
        }
        if (result.problems.size() == problemsBefore)
            result.rows.append(std::move(row));
        else
            result.rejected.append(std::move(row));
    }
    std::stable_sort(
        result.problems.begin(), result.problems.end(),
        [](const PatronProblem& a, const PatronProblem& b) { return a.line < b.line; });
    return result;
}

} // namespace tessera::engine
