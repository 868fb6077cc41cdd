#pragma once

#include "core/Result.h"
#include "engine/Caller.h"
#include "engine/Token.h"
#include "engine/TokenRequest.h"

#include <QList>

namespace tessera::engine {

class EngineCore;

// One token the administrator should hear about before it expires, and why.
struct ExpiringToken
{
    Token token;
    bool marked = false; // created with warn_before_expiry
    bool staff = false;  // StaffToken's rule
    QString parentName;  // the parent's display name; empty: none, or no parent
};

// Expiry warnings (docs/ARCHITECTURE.md, «Expiry warnings»): the live tokens
// that expire within a window and are either marked at creation or staff
// tokens (StaffToken). A range scan of the tokens_by_expiry index over the
// window, never a walk of every token: stores hold a million of them.
//
// Listing needs sudo on auth/token/accessors, which lists every token too (the
// store owner may always).
class ExpiryWarningService
{
public:
    static constexpr int kDefaultDays = 7;
    static constexpr int kMaxDays = 366;
    static constexpr qint64 kDaySeconds = 24 * 60 * 60;

    explicit ExpiryWarningService(const EngineCore& core)
        : m_core(core)
    {}

    // Tokens expiring after now and at most `withinSeconds` from now (1 second
    // to kMaxDays days), soonest first.
    Result<QList<ExpiringToken>> expiring(const Caller& caller, qint64 withinSeconds) const;

    // The request that issues a fresh token like `token` through the normal
    // creation path: its role, policies, metadata, name, parent, lifetime
    // settings, use limit and mark.
    static TokenRequest reissueRequest(const Token& token);

private:
    const EngineCore& m_core;
};

} // namespace tessera::engine
