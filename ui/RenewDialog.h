#pragma once

#include "engine/Role.h"
#include "engine/TokenEngine.h"

#include <QDialog>
#include <optional>

class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace tessera::ui {

class DurationEdit;
class InlineMessage;

// Renews one token by an increment (none: its creation TTL). Before submit it
// shows what the engine's TTL rules (TtlPolicy) will make of the increment,
// capping included; afterwards the new expiry and any warning.
class RenewDialog : public QDialog
{
    Q_OBJECT

public:
    RenewDialog(engine::TokenEngine& engine, const engine::Token& token, QWidget* parent = nullptr);

    // After a successful renewal.
    const std::optional<engine::Renewal>& renewal() const { return m_renewal; }
    QString problem() const { return m_problemText; }

private:
    void preview();
    void renew();
    QString expiryText(const std::optional<qint64>& expireAt) const;

    engine::TokenEngine& m_engine;
    engine::Token m_token;
    std::optional<engine::Role> m_role; // as it is now
    std::optional<engine::Renewal> m_renewal;
    QString m_problemText;

    DurationEdit* m_increment = nullptr;
    InlineMessage* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_renew = nullptr;
};

} // namespace tessera::ui
