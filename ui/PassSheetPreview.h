#pragma once

#include "reports/PassSheet.h"

#include <QWidget>

namespace tessera::ui {

// The first page of a pass sheet (or the first receipt), scaled to the
// widget as it will print: the batch dialog shows it while the form changes,
// with sample passes, before anything is issued.
class PassSheetPreview : public QWidget
{
    Q_OBJECT

public:
    explicit PassSheetPreview(QWidget* parent = nullptr);

    void setSheet(reports::PassSheet sheet);
    const reports::PassSheet& sheet() const { return m_sheet; }
    // The passes the shown page holds.
    int shownPasses() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    // The page's rectangle in the widget, its aspect kept.
    QRectF pageRect() const;

    reports::PassSheet m_sheet;
};

} // namespace tessera::ui
