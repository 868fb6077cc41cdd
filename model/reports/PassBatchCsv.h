#pragma once

#include <QByteArray>

namespace tessera::engine {
struct PassBatch;
} // namespace tessera::engine

namespace tessera::reports {

// A batch of passes as CSV for a mail merge or a spreadsheet: a header, then
// one line per pass (number, display_name, token, accessor, expires as UTC
// ISO 8601 or empty, uses with 0 for unlimited, parent accessor, the code to
// type, last so that older imports keep their columns). It holds the tokens and codes themselves:
// the file is as secret as the printed sheet.
class PassBatchCsv
{
public:
    static QByteArray header();
    static QByteArray write(const engine::PassBatch& batch);
};

} // namespace tessera::reports
