#include "ui/DashboardView.h"

#include "items/StoreWatcher.h"
#include "reports/ReportStyle.h"
#include "ui/EngineTask.h"
#include "ui/InlineMessage.h"
#include "ui/Session.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace tessera::ui {

namespace {

using Figure = DashboardView::Figure;

qint64 valueOf(const reports::ActivityCounts& counts, Figure figure)
{
    switch (figure) {
    case Figure::Issued:
        return counts.issued;
    case Figure::Revoked:
        return counts.revoked;
    case Figure::Expired:
        return counts.expired;
    case Figure::SignIns:
        return counts.logins;
    case Figure::FailedSignIns:
    case Figure::Count:
        break;
    }
    return counts.failedLogins;
}

// The PDF report's colours, so that a figure looks the same everywhere.
QColor colourOf(Figure figure)
{
    switch (figure) {
    case Figure::Issued:
        return reports::style::kIssued;
    case Figure::Revoked:
        return reports::style::kRevoked;
    case Figure::Expired:
        return reports::style::kExpired;
    case Figure::SignIns:
        return reports::style::kLogins;
    case Figure::FailedSignIns:
    case Figure::Count:
        break;
    }
    return reports::style::kFailedLogins;
}

// A step of 1, 2 or 5 times a power of ten giving at most five intervals up
// to `top`, so that the axis shows whole numbers only.
qint64 niceStep(qint64 top)
{
    qint64 power = 1;
    for (;;) {
        for (const qint64 factor : {1, 2, 5}) {
            if (factor * power * 5 >= top)
                return factor * power;
        }
        power *= 10;
    }
}

} // namespace

DashboardView::DashboardView(Session& session, QWidget* parent)
    : QDockWidget(tr("Dashboard"), parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("DashboardView"));
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    m_heading = new QLabel(content);
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    layout->addWidget(m_heading);
    layout->addWidget(buildTiles());
    m_message = new InlineMessage(content);
    layout->addWidget(m_message);
    layout->addWidget(buildChart(), 1);
    setWidget(content);

    m_soon.setSingleShot(true);
    m_soon.setInterval(kAfterChangeMs);
    m_period.setInterval(kPeriodMs);
    connect(&m_soon, &QTimer::timeout, this, &DashboardView::refresh);
    connect(&m_period, &QTimer::timeout, this, &DashboardView::refresh);
    connect(this, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_stale)
            refreshSoon();
    });
    m_period.start();

    engine::TokenEngine& engine = m_session.engine();
    const auto changed = [this] { refreshSoon(); };
    connect(&engine, &engine::TokenEngine::tokenCreated, this, changed);
    connect(&engine, &engine::TokenEngine::tokenRenewed, this, changed);
    connect(&engine, &engine::TokenEngine::tokensRevoked, this, changed);
    connect(&engine, &engine::TokenEngine::usersChanged, this, changed);
    showActivity(reports::DeskActivity::fromTally(
        reports::DeskActivity::daysEndingAt(engine.clock().nowMs(), QTimeZone::systemTimeZone()),
        {}));
    refreshSoon();
}

void DashboardView::follow(const items::StoreWatcher& watcher)
{
    connect(&watcher, &items::StoreWatcher::auditAppended, this, &DashboardView::refreshSoon);
}

void DashboardView::refreshSoon()
{
    m_stale = true;
    if (!m_soon.isActive())
        m_soon.start();
}

QString DashboardView::tileText(Figure figure) const
{
    return m_tiles[static_cast<size_t>(figure)]->text();
}

QString DashboardView::figureName(Figure figure)
{
    switch (figure) {
    case Figure::Issued:
        return tr("Issued");
    case Figure::Revoked:
        return tr("Revoked");
    case Figure::Expired:
        return tr("Expired");
    case Figure::SignIns:
        return tr("Sign-ins");
    case Figure::FailedSignIns:
    case Figure::Count:
        break;
    }
    return tr("Failed sign-ins");
}

void DashboardView::refresh()
{
    if (!m_session.isUnlocked() || !isVisible())
        return; // m_stale stays: shown again, it counts
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    m_stale = false;
    const engine::AdminService& admin = m_session.engine().admin();
    const Clock& clock = m_session.engine().clock();
    runWithEngine(
        m_session, this,
        [&admin, &clock] {
            return reports::DeskActivity::load(admin, clock, QTimeZone::systemTimeZone());
        },
        [this](Result<reports::DeskActivity> activity) {
            m_running = false;
            if (activity) {
                m_message->clear();
                showActivity(*activity);
            } else {
                m_message->showMessage(
                    InlineMessage::Kind::Error,
                    tr("The figures could not be counted: %1").arg(activity.error().message));
            }
            if (m_again)
                refreshSoon();
            Q_EMIT refreshed();
        });
}

QWidget* DashboardView::buildTiles()
{
    auto* tiles = new QWidget(this);
    auto* grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kFigures; ++i) {
        const auto figure = static_cast<Figure>(i);
        auto* tile = new QFrame(tiles);
        tile->setObjectName(QStringLiteral("dashboardTile"));
        // A stripe of the figure's colour, as in the chart's legend.
        tile->setStyleSheet(QStringLiteral("QFrame#dashboardTile { border: 1px solid palette(mid); "
                                           "border-left: 5px solid %1; }")
                                .arg(colourOf(figure).name()));
        auto* tileLayout = new QVBoxLayout(tile);
        auto* value = new QLabel(QStringLiteral("0"), tile);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 2);
        big.setBold(true);
        value->setFont(big);
        value->setAccessibleName(figureName(figure));
        auto* caption = new QLabel(figureName(figure), tile);
        caption->setWordWrap(true);
        tileLayout->addWidget(value);
        tileLayout->addWidget(caption);
        grid->addWidget(tile, 0, i);
        m_tiles[static_cast<size_t>(i)] = value;
    }
    return tiles;
}

QChartView* DashboardView::buildChart()
{
    m_chart = new QChart;
    m_chart->setTitle(tr("Last %1 days").arg(reports::DeskActivity::kDays));
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_days = new QCategoryAxis(m_chart);
    m_days->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Half a day of room either side: the first and last points (and today's
    // date below the last) stay clear of the plot's edges.
    m_days->setStartValue(-0.5);
    m_days->setRange(-0.5, reports::DeskActivity::kDays - 0.5);
    m_days->setGridLineVisible(false);
    m_values = new QValueAxis(m_chart);
    m_values->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_days, Qt::AlignBottom);
    m_chart->addAxis(m_values, Qt::AlignLeft);
    for (int i = 0; i < kFigures; ++i) {
        const auto figure = static_cast<Figure>(i);
        auto* series = new QLineSeries(m_chart);
        series->setName(figureName(figure));
        QPen pen(colourOf(figure));
        pen.setWidthF(2);
        series->setPen(pen);
        series->setPointsVisible(true);
        m_chart->addSeries(series);
        series->attachAxis(m_days);
        series->attachAxis(m_values);
        m_series[static_cast<size_t>(i)] = series;
    }
    auto* view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(220);
    view->setAccessibleName(tr("Activity of the last %1 days").arg(reports::DeskActivity::kDays));
    return view;
}

void DashboardView::showActivity(const reports::DeskActivity& activity)
{
    m_activity = activity;
    const QLocale locale = this->locale();
    m_heading->setText(tr("Today, %1").arg(locale.toString(activity.today(), QLocale::LongFormat)));
    const reports::ActivityCounts today = activity.todayCounts();
    for (int i = 0; i < kFigures; ++i)
        m_tiles[static_cast<size_t>(i)]->setText(
            locale.toString(valueOf(today, static_cast<Figure>(i))));
    updateChart();
}

void DashboardView::updateChart()
{
    const QList<reports::DeskActivity::Day>& days = m_activity.days();
    qint64 highest = 0;
    for (int i = 0; i < kFigures; ++i) {
        QList<QPointF> points;
        points.reserve(days.size());
        for (qsizetype day = 0; day < days.size(); ++day) {
            const qint64 value = valueOf(days[day].counts, static_cast<Figure>(i));
            highest = std::max(highest, value);
            points.append(QPointF(qreal(day), qreal(value)));
        }
        m_series[static_cast<size_t>(i)]->replace(points);
    }
    // Whole numbers on the value axis: a top that is a multiple of the step.
    const qint64 step = niceStep(std::max<qint64>(highest, 1));
    const qint64 top = std::max<qint64>(step, (highest + step - 1) / step * step);
    m_values->setRange(0, qreal(top));
    m_values->setTickCount(int(top / step) + 1);

    // A date every week, counted back from today, which is always labelled.
    const QStringList old = m_days->categoriesLabels();
    for (const QString& label : old)
        m_days->remove(label);
    const QLocale locale = this->locale();
    const qsizetype last = days.size() - 1;
    for (qsizetype day = last % 7; day <= last; day += 7)
        m_days->append(locale.toString(days[day].date, QStringLiteral("d MMM")), qreal(day));
}

} // namespace tessera::ui
