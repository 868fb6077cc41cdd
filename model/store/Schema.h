#pragma once

#include <QList>
#include <string_view>

namespace tessera::store {

// One step of the schema. Steps run in order inside one transaction each; the
// file's PRAGMA user_version records the last step applied.
struct Migration
{
    int version;
    std::string_view sql;
};

// Every migration Tessera knows, oldest first.
const QList<Migration>& migrations();

} // namespace tessera::store
