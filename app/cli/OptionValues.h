#pragma once

#include "core/Result.h"
#include "engine/Token.h"
#include "engine/TokenEngine.h"

#include <QCommandLineParser>
#include <optional>

namespace tessera::cli {

// Typed values of command-line options. Each returns InvalidArgument (exit 1)
// naming the option when the text is not acceptable, so a bad flag changes nothing.

// A duration option ("90s", "2h30m", "7d", "3600"); 0 when not given.
Result<qint64> durationOption(const QCommandLineParser& parser, const QString& name);
// The same, nullopt when not given.
Result<std::optional<qint64>> optionalDurationOption(const QCommandLineParser& parser,
                                                     const QString& name);
// --activate-within DURATION, of token create and token batch: passes valid
// from their first use.
QCommandLineOption activateWithinOption();
// A non-negative count; 0 when not given.
Result<int> countOption(const QCommandLineParser& parser, const QString& name);
// "true"/"false" (also yes/no, 1/0); nullopt when not given.
Result<std::optional<bool>> boolOption(const QCommandLineParser& parser, const QString& name);
// "service" or "batch"; service when not given.
Result<engine::TokenType> tokenTypeOption(const QCommandLineParser& parser, const QString& name);
// Repeated "k=v" options.
Result<engine::Metadata> metadataOption(const QCommandLineParser& parser, const QString& name);
// A point in time, UTC: "YYYY-MM-DD" (midnight) or ISO 8601 with a time
// ("2026-03-01T09:30:00Z", an offset, or no zone: UTC); nullopt when not given.
Result<std::optional<qint64>> timeOption(const QCommandLineParser& parser, const QString& name);
// Repeated and/or comma-separated names, trimmed, in order, without duplicates.
QStringList listOption(const QCommandLineParser& parser, const QString& name);

// Stores a parsed value or passes its error on, so option parsing reads as a
// flat list: TESSERA_TRY(assign(request.ttl, durationOption(parser, QStringLiteral("ttl"))));
template <typename T, typename U> Status assign(T& target, Result<U> parsed)
{
    if (!parsed)
        return parsed.error();
    target = std::move(parsed).value();
    return {};
}

// `tss.`/`tsb.` make it a token; anything else is taken for an accessor. "-"
// reads the token from the first line of stdin, which keeps it out of the
// process list and the shell history.
Result<engine::TokenRef> tokenRefArgument(const QString& argument);

} // namespace tessera::cli
