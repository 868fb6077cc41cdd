#include "OptionValues.h"

#include "PassphraseSource.h"
#include "engine/Duration.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace tessera::cli {

Result<qint64> durationOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return qint64{0};
    const QString text = parser.value(name).trimmed();
    auto seconds = engine::parseDuration(QStringView(text));
    if (!seconds) {
        return Error::invalid(
            QStringLiteral("--%1 takes a duration such as 3600, 90s, 30m, 2h30m or 7d, not \"%2\".")
                .arg(name, text));
    }
    return seconds;
}

Result<std::optional<qint64>> optionalDurationOption(const QCommandLineParser& parser,
                                                     const QString& name)
{
    if (!parser.isSet(name))
        return std::optional<qint64>{};
    auto seconds = durationOption(parser, name);
    TESSERA_TRY(seconds);
    return std::optional<qint64>{*seconds};
}

QCommandLineOption activateWithinOption()
{
    return {QStringLiteral("activate-within"),
            QStringLiteral("Start the TTL at the first use, which must come within DURATION "
                           "(up to 366d); unused, the pass expires then."),
            QStringLiteral("DURATION")};
}

Result<int> countOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return 0;
    bool ok = false;
    const QString text = parser.value(name).trimmed();
    const int count = text.toInt(&ok);
    if (!ok || count < 0)
        return Error::invalid(
            QStringLiteral("--%1 takes a whole number of 0 or more, not \"%2\".").arg(name, text));
    return count;
}

Result<std::optional<bool>> boolOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return std::optional<bool>{};
    const QString text = parser.value(name).trimmed().toLower();
    for (const char* yes : {"true", "yes", "1"}) {
        if (text == QLatin1String(yes))
            return std::optional<bool>{true};
    }
    for (const char* no : {"false", "no", "0"}) {
        if (text == QLatin1String(no))
            return std::optional<bool>{false};
    }
    return Error::invalid(QStringLiteral("--%1 takes true or false, not \"%2\".").arg(name, text));
}

Result<engine::TokenType> tokenTypeOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return engine::TokenType::Service;
    const QString text = parser.value(name).trimmed().toLower();
    if (text == QLatin1String("service"))
        return engine::TokenType::Service;
    if (text == QLatin1String("batch"))
        return engine::TokenType::Batch;
    return Error::invalid(
        QStringLiteral("--%1 takes service or batch, not \"%2\".").arg(name, text));
}

Result<engine::Metadata> metadataOption(const QCommandLineParser& parser, const QString& name)
{
    engine::Metadata meta;
    for (const QString& pair : parser.values(name)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        const QString key = pair.left(equals).trimmed();
        if (equals <= 0 || key.isEmpty())
            return Error::invalid(
                QStringLiteral("--%1 takes key=value, not \"%2\".").arg(name, pair));
        meta.insert(key, pair.mid(equals + 1));
    }
    return meta;
}

Result<std::optional<qint64>> timeOption(const QCommandLineParser& parser, const QString& name)
{
    if (!parser.isSet(name))
        return std::optional<qint64>{};
    const QString text = parser.value(name).trimmed();
    static const QRegularExpression dayShape(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression timeShape(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?$"));
    QDateTime time;
    if (dayShape.match(text).hasMatch()) {
        const QDate day = QDate::fromString(text, Qt::ISODate);
        if (day.isValid())
            time = QDateTime(day, QTime(0, 0), QTimeZone::utc());
    } else if (timeShape.match(text).hasMatch()) {
        time = QDateTime::fromString(text, Qt::ISODate);
        if (time.isValid() && time.timeSpec() == Qt::LocalTime)
            time.setTimeZone(QTimeZone::utc()); // no zone given: UTC, as the dates
    }
    if (!time.isValid())
        return Error::invalid(QStringLiteral("--%1 takes a UTC date YYYY-MM-DD or a time such as "
                                             "2026-03-01T09:30:00Z, not \"%2\".")
                                  .arg(name, text));
    return std::optional<qint64>(time.toSecsSinceEpoch());
}

QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList names;
    for (const QString& value : parser.values(name)) {
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty() && !names.contains(trimmed))
                names << trimmed;
        }
    }
    return names;
}

namespace {

engine::TokenRef refFor(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("tss.")) || trimmed.startsWith(QLatin1String("tsb.")))
        return engine::TokenRef::token(trimmed);
    return engine::TokenRef::accessor(trimmed);
}

} // namespace

Result<engine::TokenRef> tokenRefArgument(const QString& argument)
{
    if (argument != QLatin1String("-"))
        return refFor(argument);
    auto line = PassphraseSource::fromFile(QStringLiteral("/dev/stdin"), QStringLiteral("token"));
    if (!line)
        return line.error();
    return refFor(QString::fromUtf8(line->view()));
}

} // namespace tessera::cli
