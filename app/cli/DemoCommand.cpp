#include "CommandLine.h"
#include "Commands.h"
#include "DemoClock.h"
#include "DemoHistory.h"
#include "DemoLibrary.h"
#include "DemoTree.h"
#include "OptionValues.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "engine/User.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTimeZone>

namespace tessera::cli {
namespace {

constexpr int kMinimumTokens = 20;
constexpr int kDefaultTokens = 3000;

// Staff log in with one shared password when --password-file or
// $TESSERA_USER_PASSWORD gives one; otherwise each gets a random password that
// is never shown, and an administrator sets real ones with `user write`.
Status writeStaffUsers(engine::TokenEngine& engine, const std::optional<QString>& sharedPassword)
{
    for (const DemoLibrary::StaffUser& staff : DemoLibrary::staffUsers()) {
        engine::User user;
        user.name = staff.name;
        user.settings.policies = staff.policies;
        user.settings.ttl = staff.ttl;
        user.settings.maxTtl = staff.maxTtl;
        QString password = sharedPassword.value_or(QString());
        if (!sharedPassword) {
            static const QString alphabet =
                QStringLiteral("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
            for (int i = 0; i < 24; ++i)
                password += alphabet.at(QRandomGenerator::system()->bounded(alphabet.size()));
        }
        TESSERA_TRY(engine.userpass().putUser(StoreSession::caller(), user, password));
    }
    return {};
}

Status writePoliciesAndRoles(engine::TokenEngine& engine)
{
    for (const DemoLibrary::PolicyText& policy : DemoLibrary::policies())
        TESSERA_TRY(engine.admin().putPolicy(StoreSession::caller(), policy.name, policy.hcl));
    for (const engine::Role& role : DemoLibrary::roles())
        TESSERA_TRY(engine.admin().putRole(StoreSession::caller(), role));
    return {};
}

struct DemoOptions
{
    int total = kDefaultTokens;
    quint32 seed = 1;
    std::optional<QString> staffPassword;
    int historyDays = 0;
};

Result<DemoOptions> demoOptions(const SubcommandParser& parser)
{
    DemoOptions options;
    if (parser.isSet(QStringLiteral("tokens")))
        TESSERA_TRY(assign(options.total, countOption(parser.qt(), QStringLiteral("tokens"))));
    if (options.total < kMinimumTokens)
        return Error::invalid(QStringLiteral("--tokens must be at least %1.").arg(kMinimumTokens));
    if (parser.isSet(QStringLiteral("seed")))
        TESSERA_TRY(assign(options.seed, countOption(parser.qt(), QStringLiteral("seed"))));
    if (parser.isSet(QStringLiteral("history-days"))) {
        TESSERA_TRY(
            assign(options.historyDays, countOption(parser.qt(), QStringLiteral("history-days"))));
        if (options.historyDays > DemoHistory::kMaxDays)
            return Error::invalid(
                QStringLiteral("--history-days must be at most %1.").arg(DemoHistory::kMaxDays));
    }
    if (parser.isSet(QStringLiteral("password-file")) ||
        qEnvironmentVariableIsSet("TESSERA_USER_PASSWORD")) {
        auto secret = PassphraseSource::read(
            {QStringLiteral("staff password"), parser.value(QStringLiteral("password-file")),
             QStringLiteral("--password-file"), QStringLiteral("TESSERA_USER_PASSWORD"), false});
        if (!secret)
            return secret.error();
        options.staffPassword = QString::fromUtf8(secret->view());
    }
    return options;
}

// A new store is created on the spot (with its root token); an existing one
// is added to, under a root token of its own. A history goes into a new store
// only: the past cannot follow records already written today.
Result<StoreSession::Initialized> openOrCreate(const SubcommandParser& parser,
                                               const DemoClock& clock, bool withHistory)
{
    const QString path = parser.storePath();
    if (withHistory && QFileInfo::exists(path))
        return Error::invalid(
            QStringLiteral(
                "--history-days needs a new store: %1 exists, and its log cannot go back in time.")
                .arg(path));
    if (!QFileInfo::exists(path)) {
        TESSERA_TRY(StoreSession::prepareNewStore(path));
        auto passphrase =
            PassphraseSource::read(SecretSource::storePassphrase(parser.passphraseFile(), true));
        if (!passphrase)
            return passphrase.error();
        return StoreSession::initialize(path, passphrase->view(), clock);
    }
    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    auto root = (*session)->engine().tokens().createRootToken(StoreSession::caller());
    if (!root)
        return root.error();
    return StoreSession::Initialized{std::move(session).value(), std::move(root).value()};
}

void printSummary(const QString& path, const engine::CreatedToken& root,
                  const DemoTree::Counts& counts, qint64 elapsedMs, const Output& output)
{
    const int stored = counts.stored();
    output.document(QJsonObject{
        {QStringLiteral("store"), path},
        {QStringLiteral("root_token"), root.token},
        {QStringLiteral("root_accessor"), root.info.accessor},
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
    output.line(QStringLiteral("    %1").arg(root.token));
    output.line(QStringLiteral("Browse it with: tessera-cli token tree %1 --depth 2")
                    .arg(root.info.accessor));
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
    parser.addOption({QStringLiteral("history-days"),
                      QStringLiteral("Also write what the library did on the N days before today "
                                     "(a new store only; default 0)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("password-file"),
                      QStringLiteral("Give every staff user the password on the first line of FILE "
                                     "(else $TESSERA_USER_PASSWORD, else random unshown ones)."),
                      QStringLiteral("FILE")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    auto options = demoOptions(parser);
    if (!options)
        return options.error();

    // With a history, the store, its policies, roles and staff date from the
    // morning of its first day.
    DemoClock clock;
    const QTimeZone zone = QTimeZone::systemTimeZone();
    if (options->historyDays > 0) {
        const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
        clock.holdAt(
            QDateTime(today.addDays(-options->historyDays), QTime(8, 0), zone).toMSecsSinceEpoch());
    }
    auto store = openOrCreate(parser, clock, options->historyDays > 0);
    if (!store)
        return store.error();
    QElapsedTimer timer; // the filling, without the KDF or a passphrase prompt
    timer.start();
    engine::TokenEngine& engine = store->session->engine();
    TESSERA_TRY(writePoliciesAndRoles(engine));
    TESSERA_TRY(writeStaffUsers(engine, options->staffPassword));
    DemoLibrary library(options->seed);
    if (options->historyDays > 0) {
        auto history = DemoHistory(engine, library, clock, options->staffPassword)
                           .write(store->root.info.accessor, options->historyDays);
        if (!history)
            return history.error();
    }
    auto counts = DemoTree(engine, library).grow(store->root.info.accessor, options->total);
    if (!counts)
        return counts.error();
    printSummary(parser.storePath(), store->root, *counts, timer.elapsed(), Output(parser.json()));
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
