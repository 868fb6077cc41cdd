#pragma once

#include "engine/TokenBrowser.h"

#include <QObject>
#include <QString>

namespace tessera::ui {

class Session;

// The search bar's "find": the tokens matching a text anywhere in the store
// (TokenBrowser::search, off the GUI thread) and which one is current. The
// window reveals the current match in the tree.
class TokenFinder : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxMatches = 200;

    explicit TokenFinder(Session& session, QObject* parent = nullptr);

    void find(const QString& text);
    void next();
    void previous();

    QString text() const { return m_text; }
    int count() const { return static_cast<int>(m_matches.size()); }
    int currentIndex() const { return m_current; }
    bool truncated() const { return m_matches.size() >= kMaxMatches; }
    const engine::TokenBrowser::Match* current() const;

Q_SIGNALS:
    // After find(), next() and previous(); current() is null when nothing matched.
    void currentChanged();
    void failed(const QString& message);

private:
    void step(int delta);

    Session& m_session;
    QString m_text;
    QList<engine::TokenBrowser::Match> m_matches;
    int m_current = -1;
    int m_generation = 0; // drops answers to searches typed over
};

} // namespace tessera::ui
