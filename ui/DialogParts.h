#pragma once

#include <QString>

class QLabel;
class QProgressBar;
class QWidget;

namespace tessera::ui {

// Pieces the store dialogs (create, unlock, change passphrase) share.
struct DialogParts
{
    // A hidden inline error (white on red) named "error", shown by setText + show.
    static QLabel* inlineError(QWidget* parent);
    // A hidden busy indicator (no steps) for work off the GUI thread.
    static QProgressBar* busyBar(const QString& accessibleName, QWidget* parent);
};

} // namespace tessera::ui
