#include "ReportProgress.h"

#include <algorithm>

namespace tessera::reports {

ReportProgress ReportProgress::phase(int fromPermille, int toPermille) const
{
    ReportProgress part(m_stop, m_onProgress);
    const int span = m_to - m_from;
    part.m_from = m_from + span * fromPermille / 1000;
    part.m_to = m_from + span * toPermille / 1000;
    part.m_last = m_last;
    return part;
}

Status ReportProgress::step(qint64 done, qint64 total) const
{
    if (cancelled())
        return cancelledError();
    if (!m_onProgress)
        return {};
    const qint64 share = total > 0 ? std::clamp<qint64>(done * 1000 / total, 0, 1000) : 1000;
    const int permille = m_from + int((m_to - m_from) * share / 1000);
    if (permille != *m_last) {
        *m_last = permille;
        m_onProgress(permille);
    }
    return {};
}

Error ReportProgress::cancelledError()
{
    return Error{ErrorCode::Conflict, QStringLiteral("The report was cancelled.")};
}

} // namespace tessera::reports
