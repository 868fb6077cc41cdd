#pragma once

#include "engine/Token.h"

#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;

namespace tessera::ui {

// Every field of one token (never the token itself) and how many tokens its
// subtree holds, beside the tree. The TTL left ticks with the tree's countdown.
class TokenDetailsPane : public QWidget
{
    Q_OBJECT

public:
    explicit TokenDetailsPane(QWidget* parent = nullptr);

    // The parent of the tokens shown next, for its name (else its accessor shows).
    void setParentToken(const std::optional<engine::Token>& parent);
    // descendants: -1 while unknown.
    void showToken(const engine::Token& token, qint64 descendants);
    void showSelectionCount(int count); // several rows selected
    void clear();
    // Refreshes the "TTL left" line (called every second by the window).
    void tick(qint64 nowSeconds);

    std::optional<engine::Token> token() const { return m_token; }
    // Text of a field, by its label's object name (tests).
    QString fieldText(const QString& name) const;

private:
    QLabel* addField(const QString& name, const QString& label);

    QFormLayout* m_form;
    QLabel* m_heading;
    QWidget* m_fields;
    std::optional<engine::Token> m_token;
    std::optional<engine::Token> m_parent;
};

} // namespace tessera::ui
