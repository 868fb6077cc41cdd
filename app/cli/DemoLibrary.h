#pragma once

#include "engine/Role.h"
#include "engine/Token.h"

#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace tessera::cli {

// The made-up library `tessera-cli demo` fills a store with: its policies
// (in Vault's HCL), desks, roles, staff users and patrons. Everything here is
// deterministic for a given seed; only tokens and accessors are random.
class DemoLibrary
{
public:
    struct PolicyText
    {
        QString name;
        QString hcl;
    };

    struct Desk
    {
        QString name;         // display name of the desk token
        QStringList policies; // the desk token's
        QString patronRole;   // the role most patrons at this desk get
        QStringList shifts;   // staff tokens under the desk
    };

    struct StaffUser
    {
        QString name;
        QStringList policies;
        qint64 ttl = 0;
        qint64 maxTtl = 0;
    };

    struct Patron
    {
        QString displayName;   // "Amara Okafor"
        engine::Metadata meta; // patron_id, card_number, purpose
    };

    explicit DemoLibrary(quint32 seed)
        : m_random(seed)
    {}

    static QList<PolicyText> policies();
    static QList<engine::Role> roles();
    static QList<Desk> desks();
    static QList<StaffUser> staffUsers();
    // Devices a patron's session may fan out to (Wi-Fi sign-ins).
    static QStringList deviceNames();

    Patron nextPatron();
    QRandomGenerator& random() { return m_random; }

private:
    QRandomGenerator m_random;
    int m_patronNumber = 0;
};

} // namespace tessera::cli
