#pragma once

#include <QList>
#include <QString>

namespace tessera::bench {

// The table tessera-bench prints: one row per measurement, with its target and
// whether the target was met.
class BenchTable
{
public:
    enum class Goal
    {
        AtLeast, // higher is better
        AtMost,  // lower is better
        Report,  // no target
    };

    void add(const QString& name, double measured, const QString& unit, Goal goal = Goal::Report,
             double target = 0);
    QString toMarkdown() const;
    bool allTargetsMet() const;

private:
    struct Row
    {
        QString name;
        double measured;
        QString unit;
        Goal goal;
        double target;
        bool met() const;
    };
    QList<Row> m_rows;
};

} // namespace tessera::bench
