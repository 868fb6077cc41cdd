#include "CommandLine.h"
#include "Commands.h"
#include "DemoLibrary.h"
#include "OptionValues.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/User.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>

namespace tessera::cli {
namespace {

constexpr int kMinimumTokens = 20;
constexpr int kDefaultTokens = 3000;
constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;

struct DemoCounts
{
    int desks = 0;
    int shifts = 0;
    int patrons = 0;
    int devices = 0;
    int expiringWithinTheHour = 0;
    int batch = 0;
    int warnings = 0;
};

// Issues one level of the tree in one transaction: a few thousand tokens
// commit once instead of once each.
Result<QList<engine::CreatedToken>> issueAll(engine::TokenEngine& engine,
                                             const QList<engine::TokenRequest>& requests,
                                             DemoCounts& counts)
{
    auto created = engine.createTokens(StoreSession::caller(), requests);
    if (!created)
        return created.error();
    for (const engine::CreatedToken& token : std::as_const(*created))
        counts.warnings += static_cast<int>(token.warnings.size());
    return created;
}

// Staff log in with one shared password when --password-file or
// $TESSERA_USER_PASSWORD gives one; otherwise each gets a random password that
// is never shown, and an administrator sets real ones with `user write`.
Status writeStaffUsers(engine::TokenEngine& engine, const std::optional<QString>& sharedPassword)
{
    for (const DemoLibrary::StaffUser& staff : DemoLibrary::staffUsers()) {
        engine::User user;
        user.name = staff.name;
        user.policies = staff.policies;
        user.ttl = staff.ttl;
        user.maxTtl = staff.maxTtl;
        QString password = sharedPassword.value_or(QString());
        if (!sharedPassword) {
            static const QString alphabet =
                QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
            for (int i = 0; i < 24; ++i)
                password += alphabet.at(QRandomGenerator::system()->bounded(alphabet.size()));
        }
        TESSERA_TRY(engine.putUser(StoreSession::caller(), user, password));
    }
    return {};
}

engine::TokenRequest childOf(const QString& parentAccessor, const QString& displayName)
{
    engine::TokenRequest request;
    request.parentAccessor = parentAccessor;
    request.displayName = displayName;
    return request;
}

Status writePoliciesAndRoles(engine::TokenEngine& engine)
{
    for (const DemoLibrary::PolicyText& policy : DemoLibrary::policies())
        TESSERA_TRY(engine.putPolicy(StoreSession::caller(), policy.name, policy.hcl));
    for (const engine::Role& role : DemoLibrary::roles())
        TESSERA_TRY(engine.putRole(StoreSession::caller(), role));
    return {};
}

// root -> desks -> shifts -> patrons -> devices: five levels, as a library's
// tokens grow. `total` counts stored tokens, the root included.
Status buildTree(engine::TokenEngine& engine, const QString& rootAccessor, int total,
                 DemoLibrary& library, DemoCounts& counts)
{
    const QList<DemoLibrary::Desk> desks = DemoLibrary::desks();
    QList<engine::TokenRequest> deskRequests;
    for (const DemoLibrary::Desk& desk : desks) {
        engine::TokenRequest request = childOf(rootAccessor, desk.name);
        request.policies = desk.policies;
        deskRequests << request;
    }
    auto deskTokens = issueAll(engine, deskRequests, counts);
    if (!deskTokens)
        return deskTokens.error();
    counts.desks = static_cast<int>(deskTokens->size());

    QList<engine::TokenRequest> shiftRequests;
    QList<int> shiftDesk; // index into desks, per shift
    for (qsizetype d = 0; d < desks.size(); ++d) {
        for (const QString& shift : desks.at(d).shifts) {
            shiftRequests << childOf(deskTokens->at(d).info.accessor, shift);
            shiftDesk << static_cast<int>(d);
        }
    }
    auto shiftTokens = issueAll(engine, shiftRequests, counts);
    if (!shiftTokens)
        return shiftTokens.error();
    counts.shifts = static_cast<int>(shiftTokens->size());

    // Three patrons for every device; the desks see different crowds.
    const int remaining = total - 1 - counts.desks - counts.shifts;
    const int patronCount = std::max(1, remaining * 3 / 4);
    const QList<int> deskWeights{35, 15, 30, 20};
    QList<engine::TokenRequest> patronRequests;
    // One patron in fifteen books a reading-room slot at the circulation desk:
    // those tokens expire within the hour.
    const auto isSlot = [](int patron) { return patron % 15 == 0; };
    for (int i = 0; i < patronCount; ++i) {
        int d = 0;
        if (!isSlot(i)) {
            int pick = library.random().bounded(100);
            while (pick >= deskWeights.at(d)) {
                pick -= deskWeights.at(d);
                ++d;
            }
        }
        QList<int> shifts;
        for (qsizetype s = 0; s < shiftDesk.size(); ++s) {
            if (shiftDesk.at(s) == d)
                shifts << static_cast<int>(s);
        }
        const int shift = shifts.at(library.random().bounded(static_cast<int>(shifts.size())));
        const DemoLibrary::Patron patron = library.nextPatron();
        engine::TokenRequest request =
            childOf(shiftTokens->at(shift).info.accessor, patron.displayName);
        request.meta = patron.meta;
        if (isSlot(i)) {
            request.policies = {QStringLiteral("reading-room")};
            request.ttl = (10 + library.random().bounded(50)) * kMinute;
            request.renewable = false;
            request.meta.insert(QStringLiteral("purpose"), QStringLiteral("reading room slot"));
            ++counts.expiringWithinTheHour;
        } else {
            request.role = desks.at(d).patronRole;
        }
        patronRequests << request;
    }
    auto patronTokens = issueAll(engine, patronRequests, counts);
    if (!patronTokens)
        return patronTokens.error();
    counts.patrons = static_cast<int>(patronTokens->size());

    // Devices sign in under a patron's pass, for no longer than the pass
    // lasts. A use-limited token cannot have children, so one-time archive
    // passes get none; nor do reading-room slots.
    QList<int> parents;
    for (int p = 0; p < static_cast<int>(patronTokens->size()); ++p) {
        if (!patronTokens->at(p).info.hasUseLimit() && !isSlot(p))
            parents << p;
    }
    const int deviceCount = parents.isEmpty() ? 0 : remaining - counts.patrons;
    const QStringList devices = DemoLibrary::deviceNames();
    QList<engine::TokenRequest> deviceRequests;
    for (int i = 0; i < deviceCount; ++i) {
        const engine::CreatedToken& patron = patronTokens->at(
            parents.at(library.random().bounded(static_cast<int>(parents.size()))));
        const QString device =
            devices.at(library.random().bounded(static_cast<int>(devices.size())));
        engine::TokenRequest request = childOf(
            patron.info.accessor, QStringLiteral("%1's %2").arg(patron.info.displayName, device));
        request.meta.insert(QStringLiteral("device"), device);
        request.meta.insert(QStringLiteral("patron_id"),
                            patron.info.meta.value(QStringLiteral("patron_id")));
        request.ttl = (1 + library.random().bounded(12)) * kHour;
        if (patron.info.creationTtl > 0)
            request.ttl = std::min(request.ttl, patron.info.creationTtl);
        deviceRequests << request;
    }
    auto deviceTokens = issueAll(engine, deviceRequests, counts);
    if (!deviceTokens)
        return deviceTokens.error();
    counts.devices = static_cast<int>(deviceTokens->size());

    // Guest Wi-Fi vouchers as batch tokens: not stored, so they do not count
    // towards `total`, but they show in the audit log.
    QList<engine::TokenRequest> batchRequests;
    const int batchCount = std::max(3, total / 300);
    for (int i = 0; i < batchCount; ++i) {
        const int wifiDesk = static_cast<int>(desks.size()) - 1;
        const int shift = static_cast<int>(shiftDesk.lastIndexOf(wifiDesk));
        engine::TokenRequest request = childOf(shiftTokens->at(shift).info.accessor,
                                               QStringLiteral("Guest Wi-Fi voucher %1").arg(i + 1));
        request.type = engine::TokenType::Batch;
        request.policies = {QStringLiteral("wifi")};
        request.ttl = 2 * kHour;
        batchRequests << request;
    }
    auto batchTokens = issueAll(engine, batchRequests, counts);
    if (!batchTokens)
        return batchTokens.error();
    counts.batch = static_cast<int>(batchTokens->size());
    return {};
}

Result<int> demo(const QStringList& arguments)
{
    SubcommandParser parser(QStringLiteral("demo"),
                            QStringLiteral("Fill a new or existing store with a realistic library: "
                                           "desks, roles, policies, staff users and patrons."));
    parser.addStoreOptions();
    parser.addJsonOption();
    parser.addOption({QStringLiteral("tokens"),
                      QStringLiteral("Service tokens to create (default %1).").arg(kDefaultTokens),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("seed"),
         QStringLiteral("Seed for names and shapes (default 1): same seed, same library."),
         QStringLiteral("N")});
    parser.addOption({QStringLiteral("password-file"),
                      QStringLiteral("Give every staff user the password on the first line of FILE "
                                     "(else $TESSERA_USER_PASSWORD, else random unshown ones)."),
                      QStringLiteral("FILE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    std::optional<QString> staffPassword;
    if (parser.isSet(QStringLiteral("password-file")) ||
        qEnvironmentVariableIsSet("TESSERA_USER_PASSWORD")) {
        auto secret = PassphraseSource::read(
            {QStringLiteral("staff password"), parser.value(QStringLiteral("password-file")),
             QStringLiteral("--password-file"), QStringLiteral("TESSERA_USER_PASSWORD"), false});
        if (!secret)
            return secret.error();
        staffPassword = QString::fromUtf8(secret->view());
    }
    int total = kDefaultTokens;
    if (parser.isSet(QStringLiteral("tokens")))
        TESSERA_TRY(assign(total, countOption(parser.qt(), QStringLiteral("tokens"))));
    if (total < kMinimumTokens)
        return Error::invalid(QStringLiteral("--tokens must be at least %1.").arg(kMinimumTokens));
    int seed = 1;
    if (parser.isSet(QStringLiteral("seed")))
        TESSERA_TRY(assign(seed, countOption(parser.qt(), QStringLiteral("seed"))));

    // A new store is created on the spot; an existing one is added to.
    QElapsedTimer timer;
    std::unique_ptr<StoreSession> session;
    std::optional<engine::CreatedToken> root;
    const QString path = parser.storePath();
    const bool newStore = !QFileInfo::exists(path);
    if (newStore) {
        TESSERA_TRY(StoreSession::prepareNewStore(path));
        auto passphrase =
            PassphraseSource::read(SecretSource::storePassphrase(parser.passphraseFile(), true));
        if (!passphrase)
            return passphrase.error();
        timer.start();
        auto initialized = StoreSession::initialize(path, passphrase->view());
        if (!initialized)
            return initialized.error();
        session = std::move(initialized->session);
        root = std::move(initialized->root);
    } else {
        auto opened = StoreSession::open(parser);
        if (!opened)
            return opened.error();
        timer.start();
        session = std::move(opened).value();
        auto created = session->engine().createRootToken(StoreSession::caller());
        if (!created)
            return created.error();
        root = std::move(created).value();
    }

    engine::TokenEngine& engine = session->engine();
    TESSERA_TRY(writePoliciesAndRoles(engine));
    TESSERA_TRY(writeStaffUsers(engine, staffPassword));
    DemoLibrary library(static_cast<quint32>(seed));
    DemoCounts counts;
    TESSERA_TRY(buildTree(engine, root->info.accessor, total, library, counts));
    const int stored = 1 + counts.desks + counts.shifts + counts.patrons + counts.devices;
    const qint64 elapsedMs = timer.elapsed();

    const Output output(parser.json());
    output.document(QJsonObject{
        {QStringLiteral("store"), path},
        {QStringLiteral("root_token"), root->token},
        {QStringLiteral("root_accessor"), root->info.accessor},
        {QStringLiteral("tokens"), stored},
        {QStringLiteral("desks"), counts.desks},
        {QStringLiteral("shifts"), counts.shifts},
        {QStringLiteral("patrons"), counts.patrons},
        {QStringLiteral("devices"), counts.devices},
        {QStringLiteral("expiring_within_the_hour"), counts.expiringWithinTheHour},
        {QStringLiteral("batch_tokens"), counts.batch},
        {QStringLiteral("policies"), DemoLibrary::policies().size()},
        {QStringLiteral("roles"), DemoLibrary::roles().size()},
        {QStringLiteral("users"), DemoLibrary::staffUsers().size()},
        {QStringLiteral("elapsed_ms"), elapsedMs},
    });
    output.line(QStringLiteral("Built a demo library in %1 (%2 ms):").arg(path).arg(elapsedMs));
    output.table({
        {QStringLiteral("  tokens stored"), QString::number(stored)},
        {QStringLiteral("  desks / shifts"),
         QStringLiteral("%1 / %2").arg(counts.desks).arg(counts.shifts)},
        {QStringLiteral("  patrons / devices"),
         QStringLiteral("%1 / %2").arg(counts.patrons).arg(counts.devices)},
        {QStringLiteral("  expiring within the hour"),
         QString::number(counts.expiringWithinTheHour)},
        {QStringLiteral("  batch tokens (not stored)"), QString::number(counts.batch)},
        {QStringLiteral("  policies / roles / users"), QStringLiteral("%1 / %2 / %3")
                                                           .arg(DemoLibrary::policies().size())
                                                           .arg(DemoLibrary::roles().size())
                                                           .arg(DemoLibrary::staffUsers().size())},
    });
    output.line(QString());
    output.line(QStringLiteral("Root token of the library (shown only this once):"));
    output.line(QStringLiteral("    %1").arg(root->token));
    output.line(QStringLiteral("Browse it with: tessera-cli token tree %1 --depth 2")
                    .arg(root->info.accessor));
    return 0;
}

} // namespace

void addDemoCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("demo"),
                     {},
                     QStringLiteral("Fill a store with a realistic demo library."),
                     demo});
}

} // namespace tessera::cli
