#pragma once

#include "core/Result.h"
#include "core/SecretBytes.h"
#include "engine/Caller.h"

#include <functional>

namespace tessera::engine {

class TokenEngine;

// Store > Change Passphrase as the console runs it on the store its engine has
// open. The current passphrase must open the file first (someone at an
// unlocked console must not be able to lock its owner out): a wrong one is
// WrongPassphrase and nothing is re-encrypted. Then
// AdminService::changePassphrase re-encrypts the file. That needs every
// connection closed, and answers Conflict while one is out: a poller's read
// in this process, or another process with the store open. Those go away
// within moments, so a Conflict is tried again, kAttempts times in all with
// kWaitMs between them, before it is returned. Slow (the KDF, twice, and a
// copy of the file): run it off the GUI thread.
class PassphraseChange
{
public:
    static constexpr int kAttempts = 21;
    static constexpr int kWaitMs = 100;
    // Called between attempts with the number of attempts made so far (1, 2, …).
    using Wait = std::function<void(int attempt)>;

    PassphraseChange(TokenEngine& engine, Caller caller);

    // Tests: what happens between attempts instead of sleeping kWaitMs.
    void setWait(Wait wait) { m_wait = std::move(wait); }

    Status run(SecretBytes current, SecretBytes next) const;
    // Only the re-encryption with its retries, for a caller that has just
    // opened the store with the current passphrase itself (tessera-cli).
    Status rekey(SecretBytes next) const;

private:
    TokenEngine& m_engine;
    Caller m_caller;
    Wait m_wait;
};

} // namespace tessera::engine
