#include "BenchTable.h"

#include <algorithm>

namespace tessera::bench {
namespace {

QString number(double value)
{
    if (value >= 100)
        return QString::number(qint64(value + 0.5));
    return QString::number(value, 'f', value >= 10 ? 1 : 3);
}

} // namespace

void BenchTable::add(const QString& name, double measured, const QString& unit, Goal goal,
                     double target)
{
    m_rows.append({name, measured, unit, goal, target});
}

bool BenchTable::Row::met() const
{
    switch (goal) {
    case Goal::AtLeast:
        return measured >= target;
    case Goal::AtMost:
        return measured <= target;
    case Goal::Report:
        return true;
    }
    return true;
}

bool BenchTable::allTargetsMet() const
{
    return std::all_of(m_rows.cbegin(), m_rows.cend(), [](const Row& row) { return row.met(); });
}

QString BenchTable::toMarkdown() const
{
    QString out = QStringLiteral("| measurement | measured | target | ratio | met |\n"
                                 "|---|---:|---:|---:|:-:|\n");
    for (const Row& row : m_rows) {
        QString target = QStringLiteral("—");
        QString ratio = QStringLiteral("—");
        if (row.goal != Goal::Report) {
            target = (row.goal == Goal::AtLeast ? QStringLiteral("≥ ") : QStringLiteral("≤ ")) +
                     number(row.target) + u' ' + row.unit;
            // Ratio > 1 always means "better than the target".
            const double r = row.goal == Goal::AtLeast ? row.measured / row.target
                                                       : row.target / std::max(row.measured, 1e-9);
            ratio = QString::number(r, 'f', 2);
        }
        out += QStringLiteral("| %1 | %2 %3 | %4 | %5 | %6 |\n")
                   .arg(row.name, number(row.measured), row.unit, target, ratio,
                        row.goal == Goal::Report ? QStringLiteral("—")
                        : row.met()              ? QStringLiteral("yes")
                                                 : QStringLiteral("**no**"));
    }
    return out;
}

} // namespace tessera::bench
