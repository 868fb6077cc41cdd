#pragma once

#include "engine/TokenEngine.h"

#include <QDialog>

class QLineEdit;
class QPushButton;

namespace tessera::ui {

class DurationEdit;
class InlineMessage;

// "Link for one document": a one-use link to one page behind the gate, for a
// patron who needs that page and nothing else (GateService::createLink). The
// administrator pastes the page's address; the link is the page's own site's
// /gate/redeem. NewTokenDialog then shows the link once, like a token.
class DocumentLinkDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DocumentLinkDialog(engine::TokenEngine& engine, QWidget* parent = nullptr);

    // After acceptance: the link's token, and the address to hand out.
    const engine::CreatedToken& created() const { return m_created; }
    const QString& link() const { return m_link; }
    QString problem() const { return m_problemText; }

private:
    void revalidate();
    void issue();

    engine::TokenEngine& m_engine;
    engine::CreatedToken m_created;
    QString m_link;
    QString m_problemText;

    QLineEdit* m_address = nullptr;
    DurationEdit* m_ttl = nullptr;
    InlineMessage* m_message = nullptr;
    QPushButton* m_create = nullptr;
};

} // namespace tessera::ui
