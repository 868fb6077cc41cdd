#include "store/Schema.h"

namespace tessera::store {

// SQLite 3.15 (inside SQLCipher 3.4.1): no UPSERT, no RETURNING, no window
// functions, no JSON1 in Debian's build. Structured columns hold JSON text that
// the engine parses itself.
const QList<Migration>& migrations()
{
    static const QList<Migration> steps{
        {1, R"sql(
-- Tables written in nearly every transaction are rowid tables whose written
-- columns carry no NOT NULL: otherwise SQLite opens a statement journal for
-- each INSERT OR REPLACE (WITHOUT ROWID) or UPDATE (NOT NULL column), and
-- SQLCipher encrypts every page it journals -- measured at ~100k instructions
-- per audit-head update, four times the cost of the audit append itself.
CREATE TABLE settings(
    key   TEXT PRIMARY KEY,
    value BLOB
);

CREATE TABLE tokens(
    id               INTEGER PRIMARY KEY,
    hash             BLOB NOT NULL UNIQUE,     -- HMAC-SHA256 of the token under the store's token key
    accessor         TEXT NOT NULL UNIQUE,
    parent_id        INTEGER,                  -- NULL: root or orphan
    policies         TEXT NOT NULL,            -- sorted, comma-separated
    meta             TEXT NOT NULL DEFAULT '{}',
    display_name     TEXT NOT NULL DEFAULT '',
    role             TEXT NOT NULL DEFAULT '',
    path             TEXT NOT NULL,
    num_uses         INTEGER NOT NULL DEFAULT 0,
    uses_left        INTEGER DEFAULT 0,        -- no NOT NULL: see settings
    created_at       INTEGER NOT NULL,         -- Unix seconds
    creation_ttl     INTEGER NOT NULL DEFAULT 0,
    expire_at        INTEGER,                  -- NULL: never (root)
    explicit_max_ttl INTEGER NOT NULL DEFAULT 0,
    period           INTEGER NOT NULL DEFAULT 0,
    renewable        INTEGER NOT NULL DEFAULT 0,
    last_renewal     INTEGER,
    issued_by        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX tokens_by_parent ON tokens(parent_id, id);
CREATE INDEX tokens_by_expiry ON tokens(expire_at) WHERE expire_at IS NOT NULL;
-- Tokens whose last use was not followed by revocation (a crash in between).
CREATE INDEX tokens_used_up ON tokens(uses_left) WHERE num_uses > 0;

CREATE TABLE policies(
    name       TEXT PRIMARY KEY,
    document   TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE roles(
    name       TEXT PRIMARY KEY,
    definition TEXT NOT NULL,                  -- JSON
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE users(
    name            TEXT PRIMARY KEY,          -- lower case
    password_hash   BLOB NOT NULL,
    salt            BLOB NOT NULL,             -- 16 random bytes per user
    kdf             TEXT NOT NULL,             -- "scrypt:32768:8:1" or "pbkdf2-sha512:210000"
    definition      TEXT NOT NULL,             -- JSON: token_policies, token_ttl, ...
    failed_attempts INTEGER NOT NULL DEFAULT 0, -- login throttling (LoginThrottle), shared
    last_failed_at  INTEGER NOT NULL DEFAULT 0, -- by every process using the store
    locked_until    INTEGER NOT NULL DEFAULT 0,
    updated_at      INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE cubbyhole(                       -- a rowid table: see settings
    token_id INTEGER NOT NULL,
    path     TEXT NOT NULL,
    value    TEXT,                             -- JSON object
    UNIQUE(token_id, path)
);

CREATE TABLE signing_keys(
    kid        TEXT PRIMARY KEY,
    purpose    TEXT NOT NULL,                  -- 'batch' (AES-GCM) or 'jwt:<key name>'
    algorithm  TEXT NOT NULL,
    material   BLOB NOT NULL,
    created_at INTEGER NOT NULL,
    retired_at INTEGER,                        -- no longer used to issue
    expires_at INTEGER                         -- may be deleted after this
) WITHOUT ROWID;

-- Roles that mint JWT access tokens (Vault's identity/oidc/role/:name).
CREATE TABLE oidc_roles(
    name       TEXT PRIMARY KEY,
    key_name   TEXT NOT NULL,                  -- a named key of signing_keys ('jwt:<key name>')
    client_id  TEXT NOT NULL UNIQUE,           -- the `aud` of its tokens
    ttl        INTEGER NOT NULL,
    template   TEXT NOT NULL DEFAULT '',       -- JSON object of extra claims
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

-- The client ids a named key may sign for. The key's other settings are in
-- settings('oidc-key/<name>'), which KeyRing rewrites whole.
CREATE TABLE oidc_key_clients(
    key_name           TEXT PRIMARY KEY,
    allowed_client_ids TEXT NOT NULL           -- JSON array; "*" allows every role
) WITHOUT ROWID;

CREATE TABLE audit(
    seq        INTEGER PRIMARY KEY,
    time_ms    INTEGER NOT NULL,
    operation  TEXT NOT NULL,
    actor      TEXT NOT NULL DEFAULT '',
    targets    TEXT NOT NULL DEFAULT '',
    client     TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    outcome    TEXT NOT NULL,
    details    TEXT NOT NULL DEFAULT '{}',
    mac        BLOB NOT NULL                   -- HMAC(audit key, previous mac | this record)
);
CREATE INDEX audit_by_time ON audit(time_ms);
)sql"},
        {2, R"sql(
-- Audit chain rule 2 (docs/ARCHITECTURE.md, «The audit log»): personal details
-- apart from the public fields, so that they can be removed while the chain
-- still proves every record. Existing records keep rule 1 until the engine,
-- which holds the audit key, upgrades a log that verifies (the mark below).
ALTER TABLE audit ADD COLUMN chain INTEGER DEFAULT 1;  -- chain rule of the record's MAC
ALTER TABLE audit ADD COLUMN personal TEXT;            -- canonical JSON; NULL: none or removed
ALTER TABLE audit ADD COLUMN salt BLOB;                -- 16 random bytes; removed with `personal`
ALTER TABLE audit ADD COLUMN digest BLOB;              -- SHA-256(salt | personal), kept on removal
ALTER TABLE audit ADD COLUMN redacted_at INTEGER;      -- ms; NULL: not redacted
INSERT INTO settings(key, value) SELECT 'audit_upgrade', 1 WHERE EXISTS (SELECT 1 FROM audit);
)sql"},
        {3, R"sql(
-- Revoked tokens whose rows are not deleted yet (docs/ARCHITECTURE.md,
-- «Revocation and the purge»). A subtree revoke inserts its ids here in one
-- short transaction, keyed by id so that the inserts append to few pages;
-- every token query skips the ids listed here, and the purge deletes the rows
-- (tokens, cubbyhole, then these) in small transactions afterwards, resuming
-- on the next open after a crash. No foreign key: a listed id whose token row
-- is gone already is harmless, and `store check` stays clean meanwhile.
CREATE TABLE revoked(
    id         INTEGER PRIMARY KEY,            -- tokens.id
    revoked_at INTEGER                         -- Unix seconds; no NOT NULL: see settings
);
)sql"},
        {4, R"sql(
-- TOTP second factors of userpass users (docs/ARCHITECTURE.md, «Second
-- factors»). A row is deleted with its user. The secret is the raw key the
-- user's authenticator app holds; like every secret here it is protected by
-- the store's encryption, never logged, audited or shown again.
CREATE TABLE totp_keys(
    name       TEXT PRIMARY KEY,               -- users.name
    secret     BLOB NOT NULL,                  -- 20 random bytes
    confirmed  INTEGER NOT NULL DEFAULT 0,     -- 0: enrolled, waiting for its first valid code
    last_step  INTEGER,                        -- last accepted time step (each code counts once);
                                               -- no NOT NULL: written at every sign-in, see settings
    created_at INTEGER NOT NULL
);
)sql"},
        {5, R"sql(
-- Security keys (WebAuthn credentials) of userpass users (docs/ARCHITECTURE.md,
-- «Second factors»). Deleted with their user. The public key is not secret;
-- nothing of a key is written to the audit log but its name and a short id.
CREATE TABLE security_keys(
    credential_id BLOB PRIMARY KEY,            -- as the authenticator made it, 1..1023 bytes
    name          TEXT NOT NULL,               -- users.name
    label         TEXT NOT NULL,               -- "Blue key", chosen at registration
    public_key    BLOB NOT NULL,               -- COSE_Key CBOR
    algorithm     INTEGER NOT NULL,            -- COSE: -7 ES256, -8 EdDSA
    sign_count    INTEGER,                     -- the authenticator's counter, last seen;
    last_used_at  INTEGER,                     -- no NOT NULL: written at every sign-in
    created_at    INTEGER NOT NULL
);
CREATE INDEX security_keys_by_user ON security_keys(name);
)sql"},
        {6, R"sql(
-- Pass codes (docs/ARCHITECTURE.md, «Pass codes»): the short code printed on
-- a pass of a batch, redeemed for the pass's token. The code itself is never
-- stored; the token only sealed under a key derived from the code, so this
-- table alone holds no usable token. Rows go with their token (revocation
-- and the purge delete them).
CREATE TABLE pass_codes(
    lookup     BLOB PRIMARY KEY,               -- HMAC-SHA256 of the normalised code
                                               -- (EngineSecrets::passCodeLookup)
    token_id   INTEGER NOT NULL,               -- tokens.id
    sealed     BLOB NOT NULL,                  -- the token, AES-256-GCM under the code's key
    created_at INTEGER NOT NULL
);
CREATE INDEX pass_codes_by_token ON pass_codes(token_id);
)sql"},
        {7, R"sql(
-- When tokens were used (docs/ARCHITECTURE.md, «First and last use»): a row
-- only for a token that was used or waits for its first use. Its own table
-- rather than columns of `tokens`: the last use is written in the batched use
-- commits, and these rows are small. Deleted with the token by the purge.
CREATE TABLE token_use(
    id            INTEGER PRIMARY KEY,         -- tokens.id
    activate_by   INTEGER,                     -- a pass valid from its first use: unused, it
                                               -- expires then; NULL: valid from its creation
    first_used_at INTEGER,                     -- no NOT NULL on these: see settings
    last_used_at  INTEGER,                     -- Unix seconds, whole minutes
    last_used_by  TEXT                         -- the client of that use
);
)sql"},
        {8, R"sql(
-- Tokens marked at creation to be listed before they expire (docs/
-- ARCHITECTURE.md, «Expiry warnings»). A table of its own rather than a column
-- of `tokens`: stores of every older version gain it by this one step. Rows go
-- with their token (Revocation deletes both); no foreign key, as `revoked`.
CREATE TABLE expiry_warnings(
    token_id INTEGER PRIMARY KEY               -- tokens.id
);
)sql"},
    };
    return steps;
}

} // namespace tessera::store
