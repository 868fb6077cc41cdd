// "Revoke All Matches…" (RevokeMatchesDialog) offscreen: the preview's counts
// and first matches, the search text as a condition, a typed number for large
// counts, nothing to revoke without a condition, and the revocation itself.
#include "support/TempEngine.h"
#include "support/TokenTrees.h"
#include "ui/RevokeMatchesDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>
#include <QtConcurrent/QtConcurrentRun>

using namespace tessera;
using test::TempEngine;
using ui::RevokeMatchesDialog;

class TestRevokeMatchesDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void previewShowsCountsTotalAndFirstMatches();
    void searchTextIsOneOfTheConditions();
    void withoutAConditionNothingCanBeRevoked();
    void largeCountNeedsTheNumberTyped();
    void revokingRunsOffTheGuiThreadAndTakesTheSubtrees();
    void cancelIsTheDefaultButton();

private:
    QString make(const QString& name, const QString& patron);
    static void setPatron(RevokeMatchesDialog& dialog, const QString& patron)
    {
        auto* field = dialog.findChild<QLineEdit*>(QStringLiteral("patron"));
        field->setText(patron);
        Q_EMIT field->editingFinished();
    }
    static QPushButton* revokeButton(RevokeMatchesDialog& dialog)
    {
        return dialog.findChild<QPushButton*>(QStringLiteral("revoke"));
    }

    std::unique_ptr<TempEngine> m_temp;
    QString m_desk;  // P-1's, with 5 tokens below
    QString m_wifi;  // P-1's
    QString m_other; // P-2's
};

void TestRevokeMatchesDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestRevokeMatchesDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    m_desk = make(QStringLiteral("desk session"), QStringLiteral("P-1"));
    auto below = test::buildTokenTree(m_temp->engine(), 5, 2, {}, m_desk);
    QVERIFY2(below.ok(), qPrintable(below.ok() ? QString() : below.error().message));
    m_wifi = make(QStringLiteral("wifi session"), QStringLiteral("P-1"));
    m_other = make(QStringLiteral("desk session"), QStringLiteral("P-2"));
}

void TestRevokeMatchesDialog::cleanup()
{
    m_temp.reset();
}

QString TestRevokeMatchesDialog::make(const QString& name, const QString& patron)
{
    engine::TokenRequest request;
    request.displayName = name;
    request.meta.insert(QStringLiteral("patron_id"), patron);
    auto created = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
    if (!created.ok())
        qFatal("%s", qPrintable(created.error().message));
    return created->info.accessor;
}

void TestRevokeMatchesDialog::previewShowsCountsTotalAndFirstMatches()
{
    RevokeMatchesDialog dialog(m_temp->engine(), QString());
    auto* matches = dialog.findChild<QTreeWidget*>(QStringLiteral("matches"));
    setPatron(dialog, QStringLiteral("P-1"));
    QCOMPARE(dialog.preview().matched, 2);
    QCOMPARE(dialog.preview().total, 7);
    QCOMPARE(dialog.summary(), QStringLiteral("2 tokens match; 7 in all with their children."));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("summary"))->text(), dialog.summary());
    QCOMPARE(matches->topLevelItemCount(), 2);
    QCOMPARE(matches->topLevelItem(0)->text(1), m_desk);
    QCOMPARE(matches->topLevelItem(0)->text(2), QStringLiteral("5"));
    QCOMPARE(matches->topLevelItem(0)->childCount(), 1);
    QCOMPARE(matches->topLevelItem(1)->text(1), m_wifi);
    QCOMPARE(matches->topLevelItem(1)->childCount(), 0);
    QVERIFY(revokeButton(dialog)->isEnabled());
    QVERIFY(!dialog.needsTypedConfirmation());
    // Nothing happened yet.
    QCOMPARE(m_temp->engine().browser().count().valueOr(-1), 8);
}

void TestRevokeMatchesDialog::searchTextIsOneOfTheConditions()
{
    RevokeMatchesDialog dialog(m_temp->engine(), QStringLiteral("  desk "));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("search"))->text(),
             QStringLiteral("\u201c"
                            "desk\u201d"));
    QCOMPARE(dialog.preview().matched, 2); // both desk sessions
    setPatron(dialog, QStringLiteral("P-2"));
    QCOMPARE(dialog.preview().matched, 1);
    QCOMPARE(dialog.findChild<QTreeWidget*>(QStringLiteral("matches"))->topLevelItem(0)->text(1),
             m_other);
}

void TestRevokeMatchesDialog::withoutAConditionNothingCanBeRevoked()
{
    RevokeMatchesDialog dialog(m_temp->engine(), QString());
    QVERIFY(dialog.filter().isEmpty());
    QVERIFY(!revokeButton(dialog)->isEnabled());
    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("error"))->isHidden());
    setPatron(dialog, QStringLiteral("P-404"));
    QCOMPARE(dialog.summary(), QStringLiteral("No token matches."));
    QVERIFY(!revokeButton(dialog)->isEnabled());
}

void TestRevokeMatchesDialog::largeCountNeedsTheNumberTyped()
{
    engine::TokenRequest shape;
    shape.meta.insert(QStringLiteral("patron_id"), QStringLiteral("P-3"));
    auto many = test::buildTokenTree(m_temp->engine(), 150, 10, shape);
    QVERIFY2(many.ok(), qPrintable(many.ok() ? QString() : many.error().message));
    RevokeMatchesDialog dialog(m_temp->engine(), QString());
    setPatron(dialog, QStringLiteral("P-3"));
    QCOMPARE(dialog.preview().matched, 150);
    QCOMPARE(dialog.preview().total, 150);
    QVERIFY(dialog.needsTypedConfirmation());
    auto* typed = dialog.findChild<QLineEdit*>(QStringLiteral("typed"));
    QVERIFY(!typed->isHidden());
    QVERIFY(!revokeButton(dialog)->isEnabled());
    typed->setText(QStringLiteral("15"));
    QVERIFY(!revokeButton(dialog)->isEnabled());
    typed->setText(QStringLiteral("150"));
    QVERIFY(revokeButton(dialog)->isEnabled());
    // A new preview asks again.
    setPatron(dialog, QStringLiteral("P-3"));
    QVERIFY(typed->text().isEmpty());
    QVERIFY(!revokeButton(dialog)->isEnabled());
}

void TestRevokeMatchesDialog::revokingRunsOffTheGuiThreadAndTakesTheSubtrees()
{
    RevokeMatchesDialog dialog(m_temp->engine(), QString());
    setPatron(dialog, QStringLiteral("P-1"));
    const auto work = dialog.work();
    auto revoked = QtConcurrent::run(work).result();
    QVERIFY2(revoked.ok(), qPrintable(revoked.ok() ? QString() : revoked.error().message));
    QCOMPARE(revoked->size(), 7);
    QVERIFY(revoked->contains(m_desk) && revoked->contains(m_wifi));
    QCOMPARE(m_temp->engine().browser().count().valueOr(-1), 1);
    QVERIFY(m_temp->engine().browser().token(m_other).valueOr(std::nullopt).has_value());
}

void TestRevokeMatchesDialog::cancelIsTheDefaultButton()
{
    RevokeMatchesDialog dialog(m_temp->engine(), QStringLiteral("desk"));
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    QVERIFY(buttons->button(QDialogButtonBox::Cancel)->isDefault());
    QVERIFY(!revokeButton(dialog)->isDefault());
}

QTEST_MAIN(TestRevokeMatchesDialog)
#include "tst_revokematchesdialog.moc"
