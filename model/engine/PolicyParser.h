#pragma once

#include "core/Result.h"
#include "engine/Policy.h"

#include <QString>
#include <QStringView>

namespace tessera::engine {

// Reads policies written in Vault's policy language, so that existing Vault
// policies load unchanged:
//
//   # comment            // comment            /* comment */
//   path "ebooks/*" {
//     capabilities = ["read", "list"]
//   }
//
// or the same as JSON: {"path": {"ebooks/*": {"capabilities": ["read"]}}}.
// Also accepted, as Vault does: `path = { "p" = { … } }`, a JSON array of
// path objects, the legacy `policy = "read" | "write" | "sudo" | "deny"`, a
// top-level `name`, a `comment` inside a block, and the Vault-only keys
// allowed_parameters, denied_parameters, required_parameters,
// min_wrapping_ttl, max_wrapping_ttl, mfa_methods and control_group, which
// are parsed and ignored (Tessera has no request parameters to filter).
//
// Rules: a leading '/' is dropped; '*' only at the end of a path; '+' and '*'
// never together as "+*" (Vault's rule); `deny` in a block drops its other
// capabilities; blocks for the same path are merged (deny wins). Anything
// else -- an unknown capability or key, bad syntax -- is InvalidArgument with
// the line number ("Line 3: unknown capability \"reed\" …").
class PolicyParser
{
public:
    static constexpr qsizetype kMaxDocumentSize = 256 * 1024;

    // `name` is validated (Policy::checkName) and lower-cased.
    static Result<Policy> parse(const QString& name, QStringView text);
};

} // namespace tessera::engine
