#include "core/Error.h"

#include <array>

namespace tessera {
namespace {

struct ErrorMapping
{
    ErrorCode code;
    int http;
    int exit; // CLI: 0 ok, 1 usage, 2 refused, 3 failure
    const char* name;
};

// The one table that turns engine errors into HTTP statuses and CLI exit codes.
constexpr std::array<ErrorMapping, 12> kMappings{{
    {ErrorCode::InvalidArgument, 400, 1, "invalid_argument"},
    {ErrorCode::PermissionDenied, 403, 2, "permission_denied"},
    {ErrorCode::NotFound, 404, 2, "not_found"},
    {ErrorCode::WrongPassphrase, 403, 2, "wrong_passphrase"},
    {ErrorCode::NotAStore, 400, 2, "not_a_store"},
    {ErrorCode::StoreCorrupt, 500, 3, "store_corrupt"},
    {ErrorCode::Conflict, 400, 2, "conflict"},
    {ErrorCode::InvalidCredentials, 400, 2, "invalid_credentials"},
    {ErrorCode::RateLimited, 429, 2, "rate_limited"},
    {ErrorCode::Io, 500, 3, "io"},
    {ErrorCode::StoreReplaced, 503, 3, "store_replaced"},
    {ErrorCode::Internal, 500, 3, "internal"},
}};

const ErrorMapping& mappingFor(ErrorCode code)
{
    for (const auto& mapping : kMappings) {
        if (mapping.code == code)
            return mapping;
    }
    return kMappings.back();
}

} // namespace

int httpStatus(ErrorCode code)
{
    return mappingFor(code).http;
}
int exitCode(ErrorCode code)
{
    return mappingFor(code).exit;
}
QString errorCodeName(ErrorCode code)
{
    return QString::fromLatin1(mappingFor(code).name);
}

} // namespace tessera
