// Token › Expiring Soon: the marked and staff tokens about to expire, renewed
// or re-issued several at once through the engine's normal rules.
#include "core/EnglishPlurals.h"
#include "items/ExpiringTokenModel.h"
#include "support/EngineActors.h"
#include "support/TempEngine.h"
#include "ui/ExpiringSoonDialog.h"

#include <QItemSelectionModel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace tessera;
using test::TempEngine;
using ui::ExpiringSoonDialog;

namespace {
constexpr qint64 kDay = 24 * 3600;
}

class TestExpiringSoonDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void listsMarkedAndStaffTokensSoonestFirst();
    void buttonsWaitForASelection();
    void renewSelectedRenewsEachAndNamesTheOneThatCannot();
    void reissueSelectedCreatesLikeTokensShownOnce();

private:
    engine::Token issue(const QString& name, qint64 ttl, bool marked, bool renewable = true,
                        const QStringList& policies = {u"default"_s})
    {
        engine::TokenRequest request;
        request.displayName = name;
        request.ttl = ttl;
        request.renewable = renewable;
        request.policies = policies;
        request.warnBeforeExpiry = marked;
        request.meta = {{u"patron_id"_s, name.toUpper()}};
        auto created = m_temp->engine().tokens().createToken(TempEngine::owner(), request);
        if (!created.ok())
            qFatal("%s", qPrintable(created.error().message));
        return created->info;
    }
    QStringList names(const ExpiringSoonDialog& dialog) const
    {
        QStringList shown;
        for (int row = 0; row < dialog.model()->rowCount(); ++row)
            shown << dialog.model()->expiring(row).token.displayName;
        return shown;
    }
    std::unique_ptr<TempEngine> m_temp;
    engine::Token m_ada, m_ben, m_desk;
};

void TestExpiringSoonDialog::init()
{
    QVERIFY(EnglishPlurals::install()); // as the console does
    m_temp = std::make_unique<TempEngine>();
    QVERIFY2(m_temp->isValid(), qPrintable(m_temp->errorMessage()));
    QVERIFY(m_temp->engine().admin().putPolicy(TempEngine::owner(), u"desk"_s,
                                               test::hcl({{"auth/token/create", "update"}})));
    m_ada = issue(u"ada"_s, 2 * kDay, true);
    m_ben = issue(u"ben"_s, 2 * kDay + 60, true, false);
    m_desk = issue(u"desk"_s, 3 * kDay, false, true, {u"desk"_s});
    issue(u"cy"_s, 2 * kDay, false);    // a patron, unmarked
    issue(u"later"_s, 20 * kDay, true); // beyond the window
    m_temp->clock().advanceSeconds(kDay / 2);
}

void TestExpiringSoonDialog::cleanup()
{
    m_temp.reset();
}

void TestExpiringSoonDialog::listsMarkedAndStaffTokensSoonestFirst()
{
    ExpiringSoonDialog dialog(m_temp->engine(), 7);
    dialog.show();
    QCOMPARE(names(dialog), (QStringList{u"ada"_s, u"ben"_s, u"desk"_s}));
    QCOMPARE(dialog.model()->index(2, items::ExpiringTokenModel::ReasonColumn).data().toString(),
             u"staff"_s);
    ExpiringSoonDialog narrow(m_temp->engine(), 1);
    QCOMPARE(names(narrow), QStringList{});
}

void TestExpiringSoonDialog::buttonsWaitForASelection()
{
    ExpiringSoonDialog dialog(m_temp->engine(), 7);
    dialog.show();
    auto* renew = dialog.findChild<QPushButton*>(u"renewSelected"_s);
    auto* reissue = dialog.findChild<QPushButton*>(u"reissueSelected"_s);
    QVERIFY(renew && reissue);
    QVERIFY(!renew->isEnabled());
    QVERIFY(!reissue->isEnabled());
    dialog.selectAccessors({m_ada.accessor});
    QVERIFY(renew->isEnabled());
    QVERIFY(reissue->isEnabled());
    QCOMPARE(dialog.view()->selectionModel()->selectedRows().size(), 1);
}

void TestExpiringSoonDialog::renewSelectedRenewsEachAndNamesTheOneThatCannot()
{
    ExpiringSoonDialog dialog(m_temp->engine(), 7);
    dialog.show();
    dialog.selectAccessors({m_ada.accessor, m_ben.accessor, m_desk.accessor});
    dialog.findChild<QPushButton*>(u"renewSelected"_s)->click();

    const qint64 now = m_temp->clock().nowSeconds();
    auto lookup = [this](const engine::Token& token) {
        return m_temp->engine().tokens().lookup(TempEngine::owner(),
                                                engine::TokenRef::accessor(token.accessor));
    };
    auto ada = lookup(m_ada);
    QVERIFY2(ada, qPrintable(test::errorText(ada)));
    QCOMPARE(*ada->expireAt, now + 2 * kDay); // its creation TTL from now
    auto desk = lookup(m_desk);
    QVERIFY2(desk, qPrintable(test::errorText(desk)));
    QCOMPARE(*desk->expireAt, now + 3 * kDay);
    auto ben = lookup(m_ben);
    QVERIFY2(ben, qPrintable(test::errorText(ben)));
    QCOMPARE(*ben->expireAt, *m_ben.expireAt); // not renewable: unchanged

    const QString result = dialog.resultText();
    QVERIFY2(result.contains(u"Renewed 2 tokens"_s), qPrintable(result));
    QVERIFY2(result.contains(u"ben: "_s), qPrintable(result));
    QVERIFY2(!result.contains(u"ada: "_s), qPrintable(result));
    // The list follows: renewed tokens moved to their new places.
    QCOMPARE(names(dialog), (QStringList{u"ben"_s, u"ada"_s, u"desk"_s}));
}

void TestExpiringSoonDialog::reissueSelectedCreatesLikeTokensShownOnce()
{
    ExpiringSoonDialog dialog(m_temp->engine(), 7);
    dialog.show();
    QSignalSpy reissued(&dialog, &ExpiringSoonDialog::tokensReissued);
    dialog.selectAccessors({m_ada.accessor, m_desk.accessor});
    dialog.findChild<QPushButton*>(u"reissueSelected"_s)->click();

    QCOMPARE(reissued.size(), 1);
    const auto created = reissued.first().at(0).value<QList<engine::CreatedToken>>();
    QCOMPARE(created.size(), 2);
    for (const engine::CreatedToken& one : created) {
        QVERIFY(one.token.startsWith(u"tss."_s)); // the secret, to be shown once
        const engine::Token& original = one.info.displayName == u"ada"_s ? m_ada : m_desk;
        QVERIFY(one.info.accessor != original.accessor);
        QCOMPARE(one.info.policies, original.policies);
        QCOMPARE(one.info.meta, original.meta);
        QCOMPARE(one.info.parentAccessor, original.parentAccessor);
        QCOMPARE(one.info.warnBeforeExpiry, original.warnBeforeExpiry);
        auto stored = m_temp->engine().tokens().validate(one.token);
        QVERIFY2(stored, qPrintable(test::errorText(stored)));
    }
    QVERIFY2(dialog.resultText().contains(u"Issued 2 fresh tokens"_s),
             qPrintable(dialog.resultText()));
    // The fresh ones are listed too (marked or staff, and expiring within the week).
    QCOMPARE(dialog.model()->rowCount(), 5);
}

QTEST_MAIN(TestExpiringSoonDialog)
#include "tst_expiringsoondialog.moc"
