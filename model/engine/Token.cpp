#include "engine/Token.h"

namespace tessera::engine {

QString tokenTypeName(TokenType type)
{
    return type == TokenType::Batch ? QStringLiteral("batch") : QStringLiteral("service");
}

} // namespace tessera::engine
