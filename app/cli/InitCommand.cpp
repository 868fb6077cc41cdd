#include "CommandLine.h"
#include "Commands.h"
#include "Output.h"
#include "PassphraseSource.h"
#include "StoreSession.h"
#include "SubcommandParser.h"

#include <QJsonObject>

namespace tessera::cli {
namespace {

Result<int> init(const QStringList& arguments)
{
    SubcommandParser parser(
        QStringLiteral("init"),
        QStringLiteral("Create an encrypted store and print its root token once."));
    parser.addStoreOptions();
    parser.addJsonOption();
    if (auto exit = parser.parse(arguments, 0, 0))
        return *exit;

    // Checked before the passphrase is asked for.
    const QString path = parser.storePath();
    TESSERA_TRY(StoreSession::prepareNewStore(path));
    auto passphrase =
        PassphraseSource::read(SecretSource::storePassphrase(parser.passphraseFile(), true));
    if (!passphrase)
        return passphrase.error();
    auto initialized = StoreSession::initialize(path, passphrase->view());
    if (!initialized)
        return initialized.error();
    const engine::CreatedToken& root = initialized->root;

    const Output output(parser.json());
    output.document(QJsonObject{{QStringLiteral("root_token"), root.token},
                                {QStringLiteral("accessor"), root.info.accessor},
                                {QStringLiteral("store"), path}});
    output.line(QStringLiteral("Created the store %1.").arg(path));
    output.line(QStringLiteral("Root token (shown only this once; keep it somewhere safe):"));
    output.line(QString());
    output.line(QStringLiteral("    %1").arg(root.token));
    output.line(QString());
    output.line(QStringLiteral("Root accessor: %1").arg(root.info.accessor));
    return 0;
}

} // namespace

void addInitCommand(CommandLine& commandLine)
{
    commandLine.add({QStringLiteral("init"),
                     {},
                     QStringLiteral("Create a store and print its root token."),
                     init});
}

} // namespace tessera::cli
