#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace tessera::ui {

// The search/filter bar above the tree: one field (display name, accessor,
// policy or metadata value such as a patron id), previous/next match, and
// "only matches" to narrow the tree to them. Enter finds; the window reveals;
// Escape hands the focus back.
class SearchBar : public QWidget
{
    Q_OBJECT

public:
    explicit SearchBar(QWidget* parent = nullptr);

    QString text() const;
    bool filterOnly() const;
    QLineEdit* field() const { return m_field; }
    void focusField();
    // "3 of 17", "No match", or empty.
    void showResult(int current, int total, bool truncated);
    void showMessage(const QString& message);

Q_SIGNALS:
    void findRequested(const QString& text);
    void nextRequested();
    void previousRequested();
    // Filter mode on with this text, or off (empty text).
    void filterChanged(const QString& text);
    // Escape in the field: the user is done searching (the text stays for F3).
    void leaveRequested();

private:
    void emitFilter();

    QLineEdit* m_field;
    QToolButton* m_previous;
    QToolButton* m_next;
    QCheckBox* m_filter;
    QLabel* m_result;
};

} // namespace tessera::ui
