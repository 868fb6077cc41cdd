#include "core/GoBool.h"

#include <QLatin1StringView>
#include <array>

namespace tessera {

std::optional<bool> parseGoBool(QStringView text)
{
    static constexpr std::array<QLatin1StringView, 6> yes{
        QLatin1StringView("1"),    QLatin1StringView("t"),    QLatin1StringView("T"),
        QLatin1StringView("TRUE"), QLatin1StringView("true"), QLatin1StringView("True")};
    static constexpr std::array<QLatin1StringView, 6> no{
        QLatin1StringView("0"),     QLatin1StringView("f"),     QLatin1StringView("F"),
        QLatin1StringView("FALSE"), QLatin1StringView("false"), QLatin1StringView("False")};
    for (const QLatin1StringView word : yes)
        if (text == word)
            return true;
    for (const QLatin1StringView word : no)
        if (text == word)
            return false;
    return std::nullopt;
}

} // namespace tessera
