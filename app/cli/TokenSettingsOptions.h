#pragma once

#include "core/Result.h"
#include "engine/TokenSettings.h"

#include <QCommandLineParser>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace tessera::cli {

class SubcommandParser;

// The options of `role write` and `user write` for the token settings roles
// and users share (engine::TokenSettings), and the rows `role read` and
// `user read` show for them: one table of flags, help texts and Vault field
// names for both commands. Parsing and validation stay with
// engine::Role::fromJson and engine::User::fromJson, so the API and the CLI
// accept exactly the same settings.
class TokenSettingsOptions
{
public:
    enum class For
    {
        Role,
        User,
    };

    explicit TokenSettingsOptions(For owner)
        : m_owner(owner)
    {}

    void addTo(SubcommandParser& parser) const;

    // The settings in Vault's field names. Every option of the owner is written
    // (0, empty or false when not given: the object gets exactly the settings
    // given) except --type, which leaves the type alone when absent.
    Result<QJsonObject> fields(const QCommandLineParser& qt) const;

    // Label and value of each setting, for `read`'s table.
    QList<QPair<QString, QString>> rows(const engine::TokenSettings& settings) const;

private:
    For m_owner;
};

} // namespace tessera::cli
