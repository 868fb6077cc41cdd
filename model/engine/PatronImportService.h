#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/PatronCsv.h"

#include <QByteArrayView>
#include <QList>

namespace tessera::engine {

class EngineCore;

// What an import file would do, or did: the patrons that are new users, those
// whose user is updated, and every bad line. Nothing is written while
// `problems` is not empty.
struct PatronImportPlan
{
    QList<PatronRow> toCreate;
    QList<PatronRow> toUpdate;
    QList<PatronProblem> problems;
};

// Patrons from a CSV file (PatronCsv) become userpass users (issue 15):
//
// - The user's name is the card number, lower-cased. Its metadata, carried
//   by every sign-in token's meta, is patron_id (the card number, which
//   revoke-by-filter's --patron matches), patron_name, email (when given) and
//   the file's own keys.
// - The role names a token role: the user's token settings are the role's
//   and its policies are the role's allowed policies. An unknown role is a
//   bad line.
// - A new patron gets a random password hash that no password was hashed to:
//   nobody can sign in as them until the desk sets a password (or gives them
//   a pass). An update keeps the password, lockout and second factors.
// - import() writes every user in one write transaction with one "user.import"
//   audit record holding only counts; any bad line refuses the whole file.
// Who may: create on the path of each new user and update on that of each
// existing one (auth/userpass/users/<card>); the owner always.
class PatronImportService
{
public:
    explicit PatronImportService(const EngineCore& core)
        : m_core(core)
    {}

    // Writes nothing. Errors are the caller's rights and the store's; the
    // file's own faults are in `problems`.
    Result<PatronImportPlan> preview(const Caller& caller, QByteArrayView bytes) const;
    // The plan as written; InvalidArgument listing every problem ("line N:
    // reason", one a line) when the file has any, and then nothing is written.
    Result<PatronImportPlan> import(const Caller& caller, QByteArrayView bytes);

private:
    const EngineCore& m_core;
};

} // namespace tessera::engine
