#pragma once

#include <QString>
#include <functional>
#include <initializer_list>
#include <utility>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLayout;
class QMessageBox;
class QObject;
class QProgressBar;
class QWidget;

namespace tessera::ui {

// Pieces the dialogs share: the store dialogs (create, unlock, change
// passphrase) and the editors' forms.
struct DialogParts
{
    // A hidden inline error (white on red) named "error", shown by setText + show.
    static QLabel* inlineError(QWidget* parent);
    // The message box's warning icon, for a dialog that asks before a step
    // that cannot be undone (revocations).
    static QLabel* warningIcon(QWidget* parent);
    // A hidden busy indicator (no steps) for work off the GUI thread.
    static QProgressBar* busyBar(const QString& accessibleName, QWidget* parent);
    // A form row of a store file: its label (`label`'s "&" gives `field` an Alt
    // shortcut), the field and a Browse button beside it.
    static void addFileRow(QFormLayout* form, const QString& label, QWidget* field,
                           QWidget* browse);
    // A store dialog's column: intro, form, error, busy indicator, buttons at the foot.
    static void stackStoreDialog(QWidget* dialog, QWidget* intro, QLayout* form, QWidget* error,
                                 QWidget* busy, QDialogButtonBox* buttons);
    // A warning that asks before a step that cannot be taken back (a root
    // token, turning a second factor off): Cancel is its default and Escape
    // button, so Enter alone answers no; the button `yes` calls `confirmed`.
    // Named `name`, its yes button `yesName`. Set its text, then open() it
    // (not exec(): the caller's dialog keeps running).
    static QMessageBox* confirmation(QWidget* parent, const QString& title, const QString& yes,
                                     std::pair<const char*, const char*> nameAndYesName,
                                     const std::function<void()>& confirmed);
    // Object names (for tests and style sheets) of many widgets at once.
    static void setObjectNames(std::initializer_list<std::pair<QObject*, const char*>> named);
};

} // namespace tessera::ui
