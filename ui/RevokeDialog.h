#pragma once

#include "core/Result.h"
#include "engine/TokenEngine.h"

#include <QDialog>
#include <functional>

class QLabel;
class QPushButton;

namespace tessera::ui {

// Asks before revoking: names the token(s) and how many tokens go with them,
// counted by the engine (descendantCount). A token selected inside another
// selected token's subtree is counted once, and the dialog says so. "Keep
// children" revokes only the selected tokens; their children become orphans.
//
// The dialog only confirms; work() is the revocation itself, to be run off
// the GUI thread (LongTask) because a subtree may hold 100k tokens.
class RevokeDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode
    {
        Subtree,      // the tokens and everything below them
        KeepChildren, // the tokens only; their children become orphans
    };

    RevokeDialog(engine::TokenEngine& engine, const QList<engine::Token>& tokens, Mode mode,
                 QWidget* parent = nullptr);

    // The question asked ("Revoke 'desk-3' and its 1,204 descendant tokens?").
    QString question() const;
    // Every token that goes (Subtree) or the selected ones (KeepChildren).
    qint64 tokenCount() const { return m_total; }
    // Selected tokens that lie inside another selected token's subtree.
    int nestedCount() const { return m_nested; }

    // The revocation, safe to run on another thread; the accessors revoked.
    std::function<Result<QStringList>()> work() const;

private:
    void count();

    engine::TokenEngine& m_engine;
    QList<engine::Token> m_tokens;
    Mode m_mode;
    QStringList m_outermost; // selected accessors not inside another selected subtree
    qint64 m_descendants = 0;
    qint64 m_total = 0;
    int m_nested = 0;
    QString m_countError;
    QLabel* m_question = nullptr;
};

} // namespace tessera::ui
