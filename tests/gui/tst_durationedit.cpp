#include "ui/DurationEdit.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

using tessera::ui::DurationEdit;

class TestDurationEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void startsAsNone();
    void spinBoxesMakeTheValue();
    void typedVaultDurationFillsTheParts();
    void typedGarbageIsReportedAndKeepsTheValue();
    void noneMeansNotSet();

private:
    static QSpinBox* part(DurationEdit& edit, int index)
    {
        return edit.findChildren<QSpinBox*>().at(index);
    }
};

void TestDurationEdit::startsAsNone()
{
    DurationEdit edit;
    QVERIFY(edit.isNone());
    QCOMPARE(edit.value(), 0);
}

void TestDurationEdit::spinBoxesMakeTheValue()
{
    DurationEdit edit;
    edit.setValue(60);
    QSignalSpy changed(&edit, &DurationEdit::valueChanged);
    part(edit, 0)->setValue(2);
    part(edit, 1)->setValue(3);
    QCOMPARE(edit.value(), 2 * 86400 + 3 * 3600 + 60);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(edit.findChild<QLineEdit*>()->text(), QStringLiteral("2d3h1m"));
}

void TestDurationEdit::typedVaultDurationFillsTheParts()
{
    DurationEdit edit;
    edit.setValue(60);
    auto* text = edit.findChild<QLineEdit*>();
    text->clear();
    QTest::keyClicks(text, QStringLiteral("36h"));
    QCOMPARE(edit.value(), 36 * 3600);
    QCOMPARE(part(edit, 0)->value(), 1);
    QCOMPARE(part(edit, 1)->value(), 12);
    QCOMPARE(part(edit, 2)->value(), 0);
    QVERIFY(edit.textError().isEmpty());
}

void TestDurationEdit::typedGarbageIsReportedAndKeepsTheValue()
{
    DurationEdit edit;
    edit.setValue(3600);
    auto* text = edit.findChild<QLineEdit*>();
    text->clear();
    QTest::keyClicks(text, QStringLiteral("soon"));
    QVERIFY(!edit.textError().isEmpty());
    QCOMPARE(edit.value(), 3600);
}

void TestDurationEdit::noneMeansNotSet()
{
    DurationEdit edit;
    edit.setValue(7200);
    QVERIFY(!edit.isNone());
    auto* none = edit.findChild<QCheckBox*>();
    none->click();
    QCOMPARE(edit.value(), 0);
    QVERIFY(!part(edit, 0)->isEnabled());
    none->click();
    QCOMPARE(edit.value(), 7200);
}

QTEST_MAIN(TestDurationEdit)
#include "tst_durationedit.moc"
