#include "engine/Policy.h"
#include "engine/Role.h"
#include "engine/TtlPolicy.h"
#include "support/Children.h"
#include "support/TempEngine.h"
#include "ui/DurationEdit.h"
#include "ui/InlineMessage.h"
#include "ui/IssueTokenDialog.h"
#include "ui/PolicyChecklist.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSet>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace tessera;
using engine::Role;
using engine::TokenRequest;
using test::child;
using test::TempEngine;
using ui::IssueTokenDialog;

namespace {

QString text(const char* ascii)
{
    return QString::fromLatin1(ascii);
}

QString describe(const QWidget* widget)
{
    return QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName() +
           u' ' + widget->accessibleName();
}

void clickRole(IssueTokenDialog& dialog, const QString& name)
{
    auto* roles = child<QListWidget>(dialog, "roles");
    const auto items = roles->findItems(name, Qt::MatchExactly);
    QVERIFY(!items.isEmpty());
    QTest::mouseClick(roles->viewport(), Qt::LeftButton, {},
                      roles->visualItemRect(items.first()).center());
}

} // namespace

class TestIssueTokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void oneUseTokenFromRoleInOneClick();
    void byHandTokenCarriesNameMetadataAndLifetime();
    void passValidFromFirstUseSaysSoAndIsIssuedUnused();
    void invalidCombinationsDisableIssueWithExplanation_data();
    void invalidCombinationsDisableIssueWithExplanation();
    void fixingTheProblemEnablesIssue();
    void ttlAboveTheMaxIsCappedWithAWarningOnTheField_data();
    void ttlAboveTheMaxIsCappedWithAWarningOnTheField();
    void engineMessagesAreShownInTheConsolesLanguage();
    void rootSelectedDefaultsToDefaultPolicyAndAnHour();
    void rootPolicyNeedsADeliberateConfirmation();
    void parentIsTheNearestTokenThatCanHaveChildren();
    void policiesOutsideTheParentsAreNotOffered();
    void ownerMayOfferEveryPolicy();
    void engineRefusalKeepsTheDialogOpen();
    void everyControlIsReachableByTabAndNamed();

private:
    engine::TokenEngine& engine() { return m_temp->engine(); }
    engine::Token issue(const TokenRequest& request)
    {
        auto created = engine().tokens().createToken(TempEngine::owner(), request);
        if (!created.ok())
            qFatal("%s", qPrintable(created.error().message));
        return created->info;
    }
    std::unique_ptr<TempEngine> m_temp;
};

void TestIssueTokenDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    for (const char* name : {"ebooks", "archive", "staff"}) {
        QVERIFY(engine().admin().putPolicy(
            TempEngine::owner(), text(name),
            QStringLiteral("path \"%1/*\" { capabilities = [\"read\"] }").arg(text(name))));
    }
    Role entry;
    entry.name = text("one-time-archive-entry");
    entry.allowedPolicies = {text("archive")};
    entry.settings.numUses = 1;
    entry.settings.ttl = 4 * 3600;
    entry.renewable = false;
    QVERIFY(engine().admin().putRole(TempEngine::owner(), entry));
}

void TestIssueTokenDialog::cleanup()
{
    m_temp.reset();
}

void TestIssueTokenDialog::oneUseTokenFromRoleInOneClick()
{
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    clickRole(dialog, text("one-time-archive-entry"));

    QVERIFY(child<QRadioButton>(dialog, "oneUse")->isChecked());
    QCOMPARE(child<ui::DurationEdit>(dialog, "ttl")->value(), 4 * 3600);
    QCOMPARE(child<ui::PolicyChecklist>(dialog, "policies")->checked(),
             QStringList{text("archive")});
    QVERIFY(!child<QCheckBox>(dialog, "renewable")->isChecked());
    auto* issue = child<QPushButton>(dialog, "issue");
    QVERIFY2(issue->isEnabled(), qPrintable(dialog.problem()));

    QTest::keyClicks(child<QLineEdit>(dialog, "displayName"), text("reading room 2"));
    issue->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto& created = dialog.created();
    QVERIFY(created.token.startsWith(text("tss.")));
    auto stored = engine().tokens().lookup(TempEngine::owner(),
                                           engine::TokenRef::accessor(created.info.accessor));
    QVERIFY(stored.ok());
    QCOMPARE(stored->numUses, 1);
    QCOMPARE(stored->usesLeft, 1);
    QCOMPARE(stored->role, text("one-time-archive-entry"));
    QCOMPARE(stored->displayName, text("reading room 2"));
    QVERIFY(stored->policies.contains(text("archive")));
    QCOMPARE(stored->creationTtl, 4 * 3600);
    QVERIFY(created.warnings.isEmpty());
}

void TestIssueTokenDialog::byHandTokenCarriesNameMetadataAndLifetime()
{
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    QTest::keyClicks(child<QLineEdit>(dialog, "displayName"), text("visitor 2041"));
    child<ui::PolicyChecklist>(dialog, "policies")->setChecked({text("ebooks")});
    child<ui::DurationEdit>(dialog, "ttl")->setValue(36 * 3600);
    child<ui::DurationEdit>(dialog, "maxTtl")->setValue(7 * 86400);
    child<QPushButton>(dialog, "addMeta")->click();
    auto* meta = child<QTableWidget>(dialog, "meta");
    meta->item(0, 0)->setText(text("patron"));
    meta->item(0, 1)->setText(text("P-1234"));
    child<QPushButton>(dialog, "issue")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));

    const engine::Token& token = dialog.created().info;
    QCOMPARE(token.displayName, text("visitor 2041"));
    QCOMPARE(token.meta.value(text("patron")), text("P-1234"));
    QCOMPARE(token.creationTtl, 36 * 3600);
    QCOMPARE(token.explicitMaxTtl, 7 * 86400);
    QCOMPARE(token.numUses, 0);
    QCOMPARE(token.policies, (QStringList{text("default"), text("ebooks")}));
    QVERIFY(token.isOrphan());
}

void TestIssueTokenDialog::passValidFromFirstUseSaysSoAndIsIssuedUnused()
{
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    child<ui::DurationEdit>(dialog, "ttl")->setValue(2 * 3600);
    child<ui::DurationEdit>(dialog, "activateWithin")->setValue(14 * 86'400);
    auto* summary = child<ui::InlineMessage>(dialog, "summary");
    QVERIFY2(summary->text().contains(text("from its first use")), qPrintable(summary->text()));
    child<QPushButton>(dialog, "issue")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const engine::Token& token = dialog.created().info;
    QVERIFY(token.awaitsFirstUse());
    QCOMPARE(token.creationTtl, 2 * 3600);
    QCOMPARE(token.activateBy, std::optional<qint64>(token.createdAt + 14 * 86'400));
}

void TestIssueTokenDialog::invalidCombinationsDisableIssueWithExplanation_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("batch with one use") << text("batch+oneUse") << text("use limit");
    QTest::newRow("batch with a period") << text("batch+period") << text("periodic");
    QTest::newRow("empty metadata key") << text("emptyKey") << text("no key");
    QTest::newRow("typed garbage") << text("badDuration") << text("duration");
    QTest::newRow("batch from first use") << text("batch+firstUse") << text("first use");
}

void TestIssueTokenDialog::invalidCombinationsDisableIssueWithExplanation()
{
    QFETCH(QString, change);
    QFETCH(QString, explanation);
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    auto* issue = child<QPushButton>(dialog, "issue");
    QVERIFY(issue->isEnabled());

    const QStringList steps = change.split(u'+');
    for (const QString& step : steps) {
        if (step == text("batch") || step == text("oneUse"))
            child<QRadioButton>(dialog, qPrintable(step))->click();
        else if (step == text("period"))
            child<ui::DurationEdit>(dialog, "period")->setValue(3600);
        else if (step == text("firstUse"))
            child<ui::DurationEdit>(dialog, "activateWithin")->setValue(86'400);
        else if (step == text("renewable"))
            child<QCheckBox>(dialog, "renewable")->setChecked(true);
        else if (step == text("emptyKey"))
            child<QPushButton>(dialog, "addMeta")->click();
        else if (step == text("badDuration")) {
            child<ui::DurationEdit>(dialog, "ttl")->setValue(3600);
            child<ui::DurationEdit>(dialog, "ttl")->findChild<QLineEdit*>()->clear();
            QTest::keyClicks(child<ui::DurationEdit>(dialog, "ttl")->findChild<QLineEdit*>(),
                             text("12x"));
        }
    }
    QVERIFY(!issue->isEnabled());
    auto* problem = child<ui::InlineMessage>(dialog, "problem");
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(explanation, Qt::CaseInsensitive),
             qPrintable(problem->text()));
    QCOMPARE(problem->text(), dialog.problem());
    // Enter does not submit a form that cannot be submitted.
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());
}

void TestIssueTokenDialog::fixingTheProblemEnablesIssue()
{
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    child<QRadioButton>(dialog, "batch")->click();
    child<QRadioButton>(dialog, "oneUse")->click();
    auto* issue = child<QPushButton>(dialog, "issue");
    QVERIFY(!issue->isEnabled());
    child<QRadioButton>(dialog, "unlimited")->click();
    QVERIFY2(issue->isEnabled(), qPrintable(dialog.problem()));
    QVERIFY(!child<ui::InlineMessage>(dialog, "problem")->isVisible());
    issue->click();
    QVERIFY(dialog.created().token.startsWith(text("tsb.")));
}

void TestIssueTokenDialog::ttlAboveTheMaxIsCappedWithAWarningOnTheField_data()
{
    QTest::addColumn<qint64>("maxTtl");
    QTest::addColumn<qint64>("ttl");
    QTest::addColumn<qint64>("issuedTtl");
    QTest::newRow("above the explicit max") << qint64(3600) << qint64(7200) << qint64(3600);
    QTest::newRow("above the system max")
        << qint64(0) << qint64(40 * 86400) << qint64(engine::kDefaultSystemMaxTtl);
}

void TestIssueTokenDialog::ttlAboveTheMaxIsCappedWithAWarningOnTheField()
{
    QFETCH(qint64, maxTtl);
    QFETCH(qint64, ttl);
    QFETCH(qint64, issuedTtl);
    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    auto* ttlEdit = child<ui::DurationEdit>(dialog, "ttl");
    QVERIFY(ttlEdit->warning().isEmpty());
    child<ui::DurationEdit>(dialog, "maxTtl")->setValue(maxTtl);
    ttlEdit->setValue(ttl);

    // What the engine does with such a request: it caps the TTL and warns.
    auto* issue = child<QPushButton>(dialog, "issue");
    QVERIFY2(issue->isEnabled(), qPrintable(dialog.problem()));
    QVERIFY(!child<ui::InlineMessage>(dialog, "problem")->isVisible());
    auto* summary = child<ui::InlineMessage>(dialog, "summary");
    QCOMPARE(summary->kind(), ui::InlineMessage::Kind::Warning);
    QVERIFY2(summary->text().contains(text("capped")), qPrintable(summary->text()));
    QVERIFY2(ttlEdit->warning().contains(text("capped")), qPrintable(ttlEdit->warning()));
    auto* sign = ttlEdit->findChild<QLabel*>(text("warningSign"));
    QVERIFY(sign && sign->isVisible());
    QCOMPARE(sign->toolTip(), ttlEdit->warning());

    issue->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.created().info.creationTtl, issuedTtl);
    QVERIFY(!dialog.created().warnings.isEmpty());
    // Within the max again: no warning left.
    IssueTokenDialog again(engine(), std::nullopt);
    child<ui::DurationEdit>(again, "ttl")->setValue(1800);
    QVERIFY(child<ui::DurationEdit>(again, "ttl")->warning().isEmpty());
}

void TestIssueTokenDialog::engineMessagesAreShownInTheConsolesLanguage()
{
    QTranslator spanish;
    QVERIFY(spanish.load(text(":/i18n/tessera_es.qm")));
    QCoreApplication::installTranslator(&spanish);
    const auto removeTranslator =
        qScopeGuard([&spanish] { QCoreApplication::removeTranslator(&spanish); });
    const char* useLimit = "batch tokens cannot have a use limit";
    const QString spanishUseLimit = QCoreApplication::translate("EngineMessage", useLimit);
    QVERIFY2(spanishUseLimit != text(useLimit), qPrintable(spanishUseLimit));

    IssueTokenDialog dialog(engine(), std::nullopt);
    dialog.show();
    child<QRadioButton>(dialog, "batch")->click();
    child<QRadioButton>(dialog, "oneUse")->click();
    QCOMPARE(dialog.problem(), ui::asSentence(spanishUseLimit));

    child<QRadioButton>(dialog, "unlimited")->click();
    child<ui::DurationEdit>(dialog, "ttl")->setValue(40 * 86400);
    const QString warning = child<ui::DurationEdit>(dialog, "ttl")->warning();
    QVERIFY2(!warning.contains(text("capped")) && warning.contains(text("32d")),
             qPrintable(warning));
    QVERIFY(child<ui::InlineMessage>(dialog, "summary")->text().contains(warning));

    // The engine's own answer, for the API and the CLI, stays English.
    TokenRequest request;
    request.type = engine::TokenType::Batch;
    request.numUses = 1;
    auto refused = engine().tokens().createToken(TempEngine::owner(), request);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message, text(useLimit));
}

void TestIssueTokenDialog::rootSelectedDefaultsToDefaultPolicyAndAnHour()
{
    TokenRequest rootRequest;
    rootRequest.displayName = text("root");
    rootRequest.policies = {text("root")};
    const engine::Token root = issue(rootRequest);
    QVERIFY(!root.expireAt);

    IssueTokenDialog dialog(engine(), root);
    dialog.show();
    QCOMPARE(child<QComboBox>(dialog, "parent")->currentText(),
             QStringLiteral(u"Child of \u201croot\u201d"));
    auto* policies = child<ui::PolicyChecklist>(dialog, "policies");
    QVERIFY(policies->offered().contains(text("root"))); // offered, never ticked for the user
    QVERIFY(policies->checked().isEmpty());
    QCOMPARE(child<ui::DurationEdit>(dialog, "ttl")->value(), IssueTokenDialog::kDefaultTtl);

    // One Enter: a token with the default policy that expires in an hour.
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const engine::Token& token = dialog.created().info;
    QCOMPARE(token.parentAccessor, root.accessor);
    QCOMPARE(token.policies, QStringList{text("default")});
    QCOMPARE(token.creationTtl, IssueTokenDialog::kDefaultTtl);
    QVERIFY(token.expireAt);
}

void TestIssueTokenDialog::rootPolicyNeedsADeliberateConfirmation()
{
    TokenRequest rootRequest;
    rootRequest.policies = {text("root")};
    const engine::Token root = issue(rootRequest);
    IssueTokenDialog dialog(engine(), root);
    dialog.show();
    child<ui::PolicyChecklist>(dialog, "policies")->setChecked({text("root")});
    QVERIFY(child<ui::InlineMessage>(dialog, "summary")->text().contains(text("root")));

    // Enter on the form asks; Enter on the question answers no.
    QTest::keyClick(&dialog, Qt::Key_Return);
    auto* confirm = dialog.findChild<QMessageBox*>(text("confirmRoot"));
    QVERIFY(confirm);
    QTRY_VERIFY(confirm->isVisible());
    QVERIFY2(confirm->text().contains(text("1h")), qPrintable(confirm->text()));
    QVERIFY(dialog.created().token.isEmpty());
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY(!confirm->isVisible());
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.created().token.isEmpty());

    child<QPushButton>(dialog, "issue")->click();
    QTRY_VERIFY(confirm->isVisible());
    child<QPushButton>(*confirm, "issueRoot")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.created().info.policies, QStringList{text("root")});
    QCOMPARE(dialog.created().info.creationTtl, IssueTokenDialog::kDefaultTtl);
}

void TestIssueTokenDialog::parentIsTheNearestTokenThatCanHaveChildren()
{
    TokenRequest deskRequest;
    deskRequest.displayName = text("desk-3");
    deskRequest.policies = {text("ebooks")};
    const engine::Token desk = issue(deskRequest);
    TokenRequest patronRequest;
    patronRequest.displayName = text("patron 12");
    patronRequest.parentAccessor = desk.accessor;
    patronRequest.numUses = 1;
    const engine::Token patron = issue(patronRequest);

    IssueTokenDialog dialog(engine(), patron);
    dialog.show();
    auto* parent = child<QComboBox>(dialog, "parent");
    QCOMPARE(parent->currentText(), QStringLiteral(u"Child of \u201cdesk-3\u201d"));
    QCOMPARE(parent->count(), 2); // the top level and the desk: the patron cannot have children
    auto* note = child<QLabel>(dialog, "parentNote");
    QVERIFY(note->isVisible());
    QVERIFY2(note->text().contains(text("patron 12")), qPrintable(note->text()));
    auto* issueButton = child<QPushButton>(dialog, "issue");
    QVERIFY2(issueButton->isEnabled(), qPrintable(dialog.problem()));
    issueButton->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.created().info.parentAccessor, desk.accessor);

    // Another choice in the form: the top level.
    IssueTokenDialog topLevel(engine(), patron);
    child<QComboBox>(topLevel, "parent")->setCurrentIndex(0);
    child<QPushButton>(topLevel, "issue")->click();
    QCOMPARE(topLevel.result(), int(QDialog::Accepted));
    QVERIFY(topLevel.created().info.isOrphan());
}

void TestIssueTokenDialog::policiesOutsideTheParentsAreNotOffered()
{
    TokenRequest desk;
    desk.displayName = text("desk-3");
    desk.policies = {text("ebooks")};
    const engine::Token parent = issue(desk);

    IssueTokenDialog dialog(engine(), parent);
    dialog.show();
    auto* policies = child<ui::PolicyChecklist>(dialog, "policies");
    QCOMPARE(policies->offered(), (QStringList{text("default"), text("ebooks")}));
    QVERIFY(!policies->offered().contains(text("archive")));

    policies->setChecked({text("ebooks")});
    child<QPushButton>(dialog, "issue")->click();
    QCOMPARE(dialog.created().info.parentAccessor, parent.accessor);

    // Top level: no parent to limit them.
    IssueTokenDialog topLevel(engine(), parent);
    child<QComboBox>(topLevel, "parent")->setCurrentIndex(0);
    QVERIFY(child<ui::PolicyChecklist>(topLevel, "policies")->offered().contains(text("archive")));
}

void TestIssueTokenDialog::ownerMayOfferEveryPolicy()
{
    TokenRequest desk;
    desk.policies = {text("ebooks")};
    const engine::Token parent = issue(desk);
    IssueTokenDialog dialog(engine(), parent);
    child<QCheckBox>(dialog, "anyPolicy")->click();
    auto* policies = child<ui::PolicyChecklist>(dialog, "policies");
    QVERIFY(policies->offered().contains(text("staff")));
    policies->setChecked({text("staff")});
    child<QPushButton>(dialog, "issue")->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.created().info.policies.contains(text("staff")));
}

void TestIssueTokenDialog::engineRefusalKeepsTheDialogOpen()
{
    TokenRequest desk;
    desk.displayName = text("desk-9");
    const engine::Token parent = issue(desk);
    IssueTokenDialog dialog(engine(), parent);
    dialog.show();
    QVERIFY(engine()
                .tokens()
                .revoke(TempEngine::owner(), engine::TokenRef::accessor(parent.accessor))
                .ok());
    child<QPushButton>(dialog, "issue")->click();
    QVERIFY(dialog.isVisible());
    QVERIFY(child<ui::InlineMessage>(dialog, "problem")->text().contains(text("not issued")));
}

void TestIssueTokenDialog::everyControlIsReachableByTabAndNamed()
{
    IssueTokenDialog dialog(engine(), std::nullopt);
    child<QRadioButton>(dialog, "limited")->click(); // enables the uses box
    child<ui::DurationEdit>(dialog, "ttl")->setValue(3600);
    dialog.show();
    QApplication::setActiveWindow(&dialog);
    QVERIFY(QTest::qWaitForWindowActive(&dialog));

    QSet<QWidget*> reached;
    for (int step = 0; step < 200; ++step) {
        QWidget* focused = QApplication::focusWidget();
        QVERIFY(focused);
        reached.insert(focused);
        QTest::keyClick(focused, Qt::Key_Tab);
    }
    // Labels tell screen readers what a control is: a buddy label, its own text
    // or an accessible name.
    QSet<QWidget*> labelled;
    for (QLabel* label : dialog.findChildren<QLabel*>()) {
        if (label->buddy())
            labelled.insert(label->buddy());
    }
    for (QWidget* widget : dialog.findChildren<QWidget*>()) {
        if (!widget->isVisible() || !widget->isEnabled() ||
            !(widget->focusPolicy() & Qt::TabFocus) || widget->focusProxy())
            continue;
        QVERIFY2(reached.contains(widget), qPrintable(describe(widget)));
        auto* button = qobject_cast<QAbstractButton*>(widget);
        const bool named = (button && !button->text().isEmpty()) ||
                           !widget->accessibleName().isEmpty() || labelled.contains(widget);
        QVERIFY2(named, qPrintable(describe(widget)));
    }
}

QTEST_MAIN(TestIssueTokenDialog)
#include "tst_issuetokendialog.moc"
