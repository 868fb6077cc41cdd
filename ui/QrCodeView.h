#pragma once

#include "reports/QrCode.h"

#include <QWidget>
#include <optional>

namespace tessera::ui {

// A QR code on screen, for a phone to scan (AccessPass paints the same QrCode
// on paper). Each module is a whole number of pixels, so the edges stay sharp
// for the camera. Empty, and painted as nothing, until setData().
class QrCodeView : public QWidget
{
    Q_OBJECT

public:
    explicit QrCodeView(QWidget* parent = nullptr);

    // False, and the view empty, when `text` does not fit in a QR code.
    bool setData(const QByteArray& text);
    void clear();
    const std::optional<reports::QrCode>& code() const { return m_code; }

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::optional<reports::QrCode> m_code;
};

} // namespace tessera::ui
