// The preferences dialog: its labels and the keys a user presses in it.
#include "ui/Preferences.h"
#include "ui/PreferencesDialog.h"
#include "ui/ServerControl.h"
#include "ui/Session.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace tessera;

namespace {

// A server that is running, as far as the dialog can tell.
class RunningServer : public ui::ServerControl
{
public:
    void start(engine::TokenEngine&, const ui::Preferences&) override { m_running = true; }
    void stop() override
    {
        m_running = false;
        Q_EMIT stateChanged();
    }
    State state() const override { return m_running ? State::Running : State::Stopped; }
    QString address() const override { return QStringLiteral("http://127.0.0.1:8200"); }
    QString errorMessage() const override { return {}; }

private:
    bool m_running = true;
};

} // namespace

class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyMnemonicLabelNamesItsField();
    void enterAcceptsTheDialogEvenWhenStopHasTheFocus();
    void auditRetentionIsSavedAndZeroMeansNever();
    void libraryNameIsSavedUnderThePassKey();
};

void TestPreferencesDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
    QSettings().clear();
}

// A label without a buddy shows its "&" as is ("TLS &certificate:").
void TestPreferencesDialog::everyMnemonicLabelNamesItsField()
{
    ui::Session session;
    RunningServer server;
    ui::PreferencesDialog dialog(session, &server);
    int mnemonics = 0;
    for (const QLabel* label : dialog.findChildren<QLabel*>()) {
        const QString text = label->text();
        if (!QString(text).remove(QStringLiteral("&&")).contains(QLatin1Char('&')))
            continue;
        ++mnemonics;
        QVERIFY2(label->buddy(), qPrintable(text));
    }
    QVERIFY(mnemonics >= 6);
}

void TestPreferencesDialog::enterAcceptsTheDialogEvenWhenStopHasTheFocus()
{
    ui::Session session;
    RunningServer server;
    ui::PreferencesDialog dialog(session, &server);
    dialog.findChild<QTabWidget*>()->setCurrentIndex(1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton* stop = nullptr;
    for (QPushButton* button : dialog.findChildren<QPushButton*>())
        if (button->text() == QStringLiteral("&Stop"))
            stop = button;
    QVERIFY(stop);
    stop->setFocus();
    QVERIFY(stop->hasFocus());
    QTest::keyClick(stop, Qt::Key_Return);
    QCOMPARE(server.state(), ui::ServerControl::State::Running);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestPreferencesDialog::auditRetentionIsSavedAndZeroMeansNever()
{
    QSettings().clear();
    ui::Session session;
    {
        ui::PreferencesDialog dialog(session, nullptr);
        auto* days = dialog.findChild<QSpinBox*>(QStringLiteral("auditRetention"));
        QVERIFY(days);
        QCOMPARE(days->value(), 0);
        QCOMPARE(days->text(), QStringLiteral("Never"));
        days->setValue(30);
        dialog.accept();
    }
    QCOMPARE(ui::Preferences::load().auditRetentionDays, 30);
    ui::PreferencesDialog reopened(session, nullptr);
    QCOMPARE(reopened.findChild<QSpinBox*>(QStringLiteral("auditRetention"))->value(), 30);
}

void TestPreferencesDialog::libraryNameIsSavedUnderThePassKey()
{
    QSettings().clear();
    ui::Session session;
    {
        ui::PreferencesDialog dialog(session, nullptr);
        auto* name = dialog.findChild<QLineEdit*>(QStringLiteral("libraryName"));
        QVERIFY(name);
        QVERIFY(name->text().isEmpty());
        name->setText(QStringLiteral("  Biblioteca Central "));
        dialog.accept();
    }
    QCOMPARE(QSettings().value(QStringLiteral("pass/libraryName")).toString(),
             QStringLiteral("Biblioteca Central"));
    ui::PreferencesDialog reopened(session, nullptr);
    QCOMPARE(reopened.findChild<QLineEdit*>(QStringLiteral("libraryName"))->text(),
             QStringLiteral("Biblioteca Central"));
}

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
