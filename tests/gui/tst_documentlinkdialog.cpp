// "Link for one document" in the console: the address a desk pastes becomes a
// one-use link that the gate lets through once.
#include "engine/GatePath.h"
#include "engine/GateService.h"
#include "support/TempEngine.h"
#include "ui/DocumentLinkDialog.h"
#include "ui/InlineMessage.h"
#include "ui/IssueTokenDialog.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using test::TempEngine;
using ui::DocumentLinkDialog;

class TestDocumentLinkDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void pastedAddressBecomesALinkTheGateLetsThroughOnce();
    void addressNoCheckCanNameIsRefusedBeforeAnythingIsIssued();
    void issueFormOffersTheLinkInstead();

private:
    std::unique_ptr<TempEngine> m_temp;
};

void TestDocumentLinkDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
}

void TestDocumentLinkDialog::cleanup()
{
    m_temp.reset();
}

void TestDocumentLinkDialog::pastedAddressBecomesALinkTheGateLetsThroughOnce()
{
    DocumentLinkDialog dialog(m_temp->engine());
    dialog.show();
    auto* create = dialog.findChild<QPushButton*>(u"create"_s);
    QVERIFY(!create->isEnabled()); // nothing to link yet
    dialog.findChild<QLineEdit*>(u"address"_s)
        ->setText(u"https://journal.example.org/articles/42/"_s);
    QVERIFY(create->isEnabled());
    create->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.link(),
             u"https://journal.example.org/gate/redeem?t=%1"_s.arg(dialog.created().token));
    QCOMPARE(engine::GateService::linkedDocument(dialog.created().info),
             u"gate/journal.example.org/articles/42/"_s);

    auto page = engine::GatePath::fromRequest("GET", "journal.example.org", "/articles/42/");
    QVERIFY(page);
    using Verdict = engine::GateDecision::Verdict;
    auto first = m_temp->engine().gate().check(dialog.created().token, *page, u"test"_s);
    QVERIFY(first);
    QCOMPARE(first->verdict, Verdict::Allowed);
    auto second = m_temp->engine().gate().check(dialog.created().token, *page, u"test"_s);
    QVERIFY(second);
    QCOMPARE(second->verdict, Verdict::SignIn);
}

void TestDocumentLinkDialog::addressNoCheckCanNameIsRefusedBeforeAnythingIsIssued()
{
    const qint64 before = m_temp->engine().browser().count().valueOr(-1);
    DocumentLinkDialog dialog(m_temp->engine());
    dialog.show();
    dialog.findChild<QLineEdit*>(u"address"_s)->setText(u"https://journal.example.org/a%2Fb"_s);
    auto* message = dialog.findChild<ui::InlineMessage*>(u"message"_s);
    QCOMPARE(message->kind(), ui::InlineMessage::Kind::Error);
    QVERIFY2(message->text().contains(u"encoded slash"_s), qPrintable(message->text()));
    QVERIFY(!dialog.findChild<QPushButton*>(u"create"_s)->isEnabled());
    dialog.findChild<QLineEdit*>(u"address"_s)->setText(u"journal.example.org/articles/42"_s);
    QVERIFY(!dialog.findChild<QPushButton*>(u"create"_s)->isEnabled());
    QCOMPARE(m_temp->engine().browser().count().valueOr(-2), before);
}

void TestDocumentLinkDialog::issueFormOffersTheLinkInstead()
{
    ui::IssueTokenDialog issue(m_temp->engine(), std::nullopt);
    issue.show();
    QSignalSpy requested(&issue, &ui::IssueTokenDialog::linkForDocumentRequested);
    issue.findChild<QPushButton*>(u"link"_s)->click();
    QCOMPARE(requested.count(), 1);
    QVERIFY(!issue.isVisible());
    QCOMPARE(issue.result(), int(QDialog::Rejected)); // no token was issued
}

QTEST_MAIN(TestDocumentLinkDialog)
#include "tst_documentlinkdialog.moc"
