#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "StoreSession.h"
#include "SubcommandParser.h"
#include "api/ApiServer.h"
#include "engine/ExpiryScheduler.h"
#include "engine/GatePath.h"
#include "store/SqliteFiles.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSocketNotifier>
#include <QTimer>
#include <csignal>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

namespace tessera::cli {
namespace {

constexpr int kStoreCheckIntervalMs = 500;

// SIGINT and SIGTERM end the event loop through a socket pair, so that the
// server stops and the store closes (WAL checkpoint, queued audit records)
// instead of the process dying in the middle of a write.
int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    (void)!::write(g_signalPipe[0], &byte, 1);
}

class QuitOnSignal
{
public:
    QuitOnSignal()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[1], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, qApp,
                         &QCoreApplication::quit);
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
    }
    ~QuitOnSignal()
    {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        m_notifier.reset();
        for (int& fd : g_signalPipe) {
            if (fd >= 0)
                ::close(fd);
            fd = -1;
        }
    }
    QuitOnSignal(const QuitOnSignal&) = delete;
    QuitOnSignal& operator=(const QuitOnSignal&) = delete;

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

Result<api::ListenConfig> listenConfig(const SubcommandParser& parser)
{
    auto config = api::ListenConfig::parse(parser.isSet(QStringLiteral("listen"))
                                               ? parser.value(QStringLiteral("listen"))
                                               : QStringLiteral("127.0.0.1:8200"));
    TESSERA_TRY(config);
    config->tlsCertificate = parser.value(QStringLiteral("tls-cert"));
    config->tlsKey = parser.value(QStringLiteral("tls-key"));
    config->insecure = parser.isSet(QStringLiteral("insecure-listen"));
    config->issuer = parser.value(QStringLiteral("issuer"));
    config->gate.secureCookies = parser.isSet(QStringLiteral("gate-secure-cookies"));
    for (const QString& host : parser.values(QStringLiteral("gate-allowed-host"))) {
        auto name = engine::GatePath::normalizedHost(host.toUtf8());
        if (!name)
            return Error::invalid(
                QStringLiteral("--gate-allowed-host %1: not a host name.").arg(host));
        config->gate.allowedRedirectHosts.append(*name);
    }
    for (const QString& proxy : parser.values(QStringLiteral("gate-trusted-proxy"))) {
        if (proxy.trimmed() == QLatin1String("unix")) {
            config->gate.trustedProxies.append(QStringLiteral("unix"));
            continue;
        }
        const QHostAddress address(proxy.trimmed());
        if (address.isNull())
            return Error::invalid(
                QStringLiteral("--gate-trusted-proxy %1: not an IP address or unix.").arg(proxy));
        config->gate.trustedProxies.append(address.toString());
    }
    if (parser.isSet(QStringLiteral("gate-origin"))) {
        auto origin = api::GateConfig::checkedOrigin(parser.value(QStringLiteral("gate-origin")));
        if (!origin)
            return Error::invalid(QStringLiteral("--gate-origin ") + origin.error().message);
        config->gate.publicOrigin = *origin;
    }
    TESSERA_TRY(config->check());
    return config;
}

Result<int> serve(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("serve"),
        QStringLiteral("Serve the Vault-compatible HTTP API until SIGINT or SIGTERM. Prints "
                       "\"listening on URL\" on stdout once it accepts connections."));
    parser.addStoreOptions();
    parser.addOption({QStringLiteral("listen"),
                      QStringLiteral("Address and port (default 127.0.0.1:8200; port 0 picks a "
                                     "free one). A non-loopback address needs TLS. "
                                     "unix:/PATH listens on a Unix socket (mode 0660) for a "
                                     "proxy on this machine."),
                      QStringLiteral("HOST:PORT")});
    parser.addOption({QStringLiteral("tls-cert"),
                      QStringLiteral("PEM certificate (then its chain) to serve HTTPS with."),
                      QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("tls-key"),
                      QStringLiteral("PEM private key of the certificate."),
                      QStringLiteral("PEM")});
    parser.addOption({QStringLiteral("insecure-listen"),
                      QStringLiteral("Allow plain HTTP on a non-loopback address.")});
    parser.addOption({QStringLiteral("issuer"),
                      QStringLiteral("The iss of minted JWTs (default URL/v1/identity/oidc)."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("gate-allowed-host"),
                      QStringLiteral("A host the sign-in page may send patrons back to (rd); "
                                     "repeat for more. Paths on this server are always allowed."),
                      QStringLiteral("HOST")});
    parser.addOption({QStringLiteral("gate-trusted-proxy"),
                      QStringLiteral("The address of a reverse proxy in front of the gate: its "
                                     "X-Forwarded-For names the patron, for sign-in limits and "
                                     "audit records. Repeat for more; unix: the proxy on the "
                                     "Unix socket."),
                      QStringLiteral("ADDRESS")});
    parser.addOption({QStringLiteral("gate-origin"),
                      QStringLiteral("The gate's address as browsers see it "
                                     "(https://library.example.org): patrons' security keys are "
                                     "bound to its host. Without it the pages offer none."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("gate-secure-cookies"),
                      QStringLiteral("Mark the sign-in cookie Secure although this server "
                                     "speaks plain HTTP (it sits behind a TLS proxy).")});
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;
    // A refused address is reported before the passphrase is asked for.
    auto config = listenConfig(parser);
    if (!config)
        return config.error();

    auto session = StoreSession::open(parser);
    if (!session)
        return session.error();
    engine::TokenEngine& engine = (*session)->engine();
    engine::ExpiryScheduler expiry(engine);
    expiry.start();
    api::ApiServer server(engine);
    TESSERA_TRY(server.start(*config));
    const QuitOnSignal quitOnSignal;
    Output(false).line(QStringLiteral("listening on %1").arg(server.url()));
    std::fflush(stdout);
    // Another program renamed a file over the store or deleted its WAL: stop
    // rather than acknowledge writes that no other process would ever see.
    std::optional<Error> lost;
    QTimer watch;
    QObject::connect(&watch, &QTimer::timeout, [&] {
        if (auto verified = store::SqliteFiles::verifyUnchanged(engine.storePath()); !verified) {
            lost = verified.error();
            QCoreApplication::exit(exitCode(lost->code));
        }
    });
    watch.start(kStoreCheckIntervalMs);
    const int code = QCoreApplication::exec();
    server.stop();
    if (lost)
        return *lost;
    return code;
}

} // namespace

void addServeCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("serve"),
                     {},
                     QStringLiteral("Serve the Vault-compatible HTTP API."),
                     serve});
}

} // namespace tessera::cli
