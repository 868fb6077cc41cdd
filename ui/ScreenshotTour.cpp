#include "ui/ScreenshotTour.h"

#include "crypto/Random.h"
#include "crypto/Sha256.h"
#include "crypto/Signature.h"
#include "engine/CoseKey.h"
#include "engine/SecurityKeyService.h"
#include "items/TokenTreeModel.h"
#include "ui/DashboardView.h"
#include "ui/ExpiringSoonDialog.h"
#include "ui/MainWindow.h"
#include "ui/PatronImportDialog.h"
#include "ui/SecondFactorDialog.h"
#include "ui/Session.h"
#include "ui/UserEditor.h"

#include <QAction>
#include <QApplication>
#include <QCborMap>
#include <QCborValue>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QPixmap>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <cstdio>

namespace tessera::ui {
namespace {
constexpr int kSettleMs = 1500;
// A staff account of `tessera-cli demo`'s library.
const QString kDemoUser = QStringLiteral("circulation.lead");

// A security key for the picture, registered through the engine the way a
// browser with a plugged-in key would answer its registration options ("none"
// attestation), from a key pair made here and forgotten: the row is real, and
// nobody can sign in with it. Only the throw-away store of
// scripts/screenshots.sh gets these.
Status addPictureKey(engine::TokenEngine& engine, const QString& label,
                     crypto::SignatureAlgorithm algorithm)
{
    const engine::RelyingParty rp{QStringLiteral("localhost"),
                                  {QStringLiteral("http://localhost")}};
    auto options = engine.securityKeys().registrationOptions(Session::caller(), kDemoUser, rp);
    TESSERA_TRY(options);
    auto key = crypto::SigningKey::generate(algorithm);
    TESSERA_TRY(key);
    const QByteArray credentialId = crypto::randomBytes(16);
    // rpIdHash, flags (user present, attested credential), counter 0, a zero
    // AAGUID, the credential id's length and the id, the COSE key.
    const QByteArray authenticatorData = crypto::Sha256::digest({rp.id.toUtf8()}) +
                                         QByteArray("\x41\0\0\0\0", 5) + QByteArray(16, '\0') +
                                         QByteArray("\0\x10", 2) + credentialId +
                                         engine::CoseKey::encode(key->verifyingKey());
    const QCborMap attestation{{QStringLiteral("fmt"), QStringLiteral("none")},
                               {QStringLiteral("attStmt"), QCborMap()},
                               {QStringLiteral("authData"), authenticatorData}};
    const QJsonObject clientData{{QStringLiteral("type"), QStringLiteral("webauthn.create")},
                                 {QStringLiteral("challenge"), options->value(u"challenge")},
                                 {QStringLiteral("origin"), rp.origins.constFirst()}};
    const engine::RegistrationResponse response{
        credentialId, QJsonDocument(clientData).toJson(QJsonDocument::Compact),
        attestation.toCborValue().toCbor()};
    auto registered =
        engine.securityKeys().registerKey(Session::caller(), kDemoUser, label, rp, response);
    TESSERA_TRY(registered);
    return {};
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow& window, const QString& directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(directory)
{}

void ScreenshotTour::start()
{
    m_directory.mkpath(QStringLiteral("."));
    m_window.resize(1280, 760);
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::prepareTree);
}

void ScreenshotTour::prepareTree()
{
    QTreeView* tree = m_window.tree();
    auto* model = m_window.model();
    // Soonest expiry first, so that tokens about to expire (amber) are in view;
    // then open the first branch down to the patrons and select one with metadata.
    tree->sortByColumn(items::TokenTreeModel::TtlColumn, Qt::AscendingOrder);
    auto load = [model](const QModelIndex& index) {
        while (model->canFetchMore(index))
            model->fetchMore(index);
    };
    load({});
    QModelIndex toSelect;
    QModelIndex level;
    for (int depth = 0; depth < 4; ++depth) {
        load(level);
        QModelIndex next;
        for (int row = 0; row < model->rowCount(level) && !next.isValid(); ++row) {
            const QModelIndex candidate = model->index(row, 0, level);
            if (model->hasChildren(candidate))
                next = candidate;
            const auto token = model->token(candidate);
            if (!token.meta.isEmpty() && !toSelect.isValid())
                toSelect = candidate;
        }
        if (!next.isValid())
            break;
        tree->expand(next);
        level = next;
    }
    load(level);
    if (!toSelect.isValid() && model->rowCount(level) > 0)
        toSelect = model->index(0, 0, level);
    if (toSelect.isValid()) {
        tree->selectionModel()->setCurrentIndex(toSelect, QItemSelectionModel::ClearAndSelect |
                                                              QItemSelectionModel::Rows);
        tree->scrollTo(toSelect);
    }
    QTimer::singleShot(kSettleMs, this, &ScreenshotTour::shootMainWindow);
}

void ScreenshotTour::shootMainWindow()
{
    save(&m_window, QStringLiteral("main-window.png"));
    openDialog(static_cast<int>(MainAction::IssueToken), QStringLiteral("issue-form.png"),
               &ScreenshotTour::shootAuditView);
}

void ScreenshotTour::shootAuditView()
{
    openDialog(static_cast<int>(MainAction::Audit), QStringLiteral("audit-view.png"),
               &ScreenshotTour::shootReportDialog);
}

void ScreenshotTour::shootReportDialog()
{
    openDialog(static_cast<int>(MainAction::Export), QStringLiteral("report-dialog.png"),
               &ScreenshotTour::shootLinkDialog);
}

void ScreenshotTour::shootLinkDialog()
{
    openDialog(static_cast<int>(MainAction::LinkDocument), QStringLiteral("link-dialog.png"),
               &ScreenshotTour::shootExpiringSoonDialog, [](QWidget* dialog) {
                   if (auto* address = dialog->findChild<QLineEdit*>(QStringLiteral("address")))
                       address->setText(QStringLiteral("https://journal.example.org/articles/42/"));
               });
}

void ScreenshotTour::shootExpiringSoonDialog()
{
    // Two tokens selected, as before Renew Selected.
    openDialog(static_cast<int>(MainAction::ExpiringSoon), QStringLiteral("expiring-soon.png"),
               &ScreenshotTour::shootSecondFactorDialog, [](QWidget* shown) {
                   auto* dialog = qobject_cast<ExpiringSoonDialog*>(shown);
                   if (!dialog)
                       return;
                   QTableView* view = dialog->view();
                   for (int row = 0; row < std::min(2, view->model()->rowCount()); ++row)
                       view->selectionModel()->select(view->model()->index(row, 0),
                                                      QItemSelectionModel::Select |
                                                          QItemSelectionModel::Rows);
               });
}

void ScreenshotTour::shootSecondFactorDialog()
{
    // Access > Users, a staff account with two security keys, Second Factor…,
    // Set Up: a pending key in the throw-away demo store, its QR code on
    // screen. The editor is not modal and the dialog opens with open(), so
    // nothing here blocks.
    engine::TokenEngine& engine = m_window.session().engine();
    for (const auto& [label, algorithm] :
         {std::pair(QStringLiteral("YubiKey on the key ring"), crypto::SignatureAlgorithm::Es256),
          std::pair(QStringLiteral("Spare key in the desk drawer"),
                    crypto::SignatureAlgorithm::Ed25519)}) {
        if (const Status added = addPictureKey(engine, label, algorithm); !added.ok()) {
            std::fprintf(stderr, "screenshot: no security key for %s: %s\n", qPrintable(kDemoUser),
                         qPrintable(added.error().message));
            ++m_failures;
        }
    }
    m_window.action(MainAction::Users)->trigger();
    auto* editor = m_window.findChild<UserEditor*>();
    SecondFactorDialog* dialog = nullptr;
    if (editor && editor->select(kDemoUser)) {
        if (auto* open = editor->findChild<QPushButton*>(QStringLiteral("secondFactor")))
            open->click();
        dialog = editor->findChild<SecondFactorDialog*>();
    }
    auto* setUp = dialog ? dialog->findChild<QPushButton*>(QStringLiteral("setUp")) : nullptr;
    if (!setUp) {
        std::fprintf(stderr, "screenshot: no second-factor dialog for %s\n", qPrintable(kDemoUser));
        ++m_failures;
        QTimer::singleShot(0, this, &ScreenshotTour::finish);
        return;
    }
    setUp->click();
    const auto shoot = [this, editor = QPointer(editor), dialog = QPointer(dialog)] {
        if (dialog) {
            save(dialog, QStringLiteral("second-factor-dialog.png"));
            dialog->reject();
        } else {
            ++m_failures;
        }
        if (editor)
            editor->close();
        QTimer::singleShot(200, this, &ScreenshotTour::shootDashboard);
    };
    QTimer::singleShot(kSettleMs, this, shoot);
}

void ScreenshotTour::shootDashboard()
{
    // View > Dashboard, floated to a size of its own so that the picture
    // shows the tiles and the chart rather than a strip below the tree.
    DashboardView* dashboard = m_window.dashboard();
    QAction* toggle = m_window.action(MainAction::Dashboard);
    if (!dashboard || !toggle) {
        std::fprintf(stderr, "screenshot: no dashboard; skipped dashboard.png\n");
        ++m_failures;
        QTimer::singleShot(0, this, &ScreenshotTour::finish);
        return;
    }
    if (!dashboard->isVisible())
        toggle->trigger();
    dashboard->setFloating(true);
    dashboard->resize(1040, 620);
    QTimer::singleShot(kSettleMs, this, [this, dashboard = QPointer(dashboard)] {
        if (dashboard)
            save(dashboard, QStringLiteral("dashboard.png"));
        else
            ++m_failures;
        QTimer::singleShot(200, this, &ScreenshotTour::shootBatchDialog);
    });
}

void ScreenshotTour::shootBatchDialog()
{
    openDialog(static_cast<int>(MainAction::BatchPasses), QStringLiteral("batch-dialog.png"),
               &ScreenshotTour::shootImportDialog, [](QWidget* dialog) {
                   if (auto* count = dialog->findChild<QSpinBox*>(QStringLiteral("count")))
                       count->setValue(24);
                   if (auto* role = dialog->findChild<QComboBox*>(QStringLiteral("role")))
                       role->setCurrentIndex(
                           std::max(0, role->findData(QStringLiteral("visitor-day-pass"))));
                   if (auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("groupName")))
                       name->setText(QStringLiteral("Class visit 6 Dec"));
               });
}

void ScreenshotTour::shootImportDialog()
{
    // A file as a school's office might send it, with one bad e-mail address
    // (line 4) so that the picture shows a reason; the demo's roles.
    openDialog(static_cast<int>(MainAction::ImportPatrons), QStringLiteral("import-dialog.png"),
               &ScreenshotTour::finish, [this](QWidget* shown) {
                   auto* dialog = qobject_cast<PatronImportDialog*>(shown);
                   QTemporaryDir folder;
                   const QString path = folder.filePath(QStringLiteral("patrons-riverside.csv"));
                   QFile file(path);
                   if (!dialog || !folder.isValid() || !file.open(QIODevice::WriteOnly)) {
                       ++m_failures;
                       return;
                   }
                   file.write(
                       "card_number,name,email,role,metadata\n"
                       "2000104311,Ana Mart\xc3\xadn,ana.martin@example.org,"
                       "semester-e-resources,branch=central\n"
                       "2000104312,Ben Okafor,ben.okafor@example.org,semester-e-resources,"
                       "branch=central\n"
                       "2000104313,Chlo\xc3\xa9 Dubois,chloe.dubois@example,visitor-day-pass,\n"
                       "2000104314,Dieter Braun,,guest-wifi,branch=east\n"
                       "2000104315,Emma Lind,emma.lind@example.org,semester-e-resources,"
                       "branch=east\n"
                       "2000104316,Farid Haddad,farid.haddad@example.org,visitor-day-pass,\n"
                       "2000104317,Grace Kim,grace.kim@example.org,semester-e-resources,"
                       "branch=central;class=6b\n");
                   file.close();
                   dialog->loadFile(path);
               });
}

void ScreenshotTour::openDialog(int which, const QString& fileName, void (ScreenshotTour::*next)(),
                                const std::function<void(QWidget*)>& prepare)
{
    QAction* action = m_window.action(static_cast<MainAction>(which));
    if (!action->isVisible() || !action->isEnabled()) {
        std::fprintf(stderr, "screenshot: %s is not available; skipped %s\n",
                     qPrintable(action->text().remove(QLatin1Char('&'))), qPrintable(fileName));
        ++m_failures;
        QTimer::singleShot(0, this, next);
        return;
    }
    // Scheduled first: the action may open a dialog with exec(), which returns
    // only when the dialog closes.
    QTimer::singleShot(kSettleMs, this, [this, fileName, next, prepare] {
        QWidget* shown = newTopLevel();
        if (!shown) {
            std::fprintf(stderr, "screenshot: no window opened for %s\n", qPrintable(fileName));
            ++m_failures;
        } else {
            if (prepare)
                prepare(shown);
            save(shown, fileName);
            shown->close();
        }
        QTimer::singleShot(200, this, next);
    });
    action->trigger();
}

QWidget* ScreenshotTour::newTopLevel() const
{
    if (QWidget* modal = QApplication::activeModalWidget())
        return modal;
    const auto widgets = QApplication::topLevelWidgets();
    for (QWidget* widget : widgets)
        if (widget != &m_window && widget->isVisible() && widget->isWindow() &&
            !widget->inherits("QMenu") && widget->width() > 100)
            return widget;
    return nullptr;
}

bool ScreenshotTour::save(QWidget* widget, const QString& fileName)
{
    const QString path = m_directory.filePath(fileName);
    const bool saved = widget->grab().save(path);
    std::fprintf(stderr, "screenshot: %s %s\n", saved ? "wrote" : "could not write",
                 qPrintable(path));
    if (!saved)
        ++m_failures;
    return saved;
}

void ScreenshotTour::finish()
{
    QCoreApplication::exit(m_failures == 0 ? 0 : 3);
}

} // namespace tessera::ui
