#include "TokenSettingsOptions.h"

#include "OptionValues.h"
#include "SubcommandParser.h"
#include "engine/Duration.h"

#include <QJsonArray>

namespace tessera::cli {
namespace {

using engine::TokenSettings;
using Field = TokenSettings::Field;

enum class Kind
{
    List,
    Duration,
    Count,
    Flag,
    Type,
};

// One row per setting; an owner has the option when it has help text for it.
struct Option
{
    Field field;
    const char* flag;
    const char* valueName; // nullptr: a switch
    Kind kind;
    const char* label; // in `read`'s table
    const char* roleHelp;
    const char* userHelp;
};

constexpr Option kOptions[] = {
    {Field::Policies, "policies", "LIST", Kind::List, "policies", nullptr,
     "Policies of the user's tokens (comma-separated)."},
    {Field::Type, "type", "TYPE", Kind::Type, "token type",
     "service, batch, default-service (default) or default-batch.", nullptr},
    {Field::Ttl, "ttl", "DURATION", Kind::Duration, "ttl", "TTL of issued tokens.",
     "TTL of the user's tokens."},
    {Field::MaxTtl, "max-ttl", "DURATION", Kind::Duration, "max ttl", nullptr,
     "Lifetime limit of the user's tokens."},
    {Field::ExplicitMaxTtl, "explicit-max-ttl", "DURATION", Kind::Duration, "explicit max ttl",
     "Hard limit of issued tokens.", nullptr},
    {Field::Period, "period", "DURATION", Kind::Duration, "period", "Issue periodic tokens.",
     "Give the user periodic tokens."},
    {Field::NumUses, "uses", "N", Kind::Count, "uses", "Use limit of issued tokens (0: none).",
     "Use limit of the user's tokens."},
    {Field::NoDefaultPolicy, "no-default-policy", nullptr, Kind::Flag, "default policy",
     "Issue tokens without the default policy.", "Tokens without the default policy."},
};

QString text(const char* ascii)
{
    return QString::fromLatin1(ascii);
}

QString durationOrNone(qint64 seconds)
{
    return seconds > 0 ? engine::formatDuration(seconds) : QStringLiteral("not set");
}

} // namespace

void TokenSettingsOptions::addTo(SubcommandParser& parser) const
{
    for (const Option& option : kOptions) {
        const char* help = m_owner == For::Role ? option.roleHelp : option.userHelp;
        if (!help)
            continue;
        if (option.valueName)
            parser.addOption({text(option.flag), text(help), text(option.valueName)});
        else
            parser.addOption({text(option.flag), text(help)});
    }
}

Result<QJsonObject> TokenSettingsOptions::fields(const QCommandLineParser& qt) const
{
    QJsonObject fields;
    for (const Option& option : kOptions) {
        if (!(m_owner == For::Role ? option.roleHelp : option.userHelp))
            continue;
        const QString flag = text(option.flag);
        const QString field = TokenSettings::fieldName(option.field);
        switch (option.kind) {
        case Kind::List:
            fields.insert(field, QJsonArray::fromStringList(listOption(qt, flag)));
            break;
        case Kind::Duration: {
            qint64 seconds = 0;
            TESSERA_TRY(assign(seconds, durationOption(qt, flag)));
            fields.insert(field, seconds);
            break;
        }
        case Kind::Count: {
            int count = 0;
            TESSERA_TRY(assign(count, countOption(qt, flag)));
            fields.insert(field, count);
            break;
        }
        case Kind::Flag:
            fields.insert(field, qt.isSet(flag));
            break;
        case Kind::Type: {
            if (!qt.isSet(flag))
                break;
            const QString type = qt.value(flag).trimmed().toLower();
            if (!engine::roleTokenTypeFromName(type))
                return Error::invalid(QStringLiteral("--type takes service, batch, "
                                                     "default-service or default-batch, not "
                                                     "\"%1\".")
                                          .arg(type));
            fields.insert(field, type);
            break;
        }
        }
    }
    return fields;
}

QList<QPair<QString, QString>>
TokenSettingsOptions::rows(const engine::TokenSettings& settings) const
{
    QList<QPair<QString, QString>> rows;
    for (const Option& option : kOptions) {
        if (!(m_owner == For::Role ? option.roleHelp : option.userHelp))
            continue;
        QString value;
        switch (option.field) {
        case Field::Policies:
            value = settings.policies.isEmpty() ? QStringLiteral("none")
                                                : settings.policies.join(QStringLiteral(", "));
            break;
        case Field::Type:
            value = engine::roleTokenTypeName(settings.tokenType);
            break;
        case Field::Ttl:
            value = durationOrNone(settings.ttl);
            break;
        case Field::MaxTtl:
            value = durationOrNone(settings.maxTtl);
            break;
        case Field::ExplicitMaxTtl:
            value = durationOrNone(settings.explicitMaxTtl);
            break;
        case Field::Period:
            value = durationOrNone(settings.period);
            break;
        case Field::NumUses:
            value = settings.numUses > 0 ? QString::number(settings.numUses)
                                         : QStringLiteral("unlimited");
            break;
        case Field::NoDefaultPolicy:
            value = settings.noDefaultPolicy ? QStringLiteral("no") : QStringLiteral("yes");
            break;
        }
        rows.append({text(option.label), value});
    }
    return rows;
}

} // namespace tessera::cli
