#pragma once

#include <QDir>
#include <QObject>
#include <functional>

class QWidget;

namespace tessera::ui {

class MainWindow;

// Automation for scripts/screenshots.sh (--screenshot DIR): expands the tree,
// selects a token, then saves the main window, the issue form, the audit view,
// the report dialog, the link dialog, Token › Expiring Soon, a demo user's second-factor dialog
// in the middle of an enrolment (its QR code showing, two security keys listed that the tour
// registers first), the dashboard, the batch-of-passes dialog and the patron import dialog with a
// sample file holding one bad line, as PNGs into DIR and quits. Dialogs may block in exec(), so
// every step is scheduled before the action that opens one.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow& window, const QString& directory, QObject* parent = nullptr);

    void start();

private:
    void prepareTree();
    void shootMainWindow();
    // `prepare` fills the dialog in before the picture (nothing when empty).
    void openDialog(int action, const QString& fileName, void (ScreenshotTour::*next)(),
                    const std::function<void(QWidget*)>& prepare = {});
    void shootAuditView();
    void shootReportDialog();
    void shootLinkDialog();
    void shootExpiringSoonDialog();
    void shootSecondFactorDialog();
    void shootDashboard();
    void shootBatchDialog();
    void shootImportDialog();
    void finish();
    bool save(QWidget* widget, const QString& fileName);
    QWidget* newTopLevel() const;

    MainWindow& m_window;
    QDir m_directory;
    int m_failures = 0;
};

} // namespace tessera::ui
