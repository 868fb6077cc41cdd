#include "support/TempEngine.h"
#include "support/TokenTrees.h"
#include "ui/RevokeDialog.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using namespace tessera;
using test::TempEngine;
using ui::RevokeDialog;

class TestRevokeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void confirmationNamesTheSubtreeCount();
    void leafSaysItHasNoDescendants();
    void multiSelectCountsOverlappingSubtreesOnce();
    void revokingRunsOffTheGuiThreadAndRemovesTheSubtree();
    void keepChildrenRevokesOnlyTheTokenAndOrphansItsChildren();
    void cancelIsTheDefaultButton();

private:
    engine::Token token(const QString& accessor)
    {
        auto found = m_temp->engine().tokens().lookup(TempEngine::owner(),
                                                      engine::TokenRef::accessor(accessor));
        if (!found.ok())
            qFatal("%s", qPrintable(found.error().message));
        return *found;
    }
    std::unique_ptr<TempEngine> m_temp;
    test::TokenTree m_desk;
};

void TestRevokeDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestRevokeDialog::init()
{
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    engine::TokenRequest shape;
    shape.displayName = QStringLiteral("desk-3");
    auto tree = test::buildTokenTree(m_temp->engine(), 1205, 20, shape);
    QVERIFY2(tree.ok(), qPrintable(tree.ok() ? QString() : tree.error().message));
    m_desk = *tree;
}

void TestRevokeDialog::cleanup()
{
    m_temp.reset();
}

void TestRevokeDialog::confirmationNamesTheSubtreeCount()
{
    RevokeDialog dialog(m_temp->engine(), {token(m_desk.rootAccessor())},
                        RevokeDialog::Mode::Subtree);
    QCOMPARE(dialog.question(), QStringLiteral("Revoke \u201c"
                                               "desk-3\u201d and its 1,204 descendant tokens?"));
    QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("question"))->text(), dialog.question());
    QCOMPARE(dialog.tokenCount(), 1205);
}

void TestRevokeDialog::leafSaysItHasNoDescendants()
{
    RevokeDialog dialog(m_temp->engine(), {token(m_desk.accessors.last())},
                        RevokeDialog::Mode::Subtree);
    QVERIFY2(dialog.question().contains(QStringLiteral("no descendant")),
             qPrintable(dialog.question()));
    QCOMPARE(dialog.tokenCount(), 1);
}

void TestRevokeDialog::multiSelectCountsOverlappingSubtreesOnce()
{
    engine::TokenRequest lone;
    lone.displayName = QStringLiteral("visitor");
    auto other = m_temp->engine().tokens().createToken(TempEngine::owner(), lone);
    QVERIFY(other.ok());
    // The root, a grandchild inside it, and an unrelated token.
    const QString grandchild = m_desk.accessors.at(30);
    QVERIFY(m_desk.parentOf.value(grandchild) != m_desk.rootAccessor());
    RevokeDialog dialog(m_temp->engine(),
                        {token(m_desk.rootAccessor()), token(grandchild), other->info},
                        RevokeDialog::Mode::Subtree);
    QCOMPARE(dialog.nestedCount(), 1);
    QCOMPARE(dialog.tokenCount(), 1205 + 1);
    QVERIFY2(dialog.question().contains(QStringLiteral("1,206 tokens in all")),
             qPrintable(dialog.question()));
    QVERIFY(dialog.findChild<QLabel*>(QStringLiteral("details"))
                ->text()
                .contains(QStringLiteral("counted once")));

    auto revoked = dialog.work()();
    QVERIFY(revoked.ok());
    QCOMPARE(revoked->size(), 1206);
    QCOMPARE(*m_temp->engine().browser().count(), 0);
}

void TestRevokeDialog::revokingRunsOffTheGuiThreadAndRemovesTheSubtree()
{
    RevokeDialog dialog(m_temp->engine(), {token(m_desk.rootAccessor())},
                        RevokeDialog::Mode::Subtree);
    QThread* worker = nullptr;
    auto work = dialog.work();
    auto future = QtConcurrent::run([&worker, work] {
        worker = QThread::currentThread();
        return work();
    });
    future.waitForFinished();
    QVERIFY(worker != QThread::currentThread());
    const auto revoked = future.result();
    QVERIFY(revoked.ok());
    QCOMPARE(revoked->size(), 1205);
    QVERIFY(!m_temp->engine().tokens().validate(m_desk.tokens.last()).ok());
}

void TestRevokeDialog::keepChildrenRevokesOnlyTheTokenAndOrphansItsChildren()
{
    RevokeDialog dialog(m_temp->engine(), {token(m_desk.rootAccessor())},
                        RevokeDialog::Mode::KeepChildren);
    QVERIFY(dialog.question().contains(QStringLiteral("keep its children")));
    QCOMPARE(dialog.tokenCount(), 1);
    auto revoked = dialog.work()();
    QVERIFY(revoked.ok());
    QCOMPARE(*revoked, QStringList{m_desk.rootAccessor()});
    QCOMPARE(*m_temp->engine().browser().count(), 1204);
    QVERIFY(token(m_desk.accessors.at(1)).isOrphan());
}

void TestRevokeDialog::cancelIsTheDefaultButton()
{
    RevokeDialog dialog(m_temp->engine(), {token(m_desk.rootAccessor())},
                        RevokeDialog::Mode::Subtree);
    dialog.show();
    QTest::keyClick(&dialog, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(*m_temp->engine().browser().count(), 1205);
}

QTEST_MAIN(TestRevokeDialog)
#include "tst_revokedialog.moc"
