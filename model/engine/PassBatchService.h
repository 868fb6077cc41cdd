#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/TokenService.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace tessera::engine {

class EngineCore;

// What the desk asks for: N passes from a role, for one group of visitors.
struct PassBatchRequest
{
    QString role;
    int count = 0;
    // Where the passes go: an existing parent (its accessor), or, when empty,
    // a new parent made in the same transaction and named `groupName` (empty:
    // "Class visit <date>"). A role that makes orphans takes neither.
    QString parentAccessor;
    QString groupName;
    // Passes valid from their first use: seconds they may wait for it.
    std::optional<qint64> activateWithin;
};

struct PassBatch
{
    QString groupName;                  // also the passes' display names' stem
    std::optional<CreatedToken> parent; // the new parent, when one was made
    QString parentAccessor;             // empty: the passes are orphans
    QList<CreatedToken> passes;         // in order: "<group> #1" … "#N"
    // Each pass's code as printed (PassCode::grouped), in the same order;
    // empty for a pass without one (a batch token has no row to seal it to).
    QStringList codes;

    QString codeOf(qsizetype pass) const { return codes.value(pass); }
};

// Writes the passes' codes in the batch's transaction and returns them, one
// per pass (PassCodeService::issueCodes).
using PassCodeHook =
    std::function<Result<QStringList>(store::Database&, const QList<CreatedToken>& passes)>;

// Batches of passes (docs/ARCHITECTURE.md, «Batches of passes»): 1 to 1,000
// tokens of one role created in one transaction with one commit, as children
// of one parent so that the whole group is revoked as one branch. Each token
// gets its own chained "token.create" audit record, as any other creation
// (the parent's accessor in its details ties the batch together). Each pass
// also gets a code to type (docs/ARCHITECTURE.md, «Pass codes»), written in
// the same transaction. Store owner only: the console and the CLI.
class PassBatchService
{
public:
    static constexpr int kMaxCount = 1000;

    PassBatchService(const EngineCore& core, TokenService& tokens, PassCodeHook codes = {})
        : m_core(core)
        , m_tokens(tokens)
        , m_codes(std::move(codes))
    {}

    // All or none: a refusal or failure writes nothing.
    Result<PassBatch> issue(const Caller& caller, const PassBatchRequest& request);

    // The count's bounds, checked before the store is touched.
    static Status checkCount(int count);
    // "Class visit 2024-05-02" for a batch issued at `now` (Unix seconds, UTC date).
    static QString defaultGroupName(qint64 now);

private:
    const EngineCore& m_core;
    TokenService& m_tokens;
    PassCodeHook m_codes;
};

} // namespace tessera::engine
