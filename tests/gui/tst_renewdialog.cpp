#include "support/TempEngine.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/RenewDialog.h"

#include <QPushButton>
#include <QTest>

using namespace tessera;
using test::TempEngine;
using ui::RenewDialog;

class TestRenewDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void renewByIncrementShowsTheNewExpiry();
    void incrementPastTheMaxShowsTheCappingBeforeAndAfter();
    void nonRenewableTokenCannotBeRenewed();

private:
    engine::Token issue(qint64 ttl, qint64 explicitMax, bool renewable = true)
    {
        engine::TokenRequest request;
        request.displayName = QStringLiteral("laptop loan");
        request.ttl = ttl;
        request.explicitMaxTtl = explicitMax;
        request.renewable = renewable;
        auto created = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
        if (!created.ok())
            qFatal("%s", qPrintable(created.error().message));
        return created->info;
    }
    ui::InlineMessage* message(RenewDialog& dialog)
    {
        return dialog.findChild<ui::InlineMessage*>(QStringLiteral("message"));
    }
    std::unique_ptr<TempEngine> m_temp;
};

void TestRenewDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestRenewDialog::cleanup()
{
    m_temp.reset();
}

void TestRenewDialog::renewByIncrementShowsTheNewExpiry()
{
    const engine::Token token = issue(3600, 0);
    m_temp->clock().advanceSeconds(600);
    RenewDialog dialog(m_temp->engine(), token);
    dialog.show();
    dialog.findChild<ui::DurationEdit*>(QStringLiteral("increment"))->setValue(2 * 3600);
    QCOMPARE(message(dialog)->kind(), ui::InlineMessage::Kind::Info);
    dialog.findChild<QPushButton*>(QStringLiteral("renew"))->click();
    QVERIFY(dialog.renewal());
    QCOMPARE(*dialog.renewal()->info.expireAt, m_temp->clock().nowSeconds() + 2 * 3600);
    QVERIFY(message(dialog)->text().startsWith(QStringLiteral("Renewed")));
    QVERIFY(dialog.isVisible()); // the result stays on screen until closed
}

void TestRenewDialog::incrementPastTheMaxShowsTheCappingBeforeAndAfter()
{
    const engine::Token token = issue(3600, 2 * 3600);
    RenewDialog dialog(m_temp->engine(), token);
    dialog.show();
    dialog.findChild<ui::DurationEdit*>(QStringLiteral("increment"))->setValue(5 * 3600);
    QCOMPARE(message(dialog)->kind(), ui::InlineMessage::Kind::Warning);
    QVERIFY2(message(dialog)->text().contains(QStringLiteral("capped")),
             qPrintable(message(dialog)->text()));
    auto* renew = dialog.findChild<QPushButton*>(QStringLiteral("renew"));
    QVERIFY(renew->isEnabled());
    renew->click();
    QVERIFY(dialog.renewal());
    QVERIFY(!dialog.renewal()->warnings.isEmpty());
    QCOMPARE(*dialog.renewal()->info.expireAt, token.createdAt + 2 * 3600);
    QVERIFY(message(dialog)->text().contains(QStringLiteral("capped")));
}

void TestRenewDialog::nonRenewableTokenCannotBeRenewed()
{
    const engine::Token token = issue(3600, 0, false);
    RenewDialog dialog(m_temp->engine(), token);
    QVERIFY(!dialog.findChild<QPushButton*>(QStringLiteral("renew"))->isEnabled());
    QCOMPARE(message(dialog)->kind(), ui::InlineMessage::Kind::Error);
    QVERIFY(dialog.problem().contains(QStringLiteral("not renewable")));
}

QTEST_MAIN(TestRenewDialog)
#include "tst_renewdialog.moc"
