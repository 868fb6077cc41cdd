#include "engine/TokenFormat.h"
#include "reports/QrCode.h"
#include "ui/NewTokenDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;
using ui::NewTokenDialog;

namespace {

engine::CreatedToken oneUseToken()
{
    engine::CreatedToken created;
    created.token = engine::TokenFormat::newServiceToken(1'760'000'000);
    created.info.accessor = engine::TokenFormat::newAccessor(1'760'000'000);
    created.info.displayName = QStringLiteral("Reading room 2");
    created.info.policies = {QStringLiteral("archive"), QStringLiteral("default")};
    created.info.numUses = 1;
    created.info.usesLeft = 1;
    created.info.createdAt = 1'790'000'000;
    created.info.expireAt = 1'790'000'000 + 4 * 3600;
    return created;
}

} // namespace

class TestNewTokenDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tokenIsShownMonospaceReadOnlyAndSelectable();
    void copyPutsTheTokenOnTheClipboardMarkedSecret();
    void copyGoesThroughTheSessionClipboardWhenGiven();
    void qrCodeHasFinderPatterns();
    void printPassWritesAPdfWithNameExpiryAndUses();
    void linkIsShownAndCopiedInPlaceOfTheToken();
};

void TestNewTokenDialog::tokenIsShownMonospaceReadOnlyAndSelectable()
{
    const auto created = oneUseToken();
    NewTokenDialog dialog(created, QStringLiteral("City Library"));
    auto* token = dialog.findChild<QPlainTextEdit*>(QStringLiteral("token"));
    QVERIFY(token);
    QCOMPARE(token->toPlainText(), created.token);
    QVERIFY(token->isReadOnly());
    QVERIFY(token->textInteractionFlags() & Qt::TextSelectableByMouse);
    // The font it was given, not the one the machine resolves it to: which
    // fonts are installed must not decide the test.
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QVERIFY(fixed != QApplication::font()); // else the check below could not fail
    QCOMPARE(token->font(), fixed);
}

void TestNewTokenDialog::copyPutsTheTokenOnTheClipboardMarkedSecret()
{
    const auto created = oneUseToken();
    QApplication::clipboard()->clear();
    NewTokenDialog dialog(created, QStringLiteral("City Library"));
    dialog.findChild<QPushButton*>(QStringLiteral("copy"))->click();
    QCOMPARE(QApplication::clipboard()->text(), created.token);
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    QVERIFY(mime->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
}

void TestNewTokenDialog::copyGoesThroughTheSessionClipboardWhenGiven()
{
    const auto created = oneUseToken();
    QApplication::clipboard()->clear();
    QString copied;
    NewTokenDialog dialog(created, QStringLiteral("City Library"),
                          [&copied](const QString& secret) { copied = secret; });
    dialog.findChild<QPushButton*>(QStringLiteral("copy"))->click();
    QCOMPARE(copied, created.token);
    QVERIFY(QApplication::clipboard()->text().isEmpty());
}

void TestNewTokenDialog::qrCodeHasFinderPatterns()
{
    const auto code = reports::QrCode::encode(oneUseToken().token.toUtf8());
    QVERIFY(code);
    QVERIFY(code->size() >= 21);
    // The three finder squares: dark corners, a light ring, a dark centre.
    const int last = code->size() - 1;
    for (const auto& [x, y] : {std::pair{0, 0}, std::pair{last - 6, 0}, std::pair{0, last - 6}}) {
        QVERIFY(code->isDark(x, y));
        QVERIFY(!code->isDark(x + 1, y + 1));
        QVERIFY(code->isDark(x + 3, y + 3));
    }
}

void TestNewTokenDialog::printPassWritesAPdfWithNameExpiryAndUses()
{
    const auto created = oneUseToken();
    NewTokenDialog dialog(created, QStringLiteral("City Library"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("pass.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    QVERIFY(dialog.printPass(printer));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.size() > 1000);
    QCOMPARE(file.read(5), QByteArrayLiteral("%PDF-"));

    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    QProcess process;
    process.start(pdftotext, {path, QStringLiteral("-")});
    QVERIFY(process.waitForFinished(10'000));
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(text.contains(QStringLiteral("City Library")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Reading room 2")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("One use only")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Valid until")), qPrintable(text));
}

void TestNewTokenDialog::linkIsShownAndCopiedInPlaceOfTheToken()
{
    auto created = oneUseToken();
    created.info.meta.insert(QStringLiteral("gate_document"),
                             QStringLiteral("gate/journal.example.org/articles/42/"));
    const QString link =
        QStringLiteral("https://journal.example.org/gate/redeem?t=") + created.token;
    QString copied;
    NewTokenDialog dialog(created, link, QStringLiteral("City Library"),
                          [&copied](const QString& secret) { copied = secret; });
    QCOMPARE(dialog.windowTitle(), QStringLiteral("New Link"));
    QCOMPARE(dialog.findChild<QPlainTextEdit*>(QStringLiteral("token"))->toPlainText(), link);
    dialog.findChild<QPushButton*>(QStringLiteral("copy"))->click();
    QCOMPARE(copied, link);
}

QTEST_MAIN(TestNewTokenDialog)
#include "tst_newtokendialog.moc"
