#include "reports/QrCode.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

using tessera::reports::QrCode;

class TestQrCode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageHasOnePixelPerModuleInsideAWhiteQuietZone();
    void pdfKeepsTheCodeAsALosslessOneBitImage();
    void paintedCodeScalesEachModuleToASharpSquare();
};

namespace {

QrCode sample()
{
    const auto code = QrCode::encode("tss.zqA2liRRQDrM28kYLdgTicE6p3FAVvjj1qO1Zw");
    Q_ASSERT(code);
    return *code;
}

bool isBlack(QRgb pixel)
{
    return qGray(pixel) < 128;
}

} // namespace

void TestQrCode::imageHasOnePixelPerModuleInsideAWhiteQuietZone()
{
    const QrCode code = sample();
    const QImage image = code.toImage();
    const int side = code.size() + 2 * QrCode::kQuietZone;
    QCOMPARE(image.size(), QSize(side, side));
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const int mx = x - QrCode::kQuietZone;
            const int my = y - QrCode::kQuietZone;
            const bool inside = mx >= 0 && my >= 0 && mx < code.size() && my < code.size();
            QCOMPARE(isBlack(image.pixel(x, y)), inside && code.isDark(mx, my));
        }
    }
}

void TestQrCode::pdfKeepsTheCodeAsALosslessOneBitImage()
{
    // Printed passes must stay sharp: no JPEG, no interpolation, no colour.
    QBuffer pdf;
    QVERIFY(pdf.open(QIODevice::WriteOnly));
    {
        QPdfWriter writer(&pdf);
        QPainter painter(&writer);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        sample().paint(painter, QRectF(100, 100, 2000, 2000));
    }
    const QByteArray bytes = pdf.data();
    QVERIFY(bytes.contains("/Subtype /Image"));
    QVERIFY(bytes.contains("/BitsPerComponent 1"));
    QVERIFY(!bytes.contains("/DCTDecode"));
    QVERIFY(!bytes.contains("/Interpolate true"));
}

void TestQrCode::paintedCodeScalesEachModuleToASharpSquare()
{
    const QrCode code = sample();
    const int module = 7;
    const int side = (code.size() + 2 * QrCode::kQuietZone) * module;
    QImage canvas(side, side, QImage::Format_RGB32);
    canvas.fill(Qt::red);
    {
        QPainter painter(&canvas);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        code.paint(painter, QRectF(0, 0, side, side));
    }
    // Every pixel is pure black or pure white: nothing blurred, nothing left unpainted.
    for (int y = 0; y < side; ++y) {
        for (int x = 0; x < side; ++x) {
            const QRgb pixel = canvas.pixel(x, y);
            QVERIFY(pixel == qRgb(0, 0, 0) || pixel == qRgb(255, 255, 255));
            const int mx = x / module - QrCode::kQuietZone;
            const int my = y / module - QrCode::kQuietZone;
            const bool inside = mx >= 0 && my >= 0 && mx < code.size() && my < code.size();
            QCOMPARE(isBlack(pixel), inside && code.isDark(mx, my));
        }
    }
}

QTEST_GUILESS_MAIN(TestQrCode)
#include "tst_qrcode.moc"
