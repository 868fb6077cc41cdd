#pragma once

#include "reports/DeskActivity.h"

#include <QDockWidget>
#include <QTimer>
#include <array>

class QLabel;
class QCategoryAxis;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;

namespace tessera::items {
class StoreWatcher;
}

namespace tessera::ui {

class InlineMessage;
class Session;

// The desk at a glance (View › Dashboard): today's figures — tokens issued,
// revocations, tokens expired, sign-ins and refused sign-ins — in five tiles,
// and the last 30 days as one line per figure.
//
// Counted by reports::DeskActivity (one grouped query over the audit log) off
// the GUI thread, while the dock is shown. Every change the engine announces,
// and every record another process appends (follow()), asks for a recount a
// moment later: a burst (a batch of a thousand passes) gives one.
class DashboardView : public QDockWidget
{
    Q_OBJECT

public:
    // The figures shown, in the tiles' order.
    enum class Figure
    {
        Issued,
        Revoked,
        Expired,
        SignIns,
        FailedSignIns,
        Count
    };
    static constexpr int kFigures = static_cast<int>(Figure::Count);
    static constexpr int kAfterChangeMs = 300;
    // Also recounted now and then, for the day that turns at midnight.
    static constexpr int kPeriodMs = 60 * 1000;

    explicit DashboardView(Session& session, QWidget* parent = nullptr);

    // Recounts when `watcher` reports records appended by any process.
    void follow(const items::StoreWatcher& watcher);
    // Recount soon (a burst of changes gives one count); at once when shown
    // again if hidden now.
    void refreshSoon();
    // What the view shows.
    const reports::DeskActivity& activity() const { return m_activity; }
    // A tile's figure as shown ("12").
    QString tileText(Figure figure) const;
    static QString figureName(Figure figure);

Q_SIGNALS:
    // A count finished and the view shows it (or its error).
    void refreshed();

private:
    void refresh();
    void showActivity(const reports::DeskActivity& activity);
    QWidget* buildTiles();
    QChartView* buildChart();
    void updateChart();

    Session& m_session;
    reports::DeskActivity m_activity;
    QTimer m_soon;
    QTimer m_period;
    bool m_running = false;
    bool m_again = false; // a change came while counting
    bool m_stale = true;  // a change came while hidden
    QLabel* m_heading = nullptr;
    InlineMessage* m_message = nullptr;
    std::array<QLabel*, kFigures> m_tiles{};
    QChart* m_chart = nullptr;
    std::array<QLineSeries*, kFigures> m_series{};
    QCategoryAxis* m_days = nullptr;
    QValueAxis* m_values = nullptr;
};

} // namespace tessera::ui
