#include "ui/TokenFinder.h"

#include "engine/TokenFilter.h"
#include "ui/EngineTask.h"

namespace tessera::ui {

TokenFinder::TokenFinder(Session& session, QObject* parent)
    : QObject(parent)
    , m_session(session)
{}

void TokenFinder::find(const QString& text)
{
    if (text == m_text && !m_matches.isEmpty()) {
        next();
        return;
    }
    m_text = text;
    const int generation = ++m_generation;
    const engine::TokenBrowser browser = m_session.engine().browser();
    runWithEngine(
        m_session, this,
        [browser, filter = engine::TokenFilter(text)] {
            return browser.search(filter, kMaxMatches);
        },
        [this, generation](Result<QList<engine::TokenBrowser::Match>> found) {
            if (generation != m_generation)
                return;
            if (!found) {
                m_matches.clear();
                m_current = -1;
                Q_EMIT failed(found.error().message);
                return;
            }
            m_matches = std::move(found).value();
            m_current = m_matches.isEmpty() ? -1 : 0;
            Q_EMIT currentChanged();
        });
}

const engine::TokenBrowser::Match* TokenFinder::current() const
{
    return m_current >= 0 && m_current < m_matches.size() ? &m_matches[m_current] : nullptr;
}

void TokenFinder::next()
{
    step(1);
}

void TokenFinder::previous()
{
    step(-1);
}

void TokenFinder::step(int delta)
{
    if (m_matches.isEmpty())
        return;
    const int n = count();
    m_current = ((m_current + delta) % n + n) % n;
    Q_EMIT currentChanged();
}

} // namespace tessera::ui
