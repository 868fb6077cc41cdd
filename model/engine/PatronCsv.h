#pragma once

#include "engine/Token.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace tessera::engine {

// One patron from an import file. `line` is the physical line (from 1) where
// the record starts, so a quoted field with a line break moves the next ones.
struct PatronRow
{
    int line = 0;
    QString cardNumber; // lower-cased: the userpass user name
    QString name;
    QString email; // may be empty
    QString role;  // a token role's name, checked by PatronImportService
    Metadata metadata;

    bool operator==(const PatronRow& other) const = default;
};

// Why one line of the file cannot be imported. Line 0: the whole file.
struct PatronProblem
{
    int line = 0;
    QString reason;

    bool operator==(const PatronProblem& other) const = default;
    // "line 7: e-mail "x@" is not an address"
    QString text() const;
};

struct PatronCsvRead
{
    QList<PatronRow> rows;
    QList<PatronProblem> problems; // in line order; empty when every row is good
    // Records with a problem, as far as their fields could be read (the
    // console's preview shows what a bad line holds); never imported.
    QList<PatronRow> rejected;
};

// The reader of patron import files (issue 15). Pure: bytes in, rows and
// problems out, no store, no roles.
//
// - RFC 4180: fields separated by commas, quoted fields with doubled quotes
//   and line breaks inside, records ending in CRLF or LF; blank lines are
//   skipped. UTF-8, with or without a BOM.
// - The first record is the header: card_number, name, email, role and
//   optionally metadata, in any order, case and surrounding spaces ignored.
// - card_number: a user name (User::checkName), lower-cased, once per file;
//   name: not empty, at most kMaxNameLength; email: empty or one address
//   (local@domain.tld, no spaces); role: not empty.
// - metadata: `key=value;key=value` (not JSON, which would need every quote
//   doubled in a CSV cell). Keys [A-Za-z0-9_.-]{1,64}, each once; values up to
//   kMaxMetadataValue characters, without ';'. The keys the import sets
//   itself (username, patron_id, patron_name, email, second_factor) are refused.
// - At most kMaxBytes and kMaxRecords; reasons quote only the field at fault.
class PatronCsv
{
public:
    static constexpr qsizetype kMaxBytes = 10 * 1024 * 1024;
    static constexpr int kMaxRecords = 100'000;
    static constexpr int kMaxNameLength = 256;
    static constexpr int kMaxEmailLength = 254;
    static constexpr int kMaxMetadataValue = 512;
    static constexpr int kMaxMetadataKeys = 32;

    static PatronCsvRead read(QByteArrayView bytes);

    // The metadata cell's rule, for one cell; the reason when it is broken.
    static QString readMetadata(QStringView cell, Metadata& into);
    static bool isEmailAddress(QStringView text);
};

} // namespace tessera::engine
