#include "DemoLibrary.h"

namespace tessera::cli {
namespace {

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;

QString policyBlock(const QString& path, const QString& capabilities)
{
    return QStringLiteral("path \"%1\" {\n  capabilities = [%2]\n}\n").arg(path, capabilities);
}

const QStringList& givenNames()
{
    static const QStringList names{
        QStringLiteral("Amara"),  QStringLiteral("Lucas"),     QStringLiteral("Mei"),
        QStringLiteral("Jonas"),  QStringLiteral("Fatima"),    QStringLiteral("Diego"),
        QStringLiteral("Ingrid"), QStringLiteral("Kwame"),     QStringLiteral("Sofia"),
        QStringLiteral("Tomasz"), QStringLiteral("Aiko"),      QStringLiteral("Rahul"),
        QStringLiteral("Elena"),  QStringLiteral("Oluwaseun"), QStringLiteral("Clara"),
        QStringLiteral("Mateo"),  QStringLiteral("Noor"),      QStringLiteral("Henrik"),
        QStringLiteral("Lucía"),  QStringLiteral("Samuel"),    QStringLiteral("Yara"),
        QStringLiteral("Felix"),  QStringLiteral("Priya"),     QStringLiteral("Jamal"),
        QStringLiteral("Greta"),  QStringLiteral("Chen"),      QStringLiteral("Zeynep"),
        QStringLiteral("Oskar"),  QStringLiteral("Ana"),       QStringLiteral("Malik"),
    };
    return names;
}

const QStringList& familyNames()
{
    static const QStringList names{
        QStringLiteral("Okafor"),    QStringLiteral("Schneider"), QStringLiteral("Wang"),
        QStringLiteral("García"),    QStringLiteral("Nowak"),     QStringLiteral("Haddad"),
        QStringLiteral("Lindqvist"), QStringLiteral("Mensah"),    QStringLiteral("Rossi"),
        QStringLiteral("Tanaka"),    QStringLiteral("Sharma"),    QStringLiteral("Petrova"),
        QStringLiteral("Adeyemi"),   QStringLiteral("Dubois"),    QStringLiteral("Fernández"),
        QStringLiteral("Khan"),      QStringLiteral("Jensen"),    QStringLiteral("Müller"),
        QStringLiteral("Costa"),     QStringLiteral("Yilmaz"),    QStringLiteral("Novak"),
        QStringLiteral("Iyer"),      QStringLiteral("Brennan"),   QStringLiteral("Kowalczyk"),
        QStringLiteral("Silva"),     QStringLiteral("Abara"),     QStringLiteral("Larsen"),
    };
    return names;
}

const QStringList& purposes()
{
    static const QStringList reasons{
        QStringLiteral("thesis research"), QStringLiteral("exam preparation"),
        QStringLiteral("local history"),   QStringLiteral("genealogy"),
        QStringLiteral("job search"),      QStringLiteral("language course"),
        QStringLiteral("leisure reading"), QStringLiteral("newspaper archive"),
        QStringLiteral("homework club"),   QStringLiteral("grant writing"),
        QStringLiteral("map collection"),  QStringLiteral("music scores"),
    };
    return reasons;
}

// A 14-digit library barcode: "2" for patron cards, an institution code, a
// serial and a mod-10 check digit (the Codabar cards most libraries issue).
QString cardNumber(int serial, QRandomGenerator& random)
{
    QString digits = QStringLiteral("2%1%2")
                         .arg(2400 + random.bounded(20))
                         .arg(serial + 10'000'000, 8, 10, QLatin1Char('0'));
    int sum = 0;
    for (qsizetype i = 0; i < digits.size(); ++i) {
        int digit = digits.at(i).digitValue();
        if (i % 2 == 0) {
            digit *= 2;
            if (digit > 9)
                digit -= 9;
        }
        sum += digit;
    }
    return digits + QString::number((10 - sum % 10) % 10);
}

struct RoleSettings
{
    qint64 ttl = 0;
    qint64 explicitMaxTtl = 0;
    qint64 period = 0;
    int uses = 0;
    bool renewable = true;
};

engine::Role role(const QString& name, const QStringList& allowed, const RoleSettings& settings)
{
    engine::Role role;
    role.name = name;
    role.allowedPolicies = allowed;
    role.settings.ttl = settings.ttl;
    role.settings.explicitMaxTtl = settings.explicitMaxTtl;
    role.settings.period = settings.period;
    role.settings.numUses = settings.uses;
    role.renewable = settings.renewable;
    return role;
}

} // namespace

QList<DemoLibrary::PolicyText> DemoLibrary::policies()
{
    const QString read = QStringLiteral("\"read\", \"list\"");
    return {
        {QStringLiteral("catalogue"),
         QStringLiteral("# Search the catalogue and see one's own loans.\n") +
             policyBlock(QStringLiteral("catalogue/*"), read) +
             policyBlock(QStringLiteral("loans/+/self"), QStringLiteral("\"read\""))},
        {QStringLiteral("ebooks"),
         QStringLiteral("# Read licensed e-books; the publisher vault stays closed.\n") +
             policyBlock(QStringLiteral("ebooks/*"), read) +
             policyBlock(QStringLiteral("ebooks/publisher-masters/*"), QStringLiteral("\"deny\""))},
        {QStringLiteral("databases"), QStringLiteral("# Licensed research databases.\n") +
                                          policyBlock(QStringLiteral("databases/*"), read)},
        {QStringLiteral("archives"),
         QStringLiteral(
             "# Special collections: view and order scans, never the restricted box.\n") +
             policyBlock(QStringLiteral("archives/*"), read) +
             policyBlock(QStringLiteral("archives/scans/orders"), QStringLiteral("\"create\"")) +
             policyBlock(QStringLiteral("archives/restricted/*"), QStringLiteral("\"deny\""))},
        {QStringLiteral("reading-room"),
         QStringLiteral("# Open the reading room doors and book a seat.\n") +
             policyBlock(QStringLiteral("doors/reading-room"), QStringLiteral("\"update\"")) +
             policyBlock(QStringLiteral("seats/+/booking"),
                         QStringLiteral("\"create\", \"read\", \"delete\""))},
        {QStringLiteral("wifi"),
         QStringLiteral("# Join the patron Wi-Fi.\n") +
             policyBlock(QStringLiteral("wifi/patron"), QStringLiteral("\"read\""))},
        {QStringLiteral("circulation-desk"),
         QStringLiteral("# Desk staff: loans and patron records.\n") +
             policyBlock(QStringLiteral("loans/*"),
                         QStringLiteral("\"create\", \"read\", \"update\", \"list\"")) +
             policyBlock(QStringLiteral("patrons/*"), QStringLiteral("\"read\", \"list\""))},
    };
}

QList<engine::Role> DemoLibrary::roles()
{
    // A semester outlasts the system max TTL (32 days), so its tokens are
    // periodic: renewed monthly, never past the explicit max of 120 days.
    return {
        role(QStringLiteral("visitor-day-pass"),
             {QStringLiteral("reading-room"), QStringLiteral("wifi"), QStringLiteral("catalogue")},
             {.ttl = kDay, .renewable = false}),
        role(QStringLiteral("semester-e-resources"),
             {QStringLiteral("ebooks"), QStringLiteral("databases"), QStringLiteral("catalogue")},
             {.explicitMaxTtl = 120 * kDay, .period = 30 * kDay}),
        role(QStringLiteral("one-time-archive-entry"),
             {QStringLiteral("archives"), QStringLiteral("reading-room")},
             {.ttl = 8 * kHour, .uses = 1, .renewable = false}),
        role(QStringLiteral("guest-wifi"), {QStringLiteral("wifi")}, {.ttl = 12 * kHour}),
    };
}

QList<DemoLibrary::Desk> DemoLibrary::desks()
{
    return {
        {QStringLiteral("Circulation desk"),
         {QStringLiteral("catalogue"), QStringLiteral("circulation-desk"),
          QStringLiteral("reading-room"), QStringLiteral("wifi")},
         QStringLiteral("visitor-day-pass"),
         {QStringLiteral("Circulation: morning shift"),
          QStringLiteral("Circulation: evening shift"), QStringLiteral("Circulation: weekend")}},
        {QStringLiteral("Archives desk"),
         {QStringLiteral("archives"), QStringLiteral("catalogue"), QStringLiteral("reading-room")},
         QStringLiteral("one-time-archive-entry"),
         {QStringLiteral("Archives: reading room"), QStringLiteral("Archives: scan service")}},
        {QStringLiteral("E-resources desk"),
         {QStringLiteral("catalogue"), QStringLiteral("databases"), QStringLiteral("ebooks")},
         QStringLiteral("semester-e-resources"),
         {QStringLiteral("E-resources: student enrolment"), QStringLiteral("E-resources: faculty"),
          QStringLiteral("E-resources: distance learners")}},
        {QStringLiteral("Wi-Fi desk"),
         {QStringLiteral("wifi")},
         QStringLiteral("guest-wifi"),
         {QStringLiteral("Wi-Fi: main hall"), QStringLiteral("Wi-Fi: children's library")}},
    };
}

QList<DemoLibrary::StaffUser> DemoLibrary::staffUsers()
{
    return {
        {QStringLiteral("circulation.lead"),
         {QStringLiteral("circulation-desk"), QStringLiteral("catalogue")},
         8 * kHour,
         kDay},
        {QStringLiteral("archivist"),
         {QStringLiteral("archives"), QStringLiteral("catalogue")},
         8 * kHour,
         kDay},
        {QStringLiteral("e-resources.librarian"),
         {QStringLiteral("ebooks"), QStringLiteral("databases")},
         8 * kHour,
         kDay},
        {QStringLiteral("night.porter"), {QStringLiteral("reading-room")}, 10 * kHour, 12 * kHour},
        {QStringLiteral("reading-room.kiosk"),
         {QStringLiteral("reading-room"), QStringLiteral("wifi")},
         kHour,
         4 * kHour},
    };
}

QStringList DemoLibrary::deviceNames()
{
    return {QStringLiteral("laptop"), QStringLiteral("phone"), QStringLiteral("tablet"),
            QStringLiteral("e-reader")};
}

DemoLibrary::Patron DemoLibrary::nextPatron()
{
    ++m_patronNumber;
    const QString given = givenNames().at(m_random.bounded(givenNames().size()));
    const QString family = familyNames().at(m_random.bounded(familyNames().size()));
    Patron patron;
    patron.displayName = given + QLatin1Char(' ') + family;
    patron.meta.insert(
        QStringLiteral("patron_id"),
        QStringLiteral("P-%1").arg(100'000 + m_patronNumber, 6, 10, QLatin1Char('0')));
    patron.meta.insert(QStringLiteral("card_number"), cardNumber(m_patronNumber, m_random));
    patron.meta.insert(QStringLiteral("purpose"),
                       purposes().at(m_random.bounded(purposes().size())));
    return patron;
}

} // namespace tessera::cli
